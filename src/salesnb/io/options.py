"""How to read one file, and a file's cells as read (PL: opcje odczytu i surowa tabela)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd


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
    """A file's cells as read, before parsing (PL: surowe komórki pliku).

    ``columns`` holds one entry per header: for CSV a pyarrow ``ChunkedArray`` of the raw bytes
    of each cell, for XLSX a pandas Series of cell values. ``rows`` are the row numbers as the
    user sees them (the header is row 1); ``None`` means 2, 3, ... without gaps.
    """

    path: Path
    headers: list[str]
    columns: list[Any]
    n: int
    decimal: str  # decimal mark in force for this file
    kind: str  # "csv" or "xlsx"
    encoding: str = "utf-8"  # how the bytes of CSV cells are decoded
    rows: np.ndarray | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def index(self) -> pd.Index:
        """The row numbers, as a pandas index named ``row``."""
        if self.rows is None:
            return pd.RangeIndex(2, 2 + self.n, name="row")
        return pd.Index(self.rows, name="row")

    def column(self, header: str) -> Any:
        """The raw cells of the column headed ``header``."""
        return self.columns[self.headers.index(header)]
