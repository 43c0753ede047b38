"""Reading tables in plain and Polish spreadsheet conventions (PL: wczytywanie tabel).

CSV and XLSX files are read without modifying them. A CSV file is split into columns by a
columnar engine (pyarrow's CSV reader, on the file's raw bytes); every column is then converted
as a whole (numbers, dates, ids), and only the values that the fast conversion does not accept
go through the exact Python rules, so a message still names the file, the column, the row as
the user sees it (the header is row 1) and the value. The modules:

- :mod:`salesnb.io.options`: :class:`ReadOptions` and :class:`RawTable`;
- :mod:`salesnb.io.encoding`: byte-order marks, UTF-16, UTF-8 or cp1250, decoding values;
- :mod:`salesnb.io.csvfile`: the CSV reader (fast columnar path, exact Python path);
- :mod:`salesnb.io.xlsx`: the XLSX reader;
- :mod:`salesnb.io.parse`: columns to numbers, text and categorical ids;
- :mod:`salesnb.io.dates`: date columns; :mod:`salesnb.io.cells`: the parsers' shared helpers;
- :mod:`salesnb.io.write`: atomic writes and ``save_tables``.

Conventions recognised without options (each can be forced in ``company.yml``): see
`docs/data-format.md`, "Reading conventions".
"""
from __future__ import annotations

from .csvfile import read_csv, sniff_separator
from .dates import DATE_FORMATS, PLAUSIBLE_DATES, parse_date
from .encoding import decode
from .options import RawTable, ReadOptions
from .parse import MISSING_MARKERS, parse_ids, parse_number, parse_text
from .write import atomic_write_bytes, atomic_write_text, save_tables
from .xlsx import read_xlsx

SEPARATORS = (";", ",", "\t", "|")
read_csv_text = read_csv  # the name before the loader's split

__all__ = [
    "DATE_FORMATS", "MISSING_MARKERS", "PLAUSIBLE_DATES", "SEPARATORS", "RawTable", "ReadOptions",
    "atomic_write_bytes", "atomic_write_text", "decode", "parse_date", "parse_ids", "parse_number",
    "parse_text", "read_csv", "read_csv_text", "read_raw", "read_xlsx", "save_tables", "sniff_separator",
]


def read_raw(path, opts: ReadOptions, dictionary=()):
    """Read a CSV or XLSX file's cells (PL: odczyt komórek pliku); the file is only read.

    Parameters
    ----------
    path : pathlib.Path
        The file.
    opts : ReadOptions
        How to read it (``None`` fields are detected).
    dictionary : collection of str, default ()
        CSV headers of columns with few distinct values, dictionary-encoded while reading.

    Returns
    -------
    tuple of (RawTable or None, list of Problem)
        The cells, or ``None`` when the file cannot be read at all, and every problem found.
    """
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path, opts)
    return read_csv(path, opts, dictionary)
