"""Render stage: the linked model as Markdown pages, keyed by their path in docs/.

Pages are plain Markdown (with attr_list), so MkDocs resolves and checks every
link between them in both URL styles. Nothing here reads files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Article, Block, Kind
from .text import arabic_date, attr, html_text, inline, literal, minutes

UNDATED = "بلا تاريخ"


def label(name: str) -> str:
    return f'<span class="dossier-label">{name}:</span>'


def article_path(article: Article) -> str:
    return f"articles/{article.id}.md"


def by_date(articles: Iterable[Article]) -> list[Article]:
    """Newest first; undated last; ties by id so the order never depends on the file system."""
    dated = sorted((a for a in articles if a.meta.date), key=lambda a: (a.meta.date.value, a.id))  # type: ignore[union-attr]
    dated.reverse()
    undated = sorted((a for a in articles if not a.meta.date), key=lambda a: a.id)
    return dated + undated


def date_label(article: Article) -> str:
    date = article.meta.date
    if date is None:
        return UNDATED
    label = literal(arabic_date(date.value))
    if date.basis == "resolved":
        return f'{label} <span class="dossier-resolved" title="{attr(date.note)}">(استنتجه المحرر)</span>'
    return label


def front_matter(title: str, extra: str = "") -> str:
    # The title goes into templates verbatim, so it is given already escaped for HTML;
    # JSON strings are valid YAML, so no character of a title can break the front matter.
    return f"---\ntitle: {json.dumps(attr(title), ensure_ascii=False)}\n{extra}---\n\n"


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


Extras = dict[int, list[Span]]
"""Per paragraph number: the spans to render in it."""


def render_article(article: Article, newer: Article | None, older: Article | None, spans: Extras | None = None, tail: str = "") -> str:
    meta = article.meta
    out = [front_matter(article.title), f"# {inline(article.title)}\n"]
    facts = [f"{label('المصدر')} {inline(meta.outlet) if meta.outlet else 'غير مذكور في النص'}", f"{label('التاريخ')} {date_label(article)}"]
    if article.byline:
        facts.append(f"{label('الكاتب')} {inline(article.byline)}")
    note = "" if article.reading_stated else " (تقدير)"
    facts.append(f"{label('وقت القراءة')} {minutes(article.reading_minutes)}{note}")
    out.append(" · ".join(facts) + "\n{: .dossier-meta }\n")
    if meta.date and meta.date.basis == "resolved":
        out.append(f'!!! note "تاريخ استنتجه المحرر"\n    {inline(meta.date.note)}\n')
    out.append(_body(article.blocks, spans or {}))
    out.append(tail)
    out.append(_dropped(article))
    out.append(_neighbours(newer, older))
    return "\n".join(out)


def _number_link(block: Block) -> str:
    return f'[{block.number}](#{block.anchor}){{: .dossier-num title="الفقرة {block.number}" data-search-exclude="" }}'


def _body(blocks: tuple[Block, ...], spans: Extras) -> str:
    """Blocks separated by blank lines, except list items, which form one list."""
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if out:
            same_list = previous is not None and previous.kind is Kind.ITEM and block.kind is Kind.ITEM
            out.append("\n" if same_list else "\n\n")
        out.append(_block(block, previous, spans.get(block.number or 0, [])))
        previous = block
    return "".join(out) + "\n"


LOST_QUESTION = '<span class="dossier-lost" title="نص السؤال غير موجود في المصدر">سؤال مفقود من المصدر</span> '


def _block(block: Block, previous: Block | None, spans: list[Span]) -> str:
    if block.kind is Kind.HEADING:
        return f"## {inline(block.text)}"
    text = segments(block.text, spans)
    classes = {Kind.QUESTION: ".dossier-p .dossier-question", Kind.ANSWER: ".dossier-p .dossier-answer"}
    if block.kind is Kind.ANSWER and (previous is None or previous.kind is not Kind.QUESTION):
        text = LOST_QUESTION + text
    body = f"{_number_link(block)} {text}\n{{: #{block.anchor} {classes.get(block.kind, '.dossier-p')} }}"
    if block.kind is Kind.ITEM:
        return f"- {body}"
    if block.kind is Kind.QUOTE:
        return "> " + body.replace("\n", "\n> ")
    return body


def _dropped(article: Article) -> str:
    if not article.dropped:
        return ""
    rows = "\n".join(
        f'<li><span class="dossier-dropped-text">{html_text(d.text)}</span> '
        f'<span class="dossier-dropped-why">(السطر {d.line}: {html_text(d.reason)})</span></li>'
        for d in article.dropped
    )
    return f'<details class="dossier-dropped">\n<summary>نصوص أُسقطت من المصدر بوصفها حشوًا ({len(article.dropped)})</summary>\n<ul>\n{rows}\n</ul>\n</details>\n'


def _neighbours(newer: Article | None, older: Article | None) -> str:
    links = []
    if newer is not None:
        links.append(f"الأحدث: [{inline(newer.title)}]({newer.id}.md)")
    if older is not None:
        links.append(f"الأقدم: [{inline(older.title)}]({older.id}.md)")
    links.append("[كل المقالات](index.md)")
    return " · ".join(links) + "\n{: .dossier-neighbours }\n"


def render_article_index(articles: list[Article]) -> str:
    out = [front_matter("المقالات"), "# المقالات\n", f"{len(articles)} مقالًا في الملف، الأحدث أولًا.\n"]
    year = None
    for article in by_date(articles):
        this_year = article.meta.date.value[:4] if article.meta.date else UNDATED
        if this_year != year:
            year = this_year
            out.append(f"\n## {year}\n")
        out.append(f"- [{inline(article.title)}]({article.id}.md) — {date_label(article)}")
    return "\n".join(out) + "\n"


def render_pages(articles: list[Article], spans: dict[str, Extras] | None = None, tails: dict[str, str] | None = None) -> dict[str, str]:
    """Every article page and the article index, by path under docs/.

    `spans` (links and annotation markers per article and paragraph) and
    `tails` (Markdown after the body: annotations, the article's entities)
    come from the knowledge base; without them articles render as plain text.
    """
    ordered = by_date(articles)
    pages = {"articles/index.md": render_article_index(articles)}
    for i, article in enumerate(ordered):
        newer = ordered[i - 1] if i > 0 else None
        older = ordered[i + 1] if i + 1 < len(ordered) else None
        pages[article_path(article)] = render_article(article, newer, older, (spans or {}).get(article.id), (tails or {}).get(article.id, ""))
    return dict(sorted(pages.items()))
