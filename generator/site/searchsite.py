"""MkDocs side of the search: Material's search interface over the generator's own index.

Material's search plugin stays enabled for its box, result list and translations, but
reads no page: its index is swapped for one that writes only the configuration, so
``search/search_index.json`` (and the offline edition's ``search_index.js``) is a few
hundred bytes. The index itself (generator/site/searchindex.py) is written from the
model, and the worker that reads it (arabic.js + searchworker.js) is served where
Material's page script starts its search worker.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..index import DossierIndex
from .search import worker_script as arabic_script
from .searchdocs import documents, markdown_document
from .searchindex import SEPARATOR, Document, build_index

WORKER_SOURCE = Path(__file__).with_name("searchworker.js")
# Material's page script starts its worker from this theme file (the name carries a hash).
WORKER_RE = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
ROOT_PLACEHOLDER = '/*ROOT*/ "../../../search/"'


class ConfigOnlyIndex:
    """Stands in for Material's SearchIndex: keeps no page, writes only the configuration.

    The page script reads `config.separator` to highlight a result's words (?h=) on the
    page it opens, and posts the (empty) `docs` to the worker, which ignores them.
    """

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.entries: list[dict[str, Any]] = []

    def add_entry_from_context(self, page: object) -> None:
        """Material calls this for every page; the index is written from the model instead."""

    def generate_search_index(self, prev: object) -> str:
        config = {"lang": self.config["lang"], "separator": SEPARATOR, "pipeline": [], "fields": self.config["fields"]}
        return json.dumps({"config": config, "docs": []}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def worker_source() -> str:
    """searchworker.js, checked (read where a problem stops the build at once, not in the index's worker)."""
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    if source.count(ROOT_PLACEHOLDER) != 1:
        raise RuntimeError(f"{WORKER_SOURCE}: expected one {ROOT_PLACEHOLDER!r}")
    return source


def worker_script(worker_path: str, source: str | None = None) -> str:
    """arabic.js (the one Arabic folding, tables from arabic.py), then the search worker (`source`: read already)."""
    source = source if source is not None else worker_source()
    root = "../" * worker_path.count("/") + "search/"
    # UTF-8 with a byte order mark: read as UTF-8 by a worker and by a <script> under the shim alike.
    return "\ufeff" + arabic_script() + "\n" + source.replace(ROOT_PLACEHOLDER, json.dumps(root))


Search = Callable[[DossierIndex | None, Mapping[str, str]], dict[str, str]]
"""The work that makes the search index's files: from the index and the generated pages (see `install`)."""


def install(files: Files, config: MkDocsConfig) -> Search:
    """Swap Material's index and worker for the dossier's, before the generated pages join `files`; return the
    work that makes the index files and the worker from the dossier's index and pages (`add` them: `mkdocs build`
    does that work on the second core while the pages are rendered and converted)."""
    plugin = config.plugins.get("material/search")
    if plugin is None:
        raise PluginError("mkdocs.yml: the dossier's search needs Material's `search` plugin (for its search box)")
    plugin.search_index = ConfigOnlyIndex(dict(plugin.config))
    theme_worker = next((f for f in files if WORKER_RE.fullmatch(f.src_uri)), None)
    if theme_worker is None:
        raise PluginError("the theme has no assets/javascripts/workers/search.*.min.js; Material's search changed, see generator/site/searchsite.py")
    files.remove(theme_worker)  # ours is one of the index's files
    source = worker_source()

    def index(dossier: DossierIndex | None, pages: Mapping[str, str]) -> dict[str, str]:
        """The files, from what `files` holds now. Without an index (`mkdocs serve` while the seeds are broken) only
        the hand-written pages are searched; `pages` (generated) may lack the entity pages (searchdocs.documents)."""
        listed = files.documentation_pages()
        written = [markdown_document(f.src_uri, f.content_string) for f in listed if f.src_uri not in pages and f.abs_src_path]
        urls = {f.src_uri: f.url for f in listed}

        def url(page: str) -> str:  # "": the home page, as Material's own index names it
            found = urls.get(page) or File(page, None, config.site_dir, config.use_directory_urls).url  # a page to come
            return "" if found == "./" else found

        docs: list[Document] = documents(dossier, pages) if dossier else []
        return {theme_worker.src_uri: worker_script(theme_worker.src_uri, source), **build_index(docs + written, url)}

    return index


def add(index: dict[str, str], files: Files, config: MkDocsConfig) -> None:
    """The index files, as generated files of the site."""
    for path, content in index.items():
        files.append(File.generated(config, path, content=content))
