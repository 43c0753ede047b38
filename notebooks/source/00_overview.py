# salesnb: {"title": {"en": "Overview: what the dataset holds", "pl": "Przegląd: co zawierają dane"}, "requires": ["transactions"]}
# %% [markdown] lang="en"
# # 00 · Overview: what the dataset holds
#
# Before any method of the articles (Kano, ABC/XYZ, the client lifecycle) we look at the raw
# material: which clients the company knows, over what period it sold, how revenue moves by month
# and product line, and whether anything in the data needs a second look.
# %% [markdown] lang="pl"
# # 00 · Przegląd: co zawierają dane
#
# Zanim zastosujemy metody z artykułów (model Kano, analizę ABC/XYZ, cykl życia klienta), przyjrzyjmy
# się materiałowi wyjściowemu: jakich klientów firma ma w bazie, w jakim okresie sprzedawała, jak
# przychód zmienia się z miesiąca na miesiąc i w poszczególnych liniach produktowych oraz czy coś
# w danych wymaga sprawdzenia.
# %% tags=["parameters"]
# [en] Parameters: papermill replaces these for each company in a batch run. [pl] Parametry: przy uruchomieniu wsadowym papermill podstawia je dla każdej firmy.
dataset = "../../data/samples/it_services"  # [en] a company folder (see docs/data-format.md) [pl] folder firmy (zob. docs/data-format.md)
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
output_dir = None  # [en] a folder to save the tables in; None: save nothing [pl] folder, w którym zapisać tabele; None: nic nie zapisywać

# %%
%matplotlib inline
import salesnb
from salesnb import overview, present
from salesnb.io import save_tables
from salesnb.plots import overview as charts

company = salesnb.load_company(dataset)
lang = language
present.about(company, lang)

# %% [markdown] lang="en"
# ## Key facts
#
# *Clients known* counts every client in the client list or the transactions; *leads that never
# bought* are the **potential clients** of the article *Working with clients* as this workbook
# reads them: known to the company (in its client list), without any settlement yet. Net revenue counts corrections (credit notes, negative amounts) in the month of their date.
# %% [markdown] lang="pl"
# ## Podstawowe fakty
#
# *Klienci w bazie* to wszyscy klienci z listy klientów lub z transakcji. *Klienci potencjalni (bez
# zakupu)* odpowiadają **klientom potencjalnym** z artykułu *Praca z klientami* w odczytaniu
# przyjętym w tych materiałach: firma ich zna (są na liście klientów), ale nie ma z nimi jeszcze żadnych rozliczeń. Przychód netto
# uwzględnia korekty (faktury korygujące, kwoty ujemne) w miesiącu, w którym zostały wystawione.

# %%
facts = overview.summary(company)
salesnb.record("facts", dict(zip(facts["measure"], facts["value"], strict=True)))
salesnb.record("company_name", company.name)
salesnb.record("currency", company.currency)
present.facts(facts, lang, company.currency)

# %% [markdown] lang="en"
# ## Revenue by month and product line
#
# Look for the rhythm of the business: steady months, seasonal peaks, a product line that grows
# or fades. The rhythm matters later: the lifecycle window should match how often clients buy.
# %% [markdown] lang="pl"
# ## Przychód według miesięcy i linii produktowych
#
# Szukamy rytmu firmy: stabilnych miesięcy, sezonowych szczytów, linii produktowych, które rosną
# albo słabną. Ten rytm przyda się później: według artykułu *Praca z klientami* długość okresów,
# na podstawie których kategoryzuje się klientów (okna cyklu życia klienta), powinna pokrywać się
# ze średnią częstotliwością sprzedaży w firmie.

# %%
by_month = overview.revenue_by_month(company.transactions)
charts.revenue_by_month_chart(by_month, lang, company.currency)

# %%
by_line = overview.revenue_by_line(company.transactions)
charts.revenue_by_line_chart(by_line, lang, company.currency)

# %% [markdown] lang="en"
# ## Data quality
#
# The loader has already refused anything it could not read (it names the file, column and row).
# What is left here is allowed but worth a look: *look* marks a check with findings.
# %% [markdown] lang="pl"
# ## Jakość danych
#
# Wszystko, czego nie dało się odczytać, zostało odrzucone już przy wczytywaniu (z nazwą pliku,
# kolumny i numerem wiersza). Poniżej zostaje to, co jest dopuszczalne, ale warte sprawdzenia:
# *sprawdź* oznacza kontrolę, która coś znalazła.

# %%
quality = overview.data_quality(company)
salesnb.record("quality_warnings", int((quality["status"] == "look").sum()))
present.show(quality, lang, max_rows=None)

# %%
saved = save_tables(output_dir, overview_facts=facts, revenue_by_month=by_month, data_quality=quality)

# %% [markdown] lang="en"
# ## Next
#
# The following notebooks apply the articles' methods to this company: the Kano classification of
# client needs (01), target groups and the ideal client portrait (02), ABC/XYZ classes (03), the
# client lifecycle with the sales managers' KPIs (04), and the quality of service: loyalty,
# satisfaction, the sales funnel and service standards (05).
# %% [markdown] lang="pl"
# ## Dalej
#
# Kolejne notatniki stosują do tej firmy metody z artykułów: klasyfikację oczekiwań klientów według
# modelu Kano (01), grupy docelowe i portret idealnego klienta (02), klasy ABC/XYZ (03), cykl życia
# klienta ze wskaźnikami menedżerów sprzedaży (04) oraz jakość obsługi: lojalność, satysfakcję,
# lejek sprzedaży i standardy obsługi (05).
