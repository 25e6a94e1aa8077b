"""The garbage collector is held back for one build and given back as it was (generator/heap.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from generator import heap


@pytest.fixture(autouse=True)
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)
    heap._saved.clear()


def test_pause_holds_the_full_collection_back_and_resume_restores(thresholds: tuple[int, int, int]) -> None:
    gc.set_threshold(700, 10, 10)
    heap.pause()
    assert gc.get_threshold() == heap.BUILD_THRESHOLDS
    heap.pause()  # a second pause must not save the build's own thresholds as the ones to restore
    heap.resume()
    assert gc.get_threshold() == (700, 10, 10)
    heap.resume()  # nothing paused: nothing changes
    assert gc.get_threshold() == (700, 10, 10)


def test_the_hook_gives_the_thresholds_back_after_a_build_and_after_a_failed_one() -> None:
    from generator.site import hook

    gc.set_threshold(700, 10, 10)
    hook.on_pre_build(None)  # type: ignore[arg-type]
    assert gc.get_threshold() == heap.BUILD_THRESHOLDS
    hook.on_post_build(None)  # type: ignore[arg-type]
    assert gc.get_threshold() == (700, 10, 10)
    hook.on_pre_build(None)  # type: ignore[arg-type]
    hook.on_build_error(RuntimeError("a page failed"))
    assert gc.get_threshold() == (700, 10, 10)


LEAVING = """
import atexit, sys, threading
program, _, thread = {program!r}.partition(" ")
sys.argv[0] = program
if thread:
    done = threading.Event()
    threading.Thread(target=done.wait, args=(5,)).start()
from generator import heap
atexit.register(lambda: print("exit handler ran", flush=True))
print("built", end="")  # still in the buffer: leave() must flush it
heap.leave()
print(" and then went on")
if thread:
    done.set()
"""


@pytest.mark.parametrize(
    ("program", "env", "out"),
    [
        ("/venv/bin/mkdocs", {}, "builtexit handler ran\n"),
        ("/venv/lib/python3.11/site-packages/mkdocs/__main__.py", {}, "builtexit handler ran\n"),  # python -m mkdocs
        ("/venv/bin/pytest", {}, "built and then went on\nexit handler ran\n"),  # MkDocs' command run inside another program
        ("/venv/bin/mkdocs", {heap.FULL_EXIT: "1"}, "built and then went on\nexit handler ran\n"),
        ("/venv/bin/mkdocs THREAD", {}, "built and then went on\nexit handler ran\n"),  # a thread still at work
    ],
)
def test_leave_ends_only_the_mkdocs_program_at_once_with_its_output_and_exit_handlers(program: str, env: dict[str, str], out: str) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    environment = {k: v for k, v in os.environ.items() if k != heap.FULL_EXIT} | env | {"PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", LEAVING.format(program=program)], env=environment, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, out, "")
