"""Answers with parts (PL: odpowiedzi złożone): lists, mappings, sets and pairs.

- :class:`ListAnswer`: a list of names in order (the blocks of a diagram, the documents used);
- :class:`TextsAnswer`: a text per item (a definition per client status, an action per group);
- :class:`ChoicesAnswer`: a choice per item from a scale (``+``, ``+/-``, ``-`` per item of a
  questionnaire; a Kano category per feature; an ABC/XYZ class per client), with or without a
  right answer;
- :class:`SetAnswer`: a set of ids (the A/X clients);
- :class:`PairAnswer`: two shares (the ABC thresholds).

Every part is checked: missing parts, unknown parts, values outside the scale and repeated
items are each named, so a participant knows exactly which part to fix.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from numbers import Integral
from typing import Any

from ..i18n import t
from ..present import percent
from .answers import AnswerKind
from .core import Outcome, quote, tr
from .reading import Reading, normalise, read_number

__all__ = ["ChoicesAnswer", "ListAnswer", "PairAnswer", "SetAnswer", "TextsAnswer", "finish_issues", "split_items"]

Issue = tuple[str, str]  # (kind, message)


def split_items(answer: Any) -> list[str] | None:
    """Items of a list answer (PL: pozycje listy): a list, or text with one item per line.

    Text is split at new lines, semicolons and arrows (``->``, ``→``); a list keeps its order.

    Parameters
    ----------
    answer : object

    Returns
    -------
    list of str or None
        The non-empty items, stripped; None for an answer that is not a list or text.
    """
    if isinstance(answer, str):
        parts = re.split(r"\n|;|->|→|=>", answer)
    elif isinstance(answer, (list, tuple)):
        parts = [str(x) for x in answer if x is not None]
    else:
        return None
    return [" ".join(p.split()) for p in parts if p and p.strip()]


def _wrong_type(ctx: Any, what: dict) -> Reading:
    return Reading(problem="wrong_type", message=tr(what, ctx.language))


def finish_issues(issues: list[Issue], ctx: Any) -> Outcome:
    """Noted without issues, else incomplete naming each (PL: wynik odpowiedzi złożonej).

    Parameters
    ----------
    issues : list of (kind, message)
    ctx : Context

    Returns
    -------
    Outcome
        The first issue's kind is the outcome's kind.
    """
    if not issues:
        return Outcome("noted", t("ex_noted", ctx.language))
    text = " ".join(m for _, m in issues).rstrip(" ;")
    if not text.endswith((".", "?", "!", "…")):
        text += "."
    return Outcome("incomplete", f"{t('ex_incomplete', ctx.language)}: {text}", kind=issues[0][0])


def _words(n: int, lang: str) -> str:
    """``3 words`` / after "potrzeba co najmniej" (the genitive): ``1 słowa``, ``3 słów``, ``5 słów``."""
    if lang != "pl":
        return f"{n} word" if n == 1 else f"{n} words"
    return "1 słowa" if n == 1 else f"{n} słów"


def _more(n: int, lang: str) -> str:
    """`` and 17 more`` / `` i 17 innych``, `` i 2 inne``: the rest of a list cut short."""
    if lang != "pl":
        return f" and {n} more"
    if n == 1:
        return " i jeszcze jedna"
    few = n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)
    return f" i {n} inne" if few else f" i {n} innych"


class ListAnswer(AnswerKind):
    """A list of names in order (PL: lista nazw), e.g. the 4-7 blocks of a diagram.

    Parameters
    ----------
    min_items, max_items : int
        How many items a complete answer has.
    extra : callable, optional
        ``extra(items, ctx)`` -> further issues ``[(kind, message), ...]``.
    note : callable, optional
        ``note(items, ctx)`` -> a remark added to a complete answer's message (e.g. what the
        article lists that the answer does not).
    kinds : mapping, optional
        ``{kind: {"en": ..., "pl": ...}}``: names of the kinds ``extra`` gives, for the room.
    """

    def __init__(self, min_items: int = 1, max_items: int = 50,
                 extra: Callable[[list[str], Any], list[Issue]] | None = None,
                 note: Callable[[list[str], Any], str] | None = None, kinds: Mapping[str, dict] | None = None):
        self.min_items, self.max_items, self.extra, self.note = min_items, max_items, extra, note
        self.kinds = {**type(self).kinds, **(kinds or {})}

    def read(self, answer: Any, ctx: Any) -> Reading:
        """The items, from a list or from text with one item per line."""
        items = split_items(answer)
        if items is None:
            return _wrong_type(ctx, {"en": "Give a list in square brackets: [\"first\", \"second\", ...].",
                                     "pl": "Podaj listę w nawiasach kwadratowych: [\"pierwszy\", \"drugi\", ...]."})
        if not items:
            return Reading(problem="empty", message=tr({"en": "The list is empty.", "pl": "Lista jest pusta."},
                                                       ctx.language))
        return Reading(items)

    def judge(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Noted when it has the right number of distinct items; else what is wrong."""
        items, lang = reading.value, ctx.language
        issues: list[Issue] = []
        if len(items) < self.min_items:
            issues.append(("too_few", tr({"en": "{n} items; a complete answer has at least {k}.",
                                          "pl": "pozycje: {n}; pełna odpowiedź ma ich co najmniej {k}."},
                                         lang, n=len(items), k=self.min_items)))
        if len(items) > self.max_items:
            issues.append(("too_many", tr({"en": "{n} items; keep it to at most {k}.",
                                           "pl": "pozycje: {n}; ogranicz listę do najwyżej {k}."},
                                          lang, n=len(items), k=self.max_items)))
        repeated = [k for k, c in Counter(normalise(i) for i in items).items() if c > 1]
        if repeated:
            names = [next(i for i in items if normalise(i) == r) for r in repeated]
            issues.append(("duplicates", tr({"en": "repeated: {names}.", "pl": "powtórzone: {names}."}, lang,
                                            names=", ".join(quote(n, lang) for n in names))))
        if self.extra is not None:
            issues += self.extra(items, ctx)
        out = finish_issues(issues, ctx)
        if out.status == "noted" and self.note is not None:
            remark = self.note(items, ctx)
            if remark:
                out.message = f"{out.message} {remark}"
        return out

    def show(self, value: Any, ctx: Any) -> str:
        """The items joined by arrows."""
        return " → ".join(value or [])

    def form(self, question: Any, current: Any) -> Any:
        """A text area, one item per line."""
        from ..widgets.forms import list_box

        return list_box(split_items(current) or [], question.check, question.lang)


def _match_key(name: Any, keys: Sequence[tuple[str, Any]]) -> str | None:
    n = normalise(name)
    for key, label in keys:
        labels = [key] + (list(label.values()) if isinstance(label, Mapping) else [label])
        if any(normalise(x) == n for x in labels):
            return key
    return None


def _label(label: Any, lang: str) -> str:
    return tr(label, lang) if isinstance(label, Mapping) else str(label)


class TextsAnswer(AnswerKind):
    """A text per item (PL: tekst dla każdej pozycji), e.g. a definition per client status.

    The answer is a mapping ``{item: text}`` (an item named by its key or its label in either
    language) or a list of texts in the items' order.

    Parameters
    ----------
    keys : callable
        ``keys(ctx)`` -> ``[(key, label), ...]``; a label is text or ``{"en": ..., "pl": ...}``.
    min_words : int, default 3
        Words each text needs.
    entry : callable, optional
        ``entry(key, text, ctx)`` -> an issue ``(kind, message)`` or None, per text.
    extra : callable, optional
        ``extra(texts, ctx)`` -> further issues.
    kinds : mapping, optional
        ``{kind: {"en": ..., "pl": ...}}``: names of the kinds ``entry`` and ``extra`` give, for
        the results table and the room.
    """

    def __init__(self, keys: Callable[[Any], list[tuple[str, Any]]], min_words: int = 3,
                 entry: Callable[[str, str, Any], Issue | None] | None = None,
                 extra: Callable[[dict, Any], list[Issue]] | None = None, kinds: Mapping[str, dict] | None = None):
        self.keys, self.min_words, self.entry, self.extra = keys, min_words, entry, extra
        self.kinds = {**type(self).kinds, **(kinds or {})}

    def read(self, answer: Any, ctx: Any) -> Reading:
        """``{key: text}`` from a mapping or a list in order; unknown items are a problem."""
        keys, lang = self.keys(ctx), ctx.language
        if isinstance(answer, Mapping):
            out, unknown = {}, []
            for name, text in answer.items():
                key = _match_key(name, keys)
                if key is None:
                    unknown.append(str(name))
                else:
                    out[key] = "" if text is None else str(text).strip()
            if unknown:
                return Reading(problem="unknown_key", message=tr(
                    {"en": "Unknown item(s): {u}; the items are {k}.",
                     "pl": "Nieznane pozycje: {u}; dostępne pozycje to: {k}."},
                    lang, u=", ".join(quote(u, lang) for u in unknown),
                    k=", ".join(_label(lb, lang) for _, lb in keys)))
        elif isinstance(answer, (list, tuple)):
            out = {k: ("" if v is None else str(v).strip()) for (k, _), v in zip(keys, answer, strict=False)}
        else:
            return _wrong_type(ctx, {"en": "Give a text per item: {\"item\": \"text\", ...}.",
                                     "pl": "Podaj tekst dla każdej pozycji: {\"pozycja\": \"tekst\", ...}."})
        if not any(out.values()):
            return Reading(problem="empty", message=tr({"en": "Every text is empty.",
                                                        "pl": "Wszystkie teksty są puste."},
                                                       lang))
        return Reading(out)

    def judge(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Noted when every item has a text of enough words and passes the checks; else each gap named."""
        lang, texts = ctx.language, reading.value
        issues: list[Issue] = []
        missing = [_label(lb, lang) for k, lb in self.keys(ctx) if not texts.get(k)]
        if missing:
            issues.append(("missing", tr({"en": "nothing for {m};", "pl": "brak tekstu dla: {m};"}, lang,
                                         m=", ".join(missing))))
        short = [_label(lb, lang) for k, lb in self.keys(ctx)
                 if texts.get(k) and len(re.findall(r"[^\W\d_]+", texts[k])) < self.min_words]
        if short:
            issues.append(("too_short", tr({"en": "too short for {m} (at least {n});",
                                            "pl": "za krótki tekst dla: {m} (potrzeba co najmniej {n});"}, lang,
                                           m=", ".join(short), n=_words(self.min_words, lang))))
        if self.entry is not None:
            for k, _ in self.keys(ctx):
                if texts.get(k):
                    issue = self.entry(k, texts[k], ctx)
                    if issue:
                        issues.append(issue)
        if self.extra is not None:
            issues += self.extra(texts, ctx)
        return finish_issues(issues, ctx)

    def show(self, value: Any, ctx: Any) -> str:
        """How many items have a text."""
        if not value:
            return ""
        filled = sum(bool(v) for v in value.values())
        return tr({"en": "{n} of {k} written", "pl": "{n} z {k} opisanych"}, ctx.language, n=filled,
                  k=len(self.keys(ctx)))

    def form(self, question: Any, current: Any) -> Any:
        """A text area per item."""
        from ..widgets.forms import text_grid

        keys = self.keys(question.ctx)
        values = current if isinstance(current, Mapping) else {}
        rows = [(k, _label(lb, question.lang)) for k, lb in keys]
        return text_grid(rows, {k: str(values.get(k, "")) for k, _ in keys}, question.check, question.lang)


class ChoicesAnswer(AnswerKind):
    """A choice per item from a scale (PL: wybór dla każdej pozycji), e.g. ``+``, ``+/-``, ``-``.

    The answer is a mapping ``{item: choice}`` or a list of choices in the items' order; a choice
    is one of the scale's values or one of its words (any case, with or without diacritics).
    Without a right answer (``expected`` None: a self-assessment) a complete answer is *noted*;
    with one, it is correct when every item is, and each wrong item is explained.

    Parameters
    ----------
    keys : callable
        ``keys(ctx)`` -> ``[(key, label), ...]``.
    choices : mapping
        ``{value: [words...]}``: the scale and the words each value may be typed as.
    explain : callable, optional
        ``explain(key, given, expected, ctx)`` -> ``(kind, message)`` for a wrong item.
    partial : bool, default False
        Whether items may be left out (then only the items given are checked).
    tooltips : callable, optional
        ``tooltips(language)`` -> ``{value: text}``: what each button of the form means.
    """

    def __init__(self, keys: Callable[[Any], list[tuple[str, Any]]], choices: Mapping[str, Sequence[str]],
                 explain: Callable[[str, str, str, Any], Issue] | None = None, partial: bool = False,
                 tooltips: Callable[[str], dict] | None = None):
        self.keys, self.choices, self.explain, self.partial = keys, dict(choices), explain, partial
        self.tooltips = tooltips
        self._words = {normalise(w): v for v, words in self.choices.items() for w in (v, *words)}
        self._symbols = {re.sub(r"\s+", "", w.lower()): v for v, words in self.choices.items() for w in (v, *words)}

    def choice(self, value: Any) -> str | None:
        """The scale's value a typed choice means (PL: wartość skali), or None."""
        text = str(value).strip()
        key = re.sub(r"\s+", "", text.lower()).replace("±", "+/-").replace("−", "-")
        if key in self._symbols:
            return self._symbols[key]
        n = normalise(text)
        return self._words.get(n) if n else None

    def read(self, answer: Any, ctx: Any) -> Reading:
        """``{key: value}``; unknown items and choices outside the scale are each named."""
        keys, lang = self.keys(ctx), ctx.language
        if isinstance(answer, Mapping):
            pairs = list(answer.items())
        elif isinstance(answer, (list, tuple)):
            pairs = [(k, v) for (k, _), v in zip(keys, answer, strict=False)]
        else:
            return _wrong_type(ctx, {"en": "Give a choice per item: {\"item\": \"choice\", ...}.",
                                     "pl": "Podaj wybór dla każdej pozycji: {\"pozycja\": \"wybór\", ...}."})
        out, unknown, outside = {}, [], []
        for name, value in pairs:
            key = _match_key(name, keys)
            if key is None:
                unknown.append(str(name))
                continue
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            choice = self.choice(value)
            if choice is None:
                outside.append(f"{_label(dict(keys)[key], lang)}: {quote(value, lang)}")
            else:
                out[key] = choice
        scale = ", ".join(quote(v, lang) for v in self.choices)
        if unknown:
            return Reading(problem="unknown_key", message=tr(
                {"en": "Unknown item(s): {u}.", "pl": "Nieznane pozycje: {u}."}, lang,
                u=", ".join(quote(u, lang) for u in unknown[:10])))
        if outside:
            return Reading(problem="unknown_choice", message=tr(
                {"en": "Outside the scale ({s}): {o}.", "pl": "Spoza skali ({s}): {o}."}, lang, s=scale,
                o="; ".join(outside[:10])))
        if not out:
            return Reading(problem="empty", message=tr({"en": "No item has a choice yet.",
                                                        "pl": "Żadna pozycja nie ma jeszcze wyboru."}, lang))
        return Reading(out)

    def judge(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Missing items named; then noted (no right answer) or each wrong item explained."""
        lang, given = ctx.language, reading.value
        keys = self.keys(ctx)
        missing = [_label(lb, lang) for k, lb in keys if k not in given]
        if missing and not self.partial:
            shown = ", ".join(missing[:8]) + (_more(len(missing) - 8, lang) if len(missing) > 8 else "")
            return Outcome("incomplete", f"{t('ex_incomplete', lang)}: " + tr(
                {"en": "{n} item(s) without an answer: {m}.", "pl": "pozycje bez odpowiedzi ({n}): {m}."}, lang,
                n=len(missing), m=shown), kind="missing")
        if expected is None:
            return Outcome("noted", t("ex_noted", lang))
        wrong = [(k, given[k], expected.get(k)) for k, _ in keys if k in given and given[k] != expected.get(k)]
        if not wrong:
            return Outcome("correct", f"{t('ex_correct', lang)}: " + tr(
                {"en": "all {n} right.", "pl": "wszystkie pozycje poprawne ({n})."}, lang, n=len(given)))
        issues = []
        for k, g, e in wrong:
            kind, msg = self.explain(k, g, e, ctx) if self.explain else ("other", "")
            issues.append((kind, f"**{_label(dict(keys)[k], lang)}**: {msg.rstrip('.')}".rstrip(": ")))
        common = Counter(kind for kind, _ in issues).most_common(1)[0][0]
        text = "; ".join(m for _, m in issues[:8]) + (" …" if len(issues) > 8 else ".")
        return Outcome("incorrect", f"{t('ex_incorrect', lang)}: " + tr(
            {"en": "{n} of {k} wrong: {x}", "pl": "{n} z {k} źle: {x}"}, lang, n=len(wrong), k=len(given), x=text),
            kind=common)

    def show(self, value: Any, ctx: Any) -> str:
        """How many items of each choice."""
        if not value:
            return ""
        counts = Counter(value.values())
        return ", ".join(f"{v}: {counts[v]}" for v in self.choices if counts.get(v))

    def form(self, question: Any, current: Any) -> Any:
        """A row of buttons (or a list) per item."""
        from ..widgets.forms import choice_grid

        keys = self.keys(question.ctx)
        values = {}
        if isinstance(current, Mapping):
            for name, v in current.items():
                k = _match_key(name, keys)
                if k is not None and self.choice(v) is not None:
                    values[k] = self.choice(v)
        rows = [(k, _label(lb, question.lang)) for k, lb in keys]
        tips = self.tooltips(question.lang) if self.tooltips is not None else None
        return choice_grid(rows, list(self.choices), values, question.check, question.lang, tips)


class SetAnswer(AnswerKind):
    """A set of ids (PL: zbiór identyfikatorów), e.g. the A/X clients of a sample.

    Given as a list, or text separated by commas, semicolons, spaces or new lines; ids are
    matched without case. Each id too many and each one missing is explained.

    Parameters
    ----------
    universe : callable
        ``universe(ctx)`` -> the ids that exist.
    explain_extra, explain_missing : callable, optional
        ``(id, ctx)`` -> ``(kind, message)``.
    """

    def __init__(self, universe: Callable[[Any], Sequence[str]],
                 explain_extra: Callable[[str, Any], Issue] | None = None,
                 explain_missing: Callable[[str, Any], Issue] | None = None):
        self.universe, self.explain_extra, self.explain_missing = universe, explain_extra, explain_missing

    def read(self, answer: Any, ctx: Any) -> Reading:
        """The ids named; an id that does not exist is a problem (an empty set is a valid answer)."""
        lang = ctx.language
        if isinstance(answer, str):
            names = [x for x in re.split(r"[,;\s]+", answer) if x]
        elif isinstance(answer, (list, tuple, set, frozenset)):
            names = [str(x).strip() for x in answer if x is not None and str(x).strip()]
        else:
            return _wrong_type(ctx, {"en": "Give the ids as a list: [\"A1\", \"B2\"] (an empty list [] if none).",
                                     "pl": "Podaj identyfikatory jako listę: [\"A1\", \"B2\"] (pustą [], jeśli brak)."})
        ids = {str(i).casefold(): str(i) for i in self.universe(ctx)}
        unknown = [n for n in names if n.casefold() not in ids]
        if unknown:
            return Reading(problem="unknown_id", message=tr(
                {"en": "Not in the sample: {u}.", "pl": "Spoza próby: {u}."}, lang,
                u=", ".join(quote(u, lang) for u in unknown[:10])))
        return Reading(frozenset(ids[n.casefold()] for n in names))

    def same(self, reading: Reading, value: Any, ctx: Any) -> bool:
        """Equal sets."""
        return value is not None and set(reading.value) == set(value)

    def equal(self, a: Any, b: Any, ctx: Any) -> bool:
        """Equal sets."""
        return a is not None and b is not None and set(a) == set(b)

    def fallback(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Each id too many and each one missing, explained."""
        lang = ctx.language
        extra = sorted(set(reading.value) - set(expected))
        missing = sorted(set(expected) - set(reading.value))
        issues = [(self.explain_extra(i, ctx) if self.explain_extra else ("extra", ""), i) for i in extra]
        issues += [(self.explain_missing(i, ctx) if self.explain_missing else ("missing", ""), i) for i in missing]
        parts = [f"**{i}**: {msg.rstrip('.')}".rstrip(": ") for (_, msg), i in issues]
        kind = Counter(k for (k, _), _ in issues).most_common(1)[0][0]
        head = tr({"en": "{e} too many, {m} missing", "pl": "{e} za dużo, {m} brakuje"}, lang, e=len(extra),
                  m=len(missing))
        return Outcome("incorrect", f"{t('ex_incorrect', lang)}: {head}: " + "; ".join(parts), kind=kind)

    def show(self, value: Any, ctx: Any) -> str:
        """The ids, sorted."""
        if value is None:
            return ""
        return ", ".join(sorted(value)) if value else "∅"


class PairAnswer(AnswerKind):
    """Two shares, lower then upper (PL: dwa progi), e.g. the ABC thresholds 50% and 80%.

    Typed as ``"50/80"``, ``"50%, 80%"``, ``"0,5; 0,8"``, ``(0.5, 0.8)``, ``[50, 80]``, or the
    ``(0, 5, 0, 8)`` Python makes of ``0,5, 0,8``. Right when both equal the expected shares to a
    tenth of a percent.
    """

    def read(self, answer: Any, ctx: Any) -> Reading:
        """The two shares as Decimal fractions."""
        lang = ctx.language
        remark = ""
        if (isinstance(answer, (tuple, list)) and len(answer) == 4
                and all(isinstance(x, Integral) and not isinstance(x, bool) for x in answer)):
            answer = (f"{answer[0]},{answer[1]}", f"{answer[2]},{answer[3]}")
            remark = tr({"en": "Python read the decimal commas as four numbers; I read them as {a} and {b}",
                         "pl": "Python odczytał przecinki dziesiętne jako cztery liczby; odczytuję je jako {a} i {b}"},
                        lang, a=answer[0], b=answer[1])
        if isinstance(answer, str):
            parts = [p for p in re.split(r"\s*(?:/|;|\bi\b|\band\b|,\s+|\s+-\s+|\s+)\s*", answer.strip()) if p]
        elif isinstance(answer, (tuple, list)):
            parts = list(answer)
        else:
            parts = [answer]
        if len(parts) != 2:
            return Reading(problem="need_two", message=tr(
                {"en": "Give two thresholds, lower then upper, e.g. \"40/70\" or (0.4, 0.7).",
                 "pl": "Podaj dwa progi, najpierw niższy, potem wyższy, np. \"40/70\" albo \"0,4; 0,7\"."},
                lang))
        values = []
        for p in parts:
            r = read_number(p, lang)
            if not r.ok:
                return r
            v = r.value if r.percent or r.value <= 1 else r.value / 100
            values.append(v)
        return Reading(tuple(values), message=remark)

    def same(self, reading: Reading, value: Any, ctx: Any) -> bool:
        """Both shares equal to a tenth of a percent."""
        if value is None:
            return False
        return all(abs(Decimal(str(a)) - Decimal(str(b))) < Decimal("0.0005")
                   for a, b in zip(reading.value, value, strict=True))

    def equal(self, a: Any, b: Any, ctx: Any) -> bool:
        """Both shares equal."""
        return a is not None and b is not None and self.same(Reading(tuple(a)), b, ctx)

    def show(self, value: Any, ctx: Any) -> str:
        """``50% / 80%``."""
        if value is None:
            return ""
        return " / ".join(percent(float(v), ctx.language, 0 if float(v) * 100 == int(float(v) * 100) else 1)
                          for v in value)
