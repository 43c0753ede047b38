"""The articles' practical exercise set 2: documents and control points (PL: zadania praktyczne 1-3).

The practical exercises at the end of the sales-process part of the article *Working with
clients*: (1) list the documents currently used when working with clients, and the control
points: do the control points match the reports prepared for you? (2) draw an approximate
(4-7 blocks) diagram of work with clients in your organisation; (3) define the control points in
your client-service structure.

Questions: 1a the documents, 1b today's control points, each marked as in a report or not;
2 the diagram's blocks, in order (drawn by :func:`salesnb.plots.exercises.process_chart`);
3 a control point for **every block of the participant's own diagram from question 2**, each
with a date or a trigger: what is checked and when, auditable the way the article *Standards
and good practices in sales* means (its standard's second version: call back "no later than 2 hours"
after the client's call; "quickly" alone is not auditable).

There is no single right answer; each answer is checked for its form and completeness. The model
answers are the article's documents and control points, on the sample company's own sales
stages (``deal_stages`` in ``company.yml``); their time limits ("within 1 day", "7 days before the
event") are this workbook's examples, not the article's.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..i18n import t
from .answers import AnswerKind
from .core import Exercise, Note, Outcome, Question, quote, tr
from .reading import Reading, normalise
from .structured import ChoicesAnswer, ListAnswer, finish_issues

__all__ = ["ARTICLE_DOCUMENTS", "KEY", "QUESTIONS", "STAGE_NAMES", "TITLE", "diagram_chart", "exercise",
           "model_blocks", "model_control_points", "read_control_point"]

KEY = "client_process"
TITLE = {"en": "Exercise set 2: documents and control points",
         "pl": "Zadania praktyczne, zestaw 2: dokumenty i punkty kontrolne"}

#: The documents the article's process sends to a client, and words that name each.
ARTICLE_DOCUMENTS: dict[str, tuple[dict, tuple[str, ...]]] = {
    "meeting_notes": ({"en": "meeting notes", "pl": "protokół ze spotkania"},
                      ("protok", "notatk", "minutes", "notes", "meeting", "spotkan")),
    "offer": ({"en": "commercial offer", "pl": "oferta handlowa"}, ("ofert", "offer", "proposal", "propozyc")),
    "agreement": ({"en": "agreement", "pl": "umowa (porozumienie)"}, ("umow", "porozum", "agreement", "contract",
                                                                        "kontrakt")),
    "invoice": ({"en": "act of acceptance and invoice", "pl": "protokół odbioru i faktura"},
                ("faktur", "invoice", "rachun", "odbior", "acceptance", "act ")),
    "satisfaction": ({"en": "satisfaction questionnaire", "pl": "ankieta satysfakcji"},
                     ("ankiet", "satysf", "survey", "questionnaire", "satisfaction", "kwestionariusz")),
}

#: Names of the sales stages of the sample companies (``deal_stages``), in both languages.
STAGE_NAMES: dict[str, dict[str, str]] = {
    "presentation": {"en": "Presentation", "pl": "Prezentacja"},
    "demo": {"en": "Demonstration", "pl": "Demonstracja"},
    "offer": {"en": "Offer", "pl": "Oferta"},
    "agreement": {"en": "Agreement", "pl": "Porozumienie"},
    "payment": {"en": "Payment", "pl": "Zapłata"},
    "event": {"en": "Event", "pl": "Wydarzenie"},
    "closing": {"en": "Closing", "pl": "Zamknięcie"},
    "implementation": {"en": "Implementation", "pl": "Wdrożenie"},
    "enquiry": {"en": "Enquiry", "pl": "Zapytanie"},
    "negotiation": {"en": "Negotiation", "pl": "Negocjacje"},
    "first_order": {"en": "First order", "pl": "Pierwsze zamówienie"},
    "follow_up": {"en": "Follow-up", "pl": "Kontynuacja"},
}

_CONTROL_POINTS: dict[str, tuple[dict, dict]] = {
    "presentation": ({"en": "meeting notes sent to the client", "pl": "protokół spotkania wysłany klientowi"},
                     {"en": "within 1 day of the meeting", "pl": "w ciągu 1 dnia od spotkania"}),
    "demo": ({"en": "demonstration notes and the next step agreed",
              "pl": "notatka z demonstracji i uzgodniony kolejny krok"},
             {"en": "within 1 day of the demonstration", "pl": "w ciągu 1 dnia od demonstracji"}),
    "offer": ({"en": "offer validity date", "pl": "data ważności oferty"},
              {"en": "the date written on the offer", "pl": "data podana w ofercie"}),
    "agreement": ({"en": "changes to the agreement dated", "pl": "data zmian w umowie"},
                  {"en": "on each change", "pl": "przy każdej zmianie"}),
    "payment": ({"en": "invoice paid", "pl": "faktura opłacona"},
                {"en": "on the due date of the invoice", "pl": "w dniu terminu płatności faktury"}),
    "event": ({"en": "event date confirmed with the client", "pl": "data wydarzenia potwierdzona z klientem"},
              {"en": "7 days before the event", "pl": "7 dni przed wydarzeniem"}),
    "closing": ({"en": "satisfaction assessed", "pl": "ocena satysfakcji klienta"},
                {"en": "within 14 days after closing", "pl": "w ciągu 14 dni po zamknięciu"}),
    "implementation": ({"en": "acceptance protocol signed", "pl": "podpisany protokół odbioru"},
                       {"en": "on the day the work is completed", "pl": "w dniu zakończenia prac"}),
    "enquiry": ({"en": "answer to the enquiry", "pl": "odpowiedź na zapytanie"},
                {"en": "within 24 hours", "pl": "w ciągu 24 godzin"}),
    "negotiation": ({"en": "date of changes to the offer", "pl": "data zmian w ofercie"},
                    {"en": "on each change", "pl": "przy każdej zmianie"}),
    "first_order": ({"en": "first order delivered and invoiced", "pl": "pierwsze zamówienie dostarczone i "
                                                                       "zafakturowane"},
                    {"en": "on the delivery date", "pl": "w dniu dostawy"}),
    "follow_up": ({"en": "next contact agreed", "pl": "uzgodniony kolejny kontakt"},
                  {"en": "at closing, e.g. in 2 months", "pl": "przy zamknięciu, np. za 2 miesiące"}),
}
_GENERIC_POINT = ({"en": "next step and its date agreed", "pl": "uzgodniony kolejny krok i jego termin"},
                  {"en": "at the end of the stage", "pl": "na koniec etapu"})

_TRIGGER = re.compile(
    r"(?i)(\d|\b(after|before|when|once|on|at|within|every|each|by|until|upon|per|daily|weekly|monthly|immediately|"
    r"po|przed|gdy|kiedy|w dniu|w ciągu|w ciagu|do|co|najpóźniej|najpozniej|przy|każd\w*|kazd\w*|codziennie|"
    r"natychmiast|termin\w*|data|date|deadline)\b)")
_VAGUE = re.compile(r"(?i)\b(quickly|asap|as soon as possible|soon|promptly|fast|regularly|szybko|niezwłocznie|"
                    r"niezwlocznie|jak najszybciej|wkrótce|wkrotce|na bieżąco|na biezaco|sprawnie|regularnie)\b")


def _stage_name(code: str, language: str) -> str:
    return STAGE_NAMES[code][language] if code in STAGE_NAMES else str(code).replace("_", " ").capitalize()


def model_blocks(company: Any, language: str) -> list[str]:
    """The model diagram: the company's sales stages, 4-7 blocks (PL: wzorcowy schemat).

    Parameters
    ----------
    company : Company
        Its ``deal_stages`` (``company.yml``).
    language : {"en", "pl"}

    Returns
    -------
    list of str
        The stages' names; "Follow-up" added (the article's "closing (+ follow-up)") while there
        are fewer than four; at most seven.
    """
    codes = list(getattr(company, "deal_stages", ()) or ())[:7]
    while len(codes) < 4:
        codes.append("follow_up" if "follow_up" not in codes else f"stage_{len(codes) + 1}")
    return [_stage_name(c, language) for c in codes]


def model_control_points(company: Any, language: str) -> dict[str, tuple[str, str]]:
    """A control point with its date or trigger for each block of :func:`model_blocks`.

    PL: wzorcowe punkty kontrolne. The article's control points (meeting notes sent, offer
    validity, changes to the agreement, the event date, the satisfaction assessment ...) on the
    company's stages; for a stage the article does not name, "next step and its date agreed". The
    time limits are this workbook's examples.

    Parameters
    ----------
    company : Company
    language : {"en", "pl"}

    Returns
    -------
    dict
        ``{block: (what is checked, when)}``.
    """
    codes = list(getattr(company, "deal_stages", ()) or ())[:7]
    while len(codes) < 4:
        codes.append("follow_up" if "follow_up" not in codes else f"stage_{len(codes) + 1}")
    out = {}
    for code in codes:
        what, when = _CONTROL_POINTS.get(code, _GENERIC_POINT)
        out[_stage_name(code, language)] = (tr(what, language), tr(when, language))
    return out


def read_control_point(value: Any) -> tuple[str, str] | None:
    """A control point as (what, when) (PL: punkt kontrolny: co i kiedy).

    Parameters
    ----------
    value : object
        A pair ``("offer validity", "the date on the offer")``, a mapping with ``what``/``point``
        (``co``/``punkt``) and ``when`` (``kiedy``), or text "what; when" (also split at ``|``
        or a dash between spaces); text without a separator is both.

    Returns
    -------
    (str, str) or None
        None for an empty or unreadable value.
    """
    if value is None:
        return None
    if isinstance(value, Mapping):
        what = next((value[k] for k in ("what", "point", "co", "punkt") if k in value), "")
        when = next((value[k] for k in ("when", "kiedy", "trigger", "termin") if k in value), "")
        what, when = str(what or "").strip(), str(when or "").strip()
    elif isinstance(value, (tuple, list)) and len(value) == 2:
        what, when = (str(v or "").strip() for v in value)
    elif isinstance(value, str):
        parts = re.split(r"\s*(?:;|\||\s[-–—]\s)\s*", value.strip(), maxsplit=1)
        what, when = (parts[0], parts[1]) if len(parts) == 2 else (value.strip(), value.strip())
    else:
        return None
    return (what, when) if what or when else None


def _no_point_yet(ctx) -> Reading:
    """The reading of an answer that names no control point (both kinds of control-point answer)."""
    return Reading(problem="empty", message=tr({"en": "No control point yet.",
                                                "pl": "Nie ma jeszcze żadnego punktu kontrolnego."}, ctx.language))


class ControlPointsAnswer(AnswerKind):
    """A control point with its date or trigger for each block of the participant's diagram.

    PL: punkt kontrolny z terminem dla każdego bloku schematu uczestnika.
    """

    kinds = {"missing_block": {"en": "a block without a control point", "pl": "blok bez punktu kontrolnego"},
             "unknown_block": {"en": "a block not in the diagram", "pl": "blok spoza schematu"},
             "no_when": {"en": "no date or trigger", "pl": "bez terminu ani zdarzenia"},
             "vague": {"en": "not auditable (\"quickly\")", "pl": "nie do sprawdzenia („szybko”)"}}

    #: The article's auditable standard (*Standards and good practices in sales*, its second version).
    STANDARD = {"en": "“if you cannot answer a client's call, call back as soon as you can, but no later than 2 hours "
                      "after the call”",
                "pl": "„Jeśli nie możesz odebrać telefonu od klienta, oddzwoń do niego niezwłocznie, kiedy będzie to "
                      "możliwe, ale nie później niż 2h od jego telefonu”"}

    def read(self, answer: Any, ctx: Any) -> Reading:
        """``{block: (what, when)}`` from a mapping."""
        if not isinstance(answer, Mapping):
            return Reading(problem="wrong_type", message=tr(
                {"en": "Give a control point per block: {\"Offer\": (\"offer validity date\", \"the date on the "
                       "offer\")}, ...",
                 "pl": "Podaj punkt kontrolny dla każdego bloku: {\"Oferta\": (\"data ważności oferty\", \"data "
                       "podana w ofercie\")}, ..."}, ctx.language))
        out = {str(k).strip(): read_control_point(v) for k, v in answer.items() if str(k).strip()}
        out = {k: v for k, v in out.items() if v is not None}
        if not out:
            return _no_point_yet(ctx)
        return Reading(out)

    def judge(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Noted when every block of the diagram (question 2) has an auditable control point."""
        lang, points = ctx.language, reading.value
        blocks = ctx.answer("2") or []
        by_name = {normalise(b): b for b in blocks}
        given = {normalise(k): k for k in points}
        issues = []
        missing = [b for b in blocks if normalise(b) not in given]
        if missing:
            issues.append(("missing_block", tr({"en": "no control point for {b};", "pl": "brak punktu kontrolnego "
                                                "dla: {b};"}, lang, b=", ".join(quote(b, lang) for b in missing))))
        unknown = [k for k in points if normalise(k) not in by_name]
        if unknown:
            issues.append(("unknown_block", tr(
                {"en": "not a block of your diagram in question 2: {b};",
                 "pl": "spoza Twojego schematu z pytania 2: {b};"}, lang,
                b=", ".join(quote(k, lang) for k in unknown))))
        # "quickly" alone cannot be audited; with a time limit beside it (as in the article's standard) it can
        vague = [k for k, (what, when) in points.items()
                 if _VAGUE.search(f"{what} {when}") and not re.search(r"\d", f"{what} {when}")]
        if vague:
            issues.append(("vague", tr(
                {"en": "{b}: “quickly” alone cannot be audited; give a time limit, as the second version of the "
                       "standard in the article *Standards and good practices in sales* does: {s};",
                 "pl": "{b}: samego „szybko” nie da się sprawdzić; podaj granicę czasu, jak druga wersja standardu "
                       "w artykule *Standardy i dobre praktyki w sprzedaży*: {s};"}, lang,
                b=", ".join(quote(k, lang) for k in vague), s=tr(self.STANDARD, lang))))
        no_when = [k for k, (what, when) in points.items() if k not in vague and not _TRIGGER.search(when)]
        if no_when:
            issues.append(("no_when", tr(
                {"en": "{b}: when is it checked? Give a date, a time limit (“within 24 hours”) or the event that "
                       "triggers it (“after the meeting”);",
                 "pl": "{b}: kiedy to sprawdzić? Podaj datę, termin („w ciągu 24 godzin”) albo zdarzenie, po "
                       "którym następuje sprawdzenie („po spotkaniu”);"}, lang,
                b=", ".join(quote(k, lang) for k in no_when))))
        return finish_issues(issues, ctx)

    def show(self, value: Any, ctx: Any) -> str:
        """How many control points."""
        return "" if not value else tr({"en": "{n} control points", "pl": "punkty kontrolne: {n}"}, ctx.language,
                                       n=len(value))

    def form(self, question: Any, current: Any) -> Any:
        """A text area per block of the diagram: "what; when"."""
        from ..widgets.forms import text_grid

        blocks = question.ctx.answer("2") or []
        cur = current if isinstance(current, Mapping) else {}
        values = {}
        for b in blocks:
            cp = read_control_point(cur.get(b))
            values[b] = f"{cp[0]}; {cp[1]}" if cp else ""
        return text_grid([(b, b) for b in blocks], values, question.check, question.lang)


def _documents_note(items: list[str], ctx) -> str:
    text = normalise(" ".join(items))
    absent = [tr(name, ctx.language) for name, words in ARTICLE_DOCUMENTS.values()
              if not any(normalise(w) in text for w in words)]
    if not absent:
        return tr({"en": "Your list has every kind of document the client receives in the article's process.",
                   "pl": "Na Twojej liście są wszystkie rodzaje dokumentów, które klient dostaje w procesie z "
                         "artykułu."}, ctx.language)
    if len(absent) == 1:
        return tr({"en": "In the article's process the client also receives: {d}. Is leaving it out on purpose?",
                   "pl": "W procesie z artykułu klient dostaje też: {d}. Czy pominięcie tego dokumentu jest "
                         "celowe?"}, ctx.language, d=absent[0])
    return tr({"en": "In the article's process the client also receives: {d}. Is leaving them out on purpose?",
               "pl": "W procesie z artykułu klient dostaje też: {d}. Czy pominięcie tych dokumentów jest celowe?"},
              ctx.language, d=", ".join(absent))


_REPORT_CHOICES = {"yes": ["tak", "y", "t", "+", "true", "in a report", "w raporcie"],
                   "partly": ["częściowo", "partially", "partial", "+/-", "part", "czesciowo"],
                   "no": ["nie", "n", "-", "false", "not in a report", "brak"]}


class ReportsAnswer(ChoicesAnswer):
    """Today's control points, each marked as in a report (yes / partly / no); at least three.

    PL: dzisiejsze punkty kontrolne i czy są w raportach.
    """

    def __init__(self):
        super().__init__(lambda ctx: [], _REPORT_CHOICES)

    def read(self, answer: Any, ctx: Any) -> Reading:
        """``{control point: yes|partly|no}``; booleans read as yes and no."""
        if not isinstance(answer, Mapping):
            return Reading(problem="wrong_type", message=tr(
                {"en": "Give each control point and whether a report shows it: {\"offer validity date\": \"no\", ...}.",
                 "pl": "Podaj każdy punkt kontrolny i czy widać go w raporcie: {\"data ważności oferty\": \"nie\", "
                       "...}."}, ctx.language))
        out, outside = {}, []
        for k, v in answer.items():
            name = " ".join(str(k).split())
            if not name:
                continue
            choice = ("yes" if v else "no") if isinstance(v, bool) else self.choice(v)
            if choice is None:
                outside.append(f"{quote(name, ctx.language)}: {quote(v, ctx.language)}")
            else:
                out[name] = choice
        if outside:
            return Reading(problem="unknown_choice", message=tr(
                {"en": "Answer yes, partly or no for: {o}.",
                 "pl": "Przy każdym punkcie odpowiedz: tak, częściowo lub nie; popraw: {o}."},
                ctx.language, o="; ".join(outside)))
        if not out:
            return _no_point_yet(ctx)
        return Reading(out)

    def judge(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Noted with at least three control points, with what the reports leave out."""
        lang, marks = ctx.language, reading.value
        if len(marks) < 3:
            return finish_issues([("too_few", tr({"en": "{n} control point(s); list at least 3.",
                                                   "pl": "punkty kontrolne: {n}; wymień co najmniej 3."}, lang,
                                                  n=len(marks)))], ctx)
        outside = [k for k, v in marks.items() if v != "yes"]
        inside = len(marks) - len(outside)
        text = tr({"en": "{i} of {n} of your control points are in the reports you receive.",
                   "pl": "Twoje punkty kontrolne widoczne w otrzymywanych raportach: {i} z {n}."}, lang,
                  i=inside, n=len(marks))
        if outside:
            text += " " + tr({"en": "Not (fully) in a report: {o}: nobody can see whether they are kept.",
                              "pl": "Raporty nie pokazują (w pełni): {o}; nikt więc nie widzi, czy te punkty "
                                    "kontrolne są dotrzymywane."},
                             lang, o=", ".join(quote(o, lang) for o in outside))
        return Outcome("noted", f"{t('ex_noted', lang)} {text}")

    def show(self, value: Any, ctx: Any) -> str:
        """How many control points are in reports."""
        if not value:
            return ""
        return tr({"en": "{i} of {n} in reports", "pl": "{i} z {n} w raportach"}, ctx.language,
                  i=sum(v == "yes" for v in value.values()), n=len(value))

    def form(self, question: Any, current: Any) -> Any:
        """A text area, one control point per line with its answer after a semicolon."""
        from ..widgets.forms import list_box

        lines = [f"{k}; {v}" for k, v in (current or {}).items()] if isinstance(current, Mapping) else []

        def check(items):
            return question.check(dict(tuple(x.strip() for x in (i.split(";", 1) + [""])[:2]) for i in items))
        return list_box(lines, check, question.lang)


def _documents_model(ctx) -> list[str]:
    return [tr(name, ctx.language) for name, _ in ARTICLE_DOCUMENTS.values()]


def _reports_model(ctx) -> dict:
    """The article's control points, marked by what the company's own data can report."""
    c, lang = ctx.company, ctx.language
    has = {name: getattr(c, name, None) is not None for name in ("deals", "contacts", "satisfaction")}
    rows = [
        ({"en": "meeting notes sent", "pl": "fakt przesłania protokołu spotkania"}, "no"),
        ({"en": "offer validity date", "pl": "data ważności oferty"}, "partly" if has["deals"] else "no"),
        ({"en": "invoice validity date", "pl": "data ważności faktury"}, "no"),
        ({"en": "event date", "pl": "data wydarzenia"}, "partly" if has["deals"] else "no"),
        ({"en": "satisfaction assessment date",
          "pl": "data oceny satysfakcji"}, "yes" if has["satisfaction"] else "no"),
        ({"en": "date of changes to the agreement or offer", "pl": "data zmian w umowie lub ofercie"}, "no"),
        ({"en": "date to retry a refused presentation",
          "pl": "data ponownej próby umówienia prezentacji po odmowie"},
         "partly" if has["deals"] else "no"),
        ({"en": "intervals between contacts with the client", "pl": "przerwy między kontaktami z klientem"},
         "yes" if has["contacts"] else "no"),
    ]
    # the answer as a participant types it, in the participant's language ("tak", "częściowo", "nie")
    words = {"yes": {"en": "yes", "pl": "tak"}, "partly": {"en": "partly", "pl": "częściowo"},
             "no": {"en": "no", "pl": "nie"}}
    return {tr(name, lang): tr(words[v], lang) for name, v in rows}


def _blocks_extra(items: list[str], ctx) -> list:
    long = [i for i in items if len(i) > 60]
    if long:
        return [("too_long", tr({"en": "give each block a short name (at most 60 characters): {b};",
                                 "pl": "nazwij każdy blok krótko (najwyżej 60 znaków): {b};"}, ctx.language,
                                b=", ".join(quote(i[:30] + "…", ctx.language) for i in long)))]
    return []


QUESTIONS = [
    Question(
        "1a", {"en": "documents used", "pl": "używane dokumenty"},
        {"en": "List the documents you currently use when working with clients, one per item: "
               "`[\"...\", \"...\"]`.",
         "pl": "Zrób listę dokumentów, których obecnie używasz w pracy z klientami, każdy jako osobną pozycję: "
               "`[\"...\", \"...\"]`."},
        ListAnswer(3, 20, note=_documents_note),
        None,
        {"en": "Follow one client from the first meeting to the satisfaction survey: what does the client receive "
               "or sign at each step?",
         "pl": "Prześledź jednego klienta od pierwszego spotkania do ankiety satysfakcji: co klient dostaje lub "
               "podpisuje na każdym etapie?"},
        {"en": "The article's event agency sends the client at least: meeting notes, a commercial offer, an "
               "agreement, an act of acceptance with the invoice and a satisfaction questionnaire. The article: "
               "“the forms of these documents must be developed at the company level, approved by management and "
               "binding”.",
         "pl": "Agencja eventowa z artykułu wysyła klientowi co najmniej: protokół ze spotkania, ofertę handlową, "
               "umowę (porozumienie), protokół odbioru z fakturą i ankietę satysfakcji. Artykuł: „Formy tych "
               "dokumentów muszą być opracowane na poziomie przedsiębiorstwa, zatwierdzone przez kierownictwo "
               "i mieć charakter wiążący”."},
        model=_documents_model,
    ),
    Question(
        "1b", {"en": "control points and reports", "pl": "punkty kontrolne a raporty"},
        {"en": "The article asks: “do the control points match the reports prepared for you?” List the control "
               "points you watch today and, for each, whether a report you receive shows it: "
               "`{\"offer validity date\": \"no\", ...}` (yes / partly / no).",
         "pl": "Artykuł pyta: „Czy punkty kontrolne odpowiadają przygotowanym dla Ciebie raportom?” Wymień punkty "
               "kontrolne, które obserwujesz dziś, i przy każdym zaznacz, czy widać go w otrzymywanym raporcie: "
               "`{\"data ważności oferty\": \"nie\", ...}` (tak / częściowo / nie)."},
        ReportsAnswer(),
        None,
        {"en": "A control point is a fact with a date: the meeting notes were sent, the offer expires, the event "
               "takes place. Then look at your reports: which of these dates do they show?",
         "pl": "Punkt kontrolny to fakt z datą: protokół został wysłany, oferta wygasa, wydarzenie się odbywa. "
               "Potem spójrz na raporty: które z tych dat pokazują?"},
        {"en": "The article's control points: meeting notes sent, offer validity date, invoice validity date, "
               "event date, satisfaction assessment date, date of changes to the agreement or offer, the date to "
               "retry a refused presentation, intervals between contacts with the client. The article: “strict "
               "control of these points is necessary to complete the sales process successfully”; a control point "
               "no report shows cannot be controlled.",
         "pl": "Punkty kontrolne z artykułu: fakt przesłania protokołu spotkania, data ważności oferty, data "
               "ważności faktury, data wydarzenia, data oceny satysfakcji, data zmian w umowie lub ofercie, data "
               "ponownej próby umówienia prezentacji po odmowie, przerwy między kontaktami z klientem. Artykuł: "
               "„Aby pomyślnie zakończyć proces sprzedaży, konieczna jest ścisła kontrola tych punktów”; punktu "
               "kontrolnego, którego nie pokazuje żaden raport, nie da się kontrolować."},
        model=_reports_model,
    ),
    Question(
        "2", {"en": "diagram of work with clients", "pl": "schemat pracy z klientami"},
        {"en": "Draw an approximate diagram of work with clients in your organisation: 4 to 7 blocks, in order: "
               "`[\"first block\", \"second block\", ...]`.",
         "pl": "Narysuj przybliżony schemat pracy z klientami w Twojej organizacji: od 4 do 7 bloków, po kolei: "
               "`[\"pierwszy blok\", \"drugi blok\", ...]`."},
        ListAnswer(4, 7, extra=_blocks_extra),
        None,
        {"en": "Start from the stages of a successful sale, as the article does: what happens between the first "
               "contact and the closed deal?",
         "pl": "Zacznij od etapów udanej sprzedaży, jak w artykule: co się dzieje między pierwszym kontaktem a "
               "zamkniętą transakcją?"},
        {"en": "The article's event agency formalised six stages: presentation, offer, agreement, payment, event, "
               "closing (+ follow-up). Acquisition and the later development of the client are processes of their "
               "own.",
         "pl": "Agencja eventowa z artykułu sformalizowała sześć etapów: prezentacja, oferta, porozumienie, "
               "zapłata, wydarzenie, zamknięcie (+ kontynuacja). Pozyskanie klienta i jego dalszy rozwój to "
               "osobne procesy."},
        model=lambda ctx: model_blocks(ctx.company, ctx.language),
    ),
    Question(
        "3", {"en": "a control point per block", "pl": "punkt kontrolny dla każdego bloku"},
        {"en": "For every block of your diagram, define a control point: what is checked, and when (a date, a "
               "time limit or the event that triggers it): `{\"block\": (\"what\", \"when\"), ...}`.",
         "pl": "Dla każdego bloku swojego schematu z pytania 2 określ punkt kontrolny: co jest sprawdzane i kiedy "
               "(data, termin albo zdarzenie, po którym następuje sprawdzenie): "
               "`{\"blok\": (\"co\", \"kiedy\"), ...}`."},
        ControlPointsAnswer(),
        None,
        {"en": "Ask of each block: how will a manager know, and by when, that it went right?",
         "pl": "Przy każdym bloku zapytaj: skąd kierownik będzie wiedział, że wszystko poszło dobrze, i do kiedy "
               "ma się tego dowiedzieć?"},
        {"en": "Each control point is a fact with a date or a trigger that someone can audit, like the standard in "
               "the article *Standards and good practices in sales*: call the client back “no later than 2 hours” "
               "after the call; “quickly” alone is not one.",
         "pl": "Każdy punkt kontrolny to fakt z terminem albo zdarzeniem, który ktoś może sprawdzić, jak standard "
               "z artykułu *Standardy i dobre praktyki w sprzedaży*: oddzwonić do klienta „nie później niż 2h od "
               "jego telefonu”; samo „szybko” nie jest punktem kontrolnym."},
        depends_on=("2",),
        model=lambda ctx: {b: model_control_points(ctx.company, ctx.language).get(b, tuple(
            tr(x, ctx.language) for x in _GENERIC_POINT)) for b in (ctx.answer("2") or [])},
    ),
]


def diagram_chart(ex: Exercise) -> Any:
    """The participant's diagram with their control points (PL: schemat z punktami kontrolnymi).

    Parameters
    ----------
    ex : Exercise
        After question 2 (and 3, for the control points).

    Returns
    -------
    matplotlib.figure.Figure or Note
        :func:`salesnb.plots.exercises.process_chart`, or a note asking for question 2 first.
    """
    from ..plots.exercises import process_chart

    blocks = ex.ctx.answer("2")
    if not blocks:
        return Note(t("ex_waiting", ex.language).format(keys="2"))
    points = ex.ctx.answer("3") or {}
    by_name = {normalise(k): v for k, v in points.items()}
    return process_chart(blocks, [by_name.get(normalise(b)) for b in blocks], ex.language)


def exercise(company: Any, language: str | None = None, *, participant: Any = None, answers_dir: Any = None,
             dataset: Any = None) -> Exercise:
    """Practical exercise set 2 bound to a company (PL: zadania praktyczne: dokumenty i punkty kontrolne).

    Parameters
    ----------
    company : Company
        The participant's company (its sales stages give the model answers).
    language : {"en", "pl"}, optional
        Default the company's ``language``, else English.
    participant : str, optional
        The participant's name; None makes a demonstration run (model answers, nothing saved).
    answers_dir : str or pathlib.Path, optional
        Where answers are kept (``<answers_dir>/client_process/<participant>.json``).
    dataset : str, optional
        The company folder as given, saved with the answers.

    Returns
    -------
    Exercise

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    return Exercise(KEY, TITLE, QUESTIONS, company, language, participant=participant, answers_dir=answers_dir,
                    dataset=dataset, params={"deal_stages": list(getattr(company, "deal_stages", ()) or ())})
