"""Exercise objects: the expected answers, the mistakes they recognise, and what they keep."""
from __future__ import annotations

import json

import pytest
from conftest import write_company

import salesnb
from salesnb.exercises import know_your_data


@pytest.fixture
def tiny(tmp_path):
    # A buys 100 (X) in Jan and 300 (Y) in Apr; B 50 (Y) in Feb and a -10 correction in Jun;
    # E has only a -20 correction (never bought); D is a lead; C buys 5 (X) in Jul.
    folder = write_company(tmp_path / "tiny", {
        "customers.csv": "customer_id,name\nA,a\nB,b\nC,c\nD,d\nE,e\n",
        "transactions.csv": "date,customer_id,amount,product_line\n"
                            "2024-01-15,A,100,X\n2024-02-10,B,50,Y\n2024-04-05,A,300,Y\n"
                            "2024-05-01,E,-20,X\n2024-06-30,B,-10,Y\n2024-07-02,C,5,X\n",
    }, "name: Tiny\ncurrency: PLN\nas_of: 2024-07-15\n")
    return salesnb.load_company(folder)


def test_potential_clients_and_the_mistakes_recognised(tiny):
    ex = know_your_data.exercise(tiny, "en")
    # never bought: D (no rows) and E (only a correction) -> 2
    assert ex.q1.check(2).status == "correct"
    out = ex.q1.check(5)  # every known client
    assert out.status == "incorrect" and "every known client" in out.message
    out = ex.q1.check(1)  # only D: forgot that a correction is not a purchase
    assert out.status == "incorrect" and "corrections" in out.message
    assert ex.q1.check(None).status == "not_attempted"


def test_last_full_quarter_net_revenue(tiny):
    ex = know_your_data.exercise(tiny, "pl")
    # as-of 2024-07-15 is inside Q3, so the last full quarter is Q2: 300 - 20 - 10 = 270 (gross 300)
    assert ex.q2.check(270).status == "correct"
    out = ex.q2.check(300)
    assert out.status == "incorrect" and "korekty" in out.message  # Polish message for the gross mistake
    assert "za duża" in ex.q2.check(1000).message
    assert ex.q2.check("abc").status == "incorrect"


def test_top_product_line_is_text_compared_without_case(tiny):
    ex = know_your_data.exercise(tiny)
    # X: 100 - 20 + 5 = 85; Y: 50 + 300 - 10 = 340
    assert ex.q3.check(" y ").status == "correct"
    assert ex.q3.check("X").status == "incorrect"


def test_solutions_show_this_companys_answer(tiny):
    ex = know_your_data.exercise(tiny, "en")
    assert ex.q2.solution()._repr_markdown_().endswith("`270.00`")
    assert "Hint" in ex.q1.hint()._repr_markdown_()


def test_answers_are_kept(tiny, tmp_path):
    ex = know_your_data.exercise(tiny, "en")
    ex.q1.check(2)
    ex.q2.check(300)
    path = ex.save(tmp_path / "out")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert [(r["question"], r["answer"], r["status"]) for r in saved] == [
        ("1", 2, "correct"), ("2", 300, "incorrect"), ("3", None, "not_attempted")]
    assert ex.save(None) is None


@pytest.fixture
def rhythm(tmp_path):
    # A buys every 14 days to 24 Jun; B every 14 days to 15 Apr; L is a lead. As of 30 Jun 2024.
    import pandas as pd

    a = pd.date_range("2024-01-01", "2024-06-24", freq="14D")
    b = pd.date_range("2024-01-01", "2024-04-15", freq="14D")
    rows = [f"{d.date()},A,100" for d in a] + [f"{d.date()},B,50" for d in b]
    folder = write_company(tmp_path / "rhythm", {
        "customers.csv": "customer_id\nA\nB\nL\n",
        "transactions.csv": "date,customer_id,amount\n" + "\n".join(rows) + "\n",
    }, "name: Rhythm\ncurrency: PLN\nas_of: 2024-06-30\n")
    return salesnb.load_company(folder)


def test_lifecycle_set1_window_and_lost_clients(rhythm):
    from salesnb.exercises import lifecycle_set1

    ex = lifecycle_set1.exercise(rhythm, "en")
    # typical gap 14 days: a two-week window covers every repeat client; 14 days is the same window
    assert ex.q1.check("2W").status == "correct" and ex.q1.check("14D").status == "correct"
    assert "article's example" in ex.q1.check("3M").message
    assert "noticed late" in ex.q1.check("2M").message
    assert "usual rhythm" in ex.q1.check("7D").message
    assert "cannot be read" in ex.q1.check("soon").message
    # 2W window at 30 Jun: current (16 Jun, 30 Jun], B's last purchase 15 Apr -> B lost; A bought
    # 24 Jun and 10 Jun (previous window (2 Jun, 16 Jun]) -> regular.
    # With 3 months B would still be regular (bought in Apr and in Jan-Mar): 0 lost.
    assert ex.q2.check(1).status == "correct"
    assert "three months" in ex.q2.check(0).message


def test_lifecycle_set1_healthy_base_share_and_open_question(rhythm):
    from salesnb.exercises import lifecycle_set1

    ex = lifecycle_set1.exercise(rhythm, "pl")
    # with 2W: ever bought: A (regular), B (lost) -> 1/2; of all known incl. the lead L -> 1/3
    assert ex.q3.check(0.5).status == "correct"
    assert "potencjalni" in ex.q3.check(0.3333).message
    assert "procent" in ex.q3.check(50).message
    out = ex.q4.check("primary sales and lost clients")
    assert out.status == "noted"
    assert "`" not in ex.q4.solution()._repr_markdown_()  # an open question shows no single answer


def test_reprs_carry_no_memory_addresses(tiny):
    import re

    ex = know_your_data.exercise(tiny, "en")
    for obj in (ex, ex.q1, ex.q1.check(None), ex.q1.hint()):
        assert not re.search(r"0x[0-9a-f]{6,}", repr(obj)), repr(obj)


def test_an_unknown_language_names_the_parameter(tiny):
    from salesnb.errors import ParameterError

    with pytest.raises(ParameterError, match="'language' parameter of salesnb.exercises.Exercise") as err:
        know_your_data.exercise(tiny, "de")
    assert err.value.parameter == "language" and err.value.value == "de"
    assert know_your_data.exercise(tiny, " PL ").language == "pl"  # case and spaces, as before
