"""The knowledge base as typed data: people, organisations, events, annotations.

Every fact carries the `Source` it rests on: an exact quote of one article
paragraph, already found there (link/quotes.py) when the record is built, so
pages link straight to the evidence. Records are built once, each with the
file and line it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EntityKind(StrEnum):
    """What an entity is. The value is the word used in the YAML."""

    PERSON = "person"
    COMPANY = "company"
    BOARD = "board"
    TEAM = "team"
    OUTLET = "outlet"
    PRODUCT = "product"
    PLATFORM = "platform"
    CONCEPT = "concept"
    INSTITUTION = "institution"
    GOVERNMENT = "government"


ORG_KINDS = tuple(k for k in EntityKind if k is not EntityKind.PERSON)


class AnnotationKind(StrEnum):
    CORRECTION = "correction"
    """The seed text is wrong or garbled here."""
    CONTEXT = "context"
    CONTRADICTION = "contradiction"
    RESOLVED_DATE = "resolved-date"
    """How the editor dated an event or an article."""


class DateBasis(StrEnum):
    STATED = "stated"
    """A quote gives the date."""
    RESOLVED = "resolved"
    """The editor combined clues; an annotation explains how."""


PRECISION = {4: "year", 7: "month", 10: "day"}
"""A date's precision is its length: YYYY, YYYY-MM, YYYY-MM-DD."""


@dataclass(frozen=True)
class Source:
    """An exact quote of one paragraph of one article, found there."""

    article: str
    quote: str
    file: str
    """The YAML file that cites it, and the line, for error messages."""
    line: int
    block: int | None = None
    """Paragraph number of the article; 0 for the article's title."""
    start: int = -1
    """Offset of the quote in that paragraph's text."""

    @property
    def anchor(self) -> str:
        return f"p-{self.block}" if self.block else ""

    @property
    def end(self) -> int:
        return self.start + len(self.quote)


@dataclass(frozen=True)
class Role:
    org: str
    title: str
    source: Source
    line: int
    """Line of the role's `org` in people.yml."""
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class Claim:
    text: str
    source: Source | None
    """None when the editor gave no source: reported, never shown as fact."""
    line: int = 0


@dataclass(frozen=True)
class Entity:
    """A person or an organisation (company, board, product, concept, …): something the articles name."""

    id: str
    name: str
    latin: str
    kind: EntityKind
    file: str
    line: int
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    parent: str = ""
    roles: tuple[Role, ...] = ()
    claims: tuple[Claim, ...] = ()
    said: tuple[Source, ...] = ()

    @property
    def is_person(self) -> bool:
        return self.kind is EntityKind.PERSON

    @property
    def page(self) -> str:
        """Path of the entity's page under docs/."""
        return f"{'people' if self.is_person else 'orgs'}/{self.id}.md"

    @property
    def full_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Participant:
    entity: str
    part: str = ""
    line: int = 0


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    date: str
    """YYYY, YYYY-MM or YYYY-MM-DD: the length is the precision."""
    date_basis: DateBasis
    file: str
    line: int
    resolution: str = ""
    """With a resolved date: the resolved-date annotation that explains it."""
    participants: tuple[Participant, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def page(self) -> str:
        return f"events/{self.id}.md"

    @property
    def precision(self) -> str | None:
        return PRECISION.get(len(self.date))


@dataclass(frozen=True)
class Annotation:
    """An editorial note anchored to an exact quote of an article."""

    id: str
    kind: AnnotationKind
    note: str
    anchor: Source
    """Where the note attaches: the quote it comments on."""
    file: str
    line: int
    basis: tuple[Source, ...] = ()
    about: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    """The four files, loaded and checked: only found sources survive."""

    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    arcs: tuple[Arc, ...] = ()
    """seeds/arcs.yml, in the editor's order (kb/views.py)."""
    glossary: tuple[Term, ...] = ()
    """seeds/glossary.yml, in the editor's order (kb/views.py)."""
    title: str = ""
    """The front page's heading (seeds/dossier.yml)."""
    intro: str = ""
    """The front page's opening paragraph, the editor's words (seeds/dossier.yml)."""
    annotation_ids: frozenset[str] = frozenset()
    """Every id seeds/annotations.yml declares, also of a note that failed (its own error says why): a reference
    to it from another file is not a second error."""


@dataclass(frozen=True)
class Arc:
    """A story arc (seeds/arcs.yml): the editor's summary of a run of events, with the passages it rests on."""

    id: str
    title: str
    summary: str
    """Editorial: always shown marked as the editor's."""
    events: tuple[str, ...]
    sources: tuple[Source, ...]
    file: str
    line: int


@dataclass(frozen=True)
class Term:
    """A glossary term (seeds/glossary.yml): the articles' own definition, the editor's, or both."""

    id: str
    term: str
    latin: str
    spellings: tuple[str, ...]
    """How the articles write it: where a tooltip goes."""
    defined_by: Source | None
    editorial: str
    basis: tuple[Source, ...]
    entity: str
    file: str
    line: int
