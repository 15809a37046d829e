"""Cleaning across documents: outlet boilerplate and other stories' headlines."""

from __future__ import annotations

from pathlib import Path

from newsprism.clean.templates import clean_batch
from newsprism.model import Article

SLOGAN = "Tovan Valley Echo: independent news for the valley since 1921"
TOPICS = ["the ferry timetable", "a new school roof", "the river cleanup",
          "the spring fair", "bus fares"]


def body(topic: str) -> str:
    return (f"The town council discussed {topic} at length on Tuesday evening, members said.\n\n"
            f"Residents asked for more information about {topic} before any final vote.")


def echo(number: int, extra: str = "") -> Article:
    return Article(id=f"echo-{number}", outlet="Tovan Valley Echo", title=f"Story {number}",
                   text=f"{body(TOPICS[number])}{extra}\n\n{SLOGAN}")


def test_templates_outlet_footer_is_learned_in_a_batch() -> None:
    cleaned = clean_batch([echo(n) for n in range(4)])
    for article in cleaned:
        assert SLOGAN not in article.text
        assert [(r.line, r.reason) for r in article.removed] == [(SLOGAN, "template")]
        assert "Residents asked" in article.text


def test_templates_need_enough_articles() -> None:
    cleaned = clean_batch([echo(0), echo(1)])
    assert all(SLOGAN in article.text for article in cleaned)


def test_templates_versions_of_one_story_keep_their_body() -> None:
    versions = [Article(id=f"v{n}", outlet="Tovan Valley Echo",
                        text=f"{body('the ferry timetable')}\n\nUpdate {n}: talks go on.")
                for n in range(4)]
    assert clean_batch(versions) == versions


def test_templates_other_articles_headline_is_inserted() -> None:
    other = Article(id="fair", outlet="Hill Post", title="Spring fair draws record crowds",
                    text="The spring fair drew record crowds on Sunday, organisers said.")
    host = echo(0, "\n\nSpring fair draws record crowds\n\nCouncillors will meet again in May.")
    cleaned = {a.id: a for a in clean_batch([other, host])}
    assert "Spring fair draws record crowds" not in cleaned["echo-0"].text
    assert ("Spring fair draws record crowds", "inserted-headline") in [
        (r.line, r.reason) for r in cleaned["echo-0"].removed]
    assert cleaned["fair"] == other


def test_templates_learned_from_the_store(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for number in range(4):
        article = echo(number)
        (tmp_path / f"echo-{number}.txt").write_text(f"{article.title}\n\n{article.text}\n")
    first = cli("ingest", "echo-0.txt", "echo-1.txt", "echo-2.txt", "--db", "x.db",
                "--outlet", "Tovan Valley Echo")
    assert first.code == 0
    cli("ingest", "echo-3.txt", "--db", "x.db", "--outlet", "Tovan Valley Echo")
    shown = cli("show", "echo-3", "--db", "x.db", "--json").jsonl()[0]
    assert SLOGAN not in shown["text"]
    assert {"line": SLOGAN, "reason": "template"} in shown["removed"]
