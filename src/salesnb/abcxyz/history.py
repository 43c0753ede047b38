"""Class history (PL: historia zmian klas): ABC/XYZ classes at every period end, and the changes.

Decision 18 of :mod:`salesnb.abcxyz`: classes at the end of every period over a rolling horizon
of 12 periods by default, with the lifecycle rule at each period end, all period ends ranked in
one grouped, vectorised ABC call.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..money import group_sum
from ..periods import period_codes, period_end_day, period_index
from ..validation import check_choice, check_frame
from .ranking import ABC_DTYPE, ABCXYZ_DTYPE, REASON_DTYPE, REASONS, TOL, XYZ_DTYPE, abc_arrays, id_rank
from .table import KINDS, lifecycle_new
from .turnover import load_transactions, settings, split_input, turnover_grid
from .xyz import cv_arrays

__all__ = ["ClassHistory", "class_history", "transition_matrix"]


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
        """Counts of transitions from one class to the next (PL: macierz przejść między klasami).

        See :func:`transition_matrix`.

        Parameters
        ----------
        kind : {"abc", "xyz", "abc_xyz"}, default "abc"
            Which class.

        Returns
        -------
        pandas.DataFrame
            Class at the previous period end x class at the next one.

        Raises
        ------
        ParameterError
            For an unknown ``kind``.
        """
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
    """History of ABC/XYZ classes (PL: klasa klienta i historia zmian klas), a KPI of the article.

    The article *Working with clients* lists "the client's class and the history of class
    changes" among the KPIs: the classes of every client at the end of each period, over a
    rolling horizon.

    At each period end ``e`` (from ``start``'s period, default the first one, to the as-of
    period) the classes are those :func:`abc_xyz` gives with ``as_of`` = the last day of ``e``
    (the as-of date itself for the last period) and ``horizon`` periods ending at ``e`` (default
    12; None = expanding, all history up to ``e``), including the lifecycle rule for new
    clients. Potential clients are left out. All period ends are classified with one grouped,
    vectorised ABC call; the loop runs over periods, never over clients.

    Parameters
    ----------
    data : DataFrame or Company
        As :func:`~salesnb.abcxyz.abc_xyz`.
    period : {"M", "Q"}, optional
        Months (default) or quarters.
    horizon : int or None, default 12
        Periods per classification; None = all history up to each period end.
    start : date-like, optional
        The first period end to classify (default: the first period of the data).
    as_of, abc_thresholds, by, cumulative, xyz_thresholds, ddof, min_periods, span, lifecycle_window, tol
        As :func:`~salesnb.abcxyz.abc_xyz`; ``by`` is "amount" (or "turnover") or "margin".

    Returns
    -------
    ClassHistory
        ``classes``, ``changes`` and ``matrix(kind)``.

    Raises
    ------
    ParameterError
        For an argument that is not allowed, or a start after the as-of date.
    DataError
        For transactions that cannot be analysed.
    """
    fn = "salesnb.abcxyz.class_history"
    tx_df, company = split_input(data, fn)
    s = settings(company, fn, abc_thresholds=abc_thresholds, by=by, cumulative=cumulative,
                 xyz_thresholds=xyz_thresholds, period=period, ddof=ddof, min_periods=min_periods, span=span,
                 horizon=horizon, lifecycle_window=lifecycle_window, tol=tol)
    by_, period_, horizon, tol = s.by, s.period, s.horizon, s.tol
    t = load_transactions(tx_df, as_of, company, need_margin=(by_ == "margin"))
    c = turnover_grid(t, period_, with_margin=(by_ == "margin"))
    last = int(period_codes(np.array([t.as_of.to_datetime64()]), period_)[0])
    first = int(c.pcode.min())
    if start is not None:
        first = max(first, int(period_codes(np.array([pd.Timestamp(start).to_datetime64()]), period_)[0]))
        if first > last:
            raise ParameterError("start", start, f"a date on or before the as-of date {t.as_of.date()}",
                                 function=fn, fix="choose an earlier start, or leave it out.")
    parts = []
    for e in range(first, last + 1):
        lo = e - horizon + 1 if horizon else None
        T = t.as_of if e == last else period_end_day(e, period_)
        r = cv_arrays(c, e, lo, s.span, s.ddof, s.min_periods, s.xyz_thresholds, tol)
        idx = np.flatnonzero(r["active"])
        if by_ == "amount":
            val = r["total"][idx]
        else:
            sel = (c.pcode <= e) & ((c.pcode >= lo) if lo is not None else True)
            val = group_sum(c.client[sel], c.margin[sel], c.n_clients)[idx]
        new = lifecycle_new(c.first_sale[idx], T, s.window)
        # only corrections up to T, never a positive settlement: potential, as in abc_xyz (no class)
        fs = c.first_sale[idx]
        never = np.isnat(fs) | (fs > np.datetime64(T.normalize().date(), "D"))
        xcode = np.where(new | never, -1, r["code"][idx])
        reason = np.where(new, REASONS.index("reason_new_client"), r["reason"][idx])
        reason = np.where(never, REASONS.index("reason_potential_client"), reason)
        parts.append((np.full(len(idx), e - first, dtype=np.int64), idx, r["total"][idx], val,
                      np.where(new | never, np.nan, r["cv"][idx]), xcode, reason, never))
    g, idx, turnover, val, cv, xcode, reason, never = (np.concatenate(x) for x in zip(*parts, strict=True))
    a = abc_arrays(val, g, idx, s.abc_thresholds, s.cumulative, tol)   # one grouped call for every period end
    acode = np.where(never, -1, a["code"])  # -1 also where a period end has no positive total: no class
    combo = np.where((acode >= 0) & (xcode >= 0), acode.astype(np.int16) * 3 + xcode, -1)
    order = np.lexsort((idx, g))
    ends = period_index(np.arange(first, last + 1), period_)
    classes = pd.DataFrame(
        {
            "period_end": ends.take(g[order]),
            "customer_id": t.labels.take(idx[order]),
            "turnover": turnover[order],
            "share": a["share"][order],
            "abc": pd.Categorical.from_codes(acode[order], dtype=ABC_DTYPE),
            "cv": cv[order],
            "xyz": pd.Categorical.from_codes(xcode[order].astype(np.int8), dtype=XYZ_DTYPE),
            "abc_xyz": pd.Categorical.from_codes(combo[order], dtype=ABCXYZ_DTYPE),
            "reason": pd.Categorical.from_codes(reason[order].astype(np.int8), dtype=REASON_DTYPE),
        }
    )
    changes = _changes(g[order], idx[order], acode[order], xcode[order], len(ends), ends, t.labels)
    params = s.attrs(t.as_of)
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
            "abc_from": pd.Categorical.from_codes(a_from[o].astype(np.int8), dtype=ABC_DTYPE),
            "abc_to": pd.Categorical.from_codes(a_to[o].astype(np.int8), dtype=ABC_DTYPE),
            "xyz_from": pd.Categorical.from_codes(x_from[o].astype(np.int8), dtype=XYZ_DTYPE),
            "xyz_to": pd.Categorical.from_codes(x_to[o].astype(np.int8), dtype=XYZ_DTYPE),
        }
    )


def transition_matrix(history: ClassHistory | pd.DataFrame, kind: str = "abc") -> pd.DataFrame:
    """Transition counts between consecutive period ends (PL: macierz przejść między klasami).

    Parameters
    ----------
    history : ClassHistory or pandas.DataFrame
        From :func:`class_history` (or its ``classes``).
    kind : {"abc", "xyz", "abc_xyz"}, default "abc"
        Which class.

    Returns
    -------
    pandas.DataFrame
        Rows: the class at the previous period end (``"-"`` = not in the table or
        unclassified); columns: the class at the next one. Counts every client present at
        either end, including those whose class did not change (the diagonal), so each row
        sums to the clients that were in that class.

    Raises
    ------
    ParameterError
        For an unknown ``kind`` or a table that is not a class history.
    """
    fn = "salesnb.abcxyz.transition_matrix"
    kind = check_choice("kind", kind, KINDS, function=fn)
    classes = history.classes if isinstance(history, ClassHistory) else history
    check_frame("history", classes, columns=("period_end", "customer_id", kind), function=fn,
                fix="pass what salesnb.abcxyz.class_history returns.")
    cats = list(classes[kind].cat.categories) + ["-"]
    ends = classes["period_end"]
    uniq = ends.drop_duplicates().sort_values()
    if len(uniq) < 2:
        return pd.DataFrame(0, index=pd.Index(cats, name=f"{kind}_from"), columns=pd.Index(cats, name=f"{kind}_to"))
    pos = pd.Index(uniq).get_indexer(ends)
    codes = classes[kind].cat.codes.to_numpy().astype(np.int64)
    codes[codes < 0] = len(cats) - 1
    cid, _ = id_rank(classes["customer_id"])
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


