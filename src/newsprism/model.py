"""The data model: frozen dataclasses and their JSON form (contract: ARCHITECTURE.md).

Annotation is standoff: `Article.text` is fixed once cleaning is done, and every result is
a span with character offsets ``[start, end)`` into it plus the covered ``text``.
`to_dict` / `from_dict` convert any of these classes to and from plain JSON values;
`from_dict(Article, to_dict(article)) == article` for every valid article.
"""

from __future__ import annotations

import dataclasses
import json
import types
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

SCHEMA = "newsprism/1"

SpeakerType = Literal["named", "organization", "unnamed", "anonymous", "unknown"]
SPEAKER_TYPES: tuple[str, ...] = get_args(SpeakerType)


def _check_offsets(start: int, end: int) -> None:
    if not 0 <= start <= end:
        raise ValueError(f"invalid span offsets [{start}, {end}): need 0 <= start <= end")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    # Probability that the sentence is biased/opinionated (sentence-bias model), once scored.
    bias: float | None = None

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    canonical: str

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted or reported speech; `speaker_start`/`speaker_end` locate the speaker's mention
    (`he`, `the ministry`) and `speaker` names who it is (`Stephen Townsend`)."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_type: SpeakerType
    verb: str | None
    direct: bool
    verb_class: str | None = None
    speaker_role: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)
        if self.speaker_type not in SPEAKER_TYPES:
            raise ValueError(f"invalid speaker_type {self.speaker_type!r}; "
                             f"expected one of {SPEAKER_TYPES}")


FigureKind = Literal["quantity", "date"]


@dataclass(frozen=True, slots=True)
class Figure:
    """A number an article states (`kind` quantity) or a date it gives (`kind` date).

    For a quantity, `value` is the normalised number (`5.6 million` → 5600000, `40%` → 40
    with unit `%`); for a date, `date` is the ISO date it resolves to when known.
    """

    start: int
    end: int
    text: str
    value: float | int | None
    unit: str | None
    counts: str | None
    qualifier: str | None
    attributed_to: str | None
    kind: FigureKind = "quantity"
    date: str | None = None

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)


@dataclass(frozen=True, slots=True)
class FramingSpan:
    start: int
    end: int
    text: str
    label: str
    score: float
    evidence: str

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Technique:
    start: int
    end: int
    text: str
    label: str
    score: float

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Removed:
    """A line cleaning took out of the text, and why."""

    line: str
    reason: str


DocumentKind = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read: decoded content plus whatever metadata came with it.

    `source` names the exact input (`file.jsonl:3`); `origin` is the file it came from
    (`-` for stdin), used to look its outlet up.
    """

    id: str
    source: str
    origin: str
    kind: DocumentKind
    content: str
    content_hash: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    notes: tuple[str, ...] = ()


SpanLike = Sentence | Entity | Quote | Figure | FramingSpan | Technique
LAYERS: tuple[str, ...] = ("sentences", "entities", "quotes", "figures", "framing", "techniques")


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article and its annotation layers (empty until a stage fills them)."""

    id: str
    outlet: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    dateline: str | None = None
    byline: str | None = None
    language: str | None = None
    source: str | None = None
    content_hash: str | None = None
    notes: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    framing: tuple[FramingSpan, ...] = ()
    techniques: tuple[Technique, ...] = ()
    title_framing: tuple[FramingSpan, ...] = ()  # framing spans of the headline, into `title`

    def __post_init__(self) -> None:
        for layer in LAYERS:
            for span in getattr(self, layer):
                self._check_span(layer, span, self.text)
        for span in self.title_framing:
            self._check_span("title_framing", span, self.title or "")

    def _check_span(self, layer: str, span: SpanLike, text: str) -> None:
        if span.end > len(text):
            raise ValueError(f"article {self.id!r}: {layer} span [{span.start}, {span.end}) "
                             f"lies outside the text ({len(text)} characters)")
        covered = getattr(span, "text", None)
        if covered is not None and covered != text[span.start:span.end]:
            raise ValueError(f"article {self.id!r}: {layer} span [{span.start}, {span.end}) "
                             f"says {covered!r} but the text there is "
                             f"{text[span.start:span.end]!r}")


@dataclass(frozen=True, slots=True)
class Failure:
    """An input or article that could not be processed, and why."""

    source: str
    problem: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one story; `syndicated` pairs each copy with its original."""

    id: str
    articles: tuple[str, ...]
    syndicated: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence of one article that states a fact."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact of a story: the sentences that state it per article, and who omits it.
    `clause` is the part of the `summary` sentence that states the fact when the sentence
    states more than one (another fact may be told by the same sentence), else empty.

    A detail of a fact (`detail_of` its id) is a name, figure or date some articles give and
    others leave out; `clause` is then the detail's words in the summary sentence."""

    id: str
    summary: str
    reported_by: dict[str, tuple[Evidence, ...]]
    omitted_by: tuple[str, ...] = ()
    clause: str = ""
    detail_of: str = ""


@dataclass(frozen=True, slots=True)
class FigureValue:
    """One article's value for a quantity that several articles state."""

    article: str
    start: int
    end: int
    text: str
    value: float | None
    qualifier: str | None = None
    attributed_to: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Articles giving different values for one quantity: a `conflict`, or an `update` when
    a later article states a newer value."""

    quantity: str
    values: tuple[FigureValue, ...]
    kind: Literal["conflict", "update"] = "conflict"


@dataclass(frozen=True, slots=True)
class Naming:
    """The words each article uses for one referent; `loaded` lists flagged forms, and
    `differs` tells whether the articles name it differently."""

    referent: str
    forms: dict[str, str]
    loaded: tuple[str, ...] = ()
    differs: bool = True

    def is_loaded(self, article_id: str) -> bool:
        """Whether one of the article's forms (`name / description`) is flagged."""
        form = self.forms.get(article_id)
        return form is not None and any(part in self.loaded for part in form.split(" / "))


@dataclass(frozen=True, slots=True)
class Voice:
    """One speaker's quotes across a story's articles."""

    speaker: str
    speaker_type: SpeakerType
    quotes: dict[str, tuple[Evidence, ...]]


@dataclass(frozen=True, slots=True)
class BriefSentence:
    """A sentence of the neutral brief and the articles it rests on."""

    text: str
    cites: tuple[str, ...]
    section: Literal["summary", "conflict", "only"] = "summary"


@dataclass(frozen=True, slots=True)
class Comparison:
    """How the articles of one story compare: facts × articles, conflicts, naming, sourcing,
    framing, and the cited brief."""

    id: str
    articles: tuple[str, ...]
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    naming: tuple[Naming, ...] = ()
    quotes: tuple[Voice, ...] = ()
    sourcing: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    framing: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    brief: tuple[BriefSentence, ...] = ()
    independent_sources: int = 0
    syndicated: tuple[tuple[str, str], ...] = ()


# -- JSON (de)serialisation ---------------------------------------------------------------

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready value of a model object (dataclasses become dicts, tuples lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {key: to_dict(value) for key, value in obj.items()}
    return obj


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Inverse of `to_dict`: build `cls` from a dict, ignoring keys it does not know."""
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object for {cls.__name__}, got {type(data).__name__}")
    hints = get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        inner = [arg for arg in get_args(hint) if arg is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        return tuple(_convert(get_args(hint)[0], item) for item in value)
    if origin is dict:
        return {key: _convert(get_args(hint)[1], item) for key, item in value.items()}
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)  # type: ignore[arg-type]
    return value


def article_to_json(article: Article) -> str:
    """One line of JSON for an article, with the schema tag first."""
    return json.dumps({"schema": SCHEMA, **to_dict(article)}, ensure_ascii=False)


def article_from_json(line: str) -> Article:
    data = json.loads(line)
    schema = data.pop("schema", SCHEMA)
    if schema != SCHEMA:
        raise ValueError(f"unsupported schema {schema!r}; this version reads {SCHEMA!r}")
    return from_dict(Article, data)


__all__ = [
    "LAYERS", "SCHEMA", "SPEAKER_TYPES", "Article", "BriefSentence", "Comparison", "Conflict",
    "Entity", "Evidence", "Fact", "Failure", "Figure", "FigureValue", "FramingSpan", "Naming",
    "Quote", "RawDocument", "Removed", "Sentence", "Story", "Technique", "Voice",
    "article_from_json", "article_to_json", "from_dict", "to_dict",
]
