"""Labels of the service-quality method in English and Polish (PL: etykiety jakości obsługi).

Kept beside :mod:`salesnb.i18n`, which merges them into its catalogue ``LABELS``: loyalty,
satisfaction as complaints, the sales funnel, control points and the standards audit, with the
contract columns they add. The Polish words are the articles' own (lejek sprzedaży, klient stały,
reklamacja, punkty kontrolne, standard).
"""
from __future__ import annotations

__all__ = ["SERVICE_LABELS"]

#: key -> {"en": ..., "pl": ...}
SERVICE_LABELS: dict[str, dict[str, str]] = {
    # --- contract columns added for the service method ---
    "due_date": {"en": "Payment due", "pl": "Termin płatności"},
    "paid_at": {"en": "Paid", "pl": "Data zapłaty"},
    "referred_by": {"en": "Recommended by", "pl": "Z rekomendacji klienta"},
    "valid_until": {"en": "Offer valid until", "pl": "Oferta ważna do"},
}
