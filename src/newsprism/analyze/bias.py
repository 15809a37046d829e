"""Sentence bias: the probability that a sentence is biased or opinionated.

A MiniLM fine-tuned on BABE (expert labels Biased / Non-biased; see `docs/models.md`),
run by onnxruntime (int8 encoder `data/bias-minilm.onnx`, head in `bias-minilm.npz`).
Sentences are scored in batches of similar length; the model is loaded once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from newsprism.analyze.transformer import Array, batches, load_model, load_tokenizer, pad
from newsprism.model import Sentence

MODEL = "bias-minilm.npz"
MAX_TOKENS = 128


def score_sentences(text: str, sentences: Sequence[Sentence],
                    model: str = MODEL) -> list[Sentence]:
    """The same sentences with `bias` set to P(biased) for the sentence text."""
    scores = bias_scores([text[s.start:s.end] for s in sentences], model)
    return [replace(sentence, bias=round(float(score), 4))
            for sentence, score in zip(sentences, scores, strict=True)]


def bias_scores(texts: Sequence[str], model: str = MODEL) -> Array:
    """P(biased) for each text (one sentence each; longer ones are cut at MAX_TOKENS)."""
    if not texts:
        return np.zeros(0, dtype=np.float32)
    encoder, _ = load_model(model)
    sequences = [_ids(encoding.ids) for encoding in load_tokenizer().encode_batch(list(texts))]
    scores = np.zeros(len(texts), dtype=np.float32)
    for group in batches([len(ids) for ids in sequences]):
        ids, mask = pad([sequences[i] for i in group])
        hidden = encoder(ids, mask)
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / weights.sum(axis=1)
        logits = pooled @ encoder.weights["sentence.weight"].T + encoder.weights["sentence.bias"]
        scores[group] = _softmax(logits)[:, 1]
    return scores


def _ids(ids: list[int]) -> list[int]:
    return ids if len(ids) <= MAX_TOKENS else ids[:MAX_TOKENS - 1] + ids[-1:]


def _softmax(logits: Array) -> Array:
    exp = np.exp(logits - logits.max(axis=-1, keepdims=True))
    out: Array = exp / exp.sum(axis=-1, keepdims=True)
    return out
