"""The ideal client portrait, its coverage and client maturity (PL: portret idealnego klienta i dojrzałość).

The article *Working with clients*: the ideal client portrait is a table with the target groups
down the side, the company's products across, and the products meant for each group marked
(:func:`portrait`). Comparing it with the actual client base shows how far each group is from
the ideal (:func:`coverage`: the share of a group's clients using each line), and the client's
**maturity** is "the number of products used to the total number of products meant for it"
(:func:`maturity`). "The more product lines a client uses, the lower the risk of losing it
entirely."

This workbook's decisions (the article is silent):

- "used" means a net positive turnover in the line within the period of :func:`~salesnb.segments.prepare`
  (default the ABC horizon, the last 12 months up to the as-of date), as in :mod:`salesnb.abcxyz`;
- by default the tables count the **buying** clients (a settlement in that period: the actual
  client base); ``clients="all"`` counts every known client of the group, leads and lost clients
  included (their maturity is 0);
- clients outside the target groups, and groups the portrait names no line for, have no maturity.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .base import SegmentData, check_clients, object_column, prepare

__all__ = ["MATURITY_BANDS", "coverage", "coverage_long", "maturity", "maturity_summary", "mean_maturity", "portrait"]

#: Bands of maturity for the summary and its chart: none of the targeted lines, under half,
#: half or more, all of them.
MATURITY_BANDS = ("maturity_none", "maturity_low", "maturity_high", "maturity_full")


def portrait(data: Any, *, segments: dict | None = None) -> pd.DataFrame:
    """The ideal client portrait: target groups x product lines (PL: portret idealnego klienta).

    The article *Working with clients*: "target markets down the side, the company's products
    across, and the products meant for each segment marked where the row and column cross".

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`.
    segments : dict, optional
        A parsed ``segments.yml`` to use instead of the company's.

    Returns
    -------
    pandas.DataFrame of bool
        Rows ``segment`` (group ids in file order), columns ``product_line`` (the portrait's
        lines, then the other lines sold). ``attrs["unsold_lines"]`` lists portrait lines with
        no sale at all up to the as-of date; ``attrs["untargeted_lines"]`` lines sold but
        meant for no group (the article: products sold once that fit no group's needs);
        ``attrs["groups_without_lines"]`` groups the portrait names no line for.

    Raises
    ------
    ParameterError, DataError
        As :func:`~salesnb.segments.prepare`.
    """
    d = prepare(data, segments=segments, function="salesnb.segments.portrait")
    out = pd.DataFrame(d.targeted, index=pd.Index(d.groups, name="segment"), columns=d.lines.copy())
    sold = _sold_ever(d)
    out.attrs.update(
        unsold_lines=[x for x, s, tg in zip(d.lines, sold, d.targeted.any(axis=0), strict=True) if tg and not s],
        untargeted_lines=[x for x, tg in zip(d.lines, d.targeted.any(axis=0), strict=True) if not tg],
        groups_without_lines=[g for g, row in zip(d.groups, d.targeted, strict=True) if not row.any()],
        as_of=d.as_of,
    )
    return out


def _sold_ever(d: SegmentData) -> np.ndarray:
    """Per line: any positive sale up to T (any period)."""
    L = len(d.lines)
    ok = (d.tx_line >= 0) & (d.tx.amount > 0)
    return np.bincount(d.tx_line[ok], minlength=L) > 0


def coverage_long(data: Any, as_of: Any = None, horizon: Any = None, *, clients: str = "buying") -> pd.DataFrame:
    """Coverage of every (target group, product line) as a long table (PL: pokrycie portretu).

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`.
    as_of, horizon
        As :func:`~salesnb.segments.prepare` (None with prepared data).
    clients : {"buying", "all"}, default "buying"
        Count the clients with a settlement in the period, or every known client of the group.

    Returns
    -------
    pandas.DataFrame
        One row per (``segment``, ``product_line``): ``targeted`` (the portrait marks it),
        ``clients`` (the group's clients counted), ``users`` (of them, those using the line),
        ``coverage`` (users / clients; NaN for a group without clients), ``turnover`` (their net
        turnover of the line in the period).

    Raises
    ------
    ParameterError
        For ``clients`` not "buying" or "all", or as :func:`~salesnb.segments.prepare`.
    DataError
        If the transactions name no product lines, or as :func:`~salesnb.segments.prepare`.
    """
    fn = "salesnb.segments.coverage"
    clients = check_clients(clients, fn)
    d = prepare(data, as_of, horizon, function=fn)
    d.require_lines(fn)
    G, L = len(d.groups), len(d.lines)
    sel = d.selected(clients) & (d.segment >= 0)
    seg = d.segment[sel]
    n = np.bincount(seg, minlength=G)
    users = np.zeros((G, L), dtype=np.int64)
    turnover = np.zeros((G, L))
    for j in range(L):  # a handful of lines: one bincount each
        users[:, j] = np.bincount(seg, weights=d.used[sel, j], minlength=G)
        turnover[:, j] = np.bincount(seg, weights=d.net[sel, j], minlength=G)
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = np.where(n[:, None] > 0, users / np.maximum(n[:, None], 1), np.nan)
    out = pd.DataFrame({
        "segment": np.repeat(np.array(d.groups, dtype=object), L),
        "product_line": np.tile(np.asarray(d.lines, dtype=object), G),
        "targeted": d.targeted.ravel(),
        "clients": np.repeat(n, L),
        "users": users.ravel(),
        "coverage": cov.ravel(),
        "turnover": np.round(turnover.ravel(), 2),
    })
    out.attrs.update(d.params, clients=clients)
    return out


def coverage(data: Any, as_of: Any = None, horizon: Any = None, *, clients: str = "buying",
             targeted_only: bool = False) -> pd.DataFrame:
    """How far the client base is from the ideal portrait (PL: pokrycie portretu idealnego klienta).

    The article *Working with clients*: the portrait lets the company "compare the target state
    of each client or segment with the actual one". Each cell is the share of the group's clients
    using the line in the period.

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`.
    as_of, horizon
        As :func:`~salesnb.segments.prepare` (None with prepared data).
    clients : {"buying", "all"}, default "buying"
        Count the clients with a settlement in the period, or every known client of the group.
    targeted_only : bool, default False
        Leave the cells the portrait does not mark empty (NaN) instead of showing their share.

    Returns
    -------
    pandas.DataFrame
        Rows ``segment`` (group ids), columns ``product_line`` (shares 0-1) and a first column
        ``clients`` (clients counted per group). ``attrs["targeted"]`` holds the portrait (a
        bool DataFrame of the same shape as the shares), with the parameters used.

    Raises
    ------
    ParameterError, DataError
        As :func:`coverage_long`.
    """
    from ..validation import ParameterError

    if not isinstance(targeted_only, (bool, np.bool_)):
        raise ParameterError("targeted_only", targeted_only, "True or False", function="salesnb.segments.coverage")
    long = coverage_long(data, as_of, horizon, clients=clients)
    order_rows = list(dict.fromkeys(long["segment"]))
    order_cols = list(dict.fromkeys(long["product_line"]))
    share = long.pivot(index="segment", columns="product_line", values="coverage").reindex(
        index=order_rows, columns=order_cols)
    targeted = long.pivot(index="segment", columns="product_line", values="targeted").reindex(
        index=order_rows, columns=order_cols).astype(bool)
    if targeted_only:
        share = share.where(targeted)
    n = long.drop_duplicates("segment").set_index("segment")["clients"].reindex(order_rows)
    out = pd.concat([n.rename("clients"), share], axis=1)
    out.index.name = "segment"
    out.columns.name = "product_line"
    out.attrs.update(long.attrs, targeted=targeted)
    return out


def maturity(data: Any, as_of: Any = None, horizon: Any = None, *, clients: str = "buying") -> pd.DataFrame:
    """Client maturity: targeted lines used / lines targeted (PL: dojrzałość klienta).

    The article *Working with clients*: "the degree of the client's maturity, defined as the
    ratio of the number of products used to the total number of products meant for it". Lines
    are counted as used when the client's net turnover in the line within the period is
    positive; lines it uses outside its group's portrait are counted apart (``other_lines``).

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`.
    as_of, horizon
        As :func:`~salesnb.segments.prepare` (None with prepared data).
    clients : {"buying", "all"}, default "buying"
        The clients listed: those with a settlement in the period, or every known client.

    Returns
    -------
    pandas.DataFrame
        Index ``customer_id`` (sorted); columns ``segment``, ``salesperson``,
        ``lines_targeted`` (lines the portrait means for its group), ``lines_used`` (of those,
        used), ``maturity`` (``lines_used / lines_targeted``, 0-1; NaN outside the target groups
        and for a group without lines), ``other_lines`` (lines used outside the portrait),
        ``turnover`` (net, in the period). Clients outside the target groups are listed too,
        without maturity.

    Raises
    ------
    ParameterError, DataError
        As :func:`coverage_long`.
    """
    fn = "salesnb.segments.maturity"
    clients = check_clients(clients, fn)
    d = prepare(data, as_of, horizon, function=fn)
    d.require_lines(fn)
    sel = np.flatnonzero(d.selected(clients))
    seg = d.segment[sel]
    inside = seg >= 0
    tgt = np.zeros((len(sel), len(d.lines)), dtype=bool)
    tgt[inside] = d.targeted[seg[inside]]
    used = d.used[sel]
    n_t = tgt.sum(axis=1)
    n_u = (used & tgt).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mat = np.where(inside & (n_t > 0), n_u / np.maximum(n_t, 1), np.nan)
    index = pd.Index(d.clients[sel], name="customer_id")
    out = pd.DataFrame({
        "segment": object_column(d.segment_ids()[sel], index),
        "salesperson": object_column(d.salesperson[sel], index),
        "lines_targeted": n_t.astype(np.int64),
        "lines_used": n_u.astype(np.int64),
        "maturity": mat,
        "other_lines": (used & ~tgt).sum(axis=1).astype(np.int64),
        "turnover": np.round(d.net[sel].sum(axis=1), 2),
    }, index=index)
    out.attrs.update(d.params, clients=clients)
    return out


def maturity_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Maturity by target group, in bands (PL: dojrzałość klientów według grup docelowych).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`maturity`.

    Returns
    -------
    pandas.DataFrame
        Index ``segment`` (the groups in the order of ``segments.yml``; clients outside the
        target groups left out); columns
        ``clients``, ``mean_maturity``, and the share of clients in each band of
        :data:`MATURITY_BANDS`: ``maturity_none`` (0), ``maturity_low`` (under 50%),
        ``maturity_high`` (50% or more, not all), ``maturity_full`` (100%).

    Raises
    ------
    ParameterError
        If ``table`` lacks the columns of :func:`maturity`.
    """
    from ..validation import check_frame

    check_frame("table", table, columns=("segment", "maturity"), function="salesnb.segments.maturity_summary",
                fix="pass the table salesnb.segments.maturity returns.")
    t = table[table["maturity"].notna()]
    m = t["maturity"].to_numpy(dtype=float)
    band = np.select([m <= 0, m < 0.5, m < 1], [0, 1, 2], 3)
    order = list(dict.fromkeys(t["segment"]))
    groups = table.attrs.get("groups")
    if groups:
        order = [g for g in groups if g in set(order)]
    counts = pd.crosstab(t["segment"].to_numpy(), band).reindex(index=order, columns=range(4), fill_value=0)
    n = counts.sum(axis=1)
    out = pd.DataFrame({"clients": n.to_numpy(dtype=np.int64),
                        "mean_maturity": t.groupby("segment")["maturity"].mean().reindex(order).to_numpy()},
                       index=pd.Index(order, name="segment"))
    for k, name in enumerate(MATURITY_BANDS):
        out[name] = (counts[k] / n.where(n > 0)).to_numpy()
    return out


def mean_maturity(table: pd.DataFrame) -> float | None:
    """The mean maturity of all target-group clients, one figure (PL: średnia dojrzałość klientów).

    The article *Working with clients* measures a client's maturity as the
    share of its group's portrait lines it uses; this is the mean over every client of every target
    group (each client counts once, whatever its group's size), the figure a summary across
    companies compares.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`maturity`.

    Returns
    -------
    float or None
        None when no client is in a target group.

    Raises
    ------
    ParameterError
        If ``table`` lacks the columns of :func:`maturity`.
    """
    from ..validation import check_frame

    check_frame("table", table, columns=("segment", "maturity"), function="salesnb.segments.mean_maturity",
                fix="pass the table salesnb.segments.maturity returns.")
    m = table["maturity"].dropna()
    return float(m.mean()) if len(m) else None
