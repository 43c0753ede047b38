"""The parameters behind a table, said in words (PL: parametry analizy słowami).

Method tables keep the parameters they were computed with in ``attrs`` (thresholds, period,
horizon, window, as-of date); :func:`parameters` lists them for the reader, so a report says
what it was computed with instead of printing a dict.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..i18n import LABELS, check_language
from .numbers import count, date, percent
from .tables import Table, show

__all__ = ["parameters"]

_PERIOD_WORDS = {"M": {"en": "months", "pl": "miesiące"}, "Q": {"en": "quarters", "pl": "kwartały"}}
_BY_WORDS = {"amount": {"en": "turnover", "pl": "obrót"}, "margin": {"en": "margin", "pl": "marża"}}
_ORDER = ("as_of", "abc_thresholds", "by", "xyz_thresholds", "period", "horizon", "lifecycle_window", "window_label",
          "ddof", "min_periods", "span")


def _plural_pl(n: int, one: str, few: str, many: str) -> str:
    if n == 1:
        return one
    return few if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else many


def _periods_words(n: int, period: str, lang: str) -> str:
    if lang == "pl":
        unit = _plural_pl(n, "miesiąc", "miesiące", "miesięcy") if period == "M" else \
            _plural_pl(n, "kwartał", "kwartały", "kwartałów")
    else:
        unit = ("month" if period == "M" else "quarter") + ("s" if n != 1 else "")
    return f"{count(n, lang)}\u00a0{unit}"


def _window_words(text: str, lang: str) -> str:
    from ..periods import parse_window

    w = parse_window(text)
    if isinstance(w, pd.DateOffset):
        return _periods_words(int(w.kwds["months"]), "M", lang)
    days = int(w / pd.Timedelta(days=1))
    if lang == "pl":
        return f"{count(days, lang)}\u00a0{'dzień' if days == 1 else 'dni'}"
    return f"{count(days, lang)}\u00a0{'day' if days == 1 else 'days'}"


def _value(key: str, value: Any, attrs: Mapping[str, Any], lang: str) -> str | None:
    if value is None and key != "horizon":
        return None
    if key == "as_of":
        return date(value, lang)
    if key in ("abc_thresholds", "xyz_thresholds"):
        return " / ".join(percent(float(v), lang, 0) for v in value)
    if key == "period":
        return _PERIOD_WORDS.get(str(value), {}).get(lang, str(value))
    if key == "by":
        return _BY_WORDS.get(str(value), {}).get(lang, str(value))
    if key == "horizon":
        if value is None:
            return "cała historia" if lang == "pl" else "the whole history"
        return _periods_words(int(value), str(attrs.get("period", "M")), lang)
    if key in ("lifecycle_window", "window_label"):
        return _window_words(str(value), lang)
    if key == "ddof":
        words = {0: {"en": "of the population", "pl": "populacyjne"},
                 1: {"en": "of a sample (Excel's STDEV)", "pl": "z próby (w Excelu ODCH.STANDARDOWE)"}}
        return words[int(value)][lang]
    if key == "span":
        return {"client": {"en": "from the client's first period", "pl": "od pierwszego okresu klienta"},
                "dataset": {"en": "from the first period of the data", "pl": "od pierwszego okresu w danych"}
                }.get(str(value), {}).get(lang, str(value))
    return count(value, lang) if isinstance(value, int) else str(value)


def parameters(attrs: Mapping[str, Any], language: str | None = "en", keys: tuple[str, ...] | None = None) -> Table:
    """The parameters of a computation as a small two-column table (PL: parametry analizy).

    Parameters
    ----------
    attrs : mapping
        A method table's ``attrs`` (e.g. :func:`salesnb.abcxyz.abc_xyz`'s).
    language : {"en", "pl"}, default "en"
    keys : tuple of str, optional
        Which parameters, in order (default: every one known, in a fixed order).

    Returns
    -------
    Table
    """
    lang = check_language(language)
    rows = []
    for key in keys or _ORDER:
        if key not in attrs:
            continue
        text = _value(key, attrs[key], attrs, lang)
        if text is not None:
            label_key = f"param_{key}"
            rows.append((LABELS[label_key][lang] if label_key in LABELS else key, text))
    frame = pd.DataFrame(rows, columns=["parameter", "value"])
    return show(frame, lang, kinds={"parameter": "text", "value": "text"}, max_rows=None)
