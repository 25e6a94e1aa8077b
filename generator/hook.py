"""MkDocs hook: `mkdocs build` and `mkdocs serve` regenerate the dossier from seeds/.

The pages are added as virtual files, so nothing is written into docs/ and a
rebuild never triggers another one. seeds/ and generator/ are in mkdocs.yml's
`watch` list, so editing a seed reloads `mkdocs serve`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.build import generate  # noqa: E402
from generator.editor import summary  # noqa: E402
from generator.errors import InputError  # noqa: E402
from generator.search import WORKER_PATH, worker_script  # noqa: E402

log = logging.getLogger("mkdocs.plugins.dossier")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).resolve().parent
    try:
        dossier = generate(root)
    except InputError as exc:
        raise PluginError(str(exc)) from None
    for note in dossier.report.notes:  # one summary line below; every note with `mkdocs serve -v` or `make check`
        log.debug(str(note))
    for path, content in dossier.pages.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would be overwritten by a generated page; remove or rename it")
        files.append(File.generated(config, path, content=content))
    for path, content in dossier.files.items():  # the JSON export: copied as is, not a page
        files.append(File.generated(config, path, content=content))
    log.info("dossier: %d articles, %d generated pages; editor's report: %s", len(dossier.articles), len(dossier.pages), summary(dossier.report))
    _arabic_search(files, config)
    return files


def _arabic_search(files: Files, config: MkDocsConfig) -> None:
    """Serve generator/arabic.js where Material's search worker loads lunr.ar (see generator/search.py)."""
    search = config.plugins.get("material/search")
    if search is None or "ar" not in (search.config.lang or []):
        log.warning("mkdocs.yml: the search plugin needs `lang: ar`, or the Arabic search script is never loaded")
    theme_file = files.get_file_from_path(WORKER_PATH)
    if theme_file is None:
        raise PluginError(f"the theme has no {WORKER_PATH}; Material's search worker changed, see generator/search.py")
    files.remove(theme_file)
    files.append(File.generated(config, WORKER_PATH, content=worker_script()))
