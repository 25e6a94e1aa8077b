"""What search indexes, taken from the model (not from built HTML): one Document per page.

Articles: the title, the source line and headings, then each numbered paragraph under its
own anchor. Their notes pages: each editorial note under its own anchor. Entity pages: their
names (every spelling, which ranks the page first for any of them), kind, roles and claims; quotes of article
text are left out, so a search for an article's words finds the article. Event pages:
title, date and participants. The glossary: each term with its definition. The front page and
index pages: their titles (a page marked `search: exclude`, like the timeline, is left out).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping

from ..index import DossierIndex
from ..kb.schema import Annotation, Entity
from ..model import Article, Kind
from ..render import labels as L
from ..render.entity import also_written
from ..render.html import DASH, SEP
from ..render.markdown import notes_path
from ..render.notes import notes_title
from ..text import arabic_date
from .searchindex import Document, Unit

ARTICLE, ABOUT, NOTES, INDEX = 0, 1, 2, 3
"""Ranks: among equally good matches, articles first, then entity and event pages, then the articles'
notes pages (the editor on the articles: a date the editor worked out is on the event's page first), then
index pages."""
TITLE = re.compile(r'^title: (".*")$', re.M)
EXCLUDED = re.compile(r"^search:\n  exclude: true$", re.M)
"""A page that only repeats others (the timeline, the graph) says so in its front matter."""
GLOSSARY = "glossary/index.md"


def documents(index: DossierIndex, pages: Mapping[str, str]) -> list[Document]:
    """Every generated page of the dossier as search documents. `pages`: the generated pages but for the entity
    pages, if so wished (their documents come from the index, and the other pages' from their text)."""
    docs = [article_document(a) for a in index.articles]
    docs += [notes_document(a, notes) for a in index.articles if (notes := index.notes_in(a.id))]
    docs += [entity_document(index, e) for e in index.entities]
    for ev in index.timeline:
        parts = []
        for p in ev.participants:
            e = index.entity(p.entity)
            parts.append(f"{e.name if e else p.entity}{': ' + p.part if p.part else ''}")
        docs.append(Document(ev.page, ev.title, (Unit("", ev.title, (f"{L.DATE}: {arabic_date(ev.date)}", *parts)),), rank=ABOUT))
    if GLOSSARY in pages:
        docs.append(glossary_document(index, _title(pages[GLOSSARY]) or GLOSSARY))
    covered = {d.page for d in docs}
    for page, markdown in pages.items():  # the front page and the indexes: found by their titles
        if page not in covered and (page == "index.md" or page.endswith("/index.md")) and not EXCLUDED.search(markdown.split("\n---\n", 1)[0]):
            title = _title(markdown) or page
            docs.append(Document(page, title, (Unit("", title, ()),), rank=INDEX))
    return docs


def _title(markdown: str) -> str:
    """The title in a generated page's front matter (JSON, HTML-escaped: see render/markdown.front_matter)."""
    m = TITLE.search(markdown.split("\n---\n", 1)[0])
    return html.unescape(json.loads(m.group(1))) if m else ""


def article_document(article: Article) -> Document:
    meta = [x for x in (article.meta.outlet, article.byline) if x]
    head = [SEP.join(meta)] if meta else []
    head += [b.text for b in article.blocks if b.kind is Kind.HEADING]
    units = [Unit("", article.title, tuple(head))]
    for b in article.numbered:
        label = f"{L.PARAGRAPH} {b.number}"
        units.append(Unit(b.anchor, f"{b.section}{SEP}{label}" if b.section else label, (b.text,)))
    return Document(f"articles/{article.id}.md", article.title, tuple(units))


def notes_document(article: Article, notes: Iterable[Annotation]) -> Document:
    """An article's notes page: each note under its own anchor, searched there (where it is anchored) and nowhere else."""
    title = notes_title(article)
    units = [Unit("", title, ())]
    units += [Unit(f"ann-{a.id}", f"{L.EDITORIAL_NOTE} {n}{DASH}{L.ANNOTATION_KIND[a.kind]}", (a.note,)) for n, a in enumerate(notes, start=1)]
    return Document(notes_path(article.id), title, tuple(units), rank=NOTES)


def glossary_document(index: DossierIndex, title: str) -> Document:
    """The glossary: each term under its own anchor, with its spellings and its definition."""
    units = [Unit("", title, ())]
    for t in index.kb.glossary:
        definition = f"«{t.defined_by.quote}»" if t.defined_by is not None else ""
        blocks = [x for x in (t.latin, "، ".join(t.spellings), definition, t.editorial) if x]
        units.append(Unit(t.id, t.term, tuple(blocks)))
    return Document(GLOSSARY, title, tuple(units), rank=ABOUT)


def entity_document(index: DossierIndex, e: Entity) -> Document:
    """Every spelling is a name of the page: a query made of its words finds it first. Where two
    entities share a word (OpenAI, OpenAI's board), the one spelled by that word alone wins."""
    spellings = also_written(e)
    blocks = [f"{L.ALSO_WRITTEN}: " + "، ".join(spellings), L.KIND_SINGULAR[e.kind]]
    for r in e.roles:
        org = index.entity(r.org)
        blocks.append(f"{r.title} في {org.name if org else r.org}")
    blocks += [c.text for c in e.claims if c.source is not None]
    return Document(e.page, e.name, (Unit("", e.name, tuple(blocks)),), tuple(spellings), ABOUT)


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]+|\{:[^}]*\}|<[^>]+>")


def markdown_document(page: str, source: str) -> Document:
    """A hand-written page (docs/*.md): its first heading and its prose, markup left out."""
    title, blocks, fenced = page, [], False
    if source.startswith("---\n"):  # front matter
        source = source.split("\n---\n", 1)[-1]
    for line in source.splitlines():
        line = line.strip()
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced or not line or line.startswith(("|", "!!!")):
            continue
        text = _MARKUP.sub("", _LINK.sub(r"\1", line)).lstrip("#>-0123456789. ").strip()
        if line.startswith("# ") and title == page:
            title = text
        elif text:
            blocks.append(text)
    return Document(page, title, (Unit("", title, tuple(blocks)),), rank=INDEX)
