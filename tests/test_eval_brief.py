"""The brief evaluation's glue (eval/brief.py): LexRank, arousal, ROUGE, bootstrap, systems.

Every text here is made up for the test; the one real-data test reads ../shared/eval."""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from eval.brief import (
    Brief,
    RoundupStory,
    arousal,
    bootstrap_ci,
    centrality,
    choose_systems,
    cosine_matrix,
    lead_brief,
    lexrank,
    lexrank_system,
    load_lexicon,
    make_scorer,
    newsprism_system,
    parse_story,
    read_stories,
    rouge_f1,
    run_systems,
    score_story,
    story_articles,
    tfidf_matrix,
    tokens,
)
from newsprism.config import load_settings
from newsprism.model import Article, BriefSentence, Comparison, Sentence
from tests.conftest import SHARED

ALLSIDES = SHARED / "eval" / "allsides"

# A hub sentence sharing words with each of the others, which share none among themselves.
HUB = ["harbor", "bridge", "council", "vote"]
SPOKES = [["harbor", "ferry", "tides"], ["bridge", "steel", "rivets"],
          ["council", "minutes", "clerk"], ["vote", "ballot", "count"]]

CALM_LEXICON = {"quiet": 0.1, "meadow": 0.15, "rest": 0.2, "riot": 0.9, "explosion": 0.95,
                "panic": 0.92, "said": 0.3}


def article(key: str, sentences: list[str]) -> Article:
    text = " ".join(sentences)
    spans, start = [], 0
    for sentence in sentences:
        spans.append(Sentence(start, start + len(sentence)))
        start += len(sentence) + 1
    return Article(id=key, outlet=key, text=text, sentences=tuple(spans))


def test_brief_tfidf_rows_are_unit_length_and_empty_rows_zero() -> None:
    matrix = tfidf_matrix([["a", "b"], [], ["b", "c", "c"]])
    assert np.allclose(np.linalg.norm(matrix, axis=1), [1.0, 0.0, 1.0])


def test_brief_cosine_of_shared_words_only() -> None:
    similarity = cosine_matrix([HUB, *SPOKES])
    assert similarity[0, 1] > 0
    assert similarity[1, 2] == 0
    assert similarity[1, 1] == pytest.approx(1.0)


def test_brief_centrality_prefers_sentence_most_similar_to_others() -> None:
    scores = centrality(cosine_matrix([*SPOKES[:2], HUB, *SPOKES[2:]]))
    assert int(np.argmax(scores)) == 2
    assert scores.sum() == pytest.approx(1.0)


def test_brief_centrality_of_unlinked_sentences_is_uniform() -> None:
    scores = centrality(np.eye(3))
    assert np.allclose(scores, [1 / 3] * 3)


def test_brief_lexrank_takes_the_hub_first_within_budget() -> None:
    sentences = [" ".join(words) for words in [*SPOKES[:2], HUB, *SPOKES[2:]]]
    assert lexrank(sentences, budget_words=4) == [2]
    chosen = lexrank(sentences, budget_words=10)
    assert 2 in chosen
    assert chosen == sorted(chosen)
    assert sum(len(sentences[i].split()) for i in chosen) <= 10 + 3 / 2


def test_brief_lexrank_skips_a_near_copy_of_a_chosen_sentence() -> None:
    sentences = ["the harbor council passed the bridge vote",
                 "the harbor council passed the bridge vote today",
                 "ferry riders welcomed the bridge vote",
                 "the clerk counted each harbor ballot"]
    chosen = lexrank(sentences, budget_words=30)
    assert not {0, 1} <= set(chosen)
    assert len(chosen) == 3


def test_brief_lexrank_takes_one_sentence_even_with_zero_budget() -> None:
    assert len(lexrank(["one sentence here", "another one there"], budget_words=0)) == 1
    assert lexrank([], budget_words=50) == []


def test_brief_tokens_lowercase_and_drop_stopwords() -> None:
    assert tokens("The Harbor's vote, 2024!", frozenset({"the"})) == ["harbor's", "vote", "2024"]


def test_brief_arousal_of_calm_text_below_agitated_text() -> None:
    calm = arousal("A quiet meadow, a place to rest.", CALM_LEXICON)
    agitated = arousal("Panic after the explosion, then a riot.", CALM_LEXICON)
    assert calm is not None and agitated is not None
    assert calm == pytest.approx((0.1 + 0.15 + 0.2) / 3)
    assert calm < agitated


def test_brief_arousal_counts_each_occurrence_and_none_without_lexicon_words() -> None:
    assert arousal("riot riot quiet", CALM_LEXICON) == pytest.approx((0.9 + 0.9 + 0.1) / 3)
    assert arousal("nothing known here", CALM_LEXICON) is None


def test_brief_load_lexicon_reads_arousal_column_of_single_words(tmp_path: Path) -> None:
    path = tmp_path / "vad.txt"
    path.write_text("Word\tValence\tArousal\tDominance\nquiet\t0.6\t0.1\t0.4\n"
                    "alarm bell\t0.2\t0.8\t0.5\nriot\t0.1\t0.9\t0.6\n", "utf-8")
    assert load_lexicon(path) == {"quiet": 0.1, "riot": 0.9}


def test_brief_rouge_f1_identical_and_disjoint_texts() -> None:
    scorer = make_scorer()
    same = rouge_f1(scorer, "The council approved the bridge.", "The council approved the bridge.")
    assert same == pytest.approx({"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0})
    other = rouge_f1(scorer, "The council approved the bridge.", "Ferries sail at dawn.")
    assert other == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}


def test_brief_rouge_uses_stemming() -> None:
    scores = rouge_f1(make_scorer(), "councils approved bridges", "council approves bridge")
    assert scores["rouge1"] == pytest.approx(1.0)


def test_brief_bootstrap_interval_holds_the_mean() -> None:
    values = [0.1, 0.4, 0.2, 0.9, 0.5, 0.3]
    low, high = bootstrap_ci(values)
    assert low <= sum(values) / len(values) <= high
    assert bootstrap_ci([0.5] * 4) == (0.5, 0.5)
    assert bootstrap_ci(values) == bootstrap_ci(values)


def test_brief_parse_story_drops_empty_bodies_and_keeps_paragraphs() -> None:
    record = {"id": 7, "roundup": ["News paragraph.", "Coverage paragraph."],
              "news": {"left": {"newsSource": "Left Daily", "newsTitle": "T",
                                "newBody": ["First.", "Second."]},
                       "center": None,
                       "right": {"newsSource": "Right Post", "newBody": ["", " "]}}}
    story = parse_story(record, "file.jsonl:1")
    assert story.id == "7"
    assert [(b.side, b.outlet, b.text) for b in story.bodies] == [
        ("left", "Left Daily", "First.\n\nSecond.")]
    assert story.references() == {"roundup": "News paragraph.\nCoverage paragraph.",
                                  "first": "News paragraph."}


def test_brief_lead_takes_first_sentence_of_each_article() -> None:
    articles = [article("a", ["Alpha one.", "Alpha two."]), article("b", ["Beta one."])]
    assert lead_brief(articles).summary == ("Alpha one.", "Beta one.")


def test_brief_lexrank_budget_follows_the_lead_and_failures_are_recorded() -> None:
    articles = [article("a", ["The harbor council passed the bridge vote.", "Ferries ran."]),
                article("b", ["The bridge vote passed the harbor council.", "Tides rose."])]

    def broken(_: object, __: int) -> Brief:
        raise RuntimeError("no brief")

    systems = {"lexrank": lexrank_system(frozenset()), "lead": lead_brief, "broken": broken}
    briefs, failures = run_systems(articles, systems)
    assert failures == {"broken": "RuntimeError: no brief"}
    assert briefs["lead"].words == 14
    assert 1 <= len(briefs["lexrank"].summary) <= 3


def test_brief_newsprism_scores_summary_and_sets_lexrank_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def compare_story(articles: Sequence[Article]) -> Comparison:
        return Comparison(id="s", articles=tuple(a.id for a in articles), brief=(
            BriefSentence("Both outlets report the vote.", ("a", "b")),
            BriefSentence("They differ on the count.", ("a", "b"), "conflict"),
            BriefSentence("Only one mentions ferries.", ("a",), "only")))

    monkeypatch.setitem(sys.modules, "newsprism.compare",
                        types.SimpleNamespace(compare_story=compare_story))
    articles = [article("a", ["The harbor council passed the bridge vote.", "Ferries ran."]),
                article("b", ["The bridge vote passed the harbor council.", "Tides rose."])]
    systems = {"lexrank": lexrank_system(frozenset()), "newsprism": newsprism_system()}
    briefs, failures = run_systems(articles, systems)
    assert failures == {}
    assert briefs["newsprism"].summary == ("Both outlets report the vote.",)
    assert len(briefs["newsprism"].sentences) == 3
    assert briefs["lexrank"].words == 7  # one sentence: the budget is newsprism's 5 words


def test_brief_unknown_system_is_refused() -> None:
    with pytest.raises(SystemExit, match="unknown system"):
        choose_systems("lexrank,gpt")


@pytest.mark.slow
def test_brief_real_stories_score_in_range() -> None:
    folder = ALLSIDES / "stories"
    if not any(folder.glob("*.jsonl")):
        pytest.skip(f"AllSides stories not found in {folder} (set NEWSPRISM_SHARED)")
    stories: list[RoundupStory] = []
    for story in read_stories(folder):
        if len(story.bodies) >= 2:
            stories.append(story)
        if len(stories) == 3:
            break
    lexicon = load_lexicon(ALLSIDES / "lexicons" / "NRC-VAD-Lexicon.txt")
    assert len(lexicon) > 19_000
    systems = choose_systems("lexrank,lead")
    settings, scorer = load_settings(), make_scorer()
    for story in stories:
        articles = story_articles(story, settings)
        assert len(articles) == len(story.bodies)
        assert all(a.sentences for a in articles)
        result = score_story(story, articles, systems, scorer, lexicon)
        assert result.failures == {}
        assert len(result.sources) == len(articles)
        for score in result.scores.values():
            assert score.words > 0
            assert all(0 < value <= 1 for value in score.rouge["roundup"].values())
            assert score.arousal is not None and 0 < score.arousal < 1
