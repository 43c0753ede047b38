"""Every choice the articles leave open, as a named parameter with a documented default.

A company overrides them under ``params:`` in ``company.yml``; a notebook parameter overrides
the company. `docs/data-format.md` lists them with the reasons for each default.
"""
from __future__ import annotations

import copy
from typing import Any

#: name -> (default, description)
PARAMETERS: dict[str, tuple[Any, str]] = {
    "lifecycle_window": ("3M", "Window W of the lifecycle definitions: the three months of the article "
                               "'Working with clients'."),
    "abc_thresholds": ([0.5, 0.8], "ABC cumulative-share thresholds; the article's 50/80 "
                                   "(80/95 is the textbook variant)."),
    "abc_by": ("amount", "ABC by turnover ('amount') or by margin ('margin'); the article ranks by turnover, "
                         "or by income or margin only where management accounting is established."),
    "abc_horizon": ("12M", "Periods ABC and XYZ look back over: the last 12 months (so a client lost long ago "
                           "does not keep class A); 'all' for the whole history, or a number of periods."),
    "xyz_thresholds": ([0.10, 0.25], "XYZ coefficient-of-variation limits: X if CV <= 10%, Y if <= 25%, else Z."),
    "xyz_period": ("M", "Period for the XYZ coefficient of variation: 'M' months or 'Q' quarters."),
    "xyz_ddof": (0, "Standard deviation: 0 population (default), 1 sample (Excel STDEV)."),
    "xyz_min_periods": (3, "Fewest periods of history for an XYZ class."),
    "xyz_span": ("client", "XYZ periods from the client's first period ('client') or the dataset's ('dataset')."),
    "answer_within_hours": (24, "Service standard for answering an enquiry: e-mail within 24 h (the article "
                                "'Professional customer service: is it worth investing in?')."),
}


def defaults() -> dict[str, Any]:
    """The default value of every parameter (PL: wartości domyślne parametrów).

    Returns
    -------
    dict
        ``{name: default}`` for every entry of :data:`PARAMETERS`: a new dict of copies on each
        call (a company's ``params`` and a notebook's parameters are laid over it).
    """
    return {k: copy.deepcopy(v[0]) for k, v in PARAMETERS.items()}
