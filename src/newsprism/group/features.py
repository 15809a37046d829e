"""What clustering compares: per article, the text to embed, canonical entities, figures, day.

Pure functions of an analyzed `Article` (a per-article map, like analysis itself).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np

from newsprism.analyze.entities import entity_key
from newsprism.analyze.figures import DURATION_DAYS
from newsprism.datafiles import stopwords
from newsprism.group.embed import Vectors
from newsprism.model import Article

# Entity labels that identify a story's actors and places; NORP (nationalities, parties) and
# dates are left out: they are shared by too many unrelated stories.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW"})
# Units of figures that are too common to tell stories apart on their own.
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]")


@dataclass(frozen=True, slots=True)
class Features:
    """One article as clustering sees it; `vector` is the unit embedding of `lead_text`."""

    id: str
    vector: Vectors
    entities: frozenset[str]
    figures: frozenset[str]
    keywords: frozenset[str]
    day: int | None


def lead_text(article: Article, sentences: int) -> str:
    """Headline and the first `sentences` sentences (or first paragraph when unanalyzed)."""
    if article.sentences:
        spans = article.sentences[:sentences]
        lead = article.text[spans[0].start:spans[-1].end]
    else:
        lead = article.text.split("\n\n", 1)[0][:1000]
    return f"{article.title}. {lead}" if article.title else lead


def entity_keys(article: Article) -> frozenset[str]:
    """Canonical names (lower case) of the article's people, organisations and places."""
    return frozenset(entity_key(entity.canonical) for entity in article.entities
                     if entity.label in ENTITY_LABELS and len(entity.canonical) > 1)


def figure_keys(article: Article) -> frozenset[str]:
    """`value unit` of the quantities the article states, but for small counts and times."""
    keys = set()
    for figure in article.figures:
        if figure.kind != "quantity" or figure.value is None or figure.unit in DURATION_DAYS:
            continue
        if figure.unit is None and abs(figure.value) < 10:
            continue
        keys.add(f"{float(figure.value):g} {figure.unit or ''}".strip())
    return frozenset(keys)


def keyword_keys(article: Article, limit: int) -> frozenset[str]:
    """The `limit` most frequent content words of headline and text (lower case; ties go to
    the word seen first)."""
    stop = stopwords()
    words = [word for word in _WORD.findall(f"{article.title or ''}\n{article.text}".lower())
             if len(word) > 2 and word not in stop]
    return frozenset(word for word, _ in Counter(words).most_common(limit))


def day_number(published: str | None) -> int | None:
    """Days since 0001-01-01 of an ISO date (or date-time); None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def features(article: Article, vector: Vectors, keywords: int,
             day: int | None = None) -> Features:
    """The article's features (`keywords` content words at most); `day` defaults to its
    publication day."""
    return Features(id=article.id, vector=np.asarray(vector, dtype=np.float32),
                    entities=entity_keys(article), figures=figure_keys(article),
                    keywords=keyword_keys(article, keywords),
                    day=day if day is not None else day_number(article.published))
