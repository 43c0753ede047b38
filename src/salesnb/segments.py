"""Target groups and the ideal client portrait (PL: grupy docelowe i portret idealnego klienta).

Target groups are defined by rules over client attributes (domain.md section 2, seed 003
line 311, Example 3: "Large production enterprises: industry = production, has branches,
> 1000 employees"). The rules live in ``segments.yml`` (format in docs/data-format.md):

- ``attribute: value`` the attribute equals the value (text compared case-insensitively);
- ``attribute: [v1, v2]`` the attribute is one of the values;
- ``attribute: ">1000"`` (or ``>=``, ``<``, ``<=``) a comparison on a numeric attribute.

A client belongs to the first group (in file order) whose rules all hold; clients matching
none are "outside the target groups" (the article's non-target clients).
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .errors import Problem

_CMP = re.compile(r"^\s*(>=|<=|>|<)\s*(-?\d+(?:[.,]\d+)?)\s*$")
OUTSIDE = "outside"


def _rule_mask(values: pd.Series, rule) -> pd.Series:
    if isinstance(rule, str) and _CMP.match(rule):
        op, num = _CMP.match(rule).groups()
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
    """Problems in a ``segments.yml`` mapping (unknown attributes, bad rules, duplicate ids)."""
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
                problems.append(Problem(path, f"group {g['id']!r} has a rule on {attr!r}, which customers does not have.",
                                        f"use one of: {', '.join(map(str, customers.columns))}."))
            if isinstance(rule, str) and rule.strip()[:1] in "<>" and not _CMP.match(rule):
                problems.append(Problem(path, f"group {g['id']!r}: rule {attr}: {rule!r} is not a comparison.",
                                        "write it like \">1000\" or \"<=150\"."))
    portrait = segments.get("portrait") or {}
    for gid in portrait:
        if gid not in seen:
            problems.append(Problem(path, f"`portrait:` names group {gid!r}, which `segments:` does not define.",
                                    f"use one of: {', '.join(map(str, seen))}."))
    return problems


def assign(customers: pd.DataFrame, segments: dict) -> pd.Series:
    """The target group of each client (PL: przypisanie klienta do grupy docelowej).

    Rule from seed 003 line 311: a group is a conjunction of attribute conditions; the first
    matching group wins (file order); no match gives ``"outside"``. Indexed like ``customers``.
    """
    result = pd.Series(OUTSIDE, index=customers.index, dtype=object)
    free = pd.Series(True, index=customers.index)
    for g in segments["segments"]:
        mask = free.copy()
        for attr, rule in g["rules"].items():
            mask &= _rule_mask(customers[attr], rule).to_numpy(dtype=bool)
        result[mask] = g["id"]
        free &= ~mask
    return result


def segment_names(segments: dict, language: str = "en") -> dict[str, str]:
    """{group id: display name} in the language (names may be a string or {en:, pl:})."""
    out = {}
    for g in segments["segments"]:
        name = g.get("name", g["id"])
        out[g["id"]] = name.get(language, name.get("en", g["id"])) if isinstance(name, dict) else str(name)
    return out


__all__ = ["assign", "check_segments", "segment_names", "OUTSIDE"]
