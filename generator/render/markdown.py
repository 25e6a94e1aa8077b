"""Shared page pieces: front matter, linked article text with note markers, citations, notes.

Everything but headings is emitted as raw HTML (see html.py), with hrefs
relative to the page being written (`Here`). Every value is escaped on its way
in, so article text and YAML values are shown as written and never act as markup.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..index import DossierIndex
from ..kb.schema import Annotation, Entity, Event, Source
from ..text import arabic_date
from ..text import attr as html_attr
from . import labels as L
from .html import DASH, Here, a, text


def front_matter(title: str, extra: str = "") -> str:
    # The title goes into templates verbatim, so it is given already escaped for HTML;
    # JSON strings are valid YAML, so no character of a title can break the front matter.
    return f"---\ntitle: {json.dumps(html_attr(title), ensure_ascii=False)}\n{extra}---\n\n"


def label(name: str) -> str:
    return f'<span class="dossier-label">{name}:</span>'


def date_text(value: str) -> str:
    return text(arabic_date(value)) if value else ""


def link_to(e: Entity | Event, here: Here) -> str:
    name = e.name if isinstance(e, Entity) else e.title
    return a(here.to(e.page), text(name))


@dataclass(frozen=True)
class Span:
    """Markup over an exact stretch of a block's text: a link, or a marker placed after it."""

    start: int
    end: int
    href: str = ""
    """Link the text [start, end) here; empty: leave the text as it is."""
    title: str = ""
    after: str = ""
    """HTML placed right after the stretch (an annotation marker)."""


def segments(value: str, spans: Iterable[Span]) -> str:
    """HTML for `value` with links and markers, every piece of text escaped by `text`.

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
            out.append(text(value[pos : marks[mi].end]) + marks[mi].after)
            pos, mi = marks[mi].end, mi + 1
        out.append(text(value[pos : link.start]) + a(link.href, text(value[link.start : link.end]), link.title))
        pos = link.end
        while mi < len(marks) and marks[mi].end <= link.end:
            out.append(marks[mi].after)
            mi += 1
    for mark in marks[mi:]:
        out.append(text(value[pos : mark.end]) + mark.after)
        pos = mark.end
    out.append(text(value[pos:]))
    return "".join(out)


def notes_path(article: str) -> str:
    """The page that holds an article's editorial notes in full: `articles/<id>/notes.md`."""
    return f"articles/{article}/notes.md"


def shorten(value: str, limit: int) -> str:
    """`value` cut at a word boundary to at most `limit` characters, with «…» where it was cut (and a quotation
    it cut short closed after it)."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[: limit + 1].rsplit(" ", 1)[0] if " " in value[: limit + 1] else value[:limit]
    cut = cut.rstrip(" ،؛,.:«(“") + "…"
    return cut + "»" if cut.count("«") > cut.count("»") else cut  # a quotation cut short still closes


# --- citations ----------------------------------------------------------------

# Article text quoted on other pages is left out of the search index: a search for words of an
# article then finds the article, not every page that cites it; entity and event pages are
# found by their own names, titles and notes.
NOT_SEARCHED = '<span class="dossier-quote" data-search-exclude>'


def where(index: DossierIndex, article: str, block: int | None, here: Here) -> str:
    """A link to one paragraph of one article, named by the article's title; on that article's own page
    and on its notes page, «الفقرة 4» only (the page says which article it is about)."""
    page = f"articles/{article}.md"
    if here.src in (page, notes_path(article)):
        return a(here.to(page, f"p-{block}"), L.paragraph(block)) if block else a(here.to(page) if here.src != page else "#", L.ARTICLE_TITLE)
    title = index.article(article).title
    if not block:
        return a(here.to(page), f"{L.ARTICLE_TITLE} «{text(title)}»")
    return a(here.to(page, f"p-{block}"), f"{L.paragraph(block)}، «{text(title)}»")


def cite(index: DossierIndex, source: Source, here: Here) -> str:
    """The quote itself, and where it is: the evidence for the fact it follows."""
    return f"{NOT_SEARCHED}«{text(source.quote)}»</span>{DASH}{where(index, source.article, source.block, here)}"


def annotation_box(index: DossierIndex, note: Annotation, here: Here, anchor: bool = False, number: int = 0, searched: bool = False) -> str:
    """An editorial note, always visibly marked as editorial, with its kind, the text it is on and what it rests on.

    Search indexes each note once, on the page of the article it is anchored in. `number` makes
    it an endnote (a marker in the text carries the same number).
    """
    ident = f' id="ann-{note.id}"' if anchor else ""
    ident += "" if searched else " data-search-exclude"
    title = f"{L.EDITORIAL_NOTE}{f' {number}' if number else ''}{DASH}{L.ANNOTATION_KIND[note.kind]}"
    lines = [
        f'<div class="admonition note dossier-annotation"{ident}>',
        f'<p class="admonition-title">{title}</p>',
        f"<p>{text(note.note)}</p>",
        f"<p><strong>{L.ON_TEXT}:</strong> {cite(index, note.anchor, here)}</p>",
    ]
    if note.basis:
        lines.append(f"<p><strong>{L.BASIS}:</strong></p>")
        lines.append("<ul>" + "".join(f"<li>{cite(index, b, here)}</li>" for b in note.basis) + "</ul>")
    about = [x for i in note.about if (x := index.entity(i) or index.event(i))]
    if about:
        lines.append(f"<p><strong>{L.CONCERNS}:</strong> " + "، ".join(link_to(x, here) for x in about) + "</p>")
    lines.append("</div>\n")
    return "\n".join(lines)


# --- mentions in context --------------------------------------------------------

ENDS_SENTENCE = ".!?؟…"
SENTENCE_END = re.compile(f"[{ENDS_SENTENCE}]+(?=\\s|$)")
CONTEXT_CHARS = 160


@lru_cache(maxsize=1 << 16)
def _sentence_ends(value: str) -> tuple[int, ...]:
    """Where SENTENCE_END's matches in `value` end: a paragraph mentions several names, each in its sentence."""
    return tuple(m.end() for m in SENTENCE_END.finditer(value))


GAP = " … "
"""Where an excerpt leaves text out."""


def _head(text: str) -> str:
    """About CONTEXT_CHARS from the start of `text`, ending with a whole word."""
    return text[:CONTEXT_CHARS].rsplit(" ", 1)[0]


def _tail(text: str) -> str:
    """About CONTEXT_CHARS from the end of `text`, starting with a whole word."""
    return text[-CONTEXT_CHARS:].split(" ", 1)[-1]


def excerpt(value: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The sentences of `value` holding `spans` (in order, not overlapping), as (text, is a span) pieces: the
    paragraph a name is listed under on an entity page, each of its names marked once.

    A span's sentence starts after the last sentence end in value[:start] (one right before `start` included)
    and ends with the first that ends past `end` (or at the end of the value). Spans in one sentence, or in
    sentences that follow each other, are one run of text; GAP stands where sentences were left out between two
    runs, and where a run is cut to a readable length: CONTEXT_CHARS before its first span and after its last,
    and in the middle of what lies between two spans if that is longer than twice as much."""
    ends = _sentence_ends(value)
    runs: list[tuple[int, int, list[tuple[int, int]]]] = []
    for start, end in spans:
        if start and value[start - 1] in ENDS_SENTENCE:
            s = start
        else:
            i = bisect_left(ends, start)
            s = ends[i - 1] if i else 0
        j = bisect_right(ends, end)
        e = ends[j] if j < len(ends) else len(value)
        if runs and s <= runs[-1][1]:  # the last run's sentence, or the one right after it
            first, last, inside = runs[-1]
            runs[-1] = (first, max(e, last), [*inside, (start, end)])
        else:
            runs.append((s, e, [(start, end)]))
    out: list[tuple[str, bool]] = []
    cut_end = False
    for r, (s, e, inside) in enumerate(runs):
        before = value[s : inside[0][0]].lstrip()
        if len(before) > CONTEXT_CHARS:
            before = (" " if r else "") + GAP.lstrip() + _tail(before)
        elif r:  # sentences were left out since the last run: one GAP says so, its own if that run was cut at its end
            before = (" " if cut_end else GAP) + before
        out.append((before, False))
        for k, (start, end) in enumerate(inside):
            out.append((value[start:end], True))
            if k + 1 < len(inside):
                between = value[end : inside[k + 1][0]]
                if len(between) > 2 * CONTEXT_CHARS:
                    between = _head(between) + GAP + _tail(between)
                out.append((between, False))
        after = value[inside[-1][1] : e]
        cut_end = len(after) > CONTEXT_CHARS
        if cut_end:
            after = _head(after) + GAP.rstrip()
        out.append((after, False))
    return out
