"""Language editions of the notebooks (PL: wersje językowe notatników), built from one source.

Each notebook and exercise is written once, as a text file in the *percent* format that
jupytext and editors such as VS Code read (``notebooks/source/NN_name.py``,
``exercises/source/NN_name.py``)::

    # %% [markdown] lang="en"
    # # ABC and XYZ classes
    # %% [markdown] lang="pl"
    # # Klasy ABC i XYZ
    # %% tags=["parameters"]
    dataset = "data/samples/it_services"
    language = "en"

A first line ``# salesnb: {"title": {"en": ..., "pl": ...}, "requires": ["kano_survey"]}`` gives
the notebook's title in both languages and the tables it needs (the batch skips a company
without them). Code cells are shared; every prose (markdown) cell is written in both languages, marked
``lang="en"`` or ``lang="pl"``, the English and the Polish version of a passage next to each other.
A comment in a code cell is written in both languages too, ``# [en] a whole number [pl] liczba
całkowita``, and each edition keeps its own half; only commented-out code (``# ex.q1.hint()``)
needs no translation.
:func:`build` writes one edition per language (``notebooks/en/``,
``notebooks/pl/``): the shared cells and that language's prose, with ``language = "pl"`` in the
Polish parameters cell. The editions are committed, so a reader opens ``notebooks/pl`` in
JupyterLab and sees Polish prose in markdown cells; ``tests/test_editions.py`` checks that they
equal a fresh build, that both languages have the same number of prose cells, and that the code
cells of the two editions are identical apart from their comments. The batch runs the edition of
each company's language.

The approach of calculquebec's *make-translated-notebooks* (one bilingual source, one build per
language).
"""
from __future__ import annotations

import ast
import copy
import io
import json
import re
import tokenize
from pathlib import Path

import nbformat

from .errors import DataError, Problem
from .i18n import LANGUAGES
from .io import atomic_write_text

__all__ = ["BILINGUAL_COMMENT", "LANGUAGE_LINE", "SAMPLE_BY_LANGUAGE", "SOURCE", "build", "build_all", "edition",
           "localise_comments", "read_source", "source_errors"]

#: Folder of the bilingual sources inside ``notebooks/`` and ``exercises/``.
SOURCE = "source"
#: The parameters-cell line that sets the edition's language.
LANGUAGE_LINE = re.compile(r'^language\s*=\s*["\']\w*["\']', re.M)
#: The sample company each edition opens by default: a Polish room sees Polish data (product
#: lines, Kano features, refusal reasons), an English one English data.
SAMPLE_BY_LANGUAGE = {"en": "it_services", "pl": "wholesale_pl"}
_DATASET_LINE = re.compile(r'^(dataset\s*=\s*["\'][^"\']*samples/)it_services(["\'])', re.M)


#: A comment of a shared code cell in both languages: ``# [en] a whole number [pl] liczba całkowita``.
BILINGUAL_COMMENT = re.compile(r"^#\s*\[en\]\s*(?P<en>.*?)\s*\[pl\]\s*(?P<pl>.*?)\s*$")
_WORD = re.compile(r"[^\W\d_]{3,}")

_HEADER = re.compile(r"^# %%(?P<md> \[markdown\])?(?P<attrs>.*)$")
_ATTR = re.compile(r'(\w+)=("[^"]*"|\[[^\]]*\])')


def _lang(cell: dict) -> str | None:
    return cell.get("metadata", {}).get("lang")


def _comments(source: str) -> list[tuple[int, int, str]]:
    """``(line, column, text)`` of every comment of a code cell (IPython magics read as operators)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):  # pragma: no cover - our sources tokenize
        return []
    return [(tok.start[0], tok.start[1], tok.string) for tok in tokens if tok.type == tokenize.COMMENT]


def _commented_code(text: str) -> bool:
    """Whether a comment is code left for the reader to run (``# ex.q1.hint()``): no words to translate."""
    body = text.lstrip("#").strip()
    try:
        tree = ast.parse(body)
    except SyntaxError:
        return False
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return bool(re.search(r"[(\[{=.]", body)) and not any(_WORD.search(s) for s in strings)


def localise_comments(source: str, language: str) -> str:
    """A code cell with each bilingual comment in one language (PL: komentarze w jednym języku).

    Parameters
    ----------
    source : str
        The cell's code, comments written ``# [en] ... [pl] ...``.
    language : {"en", "pl"}

    Returns
    -------
    str
        The code with ``# <that language's text>`` in place of each bilingual comment.
    """
    lines = source.split("\n")
    for row, col, text in reversed(_comments(source)):
        m = BILINGUAL_COMMENT.match(text)
        if m:
            lines[row - 1] = lines[row - 1][:col] + "# " + m.group(language)
    return "\n".join(lines)


def read_source(path: Path) -> dict:
    """A bilingual source in the percent format as a notebook (PL: wczytaj źródło notatnika).

    Parameters
    ----------
    path : pathlib.Path
        The ``.py`` source.

    Returns
    -------
    dict
        An nbformat 4 notebook whose cells carry their ``lang`` and ``tags`` in the metadata.

    Raises
    ------
    DataError
        For text before the first cell marker or a marker attribute that cannot be read.
    """
    cells: list[dict] = []
    problems = []
    current: tuple[bool, dict, list[str]] | None = None

    def close() -> None:
        if current is None:
            return
        markdown, metadata, lines = current
        while lines and not lines[-1].strip():
            lines.pop()
        if markdown:
            text = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in lines)
            cells.append(nbformat.v4.new_markdown_cell(text.strip("\n"), metadata=metadata))
        else:
            cells.append(nbformat.v4.new_code_cell("\n".join(lines).strip("\n"), metadata=metadata))

    meta: dict = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        m = _HEADER.match(line)
        if not m:
            if current is not None:
                current[2].append(line)
            elif line.startswith("# salesnb:"):
                try:
                    meta["salesnb"] = json.loads(line.split(":", 1)[1])
                except json.JSONDecodeError:
                    problems.append(Problem(path, "the '# salesnb:' line is not JSON.",
                                            'write it like # salesnb: {"title": {"en": "...", "pl": "..."}}',
                                            rows=[number]))
            continue
        close()
        metadata = {}
        for key, value in _ATTR.findall(m.group("attrs")):
            try:
                metadata[key] = json.loads(value)
            except json.JSONDecodeError:
                problems.append(Problem(path, f"cannot read {key}={value} in the cell marker.",
                                        'write lang="pl" or tags=["parameters"].', rows=[number]))
        current = (bool(m.group("md")), metadata, [])
    close()
    if problems:
        raise DataError(problems)
    nb = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python (salesnb)", "language": "python", "name": "salesnb"},
        "language_info": {"name": "python"}, **meta})
    return json.loads(nbformat.writes(nb))


def source_errors(nb: dict, name: str = "notebook") -> list[Problem]:
    """What is wrong with a bilingual source (PL: błędy w źródle notatnika).

    Parameters
    ----------
    nb : dict
        The source notebook.
    name : str, default "notebook"
        Its file, for the messages.

    Returns
    -------
    list of Problem
        Prose cells without a language, languages with different numbers of prose cells, a
        comment in a code cell written in one language only, a parameters cell without a
        ``language = "..."`` line.
    """
    problems = []
    counts = {lang: 0 for lang in LANGUAGES}
    for i, cell in enumerate(nb["cells"]):
        lang = _lang(cell)
        if cell["cell_type"] == "markdown":
            if lang not in LANGUAGES:
                first = "".join(cell["source"]).splitlines()[:1]
                problems.append(Problem(name, f"prose cell {i} ({first[0][:40] if first else ''!r}) has no language.",
                                        'add "lang": "en" or "lang": "pl" to its metadata.'))
            else:
                counts[lang] += 1
        elif lang is not None and lang not in LANGUAGES:
            problems.append(Problem(name, f"cell {i} has an unknown language {lang!r}.", "use en or pl."))
        if cell["cell_type"] == "code":
            for row, _, text in _comments("".join(cell["source"])):
                if not BILINGUAL_COMMENT.match(text) and not _commented_code(text):
                    problems.append(Problem(name, f"code cell {i}, line {row}: the comment {text[:50]!r} is in one "
                                            "language only.", "write it as # [en] ... [pl] ..."))
    if len(set(counts.values())) > 1:
        problems.append(Problem(name, f"the languages have different numbers of prose cells: {counts}.",
                                "write every passage in both languages, next to each other."))
    params = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(params) != 1 or not LANGUAGE_LINE.search("".join(params[0]["source"])):
        problems.append(Problem(name, "needs exactly one cell tagged 'parameters' with a line language = \"en\".",
                                "tag the parameters cell and give it a language parameter."))
    return problems


def edition(nb: dict, language: str) -> dict:
    """One language's edition of a bilingual source notebook (PL: wersja językowa).

    Parameters
    ----------
    nb : dict
        The source notebook (as read by ``nbformat`` or ``json``).
    language : {"en", "pl"}

    Returns
    -------
    dict
        The notebook: shared cells and ``language``'s own, without the ``lang`` marks, outputs
        cleared, cell ids numbered, code comments in ``language``, ``language = "<language>"`` and
        the language's sample company (:data:`SAMPLE_BY_LANGUAGE`) in the parameters cell and
        ``metadata.salesnb.language`` set.
    """
    out = copy.deepcopy(nb)
    cells = []
    for cell in out["cells"]:
        lang = _lang(cell)
        if lang not in (None, language):
            continue
        cell.get("metadata", {}).pop("lang", None)
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
            text = localise_comments("".join(cell["source"]), language)
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                text = LANGUAGE_LINE.sub(f'language = "{language}"', text, count=1)
                text = _DATASET_LINE.sub(rf"\g<1>{SAMPLE_BY_LANGUAGE[language]}\g<2>", text, count=1)
            cell["source"] = text
        cell["id"] = f"{language}-{len(cells):02d}"
        cells.append(cell)
    out["cells"] = cells
    meta = out.setdefault("metadata", {}).setdefault("salesnb", {})
    meta["language"] = language
    if isinstance(meta.get("title"), dict):
        meta["title"] = meta["title"].get(language, "")
    return out


def _dump(nb: dict) -> str:
    return nbformat.writes(nbformat.from_dict(nb)) + "\n"


def build(source: Path, out_root: Path) -> list[Path]:
    """Write every language's edition of one source notebook (PL: zbuduj wersje językowe).

    Parameters
    ----------
    source : pathlib.Path
        ``.../source/NN_name.py``.
    out_root : pathlib.Path
        The folder holding the ``en/`` and ``pl/`` editions.

    Returns
    -------
    list of pathlib.Path
        The files written (atomically).

    Raises
    ------
    DataError
        If the source is not a valid bilingual notebook (every problem listed).
    """
    nb = read_source(Path(source))
    problems = source_errors(nb, str(source))
    if problems:
        raise DataError(problems)
    written = []
    for lang in LANGUAGES:
        path = Path(out_root) / lang / (Path(source).stem + ".ipynb")
        ed = edition(nb, lang)
        nbformat.validate(nbformat.from_dict(ed))
        atomic_write_text(path, _dump(ed))
        written.append(path)
    return written


def build_all(root: Path) -> list[Path]:
    """Build the editions of every source under ``notebooks/`` and ``exercises/`` (PL: zbuduj wszystkie).

    Parameters
    ----------
    root : pathlib.Path
        The workbook folder.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    written = []
    for folder in ("notebooks", "exercises"):
        for src in sorted((Path(root) / folder / SOURCE).glob("*.py")):
            written += build(src, Path(root) / folder)
    return written
