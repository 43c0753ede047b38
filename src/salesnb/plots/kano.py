"""Kano charts (PL: wykresy Kano): the model's three curves, the Better/Worse plane, category shares.

Each function takes a table made by :mod:`salesnb.kano` plus ``language`` and returns the
matplotlib Figure (it never calls ``plt.show()``). Sources: Kano et al. (1984) for the diagram;
Berger et al. (1993, Timko) for the Better/Worse plane; seed 000 and domain.md section 1 for the
lessons the charts teach.
"""
from __future__ import annotations

import textwrap
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..i18n import check_language, t
from ..kano import CATEGORIES, category_label
from . import PALETTE, style

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
    return f"{cat}: {category_label(cat, language)}"


def plot_kano_diagram(language: str | None = "en", show_time: bool = True) -> Figure:
    """The classic Kano diagram (PL: diagram Kano) for teaching: three curves of satisfaction.

    Horizontal axis: how far a requirement is fulfilled; vertical: client satisfaction.
    Performance needs (O) are a straight line, delighters (A) a curve that only rises, basic needs
    (M) a curve that only falls (Kano et al. 1984). With ``show_time`` an arrow shows the
    article's first lesson: over time delighters become performance and basic needs.
    """
    lang = check_language(language)
    x = np.linspace(-1, 1, 201)
    k = 3.0
    attractive = (np.exp(k * (x + 1) / 2) - 1) / (np.exp(k) - 1)  # 0 when absent, rises steeply
    must_be = -attractive[::-1]
    with style():
        fig, ax = plt.subplots(figsize=(7, 6))
        ax.axhline(0, color="black", lw=0.8)
        ax.axvline(0, color="black", lw=0.8)
        ax.plot(x, x, color=CATEGORY_COLORS["O"], lw=2.5, label=_short("O", lang))
        ax.plot(x, attractive, color=CATEGORY_COLORS["A"], lw=2.5, label=_short("A", lang))
        ax.plot(x, must_be, color=CATEGORY_COLORS["M"], lw=2.5, label=_short("M", lang))
        if show_time:
            ax.annotate("", xy=(0.62, -0.08), xytext=(0.62, 0.42),
                        arrowprops=dict(arrowstyle="-|>", color="#555555", lw=1.5, ls="--"))
            ax.text(0.58, 0.62, t("kano_time", lang).replace(": ", ":\n", 1), fontsize=9, color="#555555",
                    ha="right", va="center")
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


def _category_column(table: pd.DataFrame, rule: str) -> str:
    col = {"mode": "category_mode", "berger": "category_berger"}.get(rule)
    if col is None:
        raise ValueError("rule must be 'mode' or 'berger'")
    return col


def _quadrants(ax, lang: str, split: float) -> None:
    ax.axhline(split, color="#777777", lw=0.8, ls="--")
    ax.axvline(split, color="#777777", lw=0.8, ls="--")
    spots = {"A": (0.02, 0.98, "left", "top"), "O": (0.98, 0.98, "right", "top"),
             "M": (0.98, 0.02, "right", "bottom"), "I": (0.02, 0.02, "left", "bottom")}
    for cat, (x, y, ha, va) in spots.items():
        ax.text(x, y, f"{cat}: {category_label(cat, lang).split(' (')[0]}", transform=ax.transAxes, ha=ha, va=va, fontsize=8,
                color=CATEGORY_COLORS[cat], alpha=0.9, fontweight="bold")


def _feature_names(index: pd.Index) -> list[str]:
    """Point labels: the feature, or "segment / feature" for a summary split by segment."""
    return [" / ".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in index]


def plot_better_worse(summary: pd.DataFrame, language: str | None = "en", rule: str = "mode",
                      split: float = 0.5, annotate: bool = True, title: str | None = None) -> Figure:
    """Better/Worse scatter with quadrants (PL: wykres Better/Worse z ćwiartkami).

    ``summary`` from :func:`salesnb.kano.summarize` (one row per feature). Horizontal axis:
    |Worse|, the dissatisfaction a feature's absence causes; vertical: Better, the satisfaction
    its presence adds (Berger et al. 1993, Timko). Quadrants at ``split`` (0.5): top left
    delighters (A), top right performance needs (O), bottom right basic needs (M), bottom left
    indifferent (I). Points are coloured by the feature's category (``rule``: mode or berger).
    """
    lang = check_language(language)
    col = _category_column(summary, rule)
    data = summary[summary["n"] > 0]
    with style():
        fig, ax = plt.subplots(figsize=(7.5, 6.5))
        _quadrants(ax, lang, split)
        cats = data[col].astype(object)
        for cat in CATEGORIES:
            sel = (cats == cat).to_numpy()
            if sel.any():
                ax.scatter(-data["worse"][sel], data["better"][sel], s=60, color=CATEGORY_COLORS[cat],
                           edgecolor="white", zorder=3, label=_short(cat, lang))
        if annotate:
            for name, x, y in zip(_feature_names(data.index), -data["worse"], data["better"]):
                ax.annotate(name, (x, y), xytext=(5, 4), textcoords="offset points", fontsize=8)
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.02, 1.02)
        ax.set_xlabel(t("kano_axis_worse", lang))
        ax.set_ylabel(t("kano_axis_better", lang))
        ax.set_title(textwrap.fill(title or t("kano_bw_title", lang), 55), fontsize=11)
        if len(data):
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
        fig.tight_layout()
    return fig


def plot_category_shares(summary: pd.DataFrame, language: str | None = "en",
                         order: Sequence[str] | None = None, rule: str = "mode") -> Figure:
    """Stacked shares of A/O/M/I/R/Q per feature (PL: udziały kategorii Kano dla każdej cechy).

    One horizontal bar per feature (or per segment/wave and feature if ``summary`` has those
    levels), segments coloured by category and labelled with the share when it is >= 8%.
    Features are grouped by their category (``rule``) in the investment order M, O, A, I, R, Q,
    unless ``order`` lists them.
    """
    lang = check_language(language)
    col = _category_column(summary, rule)
    data = summary[summary["n"] > 0]
    if order is not None:
        names = [str(v[-1]) if isinstance(v, tuple) else str(v) for v in data.index]
        pos = {f: i for i, f in enumerate(order)}
        data = data.iloc[np.argsort([pos.get(n, len(pos)) for n in names], kind="stable")]
    else:
        rank = {c: i for i, c in enumerate(("M", "O", "A", "I", "R", "Q"))}
        key = [rank.get(c, 9) for c in data[col].astype(object)]
        data = data.iloc[np.argsort(key, kind="stable")]
    labels = [" / ".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in data.index]
    with style():
        fig, ax = plt.subplots(figsize=(9, max(2.5, 0.45 * len(data) + 1.5)))
        left = np.zeros(len(data))
        ypos = np.arange(len(data))[::-1]
        for cat in CATEGORIES:
            share = data[f"share_{cat}"].to_numpy(dtype=float)
            ax.barh(ypos, share, left=left, color=CATEGORY_COLORS[cat], edgecolor="white",
                    label=_short(cat, lang))
            for y, l, s in zip(ypos, left, share):
                if s >= 0.08:
                    ax.text(l + s / 2, y, f"{s:.0%}", ha="center", va="center", fontsize=8,
                            color="white" if cat in ("O", "M", "R") else "black")
            left += share
        ax.set_yticks(ypos, labels)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        ax.set_xlabel(t("kano_axis_share", lang))
        ax.set_title(t("kano_shares_title", lang))
        ax.grid(axis="y", visible=False)
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
        fig.tight_layout()
    return fig


def plot_waves(wave_summary: pd.DataFrame, language: str | None = "en", rule: str = "mode",
               features: Sequence[str] | None = None, split: float = 0.5) -> Figure:
    """Features moving on the Better/Worse plane between survey waves (PL: zmiany między falami).

    The article's first lesson (seed 000): satisfaction is not fixed. ``wave_summary`` from
    :func:`salesnb.kano.summarize_waves`. Each feature is drawn as arrows from wave to wave
    (first wave hollow, last wave coloured by its category there); a delighter sliding right and
    down is decaying into a performance or basic need. ``features`` limits the chart.
    """
    lang = check_language(language)
    col = _category_column(wave_summary, rule)
    if not isinstance(wave_summary.index, pd.MultiIndex) or wave_summary.index.nlevels != 2:
        raise ValueError("plot_waves needs the (wave, feature) table from summarize_waves")
    ws = wave_summary[wave_summary["n"] > 0].reset_index()
    wave_col, feat_col = ws.columns[0], ws.columns[1]
    ws["_pos"] = pd.factorize(ws[wave_col])[0]
    if features is not None:
        ws = ws[ws[feat_col].isin(list(features))]
    with style():
        fig, ax = plt.subplots(figsize=(7.5, 6.5))
        _quadrants(ax, lang, split)
        seen = set()
        for feat, g in ws.sort_values([feat_col, "_pos"]).groupby(feat_col, sort=True):
            x, y = (-g["worse"]).to_numpy(), g["better"].to_numpy()
            cats = g[col].astype(object).to_numpy()
            for i in range(len(g) - 1):
                ax.annotate("", xy=(x[i + 1], y[i + 1]), xytext=(x[i], y[i]),
                            arrowprops=dict(arrowstyle="-|>", color=CATEGORY_COLORS.get(cats[i + 1], "#555555"),
                                            lw=1.5, shrinkA=4, shrinkB=4))
            ax.scatter(x[:1], y[:1], s=45, facecolor="white", edgecolor=CATEGORY_COLORS.get(cats[0], "#555555"),
                       zorder=3)
            last = cats[-1]
            ax.scatter(x[-1:], y[-1:], s=60, color=CATEGORY_COLORS.get(last, "#555555"), zorder=3,
                       label=_short(last, lang) if last not in seen else None)
            seen.add(last)
            ax.annotate(str(feat), (x[-1], y[-1]), xytext=(5, 4), textcoords="offset points", fontsize=8)
        waves = list(dict.fromkeys(ws.sort_values("_pos")[wave_col].astype(str)))
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.02, 1.02)
        ax.set_xlabel(t("kano_axis_worse", lang))
        ax.set_ylabel(t("kano_axis_better", lang))
        sub = f"{t('wave', lang)}: {' → '.join(waves)}" if waves else ""
        ax.set_title(textwrap.fill(t("kano_waves_title", lang), 55) + ("\n" + sub if sub else ""), fontsize=11)
        if seen:
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
        fig.tight_layout()
    return fig
