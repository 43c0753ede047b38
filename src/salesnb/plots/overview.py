"""Overview charts (PL: wykresy przeglądu danych): revenue by month and by product line.

Figures are made without pyplot, so nothing stays open; a notebook displays the returned figure.
"""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..i18n import t
from . import style


def _money(x, _pos=None) -> str:
    if abs(x) >= 1e6:
        return f"{x / 1e6:.1f}M"
    if abs(x) >= 1e3:
        return f"{x / 1e3:.0f}k"
    return f"{x:.0f}"


def revenue_by_month_chart(table: pd.DataFrame, language: str = "en", currency: str = "") -> Figure:
    """Stacked bars of net revenue per month and product line (PL: przychód według miesięcy).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`salesnb.overview.revenue_by_month` (months x product lines).
    language : {"en", "pl"}, default "en"
    currency : str, default ""
        Shown on the money axis.

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
        ax.set_ylabel(f"{t('revenue', language)} {currency}".strip())
        ax.yaxis.set_major_formatter(FuncFormatter(_money))
        ax.legend(title=t("product_line", language), loc="upper left", bbox_to_anchor=(1.0, 1.0))
        fig.tight_layout()
    return fig


def revenue_by_line_chart(table: pd.DataFrame, language: str = "en", currency: str = "") -> Figure:
    """Horizontal bars of revenue per product line with its share (PL: przychód według linii).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`salesnb.overview.revenue_by_line` (``revenue``, ``share`` per line).
    language : {"en", "pl"}, default "en"
    currency : str, default ""
        Shown on the money axis.

    Returns
    -------
    matplotlib.figure.Figure
    """
    with style():
        fig = Figure(figsize=(8, 0.5 * len(table) + 1.5))
        ax = fig.add_subplot()
        data = table.iloc[::-1]
        bars = ax.barh(data.index.astype(str), data["revenue"])
        for bar, share in zip(bars, data["share"], strict=True):
            ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {share:.0%}", va="center")
        ax.set_title(t("revenue_by_line", language))
        ax.set_xlabel(f"{t('revenue', language)} {currency}".strip())
        ax.xaxis.set_major_formatter(FuncFormatter(_money))
        ax.grid(axis="y", visible=False)
        fig.tight_layout()
    return fig


# Old names, kept so existing notebooks and code run; they shadowed salesnb.overview's tables.
revenue_by_month = revenue_by_month_chart
revenue_by_line = revenue_by_line_chart
