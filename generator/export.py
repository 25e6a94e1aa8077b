"""Export stage: the whole linked dossier as one JSON document (format in docs/export.md).

Deterministic: keys sorted, lists in a stable order (articles by file, entities
and events as the KB lists them, mentions in reading order), no timestamps.
Each entity also gets its own file (export/<id>.json) with its share of the records.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from .index import DossierIndex
from .kb.schema import Annotation, Arc, Entity, Event, Role, Source, Term
from .link.names import Mention
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


def _entity(e: Entity) -> dict[str, Any]:
    return {
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


def _role(person: Entity, r: Role) -> dict[str, Any]:
    return {"person": person.id, "org": r.org, "title": r.title, "start": r.start or None, "end": r.end or None, "source": _source(r.source)}


def _event(ev: Event) -> dict[str, Any]:
    return {
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


def _annotation(a: Annotation) -> dict[str, Any]:
    return {"id": a.id, "kind": a.kind.value, "note": a.note, "anchor": _source(a.anchor), "basis": [_source(b) for b in a.basis], "about": list(a.about)}


def _mention(index: DossierIndex, m: Mention) -> dict[str, Any]:
    """A mention's record, as docs/export.md gives it; the export writes it out (`_mention_json`)."""
    return {
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


_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
"""Compact: no indentation (json's C encoder only runs without it), one record per line is left to jq."""


def _parts(doc: dict[str, Any], encoded: Mapping[str, list[str]]) -> list[str]:
    """`doc` as JSON in pieces, with `encoded`'s values (JSON already, in pieces) in their keys' places: joined,
    one encoding of the whole."""
    fields = {k: [_encode(v)] for k, v in doc.items()} | dict(encoded)
    out = ["{"]
    for n, (k, v) in enumerate(sorted(fields.items())):
        out += [f"{',' if n else ''}{_encode(k)}:", *v]
    return [*out, "}\n"]


CHUNK = 2048
"""Mentions per piece of an array: dossier.json is written piece by piece, never held whole (a hundred megabytes
at 2,000 articles: one emoji in it makes Python keep every character in four bytes)."""


class _Mentions:
    """Each mention's record encoded once: dossier.json and its entity's file hold the same one."""

    def __init__(self, index: DossierIndex) -> None:
        self.index = index
        self._done: dict[int, str] = {}
        """By id() of the mention, which the index keeps alive."""

    def array(self, found: Sequence[Mention]) -> list[str]:
        """The JSON array of `found`, in pieces of CHUNK records."""
        done, index = self._done, self.index
        items = [done.get(id(m)) or done.setdefault(id(m), _mention_json(index, m)) for m in found]
        return ["[", *(("," if i else "") + ",".join(items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)), "]"]


def _mention_json(index: DossierIndex, m: Mention) -> str:
    """`_encode(_mention(index, m))` written out; with each mention encoded once, the export takes 0.6 s instead of
    0.9 at 2,000 articles. tests/test_export.py holds the two to the same bytes."""
    s, text = encode_basestring, index.block_text(m.article, m.block)[m.start : m.end]
    return (
        f'{{"anchor":{s(m.anchor)},"article":{s(m.article)},"block":{m.block:d},"end":{m.end:d},"entity":{s(m.entity)},'
        f'"name_start":{m.name_start:d},"short":{"true" if m.short else "false"},"start":{m.start:d},"text":{s(text)}}}'
    )


def _arc(arc: Arc) -> dict[str, Any]:
    return {"id": arc.id, "title": arc.title, "summary": arc.summary, "events": list(arc.events), "sources": [_source(s) for s in arc.sources]}


def _term(t: Term) -> dict[str, Any]:
    return {
        "id": t.id,
        "term": t.term,
        "latin": t.latin,
        "spellings": list(t.spellings),
        "defined_by": _source(t.defined_by) if t.defined_by else None,
        "editorial": t.editorial or None,
        "basis": [_source(s) for s in t.basis],
        "entity": t.entity or None,
    }


def export(index: DossierIndex, mentions: _Mentions | None = None) -> str:
    """dossier.json: every article, entity, role, event, note and mention, with their sources."""
    return "".join(export_parts(index, mentions))


def export_parts(index: DossierIndex, mentions: _Mentions | None = None) -> list[str]:
    """dossier.json in pieces (see `export`)."""
    kb = index.kb
    return _parts(
        {
            "format": FORMAT,
            "articles": [_article(a) for a in index.articles],
            "entities": [_entity(e) for e in kb.entities],
            "roles": [_role(e, r) for e in kb.entities for r in e.roles],
            "events": [_event(ev) for ev in kb.events],
            "annotations": [_annotation(a) for a in kb.annotations],
            "arcs": [_arc(arc) for arc in kb.arcs],
            "glossary": [_term(t) for t in kb.glossary],
        },
        {"mentions": (mentions or _Mentions(index)).array(index.mentions)},
    )


def entity_path(e: Entity) -> str:
    return f"export/{e.id}.json"


def export_entity(index: DossierIndex, e: Entity, mentions: _Mentions | None = None) -> str:
    """export/<id>.json (see `export_entity_parts`)."""
    return "".join(export_entity_parts(index, e, mentions))


def export_entity_parts(index: DossierIndex, e: Entity, mentions: _Mentions | None = None) -> list[str]:
    """One entity's share of the export, so a reader of one person need not fetch the whole dossier.

    The same records as dossier.json: the entity, its roles (or the people with a role in it), its
    events, the notes about it, and its mentions; articles are named by id, not copied.
    """
    roles = [_role(e, r) for r in e.roles] + [_role(person, r) for person, r in index.members(e.id)]
    return _parts(
        {
            "format": FORMAT,
            "entity": _entity(e),
            "roles": roles,
            "events": [_event(ev) for ev in index.events_of(e.id)],
            "annotations": [_annotation(a) for a in index.notes_about(e.id)],
        },
        {"mentions": (mentions or _Mentions(index)).array(index.mentions_of(e.id))},
    )


WHOLE = "dossier.json"


def export_files(index: DossierIndex) -> dict[str, str]:
    """Every exported file by its path in the built site."""
    return dict(export_later(index))


class Later(Mapping[str, str]):
    """Files by path, each made when it is first read. `mkdocs build` names the export's files when it plans
    the site and makes them in the process that writes them (generator/site/hook.py), so no page waits:
    `write` makes a file piece by piece into the built site, keeping nothing."""

    def __init__(self, makers: dict[str, Callable[[], list[str]]]) -> None:
        self._makers = makers
        self._made: dict[str, str] = {}

    def __getitem__(self, path: str) -> str:
        if (text := self._made.get(path)) is None:
            text = self._made[path] = "".join(self._makers[path]())
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __contains__(self, path: object) -> bool:  # without making the file (Mapping's own would)
        return path in self._makers

    def __len__(self) -> int:
        return len(self._makers)

    def write(self, path: str, target: Path) -> None:
        """The file at `path` written to `target` (its folder made), as UTF-8, the same bytes as self[path]."""
        parts = [self._made[path]] if path in self._made else self._makers[path]()
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="") as f:
            f.writelines(parts)


def export_later(index: DossierIndex) -> Later:
    """Every exported file by its path in the built site, each made when it is read: dossier.json, then each entity's."""
    mentions = _Mentions(index)  # shared: each mention encoded once
    return Later({WHOLE: partial(export_parts, index, mentions), **{entity_path(e): partial(export_entity_parts, index, e, mentions) for e in index.entities}})
