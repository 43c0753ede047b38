# salesnb: {"title": {"en": "Exercise set 1: the client lifecycle in your company", "pl": "Zadania praktyczne, zestaw 1: cykl życia klienta w Twojej firmie"}, "requires": ["transactions"]}
# %% [markdown] lang="en"
# # Exercise set 1 · The client lifecycle in your company
#
# The practical exercises of the article *Working with clients*, on your own data:
#
# 1. Define potential, new, regular, lost and restored clients for your company, choosing the
#    calendar periods to match your company's average purchase frequency.
# 2. With those definitions, analyse your real client base by category: is it healthy?
# 3. Which of the KPIs would you use to assess your sales managers?
#
# Each `check` says whether your answer is right (computed from your data) and, often, what went
# wrong. `hint()` and `solution()` are there when you need them. Point `dataset` at your company
# folder, or keep the sample; set `output_dir` to keep your answers.
# %% [markdown] lang="pl"
# # Zadania praktyczne, zestaw 1 · Cykl życia klienta w Twojej firmie
#
# Zadania praktyczne z artykułu *Praca z klientami* na danych Twojej firmy:
#
# 1. Zdefiniuj dla swojej firmy pojęcia klienta potencjalnego, nowego, stałego, utraconego
#    i przywróconego; długość okresów kalendarzowych powinna pokrywać się ze średnią częstotliwością
#    sprzedaży w Twojej firmie.
# 2. Na podstawie tych definicji przeanalizuj rzeczywistą bazę klientów pod kątem kategorii
#    klientów. Czy z Twojego punktu widzenia jest to optymalne?
# 3. Które ze wskaźników (KPI) opisanych w artykule możesz wykorzystać do oceny efektywności
#    menedżera sprzedaży w Twojej firmie?
#
# Każde wywołanie `check` pokazuje, czy odpowiedź jest poprawna (poprawną odpowiedź oblicza z Twoich
# danych), a często także, co poszło nie tak. `hint()` i `solution()` pomogą w razie potrzeby. W `dataset` wpisz ścieżkę
# do folderu swojej firmy albo zostaw dane przykładowe; ustaw `output_dir`, aby zapisać odpowiedzi.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # your company folder
language = "en"  # "en" or "pl"
output_dir = None  # a folder to keep your answers in

# %%
%matplotlib inline
import salesnb
from salesnb import kpis, lifecycle, periods, present
from salesnb.exercises import lifecycle_set1
from salesnb.plots import lifecycle as charts

company = salesnb.load_company(dataset)
ex = lifecycle_set1.exercise(company, language)
lang = ex.language
present.about(company, lang)

# %% [markdown] lang="en"
# ## Exercise 1: your window
#
# The article uses three months. Your clients may buy more or less often.
# %% [markdown] lang="pl"
# ## Zadanie 1: Twoje okno
#
# Definicje w artykule przyjmują trzy miesiące. Twoi klienci mogą kupować częściej albo rzadziej.

# %%
ex.q1

# %%
answer_1 = None  # e.g. "2M"
ex.q1.check(answer_1)

# %%
# ex.q1.hint()
# ex.q1.solution()

# %% [markdown] lang="en"
# ## Exercise 2: your client base by status
#
# With your window (or the suggested one, until you have answered):
# %% [markdown] lang="pl"
# ## Zadanie 2: Twoja baza klientów według statusu
#
# Z Twoim oknem (a dopóki nie odpowiesz – z oknem proponowanym przez skoroszyt):

# %%
W = answer_1 or lifecycle_set1.suggested_window(company)
status = lifecycle.statuses(company, window=W)
charts.status_counts_chart(status, lang)

# %%
ex.q2

# %%
answer_2 = None  # a number of clients
ex.q2.check(answer_2)

# %%
ex.q3

# %%
answer_3 = None  # a fraction, e.g. 0.45
ex.q3.check(answer_3)

# %%
# ex.q2.solution()
# ex.q3.hint()

# %% [markdown] lang="en"
# ## Exercise 3: the KPIs for your sales managers
#
# The article's per-manager table for the last full quarter, with your window:
# %% [markdown] lang="pl"
# ## Zadanie 3: wskaźniki dla Twoich menedżerów sprzedaży
#
# Tabela wskaźników menedżerów, taka jak w artykule, za ostatni pełny kwartał, przy Twoim oknie:

# %%
start, end = periods.quarter_bounds(None, company.analysis_date)
managers = kpis.manager_kpis(company, start, end, W)
present.show(managers[list(kpis.KPI_GROUPS["article"])], lang, currency=company.currency, prefixes=("kpi_",),
             max_rows=None)

# %%
ex.q4

# %%
answer_4 = None  # your answer in words
ex.q4.check(answer_4)

# %%
# ex.q4.solution()

# %% [markdown] lang="en"
# ## Keep your answers
# %% [markdown] lang="pl"
# ## Zapisz odpowiedzi

# %%
ex.save(output_dir)
ex.results()
