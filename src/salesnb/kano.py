"""Kano analysis (PL: analiza Kano): which features are basic needs, performance needs, delighters.

The article (seed 000; domain.md section 1) builds on Kano's model (Kano et al. 1984): a feature
is a **basic need** (must-be, M; PL "podstawowa"), a **performance need** (one-dimensional, O;
PL "wymaganie świadome"), a **delighter** (attractive, A; PL "czynnik zachwytu"), or, from the
questionnaire method, **indifferent** (I), **reverse** (R) or **questionable** (Q). Two lessons a
trainer must be able to show with data:

1. satisfaction is not fixed: delighters decay into performance and basic needs as clients
   learn (:func:`summarize_waves`, :func:`category_changes`);
2. there is no point investing in delighters while basic needs are unmet (:func:`priorities`).

The method (Berger et al. 1993; Sauerwein et al. 1996)
--------------------------------------------------------
Each respondent answers, for each feature, a *functional* question ("if the feature is present,
how do you feel?") and a *dysfunctional* one ("if it is absent?") on five answers. This module
numbers them in the usual questionnaire order:

====  ====================  ==========================  =====================
code  answer                Polish                       other accepted words
====  ====================  ==========================  =====================
1     like                  podoba mi się                "I like it (that way)", "enjoy", "lubię to"
2     must-be / expect      oczekuję (tak musi być)      "I expect it", "it must be that way", "wymagam"
3     neutral               neutralne (obojętne)         "I am neutral", "nie ma to znaczenia"
4     live with             mogę z tym żyć               "I can live with it", "tolerate", "accept"
5     dislike               nie podoba mi się            "I dislike it (that way)", "nie lubię tego"
====  ====================  ==========================  =====================

Answers may be these codes (``1``-``5`` as numbers or text) or the words in English or Polish,
in any case, with extra spaces, with or without Polish diacritics ("podoba mi sie"); see
:data:`ANSWER_WORDS`. The pair is mapped to a category by the 5x5 evaluation table
(:data:`EVALUATION_TABLE`, rows = functional, columns = dysfunctional).

Bad input (decided here, tested in ``tests/test_kano.py``)
------------------------------------------------------------
* an answer outside the scale, or a pair with only one of its two answers: with ``strict=True``
  (the default) a :class:`~salesnb.errors.DataError` lists every such row (the survey's index,
  i.e. the row number in the source file) and value; with ``strict=False`` those rows are left out
  of every count and reported in the summary's ``n_invalid`` column and by :func:`check_survey`.
  **An unknown answer is never counted as Q**: Q is only what the evaluation table says it is.
* a row with *both* answers blank is a question the respondent skipped: it is not an error, it is
  counted in ``n_skipped`` and left out.
* a feature with no valid answer pair stays in the summary with ``n = 0``, empty (NaN)
  coefficients and no category, and a :class:`~salesnb.errors.DataWarning` names it.
* a missing required column or a blank feature name is always an error.

References
----------
Kano N., Seraku N., Takahashi F., Tsuji S. (1984) Attractive quality and must-be quality,
Hinshitsu (Quality) 14(2), 39-48. Berger C. et al. (1993) Kano's methods for understanding
customer-defined quality, Center for Quality of Management Journal 2(4), 3-36. Sauerwein E.,
Bailom F., Matzler K., Hinterhuber H. H. (1996) The Kano model: how to delight your customers,
IX International Working Seminar on Production Economics, Innsbruck, 313-327. Fong D. (1996)
Using the self-stated importance questionnaire to interpret Kano questionnaire results, Center
for Quality of Management Journal 5(3), 21-24. Lee M. C., Newcomb J. F. (1997) Applying the Kano
methodology to meet customer requirements: NASA's microgravity science program, Quality
Management Journal 4(3), 95-110.
"""
from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, DataWarning, Problem
from .i18n import check_language, t

__all__ = [
    "CATEGORIES", "ANSWERS", "ANSWER_WORDS", "EVALUATION_TABLE", "POULIOT_TABLE", "MODE_ORDER",
    "DUMOUCHEL_FUNCTIONAL", "DUMOUCHEL_DYSFUNCTIONAL", "INVESTMENT_ORDER",
    "evaluation_table", "answer_code", "parse_answers", "classify", "classify_survey",
    "check_survey", "summarize", "summarize_counts", "summarize_waves", "category_changes",
    "performance", "priorities", "Priorities", "simulate_answers", "category_label",
    "answer_label", "label_summary", "SIMULATION_CELLS", "FONG_Z",
]

# --------------------------------------------------------------------------------------------
# The scale and the evaluation table
# --------------------------------------------------------------------------------------------

#: The six categories, in the order tables and charts show them.
CATEGORIES: tuple[str, ...] = ("A", "O", "M", "I", "R", "Q")

#: Answer codes 1-5 and their English keys (the usual questionnaire order).
ANSWERS: dict[int, str] = {1: "like", 2: "must-be", 3: "neutral", 4: "live-with", 5: "dislike"}

_STANDARD = [
    # dysfunctional: like must-be neutral live-with dislike     functional:
    ["Q", "A", "A", "A", "O"],  # 1 like
    ["R", "I", "I", "I", "M"],  # 2 must-be
    ["R", "I", "I", "I", "M"],  # 3 neutral
    ["R", "I", "I", "I", "M"],  # 4 live with
    ["R", "R", "R", "R", "Q"],  # 5 dislike
]


def _table_frame(cells: list[list[str]]) -> pd.DataFrame:
    idx = pd.Index(list(ANSWERS), name="functional")
    cols = pd.Index(list(ANSWERS), name="dysfunctional")
    return pd.DataFrame(cells, index=idx, columns=cols)


#: The standard Kano evaluation table (Berger et al. 1993; Sauerwein et al. 1996, fig. 6):
#: rows = functional answer 1-5, columns = dysfunctional answer 1-5 (1 like, 2 must-be,
#: 3 neutral, 4 live with, 5 dislike). Like/dislike = O; like with a milder absence = A; a
#: dislike-when-absent without a like-when-present = M; the middle 3x3 block = I; preferring the
#: feature absent = R; like/like and dislike/dislike = Q (a contradictory pair).
EVALUATION_TABLE: pd.DataFrame = _table_frame(_STANDARD)

#: Pouliot's variant (Berger et al. 1993, p. 33): equal functional and dysfunctional answers are
#: Q (questionable), except neutral/neutral, which stays I.
POULIOT_TABLE: pd.DataFrame = _table_frame(
    [[("Q" if (f == d and f != 2) else c) for d, c in enumerate(row)] for f, row in enumerate(_STANDARD)]
)

_TABLES = {"standard": EVALUATION_TABLE, "pouliot": POULIOT_TABLE}


def evaluation_table(variant: str = "standard") -> pd.DataFrame:
    """The Kano evaluation table (PL: tabela oceny Kano) as a 5x5 DataFrame (a copy).

    ``variant="standard"``: Berger et al. (1993), Sauerwein et al. (1996);
    ``variant="pouliot"``: Pouliot's variant, equal answers are Q except neutral/neutral
    (Berger et al. 1993, p. 33). Rows are the functional answer code, columns the dysfunctional.
    """
    try:
        return _TABLES[variant].copy()
    except KeyError:
        raise ValueError(f"variant must be one of {tuple(_TABLES)}, not {variant!r}") from None


def _lookup(variant: str) -> np.ndarray:
    """A 6x6 array of category codes, index 0 = invalid/missing answer (gives -1)."""
    table = evaluation_table(variant).to_numpy()
    out = np.full((6, 6), -1, dtype=np.int8)
    code = {c: i for i, c in enumerate(CATEGORIES)}
    for f in range(5):
        for d in range(5):
            out[f + 1, d + 1] = code[table[f, d]]
    return out


# --------------------------------------------------------------------------------------------
# Answers: codes, English and Polish words
# --------------------------------------------------------------------------------------------

#: Accepted answer words -> code, after normalisation (lower case, single spaces, no Polish
#: diacritics, no surrounding punctuation). Codes 1-5 are accepted as numbers or text.
ANSWER_WORDS: dict[str, int] = {}


def _norm(text: str) -> str:
    text = text.strip().lower().replace("ł", "l")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("_", " ").replace("-", " ").replace("’", "'")
    text = re.sub(r"[\"'.,;:!?()\[\]]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_WORDS = {
    1: ["like", "i like it", "i like it that way", "i would like it", "i like", "like it",
        "enjoy", "i enjoy it", "i enjoy it that way", "delighted", "i would be delighted",
        "podoba mi się", "to mi się podoba", "podoba się", "podoba", "lubię to", "lubię",
        "bardzo mi się podoba", "cieszy mnie to", "cieszyłoby mnie to", "byłbym zadowolony",
        "byłabym zadowolona", "zadowolony", "zadowolona"],
    2: ["must-be", "must be", "it must be that way", "must be that way", "expect", "expected",
        "i expect it", "i expect it that way", "expect it", "i am expecting it to be that way",
        "it is a basic requirement", "basic requirement", "required",
        "oczekuję", "oczekuję tego", "oczekuje tego", "tak musi być", "musi tak być", "musi być",
        "wymagam", "wymagam tego", "to oczywiste", "oczywiste", "to konieczne", "konieczne",
        "zakładam to", "spodziewam się tego"],
    3: ["neutral", "i am neutral", "i'm neutral", "i feel neutral", "neutral to me", "indifferent",
        "i don't care", "i do not care", "doesn't matter", "does not matter",
        "neutralne", "neutralnie", "neutralny", "neutralna", "jestem neutralny", "jestem neutralna",
        "obojętne", "obojętnie", "jest mi to obojętne", "to mi obojętne", "wszystko jedno",
        "nie ma to znaczenia", "bez znaczenia", "nie ma znaczenia"],
    4: ["live with", "live-with", "live with it", "i can live with it", "i can live with it that way",
        "can live with it", "i can live with that", "tolerate", "i can tolerate it", "tolerate it",
        "accept", "i can accept it", "i can accept it to be that way", "i can accept that",
        "mogę z tym żyć", "moge z tym zyc", "mogę z tym żyć.", "da się z tym żyć", "mogę to znieść",
        "mogę to zaakceptować", "akceptuję", "akceptuję to", "toleruję", "toleruję to",
        "mogę to tolerować", "jakoś to przeżyję", "przeżyję to"],
    5: ["dislike", "i dislike it", "i dislike it that way", "dislike it", "i don't like it",
        "i do not like it", "i would dislike it",
        "nie podoba mi się", "to mi się nie podoba", "nie podoba się", "nie podoba",
        "nie lubię tego", "nie lubię", "przeszkadza mi to", "przeszkadzałoby mi to",
        "byłbym niezadowolony", "byłabym niezadowolona", "niezadowolony", "niezadowolona"],
}
for _code, _words in _WORDS.items():
    for _w in _words:
        ANSWER_WORDS[_norm(_w)] = _code
for _code in ANSWERS:
    ANSWER_WORDS[str(_code)] = _code
del _code, _words, _w

_MISSING = -1  # code for a blank answer
_UNKNOWN = 0  # code for an answer outside the scale


def answer_code(value: Any) -> int:
    """The answer code 1-5 of one answer (PL: kod odpowiedzi); 0 if unknown, -1 if blank.

    Accepts the codes (``3``, ``3.0``, ``"3"``, ``" 3 "``) and English or Polish words in any
    case and with or without diacritics (:data:`ANSWER_WORDS`).
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return _MISSING
    if isinstance(value, (bool, np.bool_)):
        return _UNKNOWN
    if isinstance(value, (int, np.integer)):
        return int(value) if 1 <= int(value) <= 5 else _UNKNOWN
    if isinstance(value, (float, np.floating)):
        if np.isnan(value):
            return _MISSING
        return int(value) if float(value).is_integer() and 1 <= value <= 5 else _UNKNOWN
    if isinstance(value, str):
        text = _norm(value)
        if not text:
            return _MISSING
        if text in ANSWER_WORDS:
            return ANSWER_WORDS[text]
        bare = _norm(re.sub(r"\(.*?\)", " ", value))  # "oczekuję (tak musi być)" -> "oczekuje"
        if bare in ANSWER_WORDS:
            return ANSWER_WORDS[bare]
        m = re.fullmatch(r"([1-5])(?:[ .]0+)?", text)  # "3.0" (the dot became a space)
        return int(m.group(1)) if m else _UNKNOWN
    return _UNKNOWN


def parse_answers(values: pd.Series | Sequence | np.ndarray) -> np.ndarray:
    """Answer codes for many answers at once (PL: kody odpowiedzi), vectorised over unique values.

    The scale of Berger et al. (1993) / Sauerwein et al. (1996); words as in :func:`answer_code`.

    Returns an int8 array: 1-5 the answer, 0 an answer outside the scale, -1 a blank answer.
    """
    s = values if isinstance(values, pd.Series) else pd.Series(list(values) if not isinstance(values, np.ndarray) else values)
    if isinstance(s.dtype, np.dtype) and s.dtype.kind in "iu":  # plain ints (nullable Int64 below)
        arr = s.to_numpy()
        return np.where((arr >= 1) & (arr <= 5), arr, _UNKNOWN).astype(np.int8)
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    mapped = np.array([answer_code(u) for u in uniques] + [_MISSING], dtype=np.int8)
    return mapped[codes]  # code -1 (NaN) picks the appended _MISSING


def answer_label(code: int, language: str | None = "en") -> str:
    """The questionnaire wording of answer ``code`` 1-5 in ``language`` (PL: etykieta odpowiedzi)."""
    return t(f"kano_answer_{code}", language)


def category_label(category: str, language: str | None = "en") -> str:
    """The name of a Kano category in ``language``: A 'attractive' / PL 'atrakcyjna (czynnik zachwytu)'."""
    return t(f"kano_cat_{category}", language)


# --------------------------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------------------------

def _file_of(frame: pd.DataFrame, default: str = "kano_survey") -> str:
    for key in ("source", "file", "path"):
        if key in frame.attrs:
            return str(frame.attrs[key])
    return default


def _as_series(x: Any, name: str) -> pd.Series:
    if isinstance(x, pd.Series):
        return x
    if np.ndim(x) == 0:
        return pd.Series([x], name=name)
    return pd.Series(list(x) if not isinstance(x, np.ndarray) else x, name=name)


def _answer_problems(f: np.ndarray, d: np.ndarray, fs: pd.Series, ds: pd.Series, file: str,
                     fcol: str = "functional", dcol: str = "dysfunctional") -> list[Problem]:
    problems = []
    for codes, raw, col in ((f, fs, fcol), (d, ds, dcol)):
        bad = codes == _UNKNOWN
        if bad.any():
            problems.append(Problem(
                file, "answer outside the Kano scale.",
                "use 1-5 (1 like, 2 must-be/expect, 3 neutral, 4 live with, 5 dislike) or those "
                "words in English or Polish (e.g. 'podoba mi się', 'oczekuję', 'neutralne', "
                "'mogę z tym żyć', 'nie podoba mi się').",
                column=col, rows=list(raw.index[bad]), values=list(raw[bad])))
    half = (f == _MISSING) != (d == _MISSING)
    if half.any():
        rows = fs.index[half]
        problems.append(Problem(
            file, "only one answer of the functional/dysfunctional pair is given.",
            "fill in both answers, or leave both blank if the respondent skipped the feature.",
            column=f"{fcol}/{dcol}", rows=list(rows),
            values=[f"{a!r}/{b!r}" for a, b in zip(fs[half], ds[half])]))
    return problems


def classify(functional: Any, dysfunctional: Any, variant: str = "standard",
             strict: bool = True) -> Any:
    """Kano category of each (functional, dysfunctional) answer pair (PL: kategoria Kano odpowiedzi).

    The standard 5x5 evaluation table (Berger et al. 1993; Sauerwein et al. 1996), or Pouliot's
    variant with ``variant="pouliot"`` (Berger et al. 1993, p. 33). Vectorised: pass two scalars
    (returns a str), or two equal-length sequences / Series (returns a categorical Series with
    categories :data:`CATEGORIES`, index of ``functional`` if it is a Series).

    An answer outside the scale or an incomplete pair raises :class:`DataError` naming the
    positions (index values); with ``strict=False`` it gives a missing category (never Q). A pair
    with both answers blank always gives a missing category.
    """
    scalar = np.ndim(functional) == 0 and np.ndim(dysfunctional) == 0 and not isinstance(functional, pd.Series)
    fs, ds = _as_series(functional, "functional"), _as_series(dysfunctional, "dysfunctional")
    if len(fs) != len(ds):
        raise ValueError(f"functional and dysfunctional differ in length ({len(fs)} vs {len(ds)})")
    ds = pd.Series(ds.to_numpy(), index=fs.index, name=ds.name)
    f, d = parse_answers(fs), parse_answers(ds)
    if strict:
        problems = _answer_problems(f, d, fs, ds, None)
        if problems:
            raise DataError(problems)
    codes = _lookup(variant)[np.clip(f, 0, 5), np.clip(d, 0, 5)]
    cat = pd.Categorical.from_codes(codes, categories=list(CATEGORIES))
    if scalar:
        v = cat[0]
        return None if pd.isna(v) else str(v)
    return pd.Series(cat, index=fs.index, name="category")


# --------------------------------------------------------------------------------------------
# Survey input
# --------------------------------------------------------------------------------------------

_REQUIRED = ("respondent_id", "feature", "functional", "dysfunctional")


def _survey_of(data: Any) -> tuple[pd.DataFrame, str]:
    """The kano_survey DataFrame (and its file name) from a DataFrame or a loaded company."""
    if isinstance(data, pd.DataFrame):
        return data, _file_of(data)
    survey = getattr(data, "kano_survey", None)
    if survey is None:
        raise DataError(Problem(None, "this dataset has no Kano survey (kano_survey table).",
                                "add a kano_survey file to the company folder (docs/data-format.md)."))
    sources = getattr(data, "sources", None) or {}
    return survey, str(sources.get("kano_survey", _file_of(survey)))


def _language_of(data: Any, language: str | None) -> str:
    if language is not None:
        return check_language(language)
    return check_language(getattr(data, "language", None))


@dataclass
class _Parsed:
    frame: pd.DataFrame
    file: str
    f: np.ndarray
    d: np.ndarray
    cat: np.ndarray  # category code per row, -1 = not counted
    valid: np.ndarray
    skipped: np.ndarray
    invalid: np.ndarray
    problems: list[Problem]


def _blank_names(col: pd.Series) -> np.ndarray:
    """True where a name is missing or only spaces (checked over the unique values: fast)."""
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    blank_u = np.array([isinstance(u, str) and not u.strip() for u in uniques] + [True], dtype=bool)
    return blank_u[codes]


def _parse(data: Any, variant: str, strict: bool, require_feature: bool = True) -> _Parsed:
    frame, file = _survey_of(data)
    missing = [c for c in _REQUIRED if c not in frame.columns]
    if not require_feature:
        missing = [c for c in missing if c not in ("respondent_id", "feature")]
    if missing:
        raise DataError(Problem(file, f"the Kano survey lacks column(s) {', '.join(missing)}.",
                                "the kano_survey table needs respondent_id, feature, functional and "
                                "dysfunctional (docs/data-format.md)."))
    fs, ds = frame["functional"], frame["dysfunctional"]
    f, d = parse_answers(fs), parse_answers(ds)
    problems = _answer_problems(f, d, fs, ds, file)
    if require_feature:
        blank = _blank_names(frame["feature"])
        if blank.any():
            # always an error: an answer pair that belongs to no feature cannot be counted
            raise DataError(problems + [Problem(file, "the feature name is blank.",
                                                "name the feature asked about in every row.",
                                                column="feature", rows=list(frame.index[blank]))])
    if strict and problems:
        raise DataError(problems)
    skipped = (f == _MISSING) & (d == _MISSING)
    invalid = ((f == _UNKNOWN) | (d == _UNKNOWN) | ((f == _MISSING) != (d == _MISSING)))
    cat = _lookup(variant)[np.clip(f, 0, 5), np.clip(d, 0, 5)].astype(np.int8)
    cat[skipped | invalid] = -1
    return _Parsed(frame, file, f, d, cat, cat >= 0, skipped, invalid, problems)


def check_survey(data: Any) -> pd.DataFrame:
    """Every problem in a Kano survey, one line per bad row (PL: kontrola ankiety Kano).

    Columns: ``row`` (the survey's index = row number in the source file), ``column``,
    ``value`` and ``problem``. Empty when the survey is clean. Never raises for bad answers.
    Besides the errors :func:`summarize` stops on (answers outside the scale, half-answered
    pairs, blank feature names) it lists repeated answers: a respondent answering the same
    feature twice (in the same wave), which :func:`summarize` counts twice -- worth a look.
    """
    p = _parse(data, "standard", strict=False, require_feature=False)
    frame = p.frame
    out = []
    for codes, col in ((p.f, "functional"), (p.d, "dysfunctional")):
        bad = codes == _UNKNOWN
        out.append(pd.DataFrame({"row": frame.index[bad], "column": col,
                                 "value": frame[col][bad].astype(object).to_numpy(),
                                 "problem": "answer outside the Kano scale"}))
    half = (p.f == _MISSING) != (p.d == _MISSING)
    out.append(pd.DataFrame({"row": frame.index[half], "column": np.where(p.f[half] == _MISSING, "functional", "dysfunctional"),
                             "value": None, "problem": "only one answer of the pair given"}))
    if "feature" in frame.columns:
        blank = _blank_names(frame["feature"])
        out.append(pd.DataFrame({"row": frame.index[blank], "column": "feature", "value": None,
                                 "problem": "blank feature name"}))
    keys = [c for c in ("respondent_id", "feature", "wave") if c in frame.columns]
    if {"respondent_id", "feature"} <= set(keys):
        dup = frame.duplicated(keys, keep="first").to_numpy() & ~p.skipped
        out.append(pd.DataFrame({"row": frame.index[dup], "column": "respondent_id",
                                 "value": frame["respondent_id"][dup].astype(object).to_numpy(),
                                 "problem": "the respondent answered this feature more than once"
                                            + (" in this wave" if "wave" in keys else "")}))
    res = pd.concat(out, ignore_index=True)
    return res.sort_values(["row", "column"], kind="stable").reset_index(drop=True)


def classify_survey(data: Any, variant: str = "standard", strict: bool = True) -> pd.DataFrame:
    """The survey with a ``category`` column: each answer pair's Kano category (PL: klasyfikacja).

    Also ``functional_code`` and ``dysfunctional_code`` (1-5, missing if blank or unknown).
    Rows left out of the counts (skipped, or invalid with ``strict=False``) have no category.
    """
    p = _parse(data, variant, strict)
    out = p.frame.copy()
    out["functional_code"] = pd.array(np.where(p.f > 0, p.f, 0), dtype="Int8")
    out["dysfunctional_code"] = pd.array(np.where(p.d > 0, p.d, 0), dtype="Int8")
    out.loc[p.f <= 0, "functional_code"] = pd.NA
    out.loc[p.d <= 0, "dysfunctional_code"] = pd.NA
    out["category"] = pd.Categorical.from_codes(p.cat, categories=list(CATEGORIES))
    return out


# --------------------------------------------------------------------------------------------
# Summary per feature
# --------------------------------------------------------------------------------------------

#: Tie-break for the mode (Berger et al. 1993; Sauerwein et al. 1996, p. 9: "M > O > A > I"):
#: on equal counts the category with the larger effect on the product wins; R and Q come last.
MODE_ORDER: tuple[str, ...] = ("M", "O", "A", "I", "R", "Q")

#: DuMouchel's scores (Berger et al. 1993, section IVb): functional answer -> score.
DUMOUCHEL_FUNCTIONAL: dict[int, float] = {1: 4.0, 2: 2.0, 3: 0.0, 4: -1.0, 5: -2.0}
#: DuMouchel's scores: dysfunctional answer -> score.
DUMOUCHEL_DYSFUNCTIONAL: dict[int, float] = {1: -2.0, 2: -1.0, 3: 0.0, 4: 2.0, 5: 4.0}

#: Fong's (1996) critical value (one-sided 5%, normal approximation).
FONG_Z = 1.65

_COUNT_COLS = list(CATEGORIES)
_SHARE_COLS = [f"share_{c}" for c in CATEGORIES]


def _pick(counts: np.ndarray, order: Sequence[str], subset: Sequence[str] | None = None) -> np.ndarray:
    """Index (into CATEGORIES) of the largest count per row, ties by ``order``; -1 if all zero."""
    cols = [CATEGORIES.index(c) for c in order if subset is None or c in subset]
    sub = counts[:, cols]
    best = np.asarray(cols)[np.argmax(sub, axis=1)]  # argmax takes the first = highest priority
    return np.where(sub.max(axis=1) > 0, best, -1)


def _categorical(codes: np.ndarray, index: pd.Index) -> pd.Series:
    return pd.Series(pd.Categorical.from_codes(codes, categories=list(CATEGORIES)), index=index)


def summarize_counts(counts: pd.DataFrame | Mapping[str, float] | pd.Series,
                     mixed_below: float = 0.06) -> pd.DataFrame:
    """The Kano summary from category counts per feature (PL: podsumowanie z liczebności kategorii).

    ``counts``: a DataFrame with columns A, O, M, I, R, Q (missing columns count as 0; one row
    per feature) or one mapping/Series of counts (one feature). Counts may be percentages.
    Returns what :func:`summarize` returns, without the answer-level columns (DuMouchel scores,
    importance). This is the batch twin of the workshop widget and the route for published
    tables that only print counts.

    Columns:

    * ``n``: valid answer pairs; ``A`` ... ``Q``: counts; ``share_A`` ... ``share_Q``: counts / n;
    * ``category_mode``: the most frequent category, ties broken by M > O > A > I > R > Q
      (Berger et al. 1993; Sauerwein et al. 1996, p. 9);
    * ``category_berger``: Berger et al.'s (1993) rule: if A+O+M > I+R+Q the largest of A, O, M
      (ties M > O > A), else the largest of I, R, Q (ties I > R > Q); ``rules_agree``;
    * ``better`` = (A+O)/(A+O+M+I) and ``worse`` = -(O+M)/(A+O+M+I): Berger et al.'s (1993,
      Timko) customer-satisfaction coefficients (Sauerwein et al. 1996, p. 10); R and Q answers
      are left out of both, as the literature prescribes;
    * ``fong_difference`` = |a-b|, ``fong_threshold`` = 1.65*sqrt((a+b)(2n-a-b)/(2n)) with a, b
      the two largest counts and n all answers; ``significant`` = difference >= threshold
      (Fong 1996: not significant when |a-b| < threshold);
    * ``category_strength`` = top share minus second share, ``mixed`` = strength below
      ``mixed_below`` (6%, Lee & Newcomb 1997); ``total_strength`` = share A + O + M.
    """
    if isinstance(counts, (Mapping, pd.Series)) and not isinstance(counts, pd.DataFrame):
        counts = pd.DataFrame([dict(counts)])
    counts = counts.copy()
    extra = [c for c in counts.columns if c not in CATEGORIES]
    if extra:
        raise ValueError(f"count columns must be among {CATEGORIES}; unexpected: {extra}")
    for c in CATEGORIES:
        if c not in counts.columns:
            counts[c] = 0
    counts = counts[_COUNT_COLS]
    c = counts.to_numpy(dtype=float)
    if (c < 0).any() or not np.isfinite(c).all():
        raise ValueError("category counts must be finite and non-negative")
    return _metrics(c, counts.index, mixed_below, counts_frame=counts)


def _metrics(c: np.ndarray, index: pd.Index, mixed_below: float,
             counts_frame: pd.DataFrame | None = None) -> pd.DataFrame:
    A, O, M, I, R, Q = (c[:, i] for i in range(6))
    n = c.sum(axis=1)
    out = counts_frame.copy() if counts_frame is not None else pd.DataFrame(
        c.astype(np.int64), index=index, columns=_COUNT_COLS)
    out.insert(0, "n", n if counts_frame is not None and (c % 1).any() else n.astype(np.int64))
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = c / n[:, None]
        for i, col in enumerate(_SHARE_COLS):
            out[col] = shares[:, i]
        mode = _pick(c, MODE_ORDER)
        positive = (A + O + M) > (I + R + Q)
        b_pos = _pick(c, ("M", "O", "A"), ("M", "O", "A"))
        b_neg = _pick(c, ("I", "R", "Q"), ("I", "R", "Q"))
        berger = np.where(positive, b_pos, b_neg)
        berger = np.where(n > 0, berger, -1)
        out["category_mode"] = _categorical(mode, index)
        out["category_berger"] = _categorical(berger, index)
        out["rules_agree"] = pd.array(np.where(n > 0, mode == berger, False), dtype="boolean")
        out.loc[n == 0, "rules_agree"] = pd.NA
        base = A + O + M + I
        out["better"] = np.where(base > 0, (A + O) / base, np.nan)
        out["worse"] = np.where(base > 0, -(O + M) / base + 0.0, np.nan)  # + 0.0: no "-0.0"
        top2 = -np.sort(-c, axis=1)[:, :2]
        a, b = top2[:, 0], top2[:, 1]
        out["fong_difference"] = np.where(n > 0, np.abs(a - b), np.nan)
        out["fong_threshold"] = np.where(n > 0, FONG_Z * np.sqrt((a + b) * (2 * n - a - b) / (2 * n)), np.nan)
        sig = out["fong_difference"].to_numpy() >= out["fong_threshold"].to_numpy()
        out["significant"] = pd.array(sig, dtype="boolean")
        out.loc[n == 0, "significant"] = pd.NA
        s2 = -np.sort(-shares, axis=1)[:, :2]
        out["category_strength"] = s2[:, 0] - s2[:, 1]
        mixed = pd.array(out["category_strength"].to_numpy() < mixed_below, dtype="boolean")
        out["mixed"] = mixed
        out.loc[n == 0, "mixed"] = pd.NA
        out["total_strength"] = shares[:, 0] + shares[:, 1] + shares[:, 2]
    return out


def _group_codes(frame: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """Group id per row and a frame of the (sorted) group keys."""
    codes, levels = [], []
    for k in keys:
        col = frame[k]
        if isinstance(col.dtype, pd.CategoricalDtype):
            col = col.astype(object)
        c, u = pd.factorize(col, sort=True, use_na_sentinel=False)
        codes.append(c)
        levels.append(u)
    shape = tuple(len(u) for u in levels)
    flat = np.ravel_multi_index(codes, shape) if codes else np.zeros(len(frame), dtype=np.int64)
    uniq, inv = np.unique(flat, return_inverse=True)
    parts = np.unravel_index(uniq, shape)
    keys_frame = pd.DataFrame({k: np.asarray(u, dtype=object)[p] for k, u, p in zip(keys, levels, parts)})
    return inv.reshape(-1), keys_frame


def select_wave(data: Any, wave: Any = "latest", order: Sequence | None = None) -> tuple[pd.DataFrame, Any]:
    """The survey rows of one wave, and which wave that is (PL: wybór fali badania).

    ``wave="latest"`` takes the last wave in time order (dates when every label is a date,
    otherwise the order of first appearance, or ``order``); ``None`` or a survey without waves
    gives every row and ``None``.
    """
    frame, file = _survey_of(data)
    used = None
    if wave is not None and "wave" in frame.columns and frame["wave"].notna().any():
        waves = _wave_order(frame["wave"], order)
        used = waves[-1] if wave == "latest" else wave
        if used not in waves:
            raise ValueError(f"wave {wave!r} is not in the survey; waves: {waves}")
        frame = frame[frame["wave"] == used]
    frame.attrs["source"] = file  # errors still name the file
    return frame, used


def _wave_dates(labels: list[str]) -> pd.Series | None:
    """Wave labels as dates when every one is ISO (2024-03-01) or Polish (01.03.2024); else None.

    Each form is read with its own fixed format, so 2024-03-01 is never taken day-first.
    """
    from .io import parse_date

    parsed, problems = parse_date(pd.Series(labels, dtype=object), None, "wave")
    return None if problems or parsed.isna().any() else parsed


def _wave_order(values: pd.Series, order: Sequence | None) -> list:
    uniq = list(pd.unique(values.dropna()))
    if order is not None:
        unknown = [w for w in uniq if w not in list(order)]
        if unknown:
            raise ValueError(f"waves {unknown} are not in the given order {list(order)}")
        return [w for w in order if w in uniq]
    dates = _wave_dates(uniq) if uniq and all(isinstance(w, str) for w in uniq) else None
    if isinstance(values.dtype, pd.DatetimeTZDtype) or values.dtype.kind == "M":
        return sorted(uniq)
    if dates is not None and dates.notna().all():
        return [w for _, w in sorted(zip(dates, uniq), key=lambda x: x[0])]
    return uniq  # labels: the order of first appearance in the file


def summarize(data: Any, by: str | Sequence[str] | None = None, variant: str = "standard",
              strict: bool = True, mixed_below: float = 0.06, ddof: int = 1,
              scores_exclude_q: bool = True, wave_order: Sequence | None = None) -> pd.DataFrame:
    """Kano summary per feature (PL: podsumowanie Kano dla każdej cechy).

    ``data``: the kano_survey table (respondent_id, feature, functional, dysfunctional, optional
    importance, wave, segment ...) or a loaded company with ``.kano_survey``. ``by``: optional
    column(s) to split by first, e.g. ``"segment"`` or ``"wave"``. Rows are sorted by the ``by``
    keys (waves in time order) and feature name.

    Columns: those of :func:`summarize_counts` (counts and shares of A/O/M/I/R/Q, the dominant
    category by the mode and by Berger's rule, Better/Worse, Fong's significance, category and
    total strength), plus

    * ``n_skipped``: pairs left blank; ``n_invalid``: pairs left out as invalid (``strict=False``);
    * ``functional_mean``/``functional_sd`` and ``dysfunctional_mean``/``dysfunctional_sd``:
      DuMouchel's continuous scores (Berger et al. 1993: functional like 4, must-be 2, neutral 0,
      live with -1, dislike -2; dysfunctional like -2, must-be -1, neutral 0, live with 2,
      dislike 4), mean and standard deviation (``ddof``, default 1 = sample) over the valid
      pairs; Q pairs (contradictory answers) are left out unless ``scores_exclude_q=False``;
    * ``importance_mean``, ``importance_n``: self-stated importance (Berger et al. 1993, IIb;
      Fong 1996) over the counted pairs, when the survey has an ``importance`` column.

    Bad answers: see the module docstring (``strict``). ``variant``: evaluation table
    (``"standard"`` or ``"pouliot"``).
    """
    p = _parse(data, variant, strict)
    frame = p.frame
    keys = ([by] if isinstance(by, str) else list(by or [])) + ["feature"]
    missing = [k for k in keys if k not in frame.columns]
    if missing:
        raise DataError(Problem(p.file, f"the Kano survey has no column(s) {', '.join(missing)} to split by.",
                                "split by a column the survey has (e.g. segment or wave)."))
    if not strict and p.invalid.any():
        warnings.warn(f"{int(p.invalid.sum())} Kano answer pair(s) outside the scale or incomplete were left "
                      f"out (see kano.check_survey).", DataWarning, stacklevel=2)
    gid, key_frame = _group_codes(frame, keys)
    g = len(key_frame)
    valid = p.valid
    counts = np.bincount(gid[valid] * 6 + p.cat[valid], minlength=g * 6).reshape(g, 6)
    index = pd.MultiIndex.from_frame(key_frame) if len(keys) > 1 else pd.Index(key_frame["feature"], name="feature")
    out = _metrics(counts.astype(float), index, mixed_below)
    out["n_skipped"] = np.bincount(gid[p.skipped], minlength=g)
    out["n_invalid"] = np.bincount(gid[p.invalid], minlength=g)

    # DuMouchel's continuous scores
    use = valid & (p.cat != CATEGORIES.index("Q")) if scores_exclude_q else valid
    fscore = np.zeros(6)
    dscore = np.zeros(6)
    for k, v in DUMOUCHEL_FUNCTIONAL.items():
        fscore[k] = v
    for k, v in DUMOUCHEL_DYSFUNCTIONAL.items():
        dscore[k] = v
    gu = gid[use]
    m = np.bincount(gu, minlength=g).astype(float)
    for name, sc, codes in (("functional", fscore, p.f), ("dysfunctional", dscore, p.d)):
        x = sc[np.clip(codes[use], 0, 5)]
        s1 = np.bincount(gu, weights=x, minlength=g)
        s2 = np.bincount(gu, weights=x * x, minlength=g)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(m > 0, s1 / m, np.nan)
            var = np.where(m - ddof > 0, (s2 - m * mean ** 2) / (m - ddof), np.nan)
        out[f"{name}_mean"] = mean
        out[f"{name}_sd"] = np.sqrt(np.clip(var, 0, None))
    if "importance" in frame.columns:
        imp = pd.to_numeric(frame["importance"], errors="coerce").to_numpy(dtype=float)
        ok = valid & ~np.isnan(imp)
        cnt = np.bincount(gid[ok], minlength=g)
        tot = np.bincount(gid[ok], weights=imp[ok], minlength=g)
        with np.errstate(invalid="ignore", divide="ignore"):
            out["importance_mean"] = np.where(cnt > 0, tot / np.maximum(cnt, 1), np.nan)
        out["importance_n"] = cnt
    empty = out.index[out["n"].to_numpy() == 0]
    if len(empty):
        warnings.warn(f"Kano feature(s) with no valid answer pair: {', '.join(map(str, empty))}; "
                      f"they are kept with n = 0 and no category.", DataWarning, stacklevel=2)
    if "wave" in keys[:-1]:
        # waves in time order (or first appearance), not alphabetically
        pos = {w: i for i, w in enumerate(_wave_order(frame["wave"], wave_order))}
        sk = []
        for i, k in enumerate(keys):
            level = out.index.get_level_values(i)
            sk.append(np.array([pos.get(w, len(pos)) for w in level]) if k == "wave"
                      else pd.factorize(level, sort=True)[0])
        out = out.iloc[np.lexsort(sk[::-1])]
    return out


# --------------------------------------------------------------------------------------------
# Waves: satisfaction is not fixed
# --------------------------------------------------------------------------------------------

_DECAY_RANK = {"A": 0, "O": 1, "M": 2}


def summarize_waves(data: Any, wave: str = "wave", order: Sequence | None = None,
                    **kwargs: Any) -> pd.DataFrame:
    """The Kano summary per survey wave and feature (PL: podsumowanie dla kolejnych fal badania).

    Waves are ordered in time when every label is a date (ISO or Polish ``31.03.2024``),
    otherwise in the order they first appear in the survey; ``order`` overrides. Index
    (wave, feature); other keyword arguments go to :func:`summarize`.
    """
    frame, _ = _survey_of(data)
    if wave not in frame.columns:
        raise DataError(Problem(_file_of(frame), f"the Kano survey has no '{wave}' column, so waves cannot be compared.",
                                "add a wave column (a date or a label per survey round)."))
    if wave != "wave":
        frame = frame.rename(columns={wave: "wave"})
    return summarize(frame, by="wave", wave_order=order, **kwargs)


def category_changes(wave_summary: pd.DataFrame, rule: str = "mode", only_changed: bool = True,
                     significant_only: bool = False) -> pd.DataFrame:
    """Features whose Kano category changed between consecutive waves (PL: zmiany kategorii w czasie).

    The article's first lesson, "satisfaction is not fixed" (seed 000; domain.md section 1):
    delighters decay into performance needs and performance needs into basic needs as clients
    learn. ``wave_summary`` comes from :func:`summarize_waves`; ``rule``: ``"mode"`` or
    ``"berger"``. One row per feature and pair of consecutive waves in which it was asked:
    ``wave_from``, ``wave_to``, ``category_from``, ``category_to``, Better/Worse before and
    after, ``decay`` (True for A->O, A->M, O->M, the direction Kano predicts). With
    ``only_changed=False`` unchanged features are listed too; ``significant_only`` keeps changes
    whose both categories pass Fong's test.
    """
    col = {"mode": "category_mode", "berger": "category_berger"}.get(rule)
    if col is None:
        raise ValueError("rule must be 'mode' or 'berger'")
    if not isinstance(wave_summary.index, pd.MultiIndex) or wave_summary.index.nlevels != 2:
        raise ValueError("category_changes needs the (wave, feature) table from summarize_waves")
    ws = wave_summary.reset_index()
    wave_col, feat_col = ws.columns[0], ws.columns[1]
    ws["_pos"] = pd.factorize(ws[wave_col])[0]  # the table is already in wave order
    ws = ws[ws["n"] > 0].sort_values([feat_col, "_pos"], kind="stable")
    prev = ws.groupby(feat_col, sort=False).shift(1)
    has_prev = prev["_pos"].notna()
    cur, prev = ws[has_prev], prev[has_prev]
    out = pd.DataFrame({
        "feature": cur[feat_col].to_numpy(),
        "wave_from": prev[wave_col].to_numpy(), "wave_to": cur[wave_col].to_numpy(),
        "category_from": prev[col].astype(object).to_numpy(), "category_to": cur[col].astype(object).to_numpy(),
        "better_from": prev["better"].to_numpy(dtype=float), "better_to": cur["better"].to_numpy(dtype=float),
        "worse_from": prev["worse"].to_numpy(dtype=float), "worse_to": cur["worse"].to_numpy(dtype=float),
        "significant_from": prev["significant"].astype(object).to_numpy(),
        "significant_to": cur["significant"].astype(object).to_numpy(),
        "_pos": cur["_pos"].to_numpy(),
    })
    out["changed"] = out["category_from"] != out["category_to"]
    out["decay"] = [(a in _DECAY_RANK and b in _DECAY_RANK and _DECAY_RANK[b] > _DECAY_RANK[a])
                    for a, b in zip(out["category_from"], out["category_to"])]
    if only_changed:
        out = out[out["changed"]]
    if significant_only:
        out = out[(out["significant_from"] == True) & (out["significant_to"] == True)]  # noqa: E712
    out = out.sort_values(["_pos", "feature"], kind="stable").drop(columns="_pos")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Priorities: basic needs first
# --------------------------------------------------------------------------------------------

#: The investment order the article argues for (seed 000; domain.md section 1): basic needs,
#: then performance needs, then delighters; indifferent, reverse and questionable features last.
INVESTMENT_ORDER: tuple[str, ...] = ("M", "O", "A", "I", "R", "Q")


def _norm_name(s: pd.Series) -> pd.Series:
    return s.astype("string").str.strip().str.casefold().str.replace(r"\s+", " ", regex=True)


def performance(satisfaction: Any, low_score: int = 3) -> pd.DataFrame:
    """Performance rating per criterion from the satisfaction survey (PL: ocena realizacji).

    ``satisfaction``: the satisfaction table (criterion, score 1-5) or a company with
    ``.satisfaction``. Per criterion: ``score_mean``, ``score_n`` and ``share_low``, the share of
    scores <= ``low_score`` (seed 003: 2 = open, 3 = hidden dissatisfaction). Index: criterion.
    """
    sat = satisfaction if isinstance(satisfaction, pd.DataFrame) else getattr(satisfaction, "satisfaction", None)
    if sat is None:
        raise DataError(Problem(None, "this dataset has no satisfaction survey.",
                                "add a satisfaction file, or pass the ratings directly."))
    for c in ("criterion", "score"):
        if c not in sat.columns:
            raise DataError(Problem(_file_of(sat, "satisfaction"), f"the satisfaction table lacks column '{c}'.",
                                    "it needs criterion and score (docs/data-format.md)."))
    score = pd.to_numeric(sat["score"], errors="coerce")
    df = pd.DataFrame({"criterion": sat["criterion"].astype("string").str.strip(), "score": score}).dropna()
    g = df.groupby("criterion", sort=True)["score"]
    out = pd.DataFrame({"score_mean": g.mean(), "score_n": g.size(),
                        "share_low": g.apply(lambda s: float((s <= low_score).mean()))})
    out.index.name = "criterion"
    return out


class _Num(float):
    """A number that formats with a decimal comma in Polish texts (3,29 instead of 3.29)."""

    def __new__(cls, value: float, language: str):
        obj = super().__new__(cls, value)
        obj.language = language
        return obj

    def __format__(self, spec: str) -> str:
        text = format(float(self), spec)
        return text.replace(".", ",") if self.language == "pl" else text


@dataclass
class Priorities:
    """The investment order and its warnings (PL: kolejność inwestycji i ostrzeżenia).

    ``order``: one row per feature in the order to invest; ``warnings``: delighters being
    prioritised while a basic need scores badly, one row per (delighter, basic need) pair.
    """

    order: pd.DataFrame
    warnings: pd.DataFrame
    params: dict = field(default_factory=dict)


def priorities(data: Any, satisfaction: Any = None, planned: Iterable[str] | None = None,
               rule: str = "mode", threshold: float = 3.5, low_score: int = 3,
               max_share_low: float | None = None, language: str | None = None,
               wave: Any = "latest", **kwargs: Any) -> Priorities:
    """The investment order the article argues for, and its warnings (PL: priorytety inwestycji).

    Seed 000 (domain.md section 1): "there is no point investing in delighters while basic needs
    are unmet" -- basic needs (M) first, then performance needs (O), then delighters (A);
    indifferent, reverse and questionable features last. Within a category: basic needs by
    their performance rating, worst first (when ratings exist), then by |Worse|; performance
    needs by Better + |Worse|; delighters by Better.

    ``data``: a kano_survey table, a company, or a :func:`summarize` table (one row per feature).
    ``satisfaction``: the satisfaction table (or a company; default: ``data.satisfaction`` if
    present); its ``criterion`` is matched to the feature name ignoring case and spaces, and
    gives the performance rating (:func:`performance`). A basic need **scores badly** when its
    mean score is below ``threshold`` (default 3.5 on the 1-5 scale) or, if ``max_share_low`` is
    set, when more than that share of its scores are <= ``low_score``.

    ``wave``: when the survey has a ``wave`` column, categories move between waves (the
    article's first lesson), so by default only the **latest** wave is used (time order as in
    :func:`summarize_waves`); pass a wave label to use that wave, or ``None`` to pool all waves.

    ``planned``: the features the company plans to invest in now. A warning is raised for each
    planned delighter while any basic need scores badly; without a plan every delighter is
    checked (it would be premature to invest in it). Returns :class:`Priorities`.
    """
    lang = _language_of(data, language)
    col = {"mode": "category_mode", "berger": "category_berger"}.get(rule)
    if col is None:
        raise ValueError("rule must be 'mode' or 'berger'")
    used_wave = None
    if isinstance(data, pd.DataFrame) and "better" in data.columns and "category_mode" in data.columns:
        summ = data
    else:
        frame, used_wave = select_wave(data, wave, kwargs.pop("wave_order", None))
        summ = summarize(frame, **kwargs)
    if isinstance(summ.index, pd.MultiIndex):
        raise ValueError("priorities needs one row per feature: summarize without `by`")
    if satisfaction is None and not isinstance(data, pd.DataFrame):
        satisfaction = getattr(data, "satisfaction", None)
    order = pd.DataFrame({
        "category": summ[col].astype(object), "better": summ["better"], "worse": summ["worse"],
        "significant": summ["significant"], "n": summ["n"]}, index=summ.index.rename("feature"))
    order["score_mean"] = np.nan
    order["score_n"] = 0
    order["share_low"] = np.nan
    if satisfaction is not None:
        perf = performance(satisfaction, low_score=low_score)
        key = _norm_name(pd.Series(perf.index, index=perf.index))
        perf = perf.set_axis(key.to_numpy()).groupby(level=0).first()
        fkey = _norm_name(pd.Series(order.index, index=order.index)).to_numpy()
        matched = perf.reindex(fkey)
        order["score_mean"] = matched["score_mean"].to_numpy()
        order["score_n"] = matched["score_n"].fillna(0).astype(int).to_numpy()
        order["share_low"] = matched["share_low"].to_numpy()
    bad = order["score_mean"] < threshold
    if max_share_low is not None:
        bad |= order["share_low"] > max_share_low
    order["scores_badly"] = bad & order["score_n"].gt(0)
    cat_rank = order["category"].map({c: i for i, c in enumerate(INVESTMENT_ORDER)}).fillna(len(INVESTMENT_ORDER))
    absw = -order["worse"]
    within = np.select(
        [order["category"] == "M", order["category"] == "O", order["category"] == "A"],
        [-absw.fillna(0), -(order["better"] + absw).fillna(0), -order["better"].fillna(0)],
        default=-(order["better"] + absw).fillna(0))
    perf_key = np.where(order["category"] == "M", order["score_mean"].fillna(np.inf), 0.0)
    sorter = pd.DataFrame({"c": cat_rank.to_numpy(), "p": perf_key, "w": within,
                           "f": order.index.astype(str)}, index=order.index)
    order = order.loc[sorter.sort_values(["c", "p", "w", "f"], kind="stable").index]
    order.insert(0, "rank", np.arange(1, len(order) + 1))
    order["action"] = [t(f"kano_action_{c}" if c in CATEGORIES else "kano_action_none", lang)
                       for c in order["category"]]

    basics_bad = order[(order["category"] == "M") & order["scores_badly"]]
    delighters = order[order["category"] == "A"]
    if planned is not None:
        planned = list(planned)
        pk = set(_norm_name(pd.Series(planned)).dropna())
        dk = _norm_name(pd.Series(delighters.index, index=delighters.index))
        delighters = delighters[dk.isin(pk).to_numpy()]
    rows = []
    for dname in delighters.index:
        for bname, b in basics_bad.iterrows():
            rows.append({
                "delighter": dname, "basic_need": bname, "score_mean": b["score_mean"],
                "share_low": b["share_low"], "threshold": threshold,
                "message": t("kano_warning_message", lang).format(
                    delighter=dname, basic=bname, score=_Num(b["score_mean"], lang),
                    threshold=_Num(threshold, lang)),
            })
    warn = pd.DataFrame(rows, columns=["delighter", "basic_need", "score_mean", "share_low", "threshold", "message"])
    warn = warn.sort_values(["delighter", "score_mean", "basic_need"], kind="stable").reset_index(drop=True)
    params = {"wave": used_wave, "rule": rule, "threshold": threshold, "low_score": low_score, "max_share_low": max_share_low,
              "planned": planned}
    return Priorities(order=order, warnings=warn, params=params)


# --------------------------------------------------------------------------------------------
# Simulation (for sample data)
# --------------------------------------------------------------------------------------------

#: For each category, the evaluation-table cells (functional, dysfunctional) simulated answers are
#: drawn from and their weights: the textbook pair most often, the other cells of the category
#: less often (all cells are from the standard table; a test checks each maps to its category).
SIMULATION_CELLS: dict[str, dict[tuple[int, int], float]] = {
    "A": {(1, 3): 0.5, (1, 4): 0.4, (1, 2): 0.1},
    "O": {(1, 5): 1.0},
    "M": {(2, 5): 0.45, (3, 5): 0.35, (4, 5): 0.2},
    "I": {(3, 3): 0.55, (3, 4): 0.15, (4, 3): 0.1, (2, 3): 0.05, (4, 4): 0.05, (2, 2): 0.03,
          (2, 4): 0.03, (3, 2): 0.02, (4, 2): 0.02},
    "R": {(5, 1): 0.4, (5, 3): 0.2, (4, 1): 0.15, (3, 1): 0.1, (5, 4): 0.08, (2, 1): 0.04, (5, 2): 0.03},
    "Q": {(1, 1): 0.5, (5, 5): 0.5},
}


def simulate_answers(category_mix: Mapping[str, float], n: int, rng: np.random.Generator | int | None = None,
                     words: str | None = None) -> pd.DataFrame:
    """Plausible (functional, dysfunctional) answer pairs for a target category mix (PL: symulacja).

    For sample surveys that plant features in each category: ``category_mix`` maps categories
    (A, O, M, I, R, Q) to probabilities (normalised to sum 1), e.g. ``{"M": .6, "O": .2, "I": .2}``.
    Each of ``n`` respondents gets a category drawn from the mix, then a pair drawn from that
    category's cells of the standard evaluation table (:data:`SIMULATION_CELLS`), so
    :func:`classify` gives back exactly the drawn category. ``rng``: a numpy Generator or seed.
    ``words``: ``None`` for codes 1-5 (int), ``"en"`` or ``"pl"`` for the questionnaire words.
    Returns a DataFrame with columns functional, dysfunctional, category (the drawn category).
    """
    rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    unknown = [c for c in category_mix if c not in CATEGORIES]
    if unknown:
        raise ValueError(f"categories must be among {CATEGORIES}; unexpected: {unknown}")
    cats = [c for c in CATEGORIES if category_mix.get(c, 0) > 0]
    p = np.array([float(category_mix[c]) for c in cats])
    if n < 0 or not len(cats) or (p < 0).any():
        raise ValueError("need n >= 0 and at least one positive probability")
    drawn = rng.choice(len(cats), size=n, p=p / p.sum())
    f = np.zeros(n, dtype=np.int64)
    d = np.zeros(n, dtype=np.int64)
    for i, c in enumerate(cats):
        sel = np.flatnonzero(drawn == i)
        cells = list(SIMULATION_CELLS[c])
        w = np.array([SIMULATION_CELLS[c][x] for x in cells])
        pick = rng.choice(len(cells), size=len(sel), p=w / w.sum())
        arr = np.array(cells)[pick] if len(sel) else np.empty((0, 2), dtype=np.int64)
        f[sel], d[sel] = arr[:, 0], arr[:, 1]
    out = pd.DataFrame({"functional": f, "dysfunctional": d,
                        "category": np.array(cats, dtype=object)[drawn] if n else np.array([], dtype=object)})
    if words is not None:
        labels = {k: answer_label(k, words) for k in ANSWERS}
        out["functional"] = out["functional"].map(labels)
        out["dysfunctional"] = out["dysfunctional"].map(labels)
    return out


# --------------------------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------------------------

def label_summary(table: pd.DataFrame, language: str | None = "en") -> pd.DataFrame:
    """A copy of a kano table with translated column names and category values (PL: etykiety)."""
    lang = check_language(language)
    out = table.copy()
    for c in out.columns:
        if str(c).startswith("category") or c in ("category_from", "category_to"):
            out[c] = out[c].map(lambda v: category_label(v, lang) if isinstance(v, str) else v)

    def tr(name: Any) -> Any:
        key = f"kano_col_{name}"
        try:
            return t(key, lang)
        except KeyError:
            try:
                return t(str(name), lang)
            except KeyError:
                return name

    out = out.rename(columns=tr)
    out.index.names = [tr(n) if n is not None else None for n in out.index.names]
    return out
