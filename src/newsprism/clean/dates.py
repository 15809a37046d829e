"""Dates written out in scraped text: a line that is only a date, with optional time."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PREFIX = (r"^(?:(?:published|updated|posted|last updated|first published|date)\b\s*(?:on)?:?\s*)?"
           r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?")
_TIME = (r"(?:\s*(?:[,|•·–—-]|\bat\b)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
         r"(?:\s*[A-Z]{2,4})?)?\s*$")
_FORMS = [re.compile(_PREFIX + form + _TIME, re.I) for form in (
    rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}",
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    r"(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})",
)]


def parse_date_line(line: str) -> str | None:
    """ISO date (YYYY-MM-DD) when `line` says nothing but a date (and maybe a time)."""
    for form in _FORMS:
        found = form.match(line.strip())
        if found:
            return _iso(found["year"], found["month"], found["day"])
    return None


def _iso(year: str, month: str, day: str) -> str | None:
    number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None
