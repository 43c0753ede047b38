"""The presentation layer (PL: warstwa prezentacji): tables, numbers, chart axes and prose.

Every notebook, exercise and report shows results through here, so a number reads the same in a
table, on a chart axis and in a sentence, in English or Polish:

- :func:`show`: a method's table with translated headers and values, numbers by kind;
- :func:`fmt` and the per-kind formatters (:func:`money`, :func:`percent`, :func:`count`, ...);
- :func:`money_axis`, :func:`percent_axis`, :func:`count_axis`: the same formats on charts;
- :func:`say`: a sentence with numbers, as Markdown.

Charts themselves are in :mod:`salesnb.plots`; they return a Figure and never display it (the
notebook shows the value of its last line).
"""
from __future__ import annotations

from .actions import actions
from .axes import count_axis, money_axis, month_axis, percent_axis
from .cards import about, facts
from .numbers import (
    EMPTY,
    boolean,
    count,
    date,
    days,
    fmt,
    hours,
    money,
    money_short,
    month,
    number,
    percent,
    period,
    wave,
    window,
)
from .parameters import parameters
from .prose import say
from .tables import Table, column_label, show, value_label

__all__ = [
    "EMPTY",
    "Table",
    "about",
    "actions",
    "boolean",
    "column_label",
    "count",
    "count_axis",
    "date",
    "days",
    "facts",
    "fmt",
    "hours",
    "money",
    "money_axis",
    "money_short",
    "month",
    "month_axis",
    "number",
    "percent",
    "parameters",
    "percent_axis",
    "period",
    "say",
    "show",
    "value_label",
    "wave",
    "window",
]
