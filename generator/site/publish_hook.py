"""MkDocs hook for publishing: the offline edition must not reach outside itself.

Material's `offline` plugin (enabled by OFFLINE=true, see mkdocs.yml) appends
the iframe-worker shim, which lets the search worker run from file://, as a
CDN URL. This hook swaps that URL for a copy served from the site, taken at
setup time from the npm package `iframe-worker` (`make vendor` puts it in
vendor/; it is never committed).

It also leaves out of the offline edition what a reader's browser never loads from it: source
maps, the search files of languages the site does not search in, the JSON copy of the search
index (offline, the worker reads the same index from search_index.js) and the sitemaps.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGE = ROOT / "vendor" / "iframe-worker"
SHIM_SOURCE = PACKAGE / "shim" / "index.js"
SHIM_URL = "assets/javascripts/iframe-worker/shim.js"  # relative: the theme makes it page-relative
LICENSE_URL = "assets/javascripts/iframe-worker/LICENSE"  # MIT: its notice travels with the copy
LUNR = "assets/javascripts/lunr"
# The JSON twin of search_index.js, and the sitemaps (for crawlers of a site with a URL; this one has none).
UNUSED_OFFLINE = {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"}
SOURCE_MAP_COMMENT = re.compile(rb"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^*]*\*/)\s*$")


def _needs_shim(config: MkDocsConfig) -> bool:
    return any("iframe-worker" in str(script) for script in config.extra.get("polyfills", []))


@event_priority(-100)  # after Material's offline plugin has added its CDN URL
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _needs_shim(config):
        config.extra["polyfills"] = [SHIM_URL if "iframe-worker" in str(script) else script for script in config.extra["polyfills"]]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not _needs_shim(config):
        return files
    if not SHIM_SOURCE.is_file():
        raise PluginError(
            f"{SHIM_SOURCE.relative_to(ROOT)} is missing: the offline edition serves the iframe-worker "
            "shim itself (fix: run `make vendor`, which takes it from the npm package)"
        )
    files.append(File.generated(config, SHIM_URL, abs_src_path=str(SHIM_SOURCE)))
    files.append(File.generated(config, LICENSE_URL, abs_src_path=str(PACKAGE / "LICENSE")))
    return files


def _search_scripts(config: MkDocsConfig) -> set[str]:
    """The lunr files Material's search worker loads for the site's languages (see its worker's setupSearchLanguages)."""
    search = config.plugins.get("material/search")
    langs = [lang for lang in (search.config.lang if search else None) or ["en"] if lang != "en"]
    scripts = {f"{LUNR}/min/lunr.{lang}.min.js" for lang in langs}
    if langs:
        scripts.add(f"{LUNR}/min/lunr.stemmer.support.min.js")
    if len(langs) > 1 or (langs and "en" in (search.config.lang if search else [])):
        scripts.add(f"{LUNR}/min/lunr.multi.min.js")
    if "ja" in langs:
        scripts.add(f"{LUNR}/tinyseg.js")
    if "th" in langs:
        scripts.add(f"{LUNR}/wordcut.js")
    return scripts


def lean(site: Path, search_scripts: set[str]) -> list[str]:
    """Remove from a built offline edition what its pages never load; return what was removed (sorted)."""
    removed = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        unused_lunr = name.startswith(f"{LUNR}/") and name not in search_scripts
        if name.endswith(".map") or unused_lunr or name in UNUSED_OFFLINE:
            path.unlink()
            removed.append(name)
        elif name.startswith("assets/") and name.endswith((".js", ".css")):
            data = path.read_bytes()
            stripped = SOURCE_MAP_COMMENT.sub(b"\n", data)  # no pointer to a map that is not there
            if stripped != data:
                path.write_bytes(stripped)
    for folder in sorted((p for p in site.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return removed


@event_priority(-110)  # after Material's offline plugin has written search_index.js from the JSON (-100)
def on_post_build(config: MkDocsConfig) -> None:
    if _needs_shim(config):
        site = Path(config.site_dir)
        if not (site / "search" / "search_index.js").is_file():
            raise PluginError("the offline edition has no search/search_index.js: Material's offline plugin changed, see generator/site/publish_hook.py")
        lean(site, _search_scripts(config))
