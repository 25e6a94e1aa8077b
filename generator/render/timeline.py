"""The timeline (/timeline/), and the same component filtered on each person and organisation page.

Events are grouped by year and month and drawn at their own precision: a date
the sources give to the month is never drawn as a day. Within a month the dated
days come first, then what is known only to the month; within a year its months,
then what is known only to the year; undated events last. Everything reads
without JavaScript (year links are plain anchors); docs/assets/javascripts/
timeline.js only adds the person/organisation filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..arabic import sort_key
from ..index import DossierIndex
from ..index import event_order as order_key
from ..kb.schema import Arc, DateBasis, Event, Source
from ..text import MONTHS, arabic_date
from . import labels as L
from . import viewlabels as V
from .html import SEP, Here, a, attr, text
from .markdown import front_matter
from .pages import Pages

PATH = "timeline/index.md"
NOT_INDEXED = "search:\n  exclude: true\n"
"""The timeline repeats the event pages' titles: search finds those pages, not this one."""


@dataclass(frozen=True)
class Period:
    """A run of events under one heading: a month, the rest of a year, or the undated."""

    year: str
    """'2023', or '' for the undated."""
    month: int
    """1–12; 13 for events known only to the year; 0 for the undated."""
    events: tuple[Event, ...]

    @property
    def anchor(self) -> str:
        if not self.year:
            return "undated"
        return f"y-{self.year}-rest" if self.month == 13 else f"m-{self.year}-{self.month:02d}"

    @property
    def heading(self) -> str:
        if not self.year:
            return V.UNDATED
        if self.month == 13:
            return V.YEAR_ONLY.format(year=self.year)
        return f"{MONTHS[self.month - 1]} {self.year}"


def periods(events: Iterable[Event]) -> list[Period]:
    """The events in timeline order, cut into periods."""
    out: list[Period] = []
    run: list[Event] = []
    current: tuple[str, int] | None = None
    for ev in sorted(events, key=order_key):
        k = order_key(ev)
        here = (str(k[1]), k[2]) if k[0] == 0 else ("", 0)
        if here != current and run and current is not None:
            out.append(Period(current[0], current[1], tuple(run)))
            run = []
        current = here
        run.append(ev)
    if run and current is not None:
        out.append(Period(current[0], current[1], tuple(run)))
    return out


def _date(ev: Event, here: Here) -> str:
    if not ev.date:
        return f'<span class="dossier-tl-date">{V.UNDATED}</span>'
    shown = text(arabic_date(ev.date))
    if len(ev.date) == 7:
        shown += f' <span class="dossier-tl-vague">({V.MONTH_ONLY})</span>'
    out = f'<span class="dossier-tl-date"><time datetime="{ev.date}">{shown}</time>'
    if ev.date_basis is DateBasis.RESOLVED:
        target = here.to(ev.page, f"ann-{ev.resolution}" if ev.resolution else "")
        out += " " + a(target, V.EDITOR_DATE, V.EDITOR_DATE_TIP, "dossier-chip dossier-tl-resolved")
    return out + "</span>"


def _item(index: DossierIndex, ev: Event, here: Here) -> str:
    who = []
    for part in ev.participants:
        e = index.entity(part.entity)
        if e is not None:
            who.append(a(here.to(e.page), text(e.name), part.part))
    by_paragraph: dict[tuple[str, int | None], list[Source]] = {}  # two quotes of one paragraph: one link, both in its title
    for s in ev.sources:
        by_paragraph.setdefault((s.article, s.block), []).append(s)
    sources = []
    for (article, block), quoted in by_paragraph.items():
        where = f"«{text(index.article(article).title)}»" + (f"، {L.paragraph(block)}" if block else "")
        sources.append(a(here.to(f"articles/{article}.md", quoted[0].anchor), where, " … ".join(q.quote for q in quoted)))
    entities = " ".join(dict.fromkeys(part.entity for part in ev.participants))
    parts = [_date(ev, here), f'<span class="dossier-tl-title">{a(here.to(ev.page), text(ev.title))}</span>']
    if who:
        parts.append(f'<span class="dossier-tl-who" data-search-exclude><span class="dossier-label">{V.PARTICIPANTS}:</span> {"، ".join(who)}</span>')
    if sources:
        parts.append(f'<span class="dossier-tl-src" data-search-exclude><span class="dossier-label">{V.SOURCES}:</span> {"؛ ".join(sources)}</span>')
    return f'<li id="ev-{ev.id}" class="dossier-tl-event" data-entities="{attr(entities)}">{" ".join(parts)}</li>'


def component(index: DossierIndex, events: Sequence[Event], here: Here) -> str:
    """The compact timeline of some events (a person's, an organisation's): one list, periods as its dividers."""
    lines = ['<ol class="dossier-timeline dossier-timeline-small">']
    for period in periods(events):
        lines.append(f'<li class="dossier-tl-period" aria-hidden="true">{text(period.heading)}</li>')
        lines += [_item(index, ev, here) for ev in period.events]
    lines.append("</ol>\n")
    return "\n".join(lines)


def _filter(index: DossierIndex, events: Sequence[Event]) -> str:
    """The person/organisation filter: hidden until timeline.js shows it, so no dead control without JavaScript."""
    counts: dict[str, int] = {}
    for ev in events:
        for id in dict.fromkeys(p.entity for p in ev.participants):
            counts[id] = counts.get(id, 0) + 1
    groups = {True: [], False: []}  # type: dict[bool, list[str]]
    for id in counts:
        e = index.entity(id)
        if e is not None:
            groups[e.is_person].append(id)
    out = [
        '<div class="dossier-tl-filter" hidden>',
        f'<label for="dossier-tl-who">{V.FILTER}</label>',
        '<select id="dossier-tl-who">',
        f'<option value="">{V.FILTER_ALL}</option>',
    ]
    for is_person, label in ((True, V.PEOPLE), (False, V.ORGS)):
        out.append(f'<optgroup label="{label}">')
        for id in sorted(groups[is_person], key=lambda i: sort_key(index.entity(i).name)):  # type: ignore[union-attr]
            e = index.entity(id)
            assert e is not None
            out.append(f'<option value="{attr(id)}">{attr(e.name)} ({counts[id]})</option>')
        out.append("</optgroup>")
    out += ["</select>", f'<output for="dossier-tl-who" data-template="{V.FILTER_SHOWING}: {{shown}} / {{total}}"></output>', "</div>\n"]
    return "\n".join(out)


def page(index: DossierIndex, here: Here) -> str:
    events = index.timeline
    cut = periods(events)
    years = list(dict.fromkeys(p.year for p in cut if p.year))
    span = V.SPAN_FROM_TO.format(start=years[0], end=years[-1]) if years else ""
    out = [
        front_matter(V.TIMELINE, NOT_INDEXED),
        f"# {V.TIMELINE}\n",
        f"{V.TIMELINE_INTRO} {count_line(len(events), span)}\n",
        f"{V.TIMELINE_ORDER}\n{{: .dossier-meta }}\n",
    ]
    if years:
        out.append(f"{V.JUMP_TO_YEAR}: " + SEP.join(f"[{y}](#y-{y})" for y in years) + "\n{: .dossier-tl-years }\n")
    out.append(_filter(index, events))
    starts = _arc_starts(index)
    year = None
    for period in cut:
        if period.year != year:
            if year is not None:
                out.append("</section>\n")
            year = period.year
            ident = f"y-{year}" if year else "undated"
            out.append(f'<section class="dossier-tl-group dossier-tl-year" markdown>\n\n## {year or V.UNDATED} {{: #{ident} }}\n')
        alone = period.month == 13 and sum(1 for p in cut if p.year == period.year) == 1
        heading = "" if alone else f"### {text(period.heading)} {{: #{period.anchor} }}\n"
        out.append(f'<div class="dossier-tl-group" markdown>\n\n{heading}')
        out.append('<ol class="dossier-timeline">')
        for ev in period.events:
            for arc_id, title in starts.get(ev.id, []):
                out.append(f'<li id="arc-{arc_id}" class="dossier-tl-arc">{V.ARC_STARTS} «{a(here.to("index.md", f"arc-{arc_id}"), text(title))}»</li>')
            out.append(_item(index, ev, here))
        out.append("</ol>\n\n</div>\n")
    if year is not None:
        out.append("</section>\n")
    return "\n".join(out)


def count_line(n: int, span: str) -> str:
    return f"{V.count(n, V.EVENT)}، {span}." if span else f"{V.count(n, V.EVENT)}."


def arc_anchor(index: DossierIndex, arc: Arc) -> str:
    """The heading of the timeline under which an arc's first event stands (its month, else its year)."""
    events = [e for e in (index.event(i) for i in arc.events) if e is not None]
    if not events:
        return ""
    first = min(events, key=order_key)
    period = next(p for p in periods(index.timeline) if first in p.events)
    if not period.year:
        return period.anchor
    alone = period.month == 13 and sum(1 for p in periods(index.timeline) if p.year == period.year) == 1
    return f"y-{period.year}" if alone else period.anchor


def _arc_starts(index: DossierIndex) -> dict[str, list[tuple[str, str]]]:
    """Per event id: the arcs that begin with it on the timeline."""
    out: dict[str, list[tuple[str, str]]] = {}
    for arc in index.kb.arcs:
        events = [e for e in (index.event(i) for i in arc.events) if e is not None]
        if events:
            first = min(events, key=order_key)
            out.setdefault(first.id, []).append((arc.id, arc.title))
    return out


def render(index: DossierIndex, pages: Pages) -> None:
    pages.add(PATH, page(index, pages.here(PATH)))
