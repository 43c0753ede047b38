"""The offer-state grid and the cross-sell list (PL: stan ofert produktowych i lista sprzedaży krzyżowej).

The article *Working with clients* describes the managed client process as a grid of clients
(grouped by target group) and the products targeted at them, each cell holding the state of the
offer: "not offered", "refused", "application, 25.02.2010", "contract signed 15.01.2011". It
shows "the current state of the sales process and of the use of the targeted products, and the
date of the next step if work is in progress", and it ends the salesperson's question "what else
should I sell this client?".

How a cell gets its state (this workbook's reading of the ``deals`` table; the article gives the
states, not the data behind them):

- **uses** (PL: korzysta): the client's net turnover in the line within the period of "used"
  (:func:`~salesnb.segments.prepare`) is positive; this beats every deal;
- otherwise the client's deals for that line (the optional ``deals.product_line`` column), opened
  by the as-of date T, in this precedence: **contract** > **application** > **refused** >
  **not offered**; the date shown is the latest deal's in the winning state:

  - a deal won by T is a **contract** (PL: umowa), dated ``closed_at`` (``opened_at`` if empty);
  - a deal still open at T (open, or won or lost after T) is an **application** (PL: wniosek),
    dated ``opened_at``; with ``contract_stage`` set (e.g. ``"agreement"``), an open deal that
    has reached that stage of the company's ``deal_stages`` counts as a contract already (dated
    ``opened_at``: the table keeps no date per stage);
  - a deal lost by T is a **refusal** (PL: odmowa), dated ``closed_at``, at any stage;
  - no deal for the line: **not offered** (PL: nie zaproponowano).

Deals without a product line, or for a line no group targets, do not enter the grid (counted in
``attrs``). A company whose ``deals`` have no ``product_line`` column gets "uses" and "not
offered" only.

The cross-sell list (:func:`cross_sell`) takes, per client, the targeted lines it does not use
and orders them by how often similar clients use them: clients of the same target group and the
same ABC class (the workbook's decision; a client without an ABC class, e.g. a lead, is compared
with its whole group), the client itself left out.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..abcxyz.ranking import ABC_CLASSES
from ..periods import as_of_instant
from ..validation import check_choice, check_frame
from .base import SegmentData, check_clients, object_column, prepare, table_of

__all__ = ["STATES", "cross_sell", "deal_states", "offer_grid"]

#: Offer states in order of precedence (PL: stany oferty): a cell shows the first that holds.
STATES = ("uses", "contract", "application", "refused", "not_offered")
_RANK = {"refused": 1, "application": 2, "contract": 3}
_STATE_DTYPE = pd.CategoricalDtype(list(STATES), ordered=True)


def deal_states(d: SegmentData, contract_stage: str | None = None,
                function: str = "salesnb.segments.deal_states") -> dict[str, Any]:
    """The winning deal state of every (client, product line) with a deal (PL: stan ofert z szans sprzedaży).

    Parameters
    ----------
    d : SegmentData
        From :func:`~salesnb.segments.prepare`.
    contract_stage : str, optional
        A stage of the company's ``deal_stages`` from which an open deal counts as a contract.
    function : str
        The public function, for messages.

    Returns
    -------
    dict
        ``keys`` (sorted ``client * n_lines + line``), ``state`` (codes into :data:`STATES`),
        ``date`` (datetime64), ``deal_id``, ``stage`` (stage reached) per key; ``counts``: deals
        read, used, without a product line, for a line not in the portrait, for an unknown
        client, opened after T; ``has_lines``: whether the deals name product lines.

    Raises
    ------
    ParameterError
        If ``contract_stage`` is not one of the company's deal stages.
    """
    deals = table_of(d.source, "deals")
    stages = tuple(table_of(d.source, "deal_stages") or ())
    if contract_stage is not None:
        if not stages and isinstance(deals, pd.DataFrame) and "stage_reached" in deals.columns:
            stages = tuple(pd.unique(deals["stage_reached"].dropna()))
        contract_stage = check_choice("contract_stage", contract_stage, stages, function=function,
                                      fix="name the stage at which a contract is signed, or None for won deals only.")
    empty = {"keys": np.array([], dtype=np.int64), "state": np.array([], dtype=np.int64),
             "date": np.array([], dtype="datetime64[ns]"), "deal_id": np.array([], dtype=object),
             "stage": np.array([], dtype=object)}
    counts = {"deals": 0, "deals_used": 0, "deals_without_line": 0, "deals_other_line": 0,
              "deals_unknown_client": 0, "deals_after_as_of": 0}
    if not isinstance(deals, pd.DataFrame) or not len(deals) \
            or not {"customer_id", "opened_at", "outcome"} <= set(deals.columns):
        return {**empty, "counts": counts, "has_lines": False}
    counts["deals"] = len(deals)
    if "product_line" not in deals.columns:
        counts["deals_without_line"] = len(deals)
        return {**empty, "counts": counts, "has_lines": False}
    T = as_of_instant(d.as_of)
    opened = _datetimes(deals["opened_at"])
    closed = _datetimes(deals["closed_at"]) if "closed_at" in deals.columns \
        else np.full(len(deals), np.datetime64("NaT"), dtype="datetime64[ns]")
    t = np.datetime64(T.value, "ns")
    outcome = _normalised(deals["outcome"])
    known = ~np.isnat(opened) & (opened <= t)
    counts["deals_after_as_of"] = int((~known).sum())
    done = ~np.isnat(closed) & (closed <= t)
    won = (outcome == "won") & (done | np.isnat(closed))
    lost = (outcome == "lost") & (done | np.isnat(closed))
    rank = np.where(won, _RANK["contract"], np.where(lost, _RANK["refused"], _RANK["application"]))
    stage = deals["stage_reached"].to_numpy(dtype=object) if "stage_reached" in deals.columns \
        else np.full(len(deals), None, dtype=object)
    if contract_stage is not None:
        at = {s: i for i, s in enumerate(stages)}
        reached = np.array([at.get(s, -1) for s in stage])
        rank = np.where((rank == _RANK["application"]) & (reached >= at[contract_stage]), _RANK["contract"], rank)
    date = np.where(rank == _RANK["application"], opened, np.where(np.isnat(closed) | ~done, opened, closed))
    line = _positions(deals["product_line"], d.lines)
    no_line = deals["product_line"].isna().to_numpy()
    targeted_any = d.targeted.any(axis=0)
    line_ok = (line >= 0) & targeted_any[np.maximum(line, 0)]
    client = _positions(deals["customer_id"], d.clients)  # each distinct id looked up once
    counts["deals_without_line"] = int((known & no_line).sum())
    counts["deals_other_line"] = int((known & ~no_line & ~line_ok).sum())
    counts["deals_unknown_client"] = int((known & line_ok & (client < 0)).sum())
    keep = known & line_ok & (client >= 0)
    counts["deals_used"] = int(keep.sum())
    if not keep.any():
        return {**empty, "counts": counts, "has_lines": True}
    L = len(d.lines)
    key = client[keep].astype(np.int64) * L + line[keep]
    r, dt = rank[keep], date[keep]
    ids = deals["deal_id"].to_numpy(dtype=object)[keep] if "deal_id" in deals.columns \
        else np.full(int(keep.sum()), None, dtype=object)
    # last of each key: the highest state, then the latest day (one sort of a packed key when it fits)
    day = dt.astype("datetime64[D]").astype(np.int64)
    day -= day.min()
    if int(key.max()) < 2**40 and int(day.max()) < 2**20:
        order = np.argsort((key << 22) | (r.astype(np.int64) << 20) | day, kind="stable")
    else:
        order = np.lexsort((dt.astype(np.int64), r, key))
    key, r, dt, ids, st = key[order], r[order], dt[order], ids[order], stage[keep][order]
    last = np.r_[key[1:] != key[:-1], True]
    state = np.array([0, STATES.index("refused"), STATES.index("application"), STATES.index("contract")])[r[last]]
    return {"keys": key[last], "state": state, "date": dt[last], "deal_id": ids[last], "stage": st[last],
            "counts": counts, "has_lines": True}


def _datetimes(col: pd.Series) -> np.ndarray:
    """A date column as datetime64[ns] (text parsed, unreadable values NaT)."""
    if pd.api.types.is_datetime64_any_dtype(col.dtype) and getattr(col.dt, "tz", None) is None:
        return col.to_numpy(dtype="datetime64[ns]")
    return pd.to_datetime(col, errors="coerce").to_numpy(dtype="datetime64[ns]")


def _normalised(col: pd.Series) -> np.ndarray:
    """Text without surrounding spaces, lower case; each distinct value handled once."""
    codes, uniques = pd.factorize(col)
    words = np.array([str(u).strip().lower() for u in uniques] + [""], dtype=object)
    return words[codes]


def _positions(col: pd.Series, index: pd.Index) -> np.ndarray:
    """Position of each value in ``index`` (-1 if absent or missing); each distinct value looked up once."""
    codes, uniques = pd.factorize(col)
    where = np.append(index.get_indexer(pd.Index(np.asarray(uniques, dtype=object))), -1)
    return where[codes]


def _check_salesperson(d: SegmentData, salesperson: Any, function: str) -> Any:
    if salesperson is None:
        return None
    names = sorted(set(d.salesperson))
    return check_choice("salesperson", salesperson, names, function=function, ignore_case=False,
                        fix="name one of the sales managers of the customers table, or None for all.")


def _pairs(d: SegmentData, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(client, line) of every targeted line of the given clients (all inside a target group)."""
    tg = d.targeted[d.segment[rows]]
    r, li = np.nonzero(tg)
    return rows[r], li


def _states(d: SegmentData, ci: np.ndarray, li: np.ndarray, ds: dict[str, Any]) -> dict[str, np.ndarray]:
    L = len(d.lines)
    key = ci.astype(np.int64) * L + li
    n = len(key)
    state = np.full(n, STATES.index("not_offered"), dtype=np.int64)
    date = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    deal_id = np.full(n, None, dtype=object)
    stage = np.full(n, None, dtype=object)
    if len(ds["keys"]):
        pos = np.clip(np.searchsorted(ds["keys"], key), 0, len(ds["keys"]) - 1)
        hit = ds["keys"][pos] == key
        state[hit] = ds["state"][pos[hit]]
        date[hit] = ds["date"][pos[hit]]
        deal_id[hit] = ds["deal_id"][pos[hit]]
        stage[hit] = ds["stage"][pos[hit]]
    uses = d.used[ci, li]
    state[uses] = STATES.index("uses")
    date[uses] = np.datetime64("NaT")
    deal_id[uses] = None
    stage[uses] = None
    return {"state": state, "date": date, "deal_id": deal_id, "stage": stage}


def offer_grid(data: Any, as_of: Any = None, horizon: Any = None, *, salesperson: Any = None,
               clients: str = "all", contract_stage: str | None = None) -> pd.DataFrame:
    """The offer state of every targeted product line of every client (PL: stan ofert produktowych).

    The managed-process view of the article *Working with clients*: per client of a target group
    and per product line its group's portrait targets, whether the client uses it, has signed a
    contract, has an application in progress, refused, or was never offered it (the rules in the
    module docstring).

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`; ``deals`` (with ``product_line``) and
        ``deal_stages`` are read from it.
    as_of, horizon
        As :func:`~salesnb.segments.prepare` (None with prepared data).
    salesperson : str, optional
        Only the clients this sales manager looks after (``customers.salesperson``).
    clients : {"all", "buying"}, default "all"
        Every known client of the target groups (leads with an application or a refusal
        included), or only those with a settlement in the period.
    contract_stage : str, optional
        A stage of ``deal_stages`` from which an open deal counts as a contract (default: only
        won deals are contracts).

    Returns
    -------
    pandas.DataFrame
        One row per (client, targeted line), clients sorted by target group then id:
        ``customer_id``, ``segment``, ``salesperson``, ``product_line``, ``state`` (ordered
        categorical over :data:`STATES`), ``date`` (of the deal behind the state; empty for
        "uses" and "not offered"), ``deal_id``, ``stage`` (stage reached), ``turnover`` (net, in
        the period). ``attrs`` holds the parameters and the deal counts (read, used, without a
        line, for another line, unknown client, opened after T) and ``deal_lines`` (whether the
        deals name product lines).

    Raises
    ------
    ParameterError
        For an unknown ``salesperson`` or ``contract_stage``, ``clients`` not allowed, or as
        :func:`~salesnb.segments.prepare`.
    DataError
        If the transactions name no product lines, or as :func:`~salesnb.segments.prepare`.
    """
    fn = "salesnb.segments.offer_grid"
    clients = check_clients(clients, fn)
    d = prepare(data, as_of, horizon, function=fn)
    d.require_lines(fn)
    salesperson = _check_salesperson(d, salesperson, fn)
    ds = deal_states(d, contract_stage, fn)
    sel = d.selected(clients) & (d.segment >= 0)
    if salesperson is not None:
        sel &= d.salesperson == salesperson
    rows = np.flatnonzero(sel)
    rows = rows[np.lexsort((rows, d.segment[rows]))]
    ci, li = _pairs(d, rows)
    st = _states(d, ci, li, ds)
    out = pd.DataFrame({
        "customer_id": object_column(np.asarray(d.clients, dtype=object)[ci]),
        "segment": object_column(np.array(d.groups, dtype=object)[d.segment[ci]]),
        "salesperson": object_column(d.salesperson[ci]),
        "product_line": object_column(np.asarray(d.lines, dtype=object)[li]),
        "state": pd.Categorical.from_codes(st["state"], dtype=_STATE_DTYPE),
        "date": pd.to_datetime(st["date"]),
        "deal_id": object_column(st["deal_id"]),
        "stage": object_column(st["stage"]),
        "turnover": np.round(d.net[ci, li], 2),
    })
    out.attrs.update(d.params, clients=clients, salesperson=salesperson, contract_stage=contract_stage,
                     deal_lines=ds["has_lines"], **ds["counts"])
    return out


def cross_sell(data: Any, as_of: Any = None, horizon: Any = None, *, salesperson: Any = None,
               clients: str = "buying", contract_stage: str | None = None,
               abc_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """What else to sell each client, best first (PL: lista sprzedaży krzyżowej, co jeszcze sprzedać).

    The article *Working with clients*: the segment x product matrix "once and for all removes
    the salesperson's question: what else should I sell this client?". Per client, the lines its
    target group's portrait means for it and it does not use yet, ranked by the share of similar
    clients (same target group, same ABC class; the client itself left out) that use them; ties
    by the share in the whole group, then the portrait's order. Each line carries its offer
    state, so a refusal or an application in progress is seen before the call.

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`.
    as_of, horizon
        As :func:`~salesnb.segments.prepare` (None with prepared data).
    salesperson : str, optional
        Only this sales manager's clients: the to-do list of one salesperson.
    clients : {"buying", "all"}, default "buying"
        The clients listed and compared: those with a settlement in the period (a lead or a lost
        client needs winning, not cross-selling), or every known client.
    contract_stage : str, optional
        As :func:`offer_grid`.
    abc_table : pandas.DataFrame, optional
        A :func:`salesnb.abcxyz.abc_xyz` table for the ABC classes; default computed with the
        company's parameters at the same as-of date and horizon.

    Returns
    -------
    pandas.DataFrame
        One row per (client, line not used): ``salesperson``, ``customer_id``, ``name`` (the
        client's name from ``customers``, None without one), ``segment``,
        ``abc``, ``product_line``, ``rank`` (1 = the strongest suggestion for the client),
        ``peer_share`` (share of similar clients using the line; NaN without any),
        ``peers`` (how many similar clients), ``segment_share`` (share of the group's other
        clients using it), ``state``, ``date``, ``client_turnover`` (the client's net turnover in
        the period). Sorted by sales manager, ABC class (A first, unclassed last), client
        turnover (largest first), client id and rank.

    Raises
    ------
    ParameterError
        For an unknown ``salesperson`` or ``contract_stage``, ``clients`` or ``abc_table`` not
        allowed, or as :func:`~salesnb.segments.prepare`.
    DataError
        If the transactions name no product lines, or as :func:`~salesnb.segments.prepare`.
    """
    fn = "salesnb.segments.cross_sell"
    clients = check_clients(clients, fn)
    d = prepare(data, as_of, horizon, function=fn)
    d.require_lines(fn)
    salesperson = _check_salesperson(d, salesperson, fn)
    abc = abc_codes(d, abc_table, fn)
    ds = deal_states(d, contract_stage, fn)
    G, L = len(d.groups), len(d.lines)
    pop = d.selected(clients) & (d.segment >= 0)
    # users and clients per (group, ABC class or none) and per group, among the population
    cls = abc + 1  # 0: no class
    gk = d.segment[pop] * 4 + cls[pop]
    n_gk = np.bincount(gk, minlength=G * 4)
    n_g = np.bincount(d.segment[pop], minlength=G)
    u_gk = np.zeros((G * 4, L))
    u_g = np.zeros((G, L))
    for j in range(L):
        u_gk[:, j] = np.bincount(gk, weights=d.used[pop, j], minlength=G * 4)
        u_g[:, j] = np.bincount(d.segment[pop], weights=d.used[pop, j], minlength=G)
    rows = np.flatnonzero(pop if salesperson is None else pop & (d.salesperson == salesperson))
    ci, li = _pairs(d, rows)
    free = ~d.used[ci, li]
    ci, li = ci[free], li[free]
    g = d.segment[ci]
    k = g * 4 + cls[ci]
    with np.errstate(invalid="ignore", divide="ignore"):
        seg_share = np.where(n_g[g] > 1, u_g[g, li] / (n_g[g] - 1), np.nan)
        peers = np.where(cls[ci] > 0, n_gk[k] - 1, n_g[g] - 1)
        peer_users = np.where(cls[ci] > 0, u_gk[k, li], u_g[g, li])
        peer_share = np.where(peers > 0, peer_users / np.maximum(peers, 1), np.nan)
    # rank within the client: peer share, then group share (missing last), then the portrait's order
    order = np.lexsort((li, np.nan_to_num(-seg_share, nan=np.inf), np.nan_to_num(-peer_share, nan=np.inf), ci))
    ci, li, g = ci[order], li[order], g[order]
    peer_share, peers, seg_share = peer_share[order], peers[order], seg_share[order]
    start = np.r_[True, ci[1:] != ci[:-1]]
    idx = np.arange(len(ci))
    rank = idx - np.maximum.accumulate(np.where(start, idx, 0)) + 1
    st = _states(d, ci, li, ds)
    turnover = np.round(d.net.sum(axis=1), 2)
    abc_text = np.array([*ABC_CLASSES, None], dtype=object)[np.where(abc[ci] >= 0, abc[ci], len(ABC_CLASSES))]
    out = pd.DataFrame({
        "salesperson": d.salesperson[ci],
        "customer_id": np.asarray(d.clients, dtype=object)[ci],
        "name": d.name[ci] if d.name is not None else np.full(len(ci), None, dtype=object),
        "segment": np.array(d.groups, dtype=object)[g],
        "abc": abc_text,
        "product_line": np.asarray(d.lines, dtype=object)[li],
        "rank": rank.astype(np.int64),
        "peer_share": peer_share,
        "peers": peers.astype(np.int64),
        "segment_share": seg_share,
        "state": pd.Categorical.from_codes(st["state"], dtype=_STATE_DTYPE),
        "date": pd.to_datetime(st["date"]),
        "client_turnover": turnover[ci],
    })
    abc_sort = np.where(abc[ci] >= 0, abc[ci], len(ABC_CLASSES))
    sp_codes, _ = pd.factorize(out["salesperson"], sort=True)
    final = np.lexsort((rank, ci, -turnover[ci], abc_sort, sp_codes))
    out = out.iloc[final].reset_index(drop=True)
    out.attrs.update(d.params, clients=clients, salesperson=salesperson, contract_stage=contract_stage,
                     deal_lines=ds["has_lines"])
    return out


def abc_codes(d: SegmentData, abc_table: pd.DataFrame | None, function: str) -> np.ndarray:
    """The ABC class of every client as a code (PL: klasa ABC klientów): 0 A, 1 B, 2 C, -1 none.

    Parameters
    ----------
    d : SegmentData
        From :func:`~salesnb.segments.prepare`.
    abc_table : pandas.DataFrame or None
        A :func:`salesnb.abcxyz.abc_xyz` table; None computes it with the company's parameters at
        ``d``'s as-of date and horizon.
    function : str
        The public function, for messages.

    Returns
    -------
    numpy.ndarray of int

    Raises
    ------
    ParameterError
        If ``abc_table`` has no ``abc`` column.
    """
    cls = abc_table_for(d, abc_table, function)["abc"].astype(object)
    lookup = {c: i for i, c in enumerate(ABC_CLASSES)}
    return np.array([lookup.get(x, -1) for x in cls.to_numpy()], dtype=np.int64)


def abc_table_for(d: SegmentData, abc_table: pd.DataFrame | None, function: str,
                  columns: tuple[str, ...] = ("abc",)) -> pd.DataFrame:
    """The ABC/XYZ table given or computed, checked, one row per prepared client (PL: klasy ABC/XYZ klientów).

    Parameters
    ----------
    d : SegmentData
        From :func:`~salesnb.segments.prepare`.
    abc_table : pandas.DataFrame or None
        A :func:`salesnb.abcxyz.abc_xyz` table; None computes it (:func:`abc_table_of`).
    function : str
        The public function, for messages.
    columns : tuple of str, default ("abc",)
        The columns the caller reads.

    Returns
    -------
    pandas.DataFrame
        Reindexed to ``d.clients`` (a client the table lacks has an empty row).

    Raises
    ------
    ParameterError
        If ``abc_table`` is not a DataFrame holding ``columns``.
    """
    if abc_table is None:
        abc_table = abc_table_of(d)
    check_frame("abc_table", abc_table, columns=columns, function=function,
                fix="pass salesnb.abcxyz.abc_xyz(company), or None to compute it.")
    return abc_table.reindex(pd.Index(d.clients, dtype=object))


def abc_table_of(d: SegmentData) -> pd.DataFrame:
    """The ABC/XYZ table of the prepared company at its as-of date and horizon (PL: tabela ABC/XYZ).

    Parameters
    ----------
    d : SegmentData
        From :func:`~salesnb.segments.prepare`.

    Returns
    -------
    pandas.DataFrame
        :func:`salesnb.abcxyz.abc_xyz` with the company's parameters, ``as_of`` and the same
        horizon as the period of "used".
    """
    from ..abcxyz import abc_xyz

    src = d.source
    horizon = d.horizon if d.horizon is not None else "all"
    if isinstance(src, dict):
        return abc_xyz(src["transactions"], as_of=d.as_of, horizon=horizon, customers=src.get("customers"))
    return abc_xyz(src, as_of=d.as_of, horizon=horizon)
