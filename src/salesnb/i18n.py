"""Labels in English and Polish, in one place (PL: etykiety po angielsku i po polsku).

Category names, table headers and chart labels are looked up here by key, in the company's
language or a notebook's ``language`` parameter. Every key has both languages (a test checks).
"""
from __future__ import annotations

from typing import Iterable, Mapping

import pandas as pd

LANGUAGES = ("en", "pl")

#: key -> {"en": ..., "pl": ...}
LABELS: dict[str, dict[str, str]] = {
    # --- data contract: column headers ---
    "date": {"en": "Date", "pl": "Data"},
    "customer_id": {"en": "Client", "pl": "Klient"},
    "amount": {"en": "Amount", "pl": "Kwota"},
    "product": {"en": "Product", "pl": "Produkt"},
    "product_line": {"en": "Product line", "pl": "Linia produktowa"},
    "salesperson": {"en": "Sales manager", "pl": "Menedżer sprzedaży"},
    "margin": {"en": "Margin", "pl": "Marża"},
    "quantity": {"en": "Quantity", "pl": "Ilość"},
    "document_id": {"en": "Document", "pl": "Dokument"},
    "name": {"en": "Name", "pl": "Nazwa"},
    "first_contact": {"en": "First contact", "pl": "Pierwszy kontakt"},
    "respondent_id": {"en": "Respondent", "pl": "Respondent"},
    "feature": {"en": "Feature", "pl": "Cecha"},
    "functional": {"en": "Functional answer", "pl": "Odpowiedź funkcjonalna"},
    "dysfunctional": {"en": "Dysfunctional answer", "pl": "Odpowiedź dysfunkcjonalna"},
    "importance": {"en": "Importance", "pl": "Ważność"},
    "wave": {"en": "Wave", "pl": "Fala badania"},
    "segment": {"en": "Segment", "pl": "Segment"},
    "criterion": {"en": "Criterion", "pl": "Kryterium"},
    "score": {"en": "Score", "pl": "Ocena"},
    "deal_id": {"en": "Deal", "pl": "Szansa sprzedaży"},
    "opened_at": {"en": "Opened", "pl": "Otwarta"},
    "stage_reached": {"en": "Stage reached", "pl": "Osiągnięty etap"},
    "outcome": {"en": "Outcome", "pl": "Wynik"},
    "refusal_stage": {"en": "Refusal stage", "pl": "Etap odmowy"},
    "refusal_reason": {"en": "Refusal reason", "pl": "Powód odmowy"},
    "closed_at": {"en": "Closed", "pl": "Zamknięta"},
    "contact_id": {"en": "Enquiry", "pl": "Zapytanie"},
    "channel": {"en": "Channel", "pl": "Kanał"},
    "received_at": {"en": "Received", "pl": "Otrzymano"},
    "answered_at": {"en": "Answered", "pl": "Odpowiedziano"},
    # --- tables ---
    "transactions": {"en": "Transactions", "pl": "Transakcje"},
    "customers": {"en": "Clients", "pl": "Klienci"},
    "products": {"en": "Products", "pl": "Produkty"},
    "kano_survey": {"en": "Kano survey", "pl": "Ankieta Kano"},
    "satisfaction": {"en": "Satisfaction survey", "pl": "Badanie satysfakcji"},
    "deals": {"en": "Deals", "pl": "Szanse sprzedaży"},
    "contacts": {"en": "Enquiries", "pl": "Zapytania"},
    "segments": {"en": "Target groups", "pl": "Grupy docelowe"},
    # --- overview ---
    "table": {"en": "Table", "pl": "Tabela"},
    "rows": {"en": "Rows", "pl": "Wiersze"},
    "measure": {"en": "Measure", "pl": "Miara"},
    "value": {"en": "Value", "pl": "Wartość"},
    "month": {"en": "Month", "pl": "Miesiąc"},
    "revenue": {"en": "Revenue", "pl": "Przychód"},
    "share": {"en": "Share", "pl": "Udział"},
    "clients_known": {"en": "Clients known", "pl": "Znani klienci"},
    "clients_buying": {"en": "Clients who bought", "pl": "Klienci, którzy kupili"},
    "leads_never_bought": {"en": "Leads that never bought", "pl": "Leady bez zakupu"},
    "first_date": {"en": "First transaction", "pl": "Pierwsza transakcja"},
    "last_date": {"en": "Last transaction", "pl": "Ostatnia transakcja"},
    "as_of": {"en": "As-of date", "pl": "Data analizy"},
    "n_transactions": {"en": "Transactions", "pl": "Transakcje"},
    "n_corrections": {"en": "Corrections (credit notes)", "pl": "Korekty (faktury korygujące)"},
    "corrections_amount": {"en": "Corrections amount", "pl": "Kwota korekt"},
    "net_revenue": {"en": "Net revenue", "pl": "Przychód netto"},
    "n_product_lines": {"en": "Product lines", "pl": "Linie produktowe"},
    "n_products": {"en": "Products", "pl": "Produkty"},
    "n_salespeople": {"en": "Sales managers", "pl": "Menedżerowie sprzedaży"},
    "months_of_history": {"en": "Months of history", "pl": "Miesiące historii"},
    "check": {"en": "Check", "pl": "Kontrola"},
    "count": {"en": "Count", "pl": "Liczba"},
    "status": {"en": "Status", "pl": "Status"},
    "ok": {"en": "ok", "pl": "ok"},
    "look": {"en": "look", "pl": "sprawdź"},
    "missing_values": {"en": "Missing values", "pl": "Brakujące wartości"},
    "zero_amounts": {"en": "Zero amounts", "pl": "Kwoty zerowe"},
    "after_as_of": {"en": "Rows after the as-of date", "pl": "Wiersze po dacie analizy"},
    "duplicate_rows": {"en": "Exact duplicate rows", "pl": "Zduplikowane wiersze"},
    "clients_without_sales": {"en": "Clients without sales", "pl": "Klienci bez sprzedaży"},
    "revenue_by_month": {"en": "Revenue by month and product line", "pl": "Przychód według miesięcy i linii produktowych"},
    "revenue_by_line": {"en": "Revenue by product line", "pl": "Przychód według linii produktowych"},
    "other": {"en": "other", "pl": "inne"},
    "total": {"en": "Total", "pl": "Razem"},
    # --- abcxyz ---
    # --- lifecycle ---
    # --- kano ---
    # --- segments ---
    # --- batch ---
}


def check_language(language: str | None) -> str:
    """The language code to use: 'en' or 'pl' (None means English)."""
    if language is None:
        return "en"
    lang = str(language).strip().lower()
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    return lang


def t(key: str, language: str | None = "en") -> str:
    """The label for ``key`` in ``language`` (PL: etykieta w danym języku)."""
    lang = check_language(language)
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no label {key!r}; add it to salesnb.i18n.LABELS in both languages") from None


def label_columns(df: pd.DataFrame, language: str | None = "en") -> pd.DataFrame:
    """A copy of ``df`` with column (and index) names that have labels translated."""
    lang = check_language(language)

    def tr(x):
        return LABELS[x][lang] if isinstance(x, str) and x in LABELS else x

    out = df.rename(columns=tr)
    out.index = out.index.set_names([tr(n) for n in out.index.names])
    out.columns = out.columns.set_names([tr(n) for n in out.columns.names])
    return out


def label_values(values: Iterable, language: str | None = "en") -> list:
    """Translate category values that have labels (others pass through)."""
    lang = check_language(language)
    return [LABELS[v][lang] if isinstance(v, str) and v in LABELS else v for v in values]


def translate_map(keys: Iterable[str], language: str | None = "en") -> Mapping[str, str]:
    """{key: label} for the given keys, for ``Series.map`` or ``DataFrame.rename``."""
    return {k: t(k, language) for k in keys}
