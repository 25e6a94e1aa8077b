"""Build the dossier into a folder, serve it on 127.0.0.1 and search it in headless Chromium.

Shared by tests/test_search.py and benchmarks/search_recall.py (so it lives here: benchmarks never import from tests/), so the test and
the recall benchmark measure search the same way: open `index.html?q=…` (Material
runs the query from the URL) and read the result list.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from contextlib import AbstractContextManager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import quote

import yaml
from playwright.sync_api import Page

from benchmarks.browser import loopback
from benchmarks.project import PROJECT_PARTS

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "search.yml"
# Material's Arabic texts for a finished search: "no results" / "N results".
DONE = ("لا توجد نتائج", "عدد النتائج", "نتيجة واحدة")  # the result counts of overrides/partials/languages/ar.html


@dataclass(frozen=True)
class SearchCase:
    query: str
    page: str
    """Path of the page that must be found, as in the built site (articles/<id>/)."""
    case: str
    article: str | None = None
    """The form the article wrote, when it differs from the query."""
    mark: str | None = None
    """The whole word the results must highlight."""


@dataclass(frozen=True)
class Hit:
    page: str
    """Path of the result's page, relative to the site root, without #fragment."""
    marks: tuple[str, ...]
    """Text of every <mark> in the result (page and its sections)."""
    direction: str
    """Computed CSS direction of the result's article."""
    cut: tuple[str, ...]
    """Marks that cut a word: a letter, digit or mark touches them on either side."""


def load_cases() -> list[SearchCase]:
    return [SearchCase(**row) for row in yaml.safe_load(CASES.read_text(encoding="utf-8"))]


def build(dest: Path, config: Path = ROOT / "mkdocs.yml", strict: bool = True) -> None:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(cmd + (["--strict"] if strict else []), check=True, cwd=config.parent, env=env)


def default_search_config(folder: Path) -> Path:
    """A copy of the project in `folder` (symlinks) whose mkdocs.yml has Material's plain `- search`."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plain, n = re.subn(r"(?m)^  - search:\n(?:    .*\n|\s*\n)*", "  - search\n", text)
    if n != 1:
        raise RuntimeError("mkdocs.yml: no `  - search:` block to replace")
    for name in PROJECT_PARTS:
        if name != "mkdocs.yml" and (ROOT / name).exists():
            (folder / name).symlink_to(ROOT / name)
    config = folder / "mkdocs.yml"
    config.write_text(plain, encoding="utf-8")
    return config


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> AbstractContextManager[str]:
    """Serve `directory` on 127.0.0.1; the base URL."""
    return loopback(_Quiet, directory)


def search(page: Page, base: str, query: str) -> list[Hit]:
    """Open the site with ?q=query and return the result pages, best first."""
    page.goto(f"{base}index.html?q={quote(query)}")
    page.wait_for_function(
        "done => { const m = document.querySelector('.md-search-result__meta'); return !!m && done.some(t => m.textContent.includes(t)); }",
        arg=list(DONE),
        timeout=15000,
    )
    rows = page.eval_on_selector_all(
        ".md-search-result__list > li.md-search-result__item",
        """items => items.map(li => {
            const a = li.querySelector(':scope > a');
            const art = li.querySelector('article');
            const marks = [...li.querySelectorAll('mark')];
            const word = /[\\p{L}\\p{N}\\p{M}]/u;
            const cut = marks.filter(m => word.test((m.previousSibling?.textContent ?? '').slice(-1))
                                       || word.test((m.nextSibling?.textContent ?? '').slice(0, 1)));
            return {href: a.href, marks: marks.map(m => m.textContent), cut: cut.map(m => m.textContent),
                    direction: getComputedStyle(art).direction};
        })""",
    )
    hits = []
    for row in rows:
        href = re.split(r"[?#]", row["href"])[0]
        hits.append(Hit(href[len(base) :] if href.startswith(base) else href, tuple(row["marks"]), row["direction"], tuple(row["cut"])))
    return hits
