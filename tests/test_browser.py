"""What a reader sees, in a real browser: every report of a sample in English and Polish, the summary
at 30 companies, and a widget in a live JupyterLab session (headless Chromium from Debian)."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from browser import PAGE_FACTS, driver, missing, screenshot
from conftest import ROOT, SAMPLES

from salesnb import batch
from salesnb.dashboard import dashboard_html

if missing() is not None and os.environ.get("SALESNB_REQUIRE_BROWSER"):  # CI: a missing browser is a failure
    raise RuntimeError(f"the browser tests must run here, but: {missing()}")
pytestmark = pytest.mark.skipif(missing() is not None, reason=f"no browser: {missing()}")
SHOTS = ROOT / "screenshots"

#: Raw Python or pandas output that must never reach a reader.
RAW = [r"\bdtype:", r"\bName: ", r" at 0x[0-9a-f]{6,}", r"\bNaN\b", r"\bNaT\b", r"\bTrue\b", r"\bFalse\b",
       r"\bNone\b", r"\{'", r"\bseed 0\d\d\b", r"domain\.md", r"<salesnb table", r"Company\(",
       r"Traceback", r"Warning:", r"\b[a-z]+_[a-z]+(_[a-z]+)*\b(?!\()"]
#: A number written with a decimal point (not a date like 31.12.2025).
DECIMAL_POINT = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})*\.\d+(?![\d.])")
#: Polish words that must not be in an English report (its data is English: it_services).
POLISH = ["klient", "klienci", "klientów", "sprzedaż", "okno", "razem", "utracony", "stały", "miesiące", "oraz",
          "udział", "liczba", "przychód", "tak", "nie", "brak", "dni", "zł"]
#: English words that must not be in a Polish report (its data is Polish: wholesale_pl).
ENGLISH = ["the", "and", "clients", "client", "turnover", "share", "lost", "regular", "potential",
           "restored", "new", "total", "months", "yes", "window", "class", "answers", "category",
           "revenue", "feature", "warning", "with", "of", "per", "unassigned", "parameters"]


#: Every sample in its own language and in the other one: (folder, language of the run).
RUNS = {"own": (["it_services", "event_agency", "wholesale_pl"], None),
        "pl": (["it_services", "event_agency"], "pl"),
        "en": (["wholesale_pl"], "en")}


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Every notebook of every sample, in English and in Polish, through the batch."""
    out = tmp_path_factory.mktemp("reports")
    all_results = []
    for run, (names, lang) in RUNS.items():
        params = {"language": lang} if lang else None
        results = batch.run([SAMPLES / n for n in names], out=out / run, jobs=2, force=True, parameters=params)
        assert all(r.status == "ok" for r in results), [(r.company, r.notebook, r.error) for r in results]
        all_results += results
    return out, all_results


def _language(page: Path, out: Path) -> str:
    run = page.relative_to(out).parts[0]
    return RUNS[run][1] or ("pl" if page.parent.name == "wholesale_pl" else "en")


@pytest.fixture(scope="module")
def chromium():
    d = driver()
    yield d
    d.quit()


def _visible_text(facts: dict) -> str:
    return facts["text"]


def test_every_report_reads_as_finished(reports, chromium):
    out, results = reports
    pages = sorted(out.glob("*/*/*.html"))
    assert len(pages) == len(results) >= 24
    problems = []
    for page in pages:
        chromium.get(page.as_uri())
        facts = chromium.execute_script(PAGE_FACTS)
        screenshot(chromium, SHOTS / "reports" / page.relative_to(out).with_suffix(".png"))
        lang = _language(page, out)
        where = "/".join(page.relative_to(out).parts)
        if facts["lang"] != lang:
            problems.append(f"{where}: lang={facts['lang']!r}")
        company = {"wholesale_pl": "Hurtownia", "it_services": "TechSerwis", "event_agency": "Eventa"}[page.parent.name]
        if company not in facts["title"] or "·" not in facts["title"]:
            problems.append(f"{where}: title {facts['title']!r}")
        if facts["overflowing_tables"] or facts["page_overflow"]:
            problems.append(f"{where}: wider than the page: {facts['overflowing_tables']}")
        images = facts["images"]
        if len(images) != len(set(images)):
            problems.append(f"{where}: an image appears twice")
        text = _visible_text(facts)
        for pattern in RAW:
            for m in re.finditer(pattern, text):
                problems.append(f"{where}: raw output {m.group(0)!r} in …{text[max(0, m.start() - 40):m.end() + 20]}…")
                break
        polish_data = page.parent.name == "wholesale_pl"  # English product and feature names elsewhere
        if lang == "pl":
            m = DECIMAL_POINT.search(text)
            if m:
                problems.append(f"{where}: a decimal point in Polish: …{text[max(0, m.start() - 40):m.end() + 10]}…")
            words = set(re.findall(r"[^\W\d_]+", text.lower()))  # whole words, Polish letters included
            english = sorted(words & set(ENGLISH)) if polish_data else []
            if english:
                problems.append(f"{where}: English words in the Polish report: {english}")
        elif not polish_data:
            polish = sorted(set(re.findall(r"[^\W\d_]+", text.lower())) & set(POLISH))
            if polish:
                problems.append(f"{where}: Polish words in the English report: {polish}")
    assert not problems, "\n".join(problems)


def test_the_summary_links_every_report(reports, chromium):
    out, results = reports
    for run in RUNS:
        chromium.get((out / run / "summary.html").as_uri())
        facts = chromium.execute_script(PAGE_FACTS)
        screenshot(chromium, SHOTS / "reports" / run / "summary.png")
        assert facts["title"].startswith("salesnb") and facts["lang"] == (RUNS[run][1] or "en")
        assert not facts["overflowing_tables"] and not facts["page_overflow"]
        links = chromium.execute_script("return [...document.querySelectorAll('a')].map(a => a.href)")
        assert sorted(links) == sorted(p.as_uri() for p in (out / run).glob("*/*.html"))


# What each notebook records for the summary (a failed or skipped run records nothing the page may show).
_RECORDED_BY = {"00_overview": ("company_name", "currency", "facts.", "quality_warnings"),
                "01_kano": ("kano_basic_gaps",), "02_segments": ("target_maturity",),
                "03_abc_xyz": ("abc_xyz_share.",), "04_lifecycle": ("lifecycle_status.", "lost_value"),
                "05_service": ("service_compliance",)}


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_summary_reads_at_thirty_companies(tmp_path, chromium, lang):
    results = []
    for i in range(30):
        company = f"company_{i:02d}"
        for nb in ("00_overview", "01_kano", "02_segments", "03_abc_xyz", "04_lifecycle", "05_service"):
            status = "failed" if (i == 7 and nb == "01_kano") else "skipped" if (i % 9 == 0 and nb == "01_kano") \
                else "cached" if i % 2 else "ok"
            base = dict(zip(("potential", "new", "regular", "lost", "restored"),
                            (50 + i, 20, 600 + 10 * i, 90, 15), strict=True))  # figures that add up
            records = {"company_name": f"Firma numer {i} sp. z o.o.", "currency": "PLN",
                       "facts.clients_known": sum(base.values()),
                       "facts.clients_buying": sum(base.values()) - base["potential"],
                       "facts.as_of": "2025-12-31", "facts.months_of_history": 36 + i,
                       "facts.net_revenue": 1_234_567.89 * (i + 1), "lost_value": 98_765.4 * (i + 1),
                       **{f"lifecycle_status.{s}": n for s, n in base.items()},
                       "abc_xyz_share.AX": 0.2, "abc_xyz_share.AZ": 0.31, "kano_basic_gaps": i % 3,
                       "target_maturity": 0.4 + i / 100, "service_compliance": 0.9 - i / 100,
                       "quality_warnings": i % 4}
            records = {k: v for k, v in records.items() if k.startswith(_RECORDED_BY[nb])}
            results.append(batch.Result(company, nb, status, error="boom in cell 5" if status == "failed" else
                                        "dataset has no kano_survey" if status == "skipped" else None,
                                        cell=5 if status == "failed" else None, cell_line="x = 1",
                                        output=str(tmp_path / company / f"{nb}.ipynb"), records=records))
    page = tmp_path / "summary.html"
    page.write_text(dashboard_html(results, lang, out=tmp_path), encoding="utf-8")
    chromium.get(page.as_uri())
    facts = chromium.execute_script(PAGE_FACTS)
    screenshot(chromium, SHOTS / f"summary_30_{lang}.png")
    assert facts["lang"] == lang and not facts["overflowing_tables"] and not facts["page_overflow"]
    links = chromium.execute_script("return [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    # every report that exists, and the failed run's note pointing down to its error
    assert sum(not h.startswith("#") for h in links) == sum(r.status in ("ok", "cached") for r in results)
    assert [h for h in links if h.startswith("#")] == ["#failed-0"]
    assert "boom in cell 5" in facts["text"] and ("aktualne" if lang == "pl" else "up to date") in facts["text"]
    assert ("na dzień 31.12.2025" if lang == "pl" else "as of 31 Dec 2025") in facts["text"]
    # a skipped or failed Kano run shows no figure for its column
    kano = chromium.execute_script(
        "const i = [...document.querySelectorAll('thead th')].findIndex(th => th.textContent.includes("
        + ("'podstawowe'" if lang == "pl" else "'Basic needs'") + ")); "
        "return [...document.querySelectorAll('tbody.company tr:first-child')].map(tr => tr.children[i].textContent)")
    assert [k for i, k in enumerate(kano) if i == 7 or i % 9 == 0] == ["–"] * 5
    assert all(k != "–" for i, k in enumerate(kano) if not (i == 7 or i % 9 == 0))
    rows = chromium.execute_script("return document.querySelectorAll('tbody.company').length")
    assert rows == 30
    # each company (its figures and its reports' line) stays short enough to scan: under a fifth of a screen
    heights = chromium.execute_script(
        "return [...document.querySelectorAll('tbody.company')].map(r => r.getBoundingClientRect().height)")
    assert max(heights) < 180, max(heights)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_widget_in_jupyterlab_redraws_when_changed(tmp_path, chromium):
    """A live session: open a notebook in JupyterLab, run it, change the lifecycle window, see the table change."""
    import nbformat
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import salesnb\nfrom salesnb.widgets.lifecycle import lifecycle_widget\n"
        f"company = salesnb.load_company({str(SAMPLES / 'it_services')!r})\n"
        "lifecycle_widget(company, language='pl')")],
        metadata={"kernelspec": {"name": "salesnb", "display_name": "Python (salesnb)", "language": "python"}})
    nbformat.write(nb, str(tmp_path / "widget.ipynb"))
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "SALESNB_STATIC"}
    # no "get notified about Jupyter news?" toast over the widget in the screenshots
    lab_settings = tmp_path.parent / f"{tmp_path.name}-lab-settings"  # outside the folder JupyterLab shows
    settings = lab_settings / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}', encoding="utf-8")
    env["JUPYTERLAB_SETTINGS_DIR"] = str(lab_settings)
    lab = subprocess.Popen([sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
                            "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.ip=127.0.0.1",
                            "--allow-root",
                            f"--ServerApp.root_dir={tmp_path}", "--ServerApp.disable_check_xsrf=True",
                            "--LabApp.news_url=", "--LabServerApp.extension_manager=readonly"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        chromium.get(f"http://127.0.0.1:{port}/lab/tree/widget.ipynb")
        from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

        # the widget replaces its output while redrawing: an element read mid-redraw is stale, try again
        wait = WebDriverWait(chromium, 120,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-Cell .cm-content"))
        time.sleep(2)
        # run the cell: Run menu > Run All Cells, through JupyterLab's command palette shortcut
        chromium.find_element(By.CSS_SELECTOR, ".jp-Notebook .jp-Cell .cm-content").click()
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        ActionChains(chromium).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
        select = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".jupyter-widgets select"))
        before = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".widget-output table").text)
        assert "utracony" in before  # the status table, in Polish
        screenshot(chromium, SHOTS / "jupyterlab_widget_before.png")
        choice = Select(select)
        texts = [o.text for o in choice.options]
        one_month = next((o for o in choice.options if o.text.replace("\xa0", " ").startswith("1 miesiąc")), None)
        assert one_month is not None, texts
        choice.select_by_visible_text(one_month.text)
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".widget-output table").text != before)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".widget-output img"))  # the chart, as a picture
        output = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".widget-output").text)
        assert "<Figure" not in output
        screenshot(chromium, SHOTS / "jupyterlab_widget_after.png")
    finally:
        lab.terminate()
        try:
            lab.wait(timeout=20)
        except subprocess.TimeoutExpired:
            lab.kill()


@pytest.mark.parametrize("report", ["browser"], ids=["screenshots are where a person can look"])
def test_screenshots_land_in_an_ignored_folder(report):
    ignored = subprocess.run(["git", "check-ignore", "-q", str(SHOTS / "x.png")], cwd=ROOT).returncode == 0
    assert ignored, "screenshots/ must be in .gitignore"
    assert Path(SHOTS).name == "screenshots"
