"""The batch: interruption leaves nothing half-written, re-runs skip what is up to date, and the
same batch runs on a Dask cluster."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from conftest import ROOT, SAMPLES, write_company

from salesnb import batch
from salesnb.errors import DataError

SALESNB = [sys.executable, "-m", "salesnb.cli"]


def slow_notebook(folder: Path, seconds: float = 60) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('dataset = "x"\noutput_dir = None', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(f"import time\ntime.sleep({seconds})")]
    nb.metadata = {"kernelspec": {"name": "salesnb", "display_name": "salesnb", "language": "python"}}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "90_slow.ipynb"
    nbformat.write(nb, str(path))
    return path


def processes_in(folder: Path) -> list[psutil.Process]:
    found = []
    for p in psutil.process_iter(["cwd"]):
        try:
            if p.info["cwd"] == str(folder):
                found.append(p)
        except (psutil.Error, OSError):
            pass
    return found


def test_ctrl_c_stops_kernels_and_leaves_no_partial_reports(tmp_path):
    nb_dir = tmp_path / "nbs"
    slow = slow_notebook(nb_dir)
    out = tmp_path / "reports"
    companies = [str(write_company(tmp_path / f"co{i}",
                                   {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n"}))
                 for i in range(2)]
    proc = subprocess.Popen([*SALESNB, "run", *companies, "--notebooks", str(slow), "--out", str(out),
                             "--jobs", "2", "--log"], cwd=tmp_path, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len([p for p in processes_in(nb_dir)
                                                   if "ipykernel" in " ".join(p.cmdline())]) < 2:
            time.sleep(0.5)
        kernels = [p for p in processes_in(nb_dir) if "ipykernel" in " ".join(p.cmdline())]
        assert len(kernels) == 2, "both kernels should be running the slow cell"
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert "interrupted" in err
    gone, alive = psutil.wait_procs(kernels, timeout=10)
    assert alive == [], "kernels must be shut down"
    files = [p for p in out.rglob("*") if p.is_file()]
    assert files == [], f"an interrupted run leaves no files: {files}"


def test_rerun_skips_up_to_date_reports_unless_forced_or_changed(tmp_path):
    ds = write_company(tmp_path / "co",
                       {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n2024-02-01,B,2\n"})
    out = tmp_path / "reports"
    overview = ["00_overview"]
    first = batch.run([ds], overview, out, jobs=1)
    assert [r.status for r in first] == ["ok"]
    again = batch.run([ds], overview, out, jobs=1)
    assert [r.status for r in again] == ["cached"]
    assert again[0].records == first[0].records  # the summary still has the figures
    forced = batch.run([ds], overview, out, jobs=1, force=True)
    assert [r.status for r in forced] == ["ok"]
    (ds / "transactions.csv").write_text("date,customer_id,amount\n2024-01-01,A,1\n")  # the data changed
    changed = batch.run([ds], overview, out, jobs=1)
    assert [r.status for r in changed] == ["ok"] and changed[0].records["facts.clients_known"] == 1
    other_params = batch.run([ds], overview, out, jobs=1, parameters={"language": "pl"})
    assert [r.status for r in other_params] == ["ok"]


def test_a_failed_report_names_the_cell_and_is_not_cached(tmp_path):
    ds = write_company(tmp_path / "bad", {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,x\n"})
    out = tmp_path / "reports"
    (r,) = batch.run([ds], ["00_overview"], out, jobs=1)
    # cell 3 of the executed notebook: papermill's injected-parameters cell is cell 2
    assert r.status == "failed" and r.cell == 3 and r.error.startswith("DataError")
    assert r.cell_line == "import salesnb" and "row 2" in r.error
    nb = json.loads((out / "bad" / "00_overview.ipynb").read_text())
    assert nb["metadata"]["papermill"]["exception"] is True
    html = (out / "bad" / "00_overview.html").read_text()
    assert "DataError" in html
    (r2,) = batch.run([ds], ["00_overview"], out, jobs=1)
    assert r2.status == "failed"  # failures are retried, never taken as up to date


def test_summary_has_one_row_per_company(tmp_path):
    results = [batch.Result("b_co", "00_overview", "ok", records={"facts.clients_known": 3}),
               batch.Result("a_co", "00_overview", "failed", error="boom"),
               batch.Result("b_co", "01_kano", "skipped", error="dataset has no kano_survey")]
    table = batch.write_summary(results, tmp_path)
    assert table["company"].tolist() == ["a_co", "b_co"]
    assert table.set_index("company").loc["b_co", "01_kano.status"] == "skipped"
    assert (tmp_path / "summary.csv").exists() and "boom" in (tmp_path / "summary.html").read_text()


def test_the_same_batch_runs_on_a_dask_cluster(tmp_path):
    distributed = pytest.importorskip("distributed")
    broken = write_company(tmp_path / "broken_co", {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,x\n"})
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        results = batch.run([SAMPLES / "it_services", broken], ["00_overview"], tmp_path / "reports",
                            scheduler=cluster.scheduler_address)
    status = {r.company: r.status for r in results}
    assert status == {"it_services": "ok", "broken_co": "failed"}
    assert (tmp_path / "reports" / "it_services" / "00_overview.html").exists()
    assert len(batch.summarize(results)) == 2


def test_a_notebook_over_its_time_limit_fails_and_the_batch_goes_on(tmp_path):
    slow = slow_notebook(tmp_path / "nbs", seconds=30)
    ds = write_company(tmp_path / "co", {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n"})
    t0 = time.monotonic()
    results = batch.run([ds], [str(slow), "00_overview"], tmp_path / "reports", jobs=1, timeout=8)
    assert time.monotonic() - t0 < 28  # the slow cell was cut, not waited for
    status = {r.notebook: r for r in results}
    assert status["00_overview"].status == "ok"
    assert status["90_slow"].status == "failed" and "Timeout" in status["90_slow"].error


def test_two_datasets_with_the_same_folder_name_are_refused_not_merged(tmp_path):
    a = write_company(tmp_path / "x" / "acme", {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n"})
    b = write_company(tmp_path / "y" / "acme", {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n"})
    with pytest.raises(ValueError, match="share the report folder 'acme'"):
        batch.plan([a, b], [ROOT / "notebooks" / "en" / "00_overview.ipynb"], tmp_path / "out")
    assert batch.summarize([]).columns.tolist() == ["company"]


def test_widgets_are_static_in_batch_and_live_otherwise(monkeypatch):
    from salesnb.widgets import StaticNote
    from salesnb.widgets.kano import kano_workshop

    monkeypatch.setenv("SALESNB_STATIC", "1")
    note = kano_workshop("f", language="pl")
    assert isinstance(note, StaticNote) and "JupyterLab" in note._repr_markdown_()
    monkeypatch.setenv("SALESNB_STATIC", "0")
    assert not isinstance(kano_workshop("f"), StaticNote)


def test_the_workbook_is_found_without_a_checkout(tmp_path, monkeypatch):
    """SALESNB_HOME first, then the current folder, then the copy installed under <prefix>/share/salesnb."""
    from salesnb import workbook

    home = tmp_path / "home"
    (home / "notebooks" / "pl").mkdir(parents=True)
    monkeypatch.setenv("SALESNB_HOME", str(home))
    assert workbook.workbook_dir() == home
    assert workbook.find_notebooks(language="pl") == []
    monkeypatch.delenv("SALESNB_HOME")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    prefix = tmp_path / "prefix"
    (prefix / "share" / "salesnb" / "notebooks" / "en").mkdir(parents=True)
    monkeypatch.setattr(workbook.sys, "prefix", str(prefix))
    assert workbook.workbook_dir() == prefix / "share" / "salesnb"
    monkeypatch.setattr(workbook.sys, "prefix", str(tmp_path / "nothing"))
    with pytest.raises(DataError, match="no workbook here"):
        workbook.workbook_dir()
    monkeypatch.setenv("SALESNB_HOME", str(elsewhere))
    with pytest.raises(DataError, match="SALESNB_HOME"):
        workbook.workbook_dir()


def test_each_company_runs_the_edition_of_its_language(tmp_path):
    pl = write_company(tmp_path / "pl_co", {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n"},
                       config="name: Polska\nlanguage: pl\n")
    en = write_company(tmp_path / "en_co", {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n"})
    assert batch.dataset_language(pl) == "pl" and batch.dataset_language(en) == "en"
    assert batch.dataset_language(en, {"language": "pl"}) == "pl"
    assert [p.parent.name for p in batch.find_notebooks(["00"], ROOT / "notebooks", "pl")] == ["pl"]
    jobs, _ = batch.plan([pl], batch.find_notebooks(["00"], ROOT / "notebooks", "pl"), tmp_path / "out")
    assert jobs[0].language == "pl" and jobs[0].title.startswith("Polska · ")


def test_a_report_names_each_chart_by_its_section_in_its_language(tmp_path):
    """nbconvert's English "No description has been provided" becomes the section the chart is in."""
    from salesnb.reports import export_html

    png = {"image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9aw"
                        "AAAABJRU5ErkJggg==", "text/plain": "<Figure>"}
    def chart():
        return nbformat.v4.new_code_cell("chart()", outputs=[nbformat.v4.new_output("display_data", data=png)])

    nb = nbformat.v4.new_notebook(cells=[chart(), nbformat.v4.new_markdown_cell("## 1. Klasy ABC\n\nTekst."), chart(),
                                         nbformat.v4.new_markdown_cell("### 2. Macierz & klasy"), chart()])
    nbformat.write(nb, str(tmp_path / "x.ipynb"))
    export_html(tmp_path / "x.ipynb", tmp_path / "x.html", language="pl")
    text = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert re.findall(r'<img[^>]*alt="([^"]*)"', text) == ["Wykres", "Wykres: 1. Klasy ABC",
                                                           "Wykres: 2. Macierz &amp; klasy"]
    assert "No description" not in text
