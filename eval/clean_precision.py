"""Cleaning precision on clean real text: the AllSides article bodies (../shared/eval/allsides).

These bodies carry no page debris, so every line the cleaner removes from them is a body line
lost. Prints how many articles and lines were read and every line removed, with its reason.

    python -m eval.clean_precision [--data ../shared/eval/allsides]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from eval import SHARED_EVAL
from newsprism.ingest.outlets import OutletResolver
from newsprism.ingest.read import raw_document
from newsprism.pipeline import build_article

DEFAULT_DATA = SHARED_EVAL / "allsides"
SIDES = ("left", "center", "right")


def bodies(folder: Path) -> Iterator[tuple[str, str]]:
    """(id, body) of every story side with a body."""
    for path in sorted((folder / "stories").glob("*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines()):
            news = json.loads(line).get("news") or {}
            for side in SIDES:
                body = (news.get(side) or {}).get("newBody") or ""
                text = "\n\n".join(map(str, body)) if isinstance(body, list) else str(body)
                if text.strip():
                    yield f"{path.stem}:{number}:{side}", text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    articles = lines = removed = 0
    for key, text in bodies(args.data):
        article = build_article(raw_document(key, text, title="(given)"), OutletResolver())
        articles += 1
        lines += article.text.count("\n\n") + 1 + len(article.removed)
        for line in article.removed:
            removed += 1
            print(f"{key}\t{line.reason}\t{line.line[:100]}")
    print(f"{articles} articles, {lines} lines, {removed} removed")


if __name__ == "__main__":
    main()
