"""The page `mkdocs serve` shows while the seeds are broken: every problem with its file, line and fix."""

from __future__ import annotations

from ..errors import InputError
from ..text import html_text

NavItem = str | dict[str, "NavItem"] | list["NavItem"] | None


def nav_paths(nav: NavItem) -> list[str]:
    """index.md and every Markdown page the navigation names: each shows the problems instead."""
    found: list[str] = ["index.md"]

    def walk(item: NavItem) -> None:
        if isinstance(item, str):
            if item.endswith(".md") and "://" not in item and item not in found:
                found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav)
    return found


def problems_page(exc: InputError) -> str:
    rows = "\n".join(
        f"<li><code>{html_text(p.path)}{f':{p.line}' if p.line else ''}</code> {html_text(p.message)}"
        + (f"<br><strong>fix:</strong> {html_text(p.fix)}" if p.fix else "")
        + "</li>"
        for p in exc.problems
    )
    count = len(exc.problems)
    return (
        "---\ntitle: Problems in the seeds\nsearch:\n  exclude: true\n---\n\n"
        "# The seeds have problems\n\n"
        f"<p>The dossier cannot be rebuilt until {'this problem is' if count == 1 else f'these {count} problems are'} fixed; "
        "this page reloads by itself when you save the fix. Real causes (files that cannot be read) come first.</p>\n\n"
        f'<ol class="dossier-problems" dir="ltr">\n{rows}\n</ol>\n'
    )
