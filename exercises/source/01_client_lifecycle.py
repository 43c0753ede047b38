# salesnb: {"title": {"en": "Exercise set 1: the client lifecycle in your company", "pl": "Zadania praktyczne, zestaw 1: cykl życia klienta w Twojej firmie"}, "requires": ["transactions"]}
# %% [markdown] lang="en"
# # Exercise set 1 · The client lifecycle in your company
#
# The practical exercises of the article *Working with clients*, on your own data:
#
# 1. Define potential, new, regular, lost and restored clients for your company, choosing the
#    calendar periods to match your company's average purchase frequency.
# 2. With those definitions, analyse your real client base by category: is it optimal from your
#    point of view?
# 3. Which of the KPIs would you use to assess your sales managers?
#
# **How to answer.** Put your name in `participant` below (your answers are then kept in
# `answers_dir`, the folder your trainer gives you). Each question has a cell `answer_... = None`:
# replace `None` with your answer and run the cell; `check` says whether it is right (computed from
# your data) and, if not, what is wrong. Numbers may be typed the Polish way in quotes
# (`"2 652 131,62"`, `"72%"`). `hint()` and `solution()` are there when you need them. Later
# questions use **your** earlier answers: question 2 counts clients with the window you chose in 1a.
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
# **Jak odpowiadać.** Wpisz swoje imię w `participant` poniżej (odpowiedzi będą wtedy zapisywane w
# `answers_dir`, folderze wskazanym przez prowadzącego). Każde pytanie ma komórkę
# `answer_... = None`: zastąp `None` swoją odpowiedzią i uruchom komórkę; `check` mówi, czy
# odpowiedź jest dobra (obliczona z Twoich danych), a jeśli nie, co jest nie tak. Liczby można
# wpisywać po polsku, w cudzysłowie (`"2 652 131,62"`, `"72%"`). `hint()` i `solution()` pomogą,
# gdy trzeba. Dalsze pytania korzystają z **Twoich** wcześniejszych odpowiedzi: pytanie 2 liczy
# klientów przy oknie wybranym w 1a.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] your company folder [pl] folder Twojej firmy
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
participant = None  # [en] your name, e.g. "Anna Kowalska"; None: a demonstration with the model answers [pl] Twoje imię i nazwisko, np. "Anna Kowalska"; None: pokaz z odpowiedziami wzorcowymi
answers_dir = "../answers"  # [en] the folder of the answers of the room, given by the trainer [pl] folder z odpowiedziami uczestników, wskazany przez prowadzącego

# %%
%matplotlib inline
import salesnb
from salesnb import present
from salesnb.exercises import lifecycle_set1

company = salesnb.load_company(dataset)
ex = lifecycle_set1.exercise(company, language, participant=participant, answers_dir=answers_dir, dataset=dataset)
present.about(company, language)

# %%
ex

# %% [markdown] lang="en"
# ## Exercise 1 · Your window and your definitions
#
# A client's status depends on a window *W*: did the client buy within the last *W*, and (this
# workbook's decision, so that every client has exactly one status) within the *W* before? The
# article's definitions use three months, and its exercise asks you to match the periods to how
# often your own clients buy. Here is that rhythm: each repeat client's **typical gap** between two
# purchase days (the median of its gaps), and the share of the repeat clients whose typical gap is
# at most so many days.
# %% [markdown] lang="pl"
# ## Zadanie 1 · Twoje okno i Twoje definicje
#
# Status klienta zależy od okna *W*: czy klient kupił w ostatnim okresie *W* i w okresie *W* przed
# nim? (To drugie pytanie to decyzja przyjęta w tych materiałach, aby każdy klient miał dokładnie
# jeden status). Definicje w artykule przyjmują trzy miesiące, a zadanie z artykułu prosi, aby dopasować okresy do tego, jak często
# kupują Twoi klienci. Oto rytm ich zakupów: dla każdego klienta kupującego wielokrotnie **typowy
# odstęp** między dwoma dniami zakupów (mediana jego odstępów) oraz to, jaka część takich klientów
# ma typowy odstęp nie dłuższy niż podana liczba dni.

# %%
present.show(lifecycle_set1.rhythm_table(company), language)

# %%
ex.q1a

# %%
ex.q1a.form()  # [en] in JupyterLab: choose a number and a unit, then Check (or type below) [pl] w JupyterLab: wybierz liczbę i jednostkę, potem „Sprawdź” (albo wpisz odpowiedź niżej)

# %%
answer_1a = None  # [en] your window, e.g. "nM" (months), "nW" (weeks) or "nD" (days) [pl] Twoje okno, np. "n mies.", "n tyg." lub "n dni"
ex.q1a.check(answer_1a)

# %%
# ex.q1a.hint()

# %%
# ex.q1a.solution()

# %%
ex.q1b

# %%
ex.q1b.form()  # [en] in JupyterLab: one box per kind of client [pl] w JupyterLab: jedno pole na każdy rodzaj klienta

# %%
answer_1b = None  # [en] {"potential": "...", "new": "...", "regular": "...", "lost": "...", "restored": "..."} [pl] {"klient potencjalny": "...", "klient nowy": "...", "klient stały": "...", "klient utracony": "...", "klient przywrócony": "..."}
ex.q1b.check(answer_1b)

# %%
# ex.q1b.solution()

# %% [markdown] lang="en"
# ## Exercise 2 · Your client base by status
#
# With your window from 1a. `salesnb.lifecycle.statuses(company, window=W)` gives each client's
# status; the chart follows once you have answered.
# %% [markdown] lang="pl"
# ## Zadanie 2 · Twoja baza klientów według statusu
#
# Z Twoim oknem z pytania 1a. `salesnb.lifecycle.statuses(company, window=W)` daje status każdego
# klienta; wykres pojawi się, gdy odpowiesz.

# %%
ex.q2a

# %%
answer_2a = None  # [en] a number of clients [pl] liczba klientów
ex.q2a.check(answer_2a)

# %%
ex.q2b

# %%
answer_2b = None  # [en] a share, e.g. "60,7%" or 0.607 [pl] udział, np. "60,7%" lub 0.607
ex.q2b.check(answer_2b)

# %%
# ex.q2a.hint()

# %%
# ex.q2b.solution()

# %% [markdown] lang="en"
# Your client base with your window:
# %% [markdown] lang="pl"
# Twoja baza klientów przy Twoim oknie:

# %%
lifecycle_set1.status_chart(ex)

# %%
ex.q2c

# %%
answer_2c = None  # [en] your answer in words, in quotes [pl] Twoja odpowiedź słowami, w cudzysłowie
ex.q2c.check(answer_2c)

# %%
# ex.q2c.solution()

# %% [markdown] lang="en"
# ## Exercise 3 · The KPIs for your sales managers
#
# The article's table per sales manager for the last full quarter, with your window:
# %% [markdown] lang="pl"
# ## Zadanie 3 · Wskaźniki dla Twoich menedżerów sprzedaży
#
# Tabela wskaźników menedżerów sprzedaży z artykułu za ostatni pełny kwartał, przy Twoim oknie:

# %%
lifecycle_set1.kpi_table(ex)

# %%
ex.q3

# %%
answer_3 = None  # [en] {"Lost clients": "why ...", ...} [pl] {"Klienci utraceni": "dlaczego ...", ...}
ex.q3.check(answer_3)

# %%
# ex.q3.solution()

# %% [markdown] lang="en"
# ## Your results
# %% [markdown] lang="pl"
# ## Twoje wyniki

# %%
ex.results()
