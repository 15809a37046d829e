"""Candidate search for clustering: a time window over day buckets, then nearest vectors.

A story is filed under every day from its first to its last dated article. A dated article
looks only at the stories filed within `window` days of its own day (plus stories with no
dated article at all), so the work per new article depends on how many stories run at the
same time, not on how many the store holds. Among those, the `k` nearest by mean cosine
similarity (average linkage over the story's members, exact, from the sum of their unit
vectors) are returned. An undated article is compared with every story loaded: the whole
batch in a one-shot run; in the database, the stories of its chunk and of the articles
grouped just before it (`newsprism.store.sqlite.group_stored`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from newsprism.group.embed import DIMENSIONS, Vectors


class StoryIndex:
    """Rows of story vectors (sums of member unit vectors) with their member counts."""

    def __init__(self, window: int, capacity: int = 1024) -> None:
        self.window = window
        self.sums: Vectors = np.zeros((capacity, DIMENSIONS), dtype=np.float32)
        self.counts: NDArray[np.float32] = np.zeros(capacity, dtype=np.float32)
        self.size = 0
        self.days: dict[int, list[int]] = {}
        self.spans: list[tuple[int, int] | None] = []
        self.undated: set[int] = set()

    def add_row(self, vector: Vectors, day: int | None) -> int:
        """A new story with one member; its row number."""
        if self.size == len(self.counts):
            self._grow()
        row = self.size
        self.size += 1
        self.sums[row] = vector
        self.counts[row] = 1.0
        self.spans.append(None)
        self.undated.add(row)
        self.file_day(row, day)
        return row

    def add_member(self, row: int, vector: Vectors, day: int | None) -> None:
        self.sums[row] += vector
        self.counts[row] += 1.0
        self.file_day(row, day)

    def file_day(self, row: int, day: int | None) -> None:
        """Extend the story's dated span to `day` and file it under the new days."""
        if day is None:
            return
        span = self.spans[row]
        if span is None:
            self.undated.discard(row)
            new_days = range(day, day + 1)
            self.spans[row] = (day, day)
        else:
            first, last = min(span[0], day), max(span[1], day)
            new_days = range(first, span[0]) if day < span[0] else range(span[1] + 1, last + 1)
            self.spans[row] = (first, last)
        for each in new_days:
            self.days.setdefault(each, []).append(row)

    def nearest(self, vector: Vectors, day: int | None, k: int) -> list[tuple[int, float]]:
        """Up to `k` (row, mean cosine) of the candidate stories, best first."""
        rows = self._window(day)
        if rows.size == 0:
            return []
        scores = (self.sums[rows] @ vector) / self.counts[rows]
        if rows.size > k:
            top = np.argpartition(-scores, k - 1)[:k]
            rows, scores = rows[top], scores[top]
        order = np.argsort(-scores, kind="stable")
        return [(int(rows[i]), float(scores[i])) for i in order]

    def _window(self, day: int | None) -> NDArray[np.int64]:
        if day is None:
            return np.arange(self.size, dtype=np.int64)
        rows: set[int] = set(self.undated)
        for each in range(day - self.window, day + self.window + 1):
            rows.update(self.days.get(each, ()))
        return np.fromiter(sorted(rows), dtype=np.int64, count=len(rows))

    def _grow(self) -> None:
        capacity = 2 * len(self.counts)
        sums = np.zeros((capacity, DIMENSIONS), dtype=np.float32)
        sums[: self.size] = self.sums[: self.size]
        counts = np.zeros(capacity, dtype=np.float32)
        counts[: self.size] = self.counts[: self.size]
        self.sums, self.counts = sums, counts
