# salesnb: {"title": {"en": "Kano: your offer through your clients' eyes", "pl": "Kano: Twoja oferta oczami klientów"}, "requires": ["kano_survey"]}
# %% [markdown] lang="en"
# # Kano · Your offer through your clients' eyes
#
# The article *Kano model and good practices* sorts the features of an offer into **basic needs**
# (M: their absence angers), **performance needs** (O: the more, the better) and **delighters**
# (A: they delight, their absence is not missed); the standard Kano questionnaire, which the
# article does not describe, adds indifferent (I) and reverse (R) features. It draws two lessons: satisfaction is not fixed, and there is no point
# investing in delighters while basic needs are unmet.
#
# This exercise is this workbook's own (the article has none): first classify the features of
# your offer **as you believe your clients see them**, then compare with what your clients
# answered in the survey, choose what to fix first and say what surprised you. Put your name in
# `participant` to keep your answers; with no name, the notebook shows a demonstration in which the
# answers are the categories of the survey's first wave.
# %% [markdown] lang="pl"
# # Kano · Twoja oferta oczami klientów
#
# Artykuł *Model Kano i dobre praktyki* dzieli cechy oferty na **oczekiwania podstawowe** (M: ich
# brak wywołuje niezadowolenie), **wymagania świadome** (O: im lepiej są spełnione, tym większe
# zadowolenie) i **czynniki zachwytu** (A: ich obecność zachwyca, a brak nie rozczarowuje);
# standardowa metoda kwestionariuszowa Kano, której artykuł nie opisuje, dodaje cechy obojętne (I)
# i odwrotne (R). Artykuł wskazuje dwa wnioski:
# „zadowolenie klientów nie jest stałe i zmienia się z biegiem czasu” oraz „nie ma sensu inwestować
# w czynniki zachwytu, jeśli podstawowe oczekiwania klientów nie są zaspokojone”.
#
# To zadanie zaproponowano w tych materiałach (artykuł go nie zawiera): najpierw zaklasyfikuj cechy
# swojej oferty **tak, jak Twoim zdaniem widzą je klienci**, potem porównaj z odpowiedziami
# klientów w ankiecie, wybierz, co poprawić najpierw, i napisz, co Cię zaskoczyło. Wpisz swoje
# imię w `participant`, aby zachować odpowiedzi; bez imienia notatnik działa w trybie pokazu:
# odpowiedziami są kategorie z pierwszej fali badania.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] your company folder, with a Kano survey [pl] folder Twojej firmy, z ankietą Kano
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
participant = None  # [en] your name, e.g. "Anna Kowalska"; None: a demonstration with the model answers [pl] Twoje imię i nazwisko, np. "Anna Kowalska"; None: pokaz z odpowiedziami wzorcowymi
answers_dir = "../answers"  # [en] the folder of the answers of the room, given by the trainer [pl] folder z odpowiedziami uczestników, wskazany przez prowadzącego

# %%
import salesnb
from salesnb import present
from salesnb.exercises import kano_features

company = salesnb.load_company(dataset)
ex = kano_features.exercise(company, language, participant=participant, answers_dir=answers_dir, dataset=dataset)
present.about(company, language)

# %%
ex

# %% [markdown] lang="en"
# ## 1 · Your reading first
#
# The features your clients were asked about:
# %% [markdown] lang="pl"
# ## 1 · Najpierw Twoja ocena
#
# Cechy, o które pytano klientów:

# %%
present.show(kano_features.features_table(company), language, max_rows=None)

# %%
ex.q1

# %%
ex.q1.form()  # [en] in JupyterLab: a row of buttons (M, O, A, I, R) per feature [pl] w JupyterLab: rząd przycisków (M, O, A, I, R) dla każdej cechy

# %%
answer_1 = None  # [en] {"feature": "M", ...} [pl] {"cecha": "M", ...}
ex.q1.check(answer_1)

# %% [markdown] lang="en"
# ## 2 · What your clients said
#
# Your category beside the survey's (the latest wave, the most frequent category): where you
# agree, and what the survey says where you do not. The last two columns are how clients rate each
# feature in the satisfaction survey over the last 12 months (mean score 1–5, share of scores 1–3),
# where it was rated: question 2 needs them.
# %% [markdown] lang="pl"
# ## 2 · Co powiedzieli klienci
#
# Twoja kategoria obok kategorii z ankiety (ostatnia fala badania, najczęstsza kategoria): gdzie
# się zgadzacie, a co mówi ankieta tam, gdzie się nie zgadzacie. Dwie ostatnie kolumny pokazują, jak
# klienci oceniają cechę w badaniu satysfakcji z ostatnich 12 miesięcy (średnia ocena 1–5, udział
# ocen 1–3), o ile była oceniana: przydadzą się w pytaniu 2.

# %%
kano_features.comparison_table(ex)

# %%
ex.q2

# %%
answer_2 = None  # [en] the name of a feature, in quotes [pl] nazwa cechy, w cudzysłowie
ex.q2.check(answer_2)

# %%
# ex.q2.hint()

# %%
# ex.q2.solution()

# %%
ex.q3

# %%
answer_3 = None  # [en] your answer in words, in quotes [pl] Twoja odpowiedź słowami, w cudzysłowie
ex.q3.check(answer_3)

# %%
# ex.q3.solution()

# %% [markdown] lang="en"
# ## Your results
# %% [markdown] lang="pl"
# ## Twoje wyniki

# %%
ex.results()
