"""Sentence embeddings: the int8 graph the comparison uses against the float graph grouping
uses, on the sentences of the bundled fictional corpus (examples/), both on two threads.

Prints the time of each (best of the rounds), the cosine of each sentence's two vectors, and
how much the cosine between two sentences moves.

    python -m bench.embed [--sentences 240] [--rounds 3]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import numpy as np

from newsprism.group.embed import Embedder

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def sentences(count: int) -> list[str]:
    found: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        found += [s for s in re.split(r"(?<=[.!?])\s+", path.read_text("utf-8")) if len(s) > 20]
    return found[:count]


def best_time(embed: Embedder, texts: list[str], rounds: int) -> tuple[float, np.ndarray]:
    times, vectors = [], embed(texts[:4])
    for _ in range(rounds):
        started = time.perf_counter()
        vectors = embed(texts)
        times.append(time.perf_counter() - started)
    return min(times), vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=240)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = sentences(args.sentences)
    exact_time, exact = best_time(Embedder(threads=2), texts, args.rounds)
    fast_time, fast = best_time(Embedder(threads=2, int8=True), texts, args.rounds)
    same = (exact * fast).sum(axis=1)
    moved = np.abs(exact @ exact.T - fast @ fast.T)
    print(f"{len(texts)} sentences: float {exact_time:.2f} s, int8 {fast_time:.2f} s "
          f"({exact_time / fast_time:.1f} x)")
    print(f"cosine of a sentence's two vectors: min {same.min():.3f}, mean {same.mean():.3f}")
    print(f"cosine between two sentences moves by: mean {moved.mean():.3f}, "
          f"99th percentile {np.quantile(moved, 0.99):.3f}, max {moved.max():.3f}")


if __name__ == "__main__":
    main()
