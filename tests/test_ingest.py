from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsprism.config import load_settings
from newsprism.ingest.outlets import OutletMap, OutletResolver, domain
from newsprism.model import Article, Failure
from newsprism.pipeline import find_inputs, read_inputs, run

STORY = ("Tram Line Vote Delayed Again\n\n"
         "ODELLA — The city council of Odella postponed its vote on the tram line for a "
         "third time on Monday.\n\n"
         "“We need the real costs first,” said councillor Mira Santos.\n")

PAGE = """<!doctype html><html><head><title>Ferry fares rise | Lakeside Courier</title>
<meta property="og:site_name" content="Lakeside Courier">
<meta property="og:title" content="Ferry fares rise for the first time in a decade">
<meta property="article:published_time" content="2026-03-04T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry fares rise for the first time in a decade</h1>
<p>The Lakeside ferry company will raise single fares by 12 percent from April, its
director told reporters on Tuesday, citing fuel costs that doubled over two years.</p>
<p>Commuters on the northern route said the increase would cost them about 300 crowns a
month, and a passengers' group called the decision rushed and badly explained.</p>
<p>The company said season tickets would be spared until the autumn timetable.</p>
</article><footer>© 2026 Lakeside Courier. All rights reserved.</footer>
<script>trackVisit();</script></body></html>"""


def articles_from(paths: list[str], resolver: OutletResolver | None = None,
                  stdin: bytes | None = None) -> tuple[list[Article], list[Failure]]:
    settings = load_settings()
    items = list(run(read_inputs(find_inputs(paths, settings), settings,
                                 io.BytesIO(stdin or b"")), resolver))
    return ([item for item in items if isinstance(item, Article)],
            [item for item in items if isinstance(item, Failure)])


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_ingest_text_headline_and_body(tmp_path: Path) -> None:
    path = write(tmp_path, "tram-vote.txt", STORY)
    (article,), failures = articles_from([str(path)])
    assert not failures
    assert article.id == "tram-vote"
    assert article.title == "Tram Line Vote Delayed Again"
    assert article.text.startswith("ODELLA — The city council")
    assert article.outlet == "tram-vote"  # no other source of the outlet: the file stem


@pytest.mark.parametrize("first_line,debris", [
    (", , , , ,", True), ("| | |", True), ("Photo", True), ("Rain over the harbour.", True),
    # a short sentence with a verb may open the story: it is no title, and it is kept
    ("Residents gathered outside the hall.", False),
])
def test_ingest_text_refuses_junk_headline(tmp_path: Path, first_line: str,
                                           debris: bool) -> None:
    path = write(tmp_path, "a.txt", f"{first_line}\n\n{STORY.split(chr(10), 2)[2]}")
    (article,), _ = articles_from([str(path)])
    assert article.title is None
    assert any("no usable headline" in note for note in article.notes)
    assert [removed.line for removed in article.removed] == ([first_line] if debris else [])
    assert article.text.startswith("ODELLA —" if debris else first_line)


def test_ingest_markdown_heading(tmp_path: Path) -> None:
    path = write(tmp_path, "note.md", "# Harbour Dredging Begins\n\nWork started on Friday.\n")
    (article,), _ = articles_from([str(path)])
    assert article.title == "Harbour Dredging Begins"
    assert article.text == "Work started on Friday."


def test_ingest_html_page(tmp_path: Path) -> None:
    path = write(tmp_path, "ferry.html", PAGE)
    (article,), failures = articles_from([str(path)])
    assert not failures
    assert article.title == "Ferry fares rise for the first time in a decade"
    assert article.outlet == "Lakeside Courier"
    assert article.published is not None and article.published.startswith("2026-03-04")
    assert "raise single fares by 12 percent" in article.text
    assert "trackVisit" not in article.text and "All rights reserved" not in article.text


def test_ingest_html_without_body_fails_clearly(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.html", "<html><body><script>x()</script></body></html>")
    articles, (failure,) = articles_from([str(path)])
    assert not articles
    assert failure.source.endswith("empty.html") and "no article text" in failure.problem


def test_ingest_jsonl_records_and_broken_line(tmp_path: Path) -> None:
    good = {"id": "r1", "title": "Bridge reopens", "text": "The bridge reopened at noon.",
            "url": "https://www.rivertimes.example/bridge", "published": "2026-05-01T10:00:00Z"}
    html = {"html": PAGE}
    path = write(tmp_path, "feed.jsonl",
                 f"{json.dumps(good)}\n{{broken\n\n{json.dumps(html)}\n[1, 2]\n")
    articles, failures = articles_from([str(path)])
    assert [a.id for a in articles] == ["r1", "feed-4"]
    first = articles[0]
    assert first.outlet == "rivertimes.example"  # from the URL's domain
    assert first.published == "2026-05-01T10:00:00+00:00"
    assert articles[1].outlet == "Lakeside Courier"
    assert sorted(f.source for f in failures) == [f"{path}:2", f"{path}:5"]
    assert "invalid JSON line" in failures[0].problem


def test_ingest_date_from_the_url_only_when_nothing_else_dates_it(tmp_path: Path) -> None:
    """A record without a publication date is dated by its URL's path, with a note; a
    record's own date, or a date line in its text, comes first."""
    url = "https://www.rivertimes.example/2026/05/02/bridge-reopens/"
    records = [{"id": "bare", "text": "The bridge reopened at noon.", "url": url},
               {"id": "own", "text": "The bridge reopened at noon.", "url": url,
                "published": "2026-05-01T10:00:00Z"},
               {"id": "line", "text": "1 May 2026\n\nThe bridge reopened at noon.", "url": url,
                "title": "Bridge reopens"},
               {"id": "none", "text": "The bridge reopened at noon.",
                "url": "https://www.rivertimes.example/bridge"}]
    path = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r) for r in records))
    articles, failures = articles_from([str(path)])
    assert not failures
    by_id = {a.id: a for a in articles}
    assert by_id["bare"].published == "2026-05-02"
    assert "publication date 2026-05-02 taken from the URL" in by_id["bare"].notes
    assert by_id["own"].published == "2026-05-01T10:00:00+00:00"
    assert by_id["line"].published == "2026-05-01"
    assert by_id["none"].published is None
    assert not any("URL" in note for a in articles if a.id != "bare" for note in a.notes)


def test_ingest_json_list_and_bad_field(tmp_path: Path) -> None:
    records = [{"id": 7, "text": "Seven.", "outlet": "Daily Seven"},
               {"id": "x", "text": 42}, {"id": "y"}]
    path = write(tmp_path, "batch.json", json.dumps(records))
    articles, failures = articles_from([str(path)])
    assert [(a.id, a.outlet) for a in articles] == [("7", "Daily Seven")]
    problems = sorted(f.problem for f in failures)
    assert problems == ['"text" must be a string, got int',
                        'record has no "text" or "html" to read']


def test_ingest_folder_globs_and_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.md", "skip.csv", "sub/.hidden.txt", "drafts/d.txt"):
        write(tmp_path, name, STORY)
    settings = load_settings()
    names = [Path(s.name).name for s in find_inputs([str(tmp_path)], settings)]
    assert names == ["a.txt", "b.txt", "d.txt", "c.md"]


def test_ingest_outlet_order(tmp_path: Path) -> None:
    mapping_file = write(tmp_path, "outlets.toml",
                         '[outlets]\n"wire-*.txt" = "Meridian Wire"\n'
                         '"rivertimes.example" = "The River Times"\n')
    mapping = OutletMap.load(mapping_file)
    resolver = OutletResolver(mapping, default="Fallback Daily")
    assert resolver.resolve(record="Own", url="https://rivertimes.example/a",
                            source="wire-1.txt", stem="wire-1") == "Own"
    assert resolver.resolve(record=None, url="https://www.rivertimes.example/a",
                            source="wire-1.txt", stem="wire-1") == "The River Times"
    assert resolver.resolve(record=None, url=None, source="in/wire-1.txt",
                            stem="wire-1") == "Meridian Wire"
    assert resolver.resolve(record=None, url=None, source="x.txt", stem="x") == "Fallback Daily"
    assert OutletResolver().resolve(record=None, url=None, source="x.txt", stem="x") == "x"


def test_ingest_outlet_csv_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "outlets.csv", "pattern,outlet\nleft-*,The Voice\n")
    assert OutletMap.load(path).lookup(["left-1.txt"]) == "The Voice"


@pytest.mark.parametrize("url,expected", [
    ("https://www.Example.org/x", "example.org"), ("not a url", None), (None, None),
    ("http://[::1", None),
])
def test_ingest_domain(url: str | None, expected: str | None) -> None:
    assert domain(url) == expected


def test_ingest_stdin_text_gets_content_id() -> None:
    (article,), _ = articles_from(["-"], stdin=STORY.encode())
    again, _ = articles_from(["-"], stdin=STORY.encode())
    assert article.id.startswith("stdin-") and article.id == again[0].id
    assert article.title == "Tram Line Vote Delayed Again"


def test_ingest_bad_inputs_do_not_stop_batch(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", STORY)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(500))
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    articles, failures = articles_from([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [a.source for a in articles] == [str(good)]
    problems = {Path(f.source).name: f.problem for f in failures}
    assert set(problems) == {"empty.txt", "image.txt", "huge.txt", "missing.txt"}
    assert "empty" in problems["empty.txt"]
    assert "PNG" in problems["image.txt"]
    assert "10,000,000-byte limit" in problems["huge.txt"]
    assert "no such file" in problems["missing.txt"]
