"""The standards audit (PL: audyt standardów obsługi): were enquiries answered within the standard.

*Standards and good practices in sales*: a standard is fixed, universal, **auditable** and
mandatory; its example is "if you cannot take a client's call, call back as soon as possible, but
no later than 2 hours after the call". *Professional customer service: is it worth investing
in?* sets the e-mail reply within 24 hours. The contacts log (``contacts``: when each enquiry came
in, on which channel, when it was answered) is enough to audit both, per channel, per salesperson
and per month.

Rules (this workbook's decisions where the articles are silent, pinned by ``tests/test_service.py``):

- an enquiry is **on time** if answered no later than its deadline (a reply exactly at the
  deadline is on time), **late** if answered after it, **overdue** if unanswered at T with its
  deadline passed, **open** if unanswered and still within its deadline at T;
- compliance = on time / (on time + late + overdue): open enquiries are not judged yet;
- enquiries received after T are left out; a reply after T counts as no reply at T;
- with business hours (``company.yml``: ``service: business_hours``) only working time counts,
  and the clock stops on holidays (:mod:`salesnb.service.calendar`);
- an enquiry belongs to the salesperson who handled it (``contacts.salesperson``), else to its
  client's sales manager, else to nobody ("(unassigned)").
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..arrays import distinct
from ..errors import DataError, Problem
from ..periods import local_dates
from ..validation import check_choice
from .calendar import NS_DAY, NS_HOUR, business_calendar, due_times, elapsed_ns
from .setup import UNASSIGNED, Settings, by_items, client_managers, codes_in, inputs, settings

__all__ = ["AUDIT_BY", "RESPONSE_STATUSES", "compliance", "response_times"]

#: What an enquiry's answer was, judged against its standard at T.
RESPONSE_STATUSES = ("on_time", "late", "overdue", "open")
#: What the audit can be broken down by.
AUDIT_BY = ("salesperson", "channel", "month")
_NAT = np.iinfo(np.int64).min


def _categorical(codes: np.ndarray, names: pd.Index) -> pd.Categorical:
    return pd.Categorical.from_codes(codes.astype(np.int64), categories=names, validate=False)


def _calendar(st: Settings, first_ns: int, last_ns: int, max_hours: float):
    hours = st.business_hours
    if hours is None and not (st.holidays.get("country") or st.holidays.get("dates")):
        return None
    if hours is None:
        per_day, n_days = 24.0, 7
    else:
        oh, om = (int(x) for x in hours["open"].split(":"))
        ch, cm = (int(x) for x in hours["close"].split(":"))
        per_day, n_days = (ch * 60 + cm - oh * 60 - om) / 60, len(hours["days"])
    reach = int(np.ceil(max_hours / per_day * 7 / n_days)) + 40  # whole weeks of work, and room for holidays
    return business_calendar(hours, st.holidays, int(first_ns // NS_DAY) - 1, int(last_ns // NS_DAY) + reach)


def response_times(data: Any, *, as_of: Any = None, standards: Any = None, business_hours: Any = None,
                   holidays: Any = None) -> pd.DataFrame:
    """Every enquiry judged against its response-time standard (PL: czas odpowiedzi na zapytania).

    The auditable standards of *Standards and good practices in sales* (call back within 2
    hours) and *Professional customer service: is it worth investing in?* (answer an e-mail
    within 24 hours), or the company's own per channel; see the module docstring for the rules.

    Parameters
    ----------
    data : Company, dict or pandas.DataFrame
        A loaded company, a dict of tables, or the ``contacts`` table (``channel``,
        ``received_at``; optional ``answered_at``, ``customer_id``, ``salesperson``).
    as_of : date-like, optional
        T; default the company's as-of date, else the latest date in its tables.
    standards : mapping, optional
        Channel -> hours, laid over the company's standards (default phone 2 h, e-mail and
        other channels ``answer_within_hours``, 24 h).
    business_hours : bool, str or mapping, optional
        Count only business hours (``True``: Monday-Friday 8:00-18:00; ``"09:00-17:00"``; a
        mapping ``{open, close, days}``); ``False``: every hour; default the company's.
    holidays : str, list or mapping, optional
        Days on which no response time runs: ``"PL"`` (Polish public holidays), a list of
        dates, or both; ``False``: none; default the company's.

    Returns
    -------
    pandas.DataFrame
        One row per enquiry received up to T, in the table's order: ``contact_id``,
        ``customer_id``, ``salesperson``, ``channel``, ``month`` (of arrival), ``received_at``,
        ``answered_at`` (NaT if not answered by T), ``standard_hours``, ``due_at``,
        ``hours_to_answer`` (the hours that count; NaN if unanswered), ``response`` (one of
        :data:`RESPONSE_STATUSES`). ``attrs``: ``as_of``, ``business_hours``, ``holidays``,
        ``standards``, ``received_after_as_of`` (enquiries left out).

    Raises
    ------
    ParameterError
        For ``data`` without a contacts table's columns, or a standard, business hours,
        holidays or date that is not allowed.
    DataError
        For enquiries answered before they were received (naming the rows), or without a
        channel or an arrival time.
    """
    fn = "salesnb.service.response_times"
    inp = inputs(data, "contacts", fn)
    st = settings(inp, fn, as_of=as_of, standards=standards, business_hours=business_hours, holidays=holidays)
    c = inp.contacts
    received = local_dates(c["received_at"], "received_at", "contacts").to_numpy("datetime64[ns]").view(np.int64)
    answered = (local_dates(c["answered_at"], "answered_at", "contacts").to_numpy("datetime64[ns]").view(np.int64)
                if "answered_at" in c.columns else np.full(len(c), _NAT, dtype=np.int64))
    problems = []
    for mask, column, what in ((received == _NAT, "received_at", "no arrival time"),
                               (c["channel"].isna().to_numpy(), "channel", "no channel")):
        if mask.any():
            problems.append(Problem("contacts", f"{int(mask.sum())} enquiries have {what}.", column=column,
                                    rows=list(c.index[mask][:10]), fix="fill it in or drop the rows."))
    before = (answered != _NAT) & (answered < received)
    if before.any():
        problems.append(Problem("contacts", f"{int(before.sum())} enquiries were answered before they were received.",
                                column="answered_at", rows=list(c.index[before][:10]),
                                fix="check the two date-times (day and month swapped?)."))
    if problems:
        raise DataError(problems)
    t = st.as_of.value
    keep = received <= t
    rec, ans = received[keep], answered[keep]
    ans = np.where(ans > t, _NAT, ans)  # a reply after T is no reply at T
    has = ans != _NAT
    sub = c if keep.all() else c[keep]
    channel = sub["channel"]
    if isinstance(channel.dtype, pd.CategoricalDtype):  # the loader's categories: codes without a copy of the text
        ch_names = channel.cat.categories.astype(object)
        ch_codes = channel.cat.codes.to_numpy().astype(np.int64)
    else:
        ch_codes, ch_names = pd.factorize(channel.astype(object), sort=True)
    hours = st.hours_for(pd.Index(ch_names))[ch_codes] if len(ch_codes) else np.zeros(0)
    std_ns = np.rint(hours * NS_HOUR).astype(np.int64)
    if len(rec):
        cal = _calendar(st, int(rec.min()), max(int(t), int(ans[has].max()) if has.any() else int(t)), hours.max())
    else:
        cal = None
    due = due_times(cal, rec, std_ns)
    took = np.full(len(rec), -1, dtype=np.int64)
    took[has] = elapsed_ns(cal, rec[has], ans[has])
    overdue_now = elapsed_ns(cal, rec, np.full(len(rec), t, dtype=np.int64)) > std_ns
    status = np.where(has, np.where(took <= std_ns, 0, 1), np.where(overdue_now, 2, 3)).astype(np.int64)
    # who handled it: the contacts' salesperson, else the client's manager
    managers = client_managers(inp, st.as_of)
    people = set(managers.astype(str)) | (set(c["salesperson"].dropna().astype(str)) if "salesperson" in c.columns
                                          else set())
    names = pd.Index([*sorted(people - {UNASSIGNED}), UNASSIGNED], dtype=object)
    sp = np.full(len(rec), -1, dtype=np.int64)
    if "salesperson" in c.columns:
        sp = codes_in(sub["salesperson"], names)
    if "customer_id" in c.columns and len(managers):
        cust = sub["customer_id"]
        lookup = pd.Series(codes_in(pd.Series(managers.to_numpy(), dtype=object), names), index=managers.index)
        if isinstance(cust.dtype, pd.CategoricalDtype):
            per_cat = np.append(lookup.reindex(cust.cat.categories.astype(object)).fillna(-1).to_numpy(np.int64), -1)
            of_client = per_cat[cust.cat.codes.to_numpy()]
        else:
            of_client = lookup.reindex(cust.astype(object)).fillna(-1).to_numpy(np.int64)
        sp = np.where(sp >= 0, sp, of_client)
    sp = np.where(sp >= 0, sp, names.get_loc(UNASSIGNED))
    rec_dt = rec.view("datetime64[ns]")
    months = pd.PeriodIndex.from_ordinals(rec_dt.astype("datetime64[M]").astype(np.int64), freq="M")
    out = pd.DataFrame({
        "contact_id": sub["contact_id"].array if "contact_id" in c.columns else np.arange(len(rec)),
        "customer_id": sub["customer_id"].array if "customer_id" in c.columns else None,
        "salesperson": _categorical(sp, names),
        "channel": _categorical(ch_codes, pd.Index(ch_names, dtype=object)),
        "month": months,
        "received_at": rec_dt,
        "answered_at": ans.view("datetime64[ns]"),
        "standard_hours": hours,
        "due_at": due.view("datetime64[ns]"),
        "hours_to_answer": np.where(has, took / NS_HOUR, np.nan),
        "response": _categorical(status, pd.Index(RESPONSE_STATUSES, dtype=object)),
    }, index=sub.index)
    out.attrs.update(as_of=st.day, business_hours=st.business_hours, holidays=st.holidays,
                     standards={str(k): float(v) for k, v in zip(ch_names, st.hours_for(pd.Index(ch_names)),
                                                                  strict=True)},
                     received_after_as_of=int((~keep).sum()))
    return out


def compliance(data: Any, by: Any = ("channel",), *, as_of: Any = None, standards: Any = None,
               business_hours: Any = None, holidays: Any = None) -> pd.DataFrame:
    """Compliance with the response-time standards (PL: przestrzeganie standardów czasu odpowiedzi).

    The audit of *Standards and good practices in sales*: the share of enquiries answered
    within their standard, per salesperson, channel and/or month.

    Parameters
    ----------
    data : Company, dict, pandas.DataFrame
        As :func:`response_times`, or a table it returned (then the settings below are not used).
    by : str or sequence of str, default ("channel",)
        Any of ``"salesperson"``, ``"channel"``, ``"month"`` in the order wanted; ``None`` or
        ``()`` for one total row.
    as_of, standards, business_hours, holidays
        As :func:`response_times`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``by`` (or one row named "Total"): ``enquiries``, ``answered``,
        ``on_time``, ``late``, ``overdue``, ``open``, ``compliance`` (NaN where nothing is
        judged yet), ``median_hours`` (of the answered ones), and ``standard_hours`` when
        ``by`` holds ``channel``. ``attrs`` as :func:`response_times`'s.

    Raises
    ------
    ParameterError
        For a ``by`` outside :data:`AUDIT_BY`, or as :func:`response_times`.
    DataError
        As :func:`response_times`.
    """
    fn = "salesnb.service.compliance"
    keys = _by(by, fn)
    if isinstance(data, pd.DataFrame) and {"response", "standard_hours", "month"} <= set(data.columns):
        rt = data
    else:
        rt = response_times(data, as_of=as_of, standards=standards, business_hours=business_hours, holidays=holidays)
    status = rt["response"].cat.codes.to_numpy().astype(np.int64)
    if keys:
        group_codes = []
        levels = []
        for k in keys:
            col = rt[k]
            if isinstance(col.dtype, pd.PeriodDtype):
                uniq, codes = np.unique(col.array.asi8, return_inverse=True)  # month ordinals, sorted
                levels.append(pd.PeriodIndex.from_ordinals(uniq, freq=col.dtype.freq).rename(k))
            else:
                used = distinct(col.cat.codes.to_numpy())
                remap = np.full(len(col.cat.categories), -1, dtype=np.int64)
                remap[used] = np.arange(len(used))
                codes = remap[col.cat.codes.to_numpy()]
                levels.append(pd.Index(col.cat.categories[used], name=k, dtype=object))
            group_codes.append(codes.astype(np.int64))
        sizes = [len(x) for x in levels]
        flat = np.ravel_multi_index(group_codes, sizes) if len(rt) else np.zeros(0, dtype=np.int64)
        present, g = np.unique(flat, return_inverse=True)
        index = pd.MultiIndex.from_arrays(
            [lv[idx] for lv, idx in zip(levels, np.unravel_index(present, sizes), strict=True)], names=keys)
        if len(keys) == 1:
            index = index.get_level_values(0)
    else:
        g = np.zeros(len(rt), dtype=np.int64)
        index = pd.Index(["Total"], name=None)
    n = len(index)
    counts = np.bincount(g * 4 + status, minlength=4 * n).reshape(n, 4) if n else np.zeros((0, 4), np.int64)
    judged = counts[:, 0] + counts[:, 1] + counts[:, 2]
    out = pd.DataFrame({
        "enquiries": counts.sum(axis=1),
        "answered": counts[:, 0] + counts[:, 1],
        "on_time": counts[:, 0], "late": counts[:, 1], "overdue": counts[:, 2], "open": counts[:, 3],
        "compliance": np.divide(counts[:, 0], judged, out=np.full(n, np.nan), where=judged > 0),
    }, index=index)
    took = rt["hours_to_answer"].to_numpy()
    ok = ~np.isnan(took)
    if ok.any():
        med = pd.Series(took[ok]).groupby(g[ok]).median()
        out["median_hours"] = med.reindex(np.arange(n)).to_numpy()
    else:
        out["median_hours"] = np.nan
    if "channel" in keys:
        std = pd.Series(rt["standard_hours"].to_numpy()).groupby(g).max()
        out["standard_hours"] = std.reindex(np.arange(n)).to_numpy()
    out.attrs.update(rt.attrs)
    return out


def _by(by: Any, function: str) -> tuple[str, ...]:
    if by is None:
        return ()
    items = by_items(by)
    keys = tuple(check_choice("by", k, AUDIT_BY, function=function) for k in items)
    if len(set(keys)) != len(keys):
        check_choice("by", by, AUDIT_BY, function=function)
    return keys
