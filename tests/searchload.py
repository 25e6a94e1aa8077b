"""What a fresh reader downloads to search, and how soon the results appear, measured in Chromium.

A fresh reader opens the home page (no cache), opens the search, types a query and waits for the
results. Every URL the browser asked for (page, theme, scripts, search data; over http the server
logs them, worker included; over file:// the page and its frames report them) is mapped to its
file in the built site and the sizes are summed. Latency: from the query's last keystroke to the
first result in the list, timed inside the page.

    python -m tests.searchload SITE [--offline] [QUERY …]    # bytes and latency per query
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Page

from benchmarks.browser import loopback
from benchmarks.searchsite import load_cases
from tests.conftest import copy_project

ROOT = Path(__file__).resolve().parent.parent


def synthetic_project(dest: Path, n: int) -> Path:
    """A copy of the project whose seeds/articles/ holds n articles: the real seeds, then copies of
    them under new file names (an article without an entry in articles.yml is built with its
    file name as id)."""
    copy_project(dest)
    if (ROOT / "vendor").is_dir():  # the offline edition's shim
        (dest / "vendor").symlink_to(ROOT / "vendor")
    folder = dest / "seeds" / "articles"
    seeds = sorted(folder.glob("*.txt"))
    for i in range(n - len(seeds)):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"copy-{i:05d}.txt").write_text(text, encoding="utf-8")
    return dest


class _Logged(SimpleHTTPRequestHandler):
    seen: list[str]
    protocol_version = "HTTP/1.1"  # keep-alive, as any real web server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.seen.append(self.path)
        super().do_GET()


@contextmanager
def logged_server(directory: Path) -> Iterator[tuple[str, list[str]]]:
    """Serve `directory` on 127.0.0.1; yields the base URL and the list of paths requested."""
    seen: list[str] = []
    with loopback(type("Handler", (_Logged,), {"seen": seen}), directory) as base:
        yield base, seen


@dataclass(frozen=True)
class Visit:
    query: str
    bytes: int
    search_bytes: int
    """Of which under search/ (index files) and the worker."""
    files: int
    latency_ms: float
    results: int


TIMING = """
() => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  window.__typed = 0; window.__result = 0;
  box.addEventListener("input", () => { window.__typed = performance.now(); window.__result = 0; }, true);
  new MutationObserver(() => {
    if (!window.__result && list.querySelector(".md-search-result__item")) window.__result = performance.now();
  }).observe(list, {childList: true});
}
"""


def _file(site: Path, url: str, base: str) -> Path | None:
    path = unquote(urlsplit(url).path)
    rel = path[len(urlsplit(base).path) :] if path.startswith(urlsplit(base).path) else None
    if rel is None:
        return None
    f = site / rel
    if f.is_dir() or rel.endswith("/") or rel == "":
        f = f / "index.html"
    return f if f.is_file() else None


def visit(browser: Browser, site: Path, query: str, *, offline: bool) -> Visit:
    """One fresh reader: a new browser context, the home page, the query typed, the results."""
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    with logged_server(site) as (base, served):
        home = site.as_uri() + "/index.html" if offline else base
        page.goto(home, wait_until="load")
        page.evaluate(TIMING)
        page.keyboard.press("s")
        box = page.locator("input.md-search__input")
        box.wait_for(state="visible")
        # Ready: Material replaces «بدء البحث» (initialising) with «اكتب لبدء البحث» (type to search).
        page.wait_for_function("() => document.querySelector('.md-search-result__meta')?.textContent.includes('اكتب')", timeout=20_000)
        box.fill(query)  # the text arrives at once, as pasted: searchbox.js passes its input event on to Material
        page.wait_for_function(
            "() => { const m = document.querySelector('.md-search-result__meta'); return window.__result || (m && m.textContent.includes('لا توجد')); }",
            timeout=20_000,
        )
        latency = page.evaluate("() => window.__result ? window.__result - window.__typed : -1")
        settle(page, served if not offline else urls)  # the worker's second answer loads more pages
        results = page.locator(".md-search-result__item").count()
        if offline:
            files = [f for u in urls if u.startswith("file:") for f in [_file(site, u, site.as_uri() + "/")] if f]
        else:
            files = [f for p in served for f in [_file(site, base.rstrip("/") + p, base)] if f]
    context.close()
    unique = sorted(set(files))
    sizes = {f: f.stat().st_size for f in unique}
    search = sum(s for f, s in sizes.items() if f.relative_to(site).parts[0] == "search" or "workers" in f.parts)
    return Visit(query, sum(sizes.values()), search, len(unique), latency, results)


def settle(page: Page, requests: list[str], quiet_ms: int = 400) -> None:
    """Wait until no request has been made for `quiet_ms`."""
    count = -1
    while count != len(requests):
        count = len(requests)
        page.wait_for_timeout(quiet_ms)


def table_queries() -> list[str]:
    return list(dict.fromkeys(c.query for c in load_cases()))


def main(argv: list[str]) -> int:
    from benchmarks.browser import chromium

    site = Path(argv[0])
    offline = "--offline" in argv
    queries = [q for q in argv[1:] if q != "--offline"] or table_queries()
    visits = []
    with chromium() as browser:
        for q in queries:
            v = visit(browser, site, q, offline=offline)
            visits.append(v)
            print(f"{v.bytes:>9,} B  search {v.search_bytes:>8,} B  {v.files:>3} files  {v.latency_ms:7.1f} ms  {v.results:>3} results  {v.query}", flush=True)
    lat = [v.latency_ms for v in visits if v.latency_ms >= 0]
    sizes = [v.bytes for v in visits]
    print(f"bytes: max {max(sizes):,}, median {statistics.median(sizes):,.0f}; latency: median {statistics.median(lat):.1f} ms, max {max(lat):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
