"""The data files shipped in `newsprism/data/` (lexicons, patterns, settings)."""

from __future__ import annotations

from functools import cache
from importlib import resources


def read_data(name: str) -> str:
    """The text of `data/<name>`."""
    return resources.files("newsprism").joinpath("data", name).read_text("utf-8")


def data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of `data/<name>`, without blank and `#` comment lines."""
    return [line.split("\t") for line in read_data(name).splitlines()
            if line.strip() and not line.startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    """English function words (`data/stopwords_en.txt`), lower case."""
    return frozenset(word for (word,) in data_rows("stopwords_en.txt"))
