"""The sentence-bias model: loaded vs flat sentences in both political directions, symmetry,
edge cases and a BABE quality floor.

Sentences are written for these tests; BABE is read from ../shared/eval at test time.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.analyze.bias import bias_scores, score_sentences
from newsprism.model import Sentence

ROOT = Path(__file__).resolve().parent.parent
BABE = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared")) / "eval" / "babe"

FLAT = [
    "The city council approved the transit budget on Tuesday by a vote of seven to two.",
    "The senator introduced the bill in March, and a committee hearing is set for June.",
    "The agency said it had received about 4,000 applications since the program opened.",
]
# Pairs: the same loaded sentence aimed at the left and at the right.
LOADED_PAIRS = [
    ("Radical left-wing extremists are ramming their insane socialist agenda down the "
     "throats of hardworking Americans.",
     "Radical right-wing extremists are ramming their insane nationalist agenda down the "
     "throats of hardworking Americans."),
    ("The spineless Democrats once again caved to their hysterical, unhinged base.",
     "The spineless Republicans once again caved to their hysterical, unhinged base."),
    ("Liberal elites sneer at ordinary voters while pushing their disastrous, "
     "job-killing schemes.",
     "Conservative elites sneer at ordinary voters while pushing their disastrous, "
     "cruel schemes."),
]


@pytest.mark.parametrize("pair", LOADED_PAIRS)
def test_bias_loaded_sentence_scores_above_flat_ones_in_both_directions(
        pair: tuple[str, str]) -> None:
    loaded = bias_scores(list(pair))
    flat = bias_scores(FLAT)
    assert min(loaded) > max(flat)
    assert min(loaded) >= 0.5 > max(flat)


@pytest.mark.parametrize("pair", LOADED_PAIRS)
def test_bias_symmetry_swapping_the_target_side_keeps_the_flag(pair: tuple[str, str]) -> None:
    at_left, at_right = bias_scores(list(pair))
    assert (at_left >= 0.5) == (at_right >= 0.5)
    assert abs(float(at_left) - float(at_right)) < 0.3


def test_bias_score_sentences_keeps_spans_and_sets_scores() -> None:
    text = f"{FLAT[0]} {LOADED_PAIRS[0][0]}"
    first = Sentence(0, len(FLAT[0]))
    second = Sentence(len(FLAT[0]) + 1, len(text))
    scored = score_sentences(text, [first, second])
    assert [(s.start, s.end) for s in scored] == [(first.start, first.end),
                                                  (second.start, second.end)]
    assert all(s.bias is not None and 0.0 <= s.bias <= 1.0 for s in scored)
    assert scored[0].bias is not None and scored[1].bias is not None
    assert scored[1].bias > scored[0].bias


def test_bias_empty_inputs() -> None:
    assert score_sentences("", []) == []
    assert len(bias_scores([])) == 0
    (score,) = bias_scores([""])
    assert 0.0 <= float(score) <= 1.0


def test_bias_very_long_sentence_is_cut_not_refused() -> None:
    (score,) = bias_scores([" ".join([FLAT[0].rstrip(".")] * 40) + "."])
    assert 0.0 <= float(score) <= 1.0


def test_bias_scores_barely_depend_on_batch_company() -> None:
    """Padding is masked, so a sentence's score depends on its batch only through the int8
    graph's activation scale, which onnxruntime sets per batch: a small shift, no more."""
    alone = bias_scores([FLAT[1]])
    together = bias_scores([LOADED_PAIRS[0][0], FLAT[1], " ".join(FLAT)])
    assert float(alone[0]) == pytest.approx(float(together[1]), abs=0.01)


@pytest.mark.slow
def test_bias_quality_floor_on_sg1_sentences_not_in_training() -> None:
    """Macro-F1 of the shipped model on 150 SG1 sentences it was not trained on stays above
    a floor set well below its full held-out score in docs/models.md."""
    if not (BABE / "final_labels_SG1.csv").exists():
        pytest.skip(f"BABE not found in {BABE}")
    from eval.babe import read_babe
    from eval.framing import babe_report

    seen = {e.text for e in read_babe(BABE / "babe_train.csv")}
    unseen = [e for e in read_babe(BABE / "final_labels_SG1.csv") if e.text not in seen][:150]
    scores = bias_scores([e.text for e in unseen])
    report = babe_report([(e.label, e.outlet_type, float(s))
                          for e, s in zip(unseen, scores, strict=True)])
    assert report["macro_f1"] >= 0.65, report
