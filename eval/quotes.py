"""Quotes and speakers on PolNeAR dev (../shared/eval/polnear), attribution relations.

A predicted quote matches a gold attribution's content when their word tokens overlap by at
least half of the longer of the two (one-to-one, greedy by overlap). Speaker accuracy is
measured on matched quotes whose gold attribution has a source: the speaker is right when
our speaker mention overlaps the gold source span, or when our speaker's name contains the
gold source's last word (a pronoun resolved to a name by both counts through the mention).

    python -m eval.quotes [--data ../shared/eval/polnear] [--split dev] [--limit N]
                          [--tagger FILE.npz | --tagger none] [--held-out]
"""

from __future__ import annotations

import argparse
import re
import time
from dataclasses import dataclass
from pathlib import Path

from eval import SHARED_EVAL
from newsprism.analyze.attribution import MODEL, find_attributions
from newsprism.analyze.nlp import parse
from newsprism.analyze.quotes import find_quotes
from newsprism.analyze.transformer import load_model
from newsprism.model import Quote

DEFAULT_DATA = SHARED_EVAL / "polnear"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Gold:
    content: frozenset[int]
    source: tuple[tuple[int, int], ...]
    source_text: str


def read_gold(path: Path, text: str) -> list[Gold]:
    """The attribution relations of one `.ann` file, contents as sets of token starts."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations = []
    for line in path.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue  # the rest of a covered text that holds a line break
        if line.startswith("T"):
            key, info, covered = [*fields, ""][:3]
            label, _, offsets = info.partition(" ")
            pieces = [tuple(map(int, part.split())) for part in offsets.split(";")]
            spans[key] = (label, pieces, covered)  # type: ignore[assignment]
        elif line.startswith("E"):
            relations.append(dict(part.split(":") for part in line.split("\t")[1].split()))
    starts = token_starts(text)
    gold = []
    for relation in relations:
        if "Content" not in relation:
            continue
        _, content, _ = spans[relation["Content"]]
        source = spans.get(relation.get("Source", ""), ("", [], ""))
        gold.append(Gold(_tokens(starts, content), tuple(source[1]), source[2]))
    return gold


def token_starts(text: str) -> list[int]:
    return [match.start() for match in _WORD.finditer(text)]


def _tokens(starts: list[int], pieces: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for i, start in enumerate(starts)
                     for begin, end in pieces if begin <= start < end)


def units(quotes: list[Quote]) -> list[list[Quote]]:
    """Quotes grouped into utterances: the parts of a direct quote split by its attribution
    (`“…,” he said. “…”`) are one utterance, as in PolNeAR's discontinuous contents."""
    grouped: list[list[Quote]] = []
    for quote in sorted(quotes, key=lambda q: (q.start, -q.end)):
        last = grouped[-1][-1] if grouped else None
        outer = grouped[-1][0] if grouped else None
        nested = outer is not None and outer.start <= quote.start and quote.end <= outer.end
        split = last is not None and quote.direct and last.direct \
            and quote.speaker == last.speaker and quote.verb == last.verb \
            and quote.start - last.end < 120
        if nested or split:
            grouped[-1].append(quote)
        else:
            grouped.append([quote])
    return grouped


def match(gold: list[Gold], predicted: list[list[Quote]],
          starts: list[int]) -> list[tuple[Gold, Quote]]:
    """One-to-one pairs of gold contents and utterances whose tokens overlap by at least half
    of the longer of the two; each pair carries the utterance's first quote."""
    tokens = [_tokens(starts, [(q.start, q.end) for q in unit]) for unit in predicted]
    candidates = []
    for g, item in enumerate(gold):
        for p, found in enumerate(tokens):
            common = len(item.content & found)
            if common and common >= 0.5 * max(len(item.content), len(found)):
                candidates.append((common, g, p))
    pairs, used_gold, used_pred = [], set(), set()
    for _, g, p in sorted(candidates, reverse=True):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((gold[g], predicted[p][0]))
    return pairs


def speaker_right(gold: Gold, quote: Quote) -> bool:
    if quote.speaker_start is not None and quote.speaker_end is not None and any(
            start < quote.speaker_end and quote.speaker_start < end for start, end in gold.source):
        return True
    words = gold.source_text.lower().split()
    return bool(words and quote.speaker and words[-1] in quote.speaker.lower().split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--tagger", default=MODEL,
                        help="attribution model (.npz); 'none' for the rules alone")
    parser.add_argument("--held-out", action="store_true",
                        help="score only the training articles the tagger held out")
    args = parser.parse_args()
    split = "train" if args.held_out else args.split
    paths = sorted((args.data / split / "text").glob("*.txt"))
    if args.held_out:
        held = set(load_model(MODEL if args.tagger == "none" else args.tagger)[1]["held_out"])
        paths = [path for path in paths if path.stem in held]
    paths = paths[: args.limit] if args.limit else paths
    texts = [path.read_text("utf-8") for path in paths]
    started = time.perf_counter()
    n_gold = n_pred = n_matched = n_with_source = n_speaker = n_direct = n_direct_matched = 0
    annotations = {ann.stem.rsplit("_", 1)[0]: ann
                   for ann in (args.data / split / "attributions").glob("*.ann")}
    for path, text, doc in zip(paths, texts, parse(texts), strict=True):
        gold = read_gold(annotations[path.stem], text)
        tagged = find_attributions(text, args.tagger) if args.tagger != "none" else []
        predicted = units(find_quotes(doc, tagged))
        pairs = match(gold, predicted, token_starts(text))
        n_gold, n_pred = n_gold + len(gold), n_pred + len(predicted)
        n_matched += len(pairs)
        n_direct += sum(unit[0].direct for unit in predicted)
        n_direct_matched += sum(q.direct for _, q in pairs)
        sourced = [(g, q) for g, q in pairs if g.source]
        n_with_source += len(sourced)
        n_speaker += sum(speaker_right(g, q) for g, q in sourced)
    precision, recall = n_matched / max(n_pred, 1), n_matched / max(n_gold, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    seconds = time.perf_counter() - started
    print(f"PolNeAR {split}: {len(paths)} articles, {n_gold} gold attributions, "
          f"{n_pred} predicted utterances ({n_direct} direct), {seconds:.1f} s")
    print(f"quote content   precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"direct utterances precision {n_direct_matched / max(n_direct, 1):.3f}")
    print(f"speaker accuracy on {n_with_source} matched quotes with a gold source: "
          f"{n_speaker / max(n_with_source, 1):.3f}")


if __name__ == "__main__":
    main()
