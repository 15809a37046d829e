"""Speed of the trained framing models (techniques, sentence bias) vs spaCy alone.

Texts: the project's own example articles (`examples/*.txt`), repeated `--copies` times.
spaCy alone runs the analysis pipeline over the same texts; the two models run on top of its
sentences. One process; the machine is shared, so compare the ratio and take the median.

    python -m bench.framing [--copies 5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from newsprism.analyze.bias import score_sentences
from newsprism.analyze.nlp import DEFAULT_PIPELINE, load_pipeline
from newsprism.analyze.stage import sentences
from newsprism.analyze.techniques import find_techniques
from newsprism.model import Sentence

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def spacy_alone(texts: list[str]) -> list[list[Sentence]]:
    docs = load_pipeline(DEFAULT_PIPELINE).pipe(texts, batch_size=32)
    return [list(sentences(doc)) for doc in docs]


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = [path.read_text("utf-8") for path in sorted(EXAMPLES.glob("*.txt"))
             if path.name != "README.md"] * args.copies
    words = sum(len(text.split()) for text in texts)
    split = spacy_alone(texts)
    find_techniques(texts[0])
    score_sentences(texts[0], split[0])
    runs = {
        "spaCy alone": lambda: spacy_alone(texts),
        "techniques": lambda: [find_techniques(text) for text in texts],
        "sentence bias": lambda: [score_sentences(t, s) for t, s in zip(texts, split,
                                                                        strict=True)],
    }
    print(f"{len(texts)} texts, {words:,} words; median of {args.rounds} rounds")
    seconds = {name: statistics.median(timed(work) for _ in range(args.rounds))
               for name, work in runs.items()}
    for name, value in seconds.items():
        print(f"{name:<14} {words / value:8,.0f} words/s")
    both = seconds["techniques"] + seconds["sentence bias"]
    print(f"techniques + bias {words / both:8,.0f} words/s; spaCy + both take "
          f"{(seconds['spaCy alone'] + both) / seconds['spaCy alone']:.1f}× spaCy alone "
          f"(the models are {100 * both / (seconds['spaCy alone'] + both):.0f} % of it)")


if __name__ == "__main__":
    main()
