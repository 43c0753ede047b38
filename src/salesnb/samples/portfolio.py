"""Which product line each sample deal offers (PL: linia produktowa szansy sprzedaży).

The offer-state grid of *Working with clients* (client x targeted product: not offered, refused,
application, contract signed) needs deals that name a product line. The lines are drawn here
with a generator of their own (``Context.line_rng``), so adding them leaves every other table
of a sample as it was:

- a won deal offers the main line of the invoice it brought (its largest line);
- a lost deal of a buying client is, three times in four, for a line its target group's
  portrait (``segments.yml``) means for it and it never bought (a cross-sell refused), else for
  one of its own lines; an open deal likewise, five times in six (an application in progress);
- a lead's deal offers a line of its group's portrait (any line outside the target groups);
- ``spec["recent_contracts"]`` regular clients of each active sales manager (default 2) signed
  a contract in the last weeks for a targeted line they never bought, not yet invoiced: the
  article's "contract signed (date)" state.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..segments import assign

__all__ = ["client_lines", "deal_amount", "deal_lines", "recent_contracts"]


def client_lines(ctx: Any) -> dict[str, Any]:
    """Per plan row: its target group's lines and the lines it ever bought (PL: linie klienta).

    Parameters
    ----------
    ctx : Context
        The generation context (:class:`salesnb.samples.activities.Context`).

    Returns
    -------
    dict
        ``lines`` (product line names, catalogue order), ``targeted`` and ``bought`` (plan rows
        x lines, bool), ``main_line`` (invoice number -> index of its largest line).
    """
    spec, plan, tx = ctx.spec, ctx.plan, ctx.transactions
    lines = list(dict.fromkeys(p[1] for p in spec["catalog"]))
    n, L = len(plan), len(lines)
    targeted = np.zeros((n, L), dtype=bool)
    segments = spec.get("segments")
    if segments:
        attrs = pd.DataFrame({c[5:]: plan[c].to_numpy() for c in plan.columns if c.startswith("attr:")})
        group = assign(attrs, segments).to_numpy()
        portrait = segments.get("portrait") or {}
        for gid, wanted in portrait.items():
            cols = [lines.index(x) for x in wanted if x in lines]
            rows = np.flatnonzero(group == gid)
            targeted[np.ix_(rows, cols)] = True
    pos = tx[tx["amount"] > 0]
    row_of = pd.Series(np.arange(n), index=plan["customer_id"].to_numpy())
    li = pd.Index(lines).get_indexer(pos["product_line"])
    bought = np.zeros((n, L), dtype=bool)
    bought[row_of.reindex(pos["customer_id"]).to_numpy(), li] = True
    top = pos.assign(_li=li).sort_values(["document_id", "amount", "product"], ascending=[True, False, True],
                                         kind="mergesort").drop_duplicates("document_id")
    main_line = dict(zip(top["document_id"], top["_li"], strict=True))
    return {"lines": lines, "targeted": targeted, "bought": bought, "main_line": main_line}


def _pick(rng: np.random.Generator, options: np.ndarray) -> int:
    return int(options[int(rng.integers(len(options)))])


def deal_lines(ctx: Any, kind: np.ndarray, client: np.ndarray, invoice: np.ndarray, info: dict[str, Any]) -> np.ndarray:
    """The product line each deal offers (PL: linie produktowe szans sprzedaży).

    Parameters
    ----------
    ctx : Context
        The generation context; draws from ``ctx.line_rng`` only.
    kind : numpy.ndarray of str
        Per deal: ``"won"`` (brought an invoice), ``"lost"``, ``"open"``, ``"lead"``.
    client : numpy.ndarray of int
        Per deal, the client's plan row.
    invoice : numpy.ndarray of int
        Per won deal, the invoice it brought (-1 otherwise).
    info : dict
        From :func:`client_lines`.

    Returns
    -------
    numpy.ndarray of object
        The product line names.
    """
    rng = ctx.line_rng
    lines = np.array(info["lines"], dtype=object)
    L = len(lines)
    every = np.arange(L)
    out = np.empty(len(kind), dtype=object)
    number = ctx.invoices.number
    for r in range(len(kind)):
        i = int(client[r])
        tg, own = info["targeted"][i], info["bought"][i]
        if kind[r] == "won":
            out[r] = lines[info["main_line"][number[int(invoice[r])]]]
            continue
        if kind[r] == "lead":
            pool = np.flatnonzero(tg) if tg.any() else every
            out[r] = lines[_pick(rng, pool)]
            continue
        new = np.flatnonzero((tg if tg.any() else np.ones(L, bool)) & ~own)
        share = 0.75 if kind[r] == "lost" else 5 / 6
        if len(new) and (rng.random() < share or not own.any()):
            out[r] = lines[_pick(rng, new)]
        else:
            out[r] = lines[_pick(rng, np.flatnonzero(own) if own.any() else every)]
    return out


def deal_amount(rng: np.random.Generator, typical: float) -> float:
    """A deal's amount (PL: kwota szansy sprzedaży): the client's typical invoice x U(0.6, 1.8), in tens.

    Parameters
    ----------
    rng : numpy.random.Generator
        Draws one uniform number.
    typical : float
        The client's typical invoice total (the median; for a lead, the plan's base amount).

    Returns
    -------
    float
        Rounded to a multiple of 10.
    """
    return float(np.round(typical * rng.uniform(0.6, 1.8), -1))


def recent_contracts(ctx: Any, info: dict[str, Any], typical: np.ndarray) -> list[tuple]:
    """Contracts signed lately for a targeted line not yet invoiced (PL: umowy podpisane, bez faktury).

    Parameters
    ----------
    ctx : Context
        The generation context; draws from ``ctx.line_rng`` only.
    info : dict
        From :func:`client_lines`.
    typical : numpy.ndarray of float
        Per plan row, a typical invoice total (NaN for leads).

    Returns
    -------
    list of tuple
        Deal rows ``(plan row, opened day, product line)`` plus the amount and the closing day:
        ``(i, opened, closed, amount, line)``.
    """
    spec, plan, rng = ctx.spec, ctx.plan, ctx.line_rng
    per_sp = int(spec.get("recent_contracts", 2))
    leaver = spec.get("leaver")
    active = [x for x in spec["salespeople"] if not leaver or x != leaver[0]]
    owner = plan["owner"].to_numpy()
    status = plan["status"].to_numpy()
    open_line = (info["targeted"] & ~info["bought"]).any(axis=1)
    rows = []
    for sp in active:
        cand = np.flatnonzero((owner == sp) & (status == "regular") & open_line & np.isfinite(typical))
        if not len(cand):
            continue
        for i in np.sort(rng.choice(cand, size=min(per_sp, len(cand)), replace=False)):
            li = _pick(rng, np.flatnonzero(info["targeted"][i] & ~info["bought"][i]))
            closed = ctx.as_of_day - int(rng.integers(3, 45))
            opened = closed - int(rng.integers(14, 60))
            amount = deal_amount(rng, typical[i])
            rows.append((int(i), opened, closed, amount, info["lines"][li]))
    return rows
