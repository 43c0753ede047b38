"""Target groups from the rules of ``segments.yml`` (PL: grupy docelowe według reguł).

Target groups are defined by rules over client attributes (the article *Working with clients*,
Example 3: "Large production enterprises: industry = production, has branches, > 1000
employees"). A rule is

- ``attribute: value``: the attribute equals the value (text compared case-insensitively);
- ``attribute: [v1, v2]``: the attribute is one of the values;
- ``attribute: ">1000"`` (or ``>=``, ``<``, ``<=``): a comparison on a numeric attribute.

A client belongs to the first group (in file order) whose rules all hold (the workbook's
decision: the article does not say what happens when groups overlap); clients matching none are
"outside the target groups" (the article's non-target clients, PL: klienci nienależący do
żadnej grupy docelowej). Overlaps and groups that match nobody are reported
(:func:`group_summary`, :func:`overlap_pairs`, :func:`overlap_matrix`), never hidden.

Each rule is evaluated once per distinct value of its attribute (a few hundred at most), then
spread to the clients by the value's code, so 500,000 clients take milliseconds per rule.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, Problem
from ..i18n import LABELS, check_language, t
from ..rules import OUTSIDE, rule_mask
from ..validation import ParameterError, check_frame

__all__ = ["OUTSIDE", "assign", "attribute_name", "first_match", "group_ids", "group_summary", "matches",
           "overlap_matrix", "overlap_pairs", "rules_table", "segment_names"]


def group_ids(segments: Any, function: str = "salesnb.segments.group_ids") -> list[str]:
    """The target groups' ids in file order (PL: identyfikatory grup docelowych).

    Parameters
    ----------
    segments : dict
        The parsed ``segments.yml`` (a ``segments`` list of groups with ``id`` and ``rules``).
    function : str, default "salesnb.segments.group_ids"
        The public function being called, named in the message.

    Returns
    -------
    list of str

    Raises
    ------
    ParameterError
        If ``segments`` is not such a mapping.
    """
    groups = segments.get("segments") if isinstance(segments, dict) else None
    if not isinstance(groups, list) or not groups or not all(
            isinstance(g, dict) and "id" in g and isinstance(g.get("rules"), dict) for g in groups):
        raise ParameterError("segments", segments, "the parsed segments.yml: a `segments` list of groups, "
                             "each with `id` and `rules`", function=function,
                             fix="pass company.segments (see docs/data-format.md, segments.yml).")
    return [str(g["id"]) for g in groups]


def matches(customers: pd.DataFrame, segments: dict) -> pd.DataFrame:
    """Which target groups' rules each client satisfies (PL: spełnione reguły grup docelowych).

    Every group is tested on its own (no first-match rule here), so a client may match several:
    the raw material of :func:`assign`, :func:`group_summary` and :func:`overlap_matrix`.

    Parameters
    ----------
    customers : pandas.DataFrame
        The customers table, with every attribute the rules name.
    segments : dict
        The parsed ``segments.yml``.

    Returns
    -------
    pandas.DataFrame of bool
        One row per client (indexed like ``customers``), one column per group id in file order.

    Raises
    ------
    ParameterError
        If ``customers`` is not a DataFrame or ``segments`` not a parsed ``segments.yml``.
    DataError
        If a rule names an attribute ``customers`` lacks: the message names the group and the
        attribute.
    """
    fn = "salesnb.segments.matches"
    check_frame("customers", customers, function=fn)
    ids = group_ids(segments, fn)
    missing = [(g["id"], attr) for g in segments["segments"] for attr in g["rules"] if attr not in customers.columns]
    if missing:
        raise DataError([Problem("segments.yml",
                                 f"group {gid!r} has a rule on {attr!r}, which customers does not have.",
                                 fix=f"use one of: {', '.join(map(str, customers.columns))}; or add the column to "
                                     "customers.", column=attr) for gid, attr in missing])
    coded: dict[str, tuple[np.ndarray, pd.Series]] = {}
    out = {}
    for gid, g in zip(ids, segments["segments"], strict=True):
        mask = np.ones(len(customers), dtype=bool)
        for attr, rule in g["rules"].items():
            if attr not in coded:
                codes, uniques = pd.factorize(customers[attr], use_na_sentinel=True)
                coded[attr] = (codes, pd.Series(uniques))
            codes, uniques = coded[attr]
            hit = np.append(rule_mask(uniques, rule).to_numpy(dtype=bool), False)  # code -1: missing never matches
            mask &= hit[codes]
        out[gid] = mask
    return pd.DataFrame(out, index=customers.index, columns=ids)


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

    Raises
    ------
    ParameterError
        If ``customers`` is not a DataFrame or ``segments`` not a parsed ``segments.yml``.
    DataError
        If a rule names an attribute ``customers`` lacks (the group and attribute named).
    """
    m = matches(customers, segments)
    return pd.Series(first_match(m.to_numpy(), list(m.columns)), index=customers.index, dtype=object)


def first_match(match: np.ndarray, ids: list[str]) -> np.ndarray:
    """The first matching group of each row of a match matrix (PL: pierwsza pasująca grupa).

    Parameters
    ----------
    match : numpy.ndarray of bool
        Clients x groups, as :func:`matches` gives it.
    ids : list of str
        The group ids, in column order.

    Returns
    -------
    numpy.ndarray of object
        The first matching group id per row, ``"outside"`` where none matches.
    """
    names = np.array([*ids, OUTSIDE], dtype=object)
    if match.shape[1] == 0:
        return np.full(match.shape[0], OUTSIDE, dtype=object)
    first = np.where(match.any(axis=1), match.argmax(axis=1), len(ids))
    return names[first]


def group_summary(customers: pd.DataFrame, segments: dict) -> pd.DataFrame:
    """Clients per target group, with overlaps and empty groups (PL: liczebność grup docelowych).

    Reports what the first-match rule would otherwise hide: clients matching a group's rules
    but assigned to an earlier group, and groups that match nobody.

    Parameters
    ----------
    customers : pandas.DataFrame
        The customers table (every known client, leads included).
    segments : dict
        The parsed ``segments.yml``.

    Returns
    -------
    pandas.DataFrame
        Index ``segment`` (group ids in file order, then ``"outside"``); columns ``clients``
        (assigned, first match), ``client_share`` (of all clients), ``matching`` (clients whose
        rules hold, assigned here or not), ``taken_by_earlier`` (matching, but assigned to an
        earlier group), ``overlapping`` (matching this and at least one other group) and
        ``empty`` (no client matches the rules). ``attrs["overlapping_clients"]`` counts the
        clients matching two groups or more; ``attrs["empty_groups"]`` lists the empty groups.

    Raises
    ------
    ParameterError, DataError
        As :func:`matches`.
    """
    m = matches(customers, segments)
    ids = list(m.columns)
    arr = m.to_numpy()
    assigned = first_match(arr, ids)
    n_match = arr.sum(axis=1)
    multi = n_match >= 2
    clients = pd.Series(assigned).value_counts().reindex([*ids, OUTSIDE], fill_value=0)
    matching = pd.Series(arr.sum(axis=0), index=ids).reindex([*ids, OUTSIDE])
    matching[OUTSIDE] = clients[OUTSIDE]
    overlapping = pd.Series(arr[multi].sum(axis=0), index=ids).reindex([*ids, OUTSIDE], fill_value=0)
    out = pd.DataFrame({
        "clients": clients.to_numpy(dtype=np.int64),
        "client_share": clients.to_numpy(dtype=float) / max(len(customers), 1),
        "matching": matching.to_numpy(dtype=np.int64),
        "taken_by_earlier": (matching - clients).to_numpy(dtype=np.int64),
        "overlapping": overlapping.to_numpy(dtype=np.int64),
        "empty": np.r_[arr.sum(axis=0) == 0, False],
    }, index=pd.Index([*ids, OUTSIDE], name="segment"))
    out.attrs.update(overlapping_clients=int(multi.sum()),
                     empty_groups=[g for j, g in enumerate(ids) if not arr[:, j].any()])
    return out


def overlap_matrix(customers: pd.DataFrame, segments: dict) -> pd.DataFrame:
    """How many clients match two target groups at once (PL: nakładanie się grup docelowych).

    Parameters
    ----------
    customers : pandas.DataFrame
        The customers table.
    segments : dict
        The parsed ``segments.yml``.

    Returns
    -------
    pandas.DataFrame of int
        Groups x groups (file order): the diagonal is the clients matching each group's rules,
        an off-diagonal cell the clients matching both; all zero off the diagonal when the
        groups do not overlap. Rows are named ``segment``, columns ``also_matches``.

    Raises
    ------
    ParameterError, DataError
        As :func:`matches`.
    """
    m = matches(customers, segments)
    a = m.to_numpy().astype(np.int64)
    both = a.T @ a
    return pd.DataFrame(both, index=pd.Index(m.columns, name="segment"),
                        columns=pd.Index(m.columns, name="also_matches"))


def overlap_pairs(customers: pd.DataFrame, segments: dict) -> pd.DataFrame:
    """The pairs of target groups some client matches both of (PL: pary nakładających się grup).

    The off-diagonal cells of :func:`overlap_matrix` that are not zero, one row per pair: a
    compact list where the matrix would be mostly zeros (and empty when no group overlaps).

    Parameters
    ----------
    customers : pandas.DataFrame
        The customers table.
    segments : dict
        The parsed ``segments.yml``.

    Returns
    -------
    pandas.DataFrame
        Columns ``segment`` and ``also_matches`` (group ids, the earlier group in file order
        first: it wins the clients) and ``clients`` (matching both); most clients first, then
        file order. No rows when no client matches two groups.

    Raises
    ------
    ParameterError, DataError
        As :func:`matches`.
    """
    both = overlap_matrix(customers, segments)
    a = both.to_numpy()
    i, j = np.triu_indices(len(a), k=1)
    keep = a[i, j] > 0
    ids = np.asarray(both.index, dtype=object)
    out = pd.DataFrame({"segment": ids[i[keep]], "also_matches": ids[j[keep]],
                        "clients": a[i, j][keep].astype(np.int64)})
    return out.sort_values("clients", ascending=False, kind="mergesort").reset_index(drop=True)


def segment_names(segments: dict, language: str = "en", outside: bool = True) -> dict[str, str]:
    """The display name of each target group (PL: nazwy grup docelowych).

    Parameters
    ----------
    segments : dict
        The parsed ``segments.yml``; a group's ``name`` may be a string or ``{en: ..., pl: ...}``.
    language : {"en", "pl"}, default "en"
        Which name to use.
    outside : bool, default True
        Also name :data:`~salesnb.rules.OUTSIDE` ("outside the target groups" / "poza grupami
        docelowymi").

    Returns
    -------
    dict of str to str
        ``{group id: name}``: the name in ``language``, else the English one, else the id (a
        group without a name is called by its id).

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    label = t("segment_outside", language)  # checks the language
    out = {}
    for g in segments["segments"]:
        name = g.get("name", g["id"])
        out[g["id"]] = name.get(language, name.get("en", g["id"])) if isinstance(name, dict) else str(name)
    if outside:
        out[OUTSIDE] = label
    return out


def attribute_name(attribute: str, language: str | None = "en") -> str:
    """A client attribute's name for a reader (PL: nazwa atrybutu klienta).

    The catalogue's label ``attr_<attribute>`` (or the contract column's label) where there is
    one, else the attribute with its underscores as spaces: ``client_type`` -> ``Typ klienta``.

    Parameters
    ----------
    attribute : str
        A column of the client list named in a rule of ``segments.yml``.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
    """
    for key in (f"attr_{attribute}", attribute):
        if key in LABELS:
            return t(key, language)
    return str(attribute).replace("_", " ")


def _value_text(value: Any, language: str | None) -> str:
    if isinstance(value, bool):
        return str(value).lower() if language is None else t("seg_yes" if value else "seg_no", language)
    return str(value)


def _rule_text(attr: str, rule: Any, language: str | None = None) -> str:
    """One rule as written in segments.yml (``language`` None), or in words for a reader."""
    name = attr if language is None else attribute_name(attr, language)
    if isinstance(rule, list):
        values = [_value_text(v, language) for v in rule]
        if language is None:
            return f"{name} ∈ {{{', '.join(values)}}}"
        listed = "".join(values) if len(values) < 2 else \
            f"{', '.join(values[:-1])} {t('seg_or', language)} {values[-1]}"
        return f"{name}: {listed}"
    text = _value_text(rule, language).strip()
    if not isinstance(rule, bool) and text[:1] in ("<", ">"):
        op = text[:2] if text[1:2] == "=" else text[:1]
        return f"{name} {op.replace('>=', '≥').replace('<=', '≤')} {text[len(op):].strip()}"
    return f"{name} = {text}" if language is None else f"{name}: {text}"


def rules_table(segments: dict, language: str | None = None) -> pd.DataFrame:
    """The target groups' rules and portrait as a table (PL: reguły grup docelowych i portret).

    The article *Working with clients*, Example 3: each group by its "from birth" parameters and
    the products meant for it.

    Parameters
    ----------
    segments : dict
        The parsed ``segments.yml``.
    language : {"en", "pl"} or None, default None
        None writes the rules as in ``segments.yml``; a language writes them in words for a
        reader, attributes named by :func:`attribute_name` and yes/no in that language
        (``Typ klienta: drogeria lub sklep ogrodniczy · Liczba pracowników > 1000``).

    Returns
    -------
    pandas.DataFrame
        Index ``segment`` (group ids in file order); columns ``rules`` (the conditions, all of
        which must hold, joined by " · ": ``industry = production · employees > 1000``;
        ``∈ {...}`` for one of several values) and ``portrait_lines`` (the lines the portrait
        means for the group, joined by ", ").

    Raises
    ------
    ParameterError
        If ``segments`` is not a parsed ``segments.yml``.
    """
    ids = group_ids(segments, "salesnb.segments.rules_table")
    if language is not None:
        language = check_language(language, function="salesnb.segments.rules_table")
    portrait = segments.get("portrait") or {}
    rows = []
    for gid, g in zip(ids, segments["segments"], strict=True):
        lines = portrait.get(gid) or []
        rows.append((" · ".join(_rule_text(a, r, language) for a, r in g["rules"].items()),
                     ", ".join(map(str, lines if isinstance(lines, list) else [lines]))))
    return pd.DataFrame(rows, columns=["rules", "portrait_lines"], index=pd.Index(ids, name="segment"))
