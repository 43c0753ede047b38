"""Overview charts (PL: wykresy przeglądu danych): revenue by month and by product line.

Figures are made without pyplot, so nothing stays open; a notebook displays the returned figure.
"""
from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from ..i18n import t
from ..present import money_axis, month_axis, percent
from . import style


def revenue_by_month_chart(table: pd.DataFrame, language: str = "en", currency: str = "") -> Figure:
    """Stacked bars of net revenue per month and product line (PL: przychód według miesięcy).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`salesnb.overview.revenue_by_month` (months x product lines).
    language : {"en", "pl"}, default "en"
    currency : str, default ""
        The currency of the money axis (the company's).

    Returns
    -------
    matplotlib.figure.Figure
    """
    with style():
        fig = Figure(figsize=(11, 4.5))
        ax = fig.add_subplot()
        x = table.index.to_timestamp()
        bottom = pd.Series(0.0, index=table.index)
        for col in table.columns:
            label = t("other", language) if col == "other" else col
            ax.bar(x, table[col].clip(lower=0), bottom=bottom.clip(lower=0), width=25, label=label, align="edge")
            bottom = bottom + table[col].clip(lower=0)
        ax.set_title(t("revenue_by_month", language))
        ax.set_ylabel(t("revenue", language))
        money_axis(ax, currency, language)
        month_axis(ax, language)
        ax.legend(title=t("product_line", language), loc="upper left", bbox_to_anchor=(1.0, 1.0))
        fig.tight_layout()
    return fig


#: The most bars a chart of lines shows; the rest are summed into one bar "other".
TOP_LINES = 12


def revenue_by_line_chart(table: pd.DataFrame, language: str = "en", currency: str = "",
                          top: int = TOP_LINES) -> Figure:
    """Horizontal bars of revenue per product line with its share (PL: przychód według linii).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`salesnb.overview.revenue_by_line` (``revenue``, ``share`` per line).
    language : {"en", "pl"}, default "en"
    currency : str, default ""
        The currency of the money axis (the company's).
    top : int, default 12
        The largest lines shown; the others are one bar "other" (so 500 products still read).

    Returns
    -------
    matplotlib.figure.Figure
    """
    if len(table) > top:
        rest = table.iloc[top - 1:]
        other = pd.DataFrame({"revenue": [rest["revenue"].sum()], "share": [rest["share"].sum()]},
                             index=pd.Index([f"{t('other', language)} ({len(rest)})"], name=table.index.name))
        table = pd.concat([table.iloc[: top - 1], other])
    with style():
        fig = Figure(figsize=(8.5, 0.45 * len(table) + 1.6))
        ax = fig.add_subplot()
        data = table.iloc[::-1]
        names = [textwrap.shorten(str(n), 38, placeholder="…") for n in data.index]
        bars = ax.barh(range(len(data)), data["revenue"].to_numpy())
        ax.set_yticks(range(len(data)), names)
        for bar, share in zip(bars, data["share"], strict=True):
            ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {percent(share, language, 0)}",
                    va="center")
        ax.set_title(t("revenue_by_line", language))
        ax.set_xlabel(t("revenue", language))
        money_axis(ax, currency, language, which="x")
        ax.grid(axis="y", visible=False)
        fig.tight_layout()
    return fig


# Old names, kept so existing notebooks and code run; they shadowed salesnb.overview's tables.
revenue_by_month = revenue_by_month_chart
revenue_by_line = revenue_by_line_chart
