"""Every exercise edition (English and Polish) runs under papermill with its default parameters, and a
default run (no participant: the model answers) is all right; with a participant, the answers are kept.
(nbval runs the same editions, collected from exercises/ by the whole suite.)"""
from __future__ import annotations

import json
import re

import papermill as pm
import pytest
from conftest import ROOT

from salesnb.kernel import ensure_kernel

EDITIONS = sorted((ROOT / "exercises").glob("[ep][nl]/*.ipynb"))
_SIGN = re.compile(r'font-weight:bold">(.)</span>')


def _run(nb, out, parameters=None, monkeypatch=None):
    pm.execute_notebook(str(nb), str(out), kernel_name=ensure_kernel(), language="python", cwd=str(nb.parent),
                        parameters=parameters or {}, progress_bar=False, request_save_on_cell_execute=False)
    return json.loads(out.read_text(encoding="utf-8"))


def _markdown_outputs(nb):
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            text = o.get("data", {}).get("text/markdown")
            if text:
                yield "".join(text)


def test_every_source_has_both_editions():
    sources = sorted(p.stem for p in (ROOT / "exercises" / "source").glob("*.py"))
    for lang in ("en", "pl"):
        assert sorted(p.stem for p in (ROOT / "exercises" / lang).glob("*.ipynb")) == sources


@pytest.mark.parametrize("nb", EDITIONS, ids=[f"{p.parent.name}-{p.stem}" for p in EDITIONS])
def test_edition_runs_with_default_parameters_and_every_check_is_right(nb, tmp_path, monkeypatch):
    monkeypatch.setenv("SALESNB_STRICT_LABELS", "1")
    params = pm.inspect_notebook(str(nb))
    assert {"dataset", "language"} <= set(params)
    if nb.stem != "99_trainer_room":
        assert {"participant", "answers_dir"} <= set(params)
    done = _run(nb, tmp_path / nb.name)
    signs = [s for text in _markdown_outputs(done) for s in _SIGN.findall(text)]
    if nb.stem != "99_trainer_room":
        assert signs and set(signs) <= {"✓", "✎"}, signs  # the model answers: right, or noted
    assert not (nb.parent.parent / "answers").exists() or not any((nb.parent.parent / "answers").rglob("*.json"))


def test_a_participant_run_keeps_the_answers(tmp_path, monkeypatch):
    monkeypatch.setenv("SALESNB_STRICT_LABELS", "1")
    nb = ROOT / "exercises" / "pl" / "01_client_lifecycle.ipynb"
    answers = tmp_path / "answers"
    done = _run(nb, tmp_path / "out.ipynb", {"participant": "Zofia Żak", "answers_dir": str(answers)})
    signs = [s for text in _markdown_outputs(done) for s in _SIGN.findall(text)]
    assert set(signs) == {"☐"}  # not answered
    # the participant's file says so: the trainer's room lists them among those who have not answered
    saved = json.loads((answers / "client_lifecycle" / "zofia-zak.json").read_text(encoding="utf-8"))
    assert saved["participant"] == "Zofia Żak" and saved["language"] == "pl"
    assert {e["status"] for e in saved["questions"].values()} <= {"not_attempted", "waiting"}
