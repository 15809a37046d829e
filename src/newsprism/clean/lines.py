"""Scraped text: remove page debris line by line, keep every removal with its reason.

Lines are judged by their form (patterns in `data/debris.tsv`, punctuation-only lines, bylines,
date lines) and then by their context: a short line next to a photo credit or above the first
paragraph is a caption; a short unpunctuated line between paragraphs whose words the article
does not use is the headline of another story. Context is measured against the article's long
paragraphs only, which no rule removes, so cleaning twice gives the same result as once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from newsprism.clean.dates import parse_date_line
from newsprism.datafiles import data_rows, stopwords
from newsprism.model import Removed

LONG_PARAGRAPH_WORDS = 12
CAPTION_MAX_WORDS = 30
TOP_CAPTION_MAX_WORDS = 8
INSERTED_HEADLINE_WORDS = (3, 20)
INSERTED_HEADLINE_MAX_OVERLAP = 0.2

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_ALNUM = re.compile(r"[^\W_]")
# A hard-wrapped line fills at least this share of its block's width, which is at least
# WRAP_WIDTH characters (header lines such as a byline over a role are shorter).
WRAPPED_SHARE = 0.6
WRAP_WIDTH = 40
_TERMINAL = (".", "!", "?", ":", ";", ",", '"', "”", "'", "’", ")", "…")
_QUOTES = ('"', "“", "”", "‘", "’")
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(rf"^[Bb][Yy]:?\s+(?P<name>{_NAME}(?:\s+(?:and\s+|&\s+)?{_NAME}){{0,6}})"
                     r"\s*(?:[,|–—-].{0,60})?$")
# A byline without `By`: a name, then a journalist's role (`Hugo Stanway | Political
# Correspondent`); and a role line alone under a byline (`Staff writer`).
_JOB = r"(?:correspondent|reporter|writer|editor|columnist|journalist|contributor|staff)s?"
_NAMED_BYLINE = re.compile(rf"^(?P<name>{_NAME}(?:\s+{_NAME}){{1,3}})\s*[,|–—]\s*"
                           rf"(?:[\w&'’.-]+\s+){{0,4}}(?i:{_JOB})\b[^.!?]{{0,40}}$")
_ROLE_LINE = re.compile(rf"^(?:[\w&'’.-]+\s+){{0,3}}{_JOB}$", re.I)
# Closed-class words that show a line is a sentence, not a caption's noun phrase.
_VERB_MARKERS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has",
                           "have", "had", "will", "would", "can", "could", "shall", "should",
                           "may", "might", "must", "do", "does", "did", "let", "i", "we",
                           "they", "it", "he", "she", "you", "there", "this", "that"})
_NOT_NAMES = frozenset({"the", "monday", "tuesday", "wednesday", "thursday", "friday",
                        "saturday", "sunday", "january", "february", "march", "april", "may",
                        "june", "july", "august", "september", "october", "november",
                        "december", "then", "now", "late", "early", "noon", "midnight"})
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
                       r"(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?"
                       r"\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s+\S")


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The kept text, the removed lines, and metadata read off the removed lines."""

    text: str
    removed: tuple[Removed, ...]
    byline: str | None = None
    published: str | None = None
    dateline: str | None = None


@cache
def _patterns() -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    patterns = [(reason, int(limit), re.compile(pattern, re.I))
                for reason, limit, pattern in data_rows("debris.tsv")]
    # longest limits first, so that a long line stops at the first pattern it is too long for
    return tuple(sorted(patterns, key=lambda row: -row[1]))


def split_units(text: str) -> list[str]:
    """Paragraphs of normalised text: blank-line blocks, else lines. A line that goes on with
    a sentence the line before left open is joined to it: in a block, when the line before
    is a hard-wrapped one (nearly as long as the block's longest line, and that one not
    short: `By Jo Hale` over `Staff writer` is a header, not a wrapped sentence), anywhere
    when it starts in lower case; never when either line is a byline, a date or other
    debris by its form alone."""
    blocks = text.split("\n\n") if "\n\n" in text else [text]
    units: list[str] = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        width = max((len(line.rstrip()) for line in lines), default=0)
        previous = ""
        for line in lines:
            wrapped = len(blocks) > 1 and width >= WRAP_WIDTH \
                and len(previous.rstrip()) >= WRAPPED_SHARE * width
            if previous and not previous.endswith(_TERMINAL) and (
                    wrapped or line.lstrip()[:1].islower()) \
                    and not (form_reason(previous) or form_reason(line)):
                units[-1] = f"{units[-1]} {line}"
            else:
                units.append(line)
            previous = line
    return units


def form_reason(line: str) -> str | None:
    """Why `line` is debris judging by its form alone, or None."""
    if not _ALNUM.search(line):
        return "punctuation"
    words = len(line.split())
    for reason, limit, pattern in _patterns():
        if words > limit:
            break
        if pattern.search(line):
            return reason
    if (_byline_name(line) and words <= 14) or _ROLE_LINE.match(line.strip()):
        return "byline"
    if parse_date_line(line):
        return "date"
    return None


def clean_lines(text: str, context_rules: bool = True) -> CleanedText:
    """Remove debris from normalised text (see the module docstring).

    With `context_rules` off only captions next to a credit line are judged by context (the
    other context rules are tuned on English news and are not used for other languages).
    """
    units = split_units(text)
    reasons = [form_reason(line) for line in units]
    long = [i for i, line in enumerate(units) if reasons[i] is None and _is_long(line)]
    for i, line in enumerate(units):
        if reasons[i] is None and _caption(i, line, units, reasons, long, context_rules):
            reasons[i] = "caption"
        elif reasons[i] is None and _under_byline(i, units, reasons):
            reasons[i] = "byline"
    candidates = [i for i, line in enumerate(units) if context_rules and reasons[i] is None
                  and _headline_shaped(line) and _isolated(i, reasons, long)]
    if candidates:
        body = [units[i] for i in long]
        vocabulary, names = _vocabulary(body), _names(body)
        for i in candidates:
            if _unrelated(units[i], vocabulary, names):
                reasons[i] = "inserted-headline"
    kept = [line for line, reason in zip(units, reasons, strict=True) if reason is None]
    removed = tuple(Removed(line, reason) for line, reason in zip(units, reasons, strict=True)
                    if reason is not None)
    return CleanedText(text="\n\n".join(kept), removed=removed,
                       byline=_first(units, reasons, "byline", _byline_name),
                       published=_first(units, reasons, "date", parse_date_line),
                       dateline=_dateline(kept))


def _is_long(line: str) -> bool:
    return len(line.split()) >= LONG_PARAGRAPH_WORDS


def _caption(i: int, line: str, units: list[str], reasons: list[str | None], long: list[int],
             top_rule: bool) -> bool:
    """A photo caption: next to a photo credit, or a short sentence above the first paragraph."""
    if any(mark in line for mark in _QUOTES):
        return False
    words = len(line.split())
    if _DATELINE.match(line) or not (line.endswith(".") or not line.endswith(_TERMINAL)):
        return False
    # a caption sits above its credit; below a credit only a short line is taken for one;
    # a bare label (`Photos`) names no photographer and makes nothing a caption
    def credited(j: int) -> bool:
        return _reason_at(reasons, j) == "credit" and len(units[j].split()) >= 2

    if credited(i + 1) and words <= CAPTION_MAX_WORDS:
        return True
    if credited(i - 1) and words < LONG_PARAGRAPH_WORDS:
        return True
    return top_rule and bool(long) and i < long[0] and line.endswith(".") \
        and words <= TOP_CAPTION_MAX_WORDS and _verbless(line)


def _verbless(line: str) -> bool:
    """A noun phrase (`Soldiers at the gate.`), not a short sentence opening the story
    (`It felt like a gut punch.`): no auxiliary or pronoun, no lower-case -ed/-ing word."""
    words = [w.strip(".,;:!?\"“”'’") for w in line.split()]
    return not any(w.lower() in _VERB_MARKERS or (w[:1].islower() and len(w) > 3
                                                   and w.endswith(("ed", "ing")))
                   for w in words)


def _under_byline(i: int, units: list[str], reasons: list[str | None]) -> bool:
    """The writer's agency or desk under a byline, above a date (`By Jo Hale` / `Meridian
    Press Service` / `June 9, 2026`): a short name in capitals, between header lines."""
    words = units[i].split()
    return 0 < i < len(units) - 1 and reasons[i - 1] == "byline" \
        and reasons[i + 1] in ("byline", "date") and len(words) <= 6 \
        and all(word[0].isupper() or word in ("of", "and", "&", "the") for word in words) \
        and not units[i].endswith(_TERMINAL)


def _isolated(i: int, reasons: list[str | None], long: list[int]) -> bool:
    """Between two long paragraphs, counting only lines no rule has removed."""
    kept = [j for j in range(len(reasons)) if reasons[j] is None or j == i]
    position = kept.index(i)
    return 0 < position < len(kept) - 1 and kept[position - 1] in long \
        and kept[position + 1] in long


def _headline_shaped(line: str) -> bool:
    """A headline's shape: a few words, no closing punctuation, not a list item or label."""
    low, high = INSERTED_HEADLINE_WORDS
    return low <= len(line.split()) <= high and not line.endswith((*_TERMINAL, "?")) \
        and line[0].isalpha() and not line.isupper() \
        and not any(mark in line for mark in "@#|[]")


def _unrelated(line: str, vocabulary: set[str], names: set[str]) -> bool:
    """Shares (almost) no words, and no names unless it is in title case, with the article."""
    words = line.split()
    if not _title_case(words) and _names([" ".join(words[1:])]) & names:
        return False
    return _overlap(line, vocabulary) <= INSERTED_HEADLINE_MAX_OVERLAP


def _title_case(words: list[str]) -> bool:
    long_words = [word for word in words if sum(ch.isalpha() for ch in word) >= 4]
    return len(long_words) >= 2 and \
        sum(word[0].isupper() for word in long_words) >= 0.7 * len(long_words)


def _names(lines: list[str]) -> set[str]:
    """Stems of capitalised words that do not start a sentence."""
    found = set()
    for line in lines:
        tokens = _WORD.findall(line)
        for previous, token in zip([".", *tokens], tokens, strict=False):
            if token[0].isupper() and not previous.endswith(".") and len(token) > 1:
                found.add(stem(token.lower()))
    return found


def _reason_at(reasons: list[str | None], i: int) -> str | None:
    return reasons[i] if 0 <= i < len(reasons) else None


def content_words(text: str) -> list[str]:
    """Stems of the words of `text` that carry content (no function words, no short ones)."""
    stop = stopwords()
    return [stem(word) for word in (w.lower() for w in _WORD.findall(text))
            if len(word) > 2 and word not in stop]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, enough to match `prisons`/`prison`, `talks`/`talked`."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _vocabulary(lines: object) -> set[str]:
    return {word for line in lines for word in content_words(str(line))}  # type: ignore[attr-defined]


def _overlap(line: str, vocabulary: set[str]) -> float:
    words = content_words(line)
    if not words:
        return 1.0  # nothing to judge by: keep the line
    return sum(word in vocabulary for word in words) / len(words)


def _first(units: list[str], reasons: list[str | None], reason: str,
           parse: object) -> str | None:
    for line, found in zip(units, reasons, strict=True):
        if found == reason:
            value = parse(line)  # type: ignore[operator]
            if value:
                return str(value)
    return None


def _byline_name(line: str) -> str | None:
    """The name in a byline (`By Ana Ferrol, Meridian Wire`, `ANA FERROL | Staff Writer`);
    None for a sentence."""
    found = _BYLINE.match(line) or _NAMED_BYLINE.match(line.strip())
    if not found or line.endswith((".", "!", "?")):
        return None
    name = str(found["name"])
    first = name.split()[0].lower().rstrip(".,")
    return None if first in _NOT_NAMES else name.title() if name.isupper() else name


def dateline_end(text: str, start: int = 0) -> int:
    """Where the words after a dateline at `start` begin (`LONDON (Wirepress) - Rail …` →
    the offset of `Rail`); `start` when there is none."""
    found = _DATELINE.match(text[start:start + 120])
    return start + found.end() - 1 if found else start


def _dateline(kept: list[str]) -> str | None:
    for line in kept[:3]:
        found = _DATELINE.match(line)
        if found:
            return found["place"]
    return None
