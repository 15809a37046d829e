"""Cleaning across documents: an outlet's recurring lines, and other stories' headlines.

A short line at the top or bottom of an article that recurs there in most articles of one
outlet (a slogan, a footer the line rules do not know) is that outlet's boilerplate once
enough of its articles are seen, in the batch or in the store. Boilerplate is a small part of
each page: when recurring lines would make up most of an article, that article is a version
or copy of another, and it does not count as evidence. A line that is the headline of
another article is an inserted headline.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newsprism.model import Article, Removed

MAX_TEMPLATE_WORDS = 25
HEAD_LINES, TAIL_LINES = 2, 3
MAX_TEMPLATE_SHARE_OF_TEXT = 0.5


@dataclass(frozen=True, slots=True)
class Profile:
    """What template learning needs of one article: its line keys and their lengths."""

    edges: frozenset[str]
    lengths: tuple[tuple[str, int], ...]


def line_key(line: str) -> str:
    return " ".join(line.lower().split())


def profiles(articles: Iterable[Article]) -> dict[str, list[Profile]]:
    """Per outlet, the profile of each article (template lines it lost count as its own)."""
    found: dict[str, list[Profile]] = defaultdict(list)
    for article in articles:
        lines = article.text.split("\n\n")
        templates = [r.line for r in article.removed if r.reason == "template"]
        found[article.outlet].append(Profile(
            edges=frozenset(line_key(line) for line in [*_edges(lines), *templates]),
            lengths=tuple((line_key(line), len(line)) for line in [*lines, *templates])))
    return found


def template_lines(by_outlet: Mapping[str, list[Profile]], min_articles: int,
                   min_share: float) -> dict[str, set[str]]:
    """Per outlet, the lines that recur at the edges of enough distinct articles."""
    found: dict[str, set[str]] = {}
    for outlet, items in by_outlet.items():
        candidates = _recurring(items, len(items), min_articles, min_share)
        evidence = [item for item in items if _share(item, candidates) < MAX_TEMPLATE_SHARE_OF_TEXT]
        found[outlet] = _recurring(evidence, len(items), min_articles, min_share)
    return found


def _recurring(items: list[Profile], total: int, min_articles: int,
               min_share: float) -> set[str]:
    counts = Counter(key for item in items for key in item.edges)
    return {key for key, n in counts.items() if n >= min_articles and n >= min_share * total}


def _share(item: Profile, lines: set[str]) -> float:
    total = sum(length for _, length in item.lengths) or 1
    return sum(length for key, length in item.lengths if key in lines) / total


def clean_batch(articles: Sequence[Article], min_articles: int = 3, min_share: float = 0.5,
                earlier: Mapping[str, list[Profile]] | None = None) -> list[Article]:
    """Remove outlet templates and other articles' headlines from each article's text.

    Runs before analysis: the articles must have no annotation layers yet.
    """
    by_outlet = profiles(articles)
    for outlet, items in (earlier or {}).items():
        by_outlet[outlet] = [*by_outlet.get(outlet, []), *items]
    templates = template_lines(by_outlet, min_articles, min_share)
    titles: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        if article.title:
            titles[line_key(article.title)].add(article.id)
    return [_remove(article, templates.get(article.outlet, set()), titles)
            for article in articles]


def _edges(lines: list[str]) -> list[str]:
    """The short lines among the first and last lines of an article: where boilerplate sits."""
    edges = lines if len(lines) <= HEAD_LINES + TAIL_LINES else \
        lines[:HEAD_LINES] + lines[-TAIL_LINES:]
    return [line for line in edges if len(line.split()) <= MAX_TEMPLATE_WORDS]


def _remove(article: Article, templates: set[str], titles: Mapping[str, set[str]]) -> Article:
    kept, removed = [], list(article.removed)
    lines = article.text.split("\n\n")
    edges = {line_key(line) for line in _edges(lines)}
    for line in lines:
        key = line_key(line)
        if key in templates and key in edges:
            removed.append(Removed(line, "template"))
        elif titles.get(key, set()) - {article.id}:
            removed.append(Removed(line, "inserted-headline"))
        else:
            kept.append(line)
    if len(removed) == len(article.removed) or not kept:
        return article
    return replace(article, text="\n\n".join(kept), removed=tuple(removed))
