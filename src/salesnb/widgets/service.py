"""Workshop widget for the service standards (PL: widżet standardów obsługi).

:func:`standards_widget` lets the room set a standard (the hours for one channel, business hours
on or off, Polish public holidays on or off) and see the compliance change; :func:`standards_overview`
is its plain-parameter twin for batch runs and papermill. ipywidgets and IPython are imported only
when the widget is built.
"""
from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from .. import service
from ..i18n import t
from ..plots import figure_image
from ..plots.service import compliance_chart
from ..present import show

__all__ = ["standards_overview", "standards_widget"]


def standards_overview(data: Any, *, standards: Any = None, business_hours: Any = None, holidays: Any = None,
                       as_of: Any = None, months: int = 12, language: str = "en") -> tuple[pd.DataFrame, Figure]:
    """Compliance per channel under a given standard, and by month (PL: zgodność ze standardem obsługi).

    The auditable standards of *Standards and good practices in sales* and *Professional
    customer service: is it worth investing in?*; the plain-parameter twin of
    :func:`standards_widget`.

    Parameters
    ----------
    data : Company or dict
        As :func:`salesnb.service.response_times`.
    standards, business_hours, holidays, as_of
        As :func:`salesnb.service.response_times`.
    months : int, default 12
        How many months the chart shows (the last ones).
    language : {"en", "pl"}, default "en"

    Returns
    -------
    table : pandas.DataFrame
        :func:`salesnb.service.compliance` per channel.
    figure : matplotlib.figure.Figure
        :func:`salesnb.plots.service.compliance_chart` of the last ``months`` months.

    Raises
    ------
    ParameterError
        As :func:`salesnb.service.response_times`, or for ``months`` below 1.
    DataError
        As :func:`salesnb.service.response_times`.
    """
    from ..validation import check_number

    months = check_number("months", months, low=1, integer=True,
                          function="salesnb.widgets.service.standards_overview")
    rt = service.response_times(data, as_of=as_of, standards=standards, business_hours=business_hours,
                                holidays=holidays)
    table = service.compliance(rt, by="channel")
    by_month = service.compliance(rt, by=("channel", "month"))
    if len(by_month):
        last = by_month.index.get_level_values("month").max()
        by_month = by_month[by_month.index.get_level_values("month") > last - months]
    return table, compliance_chart(by_month, language)


def standards_widget(data: Any, *, language: str = "en", months: int = 12):
    """An ipywidgets panel: set a standard and see compliance change (PL: panel do warsztatów: standard obsługi).

    A channel dropdown and an hours slider (the channel's standard), a business-hours switch
    (Monday-Friday 8:00-18:00, or the company's own hours) and a Polish-holidays switch; every
    change redraws the table and chart of :func:`standards_overview`. In a batch or test run
    (``SALESNB_STATIC`` set) a :class:`~salesnb.widgets.StaticNote` is returned instead.

    Parameters
    ----------
    data : Company or dict
        As :func:`salesnb.service.response_times`.
    language : {"en", "pl"}, default "en"
    months : int, default 12
        How many months the chart shows.

    Returns
    -------
    ipywidgets.VBox or StaticNote
        The panel, or the static note in a batch run.
    """
    from . import StaticNote, live

    if not live():
        return StaticNote(language)
    import ipywidgets as W
    from IPython.display import display

    first = service.response_times(data)
    channels = [str(c) for c in first["channel"].cat.categories]
    hours_of = dict(first.attrs["standards"])
    company_hours = first.attrs["business_hours"]
    channel_dd = W.Dropdown(options=channels, value=channels[0] if channels else None,
                            description=t("svc_widget_channel", language), style={"description_width": "initial"})
    hours_sl = W.FloatSlider(value=hours_of.get(channel_dd.value, 24.0), min=0.5, max=72, step=0.5,
                             description=t("svc_widget_hours", language), continuous_update=False,
                             layout=W.Layout(width="520px"), style={"description_width": "initial"})
    business_cb = W.Checkbox(value=company_hours is not None, description=t("svc_widget_business", language),
                             indent=False, layout=W.Layout(width="auto"))
    holidays_cb = W.Checkbox(value=bool(first.attrs["holidays"].get("country")), indent=False,
                             description=t("svc_widget_holidays", language), layout=W.Layout(width="auto"))
    out = W.Output()

    def redraw(*_):
        hours_of[channel_dd.value] = hours_sl.value
        with out:
            out.clear_output(wait=True)
            table, fig = standards_overview(data, standards=dict(hours_of), business_hours=(
                company_hours or True) if business_cb.value else False, holidays="PL" if holidays_cb.value else False,
                months=months, language=language)
            display(show(table, language))
            display(figure_image(fig))

    def pick(*_):
        hours_sl.unobserve(redraw, names="value")
        hours_sl.value = hours_of.get(channel_dd.value, 24.0)
        hours_sl.observe(redraw, names="value")

    channel_dd.observe(pick, names="value")
    for w_ in (hours_sl, business_cb, holidays_cb):
        w_.observe(redraw, names="value")
    redraw()
    return W.VBox([W.HBox([channel_dd, hours_sl]), W.HBox([business_cb, holidays_cb]), out])
