"""The data checks of the service method (PL: kontrola danych do analizy obsługi).

Bad input is never counted silently: a row the service measures cannot use is either refused with
a :class:`~salesnb.errors.DataError` naming it (an answer before the enquiry came in, a stage
outside the company's sequence, a score outside 1-5: the loader refuses these too) or left out of
one measure and listed here with the number of rows and what happens to them.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..periods import local_dates
from .funnel import prepare_deals
from .setup import inputs, settings

__all__ = ["CHECK_EFFECTS", "data_checks"]

#: check -> what happens to the rows it finds (a catalogue key).
CHECK_EFFECTS: dict[str, str] = {
    "answered_before_received": "effect_error",
    "received_after_as_of": "effect_left_out",
    "answered_after_as_of": "effect_unanswered_at_as_of",
    "unanswered": "effect_judged_at_deadline",
    "enquiry_without_client": "effect_unassigned",
    "score_out_of_range": "effect_error",
    "survey_after_as_of": "effect_left_out",
    "answer_without_product": "effect_no_product",
    "stage_not_in_sequence": "effect_error",
    "outcome_unknown": "effect_error",
    "refusal_stage_contradicts": "effect_left_out_of_funnel",
    "lost_without_refusal_stage": "effect_stage_reached_used",
    "won_before_last_stage": "effect_won_all_stages",
    "closed_before_opened": "effect_left_out_of_times",
}
_INFO = {"unanswered", "enquiry_without_client", "answer_without_product"}


def _dates(frame: pd.DataFrame, column: str, table: str) -> pd.Series:
    parsed = pd.to_datetime(frame[column], errors="coerce") if not pd.api.types.is_datetime64_any_dtype(
        frame[column].dtype) else local_dates(frame[column], column, table)
    return parsed


def data_checks(data: Any, *, as_of: Any = None) -> pd.DataFrame:
    """Every check of the service tables, with the rows it finds and their fate (PL: kontrola danych).

    The bar of the service method: bad input gets a clear error or is listed here, never
    counted silently (*Standards and good practices in sales*: a standard is only as good as
    its audit).

    Parameters
    ----------
    data : Company or dict
        A loaded company or a dict of tables (``contacts``, ``satisfaction``, ``deals``: those
        present are checked).
    as_of : date-like, optional
        T; default the company's as-of date.

    Returns
    -------
    pandas.DataFrame
        One row per (table, check) of the tables present: ``table``, ``check`` (a key of
        :data:`CHECK_EFFECTS`), ``count`` (rows), ``effect`` (a catalogue key) and ``status``
        (``ok``, or ``look`` for rows an error refuses or a measure leaves out).

    Raises
    ------
    ParameterError
        For an ``as_of`` that is not a date, or a ``data`` that is not a company or tables.
    """
    fn = "salesnb.service.data_checks"
    def has(t: str) -> bool:
        return (data.get(t) if isinstance(data, dict) else getattr(data, t, None)) is not None

    table = next((t for t in ("contacts", "satisfaction", "deals", "transactions") if has(t)), "transactions")
    inp = inputs(data, table, fn)
    st = settings(inp, fn, as_of=as_of)
    rows: list[tuple[str, str, int]] = []
    c = inp.contacts
    if c is not None:
        rec = _dates(c, "received_at", "contacts")
        ans = _dates(c, "answered_at", "contacts") if "answered_at" in c.columns else pd.Series(pd.NaT, index=c.index)
        rows += [("contacts", "answered_before_received", int((ans < rec).sum())),
                 ("contacts", "received_after_as_of", int((rec > st.as_of).sum())),
                 ("contacts", "answered_after_as_of", int(((ans > st.as_of) & (rec <= st.as_of)).sum())),
                 ("contacts", "unanswered", int((ans.isna() & (rec <= st.as_of)).sum())),
                 ("contacts", "enquiry_without_client",
                  int(c["customer_id"].isna().sum()) if "customer_id" in c.columns else len(c))]
    s = inp.satisfaction
    if s is not None:
        score = pd.to_numeric(s["score"], errors="coerce")
        rows += [("satisfaction", "score_out_of_range", int((score.isna() | ~score.isin([1, 2, 3, 4, 5])).sum())),
                 ("satisfaction", "survey_after_as_of", int((_dates(s, "date", "satisfaction") > st.as_of).sum())),
                 ("satisfaction", "answer_without_product",
                  int(s["product"].isna().sum()) if "product" in s.columns else len(s))]
    d = inp.deals
    if d is not None:
        deals = prepare_deals(inp, strict=False)
        for check in ("stage_not_in_sequence", "outcome_unknown", "refusal_stage_contradicts",
                      "lost_without_refusal_stage", "won_before_last_stage"):
            rows.append(("deals", check, int(deals.issues[check].sum())))
        if {"opened_at", "closed_at"} <= set(d.columns):
            rows.append(("deals", "closed_before_opened",
                         int((_dates(d, "closed_at", "deals") < _dates(d, "opened_at", "deals")).sum())))
    out = pd.DataFrame(rows, columns=["table", "check", "count"])
    out["effect"] = out["check"].map(CHECK_EFFECTS)
    out["status"] = np.where((out["count"] > 0) & ~out["check"].isin(sorted(_INFO)), "look", "ok")
    out.attrs.update(as_of=st.day)
    return out
