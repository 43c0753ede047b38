"""Charts (PL: wykresy), kept apart from the computations: each takes a table the library made."""
from __future__ import annotations

from contextlib import contextmanager

import matplotlib as mpl

from .labels import label_points

__all__ = ["PALETTE", "STYLE", "figure_image", "label_points", "style"]

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
