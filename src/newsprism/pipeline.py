"""The pipeline: inputs → raw documents → articles → named stages, failures recorded.

A stage is a named callable `Article -> Article`. One bad input or article never stops a
run: it becomes a `Failure` naming the input, the stage and the problem.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from newsprism.clean.html import extract_html
from newsprism.clean.language import detect_language
from newsprism.clean.lines import clean_lines
from newsprism.clean.text import normalize_text, split_headline
from newsprism.config import Settings, load_settings
from newsprism.errors import InputError, NewsprismError
from newsprism.ingest.outlets import OutletMap, OutletResolver
from newsprism.ingest.read import read_source
from newsprism.ingest.sources import Source, discover
from newsprism.model import Article, Failure, RawDocument

Stage = tuple[str, Callable[[Article], Article]]


def find_inputs(paths: Sequence[str], settings: Settings) -> list[Source | Failure]:
    """The inputs named by `paths` (files, folders walked recursively, `-` for stdin)."""
    return list(discover(paths, settings.ingest.include, settings.ingest.exclude))


def read_inputs(inputs: Iterable[Source | Failure], settings: Settings,
                stdin: BinaryIO | None = None) -> Iterator[RawDocument | Failure]:
    """Every raw document in `inputs`, or a failure per input (or record) that is bad."""
    conf = settings.ingest
    for item in inputs:
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_source(item, conf.max_bytes, conf.fallback_encoding, stdin)


def build_article(raw: RawDocument, outlets: OutletResolver) -> Article:
    """The clean stage: a raw document becomes an article with its final text."""
    notes = list(raw.notes)
    title, url, published, sitename, author = raw.title, raw.url, raw.published, None, None
    if raw.kind == "html":
        page = extract_html(raw.content, raw.source)
        body, sitename, author = page.text, page.sitename, page.author
        title, url, published = title or page.title, url or page.url, published or page.published
    elif title is None:
        title, body, note = split_headline(normalize_text(raw.content))
        notes += [note] if note else []
    else:
        body = normalize_text(raw.content)
    cleaned = clean_lines(body)
    if not cleaned.text:
        raise InputError(raw.source, f"no article text left after cleaning (all "
                                     f"{len(cleaned.removed)} lines were page debris)")
    language = detect_language(cleaned.text)
    if language not in (None, "en"):
        notes.append(f"language {language!r}: not English, skipped by the English analysis")
    outlet = outlets.resolve(record=raw.outlet or sitename, url=url, source=raw.origin,
                             stem=Path(raw.origin).stem if raw.origin != "-" else raw.id)
    return Article(id=raw.id, outlet=outlet, text=cleaned.text,
                   title=title and normalize_text(title), url=url,
                   published=published or cleaned.published, dateline=cleaned.dateline,
                   byline=author or cleaned.byline, language=language, source=raw.source,
                   content_hash=raw.content_hash, notes=tuple(notes), removed=cleaned.removed)


def run(raws: Iterable[RawDocument | Failure], outlets: OutletResolver | None = None,
        stages: Sequence[Stage] = (), time_limit: float = 0) -> Iterator[Article | Failure]:
    """Clean each raw document, then apply `stages` in order.

    `time_limit` (seconds, 0 for none) bounds the work on one document; it is enforced with
    a timer signal, so only when the pipeline runs in the main thread.
    """
    resolver = outlets or OutletResolver()
    for raw in raws:
        if isinstance(raw, Failure):
            yield raw
            continue
        yield _process(raw, resolver, stages, time_limit)


@contextmanager
def _deadline(seconds: float, source: str) -> Iterator[None]:
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise InputError(source, f"processing took longer than {seconds:g} s "
                                 "(setting clean.time_limit)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _process(raw: RawDocument, outlets: OutletResolver, stages: Sequence[Stage],
             time_limit: float) -> Article | Failure:
    stage = "clean"
    try:
        with _deadline(time_limit, raw.source):
            article = build_article(raw, outlets)
            for name, apply in stages:
                stage = name
                article = apply(article)
    except InputError as exc:
        return Failure(exc.source, exc.problem, stage)
    except NewsprismError as exc:
        return Failure(raw.source, str(exc), stage)
    except Exception as exc:  # one broken article must not stop the batch
        return Failure(raw.source, f"internal error ({type(exc).__name__}: {exc})", stage)
    return article


def read(paths: Sequence[str], *, outlets: str | Path | None = None, outlet: str | None = None,
         settings: Settings | None = None) -> tuple[list[Article], list[Failure]]:
    """Read and clean every article in `paths`; return the articles and the failures."""
    settings = settings or load_settings()
    resolver = OutletResolver(OutletMap.load(outlets) if outlets else OutletMap(), outlet)
    articles: list[Article] = []
    failures: list[Failure] = []
    raws = read_inputs(find_inputs(paths, settings), settings)
    for item in run(raws, resolver, time_limit=settings.clean.time_limit):
        (failures if isinstance(item, Failure) else articles).append(item)  # type: ignore[arg-type]
    return articles, failures
