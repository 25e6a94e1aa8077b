"""The editor's report: what the knowledge base may be missing, told, never fatal.

Notes ask the editor to act: names in the articles that look like people or
organisations but are not in the KB (generator.namefinder), new spellings of
known people (generator.lookalike), entities no article mentions, claims
without a source, short forms that fit two entities. What a declared rule did
(a line dropped by seeds/boilerplate.yml, a name silenced by
seeds/not-entities.yml) is listed too, but is not a note: once every name is
in the KB or in the curated list, the report reads "0 errors, 0 notes".
"""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from typing import Protocol

from .arabic import fold, strip_proclitics
from .errors import Problem, Report
from .index import DossierIndex
from .kb.curated import NotEntities
from .link.lookalike import LookAlike
from .model import Article
from .namefinder import Candidate, NameFinder
from .spans import Spans
from .text import visible_controls

UNKNOWN = "unknown name"
LOOKALIKE = "new spelling of a known person"
UNMENTIONED = "never mentioned"
NO_SOURCE = "claim without a source"
AMBIGUOUS = "ambiguous short form"
SILENCED = "silenced name"
DROPPED = "dropped text"


def _bare(text: str) -> str:
    return " ".join(strip_proclitics(w) for w in fold(text).split())


class Finder(Protocol):
    def find(self, article: Article, linked: dict[int, list[tuple[int, int]]] | None = None) -> list[Candidate]: ...


def unknown_names(
    index: DossierIndex, not_entities: NotEntities | None = None, skip: set[tuple[str, int, int]] | None = None, finder: Finder | None = None
) -> list[tuple[Article, Candidate]]:
    """Every name the finder sees that no link covers and no KB name or curated entry claims, once per article.

    `finder`: a NameFinder over these articles, or one that remembers (generator/incremental.py)."""
    articles, kb = index.articles, index.kb
    finder = finder or NameFinder(articles)
    known = {fold(n) for e in kb.entities for n in (*e.full_names, *e.short, e.latin) if n}
    known |= {_bare(n) for n in known}
    covered: dict[str, dict[int, list[tuple[int, int]]]] = {}
    for m in index.mentions:
        covered.setdefault(m.article, {}).setdefault(m.block, []).append((m.start, m.end))
    out = []
    for article in articles:
        seen: set[str] = set()
        linked = covered.get(article.id, {})
        spans: dict[int, Spans] = {}
        for c in finder.find(article, linked):
            if c.block not in spans:
                spans[c.block] = Spans(linked.get(c.block, ()))
            folded = fold(c.text)
            if spans[c.block].overlaps(c.start, c.end) or folded in known or _bare(c.text) in known or folded in seen:
                continue
            if skip and any((article.id, c.block, s) in skip for s in range(c.start, c.end)):
                continue
            if not_entities is not None and not_entities.silences(article.id, c.text):
                continue
            seen.add(folded)
            out.append((article, c))
    return out


def editor_report(
    index: DossierIndex, report: Report, not_entities: NotEntities | None = None, lookalikes: tuple[LookAlike, ...] = (), finder: Finder | None = None
) -> None:
    """Add the editor's notes to `report`, and what declared rules did to its `told` list."""
    not_entities = not_entities or NotEntities()
    kb = index.kb
    skip: set[tuple[str, int, int]] = set()
    for la in lookalikes:
        article = index.article(la.article)
        skip |= {(la.article, la.block, s) for s in range(la.start, la.end)}
        person = index.entity(la.entity)
        assert person is not None, la.entity
        if la.linked:
            message = f"«{la.written}» taken as «{person.name}» ('{la.entity}') and linked: a new spelling of the first name (paragraph {la.block})"
            fix = f"confirm it: add «{la.written}» to the aliases of '{la.entity}' in {person.file}; or list it in seeds/not-entities.yml"
        else:
            others = ", ".join(la.candidates)
            message = f"«{la.written}» looks like a known person ({others}), not linked: the surname is not unique (paragraph {la.block})"
            fix = "add the spelling to the aliases of the right person, or list it in seeds/not-entities.yml"
        report.note(article.path, la.line, message, fix, LOOKALIKE)
    for article, c in unknown_names(index, not_entities, skip, finder):
        report.note(
            article.path,
            c.line,
            f"not in the knowledge base: «{c.text}» ({c.why}, paragraph {c.block})",
            "add it to seeds/people.yml or organisations.yml if it is a person or an organisation, else to seeds/not-entities.yml",
            UNKNOWN,
        )
    for entry in not_entities.entries:
        covered = f" (note '{entry.note}')" if entry.note else ""
        report.tell(entry.file, entry.line, f"«{entry.name}» is not reported: {entry.reason}{covered}", "", SILENCED)
    mentioned = {m.entity for m in index.mentions}
    for e in kb.entities:
        if e.id not in mentioned and not not_entities.silences("", e.id):
            report.note(
                e.file,
                e.line,
                f"'{e.id}' («{e.name}») is never mentioned in the articles",
                "add the spelling the articles use to its aliases, remove the entity, or list its id in seeds/not-entities.yml",
                UNMENTIONED,
            )
        for claim in e.claims:
            if claim.source is None:
                message = f"a claim of '{e.id}' has no source and is not shown: «{claim.text}»"
                report.note(e.file, claim.line, message, "add source: {article: ..., quote: ...}", NO_SOURCE)
    for a in index.ambiguous:
        path = index.article(a.article).path
        report.note(
            path,
            a.line,
            f"short form «{a.text}» fits {', '.join(a.candidates)}; not linked (paragraph {a.block})",
            "write the full name in the article's KB entry, or drop the short form from one entity",
            AMBIGUOUS,
        )


# --- the report as text -----------------------------------------------------


def summary(report: Report) -> str:
    """One line: "0 errors, 0 notes", then what declared rules did (listed by `make check`)."""
    told = Counter(p.kind or "other" for p in report.told)
    line = f"{len(report.errors)} error{'s' if len(report.errors) != 1 else ''}, {len(report.notes)} note{'s' if len(report.notes) != 1 else ''}"
    if told:
        line += " (" + ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(told.items())) + ", listed by `make check`)"
    return line


def grouped(report: Report) -> str:
    """Every note, then every told line, grouped by file (an article, or a KB file) and by kind."""
    out: list[str] = []
    for title, problems in (("Notes (the editor should act)", report.notes), ("Done by declared rules (for the record)", report.told)):
        if not problems:
            continue
        out.append(f"== {title}")
        ordered = sorted(problems, key=lambda p: (p.path, p.kind, p.line or 0, p.message))
        for path, in_file in groupby(ordered, key=lambda p: p.path):
            out.append(f"{path}")
            for kind, items in groupby(in_file, key=lambda p: p.kind):
                out.append(f"  {kind or 'other'}:")
                out += [f"    {_line(p)}" for p in items]
    out.append(summary(report))
    return "\n".join(out)


def _line(p: Problem) -> str:
    where = f"line {p.line}: " if p.line else ""
    return visible_controls(f"{where}{p.message}" + (f" (fix: {p.fix})" if p.fix else ""))  # quoted article text: no ESC to the terminal
