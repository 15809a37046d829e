from __future__ import annotations

import json
from pathlib import Path

from newsprism import __version__

CONTRACT_KEYS = {"schema", "id", "outlet", "title", "url", "published", "dateline", "language",
                 "text", "removed", "sentences", "entities", "quotes", "figures", "framing",
                 "techniques"}
STORY = "Night Trains Return\n\nThe night train to Varna resumes on Friday, the operator said.\n"


def test_cli_version(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--version")
    assert result.code == 0 and result.stdout.strip() == f"newsprism {__version__}"


def test_cli_ingest_list_show(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "trains.txt").write_text(STORY)
    result = cli("ingest", "trains.txt", "--db", "x.db", "--outlet", "Rail Weekly")
    assert result.code == 0, result.stderr
    assert "1 added" in result.stdout
    listing = cli("list", "--db", "x.db", "--json").jsonl()
    assert [(row["id"], row["outlet"], row["title"]) for row in listing] == [
        ("trains", "Rail Weekly", "Night Trains Return")]
    shown = cli("show", "trains", "--db", "x.db")
    assert shown.code == 0 and "Night Trains Return" in shown.stdout
    assert "resumes on Friday" in shown.stdout
    as_json = json.loads(cli("show", "trains", "--db", "x.db", "--json").stdout)
    assert set(as_json) >= CONTRACT_KEYS
    missing = cli("show", "nope", "--db", "x.db")
    assert missing.code == 1 and "no article with id 'nope'" in missing.stderr


def test_cli_ingest_json_lines_and_stdin(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("ingest", "-", "--db", "x.db", "--json", stdin=STORY.encode())
    (record,) = result.jsonl()
    assert result.code == 0 and record["outcome"] == "added"
    assert record["id"].startswith("stdin-")


def test_cli_bad_inputs(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2000))
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (tmp_path / "feed.jsonl").write_text('{"id": "ok", "text": "Fine text."}\n{"id": oops\n')
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    result = cli("ingest", "good.txt", "empty.txt", "photo.txt", "huge.txt", "feed.jsonl",
                 "dangling.txt", "missing.txt", "--db", "x.db")
    assert result.code == 1
    assert "2 added" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 6, result.stderr
    for expected in ("empty.txt: empty input", "photo.txt: binary file (a PNG image)",
                     "huge.txt: input is 52,428,800 bytes", "feed.jsonl:2: invalid JSON line",
                     "dangling.txt: no such file", "missing.txt: no such file"):
        assert any(expected in line for line in errors), expected
    assert "6 input(s) failed" in result.stderr
    ids = [row["id"] for row in cli("list", "--db", "x.db", "--json").jsonl()]
    assert ids == ["good", "ok"]


def test_cli_usage_errors_exit_2(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bad.toml").write_text("[outlets\n")
    assert cli("ingest").code == 2
    assert cli("ingest", "x.txt", "--no-such-option").code == 2
    bad_mapping = cli("ingest", "x.txt", "--outlets", "bad.toml")
    assert bad_mapping.code == 2 and "bad.toml" in bad_mapping.stderr
    (tmp_path / "settings.toml").write_text("[ingest]\nmax_byte = 5\n")
    bad_setting = cli("analyze", "x.txt", "--config", "settings.toml")
    assert bad_setting.code == 2 and "ingest.max_byte" in bad_setting.stderr


def test_cli_size_limit_setting(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "settings.toml").write_text("[ingest]\nmax_bytes = 20\n")
    (tmp_path / "a.txt").write_text(STORY)
    result = cli("analyze", "a.txt", "--config", "settings.toml", "--json")
    assert result.code == 1 and "above the 20-byte limit" in result.stderr


def test_cli_unusable_database(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "x.db").write_bytes(b"not sqlite at all" * 200)
    result = cli("list", "--db", "x.db")
    assert result.code == 1 and "x.db: cannot open as a newsprism database" in result.stderr
