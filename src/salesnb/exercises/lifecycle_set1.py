"""The articles' practical exercise set 1, on the client lifecycle (PL: zadania praktyczne 1-3).

The practical exercises after the lifecycle part of the article *Working with clients*
("Zadanie praktyczne nr 1-3"): (1) define potential, new, regular, lost and restored clients for
your company, choosing the window to match your average purchase frequency; (2) with those
definitions, analyse your real client base by category: is it healthy? (3) which of the KPIs
would you use to assess your sales managers?
"""
from __future__ import annotations

import pandas as pd

from .. import lifecycle
from . import Exercise, Question


def suggested_window(company) -> str:
    """The window :func:`salesnb.lifecycle.suggest_window` proposes (PL: sugerowane okno).

    The expected answer to question 1 (the article's practical exercise 1).

    Parameters
    ----------
    company : Company
        The participant's company.

    Returns
    -------
    str
        A label like "2M" (or "6W" for a window under a month).
    """
    return lifecycle.suggest_window(company).label


def window_days(window) -> float:
    """A window's length in days (PL: długość okna w dniach), to compare answers.

    Parameters
    ----------
    window : window-like
        Anything :func:`salesnb.periods.parse_window` accepts, e.g. "2M", "6W", "45D".

    Returns
    -------
    float
        Days; a calendar month counts as 365.25/12 days.

    Raises
    ------
    ParameterError
        For a window :func:`salesnb.periods.parse_window` does not accept (a check then reads the
        answer as unreadable).
    """
    w = lifecycle.parse_window(window)
    return w.kwds["months"] * 365.25 / 12 if isinstance(w, pd.DateOffset) else w / pd.Timedelta(days=1)


def _counts(company, window: str) -> pd.Series:
    return lifecycle.status_counts(lifecycle.statuses(company, window=window))


def _lost(company, window: str | None = None) -> int:
    return int(_counts(company, window or suggested_window(company))["lost"])


def _regular_share(company, of_all_known: bool = False) -> float:
    c = _counts(company, suggested_window(company))
    base = c.sum() if of_all_known else c.drop("potential").sum()
    return round(float(c["regular"] / base), 4)


def _unless(value_fn, forbidden):
    """A mistake that only exists when it differs from the right answer."""
    def wrong(company):
        v = value_fn(company)
        return None if v == forbidden(company) else v
    return wrong


QUESTIONS = [
    Question(
        "1",
        {"en": "**Exercise 1.** How long should the window *W* be for your company, so that it matches "
               "how often your clients buy? Write it like `\"2M\"` (months), `\"6W\"` (weeks) or `\"45D\"` (days).",
         "pl": "**Zadanie 1.** Jak długie powinno być okno *W* w Twojej firmie, aby odpowiadało temu, jak "
               "często kupują klienci? Zapisz je jako `\"2M\"` (miesiące), `\"6W\"` (tygodnie) lub `\"45D\"` (dni)."},
        suggested_window,
        {"en": "Look at the gaps between each client's consecutive purchases: "
               "`salesnb.lifecycle.suggest_window(company)` shows the typical gaps and, in `.candidates`, "
               "the share of repeat clients whose typical gap fits windows of 1-12 months.",
         "pl": "Spójrz na odstępy między kolejnymi zakupami klienta: "
               "`salesnb.lifecycle.suggest_window(company)` pokazuje typowe odstępy, a w `.candidates` "
               "odsetek klientów kupujących wielokrotnie, których typowy odstęp mieści się w oknie 1-12 miesięcy."},
        {"en": "The shortest window that covers the typical gap of three quarters of the repeat clients: "
               "`print(salesnb.lifecycle.suggest_window(company).explain())`.",
         "pl": "Najkrótsze okno, które obejmuje typowy odstęp trzech czwartych klientów kupujących "
               "wielokrotnie: `print(salesnb.lifecycle.suggest_window(company).explain('pl'))`."},
        tolerance=0.02,
        measure=window_days,
        mistakes=[(_unless(lambda c: "3M", suggested_window),
                   {"en": "Three months is the article's example, not a rule: check your own clients' rhythm.",
                    "pl": "Trzy miesiące to przykład z artykułu, a nie reguła: sprawdź rytm własnych klientów."})],
        too_high={"en": "Too long: a client who has stopped buying would be noticed late.",
                  "pl": "Za długie: klient, który przestał kupować, zostanie zauważony za późno."},
        too_low={"en": "Too short: clients buying at their usual rhythm would be counted as lost between purchases.",
                 "pl": "Za krótkie: klienci kupujący w swoim zwykłym rytmie byliby liczeni jako utraceni "
                       "między zakupami."},
    ),
    Question(
        "2",
        {"en": "**Exercise 2.** With your window from question 1, how many clients are **lost** at the "
               "as-of date?",
         "pl": "**Zadanie 2.** Przy oknie z pytania 1: ilu klientów jest **utraconych** na dzień analizy?"},
        _lost,
        {"en": "`salesnb.lifecycle.statuses(company, window='2M')` (with your window) gives each client's "
               "status; count them with `salesnb.lifecycle.status_counts`.",
         "pl": "`salesnb.lifecycle.statuses(company, window='2M')` (z Twoim oknem) daje status każdego "
               "klienta; policz je funkcją `salesnb.lifecycle.status_counts`."},
        {"en": "`salesnb.lifecycle.status_counts(salesnb.lifecycle.statuses(company, window=W))['lost']`, "
               "with your window `W`.",
         "pl": "`salesnb.lifecycle.status_counts(salesnb.lifecycle.statuses(company, window=W))['lost']`, "
               "z Twoim oknem `W`."},
        tolerance=0.0,
        mistakes=[(_unless(lambda c: _lost(c, "3M"), _lost),
                   {"en": "That is the count with the article's three months: use your own window from question 1.",
                    "pl": "To liczba przy trzech miesiącach z artykułu: użyj własnego okna z pytania 1."})],
    ),
    Question(
        "3",
        {"en": "**Is the client base healthy?** Of the clients who have ever bought, what share is "
               "**regular** with your window? (A fraction, e.g. 0.45.)",
         "pl": "**Czy baza klientów jest zdrowa?** Jaki odsetek klientów, którzy kiedykolwiek kupili, "
               "jest **stały** przy Twoim oknie? (Ułamek, np. 0,45.)"},
        _regular_share,
        {"en": "Leave the potential clients out: they never bought.",
         "pl": "Pomiń klientów potencjalnych: nigdy nie kupili."},
        {"en": "regular / (new + regular + lost + restored), from `status_counts`.",
         "pl": "stali / (nowi + stali + utraceni + przywróceni), z `status_counts`."},
        tolerance=0.01,
        mistakes=[(lambda c: _regular_share(c, of_all_known=True),
                   {"en": "That divides by every known client: potential clients never bought, leave them out.",
                    "pl": "To dzielenie przez wszystkich znanych klientów: potencjalni nigdy nie kupili, pomiń ich."}),
                  (lambda c: round(100 * _regular_share(c), 2),
                   {"en": "Give it as a fraction (0.45), not a percentage (45).",
                    "pl": "Podaj ułamek (0,45), a nie procent (45)."})],
    ),
    Question(
        "4",
        {"en": "**Exercise 3.** Which of the article's KPIs would you use to assess your sales managers, and why?",
         "pl": "**Zadanie 3.** Których wskaźników z artykułu użył(a)byś do oceny swoich menedżerów sprzedaży "
               "i dlaczego?"},
        lambda c: None,
        {"en": "Look at the KPI table below: which columns would change a manager's behaviour the way you want?",
         "pl": "Spójrz na tabelę wskaźników poniżej: które kolumny zmieniłyby zachowanie menedżera tak, jak chcesz?"},
        {"en": "A balanced set rewards both winning and keeping clients: primary sales (new clients), "
               "repeat sales and sales in new product lines (developing clients), and the lost and restored "
               "counts (keeping them). Conversion of first contacts shows the quality of acquisition. Judge "
               "each manager against his or her own client base, not by amounts alone.",
         "pl": "Zrównoważony zestaw nagradza zarówno zdobywanie, jak i utrzymanie klientów: sprzedaż "
               "pierwotna (nowi klienci), sprzedaż powtórna i w nowych kierunkach (rozwój klientów) oraz "
               "liczba klientów utraconych i przywróconych (utrzymanie). Konwersja pierwszych kontaktów "
               "pokazuje jakość pozyskiwania. Oceniaj menedżera względem jego bazy klientów, nie tylko kwot."},
        kind="open",
    ),
]


def exercise(company, language: str | None = None) -> Exercise:
    """Practical exercise set 1 bound to a company (PL: zadania praktyczne 1-3 dla danej firmy).

    Four questions: the window (exercise 1), the lost clients and the share of regular clients
    with that window (exercise 2), and the KPIs for judging sales managers (exercise 3, open).

    Parameters
    ----------
    company : Company
        The participant's company.
    language : {"en", "pl"}, optional
        Default the company's ``language``, else English.

    Returns
    -------
    Exercise
        Saved as ``client_lifecycle_answers.json``.

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    return Exercise("client_lifecycle", QUESTIONS, company, language)
