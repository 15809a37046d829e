"""Fact alignment, omissions and naming variants against an answer key
(examples/expected.toml, or a blind probe's key in the same format).

For each story of the key, its articles are compared as one batch. Per keyed shared fact:
- a keyed **pair** (two articles with evidence for the fact) is linked when one reported
  fact holds an evidence sentence of each that contains its keyed evidence;
- an **omission** (a story article with no keyed evidence for a fact) is found when the
  reported fact that links the most keyed articles lists the article in `omitted_by`; it is
  false when that fact lists an article that has keyed evidence as omitting it. A detail (a
  name, figure or date some articles leave out, listed under its fact) counts as a fact here,
  when the keyed evidence holds its words, and of two that link as many keyed articles the
  one fewer articles report is the match.
  Pairs and merges count facts only: a detail gathers every sentence giving a name.
Facts **merged**: for each reported fact, the keyed facts it links (holds the evidence of
two articles for) beyond the first: several facts grown into one.
Per keyed referent with forms in two or more articles, the **referent** is found when one
reported naming shows, for two of those articles, forms that overlap their keyed forms; a
keyed **variant** (a referent the key names differently: one article has a form no form of
another article holds or is part of) is found when such a naming is marked `differs`.

    python -m eval.facts [--examples examples]
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

from eval.conflicts import EXAMPLES, comparisons
from newsprism.model import Comparison, Fact


def _states(fact: Fact, aid: str, evidence: str) -> bool:
    return any(evidence in e.text or e.text in evidence for e in fact.reported_by.get(aid, ()))


def _best(comparison: Comparison, evidence: dict[str, str]) -> Fact | None:
    """The reported fact that holds the keyed evidence of the most articles (≥ 2)."""
    held = [(sum(_states(f, aid, text) for aid, text in evidence.items()), -len(f.reported_by), f)
            for f in comparison.facts if not f.detail_of
            or any(f.clause.lower() in text.lower() for text in evidence.values())]
    count, _, fact = max(held, key=lambda item: item[:2], default=(0, 0, None))
    return fact if count >= 2 else None


def _names(forms: str, keyed: list[str]) -> bool:
    shown = [f.strip().lower() for f in forms.split(" / ")]
    return any(k.lower() in f or f in k.lower() for f in shown for k in keyed)


def score_story(comparison: Comparison, story: dict[str, Any], name: str,
                copies: set[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for entry in story.get("shared_facts", []):
        evidence = entry["evidence"]
        for a, b in combinations(sorted(evidence), 2):
            counts["pairs"] += 1
            if any(_states(f, a, evidence[a]) and _states(f, b, evidence[b])
                   for f in comparison.facts if not f.detail_of):
                counts["pairs linked"] += 1
            else:
                print(f"unlinked {name}: {entry['fact']} ({a} / {b})")
        best = _best(comparison, evidence)
        for aid in story["articles"]:
            if aid in copies:
                continue  # a wire copy states what its original states
            if aid in evidence:
                counts["false omissions"] += bool(best and aid in best.omitted_by)
                continue
            counts["omissions"] += 1
            if best and aid in best.omitted_by:
                counts["omissions found"] += 1
            else:
                print(f"omission {name}: {entry['fact']} not marked as omitted by {aid}")
    for fact in (f for f in comparison.facts if not f.detail_of):
        linked = [entry["fact"] for entry in story.get("shared_facts", [])
                  if sum(_states(fact, aid, text) for aid, text in entry["evidence"].items()) >= 2]
        counts["merged"] += max(0, len(linked) - 1)
        if len(linked) > 1:
            print(f"merged   {name}: {' + '.join(linked)}")
    for entry in story.get("names", []):
        keyed = {aid: forms for aid, forms in entry["values"].items() if forms}
        if len(keyed) < 2:
            continue
        shown = [n for n in comparison.naming
                 if sum(aid in n.forms and _names(n.forms[aid], forms)
                        for aid, forms in keyed.items()) >= 2]
        counts["names"] += 1
        counts["names found"] += bool(shown)
        if _keyed_differ(keyed):
            counts["variants"] += 1
            counts["variants found"] += any(n.differs for n in shown)
        if not shown:
            print(f"naming   {name}: {entry['entity']}")
    return counts


def _keyed_differ(keyed: dict[str, list[str]]) -> bool:
    """Whether the key gives one article a form that no form of another article holds or is
    part of (`Renwick` is part of `Mayor Tobias Renwick`; `union bosses` is a variant)."""
    folded = {aid: [f.lower().removeprefix("the ") for f in forms] for aid, forms in keyed.items()}
    return any(not any(x in y or y in x for y in folded[b])
               for a in folded for b in folded if a != b for x in folded[a])


def score(examples: Path) -> Counter[str]:
    key = tomllib.loads((examples / "expected.toml").read_text("utf-8"))
    copies = {copy for _, copy in key.get("syndicated", [])}
    counts: Counter[str] = Counter()
    for name, story, comparison in comparisons(examples):
        counts += score_story(comparison, story, name, copies)
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=Path, default=EXAMPLES)
    counts = score(parser.parse_args(argv).examples)
    print(f"fact pairs linked {counts['pairs linked']}/{counts['pairs']}; "
          f"omissions found {counts['omissions found']}/{counts['omissions']} "
          f"({counts['false omissions']} false); facts merged {counts['merged']}; "
          f"naming referents found {counts['names found']}/{counts['names']}, "
          f"variants found {counts['variants found']}/{counts['variants']}")


if __name__ == "__main__":
    main()
