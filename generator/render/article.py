"""Article pages: the text with numbered paragraphs, linked names, note markers, its notes and its cast.

Pages are Markdown (with attr_list), so MkDocs resolves and checks every
link between them in both URL styles.
"""

from __future__ import annotations

from collections import defaultdict

from ..arabic import fold
from ..index import DossierIndex
from ..kb.schema import AnnotationKind, EntityKind
from ..model import Article, Block, Kind
from ..text import arabic_date, html_text, inline, literal, md_attr
from . import labels as L
from .markdown import Span, annotation_box, date_text, front_matter, label, link_to, segments
from .pages import Pages

Extras = dict[int, list[Span]]
"""Per paragraph number: the spans to render in it."""


def article_path(article: Article) -> str:
    return f"articles/{article.id}.md"


def date_label(article: Article) -> str:
    date = article.meta.date
    if date is None:
        return L.UNDATED
    text = literal(arabic_date(date.value))
    if date.resolved:
        return f'{text} <span class="dossier-resolved" title="{md_attr(date.note)}">({L.RESOLVED_BY_EDITOR})</span>'
    return text


def _number_link(block: Block) -> str:
    return f'[{block.number}](#{block.anchor}){{: .dossier-num title="{L.PARAGRAPH} {block.number}" data-search-exclude="" }}'


LOST_QUESTION = f'<span class="dossier-lost" title="{L.LOST_QUESTION_TIP}">{L.LOST_QUESTION}</span> '
BLOCK_CLASSES = {Kind.QUESTION: ".dossier-p .dossier-question", Kind.ANSWER: ".dossier-p .dossier-answer"}


def _block(block: Block, previous: Block | None, spans: list[Span]) -> str:
    if block.kind is Kind.HEADING:
        return f"## {inline(block.text)}"
    text = segments(block.text, spans)
    if block.kind is Kind.ANSWER and (previous is None or previous.kind is not Kind.QUESTION):
        text = LOST_QUESTION + text
    body = f"{_number_link(block)} {text}\n{{: #{block.anchor} {BLOCK_CLASSES.get(block.kind, '.dossier-p')} }}"
    if block.kind is Kind.ITEM:
        return f"- {body}"
    if block.kind is Kind.QUOTE:
        return "> " + body.replace("\n", "\n> ")
    return body


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


def spans(index: DossierIndex, article: Article) -> Extras:
    """Links on the first mention of each entity in each paragraph, and annotation markers."""
    out: Extras = defaultdict(list)
    first: set[tuple[int, str]] = set()
    for m in index.mentions_in(article.id):
        if (m.block, m.entity) in first:
            continue
        first.add((m.block, m.entity))
        e = index.entity(m.entity)
        assert e is not None, m.entity
        title = f"{e.name} ({e.latin})" if e.latin and e.latin != e.name else e.name
        out[m.block].append(Span(m.start, m.end, f"../{e.page}", title))
    for n, a in enumerate(index.notes_in(article.id), start=1):
        src = a.anchor
        marker = f'[{n}](#ann-{a.id} "{literal(L.NOTE_MARKER_PREFIX + a.note)}"){{: .dossier-annref data-search-exclude="" }}'
        out[src.block or 0].append(Span(src.start, src.end, after=marker))
    return dict(out)


def _tail(index: DossierIndex, article: Article) -> str:
    """After the article's body: its editorial notes, then who and what it names."""
    out = []
    notes = index.notes_in(article.id)
    if notes:
        out.append(f"## {L.NOTES_HEADING} ({len(notes)})\n")
        out.append(f"{L.NOTES_INTRO}\n")
        for n, a in enumerate(notes, start=1):
            out.append(annotation_box(index, a, anchor=True, number=n, searched=True))
    named = sorted({m.entity for m in index.mentions_in(article.id)})
    events = index.events_in(article.id)
    if named or events:
        out.append(f"## {L.IN_THIS_ARTICLE}\n")
        entities = [e for i in named if (e := index.entity(i))]
        for kind in EntityKind:
            group = sorted((e for e in entities if e.kind is kind), key=lambda e: (fold(e.name), e.id))
            if group:
                out.append(f"**{L.KIND_PLURAL[kind]}:** " + "، ".join(link_to(e) for e in group) + "\n")
        if events:
            out.append(f"**{L.EVENTS}:** " + "، ".join(f"{link_to(ev)} ({date_text(ev.date)})" for ev in events) + "\n")
    return "\n".join(out)


def _dropped(article: Article) -> str:
    if not article.dropped:
        return ""
    rows = "\n".join(
        f'<li><span class="dossier-dropped-text">{html_text(d.text)}</span> '
        f'<span class="dossier-dropped-why">({L.LINE} {d.line}: {html_text(d.reason)})</span></li>'
        for d in article.dropped
    )
    return f'<details class="dossier-dropped">\n<summary>{L.DROPPED} ({len(article.dropped)})</summary>\n<ul>\n{rows}\n</ul>\n</details>\n'


def _neighbours(newer: Article | None, older: Article | None) -> str:
    links = []
    if newer is not None:
        links.append(f"{L.NEWER}: [{inline(newer.title)}]({newer.id}.md)")
    if older is not None:
        links.append(f"{L.OLDER}: [{inline(older.title)}]({older.id}.md)")
    links.append(f"[{L.ALL_ARTICLES}](index.md)")
    return " · ".join(links) + "\n{: .dossier-neighbours }\n"


def render_article(index: DossierIndex, article: Article, newer: Article | None, older: Article | None) -> str:
    meta = article.meta
    out = [front_matter(article.title), f"# {inline(article.title)}\n"]
    facts = [f"{label(L.SOURCE)} {inline(meta.outlet) if meta.outlet else L.SOURCE_UNSTATED}", f"{label(L.DATE)} {date_label(article)}"]
    if article.byline:
        facts.append(f"{label(L.AUTHOR)} {inline(article.byline)}")
    note = "" if article.reading_stated else f" ({L.ESTIMATE})"
    facts.append(f"{label(L.READING_TIME)} {L.minutes(article.reading_minutes)}{note}")
    out.append(" · ".join(facts) + "\n{: .dossier-meta }\n")
    if meta.date and meta.date.resolved:
        out.append(f'!!! note "{L.ANNOTATION_KIND[AnnotationKind.RESOLVED_DATE]}"\n    {inline(meta.date.note)}\n')
    out.append(_body(article.blocks, spans(index, article)))
    out.append(_tail(index, article))
    out.append(_dropped(article))
    out.append(_neighbours(newer, older))
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    """Every article page, each linked to its newer and older neighbour."""
    ordered = index.newest_first
    for i, article in enumerate(ordered):
        newer = ordered[i - 1] if i > 0 else None
        older = ordered[i + 1] if i + 1 < len(ordered) else None
        pages.add(article_path(article), render_article(index, article, newer, older))
