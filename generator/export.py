"""Export stage: the whole linked dossier as one JSON document (format in docs/export.md).

Deterministic: keys sorted, lists in a stable order (articles by file, entities
and events as the KB lists them, mentions in reading order), no timestamps.
"""

from __future__ import annotations

import json
from typing import Any

from .index import DossierIndex
from .kb.schema import Source
from .model import Article

FORMAT = "openai-dossier/1"


def _source(s: Source) -> dict[str, Any]:
    return {"article": s.article, "quote": s.quote, "block": s.block, "anchor": s.anchor, "start": s.start, "end": s.end}


def _article(a: Article) -> dict[str, Any]:
    date = a.meta.date
    return {
        "id": a.id,
        "file": a.path,
        "title": a.title,
        "page": f"articles/{a.id}.md",
        "outlet": a.meta.outlet,
        "byline": a.byline,
        "date": {"value": date.value, "precision": date.precision, "basis": date.basis, "note": date.note} if date else None,
        "blocks": [{"number": b.number, "anchor": b.anchor, "kind": b.kind.value, "section": b.section, "line": b.line, "text": b.text} for b in a.blocks],
        "dropped": [{"line": d.line, "text": d.text, "rule": d.rule, "reason": d.reason} for d in a.dropped],
    }


def export(index: DossierIndex) -> str:
    """dossier.json: every article, entity, role, event, note and mention, with their sources."""
    articles, kb = index.articles, index.kb
    doc = {
        "format": FORMAT,
        "articles": [_article(a) for a in articles],
        "entities": [
            {
                "id": e.id,
                "type": "person" if e.is_person else "organisation",
                "kind": e.kind.value,
                "name": e.name,
                "latin": e.latin,
                "aliases": list(e.aliases),
                "short": list(e.short),
                "parent": e.parent or None,
                "page": e.page,
                "claims": [{"text": c.text, "source": _source(c.source)} for c in e.claims if c.source],
                "said": [_source(s) for s in e.said],
            }
            for e in kb.entities
        ],
        "roles": [
            {"person": e.id, "org": r.org, "title": r.title, "start": r.start or None, "end": r.end or None, "source": _source(r.source)}
            for e in kb.entities
            for r in e.roles
        ],
        "events": [
            {
                "id": ev.id,
                "title": ev.title,
                "date": ev.date,
                "precision": ev.precision,
                "date_basis": ev.date_basis.value,
                "resolution": ev.resolution or None,
                "page": ev.page,
                "participants": [{"entity": p.entity, "part": p.part} for p in ev.participants],
                "sources": [_source(s) for s in ev.sources],
            }
            for ev in kb.events
        ],
        "annotations": [
            {"id": a.id, "kind": a.kind.value, "note": a.note, "anchor": _source(a.anchor), "basis": [_source(b) for b in a.basis], "about": list(a.about)}
            for a in kb.annotations
        ],
        "mentions": [
            {
                "entity": m.entity,
                "article": m.article,
                "block": m.block,
                "anchor": m.anchor,
                "start": m.start,
                "end": m.end,
                "name_start": m.name_start,
                "short": m.short,
                "text": index.block_text(m.article, m.block)[m.start : m.end],
            }
            for m in index.mentions
        ],
    }
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
