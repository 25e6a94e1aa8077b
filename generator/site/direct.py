"""Generated pages converted without Python-Markdown, where it would only copy them.

After fragments.split a generated page is, nearly always, ATX headings and
placeholder paragraphs. For such a page `Converter.convert` writes what
Python-Markdown and MkDocs would: each heading with the toc extension's id
(same slugify, same de-duplication) and permalink, the table of contents, the
title, the anchor ids. Any other block, a heading whose text holds anything but
plain text, entities and <bdi>, or a Markdown configuration it does not know
sends the page to Python-Markdown as before. Creating a Markdown instance and
running it over a page cost more than the templates at thousands of pages.
tests/test_direct.py holds both to the same output on every generated page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import TocExtension, nest_toc_tokens, unique  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta

from .fragments import PLACEHOLDER, STAMP

_PLACEHOLDER = re.compile(PLACEHOLDER.format(r"\d+"))
_STAMP = re.compile(STAMP.format("[0-9a-f]+"))
_HEADING = re.compile(r"(#{1,6}) ((?:[^\\`*_\[\]!<>&{}#\n]|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);|</?bdi>)+)")
_TAG = re.compile(r"</?bdi>")
# The front matter render/markdown.py writes for most pages: a title alone, as JSON, which here is read as
# JSON (a YAML parser took a tenth of a second at 2,000 articles). Only where JSON and YAML read the same:
# no character YAML refuses or takes for a line break (\x85, \u2028, \u2029) and no escaped surrogate;
# anything else goes to YAML as before (tests/test_properties.py holds both to the same result).
_TITLE_ONLY = re.compile(
    r'---\ntitle: ("(?:[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]|\\["\\/bfnrt]|\\u(?![dD][89a-fA-F])[0-9a-fA-F]{4})*")\n---\n'
)
# Extensions that change nothing in headings (without `{: }`) and one-word paragraphs.
_INERT = frozenset({"toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition"})
# The toc settings the converter writes as Python-Markdown would; any other must keep its default.
_TOC_HANDLED = frozenset({"permalink", "permalink_class", "permalink_title", "slugify", "separator"})


@dataclass(frozen=True)
class Converted:
    content: str
    toc: list[Any]
    """Python-Markdown's nested toc tokens (MkDocs' `get_toc` reads them)."""
    title: str | None
    """The first element's text when it is an h1 (MkDocs' title from the page)."""
    anchors: set[str]


class Converter:
    """The site's Markdown settings, read once; `convert` does a page or says it cannot (None)."""

    def __init__(self, config: MkDocsConfig) -> None:
        names = config.markdown_extensions
        self.enabled = all(isinstance(n, str) and n.removeprefix("markdown.extensions.") in _INERT for n in names)
        defaults = TocExtension().getConfigs()
        toc = {**defaults, **(config.mdx_configs.get("toc") or {})}
        if any(toc[k] != v for k, v in defaults.items() if k not in _TOC_HANDLED) or toc["permalink"] in (False, None, ""):
            self.enabled = False
        self.slugify: Callable[[str, str], str] = toc["slugify"]
        self.separator: str = toc["separator"]
        mark = "&para;" if toc["permalink"] is True else html.escape(str(toc["permalink"]), quote=False)
        title = f' title="{html.escape(toc["permalink_title"])}"' if toc["permalink_title"] else ""
        self.permalink = f'<a class="{html.escape(toc["permalink_class"])}" href="#{{}}"{title}>{mark}</a>'

    def convert(self, markdown: str) -> Converted | None:
        """The page as Python-Markdown would convert it, or None if it holds anything but headings and placeholders."""
        if not self.enabled:
            return None
        out: list[str] = []
        tokens: list[dict[str, Any]] = []
        ids: set[str] = set()
        counters: dict[str, int] = {}
        title: str | None = None
        for block in (b.strip("\n") for b in markdown.split("\n\n")):
            if not block:
                continue
            if _PLACEHOLDER.fullmatch(block):
                out.append(f"<p>{block}</p>")
            elif _STAMP.fullmatch(block):
                out.append(block)
            elif (m := _HEADING.fullmatch(block)) and m.group(2) == m.group(2).strip():
                level, inner = len(m.group(1)), m.group(2)
                name = " ".join(_TAG.sub("", inner).split())
                anchor = unique(self.slugify(html.unescape(name), self.separator), ids, counters)
                tokens.append({"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""})
                out.append(f'<h{level} id="{anchor}">{inner}{self.permalink.format(anchor)}</h{level}>')
                if not out[:-1] and level == 1:
                    title = name
            else:
                return None
        return Converted("\n".join(out), nest_toc_tokens(tokens), title, set(ids))


class GeneratedPage(Page):
    """A generated page outside the navigation: converted by `converter` where it can be.

    `deferred` (generator/site/parallel.py): another process builds this page, so here it is
    read and converted as empty."""

    converter: Converter | None = None
    deferred = False

    def read_source(self, config: MkDocsConfig) -> None:
        if self.deferred:
            self.markdown, self.meta = "", {}
            return None
        source = config.plugins.on_page_read_source(page=self, config=config)
        self.markdown, self.meta = front_matter(self.file.content_string if source is None else source)
        return None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.deferred:
            self.content, self.toc = "", get_toc([])
            return None
        assert self.markdown is not None
        done = self.converter.convert(self.markdown) if self.converter else None
        if done is None:
            return super().render(config, files)
        self.content, self.toc = done.content, get_toc(done.toc)
        self._title_from_render = done.title
        self.present_anchor_ids = done.anchors
        self.links_to_anchors = {}
        return None


def front_matter(source: str) -> tuple[str, dict[str, Any]]:
    """(Markdown, front matter) as MkDocs' meta.get_data reads them: a title alone read as JSON."""
    if (m := _TITLE_ONLY.match(source)) is not None:
        return source[m.end() :].lstrip("\n"), {"title": json.loads(m.group(1))}
    return meta.get_data(source)
