"""Benchmark: the service method's standards audit at 5 M enquiries and its funnel at 1 M deals.

Run:  .venv/bin/python benchmarks/bench_service.py [--contacts 5000000 --deals 1000000 --via-files]

The issue's bar: the audit of 5 M contacts and the funnel of 1 M deals "in seconds". Each figure
is printed beside a plain pandas equivalent from the same run:

- audit, every hour counts: :func:`salesnb.service.response_times` + :func:`compliance` per
  salesperson, channel and month, against a pandas version (a channel -> hours ``map``, a
  Timedelta comparison, ``groupby(...).size()``); their on-time counts are checked to agree;
- audit in business hours with Polish holidays: the vectorised business clock against pandas'
  own ``CustomBusinessHour`` offset (``received + CustomBusinessHour(n)`` gives a deadline; it is
  applied row by row, so it runs on a sample and is extrapolated linearly to the full size); the
  deadlines are checked to agree on the sample;
- funnel: :func:`salesnb.service.funnel` against ``groupby(stage).size()`` and a reversed cumsum.

The data is generated here (seeded): enquiries over three years on three channels, answered after
an exponential delay, about 5% never; deals over six stages. By default the tables are handed to
the functions as a dict of DataFrames with categorical ids, as ``load_company`` returns them;
``--via-files`` writes a company folder and reads it with ``salesnb.load_company`` first (the
load time is printed too; it takes a while at these sizes).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import salesnb
from salesnb import service

STAGES = ("presentation", "offer", "agreement", "payment", "event", "closing")


def make_contacts(n: int, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    clients = max(n // 20, 10)
    start = pd.Timestamp("2023-01-01").value
    span = 3 * 365 * 86_400 * 10**9
    received = start + rng.integers(0, span // 60_000_000_000, n) * 60_000_000_000  # whole minutes, as logs keep them
    channel = rng.choice(3, n, p=(0.4, 0.45, 0.15))
    delay = (rng.exponential(np.array([1.5, 8.0, 0.3])[channel] * 60).astype(np.int64) + 1) * 60_000_000_000
    answered = np.where(rng.random(n) < 0.05, np.iinfo(np.int64).min, received + delay)
    ids = pd.Index([f"C{i:07d}" for i in range(clients)])
    contacts = pd.DataFrame({
        "contact_id": pd.array([f"Q{i:08d}" for i in range(n)], dtype="str"),
        "customer_id": pd.Categorical.from_codes(rng.integers(0, clients, n), categories=ids),
        "channel": pd.Categorical.from_codes(channel, categories=["phone", "e-mail", "chat"]),
        "received_at": received.view("datetime64[ns]"),
        "answered_at": answered.view("datetime64[ns]"),
    })
    people = pd.Index([f"Manager {i:02d}" for i in range(25)])
    owner = pd.Categorical.from_codes(rng.integers(0, 25, clients), categories=people)
    customers = pd.DataFrame({"customer_id": pd.Categorical(ids, categories=ids), "salesperson": owner})
    return contacts, customers


def make_deals(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    stop = rng.choice(len(STAGES), n, p=(0.25, 0.2, 0.15, 0.1, 0.1, 0.2))
    outcome = np.where(stop == len(STAGES) - 1, np.where(rng.random(n) < 0.9, "won", "lost"),
                       np.where(rng.random(n) < 0.85, "lost", "open"))
    opened = pd.Timestamp("2023-01-01").value + rng.integers(0, 3 * 365, n) * 86_400 * 10**9
    return pd.DataFrame({
        "deal_id": pd.array([f"D{i:08d}" for i in range(n)], dtype="str"),
        "customer_id": pd.Categorical.from_codes(rng.integers(0, n // 5, n), categories=[f"C{i:07d}" for i in
                                                                                        range(n // 5)]),
        "salesperson": pd.Categorical.from_codes(rng.integers(0, 25, n), categories=[f"M{i:02d}" for i in range(25)]),
        "opened_at": opened.view("datetime64[ns]"),
        "stage_reached": pd.Categorical.from_codes(stop, categories=list(STAGES)),
        "outcome": outcome,
        "refusal_stage": pd.Categorical.from_codes(np.where(outcome == "lost", stop, -1), categories=list(STAGES)),
        "closed_at": np.where(outcome == "open", np.iinfo(np.int64).min,
                              opened + rng.integers(1, 60, n) * 86_400 * 10**9).view("datetime64[ns]"),
    })


def timed(f):
    t = time.perf_counter()
    out = f()
    return out, time.perf_counter() - t


def pandas_audit(contacts: pd.DataFrame, customers: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """The plain pandas audit (every hour counts): on-time enquiries per salesperson, channel, month."""
    c = contacts[contacts["received_at"] <= as_of]
    hours = c["channel"].astype(str).map({"phone": 2.0, "e-mail": 24.0, "chat": 24.0})
    took = c["answered_at"] - c["received_at"]
    on_time = took.notna() & (c["answered_at"] <= as_of) & (took <= pd.to_timedelta(hours, unit="h"))
    owner = c["customer_id"].map(customers.set_index("customer_id")["salesperson"])
    frame = pd.DataFrame({"salesperson": owner, "channel": c["channel"], "month": c["received_at"].dt.to_period("M"),
                          "on_time": on_time})
    return frame.groupby(["salesperson", "channel", "month"], observed=True)["on_time"].sum()


def pandas_deadlines(received: pd.Series, hours: pd.Series, holidays: list) -> pd.Series:
    """Deadlines in business hours with pandas' CustomBusinessHour (whole hours), row by row."""
    step = {h: pd.offsets.CustomBusinessHour(n=int(h), start="08:00", end="18:00", holidays=holidays)
            for h in set(hours)}
    return pd.Series([r + step[h] for r, h in zip(received, hours, strict=True)], index=received.index)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contacts", type=int, default=5_000_000)
    ap.add_argument("--deals", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=5_000, help="enquiries for the CustomBusinessHour peer")
    ap.add_argument("--via-files", action="store_true", help="write a company folder and load it with load_company")
    args = ap.parse_args()
    as_of = pd.Timestamp("2025-12-31")
    (contacts, customers), gen = timed(lambda: make_contacts(args.contacts))
    deals, gen2 = timed(lambda: make_deals(args.deals))
    print(f"generated {len(contacts):,} enquiries and {len(deals):,} deals in {gen + gen2:.1f} s")
    data = {"contacts": contacts, "customers": customers, "deals": deals, "deal_stages": STAGES, "as_of": as_of,
            "params": {"answer_within_hours": 24}}
    if args.via_files:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "company.yml").write_text("name: Bench\ncurrency: PLN\nas_of: 2025-12-31\ndeal_stages: ["
                                              + ", ".join(STAGES) + "]\nunknown_customers: add\n", encoding="utf-8")
            tx = pd.DataFrame({"date": ["2025-01-01"], "customer_id": [str(customers["customer_id"].iloc[0])],
                               "amount": [1.0]})
            tx.to_csv(root / "transactions.csv", index=False)
            customers.to_csv(root / "customers.csv", index=False)
            contacts.to_csv(root / "contacts.csv", index=False, date_format="%Y-%m-%d %H:%M:%S")
            deals.to_csv(root / "deals.csv", index=False, date_format="%Y-%m-%d")
            company, load = timed(lambda: salesnb.load_company(root))
            print(f"load_company (written as CSV): {load:.1f} s")
            data = company

    print(f"\n{'measure':58s} {'salesnb':>9s} {'pandas':>11s}")
    rt_table, t_ours = timed(lambda: service.compliance(data, by=("salesperson", "channel", "month")))
    end_of_day = as_of + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")  # a date means its whole day
    peer, t_peer = timed(lambda: pandas_audit(contacts, customers, end_of_day))
    assert int(rt_table["on_time"].sum()) == int(peer.sum()), "the two audits disagree"
    print(f"{'audit of ' + format(len(contacts), ',') + ' enquiries, every hour counts':58s} {t_ours:8.2f}s "
          f"{t_peer:10.2f}s")

    rt, t_bh = timed(lambda: service.response_times(data, business_hours=True, holidays="PL"))
    _, t_bh_comp = timed(lambda: service.compliance(rt, by=("salesperson", "channel", "month")))
    import holidays as holidays_lib

    pl = sorted(holidays_lib.country_holidays("PL", years=range(2023, 2027)))
    sample = rt[rt["standard_hours"] == 2.0].head(args.sample)
    theirs, t_cbh = timed(lambda: pandas_deadlines(sample["received_at"], sample["standard_hours"], pl))
    agree = (theirs.to_numpy() == sample["due_at"].to_numpy()).mean()
    per_row = t_cbh / max(len(sample), 1)
    print(f"{'audit in business hours + Polish holidays':58s} {t_bh + t_bh_comp:8.2f}s "
          f"{per_row * len(contacts):9.0f}s*")
    print(f"  * CustomBusinessHour deadlines, {len(sample):,} phone enquiries in {t_cbh:.2f} s, extrapolated to "
          f"{len(contacts):,}; deadlines agree on {agree:.1%} of the sample")

    f, t_funnel = timed(lambda: service.funnel(data))

    def pandas_funnel() -> pd.Series:
        d = deals
        reach = np.where(d["outcome"] == "won", len(STAGES) - 1, d["stage_reached"].cat.codes)
        at = pd.Series(reach).value_counts().reindex(range(len(STAGES)), fill_value=0)
        return at[::-1].cumsum()[::-1]

    peer_f, t_peer_f = timed(pandas_funnel)
    assert f["reached"].tolist() == peer_f.tolist(), "the two funnels disagree"
    print(f"{'funnel of ' + format(len(deals), ',') + ' deals':58s} {t_funnel:8.2f}s {t_peer_f:10.2f}s")
    _, t_ref = timed(lambda: service.refusals(data))
    print(f"{'refusals by stage and reason, ' + format(len(deals), ',') + ' deals':58s} {t_ref:8.2f}s {'':>11s}")


if __name__ == "__main__":
    main()
