"""Story grouping on AllSides roundups (../shared/eval/allsides/stories), all articles pooled.

Every story's left, center and right article (`newsTitle` + `newBody`; empty bodies skipped)
goes through the real pipeline (clean, analyze) as a record with its URL (`newsLink`) and no
publication date: AllSides gives the roundup's date, not the articles'. The pipeline dates an
article by its URL where the path gives one (`/2021/08/30/`, about 40% here), as it does for
any input. `--dates none` withholds the URLs (every article undated); `--dates roundup`
dates every article by its roundup, which leaks the grouping (all of a story's articles
share one day) and only shows what dates could contribute at most. All
articles are pooled and grouped; the gold clusters are the roundups. Scores: B-cubed and
pairwise precision, recall and F1, for newsprism's grouping and for a baseline run here on
the same articles (TF-IDF of title and body, average-linkage agglomerative clustering on
cosine distance).

Stories are split in two halves by a hash of their id. `--fit` fits the pair weights on the
*tune* half (logistic regression of "same story" on the four pair signals, balanced
classes, weights scaled so the embedding's is 1) and picks the join threshold (and the
baseline's distance threshold) that maximise B-cubed F1 on the tune half; both are then
scored on the *test* half and on all stories. The threshold for dated articles is picked the
same way on the tune half with the articles dated by their URLs (real publication dates,
where the URL gives one). Without `--fit` the shipped settings are used.

    python -m eval.grouping [--data ../shared/eval/allsides] [--fit] [--dates url/none/roundup]

`--corpus DIR...` instead groups each folder of fiction with an answer key (`examples/`,
`eval/probes/*`: whole dated articles, same-domain distractors, syndicated copies) through
`newsprism.group_articles` and scores it against the key: B-cubed F1, and the syndicated
pairs found against the keyed ones.

    python -m eval.grouping --corpus examples eval/probes/*/
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

import newsprism
from eval import SHARED_EVAL
from newsprism.clean.dates import url_date
from newsprism.config import GroupSettings, load_settings
from newsprism.group import article_features, cluster_features, group_articles, syndicated_pairs
from newsprism.group.features import Features, day_number
from newsprism.ingest.outlets import OutletResolver
from newsprism.ingest.read import raw_document
from newsprism.model import Article, RawDocument
from newsprism.pipeline import process

DEFAULT_DATA = SHARED_EVAL / "allsides"
SIDES = ("left", "center", "right")
BASELINE_THRESHOLD = 0.8  # the baseline's cosine distance threshold, unless refitted
Labels = dict[str, str]


def read_stories(data: Path, dates: str = "url") -> tuple[list[RawDocument], Labels]:
    """One raw document per non-empty article, and the story each belongs to."""
    raws, gold = [], {}
    for path in sorted((data / "stories").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            story = json.loads(line)
            for side in SIDES:
                news = (story.get("news") or {}).get(side) or {}
                body = news.get("newBody") or ""
                body = "\n\n".join(body) if isinstance(body, list) else body
                if not body.strip():
                    continue
                doc_id = f"{story['id']}-{side}"
                raw = raw_document(doc_id, body, title=news.get("newsTitle") or None)
                url = (news.get("newsLink") or None) if dates == "url" else None
                roundup_day = (story.get("date") or "")[:10] or None
                published = roundup_day if dates == "roundup" else None
                raws.append(replace(raw, outlet=news.get("newsSource") or side, url=url,
                                    published=published))
                gold[doc_id] = str(story["id"])
    return raws, gold


def half(story: str) -> str:
    return "tune" if hashlib.sha256(story.encode()).digest()[0] % 2 == 0 else "test"


# -- scores -------------------------------------------------------------------------------

def bcubed(predicted: Labels, gold: Labels) -> dict[str, float]:
    """B-cubed precision, recall and F1 (means over items)."""
    by_pred, by_gold = _members(predicted), _members(gold)
    precision = recall = 0.0
    for item in gold:
        cluster, truth = by_pred[predicted[item]], by_gold[gold[item]]
        common = len(cluster & truth)
        precision += common / len(cluster)
        recall += common / len(truth)
    return _prf(precision / len(gold), recall / len(gold))


def pairwise(predicted: Labels, gold: Labels) -> dict[str, float]:
    """Precision, recall and F1 over pairs of items put in one cluster."""
    pred_pairs = sum(_pairs(len(m)) for m in _members(predicted).values())
    gold_pairs = sum(_pairs(len(m)) for m in _members(gold).values())
    joint: dict[tuple[str, str], int] = {}
    for item in gold:
        key = (predicted[item], gold[item])
        joint[key] = joint.get(key, 0) + 1
    common = sum(_pairs(n) for n in joint.values())
    return _prf(common / pred_pairs if pred_pairs else 1.0,
                common / gold_pairs if gold_pairs else 1.0)


def _members(labels: Labels) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, set()).add(item)
    return groups


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _prf(precision: float, recall: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


# -- systems ------------------------------------------------------------------------------

def ours(items: Sequence[Features], settings: GroupSettings,
         pairs: Sequence[tuple[str, str]] = ()) -> Labels:
    """newsprism's stories (syndicated pairs among `items` go with their original)."""
    keep = {item.id for item in items}
    pairs = [(a, b) for a, b in pairs if a in keep and b in keep]
    stories = cluster_features(items, pairs, settings)
    return {article: story.id for story in stories for article in story.articles}


def baseline(articles: Sequence[Article], threshold: float) -> Labels:
    """TF-IDF (title and body, English stop words, sublinear tf) + average-linkage
    agglomerative clustering with a cosine distance threshold."""
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts)
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=threshold)
    labels = model.fit_predict(matrix.toarray())
    return {a.id: str(label) for a, label in zip(articles, labels, strict=True)}


def pair_signals(items: Sequence[Features]) -> np.ndarray:
    """(cosine, entity, figure, keyword overlap) for every pair i < j, in row order."""
    vectors = np.stack([item.vector for item in items])
    cosines = vectors @ vectors.T
    rows = []
    for i, first in enumerate(items):
        for j in range(i + 1, len(items)):
            second = items[j]
            rows.append((cosines[i, j], _overlap(first.entities, second.entities),
                         _overlap(first.figures, second.figures),
                         _overlap(first.keywords, second.keywords)))
    return np.array(rows, dtype=np.float64)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def fit_weights(items: Sequence[Features], gold: Labels) -> tuple[float, ...]:
    """Entity, figure and keyword weights relative to the embedding's, from a logistic
    regression."""
    signals = pair_signals(items)
    same = np.array([gold[a.id] == gold[items[j].id] for i, a in enumerate(items)
                     for j in range(i + 1, len(items))])
    model = LogisticRegression(class_weight="balanced", max_iter=1000).fit(signals, same)
    coef = model.coef_[0]
    return tuple(float(value / coef[0]) for value in coef[1:])


def best_value(score: Callable[[float], float], grid: Sequence[float]) -> float:
    return max(grid, key=score)


# -- report -------------------------------------------------------------------------------

def subset(labels: Labels, keep: set[str]) -> Labels:
    return {key: value for key, value in labels.items() if key in keep}


def report(name: str, predicted: Labels, gold: Labels) -> dict[str, Any]:
    b, p = bcubed(predicted, gold), pairwise(predicted, gold)
    print(f"  {name:34s} B3 P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}"
          f" | pairs P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f}"
          f" | {len(set(predicted.values()))} clusters")
    return {"bcubed": b, "pairwise": p}


def analyzed(data: Path, dates: str = "none") -> tuple[list[Article], Labels]:
    raws, gold = read_stories(data, dates)
    settings = load_settings()
    articles, failures = process(raws, OutletResolver(), settings)
    for failure in failures:
        print(f"skipped {failure.source}: {failure.problem}")
    return articles, {a.id: gold[a.id] for a in articles}


def key_stories(key: dict[str, Any]) -> Labels:
    """The key's story of every article; a distractor no story lists is a story of its own."""
    gold = {aid: name for name, story in key["stories"].items() for aid in story["articles"]}
    for story in key["stories"].values():
        for aid in story.get("distractors", ()):
            gold.setdefault(aid, aid)
    return gold


def score_corpus(folder: Path) -> float:
    """Group the articles of `folder`, print how they compare with its `expected.toml`, and
    return the B-cubed F1."""
    key = tomllib.loads((folder / "expected.toml").read_text("utf-8"))
    outlets = folder / "outlets.toml"
    articles, _ = newsprism.read([str(folder)], outlets=outlets if outlets.exists() else None)
    gold = key_stories(key)
    stories = group_articles([a for a in articles if a.id in gold], load_settings().group)
    predicted = {aid: story.id for story in stories for aid in story.articles}
    found = {pair for story in stories for pair in story.syndicated}
    keyed = {tuple(pair) for pair in key.get("syndicated", ())}
    groups = " | ".join(" ".join(sorted(story.articles)) for story in stories)
    f1 = bcubed(predicted, gold)["f1"]
    print(f"{folder.name}: B3 F1 {f1:.3f}; syndicated pairs {len(found & keyed)}/{len(keyed)} "
          f"found, {len(found - keyed)} false\n  {groups}")
    return f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--dates", choices=("url", "none", "roundup"), default="url",
                        help="articles dated by their URL where it gives a date (default), "
                             "undated, or dated by their roundup (leaks the answer: an upper "
                             "bound)")
    parser.add_argument("--fit", action="store_true",
                        help="fit weights and thresholds on the tune half first")
    parser.add_argument("--corpus", type=Path, nargs="+",
                        help="instead score folders of fiction with an answer key")
    args = parser.parse_args()
    if args.corpus:
        scores = [score_corpus(folder) for folder in args.corpus]
        print(f"mean B3 F1 {sum(scores) / len(scores):.3f} over {len(scores)} corpora")
        return
    started = time.perf_counter()
    articles, gold = analyzed(args.data, args.dates)
    settings = load_settings().group
    items = article_features(articles, settings)
    print(f"{len(articles)} articles, {len(set(gold.values()))} stories; read, analyzed and "
          f"embedded in {time.perf_counter() - started:.0f} s")
    tune = {a.id for a in articles if half(gold[a.id]) == "tune"}
    parts = {"tune": tune, "test": set(gold) - tune, "all": set(gold)}
    pairs = syndicated_pairs(articles, settings)
    print(f"syndicated pairs found: {pairs}")
    baseline_threshold = BASELINE_THRESHOLD
    if args.fit:
        by_url = {raw.id: day_number(url_date(raw.url))
                  for raw in read_stories(args.data, "url")[0]}
        dated = [replace(item, day=by_url[item.id]) for item in items]
        settings, baseline_threshold = fit(articles, items, dated, gold, tune, settings)
    for part, keep in parts.items():
        print(f"{part}: {len(keep)} articles, {len(set(subset(gold, keep).values()))} stories")
        chosen = [item for item in items if item.id in keep]
        report("newsprism", ours(chosen, settings, pairs), subset(gold, keep))
        report(f"baseline TF-IDF + agglomerative {baseline_threshold:.2f}",
               baseline([a for a in articles if a.id in keep], baseline_threshold),
               subset(gold, keep))


def fit(articles: Sequence[Article], items: Sequence[Features], dated: Sequence[Features],
        gold: Labels, tune: set[str], settings: GroupSettings) -> tuple[GroupSettings, float]:
    """Weights and thresholds chosen on the tune half only (`dated`: `items` dated by
    their URLs, for the dated threshold)."""
    tune_items = [item for item in items if item.id in tune]
    tune_dated = [item for item in dated if item.id in tune]
    tune_gold = subset(gold, tune)
    entities, figures, keywords = fit_weights(tune_items, tune_gold)
    fitted = replace(settings, weight_embedding=1.0, weight_entities=round(entities, 3),
                     weight_figures=round(figures, 3), weight_keywords=round(keywords, 3))

    def ours_f1(threshold: float) -> float:
        chosen = replace(fitted, join_threshold=threshold)
        return bcubed(ours(tune_items, chosen), tune_gold)["f1"]

    def dated_f1(threshold: float) -> float:
        chosen = replace(fitted, join_threshold_dated=threshold)
        return bcubed(ours(tune_dated, chosen), tune_gold)["f1"]

    def close_f1(weight: float) -> float:
        chosen = replace(fitted, weight_entities_close=weight)
        return bcubed(ours(tune_dated, chosen), tune_gold)["f1"]

    grid = [round(0.2 + 0.02 * i, 2) for i in range(40)]
    fitted = replace(fitted, join_threshold=best_value(ours_f1, grid))
    fitted = replace(fitted, join_threshold_dated=best_value(dated_f1, grid))
    fitted = replace(fitted, weight_entities_close=best_value(
        close_f1, [round(0.05 * i, 2) for i in range(13)]))
    tune_articles = [a for a in articles if a.id in tune]

    def baseline_f1(threshold: float) -> float:
        return bcubed(baseline(tune_articles, threshold), tune_gold)["f1"]

    base = best_value(baseline_f1, [round(0.5 + 0.02 * i, 2) for i in range(25)])
    print(f"fitted on the tune half: weight_entities = {fitted.weight_entities}, "
          f"weight_figures = {fitted.weight_figures}, weight_keywords = "
          f"{fitted.weight_keywords}, join_threshold = "
          f"{fitted.join_threshold}, join_threshold_dated = {fitted.join_threshold_dated}, "
          f"weight_entities_close = {fitted.weight_entities_close}; "
          f"baseline distance threshold = {base}")
    return fitted, base


if __name__ == "__main__":
    main()
