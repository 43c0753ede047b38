"""An ABC/XYZ exercise on a sample of clients (PL: zadanie ABC/XYZ na próbie klientów).

This workbook's exercise on the ABC and XYZ rules of the article *Working with clients* (the
article has no practical exercise for them): a dozen of the company's clients, drawn once and
treated as if they were the whole company, small enough to classify by hand in a workshop.

Questions: 1a the ABC thresholds of the article, 1b the XYZ thresholds; 2 the ABC/XYZ class of
each client of the sample, each wrong class explained (the textbook 80/95 thresholds, the client
that crosses a line, the sample standard deviation, months without sales left out or counted
before the client's first purchase, a new client given an XYZ class); 3 the A/X clients,
checked against the right classes and against the participant's own classes in 2; 4 what to do
with each of the nine groups.

The sample (this workbook's decision): :data:`SAMPLE_SIZE` clients with a sale in the analysed
horizon, drawn with numpy's generator from the first seed (0, 1, ...) whose sample has at least
one A/X client, so the exercise always has one. The classes are those of
:func:`salesnb.abcxyz.abc_xyz` on the sample's transactions with the company's parameters.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .. import abcxyz
from ..i18n import t
from ..money import from_units, to_units
from ..present import percent
from .core import Exercise, Mistake, Note, Question, tr
from .reading import Reading
from .structured import ChoicesAnswer, PairAnswer, SetAnswer, TextsAnswer

__all__ = ["CLASSES", "GROUPS", "KEY", "QUESTIONS", "SAMPLE_SIZE", "TITLE", "classes", "classes_table", "exercise",
           "sample", "sample_table", "sample_transactions", "turnover_table"]

KEY = "abc_xyz_sample"
TITLE = {"en": "ABC/XYZ on a sample of your clients", "pl": "ABC/XYZ na próbie Twoich klientów"}

#: Clients in the sample.
SAMPLE_SIZE = 12
#: The nine ABC/XYZ groups.
GROUPS = tuple(a + x for a in "ABC" for x in "XYZ")
#: The classes a client can have, and the words each may be typed as: a group, an ABC class
#: alone (a new client or a short history: no XYZ class), or none.
CLASSES: dict[str, list[str]] = {
    **{g: [f"{g[0]}/{g[1]}", f"{g[0]}-{g[1]}", f"{g[0]} {g[1]}", f"{g[0]},{g[1]}"] for g in GROUPS},
    **{a: [f"{a}-", f"{a}/-", f"{a}–", f"{a} (no XYZ)", f"{a} bez XYZ"] for a in "ABC"},
    "-": ["none", "brak", "—", "–", "no class", "bez klasy"],
}


def _settings(company: Any) -> Any:
    return abcxyz.settings(company, "salesnb.exercises.abc_sample")


def _classify(tx: pd.DataFrame, company: Any, **change: Any) -> pd.DataFrame:
    p = _settings(company)
    args = dict(abc_thresholds=p.abc_thresholds, xyz_thresholds=p.xyz_thresholds, period=p.period, ddof=p.ddof,
                min_periods=p.min_periods, span=p.span, horizon=p.horizon, lifecycle_window=p.window_text,
                by=p.by, cumulative=p.cumulative)
    args.update(change)
    return abcxyz.abc_xyz(tx, as_of=company.analysis_date, customers=tx[["customer_id"]].drop_duplicates(), **args)


def _class_of(row: pd.Series) -> str:
    if pd.isna(row["abc"]):
        return "-"
    return str(row["abc"]) + ("" if pd.isna(row["xyz"]) else str(row["xyz"]))


def classes(table: pd.DataFrame) -> dict[str, str]:
    """Each client's class as the exercise writes it (PL: klasy klientów): ``AX``, ``B`` (no XYZ), ``-``.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`salesnb.abcxyz.abc_xyz`.

    Returns
    -------
    dict
        ``{client: class}``.
    """
    return {str(i): _class_of(r) for i, r in table.iterrows()}


def sample(company: Any, size: int = SAMPLE_SIZE) -> tuple[list[str], int]:
    """The sample's clients and the seed that drew them (PL: próba klientów).

    Parameters
    ----------
    company : Company
    size : int, default :data:`SAMPLE_SIZE`

    Returns
    -------
    (list of str, int)
        The clients, sorted, and the seed.
    """
    whole = abcxyz.abc_xyz(company)
    pool = sorted(str(i) for i in whole.index[whole["abc"].notna() & (whole["turnover"] > 0)])
    size = min(size, len(pool))
    tx = company.transactions
    first = None
    for seed in range(200):
        pick = sorted(np.random.default_rng(seed).choice(pool, size=size, replace=False).tolist())
        first = first or (pick, seed)
        sub = tx[tx["customer_id"].astype(str).isin(pick)]
        if "AX" in classes(_classify(sub, company)).values():
            return pick, seed
    return first


def sample_transactions(company: Any, clients: list[str]) -> pd.DataFrame:
    """The transactions of the sample's clients (PL: transakcje próby).

    Parameters
    ----------
    company : Company
    clients : list of str

    Returns
    -------
    pandas.DataFrame
        A copy, ids as text.
    """
    tx = company.transactions
    out = tx[tx["customer_id"].astype(str).isin(clients)].copy()
    out["customer_id"] = out["customer_id"].astype(str)
    return out.reset_index(drop=True)


def sample_table(company: Any, clients: list[str]) -> pd.DataFrame:
    """Net turnover per client and month over the analysed horizon (PL: obrót klientów próby w miesiącach).

    Parameters
    ----------
    company : Company
    clients : list of str

    Returns
    -------
    pandas.DataFrame
        Index ``customer_id``; one column per month (``YYYY-MM``) of the horizon up to the as-of
        month, then ``turnover`` (the total); exact sums rounded to the grosz.
    """
    p = _settings(company)
    tx = sample_transactions(company, clients)
    as_of = pd.Timestamp(company.analysis_date)
    tx = tx[tx["date"] <= as_of + pd.Timedelta(days=1)]
    last = as_of.to_period("M")
    months = pd.period_range(last - ((p.horizon or 12) - 1), last, freq="M")
    tx = tx[tx["date"].dt.to_period("M").isin(months)]
    units = pd.Series(to_units(tx["amount"].to_numpy(dtype=float)), index=tx.index)
    grid = units.groupby([tx["customer_id"], tx["date"].dt.to_period("M")]).sum().unstack(fill_value=0.0)
    grid = grid.reindex(index=clients, columns=months, fill_value=0.0)
    out = pd.DataFrame(from_units(grid.to_numpy()), index=pd.Index(clients, name="customer_id"),
                       columns=[str(m) for m in months]).round(2)
    out["turnover"] = out.sum(axis=1).round(2)
    return out


def _sample(ctx) -> dict:
    def compute():
        clients = ctx.params.get("clients") or sample(ctx.company)[0]
        tx = sample_transactions(ctx.company, clients)
        return {"clients": clients, "tx": tx, "table": _classify(tx, ctx.company)}
    return ctx.memo("sample", compute)


def _alt(ctx, name: str, **change) -> dict:
    return ctx.memo(("alt", name), lambda: classes(_classify(_sample(ctx)["tx"], ctx.company, **change)))


def _cv_variant(ctx, client: str, how: str) -> float:
    """The CV with months without sales dropped (``nonzero``) or counted from the horizon's start (``all``)."""
    grid = ctx.memo("grid", lambda: sample_table(ctx.company, _sample(ctx)["clients"]).drop(columns="turnover"))
    row = grid.loc[client].to_numpy(dtype=float)
    if how == "nonzero":
        row = row[row != 0]
    if len(row) < 2 or row.mean() <= 0:
        return float("nan")
    return float(row.std(ddof=_settings(ctx.company).ddof) / row.mean())


def _xyz_of(cv: float, ctx) -> str | None:
    if not np.isfinite(cv):
        return None
    x, y = _settings(ctx.company).xyz_thresholds
    return "X" if cv <= x + 1e-9 else ("Y" if cv <= y + 1e-9 else "Z")


def _abc_needs(g_abc: str, ctx) -> str:
    """What the participant's ABC class would require of the clients ranked before this one."""
    a, b = _settings(ctx.company).abc_thresholds
    f = dict(a=percent(a, ctx.language, 0), b=percent(b, ctx.language, 0), g=g_abc)
    if g_abc == "-":
        return tr({"en": "“-” (no class) is for a client without turnover in the analysed period, and this one has "
                         "turnover",
                   "pl": "„-” (bez klasy) oznacza klienta bez obrotu w analizowanym okresie, a ten klient ma "
                         "obrót"}, ctx.language)
    text = {"A": {"en": "class A needs the clients ranked before it to hold less than {a} of the sample's turnover "
                        "together",
                  "pl": "klasa A wymaga, aby klienci wyżej w rankingu mieli łącznie mniej niż {a} obrotu próby"},
            "B": {"en": "class B needs the clients ranked before it to hold at least {a} and less than {b} of the "
                        "sample's turnover together",
                  "pl": "klasa B wymaga, aby klienci wyżej w rankingu mieli łącznie co najmniej {a}, ale mniej niż "
                        "{b} obrotu próby"},
            "C": {"en": "class C needs the clients ranked before it to hold at least {b} of the sample's turnover "
                        "together",
                  "pl": "klasa C wymaga, aby klienci wyżej w rankingu mieli łącznie co najmniej {b} obrotu "
                        "próby"}}[g_abc]
    return tr(text, ctx.language, **f)


def _xyz_needs(g_xyz: str, ctx) -> str:
    """What the participant's XYZ class would require of the client's coefficient of variation."""
    x, y = _settings(ctx.company).xyz_thresholds
    text = {"X": {"en": "class X needs a coefficient of variation of at most {x}",
                  "pl": "klasa X wymaga współczynnika zmienności nie większego niż {x}"},
            "Y": {"en": "class Y needs a coefficient of variation above {x} and at most {y}",
                  "pl": "klasa Y wymaga współczynnika zmienności powyżej {x}, ale nie większego niż {y}"},
            "Z": {"en": "class Z needs a coefficient of variation above {y}",
                  "pl": "klasa Z wymaga współczynnika zmienności powyżej {y}"}}[g_xyz]
    return tr(text, ctx.language, x=percent(x, ctx.language, 0), y=percent(y, ctx.language, 0))


def _explain(client: str, given: str, expected: str, ctx) -> tuple[str, str]:
    """Why a client's class is wrong: what the participant's class would need and what the data show.

    The right class itself is not named (the participant works it out from the rule).
    """
    lang = ctx.language
    table = _sample(ctx)["table"]
    row = table.loc[client]
    g_abc, g_xyz = (given[0], given[1:]) if given != "-" else ("-", "")
    e_abc, e_xyz = (expected[0], expected[1:]) if expected != "-" else ("-", "")
    f = dict(share=percent(float(row["cum_share"] - row["share"]), lang, 1) if pd.notna(row["cum_share"]) else "–",
             cv=percent(float(row["cv"]), lang, 1) if pd.notna(row["cv"]) else "–")
    if g_abc != e_abc:
        if e_abc == "-":
            return ("abc_other", tr({"en": "the client has no turnover in the analysed period, so it has no class.",
                                     "pl": "klient nie ma obrotu w analizowanym okresie, więc nie ma klasy."}, lang))
        needs = _abc_needs(g_abc, ctx)
        if g_abc == "-":
            return ("abc_other", needs + ".")
        first = pd.notna(row["cum_share"]) and float(row["cum_share"] - row["share"]) <= 0
        data = tr({"en": "; it is first in the ranking, with nobody before it." if first else "; they hold {share}.",
                   "pl": "; ten klient jest pierwszy w rankingu, nikt go nie wyprzedza." if first
                   else "; mają {share}."}, lang, **f)
        if _alt(ctx, "textbook", abc_thresholds=(0.8, 0.95)).get(client, "")[:1] == g_abc:
            return ("textbook_thresholds", needs + data + " " + tr(
                {"en": "Your class follows from the textbook 80/95 thresholds; the article's are 50/80.",
                 "pl": "Twoja klasa wynika z podręcznikowych progów 80/95; progi z artykułu to 50/80."}, lang))
        if _alt(ctx, "including", cumulative="including").get(client, "")[:1] == g_abc:
            return ("crossing_client", needs + data + " " + tr(
                {"en": "The client that crosses a line stays in the upper class (this workbook's decision): what "
                       "counts is the turnover of the clients before it, not its own.",
                 "pl": "Klient, który przekracza próg, zostaje w wyższej klasie (decyzja przyjęta w tych "
                       "materiałach): liczy się obrót klientów przed nim, a nie jego własny."}, lang))
        return ("abc_other", needs + data)
    if not e_xyz and g_xyz:
        reason = str(row["reason"]) if pd.notna(row["reason"]) else "reason_short_history"
        return ("xyz_for_new", tr({"en": "the client has no XYZ class ({r}).", "pl": "klient nie ma klasy XYZ ({r})."},
                                  lang, r=t(reason, lang) if reason.startswith("reason_") else reason))
    if e_xyz and not g_xyz:
        return ("xyz_missing", tr({"en": "the client has an XYZ class: its coefficient of variation is {cv}.",
                                   "pl": "klient ma klasę XYZ: jego współczynnik zmienności wynosi {cv}."}, lang, **f))
    needs = _xyz_needs(g_xyz, ctx)
    if _alt(ctx, "ddof", ddof=1 - _settings(ctx.company).ddof).get(client, "")[1:] == g_xyz:
        return ("sample_sd", needs + tr({"en": "; with the population standard deviation (this workbook's default) "
                                               "it is {cv}: your class comes from the sample one (Excel's STDEV).",
                                         "pl": "; przy odchyleniu standardowym populacji (domyślnym w tych "
                                               "materiałach) wynosi on {cv}: Twoja klasa wynika z odchylenia "
                                               "standardowego z próby (ODCH.STANDARDOWE w Excelu)."}, lang, **f))
    if _xyz_of(_cv_variant(ctx, client, "nonzero"), ctx) == g_xyz:
        return ("zero_months", needs + tr({"en": "; months without sales count as 0 turnover (this workbook's "
                                                 "decision), and with them it is {cv}.",
                                           "pl": "; miesiące bez sprzedaży liczą się jako obrót 0 (decyzja przyjęta "
                                                 "w tych materiałach), a z nimi współczynnik wynosi {cv}."},
                                          lang, **f))
    if _xyz_of(_cv_variant(ctx, client, "all"), ctx) == g_xyz:
        return ("before_first", needs + tr({"en": "; months before the client's first purchase do not count (this "
                                                  "workbook's decision), and from it the coefficient is {cv}.",
                                            "pl": "; miesiące przed pierwszym zakupem klienta się nie liczą "
                                                  "(decyzja przyjęta w tych materiałach), a licząc od tego zakupu, "
                                                  "współczynnik wynosi {cv}."}, lang, **f))
    return ("xyz_other", needs + tr({"en": "; it is {cv}.", "pl": "; wynosi on {cv}."}, lang, **f))


def _class_tips(lang: str) -> dict:
    """What each button of the classes form means (PL: objaśnienia przycisków)."""
    tips = {g: tr({"en": "class {a}, class {x}", "pl": "klasa {a}, klasa {x}"}, lang, a=g[0], x=g[1]) for g in GROUPS}
    tips.update({a: tr({"en": "class {a}, no XYZ class (a new client or too short a history)",
                        "pl": "klasa {a}, bez klasy XYZ (klient nowy albo zbyt krótka historia)"}, lang, a=a)
                 for a in "ABC"})
    tips["-"] = tr({"en": "no class: no turnover in the analysed period",
                    "pl": "bez klasy: brak obrotu w analizowanym okresie"}, lang)
    return tips


class _Classes(ChoicesAnswer):
    kinds = {"textbook_thresholds": {"en": "textbook 80/95 thresholds", "pl": "progi podręcznikowe 80/95"},
             "crossing_client": {"en": "the client crossing a line", "pl": "klient przekraczający próg"},
             "abc_other": {"en": "other ABC mistake", "pl": "inny błąd ABC"},
             "xyz_for_new": {"en": "XYZ for a client without one", "pl": "XYZ dla klienta bez klasy"},
             "xyz_missing": {"en": "XYZ class missing", "pl": "brak klasy XYZ"},
             "sample_sd": {"en": "sample standard deviation", "pl": "odchylenie standardowe z próby"},
             "zero_months": {"en": "months without sales left out", "pl": "pominięte miesiące bez sprzedaży"},
             "before_first": {"en": "months before the first purchase", "pl": "miesiące przed pierwszym zakupem"},
             "xyz_other": {"en": "other XYZ mistake", "pl": "inny błąd XYZ"}}


def _ax(ctx) -> frozenset:
    return frozenset(c for c, k in classes(_sample(ctx)["table"]).items() if k == "AX")


class _AXAnswer(SetAnswer):
    kinds = {"not_a": {"en": "not class A", "pl": "nie klasa A"}, "not_x": {"en": "not class X", "pl": "nie klasa X"},
             "missed": {"en": "an A/X client missed", "pl": "pominięty klient A/X"}}

    def fallback(self, reading: Reading, expected: Any, question: Any, ctx: Any):
        out = super().fallback(reading, expected, question, ctx)
        own = ctx.answer("2")
        if own:
            mine = frozenset(c for c, k in own.items() if k == "AX")
            if mine == frozenset(reading.value):
                out.message += " " + tr({"en": "(This matches your own classes in question 2, but some of those are "
                                                "wrong: see question 2.)",
                                         "pl": "(To zgadza się z Twoimi klasami z pytania 2, ale część z nich jest "
                                               "błędna: zob. pytanie 2.)"}, ctx.language)
        return out


def _extra(client: str, ctx) -> tuple[str, str]:
    k = classes(_sample(ctx)["table"])[client]
    lang = ctx.language
    if not k.startswith("A"):
        return ("not_a", tr({"en": "class {k}: not among the clients making the first half of the turnover.",
                             "pl": "klasa {k}: klient nie należy do tych, którzy tworzą pierwszą połowę obrotu."},
                            lang, k=k))
    if len(k) == 1:
        return ("not_x", tr({"en": "class {k}: the client has no XYZ class yet, so it is not X.",
                             "pl": "klasa {k}: klient nie ma jeszcze klasy XYZ, więc nie jest w klasie X."}, lang, k=k))
    return ("not_x", tr({"en": "class {k}: its turnover is not stable enough for X.",
                         "pl": "klasa {k}: obrót klienta nie jest na tyle stabilny, by klient trafił do klasy "
                               "X."}, lang, k=k))


def _missing(client: str, ctx) -> tuple[str, str]:
    return ("missed", tr({"en": "an A/X client.", "pl": "to klient A/X."}, ctx.language))


_ADVICE = {
    "AX": {"en": "protect them: a dedicated manager, service standards, widen their portfolio",
           "pl": "chronić: indywidualny opiekun, standardy obsługi, poszerzanie portfolio produktów"},
    "AY": {"en": "plan with them around their known seasons; keep stock and people ready",
           "pl": "planować współpracę z uwzględnieniem znanych sezonów; przygotować zapasy i zespół"},
    "AZ": {"en": "find out what drives their orders; agree plans or framework contracts",
           "pl": "poznać, od czego zależą ich zamówienia; uzgodnić plany lub umowy ramowe"},
    "BX": {"en": "grow them towards A: offer the lines their segment should use",
           "pl": "rozwijać w stronę A: oferować linie produktowe przeznaczone dla ich segmentu"},
    "BY": {"en": "regular contact before their season; cross-selling",
           "pl": "regularny kontakt przed sezonem; sprzedaż krzyżowa"},
    "BZ": {"en": "ask why they buy irregularly; standard offers and terms",
           "pl": "zapytać, dlaczego kupują nieregularnie; standardowe oferty i warunki"},
    "CX": {"en": "serve them efficiently: standard, low-cost channels",
           "pl": "obsługiwać sprawnie, standardowymi i tanimi kanałami"},
    "CY": {"en": "automated reminders before their season; low-cost service",
           "pl": "automatyczne przypomnienia przed sezonem; tania obsługa"},
    "CZ": {"en": "low-cost service, or decide whether to grow them at all",
           "pl": "tania obsługa albo decyzja, czy w ogóle ich rozwijać"},
}


def _reversed(lower: float, upper: float) -> Mistake:
    """The two thresholds of question 1a or 1b given upper first."""
    return Mistake("reversed", lambda ctx: (upper, lower),
                   {"en": "right numbers, wrong order: lower first.", "pl": "dobre liczby, zła kolejność: najpierw "
                                                                            "niższy."},
                   {"en": "thresholds reversed", "pl": "odwrócona kolejność progów"})


QUESTIONS = [
    Question(
        "1a", {"en": "ABC thresholds", "pl": "progi ABC"},
        {"en": "What are the article's thresholds between the classes A, B and C, as cumulative shares of the "
               "turnover? Lower, then upper: `\"..% / ..%\"`.",
         "pl": "Jakie progi między klasami A, B i C podaje artykuł (jako skumulowane udziały w obrocie)? Najpierw "
               "niższy, potem wyższy: `\"..% / ..%\"`."},
        PairAnswer(),
        lambda ctx: (0.5, 0.8),
        {"en": "Class A holds the clients who make the first part of the company's result.",
         "pl": "Klasa A to klienci, którzy tworzą pierwszą część wyniku firmy."},
        {"en": "The article: “the first 50% of the total amount is class A, from 51 to 79% class B, the remaining "
               "clients belong to class C”.",
         "pl": "Artykuł: „Pierwsze 50% całkowitej kwoty stanowi klasę A, od 51 do 79% – klasę B, pozostali klienci "
               "należą do klasy C”."},
        mistakes=[
            Mistake("textbook", lambda ctx: (0.8, 0.95),
                    {"en": "80/95 are the common textbook thresholds; the article uses others.",
                     "pl": "80/95 to popularne progi podręcznikowe; artykuł stosuje inne."},
                    {"en": "textbook 80/95", "pl": "podręcznikowe 80/95"}),
            *(Mistake("article_wording", lambda ctx, pair=pair: pair,
                      {"en": "those are the article's own words: “the first 50% … class A, from 51 to 79% class "
                             "B”. Its whole percentages leave gaps (between 50 and 51%, between 79 and 80%) that "
                             "some client would fall into; these materials read the upper end of B, 79%, as the "
                             "threshold of 80%, and the first one as 50%, so that every client has exactly one "
                             "class: A up to 50%, B up to 80%, C the rest. Type “50% / 80%”.",
                       "pl": "to słowa samego artykułu: „Pierwsze 50% … klasę A, od 51 do 79% – klasę B”. Pełne "
                             "procenty zostawiają luki (między 50 a 51% i między 79 a 80%), w które wpadłby "
                             "jakiś klient; te materiały odczytują górną granicę klasy B, 79%, jako próg 80%, "
                             "a pierwszy próg jako 50%, aby każdy klient miał dokładnie jedną klasę: A do 50%, "
                             "B do 80%, C pozostali. Wpisz „50% / 80%”."},
                      {"en": "the article's 51-79% taken literally", "pl": "dosłownie 51–79% z artykułu"})
              for pair in ((0.5, 0.79), (0.51, 0.79), (0.51, 0.8))),
            Mistake("widths", lambda ctx: (0.5, 0.3),
                    {"en": "those are the classes' widths; the thresholds are cumulative shares.",
                     "pl": "to szerokości klas; progi to udziały skumulowane."},
                    {"en": "widths, not thresholds", "pl": "szerokości zamiast progów"}),
            _reversed(0.5, 0.8),
        ],
    ),
    Question(
        "1b", {"en": "XYZ thresholds", "pl": "progi XYZ"},
        {"en": "And the article's thresholds of the coefficient of variation between X, Y and Z? "
               "`\"..% / ..%\"`.",
         "pl": "A jakie progi współczynnika zmienności między klasami X, Y i Z podaje artykuł? `\"..% / ..%\"`."},
        PairAnswer(),
        lambda ctx: (0.1, 0.25),
        {"en": "X: a stable level of purchases, well forecastable; Y: known trends (e.g. seasonal swings); "
               "Z: irregular.",
         "pl": "X: stabilny poziom zakupów i duża trafność prognoz; Y: znane trendy (np. wahania sezonowe); "
               "Z: zakupy nieregularne."},
        {"en": "The article: for X the coefficient of variation “ranges from 0 to 10%”, for Y it is “from 10 to "
               "25%”. The article's line for Z is missing; this workbook takes Z as above 25%, the standard "
               "reading.",
         "pl": "Artykuł: dla klasy X „wartość współczynnika zmienności waha się od 0 do 10%”, dla klasy Y „wynosi "
               "od 10 do 25%”. Opisu klasy Z w artykule brakuje; te materiały przyjmują, zgodnie z powszechnie "
               "przyjętym odczytaniem, że Z to współczynnik zmienności powyżej 25%."},
        mistakes=[
            Mistake("abc_thresholds", lambda ctx: (0.5, 0.8),
                    {"en": "those are the ABC thresholds; XYZ is about the coefficient of variation.",
                     "pl": "to progi ABC; klasy XYZ opierają się na współczynniku zmienności."},
                    {"en": "the ABC thresholds", "pl": "progi ABC"}),
            _reversed(0.1, 0.25),
        ],
    ),
    Question(
        "2", {"en": "classes of the sample", "pl": "klasy klientów próby"},
        {"en": "Treat the sample as the whole company: what is each client's class? `\"AX\"` ... `\"CZ\"`, just "
               "`\"A\"`/`\"B\"`/`\"C\"` for a client without an XYZ class: `{\"client\": \"AX\", ...}`.",
         "pl": "Potraktuj próbę jak całą firmę: jaka jest klasa każdego klienta? `\"AX\"` ... `\"CZ\"`, samo "
               "`\"A\"`/`\"B\"`/`\"C\"` dla klienta bez klasy XYZ: `{\"klient\": \"AX\", ...}`."},
        _Classes(lambda ctx: [(c, c) for c in _sample(ctx)["clients"]], CLASSES, explain=_explain,
                 tooltips=_class_tips),
        lambda ctx: classes(_sample(ctx)["table"]),
        {"en": "ABC: rank by turnover, largest first; a client is A while the clients before it hold less than "
               "50%, B below 80% (the client that crosses a line stays in the upper class: this workbook's "
               "decision). XYZ: coefficient of variation = standard deviation / mean of the monthly turnover, from "
               "the client's first month (months without sales count as 0: this workbook's decision). A client "
               "whose first purchase falls in the current lifecycle window is new, and a new client, the article "
               "says, “may have an ABC class, but not an XYZ class”.",
         "pl": "ABC: uszereguj klientów malejąco według obrotu; klient jest w klasie A, dopóki klienci przed nim "
               "mają łącznie mniej niż 50%, a w klasie B – mniej niż 80% (klient przekraczający próg zostaje w "
               "wyższej klasie: decyzja przyjęta w tych materiałach). XYZ: współczynnik zmienności = odchylenie "
               "standardowe / średnia miesięcznego obrotu, liczony od pierwszego miesiąca klienta (miesiące bez "
               "sprzedaży liczą się jako 0: decyzja przyjęta w tych materiałach). Klient, którego pierwszy zakup "
               "przypada w bieżącym oknie cyklu życia, jest nowy, a nowy klient według artykułu „może mieć klasę "
               "ABC, ale nie klasę XYZ”."},
        {"en": "`salesnb.abcxyz.abc_xyz(sample_tx, as_of=company.analysis_date)` computes them with the workbook's "
               "parameters (population standard deviation, months without sales as 0).",
         "pl": "`salesnb.abcxyz.abc_xyz(sample_tx, as_of=company.analysis_date)` liczy je z parametrami "
               "przyjętymi w tych materiałach (odchylenie standardowe populacji, miesiące bez sprzedaży jako 0)."},
    ),
    Question(
        "3", {"en": "the A/X clients", "pl": "klienci A/X"},
        {"en": "Which clients of the sample are A/X, the most valuable according to the article? A list: "
               "`[\"...\", ...]` (`[]` if none).",
         "pl": "Którzy klienci próby należą do klas A i X, czyli według artykułu są najcenniejsi? Lista: "
               "`[\"...\", ...]` (pusta `[]`, jeśli nie ma takich klientów)."},
        _AXAnswer(lambda ctx: _sample(ctx)["clients"], explain_extra=_extra, explain_missing=_missing),
        _ax,
        {"en": "Both at once: a large share of the turnover (A) and a stable one (X).",
         "pl": "Jedno i drugie naraz: duży udział w obrocie (A) i stabilny obrót (X)."},
        {"en": "The clients whose class in question 2 is AX.", "pl": "Klienci, których klasa w pytaniu 2 to AX."},
    ),
    Question(
        "4", {"en": "what to do with each group", "pl": "co robić z każdą grupą"},
        {"en": "What would you do with the clients of each group? A few words each: `{\"AX\": \"...\", ...}`.",
         "pl": "Jak postępować z klientami każdej grupy? Kilka słów dla każdej grupy: "
               "`{\"AX\": \"...\", ...}`."},
        TextsAnswer(lambda ctx: [(g, g) for g in GROUPS], min_words=3),
        None,
        {"en": "How much of the result does the group hold, and how well can you plan its purchases?",
         "pl": "Jaką część wyniku firmy tworzy grupa i jak dobrze da się zaplanować jej zakupy?"},
        {"en": "The article says only that the procedures should differ by class (class A gets the more "
               "significant gifts in a loyalty programme) and that the most valuable clients are A and X; the "
               "rest is this workbook's suggestion: protect AX, plan with AY and AZ, grow B, serve C efficiently.",
         "pl": "Artykuł mówi tylko, że procedury mają się różnić według klasy (w programie lojalnościowym klienci "
               "A dostają bardziej znaczące prezenty) i że najcenniejsi są klienci A i X; reszta to propozycja "
               "zawarta w tych materiałach: chronić AX, planować współpracę z AY i AZ, rozwijać B, sprawnie "
               "obsługiwać C."},
        model=lambda ctx: {g: tr(text, ctx.language) for g, text in _ADVICE.items()},
    ),
]

def turnover_table(ex: Exercise) -> Any:
    """The sample's monthly turnover, formatted (PL: obrót klientów próby), for the notebook.

    The total (``turnover``) comes first, then the months: in a narrow window the table scrolls,
    and the total stays in view.

    Parameters
    ----------
    ex : Exercise

    Returns
    -------
    salesnb.present.Table
    """
    from ..present import show

    table = sample_table(ex.company, _sample(ex.ctx)["clients"])
    table = table[["turnover", *table.columns.drop("turnover")]]  # the total first: a wide table scrolls
    kinds = {c: "count" for c in table.columns}
    shown = table.round(0)
    caption = tr({"en": "Net turnover per month, {c} (rounded to whole units; the checks use exact amounts)",
                  "pl": "Obrót netto według miesięcy, {c} (w zaokrągleniu do pełnych jednostek waluty; odpowiedzi są "
                        "sprawdzane na dokładnych kwotach)"}, ex.language, c=ex.company.currency)
    return show(shown, ex.language, kinds=kinds, caption=caption, max_rows=None)


def classes_table(ex: Exercise) -> Any:
    """The sample's classes with turnover, shares and CV, formatted; after question 2 (PL: klasy próby).

    Parameters
    ----------
    ex : Exercise

    Returns
    -------
    salesnb.present.Table or Note
    """
    from ..present import show

    if ex.q2.outcome is None or ex.q2.outcome.status in ("not_attempted", "waiting"):
        return Note(t("ex_waiting", ex.language).format(keys="2"))
    table = _sample(ex.ctx)["table"]
    return show(table[["turnover", "share", "cum_share", "abc", "n_periods", "cv", "xyz", "reason"]], ex.language,
                currency=ex.company.currency, max_rows=None)


def exercise(company: Any, language: str | None = None, *, participant: Any = None, answers_dir: Any = None,
             dataset: Any = None, size: int = SAMPLE_SIZE) -> Exercise:
    """The ABC/XYZ sample exercise bound to a company (PL: zadanie ABC/XYZ na próbie).

    Parameters
    ----------
    company : Company
        The participant's company.
    language : {"en", "pl"}, optional
        Default the company's ``language``, else English.
    participant : str, optional
        The participant's name; None makes a demonstration run (model answers, nothing saved).
    answers_dir : str or pathlib.Path, optional
        Where answers are kept (``<answers_dir>/abc_xyz_sample/<participant>.json``).
    dataset : str, optional
        The company folder as given, saved with the answers.
    size : int, default :data:`SAMPLE_SIZE`
        Clients in the sample.

    Returns
    -------
    Exercise
        Its ``params`` hold the sample's clients and seed (saved with the answers).

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    clients, seed = sample(company, size)
    return Exercise(KEY, TITLE, QUESTIONS, company, language, participant=participant, answers_dir=answers_dir,
                    dataset=dataset, params={"clients": clients, "seed": seed, "size": size})
