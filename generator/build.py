"""The orchestrator: read → model → link → render, in that order, for everyone.

Both the CLI (`python -m generator`) and the MkDocs hook call `generate`; it
loads and checks everything first and only then renders, so indexes and
backlinks always see the whole dossier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .curated import load_not_entities
from .editor import editor_report
from .errors import Report
from .export import export
from .kb import load_kb
from .kbmodel import KnowledgeBase
from .link import Links, link_all
from .lookalike import find_lookalikes, with_lookalikes
from .model import Article
from .read import read_articles
from .render import render_pages
from .render_entities import Context, article_spans, article_tail, render_kb_pages

EXPORT = "dossier.json"


@dataclass(frozen=True)
class Dossier:
    """Everything one run produced."""

    articles: tuple[Article, ...]
    pages: dict[str, str]
    """Markdown by path under docs/."""
    report: Report
    """Notes for the editor (dropped lines, unknown names, …); errors have already been raised."""
    kb: KnowledgeBase = KnowledgeBase()
    links: Links = Links((), ())
    files: dict[str, str] = field(default_factory=dict)
    """Other generated files (the JSON export) by path in the built site."""


def generate(root: Path) -> Dossier:
    """Build every page from the seeds under `root`; raise InputError listing every problem."""
    report = Report()
    articles = read_articles(root, report)
    kb = load_kb(root, articles, report)
    not_entities = load_not_entities(root, {a.id for a in articles}, {a.id for a in kb.annotations}, report)
    report.raise_if_errors()
    links = link_all(articles, kb.entities)
    lookalikes = find_lookalikes(articles, kb.entities, links)
    if any(la.linked for la in lookalikes):  # link the new spellings too, and the short forms after them
        links = link_all(articles, with_lookalikes(kb.entities, lookalikes))
    editor_report(articles, kb, links, report, not_entities, lookalikes)
    ctx = Context({a.id: a for a in articles}, kb, links)
    spans = {a.id: article_spans(ctx, a) for a in articles}
    tails = {a.id: article_tail(ctx, a) for a in articles}
    pages = {**render_pages(articles, spans, tails), **render_kb_pages(ctx)}
    return Dossier(tuple(articles), dict(sorted(pages.items())), report, kb, links, {EXPORT: export(articles, kb, links)})
