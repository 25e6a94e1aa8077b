"""What a fresh reader downloads to search a dossier of 500 articles: at most 1 MB in all, over
http and from file://, for every query of the search test table (slow: two builds of 500 articles).

The articles are the seeds copied under new names (tests.searchload.synthetic_project); the
benchmark measures the same at 2,000 articles, and the result latency.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import mkdocs_build
from tests.searchload import synthetic_project, table_queries, visit

ARTICLES = 500
BUDGET = 1_000_000
QUERIES = table_queries()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_project(tmp_path_factory.mktemp("project"), ARTICLES)


@pytest.mark.slow
@pytest.mark.parametrize("offline", [False, True], ids=["http", "file"])
def test_a_fresh_reader_downloads_at_most_1_mb_to_search(project: Path, browser, offline: bool, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(project, site, env={"OFFLINE": "true" if offline else "false"})
    assert result.returncode == 0, result.stderr
    pages = (site / "articles").glob("*.html" if offline else "*/index.html")
    assert len([p for p in pages if p.name != "index.html" or not offline]) == ARTICLES
    over = {}
    for q in QUERIES:
        v = visit(browser, site, q, offline=offline)
        assert v.results > 0, f"{q}: no results"
        if v.bytes > BUDGET:
            over[q] = v.bytes
    assert over == {}, f"queries over {BUDGET:,} bytes: {over}"
    # Nothing a reader downloads holds the whole index: Material's own index is only its configuration
    # (the offline edition ships it as search_index.js alone; publish_hook drops the JSON twin).
    material_index = site / "search" / ("search_index.js" if offline else "search_index.json")
    assert material_index.stat().st_size < 2_000
    assert not (offline and (site / "search" / "search_index.json").exists())
