"""The glossary (/glossary/), and the tooltips on glossary terms in the articles.

A term is defined by the articles themselves (quoted, with its source) or by
the editor (marked «تعريف تحريري», with the passages it explains). In an
article, the first place each term is written gets a link to its entry whose
title is the definition: Material shows it as a tooltip on hover and focus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..arabic import letter, sort_key
from ..index import DossierIndex
from ..kb.schema import Term
from ..model import Article
from ..text import inline, isolated, literal
from . import labels as L
from . import viewlabels as V
from .html import DASH, SEP, Here
from .markdown import Span, cite, front_matter, link_to, where
from .pages import Pages

PATH = "glossary/index.md"


def definition(term: Term) -> str:
    """The short definition a tooltip shows: the articles' own words when they give them."""
    if term.defined_by is not None:
        return f"«{term.defined_by.quote}»"
    return f"({V.EDITORIAL_DEFINITION}) {term.editorial}"


def tooltip(term: Term) -> str:
    return f"{V.TOOLTIP_PREFIX}{DASH}{term.term}: {definition(term)}"


def _bounded(text: str, start: int, end: int, spelling: str) -> bool:
    """A whole word or words: no letter right after; before a Latin spelling, no Latin letter or digit.

    An Arabic spelling may follow a proclitic (والذكاء الاصطناعي العام), so nothing is checked before it.
    """
    if end < len(text) and text[end].isalpha():
        return False
    return not (spelling[:1].isascii() and start > 0 and text[start - 1].isascii() and text[start - 1].isalnum())


def find(text: str, terms: Iterable[Term]) -> list[tuple[int, int, Term]]:
    """Every place a term is written in `text`, longest spelling first where two start together, none overlapping."""
    found: list[tuple[int, int, Term]] = []
    for term in terms:
        for spelling in term.spellings:
            at = text.find(spelling)
            while at >= 0:
                if _bounded(text, at, at + len(spelling), spelling):
                    found.append((at, at + len(spelling), term))
                at = text.find(spelling, at + 1)
    found.sort(key=lambda f: (f[0], -f[1], f[2].id))
    out: list[tuple[int, int, Term]] = []
    end = -1
    for start, stop, term in found:
        if start >= end:
            out.append((start, stop, term))
            end = stop
    return out


def term_spans(index: DossierIndex, article: Article, taken: dict[int, list[Span]], here: Here) -> dict[int, list[Span]]:
    """Tooltip links on the first place each term is written in the article, clear of other links."""
    out: dict[int, list[Span]] = defaultdict(list)
    done: set[str] = set()
    # One search of the whole text first: a term the article never writes changes nothing in any paragraph.
    terms = index.terms_written(article)
    for block in article.numbered if terms else ():
        number = block.number or 0
        links = [s for s in taken.get(number, []) if s.href]
        for start, end, term in find(block.text, terms):
            if term.id in done or any(s.start < end and start < s.end for s in links):
                continue
            done.add(term.id)
            out[number].append(Span(start, end, here.to(PATH, term.id), tooltip(term)))
    return dict(out)


USES_SHOWN = 5
"""Articles listed under a term: the newest that use it; the entry does not grow with the dossier."""


def _uses(index: DossierIndex, term: Term, here: Here) -> list[str]:
    """Links to the first paragraph that writes the term in each of the newest articles using it."""
    out: list[str] = []
    more = 0
    for article in index.newest_first:
        if not any(t is term for t in index.terms_written(article)):
            continue  # one search of the whole text first (shared with the article pages): most articles do not write most terms
        for block in article.numbered:
            if any(t is term for _, _, t in find(block.text, [term])):
                if len(out) < USES_SHOWN:
                    out.append(where(index, article.id, block.number, here))
                else:
                    more += 1
                break
    if more:
        out.append(V.AND_MORE.format(n=more))
    return out


def _entry(index: DossierIndex, term: Term, here: Here) -> str:
    out = [f"### {isolated(term.term)} {{: #{term.id} }}\n"]  # in the table of contents too
    if term.latin:
        out.append(f"<bdi>{literal(term.latin)}</bdi>\n{{: .dossier-meta }}\n")
    if term.defined_by is not None:
        out.append(f"**{V.ARTICLES_DEFINITION}:** {cite(index, term.defined_by, here)}\n")
    if term.editorial:
        box = [
            f'<div class="admonition note dossier-editorial" markdown>\n<p class="admonition-title">{V.EDITORIAL_DEFINITION}</p>\n',
            inline(term.editorial) + "\n",
        ]
        if term.basis:
            box.append(f"**{L.BASIS}:**\n")
            box += [f"- {cite(index, s, here)}" for s in term.basis]
            box.append("")
        box.append("</div>\n")
        out.append("\n".join(box))
    uses = _uses(index, term, here)
    if uses:
        out.append(f"**{V.WHERE_USED}:** " + "؛ ".join(uses) + "\n")
    e = index.entity(term.entity) if term.entity else None
    if e is not None:
        out.append(f"**{V.SEE_PAGE}:** {link_to(e, here)}\n")
    return "\n".join(out)


def page(index: DossierIndex, here: Here) -> str:
    terms = sorted(index.kb.glossary, key=lambda t: sort_key(t.term))
    out = [front_matter(V.GLOSSARY), f"# {V.GLOSSARY}\n", f"{V.GLOSSARY_INTRO} ({V.count(len(terms), V.TERM)})\n"]
    letters = list(dict.fromkeys(letter(t.term) for t in terms))
    if letters:
        out.append(f"{V.LETTERS}: " + SEP.join(f"[{literal(x)}](#{V.letter_anchor(x)})" for x in letters) + "\n{: .dossier-letters }\n")
    current = None
    for term in terms:
        head = letter(term.term)
        if head != current:
            current = head
            out.append(f"## {literal(head) if head != '#' else V.OTHER_LETTER} {{: #{V.letter_anchor(head)} }}\n")
        out.append(_entry(index, term, here))
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    pages.add(PATH, page(index, pages.here(PATH)))
