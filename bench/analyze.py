"""Analysis speed: newsprism's layers on top of spaCy vs spaCy alone, one and two processes.

Texts: PolNeAR's news articles (../shared/eval/polnear). spaCy alone runs the same pipeline
over the same texts; the difference is what sentences, entities, quotes, figures and framing
rules add. A third run adds the trained models (attribution tagger, techniques, sentence bias).

    python -m bench.analyze [--data ../shared/eval/polnear] [--articles 300] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from eval import SHARED_EVAL
from newsprism.analyze.nlp import DEFAULT_PIPELINE, load_pipeline
from newsprism.analyze.stage import analyze_articles
from newsprism.model import Article

DEFAULT_DATA = SHARED_EVAL / "polnear"


def spacy_alone(texts: list[str]) -> int:
    return sum(len(doc) for doc in load_pipeline(DEFAULT_PIPELINE).pipe(texts, batch_size=32))


def newsprism_layers(texts: list[str], models: bool = False) -> int:
    """The analysis stage; without `models`, spaCy plus the rule layers only."""
    articles = [Article(id=str(i), outlet="bench", text=text) for i, text in enumerate(texts)]
    return sum(1 for _ in analyze_articles(articles, models=models))


def with_models(texts: list[str]) -> int:
    return newsprism_layers(texts, models=True)


def timed(work: Callable[[list[str]], int], texts: list[str], processes: int) -> float:
    started = time.perf_counter()
    if processes == 1:
        work(texts)
    else:
        chunks = [texts[i::processes] for i in range(processes)]
        with ProcessPoolExecutor(processes) as pool:
            list(pool.map(work, chunks))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = sorted((args.data / "train" / "text").glob("*.txt"))[: args.articles]
    texts = [path.read_text("utf-8") for path in paths]
    words = sum(len(text.split()) for text in texts)
    spacy_alone(texts[:2])
    with_models(texts[:2])
    print(f"{len(texts)} articles, {words:,} words; median of {args.rounds} rounds")
    for processes in (1, 2):
        alone = statistics.median(timed(spacy_alone, texts, processes)
                                  for _ in range(args.rounds))
        ours = statistics.median(timed(newsprism_layers, texts, processes)
                                 for _ in range(args.rounds))
        full = statistics.median(timed(with_models, texts, processes)
                                 for _ in range(args.rounds))
        print(f"{processes} process(es): spaCy alone {words / alone:8,.0f} words/s, "
              f"rule layers {words / ours:8,.0f} words/s (add {100 * (ours / alone - 1):+.1f} %), "
              f"with the trained models {words / full:8,.0f} words/s "
              f"({full / alone:.1f} × spaCy alone)")


if __name__ == "__main__":
    main()
