"""The presentation layer: every kind of number in both languages, tables that keep the data."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from salesnb import present as P
from salesnb.present.numbers import EMPTY

NB = "\u00a0"


@pytest.mark.parametrize(
    "value, kind, en, pl",
    [
        (1234567.891, "money", f"PLN{NB}1,234,567.89", f"1{NB}234{NB}567,89{NB}zł"),
        (-19.9, "money", f"-PLN{NB}19.90", f"-19,90{NB}zł"),
        (0.1543, "percent", "15.4%", "15,4%"),
        (1.0, "percent", "100.0%", "100,0%"),
        (12345, "count", "12,345", f"12{NB}345"),
        (1234, "count", "1,234", f"1{NB}234"),
        (0.4217, "coefficient", "0.42", "0,42"),
        (1, "days", f"1{NB}day", f"1{NB}dzień"),
        (12, "days", f"12{NB}days", f"12{NB}dni"),
        (pd.Timestamp("2025-03-31"), "date", "31 Mar 2025", "31.03.2025"),
        (pd.Period("2025-03", "M"), "period", "Mar 2025", "mar 2025"),
        (pd.Period("2025Q1", "Q"), "period", f"Q1{NB}2025", f"I{NB}kw. 2025"),
        (True, "boolean", "yes", "tak"),
        (False, "boolean", "no", "nie"),
    ],
)
def test_every_kind_reads_as_the_locale_writes_it(value, kind, en, pl):
    assert P.fmt(value, kind, "en") == en
    assert P.fmt(value, kind, "pl") == pl


@pytest.mark.parametrize("missing", [None, np.nan, pd.NA, pd.NaT])
@pytest.mark.parametrize("kind", ["money", "percent", "count", "days", "date", "period", "boolean"])
def test_missing_values_are_an_en_dash(missing, kind):
    assert P.fmt(missing, kind, "pl") == EMPTY == "–"


def test_short_money_for_chart_axes():
    assert P.money_short(1_234_567, "PLN", "pl") == f"1,2{NB}mln{NB}zł"
    assert P.money_short(1_234_567, "PLN", "en") == f"PLN{NB}1.2M"
    assert P.money_short(950, "PLN", "pl") == f"950{NB}zł"


def test_show_translates_headers_and_values_and_keeps_the_data():
    df = pd.DataFrame(
        {"status": ["lost", "new"], "share": [0.1543, 0.5], "turnover": [1234567.891, np.nan],
         "reason": ["reason_new_client", None]},
        index=pd.Index(["k1", "k2"], name="customer_id"))
    before = df.copy()
    table = P.show(df, "pl", currency="PLN")
    pd.testing.assert_frame_equal(df, before)  # the method's output is not changed
    pd.testing.assert_frame_equal(table.data, df.reset_index())
    html = table.to_html()
    for text in ("Klient", "Status", "Udział", "Obrót", "utracony", "nowy", "15,4%",
                 f"1{NB}234{NB}567,89{NB}zł", "nowy klient: tylko klasa ABC", ">–<"):
        assert text in html, text
    for raw in ("lost", "nan", "NaN", "None", "customer_id", "0.1543"):
        assert raw not in re.sub(r"<style.*?</style>", "", html, flags=re.S), raw


def test_show_hides_a_meaningless_index_and_is_deterministic():
    df = pd.DataFrame({"clients": [3, 4]})
    a, b = P.show(df, "en").to_html(), P.show(df, "en").to_html()
    assert a == b
    assert "row_heading" not in a  # the 0, 1 row numbers are not shown
    assert repr(P.show(df, "en", caption="Clients")) == "<salesnb table 'Clients': 2 of 2 rows>"


def test_long_tables_say_how_many_rows_there_are():
    table = P.show(pd.DataFrame({"clients": range(1500)}), "pl", max_rows=5)
    assert len(table.data) == 5 and f"pokazano 5 z 1{NB}500 wierszy" in table.to_html()


def test_a_column_without_a_label_is_an_error_in_strict_mode(monkeypatch):
    monkeypatch.setenv("SALESNB_STRICT_LABELS", "1")
    with pytest.raises(KeyError, match="no_such_column"):
        P.show(pd.DataFrame({"no_such_column": [1]}), "pl")


def test_chart_axes_use_the_same_formats():
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([0, 2_000_000], [0, 0.5])
    P.money_axis(ax, "PLN", "pl", which="x")
    P.percent_axis(ax, "pl")
    fig.canvas.draw() if hasattr(fig.canvas, "draw") else None
    assert ax.xaxis.get_major_formatter()(1_500_000, 0) == f"1,5{NB}mln{NB}zł"
    assert ax.yaxis.get_major_formatter()(0.25, 0) == "25%"


def test_prose_is_markdown_with_formatted_numbers():
    p = P.say("**{n}** klientów ({share}) jest utraconych.", n=P.count(1234, "pl"), share=P.percent(0.19, "pl"))
    assert p._repr_markdown_() == f"**1{NB}234** klientów (19,0%) jest utraconych."


def test_money_ticks_keep_quarter_steps_exact():
    """An axis stepping by 0.25M reads 1.25M and 1.75M, not two ticks rounded to 1.2M and 1.8M."""
    from matplotlib.figure import Figure

    from salesnb.present import money_axis

    for lang, want in (("en", [f"PLN{NB}1M", f"PLN{NB}1.25M", f"PLN{NB}1.5M", f"PLN{NB}1.75M", f"PLN{NB}2M"]),
                       ("pl", [f"1{NB}mln{NB}zł", f"1,25{NB}mln{NB}zł", f"1,5{NB}mln{NB}zł", f"1,75{NB}mln{NB}zł",
                               f"2{NB}mln{NB}zł"])):
        ax = Figure().add_subplot()
        ax.set_yticks([1e6, 1.25e6, 1.5e6, 1.75e6, 2e6])
        money_axis(ax, "PLN", lang)
        fmt = ax.yaxis.get_major_formatter()
        assert [fmt(v, i) for i, v in enumerate(ax.get_yticks())] == want


@pytest.mark.parametrize(
    "value, en, pl",
    [
        ("2024-H1", f"H1{NB}2024", f"I{NB}półrocze 2024"),
        ("2025-H2", f"H2{NB}2025", f"II{NB}półrocze 2025"),
        ("H2 2023", f"H2{NB}2023", f"II{NB}półrocze 2023"),
        ("2024h1", f"H1{NB}2024", f"I{NB}półrocze 2024"),
        ("2024-Q3", f"Q3{NB}2024", f"III{NB}kw. 2024"),
        ("2024-06", "Jun 2024", "cze 2024"),
        ("2024-03-31", "31 Mar 2024", "31.03.2024"),
        ("31.03.2024", "31 Mar 2024", "31.03.2024"),
        (pd.Timestamp("2024-03-31"), "31 Mar 2024", "31.03.2024"),
        ("2024-13", "2024-13", "2024-13"),  # not a month: a name, left as it is
        ("Spring survey", "Spring survey", "Spring survey"),
        (None, EMPTY, EMPTY),
    ],
)
def test_a_survey_wave_reads_in_the_language(value, en, pl):
    assert P.wave(value, "en") == P.fmt(value, "wave", "en") == en
    assert P.wave(value, "pl") == P.fmt(value, "wave", "pl") == pl


def test_wave_columns_of_a_table_read_as_waves():
    df = pd.DataFrame({"wave_from": ["2024-H1"], "wave_to": ["2025-H2"]})
    html = P.show(df, "pl", prefixes=("kano_col_",)).to_html()
    assert f"I{NB}półrocze 2024" in html and f"II{NB}półrocze 2025" in html and "2024-H1" not in html


@pytest.mark.parametrize("value, en, pl", [
    (0.27, "16\u00a0min", "16\u00a0min"),  # 16.2 minutes, rounded to the minute
    (3.6, "3\u00a0h 36\u00a0min", "3\u00a0h 36\u00a0min"),
    (24, "24\u00a0h", "24\u00a0h"),
    (2.0, "2\u00a0h", "2\u00a0h"),
    (0, "0\u00a0min", "0\u00a0min"),
    (59.999 / 60, "1\u00a0h", "1\u00a0h"),  # 59.999 minutes round up to a whole hour
    (1234.5, "1,234\u00a0h 30\u00a0min", "1\u00a0234\u00a0h 30\u00a0min"),
    (-1.5, "-1\u00a0h 30\u00a0min", "-1\u00a0h 30\u00a0min"),
    (np.nan, EMPTY, EMPTY),
])
def test_hours_read_as_hours_and_minutes(value, en, pl):
    assert P.hours(value, "en") == en and P.hours(value, "pl") == pl
    assert P.fmt(value, "hours", "pl") == pl


def test_time_columns_show_in_hours_and_minutes():
    table = pd.DataFrame({"channel": ["chat", "phone"], "median_hours": [0.27, 3.6], "standard_hours": [24.0, 2.0]})
    shown = P.show(table, "pl").to_html()
    assert "16\u00a0min" in shown and "3\u00a0h 36\u00a0min" in shown and "24\u00a0h" in shown and "0,27" not in shown
    assert "Czat" in shown and "Telefon" in shown


@pytest.mark.parametrize("value, digits, en, pl", [
    (0.3375, 1, "33.8%", "33,8%"),   # a half rounds up, as a reader does (Babel alone gives 33.7%)
    (0.725, 0, "73%", "73%"),
    (0.125, 0, "13%", "13%"),
    (0.1249, 0, "12%", "12%"),
    (-0.0055, 1, "-0.6%", "-0,6%"),  # half away from zero
])
def test_shares_round_half_up(value, digits, en, pl):
    assert P.percent(value, "en", digits) == en and P.percent(value, "pl", digits) == pl


def test_counts_and_numbers_round_half_up_and_dates_read_the_same_everywhere():
    assert P.count(2.5, "en") == "3" and P.number(0.125, "pl") == "0,13"
    from salesnb.i18n.formats import day_text

    assert P.date("2025-09-30", "en") == day_text("2025-09-30", "en") == "30 Sept 2025"
    assert P.date("2025-09-30", "pl") == day_text("2025-09-30", "pl") == "30.09.2025"
