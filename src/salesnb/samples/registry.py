"""The sample companies by name (PL: rejestr przykładowych firm): :data:`SAMPLES` and :func:`generate`."""
from __future__ import annotations

from collections.abc import Callable

from ..validation import check_choice
from .companies.event_agency import event_agency
from .companies.it_services import it_services
from .companies.wholesale_pl import wholesale_pl
from .engine import check_seed_scale
from .model import SampleCompany

__all__ = ["SAMPLES", "generate"]

#: Sample company name (its folder under ``data/samples``) -> generator ``f(seed, scale)``.
SAMPLES: dict[str, Callable[..., SampleCompany]] = {
    "it_services": it_services,
    "event_agency": event_agency,
    "wholesale_pl": wholesale_pl,
}


def generate(name: str, seed: int = 0, scale: float = 1.0) -> SampleCompany:
    """Generate one sample company (PL: wygeneruj przykładową firmę).

    Parameters
    ----------
    name : str
        A key of :data:`SAMPLES`: ``"it_services"``, ``"event_agency"`` or ``"wholesale_pl"``.
    seed : int, default 0
        Random seed: the same seed gives identical tables, another seed another company with the
        same story. The committed samples use 0.
    scale : float, default 1.0
        Multiplies the number of clients: ``scale=150`` gives roughly a million transactions for
        benchmarks (the Kano survey keeps its size).

    Returns
    -------
    SampleCompany

    Raises
    ------
    ParameterError
        If ``name`` is not a sample's name, ``seed`` not a whole number >= 0 or ``scale`` not a
        number > 0.
    """
    function = "salesnb.samples.generate"
    name = check_choice("name", name, tuple(SAMPLES), function=function)
    seed, scale = check_seed_scale(seed, scale, function)
    return SAMPLES[name](seed=seed, scale=scale)
