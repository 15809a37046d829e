"""Derive attribution cue verbs from PolNeAR train (../shared/eval/polnear/train).

For every verb lemma, count how often a token with that lemma is annotated as (part of) an
attribution cue, and how often it occurs at all. Lemmas that are cues in at least
`--min-count` occurrences and at least `--min-share` of the time are written, one per line
with their counts, to `src/newsprism/data/cue_verbs.tsv`; `newsprism.analyze.quotes` treats
them as attribution verbs (class `neutral` unless `attribution_verbs.tsv` gives another).

    python -m eval.derive_cues [--data ../shared/eval/polnear] [--min-count 5] [--min-share 0.3]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eval import SHARED_EVAL
from newsprism.analyze.nlp import parse

DEFAULT_DATA = SHARED_EVAL / "polnear"
OUTPUT = Path(__file__).resolve().parents[1] / "src/newsprism/data/cue_verbs.tsv"


def cue_offsets(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) > 1 and parts[1].startswith("Cue "):
            for piece in parts[1].removeprefix("Cue ").split(";"):
                start, end = map(int, piece.split())
                spans.append((start, end))
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--min-share", type=float, default=0.3)
    args = parser.parse_args()
    folder = args.data / "train"
    annotations = {ann.stem.rsplit("_", 1)[0]: ann
                   for ann in (folder / "attributions").glob("*.ann")}
    paths = sorted((folder / "text").glob("*.txt"))
    texts = [path.read_text("utf-8") for path in paths]
    seen, cued = Counter(), Counter()
    for path, doc in zip(paths, parse(texts), strict=True):
        cues = cue_offsets(annotations[path.stem])
        for token in doc:
            if token.pos_ != "VERB":
                continue
            lemma = token.lemma_.lower()
            seen[lemma] += 1
            cued[lemma] += any(start <= token.idx < end for start, end in cues)
    rows = sorted((lemma, n, seen[lemma]) for lemma, n in cued.items()
                  if n >= args.min_count and n >= args.min_share * seen[lemma])
    header = ("# Verbs that PolNeAR train annotates as attribution cues (derived by "
              "eval/derive_cues.py;\n# do not edit by hand). lemma <TAB> times a cue <TAB> "
              "times seen as a verb.\n")
    OUTPUT.write_text(header + "".join(f"{lemma}\t{n}\t{total}\n" for lemma, n, total in rows),
                      "utf-8")
    print(f"{len(rows)} cue verbs from {len(paths)} articles written to {OUTPUT}")


if __name__ == "__main__":
    main()
