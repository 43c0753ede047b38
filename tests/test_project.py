"""The project's own promises: environment files agree, notebooks are committed clean, labels complete."""
from __future__ import annotations

import json
import re
import subprocess

import tomllib
import yaml
from conftest import ROOT

from salesnb.i18n import LABELS, LANGUAGES, label_columns, t
from salesnb.params import PARAMETERS
from salesnb.schema import TABLES

SPEC = re.compile(r"^([A-Za-z0-9_.\-]+)\s*((?:[<>=!~]=?|==)\s*[\w.*]+)?$")


def _split(spec: str) -> tuple[str, str]:
    m = SPEC.match(spec.replace(" ", ""))
    assert m, f"not a plain requirement: {spec!r}"
    return m.group(1).lower().replace("_", "-"), (m.group(2) or "")


def test_environment_yml_matches_pyproject():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["name"] == "salesnb" and "conda-forge" in env["channels"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip == ["-e ."], "the package itself comes from pyproject via pip"
    conda_specs = dict(_split(d) for d in conda)
    python_spec = conda_specs.pop("python")
    conda_specs.pop("pip")
    assert python_spec == py["requires-python"]
    wanted = dict(_split(d) for d in py["dependencies"] + py["optional-dependencies"]["test"])
    assert conda_specs == wanted


def test_core_dependencies_are_declared():
    deps = {_split(d)[0] for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    assert {"jupyterlab", "pandas", "numpy", "scipy", "matplotlib", "ipywidgets", "papermill", "nbval"} <= deps


def test_committed_notebooks_have_no_outputs():
    files = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    files += [str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("*/*.ipynb")]
    assert files, "no notebooks found"
    for f in sorted(set(files)):
        nb = json.loads((ROOT / f).read_text(encoding="utf-8"))
        dirty = [i for i, c in enumerate(nb["cells"]) if c.get("outputs") or c.get("execution_count")]
        assert not dirty, f"{f}: cells {dirty} carry outputs; strip them before committing"
        assert nb["metadata"]["kernelspec"]["name"] == "salesnb", f"{f}: kernel must be the project's own"
        tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, f"{f}: needs exactly one cell tagged 'parameters'"


def test_every_label_has_both_languages():
    for key, labels in LABELS.items():
        assert set(labels) == set(LANGUAGES), key
        assert all(isinstance(v, str) and v.strip() for v in labels.values()), key


def test_a_label_key_lives_in_one_catalogue():
    from collections import Counter

    from salesnb.i18n import CATALOGUES

    seen = Counter(key for catalogue in CATALOGUES for key in catalogue.LABELS)
    assert not [key for key, n in seen.items() if n > 1], "a key in two catalogues: the later one would win silently"
    assert len(LABELS) == sum(seen.values())


def test_every_contract_column_and_table_has_a_label():
    for name, spec in TABLES.items():
        t(name, "pl")
        for col in spec.columns:
            assert t(col.name, "en") and t(col.name, "pl")


def test_label_columns_translates_headers_and_index_names():
    import pandas as pd

    df = pd.DataFrame({"amount": [1.0]}, index=pd.Index(["A"], name="customer_id"))
    out = label_columns(df, "pl")
    assert list(out.columns) == ["Kwota"] and out.index.name == "Klient"


def test_every_parameter_is_documented():
    doc = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    for name in PARAMETERS:
        assert f"`{name}`" in doc, f"parameter {name} missing from docs/data-format.md"
    for name in TABLES:
        assert f"`{name}`" in doc


def test_ci_calls_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make run" in readme
    assert re.search(r"^make test\b", ci, re.M)


def test_papermill_reads_every_parameter():
    # papermill parses the parameters cell itself; a comment it cannot read (an apostrophe, say)
    # silently drops that parameter from inspection and from `salesnb run -p` validation.
    import ast

    import papermill as pm

    notebooks = sorted((ROOT / "notebooks").glob("*/*.ipynb")) + sorted((ROOT / "exercises").glob("*/*.ipynb"))
    assert notebooks
    for nb_path in notebooks:
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        cell = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
        names = {t.id for node in ast.parse("".join(cell["source"])).body if isinstance(node, ast.Assign)
                 for t in node.targets}
        assert set(pm.inspect_notebook(str(nb_path))) == names, nb_path.name


def test_the_articles_polish_terms():
    """The Polish names of the Kano categories and the lifecycle statuses are the articles' own."""
    expected = {
        "kano_cat_M": "oczekiwanie podstawowe", "kano_cat_O": "wymaganie świadome", "kano_cat_A": "czynnik zachwytu",
        "kano_cat_I": "cecha obojętna", "kano_cat_R": "cecha odwrotna", "kano_cat_Q": "odpowiedź wątpliwa",
        "kano_answer_1": "podoba mi się", "kano_answer_2": "oczekuję tego", "kano_answer_3": "jest mi to obojętne",
        "kano_answer_4": "mogę to zaakceptować", "kano_answer_5": "nie podoba mi się",
        "kano_col_better": "Wsp. satysfakcji (Better)", "kano_col_worse": "Wsp. niezadowolenia (Worse)",
        "status_potential": "potencjalny", "status_new": "nowy", "status_regular": "stały",
        "status_lost": "utracony", "status_restored": "przywrócony",
        "kpi_potential_clients": "Klienci potencjalni", "kpi_lost_clients": "Klienci utraceni",
        "kpi_restored_clients": "Klienci przywróceni", "leads_never_bought": "Klienci potencjalni (bez zakupu)",
        "opened_at": "Data otwarcia", "closed_at": "Data zamknięcia", "received_at": "Data otrzymania",
        "answered_at": "Data odpowiedzi",
    }
    assert {k: t(k, "pl") for k in expected} == expected
    # one Polish name per category: no label anywhere uses another name for a basic need
    for key, labels in LABELS.items():
        assert "potrzeba podstawowa" not in labels["pl"].lower(), key
        assert "straceni" not in labels["pl"].lower() and "pot. klienci" not in labels["pl"].lower(), key
