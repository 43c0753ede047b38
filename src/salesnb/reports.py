"""The reports a batch run writes (PL: raporty): each executed notebook as HTML, and the summary.

A report is for readers: no code (unless a trainer asks for it), no parameter cells, no recorded
figure payloads, a ``<title>`` naming the company and the notebook, and ``lang`` set to the
report's language, each chart's ``alt`` text naming the section it illustrates (in the report's
language, instead of nbconvert's English "No description has been provided for this image").
The HTML is deterministic: cell ids are renumbered, so the same run gives the
same bytes. The summary is :mod:`salesnb.dashboard`'s page plus a CSV of every recorded figure.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .dashboard import dashboard_html
from .i18n import t
from .io import atomic_write_text
from .record import MIME

__all__ = ["HIDDEN_TAGS", "export_html", "notebook_title", "summary_table", "write_summary"]

#: Cells a reader never sees: papermill's parameters, its injected overrides.
HIDDEN_TAGS = ("parameters", "injected-parameters")

_EXPORTERS: dict[bool, Any] = {}
_NO_ALT = 'alt="No description has been provided for this image"'


def _chart_sections(cells: list) -> list[str]:
    """The heading of the section each picture output sits in, in output order."""
    sections, heading = [], ""
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("#"):
                    heading = line.lstrip("#").strip()
        for out in cell.get("outputs", []):
            if any(k.startswith("image/") for k in out.get("data", {})):
                sections.append(heading)
    return sections


def notebook_title(notebook: str | Path | Mapping) -> str:
    """The title a notebook carries in ``metadata.salesnb.title`` (PL: tytuł notatnika), else its name.

    Parameters
    ----------
    notebook : path or dict
        The notebook file or the notebook read.

    Returns
    -------
    str
    """
    import json

    nb = notebook if isinstance(notebook, Mapping) else json.loads(Path(notebook).read_text(encoding="utf-8"))
    title = nb.get("metadata", {}).get("salesnb", {}).get("title")
    if isinstance(title, Mapping):
        title = title.get("en")
    return str(title) if title else (Path(notebook).stem if not isinstance(notebook, Mapping) else "")


def export_html(nb_path: str | Path, html_path: str | Path, code: bool = False, language: str = "en",
                title: str | None = None) -> None:
    """Write an executed notebook as a reader's HTML report (PL: raport HTML), atomically.

    Parameters
    ----------
    nb_path : path
        The executed notebook.
    html_path : path
        Where the report goes.
    code : bool, default False
        Keep the code cells (for trainers); the parameter cells are hidden either way.
    language : {"en", "pl"}, default "en"
        The report's language, for ``<html lang>``.
    title : str, optional
        The page title (default: the notebook's title).
    """
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(nb_path), as_version=4)
    cells = []
    for cell in nb.cells:
        if set(cell.get("metadata", {}).get("tags", [])) & set(HIDDEN_TAGS):
            continue
        if cell.get("outputs"):
            cell.outputs = [o for o in cell.outputs if set(o.get("data", {})) != {MIME}]
        cell["id"] = f"cell-{len(cells):03d}"  # papermill's injected cell has a random id: keep the HTML stable
        cells.append(cell)
    nb.cells = cells
    if code not in _EXPORTERS:  # one exporter per process: loading its templates costs ~0.5 s
        _EXPORTERS[code] = HTMLExporter(exclude_input=not code, exclude_input_prompt=True,
                                        exclude_output_prompt=True)
    page_title = title or notebook_title(dict(nb)) or Path(nb_path).stem
    body, _ = _EXPORTERS[code].from_notebook_node(nb, resources={"metadata": {"name": page_title}})
    body = re.sub(r"<html lang=\"[^\"]*\"", f'<html lang="{language}"', body, count=1)
    if "<html lang=" not in body[:500]:
        body = body.replace("<html", f'<html lang="{language}"', 1)
    body = re.sub(r"<title>.*?</title>", f"<title>{html.escape(page_title)}</title>", body, count=1, flags=re.S)
    sections = iter(_chart_sections(cells))
    word = t("report_chart", language)
    body = re.sub(re.escape(_NO_ALT), lambda _: 'alt="{}"'.format(
        html.escape(f"{word}: {heading}" if (heading := next(sections, "")) else word, quote=True)), body)
    # no network at read time: nbconvert's template loads require.js and MathJax from a CDN, which
    # these reports (no widgets, no formulas in LaTeX) do not need
    body = re.sub(r"<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>\s*", "", body)
    body = re.sub(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", "", body, flags=re.S)
    atomic_write_text(html_path, body)


def summary_table(results: Iterable[Any]) -> pd.DataFrame:
    """One row per company: the state of each notebook and every recorded figure (PL: tabela podsumowania).

    Parameters
    ----------
    results : iterable of salesnb.batch.Result

    Returns
    -------
    pandas.DataFrame
        Columns ``company``, ``<notebook>.status`` (the command line's words: ok, up to date,
        skipped, failed) and the recorded figures (``facts.clients_known`` ...).
    """
    from .dashboard import STATUS_WORDS

    rows: dict[str, dict[str, Any]] = {}
    for r in sorted(results, key=lambda r: (r.company, r.notebook)):
        row = rows.setdefault(r.company, {"company": r.company})
        row[f"{r.notebook}.status"] = STATUS_WORDS.get(r.status, {}).get("en", r.status)
        row.update(r.records)
    if not rows:
        return pd.DataFrame({"company": pd.Series(dtype=object)})
    return pd.DataFrame(list(rows.values())).sort_values("company").reset_index(drop=True)


def write_summary(results: list[Any], out: str | Path, language: str = "en",
                  titles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Write ``summary.csv`` and the ``summary.html`` dashboard (PL: zapisz podsumowanie), atomically.

    Parameters
    ----------
    results : list of salesnb.batch.Result
    out : path
        The report folder.
    language : {"en", "pl"}, default "en"
        The dashboard's language.
    titles : mapping, optional
        Notebook name -> title, for the links.

    Returns
    -------
    pandas.DataFrame
        The table written to ``summary.csv``.
    """
    out = Path(out)
    table = summary_table(results)
    atomic_write_text(out / "summary.csv", table.to_csv(index=False))
    atomic_write_text(out / "summary.html", dashboard_html(results, language, titles=titles, out=out))
    return table
