"""The neutral brief: the most widely reported facts first, each told by the least loaded
sentence that states it and citing every article that reports it; then every figure
conflict with both sides' attributions; then what only one article reports.

Extractive: summary and "only" sentences are article sentences, unchanged; conflict
sentences are built from the figures' own words. Nothing is invented, and a sentence with
loaded wording in the outlet's own voice is never chosen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsprism.analyze.framing import LOADED_LABELS, base_label, is_quoted
from newsprism.clean.lines import dateline_end
from newsprism.compare.align import Unit
from newsprism.config import CompareSettings
from newsprism.model import Article, BriefSentence, Conflict

MIN_WORDS, MAX_WORDS = 8, 45
# A sentence opening with one of these leans on the one before it.
DEPENDENT_OPENERS = frozenset((
    "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its",
    "but", "and", "so", "also", "however", "still", "yet", "meanwhile", "instead", "then"))
# Words of a speaker or of the reader: outside quotation marks in a news sentence they are
# someone's words whose marks were lost (a block quote, a scraped page), or the columnist's.
# `US` in capitals is the country.
PERSONAL = frozenset(("I", "me", "my", "mine", "we", "us", "our", "ours", "you", "your",
                      "yours"))
# double quotes, and single ones closed by a `’` that ends a word (not `won’t`)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘.*?’(?![A-Za-z])")
# sentences this close to the most central telling of a fact tell it as well: the least
# opinionated of them is taken
CENTRAL_MARGIN = 0.05
REDUNDANT = 0.8  # cosine above which a second summary sentence repeats the first


def loaded_spans(article: Article, start: int, end: int) -> int:
    """Loaded findings in the outlet's own voice inside `[start, end)`."""
    return sum(1 for span in article.framing if start <= span.start and span.end <= end
               and not is_quoted(span) and base_label(span.label) in LOADED_LABELS)


def usable(unit: Unit, article: Article) -> bool:
    """A sentence the brief can say in its own voice: no loaded wording of the outlet's,
    not mostly someone's quoted words, a whole statement of sensible length that does not
    lean on the sentence before and is not cut short (`… the work starts next mo...`, as in feed
    summaries and teasers)."""
    words = unit.text.split()
    opener = words[0].strip("“\"'‘").lower() if words else ""
    start, end = unit.sentence.start, unit.sentence.end
    return (MIN_WORDS <= len(words) <= MAX_WORDS and opener not in DEPENDENT_OPENERS
            and not unit.text.startswith(("“", '"', "‘", "'", "—", "-"))
            and unit.text.rstrip()[-1:] in ".!?”\"'’"
            and not unit.text.rstrip().endswith(("...", "…"))
            and _quoted_share(article, start, end) < 0.5 and not personal(unit.text)
            and loaded_spans(article, start, end) == 0)


def personal(text: str) -> bool:
    """Whether a sentence speaks in the first or second person outside quotation marks
    (`All of us can look back …`): not a statement a brief can make in its own voice."""
    words = re.findall(r"[A-Za-z]+", QUOTED.sub(" ", text))
    return any(word.lower() in PERSONAL and word != "US" and (word != "I" or n == 0
               or not words[n - 1][0].isupper())  # `World War I`
               for n, word in enumerate(words))


def _quoted_share(article: Article, start: int, end: int) -> float:
    covered: set[int] = set()
    for quote in article.quotes:
        if quote.direct:
            covered.update(range(max(start, quote.start), min(end, quote.end)))
    return len(covered) / max(end - start, 1)


def neutral_choice(fact: Sequence[Unit], articles: dict[str, Article],
                   vectors: dict[tuple[str, int], np.ndarray] | None = None) -> Unit | None:
    """The usable sentence that best tells the fact: of those about as central as the most
    central one (closest on average to the fact's other sentences), the least
    opinionated."""
    choices = [unit for unit in fact if usable(unit, articles[unit.article])]
    if not choices:
        return None

    def centrality(unit: Unit) -> float:
        if not vectors or len(fact) < 2:
            return 0.0
        mine = vectors[unit.key]
        return float(np.mean([mine @ vectors[u.key] for u in fact
                              if u is not unit]))

    scored = [(centrality(unit), unit) for unit in choices]
    best = max(score for score, _ in scored)
    _, unit = min(((score, u) for score, u in scored if score >= best - CENTRAL_MARGIN),
                  key=lambda pair: (pair[1].sentence.bias or 0.0, -pair[0], len(pair[1].text)))
    return unit


def tidy(text: str) -> str:
    """The sentence without a leading dateline (`WASHINGTON — `)."""
    return text[dateline_end(text):]


def summary(facts: Sequence[Sequence[Unit]], articles: dict[str, Article],
            vectors: dict[tuple[str, int], np.ndarray], limit: int,
            disputed: set[tuple[str, int]]) -> list[BriefSentence]:
    """Up to `limit` sentences: facts reported by several articles first, then (to reach at
    least three) the leading facts of single articles, and then other sentences of the
    leading facts that do not repeat one already told. A sentence stating a disputed figure
    is left to the conflicts section, which gives every side; the fact is told by another
    of its sentences when one is usable."""
    chosen: list[BriefSentence] = []
    picked: list[np.ndarray] = []
    told: set[tuple[str, int]] = set()

    def tell(fact: Sequence[Unit]) -> None:
        remaining = [u for u in _undisputed(fact, disputed)
                     if (u.article, u.sentence.start) not in told]
        while (unit := neutral_choice(remaining, articles, vectors)) is not None:
            told.add((unit.article, unit.sentence.start))
            remaining.remove(unit)
            if all(float(vectors[unit.key] @ other) <= REDUNDANT for other in picked):
                picked.append(vectors[unit.key])
                chosen.append(BriefSentence(tidy(unit.text), _cites(fact, articles)))
                return

    for fact in facts:
        if len(chosen) >= limit or (len(chosen) >= 3 and _coverage(fact) < 2):
            break
        tell(fact)
    for fact in facts:
        if len(chosen) >= min(3, limit):
            break
        tell(fact)
    return chosen


def _undisputed(fact: Sequence[Unit], disputed: set[tuple[str, int]]) -> list[Unit]:
    """The fact's sentences that state none of the `(article, offset)` figures in conflict."""
    return [unit for unit in fact
            if not any(aid == unit.article and unit.sentence.start <= at < unit.sentence.end
                       for aid, at in disputed)]


def _coverage(fact: Sequence[Unit]) -> int:
    return len({unit.article for unit in fact})


def _cites(fact: Sequence[Unit], articles: dict[str, Article]) -> tuple[str, ...]:
    """The reporting articles, in the story's article order."""
    ids = {unit.article for unit in fact}
    return tuple(aid for aid in articles if aid in ids)


def conflict_sentence(conflict: Conflict, articles: dict[str, Article]) -> BriefSentence:
    """`Reports differ on X: A gives over 5,600 (attributed to the Pentagon); B gives 5,500
    (attributed to James Jeffrey).` — or `… was updated …` for an update."""
    parts = []
    for value in conflict.values:
        stated = f"{value.qualifier} {value.text}" if value.qualifier else value.text
        source = f" (attributed to {value.attributed_to})" if value.attributed_to else ""
        parts.append(f"{articles[value.article].outlet} gives {stated}{source}")
    opening = "Reports update" if conflict.kind == "update" else "Reports differ on"
    cites = tuple(dict.fromkeys(value.article for value in conflict.values))
    return BriefSentence(f"{opening} {conflict.quantity}: {'; '.join(parts)}.", cites,
                         "conflict")


def only_reported(facts: Sequence[Sequence[Unit]], articles: dict[str, Article],
                  per_article: int, disputed: set[tuple[str, int]]) -> list[BriefSentence]:
    """For each article, its first usable facts that no other article reports, told by a
    sentence none of whose clauses another article reports, leaving disputed figures to the
    conflicts section."""
    shared = {(unit.article, unit.sentence.start) for fact in facts if _coverage(fact) > 1
              for unit in fact}
    taken: dict[str, int] = {}
    found: dict[str, BriefSentence] = {}
    for fact in facts:
        if _coverage(fact) != 1:
            continue
        aid = fact[0].article
        unit = neutral_choice([u for u in _undisputed(fact, disputed)
                               if (aid, u.sentence.start) not in shared], articles)
        if unit is None or taken.get(aid, 0) >= per_article or tidy(unit.text) in found:
            continue
        taken[aid] = taken.get(aid, 0) + 1
        text = tidy(unit.text)
        found[text] = BriefSentence(text, (aid,), "only")
    return sorted(found.values(), key=lambda s: list(articles).index(s.cites[0]))


def write_brief(facts: Sequence[Sequence[Unit]], conflicts: Sequence[Conflict],
                articles: dict[str, Article], vectors: dict[tuple[str, int], np.ndarray],
                settings: CompareSettings) -> list[BriefSentence]:
    """The summary, the conflicts and the "only reported by" sections, in that order; a
    sentence the summary already tells is not repeated."""
    disputed = {(v.article, v.start) for c in conflicts for v in c.values}
    told = summary(facts, articles, vectors, settings.brief_sentences, disputed)
    said = {sentence.text for sentence in told}
    return [*told, *(conflict_sentence(c, articles) for c in conflicts),
            *(s for s in only_reported(facts, articles, settings.only_per_article, disputed)
              if s.text not in said)]
