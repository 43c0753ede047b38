"""ABC ranking (PL: analiza ABC): classes by each item's share of the total.

The rule (the article *Working with clients*): rank clients by turnover, descending; the first
50% of the total is class A, up to 80% class B, the rest class C. Decisions 1-6 of
:mod:`salesnb.abcxyz` fill in what the article leaves open. Works on any values per item (per
client, per product, within groups), not only on transactions.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, Problem
from ..validation import check_choice, check_pair

__all__ = [
    "ABCXYZ_DTYPE",
    "ABC_CLASSES",
    "ABC_DTYPE",
    "ABC_XYZ_CLASSES",
    "CUMULATIVE",
    "REASONS",
    "REASON_DTYPE",
    "TOL",
    "XYZ_CLASSES",
    "XYZ_DTYPE",
    "abc",
    "abc_arrays",
    "abc_table",
    "check_cumulative",
    "check_thresholds",
    "id_rank",
]

ABC_CLASSES = ("A", "B", "C")
XYZ_CLASSES = ("X", "Y", "Z")
ABC_XYZ_CLASSES = tuple(a + x for a in ABC_CLASSES for x in XYZ_CLASSES)
#: Why a client has no XYZ (or no ABC) class; each is a key of salesnb.i18n.LABELS.
REASONS = ("reason_short_history", "reason_no_positive_turnover", "reason_new_client", "reason_potential_client")
#: How a cumulative share is read (decision 2).
CUMULATIVE = ("before", "including")
#: Absolute tolerance for comparing shares and CVs with thresholds (decision 4).
TOL = 1e-9

ABC_DTYPE = pd.CategoricalDtype(list(ABC_CLASSES), ordered=True)
XYZ_DTYPE = pd.CategoricalDtype(list(XYZ_CLASSES), ordered=True)
ABCXYZ_DTYPE = pd.CategoricalDtype(list(ABC_XYZ_CLASSES), ordered=True)
REASON_DTYPE = pd.CategoricalDtype(list(REASONS))
#: Largest dense (group x key) grid used for pair sums; larger ones are sparse.
DENSE_LIMIT = 64_000_000




def check_thresholds(thresholds: Any, parameter: str, function: str, upper: float | None = 1.0) -> tuple[float, float]:
    """Two increasing thresholds ``(a, b)`` with ``0 < a <= b`` (``<= upper``) (PL: progi klas).

    Parameters
    ----------
    thresholds : pair of float
        The thresholds as given.
    parameter, function : str
        Names for the message.
    upper : float or None, default 1.0
        Largest allowed value (``None``: no limit, as for CV thresholds).

    Returns
    -------
    tuple of float

    Raises
    ------
    ParameterError
        If they are not two numbers in that order and range.
    """
    return check_pair(parameter, thresholds, low=0.0, high=upper, function=function,
                      fix="give shares as fractions, e.g. (0.5, 0.8) for 50% and 80%.")


def id_rank(ids: pd.Index | pd.Series | np.ndarray) -> tuple[np.ndarray, pd.Index]:
    """Integer codes in the ids' sort order (PL: kody identyfikatorów), for ties broken by id.

    Categoricals are ranked by their labels' sort order too (whatever the category order, so a
    tie is broken by the id as for plain ids); mixed types that cannot be compared are sorted
    by their text.

    Parameters
    ----------
    ids : Index, Series or array
        The ids.

    Returns
    -------
    codes : numpy.ndarray of int64
        Per id, its rank in sort order (-1 for a missing id).
    labels : pandas.Index
        ``labels[code] == id``.
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
        # ties are ranked by the id itself (the workbook's decision 3), not by the category order
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


def abc_arrays(
    values: np.ndarray,
    group: np.ndarray | None,
    id_rank: np.ndarray,
    thresholds: tuple[float, float],
    cumulative: str,
    tol: float,
) -> dict[str, np.ndarray]:
    """ABC classes as arrays, per group (PL: klasy ABC): one sort and a segmented cumulative sum.

    Parameters
    ----------
    values : numpy.ndarray of float
        Value per item.
    group : numpy.ndarray of int or None
        Group code per item (``None``: one group).
    id_rank : numpy.ndarray of int
        Per item, its id's rank (:func:`id_rank`), to break ties.
    thresholds : tuple of float
        ``(a, b)``, checked.
    cumulative : {"before", "including"}
        See decision 2.
    tol : float
        Tolerance at the thresholds.

    Returns
    -------
    dict of numpy.ndarray
        In *input* order: ``share``, ``cum_share_before``, ``cum_share``, ``code`` (0=A, 1=B,
        2=C, -1 = a group without a positive total), ``rank`` (1-based within the group); and
        ``order`` (the ranking permutation) and ``total`` (per group).
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
        g_codes, g_labels = id_rank(gv if isinstance(gv, pd.Index)
                                    else pd.Index(gv) if not isinstance(gv, pd.Series) else gv)
        if (g_codes < 0).any():
            raise DataError(Problem(None, "missing group labels.", column=str(groups),
                                    fix="fill or drop the rows without a group."))
    if len(id_values) != len(series):
        raise DataError(Problem(None, f"ids has {len(id_values)} values for {len(series)} items.",
                                fix="pass ids as long as the values."))
    id_codes, id_labels = id_rank(id_values if isinstance(id_values, (pd.Index, pd.Series)) else pd.Index(id_values))
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


def check_cumulative(cumulative: Any, function: str) -> str:
    """``"before"`` or ``"including"``: how a cumulative share is read (PL: udział skumulowany).

    Parameters
    ----------
    cumulative : str
        As given.
    function : str
        The public function, for the message.

    Returns
    -------
    str

    Raises
    ------
    ParameterError
        For anything else.
    """
    return check_choice("cumulative", cumulative, CUMULATIVE, function=function,
                        fix="'before' (the workbook's rule: the item crossing a line stays in the upper class) "
                            "or 'including'.")


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
    """ABC analysis with its working (PL: analiza ABC z obliczeniami), in ranking order.

    The rule of the article *Working with clients* and decisions 1-6 of :mod:`salesnb.abcxyz`,
    as :func:`abc`, with the working shown: value, share, cumulative shares, rank and class.

    Parameters
    ----------
    values, thresholds, by, groups, ids, cumulative, tol
        As :func:`abc`.

    Returns
    -------
    pandas.DataFrame
        Columns ``group`` (if grouped), ``id``, ``value``, ``share``, ``cum_share_before``,
        ``cum_share``, ``rank``, ``abc``; sorted by group, then rank. The shares of the
        positive items of a group sum to 1.

    Raises
    ------
    DataError
        As :func:`abc`; also when there is no item at all.
    """
    fn = "salesnb.abcxyz.abc_table"
    lo_hi = check_thresholds(thresholds, "thresholds", fn)
    cumulative = check_cumulative(cumulative, fn)
    v, index, g, g_labels, idc, id_labels, name = _abc_inputs(values, by, groups, ids)
    if len(v) == 0:
        raise DataError("no items to classify: ABC needs at least one value.")
    res = abc_arrays(v, g, idc, lo_hi, cumulative, tol)
    _raise_if_no_total(res, g, g_labels, name)
    order = res["order"]
    out = pd.DataFrame(index=index[order])
    if g is not None:
        out["group"] = g_labels.take(g[order])
    out["id"] = id_labels.take(idc[order])
    out["value"] = v[order]
    for col in ("share", "cum_share_before", "cum_share", "rank"):
        out[col] = res[col][order]
    out["abc"] = pd.Categorical.from_codes(res["code"][order], dtype=ABC_DTYPE)
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

    The rule of the article *Working with clients*: rank items by value, descending; the
    workbook's reading (decision 2): an item is A if the cumulative share of the items ranked
    strictly before it is below ``a``, B if below ``b``, else C (so the item crossing a line
    stays in the upper class; ties by id). Decisions 1-6 of :mod:`salesnb.abcxyz`.

    Parameters
    ----------
    values : Series or DataFrame
        A Series of values per item (index = ids, e.g. turnover per client), or a DataFrame with
        one row per item: the column ``by`` holds the value, ids are the column
        ``customer_id`` if present, else the index.
    thresholds : pair of float, default (0.5, 0.8)
        ``(a, b)``, cumulative-share lines, ``0 < a <= b <= 1``; the article's 50/80 by
        default, the textbook's (0.8, 0.95) one argument away.
    by : str, default "amount"
        The value column of a DataFrame (``"amount"`` turnover or ``"margin"``).
    groups : str, list of str or array, optional
        ABC within each group in one vectorised call (e.g. per salesperson or product line): a
        column name of ``values``, an index level name (or list of names) of a MultiIndex
        Series, or an array as long as ``values``.
    ids : str or array, optional
        The item ids used to break ties (default: see ``values``).
    cumulative : {"before", "including"}, default "before"
        "including": A if the cumulative share including the item is <= ``a``.
    tol : float, default 1e-9
        Absolute tolerance for comparing shares with the thresholds.

    Returns
    -------
    pandas.Series
        An ordered categorical (A < B < C) named ``abc``, aligned with ``values``.

    Raises
    ------
    ParameterError
        For bad thresholds or ``cumulative``.
    DataError
        For a NaN/infinite value (the ids are named), duplicate ids (per group), or a total
        (per group) without any positive value.
    """
    fn = "salesnb.abcxyz.abc"
    lo_hi = check_thresholds(thresholds, "thresholds", fn)
    cumulative = check_cumulative(cumulative, fn)
    v, index, g, g_labels, idc, _, name = _abc_inputs(values, by, groups, ids)
    if len(v) == 0:
        return pd.Series(pd.Categorical([], dtype=ABC_DTYPE), index=index, name="abc")
    res = abc_arrays(v, g, idc, lo_hi, cumulative, tol)
    _raise_if_no_total(res, g, g_labels, name)
    return pd.Series(pd.Categorical.from_codes(res["code"], dtype=ABC_DTYPE), index=index, name="abc")


