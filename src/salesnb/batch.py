"""Run every notebook over every company dataset with papermill (PL: uruchomienie wsadowe).

The engine half of ``salesnb run`` (the CLI in :mod:`salesnb.cli` only parses arguments):
each (dataset, notebook) pair is one job, executed in its own process with the project's
kernel, written to ``<out>/<company>/<notebook>.ipynb`` and ``.html`` through temporary files
so that an interrupted run leaves no half-written report. A failing notebook is kept with its
error and does not stop the other jobs. Recorded key figures (:func:`salesnb.record`) are
collected into ``<out>/summary.csv`` and ``summary.html``.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .company import CONFIG_FILE
from .errors import DataError, Problem
from .io import atomic_write_text
from .kernel import ensure_kernel
from .record import read_records

#: The folder above ``src/`` when salesnb runs from a checkout (kept for older code; the batch
#: finds the workbook with :func:`workbook_dir`, which also works for an installed package).
ROOT = Path(__file__).resolve().parents[2]
#: Environment variable naming the workbook folder (the one holding ``notebooks/``).
HOME_VARIABLE = "SALESNB_HOME"


def workbook_dir() -> Path:
    """The folder holding the workbook's ``notebooks/`` and ``data/samples/`` (PL: folder skoroszytu).

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


@dataclass
class Job:
    dataset: Path
    company: str
    notebook: Path
    out_dir: Path
    parameters: dict[str, Any] = field(default_factory=dict)
    kernel: str = "salesnb"
    timeout: int | None = 1800  # seconds for the whole notebook
    html_code: bool = False
    key: str | None = None  # input_key, set by plan()
    cache: str | None = None  # the company cache folder the notebook's load_company uses (None: off)


@dataclass
class Result:
    company: str
    notebook: str
    status: str  # "ok", "failed", "skipped" (missing tables) or "cached" (report up to date)
    seconds: float = 0.0
    error: str | None = None
    cell: int | None = None  # index of the failing cell in the executed notebook
    cell_line: str | None = None  # its first line of code, to find it
    output: str | None = None
    records: dict[str, Any] = field(default_factory=dict)


def find_datasets(paths: Iterable[str | Path]) -> list[Path]:
    """Company folders: each path is a company (has company.yml) or a folder of companies."""
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


def find_notebooks(names: Iterable[str] | None = None, root: Path | None = None) -> list[Path]:
    """The workbook's notebooks, in their numbered order (optionally only those named)."""
    root = root or default_notebooks_dir()
    all_nbs = sorted(root.glob("[0-9]*.ipynb"))
    if not names:
        return all_nbs
    chosen = []
    for n in names:
        match = [nb for nb in all_nbs if nb.stem == n or nb.name == n or nb.stem.split("_", 1)[0] == n]
        if not match and Path(n).exists():
            match = [Path(n)]
        if not match:
            raise ValueError(f"no notebook {n!r}; the notebooks are: {', '.join(nb.stem for nb in all_nbs)}")
        chosen.extend(match)
    return chosen


def notebook_requires(notebook: Path) -> list[str]:
    """Tables a notebook needs (``metadata.salesnb.requires``); it is skipped without them."""
    meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    return list(meta.get("salesnb", {}).get("requires", []))


def _dataset_tables(dataset: Path) -> set[str]:
    from .tables import table_files

    return set(table_files(dataset))


def _source_digest() -> str:
    """A digest of the library's own code: a changed method re-runs its notebooks."""
    import hashlib

    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parent
    for f in sorted(pkg.rglob("*.py")):
        h.update(str(f.relative_to(pkg)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def input_key(job: Job, source_digest: str | None = None) -> str:
    """What a report depends on: the notebook, every file of the dataset, the parameters, the library."""
    import hashlib

    h = hashlib.sha256()
    h.update(job.notebook.read_bytes())
    if job.dataset.is_dir():
        for f in sorted(p for p in job.dataset.rglob("*") if p.is_file()):
            h.update(str(f.relative_to(job.dataset)).encode())
            h.update(f.read_bytes())
    h.update(json.dumps(job.parameters, sort_keys=True, default=str).encode())
    h.update(json.dumps([job.html_code], sort_keys=True).encode())
    h.update((source_digest or _source_digest()).encode())
    return h.hexdigest()


def _up_to_date(job: Job, key: str) -> bool:
    nb_path = job.out_dir / f"{job.notebook.stem}.ipynb"
    if not nb_path.exists() or not nb_path.with_suffix(".html").exists():
        return False
    try:
        meta = json.loads(nb_path.read_text(encoding="utf-8"))["metadata"].get("salesnb", {})
    except (OSError, ValueError, KeyError):
        return False
    return meta.get("input_key") == key and meta.get("status") == "ok"


def _failed_line(nb_path: Path) -> str | None:
    """The first line of code of the cell that raised (papermill adds banner cells before it)."""
    try:
        cells = json.loads(nb_path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return None
    for cell in cells:
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith(("#", "%"))]
            return lines[0].strip()[:80] if lines else None
    return None


def _stamp(nb_path: Path, key: str | None, status: str) -> None:
    import nbformat

    nb = nbformat.read(str(nb_path), as_version=4)
    nb.metadata.setdefault("salesnb", {}).update({"input_key": key, "status": status})
    nbformat.write(nb, str(nb_path))


_EXPORTERS: dict[bool, Any] = {}


def _export_html(nb_path: Path, html_path: Path, code: bool) -> None:
    """The report for readers: no code cells unless asked, no recorded-figure payloads."""
    import nbformat
    from nbconvert import HTMLExporter

    from .record import MIME

    nb = nbformat.read(str(nb_path), as_version=4)
    for cell in nb.cells:
        if cell.get("outputs"):
            cell.outputs = [o for o in cell.outputs if set(o.get("data", {})) != {MIME}]
    if code not in _EXPORTERS:  # one exporter per process: loading its templates costs ~0.5 s
        _EXPORTERS[code] = HTMLExporter(exclude_input=not code, exclude_input_prompt=True,
                                        exclude_output_prompt=True)
    body, _ = _EXPORTERS[code].from_notebook_node(nb)
    atomic_write_text(html_path, body)


def _ipc_config(folder: str):
    """Kernel channels over Unix sockets in a private folder, not TCP ports: parallel kernels
    cannot race for a port, and nothing listens on the network.
    """
    from traitlets.config import Config

    return Config({"KernelManager": {"transport": "ipc", "ip": f"{folder}/kernel"}})


def _deadline(seconds: int | None) -> Callable[[Any], int | None] | None:
    """A per-notebook time limit for nbclient: each cell may use what is left of it."""
    if not seconds:
        return None
    end = time.monotonic() + seconds
    return lambda cell: max(1, int(end - time.monotonic()))


def run_job(job: Job) -> Result:
    """Execute one notebook for one dataset; never raises for a notebook's own error."""
    import papermill as pm

    name = job.notebook.stem
    job.out_dir.mkdir(parents=True, exist_ok=True)
    final_nb = job.out_dir / f"{name}.ipynb"
    tmp_nb = job.out_dir / f".{name}.{os.getpid()}.tmp.ipynb"
    declared = pm.inspect_notebook(str(job.notebook))
    params = {"dataset": str(job.dataset.resolve()), "output_dir": str(job.out_dir.resolve()), **job.parameters}
    unknown = sorted(set(params) - set(declared))
    params = {k: v for k, v in params.items() if k in declared}
    start = time.perf_counter()
    result = Result(job.company, name, "ok")
    sockets = tempfile.mkdtemp(prefix="salesnb-")
    os.environ["SALESNB_STATIC"] = "1"  # the kernel inherits it: widgets show a static note (salesnb.widgets)
    os.environ["SALESNB_CACHE"] = job.cache or "off"  # and this: load_company reads the validated company back
    try:
        try:
            pm.execute_notebook(
                str(job.notebook), str(tmp_nb), parameters=params, kernel_name=job.kernel, language="python",
                cwd=str(job.notebook.parent), progress_bar=False, log_output=False,
                request_save_on_cell_execute=False, autosave_cell_every=0, start_timeout=120,
                timeout_func=_deadline(job.timeout), config=_ipc_config(sockets),
                shutdown_kernel="immediate",  # outputs are in; a graceful stop only adds time and log noise
            )
        except pm.PapermillExecutionError as e:
            if e.ename == "KeyboardInterrupt":  # Ctrl-C reached the kernel: the batch is stopping
                raise KeyboardInterrupt from None
            result.status, result.cell = "failed", e.cell_index
            result.error = f"{e.ename}: {e.evalue}".strip()
        except Exception as e:  # kernel died, timeout, bad notebook
            result.status, result.error = "failed", f"{e.__class__.__name__}: {e}".strip()
        if tmp_nb.exists():
            if result.cell is not None:
                result.cell_line = _failed_line(tmp_nb)
            _stamp(tmp_nb, job.key, result.status)
            result.records = read_records(tmp_nb)
            tmp_html = tmp_nb.with_suffix(".html")
            _export_html(tmp_nb, tmp_html, job.html_code)
            os.replace(tmp_nb, final_nb)
            os.replace(tmp_html, job.out_dir / f"{name}.html")
            result.output = str(final_nb)
    finally:
        for leftover in (tmp_nb, tmp_nb.with_suffix(".html")):
            leftover.unlink(missing_ok=True)
        shutil.rmtree(sockets, ignore_errors=True)
    if unknown and result.error is None and job.parameters:
        ignored = sorted(set(unknown) & set(job.parameters))
        if ignored:
            result.error = f"parameters not in this notebook, ignored: {', '.join(ignored)}"
    result.seconds = time.perf_counter() - start
    return result


def _slug(dataset: Path) -> str:
    return dataset.resolve().name


def plan(datasets: list[Path], notebooks: list[Path], out: Path, parameters: dict | None = None,
         kernel: str = "salesnb", timeout: int | None = 1800, html_code: bool = False,
         force: bool = True) -> tuple[list[Job], list[Result]]:
    """The jobs to run, and the pairs not run: skipped for missing tables, or cached.

    Unless ``force``, a pair whose report exists, succeeded, and was made from the same
    notebook, dataset files, parameters and library code is not run again ("cached"); its
    recorded figures are read back from the report.
    """
    jobs, done = [], []
    digest = _source_digest()
    names = [_slug(ds) for ds in datasets]
    clash = sorted({n for n in names if names.count(n) > 1})
    if clash:
        raise ValueError(f"two datasets would share the report folder {clash[0]!r}: "
                         + ", ".join(str(ds) for ds in datasets if _slug(ds) == clash[0])
                         + ". Rename one of the company folders, or run them with different --out folders.")
    for ds in datasets:
        have = _dataset_tables(ds) if ds.is_dir() else set()
        for nb in notebooks:
            need = [t for t in notebook_requires(nb) if t not in have]
            if need and ds.is_dir() and (ds / CONFIG_FILE).exists():
                done.append(Result(_slug(ds), nb.stem, "skipped", error=f"dataset has no {', '.join(need)}"))
                continue
            job = Job(ds, _slug(ds), nb, out / _slug(ds), dict(parameters or {}), kernel, timeout, html_code)
            job.key = input_key(job, digest)
            if not force and _up_to_date(job, job.key):
                report = job.out_dir / f"{nb.stem}.ipynb"
                done.append(Result(job.company, nb.stem, "cached", output=str(report), records=read_records(report)))
                continue
            jobs.append(job)
    return jobs, done


def warm_cache(jobs: list[Job], cache: Path) -> dict[str, float]:
    """Load each company of ``jobs`` once into the company cache, before its notebooks run.

    Every notebook of a company then reads the validated tables back from Parquet instead of
    parsing the company's files again (:mod:`salesnb.cache`). A company that fails to load is
    left to its notebooks, which show the loader's message.

    Parameters
    ----------
    jobs : list of Job
        The jobs to run.
    cache : pathlib.Path
        The cache folder.

    Returns
    -------
    dict of str to float
        Seconds spent per dataset folder.
    """
    import warnings

    from .company import load_company
    from .errors import DataError

    spent = {}
    for ds in dict.fromkeys(job.dataset for job in jobs):
        start = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                load_company(ds, cache=cache)
        except (DataError, OSError):
            pass
        spent[str(ds)] = time.perf_counter() - start
    for job in jobs:
        job.cache = str(cache.resolve())
    return spent


def summarize(results: list[Result]) -> pd.DataFrame:
    """One row per company: status per notebook and every recorded key figure."""
    rows: dict[str, dict[str, Any]] = {}
    for r in sorted(results, key=lambda r: (r.company, r.notebook)):
        row = rows.setdefault(r.company, {"company": r.company})
        row[f"{r.notebook}.status"] = r.status
        row.update(r.records)
    if not rows:
        return pd.DataFrame({"company": pd.Series(dtype=object)})
    return pd.DataFrame(list(rows.values())).sort_values("company").reset_index(drop=True)


def write_summary(results: list[Result], out: Path) -> pd.DataFrame:
    table = summarize(results)
    atomic_write_text(out / "summary.csv", table.to_csv(index=False))
    failures = [asdict(r) for r in results if r.status == "failed"]
    html = ["<html><head><meta charset='utf-8'><title>salesnb summary</title></head><body>",
            "<h1>salesnb: summary across companies</h1>", table.to_html(index=False, na_rep="")]
    if failures:
        html += ["<h2>Failures</h2>", pd.DataFrame(failures)[["company", "notebook", "cell", "error"]].to_html(index=False)]
    html.append("</body></html>")
    atomic_write_text(out / "summary.html", "\n".join(html))
    return table


def run(datasets: Iterable[str | Path] | None = None, notebooks: Iterable[str] | None = None,
        out: str | Path = "reports", jobs: int | None = None, parameters: dict | None = None,
        timeout: int | None = 1800, html_code: bool = False, force: bool = False,
        progress: Callable[[Result, int, int], None] | None = None,
        scheduler: str | None = None, notebooks_dir: str | Path | None = None,
        cache: bool | str | Path = True) -> list[Result]:
    """Run notebooks over datasets (PL: uruchom notatniki dla wszystkich firm).

    With no datasets, the samples in ``data/samples`` of the workbook folder
    (:func:`workbook_dir`); with no notebooks, all of them, from ``notebooks_dir`` or the
    workbook folder's ``notebooks/``.
    ``jobs`` processes run at once (default: the number of cores). Reports that are up to
    date are not made again unless ``force``. Returns one :class:`Result` per (dataset,
    notebook), including skipped and cached ones, and writes the summary.

    ``scheduler`` runs the notebooks on a Dask distributed cluster instead (the address of its
    scheduler, e.g. ``tcp://10.0.0.5:8786``): every worker needs salesnb installed and the
    notebooks, datasets and ``out`` at the same paths (a shared file system), and one thread
    per worker process (``dask worker ADDRESS --nthreads 1 --nworkers N``), since a notebook
    run changes its process's working directory.

    Ctrl-C stops the batch: running notebooks are interrupted, their kernels shut down and no
    report of theirs is written (reports finished before stay); no summary is written.

    ``cache`` (default on: :func:`salesnb.cache.batch_dir`; a folder; ``False`` off) loads each company once
    into the company cache (:func:`warm_cache`), so its notebooks and later runs read the
    validated tables from Parquet instead of parsing the files again; a changed input file
    gives a new cache key, never a stale company.
    """
    kernel = ensure_kernel()
    ds = find_datasets(datasets or [default_samples_dir()])
    nbs = find_notebooks(notebooks, Path(notebooks_dir) if notebooks_dir else None)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    todo, results = plan(ds, nbs, out, parameters, kernel, timeout, html_code, force)
    if cache is not False and todo:
        from .cache import batch_dir

        where = batch_dir() if cache is True else Path(cache)
        if where is not None:
            warm_cache(todo, where)
    total = len(todo) + len(results)
    for i, r in enumerate(results, 1):
        if progress:
            progress(r, i, total)
    def done(result: Result) -> None:
        results.append(result)
        if progress:
            progress(result, len(results), total)

    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    if scheduler:
        _run_distributed(todo, scheduler, done)
    elif workers == 1:
        for job in todo:
            done(run_job(job))
    else:
        _run_pool(todo, workers, done)
    write_summary(results, out)
    return results


def _run_pool(todo: list[Job], workers: int, done: Callable[[Result], None]) -> None:
    """Run jobs in worker processes; on Ctrl-C interrupt them so their kernels shut down."""
    import signal

    pool = ProcessPoolExecutor(max_workers=workers)
    futures = [pool.submit(run_job, job) for job in todo]
    try:
        for fut in as_completed(futures):
            done(fut.result())
    except BaseException:
        for f in futures:
            f.cancel()
        procs = list(getattr(pool, "_processes", {}).values())
        for p in procs:  # a Ctrl-C in a terminal reaches them too; a signal to us alone does not
            if p.is_alive():
                os.kill(p.pid, signal.SIGINT)
        deadline = time.monotonic() + 20
        for p in procs:
            p.join(max(0.0, deadline - time.monotonic()))
            if p.is_alive():
                p.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _run_remote(job: Job) -> Result:
    """A job on a Dask worker: register the kernel of the worker's own environment first."""
    ensure_kernel()
    return run_job(job)


def _run_distributed(todo: list[Job], scheduler: str, done: Callable[[Result], None]) -> None:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:  # pragma: no cover - distributed is a test dependency
        raise ValueError("--scheduler needs Dask distributed: pip install distributed") from None
    with Client(scheduler) as client:
        futures = client.map(_run_remote, todo, pure=False, retries=0)
        try:
            for fut in dask_completed(futures):
                done(fut.result())
        except BaseException:
            client.cancel(futures)
            raise


class ProgressBar:
    """A progress bar over the whole batch, with a line per failure as it happens."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.bar = None

    def __call__(self, result: Result, done: int, total: int) -> None:
        from tqdm import tqdm

        if self.bar is None:
            self.bar = tqdm(total=total, file=self.stream, unit="notebook", dynamic_ncols=True,
                            disable=None)  # disable=None: no bar when not a terminal
        if result.status in ("failed", "skipped"):
            self.bar.write(_line(result, done, total), file=self.stream)
        self.bar.set_postfix_str(f"{result.company} / {result.notebook}", refresh=False)
        self.bar.update(1)
        if done == total:
            self.bar.close()


def _line(result: Result, done: int, total: int) -> str:
    mark = {"ok": "ok", "failed": "FAILED", "skipped": "skipped", "cached": "up to date"}[result.status]
    line = f"[{done}/{total}] {result.company} / {result.notebook}: {mark} ({result.seconds:.1f} s)"
    if result.status in ("failed", "skipped") and result.error:
        where = f" in cell {result.cell}" if result.cell is not None else ""
        where += f" ({result.cell_line})" if result.cell_line else ""
        line += f"{where}: {result.error}"
    return line


def print_progress(result: Result, done: int, total: int) -> None:
    """One line per finished notebook (for logs, where a bar would not show)."""
    print(_line(result, done, total), file=sys.stderr if result.status == "failed" else sys.stdout, flush=True)
