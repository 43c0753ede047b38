"""Kano labels in English and Polish (PL: etykiety Kano): answers, categories, table columns.

The words come from the label catalogue :mod:`salesnb.i18n`; the questionnaire wording of each
answer parses back to its code (:func:`~salesnb.kano.answer_code`).
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..i18n import t
from ..validation import check_choice, check_frame
from .answers import ANSWERS, CATEGORIES
from .parameters import setup_parameters

__all__ = ["answer_label", "category_label", "label_summary"]


def answer_label(code: int, language: str | None = "en") -> str:
    """The questionnaire wording of an answer (PL: etykieta odpowiedzi), e.g. 4 'I can live with it'.

    The five answers of Berger et al. (1993) and Sauerwein et al. (1996), worded as a
    questionnaire in ``language`` asks them.

    Parameters
    ----------
    code : int
        The answer code 1-5 (1 like, 2 must-be, 3 neutral, 4 live with, 5 dislike).
    language : {'en', 'pl'} or None, default 'en'
        None means English.

    Returns
    -------
    str

    Raises
    ------
    ParameterError
        If ``code`` is not 1-5 or ``language`` is not allowed.
    """
    p = setup_parameters("answer_label", language=language)
    code = check_choice("code", code, tuple(ANSWERS), function=p.function)
    return t(f"kano_answer_{code}", p.language)


def category_label(category: str, language: str | None = "en") -> str:
    """The name of a Kano category (PL: nazwa kategorii Kano): A 'attractive' / 'atrakcyjna (czynnik zachwytu)'.

    The categories of the article *Kano model and good practices* (PL: *Model Kano i dobre
    praktyki*): basic needs, performance needs, delighters; and, from the questionnaire method,
    indifferent, reverse and questionable.

    Parameters
    ----------
    category : {'A', 'O', 'M', 'I', 'R', 'Q'}
        The category code.
    language : {'en', 'pl'} or None, default 'en'
        None means English.

    Returns
    -------
    str

    Raises
    ------
    ParameterError
        If ``category`` is not one of :data:`~salesnb.kano.CATEGORIES` or ``language`` is not
        allowed.
    """
    p = setup_parameters("category_label", language=language)
    category = check_choice("category", category, CATEGORIES, function=p.function)
    return t(f"kano_cat_{category}", p.language)


def label_summary(table: pd.DataFrame, language: str | None = "en") -> pd.DataFrame:
    """A copy of a Kano table with translated column names and category values (PL: etykiety tabeli).

    For tables made by :mod:`salesnb.kano` (summaries, wave changes, priorities): columns and
    index names with a label get it in ``language``; category codes become their names.

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`~salesnb.kano.summarize`, :func:`~salesnb.kano.category_changes`,
        :func:`~salesnb.kano.priorities` and the like.
    language : {'en', 'pl'} or None, default 'en'
        None means English.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ParameterError
        If ``table`` is not a DataFrame or ``language`` is not allowed.
    """
    p = setup_parameters("label_summary", language=language)
    check_frame("table", table, function=p.function)
    lang = p.language
    out = table.copy()
    names = {c: category_label(c, lang) for c in CATEGORIES}
    for c in out.columns:
        if str(c).startswith("category") or c in ("category_from", "category_to"):
            out[c] = out[c].map(lambda v: names[v] if isinstance(v, str) else v)

    def tr(name: Any) -> Any:
        key = f"kano_col_{name}"
        try:
            return t(key, lang)
        except KeyError:
            try:
                return t(str(name), lang)
            except KeyError:
                return name

    out = out.rename(columns=tr)
    out.index.names = [tr(n) if n is not None else None for n in out.index.names]
    return out
