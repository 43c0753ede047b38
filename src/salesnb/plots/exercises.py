"""Charts of the exercises and the trainer's room (PL: wykresy zadań i podsumowania sali).

- :func:`process_chart`: a participant's 4-7 block diagram of work with clients, a control point
  under each block (the articles' practical exercise set 2);
- :func:`profile_chart`: the managed-process diagnostic of one participant, per area;
- :func:`profiles_chart`: the diagnostic profiles of a room, side by side;
- :func:`windows_chart`: the lifecycle windows a room chose.

Each returns a :class:`matplotlib.figure.Figure` made without pyplot and never shows it.
"""
from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..i18n import check_language, t
from ..present import count, count_axis, percent, percent_axis, window
from . import PALETTE, style

__all__ = ["ANSWER_COLORS", "process_chart", "profile_chart", "profiles_chart", "windows_chart"]

#: Colours of the diagnostic's answers: + green, +/- orange, - vermillion (Okabe-Ito).
ANSWER_COLORS = {"+": PALETTE[2], "+/-": PALETTE[1], "-": PALETTE[3]}


def _wrap(text: str, width: int, lines: int) -> str:
    out = textwrap.wrap(str(text), width=max(6, width), break_long_words=True)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(1, width - 1)].rstrip() + "…"
    return "\n".join(out)


def process_chart(blocks: Sequence[str], control_points: Sequence[Any] | None = None,
                  language: str | None = "en") -> Figure:
    """A block diagram of work with clients, a control point under each block (PL: schemat procesu).

    The practical exercise of the article *Working with clients*: an approximate diagram of 4-7
    blocks, and the control points of the client-service structure.

    Parameters
    ----------
    blocks : sequence of str
        The blocks, in order (any number; 4-7 reads best).
    control_points : sequence, optional
        Per block, ``(what, when)`` or None (no control point yet, drawn as a dashed empty box).
    language : {"en", "pl"}, default "en"

    Returns
    -------
    matplotlib.figure.Figure
    """
    lang = check_language(language)
    blocks = [str(b) for b in blocks]
    n = max(1, len(blocks))
    points = list(control_points or [])
    points += [None] * (n - len(points))
    chars = 16
    with style():
        fig = Figure(figsize=(max(8.0, 2.1 * n), 4.4))
        ax = fig.add_subplot()
        ax.set_xlim(0, n)
        ax.set_ylim(0, 1)
        ax.axis("off")
        for i, name in enumerate(blocks):
            x0 = i + 0.08
            ax.add_patch(FancyBboxPatch((x0, 0.6), 0.84, 0.28, boxstyle="round,pad=0.01,rounding_size=0.05",
                                        facecolor="#DCEBF7", edgecolor=PALETTE[0], linewidth=1.4))
            ax.text(i + 0.5, 0.74, _wrap(name, chars, 3), ha="center", va="center", fontsize=10, fontweight="bold",
                    color="#0B3A5E")
            ax.text(i + 0.12, 0.86, str(i + 1), ha="left", va="top", fontsize=8, color=PALETTE[0])
            if i < n - 1:
                ax.add_patch(FancyArrowPatch((i + 0.93, 0.74), (i + 1.07, 0.74), arrowstyle="-|>", mutation_scale=14,
                                             color="#555555", linewidth=1.2))
            cp = points[i]
            ax.add_patch(FancyArrowPatch((i + 0.5, 0.6), (i + 0.5, 0.5), arrowstyle="-", color="#999999",
                                         linewidth=1, linestyle=(0, (2, 2))))
            if cp:
                what, when = cp
                ax.add_patch(FancyBboxPatch((x0, 0.04), 0.84, 0.44, boxstyle="round,pad=0.01,rounding_size=0.04",
                                            facecolor="#FFF4DC", edgecolor=PALETTE[1], linewidth=1.1))
                ax.text(i + 0.5, 0.45, _wrap(what, chars + 2, 4), ha="center", va="top", fontsize=8.5)
                ax.text(i + 0.5, 0.07, f"{t('ex_when', lang)}: " + _wrap(when, chars + 2, 3).replace("\n", "\n  "),
                        ha="center", va="bottom", fontsize=8, style="italic", color="#7A4B00")
            else:
                ax.add_patch(FancyBboxPatch((x0, 0.04), 0.84, 0.44, boxstyle="round,pad=0.01,rounding_size=0.04",
                                            facecolor="none", edgecolor="#BBBBBB", linewidth=1, linestyle="--"))
                ax.text(i + 0.5, 0.26, t("ex_no_control_point", lang), ha="center", va="center", fontsize=8,
                        color="#888888", style="italic")
        ax.set_title(t("ex_chart_process", lang), loc="left")
        fig.tight_layout()
    return fig


def profile_chart(profile: pd.DataFrame, language: str | None = "en") -> Figure:
    """The managed-process diagnostic per area: shares of +, +/- and - (PL: profil sterowności).

    The questionnaire of the article *Working with clients*; the score per area is this
    workbook's (+ = 2, +/- = 1, - = 0 points, as a share of the area's maximum).

    Parameters
    ----------
    profile : pandas.DataFrame
        From :func:`salesnb.exercises.diagnostic.profile`: index ``area`` (keys), columns
        ``plus``, ``partly``, ``minus`` (counts), ``unanswered`` (optional) and ``managed_share``.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    matplotlib.figure.Figure
    """
    lang = check_language(language)
    areas = list(profile.index)
    with style():
        fig = Figure(figsize=(9, 1.2 + 0.75 * len(areas)))
        ax = fig.add_subplot()
        y = np.arange(len(areas))[::-1]
        total = profile[["plus", "partly", "minus"]].sum(axis=1).replace(0, np.nan)
        if "unanswered" in profile:
            total = total + profile["unanswered"]
        left = np.zeros(len(areas))
        for col, sign in (("plus", "+"), ("partly", "+/-"), ("minus", "-")):
            share = (profile[col] / total).fillna(0).to_numpy()
            ax.barh(y, share, left=left, color=ANSWER_COLORS[sign], label=sign.replace("-", "−"), height=0.6)
            for yi, li, si, ci in zip(y, left, share, profile[col].to_numpy(), strict=True):
                if si >= 0.07:
                    ax.text(li + si / 2, yi, count(ci, lang), ha="center", va="center", fontsize=9, color="white",
                            fontweight="bold")
            left = left + share
        for yi, score in zip(y, profile["managed_share"].to_numpy(), strict=True):
            ax.text(1.02, yi, percent(score, lang, 0), ha="left", va="center", fontsize=10, fontweight="bold")
        ax.set_yticks(y, [_wrap(t(f"diag_area_{a}", lang), 26, 2) for a in areas])
        ax.set_xlim(0, 1.12)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
        percent_axis(ax, lang, which="x")
        ax.set_xlabel(t("diag_axis_items", lang))
        ax.text(1.02, len(areas) - 0.35, t("diag_score_short", lang), ha="left", va="bottom", fontsize=9,
                color="#555555")
        ax.grid(axis="y", visible=False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18 if len(areas) > 2 else -0.3), ncol=3)
        ax.set_title(t("diag_chart_profile", lang), loc="left")
        fig.tight_layout()
    return fig


def profiles_chart(scores: pd.DataFrame, language: str | None = "en") -> Figure:
    """The diagnostic profiles of a room side by side: participants x areas (PL: profile sali).

    Parameters
    ----------
    scores : pandas.DataFrame
        One row per participant (index: names), one column per area key, values the share of the
        maximum score (0-1; NaN for an area not answered).
    language : {"en", "pl"}, default "en"

    Returns
    -------
    matplotlib.figure.Figure
    """
    lang = check_language(language)
    names = [str(x) for x in scores.index]
    areas = list(scores.columns)
    data = scores.to_numpy(dtype=float)
    with style():
        fig = Figure(figsize=(max(7.0, 1.9 * len(areas) + 2.5), 1.4 + 0.45 * max(1, len(names))))
        ax = fig.add_subplot()
        masked = np.ma.masked_invalid(data)
        ax.imshow(masked, cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for i in range(len(names)):
            for j in range(len(areas)):
                v = data[i, j]
                ax.text(j, i, "–" if np.isnan(v) else percent(v, lang, 0), ha="center", va="center", fontsize=9,
                        color="white" if not np.isnan(v) and v > 0.6 else "#222222")
        ax.set_xticks(range(len(areas)), [_wrap(t(f"diag_area_{a}", lang), 18, 2) for a in areas], fontsize=9)
        ax.set_yticks(range(len(names)), names, fontsize=9)
        ax.xaxis.tick_top()
        ax.grid(False)
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_title(t("diag_chart_room", lang), loc="left", pad=30)
        fig.tight_layout()
    return fig


def windows_chart(windows: pd.DataFrame, language: str | None = "en") -> Figure:
    """How many participants chose each window, accepted ones in blue (PL: okna wybrane w sali).

    Parameters
    ----------
    windows : pandas.DataFrame
        One row per window: ``window`` (a label, "2M", "56D"), ``participants`` (count),
        ``accepted`` (bool), ``suggested`` (bool, optional); in the order to draw.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    matplotlib.figure.Figure
    """
    lang = check_language(language)
    with style():
        fig = Figure(figsize=(max(7.5, 0.9 * len(windows) + 5), 3.8))
        ax = fig.add_subplot()
        labels = [window(w, lang) for w in windows["window"]]
        if "suggested" in windows:
            labels = [f"{lb}\n({t('lc_suggested', lang)})" if s else lb
                      for lb, s in zip(labels, windows["suggested"], strict=True)]
        colors = [PALETTE[0] if a else PALETTE[3] for a in windows["accepted"]]
        bars = ax.bar(range(len(windows)), windows["participants"], color=colors)
        for b, v in zip(bars, windows["participants"], strict=True):
            ax.annotate(count(v, lang), (b.get_x() + b.get_width() / 2, b.get_height()), ha="center", va="bottom",
                        xytext=(0, 2), textcoords="offset points", fontsize=9)
        ax.set_xticks(range(len(windows)), labels, fontsize=9)
        ax.set_ylabel(t("ex_participants", lang))
        count_axis(ax, lang)
        ax.grid(axis="x", visible=False)
        ax.margins(y=0.15)
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color=PALETTE[0], label=t("ex_window_accepted", lang)),
                           Patch(color=PALETTE[3], label=t("ex_window_outside", lang))],
                  loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.set_title(t("ex_chart_windows", lang), loc="left")
        fig.tight_layout()
    return fig
