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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import ParameterError
from .kernel import ensure_kernel
from .record import read_records
from .reports import export_html, notebook_title, summary_table
from .reports import write_summary as _write_summary
from .workbook import (  # noqa: F401 - also the batch's public names, as before the split
    CONFIG_FILE,
    HOME_VARIABLE,
    ROOT,
    company_name,
    dataset_language,
    dataset_tables,
    default_notebooks_dir,
    default_samples_dir,
    find_datasets,
    find_notebooks,
    notebook_requires,
    slug,
    workbook_dir,
)


@dataclass
class Job:
    """One notebook to run for one company (PL: zadanie: notatnik dla firmy).

    Attributes
    ----------
    dataset, company, notebook, out_dir
        The company folder, its report name, the notebook edition, the report folder.
    parameters : dict
        Notebook parameters (``dataset`` and ``output_dir`` are added).
    kernel, timeout, html_code, key, cache
        The kernel, the limit for the whole notebook (seconds), whether reports keep code, the
        input key for "up to date", the company cache folder (None: off).
    language, title
        The report's language and page title.
    """

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
    language: str = "en"
    title: str | None = None


@dataclass
class Result:
    """How one (company, notebook) run ended (PL: wynik uruchomienia).

    Attributes
    ----------
    company, notebook : str
    status : {"ok", "failed", "skipped", "cached"}
        "cached" means the report is up to date and was not made again.
    seconds : float
    error : str or None
        The error, or why it was skipped.
    cell, cell_line
        The failing cell's index and first line of code.
    output : str or None
        The executed notebook's path.
    records : dict
        The key figures the notebook recorded.
    """

    company: str
    notebook: str
    status: str  # "ok", "failed", "skipped" (missing tables) or "cached" (report up to date)
    seconds: float = 0.0
    error: str | None = None
    cell: int | None = None  # index of the failing cell in the executed notebook
    cell_line: str | None = None  # its first line of code, to find it
    output: str | None = None
    records: dict[str, Any] = field(default_factory=dict)


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
    """What a report depends on (PL: klucz wejścia raportu), as one digest.

    Parameters
    ----------
    job : Job
    source_digest : str, optional
        The library's code digest (computed when not given).

    Returns
    -------
    str
        A SHA-256 of the notebook, every file of the dataset, the parameters, the report options
        and the library's code.
    """
    import hashlib

    h = hashlib.sha256()
    h.update(job.notebook.read_bytes())
    if job.dataset.is_dir():
        for f in sorted(p for p in job.dataset.rglob("*") if p.is_file()):
            h.update(str(f.relative_to(job.dataset)).encode())
            h.update(f.read_bytes())
    h.update(json.dumps(job.parameters, sort_keys=True, default=str).encode())
    h.update(json.dumps([job.html_code, job.language, job.title], sort_keys=True).encode())
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


def _ipc_config(folder: str):
    """Kernel channels over Unix sockets in a private folder, not TCP ports.

    Parallel kernels cannot race for a port, and nothing listens on the network.
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
    """Execute one notebook for one company and write its reports (PL: uruchom notatnik dla firmy).

    Parameters
    ----------
    job : Job

    Returns
    -------
    Result
        Never raises for the notebook's own error: it is in the result (and the executed notebook
        is kept with it); Ctrl-C stops the run (KeyboardInterrupt).
    """
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
            export_html(tmp_nb, tmp_html, job.html_code, job.language, job.title)
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


def plan(datasets: list[Path], notebooks: list[Path], out: Path, parameters: dict | None = None,
         kernel: str = "salesnb", timeout: int | None = 1800, html_code: bool = False,
         force: bool = True, language: str | None = None) -> tuple[list[Job], list[Result]]:
    """The jobs to run, and the pairs not run (PL: plan uruchomienia): skipped or up to date.

    Unless ``force``, a pair whose report exists, succeeded, and was made from the same
    notebook, dataset files, parameters and library code is not run again ("cached", shown as
    "up to date"); its recorded figures are read back from the report.

    Parameters
    ----------
    datasets : list of pathlib.Path
        Company folders.
    notebooks : list of pathlib.Path
        The notebook editions to run for every one of them.
    out : pathlib.Path
        The report folder.
    parameters : dict, optional
        Notebook parameters for every run.
    kernel, timeout, html_code, force
        See :func:`run`.
    language : {"en", "pl"}, optional
        The reports' language (default: each company's, see :func:`dataset_language`).

    Returns
    -------
    tuple
        ``(jobs, results)``: the jobs to run, and a :class:`Result` for each pair not run.

    Raises
    ------
    ParameterError
        If two datasets would share a report folder.
    """
    jobs, done = [], []
    digest = _source_digest()
    names = [slug(ds) for ds in datasets]
    clash = sorted({n for n in names if names.count(n) > 1})
    if clash:
        raise ParameterError("datasets", [str(ds) for ds in datasets if slug(ds) == clash[0]],
                             f"company folders with different names (two would share the report folder "
                             f"{clash[0]!r})", function="salesnb.batch.run",
                             fix="rename one of the company folders, or run them with different --out folders.")
    for ds in datasets:
        have = dataset_tables(ds) if ds.is_dir() else set()
        lang = language or dataset_language(ds, parameters)
        display_name = company_name(ds)
        for nb in notebooks:
            need = [t for t in notebook_requires(nb) if t not in have]
            if need and ds.is_dir() and (ds / CONFIG_FILE).exists():
                done.append(Result(slug(ds), nb.stem, "skipped", error=f"dataset has no {', '.join(need)}"))
                continue
            title = f"{display_name} · {notebook_title(nb)}"
            job = Job(ds, slug(ds), nb, out / slug(ds), dict(parameters or {}), kernel, timeout, html_code,
                      language=lang, title=title)
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
    """One row per company (PL: tabela podsumowania): see :func:`salesnb.reports.summary_table`.

    Parameters
    ----------
    results : list of Result

    Returns
    -------
    pandas.DataFrame
    """
    return summary_table(results)


def write_summary(results: list[Result], out: Path, language: str = "en",
                  titles: dict[str, str] | None = None) -> pd.DataFrame:
    """Write ``summary.csv`` and the ``summary.html`` dashboard (PL: zapisz podsumowanie).

    Parameters
    ----------
    results : list of Result
    out : pathlib.Path
    language : {"en", "pl"}, default "en"
    titles : dict, optional
        Notebook name -> title.

    Returns
    -------
    pandas.DataFrame
        See :func:`salesnb.reports.write_summary`.
    """
    return _write_summary(results, out, language, titles)


def run(datasets: Iterable[str | Path] | None = None, notebooks: Iterable[str] | None = None,
        out: str | Path = "reports", jobs: int | None = None, parameters: dict | None = None,
        timeout: int | None = 1800, html_code: bool = False, force: bool = False,
        progress: Callable[[Result, int, int], None] | None = None,
        scheduler: str | None = None, notebooks_dir: str | Path | None = None,
        cache: bool | str | Path = True) -> list[Result]:
    """Run notebooks over datasets (PL: uruchom notatniki dla wszystkich firm).

    Each company's reports are in its language (a ``language`` parameter, else ``language:`` in
    its company.yml): the edition in that language runs. Reports that are up to date are not
    made again unless ``force``. One failing notebook never stops the others: it is kept with
    its error. Ctrl-C stops the batch: running notebooks are interrupted, their kernels shut
    down and no report of theirs is written (reports finished before stay); no summary is
    written.

    Parameters
    ----------
    datasets : iterable of path, optional
        Company folders or folders of companies; default the samples in ``data/samples`` of the
        workbook folder (:func:`workbook_dir`).
    notebooks : iterable of str, optional
        Notebook names or numbers; default all of them.
    out : path, default "reports"
        The report folder: ``<out>/<company>/<notebook>.ipynb|html``, ``summary.csv|html``.
    jobs : int, optional
        Notebooks run at once (default: the number of cores).
    parameters : dict, optional
        Notebook parameters for every run.
    timeout : int or None, default 1800
        Seconds one notebook may run before it is stopped and failed.
    html_code : bool, default False
        Keep code cells in the HTML reports (for trainers).
    force : bool, default False
        Run again even where a report is up to date.
    progress : callable, optional
        Called with (result, done, total) after each run.
    scheduler : str, optional
        Run on a Dask distributed cluster (its scheduler's address, e.g. ``tcp://10.0.0.5:8786``):
        every worker needs salesnb installed, the notebooks, datasets and ``out`` at the same
        paths (a shared file system), and one thread per worker process (``dask worker ADDRESS
        --nthreads 1 --nworkers N``), since a notebook run changes its process's working folder.
    notebooks_dir : path, optional
        The notebooks folder (default the workbook folder's ``notebooks/``).
    cache : bool or path, default True
        Load each company once into the company cache (:func:`warm_cache`; default folder
        :func:`salesnb.cache.batch_dir`), so its notebooks and later runs read the validated
        tables from Parquet instead of parsing the files again; a changed input file gives a
        new cache key, never a stale company. ``False`` turns it off.

    Returns
    -------
    list of Result
        One per (company, notebook), including skipped and up-to-date ones.

    Raises
    ------
    ParameterError
        For an unknown notebook name or two companies sharing a report folder.
    """
    kernel = ensure_kernel()
    ds = find_datasets(datasets or [default_samples_dir()])
    root = Path(notebooks_dir) if notebooks_dir else None
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    by_language: dict[str, list[Path]] = {}
    for d in ds:
        by_language.setdefault(dataset_language(d, parameters), []).append(d)
    todo, results, titles = [], [], {}
    for lang, group in sorted(by_language.items()):
        nbs = find_notebooks(notebooks, root, lang)
        titles.update({nb.stem: notebook_title(nb) for nb in nbs})
        jobs_, done_ = plan(group, nbs, out, parameters, kernel, timeout, html_code, force, language=lang)
        todo += jobs_
        results += done_
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
    summary_language = next(iter(by_language)) if len(by_language) == 1 else "en"
    write_summary(results, out, summary_language, titles)
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
        """Advance the bar by one finished run; a failure also gets a line."""
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
    """One line per finished notebook (PL: wiersz postępu), for logs where a bar would not show.

    Parameters
    ----------
    result : Result
    done, total : int
        Runs finished so far, and in all.
    """
    print(_line(result, done, total), file=sys.stderr if result.status == "failed" else sys.stdout, flush=True)
