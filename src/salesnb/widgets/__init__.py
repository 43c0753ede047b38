"""Widgets for live workshops (PL: widżety na warsztaty); each has a plain-parameter twin for batch runs.

Batch and test runs set ``SALESNB_STATIC=1``: widget functions then return a short static
note instead of live widgets. Executing live widgets outside a browser gains nothing (nobody
moves the sliders) and nbclient can block on their messages now and then (jupyter/nbclient
issue 312), which would stall a batch.
"""
from __future__ import annotations

import os

from ..i18n import check_language

_NOTE = {
    "en": "*Interactive exercise: open this notebook in JupyterLab to try other settings.*",
    "pl": "*Ćwiczenie interaktywne: otwórz ten notatnik w JupyterLab, aby wypróbować inne ustawienia.*",
}


def live() -> bool:
    """Whether widgets are shown live (PL: widżety na żywo), not in a batch or test run.

    Returns
    -------
    bool
        True when the environment variable ``SALESNB_STATIC`` is unset, empty or ``0``.
    """
    return os.environ.get("SALESNB_STATIC", "").strip() in ("", "0")


class StaticNote:
    """What a widget shows in a batch run: a line saying where the live version is (PL: notka).

    Parameters
    ----------
    language : {"en", "pl"} or None, default "en"
        The language of the note (None: English).

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """

    def __init__(self, language: str | None = "en"):
        self.text = _NOTE[check_language(language, function="salesnb.widgets.StaticNote")]

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text.strip("*")
