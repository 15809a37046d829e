"""Compare the analysed articles of one story: facts × articles, figure conflicts, naming,
quotes by speaker, sourcing and framing side by side, and the cited neutral brief."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache

import numpy as np

from newsprism.analyze.framing import LOADED_LABELS, base_label, framing_profile, is_quoted
from newsprism.analyze.nlp import load_pipeline
from newsprism.analyze.sourcing import sourcing_profile, utterances
from newsprism.compare.align import Unit, align, units_of
from newsprism.compare.brief import neutral_choice, tidy, write_brief
from newsprism.compare.conflicts import Embed, find_conflicts
from newsprism.compare.details import Omitted, omitted_details
from newsprism.compare.naming import naming
from newsprism.config import Settings, load_settings
from newsprism.errors import InputError
from newsprism.model import Article, Comparison, Evidence, Fact, Voice


def compare_story(articles: Sequence[Article], *, story_id: str = "story",
                  syndicated: Sequence[tuple[str, str]] | None = None,
                  settings: Settings | None = None, embed: Embed | None = None) -> Comparison:
    """How `articles` (one story, analysed) compare. Syndicated pairs (original, copy) are
    found here unless given; copies count once among independent sources."""
    settings = settings or load_settings()
    _check(articles)
    embed = _each_text_once(embed or _default_embed(settings))
    if syndicated is None:
        from newsprism.group import syndicated_pairs
        syndicated = syndicated_pairs(articles, settings.group)
    by_id = {a.id: a for a in articles}
    parsed = list(load_pipeline(settings.analyze.pipeline).pipe(
        [a.text for a in articles] + [a.title or "" for a in articles], batch_size=16,
        disable=["ner"]))
    docs = dict(zip(by_id, parsed[:len(articles)], strict=True))
    titles = dict(zip(by_id, parsed[len(articles):], strict=True))
    units = {a.id: units_of(a, docs[a.id]) for a in articles}
    vectors = _split(embed([u.clause for items in units.values() for u in items]), units)
    conf = settings.compare
    groups = align(units, vectors, conf)
    conflicts = find_conflicts(articles, embed, conf.figure_threshold, conf.update_hours, docs)
    loaded = {a.id: _loaded_words(a) for a in articles}
    unit_vectors = {u.key: vectors[aid][i]
                    for aid, items in units.items() for i, u in enumerate(items)}
    return Comparison(
        id=story_id, articles=tuple(by_id),
        facts=_with_details([_fact(n, group, by_id, unit_vectors)
                             for n, group in enumerate(groups, 1)],
                            omitted_details(groups, articles, conflicts)),
        conflicts=tuple(conflicts),
        naming=tuple(naming(articles, docs, groups, loaded, embed,
                            conf.naming_threshold, titles)),
        quotes=tuple(voices(articles)),
        sourcing={a.id: sourcing_profile(a) for a in articles},
        framing={a.id: dict(framing_profile(a)) for a in articles},
        brief=tuple(write_brief(groups, conflicts, by_id, unit_vectors, conf)),
        independent_sources=len(articles) - len({copy for _, copy in syndicated}),
        syndicated=tuple((original, copy) for original, copy in syndicated))


def _check(articles: Sequence[Article]) -> None:
    if not articles:
        raise InputError("compare", "nothing to compare: no articles were given")
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise InputError("compare", "article ids must be unique in a story; "
                                    f"repeated: {', '.join(twice)}")


def _default_embed(settings: Settings) -> Embed:
    """The sentence embedder in int8, on every core: a comparison is interactive work."""
    return _embedder(settings.group.max_tokens, settings.group.embed_batch_size)


@cache
def _embedder(max_tokens: int, batch_size: int) -> Embed:
    from newsprism.group.embed import Embedder
    return Embedder(max_tokens, batch_size, threads=os.cpu_count() or 1, int8=True)


def _each_text_once(embed: Embed) -> Embed:
    """`embed` that computes each distinct text once per comparison: wire copies repeat
    sentences, and figures repeat what they count."""
    known: dict[str, np.ndarray] = {}

    def embed_once(texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return embed(texts)
        new = [text for text in dict.fromkeys(texts) if text not in known]
        if new:
            known.update(zip(new, embed(new), strict=True))
        return np.array([known[text] for text in texts])

    return embed_once


def _split(vectors: np.ndarray, units: dict[str, list[Unit]]) -> dict[str, np.ndarray]:
    """Rows of one embedding call, back per article."""
    found, row = {}, 0
    for aid, items in units.items():
        found[aid] = vectors[row:row + len(items)]
        row += len(items)
    return found


def _fact(number: int, group: list[Unit], articles: dict[str, Article],
          vectors: dict[tuple[str, int], np.ndarray]) -> Fact:
    reported: dict[str, dict[int, Evidence]] = {}
    for unit in group:
        reported.setdefault(unit.article, {}).setdefault(
            unit.sentence.start, Evidence(unit.sentence.start, unit.sentence.end, unit.text))
    best = neutral_choice(group, articles, vectors) or group[0]
    summary, clause = tidy(best.text), best.clause.strip()
    return Fact(f"f{number}", summary,
                {aid: tuple(found.values()) for aid, found in reported.items()},
                tuple(aid for aid in articles if aid not in reported),
                clause if clause != summary and clause in summary else "")


def _with_details(facts: list[Fact], details: list[Omitted]) -> tuple[Fact, ...]:
    """The facts, each followed by its details that some articles leave out."""
    under: dict[int, list[Fact]] = {}
    for item in details:
        parent, detail = facts[item.group], item.detail
        siblings = under.setdefault(item.group, [])
        where = next(e for e in item.stated[detail.article] if e.start <= detail.start < e.end)
        siblings.append(Fact(f"{parent.id}.{len(siblings) + 1}", where.text, item.stated,
                             item.omitted_by, detail.text, detail_of=parent.id))
    return tuple(fact for index, parent in enumerate(facts)
                 for fact in (parent, *under.get(index, ())))


def _loaded_words(article: Article) -> set[str]:
    """Lower-cased words the framing layer flags in the article's own voice (headline too)."""
    return {span.text.lower() for span in (*article.framing, *article.title_framing)
            if not is_quoted(span) and base_label(span.label) in LOADED_LABELS}


def voices(articles: Sequence[Article]) -> list[Voice]:
    """Quotes by speaker across articles, speakers most widely quoted first."""
    found: dict[str, dict[str, list[Evidence]]] = {}
    kinds: dict[str, str] = {}
    for article in articles:
        for quote in utterances(article.quotes):
            speaker = quote.speaker or "(unknown speaker)"
            kinds.setdefault(speaker, quote.speaker_type)
            found.setdefault(speaker, {}).setdefault(article.id, []).append(
                Evidence(quote.start, quote.end, quote.text))
    ranked = sorted(found, key=lambda s: (-len(found[s]), -sum(map(len, found[s].values())), s))
    return [Voice(speaker, kinds[speaker],  # type: ignore[arg-type]
                  {aid: tuple(ev) for aid, ev in found[speaker].items()}) for speaker in ranked]
