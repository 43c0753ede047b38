"""Exercise checks: the right answer, wrong answers of known kinds named, bad input never a traceback."""
from __future__ import annotations

import re
import warnings
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from conftest import SAMPLES, write_company
from hypothesis import given, settings
from hypothesis import strategies as st

import salesnb
from salesnb.errors import DataWarning
from salesnb.exercises import know_your_data, lifecycle_set1
from salesnb.exercises.reading import read_number, read_window


def _text(outcome):
    return outcome.message.replace("\xa0", " ")


def assert_correct(outcome, *words):
    assert outcome.status == "correct", outcome
    for w in words:
        assert w in _text(outcome), (w, outcome.message)


def assert_wrong(outcome, kind, *words, status="incorrect"):
    assert outcome.status == status, outcome
    assert outcome.kind == kind, (outcome.kind, outcome.message)
    for w in words:
        assert w in _text(outcome), (w, outcome.message)


# ------------------------------------------------------------------ reading what a participant types

@pytest.mark.parametrize("typed,value,percent", [
    ("2652131,62", "2652131.62", False), ("2 652 131,62", "2652131.62", False),
    ("2\u00a0652\u00a0131,62", "2652131.62", False), ("2.652.131,62", "2652131.62", False),
    ("2,652,131.62", "2652131.62", False), ("72%", "0.72", True), ("72,5 %", "0.725", True), ("0,45", "0.45", False),
    ("-1 234,5 zł", "-1234.5", False), ("−15", "-15", False), (0.45, "0.45", False), (12, "12", False),
    ((0, 45), "0.45", False), (Decimal("3.10"), "3.10", False),
])
def test_numbers_are_read_as_a_polish_or_english_user_types_them(typed, value, percent):
    r = read_number(typed, "pl")
    assert r.ok and r.value == Decimal(value) and r.percent == percent


def test_a_lone_thousands_comma_depends_on_the_language():
    assert read_number("1,234", "pl").value == Decimal("1.234")
    assert read_number("1,234", "en").value == Decimal("1234")


def test_python_reading_0_45_as_a_tuple_is_read_with_a_remark():
    r = read_number((0, 45), "pl")
    assert r.value == Decimal("0.45") and "cudzysłowie" in r.message
    assert "quotes" in read_number((0, 45), "en").message


@pytest.mark.parametrize("typed,kind", [
    ("", "empty"), ("  ", "empty"), ("2", "no_unit"), (2, "no_unit"), ("P2M", "iso"), ("p2m", "iso"),
    ("0D", "zero"), ("0", "zero"), ("-2M", "negative"), ("−2M", "negative"), ("1.5M", "not_whole"),
    ("1,5M", "not_whole"), ("2X", "unknown_unit"), (["2M"], "wrong_type"), (True, "wrong_type"), (None, "wrong_type"),
])
@pytest.mark.parametrize("language", ["en", "pl"])
def test_a_bad_window_gets_a_friendly_message_naming_its_kind(typed, kind, language):
    r = read_window(typed, language)
    assert not r.ok and r.problem == kind and r.message
    assert "Traceback" not in r.message and "ParameterError" not in r.message


@pytest.mark.parametrize("typed,label", [("8W", "56D"), ("2M", "2M"), ("2 miesiące", "2M"), ("14 dni", "14D"),
                                         ("2 mies.", "2M"), ("6 tyg.", "42D"), ("1Q", "3M"),
                                         (pd.DateOffset(months=2), "2M")])
def test_windows_with_a_unit_are_read(typed, label):
    assert read_window(typed).value == label


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=12), st.integers(), st.floats(allow_nan=True), st.none(), st.booleans(),
                 st.lists(st.integers(), max_size=3)))
def test_reading_never_raises(value):
    for lang in ("en", "pl"):
        assert read_number(value, lang) is not None
        assert read_window(value, lang) is not None


# ------------------------------------------------------------------ exercise 0

@pytest.fixture
def tiny(tmp_path):
    # A buys 100 (X) in Jan and 300 (Y) in Apr; B 50 (Y) in Feb and a -10 correction in Jun;
    # E has only a -20 correction (never bought); D is a lead; C buys 5 (X) in Jul and 12.34 (Y)
    # in Mar. The as-of date 15 Jul is inside Q3, so the last full quarter is Q2.
    folder = write_company(tmp_path / "tiny", {
        "customers.csv": "customer_id,name\nA,a\nB,b\nC,c\nD,d\nE,e\n",
        "transactions.csv": "date,customer_id,amount,product_line\n"
                            "2024-01-15,A,100,X\n2024-02-10,B,50,Y\n2024-03-20,C,12.34,Y\n2024-04-05,A,300,Y\n"
                            "2024-05-01,E,-20,X\n2024-06-30,B,-10,Y\n2024-07-02,C,5,X\n",
    }, "name: Tiny\ncurrency: PLN\nas_of: 2024-07-15\n")
    return salesnb.load_company(folder)


def test_potential_clients_exact_and_the_mistakes_named(tiny):
    ex = know_your_data.exercise(tiny, "en", participant="P")
    # never bought: D (no rows) and E (only a correction) -> 2
    assert_correct(ex.q1.check(2))
    assert_correct(ex.q1.check("2"))
    assert_wrong(ex.q1.check(5), "every_known", "every known client")
    assert_wrong(ex.q1.check(1), "corrections_bought", "correction as a purchase")
    assert_wrong(ex.q1.check(3), "buyers", "clients who bought")
    assert_wrong(ex.q1.check(2.5), "not_whole", "whole number", status="unreadable")
    assert ex.q1.check(None).status == "not_attempted" or ex.q1.given is not None


def test_net_revenue_exact_to_the_grosz_and_each_wrong_kind_named(tiny):
    ex = know_your_data.exercise(tiny, "pl", participant="P")
    # Q2: 300 (A, Apr) - 20 (E, May) - 10 (B, Jun) = 270; gross 300; corrections as sales 330;
    # Q1: 100 + 50 + 12.34 = 162.34; the year to the end of Q2: 432.34
    for typed in (270, "270,00", "270", 270.004):
        assert_correct(ex.q2.check(typed), "270,00")
    assert_wrong(ex.q2.check(271.01), "too_high")
    assert_wrong(ex.q2.check(268.99), "too_low", "trzy miesiące")
    assert_wrong(ex.q2.check(300), "without_corrections", "pominięto korekty")
    assert_wrong(ex.q2.check("330"), "corrections_as_sales", "jako sprzedaż")
    assert_wrong(ex.q2.check("162,34"), "previous_quarter", "przed ostatnim")
    assert_wrong(ex.q2.check(432.34), "whole_year", "cały rok")
    assert_wrong(ex.q2.check(0.27), "in_thousands", "tysiącach")
    assert_wrong(ex.q2.check(-270), "sign", "znak")
    assert_wrong(ex.q2.check("abc"), "not_a_number", "liczby", status="unreadable")


def test_money_rounded_to_whole_units_is_named(tmp_path):
    folder = write_company(tmp_path / "r", {
        "transactions.csv": "date,customer_id,amount\n2024-04-02,A,1000.40\n2024-05-02,B,234.25\n",
    }, "name: R\ncurrency: PLN\nas_of: 2024-06-30\n")
    ex = know_your_data.exercise(salesnb.load_company(folder), "en")
    assert_correct(ex.q2.check("1 234,65"))
    assert_wrong(ex.q2.check(1235), "rounded", "to the grosz")
    # within one unit of the currency: a rounding or a few grosze, never "are all three months in?"
    assert_wrong(ex.q2.check(1234), "rounded", "rounded or cut off", "two decimal places")
    assert_wrong(ex.q2.check("1 234,64"), "near", "less than PLN 1 off", "to the grosz")
    assert_wrong(ex.q2.check("1234.66"), "near", "less than PLN 1 off")
    assert_wrong(ex.q2.check("1 233,65"), "too_low", "three months")
    pl = know_your_data.exercise(salesnb.load_company(folder), "pl")
    out = pl.q2.check("1234,64")
    assert_wrong(out, "near", "mniejsza niż 1 zł", "co do grosza")
    assert "trzy miesiące" not in out.message
    assert_wrong(pl.q2.check("1234"), "rounded", "zaokrąglone lub ucięte")


def test_leading_line_is_a_name_compared_without_case_or_diacritics(tiny):
    ex = know_your_data.exercise(tiny, "en")
    # X: 100 - 20 + 5 = 85; Y: 50 + 12.34 + 300 - 10 = 352.34 -> Y; by count X 3 rows, Y 4 rows
    assert_correct(ex.q3.check(" y "))
    assert_wrong(ex.q3.check("X"), "other")
    assert_wrong(ex.q3.check("Z"), "not_an_option", "X", status="unreadable")


def test_a_name_not_on_the_list_shows_as_such_in_the_results_not_as_unreadable(tiny):
    from salesnb import present

    ex = know_your_data.exercise(tiny, "pl", participant="P")
    assert_wrong(ex.q3.check("Chemia"), "not_an_option", "„Chemia” nie jest żadną z nazw", status="unreadable")
    ex.q2.check("abc")
    table = ex.table().set_index("question")
    assert table.loc["3", "result"] == "not_an_option" and table.loc["3", "remark"] == ""
    assert table.loc["2", "result"] == "unreadable"  # a number that cannot be read stays so
    html = present.show(ex.table(), "pl", max_rows=None).to_html()
    assert "⚠ spoza listy" in html and html.count("⚠ nieczytelna") == 1
    en = know_your_data.exercise(tiny, "en")
    en.q3.check("Chemistry")
    assert "⚠ not on the list" in present.show(en.table(), "en", max_rows=None).to_html()


def test_the_leading_line_before_corrections_is_named(tmp_path):
    # K: 100 and a -60 credit note (net 40, gross 100); L: 50 -> L leads net, K before corrections
    folder = write_company(tmp_path / "g", {
        "transactions.csv": "date,customer_id,amount,product_line\n2024-01-05,A,100,K\n2024-01-09,A,-60,K\n"
                            "2024-02-01,B,50,L\n",
    }, "name: G\ncurrency: PLN\nas_of: 2024-03-31\n")
    ex = know_your_data.exercise(salesnb.load_company(folder), "pl")
    assert_correct(ex.q3.check("l"))
    assert_wrong(ex.q3.check("K"), "gross", "przed uwzględnieniem korekt")


def test_solutions_show_this_companys_answer_and_hints_do_not(tiny):
    ex = know_your_data.exercise(tiny, "en")
    assert "270.00" in ex.q2.solution()._repr_markdown_()
    assert "270" not in ex.q2.hint()._repr_markdown_()


# ------------------------------------------------------------------ exercise set 1


@pytest.fixture
def rhythm(tmp_path):
    # A buys every 14 days to 24 Jun; B every 14 days to 15 Apr; C every 30 days to 27 Jun; L is a
    # lead; E has a purchase on 10 Jan and a credit note on 20 Jun. As of 30 Jun 2024.
    a = pd.date_range("2024-01-01", "2024-06-24", freq="14D")
    b = pd.date_range("2024-01-01", "2024-04-15", freq="14D")
    c = pd.date_range("2024-01-29", "2024-06-27", freq="30D")
    rows = [f"{d.date()},A,100" for d in a] + [f"{d.date()},B,50" for d in b] + [f"{d.date()},C,70" for d in c]
    rows += ["2024-01-10,E,40", "2024-06-20,E,-40"]
    folder = write_company(tmp_path / "rhythm", {
        "customers.csv": "customer_id\nA\nB\nC\nE\nL\n",
        "transactions.csv": "date,customer_id,amount\n" + "\n".join(rows) + "\n",
    }, "name: Rhythm\ncurrency: PLN\nas_of: 2024-06-30\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return salesnb.load_company(folder)


def test_windows_in_the_documented_range_are_accepted_with_the_reason(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "en")
    r = lifecycle_set1.window_range(rhythm)
    # typical gaps: A 14, B 14, C 30 days; the suggestion covers 3/4 -> C's 30 days fit a month: 1M.
    # Accepted: from the median typical gap (14 days) to twice the suggestion (2 x 30.44 days).
    assert r.suggested == "1M" and r.low_days == 14 and r.high_days == pytest.approx(60.875)
    assert_correct(ex.q1a.check("1M"), "the window this workbook suggests")
    assert_correct(ex.q1a.check("2W"), "accepted", "67%")
    assert_correct(ex.q1a.check("8W"), "accepted")
    assert_correct(ex.q1a.check("2 miesiące"))
    assert_wrong(ex.q1a.check("10D"), "window_too_short", "Only 0%", "at least half")
    assert_wrong(ex.q1a.check("3M"), "article_example", "article's example")
    assert_wrong(ex.q1a.check("6M"), "window_too_long", "3 months", "notice a client who has stopped buying too late")
    # the shorter window in the answer's own unit; equal coverage said as such
    assert_wrong(ex.q1a.check("12M"), "window_too_long", "A window of 12 months covers the typical gap of 100%",
                 "but already a window of 6 months covers as many (100%).")
    pl = lifecycle_set1.exercise(rhythm, "pl")
    out = pl.q1a.check("20W")
    assert_wrong(out, "window_too_long", "Okno W = 20 tygodni obejmuje",
                 "ale już okno W = 10 tygodni obejmuje tyle samo")
    assert " dni" not in _text(out) and "o połowę" not in _text(out)
    assert_wrong(pl.q1a.check("5M"), "window_too_long", "już okno W = 2 miesiące")


@pytest.mark.parametrize("typed,kind", [("2", "no_unit"), ("P2M", "iso"), ("0D", "zero"), ("-2M", "negative"),
                                        ("", "empty"), ([1], "wrong_type")])
@pytest.mark.parametrize("language,word", [("en", "unit"), ("pl", "")])
def test_bad_windows_in_question_1a_are_unreadable_never_a_traceback(rhythm, typed, kind, language, word):
    ex = lifecycle_set1.exercise(rhythm, language)
    out = ex.q1a.check(typed)
    assert out.status == "unreadable" and out.kind == kind and out.message


def test_question_2a_is_checked_against_the_participants_own_window(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "en", participant="P")
    assert ex.q2a.check(1).status == "waiting"  # no window yet
    ex.q1a.check("2W")
    # 2W at 30 Jun: current (16 Jun, 30 Jun]: A (24 Jun) and C (27 Jun) bought; B last bought 15 Apr,
    # E's only purchase is 10 Jan (its 20 Jun row is a credit note) -> lost: B and E = 2.
    # With 3M (1 Apr-30 Jun): B bought 15 Apr and E did not -> 1; with the suggested 1M: B, E -> 2.
    assert_correct(ex.q2a.check(2))
    assert_wrong(ex.q2a.check(1), "article_window", "three months", "2 weeks")
    assert_wrong(ex.q2a.check(3), "with_potential", "potential clients")
    ex.q1a.check("3M")  # a new window: 2a is checked again against it
    assert ex.q2a.outcome.kind != "article_window"
    assert_correct(ex.q2a.check(1))


def test_a_correction_counted_as_activity_is_named_beside_another_mistake_with_the_same_count(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "pl")
    ex.q1a.check("6W")
    # 6W: B (15 Apr) and E (10 Jan) lost = 2. E's credit note on 20 Jun is in the window: counting it
    # as activity leaves only B -> 1, which is also the count with the article's 3 months: both named
    assert_correct(ex.q2a.check(2))
    out = ex.q2a.check(1)
    assert out.kind == "article_window" and "trzech miesięcy" in out.message and "korektę" in out.message


def test_the_share_of_regular_clients_exact_to_a_tenth_of_a_percent(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "pl")
    ex.q1a.check("2W")
    # ever bought: A, B, C, E; regular: A (24 Jun and 10 Jun) and C? C bought 27 Jun and 28 May, not in
    # (2 Jun, 16 Jun] -> restored. Regular share = 1/4 = 25%; of all known (with L) 1/5 = 20%;
    # active (A, C) 2/4 = 50%.
    for typed in ("25%", 0.25, "0,25", "25,0%", 25):
        assert_correct(ex.q2b.check(typed), "25,0%")
    assert_wrong(ex.q2b.check("20%"), "of_all_known", "wszystkich klientów w bazie")
    assert_wrong(ex.q2b.check(0.5), "active_share", "aktywnych")
    assert_wrong(ex.q2b.check("150%"), "out_of_range", status="unreadable")


def test_a_share_rounded_too_coarsely_is_named(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "en")
    ex.q1a.check("3M")
    # 3M: A, B, C regular (bought in Apr-Jun and Jan-Mar), E lost: 3/4 = 75%: exact at any precision
    assert_correct(ex.q2b.check("75%"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        ex = lifecycle_set1.exercise(salesnb.load_company(SAMPLES / "it_services"), "en")
    ex.q1a.check("8W")
    e = ex.q2b.expected()
    assert round(e * 100) != round(e * 100, 1)
    assert_wrong(ex.q2b.check(f"{round(e * 100)}%"), "imprecise", "tenth of a percent")
    assert_correct(ex.q2b.check(f"{e * 100:.1f}%"))


def test_definitions_are_checked_for_completeness_and_against_the_window(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "en")
    ex.q1a.check("2W")
    out = ex.q1b.check({"potential": "known to us, never bought anything", "new": "first purchase in the last 3 months",
                        "regular": "bought within the last 2 weeks and the 2 weeks before",
                        "lost": "bought before but not recently"})
    assert out.status == "incomplete" and out.kind == "missing"
    assert "restored client" in _text(out) and "uses 3 months" in _text(out) and "names no period" in _text(out)
    full = {"potential": "known to us, never bought anything", "new": "first purchase within the last 2 weeks",
            "regular": "bought within the last 2 weeks and the 2 weeks before",
            "lost": "bought before but not within 2 weeks", "restored": "bought within 2 weeks after a gap"}
    assert ex.q1b.check(full).status == "noted"
    assert ex.q1b.check({"xyz": "a b c d"}).kind == "unknown_key"
    polish = {"potencjalny": "znany, ale nigdy nic nie kupił", "Klient nowy": "pierwszy zakup w ciągu 2 tygodni",
              "stały": "kupił w ostatnich 2 tygodniach i wcześniej", "utracony": "nie kupił w ciągu 2 tygodni",
              "przywrócony": "kupił w ciągu 2 tygodni po przerwie"}
    assert ex.q1b.check(polish).status == "noted"


def test_open_answers_need_words_and_the_required_parts(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "pl")
    ex.q1a.check("2W")
    assert_wrong(ex.q2c.check(""), "empty", status="unreadable")
    assert_wrong(ex.q2c.check(5), "not_words", status="unreadable")
    assert_wrong(ex.q2c.check("tak"), "too_short", status="incomplete")
    assert_wrong(ex.q2c.check("Baza jest zdrowa, bo klienci kupują regularnie i często, naprawdę dobrze to wygląda"),
                 "no_statuses", "kategorie klientów", status="incomplete")
    assert ex.q2c.check("Stałych jest 25%, a utraconych 2 z 4: baza się kurczy, więc trzeba szybko odzyskać "
                        "utraconych klientów").status == "noted"


def test_kpis_need_a_reason_each_and_a_balanced_set(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "en")
    assert_wrong(ex.q3.check({"Lost clients": "shows who we lose"}), "too_few", status="incomplete")
    assert_wrong(ex.q3.check({"lost_clients": "shows who we lose", "Restored clients": "rewards winning back"}),
                 "unbalanced", "winning clients", status="incomplete")
    assert_wrong(ex.q3.check({"Klienci utraceni": "ok", "primary_sales_count": "new clients matter",
                              "repeat_sales_amount": "keeps them buying"}), "no_reason", status="incomplete")
    ok = {"Klienci utraceni": "shows who we lose", "primary_sales_count": "new clients matter a lot",
          "repeat_sales_amount": "keeps them buying regularly"}
    assert ex.q3.check(ok).status == "noted"


def test_nothing_is_given_away_before_it_is_asked(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "en", participant="P")
    suggested = lifecycle_set1.suggested_window(rhythm)
    for text in (ex.q1a._repr_markdown_(), ex.q1a.hint()._repr_markdown_()):
        assert f'"{suggested}"' not in text and "1 month" not in text
    assert "2W" not in ex.q2a.hint()._repr_markdown_()
    assert lifecycle_set1.status_chart(ex).status == "note"  # no chart before 1a is answered


def test_a_demonstration_checks_the_model_answers_and_saves_nothing(rhythm, tmp_path):
    ex = lifecycle_set1.exercise(rhythm, "pl", answers_dir=tmp_path / "answers")
    outs = [bq.check() for bq in ex.questions]
    assert all(o.right and o.demo for o in outs), outs
    assert ex.save() is None and not (tmp_path / "answers").exists()


def test_results_are_a_formatted_table_in_the_language(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "pl", participant="P")
    ex.q1a.check("2W")
    ex.q2a.check("x")
    html = ex.results().to_html()
    assert "Pytanie" in html and "dobrze" in html and "nieczytelna" in html and "to nie liczba" in html
    assert "not_attempted" not in html and "NaN" not in html


def test_reprs_carry_no_memory_addresses(tiny):
    import re

    ex = know_your_data.exercise(tiny, "en")
    for obj in (ex, ex.q1, ex.q1.check(None), ex.q1.hint(), ex.results()):
        assert not re.search(r"0x[0-9a-f]{6,}", repr(obj)), repr(obj)


def test_an_unknown_language_names_the_parameter(tiny):
    from salesnb.errors import ParameterError

    with pytest.raises(ParameterError, match="'language' parameter of salesnb.exercises.Exercise") as err:
        know_your_data.exercise(tiny, "de")
    assert err.value.parameter == "language" and err.value.value == "de"
    assert know_your_data.exercise(tiny, " PL ").language == "pl"


# ------------------------------------------------------------------ every question, any bad input

def _all_exercises(language):
    from salesnb.exercises.registry import SETS

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        company = salesnb.load_company(SAMPLES / "it_services")
    return [m.exercise(company, language, participant="Fuzz") for m in SETS.values()]


BAD = [object(), [], {}, "", "0D", "2", "-2M", "P2M", True, 3.5, ("a",), {"x": 1}, ["a", None], float("nan"),
       "   ", "1 2 3", {"a": ("b", "c", "d")}, [[1]], -1]


@pytest.mark.parametrize("language", ["en", "pl"])
def test_no_bad_input_to_any_question_raises(language):
    for ex in _all_exercises(language):
        for bq in ex.questions:
            for bad in BAD:
                out = bq.check(bad)
                assert out.status in ("incorrect", "unreadable", "incomplete", "waiting", "noted", "correct"), \
                    (ex.key, bq.key, bad, out)
                assert out.message.strip() and "Traceback" not in out.message, (ex.key, bq.key, bad)
            assert bq.check(bq.model_answer()).status in ("correct", "noted", "waiting"), (ex.key, bq.key)


def test_check_called_with_a_decimal_comma_between_arguments(rhythm):
    ex = lifecycle_set1.exercise(rhythm, "pl")
    ex.q1a.check("3M")
    out = ex.q2b.check(0, 75)  # check(0,75): Python passes two arguments
    assert out.status == "correct" and "cudzysłowie" in out.message
    assert ex.q2a.check(0, 45).kind == "not_whole"


# ------------------------------------------------------------------ every kind of wrong answer has a name

def _kinds_in_source(path):
    """The kind codes a module's source gives a Mistake, a Requirement, an Outcome, a Reading or an issue."""
    import ast

    found = set()
    snake = re.compile(r"^[a-z][a-z_]*$")

    def const(node):
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in ("Mistake", "Requirement") and node.args and const(node.args[0]):
                found.add(const(node.args[0]))
            for kw in node.keywords:
                if kw.arg in ("kind", "problem"):
                    values = [kw.value.body, kw.value.orelse] if isinstance(kw.value, ast.IfExp) else [kw.value]
                    found |= {const(v) for v in values if const(v)}
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2 and const(node.elts[0]) \
                and snake.match(const(node.elts[0])) and (const(node.elts[1]) == "" or (
                    isinstance(node.elts[1], ast.Call) and getattr(node.elts[1].func, "id", "") in ("tr", "t"))):
            found.add(const(node.elts[0]))
        elif isinstance(node, ast.FunctionDef) and node.name == "_window_problem":
            for sub in ast.walk(node):
                if isinstance(sub, ast.Dict):
                    found |= {const(k) for k in sub.keys if k is not None and const(k)}
    return found


def test_every_kind_of_wrong_answer_any_exercise_gives_has_a_name_in_both_languages():
    """The results table's remark and the trainer's room show a kind in words, never its code ("unbalanced")."""
    import inspect

    from salesnb.exercises import answers, registry

    folder = Path(inspect.getfile(answers)).parent
    generic = {**answers.GENERIC_KINDS}
    for cls in _all_subclasses(answers.AnswerKind):
        generic.update(getattr(cls, "kinds", {}) or {})
    modules = {m.__name__.rsplit(".", 1)[1]: m for m in registry.SETS.values()}
    missing = []
    for path in sorted(folder.glob("*.py")):
        kinds = _kinds_in_source(path)
        assert path.stem not in ("answers", "structured") or kinds, path  # the scan finds the generic ones
        for kind in sorted(kinds):
            for lang in ("en", "pl"):
                if path.stem in modules:
                    labels = {q.kind_label(kind, lang) for q in modules[path.stem].QUESTIONS}
                    ok = any(lb and lb != kind for lb in labels)
                else:
                    ok = bool(generic.get(kind, {}).get(lang))
                if not ok:
                    missing.append((path.stem, kind, lang))
    assert not missing, missing
    assert {"unbalanced", "no_reason", "no_period", "other_window"} <= _kinds_in_source(folder / "lifecycle_set1.py")


def _all_subclasses(cls):
    out = set(cls.__subclasses__())
    for sub in list(out):
        out |= _all_subclasses(sub)
    return out


def test_a_one_sided_kpi_set_is_named_in_words_in_the_results_and_the_room(tmp_path):
    from salesnb import room

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        company = salesnb.load_company(SAMPLES / "wholesale_pl")
    ex = lifecycle_set1.exercise(company, "pl", participant="Ola", answers_dir=tmp_path)
    out = ex.q3.check({"Klienci utraceni": "każdy utracony klient to sygnał do działania",
                       "Klienci przywróceni": "nagradza odzyskiwanie klientów zamiast rezygnowania"})
    assert_wrong(out, "unbalanced", "zdobywanie klientów, rozwój klientów", "tych obszarów", status="incomplete")
    remark = ex.table().set_index("question").loc["3", "remark"]
    assert remark == "jednostronny zestaw wskaźników"
    wrong = room.questions_table(room.read_room(tmp_path), "pl").set_index("question").loc["3", "wrong_answers"]
    assert wrong == "jednostronny zestaw wskaźników: 1"
    en = lifecycle_set1.exercise(company, "en")
    out = en.q3.check({"Lost clients": "every lost client is a signal", "Primary sales (count)": "x"})
    assert_wrong(out, "no_reason", "give a reason of a few words for", status="incomplete")
    assert en.q3.q.kind_label("unbalanced", "en") == "a one-sided set of KPIs"


def test_the_status_chart_does_not_contradict_question_2b():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        company = salesnb.load_company(SAMPLES / "wholesale_pl")
    ex = lifecycle_set1.exercise(company, "pl", participant="P")
    ex.q1a.check("2M")

    def labels(fig):
        return [x.get_text().replace("\xa0", " ") for x in fig.axes[0].texts]

    assert not any("%" in x for x in labels(lifecycle_set1.status_chart(ex)))  # counts only: 2b not answered
    share = ex.q2b.expected()
    ex.q2b.check("50%")
    fig = lifecycle_set1.status_chart(ex)
    regular = f"({100 * share:.1f}%)".replace(".", ",")
    assert any(regular in x for x in labels(fig)), labels(fig)  # the share among buyers, as 2b asks
    assert "kiedykolwiek coś kupili" in fig.axes[0].get_title()
    assert "%" not in labels(fig)[0]  # the potential clients: their count only
