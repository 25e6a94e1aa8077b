"""What `mkdocs serve` keeps between rebuilds, so that an edit redoes only what it touches.

`generate(root, memo=Memo())` reads every seed again (cheap), and then:

- links, look-alike spellings and the editor's name finder run again only for
  the articles whose text changed (per article, while the knowledge base is the same);
- pages are rendered again only for what the changed articles touch: their own
  pages, the pages of every entity named in an edited paragraph (before or after
  the edit: its mentions show the paragraph's sentences), of every event the
  articles are a source of, and the pages about the whole dossier (front page,
  indexes, timeline, graph, glossary). Any other change (a YAML file, an
  article's title or date, a paragraph added before a quoted passage, which moves
  the citations) renders everything, as `mkdocs build` does.

The result is the same as a full run's, byte for byte: tests/test_incremental.py
edits articles and compares.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .export import entity_path, export, export_entity, export_files
from .index import DossierIndex
from .kb.schema import Entity
from .link.lookalike import LookAlike, LookAlikeFinder
from .link.names import Ambiguity, Linker, Links, Mention
from .model import Article
from .namefinder import Candidate, NameFinder
from .read import Parsed
from .render import PER_ITEM, render_pages
from .render.html import Urls
from .render.pages import Owner

BULK = 0.2
"""When more than this share of the articles changed, render everything: it is as quick."""


@dataclass
class _Linked:
    linker: Linker
    done: dict[str, tuple[Article, list[Mention], list[Ambiguity]]] = field(default_factory=dict)


@dataclass
class _Rendered:
    index: DossierIndex
    urls: Urls
    pages: dict[str, str]
    owners: dict[str, Owner]


class CachedNames:
    """A NameFinder that remembers each article's candidates while the articles' vocabulary is the same."""

    def __init__(self, finder: NameFinder) -> None:
        self.finder = finder
        self.done: dict[str, tuple[Article, tuple[tuple[int, tuple[tuple[int, int], ...]], ...], list[Candidate]]] = {}

    def find(self, article: Article, linked: dict[int, list[tuple[int, int]]] | None = None) -> list[Candidate]:
        key = tuple(sorted((block, tuple(spans)) for block, spans in (linked or {}).items()))
        old = self.done.get(article.id)
        if old is not None and old[1] == key and old[0] == article:
            return old[2]
        found = self.finder.find(article, linked)
        self.done[article.id] = (article, key, found)
        return found


class Memo:
    """One per `mkdocs serve` process (generator/site/state.py)."""

    def __init__(self) -> None:
        self.parsed = Parsed()
        """Seeds parsed by the last run (read stage)."""
        self._linked: dict[tuple[Entity, ...], _Linked] = {}
        self._lookalikes: tuple[tuple[Entity, ...], LookAlikeFinder, dict[str, tuple[Article, tuple[Mention, ...], tuple[LookAlike, ...]]]] | None = None
        self._names: tuple[frozenset[str], CachedNames] | None = None
        self._rendered: _Rendered | None = None
        self._touched: Mapping[str, frozenset[str]] | None = None
        """What the last render redid (None: everything): the export reuses the rest."""
        self._exported: dict[str, str] | None = None
        self.rendered_pages = 0
        """How many pages the last run rendered (the rest were kept): for tests and the log."""

    # --- link stage ---------------------------------------------------------

    def link_all(self, articles: Iterable[Article], entities: Iterable[Entity]) -> Links:
        key = tuple(entities)
        linked = self._linked.get(key)
        if linked is None:
            if len(self._linked) >= 2:  # two at most: the knowledge base, and the same with look-alike spellings
                self._linked.clear()
            linked = self._linked[key] = _Linked(Linker(key))
        mentions: list[Mention] = []
        ambiguous: list[Ambiguity] = []
        for article in articles:
            old = linked.done.get(article.id)
            if old is None or old[0] != article:
                old = linked.done[article.id] = (article, *linked.linker.link(article))
            mentions += old[1]
            ambiguous += old[2]
        return Links(tuple(mentions), tuple(ambiguous))

    def find_lookalikes(self, articles: Iterable[Article], entities: Iterable[Entity], links: Links) -> tuple[LookAlike, ...]:
        key = tuple(entities)
        if self._lookalikes is None or self._lookalikes[0] != key:
            self._lookalikes = (key, LookAlikeFinder(key), {})
        _, finder, done = self._lookalikes
        found: list[LookAlike] = []
        for article in articles:
            mentions = links.of_article(article.id)
            old = done.get(article.id)
            if old is None or old[1] != mentions or old[0] != article:
                old = done[article.id] = (article, mentions, finder.find(article, mentions))
            found += old[2]
        return tuple(found)

    def name_finder(self, articles: Iterable[Article]) -> CachedNames:
        finder = NameFinder(articles)
        common = frozenset(finder.common)
        if self._names is None or self._names[0] != common:
            self._names = (common, CachedNames(finder))
        return self._names[1]

    # --- render stage -------------------------------------------------------

    def render(self, index: DossierIndex, urls: Urls) -> dict[str, str]:
        """The pages for `index`, rendering again only what changed since the last call."""
        last = self._rendered
        only = self._touched = touched(last.index, index) if last is not None and last.urls == urls else None
        if only is None or last is None:
            pages = render_pages(index, urls)
            self._rendered = _Rendered(index, urls, pages.sorted(), dict(pages.owners))
            self.rendered_pages = len(pages.owners)
            return self._rendered.pages
        fresh = render_pages(index, urls, only)
        kept = {path: md for path, md in last.pages.items() if not _redone(last.owners[path], only)}
        owners = {path: owner for path, owner in last.owners.items() if path in kept}
        if kept.keys() & fresh.owners.keys():  # a page moved to another owner: start over
            self._rendered = self._touched = None
            return self.render(index, urls)
        merged = dict(sorted({**kept, **fresh.sorted()}.items()))
        self._rendered = _Rendered(index, urls, merged, {**owners, **fresh.owners})
        self.rendered_pages = len(fresh.owners)
        return merged

    def export_files(self, index: DossierIndex) -> dict[str, str]:
        """The export; after a render that redid only some entities, the other entities' files are kept."""
        only, last = self._touched, self._exported
        if only is None or last is None:
            files = export_files(index)
        else:
            files = {"dossier.json": export(index)}
            for e in index.entities:
                path = entity_path(e)
                files[path] = export_entity(index, e) if e.id in only["entity"] or path not in last else last[path]
        self._exported = files
        return files


def _redone(owner: Owner, only: Mapping[str, frozenset[str]]) -> bool:
    renderer, item = owner
    return renderer not in PER_ITEM or item in only.get(renderer, frozenset())


def touched(old: DossierIndex, new: DossierIndex) -> dict[str, frozenset[str]] | None:
    """Per renderer, the items whose pages an edit of some articles' text may change; None: render everything."""
    if old.kb != new.kb or [(a.id, a.title, a.meta, a.path) for a in old.articles] != [(a.id, a.title, a.meta, a.path) for a in new.articles]:
        return None
    changed = {a.id for a in new.articles if a != old.article(a.id)}
    if len(changed) > BULK * len(new.articles):
        return None
    entities: set[str] = set()
    events: set[str] = set()
    for id in changed:
        was, now = old.article(id), new.article(id)
        before = {b.number: b for b in was.blocks if b.number is not None}
        after = {b.number: b for b in now.blocks if b.number is not None}
        edited = {n for n in before.keys() | after.keys() if before.get(n) != after.get(n)}
        for index in (old, new):  # what names the edited paragraphs, before and after: their mentions show them
            entities.update(m.entity for m in index.mentions_in(id) if m.block in edited)
            events.update(ev.id for ev in index.events_in(id))
    return {"article": frozenset(changed), "notes": frozenset(changed), "entity": frozenset(entities), "event": frozenset(events)}
