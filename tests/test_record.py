from __future__ import annotations

import nbformat
import numpy as np

from salesnb.record import MIME, _jsonable, read_records


def test_records_are_read_back_flattened():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={MIME: {"name": "clients", "value": {"new": 3, "lost": 2}}}),
        nbformat.v4.new_output("display_data", data={MIME: {"name": "revenue", "value": 10.5}}),
        nbformat.v4.new_output("display_data", data={"text/plain": "ignored"}),
    ]
    nb.cells = [cell]
    assert read_records(nb) == {"clients.new": 3, "clients.lost": 2, "revenue": 10.5}


def test_numpy_values_become_json():
    assert _jsonable({"a": np.int64(3), "b": np.float64("nan"), "c": [np.float32(1.5)]}) == {
        "a": 3, "b": None, "c": [1.5]}
