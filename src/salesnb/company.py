"""A company dataset: its configuration and validated tables (PL: zbiór danych firmy).

``load_company(path)`` reads a folder laid out as `docs/data-format.md` describes, checks it
against the contract in :mod:`salesnb.schema`, and returns a :class:`Company`. Every problem in
every file, and the checks across files, are collected first and raised together as one
:class:`~salesnb.errors.DataError`. Ids (clients, products, product lines, managers, deal
stages) are categoricals whose categories are shared by every table of the company. With the
cache on (:mod:`salesnb.cache`) a validated company is read back from Parquet instead of parsing
its files again.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import cache as _cache
from .config import (
    CONFIG_FILE,
    CONFIG_KEYS,
    SEGMENTS_FILE,
    TABLE_OPTION_KEYS,
    UNKNOWN_CUSTOMER_POLICIES,
    read_config,
    read_yaml,
)
from .errors import Collector, DataError, DataWarning, Problem
from .rules import check_segments
from .schema import DEAL_OUTCOMES, DEFAULT_DEAL_STAGES, TABLES
from .tables import read_table as read_table_file
from .tables import table_files

__all__ = ["Company", "load_company", "read_config", "read_table", "read_yaml", "table_files", "derive_customers",
           "CONFIG_FILE", "CONFIG_KEYS", "SEGMENTS_FILE", "TABLE_OPTION_KEYS", "UNKNOWN_CUSTOMER_POLICIES"]


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
# Shared categories


def _share_categories(tables: dict[str, pd.DataFrame | None], stages: tuple[str, ...]) -> None:
    """Give every categorical column of one group the same categories (sorted; stages first)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for tname, df in tables.items():
        if df is None:
            continue
        for col in df.columns:
            cspec = TABLES[tname].column(col)
            if cspec is not None and cspec.category and isinstance(df[col].dtype, pd.CategoricalDtype):
                groups.setdefault(cspec.category, []).append((tname, col))
    for group, members in groups.items():
        union = None
        for t, c in members:
            cats = tables[t][c].cat.categories
            if union is None:
                union = cats
            elif not cats.equals(union):
                union = union.union(cats)
        if not union.is_monotonic_increasing:
            union = union.sort_values()
        if group == "deal_stage":
            union = pd.Index(list(stages) + [s for s in union if s not in stages], dtype="str")
        for t, c in members:
            s = tables[t][c]
            if not s.cat.categories.equals(union):  # recode on the codes (set_categories is slower)
                where = np.append(union.get_indexer(s.cat.categories), -1).astype(np.int32)
                tables[t][c] = pd.Categorical.from_codes(where[s.cat.codes.to_numpy()], categories=union,
                                                         validate=False)


def _codes(s: pd.Series) -> np.ndarray:
    return s.cat.codes.to_numpy().astype(np.int64)


def _unknown(values: pd.Series, known: pd.Series) -> np.ndarray:
    """Rows of ``values`` (categorical) whose value is not among ``known`` (same categories)."""
    n = len(values.cat.categories)
    have = np.zeros(n + 1, bool)
    kc = _codes(known)
    have[kc[kc >= 0]] = True
    have[n] = True  # missing values (code -1, mapped to n) are not unknown
    vc = _codes(values)
    return ~have[np.where(vc >= 0, vc, n)]


# --------------------------------------------------------------------------------------------
# Checks across files


def _cross_checks(tables: dict[str, pd.DataFrame | None], cfg: dict, sources: dict, problems: Collector) -> None:
    tx, cust, prods = tables.get("transactions"), tables.get("customers"), tables.get("products")
    if tx is not None and cust is not None and cfg.get("unknown_customers", "error") == "error":
        unknown = _unknown(tx["customer_id"], cust["customer_id"])
        if unknown.any():
            vals = pd.unique(tx["customer_id"].to_numpy()[unknown])
            problems.add(sources["transactions"],
                         f"{len(vals)} customer_id value(s) are not in {sources['customers'].name}.",
                         f"add these clients to {sources['customers'].name} (a missing master record usually "
                         "means a typo or a lost leading zero), or set `unknown_customers: add` in "
                         "company.yml to accept them as clients without attributes.",
                         column="customer_id", rows=list(tx.index[unknown]), values=list(vals))
    if tx is not None and prods is not None and "product" in tx:
        unknown = _unknown(tx["product"], prods["product"])
        if unknown.any():
            problems.add(sources["transactions"], f"products not listed in {sources['products'].name}.",
                         f"add them to {sources['products'].name} with their product_line.",
                         column="product", rows=list(tx.index[unknown]),
                         values=list(pd.unique(tx["product"].to_numpy()[unknown])))
    deals = tables.get("deals")
    if deals is not None:
        stages = cfg.get("deal_stages", DEFAULT_DEAL_STAGES)
        for col in ("stage_reached", "refusal_stage"):
            if col in deals:
                s = deals[col]
                bad = (s.notna() & ~s.astype(object).isin(stages)).to_numpy()
                if bad.any():
                    problems.add(sources["deals"], f"stage not in the company's deal_stages ({', '.join(stages)}).",
                                 "use one of those stage names, or list your stages under `deal_stages:` "
                                 "in company.yml.",
                                 column=col, rows=list(deals.index[bad]), values=list(pd.unique(s.to_numpy()[bad])))
        if "outcome" in deals:
            outcome = deals["outcome"].str.lower()
            bad = (outcome.notna() & ~outcome.isin(DEAL_OUTCOMES)).to_numpy()
            if bad.any():
                problems.add(sources["deals"], f"outcome must be one of {', '.join(DEAL_OUTCOMES)}.",
                             "write won, lost or open.", column="outcome", rows=list(deals.index[bad]),
                             values=list(pd.unique(deals["outcome"].to_numpy()[bad])))
            deals["outcome"] = outcome
    sat = tables.get("satisfaction")
    if sat is not None and "score" in sat:
        bad = (sat["score"].notna() & ~sat["score"].isin([1, 2, 3, 4, 5])).to_numpy()
        if bad.any():
            problems.add(sources["satisfaction"], "scores must be 1, 2, 3, 4 or 5.", "fix the score.",
                         column="score", rows=list(sat.index[bad]), values=list(sat.loc[bad, "score"]))
    contacts = tables.get("contacts")
    if contacts is not None and "answered_at" in contacts and "received_at" in contacts:
        bad = (contacts["answered_at"] < contacts["received_at"]).to_numpy()
        if bad.any():
            fmt = "%Y-%m-%d %H:%M"
            vals = [f"received {r:{fmt}}, answered {a:{fmt}}" for r, a in
                    zip(contacts.loc[bad, "received_at"], contacts.loc[bad, "answered_at"], strict=True)]
            problems.add(sources["contacts"], "answered before it was received.",
                         "check the two date-times (day and month swapped?).", column="answered_at",
                         rows=list(contacts.index[bad]), values=vals)


# --------------------------------------------------------------------------------------------
# Clients derived from transactions


def derive_customers(tx: pd.DataFrame) -> pd.DataFrame:
    """A customers table from transactions alone: one row per client (PL: klienci z transakcji).

    Each client is known from its first row: ``first_contact`` is the date of its first
    transaction (a correction too), so at an earlier as-of date it is not yet a client at all.
    ``salesperson`` is the manager on most of its rows (ties: the first name in text order).

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions with ``customer_id`` and ``date`` (optional ``salesperson``).

    Returns
    -------
    pandas.DataFrame
        ``customer_id`` (same dtype and categories as in ``tx``), ``first_contact``, and
        ``salesperson`` when ``tx`` has it; one row per client, sorted by id.
    """
    ids = tx["customer_id"]
    first = tx["date"].groupby(ids, observed=True, sort=True).min()
    if isinstance(ids.dtype, pd.CategoricalDtype):
        cid = pd.Categorical(first.index.astype(object), categories=ids.cat.categories)
    else:
        cid = first.index.to_numpy()
    out = pd.DataFrame({"customer_id": cid, "first_contact": first.to_numpy()})
    if "salesperson" in tx:
        pairs = tx[["customer_id", "salesperson"]].dropna()
        n = pairs.groupby(["customer_id", "salesperson"], observed=True).size().rename("n").reset_index()
        n["_sp"] = n["salesperson"].astype(str)
        n = n.sort_values(["n", "_sp"], ascending=[False, True], kind="stable").drop_duplicates("customer_id")
        owner = pd.Series(n["salesperson"].to_numpy(), index=n["customer_id"].astype(str).to_numpy())
        sp = owner.reindex(out["customer_id"].astype(str).to_numpy()).to_numpy()
        if isinstance(tx["salesperson"].dtype, pd.CategoricalDtype):
            sp = pd.Categorical(sp, categories=tx["salesperson"].cat.categories)
        out["salesperson"] = sp
    return out


def _add_unknown(customers: pd.DataFrame, tx: pd.DataFrame) -> pd.DataFrame:
    unknown = _unknown(tx["customer_id"], customers["customer_id"])
    if not unknown.any():
        return customers
    add = derive_customers(tx[unknown])
    ids = add["customer_id"].astype(str).tolist()
    warnings.warn(f"{len(ids)} client(s) in transactions are not in customers; added without "
                  f"attributes, known from their first row (unknown_customers: add): {ids[:5]}",
                  DataWarning, stacklevel=3)
    start = int(customers.index.max()) + 1 if len(customers) else 2
    add.index = pd.RangeIndex(start, start + len(add), name="row")
    add = add[[c for c in add.columns if c in customers.columns or c == "customer_id"]]
    return pd.concat([customers, add])


def _fill_product_lines(tx: pd.DataFrame, products: pd.DataFrame) -> None:
    """Each row's product line from ``products`` where the row has none (on category codes)."""
    pcodes = products["product"].cat.codes.to_numpy()
    lcodes = products["product_line"].cat.codes.to_numpy()
    # one slot per product category, and a last one (index -1) for rows without a product
    line_of = np.full(len(tx["product"].cat.categories) + 1, -1, np.int32)
    line_of[pcodes[pcodes >= 0]] = lcodes[pcodes >= 0]
    line = line_of[tx["product"].cat.codes.to_numpy()]
    if "product_line" in tx:
        own = tx["product_line"].cat.codes.to_numpy()
        if (own < 0).any():
            line = np.where(own >= 0, own, line)
        else:
            line = own
    tx["product_line"] = pd.Categorical.from_codes(line, categories=products["product_line"].cat.categories,
                                                   validate=False)


# --------------------------------------------------------------------------------------------


def read_table(folder: Path, table: str, cfg: dict, problems: Collector) -> tuple[pd.DataFrame | None, Path | None]:
    """Read, map and parse one table of a company folder, as before the loader's split.

    Parameters
    ----------
    folder : pathlib.Path
        The company folder.
    table : str
        A table of the contract.
    cfg : dict
        The settings from :func:`read_config`.
    problems : Collector
        Where every problem is added.

    Returns
    -------
    tuple of (pandas.DataFrame or None, pathlib.Path or None)
        The table (``None`` if absent or unreadable) and the file it came from.
    """
    path = table_files(folder, cfg, problems).get(table)
    return (read_table_file(path, table, cfg, folder, problems) if path is not None else None), path


def _load(folder: Path, cfg: dict, files: dict[str, Path], problems: Collector) -> Company:
    tables: dict[str, pd.DataFrame | None] = {t: None for t in TABLES}
    sources = {t: p for t, p in files.items()}
    for table in TABLES:
        if table in files:
            tables[table] = read_table_file(files[table], table, cfg, folder, problems)
    if "transactions" not in files and not any("transactions" in p.message for p in problems.problems):
        problems.add(folder / "transactions.csv", "the required table 'transactions' is missing.",
                     f"add transactions.csv or transactions.xlsx to {folder}, or name the file under "
                     "`tables: transactions: file:` in company.yml.")
    segments = None
    if "segments" in files:
        segments = read_yaml(files["segments"], problems)
        if segments is not None:
            problems.extend(check_segments(segments, tables.get("customers"), files["segments"]))
    _share_categories(tables, cfg.get("deal_stages", DEFAULT_DEAL_STAGES))
    _cross_checks(tables, cfg, sources, problems)
    problems.raise_if_any()

    tx = tables["transactions"]
    products = tables["products"]
    if products is not None and "product" in tx:
        _fill_product_lines(tx, products)
    customers = tables["customers"]
    derived = customers is None
    if derived:
        customers = derive_customers(tx)
    elif cfg.get("unknown_customers") == "add":
        customers = _add_unknown(customers, tx)
    return Company(
        path=folder, name=str(cfg["name"]), currency=str(cfg["currency"]), language=cfg["language"],
        as_of=cfg.get("as_of"), params=cfg["params"], transactions=tx, customers=customers, products=products,
        kano_survey=tables["kano_survey"], satisfaction=tables["satisfaction"], deals=tables["deals"],
        contacts=tables["contacts"], segments=segments, deal_stages=cfg["deal_stages"], sources=sources,
        customers_derived=derived,
    )


def load_company(path: str | Path, cache: bool | str | Path | None = None) -> Company:
    """Load and validate a company dataset folder (PL: wczytaj dane firmy).

    Reads ``company.yml`` and the tables it names (or ``<table>.csv``/``.xlsx`` found in the
    folder in any letter case), maps the company's own headers to the contract's names, parses
    Polish and plain spreadsheet conventions, and checks every table and the links between them
    (*Working with clients*: the data the lifecycle, ABC/XYZ and KPIs stand on). Files are only
    read.

    Parameters
    ----------
    path : path-like
        The company folder.
    cache : bool, path-like or None, default None
        Where validated companies are kept as Parquet (:mod:`salesnb.cache`): a folder, ``True``
        for the default one, ``False`` for no cache; ``None`` follows the ``SALESNB_CACHE``
        environment variable (a folder, or ``off``; unset means no cache).

    Returns
    -------
    Company
        The validated tables and settings.

    Raises
    ------
    DataError
        Listing every problem with file, column, rows, values and the fix.
    """
    folder = Path(path)
    problems = Collector()
    if not folder.is_dir():
        hint = " It is a file: pass the folder that holds it." if folder.exists() else ""
        raise DataError(Problem(folder, f"no company folder here.{hint}",
                                "pass the path of a folder holding company.yml and transactions.csv "
                                "(e.g. data/samples/it_services)."))
    cfg = read_config(folder, problems)
    files = table_files(folder, cfg, problems)
    where = _cache.resolve(cache)
    key = None
    if where is not None and not problems:
        key = _cache.key(folder, files)
        hit = _cache.load(where, key, folder)
        if hit is not None:
            for note in hit.pop("warnings"):
                warnings.warn(note, DataWarning, stacklevel=2)
            return Company(**hit)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataWarning)
        company = _load(folder, cfg, files, problems)
    notes = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    for w in caught:
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if key is not None:
        _cache.store(where, key, company, notes)
    return company
