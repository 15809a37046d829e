"""The propaganda-techniques model: span offsets, labels, edge cases and a PTC quality floor.

Texts are written for these tests; PTC articles are read from ../shared/eval at test time.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import numpy as np
import pytest

from newsprism.analyze.techniques import TECHNIQUES, find_techniques, rank_labels
from newsprism.analyze.transformer import STRIDE, WINDOW, owners, windows
from newsprism.model import Article

ROOT = Path(__file__).resolve().parent.parent
PTC = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared")) / "eval" / "ptc"

LOADED = (
    "Senator Vane's cowardly betrayal of our great nation will go down in history as the "
    "most disgraceful act of treason ever committed. These corrupt, power-hungry elites "
    "will stop at nothing to destroy everything we love. Wake up, patriots! Either you "
    "stand with America or you stand with the traitors. The so-called experts are lying "
    "to you, as they always have. Make our country strong again!\n"
    "The radical activists and their shameless enablers in the media want chaos, fear and "
    "ruin. They are thugs, nothing more. Never forget: freedom is never free."
)
FLAT = (
    "The county council met on Tuesday to discuss next year's road maintenance budget. "
    "Members approved a plan to resurface 14 kilometres of rural roads, at a cost of "
    "2.1 million dollars. The work is scheduled to begin in April and end in September. "
    "A council spokesperson said the contract would be awarded after a public tender."
)


def covered(text: str) -> int:
    return sum(t.end - t.start for t in find_techniques(text))


def test_techniques_spans_are_valid_offsets_with_known_labels() -> None:
    found = find_techniques(LOADED)
    assert found, "an openly propagandistic paragraph yields no technique span"
    for technique in found:
        assert 0 <= technique.start < technique.end <= len(LOADED)
        assert technique.text == LOADED[technique.start:technique.end]
        assert technique.text == technique.text.strip(" \n.,:;")
        assert technique.label in TECHNIQUES
        assert 0.0 <= technique.score <= 1.0
    Article(id="t", outlet="test", text=LOADED, techniques=tuple(found))  # contract check


def test_techniques_loaded_text_has_more_technique_text_than_flat_text() -> None:
    assert covered(LOADED) / len(LOADED) > 2 * covered(FLAT) / len(FLAT)


def test_techniques_empty_and_blank_text() -> None:
    assert find_techniques("") == []
    assert find_techniques("   \n\n  ") == []
    assert rank_labels("", [(0, 0)])[0][0][1] == pytest.approx(1 / len(TECHNIQUES))


def test_techniques_very_long_text_keeps_offsets_inside() -> None:
    text = "\n".join([FLAT, LOADED] * 12)  # ~2,000 words: many windows
    found = find_techniques(text)
    assert len(found) >= 12
    assert all(text[t.start:t.end] == t.text and t.end <= len(text) for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)


def test_techniques_rank_labels_is_a_distribution_best_first() -> None:
    start = LOADED.index("cowardly betrayal")
    ranking = rank_labels(LOADED, [(start, start + len("cowardly betrayal"))])[0]
    assert sorted(label for label, _ in ranking) == sorted(TECHNIQUES)
    assert sum(p for _, p in ranking) == pytest.approx(1.0, abs=1e-4)
    assert [p for _, p in ranking] == sorted((p for _, p in ranking), reverse=True)


@pytest.mark.parametrize("tokens", [0, 1, WINDOW, WINDOW + 1, 3 * WINDOW + 17, 1000])
def test_techniques_windows_own_every_token_once(tokens: int) -> None:
    starts = windows(tokens)
    owner = owners(tokens, starts)
    assert len(owner) == tokens
    for token, index in enumerate(owner):
        assert starts[index] <= token < starts[index] + WINDOW
    assert all(b - a <= STRIDE for a, b in itertools.pairwise(starts))


@pytest.mark.slow
def test_techniques_quality_floor_on_ptc_dev() -> None:
    """SI and TC on the first 10 PTC dev articles stay above floors set well below the
    full-dev scores in docs/models.md (a slice is noisy)."""
    if not (PTC / "dev-task2-TC.labels").exists():
        pytest.skip(f"PTC not found in {PTC}")
    from eval.framing import evaluate_si, evaluate_tc, read_ptc

    articles = read_ptc(PTC, "dev", limit=10)
    si, tc = evaluate_si(articles), evaluate_tc(articles)
    assert si["f1"] >= 0.30, si
    assert tc["micro_f1"] >= 0.40, tc
    assert np.isfinite(si["words_per_s"])
