"""Documentation keeps up with the code: every command, option and setting is documented."""

from __future__ import annotations

import tomllib
from pathlib import Path

import typer.main

from newsprism.cli import app
from newsprism.config import load_settings

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = (ROOT / "docs" / "cli.md").read_text()


def test_docs_every_command_and_option_documented() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"newsprism {name}" in CLI_DOC, f"command {name} missing from docs/cli.md"
        for param in command.params:
            for option in getattr(param, "opts", []):
                if option.startswith("--") and option != "--help":
                    assert f"`{option}" in CLI_DOC, f"{name} {option} missing from docs/cli.md"


def test_docs_every_setting_has_a_comment() -> None:
    text = (ROOT / "src" / "newsprism" / "data" / "defaults.toml").read_text()
    lines = text.splitlines()
    for section, values in tomllib.loads(text).items():
        for key in values:
            index = next(i for i, line in enumerate(lines) if line.startswith(f"{key} ="))
            assert lines[index - 1].startswith("#"), f"{section}.{key} has no comment"
    assert load_settings().ingest.max_bytes == 10_000_000


def test_docs_readme_gives_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
