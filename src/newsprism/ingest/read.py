"""Read one input (file or stdin) into raw documents: text, HTML or JSON records."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

from newsprism.errors import InputError
from newsprism.ingest.decode import decode
from newsprism.ingest.sources import Source
from newsprism.model import DocumentKind, Failure, RawDocument

_KINDS = {".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
_RECORD_KEYS = ("id", "title", "text", "html", "url", "outlet", "published")
MAX_ID_LENGTH = 200


def read_source(source: Source, max_bytes: int, fallback_encoding: str = "cp1252",
                stdin: BinaryIO | None = None) -> Iterator[RawDocument | Failure]:
    """Yield the documents in `source`, or a `Failure` for each part that cannot be read."""
    try:
        data = _read_bytes(source, max_bytes, stdin)
        text, notes = decode(data, source.name, fallback_encoding)
    except InputError as exc:
        yield Failure(exc.source, exc.problem)
        return
    kind = _kind(source, text)
    if kind == "json":
        yield from _json_records(source, text, notes)
    elif kind == "jsonl":
        yield from _jsonl_records(source, text, notes)
    else:
        doc_id = source.stem if source.path else f"stdin-{content_hash(text)[:12]}"
        yield RawDocument(id=doc_id, source=source.name, origin=source.name,
                          kind=_as_kind(kind), content=text, content_hash=content_hash(text),
                          notes=tuple(notes))


def raw_document(doc_id: str, content: str, kind: DocumentKind = "text",
                 title: str | None = None, source: str | None = None) -> RawDocument:
    """A raw document made in code (tests, evaluations): `source` and `origin` default to
    the id, and the content hash is computed."""
    return RawDocument(id=doc_id, source=source or doc_id, origin=source or doc_id, kind=kind,
                       content=content, content_hash=content_hash(content), title=title)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _read_bytes(source: Source, max_bytes: int, stdin: BinaryIO | None) -> bytes:
    try:
        if source.path is None:
            data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
        else:
            size = source.path.stat().st_size
            if size > max_bytes:
                raise InputError(source.name, _too_big(size, max_bytes))
            with source.path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source.name, f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise InputError(source.name, _too_big(len(data), max_bytes, at_least=True))
    return data


def _too_big(size: int, limit: int, at_least: bool = False) -> str:
    amount = f"{'over ' if at_least else ''}{size:,} bytes"
    return f"input is {amount}, above the {limit:,}-byte limit (setting ingest.max_bytes)"


def _kind(source: Source, text: str) -> str:
    if source.path is not None and source.path.suffix.lower() in _KINDS:
        return _KINDS[source.path.suffix.lower()]
    head = text.lstrip()[:200].lower()
    if source.path is None and head.startswith(("{", "[")):
        return "jsonl" if head.startswith("{") and "\n{" in text.strip() else "json"
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def _json_records(source: Source, text: str, notes: list[str]) -> Iterator[RawDocument | Failure]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Failure(f"{source.name}:{exc.lineno}", f"invalid JSON ({exc.msg})")
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        where = source.name if len(records) == 1 else f"{source.name}#{number}"
        yield _record(source, where, record, number, notes)


def _jsonl_records(source: Source, text: str, notes: list[str]) -> Iterator[RawDocument | Failure]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source.name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"invalid JSON line ({exc.msg} at column {exc.colno})")
            continue
        yield _record(source, where, record, number, notes)


def _record(source: Source, where: str, record: Any, number: int,
            notes: list[str]) -> RawDocument | Failure:
    try:
        return _parse_record(source, where, record, number, notes)
    except InputError as exc:
        return Failure(exc.source, exc.problem)


def _parse_record(source: Source, where: str, record: Any, number: int,
                  notes: list[str]) -> RawDocument:
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object with keys {', '.join(_RECORD_KEYS)}")
    fields = {key: _string_field(where, record, key) for key in _RECORD_KEYS}
    body, kind = (fields["text"], "text") if fields["text"] else (fields["html"], "html")
    if not body or not body.strip():
        raise InputError(where, 'record has no "text" or "html" to read')
    doc_id = fields["id"] or f"{source.stem}-{number}"
    if len(doc_id) > MAX_ID_LENGTH or not doc_id.isprintable():
        raise InputError(where, f"invalid id {doc_id[:50]!r}: need at most {MAX_ID_LENGTH} "
                                "printable characters")
    record_notes = list(notes)
    published = _published(fields["published"], record_notes)
    return RawDocument(id=doc_id, source=where, origin=source.name, kind=_as_kind(kind),
                       content=body,
                       content_hash=content_hash(json.dumps(record, sort_keys=True)),
                       outlet=fields["outlet"], title=fields["title"], url=fields["url"],
                       published=published, notes=tuple(record_notes))


def _string_field(where: str, record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError(where, f'"{key}" must be a string, got {type(value).__name__}')
    return value.strip() or None


def _published(value: str | None, notes: list[str]) -> str | None:
    """The record's ISO date or date-time, normalised; a bare date stays a date (no time is
    known, which is not midnight)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return moment.date().isoformat() if len(value.strip()) == 10 else moment.isoformat()
    except ValueError:
        notes.append(f"published date {value!r} is not ISO 8601; ignored")
        return None


def _as_kind(kind: str) -> DocumentKind:
    return "html" if kind == "html" else "text"
