"""Index pages: the articles by date, the people, the organisations by kind, the events by year."""

from __future__ import annotations

from ..arabic import fold
from ..index import DossierIndex
from ..kb.schema import ORG_KINDS, DateBasis, Entity, EntityKind
from ..text import inline, literal
from . import labels as L
from .article import date_label
from .markdown import date_text, front_matter
from .pages import Pages


def _count(index: DossierIndex, e: Entity) -> str:
    n = len(index.mentions_of(e.id))
    return f"{L.MENTIONS_COUNT}: {n}" if n else L.NO_MENTIONS


def articles_index(index: DossierIndex) -> str:
    out = [front_matter(L.ARTICLES), f"# {L.ARTICLES}\n", f"{L.articles_intro(len(index.articles))}\n"]
    year = None
    for article in index.newest_first:
        this_year = article.meta.date.value[:4] if article.meta.date else L.UNDATED
        if this_year != year:
            year = this_year
            out.append(f"\n## {year}\n")
        out.append(f"- [{inline(article.title)}]({article.id}.md) — {date_label(article)}")
    return "\n".join(out) + "\n"


def people_index(index: DossierIndex) -> str:
    people = sorted(index.of_kind(EntityKind.PERSON), key=lambda e: (fold(e.name), e.id))
    out = [front_matter(L.PEOPLE), f"# {L.PEOPLE}\n", f"{L.people_intro(len(people))}\n"]
    for e in people:
        latin = f" (<bdi>{literal(e.latin)}</bdi>)" if e.latin else ""
        out.append(f"- [{inline(e.name)}]({e.id}.md){latin} — {_count(index, e)}")
    return "\n".join(out) + "\n"


def orgs_index(index: DossierIndex) -> str:
    orgs = [e for e in index.entities if not e.is_person]
    out = [front_matter(L.ORGS), f"# {L.ORGS}\n", f"{L.orgs_intro(len(orgs))}\n"]
    for kind in ORG_KINDS:
        group = sorted((e for e in orgs if e.kind is kind), key=lambda e: (fold(e.name), e.id))
        if not group:
            continue
        out.append(f"\n## {L.KIND_PLURAL[kind]}\n")
        for e in group:
            latin = f" (<bdi>{literal(e.latin)}</bdi>)" if e.latin and e.latin != e.name else ""
            out.append(f"- [{inline(e.name)}]({e.id}.md){latin} — {_count(index, e)}")
    return "\n".join(out) + "\n"


def events_index(index: DossierIndex) -> str:
    events = index.timeline
    out = [front_matter(L.EVENTS), f"# {L.EVENTS}\n", f"{L.events_intro(len(events))}\n"]
    year = None
    chip = f' <span class="dossier-chip" title="{L.RESOLVED_CHIP_TIP}">{L.RESOLVED_CHIP}</span>'
    for ev in events:
        if ev.date[:4] != year:
            year = ev.date[:4]
            out.append(f"\n## {year}\n")
        mark = chip if ev.date_basis is DateBasis.RESOLVED else ""
        out.append(f"- {date_text(ev.date)}{mark}: [{inline(ev.title)}]({ev.id}.md)")
    return "\n".join(out) + "\n"


def render(index: DossierIndex, pages: Pages) -> None:
    pages.add("articles/index.md", articles_index(index))
    pages.add("people/index.md", people_index(index))
    pages.add("orgs/index.md", orgs_index(index))
    pages.add("events/index.md", events_index(index))
