"""KPIs per sales manager and per client for a period (PL: wskaźniki menedżerów i klientów).

The article *Working with clients* judges sales managers by KPIs built on the client lifecycle
(clients in the initial phase, primary sales to new clients, conversion of first contacts,
repeat sales within a product line, primary sales in new directions, class changes, lost and
restored clients) and ends with two tables for a period: per sales manager and per client.
:mod:`~salesnb.kpis.period` gathers the facts of a period (statuses at its start and end,
crediting, sale kinds), :mod:`~salesnb.kpis.tables` builds the two tables. Every rule and every
decision where the article is silent is on :func:`manager_kpis`.
"""
from __future__ import annotations

from .tables import (
    CLIENT_KPI_COLUMNS,
    KPI_GROUPS,
    MANAGER_KPI_COLUMNS,
    UNASSIGNED,
    client_kpis,
    idle_managers,
    label_kpis,
    manager_kpis,
)

__all__ = [
    "CLIENT_KPI_COLUMNS",
    "KPI_GROUPS",
    "MANAGER_KPI_COLUMNS",
    "UNASSIGNED",
    "client_kpis",
    "idle_managers",
    "label_kpis",
    "manager_kpis",
]
