"""Derive loaded words from BABE (../shared/eval/babe): words its experts flag as biased.

For every content-word lemma (with its part of speech), count in how many sentences it occurs
and in how many of those the experts list it among the sentence's `biased_words`. Lemmas
flagged in at least `--min-count` sentences and at least `--min-share` of those they occur in
are written to `src/newsprism/data/loaded_derived.tsv` with their counts, the counts by the
outlets' leaning (BABE's `type`) and a side (`left`/`right` when flagged at least twice as
often in outlets of that leaning, else `none`). Only single words are written, never text.

Sentences come from `babe_train.csv` plus those of `final_labels_SG1.csv` that are not in it.

    python -m eval.derive_lexicon [--data ../shared/eval/babe] [--min-count 2] [--min-share 0.3]
"""

from __future__ import annotations

import argparse
import ast
import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from eval import SHARED_EVAL
from newsprism.analyze.framing import DERIVED_LEXICON, phrase_words
from newsprism.analyze.nlp import parse
from newsprism.datafiles import stopwords

DEFAULT_DATA = SHARED_EVAL / "babe"
OUTPUT = Path(__file__).resolve().parents[1] / "src/newsprism/data" / DERIVED_LEXICON
POS_GROUP = {"NOUN": "NOUN", "VERB": "VERB", "ADJ": "ADJ", "ADV": "ADV"}
SIDES = ("left", "right", "center")
MIN_SIDE_RATIO = 2


@dataclass(frozen=True, slots=True)
class BabeRow:
    text: str
    link: str
    outlet_type: str  # left | right | center | "" (not given)
    biased: bool
    biased_words: frozenset[str]  # lower-case words of the `biased_words` list
    source: str  # file name


def load_babe(folder: Path = DEFAULT_DATA) -> list[BabeRow]:
    """BABE's expert-labelled sentences: babe_train.csv, then SG1 sentences not in it."""
    rows = _read(folder / "babe_train.csv")
    seen = {row.text for row in rows}
    return rows + [row for row in _read(folder / "final_labels_SG1.csv") if row.text not in seen]


def _read(path: Path) -> list[BabeRow]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [BabeRow(text=r["text"].strip(), link=r["news_link"], outlet_type=r["type"],
                        biased=r["label_bias"] == "Biased",
                        biased_words=frozenset(w for phrase in ast.literal_eval(r["biased_words"])
                                               for w in phrase_words(phrase)),
                        source=path.name)
                for r in csv.DictReader(handle, delimiter=";")]


def units(doc: Doc) -> list[list[Token]]:
    """Words of `doc`: a hyphenated compound (`tone-deaf`) is one unit of several tokens."""
    found: list[list[Token]] = []
    for token in doc:
        previous = found[-1] if found else None
        if previous is not None and not previous[-1].whitespace_ \
                and (token.text == "-" or previous[-1].text == "-"):
            previous.append(token)
        else:
            found.append([token])
    return [unit for unit in found if unit[-1].text != "-"]


def is_content(unit: list[Token]) -> bool:
    words = [t for t in unit if t.text != "-"]
    return unit[-1].pos_ in POS_GROUP and all(t.is_alpha for t in words) \
        and sum(len(t.text) for t in words) > 2 \
        and not all(t.lower_ in stopwords() for t in words)


def is_flagged(unit: list[Token], words: frozenset[str]) -> bool:
    return any(part in words for t in unit for part in phrase_words(t.text))


def key(unit: list[Token]) -> tuple[str, str]:
    """`tone-deaf` / ADJ; a single word is its lemma."""
    if len(unit) == 1:
        return unit[0].lemma_.lower(), POS_GROUP[unit[0].pos_]
    return "".join(t.lower_ for t in unit[:-1]) + unit[-1].lemma_.lower(), "-"


@dataclass
class Counts:
    seen: Counter[tuple[str, str]]
    flagged: Counter[tuple[str, str]]
    by_side: dict[str, Counter[tuple[str, str]]]


def count(docs: Iterable[Doc], rows: Iterable[BabeRow]) -> Counts:
    """Per lemma: sentences it occurs in, sentences where it is flagged (also by leaning)."""
    counts = Counts(Counter(), Counter(), {side: Counter() for side in SIDES})
    for doc, row in zip(docs, rows, strict=True):
        content = [unit for unit in units(doc) if is_content(unit)]
        flagged = {key(u) for u in content if is_flagged(u, row.biased_words)}
        counts.seen.update({key(u) for u in content})
        counts.flagged.update(flagged)
        if row.outlet_type in SIDES:
            counts.by_side[row.outlet_type].update(flagged)
    return counts


def derive_rows(docs: Sequence[Doc], rows: Sequence[BabeRow], min_count: int = 2,
                min_share: float = 0.3) -> list[list[str]]:
    """Rows of `loaded_derived.tsv`: lemma, pos, flagged, seen, left, right, center, side."""
    counts = count(docs, rows)
    out = []
    for (lemma, pos), flagged in sorted(counts.flagged.items()):
        if flagged >= min_count and flagged >= min_share * counts.seen[(lemma, pos)]:
            sides = [counts.by_side[side][(lemma, pos)] for side in SIDES]
            out.append([lemma, pos, str(flagged), str(counts.seen[(lemma, pos)]),
                        *map(str, sides), side_of(sides[0], sides[1])])
    return out


def side_of(left: int, right: int) -> str:
    if left >= MIN_SIDE_RATIO * max(right, 1):
        return "left"
    if right >= MIN_SIDE_RATIO * max(left, 1):
        return "right"
    return "none"


HEADER = """# Loaded words derived from BABE's expert `biased_words` by eval/derive_lexicon.py
# (do not edit by hand; rerun it). Used by newsprism.analyze.framing as label `loaded`.
# Columns: lemma, pos, sentences where flagged, sentences where seen, flagged in left /
# right / center outlets (BABE `type`), side (left/right when flagged at least twice as
# often in outlets of that leaning, else none). Settings: {settings}.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--min-share", type=float, default=0.3)
    args = parser.parse_args()
    rows = load_babe(args.data)
    docs = list(parse(row.text for row in rows))
    derived = derive_rows(docs, rows, args.min_count, args.min_share)
    settings = f"{len(rows)} sentences, --min-count {args.min_count} --min-share {args.min_share}"
    OUTPUT.write_text(HEADER.format(settings=settings)
                      + "".join("\t".join(row) + "\n" for row in derived), "utf-8")
    sides = Counter(row[-1] for row in derived)
    print(f"{len(derived)} loaded words from {len(rows)} sentences written to {OUTPUT} "
          f"(side: {dict(sides)})")


if __name__ == "__main__":
    main()
