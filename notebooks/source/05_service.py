# salesnb: {"title": {"en": "Service quality: standards, satisfaction, loyalty and the sales funnel", "pl": "Jakość obsługi: standardy, satysfakcja, lojalność i lejek sprzedaży"}, "requires": ["transactions", "contacts", "satisfaction", "deals"]}
# %% [markdown] lang="en"
# # 05 · Service quality: standards, satisfaction, loyalty and the sales funnel
#
# The earlier notebooks sort the clients; this one measures the **service** they get. Three of the
# articles meet here:
#
# - *Standards and good practices in sales*: a standard is fixed, universal, **auditable** and
#   mandatory. Its example: "if you cannot take a client's call, call back as soon as possible, but
#   no later than **2 hours** after the call".
# - *Professional customer service: is it worth investing in?*: professional service is "an e-mail
#   answering the client's enquiry sent within **24 hours** of receiving it"; satisfaction comes
#   from the product, the people and the touchpoints.
# - *Working with clients*: the criteria of loyalty, the satisfaction survey (a **2** is open and
#   a **3** hidden dissatisfaction, both handled like a complaint), the sales funnel with refusals
#   by stage, and the dated **control points** of the sales process.
#
# Every rule the articles leave open is a decision of this workbook, said where it is used.
# %% [markdown] lang="pl"
# # 05 · Jakość obsługi: standardy, satysfakcja, lojalność i lejek sprzedaży
#
# Wcześniejsze notatniki porządkują klientów; ten mierzy **obsługę**, którą otrzymują. Spotykają się
# tu trzy artykuły:
#
# - *Standardy i dobre praktyki w sprzedaży*: standard jest stały, powszechny, **możliwy do
#   weryfikacji** (audytu) i wymagany. Przykład: „Jeśli nie możesz odebrać telefonu od klienta,
#   oddzwoń do niego niezwłocznie, kiedy będzie to możliwe, ale nie później niż **2h** od jego
#   telefonu”.
# - *Profesjonalna obsługa klienta – czy warto w nią inwestować?*: profesjonalną obsługą jest „mail
#   z odpowiedzią na zapytanie klienta, który zostaje wysłany w ciągu **24 godzin** od momentu jego
#   otrzymania”; satysfakcja klienta ma źródło w produkcie, ludziach i punktach styku.
# - *Praca z klientami*: kryteria lojalności, ocena satysfakcji (ocena **2** to oczywiste, a **3**
#   ukryte niezadowolenie, które traktuje się jak reklamację), lejek sprzedaży z odmowami według
#   etapów oraz **punkty kontrolne** procesu sprzedaży z datami.
#
# Każda zasada, której artykuły nie przesądzają, jest decyzją przyjętą w tych materiałach i jest
# opisana tam, gdzie się jej używa.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] a company folder [pl] folder firmy
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
output_dir = None  # [en] a folder to save the tables in; None: save nothing [pl] folder, w którym zapisać tabele; None: nic nie zapisywać
as_of = None  # [en] the analysis date, e.g. "2025-12-31"; None: the company setting [pl] data analizy, np. "2025-12-31"; None: ustawienie firmy
standards = None  # [en] hours per channel, e.g. {"phone": 2, "e-mail": 24}; None: the company setting [pl] godziny na kanał (nazwy kanałów jak w danych), np. {"phone": 2, "e-mail": 24}; None: ustawienie firmy
business_hours = None  # [en] True, False or "08:00-18:00"; None: the company setting [pl] True, False lub "08:00-18:00"; None: ustawienie firmy
holidays = None  # [en] "PL" for Polish public holidays, False for none; None: the company setting [pl] "PL": polskie święta ustawowe, False: bez świąt; None: ustawienie firmy
months = 24  # [en] months shown on the compliance chart [pl] liczba miesięcy na wykresie zgodności ze standardami
survey_months = None  # [en] the survey period in months (satisfaction scores, clients to contact, surveys due, actions); None: the company setting, else 12 [pl] okres badania satysfakcji w miesiącach (oceny, klienci do kontaktu, badania do zrobienia, działania); None: ustawienie firmy, a bez niego 12

# %%
%matplotlib inline
import salesnb
from salesnb import present, service
from salesnb.i18n import t
from salesnb.io import save_tables
from salesnb.plots import service as charts
from salesnb.widgets.service import standards_overview, standards_widget

company = salesnb.load_company(dataset)
lang = language
settings = dict(as_of=as_of, standards=standards, business_hours=business_hours, holidays=holidays)
present.about(company, lang)

# %% [markdown] lang="en"
# ## 1. The standards audit: were enquiries answered in time?
#
# The contacts log says when each enquiry came in, on which channel, and when it was answered. The
# standard is per channel: by default a phone call is returned within 2 hours and an e-mail answered
# within 24 hours (the articles' examples); any other channel gets the company's general reply
# time (24 hours unless its settings say otherwise). A company sets its own standards, business
# hours, holidays and control-point intervals in its settings. This
# workbook's rules: a reply exactly at the deadline is on time; an enquiry still unanswered after
# its deadline is **overdue** and counts against the standard; one still within its deadline is
# **open** and not judged yet.
# %% [markdown] lang="pl"
# ## 1. Audyt standardów: czy na zapytania odpowiedziano w terminie?
#
# Rejestr zapytań mówi, kiedy każde zapytanie wpłynęło, jakim kanałem i kiedy na nie odpowiedziano.
# Standard zależy od kanału: domyślnie oddzwaniamy w ciągu 2 godzin, a na e-mail odpowiadamy
# w ciągu 24 godzin (przykłady z artykułów); dla innych kanałów obowiązuje ogólny czas odpowiedzi
# firmy (24 godziny, jeśli jej ustawienia nie mówią inaczej). Firma ustala własne standardy,
# godziny pracy, dni wolne i odstępy punktów kontrolnych w ustawieniach firmy.
# Zasady przyjęte w tych materiałach:
# odpowiedź dokładnie w terminie jest w terminie; zapytanie bez odpowiedzi po terminie jest
# **zaległe** i liczy się przeciw standardowi; zapytanie bez odpowiedzi, którego termin jeszcze
# nie minął, jest **otwarte** i jeszcze nie oceniane.

# %%
audit = service.response_times(company, **settings)
overall = service.compliance(audit, by=None)
salesnb.record("service_compliance", float(overall["compliance"].iloc[0]))
salesnb.record("service_enquiries_overdue", int(overall["overdue"].iloc[0]))
by_channel, compliance_figure = standards_overview(company, **settings, months=months, language=lang)
present.show(by_channel, lang, max_rows=None)

# %%
compliance_figure

# %% [markdown] lang="en"
# The same audit per sales manager (an enquiry belongs to the person who handled it where the log
# says so, else to the client's manager):
# %% [markdown] lang="pl"
# Ten sam audyt według menedżerów sprzedaży (zapytanie należy do osoby, która je obsłużyła, jeśli
# rejestr to podaje, a w przeciwnym razie do opiekuna klienta):

# %%
present.show(service.compliance(audit, by="salesperson"), lang, max_rows=None)

# %% [markdown] lang="en"
# **Business hours.** Counted round the clock, an e-mail that arrives on Friday evening and is
# answered on Monday morning took more than 60 hours. If the company promises its standards in
# business hours, only working time counts: below, Monday to Friday 8:00-18:00 with the Polish
# public holidays as days off (a company can set its own hours and holidays in its settings). The
# table shows how the audit changes.
# %% [markdown] lang="pl"
# **Godziny pracy.** Licząc całą dobę, e-mail, który przyszedł w piątek wieczorem, a odpowiedź
# wysłano w poniedziałek rano, czekał ponad 60 godzin. Jeśli firma obiecuje standardy w godzinach
# pracy, liczy się tylko czas pracy: poniżej od poniedziałku do piątku 8:00-18:00, a święta
# państwowe w Polsce są dniami wolnymi (firma może ustalić własne godziny i dni wolne w swoich
# ustawieniach). Tabela pokazuje, jak zmienia się wynik audytu.

# %%
working_time = service.compliance(company, by="channel", as_of=as_of, standards=standards, business_hours=True,
                                  holidays="PL")
present.show(working_time, lang, max_rows=None)

# %% [markdown] lang="en"
# ## 2. Satisfaction: every 2 and 3 is a complaint
#
# *Working with clients*: about 10% of clients complain; the other 90% are heard only through the
# satisfaction survey, which every client should get at least once a year, one questionnaire per
# product, on a 5-point scale. A **2** is open dissatisfaction and a **3** hidden dissatisfaction,
# and either is handled the same way as a complaint. This workbook counts a **1** with the 2s, as
# open dissatisfaction.
#
# Every table and chart of this section reads the same **survey period**: the last 12 months up
# to the analysis date (a parameter of this notebook changes the length; a survey exactly a year
# old still counts), the period in which every client should have been surveyed. The actions in section 8
# read the same answers. The heat map shows, per criterion and product line, the share of answers
# that are 1, 2 or 3: the redder the cell, the more complaints are waiting to happen.
# %% [markdown] lang="pl"
# ## 2. Satysfakcja: każda 2 i 3 to reklamacja
#
# *Praca z klientami*: mniej więcej 10% klientów składa reklamacje; pozostałe 90% słychać tylko
# w ocenie satysfakcji, którą trzeba przeprowadzić u wszystkich klientów przynajmniej raz w roku,
# z osobną ankietą dla każdego produktu, w 5-punktowej skali. Ocena **2** to oczywiste, a **3** ukryte
# niezadowolenie i w obu przypadkach problem traktuje się tak samo jak reklamację. W tych
# materiałach ocenę **1** liczymy razem z dwójkami, jako oczywiste niezadowolenie.
#
# Wszystkie tabele i wykresy tej części dotyczą tego samego **okresu badania**: ostatnich
# 12 miesięcy do daty analizy (długość zmienia parametr notatnika; badanie sprzed dokładnie roku
# jeszcze się liczy), czyli okresu, w którym każdy klient powinien zostać zbadany. Z tych samych ocen
# korzystają działania w części 8. Mapa ciepła pokazuje dla każdego kryterium i linii produktów
# odsetek ocen 1, 2 i 3: im czerwieńsze pole, tym więcej reklamacji, które dopiero nadejdą.

# %%
survey = dict(as_of=as_of, survey_every_months=survey_months)
heat_by = ("product_line", "criterion") if company.has("products") else ("salesperson", "criterion")
charts.satisfaction_heatmap_chart(service.satisfaction_scores(company, by=heat_by, **survey), lang)

# %%
scores = service.satisfaction_scores(company, by="criterion", **survey)
present.show(scores, lang, max_rows=None, caption=t("svc_scores_caption", lang).format(
    start=present.date(scores.attrs["since"], lang), end=present.date(scores.attrs["as_of"], lang)))

# %% [markdown] lang="en"
# **Clients to contact now.** Each client's latest answer per product and criterion within the
# survey period; every 1, 2 or 3 among them is a complaint to handle (an answer already followed by
# a better one on the same criterion is settled):
# %% [markdown] lang="pl"
# **Klienci do kontaktu teraz.** Ostatnia ocena każdego klienta dla produktu i kryterium z okresu
# badania; każda 1, 2 lub 3 wśród nich to reklamacja do wyjaśnienia (ocena, po której przyszła
# lepsza dla tego samego kryterium, jest już załatwiona):

# %%
to_contact = service.clients_to_contact(company, **survey)
salesnb.record("service_clients_to_contact", int(to_contact["customer_id"].nunique()))
present.show(to_contact, lang, max_rows=15)

# %% [markdown] lang="en"
# **Surveys due.** Current clients (a purchase within the survey period) without a survey in the
# last 12 months; a survey exactly a year old still counts. A client never surveyed is due since
# its first purchase: the article asks new clients to be assessed after every new product.
# %% [markdown] lang="pl"
# **Badania do zrobienia.** Obecni klienci (zakup w okresie badania) bez badania satysfakcji
# w ostatnich 12 miesiącach; badanie sprzed dokładnie roku jeszcze się liczy. Klienta niebadanego
# należało zbadać już po pierwszym zakupie: artykuł każe oceniać nowych klientów po sprzedaży
# każdego nowego produktu.

# %%
due = service.surveys_due(company, **survey)
salesnb.record("service_surveys_due", len(due))
present.show(due, lang, max_rows=10)

# %% [markdown] lang="en"
# ## 3. Loyalty
#
# *Working with clients* measures loyalty by the **loyalty index**, the number of regular clients,
# the share of sales from old clients and purchases from referrals. The article writes the index
# as *all clients / loyal clients*: taken that way round it is 1 or more and **falls** as loyalty
# grows, so the tables show it as written and, easier to read, its inverse, the **share of loyal
# clients**. This workbook's rules: a client is loyal in a period if it bought in it and in the
# period of the same length before it (repeat purchases); an old client bought before the period;
# purchases from referrals need the client list to name who recommended whom (a column "referred
# by", see the data format). The last 12 months, per sales manager:
# %% [markdown] lang="pl"
# ## 3. Lojalność
#
# *Praca z klientami* mierzy lojalność **wskaźnikiem lojalności**, liczbą stałych klientów,
# udziałem sprzedaży starych klientów i zakupami z rekomendacji. Artykuł zapisuje wskaźnik jako
# *całkowita liczba klientów / liczba klientów lojalnych*: liczony w tę stronę wynosi 1 lub więcej
# i **maleje**, gdy lojalność rośnie, dlatego tabele pokazują go tak, jak w artykule, a obok jego
# odwrotność, łatwiejszą do czytania: **udział klientów lojalnych**. Zasady przyjęte w tych
# materiałach: klient
# jest lojalny w okresie, jeśli kupował w nim i w poprzednim okresie tej samej długości (zakupy
# powtórne); stary klient kupował już przed okresem; zakupy z rekomendacji wymagają, by lista
# klientów wskazywała, kto kogo polecił (kolumna „polecony przez”, zob. format danych). Ostatnie 12 miesięcy, według
# menedżerów sprzedaży:

# %%
loyal = service.loyalty(company, period_end=as_of)
salesnb.record("service_loyal_share", float(loyal.loc["Total", "loyal_share"]))
shown = list(service.LOYALTY_COLUMNS) if loyal.attrs["has_referrals"] else list(service.LOYALTY_COLUMNS)[:8]
present.show(loyal[shown], lang, currency=company.currency, max_rows=None)

# %%
charts.loyalty_chart(service.loyalty_history(company, "Q", periods=8, as_of=as_of), lang)

# %% [markdown] lang="en"
# ## 4. The sales funnel and the refusals by stage
#
# The article formalises the stages of a sale (its event agency's: presentation, offer, agreement,
# payment, event, closing; each company lists its own in its settings) and asks for the refusals
# by stage: they show which stage is hardest and why. This workbook's rules: a won deal went through
# every stage; a lost deal stopped where the client refused; the **conversion** at a stage is the
# share of the deals decided there (no longer open at it) that moved on, so deals still open are
# not counted as lost. The chart's title gives the overall result, the **won share of the decided
# deals** (won / (won + lost)); beside each bar are the deals that reached the stage and the
# conversion at it.
# %% [markdown] lang="pl"
# ## 4. Lejek sprzedaży i odmowy według etapów
#
# Artykuł formalizuje etapy sprzedaży (w jego agencji eventowej: prezentacja, oferta, porozumienie,
# zapłata, wydarzenie, zamknięcie; każda firma podaje własne w swoich ustawieniach) i każe
# analizować odmowy klientów według etapów: pokazują, który etap sprawia największe trudności
# i dlaczego. Zasady przyjęte w tych materiałach: wygrana szansa przeszła przez wszystkie etapy;
# przegrana zatrzymała się tam, gdzie klient odmówił; **konwersja** na etapie to odsetek szans,
# które przeszły dalej, wśród szans rozstrzygniętych na tym etapie (przeszły dalej albo klient
# odmówił), więc szanse wciąż otwarte nie liczą się jako przegrane. Tytuł wykresu podaje wynik całego lejka, **odsetek wygranych
# wśród rozstrzygniętych szans** (wygrane / (wygrane + przegrane)); obok każdego słupka są szanse,
# które doszły do etapu, i konwersja na nim.

# %%
deal_funnel = service.funnel(company)
salesnb.record("service_funnel_conversion", float(deal_funnel.attrs["win_rate"]))
charts.funnel_chart(deal_funnel, lang)

# %%
present.show(deal_funnel, lang, max_rows=None)

# %%
present.show(service.refusals(company), lang, currency=company.currency, max_rows=None)

# %% [markdown] lang="en"
# The same funnel per salesperson. **Who a deal belongs to:** the funnel credits each deal to the
# salesperson written on the deal, the person who worked it; the other per-manager tables of this
# notebook (and of the other notebooks) credit a client, its sales and its answers to the client's
# sales manager in the client list. The two differ when someone works deals for clients another
# person manages: such a salesperson appears here but may be missing from the per-manager tables.
# The first table shows how many deals each person worked with his or her own clients and with
# other managers' clients.
# %% [markdown] lang="pl"
# Ten sam lejek według handlowców. **Do kogo należy szansa:** lejek przypisuje każdą szansę
# handlowcowi wpisanemu przy szansie, czyli osobie, która ją prowadziła; pozostałe tabele według
# menedżerów w tym notatniku (i w pozostałych notatnikach) przypisują klienta, jego sprzedaż i oceny
# opiekunowi klienta z listy klientów. Te dwa przypisania różnią się, gdy ktoś prowadzi szanse
# u klientów, którymi opiekuje się inna osoba: taki handlowiec jest widoczny tutaj, ale może go nie
# być w tabelach według menedżerów. Pierwsza tabela pokazuje, ile szans każda osoba prowadziła
# u własnych klientów, a ile u klientów innych opiekunów.

# %%
on_the_deal = {"salesperson": t("svc_deal_salesperson", lang)}
present.show(service.deal_attribution(company, as_of=as_of), lang, labels=on_the_deal, max_rows=None)

# %%
present.show(service.funnel(company, by="salesperson")[["reached", "lost", "conversion"]], lang, labels=on_the_deal,
             max_rows=None)

# %% [markdown] lang="en"
# **The time the deals take.** Where the deals carry the date of each stage (a column per stage, see
# the data format) the table gives the days spent in each stage; otherwise, as here, the median days
# from opening to closing, kept apart for the deals refused at each stage and for the won deals
# (which all went through the last stage), and how long the deals still open at each stage have
# waited so far.
# %% [markdown] lang="pl"
# **Czas trwania szans.** Jeśli szanse mają datę każdego etapu (kolumna na etap, zob. format
# danych), tabela podaje dni spędzone na każdym etapie; w przeciwnym razie, jak tutaj, medianę dni
# od otwarcia do zamknięcia, osobno dla szans odrzuconych na danym etapie i dla szans wygranych
# (które przeszły przez ostatni etap), oraz to, jak długo czekają szanse wciąż otwarte na danym
# etapie.

# %%
times = service.stage_times(company, as_of=as_of)
present.show(times.drop(columns=[c for c in times.columns if c.endswith("_mean")]), lang, max_rows=None)

# %% [markdown] lang="en"
# ## 5. Control points: the to-do list
#
# "To complete the sales process the strict control of these points is necessary": the offer's
# validity date, the invoice's validity date, the satisfaction assessment date, the intervals
# between contacts. Below are the overdue ones the data can date, per sales manager. The workbook's
# defaults where the article gives no length: an offer is valid 30 days, a current client needs a
# contact every 60 days (the article's example agrees to call back in two months); a company can
# set its own in its settings. Kinds the data cannot date (e.g. unpaid invoices without a payment
# due date and a payment date) are left out of the table, not reported as clean.
# %% [markdown] lang="pl"
# ## 5. Punkty kontrolne: lista zadań
#
# „Aby pomyślnie zakończyć proces sprzedaży, konieczna jest ścisła kontrola tych punktów”: data
# ważności oferty, data ważności faktury, data oceny satysfakcji, przerwy pomiędzy kontaktami
# z klientem. Poniżej zaległe punkty, które da się datować z danych, według menedżerów sprzedaży.
# Wartości domyślne przyjęte w tych materiałach tam, gdzie artykuł nie podaje długości: oferta jest
# ważna 30 dni, obecny klient potrzebuje kontaktu co 60 dni (w przykładzie z artykułu menedżer
# umawia się na telefon za dwa miesiące); firma może ustalić własne w swoich ustawieniach. Rodzaje, których dane nie pozwalają
# datować (np. nieopłacone faktury bez terminu płatności i daty zapłaty), są pominięte w tabeli, a nie
# pokazane jako czyste.

# %%
points = service.control_points(company, **settings, survey_every_months=survey_months)
salesnb.record("service_control_points_overdue", len(points))
present.show(service.control_summary(points), lang, max_rows=None)

# %%
present.show(points, lang, max_rows=15)

# %% [markdown] lang="en"
# ## 6. Data checks
#
# Bad input is never counted silently: an answer before the enquiry, a stage outside the company's
# stages or a score outside 1-5 stops the analysis with an error naming the rows; rows a measure
# cannot use are listed here with what happens to them.
# %% [markdown] lang="pl"
# ## 6. Kontrola danych
#
# Błędne dane nigdy nie są liczone po cichu: odpowiedź sprzed zapytania, etap spoza etapów firmy
# albo ocena spoza skali 1-5 zatrzymują analizę błędem z numerami wierszy; wiersze, których dana
# miara nie może użyć, są wymienione tutaj razem z tym, co się z nimi dzieje.

# %%
present.show(service.data_checks(company, as_of=as_of), lang, max_rows=None)

# %% [markdown] lang="en"
# ## 7. Set a standard (live workshops)
#
# Choose a channel, set its standard in hours, switch business hours and holidays on or off: how
# does compliance change?
# %% [markdown] lang="pl"
# ## 7. Ustal standard (warsztaty na żywo)
#
# Wybierz kanał, ustaw jego standard w godzinach, włącz lub wyłącz godziny pracy i święta: jak
# zmienia się zgodność ze standardem?

# %%
standards_widget(company, language=lang)

# %% [markdown] lang="en"
# ## 8. Three actions the data points to
#
# Each area above gives one candidate action, ranked by how much of the area misses (1 − compliance
# on the weakest channel, the share of 1-3 answers on the weakest criterion, 1 − conversion at the
# weakest stage, the share of current clients without a survey). The satisfaction and survey
# actions read the survey period of section 2. The ranking is this workbook's; the articles ask for
# each control but do not rank them.
# %% [markdown] lang="pl"
# ## 8. Trzy działania, na które wskazują dane
#
# Każdy obszar powyżej daje jedno działanie, a kolejność wynika z tego, jaka część obszaru nie
# spełnia wymagań (1 − zgodność w najsłabszym kanale, udział ocen 1-3 w najsłabszym kryterium,
# 1 − konwersja na najsłabszym etapie, udział obecnych klientów bez badania satysfakcji). Działania
# dotyczące satysfakcji i badań korzystają z okresu badania z części 2. Tę kolejność przyjęto
# w tych materiałach; artykuły wymagają każdej z tych kontroli, ale ich nie szeregują.

# %%
actions = service.next_actions(company, as_of=as_of, survey_every_months=survey_months)
present.actions(actions, lang)

# %%
saved = save_tables(output_dir, service_audit=audit, service_compliance=by_channel, service_to_contact=to_contact,
                    service_surveys_due=due, service_loyalty=loyal, service_funnel=deal_funnel,
                    service_control_points=points)
