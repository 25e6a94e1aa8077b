"""Person and organisation pages: who they are, their roles, what the sources say, notes, every mention.

Every fact cites the quote it rests on, linked to its paragraph; every
editorial note is marked as editorial.
"""

from __future__ import annotations

import json
from collections import defaultdict

from ..arabic import fold
from ..index import DossierIndex
from ..kb.schema import Entity
from ..link.names import Mention
from ..text import html_text, inline, literal
from . import labels as L
from .markdown import NOT_SEARCHED, annotation_box, around, cite, date_text, front_matter, link_to
from .pages import Pages

BOOST = "search:\n  boost: 2\n"


def also_written(e: Entity) -> list[str]:
    """Every spelling the articles use for the entity: what search must find the page by."""
    names = [e.name, *e.aliases, *e.short]
    if e.latin:
        names.append(e.latin)
    return list(dict.fromkeys(names))


def search_meta(index: DossierIndex, e: Entity) -> str:
    """A boost, and every spelling as a search tag.

    Material weighs tags above titles, so the entity's page comes first for any of its
    names, above pages that merely mention it. A word that is itself another entity's name
    is left out (OpenAI's board is tagged «مجلس إدارة», not «OpenAI»), and a word is tagged
    once, so that the query OpenAI finds OpenAI first and not every team named after it.
    Material inserts tags into the result list as HTML: they are escaped here.
    """
    seen: set[str] = set()
    tags = []
    for name in also_written(e):
        words = []
        for word in name.split():
            key = fold(word)
            if key in seen or index.owner.get(key, e.id) != e.id:
                continue
            seen.add(key)
            words.append(word)
        if words:
            tags.append(" ".join(words))
    lines = "".join(f"  - {json.dumps(html_text(t), ensure_ascii=False)}\n" for t in tags)
    return f"{BOOST}tags:\n{lines}"


def other_spellings(e: Entity) -> list[str]:
    """The other ways the articles write the entity: not its name, not its Latin spelling (shown beside it)."""
    return [n for n in dict.fromkeys([*e.aliases, *e.short]) if n not in (e.name, e.latin)]


def _who(index: DossierIndex, e: Entity) -> list[str]:
    """Who or what it is: the Latin spelling, what kind of organisation, what it belongs to, other spellings, roles, members."""
    body = []
    facts = []
    if not e.is_person:
        facts.append(L.KIND_SINGULAR[e.kind])
    if e.latin and e.latin != e.name:
        facts.append(f"**{L.IN_LATIN}:** <bdi>{literal(e.latin)}</bdi>")
    parent = index.entity(e.parent) if e.parent else None
    if parent is not None:
        facts.append(f"**{L.BELONGS_TO}:** {link_to(parent)}")
    if facts:
        body.append(" · ".join(facts) + "\n{: .dossier-meta }\n")
    others = other_spellings(e)
    if others:
        body.append(f"**{L.ALSO_WRITTEN}:** " + "، ".join(inline(n) for n in others) + "\n{: .dossier-also }\n")
    for r in e.roles:
        span = "–".join(filter(None, [date_text(r.start), date_text(r.end)]))
        org = index.entity(r.org)
        body.append(f"- **{inline(r.title)}** {L.IN_IT} {link_to(org) if org else inline(r.org)}{f' ({span})' if span else ''}: {cite(index, r.source)}")
    if e.roles:
        body.append("")
    members = index.members(e.id)
    if members:
        body.append(f"### {L.PEOPLE_IN_ORG}\n")
        body += [f"- {link_to(p)}: **{inline(r.title)}** — {cite(index, r.source)}" for p, r in members]
        body.append("")
    children = index.children(e.id)
    if children:
        body.append(f"### {L.UNDER_IT}\n")
        body += [f"- {link_to(c)} ({L.KIND_SINGULAR[c.kind]})" for c in children]
        body.append("")
    return [f"## {L.WHO}\n", *body] if body else []


def _sources_say(index: DossierIndex, e: Entity) -> list[str]:
    """The facts the articles state about it, each with its quote; then its own quoted words."""
    body = []
    claims = [(c, c.source) for c in e.claims if c.source is not None]
    body += [f"- {inline(c.text)}: {cite(index, s)}" for c, s in claims]
    if claims:
        body.append("")
    if e.said:
        body.append(f"### {L.SAID_BY_PERSON if e.is_person else L.SAID_BY_ORG}\n")
        body += [f"- {cite(index, s)}" for s in e.said]
        body.append("")
    return [f"## {L.SOURCES_SAY}\n", *body] if body else []


def _timeline(index: DossierIndex, e: Entity) -> list[str]:
    events = index.events_of(e.id)
    if not events:
        return []
    out = [f"## {L.TIMELINE}\n"]
    for ev in events:
        parts = [p.part for p in ev.participants if p.entity == e.id and p.part]
        out.append(f"- {date_text(ev.date)}: {link_to(ev)}" + (f" ({inline('، '.join(parts))})" if parts else ""))
    out.append("")
    return out


def _notes(index: DossierIndex, e: Entity) -> list[str]:
    """The editorial notes about it, numbered as endnotes under their own heading."""
    notes = index.notes_about(e.id)
    if not notes:
        return []
    return [f"## {L.ENTITY_NOTES} ({L.count(len(notes), L.N.NOTE)})\n", *(annotation_box(index, a, number=n) for n, a in enumerate(notes, start=1))]


def _mentions(index: DossierIndex, e: Entity) -> str:
    found = index.mentions_of(e.id)
    out = [f"## {L.MENTIONS}\n"]
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        by_article[m.article].append(m)
    if not found:
        out.append(f"{L.NOT_MENTIONED}\n")
    else:
        out.append(f"{L.count(len(found), L.N.MENTION)} {L.IN_IT} {L.count(len(by_article), L.N.ARTICLE)}.\n")
    for article_id in sorted(by_article):
        article = index.article(article_id)
        # A paragraph, not a heading: a heading would make a search section titled like the article.
        out.append(f"[{inline(article.title)}](../articles/{article_id}.md)\n{{: .dossier-mentions-of }}\n")
        for m in by_article[article_id]:
            before, name, after = around(index.block_text(m.article, m.block), m.start, m.end)
            out.append(
                f"- {NOT_SEARCHED}{inline(before)}<mark>{inline(name)}</mark>{inline(after)}</span> "
                f"([{L.PARAGRAPH} {m.block}](../articles/{article_id}.md#{m.anchor}))"
            )
        out.append("")
    together = index.together(e.id)
    if together:
        out.append(f"### {L.MENTIONED_WITH}\n")
        out.append(f"{L.MENTIONED_WITH_INTRO}\n")
        out += [f"- {link_to(other)}: {L.IN_IT} {L.count(n, L.N.PARAGRAPH)}" for i, n in together[:10] if (other := index.entity(i))]
        out.append("")
    return "\n".join(out)


def render_entity(index: DossierIndex, e: Entity) -> str:
    """Sections in a fixed order, each a heading in the table of contents: who it is and its roles; what the
    sources say; its timeline; the editor's notes about it; its mentions in the articles."""
    out = [front_matter(e.name, search_meta(index, e)), f"# {inline(e.name)}\n"]
    out += _who(index, e)
    out += _sources_say(index, e)
    out += _timeline(index, e)
    out += _notes(index, e)
    out.append(_mentions(index, e))
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    for e in index.entities:
        pages.add(e.page, render_entity(index, e))
