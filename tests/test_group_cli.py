"""`newsprism group` and `newsprism stories` on the example corpus (answer key in
examples/expected.toml) and on the seeds; incremental grouping over the database."""

from __future__ import annotations

import random
import tomllib
from pathlib import Path
from typing import Any

import pytest

import newsprism
from newsprism.config import load_settings
from newsprism.group import group_articles
from newsprism.model import Article
from newsprism.store import SQLiteStore
from newsprism.store.sqlite import MIGRATIONS, group_stored
from tests.conftest import EXAMPLES

EXPECTED: dict[str, Any] = tomllib.loads((EXAMPLES / "expected.toml").read_text())
SETTINGS = load_settings().group


def expected_partition() -> set[frozenset[str]]:
    stories: dict[str, set[str]] = {}
    for article_id, spec in EXPECTED["articles"].items():
        stories.setdefault(spec["story"], set()).add(article_id)
    return {frozenset(members) for members in stories.values()}


@pytest.fixture(scope="module")
def examples() -> list[Article]:
    articles, failures = newsprism.read([str(EXAMPLES)], outlets=EXAMPLES / "outlets.toml")
    assert failures == []
    return articles


def test_group_cli_examples_json_contract(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("group", EXAMPLES, "--outlets", EXAMPLES / "outlets.toml", "--json")
    assert result.code == 0, result.stderr
    (document,) = result.jsonl()
    assert document["schema"] == "newsprism/1"
    stories = document["stories"]
    assert all(set(story) >= {"id", "articles", "syndicated"} for story in stories)
    members = [article for story in stories for article in story["articles"]]
    assert sorted(members) == sorted(EXPECTED["articles"])  # each article exactly once
    assert {frozenset(story["articles"]) for story in stories} == expected_partition()
    pairs = [pair for story in stories for pair in story["syndicated"]]
    assert pairs == EXPECTED["syndicated"]


def test_group_cli_seeds_form_one_story(cli, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    files = sorted(str(path) for path in seeds.glob("*.txt"))
    result = cli("group", *files, "--json")
    assert result.code == 0, result.stderr
    (document,) = result.jsonl()
    assert [sorted(story["articles"]) for story in document["stories"]] == [
        sorted(Path(f).stem for f in files)]
    assert document["stories"][0]["syndicated"] == []


def test_group_cli_db_and_stories(cli) -> None:  # type: ignore[no-untyped-def]
    outlets = EXAMPLES / "outlets.toml"
    assert cli("ingest", EXAMPLES, "--outlets", outlets, "--db", "x.db").code == 0
    grouped = cli("group", "--db", "x.db", "--json")
    assert grouped.code == 0, grouped.stderr
    assert grouped.jsonl()[0]["articles"] == len(EXPECTED["articles"])
    rows = cli("stories", "--db", "x.db", "--json").jsonl()
    assert {frozenset(row["articles"]) for row in rows} == expected_partition()
    port = next(row for row in rows if "port-strike-wire" in row["articles"])
    assert port["size"] == 4 and "The Valewood Courier" in port["outlets"]
    assert port["syndicated"] == [p for p in EXPECTED["syndicated"] if p[0] in port["articles"]]
    table = cli("stories", "--db", "x.db")
    assert table.code == 0 and f"{len(expected_partition())} story(ies)" in table.stdout
    assert "Meridian Wire" in table.stdout
    again = cli("group", "--db", "x.db")
    assert again.code == 0 and "Grouped 0 new article(s)" in again.stdout


def test_group_cli_files_and_db_together_is_a_usage_error(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("group", EXAMPLES, "--db", "x.db")
    assert result.code == 2 and "not both" in result.stderr


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_group_cli_incremental_batches_match_one_shot(tmp_path: Path, examples: list[Article],
                                                      seed: int) -> None:
    """Merge order: the examples ingested and grouped in three shuffled batches give the
    one-shot stories (these stories are well apart; see docs/grouping.md for the bound)."""
    shuffled = list(examples)
    random.Random(seed).shuffle(shuffled)
    with SQLiteStore(tmp_path / "x.db") as store:
        assert store.version == len(MIGRATIONS)
        for start in range(0, len(shuffled), 4):
            list(store.put(shuffled[start:start + 4]))
            group_stored(store, SETTINGS)
        stored = store.stories()
    one_shot = group_articles(examples, SETTINGS)
    assert {frozenset(s.articles) for s in stored} == {frozenset(s.articles) for s in one_shot}
    assert sorted(p for s in stored for p in s.syndicated) == [
        tuple(pair) for pair in EXPECTED["syndicated"]]


def test_group_cli_store_chunks_and_recent_window(tmp_path: Path,
                                                  examples: list[Article]) -> None:
    with SQLiteStore(tmp_path / "x.db") as store:
        list(store.put(examples))
        counts = group_stored(store, SETTINGS, chunk=5)
        assert counts["articles"] == len(examples)
        assert counts["copies"] == len(EXPECTED["syndicated"])
        assert {frozenset(s.articles) for s in store.stories()} == expected_partition()
        summaries = store.story_summaries()
        assert [row["size"] for row in summaries] == sorted(
            (len(story) for story in expected_partition()), reverse=True)
