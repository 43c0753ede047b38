"""Labels of the service-quality method in English and Polish (PL: etykiety jakości obsługi).

One catalogue of :data:`salesnb.i18n.LABELS`; a key is defined in exactly one catalogue (a test
checks). Loyalty,
satisfaction as complaints, the sales funnel, control points and the standards audit, with the
contract columns they add. The Polish words are the articles' own (lejek sprzedaży, klient stały,
reklamacja, punkty kontrolne, standard).
"""
from __future__ import annotations

#: key -> {"en": ..., "pl": ...}
LABELS: dict[str, dict[str, str]] = {
    # --- contract columns added for the service method ---
    "due_date": {"en": "Payment due", "pl": "Termin płatności"},
    "paid_at": {"en": "Paid", "pl": "Data zapłaty"},
    "referred_by": {"en": "Recommended by", "pl": "Z rekomendacji klienta"},
    "valid_until": {"en": "Offer valid until", "pl": "Oferta ważna do"},
}
LABELS.update({
    # --- standards audit ---
    "enquiries": {"en": "Enquiries", "pl": "Zapytania"},
    "on_time": {"en": "On time", "pl": "W terminie"},
    "late": {"en": "Late", "pl": "Po terminie"},
    "overdue": {"en": "Unanswered, overdue", "pl": "Bez odpowiedzi, po terminie"},
    "open": {"en": "Open", "pl": "Otwarte"},
    "compliance": {"en": "Within the standard", "pl": "Zgodność ze standardem"},
    "median_hours": {"en": "Median time to answer (h)", "pl": "Mediana czasu odpowiedzi (h)"},
    "standard_hours": {"en": "Standard (h)", "pl": "Standard (h)"},
    "hours_to_answer": {"en": "Time to answer (h)", "pl": "Czas odpowiedzi (h)"},
    "due_at": {"en": "Deadline", "pl": "Termin odpowiedzi"},
    "response_on_time": {"en": "on time", "pl": "w terminie"},
    "response_late": {"en": "late", "pl": "po terminie"},
    "response_overdue": {"en": "unanswered, overdue", "pl": "bez odpowiedzi, po terminie"},
    "response_open": {"en": "open, still in time", "pl": "otwarte, w terminie"},
    "channel_phone": {"en": "phone", "pl": "telefon"},
    "channel_e-mail": {"en": "e-mail", "pl": "e-mail"},
    "channel_chat": {"en": "chat", "pl": "czat"},
    "channel_visit": {"en": "visit", "pl": "wizyta"},
    "svc_calendar_hours": {"en": "every hour counts", "pl": "liczy się każda godzina"},
    "svc_business_hours": {"en": "business hours", "pl": "godziny pracy"},
    "svc_counting": {"en": "Hours counted", "pl": "Liczone godziny"},
    # --- satisfaction ---
    "answers": {"en": "Answers", "pl": "Odpowiedzi"},
    "score_mean": {"en": "Mean score", "pl": "Średnia ocena"},
    "open_share": {"en": "Open dissatisfaction (1-2)", "pl": "Jawne niezadowolenie (1-2)"},
    "hidden_share": {"en": "Hidden dissatisfaction (3)", "pl": "Ukryte niezadowolenie (3)"},
    "dissatisfied_share": {"en": "Dissatisfied (1-3)", "pl": "Niezadowoleni (1-3)"},
    "dissatisfaction": {"en": "Dissatisfaction", "pl": "Niezadowolenie"},
    "dissatisfaction_open": {"en": "open", "pl": "jawne"},
    "dissatisfaction_hidden": {"en": "hidden", "pl": "ukryte"},
    "days_waiting": {"en": "Waiting since the survey", "pl": "Czeka od badania"},
    "last_survey": {"en": "Last survey", "pl": "Ostatnie badanie"},
    "due_since": {"en": "Due since", "pl": "Termin minął"},
    "days_overdue": {"en": "Overdue by", "pl": "Zaległość"},
    "survey_reason": {"en": "Why", "pl": "Powód"},
    "never_surveyed": {"en": "never surveyed", "pl": "nigdy nie badany"},
    "survey_overdue": {"en": "last survey over the period", "pl": "ostatnie badanie zbyt dawno"},
    "year": {"en": "Year", "pl": "Rok"},
    # --- funnel ---
    "stage": {"en": "Stage", "pl": "Etap"},
    "reached": {"en": "Reached", "pl": "Doszło do etapu"},
    "lost": {"en": "Refused here", "pl": "Odmowa na etapie"},
    "moved_on": {"en": "Moved on", "pl": "Przeszło dalej"},
    "conversion": {"en": "Conversion", "pl": "Konwersja"},
    "share_of_start": {"en": "Share of all deals", "pl": "Udział wszystkich szans"},
    "deals_count": {"en": "Deals", "pl": "Szanse sprzedaży"},
    "share_of_stage": {"en": "Share of the stage's refusals", "pl": "Udział w odmowach na etapie"},
    "share_of_refusals": {"en": "Share of all refusals", "pl": "Udział we wszystkich odmowach"},
    "days_to_close": {"en": "Days to decision (median)", "pl": "Dni do decyzji (mediana)"},
    "days_to_close_mean": {"en": "Days to decision (mean)", "pl": "Dni do decyzji (średnia)"},
    "days_in_stage": {"en": "Days in the stage (median)", "pl": "Dni na etapie (mediana)"},
    "days_in_stage_mean": {"en": "Days in the stage (mean)", "pl": "Dni na etapie (średnia)"},
    "open_days": {"en": "Open deals: days so far (median)", "pl": "Otwarte szanse: dni do dziś (mediana)"},
    "stage_presentation": {"en": "presentation", "pl": "prezentacja"},
    "stage_offer": {"en": "offer", "pl": "oferta"},
    "stage_agreement": {"en": "agreement", "pl": "porozumienie"},
    "stage_payment": {"en": "payment", "pl": "zapłata"},
    "stage_event": {"en": "event", "pl": "wydarzenie"},
    "stage_closing": {"en": "closing", "pl": "zamknięcie"},
    "stage_demo": {"en": "demo", "pl": "prezentacja produktu"},
    "stage_implementation": {"en": "implementation", "pl": "wdrożenie"},
    "stage_enquiry": {"en": "enquiry", "pl": "zapytanie"},
    "stage_negotiation": {"en": "negotiation", "pl": "negocjacje"},
    "stage_first_order": {"en": "first order", "pl": "pierwsze zamówienie"},
    # --- loyalty ---
    "loyal_clients": {"en": "Loyal clients (repeat purchases)", "pl": "Klienci lojalni (zakupy powtórne)"},
    "loyal_share": {"en": "Share of loyal clients", "pl": "Udział klientów lojalnych"},
    "loyalty_index": {"en": "Loyalty index (all / loyal)", "pl": "Wskaźnik lojalności (wszyscy / lojalni)"},
    "sales": {"en": "Sales", "pl": "Sprzedaż"},
    "old_client_sales": {"en": "Sales to old clients", "pl": "Sprzedaż starym klientom"},
    "old_client_share": {"en": "Share of sales from old clients", "pl": "Udział sprzedaży starych klientów"},
    "referred_clients": {"en": "Clients from referrals", "pl": "Klienci z rekomendacji"},
    "referral_sales": {"en": "Purchases from referrals", "pl": "Zakupy z rekomendacji"},
    "referral_share": {"en": "Share of purchases from referrals", "pl": "Udział zakupów z rekomendacji"},
    "period": {"en": "Period", "pl": "Okres"},
    # --- control points ---
    "control_point": {"en": "Control point", "pl": "Punkt kontrolny"},
    "reference": {"en": "Reference", "pl": "Dotyczy"},
    "due": {"en": "Due", "pl": "Termin"},
    "enquiry_overdue": {"en": "Enquiry unanswered", "pl": "Zapytanie bez odpowiedzi"},
    "complaint": {"en": "Score 1-3 to handle", "pl": "Ocena 1-3 do wyjaśnienia"},
    "expired_offer": {"en": "Offer expired", "pl": "Oferta po terminie ważności"},
    "unpaid_invoice": {"en": "Invoice unpaid", "pl": "Faktura nieopłacona"},
    "survey_due": {"en": "Survey due", "pl": "Badanie satysfakcji do zrobienia"},
    "no_contact": {"en": "No contact for too long", "pl": "Zbyt długo bez kontaktu"},
    # --- data checks ---
    "answered_before_received": {"en": "Answered before received", "pl": "Odpowiedź przed otrzymaniem"},
    "received_after_as_of": {"en": "Received after the analysis date", "pl": "Otrzymane po dacie analizy"},
    "answered_after_as_of": {"en": "Answered after the analysis date", "pl": "Odpowiedź po dacie analizy"},
    "enquiry_without_client": {"en": "Enquiry without a client", "pl": "Zapytanie bez klienta"},
    "score_out_of_range": {"en": "Score outside 1-5", "pl": "Ocena spoza skali 1-5"},
    "survey_after_as_of": {"en": "Survey after the analysis date", "pl": "Badanie po dacie analizy"},
    "answer_without_product": {"en": "Answer without a product", "pl": "Odpowiedź bez produktu"},
    "stage_not_in_sequence": {"en": "Stage not in the company's stages", "pl": "Etap spoza etapów firmy"},
    "outcome_unknown": {"en": "Outcome other than won/lost/open", "pl": "Wynik inny niż wygrana/przegrana/otwarta"},
    "refusal_stage_contradicts": {"en": "Refusal stage differs from the stage reached",
                                  "pl": "Etap odmowy inny niż osiągnięty etap"},
    "lost_without_refusal_stage": {"en": "Lost without a refusal stage", "pl": "Przegrana bez etapu odmowy"},
    "won_before_last_stage": {"en": "Won before the last stage", "pl": "Wygrana przed ostatnim etapem"},
    "closed_before_opened": {"en": "Closed before opened", "pl": "Zamknięta przed otwarciem"},
    "effect": {"en": "What happens to these rows", "pl": "Co dzieje się z tymi wierszami"},
    "effect_error": {"en": "refused with an error naming the rows", "pl": "odrzucone błędem z numerami wierszy"},
    "effect_left_out": {"en": "left out", "pl": "pominięte"},
    "effect_unanswered_at_as_of": {"en": "counted as unanswered at the analysis date",
                                   "pl": "liczone jako bez odpowiedzi na dzień analizy"},
    "effect_judged_at_deadline": {"en": "overdue once the deadline passes", "pl": "po terminie, gdy termin minie"},
    "effect_unassigned": {"en": "counted for nobody unless a salesperson is named",
                          "pl": "bez opiekuna, chyba że podano handlowca"},
    "effect_no_product": {"en": "counted without a product", "pl": "liczone bez produktu"},
    "effect_left_out_of_funnel": {"en": "left out of the funnel", "pl": "pominięte w lejku"},
    "effect_stage_reached_used": {"en": "refusal counted at the stage reached",
                                  "pl": "odmowa liczona na osiągniętym etapie"},
    "effect_won_all_stages": {"en": "counted as through every stage", "pl": "liczone jako po wszystkich etapach"},
    "effect_left_out_of_times": {"en": "left out of the times per stage", "pl": "pominięte w czasie na etapach"},
    # --- charts ---
    "svc_funnel_title": {"en": "Sales funnel: deals per stage", "pl": "Lejek sprzedaży: szanse na etapach"},
    "svc_funnel_moved": {"en": "moved on", "pl": "przeszło dalej"},
    "svc_funnel_open": {"en": "still open here", "pl": "otwarte na etapie"},
    "svc_funnel_lost": {"en": "refused here", "pl": "odmowa na etapie"},
    "svc_compliance_title": {"en": "Enquiries answered within the standard, by month",
                             "pl": "Zapytania z odpowiedzią w standardzie, według miesięcy"},
    "svc_heatmap_title": {"en": "Satisfaction: mean score (1-5)", "pl": "Satysfakcja: średnia ocena (1-5)"},
    "svc_loyalty_title": {"en": "Loyalty over time", "pl": "Lojalność w czasie"},
    "svc_hours": {"en": "h", "pl": "h"},
    "svc_all_channels": {"en": "all channels", "pl": "wszystkie kanały"},
    # --- widget ---
    "svc_widget_channel": {"en": "Channel", "pl": "Kanał"},
    "svc_widget_hours": {"en": "Standard (hours)", "pl": "Standard (godziny)"},
    "svc_widget_business": {"en": "Count business hours only (Mon-Fri 8-18)",
                            "pl": "Licz tylko godziny pracy (pn-pt 8-18)"},
    "svc_widget_holidays": {"en": "Polish public holidays are days off", "pl": "Święta państwowe w Polsce wolne"},
    # --- actions ---
    "action_standards": {
        "en": "**Answer {subject} enquiries within {hours}:** only {value} were, {count} late or still unanswered"
              "{detail_text}. Make the standard known, and audit it every month.",
        "pl": "**Odpowiadaj na zapytania ({subject}) w ciągu {hours}:** udało się tylko w {value} przypadków, "
              "{count} po terminie lub bez odpowiedzi{detail_text}. Przypomnij standard i sprawdzaj go co miesiąc."},
    "action_standards_detail": {"en": "; weakest: {detail} ({detail_value})",
                                "pl": "; najsłabiej: {detail} ({detail_value})"},
    "action_satisfaction": {
        "en": "**Handle the dissatisfied as complaints:** call the {count} clients whose latest answer is 1, 2 or 3; "
              "the weakest criterion is *{subject}* ({value} of its answers in the survey period are 1-3).",
        "pl": "**Potraktuj niezadowolenie jak reklamację:** zadzwoń do {count} klientów, których ostatnia ocena to 1, "
              "2 lub 3; najsłabsze kryterium to *{subject}* ({value} ocen 1-3 w okresie badania)."},
    "action_funnel": {
        "en": "**Work on the stage *{subject}*:** only {value} of the deals decided there move on ({count} refused)"
              "{detail_text}.",
        "pl": "**Popraw etap *{subject}*:** dalej przechodzi tylko {value} rozstrzygniętych na nim szans "
              "({count} odmów){detail_text}."},
    "action_funnel_detail": {"en": "; the most frequent reason: {detail} ({detail_value} of them)",
                             "pl": "; najczęstszy powód: {detail} ({detail_value} z nich)"},
    "action_surveys": {
        "en": "**Survey the clients you have not asked for a year:** {count} current clients ({value}) have no "
              "satisfaction survey within the survey period.",
        "pl": "**Zbadaj satysfakcję klientów, których nie pytano od roku:** {count} obecnych klientów ({value}) "
              "nie ma badania satysfakcji w okresie badania."},
})
