"""Quotes of a story grouped by speaker across its articles.

The comparison aligns speakers across articles (`Comparison.quotes`, one `Voice` each);
when it has none, quotes are grouped here by the speaker's name. Each utterance keeps the
article's own quote annotation where one lies at its offsets (verb, role, direct or not).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.analyze.sourcing import utterances
from newsprism.model import Article, Quote, Voice

UNKNOWN_SPEAKER = "(speaker not identified)"


@dataclass(frozen=True, slots=True)
class Said:
    """One utterance of a speaker in one article; `quote` is the article's annotation of it
    when one is found."""

    article: str
    start: int
    end: int
    text: str
    quote: Quote | None = None

    @property
    def direct(self) -> bool | None:
        return self.quote.direct if self.quote else None


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker, the types and roles articles give them, and what they said."""

    name: str
    types: tuple[str, ...]
    roles: tuple[str, ...]
    said: tuple[Said, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(item.article for item in self.said))


def quotes_by_speaker(articles: Sequence[Article],
                      voices: Sequence[Voice] = ()) -> list[Speaker]:
    """Speakers quoted in `articles`, those quoted by most articles (then most often) first."""
    speakers = [_voice(voice, articles) for voice in voices] if voices else _grouped(articles)
    speakers = [speaker for speaker in speakers if speaker.said]
    return sorted(speakers, key=lambda s: (-len(s.articles), -len(s.said), s.name.casefold()))


def _grouped(articles: Sequence[Article]) -> list[Speaker]:
    """Speakers by name (case-insensitive); quotes nested in a longer quote of the same
    speaker are left out."""
    groups: dict[str, list[Said]] = {}
    for article in articles:
        for quote in utterances(article.quotes):
            key = (quote.speaker or "").strip().casefold()
            groups.setdefault(key, []).append(
                Said(article.id, quote.start, quote.end, quote.text, quote))
    return [_speaker(said, None, ()) for said in groups.values()]


def _voice(voice: Voice, articles: Sequence[Article]) -> Speaker:
    by_id = {article.id: article for article in articles}
    said = [Said(article_id, e.start, e.end, e.text, _annotation(by_id.get(article_id), e.start,
                                                                 e.end))
            for article_id, evidence in voice.quotes.items() for e in evidence]
    return _speaker(said, voice.speaker, (voice.speaker_type,))


def _annotation(article: Article | None, start: int, end: int) -> Quote | None:
    """The article's quote at `[start, end)`, else the shortest one containing it."""
    quotes = [q for q in (article.quotes if article else ()) if q.start <= start and end <= q.end]
    exact = [q for q in quotes if (q.start, q.end) == (start, end)]
    return exact[0] if exact else min(quotes, key=lambda q: q.end - q.start, default=None)


def _speaker(said: list[Said], name: str | None, types: tuple[str, ...]) -> Speaker:
    quotes = [item.quote for item in said if item.quote]
    names = [name or "", *(q.speaker or "" for q in quotes)]
    shown = next((n.strip() for n in names if n.strip()), UNKNOWN_SPEAKER)
    types = tuple(dict.fromkeys((*types, *(q.speaker_type for q in quotes))))
    roles = tuple(dict.fromkeys(q.speaker_role for q in quotes if q.speaker_role))
    return Speaker(shown, types, roles, tuple(said))
