"""Syndicated copies: near-duplicate texts found with MinHash + LSH over word shingles.

A copy is a text whose set of word shingles (`shingle_size` words, lower case) has an
estimated Jaccard similarity of at least `threshold` with another's. Only the cleaned body is
compared, so a new headline does not hide a copy; boilerplate lines the republisher adds are
mostly removed by cleaning, and what is left of them, like a trimmed last paragraph, only
lowers the similarity a little. The LSH bands and rows are derived from the threshold by
datasketch (weighing false positives and false negatives equally); every candidate the LSH
returns is then checked against the threshold, so a pair below it is never reported.

Copies are joined transitively into syndication groups; each group's original is its earliest
published member, else the first seen (`Candidate.seen`: input or ingest order). Publication
is compared by day first; on the same day an article that credits another source (a removed
`syndication` line such as "This story was provided by …", or a "Republished by" notice) is
the later one, then the earlier time of day (UTC) when both give one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from datasketch import LeanMinHash, MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
SEED = 1


def shingles(text: str, size: int) -> set[bytes]:
    """The word `size`-grams of `text` (lower case), as bytes; the whole text if shorter."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def signatures(texts: Sequence[str], size: int, num_perm: int) -> list[LeanMinHash]:
    """One MinHash signature per text (computed in bulk)."""
    sets = [sorted(shingles(text, size)) for text in texts]
    return [LeanMinHash(m) for m in MinHash.bulk(sets, num_perm=num_perm, seed=SEED)]


def signature_bytes(signature: LeanMinHash) -> bytes:
    """A signature serialised with its seed and hashing scheme, for storage."""
    buffer = bytearray(signature.bytesize())
    signature.serialize(buffer)
    return bytes(buffer)


def signature_from_bytes(data: bytes) -> LeanMinHash:
    """The signature `signature_bytes` stored."""
    return LeanMinHash.deserialize(bytearray(data))


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article offered to syndication: id, signature, and what orders originals."""

    id: str
    signature: LeanMinHash
    published: str | None
    seen: int
    credited: bool = False


class SyndicationIndex:
    """Near-duplicate index: `add` each article; `pairs()` gives (original, copy) pairs."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"invalid syndication threshold {threshold!r}; expected 0 < t <= 1")
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.items: dict[str, Candidate] = {}
        self.parent: dict[str, str] = {}
        self.groups: dict[str, list[str]] = {}

    def add(self, item: Candidate) -> list[str]:
        """Index `item`; return the ids of indexed articles it is a near-duplicate of."""
        if item.id in self.items:
            raise ValueError(f"article {item.id!r} is already in the syndication index")
        matches = [key for key in self.lsh.query(item.signature)
                   if item.signature.jaccard(self.items[key].signature) >= self.threshold]
        self.lsh.insert(item.id, item.signature)
        self.items[item.id] = item
        self.parent[item.id] = item.id
        self.groups[item.id] = [item.id]
        for key in matches:
            self._union(key, item.id)
        return sorted(matches)

    def original_of(self, article_id: str) -> str:
        """The original of the article's syndication group (the article itself if alone)."""
        return min(self.group_of(article_id), key=lambda key: _order(self.items[key]))

    def group_of(self, article_id: str) -> list[str]:
        """The article's syndication group: itself and every copy joined to it."""
        return self.groups[self._find(article_id)]

    def pairs(self) -> list[tuple[str, str]]:
        """(original, copy) for every copy, sorted."""
        return sorted(pair for members in self.groups.values() if len(members) > 1
                      for pair in _group_pairs([self.items[key] for key in members]))

    def _find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def _union(self, first: str, second: str) -> None:
        a, b = sorted((self._find(first), self._find(second)))
        if a != b:
            self.parent[b] = a
            self.groups[a].extend(self.groups.pop(b))


def _order(item: Candidate) -> tuple[bool, str, bool, float, int]:
    """Earliest published first (by day, then credit, then time of day), then undated;
    remaining ties by first seen."""
    day = (item.published or "")[:10]
    return (item.published is None, day, item.credited, _seconds(item.published), item.seen)


def _seconds(published: str | None) -> float:
    """Seconds into the day (UTC) of a timestamp; a day's end when there is no time."""
    if not published or len(published) <= 10:
        return 86400.0
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return 86400.0
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.hour * 3600.0 + moment.minute * 60.0 + moment.second


def _group_pairs(members: list[Candidate]) -> list[tuple[str, str]]:
    original = min(members, key=_order)
    return [(original.id, item.id) for item in members if item is not original]


def find_syndicated(items: Iterable[Candidate], threshold: float,
                    num_perm: int) -> list[tuple[str, str]]:
    """(original, copy) pairs among `items`, whatever order they come in."""
    index = SyndicationIndex(threshold, num_perm)
    for item in items:
        index.add(item)
    return index.pairs()
