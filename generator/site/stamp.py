"""A page outside the navigation: the theme rendered once per kind of page, each page's own parts filled in.

Material's base.html reads the page itself in five blocks (HOLES: its meta and
title, the header's title, the table of contents, the content) and, outside any
block, in the skip link (the first heading of its table of contents). The rest
of a page outside the navigation depends only on where its links lead, as the
cache of nav.html already relies on (generator/site/navcache.py). So the first
page of each kind (same relative links, same front matter but for its text
values, with or without a table of contents) is rendered with the five blocks
as placeholders, the skip link's target as one, and the page's title, content,
URL and text front matter as markers: the stamp, refused if a marker shows
outside the holes. Each page is then the stamp with its five blocks rendered by
Jinja, on the variables base.html had set when it reached each of them, and its
skip link. The first page of a kind is also rendered whole, and a kind whose
stamp does not give exactly that page is always rendered whole (with a
warning, which fails `--strict`). At thousands of pages this skips most of the
theme's work for each page: base.html's imports and includes, the cached
blocks' calls. DOSSIER_THEME_EVERY_PAGE=1 renders every page whole
(tests/test_navcache.py holds the site to Material's own templates).
"""

from __future__ import annotations

import copy
import logging
import os
import re
from collections.abc import Mapping
from typing import Any

import jinja2
from jinja2.runtime import Context
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .navcache import GLOBAL, SameLinks

log = logging.getLogger("mkdocs.plugins.dossier")
HOLES = ("site_meta", "htmltitle", "header", "site_nav", "container")
"""base.html's blocks that read the page (the content block is inside `container`)."""
SKIP = "skip"
KEYED = ("hide", "template")
"""Front matter whose value is part of the kind of page."""
_MARK = "\ue000{}\ue001"
_PART = re.compile(_MARK.format("([a-z_]+)"))
_SOURCE = '{% extends "main.html" %}' + "".join(f'{{% block {h} %}}{{{{ dossier_hole("{h}") }}}}{{% endblock %}}' for h in HOLES)
Key = tuple[str, str, tuple[str, ...], tuple[tuple[str, str], ...], bool]


def _front(meta: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The front matter as far as the kind of page goes: every key, and the value of those a stamp is made for
    and of any that is not text (a text value is a marker in the stamp, so it may only show in a hole)."""
    return tuple(sorted((k, repr(v) if k in KEYED or not isinstance(v, str) else "") for k, v in meta.items()))


class _Stamp:
    def __init__(self, parts: list[str], seen: dict[str, dict[str, Any]]) -> None:
        self.parts = parts
        """Text, then a hole's name, then text, …: what _PART.split made of the stamp."""
        self.seen = seen
        """Per hole, the template's own variables when base.html reached it."""


class Stamps:
    """Per kind of page, its stamp (None: that kind is rendered whole)."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.done: dict[Key, _Stamp | None] = {}
        self._seen: dict[str, dict[str, Any]] = {}
        self._template: jinja2.Template | None = None
        self._base: dict[str, Any] | None = None

    def render(self, main: jinja2.Template, context: dict[str, Any], whole: Any) -> str | None:
        """The page `context` describes, from its kind's stamp; None if it is not a page of that sort."""
        page, links = context.get("page"), self.env.globals.get(GLOBAL)
        if not isinstance(page, Page) or not isinstance(links, SameLinks) or page.file.src_uri in links.in_nav or page.is_homepage:
            return None
        meta = page.meta or {}
        base_url = str(context.get("base_url", ""))
        key = (main.name or "", base_url, links.links_of(page, base_url), _front(meta), bool(page.toc.items))
        if key in self.done:
            stamp = self.done[key]
            return None if stamp is None else self._fill(stamp, main, context)
        stamp = self._make(context)
        text = str(whole(context))
        if stamp is None or self._fill(stamp, main, context) != text:
            log.warning("theme stamp: %s did not come out as the theme renders it; its kind of page is rendered whole", page.file.src_uri)
            stamp = None
        else:
            log.debug("theme stamp: made from %s for the pages of its kind", page.file.src_uri)
        self.done[key] = stamp
        return text

    def _make(self, context: dict[str, Any]) -> _Stamp | None:
        """The stamp, or None if anything of the page shows outside the holes: it is rendered from a copy of the
        page whose title, content, URLs (canonical, absolute, edit) and text front matter are markers, which only
        holes may hold."""
        page = copy.copy(context["page"])
        page.title, page.content = _MARK.format("page_title"), _MARK.format("page_content")
        page.canonical_url = _MARK.format("page_url") if page.canonical_url else None
        page.abs_url = _MARK.format("page_url") if page.abs_url else None
        page.edit_url = _MARK.format("page_url") if page.edit_url else None
        page.meta = {k: _MARK.format("meta") if isinstance(v, str) and k not in KEYED else v for k, v in (page.meta or {}).items()}
        if page.toc.items:
            page.toc = TableOfContents([AnchorLink("", _MARK.format(SKIP), 1)])
        if self._template is None:
            self._template = self.env.from_string(_SOURCE, globals={"dossier_hole": self._hole})
        self._seen = {}
        parts = _PART.split(self._template.render({**context, "page": page}))
        if sorted(parts[1::2]) != sorted([*HOLES, *([SKIP] if page.toc.items else [])]) or any("\ue000" in p for p in parts[::2]):
            return None
        return _Stamp(parts, self._seen)

    @jinja2.pass_context
    def _hole(self, context: Context, name: str) -> str:
        self._seen[name] = dict(context.vars)
        return _MARK.format(name)

    def _fill(self, stamp: _Stamp, main: jinja2.Template, context: dict[str, Any]) -> str:
        """The stamp with this page's holes, each block run as base.html would run it."""
        ctx = main.new_context(dict(context))
        if self._base is None:
            self._base = self.env.get_template("base.html").blocks
        for name, block in self._base.items():  # what main.html's `{% extends "base.html" %}` does
            ctx.blocks.setdefault(name, []).append(block)
        out = list(stamp.parts)
        for i in range(1, len(out), 2):
            name = out[i]
            if name == SKIP:
                out[i] = context["page"].toc.items[0].id
            else:
                ctx.vars.clear()
                ctx.vars.update(stamp.seen[name])
                out[i] = self.env.concat(ctx.blocks[name][0](ctx))
        return "".join(out)


def install(env: jinja2.Environment) -> None:
    """Render main.html from stamps in `env` (after the nav cache is in its globals)."""
    if os.environ.get("DOSSIER_THEME_EVERY_PAGE"):
        return
    stamps = Stamps(env)

    class Stamped(env.template_class):  # type: ignore[name-defined,misc]
        def render(self, *args: Any, **kwargs: Any) -> str:
            if self.name == "main.html" and len(args) == 1 and not kwargs and isinstance(args[0], dict):
                done = stamps.render(self, args[0], super().render)
                if done is not None:
                    return done
            return str(super().render(*args, **kwargs))

    env.template_class = Stamped
    env.cache.clear() if env.cache is not None else None
