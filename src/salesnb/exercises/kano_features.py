"""A Kano exercise: your own reading of your offer against your clients' (PL: zadanie Kano).

This workbook's exercise (the article *Kano model and good practices* has no practical exercise
set): the participant first classifies the features of their own offer (the features of the
dataset's Kano survey) as basic needs, performance needs, delighters, indifferent or reverse,
**before** seeing the survey; then compares with what the clients answered (where they agree,
where the survey surprises), picks the feature to fix first, and says what the surprises change.

Questions: 1 the participant's category per feature; 2 the feature to invest in first (right:
the top of :func:`salesnb.kano.priorities`: basic needs before delighters, as the article argues, and
the worst rated basic need first, this workbook's decision); 3 what
surprised them, naming a feature where their own answer to 1 and the survey differ.

The model answers of a demonstration run are the categories of the survey's **first** wave:
what a manager who last looked at the first survey would answer today, so the comparison shows
the article's lesson that satisfaction is not fixed.
"""
from __future__ import annotations

import warnings
from typing import Any

import pandas as pd

from .. import kano
from ..errors import DataWarning
from ..i18n import LABELS, t
from .answers import OpenAnswer, Requirement, TextAnswer
from .core import Exercise, Note, Outcome, Question, quote, tr
from .reading import Reading, normalise
from .structured import ChoicesAnswer

__all__ = ["CATEGORIES", "KEY", "QUESTIONS", "TITLE", "comparison", "comparison_table", "exercise", "features",
           "features_table", "survey_categories"]

KEY = "kano_features"
TITLE = {"en": "Kano: your offer through your clients' eyes", "pl": "Kano: Twoja oferta oczami klientów"}

#: The categories a participant chooses from, and the words each may be typed as.
CATEGORIES: dict[str, list[str]] = {
    "M": ["must-be", "must be", "basic", "basic need", "podstawowe", "podstawowa", LABELS["kano_cat_M"]["en"],
          LABELS["kano_cat_M"]["pl"]],
    "O": ["one-dimensional", "performance", "performance need", "świadome", "wymaganie", LABELS["kano_cat_O"]["en"],
          LABELS["kano_cat_O"]["pl"]],
    "A": ["attractive", "delighter", "zachwyt", LABELS["kano_cat_A"]["en"], LABELS["kano_cat_A"]["pl"]],
    "I": ["indifferent", "obojętna", "obojętne", LABELS["kano_cat_I"]["en"], LABELS["kano_cat_I"]["pl"]],
    "R": ["reverse", "odwrotna", LABELS["kano_cat_R"]["en"], LABELS["kano_cat_R"]["pl"]],
}
_ORDER = {"A": 3, "O": 2, "M": 1}
#: What a move down the Kano order means, by the category the participant expected.
_DECAY = {"A": {"en": "(what delighted is now expected)", "pl": "(to, co zachwycało, jest już oczekiwane)"},
          "O": {"en": "(a performance need has become a basic one)",
                "pl": "(wymaganie świadome klienci uważają już za oczywiste)"}}
_MEANS = {
    "M": {"en": "its absence angers clients: a basic need, fix it first",
          "pl": "oczekiwanie podstawowe: jej brak wywołuje niezadowolenie, więc trzeba ją poprawić w pierwszej "
                "kolejności"},
    "O": {"en": "the more, the better: a performance need",
          "pl": "wymaganie świadome: im lepiej jest spełniona, tym większe zadowolenie"},
    "A": {"en": "it delights; invest only once the basic needs are met",
          "pl": "czynnik zachwytu: inwestuj w nią dopiero wtedy, gdy oczekiwania podstawowe są spełnione"},
    "I": {"en": "clients are indifferent: no investment", "pl": "cecha obojętna: nie warto w nią inwestować"},
    "R": {"en": "clients prefer it absent", "pl": "cecha odwrotna: klienci wolą jej brak"},
    "Q": {"en": "contradictory answers: check the question", "pl": "sprzeczne odpowiedzi: sprawdź pytanie"},
}


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return fn(*args, **kwargs)


def survey_categories(company: Any, wave: Any = "latest") -> pd.Series:
    """Each feature's category in a wave of the company's survey, by the mode (PL: kategorie z ankiety).

    Parameters
    ----------
    company : Company
        With a ``kano_survey`` table.
    wave : "latest", "first" or a wave label, default "latest"

    Returns
    -------
    pandas.Series
        Feature -> category code (M, O, A, I, R, Q), sorted by feature.
    """
    if wave == "first":
        waves = kano.wave_order(company.kano_survey["wave"]) if "wave" in company.kano_survey else [None]
        wave = waves[0] if waves and waves[0] is not None else "latest"
    survey, _ = _quiet(kano.select_wave, company, wave)
    return _quiet(kano.summarize, survey)["category_mode"].astype(str).sort_index()


def features(company: Any) -> list[str]:
    """The features of the latest wave of the survey (PL: cechy oferty z ankiety).

    Parameters
    ----------
    company : Company

    Returns
    -------
    list of str
    """
    return [str(f) for f in survey_categories(company).index]


def features_table(company: Any) -> pd.DataFrame:
    """The features of the latest wave, as a table to show (PL: tabela cech oferty).

    Parameters
    ----------
    company : Company

    Returns
    -------
    pandas.DataFrame
        One column, ``feature``.
    """
    return pd.DataFrame({"feature": features(company)})


def _features(ctx) -> list:
    return ctx.memo("features", lambda: [(f, f) for f in features(ctx.company)])


def _survey(ctx) -> pd.Series:
    return ctx.memo("survey", lambda: survey_categories(ctx.company))


def _reading(yours: str | None, survey: str, language: str) -> str:
    if yours is None:
        return tr(_MEANS.get(survey, _MEANS["Q"]), language)
    if yours == survey:
        return tr({"en": "you read your clients right", "pl": "trafnie odczytujesz klientów"}, language)
    text = tr({"en": "clients say: {m}", "pl": "zdaniem klientów: {m}"}, language, m=tr(_MEANS.get(survey, _MEANS["Q"]),
                                                                                    language))
    if yours in _ORDER and survey in _ORDER and _ORDER[yours] > _ORDER[survey]:
        text += " " + tr(_DECAY[yours], language)
    return text


def comparison(company: Any, yours: dict | None, language: str) -> pd.DataFrame:
    """The participant's categories beside the survey's (PL: Twoje kategorie a ankieta).

    Parameters
    ----------
    company : Company
    yours : dict or None
        ``{feature: category}`` (question 1).
    language : {"en", "pl"}

    Returns
    -------
    pandas.DataFrame
        Index ``feature``; columns ``your_category``, ``category_mode`` (the survey's latest wave),
        ``agree``, ``reading`` (what the survey says, in words), and, when the company has a
        satisfaction survey, how clients rate each feature there over the same period as
        :func:`salesnb.kano.priorities` (12 months by default): ``score_mean`` (1-5) and
        ``share_low`` (the share of scores 1-3), NaN for a feature nobody rated. Question 2 needs
        them: the worst rated basic need comes first.
    """
    survey = survey_categories(company)
    yours = yours or {}
    rows = [{"feature": f, "your_category": yours.get(f), "category_mode": c,
             "agree": yours.get(f) == c if yours.get(f) else None, "reading": _reading(yours.get(f), c, language)}
            for f, c in survey.items()]
    out = pd.DataFrame(rows).set_index("feature")
    if getattr(company, "satisfaction", None) is not None:
        order = _quiet(kano.priorities, company).order
        ratings = order[["score_mean", "share_low"]].reindex(out.index.astype(str))
        out[["score_mean", "share_low"]] = ratings.to_numpy(dtype=float)
    return out


def comparison_table(ex: Exercise) -> Any:
    """:func:`comparison` for the participant, formatted; only after question 1 is answered.

    PL: tabela porównania.

    Parameters
    ----------
    ex : Exercise

    Returns
    -------
    salesnb.present.Table or Note
    """
    from ..present import show

    yours = ex.ctx.answer("1")
    if not yours:
        return Note(t("ex_waiting", ex.language).format(keys="1"))
    return show(comparison(ex.company, yours, ex.language), ex.language, prefixes=("kano_col_",), max_rows=None)


def _disagree(ctx) -> list[str]:
    yours = ctx.answer("1") or {}
    survey = _survey(ctx)
    return [f for f, c in survey.items() if f in yours and yours[f] != c]


def _first(ctx) -> str:
    return str(_quiet(kano.priorities, ctx.company).order.index[0])


class FixFirstAnswer(TextAnswer):
    """The feature to invest in first, each wrong choice explained by its category in the survey.

    PL: cecha do poprawy w pierwszej kolejności.
    """

    kinds = {"delighter": {"en": "a delighter first", "pl": "najpierw czynnik zachwytu"},
             "performance": {"en": "a performance need first", "pl": "najpierw wymaganie świadome"},
             "indifferent": {"en": "an indifferent feature", "pl": "cecha obojętna"},
             "other_basic": {"en": "another basic need", "pl": "inne oczekiwanie podstawowe"}}

    def fallback(self, reading: Reading, expected: Any, question: Any, ctx: Any) -> Outcome:
        """Why the chosen feature is not the first investment."""
        lang = ctx.language
        cat = _survey(ctx).get(reading.value, "Q")
        own = (ctx.answer("1") or {}).get(reading.value)
        kind = {"A": "delighter", "O": "performance", "M": "other_basic"}.get(cat, "indifferent")
        text = {
            "delighter": {"en": "clients see {f} as a delighter, and the article says “there is no point "
                                "investing in delighters while the clients' basic expectations are unmet”.",
                          "pl": "klienci postrzegają cechę {f} jako czynnik zachwytu, a artykuł mówi: „nie ma sensu "
                                "inwestować w czynniki zachwytu, jeśli podstawowe oczekiwania klientów nie są "
                                "zaspokojone”."},
            "performance": {"en": "{f} is a performance need: this workbook puts performance needs after the basic "
                                  "needs.",
                            "pl": "cecha {f} to wymaganie świadome, a te materiały stawiają wymagania świadome po "
                                  "oczekiwaniach podstawowych."},
            "other_basic": {"en": "{f} is a basic need, the right kind; but another basic need scores worse in "
                                  "your clients' satisfaction ratings, and this workbook puts the worst rated first: "
                                  "look at the ratings.",
                            "pl": "cecha {f} to oczekiwanie podstawowe, więc kierunek jest dobry; ale inne "
                                  "oczekiwanie podstawowe ma gorsze oceny w badaniu satysfakcji, a te materiały "
                                  "stawiają najgorzej oceniane na pierwszym miejscu: spójrz na oceny."},
            "indifferent": {"en": "clients are indifferent to {f} (or want it absent): no investment.",
                            "pl": "cecha {f} jest klientom obojętna (albo wolą jej brak): nie warto w nią "
                                  "inwestować."},
        }[kind]
        msg = tr(text, lang, f=quote(reading.value, lang))
        if own and own != cat:
            msg += " " + tr({"en": "(You classified it as {c} yourself in question 1.)",
                             "pl": "(Twoja kategoria tej cechy w pytaniu 1: {c}.)"}, lang,
                            c=t(f"kano_cat_{own}", lang))
        return Outcome("incorrect", f"{t('ex_incorrect', lang)}: {msg}", kind=kind)


def _mentions_surprise(text: str, ctx) -> bool:
    differ = _disagree(ctx)
    return not differ or any(normalise(f) in normalise(text) for f in differ)


def _surprise_model(ctx) -> str:
    differ = _disagree(ctx)
    lang = ctx.language
    if not differ:
        return tr({"en": "The survey agrees with my reading of every feature; I will repeat it next year, because "
                         "client satisfaction is not fixed and changes over time.",
                   "pl": "Ankieta zgadza się z moją oceną każdej cechy; powtórzę ją za rok, bo zadowolenie klientów "
                         "nie jest stałe i zmienia się z biegiem czasu."}, lang)
    survey = _survey(ctx)
    f = differ[0]
    yours = (ctx.answer("1") or {})[f]
    text = tr({"en": "The survey surprised me on {f}: I took it for {y}, but for clients it is now {s}. So: {m}. ",
               "pl": "Ankieta zaskoczyła mnie przy cesze {f}: w mojej ocenie to {y}, a dla klientów to teraz {s}. "
                     "Wniosek: {m}. "}, lang,
              f=quote(f, lang), y=t(f"kano_cat_{yours}", lang), s=t(f"kano_cat_{survey[f]}", lang),
              m=tr(_MEANS.get(survey[f], _MEANS["Q"]), lang))
    if yours in _ORDER and survey[f] in _ORDER and _ORDER[yours] > _ORDER[survey[f]]:
        before = {"A": {"en": "What delighted clients before is now expected",
                        "pl": "To, co wcześniej zachwycało, jest już oczekiwane"},
                  "O": {"en": "What was a performance need is now taken for granted",
                        "pl": "To, co było wymaganiem świadomym, klienci uważają już za oczywiste"}}[yours]
        return text + tr(before, lang) + tr({"en": ": as the article says, “the more aware the client, the higher "
                                                   "the expectations”.",
                                             "pl": "; jak pisze artykuł, „im większa świadomość klienta, tym "
                                                   "większe oczekiwania”."}, lang)
    return text + tr({"en": "Categories move as clients learn, so I will check them again in the next wave.",
                      "pl": "Kategorie przesuwają się, gdy zmieniają się oczekiwania klientów, więc sprawdzę je "
                            "ponownie w następnej fali badania."}, lang)


QUESTIONS = [
    Question(
        "1", {"en": "your categories", "pl": "Twoje kategorie"},
        {"en": "Before looking at the survey: how do your clients see each feature of your offer? For each, one "
               "of M (basic need), O (performance need), A (delighter), I (indifferent), R (reverse): "
               "`{\"feature\": \"M\", ...}`.",
         "pl": "Zanim zajrzysz do wyników ankiety: jak Twoim zdaniem klienci postrzegają każdą cechę Twojej "
               "oferty? Dla każdej cechy wybierz jedną kategorię: M (oczekiwanie podstawowe), O (wymaganie "
               "świadome), A (czynnik zachwytu), I (cecha obojętna), R (cecha odwrotna): "
               "`{\"cecha\": \"M\", ...}`."},
        ChoicesAnswer(_features, CATEGORIES,
                      tooltips=lambda lang: {c: f"{c} – {t(f'kano_cat_{c}', lang)}" for c in CATEGORIES}),
        None,
        {"en": "Ask of each feature: would a client be angry without it (M), happier with more of it (O), "
               "delighted by it but not missing it (A), or not care (I)?",
         "pl": "Przy każdej cesze zapytaj: czy klient byłby niezadowolony bez niej (M), tym bardziej zadowolony, "
               "im lepiej jest spełniona (O), zachwycony jej obecnością, choć jej brak by go nie rozczarował (A), "
               "czy jest mu obojętna (I)?"},
        {"en": "There is no single right answer: it is your reading, which you compare next with what your clients "
               "answered.",
         "pl": "Nie ma jednej dobrej odpowiedzi: to Twoja ocena, którą w następnym kroku porównasz z odpowiedziami "
               "klientów."},
        model=lambda ctx: survey_categories(ctx.company, "first").to_dict(),
    ),
    Question(
        "2", {"en": "the feature to fix first", "pl": "cecha do poprawy w pierwszej kolejności"},
        {"en": "With the survey in front of you: which feature should the company invest in first? (Its name.)",
         "pl": "Mając przed sobą wyniki ankiety: w którą cechę firma powinna zainwestować najpierw? (Podaj jej "
               "nazwę.)"},
        FixFirstAnswer(lambda ctx: [f for f, _ in _features(ctx)]),
        _first,
        {"en": "The article: “there is no point investing in delighters while the clients' basic expectations are "
               "unmet”. This workbook's decision: among the basic needs, the one your clients rate worst comes "
               "first: see the mean score and the share of scores 1-3 in the table above.",
         "pl": "Artykuł: „nie ma sensu inwestować w czynniki zachwytu, jeśli podstawowe oczekiwania klientów nie są "
               "zaspokojone”. Decyzja przyjęta w tych materiałach: wśród oczekiwań podstawowych najpierw to, "
               "które klienci oceniają najgorzej: zobacz średnią ocenę i udział ocen 1–3 w tabeli powyżej."},
        {"en": "`salesnb.kano.priorities(company).order`: basic needs first (worst rated first), then performance "
               "needs, then delighters (the article puts basic needs before delighters; the rest of the order is "
               "this workbook's decision).",
         "pl": "`salesnb.kano.priorities(company).order`: najpierw oczekiwania podstawowe (od najgorzej "
               "ocenianego), potem wymagania świadome, na końcu czynniki zachwytu (artykuł stawia oczekiwania "
               "podstawowe przed czynnikami zachwytu; reszta tej kolejności to decyzja przyjęta w tych "
               "materiałach)."},
    ),
    Question(
        "3", {"en": "what surprised you", "pl": "co Cię zaskoczyło"},
        {"en": "Where did the survey surprise you, and what does it change in your plans?",
         "pl": "W czym ankieta Cię zaskoczyła i co to zmienia w Twoich planach?"},
        OpenAnswer(10, [Requirement(
            "no_feature", _mentions_surprise,
            {"en": "name at least one feature where your answer to 1 and the survey differ: {differ};",
             "pl": "wymień co najmniej jedną cechę, przy której Twoja odpowiedź z pytania 1 różni się od ankiety: "
                   "{differ};"},
            {"en": "no feature named", "pl": "bez nazwy cechy"})]),
        None,
        {"en": "Look at the rows where you and your clients disagree.",
         "pl": "Spójrz na wiersze, w których Ty i klienci się nie zgadzacie."},
        {"en": "A feature you rated higher than your clients (a delighter they now expect) shows the article's "
               "lesson that client satisfaction “is not fixed and changes over time”: it now has to be delivered "
               "every time.",
         "pl": "Cecha, którą oceniasz wyżej niż klienci (czynnik zachwytu, którego już oczekują), ilustruje "
               "wniosek z artykułu: „zadowolenie klientów nie jest stałe i zmienia się z biegiem czasu”. Teraz "
               "trzeba ją zapewniać za każdym razem."},
        depends_on=("1",), model=_surprise_model,
        fields=lambda ctx: {"differ": ", ".join(quote(f, ctx.language) for f in _disagree(ctx))},
    ),
]


def exercise(company: Any, language: str | None = None, *, participant: Any = None, answers_dir: Any = None,
             dataset: Any = None) -> Exercise:
    """The Kano exercise bound to a company (PL: zadanie Kano dla danej firmy).

    Parameters
    ----------
    company : Company
        With a ``kano_survey`` table.
    language : {"en", "pl"}, optional
        Default the company's ``language``, else English.
    participant : str, optional
        The participant's name; None makes a demonstration run (model answers, nothing saved).
    answers_dir : str or pathlib.Path, optional
        Where answers are kept (``<answers_dir>/kano_features/<participant>.json``).
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
    survey, wave = _quiet(kano.select_wave, company, "latest")
    return Exercise(KEY, TITLE, QUESTIONS, company, language, participant=participant, answers_dir=answers_dir,
                    dataset=dataset, params={"wave": None if wave is None else str(wave)})
