"""Figure conflicts on the fictional corpus's answer key (examples/expected.toml).

Each story of the key is compared as one batch. A planted `conflict` or `update` (with at
least two stated values) is found when one reported conflict holds at least two of its
values, and counted right when the reported kind is the key's too. A reported conflict
that holds no two values of a planted one is false; so is one that mixes figures the key
calls `consistent` or `different-things`.

    python -m eval.conflicts [--examples examples]
"""

from __future__ import annotations

import argparse
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsprism
from newsprism.compare import compare_story
from newsprism.model import Comparison

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLANTED = ("conflict", "update")


def _texts(entry: dict[str, Any], valued: bool) -> set[tuple[str, str]]:
    return {(aid, value["text"]) for aid, value in entry["values"].items()
            if "value" in value or not valued}


def _shared(reported: set[tuple[str, str]], planted: set[tuple[str, str]]) -> int:
    """How many planted values the reported conflict holds (texts overlap either way)."""
    return sum(any(aid == got_aid and (text in got or got in text) for got_aid, got in reported)
               for aid, text in planted)


def comparisons(examples: Path) -> Iterator[tuple[str, dict[str, Any], Comparison]]:
    """Each story of the key in `examples`, with the comparison of its articles."""
    key = tomllib.loads((examples / "expected.toml").read_text("utf-8"))
    articles, _ = newsprism.read([str(examples)], outlets=examples / "outlets.toml")
    corpus = {article.id: article for article in articles}
    for name, story in key["stories"].items():
        yield name, story, compare_story([corpus[aid] for aid in story["articles"]],
                                         story_id=name)


def score(examples: Path) -> dict[str, int]:
    counts = {"planted": 0, "found": 0, "right_kind": 0, "reported": 0, "false": 0}
    for name, story, comparison in comparisons(examples):
        figures = story.get("figures", [])
        reported = [({(v.article, v.text) for v in c.values}, c) for c in comparison.conflicts]
        planted = [(entry, _texts(entry, valued=True)) for entry in figures
                   if entry["kind"] in PLANTED and len(_texts(entry, valued=True)) >= 2]
        apart = [_texts(entry, valued=False) for entry in figures if entry["kind"] not in PLANTED]
        for entry, values in planted:
            counts["planted"] += 1
            match = next((c for got, c in reported if _shared(got, values) >= 2), None)
            if match is None:
                print(f"missed  {name}: {entry['what']}")
                continue
            counts["found"] += 1
            counts["right_kind"] += match.kind == entry["kind"]
            if match.kind != entry["kind"]:
                print(f"kind    {name}: {entry['what']} reported as {match.kind}")
        for got, conflict in reported:
            counts["reported"] += 1
            if not any(_shared(got, values) >= 2 for _, values in planted) \
                    or any(_shared(got, values) >= 2 for values in apart):
                counts["false"] += 1
                print(f"false   {name}: {conflict.quantity} {sorted(got)}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=Path, default=EXAMPLES)
    counts = score(parser.parse_args().examples)
    print(f"planted conflicts and updates: {counts['planted']}; found {counts['found']} "
          f"({counts['right_kind']} with the right kind); reported {counts['reported']}, "
          f"false {counts['false']}")


if __name__ == "__main__":
    main()
