"""Which sentence of a cited article a brief sentence rests on.

A brief sentence cites articles, not sentences; the report links each citation to the
evidence sentence of that article (a fact's evidence, or the sentence holding a conflicting
value) that shares the most words with the brief sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.model import Article, BriefSentence, Comparison, Evidence

SECTIONS = {"summary": "Summary", "conflict": "Where the articles disagree",
            "only": "Reported by some articles only"}
WORD = re.compile(r"\w[\w.,]*\w|\w")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


def citation_span(sentence: BriefSentence, article: Article,
                  comparison: Comparison) -> Span | None:
    """The evidence span of `article` closest in wording to `sentence`; None without any."""
    words = _words(sentence.text)
    best: tuple[float, int, Span] | None = None
    for span in evidence_spans(article, comparison):
        score = (_overlap(words, _words(span.text)), -span.start, span)
        if best is None or score[:2] > best[:2]:
            best = score
    return best[2] if best else None


def evidence_spans(article: Article, comparison: Comparison) -> list[Span]:
    """Fact evidence of `article`, then the sentences holding its values in conflicts."""
    spans = [_span(e) for fact in comparison.facts for e in fact.reported_by.get(article.id, ())]
    for conflict in comparison.conflicts:
        for value in conflict.values:
            if value.article == article.id:
                spans.append(_sentence_around(article, value.start, value.end, value.text))
    return spans


def _span(evidence: Evidence) -> Span:
    return Span(evidence.start, evidence.end, evidence.text)


def _sentence_around(article: Article, start: int, end: int, text: str) -> Span:
    """The sentence of `article` containing `[start, end)`, or that span itself."""
    for sentence in article.sentences:
        if sentence.start <= start and end <= sentence.end:
            return Span(sentence.start, sentence.end, article.text[sentence.start:sentence.end])
    return Span(start, end, text)


def _words(text: str) -> set[str]:
    return {word.casefold() for word in WORD.findall(text)}


def _overlap(brief: set[str], evidence: set[str]) -> float:
    """Share of the evidence's words in the brief sentence, weighted toward longer matches."""
    if not evidence:
        return 0.0
    shared = len(brief & evidence)
    return shared / len(evidence) + shared / (len(brief) or 1)
