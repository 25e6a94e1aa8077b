"""A page outside the navigation: the theme rendered once per kind of page, each page's own parts filled in.

Material's base.html reads the page itself in five blocks (HOLES: its meta and
title, the header's title, the table of contents, the content) and, outside any
block, in the skip link (the first heading of its table of contents). The rest
of a page outside the navigation depends only on where its links lead and on
the section whose tab it lights, as the cache of nav.html already relies on
(generator/site/navcache.py). So the first page of each kind (same relative
links and section, same front matter but for its text
values, with or without a table of contents and each URL) is rendered with the
five blocks as placeholders, the skip link's target as one, and the page's
title, content, URLs and text front matter as markers, the nav cache bypassed:
the stamp, refused (its kind rendered whole, said once) if a marker shows
outside the holes. Each page is then the stamp with its five blocks rendered by
Jinja, on the variables and block chains main.html's rendering had when it
reached each of them, and its skip link. The first CHECKED pages of a kind are
also rendered whole and compared: a difference (a value that is no marker, like
the page's URL, shown outside the holes) drops the stamp with a warning, which
fails `--strict`. What the check cannot see is a condition outside the holes on
a page value that shows nothing. At thousands of pages this skips most of the
theme's work for each page: base.html's imports and includes, the cached
blocks' calls. The hole that holds the table of contents (TOC_HOLE) is, besides,
rendered once per table of contents of a stamp's pages: it reads the page only
there, and many pages of a kind have the same headings under their title. Its key
leaves out the title's own heading (Material shows its subheadings only), so the
first page of each key also renders the hole with that heading's text and id as
markers: if the two differ, pages with that key always render the hole.
DOSSIER_THEME_EVERY_PAGE=1 renders every page whole (tests/test_navcache.py
holds the site to Material's own templates).
"""

from __future__ import annotations

import copy
import logging
import os
import re
from collections.abc import Callable, Mapping
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
TOC_HOLE = "site_nav"
"""The hole that holds the table of contents (with the navigation, the same for a stamp's pages)."""
KEYED = ("hide", "template")
"""Front matter whose value is part of the kind of page."""
_MARK = "\ue000{}\ue001"
_PART = re.compile(_MARK.format("([a-z_]+)"))
_SOURCE = '{% extends "main.html" %}' + "".join(f'{{% block {h} %}}{{{{ dossier_hole("{h}") }}}}{{% endblock %}}' for h in HOLES)
Key = tuple[str, str, tuple[str, ...], str, tuple[tuple[str, str], ...], bool, tuple[bool, bool, bool]]


def _front(meta: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The front matter as far as the kind of page goes: every key, and the value of those a stamp is made for
    and of any that is not text (a text value is a marker in the stamp, so it may only show in a hole)."""
    return tuple(sorted((k, repr(v) if k in KEYED or not isinstance(v, str) else "") for k, v in meta.items()))


class _Stamp:
    def __init__(self, parts: list[str], seen: dict[str, dict[str, Any]], blocks: dict[str, list[Any]]) -> None:
        self.parts = parts
        """Text, then a hole's name, then text, …: what _PART.split made of the stamp."""
        self.seen = seen
        """Per hole, the template's own variables when base.html reached it."""
        self.blocks = blocks
        """Every block's chain as main.html's rendering builds it (what `super()` and `self` reach)."""
        self.checked = 0
        """Pages of its kind also rendered whole and found the same."""
        self.tocs: dict[tuple[Any, ...], str | None] = {}
        """TOC_HOLE as rendered, per key of a table of contents (_toc_key); None: render it for each page."""


CHECKED = 2
"""The first pages of each kind also rendered whole, to compare."""


class Stamps:
    """Per kind of page, its stamp (None: that kind is rendered whole)."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.done: dict[Key, _Stamp | None] = {}
        self._seen: dict[str, dict[str, Any]] = {}
        self._blocks: dict[str, list[Any]] = {}
        self._template: jinja2.Template | None = None

    def render(self, main: jinja2.Template, context: dict[str, Any], whole: Callable[[dict[str, Any]], str]) -> str | None:
        """The page `context` describes, from its kind's stamp; None if it is not a page of that sort."""
        page, links = context.get("page"), self.env.globals.get(GLOBAL)
        if not isinstance(page, Page) or not isinstance(links, SameLinks) or page.file.src_uri in links.in_nav or page.is_homepage:
            return None
        base_url = str(context.get("base_url", ""))
        urls = (page.canonical_url is None, page.abs_url is None, page.edit_url is None)
        section = links.section_of(page)  # the tab it lights (hook.on_page_context)
        key = (
            main.name or "",
            base_url,
            links.links_of(page, base_url),
            section.file.src_uri if section else "",
            _front(page.meta or {}),
            bool(page.toc.items),
            urls,
        )
        if key not in self.done:
            self.done[key] = self._make(context, links)
        stamp = self.done[key]
        if stamp is None:
            return None
        if stamp.checked >= CHECKED:
            return self._fill(stamp, main, context)
        text = whole(context)
        if self._fill(stamp, main, context) != text:
            log.warning("theme stamp: %s did not come out as the theme renders it; its kind of page is rendered whole", page.file.src_uri)
            self.done[key] = None
        elif stamp.checked == 0:
            log.debug("theme stamp: made from %s for the pages of its kind", page.file.src_uri)
        stamp.checked += 1
        return text

    def _make(self, context: dict[str, Any], links: SameLinks) -> _Stamp | None:
        """The stamp, or None if anything of the page shows outside the holes: it is rendered from a copy of the
        page whose title, content, URLs (canonical, absolute, edit) and text front matter are markers, which only
        holes may hold; the nav cache is bypassed meanwhile, so a marker never enters it."""
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
        self._seen, self._blocks = {}, {}
        self.env.globals[GLOBAL] = _rendered
        try:
            parts = _PART.split(self._template.render({**context, "page": page}))
        except Exception as exc:  # a template that cannot take a marker (a date filter on the front matter, …)
            log.info("theme stamp: none for the pages like %s (%s); they are rendered whole", page.file.src_uri, exc)
            return None
        finally:
            self.env.globals[GLOBAL] = links
        if sorted(parts[1::2]) != sorted([*HOLES, *([SKIP] if page.toc.items else [])]) or any("\ue000" in p for p in parts[::2]):
            log.info("theme stamp: none for the pages like %s (the theme shows the page outside its blocks); they are rendered whole", page.file.src_uri)
            return None
        return _Stamp(parts, self._seen, self._blocks)

    @jinja2.pass_context
    def _hole(self, context: Context, name: str) -> str:
        self._seen[name] = dict(context.vars)
        if not self._blocks:  # each chain without the stamp's own hole blocks: as main.html's own rendering has it
            self._blocks = {n: chain[1:] if n in HOLES else list(chain) for n, chain in context.blocks.items()}
        return _MARK.format(name)

    def _fill(self, stamp: _Stamp, main: jinja2.Template, context: dict[str, Any]) -> str:
        """The stamp with this page's holes, each block run as main.html's rendering would run it."""
        ctx = main.new_context(dict(context))
        ctx.blocks = stamp.blocks  # only read while blocks render
        out = list(stamp.parts)
        for i in range(1, len(out), 2):
            name = out[i]
            if name == SKIP:
                out[i] = context["page"].toc.items[0].id
            elif name == TOC_HOLE:
                out[i] = self._toc_hole(stamp, main, context, ctx)
            else:
                out[i] = self._run(stamp, name, ctx)
        return "".join(out)

    def _run(self, stamp: _Stamp, name: str, ctx: Context) -> str:
        ctx.vars.clear()
        ctx.vars.update(stamp.seen[name])
        return str(self.env.concat(ctx.blocks[name][0](ctx)))

    def _toc_hole(self, stamp: _Stamp, main: jinja2.Template, context: dict[str, Any], ctx: Context) -> str:
        """TOC_HOLE for this page: as rendered for the stamp's first page with the same table of contents, where
        that page's title heading did not show in it."""
        page = context["page"]
        key = _toc_key(page.toc)
        if key in stamp.tocs:
            done = stamp.tocs[key]
            return done if done is not None else self._run(stamp, TOC_HOLE, ctx)
        text = self._run(stamp, TOC_HOLE, ctx)
        first = page.toc.items[0] if key else None
        if first is None or first.level != 1:  # the key holds every entry whole
            stamp.tocs[key] = text
            return text
        marked = copy.copy(page)
        heading = AnchorLink(_MARK.format("heading"), _MARK.format("heading"), first.level)
        heading.children = first.children
        marked.toc = TableOfContents([heading, *page.toc.items[1:]])
        probe = main.new_context(dict(context, page=marked))
        probe.blocks = stamp.blocks
        stamp.tocs[key] = text if self._run(stamp, TOC_HOLE, probe) == text else None
        return text


def _toc_key(toc: TableOfContents) -> tuple[Any, ...]:
    """A table of contents as far as TOC_HOLE may show it: every entry with all it holds, but for the text and
    id (and what a plugin added) of a first heading of level 1, the page's title; () for none."""
    items = list(toc)
    if not items:
        return ()
    first, rest = items[0], items[1:]
    head = (first.level, tuple(_entry(c) for c in first.children)) if first.level == 1 else _entry(first)
    return (head, *(_entry(i) for i in rest))


def _entry(item: AnchorLink) -> tuple[Any, ...]:
    return (tuple(sorted((k, repr(v)) for k, v in vars(item).items() if k != "children")), tuple(_entry(c) for c in item.children))


def _rendered(name: str, page: Any, base_url: str, caller: Callable[[], str]) -> str:
    """The nav cache's stand-in while a stamp is made: every part rendered."""
    return caller()


def install(env: jinja2.Environment) -> None:
    """Render main.html from stamps in `env` (after the nav cache is in its globals)."""
    if os.environ.get("DOSSIER_THEME_EVERY_PAGE"):
        return
    stamps = Stamps(env)

    class Stamped(env.template_class):  # type: ignore[name-defined,misc]
        def render(self, *args: Any, **kwargs: Any) -> str:
            if self.name == "main.html" and len(args) == 1 and not kwargs and isinstance(args[0], dict):
                done = stamps.render(self, args[0], lambda context: str(super(Stamped, self).render(context)))
                if done is not None:
                    return done
            return str(super().render(*args, **kwargs))

    env.template_class = Stamped
    if env.cache is not None:  # a template loaded before now is of the old class
        env.cache.clear()
