"""Command line: `python -m generator [build|check]`.

Examples:
  python -m generator                 # write the generated Markdown to build/markdown/
  python -m generator build --out DIR
  python -m generator check           # errors, dropped boilerplate, editor's report
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import generate
from .errors import InputError
from .write import write_tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="build", choices=["build", "check"])
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder holding seeds/ (default: .)")
    parser.add_argument("--out", type=Path, default=None, help="where build writes Markdown (default: ROOT/build/markdown)")
    args = parser.parse_args(argv)
    try:
        dossier = generate(args.root)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    for note in dossier.report.notes:
        print(f"note: {note}")
    if args.command == "build":
        out = args.out or args.root / "build" / "markdown"
        count = write_tree(dossier.pages, out)
        print(f"wrote {count} pages to {out}")
    else:
        print(f"ok: {len(dossier.articles)} articles, {len(dossier.pages)} pages, {len(dossier.report.notes)} notes, 0 errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
