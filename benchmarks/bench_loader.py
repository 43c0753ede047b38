"""Benchmark of the data layer through the front door (PL: pomiar wczytywania danych). A script.

Usage::

    .venv/bin/python benchmarks/bench_loader.py                 # everything (about 15 minutes)
    .venv/bin/python benchmarks/bench_loader.py --sizes 1       # 1M rows only
    .venv/bin/python benchmarks/bench_loader.py --parts load real

Company folders are generated once into ``.benchmarks/loader/`` (git-ignored) with the samples
generator: ``wholesale_pl`` at scale 140 (about 1M transactions) written by
``samples.write_company`` in Polish conventions (``;``, decimal comma with space-separated
thousands, cp1250, dd.mm.yyyy, CRLF) and in English ones (``,``, decimal point, UTF-8, ISO
dates). The 10M (and the workbook's 5M) companies repeat the 1M transactions and clients with
new client ids per copy (``HG00031`` -> ``HA00031``, ...), written with a byte-level writer of
this script: generating 10M rows with the generator itself needs ~18 GB and minutes.

Parts, each in a child process of its own so that its peak memory is its own (VmHWM, reset
after imports):

- ``load``: per company, ``pyarrow.csv.read_csv`` and ``pandas.read_csv`` of the transactions
  file (the options a user would pass: separator, encoding, decimal mark), then
  ``salesnb.load_company`` of the whole folder (every table, every check), then
  ``abc_xyz(company)``, ``statuses(company)`` and ``manager_kpis(company, ...)`` on what it
  returned, beside the same three on ``samples.benchmark_transactions`` (categorical frames
  built directly: what ``bench_abcxyz.py`` and ``bench_lifecycle.py`` measure);
- ``workbook``: ``salesnb run`` of every notebook on the 5M-row Polish company with
  ``--jobs 2`` and the company cache in ``.benchmarks/loader/cache``: the first run (the cache
  is filled once), a rerun (reports up to date) and a rerun with ``--force`` (every notebook
  again, the company read from the cache);
- ``real``: the UCI Online Retail export (``../shared/data/online_retail.csv.gz`` from the
  repository root, skipped when absent) loaded as a user would: an ``Amount`` column
  (quantity x unit price, so cancellations are negative), lines without a client left out,
  headers and the date format in ``company.yml``; load, ``salesnb check`` and each analysis.

Times are wall-clock, one run each, on a machine others share: compare within one run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".benchmarks" / "loader"
BASE_SCALE = 140  # wholesale_pl at scale 140: about 1M transactions
_LETTERS = b"ABCDEFIJKLMNOPQRSTUVWXYZ"  # no G: HG is the original prefix


def _rss(field: str) -> float | None:
    from memory import rss_mb  # benchmarks/memory.py (the script's folder is on sys.path)

    return rss_mb(field)


# --------------------------------------------------------------------------------------------
# Data


def _files(conv: str) -> tuple[str, str, bytes]:
    return (("sprzedaz.csv", "klienci.csv", b";") if conv == "pl" else ("transactions.csv", "customers.csv", b","))


def make_base(data: Path) -> None:
    """The 1M-row companies, Polish and English, from the samples generator."""
    if (data / "pl_1m" / "company.yml").exists() and (data / "en_1m" / "company.yml").exists():
        return
    from salesnb import samples

    t0 = time.perf_counter()
    sample = samples.generate("wholesale_pl", seed=0, scale=BASE_SCALE)
    for conv in ("pl", "en"):
        tmp = data / f".{conv}_1m.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        samples.write_company(tmp, sample, conventions=conv)
        shutil.rmtree(data / f"{conv}_1m", ignore_errors=True)
        tmp.rename(data / f"{conv}_1m")
    print(f"generated the 1M-row companies in {time.perf_counter() - t0:.0f} s", flush=True)


def tile(data: Path, conv: str, copies: int) -> Path:
    """A company with ``copies`` times the 1M company's transactions and clients (new ids per copy)."""
    dst = data / f"{conv}_{copies}m"
    if (dst / "company.yml").exists():
        return dst
    src = data / f"{conv}_1m"
    tx_name, cust_name, sep = _files(conv)
    tmp = data / f".{conv}_{copies}m.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(src, tmp)
    for name, lead in ((tx_name, sep), (cust_name, b"\n")):
        raw = (src / name).read_bytes()
        header, body = raw.split(b"\n", 1)
        with open(tmp / name, "wb") as out:
            out.write(header + b"\n")
            for k in range(copies):
                # copy k: client HG00031 becomes HA00031, HB00031, ... (ids are the only "HG" after `lead`)
                out.write(body if k == 0 else (b"\n" + body).replace(lead + b"HG", lead + b"H" + _LETTERS[k - 1:k])[1:])
    tmp.rename(dst)
    return dst


def write_online_retail(folder: Path) -> Path | None:
    """The UCI Online Retail export prepared as a user would (see the module doc)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pv

    src = next((b / "online_retail.csv.gz" for b in (ROOT.parent / "shared" / "data",
                                                     ROOT.parent.parent / "shared" / "data")
                if (b / "online_retail.csv.gz").exists()), None)
    if src is None:
        return None
    if (folder / "company.yml").exists():
        return folder
    t = pv.read_csv(src, convert_options=pv.ConvertOptions(column_types={
        c: pa.string() for c in ("InvoiceNo", "StockCode", "Description", "InvoiceDate", "CustomerID", "Country")}))
    t = t.filter(pc.invert(pc.equal(t["CustomerID"], "")))
    t = t.append_column("Amount", pc.round(pc.multiply(pc.cast(t["Quantity"], pa.float64()), t["UnitPrice"]), 2))
    folder.mkdir(parents=True, exist_ok=True)
    pv.write_csv(t, folder / "transactions.csv")
    (folder / "company.yml").write_text(
        "name: Online Retail (UCI)\ncurrency: GBP\ntables:\n  transactions:\n    date_format: \"%Y-%m-%d %H:%M:%S\"\n"
        "    columns:\n      date: InvoiceDate\n      customer_id: CustomerID\n      amount: Amount\n"
        "      product: StockCode\n      quantity: Quantity\n      document_id: InvoiceNo\n", encoding="utf-8")
    return folder


# --------------------------------------------------------------------------------------------
# Child parts (each prints one JSON line)


def _timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def child_peer(folder: str, conv: str, engine: str) -> dict:
    import pandas as pd
    import pyarrow.csv as pv
    from memory import reset_peak

    tx_name, _, _ = _files(conv)
    path = Path(folder) / tx_name
    reset_peak()
    if engine == "pyarrow":
        opts = {} if conv == "en" else {"read_options": pv.ReadOptions(encoding="cp1250"),
                                        "parse_options": pv.ParseOptions(delimiter=";")}
        table, s = _timed(lambda: pv.read_csv(path, **opts))
        rows = table.num_rows
    else:
        opts = {} if conv == "en" else {"sep": ";", "decimal": ",", "encoding": "cp1250"}
        table, s = _timed(lambda: pd.read_csv(path, **opts))
        rows = len(table)
    return {"seconds": s, "rows": rows, "peak_mb": _rss("VmHWM")}


def child_load(folder: str, analyses: bool) -> dict:
    import warnings

    import pandas as pd
    from memory import reset_peak

    import salesnb

    warnings.simplefilter("ignore")
    reset_peak()
    company, s = _timed(lambda: salesnb.load_company(folder, cache=False))
    res = {"seconds": s, "peak_mb": _rss("VmHWM"), "rows": len(company.transactions),
           "clients": int(company.customers["customer_id"].nunique()),
           "tables": {t: len(getattr(company, t)) for t in salesnb.schema.TABLES if company.has(t)}}
    if analyses:
        res.update(_analyses(company, company.analysis_date))
    del pd
    return res


def _analyses(data, end) -> dict:
    import pandas as pd

    from salesnb import abcxyz, lifecycle
    from salesnb.errors import DataError

    q_start = (end - pd.offsets.QuarterBegin(1, startingMonth=1)).normalize()
    if isinstance(data, dict):  # frames built directly, called as bench_abcxyz.py does
        _, a = _timed(lambda: abcxyz.abc_xyz(data["transactions"], customers=data["customers"]))
    else:
        _, a = _timed(lambda: abcxyz.abc_xyz(data))
    _, b = _timed(lambda: lifecycle.statuses(data))
    try:
        _, c = _timed(lambda: lifecycle.manager_kpis(data, q_start, end))
    except DataError as e:  # the real export has no managers and no product lines
        c = f"n/a ({e.problems[0].message.split(',')[0]})"
    return {"abc_xyz_s": a, "statuses_s": b, "manager_kpis_s": c}


def child_reference(rows: int, clients: int) -> dict:
    import warnings

    from salesnb.samples import benchmark_transactions

    warnings.simplefilter("ignore")
    data = benchmark_transactions(rows, clients, 36, seed=0)
    return {"rows": rows, "clients": clients, **_analyses(data, data["transactions"]["date"].max().normalize())}


def child_real(folder: str) -> dict:
    import warnings

    from memory import reset_peak

    import salesnb
    from salesnb import lifecycle
    from salesnb.cli import check_dataset

    warnings.simplefilter("ignore")
    reset_peak()
    company, load_s = _timed(lambda: salesnb.load_company(folder, cache=False))
    peak = _rss("VmHWM")
    _, check_s = _timed(lambda: check_dataset(folder))
    status = lifecycle.statuses(company, as_of="2011-03-31")
    res = {"load_s": load_s, "check_s": check_s, "peak_mb": peak, "rows": len(company.transactions),
           "clients": int(company.customers["customer_id"].nunique()),
           "potential_2011_03_31": int((status["status"] == "potential").sum()),
           "known_2011_03_31": len(status)}
    res.update(_analyses(company, company.analysis_date))
    return res


def _child(*args: str) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--child", *args]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"the child {args} failed (exit {out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------


def part_load(data: Path, sizes: list[int]) -> None:
    print("\n== load_company (every table, every check) beside pyarrow and pandas on the transactions file ==")
    print(f"{'company':<10} {'rows':>11} {'pyarrow s':>9} {'pandas s':>9} {'salesnb s':>9} {'ratio':>6} "
          f"{'peak MB':>8} {'(pyarrow MB':>11} {'pandas MB)':>10}  bars")
    for size in sizes:
        for conv in ("pl", "en"):
            folder = data / f"{conv}_1m" if size == 1 else tile(data, conv, size)
            pa_ = _child("peer", str(folder), conv, "pyarrow")
            pd_ = _child("peer", str(folder), conv, "pandas")
            ld = _child("load", str(folder), "0")
            ratio = ld["seconds"] / pa_["seconds"]
            bars = (f"<= 2x pyarrow {'OK' if ratio <= 2 else 'MISSED'}; "
                    f"< 10 s {'OK' if ld['seconds'] < 10 else 'MISSED'}; "
                    f"<= 2.5 GB {'OK' if ld['peak_mb'] <= 2560 else 'MISSED'}")
            print(f"{conv}_{size}m{'':<5} {ld['rows']:>11,} {pa_['seconds']:>9.2f} {pd_['seconds']:>9.2f} "
                  f"{ld['seconds']:>9.2f} {ratio:>5.2f}x {ld['peak_mb']:>8,.0f} {pa_['peak_mb']:>11,.0f} "
                  f"{pd_['peak_mb']:>10,.0f}  {bars}", flush=True)


def part_analyses(data: Path, size: int) -> None:
    folder = data / "pl_1m" if size == 1 else tile(data, "pl", size)
    loaded = _child("load", str(folder), "1")
    if loaded:
        ref = _child("reference", str(loaded["rows"]), str(loaded["clients"]))
        ref500 = _child("reference", "10000000", "500000")
        print(f"\n== analyses on what load_company returned ({loaded['rows']:,} rows, {loaded['clients']:,} clients) "
              f"vs frames built directly (samples.benchmark_transactions) ==")
        print(f"{'analysis':<14} {'loaded s':>9} {'built s':>9} {'ratio':>6} {'bench 10M/500k s':>17}  bar (<= 1.5x)")
        for key, label in (("abc_xyz_s", "abc_xyz"), ("statuses_s", "statuses"), ("manager_kpis_s", "manager_kpis")):
            r = loaded[key] / ref[key]
            print(f"{label:<14} {loaded[key]:>9.2f} {ref[key]:>9.2f} {r:>5.2f}x {ref500[key]:>17.2f}  "
                  f"{'OK' if r <= 1.5 else 'MISSED'}", flush=True)


def part_workbook(data: Path, rows_m: int = 5) -> None:
    folder = tile(data, "pl", rows_m)
    out = data / "reports"
    cache = data / "cache"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)  # the first run fills it
    env = {**os.environ, "SALESNB_CACHE": str(cache)}
    exe = str(Path(sys.executable).parent / "salesnb")
    from salesnb.workbook import find_notebooks

    print(f"\n== whole workbook (salesnb run, every notebook: {len(find_notebooks())}, --jobs 2) on the {rows_m}M-row "
          f"Polish company ==")
    for label, extra, bar in (("first run (fills the company cache)", [], 80), ("rerun (reports up to date)", [], 10),
                              ("rerun --force (notebooks again, company from the cache)", ["--force"], None)):
        t0 = time.perf_counter()
        proc = subprocess.run([exe, "run", str(folder), "--out", str(out), "--jobs", "2", "--log", *extra],
                              capture_output=True, text=True, env=env)
        s = time.perf_counter() - t0
        tail = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-300:]
        verdict = "" if bar is None else f"  bar < {bar} s: {'OK' if s < bar else 'MISSED'}"
        print(f"{label:<58} {s:7.1f} s{verdict}   [{tail}]", flush=True)
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)


def part_real(data: Path) -> None:
    folder = write_online_retail(data / "online_retail")
    print("\n== the real export: UCI Online Retail (541,909 invoice lines; 406,829 with a client) ==")
    if folder is None:
        print("skipped: ../shared/data/online_retail.csv.gz is not there")
        return
    r = _child("real", str(folder))
    pa_ = _child("peer", str(folder), "en", "pyarrow")
    pd_ = _child("peer", str(folder), "en", "pandas")
    print(f"transactions.csv read by pyarrow.csv.read_csv {pa_['seconds']:.2f} s, by pandas.read_csv "
          f"{pd_['seconds']:.2f} s; load_company / pyarrow {r['load_s'] / pa_['seconds']:.2f}x")
    kpis = r["manager_kpis_s"]
    kpis = f"{kpis:.2f} s" if isinstance(kpis, float) else kpis
    print(f"load_company {r['load_s']:.2f} s (peak {r['peak_mb']:,.0f} MB), salesnb check {r['check_s']:.2f} s, "
          f"abc_xyz {r['abc_xyz_s']:.2f} s, statuses {r['statuses_s']:.2f} s, manager_kpis {kpis}")
    print(f"{r['rows']:,} rows, {r['clients']:,} clients; at 2011-03-31: {r['known_2011_03_31']:,} clients known, "
          f"{r['potential_2011_03_31']} potential (right: 55, not 55 + 2,183)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 10], help="millions of rows")
    ap.add_argument("--parts", nargs="+", default=["load", "analyses", "workbook", "real"],
                    choices=["load", "analyses", "workbook", "real"])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        fn = {"peer": lambda: child_peer(rest[0], rest[1], rest[2]),
              "load": lambda: child_load(rest[0], rest[1] == "1"),
              "reference": lambda: child_reference(int(rest[0]), int(rest[1])),
              "real": lambda: child_real(rest[0])}[kind]
        print(json.dumps(fn(), default=str))
        return 0
    import pandas as pd
    import pyarrow

    print(f"Python {sys.version.split()[0]}, pandas {pd.__version__}, pyarrow {pyarrow.__version__}, "
          f"{os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.2f}", flush=True)
    args.data.mkdir(parents=True, exist_ok=True)
    make_base(args.data)
    if "load" in args.parts:
        part_load(args.data, sorted(args.sizes))
    if "analyses" in args.parts:
        part_analyses(args.data, max(args.sizes))
    if "workbook" in args.parts:
        part_workbook(args.data)
    if "real" in args.parts:
        part_real(args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
