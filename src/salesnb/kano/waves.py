"""Kano survey waves: satisfaction is not fixed (PL: fale badania: zadowolenie nie jest stałe).

The first lesson of the article *Kano model and good practices* (PL: *Model Kano i dobre
praktyki*): as clients learn, delighters decay into performance needs and performance needs into
basic needs. Asking the same survey in waves shows it: :func:`summarize_waves` summarises each
wave, :func:`category_changes` lists the features whose category moved.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..errors import DataError, ParameterError, Problem
from ..validation import check_choice
from .parameters import setup_parameters, wave_order
from .summary import summarize

__all__ = ["summarize_waves", "category_changes"]

_DECAY_RANK = {"A": 0, "O": 1, "M": 2}


def summarize_waves(data: Any, wave: str = "wave", order: Sequence | None = None,
                    **kwargs: Any) -> pd.DataFrame:
    """The Kano summary per survey wave and feature (PL: podsumowanie dla kolejnych fal badania).

    The article *Kano model and good practices* (PL: *Model Kano i dobre praktyki*): satisfaction
    changes over time, so the same features are compared wave by wave. Waves are ordered in time
    when every label is a date (ISO or Polish ``31.03.2024``), otherwise in the order they first
    appear in the survey.

    Parameters
    ----------
    data : pandas.DataFrame or company
        The ``kano_survey`` table or a loaded company with ``.kano_survey``.
    wave : str, default 'wave'
        The column holding the wave.
    order : sequence, optional
        The waves in the order to use; overrides the time order.
    **kwargs
        Passed to :func:`~salesnb.kano.summarize` (``variant``, ``strict``, ...).

    Returns
    -------
    pandas.DataFrame
        Index (wave, feature); the columns of :func:`~salesnb.kano.summarize`.

    Raises
    ------
    DataError
        If the survey has no wave column (and the bad input :func:`~salesnb.kano.summarize`
        stops on).
    ParameterError
        If ``order`` misses a wave, or another argument is not allowed.
    """
    p = setup_parameters("summarize_waves", data, order=order, **kwargs)  # name this function in errors
    frame = p.survey
    if wave not in frame.columns:
        if wave != "wave":  # the caller named a column the survey does not have
            check_choice("wave", wave, [str(c) for c in frame.columns], function=p.function, ignore_case=False)
        raise DataError(Problem(p.file, f"the Kano survey has no '{wave}' column, so waves cannot be compared.",
                                "add a wave column (a date or a label per survey round)."))
    if wave != "wave":
        frame = frame.rename(columns={wave: "wave"})
    if order is not None:  # name this function, not summarize, if the order misses a wave
        wave_order(frame["wave"], order, p.function, parameter="order")
    return summarize(frame, by="wave", wave_order=order, **kwargs)


def category_changes(wave_summary: pd.DataFrame, rule: str = "mode", only_changed: bool = True,
                     significant_only: bool = False) -> pd.DataFrame:
    """Features whose Kano category changed between consecutive waves (PL: zmiany kategorii w czasie).

    The article's first lesson (*Kano model and good practices*, PL: *Model Kano i dobre
    praktyki*): "satisfaction is not fixed"; delighters decay into performance needs and
    performance needs into basic needs as clients learn.

    Parameters
    ----------
    wave_summary : pandas.DataFrame
        The (wave, feature) table from :func:`summarize_waves`.
    rule : {'mode', 'berger'}, default 'mode'
        Which category column to compare.
    only_changed : bool, default True
        With False, unchanged features are listed too.
    significant_only : bool, default False
        Keep only changes whose both categories pass Fong's test.

    Returns
    -------
    pandas.DataFrame
        One row per feature and pair of consecutive waves in which it was asked: ``feature``,
        ``wave_from``, ``wave_to``, ``category_from``, ``category_to``, Better/Worse and
        significance before and after, ``changed`` and ``decay`` (True for A->O, A->M, O->M, the
        direction Kano predicts).

    Raises
    ------
    ParameterError
        If ``wave_summary`` is not a (wave, feature) table or another argument is not allowed.
    """
    p = setup_parameters("category_changes", rule=rule, only_changed=only_changed, significant_only=significant_only)
    col = p.column
    if (not isinstance(wave_summary, pd.DataFrame) or not isinstance(wave_summary.index, pd.MultiIndex)
            or wave_summary.index.nlevels != 2):
        raise ParameterError("wave_summary", wave_summary, "the (wave, feature) table from summarize_waves",
                             function=p.function)
    ws = wave_summary.reset_index()
    wave_col, feat_col = ws.columns[0], ws.columns[1]
    ws["_pos"] = pd.factorize(ws[wave_col])[0]  # the table is already in wave order
    ws = ws[ws["n"] > 0].sort_values([feat_col, "_pos"], kind="stable")
    prev = ws.groupby(feat_col, sort=False).shift(1)
    has_prev = prev["_pos"].notna()
    cur, prev = ws[has_prev], prev[has_prev]
    out = pd.DataFrame({
        "feature": cur[feat_col].to_numpy(),
        "wave_from": prev[wave_col].to_numpy(), "wave_to": cur[wave_col].to_numpy(),
        "category_from": prev[col].astype(object).to_numpy(), "category_to": cur[col].astype(object).to_numpy(),
        "better_from": prev["better"].to_numpy(dtype=float), "better_to": cur["better"].to_numpy(dtype=float),
        "worse_from": prev["worse"].to_numpy(dtype=float), "worse_to": cur["worse"].to_numpy(dtype=float),
        "significant_from": prev["significant"].astype(object).to_numpy(),
        "significant_to": cur["significant"].astype(object).to_numpy(),
        "_pos": cur["_pos"].to_numpy(),
    })
    out["changed"] = out["category_from"] != out["category_to"]
    out["decay"] = [(a in _DECAY_RANK and b in _DECAY_RANK and _DECAY_RANK[b] > _DECAY_RANK[a])
                    for a, b in zip(out["category_from"], out["category_to"], strict=True)]
    if p.only_changed:
        out = out[out["changed"]]
    if p.significant_only:
        out = out[(out["significant_from"] == True) & (out["significant_to"] == True)]  # noqa: E712
    out = out.sort_values(["_pos", "feature"], kind="stable").drop(columns="_pos")
    return out.reset_index(drop=True)
