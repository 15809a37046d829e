"""The `newsprism` command: thin front ends that parse, call the library and render."""

from __future__ import annotations

from newsprism.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
