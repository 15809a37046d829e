"""Short labels for articles in citations and table headers, so long ids
(`000_10bf0377f753a592`) do not crowd the report."""

from __future__ import annotations

import re
from collections.abc import Sequence

LABEL_WIDTH = 10
HEAD = re.compile(r"[^_\-.\s]+")


def article_labels(ids: Sequence[str]) -> dict[str, str]:
    """The ids when all are short; else their first parts (`000` of `000_10bf…`) when those
    are short and tell the articles apart; else ``#1``, ``#2``… in order."""
    if all(len(article_id) <= LABEL_WIDTH for article_id in ids):
        return {article_id: article_id for article_id in ids}
    heads = [_head(article_id) for article_id in ids]
    if all(0 < len(head) <= LABEL_WIDTH for head in heads) and len(set(heads)) == len(ids):
        return dict(zip(ids, heads, strict=True))
    return {article_id: f"#{index}" for index, article_id in enumerate(ids, 1)}


def _head(article_id: str) -> str:
    found = HEAD.match(article_id)
    return found.group() if found else ""
