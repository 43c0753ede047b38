"""The Kano summary per feature (PL: podsumowanie Kano dla każdej cechy).

Counts and shares of the six categories, the dominant category by the mode and by Berger's
rule, the customer-satisfaction coefficients Better and Worse, Fong's significance test,
category and total strength, and DuMouchel's continuous scores (Berger et al. 1993; Sauerwein
et al. 1996; Fong 1996; Lee & Newcomb 1997). :func:`summarize` starts from the answers,
:func:`summarize_counts` from counts (a workshop tally, a published table).
"""
from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataWarning, ParameterError
from .answers import CATEGORIES
from .parameters import setup_parameters
from .parameters import wave_order as waves_in_order  # summarize's argument wave_order shadows the name
from .survey import parse_survey

__all__ = ["MODE_ORDER", "DUMOUCHEL_FUNCTIONAL", "DUMOUCHEL_DYSFUNCTIONAL", "FONG_Z", "summarize",
           "summarize_counts"]

#: Tie-break for the mode (Berger et al. 1993; Sauerwein et al. 1996, p. 9: "M > O > A > I"):
#: on equal counts the category with the larger effect on the product wins; R and Q come last.
MODE_ORDER: tuple[str, ...] = ("M", "O", "A", "I", "R", "Q")

#: DuMouchel's scores (Berger et al. 1993, section IVb): functional answer -> score.
DUMOUCHEL_FUNCTIONAL: dict[int, float] = {1: 4.0, 2: 2.0, 3: 0.0, 4: -1.0, 5: -2.0}
#: DuMouchel's scores: dysfunctional answer -> score.
DUMOUCHEL_DYSFUNCTIONAL: dict[int, float] = {1: -2.0, 2: -1.0, 3: 0.0, 4: 2.0, 5: 4.0}

#: Fong's (1996) critical value (one-sided 5%, normal approximation).
FONG_Z = 1.65

_COUNT_COLS = list(CATEGORIES)
_SHARE_COLS = [f"share_{c}" for c in CATEGORIES]


def _pick(counts: np.ndarray, order: Sequence[str], subset: Sequence[str] | None = None) -> np.ndarray:
    """Index (into CATEGORIES) of the largest count per row, ties by ``order``; -1 if all zero."""
    cols = [CATEGORIES.index(c) for c in order if subset is None or c in subset]
    sub = counts[:, cols]
    best = np.asarray(cols)[np.argmax(sub, axis=1)]  # argmax takes the first = highest priority
    return np.where(sub.max(axis=1) > 0, best, -1)


def _categorical(codes: np.ndarray, index: pd.Index) -> pd.Series:
    return pd.Series(pd.Categorical.from_codes(codes, categories=list(CATEGORIES)), index=index)


def summarize_counts(counts: pd.DataFrame | Mapping[str, float] | pd.Series,
                     mixed_below: float = 0.06) -> pd.DataFrame:
    """The Kano summary from category counts per feature (PL: podsumowanie z liczebności kategorii).

    The batch twin of the workshop widget and the route for published tables that only print
    counts. Returns what :func:`summarize` returns, without the answer-level columns (DuMouchel
    scores, importance).

    Parameters
    ----------
    counts : pandas.DataFrame, mapping or pandas.Series
        A DataFrame with columns A, O, M, I, R, Q (missing columns count as 0; one row per
        feature) or one mapping/Series of counts (one feature). Counts may be percentages.
    mixed_below : float, default 0.06
        A category strength below this share marks the feature ``mixed`` (Lee & Newcomb 1997).

    Returns
    -------
    pandas.DataFrame
        One row per feature, columns:

        * ``n``: valid answer pairs; ``A`` ... ``Q``: counts; ``share_A`` ... ``share_Q``:
          counts / n;
        * ``category_mode``: the most frequent category, ties broken by M > O > A > I > R > Q
          (Berger et al. 1993; Sauerwein et al. 1996, p. 9);
        * ``category_berger``: Berger et al.'s (1993) rule: if A+O+M > I+R+Q the largest of A,
          O, M (ties M > O > A), else the largest of I, R, Q (ties I > R > Q); ``rules_agree``;
        * ``better`` = (A+O)/(A+O+M+I) and ``worse`` = -(O+M)/(A+O+M+I): Berger et al.'s (1993,
          Timko) customer-satisfaction coefficients (Sauerwein et al. 1996, p. 10); R and Q
          answers are left out of both, as the literature prescribes;
        * ``fong_difference`` = abs(a-b), ``fong_threshold`` = 1.65*sqrt((a+b)(2n-a-b)/(2n))
          with a, b the two largest counts and n all answers; ``significant`` = difference >=
          threshold (Fong 1996: not significant when abs(a-b) < threshold);
        * ``category_strength`` = top share minus second share, ``mixed`` = strength below
          ``mixed_below``; ``total_strength`` = share A + O + M.

    Raises
    ------
    ParameterError
        If ``counts`` has a column that is not a category, a negative or infinite count, or
        ``mixed_below`` is not a share.
    """
    p = setup_parameters("summarize_counts", mixed_below=mixed_below)
    if isinstance(counts, (Mapping, pd.Series)) and not isinstance(counts, pd.DataFrame):
        counts = pd.DataFrame([dict(counts)])
    if not isinstance(counts, pd.DataFrame):
        raise ParameterError("counts", counts, "a DataFrame, mapping or Series of category counts",
                             function=p.function)
    counts = counts.copy()
    extra = [c for c in counts.columns if c not in CATEGORIES]
    if extra:
        raise ParameterError("counts", counts, f"counts of the categories {', '.join(CATEGORIES)}",
                             function=p.function, fix=f"unexpected column(s): {extra}.")
    for c in CATEGORIES:
        if c not in counts.columns:
            counts[c] = 0
    counts = counts[_COUNT_COLS]
    try:
        c = counts.to_numpy(dtype=float)
    except (TypeError, ValueError):
        raise ParameterError("counts", counts, "numbers", function=p.function) from None
    if (c < 0).any() or not np.isfinite(c).all():
        raise ParameterError("counts", counts, "finite, non-negative category counts", function=p.function)
    return _metrics(c, counts.index, p.mixed_below, counts_frame=counts)


def _metrics(c: np.ndarray, index: pd.Index, mixed_below: float,
             counts_frame: pd.DataFrame | None = None) -> pd.DataFrame:
    A, O, M, I, R, Q = (c[:, i] for i in range(6))  # noqa: E741 -- the categories' own letters
    n = c.sum(axis=1)
    out = counts_frame.copy() if counts_frame is not None else pd.DataFrame(
        c.astype(np.int64), index=index, columns=_COUNT_COLS)
    out.insert(0, "n", n if counts_frame is not None and (c % 1).any() else n.astype(np.int64))
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = c / n[:, None]
        for i, col in enumerate(_SHARE_COLS):
            out[col] = shares[:, i]
        mode = _pick(c, MODE_ORDER)
        positive = (A + O + M) > (I + R + Q)
        b_pos = _pick(c, ("M", "O", "A"), ("M", "O", "A"))
        b_neg = _pick(c, ("I", "R", "Q"), ("I", "R", "Q"))
        berger = np.where(positive, b_pos, b_neg)
        berger = np.where(n > 0, berger, -1)
        out["category_mode"] = _categorical(mode, index)
        out["category_berger"] = _categorical(berger, index)
        out["rules_agree"] = pd.array(np.where(n > 0, mode == berger, False), dtype="boolean")
        out.loc[n == 0, "rules_agree"] = pd.NA
        base = A + O + M + I
        out["better"] = np.where(base > 0, (A + O) / base, np.nan)
        out["worse"] = np.where(base > 0, -(O + M) / base + 0.0, np.nan)  # + 0.0: no "-0.0"
        top2 = -np.sort(-c, axis=1)[:, :2]
        a, b = top2[:, 0], top2[:, 1]
        out["fong_difference"] = np.where(n > 0, np.abs(a - b), np.nan)
        out["fong_threshold"] = np.where(n > 0, FONG_Z * np.sqrt((a + b) * (2 * n - a - b) / (2 * n)), np.nan)
        sig = out["fong_difference"].to_numpy() >= out["fong_threshold"].to_numpy()
        out["significant"] = pd.array(sig, dtype="boolean")
        out.loc[n == 0, "significant"] = pd.NA
        s2 = -np.sort(-shares, axis=1)[:, :2]
        out["category_strength"] = s2[:, 0] - s2[:, 1]
        mixed = pd.array(out["category_strength"].to_numpy() < mixed_below, dtype="boolean")
        out["mixed"] = mixed
        out.loc[n == 0, "mixed"] = pd.NA
        out["total_strength"] = shares[:, 0] + shares[:, 1] + shares[:, 2]
    return out


def _group_codes(frame: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """Group id per row and a frame of the (sorted) group keys."""
    codes, levels = [], []
    for k in keys:
        col = frame[k]
        if isinstance(col.dtype, pd.CategoricalDtype):
            col = col.astype(object)
        c, u = pd.factorize(col, sort=True, use_na_sentinel=False)
        codes.append(c)
        levels.append(u)
    shape = tuple(len(u) for u in levels)
    flat = np.ravel_multi_index(codes, shape) if codes else np.zeros(len(frame), dtype=np.int64)
    uniq, inv = np.unique(flat, return_inverse=True)
    parts = np.unravel_index(uniq, shape)
    keys_frame = pd.DataFrame({k: np.asarray(u, dtype=object)[p]
                               for k, u, p in zip(keys, levels, parts, strict=True)})
    return inv.reshape(-1), keys_frame


def summarize(data: Any, by: str | Sequence[str] | None = None, variant: str = "standard",
              strict: bool = True, mixed_below: float = 0.06, ddof: int = 1,
              scores_exclude_q: bool = True, wave_order: Sequence | None = None) -> pd.DataFrame:
    """Kano summary per feature (PL: podsumowanie Kano dla każdej cechy).

    Which features are basic needs, performance needs and delighters, the categories of the
    article *Kano model and good practices* (PL: *Model Kano i dobre praktyki*), measured with the
    questionnaire method of Berger et al. (1993). Rows are sorted by the ``by`` keys (waves in
    time order) and feature name.

    Parameters
    ----------
    data : pandas.DataFrame or company
        The kano_survey table (respondent_id, feature, functional, dysfunctional, optional
        importance, wave, segment ...) or a loaded company with ``.kano_survey``.
    by : str or sequence of str, optional
        Column(s) to split by first, e.g. ``"segment"`` or ``"wave"``.
    variant : {'standard', 'pouliot'}, default 'standard'
        The evaluation table.
    strict : bool, default True
        Raise on bad answers; with False they are left out and counted in ``n_invalid`` (see the
        :mod:`salesnb.kano` package docstring).
    mixed_below : float, default 0.06
        See :func:`summarize_counts`.
    ddof : int, default 1
        Delta degrees of freedom of DuMouchel's standard deviations (1 = sample).
    scores_exclude_q : bool, default True
        Leave Q pairs (contradictory answers) out of DuMouchel's scores.
    wave_order : sequence, optional
        The order of the waves when ``by`` includes ``"wave"`` (default: time order).

    Returns
    -------
    pandas.DataFrame
        Index: feature (or the ``by`` keys and feature). The columns of
        :func:`summarize_counts`, plus

        * ``n_skipped``: pairs left blank; ``n_invalid``: pairs left out as invalid;
        * ``functional_mean``/``functional_sd`` and ``dysfunctional_mean``/``dysfunctional_sd``:
          DuMouchel's continuous scores (Berger et al. 1993: functional like 4, must-be 2,
          neutral 0, live with -1, dislike -2; dysfunctional like -2, must-be -1, neutral 0,
          live with 2, dislike 4), mean and standard deviation over the valid pairs;
        * ``importance_mean``, ``importance_n``: self-stated importance (Berger et al. 1993,
          IIb; Fong 1996) over the counted pairs, when the survey has an ``importance`` column.

    Raises
    ------
    DataError
        On bad answers (``strict``), a missing column or a blank feature name.
    ParameterError
        If an argument is not allowed, e.g. ``by`` names a column the survey lacks.

    Warns
    -----
    DataWarning
        When pairs were left out (``strict=False``) or a feature has no valid pair.
    """
    ps = setup_parameters("summarize", data, variant=variant, strict=strict, mixed_below=mixed_below, ddof=ddof,
                          scores_exclude_q=scores_exclude_q, wave_order=wave_order, by=by)
    p = parse_survey(data, ps.variant, ps.strict)
    frame = p.frame
    keys = ps.by + ["feature"]
    if not ps.strict and p.invalid.any():
        warnings.warn(f"{int(p.invalid.sum())} Kano answer pair(s) outside the scale or incomplete were left "
                      f"out (see kano.check_survey).", DataWarning, stacklevel=2)
    gid, key_frame = _group_codes(frame, keys)
    g = len(key_frame)
    valid = p.valid
    counts = np.bincount(gid[valid] * 6 + p.category[valid], minlength=g * 6).reshape(g, 6)
    index = pd.MultiIndex.from_frame(key_frame) if len(keys) > 1 else pd.Index(key_frame["feature"], name="feature")
    out = _metrics(counts.astype(float), index, ps.mixed_below)
    out["n_skipped"] = np.bincount(gid[p.skipped], minlength=g)
    out["n_invalid"] = np.bincount(gid[p.invalid], minlength=g)

    # DuMouchel's continuous scores
    use = valid & (p.category != CATEGORIES.index("Q")) if ps.scores_exclude_q else valid
    fscore = np.zeros(6)
    dscore = np.zeros(6)
    for k, v in DUMOUCHEL_FUNCTIONAL.items():
        fscore[k] = v
    for k, v in DUMOUCHEL_DYSFUNCTIONAL.items():
        dscore[k] = v
    gu = gid[use]
    m = np.bincount(gu, minlength=g).astype(float)
    for name, sc, codes in (("functional", fscore, p.functional), ("dysfunctional", dscore, p.dysfunctional)):
        x = sc[np.clip(codes[use], 0, 5)]
        s1 = np.bincount(gu, weights=x, minlength=g)
        s2 = np.bincount(gu, weights=x * x, minlength=g)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(m > 0, s1 / m, np.nan)
            var = np.where(m - ps.ddof > 0, (s2 - m * mean ** 2) / (m - ps.ddof), np.nan)
        out[f"{name}_mean"] = mean
        out[f"{name}_sd"] = np.sqrt(np.clip(var, 0, None))
    if "importance" in frame.columns:
        imp = pd.to_numeric(frame["importance"], errors="coerce").to_numpy(dtype=float)
        ok = valid & ~np.isnan(imp)
        cnt = np.bincount(gid[ok], minlength=g)
        tot = np.bincount(gid[ok], weights=imp[ok], minlength=g)
        with np.errstate(invalid="ignore", divide="ignore"):
            out["importance_mean"] = np.where(cnt > 0, tot / np.maximum(cnt, 1), np.nan)
        out["importance_n"] = cnt
    empty = out.index[out["n"].to_numpy() == 0]
    if len(empty):
        warnings.warn(f"Kano feature(s) with no valid answer pair: {', '.join(map(str, empty))}; "
                      f"they are kept with n = 0 and no category.", DataWarning, stacklevel=2)
    if "wave" in keys[:-1]:
        # waves in time order (or first appearance), not alphabetically
        ordered = waves_in_order(frame["wave"], ps.wave_order, ps.function, parameter="wave_order")
        pos = {w: i for i, w in enumerate(ordered)}
        sk = []
        for i, k in enumerate(keys):
            level = out.index.get_level_values(i)
            sk.append(np.array([pos.get(w, len(pos)) for w in level]) if k == "wave"
                      else pd.factorize(level, sort=True)[0])
        out = out.iloc[np.lexsort(sk[::-1])]
    return out

