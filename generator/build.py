"""The orchestrator: read → knowledge base → link → index → render, in that order, for everyone.

Both the CLI (`python -m generator`) and the MkDocs hook call `generate`; it
loads, checks and links everything into one `DossierIndex` first and only then
renders, so indexes and backlinks always see the whole dossier.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlfile
from .background import Background
from .editor import editor_report
from .errors import Report
from .export import export_files, export_later
from .incremental import Memo
from .index import DossierIndex
from .kb.curated import load_not_entities
from .kb.load import FILES as KB_FILES
from .kb.load import load_kb
from .kb.schema import Entity
from .link.lookalike import LookAlike, find_lookalikes, with_lookalikes
from .link.names import Ambiguity, Links, Mention, link_all
from .model import Article
from .read import read_seeds
from .render import RENDERERS, render_all
from .render.html import Urls
from .render.pages import PageCollision


@dataclass(frozen=True)
class Dossier:
    """Everything one run produced."""

    index: DossierIndex
    pages: dict[str, str]
    """Markdown by path under docs/."""
    report: Report
    """Notes for the editor (dropped lines, unknown names, …); errors have already been raised."""
    files: Mapping[str, str] = field(default_factory=dict)
    """Other generated files (dossier.json, export/<id>.json) by path in the built site (made when first
    read without the report: see export.Later)."""


def _link(articles: list[Article], entities: tuple[Entity, ...], parallel: bool) -> tuple[Links, tuple[LookAlike, ...]]:
    """Names linked and look-alike spellings found, article by article; with `parallel`, the second half of
    the articles on the second core (each article on its own, so the halves joined in order are the whole)."""

    def part(some: list[Article]) -> tuple[tuple[Mention, ...], tuple[Ambiguity, ...], tuple[LookAlike, ...]]:
        links = link_all(some, entities)
        return links.mentions, links.ambiguous, find_lookalikes(some, entities, links)

    if parallel and len(articles) > 1:
        half = len(articles) // 2
        second = Background(lambda: part(articles[half:]))
        first = part(articles[:half])
        later = second.result()
        return Links(first[0] + later[0], first[1] + later[1]), first[2] + later[2]
    links = link_all(articles, entities)
    return links, find_lookalikes(articles, entities, links)


Ready = Callable[[DossierIndex, Mapping[str, str], Mapping[str, str]], None]
"""Told (index, pages, other files) once a parallel build without the report has rendered this process's share of
the pages, before it waits for the second core's (see `generate`)."""


def generate(
    root: Path, directory_urls: bool = True, memo: Memo | None = None, parallel: bool = False, report: bool = True, ready: Ready | None = None
) -> Dossier:
    """Build every page from the seeds under `root`; raise InputError listing every problem.

    `directory_urls`: the site's URL style (people/x/ or people/x.html), which links are written for.
    `memo`: what the last run of this process did (`mkdocs serve`), so only what changed is done again.
    `parallel`: part of the work on the second core while the pages are rendered (one-shot builds only:
    a forked child of `mkdocs serve`'s threaded process could inherit a held lock).
    `report`: the editor's report (unknown names, never-mentioned entities, …, and the names
    seeds/not-entities.yml silenced), which changes no page: `mkdocs build` leaves it to `make check`
    and `mkdocs serve`; the dropped text the seeds' rules removed is told either way.
    `ready`: in a parallel run without the report, told the index, the pages rendered here (all but the
    entity pages) and the other files, while the second core's pages are still to come: `mkdocs build`
    starts the export and the search index there, which need no entity page, instead of waiting.
    """
    found = Report()
    ahead = Background(lambda: yamlfile.parse_all(root, KB_FILES)) if parallel and memo is None else None  # parsed while the seeds are read
    try:
        articles, unread = read_seeds(root, found, memo.parsed if memo else None)
    except BaseException:
        if ahead is not None:
            ahead.stop()
        raise
    if ahead is not None:
        yamlfile.remember(ahead.result())
    kb = load_kb(root, articles, found, unread)
    not_entities = load_not_entities(root, {a.id for a in articles}, set(kb.annotation_ids), found, unread)
    found.raise_if_errors()
    if memo:
        links = memo.link_all(articles, kb.entities)
        lookalikes = memo.find_lookalikes(articles, kb.entities, links)
    else:
        links, lookalikes = _link(articles, kb.entities, parallel)
    if any(la.linked for la in lookalikes):  # link the new spellings too, and the short forms after them
        links = (memo.link_all if memo else link_all)(articles, with_lookalikes(kb.entities, lookalikes))
    index = DossierIndex.build(articles, kb, links)
    finder = memo.name_finder(articles) if memo else None
    urls = Urls(directory_urls)

    def notes() -> Report:
        out = Report()
        if report:
            editor_report(index, out, not_entities, lookalikes, finder)
        return out

    files: Mapping[str, str]
    if parallel and memo is None:
        if report:  # the report and the export on the second core while the pages render
            both = Background(lambda: (notes(), export_files(index)))
            pages = render_all(index, urls)
            notes_found, files = both.result()
        else:  # the entity pages there, the others here; the export is made by the process that writes it
            entities = Background(lambda: render_all(index, urls, ENTITY_PAGES))
            pages = render_all(index, urls, [name for name, _ in RENDERERS if name not in ENTITY_PAGES])
            notes_found, files = Report(), export_later(index)
            if ready is not None:
                ready(index, pages, files)
            pages = _merged(pages, entities.result(), ENTITY_PAGES)
    else:
        pages = memo.render(index, urls) if memo else render_all(index, urls)
        files = memo.export_files(index) if memo else export_files(index)
        notes_found = notes()
    found.extend(notes_found)
    return Dossier(index, pages, found, files)


ENTITY_PAGES = ("entity",)
"""Without the report, the renderers on the second core (as long as the rest, measured)."""


def _merged(pages: dict[str, str], more: dict[str, str], theirs: tuple[str, ...]) -> dict[str, str]:
    """Two processes' pages as one, in path order; a path both wrote is a bug, as in one process."""
    if both := pages.keys() & more.keys():
        raise PageCollision(f"two pages at docs/{min(both)} (from the {' or '.join(theirs)} renderer and another one); rename one of the ids behind them")
    return dict(sorted({**pages, **more}.items()))
