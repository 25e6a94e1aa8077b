"""Problems found in the input, and the one exception that carries them.

The generator never stops at the first bad file: every stage appends
`Problem`s to a `Report`, and the orchestrator raises `InputError` once, so
the editor sees every problem of a run together, each with its place and fix.
A file that cannot be read at all is a *cause*: it is listed first, because
whatever else goes wrong may follow from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum
from itertools import islice
from pathlib import Path

from .text import visible_controls


class Rank(IntEnum):
    """How problems are ordered: causes first, then everything else."""

    CAUSE = 0
    """The file cannot be read (does not parse, wrong encoding, binary): fix this first."""
    SKIPPED = 1
    """Checks that stood down because of a cause (said once, right after it)."""
    PROBLEM = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth telling) about one place in the input."""

    path: str
    """File, relative to the project root when possible."""
    line: int | None
    """1-based line, or None when the whole file is concerned."""
    message: str
    """What was expected and what was found."""
    fix: str = ""
    """How to mend it, in one sentence."""
    rank: Rank = Rank.PROBLEM
    column: int | None = None
    kind: str = ""
    """What sort of note (unknown name, dropped text, …): the editor's report groups by it."""

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}" + (f":{self.column}" if self.column else "")
        text = f"{where}: {self.message}"
        return visible_controls(f"{text} (fix: {self.fix})" if self.fix else text)  # a quoted ESC must not drive the terminal


UNKNOWN_PLACES = 5
"""The other places an unknown id is written that its one error names; past that, how many more."""


@dataclass
class Report:
    """Errors stop the build; notes (unknown names, …) ask the editor to act; `told` is what a
    declared rule did (a dropped line, a silenced name): listed, never counted as a note."""

    errors: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    told: list[Problem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)
    """Files that could not be read at all: checks that refer into them are skipped."""
    _unknown: dict[str, tuple[int, str, dict[str, None]]] = field(default_factory=dict, repr=False)
    """Per id nothing declares: where its one error is in `errors`, its first message, and every place the id is
    written, the first first."""

    def error(self, path: str | Path, line: int | None, message: str, fix: str = "") -> None:
        self.errors.append(Problem(str(path), line, message, fix))

    def cause(self, path: str | Path, line: int | None, message: str, fix: str = "", column: int | None = None, whole: bool = True) -> None:
        """A file that cannot be read: reported first, and remembered so dependent checks stand down. Not `whole`:
        one entry of the file is the cause (its checks stand down by other means); the rest of the file is used."""
        self.errors.append(Problem(str(path), line, message, fix, Rank.CAUSE, column))
        if whole:
            self.unreadable.add(str(path))

    def causes_since(self, path: str, since: int) -> None:
        """The errors reported for `path` from errors[since] on left it unusable (an article with no body): they
        become causes, listed first, and the checks that depend on the file stand down."""
        self.errors[since:] = [replace(p, rank=Rank.CAUSE) if p.path == path else p for p in self.errors[since:]]
        self.unreadable.add(path)

    def unknown(self, key: str, path: str | Path, line: int | None, message: str, fix: str = "") -> None:
        """A reference to an id that nothing declares (`key` says which id, of what): one error at its first place,
        naming every other place it is written. A misspelt or missing id is one problem, not one per reference
        (a renamed article's id was written in 198 places)."""
        place = f"{path}:{line}" if line else str(path)
        if key not in self._unknown:
            self._unknown[key] = (len(self.errors), message, {place: None})
            self.errors.append(Problem(str(path), line, message, fix))
            return
        at, first, seen = self._unknown[key]
        if place in seen:  # one line may name the id twice (articles: [a, a])
            return
        seen[place] = None
        others = len(seen) - 1
        shown = ", ".join(islice(seen, 1, UNKNOWN_PLACES + 1)) + (f" and {others - UNKNOWN_PLACES} more" if others > UNKNOWN_PLACES else "")
        self.errors[at] = replace(self.errors[at], message=f"{first} (also written at {shown})")

    def skipped(self, path: str, message: str) -> None:
        self.errors.append(Problem(path, None, message, "", Rank.SKIPPED))

    def note(self, path: str | Path, line: int | None, message: str, fix: str = "", kind: str = "") -> None:
        self.notes.append(Problem(str(path), line, message, fix, kind=kind))

    def tell(self, path: str | Path, line: int | None, message: str, fix: str = "", kind: str = "") -> None:
        self.told.append(Problem(str(path), line, message, fix, kind=kind))

    def extend(self, other: Report) -> None:
        """Everything `other` holds, added to this report."""
        self.errors += other.errors
        self.notes += other.notes
        self.told += other.told
        self.unreadable |= other.unreadable

    def raise_if_errors(self) -> None:
        if self.errors:
            raise InputError(self.errors)


class GeneratorError(Exception):
    """Base class: anything the user should see as a message, not a traceback."""


class InputError(GeneratorError):
    """The seeds hold one or more problems; all of them are listed, causes first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.rank, p.path, p.line or 0, p.message))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the seeds:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class UnsafeOutput(GeneratorError):
    """An output folder the generator did not create and will not empty."""
