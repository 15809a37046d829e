"""Expand the paths a user gives (files, folders, `-`) into the inputs to read."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from newsprism.model import Failure

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file, or stdin when `path` is None."""

    name: str
    path: Path | None = None

    @property
    def stem(self) -> str:
        return self.path.stem if self.path else "stdin"


def discover(paths: Sequence[str], include: Sequence[str],
             exclude: Sequence[str]) -> Iterator[Source | Failure]:
    """Yield each input in order; folders are walked recursively and sorted by path.

    A file named explicitly is always taken; files found in folders must match `include`
    and not `exclude`. Symbolic links to folders are not followed (no loops).
    """
    for raw in paths:
        if raw == STDIN:
            yield Source(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, include, exclude)
        elif path.is_file():
            yield Source(raw, path)
        elif path.exists():
            yield Failure(raw, "not a regular file or folder")
        else:
            yield Failure(raw, "no such file or folder")


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[Source | Failure]:
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        yield from _folder_failures(errors, root)
        base = Path(folder)
        rel = base.relative_to(root)
        dirs[:] = sorted(d for d in dirs if not _excluded(rel / d, exclude))
        for name in sorted(files):
            if any(fnmatch(name, pattern) for pattern in include) \
                    and not _excluded(rel / name, exclude):
                yield Source(str(base / name), base / name)
    yield from _folder_failures(errors, root)


def _folder_failures(errors: list[OSError], root: Path) -> Iterator[Failure]:
    for error in errors:
        yield Failure(str(error.filename or root), f"cannot read folder ({error.strerror})")
    errors.clear()


def _excluded(rel: Path, exclude: Sequence[str]) -> bool:
    text = rel.as_posix()
    return any(fnmatch(text, pattern) or fnmatch(rel.name, pattern) for pattern in exclude)
