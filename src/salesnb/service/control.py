"""Control points as a to-do list per salesperson (PL: punkty kontrolne: lista zadań handlowców).

*Working with clients*: every stage of the sale has points under mandatory control, with dates:
the meeting notes sent, the offer's validity date, the invoice's validity date, the event date,
the satisfaction assessment date, the date of changes to the contract, the date to retry a
refused presentation, the intervals between contacts; "to complete the sales process the strict
control of these points is necessary". This module lists the ones the data can date, overdue at
T, for the salesperson who owns them:

- ``enquiry_overdue``: an enquiry still unanswered after its standard (:mod:`.standards`);
- ``complaint``: a satisfaction answer of 1-3 to handle like a complaint (:mod:`.satisfaction`);
- ``expired_offer``: an open deal at the offer stage past its validity (``valid_until``, else the
  date it entered the stage, else its opening, plus ``offer_valid_days``);
- ``unpaid_invoice``: an invoice past its ``due_date`` without ``paid_at`` (where the data has
  both columns);
- ``survey_due``: a current client without a satisfaction survey within the survey period;
- ``no_contact``: a current client (a settlement within the survey period) with no contact of any
  kind (a purchase, an enquiry, a deal opened or closed, a survey) for ``contact_interval_days``.

Kinds the data cannot date are listed in ``attrs["not_checked"]``, never reported as clean.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..periods import local_dates
from .funnel import prepare_deals
from .satisfaction import clients_to_contact, surveys_due
from .setup import Inputs, Settings, client_managers, inputs, owners, settings
from .standards import response_times

__all__ = ["CONTROL_KINDS", "control_points", "control_summary"]

#: The kinds of control point, in the order of the to-do list.
CONTROL_KINDS = ("enquiry_overdue", "complaint", "expired_offer", "unpaid_invoice", "survey_due", "no_contact")
_COLUMNS = ["salesperson", "control_point", "customer_id", "reference", "due", "days_overdue"]


def _items(kind: str, salesperson: Any, customer: Any, reference: Any, due: Any, day: pd.Timestamp) -> pd.DataFrame:
    due = pd.to_datetime(pd.Series(np.asarray(due))).dt.normalize().to_numpy()
    late = ((day - pd.DatetimeIndex(due)) / pd.Timedelta(days=1)).astype(np.int64)
    return pd.DataFrame({"salesperson": np.asarray(salesperson, dtype=object), "control_point": kind,
                         "customer_id": np.asarray(customer, dtype=object),
                         "reference": np.asarray(reference, dtype=object), "due": due, "days_overdue": late})


def _offers(inp: Inputs, st: Settings, managers: pd.Series) -> pd.DataFrame | None:
    if inp.deals is None or st.offer_stage is None:
        return None
    deals = prepare_deals(inp, strict=False)
    d = deals.frame
    j = inp.deal_stages.index(st.offer_stage)
    waiting = deals.valid & (deals.outcome == 2) & (deals.reached == j)
    if "valid_until" in d.columns:
        until = local_dates(d["valid_until"], "valid_until", "deals")
    else:
        until = pd.Series(pd.NaT, index=d.index, dtype="datetime64[ns]")
    entered = (local_dates(d[f"{st.offer_stage}_at"], f"{st.offer_stage}_at", "deals")
               if f"{st.offer_stage}_at" in d.columns else pd.Series(pd.NaT, index=d.index, dtype="datetime64[ns]"))
    start = entered.fillna(local_dates(d["opened_at"], "opened_at", "deals")) if "opened_at" in d.columns else entered
    due = until.fillna(start.dt.normalize() + pd.Timedelta(days=st.offer_valid_days))
    late = waiting & (due < st.day).to_numpy()
    rows = d[late]
    owner = owners(rows["customer_id"], managers, rows["salesperson"] if "salesperson" in rows.columns else None)
    return _items("expired_offer", owner, rows["customer_id"].astype(object), rows["deal_id"].astype(object),
                  due[late], st.day)


def _invoices(inp: Inputs, st: Settings, managers: pd.Series) -> pd.DataFrame | None:
    tx = inp.transactions
    if tx is None or not {"due_date", "paid_at"} <= set(tx.columns):
        return None
    due = local_dates(tx["due_date"], "due_date", "transactions")
    paid = local_dates(tx["paid_at"], "paid_at", "transactions")
    open_ = (tx["amount"].to_numpy(dtype=float, na_value=0.0) > 0) & (due < st.day).to_numpy() \
        & (paid.isna() | (paid > st.as_of)).to_numpy()
    rows = tx[open_].assign(_due=due[open_])
    doc = rows["document_id"].astype(object) if "document_id" in rows.columns else pd.Series(rows.index.astype(str),
                                                                                              index=rows.index)
    first = rows.assign(_doc=doc).sort_values("_due", kind="stable").drop_duplicates("_doc")
    owner = owners(first["customer_id"], managers, first["salesperson"] if "salesperson" in first.columns else None)
    return _items("unpaid_invoice", owner, first["customer_id"].astype(object), first["_doc"], first["_due"], st.day)


def _last_contacts(inp: Inputs, st: Settings) -> pd.Series:
    parts = []
    for table, cols in (("transactions", ("date",)), ("contacts", ("received_at",)),
                        ("deals", ("opened_at", "closed_at")), ("satisfaction", ("date",))):
        frame = getattr(inp, table)
        if frame is None or "customer_id" not in frame.columns:
            continue
        for col in cols:
            if col in frame.columns:
                parts.append(pd.DataFrame({"customer_id": frame["customer_id"].astype(object).to_numpy(),
                                           "date": local_dates(frame[col], col, table).to_numpy()}))
    every = pd.concat(parts, ignore_index=True).dropna()
    every = every[every["date"] <= st.as_of]
    return every.groupby("customer_id")["date"].max()


def control_points(data: Any, *, as_of: Any = None, standards: Any = None, business_hours: Any = None,
                   holidays: Any = None, offer_valid_days: Any = None, contact_interval_days: Any = None,
                   survey_every_months: Any = None) -> pd.DataFrame:
    """Overdue control points as a to-do list per salesperson (PL: zaległe punkty kontrolne).

    The dated control points of *Working with clients* that the data can check (see the module
    docstring), each overdue at T, owned by the deal's salesperson or the client's manager.

    Parameters
    ----------
    data : Company or dict
        A loaded company or a dict of tables (``transactions``; ``contacts``, ``satisfaction``,
        ``deals`` where the company has them).
    as_of : date-like, optional
        T; default the company's as-of date.
    standards, business_hours, holidays
        As :func:`salesnb.service.response_times`.
    offer_valid_days, contact_interval_days, survey_every_months : int, optional
        The intervals (default the company's ``service:`` settings, else 30, 60 and 12).

    Returns
    -------
    pandas.DataFrame
        One row per overdue item, by salesperson, then the most overdue first: ``salesperson``,
        ``control_point`` (its kind, one of :data:`CONTROL_KINDS`), ``customer_id``, ``reference`` (enquiry,
        deal, invoice, or the criterion and score), ``due``, ``days_overdue``. ``attrs``:
        ``as_of``, ``not_checked`` (kinds the data cannot date).

    Raises
    ------
    ParameterError
        For a setting that is not allowed, or a ``data`` without transactions.
    DataError
        For rows the service checks refuse (answers before arrival, scores outside 1-5 ...).
    """
    fn = "salesnb.service.control_points"
    inp = inputs(data, "transactions", fn)
    st = settings(inp, fn, as_of=as_of, standards=standards, business_hours=business_hours, holidays=holidays,
                  offer_valid_days=offer_valid_days, contact_interval_days=contact_interval_days,
                  survey_every_months=survey_every_months)
    managers = client_managers(inp, st.as_of)
    parts, not_checked = [], []
    tables = {"transactions": inp.transactions, "customers": inp.customers, "products": inp.products,
              "satisfaction": inp.satisfaction, "deals": inp.deals, "contacts": inp.contacts, "params": inp.params,
              "as_of": st.as_of, "deal_stages": inp.deal_stages}
    if inp.contacts is not None:
        rt = response_times(tables, as_of=st.as_of, standards=standards, business_hours=business_hours,
                            holidays=holidays)
        late = rt[rt["response"] == "overdue"]
        parts.append(_items("enquiry_overdue", late["salesperson"].astype(object), late["customer_id"],
                            late["contact_id"], late["due_at"], st.day))
    else:
        not_checked.append("enquiry_overdue")
    if inp.satisfaction is not None:
        todo = clients_to_contact(tables, as_of=st.as_of, survey_every_months=st.survey_every_months)
        parts.append(_items("complaint", todo["salesperson"], todo["customer_id"],
                            todo["criterion"].astype(str) + ": " + todo["score"].astype(str), todo["date"], st.day))
        due = surveys_due(tables, as_of=st.as_of, survey_every_months=st.survey_every_months)
        parts.append(_items("survey_due", due["salesperson"], due["customer_id"], due["survey_reason"],
                            due["due_since"], st.day))
    else:
        not_checked += ["complaint", "survey_due"]
    for kind, made in (("expired_offer", _offers(inp, st, managers)), ("unpaid_invoice", _invoices(inp, st, managers))):
        if made is None:
            not_checked.append(kind)
        else:
            parts.append(made)
    last = _last_contacts(inp, st)
    tx = inp.transactions
    date = local_dates(tx["date"], "date", "transactions")
    current = pd.Index(pd.unique(tx.loc[((tx["amount"].to_numpy(dtype=float, na_value=0.0) > 0)
                                         & (date >= st.survey_start).to_numpy() & (date <= st.as_of).to_numpy()),
                                        "customer_id"].astype(object)))
    last = last.reindex(current)
    due = last.dt.normalize() + pd.Timedelta(days=st.contact_interval_days)
    quiet = due < st.day
    parts.append(_items("no_contact", owners(current[quiet.to_numpy()], managers),
                        current[quiet.to_numpy()], last[quiet].dt.strftime("%Y-%m-%d").to_numpy(), due[quiet], st.day))
    out = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else \
        pd.DataFrame({c: pd.Series(dtype=object) for c in _COLUMNS})
    out["control_point"] = pd.Categorical(out["control_point"], categories=list(CONTROL_KINDS))
    out = out.sort_values(["salesperson", "days_overdue", "control_point", "customer_id"],
                          ascending=[True, False, True, True], kind="stable",
                          key=lambda s: s.astype(str) if s.name in ("salesperson", "customer_id") else s)
    out = out[_COLUMNS].reset_index(drop=True)
    out.attrs.update(as_of=st.day, not_checked=not_checked)
    return out


def control_summary(points: pd.DataFrame) -> pd.DataFrame:
    """Overdue control points per salesperson and kind (PL: zaległe punkty kontrolne handlowców).

    Parameters
    ----------
    points : pandas.DataFrame
        From :func:`control_points`.

    Returns
    -------
    pandas.DataFrame
        Salespeople (rows, "Total" last) x the kinds of :data:`CONTROL_KINDS` checked
        (columns, then ``total``): numbers of overdue items.
    """
    kinds = [k for k in CONTROL_KINDS if k not in points.attrs.get("not_checked", [])]
    table = pd.crosstab(points["salesperson"].astype(object), points["control_point"].astype(str)).reindex(
        columns=kinds, fill_value=0)
    table.columns = pd.Index(kinds)
    table.index.name = "salesperson"
    table["total"] = table.sum(axis=1)
    total = table.sum().rename("Total")
    return pd.concat([table, total.to_frame().T]).astype(np.int64).rename_axis("salesperson")
