"""The front page (/): what the dossier covers, its figures, the story arcs, the central people, the articles.

Everything but the heading and the opening paragraph (seeds/dossier.yml) is
counted or listed from the index at build time, so a new article changes the
figures with no change here. Arc summaries are the editor's and say so.
"""

from __future__ import annotations

from ..index import DossierIndex
from ..kb.schema import Arc, Entity, EntityKind
from ..text import arabic_date, inline, literal
from . import labels as L
from . import timeline
from . import viewlabels as V
from .article import date_label
from .html import DASH, SEP, Here
from .markdown import cite, front_matter
from .pages import Pages

PATH = "index.md"
CENTRAL = 8
"""How many people the front page names."""


def figures(index: DossierIndex) -> dict[str, int]:
    """The counts the front page shows, by the name the export uses for the same list."""
    people = len(index.of_kind(EntityKind.PERSON))
    return {
        "articles": len(index.articles),
        "people": people,
        "organisations": len(index.entities) - people,
        "events": len(index.kb.events),
        "annotations": len(index.annotations),
    }


def date_span(index: DossierIndex) -> tuple[str, str]:
    """The earliest and latest dates of the events, as written (YYYY[-MM[-DD]]): what the figure's label says and
    the timeline it links to shows. An article's own date is not an event (one dated after every event made the
    figure end on a day the timeline did not reach)."""
    dates = [e.date for e in index.kb.events if e.date]
    if not dates:
        return "", ""
    return min(dates), max(dates)


FIGURES = (
    ("articles", V.ARTICLE, "articles/index.md"),
    ("people", V.PERSON, "people/index.md"),
    ("organisations", V.ORGANISATION, "orgs/index.md"),
    ("events", V.EVENT, "timeline/index.md"),
    ("annotations", V.NOTE, ""),
)


def _figures(index: DossierIndex) -> str:
    counts = figures(index)
    out = [f"## {V.IN_FIGURES}\n", '<div class="dossier-figures" markdown>']
    for key, noun, target in FIGURES:
        n = counts[key]
        text = f'<span class="dossier-figure-n" data-figure="{key}" data-n="{n}">{V.count(n, noun)}</span>'
        out.append(f"[{text}]({target}){{: .dossier-figure }}" if target else f'<span class="dossier-figure">{text}</span>')
    start, end = date_span(index)
    if start:
        span = V.SPAN_FROM_TO.format(start=literal(arabic_date(start)), end=literal(arabic_date(end)))
        text = f'<span class="dossier-figure-n" data-figure="span" data-start="{start}" data-end="{end}">{span}</span>'
        out.append(f'[{text} <span class="dossier-figure-label">{V.SPAN}</span>](timeline/index.md){{: .dossier-figure .dossier-figure-wide }}')
    out.append("</div>\n")
    return "\n".join(out)


def _arc_dates(index: DossierIndex, arc: Arc) -> str:
    """The arc's span, at the precision of its vaguest date: a month-only event is never drawn as a day."""
    dates = sorted(e.date for e in (index.event(i) for i in arc.events) if e is not None and e.date)
    if not dates:
        return ""
    cut = min(len(d) for d in dates)
    first, last = literal(arabic_date(dates[0][:cut])), literal(arabic_date(dates[-1][:cut]))
    return first if first == last else f"{first} – {last}"


def _arc(index: DossierIndex, arc: Arc, here: Here) -> str:
    facts = [x for x in (_arc_dates(index, arc), V.count(len(arc.events), V.EVENT)) if x]
    facts.append(f"[{V.ON_THE_TIMELINE}](timeline/index.md#{timeline.arc_anchor(index, arc)})")
    out = [
        f"### {inline(arc.title)} {{: #arc-{arc.id} }}\n",
        SEP.join(facts) + "\n{: .dossier-meta }\n",
        f'<div class="admonition abstract dossier-editorial" markdown>\n<p class="admonition-title">{V.EDITORIAL_SUMMARY}</p>\n',
        inline(arc.summary) + "\n",
    ]
    if arc.sources:
        out.append(f'<details class="dossier-basis" markdown>\n<summary>{V.SUMMARY_BASIS} ({V.count(len(arc.sources), V.SOURCE)})</summary>\n')
        out += [f"- {cite(index, s, here)}" for s in arc.sources]
        out.append("\n</details>\n")
    out.append("</div>\n")
    return "\n".join(out)


def main_role(index: DossierIndex, e: Entity) -> str:
    """The first role the editor lists for a person (people.yml lists the main one first), with its organisation."""
    if not e.roles:
        return ""
    role = e.roles[0]
    org = index.entity(role.org)
    return f"{inline(role.title)}، {inline(org.name)}" if org else inline(role.title)


def central_people(index: DossierIndex, n: int = CENTRAL) -> list[Entity]:
    """The most mentioned people, most first; ties by id."""
    people = [e for e in index.of_kind(EntityKind.PERSON) if index.mentions_of(e.id)]
    return sorted(people, key=lambda e: (-len(index.mentions_of(e.id)), e.id))[:n]


def _people(index: DossierIndex) -> str:
    people = central_people(index)
    if not people:
        return ""
    out = [f"## {V.CENTRAL_PEOPLE}\n", f"{V.CENTRAL_PEOPLE_INTRO}\n"]
    for e in people:
        role = main_role(index, e)
        out.append(f"- [{inline(e.name)}]({e.page})" + (f"{DASH}{role}" if role else "") + f"{SEP}{V.count(len(index.mentions_of(e.id)), V.MENTION)}")
    out.append(f"\n[{V.ALL_PEOPLE}](people/index.md)\n")
    return "\n".join(out)


NEWEST = 10
"""Articles the front page lists, newest first: the page does not grow with the dossier."""


def _articles(index: DossierIndex) -> str:
    out = [f"## {V.NEWEST_ARTICLES}\n"]
    for a in index.newest_first[:NEWEST]:
        outlet = f"{SEP}{inline(a.meta.outlet)}" if a.meta.outlet else ""
        out.append(f"- [{inline(a.title)}](articles/{a.id}.md){DASH}{date_label(a)}{outlet}")
    if len(index.articles) > NEWEST:
        out.append(f"\n[{L.ALL_ARTICLES} ({V.count(len(index.articles), V.ARTICLE)})](articles/index.md)")
    return "\n".join(out) + "\n"


def page(index: DossierIndex, here: Here) -> str:
    kb = index.kb
    title = kb.title or V.HOME
    out = [front_matter(title, "hide:\n  - toc\n"), f"# {inline(title)}\n"]
    if kb.intro:
        out.append(f"{inline(kb.intro)}\n")
    out.append(f"[{V.HOW_TO_READ}](about.md){SEP}[{L.ALL_ARTICLES}](articles/index.md)\n{{: .dossier-meta }}\n")
    out.append(_figures(index))
    if kb.arcs:
        out.append(f"## {V.ARCS}\n")
        out += [_arc(index, arc, here) for arc in kb.arcs]
    out.append(_people(index))
    out.append(_articles(index))
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    pages.add(PATH, page(index, pages.here(PATH)))
