"""Speakers and loaded wording against a blind probe's answer key (the key format of
`examples/expected.toml`: per article `named_speakers`, `unnamed_sources`, `loaded`).

A named speaker is found when a quote has that speaker as `named`; an unnamed source when a
quote's speaker mention, or the speaker it resolves to (`Some said` → `Relatives`),
overlaps its text with the expected type; an outlet-voice loaded
phrase when a loaded span of the outlet's own voice (body or headline) overlaps it. The
outlet-voice loaded spans of the body that overlap a keyed loaded phrase (of either voice)
are counted against all of them, and the others printed: a lower bound of precision, since
a key need not list every loaded word.

    python -m eval.probe DIR            # DIR holds the articles, expected.toml, outlets.toml
"""

from __future__ import annotations

import argparse
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import newsprism
from newsprism.analyze.framing import LOADED_LABELS, base_label, is_quoted
from newsprism.model import Article, FramingSpan

KINDS = {"anonymous": "anonymous", "unnamed-spokesperson": "unnamed", "unnamed-group": "unnamed",
         "unnamed-individual": "unnamed"}


def _own_loaded(spans: Sequence[FramingSpan], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans
               if base_label(s.label) in LOADED_LABELS and not is_quoted(s))


def check(article: Article, key: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """Measure → (found, expected) for one article, printing what was missed."""
    named = {q.speaker for q in article.quotes if q.speaker_type == "named" and q.speaker}
    expected = key.get("named_speakers", [])
    for name in sorted(named - set(expected)):
        print(f"{article.id}: extra named speaker {name!r}")
    for name in sorted(set(expected) - named):
        print(f"{article.id}: named speaker missed {name!r}")
    typed = 0
    for source in key.get("unnamed_sources", []):
        # the mention, or the speaker it resolves to (`Some said` → `Relatives`)
        kinds = {q.speaker_type for q in article.quotes if q.speaker_start is not None
                 and (_overlap(article.text[q.speaker_start:q.speaker_end], source["text"])
                      or _overlap(q.speaker or "", source["text"]))}
        ok = KINDS[source["kind"]] in kinds
        typed += ok
        if not ok:
            print(f"{article.id}: source {source['text'][:50]!r} typed {sorted(kinds)}")
    loaded = [item["text"] for item in key.get("loaded", []) if item.get("voice") == "outlet"]
    found = 0
    for text in loaded:
        where, spans = (article.text, article.framing) if text in article.text \
            else (article.title or "", article.title_framing)
        start = where.find(text)
        ok = start >= 0 and _own_loaded(spans, start, start + len(text))
        found += ok
        if not ok:
            print(f"{article.id}: loaded missed {text!r}")
    keyed = [(start, start + len(item["text"])) for item in key.get("loaded", [])
             if (start := article.text.find(item["text"])) >= 0]
    own = [s for s in article.framing if base_label(s.label) in LOADED_LABELS
           and not is_quoted(s)]
    in_key = [s for s in own if any(s.start < end and start < s.end for start, end in keyed)]
    for span in own:
        if span not in in_key:
            print(f"{article.id}: flagged, not in the key {span.text!r} ({span.label})")
    return {"named speakers": (len(set(expected) & named), len(expected)),
            "own loaded spans in the key": (len(in_key), len(own)),
            "unnamed sources typed": (typed, len(key.get("unnamed_sources", []))),
            "loaded phrases": (found, len(loaded))}


def _overlap(mention: str, text: str) -> bool:
    return bool(mention) and (mention in text or text in mention)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    folder = parser.parse_args().folder
    key = tomllib.loads((folder / "expected.toml").read_text("utf-8"))["articles"]
    articles, _ = newsprism.read([str(folder)], outlets=folder / "outlets.toml")
    totals: dict[str, list[int]] = {}
    for article in articles:
        for measure, (found, expected) in check(article, key.get(article.id, {})).items():
            total = totals.setdefault(measure, [0, 0])
            total[0] += found
            total[1] += expected
    for measure, (found, expected) in totals.items():
        print(f"{measure}: {found}/{expected}")


if __name__ == "__main__":
    main()
