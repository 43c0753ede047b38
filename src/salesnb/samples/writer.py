r"""Writing a sample as a company folder in the data contract (PL: zapis folderu firmy).

File conventions (deterministic, so regenerating gives the same bytes):

- ``en``: ``<table>.csv``, UTF-8 without BOM, ``,`` separator, ``.`` decimal point, no
  thousands separator, dates ``2025-03-31``, date-times ``2025-03-31 14:05``, ``\n`` line ends;
- ``pl``: Polish file names (``sprzedaz.csv`` ...) and headers (``Data``, ``Kod klienta``,
  ``Kwota netto`` ...) mapped to the contract in ``company.yml``, cp1250, ``;`` separator,
  decimal comma with a space as thousands separator on amounts (``1 234,50``), dates
  ``31.03.2025``, date-times ``31.03.2025 14:05``, ``\r\n`` line ends as Excel writes them.

Money columns have two decimals, rows keep the table's order, YAML keys keep a fixed order;
each file is written atomically (:func:`salesnb.io.atomic_write_bytes`).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from ..io import atomic_write_bytes
from ..validation import check_choice
from .model import SampleCompany

__all__ = ["CONVENTIONS", "DATETIME_COLUMNS", "MONEY_COLUMNS", "PL_FILES", "PL_HEADERS", "TABLE_ORDER",
           "company_config", "table_text", "write_company"]

#: File conventions a company can be written in.
CONVENTIONS = ("en", "pl")

#: Polish file names and headers used by ``write_company(..., conventions="pl")``.
PL_FILES: dict[str, str] = {
    "transactions": "sprzedaz.csv",
    "customers": "klienci.csv",
    "products": "produkty.csv",
    "kano_survey": "ankieta_kano.csv",
    "satisfaction": "satysfakcja.csv",
    "deals": "szanse_sprzedazy.csv",
    "contacts": "zapytania.csv",
}
PL_HEADERS: dict[str, dict[str, str]] = {
    "transactions": {
        "date": "Data", "customer_id": "Kod klienta", "amount": "Kwota netto", "product": "Produkt",
        "product_line": "Grupa towarowa", "salesperson": "Handlowiec", "margin": "Marża",
        "quantity": "Ilość", "document_id": "Nr dokumentu", "corrected_document": "Dokument korygowany",
    },
    "customers": {
        "customer_id": "Kod klienta", "name": "Nazwa klienta", "salesperson": "Opiekun",
        "first_contact": "Pierwszy kontakt", "city": "Miasto", "region": "Województwo",
        "client_type": "Typ klienta", "industry": "Branża", "activity_type": "Rodzaj działalności",
        "has_branches": "Oddziały", "employees": "Liczba pracowników",
        "main_client_type": "Główny typ klientów", "founded": "Rok założenia",
    },
    "products": {"product": "Produkt", "product_line": "Grupa towarowa", "unit": "Jednostka"},
    "kano_survey": {
        "respondent_id": "Respondent", "feature": "Cecha", "functional": "Pytanie funkcjonalne",
        "dysfunctional": "Pytanie dysfunkcjonalne", "importance": "Ważność", "wave": "Fala",
        "customer_id": "Kod klienta", "segment": "Segment",
    },
    "satisfaction": {"customer_id": "Kod klienta", "date": "Data badania", "product": "Produkt",
                     "criterion": "Kryterium", "score": "Ocena"},
    "deals": {
        "deal_id": "Nr szansy", "customer_id": "Kod klienta", "salesperson": "Handlowiec",
        "opened_at": "Data otwarcia", "stage_reached": "Osiągnięty etap", "outcome": "Wynik",
        "refusal_stage": "Etap odmowy", "refusal_reason": "Powód odmowy",
        "closed_at": "Data zamknięcia", "amount": "Wartość", "product_line": "Grupa towarowa",
    },
    "contacts": {"contact_id": "Nr zgłoszenia", "customer_id": "Kod klienta", "channel": "Kanał",
                 "received_at": "Otrzymano", "answered_at": "Odpowiedziano"},
}

#: Columns written as money (two decimals; thousands separated by a space in Polish files).
MONEY_COLUMNS = frozenset({"amount", "margin"})
#: Columns written as date-times (``YYYY-MM-DD HH:MM``); other datetime columns are dates.
DATETIME_COLUMNS = frozenset({("contacts", "received_at"), ("contacts", "answered_at")})
#: Table order in a company folder.
TABLE_ORDER = ("transactions", "customers", "products", "kano_survey", "satisfaction", "deals", "contacts")


#: Rows formatted, joined and encoded at a time: bounds the writer's memory for large companies.
CHUNK_ROWS = 200_000
_HOURS_MINUTES = np.array([f" {h:02d}:{m:02d}" for h in range(24) for m in range(60)], dtype=object)


def _quote(texts: list[str], sep: str) -> list[str]:
    """Fields quoted as ``csv.QUOTE_MINIMAL`` does it (PL: cudzysłowy w CSV).

    A field holding the separator, a quote or a line break is put in quotes, its quotes doubled.
    """
    specials = (sep, '"', "\r", "\n")
    joined = "".join(texts)
    if not any(ch in joined for ch in specials):  # the usual case: one scan over all the values
        return texts
    return [f'"{t.replace(chr(34), chr(34) * 2)}"' if any(ch in t for ch in specials) else t for t in texts]


def _money(values: np.ndarray, conventions: str) -> list[str]:
    """Two decimals; in ``pl`` a decimal comma and a space between thousands (``-1 234,50``)."""
    if conventions == "pl":
        out = [f"{v:,.2f}".replace(",", " ").replace(".", ",") for v in values.tolist()]
    else:
        out = [f"{v:.2f}" for v in values.tolist()]
    for i in np.flatnonzero(np.isnan(values)).tolist():
        out[i] = ""
    return out


def _dates(s: pd.Series, timed: bool, conventions: str) -> np.ndarray:
    """Dates (``2025-03-31`` / ``31.03.2025``), with `` HH:MM`` if ``timed``; NaT as ``""``.

    Each distinct day is formatted once (a history has a few thousand), the time of day from a
    table of the 1,440 minutes.
    """
    if s.dt.tz is not None:
        s = s.dt.tz_localize(None)  # wall-clock time, as strftime writes it
    values = s.to_numpy()
    days = values.astype("datetime64[D]")
    codes, uniques = pd.factorize(days)
    text = pd.DatetimeIndex(uniques).strftime("%d.%m.%Y" if conventions == "pl" else "%Y-%m-%d")
    out = np.append(text.to_numpy(dtype=object), "")[codes]  # code -1 (NaT) takes the ""
    if timed:
        nat = codes < 0
        delta = np.where(nat, np.timedelta64(0, "m"), values - days)
        minute = (delta // np.timedelta64(1, "m")).astype(np.int64)
        out = np.where(nat, "", out + _HOURS_MINUTES[minute])
    return out


def _by_value(s: pd.Series, sep: str) -> np.ndarray:
    """Text, integers, booleans and other values: each distinct value formatted once, then taken."""
    codes, uniques = pd.factorize(s)
    uniq = np.asarray(uniques, dtype=object)
    if pd.api.types.is_bool_dtype(s):
        text = ["true" if u else "false" for u in uniq.tolist()]
    elif pd.api.types.is_integer_dtype(s):
        text = [str(int(u)) for u in uniq.tolist()]
    elif isinstance(s.dtype, pd.CategoricalDtype) or pd.api.types.infer_dtype(uniq, skipna=False) == "string":
        text = _quote([str(u) for u in uniq.tolist()], sep)
    else:  # mixed Python objects: 1, 1.0 and True are one value to factorize, so go value by value
        return np.array(_quote(["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
                                for v in s.tolist()], sep), dtype=object)
    return np.append(np.array(text, dtype=object), "")[codes]  # code -1 (missing) takes the ""


def _format_column(table: str, col: str, s: pd.Series, conventions: str, sep: str) -> list[str]:
    """One column of a table as CSV fields (quoted where needed)."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return _dates(s, (table, col) in DATETIME_COLUMNS, conventions).tolist()
    if pd.api.types.is_float_dtype(s):
        return _money(s.to_numpy(dtype=float, na_value=np.nan), conventions)
    return _by_value(s, sep).tolist()


def _lines(table: str, df: pd.DataFrame, conventions: str) -> Iterator[str]:
    """The CSV text of ``df`` in pieces of at most :data:`CHUNK_ROWS` rows, header first."""
    sep, end = ("," , "\n") if conventions == "en" else (";", "\r\n")
    headers = PL_HEADERS.get(table, {}) if conventions == "pl" else {}
    names = _quote([str(headers.get(c, c)) for c in df.columns], sep)
    yield sep.join(names if len(names) != 1 or names[0] else ['""']) + end
    for start in range(0, len(df) if len(df.columns) else 0, CHUNK_ROWS):
        part = df.iloc[start:start + CHUNK_ROWS]
        cols = [_format_column(table, c, part.iloc[:, i], conventions, sep) for i, c in enumerate(part.columns)]
        if len(cols) == 1:  # csv writes a record of one empty field as ""
            cols = [[v or '""' for v in cols[0]]]
        yield end.join([sep.join(row) for row in zip(*cols, strict=True)]) + end


def table_text(table: str, df: pd.DataFrame, conventions: str = "en") -> str:
    r"""A table as CSV text in the given file conventions (PL: tabela jako tekst CSV).

    Parameters
    ----------
    table : str
        The table's name in the data contract (``"transactions"`` ...): picks the Polish headers
        and the date-time columns.
    df : pandas.DataFrame
        The table, with the contract's column names and dtypes (as in :class:`SampleCompany`).
    conventions : {"en", "pl"}, default "en"
        File conventions (see the module docstring); headers are Polish in ``"pl"``.

    Returns
    -------
    str
        The CSV text, header first, every line ended (``\n`` or ``\r\n``).

    Raises
    ------
    ParameterError
        If ``conventions`` is not ``"en"`` or ``"pl"``.
    """
    conventions = check_choice("conventions", conventions, CONVENTIONS, function="salesnb.samples.table_text")
    return "".join(_lines(table, df, conventions))


def _yaml(data: dict, header: str) -> bytes:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return (header + text).encode("utf-8")


def company_config(sample: SampleCompany, conventions: str) -> dict[str, Any]:
    """The ``company.yml`` content for writing ``sample`` in ``conventions`` (PL: konfiguracja firmy).

    Parameters
    ----------
    sample : SampleCompany
        The generated company.
    conventions : {"en", "pl"}
        File conventions: ``"pl"`` adds each table's file, encoding, separator, decimal mark and
        Polish column headers; ``"en"`` needs none (the defaults of the data contract).

    Returns
    -------
    dict
        ``sample.config`` with ``tables`` (in ``"pl"``) and ``params`` last.

    Raises
    ------
    ParameterError
        If ``conventions`` is not ``"en"`` or ``"pl"``.
    """
    conventions = check_choice("conventions", conventions, CONVENTIONS, function="salesnb.samples.company_config")
    cfg = dict(sample.config)
    params = cfg.pop("params", None)
    if conventions == "pl":
        tables = {}
        for t in TABLE_ORDER:
            if t in sample.tables:
                hdr = PL_HEADERS.get(t, {})
                tables[t] = {"file": PL_FILES[t], "encoding": "cp1250", "separator": ";", "decimal": ",",
                             "columns": {c: hdr.get(c, c) for c in sample.tables[t].columns}}
        cfg["tables"] = tables
    if params:
        cfg["params"] = params
    return cfg


def write_company(folder: str | Path, sample: SampleCompany, conventions: str | None = None) -> list[Path]:
    r"""Write a sample as a company folder in the data contract (PL: zapisz folder firmy).

    Writes ``company.yml``, one CSV per table and ``segments.yml`` if the sample has target
    groups; each file atomically (:func:`salesnb.io.atomic_write_bytes`: a temporary file in the
    folder, then ``os.replace``) and deterministically.

    Parameters
    ----------
    folder : str or Path
        The company folder; created if missing. Files of the same names are replaced.
    sample : SampleCompany
        The generated company (:func:`salesnb.samples.generate`).
    conventions : {"en", "pl"}, optional
        ``"en"`` (``<table>.csv``, UTF-8, ``,``, decimal point, ISO dates, ``\n``) or ``"pl"``
        (Polish file names and headers mapped in ``company.yml``, cp1250, ``;``, decimal comma
        with space-separated thousands on amounts, dates ``31.03.2025``, ``\r\n`` as Excel
        writes); default: the conventions the sample ships in.

    Returns
    -------
    list of Path
        The files written, tables first.

    Raises
    ------
    ParameterError
        If ``conventions`` is not ``"en"`` or ``"pl"``.
    """
    conventions = check_choice("conventions", conventions or sample.conventions, CONVENTIONS,
                               function="salesnb.samples.write_company")
    encoding = "cp1250" if conventions == "pl" else "utf-8"
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for t in TABLE_ORDER:
        if t not in sample.tables:
            continue
        data = bytearray()  # grows in place: no second copy of a large file in memory
        for piece in _lines(t, sample.tables[t], conventions):
            data += piece.encode(encoding)
        path = folder / (PL_FILES[t] if conventions == "pl" else f"{t}.csv")
        atomic_write_bytes(path, data)
        written.append(path)
    header = (f"# {sample.name}: a sample company generated by salesnb.samples "
              f"(regenerate: python -m salesnb.samples). Do not edit by hand.\n")
    path = folder / "company.yml"
    atomic_write_bytes(path, _yaml(company_config(sample, conventions), header))
    written.append(path)
    if sample.segments:
        path = folder / "segments.yml"
        seg_header = ("# Grupy docelowe i portret idealnego klienta (artykuł Praca z klientami).\n"
                      if sample.config.get("language") == "pl" else
                      "# Target groups and the ideal client portrait (the article Working with clients).\n")
        atomic_write_bytes(path, _yaml(sample.segments, seg_header))
        written.append(path)
    return written
