"""Hostile and broken input: bounded time, a clear error for that input, the rest goes on."""

from __future__ import annotations

import time

import pytest

from newsprism.ingest.read import raw_document
from newsprism.model import Article, DocumentKind, Failure, RawDocument
from newsprism.pipeline import run

PARAGRAPH = "The regional assembly in Tovan met on Friday to discuss the harbour budget. " * 3


def raw(doc_id: str, content: str, kind: DocumentKind = "html") -> RawDocument:
    return raw_document(doc_id, content, kind, source=f"{doc_id}.{kind}")


GOOD = raw("good", f"<html><body><article><p>{PARAGRAPH}</p></article></body></html>")
BAD_PAGES = {
    "scripts-only": "<html><body>" + "<script>track();</script>" * 500 + "</body></html>",
    "nested": "<html><body>" + "<div>" * 1_000_000 + "</div>" * 1_000_000 + "</body></html>",
}


@pytest.mark.parametrize("name", sorted(BAD_PAGES))
def test_robustness_bad_pages_fail_alone(name: str) -> None:
    started = time.perf_counter()
    bad, good = run([raw(name, BAD_PAGES[name]), GOOD], time_limit=20)
    assert time.perf_counter() - started < 20
    assert isinstance(bad, Failure) and bad.source == f"{name}.html"
    assert "no article text" in bad.problem or "cannot parse" in bad.problem
    assert isinstance(good, Article) and good.text.startswith("The regional assembly")


def test_robustness_truncated_and_hostile_html_is_text() -> None:
    page = (f"<html><body><article><p>{PARAGRAPH}</p><p>&lt;script&gt;alert(1)&lt;/script&gt; "
            f"was printed in the minutes.</p><p>{PARAGRAPH}")
    (article,) = run([raw("cut", page)])
    assert isinstance(article, Article)
    assert "<script>alert(1)</script> was printed" in article.text  # shown as text, kept


def test_robustness_huge_line_and_control_characters() -> None:
    text = "Headline Of A Long Report\n\n" + "word " * 200_000 + "\n\nBell\x07 and \x1b[31mescape."
    started = time.perf_counter()
    (article,) = run([raw("long", text, "text")])
    assert time.perf_counter() - started < 10
    assert isinstance(article, Article)
    assert "\x07" not in article.text and "\x1b" not in article.text
    assert article.text.endswith("Bell and [31mescape.")


def test_robustness_time_limit_stops_one_document() -> None:
    def slow(article: Article) -> Article:
        if article.id == "good":
            time.sleep(5)
        return article

    other = raw("other", f"<html><body><p>{PARAGRAPH}</p></body></html>")
    started = time.perf_counter()
    slow_result, fast_result = run([GOOD, other], stages=[("analyze", slow)], time_limit=0.5)
    assert time.perf_counter() - started < 3
    assert isinstance(slow_result, Failure) and slow_result.stage == "analyze"
    assert "longer than 0.5 s (setting clean.time_limit)" in slow_result.problem
    assert isinstance(fast_result, Article)


def test_robustness_text_too_long_for_analysis_fails_alone() -> None:
    from newsprism.analyze.stage import analyze_articles

    huge = Article(id="huge", outlet="o", text="word " * 250_000, language="en")
    small = Article(id="small", outlet="o", text="The council met on Monday.", language="en")
    failed, analyzed = analyze_articles([huge, small])
    assert isinstance(failed, Failure) and "too long to analyze" in failed.problem
    assert isinstance(analyzed, Article) and analyzed.sentences
