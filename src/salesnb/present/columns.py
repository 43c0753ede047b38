"""What each column of the workbook's tables holds, for formatting and translation (PL: kolumny).

A registry, as data: the kind of value of every column the methods return (money, percent,
count, ...) and, for columns of category values, the prefix of their labels in the catalogue
(:mod:`salesnb.i18n`), so ``status = "lost"`` shows as "utracony" in a Polish table. A column
not listed gets its kind from its dtype and name (``*_amount`` is money, ``*_share`` a
percentage, ``n_*`` a count, dates are dates).
"""
from __future__ import annotations

import re

import pandas as pd

__all__ = ["COLUMN_KINDS", "SPECIAL_VALUES", "VALUE_PREFIXES", "kind_of", "value_key"]

_MONEY = ("amount", "turnover", "margin", "revenue", "net_revenue", "corrections_amount", "mean_per_period",
          "std_per_period", "primary_sales_amount", "repeat_sales_amount", "new_direction_sales_amount",
          "lost_value", "value_lost", "monetary", "deal_value", "turnover_before", "turnover_after",
          "client_turnover", "median_monetary")
_PERCENT = ("share", "cum_share", "cum_share_before", "client_share", "value_share", "conversion", "cv",
            "share_of_repeat_clients", "share_of_gaps", "share_low", "compliance", "coverage", "maturity",
            "share_A", "share_O", "share_M", "share_I", "share_R", "share_Q", "a_share", "regular_share",
            "loyal_share", "share_2_3", "new_lead_conversion", "managed_share", "share_right", "mean_maturity",
            "maturity_none", "maturity_low", "maturity_high", "maturity_full", "peer_share", "segment_share",
            "lost_share", "category_strength", "total_strength")
_COUNT = ("clients", "count", "n", "rows", "leads", "potential_clients", "lost_clients", "restored_clients",
          "converted_clients", "primary_sales_count", "repeat_sales_count", "new_direction_sales_count",
          "n_periods", "n_products", "n_product_lines", "n_transactions", "n_corrections", "n_salespeople",
          "months_of_history", "new_product_lines", "product_lines", "class_changes", "A", "O", "M", "I", "R", "Q",
          "n_skipped", "n_invalid", "importance_n", "score_n", "rank", "frequency", "recency_score",
          "frequency_score", "monetary_score", "deals", "contacts", "answered", "late", "new_leads",
          "new_leads_converted", "lost_lines", "items", "plus", "partly", "minus", "unanswered", "answered", "right",
          "saved", "participants", "matching", "taken_by_earlier", "overlapping", "users", "lines_targeted",
          "lines_used",
          "other_lines", "peers", "cluster", "lines", "median_frequency", "new_clients", "regular_clients")
_COEFFICIENT = ("better", "worse", "fong_difference", "fong_threshold", "functional_mean", "functional_sd",
                "dysfunctional_mean", "dysfunctional_sd", "importance_mean",
                "score_mean", "threshold", "better_from", "better_to", "worse_from", "worse_to", "mean_product_lines",
                "silhouette", "mean_recency_score", "mean_frequency_score", "mean_monetary_score")
_DAYS = ("days_since_last", "typical_gap_days", "days", "recency", "recency_days", "days_in_stage", "median_recency")
# the service method (salesnb.service)
_SERVICE = {
    **{c: "count" for c in ("enquiries", "answered", "on_time", "late", "overdue", "open", "answers", "reached",
                            "lost", "moved_on", "loyal_clients", "regular_clients", "referred_clients",
                            "enquiry_overdue", "complaint", "expired_offer", "unpaid_invoice", "survey_due",
                            "no_contact", "total")},
    **{c: "percent" for c in ("open_share", "hidden_share", "dissatisfied_share", "share_of_start", "share_of_stage",
                              "share_of_refusals", "old_client_share", "referral_share")},
    **{c: "money" for c in ("sales", "old_client_sales", "referral_sales")},
    **{c: "hours" for c in ("median_hours", "standard_hours", "hours_to_answer")},
    "loyalty_index": "number",
    **{c: "days" for c in ("days_waiting", "days_overdue", "days_in_stage_mean",
                           "open_days", "days_to_refusal", "days_to_refusal_mean", "days_to_win",
                           "days_to_win_mean")},
    **{c: "count" for c in ("won", "own_client_deals", "other_manager_deals", "managed_clients")},
    "year": "text",
}

#: column name -> kind of value (see :data:`salesnb.present.numbers.KINDS`).
COLUMN_KINDS: dict[str, str] = {
    **{c: "money" for c in _MONEY},
    **{c: "percent" for c in _PERCENT},
    **{c: "count" for c in _COUNT},
    **{c: "coefficient" for c in _COEFFICIENT},
    **{c: "days" for c in _DAYS},
    **_SERVICE,
    "window": "window", "lifecycle_window": "window",
    "wave": "wave", "wave_from": "wave", "wave_to": "wave",
}

#: Values that read the same in any column: the total row, sales nobody can be credited with.
SPECIAL_VALUES: dict[str, str] = {"Total": "total", "(unassigned)": "lc_unassigned", "-": "",
                                  "unknown": "status_unknown"}

#: column name -> prefix of its values' labels in the catalogue ("" = the value is the key).
VALUE_PREFIXES: dict[str, str] = {
    "status": "status_", "status_start": "status_", "from_status": "status_", "to_status": "status_",
    "reason": "", "check": "", "measure": "", "table": "", "outcome": "outcome_",
    "category": "kano_cat_", "category_mode": "kano_cat_", "category_berger": "kano_cat_",
    "category_from": "kano_cat_", "category_to": "kano_cat_", "action": "kano_action_",
    "result": "ex_result_", "your_category": "kano_cat_",
    "state": "offer_state_", "cluster_name": "", "step": "",
    "response": "response_", "channel": "channel_", "stage": "stage_", "refusal_stage": "stage_",
    "stage_reached": "stage_", "dissatisfaction": "dissatisfaction_", "kind": "", "control_point": "", "effect": "",
    "survey_reason": "",
}

_RULES = (
    (re.compile(r".*(_amount|_value|_revenue|_turnover)$"), "money"),
    (re.compile(r"^(share_|pct_).*|.*(_share|_rate|_pct)$"), "percent"),
    (re.compile(r"^n_.*|.*(_count|_clients)$"), "count"),
    (re.compile(r".*_days$"), "days"),
)


def kind_of(column: object, values: pd.Series) -> str:
    """The kind of value a column holds (PL: rodzaj wartości w kolumnie).

    Parameters
    ----------
    column : object
        The column's name.
    values : pandas.Series
        Its values (the dtype decides for dates, periods, booleans and text).

    Returns
    -------
    str
        One of :data:`salesnb.present.numbers.KINDS`.
    """
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    if isinstance(dtype, pd.PeriodDtype):
        return "period"
    name = str(column)
    if name in COLUMN_KINDS and (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_object_dtype(dtype)
                                 or pd.api.types.is_string_dtype(dtype)):
        return COLUMN_KINDS[name]
    if pd.api.types.is_numeric_dtype(dtype):
        for pattern, kind in _RULES:
            if pattern.match(name):
                return kind
        return "count" if pd.api.types.is_integer_dtype(dtype) else "number"
    if pd.api.types.is_object_dtype(dtype) and len(values) and values.map(lambda v: isinstance(v, bool)).all():
        return "boolean"
    return "text"


def value_key(column: object, value: object) -> str | None:
    """The catalogue key of a category value in a column, if it has one (PL: klucz etykiety).

    Parameters
    ----------
    column : object
        The column's name.
    value : object
        The value.

    Returns
    -------
    str or None
        E.g. ``"status_lost"`` for ``("status", "lost")``; None for values that are not
        category codes (names, ids).
    """
    if not isinstance(value, str):
        return None
    if value in SPECIAL_VALUES:
        return SPECIAL_VALUES[value] or None
    prefix = VALUE_PREFIXES.get(str(column))
    if prefix is None:
        return value if value.startswith("reason_") else None
    return prefix + value
