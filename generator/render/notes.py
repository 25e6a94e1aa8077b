"""Notes pages: an article's editorial notes in full, one page per article that has notes (`articles/<id>/notes/`).

On the article page each note is a marker in the text (its kind and beginning on hover) and a
number under its kind after the text, both linked here; this page holds the note whole: its
kind, its text, the passage it is on (linked back to the paragraph), its basis and what it
concerns, numbered as its marker. Notes are searched here, where they are anchored.
"""

from __future__ import annotations

from ..index import DossierIndex
from ..model import Article
from ..text import inline
from . import labels as L
from .article import article_path
from .html import Here, a, p, text
from .markdown import annotation_box, front_matter, notes_path
from .pages import Pages


def notes_title(article: Article) -> str:
    return f"{L.NOTES_PAGE_TITLE} «{article.title}»"


def render_notes(index: DossierIndex, article: Article, here: Here) -> str:
    notes = index.notes_in(article.id)
    back = p(f"{L.BACK_TO_ARTICLE}: {a(here.to(article_path(article)), text(article.title))}", "dossier-back")
    title = notes_title(article)
    out = [front_matter(title), back, f"# {inline(title)}\n"]
    out.append(p(f"{L.count(len(notes), L.N.EDITORIAL_NOTE)}. {L.NOTES_PAGE_INTRO}", "dossier-notes-hint"))
    out += [annotation_box(index, note, here, anchor=True, number=n, searched=True) for n, note in enumerate(notes, start=1)]
    out.append(back)
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    """A notes page for every article with notes, its notes numbered as their markers in the text."""
    for article in index.newest_first:
        if pages.take(article.id) and index.notes_in(article.id):
            path = notes_path(article.id)
            pages.add(path, render_notes(index, article, pages.here(path)))
