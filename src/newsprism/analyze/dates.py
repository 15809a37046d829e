"""Dates in article text: the patterns that find them and their resolution to ISO form.

A date without a year is the latest such date on or before the publication date, or the
first on or after it when it looks ahead (`by March 3`, a future clause) or, when the tense
does not tell, is nearer (`would pass it on from 1 June` in mid-May); weekdays and relative
dates (`yesterday`, `last month`, `earlier this year`) resolve to the last one unless they
look ahead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from newsprism.clean.dates import MONTHS


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of `words`, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = rf"(?P<weekday>{'|'.join(_WEEKDAYS)})"
_MONTH = (r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October"
          rf"|November|December)\b|(?:{alternation(m.title() for m in MONTHS if len(m) < 5)})"
          r"\b\.?)")
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
DATE_PATTERNS = [re.compile(p) for p in (
    rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?",
    rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",
    rf"\b{_MONTH}\s+{_YEAR}\b",
    r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b",
    rf"\b{_WEEKDAY}\b",
    r"\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)\b",
    rf"\b(?P<which>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier\s+this|[Ll]ater\s+this)\s+"
    rf"(?P<period>week|month|year|{'|'.join(_WEEKDAYS)})\b",
)]
BARE_MONTH = re.compile(rf"\b{_MONTH}")  # a date only inside a spaCy DATE entity
BARE_YEAR = re.compile(r"(?<![\w.,$€£-])(?:1[89]|20)\d\d(?![\w%]|[.,]\d|-\d)")
DEADLINE = re.compile(r"\b(?:by|until|till|before|no later than|deadline of)\s+$", re.I)

def resolve_date(m: re.Match[str], pub: date | None, forward: bool | None) -> str | None:
    """ISO form of a date match; a missing year makes it the latest on or before `pub`
    (the first on or after `pub` when `forward`, the nearer of the two when it is None)."""
    groups = m.groupdict()
    if groups.get("rel") or groups.get("which"):
        return _relative(groups, pub) if pub else None
    year, day = (int(groups[k]) if groups.get(k) else None for k in ("year", "day"))
    name = (groups.get("month") or "").lower().rstrip(".")
    month = int(name) if name.isdigit() else MONTHS.get(name)
    if month is None:
        weekday = groups.get("weekday")
        if weekday:
            return _weekday(pub, _WEEKDAYS.index(weekday), "forward" if forward else "")
        return f"{year:04d}" if year else None
    if year is None and pub is not None:
        year = _nearest_year(pub, month, day, forward)
    try:
        return None if year is None else date(year, month, day).isoformat() if day \
            else f"{year:04d}-{month:02d}"
    except ValueError:
        return None


def _nearest_year(pub: date, month: int, day: int | None, forward: bool | None) -> int:
    """The year of a date given without one: the next such date when `forward`, the last
    one when not, and when the tense does not tell the nearer (`from 1 June` in mid-May)."""
    ahead = pub.year + ((month, day or 31) < (pub.month, pub.day))
    behind = pub.year - ((month, day or 1) > (pub.month, pub.day))
    if forward is not None:
        return ahead if forward else behind
    after = date(ahead, month, min(day or 1, 28)) - pub
    before = pub - date(behind, month, min(day or 28, 28))
    return ahead if after < before else behind


def _weekday(pub: date | None, index: int, which: str) -> str | None:
    """Weekday `index` on or before `pub`: strictly before for `last`, strictly after for
    `next`, on or after for `forward`."""
    if pub is None:
        return None
    if which in ("next", "forward"):
        ahead = (index - pub.weekday()) % 7 or (7 if which == "next" else 0)
        return (pub + timedelta(days=ahead)).isoformat()
    back = (pub.weekday() - index) % 7 or (7 if which == "last" else 0)
    return (pub - timedelta(days=back)).isoformat()


def _relative(groups: dict[str, str | None], pub: date) -> str | None:
    """`yesterday`, `last month`, `next Tuesday`, `earlier this year` against `pub`."""
    if groups.get("rel"):
        shift = {"yesterday": -1, "tomorrow": 1}.get(str(groups["rel"]).lower(), 0)
        return (pub + timedelta(days=shift)).isoformat()
    which, period = str(groups["which"]).lower().split()[0], str(groups["period"])
    step = {"last": -1, "next": 1}.get(which, 0)
    if period in _WEEKDAYS:
        return _weekday(pub, _WEEKDAYS.index(period), which)
    if period == "year":
        return f"{pub.year + step:04d}"
    months = pub.year * 12 + pub.month - 1 + step
    return None if period == "week" else f"{months // 12:04d}-{months % 12 + 1:02d}"
