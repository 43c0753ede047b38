"""XYZ analysis (PL: analiza XYZ): how stable each client's turnover is, by the coefficient of variation.

The four steps of the article *Working with clients*: compute the CV per client, sort by rising
CV, split into X/Y/Z, present graphically (:mod:`salesnb.plots.abcxyz`). Decisions 7-14 of
:mod:`salesnb.abcxyz`.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..money import group_sum
from ..periods import period_codes, period_index
from .ranking import REASON_DTYPE, REASONS, TOL, XYZ_DTYPE
from .turnover import TurnoverGrid, load_transactions, settings, split_input, turnover_grid

__all__ = ["cv_arrays", "xyz"]


def cv_arrays(c: TurnoverGrid, end: int, lo: int | None, span: str, ddof: int, min_periods: int,
              thresholds: tuple[float, float], tol: float, by: str = "amount") -> dict[str, np.ndarray]:
    """Coefficient of variation and XYZ class per client, as arrays (PL: współczynnik zmienności).

    For every client with a transaction in the periods ``[lo, end]``: CV = standard deviation /
    mean of the net turnover per period, zero-filled over the client's span (decisions 7-13).

    Parameters
    ----------
    c : TurnoverGrid
        From :func:`~salesnb.abcxyz.turnover.turnover_grid`.
    end, lo : int
        The last and the first period ordinal (``lo`` None: all history).
    span : {"client", "dataset"}
    ddof : {0, 1}
    min_periods : int
    thresholds : tuple of float
        ``(x, y)`` CV limits.
    tol : float
    by : {"amount", "margin"}, default "amount"

    Returns
    -------
    dict of numpy.ndarray
        Indexed by client code: ``active``, ``start``, ``n``, ``total``, ``mean``, ``std``,
        ``cv``, ``code`` (0=X, 1=Y, 2=Z, -1 none), ``reason`` (into :data:`REASONS`, -1 none).
    """
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
    total = group_sum(cl, x, N)
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
    by: str | None = "amount",
    tol: float = TOL,
) -> pd.DataFrame:
    """XYZ analysis (PL: analiza XYZ): the stability class of each client's turnover per period.

    The rule of the article *Working with clients*: CV = standard deviation / mean of the
    client's turnover per period; X if CV <= 10%, Y if CV <= 25%, Z above. Decisions 7-14 of
    :mod:`salesnb.abcxyz` fill in what the article leaves open.

    Parameters
    ----------
    transactions : DataFrame or Company
        A DataFrame with customer_id, date, amount (optional margin), or a loaded company (its
        ``params`` and ``as_of`` are the defaults of the arguments left None).
    period : {"M", "Q"}, optional
        Months (default) or quarters.
    thresholds : pair of float, optional
        ``(x, y)`` CV limits, default (0.10, 0.25).
    ddof : {0, 1}, optional
        0 population standard deviation (default) or 1 sample (Excel STDEV).
    min_periods : int, optional
        Fewest periods in the span for a class (default 3).
    span : {"client", "dataset"}, optional
        From the client's first period (default) or the dataset's; periods without purchases
        inside the span count as zero.
    as_of : date-like, optional
        The as-of date (whole day); default the company's, else the last transaction.
    horizon : int, optional
        Only the last ``horizon`` periods up to the as-of period (default all history).
    by : {"amount", "turnover", "margin"}, default "amount"
        Turnover or margin per period.
    tol : float, default 1e-9
        Tolerance at the CV thresholds.

    Returns
    -------
    pandas.DataFrame
        One row per client with a transaction in the analysed periods, index ``customer_id``,
        sorted by rising CV (unclassified last), ties by id. Columns: ``first_period``,
        ``n_periods``, ``turnover`` (net, over the span; ``margin`` if by="margin"),
        ``mean_per_period``, ``std_per_period``, ``cv``, ``xyz`` (X < Y < Z, NaN if none) and
        ``reason`` (why no class).

    Raises
    ------
    ParameterError
        For an argument that is not allowed.
    DataError
        For transactions that cannot be analysed (naming the file and rows).
    """
    fn = "salesnb.abcxyz.xyz"
    tx_df, company = split_input(transactions, fn)
    s = settings(company, fn, by=by, xyz_thresholds=thresholds, period=period, ddof=ddof, min_periods=min_periods,
                 span=span, horizon=horizon, tol=tol)
    by = s.by
    t = load_transactions(tx_df, as_of, company, need_margin=(by == "margin"))
    c = turnover_grid(t, s.period, with_margin=(by == "margin"))
    end = int(period_codes(np.array([t.as_of.to_datetime64()]), s.period)[0])
    lo = end - s.horizon + 1 if s.horizon else None
    r = cv_arrays(c, end, lo, s.span, s.ddof, s.min_periods, s.xyz_thresholds, s.tol, by=by)
    period_ = s.period
    idx = np.flatnonzero(r["active"])
    cv = r["cv"][idx]
    order = np.lexsort((idx, cv))  # NaN sorts last; idx (= id order) breaks ties
    idx = idx[order]
    out = pd.DataFrame(
        {
            "first_period": period_index(r["start"][idx], period_),
            "n_periods": r["n"][idx],
            "turnover" if by == "amount" else "margin": r["total"][idx],
            "mean_per_period": r["mean"][idx],
            "std_per_period": r["std"][idx],
            "cv": r["cv"][idx],
            "xyz": pd.Categorical.from_codes(r["code"][idx], dtype=XYZ_DTYPE),
            "reason": pd.Categorical.from_codes(r["reason"][idx], dtype=REASON_DTYPE),
        },
        index=pd.Index(t.labels.take(idx), name="customer_id"),
    )
    out.attrs.update(as_of=t.as_of, period=period_, xyz_thresholds=s.xyz_thresholds, ddof=s.ddof,
                     min_periods=s.min_periods, span=s.span, horizon=s.horizon, by=by)
    return out


