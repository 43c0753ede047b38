# salesnb: {"title": {"en": "ABC/XYZ on a sample of your clients", "pl": "ABC/XYZ na próbie Twoich klientów"}, "requires": ["transactions"]}
# %% [markdown] lang="en"
# # ABC/XYZ on a sample of your clients
#
# The article *Working with clients* classifies clients twice: **ABC** by their share of the
# company's result, **XYZ** by how stable their purchases are (the coefficient of variation of
# their turnover). This workbook's exercise (the article has none for it) takes a dozen of your
# clients, drawn once, and treats them as if they were the whole company: small enough to classify
# by hand.
#
# First the rules, then the classes, the A/X clients and what to do with each group. Put your name
# in `participant` to keep your answers; with no name, the notebook shows the model answers.
# %% [markdown] lang="pl"
# # ABC/XYZ na próbie Twoich klientów
#
# Artykuł *Praca z klientami* klasyfikuje klientów dwa razy: **ABC** według udziału w wyniku
# firmy, **XYZ** według stabilności zakupów (współczynnika zmienności obrotu). To zadanie,
# zaproponowane w tych materiałach (artykuł go nie zawiera), bierze kilkunastu Twoich klientów,
# wylosowanych raz, i traktuje ich jak całą firmę: to na tyle mało, by sklasyfikować ich ręcznie.
#
# Najpierw reguły, potem klasy, klienci A/X i co robić z każdą grupą. Wpisz swoje imię w
# `participant`, aby zachować odpowiedzi; bez imienia notatnik pokazuje odpowiedzi wzorcowe.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] your company folder [pl] folder Twojej firmy
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
participant = None  # [en] your name, e.g. "Anna Kowalska"; None: a demonstration with the model answers [pl] Twoje imię i nazwisko, np. "Anna Kowalska"; None: pokaz z odpowiedziami wzorcowymi
answers_dir = "../answers"  # [en] the folder of the answers of the room, given by the trainer [pl] folder z odpowiedziami uczestników, wskazany przez prowadzącego

# %%
import salesnb
from salesnb import present
from salesnb.exercises import abc_sample

company = salesnb.load_company(dataset)
ex = abc_sample.exercise(company, language, participant=participant, answers_dir=answers_dir, dataset=dataset)
present.about(company, language)

# %%
ex

# %% [markdown] lang="en"
# ## 1 · The rules
# %% [markdown] lang="pl"
# ## 1 · Reguły

# %%
ex.q1a

# %%
answer_1a = None  # [en] two thresholds, e.g. "40% / 70%" [pl] dwa progi, np. "40% / 70%"
ex.q1a.check(answer_1a)

# %%
ex.q1b

# %%
answer_1b = None  # [en] two thresholds, e.g. "5% / 20%" [pl] dwa progi, np. "5% / 20%"
ex.q1b.check(answer_1b)

# %% [markdown] lang="en"
# ## 2 · The sample
#
# The net turnover of the sample's clients per month of the analysed horizon (corrections
# included); `sample_tx` holds their transactions for pandas.
# %% [markdown] lang="pl"
# ## 2 · Próba
#
# Obrót netto klientów próby w kolejnych miesiącach analizowanego okresu (z uwzględnieniem korekt);
# `sample_tx` zawiera ich transakcje do pracy w pandas.

# %%
sample_tx = abc_sample.sample_transactions(company, ex.params["clients"])
abc_sample.turnover_table(ex)

# %%
ex.q2

# %%
ex.q2.form()  # [en] in JupyterLab: a row of buttons per client [pl] w JupyterLab: rząd przycisków dla każdego klienta

# %%
answer_2 = None  # [en] {"client": "AX", ...} [pl] {"klient": "AX", ...}
ex.q2.check(answer_2)

# %%
# ex.q2.hint()

# %%
# ex.q2.solution()

# %% [markdown] lang="en"
# The classes with their figures, once you have answered:
# %% [markdown] lang="pl"
# Klasy wraz z wyliczonymi wartościami (pojawią się, gdy odpowiesz):

# %%
abc_sample.classes_table(ex)

# %% [markdown] lang="en"
# ## 3 · The most valuable clients and what to do with each group
# %% [markdown] lang="pl"
# ## 3 · Najcenniejsi klienci i co robić z każdą grupą

# %%
ex.q3

# %%
answer_3 = None  # [en] ["client", ...] [pl] ["klient", ...]
ex.q3.check(answer_3)

# %%
ex.q4

# %%
ex.q4.form()  # [en] in JupyterLab: one box per group [pl] w JupyterLab: jedno pole dla każdej grupy

# %%
answer_4 = None  # [en] {"AX": "what to do with them", "AY": "...", ...} [pl] {"AX": "co z nimi robić", "AY": "...", ...}
ex.q4.check(answer_4)

# %%
# ex.q4.solution()

# %% [markdown] lang="en"
# ## Your results
# %% [markdown] lang="pl"
# ## Twoje wyniki

# %%
ex.results()
