"""Settlements per client (PL: rozliczenia z klientem): the facts every lifecycle rule reads.

The article *Working with clients* defines the client lifecycle by settlements ("wzajemne
rozliczenia"): whether and when a client settled within a window W before the as-of date T.
This module prepares the input once (transactions and customers as integer codes, dates and
amounts) and computes, per client at T, the first and last settlement, whether it settled in the
current window ``(T-W, T]`` and the previous one ``(T-2W, T-W]``, whether it is known at T, and
the lifecycle status those facts imply. :mod:`salesnb.lifecycle` (statuses, history, the
suggested window) and :mod:`salesnb.kpis` (the managers' and clients' tables) build on it.

Decisions taken here where the article is silent (pinned by ``tests/test_lifecycle.py``):

- A **settlement** is a transaction row with ``amount > 0``. Corrections (credit notes, negative
  amounts) and zero amounts are not settlements: they never make a client active.
- Transactions after T are ignored. A client is *known* at T if it has any transaction row on or
  before T, or it is in ``customers`` with ``first_contact`` on or before T (or missing).
- Status at T (the workbook's partition of the article's definitions): potential = no
  settlement up to T; lost = no settlement in the current window; new = first settlement in the
  current window; regular = settled in the current and the previous window; restored = settled in
  the current window, not in the previous one, and earlier.
"""
from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, DataWarning, ParameterError, Problem
from .periods import DEFAULT_WINDOW, as_of_instant, local_dates, parse_window, window_start
from .validation import check_frame

__all__ = [
    "LOST",
    "NEW",
    "NS_DAY",
    "POTENTIAL",
    "REGULAR",
    "RESTORED",
    "STATUSES",
    "UNKNOWN",
    "Facts",
    "Prepared",
    "Setup",
    "Tables",
    "analysis_instant",
    "client_order",
    "datetimes",
    "facts",
    "prepare",
    "setup",
    "status_categorical",
    "tables_of",
]

#: The five statuses, in the order used for codes, tables and charts.
STATUSES: tuple[str, ...] = ("potential", "new", "regular", "lost", "restored")
#: Pseudo-status in flows for clients not yet known at the earlier period end.
UNKNOWN = "unknown"
POTENTIAL, NEW, REGULAR, LOST, RESTORED = range(5)
#: Nanoseconds per day.
NS_DAY = 86_400 * 10**9
_IMAX = np.iinfo(np.int64).max
_IMIN = np.iinfo(np.int64).min


@dataclass
class Tables:
    """The tables a lifecycle computation reads (PL: tabele wejściowe).

    Attributes
    ----------
    tx : pandas.DataFrame
        Transactions (``customer_id``, ``date``, ``amount``; optional ``salesperson``,
        ``product``, ``product_line``).
    customers, products : pandas.DataFrame or None
        Known clients (``customer_id``, optional ``first_contact``, ``salesperson``) and the
        product catalogue.
    as_of : date-like or None
        The company's as-of date.
    params : dict
        The company's parameters (``lifecycle_window`` ...).
    """

    tx: pd.DataFrame
    customers: pd.DataFrame | None
    products: pd.DataFrame | None
    as_of: Any
    params: dict


def tables_of(data: Any, customers: Any = None) -> Tables:
    """The input tables from what a user passes (PL: dane wejściowe).

    Parameters
    ----------
    data : DataFrame, dict or Company
        A transactions DataFrame, a dict of tables with ``"transactions"``, or a loaded company
        (anything with ``.transactions``; its ``customers``, ``products``, ``as_of`` and
        ``params`` come along).
    customers : pandas.DataFrame, optional
        Overrides the company's customers table.

    Returns
    -------
    Tables

    Raises
    ------
    ParameterError
        If ``data`` is none of these.
    """
    if isinstance(data, pd.DataFrame):
        return Tables(data, customers, None, None, {})
    if isinstance(data, Mapping) and "transactions" in data:
        get = data.get
    elif hasattr(data, "transactions"):
        def get(name, default=None):
            return getattr(data, name, default)
    else:
        raise ParameterError("transactions", data, "a DataFrame (customer_id, date, amount), a dict of tables "
                             "or a loaded company", fix="pass salesnb.load_company(...) or a transactions DataFrame.")
    cust = customers if customers is not None else get("customers", None)
    return Tables(get("transactions"), cust, get("products", None), get("as_of", None), dict(get("params", None) or {}))




@dataclass
class Prepared:
    """Transactions and customers as integer codes and arrays, prepared once (PL: dane przygotowane).

    Attributes
    ----------
    ids : pandas.Index
        The client id of each code.
    codes, dates, amount : numpy.ndarray
        Per transaction row: client code, date (int64 ns), amount (float64).
    n : int
        Number of clients (codes ``0..n-1``).
    in_customers, first_contact : numpy.ndarray
        Per client: in the customers table; its first contact (int64 ns, minimum if missing).
    cust_codes : numpy.ndarray or None
        The client code of each customers row.
    tx, customers, products : pandas.DataFrame or None
        The tables themselves.
    """

    ids: pd.Index  # client id for each code
    codes: np.ndarray  # client code per transaction row
    dates: np.ndarray  # int64 ns per transaction row
    amount: np.ndarray  # float64 per transaction row
    n: int  # number of clients
    in_customers: np.ndarray  # bool per client
    first_contact: np.ndarray  # int64 ns per client (_IMIN = missing / not in customers)
    cust_codes: np.ndarray | None  # client code per customers row
    tx: pd.DataFrame
    customers: pd.DataFrame | None
    products: pd.DataFrame | None


def _datetime_ns(s: pd.Series, table: str, column: str) -> np.ndarray:
    return local_dates(s, column, table).to_numpy("datetime64[ns]").view("int64")


def _null_problem(mask: np.ndarray, index: pd.Index, table: str, column: str, what: str) -> Problem:
    labels = index[mask]
    as_rows = pd.api.types.is_integer_dtype(labels.dtype)  # a loaded table: row numbers of the file
    return Problem(table, f"{int(mask.sum())} row(s) have no {what}.", column=column,
                   rows=list(labels[:10]) if as_rows else [], values=[] if as_rows else list(labels[:5]),
                   fix=f"fill in or drop the rows without {what}.")

def prepare(inp: Tables) -> Prepared:
    """Check and encode the tables once (PL: przygotowanie danych): codes, dates, amounts.

    Parameters
    ----------
    inp : Tables
        From :func:`tables_of`.

    Returns
    -------
    Prepared

    Raises
    ------
    ParameterError
        If the transactions are not a DataFrame with ``customer_id``, ``date`` and ``amount``,
        or the customers table has no ``customer_id`` (a :class:`DataError` too).
    DataError
        Rows without a client id, date or amount (naming the rows); dates that cannot be read;
        non-numeric amounts; customers without a client id or with repeated client ids.
    """
    tx = inp.tx
    check_frame("transactions", tx, columns=("customer_id", "date", "amount"))
    problems: list[Problem] = []
    ids_s = tx["customer_id"]
    dates = _datetime_ns(tx["date"], "transactions", "date")
    if not pd.api.types.is_numeric_dtype(tx["amount"].dtype) or pd.api.types.is_bool_dtype(tx["amount"].dtype):
        raise DataError(Problem("transactions", "amounts are not numbers.", column="amount",
                                fix="load amounts as numbers (salesnb.io reads decimal commas)."))
    amount = tx["amount"].to_numpy(dtype="float64", na_value=np.nan)
    for mask, col, what in (
        (ids_s.isna().to_numpy(), "customer_id", "client id"),
        (dates == np.iinfo(np.int64).min, "date", "date"),
        (np.isnan(amount), "amount", "amount"),
    ):
        if mask.any():
            problems.append(_null_problem(mask, tx.index, "transactions", col, what))
    if problems:
        raise DataError(problems)

    if isinstance(ids_s.dtype, pd.CategoricalDtype):
        codes = ids_s.cat.codes.to_numpy().astype(np.int64)
        ids = pd.Index(ids_s.cat.categories)
    else:
        codes, uniq = pd.factorize(ids_s, sort=False)
        codes = codes.astype(np.int64)
        ids = pd.Index(uniq)

    cust = inp.customers
    cust_codes = None
    n_tx_ids = len(ids)
    if cust is not None:
        check_frame("customers", cust, columns=("customer_id",))
        cid = cust["customer_id"]
        if cid.isna().any():
            raise DataError(_null_problem(cid.isna().to_numpy(), cust.index, "customers", "customer_id", "client id"))
        if cid.duplicated().any():
            dup = cid[cid.duplicated()].unique()[:5]
            raise DataError(Problem("customers", "client ids repeat; each client must appear once.",
                                    column="customer_id", values=list(dup), fix="remove the duplicate rows."))
        if isinstance(cid.dtype, pd.CategoricalDtype) and cid.cat.categories.equals(ids):
            cust_codes = cid.cat.codes.to_numpy().astype(np.int64)
        else:
            cust_codes = ids.get_indexer(np.asarray(cid, dtype=object)).astype(np.int64)
            miss = cust_codes < 0
            if miss.any():
                extra = pd.Index(np.asarray(cid, dtype=object)[miss])
                cust_codes[miss] = len(ids) + np.arange(int(miss.sum()))
                ids = ids.append(extra)
        if len(cust) and n_tx_ids and not (cust_codes < n_tx_ids).any():
            warnings.warn(
                "No client id in customers matches a client id in transactions; check that both are "
                "text with the same format (e.g. leading zeros).", DataWarning, stacklevel=3)
    n = len(ids)
    in_customers = np.zeros(n, dtype=bool)
    first_contact = np.full(n, _IMIN, dtype=np.int64)
    if cust_codes is not None:
        in_customers[cust_codes] = True
        if "first_contact" in cust.columns:
            first_contact[cust_codes] = _datetime_ns(cust["first_contact"], "customers", "first_contact")
    return Prepared(ids, codes, dates, amount, n, in_customers, first_contact, cust_codes, tx, cust, inp.products)


def analysis_instant(p: Prepared, inp: Tables, as_of: Any) -> pd.Timestamp:
    """The as-of instant T of an analysis (PL: chwila analizy).

    Parameters
    ----------
    p : Prepared
        The prepared input.
    inp : Tables
        Its tables (for the company's own ``as_of``).
    as_of : date-like or None
        The caller's; ``None`` means the company's, else the day of the last transaction.

    Returns
    -------
    pandas.Timestamp
        A date means its whole day (:func:`salesnb.periods.as_of_instant`).

    Raises
    ------
    DataError
        If there are no transactions, or T is before the first one.
    """
    if as_of is None:
        as_of = inp.as_of
    if as_of is None:
        if len(p.dates) == 0:
            raise DataError("There are no transactions, so there is no default as-of date. Fix: pass as_of=...")
        as_of = pd.Timestamp(int(p.dates.max()), unit="ns").normalize()
    t = as_of_instant(as_of)
    if len(p.dates) and t.value < p.dates.min():
        first = pd.Timestamp(int(p.dates.min()), unit="ns")
        raise DataError(
            f"The as-of date {pd.Timestamp(as_of).date()} is before the first transaction ({first.date()}); "
            f"no client could have a status. Fix: pass an as_of on or after {first.date()}."
        )
    return t


@dataclass
class Facts:
    """Per-client settlement facts at one as-of instant (PL: fakty o rozliczeniach klienta).

    Attributes
    ----------
    t, a, b : int
        T, T-W and T-2W in int64 ns.
    first, last : numpy.ndarray
        Per client: first and last settlement up to T (int64 ns; maximum / minimum if none).
    in_current, in_previous, known, only_corrections : numpy.ndarray of bool
        Per client: settled in ``(T-W, T]``; settled in ``(T-2W, T-W]``; known at T; has rows
        up to T but no settlement.
    status : numpy.ndarray of int8
        Codes into :data:`STATUSES`; -1 = not known at T.
    settled, c, d : numpy.ndarray
        The settlement rows up to T (mask), their client codes and dates.
    """

    t: int
    a: int  # T - W
    b: int  # T - 2W
    first: np.ndarray  # first settlement <= T (int ns, _IMAX if none)
    last: np.ndarray  # last settlement <= T (_IMIN if none)
    in_current: np.ndarray
    in_previous: np.ndarray
    known: np.ndarray
    only_corrections: np.ndarray
    status: np.ndarray  # int8 codes into STATUSES, -1 = not known
    settled: np.ndarray | None = None  # bool per transaction row: a settlement on or before T
    c: np.ndarray | None = None  # client codes of those rows
    d: np.ndarray | None = None  # their dates


def facts(p: Prepared, t: pd.Timestamp, w: pd.DateOffset | pd.Timedelta,
          settle: np.ndarray | None = None) -> Facts:
    """The facts and status of every client at T (PL: status klienta z rozliczeń), vectorised.

    Parameters
    ----------
    p : Prepared
        The prepared input.
    t : pandas.Timestamp
        The as-of instant T.
    w : DateOffset or Timedelta
        The window W, parsed.
    settle : numpy.ndarray of bool, optional
        Which rows are settlements; default ``amount > 0`` (pass it when calling repeatedly).

    Returns
    -------
    Facts
    """
    tv = t.value
    a = window_start(t, w, 1).value
    b = window_start(t, w, 2).value
    upto = p.dates <= tv
    if settle is None:
        settle = p.amount > 0
    s = settle & upto
    c = p.codes[s]
    d = p.dates[s]
    first = np.full(p.n, _IMAX, dtype=np.int64)
    last = np.full(p.n, _IMIN, dtype=np.int64)
    np.minimum.at(first, c, d)
    np.maximum.at(last, c, d)
    prev_mask = (d > b) & (d <= a)
    in_previous = np.bincount(c[prev_mask], minlength=p.n) > 0
    has = first != _IMAX
    in_current = last > a
    any_row = np.bincount(p.codes if upto.all() else p.codes[upto], minlength=p.n) > 0
    lead_known = p.in_customers & ((p.first_contact == _IMIN) | (p.first_contact <= tv))
    known = any_row | lead_known
    only_corr = any_row & ~has
    status = np.where(
        ~has, POTENTIAL,
        np.where(~in_current, LOST, np.where(first > a, NEW, np.where(in_previous, REGULAR, RESTORED))),
    ).astype(np.int8)
    status[~known] = -1
    return Facts(tv, a, b, first, last, in_current, in_previous, known, only_corr, status, s, c, d)


def client_order(ids: pd.Index, sel: np.ndarray) -> np.ndarray:
    """Client positions in client-id order (PL: kolejność klientów), deterministic.

    Parameters
    ----------
    ids : pandas.Index
        Client ids by code.
    sel : numpy.ndarray
        The codes to order.

    Returns
    -------
    numpy.ndarray
        ``sel`` sorted by id (by text when ids of mixed types cannot be compared).
    """
    sub = ids[sel]
    if ids.is_monotonic_increasing:
        return sel
    try:
        return sel[sub.argsort(kind="stable")]
    except TypeError:
        return sel[sub.astype(str).argsort(kind="stable")]


def datetimes(arr: np.ndarray, none: int) -> pd.DatetimeIndex:
    """int64 ns values as datetimes, ``none`` marking the missing ones (PL: daty).

    Parameters
    ----------
    arr : numpy.ndarray of int64
        Nanoseconds since 1970.
    none : int
        The value that means "no date" (NaT in the result).

    Returns
    -------
    pandas.DatetimeIndex
    """
    out = arr.copy()
    out[arr == none] = np.iinfo(np.int64).min
    return pd.DatetimeIndex(out.view("datetime64[ns]"))


def status_categorical(codes: np.ndarray) -> pd.Categorical:
    """Status codes as an ordered categorical over :data:`STATUSES` (PL: statusy), -1 = NaN.

    Parameters
    ----------
    codes : numpy.ndarray
        Codes into :data:`STATUSES`.

    Returns
    -------
    pandas.Categorical
    """
    return pd.Categorical.from_codes(codes.astype(np.int64), categories=list(STATUSES), ordered=True)




@dataclass
class Setup:
    """One lifecycle computation's resolved input (PL: parametry analizy), from :func:`setup`.

    Attributes
    ----------
    tables : Tables
        The input tables (:func:`tables_of`).
    prepared : Prepared
        The same, encoded once (:func:`prepare`).
    window : DateOffset or Timedelta
        W, parsed.
    """

    tables: Tables
    prepared: Prepared
    window: pd.DateOffset | pd.Timedelta

    def instant(self, as_of: Any) -> pd.Timestamp:
        """The as-of instant T for ``as_of`` (PL: chwila analizy), see :func:`analysis_instant`.

        Parameters
        ----------
        as_of : date-like or None
            The caller's; ``None`` means the company's, else the day of the last transaction.

        Returns
        -------
        pandas.Timestamp
            A date means its whole day.

        Raises
        ------
        DataError
            If there are no transactions, or T is before the first one.
        """
        return analysis_instant(self.prepared, self.tables, as_of)


def setup(data: Any, customers: Any = None, window: Any = None) -> Setup:
    """The one parameter set-up path of the lifecycle methods (PL: przygotowanie analizy).

    Resolves the window (the caller's, else the company's ``lifecycle_window``, else the
    article's three months), checks it, and prepares the tables once.

    Parameters
    ----------
    data : DataFrame, dict or Company
        See :func:`tables_of`.
    customers : pandas.DataFrame, optional
        Overrides the company's customers table.
    window : window-like, optional
        W (see :func:`salesnb.periods.parse_window`).

    Returns
    -------
    Setup

    Raises
    ------
    ParameterError
        For ``data`` that holds no transactions, or a window that is not allowed.
    DataError
        For tables that cannot be analysed (see :func:`prepare`).
    """
    inp = tables_of(data, customers)
    w = parse_window(window if window is not None else inp.params.get("lifecycle_window", DEFAULT_WINDOW))
    return Setup(inp, prepare(inp), w)
