"""The data contract: which tables a company dataset holds and what their columns mean.

`docs/data-format.md` is the reader's version of this module; `salesnb.io` enforces it.
Column kinds:

- ``id``: an identifier, kept as text exactly as written (leading zeros survive);
- ``text``: free text, surrounding spaces trimmed;
- ``date``: a calendar date or date-time (ISO ``2009-03-31``, Polish ``31.03.2009``, or a
  spreadsheet date; optional time ``14:05``);
- ``number``: a decimal number (decimal comma or point, optional thousands separators);
- ``integer``: a whole number.

Columns with a ``category`` (customer, product, product_line, salesperson, deal_stage) are
loaded as pandas categoricals, and every column of one group in one company shares the same
categories (the sorted distinct values of all of them), so analyses group on integer codes and
tables join without hashing text.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of the data contract (PL: kolumna tabeli).

    Attributes
    ----------
    name : str
        The header in the file.
    kind : {"id", "text", "date", "number", "integer"}
        How the values are read (see the module docstring).
    required : bool, default False
        Whether the table must have the column.
    description : str, default ""
        What the column means, for docs and messages.
    allow_empty : bool, default False
        For a required column: its cells may be empty (the module that reads it checks them).
    category : str or None, default None
        Loaded as a categorical whose categories every column of this group shares in one
        company (customer, product, product_line, salesperson, deal_stage).
    """

    name: str
    kind: str
    required: bool = False
    description: str = ""
    allow_empty: bool = False  # a required column whose cells may be empty (checked by its module)
    category: str | None = None  # loaded as a categorical sharing its categories with this group


@dataclass(frozen=True)
class TableSpec:
    """One table of a company dataset and its columns (PL: specyfikacja tabeli).

    Attributes
    ----------
    name : str
        The table's name (e.g. ``"transactions"``).
    columns : tuple of Column
        The columns of the contract, in order.
    required : bool, default False
        Whether every dataset must have the table.
    key : str or None, default None
        A column whose values must be unique.
    keep_extra : bool, default True
        Whether columns outside the contract are kept (e.g. segmentation attributes).
    description : str, default ""
        What one row is.
    """

    name: str
    columns: tuple[Column, ...]
    required: bool = False
    key: str | None = None  # a column whose values must be unique
    keep_extra: bool = True  # columns outside the contract are kept (e.g. segmentation attributes)
    description: str = ""

    @property
    def required_columns(self) -> list[str]:
        """The names of the required columns, in order.

        Returns
        -------
        list of str
        """
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> Column | None:
        """The column called ``name``.

        Parameters
        ----------
        name : str
            A header.

        Returns
        -------
        Column or None
            None if the contract has no such column.
        """
        return next((c for c in self.columns if c.name == name), None)


C = Column

TABLES: dict[str, TableSpec] = {
    "transactions": TableSpec(
        "transactions",
        (
            C("date", "date", True, "settlement (invoice) date"),
            C("customer_id", "id", True, "the client", category="customer"),
            C("amount", "number", True, "net amount; negative = correction (credit note)"),
            C("product", "text", False, "product or service sold", category="product"),
            C("product_line", "text", False, "product line (direction); from `products` if absent",
              category="product_line"),
            C("salesperson", "text", False, "sales manager credited with the sale", category="salesperson"),
            C("margin", "number", False, "margin on the line, same currency as amount"),
            C("quantity", "number", False, "units sold"),
            C("document_id", "id", False, "invoice or credit-note number"),
            C("due_date", "date", False, "payment due date of the invoice (control point: unpaid invoices)"),
            C("paid_at", "date", False, "when the invoice was paid; empty = not paid (with due_date)"),
        ),
        required=True,
        description="One row per invoice line (sale) or correction.",
    ),
    "customers": TableSpec(
        "customers",
        (
            C("customer_id", "id", True, "the client", category="customer"),
            C("name", "text", False, "client name"),
            C("salesperson", "text", False, "the client's sales manager", category="salesperson"),
            C("first_contact", "date", False, "first contact date; leads that never bought are potential clients"),
            C("parent_id", "id", False, "the existing client this one is an independent unit of (another address, "
                                        "other contacts); such a unit without settlements of its own is potential",
              category="customer"),
            C("referred_by", "id", False, "the client who recommended this one (purchases from referrals)",
              category="customer"),
        ),
        key="customer_id",
        description="Every known client, including leads that never bought; extra columns are segmentation attributes.",
    ),
    "products": TableSpec(
        "products",
        (
            C("product", "text", True, "product or service", category="product"),
            C("product_line", "text", True, "its product line", category="product_line"),
        ),
        key="product",
        description="The product catalogue: which line each product belongs to.",
    ),
    "kano_survey": TableSpec(
        "kano_survey",
        (
            C("respondent_id", "id", True, "who answered"),
            C("feature", "text", True, "the feature asked about"),
            C("functional", "text", True, "answer if the feature is present (1-5, English or Polish words)",
              allow_empty=True),
            C("dysfunctional", "text", True, "answer if the feature is absent (1-5, English or Polish words)",
              allow_empty=True),
            C("importance", "number", False, "self-stated importance, e.g. 1-9"),
            C("wave", "text", False, "survey wave: a date or a label"),
            C("customer_id", "id", False, "the client the respondent works for", category="customer"),
            C("segment", "text", False, "the respondent's segment"),
        ),
        description="Kano questionnaire: one row per respondent and feature.",
    ),
    "satisfaction": TableSpec(
        "satisfaction",
        (
            C("customer_id", "id", True, "the client who answered", category="customer"),
            C("date", "date", True, "survey date"),
            C("product", "text", False, "product the questionnaire is about", category="product"),
            C("criterion", "text", True, "what is rated (e.g. delivery speed); may name a Kano feature"),
            C("score", "integer", True, "rating 1-5 (2 = open, 3 = hidden dissatisfaction)"),
        ),
        description="Satisfaction survey answers on a 5-point scale.",
    ),
    "deals": TableSpec(
        "deals",
        (
            C("deal_id", "id", True, "the deal (opportunity)"),
            C("customer_id", "id", True, "the client or lead", category="customer"),
            C("salesperson", "text", False, "who runs the deal", category="salesperson"),
            C("opened_at", "date", True, "first contact for this deal"),
            C("stage_reached", "text", True, "last stage reached (one of the company's deal_stages)",
              category="deal_stage"),
            C("outcome", "text", True, "won, lost or open"),
            C("refusal_stage", "text", False, "stage at which the client refused (lost deals)",
              category="deal_stage"),
            C("refusal_reason", "text", False, "why the client refused"),
            C("closed_at", "date", False, "date the deal was won or lost"),
            C("amount", "number", False, "deal value"),
            C("product_line", "text", False, "the product line the deal offers (the offer-state grid of segments.yml, "
              "the funnel per product line)", category="product_line"),
            C("valid_until", "date", False, "until when the offer is valid (control point: expired offers)"),
        ),
        key="deal_id",
        description="Sales opportunities and how far they got through the sales stages.",
    ),
    "contacts": TableSpec(
        "contacts",
        (
            C("contact_id", "id", True, "the enquiry"),
            C("customer_id", "id", False, "the client, if known", category="customer"),
            C("channel", "text", True, "phone, e-mail, chat, visit ..."),
            C("received_at", "date", True, "when the enquiry came in (date and time)"),
            C("answered_at", "date", False, "when it was answered; empty = not answered"),
            C("salesperson", "text", False, "who handled the enquiry (default: the client's sales manager)",
              category="salesperson"),
        ),
        key="contact_id",
        description="Incoming client enquiries and when they were answered (service standards).",
    ),
}

#: Tables read from CSV/XLSX, in the order they are loaded.
TABLE_NAMES: tuple[str, ...] = tuple(TABLES)

#: Languages of labels, tables and charts (``language:`` in company.yml).
LANGUAGES = ("en", "pl")

#: Values allowed in ``deals.outcome``.
DEAL_OUTCOMES = ("won", "lost", "open")

#: The sales stages of the example event agency in the article *Working with clients* (presentation,
#: offer, agreement, payment, event, closing), the default.
DEFAULT_DEAL_STAGES = ("presentation", "offer", "agreement", "payment", "event", "closing")
