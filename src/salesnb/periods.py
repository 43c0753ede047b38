"""Calendar periods for reports (PL: okresy sprawozdawcze): "the last full quarter" and friends."""
from __future__ import annotations

import pandas as pd


def last_full_quarter(as_of: pd.Timestamp | str) -> pd.Period:
    """The last calendar quarter that has ended by ``as_of`` (PL: ostatni pełny kwartał).

    A quarter ends on its last day: at 2025-12-31 the last full quarter is 2025Q4, at
    2025-12-30 it is 2025Q3.
    """
    day = pd.Timestamp(as_of).normalize()
    q = day.to_period("Q")
    return q if day == q.end_time.normalize() else q - 1


def quarter_bounds(quarter: str | pd.Period | None, as_of: pd.Timestamp | str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of ``quarter`` ("2025Q3", "2025-Q3"), or of the last full one by ``as_of``."""
    if quarter is None:
        q = last_full_quarter(as_of)
    else:
        try:
            q = pd.Period(str(quarter).replace("-", "").upper(), freq="Q")
        except ValueError:
            raise ValueError(f"quarter {quarter!r} is not like '2025Q3'") from None
    return q.start_time.normalize(), q.end_time.normalize()


def as_timestamp(value: str | pd.Timestamp) -> pd.Timestamp:
    """A date parameter ("2025-12-31" or "31.12.2025") as a Timestamp."""
    text = str(value).strip()
    fmt = "%d.%m.%Y" if text[:3].count(".") == 1 and text[2:3] == "." else None
    ts = pd.to_datetime(text, format=fmt, errors="coerce")
    if pd.isna(ts):
        raise ValueError(f"{value!r} is not a date: write it as 2025-12-31 or 31.12.2025")
    return ts


def local_dates(values: pd.Series, column: str = "date", file: str | None = None) -> pd.Series:
    """A date column as timezone-free datetime64[ns] in the company's own wall time.

    The one rule every analysis module follows: dates with a time zone keep their local wall
    time (a sale at 00:30 in Warsaw on 1 April is a 1 April sale) and lose the zone; text is
    read with the loader's fixed formats (2009-03-31, 31.03.2009, optional time), never
    guessed day- or month-first; anything else unreadable is a :class:`~salesnb.errors.DataError`.
    """
    from .errors import DataError
    from .io import parse_date

    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        if getattr(values.dt, "tz", None) is not None:
            values = values.dt.tz_localize(None)
        return values.astype("datetime64[ns]")
    parsed, problems = parse_date(values.astype(object), file, column)
    if problems:
        raise DataError(problems)
    return parsed


def local_timestamp(value) -> pd.Timestamp:
    """An as-of date as a timezone-free Timestamp in its own wall time (see :func:`local_dates`)."""
    t = pd.Timestamp(value)
    return t.tz_localize(None) if t.tzinfo is not None else t
