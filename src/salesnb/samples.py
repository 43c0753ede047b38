"""Sample companies: a deterministic, seedable generator (PL: generator przykładowych firm).

``benchmark_transactions`` makes large synthetic datasets (millions of rows) for benchmarks;
the sample-company generators build the small, story-rich datasets in ``data/samples/``.

Three companies (:data:`SAMPLES`), each with at least three years of history, clients that are
new, regular, lost and restored at the as-of date (lifecycle, PL: cykl życia klienta; window
W = 3 months), leads that never bought (potential clients, PL: klienci potencjalni), stable,
seasonal and erratic buyers in substantial numbers (XYZ, PL: analiza XYZ; A clients in each class),
several sales managers and product lines (each active manager wins new clients, sells again and
opens new product lines for regular clients in the last full quarter, PL: sprzedaż pierwotna
w nowych kierunkach),
corrections (credit notes, PL: faktury korygujące), a Kano survey in two waves in which some
features moved category (PL: ankieta Kano), a satisfaction survey, deals through the company's
sales stages with refusals (PL: lejek sprzedaży) and enquiries with answer times (PL: standardy
obsługi):

- ``it_services``: TechSerwis IT, an IT services company modelled on the articles' Example 3
  (seed 003, lines 254-335) with its eight target groups in ``segments.yml``;
- ``event_agency``: Eventa, an event agency with the sales stages presentation, offer,
  agreement, payment, event, closing (seed 003, lines 780-890) and refusals at each stage;
- ``wholesale_pl``: Hurtownia Gałązka, a wholesale distributor with seasonal clients, written in
  Polish conventions (cp1250, ``;``, decimal comma, Polish headers, ``language: pl``).

``generate(name, seed=0, scale=1.0)`` returns a :class:`SampleCompany` (canonical column names
and dtypes); ``write_company`` writes it as a company folder in the data contract, in English or
Polish file conventions; ``write_samples`` regenerates ``data/samples``;
``python -m salesnb.samples [--out DIR]`` does the same from the command line.

File conventions written by :func:`write_company` (deterministic, so regenerating gives the
same bytes):

- ``en``: ``<table>.csv``, UTF-8 without BOM, ``,`` separator, ``.`` decimal point, no
  thousands separator, dates ``2025-03-31``, date-times ``2025-03-31 14:05``, ``\\n`` line ends;
- ``pl``: Polish file names (``sprzedaz.csv`` ...) and headers (``Data``, ``Kod klienta``,
  ``Kwota netto`` ...) mapped to the contract in ``company.yml``, cp1250, ``;`` separator,
  decimal comma with a space as thousands separator on amounts (``1 234,50``), dates
  ``31.03.2025``, date-times ``31.03.2025 14:05``, ``\\r\\n`` line ends as Excel writes them.

Money columns have two decimals, rows are sorted, YAML keys keep a fixed order; each file is
written to a temporary file in the same folder and moved into place (``os.replace``).
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml


def benchmark_transactions(
    n_transactions: int = 10_000_000,
    n_customers: int = 500_000,
    months: int = 36,
    seed: int = 0,
    start: str = "2023-01-01",
    n_salespeople: int = 20,
    n_product_lines: int = 6,
    products_per_line: int = 10,
    correction_share: float = 0.02,
    lead_share: float = 0.05,
) -> dict[str, pd.DataFrame]:
    """Large synthetic transactions and customers for benchmarks (vectorised, seedable).

    Every one of ``n_customers`` buys at least once; purchase counts follow a skewed (lognormal)
    weight; each client is active over its own span inside ``months`` months from ``start``, so
    the set contains new, regular, lost and restored clients. ``customer_id``, ``product``,
    ``product_line`` and ``salesperson`` are categoricals of strings (as a large export would be
    loaded), ``date`` is datetime64, ``amount`` and ``margin`` float64. About ``correction_share``
    of rows are corrections (negative amounts). ``customers`` adds ``lead_share`` leads that never
    bought, with a ``first_contact`` date.
    """
    if n_transactions < n_customers:
        raise ValueError("n_transactions must be at least n_customers (every client buys once)")
    rng = np.random.default_rng(seed)
    start_ts = pd.Timestamp(start)
    end_ts = start_ts + pd.DateOffset(months=months)
    n_days = (end_ts - start_ts).days

    # Client spans: a first day and a last day of activity.
    first = rng.integers(0, n_days, n_customers)
    length = (rng.exponential(0.6, n_customers) * n_days).astype(np.int64)
    last = np.minimum(first + length, n_days - 1)
    weight = rng.lognormal(0.0, 1.0, n_customers)

    extra = n_transactions - n_customers
    cum = np.cumsum(weight)
    picks = np.searchsorted(cum, rng.random(extra) * cum[-1], side="right")
    cust = np.concatenate([np.arange(n_customers), np.minimum(picks, n_customers - 1)])
    cust = cust[rng.permutation(n_transactions)]
    offset = (rng.random(n_transactions) * (last[cust] - first[cust] + 1)).astype(np.int64)
    day = first[cust] + offset

    scale = rng.lognormal(6.5, 0.8, n_customers)
    amount = np.round(scale[cust] * rng.lognormal(0.0, 0.5, n_transactions), 2)
    corr = rng.random(n_transactions) < correction_share
    amount[corr] = -np.round(amount[corr] * rng.uniform(0.05, 0.5, int(corr.sum())), 2)
    margin = np.round(amount * rng.uniform(0.1, 0.4, n_transactions), 2)

    cust_names = np.array([f"C{i:07d}" for i in range(n_customers + int(n_customers * lead_share))])
    line_names = [f"Line {i + 1}" for i in range(n_product_lines)]
    n_products = n_product_lines * products_per_line
    prod_names = [f"P{i:03d}" for i in range(n_products)]
    sp_names = [f"Manager {i + 1:02d}" for i in range(n_salespeople)]
    prod = rng.integers(0, n_products, n_transactions)
    owner = rng.integers(0, n_salespeople, len(cust_names))

    transactions = pd.DataFrame(
        {
            "date": start_ts + pd.to_timedelta(day, unit="D"),
            "customer_id": pd.Categorical.from_codes(cust, categories=cust_names),
            "amount": amount,
            "product": pd.Categorical.from_codes(prod, categories=prod_names),
            "product_line": pd.Categorical.from_codes(prod // products_per_line, categories=line_names),
            "salesperson": pd.Categorical.from_codes(owner[cust], categories=sp_names),
            "margin": margin,
        }
    )
    n_all = len(cust_names)
    first_contact_day = np.concatenate(
        [np.maximum(first - rng.integers(0, 90, n_customers), 0), rng.integers(0, n_days, n_all - n_customers)]
    )
    customers = pd.DataFrame(
        {
            "customer_id": pd.Categorical(cust_names, categories=cust_names),
            "salesperson": pd.Categorical.from_codes(owner, categories=sp_names),
            "first_contact": start_ts + pd.to_timedelta(first_contact_day, unit="D"),
        }
    )
    return {"transactions": transactions, "customers": customers}


# ============================================================================================
# Story-rich sample companies (PL: przykładowe firmy z historią)
# ============================================================================================

#: Lifecycle statuses planted in the samples (domain.md section 4).
STATUSES = ("potential", "new", "regular", "restored", "lost")

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

KANO_WORDS: dict[str, dict[int, str]] = {
    "en": {1: "I like it", 2: "I expect it", 3: "I am neutral", 4: "I can live with it", 5: "I dislike it"},
    "pl": {1: "podoba mi się", 2: "oczekuję tego", 3: "jest mi to obojętne", 4: "mogę to tolerować",
           5: "nie podoba mi się"},
}


@dataclass
class SampleCompany:
    """A generated sample company (PL: przykładowa firma): configuration, tables, target groups.

    ``config`` holds the content of ``company.yml`` except the per-file reading options, which
    depend on the conventions the company is written in. ``tables`` maps table names to
    DataFrames with the contract's column names and dtypes: dates ``datetime64``, amounts
    ``float64``, counts ``int64``, ids and text ``str`` (missing values ``None``/``NaT``).
    ``segments`` is the content of ``segments.yml`` (or ``None``), ``conventions`` the file
    conventions the sample ships in (``"en"`` or ``"pl"``) and ``story`` what was planted
    (client groups and their ids, Kano categories per wave, the sales manager who left), for
    the README and the tests.
    """

    key: str
    config: dict[str, Any]
    tables: dict[str, pd.DataFrame]
    segments: dict[str, Any] | None = None
    conventions: str = "en"
    story: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The company's name."""
        return str(self.config["name"])

    @property
    def as_of(self) -> pd.Timestamp:
        """The as-of date (PL: data analizy)."""
        return pd.Timestamp(self.config["as_of"])


@dataclass(frozen=True)
class _Group:
    """Clients with one planted lifecycle status and one buying pattern.

    ``status``: regular, new, restored, lost, potential, or ``natural`` (the status follows from
    the season, for in-season buyers). ``pattern``: stable (CV about 3%), seasonal (a yearly
    wave, CV 14-20%), steady (most months, noisy, CV > 25%), erratic (some months, very noisy),
    in_season (buys only in ``season`` months). ``base``: lognormal (mu, sigma) of the monthly
    turnover. ``lines``: product lines the group buys (each client uses a random subset of at
    least ``min_lines``); ``attrs``: customer attributes, ``(rng, n) -> {column: values}``.
    ``cover``: every active sales manager (all but the one who left) looks after at least one
    client of the group, so that, e.g., each of them wins a new client in the last quarter.
    """

    label: str
    n: int
    status: str
    pattern: str = "steady"
    base: tuple[float, float] = (8.5, 0.6)
    lines: tuple[str, ...] = ()
    min_lines: int = 1
    attrs: Callable[[np.random.Generator, int], dict[str, Any]] | None = None
    season: tuple[int, ...] | None = None
    peak: int = 12
    salespeople: dict[str, float] | None = None
    extra_lines: float = 0.8
    names: tuple[str, ...] = ()
    segment: str | None = None
    cover: bool = False


_PATTERNS: dict[str, dict[str, Any]] = {
    # p: chance of buying in an active month; sigma: lognormal noise; amp: seasonal amplitude;
    # trend: yearly growth range; corrections: whether credit notes may hit the client.
    "stable": dict(p=(1.0, 1.0), sigma=0.03, amp=(0.0, 0.0), trend=(0.0, 0.0), corrections=False, years=False),
    "seasonal": dict(p=(1.0, 1.0), sigma=0.04, amp=(0.21, 0.27), trend=(0.0, 0.0), corrections=False, years=True),
    "steady": dict(p=(0.75, 0.95), sigma=0.35, amp=(0.0, 0.15), trend=(-0.1, 0.15), corrections=True, years=False),
    "erratic": dict(p=(0.25, 0.5), sigma=0.9, amp=(0.0, 0.0), trend=(-0.1, 0.2), corrections=True, years=False),
    "in_season": dict(p=(1.0, 1.0), sigma=0.12, amp=(0.3, 0.4), trend=(0.0, 0.08), corrections=True, years=True),
}


# --------------------------------------------------------------------------------------------
# Small helpers


def _unique_names(rng: np.random.Generator, n: int, prefixes: Sequence[str], stems: Sequence[str],
                  forms: Sequence[str], taken: set[str]) -> list[str]:
    """``n`` distinct client names "<prefix> <stem> <form>" not in ``taken`` (added to it)."""
    out: list[str] = []
    tries = 0
    while len(out) < n:
        name = f"{prefixes[rng.integers(len(prefixes))]} {stems[rng.integers(len(stems))]} {forms[rng.integers(len(forms))]}"
        tries += 1
        if tries > 20 * (n + 10):
            name = f"{name} {len(taken) + 1}"
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out


_STEMS = (
    "Kowalczyk", "Wiśniewski", "Dąbrowski", "Żak", "Słowik", "Mazur", "Król", "Łęcki", "Jóźwiak",
    "Wróbel", "Zając", "Górski", "Pawłowski", "Michalak", "Sikora", "Kaźmierczak", "Woźniak",
    "Bąk", "Stępień", "Gołębiowski", "Żurawski", "Cieślak", "Jabłoński", "Rutkowski", "Błaszczyk",
    "Kołodziej", "Szczepański", "Wąsik", "Nowicki", "Sowa", "Grabowski", "Łukasik", "Kęsik",
    "Orzeł", "Śliwa", "Różycki", "Świątek", "Fijałkowski", "Bielecki", "Maćkowiak",
    "Bałtyk", "Karpaty", "Warta", "Wisła", "Mazowsze", "Pomorze", "Śląsk", "Podhale", "Roztocze",
    "Kujawy", "Żuławy", "Warmia", "Bieszczady", "Tatry", "Sudety", "Narew", "Odra", "Noteć",
)
#: city -> voivodeship (PL: województwo)
_CITY_REGION = {
    "Warszawa": "mazowieckie", "Kraków": "małopolskie", "Łódź": "łódzkie", "Wrocław": "dolnośląskie",
    "Poznań": "wielkopolskie", "Gdańsk": "pomorskie", "Szczecin": "zachodniopomorskie",
    "Bydgoszcz": "kujawsko-pomorskie", "Lublin": "lubelskie", "Białystok": "podlaskie", "Katowice": "śląskie",
    "Gdynia": "pomorskie", "Częstochowa": "śląskie", "Radom": "mazowieckie", "Toruń": "kujawsko-pomorskie",
    "Kielce": "świętokrzyskie", "Rzeszów": "podkarpackie", "Gliwice": "śląskie", "Olsztyn": "warmińsko-mazurskie",
    "Zielona Góra": "lubuskie", "Opole": "opolskie", "Bielsko-Biała": "śląskie", "Płock": "mazowieckie",
    "Elbląg": "warmińsko-mazurskie", "Łomża": "podlaskie", "Żyrardów": "mazowieckie", "Świdnica": "dolnośląskie",
}
_CITIES = tuple(_CITY_REGION)


def _weekday(days: np.ndarray) -> np.ndarray:
    """Monday = 0 for day numbers since 1970-01-01 (a Thursday)."""
    return (days + 3) % 7


def _to_business_day(day_in_month: np.ndarray, month_first: np.ndarray, dim: np.ndarray) -> np.ndarray:
    """Move weekend days to the nearest working day in the same month."""
    d = day_in_month.copy()
    wd = _weekday(month_first + d)
    sat, sun = wd == 5, wd == 6
    d = np.where(sat, np.where(d + 2 < dim, d + 2, d - 1), d)
    d = np.where(sun, np.where(d + 1 < dim, d + 1, d - 2), d)
    return d


def _next_business_time(minutes: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Times (minutes since epoch) outside Mon-Fri 8:00-18:00 moved to the next opening + 0-2 h."""
    day = minutes // 1440
    mod = minutes % 1440
    wd = _weekday(day)
    late = mod >= 18 * 60
    early = mod < 8 * 60
    weekend = wd >= 5
    closed = late | early | weekend
    nd = np.where(late, day + 1, day)
    wd2 = _weekday(nd)
    nd = np.where(wd2 == 5, nd + 2, np.where(wd2 == 6, nd + 1, nd))
    opening = nd * 1440 + 8 * 60 + rng.integers(5, 120, len(minutes))
    return np.where(closed, opening, minutes)


def _choose_rows(weights: np.ndarray, rows: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """For each r in ``rows`` a column index drawn with probabilities ``weights[r]``."""
    cum = np.cumsum(weights[rows], axis=1)
    x = rng.random(len(rows)) * cum[:, -1]
    return np.minimum((cum <= x[:, None]).sum(axis=1), weights.shape[1] - 1)


def _cover_owners(owners: np.ndarray, active: Sequence[str]) -> np.ndarray:
    """``owners`` changed so that each of ``active`` owns at least one client (if there are enough).

    A manager with no client takes one (the last) from the manager with the most; no random draws.
    """
    owners = owners.copy()
    if len(owners) < len(active):
        return owners
    for sp in active:
        if (owners == sp).any():
            continue
        counts = {x: int((owners == x).sum()) for x in dict.fromkeys(owners)}
        donor = max(counts, key=lambda x: (counts[x], x not in active))
        owners[np.flatnonzero(owners == donor)[-1]] = sp
    return owners


# --------------------------------------------------------------------------------------------
# The shared engine


def _plan_clients(spec: dict, rng: np.random.Generator, scale: float, M: int) -> pd.DataFrame:
    """One row per client: group, status, pattern parameters, activity window, lines, owner."""
    lines = list(dict.fromkeys(p[1] for p in spec["catalog"]))
    sps = list(spec["salespeople"])
    parts = []
    for gi, g in enumerate(spec["groups"]):
        n = max(1, int(round(g.n * scale)))
        pat = _PATTERNS[g.pattern]
        d: dict[str, Any] = {"group": np.full(n, gi), "label": g.label, "status": g.status,
                             "pattern": g.pattern, "segment": g.segment}
        d["p"] = rng.uniform(*pat["p"], n)
        d["sigma"] = np.full(n, pat["sigma"])
        d["amp"] = rng.uniform(*pat["amp"], n)
        d["trend"] = rng.uniform(*pat["trend"], n)
        d["peak"] = np.full(n, g.peak) if g.pattern != "steady" else rng.integers(1, 13, n)
        d["base"] = np.round(rng.lognormal(g.base[0], g.base[1], n), -1)
        d["corrections"] = pat["corrections"]
        d["season"] = [tuple(g.season or range(1, 13))] * n
        d["extra_lines"] = g.extra_lines
        s = np.zeros(n, dtype=np.int64)
        e = np.full(n, M - 1, dtype=np.int64)
        g0 = np.full(n, M + 1, dtype=np.int64)  # gap start (none if > M)
        g1 = np.full(n, M + 1, dtype=np.int64)
        f1 = np.full(n, -1, dtype=np.int64)
        f2 = np.full(n, -1, dtype=np.int64)
        f3 = np.full(n, -1, dtype=np.int64)
        if g.status in ("regular", "natural"):
            if pat["years"]:
                k = rng.integers(2, M // 12 + 1, n)
                s = M - 12 * k
            else:
                s = np.where(rng.random(n) < 0.45, 0, rng.integers(0, M - 12, n))
            f1 = rng.integers(M - 6, M - 3, n)
            f2 = rng.integers(M - 3, M, n)
        elif g.status == "new":
            s = rng.integers(M - 3, M, n)
            f1 = s
        elif g.status == "restored":
            s = np.where(rng.random(n) < 0.3, 0, rng.integers(0, M - 22, n))
            g0 = rng.integers(s + 6, M - 8)
            g1 = np.full(n, M - 4)
            f1, f2, f3 = s, g0 - 1, rng.integers(M - 3, M, n)
        elif g.status == "lost":
            s = np.where(rng.random(n) < 0.3, 0, rng.integers(0, M - 10, n))
            e = rng.integers(s + 2, M - 3)
            f1, f2 = s, e
        elif g.status == "potential":
            s = np.full(n, M + 1)
            e = np.full(n, -1)
        else:
            raise ValueError(f"unknown status {g.status!r}")
        if g.status == "natural":
            f1 = f2 = np.full(n, -1)
        d.update(s=s, e=e, g0=g0, g1=g1, f1=f1, f2=f2, f3=f3)
        # target group (segment) and the product lines it buys: a random subset of the group's
        # lines (or of the segment's portrait), sometimes one line more
        mix = spec.get("segment_mix")
        if mix and g.segment is None and g.attrs is None:
            segs = _pick(rng, list(mix), n, list(mix.values()))
        else:
            segs = [g.segment] * n
        d["segment"] = segs
        portrait = (spec.get("segments") or {}).get("portrait", {})
        w = np.zeros((n, len(lines)))
        for i in range(n):
            own_lines = portrait.get(segs[i]) or g.lines or lines
            own = [lines.index(x) for x in own_lines]
            k = rng.integers(min(g.min_lines, len(own)), len(own) + 1)
            chosen = rng.choice(own, size=k, replace=False)
            w[i, chosen] = rng.dirichlet(np.full(k, 2.0)) + 0.05
            if g.pattern != "in_season" and rng.random() < 0.1:
                w[i, rng.integers(len(lines))] += 0.15
        d["line_w"] = list(w)
        if mix and g.segment is None and g.attrs is None:
            d["base"] = np.round(np.array([np.exp(spec["segment_base"][x]) for x in segs])
                                 * rng.lognormal(0, g.base[1], n), -1)
        spw = np.array([(g.salespeople or {}).get(x, 1.0) for x in sps], dtype=float)
        owners = np.array(sps, dtype=object)[rng.choice(len(sps), n, p=spw / spw.sum())]
        if g.cover:
            owners = _cover_owners(owners, [x for x in sps if not spec.get("leaver") or x != spec["leaver"][0]])
        d["owner"] = owners
        if g.attrs:
            attrs = g.attrs(rng, n)
        elif spec.get("segment_attrs"):
            rows = [spec["segment_attrs"](x, rng) for x in segs]
            attrs = {c: [r[c] for r in rows] for c in rows[0]}
        else:
            attrs = {}
        for col, vals in attrs.items():
            d["attr:" + col] = list(vals)
        seg_names = spec.get("segment_names")
        taken = spec.setdefault("_taken", set())
        if seg_names and g.attrs is None:
            d["name"] = [_unique_names(rng, 1, seg_names[x], _STEMS, spec["forms"], taken)[0] for x in segs]
        else:
            d["name"] = _unique_names(rng, n, g.names or ("Firma",), _STEMS, spec["forms"], taken)
        parts.append(pd.DataFrame(d))
    plan = pd.concat(parts, ignore_index=True)
    return plan


def _buying(plan: pd.DataFrame, rng: np.random.Generator, M: int, first_month: int) -> tuple[np.ndarray, np.ndarray]:
    """Monthly buy flags and turnover, clients x months."""
    n = len(plan)
    m = np.arange(M)[None, :]
    moy = (first_month - 1 + np.arange(M)) % 12 + 1
    s, e = plan["s"].to_numpy()[:, None], plan["e"].to_numpy()[:, None]
    g0, g1 = plan["g0"].to_numpy()[:, None], plan["g1"].to_numpy()[:, None]
    active = (m >= s) & (m <= e) & ~((m >= g0) & (m <= g1))
    season_ok = np.array([[mo in se for mo in moy] for se in plan["season"]]) if n else np.zeros((0, M), bool)
    forced = np.zeros((n, M), dtype=bool)
    for col in ("f1", "f2", "f3"):
        f = plan[col].to_numpy()
        ok = f >= 0
        forced[np.flatnonzero(ok), f[ok]] = True
    u = rng.random((n, M))
    buy = active & season_ok & ((u < plan["p"].to_numpy()[:, None]) | forced)
    sigma = plan["sigma"].to_numpy()[:, None]
    noise = np.exp(rng.normal(0, 1, (n, M)) * sigma - sigma**2 / 2)
    seas = 1 + plan["amp"].to_numpy()[:, None] * np.cos(2 * np.pi * (moy[None, :] - plan["peak"].to_numpy()[:, None]) / 12)
    trend = (1 + plan["trend"].to_numpy()[:, None]) ** (m / 12)
    amount = plan["base"].to_numpy()[:, None] * seas * trend * noise
    return buy, np.where(buy, amount, 0.0)


def _build(spec: dict, seed: int, scale: float) -> SampleCompany:
    """Generate a company from its spec: clients, monthly purchases, invoice lines, corrections,
    customers, products, deals, enquiries, satisfaction and Kano answers, in that (seeded) order.
    """
    rng = np.random.default_rng([seed, spec["salt"]])
    start = pd.Period(spec["start"], "M")
    as_of = pd.Timestamp(spec["as_of"])
    end = as_of.to_period("M")
    M = (end - start).n + 1
    months = pd.period_range(start, end, freq="M")
    month_first = months.to_timestamp().to_numpy().astype("datetime64[D]").astype(np.int64)
    dim = months.days_in_month.to_numpy().copy()
    dim[-1] = min(dim[-1], as_of.day)

    plan = _plan_clients(spec, rng, scale, M)
    buy, turnover = _buying(plan, rng, M, start.month)

    # ---- invoices (one per client and month bought) -----------------------------------------
    ci, mi = np.nonzero(buy)
    day = (rng.random(len(ci)) * dim[mi]).astype(np.int64)
    day = _to_business_day(day, month_first[mi], dim[mi])
    inv_day = month_first[mi] + day  # days since epoch
    inv_total = turnover[ci, mi]

    # ---- customers: first contact, ids, owners ------------------------------------------------
    first_day = np.full(len(plan), -1, dtype=np.int64)
    order = np.lexsort((inv_day, ci))
    firsts = pd.Series(inv_day[order]).groupby(ci[order]).first()
    first_day[firsts.index.to_numpy()] = firsts.to_numpy()
    start_day = int(month_first[0])
    as_of_day = int(as_of.to_datetime64().astype("datetime64[D]").astype(np.int64))
    is_buyer = first_day >= 0
    old = is_buyer & (plan["s"].to_numpy() == 0)
    fc = np.where(old, first_day - rng.integers(30, 2200, len(plan)), first_day - rng.integers(5, 120, len(plan)))
    lead_recent = rng.random(len(plan)) < 0.4
    lead_day = np.where(lead_recent, rng.integers(as_of_day - 270, as_of_day - 1, len(plan)),
                        rng.integers(start_day, as_of_day - 1, len(plan)))
    fc = np.where(is_buyer, fc, lead_day)
    plan["first_contact"] = fc
    if "attr:founded" in plan:  # a client cannot be met before it was founded
        fc_year = pd.to_datetime(fc, unit="D").year.to_numpy()
        plan["attr:founded"] = np.minimum(plan["attr:founded"].to_numpy(dtype=np.int64), fc_year)
    idx_order = np.lexsort((np.arange(len(plan)), fc))
    width = max(4, len(str(len(plan))))
    ids = np.empty(len(plan), dtype=object)
    ids[idx_order] = [f"{spec['prefix']}{i + 1:0{width}d}" for i in range(len(plan))]
    plan["customer_id"] = ids
    leaver = spec.get("leaver")
    owner = plan["owner"].to_numpy().copy()
    if leaver:
        lv_name, lv_date, lv_succ = leaver
        lv_day = int(pd.Timestamp(lv_date).to_datetime64().astype("datetime64[D]").astype(np.int64))
        spec["_leave_day"] = lv_day
        owner[(owner == lv_name) & (fc > lv_day)] = lv_succ  # clients met after he left are not his
    plan["owner0"] = owner
    plan["owner"] = np.where(owner == leaver[0], leaver[2], owner) if leaver else owner

    # ---- invoice lines ------------------------------------------------------------------------
    catalog = spec["catalog"]
    lines = list(dict.fromkeys(p[1] for p in catalog))
    prod_names = np.array([p[0] for p in catalog], dtype=object)
    prod_line = np.array([lines.index(p[1]) for p in catalog])
    prod_price = np.array([p[2] for p in catalog], dtype=float)
    prod_margin = np.array([p[3] for p in catalog], dtype=float)
    prod_pop = np.array([p[4] if len(p) > 4 else 1.0 for p in catalog], dtype=float)
    maxp = max(np.bincount(prod_line))
    pw = np.zeros((len(lines), maxp))
    pidx = np.zeros((len(lines), maxp), dtype=np.int64)
    for li in range(len(lines)):
        members = np.flatnonzero(prod_line == li)
        pw[li, : len(members)] = prod_pop[members]
        pidx[li, : len(members)] = members
    line_w = np.stack(plan["line_w"].to_numpy())
    xs_line, cross_sell = _cross_sell(spec, rng, plan, line_w, lines, ci, mi, months, as_of)
    xs = xs_line >= 0
    k = 1 + rng.poisson(plan["extra_lines"].to_numpy()[ci]) + xs
    row_inv = np.repeat(np.arange(len(ci)), k)
    g = rng.gamma(2.0, 1.0, len(row_inv))
    share = g / np.bincount(row_inv, weights=g)[row_inv]
    row_line = _choose_rows(line_w, ci[row_inv], rng)
    row_line[(np.cumsum(k) - 1)[xs]] = xs_line[xs]  # the invoice's last line: the new product line
    row_prod = pidx[row_line, _choose_rows(pw, row_line, rng)]
    lines_df = pd.DataFrame({"inv": row_inv, "prod": row_prod, "amount": inv_total[row_inv] * share})
    lines_df = lines_df.groupby(["inv", "prod"], sort=True, as_index=False)["amount"].sum()
    inv = lines_df["inv"].to_numpy()
    prod = lines_df["prod"].to_numpy()
    amount = np.round(lines_df["amount"].to_numpy(), 2)
    qty = np.maximum(1, np.round(amount / prod_price[prod])).astype(np.int64)
    margin = np.round(amount * prod_margin[prod] * rng.uniform(0.85, 1.15, len(amount)), 2)
    r_cust = ci[inv]
    r_day = inv_day[inv]
    r_month = mi[inv]
    # invoice numbers: FV/yyyy/mm/nnnn, per month in (date, client) order
    inv_ids = plan["customer_id"].to_numpy()[ci]
    inv_order = np.lexsort((inv_ids, inv_day))
    inv_no = np.empty(len(ci), dtype=object)
    ym = months.strftime("%Y/%m").to_numpy()
    counter: dict[int, int] = {}
    for j in inv_order:
        counter[mi[j]] = counter.get(mi[j], 0) + 1
        inv_no[j] = f"FV/{ym[mi[j]]}/{counter[mi[j]]:04d}"

    tx = pd.DataFrame({
        "day": r_day, "cust": r_cust, "amount": amount, "prod": prod, "margin": margin,
        "quantity": qty, "document_id": inv_no[inv], "corrected_document": None, "month": r_month,
    })

    # ---- corrections (credit notes) in the month of the corrected invoice ---------------------
    eligible = np.flatnonzero(plan["corrections"].to_numpy()[r_cust] & (amount > 50))
    n_corr = int(round(spec.get("correction_share", 0.015) * len(tx)))
    pick = np.sort(rng.choice(eligible, size=min(n_corr, len(eligible)), replace=False))
    frac = rng.uniform(0.05, 0.5, len(pick))
    last_day = month_first[r_month[pick]] + dim[r_month[pick]] - 1
    c_day = np.minimum(r_day[pick] + rng.integers(1, 21, len(pick)), last_day)
    corr = pd.DataFrame({
        "day": c_day, "cust": r_cust[pick], "amount": -np.round(amount[pick] * frac, 2),
        "prod": prod[pick], "margin": -np.round(margin[pick] * frac, 2),
        "quantity": -np.maximum(1, np.round(qty[pick] * frac)).astype(np.int64),
        "document_id": None, "corrected_document": inv_no[inv[pick]], "month": r_month[pick],
    })
    corr["cid"] = plan["customer_id"].to_numpy()[corr["cust"].to_numpy()]
    corr = corr.sort_values(["day", "cid", "corrected_document", "prod"], kind="mergesort")
    cnt: dict[int, int] = {}
    kor = []
    for mth in corr["month"].to_numpy():
        cnt[mth] = cnt.get(mth, 0) + 1
        kor.append(f"KOR/{ym[mth]}/{cnt[mth]:04d}")
    corr["document_id"] = kor
    tx = pd.concat([tx, corr.drop(columns="cid")], ignore_index=True)

    sp = plan["owner0"].to_numpy()[tx["cust"].to_numpy()].copy()
    if leaver:
        sp = np.where((sp == lv_name) & (tx["day"].to_numpy() > lv_day), lv_succ, sp)
    transactions = pd.DataFrame({
        "date": pd.to_datetime(tx["day"].to_numpy(), unit="D"),
        "customer_id": plan["customer_id"].to_numpy()[tx["cust"].to_numpy()],
        "amount": tx["amount"].to_numpy(dtype=float),
        "product": prod_names[tx["prod"].to_numpy()],
        "product_line": np.array(lines, dtype=object)[prod_line[tx["prod"].to_numpy()]],
        "salesperson": sp,
        "margin": tx["margin"].to_numpy(dtype=float),
        "quantity": tx["quantity"].to_numpy(dtype=np.int64),
        "document_id": tx["document_id"].to_numpy(),
        "corrected_document": tx["corrected_document"].to_numpy(),
    })
    transactions = transactions.sort_values(["date", "document_id", "product"], kind="mergesort").reset_index(drop=True)

    # ---- customers ----------------------------------------------------------------------------
    attr_cols = [c for c in plan.columns if c.startswith("attr:")]
    customers = pd.DataFrame({
        "customer_id": plan["customer_id"].to_numpy(),
        "name": plan["name"].to_numpy(),
        "salesperson": plan["owner"].to_numpy(),
        "first_contact": pd.to_datetime(plan["first_contact"].to_numpy(), unit="D"),
    })
    for c in attr_cols:
        customers[c[5:]] = plan[c].to_numpy()
    customers = customers.sort_values("customer_id").reset_index(drop=True)

    products = pd.DataFrame({
        "product": prod_names, "product_line": np.array(lines, dtype=object)[prod_line],
        "unit": [p[5] if len(p) > 5 else spec.get("unit", "pcs") for p in catalog],
    }).sort_values(["product_line", "product"]).reset_index(drop=True)

    ctx = dict(spec=spec, rng=rng, plan=plan, as_of=as_of, as_of_day=as_of_day, start_day=start_day,
               transactions=transactions, inv=(ci, mi, inv_day, inv_total, inv_no))
    deals = _deals(**ctx)
    contacts = _contacts(**ctx)
    satisfaction = _satisfaction(**ctx)
    kano = _kano(**ctx)
    tables = {"transactions": transactions, "customers": customers, "products": products,
              "kano_survey": kano, "satisfaction": satisfaction, "deals": deals, "contacts": contacts}
    for t in tables.values():
        for c in t.columns:
            if t[c].dtype == object or pd.api.types.is_string_dtype(t[c]):
                t[c] = t[c].astype(object).where(t[c].notna(), None)
    config = {
        "name": spec["name"],
        "description": spec["description"],
        "currency": spec.get("currency", "PLN"),
        "language": spec["language"],
        "as_of": as_of.date(),
        "deal_stages": list(spec["deal_stages"]),
        "params": {"lifecycle_window": "3M"},
    }
    story = {
        "groups": {g.label: plan.loc[plan["group"] == gi, "customer_id"].sort_values().tolist()
                   for gi, g in enumerate(spec["groups"])},
        "group_status": {g.label: g.status for g in spec["groups"]},
        "group_pattern": {g.label: g.pattern for g in spec["groups"]},
        "kano": {f: {spec["kano_waves"][0][0]: c1, spec["kano_waves"][1][0]: c2} for f, c1, c2 in spec["kano_features"]},
        "leaver": leaver,
        "cross_sell": cross_sell,
        "kano_answers": {None: "codes 1-5", "en": "English words", "pl": "Polish words"}[spec.get("kano_words")],
        "notes": spec.get("notes", []),
    }
    return SampleCompany(spec["key"], config, tables, spec.get("segments"), spec["conventions"], story)


def _cross_sell(spec: dict, rng: np.random.Generator, plan: pd.DataFrame, line_w: np.ndarray,
                lines: list[str], ci: np.ndarray, mi: np.ndarray, months: pd.PeriodIndex,
                as_of: pd.Timestamp) -> tuple[np.ndarray, list[tuple[str, str, str, str]]]:
    """Primary sales in new directions (PL: sprzedaż pierwotna w nowych kierunkach) in the last
    full quarter: for each active sales manager, ``spec["cross_sell"]`` of their regular clients
    start buying a product line they never bought (from their target group's portrait where it
    has one left, else from their group's lines, else any), on an invoice in that quarter, and
    keep buying it on every later invoice. The new line takes a share of the invoice, so the
    client's monthly turnover (and XYZ class) does not change.

    Returns, per invoice, the index of the product line added to it (-1: none) and the story
    rows (customer id, sales manager, product line, first month).
    """
    from .periods import last_full_quarter

    xs_line = np.full(len(ci), -1, dtype=np.int64)
    per_sp = int(spec.get("cross_sell", 0))
    if not per_sp or not len(ci):
        return xs_line, []
    q = last_full_quarter(as_of)
    q_months = np.flatnonzero((months >= q.asfreq("M", "start")) & (months <= q.asfreq("M", "end")))
    q0 = int(q_months.min())
    first_m = np.full(len(plan), len(months), dtype=np.int64)
    np.minimum.at(first_m, ci, mi)
    in_q = np.zeros(len(plan), dtype=bool)
    in_q[ci[np.isin(mi, q_months)]] = True
    groups = spec["groups"]
    portrait = (spec.get("segments") or {}).get("portrait", {})
    status = plan["status"].to_numpy()
    pattern = plan["pattern"].to_numpy()
    owner = plan["owner"].to_numpy()
    ok = (status == "regular") & (pattern != "in_season") & (first_m < q0) & in_q & (line_w == 0).any(axis=1)
    leaver = spec.get("leaver")
    active = [x for x in spec["salespeople"] if not leaver or x != leaver[0]]
    story = []
    for sp in active:
        cand = np.flatnonzero(ok & (owner == sp))
        chosen = np.sort(rng.choice(cand, size=min(per_sp, len(cand)), replace=False))
        for i in chosen:
            unused = [li for li in range(len(lines)) if line_w[i, li] == 0]
            prefer = portrait.get(plan.at[i, "segment"]) or groups[int(plan.at[i, "group"])].lines
            pool = [li for li in unused if lines[li] in prefer] or unused
            li = pool[int(rng.integers(len(pool)))]
            own_q = np.flatnonzero((ci == i) & np.isin(mi, q_months))
            start_m = int(mi[own_q[int(rng.integers(len(own_q)))]])
            xs_line[(ci == i) & (mi >= start_m)] = li
            story.append((str(plan.at[i, "customer_id"]), sp, lines[li], str(months[start_m])))
    return xs_line, story


def _invoices_by_client(inv: tuple, n: int) -> list[np.ndarray]:
    ci, mi, inv_day = inv[0], inv[1], inv[2]
    order = np.lexsort((inv_day, ci))
    bounds = np.searchsorted(ci[order], np.arange(n + 1))
    return [order[bounds[i]:bounds[i + 1]] for i in range(n)]


def _deals(spec: dict, rng: np.random.Generator, plan: pd.DataFrame, as_of_day: int, inv: tuple,
           **_: Any) -> pd.DataFrame:
    """Deals (PL: szanse sprzedaży) through the company's stages, with refusals by stage."""
    ci, mi, inv_day, inv_total, inv_no = inv
    stages = list(spec["deal_stages"])
    S = len(stages)
    w = np.asarray(spec["refusal_weights"], dtype=float)
    w = w / w.sum()
    reasons = spec["refusal_reasons"]
    per_client = _invoices_by_client(inv, len(plan))
    rows: list[tuple] = []

    def lost(i: int, opened: int, amount: float) -> None:
        k = int(rng.choice(S, p=w))
        closed = min(opened + int(rng.integers(3, 45)), as_of_day)
        reason = reasons[stages[k]][int(rng.integers(len(reasons[stages[k]])))]
        rows.append((i, opened, stages[k], "lost", stages[k], reason, closed, amount))

    def open_(i: int, opened: int, amount: float) -> None:
        rows.append((i, opened, stages[int(rng.integers(0, S - 1))], "open", None, None, None, amount))

    fc_all = plan["first_contact"].to_numpy()
    base_all = plan["base"].to_numpy()
    s_all = plan["s"].to_numpy()
    status_all = plan["status"].to_numpy()
    for i in range(len(plan)):
        invs = per_client[i]
        fc = int(fc_all[i])
        if len(invs) == 0:  # a lead that never bought
            typical = float(base_all[i])
            for _k in range(1 + int(rng.random() < 0.3)):
                opened = min(fc + int(rng.integers(0, 30)), as_of_day)
                amount = float(np.round(typical * rng.uniform(0.6, 1.8), -1))
                if opened > as_of_day - 90 and rng.random() < 0.7:
                    open_(i, opened, amount)
                else:
                    lost(i, opened, amount)
            continue
        typical = float(np.median(inv_total[invs]))
        first = invs[0]
        if s_all[i] > 0:  # acquired within the history: the deal that won the client
            opened = min(fc, int(inv_day[first]))
            rows.append((i, opened, stages[-1], "won", None, None, int(inv_day[first]), round(float(inv_total[first]), 2)))
        span = (int(inv_day[invs[-1]]) - int(inv_day[first])) / 365.25
        for _k in range(int(rng.poisson(spec.get("deal_rate", 0.6) * span))):
            if rng.random() < 0.45 and len(invs) > 1:
                j = invs[int(rng.integers(1, len(invs)))]
                closed = int(inv_day[j])
                rows.append((i, max(closed - int(rng.integers(7, 60)), fc), stages[-1], "won", None, None, closed,
                             round(float(inv_total[j]), 2)))
            else:
                lo, hi = int(inv_day[first]), min(int(inv_day[invs[-1]]) + 60, as_of_day - 5)
                lost(i, int(rng.integers(lo, max(hi, lo + 1))), float(np.round(typical * rng.uniform(0.6, 1.8), -1)))
        if status_all[i] in ("regular", "new") and rng.random() < 0.25:
            open_(i, as_of_day - int(rng.integers(1, 60)), float(np.round(typical * rng.uniform(0.6, 1.8), -1)))
    df = pd.DataFrame(rows, columns=["i", "opened", "stage_reached", "outcome", "refusal_stage",
                                     "refusal_reason", "closed", "amount"])
    df["customer_id"] = plan["customer_id"].to_numpy()[df["i"].to_numpy()]
    owner0 = plan["owner0"].to_numpy()[df["i"].to_numpy()]
    leaver = spec.get("leaver")
    if leaver:
        owner0 = np.where((owner0 == leaver[0]) & (df["opened"].to_numpy() > spec["_leave_day"]), leaver[2], owner0)
    df["salesperson"] = owner0
    df = df.sort_values(["opened", "customer_id"], kind="mergesort").reset_index(drop=True)
    closed = df["closed"].astype("float64").to_numpy()
    return pd.DataFrame({
        "deal_id": [f"{spec['prefix']}-D{n + 1:05d}" for n in range(len(df))],
        "customer_id": df["customer_id"].to_numpy(),
        "salesperson": df["salesperson"].to_numpy(),
        "opened_at": pd.to_datetime(df["opened"].to_numpy(), unit="D"),
        "stage_reached": df["stage_reached"].to_numpy(),
        "outcome": df["outcome"].to_numpy(),
        "refusal_stage": df["refusal_stage"].to_numpy(),
        "refusal_reason": df["refusal_reason"].to_numpy(),
        "closed_at": pd.to_datetime(closed, unit="D"),
        "amount": df["amount"].to_numpy(dtype=float),
    })


def _contacts(spec: dict, rng: np.random.Generator, plan: pd.DataFrame, as_of_day: int, start_day: int,
              inv: tuple, **_: Any) -> pd.DataFrame:
    """Incoming enquiries and their answer times (PL: zapytania klientów i czas odpowiedzi)."""
    ci, inv_day = inv[0], inv[2]
    n = len(plan)
    last = np.full(n, -1, dtype=np.int64)
    np.maximum.at(last, ci, inv_day)
    fc = plan["first_contact"].to_numpy().astype(np.int64)
    buyer = last >= 0
    lo = np.where(buyer, np.maximum(fc, start_day), np.maximum(fc, start_day))
    hi = np.where(buyer, np.minimum(last + 60, as_of_day), np.minimum(fc + 60, as_of_day))
    hi = np.maximum(hi, lo)
    months = (hi - lo + 1) / 30.44
    count = np.where(buyer, rng.poisson(spec.get("contact_rate", 0.25) * months), 1 + rng.poisson(0.5, n))
    who = np.repeat(np.arange(n), count)
    day = lo[who] + (rng.random(len(who)) * (hi[who] - lo[who] + 1)).astype(np.int64)
    wd = _weekday(day)
    weekday_of_week = day - wd + rng.integers(0, 5, len(who))  # most enquiries come on working days
    to_weekday = (wd >= 5) & (rng.random(len(who)) < 0.9) & (weekday_of_week >= lo[who])
    day = np.where(to_weekday, weekday_of_week, day)
    evening = rng.random(len(who)) < 0.08
    minute = np.where(evening, rng.integers(18 * 60, 22 * 60, len(who)), rng.integers(8 * 60, 18 * 60, len(who)))
    received = day * 1440 + minute
    channels = np.array(["phone", "e-mail", "chat"], dtype=object)
    ch = rng.choice(3, len(who), p=spec.get("channel_p", (0.4, 0.45, 0.15)))
    mean_delay = np.array([90.0, 180.0, 15.0])[ch]
    delay = rng.exponential(mean_delay)
    forgotten = rng.random(len(who)) < np.array([0.04, 0.08, 0.01])[ch]
    delay = np.where(forgotten, rng.uniform(24 * 60, 120 * 60, len(who)), delay)
    answered = _next_business_time((received + np.maximum(delay, 1)).astype(np.int64), rng)
    unanswered = rng.random(len(who)) < np.array([0.04, 0.07, 0.02])[ch]
    unanswered |= answered > (as_of_day + 1) * 1440 - 1
    cust = plan["customer_id"].to_numpy()[who].astype(object)
    anonymous = rng.random(len(who)) < 0.03
    cust[anonymous] = None
    df = pd.DataFrame({
        "customer_id": cust,
        "channel": channels[ch],
        "received_at": pd.to_datetime(received * 60, unit="s"),
        "answered_at": pd.to_datetime(np.where(unanswered, np.nan, answered * 60.0), unit="s"),
        "_who": who,
    })
    df = df[df["received_at"] <= _end_of_day(as_of_day)]
    df = df.sort_values(["received_at", "_who", "channel"], kind="mergesort").reset_index(drop=True)
    df.insert(0, "contact_id", [f"{spec['prefix']}-C{k + 1:05d}" for k in range(len(df))])
    return df.drop(columns="_who")


def _end_of_day(as_of_day: int) -> pd.Timestamp:
    """The last minute of the as-of day."""
    return pd.Timestamp(as_of_day * 86400 + 86399, unit="s")


def _satisfaction(spec: dict, rng: np.random.Generator, plan: pd.DataFrame, as_of_day: int, inv: tuple,
                  transactions: pd.DataFrame, **_: Any) -> pd.DataFrame:
    """Yearly satisfaction questionnaires per client and product, scores 1-5 (PL: badanie satysfakcji)."""
    ci, mi, inv_day, inv_total, inv_no = inv
    years = pd.to_datetime(inv_day, unit="D").year.to_numpy()
    df = pd.DataFrame({"c": ci, "year": years, "day": inv_day, "doc": inv_no, "key": rng.random(len(ci))})
    df = df.sort_values(["c", "year", "key"], kind="mergesort").groupby(["c", "year"], sort=True).head(1)
    df = df[rng.random(len(df)) < spec.get("survey_share", 0.65)].reset_index(drop=True)
    sale = transactions[transactions["amount"] > 0]
    top = sale.sort_values(["document_id", "amount", "product"], ascending=[True, False, True], kind="mergesort")
    top_product = top.drop_duplicates("document_id").set_index("document_id")["product"]
    criteria = spec["criteria"]
    first_year = int(pd.Timestamp(spec["start"]).year)
    client_eff = rng.normal(0, 0.4, len(plan))
    n_s, n_c = len(df), len(criteria)
    day = np.minimum(df["day"].to_numpy() + rng.integers(7, 35, n_s), as_of_day)
    k = rng.integers(3, 5, n_s)  # 3 or 4 criteria per questionnaire
    picked = np.argsort(rng.random((n_s, n_c)), axis=1)
    take = np.arange(n_c)[None, :] < k[:, None]
    survey = np.repeat(np.arange(n_s), k)
    crit = picked[take]
    mean = np.array([c[1] for c in criteria])
    change = np.array([c[2] for c in criteria])
    c_idx = df["c"].to_numpy()[survey]
    mu = mean[crit] + change[crit] * (df["year"].to_numpy()[survey] - first_year) + client_eff[c_idx]
    score = np.clip(np.round(mu + rng.normal(0, 0.7, len(survey))), 1, 5).astype(np.int64)
    rows = {
        "customer_id": plan["customer_id"].to_numpy()[c_idx],
        "day": day[survey],
        "product": top_product.reindex(df["doc"].to_numpy()[survey]).to_numpy(),
        "criterion": np.array([c[0] for c in criteria], dtype=object)[crit],
        "score": score,
    }
    out = pd.DataFrame(rows)
    out = out.sort_values(["day", "customer_id", "criterion"], kind="mergesort").reset_index(drop=True)
    return pd.DataFrame({
        "customer_id": out["customer_id"].to_numpy(),
        "date": pd.to_datetime(out["day"].to_numpy(), unit="D"),
        "product": out["product"].to_numpy(),
        "criterion": out["criterion"].to_numpy(),
        "score": out["score"].to_numpy(dtype=np.int64),
    })


_IMPORTANCE = {"M": 8.0, "O": 7.0, "A": 5.0, "I": 3.0, "R": 3.0, "Q": 5.0}


def _kano_mix(category: str, previous: str | None) -> dict[str, float]:
    """Category probabilities for a feature planted in ``category`` (moving from ``previous``)."""
    mix = {"R": 0.02, "Q": 0.02}
    main = 0.5 if previous else 0.62
    mix[category] = main
    if previous:
        mix[previous] = 0.2
    rest = [c for c in "AOMI" if c not in mix]
    left = 1.0 - sum(mix.values())
    for c in rest:
        mix[c] = left / len(rest)
    return mix


def _simulate_pairs(mix: dict[str, float], n: int, rng: np.random.Generator) -> pd.DataFrame:
    """Answer pairs for a category mix: ``salesnb.kano.simulate_answers`` (codes 1-5)."""
    from .kano import simulate_answers

    return simulate_answers(mix, n, rng)


def _kano(spec: dict, rng: np.random.Generator, plan: pd.DataFrame, inv: tuple, **_: Any) -> pd.DataFrame:
    """A Kano questionnaire in two waves; some features moved category (PL: ankieta Kano)."""
    ci, inv_day = inv[0], inv[2]
    feats = spec["kano_features"]
    words = spec.get("kano_words")
    seg_col = spec.get("kano_segment", "segment")
    parts = []
    for w, (label, date, n) in enumerate(spec["kano_waves"]):
        wday = int(pd.Timestamp(date).to_datetime64().astype("datetime64[D]").astype(np.int64))
        recent = np.unique(ci[(inv_day <= wday) & (inv_day > wday - 365)])
        chosen = np.sort(rng.choice(recent, size=min(n, len(recent)), replace=False))
        cids = plan["customer_id"].to_numpy()[chosen]
        order = np.argsort(cids, kind="mergesort")
        chosen, cids = chosen[order], cids[order]
        resp = [f"{spec['prefix']}-R{w + 1}{k + 1:03d}" for k in range(len(chosen))]
        for fi, (feature, c1, c2) in enumerate(feats):
            cat = (c1, c2)[w]
            prev = c1 if (w == 1 and c2 != c1) else None
            ans = _simulate_pairs(_kano_mix(cat, prev), len(chosen), rng)
            imp = np.array([_IMPORTANCE[c] for c in ans["category"]]) + rng.normal(0, 1.0, len(chosen))
            f = ans["functional"].to_numpy().astype(int)
            d = ans["dysfunctional"].to_numpy().astype(int)
            if words:
                f_out = [KANO_WORDS[words][x] for x in f]
                d_out = [KANO_WORDS[words][x] for x in d]
            else:
                f_out, d_out = [str(x) for x in f], [str(x) for x in d]
            parts.append(pd.DataFrame({
                "respondent_id": resp, "feature": feature, "functional": f_out, "dysfunctional": d_out,
                "importance": np.clip(np.round(imp), 1, 9).astype(np.int64), "wave": label,
                "customer_id": cids, "segment": plan[seg_col].to_numpy()[chosen], "_f": fi,
            }))
    df = pd.concat(parts, ignore_index=True)
    return df.sort_values(["wave", "respondent_id", "_f"], kind="mergesort").drop(columns="_f").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# The three companies

_FORMS_PL = ("sp. z o.o.", "S.A.", "sp.j.", "sp.k.", "s.c.")


def _pick(rng: np.random.Generator, values: Sequence[Any], n: int, p: Sequence[float] | None = None) -> list:
    idx = rng.choice(len(values), size=n, p=None if p is None else np.asarray(p) / np.sum(p))
    return [values[i] for i in idx]


#: Example 3's target groups (seed 003, line 311) as rules over the customers' attributes.
IT_SEGMENTS: dict[str, Any] = {
    "segments": [
        {"id": "large_production", "name": {"en": "Large production enterprises", "pl": "Duże przedsiębiorstwa produkcyjne"},
         "rules": {"industry": "production", "has_branches": True, "employees": ">1000"}},
        {"id": "large_trade_b2b", "name": {"en": "Large B2B trading companies", "pl": "Duże przedsiębiorstwa handlowe B2B"},
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
    return {"city": _CITIES[int(r(len(_CITIES)))], "industry": ind, "activity_type": act, "has_branches": br,
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


def _spec_it() -> dict:
    lines = ["Accounting software", "Licences", "IT support", "Security", "Hardware"]
    sp = ("Anna Nowak", "Piotr Wiśniewski", "Katarzyna Wójcik", "Tomasz Kamiński", "Marek Zieliński")
    G = _Group
    return dict(
        key="it_services", salt=1, prefix="IT", name="TechSerwis IT",
        description=("IT services company modelled on Example 3 of the articles (seed 003, lines 254-335): "
                     "accounting software, licences, IT support, security and hardware for the eight target groups."),
        language="en", conventions="en", start="2022-01", as_of="2025-12-31",
        salespeople=sp, leaver=("Marek Zieliński", "2024-06-30", "Katarzyna Wójcik"),
        forms=_FORMS_PL,
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


def _ev_attrs(client_type: Sequence[str] | None = None) -> Callable[[np.random.Generator, int], dict[str, Any]]:
    def attrs(rng: np.random.Generator, n: int) -> dict[str, Any]:
        ct = _pick(rng, ("corporate", "public institution", "association", "agency"), n, (0.6, 0.15, 0.1, 0.15)) \
            if client_type is None else _pick(rng, client_type, n)
        return {
            "city": _pick(rng, _CITIES, n),
            "client_type": ct,
            "industry": [("public administration" if c == "public institution" else
                          _pick(rng, ("pharma", "banking", "IT", "FMCG", "automotive", "energy", "media"), 1)[0])
                         for c in ct],
            "employees": [int(x) for x in np.round(rng.lognormal(5.5, 1.2, n)) + 5],
        }
    return attrs


def _spec_events() -> dict:
    lines = ["Conferences", "Corporate parties", "Team building", "Trade fair stands", "Event staffing"]
    sp = ("Joanna Lewandowska", "Michał Dudek", "Agnieszka Pietrzak", "Paweł Kaczmarek")
    names = ("Grupa", "Polska", "Holding", "Fundacja", "Instytut", "Agencja", "Centrum", "Bank", "Pharma")
    G = _Group
    A = _ev_attrs()
    return dict(
        key="event_agency", salt=2, prefix="EV", name="Eventa Agencja Eventowa",
        description=("Event agency with the articles' sales stages (seed 003, lines 780-890): presentation, "
                     "offer, agreement, payment, event, closing, and refusals at each stage."),
        language="en", conventions="en", start="2022-01", as_of="2025-09-30",
        salespeople=sp, leaver=None, forms=_FORMS_PL,
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
            G("regular corporate clients", 22, "regular", "steady", base=(9.4, 0.5), attrs=A, names=names, extra_lines=0.5),
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
        contact_rate=0.25, channel_p=(0.45, 0.5, 0.05), deal_rate=1.2, cross_sell=3,
        notes=[
            "Joanna Lewandowska brings most new clients; Paweł Kaczmarek has lost the most.",
            "Refusals happen at every stage; the presentation and the offer lose the most deals, "
            "'refund requested after the prepayment' and 'final invoice disputed' are the late ones.",
            "The Christmas-party clients peak in December; the event staffing retainers are the "
            "agency's stable (X) clients; one-off events make most other clients erratic (Z).",
        ],
    )


def _wh_attrs(types: Sequence[str]) -> Callable[[np.random.Generator, int], dict[str, Any]]:
    def attrs(rng: np.random.Generator, n: int) -> dict[str, Any]:
        city = _pick(rng, _CITIES, n)
        return {"city": city, "region": [_CITY_REGION[c] for c in city], "client_type": _pick(rng, types, n)}
    return attrs


def _spec_wholesale() -> dict:
    L = ["Chemia gospodarcza", "Artykuły ogrodnicze", "Opał i ogrzewanie", "Dekoracje świąteczne",
         "Artykuły spożywcze suche"]
    sp = ("Grażyna Wójtowicz", "Łukasz Żmuda", "Bartłomiej Kędzierski", "Małgorzata Ślusarczyk")
    G = _Group
    shops = ("Sklep Spożywczy", "Delikatesy", "Sklep Wielobranżowy", "Market", "Sklep „Pod Lipą”")
    return dict(
        key="wholesale_pl", salt=3, prefix="HG", name="Hurtownia Gałązka sp. z o.o.",
        description=("Hurtownia (dystrybutor) chemii gospodarczej, artykułów ogrodniczych, opału, dekoracji "
                     "świątecznych i artykułów spożywczych; klienci sezonowi: centra ogrodnicze, składy opału, "
                     "stoiska świąteczne."),
        language="pl", conventions="pl", start="2021-01", as_of="2025-12-31", unit="szt.",
        salespeople=sp, leaver=None, forms=_FORMS_PL, correction_share=0.015,
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
              lines=(L[0], L[1], L[4]), attrs=_wh_attrs(("sklep wielobranżowy", "sklep spożywczy", "hurtownia regionalna")),
              names=shops + ("Hurtownia",), extra_lines=0.6),
            G("hotels and restaurants, irregular (erratic)", 12, "regular", "erratic", base=(8.8, 0.5),
              lines=(L[0], L[4]), attrs=_wh_attrs(("hotel/restauracja",)), names=("Hotel", "Restauracja", "Zajazd", "Pensjonat"),
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
        notes=[
            "Garden centres buy from March to July: in December the 3-month window sees them as lost. "
            "Christmas stalls buy from October to December: every December they look restored. With "
            "W = 12 months (practical exercise 1: match W to the purchase frequency) both are regular.",
            "Łukasz Żmuda brings most new clients; Bartłomiej Kędzierski has lost the most.",
            "Grocery shops with steady deliveries are stable (X); drugstores (December peak) and garden "
            "and DIY shops (May peak) are seasonal (Y); garden centres, fuel depots and Christmas stalls, "
            "which buy only in season, are erratic (Z) by the CV.",
            "'Dostawa następnego dnia' (next-day delivery) moved from performance (O, PL: wymaganie "
            "świadome) to basic (M, PL: podstawowe) while its satisfaction score falls year by year.",
        ],
    )


_SPECS: dict[str, Callable[[], dict]] = {
    "it_services": _spec_it,
    "event_agency": _spec_events,
    "wholesale_pl": _spec_wholesale,
}


def it_services(seed: int = 0, scale: float = 1.0) -> SampleCompany:
    """TechSerwis IT: the IT services company of Example 3 (PL: firma usług IT z przykładu 3).

    Accounting software, licences, IT support, security and hardware sold to the eight target
    groups of seed 003 (line 311), defined in ``segments.yml`` with the ideal client portrait.
    Kano answers as codes 1-5. ``scale`` multiplies the number of clients (benchmarks).
    """
    return _build(_SPECS["it_services"](), seed, scale)


def event_agency(seed: int = 0, scale: float = 1.0) -> SampleCompany:
    """Eventa: the event agency of seed 003 (PL: agencja eventowa z etapami sprzedaży).

    Deals go through presentation, offer, agreement, payment, event and closing, with refusals
    at each stage (the sales funnel, PL: lejek sprzedaży). Kano answers in English words.
    """
    return _build(_SPECS["event_agency"](), seed, scale)


def wholesale_pl(seed: int = 0, scale: float = 1.0) -> SampleCompany:
    """Hurtownia Gałązka: a wholesale distributor with seasonal clients (PL: hurtownia z klientami sezonowymi).

    Ships in Polish conventions (``language: pl``, cp1250, ``;``, decimal comma, Polish headers);
    garden centres, fuel depots and Christmas stalls buy only in their season. Kano answers in
    Polish words ("podoba mi się", "oczekuję tego", ...).
    """
    return _build(_SPECS["wholesale_pl"](), seed, scale)


#: Sample company name (its folder under ``data/samples``) -> generator ``f(seed, scale)``.
SAMPLES: dict[str, Callable[..., SampleCompany]] = {
    "it_services": it_services,
    "event_agency": event_agency,
    "wholesale_pl": wholesale_pl,
}


def generate(name: str, seed: int = 0, scale: float = 1.0) -> SampleCompany:
    """Generate one sample company (PL: wygeneruj przykładową firmę).

    ``name`` is a key of :data:`SAMPLES`; the same ``seed`` gives identical tables, another seed
    another company with the same story. ``scale`` multiplies the number of clients, so
    ``scale=150`` gives roughly a million transactions for benchmarks (the Kano survey keeps its
    size).
    """
    if name not in SAMPLES:
        raise ValueError(f"unknown sample {name!r}; choose one of {', '.join(SAMPLES)}")
    if scale <= 0:
        raise ValueError("scale must be positive")
    return SAMPLES[name](seed=seed, scale=scale)


# --------------------------------------------------------------------------------------------
# Writing a company folder


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
    """A table as CSV text in the given conventions (headers Polish in ``pl``)."""
    sep, end = ("," , "\n") if conventions == "en" else (";", "\r\n")
    headers = PL_HEADERS.get(table, {}) if conventions == "pl" else {}
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator=end, quoting=csv.QUOTE_MINIMAL)
    w.writerow([headers.get(c, c) for c in df.columns])
    cols = [_format_column(table, c, df[c], conventions) for c in df.columns]
    w.writerows(zip(*cols))
    return buf.getvalue()


def _atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _yaml(data: dict, header: str) -> bytes:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return (header + text).encode("utf-8")


def company_config(sample: SampleCompany, conventions: str) -> dict[str, Any]:
    """The ``company.yml`` content for writing ``sample`` in ``conventions``."""
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
    """Write a sample as a company folder in the data contract (PL: zapisz folder firmy).

    ``conventions``: ``"en"`` (``<table>.csv``, UTF-8, ``,``, decimal point, ISO dates, ``\\n``)
    or ``"pl"`` (Polish file names and headers mapped in ``company.yml``, cp1250, ``;``, decimal
    comma with space-separated thousands on amounts, dates ``31.03.2025``, ``\\r\\n`` as Excel
    writes); default: the conventions the sample ships in. Writes ``company.yml``, one CSV per
    table and ``segments.yml`` if the sample has target groups; each file atomically (temporary
    file in the folder, then ``os.replace``) and deterministically. Returns the paths written.
    """
    conventions = conventions or sample.conventions
    if conventions not in ("en", "pl"):
        raise ValueError("conventions must be 'en' or 'pl'")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for t in TABLE_ORDER:
        if t not in sample.tables:
            continue
        text = table_text(t, sample.tables[t], conventions)
        path = folder / (PL_FILES[t] if conventions == "pl" else f"{t}.csv")
        _atomic_write(path, text.encode("cp1250" if conventions == "pl" else "utf-8"))
        written.append(path)
    header = (f"# {sample.name}: a sample company generated by salesnb.samples "
              f"(regenerate: python -m salesnb.samples). Do not edit by hand.\n")
    path = folder / "company.yml"
    _atomic_write(path, _yaml(company_config(sample, conventions), header))
    written.append(path)
    if sample.segments:
        path = folder / "segments.yml"
        seg_header = "# Target groups (seed 003, line 311, Example 3) and the ideal client portrait.\n"
        _atomic_write(path, _yaml(sample.segments, seg_header))
        written.append(path)
    return written


# --------------------------------------------------------------------------------------------
# The README and regeneration


def lifecycle_status(sample: SampleCompany, months: int = 3) -> pd.Series:
    """Each client's lifecycle status at the as-of date, window W = ``months`` (domain.md s.4).

    A small version for the README (PL: status klienta w cyklu życia); the workbook's analysis
    module is the reference implementation.
    """
    tx = sample.tables["transactions"]
    T = sample.as_of
    cur0, prev0 = T - pd.DateOffset(months=months), T - pd.DateOffset(months=2 * months)
    tx = tx[tx["date"] <= T]
    first = tx.groupby("customer_id")["date"].min()
    in_cur = set(tx.loc[tx["date"] > cur0, "customer_id"])
    in_prev = set(tx.loc[(tx["date"] > prev0) & (tx["date"] <= cur0), "customer_id"])
    out = {}
    for c in sample.tables["customers"]["customer_id"]:
        if c not in first.index:
            out[c] = "potential"
        elif c not in in_cur:
            out[c] = "lost"
        elif first[c] > cur0:
            out[c] = "new"
        elif c in in_prev:
            out[c] = "regular"
        else:
            out[c] = "restored"
    return pd.Series(out, name="status")


def lifecycle_counts(sample: SampleCompany, months: int = 3) -> dict[str, int]:
    """Clients per lifecycle status at the as-of date (PL: liczba klientów według statusu)."""
    counts = lifecycle_status(sample, months).value_counts()
    return {k: int(counts.get(k, 0)) for k in STATUSES}


def xyz_classes(sample: SampleCompany, low: float = 0.10, high: float = 0.25) -> pd.Series:
    """Each client's XYZ class at the as-of date with the workbook's defaults (domain.md s.3).

    CV of monthly net turnover from the client's first month to the as-of month, months without
    sales counted as zero, population standard deviation; X if CV <= ``low``, Y if <= ``high``,
    else Z; clients with fewer than 3 months get no class, nor do new clients (first sale within
    the last 3 months). A small version for the README (PL: klasa XYZ); the workbook's analysis
    module is the reference implementation.
    """
    tx = sample.tables["transactions"]
    end = sample.as_of.to_period("M")
    tx = tx[tx["date"] <= sample.as_of]
    first_sale = tx[tx["amount"] > 0].groupby("customer_id")["date"].min()
    new = set(first_sale.index[first_sale > sample.as_of - pd.DateOffset(months=3)])
    m = tx.assign(p=tx["date"].dt.to_period("M")).groupby(["customer_id", "p"])["amount"].sum()
    out = {}
    for c, g in m.groupby(level=0):
        g = g.droplevel(0)
        v = g.reindex(pd.period_range(g.index.min(), end, freq="M"), fill_value=0.0).to_numpy()
        if len(v) >= 3 and v.mean() > 0 and c not in new:
            cv = v.std(ddof=0) / v.mean()
            out[c] = "X" if cv <= low else "Y" if cv <= high else "Z"
    return pd.Series(out, name="xyz", dtype=object)


_README_INTRO = """# Sample companies

Three fictitious companies for the workbook's notebooks and exercises, generated by
`salesnb.samples` (deterministic: seed 0). **Do not edit these files by hand**: regenerate with

    python -m salesnb.samples            # from the repository root; --out DIR to write elsewhere

A test (`tests/test_samples.py`) checks that the committed files equal a fresh regeneration.
Each folder is a company dataset in the data contract (`docs/data-format.md`): `company.yml`,
transactions, customers, products, kano_survey, satisfaction, deals, contacts (and
`segments.yml` for the IT company). Lifecycle counts below use window W = 3 months at the as-of
date (current window (T-W, T], previous (T-2W, T-W]).

File conventions: `it_services` and `event_agency` are plain CSV (UTF-8, `,`, decimal point,
ISO dates, `\\n`). `wholesale_pl` ships in Polish spreadsheet conventions: `language: pl`,
Polish file names and headers mapped in `company.yml`, cp1250, `;`, decimal comma with a space
as thousands separator (`1 234,50`), dates `31.03.2025`, Windows line ends (`\\r\\n`).
Any company can be written either way: `write_company(folder, generate(name), conventions="pl")`.

Common to all three: corrections (credit notes, negative amounts, about 1.5% of rows) are
dated in the month of the invoice they correct and name it in `corrected_document` (an extra
column, like `unit` in products and the segmentation attributes in customers); enquiries
answered outside working hours (Mon-Fri 8:00-18:00) wait for the next opening, so Friday
evening e-mails miss the 24-hour standard; some enquiries are never answered.
"""


def _readme(samples: Sequence[SampleCompany]) -> str:
    out = [_README_INTRO]
    for s in samples:
        t = s.tables
        tx = t["transactions"]
        lc = lifecycle_counts(s)
        out.append(f"\n## {s.name} (`{s.key}/`)\n\n{s.config['description']}\n")
        out.append(f"- language `{s.config['language']}`, files in `{s.conventions}` conventions, currency "
                   f"{s.config['currency']}, history {tx['date'].min():%Y-%m} to {tx['date'].max():%Y-%m}, "
                   f"as-of {s.as_of:%Y-%m-%d}")
        out.append("- rows: " + ", ".join(f"{k} {len(v)}" for k, v in t.items())
                   + f" (corrections: {int((tx['amount'] < 0).sum())})")
        out.append(f"- sales managers: {', '.join(sorted(tx['salesperson'].unique()))}; product lines: "
                   f"{', '.join(sorted(tx['product_line'].unique()))}")
        d = t["deals"]
        refusals = d.loc[d["outcome"] == "lost", "refusal_stage"].value_counts()
        out.append(f"- deal stages: {', '.join(s.config['deal_stages'])}; deals won {int((d['outcome'] == 'won').sum())}, "
                   f"lost {int((d['outcome'] == 'lost').sum())}, open {int((d['outcome'] == 'open').sum())}; "
                   "refusals by stage: " + ", ".join(f"{st} {int(refusals.get(st, 0))}" for st in s.config["deal_stages"]))
        out.append("- lifecycle at as-of (W = 3 months): " + ", ".join(f"{k} {v}" for k, v in lc.items()))
        xyz = xyz_classes(s).value_counts()
        out.append("- XYZ at as-of (monthly turnover, CV <= 10% X, <= 25% Y): "
                   + ", ".join(f"{k} {int(xyz.get(k, 0))}" for k in "XYZ") + f" of {int(xyz.sum())} classified clients")
        if s.story.get("cross_sell"):
            from .periods import last_full_quarter

            by_sp: dict[str, list[str]] = {}
            for cid, sp, line, month in s.story["cross_sell"]:
                by_sp.setdefault(sp, []).append(f"{cid} {line} {month}")
            out.append(f"- new directions in {last_full_quarter(s.as_of)} (regular clients' first purchase in a "
                       "product line new to them, the line then bought on every later invoice): "
                       + "; ".join(f"{sp}: {', '.join(v)}" for sp, v in by_sp.items()))
        out.append("\nPlanted client groups (status at the as-of date, buying pattern, example ids):\n")
        out.append("| group | status at as-of | pattern | clients | examples |\n|---|---|---|---|---|")
        status = lifecycle_status(s)
        for label, ids in s.story["groups"].items():
            st = status[ids].value_counts()
            st_text = ", ".join(f"{k} {int(st[k])}" for k in STATUSES if k in st) if len(st) > 1 else st.index[0]
            pattern = "-" if s.story["group_status"][label] == "potential" else s.story["group_pattern"][label]
            out.append(f"| {label} | {st_text} | {pattern} | {len(ids)} | {', '.join(ids[:3])} |")
        out.append("\nPatterns: stable = bought every month at a near-constant level (CV about 3%, class X); "
                   "seasonal = a yearly wave (CV 14-20%, class Y); steady = most months, noisy; erratic = some "
                   "months, very noisy (class Z); in_season = buys only in its season (a clear seasonal "
                   "pattern with a high CV).\n")
        waves = list(next(iter(s.story["kano"].values())))
        moved = [(f, c) for f, c in s.story["kano"].items() if c[waves[0]] != c[waves[1]]]
        kept = [(f, c) for f, c in s.story["kano"].items() if c[waves[0]] == c[waves[1]]]
        out.append(f"Kano survey, waves {waves[0]} and {waves[1]} (answers: {s.story['kano_answers']}). "
                   "Features that moved:")
        for f, c in moved:
            out.append(f"- {f}: {c[waves[0]]} -> {c[waves[1]]}")
        out.append("\nFeatures that kept their category: " + ", ".join(f"{f} ({c[waves[0]]})" for f, c in kept) + ".\n")
        out.append("Story notes:\n")
        for note in s.story["notes"]:
            out.append(f"- {note}")
        out.append("")
    return "\n".join(out) + "\n"


def write_samples(root: str | Path = "data/samples", seed: int = 0) -> dict[str, Path]:
    """Regenerate every sample company into ``root/<name>/`` and ``root/README.md`` (PL: odtwórz próbki).

    Files in a company folder that the writer no longer produces (``.csv``, ``.yml``) are removed,
    so the folder always equals a fresh generation.
    """
    root = Path(root)
    out: dict[str, Path] = {}
    samples = []
    for name in SAMPLES:
        sample = generate(name, seed=seed)
        folder = root / name
        written = set(write_company(folder, sample))
        for stale in sorted(folder.glob("*")):
            if stale.suffix in (".csv", ".yml") and stale not in written:
                stale.unlink()
        samples.append(sample)
        out[name] = folder
    _atomic_write(root / "README.md", _readme(samples).encode("utf-8"))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m salesnb.samples [--out DIR] [--seed N]``: regenerate the sample companies."""
    ap = argparse.ArgumentParser(prog="python -m salesnb.samples",
                                 description="Regenerate the sample companies (default: data/samples).")
    ap.add_argument("--out", default="data/samples", help="output folder (default: data/samples)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (the committed samples use 0)")
    args = ap.parse_args(argv)
    for name, folder in write_samples(args.out, seed=args.seed).items():
        size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
        print(f"{name}: {folder} ({size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
