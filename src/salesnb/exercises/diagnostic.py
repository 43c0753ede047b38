"""The managed-process diagnostic (PL: diagnostyka procesu pracy z klientami), as an exercise.

The questionnaire of the article *Working with clients*: "fill in the questionnaire and rate how
managed the client-service process is in your company". Its items are grouped in four areas (main
characteristics, marketing, supporting processes, controlled parameters of the client-service
process); each is answered with one of three marks, whose meaning the article gives:

- ``+``: the process exists, with defined and observed rules, a reporting system and indicators;
  information about it is easy to get, unambiguous and reliable;
- ``+/-``: difficulties either in managing the process or in reporting on it; results may mean
  several things, or related information is hard to find;
- ``-``: no controlled process; everything is solved "by hand", the information is incomplete
  and unreliable, and non-financial data is costly to collect.

The article gives no score. **This workbook's decision**: ``+`` = 2 points, ``+/-`` = 1, ``-`` =
0, and an area's score is its points as a share of the area's maximum (:func:`profile`); the
profile shows, per area, how far the process is from a managed one (every item ``+``). The
article's table repeats "the effectiveness of attracting clients is analysed" under marketing;
it is asked once here.

Questions: 1 the questionnaire; 2 the weakest area (by the participant's own answers to 1) and
the first step to take. The model answers (a demonstration run) mark what the company's own data
holds: ``+`` where a table of the dataset records what the item needs, ``+/-`` where it records
part of it, ``-`` where nothing does (:func:`evidence`): an example, not a verdict.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..i18n import t
from ..present import percent
from .answers import OpenAnswer, Requirement
from .core import Exercise, Note, Question, quote, tr
from .reading import normalise
from .structured import ChoicesAnswer

__all__ = ["AREAS", "ITEMS", "KEY", "MARKS", "MEANINGS", "POINTS", "QUESTIONS", "TITLE", "evidence", "exercise",
           "items_table", "meanings_table", "profile", "profile_chart"]

KEY = "process_diagnostic"
TITLE = {"en": "The managed-process diagnostic", "pl": "Diagnostyka procesu pracy z klientami"}

#: The areas, in the article's order.
AREAS = ("main", "marketing", "supporting", "parameters")

#: The marks, and the words each may be typed as.
MARKS = {"+": ["plus", "yes", "tak", "t", "y", "2"],
         "+/-": ["+-", "±", "partly", "częściowo", "czesciowo", "plus minus", "plus/minus", "1"],
         "-": ["minus", "no", "nie", "n", "0", "−"]}

#: Points per mark (this workbook's decision; the article gives no score).
POINTS = {"+": 2, "+/-": 1, "-": 0}

#: The article's meaning of each mark.
MEANINGS = {
    "+": {"en": "The process exists, with defined and observed rules, a reporting system and indicators. Information "
                "about it is easy to get, unambiguous and reliable; related information can be obtained too.",
          "pl": "Istnieją procesy towarzyszące, określone i przestrzegane przepisy, system raportowania i powiązane "
                "wskaźniki. Uzyskanie informacji o procesie nie jest trudne, dane są jednoznaczne i wiarygodne; "
                "można uzyskać też informacje powiązane."},
    "+/-": {"en": "Difficulties either in managing the process itself or in reporting on it: results may mean several "
                  "things, or related information is hard to find (e.g. lost deals are known, but not why or at "
                  "which stage; complaints are handled, but without one procedure for reporting on satisfaction).",
            "pl": "Trudności albo w zarządzaniu samym procesem, albo w raportowaniu z procesu: wyniki mogą mieć wiele "
                  "znaczeń lub trudno znaleźć powiązane informacje (np. firma wie o utraconych transakcjach, ale "
                  "nie zna przyczyny ani etapu straty; reklamacje są rozpatrywane, ale bez jednolitej procedury "
                  "raportowania o zadowoleniu klientów)."},
    "-": {"en": "No controlled process: everything is solved “by hand”, the system for gathering and analysing "
                "information is incomplete and unreliable, and collecting non-financial data costs a lot of work.",
          "pl": "Brak kontrolowanego procesu: wszystkie kwestie rozwiązywane są w trybie „sterowania ręcznego”, "
                "system gromadzenia i analizowania informacji nie jest kompletny i rzetelny, a zbieranie danych "
                "niefinansowych wiąże się ze znacznymi kosztami pracy."},
}

#: The items: key -> (area, {"en", "pl"}); the Polish text is the article's.
ITEMS: dict[str, tuple[str, dict]] = {
    "clients_by_product": ("main", {"en": "Profiling clients by product",
                                    "pl": "Profilowanie klientów według produktu"}),
    "products_by_client": ("main", {"en": "Profiling products by client",
                                    "pl": "Profilowanie produktów przez klienta"}),
    "offer_history": ("main", {"en": "Recording and analysis of the history of product offers",
                               "pl": "Księgowość i analiza historii ofert produktowych"}),
    "competition": ("main", {"en": "Analysis of the competition", "pl": "Analiza konkurencji"}),
    "specialists": ("main", {"en": "Timeliness and quality of the specialists' work",
                             "pl": "Terminowość i jakość pracy specjalistów"}),
    "document_flow": ("main", {"en": "Timeliness and quality of the flow of documents",
                               "pl": "Terminowość i jakość przepływu dokumentów"}),
    "product_information": ("main", {"en": "Central storage and updating of product information",
                                     "pl": "Scentralizowane przechowywanie i aktualizacja informacji o produktach"}),
    "offer_analysis": ("main", {"en": "Analysis of product offers", "pl": "Analiza ofert produktowych"}),
    "product_quality": ("main", {"en": "Analysis of product quality", "pl": "Analiza jakości produktu"}),
    "current_work": ("main", {"en": "Analysis of the current work with the client",
                              "pl": "Analiza bieżącej pracy z klientem"}),
    "contact_register": ("main", {"en": "Registration of contacts with clients",
                                  "pl": "Rejestracja kontaktów z klientami"}),
    "document_register": ("main", {"en": "Registration of the flow of client documents",
                                   "pl": "Rejestracja obiegu dokumentów klientów"}),
    "best_practices": ("main", {"en": "Analysis of client experience serves to build best practices",
                                "pl": "Analiza doświadczeń klientów służy tworzeniu najlepszych praktyk"}),
    "deal_stages": ("main", {"en": "The stages of current deals are analysed",
                             "pl": "Analizowane są etapy bieżących transakcji"}),
    "marketing_policy": ("marketing", {"en": "The marketing policy is based strictly on the results of work with "
                                             "clients",
                                       "pl": "Polityka marketingowa firmy jest ściśle oparta na wynikach pracy z "
                                             "klientami"}),
    "acquisition": ("marketing", {"en": "The effectiveness of attracting clients is analysed",
                                  "pl": "Analizowana jest skuteczność przyciągania"}),
    "refusals_by_stage": ("marketing", {"en": "Refusals are analysed by sales stage from the marketing point of view",
                                        "pl": "Odmowy pozyskania klientów analizowane są według etapów sprzedaży pod "
                                              "kątem marketingowym"}),
    "won_deals": ("marketing", {"en": "Successful deals are analysed to adjust the marketing rules",
                                "pl": "Udane transakcje są analizowane w celu dostosowania zasad marketingowych"}),
    "complaints": ("supporting", {"en": "Management of complaints and incidents",
                                  "pl": "Zarządzanie skargami i incydentami"}),
    "loyalty": ("supporting", {"en": "Loyalty management", "pl": "Zarządzanie lojalnością"}),
    "cross_selling": ("supporting", {"en": "Cross-selling", "pl": "Sprzedaż krzyżowa"}),
    "resale": ("supporting", {"en": "Subsequent sales", "pl": "Późniejsza sprzedaż"}),
    "products_per_client": ("parameters", {"en": "Number of products per client",
                                           "pl": "Ilość produktów przypadająca na 1 klienta"}),
    "sales_per_product": ("parameters", {"en": "Sales volume per product", "pl": "Wielkość sprzedaży produktu"}),
    "sales_per_client": ("parameters", {"en": "Sales volume per client", "pl": "Wielkość sprzedaży do klienta"}),
    "funnel": ("parameters", {"en": "Sales funnel", "pl": "Lejek sprzedażowy"}),
    "complaints_in": ("parameters", {"en": "Incoming complaints (number and content)",
                                     "pl": "Skargi przychodzące (liczba i skład)"}),
    "sales_dynamics": ("parameters", {"en": "Dynamics of sales per client", "pl": "Dynamika sprzedaży do klienta"}),
    "marketing_effect": ("parameters", {"en": "Marketing effectiveness", "pl": "Skuteczność marketingu"}),
    "tasks_contacts": ("parameters", {"en": "Number of tasks / contacts", "pl": "Liczba zadań/kontaktów"}),
}

_AREA_WORDS = {"main": ("main", "general", "glown", "charakteryst"), "marketing": ("marketing",),
               "supporting": ("support", "pomocnicz", "wspomag", "complaint", "skarg", "loyal", "lojaln"),
               "parameters": ("parameter", "parametr", "kontrolowan", "controlled")}


def _keys(ctx: Any) -> list:
    return [(k, text) for k, (_, text) in ITEMS.items()]


def evidence(company: Any) -> dict[str, str]:
    """The mark the company's own data supports for each item (PL: co potwierdzają dane firmy).

    The model answers of a demonstration run (an example, not a verdict): ``+`` where a table of
    the dataset records what the item needs, ``+/-`` where it records part of it, ``-`` where
    none does.

    Parameters
    ----------
    company : Company

    Returns
    -------
    dict
        ``{item: mark}``.
    """
    tx = company.transactions

    def has(table: str, column: str | None = None) -> bool:
        df = getattr(company, table, None)
        return df is not None and (column is None or (column in df and df[column].notna().any()))

    lines = "product_line" in tx
    deals, contacts, satisfaction = has("deals"), has("contacts"), has("satisfaction")
    full = {
        "clients_by_product": lines, "products_by_client": lines, "offer_history": deals,
        "product_information": has("products"), "product_quality": satisfaction,
        "contact_register": contacts, "document_register": "document_id" in tx,
        "deal_stages": has("deals", "stage_reached"), "refusals_by_stage": has("deals", "refusal_stage"),
        "products_per_client": lines, "sales_per_product": "product" in tx or lines, "sales_per_client": True,
        "funnel": has("deals", "stage_reached"), "sales_dynamics": True, "tasks_contacts": contacts,
    }
    partly = {
        "specialists": has("contacts", "answered_at"), "document_flow": "document_id" in tx, "offer_analysis": deals,
        "current_work": contacts or deals, "best_practices": satisfaction, "acquisition": has("contacts", "channel"),
        "won_deals": has("deals", "outcome"), "complaints": satisfaction, "loyalty": True, "cross_selling": lines,
        "resale": True, "complaints_in": satisfaction, "marketing_effect": has("contacts", "channel"),
    }
    return {k: "+" if full.get(k) else ("+/-" if partly.get(k) else "-") for k in ITEMS}


def profile(answers: dict | None) -> pd.DataFrame:
    """The score per area from a participant's marks (PL: profil sterowności według obszarów).

    Parameters
    ----------
    answers : dict or None
        ``{item: "+" | "+/-" | "-"}`` (items not answered are counted as unanswered).

    Returns
    -------
    pandas.DataFrame
        Index ``area`` (:data:`AREAS`); columns ``items``, ``plus``, ``partly``, ``minus``,
        ``unanswered`` (counts) and ``managed_share``: points (:data:`POINTS`) as a share of the
        area's maximum over its answered items (NaN if none is answered).
    """
    answers = answers or {}
    rows = []
    for area in AREAS:
        keys = [k for k, (a, _) in ITEMS.items() if a == area]
        marks = [answers.get(k) for k in keys]
        answered = [m for m in marks if m in POINTS]
        share = sum(POINTS[m] for m in answered) / (2 * len(answered)) if answered else float("nan")
        rows.append({"area": area, "items": len(keys), "plus": marks.count("+"), "partly": marks.count("+/-"),
                     "minus": marks.count("-"), "unanswered": len(keys) - len(answered), "managed_share": share})
    return pd.DataFrame(rows).set_index("area")


def items_table(language: str) -> pd.DataFrame:
    """The questionnaire: area and item, in the article's order (PL: pozycje ankiety).

    Parameters
    ----------
    language : {"en", "pl"}

    Returns
    -------
    pandas.DataFrame
        English: columns ``area``, ``item`` and ``key`` (the short key to type). Polish: columns
        ``area`` and ``item_key``, the item's Polish name, which is the key to type, as the
        question and the answer cell show (the English keys stay accepted too).
    """
    if language == "pl":
        return pd.DataFrame([{"area": t(f"diag_area_{a}", language), "item_key": tr(text, language)}
                             for k, (a, text) in ITEMS.items()])
    return pd.DataFrame([{"area": t(f"diag_area_{a}", language), "item": tr(text, language), "key": k}
                         for k, (a, text) in ITEMS.items()])


def meanings_table(language: str) -> pd.DataFrame:
    """What each mark means, in the article's words (PL: znaczenie odpowiedzi).

    Parameters
    ----------
    language : {"en", "pl"}

    Returns
    -------
    pandas.DataFrame
        Columns ``mark`` and ``meaning``.
    """
    return pd.DataFrame([{"mark": m.replace("-", "−"), "meaning": tr(text, language)} for m, text in MEANINGS.items()])


def _weakest(ctx) -> list[str]:
    p = profile(ctx.answer("1"))
    low = p["managed_share"].min()
    return [a for a in AREAS if p.loc[a, "managed_share"] == low]


def _names_weakest(text: str, ctx) -> bool:
    n = normalise(text)
    return any(any(normalise(w) in n for w in _AREA_WORDS[a]) or normalise(t(f"diag_area_{a}", ctx.language)) in n
               for a in _weakest(ctx))


def _weakest_model(ctx) -> str:
    a = _weakest(ctx)[0]
    p = profile(ctx.answer("1"))
    minus = [tr(text, ctx.language) for k, (area, text) in ITEMS.items()
             if area == a and (ctx.answer("1") or {}).get(k) == "-"]
    first = minus[0] if minus else tr(next(text for k, (area, text) in ITEMS.items() if area == a), ctx.language)
    return tr({"en": "The weakest area is {area} ({score}). First step, on the item {first}: name an owner, write "
                     "the rule down and add it to a monthly report, so that the mark can become a plus.",
               "pl": "Najsłabszy obszar to {area} ({score}). Pierwszy krok przy pozycji {first}: wyznaczyć "
                     "właściciela, spisać zasadę i dodać ją do miesięcznego raportu, aby ocena mogła zmienić się "
                     "na plus."},
              ctx.language, area=quote(t(f"diag_area_{a}", ctx.language), ctx.language),
              score=percent(float(p.loc[a, "managed_share"]), ctx.language, 0), first=quote(first, ctx.language))


QUESTIONS = [
    Question(
        "1", {"en": "the questionnaire", "pl": "ankieta"},
        {"en": "Mark each item for your company: `\"+\"`, `\"+/-\"` or `\"-\"` (the meanings are in the table "
               "above): `{\"clients_by_product\": \"+\", ...}`.",
         "pl": "Oceń każdą pozycję dla swojej firmy: `\"+\"`, `\"+/-\"` lub `\"-\"` (znaczenie ocen podaje "
               "tabela powyżej): `{\"Profilowanie klientów według produktu\": \"+\", ...}`."},
        ChoicesAnswer(_keys, MARKS),
        None,
        {"en": "For each item ask: is there a rule everyone follows, and a report that shows it reliably?",
         "pl": "Przy każdej pozycji zapytaj: czy jest zasada, której wszyscy przestrzegają, i raport, który ją "
               "wiarygodnie pokazuje?"},
        {"en": "There is no single right answer: the questionnaire describes your company. In a fully managed "
               "process every item has a plus.",
         "pl": "Nie ma jednej dobrej odpowiedzi: ankieta opisuje Twoją firmę. W procesie w pełni zarządzanym każda "
               "pozycja ma plus."},
        model=lambda ctx: evidence(ctx.company),
    ),
    Question(
        "2", {"en": "weakest area, first step", "pl": "najsłabszy obszar, pierwszy krok"},
        {"en": "Which area came out weakest in your profile, and what is the first step you would take there?",
         "pl": "Który obszar wypadł w Twoim profilu najsłabiej i od jakiego pierwszego kroku zaczniesz w nim "
               "zmiany?"},
        OpenAnswer(10, [Requirement(
            "not_weakest", _names_weakest,
            {"en": "name the area your own answers put lowest: {weakest};",
             "pl": "wskaż obszar, który według Twoich odpowiedzi wypadł najsłabiej: {weakest};"},
            {"en": "not the weakest area", "pl": "nie najsłabszy obszar"})]),
        None,
        {"en": "Look at the profile chart: the shortest green bar, the longest red one.",
         "pl": "Spójrz na wykres profilu: najkrótszy zielony pasek, najdłuższy czerwony."},
        {"en": "This workbook's suggestion: start where the marks are lowest, with one item. In the article a plus "
               "means “defined and observed regulations, a reporting system and related indicators”: name an "
               "owner, write the rule down and put it in a report.",
         "pl": "Te materiały proponują: zacznij tam, gdzie oceny są najniższe, od jednej pozycji. Według "
               "artykułu plus oznacza „obecność procesów towarzyszących, określonych i przestrzeganych przepisów, "
               "systemu raportowania i powiązanych wskaźników”: wyznacz właściciela, spisz zasadę i dodaj ją do "
               "raportu."},
        depends_on=("1",), model=_weakest_model,
        fields=lambda ctx: {"weakest": ", ".join(t(f"diag_area_{a}", ctx.language) for a in _weakest(ctx))},
    ),
]


def profile_chart(ex: Exercise) -> Any:
    """The participant's profile per area (PL: wykres profilu uczestnika).

    Parameters
    ----------
    ex : Exercise
        After question 1.

    Returns
    -------
    matplotlib.figure.Figure or Note
    """
    from ..plots.exercises import profile_chart as chart

    answers = ex.ctx.answer("1")
    if not answers:
        return Note(t("ex_waiting", ex.language).format(keys="1"))
    return chart(profile(answers), ex.language)


def exercise(company: Any, language: str | None = None, *, participant: Any = None, answers_dir: Any = None,
             dataset: Any = None) -> Exercise:
    """The managed-process diagnostic bound to a company (PL: diagnostyka procesu pracy z klientami).

    Parameters
    ----------
    company : Company
        The participant's company (its data gives the model answers of a demonstration run).
    language : {"en", "pl"}, optional
        Default the company's ``language``, else English.
    participant : str, optional
        The participant's name; None makes a demonstration run (model answers, nothing saved).
    answers_dir : str or pathlib.Path, optional
        Where answers are kept (``<answers_dir>/process_diagnostic/<participant>.json``).
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
    return Exercise(KEY, TITLE, QUESTIONS, company, language, participant=participant, answers_dir=answers_dir,
                    dataset=dataset, params={"points": POINTS})
