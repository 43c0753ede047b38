"""Questions, exercises and their outcomes (PL: pytania, zestawy zadań i wyniki sprawdzenia).

After Kaggle learntools: a question is an object with ``check(answer)``, ``hint()``,
``solution()`` (and, where a form beats typing, ``form()``). ``check`` never raises on a
participant's input: it returns an :class:`Outcome` whose ``status`` is one of

- ``correct``: the right answer (or, for a window, one in the accepted range);
- ``noted``: an open answer in the right form and complete (there is no single right one);
- ``incorrect``: wrong, with the kind of mistake named when it is a known one;
- ``incomplete``: an open answer missing a part, each missing part named;
- ``unreadable``: the answer cannot be read, with what to type instead;
- ``waiting``: the question builds on an earlier answer that is not there yet;
- ``not_attempted``: no answer.

The expected answer is computed from the participant's own data and, where a question builds on
an earlier one (the lost clients with *your* window), from the participant's own earlier answer.
How an answer is read and compared is its *answer kind* (:mod:`salesnb.exercises.answers`).

A run without a participant is a demonstration (the trainer's, or an automated run): each
unanswered question is checked with its model answer, marked as such, and nothing is saved. With
a participant and an answers folder, every check is kept at once in
``<answers_dir>/<exercise>/<participant>.json`` (:mod:`salesnb.exercises.store`), and a
participant's earlier answers are restored when the exercise is opened again.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..i18n import check_language, t
from ..present import show
from . import store

__all__ = ["RIGHT", "STATUSES", "WRONG", "BoundQuestion", "Context", "Exercise", "Mistake", "Note", "Outcome",
           "Question", "Text", "quote", "tr"]

Text = dict  # {"en": ..., "pl": ...}

#: Every status an outcome can have, in the order of a results table's legend.
STATUSES = ("correct", "noted", "incorrect", "incomplete", "unreadable", "waiting", "not_attempted")
#: Statuses counted as right in a room.
RIGHT = ("correct", "noted")
#: Statuses counted as wrong in a room (a right answer was attempted and missed).
WRONG = ("incorrect", "incomplete", "unreadable")

#: A sign and a colour per status (signs every common font has, so reports show them everywhere).
_ICONS = {"correct": ("✓", "#009E73"), "noted": ("✎", "#0072B2"), "incorrect": ("✗", "#D55E00"),
          "incomplete": ("◐", "#E69F00"), "unreadable": ("⚠", "#D55E00"), "waiting": ("…", "#777777"),
          "not_attempted": ("☐", "#777777")}


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def tr(text: Text | str | None, language: str, **fields: Any) -> str:
    """A bilingual text in one language, its ``{fields}`` filled (PL: tekst w danym języku).

    Parameters
    ----------
    text : dict, str or None
        ``{"en": ..., "pl": ...}``, or text already in one language.
    language : {"en", "pl"}
    **fields
        Values for ``{name}`` fields; a field without a value is left as it is.

    Returns
    -------
    str
    """
    if text is None:
        return ""
    s = text[language] if isinstance(text, dict) else str(text)
    return s.format_map(_Fields(fields)) if fields else s


def quote(text: Any, language: str) -> str:
    """Text in the language's quotation marks (PL: cudzysłów): “...” in English, „...” in Polish.

    Parameters
    ----------
    text : object
    language : {"en", "pl"}

    Returns
    -------
    str
    """
    return f"„{text}”" if language == "pl" else f"“{text}”"


@dataclass
class Outcome:
    """The result of one check (PL: wynik sprawdzenia).

    Attributes
    ----------
    status : str
        One of :data:`STATUSES`.
    message : str
        What is right or wrong, in the participant's language (Markdown).
    kind : str or None
        The kind of wrong answer or problem (``"without_corrections"``, ``"no_unit"`` ...), for
        the trainer's room; None for a right answer or an unknown mistake.
    demo : bool
        Whether the model answer was checked (a run without a participant).
    """

    status: str
    message: str
    kind: str | None = None
    demo: bool = False

    @property
    def right(self) -> bool:
        """Whether the answer counts as right (PL: czy dobrze)."""
        return self.status in RIGHT

    def _repr_markdown_(self) -> str:
        if self.status not in _ICONS:
            return self.message
        sign, colour = _ICONS[self.status]
        return f'<span style="color:{colour};font-weight:bold">{sign}</span> {self.message}'

    def __repr__(self) -> str:
        return f"{self.status}: {self.message}"


class Note(Outcome):
    """A hint or a solution shown as Markdown (PL: notka)."""

    def __init__(self, text: str):
        super().__init__("note", text)

    def _repr_markdown_(self) -> str:
        return self.message


@dataclass
class Mistake:
    """A known wrong answer: how to compute it and what it means (PL: typowy błąd).

    Attributes
    ----------
    kind : str
        A short code for the room (``"without_corrections"``).
    value : callable
        ``value(ctx)`` -> the wrong answer this mistake gives on the participant's data, or None
        when it cannot arise there; a mistake whose value equals the right answer is skipped.
    message : dict or callable
        What went wrong, ``{"en": ..., "pl": ...}`` with ``{fields}`` from the context, or
        ``message(ctx)`` -> text in the context's language.
    label : dict
        A short name of the mistake for the room's tables.
    """

    kind: str
    value: Callable[[Context], Any]
    message: Text | Callable[[Context], str]
    label: Text = field(default_factory=dict)

    def text(self, ctx: Context) -> str:
        """The message in the context's language (PL: treść komunikatu)."""
        return self.message(ctx) if callable(self.message) else tr(self.message, ctx.language, **ctx.fields)


@dataclass
class Question:
    """One question: its text, its answer kind, how to compute the right answer, known mistakes.

    Attributes
    ----------
    key : str
        Its number in the exercise set (``"1a"``, ``"2"``): ``ex.q1a`` in a notebook.
    topic : dict
        A short name (``{"en": "window W", "pl": "okno W"}``) for tables.
    prompt : dict
        The question.
    answer : AnswerKind
        How an answer is read and compared (:mod:`salesnb.exercises.answers`).
    expected : callable or None
        ``expected(ctx)`` -> the right answer on the participant's data (None for open questions).
    hint, solution : dict
        A nudge towards the method; the method (the answer itself is added by ``solution()``).
    mistakes : list of Mistake
        Known wrong answers, tried in order.
    depends_on : tuple of str
        Keys of earlier questions whose answers this one is checked against.
    model : callable or None
        ``model(ctx)`` -> the model answer used in a demonstration run; default ``expected``.
    against : callable or None
        ``against(ctx)`` -> the parameters the answer is checked against (saved with it).
    too_high, too_low, near : dict or None
        For numbers no known mistake explains: what an answer above / below / close to the right
        one usually means.
    fields : callable or None
        ``fields(ctx)`` -> values for the ``{fields}`` of the messages and the solution.
    """

    key: str
    topic: Text
    prompt: Text
    answer: Any
    expected: Callable[[Context], Any] | None
    hint: Text
    solution: Text
    mistakes: list[Mistake] = field(default_factory=list)
    depends_on: tuple[str, ...] = ()
    model: Callable[[Context], Any] | None = None
    against: Callable[[Context], dict] | None = None
    too_high: Text | None = None
    too_low: Text | None = None
    near: Text | None = None
    fields: Callable[[Context], dict] | None = None

    def kind_label(self, kind: str | None, language: str) -> str:
        """A short name of a kind of wrong answer to this question (PL: rodzaj błędu)."""
        if kind is None:
            return tr({"en": "other", "pl": "inny"}, language)
        for m in self.mistakes:
            if m.kind == kind and m.label:
                return tr(m.label, language)
        return self.answer.kind_label(kind, language)


class Context:
    """What a check can see (PL: kontekst sprawdzenia): the company, the language, earlier answers.

    Parameters
    ----------
    exercise : Exercise
        The exercise being answered.

    Attributes
    ----------
    company : Company
    language : str
    params : dict
        The exercise's own parameters (e.g. the sample of clients).
    fields : dict
        Values for the ``{fields}`` of messages, filled by the questions as they check.
    """

    def __init__(self, exercise: Exercise):
        self.exercise = exercise
        self.company = exercise.company
        self.language = exercise.language
        self.params = exercise.params
        self.fields: dict[str, Any] = {}
        self._cache: dict[Any, Any] = {}

    def answer(self, key: str) -> Any:
        """The participant's reading of an earlier question's answer, None if there is none."""
        bq = self.exercise.question(key)
        if bq.reading is None or not bq.reading.ok or bq.outcome is None or bq.outcome.status == "waiting":
            return None
        return bq.reading.value

    def memo(self, name: Any, compute: Callable[[], Any]) -> Any:
        """A value computed once per exercise (PL: wartość zapamiętana), e.g. statuses per window."""
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]


class BoundQuestion:
    """A question bound to one exercise (what a notebook cell uses): ``ex.q1a.check(answer)``.

    Parameters
    ----------
    question : Question
    exercise : Exercise
    """

    def __init__(self, question: Question, exercise: Exercise):
        self.q = question
        self.exercise = exercise
        self.given: Any = None
        self.reading: Any = None
        self.outcome: Outcome | None = None
        self.against: dict = {}
        self.checked: str | None = None
        self.restored = False

    @property
    def key(self) -> str:
        """The question's number in its set (PL: numer pytania)."""
        return self.q.key

    @property
    def ctx(self) -> Context:
        """The exercise's check context (PL: kontekst)."""
        return self.exercise.ctx

    @property
    def lang(self) -> str:
        """The exercise's language."""
        return self.exercise.language

    def _repr_markdown_(self) -> str:
        return f"**{t('ex_question_word', self.lang)} {self.q.key}** · {tr(self.q.prompt, self.lang)}"

    def __repr__(self) -> str:
        return f"{self.q.key}. {tr(self.q.prompt, self.lang)}"

    def expected(self) -> Any:
        """The right answer on the participant's data (PL: oczekiwana odpowiedź)."""
        if self.q.expected is None or any(self.ctx.answer(k) is None for k in self.q.depends_on):
            return None
        return self.q.expected(self.ctx)

    def model_answer(self) -> Any:
        """The model answer (PL: odpowiedź wzorcowa): what a demonstration run checks."""
        return (self.q.model or self.q.expected or (lambda ctx: None))(self.ctx)

    def check(self, answer: Any = None, *more: Any) -> Outcome:
        """Check an answer (PL: sprawdź odpowiedź); never raises on what a participant types.

        Parameters
        ----------
        answer : object, optional
            The answer. None (or ``...``) means: the answer already given in this question's form
            or restored from the participant's file, if any; else, in a run without a
            participant, the model answer (marked as such); else not attempted.
        *more : object
            Further values, as Python passes ``check(0,45)``: read with ``answer`` as one tuple,
            ``(0, 45)``, which a number answer reads as 0,45.

        Returns
        -------
        Outcome
            Kept with the answer, its reading and the parameters it was checked against, and saved
            at once when the exercise has a participant and an answers folder. Later questions
            already checked against this one are checked again.
        """
        demo = False
        if more:
            answer = (answer, *more)
        if answer is None or answer is Ellipsis:
            if self.given is not None:
                answer = self.given
            elif self.exercise.demo:
                answer, demo = self.model_answer(), True
        self.outcome = self._judge(answer)
        self.outcome.demo = demo
        if demo:
            head = f"*{t('ex_demo_answer', self.lang)}*"
            if self.outcome.status == "noted":
                self.outcome.message = f"{head}\n\n{self._model_text(answer)}"
            else:
                self.outcome.message = f"{head} {self.outcome.message}"
        self.given = None if demo else answer
        self.checked = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        for later in self.exercise.questions:
            if self.q.key in later.q.depends_on and later.outcome is not None and later.given is not None:
                later.outcome = later._judge(later.given)
        self.exercise.autosave()
        return self.outcome

    def _model_text(self, answer: Any) -> str:
        """A model answer as Markdown: items with their labels, arrows between blocks, text quoted."""
        keys = getattr(self.q.answer, "keys", None)
        labels = {}
        if callable(keys):
            labels = {k: tr(lb, self.lang) if isinstance(lb, dict) else str(lb) for k, lb in keys(self.ctx)}
        if isinstance(answer, dict) and hasattr(self.q.answer, "choices"):
            groups: dict[str, list[str]] = {}
            for k, v in answer.items():
                groups.setdefault(str(v), []).append(labels.get(k, str(k)))
            return "\n".join(f"- **{v}**: {', '.join(names)}" for v, names in groups.items())
        if isinstance(answer, dict):
            return "\n".join(f"- **{labels.get(k, k)}**: " + ("; ".join(map(str, v)) if isinstance(v, (tuple, list))
                                                               else str(v)) for k, v in answer.items())
        if isinstance(answer, (list, tuple)):
            return " → ".join(map(str, answer))
        return f"> {answer}"

    def _judge(self, answer: Any) -> Outcome:
        self.reading, self.against = None, {}
        ctx = self.ctx
        ctx.fields = {}
        if answer is None or answer is Ellipsis:
            return Outcome("not_attempted", t("ex_not_attempted", self.lang))
        missing = [k for k in self.q.depends_on if ctx.answer(k) is None]
        if missing:
            return Outcome("waiting", t("ex_waiting", self.lang).format(keys=", ".join(missing)), kind="waiting")
        ctx.fields.update(self._fields())
        reading = self.q.answer.read(answer, ctx)
        self.reading = reading
        self.against = self.q.against(ctx) if self.q.against else {}
        if not reading.ok:
            return Outcome("unreadable", reading.message, kind=reading.problem)
        outcome = self.q.answer.judge(reading, self.expected(), self.q, ctx)
        shown = self.q.answer.show(reading.value, ctx)
        # "read as 71.8%" beside "Correct: 71.8%." says nothing new: only a reading the message does not show
        if reading.message and not (shown and reading.message.endswith(shown) and shown in outcome.message):
            outcome.message = f"{outcome.message} ({reading.message})"
        return outcome

    def _fields(self) -> dict:
        if self.q.fields is None or any(self.ctx.answer(k) is None for k in self.q.depends_on):
            return {}
        return self.q.fields(self.ctx)

    def hint(self) -> Note:
        """A nudge towards the method (PL: podpowiedź); never the answer itself."""
        return Note(f"**{t('ex_hint', self.lang)}:** {tr(self.q.hint, self.lang)}")

    def solution(self) -> Note:
        """The method and the answer on this data (PL: rozwiązanie)."""
        text = f"**{t('ex_solution', self.lang)}:** {tr(self.q.solution, self.lang, **self._fields())}"
        if self.q.expected is not None:
            missing = [k for k in self.q.depends_on if self.ctx.answer(k) is None]
            if missing:
                text += "\n\n" + t("ex_waiting", self.lang).format(keys=", ".join(missing))
            else:
                text += f"\n\n→ **{self.q.answer.show(self.expected(), self.ctx)}**"
        return Note(text)

    def form(self) -> Any:
        """A form to answer in (PL: formularz odpowiedzi), where one beats typing."""
        from ..widgets import StaticNote, live

        if not live():
            return StaticNote(self.lang)
        missing = [k for k in self.q.depends_on if self.ctx.answer(k) is None]
        if missing:  # its fields come from the earlier answer (the blocks of a diagram): none yet
            return Note(t("ex_waiting_form", self.lang).format(keys=", ".join(missing)))
        current = self.given if self.given is not None else (self.model_answer() if self.exercise.demo else None)
        return self.q.answer.form(self, current)

    def shown_answer(self) -> str:
        """The answer as the participant gave it, formatted for a table (PL: podana odpowiedź)."""
        if self.reading is not None and self.reading.ok:
            return self.q.answer.show(self.reading.value, self.ctx)
        value = self.given if self.given is not None else (
            None if self.outcome is None or not self.outcome.demo else self.model_answer())
        if value is None:
            return ""
        if isinstance(value, dict):
            value = ", ".join(map(str, value))
        elif isinstance(value, (list, tuple, set)):
            value = ", ".join(map(str, value))
        text = " ".join(str(value).split())
        return text if len(text) <= 60 else text[:57] + "…"


class Exercise:
    """A set of questions on one company, for one participant (PL: zestaw zadań): ``ex.q1a.check(...)``.

    Parameters
    ----------
    key : str
        The exercise's name, the folder of its answers (``client_lifecycle``).
    title : dict
        Its title in both languages.
    questions : list of Question
        The questions; question ``"1a"`` becomes the attribute ``q1a``.
    company : Company
        The participant's company: the expected answers are computed from its data.
    language : {"en", "pl"}, optional
        Default the company's ``language``, else English.
    participant : str, optional
        The participant's name; None (or empty) makes the run a demonstration: unanswered
        questions are checked with their model answers and nothing is saved.
    answers_dir : str or pathlib.Path, optional
        Where answers are kept; None keeps none.
    dataset : str, optional
        The company folder as given (saved with the answers).
    params : dict, optional
        The exercise's own parameters (saved with the answers).

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """

    def __init__(self, key: str, title: Text, questions: list[Question], company: Any, language: str | None = None,
                 *, participant: Any = None, answers_dir: str | Path | None = None, dataset: Any = None,
                 params: dict | None = None):
        self.key = key
        self.title = title
        self.company = company
        self.language = check_language(language or getattr(company, "language", None) or "en",
                                       function="salesnb.exercises.Exercise")
        name = store.participant_name(participant) if participant is not None else ""
        self.participant = name or None
        self.answers_dir = Path(answers_dir) if answers_dir not in (None, "") else None
        self.dataset = None if dataset is None else str(dataset)
        self.params = dict(params or {})
        self.path: Path | None = None
        self.save_error: str | None = None
        self.ctx = Context(self)
        self.questions = [BoundQuestion(q, self) for q in questions]
        self._by_key = {bq.key: bq for bq in self.questions}
        for bq in self.questions:
            setattr(self, f"q{bq.key}", bq)
        self._restore()

    @property
    def demo(self) -> bool:
        """Whether this is a demonstration run: no participant (PL: pokaz bez uczestnika)."""
        return self.participant is None

    def question(self, key: str) -> BoundQuestion:
        """The question with this key (PL: pytanie o numerze)."""
        return self._by_key[str(key)]

    def __repr__(self) -> str:
        who = self.participant or "demonstration"
        return f"Exercise {self.key!r} ({len(self.questions)} questions, {who}, language {self.language})"

    def _repr_markdown_(self) -> str:
        lang = self.language
        if self.demo:
            return f"**{tr(self.title, lang)}** · {t('ex_demo_run', lang)}"
        where = (t("ex_kept_in", lang).format(path=self.path or store.answers_path(
            self.answers_dir, self.key, self.participant)) if self.answers_dir is not None
            else t("ex_not_kept", lang))
        restored = sum(bq.restored for bq in self.questions)
        note = " " + t("ex_restored", lang).format(n=restored) if restored else ""
        return f"**{tr(self.title, lang)}** · {t('ex_participant', lang)}: **{self.participant}** · {where}{note}"

    # ------------------------------------------------------------------ results and answers

    def table(self) -> pd.DataFrame:
        """One row per question: topic, answer, result, remark (PL: tabela wyników), as data.

        ``result`` is the outcome's status, except a name that is not one of the options
        (``"not_an_option"``: read, but not on the list, rather than "cannot be read").
        """
        rows = []
        for bq in self.questions:
            out = bq.outcome
            status = out.status if out else "not_attempted"
            remark = ""
            if out is not None and status not in RIGHT and status != "not_attempted":
                remark = bq.q.kind_label(out.kind, self.language)
            elif out is not None and out.demo:
                remark = t("ex_demo_short", self.language)
            if status == "unreadable" and out.kind == "not_an_option":
                # a name read well, but not one on the list: not "cannot be read"
                status, remark = "not_an_option", ""
            rows.append({"question": bq.key, "topic": tr(bq.q.topic, self.language), "answer": bq.shown_answer(),
                         "result": status, "remark": remark})
        return pd.DataFrame(rows, columns=["question", "topic", "answer", "result", "remark"])

    def results(self) -> Any:
        """The results as a formatted table (PL: wyniki), in the exercise's language."""
        return show(self.table(), self.language, max_rows=None)

    def record(self) -> dict:
        """Everything kept for this participant: answers, results, parameters (PL: zapis odpowiedzi)."""
        company = self.company
        params = {"dataset": self.dataset, "company": getattr(company, "name", None),
                  "as_of": _iso(getattr(company, "analysis_date", None)), **self.params}
        questions = {}
        for bq in self.questions:
            if bq.outcome is None or bq.outcome.demo:
                continue
            questions[bq.key] = {
                "answer": store.jsonable(bq.given),
                "read": store.jsonable(bq.reading.value) if bq.reading is not None and bq.reading.ok else None,
                "shown": bq.shown_answer(),
                "status": bq.outcome.status,
                "kind": bq.outcome.kind,
                "message": bq.outcome.message,
                "against": store.jsonable(bq.against),
                "checked": bq.checked,
            }
        return {"format": store.FORMAT, "exercise": self.key, "title": self.title, "participant": self.participant,
                "language": self.language, "parameters": store.jsonable(params), "questions": questions}

    def save(self) -> Path | None:
        """Keep the answers (PL: zapisz odpowiedzi) in ``<answers_dir>/<exercise>/<participant>.json``."""
        if self.demo or self.answers_dir is None:
            return None
        try:
            self.path = store.save_record(self.answers_dir, self.record(), self.path)
            self.save_error = None
        except OSError as e:
            self.save_error = f"{type(e).__name__}: {e}"
            return None
        return self.path

    def autosave(self) -> None:
        """Save after a check, when there is somewhere to save (PL: zapis automatyczny)."""
        self.save()

    def _restore(self) -> None:
        if self.demo or self.answers_dir is None:
            return
        found = store.find_record(self.answers_dir, self.key, self.participant)
        if found is None:
            return
        self.path, saved = found
        for key, entry in (saved.get("questions") or {}).items():
            if key in self._by_key and entry.get("answer") is not None:
                bq = self._by_key[key]
                bq.given = store.from_json(entry["answer"])
                bq.restored = True


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    try:
        return pd.Timestamp(value).date().isoformat()
    except (TypeError, ValueError):
        return str(value)
