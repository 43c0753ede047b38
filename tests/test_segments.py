"""Target groups by rules (seed 003 line 311, Example 3)."""
from __future__ import annotations

import pandas as pd

from salesnb.segments import OUTSIDE, assign, check_segments

SEGMENTS = {
    "segments": [
        {"id": "large_production", "rules": {"industry": "production", "has_branches": True, "employees": ">1000"}},
        {"id": "sme_trade", "rules": {"industry": ["trade", "retail"], "employees": "<150"}},
        {"id": "small_retail", "rules": {"employees": "<20"}},
    ],
    "portrait": {"large_production": ["Licences"]},
}


def test_first_matching_group_wins_and_non_matching_are_outside():
    customers = pd.DataFrame({
        "industry": ["Production", "production", "trade", "retail", "education", "trade"],
        "has_branches": ["tak", "no", "yes", "no", "no", None],
        "employees": [5000, 5000, 100, 10, 10, 1000],
    })
    # row 0: production + branches ("tak" = yes) + 5000 > 1000 -> large_production
    # row 1: no branches -> not large_production; production is not trade -> 5000 not < 20 -> outside
    # row 2: trade, 100 < 150 -> sme_trade; row 3: retail, 10 < 150 -> sme_trade (first match beats small_retail)
    # row 4: education, 10 < 20 -> small_retail; row 5: trade but 1000 employees -> outside
    assert assign(customers, SEGMENTS).tolist() == [
        "large_production", OUTSIDE, "sme_trade", "sme_trade", "small_retail", OUTSIDE]


def test_check_segments_names_unknown_attributes_and_groups():
    customers = pd.DataFrame({"industry": [], "employees": []})
    bad = {"segments": [{"id": "a", "rules": {"industy": "x", "employees": ">> 5"}}], "portrait": {"b": []}}
    msgs = " | ".join(p.message for p in check_segments(bad, customers, "segments.yml"))
    assert "'industy'" in msgs and "not a comparison" in msgs and "'b'" in msgs
    assert check_segments(SEGMENTS, pd.DataFrame(columns=["industry", "has_branches", "employees"]), "s") == []
