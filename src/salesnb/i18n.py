"""Labels in English and Polish, in one place (PL: etykiety po angielsku i po polsku).

Category names, table headers and chart labels are looked up here by key, in the company's
language or a notebook's ``language`` parameter. Every key has both languages (a test checks).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from .i18n_service import SERVICE_LABELS
from .validation import check_choice

LANGUAGES = ("en", "pl")

#: key -> {"en": ..., "pl": ...}
LABELS: dict[str, dict[str, str]] = {
    # --- data contract: column headers ---
    "date": {"en": "Date", "pl": "Data"},
    "customer_id": {"en": "Client", "pl": "Klient"},
    "amount": {"en": "Amount", "pl": "Kwota"},
    "product": {"en": "Product", "pl": "Produkt"},
    "product_line": {"en": "Product line", "pl": "Linia produktowa"},
    "salesperson": {"en": "Sales manager", "pl": "Menedżer sprzedaży"},
    "margin": {"en": "Margin", "pl": "Marża"},
    "quantity": {"en": "Quantity", "pl": "Ilość"},
    "document_id": {"en": "Document", "pl": "Dokument"},
    "name": {"en": "Name", "pl": "Nazwa"},
    "first_contact": {"en": "First contact", "pl": "Pierwszy kontakt"},
    "parent_id": {"en": "Unit of client", "pl": "Jednostka klienta"},
    "respondent_id": {"en": "Respondent", "pl": "Respondent"},
    "feature": {"en": "Feature", "pl": "Cecha"},
    "functional": {"en": "Functional answer", "pl": "Odpowiedź funkcjonalna"},
    "dysfunctional": {"en": "Dysfunctional answer", "pl": "Odpowiedź dysfunkcjonalna"},
    "importance": {"en": "Importance", "pl": "Ważność"},
    "wave": {"en": "Wave", "pl": "Fala badania"},
    "segment": {"en": "Segment", "pl": "Segment"},
    "criterion": {"en": "Criterion", "pl": "Kryterium"},
    "score": {"en": "Score", "pl": "Ocena"},
    "deal_id": {"en": "Deal", "pl": "Szansa sprzedaży"},
    "opened_at": {"en": "Opened", "pl": "Data otwarcia"},
    "stage_reached": {"en": "Stage reached", "pl": "Osiągnięty etap"},
    "outcome": {"en": "Outcome", "pl": "Wynik"},
    "refusal_stage": {"en": "Refusal stage", "pl": "Etap odmowy"},
    "refusal_reason": {"en": "Refusal reason", "pl": "Powód odmowy"},
    "closed_at": {"en": "Closed", "pl": "Data zamknięcia"},
    "contact_id": {"en": "Enquiry", "pl": "Zapytanie"},
    "channel": {"en": "Channel", "pl": "Kanał"},
    "received_at": {"en": "Received", "pl": "Data otrzymania"},
    "answered_at": {"en": "Answered", "pl": "Data odpowiedzi"},
    # --- tables ---
    "transactions": {"en": "Transactions", "pl": "Transakcje"},
    "customers": {"en": "Clients", "pl": "Klienci"},
    "products": {"en": "Products", "pl": "Produkty"},
    "kano_survey": {"en": "Kano survey", "pl": "Ankieta Kano"},
    "satisfaction": {"en": "Satisfaction survey", "pl": "Badanie satysfakcji"},
    "deals": {"en": "Deals", "pl": "Szanse sprzedaży"},
    "contacts": {"en": "Enquiries", "pl": "Zapytania"},
    "segments": {"en": "Target groups", "pl": "Grupy docelowe"},
    # --- overview ---
    "table": {"en": "Table", "pl": "Tabela"},
    "rows": {"en": "Rows", "pl": "Wiersze"},
    "measure": {"en": "Measure", "pl": "Miara"},
    "value": {"en": "Value", "pl": "Wartość"},
    "month": {"en": "Month", "pl": "Miesiąc"},
    "revenue": {"en": "Revenue", "pl": "Przychód"},
    "share": {"en": "Share", "pl": "Udział"},
    "clients_known": {"en": "Clients known", "pl": "Znani klienci"},
    "clients_buying": {"en": "Clients who bought", "pl": "Klienci, którzy kupili"},
    "leads_never_bought": {"en": "Potential clients (never bought)", "pl": "Klienci potencjalni (bez zakupu)"},
    "first_date": {"en": "First transaction", "pl": "Pierwsza transakcja"},
    "last_date": {"en": "Last transaction", "pl": "Ostatnia transakcja"},
    "as_of": {"en": "As-of date", "pl": "Data analizy"},
    "n_transactions": {"en": "Transactions", "pl": "Transakcje"},
    "n_corrections": {"en": "Corrections (credit notes)", "pl": "Korekty (faktury korygujące)"},
    "corrections_amount": {"en": "Corrections amount", "pl": "Kwota korekt"},
    "net_revenue": {"en": "Net revenue", "pl": "Przychód netto"},
    "n_product_lines": {"en": "Product lines", "pl": "Linie produktowe"},
    "n_products": {"en": "Products", "pl": "Produkty"},
    "n_salespeople": {"en": "Sales managers", "pl": "Menedżerowie sprzedaży"},
    "months_of_history": {"en": "Months of history", "pl": "Miesiące historii"},
    "check": {"en": "Check", "pl": "Kontrola"},
    "count": {"en": "Count", "pl": "Liczba"},
    "status": {"en": "Status", "pl": "Status"},
    "ok": {"en": "ok", "pl": "ok"},
    "look": {"en": "look", "pl": "sprawdź"},
    "missing_values": {"en": "Missing values", "pl": "Brakujące wartości"},
    "zero_amounts": {"en": "Zero amounts", "pl": "Kwoty zerowe"},
    "after_as_of": {"en": "Rows after the as-of date", "pl": "Wiersze po dacie analizy"},
    "duplicate_rows": {"en": "Exact duplicate rows", "pl": "Zduplikowane wiersze"},
    "clients_without_sales": {"en": "Clients without sales", "pl": "Klienci bez sprzedaży"},
    "revenue_by_month": {"en": "Revenue by month and product line",
                         "pl": "Przychód według miesięcy i linii produktowych"},
    "revenue_by_line": {"en": "Revenue by product line", "pl": "Przychód według linii produktowych"},
    "other": {"en": "other", "pl": "inne"},
    "total": {"en": "Total", "pl": "Razem"},
    # --- notebooks, short names (the summary's links) ---
    "nb_00_overview": {"en": "Overview", "pl": "Przegląd"},
    "nb_01_kano": {"en": "Kano", "pl": "Model Kano"},
    "nb_02_segments": {"en": "Segments", "pl": "Segmentacja"},
    "nb_03_abc_xyz": {"en": "ABC/XYZ", "pl": "ABC/XYZ"},
    "nb_04_lifecycle": {"en": "Lifecycle and KPIs", "pl": "Cykl życia i wskaźniki"},
    "nb_05_service": {"en": "Service quality", "pl": "Jakość obsługi"},
    # --- parameters of an analysis (salesnb.present.parameters) ---
    "parameter": {"en": "Parameter", "pl": "Parametr"},
    "param_as_of": {"en": "Analysis date", "pl": "Data analizy"},
    "param_abc_thresholds": {"en": "ABC thresholds (cumulative share)", "pl": "Progi ABC (udział skumulowany)"},
    "param_by": {"en": "ABC by", "pl": "ABC według"},
    "param_xyz_thresholds": {"en": "XYZ thresholds (coefficient of variation)",
                             "pl": "Progi XYZ (współczynnik zmienności)"},
    "param_period": {"en": "Periods", "pl": "Okresy"},
    "param_horizon": {"en": "Horizon", "pl": "Horyzont"},
    "param_lifecycle_window": {"en": "Lifecycle window W", "pl": "Okno cyklu życia W"},
    "param_window_label": {"en": "Window W", "pl": "Okno W"},
    "param_ddof": {"en": "Standard deviation", "pl": "Odchylenie standardowe"},
    "param_min_periods": {"en": "Fewest periods for an XYZ class", "pl": "Minimalna liczba okresów dla klasy XYZ"},
    "param_span": {"en": "XYZ periods counted", "pl": "Okresy XYZ liczone"},
    # --- abcxyz ---
    "turnover": {"en": "Turnover", "pl": "Obrót"},
    "cum_share": {"en": "Cumulative share", "pl": "Skumulowany udział"},
    "cum_share_before": {"en": "Cumulative share before the client", "pl": "Skumulowany udział przed klientem"},
    "abc": {"en": "ABC class", "pl": "Klasa ABC"},
    "xyz": {"en": "XYZ class", "pl": "Klasa XYZ"},
    "abc_xyz": {"en": "ABC/XYZ class", "pl": "Klasa ABC/XYZ"},
    "cv": {"en": "Coefficient of variation (CV)", "pl": "Współczynnik zmienności (CV)"},
    "n_periods": {"en": "Periods", "pl": "Liczba okresów"},
    "first_period": {"en": "First period", "pl": "Pierwszy okres"},
    "first_sale": {"en": "First sale", "pl": "Pierwsza sprzedaż"},
    "mean_per_period": {"en": "Mean per period", "pl": "Średnia na okres"},
    "std_per_period": {"en": "Standard deviation per period", "pl": "Odchylenie standardowe na okres"},
    "reason": {"en": "Why no class", "pl": "Powód braku klasy"},
    "period_end": {"en": "End of period", "pl": "Koniec okresu"},
    "abc_from": {"en": "ABC class before", "pl": "Klasa ABC przed"},
    "abc_to": {"en": "ABC class after", "pl": "Klasa ABC po"},
    "xyz_from": {"en": "XYZ class before", "pl": "Klasa XYZ przed"},
    "xyz_to": {"en": "XYZ class after", "pl": "Klasa XYZ po"},
    "reason_short_history": {"en": "history too short for XYZ", "pl": "za krótka historia dla XYZ"},
    "reason_no_positive_turnover": {"en": "no positive turnover", "pl": "brak dodatniego obrotu"},
    "reason_new_client": {"en": "new client: ABC class only", "pl": "nowy klient: tylko klasa ABC"},
    "reason_potential_client": {"en": "potential client: no class", "pl": "potencjalny klient: bez klasy"},
    "clients": {"en": "Clients", "pl": "Klienci"},
    "client_share": {"en": "Share of clients", "pl": "Udział klientów"},
    "value_share": {"en": "Share of turnover", "pl": "Udział w obrotach"},
    "mean_product_lines": {"en": "Product lines used (mean)", "pl": "Wykorzystane linie produktowe (średnio)"},
    "abc_before": {"en": "ABC class before", "pl": "Klasa ABC przed"},
    "abc_after": {"en": "ABC class after", "pl": "Klasa ABC po"},
    "xyz_before": {"en": "XYZ class before", "pl": "Klasa XYZ przed"},
    "xyz_after": {"en": "XYZ class after", "pl": "Klasa XYZ po"},
    "abc_xyz_before": {"en": "ABC/XYZ class before", "pl": "Klasa ABC/XYZ przed"},
    "abc_xyz_after": {"en": "ABC/XYZ class after", "pl": "Klasa ABC/XYZ po"},
    "abcxyz_class_A": {"en": "A: largest share of the result", "pl": "A: największy udział w wyniku"},
    "abcxyz_class_B": {"en": "B: medium share", "pl": "B: średni udział"},
    "abcxyz_class_C": {"en": "C: small share", "pl": "C: mały udział"},
    "abcxyz_class_X": {"en": "X: stable, well forecastable", "pl": "X: stabilne, dobrze prognozowane"},
    "abcxyz_class_Y": {"en": "Y: known trends (e.g. seasonal)", "pl": "Y: znane trendy (np. sezonowe)"},
    "abcxyz_class_Z": {"en": "Z: irregular", "pl": "Z: nieregularne"},
    "abcxyz_pareto_title": {"en": "ABC analysis: Pareto curve", "pl": "Analiza ABC: krzywa Pareto"},
    "abcxyz_clients_ranked": {"en": "Clients ranked by value", "pl": "Klienci uszeregowani według wartości"},
    "abcxyz_threshold": {"en": "threshold", "pl": "próg"},
    "abcxyz_cv_title": {"en": "XYZ analysis: coefficient of variation per client",
                        "pl": "Analiza XYZ: współczynnik zmienności klientów"},
    "abcxyz_clients_by_cv": {"en": "Clients by rising CV", "pl": "Klienci według rosnącego CV"},
    "abcxyz_matrix_title": {"en": "ABC-XYZ matrix", "pl": "Macierz ABC-XYZ"},
    "abcxyz_matrix_counts": {"en": "Number of clients", "pl": "Liczba klientów"},
    "abcxyz_matrix_share": {"en": "Share of turnover", "pl": "Udział w obrotach"},
    "abcxyz_unclassified": {"en": "Clients without an ABC/XYZ class", "pl": "Klienci bez klasy ABC/XYZ"},
    "abcxyz_unclassified_note": {"en": "Clients without an ABC/XYZ class: {n}, holding {share} of the {value}",
                                 "pl": "Klienci bez klasy ABC/XYZ: {n}, ich udział w wartości ({value}): {share}"},
    "abcxyz_off_chart": {"en": "{n} clients above {top}, off the chart",
                         "pl": "{n} klientów powyżej {top}, poza wykresem"},
    "abcxyz_abc_thresholds": {"en": "ABC thresholds", "pl": "Progi ABC"},
    "abcxyz_xyz_thresholds": {"en": "XYZ thresholds (CV)", "pl": "Progi XYZ (CV)"},
    "abcxyz_period": {"en": "Period", "pl": "Okres"},
    "abcxyz_months": {"en": "months", "pl": "miesiące"},
    "abcxyz_quarters": {"en": "quarters", "pl": "kwartały"},
    # --- lifecycle ---
    "status_potential": {"en": "potential", "pl": "potencjalny"},
    "status_new": {"en": "new", "pl": "nowy"},
    "status_regular": {"en": "regular", "pl": "stały"},
    "status_lost": {"en": "lost", "pl": "utracony"},
    "status_restored": {"en": "restored", "pl": "przywrócony"},
    "status_unknown": {"en": "not yet known", "pl": "jeszcze nieznany"},
    "kpi_potential_clients": {"en": "Potential clients", "pl": "Klienci potencjalni"},
    "kpi_primary_sales_count": {"en": "Primary sales (count)", "pl": "Sprzedaż pierwotna (liczba)"},
    "kpi_lost_clients": {"en": "Lost clients", "pl": "Klienci utraceni"},
    "kpi_restored_clients": {"en": "Restored clients", "pl": "Klienci przywróceni"},
    "kpi_primary_sales_amount": {"en": "Primary sales", "pl": "Sprzedaż pierwotna"},
    "kpi_repeat_sales_amount": {"en": "Repeat sales", "pl": "Sprzedaż powtórna"},
    "kpi_new_direction_sales_amount": {"en": "Primary sales in new directions",
                                       "pl": "Sprzedaż pierwotna w nowych kierunkach"},
    "kpi_repeat_sales_count": {"en": "Repeat sales (count)", "pl": "Sprzedaż powtórna (liczba)"},
    "kpi_new_direction_sales_count": {"en": "Primary sales in new directions (count)",
                                      "pl": "Sprzedaż pierwotna w nowych kierunkach (liczba)"},
    "kpi_corrections_amount": {"en": "Corrections", "pl": "Korekty"},
    "kpi_leads": {"en": "Leads (first contacts)", "pl": "Pierwsze kontakty (leady)"},
    "kpi_converted_clients": {"en": "First purchases", "pl": "Pierwsze zakupy"},
    "kpi_conversion": {"en": "Conversion", "pl": "Konwersja"},
    "kpi_class_changes": {"en": "ABC class changes", "pl": "Zmiany klasy ABC"},
    "kpi_status_start": {"en": "Status at the start", "pl": "Status na początku okresu"},
    "kpi_status": {"en": "Status at the end", "pl": "Status na koniec okresu"},
    "kpi_first_settlement": {"en": "First settlement", "pl": "Pierwsze rozliczenie"},
    "kpi_last_settlement": {"en": "Last settlement", "pl": "Ostatnie rozliczenie"},
    "kpi_new_product_lines": {"en": "New product lines", "pl": "Nowe linie produktowe"},
    "kpi_product_lines": {"en": "Product lines bought", "pl": "Kupione linie produktowe"},
    "kpi_converted": {"en": "First purchase in the period", "pl": "Pierwszy zakup w okresie"},
    "kpi_lost_in_period": {"en": "Lost in the period", "pl": "Utracony w okresie"},
    "kpi_restored": {"en": "Restored", "pl": "Przywrócony"},
    "lc_window": {"en": "Window", "pl": "Okno"},
    "window": {"en": "Window", "pl": "Okno"},
    "days": {"en": "Days", "pl": "Dni"},
    "share_of_repeat_clients": {"en": "Repeat clients whose typical gap fits",
                                "pl": "Klienci powracający, których typowa przerwa się mieści"},
    "share_of_gaps": {"en": "Gaps between purchases that fit", "pl": "Przerwy między zakupami, które się mieszczą"},
    "days_since_last": {"en": "Days since the last settlement", "pl": "Dni od ostatniego rozliczenia"},
    "first_settlement": {"en": "First settlement", "pl": "Pierwsze rozliczenie"},
    "last_settlement": {"en": "Last settlement", "pl": "Ostatnie rozliczenie"},
    "in_current_window": {"en": "Settled in the current window", "pl": "Rozliczenie w bieżącym oknie"},
    "in_previous_window": {"en": "Settled in the previous window", "pl": "Rozliczenie w poprzednim oknie"},
    "only_corrections": {"en": "Only corrections", "pl": "Tylko korekty"},
    "from_status": {"en": "Status at the earlier period end", "pl": "Status na koniec poprzedniego okresu"},
    "to_status": {"en": "Status at the later period end", "pl": "Status na koniec następnego okresu"},
    "kpi_new_leads": {"en": "First contacts in the period", "pl": "Pierwsze kontakty w okresie"},
    "kpi_new_leads_converted": {"en": "Of them bought", "pl": "W tym z zakupem"},
    "kpi_new_lead_conversion": {"en": "Conversion of the period's first contacts",
                                "pl": "Konwersja pierwszych kontaktów z okresu"},
    "kpi_lost_lines": {"en": "Product lines lost", "pl": "Utracone linie produktowe"},
    "lc_suggested_window": {"en": "Suggested window", "pl": "Sugerowane okno"},
    "lc_suggested": {"en": "suggested", "pl": "sugerowane"},
    "lc_company_window": {"en": "the company's", "pl": "firmy"},
    "language": {"en": "Language", "pl": "Język"},
    "lc_period_end": {"en": "Period end", "pl": "Koniec okresu"},
    "lc_from_status": {"en": "Status at the earlier period end", "pl": "Status na koniec poprzedniego okresu"},
    "lc_to_status": {"en": "Status at the later period end", "pl": "Status na koniec następnego okresu"},
    "lc_unassigned": {"en": "(unassigned)", "pl": "(nieprzypisane)"},
    "lc_chart_status_counts": {"en": "Client base by status", "pl": "Baza klientów według statusu"},
    "lc_chart_history": {"en": "Client statuses over time", "pl": "Statusy klientów w czasie"},
    "lc_chart_flows": {"en": "Flows between client statuses", "pl": "Przepływy między statusami klientów"},
    "lc_chart_manager_sales": {"en": "Sales by sales manager", "pl": "Sprzedaż według menedżerów"},
    # --- kano ---
    "kano_cat_A": {"en": "attractive (delighter)", "pl": "czynnik zachwytu"},
    "kano_cat_O": {"en": "one-dimensional (performance need)", "pl": "wymaganie świadome"},
    "kano_cat_M": {"en": "must-be (basic need)", "pl": "oczekiwanie podstawowe"},
    "kano_cat_I": {"en": "indifferent", "pl": "cecha obojętna"},
    "kano_cat_R": {"en": "reverse", "pl": "cecha odwrotna"},
    "kano_cat_Q": {"en": "questionable", "pl": "odpowiedź wątpliwa"},
    "kano_answer_1": {"en": "I like it", "pl": "podoba mi się"},
    "kano_answer_2": {"en": "I expect it", "pl": "oczekuję tego"},
    "kano_answer_3": {"en": "I am neutral", "pl": "jest mi to obojętne"},
    "kano_answer_4": {"en": "I can live with it", "pl": "mogę to zaakceptować"},
    "kano_answer_5": {"en": "I dislike it", "pl": "nie podoba mi się"},
    "kano_action_M": {"en": "1. fix first: a basic need", "pl": "1. najpierw: oczekiwanie podstawowe"},
    "kano_action_O": {"en": "2. then improve: more is better", "pl": "2. potem: im więcej, tym lepiej"},
    "kano_action_A": {"en": "3. then delight: only once basics are met",
                      "pl": "3. na końcu: zachwyt, gdy podstawy są spełnione"},
    "kano_action_I": {"en": "no investment: clients are indifferent", "pl": "bez inwestycji: klientom jest obojętne"},
    "kano_action_R": {"en": "do not add: clients prefer it absent", "pl": "nie dodawać: klienci wolą bez tego"},
    "kano_action_Q": {"en": "check the question: contradictory answers", "pl": "sprawdź pytanie: sprzeczne odpowiedzi"},
    "kano_action_none": {"en": "no answers", "pl": "brak odpowiedzi"},
    "kano_warning_message": {"en": "Do not invest in the delighter '{delighter}' yet: {low} of the clients rate the "
                                   "basic need '{basic}' {low_score} or lower (open or hidden dissatisfaction; "
                                   "mean {score:.2f}).",
                             "pl": "Nie inwestuj jeszcze w czynnik zachwytu „{delighter}”: {low} klientów ocenia "
                                   "oczekiwanie podstawowe „{basic}” na {low_score} lub niżej (jawne lub ukryte "
                                   "niezadowolenie; średnia {score:.2f})."},
    "kano_col_n": {"en": "Answers", "pl": "Odpowiedzi"},
    "kano_col_A": {"en": "A", "pl": "A"},
    "kano_col_O": {"en": "O", "pl": "O"},
    "kano_col_M": {"en": "M", "pl": "M"},
    "kano_col_I": {"en": "I", "pl": "I"},
    "kano_col_R": {"en": "R", "pl": "R"},
    "kano_col_Q": {"en": "Q", "pl": "Q"},
    "kano_col_share_A": {"en": "Share A", "pl": "Udział A"},
    "kano_col_share_O": {"en": "Share O", "pl": "Udział O"},
    "kano_col_share_M": {"en": "Share M", "pl": "Udział M"},
    "kano_col_share_I": {"en": "Share I", "pl": "Udział I"},
    "kano_col_share_R": {"en": "Share R", "pl": "Udział R"},
    "kano_col_share_Q": {"en": "Share Q", "pl": "Udział Q"},
    "kano_col_category": {"en": "Category", "pl": "Kategoria"},
    "kano_col_category_mode": {"en": "Category (mode)", "pl": "Kategoria (dominanta)"},
    "kano_col_category_berger": {"en": "Category (Berger's rule)", "pl": "Kategoria (reguła Bergera)"},
    "kano_col_rules_agree": {"en": "Rules agree", "pl": "Reguły zgodne"},
    "kano_col_better": {"en": "Better (satisfaction coefficient)", "pl": "Wsp. satysfakcji (Better)"},
    "kano_col_worse": {"en": "Worse (dissatisfaction coefficient)", "pl": "Wsp. niezadowolenia (Worse)"},
    "kano_col_fong_difference": {"en": "Fong: |a-b|", "pl": "Fong: |a-b|"},
    "kano_col_fong_threshold": {"en": "Fong: threshold", "pl": "Fong: próg"},
    "kano_col_significant": {"en": "Significant (Fong)", "pl": "Istotna (Fong)"},
    "kano_col_category_strength": {"en": "Category strength", "pl": "Siła kategorii"},
    "kano_col_mixed": {"en": "Mixed", "pl": "Mieszana"},
    "kano_col_total_strength": {"en": "Total strength", "pl": "Siła całkowita"},
    "kano_col_n_skipped": {"en": "Skipped", "pl": "Pominięte"},
    "kano_col_n_invalid": {"en": "Invalid", "pl": "Błędne"},
    "kano_col_functional_mean": {"en": "Functional score (mean)", "pl": "Wynik funkcjonalny (średnia)"},
    "kano_col_functional_sd": {"en": "Functional score (SD)", "pl": "Wynik funkcjonalny (odch. std.)"},
    "kano_col_dysfunctional_mean": {"en": "Dysfunctional score (mean)", "pl": "Wynik dysfunkcjonalny (średnia)"},
    "kano_col_dysfunctional_sd": {"en": "Dysfunctional score (SD)", "pl": "Wynik dysfunkcjonalny (odch. std.)"},
    "kano_col_importance_mean": {"en": "Importance (mean)", "pl": "Ważność (średnia)"},
    "kano_col_importance_n": {"en": "Importance answers", "pl": "Odpowiedzi o ważności"},
    "kano_col_rank": {"en": "Rank", "pl": "Kolejność"},
    "kano_col_score_mean": {"en": "Performance score (mean)", "pl": "Ocena realizacji (średnia)"},
    "kano_col_score_n": {"en": "Ratings", "pl": "Liczba ocen"},
    "kano_col_share_low": {"en": "Share of low scores", "pl": "Udział niskich ocen"},
    "kano_col_scores_badly": {"en": "Scores badly", "pl": "Słaba ocena"},
    "kano_col_action": {"en": "Action", "pl": "Działanie"},
    "kano_col_wave_from": {"en": "From wave", "pl": "Z fali"},
    "kano_col_wave_to": {"en": "To wave", "pl": "Do fali"},
    "kano_col_category_from": {"en": "Category before", "pl": "Kategoria przed"},
    "kano_col_category_to": {"en": "Category after", "pl": "Kategoria po"},
    "kano_col_better_from": {"en": "Better before", "pl": "Better przed"},
    "kano_col_better_to": {"en": "Better after", "pl": "Better po"},
    "kano_col_worse_from": {"en": "Worse before", "pl": "Worse przed"},
    "kano_col_worse_to": {"en": "Worse after", "pl": "Worse po"},
    "kano_col_significant_from": {"en": "Significant before", "pl": "Istotna przed"},
    "kano_col_significant_to": {"en": "Significant after", "pl": "Istotna po"},
    "kano_col_changed": {"en": "Changed", "pl": "Zmiana"},
    "kano_col_decay": {"en": "Decay (A→O→M)", "pl": "Spadek (A→O→M)"},
    "kano_col_delighter": {"en": "Delighter", "pl": "Czynnik zachwytu"},
    "kano_col_basic_need": {"en": "Basic need", "pl": "Oczekiwanie podstawowe"},
    "kano_col_threshold": {"en": "Threshold", "pl": "Próg"},
    "kano_col_message": {"en": "Warning", "pl": "Ostrzeżenie"},
    "kano_diagram_title": {"en": "The Kano model", "pl": "Model Kano"},
    "kano_axis_fulfilment": {"en": "Fulfilment of the requirement", "pl": "Stopień spełnienia wymagania"},
    "kano_axis_satisfaction": {"en": "Client satisfaction", "pl": "Zadowolenie klienta"},
    "kano_not_fulfilled": {"en": "not fulfilled", "pl": "niespełnione"},
    "kano_fulfilled": {"en": "fulfilled", "pl": "spełnione"},
    "kano_satisfied": {"en": "delighted", "pl": "zachwycony"},
    "kano_dissatisfied": {"en": "dissatisfied", "pl": "niezadowolony"},
    "kano_time": {"en": "over time: delighters become expected", "pl": "z czasem: zachwyt staje się oczekiwaniem"},
    "kano_bw_title": {"en": "Better/Worse: what a feature adds and what its absence costs",
                      "pl": "Better/Worse: co daje cecha, a ile kosztuje jej brak"},
    "kano_axis_worse": {"en": "Dissatisfaction if absent (|Worse|)", "pl": "Niezadowolenie przy braku (|Worse|)"},
    "kano_axis_better": {"en": "Satisfaction if present (Better)", "pl": "Zadowolenie przy obecności (Better)"},
    "kano_shares_title": {"en": "Kano categories per feature", "pl": "Kategorie Kano według cech"},
    "kano_axis_share": {"en": "Share of answers", "pl": "Udział odpowiedzi"},
    "kano_waves_title": {"en": "Satisfaction is not fixed: features move between waves",
                         "pl": "Zadowolenie nie jest stałe: cechy przesuwają się między falami"},
    "kano_widget_title": {"en": "Kano: answers for one feature", "pl": "Kano: odpowiedzi dla jednej cechy"},
    "kano_widget_feature": {"en": "Feature", "pl": "Cecha"},
    "kano_widget_functional": {"en": "If the feature is present", "pl": "Jeśli cecha jest obecna"},
    "kano_widget_dysfunctional": {"en": "If the feature is absent", "pl": "Jeśli cechy brak"},
    "kano_widget_add": {"en": "Add answer", "pl": "Dodaj odpowiedź"},
    "kano_widget_reset": {"en": "Clear", "pl": "Wyczyść"},
    "kano_widget_counts": {"en": "Answers per pair (rows: present, columns: absent)",
                           "pl": "Liczba odpowiedzi (wiersze: obecna, kolumny: brak)"},
    "kano_widget_empty": {"en": "No answers yet.", "pl": "Brak odpowiedzi."},
    "kano_widget_present": {"en": "present", "pl": "cecha jest"},
    "kano_widget_absent": {"en": "absent", "pl": "cechy brak"},
    # --- segments ---
    # --- exercises ---
    "ex_correct": {"en": "Correct", "pl": "Dobrze"},
    "ex_incorrect": {"en": "Not yet", "pl": "Jeszcze nie"},
    "ex_not_attempted": {"en": "Not attempted: replace None with your answer and run the cell again.",
                         "pl": "Brak odpowiedzi: zastąp None swoją odpowiedzią i uruchom komórkę ponownie."},
    "ex_hint": {"en": "Hint", "pl": "Podpowiedź"},
    "ex_solution": {"en": "Solution", "pl": "Rozwiązanie"},
    "ex_expected_number": {"en": "The answer is a number.", "pl": "Odpowiedzią jest liczba."},
    "ex_too_high": {"en": "Your answer is too high.", "pl": "Twoja odpowiedź jest za duża."},
    "ex_too_low": {"en": "Your answer is too low.", "pl": "Twoja odpowiedź jest za mała."},
    "ex_wrong_text": {"en": "That is not it.", "pl": "To nie to."},
    "ex_unreadable": {"en": "That answer cannot be read; see the question for the form.",
                      "pl": "Nie można odczytać odpowiedzi; sprawdź w pytaniu, w jakiej formie ją podać."},
    "ex_noted": {"en": "Noted and kept with your answers. There is no single right answer: "
                       "compare yours with the solution.",
                 "pl": "Zapisano razem z odpowiedziami. Nie ma jednej dobrej odpowiedzi: "
                       "porównaj swoją z rozwiązaniem."},
    # --- batch ---
}
LABELS.update(SERVICE_LABELS)  # the service-quality method's labels live in salesnb.i18n_service


def check_language(language: str | None, *, function: str | None = None) -> str:
    """The language code to use: 'en' or 'pl' (PL: kod języka: angielski lub polski).

    Parameters
    ----------
    language : str or None
        ``"en"`` or ``"pl"``, in any case and with surrounding spaces; ``None`` means English.
    function : str, optional
        The public function whose ``language`` parameter this is, named in the message.

    Returns
    -------
    str
        ``"en"`` or ``"pl"``.

    Raises
    ------
    ParameterError
        For any other language.
    """
    if language is None:
        return "en"
    return check_choice("language", language, LANGUAGES, function=function or "salesnb.i18n.check_language",
                        fix="pass language='en' for English or language='pl' for Polish.")


def t(key: str, language: str | None = "en") -> str:
    """The label for ``key`` in ``language`` (PL: etykieta w danym języku).

    Parameters
    ----------
    key : str
        A key of :data:`LABELS`.
    language : {"en", "pl"} or None, default "en"
        See :func:`check_language`.

    Returns
    -------
    str

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    KeyError
        If ``key`` has no label (add it to :data:`LABELS` in both languages).
    """
    lang = check_language(language, function="salesnb.i18n.t")
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no label {key!r}; add it to salesnb.i18n.LABELS in both languages") from None


def label_columns(df: pd.DataFrame, language: str | None = "en") -> pd.DataFrame:
    """A copy of ``df`` with its headers in ``language`` (PL: nagłówki tabeli w danym języku).

    Column names, and the names of the column and index levels, that have a label are
    translated; the others pass through unchanged.

    Parameters
    ----------
    df : pandas.DataFrame
        A table with snake_case headers (keys of :data:`LABELS`).
    language : {"en", "pl"} or None, default "en"
        See :func:`check_language`.

    Returns
    -------
    pandas.DataFrame
        The relabelled copy.

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    lang = check_language(language, function="salesnb.i18n.label_columns")

    def tr(x):
        return LABELS[x][lang] if isinstance(x, str) and x in LABELS else x

    out = df.rename(columns=tr)
    out.index = out.index.set_names([tr(n) for n in out.index.names])
    out.columns = out.columns.set_names([tr(n) for n in out.columns.names])
    return out


def label_values(values: Iterable, language: str | None = "en") -> list:
    """Category values in ``language`` (PL: wartości kategorii w danym języku).

    Values that are keys of :data:`LABELS` (e.g. a reason such as ``"reason_new_client"``) are
    translated; others pass through.

    Parameters
    ----------
    values : iterable
        The values, e.g. a column of a table.
    language : {"en", "pl"} or None, default "en"
        See :func:`check_language`.

    Returns
    -------
    list
        The values in the same order.

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    """
    lang = check_language(language, function="salesnb.i18n.label_values")
    return [LABELS[v][lang] if isinstance(v, str) and v in LABELS else v for v in values]


def translate_map(keys: Iterable[str], language: str | None = "en") -> Mapping[str, str]:
    """``{key: label}`` for the given keys (PL: słownik etykiet), for ``Series.map`` or ``DataFrame.rename``.

    Parameters
    ----------
    keys : iterable of str
        Keys of :data:`LABELS`.
    language : {"en", "pl"} or None, default "en"
        See :func:`check_language`.

    Returns
    -------
    Mapping of str to str

    Raises
    ------
    ParameterError
        For a language other than "en" or "pl".
    KeyError
        If a key has no label.
    """
    check_language(language, function="salesnb.i18n.translate_map")
    return {k: t(k, language) for k in keys}


_UNITS = {
    "day": ("day", "days", "dzień", "dni", "dni"),
    "week": ("week", "weeks", "tydzień", "tygodnie", "tygodni"),
    "month": ("month", "months", "miesiąc", "miesiące", "miesięcy"),
    "quarter": ("quarter", "quarters", "kwartał", "kwartały", "kwartałów"),
    "year": ("year", "years", "rok", "lata", "lat"),
    "client": ("client", "clients", "klient", "klientów", "klientów"),
}


def duration(n: int, unit: str, language: str | None = "en") -> str:
    """A number with its unit in words, in the right grammatical form (PL: liczba z jednostką).

    Polish has three forms: 1 miesiąc, 2-4 miesiące (also 22-24, ...), 5 miesięcy (also 11-14).

    Parameters
    ----------
    n : int
        The number.
    unit : {"day", "week", "month", "quarter", "year", "client"}
        The unit.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    str
        E.g. "2 months" / "2 miesiące", with a no-break space.
    """
    lang = check_language(language)
    key = check_choice("unit", unit, tuple(_UNITS), function="salesnb.i18n.duration")
    one, many, pl_one, pl_few, pl_many = _UNITS[key]
    n = int(n)
    if lang == "en":
        word = one if n == 1 else many
    elif n == 1:
        word = pl_one
    elif n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        word = pl_few
    else:
        word = pl_many
    return f"{n}\u00a0{word}"
