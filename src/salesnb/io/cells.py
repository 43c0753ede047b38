"""Shared helpers of the column parsers: inputs, decoding, distinct values (PL: komórki)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import Problem

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


def _is_dictionary(col: pa.ChunkedArray) -> bool:
    return pa.types.is_dictionary(col.type)


def _repetitive(col: pa.ChunkedArray, sample: int = 200_000) -> bool:
    """Whether a column repeats its values enough that converting each distinct value once pays."""
    if _is_dictionary(col):
        return True
    if len(col) < 50_000:
        return False
    head = col.slice(0, sample)
    return pc.count_distinct(head).as_py() < 0.3 * len(head)


def _split_dictionary(col: pa.ChunkedArray) -> tuple[np.ndarray, pa.Array]:
    """Per-row indices (int32) into the column's distinct values (one pyarrow array).

    A column the CSV reader already dictionary-encoded (per block) has its blocks' dictionaries
    unified; another is encoded here.
    """
    enc = col.unify_dictionaries() if _is_dictionary(col) else col.dictionary_encode()
    if enc.num_chunks == 0:
        return np.zeros(0, np.int32), pa.array([], pa.binary())
    indices = pa.chunked_array([c.indices for c in enc.chunks], pa.int32()).to_numpy()
    return indices, enc.chunks[0].dictionary


def _lengths(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """Each cell's length in bytes (for dictionary-encoded blocks too)."""
    if not _is_dictionary(col):
        return pc.binary_length(col)
    return pa.chunked_array([pc.take(pc.binary_length(c.dictionary), c.indices) for c in col.chunks], pa.int32())


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


