"""Shared Markdown pieces: front matter, links with marks inside article text, citations, notes.

Every value goes through generator/text.py on its way into Markdown, so
article text and YAML values are shown as written and never act as markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..index import DossierIndex
from ..kb.schema import Annotation, Entity, Event, Source
from ..text import arabic_date, attr, inline, literal
from . import labels as L


def front_matter(title: str, extra: str = "") -> str:
    # The title goes into templates verbatim, so it is given already escaped for HTML;
    # JSON strings are valid YAML, so no character of a title can break the front matter.
    return f"---\ntitle: {json.dumps(attr(title), ensure_ascii=False)}\n{extra}---\n\n"


def label(name: str) -> str:
    return f'<span class="dossier-label">{name}:</span>'


def date_text(value: str) -> str:
    return literal(arabic_date(value)) if value else ""


def link_to(e: Entity | Event, up: str = "../") -> str:
    name = e.name if isinstance(e, Entity) else e.title
    return f"[{inline(name)}]({up}{e.page})"


@dataclass(frozen=True)
class Span:
    """Inline markup over an exact stretch of a block's text: a link, or a marker placed after it."""

    start: int
    end: int
    href: str = ""
    """Link the text [start, end) here; empty: leave the text as it is."""
    title: str = ""
    after: str = ""
    """Markdown placed right after the stretch (an annotation marker)."""


def segments(text: str, spans: Iterable[Span]) -> str:
    """Markdown for `text` with links and markers, every piece of text still escaped by `inline`.

    Links never nest or overlap (a link starting inside an earlier one is
    dropped); a marker goes where its stretch ends, or right after the link
    that stretch ends inside.
    """
    spans = list(spans)
    links = sorted((s for s in spans if s.href), key=lambda s: (s.start, -s.end))
    marks = sorted((s for s in spans if s.after), key=lambda s: s.end)
    out: list[str] = []
    pos = mi = 0
    for link in links:
        if link.start < pos:
            continue
        while mi < len(marks) and marks[mi].end <= link.start:
            out.append(inline(text[pos : marks[mi].end]) + marks[mi].after)
            pos, mi = marks[mi].end, mi + 1
        title = f' "{literal(link.title)}"' if link.title else ""
        out.append(f"{inline(text[pos : link.start])}[{inline(text[link.start : link.end])}]({link.href}{title})")
        pos = link.end
        while mi < len(marks) and marks[mi].end <= link.end:
            out.append(marks[mi].after)
            mi += 1
    for mark in marks[mi:]:
        out.append(inline(text[pos : mark.end]) + mark.after)
        pos = mark.end
    out.append(inline(text[pos:]))
    return "".join(out)


# --- citations ----------------------------------------------------------------

# Article text quoted on other pages is left out of the search index: a search for words of an
# article then finds the article, not every page that cites it; entity and event pages are
# found by their own names, titles and notes.
NOT_SEARCHED = '<span class="dossier-quote" data-search-exclude>'


def where(index: DossierIndex, article: str, block: int | None, up: str = "../") -> str:
    """A link to one paragraph of one article, named by the article's title."""
    title = index.article(article).title
    if not block:
        return f"[{L.ARTICLE_TITLE} «{inline(title)}»]({up}articles/{article}.md)"
    return f"[{L.PARAGRAPH} {block}، «{inline(title)}»]({up}articles/{article}.md#p-{block})"


def cite(index: DossierIndex, source: Source, up: str = "../") -> str:
    """The quote itself, and where it is: the evidence for the fact it follows."""
    return f"{NOT_SEARCHED}«{inline(source.quote)}»</span> — {where(index, source.article, source.block, up)}"


def annotation_box(index: DossierIndex, a: Annotation, up: str = "../", anchor: bool = False, number: int = 0, searched: bool = False) -> str:
    """An editorial note, always visibly marked as editorial, with what it rests on.

    Search indexes each note once, on the page of the article it is anchored in.
    """
    ident = f' id="ann-{a.id}"' if anchor else ""
    ident += "" if searched else " data-search-exclude"
    title = f"{L.EDITORIAL_NOTE}{f' {number}' if number else ''} — {L.ANNOTATION_KIND[a.kind]}"
    lines = [
        f'<div class="admonition note dossier-annotation"{ident} markdown>',
        f'<p class="admonition-title">{title}</p>',
        "",
        inline(a.note),
        "",
        f"**{L.ON_TEXT}:** {cite(index, a.anchor, up)}",
        "",
    ]
    if a.basis:
        lines.append(f"**{L.BASIS}:**\n")
        lines += [f"- {cite(index, b, up)}" for b in a.basis]
        lines.append("")
    about = [index.entity(i) or index.event(i) for i in a.about]
    if about:
        lines.append(f"**{L.CONCERNS}:** " + "، ".join(link_to(x, up) for x in about if x) + "\n")
    lines.append("</div>\n")
    return "\n".join(lines)


# --- mentions in context --------------------------------------------------------

SENTENCE_END = re.compile(r"[.!?؟…]+(?=\s|$)")
CONTEXT_CHARS = 160


def around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence holding text[start:end], cut to a readable length: (before, mention, after)."""
    s = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        s = m.end()
    after_end = SENTENCE_END.search(text, end)
    e = after_end.end() if after_end else len(text)
    before, after = text[s:start].lstrip(), text[end:e]
    if len(before) > CONTEXT_CHARS:
        before = "… " + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + " …"
    return before, text[start:end], after
