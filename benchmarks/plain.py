"""The yardsticks: plain Material building the very same article texts, and building the dossier's own pages.

No hook, no generator, no knowledge base: `theme: material`, `language: ar`, the
search plugin, a one-page navigation. In `plain_project` (issue 9's yardstick)
each article is its first line as a heading and every other line as a Markdown
paragraph: one page per article. The ratio of our build to this one, timed in the
same run, is the figure that holds on a noisy machine. `same_pages_project` gives
Material the pages our build makes (the generator's Markdown, about twice as many
pages as articles, entity pages and indexes included) without our renderer: what
the dossier would cost with Material doing the work itself.
"""

from __future__ import annotations

import json
from pathlib import Path

CONFIG = """\
site_name: Plain Material
theme:
  name: material
  language: ar
plugins:
  - search
nav:
  - index.md
validation:
  nav:
    omitted_files: ignore
"""


def plain_project(dest: Path, articles: Path) -> Path:
    """A plain Material project at `dest` with one page per seed text in `articles`."""
    docs = dest / "docs"
    (docs / "articles").mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Plain Material\n", encoding="utf-8")
    for path in sorted(articles.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]
        page = "\n\n".join([f"# {lines[0]}", *lines[1:]]) + "\n"
        (docs / "articles" / f"{path.stem}.md").write_text(page, encoding="utf-8")
    return dest


SAME_PAGES = """\
docs_dir: {docs}
markdown_extensions:  # the ones the generated pages are written for (mkdocs.yml)
  - attr_list
  - md_in_html
  - admonition
  - tables
  - toc:
      permalink: true
"""


def same_pages_project(dest: Path, markdown: Path) -> Path:
    """A plain Material project at `dest` whose pages are the generator's Markdown in `markdown` (read where it is)."""
    dest.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(CONFIG + SAME_PAGES.format(docs=json.dumps(str(markdown.resolve()))), encoding="utf-8")
    return dest
