"""One-shot grouping: articles → stories (syndicated copies first, then clustering).

`group_articles` is pure: the sentence encoder is passed in (or loaded once per process),
and nothing touches files or a database. Its result does not depend on the order of the
input, except for which of two undated identical copies is called the original ("first seen").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsprism.config import GroupSettings
from newsprism.group.cluster import Clusterer
from newsprism.group.embed import Vectors, default_embedder
from newsprism.group.features import Features, features, lead_text
from newsprism.group.syndication import Candidate, find_syndicated, signatures
from newsprism.model import Article, Story

Embed = Callable[[Sequence[str]], Vectors]


def group_articles(articles: Sequence[Article], settings: GroupSettings,
                   embed: Embed | None = None) -> list[Story]:
    """The stories of `articles`: every article in exactly one story."""
    _check_unique(articles)
    pairs = syndicated_pairs(articles, settings)
    items = article_features(articles, settings, embed)
    return cluster_features(items, pairs, settings)


def syndicated_pairs(articles: Sequence[Article],
                     settings: GroupSettings) -> list[tuple[str, str]]:
    """(original, copy) pairs among `articles`; first seen = position in `articles`."""
    marks = signatures([a.text for a in articles], settings.shingle_size, settings.num_perm)
    candidates = (Candidate(a.id, mark, a.published, seen, credits_a_source(a))
                  for seen, (a, mark) in enumerate(zip(articles, marks, strict=True)))
    return find_syndicated(candidates, settings.syndication_threshold, settings.num_perm)


def credits_a_source(article: Article) -> bool:
    """Whether cleaning removed a line crediting another source (a republished copy)."""
    return any(line.reason == "syndication" or "republished" in line.line.lower()
               for line in article.removed)


def article_features(articles: Sequence[Article], settings: GroupSettings,
                     embed: Embed | None = None) -> list[Features]:
    """Features of every article, embedded in batches."""
    embed = embed or default_embedder(settings.max_tokens, settings.embed_batch_size)
    vectors = embed([lead_text(article, settings.lead_sentences) for article in articles])
    return [features(article, vector, settings.keywords)
            for article, vector in zip(articles, vectors, strict=True)]


def canonical_order(item: Features) -> tuple[bool, int, str]:
    """Dated articles by day, then undated ones; ties by id."""
    return (item.day is None, item.day or 0, item.id)


def cluster_features(items: Sequence[Features], pairs: Sequence[tuple[str, str]],
                     settings: GroupSettings) -> list[Story]:
    """Cluster the originals in canonical order; each copy goes to its original's story."""
    original_of = {copy: original for original, copy in pairs}
    clusterer = Clusterer(settings)
    story_of: dict[str, str] = {}
    for item in sorted(items, key=canonical_order):
        if item.id not in original_of:
            story_of[item.id] = clusterer.add(item).story
    for copy, original in original_of.items():
        story_of[copy] = story_of[original]
    return build_stories(clusterer, story_of, pairs)


def build_stories(clusterer: Clusterer, story_of: dict[str, str],
                  pairs: Sequence[tuple[str, str]]) -> list[Story]:
    """Stories in the order they were started, members in the order they joined,
    each copy right after its original."""
    copies: dict[str, list[str]] = {}
    story_pairs: dict[str, list[tuple[str, str]]] = {}
    for original, copy in sorted(pairs):
        copies.setdefault(original, []).append(copy)
        story_pairs.setdefault(story_of[copy], []).append((original, copy))
    stories = []
    for profile in clusterer.stories():
        members = [each for member in profile.members
                   for each in (member, *copies.get(member, ()))]
        members = [member for member in members if story_of.get(member) == profile.id]
        if members:
            stories.append(Story(id=profile.id, articles=tuple(members),
                                 syndicated=tuple(story_pairs.get(profile.id, ()))))
    return stories


def _check_unique(articles: Sequence[Article]) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise ValueError(f"article id {article.id!r} occurs twice; ids must be unique "
                             "to group articles (rename one input)")
        seen.add(article.id)
