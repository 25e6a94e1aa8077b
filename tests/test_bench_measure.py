"""The benchmark's page sizes (benchmarks/measure.py): each page counted as the kind it is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.measure import site_sizes
from benchmarks.plain import same_pages_project
from tests.conftest import ROOT


def test_a_notes_page_is_measured_as_a_notes_page_not_as_an_article_page(tmp_path: Path) -> None:
    pages = {"articles/index.html": 900, "articles/a/index.html": 300, "articles/a/notes/index.html": 700, "articles/b/index.html": 500}
    for path, size in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x" * size, encoding="utf-8")
    sizes = site_sizes(tmp_path)
    assert (sizes.largest_article.path, sizes.largest_article.bytes) == ("articles/b/index.html", 500)
    assert (sizes.largest_notes.path, sizes.largest_notes.bytes) == ("articles/a/notes/index.html", 700)


@pytest.mark.slow
def test_plain_material_builds_every_page_the_generator_wrote(tmp_path: Path) -> None:
    """The second yardstick (benchmarks/plain.py) is Material building the dossier's own pages: each Markdown page becomes an HTML page."""
    markdown = tmp_path / "markdown"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(markdown)], cwd=ROOT, env=env, check=True, capture_output=True)
    project = same_pages_project(tmp_path / "same", markdown)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")]
    built = subprocess.run(mkdocs, cwd=project, env=env)
    assert built.returncode == 0
    pages = sorted(p.relative_to(markdown).with_suffix("").as_posix() for p in markdown.rglob("*.md"))
    html = sorted(p.parent.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("index.html"))
    assert len(pages) > 100
    assert html == sorted("." if page == "index" else page.removesuffix("/index") for page in pages)
