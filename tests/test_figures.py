"""Figures: quantities and dates found in text, on made-up sentences and the example corpus."""

from __future__ import annotations

import tomllib
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsprism.analyze.figures import find_figures
from newsprism.analyze.nlp import load_pipeline
from newsprism.clean.html import extract_html
from newsprism.model import Article, Figure
from tests.conftest import EXAMPLES

EXPECTED: dict[str, Any] = tomllib.loads((EXAMPLES / "expected.toml").read_text())


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def figures(nlp: Language, text: str, published: str | None = None) -> list[Figure]:
    return find_figures(nlp(text), published)


def figure(nlp: Language, text: str, covered: str, published: str | None = None) -> Figure:
    """The one figure whose text is exactly `covered`."""
    found = [f for f in figures(nlp, text, published) if f.text == covered]
    assert len(found) == 1, f"{covered!r} not found once in {figures(nlp, text, published)}"
    return found[0]


@pytest.mark.parametrize(("text", "covered", "value", "unit"), [
    ("Organisers said 5,600 volunteers signed up.", "5,600", 5600, None),
    ("The guild grew to 5.6 million members.", "5.6 million", 5_600_000, None),
    ("Only three lighthouses remain on the coast.", "three", 3, None),
    ("HALF A MILLION VISITORS CAME TO THE FAIR.", "HALF A MILLION", 500_000, None),
    ("The archive holds a quarter of a million letters.", "a quarter of a million", 250_000,
     None),
    ("The choir has fourteen singers.", "fourteen", 14, None),
    ("Guests stay about 45 nights on average.", "45 nights", 45, "night"),
    ("The choir has twenty-three singers.", "twenty-three", 23, None),
    ("The library lent a hundred and five atlases.", "a hundred and five", 105, None),
    ("The orchard has a dozen pear trees.", "a dozen", 12, None),
    ("Two-thirds of the orchards were flooded.", "Two-thirds", 66.67, "%"),
    ("About a third of the ponds dried up.", "a third", 33.33, "%"),
    # a share of change (`a fifth more`, `rose by a quarter this year`)
    ("Members were asked to pay a fifth more for their passes.", "a fifth", 20, "%"),
    ("Rents are a third higher than in 2024.", "a third", 33.33, "%"),
    ("Ferry fares rose by a quarter this year.", "a quarter", 25, "%"),
    ("Half of the villagers voted.", "Half", 50, "%"),
    ("One in four ferries ran late.", "One in four", 25, "%"),
    ("Nine in ten residents backed the plan.", "Nine in ten", 90, "%"),
    ("About 1 in 3 homes lack heating.", "1 in 3", 33.33, "%"),
    ("Turnout reached 40% in the valley.", "40%", 40, "%"),
    ("Turnout reached 40 percent in the valley.", "40 percent", 40, "%"),
    ("Turnout reached 40 per cent in the valley.", "40 per cent", 40, "%"),
    ("Fares rose by four and a half per cent.", "four and a half per cent", 4.5, "%"),
    ("Support fell 3.5 percentage points.", "3.5 percentage points", 3.5, "pp"),
    ("The bank raised its rate by half a percentage point.", "half a percentage point", 0.5,
     "pp"),
    ("Rates rose a quarter of a percentage point.", "a quarter of a percentage point", 0.25,
     "pp"),
    ("The canal will cost $406 billion to dig.", "$406 billion", 406_000_000_000, "USD"),
    ("The museum raised €4.5 million for repairs.", "€4.5 million", 4_500_000, "EUR"),
    ("The club paid £2.25 million for the goalkeeper.", "£2.25 million", 2_250_000, "GBP"),
    ("The tunnel cost $1.4bn in the end.", "$1.4bn", 1_400_000_000, "USD"),
    ("The tunnel cost 1.3bn in the end.", "1.3bn", 1_300_000_000, None),
    ("The fair spent 5 million dollars on tents.", "5 million dollars", 5_000_000, "USD"),
    ("The trail runs 12 kilometres along the cliffs.", "12 kilometres", 12, "km"),
    ("Builders laid a 9-kilometre cycle path.", "9-kilometre", 9, "km"),
    ("Gusts reached 60 mph on the ridge.", "60 mph", 60, "mile/hour"),
    ("Winds of 40 km/h are forecast.", "40 km/h", 40, "km/hour"),
    ("The strike lasted two years.", "two years", 2, "year"),
    ("The ferry carries 900 passengers a day.", "900", 900, "per day"),
    ("The mill earns $3 million a year from flour.", "$3 million", 3_000_000, "USD/year"),
    ("The ferry expects 800 daily riders.", "800", 800, "per day"),
    ("Sales reached 2.4 billion kronor, up from 1.9 billion kronor a year earlier.",
     "1.9 billion kronor", 1_900_000_000, "SEK"),
    ("The mill sold 40 tonnes, against 35 tonnes a year ago.", "35 tonnes", 35, "t"),
    ("The port paid 300 million yen for the cranes.", "300 million yen", 300_000_000, "JPY"),
    ("Rainfall reached 180 millimetres overnight.", "180 millimetres", 180, "mm"),
    ("Tests found 48 parts per billion of nitrate in the well.", "48 parts per billion", 48,
     "ppb"),
    ("The pond held up to 27 ppb of copper.", "27 ppb", 27, "ppb"),
    ("The ferry service will pause for about a week.", "a week", 1, "week"),
    ("The locks stay shut for nearly a fortnight.", "a fortnight", 1, "fortnight"),
    ("The bus fare goes up by 40 cents on Monday.", "40 cents", 0.4, "USD"),
    ("A stamp now costs 85 pence.", "85 pence", 0.85, "GBP"),
    # a rate shared by a pair of amounts
    ("The junior rate rises to $7.20 and the trainee rate to $6.10 an hour.", "$7.20", 7.2,
     "USD/hour"),
    ("The shop pays $9 and $11 a day.", "$9", 9, "USD/day"),
    # temperatures
    ("The airport recorded 43.1C on Thursday.", "43.1C", 43.1, "°C"),
    ("The night stayed at 29°C in the city.", "29°C", 29, "°C"),
    ("Readings passed 41.2 degrees Celsius inland.", "41.2 degrees Celsius", 41.2, "°C"),
    ("Temperatures of nearly 40 degrees were forecast.", "40 degrees", 40, "°C"),
    ("Phoenix hit 118 degrees Fahrenheit.", "118 degrees Fahrenheit", 118, "°F"),
    ("The ticket costs $40 and earns the club $5 a head.", "$40", 40, "USD"),
])
def test_figures_values_and_units(nlp: Language, text: str, covered: str, value: float,
                                  unit: str | None) -> None:
    found = figure(nlp, text, covered)
    assert found.kind == "quantity"
    assert found.value == pytest.approx(value)
    assert found.unit == unit


def test_figures_whole_values_are_ints(nlp: Language) -> None:
    text = "Half of the 1.5 million voters paid $2.0 billion; one in four paid nothing."
    values = [f.value for f in figures(nlp, text)]
    assert values == [50, 1_500_000, 2_000_000_000, 25]
    assert all(isinstance(v, int) for v in values)


@pytest.mark.parametrize(("text", "bounds", "unit"), [
    ("Between 3,000 and 4,000 cyclists took part.", [("3,000", 3000), ("4,000", 4000)], None),
    ("Some 3,000-4,000 cyclists took part.", [("3,000", 3000), ("4,000", 4000)], None),
    ("The bypass will cost $3-4 billion.", [("$3", 3_000_000_000), ("4 billion", 4_000_000_000)],
     "USD"),
    ("Turnout was 40-50% in most wards.", [("40", 40), ("50%", 50)], "%"),
    ("The rally drew 300-400 people.", [("300", 300), ("400", 400)], None),
])
def test_figures_ranges_give_both_bounds(nlp: Language, text: str,
                                         bounds: list[tuple[str, int]], unit: str | None) -> None:
    found = [f for f in figures(nlp, text) if f.kind == "quantity"]
    assert [(f.text, f.value) for f in found] == bounds
    assert [f.qualifier for f in found] == ["at least", "at most"]
    assert {f.unit for f in found} == {unit}


def test_figures_range_ends_count_the_same_thing(nlp: Language) -> None:
    text = "The board said between 1,200 and 1,500 cabins were flooded."
    assert [f.counts for f in figures(nlp, text)] == ["cabins", "cabins"]


@pytest.mark.parametrize(("text", "values"), [
    ("Sales rose 12% to $4.3 billion.", [(12, "%"), (4_300_000_000, "USD")]),
    ("Turnout climbed by 5% to 40%.", [(5, "%"), (40, "%")]),
    ("The fare went from 3 to 4 dollars.", [(3, None), (4, "USD")]),
    ("The index slipped 0.75 points to 4,120.", [(0.75, "point"), (4120, None)]),
])
def test_figures_change_is_not_a_range(nlp: Language, text: str,
                                       values: list[tuple[float, str | None]]) -> None:
    found = [f for f in figures(nlp, text) if f.kind == "quantity"]
    assert [(f.value, f.unit) for f in found] == values
    assert [f.qualifier for f in found] == [None, None]


@pytest.mark.parametrize(("text", "covered", "counts"), [
    ("There are now over 5,600 U.S. rangers in Norland, according to the forestry office.",
     "5,600", "U.S. rangers in Norland"),
    ("The guild wants fewer than the 5,500 rangers there now.", "5,500", "rangers"),
    ("About 3,200 cyclists joined the ride.", "3,200", "cyclists"),
    ("The council approved a 9 percent pay rise.", "9 percent", "pay rise"),
    ("Forty percent of the town's water pipes are old.", "Forty percent",
     "town's water pipes"),
    ("Dozens of boats waited in the bay.", "Dozens", "boats"),
    ("The mayor spent $2 million on the square.", "$2 million", None),
    ("The drought lasted three years.", "three years", None),
    ("Guests stay about 45 nights.", "45 nights", None),
    ("Prices rose 4 percent.", "4 percent", None),
    ("About 300 counter-protesters gathered.", "300", "counter-protesters"),
    ("Police kept back fewer than 150 far-right marchers.", "150", "far-right marchers"),
    ("The death toll rose to 14 on Friday.", "14", "death toll"),
    ("The number of people evacuated has risen to 2,100.", "2,100", "people evacuated"),
    ("Turnout was 61 percent.", "61 percent", "Turnout"),
    # a source's estimate counts its object
    ("Police put the crowd at about 12,000.", "12,000", "crowd"),
    ("Officials put the number of dead at 40.", "40", "dead"),
    ("The firm expects to hire 300.", "300", None),
    # a bare number standing for the noun of an earlier count in its sentence
    ("Nearly 40 swimmers were stung by jellyfish, and at least five were taken to hospital.",
     "five", "swimmers"),
    ("The club signed 12 players in May and released three in June.", "three", "players"),
    ("Entries have climbed to 830, up from about 500 on Monday.", "500", "Entries"),
    ("The survey found 52 percent in favour, and 30 had no view.", "30", None),
    ("The fire was 10 percent contained on Friday.", "10 percent", "contained"),
    # a length as a hyphenated modifier is what the noun lasts; a plain length counts nothing
    ("The board ended its nine-month review on Tuesday.", "nine-month", "review"),
    ("The review took nine months.", "nine months", None),
    ("A 44-year-old painter was hurt.", "44-year-old", None),  # an age counts nothing
])
def test_figures_counts(nlp: Language, text: str, covered: str, counts: str | None) -> None:
    assert figure(nlp, text, covered).counts == counts


@pytest.mark.parametrize("hedge", [
    "over", "more than", "nearly", "almost", "about", "around", "roughly", "approximately",
    "some", "at least", "at most", "up to", "fewer than", "less than", "as many as", "just over",
    "just under", "close to", "an estimated", "upwards of", "in excess of", "no more than",
    "just", "closer to", "topping",
])
def test_figures_qualifier_before_number(nlp: Language, hedge: str) -> None:
    text = f"{hedge.capitalize()} 250 sheep grazed on the common."
    assert figure(nlp, text, "250").qualifier == hedge


@pytest.mark.parametrize(("text", "covered", "qualifier"), [
    ("The hall seats 300 people.", "300", None),
    ("The pier needs 40 or more new planks.", "40", "or more"),
    ("The fair cost as much as $60 million a day.", "$60 million", "as much as"),
    ("Dozens of boats waited in the bay.", "Dozens", "dozens"),
    ("The bridge will not open until 2032 at the earliest.", "2032", "at the earliest"),
    ("The tram should run by the end of 2029.", "2029", "by the end of"),
    ("She was fined under 400 euros for the stall.", "400 euros", "under"),
    ("The gales felled over 90 oaks in the park.", "90", "over"),
    ("The repairs will be spread over six years.", "six years", None),
    ("Soil readings were as high as 48 parts per billion.", "48 parts per billion",
     "as high as"),
    ("The ferry service will pause for about a week.", "a week", "about"),
    # bounds of a length or amount
    ("Savers will be repaid within 14 days.", "14 days", "within"),
    ("Some streets went without power for as long as nine hours.", "nine hours",
     "as long as"),
    ("Each boat may be paid a maximum of €90,000.", "€90,000", "a maximum of"),
    ("The scheme needs a minimum of 400 members.", "400", "a minimum of"),
])
def test_figures_qualifier_cases(nlp: Language, text: str, covered: str,
                                 qualifier: str | None) -> None:
    assert figure(nlp, text, covered).qualifier == qualifier


@pytest.mark.parametrize(("text", "covered", "qualifier", "counts"), [
    ("Tens of thousands of geese arrived.", "Tens of thousands", "tens of thousands", "geese"),
    # not one hundred staff
    ("Several hundred staff were told to stay at home.", "Several hundred", "several hundred",
     "staff"),
])
def test_figures_vague_amount_has_no_value(nlp: Language, text: str, covered: str,
                                           qualifier: str, counts: str) -> None:
    found = figure(nlp, text, covered)
    assert (found.value, found.qualifier, found.counts) == (None, qualifier, counts)


@pytest.mark.parametrize(("text", "covered", "source"), [
    ("The lake holds 40 swans, according to the wildlife trust.", "40", "the wildlife trust"),
    ("There are over 5,600 rangers in Norland, according to the forestry office.", "5,600",
     "the forestry office"),
    ("The ferry carried 900 passengers last week, the ministry said.", "900", "the ministry"),
    ("Jeffrey said the garrison would be smaller than the 5,500 guards there now.", "5,500",
     "Jeffrey"),
    ("Orla Penhale, the harbour's treasurer, said 31 boats were moored.", "31", "Orla Penhale"),
    ("The Halvard Chamber of Trade estimated that the fair earned $4 million.", "$4 million",
     "The Halvard Chamber of Trade"),
    ("The bakery sold 300 loaves.", "300", None),
    ("He said 40 boats had left.", "40", None),
    ("The maker recalled 1.2 million kettles on Monday after tests found a fault, the "
     "safety agency said.", "1.2 million", "the safety agency"),
    ("The mayor said the mill announced 200 job cuts.", "200", "The mayor"),
    ("About 9,000 people use the ferry, according to the port, though local guides put the "
     "figure at closer to 12,000.", "12,000", "local guides"),
])
def test_figures_attribution(nlp: Language, text: str, covered: str, source: str | None) -> None:
    assert figure(nlp, text, covered).attributed_to == source


@pytest.mark.parametrize(("text", "not_a_quantity"), [
    ("The squadron flies F-35 jets from the base.", "35"),
    ("Cases of COVID-19 fell in the spring.", "19"),
    ("The bus on route 12 was late.", "12"),
    ("Ferrier, president of Machinists Local 19, called a vote.", "19"),
    ("Section 4 of the charter was repealed.", "4"),
    ("The market opens at 6 a.m. every day.", "6"),
    ("She starts at seven o'clock and at half five.", "seven"),
    ("She starts at half five.", "half"),
    ("Call the desk on 555-123-4567 for tickets.", "555"),
    ("The office is on the 22nd floor.", "22"),
    ("The river flooded for a third time.", "third"),
    ("Dockers kept the gates shut for a third day on Friday.", "third"),
    ("The talks ran into a fifth hour.", "fifth"),
    ("The depot was sold by a third party in May.", "third"),
    ("Norland is the third-largest province.", "third"),
    ("The second half of the season was wet.", "half"),
    ("The mill has stood for more than half a century.", "half"),
    ("The plant will shut in a year and a half.", "half"),
    ("The queue moved once in a quarter of an hour.", "quarter"),
    ("Parents were queueing at seven this morning.", "seven"),
    ("Parents were queueing before the doors opened at eight.", "eight"),
    ("The council voted 9-6 to close the pool.", "9"),
    ("The council voted 9 to 6 to close the pool.", "6"),
    ("The amendment failed on a 3-4 vote.", "3"),
    ("The motion failed 2-5 on Monday.", "5"),
    ("The bakery has traded in Norland since 2014.", "2014"),
    ("No one came to the meeting.", "one"),
    ("The ferry sails once a week in winter.", "a week"),  # no hedge: a rate, not a length
    ("The pier reopened about a week ago.", "a week"),  # a point in time
    ("Every call to 911 was answered.", "911"),
    ("Dispatchers at the 999 centre logged calls by hand.", "999"),
    ("The firm booked a profit of L85 million last year.", "million"),  # an unread currency
])
def test_figures_not_quantities(nlp: Language, text: str, not_a_quantity: str) -> None:
    start = text.index(not_a_quantity)
    quantities = [f for f in figures(nlp, text) if f.kind == "quantity"]
    assert all(f.end <= start or f.start >= start + len(not_a_quantity) for f in quantities)


@pytest.mark.parametrize(("text", "published", "covered", "iso"), [
    ("The fair opened on July 10th.", "2026-08-01", "July 10th", "2026-07-10"),
    ("The fair opened on July 10th.", "2026-03-01", "July 10th", "2025-07-10"),
    ("The fair opened on July 10th.", None, "July 10th", None),
    ("The lease ran out on Dec. 31.", "2026-03-10", "Dec. 31", "2025-12-31"),
    ("The mill reopened on 10 March 2026.", None, "10 March 2026", "2026-03-10"),
    ("The mill reopened on March 10, 2026.", None, "March 10, 2026", "2026-03-10"),
    ("Stock must be returned by March 3.", "2026-02-17", "March 3", "2026-03-03"),
    # `by` in a past clause tells how far things had gone, not a deadline
    ("By Monday night, 14 barges were waiting at the lock.", "2026-03-10", "Monday",
     "2026-03-09"),
    ("The report is expected by Friday.", "2026-03-10", "Friday", "2026-03-13"),
    ("The ferry sank on Tuesday.", "2026-03-12T09:00:00+01:00", "Tuesday", "2026-03-10"),
    ("The ferry sank on Tuesday.", "2026-03-10", "Tuesday", "2026-03-10"),
    ("The ferry sank on Tuesday.", None, "Tuesday", None),
    ("Talks could resume as early as Thursday.", "2026-03-10", "Thursday", "2026-03-12"),
    # an infinitive's governor tells (`is due to end`, `are set to`, `plans to`)
    ("The strike is due to end on Thursday.", "2026-06-10", "Thursday", "2026-06-11"),
    ("Talks are set to resume on Friday.", "2026-06-10", "Friday", "2026-06-12"),
    ("The council plans to vote on Monday.", "2026-06-10", "Monday", "2026-06-15"),
    ("The strike was due to end on Monday.", "2026-06-10", "Monday", "2026-06-08"),
    ("Staff were expected to return on Monday.", "2026-06-10", "Monday", "2026-06-08"),
    ("The bakery shut last month.", "2026-01-15", "last month", "2025-12"),
    ("The bakery shut earlier this month.", "2026-01-15", "earlier this month", "2026-01"),
    ("The bakery shut yesterday.", "2026-01-15", "yesterday", "2026-01-14"),
    ("The bakery shut last year.", "2026-01-15", "last year", "2025"),
    ("The bakery shut in February.", "2026-03-10", "February", "2026-02"),
    ("The bakery has been shut since June.", "2026-02-17", "June", "2025-06"),
    # the tense does not tell: the nearer of last and next (a day's notice, a coming month)
    ("Lenders would pass the rise on from 1 June.", "2026-05-14", "1 June", "2026-06-01"),
    ("The board meets again in July.", "2026-05-14", "July", "2026-07"),
    ("The depot closed on 3 June.", "2026-05-14", "3 June", "2025-06-03"),
    ("The bakery has been shut since 2014.", None, "2014", "2014"),
])
def test_figures_dates_resolved(nlp: Language, text: str, published: str | None, covered: str,
                                iso: str | None) -> None:
    found = figure(nlp, text, covered, published)
    assert (found.kind, found.date) == ("date", iso)


def test_figures_bare_year_has_year_value(nlp: Language) -> None:
    found = figure(nlp, "The tram will open in 2030.", "2030")
    assert (found.kind, found.value, found.unit, found.qualifier) == ("date", 2030, "year", None)


def test_figures_spans_match_text(nlp: Language) -> None:
    texts = [path.read_text("utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    texts.append("Some 3,000-4,000 riders paid €4.5 million, around two-thirds of it on 10 "
                 "March 2026; HALF A MILLION came, up to 40% more than in 2014.")
    for text in texts:
        found = figures(nlp, text, "2026-03-10")
        assert found, text[:40]
        for f in found:
            assert f.text == text[f.start:f.end]
        Article(id="x", outlet="x", text=text, figures=tuple(found))  # validates every span
        assert [f.start for f in found] == sorted(f.start for f in found)


PIECES = ["about", "3,000", "-", "4,000", "$", "1.3bn", "half", "a", "million", "third",
          "two-thirds", "one in three", "per cent", "%", "between", "and", "to", "from", "on",
          "Tuesday", "March", "10th", "2014", "last month", "F-35", "route 12", "6 a.m.",
          "dozens of", "workers", "said", "according to", "the ministry", ",", ".", "\n\n"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.sampled_from(["", " "]),
       st.one_of(st.none(), st.dates().map(str)))
def test_figures_spans_hold_on_any_text(nlp: Language, pieces: list[str], glue: str,
                                        published: str | None) -> None:
    text = glue.join(pieces)
    found = figures(nlp, text, published)
    for f in found:
        assert 0 <= f.start < f.end <= len(text) and f.text == text[f.start:f.end]
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_figures_seed_articles(nlp: Language, seeds: Path) -> None:
    slanted = figures(nlp, (seeds / "000_10bf0377f753a592.txt").read_text("utf-8"))
    assert any(f.value == 5600 and f.qualifier == "over" and "Pentagon" in (f.attributed_to or "")
               and "troops" in (f.counts or "") for f in slanted)
    wire = figures(nlp, (seeds / "002_9927dc5176a900c1.txt").read_text("utf-8"))
    assert any(f.value == 5500 and "troops" in (f.counts or "") for f in wire)


def _example_cases(kind: type | tuple[type, ...]) -> list[Any]:
    """Answer-key figures whose `value` has type `kind` (a number, or an ISO date string)."""
    cases = []
    for story in EXPECTED["stories"].values():
        for entry in story.get("figures", []):
            for article_id, spec in entry["values"].items():
                if isinstance(spec.get("value"), kind) and spec["value"] != "9-6":
                    marks = [pytest.mark.xfail(reason=spec["known_miss"], strict=True)] \
                        if "known_miss" in spec else []
                    cases.append(pytest.param(article_id, spec, marks=marks,
                                              id=f"{article_id}-{spec['text']}"))
    return cases


def _example_text(article_id: str) -> str:
    name = EXPECTED["articles"][article_id]["file"]
    page = (EXAMPLES / name).read_text("utf-8")
    return extract_html(page, name).text if name.endswith(".html") else page


def _figures_inside(nlp: Language, article_id: str, covered: str) -> list[Figure]:
    """Figures found in the example article that lie within its first `covered` text."""
    text = _example_text(article_id)
    start = text.index(covered)
    published = EXPECTED["articles"][article_id].get("published")
    return [f for f in figures(nlp, text, published)
            if start <= f.start and f.end <= start + len(covered)]


@pytest.mark.parametrize(("article_id", "spec"), _example_cases((int, float)))
def test_figures_examples_answer_key(nlp: Language, article_id: str, spec: dict[str, Any]) -> None:
    inside = _figures_inside(nlp, article_id, spec["text"])
    matching = [f for f in inside if f.value == pytest.approx(spec["value"], abs=0.05)]
    assert matching, f"no figure worth {spec['value']} in {spec['text']!r}: {inside}"
    qualifier = spec.get("qualifier")
    assert matching[0].qualifier == (qualifier.lower() if qualifier else None)
    attribution = spec.get("attribution")
    if attribution:
        source = matching[0].attributed_to
        assert source is not None and source.lower() in attribution.lower()


@pytest.mark.parametrize(("article_id", "spec"), _example_cases(str))
def test_figures_examples_answer_key_dates(nlp: Language, article_id: str,
                                          spec: dict[str, Any]) -> None:
    inside = _figures_inside(nlp, article_id, spec["text"])
    assert [(f.kind, f.date, f.qualifier) for f in inside] == [
        ("date", spec["value"], spec["qualifier"])]
