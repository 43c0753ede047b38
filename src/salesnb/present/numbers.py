"""Numbers, money, percentages and dates as a reader expects them (PL: formaty liczb i dat).

One formatter per kind of value and language, after Babel's locale data, used by tables,
chart axes and prose alike, so a number reads the same everywhere:

=========  =========================  ==========================
kind       English                    Polish
=========  =========================  ==========================
money      ``PLN 1,234,567.89``       ``1 234 567,89 zł``
percent    ``15.4%``                  ``15,4%``
count      ``12,345``                 ``12 345``
number     ``0.42``                   ``0,42``
days       ``12 days``                ``12 dni``
hours      ``3 h 36 min``             ``3 h 36 min``
date       ``31 Mar 2025``            ``31.03.2025``
month      ``Mar 2025``               ``mar 2025``
=========  =========================  ==========================

Polish groups thousands with a no-break space (U+00A0) and puts ``zł`` after the amount with
another; four-digit numbers are grouped too (``1 234``), as the workbook's style guide asks.
Missing values print as an en dash (``–``) in every kind.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any

import numpy as np
import pandas as pd
from babel.dates import format_date
from babel.numbers import format_compact_currency, format_compact_decimal, format_currency, format_decimal

from ..i18n import check_language
from ..i18n.formats import LOCALES, day_text, half_up, share_text

__all__ = [
    "EMPTY",
    "KINDS",
    "LOCALES",
    "boolean",
    "count",
    "date",
    "days",
    "fmt",
    "hours",
    "is_missing",
    "money",
    "money_short",
    "month",
    "number",
    "percent",
    "period",
    "wave",
    "window",
]

#: What an empty cell shows.
EMPTY = "–"
#: The kinds of value :func:`fmt` knows.
KINDS = ("money", "percent", "count", "number", "coefficient", "days", "hours", "date", "month", "period",
         "boolean", "window", "wave", "text", "id")


def is_missing(value: Any) -> bool:
    """Whether a value is missing (None, NaN, NaT, pandas NA) (PL: brak wartości).

    Parameters
    ----------
    value : object

    Returns
    -------
    bool
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _loc(language: str | None) -> str:
    return LOCALES[check_language(language)]


def money(value: Any, currency: str = "PLN", language: str | None = "en", digits: int = 2) -> str:
    """An amount of money with its currency (PL: kwota), e.g. ``1 234,56 zł`` / ``PLN 1,234.56``.

    Parameters
    ----------
    value : float
    currency : str, default "PLN"
        ISO code; empty for a plain number with two decimals.
    language : {"en", "pl"}, default "en"
    digits : int, default 2
        Decimal places (0 for whole amounts in charts and prose).

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    lang = check_language(language)
    decimals = "." + "0" * digits if digits else ""
    if not currency:
        return format_decimal(float(value), format=f"#,##0{decimals}", locale=LOCALES[lang])
    if lang == "en":
        return format_currency(float(value), currency, format=f"¤¤\u00a0#,##0{decimals}", locale=LOCALES[lang],
                               currency_digits=False)
    return format_currency(float(value), currency, format=f"#,##0{decimals}\u00a0¤", locale=LOCALES[lang],
                           currency_digits=False)


def money_short(value: Any, currency: str = "PLN", language: str | None = "en", digits: int = 1) -> str:
    """A compact amount for chart axes (PL: kwota skrócona): ``1,2 mln zł`` / ``PLN 1.2M``.

    Parameters
    ----------
    value : float
    currency : str, default "PLN"
    language : {"en", "pl"}, default "en"
    digits : int, default 1
        At most this many digits after the decimal mark (trailing zeros dropped): 2 keeps axis
        ticks such as 1.25M exact.

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    lang = check_language(language)
    v = float(value)
    if abs(v) < 1000:
        return money(v, currency, lang, digits=0)
    if lang == "en":
        text = format_compact_decimal(v, locale="en", fraction_digits=digits)
        return f"{currency}\u00a0{text}" if currency else text
    text = format_compact_currency(v, currency, locale=LOCALES[lang], fraction_digits=digits) if currency else \
        format_compact_decimal(v, locale=LOCALES[lang], fraction_digits=digits)
    return text


def percent(value: Any, language: str | None = "en", digits: int = 1) -> str:
    """A share as a percentage (PL: udział procentowy): ``15.4%`` / ``15,4%``.

    Parameters
    ----------
    value : float
        A fraction (0.154 for 15.4%).
    language : {"en", "pl"}, default "en"
    digits : int, default 1

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    return share_text(value, check_language(language), digits)


def count(value: Any, language: str | None = "en") -> str:
    """A whole number with thousands grouped (PL: liczba): ``12,345`` / ``12 345``.

    Parameters
    ----------
    value : int
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    return format_decimal(half_up(value, 0), format="#,##0", locale=_loc(language))


def number(value: Any, language: str | None = "en", digits: int = 2) -> str:
    """A decimal number (PL: liczba dziesiętna): ``0.42`` / ``0,42``.

    Parameters
    ----------
    value : float
    language : {"en", "pl"}, default "en"
    digits : int, default 2

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(half_up(value, digits), format=pattern, locale=_loc(language))


def days(value: Any, language: str | None = "en") -> str:
    """A number of days in words (PL: liczba dni): ``1 day``, ``12 days`` / ``1 dzień``, ``12 dni``, ``1,5 dnia``.

    Parameters
    ----------
    value : int or float
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    v = float(value)
    whole = v == math.floor(v)
    text = count(v, language) if whole else number(v, language, 1)
    if check_language(language) == "pl":
        # 1 dzień, 2 dni, 5 dni; a fraction takes the genitive singular: 1,5 dnia
        return f"{text}\u00a0{'dzień' if whole and abs(v) == 1 else 'dni' if whole else 'dnia'}"
    return f"{text}\u00a0{'day' if whole and abs(v) == 1 else 'days'}"


def hours(value: Any, language: str | None = "en") -> str:
    """A duration given in hours, in hours and minutes (PL: czas w godzinach i minutach).

    Rounded to the minute: ``0.27`` -> ``16 min``, ``3.6`` -> ``3 h 36 min``, ``24`` -> ``24 h``,
    ``1234`` -> ``1,234 h`` / ``1 234 h``; the units are the same in both languages, the
    thousands grouped as the locale does, a no-break space inside.

    Parameters
    ----------
    value : int or float
        Hours (negative durations keep their sign).
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    minutes = int(round(abs(float(value)) * 60))
    whole, rest = divmod(minutes, 60)
    parts = [f"{count(whole, language)}\u00a0h"] if whole else []
    if rest or not whole:
        parts.append(f"{rest}\u00a0min")
    return ("-" if float(value) < 0 and minutes else "") + " ".join(parts)


def _as_date(value: Any) -> _dt.date:
    return pd.Timestamp(value).date()


def date(value: Any, language: str | None = "en") -> str:
    """A calendar date (PL: data): ``31 Mar 2025`` / ``31.03.2025``.

    Parameters
    ----------
    value : date-like
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    return day_text(value, check_language(language))


def month(value: Any, language: str | None = "en", long: bool = False) -> str:
    """A month (PL: miesiąc): ``Mar 2025`` / ``mar 2025`` (``long``: ``marzec 2025``).

    Parameters
    ----------
    value : date-like or Period
    language : {"en", "pl"}, default "en"
    long : bool, default False
        The full month name.

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    if isinstance(value, pd.Period):
        value = value.start_time
    return format_date(_as_date(value), "LLLL yyyy" if long else "LLL yyyy", locale=_loc(language))


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period(value: Any, language: str | None = "en") -> str:
    """A calendar period (PL: okres): a month as :func:`month`, a quarter ``Q1 2025`` / ``I kw. 2025``.

    Parameters
    ----------
    value : Period or date-like
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    if isinstance(value, pd.Period) and value.freqstr.startswith("Q"):
        if check_language(language) == "pl":
            return f"{_ROMAN[value.quarter]}\u00a0kw. {value.year}"
        return f"Q{value.quarter}\u00a0{value.year}"
    if isinstance(value, pd.Period) and value.freqstr.startswith("Y"):
        return str(value.year)
    if isinstance(value, pd.Period) and value.freqstr.startswith("D"):
        return date(value.start_time, language)
    return month(value, language)


_HALF = (re.compile(r"^(\d{4})\s*[-/ ]?\s*H([12])$", re.I), re.compile(r"^H([12])\s*[-/ ]?\s*(\d{4})$", re.I))
_QUARTER = (re.compile(r"^(\d{4})\s*[-/ ]?\s*Q([1-4])$", re.I), re.compile(r"^Q([1-4])\s*[-/ ]?\s*(\d{4})$", re.I))
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _year_and_part(text: str, patterns) -> tuple[int, int] | None:
    year_first, part_first = patterns
    if m := year_first.match(text):
        return int(m.group(1)), int(m.group(2))
    if m := part_first.match(text):
        return int(m.group(2)), int(m.group(1))
    return None


def wave(value: Any, language: str | None = "en") -> str:
    """A survey wave's label in words (PL: fala badania): ``2024-H1`` -> ``H1 2024`` / ``I półrocze 2024``.

    Survey rounds are often labelled by a half-year (``2024-H1``, ``H1 2024``), a quarter
    (``2024-Q3``), a month (``2024-06``) or a date (``2024-03-31``, ``31.03.2024``); these read
    in the language (a half-year ``H1 2024`` / ``I półrocze 2024``, a quarter as :func:`period`,
    a month as :func:`month`, a date as :func:`date`). Any other label is a name and stays as it
    is.

    Parameters
    ----------
    value : str, date-like or Period
        The wave as the survey labels it.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    lang = check_language(language)
    if isinstance(value, (pd.Period, pd.Timestamp, _dt.date)):
        return period(value, lang) if isinstance(value, pd.Period) else date(value, lang)
    text = str(value).strip()
    if half := _year_and_part(text, _HALF):
        year, part = half
        return f"{_ROMAN[part]}\u00a0półrocze {year}" if lang == "pl" else f"H{part}\u00a0{year}"
    if quarter := _year_and_part(text, _QUARTER):
        return period(pd.Period(year=quarter[0], quarter=quarter[1], freq="Q"), lang)
    try:
        if _DAY.match(text):
            return date(pd.Timestamp(text) if "-" in text else pd.to_datetime(text, format="%d.%m.%Y"), lang)
        if _MONTH.match(text):
            return month(pd.Timestamp(text + "-01"), lang)
    except ValueError:  # 2024-13 is a name, not a month
        pass
    return text


def boolean(value: Any, language: str | None = "en") -> str:
    """Yes or no in words (PL: tak/nie).

    Parameters
    ----------
    value : bool
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    yes = bool(value)
    return ("tak" if yes else "nie") if check_language(language) == "pl" else ("yes" if yes else "no")


def window(value: Any, language: str | None = "en") -> str:
    """A lifecycle window in words (PL: okno): ``"2M"`` -> ``2 months`` / ``2 miesiące``.

    Parameters
    ----------
    value : window-like
        Anything :func:`salesnb.periods.parse_window` reads.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    from ..i18n import duration
    from ..periods import parse_window

    w = parse_window(value)
    if isinstance(w, pd.DateOffset):
        return duration(int(w.kwds["months"]), "month", language)
    days_ = w / pd.Timedelta(days=1)
    if days_ % 7 == 0:
        return duration(int(days_ // 7), "week", language)
    return duration(int(days_), "day", language)


def fmt(value: Any, kind: str, language: str | None = "en", currency: str = "PLN") -> str:
    """A value formatted by its kind (PL: formatowanie wartości), for tables, charts and prose.

    Parameters
    ----------
    value : object
    kind : str
        One of :data:`KINDS`.
    language : {"en", "pl"}, default "en"
    currency : str, default "PLN"
        For money.

    Returns
    -------
    str
    """
    if is_missing(value):
        return EMPTY
    if kind == "money":
        return money(value, currency, language)
    if kind == "percent":
        return percent(value, language)
    if kind == "count":
        return count(value, language)
    if kind in ("number", "coefficient"):
        return number(value, language, 2)
    if kind == "days":
        return days(value, language)
    if kind == "hours":
        return hours(value, language)
    if kind == "date":
        return date(value, language)
    if kind == "month":
        return month(value, language)
    if kind == "period":
        return period(value, language)
    if kind == "boolean":
        return boolean(value, language)
    if kind == "window":
        return window(value, language)
    if kind == "wave":
        return wave(value, language)
    if isinstance(value, (float, np.floating)):
        return number(value, language, 2)
    return str(value)
