"""Quotes to sources: find each quoted passage in one kept paragraph of its article.

A quote that is not there is reported with the reason it fails (empty, spans
two paragraphs, in dropped boilerplate, in a heading) or the closest passage
of the article, so the editor can copy the exact characters.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from ..arabic import fold
from ..errors import Report
from ..kb.schema import Source
from ..model import Article


def closest(quote: str, article: Article) -> tuple[str, int, str]:
    """The passage of the article most like `quote`, its seed line, and the passage as long as the quote (to compare
    with it): a hint for the editor. The first starts at a word and ends with one (cut mid-word, a passage as long as
    the quote read as a typo of its own)."""
    best, best_line, best_ratio, best_block, best_end = "", article.title_line, 0.0, "", 0
    n = len(quote)
    for block in article.blocks:
        text = block.text
        starts = [0] + [m.end() for m in re.finditer(r"\s+", text)]
        for s in starts:
            window = text[s : s + n]
            sm = difflib.SequenceMatcher(None, quote, window, autojunk=False)
            if sm.real_quick_ratio() <= best_ratio or sm.quick_ratio() <= best_ratio:
                continue
            ratio = sm.ratio()
            if ratio > best_ratio:
                best, best_line, best_ratio, best_block, best_end = window, block.line, ratio, text, s + n
    shown = best
    if best and (rest := re.match(r"\S+", best_block[best_end:])) is not None and not best[-1:].isspace():
        shown += rest.group(0)
    return shown, best_line, best


def first_difference(quote: str, passage: str) -> str:
    """Where `quote` and the `passage` most like it first part: the word in each, and what the two characters are
    when they look alike or cannot be seen (a Latin comma for «،», a no-break space, a hamza)."""
    ops = [op for op in difflib.SequenceMatcher(None, quote, passage, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops:
        return ""
    _, i1, i2, j1, j2 = ops[0]

    def word(text: str, a: int, b: int) -> str:
        start, end = text.rfind(" ", 0, a) + 1, text.find(" ", max(b, a + 1))
        return text[start : len(text) if end < 0 else end].strip() or text[max(0, a - 3) : b + 3]

    mine, theirs = quote[i1:i2], passage[j1:j2]
    said = f"the quote has «{word(quote, i1, i2)}» where the article has «{word(passage, j1, j2)}»"
    if not all(c.isalpha() for c in mine + theirs) or not mine.strip() or not theirs.strip() or fold(mine) == fold(theirs):
        said += f" ({' / '.join(dict.fromkeys(map(_name, mine + theirs)))})"  # look-alikes and the invisible, by name
    return said


def _name(c: str) -> str:
    return f"U+{ord(c):04X} {unicodedata.name(c, '?')}"


def find(source: Source, article: Article, report: Report, what: str, elsewhere: Callable[[str], str] | None = None) -> Source | None:
    """The source with its paragraph and offset; None (and the reason reported) when the quote is not there. A quote
    that occurs twice is reported too: a citation must point at one passage. `elsewhere` names another article that
    has the quote word for word ('' if none): the likelier mistake is then the article's id."""
    quote = source.quote
    for block in article.numbered:
        at = block.text.find(quote)
        if at >= 0:
            # A second place in any paragraph: article.text joins them with line breaks, which a quote found in one lacks.
            if quote and article.text.find(quote, article.text.find(quote) + 1) >= 0:
                places = ", ".join(str(b.number) for b in article.numbered if quote in b.text)
                report.error(
                    source.file,
                    source.line,
                    f"quote of {what} occurs more than once in {article.path} (paragraph {places}): it would cite the first",
                    "quote a longer passage, one that occurs once",
                )  # and placed at the first, so nothing that rests on it reports a second, false error
            return replace(source, block=block.number, start=at)
    if quote and quote in article.title:
        return replace(source, block=0, start=article.title.find(quote))
    where = article.path
    if not quote.strip():
        report.error(source.file, source.line, f"empty quote in {what}", "copy a passage of the article")
    elif "\n" in quote.strip() or _spans(quote, article):
        report.error(
            source.file, source.line, f"quote of {what} spans two paragraphs of {where}", "quote one paragraph only; cite the other one as a second source"
        )
    elif any(quote in d.text for d in article.dropped):
        report.error(
            source.file,
            source.line,
            f"quote of {what} lies in text the reader dropped as boilerplate ({where})",
            "quote the article body, or change the rule in seeds/boilerplate.yml",
        )
    elif any(quote in b.text for b in article.blocks):
        report.error(source.file, source.line, f"quote of {what} lies in a heading of {where}, not a paragraph", "quote a paragraph")
    elif elsewhere is not None and (other := elsewhere(quote)):
        report.error(source.file, source.line, f"quote of {what} not found in {where}", f"{other} has it word for word: did you mean article: {other}?")
    else:
        close, line, window = closest(quote, article)
        if not close.strip():
            report.error(source.file, source.line, f"quote of {what} not found in {where}, nor anything like it", "copy the exact characters of one paragraph")
        else:
            hint = (
                "the same text up to hamza, alef, diacritics or spacing: copy the exact characters"
                if fold(window) == fold(quote)
                else "copy the exact characters"
            )
            if differ := first_difference(quote, window):
                hint = f"{hint}: {differ}"
            report.error(source.file, source.line, f"quote of {what} not found in {where}; closest at {where}:{line}: «{close}»", hint)
    return None


def _spans(quote: str, article: Article) -> bool:
    blocks = article.blocks
    for a, b in zip(blocks, blocks[1:], strict=False):
        for sep in (" ", "\n", ""):
            joined = a.text + sep + b.text
            at = joined.find(quote.replace("\n", sep) if sep else quote)
            if at >= 0 and at < len(a.text) and at + len(quote) > len(a.text) + len(sep):
                return True
    return False
