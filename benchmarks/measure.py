"""Measurements of one command and of one built site: wall time, peak memory, page and search sizes."""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .project import child_env

ENTITY_DIRS = ("people", "orgs")


@dataclass(frozen=True)
class Timed:
    seconds: float
    max_rss_mb: float
    """Peak resident memory of the child process itself (getrusage through wait4)."""


class CommandFailed(RuntimeError):
    pass


def timed(cmd: list[str], cwd: Path, log: Path, timeout: float = 3600, env: dict[str, str] | None = None) -> Timed:
    """Run `cmd`, its output into `log`; wall time and the child's own peak memory (os.wait4).
    Peak memory is the largest process's: the build's second process (generator/site/parallel.py) is a fork of it.
    What earlier commands wrote is flushed to disk first (os.sync, not timed): otherwise the kernel writes it
    back while this command runs, on the same two cores, and a command pays for the one before it (the
    generator's 100 MB of pages before our build, our build's 200 MB before plain Material's)."""
    if hasattr(os, "sync"):
        os.sync()
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=child_env(**(env or {})), stdout=out, stderr=subprocess.STDOUT)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise CommandFailed(f"{' '.join(cmd)} (in {cwd}) exited with {proc.returncode}:\n{tail}")
    return Timed(seconds, usage.ru_maxrss / 1024)


@dataclass(frozen=True)
class Series:
    """Several runs of one command."""

    runs: tuple[Timed, ...]

    @property
    def median_s(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def max_rss_mb(self) -> float:
        return max(r.max_rss_mb for r in self.runs)

    def as_dict(self) -> dict[str, object]:
        return {"median_s": round(self.median_s, 3), "max_rss_mb": round(self.max_rss_mb, 1), "runs_s": [round(r.seconds, 3) for r in self.runs]}


@dataclass(frozen=True)
class Page:
    path: str
    bytes: int


@dataclass(frozen=True)
class SiteSizes:
    pages: int
    site_bytes: int
    largest_page: Page
    median_page_bytes: int
    largest_article: Page
    """The largest article page (articles/<id>/): the page issue 9 bounds."""
    median_article_bytes: int
    largest_notes: Page
    """The largest notes page (articles/<id>/notes/): an article's editorial notes in full, not an article page."""
    largest_entity: Page
    median_entity_bytes: int
    search_bytes: int
    """Everything under search/ (Material's index, or the shards that replace it)."""
    export_bytes: int
    """dossier.json, when the site publishes it."""
    largest_entity_export: Page
    """The largest per-entity export (export/<id>.json), when the site publishes them."""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _largest(pages: list[Page]) -> Page:
    return max(pages, key=lambda p: (p.bytes, p.path)) if pages else Page("", 0)


def _median(pages: list[Page]) -> int:
    return int(statistics.median(p.bytes for p in pages)) if pages else 0


def site_sizes(site: Path) -> SiteSizes:
    """Sizes of the HTML pages by kind: articles/<id>/, their notes pages, people|orgs/<id>/ (section indexes excluded)."""
    pages = [Page(p.relative_to(site).as_posix(), p.stat().st_size) for p in sorted(site.rglob("*.html"))]
    articles = [p for p in pages if p.path.startswith("articles/") and p.path.count("/") == 2]
    notes = [p for p in pages if p.path.startswith("articles/") and p.path.endswith("/notes/index.html")]
    entities = [p for p in pages if p.path.split("/")[0] in ENTITY_DIRS and p.path.count("/") == 2]
    search = site / "search"
    export = site / "dossier.json"
    return SiteSizes(
        pages=len(pages),
        site_bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        largest_page=_largest(pages),
        median_page_bytes=_median(pages),
        largest_article=_largest(articles),
        median_article_bytes=_median(articles),
        largest_notes=_largest(notes),
        largest_entity=_largest(entities),
        median_entity_bytes=_median(entities),
        search_bytes=sum(p.stat().st_size for p in search.rglob("*") if p.is_file()) if search.is_dir() else 0,
        export_bytes=export.stat().st_size if export.exists() else 0,
        largest_entity_export=_largest([Page(p.relative_to(site).as_posix(), p.stat().st_size) for p in sorted(site.glob("export/*.json"))]),
    )
