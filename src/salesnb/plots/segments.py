"""Charts of the segmentation (PL: wykresy segmentacji): the portrait, maturity, offers, RFM.

Each function takes a table made by :mod:`salesnb.segments`, a ``language`` and, where target
groups are named, ``names`` (``salesnb.segments.segment_names(company.segments, language)``);
it returns a matplotlib Figure made without pyplot and never shows it.
"""
from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FuncFormatter

from ..i18n import t
from ..present import count, date, money_axis, number, percent, percent_axis, value_label
from ..segments import MATURITY_BANDS, STATES, RFMClusters
from ..validation import check_frame, check_number
from . import PALETTE, style

__all__ = ["STATE_COLORS", "STATE_TEXT", "coverage_chart", "maturity_chart", "offer_grid_chart", "rfm_chart",
           "segment_coverage_chart", "silhouette_chart"]

#: One colour per offer state (uses green, contract blue, application light orange, refused dark
#: red, not offered light grey): distinct in lightness too, for colour-blind readers and projectors.
STATE_COLORS: dict[str, str] = {"uses": "#a6dba0", "contract": "#92c5de", "application": "#fdb863",
                                "refused": "#b2182b", "not_offered": "#eeeeee"}
#: The text colour on each state's cell: contrast 4.5:1 or more (WCAG AA) on :data:`STATE_COLORS`.
STATE_TEXT: dict[str, str] = {"uses": "#111111", "contract": "#111111", "application": "#111111",
                              "refused": "#ffffff", "not_offered": "#444444"}
_BAND_COLORS = ("#d7301f", "#fc8d59", "#91bfdb", "#4575b4")
_CMAP = LinearSegmentedColormap.from_list("coverage", ["#f7fbff", "#6baed6", "#08306b"])


def _name(segment: str, names: Mapping[str, str] | None) -> str:
    return (names or {}).get(segment, segment)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def _frameless(ax) -> None:
    """A grid of cells drawn without grid lines, frame or tick marks (the coverage map, the offer grid)."""
    ax.grid(False)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)


def _group_labels(groups: Any, clients: Any, names: Mapping[str, str] | None, language: str) -> list[str]:
    """A target group's name, wrapped, with its clients counted: the rows of the group charts."""
    return [f"{_wrap(_name(g, names), 30)} ({count(n, language)})" for g, n in zip(groups, clients, strict=True)]


def _marks(table: pd.DataFrame, shares: pd.DataFrame) -> pd.DataFrame:
    """The portrait's marks (``attrs["targeted"]``) aligned with the shares; all marked without them."""
    targeted = table.attrs.get("targeted")
    if isinstance(targeted, pd.DataFrame):
        return targeted.reindex(index=shares.index, columns=shares.columns).fillna(False)
    return pd.DataFrame(True, index=shares.index, columns=shares.columns)


def coverage_chart(table: pd.DataFrame, language: str = "en", names: Mapping[str, str] | None = None) -> Figure:
    """The ideal client portrait as a heat map of coverage (PL: portret idealnego klienta: pokrycie).

    The article *Working with clients*: target groups down the side, products across, the
    products meant for each group marked. Here each marked cell is framed and coloured by the
    share of the group's clients using the line; the other cells show their share in grey (a
    line a group buys without the portrait meaning it for the group may belong in the
    portrait).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`salesnb.segments.coverage` (a ``clients`` column, shares per line,
        ``attrs["targeted"]``).
    language : {"en", "pl"}, default "en"
    names : mapping, optional
        Group id -> display name.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``table`` is not a coverage table.
    """
    check_frame("table", table, columns=("clients",), function="salesnb.plots.segments.coverage_chart",
                fix="pass salesnb.segments.coverage(company).")
    shares = table.drop(columns="clients")
    targeted = _marks(table, shares).to_numpy(dtype=bool)
    data = shares.to_numpy(dtype=float)
    G, L = data.shape
    with style():
        fig = Figure(figsize=(max(7.5, 2.3 + 1.45 * L), 1.6 + 0.55 * G))
        ax = fig.add_subplot()
        shown = np.where(targeted, data, np.nan)
        ax.imshow(np.ma.masked_invalid(shown), cmap=_CMAP, vmin=0, vmax=1, aspect="auto")
        for i in range(G):
            for j in range(L):
                v = data[i, j]
                if targeted[i, j]:
                    ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, lw=1.6, ec="#222222"))
                    text = percent(v, language, 0) if np.isfinite(v) else "–"
                    ax.text(j, i, text, ha="center", va="center", fontsize=10, fontweight="bold",
                            color="white" if np.isfinite(v) and v > 0.55 else "#111111")
                elif np.isfinite(v) and v > 0:
                    ax.text(j, i, percent(v, language, 0), ha="center", va="center", fontsize=8.5, color="#888888")
        ax.set_xticks(range(L), [_wrap(c, 14) for c in shares.columns], fontsize=9)
        ax.xaxis.tick_top()
        ax.set_yticks(range(G), _group_labels(shares.index, table["clients"], names, language), fontsize=9)
        ax.set_xlim(-0.5, L - 0.5)
        ax.set_ylim(G - 0.5, -0.5)
        _frameless(ax)
        ax.set_title(t("seg_coverage_title", language), pad=14, fontsize=12)
        fig.text(0.01, 0.01, t("seg_coverage_note", language), fontsize=8.5, color="#555555")
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def maturity_chart(summary: pd.DataFrame, language: str = "en", names: Mapping[str, str] | None = None) -> Figure:
    """Client maturity by target group, in bands (PL: dojrzałość klientów według grup docelowych).

    The article *Working with clients*: maturity is the number of products a client uses over
    the number meant for it. Each bar splits a group's clients into those using none, under
    half, half or more, and all of their lines; the mean maturity is written at the end.

    Parameters
    ----------
    summary : pandas.DataFrame
        From :func:`salesnb.segments.maturity_summary`.
    language : {"en", "pl"}, default "en"
    names : mapping, optional
        Group id -> display name.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``summary`` is not a maturity summary.
    """
    check_frame("summary", summary, columns=("clients", "mean_maturity", *MATURITY_BANDS),
                function="salesnb.plots.segments.maturity_chart",
                fix="pass salesnb.segments.maturity_summary(salesnb.segments.maturity(company)).")
    data = summary[summary["clients"] > 0]
    G = len(data)
    with style():
        fig = Figure(figsize=(9.5, 1.7 + 0.5 * max(G, 1)))
        ax = fig.add_subplot()
        y = np.arange(G)
        left = np.zeros(G)
        for band, color in zip(MATURITY_BANDS, _BAND_COLORS, strict=True):
            v = data[band].fillna(0).to_numpy(dtype=float)
            ax.barh(y, v, left=left, color=color, label=t(band, language), height=0.65)
            for k in range(G):
                if v[k] >= 0.08:
                    ax.text(left[k] + v[k] / 2, y[k], percent(v[k], language, 0), ha="center", va="center",
                            fontsize=8.5, color="white" if band in ("maturity_none", "maturity_full") else "#111111")
            left += v
        for k, m in enumerate(data["mean_maturity"].to_numpy(dtype=float)):
            ax.text(1.01, y[k], f"{t('seg_mean', language)} {percent(m, language, 0)}", va="center", fontsize=9)
        ax.set_yticks(y, _group_labels(data.index, data["clients"], names, language), fontsize=9)
        ax.set_ylim(G - 0.5, -0.5)
        ax.set_xlim(0, 1)
        percent_axis(ax, language, which="x")
        ax.set_xlabel(t("seg_share_of_clients", language))
        ax.grid(axis="y", visible=False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18 if G > 3 else -0.3), ncol=4, fontsize=8.5)
        ax.set_title(t("seg_maturity_title", language), fontsize=12)
        fig.tight_layout(rect=(0, 0, 0.9, 1))
    return fig


def _client_label(client: str, name: str, width: int = 32) -> str:
    """A client's id and name on at most two lines, the rest of a long name cut with an ellipsis.

    A word of one or two letters stays with its neighbours ("sp. z o.o." is not broken after "z").
    """
    words = f"{client} {name}".split()
    glued: list[str] = []
    for k, w in enumerate(words):
        if glued and (len(w) <= 2 or len(words[k - 1]) <= 2):
            glued[-1] += "\u00a0" + w
        else:
            glued.append(w)
    lines = textwrap.wrap(" ".join(glued), width) or [str(client)]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: width - 1].rstrip() + "…"]
    return "\n".join(x.replace("\u00a0", " ") for x in lines)


def _top_clients(grid: pd.DataFrame, max_clients: int) -> list:
    """The grid's clients in its order, cut to the ``max_clients`` with the largest turnover in their lines."""
    clients = list(dict.fromkeys(grid["customer_id"]))
    if len(clients) <= max_clients:
        return clients
    if "turnover" not in grid.columns:
        return clients[:max_clients]
    total = grid.groupby("customer_id", sort=False)["turnover"].sum().reindex(clients).fillna(0)
    order = np.argsort(-total.to_numpy(dtype=float), kind="stable")[:max_clients]
    keep = {clients[i] for i in order}
    return [c for c in clients if c in keep]


def offer_grid_chart(grid: pd.DataFrame, language: str = "en", names: Mapping[str, str] | None = None,
                     max_clients: int = 20, client_names: Mapping[str, str] | None = None) -> Figure:
    """The article's managed-process grid: offer state of each targeted line (PL: stan ofert produktowych).

    Clients grouped by target group down the side, product lines across; each cell of a line
    targeted at the client says whether it uses it, signed a contract (with the date), has an
    application in progress (date), refused (date), or was not offered it. Drawn to be read on
    a projector: every text at least 9 points (12 pixels at the chart's 100 dpi), dark text on
    light cells and white on the dark red of a refusal (contrast 4.5:1 or more), each client's
    id and name on up to two lines.

    Parameters
    ----------
    grid : pandas.DataFrame
        From :func:`salesnb.segments.offer_grid` (usually for one sales manager).
    language : {"en", "pl"}, default "en"
    names : mapping, optional
        Group id -> display name.
    max_clients : int, default 20
        At most this many clients are drawn: those with the largest turnover in their targeted
        lines, in the grid's order; a note below the chart counts the others.
    client_names : mapping, optional
        Client id -> name, shown after the id.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``grid`` is not an offer grid or ``max_clients`` not a whole number >= 1.
    """
    fn = "salesnb.plots.segments.offer_grid_chart"
    check_frame("grid", grid, columns=("customer_id", "segment", "product_line", "state", "date"),
                function=fn, fix="pass salesnb.segments.offer_grid(company).")
    max_clients = check_number("max_clients", max_clients, low=1, integer=True, function=fn)
    every = list(dict.fromkeys(grid["customer_id"]))
    clients = _top_clients(grid, max_clients)
    hidden = len(every) - len(clients)
    g = grid[grid["customer_id"].isin(clients)]
    lines = list(dict.fromkeys(grid["product_line"]))
    seg_of = dict(zip(g["customer_id"], g["segment"], strict=False))
    rows: list[tuple[str, str | None]] = []  # (label, client id or None for a group heading)
    last = None
    for c in clients:
        if seg_of[c] != last:
            rows.append((_name(seg_of[c], names), None))
            last = seg_of[c]
        rows.append((_client_label(c, (client_names or {}).get(c, "")), c))
    pos = {c: i for i, (_, c) in enumerate(rows) if c is not None}
    L = max(len(lines), 1)
    managers = pd.unique(grid["salesperson"]) if "salesperson" in grid.columns else []
    who = grid.attrs.get("salesperson") or (managers[0] if len(managers) == 1 else t("seg_all_managers", language))
    label_w, cell_w, row_h = 2.75, (1.45 if L <= 6 else 1.2), 0.46  # inches
    top, bottom = 1.15, 0.75 + (0.3 if hidden else 0)
    width = max(8.5, label_w + cell_w * L + 0.25)
    ncol = 5 if width >= 9.8 else 3
    bottom += 0.0 if ncol == 5 else 0.3
    height = top + row_h * len(rows) + bottom
    with style():
        fig = Figure(figsize=(width, height))
        ax = fig.add_axes((label_w / width, bottom / height, cell_w * L / width, row_h * len(rows) / height))
        for r in g.itertuples(index=False):
            i, j = pos[r.customer_id], lines.index(r.product_line)
            state = str(r.state)
            ax.add_patch(Rectangle((j, i), 1, 1, fc=STATE_COLORS[state], ec="white", lw=2))
            text = value_label("state", state, language)
            if state in ("contract", "application", "refused") and pd.notna(r.date):
                text = f"{text}\n{date(r.date, language)}"
            if cell_w < 1.4:
                text = _wrap(text, 14) if "\n" not in text else text
            ax.text(j + 0.5, i + 0.5, text, ha="center", va="center", fontsize=9, color=STATE_TEXT[state],
                    fontweight="bold" if state == "refused" else "normal", linespacing=1.1)
        for i, (label, c) in enumerate(rows):
            if c is None:
                ax.text(-label_w / cell_w + 0.08, i + 0.62, label, ha="left", va="center", fontsize=10,
                        fontweight="bold")
                ax.plot([-label_w / cell_w + 0.08, L], [i + 0.98, i + 0.98], color="#999999", lw=0.8,
                        clip_on=False)
            else:
                ax.text(-0.08, i + 0.5, label, ha="right", va="center", fontsize=9, linespacing=1.1)
        ax.set_xlim(0, L)
        ax.set_ylim(len(rows), 0)
        ax.set_xticks(np.arange(len(lines)) + 0.5, [_wrap(x, 16 if cell_w >= 1.4 else 13) for x in lines],
                      fontsize=9.5)
        ax.xaxis.tick_top()
        ax.set_yticks([])
        _frameless(ax)
        handles = [Patch(fc=STATE_COLORS[s], ec="#999999", label=value_label("state", s, language)) for s in STATES]
        fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, (0.3 if hidden else 0.05) / height),
                   ncol=ncol, fontsize=9.5, handlelength=1.6, columnspacing=1.4)
        fig.suptitle(t("seg_grid_title", language).format(who=who), fontsize=12, fontweight="bold",
                     y=1 - 0.12 / height, va="top")
        if hidden:
            fig.text(0.01, 0.08 / height, t("seg_grid_more", language).format(
                shown=count(len(clients), language), n=count(hidden, language)), ha="left", va="bottom",
                fontsize=9.5, color="#444444")
    return fig


def rfm_chart(clusters: RFMClusters, language: str = "en", currency: str = "PLN", max_points: int = 4000) -> Figure:
    """Behavioural segments on recency and monetary value (PL: segmenty behawioralne RFM).

    Each client who bought in the period is a point (days since the last purchase across, net
    turnover up, both on log scales, a purchase on the as-of day drawn at one day; the size grows
    with the purchase days), coloured by its cluster; each cluster's number is written at its
    median client and named in the legend.

    Parameters
    ----------
    clusters : RFMClusters
        From :func:`salesnb.segments.rfm_clusters`.
    language : {"en", "pl"}, default "en"
    currency : str, default "PLN"
    max_points : int, default 4000
        At most this many points are drawn (a seeded sample); the medians use every client.

    Returns
    -------
    matplotlib.figure.Figure
    """
    tab = clusters.table
    act = tab[(tab["cluster"] > 0) & (tab["monetary"] > 0)]
    inactive = int((tab["cluster"] == 0).sum())
    draw = act if len(act) <= max_points else act.sample(max_points, random_state=0)
    with style():
        fig = Figure(figsize=(9.5, 5.6))
        ax = fig.add_subplot()
        xs, ys, labels = [], [], []
        for k, row in clusters.profiles.iterrows():
            if k == 0:
                continue
            part = draw[draw["cluster"] == k]
            color = PALETTE[(k - 1) % len(PALETTE)]
            size = 8 + 4 * np.sqrt(part["frequency"].to_numpy(dtype=float))
            ax.scatter(np.maximum(part["recency"], 1), part["monetary"], s=size, color=color, alpha=0.55, lw=0,
                       label=f"{k}. {value_label('cluster_name', row['cluster_name'], language)}")
            every = act[act["cluster"] == k]
            if len(every):
                xs.append(max(float(every["recency"].median()), 1.0))
                ys.append(float(every["monetary"].median()))
                labels.append(str(k))
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.scatter(xs, ys, s=160, facecolor="white", edgecolor="#222222", lw=1.2, zorder=3)
        for x, y, lab in zip(xs, ys, labels, strict=True):
            ax.text(x, y, lab, ha="center", va="center", fontsize=9, fontweight="bold", zorder=4)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: count(v, language)))
        money_axis(ax, currency, language)
        ax.set_xlabel(f"{t('recency', language)} ({t('seg_rfm_size', language)})")
        ax.set_ylabel(t("monetary", language))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=8.5, markerscale=1.5)
        ax.set_title(t("seg_rfm_title", language), fontsize=12)
        if inactive:
            ax.text(0.99, 0.02, t("seg_rfm_inactive", language).format(n=count(inactive, language)),
                    transform=ax.transAxes, ha="right", fontsize=8.5, color="#555555",
                    bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8})
        fig.tight_layout()
    return fig


def silhouette_chart(clusters: RFMClusters, language: str = "en") -> Figure:
    """The mean silhouette for each number of clusters tried (PL: współczynnik sylwetki).

    Parameters
    ----------
    clusters : RFMClusters
        From :func:`salesnb.segments.rfm_clusters`.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    matplotlib.figure.Figure
    """
    s = clusters.silhouettes
    with style():
        fig = Figure(figsize=(6.5, 3.4))
        ax = fig.add_subplot()
        colors = [PALETTE[0] if k == clusters.k else "#bbbbbb" for k in s.index]
        bars = ax.bar([str(k) for k in s.index], s.to_numpy(dtype=float), color=colors, width=0.6)
        for b, k, v in zip(bars, s.index, s.to_numpy(dtype=float), strict=True):
            note = number(v, language, 2)
            if k == clusters.k:
                note += f"\n{t('seg_chosen', language)}"
            ax.annotate(note, (b.get_x() + b.get_width() / 2, max(v, 0)), ha="center", va="bottom", fontsize=8.5,
                        xytext=(0, 2), textcoords="offset points")
        ax.set_xlabel(t("clusters", language))
        ax.set_ylabel(t("silhouette", language))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: number(v, language, 1)))
        ax.margins(y=0.25)
        ax.grid(axis="x", visible=False)
        ax.set_title(t("seg_silhouette_title", language), fontsize=12)
        fig.tight_layout()
    return fig


def segment_coverage_chart(table: pd.DataFrame, segment: str, language: str = "en",
                           names: Mapping[str, str] | None = None) -> Figure:
    """One target group's coverage of each product line (PL: pokrycie portretu jednej grupy).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`salesnb.segments.coverage`.
    segment : str
        The group id.
    language : {"en", "pl"}, default "en"
    names : mapping, optional
        Group id -> display name.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``table`` is not a coverage table or ``segment`` not one of its groups.
    """
    from ..validation import check_choice

    fn = "salesnb.plots.segments.segment_coverage_chart"
    check_frame("table", table, columns=("clients",), function=fn, fix="pass salesnb.segments.coverage(company).")
    segment = check_choice("segment", segment, list(table.index), function=fn, ignore_case=False)
    every = table.drop(columns="clients")
    shares = every.loc[segment]
    mark = _marks(table, every).loc[segment].to_numpy(dtype=bool)
    order = np.r_[np.flatnonzero(mark), np.flatnonzero(~mark)]
    shares, mark = shares.iloc[order], mark[order]
    with style():
        fig = Figure(figsize=(8, 1.4 + 0.42 * len(shares)))
        ax = fig.add_subplot()
        y = np.arange(len(shares))
        v = shares.fillna(0).to_numpy(dtype=float)
        ax.barh(y, v, color=[PALETTE[0] if m else "#cccccc" for m in mark], height=0.6)
        for k in range(len(v)):
            ax.text(v[k] + 0.01, y[k], percent(v[k], language, 0), va="center", fontsize=9)
        ax.set_yticks(y, [_wrap(x, 26) for x in shares.index], fontsize=9)
        ax.set_ylim(len(v) - 0.5, -0.5)
        ax.set_xlim(0, 1.1)
        percent_axis(ax, language, which="x")
        ax.grid(axis="y", visible=False)
        ax.legend(handles=[Patch(fc=PALETTE[0], label=t("seg_in_portrait", language)),
                           Patch(fc="#cccccc", label=t("seg_not_in_portrait", language))],
                  loc="lower right", fontsize=8.5)
        n = int(table.loc[segment, "clients"])
        ax.set_title(t("seg_segment_coverage_title", language).format(
            name=f"{_name(segment, names)} ({count(n, language)})"), fontsize=11)
        fig.tight_layout()
    return fig
