"""One story's comparison in the terminal, with Rich.

Every piece of article or comparison text goes into a `rich.text.Text`, never through
markup, so brackets in a headline are shown as written. Articles get short column labels
(see `labels.article_labels`) so the tables fit 100 columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsprism.model import Article, BriefSentence, Comparison, Conflict, Quote
from newsprism.report.citations import SECTIONS
from newsprism.report.labels import article_labels
from newsprism.report.matrix import MEANINGS, SYMBOLS, Status, fact_status, summary_parts
from newsprism.report.profiles import profile_rows
from newsprism.report.speakers import Said, Speaker, quotes_by_speaker
from newsprism.report.titles import NO_TITLE, usable_title

STATUS_STYLES: dict[Status, str] = {"reported": "green", "omitted": "red",
                                    "conflicting": "bold yellow", "unknown": "dim"}
QUOTE_WIDTH = 160


def render_terminal(comparison: Comparison, articles: Sequence[Article],
                    console: Console) -> None:
    """Print the comparison: header, brief, conflicts, fact matrix, quotes, naming, profiles."""
    by_id = {article.id: article for article in articles}
    ids = list(comparison.articles or by_id)
    labels = article_labels(ids)
    _header(comparison, ids, labels, by_id, console)
    _brief(comparison.brief, labels, console)
    _conflicts(comparison.conflicts, labels, by_id, console)
    _matrix(comparison, ids, labels, console)
    speakers = quotes_by_speaker([by_id[i] for i in ids if i in by_id], comparison.quotes)
    _quotes(speakers, labels, console)
    _naming(comparison, ids, labels, console)
    _profiles(comparison, ids, labels, console)


def _section(console: Console, title: str) -> None:
    console.print()
    console.rule(Text(title, style="bold"), align="left")


def _empty(console: Console, what: str) -> None:
    console.print(Text(what, style="dim italic"))


def _table(*columns: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    for column in columns:
        table.add_column(column)
    return table


def _header(comparison: Comparison, ids: Sequence[str], labels: dict[str, str],
            by_id: dict[str, Article], console: Console) -> None:
    console.rule(Text(f"Story {comparison.id}", style="bold"))
    table = _table("article", "outlet", "title", "published")
    table.columns[0].no_wrap = True
    table.columns[2].ratio = 1
    for article_id in ids:
        article = by_id.get(article_id)
        name = article_id if labels[article_id] == article_id else \
            f"{labels[article_id]} {article_id}"
        table.add_row(Text(name), Text(article.outlet if article else "—"), _title(article),
                      Text((article.published or "date unknown") if article else "—"))
    if ids:
        console.print(table)
    console.print(Text(f"{comparison.independent_sources} independent source(s) among "
                       f"{len(ids)} article(s)"))
    for original, copy in comparison.syndicated:
        console.print(Text(f"{labels.get(copy, copy)} republishes {labels.get(original, original)}"
                           " (counted once)", style="dim"))


def _title(article: Article | None) -> Text:
    if article is None:
        return Text("article not available", style="dim italic")
    title = usable_title(article)
    return Text(title) if title else Text(f"({NO_TITLE})", style="italic yellow")


def _brief(brief: Sequence[BriefSentence], labels: dict[str, str], console: Console) -> None:
    _section(console, "Neutral brief")
    if not brief:
        _empty(console, "No brief for this story.")
    for section, heading in SECTIONS.items():
        sentences = [s for s in brief if s.section == section]
        if sentences:
            console.print(Text(heading, style="bold underline"))
            console.print(_brief_list(sentences, labels))


def _brief_list(sentences: Sequence[BriefSentence], labels: dict[str, str]) -> Table:
    """Bulleted sentences with a hanging indent, each ending with its citations."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for sentence in sentences:
        cites = ", ".join(labels.get(c, c) for c in sentence.cites) or "no citation"
        grid.add_row("•", Text.assemble(sentence.text, " ", (f"[{cites}]", "cyan")))
    return grid


def _conflicts(conflicts: Sequence[Conflict], labels: dict[str, str],
               by_id: dict[str, Article], console: Console) -> None:
    _section(console, "Conflicting figures")
    if not conflicts:
        _empty(console, "No conflicting figures found.")
    for conflict in conflicts:
        kind = "figures disagree" if conflict.kind == "conflict" else "later update"
        console.print(Text.assemble((conflict.quantity, "bold"), f"  ({kind})"))
        table = _table("article", "states", "qualifier", "according to", "published")
        for value in conflict.values:
            article = by_id.get(value.article)
            published = value.published or (article.published if article else None)
            table.add_row(*(Text(cell or "—") for cell in (
                labels.get(value.article, value.article), value.text, value.qualifier,
                value.attributed_to or "not attributed", published or "date unknown")))
        console.print(table)


def _matrix(comparison: Comparison, ids: Sequence[str], labels: dict[str, str],
            console: Console) -> None:
    _section(console, "Facts × articles")
    if not comparison.facts:
        _empty(console, "No facts aligned for this story.")
        return
    table = _table("fact", *(labels[i] for i in ids))
    table.columns[0].ratio = 1
    for column in table.columns[1:]:
        column.justify, column.no_wrap = "center", True
    for fact in comparison.facts:
        cells = [fact_status(fact, article_id, comparison.conflicts) for article_id in ids]
        before, clause, after = summary_parts(fact)
        if fact.detail_of:
            before, clause, after = f"  ↳ {fact.clause}: ", "", fact.summary
        table.add_row(Text.assemble((before, "dim"), clause, (after, "dim")),
                      *(Text(SYMBOLS[s], style=STATUS_STYLES[s]) for s in cells))
    console.print(table)
    console.print(Text("  ".join(f"{SYMBOLS[s]} {MEANINGS[s]}" for s in SYMBOLS), style="dim"))


def _quotes(speakers: Sequence[Speaker], labels: dict[str, str], console: Console) -> None:
    _section(console, "Quotes by speaker")
    if not speakers:
        _empty(console, "No quotes found.")
        return
    table = _table("speaker", "type", "in", "verb", "quote")
    table.columns[4].ratio = 1
    for speaker in speakers:
        table.add_section()
        for index, item in enumerate(speaker.said):
            table.add_row(Text(speaker.name if index == 0 else "", style="bold"),
                          Text(", ".join(speaker.types) if index == 0 else ""),
                          Text(labels.get(item.article, item.article)), Text(_verb(item.quote)),
                          Text(_short(_quoted(item))))
    console.print(table)


def _verb(quote: Quote | None) -> str:
    if quote is None or not quote.verb:
        return "—"
    return quote.verb + (f" [{quote.verb_class}]" if quote.verb_class else "")


def _quoted(said: Said) -> str:
    return f"{said.text} (reported)" if said.direct is False else f"“{said.text}”"


def _short(text: str) -> str:
    return text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 1] + "…"


def _naming(comparison: Comparison, ids: Sequence[str], labels: dict[str, str],
            console: Console) -> None:
    _section(console, "Naming")
    differing = [n for n in comparison.naming if n.differs]
    if differing:
        table = _table("referent", *(labels[i] for i in ids))
        for naming in differing:
            cells = []
            for article_id in ids:
                form = naming.forms.get(article_id)
                cells.append(Text.assemble(form or "—", (" (loaded)", "yellow")
                                           if naming.is_loaded(article_id) else ""))
            table.add_row(Text(naming.referent, style="bold"), *cells)
        console.print(table)
    else:
        _empty(console, "No naming differences found.")
    alike = [n.referent for n in comparison.naming if not n.differs]
    if alike:
        console.print(Text.assemble(("Named alike: ", "bold"), ", ".join(alike)))


def _profiles(comparison: Comparison, ids: Sequence[str], labels: dict[str, str],
              console: Console) -> None:
    _section(console, "Sourcing and framing")
    sections = (("sourcing", comparison.sourcing), ("framing", comparison.framing))
    rows = [(name, profile_rows(profiles, ids)) for name, profiles in sections]
    if not any(found for _, found in rows):
        _empty(console, "No sourcing or framing profile.")
        return
    table = _table("", *(labels[i] for i in ids))
    for name, found in rows:
        table.add_section()
        table.add_row(Text(name, style="bold underline"), *("" for _ in ids))
        for metric, values in found:
            table.add_row(Text(metric), *(Text(value) for value in values))
    for column in table.columns[1:]:
        column.justify = "right"
    console.print(table)
