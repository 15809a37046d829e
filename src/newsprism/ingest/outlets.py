"""Which outlet published an input: record, URL domain, mapping file, default, file stem."""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from urllib.parse import urlsplit

from newsprism.errors import ConfigError


@dataclass(frozen=True, slots=True)
class OutletMap:
    """Ordered (pattern, outlet) pairs; patterns are file-name globs, paths or domains."""

    entries: tuple[tuple[str, str], ...] = ()

    @classmethod
    def load(cls, path: str | Path) -> OutletMap:
        """Read a TOML (`[outlets]` table) or CSV (`pattern,outlet` rows) mapping file."""
        path = Path(path)
        try:
            text = path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read outlet mapping ({exc})") from exc
        pairs = _parse_csv(text, path) if path.suffix.lower() == ".csv" else _parse_toml(text, path)
        return cls(tuple(pairs))

    def lookup(self, keys: Sequence[str]) -> str | None:
        for pattern, outlet in self.entries:
            if any(fnmatch(key, pattern) for key in keys if key):
                return outlet
        return None


def _parse_toml(text: str, path: Path) -> list[tuple[str, str]]:
    try:
        table = tomllib.loads(text).get("outlets")
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    if not isinstance(table, dict):
        raise ConfigError(f'{path}: expected an [outlets] table of "pattern" = "outlet" pairs')
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{path}: outlet for {key!r} must be a non-empty string")
    return [(key, value.strip()) for key, value in table.items()]


def _parse_csv(text: str, path: Path) -> list[tuple[str, str]]:
    pairs = []
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or row[0].startswith("#") or (number == 1 and row[:2] == ["pattern", "outlet"]):
            continue
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            raise ConfigError(f"{path}:{number}: expected two columns, pattern,outlet")
        pairs.append((row[0].strip(), row[1].strip()))
    return pairs


def domain(url: str | None) -> str | None:
    """The host of `url` without a leading `www.`, lower-cased; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


@dataclass(frozen=True, slots=True)
class OutletResolver:
    """Applies the documented order: record, URL domain, mapping file, default, stem."""

    mapping: OutletMap = OutletMap()
    default: str | None = None

    def resolve(self, *, record: str | None, url: str | None, source: str, stem: str) -> str:
        if record and record.strip():
            return record.strip()
        host = domain(url)
        if host:
            return self.mapping.lookup([host]) or host
        return (self.mapping.lookup([Path(source).name, source, stem])
                or self.default or stem)
