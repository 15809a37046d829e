"""Whether an article has a title worth showing: reports say when it has none, never invent one."""

from __future__ import annotations

from newsprism.model import Article

NO_TITLE = "no usable title"


def usable_title(article: Article | None) -> str | None:
    """The article's title, or None when it is missing or holds no letter or digit
    (a scraped row of commas is not a title)."""
    title = (article.title or "").strip() if article else ""
    return title if any(char.isalnum() for char in title) else None
