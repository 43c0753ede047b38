"""Argument checks shared by every public function (PL: sprawdzanie parametrów).

After scikit-learn's declarative parameter checks, with this project's own twist: a bad argument
is a :class:`~salesnb.errors.ParameterError` (a :class:`~salesnb.errors.DataError`) that names
the parameter, the function, the value given, what is allowed and how to fix it, in one
sentence a user can act on::

    The 'period' parameter of salesnb.abcxyz.xyz must be one of 'M', 'Q'. Got 'W' instead.

Each ``check_*`` returns the value, normalised where that is its job (a choice lower-cased, a
pair of thresholds as a tuple of floats), so a function reads ``period = check_choice(...)``.
"""
from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from numbers import Integral, Real
from typing import Any

import pandas as pd

from .errors import ParameterError, describe

__all__ = [
    "ParameterError",
    "check_choice",
    "check_columns",
    "check_frame",
    "check_number",
    "check_pair",
    "describe",
]


def _allowed(options: Iterable[Any]) -> str:
    return ", ".join(repr(o) for o in options)


def check_choice(parameter: str, value: Any, options: Collection[Any], *, function: str | None = None,
                 fix: str = "", ignore_case: bool = True) -> Any:
    """``value`` if it is one of ``options`` (text compared case-insensitively, returned as listed).

    Parameters
    ----------
    parameter : str
        The parameter's name, as the caller wrote it.
    value : object
        What was given.
    options : collection
        The allowed values.
    function : str, optional
        The public function the parameter belongs to (e.g. ``"salesnb.abcxyz.xyz"``).
    fix : str, default ''
        How to fix it; the default names the options.
    ignore_case : bool, default True
        Compare text without regard to case and surrounding spaces.

    Returns
    -------
    object
        The matching option.

    Raises
    ------
    ParameterError
        If ``value`` is not one of ``options``.
    """
    for o in options:
        if value == o and type(value) is not bool:
            return o
        if ignore_case and isinstance(value, str) and isinstance(o, str) and value.strip().lower() == o.lower():
            return o
    raise ParameterError(parameter, value, f"one of {_allowed(options)}", function=function, fix=fix)


def check_number(parameter: str, value: Any, *, low: float | None = None, high: float | None = None,
                 low_open: bool = False, high_open: bool = False, integer: bool = False,
                 function: str | None = None, fix: str = "") -> Any:
    """``value`` if it is a finite number (a whole one if ``integer``) within the bounds.

    Parameters
    ----------
    parameter, value, function, fix
        As in :func:`check_choice`.
    low, high : float, optional
        Bounds; ``None`` means unbounded.
    low_open, high_open : bool, default False
        Whether a bound itself is excluded.
    integer : bool, default False
        Require a whole number (returned as ``int``).

    Returns
    -------
    int or float

    Raises
    ------
    ParameterError
        If ``value`` is not a number, not finite, not whole when required, or out of bounds.
    """
    kind = "a whole number" if integer else "a number"
    lo = "" if low is None else f"{'>' if low_open else '>='} {low:g}"
    hi = "" if high is None else f"{'<' if high_open else '<='} {high:g}"
    bounds = " and ".join(b for b in (lo, hi) if b)
    wanted = f"{kind}{' ' + bounds if bounds else ''}"
    ok_type = isinstance(value, Integral if integer else Real) and not isinstance(value, bool)
    if not ok_type and integer and isinstance(value, Real) and not isinstance(value, bool):
        ok_type = float(value).is_integer()
    if not ok_type or not math.isfinite(float(value)):
        raise ParameterError(parameter, value, wanted, function=function, fix=fix)
    v = float(value)
    if (low is not None and (v < low or (low_open and v == low))) or (
            high is not None and (v > high or (high_open and v == high))):
        raise ParameterError(parameter, value, wanted, function=function, fix=fix)
    return int(v) if integer else value


def check_pair(parameter: str, value: Any, *, low: float = 0.0, high: float | None = 1.0,
               low_open: bool = True, function: str | None = None, fix: str = "") -> tuple[float, float]:
    """Two increasing thresholds ``(a, b)`` with ``low < a <= b <= high`` (e.g. ABC's 0.5, 0.8).

    Parameters
    ----------
    parameter, value, function, fix
        As in :func:`check_choice`.
    low, high : float
        Bounds of both thresholds (``high=None``: unbounded above).
    low_open : bool, default True
        Whether ``low`` itself is excluded.

    Returns
    -------
    tuple of float

    Raises
    ------
    ParameterError
        If ``value`` is not two finite numbers in order within the bounds.
    """
    upper = "" if high is None else f" <= {high:g}"
    wanted = f"two numbers a, b with {low:g} {'<' if low_open else '<='} a <= b{upper}"
    try:
        items = list(value) if not isinstance(value, (str, bytes)) else None
    except TypeError:
        items = None
    if items is None or len(items) != 2:
        raise ParameterError(parameter, value, wanted, function=function, fix=fix)
    try:
        a, b = (float(x) for x in items)
    except (TypeError, ValueError):
        raise ParameterError(parameter, value, wanted, function=function, fix=fix) from None
    if any(isinstance(x, bool) for x in items) or not (math.isfinite(a) and math.isfinite(b)):
        raise ParameterError(parameter, value, wanted, function=function, fix=fix)
    if (a < low or (low_open and a == low)) or a > b or (high is not None and b > high):
        raise ParameterError(parameter, value, wanted, function=function, fix=fix)
    return a, b


def check_frame(parameter: str, value: Any, *, function: str | None = None, columns: Sequence[str] = (),
                fix: str = "") -> pd.DataFrame:
    """``value`` if it is a DataFrame holding ``columns``.

    Parameters
    ----------
    parameter, value, function, fix
        As in :func:`check_choice`.
    columns : sequence of str, default ()
        Columns the frame must have.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ParameterError
        If ``value`` is not a DataFrame or lacks one of ``columns``.
    """
    need = f"a DataFrame with columns {', '.join(columns)}" if columns else "a DataFrame"
    if not isinstance(value, pd.DataFrame):
        raise ParameterError(parameter, value, need, function=function, fix=fix)
    check_columns(parameter, value, columns, function=function, fix=fix)
    return value


def check_columns(parameter: str, frame: pd.DataFrame, columns: Iterable[str], *,
                  function: str | None = None, fix: str = "") -> None:
    """Raise :class:`ParameterError` naming every one of ``columns`` that ``frame`` lacks.

    Parameters
    ----------
    parameter : str
        The parameter that holds the frame.
    frame : pandas.DataFrame
        The frame given.
    columns : iterable of str
        The columns it must have.
    function, fix
        As in :func:`check_choice`; the default fix lists the columns the frame has.

    Raises
    ------
    ParameterError
        If ``frame`` lacks one of ``columns`` (all the missing ones are named).
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ParameterError(parameter, frame, f"a DataFrame with column(s) {', '.join(missing)}",
                             function=function,
                             fix=fix or f"the frame has {', '.join(map(str, frame.columns)) or 'no columns'}.")
