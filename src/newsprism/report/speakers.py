"""Quotes of a story grouped by speaker across its articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.analyze.sourcing import utterances
from newsprism.model import Article, Quote

UNKNOWN_SPEAKER = "(speaker not identified)"


@dataclass(frozen=True, slots=True)
class Said:
    """One utterance of a speaker in one article."""

    article: str
    quote: Quote


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker (as first spelled), the types and roles articles give them, and what they said."""

    name: str
    types: tuple[str, ...]
    roles: tuple[str, ...]
    said: tuple[Said, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(item.article for item in self.said))


def quotes_by_speaker(articles: Sequence[Article]) -> list[Speaker]:
    """Speakers quoted in `articles`, those quoted by most articles (then most often) first;
    quotes nested in a longer quote of the same speaker are left out."""
    groups: dict[str, list[Said]] = {}
    for article in articles:
        for quote in utterances(article.quotes):
            key = (quote.speaker or "").strip().casefold()
            groups.setdefault(key, []).append(Said(article.id, quote))
    speakers = [_speaker(said) for said in groups.values()]
    return sorted(speakers, key=lambda s: (-len(s.articles), -len(s.said), s.name.casefold()))


def _speaker(said: list[Said]) -> Speaker:
    quotes = [item.quote for item in said]
    name = next((q.speaker.strip() for q in quotes if q.speaker and q.speaker.strip()),
                UNKNOWN_SPEAKER)
    types = tuple(dict.fromkeys(q.speaker_type for q in quotes))
    roles = tuple(dict.fromkeys(q.speaker_role for q in quotes if q.speaker_role))
    return Speaker(name, types, roles, tuple(said))
