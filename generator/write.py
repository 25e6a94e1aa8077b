"""Write stage for the CLI: the generated Markdown as a folder, for inspection.

It writes only into a folder that is empty or that it created itself (marked
by MARKER), and never into the project's own folders: a wrong `--out` must not
cost the editor their seeds. Files whose content did not change are not
rewritten, so a watcher sees only what changed.
"""

from __future__ import annotations

from pathlib import Path

from .errors import UnsafeOutput

MARKER = ".dossier-output"
"""Written into every folder this module fills; only such a folder may be emptied again."""
PROJECT_PARTS = ("seeds", "docs", "generator", "tests", "benchmarks", "overrides", ".git")


def overlap(out: Path, root: Path) -> Path | None:
    """The project folder `out` is, holds or lies inside (the root itself may hold outputs), if any."""
    out, root = out.resolve(), root.resolve()
    for p in (root, *(root / part for part in PROJECT_PARTS)):
        if out == p or p.is_relative_to(out) or (p != root and out.is_relative_to(p)):
            return p
    return None


def check_output(out: Path, root: Path) -> None:
    """Refuse any folder we may not empty: the project, its parts, or a folder holding files we did not write."""
    out = out.resolve()
    if (p := overlap(out, root)) is not None:
        raise UnsafeOutput(
            f"refusing to write into {out}: it is, holds or lies inside {p}, which the generator did not write "
            "(fix: give --out a new folder, e.g. build/markdown)"
        )
    if out.exists() and not out.is_dir():
        raise UnsafeOutput(f"refusing to write into {out}: it is a file (fix: give --out a folder)")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise UnsafeOutput(f"refusing to write into {out}: the folder holds files the generator did not write (fix: give --out an empty or new folder)")


def write_tree(pages: dict[str, str], out: Path, root: Path) -> int:
    """Make `out` hold exactly these pages; return how many files changed."""
    check_output(out, root)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Written by python -m generator; the whole folder is replaced at each run.\n", encoding="utf-8")
    changed = 0
    for rel, content in pages.items():
        path = out / rel
        data = content.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        changed += 1
    wanted = {out / rel for rel in pages} | {out / MARKER}
    for path in sorted(out.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
            changed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed
