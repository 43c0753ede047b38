# salesnb: {"title": {"en": "Exercise set 2: documents and control points", "pl": "Zadania praktyczne, zestaw 2: dokumenty i punkty kontrolne"}, "requires": ["transactions"]}
# %% [markdown] lang="en"
# # Exercise set 2 · Documents and control points
#
# The practical exercises at the end of the sales-process part of the article *Working with
# clients*:
#
# 1. List the documents you currently use when working with clients, and the control points. Do
#    the control points match the reports prepared for you?
# 2. Draw an approximate (4-7 blocks) diagram of work with clients in your organisation.
# 3. Define the control points in your client-service structure.
#
# These are about your organisation, so there is no single right answer: each answer is checked
# for its **form and completeness** (every block has a control point, every control point a date
# or a trigger someone can audit). Put your name in `participant` to keep your answers; with no
# name, the notebook shows the model answers, built from the article and the sample company's own
# sales stages.
# %% [markdown] lang="pl"
# # Zadania praktyczne, zestaw 2 · Dokumenty i punkty kontrolne
#
# Zadania praktyczne z końca części artykułu *Praca z klientami* o procesie sprzedaży:
#
# 1. Zrób listę dokumentów obecnie używanych w pracy z klientami oraz punktów kontrolnych. Czy
#    punkty kontrolne odpowiadają przygotowywanym dla Ciebie raportom?
# 2. Narysuj przybliżony (4-7 bloków) schemat pracy z klientami w Twojej organizacji.
# 3. Określ punkty kontrolne w strukturze obsługi klienta w Twojej organizacji.
#
# Te zadania dotyczą Twojej organizacji, więc nie ma jednej dobrej odpowiedzi: każda odpowiedź
# jest sprawdzana pod kątem **formy i kompletności** (każdy blok ma punkt kontrolny, każdy punkt
# kontrolny termin albo zdarzenie, które da się sprawdzić). Wpisz swoje imię w `participant`, aby
# zachować odpowiedzi; bez imienia notatnik pokazuje odpowiedzi wzorcowe, oparte na artykule
# i etapach sprzedaży przykładowej firmy.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] your company folder [pl] folder Twojej firmy
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
participant = None  # [en] your name, e.g. "Anna Kowalska"; None: a demonstration with the model answers [pl] Twoje imię i nazwisko, np. "Anna Kowalska"; None: pokaz z odpowiedziami wzorcowymi
answers_dir = "../answers"  # [en] the folder of the answers of the room, given by the trainer [pl] folder z odpowiedziami uczestników, wskazany przez prowadzącego

# %%
%matplotlib inline
import salesnb
from salesnb import present
from salesnb.exercises import lifecycle_set2

company = salesnb.load_company(dataset)
ex = lifecycle_set2.exercise(company, language, participant=participant, answers_dir=answers_dir, dataset=dataset)
present.about(company, language)

# %%
ex

# %% [markdown] lang="en"
# ## Exercise 1 · Documents and control points
# %% [markdown] lang="pl"
# ## Zadanie 1 · Dokumenty i punkty kontrolne

# %%
ex.q1a

# %%
ex.q1a.form()  # [en] in JupyterLab: one document per line [pl] w JupyterLab: jeden dokument w wierszu

# %%
answer_1a = None  # ["...", "...", ...]
ex.q1a.check(answer_1a)

# %%
ex.q1b

# %%
answer_1b = None  # [en] {"offer validity date": "no", "...": "yes", ...} [pl] {"data ważności oferty": "nie", "...": "tak", ...}
ex.q1b.check(answer_1b)

# %%
# ex.q1b.solution()

# %% [markdown] lang="en"
# ## Exercise 2 · Your diagram of work with clients
# %% [markdown] lang="pl"
# ## Zadanie 2 · Twój schemat pracy z klientami

# %%
ex.q2

# %%
ex.q2.form()  # [en] in JupyterLab: one block per line, in order [pl] w JupyterLab: jeden blok w wierszu, po kolei

# %%
answer_2 = None  # [en] ["first block", "second block", ...], 4 to 7 blocks [pl] ["pierwszy blok", "drugi blok", ...], od 4 do 7 bloków
ex.q2.check(answer_2)

# %%
# ex.q2.solution()

# %% [markdown] lang="en"
# ## Exercise 3 · A control point for every block
# %% [markdown] lang="pl"
# ## Zadanie 3 · Punkt kontrolny dla każdego bloku

# %%
ex.q3

# %%
ex.q3.form()  # [en] in JupyterLab: for each block "what; when" [pl] w JupyterLab: dla każdego bloku „co; kiedy”

# %%
answer_3 = None  # [en] {"block": ("what is checked", "when"), ...} [pl] {"blok": ("co jest sprawdzane", "kiedy"), ...}
ex.q3.check(answer_3)

# %%
# ex.q3.hint()

# %%
# ex.q3.solution()

# %% [markdown] lang="en"
# Your diagram with its control points:
# %% [markdown] lang="pl"
# Twój schemat z punktami kontrolnymi:

# %%
lifecycle_set2.diagram_chart(ex)

# %% [markdown] lang="en"
# ## Your results
# %% [markdown] lang="pl"
# ## Twoje wyniki

# %%
ex.results()
