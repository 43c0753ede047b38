"""The three actions the service data points to (PL: trzy działania wskazane przez dane).

Each area of the service notebook yields one candidate action with a **severity** between 0 and
1, the share of that area that misses: 1 - compliance of the weakest channel with its standard;
the share of dissatisfied answers (1-3) on the weakest criterion; 1 - conversion at the weakest
stage of the funnel; the share of current clients without a survey within the survey period.
The three most severe are the actions, in that order. This ranking is this workbook's decision:
the articles ask for each of these controls but do not rank them.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..validation import check_number
from .funnel import funnel, refusals
from .satisfaction import clients_to_contact, satisfaction_scores, surveys_due
from .setup import UNASSIGNED, inputs, settings
from .standards import compliance

__all__ = ["ACTION_COLUMNS", "next_actions"]

#: The columns of the actions table.
ACTION_COLUMNS = ("area", "action", "subject", "value", "count", "detail", "detail_value", "severity")
#: Fewest judged enquiries (or answers, or decided deals) for a channel, criterion or stage to be named.
MIN_CASES = 10


def _standards(tables: dict, st: Any) -> dict | None:
    comp = compliance(tables, by="channel", as_of=st.as_of)
    judged = comp["on_time"] + comp["late"] + comp["overdue"]
    comp = comp[judged >= MIN_CASES]
    if comp.empty:
        return None
    worst = comp["compliance"].idxmin()
    row = comp.loc[worst]
    per = compliance(tables, by=("channel", "salesperson"), as_of=st.as_of)
    people = per.xs(worst, level="channel")
    people = people[((people["on_time"] + people["late"] + people["overdue"]) >= MIN_CASES)
                    & (people.index != UNASSIGNED)]
    who = people["compliance"].idxmin() if len(people) else None
    return {"area": "standards", "action": "action_standards", "subject": str(worst), "value": float(row["compliance"]),
            "count": int(row["late"] + row["overdue"]), "detail": who,
            "detail_value": float(people.loc[who, "compliance"]) if who is not None else np.nan,
            "severity": 1 - float(row["compliance"]), "hours": float(row["standard_hours"])}


def _satisfaction(tables: dict, st: Any) -> dict | None:
    months = st.survey_every_months
    scores = satisfaction_scores(tables, by="criterion", as_of=st.as_of, survey_every_months=months)
    scores = scores[scores["answers"] >= MIN_CASES]
    if scores.empty:
        return None
    worst = scores["dissatisfied_share"].idxmax()
    todo = clients_to_contact(tables, as_of=st.as_of, survey_every_months=months)
    return {"area": "satisfaction", "action": "action_satisfaction", "subject": str(worst),
            "value": float(scores.loc[worst, "dissatisfied_share"]), "count": int(todo["customer_id"].nunique()),
            "detail": None, "detail_value": np.nan, "severity": float(scores.loc[worst, "dissatisfied_share"])}


def _funnel(tables: dict, st: Any) -> dict | None:
    f = funnel(tables)
    decided = f["reached"] - f["open"]
    f = f[decided >= MIN_CASES]
    if f.empty:
        return None
    stage = f["conversion"].idxmin()
    why = refusals(tables)
    here = why[why["refusal_stage"].astype(str) == str(stage)]
    top = here.iloc[0] if len(here) else None
    return {"area": "funnel", "action": "action_funnel", "subject": str(stage),
            "value": float(f.loc[stage, "conversion"]),
            "count": int(f.loc[stage, "lost"]), "detail": None if top is None else top["refusal_reason"],
            "detail_value": np.nan if top is None else float(top["share_of_stage"]),
            "severity": 1 - float(f.loc[stage, "conversion"])}


def _surveys(tables: dict, st: Any) -> dict | None:
    due = surveys_due(tables, as_of=st.as_of, survey_every_months=st.survey_every_months)
    tx = tables["transactions"]
    dates = pd.to_datetime(tx["date"])
    current = tx.loc[(tx["amount"] > 0) & (dates >= st.survey_start) & (dates <= st.as_of), "customer_id"].nunique()
    if not current:
        return None
    share = len(due) / current
    return {"area": "surveys", "action": "action_surveys", "subject": None, "value": share, "count": len(due),
            "detail": None, "detail_value": np.nan, "severity": share}


def next_actions(data: Any, *, as_of: Any = None, n: int = 3, survey_every_months: Any = None) -> pd.DataFrame:
    """The actions the service data points to, most severe first (PL: działania do podjęcia).

    One candidate per area the company's data covers (standards, satisfaction, funnel,
    surveys), ranked by severity (see the module docstring); the workbook's notebook ends with
    the first three.

    Parameters
    ----------
    data : Company or dict
        A loaded company or a dict of tables.
    as_of : date-like, optional
        T; default the company's as-of date.
    n : int, default 3
        How many actions (>= 1).
    survey_every_months : int, optional
        The survey period the satisfaction and survey actions read (default the company's, else
        12 months): the same answers as :func:`~salesnb.service.satisfaction_scores`.

    Returns
    -------
    pandas.DataFrame
        Up to ``n`` rows (fewer when the data covers fewer areas), indexed by rank from 1: the
        columns of :data:`ACTION_COLUMNS`, plus ``hours`` (the standard) for the standards
        action. ``action`` is a catalogue key whose text takes the other columns.

    Raises
    ------
    ParameterError
        For an ``n`` or ``survey_every_months`` that is not a whole number >= 1, or a ``data``
        without transactions.
    DataError
        As the measures it reads.
    """
    fn = "salesnb.service.next_actions"
    n = check_number("n", n, low=1, integer=True, function=fn)
    inp = inputs(data, "transactions", fn)
    st = settings(inp, fn, as_of=as_of, survey_every_months=survey_every_months)
    tables = {"transactions": inp.transactions, "customers": inp.customers, "products": inp.products,
              "satisfaction": inp.satisfaction, "deals": inp.deals, "contacts": inp.contacts, "params": inp.params,
              "as_of": st.as_of, "deal_stages": inp.deal_stages}
    found = []
    for table, make in (("contacts", _standards), ("satisfaction", _satisfaction), ("deals", _funnel),
                        ("satisfaction", _surveys)):
        if tables[table] is not None:
            item = make(tables, st)
            if item is not None:
                found.append(item)
    out = pd.DataFrame(found, columns=[*ACTION_COLUMNS, "hours"])
    out = out.sort_values("severity", ascending=False, kind="stable").head(n).reset_index(drop=True)
    out.index = pd.RangeIndex(1, len(out) + 1, name="rank")
    out.attrs.update(as_of=st.day)
    return out
