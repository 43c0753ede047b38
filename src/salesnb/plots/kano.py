"""Kano charts (PL: wykresy Kano): the model's three curves, the Better/Worse plane, category shares.

Each ``<what>_chart`` function takes a table made by :mod:`salesnb.kano` plus ``language`` and
returns a :class:`matplotlib.figure.Figure` built without pyplot, so a notebook shows it once
(as the cell's value) and nothing is left open in pyplot. Sources: Kano et al. (1984) for the
diagram; Berger et al. (1993, Timko) for the Better/Worse plane; the article *Kano model and
good practices* (PL: *Model Kano i dobre praktyki*) for the lessons the charts teach.

Old names
---------
``plot_kano_diagram``, ``plot_better_worse``, ``plot_category_shares`` and ``plot_waves`` are
the old names of :func:`diagram_chart`, :func:`better_worse_chart`,
:func:`category_shares_chart` and :func:`waves_chart`; they still work, so older notebooks run.
"""
from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .. import kano
from ..errors import ParameterError
from ..i18n import t
from ..present import number, wave
from ..validation import check_frame, check_number
from . import PALETTE, label_points, style

__all__ = [
    "CATEGORY_COLORS", "diagram_chart", "better_worse_chart", "category_shares_chart", "waves_chart",
    # old names
    "plot_kano_diagram", "plot_better_worse", "plot_category_shares", "plot_waves",
]

_MODULE = "salesnb.plots.kano"

#: One colour per category (Okabe-Ito, from PALETTE; indifferent in grey).
CATEGORY_COLORS: dict[str, str] = {
    "A": PALETTE[2],  # green: delighters
    "O": PALETTE[0],  # blue: performance needs
    "M": PALETTE[3],  # vermillion: basic needs
    "I": "#999999",
    "R": PALETTE[4],
    "Q": PALETTE[6],
}


def _short(cat: str, language: str) -> str:
    return f"{cat}: {kano.category_label(cat, language)}"


def _summary_arg(name: str, table: object, function: str, column: str) -> pd.DataFrame:
    """The summary table argument, checked for the columns a chart draws."""
    return check_frame(name, table, function=function, columns=["n", "better", "worse", column],
                       fix="pass a table made by salesnb.kano.summarize or summarize_waves.")


def _split(split: object, function: str) -> float:
    return float(check_number("split", split, low=0, high=1, function=function))


def _flag(name: str, value: object, function: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise ParameterError(name, value, "True or False", function=function)
    return bool(value)


def diagram_chart(language: str | None = "en", show_time: bool = True) -> Figure:
    """The classic Kano diagram (PL: diagram Kano) for teaching: three curves of satisfaction.

    Horizontal axis: how far a requirement is fulfilled; vertical: client satisfaction.
    Performance needs (O) are a straight line, delighters (A) a curve that only rises, basic needs
    (M) a curve that only falls (Kano et al. 1984). With ``show_time`` an arrow shows the first
    lesson of *Kano model and good practices* (PL: *Model Kano i dobre praktyki*): over time
    delighters become performance and basic needs.

    Parameters
    ----------
    language : {'en', 'pl'} or None, default 'en'
        None means English.
    show_time : bool, default True
        Draw the arrow of time.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``language`` or ``show_time`` is not allowed.
    """
    function = f"{_MODULE}.diagram_chart"
    lang = kano.setup_parameters(function, language=language).language
    show_time = _flag("show_time", show_time, function)
    x = np.linspace(-1, 1, 201)
    k = 3.0
    attractive = (np.exp(k * (x + 1) / 2) - 1) / (np.exp(k) - 1)  # 0 when absent, rises steeply
    must_be = -attractive[::-1]
    with style():
        fig = Figure(figsize=(7, 6))
        ax = fig.add_subplot()
        ax.axhline(0, color="black", lw=0.8)
        ax.axvline(0, color="black", lw=0.8)
        ax.plot(x, x, color=CATEGORY_COLORS["O"], lw=2.5, label=_short("O", lang))
        ax.plot(x, attractive, color=CATEGORY_COLORS["A"], lw=2.5, label=_short("A", lang))
        ax.plot(x, must_be, color=CATEGORY_COLORS["M"], lw=2.5, label=_short("M", lang))
        if show_time:
            ax.annotate("", xy=(0.62, -0.08), xytext=(0.62, 0.42),
                        arrowprops=dict(arrowstyle="-|>", color="#555555", lw=1.5, ls="--"))
            ax.text(0.62, -0.16, t("kano_time", lang).replace(": ", ":\n", 1), fontsize=9, color="#555555",
                    ha="center", va="top")
        ax.set_xlim(-1.05, 1.05)
        ax.set_ylim(-1.1, 1.1)
        ax.set_xticks([-1, 1], [t("kano_not_fulfilled", lang), t("kano_fulfilled", lang)])
        ax.set_yticks([-1, 1], [t("kano_dissatisfied", lang), t("kano_satisfied", lang)])
        ax.set_xlabel(t("kano_axis_fulfilment", lang))
        ax.set_ylabel(t("kano_axis_satisfaction", lang))
        ax.set_title(t("kano_diagram_title", lang))
        ax.grid(False)
        ax.legend(loc="lower right", fontsize=9)
        fig.tight_layout()
    return fig


def _number_ticks(ax, lang: str) -> None:
    """Axis ticks with the language's decimal mark (0,2 in Polish)."""
    from matplotlib.ticker import FuncFormatter

    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v, lang, 1)))


def _quadrants(ax, lang: str, split: float) -> None:
    ax.axhline(split, color="#777777", lw=0.8, ls="--")
    ax.axvline(split, color="#777777", lw=0.8, ls="--")
    spots = {"A": (0.02, 0.98, "left", "top"), "O": (0.98, 0.98, "right", "top"),
             "M": (0.98, 0.02, "right", "bottom"), "I": (0.02, 0.02, "left", "bottom")}
    for cat, (x, y, ha, va) in spots.items():
        ax.text(x, y, f"{cat}: {kano.category_label(cat, lang).split(' (')[0]}", transform=ax.transAxes, ha=ha,
                va=va, fontsize=8, color=CATEGORY_COLORS[cat], alpha=0.9, fontweight="bold")


def _plane_axes(ax, lang: str) -> None:
    """The axes of the Better/Worse plane: abs(Worse) across, Better up, both 0-1."""
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    _number_ticks(ax, lang)
    ax.set_xlabel(t("kano_axis_worse", lang))
    ax.set_ylabel(t("kano_axis_better", lang))


def _feature_names(index: pd.Index) -> list[str]:
    """Point labels: the feature, or "segment / feature" for a summary split by segment."""
    return [" / ".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in index]


def better_worse_chart(summary: pd.DataFrame, language: str | None = "en", rule: str = "mode",
                       split: float = 0.5, annotate: bool = True, title: str | None = None) -> Figure:
    """Better/Worse scatter with quadrants (PL: wykres Better/Worse z ćwiartkami).

    Horizontal axis: abs(Worse), the dissatisfaction a feature's absence causes; vertical:
    Better, the satisfaction its presence adds (Berger et al. 1993, Timko). Quadrants at
    ``split``: top left delighters (A), top right performance needs (O), bottom right basic
    needs (M), bottom left indifferent (I), the categories of *Kano model and good practices*
    (PL: *Model Kano i dobre praktyki*).

    Parameters
    ----------
    summary : pandas.DataFrame
        From :func:`salesnb.kano.summarize` (one row per feature, or per segment and feature).
    language : {'en', 'pl'} or None, default 'en'
        None means English.
    rule : {'mode', 'berger'}, default 'mode'
        Which category colours a point.
    split : float, default 0.5
        Where the quadrant lines cross (0-1).
    annotate : bool, default True
        Write each feature's name by its point.
    title : str, optional
        Instead of the default title.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``summary`` lacks the columns drawn, or another argument is not allowed.
    """
    function = f"{_MODULE}.better_worse_chart"
    p = kano.setup_parameters(function, language=language, rule=rule)
    lang, col = p.language, p.column
    annotate = _flag("annotate", annotate, function)
    split = _split(split, function)
    data = _summary_arg("summary", summary, function, col)
    data = data[data["n"] > 0]
    with style():
        fig = Figure(figsize=(7.5, 6.5))
        ax = fig.add_subplot()
        _quadrants(ax, lang, split)
        cats = data[col].astype(object)
        for cat in kano.CATEGORIES:
            sel = (cats == cat).to_numpy()
            if sel.any():
                ax.scatter(-data["worse"][sel], data["better"][sel], s=60, color=CATEGORY_COLORS[cat],
                           edgecolor="white", zorder=3, label=_short(cat, lang))
        _plane_axes(ax, lang)
        ax.set_title(textwrap.fill(title or t("kano_bw_title", lang), 55), fontsize=11)
        if len(data):
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
        fig.tight_layout()  # first the layout, then the names, placed in the axes as they will be drawn
        if annotate:
            label_points(ax, (-data["worse"]).to_numpy(), data["better"].to_numpy(), _feature_names(data.index),
                         point_size=60)
    return fig


def category_shares_chart(summary: pd.DataFrame, language: str | None = "en",
                          order: Sequence[str] | None = None, rule: str = "mode") -> Figure:
    """Stacked shares of A/O/M/I/R/Q per feature (PL: udziały kategorii Kano dla każdej cechy).

    One horizontal bar per feature (or per segment/wave and feature if ``summary`` has those
    levels), segments coloured by category and labelled with the share when it is >= 8%.
    Features are grouped by their category in the investment order of *Kano model and good
    practices* (PL: *Model Kano i dobre praktyki*): M, O, A, then I, R, Q.

    Parameters
    ----------
    summary : pandas.DataFrame
        From :func:`salesnb.kano.summarize` (or :func:`~salesnb.kano.summarize_waves`).
    language : {'en', 'pl'} or None, default 'en'
        None means English.
    order : sequence of str, optional
        The features, top to bottom, instead of the investment order.
    rule : {'mode', 'berger'}, default 'mode'
        Which category groups the features.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``summary`` lacks the columns drawn, ``order`` is a text, or another argument is not
        allowed.
    """
    function = f"{_MODULE}.category_shares_chart"
    p = kano.setup_parameters(function, language=language, rule=rule)
    lang, col = p.language, p.column
    data = _summary_arg("summary", summary, function, col)
    data = data[data["n"] > 0]
    if isinstance(order, (str, bytes)):
        raise ParameterError("order", order, "a list of feature names or None", function=function)
    if order is not None:
        names = [str(v[-1]) if isinstance(v, tuple) else str(v) for v in data.index]
        pos = {f: i for i, f in enumerate(order)}
        data = data.iloc[np.argsort([pos.get(n, len(pos)) for n in names], kind="stable")]
    else:
        rank = {c: i for i, c in enumerate(kano.INVESTMENT_ORDER)}
        key = [rank.get(c, 9) for c in data[col].astype(object)]
        data = data.iloc[np.argsort(key, kind="stable")]
    labels = [" / ".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in data.index]
    with style():
        fig = Figure(figsize=(9, max(2.5, 0.45 * len(data) + 1.5)))
        ax = fig.add_subplot()
        left = np.zeros(len(data))
        ypos = np.arange(len(data))[::-1]
        for cat in kano.CATEGORIES:
            share = data[f"share_{cat}"].to_numpy(dtype=float)
            ax.barh(ypos, share, left=left, color=CATEGORY_COLORS[cat], edgecolor="white",
                    label=_short(cat, lang))
            for y, lo, s in zip(ypos, left, share, strict=True):
                if s >= 0.08:
                    ax.text(lo + s / 2, y, f"{s:.0%}", ha="center", va="center", fontsize=8,
                            color="white" if cat in ("O", "M", "R") else "black")
            left += share
        ax.set_yticks(ypos, labels)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0%}"))
        ax.set_xlabel(t("kano_axis_share", lang))
        ax.set_title(t("kano_shares_title", lang))
        ax.grid(axis="y", visible=False)
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
        fig.tight_layout()
    return fig


def _wave_legend(lang: str, categories: list[str], waves: list) -> list:
    """The waves chart's legend: categories as in the Better/Worse chart, then the two markers."""
    from matplotlib.lines import Line2D

    def marker(face: str, edge: str, size: float, label: str) -> Line2D:
        return Line2D([], [], marker="o", linestyle="", markersize=size, markerfacecolor=face, markeredgecolor=edge,
                      label=label)

    handles = [marker(CATEGORY_COLORS[c], "white", 60 ** 0.5, _short(c, lang)) for c in categories]
    if len(waves) > 1:
        first = t("kano_legend_first_wave", lang).format(wave=wave(waves[0], lang))
        last = t("kano_legend_last_wave", lang).format(wave=wave(waves[-1], lang))
        handles += [marker("white", "#222222", 45 ** 0.5, first), marker("#222222", "#222222", 60 ** 0.5, last)]
    return handles


def waves_chart(wave_summary: pd.DataFrame, language: str | None = "en", rule: str = "mode",
                features: Sequence[str] | None = None, split: float = 0.5) -> Figure:
    """Features moving on the Better/Worse plane between survey waves (PL: zmiany między falami).

    The first lesson of *Kano model and good practices* (PL: *Model Kano i dobre praktyki*):
    satisfaction is not fixed. Each feature is drawn as arrows from wave to wave, from a hollow
    marker (its first wave) to a filled one (its last wave), each coloured by the feature's
    category in that wave; the legend lists the categories in the order of
    :func:`better_worse_chart` and says what the hollow and filled markers are. A delighter
    sliding right and down is decaying into a performance or basic need. Waves are named by
    :func:`salesnb.present.wave` (``2024-H1`` reads ``I półrocze 2024`` in Polish); each feature's
    name stands by its last point, clear of the arrows and markers.

    Parameters
    ----------
    wave_summary : pandas.DataFrame
        The (wave, feature) table from :func:`salesnb.kano.summarize_waves`.
    language : {'en', 'pl'} or None, default 'en'
        None means English.
    rule : {'mode', 'berger'}, default 'mode'
        Which category colours the arrows and points.
    features : sequence of str, optional
        Draw only these features.
    split : float, default 0.5
        Where the quadrant lines cross (0-1).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``wave_summary`` is not a (wave, feature) table, ``features`` is a text, or another
        argument is not allowed.
    """
    function = f"{_MODULE}.waves_chart"
    p = kano.setup_parameters(function, language=language, rule=rule)
    lang, col = p.language, p.column
    split = _split(split, function)
    wave_summary = _summary_arg("wave_summary", wave_summary, function, col)
    if not isinstance(wave_summary.index, pd.MultiIndex) or wave_summary.index.nlevels != 2:
        raise ParameterError("wave_summary", wave_summary, "the (wave, feature) table from summarize_waves",
                                  function=function)
    if isinstance(features, (str, bytes)):
        raise ParameterError("features", features, "a list of feature names or None", function=function)
    ws = wave_summary[wave_summary["n"] > 0].reset_index()
    wave_col, feat_col = ws.columns[0], ws.columns[1]
    ws["_pos"] = pd.factorize(ws[wave_col])[0]
    if features is not None:
        ws = ws[ws[feat_col].isin(list(features))]
    with style():
        fig = Figure(figsize=(8.5, 6.8))
        ax = fig.add_subplot()
        _quadrants(ax, lang, split)
        drawn: set = set()
        ends, earlier, segments = [], [], []
        for feat, g in ws.sort_values([feat_col, "_pos"]).groupby(feat_col, sort=True):
            x, y = (-g["worse"]).to_numpy(), g["better"].to_numpy()
            cats = g[col].astype(object).to_numpy()
            for i in range(len(g) - 1):
                ax.annotate("", xy=(x[i + 1], y[i + 1]), xytext=(x[i], y[i]),
                            arrowprops=dict(arrowstyle="-|>", color=CATEGORY_COLORS.get(cats[i + 1], "#555555"),
                                            lw=1.5, shrinkA=4, shrinkB=4))
                segments.append(((x[i], y[i]), (x[i + 1], y[i + 1])))
            if len(g) > 1:  # hollow: where the feature stood in its first wave
                ax.scatter(x[:1], y[:1], s=45, facecolor="white", edgecolor=CATEGORY_COLORS.get(cats[0], "#555555"),
                           zorder=3)
                earlier += list(zip(x[:-1], y[:-1], strict=True))
            ax.scatter(x[-1:], y[-1:], s=60, color=CATEGORY_COLORS.get(cats[-1], "#555555"), zorder=3)
            drawn.update(cats)
            ends.append((x[-1], y[-1], str(feat)))
        waves = list(dict.fromkeys(ws.sort_values("_pos")[wave_col]))
        _plane_axes(ax, lang)
        sub = f"{t('wave', lang)}: {' → '.join(wave(w, lang) for w in waves)}" if waves else ""
        ax.set_title(textwrap.fill(t("kano_waves_title", lang), 70) + ("\n" + sub if sub else ""), fontsize=11)
        handles = _wave_legend(lang, [c for c in kano.CATEGORIES if c in drawn], waves if earlier else [])
        if handles:
            ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
        fig.tight_layout()  # first the layout, then the names
        if ends:
            label_points(ax, [e[0] for e in ends], [e[1] for e in ends], [e[2] for e in ends], point_size=60,
                         others=earlier, others_size=45, segments=segments)
    return fig


# Old names (before the charts followed the project's ``<what>_chart`` scheme); they still work.
plot_kano_diagram = diagram_chart
plot_better_worse = better_worse_chart
plot_category_shares = category_shares_chart
plot_waves = waves_chart
