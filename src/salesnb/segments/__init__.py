"""Segmentation and the ideal client portrait (PL: segmentacja i portret idealnego klienta).

The method of the article *Working with clients*: target groups built from a few "from birth"
parameters (:mod:`~salesnb.segments.groups`), the ideal client portrait as a target group x
product line matrix, its coverage by the actual client base and each client's **maturity**
(:mod:`~salesnb.segments.portrait`), the grid of offer states a salesperson works from and the
cross-sell list it yields (:mod:`~salesnb.segments.offers`); the analyst's behavioural
segments, RFM scores and clusters (:mod:`~salesnb.segments.rfm`, this workbook's addition); and
the links to ABC/XYZ and the lifecycle (:mod:`~salesnb.segments.links`).

Every function takes a loaded company (or a dict of tables), or the :class:`SegmentData` that
:func:`prepare` returns, the one set-up path: the as-of date, the period of "used" (default the
ABC horizon, the last 12 months) and the target group of every client, encoded once.

Decisions taken here where the article is silent (each documented on its function and pinned by
``tests/test_segments.py``):

1. Overlapping groups: the first matching group in ``segments.yml`` wins; overlaps and groups
   matching nobody are reported (:func:`group_summary`, :func:`overlap_pairs`).
2. A rule on an attribute the customers table lacks is an error naming the group and the
   attribute.
3. "Used" is a net positive turnover in the line within the period; a line bought and fully
   credited is not used (as in :mod:`salesnb.abcxyz`).
4. Coverage, maturity and the cross-sell list count the clients with a settlement in the period
   by default (``clients="buying"``); the offer grid lists every known client of the groups.
5. Offer states: uses > contract > application > refused > not offered, from the transactions
   and the ``deals`` table's outcome, dates and optional ``product_line`` (the mapping is in
   :mod:`~salesnb.segments.offers`).
6. Cross-sell peers: the same target group and ABC class, the client left out.
7. RFM: mid-rank quantile scores with ties shared; k-means with seeded k-means++ starts, the
   number of clusters by the silhouette; cluster names from the medians against the lifecycle
   window W, made unique (:mod:`~salesnb.segments.rfm`).
8. Most valuable: class AX using at least three lines; low maturity: class A or X below 50%.
"""
from __future__ import annotations

from ..rules import check_segments
from .base import CLIENTS, SegmentData, prepare
from .groups import (
    OUTSIDE,
    assign,
    attribute_name,
    group_summary,
    matches,
    overlap_matrix,
    overlap_pairs,
    rules_table,
    segment_names,
)
from .links import NEXT_STEPS, lost_by_segment, low_maturity, most_valuable, next_steps, segment_classes
from .offers import STATES, cross_sell, offer_grid
from .portrait import MATURITY_BANDS, coverage, coverage_long, maturity, maturity_summary, mean_maturity, portrait
from .rfm import ARCHETYPES, INACTIVE, RFMClusters, cluster_level, quantile_scores, rfm, rfm_clusters, silhouette

__all__ = [
    "ARCHETYPES",
    "CLIENTS",
    "INACTIVE",
    "MATURITY_BANDS",
    "NEXT_STEPS",
    "OUTSIDE",
    "RFMClusters",
    "STATES",
    "SegmentData",
    "assign",
    "attribute_name",
    "check_segments",
    "cluster_level",
    "coverage",
    "coverage_long",
    "cross_sell",
    "group_summary",
    "low_maturity",
    "lost_by_segment",
    "matches",
    "maturity",
    "maturity_summary",
    "mean_maturity",
    "most_valuable",
    "next_steps",
    "offer_grid",
    "overlap_matrix",
    "overlap_pairs",
    "portrait",
    "prepare",
    "quantile_scores",
    "rfm",
    "rfm_clusters",
    "rules_table",
    "segment_classes",
    "segment_names",
    "silhouette",
]
