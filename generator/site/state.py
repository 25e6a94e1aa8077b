"""What the MkDocs hook remembers across rebuilds of one `mkdocs serve` process.

MkDocs loads the hook file afresh for every rebuild, so its own globals are
lost; this module is imported normally and stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..background import Background
from ..errors import InputError
from ..incremental import Memo
from .navcache import SameLinks
from .parallel import Child

if TYPE_CHECKING:  # serve only: `mkdocs build` does not load watchdog (a hundredth of a build at 500 articles)
    from watchdog.observers.api import BaseObserver

command: str = ""
"""'build', 'gh-deploy' or 'serve', from on_startup (`mkdocs serve --clean` says 'build')."""
serving: bool = False
"""This process serves the site (on_serve ran; `mkdocs serve --clean` too): builds again, in a threaded process."""
problems: InputError | None = None
"""The seeds' problems when the last rebuild could not generate the dossier (serve only)."""
generated: set[str] = set()
"""The generated pages, by their paths under docs/ (while the seeds are broken: the last good rebuild's)."""
problem_copies: set[str] = set()
"""serve, seeds broken: the generated pages (paths under docs/) whose built file shows the problems instead."""
problems_html: str = ""
"""serve, seeds broken: the problem page those files were written from."""
fragments: dict[str, list[str]] = {}
"""Per generated page (by its path under docs/): the raw HTML blocks its Markdown holds placeholders for
(serve: split in on_files; build: as each page is read, in the process that builds it)."""
memo: Memo = Memo()
"""What the last rebuild did (serve only): links, names and pages are redone only where an edit reaches."""
split: dict[str, tuple[str, str, list[str]]] = {}
"""Per generated page (serve only): its last Markdown, and the skeleton and blocks `fragments.split` made of it."""
templates: dict[str, bytes] = {}
"""Jinja's compiled templates by cache key (serve only): MkDocs builds a new environment for each rebuild."""
written: dict[str, dict[str, str]] = {}
"""Per serve folder (build/serve-pages, build/serve-files): what this process last wrote there."""
child: Child | None = None
"""`mkdocs build`: the forked process building a share of the generated pages (generator/site/parallel.py)."""
nav: Navigation | None = None
"""The site's navigation, from on_nav (on_env is not given it)."""
same_links: SameLinks | None = None
"""The theme's cache of what pages outside the navigation share (generator/site/navcache.py), from on_env."""
lit: Page | None = None
"""The section whose tab the page being rendered lights (hook.on_page_context), until on_post_page."""
theirs: list[File] = []
"""`mkdocs build`: the pages the second process converts and builds, chosen at on_nav."""
search: Background[dict[str, str]] | None = None
"""`mkdocs build`: the search index being made on the second core, from on_files to on_env."""
export: Background[None] | None = None
"""`mkdocs build`: the process making and writing the export, from on_files to on_post_build."""
observer: BaseObserver | None = None
"""serve: MkDocs' own observer of docs/ and mkdocs.yml, started by the hook (see hook.on_serve)."""
