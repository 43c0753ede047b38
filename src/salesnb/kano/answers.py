"""The Kano answer scale and evaluation tables (PL: skala odpowiedzi i tabela oceny Kano).

Each respondent answers, for each feature, a *functional* question ("if the feature is present,
how do you feel?") and a *dysfunctional* one ("if it is absent?") on five answers, coded here in
the usual questionnaire order: 1 like, 2 must-be (expect), 3 neutral, 4 live with, 5 dislike
(Berger et al. 1993; Sauerwein et al. 1996). Answers may be the codes or the words in English or
Polish (:data:`ANSWER_WORDS`). The 5x5 evaluation table maps a pair to a category
(:data:`EVALUATION_TABLE`; Pouliot's variant :data:`POULIOT_TABLE`).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import ParameterError
from .parameters import setup_parameters

__all__ = [
    "CATEGORIES", "ANSWERS", "ANSWER_WORDS", "ANSWER_BLANK", "ANSWER_UNKNOWN", "EVALUATION_TABLE",
    "POULIOT_TABLE", "evaluation_table", "category_codes", "answer_code", "parse_answers",
]

#: The six categories, in the order tables and charts show them: attractive (delighter),
#: one-dimensional (performance need), must-be (basic need), indifferent, reverse, questionable.
CATEGORIES: tuple[str, ...] = ("A", "O", "M", "I", "R", "Q")

#: Answer codes 1-5 and their English keys (the usual questionnaire order).
ANSWERS: dict[int, str] = {1: "like", 2: "must-be", 3: "neutral", 4: "live-with", 5: "dislike"}

#: The code :func:`answer_code` and :func:`parse_answers` give a blank answer.
ANSWER_BLANK = -1
#: The code :func:`answer_code` and :func:`parse_answers` give an answer outside the scale.
ANSWER_UNKNOWN = 0

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

    Rows are the functional answer code, columns the dysfunctional one; each cell is the category
    of that pair (Berger et al. 1993; Sauerwein et al. 1996).

    Parameters
    ----------
    variant : {'standard', 'pouliot'}, default 'standard'
        ``"standard"``: Berger et al. (1993), Sauerwein et al. (1996); ``"pouliot"``: Pouliot's
        variant, equal answers are Q except neutral/neutral (Berger et al. 1993, p. 33).

    Returns
    -------
    pandas.DataFrame
        A copy of :data:`EVALUATION_TABLE` or :data:`POULIOT_TABLE`.

    Raises
    ------
    ParameterError
        If ``variant`` is not one of the two.
    """
    p = setup_parameters("evaluation_table", variant=variant)
    return _TABLES[p.variant].copy()


def category_codes(functional: np.ndarray, dysfunctional: np.ndarray, variant: str = "standard") -> np.ndarray:
    """The category of each pair of answer codes, as positions in :data:`CATEGORIES` (PL: kody kategorii).

    The vectorised core of the evaluation table (Berger et al. 1993; Sauerwein et al. 1996):
    code pairs from :func:`parse_answers` in, ``CATEGORIES`` positions out.

    Parameters
    ----------
    functional, dysfunctional : numpy.ndarray
        Answer codes as :func:`parse_answers` gives them (1-5, or :data:`ANSWER_UNKNOWN`,
        :data:`ANSWER_BLANK`), of equal length.
    variant : {'standard', 'pouliot'}, default 'standard'
        The evaluation table.

    Returns
    -------
    numpy.ndarray
        int8: 0-5 the position of the category in :data:`CATEGORIES`, -1 where either answer is
        blank or outside the scale.

    Raises
    ------
    ParameterError
        If ``variant`` is not allowed or the two arrays differ in length.
    """
    p = setup_parameters("category_codes", variant=variant)
    f, d = np.asarray(functional), np.asarray(dysfunctional)
    if f.shape != d.shape:
        raise ParameterError("dysfunctional", dysfunctional, f"answer codes of the same shape as functional {f.shape}",
                             function=p.function)
    return _lookup(p.variant)[np.clip(f, 0, 5), np.clip(d, 0, 5)].astype(np.int8)


def _lookup(variant: str) -> np.ndarray:
    """A 6x6 array of category codes, index 0 = invalid/missing answer (gives -1)."""
    table = _TABLES[variant].to_numpy()
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


def _code(value: Any) -> int:
    """The answer code of one value, never raising (see :func:`answer_code`)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ANSWER_BLANK
    if isinstance(value, (bool, np.bool_)):
        return ANSWER_UNKNOWN
    if isinstance(value, (int, np.integer)):
        return int(value) if 1 <= int(value) <= 5 else ANSWER_UNKNOWN
    if isinstance(value, (float, np.floating)):
        if np.isnan(value):
            return ANSWER_BLANK
        return int(value) if float(value).is_integer() and 1 <= value <= 5 else ANSWER_UNKNOWN
    if isinstance(value, str):
        text = _norm(value)
        if not text:
            return ANSWER_BLANK
        if text in ANSWER_WORDS:
            return ANSWER_WORDS[text]
        bare = _norm(re.sub(r"\(.*?\)", " ", value))  # "oczekuję (tak musi być)" -> "oczekuje"
        if bare in ANSWER_WORDS:
            return ANSWER_WORDS[bare]
        m = re.fullmatch(r"([1-5])(?:[ .]0+)?", text)  # "3.0" (the dot became a space)
        return int(m.group(1)) if m else ANSWER_UNKNOWN
    return ANSWER_UNKNOWN


def answer_code(value: Any) -> int:
    """The answer code 1-5 of one answer (PL: kod odpowiedzi); 0 if unknown, -1 if blank.

    The five answers of Berger et al. (1993) and Sauerwein et al. (1996): 1 like, 2 must-be
    (expect), 3 neutral, 4 live with, 5 dislike. Accepts the codes (``3``, ``3.0``, ``"3"``,
    ``" 3 "``) and English or Polish words in any case and with or without diacritics
    (:data:`ANSWER_WORDS`).

    Parameters
    ----------
    value : int, float, str or None
        One answer as it was written.

    Returns
    -------
    int
        1-5 the answer, :data:`ANSWER_UNKNOWN` (0) outside the scale, :data:`ANSWER_BLANK` (-1)
        blank.

    Raises
    ------
    ParameterError
        If ``value`` is a collection (a list, a Series ...): use :func:`parse_answers` for many.
    """
    if isinstance(value, (list, tuple, set, dict, pd.Series, pd.DataFrame, np.ndarray)):
        raise ParameterError("value", value, "one answer (a code 1-5 or an answer word)",
                             function="salesnb.kano.answer_code", fix="for many answers use kano.parse_answers.")
    return _code(value)


def parse_answers(values: pd.Series | Sequence | np.ndarray) -> np.ndarray:
    """Answer codes for many answers at once (PL: kody odpowiedzi), vectorised over unique values.

    The scale of Berger et al. (1993) and Sauerwein et al. (1996); words as in
    :func:`answer_code`.

    Parameters
    ----------
    values : pandas.Series, sequence or numpy.ndarray
        The answers (any iterable of them).

    Returns
    -------
    numpy.ndarray
        int8: 1-5 the answer, :data:`ANSWER_UNKNOWN` (0) an answer outside the scale,
        :data:`ANSWER_BLANK` (-1) a blank answer.

    Raises
    ------
    ParameterError
        If ``values`` is one value (a text, a number) rather than a sequence.
    """
    if isinstance(values, (str, bytes, Mapping, pd.DataFrame)) or not isinstance(values, Iterable):
        raise ParameterError("values", values, "a Series, list or array of answers",
                             function="salesnb.kano.parse_answers", fix="for one answer use kano.answer_code.")
    s = values if isinstance(values, pd.Series) else pd.Series(
        list(values) if not isinstance(values, np.ndarray) else values)
    if isinstance(s.dtype, np.dtype) and s.dtype.kind in "iu":  # plain ints (nullable Int64 below)
        arr = s.to_numpy()
        return np.where((arr >= 1) & (arr <= 5), arr, ANSWER_UNKNOWN).astype(np.int8)
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    mapped = np.array([_code(u) for u in uniques] + [ANSWER_BLANK], dtype=np.int8)
    return mapped[codes]  # code -1 (NaN) picks the appended ANSWER_BLANK
