"""One story's comparison as one self-contained HTML file.

Everything is inline (CSS, a small script, no URL of any kind); a Content-Security-Policy
allows only that script and style, by hash, so even markup slipping through escaping could
neither run nor load anything. The page reads fully without JavaScript: the script only
moves tooltips off ``title`` attributes and highlights the whole sentence a link jumps to.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from newsprism.model import (
    Article,
    BriefSentence,
    Comparison,
    Conflict,
    Evidence,
    Fact,
    FigureValue,
    FramingSpan,
    Naming,
    Quote,
)
from newsprism.report.citations import SECTIONS, citation_span
from newsprism.report.highlight import Mark, Target, highlight, locate
from newsprism.report.labels import article_labels
from newsprism.report.matrix import MEANINGS, SYMBOLS, fact_status, summary_parts
from newsprism.report.profiles import profile_rows
from newsprism.report.speakers import UNKNOWN_SPEAKER, Said, Speaker, quotes_by_speaker
from newsprism.report.titles import usable_title


@dataclass(slots=True)
class ArticleView:
    """An article column: metadata, and its text with highlights and link targets."""

    key: str
    id: str
    label: str
    outlet: str
    title: str | None
    article: Article | None
    targets: dict[tuple[int, int], str] = field(default_factory=dict)
    body: Markup = field(default_factory=Markup)
    headline: Markup = field(default_factory=Markup)

    def anchor(self, start: int, end: int, covered: str | None = None) -> str:
        """``#id`` of the target at that span, or of the article column when there is none."""
        text = self.article.text if self.article else ""
        span = locate(text, start, end, covered)
        return f"#{self.targets.get(span, self.key) if span else self.key}"

    def add_target(self, start: int, end: int, covered: str | None = None) -> None:
        span = locate(self.article.text, start, end, covered) if self.article else None
        if span and span not in self.targets:
            self.targets[span] = f"{self.key}-{span[0]}-{span[1]}"


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    href: str | None
    title: str


@dataclass(frozen=True, slots=True)
class Cell:
    status: str
    symbol: str
    meaning: str
    href: str | None
    tip: str


@dataclass(frozen=True, slots=True)
class Value:
    article: Link
    value: FigureValue
    published: str | None
    href: str

    @property
    def number(self) -> str:
        """The normalised value: `5,600`, `0.4`, or `—` when unknown."""
        number = self.value.value
        if number is None:
            return "—"
        return f"{int(number):,}" if float(number).is_integer() else f"{number:,.6g}"


Cited = tuple[BriefSentence, list[Link]]


@dataclass(frozen=True, slots=True)
class Utterance:
    article: Link
    said: Said
    href: str


def render_html(comparison: Comparison, articles: Sequence[Article]) -> str:
    """The report of one story's comparison as a complete, self-contained HTML document."""
    views = _article_views(comparison, articles)
    by_id = {view.id: view for view in views}
    brief = _brief(comparison, by_id)
    _collect_targets(comparison, views)
    for view in views:
        view.body = _body(view, comparison)
        view.headline = _headline(view)
    context = {
        "story": comparison, "articles": views, "brief": brief,
        "conflicts": [(c, _values(c, by_id)) for c in comparison.conflicts],
        "matrix": [(summary_parts(fact), _cells(fact, comparison, views), fact)
                   for fact in comparison.facts],
        "speakers": _speakers(comparison, views, by_id),
        "naming": [(n, _naming_cells(n, views)) for n in comparison.naming if n.differs],
        "named_alike": [n.referent for n in comparison.naming if not n.differs],
        "sourcing": profile_rows(comparison.sourcing, [v.id for v in views]),
        "framing": profile_rows(comparison.framing, [v.id for v in views]),
        "syndicated": [(_link(c, by_id), _link(o, by_id)) for o, c in comparison.syndicated],
        "symbols": SYMBOLS, "meanings": MEANINGS, "unknown_speaker": UNKNOWN_SPEAKER,
        **_assets(),
    }
    return _environment().get_template("report.html").render(context)


def _article_views(comparison: Comparison, articles: Sequence[Article]) -> list[ArticleView]:
    by_id = {article.id: article for article in articles}
    ids = comparison.articles or tuple(by_id)
    labels = article_labels(ids)
    return [ArticleView(f"a{index}", article_id, labels[article_id],
                        by_id[article_id].outlet if article_id in by_id else "",
                        usable_title(by_id.get(article_id)), by_id.get(article_id))
            for index, article_id in enumerate(ids)]


def _brief(comparison: Comparison, by_id: dict[str, ArticleView]) -> list[tuple[str, list[Cited]]]:
    """Brief sentences by section, each citation linked to its evidence sentence (whose
    target this registers)."""
    sections: dict[str, list[Cited]] = {}
    for sentence in comparison.brief:
        links = [_cite(sentence, cited, comparison, by_id) for cited in sentence.cites]
        sections.setdefault(sentence.section, []).append((sentence, links))
    order = [*SECTIONS, *sorted(set(sections) - set(SECTIONS))]
    return [(SECTIONS.get(name, name), sections[name]) for name in order if name in sections]


def _cite(sentence: BriefSentence, cited: str, comparison: Comparison,
          by_id: dict[str, ArticleView]) -> Link:
    view = by_id.get(cited)
    if view is None or view.article is None:
        return Link(cited, None, f"{cited}: this article is not in the report")
    span = citation_span(sentence, view.article, comparison)
    if span is None:
        return Link(view.label, f"#{view.key}", _describe(view))
    view.add_target(span.start, span.end, span.text)
    return Link(view.label, view.anchor(span.start, span.end, span.text), _describe(view))


def _collect_targets(comparison: Comparison, views: Sequence[ArticleView]) -> None:
    """Register every span something links to, in the article that holds it."""
    by_id = {view.id: view for view in views}
    for article_id, span in _linked_spans(comparison, views):
        if article_id in by_id:
            by_id[article_id].add_target(span.start, span.end, span.text)


def _linked_spans(comparison: Comparison,
                  views: Sequence[ArticleView]) -> Iterator[tuple[str, Evidence | FigureValue]]:
    """Fact evidence, conflicting values, and quotes (the articles' and the aligned ones)."""
    for fact in comparison.facts:
        yield from ((aid, item) for aid, items in fact.reported_by.items() for item in items)
    yield from ((v.article, v) for conflict in comparison.conflicts for v in conflict.values)
    for view in views:
        quotes = view.article.quotes if view.article else ()
        yield from ((view.id, Evidence(q.start, q.end, q.text)) for q in quotes)
    for voice in comparison.quotes:
        yield from ((aid, item) for aid, items in voice.quotes.items() for item in items)


def _body(view: ArticleView, comparison: Comparison) -> Markup:
    if view.article is None:
        return Markup("")
    targets = [Target(start, end, anchor) for (start, end), anchor in view.targets.items()]
    return highlight(view.article.text, _marks(view.article, comparison), targets)


def _headline(view: ArticleView) -> Markup:
    """The title escaped, with the framing spans of the headline marked."""
    article = view.article
    if article is None or view.title is None or article.title != view.title:
        return Markup(escape(view.title or ""))
    return highlight(view.title, [_framing_mark(s) for s in article.title_framing], [])


def _framing_mark(span: FramingSpan) -> Mark:
    return Mark(span.start, span.end, "framing",
                f"framing: {span.label} ({span.score:.2f}) — {span.evidence}")


def _marks(article: Article, comparison: Comparison) -> list[Mark]:
    marks = [_framing_mark(s) for s in article.framing]
    marks += [Mark(t.start, t.end, "technique", f"technique: {t.label} ({t.score:.2f})")
              for t in article.techniques]
    marks += [Mark(q.start, q.end, "quote", quote_tip(q)) for q in article.quotes]
    for conflict in comparison.conflicts:
        marks += [Mark(v.start, v.end, "figure", figure_tip(conflict, v))
                  for v in conflict.values if v.article == article.id]
    return [mark for mark in marks if locate(article.text, mark.start, mark.end)]


def quote_tip(quote: Quote) -> str:
    """``quote — Jane Roe (named, mayor); said [neutral]; direct quote``."""
    who = ", ".join(x for x in (quote.speaker_type, quote.speaker_role) if x)
    verb = f"{quote.verb or 'no attribution verb'}" + \
        (f" [{quote.verb_class}]" if quote.verb_class else "")
    kind = "direct quote" if quote.direct else "reported speech"
    return f"quote — {quote.speaker or UNKNOWN_SPEAKER} ({who}); {verb}; {kind}"


def figure_tip(conflict: Conflict, value: FigureValue) -> str:
    qualifier = f"{value.qualifier} " if value.qualifier else ""
    source = f", according to {value.attributed_to}" if value.attributed_to else ""
    return f"{conflict.kind}: {conflict.quantity} — {qualifier}{value.text}{source}"


def _values(conflict: Conflict, by_id: dict[str, ArticleView]) -> list[Value]:
    values = []
    for value in conflict.values:
        view = by_id.get(value.article)
        published = value.published or (view.article.published if view and view.article
                                         else None)
        href = view.anchor(value.start, value.end, value.text) if view else "#articles"
        values.append(Value(_link(value.article, by_id), value, published, href))
    return values


def _cells(fact: Fact, comparison: Comparison, views: Sequence[ArticleView]) -> list[Cell]:
    cells = []
    for view in views:
        status = fact_status(fact, view.id, comparison.conflicts)
        evidence = fact.reported_by.get(view.id, ())
        href = view.anchor(evidence[0].start, evidence[0].end, evidence[0].text) \
            if evidence else None
        tip = " … ".join(e.text for e in evidence) or MEANINGS[status]
        cells.append(Cell(status, SYMBOLS[status], MEANINGS[status], href, tip))
    return cells


def _speakers(comparison: Comparison, views: Sequence[ArticleView],
              by_id: dict[str, ArticleView]) -> list[tuple[Speaker, list[Utterance]]]:
    articles = [view.article for view in views if view.article]
    return [(speaker, [_utterance(said, by_id) for said in speaker.said])
            for speaker in quotes_by_speaker(articles, comparison.quotes)]


def _utterance(said: Said, by_id: dict[str, ArticleView]) -> Utterance:
    view = by_id.get(said.article)
    href = view.anchor(said.start, said.end, said.text) if view else "#quotes"
    return Utterance(_link(said.article, by_id), said, href)


def _naming_cells(naming: Naming, views: Sequence[ArticleView]) -> list[tuple[str | None, bool]]:
    return [(naming.forms.get(v.id), naming.is_loaded(v.id)) for v in views]


def _link(article_id: str, by_id: dict[str, ArticleView]) -> Link:
    view = by_id.get(article_id)
    if view is None:
        return Link(article_id, None, f"{article_id}: this article is not in the report")
    return Link(view.label, f"#{view.key}", _describe(view))


def _describe(view: ArticleView) -> str:
    return f"{view.id} · {view.outlet or 'unknown outlet'} — {view.title or 'no usable title'}"


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("newsprism.report", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@cache
def _assets() -> dict[str, Markup | str]:
    """The inline style and script, and a Content-Security-Policy allowing only them."""
    folder = files("newsprism.report") / "templates"
    css = (folder / "report.css").read_text(encoding="utf-8")
    js = (folder / "report.js").read_text(encoding="utf-8")
    policy = (f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
              "base-uri 'none'; form-action 'none'")
    return {"css": Markup(css), "js": Markup(js), "policy": policy}


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
