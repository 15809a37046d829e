"""Sourcing profile of an article: who it lets speak, and with which verbs."""

from __future__ import annotations

from collections import Counter
from typing import Any

from newsprism.model import SPEAKER_TYPES, Article, Quote


def utterances(quotes: tuple[Quote, ...]) -> list[Quote]:
    """Quotes without those nested in a quote of the same speaker (the quoted words inside
    `he said the country is “interested” in …` are part of one utterance)."""
    return [quote for quote in quotes if not any(
        other is not quote and other.speaker == quote.speaker and other.start <= quote.start
        and quote.end <= other.end and (other.end - other.start) > (quote.end - quote.start)
        for other in quotes)]


def sourcing_profile(article: Article) -> dict[str, Any]:
    """Counts of utterances and distinct speakers by speaker type, the share of utterances
    resting on anonymous sources, and the attribution verbs used by class."""
    quotes = utterances(article.quotes)
    speakers: dict[str, set[str]] = {kind: set() for kind in SPEAKER_TYPES}
    for quote in quotes:
        speakers[quote.speaker_type].add((quote.speaker or "").lower())
    by_type: Counter[str] = Counter(quote.speaker_type for quote in quotes)
    return {
        "quotes": len(quotes),
        "direct": sum(quote.direct for quote in quotes),
        "quotes_by_type": {kind: by_type[kind] for kind in SPEAKER_TYPES},
        "speakers_by_type": {kind: len(names - {""}) for kind, names in speakers.items()},
        "anonymous_share": round(by_type["anonymous"] / len(quotes), 3) if quotes else 0.0,
        "verb_classes": dict(Counter(q.verb_class for q in quotes if q.verb_class)),
        "verbs": dict(Counter(q.verb for q in quotes if q.verb)),
    }
