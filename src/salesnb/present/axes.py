"""Chart axes and labels with the same formats as the tables (PL: osie wykresów).

Each function sets a matplotlib tick formatter from :mod:`salesnb.present.numbers`, so a chart
reads ``1,2 mln zł`` or ``15,4%`` exactly as the tables beside it do.
"""
from __future__ import annotations

from typing import Any

import matplotlib.dates as mdates
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .numbers import count, money_short, month, percent

__all__ = ["count_axis", "money_axis", "month_axis", "percent_axis"]


def _axis(ax: Any, which: str) -> Any:
    return ax.yaxis if which == "y" else ax.xaxis


def money_axis(ax: Any, currency: str = "PLN", language: str | None = "en", which: str = "y") -> None:
    """Money ticks in short form with the currency (PL: oś kwot): ``1,2 mln zł`` / ``PLN 1.2M``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    currency : str, default "PLN"
    language : {"en", "pl"}, default "en"
    which : {"x", "y"}, default "y"
    """
    _axis(ax, which).set_major_formatter(FuncFormatter(lambda x, _pos: money_short(x, currency, language)))


def percent_axis(ax: Any, language: str | None = "en", which: str = "y", digits: int = 0) -> None:
    """Ticks of shares as percentages (PL: oś procentowa): ``25%``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    language : {"en", "pl"}, default "en"
    which : {"x", "y"}, default "y"
    digits : int, default 0
    """
    _axis(ax, which).set_major_formatter(FuncFormatter(lambda x, _pos: percent(x, language, digits)))


def count_axis(ax: Any, language: str | None = "en", which: str = "y") -> None:
    """Whole-number ticks with thousands grouped (PL: oś liczebności): ``12 345``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    language : {"en", "pl"}, default "en"
    which : {"x", "y"}, default "y"
    """
    axis = _axis(ax, which)
    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda x, _pos: count(x, language)))


def month_axis(ax: Any, language: str | None = "en", which: str = "x", max_ticks: int = 12) -> None:
    """Date ticks as month names in the reader's language (PL: oś miesięcy): ``sty 2025``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes whose ``which`` axis holds dates.
    language : {"en", "pl"}, default "en"
    which : {"x", "y"}, default "x"
    max_ticks : int, default 12
        At most this many labelled months, so labels never crowd.
    """
    axis = _axis(ax, which)
    axis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=max_ticks))
    axis.set_major_formatter(FuncFormatter(lambda x, _pos: month(mdates.num2date(x).replace(tzinfo=None), language)))
