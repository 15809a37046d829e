"""Cleaning scraped text: debris out with reasons, every body paragraph kept."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean.dates import parse_date_line, url_date
from newsprism.clean.lines import clean_lines, form_reason
from newsprism.clean.text import normalize_text
from newsprism.ingest.outlets import OutletResolver
from newsprism.ingest.read import raw_document
from newsprism.model import Article
from newsprism.pipeline import build_article
from tests.conftest import EXAMPLES

# A fictional scraped page, written for these tests: body paragraphs and debris of every kind.
BODY = [
    "GRENVIK — Firefighters in Grenvik contained a warehouse blaze on Sunday after it burned "
    "for nine hours, the regional fire service said.",
    "“We had crews from four towns on the scene through the night,” said fire chief Oda "
    "Lindqvist. “Nobody was hurt, which is what matters.”",
    "The warehouse, owned by the logistics firm Northpack, stored paper goods and cleaning "
    "products, according to the company.",
    "Residents within two kilometres were told to keep windows closed until Monday morning.",
    "Investigators have not yet said what caused the fire.",
]
DEBRIS = {
    "Share on Facebook | Share on X | Email": "share",
    "Print this article": "share",
    "Smoke rises over the Grenvik docks on Sunday evening.": "caption",
    "Photo: Jon Aaberg / Grenvik Post": "credit",
    "Read more: Grenvik budget vote pushed back to March": "read-more",
    "Related: Council promises new fire station by 2028": "related",
    "Subscribe to our newsletter for the latest local news": "newsletter",
    "Download the Grenvik Post app": "newsletter",
    "We use cookies to personalise content. By clicking Accept you consent to our cookie policy.":
        "cookie",
    "Copyright 2026 Grenvik Post Media. All rights reserved.": "copyright",
    "Comments (4)": "comment-count",
    "Post a comment": "comment-prompt",
    "Your email address will not be published. Required fields are marked *": "comment-prompt",
    "ADVERTISEMENT": "advert",
    "* * *": "punctuation",
    "Tennis Star Announces Retirement at Twenty-Nine": "inserted-headline",
}
PAGE = "\n\n".join([
    "Warehouse fire in Grenvik contained after nine hours",
    "By Hedda Moen",
    "Published: Sunday, 8 February 2026, 22:14 CET",
    "Smoke rises over the Grenvik docks on Sunday evening.",
    "Photo: Jon Aaberg / Grenvik Post",
    "Share on Facebook | Share on X | Email",
    BODY[0], BODY[1], "ADVERTISEMENT", BODY[2],
    "Tennis Star Announces Retirement at Twenty-Nine",
    "Read more: Grenvik budget vote pushed back to March",
    BODY[3], "Subscribe to our newsletter for the latest local news",
    "We use cookies to personalise content. By clicking Accept you consent to our cookie policy.",
    BODY[4], "* * *", "Related: Council promises new fire station by 2028",
    "Download the Grenvik Post app", "Print this article", "Comments (4)", "Post a comment",
    "Your email address will not be published. Required fields are marked *",
    "Copyright 2026 Grenvik Post Media. All rights reserved.",
])


def article_from_text(text: str, article_id: str = "page") -> Article:
    return build_article(raw_document(article_id, text, source=f"{article_id}.txt"),
                         OutletResolver())


def test_clean_removes_every_kind_of_debris_with_reason() -> None:
    article = article_from_text(PAGE)
    assert article.title == "Warehouse fire in Grenvik contained after nine hours"
    assert article.text == "\n\n".join(BODY)
    found = {removed.line: removed.reason for removed in article.removed}
    assert found == {**DEBRIS, "By Hedda Moen": "byline",
                     "Published: Sunday, 8 February 2026, 22:14 CET": "date"}
    assert article.byline == "Hedda Moen"
    assert article.published == "2026-02-08T22:14:00+01:00"
    assert article.dateline == "GRENVIK"
    assert article.language == "en"


def test_clean_keeps_subheadings_that_belong_to_the_story() -> None:
    text = "\n\n".join([BODY[0], BODY[2], "Northpack warehouse fire investigation", BODY[3]])
    assert clean_lines(text).text == text


def test_clean_joins_hard_wrapped_paragraphs() -> None:
    wrapped = ("The warehouse, owned by the logistics firm Northpack, stored\npaper goods and "
               "cleaning products.\n\nShare on Facebook | Email")
    cleaned = clean_lines(wrapped)
    assert cleaned.text == ("The warehouse, owned by the logistics firm Northpack, stored paper "
                            "goods and cleaning products.")


def test_clean_joins_a_hard_wrap_in_a_single_paragraph() -> None:
    """With no blank line each line is a paragraph, unless it goes on with a sentence the
    line before left open (`… the fire\nservice said.`)."""
    wrapped = ("Crews pumped water from the basement of the Northpack warehouse, the fire\n"
               "service said on Monday.\nAdvertisement\nThe site stays closed.")
    assert clean_lines(wrapped).text == (
        "Crews pumped water from the basement of the Northpack warehouse, the fire service "
        "said on Monday.\n\nThe site stays closed.")


@pytest.mark.parametrize(("header", "byline", "published"), [
    ("By Mira Olsen\nHousing correspondent\n3 June 2026 · 9:05 am", "Mira Olsen",
     "2026-06-03T09:05:00"),
    ("MIRA OLSEN | Staff Writer\nPosted Wednesday, June 3, 2026 — 8:40 PM", "Mira Olsen",
     "2026-06-03T20:40:00"),
    ("Mira Olsen, Senior Housing Correspondent\nWednesday 3 June 2026 · 7.15am", "Mira Olsen",
     "2026-06-03T07:15:00"),
    ("By Mira Olsen\nKessly Press Service\n\nJune 3, 2026", "Mira Olsen", "2026-06-03"),
    ("Mira Olsen | Housing Reporter\nUpdated 03.06.2026 21:15", "Mira Olsen",
     "2026-06-03T21:15:00"),
])
def test_clean_header_lines_without_blank_lines_stay_apart(header: str, byline: str,
                                                           published: str) -> None:
    """A byline, a role and a date on lines of their own are not a hard-wrapped sentence."""
    body = ("KESSLY — The council approved the housing plan on Tuesday after a long debate "
            "about\nrents, parking and the old mill site.\n\nWork starts in the autumn.")
    cleaned = clean_lines(f"{header}\n\n{body}")
    assert cleaned.byline == byline
    assert cleaned.published == published
    assert cleaned.text.startswith("KESSLY — The council approved the housing plan on Tuesday "
                                   "after a long debate about rents, parking and the old mill")


def test_clean_short_article_is_not_mistaken_for_captions() -> None:
    assert clean_lines("Roads reopened.\n\nThe bridge is closed.").removed == ()


@pytest.mark.parametrize("line", [
    "Firefighters said the blaze began in a loading bay.",
    "Share prices of Northpack fell 4 percent on Monday, according to exchange data.",
    "The company said it would print new safety guidance for staff.",
    "Readers who signed up for alerts received a warning at 3 a.m., officials said.",
    "By Monday, the fire was out.",
    "Copyright lawyers said the case was unusual.",
])
def test_clean_body_sentences_are_not_debris(line: str) -> None:
    assert form_reason(line) is None


@pytest.mark.parametrize("line,expected", [
    ("Tuesday 10 March 2026", "2026-03-10"), ("Jan. 23, 2026", "2026-01-23"),
    ("Updated March 3rd, 2025 at 9:30 a.m. EST", "2025-03-03T09:30:00-05:00"),
    ("2026-02-30", None), ("10 March 2026 was a Tuesday", None),
    ("Updated 09.06.2026 21:15", "2026-06-09T21:15:00"),
    # `ET` is either of two offsets: the time is kept without one
    ("Published: 04/03/2026 5:05 p.m. ET", "2026-04-03T17:05:00"),
    ("25/12/2025", "2025-12-25"), ("09/02/2026 09:10", "2026-02-09T09:10:00"),
    ("November 9, 2026, 6:15 p.m.", "2026-11-09T18:15:00"),
    ("May 1, 2026 12:30 a.m. GMT", "2026-05-01T00:30:00+00:00"),
    ("May 1, 2026, 25:70", "2026-05-01"),
    ("1.5.2026 was a Friday", None),
])
def test_clean_date_lines(line: str, expected: str | None) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize("url,expected", [
    ("https://www.example.org/2021/08/30/politics/storm.html", "2021-08-30"),
    ("https://example.org/news/2021-08-30/storm", "2021-08-30"),
    ("https://example.org/world/2021/08/30", "2021-08-30"),
    ("https://example.org/2021/13/30/storm", None),  # no 13th month
    ("https://example.org/2021/08-30/storm", None),  # mixed separators
    ("https://example.org/storm?from=/2021/08/30/", None),  # not the path
    ("https://2021.example.org/08/30/storm", None), ("https://example.org/20210830/x", None),
    (None, None), ("not a url", None),
])
def test_clean_url_date(url: str | None, expected: str | None) -> None:
    assert url_date(url) == expected


units = st.sampled_from([*BODY, *DEBRIS, "By Hedda Moen", "Short line", "Another Title Here"])


@settings(max_examples=200)
@given(st.lists(units, max_size=12), st.text(max_size=60))
def test_clean_is_idempotent(lines: list[str], noise: str) -> None:
    text = normalize_text("\n\n".join([*lines, noise]))
    once = clean_lines(text).text
    assert clean_lines(once).text == once


# -- the seeds (PRODUCT.md's acceptance scenario) ----------------------------------------

# The debris PRODUCT.md lists, named by position among the seed's paragraphs (the seed text
# itself is read at run time, never copied here): (paragraph index, reason).
SEED_DEBRIS = {
    "000_10bf0377f753a592": [(0, "punctuation"), (1, "caption"), (4, "inserted-headline")],
    "002_9927dc5176a900c1": [(-3, "comment-prompt"), (-2, "comment-prompt"),
                             (-1, "comment-prompt")],
}


def _paragraphs(seeds: Path, stem: str) -> list[str]:
    return normalize_text((seeds / f"{stem}.txt").read_text("utf-8")).split("\n\n")


@pytest.mark.parametrize("stem", sorted(SEED_DEBRIS))
def test_clean_seeds_remove_exactly_the_debris(seeds: Path, stem: str) -> None:
    paragraphs = _paragraphs(seeds, stem)
    article = article_from_text("\n\n".join(paragraphs), stem)
    debris = {paragraphs[index]: reason for index, reason in SEED_DEBRIS[stem]}
    assert {r.line: r.reason for r in article.removed} == debris
    body = [p for p in paragraphs if p not in debris and p != article.title]
    assert article.text.split("\n\n") == body  # every body paragraph survives, in order
    assert article.language == "en"


def test_clean_seed_metadata(seeds: Path) -> None:
    wire_stem, slanted_stem = "002_9927dc5176a900c1", "000_10bf0377f753a592"
    wire = article_from_text("\n\n".join(_paragraphs(seeds, wire_stem)), wire_stem)
    slanted = article_from_text("\n\n".join(_paragraphs(seeds, slanted_stem)), slanted_stem)
    assert wire.title == _paragraphs(seeds, wire_stem)[0]  # its headline line
    assert wire.title is not None and wire.title.endswith("?")
    assert wire.dateline == "WASHINGTON"
    assert slanted.title is None and slanted.dateline is None


# -- the example corpus against its answer key --------------------------------------------

EXPECTED = tomllib.loads((EXAMPLES / "expected.toml").read_text())
TEXT_FILES = sorted(key for key, spec in EXPECTED["articles"].items()
                    if spec.get("file", "").endswith(".txt"))


@pytest.mark.parametrize("article_id", TEXT_FILES)
def test_clean_examples_debris_out_body_in(article_id: str) -> None:
    spec = EXPECTED["articles"][article_id]
    source = (EXAMPLES / spec["file"]).read_text("utf-8")
    article = article_from_text(source, article_id)
    removed = {r.line for r in article.removed}
    for debris in spec.get("debris", []):
        assert debris["text"] in removed, debris
    metadata = {spec.get("published_text"), spec["title"] or None}
    metadata |= {line for line in removed if line.startswith("By ")}
    body = [p for p in normalize_text(source).split("\n\n") if p not in metadata]
    kept = article.text.split("\n\n")
    assert [p for p in body if p not in removed] == kept
    assert set(body) - set(kept) <= {d["text"] for d in spec.get("debris", [])} | {
        r.line for r in article.removed if r.reason in ("byline", "date")}


@pytest.mark.parametrize("line,reason", [
    ("Continue reading", "read-more"),
    ("Story continues below advertisement", "read-more"),
    ("Tags: harbour, strike, Tovan", "related"),
    ("Filed under: Local news", "related"),
    ("Follow us on Twitter", "share"),
    ("Share via WhatsApp", "share"),
    ("Subscribe now", "newsletter"),
    ("Support independent journalism today", "newsletter"),
    ("(Reporting by Mara Lenz; Editing by Tom Aske)", "contributors"),
    ("Contact the author at the newsroom desk", "contributors"),
    ("This article originally appeared on the Valley Ledger website.", "syndication"),
    ("Distributed by Keelson News Agency.", "syndication"),
    ("Advertisement - scroll to continue", "advert"),
    ("Skip to content", "advert"),
    ("4 min read", "advert"),
    ("1,204 shares", "comment-count"),
    ("Top stories", "related"),
])
def test_clean_more_debris_forms(line: str, reason: str) -> None:
    assert form_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Reporters who follow the case say the trial could last a month.",
    "Subscribers to the ferry pass will pay less from April, the operator said.",
    "Tags on the crates showed they came from the northern depot.",
    "Share of renewable power rose to 41 percent last year.",
    "The agency's editing of the report took three weeks, officials said.",
])
def test_clean_more_body_lines_kept(line: str) -> None:
    assert form_reason(line) is None


def test_clean_non_english_is_stored_and_skipped_by_analysis() -> None:
    from newsprism.analyze.stage import analyze_articles

    text = ("Hafenstreik in Tovanburg\n\n"
            "Die Hafenarbeiter in Tovanburg haben am Montag die Arbeit niedergelegt, sagte ein "
            "Sprecher der Gewerkschaft. „Wir fordern mehr Lohn“, sagte er den Reportern.\n")
    article = article_from_text(text, "hafen")
    assert article.language == "de"
    assert any("not English" in note for note in article.notes)
    (analyzed,) = analyze_articles([article])
    assert analyzed == article  # passed through: no English analysis layers


@pytest.mark.parametrize("lede", [
    "Tovan's ferry riders are in for a shock.",
    "It was a night nobody in Orlo will forget.",
    "They opened the gates at dawn.",
    "Let the budget fight begin.",
])
def test_clean_short_opening_sentence_is_not_a_caption(lede: str) -> None:
    text = f"{lede}\n\n{BODY[0]}\n\n{BODY[2]}"
    assert clean_lines(text).text == text


@pytest.mark.parametrize(("text", "rest"), [
    ("LONDON (Wirepress) - Rail fares rise.", "Rail fares rise."),
    ("WASHINGTON — The garrison will stay.", "The garrison will stay."),
    ("PORT VELL, Ostria — Talks ended.", "Talks ended."),
    ("NATO said it would stay.", "NATO said it would stay."),
    ("US to Spend $406 Billion on Jets", "US to Spend $406 Billion on Jets"),
])
def test_clean_dateline_end(text: str, rest: str) -> None:
    from newsprism.clean.lines import dateline_end

    assert text[dateline_end(text):] == rest
