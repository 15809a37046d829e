"""A fine-tuned MiniLM (BERT) encoder run by onnxruntime, for the trained framing models.

Each model is two files under `data/`: `<name>.onnx`, the six BERT layers from word
embeddings to hidden states with int8 weights, and `<name>.npz`, its task heads (int8 per
output row, one float32 scale per row) and metadata. The word-embedding table is frozen
during training, so every model shares `data/minilm/embeddings.npz`; it is looked up here,
outside the graph. Training and export: `eval/finetune.py`, `eval/export_onnx.py` (the
`train` extra).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from tokenizers import Tokenizer

from newsprism.errors import ConfigError

Array = npt.NDArray[np.float32]
IdArray = npt.NDArray[np.int64]
EMBEDDINGS = "minilm/embeddings.npz"
TOKENIZER = "minilm/tokenizer.json"
BASE_ENCODER = "minilm/encoder.onnx"  # all-MiniLM-L6-v2 untrained, int8: sentence embeddings
_SCALE = "::scale"
WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"
# Weight names that belong to the encoder graph, not to a task head.
ENCODER_PREFIXES = ("embeddings.", "encoder.")
WINDOW = 126  # word pieces per window, without [CLS] and [SEP]
STRIDE = 96
CLS, SEP = 101, 102


def data_path(name: str) -> Path:
    """The path of `data/<name>` inside the installed package."""
    return Path(str(resources.files("newsprism").joinpath("data", name)))


@cache
def load_tokenizer() -> Tokenizer:
    """The all-MiniLM-L6-v2 WordPiece tokenizer, without truncation or padding."""
    tokenizer = Tokenizer.from_file(str(data_path(TOKENIZER)))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def read_weights(path: Path) -> tuple[dict[str, Array], dict[str, Any]]:
    """Float32 arrays of an `.npz` weights file (int8 rows dequantized) and its metadata."""
    try:
        stored = np.load(path, allow_pickle=False)
    except OSError as exc:
        raise ConfigError(f"cannot read model weights {path}: {exc}") from exc
    with stored:
        arrays = {name: stored[name] for name in stored.files}
    meta = json.loads(str(arrays.pop("meta"))) if "meta" in arrays else {}
    weights = {}
    for name, array in arrays.items():
        if name.endswith(_SCALE):
            continue
        if array.dtype == np.int8:
            array = array.astype(np.float32) * arrays[name + _SCALE][:, None]
        weights[name] = array.astype(np.float32)
    return weights, meta


@dataclass(frozen=True)
class Encoder:
    """An encoder session, the shared word embeddings, and the model's task heads by name."""

    session: Any  # onnxruntime.InferenceSession
    words: Array
    weights: Mapping[str, Array]

    def __call__(self, ids: IdArray, mask: IdArray) -> Array:
        """Last hidden states `[batch, tokens, hidden]` of token `ids` (`mask` 1 on real
        tokens, 0 on padding)."""
        hidden: Array = self.session.run(None, {"embeds": self.words[ids], "mask": mask})[0]
        return hidden


def onnx_session(path: Path, threads: int) -> Any:
    """An onnxruntime CPU session of the graph at `path` (onnxruntime is imported here,
    with its telemetry off)."""
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    try:
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own untyped errors
        raise ConfigError(f"cannot load model {path}: {exc}") from exc


def onnx_path(npz: Path) -> Path:
    """The encoder graph that goes with a model's heads file."""
    return npz.with_suffix(".onnx")


@cache
def load_model(name: str) -> tuple[Encoder, dict[str, Any]]:
    """The encoder and metadata of `data/<name>` (or of a file path), loaded once. One
    thread per model: analysis runs one process per core."""
    path = Path(name) if Path(name).is_absolute() else data_path(name)
    heads, meta = read_weights(path)
    session = onnx_session(onnx_path(path), threads=1)
    return Encoder(session, word_embeddings(), heads), meta


@cache
def word_embeddings() -> Array:
    """The shared, frozen word-embedding table (float32), loaded once."""
    return read_weights(data_path(EMBEDDINGS))[0][WORD_EMBEDDINGS]


def batches(lengths: list[int], budget: int = 4096, size: int = 16) -> list[list[int]]:
    """Indices grouped by similar length: at most `size` per group and at most `budget`
    padded tokens (small groups of sorted lengths waste little on padding)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    groups: list[list[int]] = []
    for index in order:
        if groups and len(groups[-1]) < size \
                and (len(groups[-1]) + 1) * lengths[index] <= budget:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def pad(sequences: list[list[int]]) -> tuple[IdArray, IdArray]:
    """Token ids padded with 0 into one array, and the attention mask."""
    width = max(len(sequence) for sequence in sequences)
    ids = np.zeros((len(sequences), width), dtype=np.int64)
    mask = np.zeros((len(sequences), width), dtype=np.int64)
    for row, sequence in enumerate(sequences):
        ids[row, :len(sequence)] = sequence
        mask[row, :len(sequence)] = 1
    return ids, mask


def token_states(encoder: Encoder, ids: list[int]) -> Array:
    """Last hidden state of every word piece of a long text `[tokens, hidden]`: the text is
    read in overlapping windows of WINDOW pieces and each piece keeps the state of the window
    where it sits most centrally."""
    starts = windows(len(ids))
    owner = owners(len(ids), starts)
    states = np.zeros((len(ids), encoder.words.shape[1]), dtype=np.float32)
    for batch in range(0, len(starts), 16):
        chunk = starts[batch:batch + 16]
        hidden = encoder(*pad([[CLS, *ids[s:s + WINDOW], SEP] for s in chunk]))
        for row, start in enumerate(chunk):
            tokens = np.flatnonzero(owner == batch + row)
            states[tokens] = hidden[row, tokens - start + 1]
    return states


def windows(tokens: int, size: int = WINDOW, stride: int = STRIDE) -> list[int]:
    """Start token of each window; the last window ends at the last token."""
    if tokens <= size:
        return [0] if tokens else []
    starts = list(range(0, tokens - size, stride))
    return [*starts, tokens - size]


def owners(tokens: int, starts: list[int], size: int = WINDOW) -> npt.NDArray[np.int64]:
    """For each token, the index of the window where it is farthest from an edge."""
    owner = np.full(tokens, -1)
    best = np.full(tokens, -1)
    for index, start in enumerate(starts):
        positions = np.arange(start, min(start + size, tokens))
        centrality = np.minimum(positions - start, positions[-1] - positions)
        better = centrality > best[positions]
        owner[positions[better]], best[positions[better]] = index, centrality[better]
    return owner


def softmax(logits: Array) -> Array:
    exp = np.exp(logits - logits.max(axis=-1, keepdims=True))
    out: Array = exp / exp.sum(axis=-1, keepdims=True)
    return out
