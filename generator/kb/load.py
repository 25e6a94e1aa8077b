"""Load stage for the knowledge base: seeds/people.yml, organisations.yml, events.yml, annotations.yml.

Each record is built once, with its file and line, and every source in it is
found in its article as it is built (link/quotes.py): only a found quote
becomes a source the pages may cite. Every problem is reported with its
file:line and a fix; cross-file checks live in kb/checks.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..errors import Report
from ..link.quotes import find
from ..model import Article
from ..seedmeta import ID_RE, META_FILE, date_problem, id_fix, written_wrong
from ..yamlfile import EMPTY, Fields, Located, Value, did_you_mean, load, type_name, unknown_fields
from .checks import References, check_names, check_slugs
from .schema import ORG_KINDS, Annotation, AnnotationKind, Claim, DateBasis, Entity, EntityKind, Event, KnowledgeBase, Participant, Role, Source

PEOPLE = "seeds/people.yml"
ORGS = "seeds/organisations.yml"
EVENTS = "seeds/events.yml"
ANNOTATIONS = "seeds/annotations.yml"
FILES = (PEOPLE, ORGS, EVENTS, ANNOTATIONS)

Spec = tuple[frozenset[str], frozenset[str]]
"""(required, optional) fields of a mapping."""


def _spec(required: str, optional: str = "") -> Spec:
    return frozenset(required.split()), frozenset(optional.split())


RECORD_FIELDS: dict[str, Spec] = {
    PEOPLE: _spec("id name", "latin aliases short roles claims said"),
    ORGS: _spec("id name kind", "latin parent aliases short claims"),
    EVENTS: _spec("id title date date_basis sources", "resolution participants"),
    ANNOTATIONS: _spec("id article quote kind note", "basis about"),
}
ROLE = _spec("org title source", "start end")
CLAIM = _spec("text", "source")
SOURCE = _spec("article quote")
PARTICIPANT = _spec("entity", "part")


E = TypeVar("E")


@dataclass
class _Scope:
    """What building records needs: where to report, and the articles quotes are looked up in."""

    report: Report
    articles: dict[str, Article]
    unread: dict[str, str]
    """Article id → seed file, for articles whose text could not be read: their quotes are not checked."""
    ids: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Every KB id → (file, line): one namespace across the four files."""
    skipped: set[str] = field(default_factory=set)
    """Unreadable files whose quotes were not looked up (said once each)."""
    refs: References | None = None
    """Set once every file's ids are known, before any record is built."""
    meta_given: bool = True
    """Whether seeds/articles.yml exists (without it, every article's id is its file name)."""

    def refer(self, id: str, targets: tuple[str, ...], file: str, line: int, what: str) -> None:
        if self.refs is not None:
            self.refs.check(id, targets, file, line, what)

    def fields(self, item: Value, spec: Spec, file: str, what: str, line: int) -> Located | None:
        """The mapping when it has every required field; None (reported) when it cannot be used."""
        if not isinstance(item, Located):
            self.report.error(file, line, f"{what} must be a mapping, not {type_name(item)}", "write 'key: value' pairs as the header comment shows")
            return None
        required, optional = spec
        if what == "a record" and isinstance(id := item.get("id"), str) and id:
            what = f"the record '{id}'"  # which of hundreds
        misspelt = unknown_fields(item, required | optional, file, self.report, what)
        missing = [key for key in sorted(required) if item.get(key) in (None, "", [])]
        for key in missing:
            if key not in misspelt:  # `qoute:` is one error, told at its line with the fix, not a missing `quote` too
                self.report.error(file, item.line, f"missing required field '{key}' in {what}", f"add '{key}: ...'")
        return None if missing else item

    def source(self, raw: Value, file: str, line: int, what: str) -> Source | None:
        """A source found in its article, or None (reported, unless its article could not be read)."""
        item = self.fields(raw, SOURCE, file, f"the source of {what}", line)
        if item is None:
            return None
        f = Fields(item, file, self.report)
        article_id, quote = f.text("article"), f.strict_text("quote", what)
        if article_id in self.unread:
            self.skipped.add(self.unread[article_id])
            return None
        if META_FILE in self.report.unreadable:
            self.skipped.add(META_FILE)
            return None
        article = self.articles.get(article_id)
        if article is None:
            if written_wrong(article_id, self.articles):
                return None  # an id written wrong in articles.yml: its error there is the cause
            fix = did_you_mean(article_id, [i for i in self.articles if ID_RE.fullmatch(i)]) or f"use an id from {META_FILE}"
            if not self.meta_given:
                fix = f"{META_FILE} does not exist, so each article's id is its file name: restore it (git checkout {META_FILE}) or {fix}"
            self.report.unknown(f"article:{article_id}", file, item.line_of("article"), f"unknown article '{article_id}' in the source of {what}", fix)
            return None
        if quote is None:
            return None
        return find(Source(article_id, quote, file, item.line_of("quote")), article, self.report, what, lambda q: self._quoted_in(q, article_id))

    def _quoted_in(self, quote: str, but: str) -> str:
        """The id of another article with a paragraph that holds `quote`, or '' (asked only of a quote not found)."""
        return next((id for id, other in sorted(self.articles.items()) if id != but and any(quote in b.text for b in other.numbered)), "")

    def sources(self, items: Value, file: str, line: int, what: str) -> tuple[Source, ...]:
        entries = _items(self, items, file, line, f"the sources of {what}")
        return tuple(s for x in entries if (s := self.source(x, file, x.line if isinstance(x, Located) else line, what)))

    def date(self, f: Fields, key: str) -> str:
        value = f.text(key)
        if value and (problem := date_problem(value)):
            self.report.error(f.file, f.item.line_of(key), f"{key} '{value}' {problem}", 'write a real date, e.g. "2023-11-17", "2023-11" or "2023"')
            return ""
        return value

    def choice(self, f: Fields, key: str, enum: Callable[[str], E], allowed: Iterable[str], what: str) -> E | None:
        value = f.text(key)
        try:
            return enum(value)
        except ValueError:
            allowed = list(allowed)
            fix = did_you_mean(value, allowed) or f"one of {', '.join(allowed)}"
            self.report.error(f.file, f.item.line_of(key), f"{key} '{value}' of {what} is not one of {', '.join(allowed)}", fix)
            return None


def _items(scope: _Scope, value: Value, file: str, line: int, what: str) -> list[Value]:
    """A list field's entries. One entry written without its '- ' is a mapping, not a list: an error, never
    an empty list (an event's only source, a person's role, dropped without a word)."""
    if value is None or isinstance(value, list):
        return value or []
    scope.report.error(file, line, f"{what} must be a list, not {type_name(value)}", "start each entry on its own line with '- '")
    return []


def records(
    scope: _Scope, root: Path, file: str, spec: Spec, ids: dict[str, tuple[str, int]], example: str, one_namespace: str = ""
) -> list[tuple[Located, Fields, str]]:
    """The file's records that have an id not in `ids` (the namespace it shares: the four knowledge-base files, or
    the file alone), each with typed access; each id is added to `ids`. `example`: an id of the file's kind for the
    fix of one written wrong; `one_namespace`: what the fix of a duplicate says the namespace is."""
    path = root / file
    if not path.exists():
        return []
    data = load(path, file, scope.report)
    if data is None and file not in scope.report.unreadable:  # a cause: references into it stand down (one line says so)
        scope.report.cause(file, None, EMPTY, f"restore its records (git checkout {file}), or delete the file")
        return []
    if not isinstance(data, list):
        if data is not None:
            scope.report.cause(file, None, "expected a list of records", "start each record with '- id: ...'")
        return []
    out = []
    for raw in data:
        item = scope.fields(raw, spec, file, "a record", raw.line if isinstance(raw, Located) else 0)
        if item is None:
            if isinstance(raw, Located) and isinstance(declared := raw.get("id"), str) and declared not in ids:
                ids[declared] = (file, raw.line_of("id"))  # unusable, but declared: what refers to it is no second error
            continue
        f = Fields(item, file, scope.report)
        id = f.text("id")
        if not ID_RE.fullmatch(id):
            scope.report.error(file, item.line_of("id"), f"id '{id}' is not lowercase ASCII kebab-case", id_fix(id, example, ids))
        if id in ids:
            first_file, first_line = ids[id]
            scope.report.cause(  # listed first: a record renamed onto another's id leaves its old id unknown wherever it was used
                file,
                item.line_of("id"),
                f"duplicate id '{id}' (first at {first_file}:{first_line})",
                f"{one_namespace}; rename one" if one_namespace else "rename one",
                whole=False,
            )
            continue
        ids[id] = (file, item.line_of("id"))
        out.append((item, f, id))
    return out


def _claims(scope: _Scope, f: Fields, what: str) -> tuple[Claim, ...]:
    out = []
    for raw in _items(scope, f.item.get("claims"), f.file, f.item.line_of("claims"), f"'claims' of {what}"):
        c = scope.fields(raw, CLAIM, f.file, f"a claim of {what}", f.item.line_of("claims"))
        if c is None:
            continue
        text = Fields(c, f.file, scope.report).text("text")
        if c.get("source") is None:
            out.append(Claim(text, None, c.line))
        elif (src := scope.source(c["source"], f.file, c.line_of("source"), f"a claim of {what}")) is not None:
            out.append(Claim(text, src, c.line))
    return tuple(out)


def _person(scope: _Scope, item: Located, f: Fields, id: str) -> Entity:
    roles = []
    for raw in _items(scope, item.get("roles"), PEOPLE, item.line_of("roles"), f"'roles' of '{id}'"):
        r = scope.fields(raw, ROLE, PEOPLE, f"a role of '{id}'", item.line_of("roles"))
        if r is None:
            continue
        rf = Fields(r, PEOPLE, scope.report)
        org = rf.text("org")
        scope.refer(org, (ORGS,), PEOPLE, r.line_of("org"), f"organisation in a role of '{id}':")
        src = scope.source(r["source"], PEOPLE, r.line_of("source"), f"a role of '{id}'")
        start, end = scope.date(rf, "start"), scope.date(rf, "end")
        if start and end and end[: min(len(start), len(end))] < start[: min(len(start), len(end))]:  # compared at the vaguer precision
            scope.report.error(PEOPLE, r.line_of("end"), f"a role of '{id}' ends ({end}) before it starts ({start})", "swap or correct the dates")
        if src is not None:
            roles.append(Role(org, rf.text("title"), src, r.line_of("org"), start, end))
    return Entity(
        id,
        f.text("name"),
        f.text("latin"),
        EntityKind.PERSON,
        PEOPLE,
        item.line,
        f.texts("aliases"),
        f.texts("short"),
        roles=tuple(roles),
        claims=_claims(scope, f, f"'{id}'"),
        said=scope.sources(item.get("said"), PEOPLE, item.line_of("said"), f"a saying of '{id}'"),
    )


def _org(scope: _Scope, item: Located, f: Fields, id: str) -> Entity:
    kind = scope.choice(f, "kind", EntityKind, ORG_KINDS, f"'{id}'")
    if parent := f.text("parent"):
        scope.refer(parent, (ORGS,), ORGS, item.line, f"parent of '{id}':")
    return Entity(
        id,
        f.text("name"),
        f.text("latin"),
        kind if kind in ORG_KINDS else EntityKind.COMPANY,
        ORGS,
        item.line,
        f.texts("aliases"),
        f.texts("short"),
        parent=parent,
        claims=_claims(scope, f, f"'{id}'"),
    )


def _event(scope: _Scope, item: Located, f: Fields, id: str) -> Event:
    basis = scope.choice(f, "date_basis", DateBasis, DateBasis, f"'{id}'")
    if basis is DateBasis.RESOLVED and not item.get("resolution"):
        scope.report.error(
            EVENTS,
            item.line_of("date_basis"),
            f"event '{id}' has a resolved date but no resolution",
            "name the resolved-date annotation that explains it: resolution: <annotation id>",
        )
    participants = []
    for raw in _items(scope, item.get("participants"), EVENTS, item.line_of("participants"), f"'participants' of '{id}'"):
        p = scope.fields(raw, PARTICIPANT, EVENTS, f"a participant of '{id}'", item.line_of("participants"))
        if p is not None:
            pf = Fields(p, EVENTS, scope.report)
            scope.refer(pf.text("entity"), (PEOPLE, ORGS), EVENTS, p.line_of("entity"), f"participant of '{id}':")
            participants.append(Participant(pf.text("entity"), pf.text("part"), p.line_of("entity")))
    if resolution := f.text("resolution"):
        scope.refer(resolution, (ANNOTATIONS,), EVENTS, item.line, f"resolution annotation of '{id}':")
        if scope.refs is not None:
            scope.refs.check_kind(resolution, AnnotationKind.RESOLVED_DATE, EVENTS, item.line, f"resolution '{resolution}' of '{id}'")
    return Event(
        id,
        f.text("title"),
        scope.date(f, "date"),
        basis or DateBasis.STATED,
        EVENTS,
        item.line,
        resolution,
        tuple(participants),
        scope.sources(item.get("sources"), EVENTS, item.line_of("sources"), f"event '{id}'"),
    )


def _annotation(scope: _Scope, item: Located, f: Fields, id: str) -> Annotation | None:
    kind = scope.choice(f, "kind", AnnotationKind, AnnotationKind, f"'{id}'")
    where = Located({"article": item["article"], "quote": item["quote"]})
    where.line, where.key_lines = item.line, item.key_lines
    anchor = scope.source(where, ANNOTATIONS, item.line, f"annotation '{id}'")
    basis = scope.sources(item.get("basis"), ANNOTATIONS, item.line_of("basis"), f"the basis of '{id}'")
    about = f.texts("about")
    for other in about:
        scope.refer(other, (PEOPLE, ORGS, EVENTS), ANNOTATIONS, item.line_of("about"), f"entity in 'about' of '{id}':")
    if anchor is None or kind is None:
        return None
    return Annotation(id, kind, f.text("note").strip(), anchor, ANNOTATIONS, item.line, basis, about)


from .views import load_curated, load_front  # noqa: E402  (views.py builds on _Scope above)


def load_kb(root: Path, articles: Iterable[Article], report: Report, unread: dict[str, str] | None = None) -> KnowledgeBase:
    """Read and check the four KB files; only found sources survive into the result.

    `unread` names the articles whose text could not be read: quotes into them
    are not checked (one line says so), instead of failing one by one.
    """
    scope = _Scope(report, {a.id: a for a in articles}, dict(unread or {}), meta_given=(root / META_FILE).exists())
    namespace = "ids are one namespace across the four files"
    records_of = {file: records(scope, root, file, RECORD_FIELDS[file], scope.ids, "sam-altman", namespace) for file in FILES}
    kinds = {id: Fields(item, ANNOTATIONS, Report()).text("kind") for item, _, id in records_of[ANNOTATIONS]}
    absent = [file for file in FILES if not (root / file).exists()]
    scope.refs = References({id: file for id, (file, _) in scope.ids.items()}, kinds, report, absent)
    people = [_person(scope, *r) for r in records_of[PEOPLE]]
    orgs = [_org(scope, *r) for r in records_of[ORGS]]
    events = [_event(scope, *r) for r in records_of[EVENTS]]
    annotations = [a for r in records_of[ANNOTATIONS] if (a := _annotation(scope, *r))]
    check_names(people + orgs, report, {id: item.key_lines for file in (PEOPLE, ORGS) for item, _, id in records_of[file]})
    check_slugs(scope.ids, report)
    arcs, glossary = load_curated(scope, root, people + orgs, events)
    title, intro = load_front(scope, root)
    scope.refs.say_skipped(scope.skipped)  # after the arcs and the glossary, which stand down too
    declared = frozenset(id for id, (file, _) in scope.ids.items() if file == ANNOTATIONS)  # also of records that failed
    return KnowledgeBase(tuple(people + orgs), tuple(events), tuple(annotations), arcs, glossary, title, intro, declared)
