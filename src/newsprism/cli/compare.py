"""`newsprism compare`: group the given articles into stories and compare each story."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from newsprism.cli.app import (
    ConfigOption,
    DbOption,
    ExcludeOption,
    IncludeOption,
    JsonOption,
    OutletOption,
    OutletsOption,
    PathsArgument,
    app,
    err,
    out,
    print_json,
    report_failures,
    settings_for,
)
from newsprism.cli.articles import _articles, _open_store
from newsprism.compare import compare_story
from newsprism.group import group_articles
from newsprism.model import SCHEMA, Article, Comparison, to_dict
from newsprism.report import render_html, render_terminal

HtmlOption = Annotated[
    Path | None,
    typer.Option("--html", help="Write a self-contained HTML report to this file (one file per "
                                "story, numbered, when the inputs hold several stories).")]


@app.command()
def compare(paths: PathsArgument, outlets: OutletsOption = None, outlet: OutletOption = None,
            include: IncludeOption = None, exclude: ExcludeOption = None,
            config: ConfigOption = None, json: JsonOption = False,
            html: HtmlOption = None) -> None:
    """Compare how articles tell a story: facts, conflicts, quotes, naming, framing and a
    cited neutral brief (articles on several stories are grouped first)."""
    settings = settings_for(config, include, exclude)
    articles, failures = _articles(paths, config, outlets, outlet, include, exclude)
    by_id = {a.id: a for a in articles}
    stories = group_articles(articles, settings.group) if articles else []
    results = []
    for story in sorted(stories, key=lambda s: -len(s.articles)):
        members = [by_id[aid] for aid in story.articles]
        comparison = compare_story(members, story_id=story.id, syndicated=story.syndicated,
                                   settings=settings)
        results.append((comparison, members))
    _show(results, json, html)
    raise typer.Exit(report_failures(failures))


@app.command()
def report(story_id: Annotated[str, typer.Argument(
               metavar="STORY", help="Story id (`newsprism stories` lists them).")],
           db: DbOption = Path("newsprism.db"), config: ConfigOption = None,
           json: JsonOption = False, html: HtmlOption = None) -> None:
    """Compare the articles of a stored story (after `newsprism group --db`)."""
    settings = settings_for(config, None, None)
    with _open_store(db) as store:
        story = next((s for s in store.stories() if s.id == story_id), None)
        if story is None:
            err.print(f"[red]error[/red]: {escape(str(db))}: no story {escape(story_id)!r}; "
                      "`newsprism stories --db FILE` lists the stored stories", soft_wrap=True)
            raise typer.Exit(1)
        members = [a for a in map(store.get, story.articles) if a is not None]
    comparison = compare_story(members, story_id=story.id, syndicated=story.syndicated,
                               settings=settings)
    _show([(comparison, members)], json, html)


def _show(results: list[tuple[Comparison, list[Article]]], json: bool,
          html: Path | None) -> None:
    """Print the comparisons (terminal or JSON) and/or write their HTML reports."""
    if json:
        print_json({"schema": SCHEMA, "stories": [to_dict(c) for c, _ in results]})
    elif not html:
        for comparison, members in results:
            render_terminal(comparison, members, out)
    if html:
        for path, (comparison, members) in zip(_html_paths(html, len(results)), results,
                                               strict=True):
            _write(path, render_html(comparison, members))


def _html_paths(path: Path, count: int) -> list[Path]:
    if count == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(1, count + 1)]


def _write(path: Path, page: str) -> None:
    """Write the report whole or not at all."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(page, "utf-8")
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        err.print(f"[red]error[/red]: {escape(str(path))}: cannot write the report "
                  f"({exc.strerror})", soft_wrap=True)
        raise typer.Exit(1) from exc
    err.print(f"Wrote {escape(str(path))}", soft_wrap=True)

