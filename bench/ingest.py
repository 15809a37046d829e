"""Ingest speed and memory: read, clean, analyze and store a folder of articles.

The articles are the fictional example corpus's text files, copied under new names until
there are `--articles` of them; the run is the library path behind `newsprism ingest`.

    python -m bench.ingest [--articles 1000]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from newsprism.config import load_settings
from newsprism.ingest.outlets import OutletResolver
from newsprism.pipeline import find_inputs, process, read_inputs
from newsprism.store import SQLiteStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    sources = sorted(EXAMPLES.glob("*.txt"))
    settings = load_settings()
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.articles):
            source = sources[number % len(sources)]
            (Path(folder) / f"{number:06d}-{source.name}").write_bytes(source.read_bytes())
        words = sum(len(p.read_text("utf-8").split()) for p in Path(folder).iterdir())
        started = time.perf_counter()
        raws = read_inputs(find_inputs([folder], settings), settings)
        articles, failures = process(raws, OutletResolver(), settings)
        with SQLiteStore(Path(folder) / "bench.db") as store:
            stored = sum(1 for _ in store.put(articles))
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{stored} articles ({words:,} words, {len(failures)} failures) in {seconds:.1f} s: "
          f"{stored / seconds:.0f} articles/s, {words / seconds:,.0f} words/s; "
          f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
