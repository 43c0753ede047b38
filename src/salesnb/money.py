"""Money summed exactly (PL: kwoty sumowane dokładnie).

Amounts are floats in the loaded tables (12.34 is what a user reads and writes), but sums of
floats depend on their order and leave crumbs: an invoice of 19.99 and its credit note of
-19.99 among other rows can sum to 3.5e-15 instead of 0, and a client whose every purchase was
cancelled would then have a tiny positive turnover (and an XYZ class with a CV of 1e16). Every
method therefore sums money in whole **units of 1/10,000 of the currency** held in float64:
integers below 2**53 add exactly in any order, so equal and opposite amounts cancel exactly and
a sum is the exact decimal sum of the amounts rounded to four decimal places. That holds for
totals up to about 900 billion in the currency, far beyond any company's turnover.
"""
from __future__ import annotations

import numpy as np

__all__ = ["SCALE", "group_sum", "to_units", "from_units"]

#: Units per currency unit: sums are exact to 1/10,000 (a hundredth of a grosz or cent).
SCALE = 10_000


def to_units(amount: np.ndarray) -> np.ndarray:
    """Amounts as whole units of 1/10,000 (PL: kwoty w jednostkach), float64 holding integers.

    Parameters
    ----------
    amount : numpy.ndarray
        Amounts in the currency (NaN stays NaN).

    Returns
    -------
    numpy.ndarray of float64
        ``round(amount * 10,000)``; sums of these are exact in any order.
    """
    return np.rint(np.asarray(amount, dtype=np.float64) * SCALE)


def from_units(units: np.ndarray | float) -> np.ndarray | float:
    """Sums of units back in the currency (PL: kwoty z jednostek).

    Parameters
    ----------
    units : numpy.ndarray or float
        Sums of :func:`to_units` values.

    Returns
    -------
    numpy.ndarray or float
        The nearest float to each exact decimal sum.
    """
    return units / SCALE


def group_sum(codes: np.ndarray, amount: np.ndarray, n: int, *, units: bool = False) -> np.ndarray:
    """Exact sums of amounts per group code (PL: sumy kwot w grupach).

    Parameters
    ----------
    codes : numpy.ndarray of int
        Group code per row, ``0 <= code < n``.
    amount : numpy.ndarray
        Amount per row, in the currency (or already in units if ``units``).
    n : int
        Number of groups.
    units : bool, default False
        Whether ``amount`` is already in units (:func:`to_units`).

    Returns
    -------
    numpy.ndarray of float64
        Per group, the exact sum in the currency (0.0 for a group without rows).
    """
    u = amount if units else to_units(amount)
    return from_units(np.bincount(codes, weights=u, minlength=n))
