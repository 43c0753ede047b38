"""Columns of cells to numbers, text and ids (PL: zamiana komórek na liczby i teksty).

Each parser converts a whole column at once and sends only the cells its fast path does not
accept through the exact rules below, so a refused value is named with its row exactly as
before. The fast paths accept a subset of what the exact rules accept, and give the same value
for it (``tests/test_loader.py`` checks that property):

- numbers: ASCII digits with an optional sign, thousands in groups of three separated by a
  space or the other mark, and the file's decimal mark: cleaned and cast by pyarrow. Anything
  else (a typographic minus, a non-breaking space, surrounding spaces, ...) goes to the exact
  rule, a regular expression per value;
- dates: see :mod:`salesnb.io.dates`;
- text and ids: each distinct value is decoded and trimmed once (pyarrow's dictionary encoding),
  so the cost is in the distinct values, not the rows.

Inputs are a pyarrow array of a CSV column's raw bytes, or a pandas Series (an XLSX column or a
user's own frame), whose numbers and dates are taken as they are.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import Problem
from .cells import (
    MINUS,
    MISSING_MARKERS,
    SPACES,
    cell_text,
    chunked,
    decode_cells,
    expand,
    is_dictionary,
    is_marker,
    repetitive,
    row_index,
    split_dictionary,
    split_series,
    text_view,
)
from .dates import DATE_FORMATS, PLAUSIBLE_DATES, parse_date
from .encoding import undecodable

__all__ = ["DATE_FORMATS", "MISSING_MARKERS", "PLAUSIBLE_DATES", "exact_number", "parse_date", "parse_ids",
           "parse_number", "parse_text"]

# --------------------------------------------------------------------------------------------
# Text and ids


def _dictionary(col: pa.ChunkedArray, encoding: str) -> tuple[np.ndarray, pa.Array, np.ndarray]:
    """Per row a code into a dictionary of decoded, trimmed values (null = empty or undecodable).

    Returns the codes (int64), the dictionary (pyarrow string array) and the dictionary
    positions whose bytes are not text in ``encoding``.
    """
    if len(col) == 0:
        return np.zeros(0, np.int64), pa.array([], pa.string()), np.zeros(0, np.int64)
    codes, raw = split_dictionary(col)
    text = raw.view(pa.string())
    non_ascii = np.flatnonzero(~pc.string_is_ascii(text).to_numpy(zero_copy_only=False))
    bad = np.zeros(0, np.int64)
    if len(non_ascii):
        decoded, bad_i = decode_cells(raw.take(pa.array(non_ascii)).to_pylist(), encoding)
        mask = np.zeros(len(raw), bool)
        mask[non_ascii] = True
        text = pc.replace_with_mask(text, pa.array(mask), pa.array(decoded, pa.string()))
        bad = non_ascii[bad_i]
    text = pc.utf8_trim_whitespace(text)
    text = pc.if_else(pc.equal(pc.utf8_length(text), 0), pa.scalar(None, pa.string()), text)
    return codes, text, bad


def _undecodable_problem(path, encoding, column, codes, bad, raw_dict_values, index) -> Problem:
    rows = np.flatnonzero(np.isin(codes, bad))
    return undecodable(Path(path) if path else path, encoding, column, list(index[rows]), raw_dict_values)


def _text_cells(values: Any, path, column, index, encoding) -> tuple[np.ndarray, pa.Array, list[Problem]]:
    """Codes and a dictionary of trimmed text for any input (CSV bytes or a Series)."""
    if isinstance(values, pd.Series):
        if isinstance(values.dtype, pd.CategoricalDtype):
            cats = pa.array([cell_text(c) for c in values.cat.categories], pa.string())
            cats = pc.utf8_trim_whitespace(cats)
            cats = pc.if_else(pc.equal(pc.utf8_length(cats), 0), pa.scalar(None, pa.string()), cats)
            return values.cat.codes.to_numpy().astype(np.int64), cats, []
        _, _, col = split_series(values, ())
        encoding = "utf-8"
    else:
        col = chunked(values)
    codes, text, bad = _dictionary(col, encoding)
    problems = []
    if len(bad):
        raw = split_dictionary(col)[1].take(pa.array(bad)).to_pylist()
        problems.append(_undecodable_problem(path, encoding, column, codes, bad, raw, index))
    return codes, text, problems


def _plain_ascii(values: Any) -> pa.ChunkedArray | None:
    """A CSV column that is all ASCII, trimmed, empty cells null (no dictionary needed); else None."""
    if isinstance(values, pd.Series) or is_dictionary(chunked(values)):
        return None
    text = text_view(chunked(values))
    if pc.all(pc.string_is_ascii(text)).as_py() not in (True, None):
        return None
    text = pc.utf8_trim_whitespace(text)
    return pc.if_else(pc.equal(pc.binary_length(text), 0), pa.scalar(None, pa.string()), text)


def parse_text(values: Any, path, column, *, index: pd.Index | None = None,
               encoding: str = "utf-8") -> tuple[pd.Series, list[Problem]]:
    """Cells as trimmed text, empty cells missing (PL: kolumna tekstowa).

    Parameters
    ----------
    values : pyarrow array or pandas.Series
        A CSV column's raw bytes, or cell values.
    path : path-like
        The file, for messages.
    column : str
        The column, for messages.
    index : pandas.Index, optional
        Row numbers (default: the Series' index, or 2, 3, ...).
    encoding : str, default 'utf-8'
        How the bytes of a CSV column are decoded.

    Returns
    -------
    tuple of (pandas.Series, list of Problem)
        Text (pandas' string dtype) indexed by row, and bytes that are not text in ``encoding``.
    """
    index = row_index(values, index)
    plain = _plain_ascii(values)
    if plain is not None:
        return pd.Series(plain.to_pandas().array, index=index, name=column), []
    codes, text, problems = _text_cells(values, path, column, index, encoding)
    taken = text.take(pa.array(np.where(codes < 0, 0, codes) if len(text) else np.zeros(len(codes), np.int64),
                               mask=codes < 0)) if len(text) else pa.nulls(len(codes), pa.string())
    out = pd.Series(taken.to_pandas().array, index=index, name=column)
    if out.dtype == object:
        out = out.astype("str")
    return out, problems


def parse_ids(values: Any, path, column, *, index: pd.Index | None = None, encoding: str = "utf-8",
              categorical: bool = True) -> tuple[pd.Series, list[Problem]]:
    """Cells as ids: text exactly as written, trimmed, as a categorical (PL: identyfikatory).

    Categories are the distinct ids in text order, so a later groupby works on integer codes.
    ``007`` stays ``007``; whole numbers from a spreadsheet lose their ``.0``. Markers of a
    missing value (``n/a``, ``null``, ``-``, ``brak``, ...; see :data:`MISSING_MARKERS`) are
    refused: an id column is either filled in or empty.

    Parameters
    ----------
    values, path, column, index, encoding
        As in :func:`parse_text`.
    categorical : bool, default True
        A categorical; ``False`` gives text (for ids unique per row, e.g. document numbers).

    Returns
    -------
    tuple of (pandas.Series, list of Problem)
        The ids indexed by row, and the problems found.
    """
    index = row_index(values, index)
    if not categorical:
        plain = _plain_ascii(values)
        if plain is not None:
            problems = _marker_problem(plain, path, column, index)
            return pd.Series(plain.to_pandas().array, index=index, name=column), problems
        out, problems = parse_text(values, path, column, index=index, encoding=encoding)
        text = pa.chunked_array([pa.array(out.to_numpy(dtype=object, na_value=None), pa.string())])
        return out, problems + _marker_problem(text, path, column, index)
    codes, text, problems = _text_cells(values, path, column, index, encoding)
    if len(text) == 0:
        cat = pd.Categorical.from_codes(np.full(len(codes), -1), categories=pd.Index([], dtype="str"))
        return pd.Series(cat, index=index, name=column), problems
    uniq = pc.unique(text.filter(pc.is_valid(text)))
    uniq = uniq.take(pc.sort_indices(uniq))
    remap = pc.fill_null(pc.index_in(text, value_set=uniq), -1).to_numpy().astype(np.int32)
    # codes are never negative here (pyarrow's dictionary indices); remap holds -1 for empty values
    new = remap[codes] if len(codes) else np.zeros(0, np.int32)
    if isinstance(values, pd.Series) and (codes < 0).any():  # a categorical's missing values
        new = np.where(codes >= 0, new, -1).astype(np.int32)
    categories = pd.Index(uniq.to_pandas().array)
    marker = pc.is_in(pc.utf8_lower(uniq), value_set=pa.array(MISSING_MARKERS, pa.string()))
    marker = np.asarray(marker.to_numpy(zero_copy_only=False), dtype=bool)
    if marker.any():
        bad = np.flatnonzero(marker)
        rows = np.isin(new, bad)
        problems.append(_marker(path, column, list(index[rows]), list(categories[bad])))
    cat = pd.Categorical.from_codes(new, categories=categories, validate=False)
    return pd.Series(cat, index=index, name=column), problems


def _marker(path, column, rows, values) -> Problem:
    return Problem(path, "these cells hold a marker for a missing value, not an id.",
                   "leave the cell empty when there is no value, or write the real id.",
                   column=column, rows=rows, values=values)


def _marker_problem(text: pa.ChunkedArray, path, column, index) -> list[Problem]:
    hit = pc.is_in(pc.utf8_lower(text), value_set=pa.array(MISSING_MARKERS, pa.string()))
    mask = np.asarray(pc.fill_null(hit, False).to_numpy(), dtype=bool)
    if not mask.any():
        return []
    pos = np.flatnonzero(mask)
    return [_marker(path, column, list(index[pos]), text.take(pa.array(pos)).to_pylist())]


# --------------------------------------------------------------------------------------------
# Numbers


def _number_pattern(decimal: str) -> re.Pattern:
    group = "[ .\u00a0\u202f\u2007]" if decimal == "," else "[ ,'\u00a0\u202f\u2007]"
    dec = re.escape(decimal)
    # a thousands group never starts with 0: "0.125" in a decimal-comma file is refused, not 125
    return re.compile(rf"^[+-]?(?:[1-9]\d{{0,2}}(?:(?P<g>{group})\d{{3}})(?:(?P=g)\d{{3}})*|\d+)(?:{dec}\d+)?$")


def _fast_number_pattern(decimal: str) -> str:
    groups = (" ", ".") if decimal == "," else (" ", ",")
    alts = "|".join([r"[0-9]+"] + [rf"[1-9][0-9]{{0,2}}(?:{re.escape(g)}[0-9]{{3}})+" for g in groups])
    return rf"^[+-]?(?:{alts})(?:{re.escape(decimal)}[0-9]+)?$"


def exact_number(text: str, decimal: str) -> float | None:
    """One cell by the exact rule: a float, ``None`` for an empty cell; ValueError if refused.

    Parameters
    ----------
    text : str
        The cell as written.
    decimal : str
        The file's decimal mark, ``","`` or ``"."``.

    Returns
    -------
    float or None

    Raises
    ------
    ValueError
        If the text is not a number in these conventions.
    """
    t = text.strip().translate(MINUS)
    if not t:
        return None
    if not _number_pattern(decimal).fullmatch(t):
        raise ValueError(text)
    other = "." if decimal == "," else ","
    cleaned = re.sub(f"[{SPACES}'{re.escape(other)}]", "", t)
    if decimal == ",":
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


def _fast_numbers(col: pa.ChunkedArray, decimal: str,
                  batch: int = 1 << 18) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values (NaN where not taken), taken mask, empty mask.

    Converted ``batch`` rows at a time, so the temporaries stay small and are reused instead of
    fresh memory for every pass over a 10M-row column.
    """
    n = len(col)
    values = np.empty(n, np.float64)
    ok_all = np.empty(n, bool)
    empty_all = np.empty(n, bool)
    pattern = _fast_number_pattern(decimal)
    other = "." if decimal == "," else ","
    for start in range(0, n, batch):
        part = col.slice(start, batch)
        text = text_view(part)
        ok = pc.match_substring_regex(text, pattern)
        all_ok = pc.all(ok).as_py() is not False
        cleaned = text
        for group in (" ", other):  # thousands groups (a pass only where the batch has them)
            if pc.any(pc.match_substring(cleaned, group)).as_py():
                cleaned = pc.replace_substring(cleaned, group, "")
        if decimal == ",":
            cleaned = pc.replace_substring(cleaned, ",", ".")
        if not all_ok:
            cleaned = pc.if_else(ok, cleaned, pa.scalar(None, pa.string()))
        end = start + len(part)
        values[start:end] = pc.cast(cleaned, pa.float64()).to_numpy()
        ok_all[start:end] = True if all_ok else ok.to_numpy().astype(bool)
        empty_all[start:end] = False if all_ok else pc.equal(pc.binary_length(part), 0).to_numpy().astype(bool)
    return values, ok_all, empty_all


def parse_number(values: Any, path, column, decimal: str, integer: bool = False, *,
                 index: pd.Index | None = None, encoding: str = "utf-8") -> tuple[pd.Series, list[Problem]]:
    """Numbers with a decimal comma or point and optional thousands groups (PL: liczby).

    Parameters
    ----------
    values : pyarrow array or pandas.Series
        A CSV column's raw bytes, or cell values (numbers are taken as they are).
    path, column
        The file and column, for messages.
    decimal : str
        The decimal mark in force, ``","`` or ``"."``.
    integer : bool, default False
        Require whole numbers.
    index, encoding
        As in :func:`parse_text`.

    Returns
    -------
    tuple of (pandas.Series, list of Problem)
        float64 values (NaN for empty cells) indexed by row, and the refused cells.
    """
    index = row_index(values, index)
    n = len(index)
    out = np.full(n, np.nan)
    shown: dict[int, Any] = {}
    if isinstance(values, pd.Series):
        if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
            out = values.to_numpy(dtype="float64", na_value=np.nan).copy()
            col = None
        else:
            native, obj, col = split_series(values, (int, float, np.integer, np.floating))
            if native.any():
                out[native] = np.asarray([float(v) for v in obj[native]])
            shown = {i: obj[i] for i in range(n)}
            encoding = "utf-8"
    else:
        col = chunked(values)
        if repetitive(col):  # e.g. quantities, prices: each distinct text converted once
            indices, uniq = split_dictionary(col)
            u, problems = parse_number(uniq, path, column, decimal, integer, encoding=encoding,
                                       index=pd.RangeIndex(len(uniq)))
            return expand(u, indices, index, column, problems), problems
    bad: list[int] = []
    undec: list[int] = []
    if col is not None and n:
        fast, ok, empty = _fast_numbers(col, decimal)
        out = np.where(ok, fast, out)
        rest = np.flatnonzero(~ok & ~empty)
        if len(rest):
            raw = col.take(pa.array(rest)).to_pylist()
            texts, undec_i = decode_cells(raw, encoding)
            undec = [int(rest[i]) for i in undec_i]
            for pos, text in zip(rest, texts, strict=True):
                if text is None:
                    continue
                try:
                    v = exact_number(text, decimal)
                except ValueError:
                    bad.append(int(pos))
                    shown.setdefault(int(pos), text)
                    continue
                out[pos] = np.nan if v is None else v
                shown.setdefault(int(pos), text)
    problems = []
    if undec:
        raw = [col.take(pa.array([p])).to_pylist()[0] for p in undec]
        problems.append(undecodable(path, encoding, column, list(index[undec]), raw))
    if bad:
        example = "1 234,56 or -12,5" if decimal == "," else "1234.56 or -12.5"
        vals = [shown[p] for p in bad]
        marker = any(is_marker(v) for v in vals if isinstance(v, str))
        problems.append(Problem(
            path, f"cannot read these values as {'whole ' if integer else ''}numbers "
            f"(decimal mark {decimal!r} in this file).",
            f"write numbers like {example}, without currency or units; set `decimal:` under the "
            "table in company.yml if this file uses the other decimal mark."
            + (" Leave a cell empty when there is no value (n/a, -, brak are not numbers)." if marker else ""),
            column=column, rows=list(index[bad]), values=vals))
    series = pd.Series(out, index=index, name=column, dtype="float64")
    if integer:
        frac = ~np.isnan(out) & (out != np.floor(out))
        if frac.any():
            pos = np.flatnonzero(frac)
            problems.append(Problem(path, "these values must be whole numbers.", "round them or fix the typo.",
                                    column=column, rows=list(index[pos]),
                                    values=[shown.get(int(p), out[p]) for p in pos]))
    return series, problems


