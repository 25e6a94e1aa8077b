"""The yardstick: plain Material building the very same article texts, one page per article.

No hook, no generator, no knowledge base: `theme: material`, `language: ar`, the
search plugin, a one-page navigation. Each article is its first line as a
heading and every other line as a Markdown paragraph. The ratio of our build to
this one, timed in the same run, is the figure that holds on a noisy machine.
"""

from __future__ import annotations

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
