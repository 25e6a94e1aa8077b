"""Problems found in the input, and the one exception that carries them.

The generator never stops at the first bad file: every stage appends
`Problem`s to a `Report`, and the orchestrator raises `InputError` once, so
the editor sees every problem of a run together, each with its place and fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
    kind: str = ""
    """What sort of note (unknown name, dropped text, …): the editor's report groups by it."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text} (fix: {self.fix})" if self.fix else text


@dataclass
class Report:
    """Errors stop the build; notes (unknown names, …) ask the editor to act; `told` is what a
    declared rule did (a dropped line, a silenced name): listed, never counted as a note."""

    errors: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    told: list[Problem] = field(default_factory=list)

    def error(self, path: str | Path, line: int | None, message: str, fix: str = "") -> None:
        self.errors.append(Problem(str(path), line, message, fix))

    def note(self, path: str | Path, line: int | None, message: str, fix: str = "", kind: str = "") -> None:
        self.notes.append(Problem(str(path), line, message, fix, kind=kind))

    def tell(self, path: str | Path, line: int | None, message: str, fix: str = "", kind: str = "") -> None:
        self.told.append(Problem(str(path), line, message, fix, kind=kind))

    def raise_if_errors(self) -> None:
        if self.errors:
            raise InputError(self.errors)


class GeneratorError(Exception):
    """Base class: anything the user should see as a message, not a traceback."""


class InputError(GeneratorError):
    """The seeds hold one or more problems; all of them are listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the seeds:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
