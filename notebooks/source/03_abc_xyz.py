# salesnb: {"title": {"en": "ABC and XYZ: who brings the result, who buys steadily", "pl": "ABC i XYZ: kto daje wynik, kto kupuje stabilnie"}, "requires": ["transactions"]}
# %% [markdown] lang="en"
# # 03 · ABC and XYZ: who brings the result, who buys steadily
#
# The article *Working with clients* classes every client with settlements two ways.
#
# - **ABC**: the client's share in the company's result. The class can be computed from turnover
#   or from income, but "by income" only in companies with established management accounting;
#   where that data is incomplete, marginal income will do. Sorted from the largest turnover, the
#   clients making the first 50% of the total are **A**, from 51 to 79% **B**, the rest **C**.
# - **XYZ**: how stable the client's purchases are and how well they can be forecast, measured by
#   the **coefficient of variation** (CV = standard deviation / arithmetic mean of the turnover per
#   period): **X** from 0 to 10% (stable), **Y** from 10 to 25% (known trends, e.g. seasonal).
#   The article's line for **Z** is missing; above 25% is the usual reading.
#
# "The greatest value for the company comes from clients in classes A and X who use 3-4 of its
# products at once." New clients have an ABC class but no XYZ class yet; potential clients have
# neither. Every choice the article leaves open is a parameter below; this workbook looks at the
# **last 12 months** by default, so that a client lost long ago does not keep class A.
# %% [markdown] lang="pl"
# # 03 · ABC i XYZ: kto daje wynik, kto kupuje stabilnie
#
# Artykuł *Praca z klientami* przypisuje każdego klienta, z którym prowadzone są wzajemne
# rozliczenia, do klas według dwóch klasyfikacji.
#
# - **ABC**: udział wyników pracy z klientem w ogólnym wyniku firmy. Klasę można obliczyć według
#   kwoty obrotu lub kwoty dochodu, ale metoda „według dochodu” ma zastosowanie tylko w spółkach
#   o ugruntowanej rachunkowości zarządczej; gdy jej dane nie są kompletne, można ograniczyć się do
#   dochodu krańcowego. Na liście klientów w kolejności malejącej obrotów pierwsze 50% całkowitej
#   kwoty stanowi klasę **A**, od 51 do 79% – klasę **B**, pozostali klienci należą do klasy **C**.
# - **XYZ**: charakter konsumpcji klienta i trafność prognozowania zmian jego potrzeb, mierzone
#   **współczynnikiem zmienności** (stosunek odchylenia standardowego do średniej arytmetycznej
#   obrotu klienta w kolejnych okresach): **X** od 0 do 10% (stabilny poziom zużycia, dobre
#   prognozy), **Y** od 10 do 25% (znane trendy, np. wahania sezonowe). Przedziału dla **Z** artykuł
#   nie podaje; te materiały przyjmują, jak zwykle w literaturze, wartości powyżej 25%.
#
# „Wydaje się oczywiste, że dla firmy największą wartość dostarczają klienci z klas A i X,
# korzystając jednocześnie z 3-4 produktów firmy”. Nowy klient może mieć klasę ABC, ale nie XYZ;
# klient potencjalny nie ma żadnej z nich. Każdy wybór, którego artykuł nie rozstrzyga, można
# zmienić parametrem poniżej; te materiały domyślnie biorą pod uwagę **ostatnie 12 miesięcy**,
# żeby klient dawno utracony nie zachował klasy A.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] a company folder [pl] folder firmy
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
output_dir = None  # [en] a folder to save the tables in; None: save nothing [pl] folder, w którym zapisać tabele; None: nic nie zapisywać
as_of = None  # [en] the analysis date, e.g. "2025-12-31"; None: the company setting [pl] data analizy, np. "2025-12-31"; None: ustawienie firmy
abc_thresholds = None  # [en] e.g. [0.8, 0.95]; None: the company setting (the article: 50/80) [pl] np. [0.8, 0.95]; None: ustawienie firmy (w artykule: 50/80)
xyz_thresholds = None  # [en] e.g. [0.1, 0.25]; None: the company setting [pl] np. [0.1, 0.25]; None: ustawienie firmy
period = None  # [en] "M" months or "Q" quarters; None: the company setting [pl] "M": miesiące lub "Q": kwartały; None: ustawienie firmy
by = None  # [en] "amount" (turnover) or "margin"; None: the company setting [pl] "amount" (obrót) lub "margin" (marża); None: ustawienie firmy
horizon = None  # [en] e.g. "12M" or "all"; None: the company setting (the last 12 months) [pl] np. "12M" lub "all"; None: ustawienie firmy (ostatnie 12 miesięcy)

# %%
%matplotlib inline
import salesnb
from salesnb import abcxyz, lifecycle, present
from salesnb.io import save_tables
from salesnb.plots import abcxyz as charts

company = salesnb.load_company(dataset)
lang = language
settings = dict(abc_thresholds=abc_thresholds, xyz_thresholds=xyz_thresholds, period=period, by=by, horizon=horizon)
table = abcxyz.abc_xyz(company, as_of=as_of, **settings)
present.about(company, lang)

# %% [markdown] lang="en"
# The analysis below uses these settings:
# %% [markdown] lang="pl"
# Analiza poniżej korzysta z następujących ustawień:

# %%
present.parameters(table.attrs, lang)

# %% [markdown] lang="en"
# ## 1. ABC: the share of the result
#
# The Pareto curve: clients sorted by turnover, and the cumulative share of the total they make.
# Where a client crosses a threshold, this workbook keeps it in the upper class (the article does
# not say), so a client holding 90% of the turnover is A.
# %% [markdown] lang="pl"
# ## 1. ABC: udział w wyniku
#
# Krzywa Pareto: klienci uszeregowani od największego obrotu i ich skumulowany udział w całkowitej
# kwocie. Klient, na którym skumulowany udział przekracza próg, zostaje w wyższej klasie – to
# decyzja przyjęta w tych materiałach, bo artykuł tego nie rozstrzyga. Dlatego klient, który sam ma 90% obrotu,
# należy do klasy A.

# %%
charts.pareto_chart(table, lang)

# %%
abc_summary = abcxyz.class_summary(table, "abc")
salesnb.record("abc_clients", abc_summary["clients"])
lost = lifecycle.statuses(company, as_of=as_of).query("status == 'lost'")["customer_id"]
salesnb.record("lost_value", float(table["turnover"].reindex(lost).fillna(0).sum()))
present.show(abc_summary, lang, currency=company.currency)

# %% [markdown] lang="en"
# ## 2. XYZ in the article's four steps
#
# **Step 1**, the coefficient of variation of each client's turnover per period (periods without
# purchases count as zero in this workbook, from the client's first period in the horizon to the
# analysis date);
# **step 2**, sort by rising coefficient; the most stable clients come first:
# %% [markdown] lang="pl"
# ## 2. XYZ w czterech etapach opisanych w artykule
#
# **Etap 1**: wyznaczenie współczynnika zmienności obrotu każdego klienta w kolejnych okresach
# (w tych materiałach okresy bez zakupów liczą się jako zero, od pierwszego okresu klienta
# w horyzoncie analizy do daty analizy); **etap 2**: grupowanie według rosnącego współczynnika
# zmienności, czyli od najstabilniejszych klientów:

# %%
by_cv = table[table["cv"].notna()].sort_values(["cv", "turnover"], ascending=[True, False])
present.show(by_cv[["turnover", "n_periods", "cv", "xyz"]], lang, currency=company.currency, max_rows=10)

# %% [markdown] lang="en"
# **Step 3**, the split into X, Y and Z; **step 4**, the graphic presentation:
# %% [markdown] lang="pl"
# **Etap 3**: podział na kategorie X, Y i Z; **etap 4**: graficzne przedstawienie wyników:

# %%
xyz_summary = abcxyz.class_summary(table, "xyz")
salesnb.record("xyz_clients", xyz_summary["clients"])
present.show(xyz_summary, lang, currency=company.currency)

# %%
charts.cv_chart(table, lang)

# %% [markdown] lang="en"
# Clients without an XYZ class, and why (new clients, too short a history, no positive
# turnover, potential clients, and clients with no purchase within the horizon, whom the tables
# above leave out):
# %% [markdown] lang="pl"
# Klienci bez klasy XYZ i przyczyna jej braku (nowy klient, za krótka historia, brak dodatniego
# obrotu, klient potencjalny oraz klienci bez zakupu w horyzoncie analizy, których powyższe tabele
# nie obejmują):

# %%
present.show(abcxyz.unclassified(table, company), lang)

# %% [markdown] lang="en"
# ## 3. The ABC-XYZ matrix
#
# Clients and their share of turnover in each of the nine cells.
# %% [markdown] lang="pl"
# ## 3. Macierz ABC-XYZ
#
# Liczba klientów i ich udział w obrocie w każdej z dziewięciu komórek.

# %%
matrix = abcxyz.abc_xyz_matrix(table)
combined = abcxyz.class_summary(table, "abc_xyz")
salesnb.record("abc_xyz_share", combined["value_share"].round(6))
charts.matrix_chart(table, lang)

# %% [markdown] lang="en"
# ## 4. What each cell needs
#
# The article says only that every client with settlements must have a class and that the
# procedures should differ by class (in a loyalty programme, class A clients get more significant
# gifts). What follows is **this workbook's own suggestion**, not the article's: **AX** clients buy
# a lot and steadily: protect them (a dedicated manager, service standards, widening their
# portfolio to the products their segment should use). **AZ** clients buy a lot but irregularly:
# plan with them, find out what drives their orders. **CX** clients are small but steady: serve
# them efficiently. **CZ** clients are small and irregular: low-cost service, or the question of
# whether to grow them at all. The article adds that the more product lines a client uses, the
# lower the risk of losing it entirely: the last column shows how many lines each cell uses.
# %% [markdown] lang="pl"
# ## 4. Czego wymaga każda komórka
#
# Artykuł mówi tylko, że wszyscy klienci, z którymi prowadzone są wzajemne rozliczenia, muszą mieć
# klasę i że w zależności od klasy należy stosować różne procedury (np. w programie lojalnościowym
# klienci z kategorii A powinni otrzymywać bardziej znaczące prezenty). Dalsze wskazówki są
# **propozycją tych materiałów**, a nie artykułu. Klienci **AX** kupują dużo i stabilnie: warto ich
# chronić (stały opiekun, standardy obsługi, poszerzanie portfela o produkty przeznaczone dla ich
# segmentu). Klienci **AZ** kupują dużo, ale nieregularnie: warto planować z nimi współpracę
# i ustalić, od czego zależą ich zamówienia. Klienci **CX** kupują mało, ale stabilnie: wystarczy
# sprawna, oszczędna obsługa. Klienci **CZ** kupują mało i nieregularnie: tania obsługa albo
# decyzja, czy w ogóle warto ich rozwijać. Artykuł dodaje, że im więcej linii produktowych firmy
# obejmuje współpraca z klientem, tym mniejsze ryzyko jego całkowitej utraty w razie sytuacji
# konfliktowej: ostatnia kolumna pokazuje, z ilu linii produktowych korzysta średnio klient w danej
# komórce.

# %%
present.show(combined, lang, currency=company.currency)

# %% [markdown] lang="en"
# ## 5. How the choices move clients
#
# The same clients under other settings: months against quarters for XYZ, and the article's
# 50/80 against the textbook 80/95 for ABC. The diagonal holds the clients who stay in their
# class.
# %% [markdown] lang="pl"
# ## 5. Jak ustawienia zmieniają klasy
#
# Ci sami klienci przy innych ustawieniach: dla XYZ okresy miesięczne w porównaniu z kwartalnymi,
# dla ABC progi 50/80 z artykułu w porównaniu z podręcznikowymi 80/95. Na przekątnej są klienci,
# którzy pozostają w swojej klasie.

# %%
quarters = abcxyz.abc_xyz(company, as_of=as_of, **{**settings, "period": "Q"})
present.show(abcxyz.compare_classes(table, quarters, "xyz"), lang)

# %%
textbook = abcxyz.abc_xyz(company, as_of=as_of, **{**settings, "abc_thresholds": (0.8, 0.95)})
present.show(abcxyz.compare_classes(table, textbook, "abc"), lang)

# %% [markdown] lang="en"
# In a live workshop, move the thresholds and switch the period here:
# %% [markdown] lang="pl"
# Na warsztatach można tu przesuwać progi i zmieniać rodzaj okresów:

# %%
from salesnb.widgets.abcxyz import abcxyz_widget

abcxyz_widget(company, language=lang, as_of=as_of)

# %% [markdown] lang="en"
# ## 6. Class history
#
# "The client's class and the history of class changes" is one of the article's KPIs for sales
# managers. Classes at the end of each period over a rolling twelve-period horizon, and how often
# clients moved from one class to another (rows: the class before, columns: the class after;
# "–" is no class):
# %% [markdown] lang="pl"
# ## 6. Historia zmian klas
#
# „Klasa klienta, historia zmian klas” to jeden z kluczowych wskaźników, którymi artykuł ocenia
# efektywność menedżera sprzedaży. Poniżej klasy na koniec każdego okresu w kroczącym horyzoncie
# dwunastu okresów i to, jak często klienci przechodzili z jednej klasy do innej (wiersze: klasa
# wcześniej, kolumny: klasa później; „–” oznacza brak klasy):

# %%
history = abcxyz.class_history(company, as_of=as_of, period=period)
present.show(history.matrix("abc"), lang)

# %%
present.show(history.changes.sort_values("period_end", ascending=False), lang, max_rows=10)

# %%
saved = save_tables(output_dir, abc_xyz=table, abc_xyz_matrix=matrix["clients"], class_changes=history.changes)
