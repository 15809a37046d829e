"""Article text as HTML with standoff spans marked.

The text is cut at every span boundary and each piece is escaped on its own, so spans that
overlap or nest never produce broken markup: a piece is wrapped in one ``<span>`` carrying
the kinds, tooltips and targets of every span that covers it. A target (a sentence a link
can jump to) also gets an element with its ``id`` around its first piece.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span: `kind` becomes the CSS class ``hl-<kind>``, `tip` its tooltip."""

    start: int
    end: int
    kind: str
    tip: str


@dataclass(frozen=True, slots=True)
class Target:
    """A span links can point to, as ``#<id>``."""

    start: int
    end: int
    id: str


def locate(text: str, start: int, end: int, covered: str | None = None) -> tuple[int, int] | None:
    """`[start, end)` if it is a non-empty span of `text` that says `covered`; else where
    `covered` first occurs in `text`; None when the span cannot be placed."""
    inside = 0 <= start < end <= len(text)
    if inside and (covered is None or text[start:end] == covered):
        return start, end
    if covered:
        found = text.find(covered)
        if found >= 0:
            return found, found + len(covered)
    return None


def highlight(text: str, marks: Iterable[Mark], targets: Iterable[Target]) -> Markup:
    """`text` escaped, with every mark and target inside it wrapped (see the module doc)."""
    marks = [mark for mark in marks if 0 <= mark.start < mark.end <= len(text)]
    targets = [target for target in targets if 0 <= target.start < target.end <= len(text)]
    bounds = sorted({0, len(text), *_ends(marks), *_ends(targets)})
    pieces = [_piece(text, start, end, marks, targets) for start, end in pairwise(bounds)]
    return Markup("".join(pieces))


def _ends(spans: Sequence[Mark | Target]) -> set[int]:
    return {span.start for span in spans} | {span.end for span in spans}


def _piece(text: str, start: int, end: int, marks: Sequence[Mark],
           targets: Sequence[Target]) -> str:
    covering = [mark for mark in marks if mark.start <= start and end <= mark.end]
    inside = [target for target in targets if target.start <= start and end <= target.end]
    html = str(escape(text[start:end]))
    if covering or inside:
        html = f"<span{_attributes(covering, inside)}>{html}</span>"
    for target in inside:
        if target.start == start:
            html = f'<span class="target" id="{escape(target.id)}">{html}</span>'
    return html


def _attributes(marks: Sequence[Mark], targets: Sequence[Target]) -> str:
    classes = [f"hl-{kind}" for kind in dict.fromkeys(mark.kind for mark in marks)]
    attributes = {"class": " ".join((["hl"] if marks else []) + classes + ["ev"] * bool(targets))}
    if targets:
        attributes["data-ev"] = " ".join(dict.fromkeys(target.id for target in targets))
    if marks:
        attributes["title"] = "\n".join(dict.fromkeys(mark.tip for mark in marks))
        attributes["tabindex"] = "0"
    return "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())
