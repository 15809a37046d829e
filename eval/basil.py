"""Held-out checks on BASIL (../shared/eval/basil; Fan et al. 2019): events each reported by
Fox News, The New York Times and HuffPost, with the annotators' bias spans. Nothing in
newsprism was derived or tuned on BASIL; it is only scored here.

Every article (title and body paragraphs, with its date and outlet) goes through the real
pipeline. Three checks:

- **Loaded language.** Gold: BASIL's lexical-bias spans outside quotations (the outlet's own
  words). Recall: share of gold spans that one of our own-voice loaded spans
  (`framing.LOADED_LABELS`) overlaps. Precision: share of our own-voice loaded spans that
  overlap a gold lexical span; BASIL's annotators marked only the spans that slant the
  article against or for its main target, so this is a lower bound. Both per outlet, beside
  the loaded spans per 1,000 words we find and the gold spans per 1,000 words, so the
  difference between the right-leaning (Fox) and left-leaning (HuffPost) outlet can be
  compared with the annotators'. The sentence-bias model's ranking is checked as well: the
  AUC of `Sentence.bias` for sentences holding a gold lexical span against sentences with
  no annotation at all.
- **Grouping.** All articles pooled and grouped with the shipped settings, dated; the gold
  clusters are BASIL's events. B-cubed and pairwise scores beside the TF-IDF +
  agglomerative baseline of `eval.grouping` with its shipped threshold.
- **Comparison.** Each event's articles compared as one story. BASIL marks no figure
  conflicts, so every reported conflict is listed for reading; the brief's sentences are
  checked for a citation and for gold lexical-bias spans outside quotes (loaded wording the
  brief should not repeat in its own voice), each listed.

    python -m eval.basil [--data ../shared/eval/basil]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from eval import SHARED_EVAL
from newsprism.analyze.framing import LOADED_LABELS
from newsprism.compare import compare_story
from newsprism.compare.brief import QUOTED
from newsprism.compare.naming import naming_sets
from newsprism.config import load_settings
from newsprism.group import article_features, syndicated_pairs
from newsprism.ingest.outlets import OutletResolver
from newsprism.ingest.read import raw_document
from newsprism.model import Article, RawDocument
from newsprism.pipeline import process

DEFAULT_DATA = SHARED_EVAL / "basil"
OUTLETS = {"fox": "Fox News (right)", "nyt": "New York Times (center)",
           "hpo": "HuffPost (left)"}


@dataclass(frozen=True, slots=True)
class GoldSpan:
    text: str
    lexical: bool  # lexical bias (wording); else informational (content)
    quoted: bool


@dataclass(frozen=True, slots=True)
class Item:
    raw: RawDocument
    event: str
    spans: tuple[GoldSpan, ...]


def read_basil(data: Path) -> list[Item]:
    """Every BASIL article that has an annotation file, in a stable order."""
    items = []
    for path in sorted((data / "articles").glob("*/*.json")):
        notes = data / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        if not notes.is_file():
            continue
        article, annotation = json.loads(path.read_text("utf-8")), json.loads(
            notes.read_text("utf-8"))
        paragraphs = article["body-paragraphs"]
        body = "\n\n".join(" ".join(sentences) for sentences in paragraphs)
        raw = raw_document(path.stem, body, title=article.get("title") or None)
        raw = replace(raw, outlet=article["source"].lower(), published=article.get("date"))
        spans = tuple(GoldSpan(p["txt"], p["bias"] == "lex", p["quote"] == "yes")
                      for p in annotation["phrase-level-annotations"])
        items.append(Item(raw, article["triplet-uuid"], spans))
    return items


def _find(text: str, phrase: str) -> tuple[int, int] | None:
    """Where a gold phrase is in the cleaned text (whitespace may differ)."""
    match = re.search(r"\s+".join(map(re.escape, phrase.split())), text)
    return match.span() if match else None


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in others)


def framing_check(articles: list[Article], items: dict[str, Item]) -> None:
    tally: dict[str, Counter[str]] = {outlet: Counter() for outlet in OUTLETS}
    positives, negatives = [], []
    for article in articles:
        item = items[article.id]
        counts = tally[item.raw.outlet or ""]
        gold, other = [], []
        for span in item.spans:
            found = _find(article.text, span.text)
            if found is None:
                counts["gold not found in text"] += 1
            elif span.lexical and not span.quoted:
                gold.append(found)
            else:
                other.append(found)
        ours_ = [(s.start, s.end) for s in article.framing if s.label in LOADED_LABELS]
        counts["words"] += len(article.text.split())
        counts["gold"] += len(gold)
        counts["gold found"] += sum(_overlaps(g, ours_) for g in gold)
        counts["ours"] += len(ours_)
        counts["ours right"] += sum(_overlaps(o, gold) for o in ours_)
        counts["ours in any annotation"] += sum(_overlaps(o, gold + other) for o in ours_)
        for sentence in article.sentences:
            if sentence.bias is None:
                continue
            where = (sentence.start, sentence.end)
            if _overlaps(where, gold):
                positives.append(sentence.bias)
            elif not _overlaps(where, other):
                negatives.append(sentence.bias)
    print("\nloaded language (own voice) against BASIL's lexical-bias spans outside quotes")
    print(f"  {'outlet':26s} {'gold':>5s} {'recall':>7s} {'ours':>5s} {'precision':>9s} "
          f"{'(any annotation)':>16s} {'ours /1k words':>14s} {'gold /1k words':>14s}")
    total: Counter[str] = Counter()
    for outlet, counts in [*tally.items(), ("all", total)]:
        if outlet != "all":
            total.update(counts)
        words = counts["words"] or 1
        print(f"  {OUTLETS.get(outlet, 'all'):26s} {counts['gold']:5d} "
              f"{_share(counts['gold found'], counts['gold']):7.3f} {counts['ours']:5d} "
              f"{_share(counts['ours right'], counts['ours']):9.3f} "
              f"{_share(counts['ours in any annotation'], counts['ours']):16.3f} "
              f"{1000 * counts['ours'] / words:14.2f} {1000 * counts['gold'] / words:14.2f}")
    print(f"  gold spans not found in the cleaned text: {total['gold not found in text']}")
    print(f"sentence bias AUC, sentences with a lexical-bias span ({len(positives)}) vs "
          f"sentences with no annotation ({len(negatives)}): {_auc(positives, negatives):.3f}")


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    neg = np.sort(np.array(negatives))
    below = np.searchsorted(neg, positives, side="left")
    ties = np.searchsorted(neg, positives, side="right") - below
    return float((below + ties / 2).sum() / (len(positives) * len(negatives)))


def grouping_check(articles: list[Article], items: dict[str, Item]) -> None:
    # here, not at the top: eval.grouping needs scikit-learn (the `train` extra)
    from eval.grouping import BASELINE_THRESHOLD, baseline, ours, report

    settings = load_settings().group
    gold = {a.id: items[a.id].event for a in articles}
    print(f"\ngrouping: {len(articles)} articles, {len(set(gold.values()))} events, dated")
    features = article_features(articles, settings)
    report("newsprism", ours(features, settings, syndicated_pairs(articles, settings)), gold)
    report(f"baseline TF-IDF + agglomerative {BASELINE_THRESHOLD:.2f}",
           baseline(articles, BASELINE_THRESHOLD), gold)


def _story_wide(referent: str) -> bool:
    """Whether a naming's referent is a word choice of `data/naming_sets.tsv` or a common
    noun a loaded word qualifies (one lower-case lemma), the two story-wide kinds."""
    return referent in set(naming_sets().values()) or (referent.isalpha()
                                                        and referent.islower())


def comparison_check(articles: list[Article], items: dict[str, Item]) -> None:
    events: dict[str, list[Article]] = {}
    for article in articles:
        events.setdefault(items[article.id].event, []).append(article)
    counts: Counter[str] = Counter()
    print("\ncomparison of each event's articles")
    for event, members in events.items():
        comparison = compare_story(members, story_id=event)
        outlets = {a.id: a.outlet or a.id for a in members}
        counts["stories"] += 1
        for conflict in comparison.conflicts:
            counts["conflicts"] += 1
            values = "; ".join(f"{v.qualifier + ' ' if v.qualifier else ''}{v.text}"
                               for v in conflict.values)
            print(f"  conflict {event[:8]} {conflict.quantity}: {values}")
        for fact in comparison.facts:
            if fact.detail_of:
                counts["details"] += 1
                given = ", ".join(outlets[aid] for aid in fact.reported_by)
                print(f"  detail   {event[:8]} {fact.clause}: given by {given}; left out by "
                      f"{', '.join(outlets[aid] for aid in fact.omitted_by)}")
        for naming in comparison.naming:
            if naming.differs and _story_wide(naming.referent):
                counts["story-wide namings"] += 1
                forms = " || ".join(f"{outlets[aid]}: {form}" for aid, form in naming.forms.items())
                print(f"  naming   {event[:8]} {naming.referent}: {forms}")
        gold = {span.text.lower() for a in members for span in items[a.id].spans
                if span.lexical and not span.quoted}
        for sentence in comparison.brief:
            counts[f"brief {sentence.section}"] += 1
            counts["uncited"] += not sentence.cites
            found = sorted(g for g in gold if g in QUOTED.sub(" ", sentence.text.lower()))
            if found and sentence.section != "conflict":
                counts["with gold lexical span"] += 1
                print(f"  brief    {event[:8]} {found}: {sentence.text}")
    print(f"  {counts['stories']} stories: {counts['conflicts']} conflicts, "
          f"{counts['details']} details left out by some article and "
          f"{counts['story-wide namings']} story-wide namings reported; brief "
          f"sentences: {counts['brief summary']} summary, {counts['brief only']} only-in, "
          f"{counts['uncited']} without a citation, {counts['with gold lexical span']} "
          f"holding a gold lexical-bias span outside quotes")



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    started = time.perf_counter()
    items = {item.raw.id: item for item in read_basil(args.data)}
    articles, failures = process([item.raw for item in items.values()], OutletResolver(),
                                 load_settings())
    for failure in failures:
        print(f"skipped {failure.source}: {failure.problem}")
    print(f"{len(articles)} articles analyzed in {time.perf_counter() - started:.0f} s")
    framing_check(articles, items)
    grouping_check(articles, items)
    comparison_check(articles, items)


if __name__ == "__main__":
    main()
