"""The bundled fictional corpus against its answer key (examples/expected.toml)."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

import newsprism
from newsprism.model import Article
from tests.conftest import EXAMPLES

EXPECTED: dict[str, Any] = tomllib.loads((EXAMPLES / "expected.toml").read_text())


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    articles, failures = newsprism.read([str(EXAMPLES)], outlets=EXAMPLES / "outlets.toml")
    assert failures == []
    return {article.id: article for article in articles}


def test_examples_every_article_read(corpus: dict[str, Article]) -> None:
    assert sorted(corpus) == sorted(EXPECTED["articles"])
    stories = {spec["story"] for spec in EXPECTED["articles"].values()}
    assert len(stories) >= 5  # three stories told three ways, plus two unrelated


@pytest.mark.parametrize("article_id", sorted(EXPECTED["articles"]))
def test_examples_title_and_outlet(corpus: dict[str, Article], article_id: str) -> None:
    spec = EXPECTED["articles"][article_id]
    article = corpus[article_id]
    assert article.outlet == spec["outlet"]
    assert article.title == (spec["title"] or None)


@pytest.mark.parametrize("article_id", sorted(
    key for key, spec in EXPECTED["articles"].items() if not spec["file"].endswith(".txt")))
def test_examples_published_from_metadata(corpus: dict[str, Article], article_id: str) -> None:
    published = corpus[article_id].published
    assert published is not None
    assert published.startswith(EXPECTED["articles"][article_id]["published"])
