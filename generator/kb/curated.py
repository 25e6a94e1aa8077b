"""seeds/not-entities.yml: names the editor's report should stop flagging, each with its reason.

A name there is not a person or organisation the dossier tracks (an acronym, a
product line, a common word the heuristics take for a name), or it is already
handled by an editorial note. The report lists every silenced name with its
reason, so silencing is visible, never silent.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from ..arabic import fold, strip_proclitics
from ..errors import Report
from ..yamlfile import EMPTY, Fields, Located, load, unknown_fields
from .load import ANNOTATIONS

NOT_ENTITIES = "seeds/not-entities.yml"
FIELDS = {"name", "reason", "note", "articles"}


@dataclass(frozen=True)
class NotEntity:
    name: str
    reason: str
    file: str
    line: int
    note: str = ""
    """The annotation that covers it, if any."""
    articles: tuple[str, ...] = ()
    """Only in these articles; empty: everywhere."""


def _key(text: str) -> str:
    return " ".join(strip_proclitics(w) for w in fold(text).split())


@dataclass(frozen=True)
class NotEntities:
    entries: tuple[NotEntity, ...] = ()

    def silences(self, article: str, name: str) -> bool:
        """Is `name` (as a report would quote it) silenced in `article` ("" for anywhere)?"""
        k = _key(name)
        return any(_key(e.name) == k and (not e.articles or not article or article in e.articles) for e in self.entries)


def load_not_entities(root: Path, article_ids: set[str], annotation_ids: set[str], report: Report, unread: Collection[str] = ()) -> NotEntities:
    """The curated list, checked: every entry has a name and a reason; notes and articles must exist. `unread`: the
    articles that could not be read, which exist, and whose notes may be missing for that reason alone."""
    path = root / NOT_ENTITIES
    if not path.exists():
        return NotEntities()
    data = load(path, NOT_ENTITIES, report)
    if data is None:
        if NOT_ENTITIES not in report.unreadable:  # every name it silenced would come back as a note
            report.cause(NOT_ENTITIES, None, EMPTY, f"restore its entries (git checkout {NOT_ENTITIES}), or delete the file")
        return NotEntities()
    if not isinstance(data, list):
        report.error(NOT_ENTITIES, None, "expected a list of names", "start each entry with '- name: ...'")
        return NotEntities()
    out = []
    for item in data:
        if not isinstance(item, Located):
            report.error(NOT_ENTITIES, None, "each entry must be a mapping", "write '- name: ...' and 'reason: ...'")
            continue
        line = item.line
        unknown_fields(item, FIELDS, NOT_ENTITIES, report)
        f, before = Fields(item, NOT_ENTITIES, report), len(report.errors)  # a wrong type: an error at its line, not Python's repr
        name, reason = f.text("name").strip(), f.text("reason").strip()
        if not name or not reason:
            if len(report.errors) == before:  # missing or blank, not of the wrong type (said already)
                report.error(NOT_ENTITIES, line, "an entry needs a name and a reason", "say why this name is not an entity of the dossier")
            continue
        note = f.text("note")
        if note and note not in annotation_ids and not unread and ANNOTATIONS not in report.unreadable:  # else its own error says why
            report.unknown(
                f"{ANNOTATIONS}:{note}", NOT_ENTITIES, item.line_of("note"), f"no annotation '{note}'", "give the id of a note in seeds/annotations.yml"
            )
        given = item.get("articles")
        articles = (given,) if isinstance(given, str) else f.texts("articles")
        for a in articles:
            if a not in article_ids and a not in unread:
                report.unknown(f"article:{a}", NOT_ENTITIES, item.line_of("articles"), f"no article '{a}'", "use an id from seeds/articles.yml")
        out.append(NotEntity(name, reason, NOT_ENTITIES, line, note, articles))
    return NotEntities(tuple(out))
