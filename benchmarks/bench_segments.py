"""Benchmark of salesnb.segments (PL: pomiar wydajności segmentacji). A script, not a test.

Usage::

    .venv/bin/python benchmarks/bench_segments.py                  # builds the folder once, then measures
    .venv/bin/python benchmarks/bench_segments.py --rebuild        # build the company folder again
    .venv/bin/python benchmarks/bench_segments.py --n-transactions 1000000 --n-customers 50000 --folder /tmp/small

The issue's bar: target groups, maturity, the offer-state grid and RFM for 500 000 clients and
10 million transactions in a few seconds, through ``salesnb.load_company`` on a generated company
folder, under ~6 GB of peak memory.

The company folder (built once into ``--folder``, default ``/tmp/salesnb_bench_segments``, and
reused; a few minutes): ``salesnb.samples.benchmark_transactions`` (10 M transactions, 500 000
buying clients and 5% leads, 6 product lines, 36 months), customers with three "from birth"
attributes (industry, employees, region), a ``segments.yml`` with seven target groups (two of
them overlap) and a portrait, and 1 million deals naming a product line, written with
``salesnb.samples.write_company`` (plain CSV) and read back with ``load_company``.

Figures (one run each, wall clock, ``time.perf_counter``), each beside a plain pandas equivalent
computed in the same run from the same loaded tables, and the two results compared:

- ``prepare``: the one encoding of the company (as-of date, period, groups, client x line net
  turnover) that the methods below share; the pandas side pays its own encoding inside each of
  its figures. ``load_company`` gives the ids as categoricals, so no string hashing is left;
- groups: ``group_summary`` on the customers vs pandas masks per rule and a first-match select;
- maturity: ``maturity`` vs groupby(client, line) net turnover in the period, merged with the
  portrait and counted per client;
- grid: ``offer_grid`` vs a pandas merge of every (client, targeted line) with the best deal per
  (client, line) and the used pairs;
- RFM: ``rfm`` vs groupby last date, distinct purchase days and net turnover, with pandas
  ``rank(method="average")`` for the scores.

Memory: peak RSS (``VmHWM``, reset with ``/proc/self/clear_refs`` after loading, so it is the
peak while the methods and their pandas peers ran, *including* the loaded tables resident), and
the RSS of the loaded company for reference.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from memory import peak_rss_mb, reset_peak, rss_mb

import salesnb
from salesnb import segments as S
from salesnb.rules import rule_mask
from salesnb.samples import SampleCompany, benchmark_transactions, write_company

STAGES = ("presentation", "offer", "agreement", "implementation")
LINES = [f"Line {i + 1}" for i in range(6)]
SEGMENTS = {
    "segments": [
        {"id": "large_production", "name": "Large production",
         "rules": {"industry": "production", "employees": ">1000"}},
        {"id": "sme_production", "name": "SME production", "rules": {"industry": "production", "employees": "<150"}},
        {"id": "large_trade", "name": "Large trade", "rules": {"industry": "trade", "employees": ">1000"}},
        {"id": "sme_trade", "name": "SME trade", "rules": {"industry": ["trade", "retail"], "employees": "<150"}},
        {"id": "services", "name": "Services", "rules": {"industry": "services", "region": ["north", "south"]}},
        {"id": "education", "name": "Education", "rules": {"industry": "education", "employees": ">=20"}},
        {"id": "small", "name": "Small clients", "rules": {"employees": "<20"}},
    ],
    "portrait": {
        "large_production": LINES[:5], "sme_production": [LINES[0], LINES[2], LINES[4]],
        "large_trade": [LINES[0], LINES[1], LINES[3], LINES[5]], "sme_trade": [LINES[0], LINES[1], LINES[3]],
        "services": [LINES[1], LINES[2], LINES[5]], "education": [LINES[1], LINES[3], LINES[4]],
        "small": [LINES[0], LINES[4]],
    },
}


def build(folder: Path, n_tx: int, n_clients: int, n_deals: int) -> None:
    t0 = time.perf_counter()
    data = benchmark_transactions(n_tx, n_clients, months=36, seed=0, n_product_lines=len(LINES))
    tx, customers = data["transactions"], data["customers"]
    rng = np.random.default_rng(14)
    n = len(customers)
    customers["industry"] = pd.Categorical.from_codes(
        rng.choice(6, n, p=[0.25, 0.3, 0.1, 0.2, 0.1, 0.05]),
        categories=["production", "trade", "retail", "services", "education", "public"])
    customers["employees"] = (np.round(rng.lognormal(4.5, 1.6, n)) + 1).astype(np.int64)
    customers["region"] = pd.Categorical.from_codes(rng.integers(0, 4, n),
                                                    categories=["north", "south", "east", "west"])
    as_of = tx["date"].max().normalize()
    start = tx["date"].min().normalize()
    span = int((as_of - start).days)
    who = rng.integers(0, n, n_deals)
    opened = rng.integers(0, span, n_deals)
    outcome = rng.choice(np.array(["won", "lost", "open"], dtype=object), n_deals, p=[0.3, 0.5, 0.2])
    closed = np.minimum(opened + rng.integers(3, 60, n_deals), span).astype(float)
    closed[outcome == "open"] = np.nan
    stage = np.array(STAGES, dtype=object)[rng.integers(0, len(STAGES), n_deals)]
    stage[outcome == "won"] = STAGES[-1]
    deals = pd.DataFrame({
        "deal_id": [f"D{i:07d}" for i in range(n_deals)],
        "customer_id": customers["customer_id"].to_numpy()[who],
        "salesperson": customers["salesperson"].to_numpy()[who],
        "opened_at": start + pd.to_timedelta(opened, unit="D"),
        "stage_reached": stage,
        "outcome": outcome,
        "refusal_stage": np.where(outcome == "lost", stage, None),
        "refusal_reason": np.where(outcome == "lost", "price", None),
        "closed_at": start + pd.to_timedelta(closed, unit="D"),
        "amount": np.round(rng.lognormal(8, 1, n_deals), 2),
        "product_line": np.array(LINES, dtype=object)[rng.integers(0, len(LINES), n_deals)],
    })
    config = {"name": "Segments benchmark", "currency": "PLN", "language": "en", "as_of": as_of.date(),
              "deal_stages": list(STAGES)}
    sample = SampleCompany("bench_segments", config, {"transactions": tx, "customers": customers, "deals": deals},
                           SEGMENTS, "en", {})
    gen = time.perf_counter() - t0
    write_company(folder, sample, conventions="en")
    print(f"built {folder}: {len(tx):,} transactions, {n:,} clients, {n_deals:,} deals "
          f"(generated in {gen:.0f} s, written in {time.perf_counter() - t0 - gen:.0f} s)")


# --------------------------------------------------------------------------------------------
# The plain pandas peers


def groups_pandas(customers: pd.DataFrame, segments: dict) -> pd.Series:
    masks = []
    for g in segments["segments"]:
        m = pd.Series(True, index=customers.index)
        for attr, rule in g["rules"].items():
            m &= rule_mask(customers[attr], rule)
        masks.append(m.to_numpy())
    return pd.Series(np.select(masks, [g["id"] for g in segments["segments"]], default=S.OUTSIDE),
                     index=customers["customer_id"].to_numpy())


def period_rows(tx: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    start = (as_of.to_period("M") - 11).start_time
    return tx[(tx["date"] >= start) & (tx["date"] < as_of + pd.Timedelta(days=1))]


def maturity_pandas(tx: pd.DataFrame, segment: pd.Series, segments: dict, as_of: pd.Timestamp) -> pd.Series:
    p = period_rows(tx, as_of)
    buyers = pd.Index(p.loc[p["amount"] > 0, "customer_id"].unique())
    net = p.groupby(["customer_id", "product_line"], observed=True)["amount"].sum().round(4)
    used = net[net > 0].reset_index()[["customer_id", "product_line"]]
    portrait = pd.DataFrame([(g, x) for g, lines in segments["portrait"].items() for x in lines],
                            columns=["segment", "product_line"])
    seg = segment.rename("segment").rename_axis("customer_id").reset_index()
    seg = seg[seg["customer_id"].isin(buyers) & (seg["segment"] != S.OUTSIDE)]
    targeted = seg.merge(portrait, on="segment")
    hit = targeted.merge(used, on=["customer_id", "product_line"], how="inner")
    n_t = targeted.groupby("customer_id").size()
    n_u = hit.groupby("customer_id").size().reindex(n_t.index, fill_value=0)
    return (n_u / n_t).sort_index()


def grid_pandas(tx: pd.DataFrame, deals: pd.DataFrame, segment: pd.Series, segments: dict,
                as_of: pd.Timestamp) -> pd.Series:
    p = period_rows(tx, as_of)
    net = p.groupby(["customer_id", "product_line"], observed=True)["amount"].sum().round(4)
    used = net[net > 0].reset_index()[["customer_id", "product_line"]].assign(uses=True)
    portrait = pd.DataFrame([(g, x) for g, lines in segments["portrait"].items() for x in lines],
                            columns=["segment", "product_line"])
    seg = segment.rename("segment").rename_axis("customer_id").reset_index()
    cells = seg[seg["segment"] != S.OUTSIDE].merge(portrait, on="segment")
    t = as_of + pd.Timedelta(days=1)
    d = deals[deals["opened_at"] < t].copy()
    done = d["closed_at"].notna() & (d["closed_at"] < t)
    d["rank"] = np.where((d["outcome"] == "won") & done, 3, np.where((d["outcome"] == "lost") & done, 1, 2))
    best = d.groupby(["customer_id", "product_line"])["rank"].max().rename("rank").reset_index()
    cells = cells.merge(best, on=["customer_id", "product_line"], how="left").merge(
        used, on=["customer_id", "product_line"], how="left")
    state = np.where(cells["uses"].fillna(False).astype(bool), "uses",
                     cells["rank"].map({3: "contract", 2: "application", 1: "refused"}).fillna("not_offered"))
    return pd.Series(state).value_counts()


def rfm_pandas(tx: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    sales = tx[(tx["amount"] > 0) & (tx["date"] < as_of + pd.Timedelta(days=1))]
    recency = (as_of - sales.groupby("customer_id", observed=True)["date"].max().dt.normalize()).dt.days
    p = period_rows(tx, as_of)
    ps = p[p["amount"] > 0]
    freq = ps.assign(day=ps["date"].dt.normalize()).groupby("customer_id", observed=True)["day"].nunique()
    money = p.groupby("customer_id", observed=True)["amount"].sum()
    out = pd.DataFrame({"recency": recency})
    out["frequency"] = freq.reindex(out.index, fill_value=0)
    out["monetary"] = money.reindex(out.index, fill_value=0.0).round(2)
    for col, asc in (("recency", False), ("frequency", True), ("monetary", True)):
        pct = out[col].rank(method="average", ascending=asc) / len(out)  # mid-rank + 1/2 / n
        out[f"{col}_score"] = (1 + np.floor(5 * (pct - 0.5 / len(out)) + 1e-9)).astype(np.int64)
    return out.sort_index()


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=Path("/tmp/salesnb_bench_segments"))
    ap.add_argument("--n-transactions", type=int, default=10_000_000)
    ap.add_argument("--n-customers", type=int, default=500_000)
    ap.add_argument("--n-deals", type=int, default=1_000_000)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}, pandas {pd.__version__}, numpy {np.__version__}")
    if args.rebuild or not (args.folder / "transactions.csv").exists():
        build(args.folder, args.n_transactions, args.n_customers, args.n_deals)
    company, t_load = timed(lambda: salesnb.load_company(args.folder))
    gc.collect()
    loaded_mb = rss_mb()
    print(f"load_company {t_load:6.1f} s: {len(company.transactions):,} transactions, {len(company.customers):,} "
          f"clients, {len(company.deals):,} deals; RSS after loading {loaded_mb:,.0f} MB")
    reset = reset_peak()
    T = company.analysis_date
    tx, cust, deals = company.transactions, company.customers, company.deals

    rows = []
    d, t_prep = timed(lambda: S.prepare(company))
    rows.append(["prepare (shared encoding)", t_prep, None, None, ""])

    summary, t_g = timed(lambda: S.group_summary(cust, company.segments))
    ref_g, t_gp = timed(lambda: groups_pandas(cust, company.segments))
    same = summary["clients"].to_dict() == ref_g.value_counts().reindex(summary.index, fill_value=0).to_dict()
    rows.append(["target groups (group_summary)", t_g, None, t_gp, f"same counts: {same}"])

    mat, t_m = timed(lambda: S.maturity(d))
    ref_m, t_mp = timed(lambda: maturity_pandas(tx, ref_g, company.segments, T))
    got = mat["maturity"].dropna().sort_index()
    same = len(got) == len(ref_m) and bool(np.allclose(got.to_numpy(), ref_m.to_numpy()))
    rows.append([f"maturity ({len(got):,} clients)", t_m, None, t_mp, f"same values: {same}"])

    grid, t_o = timed(lambda: S.offer_grid(d))
    ref_o, t_op = timed(lambda: grid_pandas(tx, deals, ref_g, company.segments, T))
    counts = grid["state"].value_counts()
    same = counts.astype(int).to_dict() == ref_o.reindex(counts.index, fill_value=0).astype(int).to_dict()
    rows.append([f"offer grid ({len(grid):,} cells)", t_o, None, t_op, f"same state counts: {same}"])

    r, t_r = timed(lambda: S.rfm(d))
    ref_r, t_rp = timed(lambda: rfm_pandas(tx, T))
    cols = ["recency", "frequency", "monetary", "recency_score", "frequency_score", "monetary_score"]
    same = len(r) == len(ref_r) and all(np.allclose(r[c].to_numpy(dtype=float), ref_r[c].to_numpy(dtype=float))
                                        for c in cols)
    rows.append([f"RFM ({len(r):,} clients)", t_r, None, t_rp, f"same values and scores: {same}"])
    peak, how = peak_rss_mb()
    d = mat = grid = r = None  # free them before the second pass
    gc.collect()

    peak2, _ = peak_rss_mb()

    print(f"\nload average (1 min) {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'figure':34s} {'salesnb':>9s} {'pandas':>9s}  check")
    for name, a, _, c, note in rows:
        print(f"{name:34s} {a:8.2f}s {'' if c is None else f'{c:8.2f}s':>9s}  {note}")
    print(f"{'together':34s} {sum(x[1] for x in rows):8.2f}s {sum(x[3] for x in rows if x[3]):8.2f}s   "
          f"bar: a few seconds")
    ids = "categorical" if isinstance(tx["customer_id"].dtype, pd.CategoricalDtype) else "text"
    print(f"salesnb: on the tables as load_company gives them (ids {ids}); "
          f"pandas: the plain groupby peers on the same loaded tables, each paying its own encoding")
    label = "peak RSS while computing" if reset else "peak RSS of the whole run (reset not allowed)"
    print(f"{label} ({how}): {max(peak, peak2):,.0f} MB (loaded company {loaded_mb:,.0f} MB)   bar: ~6 GB -> "
          f"{'OK' if max(peak, peak2) < 6144 else 'MISSED'}")

    gc.collect()
    cl, t_c = timed(lambda: S.rfm_clusters(ref_r.assign(segment="")))
    print(f"RFM clusters (k-means on a sample of 20 000, k by silhouette): {t_c:.2f} s, k = {cl.k}")


if __name__ == "__main__":
    main()
