"""No chart has text over text or text cut off at the figure's edge: measured on the drawn figure,
for every chart of the notebooks on the samples in both languages, and for a company of 50 sales
managers and 500 products."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from conftest import SAMPLES
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

import salesnb
from salesnb import abcxyz, kano, kpis, lifecycle, overview, periods, present
from salesnb.i18n import t as label
from salesnb.plots import abcxyz as pa
from salesnb.plots import kano as pk
from salesnb.plots import lifecycle as pl
from salesnb.plots import overview as po


def text_problems(fig, name: str) -> list[str]:
    """Pairs of texts that overlap, and texts that stick out of the figure."""
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts, rotated = [], set()
    problems = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = []
            for tick in axis._update_ticks():  # only the ticks matplotlib draws, inside the view
                labels += [lab for lab in (tick.label1, tick.label2) if lab.get_visible() and lab.get_text().strip()]
            texts += labels
            texts.append(axis.label)
            angle = {round(lab.get_rotation()) % 180 for lab in labels}
            if axis is ax.xaxis and angle == {0} and len(labels) > 1:
                # labels that merely touch read as one ("10 mln zł12,5 mln zł"): ask for a gap of a letter's width
                spans = sorted((lab.get_window_extent(renderer).x0, lab.get_window_extent(renderer).x1, lab.get_text())
                               for lab in labels)
                gap = labels[0].get_fontsize() * fig.dpi / 72 * 0.4
                problems += [f"{name}: tick labels {a[2]!r} and {b[2]!r} are {b[0] - a[1]:.0f} px apart"
                             for a, b in zip(spans, spans[1:], strict=False) if b[0] - a[1] < gap]
            if labels and angle != {0} and angle != {90}:
                # parallel rotated labels: they clear each other when the step between ticks, seen across
                # the text's direction, is at least the text's height (their axis-aligned boxes overlap anyway)
                rotated |= {id(lab) for lab in labels}
                theta = np.radians(angle.pop())
                pos = sorted(ax.transData.transform((v, 0) if axis is ax.xaxis else (0, v))[0 if axis is ax.xaxis
                                                                                           else 1]
                             for v in axis.get_majorticklocs()
                             if axis.get_view_interval().min() <= v <= axis.get_view_interval().max())
                step = min(np.diff(pos)) if len(pos) > 1 else np.inf
                height = labels[0].get_fontsize() * fig.dpi / 72 * 1.15
                if step * abs(np.sin(theta)) < height:
                    problems.append(f"{name}: rotated tick labels {step * abs(np.sin(theta)):.0f} px apart, "
                                    f"{height:.0f} px high")
        texts += [ax.title, ax._left_title, ax._right_title, *ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts += [*legend.get_texts(), legend.get_title()]
    texts += [*fig.texts, *[lg_t for lg in fig.legends for lg_t in lg.get_texts()]]
    if fig._suptitle is not None:
        texts.append(fig._suptitle)
    texts = list({id(t): t for t in texts if t.get_visible() and t.get_text().strip()}.values())
    boxes = [(t, Text.get_window_extent(t, renderer)) for t in texts]  # words, not leader lines
    frame = fig.bbox
    for t, b in boxes:
        if b.x0 < frame.x0 - 1 or b.x1 > frame.x1 + 1 or b.y0 < frame.y0 - 1 or b.y1 > frame.y1 + 1:
            problems.append(f"{name}: {t.get_text()!r} is cut off at the figure's edge")
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            (a, ba), (c, bc) = boxes[i], boxes[j]
            if id(a) in rotated and id(c) in rotated:
                continue  # measured above
            w = min(ba.x1, bc.x1) - max(ba.x0, bc.x0)
            h = min(ba.y1, bc.y1) - max(ba.y0, bc.y0)
            if w > 1.5 and h > 1.5:
                problems.append(f"{name}: {a.get_text()!r} overlaps {c.get_text()!r}")
    return problems


def _charts(company, lang: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tx = company.transactions
        yield "revenue_by_month", po.revenue_by_month_chart(overview.revenue_by_month(tx), lang, company.currency)
        yield "revenue_by_line", po.revenue_by_line_chart(overview.revenue_by_line(tx), lang, company.currency)
        table = abcxyz.abc_xyz(company)
        yield "pareto", pa.pareto_chart(table, lang)
        yield "cv", pa.cv_chart(table, lang)
        yield "matrix", pa.matrix_chart(table, lang)
        status = lifecycle.statuses(company)
        yield "status_counts", pl.status_counts_chart(status, lang)
        history = lifecycle.status_history(company, periods=12)
        yield "status_history", pl.status_history_chart(history, lang)
        yield "flows", pl.flows_chart(history, lang)
        start, end = periods.quarter_bounds(None, company.analysis_date)
        yield "managers", pl.manager_kpis_chart(kpis.manager_kpis(company, start, end), lang, company.currency)
        if company.kano_survey is not None:
            survey, _ = kano.select_wave(company, "latest")
            summary = kano.summarize(survey)
            yield "kano_diagram", pk.diagram_chart(lang)
            yield "kano_shares", pk.category_shares_chart(summary, lang)
            yield "kano_better_worse", pk.better_worse_chart(summary, lang)
            yield "kano_waves", pk.waves_chart(kano.summarize_waves(company), lang)


@pytest.mark.parametrize("sample, lang", [("it_services", "en"), ("it_services", "pl"),
                                          ("wholesale_pl", "pl"), ("event_agency", "en")])
def test_sample_charts_have_no_text_over_text(sample, lang):
    company = salesnb.load_company(SAMPLES / sample)
    problems = [p for name, fig in _charts(company, lang) for p in text_problems(fig, name)]
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def big_company():
    """50 sales managers with long names, 500 products in 500 product lines, two years."""
    rng = np.random.default_rng(7)
    n = 60_000
    managers = [f"Przedstawiciel handlowy {i:02d} Wiśniewska-Kowalczyk" for i in range(50)]
    products = [f"Produkt specjalistyczny numer {i:03d}" for i in range(500)]
    clients = [f"K{i:05d}" for i in range(3000)]
    days = pd.to_datetime("2024-01-01") + pd.to_timedelta(rng.integers(0, 730, n), unit="D")
    c = rng.integers(0, len(clients), n)
    tx = pd.DataFrame({"date": days, "customer_id": np.array(clients)[c],
                       "amount": np.round(rng.lognormal(6, 1, n), 2),
                       "product_line": np.array(products)[rng.integers(0, len(products), n)],
                       "salesperson": np.array(managers)[c % 50]})
    return salesnb.company.Company(path=SAMPLES, name="Big", currency="PLN", language="pl", as_of=None,
                                   params={}, transactions=tx, customers=pd.DataFrame({"customer_id": clients}),
                                   products=None, kano_survey=None, satisfaction=None, deals=None, contacts=None)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_charts_of_a_50_manager_500_product_company_read(big_company, lang):
    company = big_company
    tx = company.transactions
    start, end = periods.quarter_bounds(None, tx["date"].max())
    figures = {
        "revenue_by_month": po.revenue_by_month_chart(overview.revenue_by_month(tx), lang, "PLN"),
        "revenue_by_line": po.revenue_by_line_chart(overview.revenue_by_line(tx), lang, "PLN"),
        "managers": pl.manager_kpis_chart(kpis.manager_kpis(company, start, end), lang, "PLN"),
    }
    problems = [p for name, fig in figures.items() for p in text_problems(fig, name)]
    assert not problems, "\n".join(problems[:20])
    assert len(figures["revenue_by_line"].axes[0].get_yticklabels()) <= 12  # top lines and "other"


# --------------------------------------------------------------------------------------------
# Each point's name stands by its own point (salesnb.plots.label_points)

def _label_geometry(fig):
    """The drawn names of a scatter: (name, anchor in pixels, box, leader end or None), and every
    marker's centre and radius in pixels."""
    from matplotlib.text import Annotation

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    centres, radii = [], []
    for coll in ax.collections:
        offsets = coll.get_offset_transform().transform(coll.get_offsets())
        sizes = np.broadcast_to(coll.get_sizes(), (len(offsets),))
        centres += list(offsets)
        radii += list(np.sqrt(sizes) / 2 * fig.dpi / 72)
    names = []
    for a in ax.texts:
        if isinstance(a, Annotation) and a.get_text():
            end = None if a.arrow_patch is None else a.arrow_patch.get_path().vertices[-1]
            names.append((a.get_text().replace("\n", " "), ax.transData.transform(a.xy),
                           Text.get_window_extent(a, renderer), end))
    arrows = [(ax.transData.transform(a.xyann), ax.transData.transform(a.xy)) for a in ax.texts
              if isinstance(a, Annotation) and not a.get_text() and a.arrow_patch is not None]
    return names, np.array(centres), np.array(radii), arrows


def _box_distance(box, p) -> float:
    dx = max(box.x0 - p[0], 0, p[0] - box.x1)
    dy = max(box.y0 - p[1], 0, p[1] - box.y1)
    return float(np.hypot(dx, dy))


def assert_names_by_their_points(fig, expected: dict[str, tuple[float, float]]) -> None:
    """Each name is anchored at its own point's coordinates; beside it, its own marker is the nearest
    one; a leader line, where drawn, ends at the edge of its own marker."""
    names, centres, radii, _ = _label_geometry(fig)
    ax = fig.axes[0]
    assert sorted(n for n, *_ in names) == sorted(expected)
    for name, anchor, box, end in names:
        own = ax.transData.transform(expected[name])
        assert np.allclose(anchor, own), f"{name!r} is anchored at {anchor}, its point is at {own}"
        k = int(np.argmin(np.hypot(*(centres - own).T)))
        others = np.delete(np.arange(len(centres)), k)
        if end is None:
            mine = _box_distance(box, own)
            nearest_other = min((_box_distance(box, centres[j]) for j in others), default=np.inf)
            assert mine < nearest_other, f"{name!r} is {mine:.1f} px from its point, {nearest_other:.1f} from another"
        else:
            assert np.hypot(*(end - own)) <= radii[k] + 2, f"{name!r}: its leader ends at {end}, not at {own}"
            assert all(np.hypot(*(end - centres[j])) > radii[j] for j in others), f"{name!r}: leader on another dot"
        for j in others:  # no name covers another marker
            assert _box_distance(box, centres[j]) > radii[j], f"{name!r} covers a marker at {centres[j]}"


def _crosses_box(box, p, q) -> bool:
    """Whether the segment p-q runs through the box (sampled finely)."""
    t = np.linspace(0, 1, 400)[:, None]
    pts = p + t * (q - p)
    return bool(((pts[:, 0] > box.x0) & (pts[:, 0] < box.x1) & (pts[:, 1] > box.y0) & (pts[:, 1] < box.y1)).any())


def test_a_name_stands_by_its_own_point_not_the_neighbours():
    # the wholesale_pl case: 'Odroczony termin płatności' (0.74; 0.74) was written over the dot of
    # 'Sklep internetowy B2B' (0.64; 0.71) and read as its name
    points = {"Odroczony termin płatności": (0.7368, 0.7368), "Sklep internetowy B2B": (0.64, 0.7067),
              "Doradztwo sezonowe": (0.2727, 0.7532), "Dostawa następnego dnia": (0.6133, 0.3867),
              "Śledzenie przesyłki": (0.5696, 0.3544), "Kompletność dostaw": (0.7436, 0.2692)}
    summary = pd.DataFrame({"n": 10, "better": [p[1] for p in points.values()],
                            "worse": [-p[0] for p in points.values()],
                            "category_mode": ["O", "O", "A", "M", "M", "M"]}, index=list(points))
    for lang in ("pl", "en"):
        assert_names_by_their_points(pk.better_worse_chart(summary, lang), points)


def test_a_crowd_of_points_gets_leader_lines_that_end_at_their_own_points():
    from matplotlib.figure import Figure

    from salesnb.plots import label_points

    # a 4 x 4 grid of markers 0.05 apart (about 20 px; a marker is 11 px wide): the inner ones have no
    # room for a name beside them
    gx, gy = np.meshgrid(0.42 + 0.05 * np.arange(4), 0.42 + 0.05 * np.arange(4))
    xs, ys = gx.ravel(), gy.ravel()
    names = [f"Feature number {i}" for i in range(len(xs))]
    fig = Figure(figsize=(6, 5))
    ax = fig.add_subplot()
    ax.scatter(xs, ys, s=60)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    out = label_points(ax, xs, ys, names, point_size=60)
    assert [a.get_text().replace("\n", " ") for a in out] == names  # in the order of the names
    assert any(a.arrow_patch is not None for a in out)  # the crowd needs leader lines
    assert_names_by_their_points(fig, dict(zip(names, zip(xs, ys, strict=True), strict=True)))
    assert not text_problems(fig, "crowd")


@pytest.mark.parametrize("sample, lang", [("it_services", "en"), ("it_services", "pl"),
                                          ("wholesale_pl", "pl"), ("wholesale_pl", "en"), ("event_agency", "en")])
def test_kano_names_stand_by_their_points_and_off_the_arrows(sample, lang):
    company = salesnb.load_company(SAMPLES / sample)
    survey, _ = kano.select_wave(company, "latest")
    summary = kano.summarize(survey)
    assert_names_by_their_points(pk.better_worse_chart(summary, lang),
                                 {str(f): (-r.worse, r.better) for f, r in summary[summary["n"] > 0].iterrows()})
    waves = kano.summarize_waves(company)
    fig = pk.waves_chart(waves, lang)
    last = waves[waves["n"] > 0].reset_index().groupby("feature").last()
    assert_names_by_their_points(fig, {str(f): (-r.worse, r.better) for f, r in last.iterrows()})
    names, _, _, arrows = _label_geometry(fig)
    assert arrows
    for name, _, box, _ in names:
        for p, q in arrows:
            assert not _crosses_box(box, p, q), f"{name!r} sits on an arrow"
    # the legend: the categories in the Better/Worse chart's order, then the hollow and filled markers
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    cats = [x.split(":")[0] for x in legend[:-2]]
    assert cats == [c for c in kano.CATEGORIES if c in cats]
    order = list(dict.fromkeys(waves.index.get_level_values(0)))  # the table is in wave order
    assert legend[-2:] == [label("kano_legend_first_wave", lang).format(wave=present.wave(order[0], lang)),
                           label("kano_legend_last_wave", lang).format(wave=present.wave(order[-1], lang))]
    handles = fig.axes[0].get_legend().legend_handles
    assert handles[-2].get_markerfacecolor() == "white" and handles[-1].get_markerfacecolor() != "white"
