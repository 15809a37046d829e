"""The acceptance scenario of PRODUCT.md on the two real seed articles (read from ../shared)."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import CONTRACT_KEYS


def title_002(seeds: Path) -> str:
    """The seed's headline line, read at run time (never copied into the project)."""
    return (seeds / "002_9927dc5176a900c1.txt").read_text("utf-8").splitlines()[0].strip()


def test_seeds_ingest_twice_keeps_two_rows(cli, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    files = sorted(str(path) for path in seeds.glob("*.txt"))
    assert cli("ingest", *files, "--db", "x.db").code == 0
    again = cli("ingest", *files, "--db", "x.db")
    assert again.code == 0 and "2 unchanged" in again.stdout
    rows = {row["id"]: row for row in cli("list", "--db", "x.db", "--json").jsonl()}
    assert set(rows) == {"000_10bf0377f753a592", "002_9927dc5176a900c1"}
    assert rows["002_9927dc5176a900c1"]["title"] == title_002(seeds)
    assert rows["000_10bf0377f753a592"]["title"] is None


def test_seeds_analyze_json_contract(cli, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("analyze", *sorted(str(path) for path in seeds.glob("*.txt")), "--json")
    assert result.code == 0, result.stderr
    first, second = result.jsonl()
    for article in (first, second):
        assert set(article) >= CONTRACT_KEYS
    assert first["title"] is None
    assert any("no usable headline" in note for note in first["notes"])
    assert second["title"] == title_002(seeds)
    assert second["text"].startswith("WASHINGTON —")


def test_seeds_analysis_layers(cli, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("analyze", *sorted(str(path) for path in seeds.glob("*.txt")), "--json")
    slanted, wire = result.jsonl()
    troops = [f for f in slanted["figures"] if f["value"] == 5600]
    assert troops and troops[0]["qualifier"] == "over"
    assert "Pentagon" in troops[0]["attributed_to"] and "troops" in troops[0]["counts"]
    assert any(f["value"] == 5500 and "troops" in (f["counts"] or "") for f in wire["figures"])
    assert any(q["speaker"] == "Stephen Townsend" and q["verb"] == "claimed"
               for q in slanted["quotes"])
    assert any(q["speaker_type"] == "anonymous" for q in wire["quotes"])
    assert not any(q["speaker_type"] == "anonymous" for q in slanted["quotes"])
    canon = {e["text"]: e["canonical"] for e in wire["entities"]}
    assert canon["ISIS"] == canon["Islamic State"] == "Islamic State"
    assert canon["Jeffrey"] == "James Jeffrey"
    for article in (slanted, wire):
        for layer in ("sentences", "entities", "quotes", "figures"):
            assert article[layer], layer
            for span in article[layer]:
                assert 0 <= span["start"] <= span["end"] <= len(article["text"])
