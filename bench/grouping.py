"""Grouping at scale: syndication + incremental clustering of 10k, 30k and 100k articles.

Articles are generated from the project's own fiction (the sentences of `examples/*.txt`):
each synthetic story gets invented names (entities with spans) and 12 sentences; its 1-6
articles each take 4 of them plus 5 sentences of the whole pool, in a random order, with
dates within two days of the story's day; one article in ten has a syndicated copy (same
text, last paragraph trimmed). Story days are spread so that about `--per-day` articles
appear per day (a store that grows over time); `--per-day 0` puts every size in one year
(denser as it grows).

The sentence encoder is timed separately on a sample of real headline-and-lead texts
(`--embed-sample`), because it is a per-article map (cached in the database, parallel per
core) that dominates the cost; the grouping stages are timed on synthetic unit vectors (a
story direction plus noise, cosine about 0.7 within a story). Each size runs in its own
process, so its peak RSS is its own.

    python -m bench.grouping [--sizes 10000 30000 100000] [--per-day 300] [--embed-sample 500]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from newsprism.config import load_settings
from newsprism.group import cluster_features
from newsprism.group.embed import DIMENSIONS, Embedder
from newsprism.group.features import Features, features
from newsprism.group.syndication import Candidate, find_syndicated, signatures
from newsprism.model import Article, Entity

ROOT = Path(__file__).resolve().parents[1]
_SENTENCE = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")
_SYLLABLES = ("ka", "ro", "ven", "dal", "mi", "tor", "sel", "an", "bri", "lu", "gar", "osk")


def sentence_pool() -> list[str]:
    """Sentences of the example corpus's plain-text articles (the project's own fiction)."""
    pool = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        for paragraph in path.read_text("utf-8").split("\n\n")[1:]:
            pool += [s.strip() for s in _SENTENCE.split(paragraph) if len(s.split()) > 6]
    return pool


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def story_articles(number: int, pool: list[str], rng: random.Random,
                   day: int) -> list[tuple[Article, int]]:
    """One synthetic story: its articles and their days."""
    names = [invented_name(rng) for _ in range(3)]
    sentences = [f"{names[i % 3]} {s[0].lower()}{s[1:]}" for i, s in
                 enumerate(rng.sample(pool, 12))]
    articles = []
    for index in range(rng.randint(1, 6)):
        own = rng.sample(sentences, 4) + rng.sample(pool, 5)
        rng.shuffle(own)
        text = "\n\n".join(" ".join(own[i:i + 3]) for i in range(0, 9, 3))
        articles.append((_article(f"s{number}-a{index}", text, names), day + rng.randint(0, 2)))
        if rng.random() < 0.1:  # a syndicated copy without the last paragraph
            copy = text.rsplit("\n\n", 1)[0]
            articles.append((_article(f"s{number}-c{index}", copy, names), day + 1))
    return articles


def _article(article_id: str, text: str, names: list[str]) -> Article:
    entities = tuple(Entity(m.start(), m.end(), m.group(), "ORG", m.group())
                     for name in names for m in re.finditer(name, text))
    return Article(id=article_id, outlet="bench", text=text, title=None,
                   entities=tuple(sorted(entities, key=lambda e: e.start)))


def corpus(size: int, per_day: int,
           seed: int = 7) -> tuple[list[Article], list[int], list[int]]:
    """`size` articles, their days and the synthetic story each belongs to."""
    rng, pool = random.Random(seed), sentence_pool()
    span = max(1, size // per_day) if per_day else 365
    articles: list[Article] = []
    days: list[int] = []
    stories: list[int] = []
    number = 0
    while len(articles) < size:
        for article, day in story_articles(number, pool, rng, 739000 + rng.randrange(span)):
            articles.append(article)
            days.append(day)
            stories.append(number)
        number += 1
    return articles[:size], days[:size], stories[:size]


def synthetic_vectors(stories: list[int], seed: int = 7) -> np.ndarray:
    """Unit vectors: a direction per story plus noise (cosine about 0.7 within a story)."""
    rng = np.random.default_rng(seed)
    directions = rng.standard_normal((max(stories) + 1, DIMENSIONS)).astype(np.float32)
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    noise = rng.standard_normal((len(stories), DIMENSIONS)).astype(np.float32)
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    vectors: np.ndarray = directions[stories] + 0.65 * noise
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def run_size(size: int, per_day: int) -> dict[str, float]:
    """Time the grouping stages on `size` articles (in this process)."""
    settings = load_settings().group
    articles, days, stories = corpus(size, per_day)
    vectors = synthetic_vectors(stories)
    base_rss = _rss_mb()
    started = time.perf_counter()
    marks = signatures([a.text for a in articles], settings.shingle_size, settings.num_perm)
    signed = time.perf_counter()
    pairs = find_syndicated((Candidate(a.id, m, None, i) for i, (a, m) in
                             enumerate(zip(articles, marks, strict=True))),
                            settings.syndication_threshold, settings.num_perm)
    indexed = time.perf_counter()
    items = [_with_day(features(a, v, settings.keywords), d)
             for a, v, d in zip(articles, vectors, days, strict=True)]
    featured = time.perf_counter()
    grouped = cluster_features(items, pairs, settings)
    done = time.perf_counter()
    return {"articles": size, "minhash_s": signed - started, "lsh_s": indexed - signed,
            "features_s": featured - indexed, "cluster_s": done - featured,
            "total_s": done - started, "stories": len(grouped), "true_stories": len(set(stories)),
            "copies": len(pairs), "rss_before_mb": base_rss, "peak_rss_mb": _rss_mb()}


def _with_day(item: Features, day: int) -> Features:
    return Features(item.id, item.vector, item.entities, item.figures, item.keywords, day)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def embed_rate(sample: int) -> float:
    """Headline-and-lead texts per second through the real encoder (one thread)."""
    pool = sentence_pool()
    rng = random.Random(3)
    texts = [" ".join(rng.sample(pool, 3)) for _ in range(sample)]
    embedder = Embedder(load_settings().group.max_tokens, load_settings().group.embed_batch_size)
    embedder(texts[:32])
    started = time.perf_counter()
    embedder(texts)
    return sample / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--per-day", type=int, default=300)
    parser.add_argument("--embed-sample", type=int, default=500)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_size(args.child, args.per_day)))
        return
    for size in args.sizes:
        done = subprocess.run([sys.executable, "-m", "bench.grouping", "--child", str(size),
                               "--per-day", str(args.per_day)],
                              capture_output=True, text=True, check=True, timeout=1800)
        row = json.loads(done.stdout)
        print(f"{size:>7,} articles: total {row['total_s']:6.1f} s (MinHash "
              f"{row['minhash_s']:.1f}, LSH {row['lsh_s']:.1f}, features "
              f"{row['features_s']:.1f}, clustering {row['cluster_s']:.1f}); "
              f"{row['total_s'] / size * 1e3:.2f} ms/article; peak RSS "
              f"{row['peak_rss_mb']:.0f} MB (corpus alone {row['rss_before_mb']:.0f} MB); "
              f"{row['stories']:,} stories ({row['true_stories']:,} generated), "
              f"{row['copies']:,} copies", flush=True)
    if args.embed_sample:
        rate = embed_rate(args.embed_sample)
        print(f"sentence encoder: {rate:.0f} headline-and-lead texts/s on one thread "
              f"(100k articles: {100_000 / rate / 60:.1f} min per core)")


if __name__ == "__main__":
    main()
