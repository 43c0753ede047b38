"""One rule for dates and one for 'never bought' across the analysis modules."""
from __future__ import annotations

import pandas as pd
import pytest

from salesnb import abcxyz, lifecycle
from salesnb.errors import DataError
from salesnb.periods import local_dates


def test_time_zones_keep_local_wall_time_in_both_modules():
    # 00:30 on 1 April in Warsaw is a 1 April sale; as of 31 March it has not happened yet.
    tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
                       "date": pd.to_datetime(["2023-12-10 12:00", "2024-03-10 12:00", "2024-04-01 00:30"]
                                              ).tz_localize("Europe/Warsaw"),
                       "amount": [10.0, 10.0, 10.0]})
    st = lifecycle.statuses(tx, as_of="2024-03-31", window="3M").set_index("customer_id")["status"]
    table = abcxyz.abc_xyz(tx, as_of="2024-03-31", lifecycle_window="3M")
    # b's only row is after T in local time (in UTC it would be 31 March, 22:30): unknown at T
    assert "b" not in st.index and "b" not in table.index
    assert st["a"] == "regular" and table.loc["a", "abc"] == "A"
    # a tz-aware as-of date still means the whole day: a sale at 12:00 on it counts
    tx2 = tx.iloc[:2].assign(date=pd.to_datetime(["2023-12-10 12:00", "2024-03-31 12:00"]).tz_localize("Europe/Warsaw"))
    st2 = lifecycle.statuses(tx2, as_of=pd.Timestamp("2024-03-31", tz="Europe/Warsaw"), window="3M")
    assert st2.set_index("customer_id").loc["a", "last_settlement"] == pd.Timestamp("2024-03-31 12:00")


def test_polish_text_dates_are_read_day_first_and_iso_month_first():
    s = local_dates(pd.Series(["01.02.2024", "2024-02-01", "05.03.2024 14:05"]))
    assert s.tolist() == [pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-01"), pd.Timestamp("2024-03-05 14:05")]
    tx = pd.DataFrame({"customer_id": ["a", "b"], "date": ["01.02.2024", "05.03.2024"], "amount": [1.0, 2.0]})
    assert abcxyz.abc_xyz(tx).loc["a", "first_sale"] == pd.Timestamp("2024-02-01")
    st = lifecycle.statuses(tx).set_index("customer_id")
    assert st.loc["b", "first_settlement"] == pd.Timestamp("2024-03-05")
    with pytest.raises(DataError, match="cannot read these values as dates"):
        local_dates(pd.Series(["03/05/2024"]))  # ambiguous: refused, never guessed


def test_a_client_with_only_corrections_has_no_class_as_it_has_no_status():
    tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
                       "date": pd.to_datetime(["2024-01-10", "2024-02-10", "2024-03-10", "2024-02-01"]),
                       "amount": [100.0, 100.0, 100.0, -50.0]})
    with pytest.warns(Warning):
        st = lifecycle.statuses(tx, as_of="2024-03-31").set_index("customer_id")
    table = abcxyz.abc_xyz(tx, as_of="2024-03-31")
    assert st.loc["b", "status"] == "potential"
    assert pd.isna(table.loc["b", "abc"]) and table.loc["b", "reason"] == "reason_potential_client"
    assert table.loc["a", "abc"] == "A"


def test_abc_ties_follow_the_id_whatever_the_category_order():
    values = [100.0, 100.0, 100.0, 100.0]
    plain = abcxyz.abc(pd.Series(values, index=["a", "b", "c", "d"]))
    reversed_cats = pd.CategoricalIndex(["d", "c", "b", "a"], categories=["d", "c", "b", "a"])
    cat = abcxyz.abc(pd.Series(values, index=reversed_cats))
    # four equal clients, 50/80: a (0% before) A, b (25%) A, c (50%) B, d (75%) B
    assert plain.to_dict() == {"a": "A", "b": "A", "c": "B", "d": "B"}
    assert {str(k): v for k, v in cat.to_dict().items()} == plain.to_dict()


def test_class_history_with_a_start_after_the_as_of_date_says_so():
    tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-10"]), "amount": [1.0]})
    with pytest.raises(DataError, match="on or before the as-of date"):
        abcxyz.class_history(tx, start="2025-01-01")


def test_kano_reads_live_with_it():
    from salesnb import kano

    assert kano.answer_code("live with it") == 4 == kano.answer_code("Mogę z tym żyć")
