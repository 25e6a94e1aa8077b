"""Visible text of a built page's article body, as a reader's eye gets it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

HIDDEN = {"script", "style", "template", "noscript"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.hidden = 0
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth:
            self.tags.append((tag, dict(attrs)))
        if tag in HIDDEN:
            self.hidden += 1
        if tag in ("p", "li", "h1", "h2", "h3", "blockquote", "br", "div", "summary"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if tag in HIDDEN:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden:
            self.parts.append(data)


def article_body(html: str) -> tuple[str, list[tuple[str, dict[str, str | None]]]]:
    """(visible text with whitespace collapsed, the tags inside <article>)."""
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)), parser.tags
