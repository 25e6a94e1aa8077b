"""Load stage for the knowledge base: seeds/people.yml, organisations.yml, events.yml, annotations.yml.

Everything is checked in one pass and every problem is reported with its
file:line and a fix: unknown and duplicate ids (with a "did you mean"), names
claimed twice, page paths that collide, missing and unknown fields, dates, and
every quote, which must lie inside one kept paragraph of its article. Only a
found quote becomes a source the pages may cite.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from .arabic import fold
from .errors import Report
from .kbmodel import Annotation, Claim, Entity, Event, KnowledgeBase, Participant, Role, Source
from .model import Article
from .read import DATE_RE, ID_RE
from .yamlfile import Located, load

PEOPLE = "seeds/people.yml"
ORGS = "seeds/organisations.yml"
EVENTS = "seeds/events.yml"
ANNOTATIONS = "seeds/annotations.yml"

ORG_KINDS = ("company", "board", "team", "outlet", "product", "concept", "platform", "institution", "government")
ANNOTATION_KINDS = ("correction", "context", "contradiction", "resolved-date")
# (required, optional) fields of each record.
FIELDS: dict[str, tuple[set[str], set[str]]] = {
    PEOPLE: ({"id", "name"}, {"latin", "aliases", "short", "roles", "claims", "said"}),
    ORGS: ({"id", "name", "kind"}, {"latin", "parent", "aliases", "short", "claims"}),
    EVENTS: ({"id", "title", "date", "date_basis", "sources"}, {"resolution", "participants"}),
    ANNOTATIONS: ({"id", "article", "quote", "kind", "note"}, {"basis", "about"}),
}
ROLE_FIELDS = ({"org", "title", "source"}, {"start", "end"})
CLAIM_FIELDS = ({"text"}, {"source"})
SOURCE_FIELDS = ({"article", "quote"}, set())
PARTICIPANT_FIELDS = ({"entity"}, {"part"})


def slug(id: str) -> str:
    """The page name an id gets; two ids with one slug would overwrite each other's page."""
    return re.sub(r"[^a-z0-9]+", "-", id.lower()).strip("-")


def did_you_mean(word: str, choices: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


class _Loader:
    """Turns the four YAML files into typed records, reporting as it goes."""

    def __init__(self, report: Report, article_ids: set[str]) -> None:
        self.report = report
        self.article_ids = article_ids
        self.ids: dict[str, tuple[str, int]] = {}

    def fields(self, item: Any, spec: tuple[set[str], set[str]], file: str, what: str, line: int) -> bool:
        """Check one mapping's fields; False when it cannot be used at all."""
        if not isinstance(item, Located):
            self.report.error(file, line, f"{what} must be a mapping, not {type(item).__name__}", "write 'key: value' pairs as in kb-schema")
            return False
        required, optional = spec
        ok = True
        for key in item:
            if key not in required | optional:
                hint = did_you_mean(str(key), required | optional) or f"known fields: {', '.join(sorted(required | optional))}"
                self.report.error(file, item.line_of(key), f"unknown field '{key}' in {what}", hint)
        for key in sorted(required):
            if item.get(key) in (None, "", []):
                self.report.error(file, item.line, f"missing required field '{key}' in {what}", f"add '{key}: ...'")
                ok = False
        return ok

    def source(self, item: Any, file: str, line: int, what: str) -> Source | None:
        if not self.fields(item, SOURCE_FIELDS, file, f"the source of {what}", line):
            return None
        article = str(item["article"])
        if article not in self.article_ids:
            self.report.error(
                file,
                item.line_of("article"),
                f"unknown article '{article}' in the source of {what}",
                did_you_mean(article, self.article_ids) or "use an id from seeds/articles.yml",
            )
            return None
        return Source(article, str(item["quote"]), file, item.line_of("quote"))

    def strings(self, item: Located, key: str, file: str) -> tuple[str, ...]:
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            self.report.error(file, item.line_of(key), f"'{key}' must be a list of names", f"write {key}: [name, other]")
            return ()
        return tuple(str(v) for v in value)

    def records(self, root: Path, file: str) -> list[Located]:
        if not (root / file).exists():
            return []
        data = load(root / file, file, self.report)
        if data is None:
            return []
        if not isinstance(data, list):
            self.report.error(file, None, "expected a list of records", "start each record with '- id: ...'")
            return []
        out = []
        for item in data:
            if not self.fields(item, FIELDS[file], file, "a record", getattr(item, "line", 0)):
                continue
            id = str(item["id"])
            if not ID_RE.fullmatch(id):
                self.report.error(file, item.line_of("id"), f"id '{id}' is not lowercase ASCII kebab-case", "use letters, digits and hyphens, e.g. sam-altman")
            if id in self.ids:
                first_file, first_line = self.ids[id]
                self.report.error(
                    file,
                    item.line_of("id"),
                    f"duplicate id '{id}' (first at {first_file}:{first_line})",
                    "ids are one namespace across the four files; rename one",
                )
                continue
            self.ids[id] = (file, item.line_of("id"))
            out.append(item)
        return out

    def claims(self, item: Located, file: str, what: str) -> tuple[Claim, ...]:
        out = []
        for c in item.get("claims") or []:
            if not self.fields(c, CLAIM_FIELDS, file, f"a claim of {what}", item.line_of("claims")):
                continue
            src = self.source(c["source"], file, c.line_of("source"), f"a claim of {what}") if c.get("source") else None
            if c.get("source") and src is None:
                continue
            out.append(Claim(str(c["text"]), src, c.line))
        return tuple(out)

    def person(self, item: Located) -> Entity:
        id = str(item["id"])
        roles = []
        for r in item.get("roles") or []:
            if not self.fields(r, ROLE_FIELDS, PEOPLE, f"a role of '{id}'", item.line_of("roles")):
                continue
            src = self.source(r["source"], PEOPLE, r.line_of("source"), f"a role of '{id}'")
            self.role_refs.append((id, str(r["org"]), r.line_of("org")))
            dates = {k: self.date(r, k, PEOPLE) for k in ("start", "end")}
            if src is not None:
                roles.append(Role(str(r["org"]), str(r["title"]), src, dates["start"], dates["end"]))
        said = tuple(s for s in (self.source(x, PEOPLE, getattr(x, "line", item.line), f"a saying of '{id}'") for x in item.get("said") or []) if s)
        return Entity(
            id,
            str(item["name"]),
            str(item.get("latin") or ""),
            "person",
            PEOPLE,
            item.line,
            self.strings(item, "aliases", PEOPLE),
            self.strings(item, "short", PEOPLE),
            roles=tuple(roles),
            claims=self.claims(item, PEOPLE, f"'{id}'"),
            said=said,
        )

    def kind(self, item: Located, file: str, kinds: tuple[str, ...]) -> str:
        """The item's `kind`, reported when it is not one of `kinds`."""
        id, kind = str(item["id"]), str(item["kind"])
        if kind not in kinds:
            self.report.error(
                file,
                item.line_of("kind"),
                f"kind '{kind}' of '{id}' is not one of {', '.join(kinds)}",
                did_you_mean(kind, set(kinds)) or "pick the closest kind",
            )
        return kind

    def org(self, item: Located) -> Entity:
        id, kind = str(item["id"]), self.kind(item, ORGS, ORG_KINDS)
        return Entity(
            id,
            str(item["name"]),
            str(item.get("latin") or ""),
            kind,
            ORGS,
            item.line,
            self.strings(item, "aliases", ORGS),
            self.strings(item, "short", ORGS),
            parent=str(item.get("parent") or ""),
            claims=self.claims(item, ORGS, f"'{id}'"),
        )

    def date(self, item: Located, key: str, file: str) -> str:
        value = item.get(key)
        if value in (None, ""):
            return ""
        if not DATE_RE.fullmatch(str(value)):
            self.report.error(
                file,
                item.line_of(key),
                f"{key} '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                'write e.g. "2023-11-17", "2023-11" or "2023", in quotes',
            )
            return ""
        return str(value)

    def event(self, item: Located) -> Event:
        id = str(item["id"])
        date = self.date(item, "date", EVENTS)
        basis = str(item["date_basis"])
        if basis not in ("stated", "resolved"):
            self.report.error(
                EVENTS,
                item.line_of("date_basis"),
                f"date_basis of '{id}' must be 'stated' or 'resolved', not '{basis}'",
                "say whether a quote states the date or the editor resolved it",
            )
        elif basis == "resolved" and not item.get("resolution"):
            self.report.error(
                EVENTS,
                item.line_of("date_basis"),
                f"event '{id}' has a resolved date but no resolution",
                "name the resolved-date annotation that explains it: resolution: <annotation id>",
            )
        participants = []
        for p in item.get("participants") or []:
            if self.fields(p, PARTICIPANT_FIELDS, EVENTS, f"a participant of '{id}'", item.line_of("participants")):
                participants.append((Participant(str(p["entity"]), str(p.get("part") or "")), p.line_of("entity")))
        self.participant_lines[id] = [line for _, line in participants]
        sources = tuple(s for s in (self.source(x, EVENTS, getattr(x, "line", item.line), f"event '{id}'") for x in item.get("sources") or []) if s)
        return Event(id, str(item["title"]), date, basis, EVENTS, item.line, str(item.get("resolution") or ""), tuple(p for p, _ in participants), sources)

    participant_lines: dict[str, list[int]]
    role_refs: list[tuple[str, str, int]]
    """(person, org, line) of every role, even one whose source failed: its org is checked too."""

    def annotation(self, item: Located) -> Annotation | None:
        id, kind = str(item["id"]), self.kind(item, ANNOTATIONS, ANNOTATION_KINDS)
        where = Located({"article": item["article"], "quote": item["quote"]})
        where.line, where.key_lines = item.line, item.key_lines
        anchor = self.source(where, ANNOTATIONS, item.line, f"annotation '{id}'")
        basis = tuple(s for s in (self.source(x, ANNOTATIONS, getattr(x, "line", item.line), f"the basis of '{id}'") for x in item.get("basis") or []) if s)
        if anchor is None:
            return None
        return Annotation(id, kind, str(item["note"]).strip(), anchor, ANNOTATIONS, item.line, basis, self.strings(item, "about", ANNOTATIONS))


# --- quotes ---------------------------------------------------------------


def _closest(quote: str, article: Article) -> tuple[str, int]:
    """The passage of the article most like `quote`, and its seed line: a hint for the editor."""
    best, best_line, best_ratio = "", article.title_line, 0.0
    n = len(quote)
    for block in article.blocks:
        text = block.text
        starts = [0] + [m.end() for m in re.finditer(r"\s+", text)]
        for s in starts:
            window = text[s : s + n]
            sm = difflib.SequenceMatcher(None, quote, window, autojunk=False)
            if sm.real_quick_ratio() <= best_ratio or sm.quick_ratio() <= best_ratio:
                continue
            ratio = sm.ratio()
            if ratio > best_ratio:
                best, best_line, best_ratio = window, block.line, ratio
    return best, best_line


def resolve(source: Source, articles: dict[str, Article], report: Report, what: str) -> Source | None:
    """Find the quote in one kept paragraph; report precisely why when it is not there."""
    article = articles.get(source.article)
    if article is None:
        return None
    quote = source.quote
    for block in article.numbered:
        at = block.text.find(quote)
        if at >= 0:
            return replace(source, block=block.number, start=at)
    if quote and quote in article.title:
        return replace(source, block=0, start=article.title.find(quote))
    where = f"{article.path}"
    if not quote.strip():
        report.error(source.file, source.line, f"empty quote in {what}", "copy a passage of the article")
        return None
    if "\n" in quote.strip() or _spans(quote, article):
        report.error(
            source.file, source.line, f"quote of {what} spans two paragraphs of {where}", "quote one paragraph only; cite the other one as a second source"
        )
        return None
    if any(quote in d.text for d in article.dropped):
        report.error(
            source.file,
            source.line,
            f"quote of {what} lies in text the reader dropped as boilerplate ({where})",
            "quote the article body, or change the rule in seeds/boilerplate.yml",
        )
        return None
    if any(quote in b.text for b in article.blocks):
        report.error(source.file, source.line, f"quote of {what} lies in a heading of {where}, not a paragraph", "quote a paragraph")
        return None
    close, line = _closest(quote, article)
    hint = "same text up to hamza/alef/diacritics spelling" if fold(close) == fold(quote) else "copy the exact characters"
    report.error(source.file, source.line, f"quote of {what} not found in {where}; closest at {where}:{line}: «{close}»", hint)
    return None


def _spans(quote: str, article: Article) -> bool:
    blocks = article.blocks
    for a, b in zip(blocks, blocks[1:], strict=False):
        for sep in (" ", "\n", ""):
            joined = a.text + sep + b.text
            at = joined.find(quote.replace("\n", sep) if sep else quote)
            if at >= 0 and at < len(a.text) and at + len(quote) > len(a.text) + len(sep):
                return True
    return False


# --- the stage ------------------------------------------------------------


def load_kb(root: Path, articles: list[Article], report: Report) -> KnowledgeBase:
    """Read and check the four KB files; only resolved sources survive into the result."""
    by_article = {a.id: a for a in articles}
    loader = _Loader(report, set(by_article))
    loader.participant_lines, loader.role_refs = {}, []
    people = [loader.person(i) for i in loader.records(root, PEOPLE)]
    orgs = [loader.org(i) for i in loader.records(root, ORGS)]
    events = [loader.event(i) for i in loader.records(root, EVENTS)]
    annotations = [a for a in (loader.annotation(i) for i in loader.records(root, ANNOTATIONS)) if a]

    def res(s: Source | None, what: str) -> Source | None:
        return resolve(s, by_article, report, what) if s is not None else None

    entities = []
    for e in people + orgs:
        roles = tuple(replace(r, source=s) for r in e.roles if (s := res(r.source, f"a role of '{e.id}'")))
        claims = _resolve_claims(e, res)
        said = tuple(s for x in e.said if (s := res(x, f"a saying of '{e.id}'")))
        entities.append(replace(e, roles=roles, claims=claims, said=said))
    events = [replace(ev, sources=tuple(s for x in ev.sources if (s := res(x, f"event '{ev.id}'")))) for ev in events]
    annotations = [
        replace(a, anchor=s, basis=tuple(b for x in a.basis if (b := res(x, f"the basis of '{a.id}'"))))
        for a in annotations
        if (s := res(a.anchor, f"annotation '{a.id}'"))
    ]
    kb = KnowledgeBase(tuple(entities), tuple(events), tuple(annotations))
    _check_references(kb, loader, report)
    _check_names(kb, report)
    _check_slugs(loader.ids, report)
    return kb


def _resolve_claims(e: Entity, res: Any) -> tuple[Claim, ...]:
    out = []
    for c in e.claims:
        if c.source is None:
            out.append(c)
        elif (s := res(c.source, f"a claim of '{e.id}'")) is not None:
            out.append(replace(c, source=s))
    return tuple(out)


def _check_references(kb: KnowledgeBase, loader: _Loader, report: Report) -> None:
    entity_ids = {e.id for e in kb.entities}
    org_ids = {e.id for e in kb.entities if not e.is_person}
    annotation_kinds = {a.id: a.kind for a in kb.annotations}

    def check(id: str, known: set[str], file: str, line: int, what: str) -> None:
        if id not in known:
            report.error(file, line, f"unknown {what} '{id}'", did_you_mean(id, known) or f"add '{id}' to the knowledge base")

    for person, org, line in loader.role_refs:
        check(org, org_ids, PEOPLE, line, f"organisation in a role of '{person}':")
    for e in kb.entities:
        if e.parent:
            check(e.parent, org_ids, e.file, e.line, f"parent of '{e.id}':")
    for ev in kb.events:
        for p, line in zip(ev.participants, loader.participant_lines.get(ev.id, []), strict=False):
            check(p.entity, entity_ids, ev.file, line, f"participant of '{ev.id}':")
        if ev.resolution:
            if ev.resolution not in annotation_kinds:
                check(ev.resolution, set(annotation_kinds), ev.file, ev.line, f"resolution annotation of '{ev.id}':")
            elif annotation_kinds[ev.resolution] != "resolved-date":
                report.error(
                    ev.file,
                    ev.line,
                    f"resolution '{ev.resolution}' of '{ev.id}' is a {annotation_kinds[ev.resolution]} annotation, not a resolved-date one",
                    "point to an annotation of kind resolved-date",
                )
    for a in kb.annotations:
        for id in a.about:
            check(id, entity_ids | {ev.id for ev in kb.events}, a.file, a.line, f"entity in 'about' of '{a.id}':")


def _check_names(kb: KnowledgeBase, report: Report) -> None:
    """A full name (or alias) may belong to one entity only, and no short form may be another's full name."""
    owner: dict[str, Entity] = {}
    for e in kb.entities:
        for name in dict.fromkeys(fold(n) for n in e.full_names):
            other = owner.get(name)
            if other is not None and other.id != e.id:
                report.error(
                    e.file,
                    e.line,
                    f"the name «{name}» of '{e.id}' is also a name of '{other.id}' ({other.file}:{other.line})",
                    "keep the name on one entity, or make it a short form of both",
                )
            owner.setdefault(name, e)
    for e in kb.entities:
        for s in e.short:
            other = owner.get(fold(s))
            if other is not None and other.id != e.id:
                report.error(
                    e.file,
                    e.line,
                    f"the short form «{s}» of '{e.id}' is a full name of '{other.id}' ({other.file}:{other.line})",
                    "remove the short form, or the other entity's name",
                )


def _check_slugs(ids: dict[str, tuple[str, int]], report: Report) -> None:
    seen: dict[str, str] = {"index": "the index page"}
    for id, (file, line) in ids.items():
        s = slug(id)
        if s in seen and seen[s] != id:
            report.error(file, line, f"id '{id}' gives the same page path as {seen[s]!r}", "rename one of the two")
        seen.setdefault(s, id)
