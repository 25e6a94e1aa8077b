"""The orchestrator: read → knowledge base → link → index → render, in that order, for everyone.

Both the CLI (`python -m generator`) and the MkDocs hook call `generate`; it
loads, checks and links everything into one `DossierIndex` first and only then
renders, so indexes and backlinks always see the whole dossier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .background import Background
from .editor import editor_report
from .errors import Report
from .export import export_files
from .incremental import Memo
from .index import DossierIndex
from .kb.curated import load_not_entities
from .kb.load import load_kb
from .kb.schema import Entity
from .link.lookalike import LookAlike, find_lookalikes, with_lookalikes
from .link.names import Ambiguity, Links, Mention, link_all
from .model import Article
from .read import read_seeds
from .render import render_all
from .render.html import Urls


@dataclass(frozen=True)
class Dossier:
    """Everything one run produced."""

    index: DossierIndex
    pages: dict[str, str]
    """Markdown by path under docs/."""
    report: Report
    """Notes for the editor (dropped lines, unknown names, …); errors have already been raised."""
    files: dict[str, str] = field(default_factory=dict)
    """Other generated files (dossier.json, export/<id>.json) by path in the built site."""


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


def generate(root: Path, directory_urls: bool = True, memo: Memo | None = None, parallel: bool = False) -> Dossier:
    """Build every page from the seeds under `root`; raise InputError listing every problem.

    `directory_urls`: the site's URL style (people/x/ or people/x.html), which links are written for.
    `memo`: what the last run of this process did (`mkdocs serve`), so only what changed is done again.
    `parallel`: the editor's report on the second core while the pages are rendered (one-shot builds only:
    a forked child of `mkdocs serve`'s threaded process could inherit a held lock).
    """
    report = Report()
    articles, unread = read_seeds(root, report, memo.parsed if memo else None)
    kb = load_kb(root, articles, report, unread)
    not_entities = load_not_entities(root, {a.id for a in articles}, {a.id for a in kb.annotations}, report)
    report.raise_if_errors()
    if memo:
        links = memo.link_all(articles, kb.entities)
        lookalikes = memo.find_lookalikes(articles, kb.entities, links)
    else:
        links, lookalikes = _link(articles, kb.entities, parallel)
    if any(la.linked for la in lookalikes):  # link the new spellings too, and the short forms after them
        links = (memo.link_all if memo else link_all)(articles, with_lookalikes(kb.entities, lookalikes))
    index = DossierIndex.build(articles, kb, links)
    finder = memo.name_finder(articles) if memo else None

    def notes() -> Report:
        found = Report()
        editor_report(index, found, not_entities, lookalikes, finder)
        return found

    if parallel and memo is None:  # the report and the export on the second core while the pages are rendered
        other = Background(lambda: (notes(), export_files(index)))
        pages = render_all(index, Urls(directory_urls))
        found, files = other.result()
    else:
        pages = memo.render(index, Urls(directory_urls)) if memo else render_all(index, Urls(directory_urls))
        files = memo.export_files(index) if memo else export_files(index)
        found = notes()
    report.extend(found)
    return Dossier(index, pages, report, files)
