"""Typed settings: the shipped defaults (`data/defaults.toml`) overlaid by a user file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from newsprism.datafiles import read_data
from newsprism.errors import ConfigError


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_bytes: int
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    fallback_encoding: str


@dataclass(frozen=True, slots=True)
class CleanSettings:
    time_limit: float
    template_min_articles: int
    template_min_share: float


@dataclass(frozen=True, slots=True)
class AnalyzeSettings:
    pipeline: str
    batch_size: int
    models: bool


@dataclass(frozen=True, slots=True)
class StoreSettings:
    batch_size: int


@dataclass(frozen=True, slots=True)
class GroupSettings:
    shingle_size: int
    num_perm: int
    syndication_threshold: float
    lead_sentences: int
    max_tokens: int
    embed_batch_size: int
    window_days: int
    close_days: int
    candidates: int
    weight_embedding: float
    weight_entities: float
    weight_entities_close: float
    weight_figures: float
    weight_keywords: float
    keywords: int
    join_threshold: float
    join_threshold_dated: float


@dataclass(frozen=True, slots=True)
class CompareSettings:
    fact_threshold: float
    fact_cohesion: float
    fact_background: float
    entity_bonus: float
    figure_threshold: float
    naming_threshold: float
    update_hours: float
    brief_sentences: int
    only_per_article: int


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings
    clean: CleanSettings
    analyze: AnalyzeSettings
    store: StoreSettings
    group: GroupSettings
    compare: CompareSettings


_SECTIONS = {"ingest": IngestSettings, "clean": CleanSettings, "analyze": AnalyzeSettings,
             "store": StoreSettings, "group": GroupSettings,
             "compare": CompareSettings}


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults, overridden by `path` (or `$NEWSPRISM_CONFIG`) when given."""
    merged = tomllib.loads(read_data("defaults.toml"))
    path = path or os.environ.get("NEWSPRISM_CONFIG")
    if path:
        _overlay(merged, _read_toml(Path(path)), str(path))
    return Settings(**{name: _section(cls, merged[name]) for name, cls in _SECTIONS.items()})


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read settings file ({exc.strerror})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc


def _overlay(base: dict[str, Any], user: dict[str, Any], origin: str) -> None:
    for section, values in user.items():
        if section not in base or not isinstance(values, dict):
            raise ConfigError(f"{origin}: unknown section [{section}]; "
                              f"expected one of {sorted(base)}")
        for key, value in values.items():
            if key not in base[section]:
                raise ConfigError(f"{origin}: unknown key {section}.{key}; "
                                  f"expected one of {sorted(base[section])}")
            expected = type(base[section][key])
            if expected is float and type(value) is int:
                value = float(value)
            if type(value) is not expected:
                raise ConfigError(f"{origin}: {section}.{key} must be "
                                  f"{type(base[section][key]).__name__}, got {value!r}")
            base[section][key] = value


def _section(cls: type[Any], values: dict[str, Any]) -> Any:
    return cls(**{f.name: tuple(values[f.name]) if isinstance(values[f.name], list)
                  else values[f.name] for f in fields(cls)})
