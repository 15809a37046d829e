"""Comparison speed: one story of already analysed articles, compared end to end.

Articles: the bundled fictional corpus (examples/), analysed once before timing. The story
is the first N articles (ten by default, cycling through the corpus with new ids when it
holds fewer), as a user comparing a ten-article story would have. Models are loaded before
the clock starts; the time is compare_story alone (alignment, conflicts, naming, brief).

    python -m bench.compare [--articles 10] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace
from pathlib import Path

import newsprism
from newsprism.compare import compare_story
from newsprism.model import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def story(count: int) -> list[Article]:
    articles, _ = newsprism.read([str(EXAMPLES)], outlets=EXAMPLES / "outlets.toml")
    return [replace(articles[n % len(articles)], id=f"a{n}") for n in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    articles = story(args.articles)
    compare_story(articles[:2])  # load the models
    times = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        result = compare_story(articles)
        times.append(time.perf_counter() - started)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words, {len(result.facts)} facts, "
          f"{len(result.conflicts)} conflicts, {len(result.brief)} brief sentences")
    print(f"compare_story: median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}) over {args.rounds} rounds")


if __name__ == "__main__":
    main()
