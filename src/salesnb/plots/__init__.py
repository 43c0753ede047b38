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

    Each name tries a few positions around its point (right, left, above, below, then further
    out with a thin leader line) and takes the first that overlaps no name already placed and
    stays inside the axes; points are taken from the top down, so clusters fan out.

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

    fig = ax.figure
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    placed = []
    offsets = [(6, 3, "left", "bottom"), (6, -3, "left", "top"), (-6, 3, "right", "bottom"),
               (-6, -3, "right", "top"), (0, 9, "center", "bottom"), (0, -9, "center", "top"),
               (14, 14, "left", "bottom"), (14, -14, "left", "top"), (-14, 14, "right", "bottom"),
               (-14, -14, "right", "top"), (22, 24, "left", "bottom"), (22, -24, "left", "top"),
               (-22, 24, "right", "bottom"), (-22, -24, "right", "top")]
    order = sorted(range(len(names)), key=lambda i: (-float(ys[i]), float(xs[i])))
    for i in order:
        best = None
        for k, (dx, dy, ha, va) in enumerate(offsets):
            text = ax.annotate(str(names[i]), (xs[i], ys[i]), xytext=(dx, dy), textcoords="offset points",
                               ha=ha, va=va, fontsize=fontsize, color=color,
                               arrowprops=dict(arrowstyle="-", color="#999999", lw=0.6) if k >= 6 else None)
            box = text.get_window_extent(renderer).expanded(1.04, 1.15)
            inside = axes_box.contains(box.x0, box.y0) and axes_box.contains(box.x1, box.y1)
            if inside and not any(box.overlaps(b) for b in placed):
                best = (text, box)
                break
            text.remove()
        if best is None:  # nowhere free: the first position, so no name is lost
            dx, dy, ha, va = offsets[0]
            text = ax.annotate(str(names[i]), (xs[i], ys[i]), xytext=(dx, dy), textcoords="offset points",
                               ha=ha, va=va, fontsize=fontsize, color=color)
            best = (text, text.get_window_extent(renderer))
        placed.append(best[1])


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
