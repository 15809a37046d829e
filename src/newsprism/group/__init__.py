"""Story grouping: syndicated copies (MinHash LSH), embeddings (ONNX MiniLM) and incremental
same-story clustering. Pure: no files, network or database."""

from newsprism.group.cluster import Clusterer, Decision, StoryProfile
from newsprism.group.stories import (
    article_features,
    cluster_features,
    group_articles,
    syndicated_pairs,
)

__all__ = ["Clusterer", "Decision", "StoryProfile", "article_features", "cluster_features",
           "group_articles", "syndicated_pairs"]
