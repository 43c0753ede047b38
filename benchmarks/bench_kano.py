"""Benchmark: salesnb.kano.summarize on 1 million answer pairs over 50 features.

The issue's bar: under 2 s. The survey is built as a loaded CSV would give it: answers as text
(codes "1".."5" mixed with English and Polish words, some in odd case or with spaces), plus a
segment and an importance column. Run:  python benchmarks/bench_kano.py [n_pairs] [n_features]
"""
from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from salesnb import kano


def make_survey(n_pairs: int = 1_000_000, n_features: int = 50, seed: int = 0) -> pd.DataFrame:
    """A loaded-looking kano_survey table of ``n_pairs`` answer pairs over ``n_features``."""
    rng = np.random.default_rng(seed)
    mixes = [{"M": .6, "O": .25, "I": .1, "Q": .05}, {"O": .5, "M": .2, "A": .2, "I": .1},
             {"A": .55, "I": .35, "O": .05, "R": .05}, {"I": .6, "A": .2, "R": .1, "Q": .1}]
    per = n_pairs // n_features
    parts = []
    for i in range(n_features):
        k = per if i < n_features - 1 else n_pairs - per * (n_features - 1)
        sim = kano.simulate_answers(mixes[i % len(mixes)], k, rng)
        sim["feature"] = f"feature {i:02d}"
        parts.append(sim.drop(columns="category"))
    df = pd.concat(parts, ignore_index=True)
    # text as loaded: codes as strings, a share of English / Polish words in varied spelling
    words = {
        1: ["1", "like", "Podoba mi się", " podoba mi sie "], 2: ["2", "must-be", "Oczekuję", "expect"],
        3: ["3", "neutral", "neutralne", "NEUTRALNE"], 4: ["4", "live with", "mogę z tym żyć", "Moge z tym zyc"],
        5: ["5", "dislike", "Nie podoba mi się", "nie podoba mi sie"],
    }
    variant = rng.choice(4, size=(len(df), 2), p=[0.7, 0.1, 0.1, 0.1])
    for j, col in enumerate(("functional", "dysfunctional")):
        codes = df[col].to_numpy()
        table = np.array([[""] * 4] + [words[c] for c in range(1, 6)], dtype=object)
        df[col] = table[codes, variant[:, j]]
    df["respondent_id"] = (np.arange(len(df)) % (per or 1)).astype(str)
    df["segment"] = np.where(rng.random(len(df)) < 0.5, "small", "large")
    df["importance"] = rng.integers(1, 10, len(df)).astype(float)
    df.index = pd.RangeIndex(2, 2 + len(df), name="row")
    return df


def main() -> None:
    """Build the survey, then time summarize (best of 3) and print the figure."""
    n_pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    n_features = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    t0 = time.perf_counter()
    df = make_survey(n_pairs, n_features)
    print(f"built {len(df):,} answer pairs over {df['feature'].nunique()} features "
          f"in {time.perf_counter() - t0:.1f} s (not timed below)")
    kano.summarize(df.head(1000))  # warm-up (imports, caches)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        out = kano.summarize(df)
        times.append(time.perf_counter() - t0)
    print(f"kano.summarize: {min(times):.3f} s (best of 3; runs {', '.join(f'{x:.3f}' for x in times)}) "
          f"-> {len(out)} features, bar < 2 s: {'OK' if min(times) < 2 else 'TOO SLOW'}")
    t0 = time.perf_counter()
    seg = kano.summarize(df, by="segment")
    print(f"kano.summarize(by='segment'): {time.perf_counter() - t0:.3f} s -> {len(seg)} rows")


if __name__ == "__main__":
    main()
