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
from generator.errors import InputError  # noqa: E402
from generator.site.searchsite import install as install_search  # noqa: E402

log = logging.getLogger("mkdocs.plugins.dossier")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).resolve().parent
    try:
        dossier = generate(root)
    except InputError as exc:
        raise PluginError(str(exc)) from None
    for note in dossier.report.notes:
        log.info(str(note))
    for path, content in dossier.pages.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would be overwritten by a generated page; remove or rename it")
        files.append(File.generated(config, path, content=content))
    for path, content in dossier.files.items():  # the JSON export: copied as is, not a page
        files.append(File.generated(config, path, content=content))
    log.info("dossier: %d articles, %d generated pages", len(dossier.articles), len(dossier.pages))
    install_search(dossier, files, config)
    return files
