"""Incremental same-story clustering: each new article joins its best story or starts one.

The score of an article against a story is the average, over the story's members, of a
weighted pair score (average linkage)::

    weight_embedding · cos(embeddings) + weight_entities · overlap(canonical entities)
      + weight_figures · overlap(figures) + weight_keywords · overlap(content words)

where `overlap(A, B) = |A ∩ B| / sqrt(|A| · |B|)` (the cosine of the two sets). All three
averages are exact and cost one lookup per feature of the article: a story keeps the sum of
its members' unit vectors and, per entity (figure), the sum of `1 / sqrt(|B|)` over members
B that have it. The article joins the best of the `candidates` nearest stories
(`StoryIndex`) when its score reaches `join_threshold`, else it starts a story. Articles
farther than `window_days` from a story's dated span never join it. A dated article and a
dated story within `close_days` of each other that share a canonical entity are *close*:
the article needs only `join_threshold_dated`, and its entity overlap with the story adds
`weight_entities_close` to its score (an outlet that frames the story its own way shares
its people and places, not its wording).

Order: a story's score depends on the members it has so far, so the outcome can depend on
the order articles arrive in. `group_articles` therefore feeds articles in a canonical order
(publication day, then id), which makes one-shot grouping independent of input order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from newsprism.config import GroupSettings
from newsprism.group.features import Features
from newsprism.group.index import StoryIndex


@dataclass(slots=True)
class StoryProfile:
    """What a story remembers of its clustered members (syndicated copies are not here)."""

    id: str
    members: list[str]
    entities: dict[str, float] = field(default_factory=dict)
    figures: dict[str, float] = field(default_factory=dict)
    keywords: dict[str, float] = field(default_factory=dict)

    def absorb(self, item: Features) -> None:
        self.members.append(item.id)
        _add_weights(self.entities, item.entities)
        _add_weights(self.figures, item.figures)
        _add_weights(self.keywords, item.keywords)


def _add_weights(weights: dict[str, float], keys: frozenset[str]) -> None:
    for key in keys:
        weights[key] = weights.get(key, 0.0) + 1.0 / math.sqrt(len(keys))


def set_overlap(keys: frozenset[str], weights: dict[str, float], members: int) -> float:
    """Mean over a story's members B of |A ∩ B| / sqrt(|A| · |B|)."""
    if not keys or not members:
        return 0.0
    return sum(weights.get(key, 0.0) for key in keys) / (members * math.sqrt(len(keys)))


@dataclass(frozen=True, slots=True)
class Decision:
    """Where an article went: the story, whether it started it, and the winning score."""

    story: str
    new: bool
    score: float


class Clusterer:
    """The clustering state: story profiles and their candidate index."""

    def __init__(self, settings: GroupSettings) -> None:
        self.settings = settings
        self.index = StoryIndex(settings.window_days)
        self.profiles: list[StoryProfile] = []
        self.row_of: dict[str, int] = {}

    def add(self, item: Features) -> Decision:
        """Put `item` in its best story, or in a new one."""
        best, score = self.best_story(item)
        if best is None:
            return Decision(self._start(item), True, score)
        self.profiles[best].absorb(item)
        self.index.add_member(best, item.vector, item.day)
        return Decision(self.profiles[best].id, False, score)

    def best_story(self, item: Features) -> tuple[int | None, float]:
        """The best-scoring candidate row whose score reaches its join threshold, and the
        score; (None, best score or -inf) when no candidate qualifies. Candidates come
        nearest first; once even full set overlaps could not lift one to the lower
        threshold or the best so far, the rest are skipped (exact, as overlaps are at
        most 1)."""
        conf = self.settings
        bonus = sum(max(0.0, w) for w in (conf.weight_entities, conf.weight_figures,
                                          conf.weight_keywords, conf.weight_entities_close))
        floor = min(conf.join_threshold, conf.join_threshold_dated)
        best, best_score, top = None, -math.inf, -math.inf
        for row, cosine in self.index.nearest(item.vector, item.day, conf.candidates):
            if conf.weight_embedding * cosine + bonus < max(best_score, floor):
                break
            close = self.close(item, row)
            score = self.score(item, row, cosine, close)
            top = max(top, score)
            threshold = conf.join_threshold_dated if close else conf.join_threshold
            if score > best_score and score >= threshold:
                best, best_score = row, score
        return best, best_score if best is not None else top

    def close(self, item: Features, row: int) -> bool:
        """Whether the article is dated within `close_days` of the story's dated span and
        shares a canonical entity with it. Being that close in time rules out the same kind
        of event at another time, a shared actor or place the same kind of event elsewhere
        (another wildfire in another town that week). A week apart is not close: the same
        legislature passes a pension bill one week and the budget the next."""
        span, days = self.index.spans[row], self.settings.close_days
        return (item.day is not None and span is not None
                and span[0] - days <= item.day <= span[1] + days
                and any(key in self.profiles[row].entities for key in item.entities))

    def score(self, item: Features, row: int, cosine: float, close: bool) -> float:
        profile, conf = self.profiles[row], self.settings
        members = len(profile.members)
        score = conf.weight_embedding * cosine
        entities = conf.weight_entities + (conf.weight_entities_close if close else 0.0)
        for weight, keys, weights in ((entities, item.entities, profile.entities),
                                      (conf.weight_figures, item.figures, profile.figures),
                                      (conf.weight_keywords, item.keywords, profile.keywords)):
            if weight:
                score += weight * set_overlap(keys, weights, members)
        return score

    def restore(self, profile: StoryProfile, vector_sum: np.ndarray,
                span: tuple[int, int] | None) -> None:
        """Bring back a stored story (incremental grouping over a database)."""
        row = self.index.add_row(vector_sum, None)
        self.index.counts[row] = float(len(profile.members))
        if span is not None:
            self.index.file_day(row, span[0])
            self.index.file_day(row, span[1])
        self.profiles.append(profile)
        self.row_of[profile.id] = row

    def stories(self) -> Iterable[StoryProfile]:
        return iter(self.profiles)

    def _start(self, item: Features) -> str:
        row = self.index.add_row(item.vector, item.day)
        profile = StoryProfile(id=item.id, members=[])
        profile.absorb(item)
        self.profiles.append(profile)
        self.row_of[profile.id] = row
        return profile.id
