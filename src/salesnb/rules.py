"""The target-group rules of ``segments.yml`` (PL: reguły grup docelowych): reading and checking.

Part of the data contract (docs/data-format.md): a target group is a conjunction of conditions
on client attributes (the article *Working with clients*, Example 3: "Large production
enterprises: industry = production, has branches, > 1000 employees"). A condition is

- ``attribute: value``: the attribute equals the value (text compared case-insensitively);
- ``attribute: [v1, v2]``: the attribute is one of the values;
- ``attribute: ">1000"`` (or ``>=``, ``<``, ``<=``): a comparison on a numeric attribute.

The loader checks the rules against the customers table (:func:`check_segments`); the methods
in :mod:`salesnb.segments` apply them (:func:`rule_mask`).
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .errors import Problem

__all__ = ["COMPARISON", "OUTSIDE", "check_segments", "rule_mask"]

#: A numeric comparison rule such as ``">1000"`` or ``"<= 150"``.
COMPARISON = re.compile(r"^\s*(>=|<=|>|<)\s*(-?\d+(?:[.,]\d+)?)\s*$")
#: The group of clients matching no target group (the article's non-target clients).
OUTSIDE = "outside"


def rule_mask(values: pd.Series, rule) -> pd.Series:
    """Which clients satisfy one condition (PL: spełnienie warunku reguły).

    Parameters
    ----------
    values : pandas.Series
        The attribute of every client.
    rule : str, number, bool or list
        The condition as written in ``segments.yml`` (see the module docstring).

    Returns
    -------
    pandas.Series of bool
        Aligned with ``values``; a missing attribute never matches.
    """
    if isinstance(rule, str) and COMPARISON.match(rule):
        op, num = COMPARISON.match(rule).groups()
        x = pd.to_numeric(values, errors="coerce")
        n = float(num.replace(",", "."))
        return {">": x > n, ">=": x >= n, "<": x < n, "<=": x <= n}[op].fillna(False)
    options = rule if isinstance(rule, list) else [rule]
    norm = values.astype("string").str.strip().str.lower()
    wanted = {str(o).strip().lower() for o in options}
    # YAML booleans against spreadsheet text (yes/no, tak/nie, true/false, 1/0)
    for truth, words in ((True, {"true", "yes", "tak", "1", "y", "t"}), (False, {"false", "no", "nie", "0", "n", "f"})):
        if str(truth).lower() in wanted:
            wanted |= words
    return norm.isin(wanted).fillna(False)


def check_segments(segments: dict, customers: pd.DataFrame | None, path: Path) -> list[Problem]:
    """Problems in a ``segments.yml`` mapping (PL: błędy w definicji grup docelowych).

    Parameters
    ----------
    segments : dict
        The parsed ``segments.yml``.
    customers : pandas.DataFrame or None
        The company's customers table, whose columns the rules may name.
    path : pathlib.Path
        The file, for the messages.

    Returns
    -------
    list of Problem
        Unknown attributes, rules that are not comparisons, repeated group ids, portrait rows
        naming no group; empty when the file is right.
    """
    problems: list[Problem] = []
    groups = segments.get("segments")
    if not isinstance(groups, list) or not groups:
        return [Problem(path, "`segments:` must be a list of target groups.", "see docs/data-format.md.")]
    seen = set()
    for i, g in enumerate(groups, 1):
        if not isinstance(g, dict) or "id" not in g or not isinstance(g.get("rules"), dict):
            problems.append(Problem(path, f"target group {i} needs `id:` and `rules:`.", "see docs/data-format.md."))
            continue
        if g["id"] in seen:
            problems.append(Problem(path, f"target group id {g['id']!r} is used twice.", "give each group its own id."))
        seen.add(g["id"])
        for attr, rule in g["rules"].items():
            if customers is not None and attr not in customers.columns:
                problems.append(Problem(path,
                                        f"group {g['id']!r} has a rule on {attr!r}, which customers does not have.",
                                        f"use one of: {', '.join(map(str, customers.columns))}."))
            if isinstance(rule, str) and rule.strip()[:1] in ("<", ">") and not COMPARISON.match(rule):
                problems.append(Problem(path, f"group {g['id']!r}: rule {attr}: {rule!r} is not a comparison.",
                                        "write it like \">1000\" or \"<=150\"."))
    portrait = segments.get("portrait") or {}
    for gid in portrait:
        if gid not in seen:
            problems.append(Problem(path, f"`portrait:` names group {gid!r}, which `segments:` does not define.",
                                    f"use one of: {', '.join(map(str, seen))}."))
    return problems


