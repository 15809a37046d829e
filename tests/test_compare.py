"""Story comparison on the fictional example corpus (answer key: examples/expected.toml) and
on the two seed articles (PRODUCT.md's acceptance list)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import newsprism
from newsprism.analyze.nlp import load_pipeline
from newsprism.compare import compare_story
from newsprism.compare.conflicts import Measure, _states_new, consistent, interval, measures
from newsprism.compare.details import Detail, _alike, _figure_key
from newsprism.compare.naming import _is_loaded, entity_naming, naming_sets
from newsprism.datafiles import data_rows
from newsprism.model import (
    Article,
    Comparison,
    Entity,
    Figure,
    Naming,
    Sentence,
    from_dict,
    to_dict,
)
from tests.conftest import EXAMPLES

EXPECTED: dict[str, Any] = tomllib.loads((EXAMPLES / "expected.toml").read_text())
STORIES = ("port-strike", "drug-recall", "transit-vote", "wildfire", "water", "plant")


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    articles, failures = newsprism.read([str(EXAMPLES)], outlets=EXAMPLES / "outlets.toml")
    assert failures == []
    return {article.id: article for article in articles}


@pytest.fixture(scope="module")
def compared(corpus: dict[str, Article]) -> dict[str, Comparison]:
    return {name: compare_story([corpus[aid] for aid in EXPECTED["stories"][name]["articles"]],
                                story_id=name) for name in STORIES}


@pytest.mark.parametrize(("value", "qualifier", "low", "high"), [
    (5600, "over", 5600, float("inf")),
    (5500, None, 5450, 5550),
    (3200, "about", 2880, 3520),
    (50000, "up to", 45000, 50000),
    (4.5, None, 4.45, 4.55),
    (33.33, "fewer than", float("-inf"), 33.33),
])
def test_compare_interval_from_qualifier(value: float, qualifier: str | None, low: float,
                                         high: float) -> None:
    assert interval(value, qualifier) == pytest.approx((low, high))


def test_compare_consistent_values() -> None:
    assert not consistent([(5600, "over"), (5500, None)])
    assert consistent([(31, None), (33.33, "about"), (33.33, "fewer than")])
    assert consistent([(14, None), (14, None)])
    assert not consistent([(1.3e9, None), (1.2e9, None)])
    # two bounds of one direction are each an outlet's best figure: 600 and 700 differ
    assert not consistent([(600, "more than"), (700, "more than")])
    assert consistent([(600, "more than"), (600, "over"), (640, None)])
    assert consistent([(1000, "more than"), (1200, "more than")])  # 1,000 may be rounded
    # regressions (BASIL): one value stated with and without a word that stresses its size
    assert consistent([(1, "only"), (1, None)])
    assert consistent([(55, "just"), (55, "about")])
    assert consistent([(1.375e9, None), (1.4e9, "just")])  # 1.4 rounds 1.375
    assert not consistent([(3.5e9, None), (3.6e9, None)])  # their roundings only touch
    assert consistent([(600, "at least"), (600, "at most")])
    # `nearly` is just below its value: not 9% below, as `up to` may be
    assert not consistent([(64, None), (70, "nearly")])
    assert consistent([(67, None), (70, "nearly")])
    assert consistent([(64, None), (70, "up to")])


def test_compare_naming_loaded_words_match_whole_words() -> None:
    """`mine` flagged in one sentence does not make the `National Mines Inspectorate`
    loaded, nor `spin` a `spinal unit`."""
    assert not _is_loaded("National Mines Inspectorate", {"mine"})
    assert not _is_loaded("the spinal unit", {"spin"})
    assert _is_loaded("a militant union", {"militant"})
    assert _is_loaded("the so-called reform", {"so-called"})


def _values(comparison: Comparison) -> list[set[tuple[str, str]]]:
    return [{(v.article, v.text) for v in c.values} for c in comparison.conflicts]


@pytest.mark.parametrize("story", STORIES)
def test_compare_finds_answer_key_conflicts(compared: dict[str, Comparison],
                                            story: str) -> None:
    """Most conflicts and updates of the answer key are found, each value in the right
    group and with the right kind (a later figure stated as new is an `update`)."""
    found = [({(v.article, v.text) for v in c.values}, c.kind) for c in compared[story].conflicts]
    expected = [fig for fig in EXPECTED["stories"][story]["figures"]
                if fig["kind"] in ("conflict", "update")
                and fig.get("unit") not in ("date", "year")
                and sum("value" in v for v in fig["values"].values()) >= 2]
    hits = 0
    for fig in expected:
        want = {(aid, v["text"]) for aid, v in fig["values"].items() if "value" in v}
        if any(kind == fig["kind"] and all(
                any(text in got_text or got_text in text for a, got_text in group if a == aid)
                for aid, text in want) for group, kind in found):
            hits += 1
    assert hits >= len(expected) / 2, f"{story}: {hits} of {len(expected)} conflicts found"


@pytest.mark.parametrize(("later", "earlier"), [
    ("14,500 hectares", "12,000 hectares"),  # "… up from 12,000 hectares on Sunday evening"
    ("700", "600"),  # "more than 700 firefighters were now deployed" vs "more than 600"
])
def test_compare_later_figure_stated_as_new_is_an_update(compared: dict[str, Comparison],
                                                         later: str, earlier: str) -> None:
    """The next day's figure, stated as new, updates the earlier reports (the undated
    syndicated copy of one of them does not make it a conflict)."""
    conflict = next(c for c in compared["wildfire"].conflicts
                    if ("wildfire-right", later) in {(v.article, v.text) for v in c.values})
    assert conflict.kind == "update"
    assert {v.text for v in conflict.values if v.article != "wildfire-right"} == {earlier}


@pytest.mark.parametrize("story", STORIES)
def test_compare_no_conflict_where_values_agree(compared: dict[str, Comparison],
                                                story: str) -> None:
    """Figures the answer key calls consistent (`9 percent` / `9 per cent`, `31 percent` /
    `about a third`) never appear in a conflict."""
    consistent_texts = {(aid, v["text"]) for fig in EXPECTED["stories"][story]["figures"]
                        if fig["kind"] == "consistent" for aid, v in fig["values"].items()}
    for group in _values(compared[story]):
        clash = {item for item in group if any(
            item[0] == aid and (text.endswith(item[1]) or item[1] in text)
            for aid, text in consistent_texts)}
        assert len(clash) < 2, f"{story}: consistent figures reported as a conflict: {group}"


@pytest.mark.parametrize("story", STORIES)
def test_compare_brief_every_sentence_cited(compared: dict[str, Comparison],
                                            story: str) -> None:
    comparison = compared[story]
    summary = [s for s in comparison.brief if s.section == "summary"]
    assert 3 <= len(summary) <= 8
    for sentence in comparison.brief:
        assert sentence.cites and set(sentence.cites) <= set(comparison.articles)


@pytest.mark.parametrize("story", STORIES)
def test_compare_brief_only_section_states_nothing_shared(compared: dict[str, Comparison],
                                                          story: str) -> None:
    """An "only reported by" sentence is evidence of no fact that another article reports
    too (a sentence may state a shared fact in one clause and a fact of its own in the
    other), and is given once."""
    comparison = compared[story]
    shared = {e.text for f in comparison.facts if len(f.reported_by) > 1 and not f.detail_of
              for found in f.reported_by.values() for e in found}  # a shared name is no fact
    only = [s.text for s in comparison.brief if s.section == "only"]
    assert not shared & set(only)
    assert len(only) == len(set(only))


@pytest.mark.parametrize("story", STORIES)
def test_compare_brief_has_no_loaded_own_voice(compared: dict[str, Comparison],
                                               corpus: dict[str, Article], story: str) -> None:
    """No summary sentence carries wording the framing layer flags in the outlet's voice,
    and each is the words of one article it cites."""
    for sentence in compared[story].brief:
        if sentence.section == "conflict":
            continue
        assert any(sentence.text in corpus[aid].text for aid in sentence.cites)
        for aid in sentence.cites:
            article = corpus[aid]
            at = article.text.find(sentence.text)
            if at < 0:
                continue
            flagged = [s.text for s in article.framing if at <= s.start < at + len(sentence.text)
                       and not s.label.endswith(":quoted") and s.label not in ("hedge",
                                                                              "intensifier")]
            assert flagged == [], f"loaded wording in the brief: {flagged}"


def test_compare_syndicated_copy_counts_once(corpus: dict[str, Article]) -> None:
    members = [corpus[aid] for aid in EXPECTED["stories"]["port-strike"]["articles"]]
    comparison = compare_story(members)
    assert ("port-strike-wire", "port-strike-courier") in comparison.syndicated
    assert comparison.independent_sources == len(members) - 1


def test_compare_embeds_each_text_once(corpus: dict[str, Article]) -> None:
    from newsprism.compare.story import _default_embed
    from newsprism.config import load_settings

    embed, asked = _default_embed(load_settings()), []

    def counted(texts: Any) -> np.ndarray:
        asked.extend(texts)
        return embed(texts)

    members = [corpus[aid] for aid in EXPECTED["stories"]["port-strike"]["articles"]]
    assert compare_story(members, embed=counted).facts  # holds a syndicated copy
    assert asked and len(asked) == len(set(asked))


def test_compare_fact_matrix_is_complete(compared: dict[str, Comparison]) -> None:
    for comparison in compared.values():
        for fact in comparison.facts:
            assert set(fact.reported_by) | set(fact.omitted_by) == set(comparison.articles)
            assert not set(fact.reported_by) & set(fact.omitted_by)


def test_compare_shared_facts_aligned(compared: dict[str, Comparison]) -> None:
    """The answer key's shared facts: the articles' evidence sits in one fact."""
    found = total = 0
    for story in STORIES:
        facts = compared[story].facts
        for shared in EXPECTED["stories"][story].get("shared_facts", []):
            total += 1
            evidence = shared["evidence"]
            found += any(sum(any(words in ev.text for ev in fact.reported_by.get(aid, ()))
                             for aid, words in evidence.items()) >= 2 for fact in facts)
    assert found >= total / 2, f"{found} of {total} shared facts aligned"


def test_compare_round_trips_json(compared: dict[str, Comparison]) -> None:
    for comparison in compared.values():
        assert from_dict(Comparison, to_dict(comparison)) == comparison


def test_compare_refuses_empty_and_repeated_ids(corpus: dict[str, Article]) -> None:
    with pytest.raises(newsprism.InputError, match="no articles"):
        compare_story([])
    article = corpus["port-strike-wire"]
    with pytest.raises(newsprism.InputError, match="repeated: port-strike-wire"):
        compare_story([article, article])


# -- the seeds: PRODUCT.md's acceptance list ----------------------------------------------

@pytest.fixture(scope="module")
def seed_comparison(seeds: Path) -> tuple[Comparison, dict[str, Article]]:
    articles, failures = newsprism.read([str(seeds)])
    assert failures == []
    return compare_story(articles), {a.id: a for a in articles}


def _seed(ids: dict[str, Article], prefix: str) -> str:
    return next(aid for aid in ids if aid.startswith(prefix))


def test_compare_seeds_troop_conflict(seed_comparison: tuple[Comparison, dict[str, Article]],
                                      ) -> None:
    comparison, articles = seed_comparison
    a, b = _seed(articles, "000_"), _seed(articles, "002_")
    troops = [c for c in comparison.conflicts
              if {(v.article, v.text) for v in c.values} == {(a, "5,600"), (b, "5,500")}]
    assert len(troops) == 1
    by_article = {v.article: v for v in troops[0].values}
    assert by_article[a].qualifier == "over"
    assert by_article[a].attributed_to == "the Pentagon"
    assert by_article[b].attributed_to == "James Jeffrey"
    stated = [s for s in comparison.brief if s.section == "conflict"]
    assert any("5,600" in s.text and "5,500" in s.text and "Pentagon" in s.text
               and "James Jeffrey" in s.text and set(s.cites) == {a, b} for s in stated)


def test_compare_seeds_shared_and_only_facts(
        seed_comparison: tuple[Comparison, dict[str, Article]]) -> None:
    comparison, articles = seed_comparison
    a, b = _seed(articles, "000_"), _seed(articles, "002_")

    def fact_with(words: str) -> set[str]:
        return {aid for fact in comparison.facts for aid, evidence in fact.reported_by.items()
                if any(words in ev.text for ev in evidence) and len(fact.reported_by) > 1} or {
            aid for fact in comparison.facts for aid, evidence in fact.reported_by.items()
            if any(words in ev.text for ev in evidence)}

    assert fact_with("al-Abadi") == {a, b}
    assert fact_with("Nasrallah") == {a}
    assert fact_with("memorandum of understanding") == {b}


def test_compare_seeds_naming(seed_comparison: tuple[Comparison, dict[str, Article]]) -> None:
    comparison, articles = seed_comparison
    a, b = _seed(articles, "000_"), _seed(articles, "002_")
    islamic_state = [n for n in comparison.naming if "Islamic State" in n.referent]
    assert islamic_state
    assert "Islamic State group" in islamic_state[0].forms[a]
    assert "ISIS" in islamic_state[0].forms[b]
    (presence,) = [n for n in comparison.naming if "occupation" in n.forms.get(a, "")]
    assert "presence" in presence.forms[b]
    assert presence.forms[a] in presence.loaded


def test_compare_seeds_facts_do_not_grow_into_blobs(
        seed_comparison: tuple[Comparison, dict[str, Article]]) -> None:
    """Every sentence of the seeds is about troops in Iraq: a fact must still be one fact,
    not most of an article (before the bars rose with the story's background, one fact
    held 9 sentences of 002)."""
    comparison, _ = seed_comparison
    assert max(len(evidence) for fact in comparison.facts if not fact.detail_of
               for evidence in fact.reported_by.values()) <= 4  # a detail: every mention


def test_compare_seeds_sourcing_contrast(
        seed_comparison: tuple[Comparison, dict[str, Article]]) -> None:
    comparison, articles = seed_comparison
    a, b = _seed(articles, "000_"), _seed(articles, "002_")
    assert comparison.sourcing[b]["quotes_by_type"]["anonymous"] >= 1
    assert comparison.sourcing[a]["quotes_by_type"]["anonymous"] == 0
    speakers = {v.speaker for v in comparison.quotes}
    assert {"Stephen Townsend", "James Jeffrey", "Jim Mattis", "Paul Funk"} <= speakers


def test_compare_brief_skips_a_sentence_cut_short() -> None:
    from newsprism.compare.align import units_of
    from newsprism.compare.brief import usable
    from newsprism.model import Sentence

    whole = "The harbour board approved the dredging plan for the eastern quay on Monday."
    cut = "Crews from three firms will start work on the quay walls in a month o..."
    text = f"{whole} {cut}"
    article = Article(id="a", outlet="o", text=text, sentences=(
        Sentence(0, len(whole)), Sentence(len(whole) + 1, len(text))))
    assert [usable(unit, article) for unit in units_of(article)] == [True, False]


def test_compare_brief_does_not_speak_in_the_first_or_second_person() -> None:
    from newsprism.compare.brief import personal

    # a block quote whose marks the page lost, a columnist's aside, a word to the reader
    assert personal("All of us remember the winter the harbour froze and what it cost.")
    assert personal("Nobody told the dockers what the board had planned for us.")
    assert personal("If you live near the quay, the council asks you to boil water.")
    # the same words inside quotation marks are the speaker's, and the country is not `us`
    assert not personal("The mayor said “we will rebuild the quay” at the meeting.")
    assert not personal("The mayor said ‘we won’t leave the quay’ at the meeting.")
    assert personal("The mayor said ‘rebuild’ was the word we heard most.")
    assert not personal("US and Verran officials met on the quay on Monday.")
    assert not personal("The memorial to World War I sailors stands on the quay.")


def test_compare_seeds_brief_in_its_own_voice(
        seed_comparison: tuple[Comparison, dict[str, Article]]) -> None:
    from newsprism.compare.brief import personal

    comparison, _ = seed_comparison
    assert comparison.brief and not any(personal(b.text) for b in comparison.brief)
    # 000 gives Townsend's words without quotation marks: they are not a fact to restate
    assert not any(b.text.startswith("All of us") for b in comparison.brief)



FLOOD_A = """Floods kill 14 in Verran valley

Heavy rain flooded large parts of the Verran valley on Thursday, forcing more than 12,000 people
to leave their homes, regional authorities said.

At least 14 people have died, the civil protection agency said. The army sent 600 soldiers to
help with rescues.

Rainfall reached 180 millimetres in 24 hours, the weather service said.
"""
FLOOD_B = """Verran floods: death toll rises to 17

Floods in the Verran valley have killed 17 people, officials said on Friday, as rescuers searched
for dozens still missing.

About 12,500 residents were evacuated after rivers burst their banks on Thursday. The
government deployed 800 troops to the region.

The weather service said 180 millimetres of rain fell in a single day.
"""


def test_compare_brief_tells_each_sentence_once(tmp_path: Path) -> None:
    """A single-article fact the summary tells is not repeated under "only", and a sentence
    stating a figure in conflict is left to the conflicts section."""
    for name, text in (("a", FLOOD_A), ("b", FLOOD_B)):
        (tmp_path / f"{name}.txt").write_text(text)
    articles, _ = newsprism.read([str(tmp_path)])
    comparison = compare_story(articles)
    texts = [sentence.text for sentence in comparison.brief]
    assert len(texts) == len(set(texts))
    assert [c.quantity for c in comparison.conflicts] == ["soldiers"]
    assert not any("soldiers" in s.text or "troops" in s.text
                   for s in comparison.brief if s.section != "conflict")


FLOOD_C = """Army joins rescue effort as Verran valley floods

Army units were sent to help with rescues in the flooded Verran valley, the defence ministry
said on Friday.
"""


def test_compare_brief_tells_a_fact_by_a_sentence_without_the_disputed_figure(
        tmp_path: Path) -> None:
    """600 soldiers (a) and 800 troops (b) disagree; c reports the deployment without a
    number, so the summary tells the fact in c's words and the conflict section the rest.
    (`flooded` is no loaded word in a flat sentence.)"""
    (tmp_path / "a.txt").write_text(FLOOD_A.replace("help with rescues.",
                                                    "help with rescues in the valley."))
    (tmp_path / "b.txt").write_text(FLOOD_B.replace("to the region.",
                                                    "to help with rescues in the valley."))
    (tmp_path / "c.txt").write_text(FLOOD_C)
    articles, _ = newsprism.read([str(tmp_path)])
    comparison = compare_story(articles)
    summary = [s for s in comparison.brief if s.section == "summary"]
    army = [s for s in summary if s.text.startswith("Army units were sent")]
    assert army and set(army[0].cites) == {"a", "b", "c"}, summary


def test_compare_naming_skips_nouns_in_different_roles(compared: dict[str, Comparison]) -> None:
    """`fire officials` (who said something) and `a fire season` (after `of`) share a
    modifier but do not name one thing; `tram boondoggle` / `tram route` do."""
    referents = {n.referent for story in compared.values() for n in story.naming if n.differs}
    assert not any(r.startswith("fire (") for r in referents)
    assert any(r.startswith("tram (") and "boondoggle" in r for r in referents)


def test_compare_earlier_level_of_a_change_is_not_a_measure() -> None:
    """`up from 500` is where a change started, not what the article now reports: it is left
    out of the figures compared, so it does not stand beside the article's own 830."""
    sentence = "Entries have climbed to 830, up from about 500 on Monday."
    found = []
    for covered, value in (("830", 830), ("500", 500)):
        start = sentence.index(covered)
        found.append(Figure(start, start + len(covered), covered, value, None, "Entries",
                            None, None))
    article = Article("a", "o", sentence, sentences=(Sentence(0, len(sentence)),),
                      figures=tuple(found))
    assert [m.figure.text for m in measures(article)] == ["830"]


@pytest.mark.parametrize(("sentence", "stated_as_new"), [
    ("The number of arrests has risen to 11, up from seven.", True),
    ("New figures put the crowd at 11,000.", True),
    ("Crowds gathered outside the new shelter, which houses 250 people.", False),
    ("The town's new hotel holds 250 people.", False),
])
def test_compare_update_cues(sentence: str, stated_as_new: bool) -> None:
    """A figure's sentence marks it as newer by a change (`risen to`, `up from`, `new
    figures`), not by `new` naming a thing (`the new shelter`)."""
    covered = next(word for word in ("11,000", "11", "250") if word in sentence)
    start = sentence.index(covered)
    figure = Figure(start, start + len(covered), covered, 11, None, None, None, None)
    article = Article("a", "o", sentence, sentences=(Sentence(0, len(sentence)),),
                      figures=(figure,))
    assert _states_new(Measure(article, figure, 11.0, None, sentence, 0.5)) is stated_as_new


@pytest.mark.parametrize(("first", "second", "conflict"), [
    ("Construction is expected to last two years.", "Construction is expected to last "
     "24 months.", False),
    ("The repairs will take three months.", "The repairs will take 90 days.", False),
    ("The repairs will take three months.", "The repairs will take 150 days.", True),
])
def test_compare_durations_in_other_units(tmp_path: Path, first: str, second: str,
                                          conflict: bool) -> None:
    """A duration agrees with its conversion within the rounding of what was stated."""
    articles = _sentence_articles(tmp_path, "Harbour works", {"a": first, "b": second})
    assert bool(compare_story(articles).conflicts) is conflict


def _sentence_articles(folder: Path, title: str, texts: dict[str, str]) -> list[Article]:
    """Articles of one sentence each under the same headline, read from `folder`."""
    for name, sentence in texts.items():
        (folder / f"{name}.txt").write_text(f"{title}\n\n{sentence}\n")
    articles, _ = newsprism.read([str(folder)])
    return articles


def test_compare_figures_that_are_each_others_best_match(tmp_path: Path) -> None:
    """Two amounts worded apart (`will cost` / `puts the price tag at`) are still the same
    quantity when each is the other's best match and the values are close."""
    texts = {"a": "The new bridge over the Senn will cost $4.2 billion, according to the "
                  "transport ministry, and is due to open in 2031.",
             "b": "Critics of the bridge say the ministry's own budget puts the price tag at "
                  "about $3.1 billion, far more than the city can pay."}
    (conflict,) = compare_story(_sentence_articles(tmp_path, "Senn bridge", texts)).conflicts
    assert {v.text for v in conflict.values} == {"$4.2 billion", "$3.1 billion"}


def _measure(value: float, text: str) -> Measure:
    figure = Figure(start=0, end=len(text), text=text, value=value, unit=None, counts=None,
                    qualifier=None, attributed_to=None)
    return Measure(article=None, figure=figure, value=value, unit=None,  # type: ignore[arg-type]
                   context=text, rounding=0.5)


def test_compare_figures_do_not_chain_through_a_third() -> None:
    """`14` batches is like `five` deaths in one article's wording and `five` like `two`
    deaths in another's, but `14` and `two` have nothing in common: no three-way group."""
    from newsprism.compare.conflicts import _linked

    found = {"a": [_measure(14, "14")], "b": [_measure(5, "five")], "c": [_measure(2, "two")]}
    contexts = {"a": [1.0, 0.0, 0.0], "b": [0.6, 0.8, 0.0], "c": [0.0, 0.6, 0.8]}
    vectors = {aid: np.array([row, [0.0, 0.0, 0.0]]) for aid, row in contexts.items()}
    groups = _linked(found, vectors, threshold=0.45)
    assert [sorted(m.figure.text for m in group) for group in groups] == [["14", "five"]]


FERRY_A = """Ferries halted after fuel leak

Harbourline Ferries cancelled every crossing to Tollan Island on Monday after a fuel leak was
found on its largest vessel. Harbourline Ferries said repairs would take about a week.

The National Union of Seafarers said its members had warned about the vessel's fuel lines
in March. Union officials met the company on Tuesday.

The blaze on the quay burned for two hours before crews put it out.
"""

FERRY_B = """Islanders stranded as ferry firm cancels crossings

The cost-cutting ferry operator Harbourline Ferries cancelled every crossing to Tollan Island
on Monday after a fuel leak was found on its largest vessel. The operator said repairs would
take about a week.

Union bosses at the National Union of Seafarers said their members had warned about the
vessel's fuel lines in March.

The inferno on the quay burned for two hours before crews put it out.
"""


def _compared(tmp_path_factory: pytest.TempPathFactory, *texts: str) -> Comparison:
    """Project-written articles (ids `a`, `b`, …), read, analysed and compared."""
    folder = tmp_path_factory.mktemp("story")
    for name, text in zip("abcdef", texts, strict=False):
        (folder / f"{name}.txt").write_text(text)
    articles, _ = newsprism.read([str(folder)])
    return compare_story(articles)


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    return _compared(tmp_path_factory, FERRY_A, FERRY_B)


def _naming_of(comparison: Comparison, referent: str) -> dict[str, str]:
    """The forms of the first referent named differently whose name holds `referent`."""
    return next((n.forms for n in comparison.naming if n.differs and referent in n.referent),
                {})


def test_compare_naming_shows_descriptions_of_a_named_entity(ferry: Comparison) -> None:
    """The words before a name (`cost-cutting ferry operator`) describe it, and tie the kind
    `operator` to it; article a, which only names the company, shows no description."""
    forms = _naming_of(ferry, "Harbourline Ferries")
    assert "cost-cutting ferry operator" in forms.get("b", ""), ferry.naming
    assert "operator" not in forms.get("a", "")


def test_compare_naming_people_who_run_an_organisation_name_its_side(ferry: Comparison) -> None:
    """`union bosses` names the National Union of Seafarers' side (its name's head is
    `Union`)."""
    forms = _naming_of(ferry, "National Union of Seafarers")
    assert "Union bosses" in forms.get("b", ""), ferry.naming


def test_compare_naming_same_role_close_meaning_is_one_thing(ferry: Comparison) -> None:
    """`The blaze` and `The inferno`, both subjects of `burned` in sentences stating one fact,
    name one thing; the framing layer's loaded word is marked."""
    forms = _naming_of(ferry, "blaze")
    assert forms == {"a": "The blaze", "b": "The inferno"}, ferry.naming


MILL_A = """Mill closure will cost 300 jobs

Harland Mills Inc. will close its Harrow Vale mill in March, the company said on Monday. The
Textile Workers Union said it would fight the closure in court. The company blamed rising
energy costs. The company's contractor will clear the site.

Production will move to a plant near Sallow Point. Residents called the closure a turning
point for the valley.
"""

MILL_B = """Textile giant shutters Harrow Vale mill

Harland Mills Inc., a firm that paid its chief executive a record bonus last year, will close
its Harrow Vale mill in March. The Textile Workers Union vowed to fight the closure in court.
It is the company, not the Textile Workers Union, that will set the timetable.

Production will move to a plant near Sallow Point. The firm blamed rising energy costs.
"""


@pytest.fixture(scope="module")
def mill(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    return _compared(tmp_path_factory, MILL_A, MILL_B)


def test_compare_naming_common_noun_for_the_organisation_of_its_kind(mill: Comparison) -> None:
    """`The company` is the company named last (`Inc.`), not the union named in between;
    `the company's contractor` is another company; a contrast (`the company, not the …
    Union`) is no apposition."""
    forms = _naming_of(mill, "Harland Mills")
    assert "company" in forms.get("a", "") and "firm" in forms.get("b", ""), mill.naming
    assert "contractor" not in forms.get("a", ""), mill.naming
    assert _naming_of(mill, "Textile Workers Union") == {}, mill.naming


def test_compare_naming_indefinite_phrase_is_not_a_place_of_the_same_head(
        mill: Comparison) -> None:
    """`a turning point` does not describe `Sallow Point`: a name's own head noun names it
    only in a definite phrase."""
    assert _naming_of(mill, "Sallow Point") == {}, mill.naming


def test_compare_naming_possessive_is_no_other_name() -> None:
    """`Aldane Pharmaceuticals'` and `Aldane Pharmaceuticals` are one name."""
    a = Article("a", "o", "Aldane Pharmaceuticals recalled a drug.", entities=(
        Entity(0, 22, "Aldane Pharmaceuticals", "ORG", "Aldane Pharmaceuticals"),))
    text = "Aldane Pharmaceuticals' plant made the drug."
    b = Article("b", "o", text, entities=(
        Entity(0, 23, "Aldane Pharmaceuticals'", "ORG", "Aldane Pharmaceuticals"),))
    docs = {x.id: load_pipeline()(x.text) for x in (a, b)}
    (found,) = entity_naming([a, b], docs, {"a": set(), "b": set()})
    assert not found.differs, found


def test_compare_brief_tells_a_fact_by_its_least_opinionated_central_sentence() -> None:
    """Of sentences about as central as the most central one, the one the bias model scores
    least opinionated tells the fact; a clearly less central one does not."""
    from newsprism.compare.align import Unit
    from newsprism.compare.brief import neutral_choice

    texts = {"a": "The council approved the budget on Monday after a long debate.",
             "b": "The council finally approved its bloated budget on Monday night.",
             "c": "Residents had waited three years for the council to act on it."}
    bias = {"a": 0.2, "b": 0.9, "c": 0.1}
    units = [Unit(aid, Sentence(0, len(text), bias[aid]), text, text, 0, frozenset(), frozenset())
             for aid, text in texts.items()]
    articles = {aid: Article(aid, "o", text) for aid, text in texts.items()}
    rows = {"a": [1.0, 0.0, 0.0], "b": [0.99, 0.141, 0.0], "c": [0.1, 0.3, 0.949]}
    vectors = {(aid, 0): np.array(row) for aid, row in rows.items()}
    assert neutral_choice(units, articles, vectors).article == "a"  # type: ignore[union-attr]


def test_compare_naming_a_group_the_ner_took_for_a_person() -> None:
    """`Red Kite`, tagged as a person, is a group once an article describes it as one; the
    noun right before `calling itself` is what it is called (`gang`), not the noun the
    parse hangs the verb on (`attack`)."""
    texts = {"a": "The attack, claimed by a ransomware gang calling itself Red Kite, froze the "
                  "city's billing system for a week.",
             "b": "A group calling itself Red Kite said on Sunday that it had stolen the "
                  "city's billing records."}
    articles = [Article(aid, "o", text, entities=(
        Entity(text.index("Red Kite"), text.index("Red Kite") + 8, "Red Kite", "PERSON",
               "Red Kite"),)) for aid, text in texts.items()]
    docs = {a.id: load_pipeline()(a.text) for a in articles}
    (found,) = entity_naming(articles, docs, {"a": set(), "b": set()})
    assert found.forms == {"a": "Red Kite / ransomware gang", "b": "Red Kite / group"}


def test_compare_naming_a_company_the_ner_once_took_for_a_person() -> None:
    """A referent the NER tags as a person in one article and as a company in two is a
    company: its description in one article (`rogue operator`) makes its naming differ,
    which a person's more precise title (`operator`) would not."""
    texts = {"a": ("Brelland Copper, the operator, said the tunnel was safe.", "ORG"),
             "b": ("Brelland Copper ignored the warnings.", "PERSON"),
             "c": ("Brelland Copper, a rogue operator, closed the mine on Monday.", "ORG")}
    articles = [Article(aid, "o", text, entities=(
        Entity(0, 15, "Brelland Copper", label, "Brelland Copper"),))
        for aid, (text, label) in texts.items()]
    docs = {a.id: load_pipeline()(a.text) for a in articles}
    (found,) = entity_naming(articles, docs, {aid: set() for aid in texts})
    assert found.forms["c"] == "Brelland Copper / rogue operator"
    assert found.differs


def _named(texts: dict[str, tuple[Any, ...]],
           loaded: dict[str, set[str]] | None = None,
           headlines: dict[str, str] | None = None) -> list[Naming]:
    """Entity naming of project-written articles: per article its text, then the (name,
    label) of each entity it names, tagged at the name's first mention."""
    nlp = load_pipeline()
    articles = [Article(aid, "o", text, entities=tuple(
        Entity(text.index(name), text.index(name) + len(name), name, label, name)
        for name, label in names)) for aid, (text, *names) in texts.items()]
    docs = {a.id: nlp(a.text) for a in articles}
    titles = {aid: list(nlp(title).noun_chunks) for aid, title in (headlines or {}).items()}
    return entity_naming(articles, docs, loaded or {aid: set() for aid in texts}, titles)


def test_compare_naming_first_word_of_a_name_is_not_that_organisation() -> None:
    """`State` split off `State Treasurer` by the NER is not the `State Employees Union` two
    other articles name; a person's first name split off is that person."""
    union = ("State Employees Union", "ORG")
    (found,) = _named({"a": ("The State Employees Union called a strike.", union),
                       "b": ("State Treasurer Piet Lonnegan defended the cuts.", ("State", "ORG")),
                       "c": ("The State Employees Union marched on Monday.", union)})
    assert found.referent == "State Employees Union" and set(found.forms) == {"a", "c"}


def test_compare_naming_name_that_begins_a_longer_name_is_its_own_referent() -> None:
    """`Hallowfield Athletic` is not the `Hallowfield Athletic Supporters' Trust`, whether
    or not the article names the trust too; and `port bosses` run the `Port Halvern
    Authority`, not the town of `Port Halvern`."""
    club, trust = "Hallowfield Athletic", "Hallowfield Athletic Supporters' Trust"
    found = _named({
        "a": (f"{club} will move. The {trust} backed the plan.", (club, "ORG"), (trust, "ORG")),
        "b": (f"{club} won the vote. The {trust} cheered.", (club, "ORG"), (trust, "ORG")),
        "c": (f"{club} needs a new stadium, its owner said.", (club, "ORG"))})
    assert {n.referent: set(n.forms) for n in found} == {club: {"a", "b", "c"},
                                                         trust: {"a", "b"}}
    town, authority = "Port Halvern", "Port Halvern Authority"
    found = _named({
        "a": (f"Dockers in {town} walked out after the {authority} froze pay, and port bosses "
              "refused to talk.", (town, "GPE"), (authority, "ORG")),
        "b": (f"Dockers in {town} walked out after the {authority} froze pay.",
              (town, "GPE"), (authority, "ORG"))})
    forms = {n.referent: n.forms["a"] for n in found}
    assert forms == {town: town, authority: f"{authority} / port bosses"}, forms
    town, hall = "Vantry", "Vantry Grange Hall"
    found = _named({
        "a": (f"The fire reached {town} and destroyed the {hall}.", (town, "GPE"), (hall, "FAC")),
        "b": (f"Flames swept into {town}, where the {hall} burned.", (town, "GPE"),
              (hall, "FAC"))})
    assert {n.referent for n in found} == {town, hall}


def _entity_naming(texts: dict[str, str], name: str, label: str = "ORG",
                   loaded: dict[str, set[str]] | None = None,
                   headlines: dict[str, str] | None = None) -> list[Naming]:
    """Entity naming of project-written articles that each name `name` once."""
    return _named({aid: (text, (name, label)) for aid, text in texts.items()}, loaded,
                  headlines)


def test_compare_naming_kind_of_organisation_with_words_of_its_name() -> None:
    """A noun for a kind of organisation whose compounds are words of a name describes the
    named organisation (`the airline lobby`, `a state-run air traffic monopoly`), and so
    does a name's head noun after a compound the outlet's loaded word (`Lowmere's
    spendthrift council`); not a word for no organisation (`the airline industry`) or for
    another kind (`the telecom operator` is no association)."""
    (found,) = _entity_naming({
        "a": "The Carvanian Airlines Association asked for patience. The airline lobby, "
             "meanwhile, moved quickly to shield carriers from the bill.",
        "b": "The Carvanian Airlines Association said refunds would follow. The airline "
             "industry expects losses."}, "Carvanian Airlines Association")
    assert found.forms == {"a": "Carvanian Airlines Association / airline lobby",
                           "b": "Carvanian Airlines Association"} and found.differs
    (found,) = _entity_naming({
        "a": "The Estrand Telecoms Association met on Monday. The telecom operator was fined.",
        "b": "The Estrand Telecoms Association met on Monday."}, "Estrand Telecoms Association")
    assert not found.differs, found
    (found,) = _entity_naming({
        "a": "The National Air Traffic Agency apologised on Friday. Critics said a state-run "
             "air traffic monopoly had failed the country.",
        "b": "The National Air Traffic Agency apologised to travellers on Friday."},
        "National Air Traffic Agency")
    assert "state-run air traffic monopoly" in found.forms["a"]
    (found,) = _entity_naming({
        "a": "Lowmere City Council met on Thursday. Lowmere's spendthrift council narrowly "
             "voted to press ahead with the line.",
        "b": "Lowmere City Council voted on Thursday to press ahead."},
        "Lowmere City Council", loaded={"a": {"spendthrift"}, "b": set()})
    assert found.forms["a"] == "Lowmere City Council / spendthrift council"


def test_compare_naming_loaded_description_one_outlet_alone_uses() -> None:
    """A more precise description of a person is no other name (`mayor`), but a loaded one
    that only one outlet uses is (`the spendthrift mayor`)."""
    texts = {"a": "Mayor Delphine Arkwright spoke on Friday. The spendthrift mayor defended "
                  "the bike lanes.",
             "b": "Mayor Delphine Arkwright spoke on Friday. The mayor defended the bike lanes."}
    (found,) = _entity_naming(texts, "Delphine Arkwright", "PERSON",
                              loaded={"a": {"spendthrift"}, "b": set()})
    assert "spendthrift mayor" in found.forms["a"] and found.differs, found
    (found,) = _entity_naming(texts, "Delphine Arkwright", "PERSON")
    assert not found.differs, found


def test_compare_naming_description_in_an_article_that_never_names_it() -> None:
    """`the state transport department` (its head tagged a name by the parser) is the
    `Esterland Department of Transport` another article names: `state` stands for the
    state the name gives."""
    name = "Esterland Department of Transport"
    articles = [Article("a", "o", f"The {name} closed the bridge on Thursday.", entities=(
                    Entity(4, 4 + len(name), name, "ORG", name),)),
                Article("b", "o", "The bridge shut on Thursday. The state transport department "
                                  "put the cost of repairs at $55 million.")]
    nlp = load_pipeline()
    (found,) = entity_naming(articles, {a.id: nlp(a.text) for a in articles},
                             {"a": set(), "b": set()})
    assert found.forms == {"a": name, "b": "state transport department"} and found.differs


def test_compare_naming_informal_runners_and_headline_descriptions() -> None:
    """The informal name for the people who run an organisation, with a word of its name,
    names the organisation, in the body or in the headline (`port bosses`); a neutral one
    does not (`city officials` is no name for `Lowmere City Council`), nor do those who run
    what a group's name says it gathers (`hospital bosses` and the `Federation of Hospital
    Staff`)."""
    (found,) = _entity_naming({
        "a": "Dockers walked out on Monday after the Port Halvern Authority froze pay.",
        "b": "The Port Halvern Authority froze pay, and dockers walked out on Monday."},
        "Port Halvern Authority",
        headlines={"a": "Dockers walk out as port bosses cling to pay offer",
                   "b": "Dockers strike at Port Halvern"})
    assert found.forms == {"a": "Port Halvern Authority / port bosses",
                           "b": "Port Halvern Authority"} and found.differs
    (found,) = _entity_naming({
        "a": "Lowmere City Council voted on Thursday. City officials said work would start.",
        "b": "Lowmere City Council voted on Thursday to press ahead."}, "Lowmere City Council")
    assert not found.differs, found
    (found,) = _entity_naming({
        "a": "The Federation of Hospital Staff called a strike after hospital bosses cut pay.",
        "b": "The Federation of Hospital Staff called a strike on Monday."},
        "Federation of Hospital Staff")
    assert not found.differs, found

HARBOUR_A = """Harbour strike ends after talks

Governor Ines Patrova said on Monday that the dockers at Kelby would return to work after the \
port agreed to hire forty more crane drivers. Council leader Omar Lind welcomed the deal, and \
Mayor Ada Brink said the harbour would reopen on Tuesday. Ms Patrova thanked the dockers for \
their patience.
"""
HARBOUR_B = """Kelby dockers go back to work

Gov. Ines Patrova announced on Monday that the Kelby dockers would return to work once the port \
hired forty more crane drivers. Omar Lind, a former crane driver, called the deal overdue. Ada \
Brink, the mayor, said ships would dock again on Tuesday.
"""


def test_compare_naming_people_described_differently(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """A person is shown where an article describes them in words no other uses (`former
    crane driver`), not for an abbreviated or courtesy title (`Gov.`, `Ms`) or a title
    given as an apposition (`Mayor Ada Brink` / `Ada Brink, the mayor`)."""
    comparison = _compared(tmp_path_factory, HARBOUR_A, HARBOUR_B)
    people = {n.referent: n.forms for n in comparison.naming if n.differs}
    assert people == {"Omar Lind": {"a": "Omar Lind / Council leader",
                                    "b": "Omar Lind / former crane driver"}}


def test_compare_naming_one_referent_whatever_the_apostrophe() -> None:
    texts = {"a": "The Carters’ Union, a militant outfit, called the strike on Monday.",
             "b": "The Carters' Union called the strike on Monday."}
    articles = [Article(aid, "o", text, entities=(
        Entity(4, 18, text[4:18], "ORG", text[4:18]),)) for aid, text in texts.items()]
    docs = {a.id: load_pipeline()(a.text) for a in articles}
    (found,) = entity_naming(articles, docs, {"a": set(), "b": set()})
    assert found.forms == {"a": "Carters’ Union / militant outfit", "b": "Carters' Union"}


TERMINAL_A = """Storm shuts part of Kelby port

The port authority closed the northern terminal at Kelby on Friday because of the storm, \
but the southern terminal stayed open to container ships. Harbour pilots said the swell \
reached six metres overnight.
"""
TERMINAL_B = """Kelby port partly closed

The northern terminal at Kelby was shut by the port authority on Friday as the storm hit \
the coast. Container ships could still dock at the southern terminal, officials said. \
Fishing boats stayed in the inner harbour.
"""
TERMINAL_C = """Storm reaches Kelby

The Kelby port authority closed the port's northern terminal on Friday as the storm \
arrived. Schools in the town were told to stay shut until Monday.
"""


def test_compare_sentence_stating_two_facts_reports_each(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """A sentence joining two clauses (`…, but the southern terminal stayed open`) is
    evidence for both facts, so the article that states only the first is seen to omit the
    second."""
    comparison = _compared(tmp_path_factory, TERMINAL_A, TERMINAL_B, TERMINAL_C)
    closed = next(f for f in comparison.facts if "b" in f.reported_by
                  and "shut by the port authority" in f.reported_by["b"][0].text)
    still_open = next(f for f in comparison.facts if "b" in f.reported_by
                      and "southern terminal" in f.reported_by["b"][0].text)
    assert {"a", "c"} <= closed.reported_by.keys(), closed
    assert "a" in still_open.reported_by, still_open
    assert still_open.omitted_by == ("c",)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ambulances queued outside the hospital for five hours on Monday, and 210 planned "
     "operations were postponed by Tuesday.",
     ["Ambulances queued outside the hospital for five hours on Monday",
      "210 planned operations were postponed by Tuesday."]),
    ("Nurses walked out at the city hospital on Monday as the talks with ministers broke "
     "down.",
     ["Nurses walked out at the city hospital on Monday",
      "as the talks with ministers broke down."]),
    # a condition or a comparison states no fact of its own
    ("The union will name strike dates at two more hospitals if no agreement is reached.",
     ["The union will name strike dates at two more hospitals if no agreement is reached."]),
    ("Far fewer staff joined the stoppage on Monday than the union has claimed.",
     ["Far fewer staff joined the stoppage on Monday than the union has claimed."]),
])
def test_compare_clauses_of_a_sentence(text: str, expected: list[str]) -> None:
    from newsprism.compare.align import clauses

    doc = load_pipeline()(text)
    assert [text[a:b] for a, b in clauses(doc, Sentence(0, len(text)))] == expected


def test_compare_ages_of_different_people_are_no_conflict() -> None:
    """Regression (BASIL): `Pelosi, 76,` and `a 43-year-old congressman` were one quantity.
    An age is compared only with an age of the same named person."""
    from newsprism.config import load_settings
    from newsprism.ingest.outlets import OutletResolver
    from newsprism.ingest.read import raw_document
    from newsprism.pipeline import process

    texts = {
        "a": "Marta Olsen, 76, won the party's leadership vote on Wednesday. Her challenger, "
             "Kent Ibarra, a 43-year-old lawmaker from the north, lost by 134 votes to 63.",
        "b": "Kent Ibarra, 45, lost the party's leadership vote to Marta Olsen on Wednesday. "
             "The lawmaker from the north had hoped to win over younger members.",
    }
    articles, failures = process([raw_document(key, text) for key, text in texts.items()],
                                 OutletResolver(), load_settings())
    assert not failures
    found = [{v.text for v in c.values} for c in compare_story(articles).conflicts]
    assert not any({"76", "45"} <= values or {"76", "43-year-old"} <= values
                   for values in found), found
    assert {"43-year-old", "45"} in found


HOLDER_TEXT = """Varga wins Dunmere mayoralty

Ilse Varga won 52 percent of the vote on Sunday. The Farmers' League, which held 12 seats on
the council, fell to nine. Tomas Reyl finished with 41 percent. Police said 40 people were
arrested near the town hall. The union says 4,000 workers walked out. An exit poll put
turnout at 58 percent, with 46 percent for Varga among voters under 30.
"""


@pytest.mark.parametrize(("figure", "holder"), [
    ("52 percent", {"varga"}),  # subject of the verb whose object it is
    ("12", {"league"}),  # through a relative pronoun
    ("nine", {"league"}),  # the level a verb falls to
    ("41 percent", {"reyl"}),  # `finished with`
    ("40", set()),  # the figure is the subject itself; `Police` only say it
    ("4,000", set()),  # a source's claim, not the union's own quantity
    ("46 percent", {"varga"}),  # `for` after it
])
def test_compare_whose_quantity_a_figure_states(tmp_path: Path, figure: str,
                                                holder: set[str]) -> None:
    """Whose quantity a figure states, by the last word of each name."""
    from newsprism.compare.conflicts import holders

    (tmp_path / "a.txt").write_text(HOLDER_TEXT)
    (article,), _ = newsprism.read([str(tmp_path)])
    doc = load_pipeline()(article.text)
    (found,) = [f for f in article.figures if f.text == figure]
    assert {name.split()[-1] for name in holders(article, doc, found)} == holder


def test_compare_shares_of_different_candidates_do_not_conflict(tmp_path: Path) -> None:
    """Each candidate's share is compared with the same candidate's only: Varga's 52 percent
    is no other figure for Reyl's 44, though both are shares of the vote."""
    texts = {"a": "Ilse Varga won 52 percent of the vote in Dunmere on Sunday, according to "
                  "the election office.",
             "b": "Tomas Reyl won 44 percent of the vote in Dunmere on Sunday, according to "
                  "the election office, and conceded on Monday.",
             "c": "Tomas Reyl took 41 percent of the vote in Dunmere on Sunday, the election "
                  "office said."}
    articles = _sentence_articles(tmp_path, "Dunmere vote", texts)
    assert [{v.text for v in c.values} for c in compare_story(articles).conflicts] \
        == [{"44 percent", "41 percent"}]


@pytest.mark.parametrize(("first", "second"), [
    # an earlier period on one side only
    ("Net profit for the quarter fell to $412 million, the company said.",
     "Quarterly profit fell from the $655 million the company earned in the same quarter "
     "last year."),
    ("This spring, 71 percent of two-year-olds in Ashby had received a first dose.",
     "Five years ago, 89 percent of two-year-olds in Ashby had received a first dose."),
    ("The senate approved a $48.6 billion state budget on Thursday.",  # a clause with no verb
     "Last year's budget of $46.9 billion paid for the school meals in full."),
    # a part of the count on one side only
    ("The authority has recorded 214 confirmed cases of measles.",
     "The authority said 160 of the confirmed cases of measles are children."),
    ("Police said 14 officers were injured over four nights of rioting.",
     "Police said seven officers were injured on Saturday night alone."),
    ("Health officials have counted 121 suspected cases of measles.",
     "Health officials said a further 230 suspected cases of measles await tests."),
    ("The ministry announced a €40 million fund for the fishing fleet.",
     "The ministry announced a fund for the fishing fleet, but only €25 million of it is "
     "new money."),
    # an increment beyond the count is no part of it
    ("Divers pulled 90 more people from the sea on Tuesday, the coast guard said.",
     "Divers alone pulled 74 people from the sea on Tuesday, the coast guard said."),
    # a total over years against the event's count
    ("The union said 23 miners have died in the region's mines since 2016.",
     "The union said 17 miners were trapped in the region's mines."),
    # both name the kind of what they count, in different words
    ("The drive runs 38 temporary vaccination clinics in the province.",
     "The drive runs 36 community health clinics in the province."),
    # the size of a named place, not a count of the event
    ("About 6,000 people were evacuated from the valley on Monday.",
     "Water covered half of Tarrowby, a market town of 22,000 people, on Monday."),
    # two people's sentences, one named through `he`
    ("Judges convicted Mayor Kasimir Vendt of bribery. He was also fined $500,000.",
     "Judges convicted Mayor Kasimir Vendt of bribery. Radomir Talvik, the builder who paid "
     "him, was fined $300,000."),
    ("Judges convicted Mayor Kasimir Vendt of bribery. Radomir Talvik, the builder who paid "
     "him, was jailed for four years.",
     "Judges convicted Mayor Kasimir Vendt of bribery. Prosecutors said Vendt received "
     "$800,000 from the builder over about three years."),
    # the two sides of one vote
    ("Forty-seven delegates voted against the bill in the House on Tuesday.",
     "The bill passed the House on Tuesday with the votes of 52 delegates."),
    ("In the House on Tuesday, 47 delegates opposed the bill.",
     "In the House on Tuesday, 52 delegates supported the bill."),
    # the window a record is set in, and a span of time written with a fraction
    ("Osterby governed the province for eight years, the commission said.",
     "Turnout was the highest in a provincial election in twenty years, the commission said."),
    ("The Ashgrove plant builds a third of the cars the company makes.",
     "The Ashgrove plant has built cars for the company for half a century."),
    # the bounds of an age range
    ("The drive aims to reach everyone aged between one and 40 in the province.",
     "The drive has reached 54 schools in the province."),
    # one member's part of the whole
    ("The trust said about 1,400 planned operations had been postponed on Tuesday.",
     "St Aldric's Hospital, the largest of the five, postponed 420 operations on its own."),
    # a bound that defines a class of sites, not a count
    ("The warehouse stored about 80 tonnes of chemicals, the inspectorate said.",
     "The inspectorate will review every site storing more than 100 tonnes of chemicals."),
    ("The firm employs about 40 workers at the plant, the ministry said.",
     "The ministry said the rule covers all firms with more than 50 workers at a plant."),
    # a limit set by rule, not a reading
    ("Monitors near the cordon read hydrogen chloride at 1.8 ppm, the fire service said.",
     "Monitors near the cordon read hydrogen chloride under the exposure limit of 5 ppm, "
     "the fire service said."),
    # the length of each week worked is not the length of the strike
    ("Junior doctors at the hospital are due to strike for 24 hours, the union said.",
     "Junior doctors at the hospital routinely work 60-hour weeks, the union said."),
    # readings at two places, each named by its clause
    ("Smoke drifted over Pell River, where pollution peaked at 240 micrograms on Friday.",
     "Even in Harlow, 30 miles away, pollution readings reached 35 micrograms on Friday."),
    # what someone expects to have by a later day, not what they have
    ("The fire service said 1,100 firefighters were on the lines on Friday.",
     "The fire chief said she expected to have about 2,000 firefighters on the lines by "
     "Monday."),
    # a person's age, written `a bricklayer of 58`, against the pension age
    ("A bricklayer who started at 16 retires at 66 under the plan, the minister said.",
     "The plan tells a bricklayer of 58 that he must work on, the minister said."),
    # a standing condition, not a measure of the day
    ("Gusts of up to 110 kilometers per hour were recorded on Tavish on Saturday, the weather "
     "office said.",
     "The company only sails when gusts of less than 60 kilometers per hour are forecast, the "
     "weather office said."),
    # the span a statement looks back over is no quantity of the story
    ("The mayor said the council has raised the police budget in each of the last four "
     "years.",
     "The mayor said the force has struggled for two years to fill its vacancies."),
    # the number asked for, named again beside the number granted
    ("The mayor wants to hire 120 additional officers for the police force.",
     "The budget pays for 80 new officers for the police force rather than the 120 officers "
     "the mayor had wanted."),
    # a bound set by rule, not a reading; a hedge is no bound
    ("The lender's capital ratio fell to 5.2 percent in June, the regulator said.",
     "By June its capital ratio had fallen below the legal minimum of 8 percent, the "
     "regulator said."),
    # a forecast, not the result
    ("The cooperative reported a profit of $40 million, its accounts show.",
     "The cooperative had forecast a profit of $31 million, its accounts show."),
    # people and organisations
    ("About 2,300 savers at the cooperative have filed claims, the insurer said.",
     "About 2,900 of the chamber's member firms bank with the cooperative, the insurer said."),
    # changes over spans of different lengths
    ("Bread prices rose 6 percent in the year to March, the statistics office said.",
     "Bread prices have risen 15 percent in three years, the statistics office said."),
    # the first age of a range is no count
    ("The training scheme will take 16- to 24-year-olds from April, the ministry said.",
     "The training scheme will take 30 apprentices from April, the ministry said."),
])
def test_compare_figures_of_another_time_part_or_kind_do_not_conflict(
        tmp_path: Path, first: str, second: str) -> None:
    articles = _sentence_articles(tmp_path, "Measles drive", {"a": first, "b": second})
    assert not compare_story(articles).conflicts


@pytest.mark.parametrize("second", [
    "Police said nine officers were hurt over four nights of rioting.",  # no part
    "Lowmere's line is expected to cost $1.6 billion, the council said.",  # a forecast
    "Gusts topping 75 miles per hour drove the fire across the ridge on Thursday.",
    "Net profit for the quarter fell to $380 million last month, the company said.",
    "The drive runs 45 temporary clinics in the province.",  # one names less of the kind
    "Lowmere's line is forecast to cost $1.5 billion, the council said.",  # a passive forecast
])
def test_compare_figures_of_one_time_part_and_kind_still_conflict(tmp_path: Path,
                                                                  second: str) -> None:
    first = {"P": "Police said 14 officers were injured over four nights of rioting.",
             "T": "The drive runs 38 temporary vaccination clinics in the province.",
             "L": "Lowmere's line will cost $1.3 billion, the council said.",
             "G": "Pushed by winds with gusts of up to 60 mph, the fire crossed the ridge on "
                  "Thursday.",
             }.get(second[0], "Net profit for the quarter fell to $412 million, the company "
                              "said.")
    articles = _sentence_articles(tmp_path, "Quarter", {"a": first, "b": second})
    assert len(compare_story(articles).conflicts) == 1


def test_compare_one_days_part_is_that_days_whole(tmp_path: Path) -> None:
    """`on Tuesday alone` is part of a longer count, but the whole of Tuesday's."""
    texts = {"a": "The trust said about 1,400 planned operations were postponed on Tuesday.",
             "b": "Nearly 2,000 operations were cancelled on Tuesday alone, according to "
                  "hospital managers."}
    (conflict,) = compare_story(_sentence_articles(tmp_path, "Strike", texts)).conflicts
    assert {v.text for v in conflict.values} == {"1,400", "2,000"}


def test_compare_revised_figure_is_an_update_of_the_earlier_one(tmp_path: Path) -> None:
    """`revised … to 140 million dalers, from 90 million`: the earlier level is not the
    later article's own figure."""
    texts = {"a": ("9 June 2026", "The chamber estimated the cost to businesses at about 90 "
                                  "million dalers."),
             "b": ("10 June 2026", "The chamber revised its estimate of the cost to businesses "
                                   "to 140 million dalers, from 90 million dalers on Tuesday.")}
    for name, (day, sentence) in texts.items():
        (tmp_path / f"{name}.txt").write_text(
            f"Hospital strike\n\nPublished {day}\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    (conflict,) = compare_story(articles).conflicts
    assert [(v.article, v.text) for v in sorted(conflict.values, key=lambda v: v.article)] \
        == [("a", "90 million"), ("b", "140 million")]
    assert conflict.kind == "update"


def _dated_articles(folder: Path, title: str,
                    texts: dict[str, tuple[str, str]]) -> list[Article]:
    """Articles of one sentence each under the same headline, each published on its day."""
    for name, (day, sentence) in texts.items():
        (folder / f"{name}.txt").write_text(f"{title}\n\nPublished {day}\n\n{sentence}\n")
    articles, _ = newsprism.read([str(folder)])
    return articles


def test_compare_same_day_reports_of_other_days_do_not_conflict(tmp_path: Path) -> None:
    """Reports of one day give a peak on Wednesday and a forecast made on Sunday: the
    forecast is another day's figure, and the two peaks conflict."""
    texts = {"a": ("17 July 2026", "The grid operator said demand peaked at 7,320 megawatts "
                                   "on Wednesday night, well above the 6,900 megawatts it had "
                                   "forecast on Sunday."),
             "b": ("17 July 2026", "Demand peaked at 7,800 megawatts on Wednesday night, "
                                   "according to figures seen by the paper.")}
    (conflict,) = compare_story(_dated_articles(tmp_path, "Heat", texts)).conflicts
    assert {v.text for v in conflict.values} == {"7,320 megawatts", "7,800 megawatts"}


def test_compare_date_of_a_noun_in_apposition_is_not_the_figures(tmp_path: Path) -> None:
    """`homes …, among them the town's Corn Exchange, which had held farm auctions since
    1871`: the year is the hall's, so the count is not of another year than the sheriff's."""
    texts = {"a": ("12 September 2026", "The mayor, Ada Firth, said nearly two hundred homes "
                                        "had been lost, among them the town's Corn Exchange, "
                                        "which had held farm auctions since 1871."),
             "b": ("12 September 2026", "The sheriff's office said about 120 homes had been "
                                        "lost on Friday.")}
    (conflict,) = compare_story(_dated_articles(tmp_path, "Fire", texts)).conflicts
    assert {v.text for v in conflict.values} == {"two hundred", "120"}


def test_compare_later_year_of_a_when_clause_dates_the_event_not_the_figure(
        tmp_path: Path) -> None:
    """`will move … when the new wing opens in March 2028`: the year is when the move
    happens; the count is the plan's, as another outlet's count without the year."""
    texts = {"a": ("3 May 2026", "About 1,250 patients will move to other wards when the new "
                                 "wing opens in March 2028, the trust said."),
             "b": ("3 May 2026", "Nearly 1,600 patients will be moved out of their wards, "
                                 "according to campaigners.")}
    (conflict,) = compare_story(_dated_articles(tmp_path, "Wards", texts)).conflicts
    assert {v.text for v in conflict.values} == {"1,250", "1,600"}


def test_compare_first_day_conflict_and_later_update_are_both_stated(tmp_path: Path) -> None:
    """Two first-day counts that disagree, then a new one two days later: the disagreement
    is a conflict, and the new count an update of them."""
    texts = {"a": ("11 September 2026", "The fire had burned about 18,000 acres by Friday, "
                                        "the fire service said."),
             "b": ("11 September 2026", "By Friday the fire had burned more than 24,000 acres, "
                                        "according to satellite mapping."),
             "c": ("13 September 2026", "The fire had grown to 31,400 acres by Sunday, up "
                                        "from about 18,000 acres on Friday.")}
    for name, (day, sentence) in texts.items():
        (tmp_path / f"{name}.txt").write_text(f"Tallis Fire\n\nPublished {day}\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    found = {(c.kind, frozenset(v.article for v in c.values))
             for c in compare_story(articles).conflicts}
    assert found == {("conflict", frozenset("ab")), ("update", frozenset("abc"))}


def test_compare_update_pairs_with_the_level_it_grew_from(tmp_path: Path) -> None:
    """`arrested 26 people …, up from 18 on Sunday`: the update is of the count of 18, not of
    another count of people in the first report."""
    texts = {"a": ("12 September 2026", "About 120 inmates rioted at Hollin Prison on "
                                        "Saturday night, the service said. Detective Inspector "
                                        "Mara Quell said 18 inmates had been arrested on "
                                        "suspicion of arson."),
             "b": ("14 September 2026", "Police have now arrested 26 inmates over Saturday's "
                                        "riot at Hollin Prison, up from 18 on Sunday, a police "
                                        "spokesman said.")}
    for name, (day, sentence) in texts.items():
        (tmp_path / f"{name}.txt").write_text(f"Depot riot\n\nPublished {day}\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    (update,) = compare_story(articles).conflicts
    assert update.kind == "update" and {v.text for v in update.values} == {"18", "26"}


def test_compare_update_within_the_earlier_bound_it_grew_from(tmp_path: Path) -> None:
    """`340 aftershocks …, up from more than 120`: within `more than 120`, yet stated as new."""
    texts = {"a": ("8 September 2026", "The survey has recorded more than 120 aftershocks, "
                                       "the strongest of them a magnitude 5.1 tremor."),
             "b": ("10 September 2026", "The survey said it had recorded 340 aftershocks by "
                                        "Thursday morning, up from more than 120 on Tuesday.")}
    for name, (day, sentence) in texts.items():
        (tmp_path / f"{name}.txt").write_text(f"Aftershocks\n\nPublished {day}\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    (update,) = compare_story(articles).conflicts
    assert update.kind == "update" and {v.text for v in update.values} == {"120", "340"}


def test_compare_one_forecast_worded_next_year_and_the_coming_year(tmp_path: Path) -> None:
    texts = {"a": "The budget office projects a deficit of $1.9 billion for the coming year.",
             "b": "The state faces a $2.6 billion deficit next year, the federation says."}
    for name, sentence in texts.items():
        (tmp_path / f"{name}.txt").write_text(
            f"State budget\n\nPublished 10 March 2026\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    (conflict,) = compare_story(articles).conflicts
    assert {v.text for v in conflict.values} == {"$1.9 billion", "$2.6 billion"}


def test_compare_since_in_a_relative_clause_of_the_subject_is_no_total(tmp_path: Path) -> None:
    """`which has governed since 2019` is about the party, not its seat count."""
    texts = {"a": "The Civic Union, which has governed the city since 2019, won 41 seats in "
                  "the council on Sunday.",
             "b": "The Civic Union won 37 seats in the council on Sunday."}
    (conflict,) = compare_story(_sentence_articles(tmp_path, "Seats", texts)).conflicts
    assert {v.text for v in conflict.values} == {"41", "37"}


@pytest.mark.parametrize(("first", "second", "expected"), [
    # `$8 million of that` is a part of the figure before it; `since 2022` in a relative
    # clause makes a total over years, as the other outlet's does
    ("Councillors pointed to the roughly $12 million the city has spent on bike lanes since "
     "2022.",
     "The mayor has spent $31 million on bike lanes since 2022, and $8 million of that came "
     "out of the road maintenance fund.", {"$12 million", "$31 million"}),
    # `an increase of 8 percent`, `up 8 percent` and `up by almost a quarter` all state the
    # size of a change: the rises pair up by what rose, and only the thefts disagree
    ("The annual report showed an increase of 8 percent in burglaries, and vehicle thefts "
     "rose 14 percent.",
     "Burglaries were up 8 percent in the annual report, and vehicle thefts were up by "
     "almost a quarter.", {"14 percent", "a quarter"}),
])
def test_compare_parts_totals_and_changes_pair_with_their_like(
        tmp_path: Path, first: str, second: str, expected: set[str]) -> None:
    texts = {"a": first, "b": second}
    (conflict,) = compare_story(_sentence_articles(tmp_path, "Story", texts)).conflicts
    assert {v.text for v in conflict.values} == expected


def test_compare_bare_date_is_not_hours_older_than_a_time_that_day(tmp_path: Path) -> None:
    """A report dated 9 November without a time and one stamped 9:40 p.m. that day are both
    first-day reports: their figures conflict, the later is no update."""
    records = [{"id": "a", "title": "Crime figures", "published": "2026-11-09",
                "text": "Violent crime in the city rose 6 percent, the police report said."},
               {"id": "b", "title": "Crime figures", "published": "2026-11-09T21:40:00Z",
                "text": "Violent crime in the city rose 3 percent, an analysis of the police "
                        "report found."}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    articles, _ = newsprism.read([str(tmp_path)])
    (conflict,) = compare_story(articles).conflicts
    assert conflict.kind == "conflict"


def test_compare_votes_against_still_conflict_with_votes_against(tmp_path: Path) -> None:
    texts = {"a": "Forty-seven delegates voted against the bill in the House on Tuesday.",
             "b": "In the House on Tuesday, 45 delegates voted against the bill."}
    (conflict,) = compare_story(_sentence_articles(tmp_path, "Vote", texts)).conflicts
    assert {v.text for v in conflict.values} == {"Forty-seven", "45"}


def test_compare_votes_against_in_a_tally(tmp_path: Path) -> None:
    """`by 164 votes to 139`: the second number is the votes against; a `from` deep in a
    phrase (`including four from the coalition`) does not cut `voted against` off."""
    texts = {"a": "The assembly passed the bill by 164 votes to 139 on Thursday.",
             "b": "The bill was backed by 158 deputies. In all, 145 deputies voted against "
                  "the bill, including four from the governing coalition."}
    conflicts = compare_story(_sentence_articles(tmp_path, "Vote", texts)).conflicts
    assert {frozenset(v.text for v in c.values) for c in conflicts} \
        == {frozenset({"164", "158"}), frozenset({"139", "145"})}


@pytest.mark.parametrize("texts", [
    # `since October 1997, when 194 millimetres fell`: the record, not this storm
    {"a": "After 188 millimetres of rain fell in two days, the dam was opened.",
     "b": "It was the heaviest rain since October 1997, when 194 millimetres fell."},
    # a plan for a later year, not the jobs lost now
    {"a": "Nearly 1,400 workers at the Hollisfen plant will lose their jobs.",
     "b": "The company plans to hire about 900 workers at a new plant due to open in 2027."},
    # a date in an earlier year, however written
    {"a": "About 70,000 households were still without power late on Tuesday.",
     "b": "A fault on the same line last August cut power to 85,000 households."},
    # a year told of a noun of time is the figure's (`the same period last year`)
    {"a": "Net profit fell to $412 million in the first quarter.",
     "b": "The company earned $655 million in the same period last year."},
    # an earlier year in a `when` clause
    {"a": "The fire sent 23 people to hospital, the council said.",
     "b": "When a smaller fire broke out at the same warehouse in 2022, 18 people were "
          "treated in hospital."},
])
def test_compare_figure_of_another_year_does_not_conflict(tmp_path: Path,
                                                          texts: dict[str, str]) -> None:
    for name, sentence in texts.items():
        (tmp_path / f"{name}.txt").write_text(
            f"Dam opened after storm\n\nPublished 10 March 2026\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    assert all(a.published for a in articles)
    assert not compare_story(articles).conflicts


def test_compare_year_of_another_noun_is_not_the_figures(tmp_path: Path) -> None:
    """`fined … on Tuesday over a leak last year`: the leak's year, not the fine's."""
    texts = {"a": "The regulator fined Ostmark Water €12 million on Tuesday over a sewage "
                  "leak last year that closed three beaches.",
             "b": "Ostmark Water was fined €9 million by the regulator on Tuesday."}
    for name, sentence in texts.items():
        (tmp_path / f"{name}.txt").write_text(
            f"Water company fined\n\nPublished 10 March 2026\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    (conflict,) = compare_story(articles).conflicts
    assert {v.text for v in conflict.values} == {"€12 million", "€9 million"}


def test_compare_year_in_a_relative_clause_of_another_noun(tmp_path: Path) -> None:
    """`… of its annual turnover, which was €2.3 billion last year`: the turnover's year."""
    texts = {"a": "The fine is equal to about 1.2 percent of Ostmark Water's annual turnover, "
                  "which was €2.3 billion last year.",
             "b": "The fine is less than 1 per cent of Ostmark Water's annual turnover."}
    for name, sentence in texts.items():
        (tmp_path / f"{name}.txt").write_text(
            f"Water company fined\n\nPublished 10 March 2026\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    (conflict,) = compare_story(articles).conflicts
    assert {v.text for v in conflict.values} == {"1.2 percent", "1 per cent"}


def test_compare_figures_in_verbless_sentences(tmp_path: Path) -> None:
    """A figure's heads end at the sentence's root when no verb is on the way (a list item,
    a caption): the walk once never ended."""
    texts = {"a": "Fines for the water firms since 2024: €12 million for Ostmark Water.",
             "b": "Fines for the water firms since 2024: €9 million for Ostmark Water."}
    (conflict,) = compare_story(_sentence_articles(tmp_path, "Fines", texts)).conflicts
    assert {v.text for v in conflict.values} == {"€12 million", "€9 million"}


def test_compare_durations_in_hyphenated_words_conflict(tmp_path: Path) -> None:
    texts = {"a": "Prosecutors said Kasimir Vendt took bribes over a four-year period.",
             "b": "Prosecutors said Kasimir Vendt took bribes over about three years."}
    (conflict,) = compare_story(_sentence_articles(tmp_path, "Vendt", texts)).conflicts
    assert {v.text for v in conflict.values} == {"four-year", "three years"}


BUDGET_A = """Council passes Dunmore budget

The Dunmore County Council passed the county budget on Tuesday by nine votes to four. The \
budget raises spending on roads and cuts the grant to the county library service.

Council leader Petra Oakes said the plan was balanced. The Tenants' Union said it would \
challenge the library cuts. It was a busy week for the council.
"""
BUDGET_B = """Dunmore council forces through cuts

The Dunmore County Council forced through a reckless budget on Tuesday, nine votes to four. \
The reckless budget slashes the grant to the county library service to pay for roads.

The Tenants' Union vowed to fight the library cuts in court. Council leader Petra Oakes \
called the plan balanced. Dunmore deserves better than a militant union. It was a \
disastrous week for readers.
"""


@pytest.fixture(scope="module")
def budget(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    return _compared(tmp_path_factory, BUDGET_A, BUDGET_B)


def test_compare_naming_lists_referents_named_alike(budget: Comparison) -> None:
    """Every referent two articles name is listed, those named alike marked so."""
    alike = {n.referent for n in budget.naming if not n.differs}
    assert {"Dunmore County Council", "Petra Oakes"} <= alike, budget.naming
    assert all(n.differs for n in budget.naming[:2]), "the differing ones come first"


def test_compare_naming_loaded_qualifier_of_a_shared_noun(budget: Comparison) -> None:
    """`a reckless budget` (b) and `the county budget` (a) name one thing differently; a
    loaded word on a noun of time (`a disastrous week`) names nothing."""
    assert _naming_of(budget, "budget") == {"a": "county budget / budget",
                                            "b": "reckless budget"}, budget.naming
    assert _naming_of(budget, "week") == {}, budget.naming


def test_compare_naming_loaded_indefinite_phrase_of_a_name_head(budget: Comparison) -> None:
    """`a militant union` is the Tenants' Union: the outlet's loaded word ties an
    indefinite phrase to the one referent whose name has that head."""
    assert "militant union" in _naming_of(budget, "Tenants' Union").get("b", ""), \
        budget.naming


def test_compare_naming_outlets_own_words_with_an_owner(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """A loaded phrase after a possessive owner (`Mayor Ann Holt's reckless budget`) is the
    outlet's naming; the same phrase inside a direct quote is the speaker's, not shown."""
    comparison = _compared(
        tmp_path_factory,
        "Council passes budget\n\nThe Ardwick council passed the county budget on Monday. "
        '"This is a reckless budget," said councillor Jon Reed.\n',
        "Budget passes\n\nThe Ardwick council passed Mayor Ann Holt's reckless budget on "
        "Monday. Councillor Jon Reed voted against it.\n")
    assert _naming_of(comparison, "budget") == {"a": "county budget",
                                                "b": "reckless budget"}, comparison.naming


CROSSING_A = """Boat carrying 40 reaches Dellmark coast

A boat carrying 40 undocumented immigrants reached the Dellmark coast on Friday, the coast \
guard said. Police said 200 protesters gathered outside the reception centre in Hallin.
"""
CROSSING_B = """Dellmark: another boat lands

A boat carrying 40 illegal aliens landed on the Dellmark coast on Friday, the coast guard said. \
Police said 200 protesters gathered outside the reception centre in Hallin.
"""


@pytest.mark.parametrize("texts", [(CROSSING_A, CROSSING_B), (CROSSING_B, CROSSING_A)],
                         ids=["a-left", "a-right"])
def test_compare_naming_terms_of_one_naming_set(
        tmp_path_factory: pytest.TempPathFactory, texts: tuple[str, str]) -> None:
    """`undocumented immigrants` and `illegal aliens` are one set's terms for the same
    people, whichever article uses which; `protesters` in both is no naming difference."""
    comparison = _compared(tmp_path_factory, *texts)
    forms = _naming_of(comparison, "immigrant")
    assert set(forms.values()) == {"undocumented immigrants", "illegal aliens"}, \
        comparison.naming
    assert _naming_of(comparison, "protester") == {}, comparison.naming


RATES_A = """Central bank raises its key rate

The Norvale central bank raised its key rate by half a point on Thursday. The rate increase
was the third this year, Governor Ilse Marr said.
"""


@pytest.mark.parametrize(("title", "shown"), [
    ("Another rate hike squeezes Norvale families", True),
    ("Governor defends 'rate hike' as families struggle", False),  # the governor's words
])
def test_compare_naming_headline_words_are_the_outlets_choice(
        tmp_path_factory: pytest.TempPathFactory, title: str, shown: bool) -> None:
    """A headline names things too: `rate hike` in one headline against `rate increase` in
    another article, unless the headline quotes it."""
    comparison = _compared(
        tmp_path_factory, RATES_A,
        f"{title}\n\nThe Norvale central bank raised its key rate by half a point on "
        "Thursday. Economists had expected the decision, Governor Ilse Marr said.\n")
    forms = _naming_of(comparison, "rate rise")
    assert forms == ({"a": "rate increase", "b": "rate hike"} if shown else {}), \
        comparison.naming


def test_compare_naming_title_case_headline_adds_no_spelling(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """`Reckless Budget` in a title-case headline is the body's `reckless budget`."""
    comparison = _compared(
        tmp_path_factory,
        "Council passes budget\n\nThe Ardwick council passed the county budget on Monday.\n",
        "Ardwick Council Rams Through Reckless Budget\n\nThe Ardwick council passed the "
        "reckless budget on Monday.\n")
    assert _naming_of(comparison, "budget") == {"a": "county budget", "b": "reckless budget"}, \
        comparison.naming


def test_compare_naming_loaded_phrase_in_a_headline(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """A headline's loaded phrase names the thing its body names plainly; a headline's
    plain words add nothing."""
    comparison = _compared(
        tmp_path_factory,
        "Council passes budget\n\nThe Ardwick council passed the county budget on Monday.\n",
        "Ardwick council rams through reckless budget\n\nThe Ardwick council passed the "
        "county budget on Monday.\n")
    assert _naming_of(comparison, "budget") == {"a": "county budget",
                                                "b": "reckless budget / county budget"}, \
        comparison.naming


def test_compare_naming_times_and_one_role_are_no_renaming(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """`Monday evening` / `Monday night` and `spokesman` / `spokeswoman` share a word and
    state one fact, but name no one thing differently."""
    comparison = _compared(
        tmp_path_factory,
        "Ferry talks resume\n\nA Corven Ferries spokesman said on Monday evening that talks "
        "with the crews would resume on Friday.\n",
        "Ferry talks to resume\n\nA Corven Ferries spokeswoman said on Monday night that "
        "talks with the crews would resume on Friday.\n")
    shown = [n.referent for n in comparison.naming if n.differs]
    assert not [r for r in shown if "monday" in r.lower() or "spokes" in r.lower()], \
        comparison.naming


def test_compare_naming_sets_are_well_formed_and_balanced() -> None:
    """Every term of `data/naming_sets.tsv` is lower case and in one set only, and the sets
    whose other terms one camp prefers are about as many for either camp."""
    rows = data_rows("naming_sets.tsv")
    terms = [term.strip() for row in rows for term in row[0].split("|")]
    assert len(terms) == len(set(terms)) and all(t == t.lower() for t in terms)
    assert set(naming_sets()) == {tuple(t.replace("-", " ").split()) for t in terms}
    sides = [row[2] for row in rows]
    left, right = sides.count("left"), sides.count("right")
    assert left >= 20 and right >= 20 and abs(left - right) <= 0.2 * max(left, right)


STRIKE_A = """Pilots strike grounds Harrow flights

Pilots at Corven Air walked out on Friday, grounding 40 flights at Harrow Airport, the most
cancelled in one day since 2011. Marta Quell, spokeswoman for the Pilots' Guild, said the
strike would last two days.

Corven Air said talks would resume on Monday.
"""

STRIKE_B = """Corven Air pilots walk out

Corven Air pilots began a two-day strike on Friday and 40 flights were cancelled at Harrow
Airport, the highest number since 2011. "We had no choice," said Marta Quell of the Pilots'
Guild.

The airline said talks would resume on Monday.
"""

STRIKE_C = """Flights cancelled at Harrow as pilots strike

Travellers at Harrow Airport were stranded on Friday when Corven Air cancelled 31 flights
as its pilots walked out. The union said the strike would last two days.

Corven Air said talks would resume on Monday.
"""


@pytest.fixture(scope="module")
def strike(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    return _compared(tmp_path_factory, STRIKE_A, STRIKE_B, STRIKE_C)


def test_compare_details_some_articles_leave_out(strike: Comparison) -> None:
    details = {f.clause: f for f in strike.facts if f.detail_of}
    ids = [f.id for f in strike.facts]
    for clause in ("2011", "Marta Quell"):
        detail = details[clause]
        assert set(detail.reported_by) == {"a", "b"} and detail.omitted_by == ("c",)
        assert detail.clause in detail.summary
        assert ids.index(detail.detail_of) < ids.index(detail.id)  # listed under its fact
    assert "Harrow Airport" not in details  # every article names it
    assert not any(f.clause.startswith("40") for f in details.values())  # a conflict, not left out
    assert any(c.kind == "conflict" for c in strike.conflicts)


def test_compare_details_name_starting_with_a_digit_is_no_figure() -> None:
    forty = Figure(30, 32, "40", 40, None, "flights", None, None)
    figure = Detail("40", str(_figure_key(forty)), "a", 30, 32)
    unit = Detail("10th Mountain Division", "10th mountain division", "a", 0, 22)
    assert not _alike(unit, figure) and not _alike(figure, unit)
    assert _alike(unit, Detail("the 10th Mountain Division", unit.key, "b", 40, 66))
    assert _alike(figure, Detail("forty", str(_figure_key(forty)), "b", 5, 10))


def test_compare_details_person_is_known_by_surname() -> None:
    full = Detail("David H. Petraeus", "david h. petraeus", "a", 0, 17, "PERSON")
    assert _alike(full, Detail("Gen. Petraeus", "gen. petraeus", "b", 4, 17, "PERSON"))
    council = Detail("the Norvessan Trades Council", "norvessan trades council", "a", 0, 28, "ORG")
    assert not _alike(council, Detail("the Norvessan Council", "norvessan council", "b", 0, 21,
                                      "ORG"))


def test_compare_figure_dated_in_its_own_phrase(tmp_path: Path) -> None:
    """`rose 7 percent last year, after a 9 percent rise in 2024`: the 9 percent is 2024's,
    not last year's, so last year's figures are 9 and 7 percent."""
    texts = {"a": "Average rents in Dunmere rose 9 percent last year, the housing department "
                  "said.",
             "b": "Average rents in Dunmere rose 7 percent last year, after a 9 percent rise "
                  "in 2024, according to the landlords' index."}
    for name, sentence in texts.items():
        (tmp_path / f"{name}.txt").write_text(
            f"Council caps rents\n\nPublished 13 May 2026\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    (conflict,) = compare_story(articles).conflicts
    assert sorted(v.text for v in conflict.values) == ["7 percent", "9 percent"]
    assert {v.article for v in conflict.values} == {"a", "b"}
    (b,) = [a for a in articles if a.id == "b"]
    dated = {m.figure.text: set(m.dated) for m in measures(b, load_pipeline()(b.text))}
    assert dated == {"7 percent": {"2025"}, "9 percent": {"2024"}}


@pytest.mark.parametrize("limit", [
    "The regulator can fine the agency up to €10 million if it finds it broke its licence.",
    "The agency could be fined up to €10 million if it is found to have broken its licence.",
])
def test_compare_maximum_penalty_is_no_penalty_imposed(tmp_path: Path, limit: str) -> None:
    texts = {"a": limit,
             "b": "The agency was fined €4 million after a similar fault grounded flights."}
    for name, sentence in texts.items():
        (tmp_path / f"{name}.txt").write_text(
            f"Flights grounded\n\nPublished 25 July 2026\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    assert not compare_story(articles).conflicts


@pytest.mark.parametrize(("a", "b", "conflicting"), [
    # the size of a change is no level: a fall in a share price, a share of a market
    ("Hallstead shares fell 9 percent in Norvik trading on Tuesday.",
     "Hallstead, which supplies a quarter of the market, was hit hard on Tuesday.", False),
    ("Hallstead shares fell 9 percent in Norvik trading on Tuesday.",
     "Hallstead shares slumped 14 percent in Norvik trading on Tuesday.", True),
    # a level aimed at is no level reached
    ("The ministry aims to have 200,000 patients switched to other medicines by May.",
     "About 45,000 patients have already been switched to other medicines.", False),
    # a bound in a relative clause defines who qualifies
    ("Only patients who took the tablets for at least 90 days will be eligible for payments.",
     "Most patients took the tablets for about 60 days before the recall.", False),
    # figures set in two named places are two quantities; in one place, one
    ("Inspectors tested 63 batches made at Kelderwick since September.",
     "Tests on 41 batches made at the Amsford plant found no trace of the impurity.", False),
    ("Inspectors tested 63 batches made at Kelderwick since September.",
     "Inspectors have tested 41 batches made at Kelderwick since September.", True),
])
def test_compare_figures_of_other_quantities_are_no_conflict(
        tmp_path: Path, a: str, b: str, conflicting: bool) -> None:
    for name, sentence in {"a": a, "b": b}.items():
        (tmp_path / f"{name}.txt").write_text(
            f"Blood-pressure drug recalled\n\nPublished 14 April 2026\n\n{sentence}\n")
    articles, _ = newsprism.read([str(tmp_path)])
    assert bool(compare_story(articles).conflicts) == conflicting


def test_compare_length_stated_with_over_is_no_span_of_itself(tmp_path: Path) -> None:
    """`repaid over 30 years` states the length; it is not a span the figure is measured
    over, so a differing length still conflicts."""
    texts = {"a": "Under the deal, the loan will be repaid over 30 years, the council said.",
             "b": "Under the deal, the club will repay the loan over 40 years, the council said."}
    (conflict,) = compare_story(_sentence_articles(tmp_path, "Loan", texts)).conflicts
    assert {v.text for v in conflict.values} == {"30 years", "40 years"}


def test_compare_year_of_a_relative_clause_without_that_dates_its_own_noun(
        tmp_path: Path) -> None:
    """`well short of the target it set itself in 2023`: the year is the target's, not the
    review's, with or without `that`."""
    text = ("The board, after a six-month review, set the fee at 55 percent of pay, well "
            "short of the 60 percent target it set itself in 2023.")
    (article,) = _sentence_articles(tmp_path, "Fees", {"a": text})
    (review,) = [m for m in measures(article, load_pipeline()(article.text))
                 if m.figure.text == "six-month"]
    assert not review.dated and review.scope != "past"
