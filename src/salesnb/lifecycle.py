"""Client lifecycle (PL: cykl życia klienta): potential, new, regular, lost and restored clients.

The article (seed 003, lines 605-643; domain.md section 4) sorts the client base by whether and
when a client settled ("wzajemne rozliczenia") within a window W of three months, and judges
sales managers by KPIs built on those statuses (seed 003 lines 626-634, tables 645-698).

Definitions at an as-of date T with window W (domain.md section 4, the decision taken there):

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
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from salesnb.errors import DataError, DataWarning, Problem
from salesnb.periods import local_dates, local_timestamp

#: The five statuses, in the order used for codes, tables and charts.
STATUSES: tuple[str, ...] = ("potential", "new", "regular", "lost", "restored")
#: Polish names (domain.md section 4; seed 003 lines 636-643).
STATUSES_PL: dict[str, str] = {
    "potential": "potencjalny",
    "new": "nowy",
    "regular": "stały",
    "lost": "utracony",
    "restored": "przywrócony",
}
#: Pseudo-status in flows for clients not yet known at the earlier period end.
UNKNOWN = "unknown"
#: The article's window (seed 003 lines 636-643: "w ciągu ostatnich trzech miesięcy").
DEFAULT_WINDOW = "3M"
#: Row label for sales that no salesperson can be credited with.
UNASSIGNED = "(unassigned)"

POTENTIAL, NEW, REGULAR, LOST, RESTORED = range(5)
_NS_DAY = 86_400 * 10**9
_IMAX = np.iinfo(np.int64).max
_IMIN = np.iinfo(np.int64).min
_DAYS_PER_MONTH = 365.25 / 12


# --------------------------------------------------------------------------------------------
# Window
# --------------------------------------------------------------------------------------------

_UNITS: dict[str, tuple[str, int]] = {}
for _names, _unit in (
    (("d", "day", "days", "dzień", "dzien", "dni", "dnia"), ("days", 1)),
    (("w", "wk", "wks", "week", "weeks", "tydzień", "tydzien", "tygodnie", "tygodni", "tyg"), ("days", 7)),
    (("m", "me", "ms", "mo", "mon", "mth", "month", "months", "miesiąc", "miesiac", "miesiące",
      "miesiace", "miesięcy", "miesiecy", "mies", "mc", "mies."), ("months", 1)),
    (("q", "qe", "qs", "quarter", "quarters", "kwartał", "kwartal", "kwartały", "kwartaly",
      "kwartałów", "kwartalow", "kw"), ("months", 3)),
    (("y", "ye", "ys", "a", "yr", "year", "years", "rok", "lata", "lat"), ("months", 12)),
):
    for _n in _names:
        _UNITS[_n] = _unit

_WINDOW_RE = re.compile(r"^\s*([+-]?\d+)?\s*([^\d\s][^\d]*?)\s*$")

_WINDOW_FIX = (
    "give the window as a whole number of months (pd.DateOffset(months=3), '3M', '3 months', "
    "'1Q') or a positive length (pd.Timedelta(days=91), '91D', '13W')."
)


def parse_window(window: Any) -> pd.DateOffset | pd.Timedelta:
    """The lifecycle window W, normalised (PL: okno cyklu życia, np. trzy miesiące).

    The article's W is three months (seed 003 lines 636-643); practical exercise 1 (line 700)
    asks to match it to the company's purchase rhythm, so it is a parameter.

    Accepted (case-insensitive, English or Polish units, number defaults to 1):

    - ``pd.DateOffset(months=n)`` / ``(years=n)``, strings ``"3M"``, ``"3ME"``, ``"3MS"``,
      ``"3 months"``, ``"3 miesiące"``, ``"1Q"``, ``"1 kwartał"``, ``"1Y"``, ``"1 rok"``
      -> ``pd.DateOffset(months=n)`` (calendar months; see the module docstring for the
      end-of-month rule). pandas itself no longer reads "M" as months; this small parser does.
    - ``pd.Timedelta``, ``datetime.timedelta``, ``np.timedelta64``, ``pd.offsets.Day(n)``,
      ``pd.offsets.Week(n)``, strings ``"91D"``, ``"91 days"``, ``"13W"``, ``"13 tygodni"``,
      or anything ``pd.Timedelta`` reads -> ``pd.Timedelta``.

    Raises :class:`~salesnb.errors.DataError` for a zero or negative window, a window mixing
    months and days, anchored offsets such as ``MonthEnd`` and text it cannot read.
    """
    if isinstance(window, str):
        text = window.strip()
        m = _WINDOW_RE.match(text)
        if m and m.group(2).strip().lower() in _UNITS:
            n = int(m.group(1)) if m.group(1) is not None else 1
            kind, mult = _UNITS[m.group(2).strip().lower()]
            return _checked(pd.DateOffset(months=n * mult) if kind == "months" else pd.Timedelta(days=n * mult), window)
        try:
            return _checked(pd.Timedelta(text), window)
        except (ValueError, TypeError):
            raise DataError(f"Cannot read the lifecycle window {window!r}. Fix: {_WINDOW_FIX}") from None
    if isinstance(window, pd.Timedelta):
        return _checked(window, window)
    if isinstance(window, (np.timedelta64,)) or type(window).__name__ == "timedelta":
        return _checked(pd.Timedelta(window), window)
    if isinstance(window, pd.offsets.Day):
        return _checked(pd.Timedelta(days=window.n), window)
    if isinstance(window, pd.offsets.Week) and window.weekday is None:
        return _checked(pd.Timedelta(weeks=window.n), window)
    if isinstance(window, pd.offsets.Tick):
        return _checked(pd.Timedelta(window), window)
    if type(window) is pd.DateOffset:
        kw = dict(window.kwds)
        n = window.n
        months = n * (kw.pop("years", 0) * 12 + kw.pop("months", 0))
        days = n * (kw.pop("weeks", 0) * 7 + kw.pop("days", 0))
        if kw:
            raise DataError(f"The lifecycle window {window!r} uses {sorted(kw)}. Fix: {_WINDOW_FIX}")
        if months and days:
            raise DataError(f"The lifecycle window {window!r} mixes months and days. Fix: {_WINDOW_FIX}")
        return _checked(pd.DateOffset(months=months) if months else pd.Timedelta(days=days), window)
    if isinstance(window, pd.offsets.BaseOffset):
        raise DataError(
            f"The lifecycle window {window!r} is an anchored offset (it jumps to a calendar point). Fix: {_WINDOW_FIX}"
        )
    raise DataError(f"Cannot use {window!r} (type {type(window).__name__}) as the lifecycle window. Fix: {_WINDOW_FIX}")


def _checked(w: pd.DateOffset | pd.Timedelta, given: Any) -> pd.DateOffset | pd.Timedelta:
    ok = w.kwds.get("months", 0) > 0 if isinstance(w, pd.DateOffset) else w > pd.Timedelta(0)
    if not ok:
        raise DataError(f"The lifecycle window must be longer than zero, got {given!r}. Fix: {_WINDOW_FIX}")
    return w


def window_label(window: Any) -> str:
    """A short label for a window: '3M' for three calendar months, '91D' for 91 days."""
    w = parse_window(window)
    if isinstance(w, pd.DateOffset):
        return f"{w.kwds['months']}M"
    days = w / pd.Timedelta(days=1)
    return f"{int(days)}D" if days == int(days) else str(w)


def _is_month_end(t: pd.Timestamp) -> bool:
    return (t + pd.Timedelta(days=1)).day == 1


def window_start(as_of: pd.Timestamp, window: Any, k: int = 1) -> pd.Timestamp:
    """``as_of - k*W`` with the end-of-month rule (see the module docstring)."""
    w = parse_window(window)
    t = pd.Timestamp(as_of)
    if isinstance(w, pd.Timedelta):
        return t - k * w
    s = t - pd.DateOffset(months=k * w.kwds["months"])
    if _is_month_end(t):
        s = s + pd.offsets.MonthEnd(0)
    return s


def _as_of_instant(as_of: Any) -> pd.Timestamp:
    """A date (00:00) means the whole day: the end of that day. A time of day is kept."""
    t = local_timestamp(as_of)
    if t == t.normalize():
        t = t + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
    return t.as_unit("ns")


# --------------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------------


@dataclass
class _Input:
    tx: pd.DataFrame
    customers: pd.DataFrame | None
    products: pd.DataFrame | None
    as_of: Any
    params: dict


def _unpack(data: Any, customers: Any = None) -> _Input:
    """Accept a transactions DataFrame, a dict of tables or a loaded company (duck typing)."""
    if isinstance(data, pd.DataFrame):
        return _Input(data, customers, None, None, {})
    if isinstance(data, Mapping) and "transactions" in data:
        get = data.get
    elif hasattr(data, "transactions"):
        def get(name, default=None):
            return getattr(data, name, default)
    else:
        raise DataError(
            f"Expected transactions as a DataFrame or a company with .transactions, got {type(data).__name__}. "
            "Fix: pass a DataFrame with columns customer_id, date, amount, or a loaded company."
        )
    cust = customers if customers is not None else get("customers", None)
    return _Input(get("transactions"), cust, get("products", None), get("as_of", None), dict(get("params", None) or {}))


def _resolve_window(window: Any, inp: _Input) -> pd.DateOffset | pd.Timedelta:
    if window is None:
        window = inp.params.get("lifecycle_window", DEFAULT_WINDOW)
    return parse_window(window)


@dataclass
class _Prepared:
    ids: pd.Index  # client id for each code
    codes: np.ndarray  # client code per transaction row
    dates: np.ndarray  # int64 ns per transaction row
    amount: np.ndarray  # float64 per transaction row
    n: int  # number of clients
    in_customers: np.ndarray  # bool per client
    first_contact: np.ndarray  # int64 ns per client (_IMIN = missing / not in customers)
    cust_codes: np.ndarray | None  # client code per customers row
    tx: pd.DataFrame
    customers: pd.DataFrame | None
    products: pd.DataFrame | None


def _missing_columns(df: pd.DataFrame, cols: Sequence[str], table: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise DataError(
            Problem(table, f"missing column(s) {missing}; found {list(df.columns)}.",
                    fix=f"name the columns {list(cols)} (see salesnb.schema).")
        )


def _datetime_ns(s: pd.Series, table: str, column: str) -> np.ndarray:
    return local_dates(s, column, table).to_numpy("datetime64[ns]").view("int64")


def _null_problem(mask: np.ndarray, index: pd.Index, table: str, column: str, what: str) -> Problem:
    labels = index[mask]
    as_rows = pd.api.types.is_integer_dtype(labels.dtype)  # a loaded table: row numbers of the file
    return Problem(table, f"{int(mask.sum())} row(s) have no {what}.", column=column,
                   rows=list(labels[:10]) if as_rows else [], values=[] if as_rows else list(labels[:5]),
                   fix=f"fill in or drop the rows without {what}.")

def _prepare(inp: _Input) -> _Prepared:
    tx = inp.tx
    if not isinstance(tx, pd.DataFrame):
        raise DataError("transactions must be a pandas DataFrame (columns customer_id, date, amount).")
    _missing_columns(tx, ("customer_id", "date", "amount"), "transactions")
    problems: list[Problem] = []
    ids_s = tx["customer_id"]
    dates = _datetime_ns(tx["date"], "transactions", "date")
    if not pd.api.types.is_numeric_dtype(tx["amount"].dtype) or pd.api.types.is_bool_dtype(tx["amount"].dtype):
        raise DataError(Problem("transactions", "amounts are not numbers.", column="amount",
                                fix="load amounts as numbers (salesnb.io reads decimal commas)."))
    amount = tx["amount"].to_numpy(dtype="float64", na_value=np.nan)
    for mask, col, what in (
        (ids_s.isna().to_numpy(), "customer_id", "client id"),
        (dates == np.iinfo(np.int64).min, "date", "date"),
        (np.isnan(amount), "amount", "amount"),
    ):
        if mask.any():
            problems.append(_null_problem(mask, tx.index, "transactions", col, what))
    if problems:
        raise DataError(problems)

    if isinstance(ids_s.dtype, pd.CategoricalDtype):
        codes = ids_s.cat.codes.to_numpy().astype(np.int64)
        ids = pd.Index(ids_s.cat.categories)
    else:
        codes, uniq = pd.factorize(ids_s, sort=False)
        codes = codes.astype(np.int64)
        ids = pd.Index(uniq)

    cust = inp.customers
    cust_codes = None
    n_tx_ids = len(ids)
    if cust is not None:
        if not isinstance(cust, pd.DataFrame):
            raise DataError("customers must be a pandas DataFrame (columns customer_id, optional salesperson, first_contact).")
        _missing_columns(cust, ("customer_id",), "customers")
        cid = cust["customer_id"]
        if cid.isna().any():
            raise DataError(_null_problem(cid.isna().to_numpy(), cust.index, "customers", "customer_id", "client id"))
        if cid.duplicated().any():
            dup = cid[cid.duplicated()].unique()[:5]
            raise DataError(Problem("customers", "client ids repeat; each client must appear once.",
                                    column="customer_id", values=list(dup), fix="remove the duplicate rows."))
        if isinstance(cid.dtype, pd.CategoricalDtype) and cid.cat.categories.equals(ids):
            cust_codes = cid.cat.codes.to_numpy().astype(np.int64)
        else:
            cust_codes = ids.get_indexer(np.asarray(cid, dtype=object)).astype(np.int64)
            miss = cust_codes < 0
            if miss.any():
                extra = pd.Index(np.asarray(cid, dtype=object)[miss])
                cust_codes[miss] = len(ids) + np.arange(int(miss.sum()))
                ids = ids.append(extra)
        if len(cust) and n_tx_ids and not (cust_codes < n_tx_ids).any():
            warnings.warn(
                "No client id in customers matches a client id in transactions; check that both are "
                "text with the same format (e.g. leading zeros).", DataWarning, stacklevel=3)
    n = len(ids)
    in_customers = np.zeros(n, dtype=bool)
    first_contact = np.full(n, _IMIN, dtype=np.int64)
    if cust_codes is not None:
        in_customers[cust_codes] = True
        if "first_contact" in cust.columns:
            first_contact[cust_codes] = _datetime_ns(cust["first_contact"], "customers", "first_contact")
    return _Prepared(ids, codes, dates, amount, n, in_customers, first_contact, cust_codes, tx, cust, inp.products)


def _default_as_of(p: _Prepared, inp: _Input, as_of: Any) -> pd.Timestamp:
    if as_of is None:
        as_of = inp.as_of
    if as_of is None:
        if len(p.dates) == 0:
            raise DataError("There are no transactions, so there is no default as-of date. Fix: pass as_of=...")
        as_of = pd.Timestamp(int(p.dates.max()), unit="ns").normalize()
    t = _as_of_instant(as_of)
    if len(p.dates) and t.value < p.dates.min():
        first = pd.Timestamp(int(p.dates.min()), unit="ns")
        raise DataError(
            f"The as-of date {pd.Timestamp(as_of).date()} is before the first transaction ({first.date()}); "
            f"no client could have a status. Fix: pass an as_of on or after {first.date()}."
        )
    return t


# --------------------------------------------------------------------------------------------
# Core: per-client facts at one as-of instant (vectorised with numpy ufunc.at / bincount)
# --------------------------------------------------------------------------------------------


@dataclass
class _Facts:
    t: int
    a: int  # T - W
    b: int  # T - 2W
    first: np.ndarray  # first settlement <= T (int ns, _IMAX if none)
    last: np.ndarray  # last settlement <= T (_IMIN if none)
    in_current: np.ndarray
    in_previous: np.ndarray
    known: np.ndarray
    only_corrections: np.ndarray
    status: np.ndarray  # int8 codes into STATUSES, -1 = not known
    settled: np.ndarray | None = None  # bool per transaction row: a settlement on or before T
    c: np.ndarray | None = None  # client codes of those rows
    d: np.ndarray | None = None  # their dates


def _facts(p: _Prepared, t: pd.Timestamp, w: pd.DateOffset | pd.Timedelta, settle: np.ndarray | None = None) -> _Facts:
    tv = t.value
    a = window_start(t, w, 1).value
    b = window_start(t, w, 2).value
    upto = p.dates <= tv
    if settle is None:
        settle = p.amount > 0
    s = settle & upto
    c = p.codes[s]
    d = p.dates[s]
    first = np.full(p.n, _IMAX, dtype=np.int64)
    last = np.full(p.n, _IMIN, dtype=np.int64)
    np.minimum.at(first, c, d)
    np.maximum.at(last, c, d)
    prev_mask = (d > b) & (d <= a)
    in_previous = np.bincount(c[prev_mask], minlength=p.n) > 0
    has = first != _IMAX
    in_current = last > a
    any_row = np.bincount(p.codes if upto.all() else p.codes[upto], minlength=p.n) > 0
    lead_known = p.in_customers & ((p.first_contact == _IMIN) | (p.first_contact <= tv))
    known = any_row | lead_known
    only_corr = any_row & ~has
    status = np.where(
        ~has, POTENTIAL,
        np.where(~in_current, LOST, np.where(first > a, NEW, np.where(in_previous, REGULAR, RESTORED))),
    ).astype(np.int8)
    status[~known] = -1
    return _Facts(tv, a, b, first, last, in_current, in_previous, known, only_corr, status, s, c, d)


def _sort_order(ids: pd.Index, sel: np.ndarray) -> np.ndarray:
    """Positions ``sel`` reordered by client id (text order), deterministic."""
    sub = ids[sel]
    if ids.is_monotonic_increasing:
        return sel
    try:
        return sel[sub.argsort(kind="stable")]
    except TypeError:
        return sel[sub.astype(str).argsort(kind="stable")]


def _ts(arr: np.ndarray, none: int) -> pd.DatetimeIndex:
    out = arr.copy()
    out[arr == none] = np.iinfo(np.int64).min
    return pd.DatetimeIndex(out.view("datetime64[ns]"))


def _status_cat(codes: np.ndarray) -> pd.Categorical:
    return pd.Categorical.from_codes(codes.astype(np.int64), categories=list(STATUSES), ordered=True)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


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
    przywrócony) exactly as domain.md section 4 defines them (seed 003 lines 636-643): current
    window ``(T-W, T]``, previous window ``(T-2W, T-W]``; see the module docstring.

    Parameters
    ----------
    transactions
        A DataFrame (``customer_id``, ``date``, ``amount``), a dict of tables or a loaded company
        (anything with ``.transactions``/``.customers``; its ``as_of`` and
        ``params["lifecycle_window"]`` are the defaults).
    customers
        Known clients (``customer_id``, optional ``first_contact``). Clients known only from it
        (leads) are potential; a lead with ``first_contact`` after T is not yet known.
    as_of
        T; a date means the whole day. Default: the day of the last transaction. An as-of date
        before every transaction raises :class:`~salesnb.errors.DataError`.
    window
        W (see :func:`parse_window`); default the company's ``lifecycle_window`` or "3M".
    only_corrections
        A known client whose rows up to T are all corrections (no settlement): "potential"
        (default; flagged in the ``only_corrections`` column, with a DataWarning) or "raise".

    Returns
    -------
    One row per client known at T, sorted by ``customer_id``: ``status`` (ordered categorical
    over :data:`STATUSES`), ``first_settlement``, ``last_settlement`` (NaT for potential),
    ``days_since_last`` (whole days from the last settlement's day to T, <NA> for potential),
    ``in_current_window``, ``in_previous_window``, ``only_corrections``. ``df.attrs`` holds
    ``as_of``, ``window``, ``window_start`` (T-W) and ``previous_window_start`` (T-2W).
    """
    inp = _unpack(transactions, customers)
    p = _prepare(inp)
    w = _resolve_window(window, inp)
    t = _default_as_of(p, inp, as_of)
    f = _facts(p, t, w)
    _check_only_corrections(p, f, only_corrections)
    return _status_frame(p, f, t, w)


def _check_only_corrections(p: _Prepared, f: _Facts, mode: str) -> None:
    oc = f.only_corrections & f.known
    if mode not in ("potential", "raise"):
        raise ValueError("only_corrections must be 'potential' or 'raise'")
    if oc.any():
        ids = list(p.ids[np.flatnonzero(oc)[:5]])
        msg = (f"{int(oc.sum())} client(s) have only corrections (negative or zero amounts) up to the as-of date, "
               f"no settlement")
        if mode == "raise":
            raise DataError(Problem("transactions", msg + ".", column="customer_id", values=ids,
                                    fix="load the invoices the corrections refer to, or pass only_corrections='potential'."))
        warnings.warn(msg + f"; they count as potential clients (e.g. {ids}).", DataWarning, stacklevel=3)


def _status_frame(p: _Prepared, f: _Facts, t: pd.Timestamp, w: Any) -> pd.DataFrame:
    sel = _sort_order(p.ids, np.flatnonzero(f.known))
    last = f.last[sel]
    has = last != _IMIN
    # whole days between the last settlement's day and T's day
    last_day = np.where(has, last // _NS_DAY, 0)
    days = np.where(has, f.t // _NS_DAY - last_day, 0)
    out = pd.DataFrame(
        {
            "customer_id": p.ids[sel],
            "status": _status_cat(f.status[sel]),
            "first_settlement": _ts(f.first[sel], _IMAX),
            "last_settlement": _ts(last, _IMIN),
            "days_since_last": pd.array(np.where(has, days, 0), dtype="Int64"),
            "in_current_window": f.in_current[sel],
            "in_previous_window": f.in_previous[sel],
            "only_corrections": f.only_corrections[sel],
        }
    )
    out.loc[~has, "days_since_last"] = pd.NA
    out.attrs.update(
        as_of=t.normalize(), as_of_instant=t, window=w, window_label=window_label(w),
        window_start=pd.Timestamp(f.a, unit="ns"), previous_window_start=pd.Timestamp(f.b, unit="ns"),
    )
    return out


def status_counts(status_table: pd.DataFrame) -> pd.Series:
    """Clients per status (PL: liczba klientów według statusu), all five statuses, in order."""
    return status_table["status"].value_counts().reindex(list(STATUSES), fill_value=0).rename("clients")


@dataclass
class StatusHistory:
    """Statuses at consecutive period ends and the flows between them (PL: historia statusów).

    ``statuses``: clients x period ends (ordered categorical, NaN where the client was not yet
    known); ``counts``: period end x status; ``flows``: one row per (period_end, from_status,
    to_status) with ``clients`` > 0, ``from_status`` "unknown" for clients first known in that
    period; ``period_ends``: the as-of dates (days) used.
    """

    statuses: pd.DataFrame
    counts: pd.DataFrame
    flows: pd.DataFrame
    period_ends: pd.DatetimeIndex
    window: Any = None

    def transitions(self) -> pd.DataFrame:
        """From-status x to-status matrix summed over all periods (PL: macierz przejść)."""
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

    PL: historia statusów klientów i przepływy między okresami (domain.md section 4; seed 003
    lines 636-643 define the statuses, lines 626-634 the lost/restored KPIs the flows explain).

    Period ends step back from T (``as_of``, default the last transaction day) by ``every``
    (default: the window W itself, so consecutive statuses compare consecutive windows) with the
    end-of-month rule, as long as the period end is on or after the first transaction day, or
    ``periods`` of them (oldest first). ``period_ends`` lists them explicitly instead (each a
    day, meaning its end). Each period end is a :func:`statuses` call's as-of date, so the last
    column equals ``statuses(..., as_of=T)``. The loop runs over periods, never over clients.
    Clients with only corrections are potential (see :func:`statuses`); no warning is repeated.
    """
    inp = _unpack(transactions, customers)
    p = _prepare(inp)
    w = _resolve_window(window, inp)
    if period_ends is not None:
        ends = sorted({_as_of_instant(x) for x in period_ends})
        if not ends:
            raise DataError("period_ends is empty. Fix: give at least one date.")
        _default_as_of(p, inp, ends[0])  # validates the earliest
    else:
        t = _default_as_of(p, inp, as_of)
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
        codes[i] = _facts(p, e, w, settle).status
    known_any = (codes >= 0).any(axis=0)
    sel = _sort_order(p.ids, np.flatnonzero(known_any))
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

    ``window``: the suggestion (pass it to :func:`statuses`); ``label``: e.g. "3M";
    ``gaps``: per-client typical gap in days (median of the gaps between the client's
    consecutive purchase days); ``candidates``: for windows of 1-12 months, the share of repeat
    clients whose typical gap fits in the window, and the share of all gaps that do.
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

    def explain(self, language: str = "en") -> str:
        """The reasoning as text, in English or Polish."""
        return self.reason_pl if str(language).lower() == "pl" else self.reason

    def __str__(self) -> str:  # pragma: no cover - display
        return self.explain("en")

    def _repr_html_(self) -> str:  # pragma: no cover - display
        return f"<p>{self.explain('en')}</p>" + self.candidates.to_html(float_format=lambda x: f"{x:.2f}")


def suggest_window(transactions: Any, *, coverage: float = 0.75, max_months: int = 24) -> WindowSuggestion:
    """The window matching the company's purchase rhythm (PL: okno dopasowane do rytmu zakupów).

    Practical exercise 1 (seed 003 line 700): the calendar periods behind the statuses should
    match the company's average purchase frequency. The article gives no formula; the rule here:

    1. purchase days = distinct days with a settlement (amount > 0) per client;
    2. each client's typical gap = median of the days between its consecutive purchase days
       (clients with one purchase day have no gap and are left out);
    3. W = the shortest whole number of calendar months (1..``max_months``; a month counted as
       365.25/12 days) that covers the typical gap of at least ``coverage`` (default 75%) of the
       repeat clients; if that is under one month, the shortest whole number of weeks instead.

    So a client buying at its usual rhythm stays "regular" for ``coverage`` of the repeat
    clients. With no repeat clients the article's "3M" is returned and the reason says so.
    """
    if not 0 < coverage <= 1:
        raise ValueError("coverage must be in (0, 1]")
    inp = _unpack(transactions)
    p = _prepare(inp)
    s = p.amount > 0
    c = p.codes[s]
    day = p.dates[s] // _NS_DAY
    n_clients = int(np.unique(c).size) if c.size else 0
    if c.size:
        d0 = int(day.min())
        span = int(day.max()) - d0 + 1
        key = np.unique(c * span + (day - d0))
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
            "share_of_repeat_clients": [float((typical <= m * _DAYS_PER_MONTH).mean()) if len(typical) else np.nan for m in months],
            "share_of_gaps": [float((gaps <= m * _DAYS_PER_MONTH).mean()) if gaps.size else np.nan for m in months],
        }
    ).set_index("window")
    n_rep = int(len(typical))
    if n_rep == 0:
        w = parse_window(DEFAULT_WINDOW)
        reason = (f"No client bought on two different days ({n_clients} clients with settlements), so there is no "
                  f"purchase rhythm to measure; keeping the article's window of 3 months.")
        reason_pl = (f"Żaden klient nie kupił w dwóch różnych dniach ({n_clients} klientów z rozliczeniami), więc nie "
                     f"da się zmierzyć rytmu zakupów; zostaje okno z artykułu: 3 miesiące.")
        return WindowSuggestion(w, "3M", coverage, typical, cand, n_clients, 0, reason, reason_pl)
    # the smallest typical gap that at least `coverage` of the repeat clients do not exceed
    q = float(np.sort(typical.to_numpy())[max(0, math.ceil(coverage * n_rep - 1e-9) - 1)])
    med = float(typical.median())
    if q <= 28:
        weeks = max(1, math.ceil(q / 7))
        w = pd.Timedelta(weeks=weeks)
        label = f"{weeks}W"
        text_len, text_len_pl = f"{weeks} week(s)", f"{weeks} tydz."
    else:
        m = min(max_months, max(1, math.ceil(q / _DAYS_PER_MONTH - 1e-9)))
        w = pd.DateOffset(months=m)
        label = f"{m}M"
        text_len, text_len_pl = f"{m} month(s)", f"{m} mies."
    reason = (
        f"{n_rep} of {n_clients} clients bought on at least two different days. Their typical gap between "
        f"purchases (per-client median) is {med:.0f} days in the middle and {q:.0f} days or less for "
        f"{coverage:.0%} of them. The shortest whole window covering that is {text_len} ({label}): a client "
        f"buying at its usual rhythm then stays regular instead of being counted as lost. The article uses "
        f"3 months; see 'candidates' for how many clients other windows cover."
    )
    reason_pl = (
        f"{n_rep} z {n_clients} klientów kupiło w co najmniej dwóch różnych dniach. Typowa przerwa między ich "
        f"zakupami (mediana dla klienta) to w środku rozkładu {med:.0f} dni, a dla {coverage:.0%} z nich "
        f"{q:.0f} dni lub mniej. Najkrótsze pełne okno, które to obejmuje, to {text_len_pl} ({label}): klient "
        f"kupujący w swoim zwykłym rytmie pozostaje wtedy stały, a nie utracony. Artykuł przyjmuje 3 miesiące; "
        f"tabela 'candidates' pokazuje, ilu klientów obejmują inne okna."
    )
    return WindowSuggestion(w, label, coverage, typical, cand, n_clients, n_rep, reason, reason_pl)


# --------------------------------------------------------------------------------------------
# Manager and client KPIs for a period (seed 003 lines 626-634, tables 645-698)
# --------------------------------------------------------------------------------------------

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
)
_ADDITIVE = tuple(c for c in MANAGER_KPI_COLUMNS if c != "conversion")


def _period_bounds(period_start: Any, period_end: Any) -> tuple[pd.Timestamp, pd.Timestamp]:
    s = pd.Timestamp(period_start)
    if s.tzinfo is not None:
        s = s.tz_convert(None)
    s = s.as_unit("ns")
    e = _as_of_instant(period_end)
    if s > e:
        raise DataError(f"The period starts ({s.date()}) after it ends ({e.date()}). Fix: swap the dates.")
    return s, e


def _codes_of(values: pd.Series, names: pd.Index, pos: np.ndarray | None = None) -> np.ndarray:
    """Codes of ``values`` (at positions ``pos``) in ``names`` (-1 for missing values)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        m = np.append(names.get_indexer(values.cat.categories), -1)  # code -1 (missing) -> -1
        c = values.cat.codes.to_numpy()
        return m[c if pos is None else c[pos]].astype(np.int64)
    arr = values if pos is None else values.iloc[pos]
    out = names.get_indexer(arr.astype(object).where(arr.notna(), None))
    return out.astype(np.int64)


def _unique_names(*series: pd.Series | None) -> pd.Index:
    vals: set = set()
    for s in series:
        if s is None:
            continue
        if isinstance(s.dtype, pd.CategoricalDtype):
            codes = s.cat.codes.to_numpy()
            used = np.bincount(codes[codes >= 0].astype(np.int64), minlength=len(s.cat.categories)) > 0
            vals.update(s.cat.categories[used].tolist())
        else:
            vals.update(s.dropna().unique().tolist())
    try:
        return pd.Index(sorted(vals), dtype=object)
    except TypeError:
        return pd.Index(sorted(vals, key=str), dtype=object)


@dataclass
class _Period:
    p: _Prepared
    s: pd.Timestamp
    t: pd.Timestamp
    w: Any
    f: _Facts
    status_start: np.ndarray
    sp_names: pd.Index  # salespeople; code len(sp_names) = unassigned
    client_sp: np.ndarray  # per client
    row_sel: np.ndarray  # positions of settlement rows in the period
    row_seller: np.ndarray
    row_kind: np.ndarray  # 0 primary, 1 repeat, 2 new direction
    row_client: np.ndarray
    row_line: np.ndarray
    row_day: np.ndarray
    corr_sel: np.ndarray
    corr_seller: np.ndarray
    converted: np.ndarray
    lost_in_period: np.ndarray
    restored: np.ndarray
    leads: np.ndarray


def _product_lines(p: _Prepared) -> tuple[np.ndarray, int]:
    tx = p.tx
    if "product_line" in tx.columns:
        line = tx["product_line"]
    elif "product" in tx.columns and p.products is not None and {"product", "product_line"} <= set(p.products.columns):
        mapping = p.products.drop_duplicates("product").set_index("product")["product_line"]
        line = tx["product"].astype(object).map(mapping)
    else:
        raise DataError(Problem("transactions", "no product line, so repeat sales cannot be told from sales in new "
                                "directions.", column="product_line",
                                fix="add a product_line column, or a product column and a products table."))
    if isinstance(line.dtype, pd.CategoricalDtype):
        codes = line.cat.codes.to_numpy().astype(np.int64)
        n = len(line.cat.categories)
    else:
        codes, uniq = pd.factorize(line, sort=False)
        codes = codes.astype(np.int64)
        n = len(uniq)
    if (codes < 0).any():
        warnings.warn(f"{int((codes < 0).sum())} transaction row(s) have no product line; they are treated as one "
                      f"line of their own.", DataWarning, stacklevel=4)
        codes = np.where(codes < 0, n, codes)
        n += 1
    return codes, n


def _period(data: Any, period_start: Any, period_end: Any, window: Any, customers: Any,
            full_start_status: bool = False) -> _Period:
    inp = _unpack(data, customers)
    p = _prepare(inp)
    w = _resolve_window(window, inp)
    s, t = _period_bounds(period_start, period_end)
    _default_as_of(p, inp, t)
    settle = p.amount > 0
    f = _facts(p, t, w, settle)
    t0 = s - pd.Timedelta(1, "ns")
    if full_start_status:
        f0 = _facts(p, t0, w, settle) if (len(p.dates) and t0.value >= p.dates.min()) else None
        status_start = f0.status if f0 is not None else np.where(p.in_customers & ((p.first_contact == _IMIN) | (p.first_contact <= t0.value)), POTENTIAL, -1).astype(np.int8)
        active_start = np.isin(status_start, (NEW, REGULAR, RESTORED))
    else:  # active at the day before the period = a settlement in (T0 - W, T0]
        status_start = np.full(p.n, -1, dtype=np.int8)
        a0 = window_start(t0, w, 1).value
        active_start = np.bincount(f.c[(f.d > a0) & (f.d <= t0.value)], minlength=p.n) > 0

    # salespeople: the client's (customers table), else the one on its last transaction up to T
    cust = p.customers
    tx_sp = p.tx["salesperson"] if "salesperson" in p.tx.columns else None
    cust_sp = cust["salesperson"] if (cust is not None and "salesperson" in cust.columns) else None
    sp_names = _unique_names(tx_sp, cust_sp)
    k_un = len(sp_names)
    client_sp = np.full(p.n, -1, dtype=np.int64)
    if cust_sp is not None:
        client_sp[p.cust_codes] = _codes_of(cust_sp, sp_names)

    def tx_sp_codes(pos: np.ndarray) -> np.ndarray:
        if tx_sp is None:
            return np.full(len(pos), -1, dtype=np.int64)
        return _codes_of(tx_sp, sp_names, pos)

    need = client_sp < 0
    if need.any() and tx_sp is not None:
        r = np.flatnonzero((p.dates <= t.value) & need[p.codes])
        r = r[tx_sp_codes(r) >= 0]
        if r.size:
            # last transaction row per client: order rows by date, keep the last per client (ties: later row)
            o = r[np.argsort(p.dates[r], kind="stable")]
            cl = p.codes[o]
            last_pos = np.full(p.n, -1, dtype=np.int64)
            last_pos[cl] = o  # fancy assignment keeps the last write for repeated indices
            got = last_pos >= 0
            client_sp[got] = tx_sp_codes(last_pos[got])
    client_sp = np.where(client_sp < 0, k_un, client_sp)

    # settlement rows in the period and their kind
    line_codes, n_lines = _product_lines(p)
    pair = p.codes * n_lines + line_codes  # (client, product line) of every row
    m_in = f.settled & (p.dates >= s.value)  # boolean masks: faster than integer gathers at 10 M rows
    row_sel = np.flatnonzero(m_in)
    rc = p.codes[m_in]
    rd = p.dates[m_in]
    rl = line_codes[m_in]
    pair_p = pair[m_in]  # the period's sales ...
    pair_b = pair[f.settled & (p.dates < s.value)]  # ... and the earlier ones
    if p.n * n_lines <= 50_000_000:  # dense arrays over all (client, line) pairs
        bought_before = (np.bincount(pair_b, minlength=p.n * n_lines) > 0)[pair_p]
        first_in_p = np.full(p.n * n_lines, _IMAX, dtype=np.int64)
        np.minimum.at(first_in_p, pair_p, rd)
        line_first = first_in_p[pair_p]
    else:
        bought_before = np.isin(pair_p, _sorted_unique(pair_b))
        pcode, uniq = pd.factorize(pair_p)
        first_in_p = np.full(len(uniq), _IMAX, dtype=np.int64)
        np.minimum.at(first_in_p, pcode, rd)
        line_first = first_in_p[pcode]
    # the rules speak of days: a client's first settlement day, the first day it bought in a line
    rday, first_day, line_first_day = rd // _NS_DAY, f.first[rc] // _NS_DAY, line_first // _NS_DAY
    primary = rday == first_day
    newdir = ~primary & ~bought_before & (rday == line_first_day)
    kind = np.where(primary, 0, np.where(newdir, 2, 1)).astype(np.int8)
    seller = tx_sp_codes(row_sel)
    seller = np.where(seller >= 0, seller, client_sp[rc])
    corr_sel = np.flatnonzero((p.amount < 0) & (p.dates >= s.value) & (p.dates <= t.value))
    cs = tx_sp_codes(corr_sel)
    cs = np.where(cs >= 0, cs, client_sp[p.codes[corr_sel]])

    has = f.first != _IMAX
    converted = has & (f.first >= s.value) & (f.first <= t.value)
    lost_in_period = (f.status == LOST) & active_start
    restored = f.status == RESTORED
    leads = (f.status == POTENTIAL) | converted
    return _Period(p, s, t, w, f, status_start, sp_names, client_sp, row_sel, seller, kind, rc, rl,
                   rd // _NS_DAY, corr_sel, cs, converted, lost_in_period, restored, leads)


def _count_unique(*keys: np.ndarray, group: np.ndarray, n_groups: int) -> np.ndarray:
    """Per group, the number of distinct key tuples (vectorised with np.unique)."""
    if group.size == 0:
        return np.zeros(n_groups, dtype=np.int64)
    stacked = np.stack([group, *keys], axis=1)
    u = _unique_rows_fast(stacked.astype(np.int64))
    return np.bincount(u[:, 0], minlength=n_groups)


def _sorted_unique(x: np.ndarray) -> np.ndarray:
    """np.unique by sorting (faster than numpy 2's hash-based unique for int64 keys here)."""
    x = np.sort(x)
    if x.size:
        x = x[np.concatenate(([True], x[1:] != x[:-1]))]
    return x


def _unique_rows_fast(a: np.ndarray) -> np.ndarray:
    # combine columns into one int64 key when the value ranges allow, else fall back
    mins = a.min(axis=0)
    spans = a.max(axis=0) - mins + 1
    if float(np.prod(spans.astype(float))) < 2**62:
        key = np.zeros(a.shape[0], dtype=np.int64)
        for j in range(a.shape[1]):
            key = key * int(spans[j]) + (a[:, j] - mins[j])
        key = _sorted_unique(key)
        out = np.empty((key.size, a.shape[1]), dtype=np.int64)
        for j in range(a.shape[1] - 1, -1, -1):
            out[:, j] = key % int(spans[j]) + mins[j]
            key = key // int(spans[j])
        return out
    return np.unique(a, axis=0)


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

    Seed 003 lines 626-634 (the KPIs) and 645-698 (the table "Okres 01.01.09-31.03.09 (dane
    według pracowników)"); domain.md section 4. One row per sales manager, sorted by name, and a
    last row "Total" (PL "Razem") that is the sum of the rows (``conversion`` there is
    converted/leads of the sums, not a sum of ratios).

    The period is ``[period_start, period_end]``, whole days; T = the end of ``period_end``, the
    statuses use window W (default the company's ``lifecycle_window`` or "3M").

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
    the client's salesperson in ``customers``. Client counts (potential, lost, restored, leads,
    conversion) go to the client's salesperson in ``customers``, else the one on the client's
    last transaction row up to T. Sales nobody can be credited with are in a row "(unassigned)".

    **Client columns** (at T, by the client's salesperson):

    - ``potential_clients`` (PL: Pot. klienci): status potential at T = known by T (a lead with
      ``first_contact`` on or before T, or no date) and no settlement up to T;
    - ``lost_clients`` (PL: utraceni klienci): active (new/regular/restored) at the day before
      the period and lost at T, i.e. left during the period;
    - ``restored_clients`` (PL: przywróceni klienci): status restored at T;
    - ``leads``: clients with no settlement before the period and known by T (first contact in
      the period or before); ``converted_clients``: those whose first settlement is in the
      period (clients missing from ``customers`` count as contacted on their first purchase);
      ``conversion`` (PL: konwersja) = converted / leads. By construction leads = potential
      at T + converted clients.

    ``class_changes=True`` adds ``class_changes`` (PL: zmiany klasy; "klasa klienta, historia
    zmian klas", line 631): clients of the manager that have an ABC class both at the end of the
    day before the period and at T, and the two classes differ (A->B, C->A ...). Classes come
    from :func:`salesnb.abcxyz.abc_xyz` with the company's parameters; a client gaining or
    losing a class (new, lost) is not counted here, those are the new/lost columns. Off by
    default: it runs the ABC/XYZ analysis twice (about 15 s at 10 M transactions).

    ``language`` "en"/"pl" labels the columns with the article's headers (salesnb.i18n);
    default: the snake_case names above.
    """
    per = _period(company, period_start, period_end, window, customers)
    k = len(per.sp_names) + 1
    amount = per.p.amount
    cols: dict[str, np.ndarray] = {}
    cs = per.client_sp
    cols["potential_clients"] = np.bincount(cs[per.f.status == POTENTIAL], minlength=k)
    prim = per.row_kind == 0
    cols["primary_sales_count"] = _count_unique(per.row_client[prim], group=per.row_seller[prim], n_groups=k)
    cols["lost_clients"] = np.bincount(cs[per.lost_in_period], minlength=k)
    cols["restored_clients"] = np.bincount(cs[per.restored], minlength=k)
    ra = amount[per.row_sel]
    for kind, name in ((0, "primary_sales_amount"), (1, "repeat_sales_amount"), (2, "new_direction_sales_amount")):
        m = per.row_kind == kind
        cols[name] = np.bincount(per.row_seller[m], weights=ra[m], minlength=k)
    rep = per.row_kind == 1
    cols["repeat_sales_count"] = _count_unique(per.row_client[rep], per.row_line[rep], per.row_day[rep],
                                               group=per.row_seller[rep], n_groups=k)
    nd = per.row_kind == 2
    cols["new_direction_sales_count"] = _count_unique(per.row_client[nd], per.row_line[nd], group=per.row_seller[nd], n_groups=k)
    cols["corrections_amount"] = np.bincount(per.corr_seller, weights=amount[per.corr_sel], minlength=k)
    cols["leads"] = np.bincount(cs[per.leads], minlength=k)
    cols["converted_clients"] = np.bincount(cs[per.converted], minlength=k)
    df = pd.DataFrame({c: cols[c] for c in _ADDITIVE}, index=pd.Index([*per.sp_names, UNASSIGNED], dtype=object, name="salesperson"))
    for c in ("primary_sales_amount", "repeat_sales_amount", "new_direction_sales_amount", "corrections_amount"):
        df[c] = df[c].astype("float64").round(2)
    if class_changes:
        df["class_changes"] = _class_changes(company, per)
    # every named salesperson keeps a row (even all zero); "(unassigned)" only when not empty
    if not df.iloc[-1].any():
        df = df.iloc[:-1]
    total = df.sum(axis=0)
    total_label = "Total"
    if language is not None:
        from salesnb.i18n import t as _t

        total_label = _t("total", language)
    df.loc[total_label] = total
    for c in (*_ADDITIVE, "class_changes"):
        if c in df.columns and not c.endswith("_amount"):
            df[c] = df[c].astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        df["conversion"] = np.where(df["leads"] > 0, df["converted_clients"] / df["leads"].where(df["leads"] > 0, 1), np.nan)
    df = df[list(MANAGER_KPI_COLUMNS) + (["class_changes"] if class_changes else [])]
    df.attrs.update(period_start=per.s.normalize(), period_end=per.t.normalize(), window=per.w,
                    window_label=window_label(per.w), total_label=total_label)
    if language is not None:
        df = label_kpis(df, language)
    return df


def _class_changes(company: Any, per: _Period) -> np.ndarray:
    """Per salesperson code: clients whose ABC class at T differs from the one before the period."""
    try:
        from salesnb.abcxyz import abc_xyz
    except ImportError as e:  # pragma: no cover - the module ships with salesnb
        raise DataError(f"class_changes needs salesnb.abcxyz ({e}). Fix: pass class_changes=False.") from None
    data = company if hasattr(company, "transactions") else per.p.tx
    t0 = (per.s - pd.Timedelta(days=1)).normalize()
    k = len(per.sp_names) + 1
    if len(per.p.dates) == 0 or t0.value + _NS_DAY <= per.p.dates.min():
        return np.zeros(k, dtype=np.int64)
    end = abc_xyz(data, as_of=per.t.normalize())["abc"]
    start = abc_xyz(data, as_of=t0)["abc"]
    both = pd.concat([start.rename("a0"), end.rename("a1")], axis=1, join="inner").dropna()
    changed = both.index[(both["a0"].astype(str) != both["a1"].astype(str)).to_numpy()]
    codes = per.p.ids.get_indexer(changed)
    codes = codes[codes >= 0]
    return np.bincount(per.client_sp[codes], minlength=k)


def label_kpis(df: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """A copy with the article's headers (PL: nagłówki z tabeli artykułu) in ``language``."""
    from salesnb.i18n import t as _t

    labels = _labels()
    ren = {c: _t("kpi_" + c, language) if ("kpi_" + c) in labels else _t(c, language)
           for c in df.columns if ("kpi_" + c) in labels or c in labels}
    out = df.rename(columns=ren, index={UNASSIGNED: _t("lc_unassigned", language)} if "lc_unassigned" in labels else None)
    if out.index.name in ("salesperson", "customer_id"):
        out.index.name = _t(out.index.name, language)
    return out


def _labels() -> dict:
    from salesnb.i18n import LABELS

    return LABELS


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

    Seed 003 lines 645-698 ("Okres 01.01.09-31.03.09 (szczegóły u klienta)"), same rules as
    :func:`manager_kpis`. One row per client known at T (index ``customer_id``, sorted):
    ``salesperson`` (the client's, see :func:`manager_kpis`), ``status_start`` (status at the
    end of the day before the period; NaN if not yet known) and ``status`` (at T),
    first/last settlement up to T, the amounts of primary / repeat / new-direction sales and of
    corrections in the period, ``new_product_lines`` (lines first bought in the period after the
    first purchase), ``product_lines`` (lines bought up to T), and the flags ``converted``
    (first purchase in the period), ``lost_in_period`` and ``restored``.

    The amount columns summed over all clients equal the "Total" row of :func:`manager_kpis`
    (per manager they agree when every sale is credited to the client's own salesperson).
    """
    per = _period(company, period_start, period_end, window, customers, full_start_status=True)
    p = per.p
    n = p.n
    ra = p.amount[per.row_sel]
    amounts = {}
    for kind, name in ((0, "primary_sales_amount"), (1, "repeat_sales_amount"), (2, "new_direction_sales_amount")):
        m = per.row_kind == kind
        amounts[name] = np.bincount(per.row_client[m], weights=ra[m], minlength=n)
    amounts["corrections_amount"] = np.bincount(p.codes[per.corr_sel], weights=p.amount[per.corr_sel], minlength=n)
    nd = per.row_kind == 2
    new_lines = _count_unique(per.row_line[nd], group=per.row_client[nd], n_groups=n)
    # distinct lines bought up to T
    line_codes, n_lines = _product_lines(p)
    st = (p.amount > 0) & (p.dates <= per.t.value)
    lines_total = _count_unique(line_codes[st], group=p.codes[st], n_groups=n)
    sel = _sort_order(p.ids, np.flatnonzero(per.f.known))
    names = np.array([*per.sp_names, UNASSIGNED], dtype=object)
    st0 = per.status_start[sel].astype(np.int64)
    df = pd.DataFrame(
        {
            "salesperson": names[per.client_sp[sel]],
            "status_start": pd.Categorical.from_codes(np.where(st0 < 0, -1, st0), categories=list(STATUSES), ordered=True),
            "status": _status_cat(per.f.status[sel]),
            "first_settlement": _ts(per.f.first[sel], _IMAX),
            "last_settlement": _ts(per.f.last[sel], _IMIN),
            **{k2: np.round(v[sel], 2) for k2, v in amounts.items()},
            "new_product_lines": new_lines[sel],
            "product_lines": lines_total[sel],
            "converted": per.converted[sel],
            "lost_in_period": per.lost_in_period[sel],
            "restored": per.restored[sel],
        },
        index=pd.Index(p.ids[sel], name="customer_id"),
    )
    df.attrs.update(period_start=per.s.normalize(), period_end=per.t.normalize(), window=per.w,
                    window_label=window_label(per.w))
    if language is not None:
        df = label_kpis(df, language)
    return df


__all__ = [
    "STATUSES",
    "STATUSES_PL",
    "DEFAULT_WINDOW",
    "UNKNOWN",
    "UNASSIGNED",
    "MANAGER_KPI_COLUMNS",
    "CLIENT_KPI_COLUMNS",
    "parse_window",
    "window_label",
    "window_start",
    "statuses",
    "status_counts",
    "status_history",
    "StatusHistory",
    "suggest_window",
    "WindowSuggestion",
    "manager_kpis",
    "client_kpis",
    "label_kpis",
]
