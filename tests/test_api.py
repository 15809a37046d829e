from __future__ import annotations

from pathlib import Path

import newsprism


def test_api_public_names_are_pinned() -> None:
    assert sorted(newsprism.__all__) == sorted([
        "Article", "Comparison", "ConfigError", "Failure", "InputError", "NewsprismError",
        "RawDocument", "SQLiteStore", "Settings", "Story", "StoreError", "__version__",
        "compare_story", "group_articles", "load_settings", "read"])


def test_api_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Quiet Night in Orlo\n\nNothing happened in Orlo.\n")
    (tmp_path / "b.txt").write_bytes(b"")
    articles, failures = newsprism.read([str(tmp_path)], outlet="Orlo Post")
    assert [(a.id, a.outlet, a.title) for a in articles] == [("a", "Orlo Post",
                                                             "Quiet Night in Orlo")]
    assert [Path(f.source).name for f in failures] == ["b.txt"]
