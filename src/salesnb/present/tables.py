"""Tables a room can read (PL: tabele do pokazania): ``show(table)`` formats any method's output.

``show`` takes a DataFrame (or Series) as a method returned it and renders it with pandas'
Styler, leaving the data untouched: column names and category values in the reader's language
(from :mod:`salesnb.i18n`), numbers by kind and locale (:mod:`salesnb.present.numbers`), empty
cells as ``–``, booleans as words, no index column unless it means something (a named index, such
as the client or the salesperson, becomes the first column). Long tables show their first rows
and say how many there are. The HTML is deterministic (a fixed table id), and the object's text
form names the table instead of printing a memory address.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from ..i18n import LABELS, check_language
from .columns import kind_of, value_key
from .numbers import EMPTY, count, fmt

__all__ = ["STRICT_VARIABLE", "Table", "column_label", "show", "value_label"]

#: Set to 1 (the tests do) to make a column without a label in the catalogue an error.
STRICT_VARIABLE = "SALESNB_STRICT_LABELS"
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")

_CSS = [
    {"selector": "", "props": "border-collapse: collapse; font-size: 0.95em; margin: 0.4em 0 1em 0;"},
    {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold; padding: 0.3em 0;"},
    {"selector": "th", "props": "text-align: left; padding: 0.35em 0.8em; border-bottom: 2px solid #555; "
                                "background: #f4f4f4; vertical-align: bottom;"},
    {"selector": "td", "props": "padding: 0.3em 0.8em; border-bottom: 1px solid #ddd; text-align: left; "
                                "max-width: 32em; min-width: 4em; overflow-wrap: break-word;"},
    {"selector": "tr:nth-child(even) td", "props": "background: #fafafa;"},
]
_NUMERIC_KINDS = {"money", "percent", "count", "number", "coefficient", "days", "hours"}


def column_label(column: object, language: str | None = "en", prefixes: tuple[str, ...] = ()) -> str:
    """A column's header in ``language`` (PL: nagłówek kolumny).

    Parameters
    ----------
    column : object
        The column's name in the method's output.
    language : {"en", "pl"}, default "en"
    prefixes : tuple of str, default ()
        Catalogue prefixes tried first (e.g. ``("kpi_",)`` for the KPI tables' headers).

    Returns
    -------
    str
        The label; a name without one is shown as it is, unless ``SALESNB_STRICT_LABELS`` is set,
        when a snake_case name without a label raises ``KeyError`` (so tests catch it).
    """
    lang = check_language(language)
    name = "" if column is None else str(column)
    if name == "-":
        return EMPTY
    for key in (*(p + name for p in prefixes), name):
        if key in LABELS:
            return LABELS[key][lang]
    if os.environ.get(STRICT_VARIABLE) and _IDENTIFIER.match(name):
        raise KeyError(f"column {name!r} has no label; add it to salesnb.i18n.LABELS in both languages")
    return name


def value_label(column: object, value: Any, language: str | None = "en") -> str:
    """A category value in ``language`` (PL: etykieta wartości): ``("status", "lost")`` -> "utracony".

    Looks up the column's catalogue prefix (:mod:`salesnb.present.columns`), then the value
    itself as a key (codes such as ``ok``, ``other``, ``reason_new_client``), then a compound
    ``key:column`` (``missing_values:salesperson`` -> "Missing values: Sales manager"); anything
    else (names, ids) is shown as it is.

    Parameters
    ----------
    column : object
        The column's name.
    value : object
        The value.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    lang = check_language(language)
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return EMPTY
    if isinstance(value, float):
        return fmt(value, "number", lang)
    if not isinstance(value, str):
        return str(value)
    if value == "-":
        return EMPTY
    key = value_key(column, value)
    for k in (key, value):
        if k is not None and k in LABELS:
            return LABELS[k][lang]
    head, sep, tail = value.partition(":")
    if sep and head in LABELS:  # "key:key" reads "Head: tail"; further ":key" parts follow after commas
        tails = tail.split(":") if tail not in LABELS else [tail]
        return f"{LABELS[head][lang]}: " + ", ".join(LABELS[x][lang] if x in LABELS else x for x in tails)
    return value


def _value_formatter(column: object, kind: str, language: str, currency: str) -> Callable[[Any], str]:
    if kind == "text":
        def text(value: Any) -> str:
            return value_label(column, value, language)
        return text
    return lambda value: fmt(value, kind, language, currency)


class Table:
    """A formatted table (PL: sformatowana tabela): shows as HTML in a notebook or report.

    Attributes
    ----------
    data : pandas.DataFrame
        The rows shown, as values (the method's output, index as a column where it means
        something, cut to ``max_rows``).
    styler : pandas.io.formats.style.Styler
        The formatting.
    caption : str
        The title, if any.
    """

    def __init__(self, data: pd.DataFrame, styler: Any, caption: str, total_rows: int, language: str):
        self.data = data
        self.styler = styler
        self.caption = caption
        self.total_rows = total_rows
        self.language = language

    def _repr_html_(self) -> str:
        html = self.styler.to_html()
        if self.total_rows > len(self.data):
            note = (f"pokazano {count(len(self.data), 'pl')} z {count(self.total_rows, 'pl')} wierszy"
                    if self.language == "pl" else
                    f"showing {count(len(self.data), 'en')} of {count(self.total_rows, 'en')} rows")
            html += f'<p style="color:#666;font-size:0.85em;margin-top:-0.6em">{note}</p>'
        return html

    def to_html(self) -> str:
        """The table as HTML (PL: tabela jako HTML).

        Returns
        -------
        str
        """
        return self._repr_html_()

    def __repr__(self) -> str:
        name = f" {self.caption!r}" if self.caption else ""
        return f"<salesnb table{name}: {len(self.data)} of {self.total_rows} rows>"


def _meaningful_index(index: pd.Index) -> bool:
    if any(n is not None for n in index.names):
        return True
    if isinstance(index, pd.RangeIndex):
        return False
    return not pd.api.types.is_integer_dtype(index.dtype)


def show(table: pd.DataFrame | pd.Series, language: str | None = "en", *, currency: str = "PLN",
         kinds: Mapping[str, str] | None = None, labels: Mapping[str, str] | None = None,
         prefixes: tuple[str, ...] = (), caption: str = "", max_rows: int | None = 20,
         index: bool | None = None, right: tuple[str, ...] = ()) -> Table:
    """A method's table formatted for reading (PL: pokaż tabelę), in the reader's language.

    Parameters
    ----------
    table : pandas.DataFrame or pandas.Series
        As a method returned it (not changed).
    language : {"en", "pl"}, default "en"
    currency : str, default "PLN"
        The currency of money columns (the company's).
    kinds : mapping, optional
        Column -> kind, overriding the registry (:mod:`salesnb.present.columns`).
    labels : mapping, optional
        Column -> header, overriding the catalogue.
    prefixes : tuple of str, default ()
        Catalogue prefixes tried first for headers (e.g. ``("kpi_",)``).
    caption : str, default ""
        A title above the table.
    max_rows : int or None, default 20
        Rows shown (None: all); the rest are counted below the table.
    index : bool, optional
        Show the index as the first column; default: when it means something (it is named, or
        is not a plain row number).
    right : tuple of str, default ()
        Columns to align right although they hold text (numbers formatted beforehand).

    Returns
    -------
    Table
        Renders as HTML; ``.data`` is what is shown, ``.styler`` the Styler.
    """
    lang = check_language(language)
    frame = table.to_frame() if isinstance(table, pd.Series) else table
    keep_index = _meaningful_index(frame.index) if index is None else index
    # a cross table (rows x columns, both named): the first header names both directions
    across = frame.columns.name if keep_index and frame.columns.name is not None and frame.index.nlevels == 1 else None
    row_name = frame.index.name
    frame = frame.reset_index() if keep_index else frame.reset_index(drop=True)
    if isinstance(frame.columns, pd.MultiIndex):
        frame.columns = [" / ".join(str(x) for x in c if str(x)) for c in frame.columns]
    total = len(frame)
    if max_rows is not None and total > max_rows:
        frame = frame.head(max_rows)
    kinds = dict(kinds or {})
    formatters, headers, align = {}, {}, {}
    for col in frame.columns:
        kind = kinds.get(col) or kind_of(col, frame[col])
        formatters[col] = _value_formatter(col, kind, lang, currency)
        headers[col] = (labels or {}).get(col) or column_label(col, lang, prefixes)
        if across is not None and col == row_name:
            headers[col] = f"{headers[col]} ↓ · {column_label(across, lang, prefixes)} →"
        elif across is not None:
            headers[col] = value_label(across, col, lang)
        align[col] = "right" if kind in _NUMERIC_KINDS or col in right else "left"
    uid = hashlib.sha1(("|".join(map(str, frame.columns)) + caption + lang).encode()).hexdigest()[:8]
    styler = frame.style.set_uuid(f"sn{uid}").hide(axis="index").format(formatters, na_rep=EMPTY)
    styler = styler.relabel_index([headers[c] for c in frame.columns], axis="columns")
    styles = list(_CSS)
    for i, col in enumerate(frame.columns):
        if align[col] == "right":
            styles.append({"selector": f"td.col{i}",
                           "props": "text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;"})
            styles.append({"selector": f"th.col_heading.col{i}", "props": "text-align: right;"})
    styler = styler.set_table_styles(styles)
    if caption:
        styler = styler.set_caption(caption)
    return Table(frame, styler, caption, total, lang)
