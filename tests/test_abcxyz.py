"""Tests of salesnb.abcxyz (ABC/XYZ, domain.md section 3): hand-computed cases and properties.

Every expected value is worked out by hand in a comment next to it.
"""
from __future__ import annotations

import math
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesnb import abcxyz as ax
from salesnb.errors import DataError

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def classes(values, ids=None, **kw) -> list[str]:
    s = pd.Series(values, index=ids if ids is not None else [f"c{i:02d}" for i in range(len(values))], dtype=float)
    return ax.abc(s, **kw).astype(str).tolist()


def monthly(client: str, amounts, start: str = "2024-01-01") -> pd.DataFrame:
    """One transaction per month on the 15th (a zero amount means no transaction that month)."""
    dates = pd.date_range(start, periods=len(amounts), freq="MS") + pd.Timedelta(days=14)
    df = pd.DataFrame({"customer_id": client, "date": dates, "amount": np.asarray(amounts, dtype=float)})
    return df[df["amount"] != 0]


# ============================================================================================
# ABC: hand-computed boundaries
# ============================================================================================


def test_client_exactly_at_50_and_80_percent():
    # 50 + 30 + 20 = 100. Cumulative before: a 0, b 0.5, c 0.8.
    # a: 0 < 0.5 -> A (a alone reaches exactly 50%: it is the first 50%).
    # b: 0.5 is not < 0.5, 0.5 < 0.8 -> B; c: 0.8 is not < 0.8 -> C.
    assert classes([50, 30, 20]) == ["A", "B", "C"]
    # Including rule: a 0.5 <= 0.5 A; b 0.8 <= 0.8 B; c 1.0 C. Same classes here.
    assert classes([50, 30, 20], cumulative="including") == ["A", "B", "C"]


def test_crossing_client_stays_in_upper_class():
    # 40 + 20 + 20 + 20 = 100. Before: 0, .4, .6, .8 -> A, A (.4 < .5, crosses to .6), B, C.
    assert classes([40, 20, 20, 20]) == ["A", "A", "B", "C"]
    # Including: .4 A, .6 > .5 -> B, .8 <= .8 B, 1.0 C: the crossing client drops to B.
    assert classes([40, 20, 20, 20], cumulative="including") == ["A", "B", "B", "C"]


def test_one_client_holding_90_percent_is_A():
    # 90 + 5 + 3 + 2 = 100. Before: 0, .90, .95, .98.
    assert classes([90, 5, 3, 2]) == ["A", "C", "C", "C"]          # 50/80
    assert classes([90, 5, 3, 2], thresholds=(0.8, 0.95)) == ["A", "B", "C", "C"]  # .90 < .95 B; .95 C
    # The peers' bug, reproduced by the including rule at 80/95: 0.9 > 0.8 -> B.
    assert classes([90, 5, 3, 2], thresholds=(0.8, 0.95), cumulative="including")[0] == "B"


def test_ten_equal_clients_float_sums():
    vals = [0.1] * 10
    # Plain float cumulative sums are off: 0.1 added 8 times is not 0.8 (so a naive
    # "cum <= 0.8" puts the 8th client in B); the test would catch a naive implementation.
    assert np.cumsum(vals)[7] != 0.8
    # Before: client k (1-based) has (k-1)/10 before it. 80/95: k=1..8 (0 .. 0.7) A;
    # k=9 (0.8, not < 0.8) B; k=10 (0.9 < 0.95) B.
    assert classes(vals, thresholds=(0.8, 0.95)) == ["A"] * 8 + ["B", "B"]
    # Including: k/10 <= 0.8 for k <= 8 -> the 8th is A; 0.9 B; 1.0 C.
    assert classes(vals, thresholds=(0.8, 0.95), cumulative="including") == ["A"] * 8 + ["B", "C"]
    # Same with 50/80 and values whose sums are inexact (7 x 0.7): before 0..0.4 A (5), .5 .6 .7 B, .8 .9 C.
    assert classes([0.7] * 10) == ["A"] * 5 + ["B"] * 3 + ["C"] * 2


def test_ties_ranked_by_id():
    # Equal values 10, 10: the smaller id ranks first. Before: first 0 -> A, second .5 -> B.
    s = pd.Series([10.0, 10.0], index=["b", "a"])
    assert ax.abc(s).to_dict() == {"b": "B", "a": "A"}
    # Integer ids sort numerically (2 < 10), not as text.
    s = pd.Series([10.0, 10.0], index=[10, 2])
    assert ax.abc(s).to_dict() == {10: "B", 2: "A"}
    # A Categorical is ranked by the id too, whatever its category order (here b before a).
    idx = pd.CategoricalIndex(["a", "b"], categories=["b", "a"])
    assert ax.abc(pd.Series([10.0, 10.0], index=idx)).astype(str).tolist() == ["A", "B"]


def test_zero_and_negative_values_are_C_and_share_zero():
    # Positive total 100 + 60 = 160 (the -20 and 0 add nothing). Before: 100 -> 0 A;
    # 60 -> 100/160 = .625 B; 0 and -20 C, ranked last (0 before -20), share 0.
    s = pd.Series([-20.0, 100.0, 0.0, 60.0], index=["neg", "big", "zero", "mid"])
    assert ax.abc(s).to_dict() == {"neg": "C", "big": "A", "zero": "C", "mid": "B"}
    tab = ax.abc_table(s)
    assert tab["id"].tolist() == ["big", "mid", "zero", "neg"]
    assert tab["share"].tolist() == pytest.approx([100 / 160, 60 / 160, 0, 0])
    assert tab["rank"].tolist() == [1, 2, 3, 4]


@pytest.mark.parametrize("vals", [[0.0, 0.0, 0.0], [-5.0, -1.0], [0.0, -3.0]])
def test_no_positive_total_is_a_clear_error(vals):
    with pytest.raises(DataError, match="no positive value"):
        ax.abc(pd.Series(vals))


def test_nan_value_is_an_error_naming_the_id_not_every_row_C():
    s = pd.Series([10.0, np.nan, 5.0], index=["ok1", "broken", "ok2"])
    with pytest.raises(DataError) as exc:
        ax.abc(s)
    assert "broken" in str(exc.value) and "ok1" not in str(exc.value)
    with pytest.raises(DataError, match="inf"):
        ax.abc(pd.Series([1.0, np.inf]))


def test_bad_thresholds_and_duplicate_ids():
    with pytest.raises(DataError):
        ax.abc(pd.Series([1.0]), thresholds=(0.9, 0.5))
    with pytest.raises(DataError):
        ax.abc(pd.Series([1.0]), thresholds=(0.0, 0.5))
    with pytest.raises(DataError, match="more than once"):
        ax.abc(pd.Series([1.0, 2.0], index=["a", "a"]))


def test_abc_by_margin_on_a_dataframe():
    # Turnover ranks a (100) over b (80); margin ranks b (40) over a (10).
    df = pd.DataFrame({"customer_id": ["a", "b"], "amount": [100.0, 80.0], "margin": [10.0, 40.0]})
    assert ax.abc(df).tolist() == ["A", "B"]                   # before: a 0, b 100/180=.56 B
    # By margin: b first (before 0 -> A); a has 40/50 = .8 before it -> not < .8 -> C.
    assert ax.abc(df, by="margin").tolist() == ["C", "A"]
    assert ax.abc(df, by="margin", thresholds=(0.5, 0.9)).tolist() == ["B", "A"]   # .8 < .9 -> B
    with pytest.raises(DataError, match="no column"):
        ax.abc(df, by="profit")


def test_abc_per_group_in_one_call():
    # Salesperson x: a 60, b 40 -> a A (0 before), b B (.6 before). Salesperson y: c 10, d 10,
    # e 80 -> e A (0); c before it 80/100 = .8 -> C (tie with d, c ranks first by id); d .9 C.
    s = pd.Series([60.0, 40.0, 10.0, 10.0, 80.0], index=pd.MultiIndex.from_tuples(
        [("x", "a"), ("x", "b"), ("y", "c"), ("y", "d"), ("y", "e")], names=["salesperson", "customer_id"]))
    got = ax.abc(s, groups="salesperson")
    assert got.tolist() == ["A", "B", "C", "C", "A"]
    tab = ax.abc_table(s, groups="salesperson")
    assert tab["group"].tolist() == ["x", "x", "y", "y", "y"]
    assert tab["id"].tolist() == ["a", "b", "e", "c", "d"]
    # A group without a positive total is named in the error.
    bad = pd.DataFrame({"g": ["p", "q"], "customer_id": ["a", "b"], "amount": [5.0, -1.0]})
    with pytest.raises(DataError, match="q"):
        ax.abc(bad, groups="g")


# ============================================================================================
# ABC: properties
# ============================================================================================

values_st = st.lists(st.floats(min_value=-100, max_value=1e6, allow_nan=False, allow_infinity=False),
                     min_size=1, max_size=40).filter(lambda v: max(v) > 0)
thr_st = st.tuples(st.floats(0.01, 1.0), st.floats(0.01, 1.0)).map(lambda t: tuple(sorted(t)))


@FAST
@given(values_st, thr_st, st.sampled_from(["before", "including"]))
def test_classes_partition_and_shares_sum_to_one(vals, thr, rule):
    s = pd.Series(vals, index=[f"c{i:03d}" for i in range(len(vals))])
    got = ax.abc(s, thr, cumulative=rule)
    assert got.notna().all()                                   # every client has exactly one class
    assert set(got.astype(str)) <= {"A", "B", "C"}
    assert got.value_counts().sum() == len(vals)
    tab = ax.abc_table(s, thr, cumulative=rule)
    assert tab["share"].sum() == pytest.approx(1.0, abs=1e-9)
    assert tab["cum_share"].iloc[-1] == pytest.approx(1.0, abs=1e-9)
    if rule == "before":
        assert tab["abc"].iloc[0] == "A"                        # the top client is always A
    # A larger value never has a worse class.
    code = got.cat.codes.to_numpy()
    v = np.asarray(vals)
    assert not ((v[:, None] > v[None, :]) & (code[:, None] > code[None, :])).any()


@FAST
@given(values_st, thr_st, st.floats(0, 0.5), st.floats(0, 0.5), st.sampled_from(["before", "including"]))
def test_raising_a_threshold_never_lowers_a_class(vals, thr, da, db, rule):
    s = pd.Series(vals, index=[f"c{i:03d}" for i in range(len(vals))])
    a, b = thr
    a2, b2 = min(a + da, 1.0), min(b + db, 1.0)
    a2 = min(a2, b2)
    old = ax.abc(s, (a, b), cumulative=rule).cat.codes.to_numpy()
    new = ax.abc(s, (a2, b2), cumulative=rule).cat.codes.to_numpy()
    assert (new <= old).all()   # codes A=0 < B=1 < C=2: a raised line can only lift a client


@FAST
@given(st.lists(st.tuples(st.sampled_from("pqr"), st.floats(0.01, 1e4)), min_size=1, max_size=40))
def test_grouped_call_equals_one_call_per_group(rows):
    df = pd.DataFrame(rows, columns=["g", "amount"])
    df["customer_id"] = [f"c{i:03d}" for i in range(len(df))]
    together = ax.abc(df, groups="g")
    for _, part in df.groupby("g"):
        alone = ax.abc(part)
        assert together.loc[part.index].tolist() == alone.tolist()


def test_id_types_give_the_same_classes():
    vals = [5.0, 5.0, 3.0, 1.0, 9.0]
    ids_str = ["c1", "c2", "c3", "c4", "c5"]
    ids_int = [1, 2, 3, 4, 5]
    by_str = ax.abc(pd.Series(vals, index=ids_str)).tolist()
    by_int = ax.abc(pd.Series(vals, index=ids_int)).tolist()
    by_cat = ax.abc(pd.Series(vals, index=pd.CategoricalIndex(ids_str))).tolist()
    by_sdt = ax.abc(pd.Series(vals, index=pd.Index(ids_str, dtype="string"))).tolist()
    assert by_str == by_int == by_cat == by_sdt


# ============================================================================================
# XYZ: hand-computed
# ============================================================================================


def test_cv_one_nonzero_month_among_twelve():
    # "solo" buys 1200 in January only; "other" buys every month through December, so the
    # as-of month is December and solo's span (its own, from January) has 12 months.
    # mean = 1200/12 = 100; population variance = (1100^2 + 11 * 100^2) / 12 = 1 320 000 / 12
    # = 110 000; std = 331.66; CV = 3.3166 = sqrt(11). Sample: 1 320 000 / 11 = 120 000,
    # CV = 346.41 / 100 = sqrt(12) = 3.4641. Both Z.
    tx = pd.concat([monthly("solo", [1200] + [0] * 11), monthly("other", [100] * 12)])
    pop = ax.xyz(tx)
    assert pop.loc["solo", "n_periods"] == 12
    assert pop.loc["solo", "cv"] == pytest.approx(math.sqrt(11))
    assert pop.loc["solo", "xyz"] == "Z"
    assert ax.xyz(tx, ddof=1).loc["solo", "cv"] == pytest.approx(math.sqrt(12))
    assert pop.loc["other", "cv"] == 0 and pop.loc["other", "xyz"] == "X"


def test_span_client_vs_dataset():
    # "late" buys 700 in July only; "other" buys January-December. span="client": July..Dec =
    # 6 months, one non-zero -> CV = sqrt(6 - 1) = sqrt(5) (same formula as above);
    # span="dataset": Jan..Dec = 12 months -> sqrt(11).
    tx = pd.concat([monthly("late", [700], start="2024-07-01"), monthly("other", [100] * 12)])
    assert ax.xyz(tx).loc["late", "cv"] == pytest.approx(math.sqrt(5))
    assert ax.xyz(tx, span="dataset").loc["late", "cv"] == pytest.approx(math.sqrt(11))


def test_ddof_0_vs_1_on_a_known_series():
    # 100, 112, 88: mean 100; squared deviations 0 + 144 + 144 = 288.
    # ddof=0: 288/3 = 96, std 9.798, CV 0.098 -> X. ddof=1: 288/2 = 144, std 12, CV 0.12 -> Y.
    tx = monthly("k", [100, 112, 88])
    r0, r1 = ax.xyz(tx, ddof=0).loc["k"], ax.xyz(tx, ddof=1).loc["k"]
    assert r0["cv"] == pytest.approx(math.sqrt(96) / 100) and r0["xyz"] == "X"
    assert r1["cv"] == pytest.approx(0.12) and r1["xyz"] == "Y"


def test_cv_exactly_on_the_boundaries_is_inclusive():
    # 100, 110, 90 with ddof=1: squared deviations 0 + 100 + 100 = 200, /2 = 100, std 10,
    # CV = 10% exactly -> X (X if CV <= 10%).
    # 100, 125, 75 with ddof=1: 0 + 625 + 625 = 1250, /2 = 625, std 25, CV = 25% -> Y.
    tx = pd.concat([monthly("ten", [100, 110, 90]), monthly("quarter", [100, 125, 75])])
    r = ax.xyz(tx, ddof=1)
    assert r.loc["ten", "cv"] == pytest.approx(0.10) and r.loc["ten", "xyz"] == "X"
    assert r.loc["quarter", "cv"] == pytest.approx(0.25) and r.loc["quarter", "xyz"] == "Y"
    # Table sorted by rising CV.
    assert r.index.tolist() == ["ten", "quarter"]


def test_corrections_net_in_their_period():
    # Sales 100 in Jan, Feb, Mar; a credit note -100 dated in February -> 100, 0, 100.
    # mean 200/3 = 66.67; deviations 33.3, -66.7, 33.3; squares 1111.1 + 4444.4 + 1111.1
    # = 6666.7; /3 = 2222.2; std 47.14; CV = 0.7071 = 1/sqrt(2).
    tx = pd.concat([monthly("k", [100, 100, 100]),
                    pd.DataFrame({"customer_id": ["k"], "date": [pd.Timestamp("2024-02-20")], "amount": [-100.0]})])
    r = ax.xyz(tx).loc["k"]
    assert r["turnover"] == pytest.approx(200)
    assert r["cv"] == pytest.approx(1 / math.sqrt(2))


def test_short_history_and_no_positive_turnover_get_no_class_with_a_reason():
    tx = pd.concat([
        monthly("long", [100, 100, 100]),
        monthly("short", [100, 100], start="2024-02-01"),      # Feb, Mar: 2 periods < 3
        monthly("negative", [50, -80, 10]),                     # net -20 over 3 months
    ])
    r = ax.xyz(tx)
    assert r.loc["short", "reason"] == "reason_short_history" and pd.isna(r.loc["short", "xyz"])
    assert pd.isna(r.loc["short", "cv"])
    assert r.loc["negative", "reason"] == "reason_no_positive_turnover" and pd.isna(r.loc["negative", "xyz"])
    assert r.loc["long", "xyz"] == "X" and pd.isna(r.loc["long", "reason"])
    assert ax.xyz(tx, min_periods=2).loc["short", "xyz"] == "X"
    with pytest.raises(DataError):
        ax.xyz(tx, min_periods=1, ddof=1)


def test_quarters_as_of_and_horizon():
    # 100 per month, January to September 2024.
    tx = monthly("k", [100] * 9)
    # Quarters: Q1, Q2, Q3 of 300 each -> 3 periods, CV 0 -> X.
    q = ax.xyz(tx, period="Q").loc["k"]
    assert q["n_periods"] == 3 and q["cv"] == 0 and q["xyz"] == "X"
    # As of 2024-06-14: June's purchase (the 15th) is after the as-of day -> Jan..Jun, June 0.
    # values 100 x5, 0: mean 500/6 = 83.33; squares 5 x 16.67^2 + 83.33^2 = 1388.9 + 6944.4
    # = 8333.3; /6 = 1388.9; std 37.27; CV 0.4472 = 1/sqrt(5).
    r = ax.xyz(tx, as_of="2024-06-14").loc["k"]
    assert r["n_periods"] == 6 and r["cv"] == pytest.approx(1 / math.sqrt(5))
    # As-of day is inclusive: as of 2024-06-15 the June purchase counts -> CV 0.
    assert ax.xyz(tx, as_of="2024-06-15").loc["k", "cv"] == 0
    # Horizon 2 months (Aug, Sep) -> 2 periods < 3: no class.
    assert ax.xyz(tx, horizon=2).loc["k", "reason"] == "reason_short_history"


def test_xyz_errors_are_clear():
    with pytest.raises(DataError, match="customer_id"):
        ax.xyz(pd.DataFrame({"date": [pd.Timestamp("2024-01-01")], "amount": [1.0]}))
    tx = monthly("k", [100, 100, 100])
    tx.loc[tx.index[1], "amount"] = np.nan
    with pytest.raises(DataError, match="amount"):
        ax.xyz(tx)
    with pytest.raises(DataError, match="period"):
        ax.xyz(monthly("k", [1, 2, 3]), period="W")


@FAST
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(0, 11),
                          st.integers(-5_000, 100_000)), min_size=1, max_size=30),
       st.sampled_from([0, 1]), st.sampled_from(["client", "dataset"]))
def test_cv_matches_a_plain_pandas_oracle(rows, ddof, span):
    # The oracle: pivot to client x month, fill zeros, keep the span, std(ddof)/mean; amounts are
    # money (whole grosz), summed by the oracle exactly as integers.
    df = pd.DataFrame(rows, columns=["customer_id", "month", "grosz"])
    df["amount"] = df["grosz"] / 100
    df["date"] = pd.Timestamp("2024-01-10") + df["month"].map(lambda m: pd.DateOffset(months=int(m)))
    got = ax.xyz(df[["customer_id", "date", "amount"]], ddof=ddof, span=span, min_periods=ddof + 1)
    grid = df.pivot_table(index="customer_id", columns="month", values="grosz", aggfunc="sum")
    grid = grid.reindex(columns=range(df["month"].min(), df["month"].max() + 1)).fillna(0)
    for client in grid.index:
        first = df.loc[df["customer_id"] == client, "month"].min() if span == "client" else df["month"].min()
        row = grid.loc[client, first:]
        if row.sum() > 0 and len(row) > ddof:
            assert got.loc[client, "cv"] == pytest.approx(row.std(ddof=ddof) / row.mean(), rel=1e-6, abs=1e-9)
        else:
            assert pd.isna(got.loc[client, "cv"])


def test_a_client_whose_purchases_were_all_cancelled_has_net_zero_and_no_class():
    # 0.1 + 0.2 - 0.3 is 5.6e-17 in floats; as money it is exactly 0, so the client has no
    # positive turnover: no XYZ class (decision 12), whatever the order of the rows.
    rows = [("k", "2024-01-05", 0.1), ("k", "2024-02-05", 0.2), ("k", "2024-03-05", -0.3),
            ("m", "2024-01-05", 19.99), ("m", "2024-01-06", 5.07), ("m", "2024-02-07", -19.99),
            ("m", "2024-03-08", -5.07), ("x", "2024-01-05", 10.0), ("x", "2024-02-05", 10.0),
            ("x", "2024-03-05", 10.0)]
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    assert 0.1 + 0.2 - 0.3 != 0  # the float trap this guards against
    got = ax.xyz(tx)
    for client in ("k", "m"):
        assert got.loc[client, "turnover"] == 0.0
        assert pd.isna(got.loc[client, "xyz"]) and pd.isna(got.loc[client, "cv"])
        assert got.loc[client, "reason"] == "reason_no_positive_turnover"
    assert got.loc["x", "xyz"] == "X"
    table = ax.abc_xyz(tx)
    assert table.loc["k", "turnover"] == 0.0 and table.loc["k", "share"] == 0.0


# ============================================================================================
# Combined table, lifecycle rule, company input
# ============================================================================================


def _company_tx() -> pd.DataFrame:
    # As of 2024-12-31. "steady": 100/month all year (X), products P1 (line L1) and P3 (L2).
    # "bumpy": alternating 300/100 -> mean 200, std 100, CV 0.5 (Z); product P2 bought and
    # fully credited -> not counted. "fresh": first purchase 2024-11-15, inside (Sep 30, Dec 31]
    # -> new client. "old": bought 10 in Jan 2024 only (Z, CV sqrt(11)).
    steady = monthly("steady", [100] * 12).assign(product="P1")
    steady.loc[steady.index[-1], "product"] = "P3"
    bumpy = monthly("bumpy", [300, 100] * 6).assign(product="P1")
    credit = pd.DataFrame({"customer_id": ["bumpy", "bumpy"], "date": pd.to_datetime(["2024-03-01", "2024-03-02"]),
                           "amount": [50.0, -50.0], "product": ["P2", "P2"]})
    fresh = monthly("fresh", [500, 500], start="2024-11-01").assign(product="P2")
    old = monthly("old", [10]).assign(product="P1")
    tx = pd.concat([steady, bumpy, credit, fresh, old], ignore_index=True)
    tx["product_line"] = tx["product"].map({"P1": "L1", "P2": "L1", "P3": "L2"})
    return tx


def test_abc_xyz_table_hand_computed():
    tx = _company_tx()
    customers = pd.DataFrame({"customer_id": ["steady", "bumpy", "fresh", "old", "lead"]})
    t = ax.abc_xyz(tx, as_of="2024-12-31", customers=customers)
    # Turnover: bumpy 2400, steady 1200, fresh 1000, old 10; total 4610.
    # Before: bumpy 0 -> A; steady 2400/4610 = .521 -> B; fresh 3600/4610 = .781 -> B;
    # old 4600/4610 = .998 -> C. Potential "lead" last, no class.
    assert t.index.tolist() == ["bumpy", "steady", "fresh", "old", "lead"]
    assert t["turnover"].tolist() == [2400, 1200, 1000, 10, 0]
    assert t["share"].iloc[:4].sum() == pytest.approx(1.0)
    assert t["cum_share"].iloc[1] == pytest.approx(3600 / 4610)
    assert t["abc"].astype(object).iloc[:4].tolist() == ["A", "B", "B", "C"]
    assert t.loc["steady", "xyz"] == "X" and t.loc["steady", "abc_xyz"] == "BX"
    assert t.loc["bumpy", "cv"] == pytest.approx(0.5) and t.loc["bumpy", "abc_xyz"] == "AZ"
    assert t.loc["old", "cv"] == pytest.approx(math.sqrt(11)) and t.loc["old", "abc_xyz"] == "CZ"
    # New client: ABC class, no XYZ (2 months would be short anyway; the reason says "new").
    assert t.loc["fresh", "abc"] == "B" and pd.isna(t.loc["fresh", "xyz"])
    assert t.loc["fresh", "reason"] == "reason_new_client"
    # Potential client: neither class.
    assert pd.isna(t.loc["lead", "abc"]) and pd.isna(t.loc["lead", "xyz"])
    assert t.loc["lead", "reason"] == "reason_potential_client"
    # Products bought with a positive net: steady P1, P3 -> 2 products, 2 lines; bumpy P1
    # (P2 credited to 0) -> 1 product, 1 line.
    assert t.loc["steady", ["n_products", "n_product_lines"]].tolist() == [2, 2]
    assert t.loc["bumpy", ["n_products", "n_product_lines"]].tolist() == [1, 1]
    assert t.attrs["abc_thresholds"] == (0.5, 0.8)


def test_new_client_window_is_half_open():
    # W = 3 months before T = 2024-12-31 is (2024-09-30, 2024-12-31]. A first sale on
    # 2024-09-30 is not new; on 2024-10-01 it is.
    base = monthly("base", [100] * 12)
    tx = pd.concat([base, pd.DataFrame({"customer_id": ["edge", "inside"],
                                        "date": pd.to_datetime(["2024-09-30", "2024-10-01"]),
                                        "amount": [10.0, 10.0]})])
    t = ax.abc_xyz(tx, as_of="2024-12-31")
    # edge: not new; span Sep..Dec = 4 months (10, 0, 0, 0): CV = sqrt(4 - 1) = sqrt(3) -> Z.
    assert pd.isna(t.loc["edge", "reason"]) and t.loc["edge", "xyz"] == "Z"
    assert t.loc["edge", "cv"] == pytest.approx(math.sqrt(3))
    assert t.loc["inside", "reason"] == "reason_new_client" and pd.isna(t.loc["inside", "xyz"])
    # With W = 1 month, (Nov 30, Dec 31], "inside" (Oct 1) is no longer new: Oct..Dec, CV sqrt(2).
    t1 = ax.abc_xyz(tx, as_of="2024-12-31", lifecycle_window="1M")
    assert pd.isna(t1.loc["inside", "reason"]) and t1.loc["inside", "cv"] == pytest.approx(math.sqrt(2))


def test_company_params_are_defaults_and_arguments_win():
    tx = _company_tx()
    company = SimpleNamespace(
        transactions=tx,
        customers=pd.DataFrame({"customer_id": ["lead"], "first_contact": [pd.Timestamp("2024-05-01")]}),
        products=None, as_of=pd.Timestamp("2024-12-31"),
        params={"abc_thresholds": [0.8, 0.95], "xyz_period": "Q", "lifecycle_window": "3M"})
    t = ax.abc_xyz(company)
    assert t.attrs["abc_thresholds"] == (0.8, 0.95) and t.attrs["period"] == "Q"
    # 80/95: bumpy 0 A; steady .521 A; fresh .781 A; old .998 C.
    assert t["abc"].astype(object).iloc[:4].tolist() == ["A", "A", "A", "C"]
    assert t.loc["lead", "reason"] == "reason_potential_client"
    # Quarters: steady 300 each -> X; bumpy 700, 500, 700, 500 -> mean 600, std 100, CV 1/6 -> Y.
    assert t.loc["bumpy", "cv"] == pytest.approx(1 / 6) and t.loc["bumpy", "xyz"] == "Y"
    t2 = ax.abc_xyz(company, abc_thresholds=(0.5, 0.8), period="M")
    assert t2.attrs["abc_thresholds"] == (0.5, 0.8) and t2.loc["bumpy", "xyz"] == "Z"
    # A lead first contacted after the as-of date is not yet known.
    company.customers["first_contact"] = pd.Timestamp("2025-02-01")
    assert "lead" not in ax.abc_xyz(company).index
    # xyz accepts the company too.
    assert ax.xyz(company).attrs["period"] == "Q"


def test_abc_xyz_by_margin_and_missing_margin():
    tx = _company_tx()
    with pytest.raises(DataError, match="margin"):
        ax.abc_xyz(tx, by="margin")
    # Margins: steady 50% of amount, others 1% -> steady leads by margin (600 vs 24 + 10 + 0.1).
    tx["margin"] = np.where(tx["customer_id"] == "steady", 0.5, 0.01) * tx["amount"]
    t = ax.abc_xyz(tx, by="margin", as_of="2024-12-31")
    assert t.index[0] == "steady" and t.loc["steady", "abc"] == "A"
    assert t.loc["steady", "share"] == pytest.approx(600 / (600 + 24 + 10 + 0.1))
    assert "margin" in t.columns


def test_categorical_big_data_ids_and_int_ids():
    tx = _company_tx()
    cat = tx.assign(customer_id=pd.Categorical(tx["customer_id"]))
    ref = ax.abc_xyz(tx, as_of="2024-12-31")
    got = ax.abc_xyz(cat, as_of="2024-12-31")
    assert got.index.tolist() == ref.index.tolist()
    assert got["abc_xyz"].astype(object).tolist() == ref["abc_xyz"].astype(object).tolist()
    ints = tx.assign(customer_id=tx["customer_id"].map({"steady": 1, "bumpy": 2, "fresh": 3, "old": 4}))
    gi = ax.abc_xyz(ints, as_of="2024-12-31")
    assert gi.index.tolist() == [2, 1, 3, 4]


def test_the_default_horizon_is_the_last_twelve_months():
    # A client that bought a lot two years ago and nothing since does not keep class A by default;
    # over the whole history it is A.
    rows = [("old", "2022-03-10", 10_000.0)] + [("now", f"2024-{m:02d}-10", 100.0) for m in range(1, 13)] + \
           [("small", f"2024-{m:02d}-12", 10.0) for m in range(1, 13)]
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    default = ax.abc_xyz(tx)
    assert "old" not in default.index and default.attrs["horizon"] == 12
    assert default.loc["now", "abc"] == "A" and default.loc["now", "n_periods"] == 12
    everything = ax.abc_xyz(tx, horizon="all")
    assert everything.loc["old", "abc"] == "A" and everything.attrs["horizon"] is None
    assert ax.abc_xyz(tx, period="Q").attrs["horizon"] == 4  # 12 months in quarters
    assert ax.xyz(tx).attrs["horizon"] == 12


def test_benchmark_sample_runs_and_is_consistent():
    from salesnb.samples import benchmark_transactions

    d = benchmark_transactions(20_000, 2_000, 24, seed=3)
    t = ax.abc_xyz(d["transactions"], customers=d["customers"][["customer_id"]], horizon="all")
    classified = t[t["abc"].notna()]
    assert classified["share"].sum() == pytest.approx(1.0)
    # potential: the 100 leads (5% of 2 000) plus the clients whose only rows are corrections,
    # exactly the clients salesnb.lifecycle calls potential
    import warnings

    from salesnb import lifecycle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        st = lifecycle.statuses(d["transactions"], d["customers"][["customer_id"]])
    n_pot = int((t["reason"] == "reason_potential_client").sum())
    assert n_pot >= 100 and n_pot == int((st["status"] == "potential").sum())
    both = t["abc_xyz"].notna()
    assert (both == (t["abc"].notna() & t["xyz"].notna())).all()
    assert (t.loc[t["reason"] == "reason_new_client", "xyz"].isna()).all()
    # Matches the per-client groupby of the same rows.
    tx = d["transactions"]
    turnover = tx.groupby("customer_id", observed=True)["amount"].sum()
    turnover = turnover[tx[tx["amount"] > 0]["customer_id"].unique()]  # clients who ever settled
    assert classified["turnover"].sort_index().to_numpy() == pytest.approx(turnover.sort_index().to_numpy())
    assert classified["abc"].astype(str).sort_index().tolist() == ax.abc(turnover).astype(str).sort_index().tolist()


# ============================================================================================
# Class history
# ============================================================================================


def test_class_history_and_transitions():
    # Horizon 1 month. Jan: a 100, b 10 -> a A (0), b C (100/110 = .91). Feb: a 10, b 100 ->
    # b A, a C. Mar: only a (5) -> a A; b leaves the table.
    tx = pd.DataFrame({"customer_id": ["a", "b", "a", "b", "a"],
                       "date": pd.to_datetime(["2024-01-05", "2024-01-06", "2024-02-05", "2024-02-06", "2024-03-05"]),
                       "amount": [100.0, 10.0, 10.0, 100.0, 5.0]})
    # a one-day lifecycle window: no client is "new" at these month ends (no first sale on the last day)
    h = ax.class_history(tx, horizon=1, lifecycle_window="1D")
    c = h.classes
    assert c["period_end"].astype(str).tolist() == ["2024-01", "2024-01", "2024-02", "2024-02", "2024-03"]
    assert c["abc"].astype(str).tolist() == ["A", "C", "C", "A", "A"]
    assert (c["reason"] == "reason_short_history").all()       # 1 period < 3: no XYZ
    ch = h.changes
    fill = lambda s: s.astype(object).where(s.notna(), "-").tolist()  # noqa: E731
    assert list(zip(ch["period_end"].astype(str), ch["customer_id"], fill(ch["abc_from"]), fill(ch["abc_to"]),
                    strict=True)) == [
        ("2024-02", "a", "A", "C"), ("2024-02", "b", "C", "A"), ("2024-03", "a", "C", "A"), ("2024-03", "b", "A", "-")]
    m = h.matrix("abc")
    # Jan->Feb: A->C, C->A; Feb->Mar: C->A (a), A->- (b).
    assert m.loc["A", "C"] == 1 and m.loc["C", "A"] == 2 and m.loc["A", "-"] == 1 and m.to_numpy().sum() == 4


def test_class_history_last_period_equals_abc_xyz():
    tx = _company_tx()
    h = ax.class_history(tx, horizon=None, as_of="2024-12-31")
    last = h.classes[h.classes["period_end"] == pd.Period("2024-12", "M")].set_index("customer_id")
    t = ax.abc_xyz(tx, as_of="2024-12-31")
    assert last["abc_xyz"].astype(object).reindex(t.index).equals(t["abc_xyz"].astype(object))
    assert last["abc"].astype(object).reindex(t.index).equals(t["abc"].astype(object))


# ============================================================================================
# Charts and widget
# ============================================================================================


def test_charts_return_figures_in_both_languages():
    from matplotlib.figure import Figure

    from salesnb.i18n import t as label
    from salesnb.plots.abcxyz import cv_chart, matrix_chart, pareto_chart

    table = ax.abc_xyz(_company_tx(), as_of="2024-12-31", customers=pd.DataFrame({"customer_id": ["lead"]}))
    for lang in ("en", "pl"):
        for fn in (pareto_chart, cv_chart, matrix_chart):
            fig = fn(table, lang)
            assert isinstance(fig, Figure)
            texts = [a.get_title() for a in fig.axes] + [fig.get_suptitle()]
            assert any(label(k, lang) in texts for k in
                       ("abcxyz_pareto_title", "abcxyz_cv_title", "abcxyz_matrix_title"))
    # The matrix: 3 classified clients (AZ, BX, CZ) -> counts 1 in those cells.
    fig = matrix_chart(table)
    cells = [t.get_text() for t in fig.axes[0].texts]
    assert cells == ["0", "0", "1", "1", "0", "0", "0", "0", "1"]


def test_pareto_chart_of_several_groups_names_the_table_parameter():
    from salesnb.errors import ParameterError
    from salesnb.plots.abcxyz import pareto_chart

    values = pd.DataFrame({"g": ["x", "x", "y", "y"], "id": ["a", "b", "a", "b"], "amount": [3.0, 1.0, 2.0, 2.0]})
    table = ax.abc_table(values, groups="g", ids="id")
    with pytest.raises(ParameterError, match="'table' parameter of salesnb.plots.abcxyz.pareto_chart") as err:
        pareto_chart(table)
    assert err.value.parameter == "table" and "select one group first" in str(err.value)
    assert pareto_chart(table[table["group"] == "x"]).axes  # one group draws


def test_widget_builds_and_redraws(live_widgets):
    pytest.importorskip("ipywidgets")
    from salesnb.widgets.abcxyz import abcxyz_view, abcxyz_widget

    tx = _company_tx()
    box = abcxyz_widget(tx, as_of="2024-12-31")
    sliders = box.children[:3]               # ABC thresholds, XYZ thresholds, period: one row each
    sliders[0].value = (0.8, 0.95)         # triggers a redraw through observe
    sliders[2].value = "Q"
    table, fig = abcxyz_view(tx, (0.8, 0.95), None, "Q", "pl", as_of="2024-12-31")
    assert table.attrs["abc_thresholds"] == (0.8, 0.95) and table.attrs["period"] == "Q"
    import matplotlib.pyplot as plt

    assert plt.get_fignums() == []  # redraws leave no pyplot figure open


def test_horizon_limits_abc_and_xyz_to_the_last_periods():
    # Horizon 6 months as of 2024-12-31: Jul..Dec. "old" (January only) is left out. bumpy in
    # Jul..Dec: 100, 300, 100, 300, 100, 300 -> 1200, CV 0.5; steady 600; fresh 1000 (new).
    # Total 2800: bumpy 0 before -> A; fresh 1200/2800 = .43 -> A; steady 2200/2800 = .79 -> B.
    t = ax.abc_xyz(_company_tx(), as_of="2024-12-31", horizon=6)
    assert "old" not in t.index
    assert t.index.tolist() == ["bumpy", "fresh", "steady"]
    assert t["turnover"].tolist() == [1200, 1000, 600]
    assert t["abc"].astype(str).tolist() == ["A", "A", "B"]
    assert t.loc["bumpy", "n_periods"] == 6 and t.loc["bumpy", "cv"] == pytest.approx(0.5)
    # steady bought P3 only in December and P1 before: both inside the horizon -> 2.
    assert t.loc["steady", "n_products"] == 2


def test_new_clients_agree_with_the_lifecycle_module_at_a_quarter_end():
    # T = 30 Jun with W = 3 months: the lifecycle end-of-month rule puts T - W at 31 Mar, so a
    # first sale on 31 Mar is not new (30 Mar would be pandas' plain T - 3 months); 1 Apr is new.
    from salesnb import lifecycle

    tx = pd.DataFrame({"customer_id": ["m31", "a01", "old", "old"],
                       "date": pd.to_datetime(["2024-03-31", "2024-04-01", "2023-01-10", "2024-06-10"]),
                       "amount": [10.0, 10.0, 10.0, 10.0]})
    table = ax.abc_xyz(tx, as_of="2024-06-30", lifecycle_window="3M")  # indexed by client
    status = lifecycle.statuses(tx, as_of="2024-06-30", window="3M").set_index("customer_id")["status"]
    assert table.loc["a01", "reason"] == "reason_new_client" and status["a01"] == "new"
    assert table.loc["m31", "reason"] != "reason_new_client" and status["m31"] != "new"


def test_matrix_counts_and_shares_of_all_turnover():
    # three classified clients and one unclassified (no XYZ): shares are of the total 100
    table = pd.DataFrame({"turnover": [50.0, 30.0, 15.0, 5.0], "abc": ["A", "B", "C", "C"],
                          "xyz": ["X", "Z", "X", None]}, index=["a", "b", "c", "d"])
    m = ax.abc_xyz_matrix(table)
    assert m["clients"].loc["A", "X"] == 1 and m["clients"].loc["C", "X"] == 1 and m["clients"].to_numpy().sum() == 3
    assert m["share"].loc["A", "X"] == 0.5 and m["share"].loc["B", "Z"] == 0.3 and m["share"].loc["C", "X"] == 0.15
    assert m["share"].to_numpy().sum() == pytest.approx(0.95)  # d's 5% is outside the matrix


def test_compare_classes_counts_moves():
    before = pd.DataFrame({"xyz": ["X", "Y", "Z", None]}, index=["a", "b", "c", "d"])
    after = pd.DataFrame({"xyz": ["X", "Z", "Z", "Y"]}, index=["a", "b", "c", "d"])
    m = ax.compare_classes(before, after)
    # a stays X, b Y->Z, c stays Z, d -->Y
    assert m.loc["X", "X"] == 1 and m.loc["Y", "Z"] == 1 and m.loc["Z", "Z"] == 1 and m.loc["-", "Y"] == 1
    assert m.to_numpy().sum() == 4


def test_class_summary_shares_and_product_lines():
    table = pd.DataFrame({"turnover": [60.0, 25.0, 10.0, 5.0], "abc": ["A", "B", "C", "C"],
                          "n_product_lines": [4, 2, 1, 2]}, index=list("abcd"))
    s = ax.class_summary(table, "abc")
    assert s["clients"].tolist() == [1, 1, 2]
    assert s["client_share"].tolist() == [0.25, 0.25, 0.5]
    assert s["value_share"].tolist() == [0.6, 0.25, 0.15]
    assert s["mean_product_lines"].tolist() == [4.0, 2.0, 1.5]
    assert s["value_share"].sum() == pytest.approx(1.0)


def test_unclassified_counts_every_client_without_a_class_once_including_those_before_the_horizon():
    """Hand-computed: T = 2025-12-31, horizon 12 months (2025). P: only 2023 purchases (outside the
    horizon); N: first purchase in December 2025 (new: ABC only); R: every month of 2025 (classified);
    K: known from the customers list, never bought (potential)."""
    rows = [("P", "2023-03-10", 100.0), ("P", "2023-06-10", 50.0),
            ("N", "2025-12-05", 300.0),
            *[("R", f"2025-{m:02d}-15", 100.0) for m in range(1, 13)]]
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    tx["date"] = pd.to_datetime(tx["date"])
    known = pd.DataFrame({"customer_id": ["P", "N", "R", "K"]})
    table = ax.abc_xyz(tx, as_of="2025-12-31", horizon=12, customers=known)
    assert set(table.index) == {"N", "R", "K"}  # P bought only before the horizon
    got = ax.unclassified(table, tx)["clients"].to_dict()
    assert got == {"reason_new_client": 1, "reason_potential_client": 1, "reason_no_sale_in_horizon": 1}
    # with the whole history P is classified, and nothing is outside a horizon
    whole = ax.abc_xyz(tx, as_of="2025-12-31", horizon="all", customers=known)
    assert "reason_no_sale_in_horizon" not in ax.unclassified(whole, tx).index
    # a sale after T does not make a client count
    later = pd.concat([tx, pd.DataFrame({"customer_id": ["Z"], "date": [pd.Timestamp("2026-01-05")],
                                         "amount": [10.0]})])
    assert ax.unclassified(table, later)["clients"].to_dict() == got
