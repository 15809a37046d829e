"""The fact × article matrix: whether each article reported a fact, omitted it, or reported
it with a figure that conflicts with another article's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from newsprism.model import Conflict, Evidence, Fact, FigureValue

Status = Literal["reported", "omitted", "conflicting", "unknown"]

SYMBOLS: dict[Status, str] = {"reported": "✓", "omitted": "✗", "conflicting": "≠", "unknown": "—"}
MEANINGS: dict[Status, str] = {
    "reported": "reported",
    "omitted": "omitted",
    "conflicting": "reported with a conflicting figure",
    "unknown": "not assessed",
}


def fact_status(fact: Fact, article: str, conflicts: Sequence[Conflict]) -> Status:
    """How `article` covers `fact`; `conflicting` when one of its evidence sentences holds a
    value of a conflict (not of an update)."""
    evidence = fact.reported_by.get(article, ())
    if evidence:
        values = conflicting_values(article, conflicts)
        return "conflicting" if any(_within(v, e) for v in values for e in evidence) \
            else "reported"
    return "omitted" if article in fact.omitted_by else "unknown"


def conflicting_values(article: str, conflicts: Sequence[Conflict]) -> list[FigureValue]:
    """The values `article` gives in conflicts of kind `conflict`."""
    return [value for conflict in conflicts if conflict.kind == "conflict"
            for value in conflict.values if value.article == article]


def _within(value: FigureValue, evidence: Evidence) -> bool:
    return evidence.start <= value.start and value.end <= evidence.end
