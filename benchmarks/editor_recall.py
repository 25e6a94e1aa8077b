"""Recall and false alarms of the editor's unknown-name report, measured on the seeds.

Known people (then known organisations) are removed from a copy of the knowledge
base; the articles are linked again without them, and the report's unknown names
are compared with the removed entities' spellings:

- recall: removed entities the seeds name (by a full name) that the report lists at least once;
- false alarms: reported names that are no entity's name at all (nothing the editor should add).

    python -m benchmarks.editor_recall          # both kinds, with the misses and false alarms
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from generator.arabic import fold, strip_proclitics
from generator.build import generate
from generator.editor import unknown_names
from generator.errors import Report
from generator.index import DossierIndex
from generator.kb.curated import load_not_entities
from generator.kb.schema import Entity
from generator.link.names import link_all

ROOT = Path(__file__).resolve().parent.parent


def _words(text: str) -> set[str]:
    return {strip_proclitics(w) for w in fold(text).split()}


def names_of(e: Entity) -> list[set[str]]:
    return [_words(n) for n in (*e.full_names, e.latin) if n]


def matches(candidate: str, e: Entity) -> bool:
    """The candidate is one of the entity's names, or part of one, or holds one."""
    c = _words(candidate)
    return any(c <= n or n <= c for n in names_of(e))


def measure(people: bool) -> tuple[int, int, list[str], list[str], int, int]:
    dossier = generate(ROOT)
    articles = dossier.index.articles
    everyone = dossier.index.kb.entities
    removed = [e for e in everyone if e.is_person == people]
    kept = tuple(e for e in everyone if e.is_person != people)
    kb = replace(dossier.index.kb, entities=kept)
    index = DossierIndex.build(articles, kb, link_all(articles, kb.entities))
    curated = load_not_entities(ROOT, {a.id for a in articles}, set(kb.annotation_ids), Report())
    found = unknown_names(index)
    silenced = sum(1 for a, c in found if curated.silences(a.id, c.text))
    full = link_all(articles, everyone)
    named = {m.entity for m in full.mentions if not m.short}
    targets = [e for e in removed if e.id in named]
    hit = [e for e in targets if any(matches(c.text, e) for _, c in found)]
    false = [f"{a.id} ¶{c.block}: «{c.text}» ({c.why})" for a, c in found if not any(matches(c.text, e) for e in everyone)]
    missed = [f"{e.id} («{e.name}»)" for e in targets if e not in hit]
    return len(hit), len(targets), missed, false, len(found), silenced


def main() -> int:
    for people in (True, False):
        hit, total, missed, false, reported, silenced = measure(people)
        what = "people" if people else "organisations"
        print(
            f"{what}: recall {hit}/{total} = {hit / max(total, 1):.0%}; {reported} names reported, {len(false)} false alarms"
            f" ({len(false) - silenced} once seeds/not-entities.yml silences {silenced})"
        )
        for m in missed:
            print(f"  missed: {m}")
        for f in false:
            print(f"  false alarm: {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
