"""newsprism: line up news articles about one story and show how each outlet told it.

The public API is small and pinned by a test; everything else is an implementation module.
"""

__version__ = "0.1.0"

from newsprism.compare import compare_story
from newsprism.config import Settings, load_settings
from newsprism.errors import ConfigError, InputError, NewsprismError, StoreError
from newsprism.group import group_articles
from newsprism.model import Article, Comparison, Failure, RawDocument, Story
from newsprism.pipeline import read
from newsprism.store import SQLiteStore

__all__ = [
    "Article", "Comparison", "ConfigError", "Failure", "InputError", "NewsprismError",
    "RawDocument", "SQLiteStore", "Settings", "StoreError", "Story", "__version__",
    "compare_story", "group_articles", "load_settings", "read",
]
