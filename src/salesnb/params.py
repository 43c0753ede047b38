"""Every choice the articles leave open, as a named parameter with a documented default.

A company overrides them under ``params:`` in ``company.yml``; a notebook parameter overrides
the company. `docs/data-format.md` lists them with the reasons for each default. Each value in
``company.yml`` is type-checked by :func:`check_parameter`.
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .errors import ParameterError
from .validation import check_choice, check_number, check_pair

#: name -> (default, description)
PARAMETERS: dict[str, tuple[Any, str]] = {
    "lifecycle_window": ("3M", "Window W of the lifecycle definitions: the three months of the article "
                               "'Working with clients'."),
    "abc_thresholds": ([0.5, 0.8], "ABC cumulative-share thresholds; the article's 50/80 "
                                   "(80/95 is the textbook variant)."),
    "abc_by": ("amount", "ABC by turnover ('amount') or by margin ('margin'); the article ranks by turnover, "
                         "or by income or margin only where management accounting is established."),
    "abc_horizon": ("12M", "Periods ABC and XYZ look back over: the last 12 months (so a client lost long ago "
                           "does not keep class A); 'all' for the whole history, or a number of periods."),
    "xyz_thresholds": ([0.10, 0.25], "XYZ coefficient-of-variation limits: X if CV <= 10%, Y if <= 25%, else Z."),
    "xyz_period": ("M", "Period for the XYZ coefficient of variation: 'M' months or 'Q' quarters."),
    "xyz_ddof": (0, "Standard deviation: 0 population (default), 1 sample (Excel STDEV)."),
    "xyz_min_periods": (3, "Fewest periods of history for an XYZ class."),
    "xyz_span": ("client", "XYZ periods from the client's first period ('client') or the dataset's ('dataset')."),
    "answer_within_hours": (24, "Service standard for answering an enquiry: e-mail within 24 h (the article "
                                "'Professional customer service: is it worth investing in?')."),
}


def _window(name: str, value: Any) -> Any:
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise ParameterError(name, value, "a window as text, e.g. '3M', '2M', '91D' or '13W'")


def _horizon(name: str, value: Any) -> Any:
    if value is None or (isinstance(value, str) and value.strip()):
        return value  # 'all', '12M', ... read by the ABC/XYZ module
    return check_number(name, value, low=1, integer=True)


#: name -> check(name, value) returning the value to use; raises ParameterError.
_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "lifecycle_window": _window,
    "abc_thresholds": lambda n, v: list(check_pair(n, v, low=0.0, high=1.0)),
    "abc_by": lambda n, v: check_choice(n, v, ("amount", "margin")),
    "abc_horizon": _horizon,
    "xyz_thresholds": lambda n, v: list(check_pair(n, v, low=0.0, high=None)),
    "xyz_period": lambda n, v: check_choice(n, v, ("M", "Q")),
    "xyz_ddof": lambda n, v: check_choice(n, v, (0, 1)),
    "xyz_min_periods": lambda n, v: check_number(n, v, low=2, integer=True),
    "xyz_span": lambda n, v: check_choice(n, v, ("client", "dataset")),
    "answer_within_hours": lambda n, v: check_number(n, v, low=0, low_open=True),
}


def defaults() -> dict[str, Any]:
    """The default value of every parameter (PL: wartości domyślne parametrów).

    Returns
    -------
    dict
        ``{name: default}`` for every entry of :data:`PARAMETERS`: a new dict of copies on each
        call (a company's ``params`` and a notebook's parameters are laid over it).
    """
    return {k: copy.deepcopy(v[0]) for k, v in PARAMETERS.items()}


def check_parameter(name: str, value: Any) -> Any:
    """A parameter's value, type-checked (PL: sprawdzenie parametru).

    Parameters
    ----------
    name : str
        One of :data:`PARAMETERS`.
    value : object
        The value given (e.g. read from ``company.yml``).

    Returns
    -------
    object
        The value to use (a choice as listed, thresholds as a list of floats).

    Raises
    ------
    ParameterError
        If the value has the wrong type or is out of range.
    KeyError
        If ``name`` is not a parameter.
    """
    return _CHECKS[name](name, value)
