"""Cleaning speed: newsprism's HTML path vs trafilatura alone, and the text cleaner's lines/s.

Both HTML runs take the same pages (the article-extraction benchmark in ../shared/eval) in
the same process, alternating, and the median of several rounds is reported. One-time
costs (loading the language model) are paid before timing.

    python -m bench.clean [--data ../shared/eval/article-extraction] [--rounds 5]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from eval import SHARED_EVAL
from newsprism.clean.language import detect_language
from newsprism.clean.lines import clean_lines, split_units
from newsprism.clean.text import normalize_text
from newsprism.ingest.outlets import OutletResolver
from newsprism.ingest.read import raw_document
from newsprism.pipeline import build_article

DEFAULT_DATA = SHARED_EVAL / "article-extraction"


def ours(page: str) -> str:
    return build_article(raw_document("p", page, "html"), OutletResolver()).text


def alone(page: str) -> str:
    return trafilatura.extract(page, include_comments=False) or ""


def seconds(work: Callable[[str], object], items: list[str]) -> float:
    started = time.perf_counter()
    for item in items:
        work(item)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pages = [gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
             for path in sorted((args.data / "html").glob("*.html.gz"))]
    detect_language("warm the language model up before timing anything")
    ratios, ours_times, alone_times = [], [], []
    for _ in range(args.rounds):
        alone_times.append(seconds(alone, pages))
        ours_times.append(seconds(ours, pages))
        ratios.append(ours_times[-1] / alone_times[-1])
    texts = [normalize_text(ours(page)) for page in pages] * 20
    lines = sum(len(split_units(text)) for text in texts)
    clean_time = statistics.median(seconds(clean_lines, texts) for _ in range(args.rounds))
    print(f"{len(pages)} pages, {sum(map(len, pages)) / 1e6:.1f} MB of HTML, "
          f"median of {args.rounds} rounds, one core")
    print(f"trafilatura alone   {len(pages) / statistics.median(alone_times):8.1f} pages/s")
    print(f"newsprism HTML path {len(pages) / statistics.median(ours_times):8.1f} pages/s")
    print(f"overhead            {100 * (statistics.median(ratios) - 1):+8.1f} %")
    print(f"text cleaner        {lines / clean_time:8.0f} lines/s "
          f"({lines} lines of extracted text)")


if __name__ == "__main__":
    main()
