"""Checks across the knowledge base: references between files, names claimed twice, page paths.

A reference into a file that could not be read is not checked (its ids are
unknown, so every reference would look wrong); one line says so instead of a
hundred false "unknown id" errors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from ..arabic import fold
from ..errors import Report
from ..seedmeta import ID_RE, as_id, written_wrong
from ..yamlfile import did_you_mean
from .schema import Entity

RESERVED = {"index": "the index page"}
"""Page names the generator writes itself in every folder: no id may take them."""


class References:
    """Checks that an id names a record of the expected files, standing down for unreadable files."""

    def __init__(self, owners: dict[str, str], annotation_kinds: dict[str, str], report: Report, absent: Iterable[str] = ()) -> None:
        self.owners = owners
        """id → the file it is defined in."""
        self.annotation_kinds = annotation_kinds
        self.report = report
        self.skipped: set[str] = set()
        self.absent = set(absent)
        """Files that do not exist: a reference that may point into one is counted, and the file is the one cause."""
        self.into_absent: Counter[str] = Counter()

    def check(self, id: str, targets: tuple[str, ...], file: str, line: int, what: str) -> None:
        if self.owners.get(id) in targets:
            return
        broken = [t for t in targets if t in self.report.unreadable]
        if broken:
            self.skipped.update(broken)
            return
        if gone := [t for t in targets if t in self.absent]:
            self.into_absent[gone[0]] += 1
            return
        if written_wrong(id, (i for i, f in self.owners.items() if f in targets)):
            return  # a declared id written wrong ('OpenAI'): its record's error is the cause
        known = [i for i, f in self.owners.items() if f in targets and ID_RE.fullmatch(i)]
        self.report.unknown(
            f"{','.join(targets)}:{id}", file, line, f"unknown {what} '{id}'", did_you_mean(id, known) or f"add '{id}' to {' or '.join(targets)}"
        )

    def check_kind(self, id: str, kind: str, file: str, line: int, what: str) -> None:
        found = self.annotation_kinds.get(id)
        if found is not None and found != kind:
            self.report.error(file, line, f"{what} is a {found} annotation, not a {kind} one", f"point to an annotation of kind {kind}")

    def say_skipped(self, quotes_from: set[str]) -> None:
        """One line per unreadable file whose references (or quotes) were not checked; a missing file that
        references point into is the cause of them all."""
        for file, n in sorted(self.into_absent.items()):
            self.report.cause(
                file,
                None,
                f"no such file, yet {n} reference{'s' if n != 1 else ''} may point into it",
                f"restore it (git checkout {file}), or create it",
                whole=False,
            )
        for file in sorted(self.skipped):
            self.report.skipped(file, f"references into {file} not checked: the file cannot be read")
        for path in sorted(quotes_from):
            if path == "seeds/articles.yml":
                self.report.skipped(path, "quotes not checked: seeds/articles.yml cannot be read, so no article id is known")
            elif path in self.report.unreadable:
                self.report.skipped(path, f"quotes from {path} not checked: the file cannot be read")
            else:  # a missing file, an id two articles are given: its cause is said above
                self.report.skipped(path, f"quotes from {path} not checked: see the problem with this article above")


def check_names(entities: list[Entity], report: Report, key_lines: Mapping[str, Mapping[str, int]] | None = None) -> None:
    """A full name (or alias) may belong to one entity only, and no short form may be another's full name.

    `key_lines`: by entity id, the line of each of its record's keys, so a clash is told at the `aliases:` or
    `short:` line that holds the name (else at the record's first line)."""
    owner: dict[str, tuple[Entity, str]] = {}

    def line(e: Entity, name: str, what: str) -> int:
        key = "short" if what == "short form" else "name" if name == e.name else "aliases"
        return (key_lines or {}).get(e.id, {}).get(key, e.line)

    def clash(e: Entity, name: str, what: str, fix: str) -> None:
        other = owner.get(fold(name))
        if other is not None and other[0].id != e.id:
            o, written = other
            there = f"{o.file}:{line(o, written, 'name')}" + (f", written «{written}» there" if written != name else "")
            report.error(
                e.file,
                line(e, name, what),
                f"the {what} «{name}» of '{e.id}' is {'also a name' if what == 'name' else 'a full name'} of '{o.id}' ({there})",
                fix,
            )

    for e in entities:
        for name in e.full_names:
            clash(e, name, "name", "keep the name on one entity, or make it a short form of both")
            owner.setdefault(fold(name), (e, name))
    for e in entities:
        for short in e.short:
            clash(e, short, "short form", "remove the short form, or the other entity's name")


def check_slugs(ids: dict[str, tuple[str, int]], report: Report) -> None:
    seen: dict[str, str] = dict(RESERVED)
    for id, (file, line) in ids.items():
        s = as_id(id)  # the page name an id gets: two ids with one would overwrite each other's page
        if s in seen and seen[s] != id:
            report.error(file, line, f"id '{id}' gives the same page path as {seen[s]!r}", "rename one of the two")
        seen.setdefault(s, id)
