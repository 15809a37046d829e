"""HTML pages: main text and metadata with trafilatura (comments excluded)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import trafilatura
from trafilatura.settings import Document

from newsprism.clean.text import normalize_text
from newsprism.errors import InputError


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None
    url: str | None
    published: str | None
    sitename: str | None
    author: str | None


def extract_html(html: str, source: str) -> Extracted:
    """Main text of a page; `InputError` when the page has no extractable body."""
    found = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True,
                                        include_tables=False)
    doc: dict[str, Any] = found.as_dict() if isinstance(found, Document) else {}
    raw_text = doc.get("text")
    if not isinstance(raw_text, str) or not raw_text.strip():
        raise InputError(source, "no article text found in the HTML page")
    title = _clean(doc.get("title"))
    lines = [line for line in raw_text.split("\n") if line.strip()]
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]
    text = normalize_text("\n\n".join(lines))
    if not text:
        raise InputError(source, "no article text found in the HTML page")
    return Extracted(text=text, title=title, url=_clean(doc.get("url")),
                     published=_clean(doc.get("date")), sitename=_clean(doc.get("sitename")),
                     author=_clean(doc.get("author")))


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
