"""Practical exercises as objects that check answers (PL: zadania praktyczne).

After Kaggle learntools: each question is an object with ``check(answer)``, ``hint()`` and
``solution()``. ``check`` says *correct*, *incorrect* (and, for known mistakes, what went
wrong) or *not attempted*; the expected answer is computed from the participant's own company
data, so the same exercise works for every dataset. ``Exercise.save(folder)`` keeps the answers.
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import DataError
from ..i18n import check_language, t
from ..io import atomic_write_text

Text = dict  # {"en": ..., "pl": ...}

@dataclass
class Outcome:
    """The result of one check: correct, incorrect, not_attempted, or noted (open questions)."""

    status: str
    message: str

    def _repr_markdown_(self) -> str:
        icon = {"correct": "✅", "incorrect": "❌", "not_attempted": "⬜", "noted": "📝"}[self.status]
        return f"{icon} {self.message}"


@dataclass
class Question:
    """One question: its text, how to compute the expected answer, and the known mistakes.

    ``expected(company)`` computes the answer from the data; ``mistakes`` pairs a function
    giving a typical wrong answer with the explanation shown when the participant gives it.
    ``kind`` is "number" (compared with a relative ``tolerance``), "text" (case-insensitive) or
    "open" (a reflection with no single right answer: any answer is kept, and ``solution``
    offers a way to think about it). ``too_high`` / ``too_low`` explain a number on either side
    of the answer when no known mistake matches.
    """

    key: str
    prompt: Text
    expected: Callable[[Any], Any]
    hint: Text
    solution: Text
    kind: str = "number"
    tolerance: float = 0.005
    mistakes: list[tuple[Callable[[Any], Any], Text]] = field(default_factory=list)
    too_high: Text | None = None
    too_low: Text | None = None
    #: how to read an answer as a number for comparison (e.g. a window "2M" as days); default float
    measure: Callable[[Any], float] | None = None


#: errors a ``measure`` may raise for an answer it cannot read (besides TypeError/ValueError)
_EXTRA_ERRORS = (ArithmeticError, LookupError, DataError)


def _same(kind: str, a: Any, b: Any, tolerance: float, measure: Callable[[Any], float] | None = None) -> bool:
    if kind == "number":
        try:
            a, b = (measure or float)(a), (measure or float)(b)
        except (TypeError, ValueError) + _EXTRA_ERRORS:
            return False
        return math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance)
    return str(a).strip().casefold() == str(b).strip().casefold()



class BoundQuestion:
    """A question bound to one company's data and a language (what a notebook cell uses)."""

    def __init__(self, question: Question, company: Any, language: str):
        self.q, self.company, self.lang = question, company, language
        self.answer: Any = None
        self.outcome: Outcome | None = None

    def _t(self, text: Text) -> str:
        return text[self.lang]

    @property
    def expected(self) -> Any:
        """The right answer for this company, computed from its data (PL: oczekiwana odpowiedź).

        Returns
        -------
        object
            What the question's ``expected`` function gives (None for an open question).
        """
        return self.q.expected(self.company)

    def _repr_markdown_(self) -> str:
        return f"**{self.q.key}.** {self._t(self.q.prompt)}"

    def __repr__(self) -> str:  # plain text, without a memory address, so outputs are reproducible
        return f"{self.q.key}. {self._t(self.q.prompt)}"

    def check(self, answer: Any = None) -> Outcome:
        """Check an answer (PL: sprawdź odpowiedź): correct, incorrect with why, or not attempted.

        The answer and the outcome are kept (see :meth:`Exercise.results`).

        Parameters
        ----------
        answer : object, optional
            The participant's answer; None (or ``...``) means not attempted. A number is compared
            with the expected one within the question's relative ``tolerance`` (read with its
            ``measure``, e.g. a window as days), text case-insensitively; any answer to an open
            question is noted.

        Returns
        -------
        Outcome
            ``correct`` (with the answer); ``incorrect`` with the explanation of the known mistake
            the answer matches, else whether a number is too high or too low, else that it cannot
            be read or is not it; ``not_attempted``; or ``noted`` for an open question.
        """
        self.answer = answer
        if answer is None or answer is Ellipsis:
            self.outcome = Outcome("not_attempted", t("ex_not_attempted", self.lang))
            return self.outcome
        if self.q.kind == "open":
            self.outcome = Outcome("noted", t("ex_noted", self.lang))
            return self.outcome
        if _same(self.q.kind, answer, self.expected, self.q.tolerance, self.q.measure):
            self.outcome = Outcome("correct", f"{t('ex_correct', self.lang)}: {self._fmt(self.expected)}.")
            return self.outcome
        reasons = [self._t(msg) for wrong, msg in self.q.mistakes
                   if _same(self.q.kind, answer, wrong(self.company), self.q.tolerance, self.q.measure)]
        if not reasons and self.q.kind == "number":
            try:
                measure = self.q.measure or float
                high = measure(answer) > measure(self.expected)
                custom = self.q.too_high if high else self.q.too_low
                reasons = [self._t(custom) if custom else t("ex_too_high" if high else "ex_too_low", self.lang)]
            except (TypeError, ValueError) + _EXTRA_ERRORS:
                reasons = [t("ex_expected_number" if self.q.measure is None else "ex_unreadable", self.lang)]
        if not reasons:
            reasons = [t("ex_wrong_text", self.lang)]
        self.outcome = Outcome("incorrect", f"{t('ex_incorrect', self.lang)}: {' '.join(reasons)}")
        return self.outcome

    def hint(self) -> Outcome:
        """A nudge towards the method (PL: podpowiedź).

        Returns
        -------
        Outcome
            A note shown as Markdown, in the exercise's language.
        """
        return _Note(f"💡 **{t('ex_hint', self.lang)}:** {self._t(self.q.hint)}")

    def solution(self) -> Outcome:
        """The worked solution and the answer for this company (PL: rozwiązanie).

        Returns
        -------
        Outcome
            A note shown as Markdown: the method and, unless the question is open, the expected
            answer computed from this company's data.
        """
        text = f"**{t('ex_solution', self.lang)}:** {self._t(self.q.solution)}"
        if self.q.kind != "open":
            text += f"\n\n→ `{self._fmt(self.expected)}`"
        return _Note(text)

    def _fmt(self, value: Any) -> str:
        if isinstance(value, float):
            return f"{value:,.2f}".replace(",", " ")
        return str(value)


class _Note(Outcome):
    def __init__(self, text: str):
        super().__init__("note", text)

    def _repr_markdown_(self) -> str:
        return self.message


class Exercise:
    """A set of questions bound to a company (PL: zestaw zadań): ``ex.q1.check(answer)``.

    Parameters
    ----------
    key : str
        The exercise's name, used for the answers file.
    questions : list of Question
        The questions; they become the attributes ``q1``, ``q2`` ...
    company : Company
        The participant's company, from which the expected answers are computed.
    language : {"en", "pl"}, optional
        Default the company's ``language``, else English.

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """

    def __init__(self, key: str, questions: list[Question], company: Any, language: str | None = None):
        self.key = key
        self.language = check_language(language or getattr(company, "language", "en"),
                                       function="salesnb.exercises.Exercise")
        self.questions = [BoundQuestion(q, company, self.language) for q in questions]
        for i, bq in enumerate(self.questions, 1):
            setattr(self, f"q{i}", bq)

    def __repr__(self) -> str:
        return f"Exercise {self.key!r} ({len(self.questions)} questions, language {self.language})"

    def _rows(self) -> list[dict]:
        return [{"question": bq.q.key, "answer": bq.answer,
                 "status": bq.outcome.status if bq.outcome else "not_attempted"} for bq in self.questions]

    def results(self) -> pd.DataFrame:
        """One row per question: the answer given and its status (PL: wyniki), no expected values.

        Returns
        -------
        pandas.DataFrame
            Columns ``question``, ``answer``, ``status`` (``not_attempted`` until checked).
        """
        return pd.DataFrame(self._rows(), dtype=object)

    def save(self, folder: str | Path | None) -> Path | None:
        """Keep the answers (PL: zapisz odpowiedzi) in ``<folder>/<exercise>_answers.json``.

        Parameters
        ----------
        folder : str, pathlib.Path or None
            The folder (created if missing); None saves nothing. The file is written atomically.

        Returns
        -------
        pathlib.Path or None
            The file written, or None.
        """
        if folder is None:
            return None
        path = Path(folder) / f"{self.key}_answers.json"
        atomic_write_text(path, json.dumps(self._rows(), ensure_ascii=False, indent=1, default=str))
        return path
