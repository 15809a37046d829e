"""Dates written out in scraped text (a line that is only a date, with optional time) and
in an article's URL."""

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
_TIME = (r"(?:\s*(?:[,|•·–—-]|\bat\b)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
         r"(?:\s*(?P<half>[ap])\.?m\.?)?(?:\s*(?P<zone>[A-Z]{2,4}))?)?\s*$")
# offsets of the zone names a dateline may give; `ET`, `PT` (either of two offsets) and
# unknown names leave the time without one
ZONES = {"utc": "+00:00", "gmt": "+00:00", "bst": "+01:00", "cet": "+01:00", "cest": "+02:00",
         "eet": "+02:00", "eest": "+03:00", "est": "-05:00", "edt": "-04:00", "cst": "-06:00",
         "cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00"}
_FORMS = [re.compile(_PREFIX + form + _TIME, re.I) for form in (
    rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}",
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    r"(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})",
    rf"(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.{_YEAR}",  # `09.06.2026`: day first
)]
_24_HOUR = re.compile(r"\b(?:[01]\d|2[0-3])[:.][0-5]\d\b(?!\s*[ap]\.?m\b)", re.I)
_SLASHED = re.compile(_PREFIX + rf"(?P<first>\d{{1,2}})/(?P<second>\d{{1,2}})/{_YEAR}" + _TIME,
                      re.I)


def parse_date_line(line: str) -> str | None:
    """ISO date (YYYY-MM-DD) when `line` says nothing but a date, or date and time
    (YYYY-MM-DDTHH:MM:00, with the offset of a known zone name) when it gives a time too."""
    for form in _FORMS:
        found = form.match(line.strip())
        if found:
            return _with_time(_iso(found["year"], found["month"], found["day"]), found)
    found = _SLASHED.match(line.strip())
    if found:
        day = _iso(found["year"], *_month_day(found["first"], found["second"], line))
        return _with_time(day, found)
    return None


def _with_time(day: str | None, found: re.Match[str]) -> str | None:
    if day is None or found["hour"] is None:
        return day
    hour, minute = int(found["hour"]), int(found["minute"])
    if found["half"]:
        if not 1 <= hour <= 12:
            return day
        hour = hour % 12 + (12 if found["half"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return day
    return f"{day}T{hour:02d}:{minute:02d}:00{ZONES.get((found['zone'] or '').lower(), '')}"


# `/2021/08/30/`, `/2021-08-30/`; the day may end the path (`/2021/08/30`)
_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)([/-])(?P<month>\d\d)\2(?P<day>\d\d)(?:[/?#.-]|$)")


def url_date(url: str | None) -> str | None:
    """ISO date (YYYY-MM-DD) that the path of an article's URL gives, as many outlets'
    article URLs do (`https://example.com/2021/08/30/storm-hits/`)."""
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url or "", flags=re.I)
    path = re.split(r"[?#]", path, maxsplit=1)[0]
    found = _URL_DATE.search(path)
    return _iso(found["year"], found["month"], found["day"]) if found else None


def _month_day(first: str, second: str, line: str) -> tuple[str, str]:
    """Month and day of `first/second/year`: a number above 12 is the day; when both could be
    either, a 24-hour clock (`09/02/2026 09:10`) puts the day first, as outside the U.S.;
    otherwise the month comes first, the U.S. order (`04/03/2026 5:05 p.m. ET` is April 3)."""
    if int(first) > 12 or (int(second) <= 12 and _24_HOUR.search(line)):
        return second, first
    return first, second


def _iso(year: str, month: str, day: str) -> str | None:
    number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None
