"""Kano workshop widget (PL: widżet warsztatowy Kano): enter answers, see the category appear.

A workshop enters its own answers for one feature, either respondent by respondent (two
dropdowns: "if the feature is present" / "if it is absent", then *Add*) or as counts per answer
pair in a 5x5 grid, and sees the category (by the mode and by Berger's rule), Better/Worse and
Fong's significance update live. ipywidgets is imported only when the widget is built.

The batch twin (no widgets, for papermill runs and tests) is :func:`workshop_summary`, which
takes the same inputs as plain parameters and returns the same table the widget shows.
Sources: the evaluation table and coefficients of Berger et al. (1993) and Sauerwein et al.
(1996), via :mod:`salesnb.kano`; domain.md section 1.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .. import kano
from ..i18n import check_language, t


def pair_counts(pairs: Iterable[tuple[Any, Any]] | None = None,
                counts: Mapping[tuple[int, int], int] | pd.DataFrame | np.ndarray | None = None) -> pd.DataFrame:
    """A 5x5 table of answer-pair counts (PL: liczba par odpowiedzi), rows functional 1-5, columns dysfunctional 1-5.

    ``pairs``: (functional, dysfunctional) answers as codes or words (see :mod:`salesnb.kano`);
    ``counts``: a {(f, d): count} mapping, a 5x5 array or DataFrame. Both may be given (added).
    """
    table = pd.DataFrame(0, index=kano.EVALUATION_TABLE.index, columns=kano.EVALUATION_TABLE.columns)
    if counts is not None:
        if isinstance(counts, Mapping):
            for (f, d), c in counts.items():
                table.loc[int(f), int(d)] += int(c)
        else:
            arr = np.asarray(counts, dtype=float)
            if arr.shape != (5, 5) or (arr < 0).any() or (arr % 1).any():
                raise ValueError("counts must be a 5x5 table of non-negative whole numbers")
            table += arr.astype(int)
    if pairs is not None:
        pairs = list(pairs)
        if pairs:
            f = kano.parse_answers(pd.Series([p[0] for p in pairs], dtype=object))
            d = kano.parse_answers(pd.Series([p[1] for p in pairs], dtype=object))
            bad = [i for i in range(len(pairs)) if f[i] <= 0 or d[i] <= 0]
            if bad:
                raise ValueError(f"answers outside the Kano scale in pair(s) {[pairs[i] for i in bad]}")
            arr = table.to_numpy(copy=True)
            np.add.at(arr, (f - 1, d - 1), 1)
            table = pd.DataFrame(arr, index=table.index, columns=table.columns)
    return table


def category_counts(table: pd.DataFrame, variant: str = "standard") -> pd.Series:
    """Counts of A/O/M/I/R/Q (PL: liczebności kategorii) from a 5x5 answer-pair table, through the
    evaluation table of Berger et al. (1993) (:func:`salesnb.kano.evaluation_table`).
    """
    ev = kano.evaluation_table(variant)
    out = pd.Series(0, index=list(kano.CATEGORIES), dtype=np.int64)
    for f in ev.index:
        for d in ev.columns:
            out[ev.loc[f, d]] += int(table.loc[f, d])
    return out


def workshop_summary(pairs: Iterable[tuple[Any, Any]] | None = None,
                     counts: Mapping[tuple[int, int], int] | pd.DataFrame | np.ndarray | None = None,
                     feature: str = "feature", variant: str = "standard") -> pd.DataFrame:
    """The batch twin of :func:`kano_workshop`: the Kano summary of one feature's answers.

    Same inputs as the widget (answer pairs and/or counts per pair); returns the one-row table of
    :func:`salesnb.kano.summarize_counts` (category by the mode and by Berger's rule,
    Better/Worse, Fong's test, strengths), indexed by ``feature``.
    """
    cats = category_counts(pair_counts(pairs, counts), variant)
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
    fmt = (lambda v: "-" if pd.isna(v) else f"{v:.2f}")
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

    Returns an ``ipywidgets.VBox``: a feature name, two answer dropdowns with *Add* and *Clear*,
    a 5x5 grid of counts per answer pair (editable; rows = answer if present, columns = answer
    if absent) and the live result. ``counts`` pre-fills the grid. For batch runs use
    :func:`workshop_summary` with the same inputs.
    """
    from . import StaticNote, live

    if not live():
        return StaticNote(language)
    import ipywidgets as w  # only when a widget is built

    lang = check_language(language)
    answers = [(kano.answer_label(k, lang), k) for k in kano.ANSWERS]
    name = w.Text(value=feature, description=t("kano_widget_feature", lang))
    func = w.Dropdown(options=answers, value=1, description=t("kano_widget_functional", lang),
                      style={"description_width": "initial"})
    dysf = w.Dropdown(options=answers, value=5, description=t("kano_widget_dysfunctional", lang),
                      style={"description_width": "initial"})
    add = w.Button(description=t("kano_widget_add", lang), button_style="primary")
    reset = w.Button(description=t("kano_widget_reset", lang))
    start = pair_counts(counts=counts)
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
