"""Business hours and holidays for response times (PL: godziny pracy i dni wolne), vectorised.

A standard such as "answer an e-mail within 24 hours" can count every hour or only the hours the
company works. With business hours (and holidays) the clock runs only inside them: an e-mail that
arrives on Friday at 17:00 and is answered on Monday at 9:00 took two business hours (Friday
17-18, Monday 8-9 with opening hours 8:00-18:00), not 64.

The method: a business clock ``B(t)``, the business time from the first day of the calendar to
the instant ``t``, is the sum of the whole working days before ``t``'s day (a cumulative sum over
the days, computed once) plus the working time already gone on ``t``'s own day. Then the time
taken is ``B(answered) - B(received)`` and the deadline is the instant where ``B`` reaches
``B(received) + standard`` (a binary search over the days). Every step is an array operation,
whatever the number of enquiries; the loop-free cost grows with the enquiries and the number of
days covered.

Public holidays come from the ``holidays`` package (a maintained calendar: Easter and Corpus
Christi move every year, and Poland added Christmas Eve in 2025); a company may list its own days
off as well.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["NS_DAY", "NS_HOUR", "Calendar", "business_calendar", "due_times", "elapsed_ns", "holiday_days"]

#: Nanoseconds per day and per hour.
NS_DAY = 86_400 * 10**9
NS_HOUR = 3_600 * 10**9
_NS_MINUTE = 60 * 10**9


@dataclass(frozen=True)
class Calendar:
    """Working time per day over a range of days (PL: kalendarz pracy).

    Attributes
    ----------
    first_day : int
        The first day covered, as days since 1970-01-01.
    open_ns, length_ns : int
        Opening time after midnight and the length of a working day, in nanoseconds.
    working : numpy.ndarray of bool
        Per day: a working day (a working weekday and not a holiday).
    cumulative : numpy.ndarray of int64
        Per day: the business time of all the days before it, in nanoseconds.
    """

    first_day: int
    open_ns: int
    length_ns: int
    working: np.ndarray
    cumulative: np.ndarray

    @property
    def last_day(self) -> int:
        """The last day covered, as days since 1970-01-01 (PL: ostatni dzień kalendarza).

        Returns
        -------
        int
        """
        return self.first_day + len(self.working) - 1

    def clock(self, t_ns: np.ndarray) -> np.ndarray:
        """The business clock B(t) at each instant (PL: czas pracy od początku kalendarza).

        Parameters
        ----------
        t_ns : numpy.ndarray of int64
            Instants in nanoseconds since 1970-01-01, inside the calendar's days.

        Returns
        -------
        numpy.ndarray of int64
            Business nanoseconds from the start of the first day to each instant.
        """
        day = t_ns // NS_DAY
        i = day - self.first_day
        into = np.clip(t_ns - day * NS_DAY - self.open_ns, 0, self.length_ns)
        return self.cumulative[i] + np.where(self.working[i], into, 0)


def holiday_days(holidays: dict, first_year: int, last_year: int) -> np.ndarray:
    """The days off as day numbers (PL: dni wolne): a country's public holidays and listed dates.

    Parameters
    ----------
    holidays : dict
        ``{"country": "PL" or None, "dates": ["2025-12-31", ...]}``
        (:func:`salesnb.config.check_holidays`).
    first_year, last_year : int
        The years to take a country's holidays for.

    Returns
    -------
    numpy.ndarray of int64
        Sorted, distinct days since 1970-01-01.
    """
    days = [np.datetime64(d, "D").astype(np.int64) for d in holidays.get("dates") or []]
    country = holidays.get("country")
    if country:
        import holidays as holidays_lib

        calendar = holidays_lib.country_holidays(country, years=range(first_year, last_year + 1))
        days += [np.datetime64(d, "D").astype(np.int64) for d in calendar]
    return np.unique(np.asarray(days, dtype=np.int64))


def business_calendar(business_hours: dict | None, holidays: dict, first_day: int, last_day: int) -> Calendar | None:
    """The working time of each day from ``first_day`` to ``last_day`` (PL: kalendarz godzin pracy).

    Parameters
    ----------
    business_hours : dict or None
        ``{"open": "08:00", "close": "18:00", "days": [0, ..., 4]}`` (Monday = 0), or None:
        every hour of every day counts (holidays still stop the clock if there are any).
    holidays : dict
        ``{"country", "dates"}``; see :func:`holiday_days`.
    first_day, last_day : int
        The days to cover, as days since 1970-01-01.

    Returns
    -------
    Calendar or None
        None when every hour counts and there are no holidays: times are then plain differences.
    """
    has_holidays = bool(holidays.get("country") or holidays.get("dates"))
    if business_hours is None and not has_holidays:
        return None
    if business_hours is None:
        opening, length, days = 0, NS_DAY, list(range(7))
    else:
        oh, om = (int(x) for x in business_hours["open"].split(":"))
        ch, cm = (int(x) for x in business_hours["close"].split(":"))
        opening = (oh * 60 + om) * _NS_MINUTE
        length = (ch * 60 + cm) * _NS_MINUTE - opening
        days = business_hours["days"]
    day = np.arange(first_day, last_day + 1, dtype=np.int64)
    working = np.isin((day + 3) % 7, days)  # 1970-01-01 was a Thursday; Monday = 0
    if has_holidays:
        years = day.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
        working &= ~np.isin(day, holiday_days(holidays, int(years.min()), int(years.max())))
    per_day = np.where(working, length, 0).astype(np.int64)
    cumulative = np.concatenate(([0], np.cumsum(per_day)[:-1])).astype(np.int64)
    return Calendar(int(first_day), int(opening), int(length), working, cumulative)


def elapsed_ns(calendar: Calendar | None, start_ns: np.ndarray, end_ns: np.ndarray) -> np.ndarray:
    """Time from ``start`` to ``end`` that counts (PL: czas, który się liczy), in nanoseconds.

    Parameters
    ----------
    calendar : Calendar or None
        Business hours; None counts every nanosecond.
    start_ns, end_ns : numpy.ndarray of int64
        Instants in nanoseconds since 1970-01-01 (``end >= start``), inside the calendar.

    Returns
    -------
    numpy.ndarray of int64
    """
    if calendar is None:
        return end_ns - start_ns
    return calendar.clock(end_ns) - calendar.clock(start_ns)


def due_times(calendar: Calendar | None, start_ns: np.ndarray, standard_ns: np.ndarray) -> np.ndarray:
    """The deadline of each enquiry (PL: termin odpowiedzi): ``start`` plus the standard that counts.

    With business hours, the instant where the business clock has run ``standard`` past
    ``start``: a deadline that ends exactly at closing time is that closing time, not the next
    opening.

    Parameters
    ----------
    calendar : Calendar or None
        Business hours; None counts every nanosecond.
    start_ns : numpy.ndarray of int64
        When each enquiry came in.
    standard_ns : numpy.ndarray of int64
        The standard of each enquiry, in nanoseconds (> 0).

    Returns
    -------
    numpy.ndarray of int64
        Nanoseconds since 1970-01-01.
    """
    if calendar is None:
        return start_ns + standard_ns
    target = calendar.clock(start_ns) + standard_ns
    end_of_day = calendar.cumulative + np.where(calendar.working, calendar.length_ns, 0)
    i = np.searchsorted(end_of_day, target, side="left")
    i = np.minimum(i, len(end_of_day) - 1)
    return (calendar.first_day + i) * NS_DAY + calendar.open_ns + (target - calendar.cumulative[i])
