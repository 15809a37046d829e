"""Quotes and their speakers.

Direct quotes are found by their quotation marks (curly, straight and single; a quote may
run to the end of its paragraph without a closing mark and go on in the next paragraph).
Each is attributed to the subject of the nearest attribution verb in its sentences
(`“…,” he said`, `said X`, `X said: “…”`); a quote with no verb of its own continues the
quote before it (`“…,” he said. “…”`). Indirect speech is found in the parse: an
attribution verb with a clausal complement (`X said that …`, `…, X said.`) or an
`according to X` phrase. Speakers are resolved to the fullest name the article uses, keep
their role, and are typed named / organization / unnamed / anonymous / unknown. With the
trained attribution tagger (`newsprism.analyze.attribution`) its relations replace the
indirect-speech rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.attribution import Attribution
from newsprism.analyze.entities import (
    GROUP_LABELS,
    after_portfolio,
    canonical_names,
    source_words,
    surface,
    titles,
)
from newsprism.analyze.nlp import ents_of, text_of
from newsprism.clean.lines import dateline_end
from newsprism.datafiles import data_rows
from newsprism.model import Quote, SpeakerType

MAX_SPEAKER_TOKENS = 16
MIN_UNATTRIBUTED_WORDS = 5
ANTECEDENT_WINDOW = 60  # tokens back to look for what `it` refers to
_WORDS_ONLY = re.compile(r"[^\w'’]+")
OBJECT_CUE_SHARE = 0.6
INFINITIVE_SPEECH = frozenset({"urge", "ask", "tell", "call", "propose", "agree", "warn",
                               "promise", "vow", "pledge", "threaten", "demand", "refuse"})
# verbs of a source's estimate of a quantity (see `_estimates`)
ESTIMATE_VERBS = frozenset({"put", "peg", "place"})
_NAME = r"[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3}"
_SIGNED = re.compile(rf"[”\"’]?[ \t]*[―—–-]+[ \t]*(?P<name>{_NAME})")
_TRANSCRIPT = re.compile(rf"^(?P<name>{_NAME}):[ \t]+(?P<said>[^\n]*\w[^\n]*)", re.M)
PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "i", "we"})
# Words that stand for some of a group just mentioned (`Parents were unconvinced. Many said`).
_QUANTIFIERS = frozenset({"many", "some", "others", "most", "several", "few", "both", "all"})
_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"', "«": "»", "'": "'"}
_SUBJECTS = ("nsubj", "nsubjpass")
# what a source asked for, not what it said (`asked not to be named`)
_ANONYMITY = re.compile(r"(?:not\s+)?to\s+(?:be\s+(?:named|identified)|remain\s+anonymous)\b",
                        re.I)
# Passive verbs whose subject is the speaker (`she was quoted as saying`).
_QUOTED_VERBS = frozenset({"quote", "cite"})
_CONDITION = re.compile(r"\bcondition\s+(?:that\s+)?$", re.IGNORECASE)
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Verbs whose passive subject is who was addressed, not who spoke (`they were told that …`).
_TOLD_VERBS = frozenset({"tell", "ask", "inform", "assure", "warn", "remind", "advise",
                         "notify", "brief", "promise", "urge", "reassure"})
_GROUPINGS = frozenset({"group", "handful", "number", "crowd", "couple", "pair", "dozen",
                        "band", "majority", "minority", "few", "some", "many", "most"})
_GENDERED = {  # words that tell a name is not what `he` (or `she`) refers to
    "he": frozenset({"husband", "son", "father", "brother", "grandson", "grandfather",
                     "uncle", "nephew", "boyfriend", "mr", "sir", "man", "boy"}),
    "she": frozenset({"wife", "daughter", "mother", "sister", "granddaughter", "grandmother",
                      "aunt", "niece", "girlfriend", "mrs", "ms", "miss", "woman", "girl"}),
}
_LISTS = ("playlist", "checklist", "shortlist", "wishlist", "blacklist", "waitlist",
          "watchlist", "whitelist")


@cache
def _written_classes() -> dict[str, str]:
    """The project's own table of attribution verbs (`data/attribution_verbs.tsv`)."""
    return {lemma: kind for lemma, kind in data_rows("attribution_verbs.tsv")}


@cache
def cue_shares() -> dict[str, float]:
    """Derived cue verb → the share of its uses PolNeAR train marks as an attribution cue."""
    return {lemma: int(cued) / int(seen) for lemma, cued, seen in data_rows("cue_verbs.tsv")}


@cache
def verb_classes() -> dict[str, str]:
    """Attribution verb lemma → class: `data/attribution_verbs.tsv`, plus the cue verbs
    derived from PolNeAR train (`data/cue_verbs.tsv`) as `neutral`."""
    classes = dict.fromkeys(cue_shares(), "neutral")
    classes.update(_written_classes())
    return classes


@cache
def procedural_verbs() -> frozenset[str]:
    return frozenset(row[0] for row in data_rows("procedural_verbs.txt"))


def _not_speech(doc: Doc, verb: Token | None, start: int, end: int) -> bool:
    """Whether the verb reports no speech: a verb of a procedural act with something other
    than a clause (`proposed an amendment that …`, `voted to grant a permit`), a negated
    verb with no verb in what it reports (`has not said a word since`), or a participle
    that names a noun (`a trader called Castmere Solvents`), or the terms on which a
    source spoke (`on condition that she not be named`)."""
    if _CONDITION.search(text_of(doc), 0, start):
        return True  # `who spoke on condition that she not be named`: terms, not speech
    if verb is None:
        return False
    content = doc.char_span(start, end, alignment_mode="expand")
    if content is None:
        return False
    if any(child.dep_ == "neg" for child in verb.children):
        return not any(t.pos_ in ("VERB", "AUX") for t in content)
    if verb.dep_ == "acl" and any(child.dep_ == "oprd" for child in verb.children):
        return True  # a name, not speech: `an overseas trader called Castmere Solvents`
    return verb.lemma_.lower() in procedural_verbs() and content.root.dep_ != "ccomp"


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    kind: SpeakerType
    role: str | None = None
    start: int | None = None
    end: int | None = None


NO_SPEAKER = Speaker(None, "unknown")


# -- direct quotes by their marks ----------------------------------------------------------

def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted text (marks excluded), paragraph by paragraph."""
    spans = []
    offset = 0
    for paragraph in text.split("\n"):
        spans += [(offset + start, offset + end) for start, end in _paragraph_quotes(paragraph)]
        offset += len(paragraph) + 1
    return [(start, end) for start, end in spans if text[start:end].strip()]


def _paragraph_quotes(paragraph: str) -> Iterator[tuple[int, int]]:
    i = 0
    while i < len(paragraph):
        mark = paragraph[i]
        if mark in _OPEN_CLOSE and _opens(paragraph, i):
            close = _closing(paragraph, i + 1, _OPEN_CLOSE[mark])
            yield _trim(paragraph, i + 1, close)
            i = close + 1
        else:
            i += 1


def _opens(paragraph: str, i: int) -> bool:
    """A single quote or apostrophe opens a quote only at the start of a word."""
    if paragraph[i] not in "‘'":
        return paragraph[i] != "”"
    before = paragraph[i - 1] if i else " "
    return not before.isalnum() and i + 1 < len(paragraph) and paragraph[i + 1].isalpha()


def _closing(paragraph: str, start: int, close: str) -> int:
    """Index of the closing mark, or the paragraph's end when the quote runs on. A single
    mark closes only where it cannot be an apostrophe (`don't`; `the farmers' wells`)."""
    for j in range(start, len(paragraph)):
        after = paragraph[j + 1] if j + 1 < len(paragraph) else " "
        if paragraph[j] == close and (close not in "’'" or not after.isalpha()) \
                and (close != "'" or paragraph[j - 1] != "s" or not after.isspace()):
            return j
    return len(paragraph)


def _trim(paragraph: str, start: int, end: int) -> tuple[int, int]:
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1] in " ,":
        end -= 1
    return start, end


# -- attribution --------------------------------------------------------------------------

def find_quotes(doc: Doc, attributions: Sequence[Attribution] = ()) -> list[Quote]:
    """Direct and indirect quotes of `doc`, each with its speaker and attribution verb.

    Without `attributions` the rules alone find them. With the trained tagger's relations
    (`newsprism.analyze.attribution`), those relations are the quotes (a relation with no
    source of its own takes the speaker of the direct quote it overlaps; one left with
    neither a speaker nor an attribution verb is dropped), and the rules add
    only the direct quotes the tagger missed and the quoted fragments inside its contents."""
    names = canonical_names(doc)
    direct = [found.quote for found in _direct_quotes(doc, names)]
    if attributions:
        tagged = [_with_speaker(quote, direct) for relation in attributions
                  if (quote := _tagged_quote(doc, relation, names)) is not None]
        # neither a speaker nor an attribution verb: no one is reported (`the talks stalled
        # over the price of …`)
        tagged = [quote for quote in tagged if quote.speaker or quote.verb_class]
        found = tagged + [quote for quote in direct
                          if _inside(quote, tagged) or not _overlaps(quote, tagged)]
        found += [quote for quote in _reported_clauses(doc, names)
                  if not _overlaps(quote, [other for other in found
                                           if not _nested(other, quote)])]
    else:
        covered = [(quote.start, quote.end) for quote in direct]
        found = direct + [quote for quote in _indirect_quotes(doc, names)
                          if _covered_share(quote, covered) < 0.5]
    roles = person_roles(doc, names)
    quotes = sorted(found, key=lambda q: q.start)
    return [replace(quote, speaker_role=quote.speaker_role or roles.get(quote.speaker or ""))
            if quote.speaker_type == "named" else quote for quote in _carry_anonymity(quotes)]


def _with_speaker(quote: Quote, direct: list[Quote]) -> Quote:
    """A tagged quote with no speaker takes those of the direct quote it overlaps."""
    if quote.speaker is not None:
        return quote
    for other in direct:
        if other.speaker is not None and _overlaps(quote, [other]):
            return replace(quote, speaker=other.speaker, speaker_type=other.speaker_type,
                           speaker_role=other.speaker_role, speaker_start=other.speaker_start,
                           speaker_end=other.speaker_end, verb=quote.verb or other.verb,
                           verb_class=quote.verb_class or other.verb_class)
    return quote


def _reported_clauses(doc: Doc, names: dict[str, str]) -> Iterator[Quote]:
    """`X said (that) …`: a full clause with its own subject after an attribution verb with
    a subject before it. The plainest report, which the tagger can miss when the clause
    holds reports of its own (`A party official said the polling had shown …`); and a
    source's estimate of a quantity (`Organisers put the figure far higher`), which the
    tagger seldom marks."""
    for verb in doc:
        estimate = _estimates(verb)
        subject = _subject(verb) if estimate or _is_attribution(verb) else None
        if subject is None or subject.i > verb.i or (not estimate and not any(
                child.dep_ == "ccomp" and child.i > verb.i
                and any(grand.dep_ in _SUBJECTS for grand in child.children)
                for child in verb.children)):
            continue
        if (content := _content(verb)) is not None:
            yield _make_quote(doc, *content, resolve_speaker(doc, subject, names), verb,
                              direct=False)


def _nested(inner: Quote, outer: Quote) -> bool:
    """Whether `inner` is a report inside `outer`'s content by another verb (`said the
    polling had shown …`), as PolNeAR nests them."""
    return outer.start <= inner.start and inner.end <= outer.end and inner.verb != outer.verb


def _inside(quote: Quote, others: list[Quote]) -> bool:
    """Whether `quote` is a fragment quoted inside one of `others` (`the city was “ready”`)."""
    return any(other.start <= quote.start and quote.end <= other.end
               and quote.end - quote.start < other.end - other.start for other in others)


def _overlaps(quote: Quote, others: list[Quote]) -> bool:
    """Whether half of `quote` or of one of `others` lies inside the other."""
    for other in others:
        common = min(quote.end, other.end) - max(quote.start, other.start)
        if common > 0 and 2 * common >= min(quote.end - quote.start, other.end - other.start):
            return True
    return False


def _tagged_quote(doc: Doc, found: Attribution, names: dict[str, str]) -> Quote | None:
    """A quote from a tagged relation: the source's head resolved like a verb's subject;
    with no source, the subject of the cue's verb. A leading `that` is left out, as the
    rules leave it out. None for an act or a denial, not speech (`filed a motion`, `has not
    said a word`)."""
    verb = _cue_verb(doc, found.cue)
    if verb is not None and _part_of_name(verb):
        return None  # a name read as a cue (`sending Governor Jane Stavely a plan`)
    reporting = _reporting_verb(doc, found.content)
    if reporting is not None and reporting != verb \
            and (verb is None or verb not in reporting.ancestors):
        # the content is the reported clause of an attribution verb outside the tagged cue's
        # reach (`… and the company never ran a test, a person familiar with it told X`,
        # tagged with `an overseas trader called Y`): that verb and its subject report it
        verb, found = reporting, replace(found, source=None)
    subject = _subject(verb) if verb is not None else None
    content = doc.char_span(*found.content, alignment_mode="expand")
    if (content is not None and subject is not None and content.root.dep_ == "relcl"
            and content.root.head in subject.subtree) \
            or _ANONYMITY.match(text_of(doc), found.content[0]):
        return None  # the speaker's own description (`a person …, who asked not to be named,`)
    if found.source is not None:
        source = doc.char_span(*found.source, alignment_mode="expand")
        head = _whole_source(source.root, subject) if source is not None else None
        if head is not None and subject is not None and verb is not None \
                and head.i > verb.i and any(child.dep_ == "ccomp" and head in child.subtree
                                            for child in verb.children):
            # a name in the reported clause: `X said Vellacom's directors had …`, `Two
            # officials … said the price was settled after Saltmere warned …`
            head = subject
        noun = head
        while noun is not None and noun.dep_ == "compound":
            noun = noun.head
        if noun is not None and subject is not None and noun.dep_ == "pobj" \
                and noun.head.lower_ not in ("by", "from"):
            head = subject  # `… has gone to court, claiming that …`: not the court
        if verb is not None and verb.dep_ == "relcl" and subject is not None \
                and (subject == verb.head or head == verb.head
                     or (head is not None and head.tag_ in ("WDT", "WP") and head.head == verb)):
            # `… handing a victory to farmers who said …`: the farmers; `a poll that critics
            # say relied on …`, `a site that campaigners had warned was …`: the critics and
            # the campaigners, not the poll or `that`
            head = subject
        if noun is not None and noun.dep_ == "nsubjpass" and noun.head == verb \
                and _passive_hearer(verb):
            # `residents were told by the council`: the council, if named; `the governor is
            # expected to sign`: others expect it
            head = subject
        speaker = resolve_speaker(doc, head, names) if head is not None else NO_SPEAKER
    else:
        speaker = resolve_speaker(doc, subject, names) if verb is not None else NO_SPEAKER
    start, end = found.content
    text = text_of(doc)
    if text.startswith("that ", start) and end - start > 5:  # `said that …`: the clause
        start += 5
    if dateline_end(text, start) >= end:
        return None  # nothing but a dateline (`WASHINGTON –`) was tagged
    direct = text[max(0, start - 1):start + 1].strip()[:1] in _OPEN_CLOSE
    if not direct and _not_speech(doc, verb, start, end):
        return None
    return _make_quote(doc, start, end, speaker, verb, direct=direct)


def _part_of_name(token: Token) -> bool:
    """Whether a cue word is part of a name (`Stavely` of `Corinna Stavely`, which the
    tagger took for a verb in -ly)."""
    if token.pos_ in ("VERB", "AUX") or not token.is_title or token.is_sent_start:
        return False
    return token.ent_type_ in _NAMED or token.nbor(-1).ent_type_ == "PERSON"


def _whole_source(head: Token, subject: Token | None) -> Token:
    """The cue verb's subject when the tagged source is only a part of it (`at the
    Institute` of `Researchers at the Institute warned`, `to` of `An engineer, who asked not
    to be named, said`) or when it ran on over the verb (`An aide, who asked not to be named,
    said the vote`) or named right after it (`The watchdog's chair, Miriam Stroud, said`,
    parsed with the name as the subject), else the source's own head."""
    if subject is not None and head != subject \
            and (subject.left_edge.i <= head.i <= subject.right_edge.i
                 or head.pos_ in ("VERB", "AUX") or _named_after(head, subject)):
        return subject
    return head


def _named_after(head: Token, subject: Token) -> bool:
    """Whether `subject` is a person's name set off by a comma right after `head`'s phrase."""
    comma = head.right_edge.i + 1
    return subject.ent_type_ == "PERSON" and comma < len(head.doc) \
        and head.doc[comma].text == "," and subject.left_edge.i == comma + 1


def _reporting_verb(doc: Doc, content: tuple[int, int]) -> Token | None:
    """The attribution verb whose reported clause (`ccomp`) the content is, if any."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    return root.head if root.dep_ == "ccomp" and _is_attribution(root.head) else None


def _cue_verb(doc: Doc, cue: tuple[int, int] | None) -> Token | None:
    """The main verb of a cue span (`said`, `has argued` → `argued`, `according to` →
    `according`), else its head word (`are convinced` → `convinced`, `fear`)."""
    span = doc.char_span(*cue, alignment_mode="expand") if cue is not None else None
    if span is None or not len(span):
        return None
    if span[0].lower_ == "according":
        return span[0]
    verbs = [token for token in span if token.pos_ == "VERB"]
    return verbs[0] if verbs else span.root


def _carry_anonymity(quotes: list[Quote]) -> list[Quote]:
    """`the officials` after `two officials who did not want to be identified` are anonymous."""
    anonymous_heads: set[str] = set()
    carried = []
    for quote in quotes:
        words = (quote.speaker or "").lower().split()
        if quote.speaker_type == "anonymous":
            anonymous_heads |= set(words)
        elif quote.speaker_type == "unnamed" and words and words[0] in ("the", "one", "both") \
                and words[-1] in anonymous_heads:
            quote = replace(quote, speaker_type="anonymous")
        carried.append(quote)
    return carried


@dataclass(frozen=True, slots=True)
class _Attributed:
    quote: Quote
    verb_index: int | None


def _direct_quotes(doc: Doc, names: dict[str, str]) -> list[_Attributed]:
    spans = quote_spans(text_of(doc))
    found: list[_Attributed] = []
    for start, end in spans:
        verb = _attribution_verb(doc, start, end, spans)
        signed = _signature(doc, end, names)
        if verb is not None:
            speaker = resolve_speaker(doc, _subject(verb), names)
        elif signed is not None:
            speaker = signed
        elif found and _continues(doc, found[-1].quote, start):
            previous = found[-1].quote
            speaker = Speaker(previous.speaker, previous.speaker_type, previous.speaker_role)
            verb = doc[found[-1].verb_index] if found[-1].verb_index is not None else None
        elif len(text_of(doc)[start:end].split()) < MIN_UNATTRIBUTED_WORDS:
            continue  # a scare quote or a title, not speech: framing deals with it
        elif (introduced := _introduced(doc, start)) is not None:
            speaker = resolve_speaker(doc, introduced, names)
        else:
            speaker = NO_SPEAKER
        found.append(_Attributed(_make_quote(doc, start, end, speaker, verb, direct=True),
                                 verb.i if verb is not None else None))
    return found + _transcript_quotes(doc, names, spans)


def _introduced(doc: Doc, start: int) -> Token | None:
    """The one person a paragraph introduces as a subject before a quote with no
    attribution (`In Orlach, Josef Ambrin, a baker, stood beside the block. “They sold …”`)."""
    text = text_of(doc)
    opening = text.rfind("\n\n", 0, start) + 2 if "\n\n" in text[:start] else 0
    if quote_spans(text[opening:start]):
        return None  # the paragraph quotes someone before: no longer an introduction
    people = [ent for ent in ents_of(doc) if ent.label_ == "PERSON"
              and opening <= ent.start_char and ent.end_char <= start]
    if len({ent.text for ent in people}) != 1:
        return None
    head = people[0].root
    while head.dep_ in ("appos", "compound", "flat") and head.head != head:
        head = head.head
    return head if head.dep_ == "nsubj" else None


def _signature(doc: Doc, end: int, names: dict[str, str]) -> Speaker | None:
    """`“…” ― Martha Aguilar`: a name after a dash right behind the closing mark."""
    found = _SIGNED.match(text_of(doc), end)
    if found is None:
        return None
    name = found["name"]
    return Speaker(names.get(name, name), "named", None, found.start("name"), found.end("name"))


def _transcript_quotes(doc: Doc, names: dict[str, str],
                       spans: list[tuple[int, int]]) -> list[_Attributed]:
    """`WALLACE: Let’s start …`: a paragraph opened by a speaker's name and a colon."""
    found = []
    for match in _TRANSCRIPT.finditer(text_of(doc)):
        start, end = match.start("said"), match.end("said")
        if any(s < end and start < e for s, e in spans):
            continue
        name = match["name"].title() if match["name"].isupper() else match["name"]
        speaker = Speaker(names.get(name, name), "named", None, match.start("name"),
                          match.end("name"))
        found.append(_Attributed(_make_quote(doc, start, end, speaker, None, direct=True), None))
    return found


def _attribution_verb(doc: Doc, start: int, end: int,
                      spans: list[tuple[int, int]]) -> Token | None:
    """The attribution verb the quote depends on (`insisted the cuts had “no bearing”`),
    else the one nearest the quote in its sentences, outside every quote."""
    region = _sentences_around(doc, start, end)
    verbs = [token for token in region if _is_attribution(token)
             and not any(s <= token.idx < e for s, e in spans)
             and _subject(token) is not None]
    quoted = doc.char_span(start, end, alignment_mode="expand")
    governing = [verb for verb in verbs if quoted is not None and verb.is_ancestor(quoted.root)]
    return min(governing or verbs, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)),
               default=None)


def _sentences_around(doc: Doc, start: int, end: int) -> Span:
    """The sentences the quote overlaps, plus the one before when that ends with a colon."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc[0:0]
    first, last = span[0].sent, span[-1].sent
    if first.start > 0:
        before = doc[first.start - 1].sent
        if before.text.rstrip().endswith(":"):
            first = before
    return doc[first.start:last.end]


def _continues(doc: Doc, previous: Quote, start: int) -> bool:
    """Whether a quote goes on from the previous one: same or next paragraph, a few words
    between them and no other person named there."""
    between = text_of(doc)[previous.end:start]
    return between.count("\n\n") <= 1 and len(between) < 120 and not any(
        ent.label_ == "PERSON" and previous.end <= ent.start_char < start
        and ent.text.split()[-1] not in (previous.speaker or "") for ent in ents_of(doc))


def _is_attribution(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verb_classes()


def _passive_hearer(verb: Token) -> bool:
    """Whether a passive verb's subject is not who spoke: who was told, or whom others speak
    of (`she is expected to sign`); not `she was quoted as saying`."""
    lemma = verb.lemma_.lower()
    return lemma in _TOLD_VERBS or (_is_attribution(verb) and lemma not in _QUOTED_VERBS)


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for `farmers who said`, the noun the relative clause is about."""
    for child in verb.children:
        if child.dep_ == "nsubjpass" and _passive_hearer(verb):
            # `they had been told that …`: the subject heard it; `she is expected to sign`:
            # others expect it; the speaker is the agent, if named
            return next((o for by in verb.children if by.dep_ == "agent"
                         for o in by.children if o.dep_ == "pobj"), None)
        if child.dep_ in _SUBJECTS:
            relative = child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl"
            return verb.head if relative else child
    for child in verb.children:  # a name in -ly parsed as an adverb: `Amara Quistly claimed`
        if child.dep_ == "advmod" and child.ent_type_ == "PERSON" and child.i < verb.i:
            return child
    gerund = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if (verb.dep_ in ("conj", "xcomp") or gerund) and verb.head.pos_ in ("VERB", "AUX"):
        outer = verb.head.head
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and _is_attribution(outer) \
                and not _is_attribution(verb.head):
            # `X warned that the board had failed and called for …`: the parse hangs the
            # second verb on the reported clause, but X did the calling
            return _subject(outer)
        return _subject(verb.head)
    return None


def _covered_share(quote: Quote, spans: list[tuple[int, int]]) -> float:
    """How much of a reported clause is direct quotation already (`“…,” she said`)."""
    inside = sum(max(0, min(end, quote.end) - max(start, quote.start)) for start, end in spans)
    return inside / max(1, quote.end - quote.start)


def _indirect_quotes(doc: Doc, names: dict[str, str]) -> Iterator[Quote]:
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) \
                and token.nbor(1).lower_ == "to":
            yield from _according_to(doc, token, names)
        elif (_is_attribution(token) or _estimates(token)) and _subject(token) is not None:
            content = _content(token)
            if content is not None:
                speaker = resolve_speaker(doc, _subject(token), names)
                yield _make_quote(doc, content[0], content[1], speaker, token, direct=False)


def _content(verb: Token) -> tuple[int, int] | None:
    """Character span of what an attribution verb reports, when it reports a clause."""
    written = _written_classes().get(verb.lemma_.lower())
    # `X urged them to …`, `X vowed to …`: an infinitive reports speech only after a verb of
    # asking or promising; for every other verb only a full clause does
    takes = ("ccomp", "xcomp") if verb.lemma_.lower() in INFINITIVE_SPEECH - procedural_verbs() \
        and verb.dep_ != "relcl" else ("ccomp",)
    clauses = [child for child in verb.children if child.dep_ in takes]
    if not clauses:  # `said in a statement that …`: the clause hangs on the noun
        clauses = [t.head for t in verb.subtree if t.dep_ == "mark" and t.lower_ == "that"
                   and t.head.pos_ in ("VERB", "AUX") and t.head != verb]
    own_subject = any(child.dep_ in _SUBJECTS for child in verb.children)
    if _estimates(verb):  # `Police put the crowd at 12,000`
        tokens = [t for child in verb.children if child.i > verb.i
                  and child.dep_ not in ("advcl", "punct", "cc", "conj") for t in child.subtree]
    elif clauses:
        tokens = list(clauses[0].subtree)
    elif own_subject and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        own = {t.i for t in verb.subtree}  # `…, the officials said.`
        tokens = [t for t in verb.head.subtree if t.i not in own and t.sent == verb.sent]
    elif _reports_object(verb, written) \
            and any(child.dep_ in ("dobj", "prep") for child in verb.children):
        tokens = [t for t in verb.subtree if t.i > verb.i]  # `accusing X of …`
    else:
        return None
    while tokens and (tokens[0].lower_ == "that" and tokens[0].dep_ == "mark"):
        tokens = tokens[1:]
    tokens = sorted((t for t in tokens if t != verb and not t.is_space
                     and (not t.is_punct or t.text in "%$")), key=lambda t: t.i)
    if len(tokens) < 3:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _estimates(verb: Token) -> bool:
    """A source's estimate of a quantity (`Police put the crowd at 12,000`, `Analysts pegged
    the cost at $2 billion`, `Organisers put the figure far higher`): `put`, `peg` or
    `place` with an object and a number after `at`, or a comparison."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ESTIMATE_VERBS \
            or not any(child.dep_ == "dobj" for child in verb.children):
        return False
    return any((child.dep_ == "prep" and child.lower_ == "at"
                and any(t.like_num for t in child.subtree))
               or (child.dep_ == "advmod" and child.tag_ in ("RBR", "JJR"))
               for child in verb.children)


def _reports_object(verb: Token, written: str | None) -> bool:
    """Whether what follows the verb reports speech (`accused X of …`, `cited X`,
    `railed against X`): verbs of our table that report, and verbs PolNeAR's annotators
    take for attribution cues most of the time."""
    lemma = verb.lemma_.lower()
    if verb.dep_ == "relcl" or any(child.dep_ == "neg" for child in verb.children) \
            or lemma in procedural_verbs():
        return False
    if written is not None:
        return written in ("accusation", "doubt", "neutral")
    return cue_shares().get(lemma, 0.0) >= OBJECT_CUE_SHARE


def _according_to(doc: Doc, according: Token, names: dict[str, str]) -> Iterator[Quote]:
    objects = [child for child in according.nbor(1).children if child.dep_ == "pobj"]
    if not objects:
        return
    sentence = according.sent
    phrase = {t.i for t in objects[0].subtree} | {according.i, according.i + 1}
    tokens = [t for t in sentence if t.i not in phrase and not t.is_punct and not t.is_space]
    if len(tokens) >= 3:
        speaker = resolve_speaker(doc, objects[0], names)
        yield _make_quote(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), speaker,
                          according, direct=False)


def _make_quote(doc: Doc, start: int, end: int, speaker: Speaker, verb: Token | None,
                direct: bool) -> Quote:
    lemma = verb.lemma_.lower() if verb is not None else None
    text = text_of(doc)
    if not direct and (start == 0 or text[start - 1] == "\n"):
        start = dateline_end(text, start)  # not `LONDON (Wirepress) - Rail fares …`
    return Quote(start=start, end=end, text=text[start:end], speaker=speaker.name,
                 speaker_type=speaker.kind, verb=verb.text.lower() if verb is not None else None,
                 direct=direct, verb_class=verb_classes().get(lemma or ""),
                 speaker_role=speaker.role, speaker_start=speaker.start,
                 speaker_end=speaker.end)


# -- speakers -------------------------------------------------------------------------------

def resolve_speaker(doc: Doc, head: Token | None, names: dict[str, str]) -> Speaker:
    """Who `head` (the subject of an attribution verb) is, and what kind of source."""
    if head is None:
        return NO_SPEAKER
    mention = _mention(head)
    start, end = mention[0].idx, mention[-1].idx + len(mention[-1].text)
    person = _entity_in(mention, {"PERSON"}) or _titled_name(mention)
    if person is not None and _is_source(person, head, mention):
        return Speaker(names.get(surface(person), surface(person)), "named",
                       _role(head, mention, person), start, end)
    if head.lower_ in PRONOUNS or (head.lower_ in _QUANTIFIERS and not list(head.children)):
        return _antecedent(doc, head, names, start, end)
    if head.lower_ == "it":
        return _organization_antecedent(doc, head, names, start, end)
    known = _known_person(head, names)
    if known is not None:
        return Speaker(known, "named", _apposition(head), start, end)
    company = _known_organization(head, names)
    if company is not None:
        return Speaker(company, "organization", None, start, end)
    kind = _source_kind(mention)
    group = _entity_in(mention, GROUP_LABELS)
    if kind == "organization" or (group is not None and kind == "unknown"):
        covers_head = group is not None and group.start <= head.i < group.end
        name = names.get(surface(group), surface(group)) if covers_head and group is not None \
            else _text(mention)
        return Speaker(name, "organization", None, start, end)
    titled = _titled_person(doc, head, names)
    if titled is not None:
        return Speaker(titled, "named", _text(mention), start, end)
    return Speaker(_text(mention), kind, None, start, end)


def _titled_name(mention: Span) -> Span | None:
    """`Councillor Jan Meyer` tagged as an organisation: a title, then capitalised names."""
    group = _entity_in(mention, GROUP_LABELS)
    if group is None or len(group) < 2 or group[0].lower_.rstrip(".") not in titles():
        return None
    rest = group[1:]
    return rest if all(t.text[:1].isupper() for t in rest) else None


def _known_person(head: Token, names: dict[str, str]) -> str | None:
    """A proper name the parser did not tag, matching a person the article names elsewhere."""
    if not head.text[:1].isupper() or head.ent_type_:
        return None
    people = {names.get(surface(ent), surface(ent)) for ent in ents_of(head.doc)
              if ent.label_ == "PERSON"}
    found = {name for name in people if name.split()[-1] == head.text}
    return found.pop() if len(found) == 1 else None


def _known_organization(head: Token, names: dict[str, str]) -> str | None:
    """A lone proper name the parser did not tag from an organisation's name the article
    gives in full (`Northcastle said` after `Northcastle Freight`), not its last word."""
    if not head.text[:1].isupper() or head.pos_ != "PROPN":
        return None
    found = {names.get(surface(ent), surface(ent)) for ent in ents_of(head.doc)
             if ent.label_ == "ORG" and head.text in (t.text for t in ent[:-1])}
    return found.pop() if len(found) == 1 else None


def _mention(head: Token) -> Span:
    """The words naming a source: `head`'s phrase, without a relative clause that reports
    what the source said (`farmers who said the project would …` → `farmers`)."""
    reported = {t.i for c in head.children if c.dep_ == "relcl" and _is_attribution(c)
                and any(g.dep_ == "ccomp" for g in c.children) for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in reported]
    if len(tokens) > MAX_SPEAKER_TOKENS:
        tokens = [t for t in tokens if t.i <= head.i or t.i - head.i < MAX_SPEAKER_TOKENS // 2]
    first, last = tokens[0].i, tokens[-1].i
    while last > first and head.doc[last].is_punct:
        last -= 1
    after = head.doc[last + 1] if last + 1 < len(head.doc) else None
    if last == head.i and after is not None and after.ent_type_ == "PERSON" \
            and after.ent_iob_ == "B" and _person_noun(head):
        last += 1  # `Opposition leader Amara Quistly`, the name parsed apart
    for ent in ents_of(head.doc):  # a name the parse split across tokens stays whole
        if ent.start <= last and first < ent.end:
            first, last = min(first, ent.start), max(last, ent.end - 1)
    return head.doc[first:last + 1]


def _names(person: Span, head: Token) -> bool:
    """Whether `person` names the source `head` itself, or in apposition (`The union's
    president, Bettina Szarka`), rather than qualifying it (`a Vantor engineer`, `the
    mother of Jane Doe`, `a spokesman for Commissioner Julian Stroud`)."""
    # a name after a preposition qualifies the source, whatever the parse (`a spokesman for
    # Commissioner Julian Stroud`), unless a comma sets it off as an apposition (`Open Water
    # Aid's head of mission, Maud Kestleven,`)
    between = person.doc[head.i + 1:person.start]
    set_off = len(between) > 0 and between[-1].text == ","
    token = person.root
    while token.i != head.i and token.head != token:
        if token.dep_ in ("appos", "flat", "conj"):
            token = token.head
        elif set_off and token.dep_ == "pobj" and token.pos_ == "PROPN" \
                and token.head.lower_ == "of":
            # a name is no apposition of an organisation's: `The rector of the University
            # of Brennick, Eamon Halloran,` parsed as the University's
            token = token.head.head
        else:
            break
    return person.start <= head.i < person.end or (
        token.i == head.i and (set_off or not any(t.pos_ == "ADP" for t in between)))


def _is_source(person: Span, head: Token, mention: Span) -> bool:
    """Whether the person the mention holds is the source itself: not a company the tagger
    took for a person (`Brunnfeld Pharma`, `the watchdog Fair Ballot Veltmark`), nor a name
    that qualifies the source (`a Vantor engineer`)."""
    organizations = source_words()["organization"]
    before = person.doc[person.start - 1] if person.start else None
    if person[-1].lower_ in organizations or (
            before is not None and before.is_lower and before.text in organizations):
        return False
    return _names(person, head) or _titled_lead(person, mention)


def _titled_lead(person: Span, mention: Span) -> bool:
    """Whether the name ends the mention or a comma follows it, and the words before it are
    a role, not another name or a phrase it qualifies (`Chief Executive Magnus Ferreday,
    whose salary …`, `Opposition leader Amara Quistly`, whatever the parse; not `a Vantor
    engineer`, `the mother of Jane Doe`); a capitalised title may carry its portfolio
    (`Minister for Coastal Communities Pall Ravndal`)."""
    doc = mention.doc
    before = list(doc[mention.start:person.start])
    portfolio = next((i for i, t in enumerate(before) if after_portfolio(t)), None)
    if portfolio is not None and portfolio >= 2 \
            and all(t.pos_ == "PROPN" for t in before[portfolio:]):
        before = before[:portfolio - 1]
    return all(t.lower_.rstrip(".") in titles() or t.pos_ not in ("ADP", "PROPN", "PUNCT")
               for t in before) and (person.end == mention.end or doc[person.end].text == ",")


def _entity_in(mention: Span, labels: frozenset[str] | set[str]) -> Span | None:
    """The entity of `labels` in the mention: the one holding its head, else the last."""
    found = [ent for ent in ents_of(mention.doc) if ent.label_ in labels
             and mention.start <= ent.start and ent.end <= mention.end]
    holding = [ent for ent in found if ent.start <= mention.root.i < ent.end]
    candidates = holding or found
    return candidates[-1] if candidates else None


def _role(head: Token, mention: Span, person: Span) -> str | None:
    """Words before the name in the mention (`Defense Secretary`), else its apposition."""
    before = list(mention.doc[mention.start:person.start])
    while before and (before[0].is_punct or before[0].lower_ in ("the", "a", "an")):
        before.pop(0)
    role = "".join(t.text_with_ws for t in before).strip(" ,")  # `Redstone's chief executive`
    return role or _apposition(head) or _role_before(mention)


def _role_before(mention: Span) -> str | None:
    """A person's role set off before the name, parsed as a phrase of its own (`Even the
    watchdog's chair, Miriam Stroud, said`)."""
    doc = mention.doc
    if mention.start < 2 or doc[mention.start - 1].text != ",":
        return None
    noun = doc[mention.start - 2]
    if not (_person_noun(noun) or noun.lower_ in titles()) or noun.dep_ in ("pobj", "dobj"):
        return None
    words = list(doc[noun.left_edge.i:noun.i + 1])
    while words and words[0].pos_ in ("ADV", "DET", "CCONJ", "PUNCT"):
        words.pop(0)
    return "".join(t.text_with_ws for t in words).strip() or None


def _apposition(head: Token) -> str | None:
    """`James Jeffrey, the U.S. ambassador to Iraq at the time, said` → the apposition."""
    for child in head.children:
        if child.dep_ == "appos":
            clauses = {t.i for c in child.subtree if c.dep_ == "relcl" for t in c.subtree}
            tokens = [t for t in child.subtree if t.i not in clauses]
            role = " ".join("".join(t.text_with_ws for t in tokens).split()).strip(" ,")
            return role if any(c.isalpha() for c in role) else None  # not an age: `Ana, 54,`
    return None


def person_roles(doc: Doc, names: dict[str, str]) -> dict[str, str]:
    """Canonical person → the first title or apposition the article gives them."""
    roles: dict[str, str] = {}
    for ent in ents_of(doc):
        if ent.label_ != "PERSON":
            continue
        i = ent.start
        while i > 0 and doc[i - 1].dep_ in ("compound", "amod") \
                and i <= doc[i - 1].head.i < ent.end and not doc[i - 1].is_punct:
            i -= 1
        if i < ent.start and after_portfolio(doc[i]):
            i -= 2  # `Minister for Coastal Communities`
        role = doc[i:ent.start].text or _apposition(ent.root)
        if role:
            roles.setdefault(names.get(surface(ent), surface(ent)), role)
    return roles


def _source_kind(mention: Span) -> SpeakerType:
    """anonymous, organization or unnamed, judged by the mention's head noun first."""
    words = source_words()
    lowered = f" {_WORDS_ONLY.sub(' ', mention.text.lower())} "
    context = f" {_WORDS_ONLY.sub(' ', mention.sent.text.lower())} "
    heads = [_counted(mention.root)] + [t for t in mention if t.pos_ in ("NOUN", "PROPN")]
    nouns = [form for t in heads for form in (t.lower_, t.lemma_.lower())]  # `authorities`
    if mention.root.lower_ in words["anonymous-head"] \
            or any(f" {phrase} " in lowered for phrase in words["anonymity-mention"]) \
            or any(f" {phrase} " in context for phrase in words["anonymity"]):
        return "anonymous"
    for noun in nouns:
        if noun in words["person"] or noun in words["anonymous-head"] or _agent_noun(noun):
            return "unnamed"
        if noun in words["organization"]:
            return "unnamed" if _unnamed_groups(mention) else "organization"
    return "unknown"


def _counted(head: Token) -> Token:
    """`fishermen` of `A small group of fishermen`: what a group or share is made of."""
    if head.lemma_.lower() in _GROUPINGS:
        for prep in head.children:
            if prep.lower_ == "of":
                return next((t for t in prep.children if t.dep_ == "pobj"), head)
    return head


def _agent_noun(noun: str) -> bool:
    """`pharmacist`, `epidemiologists`: a noun in -ist names a person (not `checklist`)."""
    word = noun.removesuffix("s")
    return len(word) >= 7 and word.endswith("ist") and not word.endswith(_LISTS)


def _person_noun(token: Token) -> bool:
    return token.lemma_.lower() in source_words()["person"] or _agent_noun(token.lower_)


def _unnamed_groups(mention: Span) -> bool:
    """Groups in the plural, neither named nor ones the article already introduced
    (`Environmental groups`, `patient charities`; not `the groups`, and not institutions such
    as `authorities`): on record, but not named."""
    root = mention.root
    return root.tag_ == "NNS" and root.lemma_.lower() in source_words()["plural-unnamed"] \
        and not any(t.pos_ == "PROPN" or t.lower_ in ("the", "these", "those") for t in mention)


_LOCATIVE = frozenset({"from", "in", "at", "near", "outside"})


def _antecedent(doc: Doc, pronoun: Token, names: dict[str, str], start: int,
                end: int) -> Speaker:
    """The person a pronoun most likely refers to (see `last_person`)."""
    word = pronoun.lower_
    person = None if word in ("they", "them", "we") or word in _QUANTIFIERS \
        else last_person(doc, pronoun)
    if word == "they" or word in _QUANTIFIERS:
        unnamed = _group_speaker(doc, pronoun)
    else:
        unnamed = _unnamed_speaker(doc, pronoun, person)
    if unnamed is not None:
        mention = _mention(unnamed)
        return Speaker(_text(mention), _source_kind(mention), None, start, end)
    if person is None:
        return Speaker(pronoun.text, "unknown", None, start, end)
    name = surface(person)
    return Speaker(names.get(name, name), "named", None, start, end)


def _unnamed_speaker(doc: Doc, pronoun: Token, person: Span | None) -> Token | None:
    """`A pharmacist at the clinic said … “…,” she said`: the last source without a name,
    one person who spoke (or, `according to a university spokeswoman`, was cited) after the
    last person named (or whose mention holds that name: `A doctor at Hallowmere Infirmary,
    who asked not to be named, said`) and shortly before `pronoun`."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    for token in reversed(doc[max(0, pronoun.i - ANTECEDENT_WINDOW):pronoun.i]):
        if person is not None and token.i < person.end:
            if token.i >= person.start:
                continue
            if person.root not in token.subtree:
                break
        spoke = token.dep_ in _SUBJECTS and _is_attribution(token.head) \
            and not any(_is_attribution(outer) for outer in token.head.ancestors)
        cited = token.dep_ == "pobj" and token.head.lower_ == "to" \
            and token.head.head.lower_ == "according"
        if (spoke or cited) and token.tag_ == "NN" and _person_noun(token) \
                and not token.ent_type_:
            return token
    return None


def _group_speaker(doc: Doc, pronoun: Token) -> Token | None:
    """`Parents in the room were unconvinced. Many said …`: for `they` or a quantifier, the
    last plural noun for people without a name that is a subject shortly before, in the
    same paragraph."""
    for token in reversed(doc[max(0, pronoun.i - ANTECEDENT_WINDOW):pronoun.i]):
        if "\n" in token.text:
            return None
        if token.dep_ in _SUBJECTS and token.tag_ == "NNS" and _person_noun(token) \
                and not token.ent_type_:
            return token
    return None


def _placed(person: Span) -> bool:
    """A lone name after a preposition of place (`a nurse from Lindholm`): a place the
    tagger took for a person."""
    root = person.root
    return len(person) == 1 and root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def last_person(doc: Doc, token: Token) -> Span | None:
    """The last person named before `token` outside quotation marks (in `"… going to
    Marazin," she said` Marazin is not who speaks) and outside what its verb reports; but
    the speaker of that person's sentence, when one is named before them (`Mayor Stallard
    said the town had asked Marlhaven for money. "…," he said`: the speaker goes on)."""
    quoted = quote_spans(text_of(doc))
    other = _GENDERED.get("she" if token.lower_ in ("he", "him", "his") else "he")
    # nor one named in what the pronoun's verb reports (`Gull Sands will stay shut, she said`),
    # unless as a speaker there (a sentence the parser ran on: `X said …. "…," he said`)
    reported = {t.i for c in token.head.children if c.dep_ in ("ccomp", "parataxis")
                for t in c.subtree} if token.dep_ == "nsubj" else set()
    people = [ent for ent in ents_of(doc) if ent.label_ == "PERSON" and ent.end <= token.i
              and (ent.root.i not in reported or _speaks(ent.root))
              and not any(start <= ent.start_char < end for start, end in quoted)
              and not (other and _described_as(ent) & other) and not _placed(ent)
              and not (ent.start and doc[ent.start - 1].lower_ == "the")]  # `the Herald`
    if not people:
        return None
    last = people[-1]
    speakers = [ent for ent in people[:-1] if ent.sent == last.sent and _speaks(ent.root)]
    return speakers[-1] if speakers and not _speaks(last.root) else last


def _speaks(token: Token) -> bool:
    """Whether the name is the subject of an attribution verb, and not a passive one
    (`Maria Oden would be asked to appear` is not speaking)."""
    while token.dep_ in ("appos", "compound", "flat") and token.head != token:
        token = token.head
    return token.dep_ == "nsubj" and _is_attribution(token.head)


def _described_as(person: Span) -> set[str]:
    """The nouns in apposition to a name or right before it, and its own first word (`her
    husband, Alan,`, `her son Emil`, `Mrs Tamsett`; not `wife` in `the wife of John Hale`)."""
    words = {child.lower_ for child in person.root.children if child.dep_ == "appos"}
    if person.root.dep_ == "appos":
        words.add(person.root.head.lower_)
    words.add(person[0].lower_.rstrip("."))
    if person.start and person.doc[person.start - 1].pos_ in ("NOUN", "PROPN"):
        words.add(person.doc[person.start - 1].lower_.rstrip("."))
    return words


def _organization_antecedent(doc: Doc, pronoun: Token, names: dict[str, str], start: int,
                             end: int) -> Speaker:
    """`it said`: the organisation named last in the sentences just before."""
    window = pronoun.i - ANTECEDENT_WINDOW
    organizations = source_words()["organization"]
    groups = [span for span in [*ents_of(doc), *doc.noun_chunks]
              if window <= span.start and span.end <= pronoun.i
              and (getattr(span, "label_", "") == "ORG" or span.root.lower_ in organizations)]
    if not groups:
        return Speaker(pronoun.text, "unknown", None, start, end)
    name = surface(max(groups, key=lambda span: span.end))
    return Speaker(names.get(name, name), "organization", None, start, end)


def _titled_person(doc: Doc, head: Token, names: dict[str, str]) -> str | None:
    """`the general` → the last person named earlier with `General` in front of the name."""
    title = head.lower_
    if title not in titles() or not any(child.lower_ == "the" for child in head.children):
        return None  # `The coast guard said` after `the rescue ship Aurelle`: no title
    for ent in reversed([e for e in ents_of(doc) if e.label_ == "PERSON" and e.end <= head.i]):
        before = doc[max(0, ent.start - 4):ent.start].text.lower()
        if re.search(rf"\b{re.escape(title)}\b", before):
            return names.get(surface(ent), surface(ent))
    return None


def _text(mention: Span) -> str:
    return " ".join(mention.text.split())
