"""Answers kept per participant (PL: odpowiedzi zapisane dla każdego uczestnika).

One file per participant and exercise, ``<answers_dir>/<exercise>/<name>.json``, where
``<name>`` is the participant's name made file-safe (``Zażółć Gęślą`` -> ``zazolc-gesla``). The
file holds the participant's name as typed, so two names that make the same file name never
share a file: the second gets ``-2`` (``-3`` ...) added. A file is only ever replaced whole and
atomically (:func:`salesnb.io.atomic_write_text`), so a trainer reading the folder during a
workshop never sees half a file. A room of participants writes to one folder without locks,
since nobody writes anyone else's file.
"""
from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..io import atomic_write_text

__all__ = ["FORMAT", "answers_path", "file_safe", "find_record", "from_json", "jsonable", "participant_name",
           "read_record", "room_records", "save_record"]

#: Version of the answers file's layout.
FORMAT = 1


def file_safe(name: Any) -> str:
    """A participant's name as a file name (PL: nazwa pliku z imienia): ASCII, lower case, dashes.

    Parameters
    ----------
    name : object
        The name as typed.

    Returns
    -------
    str
        At most 60 characters of ``a-z``, ``0-9`` and ``-``; ``"participant"`` if nothing is left.
    """
    s = unicodedata.normalize("NFKD", str(name).replace("ł", "l").replace("Ł", "L"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:60].strip("-")
    return s or "participant"


def participant_name(name: Any) -> str:
    """A participant's name as kept, compared and shown (PL: imię uczestnika): white space folded.

    Parameters
    ----------
    name : object
        The name as typed, or as saved in an answers file.

    Returns
    -------
    str
        Its words joined by single spaces, none leading or trailing (``""`` for a blank name).
    """
    return " ".join(str(name).split())


def _same_participant(saved: dict, participant: str) -> bool:
    return participant_name(saved.get("participant", "")).casefold() == participant.casefold()


def read_record(path: str | Path) -> dict | None:
    """One answers file (PL: plik odpowiedzi), or None if it cannot be read as one.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    dict or None
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "participant" in data else None


def find_record(answers_dir: str | Path, exercise: str, participant: str) -> tuple[Path, dict] | None:
    """The participant's file for an exercise, if there is one (PL: plik uczestnika).

    Parameters
    ----------
    answers_dir : str or pathlib.Path
    exercise : str
    participant : str

    Returns
    -------
    (pathlib.Path, dict) or None
    """
    folder = Path(answers_dir) / exercise
    base = file_safe(participant)
    for i in range(1, 1000):
        path = folder / (base + ("" if i == 1 else f"-{i}") + ".json")
        if not path.exists():
            return None
        saved = read_record(path)
        if saved is not None and _same_participant(saved, participant):
            return path, saved
    return None


def answers_path(answers_dir: str | Path, exercise: str, participant: str) -> Path:
    """Where a participant's answers to an exercise go (PL: ścieżka pliku odpowiedzi).

    The participant's existing file, else the first free name: ``<name>.json``, then
    ``<name>-2.json`` ... when another participant's name makes the same file name.

    Parameters
    ----------
    answers_dir : str or pathlib.Path
    exercise : str
    participant : str

    Returns
    -------
    pathlib.Path
    """
    found = find_record(answers_dir, exercise, participant)
    if found is not None:
        return found[0]
    folder = Path(answers_dir) / exercise
    base = file_safe(participant)
    i = 1
    while True:
        path = folder / (base + ("" if i == 1 else f"-{i}") + ".json")
        saved = read_record(path) if path.exists() else None
        if not path.exists() or (saved is not None and _same_participant(saved, participant)):
            return path
        i += 1


def save_record(answers_dir: str | Path, record: dict, path: Path | None = None) -> Path:
    """Write a participant's record, updating their earlier file (PL: zapisz odpowiedzi uczestnika).

    Questions in ``record`` replace the saved ones, except those not attempted in this run,
    which keep what was saved; saved questions missing from ``record`` are kept. The file is
    written atomically.

    Parameters
    ----------
    answers_dir : str or pathlib.Path
    record : dict
        From :meth:`salesnb.exercises.Exercise.record`.
    path : pathlib.Path, optional
        The file found earlier for this participant (checked again: it must still be theirs).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    OSError
        If the folder cannot be written.
    """
    participant = record["participant"]
    if path is None or (path.exists() and not _same_participant(read_record(path) or {}, participant)):
        path = answers_path(answers_dir, record["exercise"], participant)
    saved = read_record(path) if path.exists() else None
    questions = dict((saved or {}).get("questions") or {})
    for key, entry in record["questions"].items():
        if entry["status"] != "not_attempted" or key not in questions:
            questions[key] = entry
    out = {**record, "questions": questions,
           "saved": pd.Timestamp.now(tz="UTC").isoformat(timespec="seconds")}
    atomic_write_text(path, json.dumps(out, ensure_ascii=False, indent=1, sort_keys=False) + "\n")
    return path


def room_records(answers_dir: str | Path) -> list[tuple[Path, dict]]:
    """Every participant's file under an answers folder (PL: wszystkie pliki odpowiedzi sali).

    Parameters
    ----------
    answers_dir : str or pathlib.Path
        Holding one folder per exercise.

    Returns
    -------
    list of (pathlib.Path, dict)
        Sorted by exercise folder and file name; files that are not answers files (or half
        written by another program) are left out.
    """
    out = []
    for path in sorted(Path(answers_dir).glob("*/*.json")):
        if path.name.startswith("."):
            continue
        rec = read_record(path)
        if rec is not None:
            out.append((path, rec))
    return out


def jsonable(value: Any) -> Any:
    """A value as JSON can hold it (PL: wartość do zapisu w JSON).

    Parameters
    ----------
    value : object

    Returns
    -------
    object
        Tuples become lists, Decimals text, numpy numbers plain numbers, dates ISO text, windows
        their label, anything else its text.
    """
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if np.isfinite(value) else None
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, np.generic):
        return jsonable(value.item())
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [jsonable(v) for v in items]
    if isinstance(value, (pd.Timestamp,)):
        return value.isoformat()
    if isinstance(value, (pd.DateOffset, pd.Timedelta)):
        from ..periods import window_label

        try:
            return window_label(value)
        except ValueError:
            return str(value)
    return str(value)


def from_json(value: Any) -> Any:
    """A saved answer as it is checked again (PL: odczyt zapisanej odpowiedzi).

    Parameters
    ----------
    value : object
        As :func:`jsonable` wrote it.

    Returns
    -------
    object
        The same value (lists stay lists: every answer kind reads a list where it reads a tuple).
    """
    return value
