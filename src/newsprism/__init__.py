"""newsprism: line up news articles about one story and show how each outlet told it.

The public API is small and pinned by a test; everything else is an implementation module.
"""

__version__ = "0.1.0"

from newsprism.config import Settings, load_settings
from newsprism.errors import ConfigError, InputError, NewsprismError, StoreError
from newsprism.model import Article, Failure, RawDocument
from newsprism.pipeline import read
from newsprism.store import SQLiteStore

__all__ = [
    "Article", "ConfigError", "Failure", "InputError", "NewsprismError", "RawDocument",
    "SQLiteStore", "Settings", "StoreError", "__version__", "load_settings", "read",
]
