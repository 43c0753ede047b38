"""The structure docs/architecture.md promises: layers, no import cycle, public names, old names kept."""
from __future__ import annotations

import ast
import importlib
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT

PKG = ROOT / "src" / "salesnb"

#: Layer of each top-level module or subpackage (docs/architecture.md); lower imports only.
LAYERS = {
    "errors": 0, "validation": 0, "arrays": 0, "schema": 0, "params": 0, "io": 0, "company": 0, "i18n": 0,
    "money": 0, "rules": 0, "config": 0, "tables": 0, "cache": 0,
    "periods": 1,
    "settlements": 2, "lifecycle": 2, "kpis": 2, "abcxyz": 2, "kano": 2, "segments": 2, "overview": 2,
    "article_example": 2, "service": 2,
    "present": 3, "plots": 3, "widgets": 3,
    "record": 4, "kernel": 4, "exercises": 4, "batch": 4, "cli": 4, "samples": 4, "room": 4, "editions": 4,
    "dashboard": 4, "reports": 4, "workbook": 4,
    "__init__": 4,
}

#: Modules allowed over ~600 lines, each with its reason in docs/architecture.md.
LONG_MODULES: set[str] = set()


def _modules() -> dict[str, Path]:
    out = {}
    for f in sorted(PKG.rglob("*.py")):
        parts = f.relative_to(PKG).with_suffix("").parts
        name = ".".join(("salesnb", *parts)).removesuffix(".__init__")
        out[name] = f
    return out


MODULES = _modules()


def _resolve(module: str, is_pkg: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_pkg:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str) -> list[tuple[str, list[str], int]]:
    """(imported module, names, line) for every import in ``module``, at any depth."""
    path = MODULES[module]
    is_pkg = path.name == "__init__.py"
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.extend((a.name, [], node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_pkg, node)
            names = [a.name for a in node.names]
            subs = [n for n in names if f"{target}.{n}" in MODULES]
            # `from . import kano` imports the submodule salesnb.kano, not the package's own code
            out.extend((f"{target}.{n}", [], node.lineno) for n in subs)
            if len(subs) < len(names):
                out.append((target, [n for n in names if n not in subs], node.lineno))
    return out


def _owner(module: str) -> str:
    """The module whose file defines ``module``'s code: itself, or its package's module."""
    while module not in MODULES and "." in module:
        module = module.rsplit(".", 1)[0]
    return module


def _graph() -> dict[str, set[str]]:
    g = {}
    for m in MODULES:
        g[m] = {_owner(t) for t, _, _ in _imports(m) if t.startswith("salesnb")} - {m}
    return g


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else "__init__"]


def test_every_module_has_a_layer():
    missing = sorted({m.split(".")[1] for m in MODULES if "." in m} - set(LAYERS))
    assert not missing, f"add these to LAYERS and docs/architecture.md: {missing}"


def test_no_import_cycle_even_inside_functions():
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    cycles = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


def test_layers_depend_one_way():
    wrong = []
    for m in MODULES:
        for target, _, line in _imports(m):
            if target.startswith("salesnb.") and _layer(_owner(target)) > _layer(m):
                wrong.append(f"{m}:{line} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_relative_imports_inside_the_package():
    absolute = [f"{m}:{line} {target}" for m in MODULES for target, _, line in _imports(m)
                if (target == "salesnb" or target.startswith("salesnb.")) and
                re.search(rf"^\s*(from|import)\s+{re.escape(target)}\b",
                          MODULES[m].read_text(encoding="utf-8").splitlines()[line - 1])]
    assert not absolute, "use relative imports inside salesnb:\n" + "\n".join(absolute)


def test_no_private_names_across_modules():
    bad = []
    for m, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {}
        for target, names, line in _imports(m):
            if not target.startswith("salesnb"):
                continue
            if _owner(target) != _owner(m) and not target.startswith(m + "."):
                bad.extend(f"{m}:{line} imports {target}.{n}" for n in names
                           if n.startswith("_") and n != "__version__")
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and _resolve(m, path.name == "__init__.py", node).startswith("salesnb"):
                base = _resolve(m, path.name == "__init__.py", node)
                for a in node.names:
                    if f"{base}.{a.name}" in MODULES:
                        aliases[a.asname or a.name] = f"{base}.{a.name}"
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in aliases and node.attr.startswith("_")
                    and not node.attr.startswith("__")):
                bad.append(f"{m}:{node.lineno} uses {aliases[node.value.id]}.{node.attr}")
    assert not bad, "\n".join(bad)


def test_modules_stay_small():
    long = {m: n for m, p in MODULES.items()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 650 and m not in LONG_MODULES}
    assert not long, f"split these (or give the reason in docs/architecture.md): {long}"


def _public_api() -> list[tuple[str, str]]:
    lines = (ROOT / "tests" / "public_api.txt").read_text().split("\n")
    return [tuple(x.split()) for x in lines if x.strip()]


@pytest.mark.parametrize("module,name", _public_api(), ids=lambda x: x)
def test_every_name_public_before_the_restructure_still_imports(module, name):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        mod = importlib.import_module(module)
        assert hasattr(mod, name), f"{module}.{name} no longer imports"


def test_notebooks_import_every_salesnb_module_they_use():
    for nb in sorted([*ROOT.glob("notebooks/**/*.ipynb"), *ROOT.glob("exercises/**/*.ipynb")]):
        code = "\n".join("".join(c["source"]) for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]
                         if c["cell_type"] == "code")
        used = set(re.findall(r"\bsalesnb\.(\w+(?:\.\w+)?)\b", code))
        imported = set(re.findall(r"^\s*import\s+salesnb\.([\w.]+)", code, re.M))
        imported |= {m for mods in re.findall(r"^\s*from\s+salesnb\s+import\s+([\w, ]+)", code, re.M)
                     for m in re.split(r"\s*,\s*", mods.strip())}
        imported |= set(re.findall(r"^\s*from\s+salesnb\.([\w.]+)\s+import", code, re.M))
        # `import salesnb` binds only what salesnb/__init__.py imports itself
        direct = {t.split(".")[1] for t, _, _ in _imports("salesnb") if t.startswith("salesnb.")}
        missing = {u.split(".")[0] for u in used
                   if f"salesnb.{u.split('.')[0]}" in MODULES and u.split(".")[0] not in imported | direct
                   and u not in imported}
        assert not missing, f"{nb.name} uses salesnb.{sorted(missing)} without importing it"


# --------------------------------------------------------------------------------------------
# Bad arguments: one ParameterError naming the parameter, for every public method function

def _tx():
    import pandas as pd

    rows = [("a", "2024-01-05", 100.0), ("a", "2024-02-05", 120.0), ("a", "2024-03-05", 90.0),
            ("b", "2024-01-10", 50.0), ("b", "2024-03-10", 10.0), ("c", "2024-03-20", 30.0)]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"]).assign(
        product_line=["x", "y", "x", "x", "x", "y"], salesperson="Ann")


def _bad_calls():
    from salesnb import abcxyz, kpis, lifecycle

    tx = _tx()
    table = abcxyz.abc_xyz(tx)
    return [
        ("abcxyz.abc", lambda: abcxyz.abc(tx.groupby("customer_id")["amount"].sum(), thresholds=(0.9, 0.1)),
         "thresholds"),
        ("abcxyz.abc", lambda: abcxyz.abc(tx.groupby("customer_id")["amount"].sum(), cumulative="after"),
         "cumulative"),
        ("abcxyz.abc_table", lambda: abcxyz.abc_table(tx.groupby("customer_id")["amount"].sum(), thresholds=5),
         "thresholds"),
        ("abcxyz.xyz", lambda: abcxyz.xyz(tx, period="W"), "period"),
        ("abcxyz.xyz", lambda: abcxyz.xyz(tx, ddof=2), "ddof"),
        ("abcxyz.xyz", lambda: abcxyz.xyz(tx, span="all"), "span"),
        ("abcxyz.xyz", lambda: abcxyz.xyz(tx, horizon=0), "horizon"),
        ("abcxyz.xyz", lambda: abcxyz.xyz("tx.csv"), "data"),
        ("abcxyz.abc_xyz", lambda: abcxyz.abc_xyz(tx, by="profit"), "by"),
        ("abcxyz.abc_xyz", lambda: abcxyz.abc_xyz(tx, xyz_thresholds=(0.3, 0.1)), "xyz_thresholds"),
        ("abcxyz.abc_xyz", lambda: abcxyz.abc_xyz(tx, lifecycle_window="2"), "window"),
        ("abcxyz.abc_xyz", lambda: abcxyz.abc_xyz(tx, min_periods=0), "min_periods"),
        ("abcxyz.class_history", lambda: abcxyz.class_history(tx, by="volume"), "by"),
        ("abcxyz.transition_matrix", lambda: abcxyz.transition_matrix(abcxyz.class_history(tx), kind="q"), "kind"),
        ("abcxyz.abc_xyz_matrix", lambda: abcxyz.abc_xyz_matrix(table, value="profit"), "value"),
        ("abcxyz.compare_classes", lambda: abcxyz.compare_classes(table, table, kind="abcd"), "kind"),
        ("abcxyz.class_summary", lambda: abcxyz.class_summary(table, kind="z"), "kind"),
        ("abcxyz.unclassified", lambda: abcxyz.unclassified(table.drop(columns="reason"), tx), "table"),
        ("abcxyz.unclassified", lambda: abcxyz.unclassified(table, "tx.csv"), "data"),
        ("lifecycle.statuses", lambda: lifecycle.statuses(tx, window="P2M"), "window"),
        ("lifecycle.statuses", lambda: lifecycle.statuses(tx, only_corrections="drop"), "only_corrections"),
        ("lifecycle.statuses", lambda: lifecycle.statuses([1, 2]), "transactions"),
        ("lifecycle.status_history", lambda: lifecycle.status_history(tx, periods=0), "periods"),
        ("lifecycle.suggest_window", lambda: lifecycle.suggest_window(tx, coverage=1.5), "coverage"),
        ("lifecycle.parse_window", lambda: lifecycle.parse_window("-2M"), "window"),
        ("kpis.manager_kpis", lambda: kpis.manager_kpis(tx, "2024-03-31", "2024-01-01"), "period_start"),
        ("kpis.manager_kpis", lambda: kpis.manager_kpis(tx, "2024-01-01", "2024-03-31", window="0D"), "window"),
        ("kpis.idle_managers", lambda: kpis.idle_managers([1, 2]), "table"),
        ("kpis.client_kpis", lambda: kpis.client_kpis(tx.drop(columns="amount"), "2024-01-01", "2024-03-31"),
         "transactions"),
    ]


@pytest.mark.parametrize("case", range(len(_bad_calls())))
def test_a_bad_argument_names_the_parameter(case):
    from salesnb.errors import DataError, ParameterError

    name, call, parameter = _bad_calls()[case]
    with pytest.raises(DataError) as err:
        call()
    assert isinstance(err.value, ParameterError), f"{name}: {type(err.value).__name__}: {err.value}"
    assert err.value.parameter == parameter, f"{name}: {err.value}"
    assert f"'{parameter}' parameter" in str(err.value) and "Got " in str(err.value)


def test_class_history_agrees_with_abc_xyz_on_a_client_with_only_credit_notes():
    import pandas as pd

    from salesnb import abcxyz

    tx = pd.concat([_tx(), pd.DataFrame({"customer_id": ["z"], "date": ["2024-02-01"], "amount": [-40.0]})])
    history = abcxyz.class_history(tx, horizon=None)
    last = history.classes[history.classes["period_end"] == history.classes["period_end"].max()]
    z = last.set_index("customer_id").loc["z"]
    assert pd.isna(z["abc"]) and pd.isna(z["xyz"]) and z["reason"] == "reason_potential_client"
    assert pd.isna(abcxyz.abc_xyz(tx).loc["z", "abc"])


@pytest.mark.parametrize("by", ["amount", "turnover", "margin"])
def test_class_history_takes_every_by_that_abc_xyz_takes(by):
    from salesnb import abcxyz

    tx = _tx().assign(margin=lambda d: d["amount"] * 0.3)
    history = abcxyz.class_history(tx, by=by, horizon=None)
    table = abcxyz.abc_xyz(tx, by=by)
    last = history.classes[history.classes["period_end"] == history.classes["period_end"].max()]
    assert last.set_index("customer_id")["abc"].astype(str).to_dict() == \
        table["abc"].dropna().astype(str).to_dict()
    assert history.params["by"] == ("margin" if by == "margin" else "amount")


# --------------------------------------------------------------------------------------------
# numpydoc on every public function

#: Layers whose public functions name the concept in Polish too.
_CONCEPT_LAYERS = {1, 2, 3}


def _public_functions():
    for m, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        exported = None
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
                exported = {ast.literal_eval(e) for e in node.value.elts}
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
                if exported is None or node.name in exported or m.endswith(("cli", "kernel")):
                    yield m, node


def _missing_sections(node: ast.FunctionDef) -> list[str]:
    doc = ast.get_docstring(node) or ""
    problems = []
    if not doc:
        return ["no docstring"]
    args = [a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)
            if a.arg not in ("self", "cls")]
    if args and not re.search(r"^Parameters\n-{3,}", doc, re.M):
        problems.append("no Parameters section")
    returns = node.returns is not None and ast.unparse(node.returns) not in ("None", "'None'")
    if returns and not re.search(r"^(Returns|Yields)\n-{3,}", doc, re.M):
        problems.append("no Returns section")
    return problems


def test_public_functions_have_numpydoc_docstrings():
    bad = []
    for m, node in _public_functions():
        problems = _missing_sections(node)
        if _layer(m) in _CONCEPT_LAYERS and "PL:" not in (ast.get_docstring(node) or ""):
            problems.append("no (PL: ...) name of the concept")
        if problems:
            bad.append(f"{m}.{node.name}: {', '.join(problems)}")
    assert not bad, f"{len(bad)} public functions without a full numpydoc docstring:\n" + "\n".join(bad)


def test_docstrings_cite_articles_by_title_not_by_file():
    bad = [f"{m}:{i}" for m, path in MODULES.items()
           for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
           if re.search(r"\bseed \d{3}\b|domain\.md|lines? \d+-\d+", line)]
    assert not bad, "cite the article by its title (docs/architecture.md):\n" + "\n".join(bad)
