"""The page registry: every generated page by its path under docs/, each path written once."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import GeneratorError
from .html import Here, Urls

Owner = tuple[str, str]
"""(renderer, item id) a page was rendered for; the item is "" for a page about the whole dossier."""


class PageCollision(GeneratorError):
    """Two renderers wrote one path: a bug, or an id the checks let through."""


class Pages:
    """Collects Markdown pages; refuses a second page at a path already taken."""

    def __init__(self, urls: Urls | None = None, only: Mapping[str, frozenset[str]] | None = None) -> None:
        self.urls = urls or Urls()
        """The URL style links are written for (raw HTML links are not rewritten by MkDocs)."""
        self.only = only
        """Per renderer, the items to render (`take`); None: everything (see generator/incremental.py)."""
        self._pages: dict[str, str] = {}
        self.owners: dict[str, Owner] = {}
        self.renderer = ""
        """The page kind now adding pages, named in a collision."""
        self.item = ""

    def take(self, item: str) -> bool:
        """Whether to render the pages of one item (an article, an entity, …): all of them unless `only`
        says otherwise. The pages added next belong to it."""
        self.item = item
        return self.only is None or item in self.only.get(self.renderer, frozenset())

    def add(self, path: str, markdown: str) -> None:
        if path in self._pages:
            raise PageCollision(
                f"two pages at docs/{path} (from the {self.owners[path][0]} and the {self.renderer} renderer); rename one of the ids behind them"
            )
        self._pages[path] = markdown
        self.owners[path] = (self.renderer, self.item)

    def here(self, path: str) -> Here:
        """Where a page about to be added stands: links on it are made relative to it."""
        return Here(path, self.urls)

    def __contains__(self, path: str) -> bool:
        return path in self._pages

    def sorted(self) -> dict[str, str]:
        """Markdown by path, in path order (the order is part of determinism)."""
        return dict(sorted(self._pages.items()))
