"""Exercise 0, "Know your data" (PL: "Poznaj swoje dane"): the overview, asked as questions.

Before the articles' exercises (this workbook's own warm-up, not one of the articles' sets): the
participant finds the potential clients, the net revenue of the last full quarter and the
leading product line in their own company's data. Counts and money are checked exactly (money
to the grosz); each known wrong answer is named.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..money import from_units, to_units
from ..periods import last_full_quarter
from .answers import NumberAnswer, TextAnswer
from .core import Exercise, Mistake, Question

__all__ = ["KEY", "QUESTIONS", "TITLE", "exercise", "net_revenue", "potential_clients", "product_lines"]

KEY = "know_your_data"
TITLE = {"en": "Exercise 0: know your data", "pl": "Zadanie 0: poznaj swoje dane"}


def _ids(s: pd.Series) -> pd.Series:
    return s.astype(str)


def potential_clients(company: Any, *, corrections_buy: bool = False, every_known: bool = False) -> int:
    """Clients known to the company who never bought (PL: klienci potencjalni).

    Known: in ``customers`` or in the transactions. Bought: a row with a positive amount (a
    correction is not a purchase).

    Parameters
    ----------
    company : Company
    corrections_buy : bool, default False
        Count any transaction row, corrections included, as buying (a known mistake).
    every_known : bool, default False
        Count every known client (a known mistake).

    Returns
    -------
    int
    """
    tx = company.transactions
    known = set(_ids(company.customers["customer_id"])) | set(_ids(tx["customer_id"]))
    if every_known:
        return len(known)
    rows = tx if corrections_buy else tx[tx["amount"] > 0]
    return len(known - set(_ids(rows["customer_id"])))


def _sum(amounts: pd.Series) -> float:
    return round(float(from_units(to_units(amounts.to_numpy(dtype=float)).sum())), 2)


def net_revenue(company: Any, quarter: pd.Period | None = None, *, how: str = "net") -> float:
    """Revenue of a quarter, summed exactly (PL: przychód kwartału).

    Parameters
    ----------
    company : Company
    quarter : pandas.Period, optional
        Default the last full calendar quarter up to the as-of date.
    how : {"net", "gross", "absolute", "all_history", "year"}, default "net"
        ``net``: every row (corrections reduce it); the known mistakes: ``gross`` (corrections
        left out), ``absolute`` (corrections added as sales), ``all_history`` (net, every
        quarter), ``year`` (net, the calendar year of the quarter).

    Returns
    -------
    float
        Rounded to the grosz.
    """
    tx = company.transactions
    q = quarter if quarter is not None else last_full_quarter(company.analysis_date)
    if how == "all_history":
        return _sum(tx.loc[tx["date"] <= q.end_time, "amount"])
    if how == "year":
        rows = tx[tx["date"].dt.year == q.year]
        return _sum(rows.loc[rows["date"] <= q.end_time, "amount"])
    rows = tx[tx["date"].dt.to_period("Q") == q]
    amounts = rows["amount"]
    if how == "gross":
        amounts = amounts[amounts > 0]
    elif how == "absolute":
        amounts = amounts.abs()
    return _sum(amounts)


def product_lines(company: Any, *, rank_by: str = "net", quarter: pd.Period | None = None) -> list[str]:
    """Product lines, largest first (PL: linie produktowe od największej).

    Parameters
    ----------
    company : Company
    rank_by : {"net", "gross", "count"}, default "net"
        Net revenue (corrections included); the known mistakes: revenue before corrections, the
        number of transaction rows.
    quarter : pandas.Period, optional
        Only this quarter (a known mistake: the last quarter instead of the whole history).

    Returns
    -------
    list of str
        Ties ordered by name.
    """
    tx = company.transactions
    col = "product_line" if "product_line" in tx else ("product" if "product" in tx else None)
    if col is None:
        return []
    if quarter is not None:
        tx = tx[tx["date"].dt.to_period("Q") == quarter]
    key = tx[col].astype(str)
    if rank_by == "count":
        s = key.value_counts()
    else:
        amounts = tx["amount"] if rank_by == "net" else tx["amount"].clip(lower=0)
        s = pd.Series(to_units(amounts.to_numpy(dtype=float)), index=tx.index).groupby(key).sum()
    frame = pd.DataFrame({"line": s.index.astype(str), "v": np.asarray(s, dtype=float)})
    return frame.sort_values(["v", "line"], ascending=[False, True])["line"].tolist()


def _all_lines(company: Any) -> list[str]:
    col = "product_line" if "product_line" in company.transactions else "product"
    return sorted(company.transactions[col].astype(str).unique()) if col in company.transactions else []


def _top(rank_by: str = "net", last_quarter: bool = False):
    def top(ctx) -> str | None:
        q = last_full_quarter(ctx.company.analysis_date) if last_quarter else None
        lines = product_lines(ctx.company, rank_by=rank_by, quarter=q)
        return lines[0] if lines else None
    return top


QUESTIONS = [
    Question(
        "1", {"en": "potential clients", "pl": "klienci potencjalni"},
        {"en": "How many **potential clients** does the company have: known to it, but with no "
               "settlements (purchases) ever? (A whole number.)",
         "pl": "Ilu **klientów potencjalnych** ma firma, czyli klientów, których zna, ale z którymi nie miała "
               "jeszcze żadnych rozliczeń (zakupów)? (Liczba całkowita.)"},
        NumberAnswer("count"),
        lambda ctx: potential_clients(ctx.company),
        {"en": "Compare the clients in `company.customers` (and any client in the transactions) with those who "
               "have a positive amount in `company.transactions`. A correction (negative amount) is not a purchase.",
         "pl": "Porównaj klientów z `company.customers` (i każdego klienta z transakcji) z tymi, którzy mają "
               "dodatnią kwotę w `company.transactions`. Korekta (kwota ujemna) nie jest zakupem."},
        {"en": "`buyers = set(tx.loc[tx['amount'] > 0, 'customer_id'])`; "
               "`known = set(company.customers['customer_id']) | set(tx['customer_id'])`; the answer is "
               "`len(known - buyers)`.",
         "pl": "`buyers = set(tx.loc[tx['amount'] > 0, 'customer_id'])`; "
               "`known = set(company.customers['customer_id']) | set(tx['customer_id'])`; odpowiedź to "
               "`len(known - buyers)`."},
        mistakes=[
            Mistake("every_known", lambda ctx: potential_clients(ctx.company, every_known=True),
                    {"en": "that is every known client. Potential clients are those who have not bought anything "
                           "yet.",
                     "pl": "to wszyscy klienci w bazie. Klienci potencjalni to ci, którzy jeszcze nic nie kupili."},
                    {"en": "every known client", "pl": "wszyscy klienci w bazie"}),
            Mistake("corrections_bought", lambda ctx: potential_clients(ctx.company, corrections_buy=True),
                    {"en": "you counted a correction as a purchase: a client whose only rows are corrections "
                           "(negative amounts) never bought either.",
                     "pl": "korektę policzono jako zakup, a klient, który ma tylko korekty (kwoty ujemne), również "
                           "nic nie kupił."},
                    {"en": "a correction counted as a purchase", "pl": "korekta liczona jako zakup"}),
            Mistake("buyers", lambda ctx: potential_clients(ctx.company, every_known=True)
                    - potential_clients(ctx.company),
                    {"en": "that is the number of clients who bought: the question asks for those who did not.",
                     "pl": "to liczba klientów, którzy coś kupili; pytanie dotyczy tych, którzy jeszcze nic nie "
                           "kupili."},
                    {"en": "the buyers instead", "pl": "kupujący zamiast klientów potencjalnych"}),
        ],
        near={"en": "look at the clients whose only rows are corrections, and at clients who are in the "
                    "transactions but not in the client list.",
              "pl": "sprawdź klientów, którzy mają tylko korekty, i klientów obecnych w transakcjach, a nieobecnych "
                    "na liście klientów."},
        too_high={"en": "too many: count only the known clients with no positive amount at all.",
                  "pl": "za dużo: policz tylko tych klientów w bazie, którzy nie mają żadnej dodatniej kwoty."},
        too_low={"en": "too few: a client in the list with no transactions at all is a potential client too.",
                 "pl": "za mało: klient z listy klientów bez żadnych transakcji też jest klientem potencjalnym."},
    ),
    Question(
        "2", {"en": "net revenue, last full quarter", "pl": "przychód netto, ostatni pełny kwartał"},
        {"en": "What was the company's **net revenue in the last full calendar quarter** up to the as-of date "
               "(corrections included)? To the grosz; Polish form is fine: `\"1 234 567,89\"`.",
         "pl": "Jaki był **przychód netto w ostatnim pełnym kwartale kalendarzowym** do daty analizy "
               "(z uwzględnieniem korekt)? Co do grosza; kwotę można wpisać po polsku, w cudzysłowie: "
               "`\"1 234 567,89\"`."},
        NumberAnswer("money"),
        lambda ctx: net_revenue(ctx.company),
        {"en": "`company.analysis_date` is the as-of date. Group the amounts by `date.dt.to_period('Q')`; if the "
               "as-of date is not a quarter's last day, take the quarter before.",
         "pl": "`company.analysis_date` to data analizy. Zgrupuj kwoty według `date.dt.to_period('Q')`; jeśli data "
               "analizy nie przypada na ostatni dzień kwartału, weź poprzedni kwartał."},
        {"en": "`tx.groupby(tx['date'].dt.to_period('Q'))['amount'].sum()`, read at the last full quarter, "
               "every row included (credit notes are negative).",
         "pl": "`tx.groupby(tx['date'].dt.to_period('Q'))['amount'].sum()` – wartość dla ostatniego pełnego "
               "kwartału, ze wszystkimi wierszami (faktury korygujące mają kwoty ujemne)."},
        mistakes=[
            Mistake("without_corrections", lambda ctx: net_revenue(ctx.company, how="gross"),
                    {"en": "you left the corrections out: credit notes (negative amounts) reduce net revenue.",
                     "pl": "pominięto korekty: faktury korygujące (kwoty ujemne) zmniejszają przychód netto."},
                    {"en": "corrections left out", "pl": "bez korekt"}),
            Mistake("corrections_as_sales", lambda ctx: net_revenue(ctx.company, how="absolute"),
                    {"en": "you counted the corrections as sales: a credit note's amount is negative and reduces "
                           "revenue, it does not add to it.",
                     "pl": "korekty policzono jako sprzedaż: kwota faktury korygującej jest ujemna i zmniejsza "
                           "przychód, zamiast go zwiększać."},
                    {"en": "corrections counted as sales", "pl": "korekty liczone jako sprzedaż"}),
            Mistake("previous_quarter",
                    lambda ctx: net_revenue(ctx.company, last_full_quarter(ctx.company.analysis_date) - 1),
                    {"en": "that is the quarter before the last full one.",
                     "pl": "to kwartał przed ostatnim pełnym kwartałem."},
                    {"en": "the quarter before", "pl": "poprzedni kwartał"}),
            Mistake("current_quarter",
                    lambda ctx: net_revenue(ctx.company, ctx.company.analysis_date.to_period("Q")),
                    {"en": "that is the quarter of the as-of date, which is not over yet: take the last full one.",
                     "pl": "to kwartał, w którym przypada data analizy, a ten jeszcze się nie skończył: weź "
                           "ostatni pełny kwartał."},
                    {"en": "the unfinished quarter", "pl": "niepełny kwartał"}),
            Mistake("whole_year", lambda ctx: net_revenue(ctx.company, how="year"),
                    {"en": "that is the whole calendar year to the end of the quarter: take one quarter.",
                     "pl": "to cały rok kalendarzowy aż do końca kwartału: weź tylko jeden kwartał."},
                    {"en": "the whole year", "pl": "cały rok"}),
            Mistake("all_history", lambda ctx: net_revenue(ctx.company, how="all_history"),
                    {"en": "that is the revenue of the whole period in the data: take the last full quarter only.",
                     "pl": "to przychód z całego okresu objętego danymi: weź tylko ostatni pełny kwartał."},
                    {"en": "the whole period in the data", "pl": "cały okres objęty danymi"}),
        ],
        too_high={"en": "too high: is every row inside the quarter, and are corrections subtracted?",
                  "pl": "za dużo: czy wszystkie wiersze należą do tego kwartału i czy korekty zostały odjęte?"},
        too_low={"en": "too low: are all three months of the quarter in?",
                 "pl": "za mało: czy uwzględniono wszystkie trzy miesiące kwartału?"},
    ),
    Question(
        "3", {"en": "leading product line", "pl": "wiodąca linia produktowa"},
        {"en": "Which **product line** brought the largest net revenue over the whole period in the data? (Its "
               "name.)",
         "pl": "Która **linia produktowa** przyniosła największy przychód netto w całym okresie objętym danymi? "
               "(Podaj jej nazwę.)"},
        TextAnswer(lambda ctx: _all_lines(ctx.company)),
        _top(),
        {"en": "`salesnb.overview.revenue_by_line(company.transactions)` sorts the product lines by net revenue, "
               "largest first.",
         "pl": "`salesnb.overview.revenue_by_line(company.transactions)` sortuje linie produktowe malejąco według "
               "przychodu netto."},
        {"en": "Net revenue per line over every row, corrections included: "
               "`tx.groupby('product_line')['amount'].sum().idxmax()`.",
         "pl": "Przychód netto każdej linii produktowej ze wszystkich wierszy, z uwzględnieniem korekt: "
               "`tx.groupby('product_line')['amount'].sum().idxmax()`."},
        mistakes=[
            Mistake("gross", _top("gross"),
                    {"en": "that line leads before corrections; after its credit notes another one is larger.",
                     "pl": "ta linia prowadzi przed uwzględnieniem korekt; po odjęciu faktur korygujących większy "
                           "przychód ma inna."},
                    {"en": "before corrections", "pl": "przed korektami"}),
            Mistake("by_count", _top("count"),
                    {"en": "that line has the most transactions, not the most revenue.",
                     "pl": "ta linia ma najwięcej transakcji, a nie największy przychód."},
                    {"en": "most transactions", "pl": "najwięcej transakcji"}),
            Mistake("last_quarter", _top(last_quarter=True),
                    {"en": "that line leads in the last quarter; the question asks for the whole period in the "
                           "data.",
                     "pl": "ta linia prowadzi w ostatnim kwartale; pytanie dotyczy całego okresu objętego danymi."},
                    {"en": "last quarter only", "pl": "tylko ostatni kwartał"}),
        ],
        near={"en": "Sum the net amounts of each product line over the whole period in the data.",
              "pl": "Zsumuj kwoty netto każdej linii produktowej z całego okresu objętego danymi."},
    ),
]


def exercise(company: Any, language: str | None = None, *, participant: Any = None, answers_dir: Any = None,
             dataset: Any = None) -> Exercise:
    """Exercise 0 bound to a company (PL: zadanie 0 dla danej firmy).

    Three questions on the participant's own data: the potential clients, the net revenue of the
    last full quarter and the leading product line.

    Parameters
    ----------
    company : Company
        The participant's company.
    language : {"en", "pl"}, optional
        Default the company's ``language``, else English.
    participant : str, optional
        The participant's name; None makes a demonstration run (model answers, nothing saved).
    answers_dir : str or pathlib.Path, optional
        Where answers are kept (``<answers_dir>/know_your_data/<participant>.json``).
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
    quarter = last_full_quarter(company.analysis_date)
    return Exercise(KEY, TITLE, QUESTIONS, company, language, participant=participant, answers_dir=answers_dir,
                    dataset=dataset, params={"quarter": str(quarter)})
