"""The parts of the theme that depend only on where links lead, rendered once per set of links, not per page.

Material renders the whole navigation, the tabs, the header and the page's
scripts and styles into every page, and at thousands of pages that was most of
the time spent in its templates. For a page outside the navigation these depend
on nothing of the page but where its links lead: nothing in them is active but
the tab of the page's section (`section_of`: the index page of its top folder,
lit by the hook while the page renders), and every URL goes through MkDocs' `url`
filter, relative to the page. So
`overrides/partials/nav.html`, `tabs.html` and `header.html` (Material's own, in
call blocks; the header's title stays outside them) and `overrides/main.html`
(base.html's blocks of that kind, each its own `super()` in a call block) ask
`SameLinks` first: it keys the rendered part by the relative form of every URL
the navigation links to (each item, the home page, the logo; computed once per
folder shape), by the page's section and by its `hide` setting, and renders it again only for a new
key; a page in the navigation is always rendered. tests/test_navcache.py holds
the site to byte-identical output with Material's templates.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

GLOBAL = "dossier_same_links"
"""The name the overridden partials call it by."""


def _urls(items: Iterable[object]) -> list[str]:
    urls: list[str] = []
    for item in items:
        if isinstance(item, Section):
            urls += _urls(item.children)
        elif isinstance(url := getattr(item, "url", None), str):
            urls.append(url)
    return urls


class SameLinks:
    """`{% call dossier_same_links(name, page, base_url) %}…{% endcall %}`: the body, rendered once per key."""

    def __init__(self, nav: Navigation, config: MkDocsConfig) -> None:
        home = config.extra.get("homepage") or (nav.homepage.url if nav.homepage else "")
        self.targets = [*_urls(nav.items), str(home), str(config.theme.get("logo") or "")]
        paths = [*self.targets, *(t.replace("\\", "/") for t in self.targets)]  # MkDocs reads a backslash as a slash
        self.named = {c for t in paths for c in (*t.split("/"), *posixpath.normpath("/" + t).split("/"))} | {".", ".."}
        """Every name a target's path holds: a folder's other names never match one (see `links_of`)."""
        self.in_nav = {p.file.src_uri for p in nav.pages}
        self.sections = {uri.removesuffix("/index.md"): p for p in nav.pages if (uri := p.file.src_uri).count("/") == 1 and uri.endswith("/index.md")}
        """The index pages of top folders in the navigation, by folder: articles → articles/index.md."""
        self.done: dict[tuple[str, str, tuple[str, ...], str, str], str] = {}
        self.links: dict[tuple[str, str], tuple[str, ...]] = {}

    def __call__(self, name: str, page: Page | None, base_url: str, caller: Callable[[], str]) -> str:
        if page is None or page.file.src_uri in self.in_nav:
            return caller()
        section = self.section_of(page)
        key = (name, base_url, self.links_of(page, base_url), str((page.meta or {}).get("hide", "")), section.file.src_uri if section else "")
        if (done := self.done.get(key)) is None:
            done = self.done[key] = caller()
        return done

    def section_of(self, page: Page) -> Page | None:
        """The navigation's page for the section a page outside the navigation belongs to (articles/x.md, its notes
        and mention pages: articles/index.md), whose tab the page shows as the reader's place; None if none. The hook
        lights it, and this cache and the theme stamps (stamp.py) key by it."""
        if page.file.src_uri in self.in_nav:
            return None
        return self.sections.get(page.file.src_uri.split("/", 1)[0])

    def links_of(self, page: Page, base_url: str) -> tuple[str, ...]:
        """The relative form of every target. It depends on the page's folder only (as MkDocs relates URLs), and on
        that only through its depth and the names it shares with the target, which is all `relpath` compares: so a
        name of the folder no target holds counts as any other (people/a/ and people/b/ share their links)."""
        head, tail = posixpath.split(page.url)
        folder = head if "." in tail else page.url
        key = ("/".join(c if c in self.named else "\0" for c in folder.split("/")), base_url)
        if (links := self.links.get(key)) is None:
            links = self.links[key] = tuple(normalize_url(u, page=page, base=base_url) for u in self.targets)
        return links
