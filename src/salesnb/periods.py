"""Calendar periods and windows (PL: okresy i okna czasowe), the layer between data and methods.

What every method needs to speak about time, in one place:

- the lifecycle **window** W (PL: okno), "3M", "13W" ... (:func:`parse_window`, :func:`window_label`,
  :func:`window_start`). The article *Working with clients* uses three months; its first
  practical exercise asks to match W to the company's purchase rhythm, so it is a parameter.
- the **as-of date** T (PL: data analizy): a date means the whole day (:func:`as_of_instant`);
- the dates of a table in the company's own wall time (:func:`local_dates`);
- reporting periods: the last full quarter, quarter bounds, a period ``[start, end]`` of whole
  days (:func:`period_bounds`), and month/quarter ordinals for per-period sums
  (:func:`period_codes`, :func:`period_index`, :func:`period_end_day`).

Windows of calendar months are subtracted the pandas way (31 May - 3 months = 28/29 Feb) with one
rule added, the **end-of-month rule**: if T is the last day of a month, T - W is the last day of a
month too (30 Jun - 3 months = 31 Mar, not 30 Mar), so at quarter ends the current window is
exactly the calendar quarter. ``T - 2W`` is computed from T as ``T - (2W)`` (one calendar shift,
not two).
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, ParameterError
from .io import parse_date
from .validation import check_choice

__all__ = [
    "DEFAULT_WINDOW",
    "PERIODS",
    "as_of_instant",
    "as_timestamp",
    "check_period",
    "last_full_quarter",
    "local_dates",
    "local_timestamp",
    "parse_window",
    "period_bounds",
    "period_codes",
    "period_end_day",
    "period_index",
    "quarter_bounds",
    "window_label",
    "window_start",
]

#: The article's window: "within the last three months" (*Working with clients*).
DEFAULT_WINDOW = "3M"
#: Period codes for per-period sums: months or quarters.
PERIODS = ("M", "Q")
_PERIOD_NAMES = {"M": "M", "ME": "M", "MONTH": "M", "Q": "Q", "QE": "Q", "QUARTER": "Q"}


# --------------------------------------------------------------------------------------------
# Reporting periods
# --------------------------------------------------------------------------------------------


def last_full_quarter(as_of: pd.Timestamp | str) -> pd.Period:
    """The last calendar quarter that has ended by ``as_of`` (PL: ostatni pełny kwartał).

    A quarter ends on its last day: at 2025-12-31 the last full quarter is 2025Q4, at
    2025-12-30 it is 2025Q3.

    Parameters
    ----------
    as_of : Timestamp or str
        The as-of date.

    Returns
    -------
    pandas.Period
        A quarterly period.
    """
    day = pd.Timestamp(as_of).normalize()
    q = day.to_period("Q")
    return q if day == q.end_time.normalize() else q - 1


def quarter_bounds(quarter: str | pd.Period | None, as_of: pd.Timestamp | str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of a quarter (PL: granice kwartału).

    Parameters
    ----------
    quarter : str, Period or None
        "2025Q3" or "2025-Q3"; ``None`` means the last full quarter by ``as_of``.
    as_of : Timestamp or str
        The as-of date.

    Returns
    -------
    tuple of Timestamp
        The first and the last day.

    Raises
    ------
    ParameterError
        If ``quarter`` is not like "2025Q3".
    """
    if quarter is None:
        q = last_full_quarter(as_of)
    else:
        try:
            q = pd.Period(str(quarter).replace("-", "").upper(), freq="Q")
        except ValueError:
            raise ParameterError("quarter", quarter, "a quarter like '2025Q3'",
                                 function="salesnb.periods.quarter_bounds") from None
    return q.start_time.normalize(), q.end_time.normalize()


def as_timestamp(value: str | pd.Timestamp) -> pd.Timestamp:
    """A date parameter ("2025-12-31" or "31.12.2025") as a Timestamp (PL: data jako parametr).

    Parameters
    ----------
    value : str or Timestamp
        The date as written in a notebook parameter or on the command line.

    Returns
    -------
    pandas.Timestamp

    Raises
    ------
    ParameterError
        If the text is not a date in one of the two forms.
    """
    text = str(value).strip()
    fmt = "%d.%m.%Y" if text[:3].count(".") == 1 and text[2:3] == "." else None
    ts = pd.to_datetime(text, format=fmt, errors="coerce")
    if pd.isna(ts):
        raise ParameterError("as_of", value, "a date written as 2025-12-31 or 31.12.2025",
                             function="salesnb.periods.as_timestamp")
    return ts


def local_dates(values: pd.Series, column: str = "date", file: str | None = None) -> pd.Series:
    """A date column as timezone-free datetime64[ns] in the company's own wall time (PL: daty lokalne).

    The one rule every analysis module follows: dates with a time zone keep their local wall
    time (a sale at 00:30 in Warsaw on 1 April is a 1 April sale) and lose the zone; text is
    read with the loader's fixed formats (2009-03-31, 31.03.2009, optional time), never
    guessed day- or month-first.

    Parameters
    ----------
    values : pandas.Series
        Dates, text or datetimes.
    column, file : str, optional
        Where the values come from, for the messages.

    Returns
    -------
    pandas.Series
        datetime64[ns], NaT for empty cells.

    Raises
    ------
    DataError
        Naming the rows and values that are not dates.
    """
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        if getattr(values.dt, "tz", None) is not None:
            values = values.dt.tz_localize(None)
        return values.astype("datetime64[ns]")
    index = values.index
    unique = index.is_unique
    parsed, problems = parse_date(values.astype(object) if unique else values.astype(object).reset_index(drop=True),
                                  file, column)
    if problems:
        raise DataError(problems)
    return parsed if unique else parsed.set_axis(index)


def local_timestamp(value: Any) -> pd.Timestamp:
    """An as-of date as a timezone-free Timestamp in its own wall time (PL: data lokalna).

    The rule of :func:`local_dates` for one value: a time zone is dropped, the wall time kept.

    Parameters
    ----------
    value : date-like
        A date, a datetime or text pandas reads.

    Returns
    -------
    pandas.Timestamp
    """
    t = pd.Timestamp(value)
    return t.tz_localize(None) if t.tzinfo is not None else t


def as_of_instant(as_of: Any) -> pd.Timestamp:
    """The as-of date T as an instant (PL: chwila analizy): a date means the whole day.

    A date (time 00:00) becomes the last nanosecond of that day, so a sale at 14:00 on T counts;
    a time of day is kept as given.

    Parameters
    ----------
    as_of : date-like
        The as-of date or date-time.

    Returns
    -------
    pandas.Timestamp
        Timezone-free, nanosecond unit.
    """
    t = local_timestamp(as_of)
    if t == t.normalize():
        t = t + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
    return t.as_unit("ns")


def period_bounds(period_start: Any, period_end: Any) -> tuple[pd.Timestamp, pd.Timestamp]:
    """A reporting period ``[start, end]`` of whole days as two instants (PL: okres sprawozdawczy).

    Parameters
    ----------
    period_start : date-like
        The first day (its start).
    period_end : date-like
        The last day (its end, see :func:`as_of_instant`).

    Returns
    -------
    tuple of Timestamp

    Raises
    ------
    ParameterError
        If the period starts after it ends.
    """
    s = local_timestamp(period_start).as_unit("ns")
    e = as_of_instant(period_end)
    if s > e:
        raise ParameterError("period_start", period_start, f"on or before period_end ({e.date()})",
                             fix="swap the two dates.")
    return s, e


def check_period(period: Any, function: str | None = None) -> str:
    """``"M"`` (months) or ``"Q"`` (quarters) from the ways people write them (PL: okres).

    Parameters
    ----------
    period : str
        "M", "ME", "month", "Q", "QE", "quarter" (any case).
    function : str, optional
        The public function, for the message.

    Returns
    -------
    str
        "M" or "Q".

    Raises
    ------
    ParameterError
        For anything else.
    """
    key = str(period).strip().upper()
    if key in _PERIOD_NAMES:
        return _PERIOD_NAMES[key]
    return check_choice("period", period, PERIODS, function=function,
                        fix="pass period='M' for months or period='Q' for quarters.")


def period_codes(dates: np.ndarray, period: str) -> np.ndarray:
    """Month or quarter ordinals (since 1970) of datetime64 values (PL: numery okresów).

    Parameters
    ----------
    dates : numpy.ndarray
        datetime64 values (any unit).
    period : {"M", "Q"}
        Months or quarters.

    Returns
    -------
    numpy.ndarray of int64
        The ordinals pandas uses for ``Period`` of that frequency.
    """
    months = dates.astype("datetime64[M]").astype(np.int64)
    return months if period == "M" else months // 3


def period_index(codes: np.ndarray, period: str) -> pd.PeriodIndex:
    """The periods of ordinals from :func:`period_codes` (PL: okresy).

    Parameters
    ----------
    codes : array of int
        Ordinals.
    period : {"M", "Q"}
        Months or quarters.

    Returns
    -------
    pandas.PeriodIndex
    """
    return pd.PeriodIndex.from_ordinals(np.asarray(codes, dtype=np.int64), freq=period)


def period_end_day(code: int, period: str) -> pd.Timestamp:
    """The last day of the period with ordinal ``code`` (PL: ostatni dzień okresu).

    Parameters
    ----------
    code : int
        An ordinal from :func:`period_codes`.
    period : {"M", "Q"}
        Months or quarters.

    Returns
    -------
    pandas.Timestamp
        Midnight of the last day.
    """
    return period_index(np.array([code]), period)[0].end_time.normalize()


# --------------------------------------------------------------------------------------------
# The lifecycle window
# --------------------------------------------------------------------------------------------

_UNITS: dict[str, tuple[str, int]] = {}
for _names, _unit in (
    (("d", "day", "days", "dzień", "dzien", "dni", "dnia"), ("days", 1)),
    (("w", "wk", "wks", "week", "weeks", "tydzień", "tydzien", "tygodnie", "tygodni", "tyg", "tyg."), ("days", 7)),
    (("m", "me", "ms", "mo", "mon", "mth", "month", "months", "miesiąc", "miesiac", "miesiące",
      "miesiace", "miesięcy", "miesiecy", "mies", "mc", "mies."), ("months", 1)),
    (("q", "qe", "qs", "quarter", "quarters", "kwartał", "kwartal", "kwartały", "kwartaly",
      "kwartałów", "kwartalow", "kw"), ("months", 3)),
    (("y", "ye", "ys", "a", "yr", "year", "years", "rok", "lata", "lat"), ("months", 12)),
):
    for _n in _names:
        _UNITS[_n] = _unit

_WINDOW_RE = re.compile(r"^\s*([+-]?\d+)?\s*([^\d\s][^\d]*?)\s*$")

_WINDOW_ALLOWED = ("a positive whole number of months ('3M', '3 months', '3 miesiące', '1Q', '1Y', "
                   "pd.DateOffset(months=3)) or of days or weeks ('91D', '13W', '13 tygodni', pd.Timedelta(days=91))")
_WINDOW_FIX = "write a number with its unit, e.g. '3M' for three months or '8W' for eight weeks."
_WINDOW_FN = "salesnb.periods.parse_window"


def _bad_window(window: Any, allowed: str = _WINDOW_ALLOWED) -> ParameterError:
    return ParameterError("window", window, allowed, function=_WINDOW_FN, fix=_WINDOW_FIX)


def parse_window(window: Any) -> pd.DateOffset | pd.Timedelta:
    """The lifecycle window W, normalised (PL: okno cyklu życia, np. trzy miesiące).

    The article *Working with clients* uses three months; its first practical exercise asks to
    match W to the company's purchase rhythm, so W is a parameter.

    Parameters
    ----------
    window : str, DateOffset, Timedelta or timedelta
        Accepted (case-insensitive, English or Polish units; the number defaults to 1, the unit
        is required):

        - calendar months: ``"3M"``, ``"3ME"``, ``"3 months"``, ``"3 miesiące"``, ``"1Q"``,
          ``"1 kwartał"``, ``"1Y"``, ``"1 rok"``, ``pd.DateOffset(months=n)`` or ``(years=n)``;
        - a fixed length: ``"91D"``, ``"91 days"``, ``"13W"``, ``"13 tygodni"``,
          ``pd.Timedelta``, ``datetime.timedelta``, ``np.timedelta64``, ``pd.offsets.Day(n)``,
          ``pd.offsets.Week(n)``.

    Returns
    -------
    pandas.DateOffset or pandas.Timedelta
        ``pd.DateOffset(months=n)`` for calendar months (see the module docstring for the
        end-of-month rule), else a positive ``pd.Timedelta``.

    Raises
    ------
    ParameterError
        For a zero or negative window, text without a unit ("2"), an ISO duration ("P2M"), a
        window mixing months and days, an anchored offset such as ``MonthEnd``, or anything else.
    """
    if isinstance(window, str):
        m = _WINDOW_RE.match(window.strip())
        unit = m.group(2).strip().lower() if m else None
        if unit not in _UNITS:
            raise _bad_window(window)
        n = int(m.group(1)) if m.group(1) is not None else 1
        kind, mult = _UNITS[unit]
        return _checked(pd.DateOffset(months=n * mult) if kind == "months" else pd.Timedelta(days=n * mult), window)
    if isinstance(window, pd.Timedelta):
        return _checked(window, window)
    if isinstance(window, (np.timedelta64,)) or type(window).__name__ == "timedelta":
        return _checked(pd.Timedelta(window), window)
    if isinstance(window, pd.offsets.Day):
        return _checked(pd.Timedelta(days=window.n), window)
    if isinstance(window, pd.offsets.Week) and window.weekday is None:
        return _checked(pd.Timedelta(weeks=window.n), window)
    if isinstance(window, pd.offsets.Tick):
        return _checked(pd.Timedelta(window), window)
    if type(window) is pd.DateOffset:
        kw = dict(window.kwds)
        n = window.n
        months = n * (kw.pop("years", 0) * 12 + kw.pop("months", 0))
        days = n * (kw.pop("weeks", 0) * 7 + kw.pop("days", 0))
        if kw or (months and days):
            raise _bad_window(window, "whole months or days, not both (" + _WINDOW_ALLOWED + ")")
        return _checked(pd.DateOffset(months=months) if months else pd.Timedelta(days=days), window)
    if isinstance(window, pd.offsets.BaseOffset):
        raise _bad_window(window, "a length, not an anchored offset that jumps to a calendar point ("
                          + _WINDOW_ALLOWED + ")")
    raise _bad_window(window)


def _checked(w: pd.DateOffset | pd.Timedelta, given: Any) -> pd.DateOffset | pd.Timedelta:
    ok = w.kwds.get("months", 0) > 0 if isinstance(w, pd.DateOffset) else w > pd.Timedelta(0)
    if not ok:
        raise _bad_window(given, "longer than zero: " + _WINDOW_ALLOWED)
    return w


def window_label(window: Any) -> str:
    """A short label for a window (PL: etykieta okna): '3M' for three calendar months, '91D' for 91 days.

    Parameters
    ----------
    window : window-like
        Anything :func:`parse_window` accepts.

    Returns
    -------
    str
    """
    w = parse_window(window)
    if isinstance(w, pd.DateOffset):
        return f"{w.kwds['months']}M"
    days = w / pd.Timedelta(days=1)
    return f"{int(days)}D" if days == int(days) else str(w)


def _is_month_end(t: pd.Timestamp) -> bool:
    return (t + pd.Timedelta(days=1)).day == 1


def window_start(as_of: pd.Timestamp, window: Any, k: int = 1) -> pd.Timestamp:
    """``as_of - k*W`` with the end-of-month rule (PL: początek okna).

    Parameters
    ----------
    as_of : Timestamp
        T.
    window : window-like
        W, anything :func:`parse_window` accepts.
    k : int, default 1
        How many windows back (2 gives the start of the previous window).

    Returns
    -------
    pandas.Timestamp
    """
    w = parse_window(window)
    t = pd.Timestamp(as_of)
    if isinstance(w, pd.Timedelta):
        return t - k * w
    s = t - pd.DateOffset(months=k * w.kwds["months"])
    if _is_month_end(t):
        s = s + pd.offsets.MonthEnd(0)
    return s
