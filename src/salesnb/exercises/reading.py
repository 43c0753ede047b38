"""Reading answers the way a participant types them (PL: odczyt odpowiedzi uczestnika).

A Polish participant writes ``2652131,62``, ``2 652 131,62``, ``72%`` or ``0,45``; in a Python
cell ``0,45`` is even the tuple ``(0, 45)``. An English one writes ``2,652,131.62``. A window is
a whole number with a unit (``8W``, ``2M``, ``2 miesiące``). Each reader here returns a
:class:`Reading`: the value, or the kind of problem and a message in the participant's language
that says what to type instead. Nothing here raises on a participant's input.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from numbers import Integral, Real
from typing import Any

import pandas as pd

from ..errors import DataError
from ..periods import parse_window, window_label

__all__ = ["Reading", "normalise", "read_number", "read_text", "read_window", "window_days"]

#: Days in a calendar month when a window is compared in days (as the window suggestion does).
DAYS_PER_MONTH = 365.25 / 12

_SPACES = dict.fromkeys(map(ord, " \u00a0\u202f\u2009\u2007'’_"), None)
_CURRENCY = re.compile(r"(?i)\s*(zł|zl|pln|eur|€|usd|\$)\.?\s*")
_MINUS = str.maketrans({"−": "-", "–": "-", "—": "-"})


@dataclass
class Reading:
    """An answer as read (PL: odczytana odpowiedź): the value, or why it cannot be read.

    Attributes
    ----------
    value : object
        What was read (a Decimal, a window label, a text ...); None when it cannot be read.
    problem : str or None
        The kind of problem (``"empty"``, ``"not_a_number"``, ``"no_unit"`` ...), None if read.
    message : str
        For a problem, what to type instead; for a reading with a remark (``0,45`` read from a
        tuple), the remark; else empty.
    percent : bool
        Whether the participant wrote a percentage (``72%``).
    decimals : int or None
        How many decimal places the participant gave (for the precision of a share).
    """

    value: Any = None
    problem: str | None = None
    message: str = ""
    percent: bool = False
    decimals: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the answer could be read (PL: czy odczytano).

        Returns
        -------
        bool
        """
        return self.problem is None


def _msg(language: str, en: str, pl: str, **values: Any) -> str:
    return (pl if language == "pl" else en).format(**values)


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _number_text(text: str, language: str) -> tuple[str | None, bool]:
    """Canonical number text ("-2652131.62") from what a participant typed, and whether it was a percentage."""
    s = text.strip().translate(_MINUS)
    pct = s.endswith("%")
    if pct:
        s = s[:-1]
    s = _CURRENCY.sub("", s).translate(_SPACES)
    if not s or not re.fullmatch(r"[+-]?[\d.,]+", s) or not re.search(r"\d", s):
        return None, pct
    sign = "-" if s.startswith("-") else ""
    s = s.lstrip("+-")
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if dec == "," else ","
        whole, _, frac = s.rpartition(dec)
        if not re.fullmatch(r"\d{1,3}(" + re.escape(thousands) + r"\d{3})*", whole) or not frac.isdigit():
            return None, pct
        return sign + whole.replace(thousands, "") + "." + frac, pct
    for mark in (",", "."):
        if mark in s:
            parts = s.split(mark)
            grouped = all(len(p) == 3 and p.isdigit() for p in parts[1:]) and 1 <= len(parts[0]) <= 3
            if len(parts) > 2:  # 2.652.131 or 1,234,567: thousands
                return (sign + "".join(parts), pct) if grouped else (None, pct)
            # one mark: a decimal mark, except an English "1,234" (thousands) in an English reading
            if mark == "," and grouped and language == "en" and parts[0] != "0":
                return sign + "".join(parts), pct
            if not parts[0].isdigit() and parts[0] != "" or not parts[1].isdigit():
                return None, pct
            return sign + (parts[0] or "0") + "." + parts[1], pct
    return sign + s, pct


def read_number(answer: Any, language: str = "en") -> Reading:
    """A number as a participant typed it (PL: liczba wpisana przez uczestnika).

    Accepts Python numbers; text in Polish or English form (``2652131,62``, ``2 652 131,62``
    with ordinary or no-break spaces, ``2.652.131,62``, ``2,652,131.62``, ``-1 234,5 zł``); a
    trailing ``%`` (``72%``, read as 0.72 and marked as a percentage); and the tuple Python makes
    of ``0,45`` typed without quotes (read as 0.45, with a remark to use quotes). A single comma
    is a decimal comma, except that an English reading takes ``1,234`` as a thousand.

    Parameters
    ----------
    answer : object
        The answer as given.
    language : {"en", "pl"}, default "en"
        Of the messages, and how a lone ``1,234`` is read.

    Returns
    -------
    Reading
        ``value`` a Decimal, ``percent`` and ``decimals`` set; or a problem ``"empty"``,
        ``"not_a_number"`` or ``"wrong_type"`` with what to type instead.
    """
    remark = ""
    if isinstance(answer, bool) or answer is None:
        return Reading(problem="wrong_type", message=_msg(
            language, "The answer is a number: write it like 1234.5 or \"1 234,5\".",
            "Odpowiedzią jest liczba: wpisz ją np. tak: \"1 234,5\"."))
    if (isinstance(answer, (tuple, list)) and len(answer) == 2
            and all(isinstance(x, Integral) and not isinstance(x, bool) for x in answer) and answer[1] >= 0):
        whole, frac = answer
        text = f"{whole},{frac}"
        remark = _msg(language, "Python read {text} as two numbers; I read it as {text} with a decimal comma. "
                                "Next time put it in quotes: \"{text}\".",
                      "Python odczytał {text} jako dwie liczby; odczytuję to jako {text} z przecinkiem dziesiętnym. "
                      "Następnym razem wpisz to w cudzysłowie: \"{text}\".", text=text)
        sign = "-" if whole < 0 else ""
        answer = f"{sign}{abs(whole)},{frac}"
    if isinstance(answer, Decimal):
        if not answer.is_finite():
            return Reading(problem="not_a_number", message=_msg(language, "That is not a finite number.",
                                                                "To nie jest skończona liczba."))
        return Reading(answer, decimals=max(0, -answer.as_tuple().exponent))
    if isinstance(answer, Integral):
        return Reading(Decimal(int(answer)), decimals=0)
    if isinstance(answer, Real):
        x = float(answer)
        if not math.isfinite(x):
            return Reading(problem="not_a_number", message=_msg(language, "That is not a finite number.",
                                                                "To nie jest skończona liczba."))
        text = repr(x)
        if "e" in text:
            d = Decimal(text)
            return Reading(d, decimals=max(0, -d.as_tuple().exponent))
        return Reading(Decimal(text), decimals=0 if text.endswith(".0") else _decimals(text))
    if not isinstance(answer, str):
        return Reading(problem="wrong_type", message=_msg(
            language, "The answer is one number, not {kind}: write it like 1234.5 or \"1 234,5\".",
            "Odpowiedzią jest jedna liczba (podano typ {kind}): wpisz ją np. tak: \"1 234,5\".",
            kind=type(answer).__name__))
    if not answer.strip():
        return Reading(problem="empty", message=_msg(language, "The answer is empty: type a number.",
                                                     "Odpowiedź jest pusta: wpisz liczbę."))
    canon, pct = _number_text(answer, language)
    if canon is None:
        return Reading(problem="not_a_number", message=_msg(
            language, "“{a}” cannot be read as a number: write digits with a decimal point or comma, "
                      "e.g. \"1 234,56\" or \"72%\".",
            "Nie da się odczytać „{a}” jako liczby: wpisz cyfry z przecinkiem lub kropką dziesiętną, "
            "np. \"1 234,56\" albo \"72%\".", a=answer.strip()))
    try:
        d = Decimal(canon)
    except InvalidOperation:  # pragma: no cover - _number_text only returns digits
        return Reading(problem="not_a_number", message="")
    decimals = _decimals(canon)
    if pct:
        d = d / 100
        decimals += 2
    return Reading(d, percent=pct, decimals=decimals, message=remark)


def normalise(text: Any) -> str:
    """Text compared the way people mean it (PL: tekst do porównania).

    Lower case, Polish letters without their diacritics (``ł`` -> ``l``), runs of spaces and
    punctuation as one space, no spaces at the ends.

    Parameters
    ----------
    text : object
        Any text (other values are turned into text).

    Returns
    -------
    str
    """
    s = unicodedata.normalize("NFKD", str(text).casefold().replace("ł", "l"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", s).strip()


def read_text(answer: Any, language: str = "en") -> Reading:
    """A short text answer (PL: krótka odpowiedź tekstowa), e.g. a name.

    Parameters
    ----------
    answer : object
        The answer; text, or a number (read as its text).
    language : {"en", "pl"}, default "en"

    Returns
    -------
    Reading
        ``value`` the text without surrounding spaces; or ``"empty"`` / ``"wrong_type"``.
    """
    if isinstance(answer, (list, tuple, set, dict)) or answer is None or isinstance(answer, bool):
        return Reading(problem="wrong_type", message=_msg(
            language, "The answer is one name, in quotes: \"...\".",
            "Odpowiedzią jest jedna nazwa, w cudzysłowie: \"...\"."))
    text = str(answer).strip()
    if not normalise(text):
        return Reading(problem="empty", message=_msg(language, "The answer is empty: type a name.",
                                                     "Odpowiedź jest pusta: wpisz nazwę."))
    return Reading(text)


_WINDOW_TEXT = re.compile(r"^\s*(?P<sign>[+-]?)\s*(?P<n>\d+(?:[.,]\d+)?)?\s*(?P<unit>.*?)\s*$", re.S)
_ISO = re.compile(r"(?i)^[+-]?P(T?\d|\d)")


def _window_problem(kind: str, language: str, answer: Any, n: str = "") -> Reading:
    texts = {
        "empty": ("The window is empty: write a whole number with its unit, e.g. \"{n}M\" (months), "
                  "\"{n}W\" (weeks) or \"{n}D\" (days).",
                  "Okno jest puste: wpisz liczbę całkowitą z jednostką, np. \"{n}M\" (miesiące), "
                  "\"{n}W\" (tygodnie) lub \"{n}D\" (dni)."),
        "no_unit": ("“{a}” has no unit: write \"{n}M\" for {n} months, \"{n}W\" for {n} weeks or \"{n}D\" for "
                    "{n} days.",
                    "„{a}” nie ma jednostki: wpisz \"{n}M\" ({n} mies.), \"{n}W\" ({n} tyg.) lub \"{n}D\" ({n} dni)."),
        "iso": ("“{a}” is an ISO 8601 duration, which this workbook does not read (P2M would even be two "
                "minutes to pandas): write the number first, then the unit, e.g. \"{n}M\".",
                "„{a}” to zapis czasu trwania w formacie ISO 8601, którego te materiały nie obsługują (dla "
                "pandas P2M to nawet dwie minuty): wpisz najpierw liczbę, potem jednostkę, np. \"{n}M\"."),
        "zero": ("A window of zero length holds no purchases: every client would be lost. Write a length "
                 "above zero, e.g. \"1M\".",
                 "Okno o zerowej długości nie obejmuje żadnych zakupów: każdy klient byłby utracony. Wpisz "
                 "długość większą od zera, np. \"1M\"."),
        "negative": ("A window cannot be negative (“{a}”): it is a length of time looking back from the "
                     "analysis date. Drop the minus: \"{n}\".",
                     "Okno nie może być ujemne („{a}”): to długość okresu liczona wstecz od daty analizy. "
                     "Usuń minus: \"{n}\"."),
        "not_whole": ("“{a}” is not a whole number of units: write whole months, weeks or days, e.g. "
                      "\"6W\" rather than \"1.5M\".",
                      "„{a}” nie jest całkowitą liczbą jednostek: wpisz pełne miesiące, tygodnie lub dni, "
                      "np. \"6W\" zamiast \"1,5M\"."),
        "unknown_unit": ("“{a}” has a unit this workbook does not know: use M (months), W (weeks) or D "
                         "(days), or the words month/week/day, miesiąc/tydzień/dzień.",
                         "„{a}” ma nieznaną jednostkę: użyj słów miesiąc/tydzień/dzień (także „mies.”, "
                         "„tyg.”, „dni”) albo liter M (miesiące), W (tygodnie), D (dni)."),
        "wrong_type": ("The window is text in quotes, a whole number with its unit, e.g. \"{n}M\"; got {kind}.",
                       "Okno wpisz jako tekst w cudzysłowie: liczbę całkowitą z jednostką, np. \"{n}M\"; podano "
                       "typ {kind}."),
    }
    en, pl = texts[kind]
    return Reading(problem=kind, message=_msg(language, en, pl, a=str(answer).strip(), n=n or "2",
                                              kind=type(answer).__name__))


def read_window(answer: Any, language: str = "en") -> Reading:
    """A lifecycle window as a participant typed it (PL: okno wpisane przez uczestnika).

    The unit is required and the length must be a positive whole number (the rules of
    :func:`salesnb.periods.parse_window`); each way of getting it wrong has its own kind and a
    message that shows what to type: ``""`` (empty), ``"2"`` or ``2`` (no unit), ``"P2M"``
    (an ISO duration, not read), ``"0D"`` (zero), ``"-2M"`` (negative), ``"1.5M"`` (not whole),
    ``"2X"`` (unknown unit), a list or ``True`` (wrong type).

    Parameters
    ----------
    answer : object
        The answer: text such as ``"8W"``, ``"2M"``, ``"2 miesiące"``, or a pandas
        ``DateOffset``/``Timedelta``.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    Reading
        ``value`` the window's label (``"2M"``, ``"56D"``), or the problem.
    """
    if isinstance(answer, (pd.DateOffset, pd.Timedelta)):
        try:
            return Reading(window_label(answer))
        except DataError:
            return _window_problem("zero", language, answer)
    if isinstance(answer, bool) or not isinstance(answer, (str, Real)):
        return _window_problem("wrong_type", language, answer)
    if isinstance(answer, Real):
        n = int(answer) if float(answer).is_integer() else None
        if n is None:
            return _window_problem("not_whole", language, answer)
        if n <= 0:
            return _window_problem("zero" if n == 0 else "negative", language, answer, str(abs(n)) + "M")
        return _window_problem("no_unit", language, answer, str(n))
    text = answer.strip().translate(_MINUS)
    if not text:
        return _window_problem("empty", language, answer)
    if _ISO.match(text):
        digits = re.findall(r"\d+", text)
        return _window_problem("iso", language, answer, digits[0] if digits else "2")
    m = _WINDOW_TEXT.match(text)
    sign, n, unit = m.group("sign"), m.group("n"), m.group("unit")
    if n is None and not unit:
        return _window_problem("empty", language, answer)
    if n is not None and re.search(r"[.,]", n):
        return _window_problem("not_whole", language, answer)
    if not unit:
        if sign == "-":
            return _window_problem("negative", language, answer, n)
        return _window_problem("zero" if int(n) == 0 else "no_unit", language, answer, n)
    if sign == "-":
        return _window_problem("negative", language, answer, f"{n or ''}{unit}")
    if n is not None and int(n) == 0:
        return _window_problem("zero", language, answer)
    if re.search(r"\d", unit):
        return _window_problem("unknown_unit", language, answer)
    try:
        return Reading(window_label(parse_window(f"{n or 1}{unit}")))
    except DataError:
        return _window_problem("unknown_unit", language, answer)


def window_days(window: Any) -> float:
    """A window's length in days (PL: długość okna w dniach); a month is 365.25/12 days.

    Parameters
    ----------
    window : window-like
        Anything :func:`salesnb.periods.parse_window` accepts.

    Returns
    -------
    float

    Raises
    ------
    ParameterError
        For a window :func:`salesnb.periods.parse_window` refuses.
    """
    w = parse_window(window)
    return w.kwds["months"] * DAYS_PER_MONTH if isinstance(w, pd.DateOffset) else w / pd.Timedelta(days=1)
