"""Python's cyclic garbage collector held back for the length of one build.

A build allocates millions of small objects that live until it ends (the
articles, the index, the pages) and makes almost no cyclic garbage: three
objects in a whole 2,000-article build. With the default thresholds the
collector scanned the whole, growing heap ten times, a sixth of the build
(12.4 s against 10.4 s). A one-shot build (`mkdocs build`, `python -m
generator`) then ends: while its `pause` holds, nothing is collected (even the
young collections, every 50,000 new objects, took half a second of a
2,000-article build and freed nothing; the heap grows by about 10 MB, 2 %), and
`resume` moves what it allocated to the oldest generation before it gives the
thresholds back, so that no young collection goes over it. `mkdocs serve`
builds again and again, and the last rebuild's pages are cyclic garbage (a
page and its file point at each other): there only the full collection waits,
and the young ones, now and then, count what they keep towards the full
collection that follows each rebuild, as Python's own thresholds would.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from pathlib import Path
from types import FrameType

ONE_SHOT = (0, 0, 0)
"""A build and the process ends: no automatic collection (a first threshold of 0 turns it off)."""
SERVE = (50_000, 20, 1_000_000)
"""A build among many (`mkdocs serve`): a young collection every 50,000 new objects, the full one held back."""
_saved: list[tuple[tuple[int, int, int], bool]] = []


def pause(one_shot: bool = True) -> None:
    """From now until `resume`, collections are held back (ONE_SHOT, or SERVE for a build among many); a second
    call changes nothing."""
    if not _saved:
        _saved.append((gc.get_threshold(), one_shot))
        gc.set_threshold(*(ONE_SHOT if one_shot else SERVE))


def resume() -> None:
    """The thresholds as they were before `pause`. After a one-shot pause, what the build allocated joins the
    oldest generation first (freeze, then unfreeze: two list moves), so the first young collection does not go
    over the whole build's heap (a quarter of a second at 2,000 articles)."""
    if _saved:
        thresholds, one_shot = _saved.pop()
        if one_shot:
            gc.freeze()
            gc.unfreeze()
        gc.set_threshold(*thresholds)


FULL_EXIT = "DOSSIER_FULL_EXIT"
"""Set in the environment: `mkdocs build` ends as any Python program does (to measure or debug its end)."""


def leave() -> None:
    """End the `mkdocs build` command-line program now, its work done: run its exit handlers (logging's,
    coverage's, …), flush its output and exit with status 0, without freeing its heap object by object,
    which is what a Python program's normal end does (a third of a second at 2,000 articles: the dossier's
    millions of objects). mypy ends the same way. Nothing happens unless the mkdocs program itself is the
    outermost code (not a test runner, a profiler or any program that runs it and goes on after it), or
    while a thread that a normal end would wait for still runs."""
    if os.environ.get(FULL_EXIT) or not _outermost_is_mkdocs():
        return
    if any(not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        return
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed, or its reader gone: as a normal exit would find it
            pass
    os._exit(0)


def _outermost_is_mkdocs() -> bool:
    """Whether the outermost code running, past runpy's (`python -m`), is the mkdocs program: its
    console script, or the mkdocs package's __main__.py."""
    frame: FrameType | None = sys._getframe()
    files = []
    while frame is not None:
        files.append(frame.f_code.co_filename)
        frame = frame.f_back
    for name in reversed(files):
        path = Path(name)
        if name == "<frozen runpy>" or path.name == "runpy.py":
            continue
        return path.name == "mkdocs" or (path.name == "__main__.py" and path.parent.name == "mkdocs")
    return False
