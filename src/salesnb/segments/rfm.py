"""Behavioural segments: RFM scores and clusters (PL: segmenty behawioralne: RFM i klastry).

The article *Working with clients* adds to the "from birth" target groups the parameters that
describe a client "during cooperation" (turnover, ABC/XYZ class, tenure). RFM is the analyst's
standard version of that second kind (not in the article; this workbook's addition): how
**recently** the client bought, how **frequently**, and for how much (**monetary**).

Definitions (this workbook's decisions, each one argument away):

- population: every client with at least one settlement (a row with a positive amount) up to the
  as-of date T;
- recency: whole days from the client's last settlement to T (the whole history);
- frequency: the number of distinct days with a settlement within the period of "used"
  (:func:`~salesnb.segments.prepare`, default the last 12 months, the ABC horizon), so several
  invoice lines of one day are one purchase;
- monetary: the net turnover in that period (corrections netted, money summed exactly): the
  ABC turnover;
- scores 1-5 (``bins``) by **mid-rank quantiles with ties shared**: a value's position is
  ``p = (below + equal / 2) / n``, with ``below`` the clients with a worse value and ``equal``
  those with the same value, and its score ``1 + floor(bins * p)``. So equal values always get
  equal scores, ten distinct values give two clients per score, and a value exactly on a
  quantile boundary (``bins * p`` a whole number) takes the upper score. "Worse" is a smaller
  frequency or monetary value, a larger recency.

Clusters (:func:`rfm_clusters`): k-means (``scipy.cluster.vq.kmeans2``) on the standardised
logarithms ``log(1 + recency)``, ``log(1 + frequency)``, ``log(1 + max(monetary, 0))`` of the
clients who bought in the period; each run is started by k-means++ from a seeded generator and
repeated ``n_init`` times (the lowest within-cluster sum of squares wins). The number of
clusters is the one with the highest mean **silhouette** (computed here with numpy on a seeded
sample of at most ``silhouette_sample`` clients; ties go to fewer clusters) between three
(two clusters only split the base into a better and a worse half) and six (more groups than a
sales team can treat differently): the workbook's choice of ``k_range``. A large base is fitted
on a seeded sample of ``fit_sample`` clients and every client then joins its nearest centre.
Clients without a purchase in the period are not clustered (all their frequency and monetary
values are 0, which would make a cluster of their own and flatten the rest): they form group 0,
"no purchase in the period". Clusters are numbered by mean monetary value, largest first.

Names (:func:`cluster_level`, :data:`ARCHETYPES`): a cluster is named from its typical client
(the medians) measured against the company's own rhythm, the lifecycle window W (default the
company's ``lifecycle_window``, else three months), so the words agree with the lifecycle's
statuses (this workbook's decision):

- recency: **recent** if the median days since the last purchase are at most W / 3, **long
  ago** if they exceed W (the lifecycle would count such a client lost), in between otherwise;
- frequency: the median purchase days in the period against the number of windows the period
  holds (``period / W`` rounded, 4 for 12 months and W = 3 months): **rare** below one purchase
  day per window (under 4 a year), **frequent** above two per window (over 8 a year), in between
  otherwise;
- value: the level (low, mid, high, by thirds of the score range) of the mean monetary score.

Two clusters that would share a name are told apart by a qualifier from the dimension on which
their centres differ most ("bought more recently" / "less recently", "buy more often" / "less
often", "larger" / "smaller turnover"; three or more by rank, "no. 1" ...), so every name is
unique.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..money import from_units, to_units
from ..periods import DEFAULT_WINDOW, window_label, window_start
from ..validation import ParameterError, check_frame, check_number
from .base import object_column, prepare, table_of

__all__ = ["ARCHETYPES", "INACTIVE", "RFMClusters", "cluster_level", "quantile_scores", "rfm", "rfm_clusters",
           "silhouette"]

#: Names of clusters by the level (low, mid, high) of their typical recency and frequency
#: (:func:`cluster_level`): the usual RFM map, as catalogue keys (PL names in :mod:`salesnb.i18n`).
#: "Occasional", not "new": a new client is a lifecycle status, which these names must not echo.
ARCHETYPES = {
    ("high", "high"): "rfm_champions", ("high", "mid"): "rfm_promising", ("high", "low"): "rfm_occasional",
    ("mid", "high"): "rfm_loyal", ("mid", "mid"): "rfm_middle", ("mid", "low"): "rfm_attention",
    ("low", "high"): "rfm_at_risk", ("low", "mid"): "rfm_slipping", ("low", "low"): "rfm_lapsed",
}
_VALUE_LEVELS = {"low": "rfm_value_low", "mid": "rfm_value_mid", "high": "rfm_value_high"}
#: The name of group 0: clients without a purchase in the period (not clustered).
INACTIVE = "rfm_inactive"
#: The window and period lengths (days) assumed for a table without them (three months, a year).
_DEFAULT_DAYS = (91, 365)


def quantile_scores(values: Any, bins: int = 5, higher_is_better: bool = True) -> np.ndarray:
    """Quantile scores 1..bins with ties shared (PL: oceny kwantylowe z remisami).

    ``score = 1 + floor(bins * (below + equal / 2) / n)``, computed in whole numbers (no float
    rounding at the boundaries); ``below`` counts the worse values, ``equal`` the equal ones.

    Parameters
    ----------
    values : array-like of float
        One value per client (no NaN).
    bins : int, default 5
        Number of scores.
    higher_is_better : bool, default True
        False for recency (fewer days is better).

    Returns
    -------
    numpy.ndarray of int64
        The score of each value, in the input order.

    Raises
    ------
    ParameterError
        If ``bins`` is not a whole number >= 2 or ``values`` holds NaN.
    """
    fn = "salesnb.segments.quantile_scores"
    bins = check_number("bins", bins, low=2, integer=True, function=fn)
    v = np.asarray(values, dtype=float)
    if np.isnan(v).any():
        raise ParameterError("values", values, "numbers without NaN", function=fn)
    n = len(v)
    if n == 0:
        return np.array([], dtype=np.int64)
    uniq, inv, cnt = np.unique(v if higher_is_better else -v, return_inverse=True, return_counts=True)
    below = np.r_[0, np.cumsum(cnt)[:-1]]
    twice = 2 * below + cnt  # 2 * (below + equal / 2)
    score = 1 + (bins * twice) // (2 * n)
    return score[inv].astype(np.int64)


def rfm(data: Any, as_of: Any = None, horizon: Any = None, *, bins: int = 5, window: Any = None) -> pd.DataFrame:
    """Recency, frequency and monetary value of every client, with scores (PL: analiza RFM).

    The "during cooperation" parameters of the article *Working with clients*, in the analyst's
    standard RFM form (this workbook's addition; definitions in the module docstring).

    Parameters
    ----------
    data : Company, dict or SegmentData
        As :func:`~salesnb.segments.prepare`.
    as_of, horizon
        As :func:`~salesnb.segments.prepare` (None with prepared data): the as-of date and the
        period of frequency and monetary.
    bins : int, default 5
        Scores run 1..bins.
    window : window-like, optional
        The lifecycle window W the cluster names are measured against; default the company's
        ``lifecycle_window``, else three months.

    Returns
    -------
    pandas.DataFrame
        Index ``customer_id`` (clients with a settlement up to T, sorted); columns ``segment``
        (target group), ``recency`` (days), ``frequency`` (purchase days in the period),
        ``monetary`` (net turnover in the period), ``recency_score``, ``frequency_score``,
        ``monetary_score`` (1..bins, higher is better) and ``rfm_code`` (e.g. ``"545"``).
        ``attrs`` adds ``window`` (its label), ``window_days`` (W in days, ending at T) and
        ``period_days`` (the days of the period of frequency and monetary).

    Raises
    ------
    ParameterError
        For ``bins`` not a whole number >= 2, a ``window`` that is not a window, or as
        :func:`~salesnb.segments.prepare`.
    DataError
        As :func:`~salesnb.segments.prepare`.
    """
    fn = "salesnb.segments.rfm"
    bins = check_number("bins", bins, low=2, integer=True, function=fn)
    d = prepare(data, as_of, horizon, function=fn)
    n = len(d.clients)
    t = d.tx
    c = d.tx_client
    pos = t.amount > 0
    t_day = int(np.datetime64(d.as_of, "D").astype(np.int64))
    last = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last, c[pos], t.day[pos])
    has = last > np.iinfo(np.int64).min
    lo = int(np.datetime64(d.start, "D").astype(np.int64)) if d.start is not None else int(t.day.min())
    in_p = t.day >= lo
    sel = pos & in_p
    span = t_day - lo + 1
    if n * span <= 400_000_000:  # a bitmap of (client, day): one byte each
        seen = np.zeros(n * span, dtype=bool)
        seen[c[sel] * span + (t.day[sel] - lo)] = True
        freq = np.bincount(np.flatnonzero(seen) // span, minlength=n)
        del seen
    else:
        pairs = pd.unique(c[sel] * span + (t.day[sel] - lo))
        freq = np.bincount(pairs // span, minlength=n)
    money = from_units(np.bincount(c[in_p], weights=to_units(t.amount[in_p]), minlength=n))
    idx = np.flatnonzero(has)
    rec = (t_day - last[idx]).astype(np.int64)
    f = freq[idx].astype(np.int64)
    m = np.round(money[idx], 2)
    rs = quantile_scores(rec, bins, higher_is_better=False)
    fs = quantile_scores(f, bins)
    ms = quantile_scores(m, bins)
    if bins <= 9:
        code = (rs * 100 + fs * 10 + ms).astype(str).astype(object)
    else:
        code = np.array([f"{a}-{b}-{x}" for a, b, x in zip(rs, fs, ms, strict=True)], dtype=object)
    index = pd.Index(d.clients[idx], name="customer_id")
    out = pd.DataFrame({
        "segment": object_column(d.segment_ids()[idx], index),
        "recency": rec, "frequency": f, "monetary": m,
        "recency_score": rs, "frequency_score": fs, "monetary_score": ms, "rfm_code": object_column(code, index),
    }, index=index)
    if window is None:
        window = (table_of(d.source, "params") or {}).get("lifecycle_window") or DEFAULT_WINDOW
    w_start = window_start(pd.Timestamp(d.as_of).normalize(), window)
    window_days = max(int((pd.Timestamp(d.as_of).normalize() - w_start) / pd.Timedelta(days=1)), 1)
    out.attrs.update(d.params, bins=bins, window=window_label(window), window_days=window_days,
                     period_days=int(span))
    return out


def silhouette(x: np.ndarray, labels: np.ndarray) -> float:
    """The mean silhouette of a clustering (PL: współczynnik sylwetki), computed with numpy.

    For each point ``s = (b - a) / max(a, b)``: ``a`` its mean distance to the other points of
    its cluster, ``b`` the smallest mean distance to the points of another cluster; a point
    alone in its cluster scores 0 (Rousseeuw 1987).

    Parameters
    ----------
    x : numpy.ndarray
        Points (n x features); quadratic in n, so pass a sample of a few thousand.
    labels : numpy.ndarray of int
        Cluster of each point.

    Returns
    -------
    float
        In [-1, 1]; NaN with fewer than two clusters.

    Raises
    ------
    ParameterError
        If ``labels`` does not have one label per point.
    """
    x = np.asarray(x, dtype=float)
    labels = np.asarray(labels)
    if x.ndim != 2 or len(labels) != len(x):
        raise ParameterError("labels", labels, "one label per row of x", function="salesnb.segments.silhouette")
    ks, lab = np.unique(labels, return_inverse=True)
    if len(ks) < 2:
        return float("nan")
    sq = (x * x).sum(axis=1)
    dist = np.sqrt(np.maximum(sq[:, None] + sq[None, :] - 2 * x @ x.T, 0))
    onehot = np.zeros((len(x), len(ks)))
    onehot[np.arange(len(x)), lab] = 1
    sums = dist @ onehot  # per point, distance sum to each cluster
    size = onehot.sum(axis=0)
    own = size[lab]
    a = np.where(own > 1, sums[np.arange(len(x)), lab] / np.maximum(own - 1, 1), 0.0)
    other = sums / size[None, :]
    other[np.arange(len(x)), lab] = np.inf
    b = other.min(axis=1)
    s = np.where(own > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0.0)
    return float(s.mean())


@dataclass
class RFMClusters:
    """Behavioural clusters of clients (PL: klastry behawioralne klientów).

    Attributes
    ----------
    table : pandas.DataFrame
        The :func:`rfm` table with ``cluster`` (1 = the highest mean monetary value; 0 = no
        purchase in the period) and ``cluster_name`` (catalogue keys,
        ``"rfm_champions:rfm_value_high"``: archetype and value level; ``"rfm_inactive"``).
    profiles : pandas.DataFrame
        One row per cluster (see :func:`rfm_clusters`).
    silhouettes : pandas.Series
        Mean silhouette per number of clusters tried.
    k : int
        The number of clusters chosen.
    centres : numpy.ndarray
        Cluster centres in the standardised log features (k x 3, in cluster order).
    params : dict
        The settings used.
    """

    table: pd.DataFrame
    profiles: pd.DataFrame
    silhouettes: pd.Series
    k: int
    centres: np.ndarray
    params: dict = field(default_factory=dict)


def _features(table: pd.DataFrame) -> np.ndarray:
    raw = np.column_stack([np.log1p(table["recency"].to_numpy(dtype=float)),
                           np.log1p(table["frequency"].to_numpy(dtype=float)),
                           np.log1p(np.maximum(table["monetary"].to_numpy(dtype=float), 0))])
    sd = raw.std(axis=0)
    return (raw - raw.mean(axis=0)) / np.where(sd > 0, sd, 1.0)


def _kmeans_pp(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++ starting centres (Arthur and Vassilvitskii 2007) from ``rng``."""
    centres = [x[rng.integers(len(x))]]
    d2 = ((x - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, k):
        total = d2.sum()
        i = int(rng.choice(len(x), p=d2 / total)) if total > 0 else int(rng.integers(len(x)))
        centres.append(x[i])
        d2 = np.minimum(d2, ((x - x[i]) ** 2).sum(axis=1))
    return np.array(centres)


def _fit(x: np.ndarray, k: int, seed: int, n_init: int, iterations: int) -> tuple[np.ndarray, float]:
    from scipy.cluster.vq import kmeans2, vq

    best, best_sse = None, np.inf
    for run in range(n_init):
        rng = np.random.default_rng([seed, k, run])
        init = _kmeans_pp(x, k, rng)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an empty cluster: that run is skipped below
            centres, labels = kmeans2(x, init, iter=iterations, minit="matrix", missing="warn")
        if len(np.unique(labels)) < k:
            continue
        _, dist = vq(x, centres)
        sse = float((dist ** 2).sum())
        if sse < best_sse - 1e-12:
            best, best_sse = centres, sse
    if best is None:
        return _kmeans_pp(x, k, np.random.default_rng([seed, k])), np.inf
    return best, best_sse


def _level(mean_score: float, bins: int) -> str:
    third = (bins - 1) / 3
    if mean_score >= 1 + 2 * third:
        return "high"
    if mean_score <= 1 + third:
        return "low"
    return "mid"


def cluster_level(recency: float, frequency: float, window_days: float = 91,
                  period_days: float = 365) -> tuple[str, str]:
    """How recent and how frequent a typical client is, against the window W (PL: poziom R i F grupy).

    The words of a cluster's name (this workbook's decision, module docstring): recency
    ``"high"`` (recent) up to W / 3 days, ``"low"`` (long ago) beyond W, the lifecycle's limit
    for a regular client; frequency, against the windows the period holds (``n = period / W``
    rounded, at least 1), ``"low"`` (rare) under ``n`` purchase days, ``"high"`` (frequent) over
    ``2 n``.

    Parameters
    ----------
    recency : float
        Days since the last purchase (a cluster's median).
    frequency : float
        Purchase days in the period (a cluster's median).
    window_days : float, default 91
        W in days.
    period_days : float, default 365
        The days of the period the purchase days are counted in.

    Returns
    -------
    tuple of str
        ``(recency level, frequency level)``, each ``"low"``, ``"mid"`` or ``"high"``.

    Raises
    ------
    ParameterError
        If ``window_days`` or ``period_days`` is not positive.
    """
    fn = "salesnb.segments.cluster_level"
    window_days = check_number("window_days", window_days, low=0, low_open=True, function=fn)
    period_days = check_number("period_days", period_days, low=0, low_open=True, function=fn)
    r = "high" if recency * 3 <= window_days else "low" if recency > window_days else "mid"
    windows = max(round(period_days / window_days), 1)  # 4 windows of 3 months in a year
    f = "low" if frequency < windows else "high" if frequency > 2 * windows else "mid"
    return r, f


def rfm_clusters(table: pd.DataFrame, k: int | None = None, *, k_range: tuple[int, int] = (3, 6), seed: int = 0,
                 n_init: int = 10, iterations: int = 30, fit_sample: int = 20_000,
                 silhouette_sample: int = 2_000) -> RFMClusters:
    """Behavioural segments: k-means on standardised log RFM (PL: segmentacja behawioralna RFM).

    The method and the choice of the number of clusters are in the module docstring;
    deterministic for a given ``seed``.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`rfm`.
    k : int, optional
        The number of clusters; default chosen by the silhouette within ``k_range``.
    k_range : pair of int, default (3, 6)
        The numbers of clusters tried (both ends included, at least 2).
    seed : int, default 0
        Seeds every random draw (samples and starting centres).
    n_init : int, default 10
        k-means runs per number of clusters.
    iterations : int, default 30
        Iterations per run.
    fit_sample : int, default 20000
        At most this many clients (a seeded sample) fit the centres.
    silhouette_sample : int, default 2000
        At most this many clients (a seeded sample) score each clustering.

    Returns
    -------
    RFMClusters
        ``profiles`` has one row per ``cluster`` (1..k, then 0 if any client bought nothing in
        the period): ``cluster_name``, ``clients``, ``client_share``, ``value_share`` (of the
        positive monetary total), the medians ``median_recency``, ``median_frequency`` (the lower
        middle value for an even count, so a real client's days), ``median_monetary`` and the
        mean scores ``mean_recency_score``,
        ``mean_frequency_score``, ``mean_monetary_score``.

    Raises
    ------
    ParameterError
        For a table without the RFM columns, too few clients for two clusters, or a ``k``,
        ``k_range``, ``seed`` or size that is not allowed.
    """
    fn = "salesnb.segments.rfm_clusters"
    check_frame("table", table, columns=("recency", "frequency", "monetary", "recency_score", "frequency_score",
                                         "monetary_score"), function=fn,
                fix="pass the table salesnb.segments.rfm returns.")
    seed = check_number("seed", seed, low=0, integer=True, function=fn)
    n_init = check_number("n_init", n_init, low=1, integer=True, function=fn)
    iterations = check_number("iterations", iterations, low=1, integer=True, function=fn)
    fit_sample = check_number("fit_sample", fit_sample, low=10, integer=True, function=fn)
    silhouette_sample = check_number("silhouette_sample", silhouette_sample, low=10, integer=True, function=fn)
    active = table["frequency"].to_numpy() > 0
    act = table[active]
    n = len(act)
    if k is not None:
        k = check_number("k", k, low=2, high=max(n - 1, 2), integer=True, function=fn)
        ks = [k]
    else:
        try:
            lo, hi = (int(v) for v in k_range)
            ok = all(float(v).is_integer() for v in k_range) and 2 <= lo <= hi
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise ParameterError("k_range", k_range, "two whole numbers 2 <= low <= high", function=fn)
        ks = [x for x in range(lo, hi + 1) if x < n]
    if n < 3 or not ks:
        raise ParameterError("table", table, "at least three clients who bought in the period, more than the "
                             "clusters asked for",
                             function=fn, fix="use a longer horizon or a company with more clients.")
    x = _features(act)
    rng = np.random.default_rng([seed, 1])
    fit_idx = np.sort(rng.choice(n, size=min(n, fit_sample), replace=False))
    sil_idx = np.sort(np.random.default_rng([seed, 2]).choice(n, size=min(n, silhouette_sample), replace=False))
    from scipy.cluster.vq import vq

    scores, fits = {}, {}
    for kk in ks:
        centres, _ = _fit(x[fit_idx], kk, seed, n_init, iterations)
        lab, _ = vq(x[sil_idx], centres)
        scores[kk] = silhouette(x[sil_idx], lab)
        fits[kk] = centres
    sil = pd.Series(scores, name="silhouette").rename_axis("clusters")
    chosen = k if k is not None else int(max(ks, key=lambda kk: (np.nan_to_num(scores[kk], nan=-2), -kk)))
    centres = fits[chosen]
    labels, _ = vq(x, centres)
    # number clusters by mean monetary value, largest first
    money = act["monetary"].to_numpy(dtype=float)
    mean_m = np.array([money[labels == j].mean() if (labels == j).any() else -np.inf for j in range(chosen)])
    order = np.argsort(-mean_m, kind="stable")
    renum = np.empty(chosen, dtype=np.int64)
    renum[order] = np.arange(1, chosen + 1)
    cluster = np.zeros(len(table), dtype=np.int64)
    cluster[active] = renum[labels]
    out = table.copy()
    out["cluster"] = cluster
    profiles = _profiles(out, table.attrs.get("bins", 5), centres[order],
                         table.attrs.get("window_days", _DEFAULT_DAYS[0]),
                         table.attrs.get("period_days", _DEFAULT_DAYS[1]))
    out["cluster_name"] = profiles["cluster_name"].reindex(cluster).to_numpy()
    params = dict(seed=seed, n_init=n_init, iterations=iterations, k_range=tuple(ks), fit_sample=fit_sample,
                  silhouette_sample=silhouette_sample, chosen_by="given" if k is not None else "silhouette")
    out.attrs.update(table.attrs, clusters=chosen, **params)
    return RFMClusters(table=out, profiles=profiles, silhouettes=sil, k=chosen, centres=centres[order], params=params)


def _profiles(table: pd.DataFrame, bins: int, centres: np.ndarray, window_days: float,
              period_days: float) -> pd.DataFrame:
    g = table.groupby("cluster", sort=True)
    pos = table["monetary"].clip(lower=0)
    total = float(pos.sum())
    prof = pd.DataFrame({
        "clients": g.size().astype(np.int64),
        "client_share": g.size() / len(table),
        "value_share": pos.groupby(table["cluster"]).sum() / total if total > 0 else np.nan,
        "median_recency": g["recency"].quantile(0.5, interpolation="lower").astype(np.int64),
        "median_frequency": g["frequency"].quantile(0.5, interpolation="lower").astype(np.int64),
        "median_monetary": g["monetary"].median(),
        "mean_recency_score": g["recency_score"].mean(),
        "mean_frequency_score": g["frequency_score"].mean(),
        "mean_monetary_score": g["monetary_score"].mean(),
    })
    names = {}
    for cl, row in prof.iterrows():
        if cl == 0:
            names[cl] = INACTIVE
            continue
        arche = ARCHETYPES[cluster_level(row["median_recency"], row["median_frequency"], window_days, period_days)]
        names[cl] = f"{arche}:{_VALUE_LEVELS[_level(row['mean_monetary_score'], bins)]}"
    names = _unique_names(names, centres)
    prof.insert(0, "cluster_name", [names[cl] for cl in prof.index])
    prof.index.name = "cluster"
    order = [c for c in prof.index if c != 0] + [c for c in prof.index if c == 0]
    return prof.reindex(order)


#: Per feature of the centres (log recency, log frequency, log monetary): the qualifiers of the
#: cluster better and worse on it (a smaller recency is better).
_QUALIFIERS = (("rfm_more_recent", "rfm_less_recent"), ("rfm_more_frequent", "rfm_less_frequent"),
               ("rfm_more_value", "rfm_less_value"))


def _unique_names(names: dict, centres: np.ndarray) -> dict:
    """Cluster names made unique by a qualifier (PL: unikalne nazwy grup zachowań).

    Clusters that share a name get a third part: the qualifier of the feature on which their
    centres spread most (two clusters: better / worse on it), or their rank on it ("no. 1" ...)
    when three or more share a name.

    Parameters
    ----------
    names : dict
        Cluster number -> name (``"archetype:value level"``; 0 is left alone).
    centres : numpy.ndarray
        Standardised centres, row ``k - 1`` for cluster ``k``.

    Returns
    -------
    dict
        Cluster number -> unique name.
    """
    out = dict(names)
    for name in {v for k, v in names.items() if k != 0}:
        same = sorted(k for k, v in names.items() if v == name and k != 0)
        if len(same) < 2:
            continue
        c = np.asarray(centres, dtype=float)[[k - 1 for k in same]]
        feature = int(np.argmax(c.max(axis=0) - c.min(axis=0)))
        better = -c[:, feature] if feature == 0 else c[:, feature]
        ranked = [same[i] for i in np.argsort(-better, kind="stable")]
        for r, k in enumerate(ranked):
            if len(same) == 2:
                out[k] = f"{name}:{_QUALIFIERS[feature][r]}"
            else:
                out[k] = f"{name}:rfm_rank_{r + 1}"
    return out
