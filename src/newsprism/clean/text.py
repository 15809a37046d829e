"""Plain text: normalise whitespace and control characters, find the headline line."""

from __future__ import annotations

import re

from newsprism.clean.lines import form_reason

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\xa0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_LETTER = re.compile(r"[^\W\d_]")

MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 30


def normalize_text(text: str) -> str:
    """One newline style, no control characters, single spaces, at most one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def looks_like_headline(line: str) -> bool:
    """A short line of words that does not end like a body sentence or a caption."""
    line = line.strip()
    words = line.split()
    if not line or len(line) > MAX_HEADLINE_CHARS or not 2 <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    letters = len(_LETTER.findall(line))
    if letters < 0.6 * len(line.replace(" ", "")):
        return False
    return not line.endswith((".", ",", ";", ":", "…")) or line.endswith(("Jr.", "St.", "Inc."))


def split_headline(text: str) -> tuple[str | None, str, str | None]:
    """Split normalised text into (headline or None, body, note on a refused first line).

    The first non-empty line is the headline when it looks like one and a blank line or the
    end of a paragraph follows it; otherwise there is no headline and the body is the whole
    text (we never invent a title from debris).
    """
    first, _, rest = text.partition("\n")
    candidate = first.removeprefix("# ").strip() if first.startswith("# ") else first.strip()
    if looks_like_headline(candidate) and form_reason(candidate) is None and rest.strip():
        return candidate, rest.strip("\n"), None
    note = f"no usable headline: the first line {first.strip()[:80]!r} does not look like one"
    return None, text, note
