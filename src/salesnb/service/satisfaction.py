"""The satisfaction survey read as the article asks (PL: ocena satysfakcji klientów).

*Working with clients*: assess the satisfaction of every client at least once a year, one
questionnaire per product, on a 5-point scale (e.g. look of the product, speed of delivery,
payment method); a score of **2 is open dissatisfaction, 3 hidden dissatisfaction**, and either
is handled the same way as a complaint, to take the burning problem off the client. About 10% of
clients complain; the other 90% are heard only through the survey.

Rules where the article is silent (this workbook's decisions, pinned by ``tests/test_service.py``):

- every measure of this module reads one **survey period**: the ``survey_every_months`` (12)
  months up to the analysis date T, the period in which the article asks for a survey of every
  client, so the scores, the clients to contact and the surveys due describe the same answers
  (a survey on the period's first day, exactly a year old at T, is in it);
- a **1** is open dissatisfaction too (the article's scale is the school one, where 2 already
  fails; a 1 is worse, never better);
- the clients to contact **now** are those whose latest answer on a criterion (per product)
  within the survey period (``survey_every_months``, 12) is 1, 2 or 3: an answer already
  followed by a better one on the same criterion and product is settled, and an older one is
  the re-survey's business;
- a client **needs a survey** when it settled (an invoice with amount > 0) within the survey
  period and has no survey in it; a survey on the first day of the period (exactly a year old
  at T) still counts. A client never surveyed is due since its first settlement (the article:
  new clients are assessed after every new product).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, ParameterError, Problem
from ..periods import local_dates
from ..validation import check_choice
from .setup import Inputs, by_items, client_managers, inputs, owners, settings

__all__ = ["SATISFACTION_BY", "check_scores", "clients_to_contact", "satisfaction_scores", "surveys_due"]

#: What the scores can be broken down by.
SATISFACTION_BY = ("criterion", "product", "product_line", "year", "salesperson")


def check_scores(sat: pd.DataFrame) -> pd.Series:
    """The scores as whole numbers 1-5, or a DataError naming every row that is not (PL: oceny 1-5).

    Parameters
    ----------
    sat : pandas.DataFrame
        The satisfaction table (``score``).

    Returns
    -------
    pandas.Series of int64

    Raises
    ------
    DataError
        For scores that are empty, not numbers, or outside 1-5 (rows and values named).
    """
    score = pd.to_numeric(sat["score"], errors="coerce")
    bad = (score.isna() | ~score.isin([1, 2, 3, 4, 5])).to_numpy()
    if bad.any():
        raise DataError(Problem("satisfaction", "scores must be 1, 2, 3, 4 or 5; these are not counted anywhere.",
                                column="score", rows=list(sat.index[bad][:10]),
                                values=list(sat["score"][bad].astype(object)[:10]), fix="fix the score."))
    return score.astype(np.int64)


def _survey(inp: Inputs, upto: pd.Timestamp) -> pd.DataFrame:
    sat = inp.satisfaction
    score = check_scores(sat)
    date = local_dates(sat["date"], "date", "satisfaction")
    if date.isna().any():
        rows = list(sat.index[date.isna().to_numpy()][:10])
        raise DataError(Problem("satisfaction", "answers without a survey date.", column="date", rows=rows,
                                fix="fill in the date."))
    out = pd.DataFrame({"customer_id": sat["customer_id"].astype(object).to_numpy(), "date": date.to_numpy(),
                        "criterion": sat["criterion"].astype(object).to_numpy(), "score": score.to_numpy(),
                        "product": sat["product"].astype(object).to_numpy() if "product" in sat.columns else None},
                       index=sat.index)
    return out[out["date"] <= upto]


def _product_lines(inp: Inputs, product: pd.Series) -> pd.Series:
    prods = inp.products
    if prods is None or not {"product", "product_line"} <= set(prods.columns):
        raise DataError(Problem("products", "no products table, so answers cannot be put in product lines.",
                                fix="add products.csv, or break the scores down by product instead."))
    one = prods.drop_duplicates("product")
    mapping = pd.Series(one["product_line"].astype(object).to_numpy(), index=one["product"].astype(object).to_numpy())
    return product.map(mapping)


def satisfaction_scores(data: Any, by: Any = ("criterion",), *, as_of: Any = None, since: Any = None,
                        survey_every_months: Any = None) -> pd.DataFrame:
    """Scores per criterion, product, product line, year or salesperson (PL: oceny satysfakcji).

    The 5-point questionnaire of *Working with clients*, with the share of answers that are
    open (1-2) and hidden (3) dissatisfaction, each of them a complaint to handle. By default
    the answers of the survey period ending at T (the last 12 months, see the module
    docstring), the same answers :func:`clients_to_contact` and the service actions read.

    Parameters
    ----------
    data : Company, dict or pandas.DataFrame
        A loaded company, a dict of tables, or the ``satisfaction`` table.
    by : str or sequence of str, default ("criterion",)
        Any of :data:`SATISFACTION_BY`, in the order wanted (``product_line`` needs a products
        table, ``salesperson`` the clients' managers).
    as_of : date-like, optional
        Answers after it are left out; default the company's as-of date.
    since : date-like or "all", optional
        Only answers from this day on; default the first day of the survey period
        (``survey_every_months`` before T's day); ``"all"`` reads every answer up to T.
    survey_every_months : int, optional
        The survey period in months (default the company's, else 12).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``by``: ``answers``, ``clients``, ``score_mean``, ``open_share`` (scores
        1-2), ``hidden_share`` (3), ``dissatisfied_share`` (1-3). ``attrs``: ``as_of`` (T's day)
        and ``since`` (the first day read, None for ``"all"``).

    Raises
    ------
    ParameterError
        For a ``by`` outside :data:`SATISFACTION_BY`, a ``since`` that is not a date or
        ``"all"``, a ``survey_every_months`` that is not a whole number >= 1, or a ``data``
        without the table's columns.
    DataError
        For scores outside 1-5 or answers without a date (naming the rows).
    """
    fn = "salesnb.service.satisfaction_scores"
    items = by_items(by)
    keys = [check_choice("by", k, SATISFACTION_BY, function=fn) for k in items]
    if not keys:
        check_choice("by", by, SATISFACTION_BY, function=fn)
    inp = inputs(data, "satisfaction", fn)
    st = settings(inp, fn, as_of=as_of, survey_every_months=survey_every_months)
    start = _since(since, st.survey_start, fn)
    s = _survey(inp, st.as_of)
    if start is not None:
        s = s[s["date"] >= start]
    if "year" in keys:
        s = s.assign(year=s["date"].dt.year)
    if "product_line" in keys:
        s = s.assign(product_line=_product_lines(inp, s["product"]))
    if "salesperson" in keys:
        s = s.assign(salesperson=owners(s["customer_id"], client_managers(inp, st.as_of)))
    for k in keys:
        if s[k].isna().all() and len(s):
            raise DataError(Problem("satisfaction", f"no answer names a {k}.", column=k,
                                    fix=f"add the {k} column, or break the scores down by something else."))
    sc = s["score"]
    grouped = s.assign(open=sc <= 2, hidden=sc == 3, low=sc <= 3).groupby(keys, observed=True, sort=True)
    out = pd.DataFrame({
        "answers": grouped["score"].size(),
        "clients": grouped["customer_id"].nunique(),
        "score_mean": grouped["score"].mean(),
        "open_share": grouped["open"].mean(),
        "hidden_share": grouped["hidden"].mean(),
        "dissatisfied_share": grouped["low"].mean(),
    })
    out.attrs.update(as_of=st.day, since=start)
    return out


def _since(since: Any, survey_start: pd.Timestamp, function: str) -> pd.Timestamp | None:
    if since is None:
        return survey_start
    if isinstance(since, str) and since.strip().lower() == "all":
        return None
    try:
        return pd.Timestamp(since).normalize()
    except (ValueError, TypeError):
        raise ParameterError("since", since, "a date such as '2025-01-01', \"all\" or None",
                             function=function) from None


def clients_to_contact(data: Any, *, as_of: Any = None, survey_every_months: Any = None) -> pd.DataFrame:
    """Clients to contact now: every 2 or 3 handled as a complaint (PL: klienci do kontaktu teraz).

    *Working with clients*: open (2) or hidden (3) dissatisfaction in the survey is treated the
    same way as a complaint. Each client's latest answer per product and criterion within the
    survey period that is 1, 2 or 3 (see the module docstring).

    Parameters
    ----------
    data : Company, dict or pandas.DataFrame
        A loaded company, a dict of tables, or the ``satisfaction`` table.
    as_of : date-like, optional
        T; default the company's as-of date.
    survey_every_months : int, optional
        The survey period (default the company's, else 12 months).

    Returns
    -------
    pandas.DataFrame
        One row per answer to handle, lowest scores first, then the oldest: ``customer_id``,
        ``salesperson`` (the client's manager), ``date``, ``product``, ``criterion``,
        ``score``, ``dissatisfaction`` ("open" or "hidden"), ``days_waiting`` (since the
        survey, to T's day).

    Raises
    ------
    ParameterError
        For a ``survey_every_months`` that is not a whole number >= 1, or a ``data`` without the
        table's columns.
    DataError
        For scores outside 1-5 or answers without a date.
    """
    fn = "salesnb.service.clients_to_contact"
    inp = inputs(data, "satisfaction", fn)
    st = settings(inp, fn, as_of=as_of, survey_every_months=survey_every_months)
    s = _survey(inp, st.as_of)
    s = s[s["date"] >= st.survey_start]
    key = ["customer_id", "product", "criterion"]
    latest = (s.assign(product=s["product"].fillna(""), _row=np.arange(len(s)))
              .sort_values(["date", "_row"], kind="stable").drop_duplicates(key, keep="last"))
    low = latest[latest["score"] <= 3].copy()
    low["product"] = low["product"].replace("", None)
    low["salesperson"] = owners(low["customer_id"], client_managers(inp, st.as_of))
    low["dissatisfaction"] = np.where(low["score"] <= 2, "open", "hidden")
    low["days_waiting"] = ((st.day - low["date"].dt.normalize()) / pd.Timedelta(days=1)).astype(np.int64)
    low = low.sort_values(["score", "date", "customer_id"], kind="stable")
    cols = ["customer_id", "salesperson", "date", "product", "criterion", "score", "dissatisfaction", "days_waiting"]
    out = low[cols].reset_index(drop=True)
    out.attrs.update(as_of=st.day, survey_start=st.survey_start)
    return out


def surveys_due(data: Any, *, as_of: Any = None, survey_every_months: Any = None) -> pd.DataFrame:
    """Clients not surveyed within the survey period (PL: klienci bez badania satysfakcji od roku).

    *Working with clients*: the satisfaction of every client is assessed at least once a year.
    A client who settled within the period and has no survey in it is due (see the module
    docstring: a survey exactly a year old still counts).

    Parameters
    ----------
    data : Company or dict
        A loaded company or a dict of tables with ``transactions`` and ``satisfaction``.
    as_of : date-like, optional
        T; default the company's as-of date.
    survey_every_months : int, optional
        The survey period (default the company's, else 12 months).

    Returns
    -------
    pandas.DataFrame
        One row per client due, longest overdue first: ``customer_id``, ``salesperson``,
        ``last_settlement``, ``last_survey`` (NaT if never), ``due_since``, ``survey_reason``
        ("never_surveyed" or "survey_overdue"), ``days_overdue``.

    Raises
    ------
    ParameterError
        For a ``survey_every_months`` that is not a whole number >= 1, or a ``data`` without
        both tables.
    DataError
        For scores outside 1-5 or answers without a date.
    """
    fn = "salesnb.service.surveys_due"
    inp = inputs(data, "satisfaction", fn)
    inputs(data, "transactions", fn)
    st = settings(inp, fn, as_of=as_of, survey_every_months=survey_every_months)
    s = _survey(inp, st.as_of)
    tx = inp.transactions
    date = local_dates(tx["date"], "date", "transactions")
    sale = (tx["amount"].to_numpy(dtype=float, na_value=np.nan) > 0) & (date <= st.as_of).to_numpy()
    sales = pd.DataFrame({"customer_id": tx["customer_id"].astype(object).to_numpy()[sale],
                          "date": date.to_numpy()[sale]})
    per = sales.groupby("customer_id", sort=True)["date"].agg(["min", "max"])
    current = per[per["max"] >= st.survey_start]
    last_survey = s.groupby("customer_id")["date"].max().reindex(current.index)
    due = last_survey.isna() | (last_survey < st.survey_start)
    cur = current[due.to_numpy()]
    ls = last_survey[due.to_numpy()]
    due_since = np.where(ls.isna(), cur["min"].dt.normalize(),
                         (ls.dt.normalize() + pd.DateOffset(months=st.survey_every_months)).to_numpy())
    out = pd.DataFrame({
        "customer_id": cur.index.to_numpy(dtype=object),
        "salesperson": owners(cur.index, client_managers(inp, st.as_of)),
        "last_settlement": cur["max"].to_numpy(),
        "last_survey": ls.to_numpy(),
        "due_since": pd.to_datetime(due_since),
        "survey_reason": np.where(ls.isna(), "never_surveyed", "survey_overdue"),
    })
    out["days_overdue"] = ((st.day - out["due_since"]) / pd.Timedelta(days=1)).astype(np.int64)
    out = out.sort_values(["days_overdue", "customer_id"], ascending=[False, True], kind="stable")
    out = out.reset_index(drop=True)
    out.attrs.update(as_of=st.day, survey_start=st.survey_start)
    return out
