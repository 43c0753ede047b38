"""Where the workbook is and what it holds (PL: materiały szkoleniowe): notebooks, samples, companies.

The batch asks here which notebooks to run (the edition in each company's language), where the
sample companies are, which folders are companies, what tables a company has and which tables a
notebook needs. It works from a checkout, from a copy a trainer made, and from an installed
package (``pip install salesnb`` puts the workbook under ``<prefix>/share/salesnb``).
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from .config import read_yaml
from .errors import Collector, DataError, ParameterError, Problem
from .i18n import LANGUAGES
from .tables import table_files

__all__ = [
    "CONFIG_FILE",
    "HOME_VARIABLE",
    "ROOT",
    "company_name",
    "dataset_language",
    "dataset_tables",
    "default_notebooks_dir",
    "default_samples_dir",
    "find_datasets",
    "find_notebooks",
    "notebook_requires",
    "slug",
    "workbook_dir",
]

CONFIG_FILE = "company.yml"

#: The folder above ``src/`` when salesnb runs from a checkout (kept for older code; the batch
#: finds the workbook with :func:`workbook_dir`, which also works for an installed package).
ROOT = Path(__file__).resolve().parents[2]
#: Environment variable naming the workbook folder (the one holding ``notebooks/``).
HOME_VARIABLE = "SALESNB_HOME"


def workbook_dir() -> Path:
    """The folder holding the workbook's ``notebooks/`` and ``data/samples/`` (PL: folder materiałów szkoleniowych).

    In this order: the folder named by the environment variable ``SALESNB_HOME``; the current
    folder, if it has ``notebooks/`` (a checkout, or a copy a trainer made); else the copy
    installed with the package (``<prefix>/share/salesnb``, from ``pip install salesnb``).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    DataError
        If ``SALESNB_HOME`` names a folder without ``notebooks/``, or no workbook is found.
    """
    env = os.environ.get(HOME_VARIABLE)
    if env:
        home = Path(env).expanduser()
        if not (home / "notebooks").is_dir():
            raise DataError(Problem(home, f"{HOME_VARIABLE} names a folder without notebooks/.",
                                    f"point {HOME_VARIABLE} at the workbook folder, or unset it."))
        return home
    here = Path.cwd()
    if (here / "notebooks").is_dir():
        return here
    installed = Path(sys.prefix) / "share" / "salesnb"
    if (installed / "notebooks").is_dir():
        return installed
    raise DataError(Problem(here, "no workbook here: no notebooks/ folder, and none installed with salesnb.",
                            f"run from the workbook folder, set {HOME_VARIABLE}, or pass --notebooks-dir."))


def default_notebooks_dir() -> Path:
    """The workbook's notebooks folder (see :func:`workbook_dir`).

    Returns
    -------
    pathlib.Path
    """
    return workbook_dir() / "notebooks"


def default_samples_dir() -> Path:
    """The sample companies' folder (see :func:`workbook_dir`).

    Returns
    -------
    pathlib.Path
    """
    return workbook_dir() / "data" / "samples"


def find_datasets(paths: Iterable[str | Path]) -> list[Path]:
    """Company folders from the paths given (PL: foldery firm).

    Parameters
    ----------
    paths : iterable of path
        Each a company (it has company.yml) or a folder of companies.

    Returns
    -------
    list of pathlib.Path
        A path that is neither is kept, so the loader names its problem.
    """
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        if (p / CONFIG_FILE).exists():
            found.append(p)
        elif p.is_dir():
            kids = sorted(d for d in p.iterdir() if (d / CONFIG_FILE).exists())
            found.extend(kids if kids else [p])  # a folder without company.yml fails with the loader's message
        else:
            found.append(p)
    return found


def find_notebooks(names: Iterable[str] | None = None, root: Path | None = None,
                   language: str = "en") -> list[Path]:
    """The workbook's notebooks in one language, in their numbered order (PL: notatniki).

    Parameters
    ----------
    names : iterable of str, optional
        Notebook names, numbers ("03") or paths of notebook files; default all of them.
    root : pathlib.Path, optional
        The notebooks folder (default :func:`default_notebooks_dir`); its ``<language>/``
        folder holds the edition in that language (built by :mod:`salesnb.editions`).
    language : {"en", "pl"}, default "en"
        Which edition.

    Returns
    -------
    list of pathlib.Path

    Raises
    ------
    ParameterError
        For a name that is no notebook.
    """
    names = list(names or [])
    if names and all(Path(n).suffix == ".ipynb" and Path(n).exists() for n in names):
        return [Path(n) for n in names]  # explicit files: no workbook needed
    root = Path(root) if root is not None else default_notebooks_dir()
    folder = root / language if (root / language).is_dir() else root
    all_nbs = sorted(folder.glob("[0-9]*.ipynb"))
    if not names:
        return all_nbs
    chosen = []
    for n in names:
        match = [nb for nb in all_nbs if nb.stem == n or nb.name == n or nb.stem.split("_", 1)[0] == n]
        if not match and Path(n).exists():
            match = [Path(n)]
        if not match:
            raise ParameterError("notebooks", n, f"one of {', '.join(nb.stem for nb in all_nbs)}",
                                 function="salesnb.batch.find_notebooks")
        chosen.extend(match)
    return chosen


def dataset_language(dataset: Path, parameters: dict | None = None) -> str:
    """The language a company's reports are in (PL: język raportów firmy).

    Parameters
    ----------
    dataset : pathlib.Path
        The company folder.
    parameters : dict, optional
        The batch's notebook parameters; a ``language`` there wins.

    Returns
    -------
    str
        ``parameters["language"]``, else ``language:`` in company.yml, else "en".
    """
    given = (parameters or {}).get("language")
    if given:
        return str(given).strip().lower()
    lang = str(_config(dataset).get("language") or "en").strip().lower()
    return lang if lang in LANGUAGES else "en"


def company_name(dataset: Path) -> str:
    """A company's display name (PL: nazwa firmy): ``name:`` in its company.yml, else its folder.

    Parameters
    ----------
    dataset : pathlib.Path

    Returns
    -------
    str
    """
    return str(_config(dataset).get("name") or slug(dataset))


def _config(dataset: Path) -> dict:
    """A company folder's company.yml as read (the loader checks it; here a missing or bad file is {})."""
    cfg = read_yaml(dataset / CONFIG_FILE, Collector()) if (dataset / CONFIG_FILE).exists() else None
    return cfg if isinstance(cfg, dict) else {}


def slug(dataset: Path) -> str:
    """A company's report folder name (PL: nazwa folderu raportów): its folder's name.

    Parameters
    ----------
    dataset : pathlib.Path

    Returns
    -------
    str
    """
    return dataset.resolve().name


def notebook_requires(notebook: Path) -> list[str]:
    """Tables a notebook needs (PL: wymagane tabele), from ``metadata.salesnb.requires``.

    Parameters
    ----------
    notebook : pathlib.Path

    Returns
    -------
    list of str
        A company without one of them is skipped for this notebook.
    """
    meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    return list(meta.get("salesnb", {}).get("requires", []))


def dataset_tables(dataset: Path) -> set[str]:
    """The tables a company folder has (PL: tabele firmy), as found by :func:`salesnb.tables.table_files`.

    Parameters
    ----------
    dataset : pathlib.Path

    Returns
    -------
    set of str
    """
    return set(table_files(dataset))


