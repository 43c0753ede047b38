"""Exercise 0, "Know your data" (PL: "Poznaj swoje dane"): the overview, asked as questions.

Before the articles' exercises: the participant finds the potential clients, the net revenue of
the last full quarter and the leading product line in their own company's data.
"""
from __future__ import annotations

import pandas as pd

from .. import overview
from ..periods import last_full_quarter
from . import Exercise, Question


def _facts(company) -> pd.Series:
    return overview.summary(company).set_index("measure")["value"]


def _quarter_revenue(company, net: bool = True) -> float:
    tx = company.transactions
    q = last_full_quarter(company.analysis_date)
    rows = tx[tx["date"].dt.to_period("Q") == q]
    if not net:
        rows = rows[rows["amount"] > 0]
    return round(float(rows["amount"].sum()), 2)


QUESTIONS = [
    Question(
        "1",
        {"en": "How many **potential clients** does the company have: known to it, but with no "
               "settlements (purchases) ever?",
         "pl": "Ilu **klientów potencjalnych** ma firma: znanych, ale bez żadnych rozliczeń (zakupów)?"},
        lambda c: int(_facts(c)["leads_never_bought"]),
        {"en": "Compare the clients in `company.customers` with those who have a positive amount in "
               "`company.transactions`. A correction (negative amount) is not a purchase.",
         "pl": "Porównaj klientów z `company.customers` z tymi, którzy mają dodatnią kwotę w "
               "`company.transactions`. Korekta (kwota ujemna) nie jest zakupem."},
        {"en": "`buyers = company.transactions.query('amount > 0')['customer_id'].unique()`, then "
               "`(~company.customers['customer_id'].isin(buyers)).sum()`.",
         "pl": "`buyers = company.transactions.query('amount > 0')['customer_id'].unique()`, potem "
               "`(~company.customers['customer_id'].isin(buyers)).sum()`."},
        mistakes=[
            (lambda c: len(c.customers),
             {"en": "That is every known client. Potential clients are those who never bought.",
              "pl": "To wszyscy znani klienci. Potencjalni to ci, którzy nigdy nie kupili."}),
            (lambda c: int((~c.customers["customer_id"].isin(c.transactions["customer_id"])).sum()),
             {"en": "Close: but a client whose only rows are corrections (negative amounts) never bought either.",
              "pl": "Blisko: ale klient, który ma tylko korekty (kwoty ujemne), też nigdy nie kupił."}),
        ],
    ),
    Question(
        "2",
        {"en": "What was the company's **net revenue in the last full calendar quarter** up to the "
               "as-of date (corrections included)?",
         "pl": "Jaki był **przychód netto w ostatnim pełnym kwartale kalendarzowym** do daty analizy "
               "(z korektami)?"},
        _quarter_revenue,
        {"en": "`company.analysis_date` is the as-of date. Group the amounts by "
               "`date.dt.to_period('Q')`; if the as-of date is not a quarter's last day, take the quarter before.",
         "pl": "`company.analysis_date` to data analizy. Zgrupuj kwoty według "
               "`date.dt.to_period('Q')`; jeśli data analizy nie jest ostatnim dniem kwartału, weź poprzedni kwartał."},
        {"en": "`tx = company.transactions; tx.groupby(tx['date'].dt.to_period('Q'))['amount'].sum()` "
               "and read the last full quarter.",
         "pl": "`tx = company.transactions; tx.groupby(tx['date'].dt.to_period('Q'))['amount'].sum()` "
               "i odczytaj ostatni pełny kwartał."},
        mistakes=[
            (lambda c: _quarter_revenue(c, net=False),
             {"en": "That leaves out the corrections: credit notes (negative amounts) reduce net revenue.",
              "pl": "Pominięto korekty: faktury korygujące (kwoty ujemne) zmniejszają przychód netto."}),
        ],
    ),
    Question(
        "3",
        {"en": "Which **product line** brought the largest net revenue over the whole history?",
         "pl": "Która **linia produktowa** przyniosła największy przychód netto w całej historii?"},
        lambda c: str(overview.revenue_by_line(c.transactions).index[0]),
        {"en": "`salesnb.overview.revenue_by_line(company.transactions)` sorts the lines by revenue.",
         "pl": "`salesnb.overview.revenue_by_line(company.transactions)` sortuje linie według przychodu."},
        {"en": "`salesnb.overview.revenue_by_line(company.transactions).index[0]`.",
         "pl": "`salesnb.overview.revenue_by_line(company.transactions).index[0]`."},
        kind="text",
    ),
]


def exercise(company, language: str | None = None) -> Exercise:
    """Exercise 0 bound to a company (PL: zadanie 0 dla danej firmy).

    Three questions on the participant's own data: the potential clients, the net revenue of the
    last full quarter and the leading product line.

    Parameters
    ----------
    company : Company
        The participant's company.
    language : {"en", "pl"}, optional
        Default the company's ``language``, else English.

    Returns
    -------
    Exercise
        Saved as ``know_your_data_answers.json``.

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    return Exercise("know_your_data", QUESTIONS, company, language)
