"""Article text as data: escaping it for Markdown pages, and Arabic display helpers.

Seed text is never markup. `inline` turns any string into Markdown that shows
exactly that string: every ASCII punctuation mark, line break and tab become
numeric character references (Markdown and HTML then have nothing to act on),
bidi controls and other invisible control characters become visible codes (⟦U+202E⟧), and runs of Latin script are isolated in <bdi> so that in an
Arabic sentence their punctuation lands where the writer put it.
"""

from __future__ import annotations

import html
import re
import string

_PUNCT: dict[str, str | int | None] = {c: f"&#{ord(c)};" for c in string.punctuation}
# Shown as codes, never applied: bidi controls (they would reorder what follows) and the C0 and C1 controls but
# tab, line feed, form feed and carriage return, HTML's white space (NUL, ESC and the like show as nothing or as
# �, and a terminal obeys them).
_INVISIBLE = [*range(0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_CODES: dict[str, str | int | None] = {chr(c): f"⟦U+{c:04X}⟧" for c in _INVISIBLE}
_CONTROLS_RE = re.compile("[" + "".join(map(re.escape, _CODES)) + "]")
# Whitespace Markdown reads as structure: a line break (a new block) and a tab (an indented code block).
_BREAKS: dict[str, str | int | None] = {c: f"&#{ord(c)};" for c in "\t\n\r\f"}
_TABLE = str.maketrans({**_PUNCT, **_CODES, **_BREAKS})
_CODES_TABLE = str.maketrans(_CODES)
# A run of Latin words: OpenAI, GPT-4.1, Q*, Emmett Shear, @adamdangelo, Microsoft Gaming.
LATIN_RUN = re.compile(r"[@#]?[A-Za-z][A-Za-z0-9]*(?:[-.'’/&][A-Za-z0-9]+)*\*?(?:[ ]+[A-Za-z0-9][A-Za-z0-9]*(?:[-.'’/&][A-Za-z0-9]+)*\*?)*")

MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]


def literal(text: str) -> str:
    """Markdown source that renders as exactly `text`, with no markup of any kind."""
    return text.translate(_TABLE)


def inline(text: str) -> str:
    """Like `literal`, with Latin runs isolated for right-to-left reading."""
    return _latin_isolated(text, "<bdi>", "</bdi>")


def isolated(text: str) -> str:
    """Like `inline`, each Latin run also between FSI and PDI, for a heading a table of contents lists: it shows the
    heading as plain text (Python-Markdown drops the <bdi>), where «Q*» alone read «*Q». Only the generator's own
    controls: any in `text` are still shown as codes (literal)."""
    return _latin_isolated(text, "<bdi>\u2068", "\u2069</bdi>")


def _latin_isolated(text: str, before: str, after: str) -> str:
    out, pos = [], 0
    for m in LATIN_RUN.finditer(text):
        out += [literal(text[pos : m.start()]), before, literal(m.group(0)), after]
        pos = m.end()
    out.append(literal(text[pos:]))
    return "".join(out)


def visible_controls(text: str) -> str:
    """Bidi and other control characters shown as visible codes instead of applied (most texts have none: no copy then)."""
    return text.translate(_CODES_TABLE) if _CONTROLS_RE.search(text) else text


def one_block(html_value: str) -> str:
    """Escaped HTML with its line breaks as references: in a raw HTML block a blank line would end the
    block, and what follows would be read as Markdown (site/fragments.py splits pages there)."""
    return html_value.replace("\r", "&#13;").replace("\n", "&#10;") if "\n" in html_value or "\r" in html_value else html_value


def attr(text: str) -> str:
    """A value for an HTML attribute written in raw HTML."""
    return one_block(html.escape(text.translate(_CODES_TABLE), quote=True))


# Characters Markdown acts on inside a line (links, emphasis, code, escapes, HTML, attr_list).
_MD_ACTIVE = str.maketrans({c: f"&#{ord(c)};" for c in "[]()!*_`\\{}<>&\"'|#~:="})


def md_attr(text: str) -> str:
    """A value for an HTML attribute written inside a Markdown line: inert to HTML and to Markdown.

    `attr` alone is not enough there: Markdown still reads `[x](y)` inside the
    attribute and writes a link whose quotes break out of it.
    """
    return text.translate(_CODES_TABLE).translate(_MD_ACTIVE)


def html_text(text: str) -> str:
    """Text for a raw HTML block (Markdown leaves those alone)."""
    return one_block(html.escape(text.translate(_CODES_TABLE), quote=False))


def arabic_date(value: str) -> str:
    """'2023-11-17' → '17 نوفمبر 2023', keeping the precision the editor gave."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
