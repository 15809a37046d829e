"""Details some articles give and others leave out: the names, figures and dates inside
a fact.

A fact is told by whole sentences, and one article's sentence may carry more than another's
(`…, its highest level since 2008`; `Gerrit Osterhout, finance spokesman for …`). A detail
is a named person or organisation, a place, a figure or a date stated in a fact's sentence.
When an article never states it, it is listed under the fact that holds it in most
articles, with the articles that left it out, if two or more articles state it (anywhere in
their text) or its fact is reported by two or more: one article's name in a fact that only
it reports is that fact's own.
A figure that an article gives a conflicting value for is a conflict, not an omission.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.analyze.entities import entity_key, surface
from newsprism.compare.align import Unit
from newsprism.model import Article, Conflict, Evidence, Figure

# the kinds of name a reader would miss; nationalities and dates are style or figures
DETAIL_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT",
                           "WORK_OF_ART"})
VALUE_TOLERANCE = 0.02  # `a third` states 33 percent


@dataclass(frozen=True, slots=True)
class Detail:
    """A name, figure or date one sentence states: what identifies it across articles."""

    text: str  # as the sentence gives it
    key: str  # entity key, `date:2026-07-02`, or `value:42.0 %`
    article: str
    start: int  # in the article's text
    end: int
    label: str = ""  # the entity label of a name


@dataclass(frozen=True, slots=True)
class Omitted:
    """A detail of the fact `group` (index into the aligned facts), the sentences stating it
    (or a conflicting value) per article, and the articles that never state it."""

    group: int
    detail: Detail
    stated: dict[str, tuple[Evidence, ...]]
    omitted_by: tuple[str, ...]


def details_of(article: Article, start: int, end: int) -> list[Detail]:
    """The names, figures and dates of `article` inside `[start, end)`, in text order (a
    fact's clause starts after the dateline, so `KELLMAR —` is no detail)."""
    found = [Detail(e.text, entity_key(e.canonical), article.id, e.start, e.end, e.label)
             for e in article.entities if e.label in DETAIL_LABELS
             and start <= e.start and e.end <= end]
    found += [Detail(f.text, key, article.id, f.start, f.end) for f in article.figures
              if start <= f.start and f.end <= end and _worth_listing(f)
              and (key := _figure_key(f))]
    return sorted(found, key=lambda d: d.start)


def _figure_key(figure: Figure) -> str | None:
    """What identifies a figure across articles: its resolved date, or its value and unit."""
    if figure.kind == "date":
        return f"date:{figure.date}" if figure.date else None
    if not isinstance(figure.value, int | float):
        return None
    return f"value:{float(figure.value)} {figure.unit or ''}".strip()


def _worth_listing(figure: Figure) -> bool:
    """A figure written with digits (`5,600`, `40%`, `2 July`, `2008`) or a large one in
    words (`half a million`): `three days`, a weekday or `last year` is no detail a reader
    would miss."""
    return any(c.isdigit() for c in figure.text) or (
        figure.kind == "quantity" and isinstance(figure.value, int | float)
        and figure.value >= 1000)


def states(article: Article, detail: Detail, start: int = 0, end: int | None = None) -> bool:
    """Whether `article` gives `detail` (in `[start, end)`, else anywhere): the same entity,
    an equal figure, the same or a more or less precise date, or the words that tell the
    name (a person's surname, the last two words of a longer name) in its text."""
    end = len(article.text) if end is None else end
    figures = [f for f in article.figures if start <= f.start and f.end <= end]
    if detail.key.startswith("date:"):
        day = detail.key[5:]
        return any(f.date and (f.date.startswith(day) or day.startswith(f.date))
                   for f in figures if f.kind == "date")
    if _is_value(detail.key):
        return any(_same_value(detail.key, key) for f in figures
                   if (key := _figure_key(f)) and _is_value(key))
    return any(entity_key(e.canonical) == detail.key for e in article.entities
               if start <= e.start and e.end <= end) \
        or re.search(rf"\b{re.escape(_telling_words(detail))}\b",
                     article.text[start:end], re.IGNORECASE) is not None


def _telling_words(detail: Detail) -> str:
    """A person's surname (`David H. Petraeus` is `Petraeus`); the last two words of another
    long name (`the Norvessan Trades Council` is `Trades Council`)."""
    words = surface(detail.text).split()
    if detail.label == "PERSON":
        return words[-1] if words else detail.text
    return " ".join(words[-2:]) if len(words) > 2 else " ".join(words)


def _alike(a: Detail, b: Detail) -> bool:
    """One detail told twice: `a third` and `33 percent`; `the Trades Council` and `the
    Norvessan Trades Council` (names the parse did not join)."""
    if _is_value(a.key) and _is_value(b.key):
        return _same_value(a.key, b.key)
    if a.key.startswith("date:") or b.key.startswith("date:") or _is_value(a.key) \
            or _is_value(b.key):
        return a.key == b.key
    return a.key == b.key or _telling_words(a).lower() == _telling_words(b).lower()


def _is_value(key: str) -> bool:
    return key.startswith("value:")


def _same_value(a: str, b: str) -> bool:
    (x, *unit_a), (y, *unit_b) = a.removeprefix("value:").split(" ", 1), \
        b.removeprefix("value:").split(" ", 1)
    return unit_a == unit_b and abs(float(x) - float(y)) <= VALUE_TOLERANCE * max(
        abs(float(x)), abs(float(y)))


def omitted_details(groups: Sequence[Sequence[Unit]], articles: Sequence[Article],
                    conflicts: Sequence[Conflict]) -> list[Omitted]:
    """Details some articles state and another leaves out, each once, under the fact whose
    sentences give it in the most articles (the first such fact on a tie), with every
    sentence of the story that states it, or that gives a conflicting value for it."""
    by_id = {a.id: a for a in articles}
    first: list[Detail] = []
    for group in groups:
        for unit in group:
            first += [detail for detail in details_of(by_id[unit.article], unit.start, unit.end)
                      if not any(_alike(detail, seen) for seen in first)]
    found = []
    for detail in first:
        stated = {a.id: found_in for a in articles if (found_in := _stating(a, detail))}
        disputed = {aid: _holding(by_id[aid], spans)
                    for aid, spans in _disputed(detail, conflicts).items() if aid not in stated}
        left_out = tuple(a.id for a in articles if a.id not in stated and a.id not in disputed)
        home = _home(groups, by_id, detail, set(stated))
        if left_out and home is not None and (
                len(stated) >= 2 or len({u.article for u in groups[home]}) >= 2):
            found.append(Omitted(home, detail, {**stated, **disputed}, left_out))
    return sorted(found, key=lambda item: item.group)


def _home(groups: Sequence[Sequence[Unit]], articles: dict[str, Article], detail: Detail,
          giving: set[str]) -> int | None:
    """The fact whose sentences give the detail in the most articles (the first on a tie)."""
    counts = [len({u.article for u in group if u.article in giving
                   and states(articles[u.article], detail, u.start, u.end)}) for group in groups]
    best = max(counts, default=0)
    return counts.index(best) if best else None


def _stating(article: Article, detail: Detail) -> tuple[Evidence, ...]:
    """The article's sentences that give the detail."""
    return tuple(Evidence(s.start, s.end, article.text[s.start:s.end])
                 for s in article.sentences if states(article, detail, s.start, s.end))


def _holding(article: Article, spans: list[tuple[int, int]]) -> tuple[Evidence, ...]:
    """The article's sentences that hold one of `spans`."""
    return tuple(Evidence(s.start, s.end, article.text[s.start:s.end]) for s in article.sentences
                 if any(s.start <= start and end <= s.end for start, end in spans))


def _disputed(detail: Detail, conflicts: Sequence[Conflict]) -> dict[str, list[tuple[int, int]]]:
    """Where each article gives its value in a conflict over the detail's figure."""
    found: dict[str, list[tuple[int, int]]] = {}
    if not _is_value(detail.key):
        return found
    number = detail.key.split(" ")[0].removeprefix("value:")
    for conflict in conflicts:
        if any(v.value is not None and _same_value(number, str(float(v.value)))
               for v in conflict.values):
            for v in conflict.values:
                found.setdefault(v.article, []).append((v.start, v.end))
    return found
