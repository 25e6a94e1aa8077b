"""MkDocs hook for publishing: the offline edition must not reach outside itself.

Material's `offline` plugin (enabled by OFFLINE=true, see mkdocs.yml) appends
the iframe-worker shim, which lets the search worker run from file://, as a
CDN URL. This hook swaps that URL for a copy served from the site, taken at
setup time from the npm package `iframe-worker` (`make vendor` puts it in
vendor/; it is never committed).
"""

from __future__ import annotations

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
