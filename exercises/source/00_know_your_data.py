# salesnb: {"title": {"en": "Exercise 0: know your data", "pl": "Zadanie 0: poznaj swoje dane"}, "requires": ["transactions"]}
# %% [markdown] lang="en"
# # Exercise 0 · Know your data
#
# Three questions about your own company's data, answered with pandas and the `salesnb` library.
# Each `check` tells you whether the answer is right, and if not, often why. `hint()` nudges,
# `solution()` shows the way. Your answers are saved when `output_dir` is set.
#
# Point `dataset` at your company folder (see `docs/data-format.md`), or keep the sample.
# %% [markdown] lang="pl"
# # Zadanie 0 · Poznaj swoje dane
#
# Trzy pytania o dane Twojej firmy, na które odpowiesz za pomocą biblioteki pandas i pakietu
# `salesnb`. Każde wywołanie `check` pokazuje, czy odpowiedź jest poprawna, a jeśli nie – często
# także dlaczego. `hint()` podpowiada, `solution()` pokazuje rozwiązanie. Odpowiedzi zostaną
# zapisane, jeśli ustawisz `output_dir`.
#
# W `dataset` wpisz ścieżkę do folderu swojej firmy (zob. `docs/data-format.md`) albo zostaw dane
# przykładowe.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # your company folder
language = "en"  # "en" or "pl"
output_dir = None  # a folder to keep your answers in

# %%
import salesnb
from salesnb import present
from salesnb.exercises import know_your_data

company = salesnb.load_company(dataset)
ex = know_your_data.exercise(company, language)
tx = company.transactions  # the transactions, ready for pandas
present.about(company, language)

# %%
ex.q1

# %%
answer_1 = None  # your number
ex.q1.check(answer_1)

# %%
# ex.q1.hint()
# ex.q1.solution()

# %%
ex.q2

# %%
answer_2 = None  # your number
ex.q2.check(answer_2)

# %%
# ex.q2.hint()
# ex.q2.solution()

# %%
ex.q3

# %%
answer_3 = None  # the product line's name
ex.q3.check(answer_3)

# %%
# ex.q3.hint()
# ex.q3.solution()

# %% [markdown] lang="en"
# ## Keep your answers
# %% [markdown] lang="pl"
# ## Zapisz odpowiedzi

# %%
ex.save(output_dir)
ex.results()
