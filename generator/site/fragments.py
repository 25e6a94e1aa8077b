"""Hand MkDocs only what it must convert: headings. Raw HTML blocks bypass Markdown altogether.

A generated page is Markdown headings (for the table of contents) and raw HTML
blocks. Python-Markdown would pass the HTML blocks through, but only after
running its HTML parser over every tag, which cost most of the build; so the
hook swaps each run of blocks for a one-word placeholder paragraph before
conversion and puts the run back into the finished page (`restore`, after the
theme's template and theme_hook.py's fixes, which so scan the theme's markup
only). A run's blocks are joined by one line break, as theme_hook.py's
`drop_indentation` would leave them. The pages `python -m generator build`
writes keep everything inline, for reading.
"""

from __future__ import annotations

import hashlib
import re

PLACEHOLDER = "dossier-fragment-{}"
STAMP = "<!-- dossier {} -->"
_RESTORE = re.compile(r"<p>dossier-fragment-(\d+)</p>")
# A block with Markdown inside (md_in_html: <div markdown>) must go through Markdown, blank lines and all.
_MARKDOWN_INSIDE = re.compile(r"<[a-z]+[^>]*\smarkdown(?:=\"[^\"]*\")?[\s>]")


def split(markdown: str, stamp: bool = False) -> tuple[str, list[str]]:
    """(the page with each raw HTML block replaced by a placeholder, the blocks in order).

    `stamp` ends the page with a digest of its blocks, so the page written to disk changes
    whenever any of its text does: `mkdocs serve --dirty` rebuilds a page only when its file changed.
    """
    head, sep, body = markdown.partition("\n---\n\n") if markdown.startswith("---\n") else ("", "", markdown)
    fragments: list[str] = []
    out = []
    # Such pages (the front page, timeline, glossary) are few; the substring test first spares the regex,
    # which reads every tag of every other page (three quarters of this function's time).
    whole = "markdown" in body and bool(_MARKDOWN_INSIDE.search(body))
    run: list[str] = []  # consecutive HTML blocks share one placeholder: Markdown's cost is per block

    def flush() -> None:
        if run:
            out.append(PLACEHOLDER.format(len(fragments)))
            fragments.append("\n".join(run))
            run.clear()

    for block in body.split("\n\n"):
        if block.lstrip("\n").startswith("<") and not whole:  # a third newline may lead it
            run.append(block.strip("\n"))
        else:
            flush()
            out.append(block)
    flush()
    if stamp:
        digest = hashlib.sha256("\0".join(fragments).encode("utf-8")).hexdigest()[:16]
        out.append(STAMP.format(digest))
    return head + sep + "\n\n".join(out), fragments


def restore(html: str, fragments: list[str]) -> str:
    """The finished page with every placeholder replaced by its blocks, as written."""
    return _RESTORE.sub(lambda m: fragments[int(m.group(1))], html)
