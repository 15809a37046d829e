from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.model import (
    SCHEMA,
    Article,
    Entity,
    Figure,
    FramingSpan,
    Naming,
    Quote,
    Removed,
    Sentence,
    Technique,
    article_from_json,
    article_to_json,
    from_dict,
    to_dict,
)

optional_text = st.none() | st.text(max_size=20)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(min_size=0, max_size=200))

    def span() -> tuple[int, int, str]:
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        return start, end, text[start:end]

    def many(build) -> tuple:  # type: ignore[no-untyped-def,type-arg]
        return tuple(build(*span()) for _ in range(draw(st.integers(0, 3))))

    return Article(
        id=draw(st.text(min_size=1, max_size=20)), outlet=draw(st.text(max_size=20)), text=text,
        title=draw(optional_text), url=draw(optional_text), published=draw(optional_text),
        notes=tuple(draw(st.lists(st.text(max_size=10), max_size=2))),
        removed=tuple(Removed(line, reason) for line, reason in
                      draw(st.lists(st.tuples(st.text(max_size=10), st.text(max_size=5)),
                                    max_size=2))),
        sentences=many(lambda s, e, t: Sentence(s, e)),
        entities=many(lambda s, e, t: Entity(s, e, t, "PERSON", t.strip() or "x")),
        quotes=many(lambda s, e, t: Quote(s, e, t, draw(optional_text),
                                          draw(st.sampled_from(["named", "anonymous"])),
                                          draw(optional_text), draw(st.booleans()))),
        figures=many(lambda s, e, t: Figure(
            s, e, t, draw(st.none() | st.integers(-10**9, 10**9)
                          | st.floats(allow_nan=False, allow_infinity=False)),
            draw(optional_text), draw(optional_text), draw(optional_text), draw(optional_text))),
        framing=many(lambda s, e, t: FramingSpan(s, e, t, "loaded", 0.5, "lexicon: x")),
        techniques=many(lambda s, e, t: Technique(s, e, t, "Loaded_Language", 0.25)),
    )


@given(articles())
def test_model_article_json_round_trips(article: Article) -> None:
    line = article_to_json(article)
    assert "\n" not in line
    assert article_from_json(line) == article
    assert from_dict(Article, to_dict(article)) == article


def test_model_json_has_schema_and_contract_keys() -> None:
    data = json.loads(article_to_json(Article(id="a", outlet="o", text="Hello.")))
    assert data["schema"] == SCHEMA
    for key in ("id", "outlet", "title", "url", "published", "dateline", "language", "text",
                "removed", "sentences", "entities", "quotes", "figures", "framing",
                "techniques"):
        assert key in data
    assert data["quotes"] == [] and data["title"] is None


@pytest.mark.parametrize("start,end", [(-1, 2), (3, 2)])
def test_model_span_rejects_bad_offsets(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="offsets"):
        Sentence(start, end)


def test_model_article_rejects_span_outside_text() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        Article(id="a", outlet="o", text="short", sentences=(Sentence(0, 10),))


def test_model_article_rejects_span_text_mismatch() -> None:
    with pytest.raises(ValueError, match="says"):
        Article(id="a", outlet="o", text="Hello world",
                entities=(Entity(0, 5, "World", "PERSON", "World"),))


def test_model_quote_rejects_unknown_speaker_type() -> None:
    with pytest.raises(ValueError, match="speaker_type"):
        Quote(0, 0, "", None, "secret", None, True)  # type: ignore[arg-type]


def test_model_refuses_other_schema() -> None:
    with pytest.raises(ValueError, match="schema"):
        article_from_json('{"schema": "newsprism/99", "id": "a", "outlet": "o", "text": ""}')


def test_naming_marks_an_article_whose_forms_hold_a_loaded_one() -> None:
    naming = Naming("Vantor Water Services", {"a": "Vantor Water Services / corporate giant",
                                              "b": "Vantor Water Services"}, ("corporate giant",))
    assert naming.is_loaded("a")
    assert not naming.is_loaded("b") and not naming.is_loaded("c")
