"""Person and organisation pages, in one order: who they are and their roles; what the sources say; their timeline; notes; mentions.

Every fact cites the quote it rests on, linked to its paragraph; every
editorial note is marked as editorial.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import groupby

from ..export import entity_path
from ..index import DossierIndex
from ..kb.schema import Entity
from ..link.names import Mention
from ..text import html_text, inline
from . import graph, timeline
from . import labels as L
from . import viewlabels as V
from .html import DASH, SEP, Here, a, attr, p, text, ul
from .markdown import NOT_SEARCHED, annotation_box, cite, date_text, excerpt, front_matter, link_to
from .pages import Pages

MENTIONS_ON_PAGE = 60
"""Mentions shown on the entity's own page; the rest are on numbered pages of their own, so no page
grows with the dossier."""
MENTIONS_PER_PAGE = 200


def also_written(e: Entity) -> list[str]:
    """Every spelling the articles use for the entity: what search finds the page by (site/searchdocs.py)."""
    names = [e.name, *e.aliases, *e.short]
    if e.latin:
        names.append(e.latin)
    return list(dict.fromkeys(names))


def other_spellings(e: Entity) -> list[str]:
    """The other ways the articles write the entity: not its name, not its Latin spelling (shown beside it)."""
    return [n for n in dict.fromkeys([*e.aliases, *e.short]) if n not in (e.name, e.latin)]


def _who(index: DossierIndex, e: Entity, here: Here) -> list[str]:
    """Who or what it is: what kind of organisation, its Latin spelling, what it belongs to, other spellings; roles, members."""
    facts = []
    if not e.is_person:
        facts.append(L.KIND_SINGULAR[e.kind])
    if e.latin and e.latin != e.name:
        facts.append(f"<strong>{L.IN_LATIN}:</strong> <bdi>{html_text(e.latin)}</bdi>")
    parent = index.entity(e.parent) if e.parent else None
    if parent is not None:
        facts.append(f"<strong>{L.BELONGS_TO}:</strong> {link_to(parent, here)}")
    facts.append(a(here.file(entity_path(e)), L.ENTITY_DATA, cls="dossier-data"))
    out = [f"## {L.WHO}\n", p(SEP.join(facts), "dossier-meta")]
    others = other_spellings(e)
    if others:
        out.append(p(f"<strong>{L.ALSO_WRITTEN}:</strong> " + "، ".join(text(n) for n in others), "dossier-also"))
    if e.roles:
        items = []
        for r in e.roles:
            span = "–".join(filter(None, [date_text(r.start), date_text(r.end)]))
            org = index.entity(r.org)
            where = link_to(org, here) if org else text(r.org)
            items.append(f"<strong>{text(r.title)}</strong> {L.IN_IT} {where}{f' ({span})' if span else ''}: {cite(index, r.source, here)}")
        out.append(ul(items, "dossier-roles"))
    members = index.members(e.id)
    if members:
        out.append(f"### {L.PEOPLE_IN_ORG}\n")
        out.append(ul([f"{link_to(person, here)}: <strong>{text(r.title)}</strong>{DASH}{cite(index, r.source, here)}" for person, r in members]))
    children = index.children(e.id)
    if children:
        out.append(f"### {L.UNDER_IT}\n")
        out.append(ul([f"{link_to(c, here)} ({L.KIND_SINGULAR[c.kind]})" for c in children]))
    return out


def _sources_say(index: DossierIndex, e: Entity, here: Here) -> list[str]:
    """The facts the articles state about it, each with its quote; then its own quoted words."""
    body = []
    claims = [(c, c.source) for c in e.claims if c.source is not None]
    if claims:
        body.append(ul([f"{text(c.text)}: {cite(index, s, here)}" for c, s in claims]))
    if e.said:
        body.append(f"### {L.SAID}\n")
        body.append(ul([cite(index, s, here) for s in e.said]))
    return [f"## {L.SOURCES_SAY}\n", *body] if body else []


def _timeline(index: DossierIndex, e: Entity, here: Here) -> list[str]:
    events = index.events_of(e.id)
    if not events:
        return []
    return [f"## {L.TIMELINE}\n", timeline.component(index, events, here)]


def _notes(index: DossierIndex, e: Entity, here: Here) -> list[str]:
    """The editorial notes about it, numbered as endnotes under their own heading."""
    notes = index.notes_about(e.id)
    if not notes:
        return []
    heading = f"## {L.ENTITY_NOTES} ({L.count(len(notes), L.N.NOTE)})\n"
    return [heading, *(annotation_box(index, note, here, number=n) for n, note in enumerate(notes, start=1))]


def _mention_list(index: DossierIndex, found: tuple[Mention, ...], here: Here) -> list[str]:
    """Mentions grouped by article (articles by id), then by paragraph: each paragraph once, its names marked in their sentences."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        by_article[m.article].append(m)
    out = []
    for article_id in sorted(by_article):
        article = index.article(article_id)
        page = f"articles/{article_id}.md"
        # A paragraph, not a heading: a heading would make a search section titled like the article.
        out.append(p(a(here.to(page), text(article.title)), "dossier-mentions-of"))
        href = attr(here.to(page))  # attr works character by character: the anchor's is added to it
        items = []
        for _, group in groupby(by_article[article_id], key=lambda m: m.block):  # one item per paragraph, each name marked
            ms = list(group)
            pieces = excerpt(index.block_text(article_id, ms[0].block), [(m.start, m.end) for m in ms])
            shown = "".join(f"<mark>{text(piece)}</mark>" if marked else text(piece) for piece, marked in pieces)
            link = f'<a href="{href}{attr("#" + ms[0].anchor)}">{L.paragraph(ms[0].block)}</a>'  # as a(here.to(page, anchor), …) writes it
            items.append(f"{NOT_SEARCHED}{shown}</span> ({link})")
        out.append(ul(items))
    return out


def _cuts(found: Sequence[Mention]) -> list[int]:
    """Where each page of mentions starts, and the end: MENTIONS_ON_PAGE on the entity page, about
    MENTIONS_PER_PAGE on each numbered page after it, a paragraph never parted between two pages."""
    cuts = [0]
    for nominal in range(MENTIONS_ON_PAGE, len(found), MENTIONS_PER_PAGE):
        cut = max(nominal, cuts[-1])
        while 0 < cut < len(found) and (found[cut].article, found[cut].block) == (found[cut - 1].article, found[cut - 1].block):
            cut += 1
        if cuts[-1] < cut < len(found):
            cuts.append(cut)
    return [*cuts, len(found)]


def mention_pages(e: Entity, found: Sequence[Mention]) -> list[tuple[str, Sequence[Mention]]]:
    """The numbered pages that hold the mentions beyond the entity page's, each with its mentions."""
    cuts, base = _cuts(found), e.page.removesuffix(".md")
    return [(f"{base}/mentions-{n}.md", found[cuts[n - 1] : cuts[n]]) for n in range(2, len(cuts))]


def _mentions(index: DossierIndex, e: Entity, here: Here) -> str:
    found = index.mentions_of(e.id)
    out = [f"## {L.MENTIONS}\n"]
    if not found:
        out.append(p(L.NOT_MENTIONED))
    else:
        articles = len({m.article for m in found})
        out.append(p(f"{L.count(len(found), L.N.MENTION)} {L.IN_IT} {L.count(articles, L.N.ARTICLE, after_preposition=True)}."))
    out += _mention_list(index, found[: _cuts(found)[1]], here)
    more = [path for path, _ in mention_pages(e, found)]
    if more:
        links = SEP.join(a(here.to(path), str(n)) for n, path in enumerate(more, start=2))
        out.append(p(f"{L.MORE_MENTIONS}: {links}", "dossier-more"))
    together = index.together(e.id)
    if together:
        out.append(f"### {L.MENTIONED_WITH}\n")
        out.append(p(L.MENTIONED_WITH_INTRO))
        out.append(
            ul(
                [
                    f"{link_to(other, here)}: {L.IN_IT} {L.count(n, L.N.PARAGRAPH, after_preposition=True)}"
                    for i, n in together[:10]
                    if (other := index.entity(i))
                ]
            )
        )
    return "\n".join(out)


def render_entity(index: DossierIndex, e: Entity, here: Here, relations: tuple[graph.Relation, ...] = ()) -> str:
    """Sections in a fixed order, each a heading in the table of contents: who it is and its roles; what the
    sources say; its timeline; a person's closest relations; the editor's notes about it; its mentions in the
    articles. A way back to its index at the top and the bottom."""
    back = p(f"{V.BACK_TO} {a(here.to(e.page.rsplit('/', 1)[0] + '/index.md'), V.PEOPLE if e.is_person else V.ORGS)}", "dossier-back")
    out = [front_matter(e.name), back, f"# {inline(e.name)}\n"]
    out += _who(index, e, here)
    out += _sources_say(index, e, here)
    out += _timeline(index, e, here)
    if e.is_person:
        out.append(graph.person_section(index, e, relations, here))
    out += _notes(index, e, here)
    out.append(_mentions(index, e, here))
    out.append(back)
    return "\n".join(out)


def render_mentions_page(index: DossierIndex, e: Entity, number: int, found: tuple[Mention, ...], here: Here) -> str:
    title = f"{e.name}{DASH}{L.MENTIONS} ({number})"
    out = [front_matter(title, "search:\n  exclude: true\n"), f"# {inline(title)}\n", p(a(here.to(e.page), text(e.name)))]
    out += _mention_list(index, found, here)
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    mine = graph.by_node(graph.relations(index))
    for e in index.entities:
        if not pages.take(e.id):
            continue
        pages.add(e.page, render_entity(index, e, pages.here(e.page), mine.get(e.id, ())))
        found = index.mentions_of(e.id)
        for n, (path, some) in enumerate(mention_pages(e, found), start=2):
            pages.add(path, render_mentions_page(index, e, n, tuple(some), pages.here(path)))
