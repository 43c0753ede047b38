"""salesnb.lifecycle: statuses, history, window suggestion, manager and client KPIs.

Hand-computed cases use T = 31.03.2009 and W = 3 months unless said otherwise, so
T - W = 31.12.2008 and T - 2W = 30.09.2008: current window = 01.01.2009-31.03.2009 (days),
previous window = 01.10.2008-31.12.2008 (domain.md section 4).
"""
from __future__ import annotations

import warnings
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesnb import lifecycle as lc
from salesnb.errors import DataError, DataWarning


def tx(rows, **extra):
    """rows: (customer_id, date, amount[, product_line[, salesperson]])."""
    cols = ["customer_id", "date", "amount", "product_line", "salesperson"][: len(rows[0])]
    df = pd.DataFrame(rows, columns=cols)
    df["date"] = pd.to_datetime(df["date"], format="ISO8601")
    df["amount"] = df["amount"].astype(float)
    return df


def status_of(df, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        st_ = lc.statuses(df, **kw)
    return dict(zip(st_["customer_id"], st_["status"].astype(str), strict=True))


# ------------------------------------------------------------------------------------ window


@pytest.mark.parametrize(
    "given_, expected",
    [
        ("3M", pd.DateOffset(months=3)),
        ("3ME", pd.DateOffset(months=3)),
        ("3 months", pd.DateOffset(months=3)),
        (" 3 Months ", pd.DateOffset(months=3)),
        ("3 miesiące", pd.DateOffset(months=3)),
        ("1Q", pd.DateOffset(months=3)),
        ("1 kwartał", pd.DateOffset(months=3)),
        ("Q", pd.DateOffset(months=3)),
        ("1Y", pd.DateOffset(months=12)),
        (pd.DateOffset(months=3), pd.DateOffset(months=3)),
        (pd.DateOffset(years=1), pd.DateOffset(months=12)),
        ("13W", pd.Timedelta(days=91)),
        ("91D", pd.Timedelta(days=91)),
        ("91 days", pd.Timedelta(days=91)),
        ("13 tygodni", pd.Timedelta(days=91)),
        (pd.Timedelta(days=91), pd.Timedelta(days=91)),
        (pd.offsets.Day(91), pd.Timedelta(days=91)),
        (pd.offsets.Week(13), pd.Timedelta(days=91)),
        (pd.DateOffset(days=91), pd.Timedelta(days=91)),
        (np.timedelta64(91, "D"), pd.Timedelta(days=91)),
    ],
)
def test_parse_window_accepts(given_, expected):
    got = lc.parse_window(given_)
    assert type(got) is type(expected)
    assert (got.kwds == expected.kwds) if isinstance(got, pd.DateOffset) else got == expected


@pytest.mark.parametrize(
    "bad", ["0M", "-3M", "0D", pd.Timedelta(0), pd.Timedelta(days=-5), pd.DateOffset(months=0),
            pd.DateOffset(months=-3), "three months", "3X", pd.offsets.MonthEnd(3),
            pd.DateOffset(months=1, days=5), 3, None],
)
def test_parse_window_rejects_with_a_clear_error(bad):
    with pytest.raises(DataError, match="window"):
        lc.parse_window(bad)


def test_window_start_is_calendar_aware_with_the_end_of_month_rule():
    ws = lc.window_start
    assert ws(pd.Timestamp("2009-05-31"), "3M") == pd.Timestamp("2009-02-28")
    assert ws(pd.Timestamp("2008-05-31"), "3M") == pd.Timestamp("2008-02-29")  # leap year
    assert ws(pd.Timestamp("2009-05-30"), "3M") == pd.Timestamp("2009-02-28")  # pandas clips to the month end
    # end-of-month rule: 30 June is a month end, so T - 3M is 31 March (pandas alone: 30 March)
    assert ws(pd.Timestamp("2009-06-30"), "3M") == pd.Timestamp("2009-03-31")
    assert ws(pd.Timestamp("2009-06-29"), "3M") == pd.Timestamp("2009-03-29")
    # T - 2W is computed from T in one shift: 31 May - 6 months = 30 Nov (two shifts would give 28 Nov)
    assert ws(pd.Timestamp("2009-05-31"), "3M", 2) == pd.Timestamp("2008-11-30")
    assert ws(pd.Timestamp("2009-03-31"), "91D") == pd.Timestamp("2008-12-30")


# ------------------------------------------------------------------------------------ statuses

BOUNDARY_ROWS = [
    ("on_T", "2009-03-31", 100),  # first ever on T -> new
    ("at_T_minus_W", "2008-12-31", 100),  # only on T-W: previous window, none in current -> lost
    ("first_day_in_window", "2009-01-01", 100),  # first ever, first day of the window -> new
    ("T_minus_W_and_after", "2008-12-31", 100),  # T-W is in the previous window ...
    ("T_minus_W_and_after", "2009-01-01", 100),  # ... and 01.01 in the current -> regular
    ("at_T_minus_2W", "2008-09-30", 100),  # T-2W is NOT in the previous window ...
    ("at_T_minus_2W", "2009-03-31", 100),  # ... so back on T after a gap -> restored
    ("prev_first_day", "2008-10-01", 100),  # first day of the previous window
    ("prev_first_day", "2009-02-01", 100),  # -> regular
    ("gap_one_window", "2008-11-15", 100),  # gap of exactly one window (3 months) ...
    ("gap_one_window", "2009-02-15", 100),  # ... consecutive windows -> regular
    ("gap_one_window_old", "2008-08-15", 100),  # gap of one window ending before the previous one:
    ("gap_one_window_old", "2008-11-15", 100),  # last in previous window, none in current -> lost
    ("restored_long", "2007-05-05", 100),  # long pause, then back -> restored
    ("restored_long", "2009-03-01", 100),
    ("credit_only", "2009-02-01", -50),  # only a correction -> potential (flagged)
    ("sale_then_credit", "2009-02-01", 100),  # invoice then a full credit note: the invoice
    ("sale_then_credit", "2009-02-10", -100),  # is still a settlement -> new
    ("zero_only", "2009-02-01", 0),  # zero amount is not a settlement -> potential
    ("future_only", "2009-04-01", 100),  # only after T: not known at T -> absent
    ("lost_with_future", "2008-12-01", 100),  # the April sale is ignored -> lost
    ("lost_with_future", "2009-04-01", 100),
]


@pytest.fixture
def boundary():
    return tx(BOUNDARY_ROWS)


def test_every_status_boundary_by_hand(boundary):
    got = status_of(boundary, as_of="2009-03-31", window="3M")
    assert got == {
        "on_T": "new",
        "at_T_minus_W": "lost",
        "first_day_in_window": "new",
        "T_minus_W_and_after": "regular",
        "at_T_minus_2W": "restored",
        "prev_first_day": "regular",
        "gap_one_window": "regular",
        "gap_one_window_old": "lost",
        "restored_long": "restored",
        "credit_only": "potential",
        "sale_then_credit": "new",
        "zero_only": "potential",
        "lost_with_future": "lost",
    }


def test_status_columns_and_days_since_last(boundary):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        s = lc.statuses(boundary, as_of="2009-03-31", window="3M").set_index("customer_id")
    assert list(s.index) == sorted(s.index)  # deterministic order
    # 31.12.2008 -> 31.03.2009: 31 (Jan) + 28 (Feb) + 31 (Mar) = 90 days
    assert s.loc["at_T_minus_W", "days_since_last"] == 90
    assert s.loc["on_T", "days_since_last"] == 0
    assert pd.isna(s.loc["credit_only", "days_since_last"])
    assert s.loc["lost_with_future", "last_settlement"] == pd.Timestamp("2008-12-01")  # April ignored
    assert s.loc["T_minus_W_and_after", "first_settlement"] == pd.Timestamp("2008-12-31")
    assert bool(s.loc["credit_only", "only_corrections"]) and bool(s.loc["zero_only", "only_corrections"])
    assert not s.loc["sale_then_credit", "only_corrections"]
    assert bool(s.loc["T_minus_W_and_after", "in_previous_window"])
    assert not s.loc["at_T_minus_2W", "in_previous_window"]
    assert s.attrs["window_start"].normalize() == pd.Timestamp("2008-12-31")
    assert s.attrs["previous_window_start"].normalize() == pd.Timestamp("2008-09-30")
    assert list(s["status"].cat.categories) == list(lc.STATUSES)


def test_only_corrections_warns_or_raises(boundary):
    with pytest.warns(DataWarning, match="only corrections"):
        lc.statuses(boundary, as_of="2009-03-31")
    with pytest.raises(DataError, match="credit_only"):
        lc.statuses(boundary, as_of="2009-03-31", only_corrections="raise")


def test_timedelta_window_gap_of_exactly_one_window():
    # W = 91 days, T = 31.03.2009 (end of day): T-W = 30.12.2008, T-2W = 30.09.2008
    d = tx([("a", "2008-12-30", 1), ("a", "2009-03-31", 1),  # T-W (previous) and T -> regular
            ("b", "2008-12-31", 1),  # day after T-W: current window, first ever -> new
            ("c", "2008-12-30", 1),  # on T-W only -> lost
            ("d", "2008-09-30", 1), ("d", "2009-01-15", 1)])  # T-2W is outside previous -> restored
    assert status_of(d, as_of="2009-03-31", window=pd.Timedelta(days=91)) == {
        "a": "regular", "b": "new", "c": "lost", "d": "restored"}
    assert status_of(d, as_of="2009-03-31", window="13W") == status_of(d, as_of="2009-03-31", window="91D")


def test_month_end_as_of_31_may():
    # T = 31.05.2009, W = 3M: T-W = 28.02.2009, T-2W = 30.11.2008
    d = tx([("feb28", "2009-02-28", 1), ("mar1", "2009-03-01", 1),
            ("nov30", "2008-11-30", 1), ("nov30", "2009-05-31", 1),
            ("dec1", "2008-12-01", 1), ("dec1", "2009-05-31", 1)])
    assert status_of(d, as_of="2009-05-31", window="3M") == {
        "feb28": "lost", "mar1": "new", "nov30": "restored", "dec1": "regular"}


def test_as_of_date_means_the_whole_day_a_time_is_an_instant():
    d = tx([("a", "2009-03-31 14:00", 1), ("b", "2009-01-01", 1)])
    assert status_of(d, as_of="2009-03-31")["a"] == "new"
    assert "a" not in status_of(d, as_of="2009-03-31 12:00")


def test_default_as_of_is_the_last_transaction_day_corrections_included():
    d = tx([("a", "2009-01-10", 5), ("b", "2009-05-02", -1)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        s = lc.statuses(d, window="3M")
    assert s.attrs["as_of"] == pd.Timestamp("2009-05-02")
    # 02.05.2009 - 3M = 02.02.2009: a (10.01) is lost; b only a correction -> potential
    assert dict(zip(s["customer_id"], s["status"].astype(str), strict=True)) == {"a": "lost", "b": "potential"}


def test_leads_from_customers_are_potential_when_known_by_T():
    d = tx([("a", "2009-02-01", 5)])
    cust = pd.DataFrame({
        "customer_id": ["a", "lead", "lead_nodate", "lead_later"],
        "first_contact": pd.to_datetime(["2008-01-01", "2009-03-31", None, "2009-04-01"]),
    })
    assert status_of(d, customers=cust, as_of="2009-03-31") == {
        "a": "new", "lead": "potential", "lead_nodate": "potential"}  # lead_later: not yet known


def test_bad_input_raises_clear_errors():
    d = tx([("a", "2009-02-01", 5)])
    with pytest.raises(DataError, match="before the first transaction"):
        lc.statuses(d, as_of="2008-12-31")
    with pytest.raises(DataError, match="longer than zero"):
        lc.statuses(d, window="0M")
    with pytest.raises(DataError, match="longer than zero"):
        lc.statuses(d, window=pd.Timedelta(days=-1))
    with pytest.raises(DataError, match=r"'transactions' parameter .* column\(s\) amount"):
        lc.statuses(d.drop(columns="amount"))
    bad = d.copy()
    bad.loc[0, "amount"] = np.nan
    with pytest.raises(DataError, match="no amount"):
        lc.statuses(bad)
    with pytest.raises(DataError, match="repeat"):
        lc.statuses(d, customers=pd.DataFrame({"customer_id": ["x", "x"]}))
    with pytest.raises(DataError, match="no default as-of"):
        lc.statuses(d.iloc[:0], customers=pd.DataFrame({"customer_id": ["x"]}))


def test_company_object_supplies_defaults_and_arguments_override():
    d = tx([("a", "2009-01-15", 5), ("b", "2009-03-10", 5)])
    company = SimpleNamespace(transactions=d, customers=pd.DataFrame({"customer_id": ["c"]}), products=None,
                              as_of=pd.Timestamp("2009-03-31"), params={"lifecycle_window": "1M"})
    # W = 1M: window 01.03-31.03; a (15.01) lost, b new, c a lead
    assert status_of(company) == {"a": "lost", "b": "new", "c": "potential"}
    assert status_of(company, window="3M")["a"] == "new"
    assert status_of({"transactions": d}, as_of="2009-03-31", window="1M") == {"a": "lost", "b": "new"}


def test_id_types_give_the_same_statuses():
    base = tx([("1", "2008-11-01", 5), ("1", "2009-02-01", 5), ("2", "2008-05-01", 5), ("3", "2009-03-01", 5)])
    expected = {"1": "regular", "2": "lost", "3": "new"}
    for ids in (base["customer_id"], base["customer_id"].astype("category"), base["customer_id"].astype(object),
                base["customer_id"].astype("string")):
        got = status_of(base.assign(customer_id=ids), as_of="2009-03-31")
        assert {str(k): v for k, v in got.items()} == expected
    got = status_of(base.assign(customer_id=base["customer_id"].astype(int)), as_of="2009-03-31")
    assert got == {1: "regular", 2: "lost", 3: "new"}


# ------------------------------------------------------------------------------- properties

DAYS = pd.date_range("2008-01-01", "2009-12-31", freq="D")


@st.composite
def datasets(draw):
    n = draw(st.integers(1, 40))
    cids = draw(st.lists(st.sampled_from(list("abcdefgh")), min_size=n, max_size=n))
    days = draw(st.lists(st.integers(0, len(DAYS) - 1), min_size=n, max_size=n))
    amounts = draw(st.lists(st.sampled_from([-20.0, 0.0, 10.0, 35.5, 100.0]), min_size=n, max_size=n))
    leads = draw(st.lists(st.sampled_from(list("fghijk")), unique=True, max_size=4))
    lead_days = draw(st.lists(st.one_of(st.none(), st.integers(0, len(DAYS) - 1)),
                              min_size=len(leads), max_size=len(leads)))
    df = pd.DataFrame({"customer_id": cids, "date": DAYS[days], "amount": amounts})
    cust = pd.DataFrame({"customer_id": leads,
                         "first_contact": pd.to_datetime([None if x is None else DAYS[x] for x in lead_days])})
    as_of = DAYS[draw(st.integers(int(min(days)), len(DAYS) - 1))]
    window = draw(st.sampled_from(["1M", "3M", "6M", "30D", "91D", "2W"]))
    return df, cust, as_of, window


def reference_status(df, cust, as_of, window):
    """Straight from domain.md section 4, one client at a time (slow, obviously right)."""
    t = as_of + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
    a, b = lc.window_start(t, window, 1), lc.window_start(t, window, 2)
    out = {}
    known = set(df.loc[df["date"] <= t, "customer_id"])
    known |= {c for c, fc in zip(cust["customer_id"], cust["first_contact"], strict=True) if pd.isna(fc) or fc <= t}
    for c in known:
        dates = [d for cc, d, amt in zip(df["customer_id"], df["date"], df["amount"], strict=True)
                 if cc == c and amt > 0 and d <= t]
        if not dates:
            out[c] = "potential"
        elif not any(d > a for d in dates):
            out[c] = "lost"
        elif min(dates) > a:
            out[c] = "new"
        elif any(b < d <= a for d in dates):
            out[c] = "regular"
        else:
            out[c] = "restored"
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_statuses_partition_the_known_clients_and_match_the_definitions(data):
    df, cust, as_of, window = data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        s = lc.statuses(df, cust, as_of=as_of, window=window)
    assert s["customer_id"].is_unique  # each client exactly once ...
    assert s["status"].notna().all()  # ... with exactly one of the five statuses
    counts = lc.status_counts(s)
    assert counts.sum() == len(s)
    assert dict(zip(s["customer_id"], s["status"].astype(str), strict=True)) == \
        reference_status(df, cust, as_of, window)
    # lost / potential have no settlement in the current window; the others do
    active = s["status"].isin(["new", "regular", "restored"])
    assert (s["in_current_window"] == active).all()


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_history_last_period_equals_statuses_and_flows_add_up(data):
    df, cust, as_of, window = data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        h = lc.status_history(df, cust, as_of=as_of, window=window)
        s = lc.statuses(df, cust, as_of=as_of, window=window)
    last = h.statuses.iloc[:, -1].dropna()
    assert dict(zip(last.index, last.astype(str), strict=True)) == \
        dict(zip(s["customer_id"], s["status"].astype(str), strict=True))
    assert (h.counts.sum(axis=1) == h.statuses.notna().sum(axis=0).to_numpy()).all()
    for end, g in h.flows.groupby("period_end", observed=True):
        assert g["clients"].sum() == h.counts.loc[end].sum()  # every client known at the end flows from somewhere
    # a client once known stays known; the partition holds every period
    known = h.statuses.notna().to_numpy()
    assert (known[:, 1:] >= known[:, :-1]).all()


# ------------------------------------------------------------------------------------ history


def test_status_history_by_hand():
    d = tx([("A", "2008-10-05", 1), ("A", "2009-02-01", 1), ("C", "2008-06-01", 1), ("C", "2009-01-01", 1),
            ("D", "2008-12-31", 1)])
    h = lc.status_history(d, as_of="2009-03-31", window="3M")
    # period ends step back by W from 31.03.2009 while on/after the first day 01.06.2008
    assert list(h.period_ends) == list(pd.to_datetime(["2008-06-30", "2008-09-30", "2008-12-31", "2009-03-31"]))
    assert h.statuses.loc["C"].astype(str).tolist() == ["new", "lost", "lost", "restored"]
    assert h.statuses.loc["A"].astype(str).tolist()[2:] == ["new", "regular"]
    assert h.statuses.loc["A"].isna().tolist()[:2] == [True, True]  # not yet known
    # at 31.03.2009: A regular, C restored, D lost (bought 31.12 = T-W)
    assert h.counts.loc["2009-03-31"].to_dict() == {"potential": 0, "new": 0, "regular": 1, "lost": 1, "restored": 1}
    flows = {(r.from_status, r.to_status): r.clients for r in h.flows[h.flows.period_end == "2009-03-31"].itertuples()}
    assert flows == {("new", "regular"): 1, ("new", "lost"): 1, ("lost", "restored"): 1}
    m = h.transitions()
    assert m.loc["unknown", "new"] == 2 and m.loc["new", "lost"] == 2  # C (Sep) and D (Mar)
    h2 = lc.status_history(d, as_of="2009-03-31", window="3M", every="1M", periods=3)
    assert list(h2.period_ends) == list(pd.to_datetime(["2009-01-31", "2009-02-28", "2009-03-31"]))
    h3 = lc.status_history(d, window="3M", period_ends=["2009-03-31", "2008-12-31"])
    assert list(h3.period_ends) == list(pd.to_datetime(["2008-12-31", "2009-03-31"]))


# ----------------------------------------------------------------------------- suggest_window


def _every(days, n_clients=4, n_buys=6, start="2008-01-01"):
    rows = [(f"c{c}", pd.Timestamp(start) + pd.Timedelta(days=days * k + c), 10) for c in range(n_clients)
            for k in range(n_buys)]
    return tx(rows)


@pytest.mark.parametrize("days, label", [(30, "1M"), (60, "2M"), (91, "3M"), (92, "4M"), (7, "1W"), (10, "2W")])
def test_suggest_window_from_the_gaps(days, label):
    # every client buys every `days` days: typical gap = days; 30 <= 30.44 (one month) -> 1M,
    # 91 <= 91.31 -> 3M, 92 > 91.31 -> 4M; under 28 days: weeks, ceil(10 / 7) = 2
    s = lc.suggest_window(_every(days))
    assert s.label == label
    assert s.n_repeat_clients == 4
    assert str(days) in s.explain("en") and "dni" in s.explain("pl")


def test_suggest_window_coverage_and_no_repeat_clients():
    # 3 clients every 30 days, 1 client every 180 days: 75% covered by 1 month; 100% needs 6 months
    d = pd.concat([_every(30, n_clients=3), _every(180, n_clients=1, start="2007-01-01").assign(customer_id="slow")])
    assert lc.suggest_window(d, coverage=0.75).label == "1M"
    assert lc.suggest_window(d, coverage=1.0).label == "6M"
    one = lc.suggest_window(tx([("a", "2009-01-01", 5), ("b", "2009-02-01", 5), ("b", "2009-02-01", 3)]))
    assert one.label == "3M" and one.n_repeat_clients == 0 and "article" in one.explain()


# ------------------------------------------------------------------------------------ KPIs

KPI_ROWS = [
    # customer, date, amount, line, salesperson
    ("A", "2008-10-05", 100, "x", "S1"),
    ("A", "2009-02-01", 200, "x", "S1"),  # repeat (line x bought 05.10.2008)
    ("B", "2009-03-31", 30, "y", None),  # primary (first ever), no salesperson -> B's manager S2
    ("B", "2009-03-31", 20, "x", None),  # same day, other line: still primary
    ("C", "2008-06-01", 10, "x", "S2"),
    ("C", "2009-01-01", 20, "y", "S2"),  # new direction (first y); C restored
    ("D", "2008-12-31", 30, "x", "S2"),  # D: new at 31.12.2008, lost at T -> lost in the period
    ("E", "2008-11-01", 40, "x", "S1"),
    ("E", "2009-01-15", 50, "y", "S1"),  # new direction
    ("E", "2009-01-20", 25, "y", "S1"),  # repeat (y first bought 15.01)
    ("E", "2009-01-20", 5, "y", "S1"),  # same purchase (client, line, day): one repeat sale
    ("F", "2009-02-02", -5, "x", "S1"),  # only a correction: potential; corrections -5 for S1
    ("G", "2009-04-02", 70, "x", "S2"),  # after T: ignored
    ("H", "2009-01-10", 60, "x", "S1"),  # new client of S2 sold by S1 -> primary 60 for S1
]
KPI_CUSTOMERS = pd.DataFrame({
    "customer_id": ["A", "B", "H", "L1", "L2", "L3"],
    "salesperson": ["S1", "S2", "S2", "S2", "S1", "S1"],
    "first_contact": pd.to_datetime(["2008-01-01", "2009-01-10", "2008-12-01", "2009-02-01", "2007-05-05",
                                     "2009-05-01"]),
})


@pytest.fixture
def kpi_company():
    return {"transactions": tx(KPI_ROWS), "customers": KPI_CUSTOMERS}


def test_manager_kpis_by_hand(kpi_company):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        k = lc.manager_kpis(kpi_company, "2009-01-01", "2009-03-31", "3M")
    assert list(k.index) == ["S1", "S2", "Total"]
    assert list(k.columns) == list(lc.MANAGER_KPI_COLUMNS)
    # client managers: A S1, B S2, H S2, L1 S2, L2 S1 (customers); C, D S2, E, F S1 (last row's salesperson)
    # potential at T: F (S1, only a correction), L2 (S1), L1 (S2); L3 contacted after T
    assert k["potential_clients"].tolist() == [2, 1, 3]
    # primary sales: H by S1 (60), B by S2 (30 + 20 = 50)
    assert k["primary_sales_count"].tolist() == [1, 1, 2]
    assert k["primary_sales_amount"].tolist() == [60.0, 50.0, 110.0]
    # repeat: A 200 + E (25 + 5) = 230 for S1 as 2 sales (A x 01.02; E y 20.01)
    assert k["repeat_sales_amount"].tolist() == [230.0, 0.0, 230.0]
    assert k["repeat_sales_count"].tolist() == [2, 0, 2]
    # new directions: E y 50 (S1), C y 20 (S2)
    assert k["new_direction_sales_amount"].tolist() == [50.0, 20.0, 70.0]
    assert k["new_direction_sales_count"].tolist() == [1, 1, 2]
    assert k["corrections_amount"].tolist() == [-5.0, 0.0, -5.0]
    # lost in the period: D (S2; new at 31.12.2008, lost at 31.03.2009); restored: C (S2)
    assert k["lost_clients"].tolist() == [0, 1, 1]
    assert k["restored_clients"].tolist() == [0, 1, 1]
    # leads = potential at T + converted: S1 F, L2 (2 + 0); S2 L1 + B, H (1 + 2)
    assert k["leads"].tolist() == [2, 3, 5]
    assert k["converted_clients"].tolist() == [0, 2, 2]
    assert k["conversion"].tolist() == pytest.approx([0.0, 2 / 3, 2 / 5])
    # the total row is the sum of the rows (conversion: ratio of the sums)
    ratios = ["conversion", "new_lead_conversion"]
    body = k.iloc[:-1].drop(columns=ratios)
    assert (body.sum() == k.iloc[-1].drop(ratios)).all()


def test_client_kpis_by_hand_and_consistent_with_manager_totals(kpi_company):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        c = lc.client_kpis(kpi_company, "2009-01-01", "2009-03-31", "3M")
        k = lc.manager_kpis(kpi_company, "2009-01-01", "2009-03-31", "3M")
    assert list(c.index) == ["A", "B", "C", "D", "E", "F", "H", "L1", "L2"]
    columns = ["repeat_sales_amount", "new_direction_sales_amount", "new_product_lines", "product_lines"]
    assert c.loc["E", columns].tolist() == [30.0, 50.0, 1, 2]
    assert c.loc["D", "status_start"] == "new" and c.loc["D", "status"] == "lost" and c.loc["D", "lost_in_period"]
    assert c.loc["C", "status_start"] == "lost" and c.loc["C", "restored"]
    assert c.loc["H", "salesperson"] == "S2" and c.loc["H", "converted"]
    assert pd.isna(c.loc["L1", "status_start"])  # first contact 01.02.2009: not yet known on 31.12.2008
    for col in ("primary_sales_amount", "repeat_sales_amount", "new_direction_sales_amount", "corrections_amount"):
        assert c[col].sum() == pytest.approx(k.loc["Total", col])
    assert c["lost_in_period"].sum() == k.loc["Total", "lost_clients"]
    assert c["restored"].sum() == k.loc["Total", "restored_clients"]
    assert c["converted"].sum() == k.loc["Total", "converted_clients"]


def test_kpi_labels_in_polish_and_product_lines_from_products(kpi_company):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        k = lc.manager_kpis(kpi_company, "2009-01-01", "2009-03-31", language="pl")
    assert k.index[-1] == "Razem"
    assert "Klienci potencjalni" in k.columns and "Sprzedaż powtórna" in k.columns
    no_line = kpi_company["transactions"].drop(columns="product_line")
    with pytest.raises(DataError, match="product line"):
        lc.manager_kpis({"transactions": no_line}, "2009-01-01", "2009-03-31")
    products = pd.DataFrame({"product": ["p1", "p2"], "product_line": ["x", "y"]})
    via_products = SimpleNamespace(
        transactions=no_line.assign(product=kpi_company["transactions"]["product_line"].map({"x": "p1", "y": "p2"})),
        customers=KPI_CUSTOMERS, products=products, as_of=None, params={})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        k2 = lc.manager_kpis(via_products, "2009-01-01", "2009-03-31")
        k1 = lc.manager_kpis(kpi_company, "2009-01-01", "2009-03-31")
    pd.testing.assert_frame_equal(k1, k2)
    with pytest.raises(DataError, match="period_start"):
        lc.manager_kpis(kpi_company, "2009-03-31", "2009-01-01")


def test_benchmark_generator_runs_end_to_end():
    from salesnb.samples import benchmark_transactions

    d = benchmark_transactions(20_000, 2_000, months=12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        s = lc.statuses(d)
        k = lc.manager_kpis(d, "2023-10-01", "2023-12-31")
    assert lc.status_counts(s).sum() == len(s) == len(d["customers"])
    ratios = ["conversion", "new_lead_conversion", "primary_sales_count"]
    assert (k.iloc[:-1].drop(columns=ratios).sum() - k.iloc[-1].drop(ratios)).abs().max() < 1e-6


def test_period_shorter_than_the_window_and_unassigned_sales():
    # W = 3M, period = March 2009 (T0 = 28.02.2009, T = 31.03.2009)
    d = tx([("a", "2008-12-15", 10, "x", "S1"),  # active on 28.02 (15.12 > 30.11), lost on 31.03 (<= 31.12)
            ("b", "2008-11-20", 10, "x", "S1"),  # already lost on 28.02 (20.11 <= 30.11): not lost *in* March
            ("c", "2009-03-05", 10, "x", None)])  # no salesperson anywhere -> "(unassigned)"
    k = lc.manager_kpis(d, "2009-03-01", "2009-03-31", "3M")
    assert list(k.index) == ["S1", lc.UNASSIGNED, "Total"]
    assert k.loc["S1", "lost_clients"] == 1
    assert k.loc[lc.UNASSIGNED, "primary_sales_amount"] == 10.0
    c = lc.client_kpis(d, "2009-03-01", "2009-03-31", "3M", language="pl")
    assert "Status na koniec okresu" in c.columns and c.index.name == "Klient"


def test_class_changes_come_from_abcxyz():
    abcxyz = pytest.importorskip("salesnb.abcxyz")
    from salesnb.article_example import article_example

    ex = article_example()
    k = lc.manager_kpis(ex, ex.period_start, ex.period_end, class_changes=True)
    a0 = abcxyz.abc_xyz(ex, as_of="2008-12-31")["abc"].dropna().astype(str)  # the day before the period
    a1 = abcxyz.abc_xyz(ex, as_of="2009-03-31")["abc"].dropna().astype(str)
    both = a0.index.intersection(a1.index)  # clients with a class at both dates
    assert k.loc["Total", "class_changes"] == int((a0[both] != a1[both]).sum())
    assert k.loc["Total", "class_changes"] == k["class_changes"].iloc[:-1].sum()


def test_charts_return_figures_in_both_languages_without_pyplot():
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    from salesnb.article_example import article_example
    from salesnb.plots import lifecycle as pl

    ex = article_example()
    s = lc.statuses(ex)
    h = lc.status_history(ex)
    k = lc.manager_kpis(ex, ex.period_start, ex.period_end)
    before = plt.get_fignums()
    for lang, _word in (("en", "status"), ("pl", "status")):
        figs = [pl.plot_status_counts(s, lang), pl.plot_status_history(h, lang),
                pl.plot_status_history(h, lang, kind="area"), pl.plot_flows(h, lang),
                pl.plot_flows(h, lang, period_end="2009-03-31"), pl.plot_manager_kpis(k, lang)]
        assert all(isinstance(f, Figure) for f in figs)
    assert figs[0].axes[0].get_title().startswith("Baza klientów według statusu")
    assert [x.get_text() for x in figs[0].axes[0].get_xticklabels()][:3] == ["potencjalny", "nowy", "stały"]
    assert plt.get_fignums() == before  # nothing left open, nothing shown


def test_widget_and_its_plain_twin(live_widgets):
    pytest.importorskip("ipywidgets")
    from salesnb.article_example import article_example
    from salesnb.widgets import lifecycle as wl

    ex = article_example()
    table, fig = wl.status_overview(ex, language="pl")
    assert table["clients"].tolist() == [62, 25, 18, 18, 11]
    box = wl.lifecycle_widget(ex, language="pl")
    window_dd = box.children[0].children[0]
    assert window_dd.value == "3M"
    labels = dict((v, k) for k, v in window_dd.options)
    assert labels["3M"].startswith("3\xa0miesiące") and "firmy" in labels["3M"]
    suggested = [k for k, _ in window_dd.options if "sugerowane" in k]
    assert len(suggested) == 1  # the suggested window is marked in the dropdown
    window_dd.value = "6M"  # redraws without error


@st.composite
def kpi_datasets(draw):
    df, cust, as_of, window = draw(datasets())
    n = len(df)
    df["product_line"] = draw(st.lists(st.sampled_from(["x", "y", "z"]), min_size=n, max_size=n))
    df["salesperson"] = draw(st.lists(st.sampled_from(["S1", "S2", None]), min_size=n, max_size=n))
    cust["salesperson"] = draw(st.lists(st.sampled_from(["S1", "S3", None]), min_size=len(cust), max_size=len(cust)))
    start = DAYS[draw(st.integers(0, len(DAYS) - 1))]
    start = min(start, as_of)
    return df, cust, start, as_of, window


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kpi_datasets())
def test_sale_kinds_partition_the_period_sales_and_the_total_is_the_sum(data):
    df, cust, start, end, window = data
    if end < df["date"].min():
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        k = lc.manager_kpis({"transactions": df, "customers": cust}, start, end, window)
    body, total = k.iloc[:-1], k.iloc[-1]
    # the total is the sum of the rows, but a client counts once among primary sales
    ratios = ["conversion", "new_lead_conversion", "primary_sales_count"]
    assert (body.drop(columns=ratios).sum() - total.drop(ratios)).abs().max() < 1e-6
    assert total["primary_sales_count"] <= body["primary_sales_count"].sum()
    # reference: each settlement row of the period classified one at a time
    upto = df[(df["amount"] > 0) & (df["date"] <= end)]
    first = upto.groupby("customer_id")["date"].min()
    first_line = upto.groupby(["customer_id", "product_line"])["date"].min()
    ref = {"primary": 0.0, "repeat": 0.0, "new": 0.0}
    for r in upto[upto["date"] >= start].itertuples():
        if r.date == first[r.customer_id]:
            ref["primary"] += r.amount
        elif r.date == first_line[(r.customer_id, r.product_line)]:
            ref["new"] += r.amount
        else:
            ref["repeat"] += r.amount
    assert total["primary_sales_amount"] == pytest.approx(ref["primary"])
    assert total["repeat_sales_amount"] == pytest.approx(ref["repeat"])
    assert total["new_direction_sales_amount"] == pytest.approx(ref["new"])
    period = df[(df["date"] >= start) & (df["date"] <= end)]
    assert total["corrections_amount"] == pytest.approx(period.loc[period["amount"] < 0, "amount"].sum())
    # one primary sale per client and crediting salesperson: at least the clients won, at most their rows
    won = first[first >= start]
    n_primary_rows = int((upto["date"] >= start).sum() and upto[upto["date"] >= start].apply(
        lambda r: r["date"] == first[r["customer_id"]], axis=1).sum())
    assert len(won) <= total["primary_sales_count"] <= n_primary_rows
    # leads = potential at T + converted clients
    assert total["leads"] == total["potential_clients"] + total["converted_clients"]


def test_sale_kinds_are_decided_by_day_not_by_time_of_day():
    # a: first day 2024-01-10 buys L1 at 09:00 and L2 at 15:00 -> both primary (its first day).
    # b: L1 in December; on 10 Feb L2 at 09:00 and again at 15:00 -> both new direction (first day in L2).
    tx = pd.DataFrame({
        "customer_id": ["a", "a", "b", "b", "b"],
        "date": pd.to_datetime(["2024-01-10 09:00", "2024-01-10 15:00", "2023-12-05 00:00",
                                "2024-02-10 09:00", "2024-02-10 15:00"]),
        "amount": [200.0, 100.0, 70.0, 40.0, 60.0],
        "product_line": ["L1", "L2", "L1", "L2", "L2"],
        "salesperson": ["S"] * 5,
    })
    k = lc.manager_kpis(tx, "2024-01-01", "2024-03-31", "3M").loc["S"]
    assert k["primary_sales_amount"] == 300.0          # 200 + 100, both on a's first day
    assert k["new_direction_sales_amount"] == 100.0    # 40 + 60, both on b's first day in L2
    assert k["repeat_sales_amount"] == 0.0


# ------------------------------------------------------------------ KPI readings (Polish edition)

def _kpis(rows, customers=None, start="2009-01-01", end="2009-03-31", window="3M"):
    df = pd.DataFrame(rows, columns=["customer_id", "date", "amount", "product_line", "salesperson"])
    df["date"] = pd.to_datetime(df["date"])
    tables = {"transactions": df}
    if customers is not None:
        tables["customers"] = customers
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return lc.manager_kpis(tables, start, end, window)


def test_a_client_whose_first_day_names_two_salespeople_counts_once_in_the_total():
    k = _kpis([("a", "2009-02-01", 10, "x", "S1"), ("a", "2009-02-01", 20, "y", "S2"),
               ("b", "2009-02-03", 5, "x", "S1")])
    # each manager made a primary sale to a on its first day; the company won 2 clients, not 3
    assert k.loc[["S1", "S2"], "primary_sales_count"].tolist() == [2, 1]
    assert k.loc["Total", "primary_sales_count"] == 2


def test_restored_is_the_mirror_of_lost_a_client_must_come_back_during_the_period():
    # W = 6 months, period = Q1 2009. r: bought in 2008-03, lost at 31.12.2008 (nothing in
    # July-December), buys in February: it came back during the period. q: bought in 2008-03,
    # then 2008-11 and 2009-01; its status at T is restored too (nothing in the previous window
    # April-September), but it was active at the start of the period: it came back before it.
    rows = [("r", "2008-03-10", 10, "x", "S"), ("r", "2009-02-10", 10, "x", "S"),
            ("q", "2008-03-10", 10, "x", "S"), ("q", "2008-11-10", 10, "x", "S"),
            ("q", "2009-01-10", 10, "x", "S")]
    k = _kpis(rows, window="6M")
    assert k.loc["Total", "restored_clients"] == 1  # r only
    st = lc.statuses(pd.DataFrame(rows, columns=["customer_id", "date", "amount", "product_line",
                                                 "salesperson"]).assign(date=lambda d: pd.to_datetime(d["date"])),
                     as_of="2009-03-31", window="6M").set_index("customer_id")["status"]
    assert st["r"] == "restored" and st["q"] == "restored"


def test_conversion_of_the_period_first_contacts():
    customers = pd.DataFrame({"customer_id": ["old", "new1", "new2", "buyer"],
                              "first_contact": pd.to_datetime(["2008-05-01", "2009-01-15", "2009-02-20",
                                                               "2008-01-01"]),
                              "salesperson": "S"})
    rows = [("new1", "2009-03-01", 50, "x", "S"), ("buyer", "2008-02-01", 10, "x", "S"),
            ("walkin", "2009-03-05", 20, "x", "S")]
    k = _kpis(rows, customers)
    # leads known by T without an earlier purchase: old, new2 (potential) + new1, walkin (converted)
    assert k.loc["Total", "leads"] == 4 and k.loc["Total", "converted_clients"] == 2
    # first contacts made in the period: new1, new2 and walkin (first seen on its purchase)
    assert k.loc["Total", "new_leads"] == 3 and k.loc["Total", "new_leads_converted"] == 2
    assert k.loc["Total", "new_lead_conversion"] == pytest.approx(2 / 3)


def test_a_client_lost_in_one_product_line_while_buying_another():
    rows = [("a", "2008-11-10", 10, "x", "S"), ("a", "2008-12-10", 10, "y", "S"),
            ("a", "2009-02-10", 10, "x", "S"),  # keeps x, no y since December: lost in y
            ("b", "2008-12-10", 10, "x", "S"),  # lost altogether: a lost client, not a lost line
            ("c", "2008-12-10", 10, "x", "S"), ("c", "2009-03-01", 10, "x", "S")]
    k = _kpis(rows)
    assert k.loc["Total", "lost_lines"] == 1
    assert k.loc["Total", "lost_clients"] == 1


def test_an_independent_unit_of_an_existing_client_is_potential_until_it_settles():
    tx = pd.DataFrame({"customer_id": ["hq", "hq", "other"], "date": pd.to_datetime(["2009-01-10", "2009-03-10",
                                                                                     "2009-03-12"]),
                       "amount": [100.0, 50.0, 20.0]})
    customers = pd.DataFrame({"customer_id": ["hq", "hq_krakow", "hq_gdansk", "other", "lead"],
                              "parent_id": [None, "hq", "hq", None, None]})
    tx.loc[len(tx)] = ["hq_gdansk", pd.Timestamp("2009-03-20"), 30.0]  # this unit bought on its own
    st = lc.statuses(tx, customers, as_of="2009-03-31")
    by = st.set_index("customer_id")
    assert by.loc["hq_krakow", "status"] == "potential" and by.loc["hq_krakow", "parent_id"] == "hq"
    assert by.loc["hq_gdansk", "status"] == "new"
    units = lc.potential_units(st)
    # hq's first settlement (10.01.2009) is in the current window: hq itself is new
    assert units["customer_id"].tolist() == ["hq_krakow"] and units["parent_status"].tolist() == ["new"]
    assert lc.potential_units(lc.statuses(tx, customers.drop(columns="parent_id"), as_of="2009-03-31")).empty


def test_idle_managers_are_the_rows_of_zeros_only():
    from salesnb import kpis

    table = pd.DataFrame({"primary_sales_count": [2, 0, 0, 2], "repeat_sales_amount": [10.0, 0.0, 5.0, 15.0],
                          "conversion": [0.5, np.nan, np.nan, 0.5]},
                         index=pd.Index(["Anna", "Marek", "Ola", "Total"], name="salesperson"))
    table.attrs["total_label"] = "Total"
    # Marek: every count and amount zero (an undefined conversion does not count); Ola sold something
    assert kpis.idle_managers(table) == ["Marek"]
    assert kpis.idle_managers(table.drop(index="Marek")) == []
