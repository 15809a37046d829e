"""Named entities with one canonical name per referent across an article.

People are named by the fullest form the article uses (`Townsend` → `Stephen Townsend`).
Organisations and places get their aliases from the article itself (`Islamic State, or
ISIS,`; `the Dockworkers' Union (DWU)`), from acronyms of names the article spells out, from
dropping a generic last word (`Islamic State group` → `Islamic State`), and from a short list
of well-known aliases shipped as data (`data/aliases.tsv`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprism.analyze.nlp import ents_of, text_of
from newsprism.datafiles import data_rows
from newsprism.model import Entity

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
# Entities a title can turn into a person (`Deputy Chief Oren Falk` tagged WORK_OF_ART);
# places are left alone (`King County`).
# last words of the names of buildings and streets, never of people
_FACILITIES = frozenset({
    "airport", "avenue", "building", "cathedral", "center", "centre", "clinic", "college",
    "hospital", "infirmary", "library", "mosque", "museum", "prison", "road", "school",
    "square", "stadium", "station", "tower", "university"})
# last words of the names of natural places, never of people (not `Lake`, `Rivers`: Ricki
# Lake, Joan Rivers)
_LANDFORMS = frozenset({
    "bay", "beach", "cliffs", "estuary", "harbor", "harbour", "island", "islands", "ledge",
    "ledges", "reef", "rocks", "sands", "shoal", "shoals", "valley"})
_RELABEL = frozenset({"ORG", "NORP", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
_GENERIC_TAIL = ("group", "organization", "organisation", "movement", "militia", "party")
# Roles of heading or working for an organisation, which no person is the object of
_EMPLOYER_ROLES = frozenset({
    "chairman", "chairwoman", "director", "employee", "executive", "founder", "owner",
    "secretary", "shareholder", "staff", "worker"})
# Never part of a person's name, however the NER runs on (`Michael Steele Sunday`)
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday"})
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
# British spellings of words common in names, and their American forms
_SPELLINGS = {"centre": "center", "centres": "centers", "defence": "defense",
              "labour": "labor", "harbour": "harbor", "programme": "program",
              "theatre": "theater", "organisation": "organization",
              "organisations": "organizations"}
_WORD = re.compile(r"[a-z]+")
_DEFINITION = re.compile(
    r"(?P<long>[A-Z][\w.'’-]*(?:\s+(?:of|and|for|the|[A-Z][\w.'’-]*))*)"
    r"\s*(?:\(\s*(?P<paren>[A-Z][\w.'’-]{1,12})\s*\)|,\s+or\s+(?P<or>[A-Z][\w.'’-]{1,12}),)")


@cache
def known_aliases() -> dict[str, str]:
    """Alias (lower case) → canonical name, from `data/aliases.tsv`."""
    table = {}
    for canonical, *aliases in data_rows("aliases.tsv"):
        for alias in (canonical, *aliases):
            table[alias.lower()] = canonical
    return table


def entity_key(name: str) -> str:
    """How names are compared across articles: in lower case, with one kind of apostrophe
    (`Workers’ Union` is `Workers' Union`) and one spelling of the words British and
    American outlets spell apart (`Control Centre` is `Control Center`)."""
    return _WORD.sub(lambda m: _SPELLINGS.get(m[0], m[0]), name.lower().translate(_APOSTROPHES))


def surface(span: Span | str) -> str:
    """An entity's text without a leading article or a trailing possessive."""
    text = span if isinstance(span, str) else span.text
    return _POSSESSIVE.sub("", _LEADING.sub("", text.strip())).strip()


def canonical_names(doc: Doc) -> dict[str, str]:
    """Surface form → canonical name, for every entity surface form in `doc`."""
    names: dict[str, str] = {}
    mentions = [surface(ent) for ent in ents_of(doc) if ent.label_ == "PERSON"]
    people = [strip_titles(person) for person in mentions] + _name_chains(doc)
    for mention in mentions:
        names[mention] = _fullest_person(strip_titles(mention), people)
    defined = _definitions(doc)
    groups = [surface(ent) for ent in ents_of(doc) if ent.label_ in GROUP_LABELS]
    for group in groups:
        names.setdefault(group, _group_canonical(group, groups, defined))
    return names


def _name_chains(doc: Doc) -> list[str]:
    """Runs of proper nouns (`Ayla Brenner` in `Colonel Ayla Brenner toured …`) for names
    the tagger missed at first mention; everything up to the last title word is dropped, and
    a title's portfolio before a name (`Minister for Coastal Communities Pall Ravndal`)."""
    chains, run = [], []
    for token in [*doc, None]:
        if token is not None and token.pos_ == "PROPN" and token.text[:1].isupper():
            run.append(token)
            continue
        if len(run) >= 3 and after_portfolio(run[0]):
            run = run[-2:]
        name = strip_titles(" ".join(t.text for t in run))
        if len(name.split()) >= 2 and not any(w.lower().rstrip(".") in titles()
                                              for w in name.split()):
            chains.append(name)
        run = []
    return chains


def after_portfolio(token: Token) -> bool:
    """Whether `token` follows a capitalised title and its `for` or `of` (`Minister for`)."""
    return token.i >= 2 and token.nbor(-1).lower_ in ("for", "of") \
        and token.nbor(-2).text[:1].isupper() and token.nbor(-2).lower_.rstrip(".") in titles()


def strip_titles(name: str) -> str:
    """`Senate Majority Leader Chuck Schumer` → `Chuck Schumer`: everything up to the last
    title word goes, as long as a first name and a surname remain."""
    words = name.split()
    marked = [i for i, word in enumerate(words) if word.lower().rstrip(".") in titles()]
    if marked and len(words) - marked[-1] - 1 >= 2:
        return " ".join(words[marked[-1] + 1:])
    return name


def _fullest_person(name: str, people: Iterable[str]) -> str:
    """The longest name in `people` that ends with the same surname and contains `name`'s
    words other than titles (`Mrs Tamsett` → `Ruth Tamsett`)."""
    words = [word for word in name.split() if word.lower().rstrip(".") not in titles()] \
        or name.split()
    if not words:
        return name
    matches = [other for other in people
               if other.split() and other.split()[-1] == words[-1]
               and all(word in other.split() for word in words)]
    return max(matches, key=len, default=name)


def _group_canonical(name: str, groups: list[str], defined: dict[str, str]) -> str:
    """Shipped alias, else the text's own definition, else the longest other name in the
    article it abbreviates (`UN` ← `United Nations`), with a generic last word dropped."""
    aliases = known_aliases()
    if name.lower() in aliases:
        return aliases[name.lower()]
    if name in defined:
        return defined[name]
    spelled = [other for other in groups if other != name and _acronym(other) == name]
    trimmed = _trim_generic(max(spelled, key=len) if spelled else name)
    return aliases.get(trimmed.lower(), trimmed)


def _trim_generic(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _GENERIC_TAIL:
        return " ".join(words[:-1])
    return name


def _acronym(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


def _definitions(doc: Doc) -> dict[str, str]:
    """Short forms the text defines (`Long Name (LN)`, `Long Name, or LN,`) → the long name:
    the entity that ends where the definition's long part ends, else the words before the
    short form whose initials spell it."""
    ends = {ent.end_char: surface(ent) for ent in ents_of(doc) if ent.label_ in GROUP_LABELS}
    found = {}
    for match in _DEFINITION.finditer(text_of(doc)):
        short = match["paren"] or match["or"]
        words = match["long"].split()
        spelled = next((" ".join(words[i:]) for i in range(len(words))
                        if _acronym(" ".join(words[i:])) == short), None)
        long = ends.get(match.end("long")) or spelled
        if short and long and long != short:
            found[short] = _trim_generic(_LEADING.sub("", long))
    return found


@cache
def source_words() -> dict[str, frozenset[str]]:
    """Kind → words, from `data/sources.tsv` (anonymity, anonymous-head,
    person, organization, plural-unnamed, title)."""
    kinds: dict[str, set[str]] = {}
    for kind, word in data_rows("sources.tsv"):
        kinds.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in kinds.items()}


def titles() -> frozenset[str]:
    """Words that stand before a name (`data/sources.tsv`, kind `title`), without dots."""
    return source_words()["title"]


@Language.component("newsprism_people")
def titled_people(doc: Doc) -> Doc:
    """People and organisations the NER missed or mislabelled:
    - a title and capitalised names (`Deputy Chief Oren Falk`, untagged or tagged as a work
      of art; `trust director Nadia Ferrand`) are a person named by the words after the
      last title;
    - two or three capitalised names that a person's role describes (`Gideon Thrale, a
      senior fellow at …`, `The council leader, Dermot Askew,`) are a person, also where
      the NER tagged only the surname, as an organisation or a date (`Ambrose Vellacott,
      energy spokesman for …`);
    - capitalised names ending in an organisation's head noun (`Vantor Water Services`)
      are an organisation, also where the NER called them a person (`Northcastle Freight`),
      a "person" ending in a building's noun is a facility (`Hallam Building`), one ending
      in a natural place's noun a place (`Gannet Ledges`);
    - a "person" the article calls an organisation elsewhere (`chief executive of Skerrin
      Line`, `the operator Skerrin Line`) is one in every mention;
    - a plural noun for people opening a sentence is no name (`Townspeople said`), and a
      name ends before a bracket the NER ran on into (`Data Protection Authority (NDPA`);
    - a lone name from an organisation's name and no person's (`Vantor`, `Kessick` of
      `Marlowe Kessick Laboratories`) is that organisation, and a lone surname tagged as an
      organisation (`Falk said`) is the person it names when the article names a person
      with that surname."""
    ents = [_relabel(doc, _bracket_closed(ent)) for ent in doc.ents]
    ents = [ent for ent in ents if len(ent)]
    for person in (*_titled_runs(doc), *_portfolio_runs(doc)):
        ents = [e for e in ents if e.end <= person.start or e.start >= person.end] + [person]
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    start = 0
    while start < len(doc):
        end = start
        while end < len(doc) and end not in taken and _name_part(doc[end]):
            end += 1
        found = _found(doc, start, end) if end > start else None
        if found is not None:
            ents.append(found)
        start = max(end, start + 1)
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    named = {t.text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    companies = {t.text for ent in ents if ent.label_ == "ORG" for t in ent[:-1]
                 if t.text[:1].isupper()} - named
    ents = [ent for ent in ents if not _people_noun(ent)]
    organisations = {ent.text for ent in ents if _said_organisation(ent)}
    ents = [_relabelled(ent, "ORG") if ent.label_ == "PERSON" and ent.text in organisations
            else ent for ent in ents]
    doc.ents = sorted((_lone_name(ent, surnames, companies) for ent in ents),
                      key=lambda ent: ent.start)
    return doc


def _people_noun(ent: Span) -> bool:
    """Whether the NER took a plural noun for people, capitalised as a sentence's first word,
    for a name (`Townspeople said …`, `Commuters said …`)."""
    word = ent.text.lower()
    return len(ent) == 1 and bool(ent[0].is_sent_start) and word in source_words()["person"] \
        and (word.endswith("s") or word.endswith(("people", "folk")))


def _said_organisation(ent: Span) -> bool:
    """Whether the words around a name make it an organisation's, wherever else in the
    article the NER took it for a person's: a role of heading or working for something is
    of it (`chief executive of Skerrin Line`, `the staff of Orrin Grid`), or a noun for an
    organisation with an article names it (`the cost-cutting operator Skerrin Line`; not a
    person's role, `crane operator Sami Rourke`)."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
            and head.head.lemma_.lower() in _EMPLOYER_ROLES:
        return True
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is not None and before.pos_ == "NOUN" \
        and before.lower_ in source_words()["organization"] \
        and (ent.start <= before.head.i < ent.end or head == before) \
        and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in before.children)


def _relabel(doc: Doc, ent: Span) -> Span:
    if ent.label_ in _RELABEL or (ent.label_ in ("DATE", "TIME") and _proper(ent)):
        # a person with only the surname tagged, as an organisation or a date (`Ambrose
        # Vellacott, energy spokesman for …`, `Anders Morrow, chief executive of …`)
        whole = _first_name(ent)
        return (whole and _found(doc, whole.start, whole.end)) \
            or _found(doc, ent.start, ent.end) or _after_title(doc, ent) or ent
    if ent.label_ in ("GPE", "LOC", "FAC"):  # `Agnes Murtagh, 81, who …` tagged as a place
        whole = _first_name(ent)  # `Teodor Vindt, regional secretary …` with `Vindt` a place
        return (whole and _described(doc, whole.start, whole.end)) \
            or _described(doc, ent.start, ent.end) or ent
    if ent.label_ == "PERSON":
        ent = _without_weekday(ent)
        return _company(ent) or _facility(ent) or _first_name(ent) or ent
    return ent


def _bracket_closed(ent: Span) -> Span:
    """A name without the bracket the NER ran on into (`National Data Protection Authority
    (NDPA`, its abbreviation's closing bracket left out)."""
    opened = [t.i for t in ent if t.text == "("]
    if not opened or any(t.text == ")" for t in ent):
        return ent
    return Span(ent.doc, ent.start, opened[0], label=ent.label_)


_OPENING_PREPOSITIONS = frozenset({"outside", "inside", "across", "near", "beyond", "behind",
                                   "beside", "throughout", "within", "during", "despite", "at",
                                   "in", "from", "after", "before", "on", "for", "with"})


def _opening_preposition(token: Token) -> bool:
    """A preposition capitalised because it opens the sentence (`Outside Parliament, …`)."""
    return bool(token.is_sent_start) and token.lower_ in _OPENING_PREPOSITIONS


def _without_weekday(ent: Span) -> Span:
    """A person's span without the day of the week the NER ran on into."""
    end = ent.end
    while end - ent.start > 1 and ent.doc[end - 1].lower_ in _WEEKDAYS:
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)


def _first_name(ent: Span) -> Span | None:
    """`Ruben Achterberg` with only the surname tagged: a capitalised proper noun right
    before a one-word person, in compound with it and neither a title nor a tagged entity."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    if len(ent) != 1 or before is None or before.ent_type_ or before.dep_ != "compound" \
            or before.head.i != ent.start or not _name_part(before) \
            or before.lower_.rstrip(".") in titles() or _opening_preposition(before):
        return None
    return Span(doc, ent.start - 1, ent.end, label="PERSON")


def _lone_name(ent: Span, surnames: set[str], companies: set[str]) -> Span:
    """A one-word entity as the person or organisation the article names with that word
    (a place only where no preposition puts it there)."""
    if len(ent) == 1 and ent.label_ in _RELABEL and ent.text in surnames:
        return _relabelled(ent, "PERSON")
    if len(ent) == 1 and ent.label_ in ("GPE", "LOC") and ent.text in surnames \
            and not (ent.start and ent.doc[ent.start - 1].pos_ == "ADP"):
        return _relabelled(ent, "PERSON")  # `Vendt, who …` tagged a place; not `in Vendt`
    if len(ent) == 1 and ent.label_ == "PERSON" and ent.text in companies:
        return _relabelled(ent, "ORG")
    return ent


def _found(doc: Doc, start: int, end: int) -> Span | None:
    return _titled(doc, start, end) or _described(doc, start, end) \
        or _role_apposition(doc, start, end) or _organization(doc, start, end)


def _titled_runs(doc: Doc) -> Iterator[Span]:
    """Two or three capitalised proper nouns after a capitalised title, which the NER tagged
    in part or cut into pieces (`Rev. Aldous Penhale` with `Penhale` a place)."""
    for token in doc:
        if not (token.text[:1].isupper() and token.lower_.rstrip(".") in titles()):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and _proper(doc[end:end + 1]) \
                and doc[end].lower_.rstrip(".") not in titles():
            end += 1
        run = doc[token.i + 1:end]
        pieces = [e for e in doc.ents if e.start < run.end and run.start < e.end]
        whole = [(e.start, e.end) for e in pieces] == [(run.start, run.end)]
        if 2 <= len(run) <= 3 and pieces and not whole \
                and all(run.start <= e.start and e.end <= run.end for e in pieces) \
                and run[-1].lower_ not in source_words()["organization"]:
            yield Span(doc, run.start, run.end, label="PERSON")


def _portfolio_runs(doc: Doc) -> Iterator[Span]:
    """A person after a capitalised title with its portfolio (`Minister for Coastal
    Communities Pall Ravndal`, `Secretary of Defense Lloyd Austin`), which the NER did not
    tag as a person: the last two of three or more capitalised proper nouns after the
    title's `for` or `of`, when no organisation's head noun ends them."""
    for token in doc[2:]:
        if not (after_portfolio(token) and _proper(doc[token.i:token.i + 1])):
            continue
        end = token.i
        while end < len(doc) and _proper(doc[end:end + 1]):
            end += 1
        name = doc[end - 2:end]
        if end - token.i >= 3 and name[-1].lower_ not in source_words()["organization"] \
                and not any(e.label_ == "PERSON" and e.end == end for e in doc.ents):
            yield Span(doc, name.start, name.end, label="PERSON")


def _after_title(doc: Doc, ent: Span) -> Span | None:
    """`director Nadia Ferrand` with the name tagged as an organisation: two or three
    capitalised names right after a title word are a person."""
    if 2 <= len(ent) <= 3 and ent.start > 0 and doc[ent.start - 1].lower_ in titles():
        return _titled(doc, ent.start - 1, ent.end)
    return None


def _company(ent: Span) -> Span | None:
    """A "person" that ends in an organisation's head noun (`Northcastle Freight`, or `Guild`
    cut from `the Ambulance Workers' Guild`), or that an apposition calls one (`Corbin Ashe,
    the firm that …`), as an organisation."""
    heads = source_words()["organization"]
    last = ent[-1]
    # the nearest apposition only: in `Grant Halvey, the chairman …, the firm that bought
    # the club` the parser may hang the second, the firm's, on the man too
    appos = next((child for child in ent.root.children if child.dep_ == "appos"), None)
    described = appos is not None and appos.lemma_.lower() in heads \
        and any(d.lower_ in ("the", "a", "an") for d in appos.children)
    if (last.text[:1].isupper() and last.lower_ in heads) or described \
            or _described_after(ent) in heads:
        return _relabelled(ent, "ORG")
    return None


def _described_after(ent: Span) -> str:
    """The head noun of a description right after a name, as written (`Keep Harlow Baths
    Open, the grassroots parents' campaign that …` → `campaign`; `Grant Halvey, the
    chairman of …` → `chairman`; `Jens Aamodt, the company's managing director` → `director`
    or nothing), for when the parser does not hang it on the name."""
    doc, head = ent.doc, ""
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "," \
            or doc[ent.end + 1].lower_ not in ("the", "a", "an"):
        return ""
    for token in doc[ent.end + 2:ent.end + 7]:
        if token.dep_ == "case":  # a possessor is not the head: `the company's director`
            head = ""
            continue
        if token.is_punct or token.pos_ in ("ADP", "PRON", "AUX") \
                or (token.pos_ == "VERB" and token.dep_ not in ("amod", "compound")):
            break
        if token.pos_ == "NOUN":
            head = token.lemma_.lower()
    return head


def _facility(ent: Span) -> Span | None:
    """A "person" whose name ends in a building's or a street's noun (`Hallam Building`,
    `Tollerby Hospital`) as a facility, in a natural place's (`Gannet Ledges`) as a place."""
    last = ent[-1]
    if len(ent) < 2 or not last.text[:1].isupper():
        return None
    if last.lower_ in _FACILITIES:
        return _relabelled(ent, "FAC")
    return _relabelled(ent, "LOC") if last.lower_ in _LANDFORMS else None


def _relabelled(ent: Span, label: str) -> Span:
    return Span(ent.doc, ent.start, ent.end, label=label)


def _name_part(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower_ not in _WEEKDAYS \
        and (token.pos_ == "PROPN" or token.lower_.rstrip(".") in titles())


def _titled(doc: Doc, start: int, end: int) -> Span | None:
    """The person in `doc[start:end]` when it is title words, then capitalised proper nouns
    that do not end in an organisation's head noun (`General Motors`)."""
    words = doc[start:end]
    marked = [t.i for t in words if t.lower_.rstrip(".") in titles()]
    if not marked or marked[-1] + 1 >= end:
        return None
    name = doc[marked[-1] + 1:end]
    if not _proper(name) or name[-1].lower_ in source_words()["organization"]:
        return None
    return Span(doc, name.start, name.end, label="PERSON")


def _proper(name: Span) -> bool:
    """Whether every word of `name` is a capitalised proper noun, not a day of the week."""
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in _WEEKDAYS
               for t in name)


def _organization(doc: Doc, start: int, end: int) -> Span | None:
    """`doc[start:end]` as an organisation when it is capitalised proper nouns ending in an
    organisation's head noun (`Vantor Water Services`)."""
    name = doc[start:end]
    heads = source_words()["organization"]
    if len(name) >= 2 and _proper(name) \
            and (name[-1].lower_ in heads or name[-1].lower_.removesuffix("s") in heads):
        return Span(doc, start, end, label="ORG")
    return None


# what only a person has, after `whose` (not a company's `whose profits fell`)
_PERSONAL = frozenset({"home", "house", "flat", "apartment", "shop", "farm", "son", "sons",
                       "daughter", "daughters", "wife", "husband", "partner", "child",
                       "children", "family", "mother", "father", "brother", "sister",
                       "parents", "grandson", "granddaughter"})


def _described(doc: Doc, start: int, end: int) -> Span | None:
    """The person `doc[start:end]` names when it is two or three capitalised proper nouns
    followed by an apposition whose head is a person's role (`, a senior fellow at`, `, the
    opposition Social Alliance's transport spokeswoman`), by an age (`, 16,`), or by a
    relative clause of a person (`, who`, `, whose son`)."""
    name = doc[start:end]
    if not 2 <= len(name) <= 3 or end + 1 >= len(doc) or doc[end].text != "," \
            or not _proper(name) \
            or name[-1].lower_ in source_words()["organization"]:
        return None
    roles = source_words()["person"] | titles()
    after = end + 1
    if doc[after].like_num and after + 1 < len(doc) and doc[after + 1].text == ",":
        if doc[after].text.isdigit() and 0 < int(doc[after].text) < 120:
            return Span(doc, start, end, label="PERSON")  # an age: `Eli Brandt, 16, said`
        after += 2
    if doc[after].lower_ == "who" or (  # `Curtis Fenn, who owns the hotel,`
            doc[after].lower_ == "whose"  # `Vera Kastellan, whose hardware shop`
            and any(t.lower_ in _PERSONAL for t in doc[after + 1:after + 4])):
        return Span(doc, start, end, label="PERSON")
    if any(child.dep_ == "appos" and child.pos_ == "NOUN" and child.lower_ in roles
           for child in name.root.children):  # `, the opposition party's transport spokeswoman`
        return Span(doc, start, end, label="PERSON")
    for token in doc[after:min(after + 5, len(doc))]:
        if token.is_punct or token.lower_ in ("who", "which", "that"):
            return None
        # not a possessor: `Safe Homes Ardle, a residents' campaign` is the campaign
        if token.pos_ == "NOUN" and token.lower_ in roles and token.dep_ != "poss":
            return Span(doc, start, end, label="PERSON")
    return None


def _role_apposition(doc: Doc, start: int, end: int) -> Span | None:
    """The person `doc[start:end]` names when it is two or three capitalised proper nouns
    in apposition to a person's role just before it (`The council leader, Dermot Askew,`)."""
    name = doc[start:end]
    if not 2 <= len(name) <= 3 or start < 2 or doc[start - 1].text != "," \
            or not _proper(name) or name[-1].lower_ in source_words()["organization"]:
        return None
    role = doc[start - 2]
    roles = source_words()["person"] | titles()
    if role.pos_ == "NOUN" and role.lower_ in roles and name.root.head.i == role.i \
            and name.root.dep_ == "appos":
        return Span(doc, start, end, label="PERSON")
    return None


def find_entities(doc: Doc) -> list[Entity]:
    """The entities of `doc` (people, organisations, places …) with canonical names."""
    names = canonical_names(doc)
    return [Entity(start=ent.start_char, end=ent.end_char, text=ent.text, label=ent.label_,
                   canonical=names.get(surface(ent), surface(ent)) or ent.text)
            for ent in ents_of(doc) if ent.label_ in LABELS]
