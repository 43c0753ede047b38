"""Labels in English and Polish, in one place (PL: etykiety po angielsku i po polsku).

Category names, table headers and chart labels are looked up here by key, in the company's
language or a notebook's ``language`` parameter. Every key has both languages (a test checks).
The labels live in one catalogue module per method (``general``, ``abcxyz``, ``lifecycle``,
``kano``, ``segments``, ``service``, ``exercises``), merged into :data:`LABELS`; a key belongs to exactly one.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ..validation import check_choice
from . import abcxyz, exercises, general, kano, lifecycle, segments, service

LANGUAGES = ("en", "pl")

#: The catalogues, one per method, merged into :data:`LABELS` in this order.
CATALOGUES = (general, abcxyz, lifecycle, kano, segments, service, exercises)

#: key -> {"en": ..., "pl": ...}: every label of the workbook, from the catalogues above.
LABELS: dict[str, dict[str, str]] = {k: v for c in CATALOGUES for k, v in c.LABELS.items()}


def check_language(language: str | None, *, function: str | None = None) -> str:
    """The language code to use: 'en' or 'pl' (PL: kod języka: angielski lub polski).

    Parameters
    ----------
    language : str or None
        ``"en"`` or ``"pl"``, in any case and with surrounding spaces; ``None`` means English.
    function : str, optional
        The public function whose ``language`` parameter this is, named in the message.

    Returns
    -------
    str
        ``"en"`` or ``"pl"``.

    Raises
    ------
    ParameterError
        For any other language.
    """
    if language is None:
        return "en"
    return check_choice("language", language, LANGUAGES, function=function or "salesnb.i18n.check_language",
                        fix="pass language='en' for English or language='pl' for Polish.")


def t(key: str, language: str | None = "en") -> str:
    """The label for ``key`` in ``language`` (PL: etykieta w danym języku).

    Parameters
    ----------
    key : str
        A key of :data:`LABELS`.
    language : {"en", "pl"} or None, default "en"
        See :func:`check_language`.

    Returns
    -------
    str

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    KeyError
        If ``key`` has no label (add it to :data:`LABELS` in both languages).
    """
    lang = check_language(language, function="salesnb.i18n.t")
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no label {key!r}; add it to salesnb.i18n.LABELS in both languages") from None


def label_columns(df: pd.DataFrame, language: str | None = "en") -> pd.DataFrame:
    """A copy of ``df`` with its headers in ``language`` (PL: nagłówki tabeli w danym języku).

    Column names, and the names of the column and index levels, that have a label are
    translated; the others pass through unchanged.

    Parameters
    ----------
    df : pandas.DataFrame
        A table with snake_case headers (keys of :data:`LABELS`).
    language : {"en", "pl"} or None, default "en"
        See :func:`check_language`.

    Returns
    -------
    pandas.DataFrame
        The relabelled copy.

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    lang = check_language(language, function="salesnb.i18n.label_columns")

    def tr(x):
        return LABELS[x][lang] if isinstance(x, str) and x in LABELS else x

    out = df.rename(columns=tr)
    out.index = out.index.set_names([tr(n) for n in out.index.names])
    out.columns = out.columns.set_names([tr(n) for n in out.columns.names])
    return out


def label_values(values: Iterable, language: str | None = "en") -> list:
    """Category values in ``language`` (PL: wartości kategorii w danym języku).

    Values that are keys of :data:`LABELS` (e.g. a reason such as ``"reason_new_client"``) are
    translated; others pass through.

    Parameters
    ----------
    values : iterable
        The values, e.g. a column of a table.
    language : {"en", "pl"} or None, default "en"
        See :func:`check_language`.

    Returns
    -------
    list
        The values in the same order.

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    lang = check_language(language, function="salesnb.i18n.label_values")
    return [LABELS[v][lang] if isinstance(v, str) and v in LABELS else v for v in values]


def translate_map(keys: Iterable[str], language: str | None = "en") -> Mapping[str, str]:
    """``{key: label}`` for the given keys (PL: słownik etykiet), for ``Series.map`` or ``DataFrame.rename``.

    Parameters
    ----------
    keys : iterable of str
        Keys of :data:`LABELS`.
    language : {"en", "pl"} or None, default "en"
        See :func:`check_language`.

    Returns
    -------
    Mapping of str to str

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    KeyError
        If a key has no label.
    """
    check_language(language, function="salesnb.i18n.translate_map")
    return {k: t(k, language) for k in keys}


_UNITS = {
    "day": ("day", "days", "dzień", "dni", "dni"),
    "week": ("week", "weeks", "tydzień", "tygodnie", "tygodni"),
    "month": ("month", "months", "miesiąc", "miesiące", "miesięcy"),
    "quarter": ("quarter", "quarters", "kwartał", "kwartały", "kwartałów"),
    "year": ("year", "years", "rok", "lata", "lat"),
    "client": ("client", "clients", "klient", "klientów", "klientów"),
}


def duration(n: int, unit: str, language: str | None = "en") -> str:
    """A number with its unit in words, in the right grammatical form (PL: liczba z jednostką).

    Polish has three forms: 1 miesiąc, 2-4 miesiące (also 22-24, ...), 5 miesięcy (also 11-14).

    Parameters
    ----------
    n : int
        The number.
    unit : {"day", "week", "month", "quarter", "year", "client"}
        The unit.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
        E.g. "2 months" / "2 miesiące", with a no-break space.
    """
    lang = check_language(language)
    key = check_choice("unit", unit, tuple(_UNITS), function="salesnb.i18n.duration")
    one, many, pl_one, pl_few, pl_many = _UNITS[key]
    n = int(n)
    if lang == "en":
        word = one if n == 1 else many
    elif n == 1:
        word = pl_one
    elif n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        word = pl_few
    else:
        word = pl_many
    return f"{n}\u00a0{word}"
