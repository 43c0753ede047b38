"""Names for the sample clients: Polish surnames and places, cities, legal forms (PL: słownik nazw).

The company specs (:mod:`salesnb.samples.companies`) draw client names as
"<prefix> <stem> <legal form>" and cities with their voivodeship from here; the engine keeps
every client name in a company distinct (:func:`unique_names`).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["CITIES", "CITY_REGION", "FORMS_PL", "STEMS", "pick", "unique_names"]

#: Polish legal forms (PL: formy prawne) that end a client's name.
FORMS_PL = ("sp. z o.o.", "S.A.", "sp.j.", "sp.k.", "s.c.")

#: Surnames and place names in the middle of a client's name (with Polish letters on purpose).
STEMS = (
    "Kowalczyk", "Wiśniewski", "Dąbrowski", "Żak", "Słowik", "Mazur", "Król", "Łęcki", "Jóźwiak",
    "Wróbel", "Zając", "Górski", "Pawłowski", "Michalak", "Sikora", "Kaźmierczak", "Woźniak",
    "Bąk", "Stępień", "Gołębiowski", "Żurawski", "Cieślak", "Jabłoński", "Rutkowski", "Błaszczyk",
    "Kołodziej", "Szczepański", "Wąsik", "Nowicki", "Sowa", "Grabowski", "Łukasik", "Kęsik",
    "Orzeł", "Śliwa", "Różycki", "Świątek", "Fijałkowski", "Bielecki", "Maćkowiak",
    "Bałtyk", "Karpaty", "Warta", "Wisła", "Mazowsze", "Pomorze", "Śląsk", "Podhale", "Roztocze",
    "Kujawy", "Żuławy", "Warmia", "Bieszczady", "Tatry", "Sudety", "Narew", "Odra", "Noteć",
)
#: City -> voivodeship (PL: województwo).
CITY_REGION = {
    "Warszawa": "mazowieckie", "Kraków": "małopolskie", "Łódź": "łódzkie", "Wrocław": "dolnośląskie",
    "Poznań": "wielkopolskie", "Gdańsk": "pomorskie", "Szczecin": "zachodniopomorskie",
    "Bydgoszcz": "kujawsko-pomorskie", "Lublin": "lubelskie", "Białystok": "podlaskie", "Katowice": "śląskie",
    "Gdynia": "pomorskie", "Częstochowa": "śląskie", "Radom": "mazowieckie", "Toruń": "kujawsko-pomorskie",
    "Kielce": "świętokrzyskie", "Rzeszów": "podkarpackie", "Gliwice": "śląskie", "Olsztyn": "warmińsko-mazurskie",
    "Zielona Góra": "lubuskie", "Opole": "opolskie", "Bielsko-Biała": "śląskie", "Płock": "mazowieckie",
    "Elbląg": "warmińsko-mazurskie", "Łomża": "podlaskie", "Żyrardów": "mazowieckie", "Świdnica": "dolnośląskie",
}
#: The cities of :data:`CITY_REGION`, in its order.
CITIES = tuple(CITY_REGION)


def pick(rng: np.random.Generator, values: Sequence[Any], n: int, p: Sequence[float] | None = None) -> list:
    """``n`` values drawn with replacement (PL: losowanie wartości), with weights ``p``.

    Parameters
    ----------
    rng : numpy.random.Generator
        The company's random generator (one draw of ``n`` indices).
    values : sequence
        What to draw from.
    n : int
        How many values.
    p : sequence of float, optional
        Weights, one per value (normalised here); equal weights if omitted.

    Returns
    -------
    list
        The drawn values.
    """
    idx = rng.choice(len(values), size=n, p=None if p is None else np.asarray(p) / np.sum(p))
    return [values[i] for i in idx]


def unique_names(rng: np.random.Generator, n: int, prefixes: Sequence[str], stems: Sequence[str],
                 forms: Sequence[str], taken: set[str]) -> list[str]:
    """``n`` distinct client names "<prefix> <stem> <form>" (PL: unikalne nazwy klientów).

    Parameters
    ----------
    rng : numpy.random.Generator
        The company's random generator.
    n : int
        How many names.
    prefixes, stems, forms : sequence of str
        The three parts of a name, each drawn uniformly.
    taken : set of str
        Names already used in the company; the new names are not among them and are added to it.
        After 20 clashes in one call (the parts' combinations running out, as in a company
        generated at a large scale) a number is appended to make each further name unique.

    Returns
    -------
    list of str
        The new names, in drawing order.
    """
    out: list[str] = []
    tries = 0
    while len(out) < n:
        name = (f"{prefixes[rng.integers(len(prefixes))]} {stems[rng.integers(len(stems))]} "
                f"{forms[rng.integers(len(forms))]}")
        tries += 1
        if tries > n + 20:
            name = f"{name} {len(taken) + 1}"
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out
