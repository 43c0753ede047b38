"""Benchmark of salesnb.abcxyz (PL: pomiar wydajności analizy ABC/XYZ). A script, not a test.

Usage::

    .venv/bin/python benchmarks/bench_abcxyz.py            # both parts
    .venv/bin/python benchmarks/bench_abcxyz.py --part big     # 10M transactions only
    .venv/bin/python benchmarks/bench_abcxyz.py --part groups  # ABC in 1000 groups vs inventorize

Part "big": ABC, XYZ and the combined table (``abc_xyz``) for 10 million transactions, 500 000
clients, 36 months (``salesnb.samples.benchmark_transactions``), in a child process of its own.
Times are wall-clock (``time.perf_counter``), one run each. Memory, two figures:

- peak RSS of the child process (``VmHWM`` in ``/proc/self/status``; the kernel's high-water mark
  is reset with ``/proc/self/clear_refs`` after the data is generated, so it is the peak while
  the analysis ran, *including* the ~0.3 GB of input data resident; if the reset is not allowed
  it is ``resource.getrusage`` ``ru_maxrss``, the whole process's peak, generation included);
- the analysis's own peak allocation measured with ``tracemalloc`` in a second, separate call
  (numpy and pandas report their buffers to tracemalloc; tracemalloc slows the call, so that
  call is not timed).

Part "groups": ABC within 1 000 groups on 1 million rows (items with a value per group), with
``salesnb.abcxyz.abc(groups=...)`` and with ``inventorize.abc_dynamic(key_to_split=...)`` on the
same rows, thresholds 80/95, one run each; prints the ratio. ``inventorize`` is optional (``pip
install inventorize``); without it the part says so and the script still exits 0.

Rule differences: inventorize classes an item by the cumulative share *including* it (A if
< 0.8, B if < 0.95), which is salesnb's ``cumulative="including"`` (salesnb uses <= with a 1e-9
tolerance: the two differ only when a cumulative share equals a threshold within 1e-9, or on
tied values, which inventorize orders arbitrarily). salesnb's default ``cumulative="before"``
(domain.md s.3) keeps the item that crosses a threshold in the upper class, so it differs from
inventorize exactly on the crossing items: at most two per group. The script checks both claims.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

from memory import reset_peak as _reset_peak
from memory import rss_mb as _rss_mb


def part_big(n_tx: int, n_clients: int, months: int) -> dict:
    import gc
    import tracemalloc

    import pandas as pd

    from salesnb import abcxyz as ax
    from salesnb.samples import benchmark_transactions

    t0 = time.perf_counter()
    data = benchmark_transactions(n_tx, n_clients, months, seed=0)
    gen = time.perf_counter() - t0
    tx, customers = data["transactions"], data["customers"]
    gc.collect()
    res = {"rows": len(tx), "clients": int(tx["customer_id"].nunique()), "months": months, "generate_s": gen,
           "input_mb": tx.memory_usage(deep=False).sum() / 2**20, "rss_before_mb": _rss_mb("VmRSS")}
    reset = _reset_peak()
    res["peak_method"] = "VmHWM after clear_refs reset" if reset else "ru_maxrss (whole process, incl. generation)"

    res["load_avg_1min"] = os.getloadavg()[0]

    def timed(fn):
        w0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        return out, time.perf_counter() - w0, time.process_time() - c0

    # The headline: one call computes ABC, XYZ and the combined table (with products, product
    # lines, lifecycle rule and potential clients).
    table, res["abc_xyz_s"], res["abc_xyz_cpu_s"] = timed(lambda: ax.abc_xyz(tx, customers=customers))
    # The parts on their own, for reference.
    x, res["xyz_s"], res["xyz_cpu_s"] = timed(lambda: ax.xyz(tx))
    turnover, res["groupby_s"], _ = timed(lambda: tx.groupby("customer_id", observed=True)["amount"].sum())
    # Bind the turnover now: it is deleted below, before the tracemalloc call.
    classes, res["abc_s"], res["abc_cpu_s"] = timed(lambda values=turnover: ax.abc(values))
    res["abc_counts"] = classes.value_counts().sort_index().to_dict()
    res["xyz_counts"] = x["xyz"].value_counts(dropna=False).sort_index().astype(int).to_dict()
    res["table_rows"] = len(table)
    res["matrix_counts"] = table["abc_xyz"].value_counts().sort_index().astype(int).to_dict()
    if reset:
        res["peak_rss_mb"] = _rss_mb("VmHWM")
    else:
        res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    del table, x, classes, turnover
    gc.collect()
    tracemalloc.start()
    ax.abc_xyz(tx, customers=customers)
    res["abc_xyz_tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    res["process_max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res = {k: (str(v) if isinstance(v, pd.Timestamp) else v) for k, v in res.items()}
    return res


def part_groups(n_rows: int, n_groups: int, seed: int = 1) -> dict:
    import numpy as np
    import pandas as pd

    from salesnb import abcxyz as ax

    try:
        from inventorize import abc_dynamic  # noqa: F401  (import time is not measured)
    except ImportError:
        return {"skipped": "inventorize is not installed (pip install inventorize); the comparison was skipped."}

    rng = np.random.default_rng(seed)
    per = n_rows // n_groups
    store = np.repeat(np.array([f"S{i:04d}" for i in range(n_groups)], dtype=object), per)
    product = np.tile(np.array([f"P{i:05d}" for i in range(per)], dtype=object), n_groups)
    value = np.round(rng.lognormal(5.0, 1.5, n_groups * per), 2)
    df = pd.DataFrame({"store": store, "product": product, "value": value})
    thr = (0.8, 0.95)

    load = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    ours = ax.abc(df, thr, by="value", groups="store", ids="product")
    t_ours, c_ours = time.perf_counter() - t0, time.process_time() - c0
    ours_incl = ax.abc(df, thr, by="value", groups="store", ids="product", cumulative="including")

    t0, c0 = time.perf_counter(), time.process_time()
    inv = abc_dynamic(product=df["product"].to_numpy(), first_attribute=df["value"].to_numpy(),
                      key_to_split=df["store"].to_numpy(), A=thr[0], B=thr[1])
    t_inv, c_inv = time.perf_counter() - t0, time.process_time() - c0

    col = "category_first" if "category_first" in inv.columns else "category"
    inv_cls = inv.set_index(["key_to_split", "product"])[col]
    key = pd.MultiIndex.from_arrays([df["store"], df["product"]])
    inv_aligned = inv_cls.reindex(key).to_numpy()
    same_incl = int((ours_incl.astype(str).to_numpy() == inv_aligned).sum())
    diff_before = ours.astype(str).to_numpy() != inv_aligned
    # Crossing items: share before < threshold <= share including (per group).
    tab = ax.abc_table(df, thr, by="value", groups="store", ids="product")
    crossing = np.zeros(len(tab), bool)
    for t in thr:
        crossing |= (tab["cum_share_before"] < t) & (tab["cum_share"] >= t)
    crossing_keys = set(zip(tab.loc[crossing, "group"], tab.loc[crossing, "id"], strict=True))
    diff_keys = set(zip(df["store"][diff_before], df["product"][diff_before], strict=True))
    # Tied values (same value twice in a group): inventorize orders them arbitrarily (quicksort).
    tied = df.duplicated(["store", "value"], keep=False).to_numpy()
    tied_keys = set(zip(df["store"][tied], df["product"][tied], strict=True))
    diff_incl = ours_incl.astype(str).to_numpy() != inv_aligned
    diff_incl_keys = set(zip(df["store"][diff_incl], df["product"][diff_incl], strict=True))
    return {
        "rows": len(df), "groups": n_groups, "thresholds": thr,
        "salesnb_s": t_ours, "inventorize_s": t_inv, "ratio": t_inv / t_ours, "load_avg_1min": load,
        "salesnb_cpu_s": c_ours, "inventorize_cpu_s": c_inv, "cpu_ratio": c_inv / c_ours,
        "agree_with_including_rule": f"{same_incl}/{len(df)}",
        "differ_from_default_rule": int(diff_before.sum()),
        "all_differences_are_crossing_items": diff_keys <= crossing_keys | tied_keys,
        "including_differences_all_ties": diff_incl_keys <= tied_keys,
        "n_differences_not_crossing": len(diff_keys - crossing_keys),
        "max_differences_allowed": 2 * n_groups,
    }


def _child(part: str, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--child", part,
           "--transactions", str(args.transactions), "--clients", str(args.clients), "--months", str(args.months),
           "--rows", str(args.rows), "--groups", str(args.groups)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr, file=sys.stderr)
        raise SystemExit(f"the {part} part failed (exit {out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("all", "big", "groups"), default="all")
    ap.add_argument("--transactions", type=int, default=10_000_000)
    ap.add_argument("--clients", type=int, default=500_000)
    ap.add_argument("--months", type=int, default=36)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--groups", type=int, default=1_000)
    ap.add_argument("--child", choices=("big", "groups"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child == "big":
        print(json.dumps(part_big(args.transactions, args.clients, args.months), default=str))
        return 0
    if args.child == "groups":
        print(json.dumps(part_groups(args.rows, args.groups), default=str))
        return 0

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s)", flush=True)
    if args.part in ("all", "big"):
        r = _child("big", args)
        print(f"\n== ABC + XYZ + combined table: {r['rows']:,} transactions, {r['clients']:,} clients, "
              f"{r['months']} months ==")
        print(f"data generation (not measured below): {r['generate_s']:.1f} s; input {r['input_mb']:.0f} MB")
        print(f"load average (1 min) at the start: {r['load_avg_1min']:.2f} on {os.cpu_count()} cores "
              "(other work on the machine inflates wall time; CPU time is this process's own)")
        ok = "OK" if r["abc_xyz_s"] < 10 else "SLOW"
        print(f"abc_xyz: ABC + XYZ + combined table (+ products, lines, lifecycle, potential clients): "
              f"{r['abc_xyz_s']:.2f} s wall, {r['abc_xyz_cpu_s']:.2f} s CPU (target: well under 10 s) -> {ok}")
        print(f"  for reference, on their own: xyz {r['xyz_s']:.2f} s wall ({r['xyz_cpu_s']:.2f} s CPU); "
              f"abc on the {r['clients']:,} per-client turnovers {r['abc_s']:.2f} s wall ({r['abc_cpu_s']:.2f} s CPU), "
              f"after a pandas groupby of {r['groupby_s']:.2f} s")
        print(f"peak RSS while analysing: {r['peak_rss_mb']:.0f} MB [{r['peak_method']}] "
              f"(target < 4096 MB) -> {'OK' if r['peak_rss_mb'] < 4096 else 'OVER'}")
        print(f"abc_xyz's own peak allocation (tracemalloc, separate untimed call): "
              f"{r['abc_xyz_tracemalloc_peak_mb']:.0f} MB; process max RSS incl. generation "
              f"{r['process_max_rss_mb']:.0f} MB")
        print(f"ABC counts {r['abc_counts']}; XYZ counts {r['xyz_counts']}; table rows {r['table_rows']:,}")
    if args.part in ("all", "groups"):
        r = _child("groups", args)
        print(f"\n== ABC within {args.groups:,} groups on {args.rows:,} rows: salesnb vs inventorize.abc_dynamic ==")
        if "skipped" in r:
            print("NOTE:", r["skipped"])
        else:
            print(f"load average (1 min) at the start: {r['load_avg_1min']:.2f}")
            print(f"salesnb.abcxyz.abc(groups=...): {r['salesnb_s']:.3f} s wall ({r['salesnb_cpu_s']:.3f} s CPU)")
            print(f"inventorize.abc_dynamic(key_to_split=...): {r['inventorize_s']:.2f} s wall "
                  f"({r['inventorize_cpu_s']:.2f} s CPU)")
            print(f"ratio (inventorize / salesnb, one run): {r['ratio']:.0f}x wall, {r['cpu_ratio']:.0f}x CPU "
                  "(aim: 20x or more)")
            print(f"same class as inventorize with cumulative='including': {r['agree_with_including_rule']} "
                  f"(every difference on tied values, which inventorize orders arbitrarily: "
                  f"{r['including_differences_all_ties']})")
            print(f"differ from inventorize with the default cumulative='before': {r['differ_from_default_rule']} "
                  f"(at most {r['max_differences_allowed']}: the items crossing a threshold); all of them "
                  f"crossing items or ties: {r['all_differences_are_crossing_items']} "
                  f"({r['n_differences_not_crossing']} of them not crossing items but tied values)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
