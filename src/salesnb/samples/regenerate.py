"""Regenerating ``data/samples`` (PL: odtworzenie próbek): :func:`write_samples` and the command line."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from ..io import atomic_write_bytes
from .readme import readme_text
from .registry import SAMPLES, generate
from .writer import write_company

__all__ = ["main", "write_samples"]


def write_samples(root: str | Path = "data/samples", seed: int = 0) -> dict[str, Path]:
    """Regenerate every sample company into ``root/<name>/`` and ``root/README.md`` (PL: odtwórz próbki).

    Files in a company folder that the writer no longer produces (``.csv``, ``.yml``) are
    removed, so the folder always equals a fresh generation.

    Parameters
    ----------
    root : str or Path, default "data/samples"
        The folder of the sample companies.
    seed : int, default 0
        Random seed (the committed samples use 0).

    Returns
    -------
    dict of str to Path
        Each sample's name and folder.

    Raises
    ------
    ParameterError
        If ``seed`` is not a whole number >= 0.
    """
    root = Path(root)
    out: dict[str, Path] = {}
    samples = []
    for name in SAMPLES:
        sample = generate(name, seed=seed)
        folder = root / name
        written = set(write_company(folder, sample))
        for stale in sorted(folder.glob("*")):
            if stale.suffix in (".csv", ".yml") and stale not in written:
                stale.unlink()
        samples.append(sample)
        out[name] = folder
    atomic_write_bytes(root / "README.md", readme_text(samples).encode("utf-8"))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m salesnb.samples [--out DIR] [--seed N]``: regenerate the sample companies.

    Parameters
    ----------
    argv : sequence of str, optional
        Command-line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status, 0.
    """
    ap = argparse.ArgumentParser(prog="python -m salesnb.samples",
                                 description="Regenerate the sample companies (default: data/samples).")
    ap.add_argument("--out", default="data/samples", help="output folder (default: data/samples)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (the committed samples use 0)")
    args = ap.parse_args(argv)
    for name, folder in write_samples(args.out, seed=args.seed).items():
        size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
        print(f"{name}: {folder} ({size / 1024:.0f} KiB)")
    return 0
