"""MkDocs hook: links to pages written inside raw HTML (the graph's SVG) resolved like Markdown links.

MkDocs turns `[name](../people/x.md)` into the page's URL in either URL style
(`../people/x/` online, `../people/x.html` offline), but leaves raw HTML alone.
The graph must be raw HTML (an SVG), so its `<a href="../people/x.md">` are
resolved here, after rendering, the same way; a link to no page fails the build.
"""

from __future__ import annotations

import logging
import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.dossier")
# A relative link to a Markdown file: no scheme, not absolute, not a bare anchor.
MD_HREF = re.compile(r'href="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^"#?]+\.md)(#[^"]*)?"')


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    here = posixpath.dirname(page.file.src_uri)

    def resolve(m: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(here, m.group(1)))
        found = files.get_file_from_path(target)
        if found is None:
            raise PluginError(f"{page.file.src_uri}: a link in raw HTML points to {m.group(1)}, which is no page of the site")
        return f'href="{found.url_relative_to(page.file)}{m.group(2) or ""}"'

    return MD_HREF.sub(resolve, html)
