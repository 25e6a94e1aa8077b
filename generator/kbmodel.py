"""The knowledge base as typed data: people, organisations, events, annotations.

Every fact carries the `Source` it rests on: an exact quote of one article
paragraph. Once `kb.load_kb` has found the quote, the source knows its
paragraph number and anchor, so pages can link straight to the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """An exact quote of one paragraph of one article."""

    article: str
    quote: str
    file: str
    """The YAML file that cites it, and the line, for error messages."""
    line: int
    block: int | None = None
    """Paragraph number of the article once the quote is found; 0 for the article's title."""
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
    kind: str
    """'person', or the organisation's kind (company, board, product, …)."""
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
        return self.kind == "person"

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


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    date: str
    """YYYY, YYYY-MM or YYYY-MM-DD: the length is the precision."""
    date_basis: str
    """'stated' or 'resolved' (then `resolution` names a resolved-date annotation)."""
    file: str
    line: int
    resolution: str = ""
    participants: tuple[Participant, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def page(self) -> str:
        return f"events/{self.id}.md"


@dataclass(frozen=True)
class Annotation:
    """An editorial note anchored to an exact quote of an article."""

    id: str
    kind: str
    """correction | context | contradiction | resolved-date"""
    note: str
    anchor: Source
    """Where the note attaches: the quote it comments on."""
    file: str
    line: int
    basis: tuple[Source, ...] = ()
    about: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    annotations: tuple[Annotation, ...] = ()

    def entity(self, id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == id), None)

    @property
    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}
