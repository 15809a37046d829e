"""Incremental grouping: new articles against the stories already built (state passed in).

The caller (the database) hands over the stories and the syndication signatures of articles
near the new ones in time, and gets back where each new article went and the stories it
changed. Nothing here reads or writes storage.

Bound on order: new articles are added in canonical order (day, then id) after everything
stored, so grouping the same articles in one batch or in several gives the same stories when
the batches arrive in publication order; an article that arrives after later-dated ones is
scored against the stories as they stand, which can differ from a one-shot run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash

from newsprism.config import GroupSettings
from newsprism.group.cluster import Clusterer, StoryProfile
from newsprism.group.embed import DIMENSIONS, Vectors
from newsprism.group.features import Features
from newsprism.group.stories import canonical_order
from newsprism.group.syndication import Candidate, SyndicationIndex


@dataclass(slots=True)
class StoryState:
    """A stored story: its profile, the sum of its clustered members' vectors (syndicated
    copies are members of the story but not of the profile) and its dated span."""

    profile: StoryProfile
    vector_sum: Vectors
    span: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one article is: its story and, for a syndicated copy, its original."""

    article: str
    story: str
    original: str | None
    day: int | None
    seq: int
    signature: LeanMinHash
    published: str | None = None
    credited: bool = False


@dataclass(slots=True)
class Increment:
    """What a batch changed: placements (new ones, and stored copies whose original
    changed) and the stories touched, keyed by id."""

    placements: list[Placement]
    stories: dict[str, StoryState]


def add_articles(new: Sequence[tuple[Features, Placement]], stories: Sequence[StoryState],
                 stored: Sequence[Placement], settings: GroupSettings) -> Increment:
    """Group `new` articles (features, and a placement with signature, day and seq filled)
    against stored `stories` and the `stored` placements near them in time."""
    syndication = SyndicationIndex(settings.syndication_threshold, settings.num_perm)
    for old in sorted(stored, key=lambda p: p.seq):
        syndication.add(_candidate(old))
    for _, placement in sorted(new, key=lambda pair: pair[1].seq):
        syndication.add(_candidate(placement))
    clusterer, states = _restore(stories, settings)
    known = {p.article: p for p in stored}
    fresh = {p.article: p for _, p in new}
    story_of = {p.article: p.story for p in stored}
    touched: set[str] = set()
    for item, _ in sorted(new, key=lambda pair: canonical_order(pair[0])):
        story = _stored_group_story(syndication, item.id, story_of, known)
        if story is None and syndication.original_of(item.id) == item.id:
            decision = clusterer.add(item)
            story = decision.story
            touched.add(story)
            if decision.new:
                span = None if item.day is None else (item.day, item.day)
                states[story] = StoryState(clusterer.profiles[-1], item.vector.copy(), span)
            else:
                _grow(states[story], item)
        if story is not None:
            story_of[item.id] = story
    for article in fresh:  # copies whose original is new follow it
        story_of.setdefault(article, story_of[syndication.original_of(article)])
    placements = _placements(syndication, story_of, known, fresh)
    return Increment(placements, {key: states[key] for key in sorted(touched)})


def _candidate(item: Placement) -> Candidate:
    return Candidate(item.article, item.signature, item.published, item.seq, item.credited)


def _restore(stories: Sequence[StoryState],
             settings: GroupSettings) -> tuple[Clusterer, dict[str, StoryState]]:
    clusterer = Clusterer(settings)
    for state in stories:
        clusterer.restore(state.profile, state.vector_sum, state.span)
    return clusterer, {state.profile.id: state for state in stories}


def _stored_group_story(syndication: SyndicationIndex, article: str, story_of: dict[str, str],
                        known: dict[str, Placement]) -> str | None:
    """The story of a stored article this one is a near-duplicate of, if any."""
    stored = sorted(member for member in syndication.group_of(article) if member in known)
    return story_of[stored[0]] if stored else None


def _grow(state: StoryState, item: Features) -> None:
    state.vector_sum = state.vector_sum + item.vector
    if item.day is not None:
        first, last = state.span or (item.day, item.day)
        state.span = (min(first, item.day), max(last, item.day))


def _placements(syndication: SyndicationIndex, story_of: dict[str, str],
                known: dict[str, Placement], fresh: dict[str, Placement]) -> list[Placement]:
    """New articles' placements, and stored ones whose original changed."""
    result = []
    for article, placement in {**known, **fresh}.items():
        first = syndication.original_of(article)
        original = None if first == article else first
        if article in fresh or original != placement.original:
            result.append(Placement(article, story_of[article], original, placement.day,
                                    placement.seq, placement.signature, placement.published,
                                    placement.credited))
    return result


def empty_vector() -> Vectors:
    return np.zeros(DIMENSIONS, dtype=np.float32)
