"""Reading a CSV file into raw columns (PL: odczyt pliku CSV).

The fast path hands the file to pyarrow's multi-threaded CSV reader, every column as raw bytes
(nothing is converted or decoded there, so a cp1250 file costs no transcoding). It is used when
the file is *regular*: every line between the header and the end is exactly one row with as
many fields as the header, so row ``k`` of the result is line ``k + 2`` of the file. That is
checked by counting the file's line breaks against the rows read.

Anything else (blank lines between rows, a quoted value spanning lines, rows with too many or
too few fields, an unclosed quote) goes through the exact path: Python's ``csv`` module over
the whole file, which knows every row's number. It lists every malformed row at once and never
shifts a short row's values into other columns.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv

from ..errors import Problem
from .cells import lengths
from .encoding import KNOWN_ENCODINGS, choose_encoding, is_single_byte_ascii, normalise_encoding, sniff_bom
from .options import RawTable, ReadOptions

SEPARATORS = (";", ",", "\t", "|")
_DICT = pa.dictionary(pa.int32(), pa.binary())
_HEAD = 1 << 16


def sniff_separator(text: str) -> str:
    """The separator that splits the header line into the most fields (outside quotes).

    Parameters
    ----------
    text : str
        The file's text, or at least its first line.

    Returns
    -------
    str
        One of ``;``, ``,``, tab, ``|`` (``,`` when none occurs).
    """
    header = text.split("\n", 1)[0]
    header = re.sub(r'"[^"]*"', "", header)
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] > 0 else ","


def _unreadable(path: Path, err: OSError) -> Problem:
    what = "is a symbolic link that points to itself (a loop)" if getattr(err, "errno", None) == 40 \
        else f"cannot be read ({err.strerror or err})"
    return Problem(path, f"the file {what}.", "replace it with the real file, or fix its permissions.")


def read_csv(path: Path, opts: ReadOptions, dictionary: Collection[str] = ()) -> tuple[RawTable | None, list[Problem]]:
    """Read a CSV file's cells as raw bytes per column, with their row numbers (PL: odczyt CSV).

    Parameters
    ----------
    path : pathlib.Path
        The file; it is only read.
    opts : ReadOptions
        Encoding, separator and decimal mark (``None``: detect).
    dictionary : collection of str, default ()
        Headers (any letter case) of columns with few distinct values (ids, dates): the reader
        dictionary-encodes them while it parses, on every core.

    Returns
    -------
    tuple of (RawTable or None, list of Problem)
        The cells (``None`` if the file cannot be read at all) and every problem found.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(_HEAD)
    except OSError as e:
        return None, [_unreadable(path, e)]
    try:
        enc = normalise_encoding(opts.encoding)
    except LookupError:
        return None, [Problem(path, f"unknown encoding {opts.encoding!r} in company.yml.",
                              f"use one of {KNOWN_ENCODINGS}, or remove `encoding` to detect it.")]
    bom_enc, bom_len = sniff_bom(head)
    if enc is None:
        enc = bom_enc
    elif enc == "utf-8-sig" or (enc == "utf-8" and bom_enc == "utf-8"):
        enc = "utf-8"
    elif enc.startswith("utf-16") and bom_enc and bom_enc.startswith("utf-16"):
        enc = bom_enc
    else:
        bom_len = 0
    source: object = path
    if enc is not None and not is_single_byte_ascii(enc):
        try:
            data = path.read_bytes()[bom_len:].decode(enc).encode("utf-8")
        except UnicodeDecodeError as e:
            return None, [Problem(path, f"the file is not valid {enc} text (byte offset {e.start + bom_len}).",
                                  "save it again as 'CSV UTF-8', or fix `encoding:` in company.yml.")]
        source, head, bom_len, enc = data, data[:_HEAD], 0, "utf-8"
    body = head[bom_len:]
    if not body.strip():
        return None, [Problem(path, "the file is empty.", "export the table again with a header row and data rows.")]
    first = body.split(b"\n", 1)[0].rstrip(b"\r")
    header_text = None
    for name in ([enc] if enc else ["utf-8", "cp1250"]):
        try:
            header_text = first.decode(name)
            break
        except UnicodeDecodeError:
            continue
    if header_text is None:
        return None, [Problem(path, f"the header line has bytes that are not text in {enc or 'UTF-8 or cp1250'}.",
                              "save the file as 'CSV UTF-8', or name its encoding in company.yml.", rows=[1])]
    sep = opts.separator or sniff_separator(header_text)
    if sep == "\\t":
        sep = "\t"
    decimal = opts.decimal or ("," if sep == ";" else ".")
    headers = [h.strip() for h in next(csv.reader([header_text], delimiter=sep))]
    problems = _header_problems(path, headers)
    if problems:
        return None, problems
    size = (len(source) if isinstance(source, (bytes, bytearray)) else path.stat().st_size) - bom_len
    header_bytes = body.find(b"\n") + 1 if b"\n" in body else len(body)
    wanted = {d.lower() for d in dictionary}
    encode = [h.lower() in wanted for h in headers]
    table, irregular = _fast(source, headers, sep, size, header_bytes, encode)  # arrow skips a UTF-8 mark
    if irregular:
        data = path.read_bytes()[bom_len:] if isinstance(source, Path) else source
        columns, rows, problems = _exact(path, data, headers, sep)
        n = len(rows)
    else:
        columns = [table.column(i) for i in range(len(headers))]
        n = table.num_rows
        rows = None
        del table
        columns, rows, n = _drop_empty_rows(columns, rows, n)
    if enc is None:
        enc = _decide(columns)
    if n == 0 and not problems:
        problems.append(Problem(path, "the table has a header but no data rows.",
                                "export the table again with its rows, or remove the file if the dataset has "
                                "no such data."))
    return RawTable(path, headers, columns, n, decimal, "csv", enc, rows), problems


def _header_problems(path: Path, headers: list[str]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, h in enumerate(headers, 1):
        if h and h in seen:
            problems.append(Problem(path, f"columns {seen[h]} and {i} have the same header {h!r}.",
                                    "give each column its own header (rename or delete one of them).",
                                    column=h, rows=[1]))
        seen.setdefault(h, i)
    return problems


def _fast(source, headers: list[str], sep: str, size: int, header_bytes: int,
          encode: list[bool]) -> tuple[pa.Table | None, bool]:
    """Pyarrow's reader; ``irregular`` when any row is not exactly one line with all its fields.

    Empty lines are kept as rows of empty cells (so row ``k`` is line ``k + 2``; they are
    dropped afterwards); a row with too many or too few fields goes to the invalid-row handler;
    a quoted value holding a line break shows as a cell with one.
    """
    invalid: list[str] = []

    def handler(row) -> str:
        invalid.append(row.text)
        return "skip"

    names = [f"c{i}" for i in range(len(headers))]
    src = pa.BufferReader(source) if isinstance(source, (bytes, bytearray)) else str(source)
    try:
        table = pv.read_csv(
            src,
            read_options=pv.ReadOptions(column_names=names, skip_rows=1, block_size=1 << 24),
            parse_options=pv.ParseOptions(delimiter=sep, quote_char='"', double_quote=True, escape_char=False,
                                          newlines_in_values=False, ignore_empty_lines=False,
                                          invalid_row_handler=handler),
            convert_options=pv.ConvertOptions(column_types={n: _DICT if e else pa.binary()
                                                            for n, e in zip(names, encode, strict=True)},
                                              null_values=[],
                                              strings_can_be_null=False, quoted_strings_can_be_null=False,
                                              check_utf8=False),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        return None, True
    if invalid:
        return None, True
    if not _unquoted(table, size, header_bytes):
        for col in table.columns:  # a value spanning lines: the exact reader numbers the rows after it
            cells = pa.chunked_array([c.dictionary for c in col.chunks], pa.binary()) \
                if pa.types.is_dictionary(col.type) else col
            if pc.any(pc.match_substring(cells, "\n")).as_py() or pc.any(pc.match_substring(cells, "\r")).as_py():
                return None, True
    return table, False


def _unquoted(table: pa.Table, size: int, header_bytes: int) -> bool:
    """Whether the file's size is exactly its cells, separators and line ends.

    Then no cell was quoted, so none can hold a line break; the sizes come from the arrays'
    offsets, without a pass over the data.
    """
    cells = 0
    for col in table.columns:
        if pa.types.is_dictionary(col.type):
            cells += int(pc.sum(lengths(col)).as_py() or 0)
            continue
        for chunk in col.chunks:
            if len(chunk):
                off = np.frombuffer(chunk.buffers()[1], dtype=np.int32)
                cells += int(off[chunk.offset + len(chunk)] - off[chunk.offset])
    n = table.num_rows
    rest = size - header_bytes - cells - n * (table.num_columns - 1)
    return rest in (n, n - 1, 2 * n, 2 * n - 1)


def _drop_empty_rows(columns, rows, n):
    """Rows whose every cell is empty (``;;;`` as spreadsheets write them) are skipped."""
    if not columns or n == 0:
        return columns, rows, n
    empty = None
    for col in columns:
        e = pc.equal(lengths(col), 0)
        empty = e if empty is None else pc.and_(empty, e)
        if not pc.any(empty).as_py():
            return columns, rows, n
    keep = pc.invert(empty)
    numbers = np.arange(2, 2 + n) if rows is None else rows
    mask = np.asarray(keep.to_numpy(zero_copy_only=False), dtype=bool) if hasattr(keep, "to_numpy") else keep
    return [c.filter(keep) for c in columns], numbers[mask], int(mask.sum())


def _exact(path: Path, data: bytes, headers: list[str], sep: str) -> tuple[list, np.ndarray, list[Problem]]:
    """Every row with Python's csv module: exact row numbers, every malformed row listed."""
    text = data.decode("latin-1")  # byte-for-byte; cells are decoded later with the file's encoding
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, quotechar='"', doublequote=True, strict=True)
    ncols = len(headers)
    cols: list[list[str]] = [[] for _ in range(ncols)]
    rows: list[int] = []
    long: list[tuple[int, str]] = []
    short: list[tuple[int, str]] = []
    problems: list[Problem] = []
    record = 0
    try:
        for rec in reader:
            record += 1
            if record == 1:
                continue
            if not rec or all(not f.strip() for f in rec):
                continue
            if len(rec) != ncols:
                shown = sep.join(rec).encode("latin-1").decode("utf-8", "replace")
                (long if len(rec) > ncols else short).append((record, f"{len(rec)} fields: {shown[:60]}"))
                continue
            for i, f in enumerate(rec):
                cols[i].append(f)
            rows.append(record)
    except csv.Error as e:
        if "end of data" in str(e):
            problems.append(Problem(path, "a quote (\") opens a value in this row and is never closed, so the "
                                          "rest of the file would be read as that one value.",
                                    "close the quote or delete it; a quote inside a value is written twice (\"\").",
                                    rows=[record + 1]))
        else:
            problems.append(Problem(path, f"the quoting in this row cannot be read ({e}).",
                                    "put quotes only around a whole value; a quote inside a value is written "
                                    "twice (\"\").", rows=[record + 1]))
    for rows_bad, what in ((long, "more"), (short, "fewer")):
        if rows_bad:
            problems.append(Problem(
                path, f"{'this row has' if len(rows_bad) == 1 else 'these rows have'} {what} fields than the "
                      f"header ({ncols}, separator {sep!r}); {'it was' if len(rows_bad) == 1 else 'they were'} "
                      "not read, so no value moved to another column.",
                "quote values that contain the separator, and give every row one field per column "
                "(an empty value is two separators in a row).",
                rows=[r for r, _ in rows_bad], values=[v for _, v in rows_bad]))
    columns = [pa.chunked_array([pa.array([f.encode("latin-1") for f in c], pa.binary())]) for c in cols]
    return columns, np.asarray(rows, dtype=np.int64), problems


def as_text(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """Raw bytes viewed as text without copying or validating (for byte-level string kernels)."""
    return pa.chunked_array([c.view(pa.string()) for c in col.chunks], pa.string())


def _decide(columns) -> str:
    """UTF-8 or cp1250 from distinct non-ASCII values of the file (``encoding.choose_encoding``).

    Each column is read until its first block with non-ASCII values, so a Polish file is decided
    from its first blocks, and a file whose only accented letter is on its last line from that
    line. Values a UTF-8 decision cannot decode are reported later, with their rows.
    """
    found: set[bytes] = set()
    for col in columns:
        for chunk in col.chunks:
            if pa.types.is_dictionary(chunk.type):
                chunk = chunk.dictionary
            ascii_ = pc.string_is_ascii(chunk.view(pa.string()))
            if pc.all(ascii_).as_py() in (True, None):
                continue
            found.update(v for v in pc.unique(chunk.filter(pc.invert(ascii_))).to_pylist() if v is not None)
            break
    return choose_encoding(found) if found else "utf-8"


__all__ = ["read_csv", "sniff_separator", "SEPARATORS", "KNOWN_ENCODINGS"]
