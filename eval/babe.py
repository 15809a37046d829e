"""BABE's labelled sentences (`../shared/eval/babe`), read without the `train` extra."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

LABELS = {"Non-biased": 0, "Biased": 1}


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: int
    outlet_type: str
    biased_words: tuple[str, ...]


def read_babe(path: Path) -> list[Example]:
    """Labelled sentences of a BABE CSV (`;`-separated); `No agreement` rows left out."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return [Example(row["text"], LABELS[row["label_bias"]], row["type"] or "unknown",
                    tuple(re.findall(r"'([^']+)'", row["biased_words"] or "")))
            for row in rows if row["label_bias"] in LABELS]
