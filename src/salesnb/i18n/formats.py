"""Days and shares as a reader of each language writes them (PL: zapis dat i udziałów).

The presentation layer (:mod:`salesnb.present`) formats every number of the reports; the
methods also write a few sentences themselves (a Kano warning names a share and a period). Both
use these functions, so a date or a share reads the same in a table, a chart and a message.
Shares round half up (33.75% -> 33.8%, 72.5% -> 73%), as a reader rounds, not to the nearest
even digit as Babel does by default.
"""
from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_percent

from ..validation import check_choice

__all__ = ["LOCALES", "day_text", "half_up", "share_text"]

#: Babel locale per workbook language.
LOCALES = {"en": "en_GB", "pl": "pl_PL"}


def _lang(language: Any) -> str:
    return "en" if language is None else check_choice("language", str(language).strip(), tuple(LOCALES))


def half_up(value: Any, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimal places (PL: zaokrąglenie), exactly.

    The float's shortest decimal form is rounded (``0.3375`` -> ``0.338`` at 3 places), so a
    value that prints as a half is rounded up as a reader expects.

    Parameters
    ----------
    value : float
    places : int

    Returns
    -------
    decimal.Decimal
    """
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def day_text(value: Any, language: Any = "en") -> str:
    """A day (PL: dzień): ``31 Mar 2025`` / ``31.03.2025``.

    Parameters
    ----------
    value : date-like
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    lang = _lang(language)
    day = value if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime) else pd.Timestamp(value).date()
    return format_date(day, "dd.MM.yyyy" if lang == "pl" else "d MMM yyyy", locale=LOCALES[lang])


def share_text(value: Any, language: Any = "en", digits: int = 1) -> str:
    """A share as a percentage (PL: udział procentowy): ``15.4%`` / ``15,4%``, rounded half up.

    Parameters
    ----------
    value : float
        A fraction (0.154 for 15.4%).
    language : {"en", "pl"}, default "en"
    digits : int, default 1
        Digits after the decimal mark.

    Returns
    -------
    str
    """
    lang = _lang(language)
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(half_up(value, digits + 2), pattern, locale=LOCALES[lang])
