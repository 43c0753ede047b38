"""Service quality (PL: jakość obsługi klienta): loyalty, satisfaction, the funnel, control points, standards.

Two of the workbook's articles measure the service rather than the client classes:
*Standards and good practices in sales* (a standard is fixed, universal, auditable and
mandatory: "call the client back within 2 hours") and *Professional customer service: is it
worth investing in?* (answer an e-mail within 24 hours; satisfaction comes from the product, the
people and the touchpoints), with the second half of *Working with clients* (loyalty criteria,
the satisfaction survey where a 2 is open and a 3 hidden dissatisfaction to be handled like a
complaint, the sales funnel with refusals by stage, dated control points). This package reads the
company's ``satisfaction``, ``deals`` and ``contacts`` tables (and ``transactions``):

- :mod:`~salesnb.service.setup`: the one parameter set-up path (standards, business hours,
  holidays and intervals from the arguments, else ``company.yml``'s ``service:``, else the
  defaults), the input tables, each client's sales manager;
- :mod:`~salesnb.service.calendar`: business hours and holidays, vectorised;
- :mod:`~salesnb.service.standards`: :func:`response_times`, :func:`compliance`;
- :mod:`~salesnb.service.satisfaction`: :func:`satisfaction_scores`, :func:`clients_to_contact`,
  :func:`surveys_due`;
- :mod:`~salesnb.service.funnel`: :func:`funnel`, :func:`refusals`, :func:`stage_times`,
  :func:`deal_attribution`;
- :mod:`~salesnb.service.loyalty`: :func:`loyalty`, :func:`loyalty_history`;
- :mod:`~salesnb.service.control`: :func:`control_points`, :func:`control_summary`;
- :mod:`~salesnb.service.quality`: :func:`data_checks`;
- :mod:`~salesnb.service.actions`: :func:`next_actions`.

Every decision taken where the articles are silent is in the docstring of the module that takes
it and is pinned by ``tests/test_service.py``.
"""
from __future__ import annotations

from .actions import ACTION_COLUMNS, next_actions
from .control import CONTROL_KINDS, control_points, control_summary
from .funnel import FUNNEL_BY, OUTCOMES, deal_attribution, funnel, refusals, stage_times
from .loyalty import LOYALTY_COLUMNS, loyalty, loyalty_history
from .quality import CHECK_EFFECTS, data_checks
from .satisfaction import SATISFACTION_BY, clients_to_contact, satisfaction_scores, surveys_due
from .setup import CHANNEL_ALIASES, DEFAULTS, UNASSIGNED, channel_key
from .standards import AUDIT_BY, RESPONSE_STATUSES, compliance, response_times

__all__ = [
    "ACTION_COLUMNS",
    "AUDIT_BY",
    "CHANNEL_ALIASES",
    "CHECK_EFFECTS",
    "CONTROL_KINDS",
    "DEFAULTS",
    "FUNNEL_BY",
    "LOYALTY_COLUMNS",
    "OUTCOMES",
    "RESPONSE_STATUSES",
    "SATISFACTION_BY",
    "UNASSIGNED",
    "channel_key",
    "clients_to_contact",
    "compliance",
    "control_points",
    "control_summary",
    "data_checks",
    "deal_attribution",
    "funnel",
    "loyalty",
    "loyalty_history",
    "next_actions",
    "refusals",
    "response_times",
    "satisfaction_scores",
    "stage_times",
    "surveys_due",
]
