"""A cache of validated companies, so a batch parses each company's files once (PL: pamięć podręczna).

An entry is one folder of Parquet files (one per table, categoricals and row numbers kept) and a
``meta.json`` (settings, segments, sources, warnings), under a key that is the SHA-256 of:

- the content and name of every file the company is read from (``company.yml``,
  ``segments.yml`` and each table file), so any changed byte gives a new key;
- the library version and the source of the modules that read and check data (and the pandas
  and pyarrow versions), so a changed reader never serves an old result.

A key that is not there is a miss: the company is loaded and checked as usual, then stored. A
dataset with problems is never stored. Each company folder keeps only its newest entry. Writes
are atomic (a temporary folder renamed into place), so parallel notebooks never read half an
entry. The cache is off unless asked for: ``load_company(path, cache=...)``, the
``SALESNB_CACHE`` environment variable (a folder, or ``off``), or ``salesnb run`` (which uses
``SALESNB_CACHE`` or the user's cache folder, ``~/.cache/salesnb``, unless given ``--no-cache``).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

ENV = "SALESNB_CACHE"
_OFF = ("", "0", "off", "no", "false", "none")
_DATA_MODULES = ("cache.py", "company.py", "config.py", "tables.py", "schema.py", "params.py", "errors.py",
                 "validation.py", "rules.py")


def default_dir() -> Path:
    """The cache folder used by ``cache=True``: ``$XDG_CACHE_HOME/salesnb`` or ``~/.cache/salesnb``.

    Returns
    -------
    pathlib.Path
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "salesnb"


def batch_dir() -> Path | None:
    """The cache folder ``salesnb run`` uses: ``SALESNB_CACHE`` if set (``off``: none), else :func:`default_dir`.

    Returns
    -------
    pathlib.Path or None
    """
    env = os.environ.get(ENV)
    if env is None:
        return default_dir()
    return None if env.strip().lower() in _OFF else Path(env)


def resolve(cache: bool | str | Path | None) -> Path | None:
    """The cache folder for a ``cache`` argument, or ``None`` when the cache is off.

    Parameters
    ----------
    cache : bool, path-like or None
        A folder; ``True`` the default folder; ``False`` off; ``None`` the ``SALESNB_CACHE``
        environment variable (unset or ``off``: no cache).

    Returns
    -------
    pathlib.Path or None
    """
    if cache is None:
        env = os.environ.get(ENV)
        if env is None or env.strip().lower() in _OFF:
            return None
        return Path(env)
    if cache is False:
        return None
    if cache is True:
        return default_dir()
    return Path(cache)


def _digest_file(h: Any, path: Path) -> None:
    with open(path, "rb") as f:
        h.update(hashlib.file_digest(f, "sha256").digest())


_LIBRARY: str | None = None


def library_digest() -> str:
    """A digest of the library version, the data layer's source and the pandas/pyarrow versions.

    Returns
    -------
    str
        A hex SHA-256; it changes whenever the code that reads and checks data changes.
    """
    return _library()


def key(folder: Path, files: dict[str, Path]) -> str:
    """The cache key of a company: its files' contents and the library (see the module doc).

    Parameters
    ----------
    folder : pathlib.Path
        The company folder.
    files : dict of str to pathlib.Path
        The table files and ``segments.yml`` (:func:`salesnb.tables.table_files`).

    Returns
    -------
    str
        A hex SHA-256.
    """
    h = hashlib.sha256()
    h.update(_library().encode())
    config = folder / "company.yml"
    for name, path in [("company.yml", config)] + sorted(files.items()):
        h.update(f"\0{name}\0{path.name}\0".encode())
        _digest_file(h, path)
    return h.hexdigest()


def _library() -> str:
    global _LIBRARY
    if _LIBRARY is None:
        import pyarrow

        pkg = Path(__file__).resolve().parent
        h = hashlib.sha256()
        try:  # the installed version (not salesnb.__version__: that would import the package from here)
            from importlib.metadata import version

            ours = version("salesnb")
        except Exception:  # pragma: no cover - a source tree that is not installed
            ours = "source"
        h.update(f"{ours}|{pd.__version__}|{pyarrow.__version__}".encode())
        sources = sorted(pkg.joinpath("io").glob("*.py")) + [pkg / m for m in _DATA_MODULES]
        for f in sources:
            if f.exists():
                h.update(f.name.encode())
                h.update(f.read_bytes())
        _LIBRARY = h.hexdigest()
    return _LIBRARY


def _slot(folder: Path) -> str:
    return hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]


def _entry(where: Path, folder: Path, key_: str) -> Path:
    return where / f"{_slot(folder)}-{key_[:32]}"


_TABLES = ("transactions", "customers", "products", "kano_survey", "satisfaction", "deals", "contacts")


def load(where: Path, key_: str, folder: Path) -> dict | None:
    """The cached company for ``key_``, or ``None`` on a miss.

    Parameters
    ----------
    where : pathlib.Path
        The cache folder.
    key_ : str
        From :func:`key`.
    folder : pathlib.Path
        The company folder (the company's ``path``).

    Returns
    -------
    dict or None
        The fields of :class:`salesnb.company.Company` and, under ``"warnings"``, the warnings
        its first load gave.
    """
    import yaml

    entry = _entry(where, folder, key_)
    try:
        meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("key") != key_:
        return None
    try:
        tables = {t: pd.read_parquet(entry / f"{t}.parquet") if t in meta["tables"] else None for t in _TABLES}
    except Exception:  # a damaged entry is a miss, never an error
        return None
    return dict(
        path=folder, name=meta["name"], currency=meta["currency"], language=meta["language"],
        as_of=pd.Timestamp(meta["as_of"]) if meta["as_of"] else None, params=meta["params"],
        segments=yaml.safe_load(meta["segments"]) if meta["segments"] is not None else None,
        deal_stages=tuple(meta["deal_stages"]), sources={k: Path(v) for k, v in meta["sources"].items()},
        customers_derived=meta["customers_derived"], warnings=meta.get("warnings", []), **tables)


def store(where: Path, key_: str, company, notes: list[str]) -> Path | None:
    """Keep a validated company under ``key_`` (atomically); older entries of its folder go.

    Parameters
    ----------
    where : pathlib.Path
        The cache folder (created if needed).
    key_ : str
        From :func:`key`.
    company : salesnb.company.Company
        The validated company.
    notes : list of str
        The warnings its load gave (shown again on every cached load).

    Returns
    -------
    pathlib.Path or None
        The entry's folder, or ``None`` if the cache folder cannot be written.
    """
    import yaml

    entry = _entry(where, company.path, key_)
    if (entry / "meta.json").exists():
        return entry
    try:
        where.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=where))
    except OSError:
        return None
    try:
        present = []
        for t in _TABLES:
            df = getattr(company, t)
            if df is not None:
                df.to_parquet(tmp / f"{t}.parquet", engine="pyarrow", index=True)
                present.append(t)
        meta = {
            "key": key_, "name": company.name, "currency": company.currency, "language": company.language,
            "as_of": company.as_of.isoformat() if company.as_of is not None else None, "params": company.params,
            "segments": yaml.safe_dump(company.segments, allow_unicode=True) if company.segments is not None else None,
            "deal_stages": list(company.deal_stages), "sources": {k: str(v) for k, v in company.sources.items()},
            "customers_derived": company.customers_derived, "tables": present, "warnings": notes,
        }
        (tmp / "meta.json").write_text(json.dumps(meta, default=str), encoding="utf-8")
        try:
            os.rename(tmp, entry)
        except OSError:  # another process stored the same entry first
            shutil.rmtree(tmp, ignore_errors=True)
            return entry
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    slot = _slot(company.path)
    for old in where.glob(f"{slot}-*"):
        if old != entry:
            shutil.rmtree(old, ignore_errors=True)
    return entry
