"""Kano priorities: basic needs first (PL: priorytety: najpierw potrzeby podstawowe).

The second lesson of the article *Kano model and good practices* (PL: *Model Kano i dobre
praktyki*): there is no point investing in delighters while basic needs are unmet.
:func:`priorities` orders the features for investment and warns where a delighter would come
before a basic need that the satisfaction survey rates badly (:func:`performance`).

The satisfaction ratings are read over one **survey period**, by default the last 12 months up to
the analysis date: the period in which *Working with clients* asks for a survey of every client,
and the same period the service notebook's satisfaction tables read (the months are the
company's ``survey_every_months`` service setting where it has one). A rating without a date
cannot be placed in the period and is left out; a table without a ``date`` column is read whole.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, ParameterError, Problem
from ..i18n import t
from ..i18n.formats import day_text, share_text
from ..periods import as_of_instant
from ..validation import check_number
from .answers import CATEGORIES
from .parameters import setup_parameters
from .summary import summarize
from .survey import select_wave

__all__ = ["INVESTMENT_ORDER", "performance", "Priorities", "priorities"]

#: The investment order the article *Kano model and good practices* argues for: basic needs,
#: then performance needs, then delighters; indifferent, reverse and questionable features last.
INVESTMENT_ORDER: tuple[str, ...] = ("M", "O", "A", "I", "R", "Q")
# The survey period in months when neither the call nor the company gives one (at least one
# survey a year, *Working with clients*).
_SATISFACTION_MONTHS = 12


def _norm_name(s: pd.Series) -> pd.Series:
    return s.astype("string").str.strip().str.casefold().str.replace(r"\s+", " ", regex=True)


def _period(sat: pd.DataFrame, owner: Any, as_of: Any, months: Any,
            function: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The survey period's first and last day for ``sat`` (None, None without dates)."""
    if months is None:
        service = dict((getattr(owner, "params", None) or {}).get("service") or {})
        months = service.get("survey_every_months", _SATISFACTION_MONTHS)
    months = check_number("satisfaction_months", months, low=1, integer=True, function=function)
    if "date" not in sat.columns:
        return None, None
    dates = pd.to_datetime(sat["date"], errors="coerce")
    if as_of is None:
        as_of = getattr(owner, "as_of", None)
    if as_of is None:
        if dates.isna().all():
            return None, None
        as_of = dates.max()
    try:
        end = as_of_instant(as_of).normalize()
    except (ValueError, TypeError):
        raise ParameterError("as_of", as_of, "a date such as '2025-12-31'", function=function) from None
    return end - pd.DateOffset(months=int(months)), end


def performance(satisfaction: Any, low_score: int = 3, *, as_of: Any = None,
                satisfaction_months: Any = None) -> pd.DataFrame:
    """Performance rating per criterion from the satisfaction survey (PL: ocena realizacji).

    The satisfaction survey of the article *Working with clients* (PL: *Praca z klientami*): a
    1-5 score per criterion, where 2 is open and 3 hidden dissatisfaction, read over the survey
    period (see the module docstring).

    Parameters
    ----------
    satisfaction : pandas.DataFrame or company
        The satisfaction table (criterion, score 1-5, optional date) or a company with
        ``.satisfaction``.
    low_score : int, default 3
        Scores up to this one count as low (2 = open, 3 = hidden dissatisfaction).
    as_of : date-like, optional
        The period's last day; default the company's analysis date, else the latest rating.
    satisfaction_months : int, optional
        The period's length in months; default the company's ``survey_every_months`` service
        setting, else 12. A rating on the period's first day
        (exactly a year old) is in it.

    Returns
    -------
    pandas.DataFrame
        Index: criterion. ``score_mean``, ``score_n`` and ``share_low``, the share of the
        answers (ratings) <= ``low_score``. ``attrs``: ``since`` and ``as_of`` (the period's
        first and last day; None when the ratings carry no date).

    Raises
    ------
    DataError
        If there is no satisfaction survey or it lacks the criterion or score column.
    ParameterError
        If ``satisfaction`` is neither a table nor a company, ``low_score`` is off the 1-5
        scale, ``as_of`` is not a date or ``satisfaction_months`` not a whole number >= 1.
    """
    p = setup_parameters("performance", satisfaction=satisfaction, low_score=low_score)
    return _performance(p.satisfaction, p.satisfaction_file, p.low_score, satisfaction, as_of, satisfaction_months,
                        p.function)


def _performance(sat: Any, file: str, low_score: int, owner: Any, as_of: Any, months: Any,
                 function: str) -> pd.DataFrame:
    if sat is None:
        raise DataError(Problem(None, "this dataset has no satisfaction survey.",
                                "add a satisfaction file, or pass the ratings directly."))
    for c in ("criterion", "score"):
        if c not in sat.columns:
            raise DataError(Problem(file, f"the satisfaction table lacks column '{c}'.",
                                    "it needs criterion and score (docs/data-format.md)."))
    since, end = _period(sat, owner, as_of, months, function)
    if since is not None:
        dates = pd.to_datetime(sat["date"], errors="coerce")
        sat = sat[((dates >= since) & (dates < end + pd.Timedelta(days=1))).to_numpy()]
    score = pd.to_numeric(sat["score"], errors="coerce")
    df = pd.DataFrame({"criterion": sat["criterion"].astype("string").str.strip(), "score": score}).dropna()
    g = df.groupby("criterion", sort=True)["score"]
    out = pd.DataFrame({"score_mean": g.mean(), "score_n": g.size(),
                        "share_low": g.apply(lambda s: float((s <= low_score).mean()))})
    out.index.name = "criterion"
    out.attrs.update(since=since, as_of=end)
    return out


class _Num(float):
    """A number that formats with a decimal comma in Polish texts (3,29 instead of 3.29)."""

    def __new__(cls, value: float, language: str):
        obj = super().__new__(cls, value)
        obj.language = language
        return obj

    def __format__(self, spec: str) -> str:
        text = format(float(self), spec)
        return text.replace(".", ",") if self.language == "pl" else text


@dataclass
class Priorities:
    """The investment order and its warnings (PL: kolejność inwestycji i ostrzeżenia).

    Attributes
    ----------
    order : pandas.DataFrame
        One row per feature in the order to invest (see :func:`priorities`).
    warnings : pandas.DataFrame
        Delighters being prioritised while a basic need scores badly, one row per (delighter,
        basic need) pair, with a message in the chosen language.
    params : dict
        The wave, rule, thresholds and plan used.
    """

    order: pd.DataFrame
    warnings: pd.DataFrame
    params: dict = field(default_factory=dict)


def priorities(data: Any, satisfaction: Any = None, planned: Iterable[str] | None = None,
               rule: str = "mode", threshold: float | None = None, low_score: int = 3,
               max_share_low: float | None = 0.5, language: str | None = None,
               wave: Any = "latest", as_of: Any = None, satisfaction_months: Any = None,
               **kwargs: Any) -> Priorities:
    """The investment order the article argues for, and its warnings (PL: priorytety inwestycji).

    The article *Kano model and good practices* (PL: *Model Kano i dobre praktyki*): "there is
    no point investing in delighters while basic needs are unmet" -- basic needs (M) first, then
    performance needs (O), then delighters (A); indifferent, reverse and questionable features
    last. Within a category: basic needs by their performance rating, worst first (when ratings
    exist), then by abs(Worse); performance needs by Better + abs(Worse); delighters by Better.

    Parameters
    ----------
    data : pandas.DataFrame or company
        A kano_survey table, a company, or a :func:`~salesnb.kano.summarize` table (one row per
        feature).
    satisfaction : pandas.DataFrame or company, optional
        The satisfaction table (default: ``data.satisfaction`` if present); its ``criterion``
        is matched to the feature name ignoring case and spaces, and gives the performance
        rating (:func:`performance`).
    planned : iterable of str, optional
        The features the company plans to invest in now. A warning is raised for each planned
        delighter while any basic need scores badly; without a plan every delighter is checked.
    rule : {'mode', 'berger'}, default 'mode'
        Which category a feature gets.
    threshold : float, optional
        A basic need also **scores badly** when its mean score is below this (1-5 scale); off
        by default.
    low_score : int, default 3
        The highest score that counts as dissatisfaction. The articles' satisfaction rule: a 2 is
        open dissatisfaction and a 3 hidden dissatisfaction, both to be handled like a complaint
        (and a 1 all the more), so scores 1-3 are dissatisfied ratings.
    max_share_low : float or None, default 0.5
        A basic need **scores badly** when more than this share of its ratings are dissatisfied
        (<= ``low_score``): by default, when most of the clients who rated it are openly or
        hiddenly dissatisfied (the 50% line is the workbook's decision; the articles give none).
        None turns this rule off (then give a ``threshold``).
    language : {'en', 'pl'} or None
        Of the actions and warnings; None: the company's.
    wave : 'latest', a wave label or None, default 'latest'
        Categories move between waves, so by default only the latest wave is used (time order
        as in :func:`~salesnb.kano.summarize_waves`); a label uses that wave, None pools all.
    as_of : date-like, optional
        The last day of the satisfaction survey period; default the company's analysis date,
        else the latest rating.
    satisfaction_months : int, optional
        The survey period the ratings are read over, in months (see :func:`performance`): by
        default the company's ``survey_every_months`` service setting, else 12, the last 12
        months up to the analysis date. The warnings name the period.
    **kwargs
        Passed to :func:`~salesnb.kano.summarize`; ``wave_order`` orders the waves.

    Returns
    -------
    Priorities
        ``params`` holds ``satisfaction_since`` and ``satisfaction_as_of``, the survey period
        read (None without ratings or dates).

    Raises
    ------
    ParameterError
        If an argument is not allowed (e.g. a wave not in the survey, a summary split by
        segment, an ``as_of`` that is not a date).
    DataError
        On bad survey data (see :func:`~salesnb.kano.summarize`).
    """
    order_arg = kwargs.pop("wave_order", None)
    p = setup_parameters("priorities", data, rule=rule, threshold=threshold, low_score=low_score,
                         max_share_low=max_share_low, language=language, wave_order=order_arg, wave=wave,
                         satisfaction=satisfaction, **kwargs)  # summarize's arguments, checked as priorities
    if planned is not None and (isinstance(planned, (str, bytes)) or not isinstance(planned, Iterable)):
        raise ParameterError("planned", planned, "a list of feature names or None", function=p.function)
    lang, col = p.language, p.column
    used_wave = None
    if isinstance(data, pd.DataFrame) and "better" in data.columns and "category_mode" in data.columns:
        summ = data
    else:
        frame, used_wave = select_wave(data, p.wave, order_arg)
        summ = summarize(frame, **kwargs)
    if isinstance(summ.index, pd.MultiIndex):
        raise ParameterError("data", summ, "a survey or a summary with one row per feature",
                             function=p.function, fix="summarize without `by`.")
    order = pd.DataFrame({
        "category": summ[col].astype(object), "better": summ["better"], "worse": summ["worse"],
        "significant": summ["significant"], "n": summ["n"]}, index=summ.index.rename("feature"))
    order["score_mean"] = np.nan
    order["score_n"] = 0
    order["share_low"] = np.nan
    sat = p.satisfaction if satisfaction is None else satisfaction  # a given company must have ratings
    since = end = None
    if sat is not None:
        owner = satisfaction if satisfaction is not None else data
        sat_table = sat if isinstance(sat, pd.DataFrame) else getattr(sat, "satisfaction", None)
        perf = _performance(sat_table, p.satisfaction_file, p.low_score, owner, as_of, satisfaction_months,
                            p.function)
        since, end = perf.attrs["since"], perf.attrs["as_of"]
        key = _norm_name(pd.Series(perf.index, index=perf.index))
        perf = perf.set_axis(key.to_numpy()).groupby(level=0).first()
        fkey = _norm_name(pd.Series(order.index, index=order.index)).to_numpy()
        matched = perf.reindex(fkey)
        order["score_mean"] = matched["score_mean"].to_numpy()
        order["score_n"] = matched["score_n"].fillna(0).astype(int).to_numpy()
        order["share_low"] = matched["share_low"].to_numpy()
    bad = pd.Series(False, index=order.index)
    if p.threshold is not None:
        bad |= order["score_mean"] < p.threshold
    if p.max_share_low is not None:
        bad |= order["share_low"] > p.max_share_low
    order["scores_badly"] = bad & order["score_n"].gt(0)
    cat_rank = order["category"].map({c: i for i, c in enumerate(INVESTMENT_ORDER)}).fillna(len(INVESTMENT_ORDER))
    absw = -order["worse"]
    within = np.select(
        [order["category"] == "M", order["category"] == "O", order["category"] == "A"],
        [-absw.fillna(0), -(order["better"] + absw).fillna(0), -order["better"].fillna(0)],
        default=-(order["better"] + absw).fillna(0))
    perf_key = np.where(order["category"] == "M", order["score_mean"].fillna(np.inf), 0.0)
    sorter = pd.DataFrame({"c": cat_rank.to_numpy(), "p": perf_key, "w": within,
                           "f": order.index.astype(str)}, index=order.index)
    order = order.loc[sorter.sort_values(["c", "p", "w", "f"], kind="stable").index]
    order.insert(0, "rank", np.arange(1, len(order) + 1))
    # a basic need's action says how the survey rates it: fix it, keep it, or (no ratings) first
    served = np.where(order["scores_badly"], "_bad", np.where(order["score_n"].gt(0), "_ok", ""))
    order["action"] = [t(f"kano_action_{c}{s if c == 'M' else ''}" if c in CATEGORIES else "kano_action_none", lang)
                       for c, s in zip(order["category"], served, strict=True)]

    basics_bad = order[(order["category"] == "M") & order["scores_badly"]]
    delighters = order[order["category"] == "A"]
    if planned is not None:
        planned = list(planned)
        pk = set(_norm_name(pd.Series(planned)).dropna())
        dk = _norm_name(pd.Series(delighters.index, index=delighters.index))
        delighters = delighters[dk.isin(pk).to_numpy()]
    period = (t("kano_warning_period", lang).format(start=day_text(since, lang), end=day_text(end, lang))
              if since is not None else "")
    rows = []
    for dname in delighters.index:
        for bname, b in basics_bad.iterrows():
            low = share_text(b["share_low"], lang, 0) if b["share_low"] == b["share_low"] else "–"
            rows.append({
                "delighter": dname, "basic_need": bname, "score_mean": b["score_mean"],
                "share_low": b["share_low"], "threshold": threshold,
                "message": t("kano_warning_message", lang).format(
                    delighter=dname, basic=bname, score=_Num(b["score_mean"], lang),
                    low=low, low_score=low_score, period=period),
            })
    warn = pd.DataFrame(rows, columns=["delighter", "basic_need", "score_mean", "share_low", "threshold", "message"])
    warn = warn.sort_values(["delighter", "score_mean", "basic_need"], kind="stable").reset_index(drop=True)
    params = {"wave": used_wave, "rule": p.rule, "threshold": threshold, "low_score": low_score,
              "max_share_low": max_share_low, "planned": planned, "satisfaction_since": since,
              "satisfaction_as_of": end}
    return Priorities(order=order, warnings=warn, params=params)
