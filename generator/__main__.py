"""Command line: build the dossier's Markdown for inspection, or check the seeds.

Examples:
  python -m generator build                  # the generated Markdown into build/markdown/
  python -m generator build --out /tmp/md    # elsewhere (a new or empty folder, or one it wrote)
  python -m generator check                  # errors, then the editor's report by file and kind, and one summary line
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import heap
from .build import generate
from .editor import grouped, summary
from .errors import GeneratorError, InputError
from .write import write_tree


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder holding seeds/ (default: .)")
    parser.set_defaults(out=None)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS, help="project folder holding seeds/ (default: .)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = sub.add_parser(
        "build",
        parents=[common],
        help="write the generated Markdown pages to a folder, for inspection",
        description="Generate every page from seeds/ and write the Markdown to a folder. The folder must be new, empty, or one this command wrote "
        "before (it holds a .dossier-output marker); the project's own folders are refused.",
    )
    build.add_argument("--out", type=Path, default=None, help="where to write (default: ROOT/build/markdown)")
    sub.add_parser(
        "check",
        parents=[common],
        help="list every problem in the seeds and the editor's report",
        description="Read and check every seed and YAML file; print every error with file:line and a fix, then the editor's report "
        "grouped by file and kind (unknown names, new spellings of known people, dropped text, silenced names) and one summary "
        "line such as '0 errors, 0 notes'.",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "build"
    heap.pause()
    try:
        dossier = generate(args.root, parallel=True)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        heap.resume()
    if command == "build":
        out = args.out or args.root / "build" / "markdown"
        try:
            changed = write_tree(dossier.pages, out, args.root)
        except GeneratorError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"wrote {len(dossier.pages)} pages to {out} ({changed} files changed); {summary(dossier.report)}")
    else:
        print(grouped(dossier.report))
        print(f"ok: {len(dossier.index.articles)} articles, {len(dossier.pages)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
