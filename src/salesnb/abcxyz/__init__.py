"""ABC and XYZ analysis of clients (PL: analiza ABC i XYZ klientów).

The rules come from the article *Working with clients* (ABC by the client's share of the
result, XYZ by the coefficient of variation, the class history as a KPI, and the lifecycle rule:
new clients have an ABC class but no XYZ class, potential clients neither). Every choice the
article leaves open is a parameter; the defaults come from :mod:`salesnb.params` (or a
company's ``params``) and are listed here.

The package, one concept per module: :mod:`~salesnb.abcxyz.ranking` (ABC on any values),
:mod:`~salesnb.abcxyz.turnover` (the parameter set-up and turnover per client and period),
:mod:`~salesnb.abcxyz.xyz` (the coefficient of variation), :mod:`~salesnb.abcxyz.table` (the
combined table and its summaries), :mod:`~salesnb.abcxyz.history` (classes over time).

Decisions (each one a parameter away)
-------------------------------------
ABC (PL: klasa ABC), ``abc`` / ``abc_table``:

1. Thresholds ``(a, b) = (0.5, 0.8)``, the article's 50/80 (``params.abc_thresholds``; the
   textbook 80/95 is ``thresholds=(0.8, 0.95)``); ``0 < a <= b <= 1``.
2. Cumulative share, ``cumulative="before"`` (default; the workbook's decision): an
   item is A if the share of the items ranked *strictly before it* is below ``a``, B if below
   ``b``, else C. So the item that crosses a line stays in the upper class, and one client
   holding 90% of turnover is A. ``cumulative="including"`` is the other common reading: A if
   the cumulative share *including* the item is at most ``a`` (so the crossing item drops a
   class; the ``inventorize`` package uses this with ``<`` instead of ``<=``).
3. Ranking: value descending, ties ranked by id ascending (the order ``sort_values`` gives the
   ids, for a Categorical too, whatever its category order). Deterministic.
4. Floating point: shares are compared with an absolute tolerance ``tol=1e-9``, so a share that
   is exactly a threshold in exact arithmetic (ten equal clients, 8/10 = 0.8) counts as equal
   to it even when float sums give 0.7999999999999999 or 0.8000000000000002.
5. Zero and negative values (net turnover after corrections <= 0) add nothing to the result:
   they are ranked after every positive item (by value, then id), count as 0 in the shares and
   are class C ("every client with settlements has a class", the article). The total is
   the sum of the positive values. A total with no positive value (all zero or negative) raises
   :class:`~salesnb.errors.DataError`; so does a missing (NaN) or infinite value, naming the ids.
6. ``by="amount"`` (turnover; ``"turnover"`` is the same) or ``"margin"`` (``params.abc_by``;
   the article allows "by income" only where management accounting is reliable).

XYZ (PL: klasa XYZ), ``xyz``:

7. CV = standard deviation / mean of the client's net turnover per period (the article's rule).
8. Periods: calendar months ``period="M"`` (default, ``params.xyz_period``) or quarters ``"Q"``.
   The period holding the as-of date counts as a whole period: pass an as-of date at a period
   end for complete periods.
9. Zeros filled: every period of the span without sales counts as 0 turnover.
10. Span ``span="client"`` (default, ``params.xyz_span``): from the client's first period with
    any transaction to the as-of period; ``span="dataset"``: from the first period of the whole
    dataset. Both are cut to the last ``horizon`` periods when a horizon is given (default: all
    history up to the as-of date). ABC uses the same periods as XYZ.
11. Standard deviation: population ``ddof=0`` (default, ``params.xyz_ddof``); ``ddof=1`` is the
    sample one (Excel STDEV).
12. ``min_periods=3``: a client whose span has fewer periods gets no XYZ class, reason
    ``reason_short_history``. A client whose net turnover over the span is <= 0 gets none,
    reason ``reason_no_positive_turnover`` (the CV is undefined). The CV is reported only for
    classified clients.
13. Thresholds ``(0.10, 0.25)``: X if CV <= 10%, Y if 10% < CV <= 25%, Z above (the article
    gives 0-10% and 10-25%; above 25% is the standard reading of its missing line for Z; the
    same tolerance ``tol`` as ABC at the boundaries).

Both:

14. Corrections (negative amounts, credit notes) NET against turnover in the period of their
    own date (not of the invoice they correct). Money is summed exactly (:mod:`salesnb.money`),
    so a client whose purchases were all credited has a net turnover of exactly 0. Rows after
    the as-of date are ignored; the as-of date is a whole day (rows dated that day count) and
    defaults to the company's ``as_of``, else the last transaction's date.
15. Lifecycle rule (``abc_xyz``, the article's), with :mod:`salesnb.periods`' window rules:
    a *new* client (first positive settlement in the window ``(T-W, T]``, ``W =
    params.lifecycle_window``, default three months) has an ABC class but no XYZ class, reason
    ``reason_new_client``; a *potential* client (in ``customers``, known by ``T``, never
    settled) has neither, reason ``reason_potential_client``.
16. Who is in a table: every client with at least one transaction (sale or correction) in the
    analysed periods. A client who stopped buying ("lost") keeps its zero periods up to the
    as-of period, so its CV grows (usually Z); with a ``horizon``, a client without any
    transaction in it is left out (``abc_xyz`` then lists it as neither potential nor classed).
17. Products / product lines used (``abc_xyz``): distinct ones with a positive net amount in the
    analysed periods (a product bought and fully credited is not used); product lines come from
    the ``product_line`` column, else from ``company.products``.
18. Class history (``class_history``): classes at the end of every period over a rolling
    ``horizon`` of 12 periods by default (None = all history to that period end), with the
    lifecycle rule at each period end; the changes between consecutive period ends.
19. Output: classes are ordered Categoricals (A<B<C, X<Y<Z); tables are sorted (ABC tables in
    ranking order, XYZ tables by rising CV, ties by id). Reasons are keys of
    :mod:`salesnb.i18n` (``label_values`` translates them).
"""
from __future__ import annotations

from .history import ClassHistory, class_history, transition_matrix
from .ranking import (
    ABC_CLASSES,
    ABC_XYZ_CLASSES,
    REASONS,
    TOL,
    XYZ_CLASSES,
    abc,
    abc_table,
)
from .table import abc_xyz, abc_xyz_matrix, class_summary, compare_classes, unclassified
from .turnover import Settings, settings
from .xyz import xyz

__all__ = [
    "ABC_CLASSES",
    "ABC_XYZ_CLASSES",
    "REASONS",
    "TOL",
    "XYZ_CLASSES",
    "ClassHistory",
    "Settings",
    "abc",
    "abc_table",
    "abc_xyz",
    "abc_xyz_matrix",
    "class_history",
    "class_summary",
    "compare_classes",
    "settings",
    "transition_matrix",
    "unclassified",
    "xyz",
]
