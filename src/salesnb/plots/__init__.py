"""Charts (PL: wykresy), kept apart from the computations: each takes a table the library made."""
from __future__ import annotations

from contextlib import contextmanager

import matplotlib as mpl

#: Colours for categories, chosen to stay distinguishable in print and for colour-blind readers
#: (Okabe-Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

STYLE = {
    "figure.figsize": (9, 4.5),
    "figure.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "legend.frameon": False,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "svg.hashsalt": "salesnb",
}


@contextmanager
def style():
    """Use the workbook's chart style inside a ``with`` block (PL: styl wykresów).

    :data:`STYLE` (colour-blind-safe :data:`PALETTE`, no top and right spines, a light grid,
    stable SVG output) applies to the figures made inside the block, and only to them.

    Yields
    ------
    None
    """
    with mpl.rc_context(STYLE):
        yield


def label_points(ax, xs, ys, names, fontsize: float = 8, color: str = "#222222") -> None:
    """Name the points of a scatter without the names overlapping (PL: etykiety punktów bez nakładania).

    Each name tries positions around its point, nearest first (right, left, above, below, the
    diagonals, then further out with a thin leader line), and takes the first that overlaps no
    name already placed and stays inside the axes; where none is free it takes the one that
    overlaps least. Points are taken from the top down, so clusters fan out.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes, with its limits set.
    xs, ys : sequence of float
        Point positions in data coordinates.
    names : sequence of str
        The labels.
    fontsize : float, default 8
    color : str, default "#222222"
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    fig = ax.figure
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    placed: list = []
    offsets = []
    for radius in (6, 14, 24, 36, 50, 66, 84):
        for dx, dy in ((1, 0.5), (-1, 0.5), (1, -1), (-1, -1), (0, 1.5), (0, -2), (1, 1.5), (-1, 1.5),
                       (1, -2), (-1, -2)):
            ha = "left" if dx > 0 else "right" if dx < 0 else "center"
            va = "bottom" if dy > 0 else "top"
            offsets.append((dx * radius, dy * radius * 0.6, ha, va, radius > 6))

    def overlap(box) -> float:
        total = 0.0
        for b in placed:
            w = min(box.x1, b.x1) - max(box.x0, b.x0)
            h = min(box.y1, b.y1) - max(box.y0, b.y0)
            if w > 0 and h > 0:
                total += w * h
        return total

    order = sorted(range(len(names)), key=lambda i: (-float(ys[i]), float(xs[i])))
    for i in order:
        best = None
        for dx, dy, ha, va, lead in offsets:
            text = ax.annotate(str(names[i]), (xs[i], ys[i]), xytext=(dx, dy), textcoords="offset points",
                               ha=ha, va=va, fontsize=fontsize, color=color,
                               arrowprops=dict(arrowstyle="-", color="#999999", lw=0.6) if lead else None)
            text.update_positions(renderer)
            box = Text.get_window_extent(text, renderer).expanded(1.04, 1.15)  # the words, not the leader line
            inside = axes_box.contains(box.x0, box.y0) and axes_box.contains(box.x1, box.y1)
            cost = overlap(box) if inside else float("inf")
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()
                best = (cost, text, box)
            else:
                text.remove()
            if cost == 0:
                break
        placed.append(best[2])


def figure_image(fig, dpi: int = 100):
    """A Figure as a PNG image to display anywhere (PL: wykres jako obraz PNG).

    A Figure built without pyplot shows as text (``<Figure size ...>``) where the inline backend
    is not active, e.g. inside a widget's output area; its PNG shows everywhere.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    dpi : int, default 100

    Returns
    -------
    IPython.display.Image
    """
    import io

    from IPython.display import Image
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    return Image(data=buffer.getvalue(), format="png")
