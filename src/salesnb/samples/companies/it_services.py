"""TechSerwis IT, an IT services company (PL: firma usług IT), modelled on Example 3 of *Working with clients*.

Accounting software, licences, IT support, security and hardware sold to the article's eight
target groups, defined as rules over the customers' "from birth" parameters in ``segments.yml``
(:data:`IT_SEGMENTS`) with the ideal client portrait (the product lines each group buys). A
sales manager left mid-history and his clients passed to a colleague. Kano answers as codes
1-5; English file conventions.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from ..engine import build, check_seed_scale
from ..model import Group, SampleCompany
from ..vocabulary import CITIES, FORMS_PL

__all__ = ["IT_SEGMENTS", "it_services", "spec"]

#: Example 3's target groups (*Working with clients*) as rules over the customers' attributes.
IT_SEGMENTS: dict[str, Any] = {
    "segments": [
        {"id": "large_production",
         "name": {"en": "Large production enterprises", "pl": "Duże przedsiębiorstwa produkcyjne"},
         "rules": {"industry": "production", "has_branches": True, "employees": ">1000"}},
        {"id": "large_trade_b2b",
         "name": {"en": "Large B2B trading companies", "pl": "Duże przedsiębiorstwa handlowe B2B"},
         "rules": {"industry": "trade", "has_branches": True, "employees": ">1000", "main_client_type": "B2B"}},
        {"id": "large_retail_b2c", "name": {"en": "Large B2C retailers", "pl": "Duzi handlowcy B2C"},
         "rules": {"industry": "trade", "has_branches": True, "employees": ">1000", "main_client_type": "B2C"}},
        {"id": "public_catering", "name": {"en": "Public catering chains", "pl": "Sieci gastronomiczne"},
         "rules": {"activity_type": "catering", "has_branches": True, "employees": ">500"}},
        {"id": "sme_trade", "name": {"en": "SME trading companies", "pl": "Małe i średnie przedsiębiorstwa handlowe"},
         "rules": {"industry": "trade", "employees": "<150", "main_client_type": "B2B"}},
        {"id": "sme_production", "name": {"en": "SME production companies", "pl": "Zakłady produkcyjne MŚP"},
         "rules": {"industry": "production", "employees": "<150"}},
        {"id": "education", "name": {"en": "Education", "pl": "Edukacja"},
         "rules": {"industry": "education", "founded": ">1990"}},
        {"id": "small_retail", "name": {"en": "Small retail clients", "pl": "Mali klienci detaliczni"},
         "rules": {"main_client_type": "B2C", "employees": "<20"}},
    ],
    "portrait": {
        "large_production": ["Accounting software", "Licences", "IT support", "Security", "Hardware"],
        "large_trade_b2b": ["Accounting software", "Licences", "IT support", "Security"],
        "large_retail_b2c": ["Accounting software", "Licences", "Security", "Hardware"],
        "public_catering": ["Accounting software", "IT support", "Hardware"],
        "sme_trade": ["Accounting software", "Licences", "IT support"],
        "sme_production": ["Accounting software", "IT support", "Hardware"],
        "education": ["Licences", "Security", "Hardware"],
        "small_retail": ["Accounting software", "Hardware"],
    },
}


def _it_attrs(segment: str, rng: np.random.Generator) -> dict[str, Any]:
    """Example 3's "from birth" parameters for one client of a target group."""
    r = rng.integers
    if segment == "outside":
        kind = int(r(4))
        segment = ("old_school", "mid_production", "logistics", "mid_trade")[kind]
    table = {
        "large_production": ("production", "manufacturing", True, (1001, 6000), "B2B", (1950, 2012)),
        "large_trade_b2b": ("trade", "wholesale", True, (1001, 4000), "B2B", (1989, 2015)),
        "large_retail_b2c": ("trade", "retail", True, (1001, 9000), "B2C", (1990, 2012)),
        "public_catering": ("services", "catering", True, (501, 2500), "B2C", (1992, 2018)),
        "sme_trade": ("trade", "wholesale", bool(rng.random() < 0.3), (8, 150), "B2B", (1990, 2022)),
        "sme_production": ("production", "manufacturing", bool(rng.random() < 0.25), (8, 150), "B2B", (1982, 2022)),
        "education": ("education", "education", bool(rng.random() < 0.2), (20, 400), "B2C", (1991, 2021)),
        "small_retail": ("trade", "retail", False, (2, 20), "B2C", (1995, 2024)),
        "old_school": ("education", "education", False, (25, 300), "B2C", (1945, 1990)),
        "mid_production": ("production", "manufacturing", False, (150, 1000), "B2B", (1960, 2015)),
        "logistics": ("services", "logistics", bool(rng.random() < 0.5), (30, 400), "B2B", (1993, 2020)),
        "mid_trade": ("trade", "wholesale", False, (150, 1000), "B2B", (1991, 2016)),
    }
    ind, act, br, emp, mct, fnd = table[segment]
    return {"city": CITIES[int(r(len(CITIES)))], "industry": ind, "activity_type": act, "has_branches": br,
            "employees": int(r(*emp)), "main_client_type": mct, "founded": int(r(fnd[0], fnd[1] + 1))}


_IT_NAMES = {
    "large_production": ("Zakłady Mechaniczne", "Fabryka Mebli", "Huta", "Zakłady Chemiczne", "Odlewnia"),
    "large_trade_b2b": ("Dystrybucja", "Hurt-Pol", "Centrala Handlowa", "Grupa Handlowa"),
    "large_retail_b2c": ("Sieć Sklepów", "Markety", "Dom Handlowy", "Galeria Zakupów"),
    "public_catering": ("Restauracje", "Bary Mleczne", "Pizzeria Sieć", "Catering"),
    "sme_trade": ("Handel", "Hurtownia", "Przedsiębiorstwo Handlowe", "Import-Eksport"),
    "sme_production": ("Zakład Produkcyjny", "Stolarnia", "Piekarnia Przemysłowa", "Tłocznia", "Drukarnia"),
    "education": ("Szkoła Językowa", "Liceum Prywatne", "Akademia", "Centrum Szkoleń"),
    "small_retail": ("Sklep", "Kwiaciarnia", "Księgarnia", "Apteka", "Salon"),
    "outside": ("Usługi", "Transport", "Spedycja", "Zespół Szkół"),
}


def spec() -> dict[str, Any]:
    """The TechSerwis IT spec (PL: specyfikacja firmy) for :func:`salesnb.samples.engine.build`.

    Returns
    -------
    dict
        A fresh spec (the engine writes into it, so each generation needs its own).
    """
    lines = ["Accounting software", "Licences", "IT support", "Security", "Hardware"]
    sp = ("Anna Nowak", "Piotr Wiśniewski", "Katarzyna Wójcik", "Tomasz Kamiński", "Marek Zieliński")
    G = Group
    return dict(
        key="it_services", salt=1, prefix="IT", name="TechSerwis IT",
        description=("IT services company modelled on Example 3 of the article Working with clients: "
                     "accounting software, licences, IT support, security and hardware for the eight target groups."),
        language="en", conventions="en", start="2022-01", as_of="2025-12-31",
        salespeople=sp, leaver=("Marek Zieliński", "2024-06-30", "Katarzyna Wójcik"),
        forms=FORMS_PL,
        catalog=[
            ("Accounting suite licence", lines[0], 4800, 0.30, 1.0, "licence"),
            ("Payroll and HR module", lines[0], 2900, 0.30, 0.8, "licence"),
            ("Accounting software subscription", lines[0], 450, 0.45, 2.0, "month"),
            ("Implementation day", lines[0], 1600, 0.40, 1.0, "day"),
            ("Microsoft 365 Business Standard", lines[1], 62, 0.12, 2.0, "user-month"),
            ("Windows Server licence", lines[1], 4200, 0.10, 0.6, "licence"),
            ("CAD software licence", lines[1], 9800, 0.12, 0.4, "licence"),
            ("Database licence", lines[1], 6500, 0.11, 0.4, "licence"),
            ("Support subscription", lines[2], 1800, 0.50, 2.0, "month"),
            ("Helpdesk hour", lines[2], 180, 0.55, 1.5, "hour"),
            ("On-site visit", lines[2], 450, 0.45, 1.0, "visit"),
            ("Firewall as a service", lines[3], 890, 0.40, 1.0, "month"),
            ("Backup service", lines[3], 650, 0.45, 1.2, "month"),
            ("Antivirus licence", lines[3], 95, 0.25, 1.5, "licence"),
            ("Security audit", lines[3], 7500, 0.50, 0.4, "audit"),
            ("Laptop", lines[4], 4200, 0.08, 1.5, "pcs"),
            ("Workstation", lines[4], 5600, 0.08, 0.8, "pcs"),
            ("Server", lines[4], 18500, 0.10, 0.3, "pcs"),
            ("Network switch", lines[4], 2300, 0.12, 0.6, "pcs"),
            ("Printer", lines[4], 1500, 0.10, 0.6, "pcs"),
        ],
        segment_mix={"large_production": 0.12, "large_trade_b2b": 0.08, "large_retail_b2c": 0.07,
                     "public_catering": 0.07, "sme_trade": 0.2, "sme_production": 0.18, "education": 0.1,
                     "small_retail": 0.1, "outside": 0.08},
        segment_base={"large_production": 9.6, "large_trade_b2b": 9.5, "large_retail_b2c": 9.5,
                      "public_catering": 9.1, "sme_trade": 8.3, "sme_production": 8.3, "education": 8.1,
                      "small_retail": 7.3, "outside": 8.0},
        segment_attrs=_it_attrs, segment_names=_IT_NAMES, segments=IT_SEGMENTS,
        groups=[
            G("support subscriptions (stable)", 36, "regular", "stable", base=(0, 0.4), extra_lines=0.5),
            G("year-end budget buyers (seasonal)", 28, "regular", "seasonal", base=(0, 0.4), peak=12),
            G("regular clients", 28, "regular", "steady", base=(0, 0.5)),
            G("occasional buyers (erratic)", 12, "regular", "erratic", base=(0, 0.5)),
            G("new clients", 10, "new", "steady", base=(0, 0.5), salespeople={"Tomasz Kamiński": 5.0}, cover=True),
            G("restored clients", 9, "restored", "steady", base=(0, 0.5), salespeople={"Anna Nowak": 4.0}),
            G("lost clients", 24, "lost", "steady", base=(0, 0.5), salespeople={"Piotr Wiśniewski": 3.0}),
            G("lost occasional buyers", 8, "lost", "erratic", base=(0, 0.5), salespeople={"Piotr Wiśniewski": 3.0}),
            G("leads that never bought", 28, "potential", base=(0, 0.5)),
        ],
        deal_stages=("presentation", "demo", "offer", "agreement", "implementation"),
        refusal_weights=(0.3, 0.22, 0.28, 0.14, 0.06),
        refusal_reasons={
            "presentation": ("no budget", "not the right time", "happy with the current supplier"),
            "demo": ("software too complex", "a required feature is missing", "decision-maker absent"),
            "offer": ("price too high", "chose a competitor", "longer payment terms expected"),
            "agreement": ("contract terms not accepted", "project postponed"),
            "implementation": ("implementation cancelled", "key user left the client"),
        },
        kano_features=[
            ("Support response time", "O", "M"),
            ("Mobile approval app", "A", "O"),
            ("Remote desktop support", "A", "M"),
            ("Automatic legal updates", "M", "M"),
            ("Data backup included", "M", "M"),
            ("Dedicated account manager", "O", "O"),
            ("Cybersecurity audit", "A", "A"),
            ("Training webinars", "I", "I"),
            ("Branded invoice templates", "I", "I"),
        ],
        kano_waves=(("2024-H1", "2024-03-15", 70), ("2025-H2", "2025-10-15", 80)),
        kano_words=None, kano_segment="segment",
        criteria=[
            ("Support response time", 3.9, -0.35), ("Remote desktop support", 4.0, 0.0),
            ("Automatic legal updates", 4.2, 0.0), ("Mobile approval app", 3.3, 0.2),
            ("Invoice clarity", 3.8, 0.0), ("Consultant competence", 4.3, 0.0),
        ],
        contact_rate=0.3, channel_p=(0.35, 0.45, 0.2), deal_rate=0.6, cross_sell=3,
        notes=[
            "Marek Zieliński left on 2024-06-30; his clients passed to Katarzyna Wójcik "
            "(transactions before that date still carry his name).",
            "Tomasz Kamiński brings most new clients; Piotr Wiśniewski has lost the most.",
            "'Support response time' moved from performance (O) to basic (M) while its satisfaction "
            "score fell year by year: a basic need going unmet, to fix before any delighter.",
            "Support and software subscriptions are the stable (X) clients, year-end budget buyers the "
            "seasonal (Y) ones, project and hardware buyers erratic (Z); A clients are found in all three.",
        ],
    )


def it_services(seed: int = 0, scale: float = 1.0) -> SampleCompany:
    """TechSerwis IT: the IT services company of Example 3 (PL: firma usług IT z przykładu 3).

    Accounting software, licences, IT support, security and hardware sold to the eight target
    groups of Example 3 in *Working with clients*, defined in ``segments.yml`` with the ideal
    client portrait. Kano answers as codes 1-5.

    Parameters
    ----------
    seed : int, default 0
        Random seed: the same seed gives identical tables, another seed another company with
        the same story.
    scale : float, default 1.0
        Multiplies the number of clients in every group (about 6,300 transactions per unit).

    Returns
    -------
    SampleCompany

    Raises
    ------
    ParameterError
        If ``seed`` is not a whole number >= 0 or ``scale`` is not a number > 0.
    """
    seed, scale = check_seed_scale(seed, scale, "salesnb.samples.it_services")
    return build(spec(), seed, scale)
