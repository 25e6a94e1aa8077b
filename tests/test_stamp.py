"""The theme stamp (generator/site/stamp.py): pages outside the navigation filled into their kind's stamp, and
a kind whose theme shows the page outside the stamp's holes rendered whole. tests/test_navcache.py holds the
whole site, stamps included, to Material's own templates byte for byte."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import SITE_ENV, copy_project

_TITLE = re.compile(r"<title>(.*?) - ")


def _build(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **SITE_ENV, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-v", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project)


def test_pages_outside_the_navigation_come_from_a_few_stamps(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    result = _build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    made = re.findall(r"theme stamp: made from (\S+)", result.stderr)
    pages = len(list((tmp_path / "site").rglob("index.html")))
    assert 3 <= len(made) < pages / 4, f"{len(made)} stamps for {pages} pages"
    assert {m.split("/")[0] for m in made} >= {"articles", "people", "orgs", "events"}
    assert "theme stamp:" not in result.stderr.replace("theme stamp: made from", "")


def _people_with_extrahead(tmp_path: Path, head: str, block: str = "extrahead") -> tuple[subprocess.CompletedProcess[str], list[Path]]:
    """A build whose overrides/main.html also writes `head` into `block` (extrahead: one the stamp keeps); its person pages."""
    project = copy_project(tmp_path / "p")
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + f"{{% block {block} %}}{{{{ super() }}}}{head}{{% endblock %}}\n", encoding="utf-8")
    result = _build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    people = sorted((tmp_path / "site" / "people").glob("*/index.html"))
    assert len(people) > 3
    return result, people


def test_a_theme_that_shows_the_page_outside_the_holes_is_rendered_whole(tmp_path: Path) -> None:
    """An override that writes the page's title into a block the stamp keeps: every page still gets its own."""
    result, people = _people_with_extrahead(tmp_path, '<meta name="x-title" content="{{ page.title }}">')
    assert "theme stamp: none for the pages like" in result.stderr and "WARNING" not in result.stderr
    assert "theme stamp: made from" not in result.stderr
    for page in people:
        html = page.read_text(encoding="utf-8")
        title = _TITLE.search(html)
        assert title is not None and f'<meta name="x-title" content="{title.group(1)}">' in html, page


def test_a_stamp_that_differs_from_the_theme_on_a_later_page_is_dropped_with_a_warning(tmp_path: Path) -> None:
    """A page value that is no marker (its URL) written outside the holes: the first page of a kind matches its
    stamp, the second does not; the warning fails `--strict`, and every page still shows its own URL."""
    result, people = _people_with_extrahead(tmp_path, '<meta name="x-url" content="{{ page.url }}">')
    assert "WARNING" in result.stderr and "did not come out as the theme renders it" in result.stderr
    for page in people:
        url = page.parent.relative_to(tmp_path / "site").as_posix() + "/"
        assert f'<meta name="x-url" content="{url}">' in page.read_text(encoding="utf-8"), page


def test_the_table_of_contents_hole_is_shared_only_where_it_does_not_show_the_title(tmp_path: Path) -> None:
    """The hole holding the table of contents is rendered once per table of contents, the title's heading left out
    of the key: an override that shows that heading's text there gets each page's own, as the theme renders it."""
    result, people = _people_with_extrahead(tmp_path, '<i class="x-first">{% if page.toc %}{{ (page.toc | first).title }}{% endif %}</i>', block="site_nav")
    assert "WARNING" not in result.stderr and "theme stamp: made from" in result.stderr
    for page in people:
        html = page.read_text(encoding="utf-8")
        title = _TITLE.search(html)
        assert title is not None and f'<i class="x-first">{title.group(1)}</i>' in html, page
