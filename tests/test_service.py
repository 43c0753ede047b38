"""The service method (salesnb.service): hand-computed cases for every measure, bad input, bad arguments."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import SAMPLES

import salesnb
from salesnb import service
from salesnb.errors import DataError, ParameterError
from salesnb.service.calendar import NS_DAY, NS_HOUR, business_calendar, due_times, elapsed_ns

T = "2025-12-31"


def contacts(rows, salesperson=None):
    df = pd.DataFrame(rows, columns=["contact_id", "customer_id", "channel", "received_at", "answered_at"])
    df["received_at"] = pd.to_datetime(df["received_at"])
    df["answered_at"] = pd.to_datetime(df["answered_at"])
    if salesperson is not None:
        df["salesperson"] = salesperson
    return df


def status_of(df, **kw):
    rt = service.response_times(df, as_of=T, **kw)
    return dict(zip(rt["contact_id"], rt["response"].astype(str), strict=True)), rt


# --------------------------------------------------------------------------------------------
# Standards audit


def test_a_reply_exactly_at_the_deadline_is_on_time_and_a_minute_later_is_late():
    df = contacts([("e1", "A", "e-mail", "2025-03-03 09:00", "2025-03-04 09:00"),
                   ("e2", "A", "e-mail", "2025-03-03 09:00", "2025-03-04 09:01"),
                   ("p1", "A", "phone", "2025-03-03 10:00", "2025-03-03 12:00"),
                   ("p2", "A", "phone", "2025-03-03 10:00", "2025-03-03 12:01")])
    got, rt = status_of(df)
    assert got == {"e1": "on_time", "e2": "late", "p1": "on_time", "p2": "late"}
    assert rt.set_index("contact_id").loc["p1", "due_at"] == pd.Timestamp("2025-03-03 12:00")
    assert rt.set_index("contact_id").loc["e2", "hours_to_answer"] == pytest.approx(24 + 1 / 60)


def test_across_a_weekend_business_hours_count_only_working_time():
    # Friday 17:00 -> Monday 9:00: one hour on Friday (17-18) and one on Monday (8-9)
    df = contacts([("e", "A", "e-mail", "2025-03-07 17:00", "2025-03-10 09:00"),
                   ("p", "A", "phone", "2025-03-07 17:00", "2025-03-10 09:00")])
    got, rt = status_of(df, business_hours=True)
    assert got == {"e": "on_time", "p": "on_time"}  # the phone's 2 h end exactly on Monday at 9:00
    r = rt.set_index("contact_id")
    assert r.loc["e", "hours_to_answer"] == pytest.approx(2.0)
    assert r.loc["p", "due_at"] == pd.Timestamp("2025-03-10 09:00")
    got_calendar, rt_calendar = status_of(df)  # every hour counts: 64 hours
    assert got_calendar == {"e": "late", "p": "late"}
    assert rt_calendar["hours_to_answer"].tolist() == pytest.approx([64.0, 64.0])


def test_across_a_public_holiday_the_clock_stops_with_the_polish_preset():
    # Monday 10 Nov 2025, 17:00; Tuesday 11 Nov is Independence Day; answered Wednesday at 9:00
    df = contacts([("p", "A", "phone", "2025-11-10 17:00", "2025-11-12 09:00")])
    got, rt = status_of(df, business_hours=True, holidays="PL")
    assert got == {"p": "on_time"} and rt["hours_to_answer"].iloc[0] == pytest.approx(2.0)
    assert rt["due_at"].iloc[0] == pd.Timestamp("2025-11-12 09:00")
    got, rt = status_of(df, business_hours=True)  # without holidays Tuesday counts: 1 + 10 + 1 hours
    assert got == {"p": "late"} and rt["hours_to_answer"].iloc[0] == pytest.approx(12.0)
    got, rt = status_of(df, business_hours=True, holidays=["2025-11-11"])  # the company's own list
    assert got == {"p": "on_time"}


def test_holidays_without_business_hours_stop_the_clock_for_the_whole_day():
    df = contacts([("e", "A", "e-mail", "2025-12-23 12:00", "2025-12-27 12:00")])
    _, rt = status_of(df, holidays="PL")  # 24, 25, 26 December are holidays in Poland from 2025
    assert rt["hours_to_answer"].iloc[0] == pytest.approx(24.0) and rt["response"].iloc[0] == "on_time"


def test_deadline_that_ends_at_closing_time_is_that_closing_time():
    cal = business_calendar({"open": "08:00", "close": "18:00", "days": [0, 1, 2, 3, 4]},
                            {"country": None, "dates": []},
                            pd.Timestamp("2025-03-01").value // NS_DAY, pd.Timestamp("2025-03-31").value // NS_DAY)
    start = np.array([pd.Timestamp("2025-03-07 16:00").value])
    due = due_times(cal, start, np.array([2 * NS_HOUR]))
    assert pd.Timestamp(due[0]) == pd.Timestamp("2025-03-07 18:00")
    sat = np.array([pd.Timestamp("2025-03-08 11:00").value])  # a Saturday enquiry waits for Monday
    assert pd.Timestamp(due_times(cal, sat, np.array([NS_HOUR]))[0]) == pd.Timestamp("2025-03-10 09:00")
    assert elapsed_ns(cal, sat, np.array([pd.Timestamp("2025-03-10 08:30").value]))[0] == NS_HOUR // 2


def test_unanswered_enquiries_are_overdue_after_their_deadline_and_open_before_it():
    df = contacts([("old", "A", "phone", "2025-12-30 10:00", None),
                   ("new", "A", "phone", "2025-12-31 23:00", None),
                   ("ok", "A", "phone", "2025-12-30 10:00", "2025-12-30 10:30"),
                   ("after", "A", "phone", "2026-01-02 10:00", None),
                   ("late_reply", "A", "e-mail", "2025-12-01 10:00", "2026-01-05 10:00")])
    got, rt = status_of(df)
    assert got == {"old": "overdue", "new": "open", "ok": "on_time", "late_reply": "overdue"}
    assert rt.attrs["received_after_as_of"] == 1
    total = service.compliance(rt, by=None)
    assert total.loc["Total", ["enquiries", "on_time", "overdue", "open"]].tolist() == [4, 1, 2, 1]
    assert total.loc["Total", "compliance"] == pytest.approx(1 / 3)  # open enquiries are not judged


def test_compliance_per_salesperson_channel_and_month():
    df = contacts([("1", "A", "phone", "2025-01-10 10:00", "2025-01-10 11:00"),
                   ("2", "A", "phone", "2025-01-11 10:00", "2025-01-11 13:00"),
                   ("3", "B", "E-mail", "2025-02-10 10:00", "2025-02-10 11:00"),
                   ("4", None, "chat", "2025-02-10 10:00", "2025-02-10 11:00")],
                  salesperson=["Ann", None, None, None])
    data = {"contacts": df, "customers": pd.DataFrame({"customer_id": ["A", "B"], "salesperson": ["Bob", "Cy"]}),
            "params": {"answer_within_hours": 24}}
    comp = service.compliance(data, by=("salesperson", "channel", "month"), as_of=T)
    assert comp.index.names == ["salesperson", "channel", "month"]
    assert comp.loc[("Ann", "phone", pd.Period("2025-01", "M")), "on_time"] == 1
    assert comp.loc[("Bob", "phone", pd.Period("2025-01", "M")), "late"] == 1  # the client's manager
    assert comp.loc[("Cy", "E-mail", pd.Period("2025-02", "M")), "standard_hours"] == 24.0  # e-mail by any spelling
    assert comp.loc[("(unassigned)", "chat", pd.Period("2025-02", "M")), "compliance"] == 1.0
    per_channel = service.compliance(data, by="channel", as_of=T, standards={"phone": 4})
    assert per_channel.loc["phone", "compliance"] == 1.0 and per_channel.loc["phone", "standard_hours"] == 4.0


def test_answered_before_received_is_an_error_naming_the_row():
    df = contacts([("1", "A", "phone", "2025-01-10 10:00", "2025-01-10 09:00")])
    with pytest.raises(DataError, match="answered before they were received"):
        service.response_times(df, as_of=T)
    checks = service.data_checks({"contacts": df}, as_of=T).set_index("check")
    assert checks.loc["answered_before_received", "count"] == 1
    assert checks.loc["answered_before_received", "status"] == "look"


def test_company_yml_sets_standards_business_hours_and_holidays(company_dir):
    folder = company_dir({
        "transactions.csv": "date,customer_id,amount\n2025-11-03,A,100\n",
        "contacts.csv": "contact_id,customer_id,channel,received_at,answered_at\n"
                        "c1,A,phone,2025-11-10 17:00,2025-11-12 09:00\nc2,A,chat,2025-11-03 10:00,2025-11-03 11:00\n",
    }, "name: Co\ncurrency: PLN\nas_of: 2025-12-31\nservice:\n  standards: {chat: 0.5}\n"
       "  business_hours: true\n  holidays: PL\n")
    company = salesnb.load_company(folder)
    assert company.params["service"]["holidays"] == {"country": "PL", "dates": []}
    got, _ = status_of(company)
    assert got == {"c1": "on_time", "c2": "late"}
    got, _ = status_of(company, business_hours=False, holidays=False)
    assert got == {"c1": "late", "c2": "late"}


@pytest.mark.parametrize("service_yml,message", [
    ("  standerds: {phone: 2}\n", "Did you mean 'standards'"),
    ("  standards: {phone: 0}\n", "standards"),
    ("  business_hours: '18:00-08:00'\n", "business_hours"),
    ("  holidays: XX\n", "holidays"),
    ("  survey_every_months: 0\n", "survey_every_months"),
])
def test_company_yml_service_section_is_checked(company_dir, service_yml, message):
    folder = company_dir({"transactions.csv": "date,customer_id,amount\n2025-11-03,A,100\n"},
                         "name: Co\ncurrency: PLN\nservice:\n" + service_yml)
    with pytest.raises(DataError, match=message):
        salesnb.load_company(folder)


# --------------------------------------------------------------------------------------------
# Satisfaction


def survey(rows):
    return pd.DataFrame(rows, columns=["customer_id", "date", "product", "criterion", "score"]).assign(
        date=lambda d: pd.to_datetime(d["date"]))


def test_scores_and_shares_of_open_and_hidden_dissatisfaction():
    s = survey([("A", "2025-05-01", "P", "speed", 2), ("B", "2025-05-01", "P", "speed", 3),
                ("C", "2025-05-01", "P", "speed", 5), ("D", "2025-05-01", "P", "speed", 1),
                ("A", "2025-05-01", "P", "look", 4)])
    out = service.satisfaction_scores(s, by="criterion", as_of=T)
    speed = out.loc["speed"]
    assert speed["answers"] == 4 and speed["score_mean"] == pytest.approx(11 / 4)
    assert speed["open_share"] == pytest.approx(0.5) and speed["hidden_share"] == pytest.approx(0.25)
    assert speed["dissatisfied_share"] == pytest.approx(0.75)
    assert out.loc["look", "dissatisfied_share"] == 0


def test_scores_read_the_survey_period_by_default_the_same_answers_as_the_actions():
    # T = 31 Dec 2025: the period starts 31 Dec 2024 (a survey exactly a year old counts)
    s = survey([("A", "2024-12-30", "P", "speed", 1), ("B", "2024-12-30", "P", "speed", 2),  # before the period
                ("C", "2024-12-31", "P", "speed", 3), ("D", "2025-06-01", "P", "speed", 5),
                ("E", "2026-01-02", "P", "speed", 1)])  # after T: never read
    out = service.satisfaction_scores(s, by="criterion", as_of=T)
    assert out.loc["speed", "answers"] == 2 and out.loc["speed", "dissatisfied_share"] == pytest.approx(0.5)
    assert out.attrs["since"] == pd.Timestamp("2024-12-31") and out.attrs["as_of"] == pd.Timestamp("2025-12-31")
    every = service.satisfaction_scores(s, by="criterion", as_of=T, since="all")
    assert every.loc["speed", "answers"] == 4 and every.loc["speed", "dissatisfied_share"] == pytest.approx(0.75)
    assert every.attrs["since"] is None
    six = service.satisfaction_scores(s, by="criterion", as_of=T, survey_every_months=6)  # from 30 Jun 2025
    assert six.empty
    given = service.satisfaction_scores(s, by="criterion", as_of=T, since="2025-01-01")
    assert given.loc["speed", "answers"] == 1 and given.loc["speed", "dissatisfied_share"] == 0
    with pytest.raises(ParameterError, match="since"):
        service.satisfaction_scores(s, as_of=T, since="last year")


def test_the_satisfaction_action_names_the_worst_criterion_of_the_survey_period():
    old = [(f"o{i}", "2023-05-01", "P", "price", 1) for i in range(10)]  # bad, but two years ago
    recent = ([(f"r{i}", "2025-05-01", "P", "price", 5) for i in range(10)]
              + [(f"r{i}", "2025-05-01", "P", "speed", 3 if i < 4 else 5) for i in range(10)])
    s = survey(old + recent)
    tx = pd.DataFrame({"customer_id": [f"r{i}" for i in range(10)], "date": pd.to_datetime(["2025-06-01"] * 10),
                       "amount": 10.0})
    acts = service.next_actions({"transactions": tx, "satisfaction": s}, as_of=T).set_index("area")
    table = service.satisfaction_scores(s, by="criterion", as_of=T)
    assert acts.loc["satisfaction", "subject"] == "speed" == table["dissatisfied_share"].idxmax()
    assert acts.loc["satisfaction", "value"] == pytest.approx(0.4) == table.loc["speed", "dissatisfied_share"]
    # over all answers price would be the worst (10 of 20 answers are 1s)
    every = service.satisfaction_scores(s, by="criterion", as_of=T, since="all")
    assert every["dissatisfied_share"].idxmax() == "price"
    longer = service.next_actions({"transactions": tx, "satisfaction": s}, as_of=T, survey_every_months=36)
    assert longer.set_index("area").loc["satisfaction", "subject"] == "price"


def test_deals_are_credited_to_the_salesperson_on_the_deal_clients_to_their_manager():
    cust = pd.DataFrame({"customer_id": ["A", "B", "C", "D", "E", "F", "G"],
                         "salesperson": ["Ann", "Ann", "Bob", "Bob", "Bob", "Ann", "Cy"]})
    d = deals(DEALS)  # Ann: d1 (A), d2 (B), d6 (F), d7 (G, Cy's client); Bob: d3, d4, d5 (his own C, D, E)
    d.loc[d["deal_id"] == "d5", "salesperson"] = "Dan"  # Dan works a deal for Bob's client E
    d.loc[d["deal_id"] == "d6", "salesperson"] = None  # no salesperson on the deal: the client's manager
    out = service.deal_attribution({"deals": d, "customers": cust, "as_of": T, "deal_stages": STAGES})
    assert out.index.tolist() == ["Ann", "Bob", "Cy", "Dan"]
    assert out["deals"].tolist() == [4, 2, 0, 1]
    assert out["own_client_deals"].tolist() == [3, 2, 0, 0]
    assert out["other_manager_deals"].tolist() == [1, 0, 0, 1]
    assert out["managed_clients"].tolist() == [3, 3, 1, 0]


def test_every_2_or_3_is_a_client_to_contact_unless_a_later_answer_settled_it():
    s = survey([("A", "2025-03-01", "P", "speed", 2), ("A", "2025-09-01", "P", "speed", 4),  # settled
                ("B", "2025-06-01", "P", "speed", 3),  # hidden
                ("C", "2025-12-01", "P", "look", 1),  # open
                ("D", "2024-06-01", "P", "speed", 2),  # older than the survey period
                ("E", "2025-06-01", "Q", "speed", 5)])
    todo = service.clients_to_contact(s, as_of=T)
    assert todo["customer_id"].tolist() == ["C", "B"]
    assert todo["dissatisfaction"].tolist() == ["open", "hidden"]
    assert todo["days_waiting"].tolist() == [30, 213]


def test_a_survey_exactly_a_year_old_still_counts_and_a_day_older_is_due():
    tx = pd.DataFrame({"customer_id": ["A", "B", "C", "D"], "date": pd.to_datetime(
        ["2025-06-01", "2025-06-01", "2025-03-05", "2023-01-01"]), "amount": [10.0, 10.0, 10.0, 10.0]})
    s = survey([("A", "2024-12-31", "P", "speed", 4), ("B", "2024-12-30", "P", "speed", 4),
                ("D", "2020-01-01", "P", "speed", 4)])
    due = service.surveys_due({"transactions": tx, "satisfaction": s}, as_of=T).set_index("customer_id")
    assert sorted(due.index) == ["B", "C"]  # A's survey is exactly a year old; D bought no longer
    assert due.loc["B", "survey_reason"] == "survey_overdue" and due.loc["B", "due_since"] == pd.Timestamp("2025-12-30")
    assert due.loc["B", "days_overdue"] == 1
    assert due.loc["C", "survey_reason"] == "never_surveyed" and due.loc["C", "due_since"] == pd.Timestamp("2025-03-05")


def test_a_score_outside_1_to_5_is_an_error_and_listed():
    s = survey([("A", "2025-05-01", "P", "speed", 6), ("A", "2025-05-01", "P", "look", 0)])
    with pytest.raises(DataError, match="scores must be 1, 2, 3, 4 or 5") as err:
        service.satisfaction_scores(s, as_of=T)
    assert err.value.problems[0].rows == [0, 1]
    assert service.data_checks({"satisfaction": s}, as_of=T).set_index("check").loc["score_out_of_range", "count"] == 2


# --------------------------------------------------------------------------------------------
# Funnel

STAGES = ("presentation", "offer", "agreement")


def deals(rows, **extra):
    df = pd.DataFrame(rows, columns=["deal_id", "customer_id", "salesperson", "opened_at", "stage_reached", "outcome",
                                     "refusal_stage", "refusal_reason", "closed_at"])
    for c in ("opened_at", "closed_at"):
        df[c] = pd.to_datetime(df[c])
    return df.assign(**extra)


DEALS = [
    ("d1", "A", "Ann", "2025-01-01", "agreement", "won", None, None, "2025-01-21"),
    ("d2", "B", "Ann", "2025-01-01", "agreement", "won", None, None, "2025-02-01"),
    ("d3", "C", "Bob", "2025-01-01", "offer", "lost", "offer", "price", "2025-01-11"),
    ("d4", "D", "Bob", "2025-01-01", "presentation", "lost", "presentation", "no need", "2025-01-05"),
    ("d5", "E", "Bob", "2025-01-01", "offer", "open", None, None, None),
    ("d6", "F", "Ann", "2025-01-01", "presentation", "open", None, None, None),
    ("d7", "G", "Ann", "2025-01-01", "offer", "lost", None, "price", "2025-01-21"),
]


def test_funnel_counts_and_conversion_by_hand():
    f = service.funnel(deals(DEALS), stages=STAGES)
    assert list(f.index.astype(str)) == list(STAGES)
    # reached: all 7 presentation; offer: d1 d2 d3 d5 d7; agreement: d1 d2
    assert f["reached"].tolist() == [7, 5, 2]
    assert f["open"].tolist() == [1, 1, 0] and f["lost"].tolist() == [1, 2, 0]
    # presentation: decided 6, 1 lost -> 5/6; offer: decided 4, 2 lost -> 2/4; agreement: 2/2 won
    assert f["conversion"].tolist() == pytest.approx([5 / 6, 0.5, 1.0])
    assert f["share_of_start"].tolist() == pytest.approx([1, 5 / 7, 2 / 7])
    assert f.attrs["won"] == 2 and f.attrs["lost"] == 3 and f.attrs["win_rate"] == pytest.approx(0.4)
    by = service.funnel(deals(DEALS), by="salesperson", stages=STAGES)
    assert by.loc[("Bob", "presentation"), "reached"] == 3 and by.loc[("Ann", "agreement"), "reached"] == 2


def test_refusals_by_stage_and_reason():
    r = service.refusals(deals(DEALS), stages=STAGES)
    assert r[["refusal_stage", "refusal_reason", "deals"]].astype(str).values.tolist() == [
        ["presentation", "no need", "1"], ["offer", "price", "2"]]
    assert r["share_of_stage"].tolist() == [1.0, 1.0]
    assert r["share_of_refusals"].tolist() == pytest.approx([1 / 3, 2 / 3])


def test_time_per_stage_from_opening_to_closing_and_from_stage_dates():
    t = service.stage_times(deals(DEALS), as_of="2025-01-31", stages=STAGES)
    assert t.attrs["basis"] == "opened_to_closed"
    # refused and won deals never share a column: won deals (20 and 31 days) only in days_to_win
    assert t["won"].tolist() == [0, 0, 2] and t.loc["agreement", "days_to_win"] == pytest.approx(25.5)
    assert t.loc["agreement", "days_to_win_mean"] == pytest.approx(25.5)
    assert t["lost"].tolist() == [1, 2, 0] and pd.isna(t.loc["agreement", "days_to_refusal"])
    assert t.loc["offer", "days_to_refusal"] == pytest.approx(15)  # lost at the offer: 10 and 20 days
    assert t.loc["presentation", "days_to_refusal"] == 4 and pd.isna(t.loc["offer", "days_to_win"])
    assert t.loc["offer", "open"] == 1 and t.loc["offer", "open_days"] == 30
    dated = deals(DEALS[:2], offer_at=pd.to_datetime(["2025-01-05", "2025-01-10"]),
                  agreement_at=pd.to_datetime(["2025-01-15", "2025-01-12"]))
    t = service.stage_times(dated, as_of="2025-01-31", stages=STAGES)
    assert t.attrs["basis"] == "stage_dates"
    assert t.loc["presentation", "days_in_stage"] == pytest.approx(6.5)  # 4 and 9 days
    assert t.loc["offer", "days_in_stage"] == pytest.approx(6)  # 10 and 2 days
    assert t.loc["agreement", "days_in_stage"] == pytest.approx(13)  # 6 and 20 days to closing


def test_a_stage_outside_the_sequence_is_an_error_and_listed():
    bad = deals([("d1", "A", "Ann", "2025-01-01", "demo", "open", None, None, None)])
    with pytest.raises(DataError, match="stage not in deal_stages") as err:
        service.funnel(bad, stages=STAGES)
    assert err.value.problems[0].values == ["demo"]
    checks = service.data_checks({"deals": bad, "deal_stages": STAGES}, as_of=T).set_index("check")
    assert checks.loc["stage_not_in_sequence", "count"] == 1


def test_a_lost_deal_whose_refusal_stage_contradicts_its_stage_is_left_out_and_listed():
    rows = [*DEALS, ("d8", "H", "Ann", "2025-01-01", "agreement", "lost", "presentation", "x", "2025-01-09")]
    f = service.funnel(deals(rows), stages=STAGES)
    assert f.attrs["left_out"] == 1 and f["reached"].tolist() == [7, 5, 2]
    checks = service.data_checks({"deals": deals(rows), "deal_stages": STAGES}, as_of=T).set_index("check")
    assert checks.loc["refusal_stage_contradicts", "count"] == 1
    assert checks.loc["lost_without_refusal_stage", "count"] == 1  # d7: counted at the stage it reached


# --------------------------------------------------------------------------------------------
# Loyalty


def test_loyalty_index_both_ways_round_old_clients_and_referrals():
    tx = pd.DataFrame({"customer_id": ["A", "A", "B", "C", "C", "A"],
                       "date": pd.to_datetime(["2024-05-01", "2025-05-01", "2025-06-01", "2023-05-01", "2025-07-01",
                                               "2025-08-01"]),
                       "amount": [100.0, 100.0, 50.0, 10.0, 30.0, -20.0],
                       "salesperson": ["Ann", "Ann", "Bob", "Bob", "Bob", "Ann"]})
    cust = pd.DataFrame({"customer_id": ["A", "B", "C"], "salesperson": ["Ann", "Bob", "Bob"],
                         "referred_by": [None, "A", None]})
    out = service.loyalty({"transactions": tx, "customers": cust}, "2025-01-01", T)
    total = out.loc["Total"]
    assert total["clients"] == 3 and total["loyal_clients"] == 1  # A also bought in 2024; C had a gap
    assert total["loyal_share"] == pytest.approx(1 / 3) and total["loyalty_index"] == pytest.approx(3.0)
    assert total["sales"] == pytest.approx(160.0)  # net: the correction counts
    assert total["old_client_sales"] == pytest.approx(110.0)  # A (80) and C (30); B is new
    assert total["referral_sales"] == pytest.approx(50.0) and total["referred_clients"] == 1
    assert out.loc["Ann", "clients"] == 1 and out.loc["Bob", "loyal_clients"] == 0
    hist = service.loyalty_history({"transactions": tx, "customers": cust}, "Q", periods=4, as_of=T)
    assert hist["clients"].tolist() == [0, 2, 1, 0]  # Q2: A and B; Q3: C (A's August row is a correction)


# --------------------------------------------------------------------------------------------
# Control points


def test_control_points_list_expired_offers_unpaid_invoices_and_quiet_clients():
    tx = pd.DataFrame({"customer_id": ["A", "B"], "date": pd.to_datetime(["2025-12-20", "2025-09-01"]),
                       "amount": [100.0, 50.0], "document_id": ["F1", "F2"],
                       "due_date": pd.to_datetime(["2025-12-27", "2025-09-15"]),
                       "paid_at": pd.to_datetime([None, None]),
                       "salesperson": ["Ann", "Bob"]})
    d = deals([("o1", "A", "Ann", "2025-11-01", "offer", "open", None, None, None),
               ("o2", "B", "Bob", "2025-12-20", "offer", "open", None, None, None),
               ("o3", "B", "Bob", "2025-10-01", "offer", "open", None, None, None)],
              valid_until=pd.to_datetime([None, None, "2026-01-31"]))
    data = {"transactions": tx, "deals": d, "deal_stages": STAGES}
    todo = service.control_points(data, as_of=T)
    items = {(r.control_point, r.reference): (r.salesperson, r.days_overdue) for r in todo.itertuples()}
    assert items[("expired_offer", "o1")] == ("Ann", 30)  # opened 1 Nov + 30 days = 1 Dec
    assert ("expired_offer", "o2") not in items and ("expired_offer", "o3") not in items
    assert items[("unpaid_invoice", "F1")] == ("Ann", 4) and items[("unpaid_invoice", "F2")] == ("Bob", 107)
    quiet = todo[todo["control_point"] == "no_contact"]
    assert quiet["customer_id"].tolist() == []  # B's deal o2 on 20 Dec is a contact
    todo = service.control_points(data, as_of=T, contact_interval_days=5)
    assert set(todo.loc[todo["control_point"] == "no_contact", "customer_id"]) == {"A", "B"}
    assert set(todo.attrs["not_checked"]) == {"enquiry_overdue", "complaint", "survey_due"}
    summary = service.control_summary(todo)
    assert summary.loc["Total", "total"] == len(todo)


# --------------------------------------------------------------------------------------------
# The samples and the actions


def test_sample_company_every_measure_runs_and_the_actions_are_ranked():
    company = salesnb.load_company(SAMPLES / "event_agency")
    actions = service.next_actions(company)
    assert len(actions) == 3 and actions["severity"].is_monotonic_decreasing
    assert list(actions.index) == [1, 2, 3]
    f = service.funnel(company)
    assert f.attrs["deals"] == len(company.deals)
    assert f["reached"].iloc[0] == len(company.deals)
    rt = service.response_times(company)
    assert len(rt) == len(company.contacts)
    checks = service.data_checks(company)
    assert (checks.loc[checks["effect"] == "effect_error", "count"] == 0).all()


# --------------------------------------------------------------------------------------------
# Bad arguments: one ParameterError naming the parameter, for every public function


def _bad_calls():
    c = contacts([("1", "A", "phone", "2025-01-10 10:00", "2025-01-10 11:00")])
    s = survey([("A", "2025-05-01", "P", "speed", 2)])
    d = deals(DEALS)
    tx = pd.DataFrame({"customer_id": ["A"], "date": pd.to_datetime(["2025-05-01"]), "amount": [1.0]})
    both = {"transactions": tx, "satisfaction": s}
    return [
        (lambda: service.response_times(c, standards={"phone": -1}), "standards"),
        (lambda: service.response_times(c, business_hours="late"), "business_hours"),
        (lambda: service.response_times(c, holidays="Narnia"), "holidays"),
        (lambda: service.response_times(c, as_of="not a date"), "as_of"),
        (lambda: service.response_times([1, 2]), "data"),
        (lambda: service.response_times(c.drop(columns="channel")), "data"),
        (lambda: service.compliance(c, by="weekday"), "by"),
        (lambda: service.satisfaction_scores(s, by="colour"), "by"),
        (lambda: service.clients_to_contact(s, survey_every_months=0), "survey_every_months"),
        (lambda: service.surveys_due(both, survey_every_months=1.5), "survey_every_months"),
        (lambda: service.funnel(d, by="region"), "by"),
        (lambda: service.funnel(d, stages="offer"), "stages"),
        (lambda: service.refusals(d, by="region"), "by"),
        (lambda: service.stage_times(d, by="region", stages=STAGES), "by"),
        (lambda: service.loyalty(tx, by="region"), "by"),
        (lambda: service.loyalty(tx, "2025-06-01", "2025-01-01"), "period_start"),
        (lambda: service.loyalty_history(tx, every="W"), "every"),
        (lambda: service.loyalty_history(tx, periods=0), "periods"),
        (lambda: service.control_points(tx, offer_valid_days=0), "offer_valid_days"),
        (lambda: service.control_points(tx, contact_interval_days="often"), "contact_interval_days"),
        (lambda: service.data_checks({"contacts": c}, as_of="soon"), "as_of"),
        (lambda: service.next_actions(both, n=0), "n"),
    ]


@pytest.mark.parametrize("case", range(len(_bad_calls())))
def test_a_bad_argument_names_the_parameter(case):
    call, parameter = _bad_calls()[case]
    with pytest.raises(ParameterError) as err:
        call()
    assert err.value.parameter == parameter, str(err.value)
    assert f"'{parameter}' parameter of salesnb." in str(err.value)


# --------------------------------------------------------------------------------------------
# Charts, the widget and its plain twin, the actions in words


def test_charts_are_figures_in_both_languages():
    from matplotlib.figure import Figure

    from salesnb.plots import service as charts

    company = salesnb.load_company(SAMPLES / "wholesale_pl")
    for lang in ("en", "pl"):
        assert isinstance(charts.funnel_chart(service.funnel(company), lang), Figure)
        assert isinstance(charts.compliance_chart(service.compliance(company, by=("channel", "month")), lang), Figure)
        scores = service.satisfaction_scores(company, by=("year", "criterion"), since="all")
        assert isinstance(charts.satisfaction_heatmap_chart(scores, lang), Figure)
        assert isinstance(charts.satisfaction_heatmap_chart(scores, lang, value="score_mean"), Figure)
        assert isinstance(charts.loyalty_chart(service.loyalty_history(company), lang), Figure)


def test_the_widgets_plain_twin_changes_compliance_with_the_standard():
    from salesnb.widgets import StaticNote
    from salesnb.widgets.service import standards_overview, standards_widget

    df = contacts([("p", "A", "phone", "2025-03-07 17:00", "2025-03-10 09:00")])
    strict, _ = standards_overview(df, as_of=T)
    relaxed, _ = standards_overview(df, as_of=T, standards={"phone": 72})
    business, _ = standards_overview(df, as_of=T, business_hours=True)
    assert strict.loc["phone", "compliance"] == 0 and relaxed.loc["phone", "compliance"] == 1
    assert business.loc["phone", "compliance"] == 1
    assert isinstance(standards_widget(df), StaticNote)  # batch runs show the note


def test_the_live_widget_redraws(live_widgets):
    pytest.importorskip("ipywidgets")
    from salesnb.widgets.service import standards_widget

    company = salesnb.load_company(SAMPLES / "it_services")
    box = standards_widget(company, language="pl")
    channel, hours = box.children[0].children
    business, holidays = box.children[1].children
    channel.value = "phone"
    assert hours.value == 2.0  # the channel's own standard
    hours.value = 4.0  # each change redraws without error
    business.value = True
    holidays.value = True
    channel.value = "e-mail"
    assert hours.value == 24.0
    channel.value = "phone"
    assert hours.value == 4.0  # the room's setting is kept


def test_actions_read_in_both_languages():
    from salesnb.present import actions

    table = pd.DataFrame([{"action": "action_standards", "subject": "phone", "value": 0.5, "count": 3,
                           "detail": "Ann", "detail_value": 0.25, "severity": 0.5, "hours": 2.0}])
    assert "Phone: answer enquiries within 2\u00a0hours" in actions(table, "en").text
    assert "Ann (25.0%)" in actions(table).text
    assert "Telefon: odpowiadaj na zapytania w ciągu 2\u00a0godzin" in actions(table, "pl").text


def test_heat_map_leaves_cells_of_few_answers_uncoloured_and_says_how_many():
    from salesnb.plots import service as charts

    idx = pd.MultiIndex.from_tuples([("Line A", "Price"), ("Line B", "Price")], names=["product_line", "criterion"])
    table = pd.DataFrame({"answers": [12, 2], "dissatisfied_share": [0.5, 1.0]}, index=idx)
    fig = charts.satisfaction_heatmap_chart(table, "en")
    image = fig.axes[0].get_images()[0].get_array()
    assert not np.ma.is_masked(image[0, 0]) and image[0, 0] == 0.5   # 12 answers: coloured
    assert np.ma.is_masked(image[0, 1]) or np.isnan(image[0, 1])        # 2 answers: not coloured
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "50%" in texts and "100%\n(n\u00a0=\u00a02)" in texts
    assert any("fewer than 5 answers" in t.get_text() for t in fig.texts)
    # with min_answers=1 every cell is coloured and no note is written
    fig = charts.satisfaction_heatmap_chart(table, "en", min_answers=1)
    assert not any("fewer than" in t.get_text() for t in fig.texts)
