"""Tests for salesnb.kano, its charts and its workshop widget (domain.md section 1; seed 000).

Expected values are computed by hand in the comments; the published worked examples are cited
where they are used (TestPublishedExamples).
"""
from __future__ import annotations

import math
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from salesnb import kano  # noqa: E402
from salesnb.errors import DataError, DataWarning, ParameterError  # noqa: E402


def survey(pairs, feature="X", start_row=2, **cols):
    """A kano_survey table from (functional, dysfunctional) pairs; index = file row (header = 1)."""
    df = pd.DataFrame({
        "respondent_id": [f"r{i}" for i in range(len(pairs))],
        "feature": feature,
        "functional": [p[0] for p in pairs],
        "dysfunctional": [p[1] for p in pairs],
        **cols,
    }, index=pd.RangeIndex(start_row, start_row + len(pairs), name="row"))
    return df


# one pair per category, from the standard table
PAIR = {"A": (1, 3), "O": (1, 5), "M": (2, 5), "I": (3, 3), "R": (5, 1), "Q": (1, 1)}


def pairs_for(**counts):
    return [PAIR[c] for c, k in counts.items() for _ in range(k)]


# ------------------------------------------------------------------------------------------
# The evaluation table, pinned cell by cell
# ------------------------------------------------------------------------------------------

# Berger et al. (1993); Sauerwein et al. (1996), fig. 6: rows functional, columns dysfunctional,
# 1 like, 2 must-be, 3 neutral, 4 live with, 5 dislike.
STANDARD_CELLS = {
    (1, 1): "Q", (1, 2): "A", (1, 3): "A", (1, 4): "A", (1, 5): "O",
    (2, 1): "R", (2, 2): "I", (2, 3): "I", (2, 4): "I", (2, 5): "M",
    (3, 1): "R", (3, 2): "I", (3, 3): "I", (3, 4): "I", (3, 5): "M",
    (4, 1): "R", (4, 2): "I", (4, 3): "I", (4, 4): "I", (4, 5): "M",
    (5, 1): "R", (5, 2): "R", (5, 3): "R", (5, 4): "R", (5, 5): "Q",
}


@pytest.mark.parametrize("cell", sorted(STANDARD_CELLS))
def test_standard_table_cell(cell):
    f, d = cell
    assert kano.EVALUATION_TABLE.loc[f, d] == STANDARD_CELLS[cell]
    assert kano.classify(f, d) == STANDARD_CELLS[cell]
    assert kano.classify(kano.ANSWERS[f], kano.ANSWERS[d]) == STANDARD_CELLS[cell]


def test_table_shape_and_copy():
    table = kano.evaluation_table()
    assert table.shape == (5, 5)
    assert list(table.index) == [1, 2, 3, 4, 5] and list(table.columns) == [1, 2, 3, 4, 5]
    table.loc[1, 1] = "A"  # a copy: the module's table is untouched
    assert kano.EVALUATION_TABLE.loc[1, 1] == "Q"
    with pytest.raises(ValueError):
        kano.evaluation_table("nonsense")


def test_pouliot_variant():
    # Berger et al. (1993, p. 33): equal answers are Q, except neutral/neutral.
    pou = kano.evaluation_table("pouliot")
    for f in range(1, 6):
        for d in range(1, 6):
            if f == d:
                assert pou.loc[f, d] == ("I" if f == 3 else "Q"), (f, d)
            else:
                assert pou.loc[f, d] == STANDARD_CELLS[(f, d)], (f, d)
    assert kano.classify(2, 2) == "I" and kano.classify(2, 2, variant="pouliot") == "Q"
    assert kano.classify(4, 4, variant="pouliot") == "Q"
    assert kano.classify(3, 3, variant="pouliot") == "I"


# ------------------------------------------------------------------------------------------
# Answers
# ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value,code", [
    (1, 1), (5, 5), (3.0, 3), ("2", 2), (" 4 ", 4), ("3.0", 3), (np.int64(5), 5),
    ("like", 1), ("I LIKE IT", 1), ("  i like it that way ", 1), ("Must-be", 2), ("expect", 2),
    ("I expect it", 2), ("neutral", 3), ("live with", 4), ("I can live with it", 4),
    ("tolerate", 4), ("dislike", 5), ("I dislike it that way", 5),
    ("podoba mi się", 1), ("Podoba mi sie", 1), ("oczekuję", 2), ("oczekuje", 2),
    ("tak musi być", 2), ("Oczekuję (tak musi być)", 2), ("I expect it (must-be)", 2), ("neutralne", 3),
    ("jest mi to obojętne", 3), ("mogę z tym żyć", 4),
    ("moge z tym zyc", 4), ("Mogę  z tym żyć.", 4), ("nie podoba mi się", 5), ("NIE PODOBA MI SIE", 5),
])
def test_answer_codes(value, code):
    assert kano.answer_code(value) == code


@pytest.mark.parametrize("value", [0, 6, -1, 2.5, "7", "maybe", "tak", "likes it a lot", True])
def test_unknown_answers(value):
    assert kano.answer_code(value) == 0


@pytest.mark.parametrize("value", [None, np.nan, "", "   ", pd.NA])
def test_blank_answers(value):
    assert kano.answer_code(value) == -1


def test_parse_answers_vectorised():
    s = pd.Series(["1", "podoba mi się", None, "x", 5, "Nie podoba mi się"], dtype=object)
    assert kano.parse_answers(s).tolist() == [1, 1, -1, 0, 5, 5]
    assert kano.parse_answers(pd.Series([1, 2, 9])).tolist() == [1, 2, 0]


def test_classify_vectorised_keeps_index():
    f = pd.Series(["like", "must-be", "neutral"], index=[10, 11, 12])
    d = pd.Series(["dislike", "dislike", "neutral"], index=[10, 11, 12])
    out = kano.classify(f, d)
    assert list(out.index) == [10, 11, 12]
    assert out.tolist() == ["O", "M", "I"]
    assert list(out.cat.categories) == list(kano.CATEGORIES)


def test_classify_unknown_is_an_error_not_q():
    f = pd.Series([1, "maybe", 2], index=[2, 3, 4])
    d = pd.Series([5, 5, None], index=[2, 3, 4])
    with pytest.raises(DataError) as err:
        kano.classify(f, d)
    text = str(err.value)
    assert "row 3" in text and "'maybe'" in text  # the unknown answer, by row
    assert "row 4" in text and "only one answer" in text  # the incomplete pair, by row
    lenient = kano.classify(f, d, strict=False)
    assert lenient.tolist()[0] == "O"
    assert lenient.isna().tolist() == [False, True, True]  # missing, never Q


# ------------------------------------------------------------------------------------------
# Formulas, each by a hand-computed case
# ------------------------------------------------------------------------------------------

def test_hand_computed_summary():
    # A=3, O=2, M=4, I=1 (n = 10)
    s = kano.summarize(survey(pairs_for(A=3, O=2, M=4, I=1))).loc["X"]
    assert s["n"] == 10 and (s["A"], s["O"], s["M"], s["I"], s["R"], s["Q"]) == (3, 2, 4, 1, 0, 0)
    assert s["share_M"] == pytest.approx(0.4)
    assert s["better"] == pytest.approx(0.5)  # (3+2)/(3+2+4+1) = 5/10
    assert s["worse"] == pytest.approx(-0.6)  # -(2+4)/10
    assert s["category_mode"] == "M"  # 4 is the largest count
    assert s["category_berger"] == "M"  # A+O+M = 9 > I+R+Q = 1 -> largest of A, O, M
    # Fong: a = 4, b = 3, n = 10: 1.65*sqrt(7*(20-7)/20) = 1.65*sqrt(4.55) = 3.5196; |4-3| = 1
    assert s["fong_difference"] == 1
    assert s["fong_threshold"] == pytest.approx(1.65 * math.sqrt(4.55))
    assert s["fong_threshold"] == pytest.approx(3.5196, abs=1e-4)
    assert not s["significant"]
    assert s["category_strength"] == pytest.approx(0.1)  # 0.4 - 0.3
    assert bool(s["mixed"]) is False  # 10% >= 6%
    assert s["total_strength"] == pytest.approx(0.9)  # 0.3 + 0.2 + 0.4


def test_r_and_q_are_left_out_of_better_worse():
    # A=2, O=1, M=1, I=1, R=3, Q=2 (n = 10); Better/Worse over A+O+M+I = 5 only
    s = kano.summarize(survey(pairs_for(A=2, O=1, M=1, I=1, R=3, Q=2))).loc["X"]
    assert s["n"] == 10
    assert s["better"] == pytest.approx(0.6)  # (2+1)/5, not 3/10
    assert s["worse"] == pytest.approx(-0.4)  # -(1+1)/5, not -2/10
    assert s["share_R"] == pytest.approx(0.3) and s["share_Q"] == pytest.approx(0.2)  # kept in shares
    assert s["category_mode"] == "R"  # 3 is the largest count
    assert s["category_berger"] == "R"  # A+O+M = 4 < I+R+Q = 6 -> largest of I, R, Q
    assert s["total_strength"] == pytest.approx(0.4)


def test_only_r_and_q_gives_empty_coefficients():
    s = kano.summarize(survey(pairs_for(R=2, Q=1))).loc["X"]
    assert math.isnan(s["better"]) and math.isnan(s["worse"])  # A+O+M+I = 0: undefined, not 0
    assert s["category_mode"] == "R"


@pytest.mark.parametrize("counts,expected", [
    # ties broken by M > O > A > I (Berger et al. 1993; Sauerwein et al. 1996, p. 9), never alphabetically
    (dict(A=3, M=3, I=1), "M"),
    (dict(A=3, O=3, I=1), "O"),
    (dict(O=2, M=2), "M"),
    (dict(A=2, I=2), "A"),
    (dict(A=3, O=3, M=3), "M"),
    (dict(I=2, R=2, Q=2), "I"),
])
def test_mode_ties(counts, expected):
    assert kano.summarize(survey(pairs_for(**counts))).loc["X", "category_mode"] == expected


def test_berger_rule_can_disagree_with_mode():
    # A=4, O=1, M=1, I=5: the mode is I (5), but A+O+M = 6 > I+R+Q = 5, so Berger's rule takes
    # the largest of A, O, M: A. Both are shown.
    s = kano.summarize(survey(pairs_for(A=4, O=1, M=1, I=5))).loc["X"]
    assert s["category_mode"] == "I" and s["category_berger"] == "A"
    assert not s["rules_agree"]


def test_berger_rule_equal_sums_take_the_second_branch():
    # A=3, I=3: A+O+M = 3 does not exceed I+R+Q = 3 -> largest of I, R, Q = I
    s = kano.summarize(survey(pairs_for(A=3, I=3))).loc["X"]
    assert s["category_berger"] == "I"
    assert s["category_mode"] == "A"  # A beats I on a tie (M > O > A > I)


def test_berger_rule_ties_inside_the_branch():
    # A=2, O=2, M=2, I=1: A+O+M = 6 > 1; A, O, M tie -> M
    assert kano.summarize(survey(pairs_for(A=2, O=2, M=2, I=1))).loc["X", "category_berger"] == "M"


def test_fong_significant_case():
    # a = 8 (M), b = 2 (O), n = 10: threshold 1.65*sqrt(10*(20-10)/20) = 1.65*sqrt(5) = 3.6895;
    # |8-2| = 6 >= 3.69 -> significant
    s = kano.summarize(survey(pairs_for(M=8, O=2))).loc["X"]
    assert s["fong_threshold"] == pytest.approx(1.65 * math.sqrt(5))
    assert s["significant"]


def test_mixed_below_six_percent():
    # A=26, I=24 (n = 50): strength 0.52 - 0.48 = 0.04 < 0.06 -> mixed
    s = kano.summarize(survey(pairs_for(A=26, I=24))).loc["X"]
    assert s["category_strength"] == pytest.approx(0.04)
    assert s["mixed"]
    # A=27, I=23: 0.54 - 0.46 = 0.08 -> not mixed
    assert not kano.summarize(survey(pairs_for(A=27, I=23))).loc["X", "mixed"]


def test_dumouchel_scores():
    # pairs: O (1,5): f 4, d 4; M (2,5): f 2, d 4; A (1,3): f 4, d 0; I (3,3): f 0, d 0
    # functional mean (4+2+4+0)/4 = 2.5; squared deviations 2.25+0.25+2.25+6.25 = 11 -> sd sqrt(11/3)
    # dysfunctional mean (4+4+0+0)/4 = 2; squared deviations 4*4 = 16 -> sd sqrt(16/3)
    df = survey([(1, 5), (2, 5), (1, 3), (3, 3), (1, 1)])  # (1,1) is Q: left out by default
    s = kano.summarize(df).loc["X"]
    assert s["functional_mean"] == pytest.approx(2.5)
    assert s["functional_sd"] == pytest.approx(math.sqrt(11 / 3))
    assert s["dysfunctional_mean"] == pytest.approx(2.0)
    assert s["dysfunctional_sd"] == pytest.approx(math.sqrt(16 / 3))
    # with the Q pair (like/like: f 4, d -2): f mean (10+4)/5 = 2.8; d mean (8-2)/5 = 1.2
    s = kano.summarize(df, scores_exclude_q=False).loc["X"]
    assert s["functional_mean"] == pytest.approx(2.8)
    assert s["dysfunctional_mean"] == pytest.approx(1.2)
    # population sd (ddof=0): d values 4,4,0,0 -> mean 2, variance 16/4 = 4 -> sd 2
    assert kano.summarize(df, ddof=0).loc["X", "dysfunctional_sd"] == pytest.approx(2.0)


def test_dumouchel_score_tables():
    assert kano.DUMOUCHEL_FUNCTIONAL == {1: 4, 2: 2, 3: 0, 4: -1, 5: -2}
    assert kano.DUMOUCHEL_DYSFUNCTIONAL == {1: -2, 2: -1, 3: 0, 4: 2, 5: 4}


def test_importance_mean():
    # importance 9, 7 and a blank: mean (9+7)/2 = 8 over 2 answers
    df = survey(pairs_for(M=3), importance=[9.0, 7.0, np.nan])
    s = kano.summarize(df).loc["X"]
    assert s["importance_mean"] == pytest.approx(8.0) and s["importance_n"] == 2
    assert "importance_mean" not in kano.summarize(survey(pairs_for(M=1))).columns


def test_by_segment_and_sorted_features():
    df = pd.concat([
        survey(pairs_for(M=2), feature="zeta", segment="big"),
        survey(pairs_for(A=1), feature="alpha", segment="big", start_row=4),
        survey(pairs_for(O=3), feature="alpha", segment="small", start_row=5),
    ])
    out = kano.summarize(df, by="segment")
    assert list(out.index) == [("big", "alpha"), ("big", "zeta"), ("small", "alpha")]
    assert out.loc[("small", "alpha"), "O"] == 3 and out.loc[("big", "zeta"), "M"] == 2
    assert list(kano.summarize(df).index) == ["alpha", "zeta"]
    assert kano.summarize(df).loc["alpha", "n"] == 4  # 1 A + 3 O


def test_summarize_counts_matches_summarize():
    pairs = pairs_for(A=5, O=3, M=7, I=2, R=1, Q=1)
    full = kano.summarize(survey(pairs))
    short = kano.summarize_counts({"A": 5, "O": 3, "M": 7, "I": 2, "R": 1, "Q": 1})
    cols = [c for c in short.columns]
    pd.testing.assert_frame_equal(full[cols].reset_index(drop=True), short.reset_index(drop=True),
                                  check_dtype=False)
    with pytest.raises(ValueError):
        kano.summarize_counts({"A": 1, "X": 2})
    with pytest.raises(ValueError):
        kano.summarize_counts({"A": -1})


# ------------------------------------------------------------------------------------------
# Published worked examples
# ------------------------------------------------------------------------------------------

class TestPublishedExamples:
    """Published tables with per-feature category counts and their Better/Worse values.

    1. Brand & Rese (2026), "Dual Response Kano method", Journal of Retailing and Consumer
       Services 89, 104596, Table 1, p. 6: counts of A, O, M, I, R, Q for three in-store
       technologies (n = 607 each) and CS+ / CS- to three decimals. The paper reclassifies
       free in-store WiFi from I (the mode) to A with the (A+O+M) > (I+R+Q) rule of Berger et
       al. (1993) -- the case where the two rules disagree.
    2. Sauerwein, Bailom, Matzler & Hinterhuber (1996), "The Kano model: how to delight your
       customers", IX Int. Working Seminar on Production Economics, Innsbruck, pp. 313-327:
       fig. 10 (p. 9) frequencies in % and fig. 11 (p. 11) coefficients for the ski example
       (edge grip: M; ease of turning: O).

    The numbers were taken from a transcription of both papers (the KANO_METHODOLOGY.md of the
    public repository billzhou-eh/kano), not read from the PDFs here; every printed coefficient
    re-computes from its counts (internal consistency), and the ease-of-turning row shows why
    R and Q must be left out: only with A+O+M+I = 97.5 (not 100) does Worse round to -0.78.
    Sauerwein's third row (service: A) is not asserted: its unrounded frequencies are not in the
    transcription, and its rounded shares give Better 0.88 against the printed 0.89.
    """

    BRAND_RESE = pd.DataFrame(
        {"A": [216, 229, 187], "O": [56, 42, 71], "M": [13, 5, 46], "I": [275, 276, 258],
         "R": [23, 33, 19], "Q": [24, 22, 26]},
        index=pd.Index(["App-based bonus program", "Smart mirror", "Free in-store WiFi"], name="feature"))
    # printed CS+ and CS- (three decimals)
    BRAND_RESE_CS = {"App-based bonus program": (0.486, -0.123), "Smart mirror": (0.491, -0.085),
                     "Free in-store WiFi": (0.459, -0.208)}

    def _expand(self, counts: pd.DataFrame) -> pd.DataFrame:
        """Answer pairs reproducing the counts (one textbook pair per category), as a survey."""
        rows = []
        for feat, row in counts.iterrows():
            for cat in kano.CATEGORIES:
                rows += [(feat,) + PAIR[cat]] * int(row[cat])
        df = pd.DataFrame(rows, columns=["feature", "functional", "dysfunctional"])
        df["respondent_id"] = df.groupby("feature").cumcount().astype(str)
        return df

    @pytest.mark.parametrize("route", ["counts", "answers"])
    def test_brand_rese_2026_table1(self, route):
        table = (kano.summarize_counts(self.BRAND_RESE) if route == "counts"
                 else kano.summarize(self._expand(self.BRAND_RESE)))
        for feat, (better, worse) in self.BRAND_RESE_CS.items():
            assert round(table.loc[feat, "better"], 3) == better
            assert round(table.loc[feat, "worse"], 3) == worse
            assert table.loc[feat, "n"] == 607
        # App-based: CS+ = (216+56)/(216+56+13+275) = 272/560 = 0.4857 -> 0.486 (R=23, Q=24 left out)
        assert table.loc["App-based bonus program", "better"] == pytest.approx(272 / 560)
        # classification: all three are I by the mode ...
        assert table["category_mode"].tolist() == ["I", "I", "I"]
        # ... and WiFi becomes A by Berger's rule: A+O+M = 187+71+46 = 304 > I+R+Q = 258+19+26 = 303
        assert table.loc["Free in-store WiFi", "category_berger"] == "A"
        assert table.loc["App-based bonus program", "category_berger"] == "I"  # 285 < 322
        assert table.loc["Smart mirror", "category_berger"] == "I"  # 276 < 331

    def test_sauerwein_1996_ski_example(self):
        # fig. 10 frequencies (%) for ease of turning: A 10.4, O 45.1, M 30.5, I 11.5; the other
        # 2.5% are R and Q (their split does not enter any value checked here).
        # Better = 55.5/97.5 = 0.5692 -> 0.57; Worse = -75.6/97.5 = -0.7754 -> -0.78 (fig. 11)
        # edge grip, fig. 11's rounded shares A 7, O 33, M 50, I 10: Better 0.40, Worse -0.83
        counts = pd.DataFrame({"A": [10.4, 7], "O": [45.1, 33], "M": [30.5, 50], "I": [11.5, 10]},
                              index=["ease of turning", "edge grip"])
        out = kano.summarize_counts(counts)
        assert round(out.loc["ease of turning", "better"], 2) == 0.57
        assert round(out.loc["ease of turning", "worse"], 2) == -0.78
        assert round(out.loc["edge grip", "better"], 2) == 0.40
        assert round(out.loc["edge grip", "worse"], 2) == -0.83
        # the published classification: edge grip a basic need, ease of turning a performance need
        assert out.loc["edge grip", "category_mode"] == "M"
        assert out.loc["ease of turning", "category_mode"] == "O"
        # had R and Q (2.5%) been put in the denominator, Worse would be -75.6/100 -> -0.76, not -0.78
        assert round(-75.6 / 100, 2) != -0.78


# ------------------------------------------------------------------------------------------
# Bad input
# ------------------------------------------------------------------------------------------

def test_unknown_answer_error_names_rows_and_values():
    df = survey([(1, 5), ("maybe", 5), (2, "nie wiem"), (3, 3)])  # rows 2..5 of the file
    with pytest.raises(DataError) as err:
        kano.summarize(df)
    msg = str(err.value)
    assert "column 'functional', row 3" in msg and "'maybe'" in msg
    assert "column 'dysfunctional', row 4" in msg and "'nie wiem'" in msg
    assert len(err.value.problems) == 2


def test_one_answer_of_pair_is_an_error():
    df = survey([(1, 5), (2, None), (None, None)])
    with pytest.raises(DataError) as err:
        kano.summarize(df)
    assert "row 3" in str(err.value) and "only one answer" in str(err.value)
    assert "row 4" not in str(err.value)  # both blank = skipped, not an error


def test_lenient_mode_reports_and_never_counts_q():
    df = survey([(1, 5), ("maybe", 5), (2, None), (None, None), (1, 1)])
    with pytest.warns(DataWarning):
        s = kano.summarize(df, strict=False).loc["X"]
    assert s["n"] == 2 and s["O"] == 1 and s["Q"] == 1  # the real Q pair (like/like) only
    assert s["n_invalid"] == 2 and s["n_skipped"] == 1
    problems = kano.check_survey(df)
    assert problems["row"].tolist() == [3, 4]
    assert problems["column"].tolist() == ["functional", "dysfunctional"]
    assert kano.check_survey(survey([(1, 5)])).empty
    twice = survey([(1, 5), (2, 5)])
    twice["respondent_id"] = "r0"  # the same respondent twice for feature X
    dup = kano.check_survey(twice)
    assert dup["row"].tolist() == [3] and "more than once" in dup.loc[0, "problem"]


def test_feature_without_valid_answers_is_kept_and_named():
    df = pd.concat([survey([(1, 5)], feature="ok"), survey([(None, None)], feature="empty", start_row=3)])
    with pytest.warns(DataWarning, match="empty"):
        out = kano.summarize(df)
    row = out.loc["empty"]
    assert row["n"] == 0 and row["n_skipped"] == 1
    assert math.isnan(row["better"]) and pd.isna(row["category_mode"]) and pd.isna(row["significant"])
    assert out.loc["ok", "category_mode"] == "O"


def test_missing_column_and_blank_feature():
    with pytest.raises(DataError, match="dysfunctional"):
        kano.summarize(survey([(1, 5)]).drop(columns="dysfunctional"))
    df = survey([(1, 5), (2, 5)])
    df.loc[3, "feature"] = "  "
    with pytest.raises(DataError, match="row 3"):
        kano.summarize(df, strict=False)  # a blank feature is always an error
    with pytest.raises(DataError):
        kano.summarize(SimpleNamespace(kano_survey=None))


def test_ints_and_mixed_inputs_and_plain_dataframe():
    df = survey([(1, "5"), ("podoba mi się", "nie podoba mi się"), (2.0, " Dislike ")])
    df = df.reset_index(drop=True)  # a plain DataFrame, default index
    assert kano.summarize(df).loc["X", "O"] == 2


def test_nullable_ints_categorical_features_and_empty_survey():
    df = pd.DataFrame({
        "respondent_id": ["a", "b", "c"],
        "feature": pd.Categorical(["x", "x", "y"], categories=["x", "y", "unused"]),
        "functional": pd.array([1, 2, None], dtype="Int64"),
        "dysfunctional": pd.array([5, 5, None], dtype="Int64"),
    })
    with pytest.warns(DataWarning, match="y"):
        out = kano.summarize(df)
    assert out.index.tolist() == ["x", "y"]  # unused categories do not appear
    assert out.loc["x", "category_mode"] == "M"  # O and M tie at 1 -> M
    assert out.loc["y", "n_skipped"] == 1
    empty = pd.DataFrame({"respondent_id": [], "feature": [], "functional": [], "dysfunctional": []})
    assert len(kano.summarize(empty)) == 0


# ------------------------------------------------------------------------------------------
# A company object (duck typing)
# ------------------------------------------------------------------------------------------

def _company(language="pl"):
    kano_survey = pd.concat([
        survey(pairs_for(M=6, O=2), feature="Terminowa dostawa"),
        survey(pairs_for(A=6, I=2), feature="Darmowa kawa", start_row=10),
        survey(pairs_for(O=5, M=2, A=1), feature="Śledzenie online", start_row=20),
    ])
    satisfaction = pd.DataFrame({
        "customer_id": "c1", "date": pd.Timestamp("2025-01-01"),
        "criterion": ["terminowa dostawa"] * 4 + ["Śledzenie online"] * 2,
        # delivery: (2+3+3+4)/4 = 3.0 < 3.5 -> scores badly; tracking: (5+4)/2 = 4.5
        "score": [2, 3, 3, 4, 5, 4],
    })
    return SimpleNamespace(kano_survey=kano_survey, satisfaction=satisfaction, language=language)


def test_company_object_and_priorities():
    comp = _company()
    assert list(kano.summarize(comp).index) == ["Darmowa kawa", "Terminowa dostawa", "Śledzenie online"]
    pr = kano.priorities(comp)
    # M first, then O, then A
    assert pr.order.index.tolist() == ["Terminowa dostawa", "Śledzenie online", "Darmowa kawa"]
    assert pr.order["rank"].tolist() == [1, 2, 3]
    assert pr.order.loc["Terminowa dostawa", "score_mean"] == pytest.approx(3.0)
    assert pr.order.loc["Terminowa dostawa", "share_low"] == pytest.approx(0.75)  # 2, 3, 3 of 4 are <= 3
    assert pr.order.loc["Terminowa dostawa", "scores_badly"]
    assert pr.order.loc["Terminowa dostawa", "action"].startswith("1.")
    assert pr.warnings["delighter"].tolist() == ["Darmowa kawa"]
    assert pr.warnings["basic_need"].tolist() == ["Terminowa dostawa"]
    assert "Nie inwestuj" in pr.warnings.loc[0, "message"]  # the company's language (pl)
    # the articles' rule: 75% of the ratings are 3 or lower (open or hidden dissatisfaction); mean 3,00
    assert "75%" in pr.warnings.loc[0, "message"] and "3,00" in pr.warnings.loc[0, "message"]  # decimal comma


def test_priorities_use_the_latest_wave():
    # wave 1: delivery is a performance need (O); wave 2 (latest): it has become a basic need (M)
    df = pd.concat([
        survey(pairs_for(O=5, M=1), feature="delivery", wave="2024-05-01"),
        survey(pairs_for(A=5, I=1), feature="coffee", wave="2024-05-01", start_row=10),
        survey(pairs_for(M=5, O=1), feature="delivery", wave="2025-05-01", start_row=20),
        survey(pairs_for(A=4, I=2), feature="coffee", wave="2025-05-01", start_row=30),
    ])
    sat = pd.DataFrame({"criterion": ["delivery"] * 2, "score": [3, 3]})  # mean 3.0 < 3.5
    latest = kano.priorities(df, satisfaction=sat)
    assert latest.params["wave"] == "2025-05-01"
    assert latest.order.loc["delivery", "category"] == "M"
    assert latest.warnings[["delighter", "basic_need"]].values.tolist() == [["coffee", "delivery"]]
    first = kano.priorities(df, satisfaction=sat, wave="2024-05-01")
    assert first.order.loc["delivery", "category"] == "O" and first.warnings.empty
    pooled = kano.priorities(df, satisfaction=sat, wave=None)  # delivery: O 6, M 6 -> tie -> M
    assert pooled.params["wave"] is None and pooled.order.loc["delivery", "n"] == 12
    with pytest.raises(ValueError, match="not in the survey"):
        kano.priorities(df, wave="2023")


def test_priorities_thresholds_and_plan():
    comp = _company("en")
    # the mean rule alone (the articles' share rule off): 3.0 is not below 3.0
    assert kano.priorities(comp, threshold=3.0, max_share_low=None).warnings.empty
    # by default the articles' rule: more than half of the ratings are 1-3 (here 75%)
    assert len(kano.priorities(comp).warnings) == 1
    assert kano.priorities(comp, max_share_low=0.8).warnings.empty
    # share of scores <= 3 is 0.75 > 0.5 -> scores badly even with a low mean threshold
    assert len(kano.priorities(comp, threshold=1.0, max_share_low=0.5).warnings) == 1
    assert kano.priorities(comp, planned=["Śledzenie online"]).warnings.empty  # no delighter planned
    w = kano.priorities(comp, planned=["darmowa KAWA"]).warnings
    assert w["delighter"].tolist() == ["Darmowa kawa"] and "Do not invest" in w.loc[0, "message"]
    assert "3.00" in w.loc[0, "message"]  # English: decimal point
    # without ratings no basic need can be shown to score badly: no warnings
    no_sat = SimpleNamespace(kano_survey=comp.kano_survey, satisfaction=None, language="en")
    assert kano.priorities(no_sat).warnings.empty


def test_priorities_basic_needs_worst_first():
    df = pd.concat([survey(pairs_for(M=5), feature="a"), survey(pairs_for(M=5), feature="b", start_row=10)])
    sat = pd.DataFrame({"criterion": ["a", "a", "b", "b"], "score": [4, 4, 2, 3]})
    order = kano.priorities(df, satisfaction=sat).order
    assert order.index.tolist() == ["b", "a"]  # b: mean 2.5 is worse than a: 4.0


def test_performance_table():
    perf = kano.performance(_company().satisfaction)
    assert perf.loc["terminowa dostawa", "score_mean"] == pytest.approx(3.0)
    assert perf.loc["Śledzenie online", "score_n"] == 2


# ------------------------------------------------------------------------------------------
# Waves
# ------------------------------------------------------------------------------------------

def _waves(labels=("01.10.2023", "2024-03-31")):
    w1, w2 = labels
    return pd.concat([
        survey(pairs_for(A=6, I=2), feature="tracking", wave=w2),  # listed first in the file
        survey(pairs_for(O=5, A=2, M=1), feature="tracking", wave=w1, start_row=20),
        survey(pairs_for(M=5, I=1), feature="invoice", wave=w2, start_row=30),
        survey(pairs_for(M=5, O=1), feature="invoice", wave=w1, start_row=40),
    ])


def test_waves_in_time_order_and_changes():
    # the file lists the 2024 wave first; the dates put 01.10.2023 (Polish dd.mm.yyyy) first
    df = _waves(("01.10.2023", "2024-03-31"))
    assert df["wave"].iloc[0] == "2024-03-31"
    ws = kano.summarize_waves(df)
    assert [w for w, _ in ws.index] == ["01.10.2023", "01.10.2023", "2024-03-31", "2024-03-31"]
    ch = kano.category_changes(ws)
    # tracking: O (5 of 8) in 2023 -> A (6 of 8) in 2024 is not a decay; labels only
    assert ch["feature"].tolist() == ["tracking"]
    assert (ch.loc[0, "category_from"], ch.loc[0, "category_to"]) == ("O", "A")
    assert not ch.loc[0, "decay"]
    full = kano.category_changes(ws, only_changed=False)
    assert full["feature"].tolist() == ["invoice", "tracking"] and full["changed"].tolist() == [False, True]


def test_wave_labels_keep_first_appearance_and_decay():
    df = _waves(("wave 2", "wave 1"))  # labels, not dates: kept in order of first appearance
    assert df["wave"].iloc[0] == "wave 1"
    ws = kano.summarize_waves(df)
    first = ws.index.get_level_values(0)[0]
    assert first == "wave 1"
    ch = kano.category_changes(ws)
    # tracking: A in wave 1 -> O in wave 2: a delighter decaying into a performance need
    assert ch[["category_from", "category_to", "decay"]].values.tolist() == [["A", "O", True]]
    assert kano.category_changes(kano.summarize_waves(df, order=["wave 2", "wave 1"])).loc[0, "decay"] == False  # noqa: E712
    with pytest.raises(DataError):
        kano.summarize_waves(survey([(1, 5)]))


# ------------------------------------------------------------------------------------------
# Simulation for sample data
# ------------------------------------------------------------------------------------------

def test_simulation_cells_belong_to_their_category():
    for cat, cells in kano.SIMULATION_CELLS.items():
        for f, d in cells:
            assert kano.EVALUATION_TABLE.loc[f, d] == cat, (cat, f, d)


def test_simulate_answers_round_trip():
    sim = kano.simulate_answers({"M": 0.6, "O": 0.3, "I": 0.1}, 500, rng=7)
    assert len(sim) == 500
    assert (kano.classify(sim["functional"], sim["dysfunctional"]).astype(object) == sim["category"]).all()
    again = kano.simulate_answers({"M": 0.6, "O": 0.3, "I": 0.1}, 500, rng=7)
    pd.testing.assert_frame_equal(sim, again)  # deterministic
    assert set(sim["category"]) == {"M", "O", "I"}
    share_m = (sim["category"] == "M").mean()
    assert 0.5 < share_m < 0.7
    words = kano.simulate_answers({"A": 1}, 20, rng=1, words="pl")
    assert kano.classify(words["functional"], words["dysfunctional"]).eq("A").all()
    with pytest.raises(ValueError):
        kano.simulate_answers({"Z": 1}, 5)


# ------------------------------------------------------------------------------------------
# Properties
# ------------------------------------------------------------------------------------------

answer_pairs = st.lists(st.tuples(st.sampled_from(["f1", "f2", "f3"]), st.integers(1, 5), st.integers(1, 5)),
                        min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(answer_pairs)
def test_properties_of_summary(rows):
    df = pd.DataFrame(rows, columns=["feature", "functional", "dysfunctional"])
    df["respondent_id"] = "r"
    out = kano.summarize(df)
    counts = out[list(kano.CATEGORIES)]
    # counts partition the answers, feature by feature
    assert (counts.sum(axis=1) == out["n"]).all()
    assert out["n"].sum() == len(df)
    classified = kano.classify(df["functional"], df["dysfunctional"])
    expected = classified.groupby(df["feature"], observed=False).value_counts()
    for (feat, cat), k in expected.items():
        assert out.loc[feat, cat] == k
    # shares sum to 1
    shares = out[[f"share_{c}" for c in kano.CATEGORIES]].sum(axis=1)
    assert np.allclose(shares, 1.0)
    b, w = out["better"].dropna(), out["worse"].dropna()
    assert ((b >= 0) & (b <= 1)).all() and ((w >= -1) & (w <= 0)).all()
    assert ((out["category_strength"] >= 0) & (out["category_strength"] <= 1 + 1e-12)).all()
    for feat, row in out.iterrows():
        assert row[row["category_mode"]] == counts.loc[feat].max()  # the mode has the largest count
        assert row["total_strength"] == pytest.approx(row["share_A"] + row["share_O"] + row["share_M"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=6, max_size=6).filter(lambda c: sum(c) > 0))
def test_properties_of_counts(c):
    counts = dict(zip(kano.CATEGORIES, c, strict=True))
    s = kano.summarize_counts(counts).iloc[0]
    A, O, M, I, R, Q = c  # noqa: E741 -- the categories' own letters
    if A + O + M + I:
        assert s["better"] == pytest.approx((A + O) / (A + O + M + I))
        assert s["worse"] == pytest.approx(-(O + M) / (A + O + M + I))
        # Better - Worse = 1 + (O - I)/(A+O+M+I): the two coefficients share the base
        assert s["better"] - s["worse"] == pytest.approx(1 + (O - I) / (A + O + M + I))
    berger = s["category_berger"]
    assert berger in (("A", "O", "M") if A + O + M > I + R + Q else ("I", "R", "Q"))
    assert counts[berger] == max(counts[k] for k in (("A", "O", "M") if A + O + M > I + R + Q else ("I", "R", "Q")))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=40))
def test_pouliot_only_moves_answers_to_q(pairs):
    df = survey(pairs)
    std = kano.summarize(df).loc["X"]
    pou = kano.summarize(df, variant="pouliot").loc["X"]
    assert pou["Q"] >= std["Q"] and pou["I"] <= std["I"] and pou["n"] == std["n"]
    assert pou["Q"] - std["Q"] == std["I"] - pou["I"]  # only I answers (2,2) and (4,4) move


# ------------------------------------------------------------------------------------------
# Labels, charts, widget
# ------------------------------------------------------------------------------------------

def test_labels():
    assert kano.category_label("A", "pl") == "czynnik zachwytu"
    assert kano.category_label("M", "pl") == "oczekiwanie podstawowe"
    assert kano.answer_label(4, "pl") == "mogę to zaakceptować"
    for k in kano.ANSWERS:  # the Polish questionnaire words parse back to their codes
        assert kano.answer_code(kano.answer_label(k, "pl")) == k
        assert kano.answer_code(kano.answer_label(k, "en")) == k
    out = kano.label_summary(kano.summarize(survey(pairs_for(M=2))), "pl")
    assert "Kategoria (dominanta)" in out.columns and out.index.name == "Cecha"
    assert out.iloc[0]["Kategoria (dominanta)"] == "oczekiwanie podstawowe"


@pytest.mark.parametrize("language", ["en", "pl"])
def test_charts(language):
    from salesnb.i18n import t
    from salesnb.plots import kano as pk

    summ = kano.summarize(_company().kano_survey)
    ws = kano.summarize_waves(_waves())
    figs = [pk.diagram_chart(language), pk.better_worse_chart(summ, language),
            pk.category_shares_chart(summ, language), pk.waves_chart(ws, language)]
    titles = [t("kano_diagram_title", language), t("kano_bw_title", language),
              t("kano_shares_title", language), t("kano_waves_title", language)]
    for fig, title in zip(figs, titles, strict=True):
        assert isinstance(fig, matplotlib.figure.Figure)
        assert " ".join(fig.axes[0].get_title().split()).startswith(title)  # long titles wrap
        plt.close(fig)
    # quadrant geometry: a basic need sits bottom right (|Worse| high, Better low)
    fig = pk.better_worse_chart(summ, language)
    offsets = np.vstack([c.get_offsets() for c in fig.axes[0].collections])
    assert offsets[:, 0].min() >= 0 and offsets[:, 1].max() <= 1
    plt.close(fig)


def test_charts_bypass_pyplot_and_old_names_still_work():
    from salesnb.plots import kano as pk

    # built as a bare Figure: a notebook shows the returned chart once, pyplot holds nothing
    plt.close("all")
    ws = kano.summarize_waves(_waves())
    fig = pk.plot_waves(ws, "en")  # the old name
    assert isinstance(fig, matplotlib.figure.Figure) and plt.get_fignums() == []
    assert (pk.plot_kano_diagram, pk.plot_better_worse, pk.plot_category_shares, pk.plot_waves) == (
        pk.diagram_chart, pk.better_worse_chart, pk.category_shares_chart, pk.waves_chart)


def test_workshop_batch_twin():
    from salesnb.widgets import kano as wk

    # (like, dislike) = O; (must-be, dislike) and its Polish twin = M; two (like, neutral) = A
    out = wk.workshop_summary(pairs=[("like", "dislike"), (2, 5), ("oczekuję", "nie podoba mi się")],
                              counts={(1, 3): 2}, feature="wifi").loc["wifi"]
    assert (out["A"], out["O"], out["M"], out["n"]) == (2, 1, 2, 5)
    assert out["category_mode"] == "M"  # A and M tie at 2: M > O > A > I
    assert out["better"] == pytest.approx(0.6) and out["worse"] == pytest.approx(-0.6)  # 3/5, -3/5
    with pytest.raises(ValueError):
        wk.workshop_summary(pairs=[("like", "maybe")])
    grid = np.zeros((5, 5), dtype=int)
    grid[0, 4] = 3  # three (like, dislike)
    assert wk.workshop_summary(counts=grid).iloc[0]["category_mode"] == "O"
    assert wk.workshop_summary().iloc[0]["n"] == 0


def test_workshop_widget_updates(live_widgets):
    pytest.importorskip("ipywidgets")
    from salesnb.widgets import kano as wk

    box = wk.kano_workshop("wifi", language="en")
    result = box.children[-1]
    assert "No answers yet" in result.value
    add = box.children[3].children[0]
    add.click()  # default dropdowns: like / dislike -> O
    assert "<b>O</b>" in result.value and "1.00" in result.value  # Better = 1/1
    box.children[3].children[1].click()  # clear
    assert "No answers yet" in result.value


def test_iso_date_waves_are_ordered_in_time_not_day_first():
    # 2024-03-01 must not be read as 3 January, nor 2024-02-05 as 2 May
    rows = []
    for wave, cat_pair in (("2024-03-01", ("3", "5")), ("2024-01-20", ("1", "3")), ("2024-02-05", ("1", "5"))):
        rows += [{"respondent_id": f"{wave}-{i}", "feature": "f", "functional": cat_pair[0],
                  "dysfunctional": cat_pair[1], "wave": wave} for i in range(5)]
    survey = pd.DataFrame(rows)
    waves = kano.summarize_waves(survey)
    assert list(dict.fromkeys(waves.index.get_level_values(0))) == ["2024-01-20", "2024-02-05", "2024-03-01"]
    # A (like/neutral) -> O (like/dislike) -> M (neutral/dislike): the decay the article describes
    ch = kano.category_changes(waves)
    assert list(zip(ch["category_from"], ch["category_to"], strict=True)) == [("A", "O"), ("O", "M")]
    assert ch["decay"].all()
    _, latest = kano.select_wave(survey)
    assert latest == "2024-03-01"


# ------------------------------------------------------------------------------------------
# Arguments: one set-up path, and a ParameterError that names the parameter
# ------------------------------------------------------------------------------------------

def _bad_arguments():
    """(function, call with one bad argument, the parameter named) for every public Kano function."""
    from salesnb.plots import kano as pk
    from salesnb.widgets import kano as wk

    surv = survey(pairs_for(M=3, O=1))
    waves = _waves()
    comp = _company("en")
    summ = kano.summarize(comp)
    return [
        (kano.setup_parameters, lambda: kano.setup_parameters("summarize", rule="median"), "rule"),
        (kano.wave_order, lambda: kano.wave_order(pd.Series(["w1", "w2"]), order=["w1"]), "order"),
        (kano.evaluation_table, lambda: kano.evaluation_table("nonsense"), "variant"),
        (kano.category_codes, lambda: kano.category_codes(np.array([1]), np.array([1, 2])), "dysfunctional"),
        (kano.answer_code, lambda: kano.answer_code(["like", "dislike"]), "value"),
        (kano.parse_answers, lambda: kano.parse_answers("like"), "values"),
        (kano.answer_label, lambda: kano.answer_label(7), "code"),
        (kano.category_label, lambda: kano.category_label("Z"), "category"),
        (kano.labelled_evaluation_table, lambda: kano.labelled_evaluation_table("kano2"), "variant"),
        (kano.label_summary, lambda: kano.label_summary(summ, language="de"), "language"),
        (kano.parse_survey, lambda: kano.parse_survey(surv, variant="kano"), "variant"),
        (kano.classify, lambda: kano.classify(1, 5, strict="yes"), "strict"),
        (kano.classify_survey, lambda: kano.classify_survey(surv, variant="kano"), "variant"),
        (kano.check_survey, lambda: kano.check_survey(42), "data"),
        (kano.select_wave, lambda: kano.select_wave(waves, wave="2030"), "wave"),
        (kano.summarize, lambda: kano.summarize(surv, by="region"), "by"),
        (kano.summarize_counts, lambda: kano.summarize_counts({"A": 1}, mixed_below=2), "mixed_below"),
        (kano.summarize_waves, lambda: kano.summarize_waves(waves, order=["01.10.2023"]), "order"),
        (kano.category_changes, lambda: kano.category_changes(kano.summarize_waves(waves), rule="median"), "rule"),
        (kano.performance, lambda: kano.performance(comp, low_score=0), "low_score"),
        (kano.priorities, lambda: kano.priorities(comp, threshold="high"), "threshold"),
        (kano.simulate_answers, lambda: kano.simulate_answers({"M": 1}, n=-1), "n"),
        (pk.diagram_chart, lambda: pk.diagram_chart(language="de"), "language"),
        (pk.better_worse_chart, lambda: pk.better_worse_chart(summ, split=1.5), "split"),
        (pk.category_shares_chart, lambda: pk.category_shares_chart(summ, rule="median"), "rule"),
        (pk.waves_chart, lambda: pk.waves_chart(summ), "wave_summary"),
        (wk.pair_counts, lambda: wk.pair_counts(counts=np.ones((4, 4))), "counts"),
        (wk.category_counts, lambda: wk.category_counts(wk.pair_counts(), variant="kano"), "variant"),
        (wk.workshop_summary, lambda: wk.workshop_summary(pairs=[("like", "maybe")]), "pairs"),
        (wk.kano_workshop, lambda: wk.kano_workshop(language="de"), "language"),
    ]


_BAD = {f.__name__: (call, parameter) for f, call, parameter in _bad_arguments()}
_NAMED = {"setup_parameters": "summarize"}  # the set-up path names the function it sets up


@pytest.mark.parametrize("name", sorted(_BAD))
def test_a_bad_argument_raises_parameter_error_naming_it(name):
    from salesnb.errors import ParameterError

    call, parameter = _BAD[name]
    with pytest.raises(ParameterError) as err:
        call()
    assert isinstance(err.value, DataError)  # one except clause handles bad data and bad arguments
    assert err.value.parameter == parameter
    text = str(err.value)
    function = _NAMED.get(name, name)
    assert f"The '{parameter}' parameter of salesnb." in text and f".{function} must be " in text and "Got " in text


def test_every_public_function_is_in_the_bad_argument_table():
    import inspect

    from salesnb.plots import kano as pk
    from salesnb.widgets import kano as wk

    listed = {f for f, _, _ in _bad_arguments()}
    for module in (kano, pk, wk):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                assert obj in listed, f"{module.__name__}.{name} needs a bad-argument case"


def test_parameter_error_message():
    from salesnb.errors import ParameterError

    with pytest.raises(ParameterError, match=r"^The 'variant' parameter of salesnb\.kano\.evaluation_table must "
                                             r"be one of 'standard', 'pouliot'\. Got 'nonsense' instead\.$"):
        kano.evaluation_table("nonsense")


def test_setup_parameters_resolves_language_wave_and_rule():
    comp = _company("pl")
    p = kano.setup_parameters("priorities", comp, language=None, rule="Berger", wave="latest", strict=True)
    assert (p.language, p.rule, p.column, p.wave, p.strict) == ("pl", "berger", "category_berger", None, True)
    assert p.function == "salesnb.kano.priorities" and p.survey is comp.kano_survey
    assert kano.setup_parameters("summarize", language=None).language == "en"
    table = survey([(1, 5)], language="pl")  # a column called language is not the company's language
    assert kano.setup_parameters("summarize", table, language=None).language == "en"
    waves = _waves(("wave 2", "wave 1"))
    assert kano.setup_parameters("select_wave", waves, wave="LATEST").wave == "wave 2"
    assert kano.setup_parameters("select_wave", waves, wave_order=["wave 2", "wave 1"], wave="latest").wave == "wave 1"
    assert kano.setup_parameters("select_wave", waves, wave=None).wave is None
    with pytest.raises(TypeError, match="unexpected keyword"):
        kano.setup_parameters("summarize", colour="red")  # a parameter without a check is a bug
    # arguments passed on to summarize are checked, and named, as the function called
    with pytest.raises(DataError, match=r"'variant' parameter of salesnb\.kano\.priorities"):
        kano.priorities(comp, variant="kano")
    with pytest.raises(DataError, match=r"'ddof' parameter of salesnb\.kano\.summarize_waves"):
        kano.summarize_waves(waves, ddof=-1)
    with pytest.raises(TypeError, match="unexpected keyword"):
        kano.summarize_waves(waves, varaint="pouliot")
    # a wave order missing a wave is named as the function calls it
    with pytest.raises(DataError, match=r"'wave_order' parameter of salesnb\.kano\.priorities"):
        kano.priorities(waves, wave_order=["wave 2"])
    with pytest.raises(DataError, match=r"'order' parameter of salesnb\.kano\.select_wave"):
        kano.select_wave(waves, order=["wave 1"])
    with pytest.raises(DataError, match=r"'wave_order' parameter of salesnb\.kano\.summarize"):
        kano.summarize(waves, by="wave", wave_order=["wave 1"])
    with pytest.raises(DataError, match="no Kano survey"):
        kano.setup_parameters("summarize", SimpleNamespace(kano_survey=None))


def test_public_names_one_concept_per_module_and_layering():
    import ast
    import importlib
    import inspect
    import pkgutil
    import re
    from pathlib import Path

    modules = {m.name: importlib.import_module(f"salesnb.kano.{m.name}") for m in pkgutil.iter_modules(kano.__path__)}
    union = [n for m in modules.values() for n in m.__all__]
    assert len(union) == len(set(union)) and set(union) == set(kano.__all__)
    assert "select_wave" in kano.__all__
    for m in modules.values():
        for name in m.__all__:
            assert getattr(kano, name) is getattr(m, name)
        own = [n for n, o in vars(m).items() if not n.startswith("_") and getattr(o, "__module__", None) == m.__name__
               and (inspect.isfunction(o) or inspect.isclass(o))]
        assert set(own) <= set(m.__all__), m.__name__
    extra = {n for n in dir(kano) if not n.startswith("_")} - set(kano.__all__) - set(modules) - {"annotations"}
    assert not extra
    allowed = {"errors", "validation", "periods", "io", "params", "i18n"}
    for path in Path(kano.__file__).parent.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("salesnb") for a in node.names), path.name  # relative imports
            if isinstance(node, ast.ImportFrom):
                assert node.level > 0 or not (node.module or "").startswith("salesnb"), path.name
                if node.level == 1:
                    assert not any(a.name.startswith("_") for a in node.names), (path.name, node.module)
                if node.level == 2:
                    assert (node.module or "").split(".")[0] in allowed, (path.name, node.module)
    src = Path(kano.__file__).parents[1]
    for front in ("plots/kano.py", "widgets/kano.py"):
        text = (src / front).read_text(encoding="utf-8")
        assert not re.search(r"\bkano\._", text) and "from ..kano" not in text, front


def test_public_functions_have_numpydoc_with_polish_names():
    import inspect

    from salesnb.plots import kano as pk
    from salesnb.widgets import kano as wk

    for module in (kano, pk, wk):
        for name in module.__all__:
            obj = getattr(module, name)
            if not inspect.isfunction(obj) or obj.__name__ != name:  # the old chart names are aliases
                continue
            doc = inspect.getdoc(obj) or ""
            assert "(PL: " in doc.splitlines()[0], name
            for section in ("Parameters\n---", "Returns\n---", "Raises\n---"):
                assert section in doc or (section.startswith("Parameters") and not inspect.signature(obj).parameters), \
                    (name, section)
            assert "seed 0" not in doc and "domain.md" not in doc, name  # articles are cited by title


def test_polish_report_names_the_coefficients_in_polish_and_strength_as_a_percentage():
    from salesnb import present

    ws = kano.summarize_waves(_waves())
    changes = kano.category_changes(ws, only_changed=False)
    html = present.show(changes.drop(columns=["significant_from", "significant_to"]), "pl",
                        prefixes=("kano_col_",)).to_html()
    for header in ("Wsp. satysfakcji (Better) – wcześniej", "Wsp. satysfakcji (Better) – później",
                   "Wsp. niezadowolenia (Worse) – wcześniej", "Wsp. niezadowolenia (Worse) – później"):
        assert header in html, header
    assert "Better wcześniej" not in html and "Worse później" not in html
    # category strength 0.1 (0.4 - 0.3) is a share: 10,0% / 10.0%, like the 6% line the text names
    summ = kano.summarize(survey(pairs_for(A=4, O=3, M=2, I=1)))
    assert summ.iloc[0]["category_strength"] == pytest.approx(0.1)
    for lang, text in (("pl", "10,0%"), ("en", "10.0%")):
        assert text in present.show(summ[["category_strength"]], lang, prefixes=("kano_col_",)).to_html()


def test_the_satisfaction_warning_reads_the_last_12_months_of_answers():
    # T = 31 Dec 2025: the period starts 31 Dec 2024 (a rating exactly a year old counts)
    comp = _company("en")
    old = pd.DataFrame({"customer_id": "c2", "date": pd.Timestamp("2024-12-30"), "criterion": "terminowa dostawa",
                        "score": [1] * 6})  # a day too old: left out
    edge = pd.DataFrame({"customer_id": "c3", "date": pd.Timestamp("2024-12-31"), "criterion": "terminowa dostawa",
                         "score": [5, 5, 5, 5]})  # exactly a year old: counted
    later = pd.DataFrame({"customer_id": "c4", "date": pd.Timestamp("2026-01-02"), "criterion": "terminowa dostawa",
                          "score": [1]})  # after T: left out
    comp.satisfaction = pd.concat([comp.satisfaction, old, edge, later], ignore_index=True)
    comp.as_of = pd.Timestamp("2025-12-31")
    perf = kano.performance(comp)
    # delivery in the period: 2, 3, 3, 4 (1 Jan 2025) and 5, 5, 5, 5 -> 3 of 8 answers are <= 3
    assert perf.loc["terminowa dostawa", "score_n"] == 8
    assert perf.loc["terminowa dostawa", "share_low"] == pytest.approx(3 / 8)
    assert perf.attrs["since"] == pd.Timestamp("2024-12-31") and perf.attrs["as_of"] == pd.Timestamp("2025-12-31")
    pr = kano.priorities(comp)
    assert pr.order.loc["Terminowa dostawa", "share_low"] == pytest.approx(3 / 8) and pr.warnings.empty
    assert pr.params["satisfaction_since"] == pd.Timestamp("2024-12-31")
    # over two years the six 1s of 30 Dec 2024 count: 9 of 14 answers are <= 3 -> a warning naming the period
    two = kano.priorities(comp, satisfaction_months=24)
    assert two.order.loc["Terminowa dostawa", "share_low"] == pytest.approx(9 / 14)
    message = two.warnings.loc[0, "message"]
    assert "64% of the answers from 31 Dec 2023 to 31 Dec 2025" in message
    comp.params = {"service": {"survey_every_months": 24}}  # the company's survey period
    assert kano.priorities(comp).order.loc["Terminowa dostawa", "share_low"] == pytest.approx(9 / 14)
    pl = kano.priorities(comp, as_of="2025-12-31", language="pl").warnings.loc[0, "message"]
    assert "64% odpowiedzi z okresu 31.12.2023 – 31.12.2025" in pl
    with pytest.raises(ParameterError, match="satisfaction_months"):
        kano.priorities(comp, satisfaction_months=0)
    with pytest.raises(ParameterError, match="as_of"):
        kano.performance(comp, as_of="soon")


def test_a_basic_need_action_says_whether_the_survey_rates_it_badly_or_well():
    comp = _company("en")
    pr = kano.priorities(comp, as_of="2025-06-30")
    assert pr.order.loc["Terminowa dostawa", "action"] == "1. fix first: a basic need served badly"
    # the same basic need rated 5, 5, 4, 5: served well -> keep it up, and no warning
    comp.satisfaction["score"] = [5, 5, 4, 5, 5, 4]
    pr = kano.priorities(comp, as_of="2025-06-30")
    assert pr.order.loc["Terminowa dostawa", "action"] == "1. keep up: a basic need served well"
    assert pr.warnings.empty
    # no ratings of it at all: first, with nothing said about how it is served
    comp.satisfaction["criterion"] = "Śledzenie online"
    assert kano.priorities(comp, as_of="2025-06-30").order.loc["Terminowa dostawa", "action"] == \
        "1. first: a basic need"
