import pandas as pd
import pytest

from salesnb.periods import last_full_quarter, quarter_bounds


@pytest.mark.parametrize("as_of,expected", [
    ("2025-12-31", "2025Q4"), ("2025-12-30", "2025Q3"), ("2025-01-01", "2024Q4"), ("2025-03-31 15:00", "2025Q1"),
])
def test_last_full_quarter(as_of, expected):
    assert str(last_full_quarter(as_of)) == expected


def test_quarter_bounds():
    assert quarter_bounds("2009Q1", "2020-01-01") == (pd.Timestamp("2009-01-01"), pd.Timestamp("2009-03-31"))
    assert quarter_bounds("2009-q2", "2020-01-01") == (pd.Timestamp("2009-04-01"), pd.Timestamp("2009-06-30"))
    assert quarter_bounds(None, "2025-11-15") == (pd.Timestamp("2025-07-01"), pd.Timestamp("2025-09-30"))
    with pytest.raises(ValueError, match="2025Q3"):
        quarter_bounds("Q3 of 2025", "2025-01-01")
