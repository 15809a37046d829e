"""Commands on articles: ingest, list, show, analyze."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from newsprism.analyze.sourcing import sourcing_profile
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
    fail_store,
    out,
    outlet_resolver,
    print_json,
    progress,
    report_failures,
    settings_for,
)
from newsprism.errors import StoreError
from newsprism.model import Article, Failure, article_to_json
from newsprism.pipeline import find_inputs, process, read_inputs
from newsprism.store import Outcome, SQLiteStore


def _articles(paths: list[str], config: Path | None, outlets: Path | None, outlet: str | None,
              include: list[str] | None, exclude: list[str] | None,
              store: SQLiteStore | None = None) -> tuple[list[Article], list[Failure]]:
    """Articles from `paths` through the pipeline, and the inputs that failed."""
    settings = settings_for(config, include, exclude)
    resolver = outlet_resolver(outlets, outlet)
    inputs = find_inputs(paths, settings)
    raws = read_inputs(progress(inputs, "Reading"), settings)
    return process(raws, resolver, settings, stored=store.recent if store else None,
                   track=progress)


def _open_store(db: Path) -> SQLiteStore:
    try:
        return SQLiteStore(db)
    except StoreError as exc:
        raise fail_store(exc) from exc


@app.command()
def ingest(paths: PathsArgument, db: DbOption = Path("newsprism.db"),
           outlets: OutletsOption = None, outlet: OutletOption = None,
           include: IncludeOption = None, exclude: ExcludeOption = None,
           config: ConfigOption = None, json: JsonOption = False) -> None:
    """Read articles from files, folders or stdin and store them in the database."""
    counts = dict.fromkeys(Outcome, 0)
    with _open_store(db) as store:
        articles, failures = _articles(paths, config, outlets, outlet, include, exclude, store)
        for article, outcome in store.put(articles):
            counts[outcome] += 1
            if json:
                print_json({"id": article.id, "source": article.source, "outcome": outcome})
    if json:
        for failure in failures:
            print_json({"source": failure.source, "stage": failure.stage,
                        "error": failure.problem})
    else:
        total = sum(counts.values())
        out.print(f"Stored {total} article(s) in {escape(str(db))}: "
                  + ", ".join(f"{n} {outcome}" for outcome, n in counts.items()))
    raise typer.Exit(report_failures(failures))


@app.command("list")
def list_articles(db: DbOption = Path("newsprism.db"), json: JsonOption = False) -> None:
    """List the stored articles."""
    with _open_store(db) as store:
        rows = store.summaries()
    if json:
        for row in rows:
            print_json(row)
        return
    table = _table()
    table.add_column("title", ratio=1, min_width=12)
    table.add_column("published", no_wrap=True, min_width=10, max_width=10)
    table.add_column("chars", no_wrap=True, justify="right", min_width=5)
    for row in rows:
        row["published"] = str(row["published"] or "")[:10]
        table.add_row(*(escape(str(row[key] or "—")) for key in
                        ("id", "outlet", "title", "published", "n_chars")))
    out.print(table)
    out.print(f"{len(rows)} article(s)")


@app.command()
def show(article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id.")],
         db: DbOption = Path("newsprism.db"), json: JsonOption = False) -> None:
    """Show one stored article: metadata, notes, removed lines and text."""
    with _open_store(db) as store:
        article = store.get(article_id)
    if article is None:
        err.print(f"[red]error[/red]: no article with id {escape(repr(article_id))} "
                  f"in {escape(str(db))} (see `newsprism list`)")
        raise typer.Exit(1)
    if json:
        print(article_to_json(article))
        return
    _print_article(article)


def _print_article(article: Article) -> None:
    out.print(f"[bold]{escape(article.title or '(no title)')}[/bold]")
    for label, value in (("id", article.id), ("outlet", article.outlet), ("url", article.url),
                         ("published", article.published), ("dateline", article.dateline),
                         ("byline", article.byline), ("language", article.language),
                         ("source", article.source)):
        if value:
            out.print(f"[dim]{label}:[/dim] {escape(value)}")
    for note in article.notes:
        out.print(f"[yellow]note:[/yellow] {escape(note)}")
    for removed in article.removed:
        out.print(f"[dim]removed ({escape(removed.reason)}):[/dim] {escape(removed.line)}")
    out.print()
    out.print(escape(article.text), soft_wrap=True)
    if article.quotes:
        table = Table("speaker", "type", "verb", "quote", title="Quotes")
        for quote in article.quotes:
            table.add_row(escape(quote.speaker or "—"), quote.speaker_type,
                          escape(f"{quote.verb or '—'} ({quote.verb_class or '—'})"),
                          escape(("“" if quote.direct else "") + _short(quote.text)))
        out.print(table)
        profile = sourcing_profile(article)
        out.print("sourcing: " + ", ".join(f"{n} {kind}" for kind, n in
                                           profile["quotes_by_type"].items() if n)
                  + f"; anonymous share {profile['anonymous_share']:.0%}")
    if article.figures:
        table = Table("figure", "value", "qualifier", "counts", "attributed to", title="Figures")
        for figure in article.figures:
            value = figure.date if figure.kind == "date" else \
                f"{figure.value if figure.value is not None else '—'} {figure.unit or ''}"
            table.add_row(*(escape(str(cell or "—")) for cell in (
                figure.text, value, figure.qualifier, figure.counts, figure.attributed_to)))
        out.print(table)


def _table() -> Table:
    """A table that starts with id and outlet columns; long titles wrap."""
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("id", no_wrap=True)
    table.add_column("outlet", max_width=20)
    return table


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@app.command()
def analyze(paths: PathsArgument, outlets: OutletsOption = None, outlet: OutletOption = None,
            include: IncludeOption = None, exclude: ExcludeOption = None,
            config: ConfigOption = None, json: JsonOption = False) -> None:
    """Analyze articles and print them (JSON Lines with --json, a summary otherwise)."""
    articles, failures = _articles(paths, config, outlets, outlet, include, exclude)
    table = _table()
    table.add_column("title", ratio=1, min_width=12)
    for column in ("words", "quotes", "figures"):
        table.add_column(column, no_wrap=True, justify="right", min_width=len(column))
    for article in articles:
        if json:
            print(article_to_json(article))
        else:
            table.add_row(*(escape(str(value)) for value in (
                article.id, article.outlet, article.title or "—", len(article.text.split()),
                len(article.quotes), len(article.figures))))
    if not json and table.row_count:
        out.print(table)
    raise typer.Exit(report_failures(failures))


