"""The combined ABC/XYZ table and its summaries (PL: tabela ABC/XYZ i jej podsumowania).

:func:`abc_xyz` gives one row per client with both classes and the article's lifecycle rule
(new clients have an ABC class but no XYZ class; potential clients neither);
:func:`abc_xyz_matrix`, :func:`class_summary` and :func:`compare_classes` summarise it.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..arrays import distinct
from ..errors import DataError, Problem
from ..money import group_sum, to_units
from ..periods import as_of_instant, period_codes, window_start
from ..validation import check_choice, check_frame
from .ranking import (
    ABC_CLASSES,
    ABC_DTYPE,
    ABC_XYZ_CLASSES,
    ABCXYZ_DTYPE,
    DENSE_LIMIT,
    REASON_DTYPE,
    REASONS,
    TOL,
    XYZ_CLASSES,
    XYZ_DTYPE,
    abc_arrays,
    id_rank,
)
from .turnover import Transactions, load_transactions, pair_sums, settings, split_input, turnover_grid
from .xyz import cv_arrays

__all__ = [
    "KINDS",
    "abc_xyz",
    "abc_xyz_matrix",
    "class_summary",
    "compare_classes",
    "distinct_used",
    "lifecycle_new",
    "unclassified",
]

#: The class kinds a summary can be of.
KINDS = ("abc", "xyz", "abc_xyz")
_CLASSES = {"abc": ABC_CLASSES, "xyz": XYZ_CLASSES, "abc_xyz": ABC_XYZ_CLASSES}


def distinct_used(t: Transactions, rows: np.ndarray | None, column: str, company: Any) -> np.ndarray | None:
    """Per client, the distinct products (or lines) it bought, net positive (PL: liczba produktów).

    Parameters
    ----------
    t : Transactions
        The prepared transactions.
    rows : numpy.ndarray of bool or None
        The rows of the analysed periods (None: all).
    column : {"product", "product_line"}
        What to count; product lines come from ``company.products`` when the transactions
        have only products.
    company : Company or None

    Returns
    -------
    numpy.ndarray of int or None
        Per client code, the count (decision 17); None when the data has no such column.
    """
    if column in t.frame.columns:
        col = t.column(column)
    elif column == "product_line" and "product" in t.frame.columns and company is not None \
            and isinstance(getattr(company, "products", None), pd.DataFrame) \
            and {"product", "product_line"} <= set(company.products.columns):
        mapping = company.products.drop_duplicates("product").set_index("product")["product_line"]
        col = t.column("product").map(mapping)
    else:
        return None
    codes, labels = id_rank(col)
    keep = codes >= 0
    if rows is not None:
        keep &= rows
    allrows = bool(keep.all())
    client = t.client if allrows else t.client[keep]
    amount = t.amount if allrows else t.amount[keep]
    codes = codes if allrows else codes[keep]
    na, nb = len(t.labels), max(len(labels), 1)
    if na * nb <= DENSE_LIMIT:
        # Dense (value x client) grid: "bought" from the sales rows; the net sum is needed only
        # for the pairs that also have a correction (few), so only those are summed.
        key = codes * na + client
        used = np.zeros(na * nb, dtype=bool)
        used[key[amount > 0]] = True
        neg = amount < 0
        if neg.any():
            corrected = np.zeros(na * nb, dtype=bool)
            corrected[key[neg]] = True
            rows_c = corrected[key]
            pairs, inv = np.unique(key[rows_c], return_inverse=True)
            used[pairs] = np.bincount(inv, weights=to_units(amount[rows_c]), minlength=len(pairs)) > 0
        return used.reshape(nb, na).sum(axis=0)
    b, a, sums, _ = pair_sums(codes, nb, client, na, [to_units(amount)])
    return np.bincount(a[sums[0] > 0], minlength=na)


def lifecycle_new(first_sale: np.ndarray, T: pd.Timestamp, window: Any) -> np.ndarray:
    """Which clients are new at T (PL: nowi klienci), exactly as :func:`salesnb.lifecycle.statuses` decides.

    A client is new when its first positive settlement is after T - W, with the lifecycle rules
    (the as-of date is a whole day; the end-of-month rule for calendar months).

    Parameters
    ----------
    first_sale : numpy.ndarray of datetime64
        Per client, the first positive settlement (NaT if none).
    T : pandas.Timestamp
        The as-of date.
    window : window-like
        W.

    Returns
    -------
    numpy.ndarray of bool
    """
    t = as_of_instant(T)
    a = window_start(t, window)
    fs = first_sale.astype("datetime64[ns]")
    return (fs > np.datetime64(a.value, "ns")) & (fs <= np.datetime64(t.value, "ns"))


def abc_xyz(
    data: Any,
    as_of: Any = None,
    *,
    abc_thresholds: Sequence[float] | None = None,
    by: str | None = None,
    cumulative: str = "before",
    xyz_thresholds: Sequence[float] | None = None,
    period: str | None = None,
    ddof: int | None = None,
    min_periods: int | None = None,
    span: str | None = None,
    horizon: int | None = None,
    lifecycle_window: Any = None,
    customers: pd.DataFrame | None = None,
    tol: float = TOL,
) -> pd.DataFrame:
    """ABC/XYZ classes of clients (PL: klasyfikacja klientów ABC/XYZ): one table per client.

    The rules of the article *Working with clients* and the decisions of :mod:`salesnb.abcxyz`.
    ABC by ``by`` (turnover or margin) over the analysed periods; XYZ of turnover (CV per
    period); the combined class ``abc_xyz`` (AX ... CZ; the article's most valuable clients are
    A and X using 3-4 products). The article's lifecycle rule, with ``T`` the as-of date and
    ``W`` the lifecycle window (``params.lifecycle_window``, default ``"3M"``):

    - new client: first positive settlement in ``(T - W, T]`` -> ABC class, no XYZ class,
      reason ``reason_new_client``;
    - potential client: in ``customers`` (``company.customers`` by default; with a
      ``first_contact`` column, only those contacted by ``T``) and no transaction up to ``T`` ->
      neither class, reason ``reason_potential_client``; turnover and share 0.

    Parameters
    ----------
    data : DataFrame or Company
        A transactions DataFrame (customer_id, date, amount; optional margin, product,
        product_line) or a loaded company, whose ``params`` and ``as_of`` fill the arguments
        left None.
    as_of : date-like, optional
        The as-of date T (whole day); default the company's, else the last transaction.
    abc_thresholds, by, cumulative
        As :func:`~salesnb.abcxyz.abc` (``thresholds``, ``by``, ``cumulative``); ``by`` may
        also be "turnover" (the same as "amount").
    xyz_thresholds, period, ddof, min_periods, span, horizon
        As :func:`~salesnb.abcxyz.xyz`; ``horizon`` also limits the periods of the ABC
        turnover.
    lifecycle_window : window-like, optional
        W, e.g. ``"3M"``.
    customers : pandas.DataFrame, optional
        Known clients (overrides ``company.customers``), for potential clients.
    tol : float, default 1e-9
        Tolerance at the thresholds.

    Returns
    -------
    pandas.DataFrame
        Index ``customer_id``; columns ``turnover``, ``margin`` (if the data has margins),
        ``share``, ``cum_share`` (cumulative, including the client), ``abc``, ``n_periods``,
        ``cv``, ``xyz``, ``abc_xyz``, ``n_products`` / ``n_product_lines`` (distinct ones
        bought, net positive, in the analysed periods; when the data has them),
        ``first_sale``, ``reason``. Sorted in ABC ranking order (value descending, ties by id),
        potential clients last by id. ``attrs`` holds the parameters used.

    Raises
    ------
    ParameterError
        For an argument that is not allowed.
    DataError
        For transactions that cannot be analysed, or a total without a positive value.
    """
    fn = "salesnb.abcxyz.abc_xyz"
    tx_df, company = split_input(data, fn)
    s = settings(company, fn, abc_thresholds=abc_thresholds, by=by, cumulative=cumulative,
                 xyz_thresholds=xyz_thresholds, period=period, ddof=ddof, min_periods=min_periods, span=span,
                 horizon=horizon, lifecycle_window=lifecycle_window, tol=tol)
    by_, period_, tol = s.by, s.period, s.tol
    t = load_transactions(tx_df, as_of, company, need_margin=(by_ == "margin"))
    c = turnover_grid(t, period_)
    end = int(period_codes(np.array([t.as_of.to_datetime64()]), period_)[0])
    lo = end - s.horizon + 1 if s.horizon else None
    r = cv_arrays(c, end, lo, s.span, s.ddof, s.min_periods, s.xyz_thresholds, tol)
    idx = np.flatnonzero(r["active"])
    # ABC over the same periods; margins per client straight from the rows.
    rows = t.periods(period_) >= lo if lo is not None else None
    margin_total = None
    if t.margin is not None:
        w_cl, w_m = (t.client, t.margin) if rows is None else (t.client[rows], t.margin[rows])
        margin_total = group_sum(w_cl, w_m, c.n_clients)
    value = r["total"] if by_ == "amount" else margin_total
    a = abc_arrays(value[idx], None, idx, s.abc_thresholds, s.cumulative, tol)
    if not (a["total"] > 0).all():
        raise DataError(Problem(None, f"the total {by_} of the clients up to {t.as_of.date()} has no positive value "
                                      "(all zero or negative): there is no result to share out.", column=by_,
                                fix="check the as-of date, the horizon and the corrections (credit notes)."))
    new = lifecycle_new(c.first_sale[idx], t.as_of, s.window)
    xcode = r["code"][idx].copy()
    reason = r["reason"][idx].copy()
    xcode[new] = -1
    reason[new] = REASONS.index("reason_new_client")
    # Only corrections, never a positive settlement: potential, as in salesnb.lifecycle (no class).
    never = np.isnat(c.first_sale[idx])
    xcode[never] = -1
    reason[never] = REASONS.index("reason_potential_client")
    cv = np.where(new | never, np.nan, r["cv"][idx])
    acode = np.where(never, -1, a["code"])
    combo = np.where((acode >= 0) & (xcode >= 0), acode.astype(np.int16) * 3 + xcode, -1)
    order = a["order"]
    cols: dict[str, Any] = {"turnover": r["total"][idx]}
    if margin_total is not None:
        cols["margin"] = margin_total[idx]
    cols.update(share=a["share"], cum_share=a["cum_share"],
                abc=pd.Categorical.from_codes(acode, dtype=ABC_DTYPE),
                n_periods=r["n"][idx], cv=cv,
                xyz=pd.Categorical.from_codes(xcode, dtype=XYZ_DTYPE),
                abc_xyz=pd.Categorical.from_codes(combo, dtype=ABCXYZ_DTYPE))
    for col in ("product", "product_line"):
        used = distinct_used(t, rows, col, company)
        if used is not None:
            cols[f"n_{col}s"] = used[idx]
    cols["first_sale"] = pd.to_datetime(c.first_sale[idx]).as_unit("ns") if len(idx) else pd.to_datetime([])
    cols["reason"] = pd.Categorical.from_codes(reason, dtype=REASON_DTYPE)
    table = pd.DataFrame(cols, index=pd.Index(t.labels.take(idx), name="customer_id"))
    table = table.iloc[order]
    # Potential clients: known, never settled up to T.
    known = customers if customers is not None else getattr(company, "customers", None)
    if isinstance(known, pd.DataFrame) and "customer_id" in known.columns and len(known):
        kmask = known["customer_id"].notna().to_numpy()
        if "first_contact" in known.columns:
            fc = pd.to_datetime(known["first_contact"], errors="coerce")
            kmask = kmask & (fc.isna() | (fc < t.as_of + pd.Timedelta(days=1))).to_numpy()
        kid = known["customer_id"]
        tid = tx_df["customer_id"]
        # every known client with no settlement up to T and not already in the table (with a horizon,
        # a client whose only rows are corrections before it is still potential, as in lifecycle)
        bought_code = ~np.isnat(c.first_sale)
        bought_code[idx] = True
        if isinstance(kid.dtype, pd.CategoricalDtype) and isinstance(tid.dtype, pd.CategoricalDtype) \
                and kid.cat.categories.equals(tid.cat.categories):
            # Same categories (a big export): compare codes, no hashing of strings.
            kc = kid.cat.codes.to_numpy()[kmask]
            kc = kc[kc >= 0]
            pot = t.labels.take(distinct(kc[~bought_code[kc]]))
        else:
            kids = pd.Index(np.asarray(kid.to_numpy()[kmask], dtype=object)).unique()
            bought = pd.Index(np.asarray(t.labels.take(np.flatnonzero(bought_code)), dtype=object))
            pot = kids.difference(bought)
            pot = pot[np.argsort(id_rank(pot)[0], kind="stable")]
        if len(pot):
            extra = pd.DataFrame(index=pd.Index(pot, name="customer_id"), columns=table.columns)
            extra["turnover"] = 0.0
            if "margin" in extra:
                extra["margin"] = 0.0
            extra["share"] = 0.0
            extra["cum_share"] = np.nan
            extra["n_periods"] = 0
            extra["cv"] = np.nan
            for k in ("n_products", "n_product_lines"):
                if k in extra:
                    extra[k] = 0
            extra["first_sale"] = pd.NaT
            for k, dt in (("abc", ABC_DTYPE), ("xyz", XYZ_DTYPE), ("abc_xyz", ABCXYZ_DTYPE)):
                extra[k] = pd.Categorical([None] * len(pot), dtype=dt)
            extra["reason"] = pd.Categorical(["reason_potential_client"] * len(pot), dtype=REASON_DTYPE)
            extra = extra.astype(table.dtypes.to_dict())
            table = pd.concat([table, extra])
            table.index.name = "customer_id"
    table.attrs.update(s.attrs(t.as_of))
    return table


def abc_xyz_matrix(table: pd.DataFrame, value: str = "turnover") -> dict[str, pd.DataFrame]:
    """The 3x3 ABC-XYZ matrix (PL: macierz ABC-XYZ): clients and share of the total per cell.

    Shares are of the positive ``value`` (turnover or margin) of *all* clients in the table, so
    clients without an XYZ class (new, short history) hold the rest (1 minus the matrix sum).
    A and X are the most valuable (the article *Working with clients*).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`abc_xyz`.
    value : {"turnover", "margin"}, default "turnover"
        What the shares are of.

    Returns
    -------
    dict of pandas.DataFrame
        ``{"clients": counts, "share": shares}``, each ABC rows x XYZ columns.

    Raises
    ------
    ParameterError
        If ``table`` lacks the columns or ``value`` is not one of them.
    """
    _check_table(table, value, "salesnb.abcxyz.abc_xyz_matrix")
    cls = table[table["abc"].notna() & table["xyz"].notna()]
    counts = pd.crosstab(cls["abc"], cls["xyz"], dropna=False).reindex(
        index=list(ABC_CLASSES), columns=list(XYZ_CLASSES), fill_value=0)
    total = float(table[value].clip(lower=0).sum())
    sums = cls.assign(_v=cls[value].clip(lower=0)).pivot_table(
        index="abc", columns="xyz", values="_v", aggfunc="sum", observed=False)
    sums = sums.reindex(index=list(ABC_CLASSES), columns=list(XYZ_CLASSES)).fillna(0.0)
    shares = sums / total if total > 0 else sums * np.nan
    return {"clients": counts.rename_axis(index="abc", columns="xyz"),
            "share": shares.rename_axis(index="abc", columns="xyz")}


def compare_classes(before: pd.DataFrame, after: pd.DataFrame, kind: str = "xyz") -> pd.DataFrame:
    """How a change of parameters moves clients between classes (PL: przesunięcia między klasami).

    Parameters
    ----------
    before, after : pandas.DataFrame
        :func:`abc_xyz` tables of the same clients under two settings (e.g. months vs quarters,
        50/80 vs 80/95).
    kind : {"abc", "xyz", "abc_xyz"}, default "xyz"
        Which class.

    Returns
    -------
    pandas.DataFrame
        The count of clients per (class before, class after), rows and columns including "-"
        for no class; the diagonal is the clients that stay.

    Raises
    ------
    ParameterError
        For an unknown ``kind`` or a table without that column.
    """
    fn = "salesnb.abcxyz.compare_classes"
    kind = check_choice("kind", kind, KINDS, function=fn)
    check_frame("before", before, columns=(kind,), function=fn)
    check_frame("after", after, columns=(kind,), function=fn)
    a = before[kind].astype(object).where(before[kind].notna(), "-")
    b = after[kind].astype(object).reindex(a.index)
    b = b.where(b.notna(), "-")
    order = [*_CLASSES[kind], "-"]
    out = pd.crosstab(a, b).reindex(index=order, columns=order, fill_value=0)
    return out.rename_axis(index=f"{kind}_before", columns=f"{kind}_after")


def class_summary(table: pd.DataFrame, kind: str = "abc", value: str = "turnover") -> pd.DataFrame:
    """Clients and value per class (PL: podsumowanie klas): how the result splits by class.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`abc_xyz`.
    kind : {"abc", "xyz", "abc_xyz"}, default "abc"
        Which class.
    value : {"turnover", "margin"}, default "turnover"
        What the value shares are of.

    Returns
    -------
    pandas.DataFrame
        One row per class of ``kind`` (in class order; unclassified clients are left out):
        ``clients``, ``client_share`` (of the classified clients), ``value_share`` (of the
        positive ``value`` of all clients in the table) and, where the table has it,
        ``mean_product_lines`` used: the article's most valuable clients are A and X, using 3-4
        of the company's products.

    Raises
    ------
    ParameterError
        For an unknown ``kind`` or ``value``.
    """
    fn = "salesnb.abcxyz.class_summary"
    kind = check_choice("kind", kind, KINDS, function=fn)
    _check_table(table, value, fn, kind)
    classes = list(_CLASSES[kind])
    cls = table[table[kind].notna()]
    key = cls[kind].astype(str)
    total = float(table[value].clip(lower=0).sum())
    out = pd.DataFrame({"clients": key.value_counts().reindex(classes, fill_value=0)})
    out["client_share"] = out["clients"] / max(int(out["clients"].sum()), 1)
    out["value_share"] = (cls[value].clip(lower=0).groupby(key).sum().reindex(classes, fill_value=0.0)
                          / total if total > 0 else np.nan)
    if "n_product_lines" in cls:
        out["mean_product_lines"] = cls["n_product_lines"].groupby(key).mean().reindex(classes)
    out.index.name = kind
    return out


def _check_table(table: Any, value: Any, function: str, *kinds: str) -> None:
    check_frame("table", table, columns=kinds or ("abc", "xyz"), function=function,
                fix="pass the table salesnb.abcxyz.abc_xyz returns.")
    check_choice("value", value, [c for c in ("turnover", "margin") if c in table.columns], function=function)


def unclassified(table: pd.DataFrame, data: Any) -> pd.DataFrame:
    """Clients without an XYZ class and why (PL: klienci bez klasy XYZ i przyczyna jej braku).

    The reasons of :func:`abc_xyz`'s table (a new client has an ABC class only; a potential
    client neither; too short a history or no positive turnover leave XYZ out), and one more the
    table cannot show: clients who settled before the horizon but not within it, whom a table
    limited to the horizon leaves out (this workbook's default horizon is the last 12 months, so
    a long-lost client does not keep class A). Every client who ever settled or is known is then
    counted once: in a class, or here.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`abc_xyz`.
    data : DataFrame or Company
        What ``table`` was computed from: its transactions (``customer_id``, ``date``,
        ``amount``).

    Returns
    -------
    pandas.DataFrame
        One row per reason with any client (index ``reason``, a catalogue key), column
        ``clients``; ``reason_no_sale_in_horizon`` last.

    Raises
    ------
    ParameterError
        For a table without ``reason`` or data without transactions.
    """
    fn = "salesnb.abcxyz.unclassified"
    check_frame("table", table, columns=("reason",), function=fn, fix="pass the table salesnb.abcxyz.abc_xyz returns.")
    tx, _ = split_input(data, fn)
    counts = table["reason"].value_counts(sort=False).reindex(list(REASONS), fill_value=0)
    as_of = table.attrs.get("as_of")
    sold = tx["amount"].to_numpy() > 0
    if as_of is not None:
        sold &= (pd.to_datetime(tx["date"]) <= as_of_instant(as_of)).to_numpy()
    buyers = pd.Index(pd.unique(np.asarray(tx["customer_id"].to_numpy()[sold], dtype=object)))
    counts["reason_no_sale_in_horizon"] = int((~buyers.isin(table.index.astype(object))).sum())
    out = counts[counts > 0].rename("clients").to_frame()
    out.index.name = "reason"
    return out
