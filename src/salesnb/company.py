"""A company dataset: its configuration and validated tables (PL: zbiór danych firmy).

``load_company(path)`` reads a folder laid out as `docs/data-format.md` describes, checks it
against the contract in :mod:`salesnb.schema`, and returns a :class:`Company`. Every problem in
every file is collected first and raised together as one :class:`~salesnb.errors.DataError`.
"""
from __future__ import annotations

import difflib
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from . import io as sio
from .errors import Collector, DataError, DataWarning, Problem
from .i18n import LANGUAGES
from .params import PARAMETERS, defaults
from .rules import check_segments
from .schema import DEAL_OUTCOMES, DEFAULT_DEAL_STAGES, TABLES, TableSpec

CONFIG_FILE = "company.yml"
SEGMENTS_FILE = "segments.yml"
CONFIG_KEYS = ("name", "currency", "language", "as_of", "tables", "params", "deal_stages",
               "unknown_customers", "description")
TABLE_OPTION_KEYS = ("file", "sheet", "encoding", "separator", "decimal", "date_format", "columns")
UNKNOWN_CUSTOMER_POLICIES = ("error", "add")


@dataclass
class Company:
    """One company's validated data (PL: dane jednej firmy).

    Tables are DataFrames with the contract's column names (``schema.TABLES``) and their index
    is the row number in the source file (header = row 1), so a later check can name rows.
    A table the folder does not have is ``None``.
    """

    path: Path
    name: str
    currency: str
    language: str
    as_of: pd.Timestamp | None
    params: dict[str, Any]
    transactions: pd.DataFrame
    customers: pd.DataFrame
    products: pd.DataFrame | None = None
    kano_survey: pd.DataFrame | None = None
    satisfaction: pd.DataFrame | None = None
    deals: pd.DataFrame | None = None
    contacts: pd.DataFrame | None = None
    segments: dict | None = None
    deal_stages: tuple[str, ...] = DEFAULT_DEAL_STAGES
    sources: dict[str, Path] = field(default_factory=dict)
    customers_derived: bool = False

    def has(self, table: str) -> bool:
        """Whether the dataset holds ``table`` (a table name or ``"segments"``)."""
        return getattr(self, table, None) is not None

    @property
    def analysis_date(self) -> pd.Timestamp:
        """The as-of date: configured, else the last transaction's date."""
        return self.as_of if self.as_of is not None else self.transactions["date"].max().normalize()

    def __repr__(self) -> str:
        tables = ", ".join(f"{t}={len(getattr(self, t))}" for t in TABLES if self.has(t))
        return f"Company({self.name!r}, {self.language}, {self.currency}, rows: {tables})"


# --------------------------------------------------------------------------------------------


def _read_yaml(path: Path, problems: Collector) -> dict | None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_bytes().decode("cp1250")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        rows = [mark.line + 1] if mark is not None else []
        problems.add(path, f"not valid YAML: {getattr(e, 'problem', e)}.",
                     "check indentation (spaces, not tabs) and quote values containing ':' or '#'.",
                     rows=rows)
        return None
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.add(path, "must be a mapping of keys (name:, currency:, ...).",
                     "see docs/data-format.md for an example company.yml.")
        return None
    return data


def _suggest(word: str, options, cutoff: float = 0.5) -> str:
    close = difflib.get_close_matches(str(word), list(map(str, options)), n=1, cutoff=cutoff)
    return f" Did you mean {close[0]!r}?" if close else ""


def read_config(folder: Path, problems: Collector) -> dict:
    """Read and check ``company.yml``; problems are collected, defaults filled in."""
    path = folder / CONFIG_FILE
    if not path.exists():
        problems.add(path, "the company folder has no company.yml.",
                     "create it with at least `name:` and `currency:` (see docs/data-format.md).")
        return {}
    cfg = _read_yaml(path, problems)
    if cfg is None:
        return {}
    for key in cfg:
        if key not in CONFIG_KEYS:
            problems.add(path, f"unknown key {key!r}.{_suggest(key, CONFIG_KEYS)}",
                         f"use only: {', '.join(CONFIG_KEYS)}.")
    for key in ("name", "currency"):
        if not cfg.get(key):
            problems.add(path, f"`{key}:` is missing.", f"add `{key}:` to company.yml.")
    lang = str(cfg.get("language", "en")).strip().lower()
    if lang not in LANGUAGES:
        problems.add(path, f"`language: {cfg.get('language')}` is not supported.", "use `language: en` or `language: pl`.")
    cfg["language"] = lang
    if cfg.get("as_of") is not None:
        ts = pd.to_datetime(str(cfg["as_of"]), errors="coerce", dayfirst=("." in str(cfg["as_of"])))
        if pd.isna(ts):
            problems.add(path, f"`as_of: {cfg['as_of']}` is not a date.", "write it as 2009-03-31.")
        cfg["as_of"] = None if pd.isna(ts) else ts
    policy = cfg.get("unknown_customers", "error")
    if policy not in UNKNOWN_CUSTOMER_POLICIES:
        problems.add(path, f"`unknown_customers: {policy}` is not one of {UNKNOWN_CUSTOMER_POLICIES}.",
                     "use `error` (default) or `add`.")
    cfg["unknown_customers"] = policy
    tables = cfg.get("tables") or {}
    if not isinstance(tables, dict):
        problems.add(path, "`tables:` must be a mapping of table names.", "see docs/data-format.md.")
        tables = {}
    for tname, topts in tables.items():
        if tname not in TABLES:
            problems.add(path, f"`tables:` names an unknown table {tname!r}.{_suggest(tname, TABLES)}",
                         f"tables are: {', '.join(TABLES)}.")
            continue
        if not isinstance(topts, dict):
            problems.add(path, f"`tables: {tname}:` must be a mapping (file:, columns:, ...).", "see docs/data-format.md.")
            continue
        for k in topts:
            if k not in TABLE_OPTION_KEYS:
                problems.add(path, f"`tables: {tname}:` has an unknown option {k!r}.{_suggest(k, TABLE_OPTION_KEYS)}",
                             f"options are: {', '.join(TABLE_OPTION_KEYS)}.")
        cols = topts.get("columns") or {}
        spec = TABLES[tname]
        if isinstance(cols, dict):
            names = [c.name for c in spec.columns]
            for canon in cols:
                if spec.column(canon) is not None:
                    continue
                near = _suggest(canon, names, cutoff=0.85)  # "custmer_id": a typo, not a new attribute
                if near or not spec.keep_extra:
                    problems.add(path, f"`tables: {tname}: columns:` maps {canon!r}, which is not a column "
                                       f"of the contract.{near}",
                                 f"the columns are: {', '.join(names)}"
                                 + (" (other names are kept as extra columns)." if spec.keep_extra else "."))
    cfg["tables"] = tables
    params = cfg.get("params") or {}
    merged = defaults()
    if not isinstance(params, dict):
        problems.add(path, "`params:` must be a mapping.", "see docs/data-format.md for the parameters.")
        params = {}
    for k, v in params.items():
        if k not in PARAMETERS:
            problems.add(path, f"`params:` has an unknown parameter {k!r}.{_suggest(k, PARAMETERS)}",
                         f"parameters are: {', '.join(PARAMETERS)}.")
        else:
            merged[k] = v
    cfg["params"] = merged
    stages = cfg.get("deal_stages") or list(DEFAULT_DEAL_STAGES)
    cfg["deal_stages"] = tuple(str(s) for s in stages)
    return cfg


def _find_file(folder: Path, table: str, topts: dict, problems: Collector) -> Path | None:
    if topts.get("file"):
        p = folder / str(topts["file"])
        if not p.exists():
            problems.add(folder / CONFIG_FILE,
                         f"`tables: {table}: file: {topts['file']}` does not exist in {folder}.",
                         "fix the file name (case matters) or move the file into the company folder.")
            return None
        return p
    for ext in (".csv", ".xlsx", ".txt"):
        p = folder / f"{table}{ext}"
        if p.exists():
            return p
    return None


def _map_columns(raw: sio.RawTable, spec: TableSpec, mapping: dict, config_path: Path,
                 problems: Collector) -> pd.DataFrame | None:
    """Rename file headers to canonical names; report mapped headers and required columns missing."""
    frame = raw.frame
    headers = list(frame.columns)
    rename: dict[str, str] = {}
    ok = True
    for canon, header in (mapping or {}).items():
        header = str(header).strip()
        if header in headers:
            rename[header] = canon
        else:
            ok = False
            problems.add(config_path,
                         f"`tables: {spec.name}: columns: {canon}: {header}` names a column that "
                         f"{raw.path.name} does not have.{_suggest(header, headers)}",
                         f"the file's headers are: {', '.join(map(repr, headers))}.")
    frame = frame.rename(columns=rename)
    # headers matching canonical names case-insensitively are taken as they are
    lower = {c.lower(): c for c in frame.columns}
    auto = {lower[c.name.lower()]: c.name for c in spec.columns
            if c.name not in frame.columns and c.name.lower() in lower and lower[c.name.lower()] not in rename}
    frame = frame.rename(columns=auto)
    dup = frame.columns[frame.columns.duplicated()]
    if len(dup):
        problems.add(raw.path, f"column(s) {', '.join(map(repr, dup))} appear more than once after mapping.",
                     "give each column one header, or map only one of them in company.yml.")
        return None
    missing = [c for c in spec.required_columns if c not in frame.columns]
    if missing and ok:
        for c in missing:
            problems.add(raw.path, f"required column {c!r} is missing.{_suggest(c, headers)}",
                         f"add it, or map your header to it in company.yml under "
                         f"`tables: {spec.name}: columns: {c}: <your header>`. "
                         f"The file's headers are: {', '.join(map(repr, headers))}.",
                         column=c)
    if missing:
        return None
    return frame


def _parse_table(raw: sio.RawTable, frame: pd.DataFrame, spec: TableSpec, opts: sio.ReadOptions) -> tuple[pd.DataFrame, list[Problem]]:
    out = {}
    problems: list[Problem] = []
    path = raw.path
    for col in frame.columns:
        cspec = spec.column(col)
        kind = cspec.kind if cspec else "text"
        s = frame[col]
        if kind == "date":
            parsed, p = sio.parse_date(s, path, col, opts.date_format)
        elif kind in ("number", "integer"):
            parsed, p = sio.parse_number(s, path, col, raw.decimal, integer=(kind == "integer"))
            if kind == "integer" and not p:
                parsed = parsed.astype("Int64")
        else:
            parsed, p = sio.parse_text(s, path, col)
        problems.extend(p)
        if cspec is not None and cspec.required and not cspec.allow_empty:
            empty = parsed.isna() & (s.astype("string").str.strip().fillna("") == "")
            if empty.any():
                problems.append(Problem(path, "required value is empty.",
                                        f"fill in the {col} or delete the row.", column=col,
                                        rows=list(empty.index[empty])))
        out[col] = parsed
    df = pd.DataFrame(out, index=frame.index)
    return df, problems


def _check_key(df: pd.DataFrame, spec: TableSpec, path: Path) -> list[Problem]:
    if not spec.key or spec.key not in df:
        return []
    key = df[spec.key]
    dup = key.notna() & key.duplicated(keep=False)
    if not dup.any():
        return []
    problems = []
    for value, rows in df.index[dup].to_series().groupby(key[dup].to_numpy(), sort=True):
        problems.append(Problem(path, f"{spec.key} {value!r} appears in more than one row.",
                                f"keep one row per {spec.key} (merge the rows or fix the id).",
                                column=spec.key, rows=list(rows)))
    return problems


def read_table(folder: Path, table: str, cfg: dict, problems: Collector) -> tuple[pd.DataFrame | None, Path | None]:
    """Read, map and parse one table of a company folder.

    Returns the table (``None`` if absent or unreadable) and the file it came from.
    """
    spec = TABLES[table]
    topts = cfg.get("tables", {}).get(table, {}) or {}
    path = _find_file(folder, table, topts, problems)
    if path is None:
        if spec.required and not topts.get("file"):
            problems.add(folder / f"{table}.csv", f"the required table {table!r} is missing.",
                         f"add {table}.csv or {table}.xlsx to {folder}, or name the file under "
                         f"`tables: {table}: file:` in company.yml.")
        return None, None
    return _read_found(path, spec, folder, topts, problems), path


def _read_found(path: Path, spec: TableSpec, folder: Path, topts: dict, problems: Collector) -> pd.DataFrame | None:
    table = spec.name
    opts = sio.ReadOptions(**{k: topts.get(k) for k in ("encoding", "separator", "decimal", "date_format", "sheet")})
    if opts.decimal is not None and opts.decimal not in (",", "."):
        problems.add(folder / CONFIG_FILE, f"`tables: {table}: decimal: {opts.decimal}` must be ',' or '.'.",
                     "use decimal: \",\" or decimal: \".\".")
        return None
    raw, p = sio.read_raw(path, opts)
    problems.extend(p)
    if raw is None:
        return None
    if raw.frame.empty:
        problems.add(path, "the table has a header but no data rows.",
                     "export the table again with its rows, or remove the file if the dataset has no such data.")
        return None
    frame = _map_columns(raw, spec, topts.get("columns") or {}, folder / CONFIG_FILE, problems)
    if frame is None:
        return None
    df, p = _parse_table(raw, frame, spec, opts)
    problems.extend(p)
    problems.extend(_check_key(df, spec, path))
    df.attrs = {}
    return df


# --------------------------------------------------------------------------------------------


def _cross_checks(tables: dict[str, pd.DataFrame | None], cfg: dict, sources: dict, problems: Collector) -> None:
    tx, cust, prods = tables["transactions"], tables["customers"], tables["products"]
    if tx is not None and cust is not None and cfg.get("unknown_customers") == "error":
        unknown = tx["customer_id"].notna() & ~tx["customer_id"].isin(cust["customer_id"])
        if unknown.any():
            problems.add(sources["transactions"],
                         f"{tx.loc[unknown, 'customer_id'].nunique()} customer_id value(s) are not in "
                         f"{sources['customers'].name}.",
                         f"add these clients to {sources['customers'].name} (a missing master record usually "
                         "means a typo or a lost leading zero), or set `unknown_customers: add` in "
                         "company.yml to accept them as clients without attributes.",
                         column="customer_id", rows=list(tx.index[unknown]),
                         values=list(pd.unique(tx.loc[unknown, "customer_id"])))
    if tx is not None and prods is not None and "product" in tx:
        unknown = tx["product"].notna() & ~tx["product"].isin(prods["product"])
        if unknown.any():
            problems.add(sources["transactions"], f"products not listed in {sources['products'].name}.",
                         f"add them to {sources['products'].name} with their product_line.",
                         column="product", rows=list(tx.index[unknown]),
                         values=list(pd.unique(tx.loc[unknown, "product"])))
    deals = tables["deals"]
    if deals is not None:
        stages = cfg.get("deal_stages", DEFAULT_DEAL_STAGES)
        for col in ("stage_reached", "refusal_stage"):
            if col in deals:
                bad = deals[col].notna() & ~deals[col].isin(stages)
                if bad.any():
                    problems.add(sources["deals"], f"stage not in the company's deal_stages ({', '.join(stages)}).",
                                 "use one of those stage names, or list your stages under `deal_stages:` in company.yml.",
                                 column=col, rows=list(deals.index[bad]), values=list(pd.unique(deals.loc[bad, col])))
        outcome = deals["outcome"].str.lower()
        bad = outcome.notna() & ~outcome.isin(DEAL_OUTCOMES)
        if bad.any():
            problems.add(sources["deals"], f"outcome must be one of {', '.join(DEAL_OUTCOMES)}.",
                         "write won, lost or open.", column="outcome", rows=list(deals.index[bad]),
                         values=list(pd.unique(deals.loc[bad, "outcome"])))
        deals["outcome"] = outcome
    sat = tables["satisfaction"]
    if sat is not None and "score" in sat:
        bad = sat["score"].notna() & ~sat["score"].isin([1, 2, 3, 4, 5])
        if bad.any():
            problems.add(sources["satisfaction"], "scores must be 1, 2, 3, 4 or 5.", "fix the score.",
                         column="score", rows=list(sat.index[bad]), values=list(sat.loc[bad, "score"]))
    contacts = tables["contacts"]
    if contacts is not None and "answered_at" in contacts:
        bad = contacts["answered_at"] < contacts["received_at"]
        if bad.any():
            problems.add(sources["contacts"], "answered before it was received.",
                         "check the two date-times (day and month swapped?).", column="answered_at",
                         rows=list(contacts.index[bad]))


def _derive_customers(tx: pd.DataFrame) -> pd.DataFrame:
    """A customers table from transactions alone: one row per buying client."""
    ids = pd.Series(sorted(tx["customer_id"].dropna().unique()), name="customer_id")
    out = pd.DataFrame({"customer_id": ids})
    if "salesperson" in tx:
        owner = (tx.dropna(subset=["salesperson"]).groupby(["customer_id", "salesperson"]).size()
                 .reset_index(name="n").sort_values(["customer_id", "n", "salesperson"], ascending=[True, False, True])
                 .drop_duplicates("customer_id"))
        out = out.merge(owner[["customer_id", "salesperson"]], on="customer_id", how="left")
    return out


def load_company(path: str | Path) -> Company:
    """Load and validate a company dataset folder (PL: wczytaj dane firmy).

    Reads ``company.yml`` and the tables it names (or ``<table>.csv``/``.xlsx`` found in the
    folder), maps the company's own headers to the contract's names, parses Polish and plain
    spreadsheet conventions, and checks the data. Raises :class:`DataError` listing every
    problem with file, column, rows, values and the fix. Files are only read.
    """
    folder = Path(path)
    problems = Collector()
    if not folder.is_dir():
        hint = " It is a file: pass the folder that holds it." if folder.exists() else ""
        raise DataError(Problem(folder, f"no company folder here.{hint}",
                                "pass the path of a folder holding company.yml and transactions.csv "
                                "(e.g. data/samples/it_services)."))
    cfg = read_config(folder, problems)
    tables: dict[str, pd.DataFrame | None] = {}
    sources: dict[str, Path] = {}
    for table in TABLES:
        tables[table], found = read_table(folder, table, cfg, problems)
        if found is not None:
            sources[table] = found
    segments = None
    seg_path = folder / SEGMENTS_FILE
    if seg_path.exists():
        segments = _read_yaml(seg_path, problems)
        sources["segments"] = seg_path
        if segments is not None:
            problems.extend(check_segments(segments, tables.get("customers"), seg_path))
    if not problems:
        _cross_checks(tables, cfg, sources, problems)
    problems.raise_if_any()

    tx = tables["transactions"]
    products = tables["products"]
    if products is not None and "product" in tx:
        line = tx["product"].map(products.set_index("product")["product_line"])
        tx["product_line"] = tx["product_line"].fillna(line) if "product_line" in tx else line
    customers = tables["customers"]
    derived = customers is None
    if derived:
        customers = _derive_customers(tx)
    elif cfg.get("unknown_customers") == "add":
        extra = sorted(set(tx["customer_id"].dropna()) - set(customers["customer_id"]))
        if extra:
            warnings.warn(f"{len(extra)} client(s) in transactions are not in customers; added without "
                          f"attributes (unknown_customers: add): {extra[:5]}", DataWarning, stacklevel=2)
            start = int(customers.index.max()) + 1
            add = pd.DataFrame({"customer_id": extra}, index=pd.RangeIndex(start, start + len(extra), name="row"))
            customers = pd.concat([customers, add])
    return Company(
        path=folder,
        name=str(cfg["name"]),
        currency=str(cfg["currency"]),
        language=cfg["language"],
        as_of=cfg.get("as_of"),
        params=cfg["params"],
        transactions=tx,
        customers=customers,
        products=products,
        kano_survey=tables["kano_survey"],
        satisfaction=tables["satisfaction"],
        deals=tables["deals"],
        contacts=tables["contacts"],
        segments=segments,
        deal_stages=cfg["deal_stages"],
        sources=sources,
        customers_derived=derived,
    )
