"""Bytes to text: BOMs, UTF-8, a declared or detected legacy encoding; binary refused."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from newsprism.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive", b"\x1f\x8b": "gzip data",
    b"\x7fELF": "an executable", b"RIFF": "a RIFF media file", b"SQLite format 3": "a database",
}
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
                       rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: bytes, source: str, fallback: str = "cp1252") -> tuple[str, list[str]]:
    """Decode `data`; return the text and notes on anything lossy or guessed."""
    if not data.strip():
        raise InputError(source, "empty input (no text to read)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, encoding, source, "byte-order mark")
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(source, f"binary file ({what}), not text, HTML or JSON")
    try:
        return _checked(data.decode("utf-8"), source), []
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data)
    if declared:
        return _decode_with(data, declared, source, "declared")
    detected = _detect(data[:200_000], fallback)
    if detected:
        return _decode_with(data, detected, source, "detected")
    return _decode_with(data, fallback, source, "fallback")


def _detect(data: bytes, preferred: str) -> str | None:
    """charset-normalizer's best guess; among equally good guesses, `preferred` wins."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    preferred = codecs.lookup(preferred).name
    for match in matches:
        if (match.chaos, match.coherence) == (best.chaos, best.coherence) and any(
                codecs.lookup(name).name == preferred for name in match.could_be_from_charset):
            return preferred
    return str(best.encoding)


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML or XML document declares in its first bytes, if it is known."""
    found = _DECLARED.search(data[:4096])
    if not found:
        return None
    name = (found.group(1) or found.group(2)).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_with(data: bytes, encoding: str, source: str, how: str) -> tuple[str, list[str]]:
    text = data.decode(encoding, errors="replace")
    notes = [] if encoding.startswith("utf-") else [f"decoded as {encoding} ({how})"]
    bad = text.count("\ufffd")
    if bad:
        notes.append(f"{bad} undecodable byte sequence(s) replaced")
    return _checked(text.lstrip("\ufeff"), source), notes


def _checked(text: str, source: str) -> str:
    """Refuse text that is mostly control characters: it is binary data in disguise."""
    sample = text[:100_000]
    junk = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if junk > max(8, len(sample) // 10):
        raise InputError(source, "binary data, not text (too many control or "
                                 "undecodable characters)")
    return text
