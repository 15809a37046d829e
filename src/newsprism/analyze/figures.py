"""Figures: the quantities and dates an article states, normalised for comparison.

`find_figures(doc, published)` scans `text_of(doc)` with regular expressions (spaCy's number
entities miss or mislabel too many: "four and a half per cent" comes out as a DATE) and uses
spaCy's parse and DATE entities for what a number counts, who it is credited to, and whether a
bare number or month name is a date. Choices:

- The span is the amount itself (`$45 million`, `40 per cent`, `a third`): the hedge before
  it is `qualifier`, the noun after it `counts` (pronoun sources are left None).
- Values are exact (`1.3bn` → 1300000000), int when whole. Units: `%` (`pp` for percentage
  points), ISO currency codes (`$` is USD), short measure and time units (`kilometres` → `km`,
  `two years` → `year`), plus a rate's period: `USD/day`, or `per day` for a plain count.
- A fraction of a whole is a percentage, comparable with one: `about a third` → 33.33 `%`,
  `one in three` → 33.33 `%`; of a scale it is a number: `half a million` → 500000.
  Ordinals are never quantities (`a third time`, `the third-largest`).
- A range (`between 3,000 and 4,000`, `3,000-4,000`, `$3-4 billion`) gives one figure per
  bound, qualified `at least` / `at most`. `from 3 to 4` is a change: two plain figures.
  A descending pair (`9-6`, `9 to 6`) is a tally and skipped.
- Vague amounts (`dozens of`, `tens of thousands of`) have value None; the word is the qualifier.
- Not figures: identifiers (`F-35`, `route 12`), ordinals, clock times, phone numbers, dates.
- Dates (`kind="date"`): explicit dates, weekdays, month names in a spaCy DATE entity, relative
  dates (`yesterday`, `last month`, `earlier this year`) and years used as points in time (with
  value = the year, unit `year`). `date` is YYYY-MM-DD, YYYY-MM or YYYY: the latest such date
  on or before publication, or the next one when the date is a deadline (`by March 3`) or its
  clause is future (`could resume on Thursday`). None when it cannot be resolved.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.dates import (
    BARE_MONTH,
    BARE_YEAR,
    DATE_PATTERNS,
    DEADLINE,
    alternation,
    resolve_date,
)
from newsprism.analyze.nlp import ents_of, text_of
from newsprism.analyze.quotes import ESTIMATE_VERBS, last_person, verb_classes
from newsprism.model import Figure

# Language data (to move to data/*.txt). Hedges right before a figure, matched longest first;
# over/under/above/below before a duration count only when the parse does not make them a
# preposition (`spread over five years`; but `fined under 500 euros`).
QUALIFIERS: tuple[str, ...] = (
    "just over", "just under", "well over", "well under", "more than", "less than",
    "fewer than", "at least", "at most", "up to", "as many as", "as much as", "as few as",
    "as little as", "as high as", "as low as", "no more than", "no fewer than", "no less than",
    "close to", "closer to", "as long as", "a maximum of", "a minimum of", "within",
    "upwards of", "in excess of", "topping", "exceeding", "an estimated", "an average of",
    "nearly", "almost", "about", "around",
    "roughly", "approximately", "some", "over", "under", "below", "above", "just", "only",
    "barely", "a mere", "estimated")
# Hedges right after a figure; they win over a date's leading preposition.
TRAILING_QUALIFIERS: tuple[str, ...] = (
    "or more", "or so", "or fewer", "or less", "at least", "at most", "at the earliest",
    "at the latest", "and counting")
# Words before a date that bound or blur it ("by March 3", "in late November").
DATE_QUALIFIERS: tuple[str, ...] = (
    "by the end of", "by the start of", "at the end of", "at the start of", "the end of",
    "as early as", "as late as", "no later than", "no earlier than", "early", "late", "mid",
    "since", "until", "till", "by", "before", "after")
# Verbs that credit a number to a source, besides the attribution verbs of the quotes.
NUMBER_VERBS = frozenset(("forecast", "calculate", "project", "put", "count", "show"))
UNIT_WORDS: dict[str, str] = {
    "kilometre": "km", "kilometer": "km", "km": "km", "mile": "mile", "metre": "m",
    "meter": "m", "tonne": "t", "ton": "t", "kilogram": "kg", "kg": "kg", "hectare": "ha",
    "litre": "l", "liter": "l", "millimetre": "mm", "millimeter": "mm", "centimetre": "cm",
    "centimeter": "cm", "barrel": "barrel", "decade": "decade", "year": "year",
    "month": "month", "week": "week", "fortnight": "fortnight", "day": "day", "night": "night",
    "hour": "hour", "minute": "minute", "acre": "acre", "foot": "ft", "feet": "ft",
    "gallon": "gallon", "megawatt": "MW", "gigawatt": "GW", "kilowatt": "kW",
    "square mile": "sq mi", "square kilometre": "km2", "square kilometer": "km2",
    "nautical mile": "nmi", "parts per billion": "ppb", "ppb": "ppb",
    "parts per million": "ppm", "ppm": "ppm", "mph": "mile/hour", "kph": "km/hour",
    "km/h": "km/hour", "knot": "knot",
    # temperatures; a bare `degrees` is taken as Celsius, the scale of most news outside
    # the US (`nearly 40 degrees` beside `41.2 degrees Celsius`)
    "degree": "°C", "degrees celsius": "°C", "degrees centigrade": "°C",
    "degrees fahrenheit": "°F",
    "point": "point"}  # index and score points; percentage points are "pp"
# Units that measure the same dimension as another unit: unit → (that unit, factor), so that
# `1.2 gigawatts` and `1,400 megawatts`, `15 miles` and `24 km` compare.
UNIT_BASE: dict[str, tuple[str, float]] = {
    "GW": ("MW", 1000.0), "kW": ("MW", 0.001), "mile": ("km", 1.609344),
    "nmi": ("km", 1.852), "m": ("km", 0.001), "ft": ("km", 0.0003048),
    "acre": ("ha", 0.4046856), "sq mi": ("ha", 258.9988), "km2": ("ha", 100.0),
    "t": ("kg", 1000.0), "gallon": ("l", 3.785412), "mile/hour": ("km/hour", 1.609344),
    "knot": ("km/hour", 1.852)}
CURRENCIES: dict[str, str] = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
                              "dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY",
                              "yuan": "CNY", "rupees": "INR", "rubles": "RUB", "roubles": "RUB",
                              "kronor": "SEK", "shekels": "ILS", "naira": "NGN",
                              "cents": "USD", "pence": "GBP"}
_HUNDREDTHS = frozenset(("cents", "pence"))  # `90 cents` is $0.90
_CURRENCY_WORDS = tuple(word for word in CURRENCIES if word.isalpha())
ID_NOUNS: tuple[str, ...] = (
    "route", "section", "article", "chapter", "room", "flight", "no.", "number", "page",
    "platform", "gate", "highway", "interstate", "bus", "channel", "paragraph", "clause",
    "ward", "district", "precinct", "exit", "junction", "level")
_SMALL = {w: n for n, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"))}
_SMALL |= {w: 10 * n for n, w in enumerate(("thirty", "forty", "fifty", "sixty", "seventy",
                                             "eighty", "ninety"), start=3)}
_MULTIPLIERS = {"hundred": 100, "dozen": 12}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "bn": 10**9, "mn": 10**6, "m": 10**6, "k": 10**3}
_DENOMINATORS = {w + s: n for n, w in ((2, "half"), (3, "third"), (4, "quarter"), (5, "fifth"),
                                       (6, "sixth"), (8, "eighth"), (10, "tenth"))
                 for s in ("", "s")} | {"halves": 2}
_NOT_SHARES = frozenset(("the", "first", "second", "last", "next", "this", "other", "each",
                         "per", "every"))  # words before `half`/`quarter` that make it no share
# Nouns that say nothing of what an amount measures (`a total of 40`).
_GENERIC_AMOUNTS = frozenset(("total", "sum", "number", "amount", "average", "figure", "maximum",
                              "minimum", "estimate", "value", "tally", "count", "range"))
_NOT_COUNTED = frozenset(("percent", "cent", "%", "point")) | UNIT_WORDS.keys()
_PERIODS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
            "yearly": "year", "hourly": "hour"}
_FUTURE_AUX = frozenset(("will", "shall", "'ll", "could", "can", "may", "might"))
_PAST_AUX = frozenset(("has", "have", "had", "was", "were", "did"))
_PRESENT_AUX = frozenset(("is", "are", "am", "'s", "'re"))
_NOUN_DEPS = frozenset(("nummod", "quantmod", "compound", "amod", "nmod", "det"))
_COUNT_DEPS = frozenset(("compound", "amod", "nmod", "poss", "case", "pobj"))
_SOURCE_DEPS = _COUNT_DEPS | {"det", "nummod", "quantmod", "cc", "conj", "flat"}
_REPORTED_DEPS = frozenset(("ccomp", "xcomp", "parataxis", "dobj", "conj"))
# Verbs that give a quantity's level (`the toll rose to 14`, `turnout was 40 percent`).
_LEVEL_VERBS = frozenset(("rise", "climb", "increase", "grow", "jump", "soar", "surge", "fall",
                          "drop", "decline", "sink", "slip", "reach", "hit", "top", "total",
                          "exceed", "surpass", "stand", "be"))
_HYPHENATED_END = re.compile(r"(?:[\w'’]+-)*\Z")
_HYPHENATED_START = re.compile(r"(?:-[\w'’]+)*")
_TALLY_BEFORE = frozenset(("voted", "vote", "passed", "failed", "won", "lost", "beat", "beaten",
                           "defeated", "ruled", "approved", "rejected"))
_TALLY_AFTER = frozenset(("vote", "votes", "decision", "ruling", "margin", "majority", "win",
                          "victory", "defeat", "loss", "draw", "score", "scoreline"))
_COUNT_PREPS = frozenset(("in", "at", "on", "from", "across", "inside", "outside", "of"))
_SOURCE_PREPS = frozenset(("of", "for", "at", "from", "with"))


_WORD = rf"(?:{alternation([*_SMALL, *_MULTIPLIERS, *list(_SCALES)[:4], *_DENOMINATORS])})\b"
# `a hundred`, `a third`; not the article of `a four-year period`
_WORDS = (rf"(?:an?\s+(?!(?:{alternation(_SMALL)})\b))?{_WORD}"
          rf"(?:(?:\s+and\s+an?\s+|\s+and\s+|\s+of\s+an?\s+|\s+an?\s+|\s+|-){_WORD})*")
_AMOUNT = re.compile(rf"""(?<![\w.])(?:(?P<cur>US\$|\$|€|£|¥)\s?)?
    (?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?P<words>\b{_WORDS}))
    (?:(?P<space>\s?)(?P<scale>thousand|million|billion|trillion|bn|mn|m|k)\b)?
    (?P<tail>\s?%|\s+percent\b|\s+per\s+cent\b
      |\s+(?:of\s+)?(?:an?\s+)?(?P<pp>percentage\s+points?)\b
      |\s+(?P<curword>{alternation(_CURRENCY_WORDS)})\b
      |[\s-]+(?P<unit>(?:{alternation(UNIT_WORDS)})s?)\b(?:-old\b)?
      |(?:\s?°\s?)?(?P<scale_letter>[CF])\b)?
    (?!\w|-[A-Za-z])""", re.I | re.X)
_RATIO = re.compile(rf"(?<![\w.])(?P<num>{alternation(_SMALL)}|\d+)\s+in\s+"
                    rf"(?P<den>{alternation(_SMALL)}|\d+)\b(?!-\w)", re.I)
_VAGUE = re.compile(r"\b(?:(?:tens|hundreds)\s+of\s+thousands|dozens|scores|hundreds|thousands"
                    r"|millions|billions)\b(?=\s+of\b)"
                    r"|\b(?:several|a\s+few|many)\s+(?:hundred|thousand|million|billion)\b", re.I)
# `about a week`, `for a year and a half`: one unit of time (and a half) after a hedge or
# `for`, when it is not a point in time (`a week ago`).
_ONE_PERIOD = re.compile(r"(?<=\s)(?:a|an)\s+(?P<unit>week|fortnight|month|year|decade|day"
                         r"|hour)\b(?P<half>\s+and\s+a\s+half\b)?"
                         r"(?!\s+(?:earlier|ago|later|before|after|previously)\b)", re.I)
_RATE = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+(?:a|an|per|each)\s+(?P<period>day|week|month|year"
                   r"|hour)\b(?!\s+(?:earlier|ago|later|before|after|previously)\b)"
                   r"|\s+(?P<adverb>daily|weekly|monthly|annually|yearly|hourly)\b", re.I)
_SHARED_RATE = re.compile(r"\s+(?:and|or|to)\s+(?:(?:[\w'’-]+\s+){0,3}?(?:to|from)\s+)?"
                          r"(?:US\$|\$|€|£|¥)"
                          r"\d[\d,]*(?:\.\d+)?(?:\s?(?:thousand|million|billion|bn|m)\b)?")
_SHARE_NEXT = re.compile(r"\s+(?:of|the|a|an|its|their|his|her|our|all"
                         # a share of change: `a fifth more`, `a third higher`
                         r"|more|less|fewer|higher|lower|greater|bigger|larger|smaller|cheaper"
                         r"|dearer)\b|\s*(?:[.,;:)!?]|$)")
# after `by`, a share of change is followed by when or how long (`rose by a third this year`)
_BY_SHARE_NEXT = re.compile(r"\s+(?:this|last|next|over|in|on|since|from|to|after|compared"
                            r"|and|or|at|during|within|between)\b")
_HOURS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
_NOT_FIGURES = [re.compile(p, f) for p, f in (
    # F-35, COVID-19, 22nd, 4G; not a temperature (`43C`)
    (r"\b[A-Za-z]+-?\d+[A-Za-z\d]*\b|\b\d+(?![CF]\b)[A-Za-z]+\d*\b", 0),
    (rf"(?<!\w)(?:{alternation(ID_NOUNS)})\s+\d+[A-Za-z]?\b", re.I),  # route 12
    (r"\b(?:Local|Terminal|Pier|Berth|Runway|Hangar)\s+\d+[A-Za-z]?\b", 0),  # union Local 19
    (r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b", re.I),  # times
    (r"\b[a-z]+[\s-]o['’]clock\b", re.I),
    # the hour of a day in words: `at seven this morning`, `the doors opened at eight.`
    (rf"\bat\s+{_HOURS}(?=\s+(?:this|that|tomorrow|tonight|sharp|in\s+the\s+(?:morning"
     rf"|afternoon|evening))\b)|\b(?:open|close|start|begin|began|begun)\w*\s+at\s+{_HOURS}"
     r"(?=\s*[.,;])", re.I),
    (r"\(?\b\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}\b", 0),  # phone numbers
    (r"\b(?:911|999|112)\s+(?:calls?|callers?|dispatch\w*|system|operators?|cent(?:er|re)s?"
     r"|lines?|services?)\b|\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|to)\s+(?:911|999|112)\b",
     re.I),  # emergency numbers: the 911 dispatch system, called 911
)]
# Units of time and their length in days (`three months` and `90 days` compare).
DURATION_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "night": 1, "week": 7,
                 "fortnight": 14, "month": 30.44, "year": 365.25, "decade": 3652.5}
_AGE = re.compile(r"-old\Z", re.I)  # `a 44-year-old painter`
_TIME_UNIT = re.compile(rf"(?i)\b(?:{'|'.join(DURATION_DAYS)})s?\b")
# `a third day`: an ordinal before a unit (`a half day`, `a quarter hour` are fractions)
_ORDINAL = re.compile(r"an?\s+(?!half\b|quarter\b)[a-z]+", re.I)
# `half a century`, `a quarter of an hour`: a fraction of a span of time
_TIME_AFTER = re.compile(r"\s+(?:of\s+)?an?\s+(?:century|lifetime|generation|"
                         rf"{'|'.join(DURATION_DAYS)})\b", re.I)


@dataclass(frozen=True, slots=True)
class _Hit:
    """A candidate figure before the parse is consulted; kind "skip" blocks its span."""

    start: int
    end: int
    kind: str
    value: int | float | None = None
    unit: str | None = None
    date: str | None = None
    qualifier: str | None = None
    bound: bool = False  # one end of a range: both ends count the same thing


def find_figures(doc: Doc, published: str | None = None) -> list[Figure]:
    """Quantities and dates stated in `doc`, in text order (see the module docstring)."""
    try:
        pub = date.fromisoformat(published[:10]) if published else None
    except ValueError:
        pub = None
    text = text_of(doc)
    skips = (_Hit(m.start(), m.end(), "skip") for p in _NOT_FIGURES for m in p.finditer(text))
    hits = [hit for hit in _select([*_dates(doc, pub), *_quantities(doc), *skips])
            if hit.kind != "skip"]
    figures = [_figure(doc, hit) for hit in hits]
    for i, (first, second) in enumerate(itertools.pairwise(hits)):
        if first.bound and second.bound and first.qualifier == "at least":  # a range's ends
            counts = figures[i].counts or figures[i + 1].counts
            figures[i:i + 2] = [replace(f, counts=counts) for f in figures[i:i + 2]]
    for i, figure in enumerate(figures):
        if figure.kind == "quantity" and figure.counts is None and figure.unit is None \
                and (earlier := _elided_from(doc, figures[:i], figure)) is not None:
            figures[i] = replace(figure, counts=earlier.counts)
    return figures


def _elided_from(doc: Doc, earlier: list[Figure], figure: Figure) -> Figure | None:
    """The earlier count of the same sentence whose noun a bare number leaves out: `nearly 40
    children had been sickened and at least five had died`; `returns have risen to 610,000,
    up from about 240,000`. Only a number that stands for a noun (a subject or object, or
    the start of `up from`/`down from`) qualifies."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    nominal = token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.pos_ == "NUM"
    moved = token.dep_ == "pobj" and token.head.lower_ == "from" \
        and token.head.head.lower_ in ("up", "down")
    if not (nominal or moved):
        return None
    sentence = span.sent
    return next((f for f in reversed(earlier) if f.kind == "quantity" and f.counts
                 and f.unit is None and f.start >= sentence.start_char), None)


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Longest hits first (ties: dates, then quantities, then skips), none overlapping."""
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: h.start - h.end):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _figure(doc: Doc, hit: _Hit) -> Figure:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand") or doc[0:0]
    qualifier = hit.qualifier or _qualifier(doc, hit)
    counts = _counts(span) if len(span) and hit.kind == "quantity" else None
    source = _attribution(span) if len(span) and hit.kind == "quantity" else None
    return Figure(hit.start, hit.end, text_of(doc)[hit.start:hit.end], hit.value, hit.unit, counts,
                  qualifier, source, "date" if hit.kind == "date" else "quantity", hit.date)


# -- quantities -------------------------------------------------------------------------------

def _quantities(doc: Doc) -> Iterator[_Hit]:
    amounts = [hit for m in _AMOUNT.finditer(text_of(doc)) if (hit := _amount(doc, m))]
    yield from _ranges(text_of(doc), amounts)
    for m in _RATIO.finditer(text_of(doc)):
        num, den = (_SMALL.get(g.lower(), 0) if g.isalpha() else int(g) for g in m.groups())
        if 0 < num < den:
            yield _Hit(m.start(), m.end(), "quantity", _rounded(Fraction(100 * num, den)), "%")
    for m in _ONE_PERIOD.finditer(text_of(doc)):
        if re.search(rf"(?:^|\W)(?:for|{alternation(QUALIFIERS)})\s+$",
                     text_of(doc)[max(0, m.start() - 30):m.start()], re.I):
            yield _Hit(m.start(), m.end(), "quantity", 1.5 if m["half"] else 1,
                       m["unit"].lower())
    for m in _VAGUE.finditer(text_of(doc)):
        yield _Hit(m.start(), m.end(), "quantity", qualifier=" ".join(m[0].lower().split()))


def _amount(doc: Doc, m: re.Match[str]) -> _Hit | None:
    """The quantity an `_AMOUNT` match states, or None when it is not one."""
    parsed = _number(m)
    if parsed is None or _year_like(doc, m) or _lone_one(doc, m):
        return None
    number, fraction = parsed
    unit = _unit(m)
    if fraction and unit and _ORDINAL.fullmatch(m["words"] or ""):
        return None  # `for a third day`, `a fifth year`: the next in a row, not a fraction
    if fraction and unit is None:
        if not _share(text_of(doc), m):
            return None
        number, unit = number * 100, "%"
    if (m["curword"] or "").lower() in _HUNDREDTHS:
        number /= 100
    value = _rounded(number) if fraction else _plain(number)
    return _Hit(m.start(), m.end(), "quantity", value, _with_rate(text_of(doc), m.end(), unit))


def _number(m: re.Match[str]) -> tuple[Fraction, bool] | None:
    """The number an amount states and whether it is a bare fraction (`two-thirds`)."""
    scale = (m["scale"] or "").lower()
    if scale in ("m", "k") and (not m["cur"] or m["space"]):
        return None
    words = _words_value(re.split(r"[\s-]+", m["words"].lower())) if m["words"] else None
    if m["words"] and words is None:
        return None
    number, fraction = words or (Fraction(m["digits"].replace(",", "")), False)
    return (number * _SCALES[scale], False) if scale else (number, fraction)


def _words_value(words: list[str]) -> tuple[Fraction, bool] | None:
    """Value of number words (`a hundred and five`, `half a million`); None if malformed or
    a lone scale word (`million` of `L85 million`, whose number is not read)."""
    if len(words) == 1 and words[0] in _SCALES:
        return None
    total, current, fraction, one = Fraction(0), Fraction(0), False, Fraction(1)
    for i, word in enumerate(words):
        if word in ("a", "an"):
            current = current or one
        elif word in _SMALL:
            if fraction or (current % 100 and (current % 10 or current % 100 < 20
                                               or _SMALL[word] >= 10)):
                return None
            current += _SMALL[word]
        elif word in _MULTIPLIERS:
            current = (current or one) * _MULTIPLIERS[word]
        elif word in _SCALES:
            total, current, fraction = total + (current or one) * _SCALES[word], 0 * one, False
        elif word in _DENOMINATORS:
            if words[max(i - 2, 0):i] == ["and", "a"]:  # four and a half
                current += Fraction(1, _DENOMINATORS[word])
            elif current or word == "half":
                current, fraction = (current or one) / _DENOMINATORS[word], True
            else:
                return None  # an ordinal: "third" with no "a"/"two" before it
    return total + current, fraction


def _plain(number: Fraction) -> int | float:
    return int(number) if number.denominator == 1 else float(number)


def _rounded(share: Fraction) -> int | float:
    """A value from fraction words, to two decimals: `a third` → 33.33."""
    return int(share) if share.denominator == 1 else round(float(share), 2)


def _unit(m: re.Match[str]) -> str | None:
    tail = (m["tail"] or "").strip().lower()
    if m["pp"]:
        return "pp"
    if tail == "%" or tail.startswith("per"):
        return "%"
    if m["cur"] or m["curword"]:
        return CURRENCIES[(m["cur"] or m["curword"]).lower()]
    if m["scale_letter"]:
        return f"°{m['scale_letter']}"
    word = (m["unit"] or "").lower()
    return UNIT_WORDS.get(word) or UNIT_WORDS.get(word[:-1]) if word else None


def _with_rate(text: str, end: int, unit: str | None) -> str | None:
    """`unit` with the period of a rate written after the amount (`a day`, `daily`), or
    after the next amount of a pair that shares it (`rises to $9.80 and the apprentice rate
    to $8.40 an hour`)."""
    shared = _SHARED_RATE.match(text, end)
    rate = _RATE.match(text, shared.end() if shared else end)
    if rate is None:
        return unit
    period = (rate["period"] or _PERIODS[rate["adverb"].lower()]).lower()
    return f"{unit}/{period}" if unit else f"per {period}"


def _share(text: str, m: re.Match[str]) -> bool:
    """A bare fraction is a share before `of`/`the`/punctuation, but not in `the second half`
    and not part of a span of time (`half a century`, `a year and a half`)."""
    before = re.findall(r"\w+", text[max(0, m.start() - 20):m.start()].lower())
    after_time = len(before) > 1 and before[-1] == "and" and _TIME_UNIT.fullmatch(before[-2])
    if (before and before[-1] in _NOT_SHARES) or after_time or _TIME_AFTER.match(text, m.end()):
        return False
    return bool(_SHARE_NEXT.match(text, m.end())
                or (before and before[-1] == "by" and _BY_SHARE_NEXT.match(text, m.end())))


def _lone_one(doc: Doc, m: re.Match[str]) -> bool:
    """`one` alone is a figure only when it modifies a noun (`one councillor`, not `no one`)."""
    if (m["words"] or "").lower() != "one" or m["tail"]:
        return False
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    return span is None or span.root.dep_ != "nummod"


def _ranges(text: str, amounts: list[_Hit]) -> Iterator[_Hit]:
    """Amounts, with `A-B` / `A to B` / `between A and B` as bounds and tallies skipped."""
    i = 0
    while i < len(amounts):
        low, high = amounts[i], amounts[min(i + 1, len(amounts) - 1)]
        gap = re.fullmatch(r"\s*(-|–|—|to|and)\s*", text[low.end:high.start])
        lead = text[max(0, low.start - 8):low.start].lower().split()[-1:]
        if gap is None or low.value is None or high.value is None \
                or (None not in (low.unit, high.unit) and low.unit != high.unit) \
                or (high.unit is None and low.unit not in (None, *CURRENCIES.values())) \
                or (gap[1] == "to" and lead in (["from"], ["by"])) \
                or (gap[1] == "and" and lead != ["between"]):
            yield low
            i += 1
            continue
        if low.value < high.value and not _tally(text, low, high):
            yield from _bounds(text, low, high)
        else:
            yield _Hit(low.start, high.end, "skip")
        i += 2


def _tally(text: str, low: _Hit, high: _Hit) -> bool:
    """`failed on a 3-4 vote`, `won 2-3`: a vote or a score, not a range."""
    before = re.findall(r"[a-z]+", text[max(0, low.start - 14):low.start].lower())[-2:]
    after = re.findall(r"[a-z]+", text[high.end:high.end + 12].lower())[:1]
    return bool(set(before) & _TALLY_BEFORE or set(after) & _TALLY_AFTER)


def _bounds(text: str, low: _Hit, high: _Hit) -> Iterator[_Hit]:
    """A range's two bounds; the lower takes the upper's scale (`3-4 billion`)."""
    low_value, unit = low.value or 0, low.unit or high.unit
    scale = re.search(r"(?i)(thousand|million|billion|trillion|bn)\b", text[high.start:high.end])
    if scale and not re.search(r"(?i)[a-z]{2,}", text[low.start:low.end]):
        low_value = _plain(Fraction(str(low_value)) * _SCALES[scale[1].lower()])
    yield _Hit(low.start, low.end, "quantity", low_value, unit, qualifier="at least", bound=True)
    yield _Hit(high.start, high.end, "quantity", high.value, high.unit or unit,
               qualifier="at most", bound=True)


def _year_like(doc: Doc, m: re.Match[str]) -> bool:
    """A bare 4-digit number from 1800 to 2099 used as a year, not as a count."""
    if not re.fullmatch(r"(?:1[89]|20)\d\d", m[0]):
        return False
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None or _in_date_entity(doc, m.start(), m.end()):
        return True
    root = span.root
    return not (root.dep_ == "nummod" and root.head.pos_ == "NOUN"
                and root.head.lemma_.lower() not in UNIT_WORDS)


# -- counts, qualifiers, attribution ----------------------------------------------------------

def _counts(span: Span) -> str | None:
    """The noun phrase a quantity counts: `5,600 U.S. troops in Iraq` → `U.S. troops in Iraq`;
    failing that, what it is the amount of (`a net profit of $151 million` → `net profit`)."""
    if _TIME_UNIT.search(span.text):
        # a length says what it lasts only as a hyphenated modifier: `a nine-month review`
        noun = _counted_noun(span) if "-" in span.text and not _AGE.search(span.text) else None
        return noun.text if noun is not None and noun.i == span.end else None
    state = span.doc[span.end] if span.end < len(span.doc) else None
    if span[-1].lower_ in ("percent", "cent", "%") and state is not None \
            and state.tag_ in ("VBN", "JJ") and state.dep_ in ("acl", "acomp", "amod", "oprd"):
        return state.text  # the share of a state reached: `10 percent contained`, `80% full`
    noun = _counted_noun(span)
    if noun is None:
        return _measured_noun(span) or _subject_measure(span)
    if noun.lemma_.lower() in _NOT_COUNTED:
        return None
    return _phrase(noun, lambda t: t.dep_ in _COUNT_DEPS or (
        t.dep_ == "prep" and t.lower_ in _COUNT_PREPS), after=span.end - 1)


def _measured_noun(span: Span) -> str | None:
    """`profit` of `a profit of $186 million`: the noun whose `of` takes the amount; for
    money, also what it is paid in (`$38 million in tax incentives`)."""
    if _is_money(span):
        paid_in = [o for token in (span[-1], span.root) for p in token.children
                   if p.lower_ == "in" and p.i >= span.end
                   for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
        if paid_in:
            return _phrase(paid_in[0], lambda t: t.dep_ in ("compound", "amod"))
    prep = span.root.head
    noun = prep.head
    if span.root.dep_ != "pobj" or prep.lower_ != "of" or noun.pos_ != "NOUN" \
            or noun.i >= span.start or noun.lemma_.lower() in _GENERIC_AMOUNTS:
        return None
    modifiers = [t for t in noun.lefts if t.dep_ in ("compound", "amod")]
    return text_of(span.doc)[(modifiers or [noun])[0].idx:noun.idx + len(noun)]


def _subject_measure(span: Span) -> str | None:
    """What an amount measures when the clause's subject names it: `The death toll rose to
    14` → `death toll`; `the number of people arrested has risen to 11` → `people arrested`;
    or, in a source's estimate, its object: `Police put the crowd at 12,000` → `crowd`."""
    verb = preposition = span.root.head
    if span.root.dep_ == "pobj" and verb.lower_ in ("to", "at"):
        verb = verb.head
    elif span.root.dep_ not in ("dobj", "attr"):
        return None
    estimate = verb.lemma_.lower() in ESTIMATE_VERBS and preposition.lower_ == "at"
    subject = next((c for c in verb.children if c.dep_ in (
        ("dobj",) if estimate else ("nsubj", "nsubjpass"))), None)
    if (verb.lemma_.lower() not in _LEVEL_VERBS and not estimate) or subject is None \
            or subject.pos_ != "NOUN":
        return None
    if subject.lemma_.lower() in _GENERIC_AMOUNTS:
        counted = [o for p in subject.children if p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
        return _phrase(counted[0], lambda t: t.dep_ in ("compound", "amod", "acl")) \
            if counted else None
    return _phrase(subject, lambda t: t.dep_ in ("compound", "amod"))


def _is_money(span: Span) -> bool:
    return span.text[:1] in "$€£¥" or any(word in span.text.lower().split()
                                          for word in _CURRENCY_WORDS)


def _counted_noun(span: Span) -> Token | None:
    """The noun the amount modifies (`3,200 workers`), or the object of its `of`."""
    for token in (span[-1], span.root):
        while token.head.pos_ == "NUM" and token.head.i >= span.end and token.head != token:
            token = token.head
        if token.dep_ in _NOUN_DEPS and token.head.pos_ in ("NOUN", "PROPN") \
                and token.head.i >= span.end:
            return token.head
    objects = [obj for token in (span[-1], span.root) for prep in token.children
               if prep.lower_ == "of" and prep.i >= span.end
               for obj in prep.children if obj.dep_ == "pobj"]
    return objects[0] if objects else None


def _phrase(head: Token, keep: Callable[[Token], bool], after: int = -1) -> str | None:
    """Text from the first to the last of `head` and the descendants `keep` accepts."""
    tokens = sorted((t for t in _descendants(head, keep) if t.i > after), key=lambda t: t.i)
    if not tokens:
        return None
    text = text_of(head.doc)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    # whole hyphenated words (`far-right agitators`, `counter-protesters`)
    window = max(0, start - 60)
    head_part = _HYPHENATED_END.search(text[window:start])
    tail_part = _HYPHENATED_START.match(text, end)
    start = window + head_part.start() if head_part else start
    end = tail_part.end() if tail_part else end
    return text[start:end].strip(" ,;:") or None


def _descendants(token: Token, keep: Callable[[Token], bool]) -> list[Token]:
    return [token, *(t for c in token.children if keep(c) for t in _descendants(c, keep))]


def _qualifier(doc: Doc, hit: _Hit) -> str | None:
    """The hedge written just after or (failing that) just before the figure."""
    after = re.match(rf"\s+({alternation(TRAILING_QUALIFIERS)})\b", text_of(doc)[hit.end:], re.I)
    if after:
        return after[1].lower()
    words = DATE_QUALIFIERS if hit.kind == "date" else QUALIFIERS
    offset = max(0, hit.start - 30)
    found = re.search(rf"(?:^|\W)({alternation(words)})\s+$", text_of(doc)[offset:hit.start], re.I)
    if found is None:
        return None
    hedge = " ".join(found[1].lower().split())
    if hedge in ("over", "under", "above", "below") and _TIME_UNIT.search(hit.unit or ""):
        token = doc.char_span(offset + found.start(1), offset + found.end(1))
        return None if token is not None and token[0].dep_ == "prep" else hedge
    return hedge


def _attribution(span: Span) -> str | None:
    """Who the sentence credits for the figure: `according to X`, or X of `X said` — the
    outermost such clause (`A recalled 5,000 cars, B said`: B) — unless the figure's own
    verb credits it (`…, according to A, though B put the figure at 60,000`: B)."""
    own = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if own is not None and own.lemma_.lower() in NUMBER_VERBS \
            and (speaker := _speaker(own, span)) is not None:
        return _source_phrase(speaker)
    sources = sorted((t for t in span.sent if t.lower_ == "according"),
                     key=lambda t: abs(t.i - span.start))
    for obj in (o for a in sources for to in a.children if to.lower_ == "to"
                for o in to.children if o.dep_ == "pobj"):
        return _source_phrase(obj)
    child, found, stated = span.root, None, False
    for verb in span.root.ancestors:
        speeches = [c for c in verb.children if c.dep_ == "parataxis"]
        # `said in a statement that …`: the clause hangs on the statement, not on the verb
        # a clause joined to another (`A show …, and B estimates 95m`) is not reported by it
        reported = (child.dep_ in _REPORTED_DEPS and not (child.dep_ == "conj" and found)) \
            or (child.dep_ == "prep" and stated)
        for speech in [verb] * reported + speeches:
            found = _speaker(speech, span) or found
        stated = (stated and child.dep_ == "pobj") or (
            child.dep_ == "acl" and any(c.dep_ == "mark" for c in child.children))
        child = verb
    return _source_phrase(found) if found is not None else None


def _speaker(verb: Token, span: Span) -> Token | None:
    """The subject of a speech verb, unless the figure is part of it; `he` or `she` stands
    for the person named last before it."""
    lemma = verb.lemma_.lower()
    if (lemma not in NUMBER_VERBS and verb_classes().get(lemma) in (None, "belief")) \
            or verb.pos_ not in ("VERB", "AUX"):
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.pos_ == "PRON":
            person = last_person(span.doc, subject) if subject.lower_ in ("he", "she") \
                else None
            return person.root if person is not None else None
        if not subject.left_edge.i <= span.root.i <= subject.right_edge.i:
            return subject
    return None


def _source_phrase(token: Token) -> str | None:
    return _phrase(token, lambda t: t.dep_ in _SOURCE_DEPS or (
        t.dep_ == "prep" and t.lower_ in _SOURCE_PREPS))


# -- dates ------------------------------------------------------------------------------------

def _dates(doc: Doc, pub: date | None) -> Iterator[_Hit]:
    for m in (m for pattern in DATE_PATTERNS for m in pattern.finditer(text_of(doc))):
        yield _Hit(m.start(), m.end(), "date", date=resolve_date(m, pub, _ahead(doc, m)))
    for m in BARE_MONTH.finditer(text_of(doc)):
        if _in_date_entity(doc, m.start(), m.end()):
            yield _Hit(m.start(), m.end(), "date", date=resolve_date(m, pub, _ahead(doc, m)))
    for m in BARE_YEAR.finditer(text_of(doc)):
        if _year_like(doc, m):
            yield _Hit(m.start(), m.end(), "date", int(m[0]), "year", m[0])


def _in_date_entity(doc: Doc, start: int, end: int) -> bool:
    return any(e.label_ == "DATE" and e.start_char <= start and end <= e.end_char
               for e in ents_of(doc))


def _ahead(doc: Doc, m: re.Match[str]) -> bool | None:
    """Whether a date looks ahead: True for a deadline (`by March 3`) or a future clause
    (`will`, `is due to end`, `are set to resume`), False in a past clause (`opened`, `has
    been shut since`), None when the tense does not tell (`would pass it on from 1
    June`, `was due to end on Monday`). `By` in a past clause tells how far things had gone
    (`By Monday evening, 31 vessels were waiting`)."""
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    deadline = DEADLINE.search(text_of(doc), max(0, m.start() - 20), m.start())
    if deadline:
        return not (deadline[0].lower().startswith("by") and _finite_past(span))
    infinitive = False
    for token in (span.root.ancestors if span is not None else ()):
        if token.pos_ in ("VERB", "AUX"):
            helpers = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
            if helpers & _FUTURE_AUX:
                return True
            if token.tag_ == "VB" and "to" in helpers:
                infinitive = True  # its governor tells
                continue
            if infinitive:  # `was due to end`, `promised to vote`: the nearer day
                return True if token.tag_ in ("VBZ", "VBP") or helpers & _PRESENT_AUX else None
            if token.tag_ in ("VBD", "VBN") or helpers & _PAST_AUX:
                return False
            return None
    return False


def _finite_past(span: Span | None) -> bool:
    """Whether the verb that governs `span` is in a simple or progressive past tense
    (`were waiting`, `had risen`), not a participle (`was expected by Friday`)."""
    for token in (span.root.ancestors if span is not None else ()):
        if token.pos_ in ("VERB", "AUX"):
            helpers = {c.lower_ for c in token.children if c.dep_ == "aux"}
            return token.tag_ == "VBD" or bool(helpers & _PAST_AUX)
    return False
