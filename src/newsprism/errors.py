"""Errors raised by newsprism.

Every message names the input that was wrong, what was wrong and, where it helps, what is
accepted. The tree::

    NewsprismError
    ├── InputError      one input (file, record, stdin) cannot be read or parsed
    ├── ConfigError     a settings or outlet-mapping file is invalid
    └── StoreError      the database cannot be opened or has an unknown schema

A batch never stops on an `InputError`: the pipeline records it as a `Failure` for that
input and goes on with the rest.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class of every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """One input cannot be used; `source` names it (a path, `path:line` or `-`)."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ConfigError(NewsprismError):
    """A settings file or outlet mapping is invalid."""


class StoreError(NewsprismError):
    """The database cannot be used."""


def value_invalid_msg(name: str, value: object, valid: object) -> str:
    """Message for a value that is not one of the accepted ones."""
    return f"invalid {name} {value!r}; expected {valid}"
