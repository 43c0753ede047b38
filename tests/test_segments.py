"""Segmentation and the ideal client portrait (the article Working with clients): hand-computed cases.

Target groups by rules (Example 3), the portrait's coverage, maturity (products used / products
targeted), the offer-state grid (contract > application > refused > not offered, "uses" from
transactions), the cross-sell order, RFM scores at quantile boundaries and the clustering's
determinism; every public function refuses a bad argument by name.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

import salesnb
from salesnb import segments as S
from salesnb.errors import DataError, ParameterError
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


def test_overlaps_and_empty_groups_are_reported():
    customers = pd.DataFrame({
        "industry": ["trade", "retail", "trade", "education", "production"],
        "employees": [10, 100, 500, 5, 5000],
        "has_branches": [False, False, False, False, False],
    })
    summary = S.group_summary(customers, SEGMENTS)
    # sme_trade: rows 0, 1 (10 and 100 < 150); small_retail's rules hold for rows 0 and 3 (< 20),
    # row 0 is taken by sme_trade (first match); nobody is large production (no branches)
    assert summary["clients"].to_dict() == {"large_production": 0, "sme_trade": 2, "small_retail": 1, OUTSIDE: 2}
    assert summary.loc["small_retail", "matching"] == 2 and summary.loc["small_retail", "taken_by_earlier"] == 1
    assert summary.loc["sme_trade", "overlapping"] == 1 and summary.loc["small_retail", "overlapping"] == 1
    assert summary.loc["large_production", "empty"] and not summary.loc["sme_trade", "empty"]
    assert summary.attrs == {"overlapping_clients": 1, "empty_groups": ["large_production"]}
    both = S.overlap_matrix(customers, SEGMENTS)
    assert both.loc["sme_trade", "small_retail"] == 1 and both.loc["small_retail", "small_retail"] == 2
    assert both.loc["large_production"].sum() == 0
    pairs = S.overlap_pairs(customers, SEGMENTS)  # only the pairs that overlap, the earlier group first
    assert pairs.to_dict("records") == [{"segment": "sme_trade", "also_matches": "small_retail", "clients": 1}]
    assert S.overlap_pairs(customers.iloc[1:], SEGMENTS).empty  # row 0 was the only client in two groups


def test_low_maturity_lists_the_lines_for_the_group_before_those_used(loaded):
    low = S.low_maturity(loaded["wholesale_pl"])
    cols = list(low.columns)
    assert cols.index("lines_targeted") + 1 == cols.index("lines_used")
    from salesnb.present import column_label

    assert column_label("lines_used", "pl") == "Wykorzystane linie" and column_label("lines_used") == "Lines used"


def test_rules_table_writes_each_group_and_its_portrait():
    table = S.rules_table(SEGMENTS)
    assert table.loc["large_production", "rules"] == "industry = production · has_branches = true · employees > 1000"
    assert table.loc["sme_trade", "rules"] == "industry ∈ {trade, retail} · employees < 150"
    assert table.loc["large_production", "portrait_lines"] == "Licences"
    assert table.loc["small_retail", "portrait_lines"] == ""
    # in words for a reader: attributes by their labels, yes/no and "or" in the reader's language
    pl = S.rules_table(SEGMENTS, "pl")
    assert pl.loc["large_production", "rules"] == "Branża: production · Ma oddziały: tak · Liczba pracowników > 1000"
    assert pl.loc["sme_trade", "rules"] == "Branża: trade lub retail · Liczba pracowników < 150"
    en = S.rules_table({"segments": [{"id": "x", "rules": {"shop_size": ["S", "M", "L"], "online": False}}]}, "en")
    assert en.loc["x", "rules"] == "shop size: S, M or L · online: no"  # no label: the name, "_" as a space


def test_a_rule_on_a_missing_attribute_names_the_group_and_the_attribute():
    customers = pd.DataFrame({"industry": ["trade"], "employees": [10]})
    with pytest.raises(DataError) as err:
        assign(customers, SEGMENTS)
    assert "'large_production'" in str(err.value) and "'has_branches'" in str(err.value)
    assert not isinstance(err.value, ParameterError)


# --------------------------------------------------------------------------------------------
# A small company, computed by hand: as-of 2025-12-31, the period of "used" 2025-01-01..12-31

PORTRAIT = {
    "segments": [
        {"id": "shops", "name": {"en": "Shops", "pl": "Sklepy"}, "rules": {"kind": "shop"}},
        {"id": "hotels", "name": "Hotels", "rules": {"kind": "hotel"}},
    ],
    "portrait": {"shops": ["L1", "L2", "L3"], "hotels": ["L1"]},
}


def _company(rows, customers, deals=None, segments=PORTRAIT):
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount", "product_line"])
    tx["date"] = pd.to_datetime(tx["date"])
    out = {"transactions": tx, "customers": customers, "segments": segments, "as_of": pd.Timestamp("2025-12-31"),
           "deal_stages": ("presentation", "offer", "agreement", "implementation")}
    if deals is not None:
        out["deals"] = deals
    return out


def _customers(ids, kinds, salesperson="Ann"):
    return pd.DataFrame({"customer_id": ids, "kind": kinds, "salesperson": salesperson})


def test_leads_are_placed_among_the_sorted_client_ids():
    from salesnb.segments.base import _merge_ids

    merged, pos_sorted, pos_others = _merge_ids(pd.Index(["b", "d", "f"]), pd.Index(["a", "d", "c", "g", "c"]))
    assert list(merged) == ["a", "b", "c", "d", "f", "g"]
    assert pos_sorted.tolist() == [1, 3, 4] and pos_others.tolist() == [0, 3, 2, 5, 2]
    same, pos, others = _merge_ids(pd.Index(["b", "d"]), pd.Index(["d"]))
    assert list(same) == ["b", "d"] and pos.tolist() == [0, 1] and others.tolist() == [1]


def test_maturity_counts_targeted_lines_used_in_the_period():
    rows = [
        ("m1", "2025-03-01", 100.0, "L1"),        # used
        ("m1", "2025-04-01", 50.0, "L2"),         # bought ...
        ("m1", "2025-04-20", -50.0, "L2"),        # ... and fully credited: not used
        ("m1", "2024-06-01", 80.0, "L3"),         # before the period: not used now
        ("m1", "2025-05-01", 30.0, "L4"),         # used, outside the portrait
        ("h1", "2025-02-01", 10.0, "L1"),         # a hotel using its only line
        ("o1", "2025-02-01", 10.0, "L1"),         # outside the target groups
        ("x1", "2024-02-01", 10.0, "L1"),         # a shop with no settlement in the period
    ]
    data = _company(rows, _customers(["m1", "h1", "o1", "x1"], ["shop", "hotel", "bar", "shop"]))
    m = S.maturity(data)
    assert list(m.index) == ["h1", "m1", "o1"]  # x1 did not buy in the period
    assert m.loc["m1", ["lines_targeted", "lines_used", "other_lines"]].tolist() == [3, 1, 1]
    assert m.loc["m1", "maturity"] == pytest.approx(1 / 3)
    assert m.loc["m1", "turnover"] == pytest.approx(130.0)
    assert m.loc["h1", "maturity"] == 1.0
    assert m.loc["o1", "segment"] == OUTSIDE and np.isnan(m.loc["o1", "maturity"])
    everyone = S.maturity(data, clients="all")
    assert everyone.loc["x1", "maturity"] == 0.0
    # a whole-history horizon counts L3 as used
    assert S.maturity(data, horizon="all").loc["m1", "maturity"] == pytest.approx(2 / 3)
    summary = S.maturity_summary(everyone)
    assert summary.loc["shops", "clients"] == 2 and summary.loc["shops", "mean_maturity"] == pytest.approx(1 / 6)
    assert summary.loc["shops", ["maturity_none", "maturity_low", "maturity_high", "maturity_full"]].tolist() == \
        [0.5, 0.5, 0.0, 0.0]
    # one figure over every target-group client (m1 1/3, h1 1, x1 0; o1 outside): each client counts once
    assert S.mean_maturity(everyone) == pytest.approx((1 / 3 + 1 + 0) / 3)
    assert S.mean_maturity(everyone[everyone["segment"] == OUTSIDE]) is None
    cov = S.coverage(data, clients="all")
    assert cov.loc["shops", "clients"] == 2 and cov.loc["shops", "L1"] == 0.5 and cov.loc["shops", "L2"] == 0.0
    assert cov.loc["shops", "L4"] == 0.5 and not cov.attrs["targeted"].loc["shops", "L4"]
    assert cov.loc["hotels", "L1"] == 1.0


def _deal(i, cid, line, opened, outcome, closed=None, stage="offer"):
    return {"deal_id": f"D{i}", "customer_id": cid, "product_line": line, "opened_at": pd.Timestamp(opened),
            "closed_at": pd.Timestamp(closed) if closed else pd.NaT, "outcome": outcome, "stage_reached": stage}


def test_offer_states_follow_the_precedence_and_carry_their_dates():
    rows = [("c1", "2025-06-01", 100.0, "L1"), ("c2", "2025-06-01", 100.0, "L1")]
    deals = pd.DataFrame([
        # c1 L2: refused, then an application, then a contract: the contract wins, dated at closing
        _deal(1, "c1", "L2", "2025-01-10", "lost", "2025-01-20"),
        _deal(2, "c1", "L2", "2025-02-01", "won", "2025-02-15", "implementation"),
        _deal(3, "c1", "L2", "2025-11-01", "open"),
        # c1 L3: two refusals and an application: the application, dated at opening
        _deal(4, "c1", "L3", "2025-03-01", "lost", "2025-03-05"),
        _deal(5, "c1", "L3", "2025-09-01", "open", stage="presentation"),
        _deal(6, "c1", "L3", "2025-10-01", "lost", "2025-10-09"),
        # c1 L1 is used: a refusal does not hide it
        _deal(7, "c1", "L1", "2025-04-01", "lost", "2025-04-02"),
        # c2 L2: two refusals: the later one; c2 L3: won after the as-of date: still an application
        _deal(8, "c2", "L2", "2025-01-01", "lost", "2025-01-03"),
        _deal(9, "c2", "L2", "2025-05-01", "lost", "2025-05-07"),
        _deal(10, "c2", "L3", "2025-12-01", "won", "2026-01-15", "implementation"),
        # opened after the as-of date, or for a line no group targets: not in the grid
        _deal(11, "c2", "L1", "2026-01-05", "won", "2026-01-20"),
        _deal(12, "c2", "L9", "2025-05-01", "lost", "2025-05-07"),
    ])
    data = _company(rows, _customers(["c1", "c2", "c3"], ["shop", "shop", "shop"]), deals)
    grid = S.offer_grid(data).set_index(["customer_id", "product_line"])
    state = grid["state"].astype(str).to_dict()
    assert state == {("c1", "L1"): "uses", ("c1", "L2"): "contract", ("c1", "L3"): "application",
                     ("c2", "L1"): "uses", ("c2", "L2"): "refused", ("c2", "L3"): "application",
                     ("c3", "L1"): "not_offered", ("c3", "L2"): "not_offered", ("c3", "L3"): "not_offered"}
    assert grid.loc[("c1", "L2"), "date"] == pd.Timestamp("2025-02-15") and grid.loc[("c1", "L2"), "deal_id"] == "D2"
    assert grid.loc[("c1", "L3"), "date"] == pd.Timestamp("2025-09-01")
    assert grid.loc[("c2", "L2"), "date"] == pd.Timestamp("2025-05-07") and grid.loc[("c2", "L2"), "deal_id"] == "D9"
    assert grid.loc[("c2", "L3"), "date"] == pd.Timestamp("2025-12-01")
    assert pd.isna(grid.loc[("c1", "L1"), "date"]) and pd.isna(grid.loc[("c3", "L1"), "date"])
    assert grid.attrs["deals_after_as_of"] == 1 and grid.attrs["deals_other_line"] == 1
    assert list(grid["state"].cat.categories) == list(S.STATES)
    # buying clients only: c3 bought nothing
    assert set(S.offer_grid(data, clients="buying")["customer_id"]) == {"c1", "c2"}
    # an open deal that reached the contract stage counts as a contract, dated at opening
    deals2 = pd.concat([deals, pd.DataFrame([_deal(13, "c3", "L2", "2025-08-01", "open", stage="agreement")])])
    g2 = S.offer_grid(_company(rows, data["customers"], deals2), contract_stage="agreement")
    row = g2[(g2["customer_id"] == "c3") & (g2["product_line"] == "L2")].iloc[0]
    assert row["state"] == "contract" and row["date"] == pd.Timestamp("2025-08-01")
    assert S.offer_grid(_company(rows, data["customers"], deals2)).query(
        "customer_id == 'c3' and product_line == 'L2'")["state"].iloc[0] == "application"
    # deals without a product line: only "uses" and "not offered"
    no_line = S.offer_grid(_company(rows, data["customers"], deals.drop(columns="product_line")))
    assert set(no_line["state"].astype(str)) == {"uses", "not_offered"} and not no_line.attrs["deal_lines"]
    low = pd.DataFrame({"missing_lines": ["L2, L3", "L1"]})
    steps = S.next_steps(S.offer_grid(data), low)
    assert steps.loc["seg_step_low_maturity"].tolist() == [2, 3]
    assert steps.loc["seg_step_applications"].tolist() == [2, 2] and steps.loc["seg_step_contracts"].tolist() == [1, 1]
    assert steps.loc["seg_step_refused"].tolist() == [1, 1] and steps.loc["seg_step_not_offered"].tolist() == [1, 3]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["c1", "c2", "c3"]), st.sampled_from(["L1", "L2", "L3"]),
                          st.integers(0, 400), st.sampled_from(["won", "lost", "open"]), st.integers(0, 60)),
                max_size=25))
def test_offer_states_equal_a_deal_by_deal_reference(deal_rows):
    start, T = pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-31")
    rows = [("c1", "2025-06-01", 100.0, "L1"), ("c2", "2025-06-01", 100.0, "L2")]
    deals = pd.DataFrame([_deal(i, c, line, start + pd.Timedelta(days=o), out,
                                None if out == "open" else start + pd.Timedelta(days=o + k))
                          for i, (c, line, o, out, k) in enumerate(deal_rows)],
                         columns=["deal_id", "customer_id", "product_line", "opened_at", "closed_at", "outcome",
                                  "stage_reached"])
    data = _company(rows, _customers(["c1", "c2", "c3"], ["shop"] * 3), deals)
    grid = S.offer_grid(data).set_index(["customer_id", "product_line"])
    rank = {"contract": 3, "application": 2, "refused": 1}
    for (c, line), row in grid.iterrows():
        if (c, line) in {("c1", "L1"), ("c2", "L2")}:
            assert row["state"] == "uses"
            continue
        best = None
        for d in deals.itertuples():
            if d.customer_id != c or d.product_line != line or d.opened_at > T:
                continue
            closed = d.closed_at if pd.notna(d.closed_at) and d.closed_at <= T else None
            state = ("contract" if d.outcome == "won" and closed is not None else
                     "refused" if d.outcome == "lost" and closed is not None else "application")
            when = d.opened_at if state == "application" else closed
            if best is None or (rank[state], when) > (rank[best[0]], best[1]):
                best = (state, when)
        assert row["state"] == (best[0] if best else "not_offered"), (c, line)
        assert (pd.isna(row["date"]) if best is None else row["date"] == best[1]), (c, line)


def test_cross_sell_orders_lines_by_similar_clients():
    rows = [
        ("a1", "2025-03-01", 10.0, "L4"),                                        # buys, none of its portrait
        ("a2", "2025-03-01", 10.0, "L1"), ("a2", "2025-03-02", 10.0, "L2"),
        ("a3", "2025-03-01", 10.0, "L1"),
        ("a4", "2025-03-01", 10.0, "L1"), ("a4", "2025-03-02", 10.0, "L3"),
        ("b1", "2025-03-01", 10.0, "L3"), ("b2", "2025-03-01", 10.0, "L3"),
    ]
    ids = ["a1", "a2", "a3", "a4", "b1", "b2"]
    data = _company(rows, _customers(ids, ["shop"] * 6, ["Ann", "Bob", "Bob", "Bob", "Bob", "Bob"]),
                    pd.DataFrame([_deal(1, "a1", "L3", "2025-06-01", "lost", "2025-06-10")]))
    abc = pd.DataFrame({"abc": ["A", "A", "A", "A", "B", "B"], "xyz": None, "abc_xyz": None, "turnover": 1.0},
                       index=pd.Index(ids, name="customer_id"))
    todo = S.cross_sell(data, abc_table=abc)
    a1 = todo[todo["customer_id"] == "a1"]
    # peers of a1 (class A: a2, a3, a4): L1 3/3, L2 1/3, L3 1/3; the tie goes to the share in the whole
    # group without a1 (a2, a3, a4, b1, b2): L3 3/5 before L2 1/5
    assert a1["product_line"].tolist() == ["L1", "L3", "L2"] and a1["rank"].tolist() == [1, 2, 3]
    assert a1["peer_share"].tolist() == pytest.approx([1.0, 1 / 3, 1 / 3])
    assert a1["segment_share"].tolist() == pytest.approx([3 / 5, 3 / 5, 1 / 5])
    assert (a1["peers"] == 3).all() and a1["state"].astype(str).tolist() == ["not_offered", "refused", "not_offered"]
    # b1's peer is b2 (class B), who uses only L3, like b1: L1 and L2 have a peer share of 0
    b1 = todo[todo["customer_id"] == "b1"]
    assert b1["product_line"].tolist() == ["L1", "L2"] and b1["peer_share"].tolist() == [0.0, 0.0]
    # one salesperson's list, A clients first
    assert S.cross_sell(data, salesperson="Ann", abc_table=abc)["customer_id"].unique().tolist() == ["a1"]
    assert todo["abc"].tolist()[0] == "A" and todo["abc"].tolist()[-1] == "B"


# --------------------------------------------------------------------------------------------
# RFM

def test_quantile_scores_at_the_boundaries():
    assert S.quantile_scores([10, 20, 30, 40, 50]).tolist() == [1, 2, 3, 4, 5]
    assert S.quantile_scores(np.arange(10)).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    # the middle of three sits exactly on the 50% boundary (mid-rank 1.5/3): the upper score
    assert S.quantile_scores([1, 2, 3], bins=2).tolist() == [1, 2, 2]
    # ties share a score: the three 1s have mid-rank 1.5/4 -> 2; the 2 has 3.5/4 -> 5
    assert S.quantile_scores([1, 1, 1, 2]).tolist() == [2, 2, 2, 5]
    assert S.quantile_scores([7, 7, 7]).tolist() == [3, 3, 3]
    # recency: fewer days is better
    assert S.quantile_scores([5, 1, 3], bins=3, higher_is_better=False).tolist() == [1, 3, 2]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-5, 30), min_size=1, max_size=60), st.integers(2, 9), st.randoms(use_true_random=False))
def test_quantile_scores_invariants(values, bins, rnd):
    v = np.array(values, dtype=float)
    score = S.quantile_scores(v, bins)
    assert score.min() >= 1 and score.max() <= bins
    order = np.argsort(v, kind="stable")
    assert (np.diff(score[order]) >= 0).all()                 # a larger value never scores lower
    for x in np.unique(v):                                    # ties share a score
        assert len(set(score[v == x])) == 1
    perm = list(range(len(v)))
    rnd.shuffle(perm)
    assert (S.quantile_scores(v[perm], bins) == score[perm]).all()  # the order of the clients does not matter
    assert (S.quantile_scores(-v, bins, higher_is_better=False) == score).all()


def test_rfm_recency_frequency_monetary():
    rows = [
        ("r1", "2025-12-01", 100.0, "L1"), ("r1", "2025-12-01", 50.0, "L2"),   # one purchase day
        ("r1", "2025-10-01", 100.0, "L1"), ("r1", "2025-10-15", -20.0, "L1"),  # a correction: not a purchase
        ("r2", "2024-05-01", 500.0, "L1"),                                       # before the period
        ("r3", "2025-12-31", 10.0, "L1"),
    ]
    data = _company(rows, _customers(["r1", "r2", "r3"], ["shop", "hotel", "bar"]))
    r = S.rfm(data)
    assert r.loc["r1", ["recency", "frequency", "monetary"]].tolist() == [30, 2, 230.0]
    assert r.loc["r2", ["recency", "frequency", "monetary"]].tolist() == [609, 0, 0.0]
    assert r.loc["r3", ["recency", "frequency", "monetary"]].tolist() == [0, 1, 10.0]
    assert r["recency_score"].tolist() == [3, 1, 5] and r["frequency_score"].tolist() == [5, 1, 3]
    assert r["rfm_code"].tolist() == ["355", "111", "533"]
    assert r["segment"].tolist() == ["shops", "hotels", OUTSIDE]


def test_silhouette_by_hand():
    x = np.array([[0.0], [1.0], [10.0], [11.0]])
    # point 0: a = 1, b = (10 + 11) / 2; point 1: a = 1, b = (9 + 10) / 2; the others mirror them
    expected = np.mean([(10.5 - 1) / 10.5, (9.5 - 1) / 9.5, (9.5 - 1) / 9.5, (10.5 - 1) / 10.5])
    assert S.silhouette(x, np.array([0, 0, 1, 1])) == pytest.approx(expected)
    # point 0 alone: 0; point 1: a = (9 + 10) / 2, b = 1; point 10: a = (9 + 1) / 2, b = 10; point 11: a = 5.5, b = 11
    assert S.silhouette(x, np.array([0, 1, 1, 1])) == pytest.approx(np.mean([0, (1 - 9.5) / 9.5, 0.5, 0.5]))
    assert np.isnan(S.silhouette(x, np.zeros(4)))


def _blobs(seed=3):
    rng = np.random.default_rng(seed)
    parts = []
    for rec, freq, money, n in ((3, 12, 50_000, 30), (200, 2, 800, 30), (40, 6, 5_000, 30)):
        parts.append(pd.DataFrame({"recency": np.maximum(1, rng.normal(rec, rec * 0.1, n)).round(),
                                   "frequency": np.maximum(1, rng.normal(freq, 0.5, n)).round(),
                                   "monetary": rng.normal(money, money * 0.1, n).round(2)}))
    t = pd.concat(parts, ignore_index=True)
    t.index = pd.Index([f"c{i:03d}" for i in range(len(t))], name="customer_id")
    t["recency_score"] = S.quantile_scores(t["recency"], higher_is_better=False)
    t["frequency_score"] = S.quantile_scores(t["frequency"])
    t["monetary_score"] = S.quantile_scores(t["monetary"])
    return t


def test_rfm_clusters_are_deterministic_and_find_clear_groups():
    t = _blobs()
    one = S.rfm_clusters(t, k_range=(2, 5), seed=7)
    two = S.rfm_clusters(t, k_range=(2, 5), seed=7)
    pd.testing.assert_frame_equal(one.table, two.table)
    np.testing.assert_array_equal(one.centres, two.centres)
    assert one.k == 3 and one.silhouettes.idxmax() == 3
    # each planted group is one cluster; cluster 1 holds the largest monetary values
    truth = np.repeat([0, 1, 2], 30)
    assert pd.crosstab(truth, one.table["cluster"].to_numpy()).gt(0).sum(axis=1).tolist() == [1, 1, 1]
    assert one.table["cluster"].iloc[0] == 1 and one.profiles.loc[1, "cluster_name"].startswith("rfm_champions")
    assert one.profiles["clients"].sum() == len(t)
    assert abs(one.profiles["client_share"].sum() - 1) < 1e-12


def test_cluster_words_follow_the_window():
    # W = 91 days, a year: recent up to 30 days (W / 3), long ago beyond 91 (the lifecycle's lost);
    # 4 windows in the year: rare under 4 purchase days, frequent over 8
    assert S.cluster_level(30, 9, 91, 365) == ("high", "high")
    assert S.cluster_level(31, 8, 91, 365) == ("mid", "mid")
    assert S.cluster_level(58, 2, 91, 365) == ("mid", "low")   # still a regular client: not "lapsed"
    assert S.cluster_level(91, 4, 91, 365) == ("mid", "mid")
    assert S.cluster_level(92, 3, 91, 365) == ("low", "low")
    assert S.cluster_level(100, 3, 30, 365) == ("low", "low") and S.cluster_level(100, 30, 30, 365)[1] == "high"
    with pytest.raises(ParameterError, match="'window_days' parameter"):
        S.cluster_level(10, 1, 0)


def test_cluster_names_read_the_medians_against_the_window():
    t = _blobs()  # medians: 3 days and 12 purchase days; 200 and 2; 40 and 6
    res = S.rfm_clusters(t, k=3)
    keys = [n.split(":")[0] for n in res.profiles["cluster_name"]]
    assert keys == ["rfm_champions", "rfm_middle", "rfm_lapsed"]
    t.attrs.update(window_days=30, period_days=365)  # a monthly rhythm: 40 days is long ago, 12 a year not frequent
    keys = [n.split(":")[0] for n in S.rfm_clusters(t, k=3).profiles["cluster_name"]]
    assert keys == ["rfm_promising", "rfm_lapsed", "rfm_lapsed"]
    assert "rfm_occasional" in S.ARCHETYPES.values() and not any("new" in v for v in S.ARCHETYPES.values())


def test_cluster_names_are_unique(loaded):
    from salesnb.present import value_label
    from salesnb.segments.rfm import _unique_names

    t = _blobs()
    t.attrs.update(window_days=30, period_days=365)
    names = S.rfm_clusters(t, k=3).profiles["cluster_name"]
    assert names.is_unique
    # clusters 2 and 3 were both "lapsed, ... value": told apart on the feature they differ most on
    assert names.loc[2].startswith("rfm_lapsed") and names.loc[3].startswith("rfm_lapsed")
    # by hand: two share a name and differ most in recency (log days, standardised; smaller is better)
    centres = np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [-1.0, 0.1, 0.0], [0.5, 0.5, 0.5]])
    out = _unique_names({1: "a:x", 2: "b:y", 3: "b:y", 4: "c:z", 0: S.INACTIVE}, centres)
    assert out == {1: "a:x", 2: "b:y:rfm_less_recent", 3: "b:y:rfm_more_recent", 4: "c:z", 0: S.INACTIVE}
    out = _unique_names({1: "b:y", 2: "b:y", 3: "b:y"}, np.array([[0, 0, 3.0], [0, 0, 1.0], [0, 0, 2.0]]))
    assert out == {1: "b:y:rfm_rank_1", 2: "b:y:rfm_rank_3", 3: "b:y:rfm_rank_2"}
    assert value_label("cluster_name", "rfm_lapsed:rfm_value_low:rfm_more_recent", "pl") \
        == "Uśpieni (dawno, rzadko): niska wartość, z nowszym zakupem"
    for name, c in loaded.items():
        assert S.rfm_clusters(S.rfm(c)).profiles["cluster_name"].is_unique, name


def test_clients_without_a_purchase_in_the_period_are_group_zero():
    t = _blobs()
    t.loc[t.index[:5], ["frequency", "monetary"]] = 0
    res = S.rfm_clusters(t, k=3)
    assert (res.table["cluster"].iloc[:5] == 0).all() and (res.table["cluster"].iloc[5:] > 0).all()
    assert res.profiles.index[-1] == 0 and res.profiles.loc[0, "cluster_name"] == S.INACTIVE


# --------------------------------------------------------------------------------------------
# The samples: every company has target groups, a portrait and deals that fill the grid

NAMES = ("it_services", "event_agency", "wholesale_pl")


@pytest.fixture(scope="module")
def loaded():
    return {n: salesnb.load_company(SAMPLES / n) for n in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_every_sample_has_a_portrait_and_a_full_offer_grid(loaded, name):
    c = loaded[name]
    ids = [g["id"] for g in c.segments["segments"]]
    assert set(c.segments["portrait"]) == set(ids)
    grid = S.offer_grid(c)
    counts = grid["state"].value_counts()
    assert (counts[list(S.STATES)] >= 10).all(), counts.to_dict()
    assert grid.attrs["deal_lines"] and grid.attrs["deals_without_line"] == 0
    assert S.cross_sell(c)["state"].isin(["contract", "application", "refused"]).any()


def test_the_polish_sample_names_its_groups_in_polish(loaded):
    names = S.segment_names(loaded["wholesale_pl"].segments, "pl")
    assert names["sklepy"] == "Sklepy spożywcze i wielobranżowe" and names[OUTSIDE] == "poza grupami docelowymi"


def test_the_event_agency_reports_an_overlap_and_an_empty_group(loaded):
    c = loaded["event_agency"]
    summary = S.group_summary(c.customers, c.segments)
    assert summary.attrs["overlapping_clients"] >= 1 and summary.attrs["empty_groups"] == ["universities"]


@pytest.mark.parametrize("name", NAMES)
def test_maturity_and_coverage_equal_a_plain_pandas_computation(loaded, name):
    c = loaded[name]
    T = c.analysis_date
    tx = c.transactions[(c.transactions["date"] >= (T.to_period("M") - 11).start_time)
                        & (c.transactions["date"] < T + pd.Timedelta(days=1))]
    net = tx.groupby(["customer_id", "product_line"])["amount"].sum().round(4)
    used = net[net > 0].reset_index()[["customer_id", "product_line"]]
    buyers = set(tx.loc[tx["amount"] > 0, "customer_id"])
    seg = assign(c.customers, c.segments).set_axis(c.customers["customer_id"])
    portrait = c.segments["portrait"]
    expected = {}
    for cid in sorted(buyers):
        g = seg.get(cid, OUTSIDE)
        if g == OUTSIDE:
            continue
        mine = set(used.loc[used["customer_id"] == cid, "product_line"])
        expected[cid] = len(mine & set(portrait[g])) / len(portrait[g])
    m = S.maturity(c)
    got = m["maturity"].dropna()
    assert got.to_dict() == pytest.approx(expected)
    cov = S.coverage(c)
    for g, lines in portrait.items():
        members = [cid for cid in expected if seg[cid] == g]
        for line in lines:
            users = used[(used["customer_id"].isin(members)) & (used["product_line"] == line)]
            want = len(users) / len(members) if members else np.nan
            assert cov.loc[g, line] == pytest.approx(want, nan_ok=True), (g, line)


@pytest.mark.parametrize("name", NAMES)
def test_links_to_abc_xyz_and_the_lifecycle(loaded, name):
    from salesnb import abcxyz

    c = loaded[name]
    table = abcxyz.abc_xyz(c)
    classes = S.segment_classes(c, abc_table=table)
    assert classes["clients"].sum() == len(S.prepare(c).clients)
    low = S.low_maturity(c, abc_table=table)
    assert (low["maturity"] < 0.5).all() and ((low["abc"] == "A") | (low["xyz"] == "X")).all()
    best = S.most_valuable(c, abc_table=table)
    assert (best["n_product_lines"] >= 3).all()
    assert set(best.index) <= set(table.index[(table["abc_xyz"] == "AX")])
    lost = S.lost_by_segment(c)
    assert lost["clients"].sum() == classes["clients"].sum()
    statuses = ["potential_clients", "new_clients", "regular_clients", "lost_clients", "restored_clients"]
    assert (lost[statuses].sum(axis=1) == lost["clients"]).all()


# --------------------------------------------------------------------------------------------
# Bad arguments: a ParameterError naming the parameter

def _bad_calls():
    data = _company([("c1", "2025-06-01", 100.0, "L1")], _customers(["c1"], ["shop"]))
    r = S.rfm(data)
    return [
        ("prepare", lambda: S.prepare("folder"), "data"),
        ("prepare", lambda: S.prepare(data, horizon=0), "horizon"),
        ("prepare", lambda: S.prepare(data, segments={"segments": []}), "segments"),
        ("prepare", lambda: S.prepare(S.prepare(data), as_of="2025-01-01"), "as_of"),
        ("matches", lambda: S.matches([1, 2], PORTRAIT), "customers"),
        ("assign", lambda: S.assign(data["customers"], {"portrait": {}}), "segments"),
        ("group_summary", lambda: S.group_summary("customers", PORTRAIT), "customers"),
        ("overlap_matrix", lambda: S.overlap_matrix(data["customers"], "segments.yml"), "segments"),
        ("overlap_pairs", lambda: S.overlap_pairs(data["customers"], "segments.yml"), "segments"),
        ("segment_names", lambda: S.segment_names(PORTRAIT, "de"), "language"),
        ("portrait", lambda: S.portrait(None), "data"),
        ("coverage", lambda: S.coverage(data, clients="some"), "clients"),
        ("coverage", lambda: S.coverage(data, targeted_only="yes"), "targeted_only"),
        ("coverage_long", lambda: S.coverage_long(data, horizon="soon"), "horizon"),
        ("maturity", lambda: S.maturity(data, clients=1), "clients"),
        ("maturity_summary", lambda: S.maturity_summary(r), "table"),
        ("mean_maturity", lambda: S.mean_maturity(r), "table"),
        ("offer_grid", lambda: S.offer_grid(data, salesperson="Zed"), "salesperson"),
        ("offer_grid", lambda: S.offer_grid({**data, "deals": pd.DataFrame([_deal(1, "c1", "L1", "2025-01-01",
                                                                                   "open")])},
                                            contract_stage="signed"), "contract_stage"),
        ("cross_sell", lambda: S.cross_sell(data, abc_table=r), "abc_table"),
        ("cross_sell", lambda: S.cross_sell(data, clients="lost"), "clients"),
        ("rfm", lambda: S.rfm(data, bins=1), "bins"),
        ("rfm", lambda: S.rfm(data, window="soon"), "window"),
        ("cluster_level", lambda: S.cluster_level(10, 2, period_days=-1), "period_days"),
        ("quantile_scores", lambda: S.quantile_scores([1.0, np.nan]), "values"),
        ("quantile_scores", lambda: S.quantile_scores([1.0], bins=2.5), "bins"),
        ("rfm_clusters", lambda: S.rfm_clusters(_blobs(), k=1), "k"),
        ("rfm_clusters", lambda: S.rfm_clusters(_blobs(), k_range=(5, 2)), "k_range"),
        ("rfm_clusters", lambda: S.rfm_clusters(_blobs(), seed=-1), "seed"),
        ("rfm_clusters", lambda: S.rfm_clusters(data["customers"]), "table"),
        ("silhouette", lambda: S.silhouette(np.zeros((3, 2)), np.zeros(2)), "labels"),
        ("segment_classes", lambda: S.segment_classes(data, abc_table=r), "abc_table"),
        ("most_valuable", lambda: S.most_valuable(data, min_lines=0), "min_lines"),
        ("low_maturity", lambda: S.low_maturity(data, below=0), "below"),
        ("low_maturity", lambda: S.low_maturity(data, abc=("D",)), "abc"),
        ("low_maturity", lambda: S.low_maturity(data, xyz="Q"), "xyz"),
        ("lost_by_segment", lambda: S.lost_by_segment(data, window="P1M"), "window"),
        ("rules_table", lambda: S.rules_table("segments.yml"), "segments"),
        ("rules_table", lambda: S.rules_table(SEGMENTS, "de"), "language"),
        ("attribute_name", lambda: S.attribute_name("industry", "de"), "language"),
        ("next_steps", lambda: S.next_steps(r, r), "grid"),
        ("next_steps", lambda: S.next_steps(S.offer_grid(data), r), "low"),
    ]


@pytest.mark.parametrize("case", range(len(_bad_calls())), ids=lambda i: f"{_bad_calls()[i][0]}-{_bad_calls()[i][2]}")
def test_a_bad_argument_names_the_parameter(case):
    name, call, parameter = _bad_calls()[case]
    with pytest.raises(ParameterError) as err:
        call()
    assert err.value.parameter == parameter, f"{name}: {err.value}"
    assert f"'{parameter}' parameter" in str(err.value)


def test_every_public_function_has_a_bad_argument_case():
    import inspect

    covered = {name for name, _, _ in _bad_calls()}
    public = {n for n in S.__all__ if inspect.isfunction(getattr(S, n)) and n != "check_segments"}
    assert public <= covered, sorted(public - covered)


def test_without_segments_yml_the_error_says_what_to_add():
    data = _company([("c1", "2025-06-01", 100.0, "L1")], _customers(["c1"], ["shop"]), segments=None)
    data["segments"] = None
    with pytest.raises(DataError, match="segments.yml"):
        S.maturity(data)


# --------------------------------------------------------------------------------------------
# Charts and the widget

def test_charts_return_figures_in_both_languages(loaded):
    from matplotlib.figure import Figure

    from salesnb.plots import segments as P

    c = loaded["wholesale_pl"]
    d = S.prepare(c)
    for lang in ("en", "pl"):
        names = S.segment_names(c.segments, lang)
        cov = S.coverage(d)
        grid = S.offer_grid(d, salesperson=sorted(set(d.salesperson))[0])
        clusters = S.rfm_clusters(S.rfm(d))
        figures = [P.coverage_chart(cov, lang, names), P.maturity_chart(S.maturity_summary(S.maturity(d)), lang, names),
                   P.offer_grid_chart(grid, lang, names, max_clients=5), P.rfm_chart(clusters, lang, c.currency),
                   P.silhouette_chart(clusters, lang), P.segment_coverage_chart(cov, "sklepy", lang, names)]
        assert all(isinstance(f, Figure) for f in figures)
    texts = [x.get_text() for x in [*figures[2].texts, *figures[2].axes[0].texts, *figures[2].legends[0].texts]]
    assert any("odmowa" in x for x in texts) and any("nie pokazano" in x.lower() for x in texts)
    with pytest.raises(ParameterError, match="'segment' parameter"):
        P.segment_coverage_chart(cov, "bakeries", "pl", names)
    with pytest.raises(ParameterError, match="'table' parameter"):
        P.coverage_chart(grid, "pl")


def _contrast(a, b) -> float:
    from matplotlib.colors import to_rgb

    def lum(c):
        v = np.array(to_rgb(c))
        v = np.where(v <= 0.03928, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("name, lang", [("wholesale_pl", "pl"), ("it_services", "en"), ("event_agency", "en"),
                                        ("it_services", "pl")])
def test_offer_grid_reads_on_a_projector(loaded, name, lang):
    from test_charts import text_problems

    from salesnb.plots import segments as P

    c = loaded[name]
    d = S.prepare(c)
    grid = S.offer_grid(d)
    who = grid.drop_duplicates("customer_id")["salesperson"].value_counts().idxmax()
    mine = grid[grid["salesperson"] == who]
    names = dict(zip(d.clients, d.name if d.name is not None else d.clients, strict=True))
    fig = P.offer_grid_chart(mine, lang, S.segment_names(c.segments, lang), client_names=names)
    assert not text_problems(fig, "offer_grid")
    ax = fig.axes[0]
    texts = [*fig.texts, *ax.texts, *ax.get_xticklabels(), *fig.legends[0].texts]
    assert min(x.get_fontsize() * fig.dpi / 72 for x in texts if x.get_text().strip()) >= 12  # pixels
    assert fig.get_figwidth() * fig.dpi <= 1200  # shown at full size in a 1280-pixel window
    # at most 20 clients, the largest turnover in their lines; the others counted
    shown = {t.get_text().split()[0] for t in ax.texts if t.get_ha() == "right"}
    total = mine.groupby("customer_id")["turnover"].sum()
    assert shown == set(total.nlargest(20).index) or len(total) <= 20
    if len(total) > 20:
        assert any(f" {len(total) - 20}" in x.get_text() for x in fig.texts)
    # every cell's text has a contrast of 4.5:1 or more on its colour
    for state, color in P.STATE_COLORS.items():
        assert _contrast(color, P.STATE_TEXT[state]) >= 4.5, state
    # a client's id and name on at most two lines, no name cut short of two lines
    assert all(x.get_text().count("\n") <= 1 for x in ax.texts if x.get_ha() == "right")


def test_offer_grid_client_labels():
    from salesnb.plots.segments import _client_label

    assert _client_label("HG0085", "Sklep Wielobranżowy Górski sp. z o.o.") == \
        "HG0085 Sklep Wielobranżowy\nGórski sp. z o.o."
    long = _client_label("C1", "Zakłady Mechaniczne Fijałkowski i Synowie Spółka Komandytowo-Akcyjna Oddział")
    assert long.count("\n") == 1 and long.endswith("…") and all(len(x) <= 32 for x in long.split("\n"))


def test_widget_twin_and_static_note(loaded):
    from salesnb.widgets import StaticNote
    from salesnb.widgets.segments import segment_view, segment_widget

    c = loaded["it_services"]
    row, low, fig = segment_view(c, "large_production", below=0.5, language="pl")
    assert row["targeted"].all() and row["coverage"].between(0, 1).all()
    assert (low["segment"] == "large_production").all() and (low["maturity"] < 0.5).all()
    assert list(low["turnover"]) == sorted(low["turnover"], reverse=True)
    assert isinstance(segment_widget(c), StaticNote)
    with pytest.raises(ParameterError, match="'segment' parameter"):
        segment_view(c, "bakeries")
    with pytest.raises(ParameterError, match="'below' parameter"):
        segment_view(c, below=2)


def test_widget_builds_and_redraws(live_widgets, loaded):
    pytest.importorskip("ipywidgets")
    from salesnb.widgets.segments import segment_widget

    box = segment_widget(loaded["event_agency"], language="pl")
    pick, below = box.children[:2]
    pick.value = "public_sector"  # triggers a redraw through observe
    below.value = 0.8
    assert [o for o, _ in pick.options][0] == "Duże korporacje"
    import matplotlib.pyplot as plt

    plt.close("all")
