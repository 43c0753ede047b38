"""Array helpers the methods share (PL: operacje na tablicach).

``numpy.unique`` without ``return_*`` arguments takes a hash-table path in numpy 2.3+ that is
about 100 times slower than sorting on millions of distinct integers (6 s against 0.06 s for
5 M values here); :func:`distinct` sorts instead, and gives the same sorted result.
"""
from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["distinct"]


def distinct(values: Any) -> np.ndarray:
    """The sorted distinct values of a 1-D array, by sorting (PL: wartości różne, posortowane).

    Equal to ``numpy.unique(values)`` for numbers and dates (NaN, where present, sort last and
    each NaN is kept once).

    Parameters
    ----------
    values : array-like
        One-dimensional.

    Returns
    -------
    numpy.ndarray
    """
    a = np.sort(np.asarray(values).ravel())
    if a.size < 2:
        return a
    keep = np.empty(a.size, dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    if a.dtype.kind in "fc" and np.isnan(a[-1]):  # NaN != NaN: keep only the first of them
        nan = np.isnan(a)
        keep &= ~nan
        keep[np.argmax(nan)] = True
    return a[keep]
