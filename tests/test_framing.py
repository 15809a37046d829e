"""Framing spans on project-written sentences (both political directions), the quoted /
own-voice split, the profile, and the seeds (read from ../shared at run time)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from newsprism.analyze.framing import (
    LOADED_LABELS,
    QUOTED,
    find_framing,
    framing_profile,
    is_quoted,
    written_terms,
)
from newsprism.analyze.nlp import load_pipeline, parse
from newsprism.analyze.quotes import find_quotes
from newsprism.model import Article, FramingSpan, Sentence, Technique
from newsprism.pipeline import read


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def framing(nlp: Language, text: str) -> list[FramingSpan]:
    doc = nlp(text)
    spans = find_framing(doc, find_quotes(doc))
    for span in spans:
        assert span.text == text[span.start:span.end]
        assert span.evidence and 0 < span.score <= 1
    return spans


def labelled(spans: list[FramingSpan], label: str) -> list[str]:
    return [span.text for span in spans if span.label == label]


# One sentence per label and direction: the first of each pair targets the right (or uses
# a term the left favours), the second targets the left (or uses a term the right favours).
@pytest.mark.parametrize("label,text,expected", [
    ("loaded", "The governor signed the anti-choice bill on Friday.", "anti-choice"),
    ("loaded", "The governor vetoed the job-killing bill on Friday.", "job-killing"),
    ("loaded", "Republicans unveiled a reckless budget that cuts clinics.", "reckless budget"),
    ("loaded", "Democrats unveiled a reckless budget that cuts patrols.", "reckless budget"),
    ("name-calling", "A crowd of far-right extremists blocked the bridge.",
     "far-right extremists"),
    ("name-calling", "A crowd of leftist thugs blocked the bridge.", "leftist"),
    ("name-calling", "The senator's office was besieged by gun-grabbers.", "gun-grabbers"),
    ("name-calling", "The senator's office was besieged by gun nuts.", "gun nuts"),
    ("name-calling", "Fewer marched than the union hardliners had promised.", "hardliners"),
    ("name-calling", "Fewer marched than the party hardliners had promised.", "hardliners"),
    ("name-calling", "Ambulance-chasing law firms are already circling the plant.",
     "Ambulance-chasing"),
    ("hyperbole", "The conservative tax plan would be catastrophic for renters.",
     "catastrophic"),
    ("hyperbole", "The progressive tax plan would be catastrophic for landlords.",
     "catastrophic"),
    ("hyperbole", "A ferocious inferno tore through the hills, a season spiralling out of "
     "control.", "spiralling out of control"),
    ("intensifier", "The Republican proposal is extremely costly.", "extremely"),
    ("intensifier", "The Democratic proposal is extremely costly.", "extremely"),
    ("hedge", "The Republican donor reportedly paid for the trip.", "reportedly"),
    ("hedge", "The Democratic donor reportedly paid for the trip.", "reportedly"),
    ("so-called", "The so-called tax relief mostly helps the richest families.", "so-called"),
    ("so-called", "The so-called climate emergency dominated the hearing.", "so-called"),
    ("doubt-verb", "The Republican mayor claimed that the audit cleared her office.",
     "claimed"),
    ("doubt-verb", "The Democratic mayor alleged that the audit was rigged.", "alleged"),
    ("concession-verb", "The Republican governor admitted that the tax cut had cost jobs.",
     "admitted"),
    ("concession-verb", "The Democratic governor conceded that the program had run late.",
     "conceded"),
    ("loaded", "Two Republican lawmakers assailed the decision on Friday.", "assailed"),
    ("loaded", "The Democratic campaign immediately pounced on the remarks.", "pounced"),
    ("loaded", "The senator also took a swipe at the governor's record.", "took a swipe"),
    ("loaded", "The governor doubled down on her pledge to cut the tax.", "doubled down"),
    ("loaded", "He went so far as to say the count was rigged.", "went so far as to"),
    ("loaded", "The energy giant raised its prices again.", "giant"),
    ("loaded", "Union bosses walked out of the talks.", "bosses"),
    ("loaded", "Company bosses walked out of the talks.", "bosses"),
    ("loaded", "The governor slashed funding for the shelters.", "slashed"),
    ("loaded", "The governor is gutting the environmental agency.", "gutting"),
    ("loaded", "The long-overdue tax cut finally passed.", "long-overdue"),
    ("loaded", "The long-awaited climate bill finally passed.", "long-awaited"),
    ("loaded", "The plan is hardly a victory for the unions.", "hardly"),
    ("loaded", "The ministry finally defused the pension timebomb.", "timebomb"),
    ("loaded", "Protesters were bused in by the unions.", "bused in"),
    ("loaded", "Protesters were bused in by the business lobby.", "bused in"),
    ("loaded", "The governor's sluggish office sat on the plan.", "sluggish"),
    ("loaded", "The austerity-minded majority cut the budget again.", "austerity-minded"),
    # a judging ending makes any hyphenated compound loaded, grown to its noun
    ("loaded", "The cash-hungry police force wants more money.", "cash-hungry police force"),
    ("loaded", "The permit-obsessed regulators sat on the plan.", "permit-obsessed regulators"),
    ("loaded", "Lawmakers let the tanker's lax inspections go on.", "lax"),
    ("loaded", "Rules written by activist councillors tie police hands.", "tie police hands"),
    ("name-calling", "Rules written by activist councillors tie police hands.",
     "activist councillors"),
    ("loaded", "Union chiefs wasted no time in calling a strike.", "Union chiefs"),
    ("loaded", "The airline lobby wasted no time in blaming the regulator.", "wasted no time"),
    ("scare-quote", "The council's “reform” will close three rural clinics.", "“reform”"),
    ("scare-quote", "The union's “compromise” will close three rural factories.",
     "“compromise”"),
])
def test_framing_label_found(nlp: Language, label: str, text: str, expected: str) -> None:
    found = labelled(framing(nlp, text), label)
    assert any(expected in span for span in found), (label, found)


@pytest.mark.parametrize("text", [
    "The council met on Tuesday and approved the budget for the new school year.",
    "The senator said the bill would be debated next week.",
    "He maintained a small farm outside the city for twenty years.",
    "The rebels claimed responsibility for the attack on Monday.",
    "Two firefighters were admitted to hospital with burns on Monday.",
    "The students staged a mock trial in the old courthouse.",
    "A giant crane lifted the hull onto the quay.",
    "The company said its inspection regime met every state rule.",
    "Hundreds of families went hungry after the harvest failed.",
    "A well-known landmark reopened on Monday.",
])
def test_framing_neutral_sentences_carry_no_loaded_span(nlp: Language, text: str) -> None:
    spans = framing(nlp, text)
    assert not [s for s in spans if s.label in LOADED_LABELS], spans


TEMPLATES = [
    "The {} senator's reckless plan is a disaster for families.",
    "A mob of {} activists shouted down the speaker.",
    "The {} governor claimed that the audit cleared her office.",
    "The {} senator admitted that the donors had paid for the trip.",
    "Critics called the {} leader's speech a bizarre tirade.",
    "The {} party's so-called reform will close three clinics.",
    "The {} mayor reportedly met the donors in private.",
    "The {} group's “victory” left the town deeply divided.",
    "The {} leader lambasted the budget and mocked its authors.",
    "The power-hungry {} majority pushed the bill through.",
]
SIDES = [("Republican", "Democratic"), ("conservative", "liberal"),
         ("right-wing", "left-wing")]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("sides", SIDES)
def test_framing_symmetric_across_sides(nlp: Language, template: str,
                                        sides: tuple[str, str]) -> None:
    """Swapping which side a sentence attacks changes nothing about what is flagged."""
    first, second = (framing(nlp, template.format(side)) for side in sides)
    assert first, template
    assert [(s.label, s.text) for s in first] == [(s.label, s.text.replace(sides[1], sides[0]))
                                                 for s in second]


def test_framing_lexicon_has_terms_of_both_sides() -> None:
    sides = [term.side for term in written_terms() if term.label in ("loaded", "name-calling")]
    left, right = sides.count("left"), sides.count("right")
    assert left >= 20 and right >= 20 and abs(left - right) <= 0.2 * max(left, right)


def test_framing_quoted_words_belong_to_the_speaker(nlp: Language) -> None:
    spans = framing(nlp, "“These thugs wrecked a bizarre night,” said Mayor Ivo Brandt.")
    assert {s.label for s in spans} >= {"name-calling" + QUOTED, "loaded" + QUOTED}
    assert all(is_quoted(s) and "Ivo Brandt" in s.evidence for s in spans)


def test_framing_own_voice_beside_a_quote(nlp: Language) -> None:
    text = ("The thugs wrecked the square. “We will rebuild it by spring,” "
            "said Mayor Ivo Brandt.")
    spans = framing(nlp, text)
    assert labelled(spans, "name-calling") == ["thugs"]
    assert not any(is_quoted(s) for s in spans)


def test_framing_quote_with_speaker_is_not_a_scare_quote(nlp: Language) -> None:
    spans = framing(nlp, "Mayor Ivo Brandt said the city was “ready” for the storm.")
    assert not labelled(spans, "scare-quote")


def test_framing_title_is_not_a_scare_quote(nlp: Language) -> None:
    spans = framing(nlp, "The film “Night Over Harbour Town” opened on Friday.")
    assert not labelled(spans, "scare-quote")


def test_framing_loaded_adjectives_grow_to_their_noun(nlp: Language) -> None:
    spans = framing(nlp, "Residents recalled a brutal, ruthless siege and blockade.")
    assert labelled(spans, "loaded") == ["brutal, ruthless siege and blockade"]


def test_framing_profile_counts_own_voice_only(nlp: Language) -> None:
    text = ("The thugs wrecked a bizarre night. “These thugs are a disgrace,” said Mayor Ivo "
            "Brandt. The council met on Tuesday.")
    doc = nlp(text)
    quotes = tuple(find_quotes(doc))
    article = Article(id="a", outlet="o", text=text, quotes=quotes,
                      framing=tuple(find_framing(doc, quotes)),
                      sentences=(Sentence(0, 34, 0.9), Sentence(35, 91, 0.2),
                                 Sentence(92, 114, 0.1)),
                      techniques=(Technique(4, 9, "thugs", "Name_Calling,Labeling", 0.7),))
    profile = framing_profile(article)
    assert profile["by_label"].get("name-calling") == 1
    assert profile["quoted_by_label"].get("name-calling") == 1
    assert profile["loaded"] == 2
    assert profile["own_voice_words"] == profile["words"] - 5  # “These thugs are a disgrace”
    assert profile["loaded_per_1000_words"] == pytest.approx(
        1000 * 2 / profile["own_voice_words"], abs=0.01)
    assert profile["techniques"] == {"Name_Calling,Labeling": 1}
    assert profile["opinionated_share"] == pytest.approx(1 / 3, abs=0.001)
    assert framing_profile(replace(article, sentences=()))["opinionated_share"] is None


# -- the seeds (PRODUCT.md acceptance) ------------------------------------------------------

PRODUCT_LOADED = ["destabilizing military occupation", "dashed hopes",
                  "bloody, devastating invasion and occupation", "so-called",
                  "destructive and destabilizing force", "claimed"]


@pytest.fixture(scope="module")
def seed_articles(seeds: Path) -> dict[str, Article]:
    articles, failures = read([str(seeds)])
    assert not failures
    framed = {}
    for article, doc in zip(articles, parse(a.text for a in articles), strict=True):
        framed[article.id[:3]] = replace(article,
                                         framing=tuple(find_framing(doc, article.quotes)))
    return framed


def test_framing_seed_000_far_more_loaded_than_002(seed_articles: dict[str, Article]) -> None:
    slanted, wire = (framing_profile(seed_articles[key]) for key in ("000", "002"))
    assert slanted["loaded_per_1000_words"] >= 4 * max(wire["loaded_per_1000_words"], 1.0)
    assert slanted["doubt_verbs"] == {"claimed": 1} and not wire["doubt_verbs"]


@pytest.mark.parametrize("phrase", PRODUCT_LOADED)
def test_framing_seed_000_product_phrases(seed_articles: dict[str, Article],
                                          phrase: str) -> None:
    own = [s for s in seed_articles["000"].framing if not is_quoted(s)]
    assert any(phrase in span.text and span.evidence for span in own), phrase


def test_framing_seed_quoted_words_not_counted(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        direct = [q for q in article.quotes if q.direct]
        for span in article.framing:
            inside = any(q.start <= span.start and span.end <= q.end for q in direct)
            assert is_quoted(span) == inside or span.label == "scare-quote", span


def test_framing_derived_word_counts_only_in_an_opinionated_sentence(nlp: Language) -> None:
    """`flood` is loaded in BABE's sentences about people, not about rain: a word of the
    derived lexicon needs a sentence the bias model scores as opinionated, and says so."""
    text = "Heavy rain flooded the valley on Thursday."
    doc = nlp(text)
    for bias, flagged in ((0.1, False), (0.9, True), (None, True)):
        spans = find_framing(doc, [], sentences=(Sentence(0, len(text), bias),))
        assert any(s.text == "flooded" for s in spans) is flagged, (bias, spans)
        if bias is not None and flagged:
            assert "sentence bias 0.90" in spans[0].evidence


def test_framing_literal_senses_left_alone_by_the_analysis() -> None:
    from newsprism.analyze.stage import analyze_articles

    texts = {"rain": "Heavy rain flooded large parts of the valley on Thursday, and the storm "
                     "blasted the coast with winds of 120 km/h. A van slammed into a wall on "
                     "the ring road.",
             "people": "Illegal aliens continue to flood across the border while the "
                       "administration does nothing."}
    found = {key: [s.text for s in article.framing if s.label in LOADED_LABELS]
             for key, text in texts.items()
             for article in analyze_articles([Article(id=key, outlet="o", text=text)])
             if isinstance(article, Article)}
    assert found["rain"] == []
    assert any("flood" in text for text in found["people"])  # `flood across the border`


@pytest.mark.parametrize("sides", SIDES)
def test_framing_symmetric_across_sides_with_the_bias_model(sides: tuple[str, str]) -> None:
    """The sentence-bias gate on derived words keeps the symmetry of what is flagged."""
    from newsprism.analyze.stage import analyze_articles

    for template in TEMPLATES:
        first, second = (
            [(s.label, s.text) for s in article.framing]
            for article in analyze_articles(Article(id=side, outlet="o", text=template.format(
                side)) for side in sides) if isinstance(article, Article))
        assert first == [(label, text.replace(sides[1], sides[0])) for label, text in second]


def _scores(text: str, words: dict[str, float]) -> list[tuple[int, int, float]]:
    return [(text.index(word), text.index(word) + len(word), score)
            for word, score in words.items()]


def test_framing_model_words_only_in_opinionated_sentences(nlp: Language) -> None:
    text = "The plan would throttle the harbour economy, Kessler said."
    doc = nlp(text)
    words = _scores(text, {"throttle": 0.8, "harbour": 0.1, "Kessler": 0.9, "the": 0.9})
    for bias, expected in ((0.9, ["throttle"]), (0.2, []), (None, [])):
        spans = find_framing(doc, [], sentences=(Sentence(0, len(text), bias),), words=words)
        model = [s for s in spans if "word head" in s.evidence]
        assert [s.text for s in model] == expected, bias
    spans = find_framing(doc, [], sentences=(Sentence(0, len(text), 0.9),), words=words)
    (span,) = spans
    assert span.label == "loaded" and span.score == 0.8
    assert "word score 0.80 in a sentence scored 0.90" in span.evidence


def test_framing_model_words_join_and_give_way_to_the_lexicon(nlp: Language) -> None:
    text = "It was a naked power grab by a callous, scheming council."
    doc = nlp(text)
    words = _scores(text, {"callous": 0.6, "scheming": 0.5, "naked": 0.7, "grab": 0.5})
    spans = find_framing(doc, [], sentences=(Sentence(0, len(text), 0.95),), words=words)
    by_text = {s.text: s.evidence for s in spans}
    # `power grab` and `callous` are lexicon entries: the model's `grab` and `scheming` give way
    assert set(by_text) == {"naked", "power grab", "callous, scheming council"}
    assert "word head" in by_text["naked"]
    assert "word head" not in by_text["power grab"] + by_text["callous, scheming council"]
    # a quoted remark stays the speaker's, whoever found it
    quoted = f"“{text}” said Ada Orme."
    doc = nlp(quoted)
    spans = find_framing(doc, find_quotes(doc), sentences=(Sentence(0, len(quoted), 0.95),),
                         words=[(s + 1, e + 1, p) for s, e, p in words])
    assert spans and all(is_quoted(s) for s in spans)


def test_framing_of_the_headline_in_the_analysis() -> None:
    """Headline spans are offsets into the title, its quoted words are the speaker's, and
    the profile counts the headline's loaded spans apart from the body's density."""
    from newsprism.analyze.stage import analyze_articles

    title = "‘Reckless’ council rams through tax giveaway as costs spiral"
    (article,) = analyze_articles([Article(id="t", outlet="o", title=title,
                                           text="The council met on Tuesday.")])
    assert isinstance(article, Article)
    found = {(s.text, s.label) for s in article.title_framing}
    assert {("rams through", "loaded"), ("tax giveaway", "loaded"),
            ("costs spiral", "hyperbole")} <= found
    assert all(title[s.start:s.end] == s.text for s in article.title_framing)
    profile = framing_profile(article)
    assert profile["loaded"] == 0 and profile["headline_loaded"] >= 3


@pytest.mark.parametrize(("text", "expected"), [
    ("Union Thugs Storm Council Meeting In Harwick", "Thugs"),  # title case: tagged PROPN
    ("Corporate Crooks Dodge Harwick Water Fines", "Crooks"),
    ("Crooks ran the port for a decade, the inquiry found.", "Crooks"),
])
def test_framing_capitalised_nouns_at_the_start_or_in_title_case(nlp: Language, text: str,
                                                                  expected: str) -> None:
    assert any(expected in found for found in labelled(framing(nlp, text), "name-calling"))


def test_framing_lower_case_noun_tagged_as_a_name(nlp: Language) -> None:
    """The small model tags `quango` before `claimed` a proper noun; in lower case it is
    the common noun of the lexicon."""
    text = ('Chief executive Anna Berg insisted the authority had "no choice" but to act once '
            'its laboratory confirmed the results. The quango claimed its so-called '
            '"precautionary" approach would reassure patients.')
    assert [t.pos_ for t in nlp(text) if t.text == "quango"] == ["PROPN"]
    assert "quango" in labelled(framing(nlp, text), "loaded")


def test_framing_name_that_is_also_a_lexicon_word_is_not_flagged(nlp: Language) -> None:
    assert framing(nlp, "The port authority's director, Mr. Crook, said the vote would go "
                        "ahead.") == []


@pytest.mark.parametrize("text", ["Yet the botched rollout went on for a year.",
                                  "The squandered grant paid for nothing."])
def test_framing_participles_match_verb_entries(nlp: Language, text: str) -> None:
    assert labelled(framing(nlp, text), "loaded")


_TIE = """
from newsprism.analyze.framing import find_framing
from newsprism.analyze.nlp import load_pipeline
doc = load_pipeline()("The school board has become hopelessly woke.")
print([span.evidence.split()[0] for span in find_framing(doc, [])])
"""


def test_framing_written_entry_wins_a_tie_whatever_the_hash_seed() -> None:
    """`woke` matches the written and the derived `woke` over the same words: the written
    entry wins, not whichever one a set happens to yield first."""
    found = {subprocess.run([sys.executable, "-c", _TIE], capture_output=True, text=True,
                            check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}
                            ).stdout.strip() for seed in range(4)}
    assert found == {"['loaded.tsv']"}


@pytest.mark.parametrize(("text", "written"), [
    # a finite verb is not the adjective (the derived `wake`, a tagging artefact of BABE's
    # `woke`, still fires here: see docs/framing.md)
    ("Residents woke to the sound of sirens before dawn.", False),
    ("Critics call the school board hopelessly woke.", True),
])
def test_framing_adjective_entries_and_verbs(nlp: Language, text: str, written: bool) -> None:
    spans = [s for s in framing(nlp, text) if s.text == "woke"]
    assert any(s.evidence.startswith("loaded.tsv") for s in spans) == written


@pytest.mark.parametrize(("text", "expected"), [
    # the small model tags both adjectives as nouns before the noun they qualify
    ("The minister forced a savage fee hike through the assembly.", "savage"),
    ("The firm was let off with a paltry $40,000 fine in 2023.", "paltry"),
    ("The minister announced a paltry $5 million for the response.", "paltry"),
    ("The toothless Harbour Safety Authority had known of the cracks for a year.",
     "toothless"),
])
def test_framing_adjective_entries_tagged_as_nouns_before_their_noun(
        nlp: Language, text: str, expected: str) -> None:
    assert expected in labelled(framing(nlp, text), "loaded")


def test_framing_adjective_entry_used_as_a_noun_is_not_flagged(nlp: Language) -> None:
    assert "savage" not in labelled(framing(nlp, "Doc Savage returned in a new comic."), "loaded")


@pytest.mark.parametrize(("text", "flagged"), [
    ("Prices rose 2 percent, hardly the crisis that critics claimed justified the new law.",
     True),
    ("The money that opponents claim was wasted went to rural schools.", True),
    ("It was the second attack that the group claimed this year.", False),
])
def test_framing_doubt_verb_in_a_relative_clause(nlp: Language, text: str,
                                                 flagged: bool) -> None:
    assert bool(labelled(framing(nlp, text), "doubt-verb")) == flagged
