"""The analyze stage: spaCy over a batch of articles, then the per-article layers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc

from newsprism.analyze.attribution import find_attributions
from newsprism.analyze.bias import score_article
from newsprism.analyze.entities import find_entities
from newsprism.analyze.figures import find_figures
from newsprism.analyze.framing import find_framing
from newsprism.analyze.nlp import DEFAULT_PIPELINE, load_pipeline, parse
from newsprism.analyze.quotes import find_quotes
from newsprism.analyze.techniques import find_techniques
from newsprism.model import Article, Failure, FramingSpan, Sentence

ENGLISH = (None, "en")
MAX_TITLE = 1000  # characters of a headline analysed (a scraped title can be a whole page)


def analyze_articles(articles: Iterable[Article], pipeline: str = DEFAULT_PIPELINE,
                     batch_size: int = 32, models: bool = True) -> Iterator[Article | Failure]:
    """Articles with their sentences, entities, quotes, figures and framing spans, or a
    failure for an article the analysis cannot take. With `models`, the trained models add
    the attributions the quote rules miss, propaganda techniques and a bias score per
    sentence. Articles not in English
    pass through unchanged."""
    articles = list(articles)
    limit = load_pipeline(pipeline).max_length
    todo = [a for a in articles if a.language in ENGLISH and len(a.text) <= limit]
    docs = iter(parse((article.text for article in todo), pipeline, batch_size))
    titles = iter(parse(((article.title or "")[:MAX_TITLE] for article in todo), pipeline,
                        batch_size))
    for article in articles:
        if article.language not in ENGLISH:
            yield article
        elif len(article.text) > limit:
            yield Failure(article.source or article.id, f"text of {len(article.text):,} "
                          f"characters is too long to analyze (limit {limit:,})", "analyze")
        else:
            yield _layers(article, next(docs), next(titles), models)


def _layers(article: Article, doc: Doc, title: Doc, models: bool) -> Article | Failure:
    try:
        quotes = tuple(find_quotes(doc, find_attributions(article.text) if models else ()))
        found = list(sentences(doc))
        scored, words = score_article(article.text, found) if models else (found, [])
        return replace(
            article, entities=tuple(find_entities(doc)), quotes=quotes, sentences=tuple(scored),
            figures=tuple(find_figures(doc, article.published)),
            framing=tuple(find_framing(doc, quotes, sentences=scored, words=words)),
            techniques=tuple(find_techniques(article.text)) if models else (),
            title_framing=tuple(headline_framing(title, models)))
    except Exception as exc:  # one article the analysis breaks on must not stop the batch
        return Failure(article.source or article.id,
                       f"analysis failed ({type(exc).__name__}: {exc})", "analyze")


def headline_framing(title: Doc, models: bool = True) -> list[FramingSpan]:
    """Framing spans of a headline, scored by the bias model as one sentence; a quotation
    in it (`'Permanent enemy': …`) is the speaker's, not the outlet's."""
    if not title.text.strip():
        return []
    found = [Sentence(0, len(title.text))]
    scored, words = score_article(title.text, found) if models else (found, [])
    return find_framing(title, find_quotes(title), sentences=scored, words=words)


def sentences(doc: Doc) -> Iterator[Sentence]:
    """Sentence spans without the whitespace around them."""
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + len(text) - len(text.lstrip())
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            yield Sentence(start, end)
