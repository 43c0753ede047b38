"""Labels in English and Polish, in one place (PL: etykiety po angielsku i po polsku).

Category names, table headers and chart labels are looked up here by key, in the company's
language or a notebook's ``language`` parameter. Every key has both languages (a test checks).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

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
    "parent_id": {"en": "Parent client", "pl": "Klient nadrzędny"},
    "respondent_id": {"en": "Respondent", "pl": "Respondent"},
    "feature": {"en": "Feature", "pl": "Cecha"},
    "functional": {"en": "Functional answer", "pl": "Odpowiedź funkcjonalna"},
    "dysfunctional": {"en": "Dysfunctional answer", "pl": "Odpowiedź dysfunkcjonalna"},
    "importance": {"en": "Importance", "pl": "Istotność"},
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
    "clients_known": {"en": "Clients known", "pl": "Klienci w bazie"},
    "clients_buying": {"en": "Clients who bought", "pl": "Klienci z zakupem"},
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
    "months_of_history": {"en": "Months of history", "pl": "Długość historii (miesiące)"},
    "check": {"en": "Check", "pl": "Kontrola"},
    "count": {"en": "Count", "pl": "Liczba"},
    "status": {"en": "Status", "pl": "Status"},
    "ok": {"en": "ok", "pl": "w porządku"},
    "look": {"en": "look", "pl": "sprawdź"},
    "missing_values": {"en": "Missing values", "pl": "Brakujące wartości"},
    "zero_amounts": {"en": "Zero amounts", "pl": "Kwoty zerowe"},
    "after_as_of": {"en": "Rows after the as-of date", "pl": "Wiersze po dacie analizy"},
    "duplicate_rows": {"en": "Exact duplicate rows", "pl": "Identyczne wiersze (duplikaty)"},
    "clients_without_sales": {"en": "Clients without sales", "pl": "Klienci bez sprzedaży"},
    "revenue_by_month": {"en": "Revenue by month and product line",
                         "pl": "Przychód według miesięcy i linii produktowych"},
    "revenue_by_line": {"en": "Revenue by product line", "pl": "Przychód według linii produktowych"},
    "other": {"en": "other", "pl": "pozostałe"},
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
    "param_by": {"en": "ABC by", "pl": "Podstawa klasy ABC"},
    "param_xyz_thresholds": {"en": "XYZ thresholds (coefficient of variation)",
                             "pl": "Progi XYZ (współczynnik zmienności)"},
    "param_period": {"en": "Periods", "pl": "Okresy"},
    "param_horizon": {"en": "Horizon", "pl": "Horyzont analizy"},
    "param_lifecycle_window": {"en": "Lifecycle window W", "pl": "Okno cyklu życia W"},
    "param_window_label": {"en": "Window W", "pl": "Okno W"},
    "param_ddof": {"en": "Standard deviation", "pl": "Odchylenie standardowe"},
    "param_min_periods": {"en": "Fewest periods for an XYZ class", "pl": "Minimalna liczba okresów dla klasy XYZ"},
    "param_span": {"en": "XYZ periods counted", "pl": "Zakres okresów XYZ"},
    # --- abcxyz ---
    "turnover": {"en": "Turnover", "pl": "Obrót"},
    "cum_share": {"en": "Cumulative share", "pl": "Skumulowany udział"},
    "cum_share_before": {"en": "Cumulative share before the client", "pl": "Skumulowany udział poprzednich klientów"},
    "abc": {"en": "ABC class", "pl": "Klasa ABC"},
    "xyz": {"en": "XYZ class", "pl": "Klasa XYZ"},
    "abc_xyz": {"en": "ABC/XYZ class", "pl": "Klasa ABC/XYZ"},
    "cv": {"en": "Coefficient of variation (CV)", "pl": "Współczynnik zmienności"},
    "n_periods": {"en": "Periods", "pl": "Liczba okresów"},
    "first_period": {"en": "First period", "pl": "Pierwszy okres"},
    "first_sale": {"en": "First sale", "pl": "Pierwsza sprzedaż"},
    "mean_per_period": {"en": "Mean per period", "pl": "Średnia na okres"},
    "std_per_period": {"en": "Standard deviation per period", "pl": "Odchylenie standardowe na okres"},
    "reason": {"en": "Why no class", "pl": "Powód braku klasy"},
    "period_end": {"en": "End of period", "pl": "Koniec okresu"},
    "abc_from": {"en": "ABC class before", "pl": "Klasa ABC wcześniej"},
    "abc_to": {"en": "ABC class after", "pl": "Klasa ABC później"},
    "xyz_from": {"en": "XYZ class before", "pl": "Klasa XYZ wcześniej"},
    "xyz_to": {"en": "XYZ class after", "pl": "Klasa XYZ później"},
    "reason_short_history": {"en": "history too short for XYZ", "pl": "za krótka historia na klasę XYZ"},
    "reason_no_positive_turnover": {"en": "no positive turnover", "pl": "brak dodatniego obrotu"},
    "reason_new_client": {"en": "new client: ABC class only", "pl": "nowy klient: tylko klasa ABC"},
    "reason_potential_client": {"en": "potential client: no class", "pl": "potencjalny klient: bez klasy"},
    "clients": {"en": "Clients", "pl": "Klienci"},
    "client_share": {"en": "Share of clients", "pl": "Odsetek klientów"},
    "value_share": {"en": "Share of turnover", "pl": "Udział w obrocie"},
    "mean_product_lines": {"en": "Product lines used (mean)", "pl": "Linie produktowe na klienta (średnio)"},
    "abc_before": {"en": "ABC class before", "pl": "Klasa ABC przed zmianą"},
    "abc_after": {"en": "ABC class after", "pl": "Klasa ABC po zmianie"},
    "xyz_before": {"en": "XYZ class before", "pl": "Klasa XYZ przed zmianą"},
    "xyz_after": {"en": "XYZ class after", "pl": "Klasa XYZ po zmianie"},
    "abc_xyz_before": {"en": "ABC/XYZ class before", "pl": "Klasa ABC/XYZ przed zmianą"},
    "abc_xyz_after": {"en": "ABC/XYZ class after", "pl": "Klasa ABC/XYZ po zmianie"},
    "abcxyz_class_A": {"en": "A: largest share of the result", "pl": "A: największy udział w wyniku"},
    "abcxyz_class_B": {"en": "B: medium share", "pl": "B: średni udział"},
    "abcxyz_class_C": {"en": "C: small share", "pl": "C: mały udział"},
    "abcxyz_class_X": {"en": "X: stable, well forecastable", "pl": "X: stabilne zakupy, trafne prognozy"},
    "abcxyz_class_Y": {"en": "Y: known trends (e.g. seasonal)", "pl": "Y: znane trendy (np. sezonowość)"},
    "abcxyz_class_Z": {"en": "Z: irregular", "pl": "Z: zakupy nieregularne"},
    "abcxyz_pareto_title": {"en": "ABC analysis: Pareto curve", "pl": "Analiza ABC: krzywa Pareto"},
    "abcxyz_clients_ranked": {"en": "Clients ranked by value", "pl": "Klienci od największej wartości"},
    "abcxyz_threshold": {"en": "threshold", "pl": "próg"},
    "abcxyz_cv_title": {"en": "XYZ analysis: coefficient of variation per client",
                        "pl": "Analiza XYZ: współczynnik zmienności dla klientów"},
    "abcxyz_clients_by_cv": {"en": "Clients by rising CV", "pl": "Klienci według rosnącego współczynnika zmienności"},
    "abcxyz_matrix_title": {"en": "ABC-XYZ matrix", "pl": "Macierz ABC-XYZ"},
    "abcxyz_matrix_counts": {"en": "Number of clients", "pl": "Liczba klientów"},
    "abcxyz_matrix_share": {"en": "Share of turnover", "pl": "Udział w obrocie"},
    "abcxyz_unclassified": {"en": "Clients without an ABC/XYZ class", "pl": "Klienci bez klasy ABC/XYZ"},
    "abcxyz_unclassified_note": {"en": "Clients without an ABC/XYZ class: {n}, holding {share} of the {value}",
                                 "pl": "Klienci bez klasy ABC/XYZ: {n}; "
                                       "ich udział w łącznej wartości ({value}): {share}"},
    "abcxyz_off_chart": {"en": "{n} clients above {top}, off the chart",
                         "pl": "Klienci powyżej {top} (poza wykresem): {n}"},
    "abcxyz_abc_thresholds": {"en": "ABC thresholds", "pl": "Progi ABC"},
    "abcxyz_xyz_thresholds": {"en": "XYZ thresholds (CV)", "pl": "Progi XYZ (wsp. zmienności)"},
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
    "kpi_leads": {"en": "Leads (first contacts)", "pl": "Klienci bez zakupu przed okresem"},
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
                                "pl": "Kupujący wielokrotnie: typowy odstęp mieści się w oknie"},
    "share_of_gaps": {"en": "Gaps between purchases that fit", "pl": "Odstępy między zakupami mieszczące się w oknie"},
    "days_since_last": {"en": "Days since the last settlement", "pl": "Dni od ostatniego rozliczenia"},
    "first_settlement": {"en": "First settlement", "pl": "Pierwsze rozliczenie"},
    "last_settlement": {"en": "Last settlement", "pl": "Ostatnie rozliczenie"},
    "in_current_window": {"en": "Settled in the current window", "pl": "Rozliczenie w bieżącym oknie"},
    "in_previous_window": {"en": "Settled in the previous window", "pl": "Rozliczenie w poprzednim oknie"},
    "only_corrections": {"en": "Only corrections", "pl": "Tylko korekty"},
    "from_status": {"en": "Status at the earlier period end", "pl": "Status na koniec poprzedniego okresu"},
    "to_status": {"en": "Status at the later period end", "pl": "Status na koniec kolejnego okresu"},
    "kpi_new_leads": {"en": "First contacts in the period", "pl": "Pierwsze kontakty w okresie"},
    "kpi_new_leads_converted": {"en": "Of them bought", "pl": "W tym z zakupem"},
    "kpi_new_lead_conversion": {"en": "Conversion of the period's first contacts",
                                "pl": "Konwersja pierwszych kontaktów z okresu"},
    "kpi_lost_lines": {"en": "Product lines lost", "pl": "Utracone linie produktowe"},
    "lc_suggested_window": {"en": "Suggested window", "pl": "Sugerowane okno"},
    "lc_suggested": {"en": "suggested", "pl": "sugerowane"},
    "lc_company_window": {"en": "the company's", "pl": "ustawienie firmy"},
    "language": {"en": "Language", "pl": "Język"},
    "lc_period_end": {"en": "Period end", "pl": "Koniec okresu"},
    "lc_from_status": {"en": "Status at the earlier period end", "pl": "Status na koniec poprzedniego okresu"},
    "lc_to_status": {"en": "Status at the later period end", "pl": "Status na koniec kolejnego okresu"},
    "lc_unassigned": {"en": "(unassigned)", "pl": "(bez menedżera)"},
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
    "kano_action_I": {"en": "no investment: clients are indifferent", "pl": "nie inwestować: klientom to obojętne"},
    "kano_action_R": {"en": "do not add: clients prefer it absent", "pl": "nie dodawać: klienci wolą jej brak"},
    "kano_action_Q": {"en": "check the question: contradictory answers",
                      "pl": "sprawdzić pytanie: sprzeczne odpowiedzi"},
    "kano_action_none": {"en": "no answers", "pl": "brak odpowiedzi"},
    "kano_warning_message": {"en": "Do not invest in the delighter '{delighter}' yet: {low} of the clients rate the "
                                   "basic need '{basic}' {low_score} or lower (open or hidden dissatisfaction; "
                                   "mean {score:.2f}).",
                             "pl": "Nie inwestuj jeszcze w czynnik zachwytu „{delighter}”: {low} klientów ocenia "
                                   "oczekiwanie podstawowe „{basic}” na {low_score} lub niżej (oczywiste lub ukryte "
                                   "niezadowolenie; średnia {score:.2f})."},
    "kano_col_n": {"en": "Answers", "pl": "Liczba odpowiedzi"},
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
    "kano_col_importance_mean": {"en": "Importance (mean)", "pl": "Istotność (średnia)"},
    "kano_col_importance_n": {"en": "Importance answers", "pl": "Liczba ocen istotności"},
    "kano_col_rank": {"en": "Rank", "pl": "Kolejność"},
    "kano_col_score_mean": {"en": "Performance score (mean)", "pl": "Średnia ocena satysfakcji"},
    "kano_col_score_n": {"en": "Ratings", "pl": "Liczba ocen"},
    "kano_col_share_low": {"en": "Share of low scores", "pl": "Udział niskich ocen"},
    "kano_col_scores_badly": {"en": "Scores badly", "pl": "Słaba ocena"},
    "kano_col_action": {"en": "Action", "pl": "Działanie"},
    "kano_col_wave_from": {"en": "From wave", "pl": "Fala wcześniejsza"},
    "kano_col_wave_to": {"en": "To wave", "pl": "Fala późniejsza"},
    "kano_col_category_from": {"en": "Category before", "pl": "Kategoria wcześniej"},
    "kano_col_category_to": {"en": "Category after", "pl": "Kategoria później"},
    "kano_col_better_from": {"en": "Better before", "pl": "Better wcześniej"},
    "kano_col_better_to": {"en": "Better after", "pl": "Better później"},
    "kano_col_worse_from": {"en": "Worse before", "pl": "Worse wcześniej"},
    "kano_col_worse_to": {"en": "Worse after", "pl": "Worse później"},
    "kano_col_significant_from": {"en": "Significant before", "pl": "Istotna wcześniej"},
    "kano_col_significant_to": {"en": "Significant after", "pl": "Istotna później"},
    "kano_col_changed": {"en": "Changed", "pl": "Zmiana"},
    "kano_col_decay": {"en": "Decay (A→O→M)", "pl": "Spowszednienie (A→O→M)"},
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
                      "pl": "Better/Worse: co daje obecność cechy, a co odbiera jej brak"},
    "kano_axis_worse": {"en": "Dissatisfaction if absent (|Worse|)", "pl": "Niezadowolenie przy braku cechy (|Worse|)"},
    "kano_axis_better": {"en": "Satisfaction if present (Better)", "pl": "Zadowolenie przy obecności cechy (Better)"},
    "kano_shares_title": {"en": "Kano categories per feature", "pl": "Kategorie Kano dla poszczególnych cech"},
    "kano_axis_share": {"en": "Share of answers", "pl": "Udział odpowiedzi"},
    "kano_waves_title": {"en": "Satisfaction is not fixed: features move between waves",
                         "pl": "Zadowolenie nie jest stałe: cechy przesuwają się między falami badania"},
    "kano_widget_title": {"en": "Kano: answers for one feature", "pl": "Kano: odpowiedzi dla jednej cechy"},
    "kano_widget_feature": {"en": "Feature", "pl": "Cecha"},
    "kano_widget_functional": {"en": "If the feature is present", "pl": "Jeśli cecha jest obecna"},
    "kano_widget_dysfunctional": {"en": "If the feature is absent", "pl": "Jeśli cechy brak"},
    "kano_widget_add": {"en": "Add answer", "pl": "Dodaj odpowiedź"},
    "kano_widget_reset": {"en": "Clear", "pl": "Wyczyść"},
    "kano_widget_counts": {"en": "Answers per pair (rows: present, columns: absent)",
                           "pl": "Liczba odpowiedzi (wiersze: cecha jest, kolumny: cechy brak)"},
    "kano_widget_empty": {"en": "No answers yet.", "pl": "Brak odpowiedzi."},
    "kano_widget_present": {"en": "present", "pl": "cecha jest"},
    "kano_widget_absent": {"en": "absent", "pl": "cechy brak"},
    # --- segments ---
    "segment_outside": {"en": "outside the target groups", "pl": "poza grupami docelowymi"},
    "matching": {"en": "Clients matching the rules", "pl": "Klienci spełniający reguły"},
    "taken_by_earlier": {"en": "Of them in an earlier group", "pl": "W tym przypisani do wcześniejszej grupy"},
    "overlapping": {"en": "Matching another group too", "pl": "Pasujący też do innej grupy"},
    "empty": {"en": "No client", "pl": "Brak klientów"},
    "also_matches": {"en": "Also matches", "pl": "Pasuje też do"},
    "targeted": {"en": "In the portrait", "pl": "W portrecie"},
    "users": {"en": "Clients using the line", "pl": "Klienci korzystający z linii"},
    "coverage": {"en": "Coverage", "pl": "Pokrycie"},
    "lines_targeted": {"en": "Lines for its group", "pl": "Linie dla jego grupy"},
    "lines_used": {"en": "Of them used", "pl": "W tym wykorzystane"},
    "maturity": {"en": "Maturity", "pl": "Dojrzałość"},
    "mean_maturity": {"en": "Mean maturity", "pl": "Średnia dojrzałość"},
    "other_lines": {"en": "Other lines used", "pl": "Inne wykorzystane linie"},
    "maturity_none": {"en": "Using none of its lines", "pl": "Bez żadnej ze swoich linii"},
    "maturity_low": {"en": "Using under half", "pl": "Mniej niż połowa"},
    "maturity_high": {"en": "Using half or more", "pl": "Połowa lub więcej"},
    "maturity_full": {"en": "Using all its lines", "pl": "Wszystkie swoje linie"},
    "missing_lines": {"en": "Lines for its group not used", "pl": "Niewykorzystane linie dla jego grupy"},
    "state": {"en": "Offer state", "pl": "Stan oferty"},
    "stage": {"en": "Stage reached", "pl": "Osiągnięty etap"},
    "offer_state_uses": {"en": "uses", "pl": "korzysta"},
    "offer_state_contract": {"en": "contract signed", "pl": "podpisanie umowy"},
    "offer_state_application": {"en": "application", "pl": "wniosek"},
    "offer_state_refused": {"en": "refused", "pl": "odmowa"},
    "offer_state_not_offered": {"en": "not offered", "pl": "nie zaproponowano"},
    "rank": {"en": "Order", "pl": "Kolejność"},
    "peer_share": {"en": "Similar clients using it", "pl": "Korzystający podobni klienci"},
    "peers": {"en": "Similar clients", "pl": "Podobni klienci"},
    "segment_share": {"en": "Clients of the group using it", "pl": "Korzystający klienci grupy"},
    "client_turnover": {"en": "Client's turnover", "pl": "Obrót klienta"},
    "lost_share": {"en": "Lost, of the clients who bought", "pl": "Utraceni wśród kupujących"},
    "recency": {"en": "Days since the last purchase", "pl": "Dni od ostatniego zakupu"},
    "frequency": {"en": "Purchase days", "pl": "Dni z zakupem"},
    "monetary": {"en": "Net turnover", "pl": "Obrót netto"},
    "recency_score": {"en": "R score", "pl": "Ocena R"},
    "frequency_score": {"en": "F score", "pl": "Ocena F"},
    "monetary_score": {"en": "M score", "pl": "Ocena M"},
    "rfm_code": {"en": "RFM code", "pl": "Kod RFM"},
    "cluster": {"en": "Cluster", "pl": "Klaster"},
    "cluster_name": {"en": "Behavioural segment", "pl": "Segment behawioralny"},
    "clusters": {"en": "Number of clusters", "pl": "Liczba klastrów"},
    "silhouette": {"en": "Mean silhouette", "pl": "Średni współczynnik sylwetki"},
    "median_recency": {"en": "Median days since the last purchase", "pl": "Mediana dni od ostatniego zakupu"},
    "median_frequency": {"en": "Median purchase days", "pl": "Mediana dni z zakupem"},
    "median_monetary": {"en": "Median net turnover", "pl": "Mediana obrotu netto"},
    "mean_recency_score": {"en": "Mean R score", "pl": "Średnia ocena R"},
    "mean_frequency_score": {"en": "Mean F score", "pl": "Średnia ocena F"},
    "mean_monetary_score": {"en": "Mean M score", "pl": "Średnia ocena M"},
    "rfm_champions": {"en": "Best (recent, frequent)", "pl": "Najlepsi (niedawno, często)"},
    "rfm_promising": {"en": "Promising (recent, fairly frequent)", "pl": "Obiecujący (niedawno, dość często)"},
    "rfm_newcomers": {"en": "Newcomers (recent, few purchases)", "pl": "Nowi (niedawno, mało zakupów)"},
    "rfm_loyal": {"en": "Loyal (frequent)", "pl": "Lojalni (często)"},
    "rfm_middle": {"en": "Middle of the road", "pl": "Przeciętni"},
    "rfm_attention": {"en": "Need attention (rare purchases)", "pl": "Wymagają uwagi (rzadkie zakupy)"},
    "rfm_at_risk": {"en": "At risk (were frequent, not lately)", "pl": "Zagrożeni (kupowali często, ostatnio nie)"},
    "rfm_slipping": {"en": "Slipping away (not lately)", "pl": "Odchodzący (ostatnio nie)"},
    "rfm_lapsed": {"en": "Lapsed (long ago, rarely)", "pl": "Uśpieni (dawno, rzadko)"},
    "rfm_value_high": {"en": "high value", "pl": "wysoka wartość"},
    "rfm_value_mid": {"en": "medium value", "pl": "średnia wartość"},
    "rfm_value_low": {"en": "low value", "pl": "niska wartość"},
    "rfm_inactive": {"en": "No purchase in the period", "pl": "Bez zakupu w okresie"},
    "seg_segment": {"en": "Target group", "pl": "Grupa docelowa"},
    "seg_overlapping_clients": {"en": "Clients in two groups or more", "pl": "Klienci w dwóch grupach lub więcej"},
    "seg_empty_groups": {"en": "Groups without a client", "pl": "Grupy bez klientów"},
    "seg_none": {"en": "none", "pl": "brak"},
    "seg_all_managers": {"en": "all sales managers", "pl": "wszyscy menedżerowie sprzedaży"},
    "potential_clients": {"en": "Potential clients", "pl": "Klienci potencjalni"},
    "new_clients": {"en": "New clients", "pl": "Klienci nowi"},
    "regular_clients": {"en": "Regular clients", "pl": "Klienci stali"},
    "lost_clients": {"en": "Lost clients", "pl": "Klienci utraceni"},
    "restored_clients": {"en": "Restored clients", "pl": "Klienci przywróceni"},
    "rules": {"en": "Rules (all must hold)", "pl": "Reguły (wszystkie muszą być spełnione)"},
    "portrait_lines": {"en": "Lines in the portrait", "pl": "Linie w portrecie"},
    "step": {"en": "Next step", "pl": "Kolejny krok"},
    "lines": {"en": "Client and line pairs", "pl": "Pary klient i linia"},
    "seg_step_low_maturity": {"en": "Offer the rest of their portrait to the A or X clients with a low maturity",
                              "pl": "Zaproponować resztę portretu klientom A lub X o niskiej dojrzałości"},
    "seg_step_applications": {"en": "Follow up the applications", "pl": "Doprowadzić do końca wnioski w toku"},
    "seg_step_contracts": {"en": "Contracts signed for a line not used in the period: start or revive delivery",
                           "pl": "Umowy na linie niewykorzystywane w okresie: rozpocząć lub wznowić dostawy"},
    "seg_step_refused": {"en": "After a refusal: date the next try", "pl": "Po odmowie: ustalić termin nowej próby"},
    "seg_step_not_offered": {"en": "Offer the lines never offered", "pl": "Zaproponować linie dotąd pomijane"},
    "seg_step_lost": {"en": "Win back the lost clients", "pl": "Odzyskać klientów utraconych"},
    "seg_coverage_title": {"en": "Ideal client portrait: share of each group's clients using each line",
                           "pl": "Portret idealnego klienta: udział klientów grupy korzystających z linii"},
    "seg_coverage_note": {"en": "Framed: the lines the portrait means for the group. Grey: lines outside it.",
                          "pl": "W ramkach: linie przeznaczone dla grupy w portrecie. Na szaro: linie spoza portretu."},
    "seg_maturity_title": {"en": "Client maturity by target group: how many of its lines a client uses",
                           "pl": "Dojrzałość klientów według grup docelowych: ile swoich linii wykorzystuje klient"},
    "seg_share_of_clients": {"en": "Share of the group's clients", "pl": "Udział klientów grupy"},
    "seg_mean": {"en": "mean", "pl": "średnio"},
    "seg_grid_title": {"en": "Offer states of the targeted lines: {who}", "pl": "Stan ofert linii docelowych: {who}"},
    "seg_grid_more": {"en": "{n} more clients not drawn", "pl": "Nie pokazano kolejnych {n} klientów"},
    "seg_rfm_title": {"en": "Behavioural segments: RFM clusters", "pl": "Segmenty behawioralne: klastry RFM"},
    "seg_rfm_inactive": {"en": "Not drawn: {n} clients without a purchase", "pl": "Pominięto {n} klientów bez zakupu"},
    "seg_rfm_size": {"en": "point size: purchase days", "pl": "wielkość punktu: dni z zakupem"},
    "seg_silhouette_title": {"en": "How many clusters: the silhouette", "pl": "Ile klastrów: współczynnik sylwetki"},
    "seg_chosen": {"en": "chosen", "pl": "wybrane"},
    "seg_segment_coverage_title": {"en": "{name}: share of the group's clients using each line",
                                   "pl": "{name}: udział klientów grupy korzystających z linii"},
    "seg_in_portrait": {"en": "in the portrait", "pl": "w portrecie"},
    "seg_not_in_portrait": {"en": "outside the portrait", "pl": "poza portretem"},
    "seg_widget_segment": {"en": "Target group", "pl": "Grupa docelowa"},
    "seg_widget_below": {"en": "Low maturity below", "pl": "Niska dojrzałość poniżej"},
    "seg_widget_low": {"en": "Clients with a low maturity", "pl": "Klienci o niskiej dojrzałości"},
    "seg_widget_none": {"en": "No client with a low maturity.", "pl": "Brak klientów o niskiej dojrzałości."},
    # --- exercises ---
    "ex_correct": {"en": "Correct", "pl": "Dobrze"},
    "ex_incorrect": {"en": "Not yet", "pl": "Jeszcze nie"},
    "ex_incomplete": {"en": "Not complete yet", "pl": "Jeszcze niepełna"},
    "ex_not_attempted": {"en": "Not answered yet: replace None with your answer and run the cell again.",
                         "pl": "Brak odpowiedzi: zastąp None swoją odpowiedzią i uruchom komórkę ponownie."},
    "ex_waiting": {"en": "This question builds on your answer to {keys}: answer that first.",
                   "pl": "To pytanie opiera się na Twojej odpowiedzi na {keys}: najpierw odpowiedz na nie."},
    "ex_hint": {"en": "Hint", "pl": "Podpowiedź"},
    "ex_solution": {"en": "Solution", "pl": "Rozwiązanie"},
    "ex_too_high": {"en": "Your answer is too high.", "pl": "Twoja odpowiedź jest za duża."},
    "ex_too_low": {"en": "Your answer is too low.", "pl": "Twoja odpowiedź jest za mała."},
    "ex_wrong_text": {"en": "That is not it.", "pl": "To nie to."},
    "ex_noted": {"en": "Noted and kept with your answers. There is no single right answer: "
                       "compare yours with the solution.",
                 "pl": "Zapisano razem z pozostałymi odpowiedziami. Nie ma jednej poprawnej odpowiedzi – "
                       "porównaj swoją z rozwiązaniem."},
    "ex_question_word": {"en": "Question", "pl": "Pytanie"},
    "ex_demo_run": {"en": "No participant set: a demonstration run, in which every unanswered question is checked "
                          "with its model answer and nothing is saved. Set `participant` to your name to answer "
                          "yourself.",
                    "pl": "Nie podano uczestnika: to pokaz, w którym każde pytanie bez odpowiedzi jest sprawdzane "
                          "odpowiedzią wzorcową, a nic nie jest zapisywane. Wpisz swoje imię w `participant`, aby "
                          "odpowiadać samodzielnie."},
    "ex_demo_answer": {"en": "Model answer (demonstration):", "pl": "Odpowiedź wzorcowa (pokaz):"},
    "ex_demo_short": {"en": "model answer", "pl": "odpowiedź wzorcowa"},
    "ex_participant": {"en": "Participant", "pl": "Uczestnik"},
    "ex_kept_in": {"en": "answers kept in `{path}`", "pl": "odpowiedzi zapisywane w `{path}`"},
    "ex_not_kept": {"en": "answers are not kept (set `answers_dir`)",
                    "pl": "odpowiedzi nie są zapisywane (ustaw `answers_dir`)"},
    "ex_restored": {"en": "{n} earlier answer(s) restored: run the checks to see them again.",
                    "pl": "przywrócono wcześniejsze odpowiedzi ({n}): uruchom sprawdzenia, aby je zobaczyć."},
    "ex_check_button": {"en": "Check", "pl": "Sprawdź"},
    "ex_one_per_line": {"en": "one item per line", "pl": "jedna pozycja w wierszu"},
    "ex_unit_months": {"en": "months", "pl": "miesiące"},
    "ex_unit_weeks": {"en": "weeks", "pl": "tygodnie"},
    "ex_unit_days": {"en": "days", "pl": "dni"},
    "question": {"en": "Question", "pl": "Pytanie"},
    "topic": {"en": "Topic", "pl": "Temat"},
    "answer": {"en": "Answer", "pl": "Odpowiedź"},
    "result": {"en": "Result", "pl": "Wynik"},
    "remark": {"en": "Remark", "pl": "Uwagi"},
    "ex_result_correct": {"en": "✓ correct", "pl": "✓ dobrze"},
    "ex_result_noted": {"en": "✎ noted", "pl": "✎ zapisana"},
    "ex_result_incorrect": {"en": "✗ not yet", "pl": "✗ jeszcze nie"},
    "ex_result_incomplete": {"en": "◐ incomplete", "pl": "◐ niepełna"},
    "ex_result_unreadable": {"en": "⚠ cannot be read", "pl": "⚠ nieczytelna"},
    "ex_result_waiting": {"en": "… waiting for an earlier answer", "pl": "… czeka na wcześniejszą odpowiedź"},
    "ex_result_not_attempted": {"en": "☐ not answered", "pl": "☐ bez odpowiedzi"},
    "ex_when": {"en": "when", "pl": "kiedy"},
    "ex_no_control_point": {"en": "no control point yet", "pl": "brak punktu kontrolnego"},
    "ex_chart_process": {"en": "Work with clients: blocks and their control points",
                         "pl": "Praca z klientami: bloki i ich punkty kontrolne"},
    "ex_chart_windows": {"en": "Windows W chosen in the room", "pl": "Okna W wybrane przez uczestników"},
    "ex_participants": {"en": "Participants", "pl": "Uczestnicy"},
    "ex_window_accepted": {"en": "accepted", "pl": "akceptowane"},
    "ex_window_outside": {"en": "outside the accepted range", "pl": "poza akceptowanym zakresem"},
    "typical_gap_days": {"en": "Typical gap between purchases", "pl": "Typowa przerwa między zakupami"},
    "your_category": {"en": "Your category", "pl": "Twoja kategoria"},
    "agree": {"en": "Agree", "pl": "Zgodność"},
    "reading": {"en": "What the survey says", "pl": "Co mówi ankieta"},
    "mark": {"en": "Mark", "pl": "Ocena"},
    "meaning": {"en": "What it means", "pl": "Znaczenie"},
    "area": {"en": "Area", "pl": "Obszar"},
    "item": {"en": "Item", "pl": "Pozycja"},
    "key": {"en": "Key to type", "pl": "Klucz do wpisania"},
    "items": {"en": "Items", "pl": "Pozycje"},
    "plus": {"en": "+", "pl": "+"},
    "partly": {"en": "+/−", "pl": "+/−"},
    "minus": {"en": "−", "pl": "−"},
    "unanswered": {"en": "Not answered", "pl": "Bez odpowiedzi"},
    "managed_share": {"en": "Score (share of a managed process)", "pl": "Wynik (udział procesu zarządzanego)"},
    "exercise": {"en": "Exercise", "pl": "Zadanie"},
    "answered": {"en": "Answered", "pl": "Z odpowiedzią"},
    "right": {"en": "Right", "pl": "Dobrze"},
    "share_right": {"en": "Share right", "pl": "Odsetek dobrych"},
    "wrong_answers": {"en": "Wrong answers by kind", "pl": "Błędne odpowiedzi według rodzaju"},
    "not_answered": {"en": "Not answered yet", "pl": "Jeszcze bez odpowiedzi"},
    "kind": {"en": "Kind of wrong answer", "pl": "Rodzaj błędu"},
    "participants": {"en": "Participants", "pl": "Uczestnicy"},
    "participant": {"en": "Participant", "pl": "Uczestnik"},
    "who": {"en": "Who", "pl": "Kto"},
    "accepted": {"en": "Accepted", "pl": "Akceptowane"},
    "suggested": {"en": "The workbook's suggestion", "pl": "Sugestia skoroszytu"},
    "room_title": {"en": "The room: answers to the exercises", "pl": "Sala: odpowiedzi do zadań"},
    "room_intro": {"en": "Answers in {folder}: {n} participants, {files} answer files.",
                   "pl": "Odpowiedzi w {folder}: uczestnicy: {n}, pliki odpowiedzi: {files}."},
    "room_skipped": {"en": "{n} file(s) could not be read and are left out.",
                     "pl": "Pominięto pliki, których nie da się odczytać: {n}."},
    "room_empty": {"en": "No answers yet.", "pl": "Nie ma jeszcze odpowiedzi."},
    "room_questions": {"en": "Per question: share right, wrong answers, who has not answered",
                       "pl": "Według pytań: odsetek dobrych, błędne odpowiedzi, kto jeszcze nie odpowiedział"},
    "room_wrong": {"en": "Wrong answers grouped by kind", "pl": "Błędne odpowiedzi według rodzaju"},
    "room_windows": {"en": "The windows W chosen (exercise set 1, question 1a)",
                     "pl": "Wybrane okna W (zadania praktyczne 1, pytanie 1a)"},
    "room_profiles": {"en": "Diagnostic profiles side by side", "pl": "Profile diagnostyczne obok siebie"},
    "room_participants": {"en": "Who answered what", "pl": "Kto na co odpowiedział"},
    "diag_area_main": {"en": "Main characteristics", "pl": "Główna charakterystyka"},
    "diag_area_marketing": {"en": "Marketing", "pl": "Marketing"},
    "diag_area_supporting": {"en": "Supporting processes", "pl": "Procesy pomocnicze i wspomagające"},
    "diag_area_parameters": {"en": "Controlled parameters of the client-service process",
                             "pl": "Kontrolowane parametry procesu obsługi klienta"},
    "diag_axis_items": {"en": "Share of the area's items", "pl": "Udział pozycji obszaru"},
    "diag_score_short": {"en": "score", "pl": "wynik"},
    "diag_chart_profile": {"en": "How managed is the work with clients: marks per area",
                           "pl": "Sterowność pracy z klientami: oceny według obszarów"},
    "diag_chart_room": {"en": "Diagnostic profiles side by side: score per area",
                        "pl": "Profile diagnostyczne obok siebie: wynik według obszarów"},
    # --- batch ---
}


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
