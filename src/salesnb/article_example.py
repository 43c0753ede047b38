"""The article's worked example as raw rows (PL: przykład z artykułu jako surowe transakcje).

The lifecycle part of the article *Working with clients* ends with a per-manager table for the
period 01.01.2009-31.03.2009 ("Okres 01.01.09-31.03.09 (dane według pracowników, przykład)";
managers Iwanow and Pietrow). The article prints only the results.
:func:`article_example` builds invoices, credit notes and a client list from which
:func:`salesnb.lifecycle.manager_kpis` reproduces every number of that table, so a trainer can
show the table coming out of real rows:

============================  ==========  ==========  ==========
                              Iwanow      Pietrow     Total
============================  ==========  ==========  ==========
potential clients (count)                             62
primary sales (count)                                 25
lost clients (count)                                  13
restored clients (count)                              11
primary sales (amount)        100 000     150 000     250 000
repeat sales (amount)         450 000      58 000     508 000
primary sales in new lines     23 000      75 000      98 000
============================  ==========  ==========  ==========

The article gives the counts only as totals; the split per manager here is invented
(:data:`COUNT_SPLIT`: Iwanow 30/10/6/5, Pietrow 32/15/7/6). Everything else about the rows
(client ids, dates, products) is invented too, chosen to show each rule once:

- a new client whose first purchase spans two product lines (both lines are primary sales),
  one who buys again in the same line (repeat) and one who opens a second line (new direction)
  within the same quarter;
- boundaries: a first purchase on 01.01.2009 and one on 31.03.2009 (both new), a regular client
  whose previous purchase is on 01.10.2008 (first day of the previous window), a lost client whose
  last purchase is on 31.12.2008 (T - W), a restored client whose last earlier purchase is on
  30.09.2008 (T - 2W, outside the previous window);
- clients that were lost before the period ("long lost": status lost, not counted as lost in
  the period);
- a credit note to a lost client (it stays lost: a correction is not a settlement) and one to a
  regular client; both appear only in ``corrections_amount``;
- rows without a salesperson (credited to the client's manager from the client list);
- a lead first contacted after the period and an invoice after the period (both ignored).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

#: The article's table (*Working with clients*, period 01.01.09-31.03.09): amounts per manager,
#: counts as totals only.
ARTICLE_TABLE = pd.DataFrame(
    {
        "potential_clients": [np.nan, np.nan, 62],
        "primary_sales_count": [np.nan, np.nan, 25],
        "lost_clients": [np.nan, np.nan, 13],
        "restored_clients": [np.nan, np.nan, 11],
        "primary_sales_amount": [100_000.0, 150_000.0, 250_000.0],
        "repeat_sales_amount": [450_000.0, 58_000.0, 508_000.0],
        "new_direction_sales_amount": [23_000.0, 75_000.0, 98_000.0],
    },
    index=pd.Index(["Iwanow", "Pietrow", "Total"], name="salesperson"),
)

#: The invented per-manager split of the article's count totals (potential, primary, lost, restored).
COUNT_SPLIT = {"Iwanow": (30, 10, 6, 5), "Pietrow": (32, 15, 7, 6)}

LINES = {
    "Szkolenia": ("Szkolenie otwarte", "Szkolenie zamknięte"),
    "Doradztwo": ("Audyt sprzedaży", "Doradztwo CRM"),
    "Oprogramowanie": ("Licencja CRM", "Wdrożenie CRM"),
}
_LINE_NAMES = tuple(LINES)


@dataclass
class ArticleExample:
    """The example company (PL: przykładowa firma z artykułu): duck-types as a loaded company.

    Attributes
    ----------
    transactions, customers, products : pandas.DataFrame
        The tables a loaded company has (``customers`` has an extra ``example_role`` column
        saying what each client illustrates).
    as_of : pandas.Timestamp
        31.03.2009, the end of the article's period.
    params : dict
        ``{"lifecycle_window": "3M"}``, the article's three months.
    period_start, period_end : pandas.Timestamp
        The article's period, 01.01.2009-31.03.2009.
    name : str
        A display name.
    """

    transactions: pd.DataFrame
    customers: pd.DataFrame
    products: pd.DataFrame
    as_of: pd.Timestamp = pd.Timestamp("2009-03-31")
    params: dict = field(default_factory=lambda: {"lifecycle_window": "3M"})
    period_start: pd.Timestamp = pd.Timestamp("2009-01-01")
    period_end: pd.Timestamp = pd.Timestamp("2009-03-31")
    name: str = "Article example (Working with clients, Q1 2009)"


class _Book:
    """Collects rows; dates as ISO strings, one product per line chosen deterministically."""

    def __init__(self) -> None:
        self.tx: list[tuple] = []
        self.clients: list[tuple] = []
        self.n = 0

    def client(self, manager: str, first_contact: str | None, kind: str) -> str:
        self.n += 1
        cid = f"K{self.n:03d}"
        self.clients.append((cid, f"Firma {self.n:03d}", manager, first_contact, kind))
        return cid

    def sale(self, cid: str, date: str, line: int, amount: float, manager: str | None, doc: str = "FV") -> None:
        product = LINES[_LINE_NAMES[line]][len(self.tx) % 2]
        self.tx.append((date, cid, float(amount), product, _LINE_NAMES[line], manager, f"{doc}/{len(self.tx) + 1:04d}"))


def _day(base: str, i: int, spread: int) -> str:
    return (pd.Timestamp(base) + pd.Timedelta(days=(i * 17) % spread)).strftime("%Y-%m-%d")


def _manager(book: _Book, m: str, pot: int, primary: list[float], regular_repeat: list[float],
             restored: list[tuple[float, float, int]], n_lost: int, n_long_lost: int,
             new_client_extra: tuple[float, float], regular_newdir: list[float], boundary: bool) -> None:
    """One manager's clients. ``restored``: (repeat amount, new-direction amount, line of the new direction)."""
    # potential clients: leads contacted in 2008 or Q1 2009, never bought
    for i in range(pot):
        book.client(m, _day("2008-03-01", i, 390), "potential")
    # new clients: first purchase in Q1 2009
    for i, amt in enumerate(primary):
        cid = book.client(m, _day("2008-11-01", i, 60), "new")
        date = _day("2009-01-05", i, 80)
        if boundary and i == 0:
            date = "2009-01-01"
        if boundary and i == 1:
            date = "2009-03-31"
        seller = None if i == 3 else m  # one invoice without a salesperson
        if i == 2:  # a first purchase spanning two lines: both are primary sales
            book.sale(cid, date, 0, amt * 0.6, seller)
            book.sale(cid, date, 2, amt * 0.4, seller)
        else:
            book.sale(cid, date, i % 3, amt, seller)
        if i == 4 and new_client_extra[0]:  # buys again in the same line later in the quarter: repeat
            book.sale(cid, "2009-03-20", i % 3, new_client_extra[0], m)
        if i == 5 and new_client_extra[1]:  # opens a second line later in the quarter: new direction
            book.sale(cid, "2009-03-25", (i + 1) % 3, new_client_extra[1], m)
    # regular clients: bought in Q4 2008 and again in Q1 2009 in the same line
    for i, amt in enumerate(regular_repeat):
        cid = book.client(m, "2007-06-01", "regular")
        line = i % 3
        book.sale(cid, _day("2008-02-10", i, 120), line, round(amt * 0.7, -2), m)
        q4 = "2008-10-01" if (boundary and i == 0) else _day("2008-10-03", i, 85)
        book.sale(cid, q4, line, round(amt * 0.8, -2), m)
        book.sale(cid, _day("2009-01-10", i, 75), line, amt, None if i == 1 else m)
        if i < len(regular_newdir):  # and a first purchase in another line
            book.sale(cid, _day("2009-02-01", i, 50), (line + 1) % 3, regular_newdir[i], m)
    # restored clients: bought in 2008 up to 30.09, nothing in Q4 2008, again in Q1 2009
    for i, (rep, nd, nd_line) in enumerate(restored):
        cid = book.client(m, "2007-09-01", "restored")
        line = i % 3
        last_before = "2008-09-30" if (boundary and i == 0) else _day("2008-03-01", i, 150)
        book.sale(cid, _day("2008-01-15", i, 40), line, 4_000 + 500 * i, m)
        book.sale(cid, last_before, line, 3_000 + 250 * i, m)
        if rep:
            book.sale(cid, _day("2009-01-20", i, 60), line, rep, m)
        if nd:
            book.sale(cid, _day("2009-02-05", i, 50), (line + nd_line) % 3, nd, m)
    # lost in the period: bought in Q4 2008, nothing in Q1 2009
    for i in range(n_lost):
        cid = book.client(m, "2008-01-15", "lost")
        q4 = "2008-12-31" if (boundary and i == 0) else _day("2008-10-02", i, 88)
        book.sale(cid, _day("2008-05-05", i, 100), i % 3, 2_500 + 300 * i, m)
        book.sale(cid, q4, i % 3, 3_000 + 200 * i, m)
        if boundary and i == 1:  # a credit note in the period does not make it active
            book.sale(cid, "2009-02-16", i % 3, -1_500, m, doc="FK")
    # lost before the period: last purchase in the first half of 2008
    for i in range(n_long_lost):
        cid = book.client(m, "2007-03-01", "long lost")
        book.sale(cid, _day("2008-02-01", i, 140), i % 3, 1_800 + 100 * i, m)


def article_example() -> ArticleExample:
    """The article's worked example as transactions, clients and products.

    PL: przykład z artykułu (Iwanow, Pietrow, okres 01.01.2009-31.03.2009) jako surowe wiersze.
    The per-manager table that ends the lifecycle part of the article *Working with clients*:
    ``salesnb.lifecycle.manager_kpis(example, example.period_start, example.period_end)`` gives
    the article's table (:data:`ARTICLE_TABLE`); the split of the count totals per manager
    (:data:`COUNT_SPLIT`) and every row are the workbook's invention. See the module docstring
    for what each client illustrates. Deterministic: no random numbers.

    Returns
    -------
    ArticleExample
        The example company, with the article's period and as-of date.
    """
    book = _Book()
    _manager(
        book, "Iwanow", pot=30,
        primary=[15_000, 14_000, 12_000, 11_000, 10_000, 9_500, 8_500, 8_000, 7_000, 5_000],  # = 100 000
        regular_repeat=[60_000, 45_000, 40_000, 38_000, 35_000, 34_000, 32_000, 30_000, 28_000, 25_000,
                        18_000, 15_000],  # = 400 000
        restored=[(12_000, 8_000, 1), (10_000, 0, 0), (9_000, 0, 0), (8_000, 0, 0), (6_000, 0, 0)],  # 45 000 / 8 000
        n_lost=6, n_long_lost=2,
        new_client_extra=(5_000, 3_000),  # repeat 5 000, new direction 3 000
        regular_newdir=[12_000],  # new direction 12 000
        boundary=True,
    )  # repeat 5 000 + 400 000 + 45 000 = 450 000; new directions 3 000 + 12 000 + 8 000 = 23 000
    _manager(
        book, "Pietrow", pot=32,
        primary=[20_000, 18_000, 15_000, 12_000, 12_000, 10_000, 10_000, 9_000, 9_000, 8_000, 7_000, 6_000,
                 5_500, 4_500, 4_000],  # = 150 000
        regular_repeat=[15_000, 12_000, 9_000, 7_000, 5_000, 4_000],  # = 52 000
        restored=[(2_000, 0, 0), (1_500, 0, 0), (1_500, 0, 0), (1_000, 0, 0), (0, 20_000, 1), (0, 15_000, 2)],
        n_lost=7, n_long_lost=3,
        new_client_extra=(0, 5_000),  # new direction 5 000
        regular_newdir=[25_000, 10_000],  # new directions 35 000
        boundary=False,
    )  # repeat 52 000 + 6 000 = 58 000; new directions 5 000 + 35 000 + 35 000 = 75 000
    # a credit note to a regular client of Pietrow in the period
    reg_p = next(c[0] for c in book.clients if c[2] == "Pietrow" and c[4] == "regular")
    book.sale(reg_p, "2009-03-16", 0, -800, "Pietrow", doc="FK")
    # after the period (ignored at T = 31.03.2009): a lead contacted and buying in April, a lead
    # contacted in April, and an April invoice of a regular client
    late = book.client("Iwanow", "2009-04-02", "after the period")
    book.sale(late, "2009-04-10", 1, 7_000, "Iwanow")
    book.client("Pietrow", "2009-04-15", "after the period")
    reg_i = next(c[0] for c in book.clients if c[2] == "Iwanow" and c[4] == "regular")
    book.sale(reg_i, "2009-04-20", 0, 9_000, "Iwanow")

    tx = pd.DataFrame(book.tx, columns=["date", "customer_id", "amount", "product", "product_line", "salesperson",
                                       "document_id"])
    tx["date"] = pd.to_datetime(tx["date"])
    tx["amount"] = tx["amount"].round(2)
    tx = tx.sort_values(["date", "customer_id", "document_id"], ignore_index=True)
    customers = pd.DataFrame(book.clients,
                             columns=["customer_id", "name", "salesperson", "first_contact", "example_role"])
    customers["first_contact"] = pd.to_datetime(customers["first_contact"])
    products = pd.DataFrame([(p, line) for line, ps in LINES.items() for p in ps], columns=["product", "product_line"])
    return ArticleExample(tx, customers, products)


__all__ = ["ARTICLE_TABLE", "COUNT_SPLIT", "ArticleExample", "article_example"]
