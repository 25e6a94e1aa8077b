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
except inside the elements that keep their whitespace (<pre>, <textarea>) and scripts.

The edits that must happen on every page must match exactly, so a theme upgrade that changes this
markup fails the build here instead of silently shipping invalid pages.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

TOGGLES_FORM = "__md_toggles"
_HTML = re.compile(r'<html lang="([^"]+)" class="no-js">')
_BODY_DIR = re.compile(r'<body dir="(rtl|ltr)"')
_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">')
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]+" id="[^"]+") tabindex="">')


def fix_markup(html: str) -> str:
    """The page with `dir` on <html> (the one Material put on <body>), valid toggles, labels that label something."""
    body = _BODY_DIR.search(html)
    direction = body.group(1) if body else ""
    html, roots = _HTML.subn(rf'<html lang="\1" dir="{direction}" class="no-js">', html, count=1)
    html, toggles = _TOGGLE.subn(rf'\1 form="{TOGGLES_FORM}">', html)
    if not body or roots != 1 or toggles != 2 or "</body>" not in html:
        raise PluginError(
            f"generator/site/theme_hook.py: Material's base.html changed ({roots} <html> start tags, {toggles} toggle "
            f"checkboxes and {int(bool(body))} <body dir> matched, 1, 2 and 1 expected); update the patterns to the new theme's markup"
        )
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', html)
    html = _EMPTY_TABINDEX.sub(r"\1>", html)
    body_end = html.rfind("</body>")
    form = f'<form id="{TOGGLES_FORM}" autocomplete="off" hidden></form>'
    return html[:body_end] + form + html[body_end:]


INDENT = re.compile(r"[ \t]*\n\s*")
"""What drop_indentation turns into a bare line break (`collapse` does it without the regex)."""
_KEEP = re.compile(r"<(pre|textarea|script)[\s>].*?</\1>", re.S)


def drop_indentation(html: str) -> str:
    """The page without the templates' indentation: each run of whitespace with a line break becomes that line break."""
    out, pos = [], 0
    for m in _KEEP.finditer(html):
        out += [collapse(html[pos : m.start()]), m.group(0)]
        pos = m.end()
    out.append(collapse(html[pos:]))
    return "".join(out)


def collapse(text: str) -> str:
    """`INDENT.sub("\\n", text)`, line by line: five times quicker than the regex, which tries a match at every
    position (a second of a 2,000-article build). Spaces and tabs end a line; all whitespace starts one."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    middle = [line.rstrip(" \t") for line in map(str.lstrip, lines[1:-1]) if line]  # a blank line joins the run
    return "\n".join([lines[0].rstrip(" \t"), *middle, lines[-1].lstrip()])


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return drop_indentation(fix_markup(output))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages rendered from a template alone (404.html); sitemap.xml is left as it is."""
    return drop_indentation(fix_markup(output_content)) if template_name.endswith(".html") else output_content
