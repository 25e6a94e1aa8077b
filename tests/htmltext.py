"""Visible text of a built page's article body, as a reader's eye gets it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

HIDDEN = {"script", "style", "template", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Footnote markers of editorial notes sit inside sentences but are not article text.
MARKER_CLASS = "dossier-annref"
BLOCK_ID = re.compile(r"^p-\d+$")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool, bool]] = []  # tag, in <article>, hidden, in a text block
        self.parts: list[str] = []
        self.block_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        in_article, hidden, in_block = self.stack[-1][1:] if self.stack else (False, False, False)
        if in_block:
            self.block_tags.append(tag)
        in_article = in_article or tag == "article"
        hidden = hidden or tag in HIDDEN or MARKER_CLASS in (a.get("class") or "").split()
        in_block = in_block or (in_article and (tag == "h1" or bool(BLOCK_ID.match(a.get("id") or ""))))
        if tag in ("p", "li", "h1", "h2", "h3", "blockquote", "br", "div", "summary"):
            self.parts.append("\n")
        if tag not in VOID:
            self.stack.append((tag, in_article, hidden, in_block))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1] and not self.stack[-1][2]:
            self.parts.append(data)


def article_body(html: str) -> tuple[str, list[str]]:
    """(visible text of <article>, whitespace collapsed; the tags found inside article-text blocks)."""
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)), parser.block_tags
