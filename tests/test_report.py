"""Report renderers on a story written for these tests: two outlets disagreeing on a figure,
an omitted fact, loaded wording inside and outside a quote, and a hostile article."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from newsprism.analyze.sourcing import sourcing_profile
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
    Sentence,
    Technique,
    Voice,
)
from newsprism.report import render_html, render_terminal
from newsprism.report.citations import citation_span
from newsprism.report.highlight import Mark, Target, highlight, locate
from newsprism.report.labels import article_labels
from newsprism.report.matrix import fact_status, summary_parts
from newsprism.report.profiles import flatten, profile_rows
from newsprism.report.speakers import quotes_by_speaker

# -- the fiction ----------------------------------------------------------------------------

GAZETTE = [
    "The Harbor Street bridge closed on Monday for six months of repairs, city officials said.",
    "Over 12,000 vehicles cross it every day, according to the city engineers.",
    "The reckless shutdown will cost $4 million.",
    "“This is a disastrous decision for small shops,” said Mara Quill, who runs a bakery nearby.",
    "Officials claimed the detour adds ten minutes.",
]
COURIER = [
    "The Harbor Street bridge closed on Monday for repairs.",
    "About 11,000 vehicles use the bridge daily, Mayor Ines Paloma said.",
    "“We had no choice,” Paloma said.",
    "Two officials who asked not to be named said the work could run late.",
]
HOSTILE = [
    "Breaking: <script>alert(1)</script> the bridge <img src=x onerror=alert(2)> is fine.",
    "[bold red]Nothing[/] to see here, \"said\" <i>Mallory</i> & friends.",
]
HOSTILE_TITLE = '<script>alert("title")</script>'


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def sentences(lines: list[str]) -> tuple[str, tuple[Sentence, ...]]:
    text, spans = "", []
    for line in lines:
        if text:
            text += " "
        spans.append(Sentence(len(text), len(text) + len(line)))
        text += line
    return text, tuple(spans)


def quote(text: str, words: str, speaker: str | None, kind: Any, verb: str, verb_class: str,
          direct: bool = True, role: str | None = None) -> Quote:
    start, end = at(text, words)
    return Quote(start, end, words, speaker, kind, verb, direct, verb_class, role)


def framing(text: str, words: str, label: str, score: float, evidence: str) -> FramingSpan:
    start, end = at(text, words)
    return FramingSpan(start, end, words, label, score, evidence)


def gazette() -> Article:
    text, spans = sentences(GAZETTE)
    quotes = (quote(text, "This is a disastrous decision for small shops", "Mara Quill", "named",
                    "say", "neutral", role="bakery owner"),
              quote(text, "the detour adds ten minutes", "Officials", "unnamed", "claim",
                    "doubt", direct=False))
    frames = (framing(text, "reckless shutdown", "loaded", 0.91, "lexicon: reckless"),
              framing(text, "disastrous", "loaded", 0.74,
                      "lexicon: disastrous; quoted: the speaker's words"),
              framing(text, "claimed", "doubt-verb", 0.66, "attribution verb: claim"))
    start, end = at(text, "The reckless shutdown will")
    technique = Technique(start, end, text[start:end], "Loaded_Language", 0.8)
    return Article("gazette", "Harbor Gazette", text, title="Harbor bridge shut for repairs",
                   published="2024-03-04", dateline="HARBORTON", sentences=spans, quotes=quotes,
                   framing=frames, techniques=(technique,))


def courier() -> Article:
    text, spans = sentences(COURIER)
    quotes = (quote(text, "We had no choice", "Ines Paloma", "named", "say", "neutral",
                    role="mayor"),
              quote(text, "the work could run late", "Two officials who asked not to be named",
                    "anonymous", "say", "neutral", direct=False))
    return Article("courier", "Valley Courier", text, title=", , , ,", published="2024-03-05",
                   sentences=spans, quotes=quotes)


def hostile() -> Article:
    text, spans = sentences(HOSTILE)
    quotes = (quote(text, "Nothing[/] to see here", "<i>Mallory</i>", "named", "say",
                    "neutral"),)
    frames = (framing(text, "<script>alert(1)</script>", "loaded", 0.5,
                      '"><script>alert(3)</script>'),)
    return Article("hostile", "<b>Evil</b> News", text, title=HOSTILE_TITLE, sentences=spans,
                   quotes=quotes, framing=frames)


def evidence(article: Article, index: int) -> Evidence:
    sentence = article.sentences[index]
    return Evidence(sentence.start, sentence.end, article.text[sentence.start:sentence.end])


def value(article: Article, words: str, qualifier: str, source: str) -> FigureValue:
    start, end = at(article.text, words)
    return FigureValue(article.id, start, end, words, float(words.replace(",", "")), qualifier,
                       source, article.published)


def story() -> tuple[Comparison, list[Article]]:
    """The fictional story: its comparison, written by hand, and its three articles."""
    g, c, h = gazette(), courier(), hostile()
    facts = (
        Fact("f1", "The Harbor Street bridge closed on Monday for repairs.",
             {"gazette": (evidence(g, 0),), "courier": (evidence(c, 0),)}, ("hostile",)),
        Fact("f1.1", GAZETTE[0], {"gazette": (evidence(g, 0),)}, ("courier",),
             clause="six months", detail_of="f1"),
        Fact("f2", "How many vehicles cross the bridge each day.",
             {"gazette": (evidence(g, 1),), "courier": (evidence(c, 1),)}, ("hostile",)),
        Fact("f3", "The repairs will cost $4 million.", {"gazette": (evidence(g, 2),)},
             ("courier", "hostile")),
        Fact("f4", "<script>alert(4)</script>", {"hostile": (evidence(h, 0),)}),
    )
    conflict = Conflict("vehicles crossing the bridge per day",
                        (value(g, "12,000", "over", "the city engineers"),
                         value(c, "11,000", "about", "Mayor Ines Paloma")))
    naming = (Naming("the bridge closure", {"gazette": "reckless shutdown", "courier": "repairs"},
                     ("reckless shutdown",)),
              Naming("<b>bold</b>", {"hostile": "<img src=x onerror=alert(6)>"}))
    brief = (
        BriefSentence("The Harbor Street bridge closed on Monday for repairs.",
                      ("gazette", "courier")),
        BriefSentence("The Harbor Gazette puts daily vehicles at over 12,000, citing city "
                      "engineers; the Valley Courier gives about 11,000, citing Mayor Ines "
                      "Paloma.", ("gazette", "courier"), "conflict"),
        BriefSentence("Only the Harbor Gazette reports that the repairs will cost $4 million.",
                      ("gazette",), "only"),
        BriefSentence("<script>alert(5)</script>", ("hostile",), "only"),
    )
    articles = [g, c, h]
    comparison = Comparison(
        "harbor-bridge", ("gazette", "courier", "hostile"), facts, (conflict,), naming,
        sourcing={a.id: sourcing_profile(a) for a in articles},
        framing={"gazette": {"spans": 3, "per_100_words": 4.1, "labels": {"loaded": 2}},
                 "courier": {"spans": 0, "per_100_words": 0.0, "labels": {}}},
        brief=brief, independent_sources=3)
    return comparison, articles


# -- reading the HTML back ------------------------------------------------------------------

VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "source", "area", "base", "col"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Page(HTMLParser):
    """Every element with its attributes and text; text per link target (``data-ev``) and
    per article column."""

    elements: list[Element] = field(default_factory=list)
    open: list[Element] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1].tag != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1].tag if self.open else 'nothing'}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data
        for element in self.open:
            for target in element.attrs.get("data-ev", "").split():
                self.evidence[target] = self.evidence.get(target, "") + data

    def find(self, tag: str = "", **attrs: str) -> list[Element]:
        return [e for e in self.elements if (not tag or e.tag == tag)
                and all(e.attrs.get(k) == v for k, v in attrs.items())]

    def by_id(self, element_id: str) -> Element:
        (found,) = self.find(id=element_id)
        return found


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert not page.errors and not page.open, (page.errors, [e.tag for e in page.open])
    return page


def report() -> tuple[str, Page, Comparison, list[Article]]:
    comparison, articles = story()
    html = render_html(comparison, articles)
    return html, parse(html), comparison, articles


def columns(page: Page) -> dict[str, str]:
    """Article id → the id of its column."""
    return {e.attrs["aria-label"].removeprefix("article "): e.attrs["id"]
            for e in page.find("article")}


# -- HTML -----------------------------------------------------------------------------------

def test_report_html_shows_hostile_text_without_running_it() -> None:
    html, page, _, _ = report()
    for payload in ("<script>alert(", "<img src=x", "<i>Mallory", "<b>Evil", "<b>bold"):
        assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert len(page.find("script")) == 1 and not page.find("img") and not page.find("i")
    assert not [name for e in page.elements for name in e.attrs if name.startswith("on")]
    column = page.by_id(columns(page)["hostile"])
    assert "<script>alert(1)</script>" in column.text and "<i>Mallory</i>" in column.text
    assert HOSTILE_TITLE in page.find("h3")[[h.text for h in page.find("h3")].index(
        HOSTILE_TITLE)].text


def test_report_html_has_no_external_url() -> None:
    _, page, _, _ = report()
    for element in page.elements:
        assert element.tag not in {"link", "iframe", "object", "embed", "base", "form", "img"}
        for name, value in element.attrs.items():
            assert name not in {"src", "srcset", "action", "poster", "background", "formaction"}
            if name in {"href", "xlink:href"}:
                assert value.startswith("#"), value
    (style,) = page.find("style")
    assert "url(" not in style.text and "@import" not in style.text
    (script,) = page.find("script")
    assert not re.search(r"fetch|XMLHttpRequest|https?:|\.src\b|import\(", script.text)
    (policy,) = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert "default-src 'none'" in policy.attrs["content"]
    assert "unsafe-inline" not in policy.attrs["content"]


def test_report_html_citations_jump_to_the_evidence_sentence() -> None:
    _, page, comparison, articles = report()
    cites = page.find("a", **{"class": "cite"})
    assert len(cites) == sum(len(s.cites) for s in comparison.brief) == 6
    texts = {a.id: a.text for a in articles}
    for cite in cites:
        target = cite.attrs["href"].removeprefix("#")
        page.by_id(target)
        column, start, end = target.split("-")
        assert column == columns(page)[cite.text]
        assert page.evidence[target] == texts[cite.text][int(start):int(end)]
    conflict_cite = next(c for c in cites if c.attrs["href"].startswith("#a1-")
                         and page.evidence[c.attrs["href"][1:]].startswith("About 11,000"))
    assert conflict_cite.text == "courier"


def test_report_html_every_link_target_exists() -> None:
    _, page, _, _ = report()
    ids = {e.attrs["id"] for e in page.elements if "id" in e.attrs}
    for link in page.find("a"):
        assert link.attrs["href"][1:] in ids, link.attrs["href"]


def test_report_html_targets_cover_their_exact_offsets() -> None:
    _, page, _, articles = report()
    by_column = {column: article for article in articles
                 for aid, column in columns(page).items() if aid == article.id}
    targets = [e.attrs["id"] for e in page.find("span", **{"class": "target"})]
    assert len(targets) > 10
    for target in targets:
        column, start, end = target.split("-")
        assert page.evidence[target] == by_column[column].text[int(start):int(end)]


def test_report_html_article_text_is_complete() -> None:
    _, page, _, articles = report()
    for article in articles:
        (text,) = [e for e in page.by_id(columns(page)[article.id]).text.split("\n")
                   if article.text[:20] in e]
        assert article.text in text


def test_report_html_says_when_there_is_no_usable_title() -> None:
    _, page, _, _ = report()
    heading = page.find("h3")
    courier_column = page.by_id(columns(page)["courier"])
    assert "This article has no usable title" in courier_column.text
    assert ", , , ," not in courier_column.text
    assert any(h.text == "Harbor bridge shut for repairs" for h in heading)


def test_report_html_marks_framing_in_the_headline() -> None:
    comparison, articles = story()
    title = "Harbor bridge shut for repairs as costs spiral <b>again</b>"
    frame = framing(title, "costs spiral", "hyperbole", 0.7, "lexicon: cost spiral")
    articles = [replace(a, title=title, title_framing=(frame,)) if a.id == "gazette" else a
                for a in articles]
    html = render_html(comparison, articles)
    heading = next(h for h in parse(html).find("h3") if h.text.startswith("Harbor bridge"))
    assert heading.text == title  # whole, and the markup in it shown as text
    assert "<b>again" not in html
    tips = [e.attrs["title"] for e in parse(html).find("span") if "title" in e.attrs]
    assert "framing: hyperbole (0.70) — lexicon: cost spiral" in tips


def test_report_html_tooltips_give_label_score_evidence_and_speaker() -> None:
    _, page, _, _ = report()
    tips = [e.attrs["title"] for e in page.find("span") if "title" in e.attrs]
    reckless = next(t for t in tips if "lexicon: reckless" in t)
    assert "framing: loaded (0.91)" in reckless and "technique: Loaded_Language (0.80)" in reckless
    quoted = next(t for t in tips if "lexicon: disastrous" in t)
    assert "quote — Mara Quill (named, bakery owner); say [neutral]; direct quote" in quoted
    assert "quoted: the speaker's words" in quoted
    doubt = next(t for t in tips if "doubt-verb" in t)
    assert "attribution verb: claim" in doubt
    figure = next(t for t in tips if "12,000" in t)
    assert figure == ("conflict: vehicles crossing the bridge per day — over 12,000, "
                      "according to the city engineers")
    assert any('"><script>alert(3)</script>' in t for t in tips)


def test_report_html_matrix_marks_reported_omitted_and_conflicting() -> None:
    _, page, _, _ = report()
    statuses = _matrix_rows(page)
    assert statuses["The Harbor Street bridge closed on Monday for repairs."] == [
        "reported", "reported", "omitted"]
    assert statuses["How many vehicles cross the bridge each day."] == [
        "conflicting", "conflicting", "omitted"]
    assert statuses["The repairs will cost $4 million."] == ["reported", "omitted", "omitted"]
    assert statuses["<script>alert(4)</script>"] == ["unknown", "unknown", "reported"]


def test_report_matrix_shows_the_clause_a_fact_is_about() -> None:
    sentence = "The bridge closed on Monday, and the ferry doubled its crossings."
    about = Fact("f", sentence, {}, clause="the ferry doubled its crossings.")
    assert summary_parts(about) == ("The bridge closed on Monday, and ",
                                    "the ferry doubled its crossings.", "")
    assert summary_parts(replace(about, clause="")) == ("", sentence, "")
    assert summary_parts(replace(about, clause="not in the sentence")) == ("", sentence, "")
    comparison, articles = story()
    hostile = Fact("f5", "<b>Tolls</b> rise, and <i>the bridge</i> shuts.", {}, clause="rise,")
    page = render_html(replace(comparison, facts=(*comparison.facts, hostile)), articles)
    assert ('<span class="dim">&lt;b&gt;Tolls&lt;/b&gt; </span>rise,<span class="dim">'
            ' and &lt;i&gt;the bridge&lt;/i&gt; shuts.</span>') in page


def _matrix_rows(page: Page) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    start = page.elements.index(page.find("table", **{"class": "matrix"})[0])
    current = ""
    for element in page.elements[start:]:
        if element.tag == "th" and element.attrs.get("scope") == "row":
            current = element.text
            rows[current] = []
        elif element.tag == "td" and current:
            rows[current].append(element.attrs["class"].removeprefix("st-"))
        elif element.tag == "table" and element.attrs.get("class") != "matrix":
            break
    return rows


def test_report_matrix_marks_every_article_disputing_a_fact() -> None:
    text = "Over 100 came. The crowd was big. Some 80 came."
    value_a = FigureValue("a", 5, 8, "100", 100, "over")
    value_c = FigureValue("c", 39, 41, "80", 80, "some")
    fact = Fact("f", "Turnout", {"a": (Evidence(0, 14, text[:14]),),
                                "b": (Evidence(15, 33, text[15:33]),),
                                "c": (Evidence(15, 33, text[15:33]),)}, ("d",))
    conflicts = [Conflict("people who came", (value_a, value_c))]
    assert [fact_status(fact, i, conflicts) for i in "abcde"] == [
        "conflicting", "reported", "conflicting", "omitted", "unknown"]
    update = [Conflict("people who came", (value_a, value_c), "update")]
    assert fact_status(fact, "a", update) == "reported"


def test_report_matrix_detail_is_disputed_only_over_its_own_figure() -> None:
    """A name's detail row is not ≠ because its sentence holds another disputed figure; a
    figure's detail row is, for the articles giving another value."""
    text = "Ada Brink said over 100 came. Some 80 came."
    value_a = FigureValue("a", 19, 22, "100", 100, "over")
    value_b = FigureValue("b", 34, 36, "80", 80, "some")
    stated = {"a": (Evidence(0, 29, text[:29]),), "b": (Evidence(30, 43, text[30:]),)}
    conflicts = [Conflict("people who came", (value_a, value_b))]
    name = Fact("f1.1", text[:29], {"a": stated["a"]}, ("b",), "Ada Brink", detail_of="f1")
    figure = Fact("f1.2", text[:29], stated, (), "100", detail_of="f1")
    assert [fact_status(name, i, conflicts) for i in "ab"] == ["reported", "omitted"]
    assert [fact_status(figure, i, conflicts) for i in "ab"] == ["conflicting", "conflicting"]


def test_report_html_conflict_lists_every_value_with_its_sources() -> None:
    _, page, _, _ = report()
    section = page.by_id("conflicts").text
    for expected in ("vehicles crossing the bridge per day", "figures disagree", "“12,000”",
                     "12,000", "over", "the city engineers", "2024-03-04", "“11,000”", "about",
                     "Mayor Ines Paloma", "2024-03-05"):
        assert expected in section


def test_report_html_groups_quotes_by_speaker_with_types() -> None:
    _, page, _, _ = report()
    section = page.by_id("quotes").text
    for expected in ("Mara Quill", "named", "Two officials who asked not to be named",
                     "anonymous", "unnamed", "claim", "[doubt]", "(reported speech)",
                     "<i>Mallory</i>"):
        assert expected in section


def test_report_html_naming_and_profiles() -> None:
    _, page, _, _ = report()
    naming = page.by_id("naming").text
    assert "reckless shutdown" in naming and "loaded" in naming and "repairs" in naming
    profiles = page.by_id("profiles").text
    for expected in ("quotes by type · anonymous", "anonymous share", "per 100 words", "4.1",
                     "labels · loaded"):
        assert expected in profiles


def test_report_html_renders_empty_and_partial_comparisons() -> None:
    page = parse(render_html(Comparison("empty", ()), []))
    text = page.by_id("brief").text + page.by_id("matrix").text + page.by_id("quotes").text
    assert "No brief" in text and "No facts" in text and "No quotes" in text
    partial = Comparison("partial", ("gone",), brief=(BriefSentence("A claim.", ("gone", "x")),))
    page = parse(render_html(partial, []))
    assert "Article not available" in page.by_id("a0").text
    assert all(link.attrs["href"][1:] in {e.attrs.get("id") for e in page.elements}
               for link in page.find("a"))


def test_report_html_survives_spans_outside_the_text() -> None:
    comparison, articles = story()
    broken = Fact("bad", "Out of range", {"gazette": (Evidence(5000, 5100, "nowhere"),)})
    comparison = Comparison(comparison.id, comparison.articles, (*comparison.facts, broken))
    page = parse(render_html(comparison, articles))
    assert "Out of range" in page.by_id("matrix").text


# -- building blocks ------------------------------------------------------------------------

def test_report_highlight_nested_and_crossing_spans() -> None:
    text = "ab<c>de&f"
    marks = [Mark(0, 5, "quote", "q"), Mark(3, 8, "framing", 'a "tip"'), Mark(4, 5, "x", "y")]
    html = highlight(text, marks, [Target(2, 9, "t1"), Target(2, 4, "t2")])
    page = parse(f"<div>{html}</div>")
    assert page.elements[0].text == text
    assert page.evidence == {"t1": text[2:9], "t2": text[2:4]}
    assert '<span class="target" id="t2"><span class="target" id="t1">' in str(html) or \
        '<span class="target" id="t1"><span class="target" id="t2">' in str(html)


@given(st.text(alphabet="ab <>&\"'\n", max_size=30),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.booleans()), max_size=8))
def test_report_highlight_keeps_text_and_markup_whole(text: str,
                                                     spans: list[tuple[int, int, bool]]) -> None:
    marks = [Mark(a, b, "framing", f"<tip {a}>") for a, b, is_target in spans if not is_target]
    targets = [Target(a, b, f"t{i}") for i, (a, b, is_target) in enumerate(spans) if is_target]
    page = parse(f"<div>{highlight(text, marks, targets)}</div>")
    assert page.elements[0].text == text
    for target in targets:
        if 0 <= target.start < target.end <= len(text):
            assert page.evidence[target.id] == text[target.start:target.end]
            assert len(page.find(id=target.id)) == 1


def test_report_locate_repairs_or_refuses_offsets() -> None:
    assert locate("one two", 4, 7, "two") == (4, 7)
    assert locate("one two two", 0, 3, "two") == (4, 7)
    assert locate("one two", 4, 99, None) is None
    assert locate("one two", 3, 3, None) is None


def test_report_citation_span_picks_the_closest_sentence() -> None:
    comparison, articles = story()
    gazette_article = articles[0]
    span = citation_span(comparison.brief[2], gazette_article, comparison)
    assert span is not None and span.text == GAZETTE[2]
    span = citation_span(comparison.brief[1], gazette_article, comparison)
    assert span is not None and span.text == GAZETTE[1]


def test_report_speakers_are_grouped_across_articles() -> None:
    text = "“We stay,” Ada Li said. “We stay for now,” Li said."
    first = Quote(1, 8, "We stay", "Ada Li", "named", "say", True)
    second = Quote(25, 40, "We stay for now", "ada li", "named", "say", True,
                   speaker_role="minister")
    nested = Quote(25, 32, "We stay", "ada li", "named", "say", True)
    articles = [Article("a", "A", text, quotes=(first,)),
                Article("b", "B", text, quotes=(second, nested))]
    (speaker,) = quotes_by_speaker(articles)
    assert speaker.name == "Ada Li" and speaker.articles == ("a", "b")
    assert speaker.roles == ("minister",) and len(speaker.said) == 2


def test_report_speakers_follow_the_comparisons_voices() -> None:
    comparison, articles = story()
    gazette_article = articles[0]
    words = "This is a disastrous decision for small shops"
    start, end = at(gazette_article.text, words)
    voice = Voice("Mara Quill", "named", {"gazette": (Evidence(start, end, words),),
                                          "courier": (evidence(articles[1], 2),)})
    (speaker,) = quotes_by_speaker(articles, [voice])
    assert speaker.articles == ("gazette", "courier") and speaker.roles == ("bakery owner",)
    assert speaker.said[0].quote is not None and speaker.said[0].quote.verb == "say"
    assert speaker.said[1].quote is None  # the courier sentence holds no quote annotation
    page = parse(render_html(replace(comparison, quotes=(voice,)), articles))
    section = page.by_id("quotes").text
    assert "Mara Quill" in section and "Ines Paloma" not in section
    said = page.find("a", **{"class": "said"})
    assert [page.evidence[link.attrs["href"][1:]] for link in said] == [
        words, evidence(articles[1], 2).text]


def test_report_profiles_flatten_nested_values() -> None:
    profile = {"quotes_by_type": {"named": 2, "anonymous": 1}, "share": 0.3333, "verbs": {},
               "labels": ["loaded", "hedge"], "flag": True, "none": None}
    assert flatten(profile) == {"quotes by type · named": "2", "quotes by type · anonymous": "1",
                                "share": "0.333", "labels": "loaded, hedge",
                                "flag": "yes", "none": "—"}
    rows = profile_rows({"a": {"x": 1}, "b": {"y": 2}}, ["a", "b", "c"])
    assert rows == [("x", ["1", "—", "—"]), ("y", ["—", "2", "—"])]


# -- terminal -------------------------------------------------------------------------------

def terminal(comparison: Comparison, articles: list[Article], width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    render_terminal(comparison, articles, console)
    return console.export_text()


def test_report_terminal_shows_every_section() -> None:
    output = terminal(*story())
    for expected in ("Story harbor-bridge", "Harbor Gazette", "(no usable title)",
                     "3 independent source(s) among 3 article(s)", "Neutral brief",
                     "Where the articles disagree", "[gazette, courier]", "Conflicting figures",
                     "over", "the city engineers", "Mayor Ines Paloma", "Facts × articles",
                     "✓", "✗", "≠", "Quotes by speaker", "Mara Quill", "anonymous", "Naming",
                     "reckless shutdown (loaded)", "Sourcing and framing", "anonymous share",
                     HOSTILE_TITLE, "<i>Mallory</i>"):
        assert expected in output, expected
    assert "“Nothing[/] to see here”" in output


def test_report_terminal_fits_100_columns() -> None:
    output = terminal(*story())
    assert max(len(line) for line in output.splitlines()) <= 100


def test_report_terminal_survives_empty_sections() -> None:
    output = terminal(Comparison("empty", ()), [])
    for expected in ("No brief", "No conflicting figures", "No facts", "No quotes",
                     "No naming", "No sourcing"):
        assert expected in output
    assert "article not available" in terminal(Comparison("lost", ("gone",)), [])


def test_report_labels_shorten_long_ids() -> None:
    assert article_labels(["000", "002"]) == {"000": "000", "002": "002"}
    assert article_labels(["000_10bf0377f753a592", "002_9927dc5176a900c1"]) == {
        "000_10bf0377f753a592": "000", "002_9927dc5176a900c1": "002"}
    assert article_labels(["same_10bf0377f753a592", "same_9927dc5176a900c1"]) == {
        "same_10bf0377f753a592": "#1", "same_9927dc5176a900c1": "#2"}


def test_report_html_labels_long_ids_but_names_them_in_full() -> None:
    comparison, articles = story()
    renamed = {"gazette": "gazette_2024_03_04_bridge", "courier": "courier_bridge_closure"}
    articles = [replace(a, id=renamed.get(a.id, a.id)) for a in articles]
    comparison = replace(comparison, articles=tuple(a.id for a in articles), brief=(
        BriefSentence("The Harbor Street bridge closed.", tuple(renamed.values())),))
    page = parse(render_html(comparison, articles))
    assert [c.text for c in page.find("a", **{"class": "cite"})] == ["gazette", "courier"]
    assert "gazette_2024_03_04_bridge" in page.find("table", **{"class": "sources"})[0].text
