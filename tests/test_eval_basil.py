"""The BASIL evaluation's glue (eval/basil.py): reading the data, placing gold spans, AUC.

Texts here are made up for the test; the real-data test reads ../shared/eval/basil."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.basil import DEFAULT_DATA, _auc, _find, _overlaps, read_basil


def test_basil_find_tolerates_other_whitespace() -> None:
    text = "The mayor\nlashed out at the  council on Monday."
    assert _find(text, "lashed out at the council") == (10, 36)
    assert _find(text, "praised the council") is None


def test_basil_overlap_needs_a_shared_character() -> None:
    assert _overlaps((5, 10), [(9, 12)])
    assert not _overlaps((5, 10), [(10, 12), (0, 5)])


def test_basil_auc_counts_ties_half() -> None:
    assert _auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert _auc([0.1], [0.9]) == 0.0
    assert _auc([0.5], [0.5]) == 0.5


@pytest.mark.skipif(not Path(DEFAULT_DATA).is_dir(), reason="../shared/eval/basil not present")
def test_basil_reads_every_annotated_article_with_its_event_and_outlet() -> None:
    items = read_basil(DEFAULT_DATA)
    assert len(items) >= 240
    events: dict[str, set[str]] = {}
    for item in items:
        events.setdefault(item.event, set()).add(item.raw.outlet or "")
        assert item.raw.content.strip() and item.raw.published
    assert all(outlets == {"fox", "nyt", "hpo"} for outlets in events.values())
    assert any(span.lexical and not span.quoted for item in items for span in item.spans)
