"""Target groups against ABC/XYZ and the lifecycle (PL: grupy docelowe a ABC/XYZ i cykl życia).

The article *Working with clients* puts the "from birth" target groups beside the "during
cooperation" classes: "the greatest value for the company comes from clients of classes A and X
using 3-4 of its products at once", and "the more product lines a client uses, the lower the
risk of losing it entirely". This module crosses the two: target group x ABC-XYZ class
(:func:`segment_classes`), the most valuable clients (:func:`most_valuable`), the valuable
clients with a low maturity, the first to offer the rest of their portrait (:func:`low_maturity`),
and lost clients per target group (:func:`lost_by_segment`).
"""
from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from ..abcxyz.ranking import ABC_CLASSES, ABC_XYZ_CLASSES, XYZ_CLASSES
from ..errors import DataWarning
from ..validation import check_number
from .base import SegmentData, prepare, table_of
from .groups import OUTSIDE
from .offers import abc_table_for
from .portrait import maturity

__all__ = ["NEXT_STEPS", "low_maturity", "lost_by_segment", "most_valuable", "next_steps", "segment_classes"]

#: The steps :func:`next_steps` counts, as catalogue keys.
NEXT_STEPS = ("seg_step_low_maturity", "seg_step_applications", "seg_step_contracts", "seg_step_refused",
              "seg_step_not_offered", "seg_step_lost")

_NONE = "-"


def _classes(d: SegmentData, abc_table: pd.DataFrame | None, function: str) -> pd.DataFrame:
    return abc_table_for(d, abc_table, function, columns=("abc", "xyz", "abc_xyz", "turnover"))


def _per_group(d: SegmentData, values: np.ndarray, columns: list) -> pd.DataFrame:
    """Clients per target group (the groups in file order, then those outside) and value; zeros kept."""
    return pd.crosstab(d.segment_ids(), values).reindex(index=[*d.groups, OUTSIDE], columns=columns, fill_value=0)


def _rows(d: SegmentData, idx: np.ndarray) -> dict[str, np.ndarray]:
    out = {"name": d.name[idx]} if d.name is not None else {}
    return {**out, "segment": d.segment_ids()[idx], "salesperson": d.salesperson[idx]}


def segment_classes(data: Any, as_of: Any = None, horizon: Any = None, *,
                    abc_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Clients per target group and ABC-XYZ class (PL: grupy docelowe a klasy ABC-XYZ).

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`.
    as_of, horizon
        As :func:`~salesnb.segments.prepare` (None with prepared data).
    abc_table : pandas.DataFrame, optional
        A :func:`salesnb.abcxyz.abc_xyz` table; default computed at the same as-of date and
        horizon with the company's parameters.

    Returns
    -------
    pandas.DataFrame of int
        Rows ``segment`` (groups in file order, then ``"outside"``), columns ``abc_xyz`` (AX ...
        CZ, then ``"-"``: no combined class: new, potential, too short a history, or no sale in
        the horizon), and ``clients`` (the row total).

    Raises
    ------
    ParameterError, DataError
        As :func:`~salesnb.segments.prepare`, or an ``abc_table`` without the classes.
    """
    fn = "salesnb.segments.segment_classes"
    d = prepare(data, as_of, horizon, function=fn)
    cls = _classes(d, abc_table, fn)
    combo = cls["abc_xyz"].astype(object).where(cls["abc_xyz"].notna(), _NONE).to_numpy()
    out = _per_group(d, combo, [*ABC_XYZ_CLASSES, _NONE])
    out.insert(0, "clients", out.sum(axis=1))
    out.index.name = "segment"
    out.columns.name = "abc_xyz"
    out.attrs.update(d.params)
    return out


def most_valuable(data: Any, as_of: Any = None, horizon: Any = None, *, min_lines: int = 3,
                  abc_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The article's most valuable clients: A and X, using several lines (PL: najcenniejsi klienci).

    The article *Working with clients*: "the greatest value for the company comes from clients of
    classes A and X using 3-4 of its products at once". Read here as class AX and at least
    ``min_lines`` product lines used in the period (the workbook's reading: a client using more
    than four is not less valuable).

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`.
    as_of, horizon
        As :func:`~salesnb.segments.prepare` (None with prepared data).
    min_lines : int, default 3
        Fewest product lines used.
    abc_table : pandas.DataFrame, optional
        As :func:`segment_classes`.

    Returns
    -------
    pandas.DataFrame
        Index ``customer_id``; columns ``name`` (if the customers table has names), ``segment``,
        ``salesperson``, ``turnover``, ``cv``,
        ``n_product_lines`` (used in the period), ``maturity`` (NaN outside the target groups);
        largest turnover first.

    Raises
    ------
    ParameterError
        For ``min_lines`` not a whole number >= 1, or as :func:`segment_classes`.
    DataError
        If the transactions name no product lines, or as :func:`~salesnb.segments.prepare`.
    """
    fn = "salesnb.segments.most_valuable"
    min_lines = check_number("min_lines", min_lines, low=1, integer=True, function=fn)
    d = prepare(data, as_of, horizon, function=fn)
    d.require_lines(fn)
    cls = _classes(d, abc_table, fn)
    n_lines = d.used.sum(axis=1)
    ok = (cls["abc"].astype(object) == "A").to_numpy() & (cls["xyz"].astype(object) == "X").to_numpy() \
        & (n_lines >= min_lines)
    idx = np.flatnonzero(ok)
    mat = maturity(d, clients="all")["maturity"].to_numpy()
    out = pd.DataFrame({**_rows(d, idx), "turnover": cls["turnover"].to_numpy(dtype=float)[idx],
                        "cv": cls["cv"].to_numpy(dtype=float)[idx] if "cv" in cls else np.nan,
                        "n_product_lines": n_lines[idx].astype(np.int64), "maturity": mat[idx]},
                       index=pd.Index(d.clients[idx], name="customer_id"))
    out = out.sort_values(["turnover"], ascending=False, kind="mergesort")
    out.attrs.update(d.params, min_lines=min_lines)
    return out


def low_maturity(data: Any, as_of: Any = None, horizon: Any = None, *, below: float = 0.5,
                 abc: tuple[str, ...] = ("A",), xyz: tuple[str, ...] = ("X",),
                 abc_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Valuable clients far from their portrait: the first cross-sell targets (PL: niska dojrzałość).

    Clients of a target group whose ABC class is in ``abc`` **or** whose XYZ class is in ``xyz``
    (by default the article's valuable classes A and X: the large and the steady clients) with a
    maturity below ``below``. The workbook's reading of "the A/X clients with low maturity".

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`.
    as_of, horizon
        As :func:`~salesnb.segments.prepare` (None with prepared data).
    below : float, default 0.5
        Maturity under this is low (0 < below <= 1).
    abc : tuple of str, default ("A",)
        ABC classes that make a client valuable (any of "A", "B", "C"; empty for none).
    xyz : tuple of str, default ("X",)
        XYZ classes that make a client valuable (any of "X", "Y", "Z"; empty for none).
    abc_table : pandas.DataFrame, optional
        As :func:`segment_classes`.

    Returns
    -------
    pandas.DataFrame
        Index ``customer_id``; columns ``name`` (if the customers table has names), ``segment``,
        ``salesperson``, ``abc``, ``xyz``,
        ``turnover``, ``lines_targeted``, ``lines_used`` (of those), ``maturity`` and ``missing_lines``
        (the targeted lines not used, in the portrait's order, joined by ", "); largest turnover
        first.

    Raises
    ------
    ParameterError
        For ``below`` outside (0, 1], classes that are not ABC or XYZ classes, or as
        :func:`segment_classes`.
    DataError
        If the transactions name no product lines, or as :func:`~salesnb.segments.prepare`.
    """
    fn = "salesnb.segments.low_maturity"
    below = check_number("below", below, low=0, low_open=True, high=1, function=fn)
    abc = _check_classes("abc", abc, ABC_CLASSES, fn)
    xyz = _check_classes("xyz", xyz, XYZ_CLASSES, fn)
    d = prepare(data, as_of, horizon, function=fn)
    d.require_lines(fn)
    cls = _classes(d, abc_table, fn)
    mat = maturity(d, clients="all")
    valuable = cls["abc"].astype(object).isin(abc).to_numpy() | cls["xyz"].astype(object).isin(xyz).to_numpy()
    m = mat["maturity"].to_numpy()
    idx = np.flatnonzero(valuable & (d.segment >= 0) & ~np.isnan(m) & (m < below))
    lines = np.asarray(d.lines, dtype=object)
    missing = [", ".join(lines[d.targeted[d.segment[i]] & ~d.used[i]]) for i in idx]
    out = pd.DataFrame({**_rows(d, idx), "abc": cls["abc"].astype(object).to_numpy()[idx],
                        "xyz": cls["xyz"].astype(object).to_numpy()[idx],
                        "turnover": cls["turnover"].to_numpy(dtype=float)[idx],
                        "lines_targeted": mat["lines_targeted"].to_numpy()[idx],
                        "lines_used": mat["lines_used"].to_numpy()[idx],
                        "maturity": m[idx], "missing_lines": missing},
                       index=pd.Index(d.clients[idx], name="customer_id"))
    out = out.sort_values("turnover", ascending=False, kind="mergesort")
    out.attrs.update(d.params, below=below, abc=abc, xyz=xyz)
    return out


def _check_classes(name: str, value: Any, allowed: tuple[str, ...], function: str) -> tuple[str, ...]:
    from ..validation import ParameterError

    items = [value] if isinstance(value, str) else value
    try:
        items = tuple(items)
    except TypeError:
        items = None
    if items is None or not all(isinstance(x, str) and x in allowed for x in items):
        raise ParameterError(name, value, f"a tuple of classes among {', '.join(allowed)}", function=function)
    return items


def lost_by_segment(data: Any, as_of: Any = None, *, window: Any = None) -> pd.DataFrame:
    """Lifecycle statuses per target group: where clients are lost (PL: klienci utraceni według grup).

    The statuses of :func:`salesnb.lifecycle.statuses` (the article's potential, new, regular,
    lost and restored clients, window W) counted per target group; the article adds that the
    more product lines a client uses, the lower the risk of losing it entirely.

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`.
    as_of : date-like, optional
        As :func:`~salesnb.segments.prepare` (None with prepared data).
    window : window-like, optional
        W; default the company's ``lifecycle_window``, else three months.

    Returns
    -------
    pandas.DataFrame
        Rows ``segment`` (groups, then ``"outside"``); columns ``clients`` (known at T), the
        count of each status (``potential_clients``, ``new_clients``, ``regular_clients``,
        ``lost_clients``, ``restored_clients``), and ``lost_share``: lost clients / clients that
        ever bought.

    Raises
    ------
    ParameterError, DataError
        As :func:`~salesnb.segments.prepare` and :func:`salesnb.lifecycle.statuses`.
    """
    from ..lifecycle import STATUSES, statuses

    fn = "salesnb.segments.lost_by_segment"
    d = prepare(data, as_of, function=fn)
    src = d.source
    if window is None:
        window = (table_of(src, "params") or {}).get("lifecycle_window")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)  # clients with only corrections: potential, as in lifecycle
        st = statuses(table_of(src, "transactions"), table_of(src, "customers"), as_of=d.as_of, window=window)
    status = st.set_index("customer_id")["status"].astype(object).reindex(pd.Index(d.clients, dtype=object))
    status = status.where(status.notna(), "potential").to_numpy()
    counts = _per_group(d, status, list(STATUSES))
    out = counts.rename(columns={s: f"{s}_clients" for s in STATUSES})
    out.insert(0, "clients", counts.sum(axis=1))
    bought = out["clients"] - out["potential_clients"]
    out["lost_share"] = (out["lost_clients"] / bought.where(bought > 0)).astype(float)
    out.index.name = "segment"
    out.columns.name = None
    out.attrs.update(d.params, window=st.attrs.get("window_label"))
    return out


def next_steps(grid: pd.DataFrame, low: pd.DataFrame, lost: pd.DataFrame | None = None) -> pd.DataFrame:
    """What a sales manager has to do next, counted (PL: kolejne kroki menedżera sprzedaży).

    The workbook's reading of the managed process of the article *Working with clients*: offer
    the rest of the portrait to the valuable clients first, follow up the applications, deliver
    the contracts signed, plan a new attempt after each refusal (a dated control point), offer
    what was never offered, win back the lost clients.

    Parameters
    ----------
    grid : pandas.DataFrame
        From :func:`~salesnb.segments.offer_grid`.
    low : pandas.DataFrame
        From :func:`low_maturity`.
    lost : pandas.DataFrame, optional
        From :func:`lost_by_segment`.

    Returns
    -------
    pandas.DataFrame
        Index ``step`` (:data:`NEXT_STEPS`, catalogue keys); columns ``clients`` and ``lines``
        (client x product line pairs concerned; NaN for the lost clients, whose step is not about
        a line).

    Raises
    ------
    ParameterError
        If a table lacks the columns its function gives.
    """
    from ..validation import check_frame

    fn = "salesnb.segments.next_steps"
    check_frame("grid", grid, columns=("customer_id", "state"), function=fn,
                fix="pass salesnb.segments.offer_grid(company).")
    check_frame("low", low, columns=("missing_lines",), function=fn,
                fix="pass salesnb.segments.low_maturity(company).")
    rows = {"seg_step_low_maturity": (len(low), int(sum(len(x.split(", ")) for x in low["missing_lines"] if x)))}
    for key, state in (("seg_step_applications", "application"), ("seg_step_contracts", "contract"),
                       ("seg_step_refused", "refused"), ("seg_step_not_offered", "not_offered")):
        cells = grid[grid["state"].astype(object) == state]
        rows[key] = (int(cells["customer_id"].nunique()), len(cells))
    if lost is not None:
        check_frame("lost", lost, columns=("lost_clients",), function=fn,
                    fix="pass salesnb.segments.lost_by_segment(company).")
        rows["seg_step_lost"] = (int(lost["lost_clients"].sum()), np.nan)
    out = pd.DataFrame.from_dict(rows, orient="index", columns=["clients", "lines"])
    out.index.name = "step"
    return out
