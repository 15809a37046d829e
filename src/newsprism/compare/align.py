"""Fact alignment: the sentences of a story's articles that state the same fact.

Each sentence is linked to its best match in every other article when the two are similar
enough. Similarity mixes meaning and wording: the mean of the cosine of sentence embeddings
and the cosine of content-word TF-IDF vectors (inverse document frequency over the story's
sentences, so words every sentence uses count little), plus a bonus for canonical entities
and figure values the two share. Embeddings alone rate any two sentences of one story as
alike; shared specific words tell the same fact. Linked sentences form one fact; a sentence
linked to nothing is a fact only its article reports. A sentence that joins clauses with
subjects of their own (`the terminal closed, but ships still docked`) is matched clause by
clause, and its clauses never join one fact.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise
from typing import TYPE_CHECKING

import numpy as np

from newsprism.analyze.entities import entity_key
from newsprism.clean.lines import content_words, dateline_end
from newsprism.model import Article, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.config import CompareSettings

MIN_WORDS = 4  # shorter sentences ("Read more.", "He agreed.") state no fact of their own


@dataclass(frozen=True, slots=True)
class Unit:
    """A clause of one article's sentence (or the whole sentence), with what is needed to
    match it."""

    article: str
    sentence: Sentence
    text: str  # the whole sentence, which evidence and the brief show
    clause: str  # the part matched: the sentence, or one of its clauses
    start: int  # the clause's offset in the article
    entities: frozenset[str]
    values: frozenset[float]

    @property
    def end(self) -> int:
        return self.start + len(self.clause)

    @property
    def key(self) -> tuple[str, int]:
        return self.article, self.start


def units_of(article: Article, doc: Doc | None = None) -> list[Unit]:
    """The article's clauses that can state a fact, in text order: each sentence, split
    into its clauses when `doc` (the article's parse) shows it joins several."""
    units = []
    for sentence in article.sentences:
        for start, end in clauses(doc, sentence):
            start = dateline_end(article.text, start)  # `WASHINGTON — ` states nothing
            text = article.text[start:end]
            if len(text.split()) < MIN_WORDS:
                continue
            inside = range(start, end)
            entities = frozenset(entity_key(e.canonical) for e in article.entities
                                 if e.start in inside)
            values = frozenset(float(f.value) for f in article.figures
                               if f.start in inside and isinstance(f.value, int | float))
            units.append(Unit(article.id, sentence, article.text[sentence.start:sentence.end],
                              text, start, entities, values))
    return units


CLAUSE_DEPS = frozenset({"conj", "advcl", "parataxis"})
EDGE_DEPS = frozenset({"cc", "punct"})
# a clause opened by one of these states no fact of its own: a condition or a comparison
UNSTATED = frozenset({"if", "unless", "until", "once", "whether", "than"})
VERBS = frozenset({"VERB", "AUX"})


def clauses(doc: Doc | None, sentence: Sentence) -> list[tuple[int, int]]:
    """Character ranges of the sentence's clauses in the parse `doc` (without a parse, the
    whole sentence): a verb joined to another with a subject of its own (`…, but its
    emergency department accepted only …`; `… as nurses walked out`) starts or ends one
    when its clause opens or closes the sentence. Joining words and punctuation at a
    clause's edges are left out."""
    whole = [(sentence.start, sentence.end)]
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand") if doc else None
    if doc is None or span is None or len(span) < 2 * MIN_WORDS:
        return whole
    last = span.end
    while last > span.start and doc[last - 1].is_punct:
        last -= 1
    cuts = set()
    for token in span:
        if token.dep_ in CLAUSE_DEPS and token.pos_ in VERBS and token.head.pos_ in VERBS \
                and span.start <= token.head.i < span.end \
                and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children) \
                and not any(c.dep_ == "mark" and c.lower_ in UNSTATED for c in token.children):
            lo, hi = token.left_edge.i, token.right_edge.i + 1
            if lo == span.start and hi < last:
                cuts.add(hi)
            elif lo > span.start and hi >= last:
                cuts.add(lo)
    if not cuts:
        return whole
    found = []
    for lo, hi in pairwise([span.start, *sorted(cuts), span.end]):
        while lo < hi and doc[lo].dep_ in EDGE_DEPS:
            lo += 1
        while hi > lo and doc[hi - 1].dep_ in EDGE_DEPS and hi < span.end:
            hi -= 1
        if hi - lo >= MIN_WORDS:
            found.append((doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)))
    return found if len(found) > 1 else whole


def tfidf_vectors(units: dict[str, list[Unit]]) -> dict[str, np.ndarray]:
    """Unit-length TF-IDF vectors of every unit's content words, IDF over the story."""
    bags = {aid: [Counter(content_words(u.clause)) for u in items] for aid, items in units.items()}
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


def align(units: dict[str, list[Unit]], embeddings: dict[str, np.ndarray],
          settings: CompareSettings) -> list[list[Unit]]:
    """Groups of units stating one fact: most widely reported first, then the most central
    to the story (see `centrality`). Links are taken strongest first; one joins two groups
    only when their sentences are `fact_cohesion` alike on average, so a chain of links does
    not grow one fact out of several. In a story whose sentences are all alike (every one
    about troops in Iraq), both bars rise to the `fact_background` quantile of the
    similarities of all its pairs of sentences of different articles."""
    threshold, cohesion = settings.fact_threshold, settings.fact_cohesion
    words = tfidf_vectors(units)
    vectors = {aid: np.hstack([embeddings[aid], words[aid]]) / math.sqrt(2) for aid in units}
    scores = {(a, b): similarity(units[a], units[b], vectors[a], vectors[b],
                                 settings.entity_bonus) for a, b in combinations(units, 2)}
    shift = max(0.0, _quantile(scores, settings.fact_background) - threshold)
    threshold, cohesion = threshold + shift, cohesion + shift

    def score(x: tuple[str, int], y: tuple[str, int]) -> float:
        if (x[0], y[0]) in scores:
            return float(scores[x[0], y[0]][x[1], y[1]])
        if (y[0], x[0]) in scores:
            return float(scores[y[0], x[0]][y[1], x[1]])
        return float(vectors[x[0]][x[1]] @ vectors[y[0]][y[1]])  # two of one article

    keys = [(aid, i) for aid, items in units.items() for i in range(len(items))]

    def sentence_of(group: list[tuple[str, int]]) -> set[tuple[str, int]]:
        """The sentences of a group's units: two clauses of one sentence state two facts."""
        return {(aid, units[aid][i].sentence.start) for aid, i in group}

    group_of = {key: key for key in keys}
    members = {key: [key] for key in keys}
    links = sorted(((float(matrix[i, j]), (a, i), (b, j)) for (a, b), matrix in scores.items()
                    for i, j in best_links(matrix, threshold)), reverse=True)
    for _, x, y in links:
        gx, gy = group_of[x], group_of[y]
        if gx == gy:
            continue
        cross = [score(p, q) for p in members[gx] for q in members[gy]]
        if sum(cross) < cohesion * len(cross) or sentence_of(members[gx]) & sentence_of(
                members[gy]):
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


def _quantile(scores: dict[tuple[str, str], np.ndarray], q: float) -> float:
    """The `q` quantile of all the scores (0 when there are none)."""
    pooled = [matrix.ravel() for matrix in scores.values() if matrix.size]
    return float(np.quantile(np.concatenate(pooled), q)) if pooled else 0.0


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
