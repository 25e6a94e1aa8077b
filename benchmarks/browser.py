"""What a reader's browser sees: bytes downloaded for one search, and `mkdocs serve`'s edit-to-reload time.

Headless Debian Chromium through Playwright. Bytes are counted by the local
server itself (the body of every response it sends, from the worker's fetches
too), so nothing the browser does out of Playwright's sight is missed.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any

from playwright.sync_api import Browser, sync_playwright

from .project import child_env

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
# Material's Arabic texts once a search has finished: "no results" / "N results".
SEARCH_DONE = ("لا توجد نتائج", "عدد النتائج", "نتيجة واحدة")  # overrides/partials/languages/ar.html


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Ledger:
    """Every response body the server sent: (path, bytes), in order."""

    sent: list[tuple[str, int]] = field(default_factory=list)

    def total(self, since: int = 0) -> int:
        return sum(b for _, b in self.sent[since:])


class _Counting(SimpleHTTPRequestHandler):
    ledger: Ledger

    def copyfile(self, source: IO[bytes], outputfile: IO[bytes]) -> None:  # type: ignore[override]
        count = 0
        while chunk := source.read(64 * 1024):
            outputfile.write(chunk)
            count += len(chunk)
        self.ledger.sent.append((self.path, count))

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def loopback(handler: type[SimpleHTTPRequestHandler], directory: Path) -> Iterator[str]:
    """Serve `directory` with `handler` on 127.0.0.1 (a free port) in a thread; yield the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def counting_server(directory: Path) -> Iterator[tuple[str, Ledger]]:
    """Serve `directory` on 127.0.0.1; yield its base URL and the ledger of bytes sent."""
    ledger = Ledger()
    with loopback(type("Handler", (_Counting,), {"ledger": ledger}), directory) as base:
        yield base, ledger


def search_download(browser: Browser, site: Path, query: str) -> dict[str, Any]:
    """Open the home page in a fresh browser, type `query` into the search box, wait for the results.

    Returns the bytes sent for the home page (up to network idle) and for the whole
    visit including the search, and the largest responses.
    """
    with counting_server(site) as (base, ledger):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.set_default_timeout(300_000)  # a 76 MB index (2,000 articles today) can freeze the page for a while
        try:
            page = context.new_page()
            start = time.perf_counter()
            page.goto(base, wait_until="load")
            page.wait_for_load_state("networkidle")
            home = ledger.total()
            before = len(ledger.sent)
            box = page.locator("input.md-search__input")
            box.click()
            for ch in query:  # a keystroke per letter: Material searches on keyup, which an Arabic
                page.keyboard.insert_text(ch)  # letter typed by Playwright does not send (no key for it)
                page.keyboard.press("Shift")
                page.wait_for_timeout(60)
            page.wait_for_function(
                "done => { const m = document.querySelector('.md-search-result__meta'); return !!m && done.some(t => m.textContent.includes(t)); }",
                arg=list(SEARCH_DONE),
                timeout=300_000,
            )
            page.wait_for_load_state("networkidle")
            seconds = time.perf_counter() - start
            results = page.locator(".md-search-result__item").count()
        finally:
            context.close()
        biggest = sorted(ledger.sent, key=lambda s: -s[1])[:5]
        return {
            "query": query,
            "home_bytes": home,
            "total_bytes": ledger.total(),
            "after_typing_bytes": ledger.total(before),
            "requests": len(ledger.sent),
            "results": results,
            "seconds": round(seconds, 2),
            "largest": [{"path": p, "bytes": b} for p, b in biggest],
        }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_http(url: str, timeout: float, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"mkdocs serve exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"mkdocs serve did not serve {url} within {timeout:.0f} s")


BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
STARTED = "Building documentation"


def serve_reload(browser: Browser, project: Path, seed: Path, page_path: str, log: Path, flags: tuple[str, ...] = (), timeout: float = 900) -> dict[str, Any]:
    """Edit-to-reload: `mkdocs serve` the project, open `page_path`, append a word to `seed`,
    and time until the open page shows it (livereload rebuilds, then the browser reloads)."""
    port = _free_port()
    word = f"كلمةالقياس{''.join('ابتثجحخدذرزس'[int(d)] for d in str(port))}"
    original = seed.read_text(encoding="utf-8")
    cmd = [sys.executable, "-m", "mkdocs", "serve", *flags, "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, env=child_env(), stdout=out, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}/{page_path}"
            _wait_http(url, timeout, proc, log)
            first_build = time.perf_counter() - start
            time.sleep(2)  # let the watcher settle before the edit
            page = browser.new_page()
            page.goto(url, wait_until="load")
            if word in page.inner_text("body"):
                raise RuntimeError(f"{word} already on {url}")
            text = log.read_text(errors="replace")
            builds, started = len(BUILT.findall(text)), text.count(STARTED)
            lines = original.rstrip("\n").split("\n")
            lines[-1] += f" {word}"
            t0 = time.perf_counter()
            seed.write_text("\n".join(lines) + "\n", encoding="utf-8")
            # a build that started after the edit has finished (one running at the edit may finish first)
            shown = _wait_text(page, word, timeout, lambda: len(BUILT.findall(log.read_text(errors="replace"))) > started)
            reload_s = shown - t0
            page.close()
        finally:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            seed.write_text(original, encoding="utf-8")
    rebuilds = [float(s) for s in BUILT.findall(log.read_text(errors="replace"))][builds:]
    return {
        "command": "mkdocs serve " + " ".join(flags),
        "page": page_path,
        "first_build_s": round(first_build, 2),
        "reload_s": round(reload_s, 2),
        "rebuild_s": rebuilds[-1] if rebuilds else None,
    }


STALE_AFTER_S = 15.0
"""How long after a finished rebuild the page may take to reload and show the edit before it counts as stale."""


class StalePage(RuntimeError):
    pass


def _wait_text(page: Any, word: str, timeout: float, rebuilt: Callable[[], bool]) -> float:
    """Poll the page (across its reload) until its text contains `word`; the time it did.

    Fails early when a rebuild has finished but the page still lacks the edit
    STALE_AFTER_S later: the server is serving a stale page.
    """
    deadline = time.monotonic() + timeout
    rebuilt_at: float | None = None
    while time.monotonic() < deadline:
        try:
            if page.evaluate("w => !!document.body && document.body.innerText.includes(w)", word):
                return time.perf_counter()
        except Exception:  # the page is navigating: its context was destroyed mid-call
            pass
        if rebuilt_at is None and rebuilt():
            rebuilt_at = time.monotonic()
        if rebuilt_at is not None and time.monotonic() - rebuilt_at > STALE_AFTER_S:
            raise StalePage(f"the server rebuilt after the edit, but {STALE_AFTER_S:.0f} s later the page still does not show it (a stale page)")
        time.sleep(0.05)
    raise TimeoutError(f"the edit did not show within {timeout:.0f} s")
