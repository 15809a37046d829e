"""A fine-tuned MiniLM (BERT) encoder run in numpy, for the trained framing models.

The weights are int8 per output row (symmetric, one float32 scale per row) in `.npz` files
under `data/`; they are turned back into float32 once, on load. The word-embedding table is
frozen during training, so it is shared by every model in `data/minilm/embeddings.npz`.

Why numpy and not onnxruntime: exporting and quantizing an ONNX graph needs the `onnx`
package, which is not a dependency; a six-layer BERT is a few matrix products, and numpy is
already one. Training code: `eval/finetune.py` (the `train` extra).
"""

from __future__ import annotations

import json
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
_SCALE = "::scale"


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
    """BERT encoder weights by Hugging Face state-dict name (without the `encoder.` prefix
    of the training module), plus the task heads stored beside them."""

    weights: Mapping[str, Array]
    layers: int
    heads: int
    eps: float = 1e-12

    def __call__(self, ids: IdArray, mask: IdArray) -> Array:
        """Last hidden states `[batch, tokens, hidden]` of token `ids` (`mask` 1 on real
        tokens, 0 on padding)."""
        w = self.weights
        positions = np.arange(ids.shape[1])
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][positions][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w, "embeddings.LayerNorm", self.eps)
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        for i in range(self.layers):
            x = self._layer(x, bias, f"encoder.layer.{i}.")
        return x

    def _layer(self, x: Array, bias: Array, prefix: str) -> Array:
        w, p = self.weights, prefix
        attended = self._attention(x, bias, p + "attention.self.")
        x = _layer_norm(_dense(attended, w, p + "attention.output.dense") + x, w,
                        p + "attention.output.LayerNorm", self.eps)
        hidden = _gelu(_dense(x, w, p + "intermediate.dense"))
        return _layer_norm(_dense(hidden, w, p + "output.dense") + x, w,
                           p + "output.LayerNorm", self.eps)

    def _attention(self, x: Array, bias: Array, prefix: str) -> Array:
        batch, tokens, hidden = x.shape
        size = hidden // self.heads

        def split(name: str) -> Array:
            projected = _dense(x, self.weights, prefix + name)
            return projected.reshape(batch, tokens, self.heads, size).transpose(0, 2, 1, 3)

        scores = split("query") @ split("key").transpose(0, 1, 3, 2) / np.sqrt(size) + bias
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context: Array = scores @ split("value")
        return context.transpose(0, 2, 1, 3).reshape(batch, tokens, hidden)


def _dense(x: Array, weights: Mapping[str, Array], name: str) -> Array:
    """`x @ W.T + b` as one matrix product over all tokens (much faster than per row)."""
    weight = weights[name + ".weight"]
    out: Array = x.reshape(-1, x.shape[-1]) @ weight.T + weights[name + ".bias"]
    return out.reshape(*x.shape[:-1], weight.shape[0])


def _layer_norm(x: Array, weights: Mapping[str, Array], name: str, eps: float) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: Array = (x - mean) / np.sqrt(var + eps) * weights[name + ".weight"] \
        + weights[name + ".bias"]
    return out


def _gelu(x: Array) -> Array:
    """GELU, tanh form (the models are trained with it: `hidden_act = gelu_new`)."""
    inner = x * (0.7978845608 + 0.0356774081 * x * x)
    return np.asarray(0.5 * x * (1.0 + np.tanh(inner)), dtype=np.float32)


@cache
def load_model(name: str) -> tuple[Encoder, dict[str, Any]]:
    """The encoder and metadata of `data/<name>` (or of a file path), loaded once."""
    path = Path(name) if Path(name).is_absolute() else data_path(name)
    weights, meta = read_weights(path)
    if "embeddings.word_embeddings.weight" not in weights:
        shared, _ = read_weights(data_path(EMBEDDINGS))
        weights.update(shared)
    return Encoder(weights, int(meta.get("layers", 6)), int(meta.get("heads", 12))), meta


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
