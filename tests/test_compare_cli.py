"""`newsprism compare` and `newsprism report` run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES


def test_compare_cli_json_and_html(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = tmp_path / "inputs"
    hostile.mkdir()
    for name in ("transit-vote-wire.txt", "transit-vote-left.txt"):
        (hostile / name).write_text((EXAMPLES / name).read_text())
    (hostile / "transit-vote-hostile.txt").write_text(
        "Council approves tram <script>alert(1)</script>\n\n"
        + (EXAMPLES / "transit-vote-wire.txt").read_text().split("\n", 2)[2]
        + "\n<img src=x onerror=alert(2)> The vote was nine to six.\n")
    done = cli("compare", hostile, "--json")
    assert done.code == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["schema"] == "newsprism/1"
    ids = [aid for story in result["stories"] for aid in story["articles"]]
    assert sorted(ids) == ["transit-vote-hostile", "transit-vote-left", "transit-vote-wire"]
    story = result["stories"][0]
    assert story["brief"] and all(s["cites"] for s in story["brief"])
    html = tmp_path / "report.html"
    done = cli("compare", hostile, "--html", html)
    assert done.code == 0, done.stderr
    page = html.read_text()
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_compare_cli_report_from_store(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "news.db"
    paths = [EXAMPLES / f"drug-recall-{side}" for side in ("wire.txt", "left.txt")]
    assert cli("ingest", *paths, "--outlets", EXAMPLES / "outlets.toml", "--db", db).code == 0
    assert cli("group", "--db", db).code == 0
    stories = cli("stories", "--db", db, "--json").jsonl()
    assert len(stories) == 1
    done = cli("report", stories[0]["id"], "--db", db, "--json")
    assert done.code == 0, done.stderr
    compared = json.loads(done.stdout)["stories"][0]
    assert sorted(compared["articles"]) == ["drug-recall-left", "drug-recall-wire"]
    assert compared["conflicts"], "the two articles give different batch counts"
    missing = cli("report", "no-such-story", "--db", db)
    assert missing.code == 1 and "no story 'no-such-story'" in missing.stderr
