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


WordScore = tuple[int, int, float]  # a word piece's [start, end) and P(biased word)


def score_sentences(text: str, sentences: Sequence[Sentence],
                    model: str = MODEL) -> list[Sentence]:
    """The same sentences with `bias` set to P(biased) for the sentence text."""
    return score_article(text, sentences, model)[0]


def score_article(text: str, sentences: Sequence[Sentence],
                  model: str = MODEL) -> tuple[list[Sentence], list[WordScore]]:
    """The sentences with `bias` set, and the model's biased-word score of every word piece
    of them (offsets into `text`)."""
    scores, words = score_texts([text[s.start:s.end] for s in sentences], model)
    scored = [replace(sentence, bias=round(float(score), 4))
              for sentence, score in zip(sentences, scores, strict=True)]
    shifted = [(sentence.start + start, sentence.start + end, p)
               for sentence, pieces in zip(sentences, words, strict=True)
               for start, end, p in pieces]
    return scored, shifted


def bias_scores(texts: Sequence[str], model: str = MODEL) -> Array:
    """P(biased) for each text (one sentence each; longer ones are cut at MAX_TOKENS)."""
    return score_texts(texts, model)[0]


def score_texts(texts: Sequence[str],
                model: str = MODEL) -> tuple[Array, list[list[WordScore]]]:
    """P(biased) for each text, and for each text the P(biased word) of its word pieces
    from the model's word head (trained on the words BABE's annotators marked)."""
    if not texts:
        return np.zeros(0, dtype=np.float32), []
    encoder, _ = load_model(model)
    encodings = load_tokenizer().encode_batch(list(texts))
    sequences = [_ids(encoding.ids) for encoding in encodings]
    scores = np.zeros(len(texts), dtype=np.float32)
    words: list[list[WordScore]] = [[] for _ in texts]
    head = encoder.weights
    for group in batches([len(ids) for ids in sequences]):
        ids, mask = pad([sequences[i] for i in group])
        hidden = encoder(ids, mask)
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / weights.sum(axis=1)
        logits = pooled @ head["sentence.weight"].T + head["sentence.bias"]
        scores[group] = _softmax(logits)[:, 1]
        word_p = 1 / (1 + np.exp(-(hidden @ head["words.weight"][0] + head["words.bias"][0])))
        for row, index in enumerate(group):
            # positions 1..n-2 are the text's pieces ([CLS] first, [SEP] last)
            offsets = encodings[index].offsets[1:len(sequences[index]) - 1]
            words[index] = [(start, end, round(float(p), 4)) for (start, end), p
                            in zip(offsets, word_p[row, 1:len(offsets) + 1], strict=True)
                            if end > start]
    return scores, words


def _ids(ids: list[int]) -> list[int]:
    return ids if len(ids) <= MAX_TOKENS else ids[:MAX_TOKENS - 1] + ids[-1:]


def _softmax(logits: Array) -> Array:
    exp = np.exp(logits - logits.max(axis=-1, keepdims=True))
    out: Array = exp / exp.sum(axis=-1, keepdims=True)
    return out
