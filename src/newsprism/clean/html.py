"""HTML pages: main text with trafilatura (comments excluded), metadata from the page's head.

The page is parsed once with lxml. Metadata (title, canonical URL, site name, publication
date, author) is read from the markup publishers put there for it (Open Graph, schema.org,
`<meta>` names, `<time>`), which is as reliable as a search of the whole page for dates and
costs a fraction of it; trafilatura then extracts the main text from the same tree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml import etree, html

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


_META = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "url": ("og:url",),
    "sitename": ("og:site_name", "application-name", "publisher"),
    "published": ("article:published_time", "datepublished", "date", "pubdate", "publishdate",
                  "publish-date", "dc.date", "dc.date.issued", "parsely-pub-date",
                  "sailthru.date", "og:published_time", "article.published"),
    "author": ("author", "article:author", "parsely-author", "dc.creator", "byl"),
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def extract_html(page: str, source: str) -> Extracted:
    """Main text and metadata of a page; `InputError` when it has no extractable body."""
    tree = _parse(page, source)
    meta = page_metadata(tree)
    found = trafilatura.bare_extraction(tree, include_comments=False)
    raw_text = getattr(found, "text", None)
    if not isinstance(raw_text, str) or not raw_text.strip():
        raise InputError(source, "no article text found in the HTML page")
    title = meta["title"] or _clean(getattr(found, "title", None))
    lines = [line for line in raw_text.split("\n") if line.strip()]
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]
    text = normalize_text("\n\n".join(lines))
    if not text:
        raise InputError(source, "no article text found in the HTML page")
    return Extracted(text=text, title=title, url=meta["url"], published=meta["published"],
                     sitename=meta["sitename"], author=meta["author"])


def _parse(page: str, source: str) -> Any:
    try:
        tree = html.fromstring(page.encode("utf-8", "surrogatepass"),
                               parser=html.HTMLParser(encoding="utf-8", remove_comments=True))
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"cannot parse the HTML ({exc})") from exc
    if tree is None:
        raise InputError(source, "cannot parse the HTML (no document)")
    return tree


def page_metadata(tree: Any) -> dict[str, str | None]:
    """Title, URL, site name, publication date (ISO) and author from a parsed page."""
    tags: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        value = _clean(node.get("content"))
        if key and value and key not in tags:
            tags[key] = value
    meta = {field: next((tags[key] for key in keys if key in tags), None)
            for field, keys in _META.items()}
    linked = _jsonld(tree)
    meta["title"] = meta["title"] or linked.get("headline") or _first_text(tree, "//h1") \
        or _first_text(tree, "//title")
    meta["url"] = meta["url"] or _clean(next(iter(tree.xpath(
        "//link[@rel='canonical']/@href")), None))
    meta["published"] = _iso(meta["published"] or linked.get("datePublished")
                             or next(iter(tree.xpath("//time/@datetime")), None))
    meta["author"] = meta["author"] or linked.get("author")
    return meta


def _jsonld(tree: Any) -> dict[str, str]:
    """headline, datePublished and author of the first schema.org article in JSON-LD."""
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except json.JSONDecodeError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and "datePublished" in item:
                author = item.get("author")
                if isinstance(author, list):
                    author = author[0] if author else None
                if isinstance(author, dict):
                    author = author.get("name")
                values = {"headline": item.get("headline"),
                          "datePublished": item.get("datePublished"), "author": author}
                return {key: value.strip() for key, value in values.items()
                        if isinstance(value, str) and value.strip()}
    return {}


def _first_text(tree: Any, path: str) -> str | None:
    for node in tree.xpath(path):
        text = _clean(node.text_content())
        if text:
            return text
    return None


def _iso(value: object) -> str | None:
    found = _ISO_DATE.search(value) if isinstance(value, str) else None
    return found.group(0).replace(" ", "T") if found else None


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
