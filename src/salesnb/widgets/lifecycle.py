"""Workshop widget for the client lifecycle (PL: widżet cyklu życia klienta).

:func:`lifecycle_widget` shows the client base by status with a window dropdown, an as-of
slider and a language switch, redrawing the status table and chart; :func:`status_overview` is
its plain-parameter twin for batch runs and papermill. ipywidgets and IPython are imported only
when the widget is built, so importing this module is cheap.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .. import lifecycle as lc
from ..i18n import t
from ..plots import figure_image
from ..plots.lifecycle import status_counts_chart
from ..present import date, say, show, window

#: Windows offered in the dropdown (the suggested one and the company's are added).
DEFAULT_WINDOWS: tuple[str, ...] = ("1M", "2M", "3M", "6M", "12M")


def status_overview(
    transactions: Any,
    customers: pd.DataFrame | None = None,
    as_of: Any = None,
    window: Any = None,
    language: str = "en",
) -> tuple[pd.DataFrame, Figure]:
    """Clients per status at ``as_of`` with window W: a table and a bar chart.

    PL: baza klientów według statusu. The statuses of the article *Working with clients*
    (potencjalny, nowy, stały, utracony, przywrócony), from :func:`salesnb.lifecycle.statuses`;
    the plain-parameter twin of :func:`lifecycle_widget`.

    Parameters
    ----------
    transactions, customers, as_of, window
        As :func:`salesnb.lifecycle.statuses`.
    language : {"en", "pl"}, default "en"
        The language of the headers, statuses and chart.

    Returns
    -------
    table : pandas.DataFrame
        One row per status with the number of clients and their share (rounded to 3 decimals);
        headers in ``language``; ``attrs`` as the statuses table's.
    figure : matplotlib.figure.Figure
        :func:`salesnb.plots.lifecycle.status_counts_chart` of the statuses.

    Raises
    ------
    ParameterError
        As :func:`salesnb.lifecycle.statuses`, or for a language other than "en" or "pl".
    DataError
        As :func:`salesnb.lifecycle.statuses`.
    """
    st = lc.statuses(transactions, customers, as_of=as_of, window=window)
    counts = lc.status_counts(st)
    total = int(counts.sum())
    table = pd.DataFrame({"clients": counts.to_numpy(),
                          "share": (counts / total).to_numpy() if total else np.zeros(len(counts))},
                         index=pd.Index(list(counts.index), name="status"))
    table.attrs.update(st.attrs)
    return table, status_counts_chart(st, language)


def _month_ends(transactions: Any) -> list[pd.Timestamp]:
    tx = transactions if isinstance(transactions, pd.DataFrame) else (
        transactions["transactions"] if isinstance(transactions, dict) else transactions.transactions)
    dates = pd.to_datetime(tx["date"])
    first, last = dates.min().normalize(), dates.max().normalize()
    ends = list(pd.date_range(first, last, freq="ME"))
    if not ends or ends[-1] != last:
        ends.append(last)
    return ends


def lifecycle_widget(
    transactions: Any,
    customers: pd.DataFrame | None = None,
    *,
    language: str = "en",
    windows: Sequence[str] = DEFAULT_WINDOWS,
    suggest: bool = True,
):
    """An ipywidgets panel of the client base by status (PL: panel do warsztatów: okno, data analizy, język).

    A window dropdown, an as-of slider (month ends, and the last transaction day) and a language
    switch; every change redraws the status table and chart of :func:`status_overview`. In a
    batch or test run (``SALESNB_STATIC`` set) a :class:`~salesnb.widgets.StaticNote` is
    returned instead.

    Parameters
    ----------
    transactions : DataFrame, dict or Company
        As :func:`salesnb.lifecycle.statuses`; a company's ``lifecycle_window`` is the
        dropdown's default (else "3M").
    customers : pandas.DataFrame, optional
        Known clients, as :func:`salesnb.lifecycle.statuses`.
    language : {"en", "pl"}, default "en"
        The starting language.
    windows : sequence of str, default ("1M", "2M", "3M", "6M", "12M")
        The windows offered (the suggested one and the company's are added).
    suggest : bool, default True
        Add the window :func:`salesnb.lifecycle.suggest_window` proposes to the dropdown and show
        its reasoning under the chart.

    Returns
    -------
    ipywidgets.VBox or StaticNote
        The panel, or the static note in a batch run.
    """
    from . import StaticNote, live

    if not live():
        return StaticNote(language or getattr(transactions, "language", None))
    import ipywidgets as W
    from IPython.display import display

    options = list(dict.fromkeys(lc.window_label(x) for x in windows))
    default = "3M"
    params = (getattr(transactions, "params", None)
              or (transactions.get("params") if isinstance(transactions, dict) else None) or {})
    if params.get("lifecycle_window"):
        default = lc.window_label(params["lifecycle_window"])
    reason = None
    if suggest:
        reason = lc.suggest_window(transactions)
        if reason.label not in options:
            options.append(reason.label)
    if default not in options:
        options.append(default)
    options.sort(key=lambda x: lc.parse_window(x) if x.endswith("D") else pd.Timedelta(days=30.44 * int(x[:-1])))

    def window_options(lang: str) -> list[tuple[str, str]]:
        marks = {default: t("lc_company_window", lang)}
        if reason is not None:
            marks[reason.label] = t("lc_suggested", lang) + (
                f", {marks[reason.label]}" if reason.label in marks else "")
        return [(f"{window(o, lang)}" + (f" ({marks[o]})" if o in marks else ""), o) for o in options]

    ends = _month_ends(transactions)
    window_dd = W.Dropdown(options=window_options(language), value=default, description=t("lc_window", language),
                           layout=W.Layout(width="380px"), style={"description_width": "initial"})
    as_of_sl = W.SelectionSlider(options=[(date(d, language), d) for d in ends], value=ends[-1],
                                 description=t("as_of", language), continuous_update=False,
                                 layout=W.Layout(width="560px"), style={"description_width": "initial"})
    lang_dd = W.Dropdown(options=[("English", "en"), ("Polski", "pl")], value=language,
                         description=t("language", language), style={"description_width": "initial"})
    out = W.Output()

    def redraw(*_):
        lang = lang_dd.value
        with out:
            out.clear_output(wait=True)
            table, fig = status_overview(transactions, customers, as_of=as_of_sl.value, window=window_dd.value,
                                         language=lang)
            display(show(table, lang))
            display(figure_image(fig))
            if reason is not None:
                display(say(reason.explain(lang)))

    for w_ in (window_dd, as_of_sl, lang_dd):
        w_.observe(redraw, names="value")
    redraw()
    return W.VBox([W.HBox([window_dd, lang_dd]), as_of_sl, out])


__all__ = ["DEFAULT_WINDOWS", "status_overview", "lifecycle_widget"]
