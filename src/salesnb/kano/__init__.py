"""Kano analysis (PL: analiza Kano): which features are basic needs, performance needs, delighters.

The article *Kano model and good practices* (PL: *Model Kano i dobre praktyki*) builds on Kano's
model (Kano et al. 1984): a feature is a **basic need** (must-be, M; PL "podstawowa"), a
**performance need** (one-dimensional, O; PL "wymaganie świadome"), a **delighter** (attractive,
A; PL "czynnik zachwytu"), or, from the questionnaire method, **indifferent** (I), **reverse**
(R) or **questionable** (Q). Two lessons a trainer must be able to show with data:

1. satisfaction is not fixed: delighters decay into performance and basic needs as clients
   learn (:func:`summarize_waves`, :func:`category_changes`);
2. there is no point investing in delighters while basic needs are unmet (:func:`priorities`).

The method (Berger et al. 1993; Sauerwein et al. 1996)
--------------------------------------------------------
Each respondent answers, for each feature, a *functional* question ("if the feature is present,
how do you feel?") and a *dysfunctional* one ("if it is absent?") on five answers. This package
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
* a bad argument (an unknown ``variant``, ``rule``, ``language`` or ``wave`` ...) raises
  :class:`~salesnb.errors.ParameterError` (a :class:`~salesnb.errors.DataError`) naming the
  parameter, the function, the value and what is allowed; every public function checks its
  arguments through :func:`setup_parameters`, the method's one set-up path.

The package, one concept per module
-----------------------------------
``parameters``  the set-up path: arguments checked, the survey and language found, waves ordered
``answers``     the answer scale, the answer words, the evaluation tables
``labels``      answer and category names in English and Polish, translated tables
``survey``      the survey parsed once, each pair classified, checked, cut to one wave
``summary``     per-feature metrics: counts, mode and Berger's rule, Better/Worse, Fong, DuMouchel
``waves``       survey waves and the categories that moved between them
``investment``  basic needs first: the investment order (:func:`priorities`) and its warnings
``simulation``  answer pairs for a planted category mix (the sample companies)

Everything public is importable from ``salesnb.kano`` itself (listed in ``__all__``).

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

from .answers import (
    ANSWER_BLANK,
    ANSWER_UNKNOWN,
    ANSWER_WORDS,
    ANSWERS,
    CATEGORIES,
    EVALUATION_TABLE,
    POULIOT_TABLE,
    answer_code,
    category_codes,
    evaluation_table,
    parse_answers,
)
from .investment import INVESTMENT_ORDER, Priorities, performance, priorities
from .labels import answer_label, category_label, label_summary
from .parameters import RULES, VARIANTS, KanoParameters, setup_parameters, wave_order
from .simulation import SIMULATION_CELLS, simulate_answers
from .summary import DUMOUCHEL_DYSFUNCTIONAL, DUMOUCHEL_FUNCTIONAL, FONG_Z, MODE_ORDER, summarize, summarize_counts
from .survey import ParsedSurvey, check_survey, classify, classify_survey, parse_survey, select_wave
from .waves import category_changes, summarize_waves

# Every public name of the package's modules (tests/test_kano.py checks the two agree).
__all__ = [
    # parameters: the set-up path
    "VARIANTS", "RULES", "KanoParameters", "setup_parameters", "wave_order",
    # answers: the scale and the evaluation tables
    "CATEGORIES", "ANSWERS", "ANSWER_WORDS", "ANSWER_BLANK", "ANSWER_UNKNOWN", "EVALUATION_TABLE",
    "POULIOT_TABLE", "evaluation_table", "category_codes", "answer_code", "parse_answers",
    # labels
    "answer_label", "category_label", "label_summary",
    # survey
    "ParsedSurvey", "parse_survey", "classify", "classify_survey", "check_survey", "select_wave",
    # summary
    "MODE_ORDER", "DUMOUCHEL_FUNCTIONAL", "DUMOUCHEL_DYSFUNCTIONAL", "FONG_Z", "summarize", "summarize_counts",
    # waves
    "summarize_waves", "category_changes",
    # investment
    "INVESTMENT_ORDER", "performance", "Priorities", "priorities",
    # simulation
    "SIMULATION_CELLS", "simulate_answers",
]

# Names the single-file kano.py imported for itself, so `from salesnb.kano import DataError` (or
# `np`) happened to work. They still do, with a DeprecationWarning naming their real home; they
# are not part of the Kano API.
_INCIDENTAL = {
    "DataError": "salesnb.errors", "DataWarning": "salesnb.errors", "Problem": "salesnb.errors",
    "check_language": "salesnb.i18n", "t": "salesnb.i18n", "np": "numpy", "pd": "pandas", "re": "re",
    "unicodedata": "unicodedata", "warnings": "warnings", "dataclass": "dataclasses", "field": "dataclasses",
    "Any": "typing", "Iterable": "collections.abc", "Mapping": "collections.abc", "Sequence": "collections.abc",
}


def __getattr__(name: str):
    if name not in _INCIDENTAL:
        raise AttributeError(f"module 'salesnb.kano' has no attribute {name!r}")
    import importlib
    import warnings

    home = _INCIDENTAL[name]
    warnings.warn(f"salesnb.kano.{name} is not part of the Kano API; import it from {home}",
                  DeprecationWarning, stacklevel=2)
    module = importlib.import_module(home)
    return module if name in ("np", "pd", "re", "unicodedata", "warnings") else getattr(module, name)
