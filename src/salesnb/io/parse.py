"""Columns of cells to numbers, dates, text and ids (PL: zamiana komórek na liczby, daty, teksty).

Each parser converts a whole column at once and sends only the cells its fast path does not
accept through the exact rules below, so a refused value is named with its row exactly as
before. The fast paths accept a subset of what the exact rules accept, and give the same value
for it (``tests/test_loader.py`` checks that property):

- numbers: ASCII digits with an optional sign, thousands in groups of three separated by a
  space or the other mark, and the file's decimal mark: cleaned and cast by pyarrow. Anything
  else (a typographic minus, a non-breaking space, surrounding spaces, ...) goes to the exact
  rule, a regular expression per value;
- dates: fixed-width layouts of ``DATE_FORMATS`` (or the configured format): digits read from
  the bytes with numpy, day checked against the month; anything else goes to pandas with each
  format in turn, as before;
- text and ids: each distinct value is decoded and trimmed once (pyarrow's dictionary encoding),
  so the cost is in the distinct values, not the rows.

Inputs are a pyarrow array of a CSV column's raw bytes, or a pandas Series (an XLSX column or a
user's own frame), whose numbers and dates are taken as they are.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import Problem
from .encoding import undecodable

DATE_FORMATS = (
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%Y.%m.%d",
)

#: Cells that spreadsheets and exports use for "no value". In id, number and date columns they
#: are refused (leave the cell empty instead); in free-text columns they are text as written.
MISSING_MARKERS = ("n/a", "na", "#n/a", "null", "none", "nan", "-", "--", "brak", "b/d", "brak danych")

#: Dates outside [low, high) are refused: a year 2205 typo, or 1900 from an empty Excel cell.
PLAUSIBLE_DATES = (pd.Timestamp("1950-01-01"), pd.Timestamp("2100-01-01"))

_SPACES = "\u00a0\u202f\u2007 "
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_NAT = np.iinfo(np.int64).min


# --------------------------------------------------------------------------------------------
# Inputs


def _index(values: Any, index: pd.Index | None) -> pd.Index:
    if index is not None:
        return index
    if isinstance(values, pd.Series):
        return values.index
    return pd.RangeIndex(2, 2 + len(values), name="row")


def _chunked(values: Any) -> pa.ChunkedArray:
    if isinstance(values, pa.ChunkedArray):
        return values
    return pa.chunked_array([values])


def _split_series(s: pd.Series, native: type | tuple) -> tuple[np.ndarray, np.ndarray, pa.ChunkedArray]:
    """A Series' natively typed cells (mask, values) and its other cells as UTF-8 bytes."""
    obj = s.to_numpy(dtype=object, na_value=None)
    is_native = np.fromiter((isinstance(v, native) and not isinstance(v, bool) for v in obj), bool, len(obj))
    texts = [b"" if (v is None or is_native[i] or (isinstance(v, float) and v != v)) else _cell_text(v).encode("utf-8")
             for i, v in enumerate(obj)]
    return is_native, obj, pa.chunked_array([pa.array(texts, pa.binary())])


def _cell_text(v: Any) -> str:
    """A spreadsheet cell as text: whole numbers lose their '.0', dates are ISO."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (pd.Timestamp, dt.datetime)):
        return v.strftime("%Y-%m-%d") if (v.hour, v.minute, v.second) == (0, 0, 0) else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _text_view(col: pa.ChunkedArray) -> pa.ChunkedArray:
    return pa.chunked_array([c.view(pa.string()) for c in col.chunks], pa.string())


def _repetitive(col: pa.ChunkedArray, sample: int = 200_000) -> bool:
    """Whether a column repeats its values enough that converting each distinct value once pays."""
    if len(col) < 50_000:
        return False
    head = col.slice(0, sample)
    return pc.count_distinct(head).as_py() < 0.3 * len(head)


def _split_dictionary(col: pa.ChunkedArray) -> tuple[np.ndarray, pa.Array]:
    """Per-row indices (int64) into the column's distinct values (one pyarrow array)."""
    enc = col.dictionary_encode()
    indices = pa.chunked_array([c.indices for c in enc.chunks], pa.int32()).to_numpy().astype(np.int64, copy=False)
    return indices, enc.chunks[-1].dictionary


def _decode_cells(raw: list[bytes], encoding: str) -> tuple[list[str | None], list[int]]:
    out, bad = [], []
    for i, v in enumerate(raw):
        try:
            out.append(v.decode(encoding))
        except UnicodeDecodeError:
            out.append(None)
            bad.append(i)
    return out, bad


def _is_marker(text: str | None) -> bool:
    return text is not None and text.strip().lower() in MISSING_MARKERS


# --------------------------------------------------------------------------------------------
# Text and ids


def _dictionary(col: pa.ChunkedArray, encoding: str) -> tuple[np.ndarray, pa.Array, np.ndarray]:
    """Per row a code into a dictionary of decoded, trimmed values (null = empty or undecodable).

    Returns the codes (int64), the dictionary (pyarrow string array) and the dictionary
    positions whose bytes are not text in ``encoding``.
    """
    enc = col.dictionary_encode()
    if enc.num_chunks == 0 or len(col) == 0:
        return np.zeros(0, np.int64), pa.array([], pa.string()), np.zeros(0, np.int64)
    raw = enc.chunks[-1].dictionary
    codes = pa.chunked_array([c.indices for c in enc.chunks], pa.int32()).to_numpy()
    text = raw.view(pa.string())
    non_ascii = np.flatnonzero(~pc.string_is_ascii(text).to_numpy(zero_copy_only=False))
    bad = np.zeros(0, np.int64)
    if len(non_ascii):
        decoded, bad_i = _decode_cells(raw.take(pa.array(non_ascii)).to_pylist(), encoding)
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
            cats = pa.array([_cell_text(c) for c in values.cat.categories], pa.string())
            cats = pc.utf8_trim_whitespace(cats)
            cats = pc.if_else(pc.equal(pc.utf8_length(cats), 0), pa.scalar(None, pa.string()), cats)
            return values.cat.codes.to_numpy().astype(np.int64), cats, []
        _, _, col = _split_series(values, ())
        encoding = "utf-8"
    else:
        col = _chunked(values)
    codes, text, bad = _dictionary(col, encoding)
    problems = []
    if len(bad):
        raw = col.dictionary_encode().chunks[-1].dictionary.take(pa.array(bad)).to_pylist()
        problems.append(_undecodable_problem(path, encoding, column, codes, bad, raw, index))
    return codes, text, problems


def _plain_ascii(values: Any) -> pa.ChunkedArray | None:
    """A CSV column that is all ASCII, trimmed, empty cells null (no dictionary needed); else None."""
    if isinstance(values, pd.Series):
        return None
    text = _text_view(_chunked(values))
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
    index = _index(values, index)
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
    index = _index(values, index)
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


def _expand(u: pd.Series, indices: np.ndarray, index: pd.Index, column, problems: list[Problem]) -> pd.Series:
    """Per-row values from per-distinct-value ones; problems' rows become the file's rows."""
    for p in problems:
        if len(p.rows):
            upos = np.asarray(p.rows, dtype=np.int64)
            vals = dict(zip(upos.tolist(), p.values, strict=True)) if len(p.values) == len(upos) else None
            pos = np.flatnonzero(np.isin(indices, upos))
            p.rows = list(index[pos])
            if vals is not None:
                p.values = [vals[i] for i in indices[pos].tolist()]
    values = u.to_numpy()[indices]
    return pd.Series(values, index=index, name=column, dtype=u.dtype)


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
    t = text.strip().translate(_MINUS)
    if not t:
        return None
    if not _number_pattern(decimal).fullmatch(t):
        raise ValueError(text)
    other = "." if decimal == "," else ","
    cleaned = re.sub(f"[{_SPACES}'{re.escape(other)}]", "", t)
    if decimal == ",":
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


def _fast_numbers(col: pa.ChunkedArray, decimal: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values (NaN where not taken), taken mask, empty mask."""
    text = _text_view(col)
    ok = pc.match_substring_regex(text, _fast_number_pattern(decimal))
    other = "." if decimal == "," else ","
    cleaned = pc.replace_substring(pc.replace_substring(text, " ", ""), other, "")
    if decimal == ",":
        cleaned = pc.replace_substring(cleaned, ",", ".")
    cleaned = pc.if_else(ok, cleaned, pa.scalar(None, pa.string()))
    values = pc.cast(cleaned, pa.float64()).to_numpy()
    return (values, ok.to_numpy(zero_copy_only=False).astype(bool),
            pc.equal(pc.binary_length(col), 0).to_numpy(zero_copy_only=False).astype(bool))


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
    index = _index(values, index)
    n = len(index)
    out = np.full(n, np.nan)
    shown: dict[int, Any] = {}
    if isinstance(values, pd.Series):
        if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
            out = values.to_numpy(dtype="float64", na_value=np.nan).copy()
            col = None
        else:
            native, obj, col = _split_series(values, (int, float, np.integer, np.floating))
            if native.any():
                out[native] = np.asarray([float(v) for v in obj[native]])
            shown = {i: obj[i] for i in range(n)}
            encoding = "utf-8"
    else:
        col = _chunked(values)
        if _repetitive(col):  # e.g. quantities, prices: each distinct text converted once
            indices, uniq = _split_dictionary(col)
            u, problems = parse_number(uniq, path, column, decimal, integer, encoding=encoding,
                                       index=pd.RangeIndex(len(uniq)))
            return _expand(u, indices, index, column, problems), problems
    bad: list[int] = []
    undec: list[int] = []
    if col is not None and n:
        fast, ok, empty = _fast_numbers(col, decimal)
        out = np.where(ok, fast, out)
        rest = np.flatnonzero(~ok & ~empty)
        if len(rest):
            raw = col.take(pa.array(rest)).to_pylist()
            texts, undec_i = _decode_cells(raw, encoding)
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
        marker = any(_is_marker(v) for v in vals if isinstance(v, str))
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


# --------------------------------------------------------------------------------------------
# Dates

_FIELDS = {"%Y": 4, "%m": 2, "%d": 2, "%H": 2, "%M": 2, "%S": 2}


def _layout(fmt: str) -> list[tuple[str, int, int]] | None:
    """``[(field or literal, start, width)]`` for a fixed-width format, or None."""
    out, pos, i = [], 0, 0
    while i < len(fmt):
        if fmt[i] == "%":
            tok = fmt[i:i + 2]
            if tok not in _FIELDS:
                return None
            out.append((tok, pos, _FIELDS[tok]))
            pos += _FIELDS[tok]
            i += 2
        else:
            if ord(fmt[i]) > 127:
                return None
            out.append((fmt[i], pos, 1))
            pos += 1
            i += 1
    return out if any(t == "%d" for t, _, _ in out) and any(t == "%Y" for t, _, _ in out) else None


_DIM = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], np.int64)


def _fast_dates(cells: pa.Array, layout: list[tuple[str, int, int]], width: int) -> tuple[np.ndarray, np.ndarray]:
    """Nanoseconds and an ok mask for cells that all have ``width`` bytes (digits read with numpy)."""
    k = len(cells)
    offsets = np.frombuffer(cells.buffers()[1], dtype=np.int32)[cells.offset:cells.offset + k + 1]
    data = np.frombuffer(cells.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[0] + k * width].reshape(k, width)
    bad = np.zeros(k, bool)
    fields = {}
    for tok, start, w in layout:
        if tok.startswith("%"):
            value = np.zeros(k, np.int64)
            for j in range(start, start + w):
                digit = data[:, j] - np.uint8(48)  # wraps below '0', so one comparison checks both ends
                bad |= digit > 9
                value = value * 10 + digit
            fields[tok] = value
        else:
            bad |= data[:, start] != ord(tok)
    zero = np.zeros(k, np.int64)
    y, m, d = fields["%Y"], fields.get("%m", zero + 1), fields["%d"]
    hh, mm, ss = (fields.get(t, zero) for t in ("%H", "%M", "%S"))
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    mi = np.clip(m, 1, 12) - 1
    dim = _DIM[mi] + ((mi == 1) & leap)
    bad |= (y < 1678) | (y > 2261) | (m < 1) | (m > 12) | (d < 1) | (d > dim) | (hh > 23) | (mm > 59) | (ss > 59)
    # days since 1970-01-01 (H. Hinnant's days_from_civil)
    yy = y - (m <= 2)
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * np.where(m > 2, m - 3, m + 9) + 2) // 5 + d - 1
    days = era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
    ns = (days * 86400 + (hh * 60 + mm) * 60 + ss) * 1_000_000_000
    ok = ~bad
    return np.where(ok, ns, _NAT), ok


def _detect_format(col: pa.ChunkedArray, lens: np.ndarray, formats: tuple[str, ...]) -> tuple[str, ...]:
    """The formats in the order the column's first values fit them best (detected once, from a sample)."""
    if len(formats) < 2:
        return formats
    sample_pos = np.flatnonzero(lens > 0)[:200]
    if not len(sample_pos):
        return formats
    sample = col.take(pa.array(sample_pos)).combine_chunks()
    score = {}
    for fmt in formats:
        layout = _layout(fmt)
        if layout is None:
            continue
        width = sum(w for _, _, w in layout)
        sel = lens[sample_pos] == width
        if sel.any():
            _, ok = _fast_dates(sample.filter(pa.array(sel)), layout, width)
            score[fmt] = int(ok.sum())
    return tuple(sorted(formats, key=lambda f: -score.get(f, 0)))


def _exact_dates(texts: list[str], formats: tuple[str, ...]) -> np.ndarray:
    out = np.full(len(texts), _NAT, dtype=np.int64)
    todo = pd.Series(texts, dtype=object)
    for fmt in formats:
        if todo.empty:
            break
        parsed = pd.to_datetime(todo, format=fmt, errors="coerce")
        hit = parsed.notna().to_numpy()
        if hit.any():
            out[todo.index[hit]] = parsed[hit].astype("datetime64[ns]").to_numpy().view(np.int64)
        todo = todo[~hit]
    return out


def parse_date(values: Any, path, column, date_format: str | None = None, *, index: pd.Index | None = None,
               encoding: str = "utf-8", plausible: bool = True) -> tuple[pd.Series, list[Problem]]:
    """Dates in ISO, Polish (31.03.2009) or a configured format; spreadsheet dates as they are (PL: daty).

    Parameters
    ----------
    values : pyarrow array or pandas.Series
        A CSV column's raw bytes, or cell values (dates and date-times are taken as they are).
    path, column
        The file and column, for messages.
    date_format : str, optional
        The one format to use (``strftime`` codes); default: each of :data:`DATE_FORMATS`.
    index, encoding
        As in :func:`parse_text`.
    plausible : bool, default True
        Refuse dates outside :data:`PLAUSIBLE_DATES`.

    Returns
    -------
    tuple of (pandas.Series, list of Problem)
        ``datetime64[ns]`` values (NaT for empty cells) indexed by row, and the refused cells.
    """
    index = _index(values, index)
    n = len(index)
    out = np.full(n, _NAT, dtype=np.int64)
    shown: dict[int, Any] = {}
    col = None
    if isinstance(values, pd.Series):
        if pd.api.types.is_datetime64_any_dtype(values.dtype):
            s = values.dt.tz_localize(None) if getattr(values.dt, "tz", None) is not None else values
            out = s.astype("datetime64[ns]").to_numpy().view(np.int64).copy()
        else:
            native, obj, col = _split_series(values, (pd.Timestamp, np.datetime64, dt.date))
            if native.any():
                out[native] = pd.to_datetime(pd.Series(obj[native])).astype("datetime64[ns]").to_numpy().view(np.int64)
            shown = {i: obj[i] for i in range(n)}
            encoding = "utf-8"
    else:
        col = _chunked(values)
        if _repetitive(col):  # dates repeat: each distinct day converted once
            indices, uniq = _split_dictionary(col)
            u, problems = parse_date(uniq, path, column, date_format, encoding=encoding, plausible=plausible,
                                     index=pd.RangeIndex(len(uniq)))
            return _expand(u, indices, index, column, problems), problems
    formats = (date_format,) if date_format and date_format != "auto" else DATE_FORMATS
    bad: list[int] = []
    undec: list[int] = []
    if col is not None and n:
        lens = pc.binary_length(col).to_numpy()
        todo = lens > 0
        for fmt in _detect_format(col, lens, formats):
            layout = _layout(fmt)
            if layout is None:
                continue
            width = sum(w for _, _, w in layout)
            sel = todo & (lens == width)
            if not sel.any():
                continue
            pos = np.flatnonzero(sel)
            cells = col.combine_chunks() if sel.all() else col.filter(pa.array(sel)).combine_chunks()
            ns, ok = _fast_dates(cells, layout, width)
            out[pos[ok]] = ns[ok]
            todo[pos[ok]] = False
        rest = np.flatnonzero(todo)
        if len(rest):
            raw = col.take(pa.array(rest)).to_pylist()
            texts, undec_i = _decode_cells(raw, encoding)
            undec = [int(rest[i]) for i in undec_i]
            keep = [(int(p), t.strip()) for p, t in zip(rest, texts, strict=True) if t is not None]
            for p, t in zip(rest, texts, strict=True):
                if t is not None:
                    shown.setdefault(int(p), t)
            filled = [(p, t) for p, t in keep if t]
            parsed = _exact_dates([t for _, t in filled], formats)
            for (p, _), v in zip(filled, parsed, strict=True):
                if v == _NAT:
                    bad.append(p)
                else:
                    out[p] = v
    problems = []
    if undec:
        raw = [col.take(pa.array([p])).to_pylist()[0] for p in undec]
        problems.append(undecodable(path, encoding, column, list(index[undec]), raw))
    if bad:
        vals = [shown[p] for p in bad]
        marker = any(_is_marker(v) for v in vals if isinstance(v, str))
        problems.append(Problem(
            path, "cannot read these values as dates.",
            "write dates as 2009-03-31 or 31.03.2009 (a time like 14:05 may follow), or set "
            "`date_format:` under the table in company.yml (e.g. \"%d/%m/%Y\")."
            + (" Leave a cell empty when there is no date (n/a, -, brak are not dates)." if marker else ""),
            column=column, rows=list(index[bad]), values=vals))
    result = pd.Series(out.view("datetime64[ns]"), index=index, name=column)
    if plausible:
        lo, hi = PLAUSIBLE_DATES
        far = (out != _NAT) & ((out < lo.value) | (out >= hi.value))
        if far.any():
            pos = np.flatnonzero(far)
            problems.append(Problem(
                path, f"these dates are outside the plausible range {lo.year}-{hi.year - 1} "
                      "(an empty Excel date cell shows as 1900-01-00; a typo in the year shows as 2205).",
                "correct the year, or leave the cell empty if there is no date.",
                column=column, rows=list(index[pos]),
                values=[shown.get(int(p), str(pd.Timestamp(out[p]).date())) for p in pos]))
    return result, problems
