"""SQLite store (stdlib `sqlite3`, WAL): articles keyed by id, with ordered migrations.

Writes are transactional: an article is stored whole or not at all, and a batch is
committed in chunks, so a crash mid-batch leaves only complete articles behind.
Ingest is idempotent: an article whose id and content hash are already stored is left
as it is; the same id with new content replaces the old row.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType

import numpy as np

from newsprism.config import GroupSettings
from newsprism.errors import StoreError
from newsprism.group.cluster import StoryProfile
from newsprism.group.incremental import Increment, Placement, StoryState, add_articles
from newsprism.group.stories import Embed, article_features, credits_a_source
from newsprism.group.syndication import signature_bytes, signature_from_bytes, signatures
from newsprism.model import Article, Story, article_from_json, article_to_json

# Ordered migrations: index + 1 is the schema version they bring the database to.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY NOT NULL,
        content_hash TEXT NOT NULL,
        outlet TEXT NOT NULL,
        title TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        source TEXT,
        n_chars INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE INDEX articles_outlet ON articles (outlet);
    CREATE INDEX articles_published ON articles (published);
    """,
    # 2: story grouping. `stories` keeps what incremental clustering needs (member count, sum
    # of member vectors, dated span, entity/figure/keyword weights); `story_articles` places
    # each grouped article (with its MinHash signature, for syndication against later ones).
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY NOT NULL,
        members INTEGER NOT NULL,
        vector BLOB NOT NULL,
        first_day INTEGER,
        last_day INTEGER,
        profile TEXT NOT NULL CHECK (json_valid(profile))
    );
    CREATE INDEX stories_last_day ON stories (last_day);
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY NOT NULL,
        story_id TEXT NOT NULL REFERENCES stories (id),
        original_id TEXT,
        day INTEGER,
        seq INTEGER NOT NULL,
        published TEXT,
        credited INTEGER NOT NULL,
        signature BLOB NOT NULL
    );
    CREATE INDEX story_articles_story ON story_articles (story_id);
    CREATE INDEX story_articles_day ON story_articles (day);
    """,
)


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class SQLiteStore:
    """A newsprism database in one SQLite file."""

    def __init__(self, path: str | Path, batch_size: int = 200) -> None:
        self.path = Path(path)
        self.batch_size = batch_size
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a newsprism database ({exc})") from exc

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version
        if current > len(MIGRATIONS):
            raise StoreError(f"{self.path}: schema version {current} is newer than this "
                             f"newsprism knows ({len(MIGRATIONS)}); upgrade newsprism")
        for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
            self.conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")

    def put(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Outcome]]:
        """Store articles in transactions of `batch_size`; yield each with its outcome."""
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= self.batch_size:
                yield from self._put_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._put_chunk(chunk)

    def _put_chunk(self, chunk: list[Article]) -> list[tuple[Article, Outcome]]:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        results = []
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for article in chunk:
                results.append((article, self._put_one(article, now)))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return results

    def _put_one(self, article: Article, now: str) -> Outcome:
        row = self.conn.execute("SELECT content_hash FROM articles WHERE id = ?",
                                (article.id,)).fetchone()
        if row is not None and row[0] == article.content_hash:
            return Outcome.UNCHANGED
        self.conn.execute(
            "INSERT OR REPLACE INTO articles (id, content_hash, outlet, title, url, published,"
            " language, source, n_chars, ingested_at, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.content_hash or "", article.outlet, article.title, article.url,
             article.published, article.language, article.source, len(article.text), now,
             article_to_json(article)))
        return Outcome.ADDED if row is None else Outcome.UPDATED

    def get(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        return None if row is None else article_from_json(row[0])

    def articles(self) -> Iterator[Article]:
        for (data,) in self.conn.execute("SELECT data FROM articles ORDER BY id"):
            yield article_from_json(data)

    def recent(self, outlet: str, limit: int = 500) -> Iterator[Article]:
        """The outlet's most recently ingested articles."""
        for (data,) in self.conn.execute(
                "SELECT data FROM articles WHERE outlet = ? ORDER BY ingested_at DESC, id"
                " LIMIT ?", (outlet, limit)):
            yield article_from_json(data)

    def summaries(self) -> list[dict[str, object]]:
        """One small dict per article (no text), ordered by id, for listings."""
        cursor = self.conn.execute(
            "SELECT id, outlet, title, published, n_chars, language, ingested_at"
            " FROM articles ORDER BY id")
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity check and by re-reading every article."""
        problems = [row[0] for row in self.conn.execute("PRAGMA integrity_check")
                    if row[0] != "ok"]
        for article_id, data in self.conn.execute("SELECT id, data FROM articles"):
            try:
                article_from_json(data)
            except (ValueError, TypeError, json.JSONDecodeError) as exc:
                problems.append(f"article {article_id!r}: {exc}")
        return problems

    # -- stories ---------------------------------------------------------------------------

    def ungrouped(self) -> Iterator[Article]:
        """Articles not yet in a story, in ingest order."""
        for (data,) in self.conn.execute(
                "SELECT data FROM articles WHERE id NOT IN"
                " (SELECT article_id FROM story_articles) ORDER BY ingested_at, rowid"):
            yield article_from_json(data)

    def next_seq(self) -> int:
        """The ingest-order number the next grouped article gets."""
        row = self.conn.execute("SELECT max(seq) FROM story_articles").fetchone()
        return 0 if row[0] is None else int(row[0]) + 1

    def group_state(self, days: tuple[int, int] | None, window: int,
                    recent: int) -> tuple[list[StoryState], list[Placement]]:
        """What incremental grouping needs to place new articles: the grouped articles
        within `window` days of `days` (first, last) or among the last `recent` grouped, and
        the stories of those days and articles."""
        low, high = (days[0] - window, days[1] + window) if days else (1, 0)
        placements = [_placement(row) for row in self.conn.execute(
            "SELECT article_id, story_id, original_id, day, seq, published, credited, signature"
            " FROM story_articles WHERE day BETWEEN ? AND ? OR seq >= ?",
            (low, high, self.next_seq() - recent))]
        wanted = {p.story for p in placements}
        rows = self.conn.execute(
            "SELECT id, members, vector, first_day, last_day, profile FROM stories"
            " WHERE last_day >= ? AND first_day <= ?", (low, high))
        stories = {row[0]: _story_state(row) for row in rows}
        for story in sorted(wanted - set(stories)):
            row = self.conn.execute("SELECT id, members, vector, first_day, last_day, profile"
                                    " FROM stories WHERE id = ?", (story,)).fetchone()
            stories[story] = _story_state(row)
        return list(stories.values()), placements

    def save_increment(self, increment: Increment) -> None:
        """Write the stories and placements of one grouping batch in one transaction."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for state in increment.stories.values():
                self._save_story(state)
            self.conn.executemany(
                "INSERT OR REPLACE INTO story_articles (article_id, story_id, original_id, day,"
                " seq, published, credited, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(p.article, p.story, p.original, p.day, p.seq, p.published, int(p.credited),
                  signature_bytes(p.signature)) for p in increment.placements])
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _save_story(self, state: StoryState) -> None:
        profile = state.profile
        first, last = state.span if state.span else (None, None)
        self.conn.execute(
            "INSERT OR REPLACE INTO stories (id, members, vector, first_day, last_day, profile)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (profile.id, len(profile.members), np.asarray(state.vector_sum, np.float32).tobytes(),
             first, last, json.dumps({"members": profile.members, "entities": profile.entities,
                                      "figures": profile.figures,
                                      "keywords": profile.keywords})))

    def stories(self) -> list[Story]:
        """Every story: members in ingest order, syndicated (original, copy) pairs."""
        members: dict[str, list[str]] = defaultdict(list)
        pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for article, story, original in self.conn.execute(
                "SELECT article_id, story_id, original_id FROM story_articles ORDER BY seq"):
            members[story].append(article)
            if original is not None:
                pairs[story].append((original, article))
        return [Story(id=story, articles=tuple(ids), syndicated=tuple(sorted(pairs[story])))
                for story, ids in members.items()]

    def story_summaries(self) -> list[dict[str, object]]:
        """One dict per story, largest first: size, outlets, first and last publication
        date, and the headline of its first article."""
        cursor = self.conn.execute(
            "SELECT s.story_id, count(*), group_concat(DISTINCT a.outlet), min(a.published),"
            " max(a.published), (SELECT a2.title FROM story_articles s2 JOIN articles a2"
            "  ON a2.id = s2.article_id WHERE s2.story_id = s.story_id AND a2.title IS NOT NULL"
            "  ORDER BY s2.seq LIMIT 1)"
            " FROM story_articles s JOIN articles a ON a.id = s.article_id"
            " GROUP BY s.story_id ORDER BY count(*) DESC, min(s.seq)")
        names = ("id", "size", "outlets", "first", "last", "headline")
        rows = [dict(zip(names, row, strict=True)) for row in cursor]
        for row in rows:
            row["outlets"] = sorted(str(row["outlets"] or "").split(","))
        return rows


def _placement(row: tuple[object, ...]) -> Placement:
    article, story, original, day, seq, published, credited, signature = row
    return Placement(str(article), str(story), None if original is None else str(original),
                     None if day is None else int(day), int(seq),  # type: ignore[call-overload]
                     signature_from_bytes(bytes(signature)),  # type: ignore[call-overload]
                     None if published is None else str(published), bool(credited))


def _story_state(row: tuple[object, ...]) -> StoryState:
    story, _, vector, first, last, profile = row
    data = json.loads(str(profile))
    span = None if first is None else (int(first), int(last))  # type: ignore[call-overload]
    return StoryState(
        StoryProfile(str(story), list(data["members"]), dict(data["entities"]),
                     dict(data["figures"]), dict(data["keywords"])),
        np.frombuffer(bytes(vector), dtype=np.float32).copy(),  # type: ignore[call-overload]
        span)


def group_stored(store: SQLiteStore, settings: GroupSettings, embed: Embed | None = None,
                 chunk: int = 2000, recent: int = 5000) -> dict[str, int]:
    """Place every article not yet in a story (incremental grouping), `chunk` articles per
    transaction, in ingest order. A dated article is compared with the stories of its time
    window; an undated one with those of the articles in its chunk and the `recent` last
    grouped (its neighbours in ingest order). Counts of what was done."""
    counts = {"articles": 0, "new_stories": 0, "copies": 0}
    pending = list(store.ungrouped())
    for start in range(0, len(pending), chunk):
        articles = pending[start:start + chunk]
        marks = signatures([a.text for a in articles], settings.shingle_size, settings.num_perm)
        items = article_features(articles, settings, embed)
        seq = store.next_seq()
        new = []
        for n, (article, item, mark) in enumerate(zip(articles, items, marks, strict=True)):
            new.append((item, Placement(article.id, "", None, item.day, seq + n, mark,
                                        article.published, credits_a_source(article))))
        days = [item.day for item in items if item.day is not None]
        stories, stored = store.group_state((min(days), max(days)) if days else None,
                                            settings.window_days, recent)
        before = {state.profile.id for state in stories}
        increment = add_articles(new, stories, stored, settings)
        store.save_increment(increment)
        counts["articles"] += len(articles)
        counts["new_stories"] += len(set(increment.stories) - before)
        # copies placed now, or stored copies whose original arrived now
        counts["copies"] += sum(1 for p in increment.placements if p.original is not None)
    return counts
