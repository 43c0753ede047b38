"""Working days and opening hours for the sample companies (PL: dni robocze i godziny pracy).

Invoices are dated on working days; enquiries that arrive outside Monday-Friday 8:00-18:00 are
answered after the next opening, so a Friday-evening e-mail misses the 24-hour standard of
*Professional customer service: is it worth investing in?*. Days and minutes are counted from
1970-01-01 (a Thursday), as integers, so the engine works on whole arrays.
"""
from __future__ import annotations

import numpy as np

__all__ = ["next_business_time", "to_business_day", "weekday"]

#: Opening hours, in minutes after midnight: 8:00-18:00.
OPENS, CLOSES = 8 * 60, 18 * 60


def weekday(days: np.ndarray) -> np.ndarray:
    """Day of the week, Monday = 0 (PL: dzień tygodnia), of day numbers since 1970-01-01.

    Parameters
    ----------
    days : numpy.ndarray of int
        Days since 1970-01-01.

    Returns
    -------
    numpy.ndarray of int
        0 (Monday) to 6 (Sunday).
    """
    return (days + 3) % 7


def to_business_day(day_in_month: np.ndarray, month_first: np.ndarray, dim: np.ndarray) -> np.ndarray:
    """Weekend days moved to the nearest working day in the same month (PL: dzień roboczy).

    Parameters
    ----------
    day_in_month : numpy.ndarray of int
        Day within the month, 0-based.
    month_first : numpy.ndarray of int
        The month's first day, as days since 1970-01-01.
    dim : numpy.ndarray of int
        Days in the month (the last month may be cut at the as-of date).

    Returns
    -------
    numpy.ndarray of int
        Day within the month, 0-based: Saturday moves to Monday, Sunday to Monday, or back to
        Friday where Monday falls outside the month.
    """
    d = day_in_month.copy()
    wd = weekday(month_first + d)
    sat, sun = wd == 5, wd == 6
    d = np.where(sat, np.where(d + 2 < dim, d + 2, d - 1), d)
    d = np.where(sun, np.where(d + 1 < dim, d + 1, d - 2), d)
    return d


def next_business_time(minutes: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Times outside opening hours moved to the next opening (PL: najbliższe otwarcie) plus 5-120 min.

    Parameters
    ----------
    minutes : numpy.ndarray of int
        Minutes since 1970-01-01 00:00.
    rng : numpy.random.Generator
        Draws the minutes after opening (one draw per time, also for times inside hours).

    Returns
    -------
    numpy.ndarray of int
        Minutes since 1970-01-01: unchanged inside Monday-Friday 8:00-18:00, else the next
        opening plus 5 to 119 minutes.
    """
    day = minutes // 1440
    mod = minutes % 1440
    wd = weekday(day)
    late = mod >= CLOSES
    early = mod < OPENS
    weekend = wd >= 5
    closed = late | early | weekend
    nd = np.where(late, day + 1, day)
    wd2 = weekday(nd)
    nd = np.where(wd2 == 5, nd + 2, np.where(wd2 == 6, nd + 1, nd))
    opening = nd * 1440 + OPENS + rng.integers(5, 120, len(minutes))
    return np.where(closed, opening, minutes)
