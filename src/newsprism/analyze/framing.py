"""Framing spans: loaded words, name-calling, hyperbole, intensifiers, hedges, doubt-casting
attribution verbs, `so-called` and scare quotes, each with its evidence.

Terms come from the lexicons in `data/` (`loaded.tsv`, `name_calling.tsv`, `hyperbole.tsv`,
`intensifiers.tsv`, `hedges.tsv`, `distancing.tsv`, written by the project, and
`loaded_derived.tsv`, derived from BABE by `eval/derive_lexicon.py`). A term matches
lemma-aware (`dash hope` finds `dashed hopes`), over several words, with hyphens optional.
A loaded adjective grows to the noun it modifies (`destabilizing military occupation`).

Own voice and quoted words are kept apart: a finding inside a direct quotation (the `quotes`
layer) belongs to the speaker, and its label gets the suffix `:quoted` (`loaded:quoted`);
`framing_profile` counts only the outlet's own voice. A scare quote is a quoted word or short
phrase with no speaker, so it is always the outlet's own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import groupby
from typing import TypedDict

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.bias import WordScore
from newsprism.analyze.nlp import text_of
from newsprism.analyze.quotes import quote_spans, verb_classes
from newsprism.datafiles import data_rows, stopwords
from newsprism.model import Article, FramingSpan, Quote, Sentence

QUOTED = ":quoted"
# Labels that count as loaded language in the profile's density (hedges and intensifiers
# are counted by label but are not loaded in themselves).
LOADED_LABELS = ("loaded", "name-calling", "hyperbole", "doubt-verb", "concession-verb",
                 "so-called", "scare-quote")
# attribution-verb classes (data/attribution_verbs.tsv) that frame what was said, and their
# labels: `claimed` casts doubt on it, `admitted` makes it a damaging concession
VERB_LABELS = {"doubt": "doubt-verb", "concession": "concession-verb"}
WRITTEN_LEXICONS = {"loaded.tsv": "loaded", "name_calling.tsv": "name-calling",
                    "hyperbole.tsv": "hyperbole", "intensifiers.tsv": "intensifier",
                    "hedges.tsv": "hedge", "distancing.tsv": "so-called"}
DERIVED_LEXICON = "loaded_derived.tsv"
ENDINGS = "loaded_suffixes.tsv"  # endings of hyphenated compounds that judge (`-hungry`)
GROWING_LABELS = frozenset({"loaded", "hyperbole"})  # adjectives that grow to their noun
MAX_HEAD_DISTANCE = 4  # tokens from a loaded adjective to the noun it modifies
MAX_SCARE_WORDS = 4
# loaded nouns that name a system of rules when a common noun qualifies them (`the inspection
# regime`, `a tax regime`), not a government (`the regime`, `the Assad regime`)
SYSTEM_SENSE = frozenset({"regime"})
OPINIONATED = 0.5  # Sentence.bias at or above which a sentence counts as opinionated
# P(biased word) from the bias model's word head at or above which a word of an opinionated
# sentence is loaded; chosen on half of BABE's out-of-fold scores (docs/framing.md).
LOADED_WORD = 0.25
MODEL_WORD_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
POS_GROUPS = {"NOUN": frozenset({"NOUN"}), "VERB": frozenset({"VERB"}),
              "ADJ": frozenset({"ADJ"}), "ADV": frozenset({"ADV"})}
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
_WORD = re.compile(r"\w[\w'’]*")
_HYPHENS = "-‐‑–"
_DISTANCING_BEFORE = re.compile(r"(?:so[-\s]called|self-styled|self-proclaimed)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry: its words, the label it gives, and where it comes from."""

    entry: str
    label: str
    side: str
    pos: str
    source: str
    score: float
    note: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return phrase_words(self.entry)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Terms indexed by their first word, longest first; `derived` terms give way to
    written ones where both match."""

    by_first: dict[str, tuple[Term, ...]]

    @classmethod
    def of(cls, terms: Iterable[Term]) -> Lexicon:
        index: dict[str, list[Term]] = {}
        for term in terms:
            index.setdefault(term.words[0], []).append(term)
        return cls({first: tuple(sorted(found, key=lambda t: -len(t.words)))
                    for first, found in index.items()})


@dataclass(frozen=True, slots=True)
class Label:
    score: float
    explanation: str


@cache
def labels() -> dict[str, Label]:
    """Label → default score and one-line explanation (`data/framing_labels.tsv`)."""
    return {name: Label(float(score), why) for name, score, why in
            data_rows("framing_labels.tsv")}


@lru_cache(maxsize=1 << 16)
def phrase_words(phrase: str) -> tuple[str, ...]:
    """`job-killing` → (`job`, `killing`): lower-case words, hyphens dropped."""
    return tuple(_WORD.findall(phrase.lower().replace("’", "'")))


def written_terms() -> list[Term]:
    """The project's own lexicons: phrase, side, pos."""
    return [Term(row[0], label, row[1], row[2], name, labels()[label].score)
            for name, label in WRITTEN_LEXICONS.items() for row in data_rows(name)]


def derived_terms(rows: Iterable[Sequence[str]]) -> list[Term]:
    """Terms of `loaded_derived.tsv` rows: lemma, pos, flagged, seen, left, right, center,
    side; scored by the (smoothed) share of sentences where BABE's experts flagged it.
    Doubt and concession verbs are left to their rule, which checks that they report
    speech."""
    return [Term(row[0], "loaded", row[7], row[1], DERIVED_LEXICON,
                 round((int(row[2]) + 1) / (int(row[3]) + 2), 2),
                 f"flagged in {row[2]} of {row[3]} BABE sentences")
            for row in rows
            if not (row[1] == "VERB" and verb_classes().get(row[0]) in VERB_LABELS)]


@cache
def shipped_lexicon() -> Lexicon:
    return Lexicon.of(written_terms() + derived_terms(data_rows(DERIVED_LEXICON)))


# -- matching ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Piece:
    """A word of the doc (a hyphenated token gives one piece per part)."""

    forms: frozenset[str]
    token: int
    after_punct: bool


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # token indices, end exclusive
    end: int
    label: str
    score: float
    evidence: str
    derived: bool = False


def _pieces(doc: Doc) -> list[_Piece]:
    pieces: list[_Piece] = []
    gap = False
    for token in doc:
        if token.is_space or (token.is_punct and token.text in _HYPHENS):
            continue
        if token.is_punct:
            gap = True
            continue
        parts = phrase_words(token.text)
        lemma = phrase_words(token.lemma_)
        for k, part in enumerate(parts):
            # the lemma speaks for the whole token, or for the last part of a hyphenated one
            forms = {part, " ".join(lemma), *_other_lemmas(token)} if len(parts) == 1 \
                else {part, *lemma[-1:]} if k == len(parts) - 1 else {part}
            pieces.append(_Piece(frozenset(forms), token.i, gap))
            gap = False
    return pieces


def _match(pieces: list[_Piece], k: int, term: Term) -> int | None:
    """Index past the last piece when `term` matches at piece `k`, else None."""
    if k + len(term.words) > len(pieces):
        return None
    for n, word in enumerate(term.words):
        piece = pieces[k + n]
        if word not in piece.forms or (n and piece.after_punct):
            return None
    return k + len(term.words)


def _other_lemmas(token: Token) -> tuple[str, ...]:
    """Base forms the tagger may have missed: a capitalised plural tagged as a proper noun
    (`Thugs` in a headline), a past form taken for an adjective or lemmatised wrongly
    (`botched` → `botch`, `coddled` → `coddle`, `gutted` → `gut`, not `gutte`)."""
    text = token.lower_
    if token.pos_ == "PROPN" and text.endswith("s") and len(text) > 3:
        return text[:-1], text[:-2]
    if token.pos_ not in ("ADJ", "VERB") or not text.endswith("ed") or len(text) < 5:
        return ()
    doubled = (text[:-3],) if text[-3] == text[-4] else ()
    return text[:-1], text[:-2], *doubled


def _pos_fits(token: Token, term: Term) -> bool:
    """A one-word entry's part of speech: a noun capitalised at the start of a sentence or in
    a title-case headline may be tagged a proper noun (`Thugs`), a participle an adjective
    and an adjective a verb with no subject (`rigged`, `call the board hopelessly woke`), a
    noun or an adjective a proper noun when written in lower case (`The quango claimed`) or
    when it opens a sentence as a modifier (`Bloated Harlow district …`), an adjective a
    noun before the noun it qualifies; a verb with a subject is no adjective (`residents
    woke to sirens`)."""
    if len(term.words) > 1 or term.pos == "-" or token.pos_ in POS_GROUPS.get(term.pos, ()):
        return True
    if term.pos == "NOUN" and token.pos_ == "PROPN":
        return token.is_lower or token.is_sent_start or _title_case(token.sent)
    if term.pos == "ADJ" and token.pos_ == "VERB":  # a verb with a subject is a verb
        return not any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)
    if term.pos == "ADJ":  # `Bloated Harlow district …` opening a headline: a proper noun
        return (token.pos_ == "PROPN" and (token.is_lower or (
            token.is_sent_start and token.dep_ == "amod"))) or _attributive(token)
    return term.pos == "VERB" and token.pos_ == "ADJ" and bool(_other_lemmas(token))


def _attributive(token: Token) -> bool:
    """A word tagged a noun that modifies a noun later in its phrase, as an adjective does
    (the small model tags `a savage fee hike` and `a paltry $40,000 fine` so; in lower case
    also before a name: `the toothless Harbour Authority`), or that stands between an
    article and an amount (`a paltry $5 million`)."""
    if token.pos_ != "NOUN":
        return False
    if token.dep_ in ("compound", "nmod", "amod") and token.i < token.head.i and (
            token.head.pos_ == "NOUN" or (token.head.pos_ == "PROPN" and token.is_lower)):
        return True
    return 0 < token.i < len(token.doc) - 1 and token.nbor(-1).lower_ in ("a", "an") \
        and (token.nbor().tag_ == "$" or token.nbor().like_num)


def _system_sense(token: Token, term: Term) -> bool:
    return len(term.words) == 1 and token.lemma_.lower() in SYSTEM_SENSE and any(
        child.dep_ == "compound" and child.pos_ == "NOUN" for child in token.children)


def _title_case(sentence: Span) -> bool:
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)


def _lexicon_matches(doc: Doc, lexicon: Lexicon) -> Iterator[_Found]:
    pieces = _pieces(doc)
    k = 0
    while k < len(pieces):
        found = [(end, term) for first in pieces[k].forms
                 for term in lexicon.by_first.get(first, ())
                 if (end := _match(pieces, k, term)) is not None
                 and _pos_fits(doc[pieces[k].token], term)
                 and not _system_sense(doc[pieces[k].token], term)]
        if not found:
            k += 1
            continue
        # the longest match; among equals a written entry before a derived one, then by name,
        # so that the result does not depend on set order (`woke`: `woke` or derived `wake`)
        end, term = max(found, key=lambda match: (match[0], match[1].source != DERIVED_LEXICON,
                                                  match[1].label, match[1].words))
        start_token, end_token = pieces[k].token, pieces[end - 1].token + 1
        if term.label in GROWING_LABELS and len(term.words) == 1:
            end_token = _modified_noun_end(doc[start_token]) or end_token
        yield _Found(start_token, end_token, term.label, term.score, _term_evidence(term),
                     derived=term.source == DERIVED_LEXICON)
        k = end


@cache
def _endings() -> tuple[re.Pattern[str], dict[str, str]]:
    sides = {ending.lower(): side for ending, side in data_rows(ENDINGS)}
    hyphen = f"[{_HYPHENS}]"
    words = "|".join(map(re.escape, sides))
    return re.compile(rf"\b[^\W\d_]+(?:{hyphen}[^\W\d_]+)*{hyphen}({words})\b", re.I), sides


def _ending_matches(doc: Doc) -> Iterator[_Found]:
    """Hyphenated compounds whose ending judges, whatever the word before it (`cash-hungry
    force`, `permit-obsessed`, `union-bashing`): grown to the noun they modify, as a loaded
    adjective is."""
    pattern, sides = _endings()
    label = labels()["loaded"]
    for match in pattern.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        ending = match[1].lower()
        yield _Found(span.start, _modified_noun_end(span[-1]) or span.end, "loaded",
                     label.score, f"{ENDINGS} ending '-{ending}' (side: {sides[ending]}): "
                                  f"{label.explanation}")


def _modified_noun_end(token: Token) -> int | None:
    """`bloody, devastating invasion and occupation`: the token index past the noun (and
    the nouns joined to it) that a loaded adjective modifies, when it follows closely."""
    modifier = token
    while modifier.dep_ == "conj" and modifier.head.pos_ in ("ADJ", "VERB") \
            and modifier.head.i < modifier.i:
        modifier = modifier.head
    noun = modifier.head
    if modifier.dep_ != "amod" or noun.pos_ != "NOUN" \
            or not 0 < noun.i - token.i <= MAX_HEAD_DISTANCE:
        return None
    joined = [c.i for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"
              and c.i - noun.i <= 3]
    return max([noun.i, *joined]) + 1


def _term_evidence(term: Term) -> str:
    note = f", {term.note}" if term.note else ""
    return (f"{term.source} entry {term.entry!r} (side: {term.side}{note}): "
            f"{labels()[term.label].explanation}")


def _attribution_verb_matches(doc: Doc, quotes: Sequence[Quote]) -> Iterator[_Found]:
    """`claimed`, `alleged`, `insisted` (doubt) and `admitted`, `conceded` (concession)
    reporting what someone said: with a clause, or as the verb of a direct quote
    (`maintained a farm`, `claimed responsibility`, `was admitted to hospital` are not)."""
    for token in doc:
        kind = verb_classes().get(token.lemma_.lower()) if token.pos_ == "VERB" else None
        if kind not in VERB_LABELS:
            continue
        reports = any(c.dep_ in CLAUSE_DEPS for c in token.children) \
            or token.dep_ == "parataxis" or _verb_of_quote(token, quotes) \
            or _reports_its_noun(token)
        if reports:
            name = VERB_LABELS[kind]
            label = labels()[name]
            yield _Found(token.i, token.i + 1, name, label.score,
                         f"attribution_verbs.tsv entry {token.lemma_.lower()!r} (class {kind}): "
                         f"{label.explanation}")


def _reports_its_noun(verb: Token) -> bool:
    """`the spiral that campaigners claimed justified …`: a relative clause whose verb has a
    subject and no object reports what is said of its noun, the subject of a later verb
    (not `the attack that the group claimed`, whose `that` is the object)."""
    noun = verb.head
    return verb.dep_ == "relcl" and noun.dep_ in ("nsubj", "nsubjpass") \
        and noun.head.i > verb.i and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ in ("dobj", "attr") for c in verb.children)


def _verb_of_quote(token: Token, quotes: Sequence[Quote]) -> bool:
    sent = token.sent
    return any(q.direct and q.verb == token.lower_ and q.start < sent.end_char
               and sent.start_char < q.end for q in quotes)


# -- scare quotes ---------------------------------------------------------------------------

def _scare_quotes(doc: Doc, quotes: Sequence[Quote]) -> Iterator[tuple[int, int, str]]:
    """Character spans (marks included) of short quoted phrases in the outlet's own voice:
    no speaker, or right after `so-called`."""
    text = text_of(doc)
    spoken = [(q.start, q.end) for q in quotes if q.direct and q.speaker is not None]
    for start, end in quote_spans(text):
        words = _WORD.findall(text[start:end])
        if not 0 < len(words) <= MAX_SCARE_WORDS or _looks_like_title(words):
            continue
        distanced = _DISTANCING_BEFORE.search(text, 0, max(0, start - 1)) is not None
        if distanced or not any(s < end and start < e for s, e in spoken):
            why = "after a distancing marker" if distanced else "no speaker"
            yield (*_with_marks(text, start, end), why)


def _looks_like_title(words: list[str]) -> bool:
    """`“Orange Is the New Black”`: several words, the main ones capitalised."""
    main = [w for w in words if len(w) > 3]
    return len(words) > 1 and bool(main) and all(w[:1].isupper() for w in main)


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    if start > 0 and not text[start - 1].isalnum():
        start -= 1
    if end < len(text) and not text[end].isalnum() and not text[end].isspace():
        end += 1
    return start, end


# -- assembly -------------------------------------------------------------------------------

def find_framing(doc: Doc, quotes: Sequence[Quote], lexicon: Lexicon | None = None,
                 sentences: Sequence[Sentence] = (),
                 words: Sequence[WordScore] = (),
                 loaded_word: float = LOADED_WORD) -> list[FramingSpan]:
    """Framing spans of `doc`, sorted by position; findings inside a direct quote carry the
    label suffix `:quoted` and name the speaker in their evidence.

    A word of the derived lexicon is loaded in BABE's political sentences, not in every
    sense (`flood` of people, not of rain): where `sentences` carry the bias model's
    scores, it counts only in a sentence the model finds opinionated. `words` are the bias
    model's word-piece scores (`bias.score_article`): in an opinionated sentence, a content
    word scored at least `loaded_word` is loaded too, where no lexicon entry found it."""
    written: list[_Found] = []
    derived: list[_Found] = []
    for found in _lexicon_matches(doc, lexicon or shipped_lexicon()):
        (derived if found.derived else written).append(found)
    written += _attribution_verb_matches(doc, quotes)
    written += [f for f in _ending_matches(doc) if not any(_overlaps(f, w) for w in written)]
    derived = [d for found in derived if (d := _in_opinion(doc, found, sentences))]
    derived += _model_words(doc, sentences, words, loaded_word)
    kept = written + [d for d in derived if not any(_overlaps(d, w) for w in written)]
    text = text_of(doc)
    spans = [_span(doc, f, text) for f in kept] + list(_scare_quote_spans(doc, quotes))
    spans = [_in_voice(span, quotes) for span in spans]
    return _merged(sorted(spans, key=lambda s: (s.label, s.start, s.end)))


def _in_opinion(doc: Doc, found: _Found, sentences: Sequence[Sentence]) -> _Found | None:
    """The finding with its sentence's bias score in the evidence, or None when the model
    scored the sentence below `OPINIONATED`; unchanged when the sentence is not scored."""
    start = doc[found.start].idx
    bias = next((s.bias for s in sentences if s.start <= start < s.end), None)
    if bias is None:
        return found
    if bias < OPINIONATED:
        return None
    return replace(found, evidence=f"{found.evidence} (sentence bias {bias:.2f})")


def _model_words(doc: Doc, sentences: Sequence[Sentence], words: Sequence[WordScore],
                 threshold: float) -> Iterator[_Found]:
    """Runs of content words that the bias model's word head scores at least `threshold`
    in sentences it scores at least `OPINIONATED` (a word's score: its best word piece)."""
    label = labels()["loaded"]
    opinion = [s for s in sentences if s.bias is not None and s.bias >= OPINIONATED]
    if not opinion or not words:
        return
    best: dict[int, float] = {}
    tokens = iter(doc)
    token = next(tokens, None)
    for start, end, score in sorted(words):
        while token is not None and token.idx + len(token.text) <= start:
            token = next(tokens, None)
        if token is not None and token.idx < end:
            best[token.i] = max(best.get(token.i, 0.0), score)
    hot = [t.i for t in doc if best.get(t.i, 0.0) >= threshold
           and t.pos_ in MODEL_WORD_POS and t.lower_ not in stopwords()]
    for _, group in groupby(enumerate(hot), key=lambda pair: pair[1] - pair[0]):
        run = [i for _, i in group]  # consecutive tokens
        bias = next((s.bias for s in opinion if s.start <= doc[run[0]].idx < s.end), None)
        if bias is not None:
            score = max(best[i] for i in run)
            yield _Found(run[0], run[-1] + 1, "loaded", round(score, 2),
                         f"bias model word head (trained on BABE's annotated biased words): "
                         f"word score {score:.2f} in a sentence scored {bias:.2f}: "
                         f"{label.explanation}", derived=True)


def _overlaps(a: _Found, b: _Found) -> bool:
    return a.start < b.end and b.start < a.end


def _span(doc: Doc, found: _Found, text: str) -> FramingSpan:
    start = doc[found.start].idx
    last = doc[found.end - 1]
    end = last.idx + len(last.text)
    return FramingSpan(start, end, text[start:end], found.label, found.score, found.evidence)


def _scare_quote_spans(doc: Doc, quotes: Sequence[Quote]) -> Iterator[FramingSpan]:
    label = labels()["scare-quote"]
    text = text_of(doc)
    for start, end, why in _scare_quotes(doc, quotes):
        yield FramingSpan(start, end, text[start:end], "scare-quote", label.score,
                          f"pattern: a phrase of at most {MAX_SCARE_WORDS} words in quotation "
                          f"marks, {why}: {label.explanation}")


def _in_voice(span: FramingSpan, quotes: Sequence[Quote]) -> FramingSpan:
    """The span relabelled `…:quoted` when it lies inside a direct quotation."""
    if span.label == "scare-quote":
        return span
    for quote in quotes:
        if quote.direct and quote.start <= span.start and span.end <= quote.end:
            speaker = quote.speaker or "an unnamed speaker"
            return replace(span, label=span.label + QUOTED,
                           evidence=f"quoted from {speaker}, not the outlet's own words; "
                                    f"{span.evidence}")
    return span


def _merged(spans: list[FramingSpan]) -> list[FramingSpan]:
    """Overlapping spans of one label joined into one (evidence of both kept)."""
    out: list[FramingSpan] = []
    for span in spans:
        last = out[-1] if out else None
        if last is not None and last.label == span.label and span.start < last.end:
            end = max(last.end, span.end)
            evidence = last.evidence if span.evidence in last.evidence \
                else f"{last.evidence} | {span.evidence}"
            text = last.text + span.text[last.end - span.start:] if end > last.end \
                else last.text
            out[-1] = replace(last, end=end, text=text, evidence=evidence,
                              score=max(last.score, span.score))
        else:
            out.append(span)
    return sorted(out, key=lambda s: (s.start, s.end, s.label))


# -- profile --------------------------------------------------------------------------------

class FramingProfile(TypedDict):
    words: int
    own_voice_words: int
    loaded: int
    loaded_per_1000_words: float
    headline_loaded: int
    by_label: dict[str, int]
    quoted_by_label: dict[str, int]
    doubt_verbs: dict[str, int]
    techniques: dict[str, int]
    opinionated_share: float | None
    scored_sentences: int


def base_label(label: str) -> str:
    return label.removesuffix(QUOTED)


def is_quoted(span: FramingSpan) -> bool:
    return span.label.endswith(QUOTED)


def framing_profile(article: Article) -> FramingProfile:
    """Per-article framing figures, comparable across outlets: loaded spans in the outlet's
    own voice per 1,000 of its own words (words outside direct quotes), loaded spans in the
    headline (its own voice; not in the density, which is over the body), counts by label,
    doubt-casting verbs, techniques by count and the share of opinionated sentences (None
    until the sentence-bias model has scored them)."""
    own = [s for s in article.framing if not is_quoted(s)]
    loaded = [s for s in own if s.label in LOADED_LABELS]
    headline = [s for s in article.title_framing if s.label in LOADED_LABELS]
    words = len(_WORD.findall(article.text))
    own_words = words - _quoted_words(article.text, article.quotes)
    scored = [s.bias for s in article.sentences if s.bias is not None]
    return FramingProfile(
        words=words, own_voice_words=own_words, loaded=len(loaded),
        loaded_per_1000_words=round(1000 * len(loaded) / own_words, 2) if own_words else 0.0,
        headline_loaded=len(headline),
        by_label=dict(Counter(s.label for s in own)),
        quoted_by_label=dict(Counter(base_label(s.label) for s in article.framing
                                     if is_quoted(s))),
        doubt_verbs=dict(Counter(s.text.lower() for s in own if s.label == "doubt-verb")),
        techniques=dict(Counter(t.label for t in article.techniques)),
        opinionated_share=round(sum(b >= OPINIONATED for b in scored) / len(scored), 3)
        if scored else None,
        scored_sentences=len(scored))


def _quoted_words(text: str, quotes: Sequence[Quote]) -> int:
    """Words inside direct quotes (overlapping quotes counted once)."""
    covered: list[tuple[int, int]] = []
    for start, end in sorted((q.start, q.end) for q in quotes if q.direct):
        if covered and start <= covered[-1][1]:
            covered[-1] = (covered[-1][0], max(covered[-1][1], end))
        else:
            covered.append((start, end))
    return sum(len(_WORD.findall(text[start:end])) for start, end in covered)
