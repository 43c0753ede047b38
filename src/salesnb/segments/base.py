"""The one parameter set-up path of the segmentation methods (PL: przygotowanie danych segmentacji).

:func:`prepare` resolves the as-of date and the period of "used" (the caller's arguments, else
the company's ``params``, else :mod:`salesnb.params`), checks the transactions once
(:func:`salesnb.abcxyz.turnover.load_transactions`, the same rules as ABC/XYZ), assigns every
known client its target group and sums the net turnover of every (client, product line) pair in
the period, so maturity, coverage, the offer-state grid, the cross-sell list and RFM all read
the same arrays. Pass the returned :class:`SegmentData` to those functions to encode a large
company once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..abcxyz.ranking import id_rank
from ..abcxyz.turnover import Transactions, check_horizon, load_transactions
from ..errors import DataError, ParameterError, Problem
from ..kpis import UNASSIGNED
from ..money import from_units, to_units
from ..params import defaults as parameter_defaults
from .groups import OUTSIDE, first_match, group_ids, matches

__all__ = ["CLIENTS", "SegmentData", "check_clients", "object_column", "portrait_lines", "prepare", "table_of"]

#: Which clients a coverage, maturity or cross-sell table counts: every known client of the
#: group, or only those with a settlement in the period ("buying", the actual client base).
CLIENTS = ("buying", "all")


def table_of(data: Any, name: str) -> Any:
    """A table or setting of a company, or of a dict of tables (PL: tabela firmy).

    Parameters
    ----------
    data : Company or dict
        A loaded company, or a dict such as ``{"transactions": ..., "customers": ...,
        "segments": ...}``.
    name : str
        The attribute or key.

    Returns
    -------
    object or None
    """
    if isinstance(data, dict):
        return data.get(name)
    return getattr(data, name, None)


def object_column(values: Any, index: Any = None) -> pd.Series:
    """Values as a column of Python objects (PL: kolumna tekstowa), kept as they are.

    pandas 3 would otherwise convert a large array of text to its string dtype, value by value
    (half a second per million); the loaded tables keep text as objects too. Only a Series that
    says ``dtype=object`` keeps it in a new DataFrame.

    Parameters
    ----------
    values : array-like
    index : pandas.Index, optional
        The index of the DataFrame the column goes into (default: 0, 1, 2, ...).

    Returns
    -------
    pandas.Series
        Of dtype object, on ``index``.
    """
    values = np.asarray(values, dtype=object)
    return pd.Series(values, index=pd.RangeIndex(len(values)) if index is None else index, dtype=object, copy=False)


def check_clients(clients: Any, function: str) -> str:
    """The ``clients`` argument, checked (PL: którzy klienci).

    Parameters
    ----------
    clients : {"buying", "all"}
        See :data:`CLIENTS`.
    function : str
        The public function, for the message.

    Returns
    -------
    str

    Raises
    ------
    ParameterError
        For anything else.
    """
    from ..validation import check_choice

    return check_choice("clients", clients, CLIENTS, function=function,
                        fix="'buying': clients with a settlement in the period; 'all': every known client.")


def portrait_lines(segments: dict, ids: list[str]) -> dict[str, list[str]]:
    """The product lines the portrait targets at each group (PL: linie produktowe z portretu).

    Parameters
    ----------
    segments : dict
        The parsed ``segments.yml``; ``portrait`` maps a group id to a list of product lines.
    ids : list of str
        The group ids.

    Returns
    -------
    dict of str to list of str
        Every group id, with its lines in the order written (an empty list for a group the
        portrait does not name); a line written twice counts once.
    """
    portrait = segments.get("portrait") or {}
    out = {}
    for gid in ids:
        raw = portrait.get(gid) or []
        out[gid] = list(dict.fromkeys(str(x) for x in (raw if isinstance(raw, list) else [raw])))
    return out


@dataclass
class SegmentData:
    """Everything the segmentation methods read, encoded once (PL: dane segmentacji).

    Attributes
    ----------
    as_of : pandas.Timestamp
        The as-of date T (a whole day).
    horizon : int or None
        Months of the period of "used" (None: the whole history).
    start : pandas.Timestamp or None
        First day of that period (None: the whole history).
    clients : pandas.Index
        Every client known at T (in ``customers`` with a first contact by T, or with a
        transaction by T), sorted by id.
    segment : numpy.ndarray of int
        Per client, the code of its target group in ``groups`` (-1: outside).
    groups : list of str
        The target groups' ids in file order.
    segments : dict
        The parsed ``segments.yml``.
    salesperson : numpy.ndarray of object
        Per client, its sales manager from ``customers`` (``"(unassigned)"`` if none).
    name : numpy.ndarray of object or None
        Per client, its name from ``customers`` (None if the table has no names).
    lines : pandas.Index
        Product lines: the portrait's in the order written, then the others sold, by name.
    targeted : numpy.ndarray of bool
        Groups x lines: the ideal client portrait.
    net : numpy.ndarray of float
        Clients x lines: net turnover in the period (money summed exactly).
    used : numpy.ndarray of bool
        Clients x lines: net turnover in the period > 0 (a line bought and fully credited is not
        used, as in :mod:`salesnb.abcxyz`).
    buying : numpy.ndarray of bool
        Per client: a settlement (a row with a positive amount) in the period.
    has_lines : bool
        Whether the transactions name product lines (directly or through ``products``).
    tx : Transactions
        The checked transactions up to T.
    tx_client : numpy.ndarray of int
        Per kept transaction row, its client's position in ``clients``.
    tx_line : numpy.ndarray of int
        Per kept transaction row, its product line's position in ``lines`` (-1: none).
    source : object
        The company (or dict) prepared.
    params : dict
        The parameters used, for a table's ``attrs``.
    """

    as_of: pd.Timestamp
    horizon: int | None
    start: pd.Timestamp | None
    clients: pd.Index
    segment: np.ndarray
    groups: list[str]
    segments: dict
    salesperson: np.ndarray
    name: np.ndarray | None
    lines: pd.Index
    targeted: np.ndarray
    net: np.ndarray
    used: np.ndarray
    buying: np.ndarray
    has_lines: bool
    tx: Transactions
    tx_client: np.ndarray
    tx_line: np.ndarray
    source: Any
    params: dict = field(default_factory=dict)

    def segment_ids(self) -> np.ndarray:
        """The target group id of every client (PL: grupa docelowa klienta).

        Returns
        -------
        numpy.ndarray of object
            Group ids, ``"outside"`` for clients outside the target groups.
        """
        return np.array([*self.groups, OUTSIDE], dtype=object)[np.where(self.segment >= 0, self.segment,
                                                                         len(self.groups))]

    def selected(self, clients: str) -> np.ndarray:
        """Which clients a table counts (PL: wybór klientów).

        Parameters
        ----------
        clients : {"buying", "all"}
            See :data:`CLIENTS`.

        Returns
        -------
        numpy.ndarray of bool
        """
        return self.buying.copy() if clients == "buying" else np.ones(len(self.clients), dtype=bool)

    def require_lines(self, function: str) -> None:
        """Raise unless the transactions name product lines (PL: wymagane linie produktowe).

        Parameters
        ----------
        function : str
            The public function, for the message.

        Raises
        ------
        DataError
            When they do not.
        """
        if not self.has_lines:
            raise DataError(Problem("transactions", f"{function} needs the product line of every sale.",
                                    column="product_line",
                                    fix="add a product_line column to transactions, or a products table "
                                        "(product, product_line)."))


def prepare(data: Any, as_of: Any = None, horizon: Any = None, *, segments: dict | None = None,
            function: str = "salesnb.segments.prepare") -> SegmentData:
    """Encode a company once for the segmentation methods (PL: przygotowanie danych segmentacji).

    The set-up path of every function of :mod:`salesnb.segments`: the as-of date T (default
    the company's ``as_of``, else the last transaction's day), the period of "used" (``horizon``
    months back from T's month, the same months as ABC/XYZ; default the company's
    ``params.abc_horizon``, else :mod:`salesnb.params`' 12 months), the target group of every
    client known at T (first matching group of the rules of ``segments.yml``, the article
    *Working with clients*, Example 3), and the net turnover of every (client, product line).

    Parameters
    ----------
    data : Company, dict or SegmentData
        A loaded company, or a dict of tables (``transactions``, ``customers``, ``segments``;
        optional ``products``, ``deals``, ``deal_stages``, ``params``, ``as_of``); a
        :class:`SegmentData` is returned as it is (then ``as_of``, ``horizon`` and ``segments``
        must be None).
    as_of : date-like, optional
        T, a whole day.
    horizon : int, str or None, optional
        The period of "used": months (``12``, ``"12M"``, ``"1Y"``) or ``"all"``.
    segments : dict, optional
        A parsed ``segments.yml`` to use instead of the company's (e.g. a portrait to try).
    function : str
        The public function being called, named in messages.

    Returns
    -------
    SegmentData

    Raises
    ------
    ParameterError
        For ``data`` that holds no transactions, an as-of date, horizon or segments that are not
        allowed.
    DataError
        For a company without ``segments.yml``, transactions that cannot be analysed, or a rule
        on an attribute the customers table lacks.
    """
    if isinstance(data, SegmentData):
        for pname, value in (("as_of", as_of), ("horizon", horizon), ("segments", segments)):
            if value is not None:
                raise ParameterError(pname, value, "None when data is already prepared", function=function,
                                     fix=f"pass {pname} to salesnb.segments.prepare instead.")
        return data
    tx = table_of(data, "transactions")
    if not isinstance(tx, pd.DataFrame):
        raise ParameterError("data", data, "a loaded company, or a dict of tables with transactions and segments",
                             function=function, fix="pass salesnb.load_company(...).")
    seg = segments if segments is not None else table_of(data, "segments")
    if seg is None:
        raise DataError(Problem("segments.yml", "the company has no target groups: segments.yml is missing.",
                                fix="add segments.yml with the target groups and the ideal client portrait "
                                    "(see docs/data-format.md)."))
    ids = group_ids(seg, function)
    p = parameter_defaults()
    params = table_of(data, "params")
    if isinstance(params, dict):
        p.update({k: v for k, v in params.items() if v is not None})
    months = check_horizon(horizon if horizon is not None else p.get("abc_horizon"), function, "M")
    company_like = data if not isinstance(data, dict) else _AsOf(data.get("as_of"))
    t = load_transactions(tx, as_of, company_like)
    T = t.as_of

    # known clients: customers first contacted by T, and every client with a row up to T
    customers = table_of(data, "customers")
    if isinstance(customers, pd.DataFrame) and "customer_id" in customers.columns:
        cust = customers[customers["customer_id"].notna()].drop_duplicates("customer_id")
        if "first_contact" in cust.columns:
            fc = pd.to_datetime(cust["first_contact"], errors="coerce")
            cust = cust[(fc.isna() | (fc < T + pd.Timedelta(days=1))).to_numpy()]
    else:
        cust = pd.DataFrame({"customer_id": pd.Series([], dtype=object)})
    seen = np.zeros(len(t.labels), dtype=bool)
    seen[t.client] = True
    clients, pos_seen, pos = _merge_ids(t.labels[seen], pd.Index(np.asarray(cust["customer_id"], dtype=object)))
    n = len(clients)

    # target groups (first match) of the known customers; clients seen only in transactions are outside
    m = matches(cust.reset_index(drop=True), seg)
    assigned = first_match(m.to_numpy(), ids)
    gcode = {g: i for i, g in enumerate(ids)}
    segment = np.full(n, -1, dtype=np.int64)
    segment[pos] = np.array([gcode.get(a, -1) for a in assigned], dtype=np.int64) if len(assigned) else []
    salesperson = np.full(n, UNASSIGNED, dtype=object)
    if "salesperson" in cust.columns:
        sp = cust["salesperson"].astype(object).to_numpy()
        salesperson[pos] = np.where(pd.isna(sp), UNASSIGNED, sp)
    name = None
    if "name" in cust.columns:
        name = np.full(n, None, dtype=object)
        name[pos] = cust["name"].astype(object).to_numpy()

    # product lines: the portrait's first, then the others sold
    wanted = portrait_lines(seg, ids)
    line_col = _line_column(t, data)
    has_lines = line_col is not None
    if has_lines:
        lcode, llabels = id_rank(line_col)
    else:
        lcode, llabels = np.full(len(t.client), -1, dtype=np.int64), pd.Index([], dtype=object)
    first = list(dict.fromkeys(x for g in ids for x in wanted[g]))
    lines = pd.Index([*first, *sorted(set(map(str, llabels)) - set(first))], dtype=object, name="product_line")
    to_line = lines.get_indexer(pd.Index(llabels.astype(str), dtype=object)) if len(llabels) else np.array([], int)
    row_line = np.where(lcode >= 0, to_line[np.maximum(lcode, 0)] if len(to_line) else -1, -1)
    L = len(lines)
    targeted = np.zeros((len(ids), L), dtype=bool)
    for i, g in enumerate(ids):
        targeted[i, lines.get_indexer(wanted[g])] = True

    # per row: its client's position; the period of "used"
    tx_client = pos_seen[(np.cumsum(seen) - 1)[t.client]]
    start = None
    in_period = None
    if months is not None:
        start = (T.to_period("M") - (months - 1)).start_time
        in_period = t.day >= int(np.datetime64(start, "D").astype(np.int64))
    rows = (row_line >= 0) if in_period is None else (in_period & (row_line >= 0))
    key = tx_client[rows] * max(L, 1) + row_line[rows]
    net_units = np.bincount(key, weights=to_units(t.amount[rows]), minlength=n * max(L, 1))
    net = from_units(net_units).reshape(n, max(L, 1))[:, :L]
    used = (net_units > 0).reshape(n, max(L, 1))[:, :L]
    pos_rows = t.amount > 0
    if in_period is not None:
        pos_rows &= in_period
    buying = np.zeros(n, dtype=bool)
    buying[tx_client[pos_rows]] = True
    return SegmentData(as_of=T, horizon=months, start=start, clients=clients, segment=segment, groups=ids,
                       segments=seg, salesperson=salesperson, name=name, lines=lines, targeted=targeted, net=net,
                       used=used, buying=buying, has_lines=has_lines, tx=t, tx_client=tx_client, tx_line=row_line,
                       source=data,
                       params=dict(as_of=T, horizon=months, used_from=start, groups=list(ids)))


def _merge_ids(sorted_ids: pd.Index, others: pd.Index) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    """``sorted_ids`` (unique, in id order) and the ids of ``others`` not in it, all in id order.

    Only the few extra ids (leads) are sorted and placed; one hash table of ``sorted_ids`` serves
    every look-up.

    Returns
    -------
    tuple
        ``(merged ids, position of each sorted id in them, position of each of others in them)``.
    """
    n = len(sorted_ids)
    idx = sorted_ids.get_indexer(others)
    missing = idx < 0
    if not missing.any():
        return sorted_ids, np.arange(n), idx
    codes, extra = id_rank(others[missing])
    try:
        ins = np.searchsorted(np.asarray(sorted_ids, dtype=object), np.asarray(extra, dtype=object))
    except TypeError:  # ids of mixed types: rank them all together
        _, merged = id_rank(pd.Index(np.concatenate([np.asarray(sorted_ids, dtype=object),
                                                     np.asarray(extra, dtype=object)])))
        return merged, merged.get_indexer(sorted_ids), merged.get_indexer(others)
    pos_sorted = np.arange(n) + np.searchsorted(ins, np.arange(n), side="right")
    pos_extra = ins + np.arange(len(extra))
    merged = np.empty(n + len(extra), dtype=object)
    merged[pos_sorted] = np.asarray(sorted_ids, dtype=object)
    merged[pos_extra] = np.asarray(extra, dtype=object)
    pos_others = np.empty(len(others), dtype=np.int64)
    pos_others[~missing] = pos_sorted[idx[~missing]]
    pos_others[missing] = pos_extra[codes]
    return pd.Index(merged, dtype=object), pos_sorted, pos_others


@dataclass
class _AsOf:
    as_of: Any = None


def _line_column(t: Transactions, data: Any) -> pd.Series | None:
    """The product line of every kept row: the column, else through ``products``; None if neither."""
    if "product_line" in t.frame.columns:
        col = t.column("product_line")
        if "product" in t.frame.columns and col.isna().any():
            mapped = _product_map(data)
            if mapped is not None:
                col = col.fillna(t.column("product").map(mapped))
        return col
    mapped = _product_map(data)
    if mapped is not None and "product" in t.frame.columns:
        return t.column("product").map(mapped)
    return None


def _product_map(data: Any) -> pd.Series | None:
    products = table_of(data, "products")
    if isinstance(products, pd.DataFrame) and {"product", "product_line"} <= set(products.columns):
        return products.drop_duplicates("product").set_index("product")["product_line"]
    return None
