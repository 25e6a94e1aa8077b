"""Article text as data: escaping it for Markdown pages, and Arabic display helpers.

Seed text is never markup. `inline` turns any string into Markdown that shows
exactly that string: every ASCII punctuation mark becomes a numeric character
reference (Markdown and HTML then have nothing to act on), bidi controls become
visible codes, and runs of Latin script are isolated in <bdi> so that in an
Arabic sentence their punctuation lands where the writer put it.
"""

from __future__ import annotations

import html
import re
import string

_PUNCT: dict[str, str | int | None] = {c: f"&#{ord(c)};" for c in string.punctuation}
_BIDI: dict[str, str | int | None] = {c: f"⟦U+{ord(c):04X}⟧" for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"}
_TABLE = str.maketrans({**_PUNCT, **_BIDI})
_BIDI_TABLE = str.maketrans(_BIDI)
# A run of Latin words: OpenAI, GPT-4.1, Q*, Emmett Shear, @adamdangelo, Microsoft Gaming.
LATIN_RUN = re.compile(r"[@#]?[A-Za-z][A-Za-z0-9]*(?:[-.'’/&][A-Za-z0-9]+)*\*?(?:[ ]+[A-Za-z0-9][A-Za-z0-9]*(?:[-.'’/&][A-Za-z0-9]+)*\*?)*")

MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]


def literal(text: str) -> str:
    """Markdown source that renders as exactly `text`, with no markup of any kind."""
    return text.translate(_TABLE)


def inline(text: str) -> str:
    """Like `literal`, with Latin runs isolated for right-to-left reading."""
    out, pos = [], 0
    for m in LATIN_RUN.finditer(text):
        out.append(literal(text[pos : m.start()]))
        out.append(f"<bdi>{literal(m.group(0))}</bdi>")
        pos = m.end()
    out.append(literal(text[pos:]))
    return "".join(out)


_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def visible_bidi(text: str) -> str:
    """Bidi controls shown as visible codes instead of applied (most texts have none: no copy then)."""
    return text.translate(_BIDI_TABLE) if _BIDI_RE.search(text) else text


def attr(text: str) -> str:
    """A value for an HTML attribute written in raw HTML."""
    return html.escape(text.translate(str.maketrans(_BIDI)), quote=True)


# Characters Markdown acts on inside a line (links, emphasis, code, escapes, HTML, attr_list).
_MD_ACTIVE = str.maketrans({c: f"&#{ord(c)};" for c in "[]()!*_`\\{}<>&\"'|#~:="})


def md_attr(text: str) -> str:
    """A value for an HTML attribute written inside a Markdown line: inert to HTML and to Markdown.

    `attr` alone is not enough there: Markdown still reads `[x](y)` inside the
    attribute and writes a link whose quotes break out of it.
    """
    return text.translate(str.maketrans(_BIDI)).translate(_MD_ACTIVE)


def html_text(text: str) -> str:
    """Text for a raw HTML block (Markdown leaves those alone)."""
    return html.escape(text.translate(str.maketrans(_BIDI)), quote=False)


def arabic_date(value: str) -> str:
    """'2023-11-17' → '17 نوفمبر 2023', keeping the precision the editor gave."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
