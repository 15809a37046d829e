"""SQLite store (stdlib `sqlite3`, WAL): articles keyed by id, with ordered migrations.

Writes are transactional: an article is stored whole or not at all, and a batch is
committed in chunks, so a crash mid-batch leaves only complete articles behind.
Ingest is idempotent: an article whose id and content hash are already stored is left
as it is; the same id with new content replaces the old row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType

from newsprism.errors import StoreError
from newsprism.model import Article, article_from_json, article_to_json

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
