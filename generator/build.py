"""The orchestrator: read → knowledge base → link → index → render, in that order, for everyone.

Both the CLI (`python -m generator`) and the MkDocs hook call `generate`; it
loads, checks and links everything into one `DossierIndex` first and only then
renders, so indexes and backlinks always see the whole dossier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .editor import editor_report
from .errors import Report
from .export import export
from .index import DossierIndex
from .kb.load import load_kb
from .link.names import link_all
from .read import read_seeds
from .render import render_all

EXPORT = "dossier.json"


@dataclass(frozen=True)
class Dossier:
    """Everything one run produced."""

    index: DossierIndex
    pages: dict[str, str]
    """Markdown by path under docs/."""
    report: Report
    """Notes for the editor (dropped lines, unknown names, …); errors have already been raised."""
    files: dict[str, str] = field(default_factory=dict)
    """Other generated files (the JSON export) by path in the built site."""


def generate(root: Path) -> Dossier:
    """Build every page from the seeds under `root`; raise InputError listing every problem."""
    report = Report()
    articles, unread = read_seeds(root, report)
    kb = load_kb(root, articles, report, unread)
    report.raise_if_errors()
    index = DossierIndex.build(articles, kb, link_all(articles, kb.entities))
    editor_report(index, report)
    return Dossier(index, render_all(index), report, {EXPORT: export(index)})
