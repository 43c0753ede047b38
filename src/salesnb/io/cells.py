"""Shared helpers of the column parsers: inputs, decoding, distinct values (PL: komórki).

Used by :mod:`salesnb.io.parse`, :mod:`salesnb.io.dates` and :mod:`salesnb.io.csvfile`; not
meant for notebooks.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import Problem

#: Cells that spreadsheets and exports use for "no value". In id, number and date columns they
#: are refused (leave the cell empty instead); in free-text columns they are text as written.
MISSING_MARKERS = ("n/a", "na", "#n/a", "null", "none", "nan", "-", "--", "brak", "b/d", "brak danych")

#: Spaces a thousands group may use; minus signs read as ``-``.
SPACES = "\u00a0\u202f\u2007 "
MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})
#: int64 nanoseconds of NaT.
NAT = np.iinfo(np.int64).min


def row_index(values: Any, index: pd.Index | None) -> pd.Index:
    """The row numbers of a column: ``index``, a Series' own index, or 2, 3, ...

    Parameters
    ----------
    values : pyarrow array or pandas.Series
        The column.
    index : pandas.Index or None
        Row numbers given by the caller.

    Returns
    -------
    pandas.Index
    """
    if index is not None:
        return index
    if isinstance(values, pd.Series):
        return values.index
    return pd.RangeIndex(2, 2 + len(values), name="row")


def chunked(values: Any) -> pa.ChunkedArray:
    """A pyarrow array or chunked array as a chunked array.

    Parameters
    ----------
    values : pyarrow.Array or pyarrow.ChunkedArray

    Returns
    -------
    pyarrow.ChunkedArray
    """
    if isinstance(values, pa.ChunkedArray):
        return values
    return pa.chunked_array([values])


def cell_text(v: Any) -> str:
    """A spreadsheet cell as text: whole numbers lose their '.0', dates are ISO.

    Parameters
    ----------
    v : object
        The cell's value.

    Returns
    -------
    str
    """
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (pd.Timestamp, dt.datetime)):
        return v.strftime("%Y-%m-%d") if (v.hour, v.minute, v.second) == (0, 0, 0) else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def split_series(s: pd.Series, native: type | tuple) -> tuple[np.ndarray, np.ndarray, pa.ChunkedArray]:
    """A Series' natively typed cells and its other cells as UTF-8 bytes.

    Parameters
    ----------
    s : pandas.Series
        Cell values (an XLSX column or a user's column).
    native : type or tuple of types
        The types taken as they are (numbers for a number column, dates for a date column).

    Returns
    -------
    tuple of (numpy.ndarray, numpy.ndarray, pyarrow.ChunkedArray)
        Which cells are native, the cells as objects, and every other cell as text bytes
        (empty for native and missing cells).
    """
    obj = s.to_numpy(dtype=object, na_value=None)
    is_native = np.fromiter((isinstance(v, native) and not isinstance(v, bool) for v in obj), bool, len(obj))
    texts = [b"" if (v is None or is_native[i] or (isinstance(v, float) and v != v)) else cell_text(v).encode("utf-8")
             for i, v in enumerate(obj)]
    return is_native, obj, pa.chunked_array([pa.array(texts, pa.binary())])


def text_view(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """Raw bytes viewed as text without copying or validating (for byte-level string kernels).

    Parameters
    ----------
    col : pyarrow.ChunkedArray
        Binary cells.

    Returns
    -------
    pyarrow.ChunkedArray
        The same buffers typed as strings.
    """
    return pa.chunked_array([c.view(pa.string()) for c in col.chunks], pa.string())


def is_dictionary(col: pa.ChunkedArray) -> bool:
    """Whether the CSV reader dictionary-encoded the column.

    Parameters
    ----------
    col : pyarrow.ChunkedArray

    Returns
    -------
    bool
    """
    return pa.types.is_dictionary(col.type)


def repetitive(col: pa.ChunkedArray, sample: int = 200_000) -> bool:
    """Whether a column repeats its values enough that converting each distinct value once pays.

    Parameters
    ----------
    col : pyarrow.ChunkedArray
        Binary or dictionary-encoded cells.
    sample : int, default 200000
        How many first cells to look at.

    Returns
    -------
    bool
        True for a dictionary-encoded column, or fewer than 30% distinct values in the sample.
    """
    if is_dictionary(col):
        return True
    if len(col) < 50_000:
        return False
    head = col.slice(0, sample)
    return pc.count_distinct(head).as_py() < 0.3 * len(head)


def split_dictionary(col: pa.ChunkedArray) -> tuple[np.ndarray, pa.Array]:
    """Per-row indices into the column's distinct values.

    A column the CSV reader already dictionary-encoded (per block) has its blocks' dictionaries
    unified; another is encoded here.

    Parameters
    ----------
    col : pyarrow.ChunkedArray
        Binary or dictionary-encoded cells.

    Returns
    -------
    tuple of (numpy.ndarray, pyarrow.Array)
        int32 indices per row, and the distinct raw values.
    """
    enc = col.unify_dictionaries() if is_dictionary(col) else col.dictionary_encode()
    if enc.num_chunks == 0:
        return np.zeros(0, np.int32), pa.array([], pa.binary())
    indices = pa.chunked_array([c.indices for c in enc.chunks], pa.int32()).to_numpy()
    return indices, enc.chunks[0].dictionary


def lengths(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """Each cell's length in bytes (for dictionary-encoded blocks too).

    Parameters
    ----------
    col : pyarrow.ChunkedArray

    Returns
    -------
    pyarrow.ChunkedArray
        int32 lengths.
    """
    if not is_dictionary(col):
        return pc.binary_length(col)
    return pa.chunked_array([pc.take(pc.binary_length(c.dictionary), c.indices) for c in col.chunks], pa.int32())


def decode_cells(raw: list[bytes], encoding: str) -> tuple[list[str | None], list[int]]:
    """Cells decoded one by one; the ones that are not text in ``encoding`` become None.

    Parameters
    ----------
    raw : list of bytes
        The cells.
    encoding : str
        The file's encoding.

    Returns
    -------
    tuple of (list, list of int)
        The texts (None where undecodable) and the positions of the undecodable ones.
    """
    out, bad = [], []
    for i, v in enumerate(raw):
        try:
            out.append(v.decode(encoding))
        except UnicodeDecodeError:
            out.append(None)
            bad.append(i)
    return out, bad


def is_marker(text: str | None) -> bool:
    """Whether a cell holds a marker for a missing value (:data:`MISSING_MARKERS`).

    Parameters
    ----------
    text : str or None

    Returns
    -------
    bool
    """
    return text is not None and text.strip().lower() in MISSING_MARKERS


def expand(u: pd.Series, indices: np.ndarray, index: pd.Index, column, problems: list[Problem]) -> pd.Series:
    """Per-row values from per-distinct-value ones; the problems' rows become the file's rows.

    Parameters
    ----------
    u : pandas.Series
        One parsed value per distinct cell (indexed 0, 1, ...).
    indices : numpy.ndarray
        Per row, its distinct cell.
    index : pandas.Index
        The file's row numbers.
    column : str
        The column's name.
    problems : list of Problem
        Problems found on the distinct cells; changed in place to name every row.

    Returns
    -------
    pandas.Series
        The values per row, indexed by row number.
    """
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
