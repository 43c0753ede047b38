"""Target groups and the ideal client portrait (PL: grupy docelowe i portret idealnego klienta).

Target groups are defined by rules over client attributes (the article
*Working with clients*, Example 3: "Large production enterprises: industry = production, has
branches, > 1000 employees"). The rules live in ``segments.yml`` (format in docs/data-format.md):

- ``attribute: value`` the attribute equals the value (text compared case-insensitively);
- ``attribute: [v1, v2]`` the attribute is one of the values;
- ``attribute: ">1000"`` (or ``>=``, ``<``, ``<=``) a comparison on a numeric attribute.

A client belongs to the first group (in file order) whose rules all hold (the workbook's
decision: the article does not say what happens when groups overlap); clients matching none are
"outside the target groups" (the article's non-target clients, PL: klienci niebędący grupą
docelową).
"""
from __future__ import annotations

import pandas as pd

from .rules import OUTSIDE, check_segments, rule_mask


def assign(customers: pd.DataFrame, segments: dict) -> pd.Series:
    """The target group of each client (PL: przypisanie klienta do grupy docelowej).

    The rule of the article *Working with clients* (Example 3): a group is a conjunction of
    attribute conditions. The workbook's decision where groups overlap: the first matching group
    wins (file order); no match gives ``"outside"`` (:data:`~salesnb.rules.OUTSIDE`).

    Parameters
    ----------
    customers : pandas.DataFrame
        The customers table, with every attribute the rules name.
    segments : dict
        The parsed ``segments.yml`` (its ``segments`` list of groups, each with ``id`` and
        ``rules``), checked by :func:`~salesnb.rules.check_segments` when the company was loaded.

    Returns
    -------
    pandas.Series
        The group id of each client (object dtype), indexed like ``customers``.
    """
    result = pd.Series(OUTSIDE, index=customers.index, dtype=object)
    free = pd.Series(True, index=customers.index)
    for g in segments["segments"]:
        mask = free.copy()
        for attr, rule in g["rules"].items():
            mask &= rule_mask(customers[attr], rule).to_numpy(dtype=bool)
        result[mask] = g["id"]
        free &= ~mask
    return result


def segment_names(segments: dict, language: str = "en") -> dict[str, str]:
    """The display name of each target group (PL: nazwy grup docelowych).

    Parameters
    ----------
    segments : dict
        The parsed ``segments.yml``; a group's ``name`` may be a string or ``{en: ..., pl: ...}``.
    language : {"en", "pl"}, default "en"
        Which name to use.

    Returns
    -------
    dict of str to str
        ``{group id: name}``: the name in ``language``, else the English one, else the id (a
        group without a name is called by its id).
    """
    out = {}
    for g in segments["segments"]:
        name = g.get("name", g["id"])
        out[g["id"]] = name.get(language, name.get("en", g["id"])) if isinstance(name, dict) else str(name)
    return out


__all__ = ["assign", "check_segments", "segment_names", "OUTSIDE"]
