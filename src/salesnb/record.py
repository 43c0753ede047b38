"""Key figures a notebook hands to the batch summary (PL: zapis kluczowych wskaźników).

``record("clients_new", 12)`` shows nothing in the notebook's reading view but leaves the value
in the executed notebook as a JSON payload under :data:`MIME`; the batch reads every payload
back with :func:`read_records` and builds one table across companies. (scrapbook, which did
this, is unmaintained and fails in a fresh environment.)
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

MIME = "application/vnd.salesnb.record+json"


def _jsonable(value: Any) -> Any:
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        v = float(value)
        return None if math.isnan(v) else v
    if isinstance(value, (pd.Timestamp,)):
        return value.isoformat()
    if isinstance(value, pd.Series):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def record(name: str, value: Any) -> None:
    """Record a key figure for the cross-company summary (PL: zapisz wskaźnik do zestawienia).

    Shows nothing in the notebook's reading view; leaves the figure in the executed notebook as a
    JSON payload under :data:`MIME`, which :func:`read_records` reads back.

    Parameters
    ----------
    name : str
        The figure's name, e.g. ``"clients_new"``.
    value : number, str or mapping
        The figure; numpy numbers become plain numbers, NaN becomes null, timestamps ISO text.
        A mapping (e.g. clients per status, a Series) becomes one summary column per key
        (``name.key``).

    Raises
    ------
    TypeError
        If ``value`` cannot be written as JSON (raised here, not later in the batch).
    """
    from IPython.display import display

    payload = {"name": str(name), "value": _jsonable(value)}
    json.dumps(payload)  # fail here, not in the batch, if a value is not JSON
    display({MIME: payload}, raw=True)


def read_records(notebook: str | Path | dict) -> dict[str, Any]:
    """Every recorded figure in an executed notebook (PL: zapisane wskaźniki notatnika).

    Parameters
    ----------
    notebook : str, pathlib.Path or dict
        The executed notebook's file, or the notebook already read (a dict).

    Returns
    -------
    dict
        Flattened to ``{name: value}``, and ``{name.key: value}`` for a recorded mapping; a
        figure recorded twice keeps its last value.
    """
    import nbformat

    nb = nbformat.read(str(notebook), as_version=4) if not isinstance(notebook, dict) else notebook
    out: dict[str, Any] = {}
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            payload = output.get("data", {}).get(MIME)
            if payload is None:
                continue
            name, value = payload["name"], payload["value"]
            if isinstance(value, dict):
                out.update({f"{name}.{k}": v for k, v in value.items()})
            else:
                out[name] = value
    return out
