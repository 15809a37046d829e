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
    """How `article` covers `fact`: `conflicting` when it reports the fact and gives a value
    in a conflict (not an update) one of the fact's evidence sentences, in any article, holds;
    for a detail, a conflict over the detail itself (a name's sentence may hold another
    figure in dispute)."""
    if not fact.reported_by.get(article):
        return "omitted" if article in fact.omitted_by else "unknown"
    contested = any(_in_fact(conflict, fact) and any(v.article == article for v in conflict.values)
                    and (not fact.detail_of or _of_detail(conflict, fact))
                    for conflict in conflicts if conflict.kind == "conflict")
    return "conflicting" if contested else "reported"


def _of_detail(conflict: Conflict, fact: Fact) -> bool:
    """Whether one of the conflict's values is the detail's figure (`31` of `31 flights`)."""
    return any(value.text in fact.clause or fact.clause in value.text
               for value in conflict.values)


def _in_fact(conflict: Conflict, fact: Fact) -> bool:
    return any(_within(value, evidence) for value in conflict.values
               for evidence in fact.reported_by.get(value.article, ()))


def _within(value: FigureValue, evidence: Evidence) -> bool:
    return evidence.start <= value.start and value.end <= evidence.end


def summary_parts(fact: Fact) -> tuple[str, str, str]:
    """The fact's summary sentence as (before, the clause stating the fact, after); the whole
    sentence is the clause when it states one fact."""
    at = fact.summary.find(fact.clause) if fact.clause else -1
    if at < 0:
        return "", fact.summary, ""
    end = at + len(fact.clause)
    return fact.summary[:at], fact.clause, fact.summary[end:]
