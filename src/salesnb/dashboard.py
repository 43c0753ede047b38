"""The summary across companies as one readable page (PL: podsumowanie wszystkich firm).

After a batch run an analyst opens ``summary.html``: one row per company with its key figures
(clients, net revenue, the client base by status as a small bar, the value of lost clients, the
A-class share of turnover, the target clients' mean maturity, basic needs the Kano survey shows
badly served, the enquiries answered within the service standard, data checks worth a look) and,
on a line below, a compact link to each of its reports, its edge coloured by the run's state
(done, up to date, skipped, failed, in the command line's words, with a legend; a skipped report
says why). Failed runs are listed below with their error, the cell that failed and the path of
the kept notebook. Numbers are formatted like every other report
(:mod:`salesnb.present`), in English or Polish.
"""
from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .i18n import LABELS, check_language
from .present import count, date, money, percent

__all__ = ["STATUS_WORDS", "dashboard_html"]

#: How a run's state reads, as the command line says it.
STATUS_WORDS = {
    "ok": {"en": "ok", "pl": "gotowe"},
    "cached": {"en": "up to date", "pl": "aktualne"},
    "skipped": {"en": "skipped", "pl": "pominięte"},
    "failed": {"en": "failed", "pl": "nieudane"},
}
_STATUS_COLOURS = {"potential": "#56B4E9", "new": "#009E73", "regular": "#0072B2", "lost": "#D55E00",
                   "restored": "#E69F00"}

_WORDS = {
    "title": {"en": "Summary across companies", "pl": "Podsumowanie wszystkich firm"},
    "company": {"en": "Company", "pl": "Firma"},
    "clients": {"en": "Clients known / buying", "pl": "Klienci w bazie / z zakupem"},
    "revenue": {"en": "Net revenue (all data)", "pl": "Przychód netto (cały okres danych)"},
    "base": {"en": "Client base by status", "pl": "Baza klientów według statusu"},
    "lost_value": {"en": "Turnover of lost clients (12 months)",
                   "pl": "Obrót klientów utraconych (ostatnie 12 miesięcy)"},
    "a_share": {"en": "Class A share of turnover", "pl": "Udział klasy A w obrocie"},
    "maturity": {"en": "Mean maturity of target clients", "pl": "Średnia dojrzałość klientów docelowych"},
    "service": {"en": "Enquiries answered in time", "pl": "Zapytania obsłużone w terminie"},
    "kano": {"en": "Basic needs badly served", "pl": "Źle spełniane oczekiwania podstawowe"},
    "quality": {"en": "Data checks to look at", "pl": "Kontrole danych do sprawdzenia"},
    "reports": {"en": "Reports", "pl": "Raporty"},
    "failures": {"en": "Failed runs", "pl": "Nieudane uruchomienia"},
    "failed_note": {"en": "{nb}: the run failed, see “Failed runs” below",
                    "pl": "{nb}: uruchomienie nieudane, zob. „Nieudane uruchomienia” poniżej"},
    "stopped_at": {"en": "the run stopped in cell {cell} ({line}) with this error:",
                   "pl": "uruchomienie zatrzymało się w komórce {cell} ({line}) z tym błędem:"},
    "stopped": {"en": "the run stopped with this error:", "pl": "uruchomienie zatrzymało się z tym błędem:"},
    "kept": {"en": "The unfinished notebook, with the whole error, is kept at {path}.",
             "pl": "Niedokończony notatnik z pełnym opisem błędu zapisano w {path}."},
    "none": {"en": "No company was run.", "pl": "Nie uruchomiono żadnej firmy."},
    "counts": {"en": "{n} companies, {r} reports: {parts}", "pl": "Liczba firm: {n}, raportów: {r} ({parts})"},
    "legend": {"en": "A report's state:", "pl": "Stan raportu:"},
    "legend_note": {"en": "(up to date: its data and notebook unchanged since the last run, so not run again)",
                    "pl": "(aktualne: dane i notatnik bez zmian od ostatniego uruchomienia, więc nie uruchamiano "
                          "ponownie)"},
    "as_of": {"en": "as of {d} · {m} months", "pl": "na dzień {d} · {m} mies."},
}
_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px;color:#222}
h1{font-size:1.5em;margin:0 0 .3em} p.lead{color:#555;margin:0 0 1.2em}
table{border-collapse:collapse;width:100%;font-size:.92em}
th{text-align:left;background:#f4f4f4;border-bottom:2px solid #555;padding:.4em .6em;vertical-align:bottom;
 position:sticky;top:0;z-index:1}
td{border-bottom:1px solid #ddd;padding:.45em .6em;vertical-align:top}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums} th.num{text-align:right}
td:first-child{min-width:9em}
tbody.company:nth-of-type(even) td{background:#fafafa}
tbody.company td{border-bottom:none}
tr.links td{padding-top:0;border-bottom:1px solid #ddd;color:#757575;font-size:.85em}
.reports{display:flex;flex-wrap:wrap;gap:.3em}
.pill{display:inline-block;border:1px solid #ccc;border-left:5px solid #555;border-radius:3px;padding:0 .4em;
 font-size:1em;white-space:nowrap;text-decoration:none;color:#0b57d0;background:#fff}
.pill.ok{border-left-color:#2e7d32} .pill.cached{border-left-color:#81c784}
.pill.skipped{border-left-color:#9e9e9e;color:#757575}
.pill.failed{border-left-color:#c62828;color:#c62828;background:#fff6f6}
.legend{font-size:.85em;color:#555;margin:-.6em 0 1em} .legend .pill{color:#333}
.note{font-size:.8em;color:#757575;margin-top:.2em} .sub{color:#757575;font-size:.85em}
.legend-note{font-size:.9em;color:#757575} .note.failed{color:#c62828}
.note a{color:inherit}
.failure{border-left:4px solid #c62828;background:#fff6f6;padding:.5em .8em;margin:.6em 0}
code{font-size:.9em;background:#f0f0f0;padding:0 .2em}
.failure pre{white-space:pre-wrap;margin:.3em 0;font-size:.85em}
"""


def _w(key: str, lang: str) -> str:
    return _WORDS[key][lang]


def _status_bar(counts: Mapping[str, Any], lang: str) -> str:
    total = sum(float(v) for v in counts.values() if v is not None)
    if not total:
        return "–"
    parts, x = [], 0.0
    for status, colour in _STATUS_COLOURS.items():
        n = float(counts.get(status, 0) or 0)
        if not n:
            continue
        width = 160 * n / total
        name = LABELS[f"status_{status}"][lang]
        parts.append(f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="14" fill="{colour}">'
                     f"<title>{html.escape(name)}: {count(n, lang)}</title></rect>")
        x += width
    legend = " · ".join(f"{LABELS[f'status_{s}'][lang]} {count(counts.get(s, 0) or 0, lang)}"
                        for s in _STATUS_COLOURS if counts.get(s))
    return (f'<svg width="160" height="14" role="img" aria-label="{html.escape(legend)}">{"".join(parts)}</svg>'
            f'<div style="font-size:.8em;color:#555">{html.escape(legend)}</div>')


def _group(records: Mapping[str, Any], name: str) -> dict[str, Any]:
    """A recorded mapping back from its flattened ``name.key`` entries (or as recorded)."""
    if isinstance(records.get(name), Mapping):
        return dict(records[name])
    prefix = name + "."
    return {k[len(prefix):]: v for k, v in records.items() if k.startswith(prefix)}


def _skip_reason(error: str | None, lang: str) -> str:
    """Why a notebook was skipped, in the page's language (the batch says it in English for the log)."""
    text = str(error or "")
    m = re.match(r"dataset has no (.+)$", text)
    if not m:
        return text
    tables = [LABELS[t][lang] if t in LABELS else t for t in (x.strip() for x in m.group(1).split(","))]
    return ("brak danych: " if lang == "pl" else "no data: ") + ", ".join(tables)


def _a_share(records: Mapping[str, Any]) -> float | None:
    shares = _group(records, "abc_xyz_share")
    if not shares:
        return None
    return float(sum(v for k, v in shares.items() if str(k).startswith("A") and v is not None))


def dashboard_html(results: Iterable[Any], language: str | None = "en", titles: Mapping[str, str] | None = None,
                   out: str | Path | None = None, names: Mapping[str, str] | None = None) -> str:
    """The summary page of a batch run (PL: strona podsumowania uruchomienia wsadowego).

    Parameters
    ----------
    results : iterable of salesnb.batch.Result
        One per (company, notebook): ``company``, ``notebook``, ``status``, ``error``,
        ``cell_line``, ``output`` and ``records`` (the key figures the notebooks recorded).
    language : {"en", "pl"}, default "en"
    titles : mapping, optional
        Notebook name -> its title in ``language`` (default: the name).
    out : path, optional
        The folder the page is written to; links and paths are made relative to it.
    names : mapping, optional
        Company folder -> display name (default: the ``company_name`` a notebook recorded, else
        the folder).

    Returns
    -------
    str
        A complete, self-contained HTML page with ``lang`` and ``<title>`` set.
    """
    lang = check_language(language)
    results = sorted(results, key=lambda r: (r.company, r.notebook))
    titles = dict(titles or {})
    by_company: dict[str, list[Any]] = {}
    for r in results:
        by_company.setdefault(r.company, []).append(r)
    tally: dict[str, int] = {}
    for r in results:
        tally[r.status] = tally.get(r.status, 0) + 1
    order = [*STATUS_WORDS, *sorted(set(tally) - set(STATUS_WORDS))]  # the legend's order
    parts = ", ".join(f"{STATUS_WORDS.get(s, {}).get(lang, s)} {count(tally[s], lang)}" for s in order if s in tally)
    head = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>salesnb · {html.escape(_w('title', lang))}</title><style>{_CSS}</style></head><body>",
            f"<h1>{html.escape(_w('title', lang))}</h1>"]
    if not results:
        return "\n".join([*head, f"<p class='lead'>{_w('none', lang)}</p></body></html>"])
    head.append(f"<p class='lead'>{html.escape(_w('counts', lang).format(n=count(len(by_company), lang), r=count(len(results), lang), parts=parts))}</p>")  # noqa: E501
    head.append(f"<p class='legend'>{html.escape(_w('legend', lang))} "
                + " ".join(f"<span class='pill {s}'>{html.escape(STATUS_WORDS[s][lang])}</span>"
                           for s in ("ok", "cached", "skipped", "failed"))
                + f" <span class='legend-note'>{html.escape(_w('legend_note', lang))}</span></p>")
    cols = ["company", "clients", "revenue", "base", "lost_value", "a_share", "maturity", "kano", "service",
            "quality"]
    numeric = {"clients", "revenue", "lost_value", "a_share", "maturity", "kano", "service", "quality"}
    header = "".join(f"<th class='{'num' if c in numeric else ''}'>{html.escape(_w(c, lang))}</th>" for c in cols)
    rows = [f"<table><thead><tr>{header}</tr></thead>"]
    failures = []
    for company, runs in by_company.items():
        rec: dict[str, Any] = {}
        for r in runs:
            if r.status in ("ok", "cached"):  # a failed run's figures may be half-made: none are shown
                rec.update(r.records or {})
        facts = _group(rec, "facts")
        currency = str(rec.get("currency") or "PLN")
        name = (names or {}).get(company) or rec.get("company_name") or company

        def cell(value: Any, kind: str, currency: str = currency) -> str:
            if value is None:
                return "–"
            if kind == "money":
                return money(value, currency, lang, 0)
            return percent(value, lang, 1) if kind == "percent" else count(value, lang)

        clients = ("–" if not facts else
                   f"{cell(facts.get('clients_known'), 'count')} / {cell(facts.get('clients_buying'), 'count')}")
        reports, notes, failed_notes = [], [], []
        for r in runs:
            word = STATUS_WORDS.get(r.status, {}).get(lang, r.status)
            key = f"nb_{r.notebook}"
            label = html.escape(LABELS[key][lang] if key in LABELS else titles.get(r.notebook, r.notebook))
            report = Path(r.output).with_suffix(".html") if r.output else None
            status = r.status if r.status in STATUS_WORDS else "failed"
            tip = f"{label}: {html.escape(word)}"
            if r.status in ("ok", "cached") and report is not None:
                href = os.path.relpath(report, out) if out is not None else str(report)
                reports.append(f"<a class='pill {status}' href='{html.escape(href)}' title='{tip}'>{label}</a>")
            else:
                if r.status == "skipped":
                    reason = html.escape(_skip_reason(r.error, lang))
                    tip += f" ({reason})"
                    notes.append(f"{label} – {reason}")
                reports.append(f"<span class='pill {status}' title='{tip}'>{label}</span>")
            if r.status == "failed":
                anchor = f"failed-{len(failures)}"
                failures.append((name, label, r, anchor))
                failed_notes.append(f"<a href='#{anchor}'>{html.escape(_w('failed_note', lang)).format(nb=label)}</a>")
        as_of = facts.get("as_of") if facts else None
        when = (_w("as_of", lang).format(d=date(as_of, lang), m=count(facts.get("months_of_history") or 0, lang))
                if as_of else "")
        values = {
            "company": f"<b>{html.escape(str(name))}</b>"
                       + (f"<br><span class='sub'>{html.escape(company)}</span>" if str(name) != company else "")
                       + (f"<br><span class='sub'>{html.escape(when)}</span>" if when else ""),
            "clients": clients,
            "revenue": cell(facts.get("net_revenue") if facts else None, "money"),
            "base": _status_bar(_group(rec, "lifecycle_status"), lang) if _group(rec, "lifecycle_status") else "–",
            "lost_value": cell(rec.get("lost_value"), "money"),
            "a_share": cell(_a_share(rec), "percent"),
            "maturity": cell(rec.get("target_maturity"), "percent"),
            "kano": cell(rec.get("kano_basic_gaps"), "count"),
            "service": cell(rec.get("service_compliance"), "percent"),
            "quality": cell(rec.get("quality_warnings"), "count"),
        }
        # one tbody per company: its figures, then its reports on a line of their own across the figures
        rows.append("<tbody class='company'><tr>"
                    + "".join(f"<td class='{'num' if c in numeric else ''}'>{values[c]}</td>" for c in cols)
                    + f"</tr><tr class='links'><td>{html.escape(_w('reports', lang))}</td>"
                    + f"<td colspan='{len(cols) - 1}'><div class='reports'>{''.join(reports)}</div>"
                    + "".join(f"<div class='note failed'>{n}</div>" for n in failed_notes)
                    + "".join(f"<div class='note'>{n}</div>" for n in notes) + "</td></tr></tbody>")
    rows.append("</table>")
    body = [*head, *rows]
    if failures:
        body.append(f"<h2>{html.escape(_w('failures', lang))}</h2>")
        for name, label, r, anchor in failures:
            where = (html.escape(_w("stopped_at", lang)).format(
                cell=r.cell, line=f"<code>{html.escape(str(r.cell_line or ''))}</code>")
                if r.cell is not None else html.escape(_w("stopped", lang)))
            kept = (os.path.relpath(r.output, out) if (r.output and out is not None) else r.output) or ""
            body.append(f"<div class='failure' id='{anchor}'><b>{html.escape(str(name))}</b> · {label}: {where}"
                        f"<pre>{html.escape(str(r.error or ''))}</pre><span style='font-size:.85em'>"
                        + html.escape(_w("kept", lang)).format(path=f"<code>{html.escape(str(kept))}</code>")
                        + "</span></div>")
    body.append("</body></html>")
    return "\n".join(body)
