"""Simulated Kano answers for sample data (PL: symulacja odpowiedzi Kano).

The sample companies plant features in each category, and in later waves move some of them the
way the article *Kano model and good practices* (PL: *Model Kano i dobre praktyki*) says
satisfaction moves (delighters decay into performance and basic needs). :func:`simulate_answers`
draws answer pairs that the evaluation table classifies back into the planted categories.
"""
from __future__ import annotations

from collections.abc import Mapping
from numbers import Real

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..validation import check_choice, check_number
from .answers import ANSWERS, CATEGORIES
from .labels import answer_label
from .parameters import setup_parameters

__all__ = ["SIMULATION_CELLS", "simulate_answers"]

#: For each category, the evaluation-table cells (functional, dysfunctional) simulated answers are
#: drawn from and their weights: the textbook pair most often, the other cells of the category
#: less often (all cells are from the standard table; a test checks each maps to its category).
SIMULATION_CELLS: dict[str, dict[tuple[int, int], float]] = {
    "A": {(1, 3): 0.5, (1, 4): 0.4, (1, 2): 0.1},
    "O": {(1, 5): 1.0},
    "M": {(2, 5): 0.45, (3, 5): 0.35, (4, 5): 0.2},
    "I": {(3, 3): 0.55, (3, 4): 0.15, (4, 3): 0.1, (2, 3): 0.05, (4, 4): 0.05, (2, 2): 0.03,
          (2, 4): 0.03, (3, 2): 0.02, (4, 2): 0.02},
    "R": {(5, 1): 0.4, (5, 3): 0.2, (4, 1): 0.15, (3, 1): 0.1, (5, 4): 0.08, (2, 1): 0.04, (5, 2): 0.03},
    "Q": {(1, 1): 0.5, (5, 5): 0.5},
}


def simulate_answers(category_mix: Mapping[str, float], n: int, rng: np.random.Generator | int | None = None,
                     words: str | None = None) -> pd.DataFrame:
    """Plausible (functional, dysfunctional) answer pairs for a target category mix (PL: symulacja odpowiedzi).

    Each of ``n`` respondents gets a category drawn from the mix, then a pair drawn from that
    category's cells of the standard evaluation table (:data:`SIMULATION_CELLS`; Berger et al.
    1993), so :func:`~salesnb.kano.classify` gives back exactly the drawn category.

    Parameters
    ----------
    category_mix : mapping of str to float
        Categories (A, O, M, I, R, Q) to probabilities (normalised to sum 1), e.g.
        ``{"M": .6, "O": .2, "I": .2}``.
    n : int
        The number of respondents (>= 0).
    rng : numpy.random.Generator, int or None
        A Generator or a seed.
    words : {None, 'en', 'pl'}, default None
        None for codes 1-5 (int), ``"en"`` or ``"pl"`` for the questionnaire words.

    Returns
    -------
    pandas.DataFrame
        Columns functional, dysfunctional, category (the drawn category).

    Raises
    ------
    ParameterError
        If ``category_mix`` names an unknown category, has a negative probability or none
        positive, ``n`` is not a whole number >= 0, or ``words`` is not allowed.
    """
    p = setup_parameters("simulate_answers")
    if not isinstance(category_mix, Mapping):
        raise ParameterError("category_mix", category_mix, "a mapping of categories to probabilities",
                             function=p.function)
    unknown = [c for c in category_mix if c not in CATEGORIES]
    if unknown:
        raise ParameterError("category_mix", category_mix, f"a mapping with keys among {', '.join(CATEGORIES)}",
                             function=p.function, fix=f"unexpected: {unknown}.")
    probs = list(category_mix.values())
    if not all(isinstance(v, Real) and not isinstance(v, bool) and np.isfinite(v) and v >= 0 for v in probs) \
            or not any(v > 0 for v in probs):
        raise ParameterError("category_mix", category_mix,
                             "finite, non-negative probabilities, at least one positive", function=p.function)
    n = check_number("n", n, low=0, integer=True, function=p.function)
    words = check_choice("words", words, (None, "en", "pl"), function=p.function)
    if not isinstance(rng, np.random.Generator):
        try:
            if isinstance(rng, bool):
                raise TypeError("a flag is not a seed")
            rng = np.random.default_rng(rng)
        except (TypeError, ValueError):
            raise ParameterError("rng", rng, "a numpy Generator, a whole-number seed >= 0 or None",
                                 function=p.function) from None
    cats = [c for c in CATEGORIES if category_mix.get(c, 0) > 0]
    prob = np.array([float(category_mix[c]) for c in cats])
    drawn = rng.choice(len(cats), size=n, p=prob / prob.sum())
    f = np.zeros(n, dtype=np.int64)
    d = np.zeros(n, dtype=np.int64)
    for i, c in enumerate(cats):
        sel = np.flatnonzero(drawn == i)
        cells = list(SIMULATION_CELLS[c])
        w = np.array([SIMULATION_CELLS[c][x] for x in cells])
        pick = rng.choice(len(cells), size=len(sel), p=w / w.sum())
        arr = np.array(cells)[pick] if len(sel) else np.empty((0, 2), dtype=np.int64)
        f[sel], d[sel] = arr[:, 0], arr[:, 1]
    out = pd.DataFrame({"functional": f, "dysfunctional": d,
                        "category": np.array(cats, dtype=object)[drawn] if n else np.array([], dtype=object)})
    if words is not None:
        labels = {k: answer_label(k, words) for k in ANSWERS}
        out["functional"] = out["functional"].map(labels)
        out["dysfunctional"] = out["dysfunctional"].map(labels)
    return out
