"""A company at a glance and lists of key facts (PL: wizytówka firmy i kluczowe fakty)."""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..i18n import LABELS, check_language
from .columns import kind_of
from .numbers import count, date, fmt
from .prose import Prose
from .tables import Table, show

__all__ = ["FACT_KINDS", "about", "facts"]

#: measure -> kind of value, for tables of (measure, value) rows such as overview.summary.
FACT_KINDS: dict[str, str] = {
    "first_date": "date", "last_date": "date", "as_of": "date", "net_revenue": "money",
    "corrections_amount": "money", "revenue": "money", "turnover": "money",
}


def about(company: Any, language: str | None = None) -> Prose:
    """One line that says which company, how many clients and what period (PL: wizytówka firmy).

    Parameters
    ----------
    company : Company
        A loaded company.
    language : {"en", "pl"}, optional
        Default: the company's.

    Returns
    -------
    Prose
        Markdown, e.g. "**TechSerwis IT** · 183 clients · sales 1 Jan 2022 – 31 Dec 2025 ·
        analysis date 31 Dec 2025".
    """
    lang = check_language(language or getattr(company, "language", None))
    tx = company.transactions
    clients = company.customers["customer_id"].nunique() if company.customers is not None else \
        tx["customer_id"].nunique()
    first, last = tx["date"].min(), tx["date"].max()
    if lang == "pl":
        word = "klient" if clients == 1 else "klientów"
        text = (f"**{company.name}** · {count(clients, 'pl')} {word} · sprzedaż {date(first, 'pl')} – "
                f"{date(last, 'pl')} · data analizy {date(company.analysis_date, 'pl')}")
    else:
        text = (f"**{company.name}** · {count(clients, 'en')} clients · sales {date(first, 'en')} – "
                f"{date(last, 'en')} · analysis date {date(company.analysis_date, 'en')}")
    return Prose(text)


def facts(table: pd.DataFrame, language: str | None = "en", currency: str = "PLN", caption: str = "") -> Table:
    """A (measure, value) table with each value formatted by its measure's kind (PL: kluczowe fakty).

    Parameters
    ----------
    table : pandas.DataFrame
        Columns ``measure`` (catalogue keys) and ``value``, e.g. from
        :func:`salesnb.overview.summary`.
    language : {"en", "pl"}, default "en"
    currency : str, default "PLN"
    caption : str, default ""

    Returns
    -------
    Table
    """
    lang = check_language(language)
    shown = pd.DataFrame({
        "measure": [LABELS[m][lang] if m in LABELS else m for m in table["measure"]],
        "value": [fmt(v, FACT_KINDS.get(m) or kind_of(m, pd.Series([v])), lang, currency)
                  for m, v in zip(table["measure"], table["value"], strict=True)],
    })
    return show(shown, lang, kinds={"measure": "text", "value": "text"}, caption=caption, max_rows=None,
                right=("value",))
