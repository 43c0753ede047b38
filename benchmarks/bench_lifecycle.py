"""Benchmark: salesnb.lifecycle.statuses + manager_kpis at 10 million transactions.

Run:  .venv/bin/python benchmarks/bench_lifecycle.py [--n-transactions 10000000 --n-customers 500000]

The issue's bar: statuses and manager_kpis together well under 10 s and under 4 GB peak memory
for 10 M transactions / 500 000 clients (salesnb.samples.benchmark_transactions) on a 2-core
machine; compared with a straightforward groupby-apply version of statuses (it lives only here).

How it is measured:

- time: wall clock (time.perf_counter) of each call, data generation excluded;
- memory: peak resident set size (VmHWM in /proc/self/status) of this whole process, i.e.
  including the generated input tables already in memory. The high-water mark is reset (write
  "5" to /proc/self/clear_refs, Linux) after the data is generated, so the figure is the peak
  while statuses and manager_kpis run. The input tables' own size is printed for reference.
  Where the reset is not allowed, the process-lifetime peak (ru_maxrss) is printed instead and
  labelled so.
- groupby-apply: one Python function per client (``groupby(...).apply``). It is too slow for
  500 000 clients, so it runs on a subsample of clients (all their rows), the vectorised
  statuses runs on the same subsample, both results are checked to agree, and the apply time is
  extrapolated linearly in the number of clients (its cost is per group) to the full size.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd
from memory import peak_rss_mb as _rss_peak_mb
from memory import reset_peak as _reset_peak
from memory import rss_mb

from salesnb import lifecycle as lc
from salesnb.errors import DataWarning
from salesnb.periods import as_of_instant
from salesnb.samples import benchmark_transactions


def statuses_groupby_apply(transactions: pd.DataFrame, customers: pd.DataFrame, as_of, window) -> pd.Series:
    """The straightforward version: one Python function call per client (for comparison only)."""
    t = as_of_instant(as_of)
    a, b = lc.window_start(t, window, 1), lc.window_start(t, window, 2)
    s = transactions[(transactions["amount"] > 0) & (transactions["date"] <= t)]

    def one(dates: pd.Series) -> str:
        if dates.max() <= a:
            return "lost"
        if dates.min() > a:
            return "new"
        if ((dates > b) & (dates <= a)).any():
            return "regular"
        return "restored"

    res = s.groupby("customer_id", observed=True)["date"].apply(one)
    known = customers.loc[customers["first_contact"].isna() | (customers["first_contact"] <= t), "customer_id"]
    seen = transactions.loc[transactions["date"] <= t, "customer_id"]
    all_known = pd.Index(pd.unique(np.concatenate([np.asarray(known, dtype=object), np.asarray(seen, dtype=object)])))
    return res.reindex(all_known.astype(object)).fillna("potential").sort_index()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n-transactions", type=int, default=10_000_000)
    ap.add_argument("--n-customers", type=int, default=500_000)
    ap.add_argument("--months", type=int, default=36)
    ap.add_argument("--subsample-customers", type=int, default=25_000, help="clients for the groupby-apply comparison")
    ap.add_argument("--skip-apply", action="store_true")
    args = ap.parse_args()
    warnings.simplefilter("ignore", DataWarning)
    print(f"python {sys.version.split()[0]}, pandas {pd.__version__}, numpy {np.__version__}, cpus {os.cpu_count()}")

    t0 = time.perf_counter()
    data = benchmark_transactions(args.n_transactions, args.n_customers, months=args.months, seed=0)
    gen = time.perf_counter() - t0
    tx, cust = data["transactions"], data["customers"]
    in_mb = (tx.memory_usage(deep=True).sum() + cust.memory_usage(deep=True).sum()) / 2**20
    print(f"generated {len(tx):,} transactions, {len(cust):,} clients in {gen:.1f} s; input tables {in_mb:,.0f} MB")

    end = tx["date"].max().normalize()
    q_start = (end - pd.offsets.QuarterBegin(1, startingMonth=1)).normalize()
    gc.collect()
    base_rss = rss_mb()
    reset = _reset_peak()

    t0 = time.perf_counter()
    st = lc.statuses(data)
    t_status = time.perf_counter() - t0
    t0 = time.perf_counter()
    kpis = lc.manager_kpis(data, q_start, end)
    t_kpis = time.perf_counter() - t0
    peak, how = _rss_peak_mb()
    label = "peak RSS while computing" if reset else "peak RSS of the whole run (reset not allowed)"
    total = t_status + t_kpis
    print(f"statuses      {t_status:6.2f} s   ({len(st):,} clients: {lc.status_counts(st).to_dict()})")
    print(f"manager_kpis  {t_kpis:6.2f} s   (period {q_start.date()}..{end.date()}, {len(kpis) - 1} managers)")
    print(f"together      {total:6.2f} s   bar: < 10 s  -> {'OK' if total < 10 else 'MISSED'}")
    print(f"{label} ({how}): {peak:,.0f} MB (process RSS before: {base_rss:,.0f} MB; "
          f"added while computing: {peak - base_rss:,.0f} MB)   bar: < 4096 MB -> {'OK' if peak < 4096 else 'MISSED'}")
    del st, kpis
    gc.collect()

    if args.skip_apply:
        return
    # groupby-apply on a subsample of clients (all their rows), extrapolated per client
    k = min(args.subsample_customers, len(cust))
    rng = np.random.default_rng(1)
    chosen = np.sort(rng.choice(len(cust), size=k, replace=False))
    keep_ids = cust["customer_id"].iloc[chosen]
    sub_tx = tx[tx["customer_id"].isin(keep_ids)].copy()
    sub_cust = cust.iloc[chosen].copy()
    for df in (sub_tx, sub_cust):
        df["customer_id"] = df["customer_id"].cat.remove_unused_categories()
    as_of = tx["date"].max().normalize()
    t0 = time.perf_counter()
    ref = statuses_groupby_apply(sub_tx, sub_cust, as_of, "3M")
    t_apply = time.perf_counter() - t0
    t0 = time.perf_counter()
    vec = lc.statuses(sub_tx, sub_cust, as_of=as_of, window="3M")
    t_vec = time.perf_counter() - t0
    same = (dict(zip(vec["customer_id"].astype(str), vec["status"].astype(str), strict=True))
            == {str(i): v for i, v in ref.items()})
    scale = len(cust) / k
    print(f"subsample: {k:,} clients, {len(sub_tx):,} rows; groupby-apply statuses {t_apply:.2f} s, "
          f"vectorised {t_vec:.3f} s (ratio {t_apply / t_vec:,.0f}x); results identical: {same}")
    print(f"groupby-apply extrapolated x{scale:.0f} clients: ~{t_apply * scale:,.0f} s vs vectorised statuses "
          f"{t_status:.2f} s at full size -> ratio ~{t_apply * scale / t_status:,.0f}x")


if __name__ == "__main__":
    main()
