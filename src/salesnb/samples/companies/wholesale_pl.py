"""Hurtownia Gałązka, a wholesale distributor with seasonal clients (PL: hurtownia z klientami sezonowymi).

Household chemicals, garden articles, fuel, Christmas decorations and dry groceries; garden
centres, fuel depots and Christmas stalls buy only in their season, so the lifecycle window W
must match the purchase frequency (practical exercise 1 of *Working with clients*). Ships in
Polish conventions (``language: pl``, cp1250, ``;``, decimal comma, Polish headers); Kano
answers in Polish words.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..engine import build, check_seed_scale
from ..model import Group, SampleCompany
from ..vocabulary import CITIES, CITY_REGION, FORMS_PL, pick

__all__ = ["WH_SEGMENTS", "spec", "wholesale_pl"]

#: Grupy docelowe hurtowni i portret idealnego klienta (target groups and the ideal client
#: portrait), by the client type in ``klienci.csv``: each group is meant to buy more lines than
#: it does (Christmas decorations for shops and garden centres, fuel for garden centres).
WH_SEGMENTS: dict[str, Any] = {
    "segments": [
        {"id": "sklepy", "name": {"pl": "Sklepy spożywcze i wielobranżowe", "en": "Grocery and general stores"},
         "rules": {"client_type": ["sklep spożywczy", "sklep wielobranżowy"]}},
        {"id": "drogerie", "name": {"pl": "Drogerie", "en": "Drugstores"},
         "rules": {"client_type": "drogeria"}},
        {"id": "ogrodnicze", "name": {"pl": "Centra i sklepy ogrodnicze", "en": "Garden centres and shops"},
         "rules": {"client_type": ["centrum ogrodnicze", "sklep ogrodniczy"]}},
        {"id": "sezonowi",
         "name": {"pl": "Składy opału i stoiska świąteczne", "en": "Fuel depots and Christmas stalls"},
         "rules": {"client_type": ["skład opału", "stoisko świąteczne"]}},
        {"id": "horeca", "name": {"pl": "Hotele i restauracje", "en": "Hotels and restaurants"},
         "rules": {"client_type": "hotel/restauracja"}},
        {"id": "hurtownie", "name": {"pl": "Hurtownie regionalne", "en": "Regional wholesalers"},
         "rules": {"client_type": "hurtownia regionalna"}},
    ],
    "portrait": {
        "sklepy": ["Chemia gospodarcza", "Artykuły spożywcze suche", "Artykuły ogrodnicze", "Dekoracje świąteczne"],
        "drogerie": ["Chemia gospodarcza", "Dekoracje świąteczne"],
        "ogrodnicze": ["Artykuły ogrodnicze", "Chemia gospodarcza", "Opał i ogrzewanie", "Dekoracje świąteczne"],
        "sezonowi": ["Opał i ogrzewanie", "Dekoracje świąteczne"],
        "horeca": ["Chemia gospodarcza", "Artykuły spożywcze suche"],
        "hurtownie": ["Chemia gospodarcza", "Artykuły ogrodnicze", "Opał i ogrzewanie", "Dekoracje świąteczne",
                      "Artykuły spożywcze suche"],
    },
}


def _wh_attrs(types: Sequence[str]) -> Callable[[np.random.Generator, int], dict[str, Any]]:
    def attrs(rng: np.random.Generator, n: int) -> dict[str, Any]:
        city = pick(rng, CITIES, n)
        return {"city": city, "region": [CITY_REGION[c] for c in city], "client_type": pick(rng, types, n)}
    return attrs


def spec() -> dict[str, Any]:
    """The Hurtownia Gałązka spec (PL: specyfikacja firmy) for :func:`salesnb.samples.engine.build`.

    Returns
    -------
    dict
        A fresh spec (the engine writes into it, so each generation needs its own).
    """
    L = ["Chemia gospodarcza", "Artykuły ogrodnicze", "Opał i ogrzewanie", "Dekoracje świąteczne",
         "Artykuły spożywcze suche"]
    sp = ("Grażyna Wójtowicz", "Łukasz Żmuda", "Bartłomiej Kędzierski", "Małgorzata Ślusarczyk")
    G = Group
    shops = ("Sklep Spożywczy", "Delikatesy", "Sklep Wielobranżowy", "Market", "Sklep „Pod Lipą”")
    return dict(
        key="wholesale_pl", salt=3, prefix="HG", name="Hurtownia Gałązka sp. z o.o.",
        description=("Hurtownia (dystrybutor) chemii gospodarczej, artykułów ogrodniczych, opału, dekoracji "
                     "świątecznych i artykułów spożywczych; klienci sezonowi: centra ogrodnicze, składy opału, "
                     "stoiska świąteczne."),
        language="pl", conventions="pl", start="2021-01", as_of="2025-12-31", unit="szt.",
        salespeople=sp, leaver=None, forms=FORMS_PL, correction_share=0.015,
        catalog=[
            ("Płyn do naczyń 1 l", L[0], 4.2, 0.18, 2.0, "szt."),
            ("Proszek do prania 3 kg", L[0], 24.5, 0.15, 1.5, "szt."),
            ("Ręczniki papierowe 2 rolki", L[0], 6.8, 0.20, 1.5, "opak."),
            ("Środek do czyszczenia łazienek", L[0], 8.9, 0.22, 1.0, "szt."),
            ("Worki na śmieci 60 l", L[0], 5.5, 0.25, 1.0, "rolka"),
            ("Nawóz uniwersalny 5 kg", L[1], 32.0, 0.25, 1.5, "worek"),
            ("Ziemia do kwiatów 50 l", L[1], 14.5, 0.30, 2.0, "worek"),
            ("Nasiona trawy 1 kg", L[1], 29.0, 0.30, 1.0, "opak."),
            ("Wąż ogrodowy 20 m", L[1], 59.0, 0.22, 0.6, "szt."),
            ("Sekator ogrodowy", L[1], 45.0, 0.28, 0.6, "szt."),
            ("Węgiel workowany 25 kg", L[2], 48.0, 0.12, 2.0, "worek"),
            ("Pellet drzewny 15 kg", L[2], 27.0, 0.10, 1.5, "worek"),
            ("Brykiet drzewny 10 kg", L[2], 19.0, 0.14, 1.0, "worek"),
            ("Rozpałka do grilla i kominka", L[2], 7.5, 0.30, 0.8, "opak."),
            ("Lampki choinkowe LED", L[3], 39.0, 0.35, 1.5, "szt."),
            ("Bombki szklane 6 szt.", L[3], 24.0, 0.40, 1.5, "opak."),
            ("Łańcuch świąteczny", L[3], 12.0, 0.40, 1.0, "szt."),
            ("Choinka sztuczna 180 cm", L[3], 189.0, 0.30, 0.5, "szt."),
            ("Mąka pszenna 1 kg", L[4], 3.2, 0.08, 1.5, "szt."),
            ("Cukier biały 1 kg", L[4], 4.1, 0.06, 1.5, "szt."),
            ("Kasza gryczana 1 kg", L[4], 7.9, 0.12, 1.0, "szt."),
            ("Herbata czarna 100 szt.", L[4], 11.5, 0.20, 1.0, "opak."),
        ],
        groups=[
            G("grocery shops, steady deliveries (stable)", 36, "regular", "stable", base=(9.0, 0.5),
              lines=(L[0], L[4]), attrs=_wh_attrs(("sklep spożywczy",)), names=shops, extra_lines=0.4),
            G("drugstores, pre-Christmas peak (seasonal)", 14, "regular", "seasonal", base=(9.0, 0.4), peak=12,
              lines=(L[0],), attrs=_wh_attrs(("drogeria",)), names=("Drogeria", "Perfumeria", "Chemia"),
              extra_lines=0.5),
            G("garden centres, buy March-July", 10, "natural", "in_season", base=(9.6, 0.4),
              season=(3, 4, 5, 6, 7), peak=5, lines=(L[1],), attrs=_wh_attrs(("centrum ogrodnicze",)),
              names=("Centrum Ogrodnicze", "Szkółka Roślin", "Ogrody"), extra_lines=1.2),
            G("fuel depots, buy September-March", 8, "natural", "in_season", base=(9.8, 0.4),
              season=(9, 10, 11, 12, 1, 2, 3), peak=12, lines=(L[2],), attrs=_wh_attrs(("skład opału",)),
              names=("Skład Opału", "Opał-Bud", "Węglopol"), extra_lines=1.0),
            G("Christmas stalls, buy October-December", 8, "natural", "in_season", base=(9.2, 0.4),
              season=(10, 11, 12), peak=12, lines=(L[3],), attrs=_wh_attrs(("stoisko świąteczne",)),
              names=("Stoisko Świąteczne", "Jarmark", "Dekoracje"), extra_lines=1.0),
            G("garden and DIY shops, spring peak (seasonal)", 14, "regular", "seasonal", base=(9.0, 0.4), peak=5,
              lines=(L[1], L[0]), min_lines=2, attrs=_wh_attrs(("sklep ogrodniczy",)),
              names=("Sklep Ogrodniczy", "Market Budowlany", "Zielony Zakątek"), extra_lines=0.5),
            G("shops and regional wholesalers", 16, "regular", "steady", base=(9.0, 0.5),
              lines=(L[0], L[1], L[4]),
              attrs=_wh_attrs(("sklep wielobranżowy", "sklep spożywczy", "hurtownia regionalna")),
              names=shops + ("Hurtownia",), extra_lines=0.6),
            G("hotels and restaurants, irregular (erratic)", 12, "regular", "erratic", base=(8.8, 0.5),
              lines=(L[0], L[4]), attrs=_wh_attrs(("hotel/restauracja",)),
              names=("Hotel", "Restauracja", "Zajazd", "Pensjonat"),
              extra_lines=0.8),
            G("new clients", 10, "new", "steady", base=(9.0, 0.5), lines=(L[0], L[1], L[4]),
              attrs=_wh_attrs(("sklep wielobranżowy", "sklep spożywczy")), names=shops, extra_lines=1.0,
              salespeople={"Łukasz Żmuda": 4.0}, cover=True),
            G("restored clients", 10, "restored", "steady", base=(9.0, 0.5), lines=(L[0], L[4]),
              attrs=_wh_attrs(("sklep wielobranżowy", "sklep spożywczy")), names=shops, extra_lines=0.7),
            G("lost clients", 25, "lost", "steady", base=(8.8, 0.5), lines=(L[0], L[1], L[4]),
              attrs=_wh_attrs(("sklep wielobranżowy", "sklep spożywczy", "hotel/restauracja")), names=shops,
              extra_lines=0.8, salespeople={"Bartłomiej Kędzierski": 3.0}),
            G("leads that never bought", 22, "potential", base=(9.0, 0.5),
              attrs=_wh_attrs(("sklep wielobranżowy", "sklep spożywczy", "hotel/restauracja", "centrum ogrodnicze")),
              names=shops + ("Hotel", "Centrum Ogrodnicze")),
        ],
        deal_stages=("enquiry", "offer", "negotiation", "first_order"),
        refusal_weights=(0.3, 0.35, 0.25, 0.1),
        refusal_reasons={
            "enquiry": ("brak zainteresowania", "ma stałego dostawcę"),
            "offer": ("cena za wysoka", "wybrał konkurencję", "za wysokie minimum logistyczne"),
            "negotiation": ("brak zgody na odroczony termin płatności", "brak zgody na limit kupiecki"),
            "first_order": ("zamówienie anulowane", "towar niedostępny"),
        },
        kano_features=[
            ("Dostawa następnego dnia", "O", "M"),
            ("Sklep internetowy B2B", "A", "O"),
            ("Śledzenie przesyłki", "A", "M"),
            ("Faktura elektroniczna", "M", "M"),
            ("Kompletność dostaw", "M", "M"),
            ("Odroczony termin płatności", "O", "O"),
            ("Doradztwo sezonowe", "A", "A"),
            ("Gadżety reklamowe", "I", "I"),
            ("Odbiór palet zwrotnych", "I", "I"),
        ],
        kano_waves=(("2024-H1", "2024-04-15", 70), ("2025-H2", "2025-10-20", 80)),
        kano_words="pl", kano_segment="attr:client_type",
        criteria=[
            ("Dostawa następnego dnia", 3.9, -0.2), ("Kompletność dostaw", 3.8, -0.1),
            ("Sklep internetowy B2B", 3.3, 0.2), ("Obsługa handlowca", 4.2, 0.0), ("Ceny", 3.5, 0.0),
            ("Jakość towaru", 4.1, 0.0),
        ],
        contact_rate=0.12, channel_p=(0.55, 0.4, 0.05), deal_rate=0.3, survey_share=0.5, cross_sell=3,
        segments=WH_SEGMENTS,
        notes=[
            "Garden centres buy from March to July: in December the 3-month window sees them as lost. "
            "Christmas stalls buy from October to December: every December they look restored. With "
            "W = 12 months (practical exercise 1: match W to the purchase frequency) both are regular.",
            "Łukasz Żmuda brings most new clients; Bartłomiej Kędzierski has lost the most.",
            "Grocery shops with steady deliveries are stable (X); drugstores (December peak) and garden "
            "and DIY shops (May peak) are seasonal (Y); garden centres, fuel depots and Christmas stalls, "
            "which buy only in season, are erratic (Z) by the CV.",
            "Grupy docelowe (target groups) follow the client type; the portrait means more lines for "
            "each group than it buys (Christmas decorations for shops, fuel and decorations for garden "
            "centres): the cross-sell list's material.",
            "'Dostawa następnego dnia' (next-day delivery) moved from performance (O, PL: wymaganie "
            "świadome) to basic (M, PL: podstawowe) while its satisfaction score falls year by year.",
        ],
    )


def wholesale_pl(seed: int = 0, scale: float = 1.0) -> SampleCompany:
    """Hurtownia Gałązka: a wholesale distributor with seasonal clients (PL: hurtownia).

    Ships in Polish conventions (``language: pl``, cp1250, ``;``, decimal comma, Polish
    headers); garden centres, fuel depots and Christmas stalls buy only in their season. Kano
    answers in Polish words ("podoba mi się", "oczekuję tego", ...).

    Parameters
    ----------
    seed : int, default 0
        Random seed: the same seed gives identical tables, another seed another company with
        the same story.
    scale : float, default 1.0
        Multiplies the number of clients in every group (about 7,200 transactions per unit).

    Returns
    -------
    SampleCompany

    Raises
    ------
    ParameterError
        If ``seed`` is not a whole number >= 0 or ``scale`` is not a number > 0.
    """
    seed, scale = check_seed_scale(seed, scale, "salesnb.samples.wholesale_pl")
    return build(spec(), seed, scale)
