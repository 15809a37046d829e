"""Loaded-word detection against BABE's expert `biased_words`, on held-out folds.

Sentences (babe_train.csv plus the SG1 sentences not in it) are split into folds by article
link, so no article is on both sides. For each fold, loaded words are derived
(`eval.derive_lexicon`) from the other folds only; then `find_framing` runs on the held-out
babe_train sentences with three lexicons: the project's written lexicons alone, the derived
one alone, and both (what ships). Only the loaded labels count (`framing.LOADED_LABELS`,
own voice and quoted alike: BABE does not tell them apart); hedges and intensifiers do not.

With `--bias-scores` (the out-of-fold sentence-bias and word scores `eval.framing
--cv-scores` writes), two more systems: `gated`, both lexicons with a derived word counted
only in a sentence the bias model scores as opinionated, and `model`, what the analysis
runs: `gated` plus the words the model's word head scores at least `LOADED_WORD` in such
sentences. The scores are out of fold for the bias model, but its folds are not the
lexicon's. `--thresholds` prints, for a grid of word thresholds, the `model` system's word
F1 on two halves of the sentences (split by a hash of the article link): the threshold is
chosen on the `tune` half and the `test` half shows what it gives on sentences not used.

Scores, micro-averaged over the held-out sentences, by outlet leaning (BABE `type`):
- word P/R/F1: content words inside a predicted span vs the words BABE lists as biased;
- span precision: share of predicted spans that cover at least one word BABE lists;
- sentence recall/false-alarm: share of Biased / Non-biased sentences with any span.

    python -m eval.loaded_words [--data ../shared/eval/babe] [--folds 5] [--bias-scores FILE]
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from eval.derive_lexicon import DEFAULT_DATA, BabeRow, derive_rows, load_babe
from newsprism.analyze.bias import WordScore
from newsprism.analyze.framing import (
    LOADED_LABELS,
    LOADED_WORD,
    Lexicon,
    base_label,
    derived_terms,
    find_framing,
    phrase_words,
    written_terms,
)
from newsprism.analyze.nlp import parse
from newsprism.analyze.quotes import find_quotes
from newsprism.datafiles import stopwords
from newsprism.model import FramingSpan, Quote, Sentence

GROUPS = ("all", "left", "right", "center")
SYSTEMS = ("written", "derived", "both", "gated", "model")
Scores = dict[str, tuple[float, list[WordScore]]]  # sentence text → bias, word-piece scores


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    hit: int = 0
    spans: int = 0
    spans_hit: int = 0
    biased: list[bool] = field(default_factory=list)
    neutral: list[bool] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.hit += other.hit
        self.spans += other.spans
        self.spans_hit += other.spans_hit
        self.biased += other.biased
        self.neutral += other.neutral

    def scores(self) -> dict[str, float]:
        p = self.hit / self.predicted if self.predicted else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
                "spanP": self.spans_hit / self.spans if self.spans else 0.0,
                "sentR": _share(self.biased), "sentFA": _share(self.neutral)}


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def gold_tokens(doc: Doc, row: BabeRow) -> set[int]:
    stop = stopwords()
    return {t.i for t in doc if not t.is_punct and t.lower_ not in stop
            and any(part in row.biased_words for part in phrase_words(t.text))}


def score_sentence(doc: Doc, row: BabeRow, spans: Sequence[FramingSpan]) -> Tally:
    stop = stopwords()
    loaded = [s for s in spans if base_label(s.label) in LOADED_LABELS]
    gold = gold_tokens(doc, row)
    covered = [{t.i for t in doc if s.start <= t.idx < s.end and not t.is_punct
                and t.lower_ not in stop} for s in loaded]
    predicted = set().union(*covered) if covered else set()
    tally = Tally(len(gold), len(predicted), len(gold & predicted), len(loaded),
                  sum(bool(c & gold) for c in covered))
    (tally.biased if row.biased else tally.neutral).append(bool(loaded))
    return tally


def fold_of(row: BabeRow, folds: int) -> int:
    return zlib.crc32(row.link.encode()) % folds


def lexicons(train_docs: list[Doc], train_rows: list[BabeRow], min_count: int,
             min_share: float) -> dict[str, Lexicon]:
    derived = derived_terms(derive_rows(train_docs, train_rows, min_count, min_share))
    written = written_terms()
    return {"written": Lexicon.of(written), "derived": Lexicon.of(derived),
            "both": Lexicon.of(written + derived)}


def evaluate(rows: list[BabeRow], docs: list[Doc], quotes: list[list[Quote]], folds: int,
             min_count: int = 2, min_share: float = 0.3, bias: Scores | None = None,
             loaded_word: float = LOADED_WORD, systems: Sequence[str] = SYSTEMS,
             selected: Callable[[BabeRow], bool] = lambda row: True,
             ) -> dict[tuple[str, str], Tally]:
    totals = {(system, group): Tally() for system in SYSTEMS for group in GROUPS}
    for fold in range(folds):
        train = [i for i, row in enumerate(rows) if fold_of(row, folds) != fold]
        test = [i for i, row in enumerate(rows) if fold_of(row, folds) == fold
                and row.source == "babe_train.csv" and selected(row)]
        built = lexicons([docs[i] for i in train], [rows[i] for i in train], min_count,
                         min_share)
        if bias is not None:
            built["gated"] = built["model"] = built["both"]
        for system, lexicon in built.items():
            if system not in systems:
                continue
            for i in test:
                sentence_bias, words = bias.get(rows[i].text.strip(), (None, [])) \
                    if bias is not None and system in ("gated", "model") else (None, [])
                scored = (Sentence(0, len(rows[i].text), sentence_bias),) \
                    if sentence_bias is not None else ()
                spans = find_framing(docs[i], quotes[i], lexicon, scored,
                                     words if system == "model" else (), loaded_word)
                tally = score_sentence(docs[i], rows[i], spans)
                totals[(system, "all")].add(tally)
                if rows[i].outlet_type in GROUPS:
                    totals[(system, rows[i].outlet_type)].add(tally)
    return totals


def bias_by_text(data: Path, path: Path) -> Scores:
    """Sentence text → bias score and word-piece scores, from rows written in
    `babe_train.csv` order (`eval.babe`). Offsets are into the stripped text."""
    from eval.babe import read_babe

    scores = json.loads(path.read_text())
    examples = read_babe(data / "babe_train.csv")
    if len(scores) != len(examples):
        raise SystemExit(f"{path}: {len(scores)} scores for {len(examples)} sentences")
    by_text: Scores = {}
    for example, row in zip(examples, scores, strict=True):
        shift = len(example.text) - len(example.text.lstrip())
        words = [(start - shift, end - shift, p) for start, end, p in
                 (row[3] if len(row) > 3 else [])]
        by_text[example.text.strip()] = (float(row[2]), words)
    return by_text


def half(row: BabeRow) -> str:
    """`tune` or `test`, by a hash of the article link (not the fold hash)."""
    return "tune" if zlib.crc32(f"half:{row.link}".encode()) % 2 else "test"


def threshold_table(rows: list[BabeRow], docs: list[Doc], quotes: list[list[Quote]],
                    folds: int, bias: Scores) -> str:
    """Word P/R/F1 of the `model` system at each word threshold, on each half."""
    lines = ["| word threshold | tune P | tune R | tune F1 | test P | test R | test F1 |",
             "|---|---|---|---|---|---|---|"]
    for threshold in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6):
        cells = []
        for name in ("tune", "test"):
            totals = evaluate(rows, docs, quotes, folds, bias=bias, loaded_word=threshold,
                              systems=("model",), selected=lambda row, n=name: half(row) == n)
            s = totals[("model", "all")].scores()
            cells += [f"{s['P']:.3f}", f"{s['R']:.3f}", f"{s['F1']:.3f}"]
        lines.append(f"| {threshold:.2f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table(totals: dict[tuple[str, str], Tally]) -> str:
    lines = ["| lexicon | outlets | word P | word R | word F1 | span P | biased sent. "
             "with a span | non-biased sent. with a span |", "|---|---|---|---|---|---|---|---|"]
    for system in dict.fromkeys(system for system, _ in totals if totals[(system, "all")].spans):
        for group in GROUPS:
            s = totals[(system, group)].scores()
            lines.append(f"| {system} | {group} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} "
                         f"| {s['spanP']:.3f} | {s['sentR']:.3f} | {s['sentFA']:.3f} |")
        left, right = totals[(system, "left")].scores(), totals[(system, "right")].scores()
        lines.append(f"| {system} | gap left − right | {left['P'] - right['P']:+.3f} "
                     f"| {left['R'] - right['R']:+.3f} | {left['F1'] - right['F1']:+.3f} "
                     f"| {left['spanP'] - right['spanP']:+.3f} "
                     f"| {left['sentR'] - right['sentR']:+.3f} "
                     f"| {left['sentFA'] - right['sentFA']:+.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=2, help="as in eval.derive_lexicon")
    parser.add_argument("--min-share", type=float, default=0.3, help="as in eval.derive_lexicon")
    parser.add_argument("--bias-scores", type=Path,
                        help="out-of-fold bias scores from `eval.framing --cv-scores FILE`")
    parser.add_argument("--thresholds", action="store_true",
                        help="word-threshold table of the model system on two halves")
    args = parser.parse_args()
    bias = bias_by_text(args.data, args.bias_scores) if args.bias_scores else None
    rows = load_babe(args.data)
    docs = list(parse(row.text for row in rows))
    quotes = [find_quotes(doc) for doc in docs]
    tested = sum(row.source == "babe_train.csv" for row in rows)
    print(f"{len(rows)} sentences, {tested} from babe_train.csv scored, "
          f"{args.folds} folds by article link")
    if args.thresholds and bias is not None:
        print(threshold_table(rows, docs, quotes, args.folds, bias))
    print(table(evaluate(rows, docs, quotes, args.folds, args.min_count, args.min_share, bias)))


if __name__ == "__main__":
    main()
