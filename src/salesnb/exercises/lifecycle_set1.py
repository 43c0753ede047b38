"""The articles' practical exercise set 1, on the client lifecycle (PL: zadania praktyczne 1-3).

The practical exercises after the lifecycle part of the article *Working with clients*
("Zadanie praktyczne nr 1-3"): (1) define potential, new, regular, lost and restored clients for
your company, choosing the calendar periods to match your company's average purchase frequency;
(2) with those definitions, analyse your real client base by category: is it optimal from your
point of view? (3) which of the KPIs would you use to assess your sales managers?

Questions: 1a the window W, 1b the five definitions in the participant's words; 2a the lost
clients and 2b the share of regular clients, both **with the participant's own window from
1a**, 2c whether the base is optimal; 3 the KPIs, each with a reason.

The accepted windows are this workbook's decision (the article asks only that the periods
match the purchase rhythm): see :mod:`salesnb.exercises.rhythm`.
"""
from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .. import kpis, lifecycle
from ..i18n import duration, t
from ..periods import quarter_bounds
from ..present import count, days, percent, window
from .answers import NumberAnswer, OpenAnswer, Requirement, ShareAnswer
from .core import Exercise, Mistake, Note, Question, tr
from .reading import normalise, read_window, window_days
from .rhythm import WINDOW_RANGE, RhythmWindow, WindowRange, rhythm_table, statuses_at, suggested_window, window_range
from .structured import TextsAnswer, finish_issues

__all__ = ["KEY", "KPI_GROUPS", "QUESTIONS", "TITLE", "WINDOW_RANGE", "WindowRange", "exercise", "kpi_table",
           "rhythm_table", "status_chart", "suggested_window", "window_days", "window_range", "your_window"]

KEY = "client_lifecycle"
TITLE = {"en": "Exercise set 1: the client lifecycle in your company",
         "pl": "Zadania praktyczne, zestaw 1: cykl życia klienta w Twojej firmie"}

#: The KPIs a balanced set covers, by what they reward (this workbook's grouping).
KPI_GROUPS: dict[str, tuple[str, ...]] = {
    "winning": ("potential_clients", "primary_sales_count", "primary_sales_amount", "leads", "converted_clients",
                "conversion"),
    "developing": ("repeat_sales_amount", "repeat_sales_count", "new_direction_sales_amount",
                   "new_direction_sales_count", "class_changes"),
    "keeping": ("lost_clients", "restored_clients"),
}
_GROUP_NAMES = {"winning": {"en": "winning clients", "pl": "zdobywanie klientów"},
                "developing": {"en": "developing them", "pl": "rozwój klientów"},
                "keeping": {"en": "keeping them", "pl": "utrzymanie klientów"}}


def _range(ctx) -> WindowRange:
    return ctx.memo("range", lambda: window_range(ctx.company))


def _statuses(ctx, w: Any) -> pd.DataFrame:
    return ctx.memo(("statuses", read_window(w).value), lambda: statuses_at(ctx.company, w))


def _counts(ctx, w: Any) -> pd.Series:
    return lifecycle.status_counts(_statuses(ctx, w))


def _window(ctx) -> str | None:
    return ctx.answer("1a")


def _lost(ctx, w: Any = None) -> int:
    return int(_counts(ctx, w or _window(ctx))["lost"])


def _lost_with_potential(ctx) -> int:
    c = _counts(ctx, _window(ctx))
    return int(c["lost"] + c["potential"])


def _lost_but_corrected(ctx) -> int | None:
    """Lost clients minus those with a correction in the current window (a correction counted as activity)."""
    st = _statuses(ctx, _window(ctx))
    lost = set(st.loc[st["status"] == "lost", "customer_id"].astype(str))
    tx = ctx.company.transactions
    start, end = st.attrs["window_start"], st.attrs["as_of_instant"]
    recent = tx[(tx["date"] > start) & (tx["date"] <= end)]
    touched = lost & set(recent["customer_id"].astype(str))
    return len(lost - touched) if touched else None


def _share(ctx, w: Any = None, *, of_all: bool = False, active: bool = False) -> float:
    c = _counts(ctx, w or _window(ctx))
    base = c.sum() if of_all else c.drop("potential").sum()
    top = c[["new", "regular", "restored"]].sum() if active else c["regular"]
    return float(top / base) if base else float("nan")


def _other(label: str, value_fn):
    """A mistake value only when the participant's window differs from ``label``."""
    def value(ctx):
        w = _window(ctx)
        return None if w is None or window_days(w) == window_days(label) else value_fn(ctx, label)
    return value


def _suggested(value_fn):
    def value(ctx):
        return _other(_range(ctx).suggested, value_fn)(ctx)
    return value


def _window_fields(ctx) -> dict:
    w = _window(ctx)
    return {"w": window(w, ctx.language)} if w else {}


def _against(ctx) -> dict:
    return {"window": _window(ctx), "as_of": str(ctx.company.analysis_date.date())}


_STATUS_WORDS = {
    "potential": ("potential", "potencjal"), "new": ("new", "now"), "regular": ("regular", "stał"),
    "lost": ("lost", "utrac"), "restored": ("restored", "przywr"),
}
_DURATION = re.compile(r"(?i)\b(\d+)\s*(m|mc|mies\w*|months?|w|tyg\w*|weeks?|d|dni|dnia|days?)\b")
_PERIOD_WORDS = re.compile(r"(?i)\b(\d+\s*[mwd]\b|okn\w*|window|\bw\b|miesi\w*|months?|tygod\w*|weeks?|kwarta\w*|"
                           r"quarters?|dni|days?|rok\w*|year|lat\w*|okres\w*|period)")


def _definition_check(key: str, text: str, ctx) -> tuple[str, str] | None:
    lang = ctx.language
    name = t(f"status_{key}", lang)
    if key != "potential" and not _PERIOD_WORDS.search(text):
        return ("no_period", tr({"en": "the definition of “{s}” names no period: say which window it means;",
                                 "pl": "definicja „{s}” nie wskazuje okresu: napisz, o jakie okno chodzi;"},
                                lang, s=name))
    w = _window(ctx)
    if w is not None:
        for n, unit in _DURATION.findall(text):
            r = read_window(f"{n}{unit[0]}")
            if r.ok and abs(window_days(r.value) - window_days(w)) > 1e-9 and int(n) > 0:
                return ("other_window", tr(
                    {"en": "the definition of “{s}” uses {d}, but your window in 1a is {w};",
                     "pl": "w definicji „{s}” jest okres: {d}, a Twoje okno z pytania 1a to: {w};"}, lang, s=name,
                    d=window(r.value, lang), w=window(w, lang)))
    return None


def _definitions_model(ctx) -> dict:
    w = window(_window(ctx) or _range(ctx).suggested, ctx.language)
    texts = {
        "potential": {"en": "known to us (in the client list or from an enquiry) but with no purchase ever.",
                      "pl": "znany firmie (z listy klientów albo z zapytania), ale jeszcze bez żadnego zakupu."},
        "new": {"en": "made the first purchase ever within the last {w}.",
                "pl": "po raz pierwszy kupił w bieżącym oknie (W = {w})."},
        "regular": {"en": "bought within the last {w} and within the {w} before, and is not new.",
                    "pl": "kupił w bieżącym oknie (W = {w}) oraz w oknie poprzednim; nie jest nowy."},
        "lost": {"en": "bought before, but not within the last {w}.",
                 "pl": "kupował wcześniej, ale nie w bieżącym oknie (W = {w})."},
        "restored": {"en": "bought within the last {w} after a whole window of {w} without a purchase.",
                     "pl": "kupił w bieżącym oknie (W = {w}) po całym poprzednim oknie bez zakupów."},
    }
    return {k: tr(v, ctx.language, w=w) for k, v in texts.items()}


def _status_keys(ctx) -> list:
    # the short words ("lost", "utracony") are accepted as keys too
    return [(s, {"en": f"{t(f'status_{s}', 'en')} client", "pl": f"klient {t(f'status_{s}', 'pl')}",
                 "en_word": t(f"status_{s}", "en"), "pl_word": t(f"status_{s}", "pl")})
            for s in lifecycle.STATUSES]


def _mentions_statuses(text: str, ctx) -> bool:
    n = normalise(text)
    return sum(any(re.search(r"\b" + normalise(w), n) for w in words) for words in _STATUS_WORDS.values()) >= 2


def _clients(n: Any, language: str) -> str:
    """A number of clients with the noun in the right form: 1 klient, 2 klientów, 1 234 klientów."""
    word = duration(int(n), "client", language).split("\u00a0", 1)[1]
    return f"{count(n, language)}\u00a0{word}"


def _health_model(ctx) -> str:
    w = _window(ctx) or _range(ctx).suggested
    c = _counts(ctx, w)
    ever = int(c.drop("potential").sum())
    lang = ctx.language
    f = dict(w=window(w, lang), reg=percent(c["regular"] / ever if ever else 0, lang, 1),
             lost=_clients(c["lost"], lang), lost_share=percent(c["lost"] / ever if ever else 0, lang, 1),
             new=count(c["new"], lang), restored=count(c["restored"], lang), potential=count(c["potential"], lang))
    head = tr({"en": "With a window of {w}, regular clients are {reg} of the clients who ever bought, and lost clients "
                     "{lost_share} ({lost}); new clients: {new}, restored clients: {restored}. ",
               "pl": "Przy oknie W = {w} klienci stali stanowią {reg} klientów, którzy kiedykolwiek coś kupili, a "
                     "klienci utraceni – {lost_share} ({lost}); klienci nowi: {new}, przywróceni: {restored}. "},
              lang, **f)
    if c["lost"] > c["new"] + c["restored"]:
        tail = {"en": "More clients are lost than new and restored ones together: the base is shrinking, so from my "
                      "point of view it is not optimal. The lost clients need a plan to win them back, and the "
                      "potential clients ({potential}) are a reserve for primary sales.",
                "pl": "Klientów utraconych jest więcej niż nowych i przywróconych razem: baza się kurczy, więc z "
                      "mojego punktu widzenia nie jest to optymalne. Potrzebny jest plan odzyskania klientów "
                      "utraconych, a klienci potencjalni ({potential}) to rezerwa dla sprzedaży pierwotnej."}
    else:
        tail = {"en": "New and restored clients replace the lost ones: the base holds, which from my point of view "
                      "is close to optimal; the potential clients ({potential}) are a reserve for primary sales.",
                "pl": "Klienci nowi i przywróceni zastępują utraconych: baza się utrzymuje, co z mojego punktu "
                      "widzenia jest bliskie optymalnemu; klienci potencjalni ({potential}) to rezerwa dla "
                      "sprzedaży pierwotnej."}
    return head + tr(tail, lang, **f)


def _kpi_keys(ctx) -> list:
    keys = [k for group in KPI_GROUPS.values() for k in group]
    return [(k, {"en": t(f"kpi_{k}", "en"), "pl": t(f"kpi_{k}", "pl")}) for k in keys]


def _kpi_balance(texts: dict, ctx) -> list:
    chosen = {k for k, v in texts.items() if v}
    if len(chosen) < 2:
        return [("too_few", tr({"en": "choose at least two KPIs, each with a reason;",
                                "pl": "wybierz co najmniej dwa wskaźniki, każdy z uzasadnieniem;"}, ctx.language))]
    missing = [tr(_GROUP_NAMES[g], ctx.language) for g, keys in KPI_GROUPS.items() if not chosen & set(keys)]
    if missing:
        one = len(missing) == 1
        return [("unbalanced", tr(
            {"en": "a manager judged on these alone is not rewarded for {m}: add a KPI for {it} (this workbook's "
                   "reading of a balanced set).",
             "pl": "menedżer oceniany wyłącznie na podstawie tych wskaźników nie jest nagradzany za: {m}; dodaj "
                   "wskaźnik także dla {it} (tak zrównoważony zestaw rozumiany jest w tych "
                   "materiałach)."}, ctx.language,
            m=", ".join(missing), it=tr({"en": "it" if one else "each of them",
                                         "pl": "tego obszaru" if one else "każdego z tych obszarów"}, ctx.language)))]
    return []


def _kpi_model(ctx) -> dict:
    texts = {
        "primary_sales_count": {"en": "winning new clients is the start of every lifecycle.",
                                "pl": "zdobycie nowego klienta to początek każdego cyklu życia klienta."},
        "conversion": {"en": "shows whether first contacts are worked on, not only counted.",
                       "pl": "pokazuje, czy pierwsze kontakty są obsługiwane, a nie tylko liczone."},
        "repeat_sales_amount": {"en": "rewards keeping the client buying at its rhythm.",
                                "pl": "nagradza utrzymanie klienta w jego rytmie zakupów."},
        "new_direction_sales_amount": {"en": "the more product lines a client uses, the lower the risk of losing "
                                              "it entirely, as the article says.",
                                       "pl": "jak pisze artykuł, im więcej linii produktowych obsługuje klient, tym "
                                             "mniejsze ryzyko jego całkowitej utraty."},
        "lost_clients": {"en": "every lost client is a signal that needs a reason and a plan.",
                         "pl": "każdy utracony klient to sygnał: trzeba poznać przyczynę i mieć plan działania."},
        "restored_clients": {"en": "rewards winning back clients instead of giving up on them.",
                             "pl": "nagradza odzyskiwanie klientów zamiast rezygnowania z nich."},
    }
    return {k: tr(v, ctx.language) for k, v in texts.items()}


class _PicksAnswer(TextsAnswer):
    """Texts for some of the items (at least two): the KPIs chosen, each with its reason."""

    kinds = {"no_reason": {"en": "a KPI without a reason", "pl": "wskaźnik bez uzasadnienia"},
             "unbalanced": {"en": "a one-sided set of KPIs", "pl": "jednostronny zestaw wskaźników"}}

    def judge(self, reading, expected, question, ctx):
        texts = {k: v for k, v in reading.value.items() if v}
        issues = []
        short = [tr(lb, ctx.language) for k, lb in self.keys(ctx)
                 if texts.get(k) and len(re.findall(r"[^\W\d_]+", texts[k])) < self.min_words]
        if short:
            issues.append(("no_reason", tr({"en": "give a reason of a few words for {m};",
                                            "pl": "podaj kilkusłowne uzasadnienie dla: {m};"}, ctx.language,
                                           m=", ".join(short))))
        issues += _kpi_balance(texts, ctx)
        return finish_issues(issues, ctx)

    def show(self, value, ctx):
        """How many KPIs were chosen, of how many."""
        if not value:
            return ""
        return tr({"en": "{n} of {k} KPIs chosen", "pl": "wybrane wskaźniki: {n} z {k}"}, ctx.language,
                  n=sum(bool(v) for v in value.values()), k=len(self.keys(ctx)))


QUESTIONS = [
    Question(
        "1a", {"en": "window W", "pl": "okno W"},
        {"en": "The article: the length of such periods “should match the average frequency of sales in your "
               "company”. How long should the window *W* be for your company? Write a whole number and its unit, "
               "M (months), W (weeks) or D (days), e.g. `\"nM\"`.",
         "pl": "Artykuł: „długość takich okresów powinna pokrywać się ze średnią częstotliwością sprzedaży w Twojej "
               "firmie”. Jak długie powinno być okno *W* w Twojej firmie? Wpisz liczbę całkowitą i jednostkę: "
               "M (miesiące), W (tygodnie) lub D (dni), np. `\"nM\"`."},
        RhythmWindow(),
        lambda ctx: _range(ctx).suggested,
        {"en": "Look at the table of how often your repeat clients buy. A client buying at its usual rhythm "
               "should stay regular: the window must cover the gap between two ordinary purchases for most of "
               "them, and not be so long that a client who stopped buying is noticed late.",
         "pl": "Spójrz na tabelę rytmu zakupów klientów kupujących wielokrotnie. Klient kupujący w swoim zwykłym "
               "rytmie powinien pozostać klientem stałym: okno musi obejmować odstęp między dwoma zwykłymi zakupami "
               "większości z nich, a zarazem nie może być tak długie, by firma za późno zauważyła klienta, który "
               "przestał kupować."},
        {"en": "This workbook's suggestion (the article gives no rule for it): take each repeat client's typical "
               "gap (the median of its gaps between purchase days) and the shortest window in whole months or "
               "weeks that covers the typical gap of three quarters of them "
               "(`salesnb.lifecycle.suggest_window(company).explain()`). The workbook accepts any window from the "
               "median typical gap ({median}) up to twice its suggestion.",
         "pl": "Sposób proponowany w tych materiałach (artykuł nie podaje tu reguły): weź typowy odstęp każdego "
               "klienta kupującego wielokrotnie (medianę jego odstępów między dniami zakupów) i najkrótsze okno "
               "w pełnych miesiącach lub tygodniach, które obejmuje typowy odstęp trzech czwartych z nich "
               "(`salesnb.lifecycle.suggest_window(company).explain('pl')`). Za dobrą odpowiedź te materiały "
               "uznają każde okno od mediany typowych odstępów ({median}) do dwukrotności okna sugerowanego."},
        fields=lambda ctx: {"median": days(round(_range(ctx).low_days), ctx.language)},
        against=lambda ctx: {"suggested": _range(ctx).suggested, "low_days": round(_range(ctx).low_days, 1),
                             "high_days": round(_range(ctx).high_days, 1)},
    ),
    Question(
        "1b", {"en": "the five definitions", "pl": "pięć definicji"},
        {"en": "Define the five kinds of client for your company, in your own words and with your window: "
               "potential, new, regular, lost and restored.",
         "pl": "Zdefiniuj dla swojej firmy, własnymi słowami i z własnym oknem W, pięć pojęć: klient potencjalny, "
               "nowy, stały, utracony i przywrócony."},
        TextsAnswer(_status_keys, min_words=4, entry=_definition_check, kinds={
            "no_period": {"en": "a definition without a period", "pl": "definicja bez okresu"},
            "other_window": {"en": "another window than in 1a", "pl": "inne okno niż w 1a"}}),
        None,
        {"en": "Every definition but the potential client's says within which window the client bought (or did "
               "not): use the window from 1a.",
         "pl": "Każda definicja oprócz definicji klienta potencjalnego mówi, w jakim oknie klient kupił (albo nie "
               "kupił): użyj okna z pytania 1a."},
        {"en": "The article's example definitions use three months; with your window W they read: new: the first "
               "settlements ever within the last W; regular: settlements within the last W; lost: had settlements, "
               "but none for more than W; restored: settlements in the current period after one or more periods "
               "without any. Potential: the article's client the company “has no information about” and has no "
               "settlements with; this workbook reads it as a client known to the company (in the client list) "
               "with no purchase yet. This workbook's decision, so that every client has exactly one status: "
               "regular also bought in the W before, restored did not, and neither is new.",
         "pl": "Przykładowe definicje z artykułu przyjmują trzy miesiące; z Twoim oknem W brzmią tak: nowy – "
               "klient, „z którym po raz pierwszy” w ostatnim okresie W „doszło do wzajemnych rozliczeń”; stały – "
               "w ostatnim okresie W „miały miejsce wzajemne rozliczenia z klientem”; utracony – „były wzajemne "
               "rozliczenia, ale były one nieobecne” przez ponad W; przywrócony – „w jednym lub kilku okresach "
               "poprzedzających bieżący nie było wzajemnych rozliczeń, natomiast występują one w okresie "
               "bieżącym”. Klient potencjalny to według artykułu klient, „o którym spółka nie posiada informacji "
               "i nie ma wzajemnych rozliczeń”; w tych materiałach to klient, którego firma zna (jest na liście "
               "klientów), ale który jeszcze nic nie kupił. Decyzja przyjęta w tych materiałach, aby każdy klient "
               "miał dokładnie jeden status: stały kupił także w poprzednim oknie W, przywrócony nie, a żaden "
               "z nich nie jest nowy."},
        model=_definitions_model,
    ),
    Question(
        "2a", {"en": "lost clients", "pl": "klienci utraceni"},
        {"en": "With **your** window from 1a, how many clients are **lost** at the as-of date?",
         "pl": "Ilu klientów jest **utraconych** na dzień analizy przy **Twoim** oknie z pytania 1a?"},
        NumberAnswer("count"),
        lambda ctx: _lost(ctx),
        {"en": "`salesnb.lifecycle.statuses(company, window=W)` gives each client's status for a window `W`; "
               "count them with `salesnb.lifecycle.status_counts`.",
         "pl": "`salesnb.lifecycle.statuses(company, window=W)` daje status każdego klienta dla okna `W`; policz "
               "statusy funkcją `salesnb.lifecycle.status_counts`."},
        {"en": "`salesnb.lifecycle.status_counts(salesnb.lifecycle.statuses(company, window=W))['lost']` with "
               "your window W.",
         "pl": "`salesnb.lifecycle.status_counts(salesnb.lifecycle.statuses(company, window=W))['lost']` z Twoim "
               "oknem W."},
        mistakes=[
            Mistake("article_window", _other("3M", lambda ctx, w: _lost(ctx, w)),
                    {"en": "that is the count for the article's window of three months; use your own window from "
                           "question 1a, {w}.",
                     "pl": "to liczba przy oknie trzech miesięcy z artykułu; użyj własnego okna z pytania 1a: {w}."},
                    {"en": "the article's 3 months", "pl": "3 miesiące z artykułu"}),
            Mistake("suggested_window", _suggested(lambda ctx, w: _lost(ctx, w)),
                    {"en": "that is the count for the window this workbook suggests; use your own window from "
                           "question 1a, {w}.",
                     "pl": "to liczba przy oknie sugerowanym w tych materiałach; użyj własnego okna z pytania "
                           "1a: {w}."},
                    {"en": "the suggested window", "pl": "okno sugerowane"}),
            Mistake("with_potential", _lost_with_potential,
                    {"en": "you counted the potential clients as lost too: a client who never bought cannot be lost.",
                     "pl": "klientów potencjalnych policzono także jako utraconych: klient, który jeszcze nic nie "
                           "kupił, nie może zostać utracony."},
                    {"en": "potential counted as lost", "pl": "potencjalni liczeni jako utraceni"}),
            Mistake("correction_as_activity", _lost_but_corrected,
                    {"en": "you counted a correction as activity: a client whose only recent row is a credit note "
                           "did not buy in the window, so it is lost.",
                     "pl": "korektę policzono jako aktywność: klient, którego jedynym wierszem w bieżącym oknie jest "
                           "faktura korygująca, nic w nim nie kupił, więc jest utracony."},
                    {"en": "a correction counted as a purchase", "pl": "korekta liczona jako zakup"}),
        ],
        depends_on=("1a",), against=_against, fields=_window_fields,
        near={"en": "check the clients whose last purchase falls right at the start of the window, and those whose "
                    "only recent rows are corrections.",
              "pl": "sprawdź klientów, których ostatni zakup przypada tuż przy początku okna, i tych, których "
                    "jedyne wiersze w bieżącym oknie to korekty."},
        too_high={"en": "too many: lost means bought before, but not within the last {w}.",
                  "pl": "za dużo: klient utracony to klient, który kupował wcześniej, ale nic nie kupił w bieżącym "
                        "oknie (W = {w})."},
        too_low={"en": "too few: every client who ever bought and has no purchase within the last {w} is lost.",
                 "pl": "za mało: każdy klient, który kiedykolwiek coś kupił, a nie ma zakupu w bieżącym oknie "
                       "(W = {w}), jest utracony."},
    ),
    Question(
        "2b", {"en": "share of regular clients", "pl": "udział klientów stałych"},
        {"en": "With your window, what share of the clients who have **ever bought** anything are **regular** "
               "clients? (A fraction or a percentage, to a tenth of a percent: `0.607` or `\"60.7%\"`.)",
         "pl": "Jaki odsetek klientów, którzy **kiedykolwiek coś kupili**, stanowią przy Twoim oknie klienci "
               "**stali**? (Ułamek albo procent z dokładnością do 0,1%, w cudzysłowie: `\"0,607\"` albo "
               "`\"60,7%\"`.)"},
        ShareAnswer(),
        lambda ctx: _share(ctx),
        {"en": "Leave the potential clients out: they have not bought anything yet.",
         "pl": "Pomiń klientów potencjalnych – jeszcze nic nie kupili."},
        {"en": "regular / (new + regular + lost + restored), from `status_counts` with your window.",
         "pl": "stali / (nowi + stali + utraceni + przywróceni), z wyników `status_counts` przy Twoim oknie."},
        mistakes=[
            Mistake("of_all_known", lambda ctx: _share(ctx, of_all=True),
                    {"en": "that divides by every known client: potential clients have not bought anything yet, "
                           "leave them out.",
                     "pl": "tu dzielisz przez wszystkich klientów w bazie, a klienci potencjalni jeszcze nic nie "
                           "kupili: pomiń ich."},
                    {"en": "potential clients in the base", "pl": "klienci potencjalni w mianowniku"}),
            Mistake("active_share", lambda ctx: _share(ctx, active=True),
                    {"en": "that is the share of all active clients (new, regular and restored): the question "
                           "asks for the regular ones only.",
                     "pl": "to udział wszystkich aktywnych klientów (nowych, stałych i przywróconych): pytanie "
                           "dotyczy tylko stałych."},
                    {"en": "all active clients", "pl": "wszyscy aktywni"}),
            Mistake("article_window", _other("3M", lambda ctx, w: _share(ctx, w)),
                    {"en": "that is the share for the article's window of three months; use your own window from "
                           "question 1a, {w}.",
                     "pl": "to udział przy oknie trzech miesięcy z artykułu; użyj własnego okna z pytania 1a: {w}."},
                    {"en": "the article's 3 months", "pl": "3 miesiące z artykułu"}),
            Mistake("suggested_window", _suggested(lambda ctx, w: _share(ctx, w)),
                    {"en": "that is the share for the window this workbook suggests; use your own window from "
                           "question 1a, {w}.",
                     "pl": "to udział przy oknie sugerowanym w tych materiałach; użyj własnego okna z pytania "
                           "1a: {w}."},
                    {"en": "the suggested window", "pl": "okno sugerowane"}),
        ],
        depends_on=("1a",), against=_against, fields=_window_fields,
    ),
    Question(
        "2c", {"en": "is the base optimal?", "pl": "czy baza jest optymalna?"},
        {"en": "Look at your client base by category. The article asks: “is it optimal from your point of view?” "
               "Answer, and say why, with the figures of your analysis.",
         "pl": "Spójrz na swoją bazę klientów według kategorii. Artykuł pyta: „Czy z Twojego punktu widzenia jest "
               "to optymalne?” Odpowiedz i uzasadnij liczbami ze swojej analizy."},
        OpenAnswer(12, [
            Requirement("no_statuses", _mentions_statuses,
                        {"en": "name at least two of the categories (e.g. regular and lost clients);",
                         "pl": "wymień co najmniej dwie kategorie klientów (np. klientów stałych i utraconych);"},
                        {"en": "no categories named", "pl": "bez kategorii klientów"}),
            Requirement("no_figures", lambda text, ctx: bool(re.search(r"\d", text)),
                        {"en": "give at least one figure from your analysis;",
                         "pl": "podaj co najmniej jedną liczbę ze swojej analizy;"},
                        {"en": "no figures", "pl": "bez liczb"}),
        ]),
        None,
        {"en": "Compare the lost clients with the new and restored ones who replace them, and the regular clients "
               "with all who ever bought.",
         "pl": "Porównaj klientów utraconych z nowymi i przywróconymi, którzy ich zastępują, a klientów stałych – "
               "ze wszystkimi, którzy kiedykolwiek coś kupili."},
        {"en": "The article asks whether the structure is optimal from your point of view, and gives no figure. "
               "This workbook's suggestion: a base in good shape keeps most clients regular and replaces the lost "
               "ones with new and restored ones.",
         "pl": "Artykuł pyta, czy taka struktura jest optymalna z Twojego punktu widzenia, i nie podaje żadnej "
               "liczby. Te materiały proponują takie kryterium: w dobrej kondycji jest baza, w której większość "
               "klientów to klienci stali, a utraconych zastępują nowi i przywróceni."},
        model=_health_model, depends_on=("1a",), against=_against,
    ),
    Question(
        "3", {"en": "KPIs for sales managers", "pl": "wskaźniki dla menedżerów sprzedaży"},
        {"en": "Which of the article's KPIs could you use to assess the effectiveness of the sales managers in your "
               "company, and why? Name each and give a reason: `{\"Lost clients\": \"why...\", ...}`.",
         "pl": "Które wskaźniki z artykułu możesz wykorzystać do oceny efektywności menedżerów sprzedaży w Twojej "
               "firmie i dlaczego? Nazwij każdy i uzasadnij: `{\"Klienci utraceni\": \"dlaczego...\", ...}`."},
        _PicksAnswer(_kpi_keys, min_words=3),
        None,
        {"en": "Look at the KPI table above: which columns would lead a manager to the behaviour you want?",
         "pl": "Spójrz na tabelę wskaźników powyżej: które kolumny skłoniłyby menedżera do pożądanego zachowania?"},
        {"en": "This workbook's suggestion: a balanced set rewards winning clients (primary sales, conversion of "
               "first contacts), developing them (repeat sales and primary sales in new directions) and keeping "
               "them (lost and restored clients). Judge each manager against his or her own client base, not by "
               "amounts alone.",
         "pl": "Propozycja z tych materiałów: zrównoważony zestaw nagradza zdobywanie klientów (sprzedaż pierwotna, "
               "konwersja pierwszych kontaktów), ich rozwój (sprzedaż powtórna i sprzedaż pierwotna w nowych "
               "kierunkach) oraz ich utrzymanie (klienci utraceni i przywróceni). Oceniaj każdego menedżera "
               "w odniesieniu do jego własnej bazy klientów, nie tylko na podstawie kwot."},
        model=_kpi_model,
    ),
]


def your_window(ex: Exercise) -> str | None:
    """The window of the participant's answer to 1a, if it can be read (PL: Twoje okno).

    Parameters
    ----------
    ex : Exercise

    Returns
    -------
    str or None
        Its label (``"2M"``, ``"56D"``).
    """
    return ex.ctx.answer("1a")


def status_chart(ex: Exercise) -> Any:
    """The client base by status with the participant's window (PL: baza klientów wg statusu).

    Counts only until question 2b is answered; then each bar's share of the clients who ever
    bought, as question 2b asks (not of every known client), so the chart neither gives the share
    away nor contradicts it.

    Parameters
    ----------
    ex : Exercise

    Returns
    -------
    matplotlib.figure.Figure or Note
        The chart, or a note asking for the window first.
    """
    from ..plots.lifecycle import status_counts_chart

    w = your_window(ex)
    if w is None:
        return Note(t("ex_waiting", ex.language).format(keys="1a"))
    answered = ex.q2b.outcome is not None and ex.q2b.outcome.status not in ("not_attempted", "waiting")
    return status_counts_chart(_statuses(ex.ctx, w), ex.language, shares="buyers" if answered else None)


def kpi_table(ex: Exercise) -> Any:
    """The article's per-manager KPIs for the last full quarter, with the participant's window.

    PL: wskaźniki menedżerów sprzedaży.

    Parameters
    ----------
    ex : Exercise

    Returns
    -------
    salesnb.present.Table or Note
    """
    from ..present import show

    w = your_window(ex)
    if w is None:
        return Note(t("ex_waiting", ex.language).format(keys="1a"))
    start, end = quarter_bounds(None, ex.company.analysis_date)
    table = kpis.manager_kpis(ex.company, start, end, w)
    cols = [c for c in (*kpis.KPI_GROUPS["article"], "conversion") if c in table]
    return show(table[cols], ex.language, currency=ex.company.currency, prefixes=("kpi_",), max_rows=None)


def exercise(company: Any, language: str | None = None, *, participant: Any = None, answers_dir: Any = None,
             dataset: Any = None) -> Exercise:
    """Practical exercise set 1 bound to a company (PL: zadania praktyczne 1-3 dla danej firmy).

    Parameters
    ----------
    company : Company
        The participant's company.
    language : {"en", "pl"}, optional
        Default the company's ``language``, else English.
    participant : str, optional
        The participant's name; None makes a demonstration run (model answers, nothing saved).
    answers_dir : str or pathlib.Path, optional
        Where answers are kept (``<answers_dir>/client_lifecycle/<participant>.json``).
    dataset : str, optional
        The company folder as given, saved with the answers.

    Returns
    -------
    Exercise

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    ex = Exercise(KEY, TITLE, QUESTIONS, company, language, participant=participant, answers_dir=answers_dir,
                  dataset=dataset)
    r = _range(ex.ctx)
    ex.params.update(suggested_window=r.suggested, accepted_days=[round(r.low_days, 1), round(r.high_days, 1)])
    return ex
