"""Fact alignment: the sentences of a story's articles that state the same fact.

Each sentence is linked to its best match in every other article when the two are similar
enough. Similarity mixes meaning and wording: the mean of the cosine of sentence embeddings
and the cosine of content-word TF-IDF vectors (inverse document frequency over the story's
sentences, so words every sentence uses count little), plus a bonus for canonical entities
and figure values the two share. Embeddings alone rate any two sentences of one story as
alike; shared specific words tell the same fact. Linked sentences form one fact; a sentence
linked to nothing is a fact only its article reports.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from newsprism.clean.lines import content_words
from newsprism.model import Article, Sentence

MIN_WORDS = 4  # shorter sentences ("Read more.", "He agreed.") state no fact of their own


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence of one article, with what is needed to match it."""

    article: str
    sentence: Sentence
    text: str
    entities: frozenset[str]
    values: frozenset[float]


def units_of(article: Article) -> list[Unit]:
    """The article's sentences that can state a fact, in text order."""
    units = []
    for sentence in article.sentences:
        text = article.text[sentence.start:sentence.end]
        if len(text.split()) < MIN_WORDS:
            continue
        inside = range(sentence.start, sentence.end)
        entities = frozenset(e.canonical.lower() for e in article.entities if e.start in inside)
        values = frozenset(float(f.value) for f in article.figures
                           if f.start in inside and isinstance(f.value, int | float))
        units.append(Unit(article.id, sentence, text, entities, values))
    return units


def tfidf_vectors(units: dict[str, list[Unit]]) -> dict[str, np.ndarray]:
    """Unit-length TF-IDF vectors of every unit's content words, IDF over the story."""
    bags = {aid: [Counter(content_words(u.text)) for u in items] for aid, items in units.items()}
    df = Counter(word for items in bags.values() for bag in items for word in bag)
    total = sum(len(items) for items in bags.values())
    vocab = {word: n for n, word in enumerate(df)}
    idf = np.array([math.log((1 + total) / (1 + df[w])) + 1 for w in vocab])
    vectors = {}
    for aid, items in bags.items():
        matrix = np.zeros((len(items), len(vocab)))
        for row, bag in enumerate(items):
            for word, count in bag.items():
                matrix[row, vocab[word]] = count
        matrix *= idf
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        vectors[aid] = matrix / np.maximum(norms, 1e-12)
    return vectors


def similarity(a: Sequence[Unit], b: Sequence[Unit], va: np.ndarray, vb: np.ndarray,
               entity_bonus: float) -> np.ndarray:
    """Similarity of two articles' sentences from their (meaning and wording) vectors,
    raised by the share of entities and figure values they have in common (Jaccard,
    weighted by `entity_bonus`)."""
    scores: np.ndarray = va @ vb.T
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            shared = _jaccard(x.entities | {str(v) for v in x.values},
                              y.entities | {str(v) for v in y.values})
            scores[i, j] += entity_bonus * shared
    return scores


def _jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def best_links(scores: np.ndarray, threshold: float) -> set[tuple[int, int]]:
    """Pairs (i, j) where j is i's best match or i is j's, scoring at least `threshold`. A
    sentence joins the fact it states best; one fact may take several sentences of an
    article (a lead and a quote that both say the plan is to stay)."""
    if scores.size == 0:
        return set()
    links = {(i, int(j)) for i, j in enumerate(scores.argmax(axis=1))}
    links |= {(int(i), j) for j, i in enumerate(scores.argmax(axis=0))}
    return {(i, j) for i, j in links if scores[i, j] >= threshold}


def align(units: dict[str, list[Unit]], embeddings: dict[str, np.ndarray], threshold: float,
          entity_bonus: float, cohesion: float) -> list[list[Unit]]:
    """Groups of units stating one fact: most widely reported first, then the most central
    to the story (see `centrality`). Links are taken strongest first; one joins two groups
    only when their sentences of different articles are `cohesion` alike on average, so a
    chain of links does not grow one fact out of several."""
    words = tfidf_vectors(units)
    vectors = {aid: np.hstack([embeddings[aid], words[aid]]) / math.sqrt(2) for aid in units}
    scores = {(a, b): similarity(units[a], units[b], vectors[a], vectors[b], entity_bonus)
              for a, b in combinations(units, 2)}

    def score(x: tuple[str, int], y: tuple[str, int]) -> float:
        if (x[0], y[0]) in scores:
            return float(scores[x[0], y[0]][x[1], y[1]])
        if (y[0], x[0]) in scores:
            return float(scores[y[0], x[0]][y[1], x[1]])
        return float(vectors[x[0]][x[1]] @ vectors[y[0]][y[1]])  # two of one article

    keys = [(aid, i) for aid, items in units.items() for i in range(len(items))]
    group_of = {key: key for key in keys}
    members = {key: [key] for key in keys}
    links = sorted(((float(matrix[i, j]), (a, i), (b, j)) for (a, b), matrix in scores.items()
                    for i, j in best_links(matrix, threshold)), reverse=True)
    for _, x, y in links:
        gx, gy = group_of[x], group_of[y]
        if gx == gy:
            continue
        cross = [score(p, q) for p in members[gx] for q in members[gy]]
        if sum(cross) < cohesion * len(cross):
            continue
        for key in members[gy]:
            group_of[key] = gx
        members[gx] += members.pop(gy)
    order = list(units)
    central = dict(zip(keys, centrality(np.vstack([vectors[aid] for aid in units])),
                       strict=True))
    ranked = sorted(members.values(), key=lambda group: (
        -len({aid for aid, _ in group}), -max(central[key] for key in group)))
    return [[units[aid][i] for aid, i in sorted(group, key=lambda k: (order.index(k[0]), k[1]))]
            for group in ranked]


def centrality(vectors: np.ndarray, damping: float = 0.85, rounds: int = 50) -> np.ndarray:
    """How central each sentence is to the story: the stationary weight of a random walk
    over the sentences, stepping along positive similarities (LexRank's idea)."""
    weights = np.clip(vectors @ vectors.T, 0.0, None)
    np.fill_diagonal(weights, 0.0)
    totals = weights.sum(axis=1, keepdims=True)
    steps = np.divide(weights, totals, out=np.full_like(weights, 1 / len(weights)),
                      where=totals > 0)
    rank: np.ndarray = np.full(len(weights), 1 / len(weights))
    for _ in range(rounds):
        rank = (1 - damping) / len(weights) + damping * (rank @ steps)
    return rank
