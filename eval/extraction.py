"""HTML main-text extraction on the article-extraction benchmark (../shared/eval).

Scores newsprism's HTML path (decode, trafilatura, headline and line cleaning), trafilatura
alone, and the reference outputs shipped with the benchmark, on the same pages, with the
benchmark's token-shingle F1.

    python -m eval.extraction [--data ../shared/eval/article-extraction]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import trafilatura

from eval import SHARED_EVAL
from eval.scoring import extraction_scores, page_counts
from newsprism.errors import InputError
from newsprism.ingest.decode import decode
from newsprism.ingest.outlets import OutletResolver
from newsprism.ingest.read import raw_document
from newsprism.model import Article
from newsprism.pipeline import build_article

DEFAULT_DATA = SHARED_EVAL / "article-extraction"


def newsprism_article(page_id: str, data: bytes) -> Article | None:
    """The article newsprism makes of a page (None when it refuses the page)."""
    try:
        html, _ = decode(data, page_id)
        return build_article(raw_document(page_id, html, "html"), OutletResolver())
    except InputError:
        return None


def newsprism_text(page_id: str, data: bytes) -> str:
    article = newsprism_article(page_id, data)
    return article.text if article else ""


def print_removed(truth: dict[str, dict[str, str]], pages: dict[str, bytes]) -> None:
    """Every line the cleaner removed, marked `BODY` when the ground truth has it."""
    for key, data in pages.items():
        article = newsprism_article(key, data)
        for removed in article.removed if article else ():
            body = removed.line[:60] in (truth[key].get("articleBody") or "")
            print(f"{'BODY' if body else '    '} {removed.reason:<18} {removed.line[:100]}")


def trafilatura_text(data: bytes) -> str:
    return trafilatura.extract(data.decode("utf-8", "replace"), include_comments=False) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--removed", action="store_true",
                        help="list the lines the cleaner removed instead of scoring")
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    pages = {key: gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes())
             for key in truth}
    if args.removed:
        print_removed(truth, pages)
        return
    systems: dict[str, dict[str, str]] = {}
    timings = {}
    for name, run in (("newsprism", newsprism_text),
                      ("trafilatura alone", lambda key, data: trafilatura_text(data))):
        started = time.perf_counter()
        systems[name] = {key: run(key, data) for key, data in pages.items()}
        timings[name] = time.perf_counter() - started
    for path in sorted((args.data / "reference-outputs").glob("*.json")):
        outputs = json.loads(path.read_text("utf-8"))
        systems[f"reference: {path.stem}"] = {
            key: (outputs.get(key) or {}).get("articleBody") or "" for key in truth}
    print(f"{len(truth)} pages from {args.data}")
    print(f"{'system':<32} {'F1':>6} {'prec.':>6} {'recall':>6} {'empty':>6} {'seconds':>8}")
    for name, texts in systems.items():
        scores = extraction_scores(page_counts(truth[key].get("articleBody", ""), texts[key])
                                   for key in truth)
        empty = sum(not text.strip() for text in texts.values())
        seconds = f"{timings[name]:8.1f}" if name in timings else ""
        print(f"{name:<32} {scores['f1']:6.3f} {scores['precision']:6.3f} "
              f"{scores['recall']:6.3f} {empty:6d} {seconds}")


if __name__ == "__main__":
    main()
