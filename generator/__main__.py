"""Command line: `python -m generator [build|check]`; `python -m generator COMMAND --help` for each.

Examples:
  python -m generator                 # write the generated Markdown to build/markdown/
  python -m generator build --out DIR
  python -m generator check           # the editor's report: notes by article and kind, then one summary line
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import generate
from .editor import grouped, summary
from .errors import InputError
from .write import write_tree


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m generator", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = top.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    def command(name: str, summary_line: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary_line, description=description)
        sub.add_argument("--root", type=Path, default=Path("."), help="project folder holding seeds/ (default: .)")
        return sub

    build = command(
        "build",
        "write the generated Markdown pages (the default command)",
        "Read seeds/, check everything, and write every generated page as Markdown, for inspection; prints one summary line.",
    )
    build.add_argument("--out", type=Path, default=None, help="where to write the Markdown (default: ROOT/build/markdown)")
    command(
        "check",
        "the editor's report: errors, unknown names, dropped text",
        "Read and check seeds/ without writing anything; print the editor's report grouped by file and kind, and a summary "
        "line such as '0 errors, 0 notes'. Exit status 1 when the seeds have errors.",
    )
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(["build", *(argv if argv is not None else sys.argv[1:])] if _no_command(argv) else argv)
    try:
        dossier = generate(args.root)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.command == "build":
        out = args.out or args.root / "build" / "markdown"
        count = write_tree(dossier.pages, out)
        print(f"wrote {count} pages to {out}; {summary(dossier.report)}")
    else:
        print(grouped(dossier.report))
        print(f"ok: {len(dossier.articles)} articles, {len(dossier.pages)} pages")
    return 0


def _no_command(argv: list[str] | None) -> bool:
    """`python -m generator` and `python -m generator --root X` mean `build`."""
    args = argv if argv is not None else sys.argv[1:]
    return not args or (args[0].startswith("-") and args[0] not in ("-h", "--help"))


if __name__ == "__main__":
    sys.exit(main())
