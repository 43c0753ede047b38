"""A company's ``company.yml``: read and type-check every setting (PL: konfiguracja firmy).

Every key is checked for its type and value and each mistake becomes a :class:`Problem` naming
``company.yml``, the key and the value, with the fix; nothing falls back to a default silently.
"""
from __future__ import annotations

import codecs
import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .errors import Collector, ParameterError
from .io.dates import DATE_FORMATS, PLAUSIBLE_DATES, parse_date
from .params import PARAMETERS, check_parameter, defaults
from .schema import DEFAULT_DEAL_STAGES, LANGUAGES, TABLES
from .validation import check_number

CONFIG_FILE = "company.yml"
SEGMENTS_FILE = "segments.yml"
CONFIG_KEYS = ("name", "currency", "language", "as_of", "tables", "params", "deal_stages",
               "unknown_customers", "description", "service")
TABLE_OPTION_KEYS = ("file", "sheet", "encoding", "separator", "decimal", "date_format", "columns")
UNKNOWN_CUSTOMER_POLICIES = ("error", "add")
SEPARATOR_CHOICES = (";", ",", "\t", "\\t", "|")
#: Keys of the ``service:`` section (service standards and control points).
SERVICE_KEYS = ("standards", "business_hours", "holidays", "offer_stage", "offer_valid_days",
                "contact_interval_days", "survey_every_months")
#: Days of the week as company.yml writes them, Monday = 0.
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: ``business_hours: true``: Monday to Friday, 8:00-18:00 (this workbook's default opening hours).
DEFAULT_BUSINESS_HOURS = {"open": "08:00", "close": "18:00", "days": [0, 1, 2, 3, 4]}
_SERVICE_NUMBERS = {"offer_valid_days": 1, "contact_interval_days": 1, "survey_every_months": 1}


def read_yaml(path: Path, problems: Collector) -> dict | None:
    """A YAML mapping from ``path`` (UTF-8, else cp1250); problems are collected (PL: odczyt YAML).

    Parameters
    ----------
    path : pathlib.Path
        ``company.yml`` or ``segments.yml``.
    problems : Collector
        Where a syntax error or a non-mapping is reported (with the line).

    Returns
    -------
    dict or None
        The mapping (``{}`` for an empty file), or ``None`` if it cannot be read.
    """
    try:
        data = path.read_bytes()
    except OSError as e:
        problems.add(path, f"the file cannot be read ({e.strerror or e}).", "fix the file's permissions or replace it.")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1250", errors="replace")
    try:
        content = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        rows = [mark.line + 1] if mark is not None else []
        problems.add(path, f"not valid YAML: {getattr(e, 'problem', e)}.",
                     "check indentation (spaces, not tabs) and quote values containing ':' or '#'.", rows=rows)
        return None
    if content is None:
        return {}
    if not isinstance(content, dict):
        problems.add(path, "must be a mapping of keys (name:, currency:, ...).",
                     "see docs/data-format.md for an example company.yml.")
        return None
    return content


def suggest(word: str, options, cutoff: float = 0.5) -> str:
    """`` Did you mean 'x'?`` for the closest of ``options``, or an empty string.

    Parameters
    ----------
    word : str
        What was written.
    options : iterable
        What could have been meant.
    cutoff : float, default 0.5
        How close a match must be (``difflib``).

    Returns
    -------
    str
    """
    close = difflib.get_close_matches(str(word), list(map(str, options)), n=1, cutoff=cutoff)
    return f" Did you mean {close[0]!r}?" if close else ""


def parse_as_of(value: Any, path: Path, problems: Collector) -> pd.Timestamp | None:
    """``as_of`` by the tables' date rules: ambiguous or implausible dates are refused.

    Parameters
    ----------
    value : object
        ``as_of`` as YAML read it (a date, or text).
    path : pathlib.Path
        ``company.yml``, for messages.
    problems : Collector
        Where a refusal is added.

    Returns
    -------
    pandas.Timestamp or None
        None when refused.
    """
    if isinstance(value, dt.datetime):
        ts = pd.Timestamp(value)
    elif isinstance(value, dt.date):
        ts = pd.Timestamp(value)
    else:
        parsed, p = parse_date(pd.Series([str(value)], index=[0]), path, "as_of", plausible=False)
        ts = parsed.iloc[0]
        if p or pd.isna(ts):
            problems.add(path, f"`as_of: {value}` is not a date in a form that reads one way only.",
                         "write it as 2025-12-31 (or 31.12.2025); 01/12/2025 could be January or December.")
            return None
    lo, hi = PLAUSIBLE_DATES
    if not lo <= ts < hi:
        problems.add(path, f"`as_of: {value}` is outside the plausible range {lo.year}-{hi.year - 1}.",
                     "correct the year.")
        return None
    return ts


def _deal_stages(value: Any, path: Path, problems: Collector) -> tuple[str, ...]:
    if value is None:
        return DEFAULT_DEAL_STAGES
    if isinstance(value, str):  # documented: one string is a comma-separated list
        items = [s.strip() for s in value.split(",")]
    elif isinstance(value, (list, tuple)):
        items = [str(s).strip() if isinstance(s, (str, int, float)) else None for s in value]
    else:
        problems.add(path, f"`deal_stages:` must be a list of stage names, got {value!r}.",
                     "write deal_stages: [presentation, offer, agreement] or a comma-separated text.")
        return DEFAULT_DEAL_STAGES
    if not items or any(not s for s in items):
        problems.add(path, f"`deal_stages:` has an empty or non-text stage name: {value!r}.",
                     "list the stage names in order, e.g. deal_stages: [presentation, offer, agreement].")
        return DEFAULT_DEAL_STAGES
    dup = sorted({s for s in items if items.count(s) > 1})
    if dup:
        problems.add(path, f"`deal_stages:` lists {', '.join(map(repr, dup))} more than once.",
                     "list each stage once, in order.")
    return tuple(items)


def _text(cfg: dict, key: str, path: Path, problems: Collector, required: bool = False) -> None:
    value = cfg.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(path, f"`{key}:` is missing.", f"add `{key}:` to company.yml.")
        return
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        problems.add(path, f"`{key}:` must be text, got {value!r}.", f"write `{key}:` as one line of text.")


def _table_options(tname: str, topts: dict, path: Path, problems: Collector) -> None:
    where = f"`tables: {tname}:"
    for k in topts:
        if k not in TABLE_OPTION_KEYS:
            problems.add(path, f"{where}` has an unknown option {k!r}.{suggest(k, TABLE_OPTION_KEYS)}",
                         f"options are: {', '.join(TABLE_OPTION_KEYS)}.")
    for k in ("file", "date_format", "encoding"):
        v = topts.get(k)
        if v is not None and not isinstance(v, str):
            problems.add(path, f"{where} {k}:` must be text, got {v!r}.", f"write {k}: as text.")
    enc = topts.get("encoding")
    if isinstance(enc, str) and enc.strip().lower() not in ("", "auto"):
        try:
            codecs.lookup(enc.strip())
        except LookupError:
            problems.add(path, f"{where} encoding: {enc}` is not an encoding.",
                         "use utf-8, cp1250, iso-8859-2 or utf-16, or remove it to detect the encoding.")
    sep = topts.get("separator")
    if sep is not None and sep not in SEPARATOR_CHOICES:
        problems.add(path, f"{where} separator: {sep!r}` is not a separator this reader knows.",
                     "use \";\", \",\", \"\\t\" (tab) or \"|\", in quotes.")
    dec = topts.get("decimal")
    if dec is not None and dec not in (",", "."):
        problems.add(path, f"{where} decimal: {dec}` must be ',' or '.'.", "use decimal: \",\" or decimal: \".\".")
    fmt = topts.get("date_format")
    if isinstance(fmt, str) and "%" not in fmt and fmt != "auto":
        problems.add(path, f"{where} date_format: {fmt}` has no % codes.",
                     "write it with strftime codes, e.g. \"%d/%m/%Y\" for 31/03/2025.")
    sheet = topts.get("sheet")
    if sheet is not None and (isinstance(sheet, bool) or not isinstance(sheet, (str, int))):
        problems.add(path, f"{where} sheet: {sheet!r}` must be a sheet name or a 0-based number.",
                     "write the sheet's name, e.g. sheet: Arkusz1.")


def _columns(tname: str, cols: Any, path: Path, problems: Collector) -> dict:
    if cols is None:
        return {}
    if not isinstance(cols, dict):
        problems.add(path, f"`tables: {tname}: columns:` must map contract names to your headers.",
                     "write one line per column, e.g. `customer_id: Kod klienta`.")
        return {}
    spec = TABLES[tname]
    names = [c.name for c in spec.columns]
    out = {}
    for canon, header in cols.items():
        if not isinstance(header, (str, int, float)) or isinstance(header, bool) or header is None:
            problems.add(path, f"`tables: {tname}: columns: {canon}:` must name one header, got {header!r}.",
                         "write the header as it is in your file.")
            continue
        out[str(canon)] = header
        if spec.column(str(canon)) is not None:
            continue
        near = suggest(canon, names, cutoff=0.85)  # "custmer_id": a typo, not a new attribute
        if near or not spec.keep_extra:
            problems.add(path, f"`tables: {tname}: columns:` maps {canon!r}, which is not a column "
                               f"of the contract.{near}",
                         f"the columns are: {', '.join(names)}"
                         + (" (other names are kept as extra columns)." if spec.keep_extra else "."))
    return out


def read_config(folder: Path, problems: Collector) -> dict:
    """Read and check ``company.yml``; problems are collected, defaults filled in (PL: konfiguracja).

    Parameters
    ----------
    folder : pathlib.Path
        The company folder.
    problems : Collector
        Where every problem found is added.

    Returns
    -------
    dict
        The settings with defaults: ``name``, ``currency``, ``language``, ``as_of``
        (Timestamp or None), ``unknown_customers``, ``tables``, ``params``, ``deal_stages``.
    """
    path = folder / CONFIG_FILE
    if not path.is_file():
        problems.add(path, "the company folder has no company.yml.",
                     "create it with at least `name:` and `currency:` (see docs/data-format.md).")
        return {}
    cfg = read_yaml(path, problems)
    if cfg is None:
        return {}
    for key in cfg:
        if key not in CONFIG_KEYS:
            problems.add(path, f"unknown key {key!r}.{suggest(key, CONFIG_KEYS)}",
                         f"use only: {', '.join(CONFIG_KEYS)}.")
    _text(cfg, "name", path, problems, required=True)
    _text(cfg, "currency", path, problems, required=True)
    _text(cfg, "description", path, problems)
    lang = str(cfg.get("language", "en")).strip().lower()
    if lang not in LANGUAGES:
        problems.add(path, f"`language: {cfg.get('language')}` is not supported.",
                     "use `language: en` or `language: pl`.")
    cfg["language"] = lang
    cfg["as_of"] = parse_as_of(cfg["as_of"], path, problems) if cfg.get("as_of") is not None else None
    policy = cfg.get("unknown_customers", "error")
    if policy not in UNKNOWN_CUSTOMER_POLICIES:
        problems.add(path, f"`unknown_customers: {policy}` is not one of {UNKNOWN_CUSTOMER_POLICIES}.",
                     "use `error` (default) or `add`.")
    cfg["unknown_customers"] = policy
    tables = cfg.get("tables") or {}
    if not isinstance(tables, dict):
        problems.add(path, "`tables:` must be a mapping of table names.", "see docs/data-format.md.")
        tables = {}
    checked = {}
    for tname, topts in tables.items():
        if tname not in TABLES:
            problems.add(path, f"`tables:` names an unknown table {tname!r}.{suggest(tname, TABLES)}",
                         f"tables are: {', '.join(TABLES)}.")
            continue
        if topts is None:
            continue
        if not isinstance(topts, dict):
            problems.add(path, f"`tables: {tname}:` must be a mapping (file:, columns:, ...).",
                         "see docs/data-format.md.")
            continue
        _table_options(tname, topts, path, problems)
        checked[tname] = {**topts, "columns": _columns(tname, topts.get("columns"), path, problems)}
    cfg["tables"] = checked
    params = cfg.get("params") or {}
    merged = defaults()
    if not isinstance(params, dict):
        problems.add(path, "`params:` must be a mapping.", "see docs/data-format.md for the parameters.")
        params = {}
    for k, v in params.items():
        if k not in PARAMETERS:
            problems.add(path, f"`params:` has an unknown parameter {k!r}.{suggest(k, PARAMETERS)}",
                         f"parameters are: {', '.join(PARAMETERS)}.")
            continue
        try:
            merged[k] = check_parameter(k, v)
        except ParameterError as e:
            problems.add(path, f"`params: {k}: {v!r}` must be {e.allowed}.",
                         f"see the parameters in docs/data-format.md (default: {PARAMETERS[k][0]!r}).")
    cfg["params"] = merged
    cfg["deal_stages"] = _deal_stages(cfg.get("deal_stages"), path, problems)
    service = read_service(cfg.get("service"), path, problems)
    if service:
        cfg["params"]["service"] = service  # the Company carries it in params (JSON-friendly values)
    return cfg


# --------------------------------------------------------------------------------------------
# service: standards, business hours, holidays, control points


def check_standards(value: Any, *, function: str | None = None) -> dict[str, float]:
    """Response-time standards per channel, in hours (PL: standardy czasu odpowiedzi).

    Parameters
    ----------
    value : mapping
        Channel -> hours (a number > 0), e.g. ``{"phone": 2, "e-mail": 24}``.
    function : str, optional
        The public function the argument was given to, for the message.

    Returns
    -------
    dict
        Channel (as written, spaces trimmed) -> hours as float.

    Raises
    ------
    ParameterError
        If ``value`` is not a mapping of channel names to numbers > 0.
    """
    wanted = "a mapping of channel -> hours (a number > 0), e.g. {'phone': 2, 'e-mail': 24}"
    if not isinstance(value, dict) or not value:
        raise ParameterError("standards", value, wanted, function=function)
    out: dict[str, float] = {}
    for channel, hours in value.items():
        ok = isinstance(hours, (int, float)) and not isinstance(hours, bool) and hours == hours and 0 < hours < 1e5
        if not isinstance(channel, str) or not channel.strip() or not ok:
            raise ParameterError("standards", value, wanted, function=function)
        out[channel.strip()] = float(hours)
    return out


def _minutes(text: Any) -> int | None:
    if not isinstance(text, str) or ":" not in text:
        return None
    hh, _, mm = text.strip().partition(":")
    if not (hh.isdigit() and mm.isdigit() and len(mm) == 2):
        return None
    m = int(hh) * 60 + int(mm)
    return m if 0 <= m <= 24 * 60 and int(mm) < 60 else None


def check_business_hours(value: Any, *, function: str | None = None) -> dict | None:
    """Business hours to count response times in (PL: godziny pracy), or None for every hour.

    Parameters
    ----------
    value : bool, str, mapping or None
        ``False``/``None``: count every hour; ``True``: :data:`DEFAULT_BUSINESS_HOURS`
        (Monday-Friday 8:00-18:00); ``"08:00-18:00"``: those hours Monday-Friday; a mapping
        ``{open: "08:00", close: "18:00", days: [mon, tue, wed, thu, fri]}`` (days as names or
        numbers, Monday = 0; default Monday-Friday).
    function : str, optional
        The public function the argument was given to, for the message.

    Returns
    -------
    dict or None
        ``{"open": "HH:MM", "close": "HH:MM", "days": [0..6]}`` or None.

    Raises
    ------
    ParameterError
        For hours that are not HH:MM with opening before closing, or unknown days.
    """
    wanted = ("true/false, '08:00-18:00', or {open: '08:00', close: '18:00', days: [mon, tue, wed, thu, fri]} "
              "with opening before closing")
    given = value
    if value is None or value is False:
        return None
    if value is True:
        return {k: (list(v) if isinstance(v, list) else v) for k, v in DEFAULT_BUSINESS_HOURS.items()}
    if isinstance(value, str) and "-" in value:
        opening, _, closing = value.partition("-")
        value = {"open": opening.strip(), "close": closing.strip()}
    if not isinstance(value, dict) or set(value) - {"open", "close", "days"}:
        raise ParameterError("business_hours", given, wanted, function=function)
    opening = _minutes(value.get("open", DEFAULT_BUSINESS_HOURS["open"]))
    closing = _minutes(value.get("close", DEFAULT_BUSINESS_HOURS["close"]))
    days_in = value.get("days", DEFAULT_BUSINESS_HOURS["days"])
    days: list[int] = []
    for d in days_in if isinstance(days_in, (list, tuple)) else [None]:
        if isinstance(d, str) and d.strip().lower()[:3] in WEEKDAYS:
            days.append(WEEKDAYS.index(d.strip().lower()[:3]))
        elif isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6:
            days.append(d)
        else:
            raise ParameterError("business_hours", given, wanted, function=function)
    if opening is None or closing is None or opening >= closing or not days:
        raise ParameterError("business_hours", given, wanted, function=function)
    return {"open": f"{opening // 60:02d}:{opening % 60:02d}", "close": f"{closing // 60:02d}:{closing % 60:02d}",
            "days": sorted(set(days))}


def _holiday_date(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return pd.Timestamp(value).date().isoformat()
    if isinstance(value, str):
        parsed, p = parse_date(pd.Series([value.strip()], index=[0]), None, "holidays", plausible=False)
        if not p and not pd.isna(parsed.iloc[0]):
            return parsed.iloc[0].date().isoformat()
    return None


def check_holidays(value: Any, *, function: str | None = None) -> dict:
    """Days off on which no response time runs (PL: dni wolne od pracy).

    Parameters
    ----------
    value : str, list, mapping or None
        A country whose public holidays the ``holidays`` package knows (``"PL"``: Polish public
        holidays, the preset), a list of dates, or ``{country: PL, dates: [2025-12-31]}``;
        ``None`` or ``False``: none.
    function : str, optional
        The public function the argument was given to, for the message.

    Returns
    -------
    dict
        ``{"country": "PL" or None, "dates": ["2025-12-31", ...]}``.

    Raises
    ------
    ParameterError
        For a country the ``holidays`` package does not know or a date that cannot be read.
    """
    import holidays

    wanted = "a country code such as 'PL', a list of dates, or {country: 'PL', dates: [...]}"
    given = value
    if value is None or value is False:
        return {"country": None, "dates": []}
    if isinstance(value, str):
        value = {"country": value}
    elif isinstance(value, (list, tuple)):
        value = {"dates": list(value)}
    if not isinstance(value, dict) or set(value) - {"country", "dates"}:
        raise ParameterError("holidays", given, wanted, function=function)
    country = value.get("country")
    if country is not None:
        if not isinstance(country, str) or country.strip().upper() not in holidays.list_supported_countries():
            raise ParameterError("holidays", given, wanted, function=function,
                                 fix="write a country code the holidays package knows, e.g. PL.")
        country = country.strip().upper()
    dates = value.get("dates") or []
    parsed = [_holiday_date(d) for d in (dates if isinstance(dates, (list, tuple)) else [None])]
    if any(d is None for d in parsed):
        raise ParameterError("holidays", given, wanted, function=function,
                             fix="write each date as 2025-12-31 (or 31.12.2025).")
    return {"country": country, "dates": sorted(set(parsed))}


def read_service(value: Any, path: Path, problems: Collector) -> dict:
    """The ``service:`` section of company.yml, checked (PL: ustawienia obsługi klienta).

    Parameters
    ----------
    value : mapping or None
        The section as YAML read it.
    path : pathlib.Path
        ``company.yml``, for messages.
    problems : Collector
        Where every problem is added.

    Returns
    -------
    dict
        The settings given, normalised (``standards``, ``business_hours``, ``holidays``,
        ``offer_stage``, ``offer_valid_days``, ``contact_interval_days``,
        ``survey_every_months``); empty when the section is absent.
    """
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(path, "`service:` must be a mapping (standards:, business_hours:, holidays:, ...).",
                     "see docs/data-format.md, section service.")
        return {}
    out: dict[str, Any] = {}
    checks = {"standards": check_standards, "business_hours": check_business_hours, "holidays": check_holidays}
    for key, v in value.items():
        if key not in SERVICE_KEYS:
            problems.add(path, f"`service:` has an unknown key {key!r}.{suggest(key, SERVICE_KEYS)}",
                         f"keys are: {', '.join(SERVICE_KEYS)}.")
            continue
        try:
            if key in checks:
                out[key] = checks[key](v)
            elif key == "offer_stage":
                if not isinstance(v, str) or not v.strip():
                    raise ParameterError(key, v, "the name of one of the deal stages")
                out[key] = v.strip()
            else:
                out[key] = check_number(key, v, low=_SERVICE_NUMBERS[key], integer=True)
        except ParameterError as e:
            problems.add(path, f"`service: {key}: {v!r}` must be {e.allowed}.", "see docs/data-format.md.")
    return out


__all__ = ["CONFIG_FILE", "SEGMENTS_FILE", "DATE_FORMATS", "DEFAULT_BUSINESS_HOURS", "SERVICE_KEYS", "WEEKDAYS",
           "check_business_hours", "check_holidays", "check_standards", "read_config", "read_service", "read_yaml",
           "parse_as_of", "suggest"]
