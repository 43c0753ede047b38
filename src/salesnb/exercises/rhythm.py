"""The window W of the lifecycle, judged against a company's purchase rhythm (PL: okno a rytm zakupów).

Question 1a of the articles' practical exercise set 1 (:mod:`salesnb.exercises.lifecycle_set1`)
asks for a window matching the company's purchase rhythm. The article gives no rule; this
workbook accepts every window from the one covering the typical gap between purchases of half of
the repeat clients (:data:`WINDOW_RANGE` ``min_coverage``) up to twice the window
:func:`salesnb.lifecycle.suggest_window` suggests (``max_factor``): shorter, and most regular
clients would count as lost between two ordinary purchases; longer, and a client who has stopped
buying is noticed late while hardly more clients are covered.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .. import lifecycle
from ..errors import DataWarning
from ..i18n import t
from ..present import days, percent, window
from .answers import WindowAnswer
from .core import Outcome, tr
from .reading import Reading, read_window, window_days

__all__ = ["WINDOW_RANGE", "RhythmWindow", "WindowRange", "rhythm_table", "statuses_at", "suggested_window",
           "window_range"]

#: The accepted windows (this workbook's decision): covering the typical gap of at least
#: ``min_coverage`` of the repeat clients, and at most ``max_factor`` times the suggestion.
WINDOW_RANGE = {"min_coverage": 0.5, "max_factor": 2.0}

def suggested_window(company: Any) -> str:
    """The window :func:`salesnb.lifecycle.suggest_window` proposes (PL: sugerowane okno).

    Parameters
    ----------
    company : Company

    Returns
    -------
    str
        A label like "2M" (or "6W" for a window under a month).
    """
    return lifecycle.suggest_window(company).label


@dataclass
class WindowRange:
    """The windows accepted for a company (PL: akceptowane okna), and why (this workbook's rule).

    Attributes
    ----------
    suggested : str
        The suggested window's label.
    low_days : float
        The shortest accepted length: the median typical gap (half the repeat clients covered);
        0 without repeat clients.
    high_days : float
        The longest: ``max_factor`` times the suggestion.
    gaps : pandas.Series
        Each repeat client's typical gap in days.
    average_gap_days : float
        The article's average purchase frequency (NaN without repeat clients).
    """

    suggested: str
    low_days: float
    high_days: float
    gaps: pd.Series
    average_gap_days: float

    def coverage(self, window_: Any) -> float:
        """The share of repeat clients whose typical gap fits in a window (PL: pokrycie)."""
        if not len(self.gaps):
            return float("nan")
        return float((self.gaps <= window_days(window_) + 1e-9).mean())

    def accepts(self, window_: Any) -> bool:
        """Whether a window is in the accepted range (PL: czy okno jest akceptowane)."""
        d = window_days(window_)
        return self.low_days - 1e-9 <= d <= self.high_days + 1e-9


def window_range(company: Any) -> WindowRange:
    """The windows accepted for question 1a on this company (PL: zakres akceptowanych okien).

    Parameters
    ----------
    company : Company

    Returns
    -------
    WindowRange
        From the median typical gap between purchases of the repeat clients to twice the
        suggested window (:data:`WINDOW_RANGE`).
    """
    s = lifecycle.suggest_window(company)
    gaps = s.gaps.astype(float)
    low = float(np.quantile(gaps, WINDOW_RANGE["min_coverage"], method="inverted_cdf")) if len(gaps) else 0.0
    return WindowRange(s.label, low, WINDOW_RANGE["max_factor"] * window_days(s.label), gaps, s.average_gap_days)


def rhythm_table(company: Any) -> pd.DataFrame:
    """How often the repeat clients buy (PL: rytm zakupów klientów): the data for question 1a.

    Parameters
    ----------
    company : Company

    Returns
    -------
    pandas.DataFrame
        ``share_of_repeat_clients`` (25%, 50%, 75%, 90%) and ``typical_gap_days``: that share of
        the repeat clients have a typical gap (median of their gaps between purchase days) of
        at most so many days.
    """
    gaps = lifecycle.suggest_window(company).gaps.astype(float)
    shares = [0.25, 0.5, 0.75, 0.9]
    values = [float(np.quantile(gaps, q, method="inverted_cdf")) if len(gaps) else np.nan for q in shares]
    return pd.DataFrame({"share_of_repeat_clients": shares, "typical_gap_days": values})


def statuses_at(company: Any, window_: Any) -> pd.DataFrame:
    """The statuses of the clients at the as-of date with a window (PL: statusy klientów przy oknie).

    :func:`salesnb.lifecycle.statuses`, without its warning about clients with only corrections
    (an exercise counts them as the library does: potential).

    Parameters
    ----------
    company : Company
    window_ : window-like

    Returns
    -------
    pandas.DataFrame
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return lifecycle.statuses(company, window=read_window(window_).value)


def _range(ctx) -> WindowRange:
    return ctx.memo("range", lambda: window_range(ctx.company))


def _half(label: str) -> str:
    """A window about half as long, in the answer's own unit.

    ``12M`` -> ``6M``, ``5M`` -> ``2M``, ``56D`` (8 weeks) -> ``28D`` (4 weeks), ``30D`` -> ``15D``.
    """
    m = re.fullmatch(r"(\d+)([MD])", label)
    n, unit = int(m.group(1)), m.group(2)
    if unit == "M":
        return f"{max(1, n // 2)}M"
    if n % 7 == 0:  # weeks stay weeks
        return f"{max(1, n // 14) * 7}D"
    return f"{max(1, n // 2)}D"


class RhythmWindow(WindowAnswer):
    """A window judged against the company's purchase rhythm (PL: okno a rytm zakupów).

    Right when inside :func:`window_range`; a window outside it is too short or too long, with
    the share of repeat clients it covers; the article's example (3 months) and the article's
    average purchase frequency taken literally are named when they fall outside.
    """

    kinds = {"article_example": {"en": "the article's 3 months", "pl": "3 miesiące z artykułu"},
             "average_gap": {"en": "the average gap itself", "pl": "sam średni odstęp"}}

    def judge(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Accepted, too short or too long, with the reason."""
        lang = ctx.language
        r = _range(ctx)
        d = window_days(reading.value)
        cov = r.coverage(reading.value)
        f = dict(answer=window(reading.value, lang), coverage=percent(cov, lang, 0),
                 suggested=window(r.suggested, lang), suggested_coverage=percent(r.coverage(r.suggested), lang, 0),
                 median=days(round(r.low_days), lang), average=days(round(r.average_gap_days), lang)
                 if np.isfinite(r.average_gap_days) else "–")
        ctx.fields.update(f)
        if r.accepts(reading.value):
            if self.same(reading, r.suggested, ctx):
                text = tr({"en": "{answer} covers the typical gap between purchases of {coverage} of your repeat "
                                 "clients: the window this workbook suggests.",
                           "pl": "okno W = {answer} obejmuje typowy odstęp między zakupami {coverage} Twoich "
                                 "klientów kupujących wielokrotnie; to okno sugerowane w tych materiałach."}, lang,
                          **f)
            else:
                text = tr({"en": "accepted: {answer} covers the typical gap between purchases of {coverage} of your "
                                 "repeat clients. This workbook suggests {suggested} (covering {suggested_coverage}); "
                                 "both match your clients' rhythm.",
                           "pl": "okno mieści się w zakresie dobrych odpowiedzi: okno W = {answer} obejmuje typowy "
                                 "odstęp między zakupami {coverage} Twoich klientów kupujących wielokrotnie. Te "
                                 "materiały sugerują okno W = {suggested} (obejmuje {suggested_coverage}); oba okna "
                                 "pasują do rytmu zakupów Twoich klientów."}, lang, **f)
            return Outcome("correct", f"{t('ex_correct', lang)}: {text}")
        no = t("ex_incorrect", lang)
        if d < r.low_days:
            if np.isfinite(r.average_gap_days) and abs(d - r.average_gap_days) <= 0.15 * r.average_gap_days:
                return Outcome("incorrect", no + ": " + tr(
                    {"en": "that is about your clients' average gap between purchases ({average}): the article's "
                           "“average frequency of sales” taken literally. But half of your repeat clients buy less "
                           "often than every {median}: with {answer} they would count as lost between two ordinary "
                           "purchases. This workbook takes the window to cover the typical gap, not to equal the "
                           "average.",
                     "pl": "to mniej więcej średni odstęp między zakupami Twoich klientów ({average}), czyli "
                           "„średnia częstotliwość sprzedaży” z artykułu wzięta dosłownie. Ale połowa klientów "
                           "kupujących wielokrotnie kupuje rzadziej niż co {median}: przy oknie W = {answer} "
                           "zostaliby uznani za utraconych między dwoma zwykłymi zakupami. Te materiały przyjmują, "
                           "że okno ma obejmować typowy odstęp, a nie równać się średniej."}, lang, **f),
                    kind="average_gap")
            return Outcome("incorrect", no + ": " + tr(
                {"en": "too short. Only {coverage} of your repeat clients have a typical gap between purchases "
                       "within {answer}: most of your regular clients would count as lost between two ordinary "
                       "purchases. This workbook accepts windows that cover at least half of them.",
                 "pl": "za krótkie. Tylko {coverage} Twoich klientów kupujących wielokrotnie ma typowy odstęp "
                       "między zakupami nie dłuższy niż {answer}: większość klientów stałych zostałaby uznana za "
                       "utraconych między dwoma zwykłymi zakupami. Te materiały uznają za dobre okna, "
                       "które obejmują co najmniej połowę z nich."}, lang, **f), kind="window_too_short")
        if self.same(reading, "3M", ctx):
            return Outcome("incorrect", no + ": " + tr(
                {"en": "three months is the article's example, not a rule, and your clients buy much more often: "
                       "a client who stopped buying would be noticed only after three months. Choose a window "
                       "from your own clients' rhythm.",
                 "pl": "trzy miesiące to przykład z artykułu, nie reguła, a Twoi klienci kupują znacznie "
                       "częściej: klient, który przestał kupować, zostałby zauważony dopiero po trzech miesiącach. "
                       "Dobierz okno do rytmu zakupów własnych klientów."}, lang, **f), kind="article_example")
        f.update(half=window(_half(reading.value), lang), half_coverage=percent(r.coverage(_half(reading.value)), lang,
                                                                                0))
        same = f["half_coverage"] == f["coverage"]
        return Outcome("incorrect", no + ": " + tr(
            {"en": "too long: the company would notice a client who has stopped buying too late. A window of "
                   "{answer} covers the typical gap of {coverage} of your repeat clients, but already a window of "
                   + ("{half} covers as many ({half_coverage})." if same else "{half} covers {half_coverage}."),
             "pl": "za długie: firma za późno zauważy klienta, który przestał kupować. Okno W = {answer} obejmuje "
                   "typowy odstęp {coverage} Twoich klientów kupujących wielokrotnie, ale już okno W = {half} "
                   + ("obejmuje tyle samo ({half_coverage})." if same else "obejmuje {half_coverage}.")},
            lang, **f), kind="window_too_long")
