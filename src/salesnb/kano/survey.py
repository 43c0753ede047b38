"""The Kano survey, classified (PL: ankieta Kano i klasyfikacja odpowiedzi).

A ``kano_survey`` table has one row per respondent and feature: ``respondent_id``, ``feature``,
``functional``, ``dysfunctional`` and optional ``importance``, ``wave``, ``segment`` ... Here it
is parsed once (:func:`parse_survey`), each answer pair classified through the evaluation table
(:func:`classify`, :func:`classify_survey`), checked (:func:`check_survey`) and cut to one wave
(:func:`select_wave`). Bad input is handled as the package docstring of :mod:`salesnb.kano`
says: an unknown answer is an error (or, with ``strict=False``, left out), never Q.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, ParameterError, Problem
from .answers import ANSWER_BLANK, ANSWER_UNKNOWN, CATEGORIES, category_codes, parse_answers
from .parameters import setup_parameters

__all__ = ["ParsedSurvey", "parse_survey", "classify", "classify_survey", "check_survey", "select_wave"]

_REQUIRED = ("respondent_id", "feature", "functional", "dysfunctional")


def _as_series(x: Any, name: str) -> pd.Series:
    if isinstance(x, pd.Series):
        return x
    if np.ndim(x) == 0:
        return pd.Series([x], name=name)
    return pd.Series(list(x) if not isinstance(x, np.ndarray) else x, name=name)


def _answer_problems(f: np.ndarray, d: np.ndarray, fs: pd.Series, ds: pd.Series, file: str | None,
                     fcol: str = "functional", dcol: str = "dysfunctional") -> list[Problem]:
    problems = []
    for codes, raw, col in ((f, fs, fcol), (d, ds, dcol)):
        bad = codes == ANSWER_UNKNOWN
        if bad.any():
            problems.append(Problem(
                file, "answer outside the Kano scale.",
                "use 1-5 (1 like, 2 must-be/expect, 3 neutral, 4 live with, 5 dislike) or those "
                "words in English or Polish (e.g. 'podoba mi się', 'oczekuję', 'neutralne', "
                "'mogę z tym żyć', 'nie podoba mi się').",
                column=col, rows=list(raw.index[bad]), values=list(raw[bad])))
    half = (f == ANSWER_BLANK) != (d == ANSWER_BLANK)
    if half.any():
        rows = fs.index[half]
        problems.append(Problem(
            file, "only one answer of the functional/dysfunctional pair is given.",
            "fill in both answers, or leave both blank if the respondent skipped the feature.",
            column=f"{fcol}/{dcol}", rows=list(rows),
            values=[f"{a!r}/{b!r}" for a, b in zip(fs[half], ds[half], strict=True)]))
    return problems


def classify(functional: Any, dysfunctional: Any, variant: str = "standard",
             strict: bool = True) -> Any:
    """Kano category of each (functional, dysfunctional) answer pair (PL: kategoria Kano odpowiedzi).

    The standard 5x5 evaluation table (Berger et al. 1993; Sauerwein et al. 1996), or Pouliot's
    variant (Berger et al. 1993, p. 33). An answer outside the scale is never Q: Q is only what
    the table says it is.

    Parameters
    ----------
    functional, dysfunctional : scalar, sequence or pandas.Series
        The answers (codes or words, see :func:`~salesnb.kano.answer_code`): two scalars, or two
        sequences of equal length.
    variant : {'standard', 'pouliot'}, default 'standard'
        The evaluation table.
    strict : bool, default True
        Raise on an answer outside the scale or an incomplete pair; with False such a pair gets a
        missing category. A pair with both answers blank always gets a missing category.

    Returns
    -------
    str or None or pandas.Series
        For two scalars the category (None if missing); otherwise a categorical Series with
        categories :data:`~salesnb.kano.CATEGORIES`, indexed like ``functional`` if it is a
        Series.

    Raises
    ------
    DataError
        With ``strict``, naming the positions (index values) of bad answers and incomplete pairs.
    ParameterError
        If ``variant`` or ``strict`` is not allowed, or the two differ in length.
    """
    p = setup_parameters("classify", variant=variant, strict=strict)
    scalar = np.ndim(functional) == 0 and np.ndim(dysfunctional) == 0 and not isinstance(functional, pd.Series)
    fs, ds = _as_series(functional, "functional"), _as_series(dysfunctional, "dysfunctional")
    if len(fs) != len(ds):
        raise ParameterError("dysfunctional", dysfunctional, f"as many answers as functional ({len(fs)})",
                             function=p.function, fix=f"it has {len(ds)}.")
    ds = pd.Series(ds.to_numpy(), index=fs.index, name=ds.name)
    f, d = parse_answers(fs), parse_answers(ds)
    if p.strict:
        problems = _answer_problems(f, d, fs, ds, None)
        if problems:
            raise DataError(problems)
    cat = pd.Categorical.from_codes(category_codes(f, d, p.variant), categories=list(CATEGORIES))
    if scalar:
        v = cat[0]
        return None if pd.isna(v) else str(v)
    return pd.Series(cat, index=fs.index, name="category")


# --------------------------------------------------------------------------------------------
# The survey, parsed once
# --------------------------------------------------------------------------------------------

@dataclass
class ParsedSurvey:
    """A Kano survey parsed once (PL: ankieta Kano po odczytaniu odpowiedzi).

    Attributes
    ----------
    frame : pandas.DataFrame
        The survey as given.
    file : str
        The file it was read from (for messages).
    functional, dysfunctional : numpy.ndarray
        Answer codes per row (see :func:`~salesnb.kano.parse_answers`).
    category : numpy.ndarray
        Position of the row's category in :data:`~salesnb.kano.CATEGORIES`; -1 if not counted.
    valid, skipped, invalid : numpy.ndarray
        Boolean masks: counted pairs; pairs left blank; pairs with an unknown answer or only one
        answer.
    problems : list of Problem
        The bad answers and incomplete pairs, by row.
    """

    frame: pd.DataFrame
    file: str
    functional: np.ndarray
    dysfunctional: np.ndarray
    category: np.ndarray
    valid: np.ndarray
    skipped: np.ndarray
    invalid: np.ndarray
    problems: list[Problem]


def _blank_names(col: pd.Series) -> np.ndarray:
    """True where a name is missing or only spaces (checked over the unique values: fast)."""
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    blank_u = np.array([isinstance(u, str) and not u.strip() for u in uniques] + [True], dtype=bool)
    return blank_u[codes]


def parse_survey(data: Any, variant: str = "standard", strict: bool = True,
                 require_feature: bool = True) -> ParsedSurvey:
    """Parse a Kano survey once: answer codes, each pair's category, which rows count (PL: odczyt ankiety).

    The evaluation table of Berger et al. (1993) and Sauerwein et al. (1996), applied to every
    row; the rules for bad input are those of the :mod:`salesnb.kano` package docstring.

    Parameters
    ----------
    data : pandas.DataFrame or company
        The ``kano_survey`` table or a loaded company with ``.kano_survey``.
    variant : {'standard', 'pouliot'}, default 'standard'
        The evaluation table.
    strict : bool, default True
        Raise on answers outside the scale and incomplete pairs; with False they are only
        marked ``invalid``.
    require_feature : bool, default True
        Require the ``respondent_id`` and ``feature`` columns and a name in every row.

    Returns
    -------
    ParsedSurvey

    Raises
    ------
    DataError
        If a required column is missing, a feature name is blank, or (``strict``) an answer is
        outside the scale or a pair incomplete: every problem at once, by row.
    ParameterError
        If an argument is not allowed.
    """
    p = setup_parameters("parse_survey", data, variant=variant, strict=strict)
    frame, file = p.survey, p.file
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
    if p.strict and problems:
        raise DataError(problems)
    skipped = (f == ANSWER_BLANK) & (d == ANSWER_BLANK)
    invalid = ((f == ANSWER_UNKNOWN) | (d == ANSWER_UNKNOWN) | ((f == ANSWER_BLANK) != (d == ANSWER_BLANK)))
    cat = category_codes(f, d, p.variant)
    cat[skipped | invalid] = -1
    return ParsedSurvey(frame, file, f, d, cat, cat >= 0, skipped, invalid, problems)


def check_survey(data: Any) -> pd.DataFrame:
    """Every problem in a Kano survey, one line per bad row (PL: kontrola ankiety Kano).

    Besides the errors :func:`~salesnb.kano.summarize` stops on (answers outside the scale,
    half-answered pairs, blank feature names) it lists repeated answers: a respondent answering
    the same feature twice (in the same wave), which :func:`~salesnb.kano.summarize` counts
    twice -- worth a look. Never raises for bad answers.

    Parameters
    ----------
    data : pandas.DataFrame or company
        The ``kano_survey`` table or a loaded company with ``.kano_survey``.

    Returns
    -------
    pandas.DataFrame
        Columns ``row`` (the survey's index = row number in the source file), ``column``,
        ``value`` and ``problem``; empty when the survey is clean.

    Raises
    ------
    DataError
        If the answer columns are missing.
    ParameterError
        If ``data`` is neither a table nor a company.
    """
    setup_parameters("check_survey", data)
    p = parse_survey(data, "standard", strict=False, require_feature=False)
    frame = p.frame
    out = []
    for codes, col in ((p.functional, "functional"), (p.dysfunctional, "dysfunctional")):
        bad = codes == ANSWER_UNKNOWN
        out.append(pd.DataFrame({"row": frame.index[bad], "column": col,
                                 "value": frame[col][bad].astype(object).to_numpy(),
                                 "problem": "answer outside the Kano scale"}))
    half = (p.functional == ANSWER_BLANK) != (p.dysfunctional == ANSWER_BLANK)
    out.append(pd.DataFrame({"row": frame.index[half],
                             "column": np.where(p.functional[half] == ANSWER_BLANK, "functional", "dysfunctional"),
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
    """The survey with each answer pair's Kano category (PL: klasyfikacja odpowiedzi ankiety).

    Each row through the evaluation table of Berger et al. (1993) and Sauerwein et al. (1996).

    Parameters
    ----------
    data : pandas.DataFrame or company
        The ``kano_survey`` table or a loaded company with ``.kano_survey``.
    variant : {'standard', 'pouliot'}, default 'standard'
        The evaluation table.
    strict : bool, default True
        Raise on bad answers (see :func:`parse_survey`).

    Returns
    -------
    pandas.DataFrame
        A copy of the survey plus ``functional_code`` and ``dysfunctional_code`` (1-5, missing if
        blank or unknown) and ``category``; rows left out of the counts (skipped, or invalid with
        ``strict=False``) have no category.

    Raises
    ------
    DataError
        As :func:`parse_survey`.
    ParameterError
        If an argument is not allowed.
    """
    setup_parameters("classify_survey", data, variant=variant, strict=strict)
    p = parse_survey(data, variant, strict)
    out = p.frame.copy()
    out["functional_code"] = pd.array(np.where(p.functional > 0, p.functional, 0), dtype="Int8")
    out["dysfunctional_code"] = pd.array(np.where(p.dysfunctional > 0, p.dysfunctional, 0), dtype="Int8")
    out.loc[p.functional <= 0, "functional_code"] = pd.NA
    out.loc[p.dysfunctional <= 0, "dysfunctional_code"] = pd.NA
    out["category"] = pd.Categorical.from_codes(p.category, categories=list(CATEGORIES))
    return out


def select_wave(data: Any, wave: Any = "latest", order: Sequence | None = None) -> tuple[pd.DataFrame, Any]:
    """The survey rows of one wave, and which wave that is (PL: wybór fali badania).

    The article *Kano model and good practices* (PL: *Model Kano i dobre praktyki*): categories
    move between survey waves, so an analysis of "now" reads the latest wave. Waves are in time
    order (:func:`~salesnb.kano.wave_order`).

    Parameters
    ----------
    data : pandas.DataFrame or company
        The ``kano_survey`` table or a loaded company with ``.kano_survey``.
    wave : 'latest', a wave label or None, default 'latest'
        ``"latest"`` the last wave in time order, a label that wave, None every row.
    order : sequence, optional
        The waves in the order to use (default: by date when every label is a date, otherwise
        in order of first appearance).

    Returns
    -------
    tuple of (pandas.DataFrame, object)
        The rows of the wave (``attrs["source"]`` names the file) and the wave's label (None for
        every row, or a survey without waves).

    Raises
    ------
    ParameterError
        If ``wave`` is not in the survey or ``order`` misses a wave.
    """
    p = setup_parameters("select_wave", data, order=order, wave=wave)
    frame = p.survey
    if p.wave is not None:
        frame = frame[frame["wave"] == p.wave]
    else:
        frame = frame.copy(deep=False)  # the caller's table keeps its own attrs
    frame.attrs["source"] = p.file  # errors still name the file
    return frame, p.wave
