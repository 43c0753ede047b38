"""Sample companies: a deterministic, seedable generator (PL: generator przykładowych firm).

Three companies (:data:`SAMPLES`), each with at least three years of history and the stories
of the articles planted in it: clients that are new, regular, lost and restored at the as-of
date (the client lifecycle of *Working with clients*, PL: cykl życia klienta; window W = 3
months), leads that never bought (potential clients, PL: klienci potencjalni), stable, seasonal
and erratic buyers in substantial numbers (XYZ, PL: analiza XYZ; A clients in each class),
several sales managers and product lines (each active manager wins new clients, sells again and
opens new product lines for regular clients in the last full quarter, PL: sprzedaż pierwotna w
nowych kierunkach), corrections (credit notes, PL: faktury korygujące), a Kano survey in two
waves in which some features moved category (*Kano model and good practices*, PL: ankieta
Kano), a satisfaction survey, deals through the company's sales stages with refusals (PL: lejek
sprzedaży) and enquiries with answer times (PL: standardy obsługi):

- ``it_services``: TechSerwis IT, an IT services company modelled on Example 3 of *Working
  with clients*, with its eight target groups in ``segments.yml``;
- ``event_agency``: Eventa, an event agency with the sales stages presentation, offer,
  agreement, payment, event, closing and refusals at each stage;
- ``wholesale_pl``: Hurtownia Gałązka, a wholesale distributor with seasonal clients, written in
  Polish conventions (cp1250, ``;``, decimal comma, Polish headers, ``language: pl``).

``generate(name, seed=0, scale=1.0)`` returns a :class:`SampleCompany` (canonical column names
and dtypes); ``write_company`` writes it as a company folder in the data contract, in English or
Polish file conventions; ``write_samples`` regenerates ``data/samples``;
``python -m salesnb.samples [--out DIR]`` (or ``salesnb samples``) does the same from the
command line. ``benchmark_transactions`` makes large synthetic datasets (millions of rows) for
benchmarks.

Modules:

- :mod:`~salesnb.samples.model`: :class:`SampleCompany`, the client groups, statuses and
  buying patterns;
- :mod:`~salesnb.samples.engine`: ``build``, from a company spec to its tables;
- :mod:`~salesnb.samples.activities`: deals, enquiries, satisfaction and Kano answers;
- :mod:`~salesnb.samples.companies`: one spec per company (``it_services``, ``event_agency``,
  ``wholesale_pl``);
- :mod:`~salesnb.samples.registry`: :data:`SAMPLES` and :func:`generate`;
- :mod:`~salesnb.samples.writer`: CSV text and company folders (:func:`write_company`);
- :mod:`~salesnb.samples.readme`: the README of ``data/samples``;
- :mod:`~salesnb.samples.regenerate`: :func:`write_samples` and the command line;
- :mod:`~salesnb.samples.benchmark`: :func:`benchmark_transactions`;
- :mod:`~salesnb.samples.vocabulary`, :mod:`~salesnb.samples.workdays`: names and working days;
- :mod:`~salesnb.samples.compat`: deprecated ``lifecycle_status``, ``lifecycle_counts``,
  ``xyz_classes`` (use :func:`salesnb.lifecycle.statuses` and :func:`salesnb.abcxyz.xyz`).
"""
from __future__ import annotations

from .activities import KANO_WORDS
from .benchmark import benchmark_transactions
from .companies.event_agency import event_agency
from .companies.it_services import IT_SEGMENTS, it_services
from .companies.wholesale_pl import wholesale_pl
from .compat import lifecycle_counts, lifecycle_status, xyz_classes
from .model import STATUSES, SampleCompany
from .readme import readme_text
from .regenerate import main, write_samples
from .registry import SAMPLES, generate
from .writer import (
    CONVENTIONS,
    DATETIME_COLUMNS,
    MONEY_COLUMNS,
    PL_FILES,
    PL_HEADERS,
    TABLE_ORDER,
    company_config,
    table_text,
    write_company,
)

__all__ = [
    "CONVENTIONS",
    "DATETIME_COLUMNS",
    "IT_SEGMENTS",
    "KANO_WORDS",
    "MONEY_COLUMNS",
    "PL_FILES",
    "PL_HEADERS",
    "SAMPLES",
    "STATUSES",
    "TABLE_ORDER",
    "SampleCompany",
    "benchmark_transactions",
    "company_config",
    "event_agency",
    "generate",
    "it_services",
    "lifecycle_counts",
    "lifecycle_status",
    "main",
    "readme_text",
    "table_text",
    "wholesale_pl",
    "write_company",
    "write_samples",
    "xyz_classes",
]
