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

import csv
import io
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
        "closed_at": "Data zamknięcia", "amount": "Wartość",
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


def _format_money(values: np.ndarray, conventions: str) -> list[str]:
    if conventions == "pl":
        return ["" if np.isnan(v) else f"{v:,.2f}".replace(",", " ").replace(".", ",") for v in values]
    return ["" if np.isnan(v) else f"{v:.2f}" for v in values]


def _format_column(table: str, col: str, s: pd.Series, conventions: str) -> list[str]:
    if pd.api.types.is_datetime64_any_dtype(s):
        timed = (table, col) in DATETIME_COLUMNS
        fmt = ("%d.%m.%Y" if conventions == "pl" else "%Y-%m-%d") + (" %H:%M" if timed else "")
        return s.dt.strftime(fmt).fillna("").tolist()
    if pd.api.types.is_bool_dtype(s):
        return ["true" if v else "false" for v in s]
    if pd.api.types.is_integer_dtype(s):
        return ["" if pd.isna(v) else str(int(v)) for v in s]
    if pd.api.types.is_float_dtype(s):
        return _format_money(s.to_numpy(dtype=float), conventions)
    return ["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in s]


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
    sep, end = ("," , "\n") if conventions == "en" else (";", "\r\n")
    headers = PL_HEADERS.get(table, {}) if conventions == "pl" else {}
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator=end, quoting=csv.QUOTE_MINIMAL)
    w.writerow([headers.get(c, c) for c in df.columns])
    cols = [_format_column(table, c, df[c], conventions) for c in df.columns]
    w.writerows(zip(*cols, strict=True))
    return buf.getvalue()


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
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for t in TABLE_ORDER:
        if t not in sample.tables:
            continue
        text = table_text(t, sample.tables[t], conventions)
        path = folder / (PL_FILES[t] if conventions == "pl" else f"{t}.csv")
        atomic_write_bytes(path, text.encode("cp1250" if conventions == "pl" else "utf-8"))
        written.append(path)
    header = (f"# {sample.name}: a sample company generated by salesnb.samples "
              f"(regenerate: python -m salesnb.samples). Do not edit by hand.\n")
    path = folder / "company.yml"
    atomic_write_bytes(path, _yaml(company_config(sample, conventions), header))
    written.append(path)
    if sample.segments:
        path = folder / "segments.yml"
        seg_header = "# Target groups (seed 003, line 311, Example 3) and the ideal client portrait.\n"
        atomic_write_bytes(path, _yaml(sample.segments, seg_header))
        written.append(path)
    return written
