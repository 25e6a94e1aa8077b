"""HTML pieces for generated pages: what the generator already structured is emitted as raw HTML.

Python-Markdown passes a raw HTML block through untouched, so article bodies,
lists of citations and mentions cost MkDocs nothing to convert; headings stay
Markdown, so the table of contents is still built from them. Because MkDocs
does not rewrite links inside raw HTML, every href is written here in its
final, relative form, for the site's URL style (`Urls`).

Every value goes through `text()` (HTML-escaped, bidi controls shown as
codes, Latin runs isolated): article text and YAML values are data, never markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..text import LATIN_RUN, one_block, visible_controls

_LATIN = re.compile("[A-Za-z]")

SEP = "\u00a0· "
"""Between the items of one line (facts, letters, page numbers): a no-break space before the dot, so a line
never starts with it when the line wraps."""
DASH = "\u00a0— "
"""Between an item and what follows it (a title and its date, a quote and its place): a line never starts with the dash."""


@lru_cache(maxsize=1 << 16)  # names and titles are escaped thousands of times (every mention list, every index)
def text(value: str) -> str:
    """HTML that shows exactly `value`, with Latin runs isolated for right-to-left reading."""
    value = visible_controls(value)
    if not _LATIN.search(value):
        return one_block(html.escape(value, quote=False))
    out, pos = [], 0
    for m in LATIN_RUN.finditer(value):
        out.append(html.escape(value[pos : m.start()], quote=False))
        out.append(f"<bdi>{html.escape(m.group(0), quote=False)}</bdi>")
        pos = m.end()
    out.append(html.escape(value[pos:], quote=False))
    return one_block("".join(out))


@lru_cache(maxsize=1 << 16)
def attr(value: str) -> str:
    """A value for an attribute inside a raw HTML block."""
    return one_block(html.escape(visible_controls(value), quote=True))


@dataclass(frozen=True)
class Urls:
    """The site's URL style: `directory` (people/x/) online, files (people/x.html) in the offline edition."""

    directory: bool = True

    def url(self, src: str) -> str:
        """The site-relative URL of the page generated from docs/`src`."""
        stem = src.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            folder = stem.removesuffix("index")
            return folder if self.directory else f"{folder}index.html"
        return f"{stem}/" if self.directory else f"{stem}.html"


@dataclass(frozen=True)
class Here:
    """The page being written: every link on it is made relative to it."""

    src: str
    urls: Urls

    def to(self, src: str, anchor: str = "") -> str:
        """A relative href from this page to the page generated from `src` (and an anchor on it)."""
        url, up, first = self._at
        if src == self.src:
            return f"#{anchor}" if anchor else url.rsplit("/", 1)[-1] or "./"  # people/x.html links itself as x.html
        target = _url(src, self.urls.directory)
        # No folder in common (most links): up to the root, then down, as _relative would make it.
        href = up + target if up and not target.startswith(first) else _relative(url, target)
        return f"{href}#{anchor}" if anchor else href

    @cached_property
    def _at(self) -> tuple[str, str, str]:
        """(this page's URL, "../" for each folder it is in, its first folder and "/"), worked out once per page:
        an entity page links to hundreds of others."""
        url = self.urls.url(self.src)
        folders = url.split("/")[:-1]
        return url, "../" * len(folders), f"{folders[0]}/" if folders else ""

    def file(self, path: str) -> str:
        """A relative href to a file of the built site that is not a page (dossier.json, export/x.json)."""
        return _relative(self._at[0], path)


@lru_cache(maxsize=1 << 16)
def _url(src: str, directory: bool) -> str:
    return Urls(directory).url(src)


@lru_cache(maxsize=1 << 16)
def _relative(page_url: str, target_url: str) -> str:
    """The href from the page at `page_url` to `target_url` (both site-relative, no '..')."""
    base = page_url.split("/")[:-1]  # the page's folder: "people/x/" → people, x; "people/x.html" → people
    target = target_url.split("/")
    common = 0
    while common < min(len(base), len(target) - 1) and base[common] == target[common]:
        common += 1
    rel = "/".join([".."] * (len(base) - common) + target[common:])
    return rel or "./"


def a(href: str, label: str, title: str = "", cls: str = "", extra: str = "") -> str:
    """A link; `label` is HTML already (escape text with `text`)."""
    t = f' title="{attr(title)}"' if title else ""
    c = f' class="{cls}"' if cls else ""
    return f'<a href="{attr(href)}"{c}{t}{extra}>{label}</a>'


def ul(items: list[str], cls: str = "") -> str:
    """A raw HTML list block (items are HTML), with the blank lines Markdown needs around it."""
    c = f' class="{cls}"' if cls else ""
    return f"<ul{c}>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>\n"


def p(body: str, cls: str = "", ident: str = "") -> str:
    """A raw HTML paragraph block (body is HTML)."""
    c = f' class="{cls}"' if cls else ""
    i = f' id="{ident}"' if ident else ""
    return f"<p{i}{c}>{body}</p>\n"
