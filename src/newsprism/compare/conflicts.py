"""Figure conflicts: figures of different articles that measure the same thing but whose
values differ beyond what their qualifiers allow (`over 5,600` vs `5,500`).

Two figures measure the same thing when their units agree, the words around them are alike
(sentence embeddings of a window around each figure, plus what each counts) and they are
not named as different parties' (`Straal took 47.8 percent`, `44.1 percent for Osterby`).
Two figures of two articles pair up only as each other's best match, preferring a
consistent value among near-equal matches, so that `9 percent sought` and `4.5 percent
offered` stated by both sides pair up correctly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cache
from itertools import combinations, takewhile
from typing import Literal

import numpy as np
from spacy.tokens import Doc, Span, Token

from newsprism.analyze.entities import entity_key, source_words
from newsprism.analyze.figures import CURRENCIES, DURATION_DAYS, UNIT_BASE
from newsprism.analyze.quotes import verb_classes
from newsprism.clean.lines import dateline_end
from newsprism.datafiles import data_rows
from newsprism.model import Article, Conflict, Figure, FigureValue

Embed = Callable[[Sequence[str]], np.ndarray]
# a value, its qualifier and, when not read off the value itself, its rounding
Stated = tuple[float, str | None] | tuple[float, str | None, float]

APPROXIMATE = 0.10  # `about 3,200` allows 10% either way; `up to 50,000` 10% below
NEAR = 0.05  # `nearly 2,000` allows 5% below
WINDOW = 8  # words either side of a figure that say what it measures
SCALE = 0.1  # a pair's score falls by this per factor of ten between the two values
MUTUAL_MARGIN = 0.15  # two figures each other's best match may score this much below the bar
MUTUAL_ORDERS = math.log10(3)  # … when their values are at most three times apart
LINK_FLOOR = 0.1  # a group's figures pair up at least this well with every other member
GREW_FROM = 0.5  # bonus for a pair whose later figure says it grew from the earlier's value
_WORDS = re.compile(r"[\w']+")
_TIME_NOUNS = frozenset(("period", "quarter", "season", "term", "time", "year", "month", "week",
                         "day", "half", "spell", "morning", "afternoon", "evening", "night"))
# The earlier level a change starts from (`up from about 240,000`, `revised to 10,500, from
# about 8,000`): not the article's claim.
_PAST_LEVEL = re.compile(r"(?:\b(?:up|down)|\bto\s+[$€£]?\d[\d,.]*(?:\s+[a-z%]+){0,2},?)\s+from\s+"
                         r"(?:[a-z]+\s+){0,2}\Z", re.I)
# A length of time that says how long each period is (`60-hour weeks`, `12-hour shifts`): a
# rate, not a length the story measures.
_PER_PERIOD = re.compile(r"\A[-\s]+(?:weeks?|days?|months?|years?|shifts?)\b", re.I)
# The span a statement looks back over: `in each of the past five years`.
_LOOKBACK = re.compile(r"\b(?:last|past|previous|preceding)\s+\Z", re.I)
# A person's age: `43-year-old`, `76 years old`, `aged 34`, `at age 13`, `Pelosi, 76,`.
_AGE_AFTER = re.compile(r"[-\s]years?[-\s]olds?\b", re.I)
# the first age of a range: `18- to 20-year-olds`
_AGE_RANGE = re.compile(r"-?\s*(?:to|and|or|-)\s*\d{1,3}[-\s]years?[-\s]olds?\b", re.I)
_AGE_OF = re.compile(r"\b(?:a|an)\s+([a-z]+)\s+of\s+\Z", re.I)  # `a bricklayer of 58`
# `aged 40`, `aged between one and 40`, `ages 5 to 14`
_AGE_BEFORE = re.compile(r"\b(?:ages?|aged)\s+(?:between\s+)?(?:[\w-]+\s+(?:and|to)\s+)?\Z",
                         re.I)
# a year or quarter before the one a story is about (`last year`, `five years ago`; not
# `last month's ballot`, which may be the event itself)
_PAST = re.compile(r"\b(?:last|previous|prior)\s+(?:year|quarter|decade)\b"
                   r"|\b(?:years?|decades?)\s+(?:ago|earlier|before)\b", re.I)
# an increment beyond the main quantity, not a total (`a further 230 cases`, `30 new cases`,
# `23 other miners`)
_INCREMENT_BEFORE = re.compile(r"\b(?:further|another|additional|extra)\s+\Z", re.I)
_INCREMENT_AFTER = re.compile(r"\A\s+(?:more|additional|extra|new|further|other)\b", re.I)
# words before a counted noun that say how many, not which (`more troops`, `other workers`)
_NOT_KIND = frozenset({"more", "additional", "extra", "other", "further", "new", "total",
                       "some", "all", "about", "nearly", "around", "over", "least", "the",
                       "a", "an", "its", "their", "his", "her", "our", "of", "than"})
# nouns for a bound set by rule or plan, which a figure states rather than measures
_LIMITS = frozenset({"limit", "threshold", "cap", "ceiling", "target", "guideline",
                     "standard", "minimum", "maximum"})
# verbs of a penalty, whose `up to` amount after a modal is the most the rules allow (`can
# fine the agency up to €10 million`, `faces up to 10 years`), not a penalty imposed
_PENALTY_VERBS = frozenset({"fine", "jail", "imprison", "sentence", "penalise", "penalize",
                            "charge", "impose", "face"})
_MODALS = frozenset({"can", "could", "may", "might"})
# verbs of a change, whose percentage is the size of the change (`shares fell 9 percent`),
# not a level (`a quarter of the market`)
_CHANGE_VERBS = frozenset({
    "climb", "collapse", "crash", "decline", "decrease", "dip", "drop", "ease", "edge", "fall",
    "grow", "increase", "jump", "plummet", "plunge", "rally", "rebound", "retreat", "rise",
    "rocket", "sag", "shed", "shrink", "sink", "slide", "slip", "slump", "soar", "spike",
    "surge", "swell", "tumble"})
# verbs that change something by an amount (`cut staff by 40 percent`; not `cut 40 percent
# of the jobs`, a part)
_CHANGE_BY_VERBS = frozenset({"boost", "cut", "hike", "lift", "lower", "raise", "reduce",
                              "slash", "trim"})
_UP_BY = re.compile(r"\b(?:up|down)(?:\s+by)?\s*\Z")  # `violent crime up 6 percent`
# nouns of a change, whose percentage is its size (`an 8 percent rise`, `a rise of 8 percent`)
_CHANGE_NOUNS = _CHANGE_VERBS | _CHANGE_BY_VERBS | {"gain", "growth", "reduction"}
# verbs of an aim, whose figure is a level sought, not reached (`aims to have 200,000
# patients switched by the end of April`)
_AIM_VERBS = frozenset({"aim", "hope", "strive", "target"})
_FORECAST_VERBS = frozenset({"forecast", "predict", "project"})
_BUSINESSES = frozenset({"business", "employer", "shop", "store", "restaurant", "farm",
                         "factory", "plant"})
_CONDITIONS = frozenset({"if", "when", "whenever", "unless", "once"})
_INTEND_VERBS = frozenset({"expect", "intend", "plan", "want"})  # aims with their own subject
# labels of the places a figure's noun phrase can set it in (`63 batches made at Kelderwick`)
SITE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = frozenset({"across", "at", "from", "in", "inside", "near", "outside"})
# the votes against in a tally (`by 164 votes to 139`)
_VOTES_TO = re.compile(r"\b(?!(?:the|their|its|his|her|enough|more)\s)"
                       r"(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+votes\s+to\s+\Z", re.I)
_APPOSITION = re.compile(r"\w,\s+\Z")
AGE_REACH = 60  # characters from an age to the person it describes
# who can hold a quantity (`Osterby won 44.1 percent`, `Straal's campaign spent $4.1 million`)
HOLDER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# `fell to 37 from 47`, `was left with 37 seats`
_LEVEL_PREPOSITIONS = frozenset({"to", "from", "at", "on", "by", "with"})
# `jailed for four years`, `received $800,000 over three years`: whose time span it is
_SPAN_PREPOSITIONS = frozenset({"for", "over"})
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
_NOT_CORE = frozenset({"prep", "relcl", "acl", "advcl", "appos", "punct"})
_OTHER_CLAUSES = frozenset({"ccomp", "conj", "advcl", "parataxis", "cc"})
_RECORD = frozenset({"first", "record"})
_PARTITIVE = frozenset({"the", "these", "those", "its", "their", "his", "her", "our"})


@dataclass(frozen=True, slots=True)
class Measure:
    """A figure with what is needed to match and compare it."""

    article: Article
    figure: Figure
    value: float
    unit: str | None
    context: str
    rounding: float  # half the place value of the last digit stated, in `unit`
    # for a person's age, the person (canonical name, "" when the sentence names none)
    aged: str | None = None
    # the named people, organisations or groups whose quantity it is (`holders`)
    held_by: frozenset[str] = frozenset()
    # "part" (`160 of the cases`, `seven on Saturday alone`), "increment" (`a further 230`,
    # `90 more`, `23 other miners`), "since" (a total over years: `46 violations since
    # 2021`), "past" (`$655 million in the same period last year`), "future" (`900 workers
    # at a plant due to open in 2027`, `aims to have 200,000 patients switched`), "change"
    # (`shares fell 9 percent`), "threshold" (`every site storing more than 100 tonnes`),
    # "limit" (`an exposure limit of 5 ppm`), "size" (`Tarrowby, a town of 22,000
    # people`), "against" (`47 delegates voted against the bill`) or "" (`scope`);
    # a part of one day is "part:" and the day (`on Tuesday alone`)
    scope: str = ""
    # the dates of the figure's clause (`_clause_dates`)
    dated: frozenset[str] = frozenset()
    # the places its noun phrase names (`sites`)
    sited: frozenset[str] = frozenset()
    # the days of the span its clause measures it over (`span_days`)
    over_days: float | None = None
    # the earlier level its sentence says it grew from (`26 inmates …, up from 18`), in `unit`
    from_value: float | None = None

    @property
    def counted(self) -> str:
        return self.figure.counts or ""

    @property
    def stated(self) -> Stated:
        return self.value, self.figure.qualifier, self.rounding


@cache
def qualifier_kinds() -> dict[str, str]:
    return {word: kind for word, kind in data_rows("qualifiers.tsv")}


@cache
def update_cues() -> frozenset[str]:
    return frozenset(row[0].strip().lower() for row in data_rows("update_cues.txt"))


def interval(value: float, qualifier: str | None,
             rounding: float | None = None) -> tuple[float, float]:
    """The values a figure allows: its qualifier's bound, or its rounding when it has none
    (`rounding`, else read off the value)."""
    kind = qualifier_kinds().get((qualifier or "").lower())
    if kind == "at-least":
        return value, math.inf
    if kind == "at-most":
        return -math.inf, value
    if kind == "high":
        return value * (1 - APPROXIMATE), value
    if kind == "near":
        return value * (1 - NEAR), value
    if kind == "about":
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    half = _rounding(value) if rounding is None else rounding
    return value - half, value + half


def _rounding(value: float) -> float:
    """Half the place value of the last significant digit (`5,500` → 50, `4.5` → 0.05)."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return 10.0 ** int(exponent) / 2 if isinstance(exponent, int) else 0.0


def consistent(values: Sequence[Stated]) -> bool:
    """Whether one value lies within what every figure's qualifier allows, and no two
    bounds of one direction name different values: `more than 600` and `more than 700` are
    each an outlet's best figure, so they differ, though 750 would satisfy both."""
    bounds = [interval(*stated) for stated in values]
    low, high = max(b[0] for b in bounds), min(b[1] for b in bounds)
    # bounds that only touch agree when the point is what each figure states or lies inside
    # its bounds (`at least 600` and `at most 600`), not when it is where two roundings meet
    # (`5,500` and `5,600` meet at 5,550)
    if not (low < high or (low == high and all(stated[0] == low or b[0] < low < b[1]
                                                for stated, b in zip(values, bounds,
                                                                     strict=True)))):
        return False
    open_ended = [(value, kind) for value, qualifier, *_ in values
                  if (kind := qualifier_kinds().get((qualifier or "").lower()))
                  in ("at-least", "at-most")]
    return all(a_kind != b_kind or _rounded_overlap(a, b)
               for (a, a_kind), (b, b_kind) in combinations(open_ended, 2))


def _rounded_overlap(a: float, b: float) -> bool:
    """Whether two values could be roundings of one number (`600` and `700` could not)."""
    return abs(a - b) < _rounding(a) + _rounding(b) or a == b


def measures(article: Article, doc: Doc | None = None) -> list[Measure]:
    """The article's quantities that can be compared: those with a value, leaving out the
    ones that count a source (`two U.S. officials said`), the earlier level of a change
    (`up from 6,200 on Tuesday`), the length of a recurring period (`60-hour weeks`) and
    the span a statement looks back over (`in each of the last four years`).
    With the article's parse, each knows whose it is."""
    found = []
    quantities = [f for f in article.figures
                  if f.kind == "quantity" and isinstance(f.value, int | float)]
    for k, figure in enumerate(quantities):
        after = quantities[k + 1] if k + 1 < len(quantities) else None
        value = figure.value
        if not isinstance(value, int | float) or _counts_a_source(article, figure) \
                or _PAST_LEVEL.search(article.text, max(0, figure.start - 40), figure.start) \
                or (figure.unit in DURATION_DAYS
                    and (_PER_PERIOD.match(article.text[figure.end:figure.end + 12])
                         or _LOOKBACK.search(article.text, max(0, figure.start - 12),
                                             figure.start))) \
                or (doc is not None and _record_window(doc, figure)):
            continue
        aged = _age_of(article, figure)
        # an age in years, however written (`43-year-old`, `Ibarra, 45,`)
        factor, unit = (1.0, "age") if aged is not None else _normal(figure.unit)
        found.append(Measure(article, figure, value * factor, unit,
                             _context(article, figure), _rounding(value) * factor,
                             aged, holders(article, doc, figure) if doc else frozenset(),
                             scope(article, doc, figure) if doc else "",
                             _clause_dates(article, doc, figure) if doc else frozenset(),
                             sites(article, doc, figure) if doc else frozenset(),
                             span_days(article, doc, figure) if doc else None,
                             _grown_from(article, figure, after, factor)))
    return found


def _grown_from(article: Article, figure: Figure, after: Figure | None,
                factor: float) -> float | None:
    """The earlier level the next figure of the sentence states for this one (`Police have
    now arrested 26 inmates over the riot, up from 18 on Sunday`), when in the same unit."""
    if after is None or after.unit != figure.unit or not isinstance(after.value, int | float):
        return None
    level = _PAST_LEVEL.search(article.text, max(figure.end, after.start - 40), after.start)
    if level is None or _sentence_bounds(article, after.start)[0] > figure.start:
        return None
    return after.value * _normal(figure.unit)[0] if factor == 1.0 else None


def span_days(article: Article, doc: Doc, figure: Figure) -> float | None:
    """The length in days of the span the figure's clause measures it over (`prices rose
    4.3 percent in the year to August`: 365.25; `have gone up 11 per cent in two years`;
    `made 40 arrests over three nights`), or None."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    verb = _clause_verb(_counted(span)) if span is not None else None
    if verb is None:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "over", "during", "within"):
            continue
        for noun in prep.children:
            unit = noun.lemma_.lower()
            if noun.dep_ != "pobj" or unit not in DURATION_DAYS \
                    or figure.start <= noun.idx < figure.end:  # the length itself
                continue
            length = next((f for f in article.figures if f.start <= noun.idx < f.end
                           and f.unit in DURATION_DAYS and isinstance(f.value, int | float)),
                          None)
            if length is not None:
                return float(length.value or 0) * DURATION_DAYS[str(length.unit)]
            if not any(c.dep_ == "nummod" for c in noun.children):
                return DURATION_DAYS[unit]  # `in the year to August`, `over the past week`
    return None


def _record_window(doc: Doc, figure: Figure) -> bool:
    """Whether a span of time is the window a record is set in (`the highest turnout in
    twenty years`, `the first fall in a decade`), not a length the story measures: its `in`
    or `for` phrase hangs, through nouns only, on a superlative or on a noun that `first` or
    `record` describes."""
    if figure.unit not in DURATION_DAYS:
        return False
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or span.root.head.lower_ not in ("in", "for"):
        return False
    for token in list(span.root.head.ancestors)[:4]:
        if token.tag_ in ("JJS", "RBS") or any(
                child.dep_ == "amod" and (child.tag_ == "JJS" or child.lower_ in _RECORD)
                for child in token.children):
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def holders(article: Article, doc: Doc, figure: Figure) -> frozenset[str]:
    """The named people, organisations and groups whose quantity the figure states, by the
    parse: its possessor (`Osterby's $3.8 million`, `Brenner, whose party gained two
    seats`), the object of a `for` after it (`44.1 percent for Osterby`), the name it stands
    in brackets after (`Huckabee (14 percent)`) and the subject of the verb whose object it
    is (`Heartland won 41 seats`, `fell to 37`); not the subject of a verb of saying or
    estimating, which is a source (`the union says 4,000 workers`). Empty when none is
    named."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None:
        return frozenset()
    root, noun = span.root, _counted(span)
    owners = [child for token in (root, noun) for child in token.children
              if child.dep_ == "poss"]
    after = noun.right_edge.i + 1  # `for` on the figure, or on the verb right after it
    beneficiary = [t for t in (*noun.children, *doc[after:after + 1])
                   if t.lower_ == "for" and t.i > noun.i]
    owners += [c for t in beneficiary[:1] for c in t.children if c.dep_ == "pobj"]
    if noun.dep_ == "appos":
        owners.append(noun.head)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "with" \
            and noun.head.head.pos_ in ("NOUN", "PROPN"):
        owners.append(noun.head.head)  # `the Greens, with eight seats`
    verb = _verb_of(noun, figure.unit in DURATION_DAYS)
    if not owners and verb is not None and verb.lemma_.lower() not in verb_classes():
        owners += _subjects(verb)
    return frozenset(name for owner in owners for name in _named_in(article, owner))


def sites(article: Article, doc: Doc, figure: Figure) -> frozenset[str]:
    """The places the figure's noun phrase sets it in with a preposition of place (`63
    batches made at Kelderwick`, `41 batches made at its Amsford plant`; not the drug of
    `Corvalex tablets` the NER took for a place): two figures set in different places are
    two quantities."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None:
        return frozenset()
    noun = _counted(span)
    phrase = [t for t in noun.subtree if (t.i < span.start or t.i >= span.end) and any(
        a.dep_ == "prep" and a.lower_ in _PLACE_PREPOSITIONS
        for a in takewhile(lambda a: a != noun, t.ancestors))]
    clause = _clause_places(noun)
    return frozenset(entity_key(e.canonical) for e in article.entities if any(
        e.start <= t.idx < e.end for t in phrase if e.label in SITE_LABELS) or any(
        e.start <= t.idx < e.end for t in clause if e.label in SITE_LABELS | {"ORG"}))


def _clause_verb(noun: Token) -> Token | None:
    return next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _clause_places(noun: Token) -> list[Token]:
    """The places the clause of a figure's noun is set in: its verb's phrase of place
    (`In Harlow, readings reached 35 micrograms`) or the place a `where` clause describes
    (`Pell River, where pollution peaked at 240 micrograms`). A town the NER calls an
    organisation counts here, and so does a company (`invested $5 million in Northline`)."""
    verb = _clause_verb(noun)
    if verb is None:
        return []
    found = [t for p in verb.children if p.dep_ == "prep" and p.lower_ in _PLACE_PREPOSITIONS
             for t in p.subtree]
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        found += [t for t in verb.head.subtree if t.i < verb.left_edge.i]
    return found


def scope(article: Article, doc: Doc, figure: Figure) -> str:
    """Whether the figure states a part of a quantity (`160 of the confirmed cases`, `seven
    officers on Saturday night alone`, `420 operations on its own`), an increment beyond it
    (`a further 230 cases`, `as many as 90 more`, `23 other miners`: not a part of the same
    whole as `the coast guard alone rescued 74`), a total since a year (`46 safety
    violations since 2021`: not the region's `14 mine inspectors`), its value at an earlier
    time (`$655 million in the same period last year`, `Five years ago, 89 percent …`) or a
    later year (`a plant due to open in 2027`) or aim (`aims to have 200,000 patients
    switched`), the size of a change (`shares fell 9 percent`), a bound that defines a
    class of things (`every site storing more than 100 tonnes`), a limit set by rule (`an
    exposure limit of 5 ppm`, `can fine it up to €10 million`), the votes against something
    (`47 delegates voted against the bill`, `by 164 votes to 139`), or neither (""). Read
    from the figure's own clause, leaving out a `from` level (`up from 54 percent last
    year`) and other clauses."""
    text = article.text
    if _INCREMENT_BEFORE.search(text, max(0, figure.start - 12), figure.start) \
            or _INCREMENT_AFTER.match(text[figure.end:figure.end + 12]):
        return "increment"
    if _VOTES_TO.search(text, max(0, figure.start - 30), figure.start):
        return "against"  # `passed by 164 votes to 139`
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None:
        return ""
    noun = _counted(span)
    if (figure.unit is None or figure.unit in CURRENCIES.values()) and any(
            child.lower_ == "of" and any(_partitive(o) for o in child.children)
            for token in (span.root, noun) for child in token.children):
        return "part"  # `160 of the confirmed cases`, `€25 million of it`
    if any(t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ == "appos"
           and t.head.head.pos_ == "NOUN" for t in (span.root, noun)):
        return "size"  # what a named thing is: `Tarrowby, a market town of 22,000 people`
    if _threshold(noun, figure):
        return "threshold"
    if _limit(noun) or (noun.dep_ == "pobj" and noun.head.lower_ == "of"
                        and _limit(noun.head.head)):
        return "limit"  # `the workplace exposure limit of 5 ppm`, `a 5 ppm limit`
    if _maximum_penalty(noun, figure):
        return "limit"
    if any(_aims(t, noun) for t in noun.ancestors) or _forecast(noun):
        return "future"  # `aims to have 200,000 patients switched by April`
    clause = _clause(noun)
    if any((t.lower_ == "against" and t.head.lemma_.lower() == "vote")
           or (t.lemma_.lower() == "oppose" and noun in _subjects(t)) for t in clause):
        return "against"  # the other side of a vote: `47 delegates voted against the bill`
    alone = next((t.nbor(-1) for t in clause if t.lower_ == "alone" and t.i
                  and t.nbor(-1).pos_ in ("NOUN", "PROPN", "NUM")), None)
    if alone is not None:  # `on Saturday night alone`, not `to govern alone`
        day = _dates(article, [alone])
        return f"part:{min(day)}" if day else "part"
    if any(t.lower_ == "own" and t.head.lower_ == "on" for t in clause):
        return "part"  # `St Aldric's postponed 420 operations on its own`
    path = _path(noun)
    timed = _own_dates(article, clause, [*span, *path])
    if _PAST.search(" ".join(t.text for t in timed)):
        return "past"
    if year := _year_scope(article, timed):
        return year
    # a total over years: `23 mineworkers have died … since 2016`, `the $12 million the city
    # has spent on bike lanes since 2022`
    if any(t.lower_ == "since" and (t.head in path or (t.head.dep_ == "relcl"
                                                       and t.head.head == noun))
           and any(_YEAR.fullmatch(c.text) for c in t.subtree) for t in clause):
        return "since"
    before = text[max(0, figure.start - 40):figure.start].lower().rstrip()
    before = before.removesuffix((figure.qualifier or "").lower())  # `up by almost a quarter`
    return "change" if figure.unit == "%" and (
        _change_size(noun) or _UP_BY.search(before)) else ""


def _forecast(noun: Token) -> bool:
    """Whether the figure is what someone forecast earlier, the object of a past forecast
    with its subject (`the bank forecast a profit of $85 million`, `the 9,100 megawatts it
    had forecast`), which what happened replaces; not a forecast standing now (`the office
    projects a deficit of $1.9 billion`), nor a passive (`the line is forecast to cost $1.3
    billion`), which may state the cost itself."""
    def active(verb: Token) -> bool:
        return verb.pos_ == "VERB" and verb.lemma_.lower() in _FORECAST_VERBS \
            and verb.tag_ in ("VBD", "VBN") and any(c.dep_ == "nsubj" for c in verb.children)
    if any(c.dep_ == "relcl" and active(c) and not any(d.dep_ == "dobj" for d in c.children)
           for c in noun.children):
        return True  # the noun is the object of the relative clause
    token = noun
    while token.dep_ in ("pobj", "prep", "compound", "nummod", "quantmod", "amod") \
            and token.head != token:
        token = token.head
    return token.dep_ == "dobj" and active(token.head)


def _limit(noun: Token) -> bool:
    """Whether a noun names a bound set by rule or plan (`the legal minimum`), not a hedge
    (`a minimum of 40 people`)."""
    lemma = noun.lemma_.lower()
    return lemma in _LIMITS and not (lemma in ("minimum", "maximum") and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children))


def _condition(noun: Token) -> bool:
    """Whether the figure's clause is a standing condition, in the present tense (`bars
    departures when gusts of more than 90 km/h are forecast`, `if the river rises above 4
    metres`), not a past event (`when gusts reached 130 km/h, the ferry struck`)."""
    verb = _clause_verb(noun)
    return verb is not None and verb.dep_ == "advcl" and any(
        c.lower_ in _CONDITIONS and c.dep_ in ("mark", "advmod") for c in verb.children) \
        and any(t.tag_ in ("VBZ", "VBP", "MD") for t in (verb, *verb.children)
                if t == verb or t.dep_ in ("aux", "auxpass"))


def _aims(verb: Token, noun: Token) -> bool:
    """Whether `verb` states an aim the figure is part of (`aims to have 200,000 patients
    switched`, `she expected to have about 2,000 firefighters on the lines`), not a forecast
    (`the line is expected to cost $1.3 billion`, `expects inflation to reach 5 percent`)."""
    if verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    return lemma in _AIM_VERBS or (
        lemma in _INTEND_VERBS and not any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "xcomp" and noun in c.subtree for c in verb.children))


def _change_size(noun: Token) -> bool:
    """Whether a percentage is the size of a change (`shares fell 9 percent`, `rose by 4
    percent`, `up 6 percent`), not the level reached (`rose to 4 percent`) or a share (`a
    quarter of the market`); or the size a change noun states (`an 8 percent rise`, `an
    increase of 8 percent`)."""
    if noun.pos_ == "NOUN" and noun.lemma_.lower() in _CHANGE_NOUNS:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in _CHANGE_NOUNS:
        return True
    verb, verbs = noun.head, _CHANGE_VERBS
    if noun.dep_ == "pobj" and verb.lower_ == "by":
        verb, verbs = verb.head, _CHANGE_VERBS | _CHANGE_BY_VERBS
    elif noun.dep_ not in ("npadvmod", "dobj", "advmod"):
        return False
    ups = ("up", "down", "higher", "lower")
    return verb.lower_ in ups or (verb.pos_ == "VERB" and (
        verb.lemma_.lower() in verbs
        or any(c.dep_ == "prt" and c.lower_ in ups for c in verb.children)))  # `pushed up`


def _threshold(noun: Token, figure: Figure) -> bool:
    """Whether a bound defines a class of things rather than counting them (`every site
    storing more than 100 tonnes`, `all firms with more than 50 staff`, `households earning
    less than $30,000`, `patients who took the tablets for at least 90 days`): the bound's
    phrase hangs, through a verb or `with`, on the noun right before it, or through a
    relative clause on the noun it describes, which is every one of a kind or a plural
    without a determiner."""
    kind = qualifier_kinds().get((figure.qualifier or "").lower())
    link = noun.head
    if _condition(noun):
        return True
    if kind not in ("at-least", "at-most") or not link.i \
            or link.lower_ == (figure.qualifier or "").lower():
        return False  # `Gusts topping 75 mph drove the flames`: the bound states the gusts
    clause = link.head if link.dep_ == "prep" else link
    if link.dep_ == "acl" or (link.lower_ == "with" and link.dep_ == "prep"):
        owner = link.doc[link.i - 1]
    elif clause.dep_ == "relcl":
        owner = clause.head
    else:
        return False
    determiners = {d.lower_ for d in owner.children if d.dep_ == "det"}
    return owner.pos_ == "NOUN" and (bool(determiners & {"every", "any", "each", "all"})
                                     or (owner.tag_ == "NNS" and not determiners))


def _clause_dates(article: Article, doc: Doc, figure: Figure) -> frozenset[str]:
    """The dates of the figure's own noun phrase (`a 9 percent rise in 2024`; not of a noun
    in apposition to it), else those its clause gives the figure (`postponed on Tuesday`;
    see `_own_dates`), each as its ISO date when known, else its lower-case words."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None:
        return frozenset()
    noun = phrase = _counted(span)
    while phrase.dep_ in ("compound", "amod", "nmod", "nummod") and phrase.head.pos_ == "NOUN":
        phrase = phrase.head
    appositions = [t for t in phrase.subtree if t.dep_ == "appos"]  # `homes, among them a hall`
    own = [t for t in phrase.subtree if not any(a is t or a in t.ancestors for a in appositions)]
    return _dates(article, own) or _dates(
        article, _own_dates(article, _clause(noun), [*span, *_path(noun)]))


def _dates(article: Article, tokens: Sequence[Token]) -> frozenset[str]:
    """The article's dates that hold one of `tokens`."""
    return frozenset(f.date or f.text.lower() for f in article.figures if f.kind == "date"
                     and any(f.start <= t.idx < f.end for t in tokens))


def _own_dates(article: Article, clause: list[Token], path: list[Token]) -> list[Token]:
    """The clause without the dates of another noun than the figure's and its heads'
    (`path`): `fined Vellacom €48 million on Tuesday over a cyberattack last year` (the
    attack's year, not the fine's), `1.2 percent of its annual turnover, which was €4.1
    billion last year`."""
    def dated(token: Token) -> bool:  # a date, or a noun of time (`the same period last year`)
        return bool(_dates(article, [token])) or _YEAR.fullmatch(token.text) is not None \
            or token.lemma_.lower() in _TIME_NOUNS

    def of_other_noun(token: Token) -> bool:
        for head in token.ancestors:
            if head in path:
                return False
            if head.pos_ in ("VERB", "AUX"):  # a `which` clause of another noun tells of it
                return head.dep_ == "relcl" and head.head not in path
            if head.pos_ in ("NOUN", "PROPN") and not dated(head):
                return True
        return False

    return [t for t in clause if not (dated(t) and of_other_noun(t))]


def _path(noun: Token) -> list[Token]:
    """The noun and its heads up to its clause's verb: what a phrase about the figure itself
    hangs on (not a relative clause of its subject: `The Union, which has governed since
    2019, fell to 37`)."""
    path = [noun]
    while path[-1].pos_ not in ("VERB", "AUX") and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _year_scope(article: Article, clause: list[Token]) -> str:
    """"past" when the clause, or a `when` clause of its verb, sets its figure in a year
    before the article's (`In 2019, 80 percent`, `last August` in a 2026 article) or is
    about such a year (`since October 1997, when 194 millimetres fell`), "future" when in a
    later one (`900 workers at a plant due to open in 2027`), else ""; a year counted from is
    not the figure's (`since 2012`)."""
    published = _time(article.published)
    if published is None:
        return ""

    # dates that resolve to an earlier year (`last August`); a later one must be written
    # out, as outlets word one forecast `next year` and `for the coming year`
    dates = [(f.start, f.end, int(f.date[:4])) for f in article.figures
             if f.kind == "date" and f.date and _YEAR.fullmatch(f.date[:4])
             and int(f.date[:4]) < published.year]

    def year(token: Token) -> int | None:  # a year, not a count (`1997 homes`), or a date's
        if _YEAR.fullmatch(token.text) is not None \
                and (token.dep_ != "nummod" or token.head.pos_ == "PROPN"):
            return int(token.text)
        return next((y for start, end, y in dates if start <= token.idx < end), None)

    # a `when` clause right after the year it is about
    before = [t.doc[t.left_edge.i - 1] for t in clause if t.left_edge.i
              and any(c.lower_ == "when" for c in t.children)]
    before = [t.doc[t.i - 1] if t.is_punct and t.i else t for t in before]
    # a `when` clause of the figure's verb (`When a fire broke out there in 2022, 18 people
    # were treated`)
    told_when = [t for verb in clause for c in verb.children if c.dep_ == "advcl"
                 and any(m.lower_ == "when" for m in c.children) for t in c.subtree]
    def years(tokens: list[Token]) -> list[int | None]:
        return [year(t) for t in tokens if not any(
            a.lower_ in ("since", "from", "between") for a in [t, *t.ancestors][:3])]

    if any(y is not None and y < published.year
           for y in [year(t) for t in before] + years(clause + told_when)):
        return "past"
    # a later year told by a `when` clause dates the event the figure waits on (`3,400
    # students will move when the closures take effect in June 2027`), not the figure
    if any(y is not None and y > published.year for y in years(clause)):
        return "future"
    return ""


def _partitive(noun: Token) -> bool:
    """`the confirmed cases` of `160 of the confirmed cases` (`that` of `$8 million of that`);
    not `the 91 seats` of `42 of the 91 seats`, a share of a stated whole."""
    return noun.dep_ == "pobj" and (noun.lower_ in ("it", "them", "that", "this", "those")
                                    or any(d.lower_ in _PARTITIVE for d in noun.children)) \
        and not any(d.dep_ == "nummod" for d in noun.children)


def _clause(noun: Token) -> list[Token]:
    """The tokens of the clause a figure's noun is in, without other clauses and without
    phrases of an earlier level (`up from …`, `from 47`)."""
    ancestors = list(noun.ancestors)
    verb = next((t for t in ancestors if t.pos_ in ("VERB", "AUX")), None)
    # a verbless clause is its noun phrase's whole (`Last year's budget of $46.9 billion`)
    top = verb if verb is not None else (ancestors[-1] if ancestors else noun)
    inside = {t.i for t in noun.subtree}
    kept = [top]
    for child in top.children:
        subtree = list(child.subtree)
        if any(t.i in inside for t in subtree):
            kept += [t for t in subtree if t.i in inside or child.dep_ not in _OTHER_CLAUSES]
        elif child.dep_ not in _OTHER_CLAUSES \
                and not any(t.lower_ == "from" for t in (child, *child.children)):
            kept += subtree  # not `from 47`, `up from 54 percent`
    return sorted(kept, key=lambda t: t.i)


@cache  # asked once per pair of figures
def _kind_words(counted: str) -> tuple[str, frozenset[str]]:
    """The head noun of what a figure counts and the lower-case words before it that say
    which kind (`temporary vaccination clinics` → clinics, {temporary, vaccination})."""
    words = re.split(r"\s+(?:in|of|at|on|for|from|across|with)\s+", counted.strip(),
                     maxsplit=1)[0]
    tokens = [w for w in re.split(r"[\s-]+", words) if w]
    if not tokens:
        return "", frozenset()
    kinds = frozenset(w for w in tokens[:-1]
                      if w.isalpha() and w.islower() and w not in _NOT_KIND)
    return tokens[-1].lower().rstrip("s"), kinds


def _same_kind(x: Measure, y: Measure) -> bool:
    """Unless both figures name the kind of what they count with different words
    (`temporary vaccination clinics`, `community health clinics`), or one counts people and
    the other organisations (`4,200 depositors`, `6,500 of the chamber's member firms`)."""
    head_x, kinds_x = _kind_words(x.counted)
    head_y, kinds_y = _kind_words(y.counted)
    if {_party(head_x), _party(head_y)} == {"person", "organization"}:
        return False
    return head_x != head_y or not kinds_x or not kinds_y or bool(kinds_x & kinds_y)


@cache
def _party(head: str) -> str:
    """Whether a counted head noun, without its plural `s` (`_kind_words`), names people
    (`depositor`, `people`) or organisations (`firm`, `companie`), else ""; `member` may be
    either."""
    words = source_words()
    forms = {head, head + "s", re.sub(r"ie\Z", "y", head), re.sub(r"e\Z", "", head)}
    if forms & (words["organization"] | words["plural-unnamed"] | _BUSINESSES):
        return "organization"
    if head != "member" and forms & (words["person"] | {"depositor", "saver"}):
        return "person"
    return ""


def _counted(span: Span) -> Token:
    """The noun a number counts (`121 cases`) or an amount qualifies (`a 3% ceiling`), else
    the figure's own head."""
    root = span.root
    return root.head if root.dep_ in ("nummod", "quantmod", "compound") \
        and root.head.i >= span.end and root.head.pos_ == "NOUN" else root


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is joined to (`lost ten seats and was
    left with 37`)."""
    while True:
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found or verb.dep_ != "conj":
            return found
        verb = verb.head


def _maximum_penalty(noun: Token, figure: Figure) -> bool:
    """`can fine the agency up to €10 million`, `could be jailed for up to five years`,
    `faces up to 10 years`: the most a penalty may be, a limit set by rule."""
    verb = _verb_of(noun, figure.unit in DURATION_DAYS)
    if figure.qualifier != "up to" or verb is None:
        return False
    # the lemmatiser makes `fined` `fin`: the past forms are read off the word itself
    forms = {verb.lemma_.lower(), verb.lower_, verb.lower_[:-1], verb.lower_[:-2]}
    if not forms & _PENALTY_VERBS:
        return False
    return "face" in forms \
        or any(child.dep_ == "aux" and child.lower_ in _MODALS for child in verb.children)


def _verb_of(noun: Token, duration: bool = False) -> Token | None:
    """The verb whose object the figure is (`won 41 seats`), whose level it gives (`fell
    to 37 from 47`; not `took 47.8 percent of the vote to 44.1 percent`) or, for a
    `duration`, whose time span it is (`was jailed for four years`)."""
    verb = noun.head
    if noun.dep_ == "pobj" and duration and verb.lower_ in _SPAN_PREPOSITIONS:
        verb = verb.head
    elif noun.dep_ == "pobj" and verb.lower_ in _LEVEL_PREPOSITIONS:
        verb = verb.head
        if any(c.dep_ == "dobj" for c in verb.children):
            return None
    elif noun.dep_ not in ("dobj", "attr", "oprd"):
        return None
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _named_in(article: Article, token: Token) -> set[str]:
    """Entity keys of the people, organisations and groups the token's phrase names, leaving
    out its prepositional phrases and clauses (`Heartland's seat count in the Provincial
    Assembly` names Heartland; `Maren Osterby of the Progressive Union`, Osterby)."""
    if token.lower_ in ("he", "she"):  # `He was fined $500,000`: the person last named
        people = [e for e in article.entities if e.label == "PERSON" and e.end <= token.idx]
        return {entity_key(people[-1].canonical)} if people else set()
    spans = [(t.idx, t.idx + len(t)) for t in _core(token)]
    return {entity_key(e.canonical) for e in article.entities if e.label in HOLDER_LABELS
            and any(start <= e.start < end for start, end in spans)}


def _core(token: Token) -> list[Token]:
    """The token's phrase without its prepositional phrases and clauses; a relative pronoun
    stands for the noun its clause describes (`The Progressive Union, which held 47
    seats`, `Brenner, whose party gained two seats`)."""
    if token.tag_ in ("WDT", "WP", "WP$"):
        clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
        return _core(clause.head) if clause is not None else []
    return [token, *(t for child in token.children if child.dep_ not in _NOT_CORE
                     for t in _core(child))]


def _age_of(article: Article, figure: Figure) -> str | None:
    """The person whose age the figure states (`Tim Ryan, a 43-year-old congressman`): the
    nearest person named in its sentence, "" when none is; None when it is no age."""
    text = article.text
    after = text[figure.start:figure.end + 12]
    before = text[max(0, figure.start - 30):figure.start]
    apposition = _APPOSITION.search(before) and text.startswith(",", figure.end)
    if apposition and not any(e.label == "PERSON" and 0 <= figure.start - e.end <= 3
                              for e in article.entities):
        apposition = False  # `In Ohio, 12 schools closed`: a count after a comma
    person_of = _AGE_OF.search(before)
    if person_of and (figure.unit or person_of[1].lower() not in source_words()["person"]):
        person_of = None
    if not (_AGE_AFTER.search(after) or _AGE_RANGE.match(text, figure.end)
            or _AGE_BEFORE.search(before) or apposition or person_of):
        return None
    start, end = _sentence_bounds(article, figure.start)
    people = [(abs(e.start - figure.start), entity_key(e.canonical)) for e in article.entities
              if e.label == "PERSON" and start <= e.start < end
              and abs(e.start - figure.start) <= AGE_REACH]
    return min(people)[1] if people else ""


def _counts_a_source(article: Article, figure: Figure) -> bool:
    """Whether the figure opens a speaker's mention and counts its speakers (`two U.S.
    officials said`), not a number inside a longer mention (`results showing 27 ppb`) nor a
    share of a group, which is what a survey found (`12 percent of landlords said`)."""
    if figure.unit == "%":
        return False
    for quote in article.quotes:
        if quote.speaker_start is None or quote.speaker_end is None:
            continue
        mention = article.text[quote.speaker_start:quote.speaker_end]
        opening = article.text[quote.speaker_start:figure.start].split()
        if (figure.counts and quote.speaker_start <= figure.start < quote.speaker_end
                and len(opening) <= 1 and figure.counts in mention):
            return True
    return False


def _normal(unit: str | None) -> tuple[float, str | None]:
    """The factor and unit that compare: durations in days, so that `three months` and `90
    days` compare, and `two years` and `24 months` agree within their rounding; other
    measures in one unit of their dimension (`1.2 gigawatts` = `1,200 megawatts`)."""
    if unit in DURATION_DAYS:
        return DURATION_DAYS[unit], "day"
    base, factor = UNIT_BASE.get(unit or "", (unit, 1.0))
    return factor, base


def _context(article: Article, figure: Figure, window: int = WINDOW) -> str:
    """What the figure measures: up to 2 × `window` words of its sentence around it, as evenly
    either side as the sentence allows (a figure opening the sentence takes the words
    after it), without a leading dateline or the figure's qualifier (`About`)."""
    start, end = _sentence_bounds(article, figure.start)
    start = dateline_end(article.text, start)
    before = article.text[start:figure.start].split()
    after = article.text[figure.end:end].split()
    qualifier = (figure.qualifier or "").lower().split()
    if qualifier and [word.lower() for word in before[-len(qualifier):]] == qualifier:
        before = before[:-len(qualifier)]
    taken = min(len(before), max(window, 2 * window - len(after)))
    return " ".join([*before[len(before) - taken:], "…", *after[:2 * window - taken]])


def _sentence_bounds(article: Article, offset: int) -> tuple[int, int]:
    for sentence in article.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.start, sentence.end
    return 0, len(article.text)


def candidates(a: list[Measure], b: list[Measure], va: np.ndarray, vb: np.ndarray,
               threshold: float) -> list[tuple[float, int, int]]:
    """Scored pairs of two articles' figures with the same unit and a similar context. `va`
    and `vb` hold each figure's context vector and, in a second block of rows, the vector of
    what it counts. A consistent pair gets a bonus, so that among near-equal matches the one
    that agrees wins (`9 percent` sought and `4.5 percent` offered, stated by both sides).
    Reports of one quantity differ by a few percent or a few times, not by orders of
    magnitude: the score falls with the ratio of the two values (`31 vessels` is not the
    same quantity as `4,000 dockworkers`, however alike the words)."""
    found = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x.unit != y.unit or not _same_person(x, y) or not _same_scope(x, y) \
                    or not _may_share(x.held_by, y.held_by) or not _same_kind(x, y) \
                    or _other_years(x, y) or _other_days(x, y) or _other_spans(x, y) \
                    or not _may_share(x.sited, y.sited):
                continue
            score = float(va[i] @ vb[j])
            if x.counted and y.counted:
                score = (score + float(va[len(a) + i] @ vb[len(b) + j])) / 2
            score -= SCALE * _orders_apart(x.value, y.value)
            if score >= threshold and (_grew_from(x, y) or _grew_from(y, x)):
                score += GREW_FROM  # the level a later report says it grew from
            if score >= threshold:
                agree = consistent([x.stated, y.stated])
                found.append((score + (APPROXIMATE if agree else 0.0), i, j))
    return found


def _other_years(x: Measure, y: Measure) -> bool:
    """Whether both figures' clauses give a year, alone or in a date, and none is the same
    (`rose 9 percent last year` in 2026, `a 9 percent rise in 2024`): two years'
    quantities."""
    years_x = {d[:4] for d in x.dated if _YEAR.fullmatch(d[:4])}
    years_y = {d[:4] for d in y.dated if _YEAR.fullmatch(d[:4])}
    return bool(years_x) and bool(years_y) and not years_x & years_y


def _grew_from(later: Measure, earlier: Measure) -> bool:
    """Whether `later` says it grew from the value `earlier` states (`up from about 310`,
    `About 310 inmates`): the same value to the rounding of either, whatever the qualifiers
    (a bound such as `more than 200` allows too much)."""
    return later.from_value is not None and abs(later.from_value - earlier.value) <= max(
        _rounding(later.from_value), earlier.rounding)


def _other_spans(x: Measure, y: Measure) -> bool:
    """Whether the figures are measured over spans of different lengths (`in the year to
    August`, `in two years`)."""
    return x.over_days is not None and y.over_days is not None \
        and abs(x.over_days - y.over_days) > 0.01 * max(x.over_days, y.over_days)


def _other_days(x: Measure, y: Measure) -> bool:
    """Whether reports published the same day give their figures different days (`demand
    peaked at 9,850 megawatts on Thursday`, `the 9,100 megawatts it had forecast on
    Monday`): two days' quantities. Reports of different days may tell one count's
    progress (`31 deaths on Friday`, `revised to 44 on Sunday`), which is for the updates."""
    days_x = {d for d in x.dated if len(d) == 10}
    days_y = {d for d in y.dated if len(d) == 10}
    if not days_x or not days_y or days_x & days_y:
        return False
    published = {(m.article.published or "")[:10] for m in (x, y)}
    return len(published) == 1 and "" not in published


def _same_person(x: Measure, y: Measure) -> bool:
    """Whether two figures of one unit are no ages, or ages of one named person: the ages
    of a story's people (`Pelosi, 76,`, `a 43-year-old congressman`) measure no one thing."""
    return x.aged is None or (bool(x.aged) and x.aged == y.aged)


def _same_scope(x: Measure, y: Measure) -> bool:
    """Whether two figures count the same whole: one day's part (`2,000 on Tuesday alone`)
    is the whole of a figure stated for that day (`1,400 postponed on Tuesday`), and an
    increment may be the plain count of the same value (`120 additional officers`, `the 120
    officers the mayor had wanted`)."""
    return x.scope == y.scope or any(
        part.scope.startswith("part:") and not whole.scope
        and part.scope.removeprefix("part:") in whole.dated
        for part, whole in ((x, y), (y, x))) or (
        {x.scope, y.scope} == {"increment", ""} and consistent([x.stated, y.stated]))


def _may_share(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two figures may be one party's quantity, given whose each is (`holders`), or
    one place's, given where each is (`sites`): unless both name it and no name is shared
    (`Straal took 47.8 percent`, `44.1 percent for Osterby`). A name matches another that
    holds its last word (`Osterby`, `Maren Osterby`)."""
    return not a or not b or any(x.split()[-1] in y.split() or y.split()[-1] in x.split()
                                 for x in a for y in b)


def _orders_apart(a: float, b: float) -> float:
    """How many factors of ten separate two values (0 when either is 0)."""
    a, b = abs(a), abs(b)
    return abs(math.log10(a / b)) if a and b else 0.0


def find_conflicts(articles: Sequence[Article], embed: Embed, threshold: float,
                   update_hours: float, docs: Mapping[str, Doc] | None = None) -> list[Conflict]:
    """Quantities stated by several articles whose values do not agree (`docs`: the
    articles' parses by id, which tell whose quantity each figure is)."""
    found = {a.id: measures(a, (docs or {}).get(a.id)) for a in articles}
    texts = [text for items in found.values() for text in
             [m.context for m in items] + [m.counted for m in items]]
    rows = iter(embed(texts))
    vectors = {aid: np.array([next(rows) for _ in range(2 * len(items))])
               for aid, items in found.items()}
    vectors = {aid: rows_ for aid, rows_ in vectors.items() if len(rows_)}
    conflicts = []
    for group in _linked(found, vectors, threshold):
        # a later count that says it grew from an earlier one's value is news even within
        # that one's bound (`340 aftershocks …, up from more than 120`)
        grown = any(m.value != n.value and _grew_from(m, n) for m in group for n in group)
        if len(group) < 2 or (consistent([m.stated for m in group]) and not grown):
            continue
        for members, kind in _kinds(group, update_hours):
            conflicts.append(Conflict(_quantity(members), tuple(_value(m) for m in members),
                                      kind))
    return conflicts


def _linked(found: dict[str, list[Measure]], vectors: dict[str, np.ndarray],
            threshold: float) -> list[list[Measure]]:
    """Figures joined across articles, best matches first, never two of one article."""
    scored = []
    every: dict[tuple[tuple[str, int], tuple[str, int]], float] = {}
    for a, b in combinations(vectors, 2):
        pairs = candidates(found[a], found[b], vectors[a], vectors[b], LINK_FLOOR)
        every.update({((a, i), (b, j)): score for score, i, j in pairs})
        pairs = [(score, i, j) for score, i, j in pairs if score >= threshold - MUTUAL_MARGIN
                 and (score >= threshold
                      or _orders_apart(found[a][i].value, found[b][j].value) <= MUTUAL_ORDERS)]
        for score, i, j in _mutual(pairs):
            scored.append((score, (a, i), (b, j)))
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for _, x, y in sorted(scored, reverse=True):
        gx, gy = groups.get(x, [x]), groups.get(y, [y])
        if gx is gy or {aid for aid, _ in gx} & {aid for aid, _ in gy}:
            continue
        # every figure of the joined group must at least resemble every other one: one good
        # pair does not bring along its partners' partners (`14 batches` recalled and `five`
        # children dead, linked through the words they share with a third article)
        if not all((m, n) in every or (n, m) in every for m in gx for n in gy):
            continue
        merged = gx + gy
        for key in merged:
            groups[key] = merged
    unique = {id(group): group for group in groups.values()}.values()
    return [[found[aid][i] for aid, i in group] for group in unique]


def _mutual(pairs: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """The pairs whose two figures are each other's best match: a figure stands for one
    quantity, so of several alike in the other article (the shares of eight candidates in
    one poll) it pairs with the closest only."""
    best_i: dict[int, float] = {}
    best_j: dict[int, float] = {}
    for score, i, j in pairs:
        best_i[i] = max(best_i.get(i, -1.0), score)
        best_j[j] = max(best_j.get(j, -1.0), score)
    return [(score, i, j) for score, i, j in pairs if score == best_i[i] == best_j[j]]


def _value(m: Measure) -> FigureValue:
    f = m.figure
    return FigureValue(m.article.id, f.start, f.end, f.text, f.value, f.qualifier,
                       _full_source(m.article, f.attributed_to), m.article.published)


def _full_source(article: Article, source: str | None) -> str | None:
    """The source with a person's surname completed from the article (`Jeffrey` → `James
    Jeffrey`)."""
    if not source:
        return source
    for entity in article.entities:
        if entity.label == "PERSON" and entity.text == source and entity.canonical != source:
            return entity.canonical
    return source


def _quantity(group: list[Measure]) -> str:
    """A name for what the figures measure: the fullest `counts`, else a figure's context."""
    counts = sorted((m.figure.counts for m in group if m.figure.counts), key=len, reverse=True)
    if counts:
        return counts[0]
    first = group[0]
    unit = first.figure.unit
    words = _context(first.article, first.figure, window=3)
    return f"the value in “{words}”" + (f" ({unit})" if unit else "")


def _kinds(group: list[Measure], update_hours: float
           ) -> list[tuple[list[Measure], Literal["conflict", "update"]]]:
    """What a group of disagreeing figures states: an `update` when the ones published at
    least `update_hours` after the earliest dated one that state their value as new (`now`,
    `up from`) agree among themselves, and the others (undated copies, and later ones that
    repeat the earlier value) agree too; when those others disagree, a `conflict` among
    them besides the update (three first-day counts, then a new one two days later); else
    one `conflict`."""
    later = _later(group, update_hours)
    earlier = [m for m in group if not any(m is other for other in later)]
    if not later or not earlier or not consistent([m.stated for m in later]):
        return [(group, "conflict")]
    if consistent([m.stated for m in earlier]):
        return [(group, "update")]
    return [(earlier, "conflict"), (group, "update")]


def _later(group: list[Measure], update_hours: float) -> list[Measure]:
    """The figures of a group that state a newer value than the earliest dated one."""
    times = {id(m): _time(m.article.published, bare_day=True) for m in group}
    dated = [when for when in times.values() if when is not None]
    if len(dated) < 2:
        return []
    first = min(dated)
    late = [m for m in group if (when := times[id(m)]) is not None
            and (when - first).total_seconds() >= update_hours * 3600 and _states_new(m)]
    base = [m for m in group if not any(m is other for other in late)]
    # a late figure that repeats the earlier value is no newer one (`214 cases as of Monday`)
    return [m for m in late if not (base and consistent([m.stated, *(b.stated for b in base)]))
            or any(m.value != b.value and _grew_from(m, b) for b in base)]


def _time(published: str | None, bare_day: bool = False) -> datetime | None:
    """The moment of a publication date; a bare date (`2026-11-09`) is taken as UTC, and with
    `bare_day` as its midday, so that a report of that day is not taken for hours older than
    one stamped `21:40` the same day."""
    if not published:
        return None
    try:
        when = datetime.fromisoformat(published)
    except ValueError:
        return None
    if bare_day and len(published) == 10:
        when += timedelta(hours=12)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _states_new(m: Measure) -> bool:
    """Whether the figure's sentence marks its value as newer than an earlier report's."""
    start, end = _sentence_bounds(m.article, m.figure.start)
    sentence = f" {' '.join(_WORDS.findall(m.article.text[start:end].lower()))} "
    return any(f" {cue} " in sentence for cue in update_cues())
