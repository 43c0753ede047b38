"""Large synthetic transactions for benchmarks (PL: duże dane syntetyczne do testów wydajności).

Millions of rows in seconds, vectorised and seedable, without the story of the sample
companies: for the methods' benchmarks (``benchmarks/``) and their scale tests. For a large
company folder with the samples' story use ``generate(name, seed, scale)`` and
``write_company`` instead.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..validation import check_number

__all__ = ["benchmark_transactions"]


def benchmark_transactions(
    n_transactions: int = 10_000_000,
    n_customers: int = 500_000,
    months: int = 36,
    seed: int = 0,
    start: str = "2023-01-01",
    n_salespeople: int = 20,
    n_product_lines: int = 6,
    products_per_line: int = 10,
    correction_share: float = 0.02,
    lead_share: float = 0.05,
) -> dict[str, pd.DataFrame]:
    """Large synthetic transactions and customers for benchmarks (PL: syntetyczne transakcje).

    Every one of ``n_customers`` buys at least once; purchase counts follow a skewed (lognormal)
    weight; each client is active over its own span inside ``months`` months from ``start``, so
    the set contains new, regular, lost and restored clients (the client lifecycle of *Working
    with clients*). About ``correction_share`` of rows are corrections (negative amounts).

    Parameters
    ----------
    n_transactions : int, default 10_000_000
        Rows of ``transactions``; at least ``n_customers``.
    n_customers : int, default 500_000
        Clients who buy.
    months : int, default 36
        Length of the history.
    seed : int, default 0
        Random seed.
    start : str, default "2023-01-01"
        First day of the history.
    n_salespeople, n_product_lines, products_per_line : int
        Sales managers (one per client), product lines and products in each line.
    correction_share : float, default 0.02
        Share of rows that are corrections.
    lead_share : float, default 0.05
        Leads that never bought, as a share of ``n_customers``, added to ``customers``.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``transactions`` (``date`` datetime64; ``customer_id``, ``product``, ``product_line``,
        ``salesperson`` categoricals of strings, as a large export would be loaded; ``amount``,
        ``margin`` float64) and ``customers`` (``customer_id``, ``salesperson``,
        ``first_contact``).

    Raises
    ------
    ParameterError
        If a count is not a whole number >= 1 (``seed`` >= 0), ``n_transactions`` is below
        ``n_customers``, or a share is outside [0, 1].
    """
    function = "salesnb.samples.benchmark_transactions"
    n_customers = check_number("n_customers", n_customers, low=1, integer=True, function=function)
    n_transactions = check_number("n_transactions", n_transactions, low=n_customers, integer=True, function=function,
                                  fix="every client buys at least once: pass n_transactions >= n_customers.")
    months = check_number("months", months, low=1, integer=True, function=function)
    seed = check_number("seed", seed, low=0, integer=True, function=function)
    for name, value in (("n_salespeople", n_salespeople), ("n_product_lines", n_product_lines),
                        ("products_per_line", products_per_line)):
        check_number(name, value, low=1, integer=True, function=function)
    for name, value in (("correction_share", correction_share), ("lead_share", lead_share)):
        check_number(name, value, low=0, high=1, function=function)
    rng = np.random.default_rng(seed)
    start_ts = pd.Timestamp(start)
    end_ts = start_ts + pd.DateOffset(months=months)
    n_days = (end_ts - start_ts).days

    # Client spans: a first day and a last day of activity.
    first = rng.integers(0, n_days, n_customers)
    length = (rng.exponential(0.6, n_customers) * n_days).astype(np.int64)
    last = np.minimum(first + length, n_days - 1)
    weight = rng.lognormal(0.0, 1.0, n_customers)

    extra = n_transactions - n_customers
    cum = np.cumsum(weight)
    picks = np.searchsorted(cum, rng.random(extra) * cum[-1], side="right")
    cust = np.concatenate([np.arange(n_customers), np.minimum(picks, n_customers - 1)])
    cust = cust[rng.permutation(n_transactions)]
    offset = (rng.random(n_transactions) * (last[cust] - first[cust] + 1)).astype(np.int64)
    day = first[cust] + offset

    scale = rng.lognormal(6.5, 0.8, n_customers)
    amount = np.round(scale[cust] * rng.lognormal(0.0, 0.5, n_transactions), 2)
    corr = rng.random(n_transactions) < correction_share
    amount[corr] = -np.round(amount[corr] * rng.uniform(0.05, 0.5, int(corr.sum())), 2)
    margin = np.round(amount * rng.uniform(0.1, 0.4, n_transactions), 2)

    cust_names = np.array([f"C{i:07d}" for i in range(n_customers + int(n_customers * lead_share))])
    line_names = [f"Line {i + 1}" for i in range(n_product_lines)]
    n_products = n_product_lines * products_per_line
    prod_names = [f"P{i:03d}" for i in range(n_products)]
    sp_names = [f"Manager {i + 1:02d}" for i in range(n_salespeople)]
    prod = rng.integers(0, n_products, n_transactions)
    owner = rng.integers(0, n_salespeople, len(cust_names))

    transactions = pd.DataFrame(
        {
            "date": start_ts + pd.to_timedelta(day, unit="D"),
            "customer_id": pd.Categorical.from_codes(cust, categories=cust_names),
            "amount": amount,
            "product": pd.Categorical.from_codes(prod, categories=prod_names),
            "product_line": pd.Categorical.from_codes(prod // products_per_line, categories=line_names),
            "salesperson": pd.Categorical.from_codes(owner[cust], categories=sp_names),
            "margin": margin,
        }
    )
    n_all = len(cust_names)
    first_contact_day = np.concatenate(
        [np.maximum(first - rng.integers(0, 90, n_customers), 0), rng.integers(0, n_days, n_all - n_customers)]
    )
    customers = pd.DataFrame(
        {
            "customer_id": pd.Categorical(cust_names, categories=cust_names),
            "salesperson": pd.Categorical.from_codes(owner, categories=sp_names),
            "first_contact": start_ts + pd.to_timedelta(first_contact_day, unit="D"),
        }
    )
    return {"transactions": transactions, "customers": customers}
