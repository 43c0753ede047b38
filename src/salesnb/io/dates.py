"""Date columns: fixed layouts read from the bytes, the exact formats for the rest (PL: daty).

The fast path reads fixed-width layouts of :data:`DATE_FORMATS` (or the configured format)
digit by digit with numpy and checks the day against the month; the format is detected once
per column from its first values. Cells it does not take go to pandas with each format in
turn (the exact rule, which every message comes from). Repetitive columns (dates repeat) are
converted once per distinct value.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import Problem
from .cells import (
    NAT,
    chunked,
    decode_cells,
    expand,
    is_marker,
    repetitive,
    row_index,
    split_dictionary,
    split_series,
)
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
#: Dates outside [low, high) are refused: a year 2205 typo, or 1900 from an empty Excel cell.
PLAUSIBLE_DATES = (pd.Timestamp("1950-01-01"), pd.Timestamp("2100-01-01"))


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
    return np.where(ok, ns, NAT), ok


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
    out = np.full(len(texts), NAT, dtype=np.int64)
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
    index = row_index(values, index)
    n = len(index)
    out = np.full(n, NAT, dtype=np.int64)
    shown: dict[int, Any] = {}
    col = None
    if isinstance(values, pd.Series):
        if pd.api.types.is_datetime64_any_dtype(values.dtype):
            s = values.dt.tz_localize(None) if getattr(values.dt, "tz", None) is not None else values
            out = s.astype("datetime64[ns]").to_numpy().view(np.int64).copy()
        else:
            native, obj, col = split_series(values, (pd.Timestamp, np.datetime64, dt.date))
            if native.any():
                out[native] = pd.to_datetime(pd.Series(obj[native])).astype("datetime64[ns]").to_numpy().view(np.int64)
            shown = {i: obj[i] for i in range(n)}
            encoding = "utf-8"
    else:
        col = chunked(values)
        if repetitive(col):  # dates repeat: each distinct day converted once
            indices, uniq = split_dictionary(col)
            u, problems = parse_date(uniq, path, column, date_format, encoding=encoding, plausible=plausible,
                                     index=pd.RangeIndex(len(uniq)))
            return expand(u, indices, index, column, problems), problems
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
            texts, undec_i = decode_cells(raw, encoding)
            undec = [int(rest[i]) for i in undec_i]
            keep = [(int(p), t.strip()) for p, t in zip(rest, texts, strict=True) if t is not None]
            for p, t in zip(rest, texts, strict=True):
                if t is not None:
                    shown.setdefault(int(p), t)
            filled = [(p, t) for p, t in keep if t]
            parsed = _exact_dates([t for _, t in filled], formats)
            for (p, _), v in zip(filled, parsed, strict=True):
                if v == NAT:
                    bad.append(p)
                else:
                    out[p] = v
    problems = []
    if undec:
        raw = [col.take(pa.array([p])).to_pylist()[0] for p in undec]
        problems.append(undecodable(path, encoding, column, list(index[undec]), raw))
    if bad:
        vals = [shown[p] for p in bad]
        marker = any(is_marker(v) for v in vals if isinstance(v, str))
        problems.append(Problem(
            path, "cannot read these values as dates.",
            "write dates as 2009-03-31 or 31.03.2009 (a time like 14:05 may follow), or set "
            "`date_format:` under the table in company.yml (e.g. \"%d/%m/%Y\")."
            + (" Leave a cell empty when there is no date (n/a, -, brak are not dates)." if marker else ""),
            column=column, rows=list(index[bad]), values=vals))
    result = pd.Series(out.view("datetime64[ns]"), index=index, name=column)
    if plausible:
        lo, hi = PLAUSIBLE_DATES
        far = (out != NAT) & ((out < lo.value) | (out >= hi.value))
        if far.any():
            pos = np.flatnonzero(far)
            problems.append(Problem(
                path, f"these dates are outside the plausible range {lo.year}-{hi.year - 1} "
                      "(an empty Excel date cell shows as 1900-01-00; a typo in the year shows as 2205).",
                "correct the year, or leave the cell empty if there is no date.",
                column=column, rows=list(index[pos]),
                values=[shown.get(int(p), str(pd.Timestamp(out[p]).date())) for p in pos]))
    return result, problems
