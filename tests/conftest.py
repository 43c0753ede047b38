from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

# Notebooks executed by the tests (papermill, nbval) show widgets as a static note, as in a
# batch run: live widgets can block nbclient (jupyter/nbclient#312). Kernels inherit this.
os.environ["SALESNB_STATIC"] = "1"

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"


def write_company(folder: Path, files: dict[str, str | bytes], config: str | None = None) -> Path:
    """A company folder from file contents (text is written as UTF-8)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "company.yml").write_text(config or "name: Test Co\ncurrency: PLN\n", encoding="utf-8")
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def company_dir(tmp_path):
    def make(files, config=None, name="co"):
        return write_company(tmp_path / name, files, config)
    return make


@pytest.fixture
def live_widgets(monkeypatch):
    """For the widgets' own tests: build the live widgets."""
    monkeypatch.setenv("SALESNB_STATIC", "0")
