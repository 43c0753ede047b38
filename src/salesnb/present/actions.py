"""Recommended actions as a numbered list of sentences (PL: zalecane działania jako lista).

A method that ends with actions (:func:`salesnb.service.next_actions`) returns a table: each row
names a catalogue template (``action``) and the values it takes. This module writes them in the
reader's language with the workbook's number formats, so an action reads like the tables above it.
"""
from __future__ import annotations

import pandas as pd

from ..i18n import LABELS, check_language
from .numbers import count, is_missing, number, percent
from .prose import Prose
from .tables import value_label

__all__ = ["actions"]


def _hours(value: float, language: str) -> str:
    whole = float(value).is_integer()
    text = count(value, language) if whole else number(value, language, 1)
    if language == "pl":  # "w ciągu ..." takes the genitive: 1 godziny, 1,5 godziny, 2 godzin, 24 godzin
        word = "godziny" if (not whole or int(value) == 1) else "godzin"
        return f"{text}\u00a0{word}"
    return f"{text}\u00a0{'hour' if whole and int(value) == 1 else 'hours'}"


def actions(table: pd.DataFrame, language: str | None = "en") -> Prose:
    """A numbered list of the actions in ``table`` (PL: lista działań), as Markdown.

    Parameters
    ----------
    table : pandas.DataFrame
        Rows with ``action`` (a catalogue template), ``subject``, ``value`` (a share),
        ``count``, ``detail``, ``detail_value`` (a share) and optionally ``hours``; a template
        ``<action>_detail`` adds the detail where there is one.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    Prose
        ``1. ...`` one line per action; an empty table gives an empty text.
    """
    lang = check_language(language)
    lines = []
    for i, row in enumerate(table.itertuples(index=False), start=1):
        r = row._asdict()
        subject = r.get("subject")
        column = {"action_standards": "channel", "action_funnel": "stage"}.get(r["action"], "")
        detail_key = f"{r['action']}_detail"
        detail_text = ""
        if not is_missing(r.get("detail")) and detail_key in LABELS:
            detail_value = r.get("detail_value")
            detail_text = LABELS[detail_key][lang].format(
                detail=r["detail"], detail_value=percent(detail_value, lang) if not is_missing(detail_value) else "–")
        hours = r.get("hours")
        text = LABELS[r["action"]][lang].format(
            subject=value_label(column, subject, lang) if not is_missing(subject) else "",
            value=percent(r.get("value"), lang), count=count(r.get("count"), lang), detail_text=detail_text,
            hours=_hours(hours, lang) if not is_missing(hours) else "")
        lines.append(f"{i}. {text}")
    return Prose("\n".join(lines))
