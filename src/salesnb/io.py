"""Reading tables in plain and Polish spreadsheet conventions (PL: wczytywanie tabel).

CSV and XLSX files are read without modifying them, into DataFrames whose index is the row
number as the user sees it in the file (the header is row 1), so every later check can name
the row. Parsing is vectorised; every value that cannot be read becomes a :class:`Problem`.

Conventions recognised without options (each can be forced in ``company.yml``):

- encoding: UTF-8 with or without BOM, else cp1250 (Windows Polish);
- separator: ``;``, ``,``, tab or ``|``, whichever splits the header line most;
- decimal mark: ``,`` when the separator is ``;`` (as Excel writes in Polish locales), else ``.``;
  thousands separators: a space (also non-breaking) or the other mark, in groups of three;
- dates: ``2009-03-31``, ``31.03.2009``, ``2009.03.31``, each with an optional time
  ``14:05`` or ``14:05:09``, ``2009-03-31T14:05:09``, or spreadsheet dates in XLSX.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import Problem

SEPARATORS = (";", ",", "\t", "|")

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

_SPACES = "\u00a0\u202f\u2007 "
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})


@dataclass
class ReadOptions:
    """How to read one file; ``None`` means detect."""

    encoding: str | None = None
    separator: str | None = None
    decimal: str | None = None
    date_format: str | None = None
    sheet: str | int | None = None


@dataclass
class RawTable:
    """A file's cells as read, before parsing: text for CSV, cell values for XLSX."""

    path: Path
    frame: pd.DataFrame  # index = row number in the file
    decimal: str  # decimal mark in force for this file
    kind: str  # "csv" or "xlsx"


# --------------------------------------------------------------------------------------------
# Reading files


def decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, list[Problem]]:
    """Decode bytes: the given encoding, or UTF-8 (BOM or not), then cp1250."""
    if encoding and encoding.lower() not in ("auto", ""):
        try:
            return data.decode(encoding), []
        except LookupError:
            return "", [Problem(path, f"unknown encoding {encoding!r} in company.yml.",
                                "use utf-8, utf-8-sig, cp1250 or iso-8859-2, or remove `encoding` to detect it.")]
        except UnicodeDecodeError as e:
            return "", [_undecodable(path, data, e, encoding)]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as e_utf8:
        try:
            return data.decode("cp1250"), []
        except UnicodeDecodeError:
            return "", [_undecodable(path, data, e_utf8, "UTF-8 or cp1250")]


def _undecodable(path: Path, data: bytes, err: UnicodeDecodeError, tried: str) -> Problem:
    line = data[: err.start].count(b"\n") + 1
    bad = data[err.start : err.start + 4]
    return Problem(
        path,
        f"the file has bytes that are not text in {tried} (byte {bad[:1].hex(' ')} at byte offset {err.start}).",
        "save the file as 'CSV UTF-8' from your spreadsheet, or name its encoding under "
        "`tables: <table>: encoding:` in company.yml.",
        rows=[line],
    )


def sniff_separator(text: str) -> str:
    """The separator that splits the header line into the most fields (outside quotes)."""
    header = text.split("\n", 1)[0]
    header = re.sub(r'"[^"]*"', "", header)
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] > 0 else ","


def read_csv_text(path: Path, opts: ReadOptions) -> tuple[RawTable | None, list[Problem]]:
    data = path.read_bytes()
    text, problems = decode(path, data, opts.encoding)
    if problems:
        return None, problems
    if not text.strip():
        return None, [Problem(path, "the file is empty.", "export the table again with a header row and data rows.")]
    sep = opts.separator or sniff_separator(text)
    if sep == "\\t":
        sep = "\t"
    decimal = opts.decimal or ("," if sep == ";" else ".")
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            quoting=csv.QUOTE_MINIMAL,
            engine="c",
        )
    except pd.errors.ParserError as e:
        m = re.search(r"line (\d+), saw (\d+)", str(e))
        m2 = re.search(r"Expected (\d+) fields", str(e))
        if m and m2:
            return None, [Problem(
                path,
                f"this line has {m.group(2)} fields, the header has {m2.group(1)} "
                f"(separator {sep!r}).",
                "check for an unquoted separator inside a value (quote the value) or a missing one.",
                rows=[int(m.group(1))])]
        return None, [Problem(path, f"the file cannot be read as CSV: {e}",
                              "open it in a spreadsheet and export it again as CSV.")]
    frame.columns = [str(c).strip() for c in frame.columns]
    frame.index = pd.RangeIndex(2, 2 + len(frame), name="row")
    blank = (frame == "").all(axis=1)
    frame = frame[~blank.to_numpy()]
    return RawTable(path, frame, decimal, "csv"), []


def read_xlsx(path: Path, opts: ReadOptions) -> tuple[RawTable | None, list[Problem]]:
    try:
        frame = pd.read_excel(path, sheet_name=opts.sheet if opts.sheet is not None else 0,
                              dtype=object, engine="openpyxl")
    except ValueError as e:  # unknown sheet
        return None, [Problem(path, f"cannot read the sheet: {e}.",
                              "name an existing sheet under `tables: <table>: sheet:` in company.yml.")]
    except Exception as e:  # a corrupt or non-xlsx file
        return None, [Problem(path, f"the file is not a readable .xlsx workbook ({e.__class__.__name__}: {e}).",
                              "open it in Excel or LibreOffice and save it again as .xlsx, or export CSV.")]
    frame.columns = [str(c).strip() for c in frame.columns]
    frame.index = pd.RangeIndex(2, 2 + len(frame), name="row")
    blank = frame.isna().all(axis=1)
    frame = frame[~blank.to_numpy()]
    return RawTable(path, frame, opts.decimal or ",", "xlsx"), []


def read_raw(path: Path, opts: ReadOptions) -> tuple[RawTable | None, list[Problem]]:
    """Read a CSV or XLSX file's cells; the file itself is only read, never written."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path, opts)
    return read_csv_text(path, opts)


# --------------------------------------------------------------------------------------------
# Parsing columns (vectorised); each returns (parsed, problem or None)


def _text(s: pd.Series) -> pd.Series:
    """Cells as stripped text, missing as NA; integral spreadsheet numbers lose their '.0'."""
    if s.dtype == object and pd.api.types.infer_dtype(s, skipna=True) not in ("string", "empty"):
        is_float = s.map(lambda v: isinstance(v, float) and float(v).is_integer()).astype(bool)
        if is_float.any():
            s = s.copy()
            s[is_float] = s[is_float].map(lambda v: str(int(v)))
        is_ts = s.map(lambda v: isinstance(v, (pd.Timestamp, np.datetime64))).astype(bool)
        if is_ts.any():
            s = s.copy()
            s[is_ts] = pd.to_datetime(s[is_ts]).dt.strftime("%Y-%m-%d")
    out = s.astype("string").str.strip()
    return out.mask(out == "")


def parse_text(s: pd.Series, path, column) -> tuple[pd.Series, list[Problem]]:
    return _text(s).astype(object).where(lambda x: x.notna(), None), []


def _number_pattern(decimal: str) -> re.Pattern:
    group = "[ .\u00a0\u202f\u2007]" if decimal == "," else "[ ,'\u00a0\u202f\u2007]"
    dec = re.escape(decimal)
    # a thousands group never starts with 0: "0.125" in a decimal-comma file is refused, not 125
    return re.compile(rf"^[+-]?(?:[1-9]\d{{0,2}}(?:(?P<g>{group})\d{{3}})(?:(?P=g)\d{{3}})*|\d+)(?:{dec}\d+)?$")


def parse_number(s: pd.Series, path, column, decimal: str, integer: bool = False) -> tuple[pd.Series, list[Problem]]:
    """Numbers with a decimal comma or point and optional thousands groups, as float64."""
    if s.dtype == object and pd.api.types.infer_dtype(s, skipna=True) not in ("string", "empty"):
        numeric = s.map(lambda v: isinstance(v, (int, float, np.integer, np.floating))
                        and not isinstance(v, bool) and not pd.isna(v)).astype(bool)
    elif pd.api.types.is_numeric_dtype(s):
        numeric = s.notna()
    else:
        numeric = pd.Series(False, index=s.index)
    out = pd.Series(np.nan, index=s.index, dtype="float64")
    if numeric.any():
        out[numeric] = s[numeric].astype("float64")
    rest = s[~numeric]
    text = _text(rest).str.translate(_MINUS) if len(rest) else rest.astype("string")
    present = text.notna()
    ok = text[present].str.fullmatch(_number_pattern(decimal)).astype(bool)
    bad_idx = ok.index[~ok.to_numpy()]
    good = text[present][ok.to_numpy()]
    if len(good):
        other = "." if decimal == "," else ","
        cleaned = good.str.replace(f"[{_SPACES}'{re.escape(other)}]", "", regex=True)
        if decimal == ",":
            cleaned = cleaned.str.replace(",", ".", regex=False)
        out[good.index] = cleaned.astype("float64")
    problems = []
    if len(bad_idx):
        example = "1 234,56 or -12,5" if decimal == "," else "1234.56 or -12.5"
        problems.append(Problem(
            path, f"cannot read these values as {'whole ' if integer else ''}numbers "
            f"(decimal mark {decimal!r} in this file).",
            f"write numbers like {example}, without currency or units; set `decimal:` under the "
            "table in company.yml if this file uses the other decimal mark.",
            column=column, rows=list(bad_idx), values=list(s[bad_idx])))
    if integer:
        frac = out.notna() & (out != np.floor(out))
        if frac.any():
            problems.append(Problem(path, "these values must be whole numbers.", "round them or fix the typo.",
                                    column=column, rows=list(out.index[frac]), values=list(s[frac])))
    return out, problems


def parse_date(s: pd.Series, path, column, date_format: str | None = None) -> tuple[pd.Series, list[Problem]]:
    """Dates in ISO, Polish (31.03.2009) or a configured format; spreadsheet dates as they are."""
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    if s.dtype == object and pd.api.types.infer_dtype(s, skipna=True) not in ("string", "empty"):
        native = s.map(lambda v: isinstance(v, (pd.Timestamp, np.datetime64)) or hasattr(v, "isoformat")
                       and not isinstance(v, str)).astype(bool)
        if native.any():
            out[native] = pd.to_datetime(s[native])
    else:
        native = pd.Series(False, index=s.index)
        if pd.api.types.is_datetime64_any_dtype(s):
            return s.astype("datetime64[ns]"), []
    text = _text(s[~native])
    todo = text[text.notna()]
    formats = (date_format,) if date_format and date_format != "auto" else DATE_FORMATS
    for fmt in formats:
        if todo.empty:
            break
        parsed = pd.to_datetime(todo, format=fmt, errors="coerce")
        hit = parsed.notna()
        out[parsed.index[hit]] = parsed[hit]
        todo = todo[~hit]
    problems = []
    if len(todo):
        problems.append(Problem(
            path, "cannot read these values as dates.",
            "write dates as 2009-03-31 or 31.03.2009 (a time like 14:05 may follow), or set "
            "`date_format:` under the table in company.yml (e.g. \"%d/%m/%Y\").",
            column=column, rows=list(todo.index), values=list(s[todo.index])))
    return out, problems


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a file so that an interrupted run leaves either the old file or the new one."""
    import os
    import tempfile

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report should read like any file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))


def save_tables(output_dir: str | Path | None, **tables: pd.DataFrame) -> list[Path]:
    """Save tables as ``<name>.csv`` (UTF-8 with BOM, so Excel opens Polish text) in ``output_dir``.

    Does nothing when ``output_dir`` is None (a notebook run without an output folder).
    Each file is written atomically. Returns the paths written.
    """
    if output_dir is None:
        return []
    written = []
    for name, df in tables.items():
        path = Path(output_dir) / f"{name}.csv"
        atomic_write_text(path, df.to_csv(), encoding="utf-8-sig")
        written.append(path)
    return written
