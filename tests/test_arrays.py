"""salesnb.arrays: the shared array helpers."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from salesnb.arrays import distinct


def test_distinct_by_hand():
    assert distinct(np.array([3, 1, 3, 2, 1])).tolist() == [1, 2, 3]
    assert distinct(np.array([], dtype=np.int64)).tolist() == []
    days = np.array(["2025-01-02", "2025-01-01", "2025-01-02"], dtype="datetime64[D]")
    assert distinct(days).tolist() == list(np.array(["2025-01-01", "2025-01-02"], dtype="datetime64[D]").tolist())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.integers(-5, 5), st.floats(allow_nan=True, allow_infinity=False, width=32)),
                max_size=60))
def test_distinct_equals_numpy_unique(values):
    """Sorting instead of hashing gives numpy.unique's result, NaN included once."""
    a = np.array(values, dtype=float)
    assert np.array_equal(distinct(a), np.unique(a), equal_nan=True)
    ints = np.array([v for v in values if isinstance(v, int)], dtype=np.int64)
    assert np.array_equal(distinct(ints), np.unique(ints))
