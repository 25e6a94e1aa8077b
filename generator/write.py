"""Write stage for the CLI: the generated Markdown as a folder, for inspection."""

from __future__ import annotations

import shutil
from pathlib import Path


def write_tree(pages: dict[str, str], out: Path) -> int:
    """Replace `out` with exactly these pages; return how many were written."""
    if out.exists():
        shutil.rmtree(out)
    for rel, content in pages.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
    return len(pages)
