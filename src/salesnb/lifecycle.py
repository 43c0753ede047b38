"""Client lifecycle (PL: cykl życia klienta): potential, new, regular, lost and restored clients.

The article *Working with clients* sorts the client base by whether and when a client settled
("wzajemne rozliczenia") within a window W of three months, and judges sales managers by KPIs
(PL: wskaźniki) built on those statuses, ending with a table per sales manager and one per client
(:mod:`salesnb.kpis`).

Definitions at an as-of date T with window W (the article's definitions; making them a partition
of the clients at T with a current and a previous window is the workbook's decision):

- current window ``(T-W, T]``, previous window ``(T-2W, T-W]``;
- **potential** (PL: potencjalny): known to the company, no settlement up to T;
- **new** (PL: nowy): settled in the current window and its first settlement ever is in it;
- **regular** (PL: stały): settled in the current and in the previous window, not new;
- **restored** (PL: przywrócony / odnowiony): settled in the current window, not in the
  previous one, and before that (not new);
- **lost** (PL: utracony): settled before, but not in the current window.

The five statuses partition the clients known at T.

Decisions taken here where the article is silent (each is documented on the function that uses
it and pinned by ``tests/test_lifecycle.py``):

- A **settlement** is a transaction row with ``amount > 0``. Corrections (credit notes, negative
  amounts) and zero amounts are not settlements: they never make a client active. An invoice
  later cancelled by a credit note still counts as a settlement on its date.
- A client whose only transactions up to T are corrections (or zeros) counts as having no
  settlements, so it is **potential**; it is flagged in the ``only_corrections`` column and a
  :class:`~salesnb.errors.DataWarning` names how many there are (``only_corrections="raise"``
  turns this into a :class:`~salesnb.errors.DataError`).
- Transactions after T are ignored. A client is *known* at T if it has any transaction row on or
  before T, or it is in ``customers`` with ``first_contact`` on or before T (or missing).
- ``as_of`` given as a date (time 00:00) means the **whole day**: T is the end of that day, so a
  sale at 14:00 on T counts. With a time of day it is taken as that instant. The default is the
  day of the last transaction (any row, corrections included).
- The window is a whole number of calendar months (``pd.DateOffset(months=n)``, "3M", "1Q",
  "1Y") or a fixed length (``pd.Timedelta``, "91D", "13W"). Calendar months are subtracted the
  pandas way (31 May - 3 months = 28/29 Feb) with one rule added, the end-of-month rule: if T is
  the last day of a month, T - W is the last day of a month too (30 Jun - 3 months = 31 Mar, not
  30 Mar), so at quarter ends the current window is exactly the calendar quarter.
  ``T - 2W`` is computed from T as ``T - (2W)`` (one calendar shift, not two).
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from .arrays import distinct
from .errors import DataError, DataWarning, ParameterError, Problem
from .i18n import duration
from .i18n import t as _label
from .kpis import CLIENT_KPI_COLUMNS, MANAGER_KPI_COLUMNS, UNASSIGNED, client_kpis, label_kpis, manager_kpis
from .periods import DEFAULT_WINDOW, as_of_instant, parse_window, window_label, window_start
from .settlements import (
    LOST,
    NEW,
    NS_DAY,
    POTENTIAL,
    REGULAR,
    RESTORED,
    STATUSES,
    UNKNOWN,
    Facts,
    Prepared,
    client_order,
    datetimes,
    facts,
    setup,
    status_categorical,
)
from .validation import check_choice, check_number

__all__ = [
    "CLIENT_KPI_COLUMNS",
    "DEFAULT_WINDOW",
    "LOST",
    "MANAGER_KPI_COLUMNS",
    "NEW",
    "POTENTIAL",
    "REGULAR",
    "RESTORED",
    "STATUSES",
    "STATUSES_PL",
    "UNASSIGNED",
    "UNKNOWN",
    "StatusHistory",
    "WindowSuggestion",
    "client_kpis",
    "label_kpis",
    "manager_kpis",
    "parse_window",
    "potential_units",
    "status_counts",
    "status_history",
    "statuses",
    "suggest_window",
    "window_label",
    "window_start",
]

#: Polish names of the statuses, from the label catalogue (kept for code written before it).
STATUSES_PL: dict[str, str] = {s: _label(f"status_{s}", "pl") for s in STATUSES}

_DAYS_PER_MONTH = 365.25 / 12
_IMAX = np.iinfo(np.int64).max
_IMIN = np.iinfo(np.int64).min


def statuses(
    transactions: Any,
    customers: pd.DataFrame | None = None,
    as_of: Any = None,
    window: Any = None,
    *,
    only_corrections: Literal["potential", "raise"] = "potential",
) -> pd.DataFrame:
    """Lifecycle status of every known client at an as-of date (PL: status klienta w cyklu życia).

    Potential / new / regular / lost / restored (PL: potencjalny / nowy / stały / utracony /
    przywrócony) as the article *Working with clients* defines them, made a partition at T by the
    workbook's decision: current window ``(T-W, T]``, previous window ``(T-2W, T-W]``; see the
    module docstring.

    Parameters
    ----------
    transactions : DataFrame, dict or Company
        A DataFrame (``customer_id``, ``date``, ``amount``), a dict of tables or a loaded company
        (anything with ``.transactions``/``.customers``; its ``as_of`` and
        ``params["lifecycle_window"]`` are the defaults).
    customers : pandas.DataFrame, optional
        Known clients (``customer_id``, optional ``first_contact``). Clients known only from it
        (leads) are potential; a lead with ``first_contact`` after T is not yet known.
    as_of : date-like, optional
        T; a date means the whole day. Default: the company's ``as_of``, else the day of the last
        transaction.
    window : window-like, optional
        W (see :func:`parse_window`); default the company's ``lifecycle_window`` or "3M".
    only_corrections : {"potential", "raise"}, default "potential"
        A known client whose rows up to T are all corrections (no settlement): "potential"
        (flagged in the ``only_corrections`` column, with a
        :class:`~salesnb.errors.DataWarning`) or "raise".

    Returns
    -------
    pandas.DataFrame
        One row per client known at T, sorted by ``customer_id``: ``status`` (ordered
        categorical over :data:`STATUSES`), ``first_settlement``, ``last_settlement`` (NaT for
        potential), ``days_since_last`` (whole days from the last settlement's day to T, <NA>
        for potential), ``in_current_window``, ``in_previous_window``, ``only_corrections``.
        ``df.attrs`` holds ``as_of``, ``window``, ``window_start`` (T-W) and
        ``previous_window_start`` (T-2W).

    Raises
    ------
    ParameterError
        For ``transactions`` that hold no transactions table, a window or ``only_corrections``
        that is not allowed.
    DataError
        For an as-of date before every transaction, transactions that cannot be analysed, or
        (with ``only_corrections="raise"``) clients with only corrections.
    """
    only_corrections = check_choice("only_corrections", only_corrections, ("potential", "raise"),
                                    function="salesnb.lifecycle.statuses")
    su = setup(transactions, customers, window)
    p, w = su.prepared, su.window
    t = su.instant(as_of)
    f = facts(p, t, w)
    _check_only_corrections(p, f, only_corrections)
    return _status_frame(p, f, t, w)


def _check_only_corrections(p: Prepared, f: Facts, mode: str) -> None:
    oc = f.only_corrections & f.known
    if oc.any():
        ids = list(p.ids[np.flatnonzero(oc)[:5]])
        msg = (f"{int(oc.sum())} client(s) have only corrections (negative or zero amounts) up to the as-of date, "
               f"no settlement")
        if mode == "raise":
            raise DataError(Problem("transactions", msg + ".", column="customer_id", values=ids,
                                    fix="load the invoices the corrections refer to, "
                                        "or pass only_corrections='potential'."))
        warnings.warn(msg + f"; they count as potential clients (e.g. {ids}).", DataWarning, stacklevel=3)


def _status_frame(p: Prepared, f: Facts, t: pd.Timestamp, w: Any) -> pd.DataFrame:
    sel = client_order(p.ids, np.flatnonzero(f.known))
    last = f.last[sel]
    has = last != _IMIN
    # whole days between the last settlement's day and T's day
    last_day = np.where(has, last // NS_DAY, 0)
    days = np.where(has, f.t // NS_DAY - last_day, 0)
    out = pd.DataFrame(
        {
            "customer_id": p.ids[sel],
            "status": status_categorical(f.status[sel]),
            "first_settlement": datetimes(f.first[sel], _IMAX),
            "last_settlement": datetimes(last, _IMIN),
            "days_since_last": pd.array(np.where(has, days, 0), dtype="Int64"),
            "in_current_window": f.in_current[sel],
            "in_previous_window": f.in_previous[sel],
            "only_corrections": f.only_corrections[sel],
        }
    )
    out.loc[~has, "days_since_last"] = pd.NA
    cust = p.customers
    if cust is not None and "parent_id" in cust.columns and p.cust_codes is not None:
        # an independent unit of an existing client (the article's potential client "from a branch")
        parent = pd.Series(np.asarray(cust["parent_id"].astype(object).where(cust["parent_id"].notna(), None)),
                           index=p.cust_codes)
        out["parent_id"] = parent.reindex(sel).to_numpy()
    out.attrs.update(
        as_of=t.normalize(), as_of_instant=t, window=w, window_label=window_label(w),
        window_start=pd.Timestamp(f.a, unit="ns"), previous_window_start=pd.Timestamp(f.b, unit="ns"),
    )
    return out


def potential_units(status_table: pd.DataFrame) -> pd.DataFrame:
    """Potential clients that are independent units of existing clients (PL: jednostki istniejących klientów).

    The article *Working with clients*: "in some cases an independent structural unit of an
    existing client (another address, other contact people, another kind of business) can be a
    potential client too". Where the customers table names a ``parent_id``, such a unit without
    settlements of its own is potential; this lists them with their parent's status.

    Parameters
    ----------
    status_table : pandas.DataFrame
        From :func:`statuses` (with a ``parent_id`` column when the customers table has one).

    Returns
    -------
    pandas.DataFrame
        ``customer_id``, ``parent_id`` and ``parent_status`` of every potential client with a
        parent; empty (same columns) when there is none or the data has no ``parent_id``.
    """
    cols = ["customer_id", "parent_id", "parent_status"]
    if "parent_id" not in status_table.columns:
        return pd.DataFrame(columns=cols)
    units = status_table[(status_table["status"] == "potential") & status_table["parent_id"].notna()]
    parents = status_table.set_index("customer_id")["status"]
    out = units[["customer_id", "parent_id"]].copy()
    out["parent_status"] = pd.Categorical(parents.reindex(out["parent_id"].astype(object)).to_numpy(),
                                          categories=list(STATUSES), ordered=True)
    return out.reset_index(drop=True)


def status_counts(status_table: pd.DataFrame) -> pd.Series:
    """Clients per status (PL: liczba klientów według statusu), all five statuses, in order.

    Parameters
    ----------
    status_table : pandas.DataFrame
        From :func:`statuses`.

    Returns
    -------
    pandas.Series
        Named ``clients``, indexed by :data:`STATUSES` (potential, new, regular, lost,
        restored), 0 for a status no client has.
    """
    return status_table["status"].value_counts().reindex(list(STATUSES), fill_value=0).rename("clients")


@dataclass
class StatusHistory:
    """Statuses at consecutive period ends and the flows between them (PL: historia statusów).

    Attributes
    ----------
    statuses : pandas.DataFrame
        Clients x period ends (ordered categorical, NaN where the client was not yet known).
    counts : pandas.DataFrame
        Period end x status.
    flows : pandas.DataFrame
        One row per (period_end, from_status, to_status) with ``clients`` > 0 (and the
        ``period_start``, the previous period end); ``from_status`` "unknown" for clients first
        known in that period.
    period_ends : pandas.DatetimeIndex
        The as-of dates (days) used.
    window : DateOffset or Timedelta
        W.
    """

    statuses: pd.DataFrame
    counts: pd.DataFrame
    flows: pd.DataFrame
    period_ends: pd.DatetimeIndex
    window: Any = None

    def transitions(self) -> pd.DataFrame:
        """From-status x to-status matrix summed over all periods (PL: macierz przejść).

        Returns
        -------
        pandas.DataFrame
            Rows: "unknown" and the five statuses at the earlier period end; columns: the five
            statuses at the later one; cells: clients (int64), 0 where nobody moved.
        """
        order = [UNKNOWN, *STATUSES]
        m = self.flows.pivot_table(index="from_status", columns="to_status", values="clients",
                                   aggfunc="sum", fill_value=0, observed=False)
        return m.reindex(index=order, columns=list(STATUSES), fill_value=0).astype(np.int64)


def status_history(
    transactions: Any,
    customers: pd.DataFrame | None = None,
    as_of: Any = None,
    window: Any = None,
    *,
    every: Any = None,
    periods: int | None = None,
    period_ends: Sequence[Any] | None = None,
) -> StatusHistory:
    """Status of every client at the end of every period, and the flows between periods.

    PL: historia statusów klientów i przepływy między okresami. The article *Working with
    clients* defines the statuses and, among the KPIs, the numbers of lost and restored clients
    that the flows explain.

    Period ends step back from T (``as_of``, default the last transaction day) by ``every``
    (default: the window W itself, so consecutive statuses compare consecutive windows) with the
    end-of-month rule, as long as the period end is on or after the first transaction day, or
    ``periods`` of them (oldest first). ``period_ends`` lists them explicitly instead (each a
    day, meaning its end). Each period end is a :func:`statuses` call's as-of date, so the last
    column equals ``statuses(..., as_of=T)``. The loop runs over periods, never over clients.
    Clients with only corrections are potential (see :func:`statuses`); no warning is repeated.

    Parameters
    ----------
    transactions, customers, as_of, window
        As :func:`statuses`.
    every : window-like, optional
        The step between period ends (anything :func:`parse_window` accepts); default W.
    periods : int, optional
        How many period ends (>= 1); default: back to the first transaction day.
    period_ends : sequence of date-like, optional
        The period ends themselves (sorted, duplicates dropped); ``as_of``, ``every`` and
        ``periods`` are then not used.

    Returns
    -------
    StatusHistory

    Raises
    ------
    ParameterError
        For ``periods`` that is not a whole number >= 1, an empty ``period_ends``, or a window
        or ``every`` that is not allowed.
    DataError
        For transactions that cannot be analysed, a period end before every transaction, or more
        than 10 000 period ends.
    """
    fn = "salesnb.lifecycle.status_history"
    su = setup(transactions, customers, window)
    p, w = su.prepared, su.window
    if periods is not None:
        periods = check_number("periods", periods, low=1, integer=True, function=fn)
    if period_ends is not None:
        ends = sorted({as_of_instant(x) for x in period_ends})
        if not ends:
            raise ParameterError("period_ends", period_ends, "at least one date", function=fn)
        su.instant(ends[0])  # validates the earliest
    else:
        t = su.instant(as_of)
        step = w if every is None else parse_window(every)
        first_day = pd.Timestamp(int(p.dates.min()), unit="ns").normalize() if len(p.dates) else t.normalize()
        ends = []
        k = 0
        while True:
            e = window_start(t, step, k)
            if (periods is None and e.normalize() < first_day) or (periods is not None and k >= periods):
                break
            ends.append(e)
            k += 1
            if k > 10_000:
                raise DataError("More than 10 000 period ends; choose a longer 'every' or set 'periods'.")
        ends = ends[::-1]
    settle = p.amount > 0
    codes = np.empty((len(ends), p.n), dtype=np.int8)
    for i, e in enumerate(ends):  # loop over periods, vectorised over clients
        codes[i] = facts(p, e, w, settle).status
    known_any = (codes >= 0).any(axis=0)
    sel = client_order(p.ids, np.flatnonzero(known_any))
    end_index = pd.DatetimeIndex([e.normalize() for e in ends], name="period_end")
    wide = pd.DataFrame(
        {e: pd.Categorical.from_codes(codes[i, sel].astype(np.int64), categories=list(STATUSES), ordered=True)
         for i, e in enumerate(end_index)},
        index=pd.Index(p.ids[sel], name="customer_id"),
    )
    wide.columns.name = "period_end"
    counts = pd.DataFrame(
        [np.bincount(codes[i][codes[i] >= 0], minlength=5) for i in range(len(ends))],
        index=end_index, columns=pd.Index(list(STATUSES), name="status"),
    )
    rows = []
    states = [*STATUSES, UNKNOWN]
    for i in range(1, len(ends)):
        prev = np.where(codes[i - 1] < 0, 5, codes[i - 1]).astype(np.int64)
        cur = codes[i].astype(np.int64)
        ok = cur >= 0
        m = np.bincount(prev[ok] * 5 + cur[ok], minlength=30)
        for k in np.flatnonzero(m):
            rows.append((end_index[i - 1], end_index[i], states[k // 5], STATUSES[k % 5], int(m[k])))
    flows = pd.DataFrame(rows, columns=["period_start", "period_end", "from_status", "to_status", "clients"])
    flow_order = [UNKNOWN, *STATUSES]
    flows["from_status"] = pd.Categorical(flows["from_status"], categories=flow_order, ordered=True)
    flows["to_status"] = pd.Categorical(flows["to_status"], categories=list(STATUSES), ordered=True)
    flows = flows.sort_values(["period_end", "from_status", "to_status"], ignore_index=True)
    return StatusHistory(wide, counts, flows, end_index, w)


# --------------------------------------------------------------------------------------------
# Window suggestion (practical exercise 1)
# --------------------------------------------------------------------------------------------


@dataclass
class WindowSuggestion:
    """A suggested window W and the reasoning (PL: sugerowane okno i uzasadnienie).

    Attributes
    ----------
    window : DateOffset or Timedelta
        The suggestion (pass it to :func:`statuses`).
    label : str
        E.g. "3M".
    coverage : float
        The share of repeat clients the window was chosen to cover.
    gaps : pandas.Series
        Per-client typical gap in days (median of the gaps between the client's consecutive
        purchase days), named ``typical_gap_days``.
    candidates : pandas.DataFrame
        For windows of 1-12 months, the share of repeat clients whose typical gap fits in the
        window, and the share of all gaps that do.
    n_clients, n_repeat_clients : int
        Clients with a settlement; those who bought on at least two different days.
    reason, reason_pl : str
        The reasoning in English and in Polish.
    average_gap_days : float
        The mean of all gaps between consecutive purchase days: the article's "average purchase
        frequency" (NaN without repeat clients).
    """

    window: Any
    label: str
    coverage: float
    gaps: pd.Series
    candidates: pd.DataFrame
    n_clients: int
    n_repeat_clients: int
    reason: str = ""
    reason_pl: str = ""
    average_gap_days: float = float("nan")

    def explain(self, language: str = "en") -> str:
        """The reasoning as text, in English or Polish (PL: uzasadnienie sugerowanego okna).

        Parameters
        ----------
        language : str, default "en"
            "pl" (any case) for Polish; anything else gives English.

        Returns
        -------
        str
        """
        return self.reason_pl if str(language).lower() == "pl" else self.reason

    def __str__(self) -> str:  # pragma: no cover - display
        return self.explain("en")

    def _repr_html_(self) -> str:  # pragma: no cover - display
        return f"<p>{self.explain('en')}</p>" + self.candidates.to_html(float_format=lambda x: f"{x:.2f}")


def suggest_window(transactions: Any, *, coverage: float = 0.75, max_months: int = 24) -> WindowSuggestion:
    """The window matching the company's purchase rhythm (PL: okno dopasowane do rytmu zakupów).

    Practical exercise 1 of the article *Working with clients*: the calendar periods behind the
    statuses should match the company's average purchase frequency. The article gives no
    formula; the workbook's rule:

    1. purchase days = distinct days with a settlement (amount > 0) per client;
    2. each client's typical gap = median of the days between its consecutive purchase days
       (clients with one purchase day have no gap and are left out);
    3. W = the shortest whole number of calendar months (1..``max_months``; a month counted as
       365.25/12 days) that covers the typical gap of at least ``coverage`` (default 75%) of the
       repeat clients; if that is under one month, the shortest whole number of weeks instead.

    So a client buying at its usual rhythm stays "regular" for ``coverage`` of the repeat
    clients. Why not the article's average itself: the average gap (reported as
    ``average_gap_days``) sits in the middle of the clients' rhythms, so a window of that
    length would count about half of the repeat clients as lost between two ordinary purchases.
    With no repeat clients the article's "3M" is returned and the reason says so.

    Parameters
    ----------
    transactions : DataFrame, dict or Company
        As :func:`statuses` (all transactions are used, whatever the company's as-of date).
    coverage : float, default 0.75
        The share of repeat clients whose typical gap the window must cover, ``0 < coverage <= 1``.
    max_months : int, default 24
        The longest window suggested, in months (>= 1).

    Returns
    -------
    WindowSuggestion
        The window, its label, the typical gaps, the candidate windows and the reasoning in
        English and Polish.

    Raises
    ------
    ParameterError
        For ``coverage`` or ``max_months`` out of range, or ``transactions`` that hold no
        transactions table.
    DataError
        For transactions that cannot be analysed.
    """
    fn = "salesnb.lifecycle.suggest_window"
    check_number("coverage", coverage, low=0, high=1, low_open=True, function=fn)
    max_months = check_number("max_months", max_months, low=1, integer=True, function=fn)
    p = setup(transactions).prepared
    s = p.amount > 0
    c = p.codes[s]
    day = p.dates[s] // NS_DAY
    n_clients = int(distinct(c).size) if c.size else 0
    if c.size:
        d0 = int(day.min())
        span = int(day.max()) - d0 + 1
        key = distinct(c * span + (day - d0))
        kc = key // span
        kd = key % span
        same = kc[1:] == kc[:-1]
        gaps = (kd[1:] - kd[:-1])[same]
        gap_client = kc[1:][same]
    else:
        gaps = gap_client = np.empty(0, dtype=np.int64)
    typical = pd.Series(gaps, dtype="float64").groupby(gap_client).median() if gaps.size else pd.Series(dtype="float64")
    typical.index = p.ids[typical.index.to_numpy()] if len(typical) else typical.index
    typical.name = "typical_gap_days"
    months = np.arange(1, 13)
    cand = pd.DataFrame(
        {
            "window": [f"{m}M" for m in months],
            "days": np.round(months * _DAYS_PER_MONTH, 1),
            "share_of_repeat_clients": [float((typical <= m * _DAYS_PER_MONTH).mean()) if len(typical) else np.nan
                                        for m in months],
            "share_of_gaps": [float((gaps <= m * _DAYS_PER_MONTH).mean()) if gaps.size else np.nan for m in months],
        }
    ).set_index("window")
    n_rep = int(len(typical))
    if n_rep == 0:
        w = parse_window(DEFAULT_WINDOW)
        reason = (f"No client bought on two different days ({n_clients} clients with settlements), so there is no "
                  f"purchase rhythm to measure; keeping the article's window of 3 months.")
        reason_pl = (f"Żaden klient nie kupił w dwóch różnych dniach (klienci z rozliczeniami: {n_clients}), więc nie "
                     f"da się zmierzyć rytmu zakupów; zostaje okno z definicji w artykule: 3 miesiące.")
        return WindowSuggestion(w, "3M", coverage, typical, cand, n_clients, 0, reason, reason_pl)
    # the smallest typical gap that at least `coverage` of the repeat clients do not exceed
    q = float(np.sort(typical.to_numpy())[max(0, math.ceil(coverage * n_rep - 1e-9) - 1)])
    med = float(typical.median())
    mean_gap = float(gaps.mean())
    if q <= 28:
        weeks = max(1, math.ceil(q / 7))
        w = pd.Timedelta(weeks=weeks)
        label = f"{weeks}W"
        text_len, text_len_pl = duration(weeks, "week", "en"), duration(weeks, "week", "pl")
    else:
        m = min(max_months, max(1, math.ceil(q / _DAYS_PER_MONTH - 1e-9)))
        w = pd.DateOffset(months=m)
        label = f"{m}M"
        text_len, text_len_pl = duration(m, "month", "en"), duration(m, "month", "pl")
    pct = f"{coverage * 100:.0f}%"
    reason = (
        f"{n_rep} of {n_clients} clients bought on at least two different days. On average they buy every "
        f"{mean_gap:.0f} days: that is the article's average purchase frequency. A window of that length would "
        f"call about half of the clients lost while they still buy at their usual rhythm, so this workbook "
        f"(not the article) looks at each client's typical gap (the median of its gaps: {med:.0f} days in the "
        f"middle of the clients) and takes the shortest whole window that covers the typical gap of {pct} of "
        f"them ({q:.0f} days): {text_len}. The article's own example uses 3 months; the table of "
        f"candidates shows how many clients other windows cover."
    )
    reason_pl = (
        f"Klienci, którzy kupili w co najmniej dwóch różnych dniach: {n_rep} z {n_clients}. Kupują średnio co "
        f"{duration(round(mean_gap), 'day', 'pl')}: to jest średnia częstotliwość sprzedaży, o której mówi artykuł. "
        f"Okno tej długości uznałoby jednak za utraconych mniej więcej połowę klientów, którzy wciąż kupują "
        f"w swoim zwykłym rytmie. Dlatego te materiały proponują (to nie jest reguła z artykułu), by wziąć "
        f"typowy odstęp między zakupami każdego klienta (medianę jego odstępów; połowa klientów ma typowy "
        f"odstęp nie dłuższy niż {duration(round(med), 'day', 'pl')}) i wybrać najkrótsze okno "
        f"w pełnych miesiącach lub tygodniach, "
        f"które obejmuje typowy odstęp {pct} tych klientów (najdłuższy z tych "
        f"odstępów: {duration(round(q), 'day', 'pl')}): "
        f"{text_len_pl}. Definicje w artykule przyjmują 3 miesiące; tabela poniżej pokazuje, jaką "
        f"część klientów obejmują inne okna."
    )
    return WindowSuggestion(w, label, coverage, typical, cand, n_clients, n_rep, reason, reason_pl, mean_gap)


