"""The benchmark's page sizes (benchmarks/measure.py): each page counted as the kind it is."""

from __future__ import annotations

from pathlib import Path

from benchmarks.measure import site_sizes


def test_a_notes_page_is_measured_as_a_notes_page_not_as_an_article_page(tmp_path: Path) -> None:
    pages = {"articles/index.html": 900, "articles/a/index.html": 300, "articles/a/notes/index.html": 700, "articles/b/index.html": 500}
    for path, size in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x" * size, encoding="utf-8")
    sizes = site_sizes(tmp_path)
    assert (sizes.largest_article.path, sizes.largest_article.bytes) == ("articles/b/index.html", 500)
    assert (sizes.largest_notes.path, sizes.largest_notes.bytes) == ("articles/a/notes/index.html", 700)
