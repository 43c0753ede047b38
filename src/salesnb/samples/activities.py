"""Deals, enquiries, satisfaction and Kano answers around the sales (PL: szanse, zapytania, ankiety).

The engine (:mod:`salesnb.samples.engine`) plans the clients and their invoices, then draws the
tables that describe what happened around them, in this (seeded) order:

- deals through the company's sales stages, with refusals at each stage (the sales process of
  *Working with clients*, PL: lejek sprzedaży);
- enquiries with their answer times (the standards of *Standards and good practices in sales*
  and *Professional customer service: is it worth investing in?*, PL: standardy obsługi);
- yearly satisfaction questionnaires (PL: badanie satysfakcji);
- a Kano questionnaire in two waves in which some features moved category (*Kano model and
  good practices*, PL: ankieta Kano).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ..kano import simulate_answers
from .portfolio import client_lines, deal_amount, deal_lines, recent_contracts
from .workdays import CLOSES, OPENS, next_business_time, weekday

__all__ = ["KANO_WORDS", "Context", "Invoices", "contacts_table", "deals_table", "kano_table",
           "satisfaction_table"]

#: Kano answers written as words (``spec["kano_words"]``), by answer code 1-5.
KANO_WORDS: dict[str, dict[int, str]] = {
    "en": {1: "I like it", 2: "I expect it", 3: "I am neutral", 4: "I can live with it", 5: "I dislike it"},
    "pl": {1: "podoba mi się", 2: "oczekuję tego", 3: "jest mi to obojętne", 4: "mogę to tolerować",
           5: "nie podoba mi się"},
}


class Invoices(NamedTuple):
    """The generated invoices (PL: faktury), one per client and month bought, as parallel arrays.

    ``client``: the client's row in the plan; ``month``: month index from the start of the
    history; ``day``: invoice date, days since 1970-01-01; ``total``: the invoice's net amount;
    ``number``: the invoice number ``FV/yyyy/mm/nnnn``.
    """

    client: np.ndarray
    month: np.ndarray
    day: np.ndarray
    total: np.ndarray
    number: np.ndarray


@dataclass(frozen=True)
class Context:
    """What the tables around the sales are drawn from (PL: kontekst generatora).

    ``spec`` is the company spec, ``rng`` the company's random generator (shared, so the order
    of the calls matters), ``plan`` one row per client (``customer_id``, ``first_contact`` as
    days since 1970-01-01, ``base``, ``s``, ``status``, ``owner0`` ...), ``as_of_day`` and
    ``start_day`` the as-of date and the first day of the history (days since 1970-01-01),
    ``transactions`` the finished transactions table, ``invoices`` the invoices,
    ``leave_day`` the day the sales manager who left left (``None`` if nobody did), and
    ``line_rng`` the generator of the deals' product lines (its own, so the other tables do not
    depend on it; :mod:`salesnb.samples.portfolio`).
    """

    spec: dict[str, Any]
    rng: np.random.Generator
    plan: pd.DataFrame
    as_of_day: int
    start_day: int
    transactions: pd.DataFrame
    invoices: Invoices
    leave_day: int | None = None
    line_rng: np.random.Generator | None = None


def _invoices_by_client(inv: Invoices, n: int) -> list[np.ndarray]:
    """For each client (plan row) the positions of its invoices, in date order."""
    ci, inv_day = inv.client, inv.day
    order = np.lexsort((inv_day, ci))
    bounds = np.searchsorted(ci[order], np.arange(n + 1))
    return [order[bounds[i]:bounds[i + 1]] for i in range(n)]


def deals_table(ctx: Context) -> pd.DataFrame:
    """Deals through the company's sales stages, with refusals by stage (PL: szanse sprzedaży).

    A lead that never bought has one or two deals, open if recent, else lost; a client acquired
    within the history has the won deal that brought it; clients add won and lost deals at
    ``spec["deal_rate"]`` a year, and some regular and new clients have an open deal at the
    as-of date. A lost deal stops at a stage drawn with ``spec["refusal_weights"]`` and gives
    one of that stage's ``spec["refusal_reasons"]``. Each deal names the product line it offers
    (:mod:`salesnb.samples.portfolio`: won deals the line of the invoice they brought, refusals
    and applications mostly a line of the client's ideal portrait it does not buy yet), and a few
    regular clients per sales manager have just signed a contract for a new line.

    Parameters
    ----------
    ctx : Context
        The generation context (draws from ``ctx.rng``).

    Returns
    -------
    pandas.DataFrame
        ``deal_id``, ``customer_id``, ``salesperson``, ``opened_at``, ``stage_reached``,
        ``outcome`` (won, lost, open), ``refusal_stage``, ``refusal_reason``, ``closed_at``,
        ``amount``, ``product_line``; sorted by opening date and client.
    """
    spec, rng, plan, as_of_day, inv = ctx.spec, ctx.rng, ctx.plan, ctx.as_of_day, ctx.invoices
    inv_day, inv_total = inv.day, inv.total
    stages = list(spec["deal_stages"])
    S = len(stages)
    w = np.asarray(spec["refusal_weights"], dtype=float)
    w = w / w.sum()
    reasons = spec["refusal_reasons"]
    per_client = _invoices_by_client(inv, len(plan))
    rows: list[tuple] = []

    def lost(i: int, opened: int, amount: float, kind: str = "lost") -> None:
        k = int(rng.choice(S, p=w))
        closed = min(opened + int(rng.integers(3, 45)), as_of_day)
        reason = reasons[stages[k]][int(rng.integers(len(reasons[stages[k]])))]
        rows.append((i, opened, stages[k], "lost", stages[k], reason, closed, amount, kind, -1))

    def open_(i: int, opened: int, amount: float, kind: str = "open") -> None:
        rows.append((i, opened, stages[int(rng.integers(0, S - 1))], "open", None, None, None, amount, kind, -1))

    fc_all = plan["first_contact"].to_numpy()
    base_all = plan["base"].to_numpy()
    s_all = plan["s"].to_numpy()
    status_all = plan["status"].to_numpy()
    for i in range(len(plan)):
        invs = per_client[i]
        fc = int(fc_all[i])
        if len(invs) == 0:  # a lead that never bought
            typical = float(base_all[i])
            for _k in range(1 + int(rng.random() < 0.3)):
                opened = min(fc + int(rng.integers(0, 30)), as_of_day)
                amount = deal_amount(rng, typical)
                if opened > as_of_day - 90 and rng.random() < 0.7:
                    open_(i, opened, amount, "lead")
                else:
                    lost(i, opened, amount, "lead")
            continue
        typical = float(np.median(inv_total[invs]))
        first = invs[0]
        if s_all[i] > 0:  # acquired within the history: the deal that won the client
            opened = min(fc, int(inv_day[first]))
            rows.append((i, opened, stages[-1], "won", None, None, int(inv_day[first]),
                         round(float(inv_total[first]), 2), "won", int(first)))
        span = (int(inv_day[invs[-1]]) - int(inv_day[first])) / 365.25
        for _k in range(int(rng.poisson(spec.get("deal_rate", 0.6) * span))):
            if rng.random() < 0.45 and len(invs) > 1:
                j = invs[int(rng.integers(1, len(invs)))]
                closed = int(inv_day[j])
                rows.append((i, max(closed - int(rng.integers(7, 60)), fc), stages[-1], "won", None, None, closed,
                             round(float(inv_total[j]), 2), "won", int(j)))
            else:
                lo, hi = int(inv_day[first]), min(int(inv_day[invs[-1]]) + 60, as_of_day - 5)
                lost(i, int(rng.integers(lo, max(hi, lo + 1))), deal_amount(rng, typical))
        if status_all[i] in ("regular", "new") and rng.random() < 0.25:
            open_(i, as_of_day - int(rng.integers(1, 60)), deal_amount(rng, typical))
    info = client_lines(ctx)
    typical_all = np.array([float(np.median(inv_total[x])) if len(x) else np.nan for x in per_client])
    line = list(deal_lines(ctx, np.array([r[8] for r in rows], dtype=object), np.array([r[0] for r in rows]),
                           np.array([r[9] for r in rows]), info))
    for i, opened, closed, amount, contract_line in recent_contracts(ctx, info, typical_all):
        rows.append((i, opened, stages[-1], "won", None, None, closed, amount, "won", -1))
        line.append(contract_line)
    df = pd.DataFrame([r[:8] for r in rows], columns=["i", "opened", "stage_reached", "outcome", "refusal_stage",
                                                      "refusal_reason", "closed", "amount"])
    df["product_line"] = line
    df["customer_id"] = plan["customer_id"].to_numpy()[df["i"].to_numpy()]
    owner0 = plan["owner0"].to_numpy()[df["i"].to_numpy()]
    leaver = spec.get("leaver")
    if leaver:
        owner0 = np.where((owner0 == leaver[0]) & (df["opened"].to_numpy() > ctx.leave_day), leaver[2], owner0)
    df["salesperson"] = owner0
    df = df.sort_values(["opened", "customer_id"], kind="mergesort").reset_index(drop=True)
    closed = df["closed"].astype("float64").to_numpy()
    return pd.DataFrame({
        "deal_id": [f"{spec['prefix']}-D{n + 1:05d}" for n in range(len(df))],
        "customer_id": df["customer_id"].to_numpy(),
        "salesperson": df["salesperson"].to_numpy(),
        "opened_at": pd.to_datetime(df["opened"].to_numpy(), unit="D"),
        "stage_reached": df["stage_reached"].to_numpy(),
        "outcome": df["outcome"].to_numpy(),
        "refusal_stage": df["refusal_stage"].to_numpy(),
        "refusal_reason": df["refusal_reason"].to_numpy(),
        "closed_at": pd.to_datetime(closed, unit="D"),
        "amount": df["amount"].to_numpy(dtype=float),
        "product_line": df["product_line"].to_numpy(dtype=object),
    })


def contacts_table(ctx: Context) -> pd.DataFrame:
    """Incoming enquiries and their answer times (PL: zapytania klientów i czas odpowiedzi).

    Clients write at ``spec["contact_rate"]`` a month while they buy (leads once or twice
    around their first contact), mostly on working days and in opening hours, by phone,
    e-mail or chat (``spec["channel_p"]``). Answers come after an exponential delay per channel,
    some after days (forgotten), moved to the next opening when they fall outside hours; some
    enquiries are never answered and a few are anonymous.

    Parameters
    ----------
    ctx : Context
        The generation context (draws from ``ctx.rng``).

    Returns
    -------
    pandas.DataFrame
        ``contact_id``, ``customer_id`` (``None`` if anonymous), ``channel``, ``received_at``,
        ``answered_at`` (``NaT`` if unanswered), up to the end of the as-of day; sorted by
        arrival.
    """
    spec, rng, plan, as_of_day, start_day = ctx.spec, ctx.rng, ctx.plan, ctx.as_of_day, ctx.start_day
    ci, inv_day = ctx.invoices.client, ctx.invoices.day
    n = len(plan)
    last = np.full(n, -1, dtype=np.int64)
    np.maximum.at(last, ci, inv_day)
    fc = plan["first_contact"].to_numpy().astype(np.int64)
    buyer = last >= 0
    lo = np.maximum(fc, start_day)
    hi = np.where(buyer, np.minimum(last + 60, as_of_day), np.minimum(fc + 60, as_of_day))
    hi = np.maximum(hi, lo)
    months = (hi - lo + 1) / 30.44
    count = np.where(buyer, rng.poisson(spec.get("contact_rate", 0.25) * months), 1 + rng.poisson(0.5, n))
    who = np.repeat(np.arange(n), count)
    day = lo[who] + (rng.random(len(who)) * (hi[who] - lo[who] + 1)).astype(np.int64)
    wd = weekday(day)
    weekday_of_week = day - wd + rng.integers(0, 5, len(who))  # most enquiries come on working days
    to_weekday = (wd >= 5) & (rng.random(len(who)) < 0.9) & (weekday_of_week >= lo[who])
    day = np.where(to_weekday, weekday_of_week, day)
    evening = rng.random(len(who)) < 0.08
    minute = np.where(evening, rng.integers(CLOSES, 22 * 60, len(who)), rng.integers(OPENS, CLOSES, len(who)))
    received = day * 1440 + minute
    channels = np.array(["phone", "e-mail", "chat"], dtype=object)
    ch = rng.choice(3, len(who), p=spec.get("channel_p", (0.4, 0.45, 0.15)))
    mean_delay = np.array([90.0, 180.0, 15.0])[ch]
    delay = rng.exponential(mean_delay)
    forgotten = rng.random(len(who)) < np.array([0.04, 0.08, 0.01])[ch]
    delay = np.where(forgotten, rng.uniform(24 * 60, 120 * 60, len(who)), delay)
    answered = next_business_time((received + np.maximum(delay, 1)).astype(np.int64), rng)
    unanswered = rng.random(len(who)) < np.array([0.04, 0.07, 0.02])[ch]
    unanswered |= answered > (as_of_day + 1) * 1440 - 1
    cust = plan["customer_id"].to_numpy()[who].astype(object)
    anonymous = rng.random(len(who)) < 0.03
    cust[anonymous] = None
    df = pd.DataFrame({
        "customer_id": cust,
        "channel": channels[ch],
        "received_at": pd.to_datetime(received * 60, unit="s"),
        "answered_at": pd.to_datetime(np.where(unanswered, np.nan, answered * 60.0), unit="s"),
        "_who": who,
    })
    df = df[df["received_at"] <= _end_of_day(as_of_day)]
    df = df.sort_values(["received_at", "_who", "channel"], kind="mergesort").reset_index(drop=True)
    df.insert(0, "contact_id", [f"{spec['prefix']}-C{k + 1:05d}" for k in range(len(df))])
    return df.drop(columns="_who")


def _end_of_day(as_of_day: int) -> pd.Timestamp:
    """The last minute of the as-of day."""
    return pd.Timestamp(as_of_day * 86400 + 86399, unit="s")


def satisfaction_table(ctx: Context) -> pd.DataFrame:
    """Yearly satisfaction questionnaires per client and product, scores 1-5 (PL: badanie satysfakcji).

    At most one questionnaire per client and year (``spec["survey_share"]`` of them answered),
    one to five weeks after one of that year's invoices, about the invoice's main product; 3 or
    4 of ``spec["criteria"]`` per questionnaire. A criterion ``(name, mean, change)`` scores
    around ``mean`` plus ``change`` per year since the start, plus a client effect.

    Parameters
    ----------
    ctx : Context
        The generation context (draws from ``ctx.rng``).

    Returns
    -------
    pandas.DataFrame
        ``customer_id``, ``date``, ``product``, ``criterion``, ``score`` (1-5); sorted by date,
        client and criterion.
    """
    spec, rng, plan, as_of_day, transactions = ctx.spec, ctx.rng, ctx.plan, ctx.as_of_day, ctx.transactions
    ci, inv_day, inv_no = ctx.invoices.client, ctx.invoices.day, ctx.invoices.number
    years = pd.to_datetime(inv_day, unit="D").year.to_numpy()
    df = pd.DataFrame({"c": ci, "year": years, "day": inv_day, "doc": inv_no, "key": rng.random(len(ci))})
    df = df.sort_values(["c", "year", "key"], kind="mergesort").groupby(["c", "year"], sort=True).head(1)
    df = df[rng.random(len(df)) < spec.get("survey_share", 0.65)].reset_index(drop=True)
    sale = transactions.loc[transactions["amount"] > 0, ["document_id", "amount", "product"]]
    top = sale.sort_values(["document_id", "amount", "product"], ascending=[True, False, True], kind="mergesort")
    top_product = top.drop_duplicates("document_id").set_index("document_id")["product"]
    criteria = spec["criteria"]
    first_year = int(pd.Timestamp(spec["start"]).year)
    client_eff = rng.normal(0, 0.4, len(plan))
    n_s, n_c = len(df), len(criteria)
    day = np.minimum(df["day"].to_numpy() + rng.integers(7, 35, n_s), as_of_day)
    k = rng.integers(3, 5, n_s)  # 3 or 4 criteria per questionnaire
    picked = np.argsort(rng.random((n_s, n_c)), axis=1)
    take = np.arange(n_c)[None, :] < k[:, None]
    survey = np.repeat(np.arange(n_s), k)
    crit = picked[take]
    mean = np.array([c[1] for c in criteria])
    change = np.array([c[2] for c in criteria])
    c_idx = df["c"].to_numpy()[survey]
    mu = mean[crit] + change[crit] * (df["year"].to_numpy()[survey] - first_year) + client_eff[c_idx]
    score = np.clip(np.round(mu + rng.normal(0, 0.7, len(survey))), 1, 5).astype(np.int64)
    rows = {
        "customer_id": plan["customer_id"].to_numpy()[c_idx],
        "day": day[survey],
        "product": top_product.reindex(df["doc"].to_numpy()[survey]).to_numpy(),
        "criterion": np.array([c[0] for c in criteria], dtype=object)[crit],
        "score": score,
    }
    out = pd.DataFrame(rows)
    out = out.sort_values(["day", "customer_id", "criterion"], kind="mergesort").reset_index(drop=True)
    return pd.DataFrame({
        "customer_id": out["customer_id"].to_numpy(),
        "date": pd.to_datetime(out["day"].to_numpy(), unit="D"),
        "product": out["product"].to_numpy(),
        "criterion": out["criterion"].to_numpy(),
        "score": out["score"].to_numpy(dtype=np.int64),
    })


_IMPORTANCE = {"M": 8.0, "O": 7.0, "A": 5.0, "I": 3.0, "R": 3.0, "Q": 5.0}


def _kano_mix(category: str, previous: str | None) -> dict[str, float]:
    """Category probabilities for a feature planted in ``category`` (moving from ``previous``)."""
    mix = {"R": 0.02, "Q": 0.02}
    main = 0.5 if previous else 0.62
    mix[category] = main
    if previous:
        mix[previous] = 0.2
    rest = [c for c in "AOMI" if c not in mix]
    left = 1.0 - sum(mix.values())
    for c in rest:
        mix[c] = left / len(rest)
    return mix


def kano_table(ctx: Context) -> pd.DataFrame:
    """A Kano questionnaire in two waves; some features moved category (PL: ankieta Kano).

    Each wave ``(label, date, n)`` of ``spec["kano_waves"]`` asks up to ``n`` clients who bought
    in the year before it about every feature ``(feature, category in wave 1, in wave 2)`` of
    ``spec["kano_features"]``: the planted category dominates the answers
    (:func:`salesnb.kano.simulate_answers`), a feature that moved keeps a fifth of its old one.
    Answers are codes 1-5 or the words of :data:`KANO_WORDS` (``spec["kano_words"]``).

    Parameters
    ----------
    ctx : Context
        The generation context (draws from ``ctx.rng``).

    Returns
    -------
    pandas.DataFrame
        ``respondent_id``, ``feature``, ``functional``, ``dysfunctional``, ``importance`` (1-9),
        ``wave``, ``customer_id``, ``segment``; sorted by wave, respondent and feature order.
    """
    spec, rng, plan = ctx.spec, ctx.rng, ctx.plan
    ci, inv_day = ctx.invoices.client, ctx.invoices.day
    feats = spec["kano_features"]
    words = spec.get("kano_words")
    seg_col = spec.get("kano_segment", "segment")
    parts = []
    for w, (label, date, n) in enumerate(spec["kano_waves"]):
        wday = int(pd.Timestamp(date).to_datetime64().astype("datetime64[D]").astype(np.int64))
        recent = np.unique(ci[(inv_day <= wday) & (inv_day > wday - 365)])
        chosen = np.sort(rng.choice(recent, size=min(n, len(recent)), replace=False))
        cids = plan["customer_id"].to_numpy()[chosen]
        order = np.argsort(cids, kind="mergesort")
        chosen, cids = chosen[order], cids[order]
        resp = [f"{spec['prefix']}-R{w + 1}{k + 1:03d}" for k in range(len(chosen))]
        for fi, (feature, c1, c2) in enumerate(feats):
            cat = (c1, c2)[w]
            prev = c1 if (w == 1 and c2 != c1) else None
            ans = simulate_answers(_kano_mix(cat, prev), len(chosen), rng)
            imp = np.array([_IMPORTANCE[c] for c in ans["category"]]) + rng.normal(0, 1.0, len(chosen))
            f = ans["functional"].to_numpy().astype(int)
            d = ans["dysfunctional"].to_numpy().astype(int)
            if words:
                f_out = [KANO_WORDS[words][x] for x in f]
                d_out = [KANO_WORDS[words][x] for x in d]
            else:
                f_out, d_out = [str(x) for x in f], [str(x) for x in d]
            parts.append(pd.DataFrame({
                "respondent_id": resp, "feature": feature, "functional": f_out, "dysfunctional": d_out,
                "importance": np.clip(np.round(imp), 1, 9).astype(np.int64), "wave": label,
                "customer_id": cids, "segment": plan[seg_col].to_numpy()[chosen], "_f": fi,
            }))
    df = pd.concat(parts, ignore_index=True)
    return df.sort_values(["wave", "respondent_id", "_f"], kind="mergesort").drop(columns="_f").reset_index(drop=True)


