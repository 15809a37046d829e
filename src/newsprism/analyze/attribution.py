"""Attribution relations found by a trained tagger: what was said (content), who said it
(source) and the words that attribute it (cue).

A MiniLM fine-tuned on PolNeAR train (see `docs/models.md`), run by onnxruntime (int8
encoder `data/quotes-minilm.onnx`, head in `quotes-minilm.npz`). Each word piece gets BIO
tags for each role; a role's spans are the runs of pieces where P(B) + P(I) reaches
THRESHOLD (runs at most GAP pieces apart joined, never across a sentence end), and a new
span starts where P(B) beats P(I). Each content is linked to the nearest cue in its
paragraph and that cue to the nearest source; contents shorter than MIN_WORDS, less sure
than MIN_SCORE, or holding their own cue are dropped. `newsprism.analyze.quotes` turns the
relations into quotes with resolved speakers. The settings were chosen on training articles
held out from the model.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from newsprism.analyze.transformer import Array, load_model, load_tokenizer, softmax, token_states

MODEL = "quotes-minilm.npz"
ROLES: tuple[str, ...] = ("content", "source", "cue")
THRESHOLD = 0.4
GAP = 2
MIN_WORDS = 2
MIN_SCORE = 0.6
SENTENCE_PENALTY = 20
MAX_LINK = 40  # word pieces between a content and its cue, or a cue and its source
# `.`, `?` or `!` before a space, possibly after closing marks; not after an initial or a
# short title (`U.S.`, `J.`, `Lt.`, `Gen.`)
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])"
                           r"[.!?][\"'”’)\]]*\s")
EDGE = " \t\n,;:“”\"‘’'«»"

Run = tuple[int, int]  # first and last word piece


@dataclass(frozen=True, slots=True)
class Attribution:
    """Character spans of one relation; `score` is the mean P(content) of its pieces."""

    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    score: float


def find_attributions(text: str, model: str = MODEL,
                      threshold: float = THRESHOLD) -> list[Attribution]:
    """The attribution relations of `text`, contents in text order."""
    encoder, _ = load_model(model)
    encoding = load_tokenizer().encode(text, add_special_tokens=False)
    offsets = [(int(start), int(end)) for start, end in encoding.offsets]
    probs = tag_probabilities(encoder.weights, token_states(encoder, encoding.ids))
    return decode(text, offsets, probs, threshold)


def decode(text: str, offsets: list[tuple[int, int]], probs: Array, threshold: float,
           gap: int = GAP, min_words: int = MIN_WORDS) -> list[Attribution]:
    """Relations from the tag probabilities of the word pieces at `offsets`."""
    ends = [_ends_sentence(text, end) for _, end in offsets]
    breaks = ["\n" in text[end:following] for (_, end), (following, _) in pairwise(offsets)]
    runs = [role_runs(probs[:, role], threshold, gap, ends, breaks)
            for role in range(len(ROLES))]
    found = []
    for run in runs[0]:
        content = _chars(text, offsets, run)
        if len(text[content[0]:content[1]].split()) < min_words:
            continue
        cue = _nearest(text, offsets, run, runs[2])
        if cue is not None and run[0] <= cue[0] <= run[1]:
            continue  # what a content attributes is outside it
        source = _nearest(text, offsets, cue or run, runs[1])
        score = float(probs[run[0]:run[1] + 1, 0, 1:].sum(axis=1).mean())
        if score >= MIN_SCORE:
            found.append(Attribution(
                content, _chars(text, offsets, source) if source else None,
                _chars(text, offsets, cue) if cue else None, round(score, 4)))
    return found


def tag_probabilities(weights: Mapping[str, Array], states: Array) -> Array:
    """P(O, B, I) of every word piece for every role `[pieces, roles, 3]`."""
    logits = states @ weights["tags.weight"].T + weights["tags.bias"]
    return softmax(logits.reshape(len(states), len(ROLES), 3))


def role_runs(probs: Array, threshold: float, gap: int = 0, ends: Sequence[bool] = (),
              breaks: Sequence[bool] = ()) -> list[Run]:
    """Runs of pieces tagged inside a span, at most `gap` pieces apart (a gap holding a
    sentence end, where `ends` is true, is not bridged); a piece where P(B) beats P(I)
    starts a new run, and so does a piece after a line break (`breaks[k]`: one follows
    piece k)."""
    runs: list[list[int]] = []
    inside = probs[:, 1:].sum(axis=1) >= threshold
    for piece in map(int, np.flatnonzero(inside)):
        last = runs[-1][1] if runs else -gap - 2
        joins = (piece - last - 1 <= gap and not any(ends[last + 1:piece])
                 and not any(breaks[max(last, 0):piece]))
        if joins and probs[piece, 1] <= probs[piece, 2]:
            runs[-1][1] = piece
        else:
            runs.append([piece, piece])
    return [(first, last) for first, last in runs]


def _ends_sentence(text: str, end: int) -> bool:
    """Whether a word piece ending at `end` closes a sentence."""
    return bool(end and text[end - 1] in ".!?" and _SENTENCE_END.match(text, end - 1))


def _nearest(text: str, offsets: list[tuple[int, int]], run: Run,
             candidates: list[Run]) -> Run | None:
    """The candidate run closest to `run` (in pieces, at most MAX_LINK) with no line break
    between them; one across a sentence end counts SENTENCE_PENALTY pieces farther (a
    cue is nearly always in a sentence its content touches)."""
    best: tuple[int, Run] | None = None
    for other in candidates:
        gap = max(other[0] - run[1], run[0] - other[1], 0)
        first, second = sorted((run, other))
        between = text[offsets[first[1]][1]:offsets[second[0]][0]]
        if "\n" in between:
            continue
        if _SENTENCE_END.search(between):
            gap += SENTENCE_PENALTY
        if gap <= MAX_LINK and (best is None or gap < best[0]):
            best = (gap, other)
    return best[1] if best else None


def _chars(text: str, offsets: list[tuple[int, int]], run: Run) -> tuple[int, int]:
    """Character span of a run, widened to whole words (a run that starts or ends inside a
    word) and trimmed of quotation marks, edge punctuation and spaces."""
    start, end = offsets[run[0]][0], offsets[run[1]][1]
    while start > 0 and text[start].isalnum() and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end
