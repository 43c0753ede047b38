# salesnb: {"title": {"en": "Kano: which client needs are basic, which delight", "pl": "Model Kano: oczekiwania podstawowe, wymagania świadome i czynniki zachwytu"}, "requires": ["kano_survey"]}
# %% [markdown] lang="en"
# # 01 · Kano: which client needs are basic, which delight
#
# The article *Kano model and good practices* builds on Noriaki Kano's model of client
# satisfaction: a feature of a product or service moves a client's satisfaction in one of three
# ways.
#
# - **Basic needs** (must-be, M): their absence angers, their presence is taken for granted.
# - **Performance needs** (one-dimensional, O): the more, the better.
# - **Delighters** (attractive, A): their presence delights, their absence is not missed.
#
# Two lessons the article draws, and this notebook shows with data: client satisfaction is **not
# fixed, it changes over time** ("the more aware the client, the higher the expectations"; in
# Kano's model this means delighters become performance needs and then basic ones), and "there is
# **no point investing in delighters while the clients' basic expectations are unmet**".
# %% [markdown] lang="pl"
# # 01 · Model Kano: oczekiwania podstawowe, wymagania świadome i czynniki zachwytu
#
# Artykuł *Model Kano i dobre praktyki* przywołuje model satysfakcji klienta Noriakiego Kano.
# Cecha produktu lub usługi wpływa na zadowolenie klienta na jeden z trzech sposobów:
#
# - **oczekiwania podstawowe** (M): ich brak wywołuje niezadowolenie, a obecność klient uważa za
#   oczywistą;
# - **wymagania świadome** (O): im lepiej są spełnione, tym większe zadowolenie;
# - **czynniki zachwytu** (A): ich obecność zachwyca, a brak nie rozczarowuje.
#
# Artykuł wskazuje dwa wnioski z modelu, które ten notatnik pokazuje na danych: **zadowolenie
# klientów nie jest stałe i zmienia się z biegiem czasu** („im większa świadomość klienta, tym
# większe oczekiwania”; w modelu Kano oznacza to, że czynniki zachwytu z czasem stają się
# wymaganiami świadomymi, a potem oczekiwaniami podstawowymi) oraz **„nie ma sensu inwestować
# w czynniki zachwytu, jeśli podstawowe oczekiwania klientów nie są zaspokojone”**.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] a company folder with a kano_survey table [pl] folder firmy z tabelą kano_survey
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
output_dir = None  # [en] a folder to save the tables in; None: save nothing [pl] folder, w którym zapisać tabele; None: nic nie zapisywać
rule = "mode"  # [en] how a feature's category is chosen: "mode" or "berger" [pl] jak wybierana jest kategoria cechy: "mode" (najczęstsza odpowiedź) lub "berger"
variant = "standard"  # [en] the evaluation table: "standard" or "pouliot" [pl] tabela oceny odpowiedzi: "standard" lub "pouliot"

# %%
%matplotlib inline
import salesnb
from salesnb import kano, present
from salesnb.io import save_tables
from salesnb.plots import kano as charts

company = salesnb.load_company(dataset)
lang = language
present.about(company, lang)

# %% [markdown] lang="en"
# ## 1. The model
#
# Satisfaction (up) against how well a feature is delivered (right). The arrow of time: what
# delights today is expected tomorrow.
# %% [markdown] lang="pl"
# ## 1. Model
#
# Zadowolenie klienta (oś pionowa) w zależności od stopnia spełnienia wymagania (oś pozioma).
# Strzałka czasu: to, co dziś zachwyca, jutro będzie oczekiwane.

# %%
charts.diagram_chart(lang)

# %% [markdown] lang="en"
# ## 2. The questionnaire and the evaluation table
#
# The questionnaire is not in the article; it is the standard method (Berger et al. 1993). Each
# respondent answers two questions per feature: *functional*, "if the product has this feature,
# how do you feel?", and *dysfunctional*, "if it does not?", each with one of five answers. The
# pair is looked up in the evaluation table: rows are the functional answer, columns the
# dysfunctional one. R (reverse) means the respondent wants the opposite, Q (questionable) a
# contradictory pair.
# %% [markdown] lang="pl"
# ## 2. Kwestionariusz i tabela oceny
#
# Kwestionariusza nie ma w artykule; to standardowa metoda z literatury (Berger i in., 1993). Każdy
# respondent odpowiada na dwa pytania o każdą cechę: *funkcjonalne* („Jak się czujesz, gdy produkt
# ma tę cechę?”) i *dysfunkcjonalne* („A gdy jej nie ma?”), za każdym razem wybierając jedną
# z pięciu odpowiedzi. Kategorię dla pary odpowiedzi odczytuje się z tabeli oceny: wiersze to
# odpowiedź funkcjonalna, kolumny – dysfunkcjonalna. R (cecha odwrotna) oznacza, że respondent woli,
# by cechy nie było, a Q (odpowiedź wątpliwa) – że odpowiedzi sobie przeczą.

# %%
present.show(kano.labelled_evaluation_table(variant, lang), lang, index=True)

# %% [markdown] lang="en"
# ## 3. The company's survey, classified
#
# The latest wave of the survey. Per feature: the count of each category, the category by the most
# frequent answer (*mode*) and by Berger's rule (if A+O+M outnumber I+R+Q, the largest of A, O,
# M), which can disagree.
# %% [markdown] lang="pl"
# ## 3. Ankieta firmy po klasyfikacji
#
# Ostatnia fala badania. Dla każdej cechy: liczba odpowiedzi w każdej kategorii oraz kategoria
# według najczęstszej odpowiedzi (*dominanta*) i według reguły Bergera (jeśli odpowiedzi A+O+M
# przeważają nad I+R+Q – najliczniejsza z A, O, M). Obie reguły mogą dać różne wyniki.

# %%
survey, last_wave = kano.select_wave(company, "latest")
summary = kano.summarize(survey, variant=variant)
salesnb.record("kano_category", summary[f"category_{rule}"].value_counts().sort_index())
present.show(summary[["n", "A", "O", "M", "I", "R", "Q", "category_mode", "category_berger"]], lang,
             prefixes=("kano_col_",), max_rows=None)

# %%
charts.category_shares_chart(summary, lang)

# %% [markdown] lang="en"
# ## 4. Better and Worse
#
# **Better** = (A+O)/(A+O+M+I): how much satisfaction rises if the feature is there. **Worse** =
# −(O+M)/(A+O+M+I): how much it falls if it is missing. R and Q answers are left out of both.
# Top right: performance needs; bottom right: basic needs; top left: delighters.
# %% [markdown] lang="pl"
# ## 4. Współczynniki satysfakcji i niezadowolenia
#
# **Współczynnik satysfakcji** (Better) = (A+O)/(A+O+M+I): o ile rośnie zadowolenie, gdy cecha
# jest obecna. **Współczynnik niezadowolenia** (Worse) = −(O+M)/(A+O+M+I): o ile spada, gdy cechy
# brak. Odpowiedzi R i Q nie są uwzględniane w żadnym z tych współczynników. Prawa górna ćwiartka
# wykresu: wymagania świadome; prawa dolna: oczekiwania podstawowe; lewa górna: czynniki zachwytu.

# %%
charts.better_worse_chart(summary, lang, rule=rule)

# %% [markdown] lang="en"
# ## 5. Is the category clear?
#
# Fong's test (1996): the two most frequent categories *a* and *b* differ significantly when
# |*a*−*b*| ≥ 1.65·√((*a*+*b*)(2*n*−*a*−*b*)/(2*n*)). *Category strength* is the top share minus
# the second; below 6% the feature is mixed: the respondents disagree, perhaps because they are
# different segments. The last two columns are DuMouchel's continuous scores (Berger et al. 1993):
# the mean functional and dysfunctional answer on a scale from −2 to 4.
# %% [markdown] lang="pl"
# ## 5. Czy kategoria jest wyraźna?
#
# Test Fonga (1996): dwie najczęstsze kategorie *a* i *b* różnią się istotnie, gdy
# |*a*−*b*| ≥ 1,65·√((*a*+*b*)(2*n*−*a*−*b*)/(2*n*)). *Siła kategorii* to udział najczęstszej
# kategorii minus udział drugiej w kolejności; poniżej 6% cecha jest mieszana: respondenci są
# podzieleni, być może dlatego, że należą do różnych segmentów. Ostatnie dwie kolumny to ciągłe
# wyniki DuMouchela (Berger i in., 1993): średnia odpowiedź funkcjonalna i dysfunkcjonalna w skali
# od −2 do 4.

# %%
present.show(summary[["category_mode", "better", "worse", "significant", "category_strength",
                      "functional_mean", "dysfunctional_mean"]], lang, prefixes=("kano_col_",), max_rows=None)

# %% [markdown] lang="en"
# ## 6. Satisfaction is not fixed: two waves
#
# The same survey asked twice. Features whose category changed, and the arrows of their movement
# on the Better/Worse plane: a delighter that clients now expect has moved down and right. A hollow
# marker is where a feature stood in the first wave, a filled one where it stands in the last.
# %% [markdown] lang="pl"
# ## 6. Zadowolenie nie jest stałe: dwie fale badania
#
# Ta sama ankieta przeprowadzona dwukrotnie. Poniżej cechy, których kategoria się zmieniła, oraz
# strzałki pokazujące ich przesunięcie na wykresie współczynników satysfakcji i niezadowolenia:
# czynnik zachwytu, którego klienci teraz już oczekują, przesunął się w dół i w prawo. Puste kółko
# to położenie cechy w pierwszej fali, pełne – w ostatniej.

# %%
waves = kano.summarize_waves(company, variant=variant)
changes = kano.category_changes(waves, rule=rule)
salesnb.record("kano_changed_features", len(changes))
present.show(changes.drop(columns=["significant_from", "significant_to", "changed"], errors="ignore"), lang,
             prefixes=("kano_col_",), max_rows=None)

# %%
charts.waves_chart(waves, lang, rule=rule, features=list(changes["feature"]) or None)

# %% [markdown] lang="en"
# ## 7. What to invest in first
#
# The article *Kano model and good practices*: "there is no point investing in delighters while
# the clients' basic expectations are unmet". This workbook turns that into an order of
# investment: basic needs first, then performance needs, then delighters (where performance needs
# stand in that order is this workbook's decision). Where the satisfaction survey shows a basic
# need badly served, investing in a delighter is premature. The article *Working with clients* on
# satisfaction scores: 2 points is open dissatisfaction and 3 points hidden dissatisfaction, both
# to be handled like a complaint. Here a basic need is badly served when most of its answers in the
# satisfaction survey of the last 12 months up to the analysis date gave 1, 2 or 3 points: the same
# survey period as the satisfaction tables of notebook 05, in which every client should have been
# surveyed (the period is named in each warning; counting a 1 and the line at "most" are this
# workbook's decisions).
# %% [markdown] lang="pl"
# ## 7. W co inwestować najpierw
#
# Artykuł *Model Kano i dobre praktyki*: „nie ma sensu inwestować w czynniki zachwytu, jeśli
# podstawowe oczekiwania klientów nie są zaspokojone”. Te materiały układają z tego kolejność
# inwestycji: najpierw oczekiwania podstawowe, potem wymagania świadome, na końcu czynniki zachwytu
# (miejsce wymagań świadomych w tej kolejności to decyzja przyjęta w tych materiałach). Jeśli badanie
# satysfakcji pokazuje, że oczekiwanie podstawowe jest źle spełniane, inwestowanie w czynnik
# zachwytu jest przedwczesne. Artykuł *Praca z klientami* mówi o ocenie satysfakcji: 2 punkty to
# oczywiste niezadowolenie klienta, 3 punkty – ukryte; w obu przypadkach problem trzeba potraktować
# tak samo jak reklamację. W tych materiałach oczekiwanie podstawowe jest źle spełniane, gdy
# większość odpowiedzi na jego temat w badaniu satysfakcji z ostatnich 12 miesięcy do daty analizy
# to 1, 2 lub 3 punkty: to ten sam okres badania co w tabelach satysfakcji notatnika 05, w którym
# każdy klient powinien zostać zbadany (każde ostrzeżenie podaje ten okres; uwzględnienie oceny 1
# i próg „większości” to decyzje przyjęte w tych materiałach).

# %%
plan = kano.priorities(company, rule=rule, language=lang)
salesnb.record("kano_basic_gaps", int(((plan.order["category"] == "M") & plan.order["scores_badly"]).sum()))
present.show(plan.order[["rank", "category", "better", "worse", "score_mean", "share_low", "action"]], lang,
             prefixes=("kano_col_",), max_rows=None)

# %%
present.show(plan.warnings[["message"]], lang, prefixes=("kano_col_",), max_rows=None)

# %% [markdown] lang="en"
# ## 8. Try it: your own answers (live workshops)
#
# Enter the answer pairs a room gives for one feature and watch the category and the coefficients
# appear.
# %% [markdown] lang="pl"
# ## 8. Spróbuj: własne odpowiedzi (warsztaty na żywo)
#
# Wpisz pary odpowiedzi, które uczestnicy podają dla jednej cechy, i obserwuj, jak pojawiają się
# kategoria i współczynniki.

# %%
from salesnb.widgets.kano import kano_workshop

kano_workshop("", language=lang)

# %%
saved = save_tables(output_dir, kano_summary=summary, kano_waves=waves, kano_changes=changes,
                    kano_priorities=plan.order, kano_warnings=plan.warnings)
