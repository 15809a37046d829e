"""Quality floors on public data (../shared/eval): a score cannot silently drop."""

from __future__ import annotations

import gzip
import json

import pytest
import trafilatura

from eval.extraction import newsprism_text
from eval.scoring import extraction_scores, page_counts
from tests.conftest import SHARED

EXTRACTION = SHARED / "eval" / "article-extraction"


@pytest.mark.slow
def test_quality_extraction_not_below_trafilatura() -> None:
    if not (EXTRACTION / "ground-truth.json").exists():
        pytest.skip(f"benchmark not found in {EXTRACTION}")
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text("utf-8"))
    pages = {key: gzip.decompress((EXTRACTION / "html" / f"{key}.html.gz").read_bytes())
             for key in truth}
    ours = extraction_scores(page_counts(truth[key]["articleBody"], newsprism_text(key, data))
                             for key, data in pages.items())
    alone = extraction_scores(page_counts(
        truth[key]["articleBody"],
        trafilatura.extract(data.decode("utf-8", "replace"), include_comments=False) or "")
        for key, data in pages.items())
    assert ours["f1"] >= alone["f1"]
    assert ours["f1"] >= 0.958


@pytest.mark.slow
def test_quality_cleaning_loses_no_line_of_clean_text() -> None:
    from eval.clean_precision import bodies
    from newsprism.ingest.outlets import OutletResolver
    from newsprism.ingest.read import raw_document
    from newsprism.pipeline import build_article

    folder = SHARED / "eval" / "allsides"
    if not (folder / "stories").exists():
        pytest.skip(f"AllSides stories not found in {folder}")
    lost = []
    for key, text in bodies(folder):
        raw = raw_document(key, text, title="(given)")
        lost += [(key, r.line) for r in build_article(raw, OutletResolver()).removed]
    assert lost == []
