"""Deprecated: the samples' own lifecycle statuses and XYZ classes (PL: przestarzałe funkcje).

:mod:`salesnb.samples` used to re-implement the lifecycle and XYZ rules to describe its
samples. These thin versions keep the old names and return shapes but delegate to the
workbook's methods, :func:`salesnb.lifecycle.statuses` and :func:`salesnb.abcxyz.xyz`, on the
sample's tables; each warns with a :class:`DeprecationWarning`. The independent reference the
tests check the samples against lives in ``tests/test_samples.py``.
"""
from __future__ import annotations

import warnings

import pandas as pd

from ..abcxyz import xyz
from ..lifecycle import statuses
from ..validation import check_number
from .model import STATUSES, SampleCompany

__all__ = ["lifecycle_counts", "lifecycle_status", "xyz_classes"]


def _deprecated(name: str, use: str) -> None:
    warnings.warn(f"salesnb.samples.{name} is deprecated and will be removed; use {use} on the sample's tables.",
                  DeprecationWarning, stacklevel=3)


def _status(sample: SampleCompany, months: int, function: str) -> pd.Series:
    months = check_number("months", months, low=1, integer=True, function=function)
    table = statuses(sample.tables["transactions"], sample.tables["customers"], as_of=sample.as_of,
                     window=f"{months}M")
    status = table.set_index("customer_id")["status"].astype(str)
    ids = sample.tables["customers"]["customer_id"]
    return pd.Series(status.reindex(ids).to_numpy(), index=ids.to_numpy(), name="status")


def lifecycle_status(sample: SampleCompany, months: int = 3) -> pd.Series:
    """Deprecated: each client's lifecycle status at the as-of date (PL: status klienta w cyklu życia).

    Delegates to :func:`salesnb.lifecycle.statuses` with window W = ``months`` months; use
    that instead.

    Parameters
    ----------
    sample : SampleCompany
        A generated sample company.
    months : int, default 3
        The lifecycle window W in months.

    Returns
    -------
    pandas.Series
        Status (potential, new, regular, restored, lost) per customer id, in the order of the
        sample's customers, named ``status``.

    Raises
    ------
    ParameterError
        If ``months`` is not a whole number >= 1.
    """
    _deprecated("lifecycle_status", "salesnb.lifecycle.statuses")
    return _status(sample, months, "salesnb.samples.lifecycle_status")


def lifecycle_counts(sample: SampleCompany, months: int = 3) -> dict[str, int]:
    """Deprecated: clients per lifecycle status at the as-of date (PL: liczba klientów według statusu).

    Delegates to :func:`salesnb.lifecycle.statuses`; use it with
    :func:`salesnb.lifecycle.status_counts` instead.

    Parameters
    ----------
    sample : SampleCompany
        A generated sample company.
    months : int, default 3
        The lifecycle window W in months.

    Returns
    -------
    dict of str to int
        Clients per status, every status of :data:`salesnb.samples.STATUSES` in its order.

    Raises
    ------
    ParameterError
        If ``months`` is not a whole number >= 1.
    """
    _deprecated("lifecycle_counts", "salesnb.lifecycle.statuses and status_counts")
    counts = _status(sample, months, "salesnb.samples.lifecycle_counts").value_counts()
    return {k: int(counts.get(k, 0)) for k in STATUSES}


def xyz_classes(sample: SampleCompany, low: float = 0.10, high: float = 0.25) -> pd.Series:
    """Deprecated: each client's XYZ class at the as-of date (PL: klasa XYZ).

    Delegates to :func:`salesnb.abcxyz.xyz` (monthly net turnover from the client's first month,
    population standard deviation, at least 3 months) with thresholds ``(low, high)``, and
    leaves out new clients as :func:`salesnb.abcxyz.abc_xyz` does (status new in
    :func:`salesnb.lifecycle.statuses`, W = 3 months); use those instead.

    Parameters
    ----------
    sample : SampleCompany
        A generated sample company.
    low, high : float, default 0.10, 0.25
        CV limits of X and Y.

    Returns
    -------
    pandas.Series
        ``"X"``, ``"Y"`` or ``"Z"`` per classified customer id, sorted by id, named ``xyz``.

    Raises
    ------
    ParameterError
        If ``low`` or ``high`` is not a number > 0.
    """
    _deprecated("xyz_classes", "salesnb.abcxyz.xyz (or abc_xyz)")
    function = "salesnb.samples.xyz_classes"
    low = check_number("low", low, low=0, low_open=True, function=function)
    high = check_number("high", high, low=low, function=function)
    table = xyz(sample.tables["transactions"], as_of=sample.as_of, thresholds=(low, high), horizon="all")
    classes = table["xyz"].dropna().astype(str).sort_index()
    status = _status(sample, 3, function)
    classes = classes[~classes.index.isin(status.index[status == "new"])]
    return pd.Series(classes.to_numpy(dtype=object), index=classes.index.to_numpy(), name="xyz", dtype=object)
