"""Article pages: the text with numbered paragraphs, linked names, note markers, its notes in brief (in full on its notes page: notes.py) and its cast.

Pages are Markdown (with attr_list), so MkDocs resolves and checks every
link between them in both URL styles.
"""

from __future__ import annotations

from collections import defaultdict

from ..arabic import fold
from ..index import DossierIndex
from ..kb.schema import Annotation, AnnotationKind, EntityKind
from ..model import Article, Block, Kind
from ..text import arabic_date, html_text, inline
from . import glossary
from . import labels as L
from .html import SEP, Here, a, attr, p, text, ul
from .markdown import Span, date_text, front_matter, label, link_to, notes_path, segments, shorten
from .pages import Pages

Extras = dict[int, list[Span]]
"""Per paragraph number: the spans to render in it."""


def article_path(article: Article) -> str:
    return f"articles/{article.id}.md"


def date_label(article: Article) -> str:
    date = article.meta.date
    if date is None:
        return L.UNDATED
    shown = text(arabic_date(date.value))
    if date.resolved:
        return f'{shown} <span class="dossier-resolved" title="{attr(date.note)}">({L.RESOLVED_BY_EDITOR})</span>'
    return shown


def _number_link(block: Block) -> str:
    return f'<a href="#{block.anchor}" class="dossier-num" title="{L.PARAGRAPH} {block.number}">{block.number}</a>'


LOST_QUESTION = f'<span class="dossier-lost" title="{L.LOST_QUESTION_TIP}">{L.LOST_QUESTION}</span> '
BLOCK_CLASSES = {Kind.QUESTION: "dossier-p dossier-question", Kind.ANSWER: "dossier-p dossier-answer"}


def _block(block: Block, previous: Block | None, spans: list[Span]) -> str:
    """One block as raw HTML (a heading as Markdown, for the table of contents)."""
    if block.kind is Kind.HEADING:
        return f"## {inline(block.text)}\n"
    body = segments(block.text, spans)
    if block.kind is Kind.ANSWER and (previous is None or previous.kind is not Kind.QUESTION):
        body = LOST_QUESTION + body
    attrs = f'id="{block.anchor}" class="{BLOCK_CLASSES.get(block.kind, "dossier-p")}"'
    if block.kind is Kind.ITEM:
        return f"<li {attrs}>{_number_link(block)} {body}</li>"
    element = f"<p {attrs}>{_number_link(block)} {body}</p>"
    return f"<blockquote>{element}</blockquote>\n" if block.kind is Kind.QUOTE else element + "\n"


def _body(blocks: tuple[Block, ...], spans: Extras) -> str:
    """Blocks as raw HTML blocks separated by blank lines; consecutive list items form one list."""
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        in_list = previous is not None and previous.kind is Kind.ITEM
        if in_list and block.kind is not Kind.ITEM:
            out.append("</ul>\n\n")
        elif out and not (in_list and block.kind is Kind.ITEM):
            out.append("\n")
        if block.kind is Kind.ITEM and not in_list:
            out.append("<ul>\n")
        out.append(_block(block, previous, spans.get(block.number or 0, [])))
        if block.kind is Kind.ITEM:
            out.append("\n")
        previous = block
    if previous is not None and previous.kind is Kind.ITEM:
        out.append("</ul>\n")
    return "".join(out)


def spans(index: DossierIndex, article: Article, here: Here) -> Extras:
    """Links on the first mention of each entity in each paragraph, and annotation markers."""
    out: Extras = defaultdict(list)
    first: set[tuple[int, str]] = set()
    hrefs: dict[str, str] = {}
    """Per entity met so far, its page's href (worked out once per article)."""
    for m in sorted(index.mentions_in(article.id), key=lambda m: (m.block, m.start)):  # in reading order
        if (key := (m.block, m.entity)) in first:
            continue
        first.add(key)
        if (href := hrefs.get(m.entity)) is not None:
            out[m.block].append(Span(m.start, m.end, href))
            continue
        e = index.entity(m.entity)
        assert e is not None, m.entity
        href = hrefs[e.id] = here.to(e.page)
        # The full name (and its Latin spelling) on hover where the reader first meets the name, not on every paragraph's link.
        title = f"{e.name} ({aside})" if (aside := L.latin_aside(e.name, e.latin)) else e.name
        if title == index.block_text(article.id, m.block)[m.start : m.end]:
            title = ""  # the name as written says it all
        out[m.block].append(Span(m.start, m.end, href, title))
    notes = notes_path(article.id)
    for n, note in enumerate(index.notes_in(article.id), start=1):
        src = note.anchor
        # The marker holds the note's old anchor: a link made when the notes were on the article lands on it.
        marker = a(here.to(notes, f"ann-{note.id}"), str(n), note_tip(note), "dossier-annref", f' id="{attr("ann-" + note.id)}"')
        out[src.block or 0].append(Span(src.start, src.end, after=marker))
    for block, terms in glossary.term_spans(index, article, out, here).items():
        out[block].extend(terms)
    return dict(out)


TIP_CHARS = 80
"""A note's marker in the text shows its kind and this much of its beginning on hover; the whole note is one click away."""


def note_tip(note: Annotation) -> str:
    """A marker's tooltip: what kind of note, and how it begins."""
    return f"{L.ANNOTATION_KIND[note.kind]}: {shorten(note.note, TIP_CHARS)}"


def _notes(index: DossierIndex, article: Article, here: Here) -> str:
    """The editorial notes in brief after the text: how many, where to read them in full, and their numbers by kind.

    The notes themselves are on the article's notes page (render/notes.py), each with its quote,
    basis and what it concerns: the article page stays small however many notes the editor
    writes. In the text each marker shows its note's kind and beginning on hover and links to the
    note in full; here its number is listed under its kind, so corrections, say, are seen at once.
    """
    notes = index.notes_in(article.id)
    if not notes:
        return ""
    page = notes_path(article.id)
    intro = f"{L.count(len(notes), L.N.EDITORIAL_NOTE)} {L.ON_THIS_ARTICLE}. {a(here.to(page), L.NOTES_IN_FULL)}"
    numbered = list(enumerate(notes, start=1))
    rows = []
    for kind in AnnotationKind:
        links = [a(here.to(page, f"ann-{note.id}"), str(n)) for n, note in numbered if note.kind is kind]
        if links:
            rows.append(f"<li><strong>{L.ANNOTATION_KIND[kind]}:</strong> {' '.join(links)}</li>")
    return f"## {L.NOTES_HEADING}\n\n" + p(intro, "dossier-notes-intro") + '<ul class="dossier-notes-kinds">\n' + "\n".join(rows) + "\n</ul>\n"


def _cast(index: DossierIndex, article: Article, here: Here) -> str:
    """Who and what the article names, by kind; then its events as a short dated list."""
    out = []
    named = sorted({m.entity for m in index.mentions_in(article.id)})
    if named:
        out.append(f"## {L.IN_THIS_ARTICLE}\n")
        entities = [e for i in named if (e := index.entity(i))]
        rows = []
        for kind in EntityKind:
            group = sorted((e for e in entities if e.kind is kind), key=lambda e: (fold(e.name), e.id))
            if group:
                rows.append(f"<p><strong>{L.KIND_PLURAL[kind]}:</strong> " + "، ".join(link_to(e, here) for e in group) + "</p>")
        out.append('<div class="dossier-cast">\n' + "\n".join(rows) + "\n</div>\n")
    events = index.events_in(article.id)
    if events:
        out.append(f"## {L.ARTICLE_EVENTS} ({L.count(len(events), L.N.EVENT)})\n")
        out.append(ul([f"{date_text(ev.date)}: {link_to(ev, here)}" for ev in events], "dossier-events"))
    return "\n".join(out)


def _date_note(article: Article) -> str:
    """How the editor dated an undated article: one closed line under the header, not a box above the text."""
    date = article.meta.date
    if date is None or not date.resolved:
        return ""
    return f'<details class="dossier-date-note">\n<summary>{L.DATE_NOTE_SUMMARY}</summary>\n<p>{text(date.note)}</p>\n</details>\n'


def _dropped(article: Article) -> str:
    if not article.dropped:
        return ""
    rows = "\n".join(
        f'<li><span class="dossier-dropped-text">{html_text(d.text)}</span> '
        f'<span class="dossier-dropped-why">({L.LINE} {d.line}: {html_text(d.reason)})</span></li>'
        for d in article.dropped
    )
    return f'<details class="dossier-dropped">\n<summary>{L.DROPPED} ({L.count(len(article.dropped), L.N.TEXT)})</summary>\n<ul>\n{rows}\n</ul>\n</details>\n'


def _neighbours(article: Article, newer: Article | None, older: Article | None, here: Here) -> str:
    """The articles before and after this one in the newest-first list: «newer» and «older» only between two
    dated articles (the undated come last, which does not make them older)."""
    links = []
    dated = article.meta.date is not None
    if newer is not None:
        label = L.NEWER if dated and newer.meta.date is not None else L.PREVIOUS_LISTED
        links.append(f"{label}: " + a(here.to(article_path(newer)), text(newer.title)))
    if older is not None:
        label = L.OLDER if dated and older.meta.date is not None else L.NEXT_LISTED
        links.append(f"{label}: " + a(here.to(article_path(older)), text(older.title)))
    links.append(a(here.to("articles/index.md"), L.ALL_ARTICLES))
    return p(SEP.join(links), "dossier-neighbours")


def render_article(index: DossierIndex, article: Article, newer: Article | None, older: Article | None, here: Here) -> str:
    meta = article.meta
    out = [front_matter(article.title), f"# {inline(article.title)}\n"]
    facts = [f"{label(L.SOURCE)} {text(meta.outlet) if meta.outlet else L.SOURCE_UNSTATED}", f"{label(L.DATE)} {date_label(article)}"]
    if article.byline:
        facts.append(f"{label(L.AUTHOR)} {text(article.byline)}")
    note = "" if article.reading_stated else f"\u00a0({L.ESTIMATE})"
    facts.append(f"{label(L.READING_TIME)} {L.minutes(article.reading_minutes)}{note}")
    out.append(p(SEP.join(facts), "dossier-meta"))
    out.append(_date_note(article))
    out.append(_body(article.blocks, spans(index, article, here)))
    out.append(_notes(index, article, here))
    out.append(_cast(index, article, here))
    out.append(_dropped(article))
    out.append(_neighbours(article, newer, older, here))
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    """Every article page, each linked to its newer and older neighbour."""
    ordered = index.newest_first
    for i, article in enumerate(ordered):
        if not pages.take(article.id):
            continue
        newer = ordered[i - 1] if i > 0 else None
        older = ordered[i + 1] if i + 1 < len(ordered) else None
        path = article_path(article)
        pages.add(path, render_article(index, article, newer, older, pages.here(path)))
