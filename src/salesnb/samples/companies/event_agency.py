"""Eventa, an event agency with the articles' sales stages (PL: agencja eventowa z etapami sprzedaży).

Deals go through presentation, offer, agreement, payment, event and closing, the sales process
of *Working with clients*, with refusals at every stage (PL: lejek sprzedaży); Christmas-party
clients peak in December, event-staffing retainers are the stable clients, one-off events make
most others erratic. Kano answers in English words; English file conventions.
"""
from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..engine import build, check_seed_scale
from ..model import Group, SampleCompany
from ..vocabulary import CITIES, FORMS_PL, pick

__all__ = ["EV_SEGMENTS", "event_agency", "spec"]

#: The agency's target groups and ideal client portrait. Large pharma and banking companies
#: match the first two groups (the overlap the report shows); no client is a university yet (a
#: group with no client, reported too); agencies are partners, outside the target groups.
EV_SEGMENTS: dict[str, Any] = {
    "segments": [
        {"id": "large_corporates", "name": {"en": "Large corporations", "pl": "Duże korporacje"},
         "rules": {"client_type": "corporate", "employees": ">=1000"}},
        {"id": "pharma_finance", "name": {"en": "Pharma and banking", "pl": "Farmacja i bankowość"},
         "rules": {"client_type": "corporate", "industry": ["pharma", "banking"]}},
        {"id": "companies", "name": {"en": "Other companies", "pl": "Pozostałe firmy"},
         "rules": {"client_type": "corporate", "industry": ["IT", "FMCG", "automotive", "energy", "media"],
                   "employees": "<1000"}},
        {"id": "public_sector", "name": {"en": "Public institutions", "pl": "Instytucje publiczne"},
         "rules": {"client_type": "public institution"}},
        {"id": "associations", "name": {"en": "Associations and foundations", "pl": "Stowarzyszenia i fundacje"},
         "rules": {"client_type": "association"}},
        {"id": "universities", "name": {"en": "Universities", "pl": "Uczelnie"},
         "rules": {"client_type": "university"}},
    ],
    "portrait": {
        "large_corporates": ["Conferences", "Corporate parties", "Team building", "Trade fair stands",
                             "Event staffing"],
        "pharma_finance": ["Conferences", "Corporate parties", "Team building", "Event staffing"],
        "companies": ["Corporate parties", "Team building", "Conferences"],
        "public_sector": ["Conferences", "Trade fair stands", "Event staffing"],
        "associations": ["Conferences", "Event staffing"],
        "universities": ["Conferences", "Trade fair stands"],
    },
}


def _ev_attrs(client_type: Sequence[str] | None = None) -> Callable[[np.random.Generator, int], dict[str, Any]]:
    def attrs(rng: np.random.Generator, n: int) -> dict[str, Any]:
        ct = pick(rng, ("corporate", "public institution", "association", "agency"), n, (0.6, 0.15, 0.1, 0.15)) \
            if client_type is None else pick(rng, client_type, n)
        return {
            "city": pick(rng, CITIES, n),
            "client_type": ct,
            "industry": [("public administration" if c == "public institution" else
                          pick(rng, ("pharma", "banking", "IT", "FMCG", "automotive", "energy", "media"), 1)[0])
                         for c in ct],
            "employees": [int(x) for x in np.round(rng.lognormal(5.5, 1.2, n)) + 5],
        }
    return attrs


#: The first word of a client's name by its type (and, for companies, its industry): a bank is
#: called a bank, a foundation a foundation, so the target groups read as the names suggest.
_PREFIXES = {"banking": ("Bank",), "pharma": ("Pharma", "Laboratoria"), "corporate": ("Grupa", "Holding", "Polska"),
             "public institution": ("Instytut", "Centrum", "Ośrodek"), "association": ("Fundacja", "Stowarzyszenie"),
             "agency": ("Agencja",)}
#: Client types that have no company legal form in their name.
_NO_FORM = ("public institution", "association")


def _fit_names(plan: pd.DataFrame) -> list[str]:
    """Client names whose first word and legal form fit the client's type and industry.

    Deterministic (the stem's checksum picks among the fitting words; no random draw), so the
    rest of the generated company is unchanged; a clash gets the next fitting word, then a number.
    """
    out: list[str] = []
    taken: set[str] = set()
    for name, ctype, industry in zip(plan["name"], plan["attr:client_type"], plan["attr:industry"], strict=True):
        form = next((f for f in FORMS_PL if name.endswith(" " + f)), "")
        stem = name[len(name.split(" ", 1)[0]) + 1:len(name) - (len(form) + 1 if form else 0)]
        key = industry if ctype == "corporate" and industry in _PREFIXES else ctype
        words = _PREFIXES.get(key, _PREFIXES["corporate"])
        tail = "" if ctype in _NO_FORM or not form else " " + form
        start = zlib.crc32(stem.encode("utf-8")) % len(words)
        candidates = [f"{words[(start + k) % len(words)]} {stem}{tail}" for k in range(len(words))]
        new = next((c for c in candidates if c not in taken), f"{candidates[0]} {len(taken) + 1}")
        taken.add(new)
        out.append(new)
    return out


def spec() -> dict[str, Any]:
    """The Eventa spec (PL: specyfikacja firmy) for :func:`salesnb.samples.engine.build`.

    Returns
    -------
    dict
        A fresh spec (the engine writes into it, so each generation needs its own).
    """
    lines = ["Conferences", "Corporate parties", "Team building", "Trade fair stands", "Event staffing"]
    sp = ("Joanna Lewandowska", "Michał Dudek", "Agnieszka Pietrzak", "Paweł Kaczmarek")
    names = ("Grupa", "Polska", "Holding", "Fundacja", "Instytut", "Agencja", "Centrum", "Bank", "Pharma")
    G = Group
    A = _ev_attrs()
    return dict(
        key="event_agency", salt=2, prefix="EV", name="Eventa Agencja Eventowa",
        description=("Event agency with the sales stages of the article Working with clients: presentation, "
                     "offer, agreement, payment, event, closing, and refusals at each stage."),
        language="en", conventions="en", start="2022-01", as_of="2025-09-30",
        salespeople=sp, leaver=None, forms=FORMS_PL, fit_names=_fit_names,
        catalog=[
            ("Conference organisation", lines[0], 28000, 0.22, 1.0, "event"),
            ("Conference venue booking", lines[0], 9000, 0.12, 0.8, "booking"),
            ("AV equipment rental", lines[0], 4500, 0.30, 1.0, "day"),
            ("Live streaming service", lines[0], 6500, 0.35, 0.6, "event"),
            ("Christmas party", lines[1], 42000, 0.25, 1.0, "event"),
            ("Summer picnic", lines[1], 30000, 0.25, 0.8, "event"),
            ("Anniversary gala", lines[1], 55000, 0.22, 0.3, "event"),
            ("Catering service", lines[1], 12000, 0.15, 1.0, "event"),
            ("Outdoor team building", lines[2], 14000, 0.30, 1.0, "event"),
            ("Escape room event", lines[2], 6000, 0.35, 0.6, "event"),
            ("Workshop day", lines[2], 8000, 0.35, 0.8, "day"),
            ("Stand design", lines[3], 15000, 0.30, 0.8, "project"),
            ("Stand construction", lines[3], 35000, 0.18, 0.8, "project"),
            ("Hostess service", lines[3], 3500, 0.30, 1.0, "day"),
            ("Hostess retainer", lines[4], 6500, 0.28, 1.0, "month"),
            ("Event coordinator retainer", lines[4], 9000, 0.32, 1.0, "month"),
            ("Photo and video service", lines[4], 4200, 0.35, 0.6, "event"),
        ],
        groups=[
            G("event staffing retainers (stable)", 26, "regular", "stable", base=(9.2, 0.4), lines=("Event staffing",),
              attrs=A, names=names, extra_lines=0.3),
            G("Christmas-party clients (seasonal)", 24, "regular", "seasonal", base=(9.6, 0.4), peak=12,
              lines=("Corporate parties", "Team building"), min_lines=2, attrs=A, names=names, extra_lines=0.5),
            G("regular corporate clients", 22, "regular", "steady", base=(9.4, 0.5), attrs=A, names=names,
              extra_lines=0.5),
            G("occasional clients (erratic)", 22, "regular", "erratic", base=(9.6, 0.6), attrs=A, names=names,
              extra_lines=0.5),
            G("new clients", 10, "new", "steady", base=(9.4, 0.5), attrs=A, names=names, extra_lines=0.5,
              salespeople={"Joanna Lewandowska": 6.0}, cover=True),
            G("restored clients", 10, "restored", "steady", base=(9.4, 0.5), attrs=A, names=names, extra_lines=0.5),
            G("lost clients", 20, "lost", "steady", base=(9.4, 0.5), attrs=A, names=names, extra_lines=0.5,
              salespeople={"Paweł Kaczmarek": 3.0}),
            G("lost occasional clients", 12, "lost", "erratic", base=(9.6, 0.6), attrs=A, names=names, extra_lines=0.5,
              salespeople={"Paweł Kaczmarek": 3.0}),
            G("leads that never bought", 35, "potential", base=(9.4, 0.5), attrs=A, names=names),
        ],
        deal_stages=("presentation", "offer", "agreement", "payment", "event", "closing"),
        refusal_weights=(0.3, 0.27, 0.15, 0.1, 0.08, 0.1),
        refusal_reasons={
            "presentation": ("refused the presentation", "no events planned this year", "works with another agency"),
            "offer": ("price too high", "chose a competitor", "offer did not fit the brief"),
            "agreement": ("contract terms not accepted", "several approvers, no decision", "budget cut"),
            "payment": ("prepayment not paid", "refund requested after the prepayment"),
            "event": ("event cancelled by the client", "event postponed indefinitely"),
            "closing": ("dissatisfied after the event", "final invoice disputed"),
        },
        kano_features=[
            ("Live streaming", "A", "O"),
            ("Photo gallery within 24 h", "A", "M"),
            ("Post-event report", "O", "M"),
            ("Single event coordinator", "M", "M"),
            ("All-inclusive fixed price", "O", "O"),
            ("Flexible cancellation", "O", "O"),
            ("Eco-friendly catering", "A", "A"),
            ("Mobile event app", "I", "I"),
            ("VR attractions", "I", "I"),
        ],
        kano_waves=(("2023-H2", "2023-10-15", 60), ("2025-H1", "2025-05-15", 70)),
        kano_words="en", kano_segment="attr:client_type",
        criteria=[
            ("Single event coordinator", 4.2, 0.0), ("Photo gallery within 24 h", 3.6, -0.2),
            ("Catering quality", 4.0, 0.0), ("Post-event report", 3.6, 0.0), ("Value for money", 3.7, -0.1),
            ("Live streaming", 3.7, 0.15),
        ],
        contact_rate=0.25, channel_p=(0.45, 0.5, 0.05), deal_rate=1.2, cross_sell=3, segments=EV_SEGMENTS,
        notes=[
            "Joanna Lewandowska brings most new clients; Paweł Kaczmarek has lost the most.",
            "Refusals happen at every stage; the presentation and the offer lose the most deals, "
            "'refund requested after the prepayment' and 'final invoice disputed' are the late ones.",
            "Target groups: large pharma and banking corporations match two groups (the first, large "
            "corporations, takes them); no client is a university yet; agencies are outside the groups.",
            "The Christmas-party clients peak in December; the event staffing retainers are the "
            "agency's stable (X) clients; one-off events make most other clients erratic (Z).",
        ],
    )


def event_agency(seed: int = 0, scale: float = 1.0) -> SampleCompany:
    """Eventa: the event agency with the articles' sales stages (PL: agencja eventowa z etapami sprzedaży).

    Deals go through presentation, offer, agreement, payment, event and closing, with refusals
    at each stage (the sales funnel, PL: lejek sprzedaży). Kano answers in English words.

    Parameters
    ----------
    seed : int, default 0
        Random seed: the same seed gives identical tables, another seed another company with
        the same story.
    scale : float, default 1.0
        Multiplies the number of clients in every group (about 7,000 transactions per unit).

    Returns
    -------
    SampleCompany

    Raises
    ------
    ParameterError
        If ``seed`` is not a whole number >= 0 or ``scale`` is not a number > 0.
    """
    seed, scale = check_seed_scale(seed, scale, "salesnb.samples.event_agency")
    return build(spec(), seed, scale)
