"""Charts of the service method (PL: wykresy jakości obsługi), from salesnb.service tables.

Each function takes a table made by :mod:`salesnb.service` and a ``language`` ("en"/"pl"),
returns a :class:`matplotlib.figure.Figure` built without pyplot and never shows it.
"""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..i18n import t
from ..present import count, count_axis, date, hours, month, number, percent, percent_axis, period, value_label
from . import PALETTE, style

__all__ = ["compliance_chart", "funnel_chart", "loyalty_chart", "satisfaction_heatmap_chart"]


def funnel_chart(table: pd.DataFrame, language: str = "en") -> Figure:
    """The sales funnel: deals per stage, split into moved on, still open and refused (PL: lejek sprzedaży).

    Horizontal bars in the company's stage order, the first stage on top, centred like a funnel;
    each bar is labelled with the deals that reached the stage and the conversion at it.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`salesnb.service.funnel` without ``by`` (indexed by stage).
    language : {"en", "pl"}, default "en"

    Returns
    -------
    matplotlib.figure.Figure
    """
    stages = [str(s) for s in table.index]
    reached = table["reached"].to_numpy(dtype=float)
    parts = [("moved_on", PALETTE[0], "svc_funnel_moved"), ("open", PALETTE[5], "svc_funnel_open"),
             ("lost", PALETTE[3], "svc_funnel_lost")]
    with style():
        fig = Figure(figsize=(9, 0.65 * len(stages) + 2.0))
        ax = fig.add_subplot()
        y = np.arange(len(stages))[::-1]
        left = -reached / 2
        for col, colour, key in parts:
            v = table[col].to_numpy(dtype=float)
            ax.barh(y, v, left=left, color=colour, height=0.7, label=t(key, language))
            left = left + v
        top = reached.max() if len(reached) else 1
        for yi, r, conv in zip(y, reached, table["conversion"].to_numpy(dtype=float), strict=True):
            ax.text(top / 2 + top * 0.03, yi, f"{count(r, language)} · {percent(conv, language, 0)}", va="center",
                    fontsize=9)
        ax.set_yticks(y, [textwrap.fill(value_label("stage", s, language), 18) for s in stages])
        ax.set_xlim(-top / 2 - top * 0.02, top / 2 + top * 0.3)
        ax.set_xticks([])
        ax.grid(False)
        ax.spines[["left", "bottom"]].set_visible(False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, fontsize=9)
        won = table.attrs.get("won")
        title = t("svc_funnel_title", language)
        if won is not None:
            title += "\n" + t("svc_funnel_win_rate", language).format(
                value=percent(table.attrs.get("win_rate"), language, 0))
        ax.set_title(title)
        fig.tight_layout(rect=(0, 0.06, 1, 1))
        fig.text(0.5, 0.015, t("svc_funnel_note", language), ha="center", va="bottom", fontsize=8.5, color="#444444")
    return fig


def compliance_chart(table: pd.DataFrame, language: str = "en") -> Figure:
    """Share of enquiries answered within the standard per month, one line per channel (PL: zgodność w czasie).

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`salesnb.service.compliance` with ``by=("channel", "month")`` (or ``("month",)``
        for one line).
    language : {"en", "pl"}, default "en"

    Returns
    -------
    matplotlib.figure.Figure
    """
    frame = table.reset_index()
    if "channel" not in frame.columns:
        frame["channel"] = t("svc_all_channels", language)
    months = sorted(frame["month"].unique())
    x_of = {m: i for i, m in enumerate(months)}
    with style():
        fig = Figure(figsize=(9.5, 4.6))
        ax = fig.add_subplot()
        for i, (channel, rows) in enumerate(frame.groupby("channel", observed=True, sort=True)):
            rows = rows.sort_values("month")
            std = rows["standard_hours"].iloc[0] if "standard_hours" in rows.columns else None
            name = value_label("channel", str(channel), language)
            if std is not None and std == std:
                name += f" ({hours(std, language)})"
            ax.plot([x_of[m] for m in rows["month"]], rows["compliance"].to_numpy(dtype=float), marker="o",
                    markersize=3, lw=1.6, color=PALETTE[i % len(PALETTE)], label=name)
        step = max(1, -(-len(months) // 10))
        ax.set_xticks(range(0, len(months), step),
                      [month(m, language) for m in months[::step]],
                      rotation=30, ha="right", rotation_mode="anchor")
        ax.set_ylim(0, 1.02)
        percent_axis(ax, language)
        ax.set_ylabel(t("compliance", language))
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)
        title = t("svc_compliance_title", language)
        counted = t("svc_business_hours" if table.attrs.get("business_hours") else "svc_calendar_hours", language)
        ax.set_title(f"{title}\n{counted}")
        fig.tight_layout()
    return fig


def satisfaction_heatmap_chart(table: pd.DataFrame, language: str = "en", value: str = "dissatisfied_share",
                               min_answers: int = 5) -> Figure:
    """Heat map of the satisfaction scores: criteria x products, lines or years (PL: mapa ciepła satysfakcji).

    The bad cells are red: by default the share of answers 1-3 (open or hidden
    dissatisfaction, each a complaint to handle), from white (none) to dark red (all); for the
    mean score, red low scores through yellow to green high ones. A colour bar gives the scale,
    every cell shows its value and the title names the survey period the answers come from. A
    cell resting on fewer than ``min_answers`` answers is not coloured (grey text, with its
    number of answers), so two answers do not look like a finding (this workbook's choice).

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`salesnb.service.satisfaction_scores` with two ``by`` keys, the criterion last
        (e.g. ``("product_line", "criterion")`` or ``("salesperson", "criterion")``); its
        ``attrs`` ``since`` and ``as_of`` give the period in the title.
    language : {"en", "pl"}, default "en"
    value : {"dissatisfied_share", "score_mean"}, default "dissatisfied_share"
        What the cells show.
    min_answers : int, default 5
        Fewer answers than this leave a cell uncoloured (needs the table's ``answers``).

    Returns
    -------
    matplotlib.figure.Figure
    """
    m = table[value].unstack(level=0)
    share = value != "score_mean"
    data = m.to_numpy(dtype=float)
    answers = (table["answers"].unstack(level=0).reindex(index=m.index, columns=m.columns).to_numpy(dtype=float)
               if "answers" in table else np.full(data.shape, np.inf))
    thin = answers < min_answers
    shown = np.where(thin, np.nan, data)
    with style():
        fig = Figure(figsize=(min(4.4 + 1.35 * m.shape[1], 16), 1.0 + 0.55 * m.shape[0] + 1.5))
        ax = fig.add_subplot()
        cmap = "Reds" if share else "RdYlGn"
        lo, hi = (0.0, 1.0) if share else (1.0, 5.0)
        image = ax.imshow(shown, cmap=cmap, vmin=lo, vmax=hi, aspect="auto")
        for i in range(data.shape[0]):
            for j in range(data.shape[1]):
                if data[i, j] == data[i, j]:
                    text = percent(data[i, j], language, 0) if share else number(data[i, j], language, 1)
                    if thin[i, j]:
                        ax.text(j, i, f"{text}\n(n\u00a0=\u00a0{count(answers[i, j], language)})", ha="center",
                                va="center", fontsize=8, color="#757575")
                        continue
                    strong = data[i, j] > 0.6 if share else abs(data[i, j] - 3.0) > 1.4
                    ax.text(j, i, text, ha="center", va="center", fontsize=9, color="white" if strong else "black")
        ax.set_xticks(range(m.shape[1]), [textwrap.fill(str(c), 14) for c in m.columns], fontsize=9)
        ax.set_yticks(range(m.shape[0]), [textwrap.fill(str(r), 34) for r in m.index], fontsize=9)
        ax.grid(False)
        bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
        if share:
            percent_axis(bar.ax, language)
        else:
            bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, language, 0)))
        bar.ax.tick_params(labelsize=8)
        title = t("svc_heatmap_share_title" if share else "svc_heatmap_title", language)
        since, as_of = table.attrs.get("since"), table.attrs.get("as_of")
        if as_of is not None:
            key = "svc_answers_period" if since is not None else "svc_answers_upto"
            title += "\n" + t(key, language).format(start=date(since, language), end=date(as_of, language))
        ax.set_title(title)
        if thin.any() and np.isfinite(answers).any():
            fig.text(0.01, 0.005, t("svc_heatmap_thin_note", language).format(n=min_answers), fontsize=8,
                     color="#555555", ha="left", va="bottom")
        fig.tight_layout()
    return fig


def loyalty_chart(table: pd.DataFrame, language: str = "en") -> Figure:
    """The share of loyal clients and the share of sales from old clients over time (PL: lojalność w czasie).

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`salesnb.service.loyalty_history`.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    matplotlib.figure.Figure
    """
    x = np.arange(len(table))
    with style():
        fig = Figure(figsize=(9.5, 4.4))
        ax = fig.add_subplot()
        for i, col in enumerate(("loyal_share", "old_client_share", "referral_share")):
            v = table[col].to_numpy(dtype=float)
            if np.isnan(v).all():
                continue
            ax.plot(x, v, marker="o", lw=1.8, color=PALETTE[i], label=textwrap.fill(t(col, language), 28))
        ax2 = ax.twinx()
        ax2.bar(x, table["clients"].to_numpy(dtype=float), color="#cccccc", alpha=0.5, width=0.6,
                label=t("clients", language))
        ax2.set_zorder(ax.get_zorder() - 1)
        ax.patch.set_visible(False)
        ax2.grid(False)
        count_axis(ax2, language)
        ax2.set_ylabel(t("clients", language))
        ax.set_xticks(x, [period(p, language) for p in table.index], rotation=30, ha="right", rotation_mode="anchor")
        ax.set_ylim(0, 1.05)
        percent_axis(ax, language)
        lines, labels = ax.get_legend_handles_labels()
        bars, bar_labels = ax2.get_legend_handles_labels()
        ax.legend(lines + bars, labels + bar_labels, loc="upper left", bbox_to_anchor=(1.12, 1.0), fontsize=9)
        every = table.attrs.get("every")
        title = t(f"svc_loyalty_title_{every}" if every in ("Q", "M") else "svc_loyalty_title", language)
        if table.attrs.get("as_of") is not None:
            title += f"\n{t('as_of', language)}: {date(table.attrs['as_of'], language)}"
        ax.set_title(title)
        fig.tight_layout()
    return fig
