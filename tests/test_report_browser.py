"""The HTML report in a real browser: Debian's chromium driven by Playwright for Python.

Skipped, with the reason, when /usr/bin/chromium is missing (``apt-get install -y chromium``);
never uses a browser downloaded by ``playwright install``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsprism.report import render_html
from tests.test_report import story

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = Path("/tmp/report.png")

pytestmark = pytest.mark.slow

if not CHROMIUM.exists():
    pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} "
                "(apt-get install -y chromium); the browser tests need it",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(*story()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


@pytest.fixture
def opened(browser: Any, report_file: Path) -> Iterator[tuple[Any, list[str], list[str]]]:
    """The report open in a fresh page; the dialogs it raised and the requests it made
    other than the report itself (any other is aborted)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    requests: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def route(request_route: Any) -> None:
        if request_route.request.url == report_file.as_uri():
            request_route.continue_()
        else:
            requests.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(report_file.as_uri())
    page.wait_for_load_state("load")
    yield page, dialogs, requests
    page.close()


def test_report_browser_runs_no_script_from_article_text(opened: Any) -> None:
    page, dialogs, requests = opened
    for element in page.locator(".hl").all()[:40]:
        element.hover()
    page.wait_for_timeout(200)
    assert dialogs == [] and requests == []
    assert page.locator("main script, main img, main i, main b").count() == 0
    assert "<script>alert(1)</script>" in page.locator("article", has_text="Breaking").inner_text()
    page.evaluate("() => alert('probe')")  # the handler does see dialogs
    assert dialogs == ["probe"]


def test_report_browser_citation_jumps_to_and_highlights_the_evidence(opened: Any) -> None:
    page, _, _ = opened
    cite = page.locator("#brief li", has_text="Valley Courier gives").locator("a.cite",
                                                                               has_text="courier")
    target = cite.get_attribute("href").removeprefix("#")
    page.evaluate("() => window.scrollTo(0, 0)")
    cite.click()
    pieces = page.locator(f'[data-ev~="{target}"]')
    sync_api.expect(pieces.first).to_have_class(re.compile(r"\bactive\b"))
    assert page.evaluate("() => location.hash") == f"#{target}"
    assert "".join(pieces.all_inner_texts()).startswith("About 11,000 vehicles")
    for piece in pieces.all():
        assert "active" in (piece.get_attribute("class") or "").split()
    sync_api.expect(pieces.first).to_be_in_viewport()
    background = pieces.nth(pieces.count() - 1).evaluate(
        "element => getComputedStyle(element).backgroundColor")
    assert background == "rgb(255, 243, 160)"
    page.locator("#brief a.cite").first.click()
    assert page.locator(".ev.active").count() >= 1
    assert not any("active" in (p.get_attribute("class") or "") for p in pieces.all())


def test_report_browser_hover_shows_the_evidence(opened: Any) -> None:
    page, _, _ = opened
    tip = page.locator("#tip")
    assert tip.is_hidden()
    page.locator(".hl-framing", has_text="reckless").first.hover()
    sync_api.expect(tip).to_be_visible()
    assert "framing: loaded (0.91) — lexicon: reckless" in tip.inner_text()
    assert "technique: Loaded_Language (0.80)" in tip.inner_text()
    page.locator(".hl-framing", has_text="disastrous").hover()
    assert "Mara Quill (named, bakery owner)" in tip.inner_text()
    assert "quoted: the speaker's words" in tip.inner_text()
    page.mouse.move(1, 1)
    sync_api.expect(tip).to_be_hidden()
    assert page.locator(".hl[title]").count() == 0  # moved to the tooltip, no double tip


def test_report_browser_folds_a_facts_details(opened: Any) -> None:
    page, _, _ = opened
    detail = page.locator("table.matrix tr.detail", has_text="six months")
    fold = page.locator('table.matrix tr[data-fact="f1"] button.fold')
    sync_api.expect(detail).to_be_hidden()
    assert fold.inner_text() == "show 1 detail"
    assert fold.get_attribute("aria-expanded") == "false"
    fold.click()
    sync_api.expect(detail).to_be_visible()
    assert fold.inner_text() == "hide 1 detail"
    assert page.locator('table.matrix tr[data-fact="f2"] button.fold').count() == 0
    fold.click()
    sync_api.expect(detail).to_be_hidden()
    page.emulate_media(media="print")
    sync_api.expect(detail).to_be_visible()
    page.emulate_media(media="screen")


def test_report_browser_reads_without_javascript(browser: Any, report_file: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(report_file.as_uri())
    assert page.locator(".hl[title]").count() > 5
    sync_api.expect(page.locator("table.matrix tr.detail")).to_be_visible()
    cite = page.locator("#brief a.cite").first
    target = cite.get_attribute("href").removeprefix("#")
    cite.click()
    assert page.url.endswith(f"#{target}")
    sync_api.expect(page.locator(f"#{target}")).to_be_in_viewport()
    context.close()


def test_report_browser_prints_articles_one_after_another(opened: Any) -> None:
    page, _, _ = opened
    page.emulate_media(media="print")
    assert page.locator(".cols").evaluate("element => getComputedStyle(element).display") \
        == "block"
    assert page.locator("nav").is_hidden()
    page.emulate_media(media="screen")


def test_report_browser_screenshot(opened: Any) -> None:
    page, _, _ = opened
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    for width in (1280, 480):  # nothing wider than the window, on a desktop or a phone
        page.set_viewport_size({"width": width, "height": 900})
        widths = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1] == width
