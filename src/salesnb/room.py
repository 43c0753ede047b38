"""The trainer's room (PL: podsumowanie sali): everyone's answers to the exercises, summarised.

Participants keep their answers in one folder, ``<answers_dir>/<exercise>/<participant>.json``
(:mod:`salesnb.exercises.store`). This module reads the folder and answers a trainer's
questions about the room: per question the share right (open answers, which have no right
answer, are counted as saved, apart), the wrong answers grouped by kind
(``without_corrections``, ``window_too_short`` ...), the distribution of the lifecycle windows chosen,
the managed-process diagnostic profiles side by side, and who has not answered yet. ``salesnb
room ANSWERS_DIR`` writes it as one self-contained HTML page (tables and charts inside, written
atomically); the trainer's notebook ``exercises/source/99_trainer_room.py`` shows the same.

Files that cannot be read (half written by another program, not answers files) are left out and
counted; answers of an exercise this version does not know are summarised with their raw kinds.
"""
from __future__ import annotations

import base64
import html
import io as _io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .exercises import WRONG, tr
from .exercises import diagnostic as _diagnostic
from .exercises.reading import window_days
from .exercises.registry import SETS, exercise_set, question
from .exercises.store import participant_name, room_records
from .i18n import check_language, t
from .io import atomic_write_text
from .present import show

__all__ = ["Room", "demo_room", "participants_table", "profiles_table", "questions_table", "read_room",
           "report_html", "windows_table", "write_report", "wrong_table"]

_NOT_ANSWERED = ("not_attempted", "waiting")
#: An open answer kept in the right form ("noted") is saved, not right: it has no right answer.
_RIGHT, _SAVED = "correct", "noted"


@dataclass
class Room:
    """The answers of a room (PL: odpowiedzi sali).

    Attributes
    ----------
    folder : pathlib.Path
        The answers folder.
    records : list of dict
        One per participant and exercise, as saved.
    roster : list of str
        Participants expected (given by the trainer), whether they saved anything or not.
    skipped : int
        Files left out because they could not be read.
    """

    folder: Path
    records: list[dict] = field(default_factory=list)
    roster: list[str] = field(default_factory=list)
    skipped: int = 0

    @property
    def participants(self) -> list[str]:
        """Everyone in the room: the roster and whoever saved an answer (PL: uczestnicy), sorted.

        Returns
        -------
        list of str
        """
        names = {_participant(r) for r in self.records} | set(self.roster)
        return sorted((n for n in names if n), key=str.casefold)

    @property
    def exercises(self) -> list[str]:
        """The exercises someone answered, in the workbook's order (PL: zestawy zadań w sali).

        Returns
        -------
        list of str
        """
        keys = {r.get("exercise") for r in self.records}
        return [k for k in SETS if k in keys] + sorted(k for k in keys if k not in SETS and k)

    def of(self, exercise: str) -> list[dict]:
        """The records of one exercise (PL: odpowiedzi do zestawu).

        Parameters
        ----------
        exercise : str

        Returns
        -------
        list of dict
        """
        return [r for r in self.records if r.get("exercise") == exercise]


def read_room(answers_dir: str | Path, roster: list[str] | None = None) -> Room:
    """Read every participant's answers under a folder (PL: wczytaj odpowiedzi sali).

    Parameters
    ----------
    answers_dir : str or pathlib.Path
        The folder participants save into (one subfolder per exercise).
    roster : list of str, optional
        Names of everyone expected, so that those who saved nothing show as not answered.

    Returns
    -------
    Room
    """
    folder = Path(answers_dir)
    all_json = [p for p in folder.glob("*/*.json") if not p.name.startswith(".")] if folder.is_dir() else []
    records = [rec for _, rec in room_records(folder)] if folder.is_dir() else []
    roster = [participant_name(n) for n in (roster or []) if str(n).strip()]
    return Room(folder, records, roster, len(all_json) - len(records))


def _participant(record: dict) -> str:
    return participant_name(record.get("participant", ""))


def _title(exercise: str, language: str, records: list[dict]) -> str:
    module = exercise_set(exercise)
    if module is not None:
        return tr(module.TITLE, language)
    title = next((r.get("title") for r in records if isinstance(r.get("title"), dict)), None)
    return tr(title, language) if title else exercise


def _question_keys(room: Room, exercise: str) -> list[tuple[str, str]]:
    module = exercise_set(exercise)
    if module is not None:
        return [(q.key, "") for q in module.QUESTIONS]
    keys: list[str] = []
    for r in room.of(exercise):
        keys += [k for k in (r.get("questions") or {}) if k not in keys]
    return [(k, "") for k in keys]


def _topic(exercise: str, key: str, language: str) -> str:
    q = question(exercise, key)
    return tr(q.topic, language) if q is not None else ""


def _kind_label(exercise: str, key: str, kind: str | None, language: str) -> str:
    q = question(exercise, key)
    if q is not None:
        return q.kind_label(kind, language)
    return kind or t("ex_result_incorrect", language)


def _entries(room: Room, exercise: str, key: str) -> dict[str, dict]:
    out = {}
    for r in room.of(exercise):
        entry = (r.get("questions") or {}).get(key)
        if entry is not None:
            out[_participant(r)] = entry
    return out


def _wrong_by_kind(room: Room, exercise: str, key: str, language: str) -> dict[str, list[str]]:
    """Who gave a wrong answer to a question, by the kind of mistake in words (in the room's order)."""
    groups: dict[str, list[str]] = {}
    for name, e in _entries(room, exercise, key).items():
        if e.get("status") in WRONG:
            groups.setdefault(_kind_label(exercise, key, e.get("kind"), language), []).append(name)
    return groups


def participants_table(room: Room, language: str = "en") -> pd.DataFrame:
    """Who answered what (PL: kto na co odpowiedział): per participant and exercise.

    Parameters
    ----------
    room : Room
    language : {"en", "pl"}, default "en"

    Returns
    -------
    pandas.DataFrame
        Columns ``participant``, ``exercise`` (title), ``answered`` (questions with an answer),
        ``right`` (answers checked right), ``saved`` (open answers saved complete: they have no
        right answer), ``not_answered`` (the keys of the questions without an answer).
    """
    lang = check_language(language)
    rows = []
    for name in room.participants:
        for ex in room.exercises:
            keys = [k for k, _ in _question_keys(room, ex)]
            rec = next((r for r in room.of(ex) if _participant(r) == name), None)
            qs = (rec or {}).get("questions") or {}
            answered = [k for k in keys if qs.get(k, {}).get("status", "not_attempted") not in _NOT_ANSWERED]
            right = [k for k in keys if qs.get(k, {}).get("status") == _RIGHT]
            saved = [k for k in keys if qs.get(k, {}).get("status") == _SAVED]
            rows.append({"participant": name, "exercise": _title(ex, lang, room.of(ex)), "answered": len(answered),
                         "right": len(right), "saved": len(saved),
                         "not_answered": ", ".join(k for k in keys if k not in answered)})
    return pd.DataFrame(rows, columns=["participant", "exercise", "answered", "right", "saved", "not_answered"])


def questions_table(room: Room, language: str = "en") -> pd.DataFrame:
    """Per question: how many answered, the share right, the wrong answers by kind, who is missing.

    PL: wyniki według pytań.

    Parameters
    ----------
    room : Room
    language : {"en", "pl"}, default "en"

    Returns
    -------
    pandas.DataFrame
        Columns ``exercise``, ``question``, ``topic``, ``answered``, ``right`` (checked right),
        ``saved`` (open answers saved complete, which have no right answer: counted apart, never
        as right), ``share_right`` (right among those who answered and were checked against a
        right answer, i.e. answered minus saved; NaN if none), ``wrong_answers`` ("kind: n; ..."),
        ``not_answered`` (names).
    """
    lang = check_language(language)
    rows = []
    for ex in room.exercises:
        for key, _ in _question_keys(room, ex):
            entries = _entries(room, ex, key)
            answered = {n: e for n, e in entries.items() if e.get("status") not in _NOT_ANSWERED}
            right = [n for n, e in answered.items() if e.get("status") == _RIGHT]
            saved = [n for n, e in answered.items() if e.get("status") == _SAVED]
            judged = len(answered) - len(saved)
            kinds = {label: len(names) for label, names in _wrong_by_kind(room, ex, key, lang).items()}
            rows.append({
                "exercise": _title(ex, lang, room.of(ex)), "question": key, "topic": _topic(ex, key, lang),
                "answered": len(answered), "right": len(right), "saved": len(saved),
                "share_right": len(right) / judged if judged else float("nan"),
                "wrong_answers": "; ".join(f"{k}: {n}" for k, n in sorted(kinds.items(), key=lambda x: -x[1])),
                "not_answered": ", ".join(n for n in room.participants if n not in answered),
            })
    return pd.DataFrame(rows, columns=["exercise", "question", "topic", "answered", "right", "saved",
                                       "share_right", "wrong_answers", "not_answered"])


def wrong_table(room: Room, language: str = "en") -> pd.DataFrame:
    """The wrong answers grouped by kind, with who gave them (PL: błędne odpowiedzi według rodzaju).

    Parameters
    ----------
    room : Room
    language : {"en", "pl"}, default "en"

    Returns
    -------
    pandas.DataFrame
        Columns ``exercise``, ``question``, ``kind`` (in words), ``participants`` (count), ``who``;
        the most frequent kind of each question first.
    """
    lang = check_language(language)
    rows = []
    for ex in room.exercises:
        for key, _ in _question_keys(room, ex):
            groups = _wrong_by_kind(room, ex, key, lang)
            for label, names in sorted(groups.items(), key=lambda x: (-len(x[1]), x[0])):
                rows.append({"exercise": _title(ex, lang, room.of(ex)), "question": key, "kind": label,
                             "participants": len(names), "who": ", ".join(sorted(names, key=str.casefold))})
    return pd.DataFrame(rows, columns=["exercise", "question", "kind", "participants", "who"])


def windows_table(room: Room) -> pd.DataFrame:
    """The lifecycle windows the room chose in exercise 1a (PL: okna wybrane w sali).

    Parameters
    ----------
    room : Room

    Returns
    -------
    pandas.DataFrame
        One row per window (shortest first): ``window`` (label), ``participants``, ``accepted``
        (within the range accepted for the participant's data), ``suggested`` (the workbook's
        suggestion for that data), ``who``.
    """
    groups: dict[str, dict] = {}
    for name, e in _entries(room, "client_lifecycle", "1a").items():
        w = e.get("read")
        if not w or e.get("status") in _NOT_ANSWERED:
            continue
        g = groups.setdefault(w, {"who": [], "accepted": False, "suggested": False})
        g["who"].append(name)
        g["accepted"] = g["accepted"] or e.get("status") == "correct"
        suggested = (e.get("against") or {}).get("suggested")
        if suggested and abs(window_days(suggested) - window_days(w)) < 1e-9:
            g["suggested"] = True
    rows = [{"window": w, "participants": len(g["who"]), "accepted": g["accepted"], "suggested": g["suggested"],
             "who": ", ".join(sorted(g["who"], key=str.casefold))}
            for w, g in sorted(groups.items(), key=lambda x: window_days(x[0]))]
    return pd.DataFrame(rows, columns=["window", "participants", "accepted", "suggested", "who"])


def profiles_table(room: Room) -> pd.DataFrame:
    """The diagnostic profiles side by side (PL: profile diagnostyczne uczestników).

    Parameters
    ----------
    room : Room

    Returns
    -------
    pandas.DataFrame
        Index: participants who answered the questionnaire; one column per area
        (:data:`salesnb.exercises.diagnostic.AREAS`), the score per area (0-1).
    """
    rows = {}
    for name, e in _entries(room, _diagnostic.KEY, "1").items():
        if isinstance(e.get("read"), dict):
            rows[name] = _diagnostic.profile(e["read"])["managed_share"]
    if not rows:
        return pd.DataFrame(columns=list(_diagnostic.AREAS), index=pd.Index([], name="participant", dtype=object),
                            dtype=float)
    frame = pd.DataFrame(rows).T.reindex(columns=list(_diagnostic.AREAS)).astype(float)
    frame.index.name = "participant"
    return frame.loc[sorted(frame.index, key=str.casefold)]


def _png(fig: Any) -> str:
    buf = _io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return f'<img alt="" src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}">'


def report_html(room: Room, language: str = "en") -> str:
    """The room's summary as one self-contained HTML page (PL: raport sali jako strona HTML).

    Parameters
    ----------
    room : Room
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    from .plots.exercises import profiles_chart, windows_chart

    lang = check_language(language)
    parts = [f"<h1>{html.escape(t('room_title', lang))}</h1>",
             "<p>" + html.escape(t("room_intro", lang).format(folder=room.folder, n=len(room.participants),
                                                               files=len(room.records))) + "</p>"]
    if room.skipped:
        parts.append("<p>" + html.escape(t("room_skipped", lang).format(n=room.skipped)) + "</p>")
    if not room.records:
        parts.append("<p>" + html.escape(t("room_empty", lang)) + "</p>")
    else:
        questions, wrong = questions_table(room, lang), wrong_table(room, lang)
        parts.append(f"<h2>{html.escape(t('room_questions', lang))}</h2>")
        for title in questions["exercise"].unique():
            parts += [f"<h3>{html.escape(title)}</h3>",
                      show(questions[questions["exercise"] == title].drop(columns="exercise"), lang,
                           max_rows=None).to_html()]
            mine = wrong[wrong["exercise"] == title].drop(columns="exercise")
            if len(mine):
                parts += [f"<h4>{html.escape(t('room_wrong', lang))}</h4>", show(mine, lang, max_rows=None).to_html()]
        windows = windows_table(room)
        if len(windows):
            parts += [f"<h2>{html.escape(t('room_windows', lang))}</h2>", _png(windows_chart(windows, lang)),
                      show(windows, lang, max_rows=None).to_html()]
        profiles = profiles_table(room)
        if len(profiles):
            shown = profiles.rename(columns={a: f"diag_area_{a}" for a in profiles.columns})
            parts += [f"<h2>{html.escape(t('room_profiles', lang))}</h2>", _png(profiles_chart(profiles, lang)),
                      show(shown, lang, kinds={c: "percent" for c in shown.columns}, max_rows=None).to_html()]
        parts += [f"<h2>{html.escape(t('room_participants', lang))}</h2>",
                  show(participants_table(room, lang), lang, max_rows=None).to_html()]
    style = ("body{font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;max-width:1100px;"
             "margin:2em auto;padding:0 1em;color:#222}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;"
             "border-bottom:1px solid #ddd;padding-bottom:.2em}h3{font-size:1.1em;margin-top:1.4em}"
             "h4{font-size:.95em;color:#444;margin:.6em 0 .2em}img{max-width:100%}")
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(t('room_title', lang))}</title><style>{style}</style></head><body>\n"
            + "\n".join(parts) + "\n</body></html>\n")


def write_report(answers_dir: str | Path, out: str | Path | None = None, language: str = "en",
                 roster: list[str] | None = None) -> Path:
    """Write the room's summary as HTML, atomically (PL: zapisz raport sali).

    Parameters
    ----------
    answers_dir : str or pathlib.Path
        The answers folder.
    out : str or pathlib.Path, optional
        The HTML file; default ``<answers_dir>/room.html``.
    language : {"en", "pl"}, default "en"
    roster : list of str, optional
        Everyone expected (see :func:`read_room`).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    room = read_room(answers_dir, roster)
    path = Path(out) if out is not None else Path(answers_dir) / "room.html"
    atomic_write_text(path, report_html(room, language))
    return path


def demo_room(folder: str | Path, dataset: str | Path, language: str = "en") -> Path:
    """A small room of fictional participants, for a trainer's preview and the tests (PL: sala pokazowa).

    Four participants answer on the same company: one right everywhere, one with the typical
    mistakes (too short a window, the article's window instead of their own, revenue without
    corrections), one with an accepted window other than the suggestion and the potential clients
    counted as lost, and one who has only started.

    Parameters
    ----------
    folder : str or pathlib.Path
        Where to write the answers (``<folder>/<exercise>/<participant>.json``).
    dataset : str or pathlib.Path
        The company folder.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    pathlib.Path
        ``folder``.
    """
    import warnings

    from . import lifecycle
    from .company import load_company
    from .errors import DataWarning
    from .exercises import diagnostic, know_your_data, lifecycle_set1

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        company = load_company(dataset)
    folder = Path(folder)

    def open_(module, name):
        return module.exercise(company, language, participant=name, answers_dir=folder, dataset=str(dataset))

    names = ["Anna Kowalska", "Bartek Nowak", "Celina Wiśniewska", "Dawid Zieliński"]
    for name in names[:3]:
        ex = open_(know_your_data, name)
        for bq in ex.questions:
            bq.check(bq.model_answer())
    ex = open_(know_your_data, names[1])
    ex.q2.check(know_your_data.net_revenue(company, how="gross"))
    ex = open_(know_your_data, names[3])
    ex.q1.check(str(know_your_data.potential_clients(company) + 1))

    ex = open_(lifecycle_set1, names[0])
    for bq in ex.questions:
        bq.check(bq.model_answer())
    ex = open_(lifecycle_set1, names[1])
    ex.q1a.check("1M")  # the average gap taken literally: too short
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        article = lifecycle.status_counts(lifecycle.statuses(company, window="3M"))
    ex.q2a.check(int(article["lost"]))  # the article's 3 months instead of the own window
    ex.q2c.check("ok")
    ex = open_(lifecycle_set1, names[2])
    ex.q1a.check("8W")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        counts = lifecycle.status_counts(lifecycle.statuses(company, window="8W"))
    ex.q2a.check(int(counts["lost"] + counts["potential"]))  # the potential clients counted as lost
    ex.q2b.check(f"{100 * counts['regular'] / counts.drop('potential').sum():.1f}".replace(".", ",") + "%")
    ex = open_(lifecycle_set1, names[3])
    ex.q1a.check("2")

    marks = diagnostic.evidence(company)
    for i, name in enumerate(names[:3]):
        ex = open_(diagnostic, name)
        lower = {"+": "+/-", "+/-": "-", "-": "-"}
        mine = {k: (v if j % (i + 2) else lower[v]) for j, (k, v) in enumerate(marks.items())}
        ex.q1.check(mine)
        ex.q2.check(ex.q2.model_answer())
    return folder
