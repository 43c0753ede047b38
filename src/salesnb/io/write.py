"""Writing files so that an interrupted run never leaves half a file (PL: bezpieczny zapis)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a file so that an interrupted run leaves either the old file or the new one.

    Parameters
    ----------
    path : pathlib.Path
        The file to write (its folder is created).
    data : bytes
        The content.
    """
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
    """Write text atomically (see :func:`atomic_write_bytes`).

    Parameters
    ----------
    path : pathlib.Path
        The file to write.
    text : str
        The content.
    encoding : str, default 'utf-8'
        How to encode it.
    """
    atomic_write_bytes(path, text.encode(encoding))


def save_tables(output_dir: str | Path | None, **tables: pd.DataFrame) -> list[Path]:
    """Save tables as ``<name>.csv`` in ``output_dir`` (PL: zapisz tabele).

    UTF-8 with BOM, so Excel opens Polish text; the tables are data for further analysis, so
    columns keep the library's names and numbers their full precision with a decimal point. The
    index is written only where it means something (a named index such as ``customer_id``), never
    a bare row number. Does nothing when ``output_dir`` is None (a notebook run without an output
    folder). Each file is written atomically.

    Parameters
    ----------
    output_dir : path-like or None
        The folder.
    **tables : pandas.DataFrame
        The tables, by file name.

    Returns
    -------
    list of pathlib.Path
        The paths written.
    """
    if output_dir is None:
        return []
    written = []
    for name, df in tables.items():
        path = Path(output_dir) / f"{name}.csv"
        frame = df.to_frame() if isinstance(df, pd.Series) else df
        meaningful = any(n is not None for n in frame.index.names)
        atomic_write_text(path, frame.to_csv(index=meaningful), encoding="utf-8-sig")
        written.append(path)
    return written
