"""Charts of the ABC/XYZ analysis (PL: wykresy analizy ABC/XYZ).

The fourth XYZ step of the article *Working with clients* is "present the results graphically"
(PL: graficzne przedstawienie wyników analizy). Each
function takes a table made by :mod:`salesnb.abcxyz` and a ``language``, returns the
matplotlib Figure and never calls ``plt.show()``. Large tables are thinned for drawing (the
curve keeps every class boundary), never for the numbers.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..abcxyz import abc_xyz_matrix
from ..i18n import t
from ..present import count, percent
from ..validation import ParameterError
from . import PALETTE, style

__all__ = ["pareto_chart", "cv_chart", "matrix_chart"]

_MAX_POINTS = 4000
_CLASS_COLOURS = {"A": PALETTE[2], "B": PALETTE[1], "C": PALETTE[3],
                  "X": PALETTE[2], "Y": PALETTE[1], "Z": PALETTE[3]}


def _thin(n: int, keep: np.ndarray | None = None) -> np.ndarray:
    """Indices to draw: all if few, else evenly spaced plus the ``keep`` ones (sorted)."""
    if n <= _MAX_POINTS:
        return np.arange(n)
    idx = np.unique(np.linspace(0, n - 1, _MAX_POINTS).astype(np.int64))
    if keep is not None and len(keep):
        idx = np.unique(np.r_[idx, keep])
    return idx


def _percent_ticks(ax, language: str, which: str) -> None:
    """Ticks of an axis drawn in percent points (0-100) as locale percentages."""
    from matplotlib.ticker import FuncFormatter

    axis = ax.xaxis if which == "x" else ax.yaxis
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: percent(v / 100, language, 0)))


def _thresholds(table: pd.DataFrame, given: Sequence[float] | None, key: str, default: tuple[float, float]):
    if given is not None:
        return tuple(float(x) for x in given)
    return tuple(table.attrs.get(key, default))


def pareto_chart(table: pd.DataFrame, language: str = "en", thresholds: Sequence[float] | None = None) -> Figure:
    """Pareto curve of the ABC analysis (PL: krzywa Pareto analizy ABC).

    The cumulative share of turnover (or margin) over the clients in ranking order, coloured by
    class, with the threshold lines: the ABC rule of the article *Working with clients* (the
    first 50% of the total is class A, up to 80% class B, the rest C).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`salesnb.abcxyz.abc_xyz` or :func:`~salesnb.abcxyz.abc_table` (columns
        ``cum_share`` and ``abc``, in ranking order; rows without a class, e.g. potential
        clients, are left out). An ``abc_table`` with groups must hold one group.
    language : {"en", "pl"}, default "en"
        The language of the labels.
    thresholds : pair of float, optional
        The ABC lines; default ``table.attrs["abc_thresholds"]``, else (0.5, 0.8).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``table`` holds the rankings of more than one group.
    """
    thr = _thresholds(table, thresholds, "abc_thresholds", (0.5, 0.8))
    data = table[table["abc"].notna()]
    if "group" in data.columns and data["group"].nunique() > 1:
        raise ParameterError("table", table, "one ranking (a table of one group)",
                             function="salesnb.plots.abcxyz.pareto_chart",
                             fix="select one group first, e.g. table[table.group == g].")
    cum = data["cum_share"].to_numpy(dtype=float) * 100
    cls = data["abc"].astype(str).to_numpy()
    n = len(cum)
    x = (np.arange(1, n + 1) / max(n, 1)) * 100
    bounds = np.flatnonzero(np.r_[True, cls[1:] != cls[:-1]]) if n else np.array([], int)
    idx = _thin(n, np.r_[bounds, np.maximum(bounds - 1, 0)])
    with style():
        fig = Figure()
        ax = fig.add_subplot()
        ax.plot(np.r_[0, x[idx]], np.r_[0, cum[idx]], color=PALETTE[7], lw=1.2)
        for c in ("A", "B", "C"):
            m = cls[idx] == c
            if m.any():
                ax.fill_between(x[idx], 0, cum[idx], where=m, color=_CLASS_COLOURS[c], alpha=0.35,
                                step=None, label=f"{c}: {count(int((cls == c).sum()), language)}")
        for v in thr:
            ax.axhline(v * 100, color=PALETTE[0], ls="--", lw=1)
            ax.text(1, v * 100 + 1, f"{t('abcxyz_threshold', language)} {percent(v, language, 0)}",
                    color=PALETTE[0], fontsize=9)
        ax.set_xlim(0, 100)
        ax.set_ylim(0, 102)
        ax.set_xlabel(t("abcxyz_clients_ranked", language))
        ax.set_ylabel(t("cum_share", language))
        _percent_ticks(ax, language, "x")
        _percent_ticks(ax, language, "y")
        ax.set_title(t("abcxyz_pareto_title", language))
        ax.legend(loc="lower right", title=t("abc", language))
        fig.tight_layout()
    return fig


def cv_chart(table: pd.DataFrame, language: str = "en", thresholds: Sequence[float] | None = None) -> Figure:
    """Coefficient of variation per client over the X/Y/Z bands (PL: współczynnik zmienności z pasmami X/Y/Z).

    The CVs sorted rising, over the bands of the classes: XYZ steps 2-4 of the article *Working
    with clients* (group by rising coefficient of variation, split into X, Y, Z, present the
    results graphically). The y axis stops at the 95th percentile, but never below 2.5 x nor above
    4 x the Z line, so the X and Y bands the article cares about stay readable; the number of
    clients above is written on the chart.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`salesnb.abcxyz.xyz` or :func:`~salesnb.abcxyz.abc_xyz` (column ``cv``;
        clients without a class have no CV and are left out).
    language : {"en", "pl"}, default "en"
        The language of the labels.
    thresholds : pair of float, optional
        The X/Y limits; default ``table.attrs["xyz_thresholds"]``, else (0.10, 0.25).

    Returns
    -------
    matplotlib.figure.Figure
    """
    thr = _thresholds(table, thresholds, "xyz_thresholds", (0.10, 0.25))
    cv = np.sort(table["cv"].dropna().to_numpy(dtype=float)) * 100
    n = len(cv)
    idx = _thin(n)
    # The y axis stops at the 95th percentile, kept between 2.5 x and 4 x the Z line, so the X and
    # Y bands stay readable next to volatile clients (their number is written on the chart).
    q95 = float(np.quantile(cv, 0.95)) * 1.1 if n else 0.0
    top = min(max(thr[1] * 100 * 2.5, q95), thr[1] * 100 * 4)
    above = int((cv > top).sum())
    with style():
        fig = Figure()
        ax = fig.add_subplot()
        bands = [("X", 0, thr[0] * 100), ("Y", thr[0] * 100, thr[1] * 100), ("Z", thr[1] * 100, top)]
        classes = table["xyz"].astype(str).to_numpy() if "xyz" in table else np.array([])
        for c, lo, hi in bands:
            n_class = int((classes == c).sum())
            ax.axhspan(lo, hi, color=_CLASS_COLOURS[c], alpha=0.25, lw=0,
                       label=f"{t('abcxyz_class_' + c, language)}: {count(n_class, language)}")
        if n:
            ax.plot(np.arange(1, n + 1)[idx] / n * 100, np.minimum(cv[idx], top), color=PALETTE[0], lw=1.5,
                    marker="." if n < 60 else None)
        if above:
            note = t("abcxyz_off_chart", language).format(n=count(above, language), top=percent(top / 100, language, 0))
            ax.text(0.98, 0.03, note, transform=ax.transAxes, ha="right", va="bottom", fontsize=9, color=PALETTE[0],
                    bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8})
        ax.set_ylim(0, top)
        ax.set_xlim(0, 100)
        ax.set_xlabel(t("abcxyz_clients_by_cv", language))
        ax.set_ylabel(t("cv", language))
        _percent_ticks(ax, language, "x")
        _percent_ticks(ax, language, "y")
        ax.set_title(t("abcxyz_cv_title", language))
        ax.legend(loc="upper left")
        fig.tight_layout()
    return fig


def matrix_chart(table: pd.DataFrame, language: str = "en", value: str = "turnover") -> Figure:
    """The 3x3 ABC-XYZ matrix as two heatmaps (PL: macierz ABC-XYZ).

    The number of clients and their share of turnover in each cell (AX ... CZ; A and X are the
    most valuable, the article *Working with clients*).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`salesnb.abcxyz.abc_xyz`.
    language : {"en", "pl"}, default "en"
        The language of the labels.
    value : {"turnover", "margin"}, default "turnover"
        The column the shares are of. Shares are of the total of all clients in the table, so
        the clients without an XYZ class (new, short history) hold the rest; the caption says
        how much.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``table`` lacks the class columns or ``value`` is not one of its columns
        (:func:`salesnb.abcxyz.abc_xyz_matrix`).
    """
    m = abc_xyz_matrix(table, value)
    counts, shares, rest = m["clients"], m["share"], 1.0 - float(np.nansum(m["share"].to_numpy()))
    with style():
        fig = Figure(figsize=(10, 4.2))
        axes = fig.subplots(1, 2)
        for ax, data, fmt, title, cmap in (
            (axes[0], counts.to_numpy(dtype=float), lambda v: count(v, language), t("abcxyz_matrix_counts", language),
             "Blues"),
            (axes[1], shares.to_numpy(dtype=float), lambda v: percent(v, language), t("abcxyz_matrix_share", language),
             "Oranges"),
        ):
            vmax = np.nanmax(data) if np.isfinite(data).any() and np.nanmax(data) > 0 else 1
            ax.imshow(data, cmap=cmap, vmin=0, vmax=vmax)
            for i in range(3):
                for j in range(3):
                    v = data[i, j]
                    hi = np.isfinite(v) and np.nanmax(data) > 0 and v > 0.6 * np.nanmax(data)
                    ax.text(j, i, fmt(v) if np.isfinite(v) else "–", ha="center", va="center",
                            color="white" if hi else "black", fontsize=11)
            ax.set_xticks(range(3), ["X", "Y", "Z"])
            ax.set_yticks(range(3), ["A", "B", "C"])
            ax.set_xlabel(t("xyz", language))
            ax.set_ylabel(t("abc", language))
            ax.set_title(title, fontsize=11)
            ax.grid(False)
        unclassified = int((table["abc_xyz"].isna()).sum()) if "abc_xyz" in table else 0
        fig.suptitle(t("abcxyz_matrix_title", language), fontweight="bold")
        fig.text(0.5, 0.01, t("abcxyz_unclassified_note", language).format(
                 n=count(unclassified, language), share=percent(max(rest, 0.0), language),
                 value=t(value, language).lower()), ha="center", fontsize=9)
        fig.tight_layout(rect=(0, 0.04, 1, 0.95))
    return fig
