# salesnb: {"title": {"en": "The managed-process diagnostic", "pl": "Diagnostyka procesu pracy z klientami"}, "requires": ["transactions"]}
# %% [markdown] lang="en"
# # The managed-process diagnostic
#
# The article *Working with clients* ends its description of a managed client process with a
# questionnaire: "fill in the questionnaire and rate how managed the client-service process is in
# your company". Each item gets one of three marks; the table below gives the article's meaning
# of each. The result shows, area by area, how far your process is from a managed one (a plus
# everywhere).
#
# The article gives no score: this workbook counts **+ as 2 points, +/− as 1 and − as 0**, and
# shows each area's points as a share of its maximum. Put your name in `participant` to keep your
# answers; with no name, the notebook shows an example: the marks the sample company's own data
# supports.
# %% [markdown] lang="pl"
# # Diagnostyka procesu pracy z klientami
#
# Artykuł *Praca z klientami* kończy opis zarządzanego procesu pracy z klientami ankietą:
# „Wypełnij ankietę i oceń stopień sterowności procesu obsługi klienta w Twojej firmie”. Każda
# pozycja dostaje jedną z trzech ocen; tabela poniżej podaje znaczenie każdej z nich według
# artykułu. Wynik pokazuje, obszar po obszarze, jak daleko Twojemu procesowi do procesu
# zarządzanego (wszędzie plus).
#
# Artykuł nie podaje punktacji. Decyzja przyjęta w tych materiałach: **+ to 2 punkty, +/− to
# 1 punkt, a − to 0**; punkty każdego obszaru pokazujemy jako udział w maksymalnej liczbie punktów
# tego obszaru. Wpisz swoje imię w `participant`, aby zachować odpowiedzi; bez imienia notatnik pokazuje przykład: oceny, które potwierdzają dane
# przykładowej firmy.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] your company folder [pl] folder Twojej firmy
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
participant = None  # [en] your name, e.g. "Anna Kowalska"; None: a demonstration with the model answers [pl] Twoje imię i nazwisko, np. "Anna Kowalska"; None: pokaz z odpowiedziami wzorcowymi
answers_dir = "../answers"  # [en] the folder of the answers of the room, given by the trainer [pl] folder z odpowiedziami uczestników, wskazany przez prowadzącego

# %%
%matplotlib inline
import salesnb
from salesnb import present
from salesnb.exercises import diagnostic

company = salesnb.load_company(dataset)
ex = diagnostic.exercise(company, language, participant=participant, answers_dir=answers_dir, dataset=dataset)
present.about(company, language)

# %%
ex

# %% [markdown] lang="en"
# ## What the marks mean (the article's explanation)
# %% [markdown] lang="pl"
# ## Co oznaczają oceny (wyjaśnienie z artykułu)

# %%
present.show(diagnostic.meanings_table(language), language, max_rows=None)

# %% [markdown] lang="en"
# ## The questionnaire
#
# The items of the article's questionnaire, by area. In JupyterLab, mark each in the form; or type
# a mark per key in the answer cell.
# %% [markdown] lang="pl"
# ## Ankieta
#
# Pozycje ankiety z artykułu, według obszarów. W JupyterLab oceń każdą pozycję w formularzu albo
# wpisz ocenę dla każdego klucza w komórce odpowiedzi.

# %%
present.show(diagnostic.items_table(language), language, max_rows=None)

# %%
ex.q1

# %%
ex.q1.form()  # [en] in JupyterLab: a row of buttons (+, +/-, -) per item [pl] w JupyterLab: rząd przycisków (+, +/-, -) dla każdej pozycji

# %%
answer_1 = None  # [en] {"clients_by_product": "+", "products_by_client": "+/-", ...} [pl] {"Profilowanie klientów według produktu": "+", "Profilowanie produktów przez klienta": "+/-", ...}
ex.q1.check(answer_1)

# %% [markdown] lang="en"
# ## Your profile
# %% [markdown] lang="pl"
# ## Twój profil

# %%
diagnostic.profile_chart(ex)

# %%
ex.q2

# %%
answer_2 = None  # [en] your answer in words, in quotes [pl] Twoja odpowiedź słowami, w cudzysłowie
ex.q2.check(answer_2)

# %%
# ex.q2.hint()

# %%
# ex.q2.solution()

# %% [markdown] lang="en"
# ## Your results
# %% [markdown] lang="pl"
# ## Twoje wyniki

# %%
ex.results()
