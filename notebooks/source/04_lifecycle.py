# salesnb: {"title": {"en": "The client lifecycle and the sales managers' KPIs", "pl": "Cykl życia klienta i wskaźniki menedżerów sprzedaży"}, "requires": ["transactions"]}
# %% [markdown] lang="en"
# # 04 · The client lifecycle and the sales managers' KPIs
#
# Work with a client starts long before the first invoice and, after the first payment, needs
# daily effort to widen and keep the client's portfolio. The article *Working with clients*
# judges sales managers by KPIs built on five kinds of client, defined by **settlements** (in this
# workbook: invoices and their dates, as the data contract says; not payments) within the last
# three months. The article gives these definitions as examples; in its words, shortened:
#
# | Status | The article's definition |
# |---|---|
# | **potential** | a client the company has no information on and no settlements with; in some cases also an independent structural unit of an existing client (another address, other contact people, another line of business). No ABC/XYZ class. |
# | **new** | a client with whom settlements took place for the first time within the last three months. An ABC class, no XYZ class. |
# | **regular** | a client the company has information on, with settlements within the last three months. Current ABC/XYZ classes. |
# | **lost** | a client with whom there were settlements, but none for more than three months. |
# | **restored** | a client with no settlements in one or more periods before the current one, and settlements in the current period. |
#
# The article's potential client reads literally "a client *the company has no information on*
# and no settlements with"; this workbook reads it as a client the company knows (a lead in its
# client list) without settlements, since a client nobody knows of cannot be counted.
#
# Taken word for word the definitions overlap (a new or a restored client also settled within the
# last three months, like a regular one). **This workbook's decision** makes them exclusive, so
# that every client has exactly one status at the analysis date *T*: with the window *W* (three
# months in the article, a parameter here), the current window is (*T*−*W*, *T*] and the previous
# one (*T*−2*W*, *T*−*W*]; a client who settled in the current window is **new** if its first
# settlement is in it, **regular** if it also settled in the previous window, **restored**
# otherwise. A correction (credit note) is not a settlement.
# %% [markdown] lang="pl"
# # 04 · Cykl życia klienta i wskaźniki menedżerów sprzedaży
#
# Praca z klientem może rozpocząć się na długo przed wystawieniem pierwszej faktury, a gdy pierwsza
# wpłata wpłynie na konto firmy, potrzebna jest codzienna praca, aby rozwinąć portfolio produktów
# klienta i je utrzymać. Artykuł *Praca z klientami* ocenia efektywność menedżerów sprzedaży
# kluczowymi wskaźnikami, a żeby działały one prawidłowo, definiuje pięć kategorii klientów na
# podstawie **wzajemnych rozliczeń** w ciągu ostatnich trzech miesięcy. W tych materiałach
# rozliczenia to faktury i ich daty (tak opisuje je format danych), a nie wpłaty. Artykuł podaje
# te definicje jako przykładowe; oto one w skrócie:
#
# | Status | Definicja z artykułu |
# |---|---|
# | **potencjalny** | klient, o którym spółka nie posiada informacji i z którym nie ma wzajemnych rozliczeń; w niektórych przypadkach także niezależna jednostka strukturalna istniejącego klienta (np. pod innym adresem, z innymi osobami kontaktowymi, o innym charakterze działalności). Nie posiada klasy ABC/XYZ. |
# | **nowy** | klient, z którym po raz pierwszy w ciągu ostatnich trzech miesięcy doszło do wzajemnych rozliczeń. Może mieć klasę ABC, ale nie klasę XYZ. |
# | **stały** | klient, o którym informacje znajdują się w spółce i z którym w ciągu ostatnich trzech miesięcy miały miejsce wzajemne rozliczenia. Ma aktualne klasy ABC/XYZ. |
# | **utracony** | klient, o którym informacje są w firmie i z którym były wzajemne rozliczenia, ale nie ma ich od ponad trzech miesięcy. |
# | **przywrócony** | klient, o którym informacje są w bazie i z którym w jednym lub kilku okresach poprzedzających bieżący nie było wzajemnych rozliczeń, natomiast występują one w okresie bieżącym. |
#
# Według artykułu klient potencjalny to klient, o którym spółka *nie posiada informacji*. Te
# materiały rozumieją tę definicję inaczej: klient potencjalny to klient, którego firma zna (jest na
# liście klientów), ale nie ma z nim jeszcze rozliczeń – klienta, o którym nikt nic nie wie, nie da
# się policzyć.
#
# Rozumiane dosłownie definicje nakładają się (klient nowy i klient przywrócony też mieli
# rozliczenia w ciągu ostatnich trzech miesięcy, tak jak stały). **Decyzja przyjęta w tych materiałach** czyni
# je rozłącznymi, tak by na dzień analizy *T* każdy klient miał dokładnie jeden status. Przy oknie
# *W* (w artykule trzy miesiące, tutaj parametr) bieżące okno to (*T*−*W*, *T*], a poprzednie
# (*T*−2*W*, *T*−*W*]. Klient z rozliczeniem w bieżącym oknie jest **nowy**, jeśli w tym oknie
# przypada jego pierwsze rozliczenie; **stały**, jeśli miał rozliczenie także w poprzednim oknie;
# w przeciwnym razie – **przywrócony**. Korekta (faktura korygująca) nie jest rozliczeniem.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] a company folder [pl] folder firmy
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
output_dir = None  # [en] a folder to save the tables in; None: save nothing [pl] folder, w którym zapisać tabele; None: nic nie zapisywać
as_of = None  # [en] the as-of date T, e.g. "2025-12-31"; None: the company setting [pl] data analizy T, np. "2025-12-31"; None: ustawienie firmy
window = None  # [en] the window W, e.g. "3M", "2M", "8W"; None: the company setting [pl] okno W, np. "3M", "2M", "8W"; None: ustawienie firmy
kpi_quarter = None  # [en] the KPI period, e.g. "2025Q4"; None: the last full quarter up to T [pl] okres KPI, np. "2025Q4"; None: ostatni pełny kwartał do T
history_periods = 12  # [en] how many windows back the status history goes [pl] ile okien wstecz sięga historia statusów

# %%
%matplotlib inline
import salesnb
from salesnb import kpis, lifecycle, periods, present
from salesnb.io import save_tables
from salesnb.plots import lifecycle as charts

company = salesnb.load_company(dataset)
lang = language
T = periods.as_timestamp(as_of) if as_of else company.analysis_date
W = window or company.params["lifecycle_window"]
present.about(company, lang)

# %% [markdown] lang="en"
# ## 1. Which window fits this company?
#
# The article's first practical exercise asks for exactly this choice: the calendar periods
# should match the company's average purchase frequency. Three months suits a company whose
# clients buy monthly or quarterly; a wholesaler with weekly orders may want one month, an agency
# with yearly events twelve. The suggestion below starts from the gaps between each client's
# consecutive purchases:
# %% [markdown] lang="pl"
# ## 1. Jakie okno pasuje do firmy?
#
# O ten wybór prosi pierwsze zadanie praktyczne w artykule: „długość takich okresów powinna
# pokrywać się ze średnią częstotliwością sprzedaży w Twojej firmie”. Na przykład trzy miesiące
# pasują do firmy, której klienci kupują co miesiąc lub co kwartał; hurtownia z cotygodniowymi
# zamówieniami może wybrać miesiąc, a agencja organizująca wydarzenia raz w roku – dwanaście
# miesięcy. Poniższa propozycja tych materiałów opiera się na odstępach między kolejnymi zakupami
# każdego klienta:

# %%
suggestion = lifecycle.suggest_window(company)
present.say(suggestion.explain(lang))

# %%
present.show(suggestion.candidates, lang, max_rows=None)

# %%
present.say({"en": "The statuses below use **W = {w}**, the company's setting (or this notebook's window "
                   "setting); the suggestion above is {s}. The workshop widget at the end compares windows.",
             "pl": "Dalej statusy klientów liczymy przy oknie **W = {w}** (ustawienie firmy albo parametr "
                   "notatnika); sugerowane wyżej okno to {s}. Widżet na końcu notatnika pozwala porównać "
                   "różne okna."}[lang], w=present.window(W, lang), s=present.window(suggestion.label, lang))

# %% [markdown] lang="en"
# ## 2. The client base at the analysis date
#
# Is the base healthy? Many new and regular clients and few lost ones is what a manager hopes to
# see; a large lost group is a list of calls to make.
# %% [markdown] lang="pl"
# ## 2. Baza klientów na dzień analizy
#
# Czy struktura bazy jest optymalna? Menedżer chciałby widzieć wielu klientów nowych i stałych,
# a niewielu utraconych; duża grupa klientów utraconych to gotowa lista klientów, do których trzeba
# zadzwonić.

# %%
status = lifecycle.statuses(company, as_of=T, window=W)
counts = lifecycle.status_counts(status)
salesnb.record("lifecycle_status", counts)
charts.status_counts_chart(status, lang)

# %%
present.show(counts.rename("clients").rename_axis("status"), lang)

# %% [markdown] lang="en"
# The article also counts as potential an independent unit of an existing client (another address,
# other contact people); in this workbook such a unit stays potential until it settles on its
# own (this workbook's reading). Where the client list names a unit's parent
# client (see the data format), these units are counted here.
# %% [markdown] lang="pl"
# Według artykułu klientem potencjalnym może być w niektórych przypadkach także niezależna jednostka
# strukturalna istniejącego klienta (np. pod innym adresem, z innymi osobami kontaktowymi). W tych
# materiałach taka jednostka jest klientem potencjalnym, dopóki sama nie ma rozliczeń. Jeśli lista
# klientów wskazuje dla jednostki klienta nadrzędnego (zob. format danych), liczymy takie jednostki
# tutaj.

# %%
units = lifecycle.potential_units(status)
present.say({"en": "Potential clients that are units of existing clients: **{n}**.",
             "pl": "Klienci potencjalni będący jednostkami istniejących klientów: **{n}**."}[lang],
            n=present.count(len(units), lang))

# %% [markdown] lang="en"
# Each client's status, with its first and last settlement (the first rows, sorted by client):
# %% [markdown] lang="pl"
# Status każdego klienta wraz z datą pierwszego i ostatniego rozliczenia (pierwsze wiersze,
# w kolejności identyfikatorów klientów):

# %%
present.show(status.set_index("customer_id"), lang, max_rows=10)

# %% [markdown] lang="en"
# ## 3. How the client base moves
#
# The status of every client at the end of each window, going back in time, and the flows
# between consecutive windows: new clients who became regular, regular clients who were lost,
# lost clients who came back.
# %% [markdown] lang="pl"
# ## 3. Jak zmienia się baza klientów
#
# Status każdego klienta na koniec kolejnych okien (wstecz od daty analizy) oraz przepływy między
# kolejnymi oknami: nowi klienci, którzy przeszli do stałych, stali klienci, których firma utraciła,
# i utraceni klienci, którzy wrócili.

# %%
history = lifecycle.status_history(company, as_of=T, window=W, periods=history_periods)
charts.status_history_chart(history, lang)

# %%
charts.flows_chart(history, lang)

# %% [markdown] lang="en"
# ## 4. The sales managers' KPIs for a quarter
#
# The article ends with two tables: one row per sales manager and one per client. It names the
# KPIs but not how to compute them; this workbook's rules: a sale is **primary** on the client's
# first settlement day, **repeat** in a product line the client already bought, and **in a new
# direction** on the first day the client buys in a line new to it. A client **lost** in the
# quarter was active at its start and is lost at its end; a **restored** client is the mirror:
# lost at the start, active again at the end. *Conversion* divides the first purchases by the
# clients without a purchase before the quarter (the potential clients at its end plus those who
# bought for the first time in it); the cohort of first contacts made in the quarter is shown
# beside it. *Lost product lines* are this workbook's reading of the article's client lost "in one
# or several areas" (a client "with an expired and not renewed contract in one or several
# areas"): a line the client stopped buying while it still buys others.
# %% [markdown] lang="pl"
# ## 4. Wskaźniki menedżerów sprzedaży za kwartał
#
# Artykuł kończy się dwiema tabelami: w jednej wiersz to menedżer sprzedaży, w drugiej – klient.
# Wymienia wskaźniki, ale nie podaje, jak je liczyć. Zasady przyjęte w tych materiałach: sprzedaż
# jest **pierwotna** w dniu pierwszego rozliczenia z klientem, **powtórna** w linii produktowej,
# w której klient już kupował, a **pierwotna w nowym kierunku** w pierwszym dniu zakupu w nowej dla
# klienta linii produktowej. Klient **utracony** w kwartale był aktywny (nowy, stały lub
# przywrócony) na jego początku i jest utracony na jego końcu; klient **przywrócony** – odwrotnie:
# utracony na początku, znów aktywny na końcu. *Konwersja* to liczba pierwszych zakupów podzielona
# przez liczbę klientów, którzy przed kwartałem nie mieli zakupu (klienci potencjalni na koniec
# kwartału plus ci, którzy kupili w nim po raz pierwszy); obok pokazujemy też klientów, którzy
# pierwszy raz skontaktowali się z firmą w tym kwartale. *Utracone linie produktowe* to przyjęte w tych
# materiałach odczytanie klienta utraconego „w jednym lub kilku obszarach” (artykuł: klient „z wygasłą
# i nie przedłużoną umową w jednym lub kilku obszarach”): linia produktowa, w której klient przestał
# kupować, choć nadal kupuje w innych.

# %%
start, end = periods.quarter_bounds(kpi_quarter, T)
managers = kpis.manager_kpis(company, start, end, W)
present.say(f"**{present.date(start, lang)} – {present.date(end, lang)}**, W = {present.window(W, lang)}")

# %%
present.show(managers[list(kpis.KPI_GROUPS["article"])], lang, currency=company.currency, prefixes=("kpi_",),
             max_rows=None)

# %%
present.show(managers[list(kpis.KPI_GROUPS["sales"] + kpis.KPI_GROUPS["conversion"])], lang,
             currency=company.currency, prefixes=("kpi_",), max_rows=None)

# %%
charts.manager_kpis_chart(managers, lang, company.currency)

# %%
idle = kpis.idle_managers(managers)
present.say({"en": "**{names}**: no client of their own and no sale in the quarter (the data names them, e.g. on "
                   "deals for other managers' clients: see notebook 05), hence the zeros.",
             "pl": "**{names}**: brak własnych klientów i sprzedaży w kwartale (dane wymieniają tę osobę, np. przy "
                   "szansach sprzedaży klientów innych menedżerów: zob. notatnik 05), stąd zera."}[lang],
            names=", ".join(idle)) if idle else None

# %% [markdown] lang="en"
# The article's second table is per client. Below: the clients whose status changed during the
# quarter (the whole table is saved with the report):
# %% [markdown] lang="pl"
# Druga tabela z artykułu dotyczy klientów. Poniżej klienci, których status zmienił się w kwartale
# (cała tabela jest zapisywana razem z raportem):

# %%
clients = kpis.client_kpis(company, start, end, W)
moved = clients[clients["status_start"].astype(str) != clients["status"].astype(str)]
present.show(moved[["salesperson", "status_start", "status", "last_settlement", "repeat_sales_amount",
                    "new_direction_sales_amount", "lost_lines"]], lang, currency=company.currency,
             prefixes=("kpi_",), max_rows=15)

# %% [markdown] lang="en"
# ## 5. The article's table, rebuilt from invented rows
#
# The article prints its per-manager table for 01.01.2009–31.03.2009 (Iwanow and Pietrow)
# without the data behind it. This workbook invented a set of invoices, credit notes and leads from
# which the rules above give the article's numbers: 62 potential clients, 25 primary sales, 13 lost
# and 11 restored clients in total, and the amounts per manager. The article gives the counts only
# as totals, so their split between the two managers is invented; it names no currency, so the
# amounts are shown without one.
# %% [markdown] lang="pl"
# ## 5. Tabela z artykułu odtworzona z przykładowych danych
#
# Artykuł pokazuje tabelę wskaźników menedżerów za okres 01.01.2009–31.03.2009 (Iwanow i Pietrow)
# bez danych, z których powstała. Na potrzeby tych materiałów przygotowano przykładowy zestaw
# faktur, korekt i klientów potencjalnych, z którego opisane wyżej zasady dają liczby z artykułu:
# łącznie 62 klientów potencjalnych, 25 sprzedaży pierwotnych, 13 klientów utraconych
# i 11 przywróconych oraz kwoty dla każdego menedżera. Artykuł podaje liczby klientów tylko łącznie,
# więc ich podział między menedżerów jest umowny; artykuł nie podaje też waluty, dlatego kwoty są
# pokazane bez niej.

# %%
from salesnb.article_example import article_example

example = article_example()
article = kpis.manager_kpis(example, example.period_start, example.period_end)
present.show(article[list(kpis.KPI_GROUPS["article"])], lang, currency="", prefixes=("kpi_",))

# %% [markdown] lang="en"
# ## 6. Try other windows (live workshops)
#
# Move the analysis date and change the window: how many clients change status?
# %% [markdown] lang="pl"
# ## 6. Wypróbuj inne okna (warsztaty na żywo)
#
# Przesuń datę analizy i zmień okno: ilu klientów zmienia status?

# %%
from salesnb.widgets.lifecycle import lifecycle_widget

lifecycle_widget(company, language=lang)

# %%
saved = save_tables(output_dir, lifecycle_status=status, lifecycle_history=history.counts,
                    manager_kpis=managers, client_kpis=clients)
