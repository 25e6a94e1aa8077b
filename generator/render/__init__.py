"""Render stage: the linked index as Markdown pages, one module per page kind.

A new page kind is one new module with a `render(index, pages)` function,
listed in RENDERERS below. Nothing here reads files or knows of MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from ..index import DossierIndex
from . import article, entity, event, front, glossary, graph, indexes, notes, timeline
from .html import Urls
from .pages import Pages

Renderer = Callable[[DossierIndex, Pages], None]
RENDERERS: tuple[tuple[str, Renderer], ...] = (
    ("article", article.render),
    ("notes", notes.render),
    ("entity", entity.render),
    ("event", event.render),
    ("indexes", indexes.render),
    ("front", front.render),
    ("timeline", timeline.render),
    ("graph", graph.render),
    ("glossary", glossary.render),
)


PER_ITEM = frozenset({"article", "notes", "entity", "event"})
"""The renderers that write pages item by item (`Pages.take`); the others write pages about the whole dossier."""


def render_all(index: DossierIndex, urls: Urls | None = None, kinds: Collection[str] | None = None) -> dict[str, str]:
    """Every generated page, Markdown by path under docs/, in path order, with links for the URL style;
    `kinds`: only the pages of these renderers (by name in RENDERERS)."""
    return render_pages(index, urls, kinds=kinds).sorted()


def render_pages(
    index: DossierIndex, urls: Urls | None = None, only: Mapping[str, frozenset[str]] | None = None, kinds: Collection[str] | None = None
) -> Pages:
    """The pages, each with its owner; `only`: per renderer in PER_ITEM, the items to render (the pages about
    the whole dossier are always rendered); `kinds`: only these renderers."""
    pages = Pages(urls, only)
    for name, renderer in RENDERERS:
        if kinds is None or name in kinds:
            pages.renderer, pages.item = name, ""
            renderer(index, pages)
    return pages
