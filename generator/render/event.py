"""Event pages: the date with its precision and basis, what the sources say, who took part, notes."""

from __future__ import annotations

from ..index import DossierIndex
from ..kb.schema import DateBasis, Event
from ..text import inline
from . import labels as L
from . import viewlabels as V
from .html import Here, a, p, text, ul
from .markdown import annotation_box, cite, date_text, front_matter, link_to
from .pages import Pages


def render_event(index: DossierIndex, ev: Event, before: Event | None, after: Event | None, here: Here) -> str:
    """The event, its sources, who took part, the events before and after it, the notes on it; a way back to the
    events at the top and the bottom, as on person and organisation pages."""
    back = p(f"{V.BACK_TO} {a(here.to('events/index.md'), V.EVENTS)}", "dossier-back")
    out = [front_matter(ev.title), back, f"# {inline(ev.title)}\n"]
    # The date says its own precision («نوفمبر 2023», «17 نوفمبر 2023»): no internal label beside it.
    line = f"<strong>{L.DATE}:</strong> {date_text(ev.date)}"
    resolution = index.annotation(ev.resolution) if ev.resolution else None
    if ev.date_basis is DateBasis.RESOLVED:
        if resolution is not None:
            line += " " + a(f"#ann-{ev.resolution}", L.RESOLVED_BY_EDITOR, resolution.note, "dossier-resolved")
        else:
            line += f" ({L.RESOLVED_BY_EDITOR})"
    out.append(p(line, "dossier-meta"))
    out.append(f"## {L.WHAT_HAPPENED}\n")
    out.append(ul([cite(index, s, here) for s in ev.sources]))
    if ev.participants:
        out.append(f"## {L.PARTICIPANTS}\n")
        items = []
        for part in ev.participants:
            e = index.entity(part.entity)
            items.append((link_to(e, here) if e else text(part.entity)) + (f": {text(part.part)}" if part.part else ""))
        out.append(ul(items))
    if before or after:
        out.append(f"## {L.BEFORE_AFTER}\n")
        items = []
        if before:
            items.append(f"{L.BEFORE}: {date_text(before.date)}، {link_to(before, here)}")
        if after:
            items.append(f"{L.AFTER}: {date_text(after.date)}، {link_to(after, here)}")
        out.append(ul(items))
    notes = [note for note in index.annotations if note.id == ev.resolution or ev.id in note.about]
    if notes:
        out.append(f"## {L.ENTITY_NOTES} ({L.count(len(notes), L.N.NOTE)})\n")
        out += [annotation_box(index, note, here, anchor=note.id == ev.resolution, number=n) for n, note in enumerate(notes, start=1)]
    out.append(back)
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    events = index.timeline
    for i, ev in enumerate(events):
        if not pages.take(ev.id):
            continue
        before, after = (events[i - 1] if i else None), (events[i + 1] if i + 1 < len(events) else None)
        pages.add(ev.page, render_event(index, ev, before, after, pages.here(ev.page)))
