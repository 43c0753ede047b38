"""Kano workshop widget (PL: widżet warsztatowy Kano): enter answers, see the category appear.

A workshop enters its own answers for one feature, either respondent by respondent (two
dropdowns: "if the feature is present" / "if it is absent", then *Add*) or as counts per answer
pair in a 5x5 grid, and sees the category (by the mode and by Berger's rule), Better/Worse and
Fong's significance update live. ipywidgets is imported only when the widget is built.

The batch twin (no widgets, for papermill runs and tests) is :func:`workshop_summary`, which
takes the same inputs as plain parameters and returns the same table the widget shows.
Sources: the evaluation table and coefficients of Berger et al. (1993) and Sauerwein et al.
(1996), via :mod:`salesnb.kano`; the categories of the article *Kano model and good practices*
(PL: *Model Kano i dobre praktyki*). Arguments are checked by the Kano set-up path
(:func:`salesnb.kano.setup_parameters`); a bad one raises
:class:`~salesnb.errors.ParameterError`.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .. import kano
from ..errors import ParameterError
from ..i18n import t

__all__ = ["pair_counts", "category_counts", "workshop_summary", "kano_workshop"]

_MODULE = "salesnb.widgets.kano"


def pair_counts(pairs: Iterable[tuple[Any, Any]] | None = None,
                counts: Mapping[tuple[int, int], int] | pd.DataFrame | np.ndarray | None = None) -> pd.DataFrame:
    """A 5x5 table of answer-pair counts (PL: liczba par odpowiedzi), rows functional, columns dysfunctional.

    The layout of the evaluation table of Berger et al. (1993): rows the functional answer 1-5,
    columns the dysfunctional answer 1-5.

    Parameters
    ----------
    pairs : iterable of (functional, dysfunctional), optional
        Answers as codes or words (see :func:`salesnb.kano.answer_code`).
    counts : mapping, pandas.DataFrame or numpy.ndarray, optional
        A {(f, d): count} mapping with codes 1-5, or a 5x5 table of counts. Both ``pairs`` and
        ``counts`` may be given (added).

    Returns
    -------
    pandas.DataFrame
        Counts indexed like :data:`salesnb.kano.EVALUATION_TABLE`.

    Raises
    ------
    ParameterError
        If ``counts`` is not a 5x5 table of non-negative whole numbers (or a mapping with codes
        1-5), or a pair holds an answer outside the Kano scale.
    """
    return _pair_counts(pairs, counts, f"{_MODULE}.pair_counts")


def _pair_counts(pairs: Iterable[tuple[Any, Any]] | None, counts: Any, function: str) -> pd.DataFrame:
    """:func:`pair_counts`, naming ``function`` (the public one called) in its errors."""
    table = pd.DataFrame(0, index=kano.EVALUATION_TABLE.index, columns=kano.EVALUATION_TABLE.columns)
    if counts is not None:
        if isinstance(counts, Mapping):
            for key, c in counts.items():
                try:
                    f, d = (int(k) for k in key)
                    ok = f in kano.ANSWERS and d in kano.ANSWERS and float(c).is_integer() and c >= 0
                except (TypeError, ValueError):
                    ok = False
                if not ok or isinstance(c, bool):
                    raise ParameterError("counts", counts, "a mapping {(functional, dysfunctional): count} with "
                                         "answer codes 1-5 and whole counts >= 0", function=function,
                                         fix=f"check the entry {key!r}: {c!r}.")
                table.loc[f, d] += int(c)
        else:
            try:
                arr = np.asarray(counts, dtype=float)
            except (TypeError, ValueError):
                arr = np.full((0, 0), np.nan)
            if arr.shape != (5, 5) or not np.isfinite(arr).all() or (arr < 0).any() or (arr % 1).any():
                raise ParameterError("counts", counts, "a 5x5 table of non-negative whole numbers",
                                     function=function)
            table += arr.astype(int)
    if pairs is not None:
        if isinstance(pairs, (str, bytes, Mapping)) or not isinstance(pairs, Iterable):
            raise ParameterError("pairs", pairs, "a list of (functional, dysfunctional) answers", function=function)
        pairs = list(pairs)
        if any(not isinstance(p, (tuple, list)) or len(p) != 2 for p in pairs):
            raise ParameterError("pairs", pairs, "a list of (functional, dysfunctional) answers", function=function)
        if pairs:
            f = kano.parse_answers(pd.Series([p[0] for p in pairs], dtype=object))
            d = kano.parse_answers(pd.Series([p[1] for p in pairs], dtype=object))
            bad = [i for i in range(len(pairs)) if f[i] <= 0 or d[i] <= 0]
            if bad:
                raise ParameterError("pairs", pairs, "answer pairs on the Kano scale", function=function,
                                     fix=f"answers outside the Kano scale in pair(s) {[pairs[i] for i in bad]}; "
                                         "use 1-5 or the answer words.")
            arr = table.to_numpy(copy=True)
            np.add.at(arr, (f - 1, d - 1), 1)
            table = pd.DataFrame(arr, index=table.index, columns=table.columns)
    return table


def category_counts(table: pd.DataFrame, variant: str = "standard") -> pd.Series:
    """Counts of A/O/M/I/R/Q from a 5x5 answer-pair table (PL: liczebności kategorii).

    Each cell counted into its category through the evaluation table of Berger et al. (1993)
    (:func:`salesnb.kano.evaluation_table`).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`pair_counts`.
    variant : {'standard', 'pouliot'}, default 'standard'
        The evaluation table.

    Returns
    -------
    pandas.Series
        Counts indexed by :data:`salesnb.kano.CATEGORIES`.

    Raises
    ------
    ParameterError
        If ``variant`` is not allowed or ``table`` is not a 5x5 table of answer codes.
    """
    function = f"{_MODULE}.category_counts"
    p = kano.setup_parameters(function, variant=variant)
    if (not isinstance(table, pd.DataFrame) or list(table.index) != list(kano.ANSWERS)
            or list(table.columns) != list(kano.ANSWERS)):
        raise ParameterError("table", table, "a 5x5 table of counts from pair_counts", function=function)
    ev = kano.evaluation_table(p.variant)
    out = pd.Series(0, index=list(kano.CATEGORIES), dtype=np.int64)
    for f in ev.index:
        for d in ev.columns:
            out[ev.loc[f, d]] += int(table.loc[f, d])
    return out


def workshop_summary(pairs: Iterable[tuple[Any, Any]] | None = None,
                     counts: Mapping[tuple[int, int], int] | pd.DataFrame | np.ndarray | None = None,
                     feature: str = "feature", variant: str = "standard") -> pd.DataFrame:
    """The batch twin of :func:`kano_workshop`: the Kano summary of one feature's answers (PL: podsumowanie).

    Same inputs as the widget; the metrics of Berger et al. (1993) and Fong (1996) through
    :func:`salesnb.kano.summarize_counts`.

    Parameters
    ----------
    pairs, counts
        As in :func:`pair_counts` (answer pairs and/or counts per pair).
    feature : str, default 'feature'
        The feature's name (the index of the result).
    variant : {'standard', 'pouliot'}, default 'standard'
        The evaluation table.

    Returns
    -------
    pandas.DataFrame
        The one-row table of :func:`salesnb.kano.summarize_counts` (category by the mode and by
        Berger's rule, Better/Worse, Fong's test, strengths), indexed by ``feature``.

    Raises
    ------
    ParameterError
        If an argument is not allowed.
    """
    function = f"{_MODULE}.workshop_summary"
    p = kano.setup_parameters(function, variant=variant)
    cats = category_counts(_pair_counts(pairs, counts, function), p.variant)
    out = kano.summarize_counts(pd.DataFrame([cats.to_dict()], index=pd.Index([feature], name="feature")))
    for c in kano.CATEGORIES:  # counts are whole numbers here
        out[c] = out[c].astype(np.int64)
    out["n"] = out["n"].astype(np.int64)
    return out


def _result_html(summary: pd.DataFrame, language: str) -> str:
    row = summary.iloc[0]
    if row["n"] == 0:
        return f"<p>{t('kano_widget_empty', language)}</p>"

    def cat(c: Any) -> str:
        return f"<b>{c}</b> ({kano.category_label(c, language)})" if isinstance(c, str) else "-"

    shares = " &nbsp; ".join(f"{c}: {int(row[c])} ({row[f'share_{c}']:.0%})" for c in kano.CATEGORIES)

    def fmt(v: Any) -> str:
        return "-" if pd.isna(v) else f"{v:.2f}"

    sig = "-" if pd.isna(row["significant"]) else ("✔" if row["significant"] else "✘")
    lines = [
        f"{t('kano_col_n', language)}: {int(row['n'])} &nbsp; {shares}",
        f"{t('kano_col_category_mode', language)}: {cat(row['category_mode'])}",
        f"{t('kano_col_category_berger', language)}: {cat(row['category_berger'])}",
        f"{t('kano_col_better', language)}: <b>{fmt(row['better'])}</b> &nbsp; "
        f"{t('kano_col_worse', language)}: <b>{fmt(row['worse'])}</b>",
        f"{t('kano_col_significant', language)}: {sig} &nbsp; "
        f"{t('kano_col_category_strength', language)}: {row['category_strength']:.0%}",
    ]
    return "<div style='line-height:1.6'>" + "<br>".join(lines) + "</div>"


def kano_workshop(feature: str = "", language: str | None = "en", variant: str = "standard",
                  counts: Mapping[tuple[int, int], int] | None = None):
    """The workshop widget (PL: widżet warsztatowy): answers in, category and Better/Worse out.

    A room enters its own answers and sees the categories of *Kano model and good practices*
    (PL: *Model Kano i dobre praktyki*) appear, measured as Berger et al. (1993) describe. For
    batch runs use :func:`workshop_summary` with the same inputs.

    Parameters
    ----------
    feature : str, default ''
        The feature's name (editable in the widget).
    language : {'en', 'pl'} or None, default 'en'
        None means English.
    variant : {'standard', 'pouliot'}, default 'standard'
        The evaluation table.
    counts : mapping, optional
        Pre-fills the grid (as in :func:`pair_counts`).

    Returns
    -------
    ipywidgets.VBox or StaticNote
        A feature name, two answer dropdowns with *Add* and *Clear*, a 5x5 grid of counts per
        answer pair (editable; rows = answer if present, columns = answer if absent) and the
        live result; in a batch or test run (``SALESNB_STATIC``) a static note instead.

    Raises
    ------
    ParameterError
        If an argument is not allowed.
    """
    from . import StaticNote, live

    function = f"{_MODULE}.kano_workshop"
    p = kano.setup_parameters(function, language=language, variant=variant)
    lang, variant = p.language, p.variant
    start = _pair_counts(None, counts, function)
    if not live():
        return StaticNote(lang)
    import ipywidgets as w  # only when a widget is built

    answers = [(kano.answer_label(k, lang), k) for k in kano.ANSWERS]
    name = w.Text(value=feature, description=t("kano_widget_feature", lang))
    func = w.Dropdown(options=answers, value=1, description=t("kano_widget_functional", lang),
                      style={"description_width": "initial"})
    dysf = w.Dropdown(options=answers, value=5, description=t("kano_widget_dysfunctional", lang),
                      style={"description_width": "initial"})
    add = w.Button(description=t("kano_widget_add", lang), button_style="primary")
    reset = w.Button(description=t("kano_widget_reset", lang))
    cells = {(f, d): w.BoundedIntText(value=int(start.loc[f, d]), min=0, max=1_000_000,
                                      layout=w.Layout(width="70px"))
             for f in kano.ANSWERS for d in kano.ANSWERS}
    header = [w.Label("")] + [w.Label(kano.answer_label(d, lang), layout=w.Layout(width="70px"))
                              for d in kano.ANSWERS]
    rows = [w.HBox(header)]
    for f in kano.ANSWERS:
        rows.append(w.HBox([w.Label(kano.answer_label(f, lang), layout=w.Layout(width="150px"))]
                           + [cells[(f, d)] for d in kano.ANSWERS]))
    out = w.HTML()

    def refresh(*_):
        table = pd.DataFrame([[cells[(f, d)].value for d in kano.ANSWERS] for f in kano.ANSWERS],
                             index=kano.EVALUATION_TABLE.index, columns=kano.EVALUATION_TABLE.columns)
        summ = workshop_summary(counts=table, feature=name.value or "feature", variant=variant)
        out.value = _result_html(summ, lang)

    def on_add(_):
        cells[(func.value, dysf.value)].value += 1  # triggers refresh through observe

    def on_reset(_):
        for c in cells.values():
            c.value = 0

    add.on_click(on_add)
    reset.on_click(on_reset)
    for c in cells.values():
        c.observe(refresh, names="value")
    refresh()
    return w.VBox([w.HTML(f"<b>{t('kano_widget_title', lang)}</b>"), name,
                   w.HBox([func, dysf]), w.HBox([add, reset]),
                   w.HTML(f"<i>{t('kano_widget_counts', lang)}</i>"), w.VBox(rows), out])
