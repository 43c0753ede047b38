"""The KPI tables for a period (PL: tabele wskaźników): per sales manager and per client."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..abcxyz import abc_xyz
from ..arrays import distinct
from ..i18n import LABELS
from ..i18n import t as _label
from ..money import group_sum
from ..periods import window_label
from ..settlements import NS_DAY, POTENTIAL, STATUSES, client_order, datetimes, status_categorical
from ..validation import check_frame
from .period import Period, count_unique, period_facts, product_line_codes

__all__ = [
    "CLIENT_KPI_COLUMNS",
    "KPI_GROUPS",
    "MANAGER_KPI_COLUMNS",
    "UNASSIGNED",
    "client_kpis",
    "idle_managers",
    "label_kpis",
    "manager_kpis",
]

#: Row label for sales that no salesperson can be credited with.
UNASSIGNED = "(unassigned)"
_IMAX = np.iinfo(np.int64).max
_IMIN = np.iinfo(np.int64).min

#: Column order of :func:`manager_kpis`, following the article's table, then the extras.
MANAGER_KPI_COLUMNS: tuple[str, ...] = (
    "potential_clients",
    "primary_sales_count",
    "lost_clients",
    "restored_clients",
    "primary_sales_amount",
    "repeat_sales_amount",
    "new_direction_sales_amount",
    "repeat_sales_count",
    "new_direction_sales_count",
    "corrections_amount",
    "leads",
    "converted_clients",
    "conversion",
    "new_leads",
    "new_leads_converted",
    "new_lead_conversion",
    "lost_lines",
)
_ADDITIVE = tuple(c for c in MANAGER_KPI_COLUMNS if c not in ("conversion", "new_lead_conversion"))

#: The manager table's columns in groups a reader can take in at once: the article's own table,
#: the counts behind the sales, and the conversion of first contacts.
KPI_GROUPS: dict[str, tuple[str, ...]] = {
    "article": ("potential_clients", "primary_sales_count", "lost_clients", "restored_clients",
                "primary_sales_amount", "repeat_sales_amount", "new_direction_sales_amount"),
    "sales": ("repeat_sales_count", "new_direction_sales_count", "corrections_amount", "lost_lines"),
    "conversion": ("leads", "converted_clients", "conversion", "new_leads", "new_leads_converted",
                   "new_lead_conversion"),
}


def manager_kpis(
    company: Any,
    period_start: Any,
    period_end: Any,
    window: Any = None,
    *,
    customers: pd.DataFrame | None = None,
    language: str | None = None,
    class_changes: bool = False,
) -> pd.DataFrame:
    """The article's per-sales-manager KPI table for a period (PL: wskaźniki menedżerów sprzedaży).

    The KPIs of the article *Working with clients* for judging sales managers, and its table
    "Okres 01.01.09-31.03.09 (dane według pracowników)". One row per sales manager, sorted by
    name, and a last row "Total" (PL "Razem") that is the sum of the rows, with two exceptions:
    the ratios (``conversion``, ``new_lead_conversion``) are ratios of the sums, and
    ``primary_sales_count`` counts each client once (a client whose first-day purchases name two
    salespeople is a primary sale of each of them, but one client won by the company).

    The period is ``[period_start, period_end]``, whole days; T = the end of ``period_end``, the
    statuses use window W (default the company's ``lifecycle_window`` or "3M"). The article names
    the KPIs but not how to compute them: the rules below for sales, crediting and the client
    columns are the workbook's decisions.

    **Sales** (settlement rows, amount > 0, in the period), rule for a row of client c in
    product line L on day d:

    - *primary* (PL: sprzedaż pierwotna): d is c's first settlement day ever (every line that
      day; the first sale to the client);
    - *new direction* (PL: sprzedaż pierwotna w nowych kierunkach): not primary, and d is the
      first day c bought in L (the first sale in a product line new to the client);
    - *repeat* (PL: sprzedaż powtórna): otherwise, i.e. c had bought in L on an earlier day.

    Counts: ``primary_sales_count`` = clients with their primary sale in the period (one primary
    sale per client, i.e. new clients won); ``new_direction_sales_count`` = (client, line) pairs
    opened; ``repeat_sales_count`` = (client, line, day) purchases. Amounts are sums of
    settlement rows. Corrections (credit notes) in the period are in ``corrections_amount`` and
    in no other amount, so primary + repeat + new direction + corrections = net sales.

    **Crediting**: a sale goes to the transaction's ``salesperson``; where that is missing, to
    the client's salesperson. The client's salesperson is the one in ``customers``, else the one
    on the client's last transaction row up to T (that names one). Client counts (potential,
    lost, restored, leads, conversion, lost lines) go to the client's salesperson. Sales nobody
    can be credited with are in a row "(unassigned)".

    **Client columns** (at T, by the client's salesperson):

    - ``potential_clients`` (PL: Pot. klienci): status potential at T = known by T (a lead with
      ``first_contact`` on or before T, or no date) and no settlement up to T;
    - ``lost_clients`` (PL: utraceni klienci; the article's header "straconych klientów"):
      active (new/regular/restored) at the day before the period and lost at T, i.e. left
      during the period;
    - ``restored_clients`` (PL: klienci przywróceni): the mirror of ``lost_clients``, clients
      who came back during the period: lost at the day before the period (settled before, not in
      the window then) and active (regular or restored) at T, which means they settled in the
      current window. (A client whose status at T is "restored" but who was already active at
      the start came back before the period and is not counted.)
    - ``leads``: clients with no settlement before the period and known by T (first contact in
      the period or before); ``converted_clients``: those whose first settlement is in the
      period (clients missing from ``customers`` count as contacted on their first purchase);
      ``conversion`` (PL: konwersja) = converted / leads. By construction leads = potential
      at T + converted clients. This reading divides by every lead still unconverted at T,
      however long ago it was first contacted; the article speaks of potential clients "who
      contacted the company for the first time", so the cohort reading is given too:
      ``new_leads`` (first contact in the period: ``first_contact`` in customers, or the first
      transaction for clients it does not list), ``new_leads_converted`` (those of them with a
      first purchase in the period) and ``new_lead_conversion`` = the ratio.
    - ``lost_lines`` (PL: utracone linie produktowe): the article's client lost "in one or
      several areas": (client, product line) pairs with a settlement in the line within W
      before the period and none within W before T, for clients still active at T (a client
      lost altogether is in ``lost_clients`` instead).

    ``class_changes=True`` adds ``class_changes`` (PL: zmiany klasy; the article's KPI "klasa
    klienta, historia zmian klas"): clients of the manager that have an ABC class both at the
    end of the day before the period and at T, and the two classes differ (A->B, C->A ...).
    Classes come from :func:`salesnb.abcxyz.abc_xyz` with the company's parameters; a client
    gaining or losing a class (new, lost) is not counted here, those are the new/lost columns.
    Off by default: it runs the ABC/XYZ analysis twice (about 15 s at 10 M transactions).

    Parameters
    ----------
    company : DataFrame, dict or Company
        Transactions (``customer_id``, ``date``, ``amount``, ``product_line`` or ``product``
        with a products table; optional ``salesperson``), a dict of tables or a loaded company
        (its ``customers``, ``products`` and ``params["lifecycle_window"]`` come along).
    period_start, period_end : date-like
        The first and the last day of the period (whole days).
    window : window-like, optional
        W (see :func:`salesnb.periods.parse_window`); default the company's
        ``lifecycle_window`` or "3M".
    customers : pandas.DataFrame, optional
        Overrides the company's customers table (``customer_id``, optional ``first_contact``,
        ``salesperson``).
    language : {"en", "pl"}, optional
        Labels the columns with the article's headers (:mod:`salesnb.i18n`) and the total row
        "Total"/"Razem"; default: the snake_case names above and "Total".
    class_changes : bool, default False
        Add the ``class_changes`` column (see above).

    Returns
    -------
    pandas.DataFrame
        Index ``salesperson`` (the managers, "(unassigned)" when some sale or client has no
        manager, then the total row); columns :data:`MANAGER_KPI_COLUMNS` (and
        ``class_changes``); amounts rounded to 2 decimals, counts as integers. ``attrs`` holds
        ``period_start``, ``period_end``, ``window``, ``window_label`` and ``total_label``.

    Raises
    ------
    ParameterError
        For a period that starts after it ends, a window that is not allowed, ``company``
        that holds no transactions table, or a language other than "en" or "pl".
    DataError
        For transactions that cannot be analysed (or without product lines), or a period end
        before every transaction.
    """
    per = period_facts(company, period_start, period_end, window, customers)
    k = len(per.sp_names) + 1
    amount = per.p.amount
    cols: dict[str, np.ndarray] = {}
    cs = per.client_sp
    cols["potential_clients"] = np.bincount(cs[per.f.status == POTENTIAL], minlength=k)
    prim = per.row_kind == 0
    cols["primary_sales_count"] = count_unique(per.row_client[prim], group=per.row_seller[prim], n_groups=k)
    cols["lost_clients"] = np.bincount(cs[per.lost_in_period], minlength=k)
    cols["restored_clients"] = np.bincount(cs[per.restored], minlength=k)
    cols.update(_sales_amounts(per, per.row_seller, k))
    rep = per.row_kind == 1
    cols["repeat_sales_count"] = count_unique(per.row_client[rep], per.row_line[rep], per.row_day[rep],
                                               group=per.row_seller[rep], n_groups=k)
    nd = per.row_kind == 2
    cols["new_direction_sales_count"] = count_unique(per.row_client[nd], per.row_line[nd], group=per.row_seller[nd],
                                                      n_groups=k)
    cols["corrections_amount"] = group_sum(per.corr_seller, amount[per.corr_sel], k)
    cols["leads"] = np.bincount(cs[per.leads], minlength=k)
    cols["converted_clients"] = np.bincount(cs[per.converted], minlength=k)
    cols["new_leads"] = np.bincount(cs[per.new_leads], minlength=k)
    cols["new_leads_converted"] = np.bincount(cs[per.new_leads & per.converted], minlength=k)
    cols["lost_lines"] = np.bincount(cs, weights=per.lost_lines, minlength=k).astype(np.int64)
    df = pd.DataFrame({c: cols[c] for c in _ADDITIVE},
                      index=pd.Index([*per.sp_names, UNASSIGNED], dtype=object, name="salesperson"))
    for c in ("primary_sales_amount", "repeat_sales_amount", "new_direction_sales_amount", "corrections_amount"):
        df[c] = df[c].astype("float64").round(2)
    if class_changes:
        df["class_changes"] = _class_changes(company, per)
    # every named salesperson keeps a row (even all zero); "(unassigned)" only when not empty
    if not df.iloc[-1].any():
        df = df.iloc[:-1]
    total = df.sum(axis=0)
    # a client whose first-day purchases name two salespeople counts once in the total
    total["primary_sales_count"] = int(distinct(per.row_client[prim]).size)
    total_label = "Total" if language is None else _label("total", language)
    df.loc[total_label] = total
    for c in (*_ADDITIVE, "class_changes"):
        if c in df.columns and not c.endswith("_amount"):
            df[c] = df[c].astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        df["conversion"] = np.where(df["leads"] > 0, df["converted_clients"] / df["leads"].where(df["leads"] > 0, 1),
                                    np.nan)
        df["new_lead_conversion"] = np.where(
            df["new_leads"] > 0, df["new_leads_converted"] / df["new_leads"].where(df["new_leads"] > 0, 1), np.nan)
    df = df[list(MANAGER_KPI_COLUMNS) + (["class_changes"] if class_changes else [])]
    df.attrs.update(period_start=per.s.normalize(), period_end=per.t.normalize(), window=per.w,
                    window_label=window_label(per.w), total_label=total_label)
    if language is not None:
        df = label_kpis(df, language)
    return df


def _sales_amounts(per: Period, group: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """The net amount of each kind of sale in the period: primary, repeat, new direction.

    Summed per code of ``group`` (one code per sale row: its salesperson or its client), ``n`` codes.
    """
    ra = per.p.amount[per.row_sel]
    out = {}
    for kind, name in ((0, "primary_sales_amount"), (1, "repeat_sales_amount"), (2, "new_direction_sales_amount")):
        m = per.row_kind == kind
        out[name] = group_sum(group[m], ra[m], n)
    return out


def _class_changes(company: Any, per: Period) -> np.ndarray:
    """Per salesperson code: clients whose ABC class at T differs from the one before the period."""
    data = company if hasattr(company, "transactions") else per.p.tx
    t0 = (per.s - pd.Timedelta(days=1)).normalize()
    k = len(per.sp_names) + 1
    if len(per.p.dates) == 0 or t0.value + NS_DAY <= per.p.dates.min():
        return np.zeros(k, dtype=np.int64)
    # the same window and customers as the KPI table itself
    same = dict(lifecycle_window=per.w, customers=per.p.customers)
    end = abc_xyz(data, as_of=per.t.normalize(), **same)["abc"]
    start = abc_xyz(data, as_of=t0, **same)["abc"]
    both = pd.concat([start.rename("a0"), end.rename("a1")], axis=1, join="inner").dropna()
    changed = both.index[(both["a0"].astype(str) != both["a1"].astype(str)).to_numpy()]
    codes = per.p.ids.get_indexer(changed)
    codes = codes[codes >= 0]
    return np.bincount(per.client_sp[codes], minlength=k)


def label_kpis(df: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """A copy with the article's headers (PL: nagłówki z tabeli artykułu) in ``language``.

    Parameters
    ----------
    df : pandas.DataFrame
        From :func:`manager_kpis` or :func:`client_kpis` with snake_case names.
    language : {"en", "pl"}, default "en"
        The language of the headers.

    Returns
    -------
    pandas.DataFrame
        Columns with a ``kpi_`` label (or a label of their own) renamed, the "(unassigned)" row
        and the index name (``salesperson``, ``customer_id``) translated; other names kept.

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    ren = {c: _label("kpi_" + c, language) if ("kpi_" + c) in LABELS else _label(c, language)
           for c in df.columns if ("kpi_" + c) in LABELS or c in LABELS}
    unassigned = {UNASSIGNED: _label("lc_unassigned", language)} if "lc_unassigned" in LABELS else None
    out = df.rename(columns=ren, index=unassigned)
    if out.index.name in ("salesperson", "customer_id"):
        out.index.name = _label(out.index.name, language)
    return out


#: Columns of :func:`client_kpis`.
CLIENT_KPI_COLUMNS: tuple[str, ...] = (
    "salesperson",
    "status_start",
    "status",
    "first_settlement",
    "last_settlement",
    "primary_sales_amount",
    "repeat_sales_amount",
    "new_direction_sales_amount",
    "corrections_amount",
    "new_product_lines",
    "product_lines",
    "converted",
    "lost_in_period",
    "restored",
    "lost_lines",
)


def client_kpis(
    company: Any,
    period_start: Any,
    period_end: Any,
    window: Any = None,
    *,
    customers: pd.DataFrame | None = None,
    language: str | None = None,
) -> pd.DataFrame:
    """The article's per-client table for a period (PL: wskaźniki według klientów).

    The second table of the article *Working with clients* ("Okres 01.01.09-31.03.09 (szczegóły
    u klienta)"), same rules as :func:`manager_kpis`. One row per client known at T (index
    ``customer_id``, sorted):
    ``salesperson`` (the client's, see :func:`manager_kpis`), ``status_start`` (status at the
    end of the day before the period; NaN if not yet known) and ``status`` (at T),
    first/last settlement up to T, the amounts of primary / repeat / new-direction sales and of
    corrections in the period, ``new_product_lines`` (lines first bought in the period after the
    first purchase), ``product_lines`` (lines bought up to T), and the flags ``converted``
    (first purchase in the period), ``lost_in_period`` and ``restored`` (came back during the period, as
    in :func:`manager_kpis`), and ``lost_lines`` (product lines lost while still buying others).

    The amount columns summed over all clients equal the "Total" row of :func:`manager_kpis`
    (per manager they agree when every sale is credited to the client's own salesperson).

    Parameters
    ----------
    company, period_start, period_end, window, customers
        As :func:`manager_kpis`.
    language : {"en", "pl"}, optional
        Labels the columns with the article's headers; default the snake_case names of
        :data:`CLIENT_KPI_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CLIENT_KPI_COLUMNS`; amounts rounded to 2 decimals. ``attrs`` holds
        ``period_start``, ``period_end``, ``window`` and ``window_label``.

    Raises
    ------
    ParameterError
        As :func:`manager_kpis`.
    DataError
        As :func:`manager_kpis`.
    """
    per = period_facts(company, period_start, period_end, window, customers, full_start_status=True)
    p = per.p
    n = p.n
    amounts = _sales_amounts(per, per.row_client, n)
    amounts["corrections_amount"] = group_sum(p.codes[per.corr_sel], p.amount[per.corr_sel], n)
    nd = per.row_kind == 2
    new_lines = count_unique(per.row_line[nd], group=per.row_client[nd], n_groups=n)
    # distinct lines bought up to T
    line_codes, n_lines = product_line_codes(p)
    st = (p.amount > 0) & (p.dates <= per.t.value)
    lines_total = count_unique(line_codes[st], group=p.codes[st], n_groups=n)
    sel = client_order(p.ids, np.flatnonzero(per.f.known))
    names = np.array([*per.sp_names, UNASSIGNED], dtype=object)
    st0 = per.status_start[sel].astype(np.int64)
    df = pd.DataFrame(
        {
            "salesperson": names[per.client_sp[sel]],
            "status_start": pd.Categorical.from_codes(np.where(st0 < 0, -1, st0), categories=list(STATUSES),
                                                      ordered=True),
            "status": status_categorical(per.f.status[sel]),
            "first_settlement": datetimes(per.f.first[sel], _IMAX),
            "last_settlement": datetimes(per.f.last[sel], _IMIN),
            **{k2: np.round(v[sel], 2) for k2, v in amounts.items()},
            "new_product_lines": new_lines[sel],
            "product_lines": lines_total[sel],
            "converted": per.converted[sel],
            "lost_in_period": per.lost_in_period[sel],
            "restored": per.restored[sel],
            "lost_lines": per.lost_lines[sel],
        },
        index=pd.Index(p.ids[sel], name="customer_id"),
    )
    df.attrs.update(period_start=per.s.normalize(), period_end=per.t.normalize(), window=per.w,
                    window_label=window_label(per.w))
    if language is not None:
        df = label_kpis(df, language)
    return df




def idle_managers(table: pd.DataFrame) -> list[str]:
    """Salespeople with nothing in the period's table (PL: menedżerowie bez wyników w okresie).

    A salesperson the data names (in the client list, on deals or enquiries) gets a row of
    :func:`manager_kpis` even with no client of their own and no sale in the period: a row of
    zeros a reader takes for an error unless it is named.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`manager_kpis` (any language).

    Returns
    -------
    list of str
        The salespeople whose every count and amount is zero (the total row left out).

    Raises
    ------
    ParameterError
        For a table that is not a DataFrame.
    """
    check_frame("table", table, function="salesnb.kpis.idle_managers",
                fix="pass the table salesnb.kpis.manager_kpis returns.")
    total = table.attrs.get("total_label", "Total")
    body = table.drop(index=[total], errors="ignore")
    numbers = body.select_dtypes("number")
    numbers = numbers[[c for c in numbers.columns if "conversion" not in str(c)]]  # ratios: undefined at zero
    idle = numbers.fillna(0).eq(0).all(axis=1)
    return [str(i) for i in body.index[idle.to_numpy()]]
