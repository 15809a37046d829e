"""Per-article profiles (sourcing, framing) as rows of one table, articles side by side.

Profiles are plain dicts whose keys the analysis defines; nested dicts become rows named
``outer · inner``, so a key added upstream shows up without a change here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

MISSING = "—"


def profile_rows(profiles: Mapping[str, Mapping[str, Any]],
                 articles: Sequence[str]) -> list[tuple[str, list[str]]]:
    """One ``(metric, [value per article])`` row per key found in any article's profile,
    in the order keys first appear."""
    flat = {article: flatten(profiles.get(article, {})) for article in articles}
    keys = dict.fromkeys(key for values in flat.values() for key in values)
    return [(key, [flat[article].get(key, MISSING) for article in articles]) for key in keys]


def flatten(profile: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """``{"quotes by type · named": "2", ...}`` from ``{"quotes_by_type": {"named": 2}}``;
    an empty nested dict gives no row."""
    rows: dict[str, str] = {}
    for key, value in profile.items():
        name = f"{prefix}{humanize(str(key))}"
        if isinstance(value, Mapping):
            rows.update(flatten(value, f"{name} · "))
        else:
            rows[name] = format_value(value)
    return rows


def humanize(key: str) -> str:
    return key.replace("_", " ").strip()


def format_value(value: Any) -> str:
    """A profile value as short text: floats to 3 significant digits, lists joined."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, set | frozenset):
        value = sorted(value, key=str)
    if isinstance(value, list | tuple):
        return ", ".join(format_value(item) for item in value) or MISSING
    return str(value)
