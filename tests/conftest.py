"""Fixtures shared by every test: paths to the seeds and examples, a CLI runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def jsonl(self) -> list[dict[str, object]]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The two seed articles, read from ../shared (never copied into the project)."""
    folder = SHARED / "seeds"
    if not (folder / "000_10bf0377f753a592.txt").exists():
        pytest.skip(f"seed articles not found in {folder} (set NEWSPRISM_SHARED)")
    return folder


@pytest.fixture
def cli(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run the real `newsprism` command in a subprocess; return its exit code and output."""

    def run(*args: str | Path, stdin: bytes | None = None) -> Result:
        done = subprocess.run([sys.executable, "-m", "newsprism", *map(str, args)],
                              input=stdin, capture_output=True, cwd=tmp_path, timeout=300,
                              env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"})
        return Result(done.returncode, done.stdout.decode(), done.stderr.decode())

    return run
