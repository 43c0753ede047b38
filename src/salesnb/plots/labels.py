"""Names beside the points of a scatter (PL: etykiety punktów wykresu rozrzutu).

:func:`label_points` writes each name next to its own point, clear of every other marker, every
name already placed and any line the chart draws (the arrows of a chart of movements), so a
reader never takes a name for the neighbouring point's. Where no spot beside the point is free it
moves the name further out and joins it to its point with a thin leader line.

The geometry works in display pixels: a name's box is measured once and moved arithmetically over
the candidate spots; only the chosen spot becomes an annotation.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = ["label_points"]

#: How far beyond the spot next to the point a name may move (points), nearest first; beyond the
#: first ring a leader line joins the name to its point.
RINGS = (0, 8, 18, 30, 44, 60, 80, 104)
#: Directions around a point (degrees), in the order tried: right, left, above, below, the
#: diagonals, then the directions between them.
DIRECTIONS = (0, 180, 90, 270, 45, 135, 315, 225, 22.5, 157.5, 337.5, 202.5, 67.5, 112.5, 292.5, 247.5)
#: Where along its edge a name beside (above, below) its point may sit: the share of its height
#: (width) on the far side of the point, the middle first.
SLIDES = (0.5, 0.25, 0.75, 0.0, 1.0)
#: The white space between a marker's edge and its name (points).
GAP = 2.0
#: The extra space a name keeps from every other marker (points): more than the space to its own
#: point, so its own point is always the nearest.
CLEARANCE = 4.0
#: Colour and width of a leader line.
LEADER = {"color": "#999999", "lw": 0.6}

# a name on another point's marker misleads, a name on another name is only hard to read
_WEIGHT_TEXT, _WEIGHT_POINT, _WEIGHT_LINE = 3.0, 30.0, 2.0


def _radii(size, n: int, px: float) -> np.ndarray:
    """Marker radii in pixels from scatter sizes (area in points squared)."""
    s = np.broadcast_to(np.asarray(size, dtype=float), (n,)) if n else np.zeros(0)
    return np.sqrt(np.maximum(s, 0)) / 2 * px


def _box_overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _distance_to_box(box, x: float, y: float) -> float:
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return math.hypot(dx, dy)


def _clip_length(box, x0: float, y0: float, x1: float, y1: float) -> float:
    """The length of the segment (x0, y0)-(x1, y1) inside ``box`` (Liang-Barsky)."""
    dx, dy = x1 - x0, y1 - y0
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return 0.0
            continue
        r = q / p
        if p < 0:
            lo = max(lo, r)
        else:
            hi = min(hi, r)
        if lo > hi:
            return 0.0
    return (hi - lo) * math.hypot(dx, dy)


def _segment_distance(px: float, py: float, x0: float, y0: float, x1: float, y1: float) -> float:
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    u = 0.0 if length2 == 0 else min(1.0, max(0.0, ((px - x0) * dx + (py - y0) * dy) / length2))
    return math.hypot(px - (x0 + u * dx), py - (y0 + u * dy))


def _crosses(a, b) -> bool:
    """Whether two segments (x0, y0, x1, y1) cross (touching at an end does not count)."""
    def side(p, q, r) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    p1, p2, q1, q2 = a[:2], a[2:], b[:2], b[2:]
    d1, d2, d3, d4 = side(q1, q2, p1), side(q1, q2, p2), side(p1, p2, q1), side(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def _candidates(radius_pt: float):
    """Spots around a point of this radius, nearest first.

    Each is (x, y): where the name's edge or corner nearest the point sits, in points from the
    point; the shares of the name's width left of and of its height below that spot; and
    whether a leader line is drawn.
    """
    out = []
    for ring in RINGS:
        d = radius_pt + GAP + ring
        for angle in DIRECTIONS:
            cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
            fx = 0.0 if cos > 0.3 else 1.0 if cos < -0.3 else None
            fy = 0.0 if sin > 0.3 else 1.0 if sin < -0.3 else None
            for slide in SLIDES if fx is None or fy is None else (None,):
                out.append((ring, d * cos, d * sin, slide if fx is None else fx, slide if fy is None else fy))
    return out


def _variants(name: str) -> list[str]:
    """A name as written, and a long one also on two lines split at the space nearest its middle."""
    spaces = [k for k, ch in enumerate(name) if ch == " "]
    if len(name) < 16 or not spaces:
        return [name]
    k = min(spaces, key=lambda k: abs(k - len(name) / 2))
    return [name, name[:k] + "\n" + name[k + 1:]]


def _place(x: float, y: float, w: float, h: float, ox: float, oy: float, fx: float, fy: float):
    left, bottom = x + ox - fx * w, y + oy - fy * h
    return (left, bottom, left + w, bottom + h)


def label_points(ax, xs, ys, names, fontsize: float = 8, color: str = "#222222", *,
                 point_size: float | Sequence[float] = 60, others=None, others_size: float | Sequence[float] = 45,
                 segments=None) -> list:
    """Name the points of a scatter, each beside its own point (PL: etykiety punktów bez nakładania).

    Each name tries spots around its point, nearest first (right, left, above, below, then the
    diagonals; then further out, joined to the point by a thin leader line), and takes the first
    spot that stays inside the axes and covers no other marker (with a margin wider than the gap
    to its own marker, so its own point is the nearest one), no name already placed and none of
    ``segments``; where no spot is free it takes the one that covers least, and a leader line
    never runs through another marker if a spot without that exists. Points are taken from the
    top down, so clusters fan out.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes, with its limits and layout set.
    xs, ys : sequence of float
        Point positions in data coordinates.
    names : sequence of str
        The labels.
    fontsize : float, default 8
    color : str, default "#222222"
    point_size : float or sequence of float, default 60
        The markers' size as given to ``scatter`` (area in points squared).
    others : sequence of (x, y), optional
        Markers without a name that names must keep clear of (e.g. the earlier positions of a
        chart of movements).
    others_size : float or sequence of float, default 45
        Their size, as ``point_size``.
    segments : sequence of ((x0, y0), (x1, y1)), optional
        Lines in data coordinates that names must not cross (e.g. arrows).

    Returns
    -------
    list of matplotlib.text.Annotation
        One per name, in the order of ``names``; its ``xy`` is its own point, and a leader line,
        where drawn, ends at the edge of its own marker. A long name that fits beside its point
        only on two lines is written on two (its text then holds a line break).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    fig = ax.figure
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    px = fig.dpi / 72  # pixels per point
    frame = ax.get_window_extent(renderer)
    n = len(names)
    points = ax.transData.transform(np.column_stack([np.asarray(xs, float), np.asarray(ys, float)])) if n else \
        np.zeros((0, 2))
    radii = _radii(point_size, n, px)
    other_xy = np.asarray(list(others or []), dtype=float).reshape(-1, 2)
    markers = np.vstack([points, ax.transData.transform(other_xy) if len(other_xy) else np.zeros((0, 2))])
    marker_radii = np.concatenate([radii, _radii(others_size, len(other_xy), px)])
    lines = [tuple(ax.transData.transform(np.asarray(seg, dtype=float)).ravel()) for seg in (segments or [])]
    pad = 1.0 * px
    placed: list[tuple] = []  # the names already there (e.g. a chart's quadrant names), then the new ones
    for text in ax.texts:
        if text.get_visible() and text.get_text().strip():
            b = Text.get_window_extent(text, renderer)
            placed.append((b.x0, b.y0, b.x1, b.y1))
    out: list = [None] * n

    def cost(i: int, box, lead: bool) -> float:
        if box[0] < frame.x0 or box[2] > frame.x1 or box[1] < frame.y0 or box[3] > frame.y1:
            return math.inf
        total = _WEIGHT_TEXT * sum(_box_overlap(box, b) for b in placed)
        own = radii[i] + GAP * px
        for j, (mx, my) in enumerate(markers):
            if j == i:
                continue
            keep = max(marker_radii[j], own) + CLEARANCE * px
            d = _distance_to_box(box, mx, my)
            if d < keep:
                total += _WEIGHT_POINT * (keep - d + px) * (box[3] - box[1])
        for line in lines:
            total += _WEIGHT_LINE * _clip_length(box, *line) * 4 * px
        if lead:  # the leader line from the name's nearest corner to the point
            x, y = points[i]
            cx, cy = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
            for j, (mx, my) in enumerate(markers):
                if j != i and _segment_distance(mx, my, cx, cy, x, y) < marker_radii[j] + px:
                    total += _WEIGHT_POINT * 20 * px * px
            total += sum(_clip_length(b, cx, cy, x, y) for b in placed) * 4 * px
            total += sum(_WEIGHT_LINE * 100 * px * px for line in lines if _crosses((cx, cy, x, y), line))
        return total

    order = sorted(range(n), key=lambda i: (-float(ys[i]), float(xs[i])))
    for i in order:
        x, y = points[i]
        sizes = []
        for text in _variants(str(names[i])):
            extent = Text(0, 0, text, fontsize=fontsize, figure=fig).get_window_extent(renderer)
            sizes.append((text, extent.width + 2 * pad, extent.height + 2 * pad))
        spots = _candidates(radii[i] / px)
        best = None
        # ring by ring, nearest first; within a ring the name on one line first, then on two
        for ring in RINGS:
            for text, w, h in sizes:
                for r, ox, oy, fx, fy in spots:
                    if r != ring:
                        continue
                    box = _place(x, y, w, h, ox * px, oy * px, fx, fy)
                    c = cost(i, box, ring > 0) + ring * 1e-3  # ties: the nearer spot
                    if best is None or c < best[0]:
                        best = (c, box, text, fx, ring > 0)
                    if c < 1e-2:
                        break
                if best[0] < 1e-2:
                    break
            if best[0] < 1e-2:
                break
        _, box, text, fx, lead = best
        # the text centred in its box, which holds the padding
        cx, cy = (box[0] + box[2]) / 2 - x, (box[1] + box[3]) / 2 - y
        arrow = dict(arrowstyle="-", shrinkA=0, shrinkB=radii[i] / px + 0.5, **LEADER) if lead else None
        out[i] = ax.annotate(text, (xs[i], ys[i]), xytext=(cx / px, cy / px), textcoords="offset points",
                             ha="center", va="center", fontsize=fontsize, color=color, arrowprops=arrow,
                             multialignment="left" if fx == 0 else "right" if fx == 1 else "center",
                             annotation_clip=False)
        placed.append(box)
    return out
