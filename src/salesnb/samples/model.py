"""What a sample company is made of (PL: model przykładowej firmy).

:class:`SampleCompany` is a generated company (configuration, tables, target groups, story);
:class:`Group` is a group of clients in a company spec with one planted lifecycle status
(:data:`STATUSES`, the client lifecycle of *Working with clients*) and one buying pattern
(:data:`PATTERNS`: stable, seasonal and erratic buyers for XYZ).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..validation import check_choice

__all__ = ["PATTERNS", "STATUSES", "Group", "SampleCompany"]

#: Lifecycle statuses planted in the samples, in the order the README counts them.
STATUSES = ("potential", "new", "regular", "restored", "lost")


#: Buying patterns: ranges the clients' parameters are drawn from.
PATTERNS: dict[str, dict[str, Any]] = {
    # p: chance of buying in an active month; sigma: lognormal noise; amp: seasonal amplitude;
    # trend: yearly growth range; corrections: whether credit notes may hit the client.
    "stable": dict(p=(1.0, 1.0), sigma=0.03, amp=(0.0, 0.0), trend=(0.0, 0.0), corrections=False, years=False),
    "seasonal": dict(p=(1.0, 1.0), sigma=0.04, amp=(0.21, 0.27), trend=(0.0, 0.0), corrections=False, years=True),
    "steady": dict(p=(0.75, 0.95), sigma=0.35, amp=(0.0, 0.15), trend=(-0.1, 0.15), corrections=True, years=False),
    "erratic": dict(p=(0.25, 0.5), sigma=0.9, amp=(0.0, 0.0), trend=(-0.1, 0.2), corrections=True, years=False),
    "in_season": dict(p=(1.0, 1.0), sigma=0.12, amp=(0.3, 0.4), trend=(0.0, 0.08), corrections=True, years=True),
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
class Group:
    """Clients with one planted lifecycle status and one buying pattern (PL: grupa klientów).

    ``status``: regular, new, restored, lost, potential, or ``natural`` (the status follows from
    the season, for in-season buyers). ``pattern``: stable (CV about 3%), seasonal (a yearly
    wave, CV 14-20%), steady (most months, noisy, CV > 25%), erratic (some months, very noisy),
    in_season (buys only in ``season`` months); see :data:`PATTERNS`. ``base``: lognormal
    (mu, sigma) of the monthly turnover. ``lines``: product lines the group buys (each client uses a random subset of at
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

    def __post_init__(self) -> None:
        check_choice("status", self.status, (*STATUSES, "natural"), function="salesnb.samples.model.Group",
                     ignore_case=False)
        check_choice("pattern", self.pattern, tuple(PATTERNS), function="salesnb.samples.model.Group",
                     ignore_case=False)
