"""Language identification with py3langid (its model ships inside the wheel)."""

from __future__ import annotations

from functools import cache
from typing import Any

SAMPLE_CHARS = 800


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    code, _probability = _identifier().classify(sample)
    return str(code)
