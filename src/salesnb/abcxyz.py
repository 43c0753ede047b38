"""ABC and XYZ analysis of clients (PL: analiza ABC i XYZ klientów).

Rules: domain.md section 3, from seed 003 lines 394-415 (and lines 631, 637-638 for the class
history and the lifecycle rule). Every choice the article leaves open is a parameter; the
defaults come from :mod:`salesnb.params` (or a company's ``params``) and are listed here.

Decisions (each one a parameter away)
-------------------------------------
ABC (PL: klasa ABC), ``abc`` / ``abc_table``:

1. Thresholds ``(a, b) = (0.5, 0.8)``, the article's 50/80 (``params.abc_thresholds``; the
   textbook 80/95 is ``thresholds=(0.8, 0.95)``); ``0 < a <= b <= 1``.
2. Cumulative share, ``cumulative="before"`` (default, domain.md s.3 "Decision taken here"): an
   item is A if the share of the items ranked *strictly before it* is below ``a``, B if below
   ``b``, else C. So the item that crosses a line stays in the upper class, and one client
   holding 90% of turnover is A. ``cumulative="including"`` is the other common reading: A if
   the cumulative share *including* the item is at most ``a`` (so the crossing item drops a
   class; the ``inventorize`` package uses this with ``<`` instead of ``<=``).
3. Ranking: value descending, ties ranked by id ascending (the order ``sort_values`` gives the
   ids, for a Categorical too, whatever its category order). Deterministic.
4. Floating point: shares are compared with an absolute tolerance ``tol=1e-9``, so a share that
   is exactly a threshold in exact arithmetic (ten equal clients, 8/10 = 0.8) counts as equal
   to it even when float sums give 0.7999999999999999 or 0.8000000000000002.
5. Zero and negative values (net turnover after corrections <= 0) add nothing to the result:
   they are ranked after every positive item (by value, then id), count as 0 in the shares and
   are class C ("every client with settlements has a class", seed 003 line 417). The total is
   the sum of the positive values. A total with no positive value (all zero or negative) raises
   :class:`~salesnb.errors.DataError`; so does a missing (NaN) or infinite value, naming the ids.
6. ``by="amount"`` (turnover) or ``"margin"`` (``params.abc_by``; the article allows "by income"
   only where management accounting is reliable).

XYZ (PL: klasa XYZ), ``xyz``:

7. CV = standard deviation / mean of the client's net turnover per period (seed 003 l. 409).
8. Periods: calendar months ``period="M"`` (default, ``params.xyz_period``) or quarters ``"Q"``.
   The period holding the as-of date counts as a whole period: pass an as-of date at a period
   end for complete periods.
9. Zeros filled: every period of the span without sales counts as 0 turnover.
10. Span ``span="client"`` (default, ``params.xyz_span``): from the client's first period with
    any transaction to the as-of period; ``span="dataset"``: from the first period of the whole
    dataset. Both are cut to the last ``horizon`` periods when a horizon is given (default: all
    history up to the as-of date). ABC uses the same periods as XYZ.
11. Standard deviation: population ``ddof=0`` (default, ``params.xyz_ddof``); ``ddof=1`` is the
    sample one (Excel STDEV).
12. ``min_periods=3``: a client whose span has fewer periods gets no XYZ class, reason
    ``reason_short_history``. A client whose net turnover over the span is <= 0 gets none,
    reason ``reason_no_positive_turnover`` (the CV is undefined). The CV is reported only for
    classified clients.
13. Thresholds ``(0.10, 0.25)``: X if CV <= 10%, Y if 10% < CV <= 25%, Z above (domain.md s.3;
    the same tolerance ``tol`` as ABC at the boundaries).

Both:

14. Corrections (negative amounts, credit notes) NET against turnover in the period of their
    own date (not of the invoice they correct). Rows after the as-of date are ignored; the
    as-of date is a whole day (rows dated that day count) and defaults to the company's
    ``as_of``, else the last transaction's date.
15. Lifecycle rule (``abc_xyz``, seed 003 lines 637-638, domain.md s.4), implemented locally:
    a *new* client (first positive settlement in the window ``(T-W, T]``, ``W =
    params.lifecycle_window``, default three months) has an ABC class but no XYZ class, reason
    ``reason_new_client``; a *potential* client (in ``customers``, known by ``T``, never
    settled) has neither, reason ``reason_potential_client``.
16. Who is in a table: every client with at least one transaction (sale or correction) in the
    analysed periods. A client who stopped buying ("lost") keeps its zero periods up to the
    as-of period, so its CV grows (usually Z); with a ``horizon``, a client without any
    transaction in it is left out (``abc_xyz`` then lists it as neither potential nor classed).
17. Products / product lines used (``abc_xyz``): distinct ones with a positive net amount in the
    analysed periods (a product bought and fully credited is not used); product lines come from
    the ``product_line`` column, else from ``company.products``.
18. Class history (``class_history``): classes at the end of every period over a rolling
    ``horizon`` of 12 periods by default (None = all history to that period end), with the
    lifecycle rule at each period end; the changes between consecutive period ends.
19. Output: classes are ordered Categoricals (A<B<C, X<Y<Z); tables are sorted (ABC tables in
    ranking order, XYZ tables by rising CV, ties by id). Reasons are keys of
    :mod:`salesnb.i18n` (``label_values`` translates them).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, Problem
from .lifecycle import _as_of_instant, parse_window, window_start
from .params import defaults as _param_defaults
from .periods import local_dates, local_timestamp

__all__ = [
    "ABC_CLASSES",
    "XYZ_CLASSES",
    "ABC_XYZ_CLASSES",
    "REASONS",
    "abc",
    "abc_table",
    "xyz",
    "abc_xyz",
    "class_history",
    "ClassHistory",
    "transition_matrix",
    "abc_xyz_matrix",
    "compare_classes",
    "class_summary",
]

ABC_CLASSES = ("A", "B", "C")
XYZ_CLASSES = ("X", "Y", "Z")
ABC_XYZ_CLASSES = tuple(a + x for a in ABC_CLASSES for x in XYZ_CLASSES)
#: Why a client has no XYZ (or no ABC) class; each is a key of salesnb.i18n.LABELS.
REASONS = ("reason_short_history", "reason_no_positive_turnover", "reason_new_client", "reason_potential_client")
#: Absolute tolerance for comparing shares and CVs with thresholds (decision 4).
TOL = 1e-9

_ABC_DTYPE = pd.CategoricalDtype(list(ABC_CLASSES), ordered=True)
_XYZ_DTYPE = pd.CategoricalDtype(list(XYZ_CLASSES), ordered=True)
_ABCXYZ_DTYPE = pd.CategoricalDtype(list(ABC_XYZ_CLASSES), ordered=True)
_REASON_DTYPE = pd.CategoricalDtype(list(REASONS))
_PERIODS = {"M": "M", "ME": "M", "MONTH": "M", "Q": "Q", "QE": "Q", "QUARTER": "Q"}
_DENSE_LIMIT = 64_000_000  # largest dense (group x key) grid used for pair sums


# ============================================================================================
# ABC
# ============================================================================================


def _check_thresholds(thresholds: Sequence[float], name: str, upper: float | None = 1.0) -> tuple[float, float]:
    try:
        lo, hi = (float(x) for x in thresholds)
    except (TypeError, ValueError):
        raise DataError(Problem(None, f"{name} must be two numbers (lower, upper), not {thresholds!r}.",
                                fix=f"pass e.g. {name}=(0.5, 0.8).")) from None
    ok = 0 < lo <= hi and np.isfinite(hi) and (upper is None or hi <= upper)
    if not ok:
        bound = f" <= {upper}" if upper is not None else ""
        raise DataError(Problem(None, f"{name} must satisfy 0 < lower <= upper{bound}; got {thresholds!r}.",
                                fix="give shares as fractions, e.g. (0.5, 0.8) for 50% and 80%."))
    return lo, hi


def _id_rank(ids: pd.Index | pd.Series | np.ndarray) -> tuple[np.ndarray, pd.Index]:
    """Codes whose order is the ids' sort order, and the labels (``labels[code] == id``).

    Categoricals are ranked by their labels' sort order too (whatever the category order, so a
    tie is broken by the id as for plain ids); mixed types that cannot be compared are sorted
    by their text.
    """
    if isinstance(ids, pd.MultiIndex):
        codes, uniques = pd.factorize(ids, sort=True)
        return codes.astype(np.int64, copy=False), pd.Index(uniques)
    arr = ids.array if isinstance(ids, (pd.Index, pd.Series)) else ids
    if isinstance(arr, pd.Categorical) or isinstance(getattr(arr, "dtype", None), pd.CategoricalDtype):
        cat = pd.Categorical(arr)
        categories = pd.Index(cat.categories)
        if categories.is_monotonic_increasing:  # the usual case: no remapping of millions of codes
            return cat.codes.astype(np.int64), categories
        # ties are ranked by the id itself (domain.md s.3), not by the category order
        _, order = categories.sort_values(return_indexer=True)
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        codes = cat.codes.astype(np.int64)
        return np.where(codes >= 0, rank[np.maximum(codes, 0)], -1), categories[order]
    obj = ids if isinstance(ids, (pd.Index, pd.Series)) else pd.Index(ids)
    try:
        codes, uniques = pd.factorize(obj, sort=True)
    except TypeError:
        codes, uniques = pd.factorize(obj, sort=False)
        order = np.argsort(np.asarray(pd.Index(uniques).astype(str)), kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        codes = np.where(codes >= 0, rank[np.maximum(codes, 0)], -1)
        uniques = pd.Index(uniques)[order]
    return np.asarray(codes, dtype=np.int64), pd.Index(uniques)


def _small_int(a: np.ndarray) -> np.ndarray:
    """Non-negative codes as int16 when they fit, so numpy's stable sort is a radix sort."""
    return a.astype(np.int16) if len(a) and int(a.max()) < 2**15 else a


def _rank_order(g: np.ndarray, values: np.ndarray, id_rank: np.ndarray) -> np.ndarray:
    """Ranking permutation: group ascending, value descending, id ascending (chained stable sorts)."""
    n = len(values)
    in_id_order = n < 2 or bool(np.all((g[1:] > g[:-1]) | ((g[1:] == g[:-1]) & (id_rank[1:] >= id_rank[:-1]))))
    order = np.arange(n) if in_id_order else np.argsort(_small_int(id_rank), kind="stable")
    order = order[np.argsort(-values[order], kind="stable")]
    if n and int(g.max()) > 0:
        order = order[np.argsort(_small_int(g)[order], kind="stable")]
    return order


def _abc_core(
    values: np.ndarray,
    group: np.ndarray | None,
    id_rank: np.ndarray,
    thresholds: tuple[float, float],
    cumulative: str,
    tol: float,
) -> dict[str, np.ndarray]:
    """Vectorised ABC per group: one lexsort and one segmented cumulative sum.

    Returns arrays in *input* order: order (ranking permutation), rank (1-based within group),
    share, cum_before, cum_share, code (0=A, 1=B, 2=C, -1 = group without positive total).
    """
    n = len(values)
    g = np.zeros(n, dtype=np.int64) if group is None else group
    pos_v = np.where(values > 0, values, 0.0)
    order = _rank_order(g, values, id_rank)
    gs = g[order]
    vs = pos_v[order]
    ngroups = int(g.max()) + 1 if n else 0
    total = np.bincount(g, weights=pos_v, minlength=ngroups)
    # Segmented cumulative sum: exact per group (no subtraction of a running global sum).
    cum_incl_s = pd.Series(vs).groupby(gs, sort=False).cumsum().to_numpy() if group is not None else np.cumsum(vs)
    tot_s = total[gs]
    with np.errstate(invalid="ignore", divide="ignore"):
        share_s = vs / tot_s
        incl_s = cum_incl_s / tot_s
        before_s = (cum_incl_s - vs) / tot_s
    lo, hi = thresholds
    if cumulative == "before":
        code_s = (before_s >= lo - tol).astype(np.int8) + (before_s >= hi - tol)
    else:
        code_s = (incl_s > lo + tol).astype(np.int8) + (incl_s > hi + tol)
    code_s = np.where(vs > 0, code_s, 2).astype(np.int8)
    code_s[~(tot_s > 0)] = -1
    # Rank within group (1-based).
    starts = np.flatnonzero(np.r_[True, gs[1:] != gs[:-1]]) if n else np.array([], dtype=np.int64)
    lengths = np.diff(np.r_[starts, n])
    rank_s = np.arange(n) - np.repeat(starts, lengths) + 1
    out = {}
    inv = np.empty(n, dtype=np.int64)
    inv[order] = np.arange(n)
    for name, arr in (("share", share_s), ("cum_share_before", before_s), ("cum_share", incl_s),
                      ("code", code_s), ("rank", rank_s)):
        out[name] = arr[inv]
    out["order"] = order
    out["total"] = total
    return out


def _abc_inputs(values, by: str, groups, ids) -> tuple[np.ndarray, pd.Index, np.ndarray | None, pd.Index | None,
                                                      np.ndarray, pd.Index, str]:
    """Values, their index, group codes/labels and id codes/labels from what ``abc`` accepts."""
    if isinstance(values, pd.DataFrame):
        if by not in values.columns:
            raise DataError(Problem(None, f"no column '{by}' to rank by.", column=by,
                                    fix=f"pass by= one of {list(values.columns)} (e.g. 'amount' or 'margin')."))
        frame = values
        series = values[by]
        if ids is None:
            id_values = frame["customer_id"] if "customer_id" in frame.columns else frame.index
        else:
            id_values = frame[ids] if isinstance(ids, str) else ids
        name = by
    elif isinstance(values, pd.Series):
        frame = None
        series = values
        id_values = values.index if ids is None else ids
        name = values.name if values.name is not None else by
    else:
        series = pd.Series(values)
        frame = None
        id_values = series.index if ids is None else ids
        name = by
    index = series.index
    g_codes = g_labels = None
    if groups is not None:
        if isinstance(groups, str) and frame is not None and groups in frame.columns:
            gv = frame[groups]
        elif isinstance(groups, (str, int)) and isinstance(index, pd.MultiIndex) and groups in index.names:
            gv = index.get_level_values(groups)
            if ids is None:
                id_values = index.droplevel(groups)
        elif isinstance(groups, (list, tuple)) and isinstance(index, pd.MultiIndex) and set(groups) <= set(index.names):
            gv = pd.MultiIndex.from_arrays([index.get_level_values(x) for x in groups])
            if ids is None:
                id_values = index.droplevel(list(groups))
        else:
            gv = groups
        if len(gv) != len(series):
            raise DataError(Problem(None, f"groups has {len(gv)} values for {len(series)} items.",
                                    fix="pass a column name, an index level name or an array as long as the values."))
        g_codes, g_labels = _id_rank(gv if isinstance(gv, pd.Index) else pd.Index(gv) if not isinstance(gv, pd.Series) else gv)
        if (g_codes < 0).any():
            raise DataError(Problem(None, "missing group labels.", column=str(groups),
                                    fix="fill or drop the rows without a group."))
    if len(id_values) != len(series):
        raise DataError(Problem(None, f"ids has {len(id_values)} values for {len(series)} items.",
                                fix="pass ids as long as the values."))
    id_codes, id_labels = _id_rank(id_values if isinstance(id_values, (pd.Index, pd.Series)) else pd.Index(id_values))
    if (id_codes < 0).any():
        raise DataError(Problem(None, f"{int((id_codes < 0).sum())} item(s) without an id (missing id).",
                                fix="fill the ids or drop those items; ties are ranked by id."))
    v = pd.to_numeric(series, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    bad = ~np.isfinite(v)
    if bad.any():
        shown = pd.Index(id_values)[bad] if not isinstance(id_values, pd.Index) else id_values[bad]
        raise DataError(Problem(None, f"{int(bad.sum())} missing (NaN), non-numeric or infinite value(s) for the ids "
                                      "listed; ABC needs a number for every item.", column=str(name),
                                values=list(shown[:10]),
                                fix="fill them (0 if the item had no turnover) or drop those items."))
    # Duplicate (group, id) pairs would be ranked twice.
    key = id_codes if g_codes is None else g_codes * (int(id_codes.max()) + 1 if len(id_codes) else 1) + id_codes
    ks = np.sort(key)
    if len(key) > 1 and bool((ks[1:] == ks[:-1]).any()):
        dup = pd.Index(key).duplicated(keep=False)
        shown = pd.Index(id_values)[dup] if not isinstance(id_values, pd.Index) else id_values[dup]
        raise DataError(Problem(None, "ids appear more than once" + (" within a group" if g_codes is not None else "")
                                + "; ABC ranks one value per item.", values=list(shown[:10]),
                                fix="aggregate first, e.g. df.groupby('customer_id', observed=True)['amount'].sum()."))
    return v, index, g_codes, g_labels, id_codes, id_labels, str(name)


def _check_cumulative(cumulative: str) -> str:
    if cumulative not in ("before", "including"):
        raise DataError(Problem(None, f"cumulative must be 'before' or 'including', not {cumulative!r}.",
                                fix="'before' = domain.md s.3 (the item crossing a line stays in the upper class)."))
    return cumulative


def abc_table(
    values: pd.Series | pd.DataFrame,
    thresholds: Sequence[float] = (0.5, 0.8),
    by: str = "amount",
    *,
    groups: Any = None,
    ids: Any = None,
    cumulative: str = "before",
    tol: float = TOL,
) -> pd.DataFrame:
    """ABC analysis with its working (PL: analiza ABC z obliczeniami): value, share, cumulative
    shares, rank and class per item, in ranking order.

    Rule: domain.md section 3 (seed 003 line 396) and the module's decisions 1-6. See
    :func:`abc` for the arguments. Columns: ``group`` (if grouped), ``id``, ``value``,
    ``share``, ``cum_share_before``, ``cum_share``, ``rank``, ``abc``; sorted by group, then
    rank. The shares of the positive items of a group sum to 1.
    """
    lo_hi = _check_thresholds(thresholds, "thresholds")
    cumulative = _check_cumulative(cumulative)
    v, index, g, g_labels, idc, id_labels, name = _abc_inputs(values, by, groups, ids)
    if len(v) == 0:
        raise DataError("no items to classify: ABC needs at least one value.")
    res = _abc_core(v, g, idc, lo_hi, cumulative, tol)
    _raise_if_no_total(res, g, g_labels, name)
    order = res["order"]
    out = pd.DataFrame(index=index[order])
    if g is not None:
        out["group"] = g_labels.take(g[order])
    out["id"] = id_labels.take(idc[order])
    out["value"] = v[order]
    for col in ("share", "cum_share_before", "cum_share", "rank"):
        out[col] = res[col][order]
    out["abc"] = pd.Categorical.from_codes(res["code"][order], dtype=_ABC_DTYPE)
    out.attrs.update(abc_thresholds=lo_hi, cumulative=cumulative, by=by)
    return out


def _raise_if_no_total(res: dict, g: np.ndarray | None, g_labels: pd.Index | None, name: str) -> None:
    empty = ~(res["total"] > 0)
    if g is not None:
        present = np.bincount(g, minlength=len(res["total"])) > 0
        empty &= present
    if empty.any():
        where = "" if g is None else " in the groups listed"
        raise DataError(Problem(None, f"the total of '{name}'{where} has no positive value (all zero or negative): "
                                      "there is no result to share out.", column=name,
                                values=[] if g is None else list(g_labels[np.flatnonzero(empty)][:10]),
                                fix="check the period and the corrections (credit notes), or leave those items out."))


def abc(
    values: pd.Series | pd.DataFrame,
    thresholds: Sequence[float] = (0.5, 0.8),
    by: str = "amount",
    *,
    groups: Any = None,
    ids: Any = None,
    cumulative: str = "before",
    tol: float = TOL,
) -> pd.Series:
    """ABC analysis (PL: analiza ABC): the class A/B/C of each item by its share of the total.

    Rule: domain.md section 3 (seed 003 line 396): rank items by value, descending; an item
    is A if the cumulative share of the items ranked strictly before it is below ``a``, B if
    below ``b``, else C (so the item crossing a line stays in the upper class; ties by id).
    The decisions (tolerance, zero/negative values, errors) are in the module docstring.

    Args:
        values: a Series of values per item (index = ids, e.g. turnover per client), or a
            DataFrame with one row per item: the column ``by`` holds the value, ids are the
            column ``customer_id`` if present, else the index.
        thresholds: ``(a, b)``, cumulative-share lines, ``0 < a <= b <= 1``; the article's
            (0.5, 0.8) by default, textbook (0.8, 0.95).
        by: the value column of a DataFrame (``"amount"`` turnover or ``"margin"``).
        groups: ABC within each group in one vectorised call (e.g. per salesperson or product
            line): a column name of ``values``, an index level name (or list of names) of a
            MultiIndex Series, or an array as long as ``values``.
        ids: the item ids used to break ties (default: see ``values``).
        cumulative: ``"before"`` (default, domain.md) or ``"including"`` (A if the cumulative
            share including the item is <= ``a``).
        tol: absolute tolerance for comparing shares with the thresholds.

    Returns
    -------
        An ordered Categorical Series (A < B < C) named ``abc``, aligned with ``values``.

    Raises
    ------
        DataError: a NaN/infinite value (the ids are named), duplicate ids (per group), or a
            total (per group) without any positive value.
    """
    lo_hi = _check_thresholds(thresholds, "thresholds")
    cumulative = _check_cumulative(cumulative)
    v, index, g, g_labels, idc, _, name = _abc_inputs(values, by, groups, ids)
    if len(v) == 0:
        return pd.Series(pd.Categorical([], dtype=_ABC_DTYPE), index=index, name="abc")
    res = _abc_core(v, g, idc, lo_hi, cumulative, tol)
    _raise_if_no_total(res, g, g_labels, name)
    return pd.Series(pd.Categorical.from_codes(res["code"], dtype=_ABC_DTYPE), index=index, name="abc")


# ============================================================================================
# Transactions: inputs, parameters, per-(client, period) cells
# ============================================================================================


def _split_input(data: Any) -> tuple[pd.DataFrame, Any]:
    """(transactions, company or None) from a DataFrame or any object with ``.transactions``."""
    if isinstance(data, pd.DataFrame):
        return data, None
    tx = getattr(data, "transactions", None)
    if isinstance(tx, pd.DataFrame):
        return tx, data
    raise DataError(Problem(None, f"expected a transactions DataFrame or a loaded company, got {type(data).__name__}.",
                            fix="pass salesnb's company object or a DataFrame with customer_id, date, amount."))


def _params(company: Any, **given: Any) -> dict[str, Any]:
    """Parameters: the caller's, else the company's ``params``, else salesnb.params defaults."""
    p = _param_defaults()
    if company is not None and isinstance(getattr(company, "params", None), dict):
        p.update({k: v for k, v in company.params.items() if v is not None})
    p.update({k: v for k, v in given.items() if v is not None})
    return p


def _check_period(period: str) -> str:
    key = str(period).strip().upper()
    if key not in _PERIODS:
        raise DataError(Problem(None, f"period must be 'M' (months) or 'Q' (quarters), not {period!r}.",
                                fix="pass period='M' or period='Q'."))
    return _PERIODS[key]


def _source_of(company: Any) -> str:
    """The transactions file of a loaded company, for messages; else the table's name."""
    src = (getattr(company, "sources", None) or {}).get("transactions")
    return str(src) if src is not None else "transactions"


def _row_problem(tx: pd.DataFrame, mask: np.ndarray, column: str, message: str, fix: str, values=None,
                 file: str = "transactions") -> Problem:
    rows = tx.index[mask]
    int_rows = pd.api.types.is_integer_dtype(rows.dtype)
    return Problem(file, message, fix=fix, column=column,
                   rows=list(rows[:10]) if int_rows else [],
                   values=list(values[:10]) if values is not None else ([] if int_rows else list(rows[:10])))


def _period_codes(dates: np.ndarray, period: str) -> np.ndarray:
    months = dates.astype("datetime64[M]").astype(np.int64)
    return months if period == "M" else months // 3


def _period_index(codes: np.ndarray, period: str) -> pd.PeriodIndex:
    return pd.PeriodIndex.from_ordinals(np.asarray(codes, dtype=np.int64), freq=period)


def _period_end_day(code: int, period: str) -> pd.Timestamp:
    return _period_index(np.array([code]), period)[0].end_time.normalize()


@dataclass
class _Tx:
    """Validated transactions as arrays (rows after the as-of date dropped)."""

    client: np.ndarray          # int64 codes into ``labels`` (code order = id order)
    labels: pd.Index            # client id labels
    day: np.ndarray             # int64 days since 1970-01-01
    amount: np.ndarray          # float64
    margin: np.ndarray | None   # float64 or None
    frame: pd.DataFrame         # the transactions (for products, product lines)
    keep: np.ndarray | None     # rows of ``frame`` kept (None = all)
    as_of: pd.Timestamp         # whole day T
    extra: dict = field(default_factory=dict)

    def periods(self, period: str) -> np.ndarray:
        """Period ordinal of every row (months or quarters since 1970), via a per-day lookup."""
        if period not in self.extra:
            d0 = int(self.day.min())
            lut = _period_codes(np.arange(d0, int(self.day.max()) + 1).astype("datetime64[D]"), period)
            self.extra[period] = lut[self.day - d0]
        return self.extra[period]

    def column(self, name: str) -> pd.Series:
        col = self.frame[name]
        return col if self.keep is None else col[self.keep]


def _float_column(tx: pd.DataFrame, name: str) -> np.ndarray:
    col = tx[name]
    if pd.api.types.is_float_dtype(col.dtype) and not isinstance(col.dtype, pd.api.extensions.ExtensionDtype):
        return col.to_numpy()
    return pd.to_numeric(col, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


def _load_tx(tx: pd.DataFrame, as_of: Any, company: Any, need_margin: bool = False) -> _Tx:
    """Check columns and values, apply the as-of date, factorize the ids."""
    problems: list[Problem] = []
    missing = [c for c in ("customer_id", "date", "amount") if c not in tx.columns]
    if missing:
        raise DataError(Problem(None, f"transactions lack the column(s) {missing}.",
                                fix="transactions need customer_id, date and amount (see salesnb.schema)."))
    if need_margin and "margin" not in tx.columns:
        raise DataError(Problem(None, "by='margin' but the transactions have no margin column.", column="margin",
                                fix="use by='amount' (turnover), or add margins to the data."))
    source = _source_of(company)
    date = local_dates(tx["date"], "date", source)
    d = date.to_numpy()                       # datetime64 in the column's own unit (no copy)
    amount = _float_column(tx, "amount")
    nat = np.isnat(d)
    if nat.any():
        problems.append(_row_problem(tx, nat, "date", f"{int(nat.sum())} missing date(s).",
                                     "fill or drop those rows.", file=source))
    bad = ~np.isfinite(amount)
    if bad.any():
        problems.append(_row_problem(tx, bad, "amount", f"{int(bad.sum())} missing or non-numeric amount(s).",
                                     "fill or drop those rows (a correction is a negative amount).",
                                     values=tx["amount"].to_numpy()[bad], file=source))
    margin = None
    if "margin" in tx.columns:
        margin = _float_column(tx, "margin")
        if need_margin:
            badm = ~np.isfinite(margin)
            if badm.any():
                problems.append(_row_problem(tx, badm, "margin", f"{int(badm.sum())} missing margin(s).",
                                             "fill them or use by='amount'.", file=source))
    client, labels = _id_rank(tx["customer_id"])
    if (client < 0).any():
        problems.append(_row_problem(tx, client < 0, "customer_id", "missing client id(s).",
                                     "fill or drop those rows.", file=source))
    if problems:
        raise DataError(problems)
    if len(d) == 0:
        raise DataError("no transactions: ABC/XYZ needs at least one settlement.")
    day = d.astype("datetime64[D]").astype(np.int64)
    if as_of is None and company is not None:
        as_of = getattr(company, "as_of", None)
    last_day = int(day.max())
    T = local_timestamp(as_of).normalize() if as_of is not None else pd.Timestamp(np.datetime64(last_day, "D"))
    t_day = int(np.datetime64(T, "D").astype(np.int64))
    keep = None
    if last_day > t_day:
        keep = day <= t_day
        client, day, amount = client[keep], day[keep], amount[keep]
        margin = margin[keep] if margin is not None else None
    if len(day) == 0:
        raise DataError(Problem(None, f"no transactions on or before the as-of date {T.date()}.",
                                fix="choose a later as_of."))
    return _Tx(client=client, labels=labels, day=day, amount=amount, margin=margin, frame=tx, keep=keep, as_of=T)


def _pair_sums(a: np.ndarray, na: int, b: np.ndarray, nb: int, weights: Sequence[np.ndarray | None]):
    """Sums of each weight per (a, b) pair present: (pair_a, pair_b, [sums], counts), sorted by (a, b)."""
    nb = max(nb, 1)
    key = a * nb + b
    if na * nb <= _DENSE_LIMIT:
        counts = np.bincount(key, minlength=na * nb)
        cells = np.flatnonzero(counts)
        sums = [None if w is None else np.bincount(key, weights=w, minlength=na * nb)[cells] for w in weights]
        counts = counts[cells]
    else:
        cells, inv = np.unique(key, return_inverse=True)
        counts = np.bincount(inv, minlength=len(cells))
        sums = [None if w is None else np.bincount(inv, weights=w, minlength=len(cells)) for w in weights]
    return cells // nb, cells % nb, sums, counts


@dataclass
class _Cells:
    """Net turnover per (period, client) with at least one transaction."""

    tx: _Tx
    period: str
    client: np.ndarray
    pcode: np.ndarray
    amount: np.ndarray
    margin: np.ndarray | None
    first_any: np.ndarray      # per client code: first period with any transaction (big if none)
    first_sale: np.ndarray     # per client code: first positive settlement, datetime64[D] (NaT if none)
    n_clients: int


_BIG = np.iinfo(np.int64).max


def _cells(tx: _Tx, period: str, with_margin: bool = False) -> _Cells:
    p = tx.periods(period)
    p0 = int(p.min())
    P = int(p.max()) - p0 + 1
    N = len(tx.labels)
    # Period-major keys: rows exported in date order then touch one period's slice at a time.
    key = (p - p0) * N + tx.client
    margin = None
    if P * N <= _DENSE_LIMIT:
        present = np.zeros(P * N, dtype=bool)
        present[key] = True
        cells = np.flatnonzero(present)
        amount = np.bincount(key, weights=tx.amount, minlength=P * N)[cells]
        if with_margin and tx.margin is not None:
            margin = np.bincount(key, weights=tx.margin, minlength=P * N)[cells]
        grid = present.reshape(P, N)
        first_any = np.where(grid.any(axis=0), grid.argmax(axis=0) + p0, _BIG).astype(np.int64)
        pa, ca = np.divmod(cells, N)
    else:
        cells, inv = np.unique(key, return_inverse=True)
        amount = np.bincount(inv, weights=tx.amount, minlength=len(cells))
        if with_margin and tx.margin is not None:
            margin = np.bincount(inv, weights=tx.margin, minlength=len(cells))
        pa, ca = np.divmod(cells, N)
        first_any = np.full(N, _BIG, dtype=np.int64)
        np.minimum.at(first_any, ca, pa + p0)
    # First positive settlement per client (a sale, not a correction).
    pos = tx.amount > 0
    first_sale = np.full(N, _BIG, dtype=np.int64)
    np.minimum.at(first_sale, tx.client[pos], tx.day[pos])
    fs = np.where(first_sale == _BIG, np.iinfo(np.int64).min, first_sale).astype("datetime64[D]")
    return _Cells(tx=tx, period=period, client=ca, pcode=pa + p0, amount=amount, margin=margin,
                  first_any=first_any, first_sale=fs, n_clients=N)


def _xyz_arrays(c: _Cells, end: int, lo: int | None, span: str, ddof: int, min_periods: int,
                thresholds: tuple[float, float], tol: float, by: str = "amount") -> dict[str, np.ndarray]:
    """XYZ for every client with a transaction in periods [lo, end]; arrays indexed by client code."""
    N = c.n_clients
    sel = c.pcode <= end
    if lo is not None:
        sel &= c.pcode >= lo
    cl = c.client[sel]
    x = (c.amount if by == "amount" else c.margin)[sel]
    k = np.bincount(cl, minlength=N)
    active = k > 0
    if span == "client":
        start = c.first_any.copy()
    else:
        start = np.full(N, int(c.pcode[c.pcode <= end].min()) if sel.any() else end, dtype=np.int64)
    if lo is not None:
        start = np.maximum(start, lo)
    n = np.where(active, end - start + 1, 0)
    total = np.bincount(cl, weights=x, minlength=N)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n
        dev2 = np.bincount(cl, weights=(x - mean[cl]) ** 2, minlength=N) + (n - k) * mean ** 2
        std = np.sqrt(np.maximum(dev2, 0.0) / (n - ddof))
        cv = std / mean
    no_pos = active & ~(total > 0)
    short = active & ~no_pos & (n < min_periods)
    ok = active & ~no_pos & ~short
    lo_t, hi_t = thresholds
    code = np.where(cv <= lo_t + tol, 0, np.where(cv <= hi_t + tol, 1, 2)).astype(np.int8)
    code[~ok] = -1
    reason = np.full(N, -1, dtype=np.int8)
    reason[short] = REASONS.index("reason_short_history")
    reason[no_pos] = REASONS.index("reason_no_positive_turnover")
    return {"active": active, "start": start, "n": n, "total": total, "mean": mean,
            "std": np.where(ok, std, np.nan), "cv": np.where(ok, cv, np.nan), "code": code, "reason": reason}


def _resolve_xyz_params(p: dict) -> tuple[str, tuple[float, float], int, int, str]:
    period = _check_period(p["xyz_period"])
    thr = _check_thresholds(p["xyz_thresholds"], "xyz thresholds", upper=None)
    ddof = int(p["xyz_ddof"])
    if ddof not in (0, 1):
        raise DataError(Problem(None, f"ddof must be 0 (population) or 1 (sample), not {p['xyz_ddof']!r}.",
                                fix="pass ddof=0 or ddof=1."))
    min_periods = int(p["xyz_min_periods"])
    if min_periods < ddof + 1:
        raise DataError(Problem(None, f"min_periods={min_periods} is too small for ddof={ddof}.",
                                fix=f"use min_periods >= {ddof + 1} (the default is 3)."))
    span = str(p["xyz_span"])
    if span not in ("client", "dataset"):
        raise DataError(Problem(None, f"span must be 'client' or 'dataset', not {span!r}.",
                                fix="span='client' counts periods from the client's first one."))
    return period, thr, ddof, min_periods, span


def _check_horizon(horizon: Any) -> int | None:
    if horizon is None:
        return None
    if isinstance(horizon, bool) or not isinstance(horizon, (int, np.integer)) or horizon < 1:
        raise DataError(Problem(None, f"horizon must be a whole number of periods >= 1 or None, not {horizon!r}.",
                                fix="e.g. horizon=12 for the last 12 months."))
    return int(horizon)


# ============================================================================================
# XYZ
# ============================================================================================


def xyz(
    transactions: Any,
    period: str | None = None,
    thresholds: Sequence[float] | None = None,
    ddof: int | None = None,
    min_periods: int | None = None,
    span: str | None = None,
    as_of: Any = None,
    horizon: int | None = None,
    *,
    by: str = "amount",
    tol: float = TOL,
) -> pd.DataFrame:
    """XYZ analysis (PL: analiza XYZ): the stability class of each client's turnover per period.

    Rule: domain.md section 3 (seed 003 lines 398-409): CV = standard deviation / mean of the
    client's net turnover per period; X if CV <= 10%, Y if CV <= 25%, Z above; the module's
    decisions 7-14 fill in what the article leaves open.

    Args:
        transactions: a DataFrame with customer_id, date, amount (optional margin), or a loaded
            company (its ``params`` and ``as_of`` are the defaults of the arguments left None).
        period: ``"M"`` months (default) or ``"Q"`` quarters.
        thresholds: ``(x, y)`` CV limits, default (0.10, 0.25).
        ddof: 0 population standard deviation (default) or 1 sample (Excel STDEV).
        min_periods: fewest periods in the span for a class (default 3).
        span: ``"client"`` (default; from the client's first period) or ``"dataset"``; periods
            without purchases inside the span count as zero.
        as_of: the as-of date (whole day); default the company's, else the last transaction.
        horizon: only the last ``horizon`` periods up to the as-of period (default all history).
        by: ``"amount"`` (turnover) or ``"margin"``.
        tol: tolerance at the CV thresholds.

    Returns
    -------
        One row per client with a transaction in the analysed periods, index ``customer_id``,
        sorted by rising CV (unclassified last), ties by id. Columns: ``first_period``,
        ``n_periods``, ``turnover`` (net, over the span; ``margin`` if by="margin"), ``mean_per_period``,
        ``std_per_period``, ``cv``, ``xyz`` (X < Y < Z, NaN if none) and ``reason`` (why no class).
    """
    tx_df, company = _split_input(transactions)
    p = _params(company, xyz_period=period, xyz_thresholds=thresholds, xyz_ddof=ddof,
                xyz_min_periods=min_periods, xyz_span=span)
    period_, thr, ddof_, minp, span_ = _resolve_xyz_params(p)
    horizon = _check_horizon(horizon)
    if by not in ("amount", "margin"):
        raise DataError(Problem(None, f"by must be 'amount' or 'margin', not {by!r}.", fix="pass by='amount'."))
    t = _load_tx(tx_df, as_of, company, need_margin=(by == "margin"))
    c = _cells(t, period_, with_margin=(by == "margin"))
    end = int(_period_codes(np.array([t.as_of.to_datetime64()]), period_)[0])
    lo = end - horizon + 1 if horizon else None
    r = _xyz_arrays(c, end, lo, span_, ddof_, minp, thr, tol, by=by)
    idx = np.flatnonzero(r["active"])
    cv = r["cv"][idx]
    order = np.lexsort((idx, cv))  # NaN sorts last; idx (= id order) breaks ties
    idx = idx[order]
    out = pd.DataFrame(
        {
            "first_period": _period_index(r["start"][idx], period_),
            "n_periods": r["n"][idx],
            "turnover" if by == "amount" else "margin": r["total"][idx],
            "mean_per_period": r["mean"][idx],
            "std_per_period": r["std"][idx],
            "cv": r["cv"][idx],
            "xyz": pd.Categorical.from_codes(r["code"][idx], dtype=_XYZ_DTYPE),
            "reason": pd.Categorical.from_codes(r["reason"][idx], dtype=_REASON_DTYPE),
        },
        index=pd.Index(t.labels.take(idx), name="customer_id"),
    )
    out.attrs.update(as_of=t.as_of, period=period_, xyz_thresholds=thr, ddof=ddof_, min_periods=minp,
                     span=span_, horizon=horizon, by=by)
    return out


# ============================================================================================
# ABC x XYZ table
# ============================================================================================


def _distinct_used(t: _Tx, rows: np.ndarray | None, column: str, company: Any) -> np.ndarray | None:
    """Per client code: how many distinct values of ``column`` it bought with a positive net amount."""
    if column in t.frame.columns:
        col = t.column(column)
    elif column == "product_line" and "product" in t.frame.columns and company is not None \
            and isinstance(getattr(company, "products", None), pd.DataFrame) \
            and {"product", "product_line"} <= set(company.products.columns):
        mapping = company.products.drop_duplicates("product").set_index("product")["product_line"]
        col = t.column("product").map(mapping)
    else:
        return None
    codes, labels = _id_rank(col)
    keep = codes >= 0
    if rows is not None:
        keep &= rows
    allrows = bool(keep.all())
    client = t.client if allrows else t.client[keep]
    amount = t.amount if allrows else t.amount[keep]
    codes = codes if allrows else codes[keep]
    na, nb = len(t.labels), max(len(labels), 1)
    if na * nb <= _DENSE_LIMIT:
        # Dense (value x client) grid: "bought" from the sales rows; the net sum is needed only
        # for the pairs that also have a correction (few), so only those are summed.
        key = codes * na + client
        used = np.zeros(na * nb, dtype=bool)
        used[key[amount > 0]] = True
        neg = amount < 0
        if neg.any():
            corrected = np.zeros(na * nb, dtype=bool)
            corrected[key[neg]] = True
            rows_c = corrected[key]
            pairs, inv = np.unique(key[rows_c], return_inverse=True)
            used[pairs] = np.bincount(inv, weights=amount[rows_c], minlength=len(pairs)) > 0
        return used.reshape(nb, na).sum(axis=0)
    b, a, sums, _ = _pair_sums(codes, nb, client, na, [amount])
    return np.bincount(a[sums[0] > 0], minlength=na)


def _lifecycle_new(first_sale: np.ndarray, T: pd.Timestamp, window: Any) -> np.ndarray:
    """New at T exactly as :func:`salesnb.lifecycle.statuses` decides it: the first positive
    settlement after T - W, with the lifecycle module's rules (the as-of date is a whole day;
    the end-of-month rule for calendar months).
    """
    t = _as_of_instant(T)
    a = window_start(t, window)
    fs = first_sale.astype("datetime64[ns]")
    return (fs > np.datetime64(a.value, "ns")) & (fs <= np.datetime64(t.value, "ns"))


def abc_xyz(
    data: Any,
    as_of: Any = None,
    *,
    abc_thresholds: Sequence[float] | None = None,
    by: str | None = None,
    cumulative: str = "before",
    xyz_thresholds: Sequence[float] | None = None,
    period: str | None = None,
    ddof: int | None = None,
    min_periods: int | None = None,
    span: str | None = None,
    horizon: int | None = None,
    lifecycle_window: Any = None,
    customers: pd.DataFrame | None = None,
    tol: float = TOL,
) -> pd.DataFrame:
    """ABC/XYZ classes of clients (PL: klasyfikacja klientów ABC/XYZ): one table per client.

    Rules: domain.md section 3 (seed 003 lines 394-415) and the module's decisions. ABC by
    ``by`` (turnover or margin) over the analysed periods; XYZ of turnover (CV per period);
    the combined class ``abc_xyz`` (AX ... CZ; the most valuable clients are A and X using 3-4
    products, line 411). Lifecycle rule (seed 003 lines 637-638), with ``T`` the as-of date and
    ``W`` the lifecycle window (``params.lifecycle_window``, default ``"3M"``):

    - new client: first positive settlement in ``(T - W, T]`` -> ABC class, no XYZ class,
      reason ``reason_new_client``;
    - potential client: in ``customers`` (``company.customers`` by default; with a
      ``first_contact`` column, only those contacted by ``T``) and no transaction up to ``T`` ->
      neither class, reason ``reason_potential_client``; turnover and share 0.

    Args:
        data: a transactions DataFrame (customer_id, date, amount; optional margin, product,
            product_line) or a loaded company, whose ``params`` and ``as_of`` fill the
            arguments left None.
        as_of: the as-of date T (whole day); default the company's, else the last transaction.
        abc_thresholds, by, cumulative: as ``abc`` (``thresholds``, ``by``, ``cumulative``).
        xyz_thresholds, period, ddof, min_periods, span, horizon: as ``xyz``; ``horizon``
            also limits the periods of the ABC turnover.
        lifecycle_window: W, e.g. ``"3M"``.
        customers: known clients (overrides ``company.customers``), for potential clients.

    Returns
    -------
        Index ``customer_id``; columns ``turnover``, ``margin`` (if the data has margins),
        ``share``, ``cum_share`` (cumulative, including the client), ``abc``, ``n_periods``,
        ``cv``, ``xyz``, ``abc_xyz``, ``n_products`` / ``n_product_lines`` (distinct ones bought,
        net positive, in the analysed periods; when the data has them), ``first_sale``,
        ``reason``. Sorted in ABC ranking order (value descending, ties by id), potential
        clients last by id. ``attrs`` holds the parameters used.
    """
    tx_df, company = _split_input(data)
    p = _params(company, abc_thresholds=abc_thresholds, abc_by=by, xyz_thresholds=xyz_thresholds,
                xyz_period=period, xyz_ddof=ddof, xyz_min_periods=min_periods, xyz_span=span,
                lifecycle_window=lifecycle_window)
    abc_thr = _check_thresholds(p["abc_thresholds"], "abc_thresholds")
    by_ = str(p["abc_by"])
    if by_ not in ("amount", "margin"):
        raise DataError(Problem(None, f"by must be 'amount' or 'margin', not {by_!r}.", fix="pass by='amount'."))
    cumulative = _check_cumulative(cumulative)
    period_, xyz_thr, ddof_, minp, span_ = _resolve_xyz_params(p)
    window = parse_window(p["lifecycle_window"])
    horizon = _check_horizon(horizon)
    t = _load_tx(tx_df, as_of, company, need_margin=(by_ == "margin"))
    c = _cells(t, period_)
    end = int(_period_codes(np.array([t.as_of.to_datetime64()]), period_)[0])
    lo = end - horizon + 1 if horizon else None
    r = _xyz_arrays(c, end, lo, span_, ddof_, minp, xyz_thr, tol)
    idx = np.flatnonzero(r["active"])
    # ABC over the same periods; margins per client straight from the rows.
    rows = t.periods(period_) >= lo if lo is not None else None
    margin_total = None
    if t.margin is not None:
        w_cl, w_m = (t.client, t.margin) if rows is None else (t.client[rows], t.margin[rows])
        margin_total = np.bincount(w_cl, weights=w_m, minlength=c.n_clients)
    value = r["total"] if by_ == "amount" else margin_total
    a = _abc_core(value[idx], None, idx, abc_thr, cumulative, tol)
    if not (a["total"] > 0).all():
        raise DataError(Problem(None, f"the total {by_} of the clients up to {t.as_of.date()} has no positive value "
                                      "(all zero or negative): there is no result to share out.", column=by_,
                                fix="check the as-of date, the horizon and the corrections (credit notes)."))
    new = _lifecycle_new(c.first_sale[idx], t.as_of, window)
    xcode = r["code"][idx].copy()
    reason = r["reason"][idx].copy()
    xcode[new] = -1
    reason[new] = REASONS.index("reason_new_client")
    # Only corrections, never a positive settlement: potential, as in salesnb.lifecycle (no class).
    never = np.isnat(c.first_sale[idx])
    xcode[never] = -1
    reason[never] = REASONS.index("reason_potential_client")
    cv = np.where(new | never, np.nan, r["cv"][idx])
    acode = np.where(never, -1, a["code"])
    combo = np.where((acode >= 0) & (xcode >= 0), acode.astype(np.int16) * 3 + xcode, -1)
    order = a["order"]
    cols: dict[str, Any] = {"turnover": r["total"][idx]}
    if margin_total is not None:
        cols["margin"] = margin_total[idx]
    cols.update(share=a["share"], cum_share=a["cum_share"],
                abc=pd.Categorical.from_codes(acode, dtype=_ABC_DTYPE),
                n_periods=r["n"][idx], cv=cv,
                xyz=pd.Categorical.from_codes(xcode, dtype=_XYZ_DTYPE),
                abc_xyz=pd.Categorical.from_codes(combo, dtype=_ABCXYZ_DTYPE))
    for col in ("product", "product_line"):
        used = _distinct_used(t, rows, col, company)
        if used is not None:
            cols[f"n_{col}s"] = used[idx]
    cols["first_sale"] = pd.to_datetime(c.first_sale[idx]).as_unit("ns") if len(idx) else pd.to_datetime([])
    cols["reason"] = pd.Categorical.from_codes(reason, dtype=_REASON_DTYPE)
    table = pd.DataFrame(cols, index=pd.Index(t.labels.take(idx), name="customer_id"))
    table = table.iloc[order]
    # Potential clients: known, never settled up to T.
    known = customers if customers is not None else getattr(company, "customers", None)
    if isinstance(known, pd.DataFrame) and "customer_id" in known.columns and len(known):
        kmask = known["customer_id"].notna().to_numpy()
        if "first_contact" in known.columns:
            fc = pd.to_datetime(known["first_contact"], errors="coerce")
            kmask = kmask & (fc.isna() | (fc < t.as_of + pd.Timedelta(days=1))).to_numpy()
        kid = known["customer_id"]
        tid = tx_df["customer_id"]
        bought_code = np.bincount(t.client, minlength=c.n_clients) > 0
        if isinstance(kid.dtype, pd.CategoricalDtype) and isinstance(tid.dtype, pd.CategoricalDtype) \
                and kid.cat.categories.equals(tid.cat.categories):
            # Same categories (a big export): compare codes, no hashing of strings.
            kc = kid.cat.codes.to_numpy()[kmask]
            kc = kc[kc >= 0]
            pot = t.labels.take(np.unique(kc[~bought_code[kc]]))
        else:
            kids = pd.Index(np.asarray(kid.to_numpy()[kmask], dtype=object)).unique()
            bought = pd.Index(np.asarray(t.labels.take(np.flatnonzero(bought_code)), dtype=object))
            pot = kids.difference(bought)
            pot = pot[np.argsort(_id_rank(pot)[0], kind="stable")]
        if len(pot):
            extra = pd.DataFrame(index=pd.Index(pot, name="customer_id"), columns=table.columns)
            extra["turnover"] = 0.0
            if "margin" in extra:
                extra["margin"] = 0.0
            extra["share"] = 0.0
            extra["cum_share"] = np.nan
            extra["n_periods"] = 0
            extra["cv"] = np.nan
            for k in ("n_products", "n_product_lines"):
                if k in extra:
                    extra[k] = 0
            extra["first_sale"] = pd.NaT
            for k, dt in (("abc", _ABC_DTYPE), ("xyz", _XYZ_DTYPE), ("abc_xyz", _ABCXYZ_DTYPE)):
                extra[k] = pd.Categorical([None] * len(pot), dtype=dt)
            extra["reason"] = pd.Categorical(["reason_potential_client"] * len(pot), dtype=_REASON_DTYPE)
            extra = extra.astype(table.dtypes.to_dict())
            table = pd.concat([table, extra])
            table.index.name = "customer_id"
    table.attrs.update(as_of=t.as_of, abc_thresholds=abc_thr, by=by_, cumulative=cumulative, period=period_,
                       xyz_thresholds=xyz_thr, ddof=ddof_, min_periods=minp, span=span_, horizon=horizon,
                       lifecycle_window=str(p["lifecycle_window"]))
    return table


# ============================================================================================
# Class history
# ============================================================================================


@dataclass
class ClassHistory:
    """Classes per client at each period end and their changes (PL: historia zmian klas).

    ``classes``: one row per (period_end, customer_id) with a transaction in the horizon ending
    there: ``turnover``, ``share``, ``abc``, ``cv``, ``xyz``, ``abc_xyz``, ``reason``.
    ``changes``: one row per client and period end whose ABC or XYZ class differs from the
    previous period end (``abc_from``, ``abc_to``, ``xyz_from``, ``xyz_to``; a client entering
    or leaving the table has a missing side).
    """

    classes: pd.DataFrame
    changes: pd.DataFrame
    params: dict = field(default_factory=dict)

    def matrix(self, kind: str = "abc") -> pd.DataFrame:
        """Counts of transitions from one class to the next, over all consecutive period ends."""
        return transition_matrix(self, kind)


def class_history(
    data: Any,
    *,
    period: str | None = None,
    horizon: int | None = 12,
    start: Any = None,
    as_of: Any = None,
    abc_thresholds: Sequence[float] | None = None,
    by: str | None = None,
    cumulative: str = "before",
    xyz_thresholds: Sequence[float] | None = None,
    ddof: int | None = None,
    min_periods: int | None = None,
    span: str | None = None,
    lifecycle_window: Any = None,
    tol: float = TOL,
) -> ClassHistory:
    """History of ABC/XYZ classes (PL: klasa klienta i historia zmian klas), the KPI of seed 003
    line 631: the classes of every client at the end of each period, over a rolling horizon.

    At each period end ``e`` (from ``start``'s period, default the first one, to the as-of
    period) the classes are those :func:`abc_xyz` gives with ``as_of`` = the last day of ``e``
    (the as-of date itself for the last period) and ``horizon`` periods ending at ``e`` (default
    12; None = expanding, all history up to ``e``), including the lifecycle rule for new
    clients. Potential clients are left out. All period ends are classified with one grouped,
    vectorised ABC call; the loop runs over periods, never over clients.

    Returns
    -------
        A :class:`ClassHistory` (``classes``, ``changes``, ``matrix(kind)``).
    """
    tx_df, company = _split_input(data)
    p = _params(company, abc_thresholds=abc_thresholds, abc_by=by, xyz_thresholds=xyz_thresholds,
                xyz_period=period, xyz_ddof=ddof, xyz_min_periods=min_periods, xyz_span=span,
                lifecycle_window=lifecycle_window)
    abc_thr = _check_thresholds(p["abc_thresholds"], "abc_thresholds")
    by_ = str(p["abc_by"])
    cumulative = _check_cumulative(cumulative)
    period_, xyz_thr, ddof_, minp, span_ = _resolve_xyz_params(p)
    window = parse_window(p["lifecycle_window"])
    horizon = _check_horizon(horizon)
    t = _load_tx(tx_df, as_of, company, need_margin=(by_ == "margin"))
    c = _cells(t, period_, with_margin=(by_ == "margin"))
    last = int(_period_codes(np.array([t.as_of.to_datetime64()]), period_)[0])
    first = int(c.pcode.min())
    if start is not None:
        first = max(first, int(_period_codes(np.array([pd.Timestamp(start).to_datetime64()]), period_)[0]))
        if first > last:
            raise DataError(Problem(None, f"start {pd.Timestamp(start).date()} is after the as-of date "
                                          f"{t.as_of.date()}: no period end to classify.",
                                    fix="choose a start before the as-of date (or leave it out)."))
    parts = []
    for e in range(first, last + 1):
        lo = e - horizon + 1 if horizon else None
        T = t.as_of if e == last else _period_end_day(e, period_)
        r = _xyz_arrays(c, e, lo, span_, ddof_, minp, xyz_thr, tol)
        idx = np.flatnonzero(r["active"])
        if by_ == "amount":
            val = r["total"][idx]
        else:
            sel = (c.pcode <= e) & ((c.pcode >= lo) if lo is not None else True)
            val = np.bincount(c.client[sel], weights=c.margin[sel], minlength=c.n_clients)[idx]
        new = _lifecycle_new(c.first_sale[idx], T, window)
        xcode = np.where(new, -1, r["code"][idx])
        reason = np.where(new, REASONS.index("reason_new_client"), r["reason"][idx])
        parts.append((np.full(len(idx), e - first, dtype=np.int64), idx, r["total"][idx], val,
                      np.where(new, np.nan, r["cv"][idx]), xcode, reason))
    g, idx, turnover, val, cv, xcode, reason = (np.concatenate(x) for x in zip(*parts))
    a = _abc_core(val, g, idx, abc_thr, cumulative, tol)   # one grouped call for every period end
    acode = a["code"]  # -1 where a period end has no positive total: no class
    combo = np.where((acode >= 0) & (xcode >= 0), acode.astype(np.int16) * 3 + xcode, -1)
    order = np.lexsort((idx, g))
    ends = _period_index(np.arange(first, last + 1), period_)
    classes = pd.DataFrame(
        {
            "period_end": ends.take(g[order]),
            "customer_id": t.labels.take(idx[order]),
            "turnover": turnover[order],
            "share": a["share"][order],
            "abc": pd.Categorical.from_codes(acode[order], dtype=_ABC_DTYPE),
            "cv": cv[order],
            "xyz": pd.Categorical.from_codes(xcode[order].astype(np.int8), dtype=_XYZ_DTYPE),
            "abc_xyz": pd.Categorical.from_codes(combo[order], dtype=_ABCXYZ_DTYPE),
            "reason": pd.Categorical.from_codes(reason[order].astype(np.int8), dtype=_REASON_DTYPE),
        }
    )
    changes = _changes(g[order], idx[order], acode[order], xcode[order], len(ends), ends, t.labels)
    params = dict(as_of=t.as_of, period=period_, horizon=horizon, abc_thresholds=abc_thr, by=by_,
                  cumulative=cumulative, xyz_thresholds=xyz_thr, ddof=ddof_, min_periods=minp, span=span_,
                  lifecycle_window=str(p["lifecycle_window"]))
    classes.attrs.update(params)
    return ClassHistory(classes=classes, changes=changes, params=params)


def _changes(g, idx, acode, xcode, n_ends, ends, labels) -> pd.DataFrame:
    """Rows where a client's ABC or XYZ class differs from the previous period end (vectorised)."""
    N = len(labels)
    key = g * N + idx                       # sorted (g, idx)
    prev_key = (g - 1) * N + idx
    # Previous classes: look up (g-1, idx) among the keys.
    pos = np.searchsorted(key, prev_key)
    pos_c = np.minimum(pos, len(key) - 1)
    found = (pos < len(key)) & (key[pos_c] == prev_key) & (g > 0)
    a_prev = np.where(found, acode[pos_c], -1)
    x_prev = np.where(found, xcode[pos_c], -1)
    # Clients present at g-1 but absent at g: they leave the table.
    next_key = (g + 1) * N + idx
    pos2 = np.searchsorted(key, next_key)
    pos2c = np.minimum(pos2, len(key) - 1)
    has_next = (pos2 < len(key)) & (key[pos2c] == next_key)
    leave = ~has_next & (g < n_ends - 1)
    changed = (g > 0) & ((a_prev != acode) | (x_prev != xcode))
    rows_g = np.r_[g[changed], g[leave] + 1]
    rows_i = np.r_[idx[changed], idx[leave]]
    a_from = np.r_[a_prev[changed], acode[leave]]
    a_to = np.r_[acode[changed], np.full(int(leave.sum()), -1)]
    x_from = np.r_[x_prev[changed], xcode[leave]]
    x_to = np.r_[xcode[changed], np.full(int(leave.sum()), -1)]
    o = np.lexsort((rows_i, rows_g))
    return pd.DataFrame(
        {
            "period_end": ends.take(rows_g[o]),
            "customer_id": labels.take(rows_i[o]),
            "abc_from": pd.Categorical.from_codes(a_from[o].astype(np.int8), dtype=_ABC_DTYPE),
            "abc_to": pd.Categorical.from_codes(a_to[o].astype(np.int8), dtype=_ABC_DTYPE),
            "xyz_from": pd.Categorical.from_codes(x_from[o].astype(np.int8), dtype=_XYZ_DTYPE),
            "xyz_to": pd.Categorical.from_codes(x_to[o].astype(np.int8), dtype=_XYZ_DTYPE),
        }
    )


def transition_matrix(history: ClassHistory | pd.DataFrame, kind: str = "abc") -> pd.DataFrame:
    """Transition counts between consecutive period ends (PL: macierz przejść między klasami).

    Rows: the class at the previous period end (``"-"`` = not in the table or unclassified);
    columns: the class at the next one. Counts every client present at either end, including
    those whose class did not change (the diagonal), so each row sums to the clients that were
    in that class.
    """
    if kind not in ("abc", "xyz", "abc_xyz"):
        raise DataError(Problem(None, f"kind must be 'abc', 'xyz' or 'abc_xyz', not {kind!r}.", fix="pass kind='abc'."))
    classes = history.classes if isinstance(history, ClassHistory) else history
    cats = list(classes[kind].cat.categories) + ["-"]
    ends = classes["period_end"]
    uniq = ends.drop_duplicates().sort_values()
    if len(uniq) < 2:
        return pd.DataFrame(0, index=pd.Index(cats, name=f"{kind}_from"), columns=pd.Index(cats, name=f"{kind}_to"))
    pos = pd.Index(uniq).get_indexer(ends)
    codes = classes[kind].cat.codes.to_numpy().astype(np.int64)
    codes[codes < 0] = len(cats) - 1
    cid, _ = _id_rank(classes["customer_id"])
    n_c = int(cid.max()) + 1
    n_e = len(uniq)
    grid = np.full((n_e, n_c), len(cats) - 1, dtype=np.int64)   # "-" where absent
    grid[pos, cid] = codes
    present = np.zeros((n_e, n_c), dtype=bool)
    present[pos, cid] = True
    f = grid[:-1].ravel()
    to = grid[1:].ravel()
    keep = (present[:-1] | present[1:]).ravel()
    k = len(cats)
    m = np.bincount(f[keep] * k + to[keep], minlength=k * k).reshape(k, k)
    return pd.DataFrame(m, index=pd.Index(cats, name=f"{kind}_from"), columns=pd.Index(cats, name=f"{kind}_to"))


def abc_xyz_matrix(table: pd.DataFrame, value: str = "turnover") -> dict[str, pd.DataFrame]:
    """The 3x3 ABC-XYZ matrix (PL: macierz ABC-XYZ): clients and share of the total per cell.

    ``table`` comes from :func:`abc_xyz`. Returns ``{"clients": counts, "share": shares}``, each
    ABC rows x XYZ columns. Shares are of the positive ``value`` (turnover or margin) of *all*
    clients in the table, so clients without an XYZ class (new, short history) hold the rest
    (1 minus the matrix sum). A and X are the most valuable (seed 003 line 411).
    """
    cls = table[table["abc"].notna() & table["xyz"].notna()]
    counts = pd.crosstab(cls["abc"], cls["xyz"], dropna=False).reindex(
        index=list(ABC_CLASSES), columns=list(XYZ_CLASSES), fill_value=0)
    total = float(table[value].clip(lower=0).sum())
    sums = cls.assign(_v=cls[value].clip(lower=0)).pivot_table(
        index="abc", columns="xyz", values="_v", aggfunc="sum", observed=False)
    sums = sums.reindex(index=list(ABC_CLASSES), columns=list(XYZ_CLASSES)).fillna(0.0)
    shares = sums / total if total > 0 else sums * np.nan
    return {"clients": counts.rename_axis(index="abc", columns="xyz"),
            "share": shares.rename_axis(index="abc", columns="xyz")}


def compare_classes(before: pd.DataFrame, after: pd.DataFrame, kind: str = "xyz") -> pd.DataFrame:
    """How a change of parameters moves clients between classes (PL: przesunięcia między klasami).

    ``before`` and ``after`` are :func:`abc_xyz` tables of the same clients under two settings
    (e.g. months vs quarters, 50/80 vs 80/95). Returns the count of clients per (class before,
    class after), rows and columns including "-" for no class; the diagonal is the clients that
    stay.
    """
    if kind not in ("abc", "xyz", "abc_xyz"):
        raise ValueError("kind must be 'abc', 'xyz' or 'abc_xyz'")
    a = before[kind].astype(object).where(before[kind].notna(), "-")
    b = after[kind].astype(object).reindex(a.index)
    b = b.where(b.notna(), "-")
    classes = {"abc": ABC_CLASSES, "xyz": XYZ_CLASSES, "abc_xyz": ABC_XYZ_CLASSES}[kind]
    order = [*classes, "-"]
    out = pd.crosstab(a, b).reindex(index=order, columns=order, fill_value=0)
    return out.rename_axis(index=f"{kind}_before", columns=f"{kind}_after")


def class_summary(table: pd.DataFrame, kind: str = "abc", value: str = "turnover") -> pd.DataFrame:
    """Clients and value per class (PL: podsumowanie klas): how the result splits by class.

    One row per class of ``kind`` ("abc", "xyz" or "abc_xyz", in class order; unclassified
    clients are left out): ``clients``, ``client_share`` (of the classified clients),
    ``value_share`` (of the positive ``value`` of all clients in the table) and, where the
    table has it, ``mean_product_lines`` used: the article's most valuable clients are A and X,
    using 3-4 of the company's products (seed 003 line 411).
    """
    if kind not in ("abc", "xyz", "abc_xyz"):
        raise ValueError("kind must be 'abc', 'xyz' or 'abc_xyz'")
    classes = list({"abc": ABC_CLASSES, "xyz": XYZ_CLASSES, "abc_xyz": ABC_XYZ_CLASSES}[kind])
    cls = table[table[kind].notna()]
    key = cls[kind].astype(str)
    total = float(table[value].clip(lower=0).sum())
    out = pd.DataFrame({"clients": key.value_counts().reindex(classes, fill_value=0)})
    out["client_share"] = out["clients"] / max(int(out["clients"].sum()), 1)
    out["value_share"] = (cls[value].clip(lower=0).groupby(key).sum().reindex(classes, fill_value=0.0)
                          / total if total > 0 else np.nan)
    if "n_product_lines" in cls:
        out["mean_product_lines"] = cls["n_product_lines"].groupby(key).mean().reindex(classes)
    out.index.name = kind
    return out
