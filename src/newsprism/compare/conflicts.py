"""Figure conflicts: figures of different articles that measure the same thing but whose
values differ beyond what their qualifiers allow (`over 5,600` vs `5,500`).

Two figures measure the same thing when their units agree and the words around them are
alike (sentence embeddings of a window around each figure, plus what each counts). Each
figure is matched to at most one figure of every other article, preferring a consistent
value among near-equal matches, so that `9 percent sought` and `4.5 percent offered` stated
by both sides pair up correctly.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from itertools import combinations
from typing import Literal

import numpy as np

from newsprism.datafiles import data_rows
from newsprism.model import Article, Conflict, Figure, FigureValue

Embed = Callable[[Sequence[str]], np.ndarray]

APPROXIMATE = 0.10  # `about 3,200` allows 10% either way; `up to 50,000` 10% below
WINDOW = 6  # words either side of a figure that say what it measures
_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5}


@dataclass(frozen=True, slots=True)
class Measure:
    """A figure with what is needed to match and compare it."""

    article: Article
    figure: Figure
    value: float
    unit: str | None
    context: str

    @property
    def counted(self) -> str:
        return self.figure.counts or ""


@cache
def qualifier_kinds() -> dict[str, str]:
    return {word: kind for word, kind in data_rows("qualifiers.tsv")}


@cache
def update_cues() -> frozenset[str]:
    return frozenset(row[0] for row in data_rows("update_cues.txt"))


def interval(value: float, qualifier: str | None) -> tuple[float, float]:
    """The values a figure allows: its qualifier's bound, or its rounding when it has none."""
    kind = qualifier_kinds().get((qualifier or "").lower())
    if kind == "at-least":
        return value, math.inf
    if kind == "at-most":
        return -math.inf, value
    if kind == "high":
        return value * (1 - APPROXIMATE), value
    if kind == "about":
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    if kind == "exact":
        return value, value
    half = _rounding(value)
    return value - half, value + half


def _rounding(value: float) -> float:
    """Half the place value of the last significant digit (`5,500` → 50, `4.5` → 0.05)."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return 10.0 ** int(exponent) / 2 if isinstance(exponent, int) else 0.0


def consistent(values: Sequence[tuple[float, str | None]]) -> bool:
    """Whether one value lies within what every figure's qualifier allows."""
    bounds = [interval(value, qualifier) for value, qualifier in values]
    low, high = max(b[0] for b in bounds), min(b[1] for b in bounds)
    return low < high or (low == high and all(b[0] == b[1] for b in bounds))


def measures(article: Article) -> list[Measure]:
    """The article's quantities that can be compared: those with a value, leaving out the
    ones that count a source (`two U.S. officials said`)."""
    found = []
    for figure in article.figures:
        if figure.kind != "quantity" or not isinstance(figure.value, int | float):
            continue
        if _counts_a_source(article, figure):
            continue
        value, unit = _normal(float(figure.value), figure.unit)
        found.append(Measure(article, figure, value, unit, _context(article, figure)))
    return found


def _counts_a_source(article: Article, figure: Figure) -> bool:
    for quote in article.quotes:
        if quote.speaker_start is None or quote.speaker_end is None:
            continue
        mention = article.text[quote.speaker_start:quote.speaker_end]
        if (quote.speaker_start <= figure.start < quote.speaker_end
                and (figure.counts or "") in mention):
            return True
    return False


def _normal(value: float, unit: str | None) -> tuple[float, str | None]:
    """Durations in days, so that `three months` and `90 days` compare."""
    if unit in _DAYS:
        return value * _DAYS[unit], "day"
    return value, unit


def _context(article: Article, figure: Figure) -> str:
    """What the figure measures: the words around it in its sentence, number left out."""
    start, end = _sentence_bounds(article, figure.start)
    before = article.text[start:figure.start].split()[-WINDOW:]
    after = article.text[figure.end:end].split()[:WINDOW]
    return " ".join([*before, "…", *after])


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
    that agrees wins (`9 percent` sought and `4.5 percent` offered, stated by both sides)."""
    found = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x.unit != y.unit:
                continue
            score = float(va[i] @ vb[j])
            if x.counted and y.counted:
                score = (score + float(va[len(a) + i] @ vb[len(b) + j])) / 2
            if score >= threshold:
                agree = consistent([(x.value, x.figure.qualifier),
                                    (y.value, y.figure.qualifier)])
                found.append((score + (APPROXIMATE if agree else 0.0), i, j))
    return found


def find_conflicts(articles: Sequence[Article], embed: Embed, threshold: float,
                   update_hours: float) -> list[Conflict]:
    """Quantities stated by several articles whose values do not agree."""
    found = {a.id: measures(a) for a in articles}
    texts = [text for items in found.values() for text in
             [m.context for m in items] + [m.counted for m in items]]
    rows = iter(embed(texts))
    vectors = {aid: np.array([next(rows) for _ in range(2 * len(items))])
               for aid, items in found.items()}
    vectors = {aid: rows_ for aid, rows_ in vectors.items() if len(rows_)}
    conflicts = []
    for group in _linked(found, vectors, threshold):
        if len(group) < 2 or consistent([(m.value, m.figure.qualifier) for m in group]):
            continue
        values = tuple(_value(m) for m in group)
        conflicts.append(Conflict(_quantity(group), values, _kind(group, update_hours)))
    return conflicts


def _linked(found: dict[str, list[Measure]], vectors: dict[str, np.ndarray],
            threshold: float) -> list[list[Measure]]:
    """Figures joined across articles, best matches first, never two of one article."""
    scored = []
    for a, b in combinations(vectors, 2):
        for score, i, j in candidates(found[a], found[b], vectors[a], vectors[b], threshold):
            scored.append((score, (a, i), (b, j)))
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for _, x, y in sorted(scored, reverse=True):
        gx, gy = groups.get(x, [x]), groups.get(y, [y])
        if gx is gy or {aid for aid, _ in gx} & {aid for aid, _ in gy}:
            continue
        merged = gx + gy
        for key in merged:
            groups[key] = merged
    unique = {id(group): group for group in groups.values()}.values()
    return [[found[aid][i] for aid, i in group] for group in unique]


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
    unit = group[0].figure.unit
    return f"the value in “{group[0].context}”" + (f" ({unit})" if unit else "")


def _kind(group: list[Measure], update_hours: float) -> Literal["conflict", "update"]:
    """`update` when the latest article states its value as new, long enough after the
    others; else `conflict`."""
    dated = [(_time(m.article.published), m) for m in group]
    if any(when is None for when, _ in dated):
        return "conflict"
    dated.sort(key=lambda pair: pair[0])  # type: ignore[arg-type, return-value]
    first, last = dated[0][0], dated[-1][0]
    assert first is not None and last is not None
    if (last - first).total_seconds() < update_hours * 3600:
        return "conflict"
    sentence = _sentence_words(dated[-1][1])
    return "update" if sentence & update_cues() else "conflict"


def _time(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        when = datetime.fromisoformat(published)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)  # a bare date: taken as UTC


def _sentence_words(m: Measure) -> set[str]:
    start, end = _sentence_bounds(m.article, m.figure.start)
    return set(m.article.text[start:end].lower().split())
