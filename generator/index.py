"""The linked dossier: one frozen index over articles, knowledge base and mentions, built once.

Every renderer, the editor's report and the export read this index and
nothing else, so a lookup is written once and costs nothing per page: what an
article names, what names an entity, the notes about anything, the events of
anyone, who sits in an organisation. Orders are fixed here (articles newest
first, events by date), so pages built from it are byte-identical run to run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain, permutations
from types import MappingProxyType
from typing import TypeVar

from .arabic import fold
from .kb.schema import Annotation, Entity, EntityKind, Event, KnowledgeBase, Role, Term
from .link.names import Ambiguity, Links, Mention
from .model import Article, Block

T = TypeVar("T")


def _frozen(groups: Mapping[str, Iterable[T]]) -> Mapping[str, tuple[T, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


def by_date(articles: Iterable[Article]) -> tuple[Article, ...]:
    """Newest first; undated last; ties by id so the order never depends on the file system."""
    dated = sorted((a for a in articles if a.meta.date), key=lambda a: (a.meta.date.value if a.meta.date else "", a.id), reverse=True)
    undated = sorted((a for a in articles if not a.meta.date), key=lambda a: a.id)
    return (*dated, *undated)


def event_order(ev: Event) -> tuple[int, int, int, int, str]:
    """Where an event stands in time, everywhere it is listed: by year, month, day; the less precise after the
    precise (a month-only event after that month's days); the undated last."""
    if not ev.date:
        return (1, 0, 0, 0, ev.id)
    parts = [int(p) for p in ev.date.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 13  # known only to the year: after its twelve months
    day = parts[2] if len(parts) > 2 else 32  # known only to the month: after its days
    return (0, year, month, day, ev.id)


@dataclass(frozen=True)
class DossierIndex:
    """Everything the pages show, linked: build it with `DossierIndex.build`."""

    articles: tuple[Article, ...]
    """In file order (the order of seeds/articles/)."""
    kb: KnowledgeBase
    mentions: tuple[Mention, ...]
    """Every linked mention, in article and reading order."""
    ambiguous: tuple[Ambiguity, ...]
    newest_first: tuple[Article, ...]
    timeline: tuple[Event, ...]
    """Every event by date (ties by id)."""
    _article: Mapping[str, Article]
    _entity: Mapping[str, Entity]
    _event: Mapping[str, Event]
    _annotation: Mapping[str, Annotation]
    _mentions_of: Mapping[str, tuple[Mention, ...]]
    _mentions_in: Mapping[str, tuple[Mention, ...]]
    _notes_in: Mapping[str, tuple[Annotation, ...]]
    _notes_about: Mapping[str, tuple[Annotation, ...]]
    _events_of: Mapping[str, tuple[Event, ...]]
    _events_in: Mapping[str, tuple[Event, ...]]
    _members: Mapping[str, tuple[tuple[Entity, Role], ...]]
    _children: Mapping[str, tuple[Entity, ...]]
    _together: Mapping[str, tuple[tuple[str, int], ...]]
    _blocks: Mapping[tuple[str, int], Block]
    owner: Mapping[str, str]
    """Folded one-word names (OpenAI, ميتا) → the entity they name: the first by id."""
    _terms_written: dict[str, tuple[Term, ...]] = field(default_factory=dict, init=False, compare=False, repr=False)
    """terms_written, as asked: the article pages and the glossary ask the same of every article."""

    @classmethod
    def build(cls, articles: Iterable[Article], kb: KnowledgeBase, links: Links) -> DossierIndex:
        articles = tuple(articles)
        timeline = tuple(sorted(kb.events, key=event_order))  # as the timeline page orders them
        mentions_of: dict[str, list[Mention]] = defaultdict(list)
        in_paragraph: dict[tuple[str, int], set[str]] = defaultdict(set)
        for m in links.mentions:
            mentions_of[m.entity].append(m)
            in_paragraph[(m.article, m.block)].add(m.entity)
        # Every ordered pair of entities named in one paragraph, counted in C (a paragraph naming one names no pair).
        pairs = Counter(chain.from_iterable(permutations(ids, 2) for ids in in_paragraph.values() if len(ids) > 1))
        together: dict[str, dict[str, int]] = defaultdict(dict)
        for (a, b), n in pairs.items():
            together[a][b] = n
        notes_in: dict[str, list[Annotation]] = defaultdict(list)
        notes_about: dict[str, list[Annotation]] = defaultdict(list)
        for note in kb.annotations:
            notes_in[note.anchor.article].append(note)
            for id in note.about:
                notes_about[id].append(note)
        for key, notes in notes_in.items():
            notes_in[key] = sorted(notes, key=lambda a: (a.anchor.block or 0, a.anchor.start, a.id))
        events_of: dict[str, list[Event]] = defaultdict(list)
        events_in: dict[str, list[Event]] = defaultdict(list)
        for ev in timeline:
            for id in dict.fromkeys(p.entity for p in ev.participants):
                events_of[id].append(ev)
            for article in dict.fromkeys(s.article for s in ev.sources):
                events_in[article].append(ev)
        members: dict[str, list[tuple[Entity, Role]]] = defaultdict(list)
        children: dict[str, list[Entity]] = defaultdict(list)
        owner: dict[str, str] = {}
        for e in kb.entities:
            for r in e.roles:
                members[r.org].append((e, r))
            if e.parent:
                children[e.parent].append(e)
        for e in sorted(kb.entities, key=lambda e: e.id):
            for name in [e.name, *e.aliases, e.latin]:
                if name and " " not in name.strip():
                    owner.setdefault(fold(name), e.id)
        return cls(
            articles=articles,
            kb=kb,
            mentions=links.mentions,
            ambiguous=links.ambiguous,
            newest_first=by_date(articles),
            timeline=timeline,
            _article=MappingProxyType({a.id: a for a in articles}),
            _entity=MappingProxyType({e.id: e for e in kb.entities}),
            _event=MappingProxyType({e.id: e for e in kb.events}),
            _annotation=MappingProxyType({a.id: a for a in kb.annotations}),
            _mentions_of=_frozen(mentions_of),
            _mentions_in=MappingProxyType(dict(links.by_article)),
            _notes_in=_frozen(notes_in),
            _notes_about=_frozen(notes_about),
            _events_of=_frozen(events_of),
            _events_in=_frozen(events_in),
            _members=_frozen(members),
            _children=_frozen(children),
            _together=MappingProxyType({k: tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for k, c in together.items()}),
            _blocks=MappingProxyType({(a.id, b.number): b for a in articles for b in a.blocks if b.number is not None}),
            owner=MappingProxyType(owner),
        )

    # --- lookups ----------------------------------------------------------

    @property
    def entities(self) -> tuple[Entity, ...]:
        """In knowledge-base order (people, then organisations, as the YAML lists them)."""
        return self.kb.entities

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        return self.kb.annotations

    def article(self, id: str) -> Article:
        return self._article[id]

    def entity(self, id: str) -> Entity | None:
        return self._entity.get(id)

    def event(self, id: str) -> Event | None:
        return self._event.get(id)

    def annotation(self, id: str) -> Annotation | None:
        return self._annotation.get(id)

    def of_kind(self, kind: EntityKind) -> tuple[Entity, ...]:
        return tuple(e for e in self.kb.entities if e.kind is kind)

    def mentions_of(self, entity: str) -> tuple[Mention, ...]:
        return self._mentions_of.get(entity, ())

    def mentions_in(self, article: str) -> tuple[Mention, ...]:
        return self._mentions_in.get(article, ())

    def notes_in(self, article: str) -> tuple[Annotation, ...]:
        """The notes anchored in one article, in reading order."""
        return self._notes_in.get(article, ())

    def notes_about(self, id: str) -> tuple[Annotation, ...]:
        return self._notes_about.get(id, ())

    def events_of(self, entity: str) -> tuple[Event, ...]:
        """The events an entity takes part in, by date."""
        return self._events_of.get(entity, ())

    def events_in(self, article: str) -> tuple[Event, ...]:
        """The events an article is a source of, by date."""
        return self._events_in.get(article, ())

    def members(self, org: str) -> tuple[tuple[Entity, Role], ...]:
        """The people with a role in an organisation, and the role."""
        return self._members.get(org, ())

    def children(self, org: str) -> tuple[Entity, ...]:
        return self._children.get(org, ())

    def together(self, entity: str) -> tuple[tuple[str, int], ...]:
        """The entities named in the same paragraphs, most often first, with the count of paragraphs."""
        return self._together.get(entity, ())

    def block(self, article: str, number: int) -> Block:
        return self._blocks[(article, number)]

    def block_text(self, article: str, number: int) -> str:
        return self._blocks[(article, number)].text

    def terms_written(self, article: Article) -> tuple[Term, ...]:
        """The glossary's terms one of whose spellings the article's text holds (anywhere, even inside a word: where
        to look for them, not where they are)."""
        if (found := self._terms_written.get(article.id)) is None:
            found = self._terms_written[article.id] = tuple(t for t in self.kb.glossary if any(s in article.text for s in t.spellings))
        return found
