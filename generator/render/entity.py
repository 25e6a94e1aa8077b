"""Person and organisation pages: who they are, their roles, what the sources say, notes, every mention.

Every fact cites the quote it rests on, linked to its paragraph; every
editorial note is marked as editorial.
"""

from __future__ import annotations

from collections import defaultdict

from ..index import DossierIndex
from ..kb.schema import Entity
from ..link.names import Mention
from ..text import inline, literal
from . import labels as L
from .markdown import NOT_SEARCHED, annotation_box, around, cite, date_text, front_matter, link_to
from .pages import Pages


def also_written(e: Entity) -> list[str]:
    """Every spelling the articles use for the entity: what search finds the page by (site/searchdocs.py)."""
    names = [e.name, *e.aliases, *e.short]
    if e.latin:
        names.append(e.latin)
    return list(dict.fromkeys(names))


def _facts(index: DossierIndex, e: Entity) -> list[str]:
    out = []
    facts = []
    if e.latin:
        facts.append(f"**{L.IN_LATIN}:** <bdi>{literal(e.latin)}</bdi>")
    facts.append(f"**{L.KIND}:** {L.KIND_SINGULAR[e.kind]}")
    parent = index.entity(e.parent) if e.parent else None
    if parent is not None:
        facts.append(f"**{L.BELONGS_TO}:** {link_to(parent)}")
    out.append(" · ".join(facts) + "\n{: .dossier-meta }\n")
    out.append(f"**{L.ALSO_WRITTEN}:** " + "، ".join(inline(n) for n in also_written(e)) + "\n{: .dossier-also }\n")
    return out


def _roles(index: DossierIndex, e: Entity) -> list[str]:
    out = []
    if e.roles:
        out.append(f"## {L.ROLES}\n")
        for r in e.roles:
            span = "–".join(filter(None, [date_text(r.start), date_text(r.end)]))
            org = index.entity(r.org)
            out.append(f"- **{inline(r.title)}** {L.IN_IT} {link_to(org) if org else inline(r.org)}{f' ({span})' if span else ''}: {cite(index, r.source)}")
        out.append("")
    members = index.members(e.id)
    if members:
        out.append(f"## {L.PEOPLE_IN_ORG}\n")
        out += [f"- {link_to(p)}: **{inline(r.title)}** — {cite(index, r.source)}" for p, r in members]
        out.append("")
    children = index.children(e.id)
    if children:
        out.append(f"## {L.UNDER_IT}\n")
        out += [f"- {link_to(c)} ({L.KIND_SINGULAR[c.kind]})" for c in children]
        out.append("")
    return out


def _sources_say(index: DossierIndex, e: Entity) -> list[str]:
    out = []
    claims = [(c, c.source) for c in e.claims if c.source is not None]
    if claims:
        out.append(f"## {L.SOURCES_SAY}\n")
        out += [f"- {inline(c.text)}: {cite(index, s)}" for c, s in claims]
        out.append("")
    events = index.events_of(e.id)
    if events:
        out.append(f"## {L.EVENTS}\n")
        for ev in events:
            parts = [p.part for p in ev.participants if p.entity == e.id and p.part]
            out.append(f"- {date_text(ev.date)}: {link_to(ev)}" + (f" ({inline('، '.join(parts))})" if parts else ""))
        out.append("")
    if e.said:
        out.append(f"## {L.SAID_BY_PERSON if e.is_person else L.SAID_BY_ORG}\n")
        out += [f"- {cite(index, s)}" for s in e.said]
        out.append("")
    together = index.together(e.id)
    if together:
        out.append(f"## {L.MENTIONED_WITH}\n")
        out.append(f"{L.MENTIONED_WITH_INTRO}\n")
        out += [f"- {link_to(other)}: {n}" for i, n in together[:10] if (other := index.entity(i))]
        out.append("")
    return out


def _mentions(index: DossierIndex, e: Entity) -> str:
    found = index.mentions_of(e.id)
    out = [f"## {L.MENTIONS} ({len(found)})\n"]
    if not found:
        out.append(f"{L.NOT_MENTIONED}\n")
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        by_article[m.article].append(m)
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
    return "\n".join(out)


def render_entity(index: DossierIndex, e: Entity) -> str:
    out = [front_matter(e.name), f"# {inline(e.name)}\n"]
    out += _facts(index, e)
    out += _roles(index, e)
    out += _sources_say(index, e)
    out += [annotation_box(index, a) for a in index.notes_about(e.id)]
    out.append(_mentions(index, e))
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    for e in index.entities:
        pages.add(e.page, render_entity(index, e))
