"""Charts of the client lifecycle (PL: wykresy cyklu życia klienta), from salesnb.lifecycle tables.

Each function takes a table made by :mod:`salesnb.lifecycle` and a ``language`` ("en"/"pl"),
returns a :class:`matplotlib.figure.Figure` (made without pyplot, so nothing is shown or kept
open; a notebook displays the returned figure) and never calls ``plt.show()``.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..i18n import t
from ..lifecycle import STATUSES, UNKNOWN, StatusHistory, status_counts
from ..present import count, count_axis, date, money_axis, month, percent, window
from . import PALETTE, style

#: One colour per status, fixed across charts (Okabe-Ito: potential grey-blue, new green,
#: regular blue, lost vermillion, restored orange).
STATUS_COLORS: dict[str, str] = {
    "potential": PALETTE[5],
    "new": PALETTE[2],
    "regular": PALETTE[0],
    "lost": PALETTE[3],
    "restored": PALETTE[1],
    UNKNOWN: "#999999",
}


def _status_label(status: str, language: str) -> str:
    return t(f"status_{status}", language)


def _subtitle(attrs: dict, language: str) -> str:
    parts = []
    if attrs.get("as_of") is not None:
        parts.append(f"{t('as_of', language)}: {date(attrs['as_of'], language)}")
    if attrs.get("window_label"):
        parts.append(f"{t('lc_window', language)}: {window(attrs['window_label'], language)}")
    return ", ".join(parts)


def status_counts_chart(table: pd.DataFrame | pd.Series, language: str = "en", shares: str | None = "all") -> Figure:
    """Bar chart: clients per status at the as-of date (PL: baza klientów według statusu).

    The five statuses of the article *Working with clients* (potencjalny, nowy, stały, utracony,
    przywrócony), each bar labelled with its count and share; the title gives the as-of date and
    the window when the table carries them.

    Parameters
    ----------
    table : pandas.DataFrame or pandas.Series
        The output of :func:`salesnb.lifecycle.statuses` or of ``status_counts``.
    language : {"en", "pl"}, default "en"
        The language of the labels.
    shares : {"all", "buyers"} or None, default "all"
        Each bar's share of all known clients; ``"buyers"``: of the clients who ever bought (the
        potential clients' bar shows its count only, and the title says so); None: counts only.

    Returns
    -------
    matplotlib.figure.Figure
    """
    counts = table if isinstance(table, pd.Series) else status_counts(table)
    attrs = dict(getattr(table, "attrs", {}) or {})
    counts = counts.reindex(list(STATUSES), fill_value=0)
    with style():
        fig = Figure(figsize=(8, 4.2))
        ax = fig.add_subplot()
        labels = [_status_label(s, language) for s in counts.index]
        bars = ax.bar(labels, counts.to_numpy(), color=[STATUS_COLORS[s] for s in counts.index])
        total = counts.sum() if shares == "all" else counts.drop("potential").sum()
        for s, b, v in zip(counts.index, bars, counts.to_numpy(), strict=True):
            shown = shares == "all" or (shares == "buyers" and s != "potential")
            share = f" ({percent(v / total, language, 1 if shares == 'buyers' else 0)})" if total and shown else ""
            ax.annotate(f"{count(v, language)}{share}", (b.get_x() + b.get_width() / 2, b.get_height()),
                        ha="center", va="bottom", fontsize=9, xytext=(0, 2), textcoords="offset points")
        ax.set_ylabel(t("customers", language))
        count_axis(ax, language)
        ax.grid(axis="x", visible=False)
        title = t("lc_chart_status_counts", language)
        sub = _subtitle(attrs, language)
        if shares == "buyers":
            sub = ", ".join(x for x in (sub, t("lc_shares_of_buyers", language)) if x)
        ax.set_title(title + (f"\n{sub}" if sub else ""))
        ax.margins(y=0.12)
        fig.tight_layout()
    return fig


def status_history_chart(history: StatusHistory | pd.DataFrame, language: str = "en", kind: str = "bar") -> Figure:
    """Stacked bars (or areas, ``kind="area"``) of clients per status at each period end.

    PL: statusy klientów w czasie.

    Parameters
    ----------
    history : StatusHistory or pandas.DataFrame
        :func:`salesnb.lifecycle.status_history` or its ``counts`` table (period end x status).
    language : {"en", "pl"}, default "en"
        The language of the labels.
    kind : {"bar", "area"}, default "bar"
        Stacked bars, or stacked areas for ``"area"`` (anything else draws bars).

    Returns
    -------
    matplotlib.figure.Figure
    """
    counts = history.counts if isinstance(history, StatusHistory) else history
    counts = counts.reindex(columns=list(STATUSES), fill_value=0)
    x = np.arange(len(counts))
    with style():
        fig = Figure(figsize=(9, 4.5))
        ax = fig.add_subplot()
        bottom = np.zeros(len(counts))
        for s in STATUSES:
            v = counts[s].to_numpy(dtype=float)
            if kind == "area":
                ax.fill_between(x, bottom, bottom + v, color=STATUS_COLORS[s], label=_status_label(s, language),
                                step=None)
            else:
                ax.bar(x, v, bottom=bottom, color=STATUS_COLORS[s], label=_status_label(s, language), width=0.8)
            bottom += v
        step = max(1, -(-len(x) // 8))  # at most 8 labels: they never crowd
        ax.set_xticks(x[::step], [month(d, language) for d in counts.index[::step]], rotation=30, ha="right",
                      rotation_mode="anchor")
        ax.set_xlabel(t("lc_period_end", language))
        ax.set_ylabel(t("customers", language))
        count_axis(ax, language)
        ax.grid(axis="x", visible=False)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.set_title(t("lc_chart_history", language))
        fig.tight_layout()
    return fig


def flows_chart(history: StatusHistory | pd.DataFrame, language: str = "en", period_end: Any = None) -> Figure:
    """Heatmap of flows between statuses (PL: przepływy między statusami, macierz przejść).

    Rows: status at the earlier period end ("not yet known" for clients first known in the
    period); columns: status at the later one; cells: number of clients (colour on a log scale).

    Parameters
    ----------
    history : StatusHistory or pandas.DataFrame
        :func:`salesnb.lifecycle.status_history` or its ``flows``.
    language : {"en", "pl"}, default "en"
        The language of the labels.
    period_end : date-like, optional
        Only the period ending then; default: summed over all periods.

    Returns
    -------
    matplotlib.figure.Figure
    """
    flows = history.flows if isinstance(history, StatusHistory) else history
    if period_end is not None:
        flows = flows[flows["period_end"] == pd.Timestamp(period_end)]
    order_from = [UNKNOWN, *STATUSES]
    m = (flows.groupby(["from_status", "to_status"], observed=False)["clients"].sum()
         .unstack("to_status").reindex(index=order_from, columns=list(STATUSES)).fillna(0).astype(int))
    with style():
        fig = Figure(figsize=(7.5, 5.5))
        ax = fig.add_subplot()
        data = m.to_numpy()
        ax.imshow(np.log1p(data), cmap="Blues", aspect="auto")
        vmax = np.log1p(data).max() if data.size else 0
        for i in range(data.shape[0]):
            for j in range(data.shape[1]):
                if data[i, j]:
                    dark = np.log1p(data[i, j]) > 0.6 * vmax
                    ax.text(j, i, count(data[i, j], language), ha="center", va="center", fontsize=9,
                            color="white" if dark else "black")
        ax.set_xticks(range(len(STATUSES)), [_status_label(s, language) for s in STATUSES])
        ax.set_yticks(range(len(order_from)), [_status_label(s, language) for s in order_from])
        ax.set_xlabel(t("lc_to_status", language))
        ax.set_ylabel(t("lc_from_status", language))
        ax.grid(False)
        title = t("lc_chart_flows", language)
        if period_end is not None:
            title += f"\n{t('lc_period_end', language)}: {date(period_end, language)}"
        ax.set_title(title)
        fig.tight_layout()
    return fig


def manager_kpis_chart(kpis: pd.DataFrame, language: str = "en", currency: str = "PLN") -> Figure:
    """Primary, repeat and new-direction sales per manager, one panel each (the article's table).

    PL: sprzedaż pierwotna, powtórna i w nowych kierunkach według menedżerów: the amounts of the
    per-manager table of the article *Working with clients*, the total row left out; the title
    gives the period when the table carries it.

    Parameters
    ----------
    kpis : pandas.DataFrame
        :func:`salesnb.lifecycle.manager_kpis` without ``language`` (snake_case columns).
    language : {"en", "pl"}, default "en"
        The language of the labels.
    currency : str, default "PLN"
        The company's currency, on the money axis.

    Returns
    -------
    matplotlib.figure.Figure
    """
    cols = ["primary_sales_amount", "repeat_sales_amount", "new_direction_sales_amount"]
    total_label = kpis.attrs.get("total_label", "Total")
    body = kpis.drop(index=[total_label], errors="ignore")[cols]
    x = np.arange(len(body))
    with style():
        names = [t("lc_unassigned", language) if str(i) == "(unassigned)" else str(i) for i in body.index]
        many = len(body) > 6 or sum(len(n) for n in names) > 8 * len(body)
        # one panel per kind of sale, each on its own scale: repeat sales are often ten times the
        # primary and new-direction sales, which would be slivers on a shared axis
        fig = Figure(figsize=(min(max(7, 0.4 * len(body) + 3), 22), 7.6 if many else 7.0))
        axes = fig.subplots(len(cols), 1, sharex=True)
        for i, (ax, c) in enumerate(zip(axes, cols, strict=True)):
            ax.bar(x, body[c].to_numpy(), 0.6, color=PALETTE[i])
            ax.set_title(t("kpi_" + c, language), fontsize=10, loc="left")
            money_axis(ax, currency, language)
            ax.grid(axis="x", visible=False)
        axes[-1].set_xticks(x, names, rotation=35 if many else 0, ha="right" if many else "center",
                            rotation_mode="anchor")
        axes[-1].set_xlim(-0.6, len(body) - 0.4)
        ps, pe = kpis.attrs.get("period_start"), kpis.attrs.get("period_end")
        title = t("lc_chart_manager_sales", language)
        if ps is not None and pe is not None:
            title += f"\n{date(ps, language)} – {date(pe, language)}"
        fig.suptitle(title)
        fig.tight_layout()
    return fig


__all__ = [
    "STATUS_COLORS",
    "flows_chart",
    "manager_kpis_chart",
    "plot_flows",
    "plot_manager_kpis",
    "plot_status_counts",
    "plot_status_history",
    "status_counts_chart",
    "status_history_chart",
]


# Old names (before charts were named <what>_chart), kept so existing notebooks and code run.
plot_status_counts = status_counts_chart
plot_status_history = status_history_chart
plot_flows = flows_chart
plot_manager_kpis = manager_kpis_chart
