"""The orchestrator: read → model → link → render, in that order, for everyone.

Both the CLI (`python -m generator`) and the MkDocs hook call `generate`; it
loads and checks everything first and only then renders, so indexes and
backlinks always see the whole dossier.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Report
from .model import Article
from .read import read_articles
from .render import render_pages


@dataclass(frozen=True)
class Dossier:
    """Everything one run produced."""

    articles: tuple[Article, ...]
    pages: dict[str, str]
    """Markdown by path under docs/."""
    report: Report
    """Notes for the editor (dropped lines, …); errors have already been raised."""


def generate(root: Path) -> Dossier:
    """Build every page from the seeds under `root`; raise InputError listing every problem."""
    report = Report()
    articles = read_articles(root, report)
    report.raise_if_errors()
    return Dossier(tuple(articles), render_pages(articles), report)
