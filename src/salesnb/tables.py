"""A company folder's table files, and one table read, mapped and parsed (PL: tabele firmy).

:func:`table_files` says which file holds each table of the contract: ``<table>.csv``,
``.xlsx`` or ``.txt`` in any letter case (``Transactions.CSV`` is found on every operating
system), or the file named under ``tables: <table>: file:``. Two files for one table are an
error naming both, never a silent choice; a symbolic-link loop or an unreadable file is
reported, not skipped. :func:`read_table` reads one of them into a DataFrame of the contract.
"""
from __future__ import annotations

import errno
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

from . import io as sio
from .config import CONFIG_FILE, SEPARATOR_CHOICES, read_config, suggest
from .errors import Collector, Problem
from .schema import TABLES, TableSpec

EXTENSIONS = (".csv", ".xlsx", ".txt")


def _listing(folder: Path, problems: Collector | None) -> dict[str, list[str]]:
    try:
        names = os.listdir(folder)
    except OSError as e:
        if problems is not None:
            problems.add(folder, f"the folder cannot be listed ({e.strerror or e}).", "fix its permissions.")
        return {}
    out: dict[str, list[str]] = {}
    for n in names:
        out.setdefault(n.lower(), []).append(n)
    return out


def _usable(path: Path, problems: Collector | None) -> bool:
    try:
        st = os.stat(path)
    except OSError as e:
        if problems is not None:
            if e.errno == errno.ELOOP:
                problems.add(path, "the file is a symbolic link that points to itself (a loop).",
                             "replace the link with the real file.")
            elif e.errno == errno.ENOENT and os.path.islink(path):
                problems.add(path, "the file is a symbolic link to a file that does not exist.",
                             "replace the link with the real file.")
            else:
                problems.add(path, f"the file cannot be read ({e.strerror or e}).", "fix its permissions.")
        return False
    if not os.path.isfile(path) or not os.access(path, os.R_OK):
        if problems is not None:
            what = "is a folder, not a file" if os.path.isdir(path) else "cannot be read (permission denied)"
            problems.add(path, f"the table file {what}.", "replace it with the table's file, or fix its permissions.")
        return False
    del st
    return True


def table_files(folder: str | Path, config: dict | None = None, problems: Collector | None = None) -> dict[str, Path]:
    """The file holding each table of a company folder (PL: pliki tabel w folderze firmy).

    Parameters
    ----------
    folder : path-like
        The company folder.
    config : dict, optional
        Settings from :func:`salesnb.config.read_config` (their ``tables: <t>: file:`` names);
        default: ``company.yml`` is read here (its own problems are not reported).
    problems : Collector, optional
        Where to report two files for one table, a configured file that does not exist, a
        symbolic-link loop or an unreadable file; default: not reported.

    Returns
    -------
    dict of str to pathlib.Path
        Table name -> file, for every table found (in contract order); ``segments.yml`` under
        ``"segments"``.
    """
    folder = Path(folder)
    if config is None:
        config = read_config(folder, Collector()) if (folder / CONFIG_FILE).is_file() else {}
    listing = _listing(folder, problems)
    found: dict[str, Path] = {}
    for table in TABLES:
        topts = (config.get("tables") or {}).get(table) or {}
        if topts.get("file"):
            path = _configured(folder, table, str(topts["file"]), problems)
        else:
            names = [n for ext in EXTENSIONS for n in listing.get(f"{table}{ext}", [])]
            if len(names) > 1:
                if problems is not None:
                    problems.add(folder, f"the table {table!r} is in more than one file: {', '.join(sorted(names))}.",
                                 "keep one of them (move or rename the others), or name the one to read under "
                                 f"`tables: {table}: file:` in company.yml.")
                continue
            path = folder / names[0] if names else None
            if path is not None and not _usable(path, problems):
                path = None
        if path is not None:
            found[table] = path
    seg = listing.get("segments.yml", [])
    if len(seg) == 1 and _usable(folder / seg[0], problems):
        found["segments"] = folder / seg[0]
    return found


def _configured(folder: Path, table: str, name: str, problems: Collector | None) -> Path | None:
    path = folder / name
    if os.path.lexists(path):
        return path if _usable(path, problems) else None
    matches = _listing(path.parent, None).get(path.name.lower(), [])
    if len(matches) == 1:
        found = path.parent / matches[0]
        return found if _usable(found, problems) else None
    if problems is not None:
        if matches:
            problems.add(folder / CONFIG_FILE, f"`tables: {table}: file: {name}` matches more than one file: "
                                               f"{', '.join(sorted(matches))} (they differ only in letter case).",
                         "keep one of them, or name the one to read exactly.")
        else:
            problems.add(folder / CONFIG_FILE, f"`tables: {table}: file: {name}` does not exist in {folder}.",
                         "fix the file name or move the file into the company folder.")
    return None


# --------------------------------------------------------------------------------------------


def map_columns(raw: sio.RawTable, spec: TableSpec, mapping: dict, config_path: Path,
                problems: Collector) -> dict[str, str] | None:
    """Contract name -> file header for a raw table; ``None`` if a required column is missing.

    Parameters
    ----------
    raw : salesnb.io.RawTable
        The file's cells and headers.
    spec : TableSpec
        The table of the contract.
    mapping : dict
        ``tables: <table>: columns:`` from ``company.yml`` (contract name -> header).
    config_path : pathlib.Path
        ``company.yml``, for messages.
    problems : Collector
        Where a mapped header the file lacks, a column twice or a missing required column is added.

    Returns
    -------
    dict or None
        Contract name (or the header of an extra column) -> header, in the file's order.
    """
    headers = list(raw.headers)
    chosen: dict[str, str] = {}
    ok = True
    for canon, header in (mapping or {}).items():
        header = str(header).strip()
        if header in headers:
            chosen[canon] = header
        else:
            ok = False
            problems.add(config_path,
                         f"`tables: {spec.name}: columns: {canon}: {header}` names a column that "
                         f"{raw.path.name} does not have.{suggest(header, headers)}",
                         f"the file's headers are: {', '.join(map(repr, headers))}.")
    used = set(chosen.values())
    lower = {h.lower(): h for h in headers if h not in used}
    for c in spec.columns:
        if c.name not in chosen and c.name.lower() in lower:
            chosen[c.name] = lower.pop(c.name.lower())
    taken = set(chosen.values())
    for h in headers:
        if h not in taken and h:
            if h in chosen:
                problems.add(raw.path, f"column {h!r} appears twice after mapping: as a header and as "
                                       f"the mapping of {chosen[h]!r}.",
                             "give each column one header, or map only one of them in company.yml.")
                return None
            chosen[h] = h
    chosen = dict(sorted(chosen.items(), key=lambda kv: headers.index(kv[1])))
    missing = [c for c in spec.required_columns if c not in chosen]
    if missing and ok:
        for c in missing:
            problems.add(raw.path, f"required column {c!r} is missing.{suggest(c, headers)}",
                         f"add it, or map your header to it in company.yml under "
                         f"`tables: {spec.name}: columns: {c}: <your header>`. "
                         f"The file's headers are: {', '.join(map(repr, headers))}.", column=c)
    return None if missing else chosen


def parse_table(raw: sio.RawTable, columns: dict[str, str], spec: TableSpec,
                opts: sio.ReadOptions) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse a raw table's mapped columns by their kinds in the contract.

    Parameters
    ----------
    raw : salesnb.io.RawTable
        The file's cells.
    columns : dict
        From :func:`map_columns`.
    spec : TableSpec
        The table of the contract.
    opts : salesnb.io.ReadOptions
        The table's reading options (``date_format``).

    Returns
    -------
    tuple of (pandas.DataFrame, list of Problem)
        The parsed table indexed by row number, and every problem found.
    """
    index = raw.index
    kw = {"index": index, "encoding": raw.encoding}

    def one(name: str, header: str) -> tuple[pd.Series, list[Problem]]:
        cspec = spec.column(name)
        kind = cspec.kind if cspec else "text"
        cells = raw.columns[raw.headers.index(header)]
        raw.columns[raw.headers.index(header)] = None  # its bytes are freed as soon as it is parsed
        if kind == "date":
            parsed, p = sio.parse_date(cells, raw.path, name, opts.date_format, **kw)
        elif kind in ("number", "integer"):
            parsed, p = sio.parse_number(cells, raw.path, name, raw.decimal, integer=(kind == "integer"), **kw)
            if kind == "integer" and not p:
                parsed = parsed.astype("Int64")
        elif cspec is not None and cspec.category:
            parsed, p = sio.parse_ids(cells, raw.path, name, **kw)
        elif kind == "id":
            parsed, p = sio.parse_ids(cells, raw.path, name, categorical=False, **kw)
        else:
            parsed, p = sio.parse_text(cells, raw.path, name, **kw)
        if cspec is not None and cspec.required and not cspec.allow_empty:
            empty = parsed.isna().to_numpy()
            if empty.any():
                reported = {r for q in p for r in q.rows}
                rows = [r for r in index[empty] if r not in reported]
                if rows:
                    p = p + [Problem(raw.path, "required value is empty.", f"fill in the {name} or delete the row.",
                                     column=name, rows=rows)]
        return parsed, p

    # pyarrow's kernels and numpy release the GIL: columns convert in parallel on the cores
    if raw.n >= 100_000 and len(columns) > 1:
        with ThreadPoolExecutor(max_workers=min(len(columns), os.cpu_count() or 1)) as pool:
            results = list(pool.map(lambda kv: one(*kv), columns.items()))
    else:
        results = [one(*kv) for kv in columns.items()]
    out, problems = {}, []
    for name, (parsed, p) in zip(columns, results, strict=True):
        out[name] = parsed
        problems.extend(p)
    return pd.DataFrame(out, index=index), problems


def check_key(df: pd.DataFrame, spec: TableSpec, path: Path, limit: int = 20) -> list[Problem]:
    """A problem per repeated value of the table's key column (all its rows).

    Parameters
    ----------
    df : pandas.DataFrame
        The parsed table.
    spec : TableSpec
        Its contract (``key``).
    path : pathlib.Path
        The file, for messages.
    limit : int, default 20
        How many repeated values get a problem each (the rest are counted in one).

    Returns
    -------
    list of Problem
    """
    if not spec.key or spec.key not in df:
        return []
    key = df[spec.key]
    dup = (key.notna() & key.duplicated(keep=False)).to_numpy()
    if not dup.any():
        return []
    problems = []
    values = key[dup].astype(str).to_numpy()
    order = np.argsort(values, kind="stable")
    rows = df.index[dup].to_numpy()[order]
    values = values[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    for i, s in enumerate(starts[:limit]):
        e = starts[i + 1] if i + 1 < len(starts) else len(values)
        problems.append(Problem(path, f"{spec.key} {values[s]!r} appears in more than one row.",
                                f"keep one row per {spec.key} (merge the rows or fix the id).",
                                column=spec.key, rows=list(rows[s:e])))
    if len(starts) > limit:
        problems.append(Problem(path, f"{len(starts) - limit} more {spec.key} values appear in more than one row.",
                                f"keep one row per {spec.key}.", column=spec.key))
    return problems


def _options_ok(opts: sio.ReadOptions) -> bool:
    import codecs

    if opts.separator is not None and opts.separator not in SEPARATOR_CHOICES:
        return False
    if opts.decimal is not None and opts.decimal not in (",", "."):
        return False
    for value in (opts.encoding, opts.date_format):
        if value is not None and not isinstance(value, str):
            return False
    if opts.encoding and opts.encoding.strip().lower() not in ("", "auto"):
        try:
            codecs.lookup(opts.encoding.strip())
        except LookupError:
            return False
    return True


def read_table(path: Path, table: str, cfg: dict, folder: Path, problems: Collector) -> pd.DataFrame | None:
    """Read, map and parse one table's file (PL: wczytaj tabelę).

    Parameters
    ----------
    path : pathlib.Path
        The table's file (from :func:`table_files`).
    table : str
        The table's name in the contract.
    cfg : dict
        The company's settings (:func:`salesnb.config.read_config`).
    folder : pathlib.Path
        The company folder.
    problems : Collector
        Where every problem is added.

    Returns
    -------
    pandas.DataFrame or None
        The table indexed by row number, or ``None`` if it cannot be read or lacks a required column.
    """
    spec = TABLES[table]
    topts = (cfg.get("tables") or {}).get(table) or {}
    opts = sio.ReadOptions(**{k: topts.get(k) for k in ("encoding", "separator", "decimal", "date_format", "sheet")})
    if not _options_ok(opts):
        return None  # company.yml's problem, reported by read_config
    mapping = topts.get("columns") or {}
    few = [c.name for c in spec.columns if c.category or c.kind == "date"]  # few distinct values
    raw, p = sio.read_raw(path, opts, dictionary=few + [str(mapping[c]).strip() for c in few if c in mapping])
    problems.extend(p)
    if raw is None or raw.n == 0:
        return None
    columns = map_columns(raw, spec, topts.get("columns") or {}, folder / CONFIG_FILE, problems)
    if columns is None:
        return None
    df, p = parse_table(raw, columns, spec, opts)
    problems.extend(p)
    problems.extend(check_key(df, spec, path))
    return df
