"""The one parameter set-up path of the service method (PL: ustawienia analizy jakości obsługi).

Every public function of :mod:`salesnb.service` reads its tables through :func:`inputs` and its
settings through :func:`settings`: an argument given to the function, else the company's
``service:`` section of ``company.yml`` (carried in ``company.params["service"]``), else the
defaults below, each checked by the same rules as ``company.yml``. Sales managers are attributed
to clients here too (:func:`client_managers`), so every table names the same person.

Defaults (the articles' standards where they give one, else this workbook's decision):

- call a client back within **2 hours** (*Standards and good practices in sales*); answer an
  e-mail within **24 hours** (*Professional customer service: is it worth investing in?*), the
  ``answer_within_hours`` parameter, which also applies to every channel without a standard;
- every hour counts unless the company sets business hours; no holidays unless it names them;
- a satisfaction survey at least once every **12 months** (*Working with clients*);
- an offer is valid **30 days** and a current client needs a contact every **60 days** (this
  workbook's decisions: the article lists offer validity and the intervals between contacts as
  control points without a length; its example agrees to call back in two months).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..config import check_business_hours, check_holidays, check_standards
from ..errors import DataError, ParameterError, Problem
from ..params import PARAMETERS
from ..periods import as_of_instant, local_dates
from ..schema import DEFAULT_DEAL_STAGES
from ..validation import check_columns, check_number

__all__ = [
    "CHANNEL_ALIASES",
    "DEFAULTS",
    "TABLES",
    "UNASSIGNED",
    "Inputs",
    "Settings",
    "by_items",
    "channel_key",
    "client_managers",
    "codes_in",
    "owners",
    "inputs",
    "settings",
]

#: Who is credited when nobody can be (the KPI tables' word for it).
UNASSIGNED = "(unassigned)"
#: The tables the service method reads.
TABLES = ("transactions", "customers", "products", "satisfaction", "deals", "contacts")
#: Channel names that mean the same channel (after lower case and trimming).
CHANNEL_ALIASES: dict[str, str] = {"email": "e-mail", "mail": "e-mail", "e-mail": "e-mail", "e mail": "e-mail",
                                   "phone": "phone", "telephone": "phone", "telefon": "phone", "tel": "phone",
                                   "call": "phone"}
#: The defaults of the settings without a company value (see the module docstring).
DEFAULTS: dict[str, Any] = {"phone_hours": 2.0, "offer_valid_days": 30, "contact_interval_days": 60,
                            "survey_every_months": 12}


def by_items(by: Any) -> tuple:
    """A ``by`` argument as the items it names (PL: kolumny podziału): one key, or several.

    Parameters
    ----------
    by : str, iterable or object
        A text or any value that is not iterable is one item; an iterable gives its items.

    Returns
    -------
    tuple
        The items as given, unchecked: each function checks them against its own choices.
    """
    try:
        return (by,) if isinstance(by, str) else tuple(by)
    except TypeError:
        return (by,)


def channel_key(channel: Any) -> str:
    """A channel's name compared across spellings (PL: nazwa kanału): ``"E-mail "`` -> ``"e-mail"``.

    Parameters
    ----------
    channel : object
        The channel as written.

    Returns
    -------
    str
        Lower case, spaces trimmed, the aliases of :data:`CHANNEL_ALIASES` resolved.
    """
    key = re.sub(r"\s+", " ", str(channel).strip().lower())
    return CHANNEL_ALIASES.get(key, key)


@dataclass
class Inputs:
    """The tables one service computation reads (PL: tabele wejściowe).

    Attributes
    ----------
    transactions, customers, products, satisfaction, deals, contacts : pandas.DataFrame or None
        The company's tables (``None`` where absent).
    params : dict
        The company's parameters (``answer_within_hours``, ``service`` ...).
    as_of : pandas.Timestamp or None
        The company's as-of date.
    deal_stages : tuple of str
        The company's sales stages, in order.
    """

    transactions: pd.DataFrame | None = None
    customers: pd.DataFrame | None = None
    products: pd.DataFrame | None = None
    satisfaction: pd.DataFrame | None = None
    deals: pd.DataFrame | None = None
    contacts: pd.DataFrame | None = None
    params: dict = field(default_factory=dict)
    as_of: Any = None
    deal_stages: tuple[str, ...] = DEFAULT_DEAL_STAGES


#: Columns each table needs for the service method.
_NEEDS = {"contacts": ("channel", "received_at"), "satisfaction": ("customer_id", "date", "criterion", "score"),
          "deals": ("deal_id", "stage_reached", "outcome"), "transactions": ("customer_id", "date", "amount")}


def inputs(data: Any, table: str, function: str, *, stages: Any = None) -> Inputs:
    """The tables from what a caller passes (PL: dane wejściowe), with ``table`` required.

    Parameters
    ----------
    data : Company, dict or pandas.DataFrame
        A loaded company (anything with table attributes), a dict of tables, or the ``table``
        itself as a DataFrame.
    table : str
        The table the function needs.
    function : str
        The public function, for messages.
    stages : sequence of str, optional
        The sales stages in order (default: the company's, else the article's).

    Returns
    -------
    Inputs

    Raises
    ------
    ParameterError
        If ``data`` is none of these, or ``table`` lacks a column it needs (naming ``data``).
    DataError
        If the company has no ``table``.
    """
    if isinstance(data, pd.DataFrame):
        inp = Inputs(**{table: data})
    elif isinstance(data, Mapping):
        inp = Inputs(**{t: data.get(t) for t in TABLES}, params=dict(data.get("params") or {}),
                     as_of=data.get("as_of"), deal_stages=tuple(data.get("deal_stages") or DEFAULT_DEAL_STAGES))
    elif hasattr(data, "transactions") or hasattr(data, table):
        inp = Inputs(**{t: getattr(data, t, None) for t in TABLES}, params=dict(getattr(data, "params", None) or {}),
                     as_of=getattr(data, "as_of", None),
                     deal_stages=tuple(getattr(data, "deal_stages", None) or DEFAULT_DEAL_STAGES))
    else:
        raise ParameterError("data", data, f"a loaded company, a dict of tables or the {table} table as a DataFrame",
                             function=function, fix="pass salesnb.load_company(...).")
    frame = getattr(inp, table)
    if frame is None:
        raise DataError(Problem(table, f"the company has no {table} table, which {function} reads.",
                                fix=f"add {table}.csv to the company folder (see docs/data-format.md)."))
    if not isinstance(frame, pd.DataFrame):
        raise ParameterError("data", frame, f"the {table} table as a DataFrame", function=function)
    check_columns("data", frame, _NEEDS.get(table, ()), function=function)
    if stages is not None:
        if isinstance(stages, str) or not all(isinstance(s, str) and s for s in stages) or not len(stages) \
                or len(set(stages)) != len(stages):
            raise ParameterError("stages", stages, "a list of distinct stage names, in order", function=function)
        inp.deal_stages = tuple(stages)
    return inp


@dataclass
class Settings:
    """One service computation's resolved settings (PL: ustawienia analizy), from :func:`settings`.

    Attributes
    ----------
    function : str
        The public function, for messages.
    as_of : pandas.Timestamp
        The analysis instant T (a date means the end of that day).
    day : pandas.Timestamp
        T's day (midnight).
    standards : dict
        Channel key (:func:`channel_key`) -> hours to answer.
    default_hours : float
        Hours for a channel without its own standard (``answer_within_hours``).
    business_hours : dict or None
        ``{"open", "close", "days"}`` or None (every hour counts).
    holidays : dict
        ``{"country", "dates"}``: days on which no response time runs.
    offer_stage : str or None
        The stage at which a deal waits on an offer.
    offer_valid_days, contact_interval_days, survey_every_months : int
        Control-point intervals.
    """

    function: str
    as_of: pd.Timestamp
    day: pd.Timestamp
    standards: dict[str, float]
    default_hours: float
    business_hours: dict | None
    holidays: dict
    offer_stage: str | None
    offer_valid_days: int
    contact_interval_days: int
    survey_every_months: int

    def hours_for(self, channels: pd.Index) -> np.ndarray:
        """The standard in hours for each channel name (PL: standard dla kanału).

        Parameters
        ----------
        channels : pandas.Index
            Channel names as written.

        Returns
        -------
        numpy.ndarray of float
        """
        return np.array([self.standards.get(channel_key(c), self.default_hours) for c in channels], dtype=float)

    @property
    def survey_start(self) -> pd.Timestamp:
        """The first day of the survey period ending at T (PL: początek okresu badania).

        Returns
        -------
        pandas.Timestamp
            T's day minus ``survey_every_months`` calendar months: a survey on this day is
            still within the period (a survey exactly a year old counts).
        """
        return self.day - pd.DateOffset(months=self.survey_every_months)


def _latest_date(inp: Inputs) -> pd.Timestamp | None:
    latest = []
    for table, cols in (("transactions", ("date",)), ("contacts", ("received_at",)), ("satisfaction", ("date",)),
                        ("deals", ("opened_at", "closed_at"))):
        frame = getattr(inp, table)
        for col in cols:
            if frame is not None and col in frame.columns and len(frame):
                v = local_dates(frame[col], col, table).max()
                if not pd.isna(v):
                    latest.append(v)
    return max(latest).normalize() if latest else None


def settings(inp: Inputs, function: str, *, as_of: Any = None, standards: Any = None, business_hours: Any = None,
             holidays: Any = None, offer_valid_days: Any = None, contact_interval_days: Any = None,
             survey_every_months: Any = None) -> Settings:
    """The settings of one service computation (PL: ustalenie ustawień analizy), each checked.

    Each argument left ``None`` takes the company's ``service:`` value, else the default (module
    docstring). ``standards`` given here are laid over the company's (a room can change the
    phone standard and keep the others).

    Parameters
    ----------
    inp : Inputs
        From :func:`inputs`.
    function : str
        The public function, named in messages.
    as_of : date-like, optional
        T; default the company's ``as_of``, else the latest date in its tables.
    standards : mapping, optional
        Channel -> hours (see :func:`salesnb.config.check_standards`).
    business_hours : bool, str or mapping, optional
        See :func:`salesnb.config.check_business_hours`; ``False`` turns the company's off.
    holidays : str, list or mapping, optional
        See :func:`salesnb.config.check_holidays`; ``False`` turns the company's off.
    offer_valid_days, contact_interval_days, survey_every_months : int, optional
        Control-point intervals (whole numbers >= 1).

    Returns
    -------
    Settings

    Raises
    ------
    ParameterError
        Naming the first argument that is not allowed.
    DataError
        If there is no date at all to take T from.
    """
    company = dict(inp.params.get("service") or {})
    if as_of is None:
        as_of = inp.as_of if inp.as_of is not None else _latest_date(inp)
        if as_of is None:
            raise DataError(Problem(None, "the tables hold no date, so there is no analysis date.",
                                    fix="pass as_of=..."))
    try:
        t = as_of_instant(as_of)
    except (ValueError, TypeError):
        raise ParameterError("as_of", as_of, "a date such as '2025-12-31'", function=function) from None
    base = inp.params.get("answer_within_hours", PARAMETERS["answer_within_hours"][0])
    default_hours = float(check_number("answer_within_hours", base, low=0, low_open=True, function=function))
    std = {"phone": DEFAULTS["phone_hours"], "e-mail": default_hours}
    for source in (company.get("standards"), standards):
        if source is not None:
            std.update({channel_key(k): v for k, v in check_standards(source, function=function).items()})
    hours = company.get("business_hours") if business_hours is None else business_hours
    hol = company.get("holidays") if holidays is None else holidays
    numbers = {}
    for key, given in (("offer_valid_days", offer_valid_days), ("contact_interval_days", contact_interval_days),
                       ("survey_every_months", survey_every_months)):
        value = given if given is not None else company.get(key, DEFAULTS[key])
        numbers[key] = check_number(key, value, low=1, integer=True, function=function)
    stages = inp.deal_stages
    offer = company.get("offer_stage", "offer" if "offer" in stages else None)
    return Settings(function, t, t.normalize(), std, default_hours, check_business_hours(hours, function=function),
                    check_holidays(hol, function=function), offer if offer in stages else None, **numbers)


def codes_in(values: pd.Series, names: pd.Index) -> np.ndarray:
    """The position of each value in ``names``, -1 for missing or unknown (PL: kody wartości).

    Parameters
    ----------
    values : pandas.Series
        Categorical or plain values.
    names : pandas.Index
        The names to look them up in.

    Returns
    -------
    numpy.ndarray of int64
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        m = np.append(names.get_indexer(values.cat.categories.astype(object)), -1)
        return m[values.cat.codes.to_numpy()].astype(np.int64)
    return names.get_indexer(values.astype(object).where(values.notna(), None)).astype(np.int64)


def client_managers(inp: Inputs, upto: pd.Timestamp | None = None) -> pd.Series:
    """Each client's sales manager (PL: opiekun klienta), as every service table names him or her.

    The ``salesperson`` of the customers table; for a client without one, the salesperson on
    its last transaction up to ``upto`` (the KPI tables' rule).

    Parameters
    ----------
    inp : Inputs
        The tables.
    upto : pandas.Timestamp, optional
        Transactions after it are not read.

    Returns
    -------
    pandas.Series
        Client id -> manager's name (object), clients without one left out.
    """
    parts = []
    cust = inp.customers
    if cust is not None and "salesperson" in cust.columns:
        s = cust[["customer_id", "salesperson"]].dropna()
        parts.append(pd.Series(s["salesperson"].astype(object).to_numpy(), index=s["customer_id"].astype(object)))
    tx = inp.transactions
    if tx is not None and {"salesperson", "customer_id", "date"} <= set(tx.columns):
        rows = tx[["customer_id", "date", "salesperson"]]
        if parts:  # only the clients the customers table leaves without a manager need the transactions
            rows = rows[~rows["customer_id"].isin(parts[0].index)]
        rows = rows.dropna()
        if upto is not None:
            rows = rows[local_dates(rows["date"], "date", "transactions") <= upto]
        last = rows.sort_values("date", kind="stable").drop_duplicates("customer_id", keep="last")
        parts.append(pd.Series(last["salesperson"].astype(object).to_numpy(), index=last["customer_id"].astype(object)))
    if not parts:
        return pd.Series(dtype=object)
    out = parts[0]
    for extra in parts[1:]:
        out = pd.concat([out, extra[~extra.index.isin(out.index)]])
    return out[~out.index.duplicated()]


def owners(ids: Any, managers: pd.Series, first: Any = None) -> np.ndarray:
    """The owner of each row (PL: osoba odpowiedzialna): ``first`` where given, else the client's manager.

    Parameters
    ----------
    ids : array-like
        Client ids.
    managers : pandas.Series
        From :func:`client_managers`.
    first : array-like, optional
        Names that take precedence where not missing (e.g. a deal's salesperson).

    Returns
    -------
    numpy.ndarray of object
        Names, :data:`UNASSIGNED` where nobody is known.
    """
    ids = pd.Index(pd.Series(np.asarray(ids, dtype=object)), dtype=object)
    found = managers.astype(object).reindex(ids[~ids.duplicated()]) if len(managers) else pd.Series(dtype=object)
    names = pd.Series(ids, dtype=object).map(found.to_dict()) if len(found) else pd.Series([None] * len(ids),
                                                                                           dtype=object)
    out = names.to_numpy(dtype=object, copy=True)
    if first is not None:
        given = pd.Series(np.asarray(first, dtype=object))
        out = np.where(given.notna().to_numpy(), given.to_numpy(dtype=object), out)
    missing = pd.isna(out)
    out[missing] = UNASSIGNED
    return out
