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

CONFIG_FILE = "company.yml"
SEGMENTS_FILE = "segments.yml"
CONFIG_KEYS = ("name", "currency", "language", "as_of", "tables", "params", "deal_stages",
               "unknown_customers", "description")
TABLE_OPTION_KEYS = ("file", "sheet", "encoding", "separator", "decimal", "date_format", "columns")
UNKNOWN_CUSTOMER_POLICIES = ("error", "add")
SEPARATOR_CHOICES = (";", ",", "\t", "\\t", "|")


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
    return cfg


__all__ = ["CONFIG_FILE", "SEGMENTS_FILE", "DATE_FORMATS", "read_config", "read_yaml", "parse_as_of", "suggest"]
