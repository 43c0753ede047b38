"""Answer kinds (PL: rodzaje odpowiedzi): how an answer is read, compared and explained.

One class per kind of answer, after learntools' one-class-per-kind of problem:

- :class:`NumberAnswer`: a count or an amount of money, compared **exactly** (money to the
  grosz), or an estimate within an explicit tolerance; Polish and English number input;
- :class:`ShareAnswer`: a share, as a fraction (``0,607``) or a percentage (``60,7%``), right
  when it is the exact share rounded to the precision given (at least a tenth of a percent);
- :class:`TextAnswer`: one of a list of names (a product line, a feature), compared without
  case, spaces or Polish diacritics;
- :class:`WindowAnswer`: a lifecycle window, with a unit and a positive whole length;
- :class:`OpenAnswer`: a reflection in words, checked for its form and its completeness.

Lists, mappings and sets (a block diagram, a questionnaire, classes per client) are in
:mod:`salesnb.exercises.structured`. Every kind gives each problem with the input its own
*kind* (``"no_unit"``, ``"empty"`` ...) and a message saying what to type; every known wrong
answer of a question is a :class:`~salesnb.exercises.core.Mistake` with its own kind.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..i18n import t
from ..present import count, money, number, percent, window
from .core import Outcome, quote, tr
from .reading import Reading, normalise, read_number, read_text, read_window

__all__ = ["GENERIC_KINDS", "AnswerKind", "NumberAnswer", "OpenAnswer", "Requirement", "ShareAnswer", "TextAnswer",
           "WindowAnswer"]

#: Names of the kinds of problem and of generic wrong answers, for the room's tables.
GENERIC_KINDS: dict[str, dict[str, str]] = {
    "empty": {"en": "empty answer", "pl": "pusta odpowiedź"},
    "wrong_type": {"en": "wrong type of answer", "pl": "niewłaściwy typ odpowiedzi"},
    "not_a_number": {"en": "not a number", "pl": "to nie liczba"},
    "not_whole": {"en": "not a whole number", "pl": "liczba niecałkowita"},
    "no_unit": {"en": "window without a unit", "pl": "okno bez jednostki"},
    "iso": {"en": "ISO duration (P2M)", "pl": "zapis ISO (P2M)"},
    "zero": {"en": "zero-length window", "pl": "okno o zerowej długości"},
    "negative": {"en": "negative window", "pl": "okno ujemne"},
    "unknown_unit": {"en": "unknown unit", "pl": "nieznana jednostka"},
    "not_an_option": {"en": "not one of the options", "pl": "spoza listy"},
    "out_of_range": {"en": "share outside 0-100%", "pl": "udział spoza zakresu 0–100%"},
    "imprecise": {"en": "rounded too coarsely", "pl": "zbyt mocno zaokrąglone"},
    "rounded": {"en": "amount rounded", "pl": "kwota zaokrąglona"},
    "in_thousands": {"en": "in thousands", "pl": "w tysiącach"},
    "sign": {"en": "wrong sign", "pl": "zły znak"},
    "near": {"en": "close, not exact", "pl": "blisko, ale nie dokładnie"},
    "too_high": {"en": "too high", "pl": "za dużo"},
    "too_low": {"en": "too low", "pl": "za mało"},
    "too_short": {"en": "answer too short", "pl": "odpowiedź za krótka"},
    "too_long": {"en": "names too long", "pl": "nazwy za długie"},
    "window_too_short": {"en": "window too short", "pl": "okno za krótkie"},
    "window_too_long": {"en": "window too long", "pl": "okno za długie"},
    "other": {"en": "other", "pl": "inny"},
    "waiting": {"en": "earlier answer missing", "pl": "brak wcześniejszej odpowiedzi"},
    "missing": {"en": "parts missing", "pl": "brakuje części"},
    "extra": {"en": "items that do not belong", "pl": "zbędne pozycje"},
    "too_few": {"en": "too few items", "pl": "za mało pozycji"},
    "too_many": {"en": "too many items", "pl": "za dużo pozycji"},
    "duplicates": {"en": "repeated items", "pl": "powtórzone pozycje"},
    "unknown_key": {"en": "unknown item", "pl": "nieznana pozycja"},
    "unknown_choice": {"en": "answer outside the scale", "pl": "odpowiedź spoza skali"},
    "unknown_id": {"en": "unknown client", "pl": "nieznany klient"},
    "need_two": {"en": "not two numbers", "pl": "to nie dwie liczby"},
    "not_words": {"en": "a number, not words", "pl": "liczba zamiast słów"},
}


class AnswerKind:
    """How one kind of answer is read, compared and shown (PL: rodzaj odpowiedzi): the base class.

    Subclasses set :meth:`read`, :meth:`same` and :meth:`show`; :meth:`judge` tries the right
    answer, then each known mistake, then :meth:`fallback`.
    """

    #: Names of this kind's own problems and wrong answers (added to :data:`GENERIC_KINDS`).
    kinds: dict[str, dict[str, str]] = {}

    def read(self, answer: Any, ctx: Any) -> Reading:
        """The answer as read, or why it cannot be (PL: odczyt odpowiedzi)."""
        return read_text(answer, ctx.language)

    def same(self, reading: Reading, value: Any, ctx: Any) -> bool:
        """Whether the answer read equals a value (the right one, or a known mistake's)."""
        return reading.value == value

    def equal(self, a: Any, b: Any, ctx: Any) -> bool:
        """Whether two computed values are the same answer (a mistake equal to the right answer is skipped)."""
        if a is None or b is None:
            return a is b
        try:
            return abs(float(a) - float(b)) < 1e-9
        except (TypeError, ValueError):
            return self.same(Reading(a), b, ctx)

    def judge(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Right, a known mistake, or the fallback (PL: ocena odpowiedzi)."""
        ctx.fields.setdefault("answer", self.show(reading.value, ctx))
        if self.same(reading, expected, ctx):
            return self.correct(reading, expected, question, ctx)
        matched = []
        for m in question.mistakes:
            value = m.value(ctx)
            if value is None or self.equal(value, expected, ctx):
                continue
            if self.same(reading, value, ctx):
                matched.append(m)
        if matched:  # two mistakes can give the same number: name each
            text = tr({"en": " Or: ", "pl": " Albo: "}, ctx.language).join(m.text(ctx) for m in matched)
            return Outcome("incorrect", f"{t('ex_incorrect', ctx.language)}: {text}", kind=matched[0].kind)
        return self.fallback(reading, expected, question, ctx)

    def correct(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """The outcome of a right answer (PL: odpowiedź poprawna)."""
        return Outcome("correct", f"{t('ex_correct', ctx.language)}: {self.show(expected, ctx)}.")

    def fallback(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """The outcome of a wrong answer no known mistake explains (PL: inna błędna odpowiedź)."""
        extra = tr(question.near, ctx.language) if question.near else ""
        wrong = t("ex_wrong_text", ctx.language)
        wrong = wrong[:1].lower() + wrong[1:]  # after a colon: "Jeszcze nie: to nie to."
        return Outcome("incorrect", f"{t('ex_incorrect', ctx.language)}: {wrong} {extra}".strip(), kind="other")

    def show(self, value: Any, ctx: Any) -> str:
        """A value of this kind as a reader reads it (PL: wartość do pokazania)."""
        return "" if value is None else str(value)

    def kind_label(self, kind: str, language: str) -> str:
        """A short name of a problem or a wrong answer of this kind (PL: nazwa rodzaju błędu)."""
        names = {**GENERIC_KINDS, **self.kinds}
        return names[kind][language] if kind in names else kind

    def form(self, question: Any, current: Any) -> Any:
        """The widget to answer in (PL: formularz): a text box with a *Check* button."""
        from ..widgets.forms import text_box

        return text_box("" if current is None else str(current), question.check, question.lang)


# ---------------------------------------------------------------------------------- numbers


class NumberAnswer(AnswerKind):
    """A count, an amount of money or an estimate (PL: liczba, kwota lub szacunek).

    Parameters
    ----------
    unit : {"count", "money", "estimate"}, default "count"
        A count is a whole number, compared exactly; money is compared to the grosz (cent):
        right when it differs from the exact sum by less than half a grosz; an estimate is
        right within ``tolerance``.
    tolerance : float, optional
        For an estimate: the relative difference accepted (only where the question asks for an
        estimate).
    """

    kinds = {}

    def __init__(self, unit: str = "count", tolerance: float | None = None):
        if unit not in ("count", "money", "estimate"):
            raise ValueError(f"unit must be count, money or estimate, not {unit!r}")
        self.unit = unit
        self.tolerance = tolerance

    def read(self, answer: Any, ctx: Any) -> Reading:
        """A number as typed in Polish or English (see :func:`~salesnb.exercises.reading.read_number`)."""
        r = read_number(answer, ctx.language)
        if r.ok and self.unit == "count" and r.value != r.value.to_integral_value():
            return Reading(problem="not_whole", message=tr(
                {"en": "A count is a whole number, not {a}.", "pl": "Odpowiedzią jest liczba całkowita, a nie {a}."},
                ctx.language, a=number(float(r.value), ctx.language, 2)))
        return r

    def same(self, reading: Reading, value: Any, ctx: Any) -> bool:
        """Exact for a count, to half a grosz for money, within the tolerance for an estimate."""
        if value is None or reading.value is None:
            return False
        a, v = reading.value, Decimal(str(value))
        if self.unit == "count":
            return a == v
        if self.unit == "money":
            return abs(a - v) < Decimal("0.005")
        return abs(a - v) <= Decimal(str(self.tolerance or 0)) * abs(v)

    def show(self, value: Any, ctx: Any) -> str:
        """A count grouped by thousands, money with its currency, in the reader's language."""
        if value is None:
            return ""
        if self.unit == "count":
            return count(float(value), ctx.language)
        if self.unit == "money":
            return money(float(value), getattr(ctx.company, "currency", "PLN"), ctx.language)
        return number(float(value), ctx.language, 2)

    def fallback(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """A rounded amount, one in thousands, a flipped sign, a near miss, or too high / too low."""
        lang = ctx.language
        a, e = reading.value, Decimal(str(expected))
        no = t("ex_incorrect", lang)
        if self.unit == "money":
            d = reading.decimals or 0
            if d < 2 and (abs(a - e) <= Decimal(5) * Decimal(10) ** (-d - 1) or abs(a - e) < 1):
                return Outcome("incorrect", no + ": " + tr(
                    {"en": "close, but rounded or cut off: money is checked to the grosz (cent); give two decimal "
                           "places.",
                     "pl": "blisko, ale zaokrąglone lub ucięte: kwoty sprawdzamy co do grosza; podaj dwa miejsca "
                           "po przecinku."},
                    lang), kind="rounded")
            if abs(a - e) < 1:
                return Outcome("incorrect", no + ": " + tr(
                    {"en": "close: less than {one} off, but money is checked to the grosz (cent). Copy every "
                           "digit of the exact sum, and do not round the amounts along the way.",
                     "pl": "blisko: różnica jest mniejsza niż {one}, ale kwoty sprawdzamy co do grosza. Przepisz "
                           "wszystkie cyfry dokładnej sumy i nie zaokrąglaj kwot po drodze."},
                    lang, one=money(1, getattr(ctx.company, "currency", "PLN"), lang, 0)), kind="near")
            if abs(a * 1000 - e) < 500:
                return Outcome("incorrect", no + ": " + tr(
                    {"en": "that looks like thousands: give the full amount, to the grosz.",
                     "pl": "to wygląda na kwotę w tysiącach: podaj pełną kwotę, co do grosza."}, lang),
                    kind="in_thousands")
        if e != 0 and a == -e:
            return Outcome("incorrect", no + ": " + tr(
                {"en": "the right size, the wrong sign.", "pl": "właściwa wartość bezwzględna, ale zły znak."},
                lang), kind="sign")
        if self.unit == "count" and abs(a - e) <= 2:
            near = tr(question.near, lang) if question.near else tr(
                {"en": "check the clients at the edges of the rule.", "pl": "sprawdź klientów na granicy reguły."},
                lang)
            return Outcome("incorrect", no + ": " + tr(
                {"en": "close, but a count must be exact: {near}",
                 "pl": "blisko, ale liczba musi być dokładna: {near}"},
                lang, near=near), kind="near")
        high = a > e
        custom = question.too_high if high else question.too_low
        text = tr(custom, lang, **ctx.fields) if custom else t("ex_too_high" if high else "ex_too_low", lang)
        return Outcome("incorrect", f"{no}: {text}", kind="too_high" if high else "too_low")


class ShareAnswer(AnswerKind):
    """A share, typed as a fraction or a percentage (PL: udział: ułamek lub procent).

    ``0,607``, ``0.607``, ``"60,7%"`` and ``60.7`` (a number above 1 is read as a percentage,
    with a remark) all mean 60.7%. The answer is right when it is the exact share rounded to the
    precision the participant gave, and that precision is at least a tenth of a percent (three
    decimal places of a fraction), or the share is exactly the answer.
    """

    kinds = {}

    def read(self, answer: Any, ctx: Any) -> Reading:
        """A share as a fraction or a percentage."""
        lang = ctx.language
        r = read_number(answer, lang)
        if not r.ok:
            return r
        if not r.percent and Decimal(1) < r.value <= Decimal(100):
            r = Reading(r.value / 100, percent=True, decimals=(r.decimals or 0) + 2, message=tr(
                {"en": "read as {p}", "pl": "odczytane jako {p}"}, lang,
                p=percent(float(r.value) / 100, lang, max(0, r.decimals or 0))))
        if r.value < 0 or r.value > 1:
            return Reading(problem="out_of_range", message=tr(
                {"en": "A share is between 0 and 1 (0% and 100%).",
                 "pl": "Udział musi się mieścić między 0 a 1 (czyli między 0% a 100%)."},
                lang))
        return r

    @staticmethod
    def _rounds_to(reading: Reading, value: float) -> bool:
        d = reading.decimals if reading.decimals is not None else 6
        return abs(float(reading.value) - float(value)) <= 0.5 * 10 ** (-d) + 1e-12

    def same(self, reading: Reading, value: Any, ctx: Any) -> bool:
        """The exact share rounded to the answer's precision (at least a tenth of a percent)."""
        if value is None or reading.value is None:
            return False
        if abs(float(reading.value) - float(value)) < 1e-12:
            return True
        return (reading.decimals or 0) >= 3 and self._rounds_to(reading, value)

    def fallback(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Rounded too coarsely, else too high or too low."""
        lang = ctx.language
        if self._rounds_to(reading, expected):
            return Outcome("incorrect", t("ex_incorrect", lang) + ": " + tr(
                {"en": "rounded too coarsely: give the share to a tenth of a percent (e.g. \"12.3%\" or 0.123).",
                 "pl": "zbyt mocno zaokrąglone: podaj udział z dokładnością do 0,1% (np. \"12,3%\" albo "
                       "\"0,123\")."}, lang), kind="imprecise")
        return NumberAnswer.fallback(NumberAnswer("estimate"), reading, expected, question, ctx)

    def show(self, value: Any, ctx: Any) -> str:
        """A percentage with one decimal place, in the reader's language."""
        return "" if value is None else percent(float(value), ctx.language, 1)


# ---------------------------------------------------------------------------------- names


class TextAnswer(AnswerKind):
    """One of a list of names (PL: jedna z nazw), e.g. a product line or a feature.

    Compared without case, surrounding spaces, punctuation or Polish diacritics; an answer that
    is none of the names is unreadable, and the message lists them.

    Parameters
    ----------
    options : callable
        ``options(ctx)`` -> the names the answer is one of.
    """

    def __init__(self, options: Callable[[Any], Sequence[str]]):
        self.options = options

    def read(self, answer: Any, ctx: Any) -> Reading:
        """The option the answer names."""
        r = read_text(answer, ctx.language)
        if not r.ok:
            return r
        options = [str(o) for o in self.options(ctx)]
        for o in options:
            if normalise(o) == normalise(r.value):
                return Reading(o)
        listed = ", ".join(quote(o, ctx.language) for o in options[:15])
        return Reading(problem="not_an_option", message=tr(
            {"en": "{a} is not one of the names in the data: {names}.",
             "pl": "{a} nie jest żadną z nazw występujących w danych: {names}."}, ctx.language,
            a=quote(r.value, ctx.language),
            names=listed))

    def same(self, reading: Reading, value: Any, ctx: Any) -> bool:
        """Names equal without case, spaces or diacritics."""
        return value is not None and normalise(reading.value) == normalise(value)


# ---------------------------------------------------------------------------------- windows


class WindowAnswer(AnswerKind):
    """A lifecycle window (PL: okno cyklu życia): a whole number with its unit.

    Read by :func:`~salesnb.exercises.reading.read_window` (each bad input its own kind). Two
    windows are the same when they have the same length (``14D`` and ``2W``). A question that
    accepts a range of windows subclasses this and overrides :meth:`judge`.
    """

    def read(self, answer: Any, ctx: Any) -> Reading:
        """The window's label (``"2M"``, ``"56D"``), or the problem with the input."""
        return read_window(answer, ctx.language)

    def same(self, reading: Reading, value: Any, ctx: Any) -> bool:
        """Whether two windows have the same length."""
        from .reading import window_days

        if value is None:
            return False
        try:
            return abs(window_days(reading.value) - window_days(value)) < 1e-9
        except ValueError:
            return False

    def show(self, value: Any, ctx: Any) -> str:
        """The window in words (``2 miesiące``, ``8 weeks``)."""
        return "" if value is None else window(value, ctx.language)

    def form(self, question: Any, current: Any) -> Any:
        """A number box and a unit list (months, weeks, days): a window cannot lack its unit."""
        from ..widgets.forms import window_box

        n, unit = 1, "M"
        r = read_window(current, question.lang) if current is not None else None
        if r is not None and r.ok:
            m = re.fullmatch(r"(\d+)([MD])", r.value)
            if m:
                n, unit = int(m.group(1)), m.group(2)
                if unit == "D" and n % 7 == 0:
                    n, unit = n // 7, "W"
        return window_box(n, unit, question.check, question.lang)


# ---------------------------------------------------------------------------------- open answers


@dataclass
class Requirement:
    """What a complete open answer must contain (PL: wymóg odpowiedzi otwartej).

    Attributes
    ----------
    kind : str
        A short code for the room (``"no_status"``).
    test : callable
        ``test(text, ctx)`` -> whether the answer meets it (``text`` as typed).
    message : dict
        What is missing, in both languages.
    label : dict
        A short name for the room's tables.
    """

    kind: str
    test: Callable[[str, Any], bool]
    message: dict
    label: dict = field(default_factory=dict)


class OpenAnswer(AnswerKind):
    """A reflection in words (PL: odpowiedź opisowa): no single right answer, but a form.

    The answer is text of at least ``min_words`` words; each :class:`Requirement` not met is
    named. A complete answer is *noted* (kept, and compared with the solution by the
    participant); an incomplete one says what is missing.

    Parameters
    ----------
    min_words : int, default 8
    requirements : sequence of Requirement, optional
    """

    def __init__(self, min_words: int = 8, requirements: Sequence[Requirement] = ()):
        self.min_words = min_words
        self.requirements = list(requirements)
        self.kinds = {r.kind: r.label for r in self.requirements if r.label}

    def read(self, answer: Any, ctx: Any) -> Reading:
        """Text in words (not a number, not empty)."""
        lang = ctx.language
        if not isinstance(answer, str):
            if isinstance(answer, (int, float, Decimal)) and not isinstance(answer, bool):
                return Reading(problem="not_words", message=tr(
                    {"en": "This question wants words, not a number: write your answer in quotes, \"...\".",
                     "pl": "To pytanie wymaga odpowiedzi słowami, a nie liczby: wpisz ją w cudzysłowie, \"...\"."},
                    lang))
            return Reading(problem="wrong_type", message=tr(
                {"en": "Write your answer as text in quotes, \"...\".",
                 "pl": "Wpisz odpowiedź jako tekst w cudzysłowie, \"...\"."},
                lang))
        if not answer.strip():
            return Reading(problem="empty", message=tr(
                {"en": "The answer is empty: write a few sentences.",
                 "pl": "Odpowiedź jest pusta: napisz kilka zdań."}, lang))
        if not re.search(r"[^\W\d_]", answer):
            return Reading(problem="not_words", message=tr(
                {"en": "This question wants words, not only numbers.",
                 "pl": "To pytanie wymaga słów, nie samych liczb."},
                lang))
        return Reading(answer.strip())

    def judge(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Noted when long enough and every requirement is met; else incomplete, naming what is missing."""
        lang = ctx.language
        words = len(re.findall(r"[^\W\d_]+", reading.value))
        missing: list[tuple[str, str]] = []
        if words < self.min_words:
            missing.append(("too_short", tr({"en": "write at least {n} words (you wrote {k});",
                                             "pl": "napisz co najmniej {n} słów (jest {k});"}, lang,
                                            n=self.min_words, k=words)))
        for r in self.requirements:
            if not r.test(reading.value, ctx):
                missing.append((r.kind, tr(r.message, lang, **ctx.fields)))
        if missing:
            text = " ".join(m for _, m in missing).rstrip(" ;") + "."
            return Outcome("incomplete", f"{t('ex_incomplete', lang)}: {text}", kind=missing[0][0])
        return Outcome("noted", t("ex_noted", lang))

    def show(self, value: Any, ctx: Any) -> str:
        """The first words of the answer."""
        text = " ".join(str(value or "").split())
        return text if len(text) <= 60 else text[:57] + "…"

    def form(self, question: Any, current: Any) -> Any:
        """A text area with a *Check* button."""
        from ..widgets.forms import text_area

        return text_area("" if current is None else str(current), question.check, question.lang)
