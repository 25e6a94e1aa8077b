"""Render stage: the linked index as Markdown pages, one module per page kind.

A new page kind is one new module with a `render(index, pages)` function,
listed in RENDERERS below. Nothing here reads files or knows of MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable

from ..index import DossierIndex
from . import article, entity, event, indexes
from .pages import Pages

Renderer = Callable[[DossierIndex, Pages], None]
RENDERERS: tuple[tuple[str, Renderer], ...] = (
    ("article", article.render),
    ("entity", entity.render),
    ("event", event.render),
    ("indexes", indexes.render),
)


def render_all(index: DossierIndex) -> dict[str, str]:
    """Every generated page, Markdown by path under docs/, in path order."""
    pages = Pages()
    for name, renderer in RENDERERS:
        pages.renderer = name
        renderer(index, pages)
    return pages.sorted()
