# salesnb: {"title": {"en": "Target groups and the ideal client portrait", "pl": "Grupy docelowe i portret idealnego klienta"}, "requires": ["transactions", "segments"]}
# %% [markdown] lang="en"
# # 02 · Target groups and the ideal client portrait
#
# The article *Working with clients* starts from a simple demand: a client-oriented company must
# know both what it offers and what its clients need, so it must have a **portrait of the "ideal"
# client**, the target state of a client who uses all or most of the products meant for it; and,
# since markets are segmented, it should have as many portraits as it has target markets.
#
# It segments clients by two kinds of parameters: those that describe the client **"from birth"**
# (industry, type of activity, branches, company size, main type of clients, year founded) and
# those that describe it **during the cooperation** (turnover, ABC/XYZ class, tenure). "There
# should not be many parameters": each must have a clear business purpose, or it is not a
# segmentation parameter. A **target group** is a set of clients with similar business needs and
# comparable organisational traits; the most promising groups are potential users of several
# (3-4) of the company's products.
#
# Then, in the article's words: the portrait is a table with the target markets down the side and
# the products across, the products meant for each group marked; a client's **maturity** is the
# number of products it uses to the number meant for it; and in a managed process each client and
# targeted product has a state (not offered, refused, application with its date, contract signed
# with its date), so the salesperson never has to ask "what else should I sell this client?".
# %% [markdown] lang="pl"
# # 02 · Grupy docelowe i portret idealnego klienta
#
# Artykuł *Praca z klientami* wychodzi od prostego wymagania: firma zorientowana na klienta musi
# znać zarówno to, co oferuje, jak i potrzeby swoich klientów, musi więc mieć **portret
# „idealnego” klienta**, czyli docelowy stan klienta, który korzysta ze wszystkich lub większości
# przeznaczonych dla niego produktów firmy; a ponieważ rynki są segmentowane, firma powinna mieć
# tyle portretów, ile ma rynków docelowych.
#
# Klientów segmentuje się według dwóch rodzajów parametrów: tych, które opisują klienta **„od
# urodzenia”** (branża, rodzaj działalności, oddziały, wielkość przedsiębiorstwa, główny typ
# klientów, rok założenia), i tych, które charakteryzują go **w trakcie współpracy** (obrót, klasa
# ABC/XYZ, okres współpracy). „Nie powinno być wielu parametrów”: każdy musi mieć jasny cel
# biznesowy, inaczej nie jest parametrem segmentacji. **Grupa docelowa** to zbiór klientów
# o podobnych potrzebach biznesowych i porównywalnej charakterystyce organizacyjnej; najbardziej
# obiecujące są grupy potencjalnych użytkowników kilku (3-4) produktów firmy.
#
# Dalej, słowami artykułu: portret to tabela z rynkami docelowymi w pionie i produktami w poziomie,
# z zaznaczonymi produktami przeznaczonymi dla każdej grupy; **dojrzałość klienta** to stosunek
# liczby wykorzystanych produktów do liczby produktów dla niego przeznaczonych; a w zarządzanym
# procesie każdy klient i każdy docelowy produkt ma swój stan (nie zaproponowano, odmowa, wniosek
# z datą, podpisanie umowy z datą), więc handlowiec nie musi pytać: „co jeszcze mam sprzedać
# klientowi?”.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] a company folder with segments.yml [pl] folder firmy z plikiem segments.yml
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
output_dir = None  # [en] a folder to save the tables in; None: save nothing [pl] folder, w którym zapisać tabele; None: nic nie zapisywać
as_of = None  # [en] the analysis date, e.g. "2025-12-31"; None: the company setting [pl] data analizy, np. "2025-12-31"; None: ustawienie firmy
horizon = None  # [en] the period of "used", e.g. "12M" or "all"; None: the company ABC horizon [pl] okres, w którym linia produktów liczy się jako używana, np. "12M" lub "all"; None: horyzont ABC firmy
salesperson = None  # [en] whose offer grid to show; None: the manager with the most clients in the groups [pl] czyją siatkę stanów oferty pokazać; None: menedżer z największą liczbą klientów w grupach docelowych
contract_stage = None  # [en] a deal stage from which an open deal counts as a contract; None: won deals only [pl] etap, od którego otwarta transakcja liczy się jako umowa; None: tylko transakcje wygrane
low_maturity_below = 0.5  # [en] maturity under this is low [pl] dojrzałość poniżej tej wartości jest niska

# %%
%matplotlib inline
import salesnb
from salesnb import abcxyz, present
from salesnb import segments as seg
from salesnb.io import save_tables
from salesnb.plots import segments as charts

company = salesnb.load_company(dataset)
lang = language
data = seg.prepare(company, as_of=as_of, horizon=horizon)
names = seg.segment_names(company.segments, lang)
present.about(company, lang)

# %% [markdown] lang="en"
# The analysis date, and the period in which a product counts as **used** (a net positive turnover
# in the line, corrections netted; by default the last 12 months, the same horizon as ABC/XYZ:
# this workbook's decision, the article does not say how recent a purchase must be):
# %% [markdown] lang="pl"
# Data analizy i okres, w którym produkt liczy się jako **wykorzystany** (dodatni obrót netto
# w linii po uwzględnieniu korekt; domyślnie ostatnie 12 miesięcy, ten sam horyzont co w ABC/XYZ:
# decyzja przyjęta w tych materiałach, artykuł nie mówi, jak świeży musi być zakup):

# %%
present.parameters(data.params, lang, keys=("as_of", "horizon"))

# %% [markdown] lang="en"
# ## 1. The target groups
#
# Like the article's Example 3, each group is a set of conditions on the clients' "from birth"
# parameters (the columns of the customers table), all of which must hold. The article does not
# say what happens when a client meets the rules of two groups: here **the group listed first in
# the company's target-group definitions wins**, and the overlaps are
# reported, as are groups nobody matches. Clients matching no group are the article's non-target
# clients.
# %% [markdown] lang="pl"
# ## 1. Grupy docelowe
#
# Jak w przykładzie 3 z artykułu, każda grupa to zestaw warunków na parametry klienta „od
# urodzenia” (kolumny tabeli klientów), które muszą być spełnione jednocześnie. Artykuł nie mówi,
# co zrobić, gdy klient spełnia reguły dwóch grup: tutaj **wygrywa grupa wymieniona wcześniej
# w definicjach grup docelowych firmy**, a nakładanie się grup jest raportowane, podobnie jak
# grupy, do których nikt nie pasuje.

# %%
present.show(seg.rules_table(company.segments, lang).rename(index=names), lang, prefixes=("seg_",), max_rows=None)

# %%
groups = seg.group_summary(company.customers, company.segments)
salesnb.record("segment_clients", groups["clients"])
present.show(groups.rename(index=names), lang, prefixes=("seg_",), max_rows=None)

# %% [markdown] lang="en"
# Groups that overlap (pairs of groups whose rules some client meets both of, the group that wins
# first), and groups that match nobody:
# %% [markdown] lang="pl"
# Grupy, które się nakładają (pary grup, których reguły spełnia ten sam klient; najpierw grupa,
# która wygrywa), i grupy, do których nikt nie pasuje:

# %%
pairs = seg.overlap_pairs(company.customers, company.segments)
(present.show(pairs.replace({"segment": names, "also_matches": names}), lang, prefixes=("seg_",), max_rows=None)
 if len(pairs) else present.say(present.column_label("seg_no_overlap", lang)))

# %%
present.say("**{b}:** {empty}.", b=present.column_label("seg_empty_groups", lang),
            empty=", ".join(names[g] for g in groups.attrs["empty_groups"]) or present.column_label("seg_none", lang))

# %% [markdown] lang="en"
# ## 2. The ideal client portrait and how far the clients are from it
#
# The article's table: target groups down the side, product lines across, the lines meant for
# each group marked (framed). Each framed cell holds the share of the group's clients who used
# the line in the period: the closer to 100%, the closer the group is to its ideal. The grey
# figures are lines a group buys although its portrait does not mean them for it; the article
# notes that building the matrix shows products that fit no group's needs and needs the company
# does not serve yet. The clients counted are those with a settlement in the period (this
# workbook's choice: the actual client base; leads and lost clients are in section 6).
# %% [markdown] lang="pl"
# ## 2. Portret idealnego klienta i odległość od niego
#
# Tabela z artykułu: grupy docelowe w pionie, linie produktowe w poziomie, linie przeznaczone dla
# każdej grupy zaznaczone (w ramce). Każda komórka w ramce to udział klientów grupy, którzy
# korzystali z linii w okresie: im bliżej 100%, tym grupa jest bliżej ideału. Szare liczby to linie,
# które grupa kupuje, choć jej portret ich nie przewiduje; artykuł zauważa, że tworzenie macierzy
# pokazuje produkty niepasujące do potrzeb żadnego segmentu i potrzeby, których firma jeszcze nie
# obsługuje. Liczeni są klienci z rozliczeniem w okresie (wybór przyjęty w tych materiałach:
# rzeczywista baza klientów; klienci potencjalni i utraceni są w punkcie 6).

# %%
coverage = seg.coverage(data)
charts.coverage_chart(coverage, lang, names)

# %% [markdown] lang="en"
# ## 3. Client maturity
#
# Maturity is the number of the lines meant for the client's group that the client uses, divided
# by the number of those lines. "The more product lines a client uses, the lower the risk of
# losing it entirely in a conflict." Each bar splits a group's clients by how many of their lines
# they use; the mean maturity is at the end.
# %% [markdown] lang="pl"
# ## 3. Dojrzałość klienta
#
# Dojrzałość to liczba linii przeznaczonych dla grupy klienta, z których klient korzysta,
# podzielona przez liczbę tych linii. „Im więcej linii produktowych firmy obsługuje klient, tym
# mniejsze jest ryzyko jej całkowitej utraty w przypadku wystąpienia sytuacji konfliktowej.” Każdy
# pasek dzieli klientów grupy według tego, z ilu swoich linii korzystają; na końcu średnia
# dojrzałość.

# %%
maturity = seg.maturity(data)
maturity_by_group = seg.maturity_summary(maturity)
salesnb.record("mean_maturity", maturity_by_group["mean_maturity"].round(6))
salesnb.record("target_maturity", seg.mean_maturity(maturity))
charts.maturity_chart(maturity_by_group, lang, names)

# %%
present.show(maturity_by_group.rename(index=names), lang, prefixes=("seg_",), max_rows=None)

# %% [markdown] lang="en"
# ## 4. The managed process: the state of every offer
#
# The article's table of the client base in a managed process: the clients of each target group
# down the side, the product lines across, and in each cell of a line meant for the client its
# state. The article draws it for the whole client base (and notes it can also be laid out by the
# company's departments or branches); it is shown here for the clients of one salesperson, this
# workbook's choice, with the 20 clients of the largest turnover in their targeted lines drawn and
# the others counted below the chart. The states come from the transactions ("uses": a net
# purchase in the period) and from the deals, by **this workbook's reading** of the deals table
# (the article names the states, not the data): a deal
# won is a **contract signed** (dated at closing), a deal still open is an **application** (dated
# at opening), a deal lost is a **refusal** (dated at closing), no deal: **not offered**. Where a
# client has several deals for a line, a contract beats an application, an application beats a
# refusal, and the latest date is shown. An old contract for a line the client no longer uses
# keeps its date: the date tells how old it is.
# %% [markdown] lang="pl"
# ## 4. Zarządzany proces: stan każdej oferty
#
# Tabela z artykułu, obraz bazy klientów w zarządzanym procesie: klienci każdej grupy docelowej
# w pionie, linie produktowe w poziomie, a w każdej komórce linii przeznaczonej dla klienta jej
# stan. Artykuł pokazuje w niej całą bazę klientów (i dodaje, że tabelę można też ułożyć według
# działów czy oddziałów firmy); tutaj jest pokazana dla klientów jednego handlowca, co jest
# wyborem przyjętym w tych materiałach: na wykresie 20 klientów o największym obrocie w liniach
# docelowych, pozostałych liczy notka pod wykresem. Stany pochodzą z transakcji („korzysta”: zakup
# netto w okresie) i z szans sprzedaży, w **odczytaniu przyjętym w tych materiałach** (artykuł
# podaje stany, nie dane): szansa wygrana to **podpisanie umowy** (data
# zamknięcia), szansa otwarta to **wniosek** (data otwarcia), szansa przegrana to **odmowa** (data
# zamknięcia), brak szansy: **nie zaproponowano**. Gdy klient ma kilka szans na jedną linię, umowa
# wygrywa z wnioskiem, wniosek z odmową, a pokazana jest najpóźniejsza data. Dawna umowa na linię,
# z której klient już nie korzysta, zachowuje swoją datę: data mówi, jak jest stara.

# %%
grid = seg.offer_grid(data, contract_stage=contract_stage)
who = salesperson or grid.drop_duplicates("customer_id")["salesperson"].value_counts().idxmax()
client_names = dict(zip(data.clients, data.name if data.name is not None else data.clients, strict=True))
charts.offer_grid_chart(grid[grid["salesperson"] == who], lang, names, client_names=client_names)

# %% [markdown] lang="en"
# The same states counted for every sales manager (cells: client and targeted line):
# %% [markdown] lang="pl"
# Te same stany policzone dla każdego menedżera sprzedaży (komórki: klient i linia docelowa):

# %%
states = grid.pivot_table(index="salesperson", columns="state", values="customer_id", aggfunc="count",
                          observed=False).fillna(0).astype(int)
salesnb.record("offer_states", grid["state"].value_counts().sort_index())
present.show(states, lang, prefixes=("offer_state_",), max_rows=None)

# %% [markdown] lang="en"
# ## 5. What else to sell: the cross-sell list
#
# For each client, the lines meant for its group that it does not use yet, ordered by how many
# **similar clients** use them: clients of the same target group and the same ABC class (this
# workbook's decision; a client without a class is compared with its whole group). The offer
# state is beside each line, so a refusal or an application in progress is seen before the call.
# The list of the manager above, the most valuable clients (class A) first:
# %% [markdown] lang="pl"
# ## 5. Co jeszcze sprzedać: lista sprzedaży krzyżowej
#
# Dla każdego klienta linie przeznaczone dla jego grupy, z których jeszcze nie korzysta,
# uporządkowane według tego, ilu **podobnych klientów** z nich korzysta: klientów tej samej grupy
# docelowej i tej samej klasy ABC (decyzja przyjęta w tych materiałach; klient bez klasy jest
# porównywany z całą swoją grupą). Obok każdej linii jest stan oferty, więc odmowę albo wniosek
# w toku widać przed telefonem. Lista menedżera z poprzedniego punktu, w pierwszej kolejności
# najcenniejsi klienci (klasa A):

# %%
abc_table = abcxyz.abc_xyz(company, as_of=data.as_of, horizon=data.horizon or "all")
todo = seg.cross_sell(data, salesperson=who, contract_stage=contract_stage, abc_table=abc_table)
present.show(todo.replace({"segment": names})[["customer_id", "name", "segment", "abc", "product_line", "rank",
                                               "peer_share", "peers", "state", "date"]],
             lang, prefixes=("seg_",), currency=company.currency, right=("date",), max_rows=15)

# %% [markdown] lang="en"
# ## 6. Target groups, ABC/XYZ and the lifecycle
#
# "It seems obvious that the greatest value for the company comes from clients of classes A and X
# using 3-4 of its products at once." The target groups across the ABC-XYZ classes ("–": no combined class: new
# clients, leads, too short a history or no purchase in the period):
# %% [markdown] lang="pl"
# ## 6. Grupy docelowe, ABC/XYZ i cykl życia
#
# „Wydaje się oczywiste, że dla firmy największą wartość dostarczają klienci z klas A i X,
# korzystając jednocześnie z 3-4 produktów firmy.” Grupy docelowe w podziale na klasy ABC-XYZ („–”: brak klasy łącznej: klienci
# nowi, potencjalni, ze zbyt krótką historią lub bez zakupu w okresie):

# %%
present.show(seg.segment_classes(data, abc_table=abc_table).rename(index=names), lang, prefixes=("seg_",),
             max_rows=None)

# %% [markdown] lang="en"
# The article's most valuable clients, class AX using at least three product lines (this
# workbook reads "3-4" as "three or more"):
# %% [markdown] lang="pl"
# Najcenniejsi klienci według artykułu: klasa AX i co najmniej trzy linie produktowe (te
# materiały czytają „3-4” jako „trzy lub więcej”):

# %%
best = seg.most_valuable(data, abc_table=abc_table)
(present.show(best.replace({"segment": names}), lang, prefixes=("seg_",), currency=company.currency, max_rows=10)
 if len(best) else present.say(present.column_label("seg_no_most_valuable", lang)))

# %% [markdown] lang="en"
# The first cross-sell targets: clients of class A or X (large or steady) whose maturity is low.
# They already trust the company and use few of the lines meant for them:
# %% [markdown] lang="pl"
# Pierwsi adresaci sprzedaży krzyżowej: klienci z klasy A lub X (duzi albo stabilni) o niskiej
# dojrzałości. Już ufają firmie, a korzystają z niewielu przeznaczonych dla nich linii:

# %%
low = seg.low_maturity(data, below=low_maturity_below, abc_table=abc_table)
present.show(low.replace({"segment": names}), lang, prefixes=("seg_",), currency=company.currency, max_rows=10)

# %% [markdown] lang="en"
# Lost clients per target group (the lifecycle statuses of notebook 04, window W of the company):
# where does the company lose its clients?
# %% [markdown] lang="pl"
# Klienci utraceni według grup docelowych (statusy cyklu życia z notatnika 04, okno W firmy):
# gdzie firma traci klientów?

# %%
lost = seg.lost_by_segment(data)
present.show(lost.rename(index=names), lang, prefixes=("seg_",), max_rows=None)

# %% [markdown] lang="en"
# ## 7. Segmentation by behaviour: RFM
#
# The target groups use "from birth" parameters. An analyst adds a segmentation by behaviour,
# **this workbook's addition** to the article's "during cooperation" parameters: how **recently**
# a client bought (days since its last purchase), how **frequently** (days with a purchase in the
# period) and for how much (**monetary**: its net turnover in the period). Each gets a score of 1
# to 5 by quantiles (equal values share a score; a value exactly on a quantile boundary takes the
# upper score). The clients who bought in the period are then split into **behaviour groups** by
# k-means on the standardised logarithms of the three values; its random starting points are
# fixed, so the same data always give the same groups. The number of groups, between three and
# six, is the one whose groups are best separated (the highest mean silhouette):
# %% [markdown] lang="pl"
# ## 7. Segmentacja według zachowań: RFM
#
# Grupy docelowe korzystają z parametrów „od urodzenia”. Analityk dodaje segmentację według
# zachowań, **uzupełnienie zaproponowane w tych materiałach** do parametrów „w trakcie
# współpracy” z artykułu: jak **niedawno** klient kupił (dni od ostatniego zakupu), jak **często**
# (dni z zakupem w okresie) i za ile (**wartość**: obrót netto w okresie). Każda z nich dostaje
# ocenę od 1 do 5 według kwantyli (równe wartości mają równą ocenę; wartość dokładnie na granicy
# kwantyla dostaje ocenę wyższą). Klienci, którzy kupili w okresie, są następnie dzieleni na
# **grupy zachowań** metodą k-średnich na standaryzowanych logarytmach tych trzech wartości;
# losowe punkty startowe metody są ustalone, więc te same dane dają zawsze te same grupy. Liczba
# grup, od trzech do sześciu, to ta, przy której grupy są najlepiej rozdzielone (najwyższy średni
# współczynnik sylwetki):

# %%
rfm = seg.rfm(data)
clusters = seg.rfm_clusters(rfm)
salesnb.record("rfm_clusters", clusters.k)
charts.silhouette_chart(clusters, lang)

# %%
charts.rfm_chart(clusters, lang, company.currency)

# %% [markdown] lang="en"
# Each behaviour group is named after its typical client (the medians), measured against the
# company's own rhythm, the lifecycle window W of notebook 04 (this workbook's decision): bought
# **recently** means a last purchase at most a third of W ago, **long ago** more than W ago (the
# lifecycle would already count such a client lost); **rarely** means fewer purchase days in the
# period than the windows W it holds (under four a year with a three-month W), **often** more than
# twice as many; the value level comes from the mean value score. Groups that would share a name
# get a qualifier. Group 0 holds the clients without a purchase in the period, left out of the
# grouping:
# %% [markdown] lang="pl"
# Każda grupa zachowań ma nazwę według swojego typowego klienta (mediany), zmierzonego rytmem
# firmy, czyli oknem W cyklu życia z notatnika 04 (decyzja przyjęta w tych materiałach): kupił
# **niedawno**, gdy ostatni zakup był najwyżej jedną trzecią W temu, **dawno**, gdy ponad W temu
# (cykl życia liczyłby już takiego klienta jako utraconego); kupuje **rzadko**, gdy ma mniej dni
# z zakupem w okresie, niż okres ma okien W (przy trzymiesięcznym W: mniej niż cztery w roku),
# **często**, gdy ponad dwa razy więcej; poziom wartości wynika ze średniej oceny wartości. Grupy,
# które dostałyby tę samą nazwę, mają dopowiedzenie, czym się różnią. Grupa 0 to klienci bez
# zakupu w okresie, pominięci przy podziale na grupy zachowań:

# %%
present.show(clusters.profiles, lang, currency=company.currency, max_rows=None)

# %% [markdown] lang="en"
# In a live workshop, pick a target group and a maturity threshold here:
# %% [markdown] lang="pl"
# Na warsztatach można tu wybrać grupę docelową i próg dojrzałości:

# %%
from salesnb.widgets.segments import segment_widget

segment_widget(data, language=lang)

# %% [markdown] lang="en"
# ## 8. What a manager should do next
#
# **This workbook's suggestions**, in the order of the article's managed process: first offer the
# rest of their portrait to the valuable clients who use few of their lines (section 6); follow up
# every application and deliver every contract signed; after each refusal, set the date of the
# next attempt (among its control points the article lists the date of a new try to arrange a
# presentation that did not take place; applying it to every refusal is this workbook's step);
# then offer the targeted lines never offered, and win back the lost clients where the groups lose
# most. Beyond the clients: a group
# with a low coverage of a line across all its clients is a question for the product and the
# marketing, and a line a group buys although the portrait does not mean it for the group may
# belong in the portrait.
# %% [markdown] lang="pl"
# ## 8. Co dalej powinien zrobić menedżer
#
# **Propozycje przyjęte w tych materiałach**, w kolejności zarządzanego procesu z artykułu:
# najpierw zaproponować resztę portretu cennym klientom, którzy korzystają z niewielu swoich linii
# (punkt 6); doprowadzić do końca każdy wniosek i zrealizować każdą podpisaną umowę; po każdej
# odmowie ustalić termin kolejnej próby (wśród punktów kontrolnych artykuł wymienia datę ponownej
# próby umówienia się na prezentację, jeśli się nie udało; rozciągnięcie tego na każdą odmowę to
# krok zaproponowany w tych materiałach); następnie zaproponować linie docelowe, których nikt nie
# proponował, i odzyskać klientów utraconych tam, gdzie grupy tracą najwięcej. Poza klientami: niskie pokrycie linii w całej grupie to pytanie do produktu
# i marketingu, a linia, którą grupa kupuje, choć portret jej nie przewiduje, może należeć do
# portretu.

# %%
present.show(seg.next_steps(grid, low, lost), lang, max_rows=None)

# %%
saved = save_tables(output_dir, segments=groups, coverage=coverage, maturity=maturity, offer_grid=grid,
                    cross_sell=seg.cross_sell(data, contract_stage=contract_stage, abc_table=abc_table),
                    rfm=clusters.table)
