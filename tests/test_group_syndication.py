"""Syndication: near-duplicates by MinHash LSH, robust to a new headline, added boilerplate
and a trimmed last paragraph; originals are the earliest published, else first seen."""

from __future__ import annotations

import itertools

import pytest

from newsprism.config import load_settings
from newsprism.group.syndication import (
    Candidate,
    SyndicationIndex,
    find_syndicated,
    shingles,
    signature_bytes,
    signature_from_bytes,
    signatures,
)
from tests.grouping_fiction import ARTICLES, COPY, TRIMMED, WIRE

SETTINGS = load_settings().group
TEXTS = {doc_id: body for doc_id, _, _, _, body in ARTICLES}


def candidates(texts: dict[str, str], published: dict[str, str | None] | None = None,
               credited: frozenset[str] = frozenset()) -> list[Candidate]:
    marks = signatures(list(texts.values()), SETTINGS.shingle_size, SETTINGS.num_perm)
    dates = published or {}
    return [Candidate(doc_id, mark, dates.get(doc_id), seen, doc_id in credited)
            for seen, (doc_id, mark) in enumerate(zip(texts, marks, strict=True))]


def pairs_of(items: list[Candidate]) -> list[tuple[str, str]]:
    return find_syndicated(items, SETTINGS.syndication_threshold, SETTINGS.num_perm)


def test_group_syndication_fixture_is_a_real_copy() -> None:
    assert TRIMMED in WIRE and TRIMMED not in COPY
    assert "provided by" in COPY and "provided by" not in WIRE


def test_group_syndication_finds_the_copy_and_nothing_else() -> None:
    assert pairs_of(candidates(TEXTS)) == [("breska-wire", "breska-copy")]


def test_group_syndication_same_story_other_outlet_is_no_copy() -> None:
    # same facts, same quote, other words: not a copy
    texts = {key: TEXTS[key] for key in ("breska-wire", "breska-labour", "breska-business")}
    assert pairs_of(candidates(texts)) == []


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_group_syndication_original_is_earliest_whatever_the_order(order: tuple[int]) -> None:
    # a second copy, published a day later; the copy is seen first in some orders
    texts = {"copy": COPY, "wire": WIRE, "late": COPY + "\n\nUpdated on Wednesday."}
    keys = [list(texts)[i] for i in order]
    published = {"copy": "2026-04-07", "wire": "2026-04-07", "late": "2026-04-08"}
    items = candidates({key: texts[key] for key in keys}, published, frozenset({"copy",
                                                                                "late"}))
    assert pairs_of(items) == [("wire", "copy"), ("wire", "late")]


def test_group_syndication_undated_original_is_first_seen() -> None:
    items = candidates({"b": COPY, "a": WIRE})
    assert pairs_of(items) == [("b", "a")]
    dated = candidates({"b": COPY, "a": WIRE}, {"a": "2026-04-06T23:00:00+00:00"})
    assert pairs_of(dated) == [("a", "b")]  # published beats undated


def test_group_syndication_same_day_time_of_day_decides() -> None:
    published = {"b": "2026-04-07T09:00:00+02:00", "a": "2026-04-07T08:30:00+00:00"}
    assert pairs_of(candidates({"b": COPY, "a": WIRE}, published)) == [("b", "a")]


def test_group_syndication_signature_round_trip() -> None:
    mark = signatures([WIRE], SETTINGS.shingle_size, SETTINGS.num_perm)[0]
    again = signature_from_bytes(signature_bytes(mark))
    assert again.jaccard(mark) == 1.0


def test_group_syndication_shingles_and_bad_threshold() -> None:
    assert shingles("One two three", 5) == {b"one two three"}
    assert len(shingles("a b c d e f", 5)) == 2
    assert shingles("", 5) == set()
    with pytest.raises(ValueError, match="threshold"):
        SyndicationIndex(0.0, 128)


def test_group_syndication_index_refuses_an_id_twice() -> None:
    index = SyndicationIndex(0.5, SETTINGS.num_perm)
    item = candidates({"a": WIRE})[0]
    index.add(item)
    with pytest.raises(ValueError, match="already"):
        index.add(item)
