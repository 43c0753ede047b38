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


class _FittingLocator(MaxNLocator):
    """Round ticks, as many as fit side by side on a horizontal axis with a gap of one letter.

    matplotlib's own count assumes short numbers; ``12,5 mln zł`` is long, so the labels would touch.
    Widths are estimated from the formatted labels (0.62 em per character, DejaVu Sans digits).
    """

    def __init__(self, formatter: Any, integer: bool = False) -> None:
        super().__init__(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=integer)
        self._format = formatter

    def tick_values(self, vmin: float, vmax: float) -> Any:
        axis = self.axis
        if axis is None or axis.axes is None:
            return super().tick_values(vmin, vmax)
        length = axis.axes.bbox.width
        em = axis.get_major_ticks(1)[0].label1.get_fontsize() * axis.figure.dpi / 72
        lo, hi = sorted((vmin, vmax))
        for n in range(10, 1, -1):
            self.set_params(nbins=n)
            ticks = super().tick_values(vmin, vmax)
            shown = [v for v in ticks if lo - 1e-9 * abs(hi - lo) <= v <= hi + 1e-9 * abs(hi - lo)]
            widest = max((len(self._format(v, None)) for v in shown), default=0) * 0.62 * em + em
            if len(shown) * widest <= length:
                return ticks
        return ticks


def _set_format(ax: Any, which: str, formatter: Any, integer: bool = False) -> None:
    axis = _axis(ax, which)
    axis.set_major_formatter(FuncFormatter(formatter))
    if which == "x":
        axis.set_major_locator(_FittingLocator(formatter, integer=integer))
    elif integer:
        axis.set_major_locator(MaxNLocator(integer=True))


def money_axis(ax: Any, currency: str = "PLN", language: str | None = "en", which: str = "y") -> None:
    """Money ticks in short form with the currency (PL: oś kwot): ``1,2 mln zł`` / ``PLN 1.2M``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    currency : str, default "PLN"
    language : {"en", "pl"}, default "en"
    which : {"x", "y"}, default "y"
    """
    # two digits at most, so ticks at 1.25M read "1.25M", not a rounded "1.2M" (trailing zeros dropped)
    _set_format(ax, which, lambda x, _pos: money_short(x, currency, language, digits=2))


def percent_axis(ax: Any, language: str | None = "en", which: str = "y", digits: int = 0) -> None:
    """Ticks of shares as percentages (PL: oś procentowa): ``25%``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    language : {"en", "pl"}, default "en"
    which : {"x", "y"}, default "y"
    digits : int, default 0
    """
    _set_format(ax, which, lambda x, _pos: percent(x, language, digits))


def count_axis(ax: Any, language: str | None = "en", which: str = "y") -> None:
    """Whole-number ticks with thousands grouped (PL: oś liczebności): ``12 345``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    language : {"en", "pl"}, default "en"
    which : {"x", "y"}, default "y"
    """
    _set_format(ax, which, lambda x, _pos: count(x, language), integer=True)


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
