"""Turnover per client and period (PL: obroty klienta w okresach): what ABC and XYZ count.

The one parameter set-up path of the ABC/XYZ method (:func:`settings`: the caller's arguments,
else the company's ``params``, else :mod:`salesnb.params`, each checked), the transactions as
arrays up to the as-of date (:func:`load_transactions`) and the grid of net turnover per
(client, period) (:func:`turnover_grid`) that :mod:`~salesnb.abcxyz.xyz`,
:mod:`~salesnb.abcxyz.table` and :mod:`~salesnb.abcxyz.history` share. Money is summed
exactly (:mod:`salesnb.money`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, ParameterError, Problem
from ..money import from_units, to_units
from ..params import defaults as parameter_defaults
from ..periods import DEFAULT_WINDOW, check_period, local_dates, local_timestamp, parse_window, period_codes
from ..validation import check_choice, check_number
from .ranking import DENSE_LIMIT, TOL, check_cumulative, check_thresholds, id_rank

__all__ = [
    "BY",
    "SPANS",
    "Settings",
    "Transactions",
    "TurnoverGrid",
    "check_horizon",
    "load_transactions",
    "pair_sums",
    "row_problem",
    "settings",
    "source_of",
    "split_input",
    "turnover_grid",
]

#: What ABC ranks by: turnover ("amount"; "turnover" is the same) or margin.
BY = ("amount", "margin")
#: Where a client's XYZ periods start: its own first period, or the dataset's.
SPANS = ("client", "dataset")
_BY_NAMES = {"amount": "amount", "turnover": "amount", "margin": "margin"}


def split_input(data: Any, function: str) -> tuple[pd.DataFrame, Any]:
    """The transactions and the company (or None) from what a user passes (PL: dane wejściowe).

    Parameters
    ----------
    data : DataFrame or Company
        A transactions DataFrame or anything with a ``.transactions`` DataFrame.
    function : str
        The public function, for the message.

    Returns
    -------
    tuple
        ``(transactions, company or None)``.

    Raises
    ------
    ParameterError
        For anything else.
    """
    if isinstance(data, pd.DataFrame):
        return data, None
    tx = getattr(data, "transactions", None)
    if isinstance(tx, pd.DataFrame):
        return tx, data
    raise ParameterError("data", data, "a transactions DataFrame (customer_id, date, amount) or a loaded company",
                         function=function, fix="pass salesnb.load_company(...) or a transactions DataFrame.")


@dataclass(frozen=True)
class Settings:
    """The resolved, checked parameters of one ABC/XYZ computation (PL: parametry analizy).

    Attributes
    ----------
    abc_thresholds, xyz_thresholds : tuple of float
    by : {"amount", "margin"}
    cumulative : {"before", "including"}
    period : {"M", "Q"}
    ddof : {0, 1}
    min_periods : int
    span : {"client", "dataset"}
    horizon : int or None
    window : DateOffset or Timedelta
        The lifecycle window W (for the "new client" rule).
    window_text : str
        W as given, for ``attrs``.
    tol : float
    """

    abc_thresholds: tuple[float, float]
    by: str
    cumulative: str
    period: str
    xyz_thresholds: tuple[float, float]
    ddof: int
    min_periods: int
    span: str
    horizon: int | None
    window: Any
    window_text: str
    tol: float

    def attrs(self, as_of: pd.Timestamp) -> dict[str, Any]:
        """The parameters as a table's ``attrs`` (PL: parametry w opisie tabeli).

        Parameters
        ----------
        as_of : pandas.Timestamp
            The as-of date the table was computed at.

        Returns
        -------
        dict
            ``as_of`` and every setting (``lifecycle_window`` as given), ready for
            ``DataFrame.attrs.update``.
        """
        return dict(as_of=as_of, abc_thresholds=self.abc_thresholds, by=self.by, cumulative=self.cumulative,
                    period=self.period, xyz_thresholds=self.xyz_thresholds, ddof=self.ddof,
                    min_periods=self.min_periods, span=self.span, horizon=self.horizon,
                    lifecycle_window=self.window_text)


def check_horizon(horizon: Any, function: str, period: str = "M") -> int | None:
    """The analysis horizon as a number of periods, or None for all history (PL: horyzont analizy).

    Parameters
    ----------
    horizon : int, str or None
        A whole number of periods >= 1; a length in whole months or years ("12M", "1Y"),
        converted to periods of ``period`` (rounded up); "all" or None for the whole history.
    function : str
        The public function, for the message.
    period : {"M", "Q"}, default "M"
        The periods a length is converted to.

    Returns
    -------
    int or None

    Raises
    ------
    ParameterError
        For anything else.
    """
    if horizon is None or (isinstance(horizon, str) and horizon.strip().lower() in ("all", "none", "wszystko")):
        return None
    if isinstance(horizon, str):
        try:
            w = parse_window(horizon)
        except ParameterError:
            w = None
        if not isinstance(w, pd.DateOffset):
            raise ParameterError("horizon", horizon, "a number of periods, a length in months ('12M') or 'all'",
                                 function=function, fix="e.g. horizon='12M' for the last 12 months, or 'all'.")
        months = int(w.kwds["months"])
        return months if period == "M" else -(-months // 3)
    return check_number("horizon", horizon, low=1, integer=True, function=function,
                        fix="e.g. horizon=12 for the last 12 periods, or 'all' for the whole history.")


def settings(company: Any, function: str, *, abc_thresholds: Any = None, by: Any = None,
             cumulative: Any = "before", xyz_thresholds: Any = None, period: Any = None, ddof: Any = None,
             min_periods: Any = None, span: Any = None, horizon: Any = None, lifecycle_window: Any = None,
             tol: float = TOL) -> Settings:
    """The one parameter set-up path of ABC/XYZ (PL: ustalenie parametrów analizy ABC/XYZ).

    Each argument left ``None`` takes the company's ``params`` value, else the default of
    :mod:`salesnb.params`; every value is then checked.

    Parameters
    ----------
    company : Company or None
        A loaded company (its ``params``) or None.
    function : str
        The public function being called, named in messages.
    abc_thresholds, by, cumulative, xyz_thresholds, period, ddof, min_periods, span, horizon, lifecycle_window, tol
        As :func:`salesnb.abcxyz.abc_xyz`.

    Returns
    -------
    Settings

    Raises
    ------
    ParameterError
        Naming the first argument that is not allowed.
    """
    p = parameter_defaults()
    if company is not None and isinstance(getattr(company, "params", None), dict):
        p.update({k: v for k, v in company.params.items() if v is not None})
    given = dict(abc_thresholds=abc_thresholds, abc_by=by, xyz_thresholds=xyz_thresholds, xyz_period=period,
                 xyz_ddof=ddof, xyz_min_periods=min_periods, xyz_span=span, lifecycle_window=lifecycle_window)
    p.update({k: v for k, v in given.items() if v is not None})
    by_ = _BY_NAMES[check_choice("by", p["abc_by"], tuple(_BY_NAMES), function=function)]
    ddof_ = check_choice("ddof", p["xyz_ddof"], (0, 1), function=function,
                         fix="0 for the population standard deviation, 1 for the sample one (Excel STDEV).")
    min_periods_ = check_number("min_periods", p["xyz_min_periods"], low=ddof_ + 1, integer=True, function=function)
    window = p["lifecycle_window"] if p["lifecycle_window"] is not None else DEFAULT_WINDOW
    period_ = check_period(p["xyz_period"], function)
    return Settings(
        abc_thresholds=check_thresholds(p["abc_thresholds"], "abc_thresholds", function),
        by=by_,
        cumulative=check_cumulative(cumulative, function),
        period=period_,
        xyz_thresholds=check_thresholds(p["xyz_thresholds"], "xyz_thresholds", function, upper=None),
        ddof=int(ddof_),
        min_periods=min_periods_,
        span=check_choice("span", p["xyz_span"], SPANS, function=function),
        horizon=check_horizon(horizon if horizon is not None else p.get("abc_horizon"), function, period_),
        window=parse_window(window),
        window_text=str(window),
        tol=check_number("tol", tol, low=0, function=function),
    )


def source_of(company: Any) -> str:
    """The transactions file of a loaded company, for messages (PL: źródło transakcji).

    Parameters
    ----------
    company : Company or None
        A loaded company, whose ``sources`` name its files.

    Returns
    -------
    str
        The path of its transactions file; else the table's name, ``"transactions"``.
    """
    src = (getattr(company, "sources", None) or {}).get("transactions")
    return str(src) if src is not None else "transactions"


def row_problem(tx: pd.DataFrame, mask: np.ndarray, column: str, message: str, fix: str, values: Any = None,
                file: str = "transactions") -> Problem:
    """A problem naming the rows of ``tx`` where ``mask`` holds (PL: błąd w wierszach).

    Parameters
    ----------
    tx : pandas.DataFrame
        The table; a loaded table's index is the row number in its file.
    mask : numpy.ndarray of bool
        The rows at fault.
    column, message, fix, file : str
        As :class:`~salesnb.errors.Problem`.
    values : array, optional
        The values found (default: the ids of the rows when the index is not row numbers).

    Returns
    -------
    Problem
    """
    rows = tx.index[mask]
    int_rows = pd.api.types.is_integer_dtype(rows.dtype)
    return Problem(file, message, fix=fix, column=column,
                   rows=list(rows[:10]) if int_rows else [],
                   values=list(values[:10]) if values is not None else ([] if int_rows else list(rows[:10])))


@dataclass
class Transactions:
    """Validated transactions as arrays, rows after the as-of date dropped (PL: transakcje).

    Attributes
    ----------
    client : numpy.ndarray of int64
        Codes into ``labels`` (code order = id order).
    labels : pandas.Index
        Client ids.
    day : numpy.ndarray of int64
        Days since 1970-01-01.
    amount, margin : numpy.ndarray
        float64 (``margin`` None without margins).
    frame : pandas.DataFrame
        The transactions (for products and product lines).
    keep : numpy.ndarray or None
        Rows of ``frame`` kept (None = all).
    as_of : pandas.Timestamp
        The whole day T.
    """

    client: np.ndarray          # int64 codes into ``labels`` (code order = id order)
    labels: pd.Index            # client id labels
    day: np.ndarray             # int64 days since 1970-01-01
    amount: np.ndarray          # float64
    margin: np.ndarray | None   # float64 or None
    frame: pd.DataFrame         # the transactions (for products, product lines)
    keep: np.ndarray | None     # rows of ``frame`` kept (None = all)
    as_of: pd.Timestamp         # whole day T
    extra: dict = field(default_factory=dict)

    def periods(self, period: str) -> np.ndarray:
        """Period ordinal of every row (PL: numery okresów), via a per-day lookup.

        Parameters
        ----------
        period : {"M", "Q"}
            Months or quarters.

        Returns
        -------
        numpy.ndarray of int64
            Months or quarters since 1970 (:func:`salesnb.periods.period_codes`) of the kept
            rows; computed once per period and kept in ``extra``.
        """
        if period not in self.extra:
            d0 = int(self.day.min())
            lut = period_codes(np.arange(d0, int(self.day.max()) + 1).astype("datetime64[D]"), period)
            self.extra[period] = lut[self.day - d0]
        return self.extra[period]

    def column(self, name: str) -> pd.Series:
        """A column of the kept rows (PL: kolumna transakcji), e.g. products.

        Parameters
        ----------
        name : str
            A column of ``frame``.

        Returns
        -------
        pandas.Series
            The column, without the rows after the as-of date.
        """
        col = self.frame[name]
        return col if self.keep is None else col[self.keep]


def _float_column(tx: pd.DataFrame, name: str) -> np.ndarray:
    col = tx[name]
    if pd.api.types.is_float_dtype(col.dtype) and not isinstance(col.dtype, pd.api.extensions.ExtensionDtype):
        return col.to_numpy()
    return pd.to_numeric(col, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


def load_transactions(tx: pd.DataFrame, as_of: Any, company: Any,
                      need_margin: bool = False) -> Transactions:
    """Check columns and values, apply the as-of date, encode the ids (PL: przygotowanie transakcji).

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (customer_id, date, amount; optional margin).
    as_of : date-like or None
        T (whole day); None: the company's, else the last transaction's day.
    company : Company or None
        For its ``as_of`` and the file name in messages.
    need_margin : bool, default False
        Whether margins are required (ABC by margin).

    Returns
    -------
    Transactions

    Raises
    ------
    DataError
        Missing columns, or rows without a date, amount, margin (when needed) or client id,
        naming the file and rows; no transaction on or before T.
    """
    problems: list[Problem] = []
    missing = [c for c in ("customer_id", "date", "amount") if c not in tx.columns]
    if missing:
        raise DataError(Problem(None, f"transactions lack the column(s) {missing}.",
                                fix="transactions need customer_id, date and amount (see salesnb.schema)."))
    if need_margin and "margin" not in tx.columns:
        raise DataError(Problem(None, "by='margin' but the transactions have no margin column.", column="margin",
                                fix="use by='amount' (turnover), or add margins to the data."))
    source = source_of(company)
    date = local_dates(tx["date"], "date", source)
    d = date.to_numpy()                       # datetime64 in the column's own unit (no copy)
    amount = _float_column(tx, "amount")
    nat = np.isnat(d)
    if nat.any():
        problems.append(row_problem(tx, nat, "date", f"{int(nat.sum())} missing date(s).",
                                     "fill or drop those rows.", file=source))
    bad = ~np.isfinite(amount)
    if bad.any():
        problems.append(row_problem(tx, bad, "amount", f"{int(bad.sum())} missing or non-numeric amount(s).",
                                     "fill or drop those rows (a correction is a negative amount).",
                                     values=tx["amount"].to_numpy()[bad], file=source))
    margin = None
    if "margin" in tx.columns:
        margin = _float_column(tx, "margin")
        if need_margin:
            badm = ~np.isfinite(margin)
            if badm.any():
                problems.append(row_problem(tx, badm, "margin", f"{int(badm.sum())} missing margin(s).",
                                             "fill them or use by='amount'.", file=source))
    client, labels = id_rank(tx["customer_id"])
    if (client < 0).any():
        problems.append(row_problem(tx, client < 0, "customer_id", "missing client id(s).",
                                     "fill or drop those rows.", file=source))
    if problems:
        raise DataError(problems)
    if len(d) == 0:
        raise DataError("no transactions: ABC/XYZ needs at least one settlement.")
    day = d.astype("datetime64[D]").astype(np.int64)
    if as_of is None and company is not None:
        as_of = getattr(company, "as_of", None)
    last_day = int(day.max())
    T = local_timestamp(as_of).normalize() if as_of is not None else pd.Timestamp(np.datetime64(last_day, "D"))
    t_day = int(np.datetime64(T, "D").astype(np.int64))
    keep = None
    if last_day > t_day:
        keep = day <= t_day
        client, day, amount = client[keep], day[keep], amount[keep]
        margin = margin[keep] if margin is not None else None
    if len(day) == 0:
        raise DataError(Problem(None, f"no transactions on or before the as-of date {T.date()}.",
                                fix="choose a later as_of."))
    return Transactions(client=client, labels=labels, day=day, amount=amount, margin=margin, frame=tx, keep=keep,
                        as_of=T)


def pair_sums(a: np.ndarray, na: int, b: np.ndarray, nb: int, weights: Sequence[np.ndarray | None]):
    """Sums of each weight per (a, b) pair present (PL: sumy w parach), dense or sparse by size.

    Parameters
    ----------
    a, b : numpy.ndarray of int
        Codes, ``0 <= a < na``, ``0 <= b < nb``.
    na, nb : int
        Numbers of codes.
    weights : sequence of numpy.ndarray or None
        What to sum (None: skipped).

    Returns
    -------
    tuple
        ``(pair_a, pair_b, [sums], counts)``, sorted by (a, b).
    """
    nb = max(nb, 1)
    key = a * nb + b
    if na * nb <= DENSE_LIMIT:
        counts = np.bincount(key, minlength=na * nb)
        cells = np.flatnonzero(counts)
        sums = [None if w is None else np.bincount(key, weights=w, minlength=na * nb)[cells] for w in weights]
        counts = counts[cells]
    else:
        cells, inv = np.unique(key, return_inverse=True)
        counts = np.bincount(inv, minlength=len(cells))
        sums = [None if w is None else np.bincount(inv, weights=w, minlength=len(cells)) for w in weights]
    return cells // nb, cells % nb, sums, counts


@dataclass
class TurnoverGrid:
    """Net turnover per (period, client) with at least one transaction (PL: siatka obrotów).

    Attributes
    ----------
    tx : Transactions
    period : {"M", "Q"}
    client, pcode : numpy.ndarray of int64
        Per cell: client code, period ordinal.
    amount, margin : numpy.ndarray or None
        Per cell: net turnover (exact sum) and margin.
    first_any : numpy.ndarray
        Per client: first period with any transaction.
    first_sale : numpy.ndarray of datetime64[D]
        Per client: first positive settlement (NaT if none).
    n_clients : int
    """

    tx: Transactions
    period: str
    client: np.ndarray
    pcode: np.ndarray
    amount: np.ndarray
    margin: np.ndarray | None
    first_any: np.ndarray      # per client code: first period with any transaction (big if none)
    first_sale: np.ndarray     # per client code: first positive settlement, datetime64[D] (NaT if none)
    n_clients: int


_BIG = np.iinfo(np.int64).max


def turnover_grid(tx: Transactions, period: str, with_margin: bool = False) -> TurnoverGrid:
    """Net turnover per (client, period), money summed exactly (PL: obroty w okresach).

    Parameters
    ----------
    tx : Transactions
        From :func:`load_transactions`.
    period : {"M", "Q"}
        Months or quarters.
    with_margin : bool, default False
        Sum margins too.

    Returns
    -------
    TurnoverGrid
    """
    p = tx.periods(period)
    p0 = int(p.min())
    P = int(p.max()) - p0 + 1
    N = len(tx.labels)
    # Period-major keys: rows exported in date order then touch one period's slice at a time.
    key = (p - p0) * N + tx.client
    margin = None
    if P * N <= DENSE_LIMIT:
        present = np.zeros(P * N, dtype=bool)
        present[key] = True
        cells = np.flatnonzero(present)
        amount = from_units(np.bincount(key, weights=to_units(tx.amount), minlength=P * N)[cells])
        if with_margin and tx.margin is not None:
            margin = from_units(np.bincount(key, weights=to_units(tx.margin), minlength=P * N)[cells])
        grid = present.reshape(P, N)
        first_any = np.where(grid.any(axis=0), grid.argmax(axis=0) + p0, _BIG).astype(np.int64)
        pa, ca = np.divmod(cells, N)
    else:
        cells, inv = np.unique(key, return_inverse=True)
        amount = from_units(np.bincount(inv, weights=to_units(tx.amount), minlength=len(cells)))
        if with_margin and tx.margin is not None:
            margin = from_units(np.bincount(inv, weights=to_units(tx.margin), minlength=len(cells)))
        pa, ca = np.divmod(cells, N)
        first_any = np.full(N, _BIG, dtype=np.int64)
        np.minimum.at(first_any, ca, pa + p0)
    # First positive settlement per client (a sale, not a correction).
    pos = tx.amount > 0
    first_sale = np.full(N, _BIG, dtype=np.int64)
    np.minimum.at(first_sale, tx.client[pos], tx.day[pos])
    fs = np.where(first_sale == _BIG, np.iinfo(np.int64).min, first_sale).astype("datetime64[D]")
    return TurnoverGrid(tx=tx, period=period, client=ca, pcode=pa + p0, amount=amount, margin=margin,
                  first_any=first_any, first_sale=fs, n_clients=N)


