"""Reports of one story's comparison: Rich in the terminal, one self-contained HTML file."""

from newsprism.report.html import render_html
from newsprism.report.terminal import render_terminal

__all__ = ["render_html", "render_terminal"]
