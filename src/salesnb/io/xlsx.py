"""Reading an XLSX sheet's cells (PL: odczyt arkusza XLSX)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Problem
from .options import RawTable, ReadOptions


def read_xlsx(path: Path, opts: ReadOptions) -> tuple[RawTable | None, list[Problem]]:
    """Read one sheet's cells as they are (numbers, dates, text) with their row numbers.

    openpyxl in read-only mode, through pandas. Text cells that hold numbers follow the
    table's ``decimal`` setting (default ``,``, as a Polish Excel writes).

    Parameters
    ----------
    path : pathlib.Path
        The workbook; it is only read.
    opts : ReadOptions
        ``sheet`` (name or 0-based number, default the first) and ``decimal``.

    Returns
    -------
    tuple of (RawTable or None, list of Problem)
        The cells (``None`` if the workbook cannot be read) and the problems found.
    """
    try:
        frame = pd.read_excel(path, sheet_name=opts.sheet if opts.sheet is not None else 0,
                              dtype=object, engine="openpyxl")
    except ValueError as e:  # unknown sheet
        return None, [Problem(path, f"cannot read the sheet: {e}.",
                              "name an existing sheet under `tables: <table>: sheet:` in company.yml.")]
    except OSError as e:
        return None, [Problem(path, f"the file cannot be read ({e.strerror or e}).",
                              "replace it with the real file, or fix its permissions.")]
    except Exception as e:  # a corrupt or non-xlsx file
        return None, [Problem(path, f"the file is not a readable .xlsx workbook ({e.__class__.__name__}: {e}).",
                              "open it in Excel or LibreOffice and save it again as .xlsx, or export CSV.")]
    headers = [str(c).strip() for c in frame.columns]
    problems = []
    seen: dict[str, int] = {}
    for i, h in enumerate(headers, 1):
        if h in seen:
            problems.append(Problem(path, f"columns {seen[h]} and {i} have the same header {h!r}.",
                                    "give each column its own header (rename or delete one of them).",
                                    column=h, rows=[1]))
        seen.setdefault(h, i)
    if problems:
        return None, problems
    frame.columns = headers
    rows = np.arange(2, 2 + len(frame))
    blank = frame.isna().all(axis=1).to_numpy()
    frame = frame[~blank]
    index = pd.Index(rows[~blank], name="row")
    columns = [pd.Series(frame[h].to_numpy(dtype=object), index=index, name=h) for h in headers]
    table = RawTable(path, headers, columns, len(frame), opts.decimal or ",", "xlsx", "utf-8", rows[~blank])
    if not len(frame):
        problems.append(Problem(path, "the table has a header but no data rows.",
                                "export the table again with its rows, or remove the file if the dataset has "
                                "no such data."))
    return table, problems
