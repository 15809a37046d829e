"""Naming choices: the words each article uses for the same referent.

Two kinds of referent: a canonical entity several articles mention (`Islamic State group` /
`ISIS`), and a concept named differently in sentences that state the same fact (`military
occupation` / `military presence`: noun phrases sharing a modifier, with different heads).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from newsprism.analyze.entities import known_aliases
from newsprism.analyze.nlp import load_pipeline
from newsprism.compare.align import Unit
from newsprism.model import Article, Naming

GENERIC_TAILS = ("group", "militia", "movement", "organization", "organisation")
NAMED_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
_LEADING = ("the ", "The ")


def entity_forms(article: Article) -> dict[str, Counter[str]]:
    """Referent key → how often the article uses each surface form for it. People are left
    out: outlets differ in titles and surnames, which says little about framing."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    aliases = known_aliases()
    for entity in article.entities:
        if entity.label not in NAMED_LABELS:
            continue
        key = aliases.get(entity.canonical.lower(), entity.canonical).lower()
        forms[key][_form(article.text, entity.start, entity.end)] += 1
    return forms


def _form(text: str, start: int, end: int) -> str:
    """An entity's words, with a generic tail that follows it (`Islamic State group`) and
    without a leading `the`."""
    form = text[start:end]
    following = text[end:end + 16].split()
    if following and following[0].lower() in GENERIC_TAILS:
        form = f"{form} {following[0]}"
    for article in _LEADING:
        form = form.removeprefix(article)
    return form


def entity_naming(articles: Sequence[Article], loaded: dict[str, set[str]]) -> list[Naming]:
    """Entities mentioned by two or more articles whose most used forms differ."""
    per_article = {a.id: entity_forms(a) for a in articles}
    keys = Counter(key for forms in per_article.values() for key in forms)
    found = []
    for key, count in keys.items():
        if count < 2 or any(f" {key} " in f" {other} " for other in keys if other != key):
            continue  # `state` inside `islamic state`: a fragment the tagger split off
        forms = {aid: forms[key] for aid, forms in per_article.items() if key in forms}
        if len({_fold(counter.most_common(1)[0][0]) for counter in forms.values()}) < 2:
            continue
        shown = {aid: " / ".join(f for f, _ in counter.most_common()) for aid, counter in
                 forms.items()}
        found.append(Naming(_referent(forms.values()), shown, _loaded(forms, loaded)))
    return found


def _fold(form: str) -> str:
    return form.lower().replace(".", "")


def _referent(forms: Iterable[Counter[str]]) -> str:
    """The longest form any article uses: the fullest name."""
    return max((form for counter in forms for form in counter), key=len)


def _loaded(forms: dict[str, Counter[str]], loaded: dict[str, set[str]]) -> tuple[str, ...]:
    return tuple(sorted({form for aid, counter in forms.items() for form in counter
                         if any(word in form.lower() for word in loaded.get(aid, ()))}))


def concept_naming(facts: Sequence[Sequence[Unit]], loaded: dict[str, set[str]],
                   pipeline: str) -> list[Naming]:
    """Noun phrases that name one thing differently in sentences stating the same fact."""
    found: dict[tuple[str, ...], Naming] = {}
    shared = [fact for fact in facts if len({unit.article for unit in fact}) > 1]
    texts = [unit.text for fact in shared for unit in fact]
    docs = iter(load_pipeline(pipeline).pipe(texts, batch_size=64, disable=["ner"]))
    for fact in shared:
        chunks: dict[str, list[Span]] = {}
        for unit in fact:
            chunks.setdefault(unit.article, []).extend(next(docs).noun_chunks)
        for naming in _variants(chunks, loaded):
            found.setdefault(tuple(sorted(naming.forms.values())), naming)
    return list(found.values())


def _variants(chunks: dict[str, list[Span]], loaded: dict[str, set[str]]) -> list[Naming]:
    namings = []
    ids = list(chunks)
    for n, a in enumerate(ids):
        for b in ids[n + 1:]:
            for x in chunks[a]:
                for y in chunks[b]:
                    if _renamed(x, y, chunks[a], chunks[b]):
                        forms = {a: x.text, b: y.text}
                        flagged = tuple(form for aid, form in forms.items()
                                        if any(w in form.lower() for w in loaded.get(aid, ())))
                        shared = " ".join(_modifiers(x) & _modifiers(y))
                        namings.append(Naming(f"{shared} ({x.root.lemma_} / {y.root.lemma_})",
                                              forms, flagged))
    return namings


def _renamed(x: Span, y: Span, xs: list[Span], ys: list[Span]) -> bool:
    """Same modifier, different common-noun heads, both subjects or neither (`a fire season`
    after `of` is not another name for the `fire officials` who said something), neither
    head used by the other sentence."""
    hx, hy = x.root, y.root
    if hx.pos_ != "NOUN" or hy.pos_ != "NOUN" or hx.lemma_.lower() == hy.lemma_.lower():
        return False
    if _is_subject(hx) != _is_subject(hy):
        return False
    if not _modifiers(x) & _modifiers(y):
        return False
    lemmas_x = {t.root.lemma_.lower() for t in xs}
    lemmas_y = {t.root.lemma_.lower() for t in ys}
    return hy.lemma_.lower() not in lemmas_x and hx.lemma_.lower() not in lemmas_y


def _is_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass")


def _modifiers(chunk: Span) -> set[str]:
    return {t.lemma_.lower() for t in chunk.root.children
            if t.dep_ in ("amod", "compound") and t.is_alpha and not t.is_stop}
