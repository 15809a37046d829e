"""Comparison of one story's articles: facts × articles, figure conflicts, naming, quotes by
speaker, sourcing and framing side by side, and a neutral brief in which every sentence is
cited. Pure: no files, network or database."""

from newsprism.compare.story import compare_story

__all__ = ["compare_story"]
