"""Same-story clustering on fictional articles: similar events in one domain stay apart,
one story told two ways stays together, and the result does not depend on input order."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import numpy as np
import pytest

import newsprism
from newsprism.config import load_settings
from newsprism.group import Clusterer, article_features, group_articles
from newsprism.group.cluster import set_overlap
from newsprism.group.embed import DIMENSIONS, Embedder, mean_pool
from newsprism.group.features import Features, day_number, figure_keys, lead_text
from newsprism.group.index import StoryIndex
from newsprism.model import Article, Story
from tests.grouping_fiction import ARTICLES, STORIES, SYNDICATED

SETTINGS = load_settings().group


@pytest.fixture(scope="module")
def fiction(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    path = tmp_path_factory.mktemp("fiction") / "fiction.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "outlet": o, "published": p, "title": t,
                                          "text": b}) for i, o, p, t, b in ARTICLES))
    articles, failures = newsprism.read([str(path)])
    assert failures == []
    return articles


def partition(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(story.articles) for story in stories}


def test_group_cluster_fiction_stories(fiction: list[Article]) -> None:
    stories = group_articles(fiction, SETTINGS)
    assert partition(stories) == set(STORIES)
    assert [pair for story in stories for pair in story.syndicated] == list(SYNDICATED)
    assert sorted(a for story in stories for a in story.articles) == sorted(
        a.id for a in fiction)


def test_group_cluster_same_domain_stays_apart_without_dates(fiction: list[Article]) -> None:
    undated = [replace(article, published=None) for article in fiction]
    assert partition(group_articles(undated, SETTINGS)) == set(STORIES)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_group_cluster_input_order_does_not_matter(fiction: list[Article], seed: int) -> None:
    shuffled = list(fiction)
    random.Random(seed).shuffle(shuffled)
    assert group_articles(shuffled, SETTINGS) == group_articles(fiction, SETTINGS)


def test_group_cluster_time_window_separates_repeats(fiction: list[Article]) -> None:
    # the same story a year later is another story (the words alone would join them)
    wire = next(a for a in fiction if a.id == "tarvik-wire")
    local = next(a for a in fiction if a.id == "tarvik-local")
    later = replace(local, published="2027-04-10")
    stories = group_articles([wire, later], SETTINGS)
    assert partition(stories) == {frozenset({"tarvik-wire"}), frozenset({"tarvik-local"})}
    within = replace(local, published=f"2026-04-{9 + SETTINGS.window_days}")
    assert len(group_articles([wire, within], SETTINGS)) == 1


def test_group_cluster_repeated_ids_are_refused(fiction: list[Article]) -> None:
    with pytest.raises(ValueError, match="occurs twice"):
        group_articles([fiction[0], fiction[0]], SETTINGS)


def test_group_cluster_features(fiction: list[Article]) -> None:
    wire = next(a for a in fiction if a.id == "velmor-wire")
    assert lead_text(wire, 1).startswith(f"{wire.title}. Velmor Labs is recalling")
    assert {"310000", "5 %"} <= figure_keys(wire)
    (item,) = article_features([wire], SETTINGS)
    assert item.vector.shape == (DIMENSIONS,)
    assert abs(float(np.linalg.norm(item.vector)) - 1.0) < 1e-4
    assert "breathel" in item.keywords and "velmor labs" in item.entities
    assert day_number("2026-05-12T10:00:00+02:00") == day_number("2026-05-12")
    assert day_number("not a date") is None and day_number(None) is None


def test_group_cluster_embedder_batches_agree() -> None:
    texts = ["Ferry crews strike at Tarvik.", "A frog is found again.", "Drug recall."]
    one = Embedder(batch_size=1)(texts)
    many = Embedder(batch_size=8)(texts)
    assert np.allclose(one, many, atol=1e-4)
    assert float(one[0] @ one[1]) < 0.5
    assert Embedder()([]).shape == (0, DIMENSIONS)


def test_group_cluster_int8_embedder_keeps_the_float_neighbours() -> None:
    texts = ["The ferry crews at Tarvik walked out on Monday over pay.",
             "Tarvik ferry workers began a strike about wages this week.",
             "A rare frog was found again in the hills after forty years.",
             "Regulators recalled a cough syrup sold in three provinces.",
             "The cough medicine was pulled from shelves by the health agency."]
    exact, fast = Embedder()(texts), Embedder(int8=True)(texts)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    assert min(float(a @ b) for a, b in zip(exact, fast, strict=True)) > 0.98
    nearest = []
    for sims in (exact @ exact.T, fast @ fast.T):
        np.fill_diagonal(sims, -1.0)
        nearest.append(list(sims.argmax(axis=1)))
    assert nearest[0] == nearest[1]
    assert [nearest[1][i] for i in (0, 1, 3, 4)] == [1, 0, 4, 3]


def test_group_cluster_mean_pool_ignores_padding() -> None:
    hidden = np.array([[[3.0, 4.0], [100.0, 0.0]]], dtype=np.float32)
    mask = np.array([[1, 0]], dtype=np.int64)
    assert np.allclose(mean_pool(hidden, mask), [[0.6, 0.8]])


def unit(*values: float) -> np.ndarray:
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    vector[: len(values)] = values
    return vector / np.linalg.norm(vector)


def test_group_cluster_average_linkage_is_exact() -> None:
    weights: dict[str, float] = {}
    members = [frozenset({"a", "b"}), frozenset({"a", "c", "d", "e"})]
    for keys in members:
        for key in keys:
            weights[key] = weights.get(key, 0.0) + 1 / len(keys) ** 0.5
    article = frozenset({"a", "c"})
    expected = np.mean([len(article & m) / (len(article) * len(m)) ** 0.5 for m in members])
    assert set_overlap(article, weights, 2) == pytest.approx(expected)
    assert set_overlap(frozenset(), weights, 2) == 0.0


def test_group_cluster_index_window_and_nearest() -> None:
    index = StoryIndex(window=2, capacity=1)  # grows as rows are added
    first = index.add_row(unit(1, 0), 100)
    second = index.add_row(unit(0, 1), 110)
    undated = index.add_row(unit(1, 1), None)
    assert [row for row, _ in index.nearest(unit(1, 0), 101, k=5)] == [first, undated]
    assert [row for row, _ in index.nearest(unit(1, 0), 105, k=5)] == [undated]
    index.add_member(first, unit(1, 0), 104)  # the story now runs from day 100 to 104
    assert [row for row, _ in index.nearest(unit(1, 0), 105, k=5)] == [first, undated]
    assert [row for row, _ in index.nearest(unit(0, 1), None, k=1)] == [second]
    (row, score), = index.nearest(unit(1, 0), 103, k=1)
    assert row == first and score == pytest.approx(1.0)


def test_group_cluster_close_dated_articles_sharing_an_entity_need_only_the_dated_threshold(
) -> None:
    settings = replace(SETTINGS, join_threshold=0.9, join_threshold_dated=0.6, close_days=1,
                       weight_keywords=0.0, weight_figures=0.0, weight_entities=0.0,
                       weight_entities_close=0.0)
    story = Features("a", unit(1, 0), frozenset({"kessaly"}), frozenset(), frozenset(), 5)
    item = replace(story, id="b", vector=unit(1, 1))  # cosine 0.71: between the thresholds
    elsewhere = frozenset({"lessan bay"})
    for first_day, second_day, entities, joins in ((5, 6, story.entities, True),
                                                   (5, 4, story.entities, True),
                                                   (5, 7, story.entities, False),  # not close
                                                   (5, None, story.entities, False),
                                                   (None, 6, story.entities, False),
                                                   (5, 6, elsewhere, False)):
        clusterer = Clusterer(settings)
        clusterer.add(replace(story, day=first_day))
        decision = clusterer.add(replace(item, day=second_day, entities=entities))
        assert decision.new is not joins and decision.score == pytest.approx(0.7071, abs=1e-3)


def test_group_cluster_close_article_framed_its_own_way_joins_by_its_entities() -> None:
    """An outlet's own framing shares the story's people and places, not its wording: close
    in time, entity overlap lifts a low cosine over the dated threshold, not otherwise."""
    settings = replace(SETTINGS, join_threshold=0.9, join_threshold_dated=0.7, close_days=1,
                       weight_keywords=0.0, weight_figures=0.0, weight_entities=0.0,
                       weight_entities_close=0.25)
    people = frozenset({"aldra", "skellmoor dam", "tarrowby", "edwin stallard"})
    story = Features("a", unit(1, 0), people, frozenset(), frozenset(), 5)
    framed = replace(story, id="b", vector=unit(1, 1.4))  # cosine 0.58
    one_place = replace(framed, entities=frozenset({"tarrowby", "drumlow", "caun", "ostvale"}))
    for chosen, item, day, joins in ((settings, framed, 6, True),  # 0.58 + 0.25
                                     (settings, framed, 8, False),  # not close: 0.58 < 0.9
                                     (settings, one_place, 6, False),  # 0.58 + 0.25 / 4
                                     (replace(settings, weight_entities_close=0.0), framed, 6,
                                      False)):
        clusterer = Clusterer(chosen)
        clusterer.add(story)
        decision = clusterer.add(replace(item, day=day))
        assert decision.new is not joins, (item.entities, day, decision)
        if joins:
            assert decision.score == pytest.approx(0.581 + 0.25, abs=1e-3)


def test_group_cluster_clusterer_joins_or_starts() -> None:
    clusterer = Clusterer(replace(SETTINGS, join_threshold=0.9))
    item = Features("a", unit(1, 0), frozenset(), frozenset(), frozenset({"x"}), 5)
    first = clusterer.add(item)
    near = clusterer.add(replace(item, id="b", vector=unit(1, 0.1)))
    far = clusterer.add(replace(item, id="c", vector=unit(0, 1)))
    assert first.new and not near.new and far.new
    assert near.story == "a" and far.story == "c"
    assert [p.members for p in clusterer.stories()] == [["a", "b"], ["c"]]
