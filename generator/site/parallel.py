"""`mkdocs build` on two cores: a forked child converts, renders and writes part of the generated pages.

MkDocs converts and renders pages one after another, and at thousands of pages
the theme's templates and the writes are most of the build. The child's pages
are chosen once the navigation exists (`plan`): a share (SHARE) of the generated
pages outside the navigation, evenly spread, `deferred` here (read and converted
as empty). The parent converts the others, and at `on_env` forks the child
(`start`): it copies the other generated files that are not pages, converts and
builds its pages and the sitemap (over every page, in the parent a fifth of what
was left to do when the child was done), then writes the search index once the
process making it since on_files (generate's `ready`) is done, so the parent never
waits for it; the export is made and written by a third process (hook.py, from the
same moment). The
parent drops all of those from its Files (and the sitemap from its theme's
templates until the child is done) and builds the rest, so each file is written
by one process only. The child runs MkDocs' own page functions on the same objects (inherited,
nothing is copied), so a page is byte-identical to what one process writes. It
sends back its log records, which the parent logs as its own (so `--strict`
counts the child's warnings), and its error if a page failed. Without fork, for `mkdocs serve` (a threaded
process that rebuilds few pages) or with DOSSIER_ONE_PROCESS=1, nothing changes.
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.theme import Theme
from mkdocs.utils import write_file

from ..background import Background, Channel, fork_call, kill, may_fork, unpickled
from .direct import GeneratedPage

SITEMAP = "sitemap.xml"
SHARE = 0.45
"""The part of the generated pages the child takes (it also writes the search index), measured at 2,000 articles."""
Record = tuple[str, int, str]
"""A log record as the child sends it: logger name, level, message."""


@dataclass
class Child:
    pid: int
    channel: Channel
    pages: list[File]
    """The pages the child builds."""
    search: Background[dict[str, str]]
    """The search index's worker: the child takes its result, the parent only reaps it."""
    theme: Theme
    sitemap: bool
    """Whether the child writes the sitemap (the theme has one): the parent's theme lacks it until `finish`."""


def plan(pages: list[File]) -> list[File]:
    """The child's pages (none without fork): a share of `pages` (generated, outside the navigation),
    evenly spread, each `deferred` here."""
    if not may_fork():
        return []
    theirs = [f for i, f in enumerate(pages) if int((i + 1) * SHARE) > int(i * SHARE)]
    for f in theirs:
        assert isinstance(f.page, GeneratedPage)
        f.page.deferred = True
    return theirs


def start(theirs: list[File], files: Files, config: MkDocsConfig, nav: Navigation, env: jinja2.Environment, search: Background[dict[str, str]]) -> Child | None:
    """Fork the child with its pages, the generated files that are not pages, and the search index being made
    (it writes it when it is ready: the parent need not wait for it); remove them all from the parent's `files`."""
    if not theirs:
        return None
    others = [f for f in files if f.abs_src_path is None and not f.is_documentation_page()]
    all_pages = files.documentation_pages()
    sitemap = SITEMAP in config.theme.static_templates

    def work() -> tuple[list[Record], str | None]:
        return _work(theirs, others, search, config, nav, env, files, all_pages, sitemap)

    pid, channel = fork_call(work)
    search.hand_over()
    for f in theirs + others:
        files.remove(f)
    config.theme.static_templates.discard(SITEMAP)
    return Child(pid, channel, theirs, search, config.theme, sitemap)


def _work(
    pages: list[File],
    others: list[File],
    search: Background[dict[str, str]],
    config: MkDocsConfig,
    nav: Navigation,
    env: jinja2.Environment,
    files: Files,
    doc_files: Sequence[File],
    sitemap: bool,
) -> tuple[list[Record], str | None]:
    """In the child: its share, built as MkDocs builds a page; (its log records, its error if any)."""
    records: list[Record] = []
    try:
        _collect_logs(records)
        for f in others:
            f.copy_file()
        for f in pages:
            assert isinstance(f.page, GeneratedPage)
            f.page.deferred = False
            mkdocs_build._populate_page(f.page, config, files)
        for f in pages:
            assert f.page is not None
            mkdocs_build._build_page(f.page, config, doc_files, nav, env)  # never excluded: documentation_pages() holds included pages only
        if sitemap:  # `files` is the parent's as it was before the fork: every page
            mkdocs_build._build_theme_template(SITEMAP, env, files, config, nav)
        for path, content in search.take().items():
            write_file(content.encode("utf-8"), os.path.join(config.site_dir, path))
    except Exception as exc:  # MkDocs has logged which page; the parent raises
        return records, f"{exc}\n{traceback.format_exc()}"
    return records, None


def _collect_logs(records: list[Record]) -> None:
    """In the child: keep every record for the parent instead of printing it (printed once, counted once).
    MkDocs' command line stops its logger from propagating, so both it and the root logger collect."""

    class Collect(logging.Handler):
        last: logging.LogRecord | None = None

        def emit(self, record: logging.LogRecord) -> None:
            if record is not self.last:  # one record reaches both loggers, one after the other, if "mkdocs" propagates
                self.last = record
                records.append((record.name, record.levelno, record.getMessage()))

    collect = Collect()
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(collect)


def finish(child: Child) -> None:
    """Wait for the child; log its records here; raise if a page failed or the child died."""
    sent = unpickled(child.channel.receive())
    _, status = os.waitpid(child.pid, 0)
    child.search.reap()
    _sitemap_back(child)
    if not sent:
        raise PluginError(f"the process building {len(child.pages)} of the pages died ({_status(status)}); build again with the same command")
    records, error = sent[0]
    for name, level, message in records:
        logging.getLogger(name).log(level, message)
    if error is not None:
        raise PluginError(f"building the pages in the second process failed: {error}")


def stop(child: Child) -> None:
    """The build failed elsewhere: do not leave the child running."""
    kill(child.pid)
    child.channel.close()
    child.search.reap()  # it ends once its result is written (through the pipe: its reader is gone, so at once)
    _sitemap_back(child)


def _sitemap_back(child: Child) -> None:
    if child.sitemap:
        child.theme.static_templates.add(SITEMAP)


def _status(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit code {os.waitstatus_to_exitcode(status)}"
