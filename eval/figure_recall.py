"""Figure recall against answer keys: how many keyed figure values are found as figures, and
how many of those with the keyed qualifier (`about`, `more than`, none …).

A keyed value (a `[[stories.*.figures]]` entry's text in one article, with a numeric value)
is found when a quantity figure of that article overlaps its text; its qualifier is right
when one such figure has the keyed qualifier, or none when the key gives none. Each miss is
printed.

    python -m eval.figure_recall examples eval/probes/*/
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

import newsprism


def score(folder: Path) -> tuple[int, int, int]:
    """(keyed values, found as figures, found with the keyed qualifier) for one key."""
    key = tomllib.loads((folder / "expected.toml").read_text("utf-8"))
    articles, _ = newsprism.read([str(folder)], outlets=folder / "outlets.toml")
    corpus = {article.id: article for article in articles}
    keyed = found = qualified = 0
    for story in key["stories"].values():
        for entry in story.get("figures", []):
            for aid, value in entry["values"].items():
                article = corpus.get(aid)
                start = article.text.find(value["text"]) if article else -1
                if article is None or start < 0 or not isinstance(value.get("value"),
                                                                  int | float):
                    continue  # a date, or text of the raw page that the body leaves out
                keyed += 1
                end = start + len(value["text"])
                hits = [f for f in article.figures
                        if f.kind == "quantity" and f.start < end and start < f.end]
                if not hits:
                    print(f"{aid}: missed {value['text']!r}")
                    continue
                found += 1
                wanted = (value.get("qualifier") or "").lower()
                if any((f.qualifier or "").lower() == wanted for f in hits):
                    qualified += 1
                else:
                    print(f"{aid}: {value['text']!r} qualifier {wanted or None!r}, found "
                          f"{[f.qualifier for f in hits]}")
    return keyed, found, qualified


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", type=Path, nargs="+")
    totals = [0, 0, 0]
    for folder in parser.parse_args().folders:
        counts = score(folder)
        print(f"{folder.name}: {counts[1]}/{counts[0]} found, {counts[2]} with the qualifier")
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
    print(f"keyed figure values {totals[0]}: found {totals[1]}, with the keyed qualifier "
          f"{totals[2]}")


if __name__ == "__main__":
    main()
