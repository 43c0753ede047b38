"""The Jupyter kernel the workbook runs on: the project's own environment, by name."""
from __future__ import annotations

import json
import sys
from pathlib import Path

KERNEL_NAME = "salesnb"
DISPLAY_NAME = "Python (salesnb)"


def kernel_dir(prefix: str | Path | None = None) -> Path:
    """The folder of the ``salesnb`` kernelspec (PL: folder specyfikacji jądra).

    Parameters
    ----------
    prefix : str or pathlib.Path, optional
        The environment's prefix; default ``sys.prefix``, this interpreter's.

    Returns
    -------
    pathlib.Path
        ``<prefix>/share/jupyter/kernels/salesnb``.
    """
    return Path(prefix or sys.prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME


def ensure_kernel() -> str:
    """Register the ``salesnb`` kernelspec for this interpreter (in ``sys.prefix``) if needed.

    PL: rejestracja jądra Jupyter projektu. The spec runs ``sys.executable``, so notebooks
    execute in the environment that has salesnb installed, never in some other ``python3`` on
    the machine. A spec that already runs this interpreter is left as it is; otherwise it is
    (re)written atomically.

    Returns
    -------
    str
        The kernel name, ``"salesnb"``.
    """
    spec_dir = kernel_dir()
    spec_file = spec_dir / "kernel.json"
    want = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    try:
        if json.loads(spec_file.read_text())["argv"] == want:
            return KERNEL_NAME
    except (OSError, ValueError, KeyError):
        pass
    spec_dir.mkdir(parents=True, exist_ok=True)
    spec = {"argv": want, "display_name": DISPLAY_NAME, "language": "python",
            "metadata": {"debugger": True}}
    tmp = spec_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(spec, indent=1))
    tmp.replace(spec_file)
    return KERNEL_NAME
