"""What a dataset holds: key facts, revenue by month and line, data quality (PL: przegląd danych).

Pure functions over a loaded :class:`~salesnb.company.Company` or its tables. Amounts are net:
corrections (negative amounts, credit notes) reduce revenue in the month of their date.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .i18n import label_columns, t
from .schema import TABLES


def summary(company) -> pd.DataFrame:
    """Key facts of a dataset (PL: podstawowe fakty o zbiorze danych).

    Parameters
    ----------
    company : Company
        A loaded company (its ``transactions``, ``customers`` and ``analysis_date``).

    Returns
    -------
    pandas.DataFrame
        One row per measure (``measure`` is an i18n key, ``value`` the figure): clients known
        (in ``customers`` or in the transactions), clients who bought (a positive amount),
        leads that never bought, the first and last transaction date, the as-of date, months of
        history, the number of transactions, net revenue, the number and amount of corrections
        (negative amounts), and, where the transactions have those columns, the number of
        product lines, products and sales managers. Money is rounded to 2 decimals.
    """
    tx = company.transactions
    buyers = set(tx.loc[tx["amount"] > 0, "customer_id"].unique())
    known = set(company.customers["customer_id"]) | set(tx["customer_id"].unique())
    corr = tx["amount"] < 0
    first, last = tx["date"].min(), tx["date"].max()
    months = (last.to_period("M") - first.to_period("M")).n + 1
    rows = [
        ("clients_known", len(known)),
        ("clients_buying", len(buyers)),
        ("leads_never_bought", len(known - buyers)),
        ("first_date", first.date().isoformat()),
        ("last_date", last.date().isoformat()),
        ("as_of", company.analysis_date.date().isoformat()),
        ("months_of_history", months),
        ("n_transactions", len(tx)),
        ("net_revenue", round(float(tx["amount"].sum()), 2)),
        ("n_corrections", int(corr.sum())),
        ("corrections_amount", round(float(tx.loc[corr, "amount"].sum()), 2)),
    ]
    for key, col in (("n_product_lines", "product_line"), ("n_products", "product"), ("n_salespeople", "salesperson")):
        if col in tx:
            rows.append((key, int(tx[col].nunique())))
    return pd.DataFrame(rows, columns=["measure", "value"])


def revenue_by_month(transactions: pd.DataFrame, by: str | None = "product_line", top: int | None = 6) -> pd.DataFrame:
    """Net revenue per calendar month (rows) and ``by`` category (columns) (PL: przychód miesięczny).

    Net: corrections (negative amounts) reduce revenue in the month of their date.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Transactions (``date`` as datetimes, ``amount``; the ``by`` column if any).
    by : str or None, default "product_line"
        The category of the columns; ``None``, or a column the transactions lack, gives one
        column ``total``.
    top : int or None, default 6
        With more than ``top`` categories, the ``top - 1`` largest (by net revenue) are kept and
        the rest summed as "other"; ``None`` keeps every category.

    Returns
    -------
    pandas.DataFrame
        Index ``month`` (monthly periods, from the first to the last transaction's month, months
        without sales present with 0); columns the categories, largest first.
    """
    tx = transactions
    month = tx["date"].dt.to_period("M")
    if by is None or by not in tx:
        table = tx.groupby(month)["amount"].sum().to_frame("total")
    else:
        table = tx.groupby([month, tx[by].astype(str)], observed=True)["amount"].sum().unstack(fill_value=0.0)
        order = table.sum().sort_values(ascending=False).index
        table = table[order]
        if top is not None and table.shape[1] > top:
            keep = list(order[: top - 1])
            table = table[keep].assign(other=table.drop(columns=keep).sum(axis=1))
    full = pd.period_range(month.min(), month.max(), freq="M")
    table = table.reindex(full, fill_value=0.0)
    table.index.name = "month"
    table.columns.name = by
    return table


def revenue_by_line(transactions: pd.DataFrame) -> pd.DataFrame:
    """Net revenue and share per product line, largest first (PL: przychód według linii).

    Parameters
    ----------
    transactions : pandas.DataFrame
        Transactions (``amount``; ``product_line`` or ``product`` if present).

    Returns
    -------
    pandas.DataFrame
        One row per product line: ``revenue`` (net, rounded to 2 decimals) and ``share`` of the
        total (rounded to 4). Without product lines (an optional column) the products are used
        (the index is named after the column used), and without those one row ``total``.
    """
    tx = transactions
    by = next((c for c in ("product_line", "product") if c in tx), None)
    key = tx[by].astype(str) if by else pd.Series("total", index=tx.index)
    s = tx["amount"].groupby(key.rename(by or "product_line")).sum().sort_values(ascending=False)
    return pd.DataFrame({"revenue": s.round(2), "share": (s / s.sum()).round(4)})


def _row_codes(col: pd.Series) -> np.ndarray:
    """One 64-bit integer per value, equal for equal values (missing values equal each other)."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.cat.codes.to_numpy().astype(np.uint64)
    if pd.api.types.is_datetime64_any_dtype(col.dtype) and getattr(col.dt, "tz", None) is None:
        return col.to_numpy(dtype="datetime64[ns]").view(np.uint64)
    if pd.api.types.is_float_dtype(col.dtype) or pd.api.types.is_integer_dtype(col.dtype):
        v = col.to_numpy(dtype=float, na_value=np.nan)
        v = np.where(np.isnan(v), np.nan, v + 0.0)  # one NaN pattern; -0.0 equals 0.0
        return v.view(np.uint64)
    return pd.factorize(col)[0].astype(np.int64).view(np.uint64)


def duplicate_rows(df: pd.DataFrame) -> int:
    """How many rows repeat an earlier row exactly, in time linear in the rows (PL: duplikaty).

    Each row gets one 64-bit hash mixed from its columns' integer codes (categorical codes, the
    bits of numbers and dates, factorized text); only rows whose hash repeats are compared in
    full, so the count is exact and the cost grows with the data, not faster.

    Parameters
    ----------
    df : pandas.DataFrame
        Any table.

    Returns
    -------
    int
        The number of rows equal to an earlier row (all columns).
    """
    if len(df) < 2 or df.shape[1] == 0:
        return 0
    h = np.zeros(len(df), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for name in df.columns:
            h = (h ^ _row_codes(df[name])) * np.uint64(0x100000001B3)  # FNV-style mixing, wrapping
            h ^= h >> np.uint64(29)
    ordered = np.sort(h)
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    if not len(repeated):
        return 0
    candidates = np.isin(h, repeated)
    return int(df[candidates].duplicated().sum())


#: Optional columns that are empty by design in some rows: a value is expected only where the
#: function is true (a refusal stage and reason for lost deals, a closing date for decided deals).
_EXPECTED = {
    ("deals", "refusal_stage"): lambda df: df["outcome"].astype(object).eq("lost"),
    ("deals", "refusal_reason"): lambda df: df["outcome"].astype(object).eq("lost"),
    ("deals", "closed_at"): lambda df: df["outcome"].astype(object).ne("open"),
}
#: Optional columns whose empty cells mean something (an enquiry not answered, an enquiry from
#: someone not yet a client, an answer about the company rather than a product): counted, not flagged.
_BLANK_BY_DESIGN = (("contacts", "answered_at"), ("contacts", "customer_id"), ("satisfaction", "product"))


def data_quality(company) -> pd.DataFrame:
    """Checks worth a look before analysis (PL: kontrola jakości danych).

    The loader has already refused anything unreadable; these are allowed but notable: missing
    optional values, corrections, zero amounts, exact duplicate rows, rows after the as-of date,
    and clients who never bought. An optional column that is empty by design is not a problem:
    a refusal stage or reason is expected only for lost deals and a closing date only for decided
    ones; enquiries not answered or from someone not yet a client, and survey answers about the
    company rather than a product, are counted but not flagged (as the service checks do).

    Parameters
    ----------
    company : Company
        A loaded company (every table of :data:`salesnb.schema.TABLES` it has).

    Returns
    -------
    pandas.DataFrame
        One row per (table, check): ``table``, ``check`` (an i18n key, ``missing_values:<column>``
        for an optional column), ``count`` and ``status``: ``ok``, or ``look`` for a non-zero
        count of a check other than the informative ones (rows, clients without sales,
        corrections, blanks by design).
    """
    rows = []
    for name in TABLES:
        df = getattr(company, name, None)
        if df is None:
            continue
        rows.append((name, "rows", len(df)))
        optional = [c.name for c in TABLES[name].columns if not c.required and c.name in df]
        for col in optional:
            expected = _EXPECTED.get((name, col))
            blank = df[col].isna()
            n = int((blank & expected(df)).sum()) if expected is not None else int(blank.sum())
            if n:
                rows.append((name, f"missing_values:{col}", n))
        rows.append((name, "duplicate_rows", duplicate_rows(df)))
    tx = company.transactions
    rows.append(("transactions", "n_corrections", int((tx["amount"] < 0).sum())))
    rows.append(("transactions", "zero_amounts", int((tx["amount"] == 0).sum())))
    rows.append(("transactions", "after_as_of", int((tx["date"].dt.normalize() > company.analysis_date).sum())))
    bought = set(tx.loc[tx["amount"] > 0, "customer_id"])
    rows.append(("customers", "clients_without_sales", int((~company.customers["customer_id"].isin(bought)).sum())))
    out = pd.DataFrame(rows, columns=["table", "check", "count"])
    by_design = {(table, f"missing_values:{col}") for table, col in _BLANK_BY_DESIGN}
    by_design_rows = np.array([(tb, ck) in by_design for tb, ck in zip(out["table"], out["check"], strict=True)], bool)
    informative = out["check"].isin(["rows", "clients_without_sales", "n_corrections"]) | by_design_rows
    out["status"] = "ok"
    out.loc[~informative & (out["count"] > 0), "status"] = "look"
    return out


def label_quality(table: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """The data-quality table with its checks and headers in ``language`` (PL: kontrola jakości danych).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`data_quality`.
    language : {"en", "pl"}, default "en"
        The language of the labels.

    Returns
    -------
    pandas.DataFrame
        A copy with tables, checks, statuses and headers labelled.

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    def check_label(c: str) -> str:
        key, _, col = c.partition(":")
        return f"{t(key, language)}: {t(col, language)}" if col else t(key, language)

    out = table.assign(table=table["table"].map(lambda x: t(x, language)),
                       check=table["check"].map(check_label),
                       status=table["status"].map(lambda x: t(x, language)))
    return label_columns(out, language)


def label_summary(table: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """The summary table with measures and headers in ``language`` (PL: podstawowe fakty o zbiorze danych).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`summary`.
    language : {"en", "pl"}, default "en"
        The language of the labels.

    Returns
    -------
    pandas.DataFrame
        A copy with measures and headers labelled.

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    return label_columns(table.assign(measure=table["measure"].map(lambda x: t(x, language))), language)
