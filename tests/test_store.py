from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.errors import StoreError
from newsprism.model import Article, Removed, Sentence
from newsprism.store import Outcome, SQLiteStore
from newsprism.store.sqlite import MIGRATIONS


def article(number: int, text: str = "Body text.") -> Article:
    return Article(id=f"a{number}", outlet="Wire", text=text, title=f"Title {number}",
                   content_hash=f"h{number}-{text}", removed=(Removed("Share", "share"),),
                   sentences=(Sentence(0, len(text)),))


def test_store_round_trip_and_idempotence(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "x.db") as store:
        first = [outcome for _, outcome in store.put([article(1), article(2)])]
        again = [outcome for _, outcome in store.put([article(1), article(2)])]
        changed = [outcome for _, outcome in store.put([article(2, "New body.")])]
        assert first == [Outcome.ADDED, Outcome.ADDED]
        assert again == [Outcome.UNCHANGED, Outcome.UNCHANGED]
        assert changed == [Outcome.UPDATED]
        assert store.count() == 2
        assert store.get("a1") == article(1)
        assert store.get("a2") == article(2, "New body.")
        assert store.get("nope") is None
        assert [s["id"] for s in store.summaries()] == ["a1", "a2"]
        assert store.check() == []


def test_store_uses_wal_and_latest_schema(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "x.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.version == len(MIGRATIONS)


def test_store_refuses_newer_schema_and_non_database(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        SQLiteStore(junk)


def test_store_failed_batch_leaves_nothing_half_written(tmp_path: Path) -> None:
    def articles():  # type: ignore[no-untyped-def]
        yield article(1)
        yield article(2)
        raise RuntimeError("crash while reading the third input")

    with SQLiteStore(tmp_path / "x.db", batch_size=10) as store:
        with pytest.raises(RuntimeError):
            list(store.put(articles()))
        assert store.count() == 0  # the open chunk was never committed
        list(store.put([article(1)]))
        # an error inside the chunk's transaction rolls the whole chunk back
        bad = replace(article(3), id=None)  # type: ignore[arg-type]
        with pytest.raises(sqlite3.IntegrityError):
            list(store._put_chunk([article(2), bad]))
        assert [s["id"] for s in store.summaries()] == ["a1"]


@pytest.mark.slow
def test_store_killed_ingest_leaves_whole_chunks(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(4000):
        (corpus / f"n{number:05d}.txt").write_text(
            f"Story number {number}\n\nA short fictional report, number {number}.\n")
    db = tmp_path / "x.db"
    fast = tmp_path / "fast.toml"  # the trained models would make the 4,000 inputs slow
    fast.write_text("[analyze]\nmodels = false\n")
    command = [sys.executable, "-m", "newsprism", "ingest", str(corpus), "--db", str(db),
               "--config", str(fast)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists() and _rows(db) >= 200:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.02)
    process.wait()
    if process.returncode != -signal.SIGKILL:
        pytest.fail("ingest finished before it could be interrupted; use a larger corpus")
    with SQLiteStore(db) as store:
        stored = store.count()
        assert stored % 200 == 0 and stored < 4000  # only whole transactions survived
        assert store.check() == []
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0
    assert f"{4000 - stored} added" in done.stdout and f"{stored} unchanged" in done.stdout


def _rows(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=0.1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
