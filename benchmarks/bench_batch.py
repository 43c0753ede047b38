"""Batch benchmark: the full workbook over N generated companies, --jobs 1 and --jobs 2.

Prints, for N = 1, 4, 16 (or those given with --n): wall time, time per notebook run, the
speed-up of two processes over one, and the overhead per notebook run (wall time of the run
minus the time its cells took, i.e. kernel start, papermill, stamping, the HTML export),
next to the cost of starting and stopping a kernel alone, measured in the same run.

    .venv/bin/python benchmarks/bench_batch.py            # N = 1, 4, 16 (about 10 minutes)
    .venv/bin/python benchmarks/bench_batch.py --n 1 4    # quicker
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from salesnb import batch, samples
from salesnb.kernel import ensure_kernel

KINDS = list(samples.SAMPLES)


def make_companies(root: Path, n: int) -> list[Path]:
    """N companies cycling through the sample kinds, each with its own seed."""
    folders = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        folder = root / f"{i:02d}_{kind}"
        samples.write_company(folder, samples.generate(kind, seed=100 + i),
                              conventions="pl" if kind == "wholesale_pl" else "en")
        folders.append(folder)
    return folders


def cell_seconds(notebook: Path) -> float:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return sum(c.get("metadata", {}).get("papermill", {}).get("duration") or 0.0 for c in nb["cells"])


def kernel_start_cost(repeats: int = 3) -> float:
    from jupyter_client.manager import start_new_kernel

    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        km, kc = start_new_kernel(kernel_name=ensure_kernel())
        kc.execute_interactive("import salesnb, pandas, matplotlib.pyplot", timeout=60)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[1, 4, 16])
    args = ap.parse_args()
    kernel = kernel_start_cost()
    print(f"kernel start + imports + shutdown, alone: {kernel:.2f} s (median of 3)")
    print(f"{'N':>3} {'jobs':>4} {'runs':>5} {'wall s':>8} {'s/run':>7} {'speed-up':>8} {'overhead/run s':>15}")
    for n in args.n:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            companies = make_companies(root / "data", n)
            walls = {}
            for jobs in (1, 2):
                out = root / f"reports_{jobs}"
                t0 = time.perf_counter()
                results = batch.run(companies, out=out, jobs=jobs, force=True)
                wall = time.perf_counter() - t0
                walls[jobs] = wall
                runs = [r for r in results if r.status == "ok"]
                failed = [r for r in results if r.status == "failed"]
                overhead = statistics.median(r.seconds - cell_seconds(Path(r.output)) for r in runs)
                speed = f"{walls[1] / wall:.2f}x" if jobs == 2 else "-"
                print(f"{n:>3} {jobs:>4} {len(runs):>5} {wall:>8.1f} {wall / max(len(results), 1):>7.2f} "
                      f"{speed:>8} {overhead:>15.2f}" + (f"  FAILED: {len(failed)}" if failed else ""))
    print("overhead/run: median over runs of (run wall time - sum of its cells' durations); "
          "compare with the kernel line")


if __name__ == "__main__":
    main()
