"""Storage: the only code that talks to a database."""

from newsprism.store.sqlite import Outcome, SQLiteStore

__all__ = ["Outcome", "SQLiteStore"]
