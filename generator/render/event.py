"""Event pages: the date with its precision and basis, what the sources say, who took part, notes."""

from __future__ import annotations

from ..index import DossierIndex
from ..kb.schema import DateBasis, Event
from ..text import inline, literal
from . import labels as L
from .markdown import annotation_box, cite, date_text, front_matter, link_to
from .pages import Pages


def render_event(index: DossierIndex, ev: Event, before: Event | None, after: Event | None) -> str:
    out = [front_matter(ev.title), f"# {inline(ev.title)}\n"]
    text = f"**{L.DATE}:** {date_text(ev.date)} ({L.PRECISION_LABEL}: {L.PRECISION.get(len(ev.date), '')})"
    resolution = index.annotation(ev.resolution) if ev.resolution else None
    if ev.date_basis is DateBasis.RESOLVED:
        if resolution is not None:
            text += f' [{L.RESOLVED_BY_EDITOR}](#ann-{ev.resolution} "{literal(resolution.note)}"){{: .dossier-resolved }}'
        else:
            text += f" ({L.RESOLVED_BY_EDITOR})"
    out.append(text + "\n{: .dossier-meta }\n")
    out.append(f"## {L.WHAT_HAPPENED}\n")
    out += [f"- {cite(index, s)}" for s in ev.sources]
    out.append("")
    if ev.participants:
        out.append(f"## {L.PARTICIPANTS}\n")
        for p in ev.participants:
            e = index.entity(p.entity)
            out.append(f"- {link_to(e) if e else inline(p.entity)}" + (f": {inline(p.part)}" if p.part else ""))
        out.append("")
    if before or after:
        out.append(f"## {L.BEFORE_AFTER}\n")
        if before:
            out.append(f"- {L.BEFORE}: {date_text(before.date)}، {link_to(before)}")
        if after:
            out.append(f"- {L.AFTER}: {date_text(after.date)}، {link_to(after)}")
        out.append("")
    notes = [a for a in index.annotations if a.id == ev.resolution or ev.id in a.about]
    for a in notes:
        out.append(annotation_box(index, a, anchor=a.id == ev.resolution))
    out.append(f"[{L.ALL_EVENTS}](index.md)\n")
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    events = index.timeline
    for i, ev in enumerate(events):
        pages.add(ev.page, render_event(index, ev, events[i - 1] if i else None, events[i + 1] if i + 1 < len(events) else None))
