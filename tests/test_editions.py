"""The English and Polish editions are built from one bilingual source and stay in step."""
from __future__ import annotations

import io
import json
import re
import tokenize

import papermill as pm
import pytest
from conftest import ROOT

from salesnb.editions import build, edition, read_source, source_errors
from salesnb.errors import DataError

SOURCES = sorted((ROOT / "notebooks" / "source").glob("*.py")) + sorted((ROOT / "exercises" / "source").glob("*.py"))


def _code(nb: dict, comments: bool = False) -> list[str]:
    """The code cells; without their comments unless asked (the editions differ only in those)."""
    cells = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
             for c in nb["cells"] if c["cell_type"] == "code"]
    return cells if comments else [_without_comments(c) for c in cells]


def _without_comments(code: str) -> str:
    lines = code.split("\n")
    for t in tokenize.generate_tokens(io.StringIO(code).readline):
        if t.type == tokenize.COMMENT:
            lines[t.start[0] - 1] = lines[t.start[0] - 1][:t.start[1]].rstrip()
    return "\n".join(lines)


@pytest.mark.parametrize("src", SOURCES, ids=[p.stem for p in SOURCES])
def test_committed_editions_equal_a_fresh_build(src, tmp_path):
    written = build(src, tmp_path)
    for path in written:
        committed = src.parent.parent / path.parent.name / path.name
        assert committed.exists(), f"{committed} missing: build the editions (salesnb.editions.build_all)"
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), \
            f"{committed} is not a fresh build of {src.name}: run salesnb.editions.build_all('.')"


@pytest.mark.parametrize("src", SOURCES, ids=[p.stem for p in SOURCES])
def test_the_editions_share_their_code_and_parameters(src):
    nb = read_source(src)
    assert source_errors(nb, src.name) == []
    en, pl = edition(nb, "en"), edition(nb, "pl")
    code_en, code_pl = _code(en), _code(pl)
    assert len(code_en) == len(code_pl)
    differ = [(a, b) for a, b in zip(code_en, code_pl, strict=True) if a != b]
    # only the parameters cell differs, and only in its language and its sample company
    assert len(differ) <= 1 and all(
        a.replace('language = "en"', 'language = "pl"').replace("samples/it_services", "samples/wholesale_pl") == b
        for a, b in differ)
    # each edition's comments are in its own language
    for nb_, lang in ((en, "en"), (pl, "pl")):
        comments = re.findall(r"#.*", "\n".join(_code(nb_, comments=True)))
        assert not [c for c in comments if "[en]" in c or "[pl]" in c], lang
    folder = src.parent.parent
    params_en = pm.inspect_notebook(str(folder / "en" / f"{src.stem}.ipynb"))
    params_pl = pm.inspect_notebook(str(folder / "pl" / f"{src.stem}.ipynb"))
    assert params_en.keys() == params_pl.keys()
    assert params_pl["language"]["default"] == '"pl"' and params_en["language"]["default"] == '"en"'
    # a Polish room opens the Polish sample company, an English one the English sample
    assert params_pl["dataset"]["default"].endswith('samples/wholesale_pl"')
    assert params_en["dataset"]["default"].endswith('samples/it_services"')
    meta = json.loads((folder / "pl" / f"{src.stem}.ipynb").read_text(encoding="utf-8"))["metadata"]["salesnb"]
    assert meta["language"] == "pl" and meta["title"]


def test_a_source_with_a_prose_cell_in_one_language_only_is_refused(tmp_path):
    src = tmp_path / "09_x.py"
    src.write_text('# %% [markdown] lang="en"\n# Only English\n# %% tags=["parameters"]\nlanguage = "en"\n',
                   encoding="utf-8")
    with pytest.raises(DataError, match="different numbers of prose cells"):
        build(src, tmp_path / "out")
    src.write_text('# %% [markdown]\n# No language\n# %% tags=["parameters"]\nlanguage = "en"\n', encoding="utf-8")
    with pytest.raises(DataError, match="has no language"):
        build(src, tmp_path / "out")


def test_a_comment_in_code_is_written_in_both_languages(tmp_path):
    src = tmp_path / "09_x.py"
    head = '# %% tags=["parameters"]\nlanguage = "en"\n# %%\n'
    src.write_text(head + "answer = None  # a whole number\n", encoding="utf-8")
    with pytest.raises(DataError, match="in one language only"):
        build(src, tmp_path / "out")
    # commented-out code needs no translation; a bilingual comment keeps each edition's half
    src.write_text(head + "answer = None  # [en] a whole number [pl] liczba całkowita\n# ex.q1.hint()\n"
                   's = "# [en] not a comment [pl] x"\n', encoding="utf-8")
    en, pl = (json.loads(p.read_text(encoding="utf-8")) for p in build(src, tmp_path / "out"))
    assert "".join(en["cells"][1]["source"]) == ('answer = None  # a whole number\n# ex.q1.hint()\n'
                                                 's = "# [en] not a comment [pl] x"')
    assert "".join(pl["cells"][1]["source"]).startswith("answer = None  # liczba całkowita\n# ex.q1.hint()\n")
    src.write_text(head + 'answer = None  # {"feature": "M", ...}\n', encoding="utf-8")  # words inside code
    with pytest.raises(DataError, match="in one language only"):
        build(src, tmp_path / "out")
