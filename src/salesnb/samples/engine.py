"""The sample-company engine (PL: silnik generatora): from a company spec to its tables.

A company spec (one module per company in :mod:`salesnb.samples.companies`) is a dict naming
the company, its as-of date, sales managers, product catalogue, sales stages, Kano features and
client groups (:class:`~salesnb.samples.model.Group`). :func:`build` turns it into a
:class:`~salesnb.samples.model.SampleCompany` in one seeded pass, in this order: the clients
(group, planted lifecycle status, buying pattern, product lines, sales manager, attributes,
name), their monthly purchases, invoices and invoice lines, the new product lines regular
clients open in the last full quarter, corrections, then the customers, products, deals,
enquiries, satisfaction and Kano answers (:mod:`salesnb.samples.activities`).

What is planted follows *Working with clients*: the client lifecycle (PL: cykl życia klienta;
potential, new, regular, restored, lost at window W = 3 months), stable, seasonal and erratic
buyers for XYZ (PL: analiza XYZ), primary sales, repeat sales and primary sales in new
directions for each active sales manager (PL: sprzedaż pierwotna w nowych kierunkach), and a
sales manager who left with his clients passed on.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..periods import last_full_quarter
from ..validation import check_number
from .activities import Context, Invoices, contacts_table, deals_table, kano_table, satisfaction_table
from .model import PATTERNS, SampleCompany
from .vocabulary import STEMS, pick, unique_names
from .workdays import to_business_day

__all__ = ["build", "check_seed_scale"]


def build(spec: dict[str, Any], seed: int = 0, scale: float = 1.0) -> SampleCompany:
    """Generate a company from its spec (PL: wygeneruj firmę ze specyfikacji).

    One seeded pass: clients, monthly purchases, invoices and invoice lines, new product lines
    in the last full quarter, corrections, customers, products, deals, enquiries, satisfaction
    and Kano answers, in that order (the order of the random draws is part of the result).

    Parameters
    ----------
    spec : dict
        A company spec, e.g. :func:`salesnb.samples.companies.it_services.spec`; used up by the
        call (the engine keeps the client names it has drawn in it), so pass a fresh one.
    seed : int, default 0
        Random seed; with the spec's ``salt`` it seeds the company's generator.
    scale : float, default 1.0
        Multiplies the number of clients in every group (at least one each).

    Returns
    -------
    SampleCompany
        The company's configuration, tables, target groups and story.

    Raises
    ------
    ParameterError
        If ``seed`` is not a whole number >= 0 or ``scale`` is not a number > 0.
    """
    seed, scale = check_seed_scale(seed, scale, "salesnb.samples.engine.build")
    rng = np.random.default_rng([seed, spec["salt"]])
    start = pd.Period(spec["start"], "M")
    as_of = pd.Timestamp(spec["as_of"])
    months = pd.period_range(start, as_of.to_period("M"), freq="M")
    M = len(months)
    month_first = months.to_timestamp().to_numpy().astype("datetime64[D]").astype(np.int64)
    dim = months.days_in_month.to_numpy().copy()
    dim[-1] = min(dim[-1], as_of.day)
    cal = _Calendar(months, month_first, dim, int(month_first[0]), _day_number(as_of))

    plan = _plan_clients(spec, rng, scale, M)
    buy, turnover = _buying(plan, rng, M, start.month)

    # invoices: one per client and month bought, on a working day
    ci, mi = np.nonzero(buy)
    day = (rng.random(len(ci)) * dim[mi]).astype(np.int64)
    day = to_business_day(day, month_first[mi], dim[mi])
    inv_day = month_first[mi] + day
    inv_total = turnover[ci, mi]

    leave_day = _first_contacts_and_ids(spec, rng, plan, ci, inv_day, cal)
    inv_no = _invoice_numbers(plan, ci, mi, inv_day, cal)
    invoices = Invoices(ci, mi, inv_day, inv_total, inv_no)
    transactions, products, cross_sell = _transactions(spec, rng, plan, invoices, cal, as_of, leave_day)

    attr_cols = [c for c in plan.columns if c.startswith("attr:")]
    customers = pd.DataFrame({
        "customer_id": plan["customer_id"].to_numpy(),
        "name": plan["name"].to_numpy(),
        "salesperson": plan["owner"].to_numpy(),
        "first_contact": pd.to_datetime(plan["first_contact"].to_numpy(), unit="D"),
    })
    for c in attr_cols:
        customers[c[5:]] = plan[c].to_numpy()
    customers = customers.sort_values("customer_id").reset_index(drop=True)

    ctx = Context(spec=spec, rng=rng, plan=plan, as_of_day=cal.as_of_day, start_day=cal.start_day,
                  transactions=transactions, invoices=invoices, leave_day=leave_day,
                  line_rng=np.random.default_rng([seed, spec["salt"], 14]))
    deals = deals_table(ctx)
    contacts = contacts_table(ctx)
    satisfaction = satisfaction_table(ctx)
    kano = kano_table(ctx)
    tables = {"transactions": transactions, "customers": customers, "products": products,
              "kano_survey": kano, "satisfaction": satisfaction, "deals": deals, "contacts": contacts}
    for t in tables.values():
        for c in t.columns:
            if t[c].dtype == object or pd.api.types.is_string_dtype(t[c]):
                t[c] = t[c].astype(object).where(t[c].notna(), None)
    config = {
        "name": spec["name"],
        "description": spec["description"],
        "currency": spec.get("currency", "PLN"),
        "language": spec["language"],
        "as_of": as_of.date(),
        "deal_stages": list(spec["deal_stages"]),
        "params": {"lifecycle_window": "3M"},
    }
    waves = [w[0] for w in spec["kano_waves"]]
    story = {
        "groups": {g.label: plan.loc[plan["group"] == gi, "customer_id"].sort_values().tolist()
                   for gi, g in enumerate(spec["groups"])},
        "group_status": {g.label: g.status for g in spec["groups"]},
        "group_pattern": {g.label: g.pattern for g in spec["groups"]},
        "kano": {f: {waves[0]: c1, waves[1]: c2} for f, c1, c2 in spec["kano_features"]},
        "leaver": spec.get("leaver"),
        "cross_sell": cross_sell,
        "kano_answers": {None: "codes 1-5", "en": "English words", "pl": "Polish words"}[spec.get("kano_words")],
        "notes": spec.get("notes", []),
    }
    return SampleCompany(spec["key"], config, tables, spec.get("segments"), spec["conventions"], story)


def check_seed_scale(seed: Any, scale: Any, function: str) -> tuple[int, float]:
    """The seed and scale of a generation, checked (PL: sprawdzenie ziarna i skali).

    Parameters
    ----------
    seed : int
        Random seed, a whole number >= 0.
    scale : float
        Multiplier of the number of clients, > 0.
    function : str
        The public function they were given to, named in the error.

    Returns
    -------
    tuple of (int, float)
        ``(seed, scale)``.

    Raises
    ------
    ParameterError
        If ``seed`` is not a whole number >= 0 or ``scale`` is not a finite number > 0.
    """
    seed = check_number("seed", seed, low=0, integer=True, function=function)
    scale = check_number("scale", scale, low=0, low_open=True, function=function,
                         fix="scale multiplies the number of clients, e.g. scale=150 for about a million rows.")
    return seed, scale


@dataclass(frozen=True)
class _Calendar:
    """The company's months and key days (days since 1970-01-01)."""

    months: pd.PeriodIndex
    month_first: np.ndarray
    dim: np.ndarray  # days in each month; the as-of month ends at the as-of day
    start_day: int
    as_of_day: int


def _day_number(t: Any) -> int:
    """Days since 1970-01-01 of a date."""
    return int(pd.Timestamp(t).to_datetime64().astype("datetime64[D]").astype(np.int64))


def _first_contacts_and_ids(spec: dict, rng: np.random.Generator, plan: pd.DataFrame, ci: np.ndarray,
                            inv_day: np.ndarray, cal: _Calendar) -> int | None:
    """Add first contacts, customer ids (in first-contact order) and owners to ``plan``.

    Returns the day the sales manager who left left (``None`` if nobody did); clients met
    after that day belong to his successor from the start (``owner0``); ``owner`` is the
    sales manager at the as-of date.
    """
    first_day = np.full(len(plan), -1, dtype=np.int64)
    order = np.lexsort((inv_day, ci))
    firsts = pd.Series(inv_day[order]).groupby(ci[order]).first()
    first_day[firsts.index.to_numpy()] = firsts.to_numpy()
    is_buyer = first_day >= 0
    old = is_buyer & (plan["s"].to_numpy() == 0)
    fc = np.where(old, first_day - rng.integers(30, 2200, len(plan)), first_day - rng.integers(5, 120, len(plan)))
    lead_recent = rng.random(len(plan)) < 0.4
    lead_day = np.where(lead_recent, rng.integers(cal.as_of_day - 270, cal.as_of_day - 1, len(plan)),
                        rng.integers(cal.start_day, cal.as_of_day - 1, len(plan)))
    fc = np.where(is_buyer, fc, lead_day)
    plan["first_contact"] = fc
    if "attr:founded" in plan:  # a client cannot be met before it was founded
        fc_year = pd.to_datetime(fc, unit="D").year.to_numpy()
        plan["attr:founded"] = np.minimum(plan["attr:founded"].to_numpy(dtype=np.int64), fc_year)
    idx_order = np.lexsort((np.arange(len(plan)), fc))
    width = max(4, len(str(len(plan))))
    ids = np.empty(len(plan), dtype=object)
    ids[idx_order] = [f"{spec['prefix']}{i + 1:0{width}d}" for i in range(len(plan))]
    plan["customer_id"] = ids
    leaver = spec.get("leaver")
    owner = plan["owner"].to_numpy().copy()
    leave_day = None
    if leaver:
        lv_name, lv_date, lv_succ = leaver
        leave_day = _day_number(lv_date)
        owner[(owner == lv_name) & (fc > leave_day)] = lv_succ  # clients met after he left are not his
    plan["owner0"] = owner
    plan["owner"] = np.where(owner == leaver[0], leaver[2], owner) if leaver else owner
    return leave_day


def _invoice_numbers(plan: pd.DataFrame, ci: np.ndarray, mi: np.ndarray, inv_day: np.ndarray,
                     cal: _Calendar) -> np.ndarray:
    """Invoice numbers ``FV/yyyy/mm/nnnn``, counted per month in (date, client id) order."""
    inv_ids = plan["customer_id"].to_numpy()[ci]
    inv_order = np.lexsort((inv_ids, inv_day))
    inv_no = np.empty(len(ci), dtype=object)
    ym = cal.months.strftime("%Y/%m").to_numpy()
    counter: dict[int, int] = {}
    for j in inv_order:
        counter[mi[j]] = counter.get(mi[j], 0) + 1
        inv_no[j] = f"FV/{ym[mi[j]]}/{counter[mi[j]]:04d}"
    return inv_no


def _transactions(spec: dict, rng: np.random.Generator, plan: pd.DataFrame, invoices: Invoices, cal: _Calendar,
                  as_of: pd.Timestamp, leave_day: int | None
                  ) -> tuple[pd.DataFrame, pd.DataFrame, list[tuple[str, str, str, str]]]:
    """Invoice lines and corrections as the transactions table, the products table, the cross-sales."""
    ci, mi, inv_day, inv_total, inv_no = invoices
    catalog = spec["catalog"]
    lines = list(dict.fromkeys(p[1] for p in catalog))
    prod_names = np.array([p[0] for p in catalog], dtype=object)
    prod_line = np.array([lines.index(p[1]) for p in catalog])
    prod_price = np.array([p[2] for p in catalog], dtype=float)
    prod_margin = np.array([p[3] for p in catalog], dtype=float)
    prod_pop = np.array([p[4] if len(p) > 4 else 1.0 for p in catalog], dtype=float)
    maxp = max(np.bincount(prod_line))
    pw = np.zeros((len(lines), maxp))
    pidx = np.zeros((len(lines), maxp), dtype=np.int64)
    for li in range(len(lines)):
        members = np.flatnonzero(prod_line == li)
        pw[li, : len(members)] = prod_pop[members]
        pidx[li, : len(members)] = members
    line_w = np.stack(plan["line_w"].to_numpy())
    xs_line, cross_sell = _cross_sell(spec, rng, plan, line_w, lines, ci, mi, cal.months, as_of)
    xs = xs_line >= 0
    k = 1 + rng.poisson(plan["extra_lines"].to_numpy()[ci]) + xs
    row_inv = np.repeat(np.arange(len(ci)), k)
    g = rng.gamma(2.0, 1.0, len(row_inv))
    share = g / np.bincount(row_inv, weights=g)[row_inv]
    row_line = _choose_rows(line_w, ci[row_inv], rng)
    row_line[(np.cumsum(k) - 1)[xs]] = xs_line[xs]  # the invoice's last line: the new product line
    row_prod = pidx[row_line, _choose_rows(pw, row_line, rng)]
    lines_df = pd.DataFrame({"inv": row_inv, "prod": row_prod, "amount": inv_total[row_inv] * share})
    lines_df = lines_df.groupby(["inv", "prod"], sort=True, as_index=False)["amount"].sum()
    del row_inv, g, share, row_line, row_prod  # a large company's peak memory is in this function
    inv = lines_df["inv"].to_numpy()
    prod = lines_df["prod"].to_numpy()
    amount = np.round(lines_df["amount"].to_numpy(), 2)
    qty = np.maximum(1, np.round(amount / prod_price[prod])).astype(np.int64)
    margin = np.round(amount * prod_margin[prod] * rng.uniform(0.85, 1.15, len(amount)), 2)
    r_cust = ci[inv]
    r_day = inv_day[inv]
    r_month = mi[inv]
    tx = pd.DataFrame({
        "day": r_day, "cust": r_cust, "amount": amount, "prod": prod, "margin": margin,
        "quantity": qty, "document_id": inv_no[inv], "corrected_document": None, "month": r_month,
    })

    # corrections (credit notes) in the month of the corrected invoice
    eligible = np.flatnonzero(plan["corrections"].to_numpy()[r_cust] & (amount > 50))
    n_corr = int(round(spec.get("correction_share", 0.015) * len(tx)))
    chosen = np.sort(rng.choice(eligible, size=min(n_corr, len(eligible)), replace=False))
    frac = rng.uniform(0.05, 0.5, len(chosen))
    last_day = cal.month_first[r_month[chosen]] + cal.dim[r_month[chosen]] - 1
    c_day = np.minimum(r_day[chosen] + rng.integers(1, 21, len(chosen)), last_day)
    corr = pd.DataFrame({
        "day": c_day, "cust": r_cust[chosen], "amount": -np.round(amount[chosen] * frac, 2),
        "prod": prod[chosen], "margin": -np.round(margin[chosen] * frac, 2),
        "quantity": -np.maximum(1, np.round(qty[chosen] * frac)).astype(np.int64),
        "document_id": None, "corrected_document": inv_no[inv[chosen]], "month": r_month[chosen],
    })
    corr["cid"] = plan["customer_id"].to_numpy()[corr["cust"].to_numpy()]
    corr = corr.sort_values(["day", "cid", "corrected_document", "prod"], kind="mergesort")
    ym = cal.months.strftime("%Y/%m").to_numpy()
    cnt: dict[int, int] = {}
    kor = []
    for mth in corr["month"].to_numpy():
        cnt[mth] = cnt.get(mth, 0) + 1
        kor.append(f"KOR/{ym[mth]}/{cnt[mth]:04d}")
    corr["document_id"] = kor
    tx = pd.concat([tx, corr.drop(columns="cid")], ignore_index=True)
    del corr, lines_df, inv, prod, amount, qty, margin, r_cust, r_day, r_month

    sp = plan["owner0"].to_numpy()[tx["cust"].to_numpy()].copy()
    leaver = spec.get("leaver")
    if leaver:
        sp = np.where((sp == leaver[0]) & (tx["day"].to_numpy() > leave_day), leaver[2], sp)
    transactions = pd.DataFrame({
        "date": pd.to_datetime(tx["day"].to_numpy(), unit="D"),
        "customer_id": plan["customer_id"].to_numpy()[tx["cust"].to_numpy()],
        "amount": tx["amount"].to_numpy(dtype=float),
        "product": prod_names[tx["prod"].to_numpy()],
        "product_line": np.array(lines, dtype=object)[prod_line[tx["prod"].to_numpy()]],
        "salesperson": sp,
        "margin": tx["margin"].to_numpy(dtype=float),
        "quantity": tx["quantity"].to_numpy(dtype=np.int64),
        "document_id": tx["document_id"].to_numpy(),
        "corrected_document": tx["corrected_document"].to_numpy(),
    })
    del tx, sp
    transactions = transactions.sort_values(["date", "document_id", "product"], kind="mergesort")
    products = pd.DataFrame({
        "product": prod_names, "product_line": np.array(lines, dtype=object)[prod_line],
        "unit": [p[5] if len(p) > 5 else spec.get("unit", "pcs") for p in catalog],
    }).sort_values(["product_line", "product"]).reset_index(drop=True)
    return transactions.reset_index(drop=True), products, cross_sell


# --------------------------------------------------------------------------------------------
# Clients and their purchases


def _plan_clients(spec: dict, rng: np.random.Generator, scale: float, M: int) -> pd.DataFrame:
    """One row per client: group, status, pattern parameters, activity window, lines, owner."""
    lines = list(dict.fromkeys(p[1] for p in spec["catalog"]))
    sps = list(spec["salespeople"])
    parts = []
    for gi, g in enumerate(spec["groups"]):
        n = max(1, int(round(g.n * scale)))
        pat = PATTERNS[g.pattern]
        d: dict[str, Any] = {"group": np.full(n, gi), "label": g.label, "status": g.status,
                             "pattern": g.pattern, "segment": g.segment}
        d["p"] = rng.uniform(*pat["p"], n)
        d["sigma"] = np.full(n, pat["sigma"])
        d["amp"] = rng.uniform(*pat["amp"], n)
        d["trend"] = rng.uniform(*pat["trend"], n)
        d["peak"] = np.full(n, g.peak) if g.pattern != "steady" else rng.integers(1, 13, n)
        d["base"] = np.round(rng.lognormal(g.base[0], g.base[1], n), -1)
        d["corrections"] = pat["corrections"]
        d["season"] = [tuple(g.season or range(1, 13))] * n
        d["extra_lines"] = g.extra_lines
        s = np.zeros(n, dtype=np.int64)
        e = np.full(n, M - 1, dtype=np.int64)
        g0 = np.full(n, M + 1, dtype=np.int64)  # gap start (none if > M)
        g1 = np.full(n, M + 1, dtype=np.int64)
        f1 = np.full(n, -1, dtype=np.int64)
        f2 = np.full(n, -1, dtype=np.int64)
        f3 = np.full(n, -1, dtype=np.int64)
        if g.status in ("regular", "natural"):
            if pat["years"]:
                k = rng.integers(2, M // 12 + 1, n)
                s = M - 12 * k
            else:
                s = np.where(rng.random(n) < 0.45, 0, rng.integers(0, M - 12, n))
            f1 = rng.integers(M - 6, M - 3, n)
            f2 = rng.integers(M - 3, M, n)
        elif g.status == "new":
            s = rng.integers(M - 3, M, n)
            f1 = s
        elif g.status == "restored":
            s = np.where(rng.random(n) < 0.3, 0, rng.integers(0, M - 22, n))
            g0 = rng.integers(s + 6, M - 8)
            g1 = np.full(n, M - 4)
            f1, f2, f3 = s, g0 - 1, rng.integers(M - 3, M, n)
        elif g.status == "lost":
            s = np.where(rng.random(n) < 0.3, 0, rng.integers(0, M - 10, n))
            e = rng.integers(s + 2, M - 3)
            f1, f2 = s, e
        else:  # potential (Group checks the status): never buys
            s = np.full(n, M + 1)
            e = np.full(n, -1)
        if g.status == "natural":
            f1 = f2 = np.full(n, -1)
        d.update(s=s, e=e, g0=g0, g1=g1, f1=f1, f2=f2, f3=f3)
        # target group (segment) and the product lines it buys: a random subset of the group's
        # lines (or of the segment's portrait), sometimes one line more
        mix = spec.get("segment_mix")
        if mix and g.segment is None and g.attrs is None:
            segs = pick(rng, list(mix), n, list(mix.values()))
        else:
            segs = [g.segment] * n
        d["segment"] = segs
        portrait = (spec.get("segments") or {}).get("portrait", {})
        w = np.zeros((n, len(lines)))
        for i in range(n):
            own_lines = portrait.get(segs[i]) or g.lines or lines
            own = [lines.index(x) for x in own_lines]
            k = rng.integers(min(g.min_lines, len(own)), len(own) + 1)
            chosen = rng.choice(own, size=k, replace=False)
            w[i, chosen] = rng.dirichlet(np.full(k, 2.0)) + 0.05
            if g.pattern != "in_season" and rng.random() < 0.1:
                w[i, rng.integers(len(lines))] += 0.15
        d["line_w"] = list(w)
        if mix and g.segment is None and g.attrs is None:
            d["base"] = np.round(np.array([np.exp(spec["segment_base"][x]) for x in segs])
                                 * rng.lognormal(0, g.base[1], n), -1)
        spw = np.array([(g.salespeople or {}).get(x, 1.0) for x in sps], dtype=float)
        owners = np.array(sps, dtype=object)[rng.choice(len(sps), n, p=spw / spw.sum())]
        if g.cover:
            owners = _cover_owners(owners, [x for x in sps if not spec.get("leaver") or x != spec["leaver"][0]])
        d["owner"] = owners
        if g.attrs:
            attrs = g.attrs(rng, n)
        elif spec.get("segment_attrs"):
            rows = [spec["segment_attrs"](x, rng) for x in segs]
            attrs = {c: [r[c] for r in rows] for c in rows[0]}
        else:
            attrs = {}
        for col, vals in attrs.items():
            d["attr:" + col] = list(vals)
        seg_names = spec.get("segment_names")
        taken = spec.setdefault("_taken", set())
        if seg_names and g.attrs is None:
            d["name"] = [unique_names(rng, 1, seg_names[x], STEMS, spec["forms"], taken)[0] for x in segs]
        else:
            d["name"] = unique_names(rng, n, g.names or ("Firma",), STEMS, spec["forms"], taken)
        parts.append(pd.DataFrame(d))
    plan = pd.concat(parts, ignore_index=True)
    if spec.get("fit_names"):  # names that fit each client's attributes, without drawing again
        plan["name"] = spec["fit_names"](plan)
    return plan


def _buying(plan: pd.DataFrame, rng: np.random.Generator, M: int,
            first_month: int) -> tuple[np.ndarray, np.ndarray]:
    """Monthly buy flags and turnover, clients x months."""
    n = len(plan)
    m = np.arange(M)[None, :]
    moy = (first_month - 1 + np.arange(M)) % 12 + 1
    s, e = plan["s"].to_numpy()[:, None], plan["e"].to_numpy()[:, None]
    g0, g1 = plan["g0"].to_numpy()[:, None], plan["g1"].to_numpy()[:, None]
    active = (m >= s) & (m <= e) & ~((m >= g0) & (m <= g1))
    season_ok = np.array([[mo in se for mo in moy] for se in plan["season"]]) if n else np.zeros((0, M), bool)
    forced = np.zeros((n, M), dtype=bool)
    for col in ("f1", "f2", "f3"):
        f = plan[col].to_numpy()
        ok = f >= 0
        forced[np.flatnonzero(ok), f[ok]] = True
    u = rng.random((n, M))
    buy = active & season_ok & ((u < plan["p"].to_numpy()[:, None]) | forced)
    sigma = plan["sigma"].to_numpy()[:, None]
    noise = np.exp(rng.normal(0, 1, (n, M)) * sigma - sigma**2 / 2)
    phase = 2 * np.pi * (moy[None, :] - plan["peak"].to_numpy()[:, None]) / 12
    seas = 1 + plan["amp"].to_numpy()[:, None] * np.cos(phase)
    trend = (1 + plan["trend"].to_numpy()[:, None]) ** (m / 12)
    amount = plan["base"].to_numpy()[:, None] * seas * trend * noise
    return buy, np.where(buy, amount, 0.0)


def _choose_rows(weights: np.ndarray, rows: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """For each r in ``rows`` a column index drawn with probabilities ``weights[r]``."""
    cum = np.cumsum(weights[rows], axis=1)
    x = rng.random(len(rows)) * cum[:, -1]
    return np.minimum((cum <= x[:, None]).sum(axis=1), weights.shape[1] - 1)


def _cover_owners(owners: np.ndarray, active: Sequence[str]) -> np.ndarray:
    """``owners`` changed so that each of ``active`` owns at least one client (if there are enough).

    A manager with no client takes one (the last) from the manager with the most; no random draws.
    """
    owners = owners.copy()
    if len(owners) < len(active):
        return owners
    for sp in active:
        if (owners == sp).any():
            continue
        counts = {x: int((owners == x).sum()) for x in dict.fromkeys(owners)}
        donor = max(counts, key=lambda x: (counts[x], x not in active))
        owners[np.flatnonzero(owners == donor)[-1]] = sp
    return owners


def _cross_sell(spec: dict, rng: np.random.Generator, plan: pd.DataFrame, line_w: np.ndarray,
                lines: list[str], ci: np.ndarray, mi: np.ndarray, months: pd.PeriodIndex,
                as_of: pd.Timestamp) -> tuple[np.ndarray, list[tuple[str, str, str, str]]]:
    """Primary sales in new directions (PL: sprzedaż pierwotna w nowych kierunkach).

    In the last full quarter, for each active sales manager, ``spec["cross_sell"]`` of their regular clients
    start buying a product line they never bought (from their target group's portrait where it
    has one left, else from their group's lines, else any), on an invoice in that quarter, and
    keep buying it on every later invoice. The new line takes a share of the invoice, so the
    client's monthly turnover (and XYZ class) does not change.

    Returns, per invoice, the index of the product line added to it (-1: none) and the story
    rows (customer id, sales manager, product line, first month).
    """
    xs_line = np.full(len(ci), -1, dtype=np.int64)
    per_sp = int(spec.get("cross_sell", 0))
    if not per_sp or not len(ci):
        return xs_line, []
    q = last_full_quarter(as_of)
    q_months = np.flatnonzero((months >= q.asfreq("M", "start")) & (months <= q.asfreq("M", "end")))
    q0 = int(q_months.min())
    first_m = np.full(len(plan), len(months), dtype=np.int64)
    np.minimum.at(first_m, ci, mi)
    in_q = np.zeros(len(plan), dtype=bool)
    in_q[ci[np.isin(mi, q_months)]] = True
    groups = spec["groups"]
    portrait = (spec.get("segments") or {}).get("portrait", {})
    status = plan["status"].to_numpy()
    pattern = plan["pattern"].to_numpy()
    owner = plan["owner"].to_numpy()
    ok = (status == "regular") & (pattern != "in_season") & (first_m < q0) & in_q & (line_w == 0).any(axis=1)
    leaver = spec.get("leaver")
    active = [x for x in spec["salespeople"] if not leaver or x != leaver[0]]
    story = []
    for sp in active:
        cand = np.flatnonzero(ok & (owner == sp))
        chosen = np.sort(rng.choice(cand, size=min(per_sp, len(cand)), replace=False))
        for i in chosen:
            unused = [li for li in range(len(lines)) if line_w[i, li] == 0]
            prefer = portrait.get(plan.at[i, "segment"]) or groups[int(plan.at[i, "group"])].lines
            pool = [li for li in unused if lines[li] in prefer] or unused
            li = pool[int(rng.integers(len(pool)))]
            own_q = np.flatnonzero((ci == i) & np.isin(mi, q_months))
            start_m = int(mi[own_q[int(rng.integers(len(own_q)))]])
            xs_line[(ci == i) & (mi >= start_m)] = li
            story.append((str(plan.at[i, "customer_id"]), sp, lines[li], str(months[start_m])))
    return xs_line, story
