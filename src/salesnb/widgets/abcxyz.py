"""Workshop widget for the ABC/XYZ analysis (PL: widżet analizy ABC/XYZ na warsztaty).

``abcxyz_widget(company)`` shows sliders for the ABC and XYZ thresholds and a period dropdown
(months/quarters) and redraws the ABC-XYZ matrix and the head of the table on every change.
Its plain-parameter twin is :func:`abcxyz_view` (and the functions of :mod:`salesnb.abcxyz`
themselves), for batch runs and papermill. Nothing heavy runs at import: ipywidgets and the
analysis are loaded and run only when the widget is built.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

__all__ = ["abcxyz_view", "abcxyz_widget"]


def abcxyz_view(
    data: Any,
    abc_thresholds: Sequence[float] | None = None,
    xyz_thresholds: Sequence[float] | None = None,
    period: str | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> tuple[pd.DataFrame, Any]:
    """ABC-XYZ matrix with given parameters (PL: macierz ABC-XYZ dla zadanych parametrów).

    The widget's plain-parameter twin: runs :func:`salesnb.abcxyz.abc_xyz` (the ABC and XYZ
    rules of the article *Working with clients*) and draws
    :func:`salesnb.plots.abcxyz.matrix_chart`.

    Parameters
    ----------
    data : DataFrame or Company
        As :func:`salesnb.abcxyz.abc_xyz`.
    abc_thresholds, xyz_thresholds, period : optional
        As :func:`salesnb.abcxyz.abc_xyz`; None takes the company's ``params``, else the
        defaults.
    language : {"en", "pl"}, optional
        The chart's language; default the company's, else English.
    **kwargs
        Passed on to ``abc_xyz`` (e.g. ``as_of``).

    Returns
    -------
    table : pandas.DataFrame
        The :func:`~salesnb.abcxyz.abc_xyz` table.
    figure : matplotlib.figure.Figure
        The matrix chart.

    Raises
    ------
    ParameterError
        As :func:`salesnb.abcxyz.abc_xyz`, or for a language other than "en" or "pl".
    DataError
        As :func:`salesnb.abcxyz.abc_xyz`.
    """
    from ..abcxyz import abc_xyz
    from ..plots.abcxyz import matrix_chart

    language = language or getattr(data, "language", None) or "en"
    table = abc_xyz(data, abc_thresholds=abc_thresholds, xyz_thresholds=xyz_thresholds, period=period, **kwargs)
    return table, matrix_chart(table, language)


def abcxyz_widget(data: Any, language: str | None = None, rows: int = 10, **kwargs: Any):
    """Interactive ABC/XYZ thresholds and period (PL: interaktywne progi ABC/XYZ i okres).

    Sliders: ABC thresholds (cumulative share, the article's 50/80 by default or the company's
    ``params``), XYZ thresholds (CV, 10%/25%); dropdown: months or quarters. Each change reruns
    :func:`abcxyz_view` and shows the matrix and the first ``rows`` rows of the table. In a batch
    or test run (``SALESNB_STATIC`` set) a :class:`~salesnb.widgets.StaticNote` is returned
    instead.

    Parameters
    ----------
    data : DataFrame or Company
        As :func:`salesnb.abcxyz.abc_xyz`.
    language : {"en", "pl"}, optional
        Default the company's, else English.
    rows : int, default 10
        How many rows of the table to show.
    **kwargs
        Passed on to ``abc_xyz`` (e.g. ``as_of``).

    Returns
    -------
    ipywidgets.VBox or StaticNote
        The panel (with a ``redraw`` method for a manual refresh), or the static note in a batch
        run.
    """
    from . import StaticNote, live

    if not live():
        return StaticNote(language or getattr(data, "language", None))
    import ipywidgets as w
    from IPython.display import display

    from ..abcxyz import settings
    from ..i18n import t
    from ..plots import figure_image
    from ..present import show

    company = None if isinstance(data, pd.DataFrame) else data
    language = language or getattr(data, "language", None) or "en"
    p = settings(company, "salesnb.widgets.abcxyz.abcxyz_widget")
    a0, b0 = p.abc_thresholds
    x0, y0 = p.xyz_thresholds
    wide = {"style": {"description_width": "190px"}, "layout": w.Layout(width="620px")}
    abc_s = w.FloatRangeSlider(value=(a0, b0), min=0.05, max=1.0, step=0.05, readout_format=".0%",
                               description=t("abcxyz_abc_thresholds", language), continuous_update=False, **wide)
    xyz_s = w.FloatRangeSlider(value=(x0, y0), min=0.01, max=1.0, step=0.01, readout_format=".0%",
                               description=t("abcxyz_xyz_thresholds", language), continuous_update=False, **wide)
    per = w.Dropdown(options=[(t("abcxyz_months", language), "M"), (t("abcxyz_quarters", language), "Q")],
                     value=p.period, description=t("abcxyz_period", language),
                     style={"description_width": "190px"}, layout=w.Layout(width="420px"))
    out = w.Output()

    def redraw(_change: Any = None) -> None:
        with out:
            out.clear_output(wait=True)
            table, fig = abcxyz_view(data, abc_s.value, xyz_s.value, per.value, language, **kwargs)
            display(figure_image(fig))
            display(show(table[["turnover", "share", "abc", "cv", "xyz", "reason"]], language,
                         currency=getattr(data, "currency", "PLN"), max_rows=rows))

    for control in (abc_s, xyz_s, per):
        control.observe(redraw, names="value")
    box = w.VBox([abc_s, xyz_s, per, out])
    box.redraw = redraw  # for tests and for a manual refresh
    redraw()
    return box
