"""Workshop widget for the ideal client portrait (PL: widżet portretu idealnego klienta na warsztaty).

``segment_widget(company)`` lets the room pick a target group and a maturity threshold and shows
the group's coverage of each product line and its clients with a low maturity, the first to
offer the rest of their portrait. Its plain-parameter twin is :func:`segment_view`, for batch
runs and papermill. Nothing heavy runs at import: ipywidgets and the analysis are loaded and run
only when the widget is built.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["segment_view", "segment_widget"]


def segment_view(data: Any, segment: str | None = None, below: float = 0.5, language: str | None = None,
                 **kwargs: Any) -> tuple[pd.DataFrame, pd.DataFrame, Any]:
    """One target group's portrait coverage and its low-maturity clients (PL: jedna grupa docelowa).

    The widget's plain-parameter twin: :func:`salesnb.segments.coverage` and
    :func:`salesnb.segments.maturity` (the portrait and the maturity of the article *Working
    with clients*) for one group, and :func:`salesnb.plots.segments.segment_coverage_chart`.

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`salesnb.segments.prepare`.
    segment : str, optional
        A target group id; default the first group.
    below : float, default 0.5
        Maturity under this is low (0 < below <= 1).
    language : {"en", "pl"}, optional
        The chart's language; default the company's, else English.
    **kwargs
        Passed on to :func:`salesnb.segments.prepare` (``as_of``, ``horizon``).

    Returns
    -------
    coverage : pandas.DataFrame
        The group's row of the coverage table: one row per product line, ``targeted`` and
        ``coverage``.
    clients : pandas.DataFrame
        The group's clients with a maturity below ``below`` (the maturity table's columns),
        largest turnover first.
    figure : matplotlib.figure.Figure
        The coverage chart.

    Raises
    ------
    ParameterError
        For an unknown ``segment``, a ``below`` outside (0, 1], or as
        :func:`salesnb.segments.prepare`.
    DataError
        As :func:`salesnb.segments.prepare`.
    """
    from ..plots.segments import segment_coverage_chart
    from ..segments import coverage, maturity, prepare, segment_names
    from ..validation import check_choice, check_number

    fn = "salesnb.widgets.segments.segment_view"
    below = check_number("below", below, low=0, low_open=True, high=1, function=fn)
    d = prepare(data, function=fn, **kwargs)
    segment = d.groups[0] if segment is None else check_choice("segment", segment, d.groups, function=fn,
                                                                ignore_case=False)
    language = language or getattr(data, "language", None) or "en"
    cov = coverage(d)
    row = pd.DataFrame({"targeted": cov.attrs["targeted"].loc[segment],
                        "coverage": cov.drop(columns="clients").loc[segment]})
    row.index.name = "product_line"
    mat = maturity(d)
    low = mat[(mat["segment"] == segment) & (mat["maturity"] < below)].sort_values(
        "turnover", ascending=False, kind="mergesort")
    return row, low, segment_coverage_chart(cov, segment, language, segment_names(d.segments, language))


def segment_widget(data: Any, language: str | None = None, rows: int = 10, **kwargs: Any):
    """Pick a target group: its portrait coverage and its low-maturity clients (PL: wybór grupy docelowej).

    A dropdown of the target groups (by name) and a slider for the maturity threshold; each
    change reruns :func:`segment_view` and shows the chart and the first ``rows`` low-maturity
    clients. In a batch or test run (``SALESNB_STATIC`` set) a
    :class:`~salesnb.widgets.StaticNote` is returned instead.

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`salesnb.segments.prepare`.
    language : {"en", "pl"}, optional
        Default the company's, else English.
    rows : int, default 10
        How many clients to list.
    **kwargs
        Passed on to :func:`salesnb.segments.prepare` (``as_of``, ``horizon``).

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
    from IPython.display import Markdown, display

    from ..i18n import t
    from ..present import show
    from ..segments import prepare, segment_names

    language = language or getattr(data, "language", None) or "en"
    d = prepare(data, function="salesnb.widgets.segments.segment_widget", **kwargs)
    names = segment_names(d.segments, language, outside=False)
    style = {"description_width": "190px"}
    pick = w.Dropdown(options=[(names[g], g) for g in d.groups], value=d.groups[0],
                      description=t("seg_widget_segment", language), style=style, layout=w.Layout(width="560px"))
    below = w.FloatSlider(value=0.5, min=0.05, max=1.0, step=0.05, readout_format=".0%", continuous_update=False,
                          description=t("seg_widget_below", language), style=style, layout=w.Layout(width="560px"))
    out = w.Output()
    currency = getattr(data, "currency", "PLN")

    def redraw(_change: Any = None) -> None:
        with out:
            out.clear_output(wait=True)
            _row, low, fig = segment_view(d, pick.value, below.value, language)
            display(fig)
            display(Markdown(f"**{t('seg_widget_low', language)}**"))
            if len(low):
                display(show(low[["salesperson", "lines_targeted", "lines_used", "maturity", "turnover"]], language,
                             currency=currency, max_rows=rows))
            else:
                display(Markdown(t("seg_widget_none", language)))

    for control in (pick, below):
        control.observe(redraw, names="value")
    box = w.VBox([pick, below, out])
    box.redraw = redraw  # for tests and for a manual refresh
    redraw()
    return box
