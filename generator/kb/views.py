"""Load stage for the editor's curated views: seeds/arcs.yml (story arcs) and seeds/glossary.yml.

Both are optional files. Every quote is found in its article like any other
source (link/quotes.py); arcs may only name events of events.yml, glossary terms
only entities the knowledge base has; every glossary spelling must occur in some
article, or it would never be marked. Problems are reported with file:line and a fix.
"""

from __future__ import annotations

from pathlib import Path

from ..yamlfile import Fields, Located, load
from .load import EVENTS, ORGS, PEOPLE, _Scope, _spec, records
from .schema import Arc, Entity, Event, Term

DOSSIER = "seeds/dossier.yml"
ARCS = "seeds/arcs.yml"
GLOSSARY = "seeds/glossary.yml"
ARC_FIELDS = _spec("id title summary events sources")
TERM_FIELDS = _spec("id term spellings", "latin defined_by editorial basis entity")


def _arc(scope: _Scope, events: dict[str, Event], item: Located, f: Fields, id: str) -> Arc:
    ids = f.texts("events")
    for ev in ids:  # as every reference: an event declared but broken, or in a file unread or gone, is no second error
        scope.refer(ev, (EVENTS,), ARCS, item.line_of("events"), f"event in arc '{id}':")
    sources = scope.sources(item.get("sources"), ARCS, item.line_of("sources"), f"arc '{id}'")
    return Arc(id, f.text("title"), f.text("summary").strip(), tuple(e for e in ids if e in events), sources, ARCS, item.line)


def _term(scope: _Scope, entities: dict[str, Entity], texts: list[str], item: Located, f: Fields, id: str) -> Term:
    spellings = f.texts("spellings")
    for spelling in spellings:
        if texts and not any(spelling in t for t in texts):
            if scope.unread:  # it may be in an article that could not be read: said once, as for its quotes
                scope.skipped.update(scope.unread.values())
                continue
            scope.report.error(
                GLOSSARY,
                item.line_of("spellings"),
                f"spelling '{spelling}' of term '{id}' occurs in no article",
                "copy the characters as an article writes them",
            )
    defined_by = None
    if item.get("defined_by") is not None:
        defined_by = scope.source(item["defined_by"], GLOSSARY, item.line_of("defined_by"), f"the definition of '{id}'")
    editorial = f.text("editorial").strip()
    if item.get("defined_by") is None and not editorial:
        scope.report.error(
            GLOSSARY, item.line, f"term '{id}' has no definition", "quote the articles' own (defined_by: {article, quote}) or write one (editorial: …)"
        )
    basis = scope.sources(item.get("basis"), GLOSSARY, item.line_of("basis"), f"the basis of '{id}'")
    entity = f.text("entity")
    if entity and entity not in entities:
        scope.refer(entity, (PEOPLE, ORGS), GLOSSARY, item.line_of("entity"), f"entity in term '{id}':")
        entity = ""
    return Term(id, f.text("term"), f.text("latin"), spellings, defined_by, editorial, basis, entity, GLOSSARY, item.line)


def load_front(scope: _Scope, root: Path) -> tuple[str, str]:
    """The front page's title and opening paragraph (seeds/dossier.yml); empty when there is no such file."""
    path = root / DOSSIER
    if not path.exists():
        return "", ""
    data = load(path, DOSSIER, scope.report)
    item = scope.fields(data, _spec("title", "intro"), DOSSIER, "the dossier", 1) if data is not None else None
    if item is None:
        return "", ""
    f = Fields(item, DOSSIER, scope.report)
    return f.text("title").strip(), f.text("intro").strip()


def load_curated(scope: _Scope, root: Path, entities: list[Entity], events: list[Event]) -> tuple[tuple[Arc, ...], tuple[Term, ...]]:
    """The story arcs and the glossary, checked against the knowledge base and the articles."""
    by_event = {e.id: e for e in events}
    by_entity = {e.id: e for e in entities}
    texts = [t for a in scope.articles.values() for t in (a.title, *(b.text for b in a.blocks))]
    arcs = tuple(_arc(scope, by_event, *r) for r in records(scope, root, ARCS, ARC_FIELDS, {}, "firing-and-return"))
    terms = tuple(_term(scope, by_entity, texts, *r) for r in records(scope, root, GLOSSARY, TERM_FIELDS, {}, "agi"))
    return arcs, terms
