"""The pipeline: inputs → raw documents → articles → named stages, failures recorded.

A stage is a named callable `Article -> Article`. One bad input or article never stops a
run: it becomes a `Failure` naming the input, the stage and the problem.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import BinaryIO

from newsprism.analyze.stage import analyze_articles
from newsprism.clean.dates import url_date
from newsprism.clean.html import extract_html
from newsprism.clean.language import detect_language
from newsprism.clean.lines import clean_lines
from newsprism.clean.templates import clean_batch, profiles
from newsprism.clean.text import normalize_text, split_headline
from newsprism.config import Settings, load_settings
from newsprism.errors import InputError, NewsprismError
from newsprism.ingest.outlets import OutletMap, OutletResolver
from newsprism.ingest.read import read_source
from newsprism.ingest.sources import Source, discover
from newsprism.model import Article, Failure, RawDocument

Stage = tuple[str, Callable[[Article], Article]]
Tracker = Callable[[Iterable[Article | Failure], str, int], Iterable[Article | Failure]]


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
    language = detect_language(body)
    # the context rules (captions, inserted headlines) are only known to hold for English
    cleaned = clean_lines(body, context_rules=language in (None, "en"))
    if not cleaned.text:
        raise InputError(raw.source, f"no article text left after cleaning (all "
                                     f"{len(cleaned.removed)} lines were page debris)")
    if language not in (None, "en"):
        notes.append(f"language {language!r}: not English, skipped by the English analysis")
    published = published or cleaned.published
    if published is None and (published := url_date(url)):
        notes.append(f"publication date {published} taken from the URL")
    outlet = outlets.resolve(record=raw.outlet or sitename, url=url, source=raw.origin,
                             stem=Path(raw.origin).stem if raw.origin != "-" else raw.id)
    return Article(id=raw.id, outlet=outlet, text=cleaned.text,
                   title=title and normalize_text(title), url=url,
                   published=published, dateline=cleaned.dateline,
                   byline=author or cleaned.byline, language=language, source=raw.source,
                   content_hash=raw.content_hash, notes=tuple(notes), removed=cleaned.removed)


def clean(raws: Iterable[RawDocument | Failure], outlets: OutletResolver | None = None,
          time_limit: float = 0) -> Iterator[Article | Failure]:
    """The clean stage on each raw document; failures pass through."""
    resolver = outlets or OutletResolver()
    for raw in raws:
        yield raw if isinstance(raw, Failure) else _guarded(
            raw.source, "clean", partial(build_article, raw, resolver), time_limit)


def apply_stages(items: Iterable[Article | Failure], stages: Sequence[Stage],
                 time_limit: float = 0) -> Iterator[Article | Failure]:
    """Apply `stages` in order to each article; failures pass through."""
    for item in items:
        yield item if isinstance(item, Failure) or not stages else _guarded(
            item.source or item.id, "", partial(_staged, item, stages), time_limit)


def run(raws: Iterable[RawDocument | Failure], outlets: OutletResolver | None = None,
        stages: Sequence[Stage] = (), time_limit: float = 0) -> Iterator[Article | Failure]:
    """Clean and analyze one document at a time (streaming, no cross-document cleaning).

    `time_limit` (seconds, 0 for none) bounds the work on one document in each step; it is
    enforced with a timer signal, so only when the pipeline runs in the main thread.
    """
    return apply_stages(clean(raws, outlets, time_limit), stages, time_limit)


def process(raws: Iterable[RawDocument | Failure], outlets: OutletResolver,
            settings: Settings, stages: Sequence[Stage] = (),
            stored: Callable[[str], Iterable[Article]] | None = None, analyze: bool = True,
            track: Tracker | None = None) -> tuple[list[Article], list[Failure]]:
    """A batch: clean each document, clean across documents (outlet templates, other
    stories' headlines), analyze (unless `analyze` is off), then apply `stages`.
    `stored(outlet)` gives articles of an outlet seen before (from the store), to learn its
    templates from; `track(items, description, total)` may wrap the analysis to show
    progress."""
    limit = settings.clean.time_limit
    cleaned = list(clean(raws, outlets, limit))
    fresh = [item for item in cleaned if isinstance(item, Article)]
    seen = {article.id for article in fresh}
    earlier = profiles(article for outlet in {a.outlet for a in fresh}
                          for article in (stored(outlet) if stored else ())
                          if article.id not in seen)
    batch = clean_batch(fresh, settings.clean.template_min_articles,
                        settings.clean.template_min_share, earlier)
    failures = [item for item in cleaned if isinstance(item, Failure)]
    analyzed: Iterable[Article | Failure] = batch
    if analyze:
        analyzed = analyze_articles(batch, settings.analyze.pipeline, settings.analyze.batch_size,
                                    settings.analyze.models)
        if track is not None:
            analyzed = track(analyzed, "Analyzing", len(batch))
    articles = []
    for item in apply_stages(analyzed, stages, limit):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            articles.append(item)
    return articles, failures


class _StageError(Exception):
    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(str(error))
        self.stage, self.error = stage, error


def _staged(article: Article, stages: Sequence[Stage]) -> Article:
    for name, apply in stages:
        try:
            article = apply(article)
        except Exception as exc:
            raise _StageError(name, exc) from exc
    return article


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


def _guarded(source: str, stage: str, work: Callable[[], Article],
             time_limit: float) -> Article | Failure:
    """Run `work` within the time limit; any error becomes a `Failure` for `source`."""
    try:
        with _deadline(time_limit, source):
            return work()
    except _StageError as exc:
        stage, error = exc.stage, exc.error
    except Exception as exc:  # one broken article must not stop the batch
        error = exc
    if isinstance(error, InputError):
        return Failure(error.source, error.problem, stage)
    if isinstance(error, NewsprismError):
        return Failure(source, str(error), stage)
    return Failure(source, f"internal error ({type(error).__name__}: {error})", stage)


def read(paths: Sequence[str], *, outlets: str | Path | None = None, outlet: str | None = None,
         settings: Settings | None = None,
         analyze: bool = True) -> tuple[list[Article], list[Failure]]:
    """Read, clean and (unless `analyze` is off) analyze every article in `paths`; return
    the articles and the failures."""
    settings = settings or load_settings()
    resolver = OutletResolver(OutletMap.load(outlets) if outlets else OutletMap(), outlet)
    return process(read_inputs(find_inputs(paths, settings), settings), resolver, settings,
                   analyze=analyze)
