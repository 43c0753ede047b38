"""The facts of one reporting period behind the KPI tables (PL: dane okresu dla wskaźników).

For a period ``[start, end]``: the statuses at its start and end, each client's salesperson, the
kind of every sale in the period (primary, repeat, in a new direction), corrections, conversion
of leads and product lines lost. :mod:`salesnb.kpis.tables` turns them into the article's tables.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, DataWarning, Problem
from ..periods import period_bounds, window_start
from ..settlements import LOST, NEW, NS_DAY, POTENTIAL, REGULAR, RESTORED, Facts, Prepared, facts, setup

__all__ = ["Period", "count_unique", "period_facts", "product_line_codes"]

_IMAX = np.iinfo(np.int64).max
_IMIN = np.iinfo(np.int64).min


def _codes_of(values: pd.Series, names: pd.Index, pos: np.ndarray | None = None) -> np.ndarray:
    """Codes of ``values`` (at positions ``pos``) in ``names`` (-1 for missing values)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        m = np.append(names.get_indexer(values.cat.categories), -1)  # code -1 (missing) -> -1
        c = values.cat.codes.to_numpy()
        return m[c if pos is None else c[pos]].astype(np.int64)
    arr = values if pos is None else values.iloc[pos]
    out = names.get_indexer(arr.astype(object).where(arr.notna(), None))
    return out.astype(np.int64)


def _unique_names(*series: pd.Series | None) -> pd.Index:
    vals: set = set()
    for s in series:
        if s is None:
            continue
        if isinstance(s.dtype, pd.CategoricalDtype):
            codes = s.cat.codes.to_numpy()
            used = np.bincount(codes[codes >= 0].astype(np.int64), minlength=len(s.cat.categories)) > 0
            vals.update(s.cat.categories[used].tolist())
        else:
            vals.update(s.dropna().unique().tolist())
    try:
        return pd.Index(sorted(vals), dtype=object)
    except TypeError:
        return pd.Index(sorted(vals, key=str), dtype=object)


@dataclass
class Period:
    """The facts of one reporting period (PL: dane okresu), from :func:`period_facts`.

    Attributes are arrays per client or per settlement row of the period; see the code for each.
    """

    p: Prepared
    s: pd.Timestamp
    t: pd.Timestamp
    w: Any
    f: Facts
    status_start: np.ndarray
    sp_names: pd.Index  # salespeople; code len(sp_names) = unassigned
    client_sp: np.ndarray  # per client
    row_sel: np.ndarray  # positions of settlement rows in the period
    row_seller: np.ndarray
    row_kind: np.ndarray  # 0 primary, 1 repeat, 2 new direction
    row_client: np.ndarray
    row_line: np.ndarray
    row_day: np.ndarray
    corr_sel: np.ndarray
    corr_seller: np.ndarray
    converted: np.ndarray
    lost_in_period: np.ndarray
    restored: np.ndarray
    leads: np.ndarray
    new_leads: np.ndarray  # clients first contacted in the period
    lost_lines: np.ndarray  # per client: product lines active at the start and lost at T, client still active


def product_line_codes(p: Prepared) -> tuple[np.ndarray, int]:
    """The product line of every transaction row as integer codes (PL: kody linii produktowych).

    Parameters
    ----------
    p : Prepared
        The prepared input; lines come from ``product_line``, else from ``product`` and the
        products table.

    Returns
    -------
    codes : numpy.ndarray of int64
        Per row; rows without a line share one extra code (with a DataWarning).
    n : int
        The number of codes.

    Raises
    ------
    DataError
        If the data has no way to tell product lines.
    """
    tx = p.tx
    if "product_line" in tx.columns:
        line = tx["product_line"]
    elif "product" in tx.columns and p.products is not None and {"product", "product_line"} <= set(p.products.columns):
        mapping = p.products.drop_duplicates("product").set_index("product")["product_line"]
        line = tx["product"].astype(object).map(mapping)
    else:
        raise DataError(Problem("transactions", "no product line, so repeat sales cannot be told from sales in new "
                                "directions.", column="product_line",
                                fix="add a product_line column, or a product column and a products table."))
    if isinstance(line.dtype, pd.CategoricalDtype):
        codes = line.cat.codes.to_numpy().astype(np.int64)
        n = len(line.cat.categories)
    else:
        codes, uniq = pd.factorize(line, sort=False)
        codes = codes.astype(np.int64)
        n = len(uniq)
    if (codes < 0).any():
        warnings.warn(f"{int((codes < 0).sum())} transaction row(s) have no product line; they are treated as one "
                      f"line of their own.", DataWarning, stacklevel=4)
        codes = np.where(codes < 0, n, codes)
        n += 1
    return codes, n


def period_facts(data: Any, period_start: Any, period_end: Any, window: Any, customers: Any,
                 full_start_status: bool = False) -> Period:
    """The facts of one reporting period for the KPI tables (PL: dane okresu sprawozdawczego).

    Parameters
    ----------
    data : DataFrame, dict or Company
        As :func:`salesnb.kpis.manager_kpis`.
    period_start, period_end : date-like
        The period, whole days.
    window : window-like or None
        W.
    customers : pandas.DataFrame or None
        Overrides the company's customers table.
    full_start_status : bool, default False
        Compute every client's status at the start (the per-client table needs it).

    Returns
    -------
    Period

    Raises
    ------
    ParameterError
        For a period that starts after it ends or a window that is not allowed.
    DataError
        For transactions that cannot be analysed.
    """
    su = setup(data, customers, window)
    p, w = su.prepared, su.window
    s, t = period_bounds(period_start, period_end)
    su.instant(t)
    settle = p.amount > 0
    f = facts(p, t, w, settle)
    t0 = s - pd.Timedelta(1, "ns")
    if full_start_status:
        f0 = facts(p, t0, w, settle) if (len(p.dates) and t0.value >= p.dates.min()) else None
        if f0 is not None:
            status_start = f0.status
        else:  # no transaction up to T0: leads known by then are potential
            known0 = p.in_customers & ((p.first_contact == _IMIN) | (p.first_contact <= t0.value))
            status_start = np.where(known0, POTENTIAL, -1).astype(np.int8)
        active_start = np.isin(status_start, (NEW, REGULAR, RESTORED))
    else:  # active at the day before the period = a settlement in (T0 - W, T0]
        status_start = np.full(p.n, -1, dtype=np.int8)
        a0 = window_start(t0, w, 1).value
        active_start = np.bincount(f.c[(f.d > a0) & (f.d <= t0.value)], minlength=p.n) > 0

    # salespeople: the client's (customers table), else the one on its last transaction up to T
    cust = p.customers
    tx_sp = p.tx["salesperson"] if "salesperson" in p.tx.columns else None
    cust_sp = cust["salesperson"] if (cust is not None and "salesperson" in cust.columns) else None
    sp_names = _unique_names(tx_sp, cust_sp)
    k_un = len(sp_names)
    client_sp = np.full(p.n, -1, dtype=np.int64)
    if cust_sp is not None:
        client_sp[p.cust_codes] = _codes_of(cust_sp, sp_names)

    def tx_sp_codes(pos: np.ndarray) -> np.ndarray:
        if tx_sp is None:
            return np.full(len(pos), -1, dtype=np.int64)
        return _codes_of(tx_sp, sp_names, pos)

    need = client_sp < 0
    if need.any() and tx_sp is not None:
        r = np.flatnonzero((p.dates <= t.value) & need[p.codes])
        r = r[tx_sp_codes(r) >= 0]
        if r.size:
            # last transaction row per client: order rows by date, keep the last per client (ties: later row)
            o = r[np.argsort(p.dates[r], kind="stable")]
            cl = p.codes[o]
            last_pos = np.full(p.n, -1, dtype=np.int64)
            last_pos[cl] = o  # fancy assignment keeps the last write for repeated indices
            got = last_pos >= 0
            client_sp[got] = tx_sp_codes(last_pos[got])
    client_sp = np.where(client_sp < 0, k_un, client_sp)

    # settlement rows in the period and their kind
    line_codes, n_lines = product_line_codes(p)
    pair = p.codes * n_lines + line_codes  # (client, product line) of every row
    m_in = f.settled & (p.dates >= s.value)  # boolean masks: faster than integer gathers at 10 M rows
    row_sel = np.flatnonzero(m_in)
    rc = p.codes[m_in]
    rd = p.dates[m_in]
    rl = line_codes[m_in]
    pair_p = pair[m_in]  # the period's sales ...
    pair_b = pair[f.settled & (p.dates < s.value)]  # ... and the earlier ones
    if p.n * n_lines <= 50_000_000:  # dense arrays over all (client, line) pairs
        bought_before = (np.bincount(pair_b, minlength=p.n * n_lines) > 0)[pair_p]
        first_in_p = np.full(p.n * n_lines, _IMAX, dtype=np.int64)
        np.minimum.at(first_in_p, pair_p, rd)
        line_first = first_in_p[pair_p]
    else:
        bought_before = np.isin(pair_p, _sorted_unique(pair_b))
        pcode, uniq = pd.factorize(pair_p)
        first_in_p = np.full(len(uniq), _IMAX, dtype=np.int64)
        np.minimum.at(first_in_p, pcode, rd)
        line_first = first_in_p[pcode]
    # the rules speak of days: a client's first settlement day, the first day it bought in a line
    rday, first_day, line_first_day = rd // NS_DAY, f.first[rc] // NS_DAY, line_first // NS_DAY
    primary = rday == first_day
    newdir = ~primary & ~bought_before & (rday == line_first_day)
    kind = np.where(primary, 0, np.where(newdir, 2, 1)).astype(np.int8)
    seller = tx_sp_codes(row_sel)
    seller = np.where(seller >= 0, seller, client_sp[rc])
    corr_sel = np.flatnonzero((p.amount < 0) & (p.dates >= s.value) & (p.dates <= t.value))
    cs = tx_sp_codes(corr_sel)
    cs = np.where(cs >= 0, cs, client_sp[p.codes[corr_sel]])

    has = f.first != _IMAX
    converted = has & (f.first >= s.value) & (f.first <= t.value)
    lost_in_period = (f.status == LOST) & active_start
    # restored during the period, the mirror of lost: lost at the day before it (settled before,
    # not in the window then) and active at T again
    active_end = np.isin(f.status, (NEW, REGULAR, RESTORED))
    restored = (f.first < s.value) & ~active_start & active_end
    leads = (f.status == POTENTIAL) | converted
    # the cohort of first contacts made in the period: a customers row with first_contact in it,
    # or (clients the customers table does not list) a first transaction in it
    first_row = np.full(p.n, _IMAX, dtype=np.int64)
    upto = p.dates <= t.value
    np.minimum.at(first_row, p.codes[upto], p.dates[upto])
    contact = np.where(p.in_customers, p.first_contact, first_row)
    new_leads = (contact != _IMIN) & (contact >= s.value) & (contact <= t.value)
    lost_lines = _lost_lines(p, f, pair, n_lines, t0, w, active_end)
    return Period(p, s, t, w, f, status_start, sp_names, client_sp, row_sel, seller, kind, rc, rl,
                   rd // NS_DAY, corr_sel, cs, converted, lost_in_period, restored, leads, new_leads, lost_lines)


def _lost_lines(p: Prepared, f: Facts, pair: np.ndarray, n_lines: int, t0: pd.Timestamp, w: Any,
                active_end: np.ndarray) -> np.ndarray:
    """Per client: product lines lost in the period while the client still buys others.

    A line settled in within W before the period and not within W before T, for a client still
    active at T: the article's client lost "in one or several areas".
    """
    a0, a = window_start(t0, w, 1).value, f.a
    rows = f.settled
    before = rows & (p.dates > a0) & (p.dates <= t0.value)
    now = rows & (p.dates > a)
    lost = np.setdiff1d(_sorted_unique(pair[before]), _sorted_unique(pair[now]), assume_unique=True)
    client = lost // n_lines
    client = client[active_end[client]]
    return np.bincount(client, minlength=p.n)


def count_unique(*keys: np.ndarray, group: np.ndarray, n_groups: int) -> np.ndarray:
    """Per group, the number of distinct key tuples (PL: liczba różnych kluczy w grupie), vectorised.

    Parameters
    ----------
    *keys : numpy.ndarray of int
        The key columns.
    group : numpy.ndarray of int
        The group of each row, ``0 <= group < n_groups``.
    n_groups : int

    Returns
    -------
    numpy.ndarray of int64
    """
    if group.size == 0:
        return np.zeros(n_groups, dtype=np.int64)
    stacked = np.stack([group, *keys], axis=1)
    u = _unique_rows_fast(stacked.astype(np.int64))
    return np.bincount(u[:, 0], minlength=n_groups)


def _sorted_unique(x: np.ndarray) -> np.ndarray:
    """np.unique by sorting (faster than numpy 2's hash-based unique for int64 keys here)."""
    x = np.sort(x)
    if x.size:
        x = x[np.concatenate(([True], x[1:] != x[:-1]))]
    return x


def _unique_rows_fast(a: np.ndarray) -> np.ndarray:
    # combine columns into one int64 key when the value ranges allow, else fall back
    mins = a.min(axis=0)
    spans = a.max(axis=0) - mins + 1
    if float(np.prod(spans.astype(float))) < 2**62:
        key = np.zeros(a.shape[0], dtype=np.int64)
        for j in range(a.shape[1]):
            key = key * int(spans[j]) + (a[:, j] - mins[j])
        key = _sorted_unique(key)
        out = np.empty((key.size, a.shape[1]), dtype=np.int64)
        for j in range(a.shape[1] - 1, -1, -1):
            out[:, j] = key % int(spans[j]) + mins[j]
            key = key // int(spans[j])
        return out
    return np.unique(a, axis=0)


