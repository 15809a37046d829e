"""Cleaning: main text out of HTML and the article's fixed text out of plain text."""
