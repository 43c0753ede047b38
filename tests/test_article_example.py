"""The article's worked example (seed 003 lines 645-698) comes out of raw rows."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

from salesnb import lifecycle as lc
from salesnb.article_example import ARTICLE_TABLE, COUNT_SPLIT, article_example
from salesnb.errors import DataWarning


@pytest.fixture(scope="module")
def example():
    return article_example()


@pytest.fixture(scope="module")
def table(example):
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)  # the example is clean: no warning at all
        return lc.manager_kpis(example, example.period_start, example.period_end)


def test_every_number_of_the_article_table(table):
    assert list(table.index) == ["Iwanow", "Pietrow", "Total"]
    # totals (the article prints the counts only as totals)
    assert table.loc["Total", "potential_clients"] == 62
    assert table.loc["Total", "primary_sales_count"] == 25
    assert table.loc["Total", "lost_clients"] == 13
    assert table.loc["Total", "restored_clients"] == 11
    # amounts per manager and total: 100 000 + 150 000 = 250 000 ...
    assert table.loc["Iwanow", "primary_sales_amount"] == 100_000
    assert table.loc["Pietrow", "primary_sales_amount"] == 150_000
    assert table.loc["Total", "primary_sales_amount"] == 250_000
    # ... 450 000 + 58 000 = 508 000 ...
    assert table.loc["Iwanow", "repeat_sales_amount"] == 450_000
    assert table.loc["Pietrow", "repeat_sales_amount"] == 58_000
    assert table.loc["Total", "repeat_sales_amount"] == 508_000
    # ... 23 000 + 75 000 = 98 000
    assert table.loc["Iwanow", "new_direction_sales_amount"] == 23_000
    assert table.loc["Pietrow", "new_direction_sales_amount"] == 75_000
    assert table.loc["Total", "new_direction_sales_amount"] == 98_000


def test_matches_the_article_table_constant_and_the_invented_split(table):
    cols = list(ARTICLE_TABLE.columns)
    got = table[cols].astype(float)
    expected = ARTICLE_TABLE.astype(float)
    mask = expected.notna()
    assert (got[mask] == expected[mask]).sum().sum() == mask.sum().sum()
    for m, (pot, prim, lost, rest) in COUNT_SPLIT.items():
        counts = ["potential_clients", "primary_sales_count", "lost_clients", "restored_clients"]
        assert table.loc[m, counts].tolist() == [pot, prim, lost, rest]
    # conversion: leads = potential + converted; 25 / (62 + 25) = 28.7 %
    assert table.loc["Total", "leads"] == 87
    assert table.loc["Total", "conversion"] == pytest.approx(25 / 87)
    assert table.loc["Iwanow", "conversion"] == pytest.approx(10 / 40)
    # the two credit notes are kept apart: -1 500 (Iwanow, lost client) and -800 (Pietrow)
    assert table["corrections_amount"].tolist() == [-1500.0, -800.0, -2300.0]


def test_statuses_at_the_end_of_the_period(example):
    s = lc.statuses(example)  # the company's as_of 31.03.2009 and window 3M
    counts = lc.status_counts(s)
    # 62 potential, 25 new, 11 restored; lost = 13 lost in the period + 5 lost before it
    assert counts.to_dict() == {"potential": 62, "new": 25, "regular": 18, "lost": 18, "restored": 11}
    roles = example.customers.set_index("customer_id")["example_role"]
    by_role = s.set_index("customer_id")["status"].astype(str).groupby(roles).agg(lambda x: sorted(set(x)))
    assert by_role.to_dict() == {"long lost": ["lost"], "lost": ["lost"], "new": ["new"], "potential": ["potential"],
                                 "regular": ["regular"], "restored": ["restored"]}
    assert "after the period" not in set(roles[s["customer_id"]])  # contacted in April: not known yet


def test_client_table_adds_up_to_the_manager_table(example, table):
    c = lc.client_kpis(example, example.period_start, example.period_end)
    sums = c.groupby("salesperson")[["primary_sales_amount", "repeat_sales_amount", "new_direction_sales_amount"]].sum()
    for m in ("Iwanow", "Pietrow"):
        for col in sums.columns:
            assert sums.loc[m, col] == table.loc[m, col]
    assert c["lost_in_period"].sum() == 13 and c["restored"].sum() == 11 and c["converted"].sum() == 25


def test_rows_are_deterministic_and_plain(example):
    again = article_example()
    pd.testing.assert_frame_equal(example.transactions, again.transactions)
    t = example.transactions
    assert {"date", "customer_id", "amount", "product", "product_line", "salesperson"} <= set(t.columns)
    assert t["salesperson"].isna().sum() > 0  # some rows credited through the client list
    assert (t["amount"] < 0).sum() == 2
    assert (t["date"] > example.period_end).sum() == 2  # April rows, ignored
