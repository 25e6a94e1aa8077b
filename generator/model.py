"""The typed data every stage passes on: articles and their blocks.

Everything here is plain data, frozen where it can be, and knows nothing of
MkDocs or Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Kind(StrEnum):
    """What a line of an article is, once read."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    ITEM = "item"
    """A list item; consecutive items form one list."""
    QUESTION = "question"
    ANSWER = "answer"
    """An answer in a question/answer section; its question may be lost."""


NUMBERED = frozenset({Kind.PARAGRAPH, Kind.QUOTE, Kind.ITEM, Kind.QUESTION, Kind.ANSWER})


@dataclass(frozen=True)
class Block:
    """One unit of article text, in reading order."""

    kind: Kind
    text: str
    """The text exactly as in the seed (ends trimmed), never markup."""
    line: int
    """Line in the seed file, for error messages and golden files."""
    number: int | None = None
    """Paragraph number shown to readers; None for headings."""
    section: str = ""
    """The heading this block sits under ("" before the first heading)."""

    @property
    def anchor(self) -> str:
        """Stable anchor: the paragraph's number, which no other paragraph's edit changes."""
        return f"p-{self.number}" if self.number is not None else ""


@dataclass(frozen=True)
class Dropped:
    """A line (or a trailing sentence) left out of the article body, and why."""

    line: int
    text: str
    rule: str
    reason: str


@dataclass(frozen=True)
class PubDate:
    """A date as precise as the evidence allows."""

    value: str
    """YYYY, YYYY-MM or YYYY-MM-DD."""
    basis: str
    """'stated' (the text says so) or 'resolved' (the editor worked it out)."""
    note: str = ""
    """How it was resolved, for an editorial annotation."""

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]

    @property
    def resolved(self) -> bool:
        return self.basis == "resolved"


@dataclass(frozen=True)
class ArticleMeta:
    """What seeds/articles.yml says about one text file."""

    file: str
    id: str
    outlet: str = ""
    outlet_basis: str = ""
    date: PubDate | None = None
    overrides: dict[int, str] = field(default_factory=dict)
    """Seed line → the kind the editor forces on it (seeds/articles.yml `blocks:`)."""
    line: int = 0
    """The entry's line in seeds/articles.yml (0: the file has no entry)."""
    blocks_line: int = 0


@dataclass(frozen=True)
class Article:
    """One seed, read: title, body blocks and everything said about it."""

    meta: ArticleMeta
    path: str
    """The seed file, relative to the project root."""
    title: str
    title_line: int
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...]
    byline: str = ""
    reading_minutes: int = 0
    reading_stated: bool = False
    """True when the seed itself states the reading time."""

    @property
    def id(self) -> str:
        return self.meta.id

    @cached_property
    def numbered(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.number is not None)

    @cached_property
    def text(self) -> str:
        """The numbered paragraphs' text, one per line: to ask once whether the article writes something."""
        return "\n".join(b.text for b in self.numbered)
