"""Commands on stories: group (one-shot over files, or incremental over the database) and
stories (list the stored stories)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from newsprism.cli.app import (
    ConfigOption,
    ExcludeOption,
    IncludeOption,
    JsonOption,
    OutletOption,
    OutletsOption,
    app,
    err,
    fail_store,
    out,
    print_json,
    report_failures,
    settings_for,
)
from newsprism.cli.articles import _articles, _open_store
from newsprism.errors import StoreError
from newsprism.group import group_articles
from newsprism.model import SCHEMA, Article, Story, to_dict
from newsprism.store.sqlite import group_stored

OptionalPaths = Annotated[
    list[str] | None,
    typer.Argument(help="Files, folders or - for stdin (leave out with --db).",
                   show_default=False)]
OptionalDb = Annotated[
    Path | None,
    typer.Option("--db", envvar="NEWSPRISM_DB",
                 help="Group the stored articles not yet in a story (incremental).")]
StoriesDb = Annotated[
    Path, typer.Option("--db", envvar="NEWSPRISM_DB", help="SQLite database file.")]


@app.command()
def group(paths: OptionalPaths = None, db: OptionalDb = None, outlets: OutletsOption = None,
          outlet: OutletOption = None, include: IncludeOption = None,
          exclude: ExcludeOption = None, config: ConfigOption = None,
          json: JsonOption = False) -> None:
    """Group articles into stories: FILES one-shot, or --db incrementally."""
    if bool(paths) == (db is not None):
        raise typer.BadParameter("give FILES to group them, or --db to group the stored "
                                 "articles, not both", param_hint="FILES / --db")
    if db is not None:
        _group_db(db, config, json)
        return
    settings = settings_for(config, include, exclude)
    articles, failures = _articles(paths or [], config, outlets, outlet, include, exclude)
    stories = group_articles(articles, settings.group) if articles else []
    if json:
        print_json({"schema": SCHEMA, "stories": [to_dict(story) for story in stories]})
    else:
        _print_groups(stories, {article.id: article for article in articles})
    raise typer.Exit(report_failures(failures))


def _group_db(db: Path, config: Path | None, json: bool) -> None:
    settings = settings_for(config, None, None)
    with _open_store(db) as store:
        try:
            counts = group_stored(store, settings.group)
        except StoreError as exc:
            raise fail_store(exc) from exc
    if json:
        print_json({"schema": SCHEMA, **counts})
    else:
        out.print(f"Grouped {counts['articles']} new article(s) in {escape(str(db))}: "
                  f"{counts['new_stories']} new story(ies), {counts['copies']} syndicated "
                  "copy(ies); see `newsprism stories`")


def _print_groups(stories: list[Story], articles: dict[str, Article]) -> None:
    table = _story_table()
    for story in stories:
        members = [articles[aid] for aid in story.articles]
        dates = sorted(a.published[:10] for a in members if a.published)
        _add_row(table, story.id, len(members), sorted({a.outlet for a in members}),
                 dates[0] if dates else None, dates[-1] if dates else None,
                 next((a.title for a in members if a.title), None))
    out.print(table)
    copies = sum(len(story.syndicated) for story in stories)
    out.print(f"{len(stories)} story(ies), {copies} syndicated copy(ies)")


@app.command("stories")
def list_stories(db: StoriesDb = Path("newsprism.db"), json: JsonOption = False) -> None:
    """List the stored stories: size, outlets, dates, headline."""
    with _open_store(db) as store:
        rows = store.story_summaries()
        stories = {story.id: story for story in store.stories()} if json else {}
    if json:
        for row in rows:
            story = stories[str(row["id"])]
            print_json({**row, "articles": list(story.articles),
                        "syndicated": [list(pair) for pair in story.syndicated]})
        return
    table = _story_table()
    for row in rows:
        _add_row(table, str(row["id"]), int(row["size"]),  # type: ignore[call-overload]
                 list(row["outlets"]), _day(row["first"]),  # type: ignore[call-overload]
                 _day(row["last"]), row["headline"])  # type: ignore[arg-type]
    out.print(table)
    out.print(f"{len(rows)} story(ies)")
    if not rows:
        err.print("no stories yet: run `newsprism group --db FILE` after `ingest`")


def _day(value: object) -> str | None:
    return str(value)[:10] if value else None


def _story_table() -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("story", no_wrap=True)
    table.add_column("size", justify="right")
    table.add_column("outlets", max_width=40)
    table.add_column("dates", no_wrap=True)
    table.add_column("headline", ratio=1, min_width=12)
    return table


def _add_row(table: Table, story: str, size: int, outlets: list[str], first: str | None,
             last: str | None, headline: str | None) -> None:
    dates = "—" if not first else first if first == last else f"{first} – {last}"
    table.add_row(escape(story), str(size), escape(", ".join(outlets)), dates,
                  escape(headline or "—"))
