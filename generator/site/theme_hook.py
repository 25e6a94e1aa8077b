"""MkDocs hook: valid HTML where Material's templates write markup no block or partial override reaches well.

The search dialog's name is an ordinary `custom_dir` partial (overrides/partials/search.html).
These fixes are made on each page's output instead:

- `dir` on <html>, not only on <body>: the Nu HTML checker (and a reader's user agent, before the
  body is parsed) takes a document's direction from its root element. base.html writes <html>
  outside every block.
- `autocomplete="off"` on Material's two toggle checkboxes (base.html, outside every block) is
  invalid HTML: only text-like inputs take it. Material puts it there so that Firefox does not
  restore an open drawer or search after a reload; the same is had validly by giving the
  checkboxes a form owner that says autocomplete="off" (the `form` attribute; the empty form sits
  at the end of the body).
- The table of contents' title is a <label for="__toc">, but the __toc checkbox exists only on a
  page the navigation lists as a leaf (partials/nav-item.html): on articles, people, section
  index pages… the label points at nothing. Whether the checkbox exists is known for certain only
  from the page itself, so the title becomes a plain <div> where it does not.
- A navigation section's label gets `tabindex=""` (nav-item.html sets it only for non-sections):
  an empty tabindex is invalid, and dropping it is what the template means.

Material's templates also indent their markup (about 4.5 KB a page, a quarter of the theme's bytes); a
run of whitespace that holds a line break renders as one space, so each becomes a bare line break,
except inside the elements that keep their whitespace (<pre>, <textarea>) and scripts. That is done
to the templates' text as they are loaded (`on_env`), once, not to each page: at thousands of pages
going over every page again cost more than a tenth of the build. What a generated page still gets
are the blank lines left where a template's tag stood on a line of its own (`drop_blank_lines`).
For Material's templates as shipped that is the page the whole pass gave, byte for byte
(tests/test_quality.py: no built page changes under drop_indentation); a template whose tag
outputs nothing between spaces and a line break, or a value with indentation of its own, would
leave a few spaces, which render the same.

The edits that must happen on every page must match exactly, so a theme upgrade that changes this
markup fails the build here instead of silently shipping invalid pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TOGGLES_FORM = "__md_toggles"
_HTML = re.compile(r'<html lang="([^"]+)" class="no-js">')
_BODY_DIR = re.compile(r'<body dir="(rtl|ltr)"')
_FIXES = re.compile(  # one pass over the page for the three (each alone went over all of it)
    r'<(?:(?P<toggle>input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">'
    r'|label class="md-nav__title" for="__toc">(?P<title>.*?)</label>'
    r'|(?P<section>label class="md-nav__link[^"]*" for="[^"]+" id="[^"]+") tabindex="">)',
    re.S,
)


def fix_markup(html: str) -> str:
    """The page with `dir` on <html> (the one Material put on <body>), valid toggles, labels that label something."""
    body = _BODY_DIR.search(html)
    direction = body.group(1) if body else ""
    html, roots = _HTML.subn(rf'<html lang="\1" dir="{direction}" class="no-js">', html, count=1)
    toc_toggle = 'id="__toc"' in html
    toggles = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal toggles
        if (toggle := m.group("toggle")) is not None:
            toggles += 1
            return f'<{toggle} form="{TOGGLES_FORM}">'
        if (section := m.group("section")) is not None:
            return f"<{section}>"
        return m.group(0) if toc_toggle else f'<div class="md-nav__title">{m.group("title")}</div>'

    html = _FIXES.sub(fix, html)
    body_end = html.rfind("</body>")
    if not body or roots != 1 or toggles != 2 or body_end < 0:
        raise PluginError(
            f"generator/site/theme_hook.py: Material's base.html changed ({roots} <html> start tags, {toggles} toggle "
            f"checkboxes and {int(bool(body))} <body dir> matched, 1, 2 and 1 expected); update the patterns to the new theme's markup"
        )
    form = f'<form id="{TOGGLES_FORM}" autocomplete="off" hidden></form>'
    return html[:body_end] + form + html[body_end:]


INDENT = re.compile(r"[ \t]*\n\s*")
"""What drop_indentation turns into a bare line break (`collapse` does it without the regex)."""
_OPEN = re.compile(r"<(pre|textarea|script)[\s>]")


def drop_indentation(html: str) -> str:
    """The page without the templates' indentation: each run of whitespace with a line break becomes that line break."""
    return _outside_kept(html, collapse)


def _outside_kept(text: str, change: Callable[[str], str]) -> str:
    """`text` with `change` made to what lies outside <pre>, <textarea> and <script> elements, each from its
    start tag to the first end tag of its name, or to the end of `text` if it has none there."""
    out, pos = [], 0
    while (m := _OPEN.search(text, pos)) is not None:
        end = text.find(f"</{m.group(1)}>", m.end())
        end = len(text) if end < 0 else end + len(m.group(1)) + 3
        out += [change(text[pos : m.start()]), text[m.start() : end]]
        pos = end
    out.append(change(text[pos:]))
    return "".join(out)


def collapse(text: str) -> str:
    """`INDENT.sub("\\n", text)`, line by line: five times quicker than the regex, which tries a match at every
    position (a second of a 2,000-article build). Spaces and tabs end a line; all whitespace starts one."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    middle = [line.rstrip(" \t") for line in map(str.lstrip, lines[1:-1]) if line]  # a blank line joins the run
    return "\n".join([lines[0].rstrip(" \t"), *middle, lines[-1].lstrip()])


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_LAST_BREAK = re.compile(r"(?:\r\n|\r|\n)\Z")
_LINE_BREAK = re.compile(r"\r\n?")


def drop_template_indentation(source: str, keep_trailing_newline: bool = False) -> str:
    """A template whose text (not its tags, expressions or comments) has lost its indentation as
    drop_indentation would take it from the page, outside the elements that keep their whitespace (one the
    template opens without closing is left to the template's end). Jinja drops a template's last line
    break (unless told to keep it): that is done first, and a line break it would drop from the result is
    doubled, so the template still ends as it did."""
    if not keep_trailing_newline:
        source = _LAST_BREAK.sub("", source, count=1)
    text = _outside_kept(source, _text_only)
    return text + text[-1] if not keep_trailing_newline and text.endswith(("\n", "\r")) else text


def _text_only(source: str) -> str:
    """`source` with its text, between its tags, expressions and comments, collapsed."""
    out, pos = [], 0
    for m in _JINJA.finditer(source):
        out += [collapse(source[pos : m.start()]), m.group(0)]
        pos = m.end()
    out.append(collapse(source[pos:]))
    return "".join(out)


class _Indentless(jinja2.BaseLoader):
    """The theme's HTML templates and the SVG icons they include as drop_template_indentation makes them, their
    line breaks made "\\n" first as Jinja makes them (sitemap.xml is left as it is)."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template.endswith((".html", ".svg")) and environment.newline_sequence == "\n":
            source = drop_template_indentation(_LINE_BREAK.sub("\n", source), environment.keep_trailing_newline)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


_BLANKS = re.compile(r"\n\n+")


def drop_blank_lines(html: str) -> str:
    """Each run of line breaks made one, outside what keeps its whitespace: the lines a template's tags stood on."""
    return _outside_kept(html, partial(_BLANKS.sub, "\n")) if "\n\n" in html else html


@event_priority(100)  # before generator/site/hook.py's on_env forks the process that renders a share of the pages
def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Load the templates without their indentation (see drop_template_indentation)."""
    if env.loader is not None and not isinstance(env.loader, _Indentless):
        env.loader = _Indentless(env.loader)
        if env.cache is not None:
            env.cache.clear()
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """A generated page's own markup has no indentation (its HTML blocks skip the theme: generator/site/fragments.py);
    a hand-written page's Markdown may hold some."""
    html = fix_markup(output)
    return drop_blank_lines(html) if page.file.generated_by else drop_indentation(html)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages rendered from a template alone (404.html); sitemap.xml is left as it is."""
    return drop_indentation(fix_markup(output_content)) if template_name.endswith(".html") else output_content
