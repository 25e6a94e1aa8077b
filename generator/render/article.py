"""Article pages: the text with numbered paragraphs, linked names, note markers, its notes and its cast.

Pages are Markdown (with attr_list), so MkDocs resolves and checks every
link between them in both URL styles.
"""

from __future__ import annotations

from collections import defaultdict

from ..arabic import fold
from ..index import DossierIndex
from ..kb.schema import EntityKind
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


def _notes(index: DossierIndex, article: Article) -> str:
    """The editorial notes, gathered after the text in one collapsible section, numbered like their markers.

    Closed, the section is one line, so a reader scrolling the article sees the article; every
    note stays in the page (search, print and the export keep its text, kind, quote and basis),
    and a marker in the text opens it (docs/assets/javascripts/details.js, and the browser itself).
    """
    notes = index.notes_in(article.id)
    if not notes:
        return ""
    out = [f"## {L.NOTES_HEADING}\n", '<details class="dossier-notes" markdown>', f"<summary>{L.NOTES_SUMMARY} ({L.count(len(notes), L.N.NOTE)})</summary>\n"]
    out.append(f"{L.NOTES_HINT}\n{{: .dossier-notes-hint }}\n")
    out += [annotation_box(index, a, anchor=True, number=n, searched=True, here=article.id) for n, a in enumerate(notes, start=1)]
    out.append("</details>\n")
    return "\n".join(out)


def _cast(index: DossierIndex, article: Article) -> str:
    """Who and what the article names, by kind; then its events as a short dated list."""
    out = []
    named = sorted({m.entity for m in index.mentions_in(article.id)})
    if named:
        out.append(f"## {L.IN_THIS_ARTICLE}\n")
        out.append('<div class="dossier-cast" markdown>\n')
        entities = [e for i in named if (e := index.entity(i))]
        for kind in EntityKind:
            group = sorted((e for e in entities if e.kind is kind), key=lambda e: (fold(e.name), e.id))
            if group:
                out.append(f"**{L.KIND_PLURAL[kind]}:** " + "، ".join(link_to(e) for e in group) + "\n")
        out.append("</div>\n")
    events = index.events_in(article.id)
    if events:
        out.append(f"## {L.ARTICLE_EVENTS} ({L.count(len(events), L.N.EVENT)})\n")
        out.append('<div class="dossier-events" markdown>\n')
        out += [f"- {date_text(ev.date)}: {link_to(ev)}" for ev in events]
        out.append("\n</div>\n")
    return "\n".join(out)


def _date_note(article: Article) -> str:
    """How the editor dated an undated article: one closed line under the header, not a box above the text."""
    date = article.meta.date
    if date is None or not date.resolved:
        return ""
    return f'<details class="dossier-date-note" markdown>\n<summary>{L.DATE_NOTE_SUMMARY}</summary>\n\n{inline(date.note)}\n\n</details>\n'


def _dropped(article: Article) -> str:
    if not article.dropped:
        return ""
    rows = "\n".join(
        f'<li><span class="dossier-dropped-text">{html_text(d.text)}</span> '
        f'<span class="dossier-dropped-why">({L.LINE} {d.line}: {html_text(d.reason)})</span></li>'
        for d in article.dropped
    )
    return f'<details class="dossier-dropped">\n<summary>{L.DROPPED} ({L.count(len(article.dropped), L.N.TEXT)})</summary>\n<ul>\n{rows}\n</ul>\n</details>\n'


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
    out.append(_date_note(article))
    out.append(_body(article.blocks, spans(index, article)))
    out.append(_notes(index, article))
    out.append(_cast(index, article))
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
