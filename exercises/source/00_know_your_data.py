# salesnb: {"title": {"en": "Exercise 0: know your data", "pl": "Zadanie 0: poznaj swoje dane"}, "requires": ["transactions"]}
# %% [markdown] lang="en"
# # Exercise 0 · Know your data
#
# Three questions about your own company's data, answered with pandas and the `salesnb` library,
# before the articles' exercises: a warm-up this workbook proposes, not one of the articles'
# exercises. Counts and money are checked exactly (money to the grosz).
#
# **How to answer.** Put your name in `participant` below (your answers are then kept in
# `answers_dir`, the folder your trainer gives you). Replace `None` in each `answer_...` cell and
# run it: `check` says whether the answer is right and, if not, what kind of mistake it is.
# Numbers may be typed the Polish way, in quotes: `"2 652 131,62"`. `hint()` nudges, `solution()`
# shows the way. Point `dataset` at your company folder (see `docs/data-format.md`), or keep the
# sample.
# %% [markdown] lang="pl"
# # Zadanie 0 · Poznaj swoje dane
#
# Trzy pytania o dane Twojej firmy, na które odpowiesz za pomocą pandas i biblioteki `salesnb`,
# zanim przejdziesz do zadań z artykułów. To rozgrzewka zaproponowana w tych materiałach, a nie
# jedno z zadań z artykułów. Liczby i kwoty są sprawdzane dokładnie (kwoty co do grosza).
#
# **Jak odpowiadać.** Wpisz swoje imię w `participant` poniżej (odpowiedzi będą wtedy zapisywane w
# `answers_dir`, folderze wskazanym przez prowadzącego). Zastąp `None` w każdej komórce
# `answer_...` i uruchom ją: `check` mówi, czy odpowiedź jest dobra, a jeśli nie, jaki to rodzaj
# błędu. Liczby można wpisywać po polsku, w cudzysłowie: `"2 652 131,62"`. `hint()` podpowiada,
# `solution()` pokazuje rozwiązanie. Ustaw `dataset` na folder swojej firmy (zob.
# `docs/data-format.md`) albo zostaw przykładową firmę.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] your company folder [pl] folder Twojej firmy
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
participant = None  # [en] your name, e.g. "Anna Kowalska"; None: a demonstration with the model answers [pl] Twoje imię i nazwisko, np. "Anna Kowalska"; None: pokaz z odpowiedziami wzorcowymi
answers_dir = "../answers"  # [en] the folder of the answers of the room, given by the trainer [pl] folder z odpowiedziami uczestników, wskazany przez prowadzącego

# %%
import salesnb
from salesnb import present
from salesnb.exercises import know_your_data

company = salesnb.load_company(dataset)
ex = know_your_data.exercise(company, language, participant=participant, answers_dir=answers_dir, dataset=dataset)
tx = company.transactions  # [en] the transactions, ready for pandas [pl] transakcje, gotowe do pracy w pandas
present.about(company, language)

# %%
ex

# %%
ex.q1

# %%
answer_1 = None  # [en] a whole number [pl] liczba całkowita
ex.q1.check(answer_1)

# %%
# ex.q1.hint()

# %%
# ex.q1.solution()

# %%
ex.q2

# %%
answer_2 = None  # [en] an amount to the grosz, e.g. "1 234 567,89" [pl] kwota co do grosza, np. "1 234 567,89"
ex.q2.check(answer_2)

# %%
# ex.q2.hint()

# %%
# ex.q2.solution()

# %%
ex.q3

# %%
answer_3 = None  # [en] the name of the product line, in quotes [pl] nazwa linii produktów, w cudzysłowie
ex.q3.check(answer_3)

# %%
# ex.q3.hint()

# %%
# ex.q3.solution()

# %% [markdown] lang="en"
# ## Your results
# %% [markdown] lang="pl"
# ## Twoje wyniki

# %%
ex.results()
