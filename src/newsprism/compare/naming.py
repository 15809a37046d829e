"""Naming choices: the words each article uses for the same referent.

Two kinds of referent: a canonical entity several articles mention (`Islamic State group` /
`ISIS`), and a concept named differently in sentences that state the same fact (`military
occupation` / `military presence`: noun phrases sharing a modifier, with different heads).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.entities import entity_key, known_aliases, surface, titles
from newsprism.analyze.quotes import quote_spans, verb_classes
from newsprism.compare.align import Unit
from newsprism.compare.conflicts import Embed
from newsprism.datafiles import data_rows
from newsprism.model import Article, Naming

GENERIC_TAILS = ("group", "militia", "movement", "organization", "organisation")
NAMED_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
NAMING_VERBS = frozenset({"call", "know", "name", "dub", "brand", "style"})
# Nouns for the people who run an organisation: `union bosses` names the union's side.
RUNNERS = frozenset({"boss", "leader", "leadership", "chief", "official", "executive",
                     "management", "bureaucrat", "brass"})
# Of those, the informal ones, which are the outlet's choice of name for the organisation
# (`port bosses`; `city officials` is no name for `Lowmere City Council`).
INFORMAL_RUNNERS = frozenset({"boss", "brass", "bureaucrat", "chief"})
# Words for a jurisdiction, which stand for the one a name gives (`the state transport
# department` of the `Esterland Department of Transport`)
JURISDICTIONS = frozenset({"state", "city", "county", "federal", "provincial", "regional",
                           "municipal", "national"})
# Common nouns that stand for an organisation of one kind (`the company`, `the regulator`),
# and the last words of names that say which kind a name is (`Calderine Energy` is a
# company, `Federal Rail Safety Board` a public body). A public body's or group's own head
# noun (`the board`, `the union`) is matched through its name, not here.
ORGANISATION_NOUNS = {
    "company": frozenset({
        "business", "carrier", "company", "contractor", "corporation", "developer",
        "drugmaker", "firm", "insurer", "lender", "maker", "manufacturer", "operator",
        "producer", "railroad", "retailer", "supplier", "trader", "utility"}),
    "public body": frozenset({"agency", "regulator", "watchdog"}),
    "group": frozenset({"gang", "group", "organisation", "organization"}),
}
NAME_ENDINGS = {
    "company": frozenset({
        "airlines", "co", "corp", "energy", "ferries", "foods", "freight", "holdings", "inc",
        "industries", "laboratories", "labs", "llc", "logistics", "ltd", "motors", "partners",
        "pharmaceuticals", "plc", "security", "services", "solvents", "systems",
        "technologies"}),
    "public body": frozenset({
        "agency", "authority", "board", "commission", "department", "directorate", "ministry",
        "service"}),
    "group": frozenset({
        "alliance", "association", "coalition", "federation", "guild", "league", "society",
        "union"}),
}
ORGANISATION_WORDS = frozenset().union(*ORGANISATION_NOUNS.values(), *NAME_ENDINGS.values())
# Nouns for an organisation of any kind, which name one only beside words of its name (`the
# airline lobby`): alone they name other things (`the lobby` of a building).
LOOSE_ORGANISATION_NOUNS = frozenset({"body", "bureaucracy", "lobby", "monopoly"})
# Nouns of time and amount, which a loaded word qualifies without naming a thing (`a
# devastating week`), and which name no thing differently (`Monday evening` / `Monday night`).
MEASURE_NOUNS = frozenset({
    "afternoon", "amount", "day", "decade", "evening", "fortnight", "hour", "lot", "minute",
    "month", "morning", "night", "number", "part", "per", "percent", "share", "time", "week",
    "year"})
# `spokesman`, `spokeswoman`, `spokesperson`: one role, told of different people
_GENDERED = re.compile(r"(?:wo)?m[ae]n$|persons?$|people$")
# Abbreviated titles (`Gov.` is `Governor`) and courtesy titles, which say nothing of how an
# outlet sees a person.
ABBREVIATIONS = {
    "atty": "attorney", "capt": "captain", "cmdr": "commander", "col": "colonel",
    "det": "detective", "gen": "general", "gov": "governor",
    "insp": "inspector", "lt": "lieutenant", "pres": "president", "prof": "professor",
    "rep": "representative", "rev": "reverend", "sen": "senator", "sgt": "sergeant",
    "supt": "superintendent"}
COURTESY = frozenset({"dr", "miss", "mr", "mrs", "ms", "mx"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_PREMODIFIERS = frozenset({"det", "amod", "compound", "nmod", "poss", "punct", "advmod"})


def naming(articles: Sequence[Article], docs: dict[str, Doc], facts: Sequence[Sequence[Unit]],
           loaded: dict[str, set[str]], embed: Embed, threshold: float,
           titles: dict[str, Doc] | None = None) -> list[Naming]:
    """Entity and concept naming of one story, from the parse of each article (`docs`, by
    article id) and of its headline (`titles`): the referents named differently first,
    loaded ones leading. Story-wide, a headline's own words count too: its terms of a naming
    set (`another rate hike`) and its phrases with a loaded word (`partisan prosecutor`)."""
    chunks = {a.id: _own_voice(a, docs[a.id]) for a in articles}
    headlines = {aid: _unquoted(titles[aid]) if titles else [] for aid in chunks}
    found = entity_naming(articles, docs, loaded, headlines) \
        + concept_naming(facts, chunks, loaded, embed, threshold)
    named = {word for n in found if n.differs for word in _fold(n.referent).split()}
    chosen, covered = word_choices(
        {aid: own + headlines[aid] for aid, own in chunks.items()}, loaded)
    found += [n for n in chosen if not named & covered[n.referent]]
    named |= {word for n in chosen for word in covered[n.referent]}
    judged = {aid: own + [c for c in headlines[aid] if _qualifiers(c, loaded.get(aid, ()))]
              for aid, own in chunks.items()}
    found += [n for n in qualified_naming(articles, docs, judged, loaded)
              if n.referent not in named]
    return sorted(found, key=lambda n: (not n.differs, not n.loaded))


def _own_voice(article: Article, doc: Doc) -> list[Span]:
    """The noun phrases of an article outside its direct quotes: a speaker's words are not
    the outlet's choice of name (`"a slash-and-burn budget," Quistly said`)."""
    quoted = [(q.start, q.end) for q in article.quotes if q.direct]
    return [chunk for chunk in doc.noun_chunks
            if not any(start <= chunk.start_char < end for start, end in quoted)]


def _unquoted(title: Doc) -> list[Span]:
    """A headline's noun phrases outside quotation marks (`Vendt vows to overturn 'show
    trial' conviction`: the quoted words are Vendt's)."""
    quoted = quote_spans(title.text)
    return [chunk for chunk in title.noun_chunks
            if not any(start < chunk.end_char and chunk.start_char < end
                       for start, end in quoted)]


def entity_naming(articles: Sequence[Article], docs: dict[str, Doc],
                  loaded: dict[str, set[str]],
                  headlines: dict[str, list[Span]] | None = None) -> list[Naming]:
    """Entities two or more articles mention, with each article's names and descriptions for
    them (in its body, and in its headline's noun phrases outside quotation marks:
    `headlines`); `differs` where the articles differ in the name they use most, or in a
    description only one of them uses."""
    mentions, people = _named_entities(articles, docs)
    places = _places(articles, docs)
    mentions = _merge_fragments(mentions, people, places)
    described = {aid: {key: [d for span in spans for d in _described(span, key in people)]
                       for key, spans in per_key.items()} for aid, per_key in mentions.items()}
    kinds = Kinds(defaultdict(set), defaultdict(set), defaultdict(set))
    for aid, per_key in mentions.items():
        for key, spans in per_key.items():
            kinds.names[key].update(span.root.lemma_.lower() for span in spans)  # `Union`
            kinds.words[key].update(t.lower_ for span in spans for t in span)
            kinds.described[key].update(d.root.lemma_.lower() for d in described[aid][key])
    forms = {a.id: _forms(a, docs[a.id], mentions[a.id], described[a.id], kinds, loaded[a.id],
                          (headlines or {}).get(a.id, []))
             for a in articles}
    words: dict[str, set[str]] = defaultdict(set)  # referent key → words of its names
    for article_forms in forms.values():
        for key, (names, _) in article_forms.items():
            words[key].update(w for name in names for w in _fold(name).split())
    forms = {aid: _cut_short(article_forms, words) for aid, article_forms in forms.items()}
    found = []
    keys = Counter(key for per_key in forms.values() for key in per_key)
    for key, count in keys.items():
        if count < 2:
            continue
        used = {aid: per_key[key] for aid, per_key in forms.items() if key in per_key}
        shown = {aid: " / ".join(names + descriptions)
                 for aid, (names, descriptions) in used.items()}
        flagged = {form for aid, (names, descriptions) in used.items()
                   for form in names + descriptions
                   if _is_loaded(form, loaded.get(aid, ()))}
        found.append(Naming(_referent(used.values()), shown, tuple(sorted(flagged)),
                            _differ(used, key in people) or _loaded_alone(used, flagged)))
    return sorted(found, key=lambda n: (not n.differs, not n.loaded, n.referent))


def _loaded_alone(used: dict[str, Forms], flagged: set[str]) -> bool:
    """Whether some article calls the referent by a loaded form no other article uses (`the
    bike-lane mayor`, `the profit-first utility giant`)."""
    forms = {aid: set(names + descriptions) for aid, (names, descriptions) in used.items()}
    return any(form in flagged and not any(form in theirs for other, theirs in forms.items()
                                           if other != aid)
               for aid, mine in forms.items() for form in mine)


Mentions = dict[str, dict[str, list[Span]]]  # article id → referent key → mentions


@dataclass(frozen=True)
class Kinds:
    """What the story's articles tell about each referent key: the head nouns of its names
    (`union`) and of its descriptions (`giant`), the words of its names, and what kind of
    organisation it is."""
    names: dict[str, set[str]]
    described: dict[str, set[str]]
    words: dict[str, set[str]]

    def organisation(self, key: str) -> set[str]:
        """Which kinds of organisation (`ORGANISATION_NOUNS`) the referent's name and
        descriptions make it."""
        heads = self.names[key] | self.described[key] | {key.split()[-1].strip(".")}
        return {kind for kind, nouns in ORGANISATION_NOUNS.items()
                if heads & (nouns | NAME_ENDINGS[kind])}


def _places(articles: Sequence[Article], docs: dict[str, Doc]) -> set[str]:
    """Referent keys the NER tags as places more often than as anything else (`Orrin`, the
    company's short name, tagged once as a place, is no place)."""
    balance: Counter[str] = Counter()
    for article in articles:
        doc = docs[article.id]
        balance.update({key: len(spans) for key, spans
                        in _mentions(article, doc, PLACE_LABELS).items()})
        balance.subtract({key: len(spans) for key, spans
                          in _mentions(article, doc, NAMED_LABELS - PLACE_LABELS).items()})
    return {key for key, margin in balance.items() if margin > 0}


def _merge_fragments(mentions: Mentions, people: set[str], places: set[str]) -> Mentions:
    """Mentions under a key that is part of exactly one longer key go to the longer one when
    that is a person's name (`Corinna` of `Corinna Stavely`), when they are its last words
    (`the Directorate` in one article is the `Lestrian Medicines Safety Directorate` of
    another) or when the article also names it (`State` split off `Islamic State`); other
    parts of longer names are no referents of their own (`State` split off `State Highways
    Fund` is not the `State Employees Union` another article names). A name of two or more
    words, or of a place, that begins the longer ones is a referent of its own (`Hallowfield
    Athletic` is not `Hallowfield Athletic Supporters' Trust`, the town of `Vantry` not its
    `Vantry Grange Hall`), unless they only add a company's ending (`Vantor Water
    Services`)."""
    keys = {key for per_key in mentions.values() for key in per_key}
    longer = {key: [other for other in keys if other != key and f" {key} " in f" {other} "
                    and not _begins(key, other, key in places)]
              for key in keys}
    merged: Mentions = {}
    for aid, per_key in mentions.items():
        merged[aid] = defaultdict(list)
        for key, spans in per_key.items():
            if not longer[key]:
                merged[aid][key].extend(spans)
            elif len(longer[key]) == 1 and (longer[key][0] in people | per_key.keys()
                                            or longer[key][0].endswith(f" {key}")):
                merged[aid][longer[key][0]].extend(spans)
    return merged


def _begins(key: str, other: str, place: bool) -> bool:
    """Whether the name `key`, of two or more words or of a `place`, begins the longer name
    `other` of another thing (see `_merge_fragments`)."""
    rest = other.removeprefix(f"{key} ").split()
    return (" " in key or place) and other.startswith(f"{key} ") \
        and not rest[0].startswith("(") \
        and not set(rest) <= NAME_ENDINGS["company"]


Forms = tuple[list[str], list[str]]  # names, descriptions; most used first


def _mentions(article: Article, doc: Doc, labels: Iterable[str]) -> dict[str, list[Span]]:
    """Referent key → the article's mentions by name of entities with one of `labels`."""
    found: dict[str, list[Span]] = defaultdict(list)
    aliases = known_aliases()
    for entity in article.entities:
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if entity.label in labels and span is not None:
            found[entity_key(aliases.get(entity.canonical.lower(), entity.canonical))].append(span)
    return found


def _named_entities(articles: Sequence[Article],
                    docs: dict[str, Doc]) -> tuple[Mentions, set[str]]:
    """Mentions of organisations, places, groups, events, laws and people, and which
    referent keys are people: those the NER tags as people at least as often as anything
    else (`Tamsark Copper` tagged once a person and three times a company is a company),
    except those an article describes as an organisation (`a gang calling itself Vesper Lock`)."""
    named = {a.id: _mentions(a, docs[a.id], NAMED_LABELS) for a in articles}
    people = {a.id: _mentions(a, docs[a.id], ("PERSON",)) for a in articles}
    groups = {key for per_key in people.values() for key, spans in per_key.items()
              if any(d.root.lemma_.lower() in ORGANISATION_WORDS
                     for span in spans for d in _described(span))}
    balance: Counter[str] = Counter()  # mentions tagged as a person minus the others
    for per_key in named.values():
        balance.subtract({key: len(spans) for key, spans in per_key.items()})
    for aid, per_key in people.items():
        for key, spans in per_key.items():
            balance[key] += len(spans)
            named[aid][key].extend(spans)
    return named, {key for per_key in people.values() for key in per_key
                   if balance[key] >= 0} - groups


def _forms(article: Article, doc: Doc, mentions: dict[str, list[Span]],
           described: dict[str, list[Span]], kinds: Kinds, loaded: set[str],
           headline: list[Span]) -> dict[str, Forms]:
    """Referent key → the names and descriptions the article uses for it: those where it is
    named, and the noun phrases elsewhere, in its body or its `headline`, that describe it
    (see `_owner`)."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    descriptions: dict[str, Counter[str]] = defaultdict(Counter)
    named_at = sorted((span.start, key) for key, spans in mentions.items() for span in spans)
    taken = {t.i for spans in (*mentions.values(), *described.values())
             for span in spans for t in span}
    for key, spans in mentions.items():
        names[key].update(_form(article.text, span.start_char, span.end_char) for span in spans)
        descriptions[key].update(_bare(span) for span in described[key])
    body = [(chunk, False) for chunk in doc.noun_chunks if chunk.root.i not in taken]
    for chunk, in_headline in body + [(chunk, True) for chunk in headline]:
        owner = _owner(chunk, kinds, named_at, loaded, in_headline)
        if owner is not None:
            descriptions[owner][_bare(chunk)] += 1
    return {key: ([form for form, _ in names[key].most_common()],
                  _distinct((form for form, _ in descriptions[key].most_common()), None))
            for key in names.keys() | descriptions.keys()}


def _cut_short(forms: dict[str, Forms], words: dict[str, set[str]]) -> dict[str, Forms]:
    """Without descriptions made only of a referent's name words (`the council`, `the city
    council` for `Lowmere City Council`); a referent left with nothing is dropped."""
    kept = {}
    for key, (names, descriptions) in forms.items():
        rest = [d for d in descriptions if not set(_fold(d).split()) <= words[key]]
        if names or rest:
            kept[key] = (names, rest)
    return kept


def _described(span: Span, person: bool = False) -> list[Span]:
    """Common-noun phrases that describe a named entity where it is named: the words before
    the name (`corporate water giant Vantor`; a person's title, `Health Minister Anselm
    Rudd`, but not a courtesy title), an apposition (`the Riverside Line, a long-overdue
    link`; `the firm, Corbin Ashe`), a naming verb (`a gang calling itself Vesper Lock`, `a
    compound known as AV-114`)."""
    found = []
    doc, root = span.doc, span.root
    before = span.start
    while before > 0 and _before_name(doc[before - 1], person):
        before -= 1
    if before < span.start and not (before > 0 and doc[before - 1].like_num):
        words = doc[before:span.start]
        tags = {"title" if _fold(t.text) in titles() else t.pos_ for t in words}
        if "NOUN" in tags or (person and "title" in tags):
            found.append(words)
    nouns = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    nouns = [noun for noun in nouns if _beside(noun, span)]
    head = root.head
    if root.dep_ in ("oprd", "dobj", "pobj") and head.dep_ == "prep":
        head = head.head  # `known as AV-114`
    if root.dep_ in ("oprd", "dobj", "pobj") and head.lemma_ in NAMING_VERBS \
            and head.dep_ == "acl" and head.i > 0:
        nouns.append(doc[head.i - 1])  # the noun right before the verb, whatever the parse
    for noun in nouns:
        if noun.pos_ == "NOUN":
            found.append(doc[_chunk_start(noun):noun.i + 1])
    return found


def _before_name(token: Token, person: bool) -> bool:
    """Whether a word right before a name can be part of a description or, before a
    person's name, of a title (`Health Minister`, `FNS general secretary`)."""
    if token.text in (",", "(", ")", "'", "’", '"', "“", "”"):
        return False
    if person and token.pos_ == "PROPN" and token.dep_ == "compound":
        return True
    return token.pos_ in ("NOUN", "ADJ", "VERB", "PUNCT") \
        and token.dep_ in ("amod", "compound", "nmod", "punct")


def _beside(noun: Token, name: Span) -> bool:
    """Whether an apposition sits beside the name, with only its own words between them and,
    when a comma sets it off, the name closed by punctuation: not `the contractor, not City
    Hall`, `… according to Northcastle Freight, among them 11 tank cars` or `180 asylum
    seekers, the Department of Migration said`."""
    doc = name.doc
    if noun.i >= name.end:
        return all(t.is_punct for t in doc[name.end:_chunk_start(noun)])
    between, own = doc[noun.i + 1:name.start], {t.i for t in noun.subtree}
    if any((t.i not in own and not t.is_punct) or t.lower_ in ("not", "never")
           for t in between):
        return False
    return not any(t.is_punct for t in between) or name.end == len(doc) \
        or doc[name.end].is_punct


def _chunk_start(noun: Token) -> int:
    return min(t.i for t in noun.subtree if (t.i <= noun.i and t.dep_ in _PREMODIFIERS)
               or t.i == noun.i)


def _owner(chunk: Span, kinds: Kinds, named_at: list[tuple[int, str]],
           loaded: set[str], headline: bool = False) -> str | None:
    """The referent a noun phrase without a name describes, by its head noun:
    - the head of the referent's name, in a definite singular phrase, or one the outlet
      qualifies with a loaded word, whose other compounds are words of the name (`the
      union`, `Lowmere's spendthrift council`, `the health department`, `a militant union`;
      not `the water service` for a `Cyber Incident Service`, nor `a turning point` for
      `Sallow Point`);
    - a noun for a kind of organisation whose compounds are words of the name, in a definite
      or described singular phrase (`the airline lobby` of the `Carvanian Airlines
      Association`, `a state-run air traffic monopoly` of the `National Air Traffic Agency`);
    - the head of a description of it, in a definite or described singular phrase (`the
      offshoring giant` once an article called Calderine `the energy giant`; `a cut-rate
      contractor`, not `a small group of fishermen`);
    - the people who run it (`union bosses`, `agency bureaucrats`), and, said informally,
      with a word of its name (`port bosses` of the `Port Halvern Authority`).
    Several candidates: the one named last before the phrase (in a headline, the one its
    article names first). None, and a common noun for a kind of organisation after `the`
    (`the company`, `the regulator`) is the organisation of that kind named last before it.
    A headline leaves out its articles: its singular phrases count as definite."""
    head = chunk.root
    if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.is_lower):
        return None  # a lower-case word tagged a name is a common noun (`transport department`)
    lemma, singular = head.lemma_.lower(), head.tag_ in ("NN", "NNP")
    compounds = [t for t in head.children if t.dep_ == "compound"]
    # `spendthrift` is no word of a name, and `state` in `the state transport department`
    # stands for the state the name gives (`Esterland Department of Transport`)
    own = {t.lower_ for t in compounds} - loaded - JURISDICTIONS
    the = (headline and singular) \
        or any(t.dep_ == "det" and t.lower_ in _DEFINITE for t in head.children)
    definite = the or any(t.dep_ == "poss" for t in head.children)  # `Lowmere's council`
    described = singular and any(t.dep_ in ("amod", "compound") for t in head.children) \
        and not any(t.dep_ == "prep" and t.lower_ == "of" for t in head.children)
    runs = lemma in RUNNERS or head.lower_ in loaded
    judged = bool(_qualifiers(chunk, loaded))  # `a militant union`, `a gutted inspectorate`
    kind_noun = singular and (definite or described or judged)
    candidates = {key for key in kinds.names
                  if (lemma in kinds.names[key] and (definite or judged) and singular
                      and own <= kinds.words[key])
                  or (own and (kind_noun or lemma in INFORMAL_RUNNERS)
                      and _of_name(own, lemma, key, kinds))
                  or (lemma in kinds.described[key] and (definite or described))
                  or (runs and (kinds.names[key] | kinds.described[key])
                      & {t.lemma_.lower() for t in compounds})}
    kind = next((k for k, nouns in ORGANISATION_NOUNS.items() if lemma in nouns), None)
    if not candidates and kind and the and singular:  # not `the railroad's contractor`
        candidates = {key for key in kinds.names if kind in kinds.organisation(key)}
    elif len(candidates) == 1:
        return next(iter(candidates))
    if headline:
        return next((key for _, key in named_at if key in candidates), None)
    before = [key for start, key in named_at if start < chunk.start and key in candidates]
    return before[-1] if before else None


def _of_name(own: set[str], lemma: str, key: str, kinds: Kinds) -> bool:
    """Whether a noun (`lemma`) with compounds (`own`) that are all words of the referent's
    name is the referent: a noun for its kind of organisation (`the airline lobby`, `the
    health body`; not `the telecom operator` for the `Estrand Telecoms Association`) or
    the informal name of those who run it (`port bosses`, `health bureaucrats`). The words
    of a group's name other than its head say whom it gathers: `hospital bosses` do not run
    the `Federation of Hospital Staff`, nor do `port bosses` run the town of `Port Halvern`."""
    if not _stems(" ".join(own)) <= _stems(" ".join(kinds.words[key])):
        return False
    kind = kinds.organisation(key)
    if lemma in INFORMAL_RUNNERS:
        return bool(kind) and "group" not in kind
    return lemma in LOOSE_ORGANISATION_NOUNS or any(
        lemma in ORGANISATION_NOUNS[k] | NAME_ENDINGS[k] for k in kind)


def _differ(used: dict[str, Forms], person: bool) -> bool:
    """Whether the articles name a referent differently: in the name each uses most (other
    than by leaving words out), or in a description no other article uses. A person's
    description must be new in its words, not only more or less precise (`council leader`
    is `leader`; `former harbour pilot` is not `organiser`)."""
    firsts = [set(_fold(names[0]).split()) for names, _ in used.values() if names]
    if any(not (x <= y or y <= x) for x in firsts for y in firsts):
        return True  # `ISIS` / `Islamic State`; not `Aldane` / `Aldane Pharmaceuticals`
    if person:
        words = {aid: [_stems(d) for d in descriptions] for aid, (_, descriptions) in used.items()}
        return any(all(not (mine <= theirs or theirs <= mine)
                       for other, described in words.items() if other != aid
                       for theirs in described)
                   for aid, described in words.items() for mine in described)
    described = [{_fold(d) for d in descriptions} for _, descriptions in used.values()]
    return any(mine - set().union(*(o for o in described if o is not mine))
               for mine in described)


def _stems(form: str) -> set[str]:
    """A description's words, compared without a plural `s` (`organisers` is `organiser`)."""
    return {word[:-1] if word.endswith("s") and len(word) > 3 else word
            for word in _fold(form).split()}


def _bare(span: Span) -> str:
    """A description's words after its article, possessive and amounts (`the $1.4 billion
    tram boondoggle` → `tram boondoggle`)."""
    start = span.start
    for token in span[:-1]:
        if token.dep_ in ("det", "poss", "case", "nummod", "quantmod") or token.like_num \
                or token.pos_ in ("SYM", "NUM") or any(c.dep_ == "nummod" for c in token.children):
            start = token.i + 1
    while start < span.end - 1 and span.doc[start].is_punct:
        start += 1
    return span.doc[start:span.end].text


def _form(text: str, start: int, end: int) -> str:
    """An entity's words, with a generic tail that follows it (`Islamic State group`),
    without a leading `the` or a trailing possessive."""
    form = text[start:end]
    following = text[end:end + 16].split()
    if following and following[0].lower() in GENERIC_TAILS:
        form = f"{form} {following[0]}"
    return surface(form)


def _fold(form: str) -> str:
    """A form as compared: lower case, without dots and courtesy titles, abbreviated titles
    in full."""
    return " ".join(ABBREVIATIONS.get(word, word)
                    for word in entity_key(form).replace(".", "").split()
                    if word not in COURTESY)


def _referent(forms: Iterable[Forms]) -> str:
    """The longest name any article uses: the fullest name."""
    return max((name for names, _ in forms for name in names), key=len, default="")


def concept_naming(facts: Sequence[Sequence[Unit]], in_doc: dict[str, list[Span]],
                   loaded: dict[str, set[str]], embed: Embed, threshold: float) -> list[Naming]:
    """Noun phrases that name one thing differently in sentences stating the same fact: with
    a modifier in common (`tram route` / `tram boondoggle`), or in the same role of the same
    word, close in meaning and without numbers (`the blaze` / `the inferno`, subjects of
    `burned`; not `40 percent` / `nearly half`)."""
    found: list[tuple[str, dict[str, str], set[str]]] = []  # referent, forms, head lemmas
    alike: list[tuple[str, Span, str, Span]] = []

    def note(referent: str, a: str, x: Span, b: str, y: Span) -> None:
        """One renaming, merged with another that has one of its heads in common."""
        heads = {x.root.lemma_.lower(), y.root.lemma_.lower()}
        group = next((g for g in found if g[2] & heads), None)
        if group is None:
            group = (referent, {}, set())
            found.append(group)
        group[1].setdefault(a, x.text)
        group[1].setdefault(b, y.text)
        group[2].update(heads)

    for fact in facts:
        chunks: dict[str, list[Span]] = {}
        for unit in fact:
            chunks.setdefault(unit.article, []).extend(
                c for c in in_doc[unit.article]
                if unit.start <= c.start_char and c.end_char <= unit.end)
        for a, x, b, y in _pairs(chunks, loaded):
            shared = _modifiers(x) & _modifiers(y)
            if shared and _is_subject(x.root) == _is_subject(y.root):
                note(f"{' '.join(sorted(shared))} ({x.root.lemma_} / {y.root.lemma_})", a, x, b, y)
            elif not shared and _same_role(x.root, y.root) \
                    and not any(t.like_num for t in (*x, *y)):
                alike.append((a, x, b, y))
    texts = sorted({chunk.text for _, x, _, y in alike for chunk in (x, y)})
    if texts:
        vectors = dict(zip(texts, embed(texts), strict=True))
        for a, x, b, y in alike:
            if float(vectors[x.text] @ vectors[y.text]) >= threshold:
                note(f"{x.root.lemma_} / {y.root.lemma_}", a, x, b, y)
    return [_named(referent, forms, loaded) for referent, forms, _ in found]


def _pairs(chunks: dict[str, list[Span]],
           loaded: dict[str, set[str]]) -> Iterator[tuple[str, Span, str, Span]]:
    """Noun phrases of two articles' sentences with different common-noun heads (not nouns
    of time or amount, nor one role told of a man and a woman), neither holding the other's
    words, and neither head used by the other article's sentences; or one, when its phrase
    is loaded (`destabilizing military occupation` beside `military
    presence`, which the first article also uses in a quote)."""
    heads = {aid: {c.root.lemma_.lower() for c in found} for aid, found in chunks.items()}
    ids = list(chunks)
    for n, a in enumerate(ids):
        for b in ids[n + 1:]:
            for x in chunks[a]:
                for y in chunks[b]:
                    hx, hy = x.root, y.root
                    if hx.pos_ != "NOUN" or hy.pos_ != "NOUN" \
                            or _words(x) <= _words(y) or _words(y) <= _words(x) \
                            or {hx.lemma_.lower(), hy.lemma_.lower()} & MEASURE_NOUNS \
                            or _GENDERED.sub("", hx.lemma_.lower()) \
                            == _GENDERED.sub("", hy.lemma_.lower()):
                        continue
                    own_x = hx.lemma_.lower() not in heads[b]
                    own_y = hy.lemma_.lower() not in heads[a]
                    if (own_x and own_y) or (own_x and _is_loaded(x.text, loaded.get(a, ()))) \
                            or (own_y and _is_loaded(y.text, loaded.get(b, ()))):
                        yield a, x, b, y


def _is_loaded(form: str, words: Iterable[str]) -> bool:
    """Whether a form holds, as whole words, a word the framing layer flagged as loaded in
    its article (`mine` flagged in one sentence does not make `National Mines Inspectorate`
    loaded)."""
    text = form.lower()
    return any(_holds(text, word) for word in words)


def _holds(text: str, word: str) -> bool:
    return word in text and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def _words(chunk: Span) -> set[str]:
    """Content words (`severance pay` holds `severance`: no other name for it)."""
    return {t.lemma_.lower() for t in chunk if t.is_alpha and not t.is_stop}


def _same_role(x: Token, y: Token) -> bool:
    """The same dependency on the same word, which is not a verb of saying (`officials` and
    `residents` both `said` something, and are not one thing); after a preposition, the
    same preposition of the same word (`in 2024` and `in Brackenford` are not)."""
    if x.dep_ != y.dep_ or x.head.lemma_ != y.head.lemma_:
        return False
    if x.dep_ == "pobj":  # the same preposition of the same word: `described as`
        return x.head.head.lemma_ == y.head.head.lemma_ and x.head.head.pos_ != "PROPN"
    return x.head.lemma_.lower() not in verb_classes()


def _named(referent: str, forms: dict[str, str], loaded: dict[str, set[str]]) -> Naming:
    flagged = tuple(form for aid, form in forms.items() if _is_loaded(form, loaded.get(aid, ())))
    return Naming(referent, forms, flagged)


def _is_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass")


def _modifiers(chunk: Span) -> set[str]:
    return {t.lemma_.lower() for t in chunk.root.children
            if t.dep_ in ("amod", "compound") and t.is_alpha and not t.is_stop}


def qualified_naming(articles: Sequence[Article], docs: dict[str, Doc],
                     chunks: dict[str, list[Span]], loaded: dict[str, set[str]]) -> list[Naming]:
    """Common nouns one article qualifies with a loaded word and another uses without it
    (`the slash-and-burn budget` / `the state budget`; `a botched dam release` / `the
    emergency release`), story-wide: the thing is the same when the head noun is, and the
    loaded word is the outlet's choice. Another article must use the noun plainly: without
    any word flagged anywhere in the story. Not the head nouns of names (`a militant union`
    is the named union's, see `_owner`), nor nouns of time and amount, nor the people who
    run something (`union bosses` and `port bosses` are two sides)."""
    name_heads = {span.root.lemma_.lower() for a in articles for entity in a.entities
                  if (span := docs[a.id].char_span(entity.start, entity.end,
                                                   alignment_mode="expand")) is not None}
    forms: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    flagged: dict[str, set[str]] = defaultdict(set)  # head → forms with a loaded modifier
    flagging: dict[str, set[str]] = defaultdict(set)  # head → articles that qualify it
    plain: dict[str, set[str]] = defaultdict(set)  # head → articles using it unqualified
    anywhere = set().union(*loaded.values())
    for article in articles:
        for chunk in chunks[article.id]:
            head = chunk.root
            lemma = head.lemma_.lower()
            if head.pos_ != "NOUN" or lemma in name_heads | MEASURE_NOUNS | RUNNERS \
                    or any(t.pos_ == "PROPN" or t.is_quote for t in _owned(chunk)):
                continue
            form = _bare(chunk)
            forms[lemma][article.id][form] += 1
            judged = _qualifiers(chunk, anywhere)
            if judged & loaded.get(article.id, set()):
                flagged[lemma].add(form)
                flagging[lemma].add(article.id)
            elif not judged:
                plain[lemma].add(article.id)
    found = []
    for lemma, marked in flagged.items():
        if not plain[lemma] - flagging[lemma]:
            continue  # no other article uses the noun plainly
        shown = {aid: " / ".join(_distinct(sorted(counted, key=lambda f: (f not in marked,
                                                                          -counted[f]))))
                 for aid, counted in forms[lemma].items()}
        found.append(Naming(lemma, shown, tuple(sorted(marked))))
    return found



def _distinct(forms: Iterable[str], most: int | None = 3) -> list[str]:
    """The first `most` forms (all: `None`), one of each however capitalised (a headline's
    `Double-Dip Recession` or `Union bosses` is the body's `double-dip recession`)."""
    kept: dict[str, str] = {}
    for form in forms:
        kept.setdefault(form.lower(), form)
    return list(kept.values())[:most]


def _owned(chunk: Span) -> Span:
    """A noun phrase after its possessive owner (`slash-and-burn budget` of `the Renewal
    Party's slash-and-burn budget`)."""
    marks = [t.i for t in chunk if t.dep_ == "case"]
    return chunk.doc[marks[-1] + 1:chunk.end] if marks else chunk


def _qualifiers(chunk: Span, words: Iterable[str]) -> set[str]:
    """The flagged `words` (lower case, or phrases) a noun phrase holds as whole words,
    other than its head alone (`reckless` or `militant union`, not `boondoggle`)."""
    text, head = chunk.text.lower(), chunk.root
    return {word for word in words
            if word not in (head.lower_, head.lemma_.lower()) and _holds(text, word)}


@cache
def naming_sets() -> dict[tuple[str, ...], str]:
    """A term's words → the plainest term of its set (`data/naming_sets.tsv`): the names
    outlets choose between for one thing (`protester | rioter | demonstrator`)."""
    found = {}
    for terms, *_ in data_rows("naming_sets.tsv"):
        names = [term.strip() for term in terms.split("|")]
        for name in names:
            found[tuple(name.replace("-", " ").split())] = names[0]
    return found


def word_choices(chunks: dict[str, list[Span]], loaded: dict[str, set[str]]
                 ) -> tuple[list[Naming], dict[str, set[str]]]:
    """Things the articles name with different terms of one set of `naming_sets` (`the
    protesters` / `the rioters`; `bribes` / `kickbacks`), story-wide, and for each the head
    nouns of its terms (to leave other namings of them out). A term is matched on the lemmas
    of a noun phrase ending at its head (`illegal immigrants` is `illegal immigrant`)."""
    sets = naming_sets()
    longest = max((len(words) for words in sets), default=0)
    terms: dict[str, dict[str, set[tuple[str, ...]]]] = defaultdict(lambda: defaultdict(set))
    forms: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for aid, found_in in chunks.items():
        for chunk in found_in:
            if chunk.root.pos_ != "NOUN":
                continue
            words = [t.lemma_.lower() for t in chunk if t.i <= chunk.root.i and t.is_alpha]
            term = next((tuple(words[-n:]) for n in range(min(longest, len(words)), 0, -1)
                         if tuple(words[-n:]) in sets), None)
            if term is not None:
                terms[sets[term]][aid].add(term)
                forms[sets[term]][aid][_bare(chunk)] += 1
    found, covered = [], {}
    for referent, used in terms.items():
        if len(used) < 2 or len({frozenset(t) for t in used.values()}) < 2:
            continue  # one article, or every article chose the same terms
        shown = {aid: _distinct(form for form, _ in forms[referent][aid].most_common())
                 for aid in used}
        flagged = tuple(form for aid, listed in shown.items() for form in listed
                        if _is_loaded(form, loaded.get(aid, ())))
        found.append(Naming(referent, {aid: " / ".join(listed) for aid, listed in shown.items()},
                            flagged))
        covered[referent] = {term[-1] for chosen in used.values() for term in chosen}
    return found, covered
