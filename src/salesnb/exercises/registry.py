"""Every exercise set by name (PL: rejestr zestawów zadań), for the notebooks and the trainer's room.

:data:`SETS` maps an exercise's key (the folder of its answers) to its module; each module has
``KEY``, ``TITLE``, ``QUESTIONS`` and ``exercise(company, language, participant=..., answers_dir=...)``.
"""
from __future__ import annotations

from types import ModuleType

from . import abc_sample, diagnostic, kano_features, know_your_data, lifecycle_set1, lifecycle_set2
from .core import Question

__all__ = ["SETS", "exercise_set", "question"]

#: key -> module, in the order of the workbook's exercise notebooks.
SETS: dict[str, ModuleType] = {m.KEY: m for m in (know_your_data, lifecycle_set1, lifecycle_set2, diagnostic,
                                                     kano_features, abc_sample)}


def exercise_set(key: str) -> ModuleType | None:
    """The module of an exercise set, by its key (PL: zestaw zadań według klucza).

    Parameters
    ----------
    key : str
        E.g. ``"client_lifecycle"``.

    Returns
    -------
    module or None
        None for a key no set has (answers of an older or unknown exercise).
    """
    return SETS.get(key)


def question(key: str, question_key: str) -> Question | None:
    """A question of an exercise set (PL: pytanie zestawu).

    Parameters
    ----------
    key : str
        The exercise set's key.
    question_key : str
        The question's key (``"1a"``).

    Returns
    -------
    Question or None
    """
    module = exercise_set(key)
    if module is None:
        return None
    return next((q for q in module.QUESTIONS if q.key == question_key), None)
