"""The Kano method's one parameter set-up path (PL: ustawienie parametrów metody Kano).

Every public function of :mod:`salesnb.kano` (and the Kano charts and widget) starts with
:func:`setup_parameters`: it finds the survey in what it was given (a ``kano_survey`` table or a
loaded company), takes the language from the company when none is given, checks every argument
the method shares between functions (``variant``, ``rule``, ``language``, ``wave``, ``strict``
...) and returns them normalised. A bad argument raises
:class:`~salesnb.errors.ParameterError` (a :class:`~salesnb.errors.DataError`) naming the
parameter, the function, the value and what is allowed, through :mod:`salesnb.validation`.

The waves of a survey are put in time order here too (:func:`wave_order`), because the ``wave``
argument is checked against them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, ParameterError, Problem
from ..i18n import LANGUAGES
from ..io import parse_date
from ..validation import check_choice, check_number

__all__ = ["VARIANTS", "RULES", "KanoParameters", "setup_parameters", "wave_order"]

#: The evaluation-table variants: ``"standard"`` (Berger et al. 1993; Sauerwein et al. 1996) and
#: ``"pouliot"`` (Berger et al. 1993, p. 33).
VARIANTS: tuple[str, ...] = ("standard", "pouliot")

#: The two rules for a feature's category and the summary column each fills: the most frequent
#: category (``"mode"``) or Berger et al.'s (1993) rule (``"berger"``).
RULES: dict[str, str] = {"mode": "category_mode", "berger": "category_berger"}

_PACKAGE = "salesnb.kano"
_NO_DATA = object()


class KanoParameters:
    """The checked arguments of one call (PL: sprawdzone parametry wywołania).

    Attributes
    ----------
    function : str
        The public function the arguments belong to (e.g. ``"salesnb.kano.summarize"``).
    survey : pandas.DataFrame
        The ``kano_survey`` table, when ``data`` was given.
    file : str
        The file the survey was read from (for messages), when ``data`` was given.
    column : str
        The summary column of the category ``rule`` picks, when ``rule`` was given.

    Every other argument passed to :func:`setup_parameters` is an attribute of the same name,
    normalised (``variant`` and ``rule`` lower-cased, ``language`` resolved, ``wave`` the label
    of the wave to use or ``None``).
    """

    def __init__(self, function: str, **values: Any):
        self.function = function
        self.__dict__.update(values)

    def __repr__(self) -> str:
        shown = {k: v for k, v in self.__dict__.items() if not isinstance(v, pd.DataFrame)}
        return f"KanoParameters({', '.join(f'{k}={v!r}' for k, v in shown.items())})"


# --------------------------------------------------------------------------------------------
# Where the tables come from
# --------------------------------------------------------------------------------------------

def _file_of(frame: pd.DataFrame, default: str) -> str:
    for key in ("source", "file", "path"):
        if key in frame.attrs:
            return str(frame.attrs[key])
    return default


def _survey_of(data: Any, function: str) -> tuple[pd.DataFrame, str]:
    """The kano_survey DataFrame (and its file name) from a DataFrame or a loaded company."""
    if isinstance(data, pd.DataFrame):
        return data, _file_of(data, "kano_survey")
    if not hasattr(data, "kano_survey"):
        raise ParameterError("data", data, "a kano_survey DataFrame or a company (salesnb.load_company)",
                             function=function)
    survey = data.kano_survey
    if survey is None:
        raise DataError(Problem(None, "this dataset has no Kano survey (kano_survey table).",
                                "add a kano_survey file to the company folder (docs/data-format.md)."))
    sources = getattr(data, "sources", None) or {}
    return survey, str(sources.get("kano_survey", _file_of(survey, "kano_survey")))


def _satisfaction_of(value: Any, data: Any, function: str) -> tuple[pd.DataFrame | None, str]:
    """The satisfaction table from a DataFrame or a company; by default the company's ``data``."""
    if value is None and data is not _NO_DATA and not isinstance(data, pd.DataFrame):
        value = getattr(data, "satisfaction", None)
    if value is None or isinstance(value, pd.DataFrame):
        return value, _file_of(value, "satisfaction") if value is not None else "satisfaction"
    if not hasattr(value, "satisfaction"):
        raise ParameterError("satisfaction", value, "a satisfaction DataFrame, a company or None",
                             function=function)
    sat = value.satisfaction
    return sat, _file_of(sat, "satisfaction") if sat is not None else "satisfaction"


# --------------------------------------------------------------------------------------------
# Waves in time order
# --------------------------------------------------------------------------------------------

def _wave_dates(labels: list[str]) -> pd.Series | None:
    """Wave labels as dates when every one is ISO (2024-03-01) or Polish (01.03.2024); else None.

    Each form is read with its own fixed format, so 2024-03-01 is never taken day-first.
    """
    parsed, problems = parse_date(pd.Series(labels, dtype=object), None, "wave")
    return None if problems or parsed.isna().any() else parsed


def wave_order(values: pd.Series, order: Sequence | None = None, function: str | None = None,
               parameter: str = "order") -> list:
    """The survey's waves in time order (PL: kolejność fal badania).

    The article *Kano model and good practices* (PL: *Model Kano i dobre praktyki*) teaches that
    satisfaction is not fixed, which needs the waves in the order they were asked: by date when
    every label is a date (ISO ``2024-03-31`` or Polish ``31.03.2024``, each read with its own
    format, never day-first by guess), otherwise in the order of first appearance in the survey.

    Parameters
    ----------
    values : pandas.Series
        The survey's ``wave`` column.
    order : sequence, optional
        The waves in the order to use; it must hold every wave of the survey.
    function : str, optional
        The public function asking (named in a message); default ``salesnb.kano.wave_order``.
    parameter : str, default 'order'
        The name ``order`` has in that function (named in a message).

    Returns
    -------
    list
        The distinct waves, first to last.

    Raises
    ------
    ParameterError
        If ``order`` is a text or misses a wave of the survey.
    """
    function = function or f"{_PACKAGE}.wave_order"
    uniq = list(pd.unique(values.dropna()))
    if order is not None:
        if isinstance(order, (str, bytes)) or not isinstance(order, Iterable):
            raise ParameterError(parameter, order, "a list of the survey's waves", function=function)
        order = list(order)
        unknown = [w for w in uniq if w not in order]
        if unknown:
            raise ParameterError(parameter, order, "a list holding every wave of the survey", function=function,
                                 fix=f"add the wave(s) {unknown}.")
        return [w for w in order if w in uniq]
    dates = _wave_dates(uniq) if uniq and all(isinstance(w, str) for w in uniq) else None
    if isinstance(values.dtype, pd.DatetimeTZDtype) or values.dtype.kind == "M":
        return sorted(uniq)
    if dates is not None and dates.notna().all():
        return [w for _, w in sorted(zip(dates, uniq, strict=True), key=lambda x: x[0])]
    return uniq  # labels: the order of first appearance in the file


# --------------------------------------------------------------------------------------------
# The checks, one per parameter name
# --------------------------------------------------------------------------------------------

def _flag(name: str) -> Callable[[Any, dict], bool]:
    def check(value: Any, ctx: dict) -> bool:
        if not isinstance(value, (bool, np.bool_)):
            raise ParameterError(name, value, "True or False", function=ctx["function"])
        return bool(value)
    return check


def _share(name: str, optional: bool = False) -> Callable[[Any, dict], Any]:
    def check(value: Any, ctx: dict) -> Any:
        if value is None and optional:
            return None
        return check_number(name, value, low=0, high=1, function=ctx["function"],
                            fix="give a share between 0 and 1" + (", or None" if optional else "") + ".")
    return check


def _score(name: str) -> Callable[[Any, dict], Any]:
    def check(value: Any, ctx: dict) -> Any:
        return check_number(name, value, low=1, high=5, function=ctx["function"],
                            fix="satisfaction scores are on the 1-5 scale.")
    return check


def _language(value: Any, ctx: dict) -> str:
    if value is None:
        data = ctx.get("data", _NO_DATA)
        company = data is not _NO_DATA and not isinstance(data, pd.DataFrame)  # a table has no language
        value = getattr(data, "language", None) if company else None
        if value is None:
            return "en"
    return check_choice("language", value, LANGUAGES, function=ctx["function"])


def _wave_order_arg(name: str) -> Callable[[Any, dict], Any]:
    def check(value: Any, ctx: dict) -> Sequence | None:
        if value is not None and (isinstance(value, (str, bytes)) or not isinstance(value, Iterable)):
            raise ParameterError(name, value, "a list of the survey's waves or None", function=ctx["function"])
        return None if value is None else list(value)
    return check


def _wave(value: Any, ctx: dict) -> Any:
    """The wave to use: the latest, a label of the survey, or None (every wave)."""
    frame = ctx.get("survey")
    if value is None or frame is None or "wave" not in frame.columns or not frame["wave"].notna().any():
        return None
    name, order = ctx.get("order", ("order", None))
    waves = wave_order(frame["wave"], order, ctx["function"], parameter=name)
    if isinstance(value, str) and value.strip().lower() == "latest":
        return waves[-1]
    try:
        hit = [w for w in waves if bool(w == value)]
    except (TypeError, ValueError):
        hit = []
    if not hit:
        raise ParameterError("wave", value, "'latest', None or a wave of the survey", function=ctx["function"],
                             fix=f"{value!r} is not in the survey; waves: {waves}.")
    return hit[0]


def _by(value: Any, ctx: dict) -> list[str]:
    if value is not None and not isinstance(value, (str, Iterable)):
        raise ParameterError("by", value, "a column name, a list of them or None", function=ctx["function"])
    keys = [value] if isinstance(value, str) else list(value or [])
    frame = ctx.get("survey")
    missing = [k for k in keys if frame is not None and k not in frame.columns]
    if missing:
        raise ParameterError("by", value, "column(s) of the Kano survey", function=ctx["function"],
                             fix=f"split by a column the survey has (e.g. segment or wave); it has "
                                 f"{', '.join(map(str, frame.columns))}.")
    return keys


_CHECKS: dict[str, Callable[[Any, dict], Any]] = {
    "variant": lambda v, ctx: check_choice("variant", v, VARIANTS, function=ctx["function"]),
    "rule": lambda v, ctx: check_choice("rule", v, tuple(RULES), function=ctx["function"]),
    "language": _language,
    "strict": _flag("strict"),
    "scores_exclude_q": _flag("scores_exclude_q"),
    "only_changed": _flag("only_changed"),
    "significant_only": _flag("significant_only"),
    "mixed_below": _share("mixed_below"),
    "max_share_low": _share("max_share_low", optional=True),
    "ddof": lambda v, ctx: check_number("ddof", v, low=0, integer=True, function=ctx["function"]),
    "threshold": _score("threshold"),
    "low_score": _score("low_score"),
    "by": _by,
    "order": _wave_order_arg("order"),
    "wave_order": _wave_order_arg("wave_order"),
    "wave": _wave,
}


def setup_parameters(function: str, data: Any = _NO_DATA, **values: Any) -> KanoParameters:
    """Check and normalise the arguments of a Kano function (PL: ustawienie parametrów Kano).

    The one set-up path of the Kano method: the survey from ``data``, the language from the
    company when ``language`` is None, and one check per parameter name, each raising
    :class:`~salesnb.errors.ParameterError` that names the parameter, ``function``, the value and
    what is allowed.

    Parameters
    ----------
    function : str
        The public function being called: a name in :mod:`salesnb.kano` (``"summarize"``) or a
        full dotted name (``"salesnb.plots.kano.waves_chart"``).
    data : pandas.DataFrame or company, optional
        The ``kano_survey`` table or a loaded company (with ``.kano_survey``); gives
        ``survey`` and ``file``, and the company's language.
    **values
        The arguments to check, by name: ``variant`` (one of :data:`VARIANTS`), ``rule`` (one of
        :data:`RULES`; also gives ``column``), ``language`` (``"en"``, ``"pl"`` or None: the
        company's, else English), ``strict``, ``scores_exclude_q``, ``only_changed``,
        ``significant_only`` (True or False), ``mixed_below`` and ``max_share_low`` (shares 0-1,
        the latter may be None), ``ddof`` (a whole number >= 0), ``threshold`` and
        ``low_score`` (scores on the 1-5 scale), ``by`` (survey columns), ``order`` or
        ``wave_order`` (a list of waves or None, as the function calls it), ``wave``
        (``"latest"``, a wave of the survey, or None for all; resolved to the label to use, None
        when the survey has no waves) and ``satisfaction`` (a satisfaction table or a company;
        None: the company's, if ``data`` is one).

    Returns
    -------
    KanoParameters
        The normalised arguments as attributes.

    Raises
    ------
    ParameterError
        If an argument is not allowed.
    DataError
        If ``data`` is a company without a Kano survey.
    TypeError
        If a parameter name has no check here (a misspelt keyword argument passed on, or a new
        parameter that needs its check added).
    """
    function = function if "." in function else f"{_PACKAGE}.{function}"
    unknown = [k for k in values if k not in _CHECKS and k != "satisfaction"]
    if unknown:
        raise TypeError(f"{function}() got unexpected keyword argument(s) {', '.join(map(repr, unknown))}")
    out: dict[str, Any] = {}
    ctx: dict[str, Any] = {"function": function, "data": data}
    if data is not _NO_DATA:
        survey, out["file"] = _survey_of(data, function)
        out["survey"] = ctx["survey"] = survey
    if "satisfaction" in values:
        out["satisfaction"], out["satisfaction_file"] = _satisfaction_of(values["satisfaction"], data, function)
    for name in ("order", "wave_order"):  # the wave is checked against the waves in this order
        if name in values:
            ctx["order"] = (name, _CHECKS[name](values[name], ctx))
    for name, check in _CHECKS.items():
        if name in values:
            out[name] = check(values[name], ctx)
    if "rule" in out:
        out["column"] = RULES[out["rule"]]
    return KanoParameters(function, **out)
