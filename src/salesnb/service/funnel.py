"""The sales funnel by stage (PL: lejek sprzedaży): counts, conversion, refusals and time per stage.

*Working with clients* formalises the stages of the sales process (the event agency's:
presentation, offer, agreement, payment, event, closing) and asks for the deals that stop at each
stage: "the analysis of clients' refusals by the stages of the sale" shows which stage is the
hardest and why. The company lists its own stages in ``company.yml`` (``deal_stages``).

Rules (this workbook's decisions where the article is silent, pinned by ``tests/test_service.py``):

- a deal **reached** every stage up to ``stage_reached``; a **won** deal went through every stage;
  a **lost** deal stopped at its ``refusal_stage`` (or, without one, at the stage it reached);
- **conversion** at a stage = the deals that moved on / the deals decided there (reached it and
  are no longer open at it), so deals still open do not count as lost; the last stage's
  conversion is the won share of the deals decided there;
- a lost deal whose ``refusal_stage`` differs from its ``stage_reached`` contradicts itself: it
  is left out of the funnel and listed by :func:`salesnb.service.data_checks`; a stage outside
  ``deal_stages`` or an outcome other than won/lost/open is an error naming the rows;
- **who a deal belongs to**: the funnel credits a deal to the ``salesperson`` written on the deal
  (the person who worked it); every other service table credits a client's answers, enquiries
  and control points to the client's sales manager (:func:`~salesnb.service.setup.client_managers`).
  The two differ when a salesperson works a deal for a client someone else manages;
  :func:`deal_attribution` counts those deals so the tables can be read side by side;
- **time per stage**: with a date column per stage (``offer_at`` ...), the days between entering
  a stage and entering the next one (or closing); without them, the days from opening to closing,
  kept apart for the deals refused at each stage (days to refusal) and the won deals, which all
  went through the last stage (days to win), so no column mixes the two.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, Problem
from ..periods import local_dates
from ..validation import check_choice
from .setup import UNASSIGNED, Inputs, client_managers, inputs, owners, settings

__all__ = ["FUNNEL_BY", "OUTCOMES", "Deals", "deal_attribution", "funnel", "prepare_deals", "refusals", "stage_times"]

#: What the funnel can be broken down by.
FUNNEL_BY = ("salesperson", "product_line")
#: Deal outcomes, in code order.
OUTCOMES = ("won", "lost", "open")
_NAT = np.iinfo(np.int64).min


@dataclass
class Deals:
    """The deals as arrays, checked once (PL: szanse sprzedaży przygotowane).

    Attributes
    ----------
    frame : pandas.DataFrame
        The deals table.
    stages : tuple of str
        The sales stages in order.
    reached : numpy.ndarray of int64
        Per deal: the last stage it went through (a won deal: the last stage).
    outcome : numpy.ndarray of int64
        Codes into :data:`OUTCOMES`.
    refusal : numpy.ndarray of int64
        Per lost deal: the stage it stopped at; -1 otherwise.
    valid : numpy.ndarray of bool
        Deals the funnel counts (contradicting lost deals left out).
    issues : dict
        Check name -> boolean mask of the deals it concerns (for the data checks).
    """

    frame: pd.DataFrame
    stages: tuple[str, ...]
    reached: np.ndarray
    outcome: np.ndarray
    refusal: np.ndarray
    valid: np.ndarray
    issues: dict


def _stage_codes(values: pd.Series, stages: tuple[str, ...]) -> np.ndarray:
    names = pd.Index(stages, dtype=object)
    if isinstance(values.dtype, pd.CategoricalDtype):
        m = np.append(names.get_indexer(values.cat.categories.astype(object)), -2)
        codes = m[values.cat.codes.to_numpy()]
        codes[values.isna().to_numpy()] = -2
        return codes.astype(np.int64)
    obj = values.astype(object)
    codes = names.get_indexer(obj.where(obj.notna(), None)).astype(np.int64)
    codes[obj.isna().to_numpy()] = -2
    return codes


def prepare_deals(inp: Inputs, *, strict: bool = True) -> Deals:
    """Check and encode the deals once (PL: przygotowanie szans sprzedaży).

    Parameters
    ----------
    inp : Inputs
        The tables (``deals`` and ``deal_stages``).
    strict : bool, default True
        Raise for stages outside the sequence and unknown outcomes; ``False`` only marks them
        (for the data-checks table) and leaves those deals out.

    Returns
    -------
    Deals

    Raises
    ------
    DataError
        With ``strict``: stages not in ``deal_stages`` or outcomes other than won/lost/open,
        naming the rows and values.
    """
    d = inp.deals
    stages = inp.deal_stages
    reached = _stage_codes(d["stage_reached"], stages)
    refusal_given = (_stage_codes(d["refusal_stage"], stages) if "refusal_stage" in d.columns
                     else np.full(len(d), -2, dtype=np.int64))
    outcome_text = d["outcome"].astype(object).where(d["outcome"].notna(), None).map(
        lambda v: str(v).strip().lower() if v is not None else None)
    outcome = pd.Index(OUTCOMES).get_indexer(outcome_text).astype(np.int64)
    issues = {
        "stage_not_in_sequence": (reached == -1) | (refusal_given == -1) | (reached == -2),
        "outcome_unknown": outcome < 0,
    }
    if strict:
        problems = []
        for mask, column, values, what in (
                ((reached < 0), "stage_reached", d["stage_reached"], f"stage not in deal_stages ({', '.join(stages)})"),
                ((refusal_given == -1), "refusal_stage", d.get("refusal_stage"),
                 f"stage not in deal_stages ({', '.join(stages)})"),
                ((outcome < 0), "outcome", d["outcome"], "outcome must be won, lost or open")):
            if mask.any():
                problems.append(Problem("deals", what + "; these deals are not counted anywhere.", column=column,
                                        rows=list(d.index[mask][:10]),
                                        values=list(pd.unique(values[mask].astype(object)))[:10],
                                        fix="use the company's stage names (deal_stages in company.yml) and "
                                            "won/lost/open."))
        if problems:
            raise DataError(problems)
    won, lost = outcome == 0, outcome == 1
    stopped = np.where(refusal_given >= 0, refusal_given, reached)
    issues["refusal_stage_contradicts"] = lost & (refusal_given >= 0) & (reached >= 0) & (refusal_given != reached)
    issues["lost_without_refusal_stage"] = lost & (refusal_given == -2) & (reached >= 0)
    issues["won_before_last_stage"] = won & (reached >= 0) & (reached < len(stages) - 1)
    eff = np.where(won, len(stages) - 1, np.where(lost, stopped, reached))
    valid = ~(issues["stage_not_in_sequence"] | issues["outcome_unknown"] | issues["refusal_stage_contradicts"])
    return Deals(d, stages, eff.astype(np.int64), outcome, np.where(lost & valid, stopped, -1).astype(np.int64),
                 valid, issues)


def _groups(deals: Deals, by: Any, function: str) -> tuple[np.ndarray, pd.Index | None]:
    if by is None:
        return np.zeros(len(deals.frame), dtype=np.int64), None
    key = check_choice("by", by, FUNNEL_BY, function=function)
    if key not in deals.frame.columns:
        raise DataError(Problem("deals", f"the deals have no {key} column.", column=key,
                                fix=f"add {key} to deals.csv, or leave by=None."))
    values = deals.frame[key].astype(object).where(deals.frame[key].notna(), UNASSIGNED)
    codes, names = pd.factorize(values, sort=True)
    names = pd.Index([*(n for n in names if n != UNASSIGNED), *([UNASSIGNED] if UNASSIGNED in set(names) else [])],
                     dtype=object, name=key)
    return names.get_indexer(values).astype(np.int64), names


def funnel(data: Any, by: Any = None, *, stages: Any = None) -> pd.DataFrame:
    """Deals per stage of the sales process and the conversion between stages (PL: lejek sprzedaży).

    The sales funnel of *Working with clients*: how many deals reached each of the company's
    stages, how many are still open there, how many stopped there, and the share of the deals
    decided at a stage that moved on (see the module docstring).

    Parameters
    ----------
    data : Company, dict or pandas.DataFrame
        A loaded company, a dict of tables, or the ``deals`` table.
    by : {None, "salesperson", "product_line"}, default None
        One funnel per salesperson or product line (a column of ``deals``).
    stages : sequence of str, optional
        The stages in order; default the company's ``deal_stages``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``stage`` (ordered categorical), or by (``by``, ``stage``): ``reached``,
        ``open``, ``lost``, ``moved_on``, ``conversion``, ``share_of_start``. ``attrs``:
        ``stages``, ``deals``, ``won``, ``lost``, ``open``, ``win_rate`` (won / decided),
        ``left_out`` (contradicting deals).

    Raises
    ------
    ParameterError
        For a ``by`` or ``stages`` that is not allowed, or a ``data`` without the deals' columns.
    DataError
        For stages outside the sequence, unknown outcomes, or a ``by`` column the deals lack.
    """
    fn = "salesnb.service.funnel"
    inp = inputs(data, "deals", fn, stages=stages)
    deals = prepare_deals(inp)
    g, names = _groups(deals, by, fn)
    S = len(deals.stages)
    n = 1 if names is None else len(names)
    v = deals.valid
    gv, rv, ov = g[v], deals.reached[v], deals.outcome[v]
    reach_at = np.bincount(gv * S + rv, minlength=n * S).reshape(n, S)
    reached = np.cumsum(reach_at[:, ::-1], axis=1)[:, ::-1]  # reached stage j = stopped at j or later
    open_ = np.bincount(gv[ov == 2] * S + rv[ov == 2], minlength=n * S).reshape(n, S)
    lost = np.bincount(gv[ov == 1] * S + rv[ov == 1], minlength=n * S).reshape(n, S)
    decided = reached - open_
    moved = decided - lost
    with np.errstate(invalid="ignore", divide="ignore"):
        conversion = np.where(decided > 0, moved / np.where(decided > 0, decided, 1), np.nan)
        start = reached[:, :1]
        share = np.where(start > 0, reached / np.where(start > 0, start, 1), np.nan)
    stage_index = pd.CategoricalIndex(deals.stages, categories=list(deals.stages), ordered=True, name="stage")
    if names is None:
        index = stage_index
    else:
        index = pd.MultiIndex.from_product([names, stage_index], names=[names.name, "stage"])
    out = pd.DataFrame({"reached": reached.ravel(), "open": open_.ravel(), "lost": lost.ravel(),
                        "moved_on": moved.ravel(), "conversion": conversion.ravel(), "share_of_start": share.ravel()},
                       index=index)
    won, lost_n, open_n = int((ov == 0).sum()), int((ov == 1).sum()), int((ov == 2).sum())
    out.attrs.update(stages=list(deals.stages), deals=int(v.sum()), won=won, lost=lost_n, open=open_n,
                     win_rate=won / (won + lost_n) if won + lost_n else float("nan"), left_out=int((~v).sum()))
    return out


def refusals(data: Any, by: Any = None, *, stages: Any = None) -> pd.DataFrame:
    """Lost deals by the stage where the client refused, and why (PL: odmowy klientów według etapów).

    *Working with clients*: the deal can stop at any stage; refusals analysed by stage show what
    to change in the sales team, the marketing or the product.

    Parameters
    ----------
    data : Company, dict or pandas.DataFrame
        A loaded company, a dict of tables, or the ``deals`` table.
    by : {None, "salesperson", "product_line"}, default None
        Break the refusals down further.
    stages : sequence of str, optional
        The stages in order; default the company's.

    Returns
    -------
    pandas.DataFrame
        One row per (``by``,) ``refusal_stage`` and ``refusal_reason`` (empty reason: None),
        stages in order, the most frequent reason first: ``deals``, ``share_of_stage`` (of the
        stage's refusals), ``share_of_refusals`` (of all), and ``amount`` when the deals have
        one.

    Raises
    ------
    ParameterError
        As :func:`funnel`.
    DataError
        As :func:`funnel`.
    """
    fn = "salesnb.service.refusals"
    inp = inputs(data, "deals", fn, stages=stages)
    deals = prepare_deals(inp)
    g, names = _groups(deals, by, fn)
    lost = deals.refusal >= 0
    d = deals.frame
    reason = (d["refusal_reason"].astype(object).where(d["refusal_reason"].notna(), None)
              if "refusal_reason" in d.columns else pd.Series(None, index=d.index, dtype=object))
    rows = pd.DataFrame({"refusal_stage": pd.Categorical.from_codes(deals.refusal[lost], categories=list(deals.stages),
                                                                    ordered=True),
                         "refusal_reason": reason[lost].fillna("-").to_numpy(),
                         "amount": d["amount"].to_numpy(dtype=float, na_value=np.nan)[lost] if "amount" in d.columns
                         else np.nan})
    keys = ["refusal_stage", "refusal_reason"]
    if names is not None:
        rows.insert(0, names.name, pd.Categorical.from_codes(g[lost], categories=names))
        keys = [names.name, *keys]
    agg = rows.groupby(keys, observed=True, sort=False).agg(deals=("refusal_reason", "size"), amount=("amount", "sum"))
    agg = agg.reset_index()
    stage_key = keys[:-1]
    agg["share_of_stage"] = agg["deals"] / agg.groupby(stage_key, observed=True)["deals"].transform("sum")
    agg["share_of_refusals"] = agg["deals"] / agg["deals"].sum() if len(agg) else np.nan
    agg = agg.sort_values([*stage_key, "deals", "refusal_reason"], ascending=[True] * len(stage_key) + [False, True],
                          kind="stable")
    agg["refusal_reason"] = agg["refusal_reason"].replace("-", None)
    cols = [*keys, "deals", "share_of_stage", "share_of_refusals"] + (["amount"] if "amount" in d.columns else [])
    out = agg[cols].reset_index(drop=True)
    out.attrs.update(stages=list(deals.stages), refusals=int(lost.sum()))
    return out


def stage_times(data: Any, by: Any = None, *, as_of: Any = None, stages: Any = None) -> pd.DataFrame:
    """Days spent per stage of the sales process (PL: czas na poszczególnych etapach sprzedaży).

    The stages of *Working with clients* are small processes of their own, each with its control
    points; the time a deal spends in each shows where it waits. See the module docstring for
    how it is measured with and without a date per stage.

    Parameters
    ----------
    data : Company, dict or pandas.DataFrame
        A loaded company, a dict of tables, or the ``deals`` table (``opened_at``, optional
        ``closed_at`` and ``<stage>_at`` date columns).
    by : {None, "salesperson", "product_line"}, default None
        Break the times down further.
    as_of : date-like, optional
        T, for the deals still open; default the company's as-of date.
    stages : sequence of str, optional
        The stages in order; default the company's.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``by``,) ``stage``. With stage dates: ``deals`` (measured), ``days_in_stage``
        (median), ``days_in_stage_mean``; without: ``lost`` (closed deals refused at the stage),
        ``days_to_refusal`` (their median days from opening to closing), ``days_to_refusal_mean``,
        ``won`` (won deals, at the last stage only), ``days_to_win`` (median), ``days_to_win_mean``.
        Both: ``open`` (deals open at the stage) and ``open_days`` (their median days there so
        far, or since opening). ``attrs["basis"]``: "stage_dates" or "opened_to_closed".

    Raises
    ------
    ParameterError
        As :func:`funnel`.
    DataError
        As :func:`funnel`; deals without an opening date.
    """
    fn = "salesnb.service.stage_times"
    inp = inputs(data, "deals", fn, stages=stages)
    st = settings(inp, fn, as_of=as_of)
    deals = prepare_deals(inp)
    g, names = _groups(deals, by, fn)
    d = deals.frame
    S = len(deals.stages)
    day = 86_400 * 10**9

    def ns(col: str) -> np.ndarray:
        if col not in d.columns:
            return np.full(len(d), _NAT, dtype=np.int64)
        return local_dates(d[col], col, "deals").to_numpy("datetime64[ns]").view(np.int64)

    opened, closed = ns("opened_at"), ns("closed_at")
    entered = np.stack([ns(f"{s}_at") for s in deals.stages], axis=1)  # deals x stages
    basis = "stage_dates" if (entered != _NAT).any() else "opened_to_closed"
    v = deals.valid & (opened != _NAT)
    t = st.day.value  # whole days to T's day
    is_open = deals.outcome == 2
    n = 1 if names is None else len(names)
    rows_g, rows_s, rows_days, open_g, open_s, open_days = [], [], [], [], [], []
    if basis == "stage_dates":
        entered[:, 0] = np.where(entered[:, 0] == _NAT, opened, entered[:, 0])
        for j in range(S):
            here = v & (entered[:, j] != _NAT) & (deals.reached >= j)
            nxt = entered[:, j + 1] if j + 1 < S else np.full(len(d), _NAT, dtype=np.int64)
            leave = np.where((deals.reached > j) & (nxt != _NAT), nxt,
                             np.where((deals.reached == j) & ~is_open, closed, _NAT))
            done = here & (leave != _NAT) & (leave >= entered[:, j])
            rows_g.append(g[done])
            rows_s.append(np.full(done.sum(), j))
            rows_days.append((leave[done] - entered[done, j]) / day)
            still = here & is_open & (deals.reached == j)
            open_g.append(g[still])
            open_s.append(np.full(still.sum(), j))
            open_days.append((t - entered[still, j]) / day)
    else:
        done = v & ~is_open & (closed != _NAT) & (closed >= opened)
        still = v & is_open
        open_g, open_s, open_days = [g[still]], [deals.reached[still]], [(t - opened[still]) / day]
    og, os_, od = (np.concatenate(x) if x else np.zeros(0) for x in (open_g, open_s, open_days))
    k = np.arange(n * S)

    def stats(groups: np.ndarray, stage: np.ndarray, days: np.ndarray, what: tuple) -> pd.DataFrame:
        frame = pd.DataFrame({"k": (groups * S + stage).astype(np.int64), "x": days})
        return frame.groupby("k")["x"].agg(list(what)).reindex(k)

    columns: dict[str, np.ndarray] = {}
    if basis == "stage_dates":
        cg, cs, cd = (np.concatenate(x) if x else np.zeros(0) for x in (rows_g, rows_s, rows_days))
        st_ = stats(cg, cs, cd, ("size", "median", "mean"))
        columns.update(deals=st_["size"].fillna(0).to_numpy(np.int64), days_in_stage=st_["median"].to_numpy(),
                       days_in_stage_mean=st_["mean"].to_numpy())
    else:
        for outcome, count_col, name in ((1, "lost", "days_to_refusal"), (0, "won", "days_to_win")):
            sel = done & (deals.outcome == outcome)
            st_ = stats(g[sel], deals.reached[sel], (closed[sel] - opened[sel]) / day, ("size", "median", "mean"))
            columns.update({count_col: st_["size"].fillna(0).to_numpy(np.int64), name: st_["median"].to_numpy(),
                            f"{name}_mean": st_["mean"].to_numpy()})
    open_stats = stats(og, os_, od, ("size", "median"))
    columns.update(open=open_stats["size"].fillna(0).to_numpy(np.int64), open_days=open_stats["median"].to_numpy())
    stage_index = pd.CategoricalIndex(deals.stages, categories=list(deals.stages), ordered=True, name="stage")
    index = stage_index if names is None else pd.MultiIndex.from_product([names, stage_index],
                                                                         names=[names.name, "stage"])
    out = pd.DataFrame(columns, index=index)
    out.attrs.update(basis=basis, as_of=st.day, stages=list(deals.stages))
    return out


def deal_attribution(data: Any, *, as_of: Any = None) -> pd.DataFrame:
    """Deals per salesperson against the clients each manages (PL: przypisanie szans do handlowców).

    The funnel credits a deal to the salesperson on the deal; the other tables credit a client to
    its sales manager (see the module docstring). This table shows, for each salesperson named on
    a deal or managing a client, how many deals were with his or her own clients and how many with
    clients another person manages, so a salesperson who works deals but manages no client (and is
    therefore absent from the per-manager tables) is explained, not hidden.

    Parameters
    ----------
    data : Company or dict
        A loaded company or a dict of tables with ``deals`` (``customer_id`` and ``salesperson``
        optional; without ``salesperson`` every deal is the client's manager's).
    as_of : date-like, optional
        T, for the managers taken from transactions; default the company's as-of date.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``salesperson`` (names in order, :data:`~salesnb.service.setup.UNASSIGNED`
        last): ``deals``, ``own_client_deals``, ``other_manager_deals`` (deals whose client has
        another manager, or none), ``managed_clients``.

    Raises
    ------
    ParameterError
        For a ``data`` without the deals' columns.
    DataError
        If the company has no deals table.
    """
    fn = "salesnb.service.deal_attribution"
    inp = inputs(data, "deals", fn)
    st = settings(inp, fn, as_of=as_of)
    d = inp.deals
    managers = client_managers(inp, st.as_of)
    ids = d["customer_id"].astype(object).to_numpy() if "customer_id" in d.columns else np.full(len(d), None)
    manager = owners(ids, managers)
    person = owners(ids, managers, d["salesperson"] if "salesperson" in d.columns else None)
    rows = pd.DataFrame({"salesperson": person, "own": (person == manager) & (manager != UNASSIGNED)})
    per = rows.groupby("salesperson", sort=True)["own"].agg(["size", "sum"])
    managed = pd.Series(managers.index, dtype=object).groupby(managers.to_numpy(dtype=object)).size()
    names = sorted((set(per.index) | set(managed.index)) - {UNASSIGNED})
    names = pd.Index([*names, *([UNASSIGNED] if UNASSIGNED in per.index else [])], dtype=object, name="salesperson")
    per = per.reindex(names, fill_value=0)
    out = pd.DataFrame({"deals": per["size"].astype(np.int64), "own_client_deals": per["sum"].astype(np.int64),
                        "managed_clients": managed.reindex(names, fill_value=0).astype(np.int64)}, index=names)
    out.insert(2, "other_manager_deals", out["deals"] - out["own_client_deals"])
    out.attrs.update(as_of=st.day)
    return out
