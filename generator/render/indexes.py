"""Index pages: the articles by date, the people, the organisations by kind, the events by year."""

from __future__ import annotations

from ..arabic import fold
from ..index import DossierIndex
from ..kb.schema import ORG_KINDS, DateBasis, Entity, EntityKind
from ..text import html_text
from . import labels as L
from .article import article_path, date_label
from .html import Here, a, p, text, ul
from .markdown import date_text, front_matter
from .pages import Pages


def _count(index: DossierIndex, e: Entity) -> str:
    """« — 12 إشارةً», or nothing when no article names it (the editor's report says so, not the reader's index)."""
    n = len(index.mentions_of(e.id))
    return f" — {L.count(n, L.N.MENTION)}" if n else ""


def _by_heading(groups: list[tuple[str, str]]) -> list[str]:
    """(heading, list item) pairs in order → a Markdown heading and one raw HTML list per run."""
    out: list[str] = []
    heading: str | None = None
    items: list[str] = []
    for h, item in groups:
        if h != heading:
            if items:
                out.append(ul(items))
            heading, items = h, []
            out.append(f"## {h}\n")
        items.append(item)
    if items:
        out.append(ul(items))
    return out


def articles_index(index: DossierIndex, here: Here) -> str:
    out = [front_matter(L.ARTICLES), f"# {L.ARTICLES}\n", p(L.articles_intro(len(index.articles)))]
    rows = []
    for article in index.newest_first:
        year = article.meta.date.value[:4] if article.meta.date else L.UNDATED
        rows.append((year, f"{a(here.to(article_path(article)), text(article.title))} — {date_label(article)}"))
    return "\n".join(out + _by_heading(rows))


def _entry(e: Entity, here: Here, index: DossierIndex) -> str:
    latin = f" (<bdi>{html_text(e.latin)}</bdi>)" if e.latin and e.latin != e.name else ""
    return f"{a(here.to(e.page), text(e.name))}{latin}{_count(index, e)}"


def people_index(index: DossierIndex, here: Here) -> str:
    people = sorted(index.of_kind(EntityKind.PERSON), key=lambda e: (fold(e.name), e.id))
    out = [front_matter(L.PEOPLE), f"# {L.PEOPLE}\n", p(L.people_intro(len(people)))]
    out.append(ul([_entry(e, here, index) for e in people]))
    return "\n".join(out)


def orgs_index(index: DossierIndex, here: Here) -> str:
    orgs = [e for e in index.entities if not e.is_person]
    out = [front_matter(L.ORGS), f"# {L.ORGS}\n", p(L.orgs_intro(len(orgs)))]
    rows = []
    for kind in ORG_KINDS:
        group = sorted((e for e in orgs if e.kind is kind), key=lambda e: (fold(e.name), e.id))
        rows += [(L.KIND_PLURAL[kind], _entry(e, here, index)) for e in group]
    return "\n".join(out + _by_heading(rows))


def events_index(index: DossierIndex, here: Here) -> str:
    events = index.timeline
    resolved = sum(1 for ev in events if ev.date_basis is DateBasis.RESOLVED)
    out = [front_matter(L.EVENTS), f"# {L.EVENTS}\n", p(L.events_intro(len(events), resolved))]
    # The intro says how many dates the editor worked out; a chip marks only the fewer kind of line.
    mark_stated = 2 * resolved > len(events)
    if mark_stated:
        chip = f' <span class="dossier-chip" title="{L.STATED_CHIP_TIP}">{L.STATED_CHIP}</span>'
    else:
        chip = f' <span class="dossier-chip" title="{L.RESOLVED_CHIP_TIP}">{L.RESOLVED_CHIP}</span>'
    rows = []
    for ev in events:
        marked = (ev.date_basis is DateBasis.RESOLVED) != mark_stated
        rows.append((ev.date[:4], f"{date_text(ev.date)}: {a(here.to(ev.page), text(ev.title))}" + (chip if marked else "")))
    return "\n".join(out + _by_heading(rows))


def render(index: DossierIndex, pages: Pages) -> None:
    for path, page in (
        ("articles/index.md", articles_index),
        ("people/index.md", people_index),
        ("orgs/index.md", orgs_index),
        ("events/index.md", events_index),
    ):
        pages.add(path, page(index, pages.here(path)))
