"""Practical exercises as objects that check answers (PL: zadania praktyczne).

After Kaggle learntools: each question is an object with ``check(answer)``, ``hint()``,
``solution()`` and, where a form beats typing, ``form()``. The expected answer is computed from
the participant's own company data (and from their own earlier answers), so the same exercise
works for every dataset; the checks are exact for counts and money and name each known kind of
wrong answer; nothing a participant types raises an exception.

The package:

``core``            questions, exercises, outcomes (:class:`Exercise`, :class:`Question`, :class:`Outcome`)
``answers``         answer kinds: numbers, shares, names, windows, open answers
``structured``      answers with parts: lists, texts per item, choices per item, sets, pairs
``reading``         reading what a participant types (Polish numbers, windows with a unit)
``store``           answers kept per participant, ``<answers_dir>/<exercise>/<participant>.json``
``rhythm``          the window W judged against the company's purchase rhythm
``registry``        every exercise set by name (:data:`~salesnb.exercises.registry.SETS`)
``know_your_data``  exercise 0: the data (this workbook's warm-up)
``lifecycle_set1``  the articles' practical exercises 1-3 on the client lifecycle
``lifecycle_set2``  the articles' practical exercises 1-3 on documents and control points
``diagnostic``      the managed-process diagnostic questionnaire of *Working with clients*
``kano_features``   a Kano exercise: the participant's own classification against the survey
``abc_sample``      an ABC/XYZ exercise on a sample of clients
"""
from __future__ import annotations

from .core import (
    RIGHT,
    STATUSES,
    WRONG,
    BoundQuestion,
    Context,
    Exercise,
    Mistake,
    Note,
    Outcome,
    Question,
    Text,
    quote,
    tr,
)

__all__ = ["RIGHT", "STATUSES", "WRONG", "BoundQuestion", "Context", "Exercise", "Mistake", "Note", "Outcome",
           "Question", "Text", "quote", "tr"]

# Names the single-module exercises package imported for itself, so `from salesnb.exercises import
# DataError` happened to work. They still do, with a DeprecationWarning naming their real home; they
# are not part of the exercises' API.
_INCIDENTAL = {"DataError": "salesnb.errors", "atomic_write_text": "salesnb.io", "check_language": "salesnb.i18n",
               "t": "salesnb.i18n", "Any": "typing", "Callable": "collections.abc", "Path": "pathlib",
               "dataclass": "dataclasses", "field": "dataclasses"}


def __getattr__(name: str):
    if name not in _INCIDENTAL:
        raise AttributeError(f"module 'salesnb.exercises' has no attribute {name!r}")
    import importlib
    import warnings

    home = _INCIDENTAL[name]
    warnings.warn(f"salesnb.exercises.{name} is not part of the exercises API; import it from {home}",
                  DeprecationWarning, stacklevel=2)
    return getattr(importlib.import_module(home), name)
