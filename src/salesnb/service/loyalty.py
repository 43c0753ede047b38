"""Client loyalty (PL: lojalność klientów) measured by the article's criteria.

*Working with clients* lists the main criteria of loyalty:

- the **loyalty index**, which the article writes as the total number of clients divided by the
  number of loyal clients, those "showing loyalty, e.g. by repeat purchases". Taken that way
  round it is 1 or more and *falls* as loyalty grows; this workbook reports it as written
  (``loyalty_index``) and, easier to read, its inverse: the **share of loyal clients**
  (``loyal_share``, 0-100%, rising with loyalty);
- **purchases from referrals** (where the client list says who recommended a client:
  ``customers.referred_by``);
- the **number of regular clients** (the lifecycle's *regular*, PL: *stały*);
- the **share of sales from old clients**.

Rules where the article is silent (this workbook's decisions, pinned by ``tests/test_service.py``):

- the clients of a period are those with a settlement (an invoice with amount > 0) in it; a
  client is **loyal** in the period if it also bought in the period of the same length just
  before (repeat purchases period after period: a new client, or one back after a gap, is not
  loyal yet);
- an **old client** had its first settlement before the period; sales are net (corrections
  count on their own date, as in turnover);
- regular clients are counted at the period's end with the company's lifecycle window;
- each client belongs to its sales manager (the customers table, else the salesperson on its
  last transaction); the default period is the 12 months up to the analysis date.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .. import lifecycle
from ..errors import ParameterError
from ..periods import as_of_instant, local_dates, local_timestamp
from ..validation import check_choice, check_number
from .setup import UNASSIGNED, Inputs, client_managers, inputs, owners, settings

__all__ = ["LOYALTY_COLUMNS", "loyalty", "loyalty_history"]

#: The columns of the loyalty tables, in order.
LOYALTY_COLUMNS = ("clients", "loyal_clients", "loyal_share", "loyalty_index", "regular_clients", "sales",
                   "old_client_sales", "old_client_share", "referred_clients", "referral_sales", "referral_share")
_NS_DAY = 86_400 * 10**9


class _Base:
    """Transactions as arrays, with each client's first settlement day, prepared once."""

    def __init__(self, inp: Inputs):
        tx = inp.transactions
        self.ids, self.codes = _factorize(tx["customer_id"])
        self.dates = local_dates(tx["date"], "date", "transactions").to_numpy("datetime64[ns]").view(np.int64)
        self.amount = tx["amount"].to_numpy(dtype=float, na_value=0.0)
        self.sale = self.amount > 0
        first = np.full(len(self.ids), np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(first, self.codes[self.sale], self.dates[self.sale] // _NS_DAY)
        self.first_day = first
        cust = inp.customers
        self.referred = np.zeros(len(self.ids), dtype=bool)
        self.has_referrals = cust is not None and "referred_by" in cust.columns
        if self.has_referrals:
            ref = cust.loc[cust["referred_by"].notna(), "customer_id"].astype(object)
            self.referred[self.ids.get_indexer(ref)[self.ids.get_indexer(ref) >= 0]] = True


def _factorize(ids: pd.Series) -> tuple[pd.Index, np.ndarray]:
    if isinstance(ids.dtype, pd.CategoricalDtype):
        return pd.Index(ids.cat.categories.astype(object)), ids.cat.codes.to_numpy().astype(np.int64)
    codes, uniq = pd.factorize(ids.astype(object))
    return pd.Index(uniq, dtype=object), codes.astype(np.int64)


def _period(b: _Base, start: pd.Timestamp, end: pd.Timestamp, group: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """The loyalty facts of one period ``[start, end]`` per group of clients (vectorised)."""
    s, e = start.value, end.value
    inside = (b.dates >= s) & (b.dates <= e)
    sale = inside & b.sale
    c = b.codes[sale]
    active = np.bincount(c, minlength=len(b.ids)) > 0
    before = b.sale & (b.dates >= s - (e + 1 - s)) & (b.dates < s)  # the period of the same length just before
    repeat = np.bincount(b.codes[before], minlength=len(b.ids)) > 0
    old = b.first_day < s // _NS_DAY
    net = np.bincount(b.codes[inside], weights=b.amount[inside], minlength=len(b.ids))
    clients = np.bincount(group[active], minlength=n)
    loyal = np.bincount(group[active & repeat], minlength=n)
    sales = np.bincount(group, weights=net, minlength=n)
    old_sales = np.bincount(group[old], weights=net[old], minlength=n)
    ref = b.referred
    with np.errstate(invalid="ignore", divide="ignore"):
        out = {
            "clients": clients, "loyal_clients": loyal,
            "loyal_share": np.where(clients > 0, loyal / np.maximum(clients, 1), np.nan),
            "loyalty_index": np.where(loyal > 0, clients / np.maximum(loyal, 1), np.nan),
            "sales": sales, "old_client_sales": old_sales,
            "old_client_share": np.where(sales != 0, old_sales / np.where(sales != 0, sales, 1), np.nan),
        }
        if b.has_referrals:
            ref_sales = np.bincount(group[ref], weights=net[ref], minlength=n)
            out.update(referred_clients=np.bincount(group[active & ref], minlength=n), referral_sales=ref_sales,
                       referral_share=np.where(sales != 0, ref_sales / np.where(sales != 0, sales, 1), np.nan))
        else:
            out.update(referred_clients=np.full(n, np.nan), referral_sales=np.full(n, np.nan),
                       referral_share=np.full(n, np.nan))
    return out


def _lifecycle_input(inp: Inputs) -> dict:
    return {"transactions": inp.transactions, "customers": inp.customers, "params": inp.params}


def loyalty(data: Any, period_start: Any = None, period_end: Any = None, *, by: Any = "salesperson") -> pd.DataFrame:
    """The article's loyalty criteria for a period, per sales manager (PL: wskaźniki lojalności klientów).

    *Working with clients*: the loyalty index (all clients / loyal clients, and its inverse, the
    share of loyal clients), purchases from referrals, the number of regular clients and the
    share of sales from old clients; see the module docstring for the rules.

    Parameters
    ----------
    data : Company or dict
        A loaded company or a dict of tables with ``transactions`` (and ``customers``).
    period_start, period_end : date-like, optional
        The period, whole days; default the 12 months up to the analysis date.
    by : {"salesperson", None}, default "salesperson"
        One row per sales manager and a total, or the total alone.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``salesperson`` (with a "Total" row) or one "Total" row: the columns of
        :data:`LOYALTY_COLUMNS` (referral columns empty when the client list names no
        referrer). ``attrs``: ``period_start``, ``period_end``, ``window`` (of the regular
        clients), ``has_referrals``.

    Raises
    ------
    ParameterError
        For a ``by`` that is not allowed, a period that ends before it starts, or a ``data``
        without transactions.
    DataError
        For transactions that cannot be read.
    """
    fn = "salesnb.service.loyalty"
    key = check_choice("by", by, ("salesperson", None), function=fn) if by is not None else None
    inp = inputs(data, "transactions", fn)
    st = settings(inp, fn, as_of=period_end)
    end = st.as_of
    start = (local_timestamp(period_start).normalize() if period_start is not None
             else end.normalize() - pd.DateOffset(months=12) + pd.Timedelta(days=1))
    if start > end:
        raise ParameterError("period_start", period_start, f"on or before the period's end ({end.date()})",
                             function=fn, fix="swap the two dates.")
    b = _Base(inp)
    if key is None:
        names = pd.Index(["Total"], dtype=object)
        group = np.zeros(len(b.ids), dtype=np.int64)
    else:
        managers = pd.Series(owners(b.ids, client_managers(inp, end)), dtype=object)
        people = sorted(set(managers) - {UNASSIGNED}) + ([UNASSIGNED] if (managers == UNASSIGNED).any() else [])
        names = pd.Index(people, dtype=object, name="salesperson")
        group = names.get_indexer(managers.to_numpy())
    facts = _period(b, start, end, group, len(names))
    status = lifecycle.statuses(_lifecycle_input(inp), as_of=end)
    regular = status.loc[status["status"] == "regular", "customer_id"].astype(object)
    reg_group = group[b.ids.get_indexer(regular)[b.ids.get_indexer(regular) >= 0]]
    facts["regular_clients"] = np.bincount(reg_group, minlength=len(names))
    out = pd.DataFrame({c: facts[c] for c in LOYALTY_COLUMNS}, index=names)
    if key is not None:
        total = pd.DataFrame({c: v for c, v in _period(b, start, end, np.zeros(len(b.ids), dtype=np.int64), 1).items()},
                             index=pd.Index(["Total"], dtype=object))
        total["regular_clients"] = len(regular)
        out = pd.concat([out, total[list(LOYALTY_COLUMNS)]])
        out.index.name = "salesperson"
    for c in ("clients", "loyal_clients", "regular_clients"):
        out[c] = out[c].astype(np.int64)
    out.attrs.update(period_start=start, period_end=end.normalize(), window=status.attrs.get("window_label"),
                     has_referrals=b.has_referrals)
    return out


def loyalty_history(data: Any, every: Any = "Q", *, periods: Any = 8, as_of: Any = None) -> pd.DataFrame:
    """The loyalty criteria over time, one row per month or quarter (PL: lojalność w czasie).

    The same measures as :func:`loyalty` for the whole company, for consecutive calendar
    periods ending with the one that holds the analysis date (cut at that date).

    Parameters
    ----------
    data : Company or dict
        As :func:`loyalty`.
    every : {"Q", "M"}, default "Q"
        Quarters or months.
    periods : int, default 8
        How many periods back (>= 1).
    as_of : date-like, optional
        The analysis date; default the company's.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (a pandas Period): the columns of :data:`LOYALTY_COLUMNS`.

    Raises
    ------
    ParameterError
        For ``every`` or ``periods`` that are not allowed.
    DataError
        For transactions that cannot be read.
    """
    fn = "salesnb.service.loyalty_history"
    freq = check_choice("every", every, ("Q", "M"), function=fn)
    periods = check_number("periods", periods, low=1, high=240, integer=True, function=fn)
    inp = inputs(data, "transactions", fn)
    st = settings(inp, fn, as_of=as_of)
    b = _Base(inp)
    last = st.day.to_period(freq)
    index = pd.period_range(end=last, periods=periods, freq=freq, name="period")
    zero = np.zeros(len(b.ids), dtype=np.int64)
    rows = []
    ends = []
    for p in index:  # a loop over periods, vectorised over clients
        end = min(as_of_instant(p.end_time.normalize()), st.as_of)
        ends.append(end.normalize())
        rows.append({k: v[0] for k, v in _period(b, p.start_time, end, zero, 1).items()})
    out = pd.DataFrame(rows, index=index)
    first = b.dates.min() if len(b.dates) else None
    counts = [0] * len(ends)
    usable = [e for e in ends if first is not None and as_of_instant(e).value >= first]
    if usable:
        hist = lifecycle.status_history(_lifecycle_input(inp), period_ends=usable)
        regular = dict(zip(hist.counts.index, hist.counts["regular"], strict=True))
        counts = [int(regular.get(e, 0)) for e in ends]
    out["regular_clients"] = counts
    out = out[list(LOYALTY_COLUMNS)]
    for c in ("clients", "loyal_clients", "regular_clients"):
        out[c] = out[c].astype(np.int64)
    out.attrs.update(as_of=st.day, every=freq, has_referrals=b.has_referrals)
    return out
