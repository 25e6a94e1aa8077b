"""The garbage collector is held back for one build and given back as it was (generator/heap.py)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import heap


@pytest.fixture(autouse=True)
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)
    heap._saved.clear()


def _cycles(n: int) -> None:
    for _ in range(n):
        cycle: list[object] = []
        cycle.append(cycle)


def test_pause_holds_every_collection_back_and_resume_restores(thresholds: tuple[int, int, int]) -> None:
    gc.set_threshold(700, 10, 10)
    heap.pause()
    gc.collect()
    _cycles(100_000)
    assert gc.get_count()[0] >= 100_000  # no young collection ran, not even past 50,000 new objects
    gc.collect()
    heap.pause()  # a second pause must not save the build's own thresholds as the ones to restore
    heap.resume()
    assert gc.get_threshold() == (700, 10, 10)
    _cycles(10_000)
    assert gc.get_count()[0] < 1_000  # collected as before
    heap.resume()  # nothing paused: nothing changes
    assert gc.get_threshold() == (700, 10, 10)


def test_what_a_build_allocated_is_not_left_to_the_first_young_collection() -> None:
    """resume() puts what was allocated while paused in the oldest generation: a young collection right after does
    not go over the whole build's heap (it would find nothing to free there)."""
    gc.set_threshold(700, 10, 10)
    heap.pause()
    kept = [[i] for i in range(100_000)]
    assert len(gc.get_objects(generation=0)) >= 100_000
    heap.resume()
    assert len(gc.get_objects(generation=0)) < 1_000
    assert any(o is kept[0] for o in gc.get_objects(generation=2))


def test_a_build_among_many_keeps_its_young_collections() -> None:
    """mkdocs serve: the young collections run (what they keep counts towards the full collection that frees the
    last rebuild's pages), the full one waits; resume leaves the generations as they are."""
    gc.set_threshold(700, 10, 10)
    heap.pause(one_shot=False)
    assert gc.get_threshold() == heap.SERVE
    gc.collect()
    _cycles(120_000)
    assert gc.get_count()[0] < 50_001  # young collections ran
    kept = [[i] for i in range(1_000)]
    heap.resume()
    assert gc.get_threshold() == (700, 10, 10)
    assert not any(o is kept[0] for o in gc.get_objects(generation=2)), "left where the young collections put it"


def test_serve_clean_builds_again_as_serve_does_for_the_heap_and_forks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve --clean` starts as 'build' (MkDocs' on_startup), then serves and rebuilds in a threaded
    process: from on_serve on, a rebuild keeps its young collections, no child is forked, and the end does not
    leave early (MkDocs still has its temporary site folder to remove)."""
    from types import SimpleNamespace

    from generator import background
    from generator.site import hook, state

    left: list[bool] = []
    monkeypatch.setattr(heap, "leave", lambda: left.append(True))
    gc.set_threshold(700, 10, 10)
    hook.on_startup(command="build", dirty=False)
    hook.on_pre_build(None)  # type: ignore[arg-type]
    assert gc.get_threshold() == heap.ONE_SHOT
    hook.on_post_build(None)  # type: ignore[arg-type]
    observer = SimpleNamespace(start=lambda: None, stop=lambda: None)
    try:
        hook.on_serve(SimpleNamespace(observer=observer), None, None)  # type: ignore[arg-type]
        assert not background.may_fork()
        hook.on_pre_build(None)  # type: ignore[arg-type]
        assert gc.get_threshold() == heap.SERVE
        hook.on_post_build(None)  # type: ignore[arg-type]
        hook.on_shutdown()
        assert left == [], "a serving process is not left early"
    finally:
        state.serving, background._forbidden, state.observer, state.command = False, False, None, ""
    assert gc.get_threshold() == (700, 10, 10)


def test_the_hook_gives_the_thresholds_back_after_a_build_and_after_a_failed_one() -> None:
    from generator.site import hook

    gc.set_threshold(700, 10, 10)
    hook.on_pre_build(None)  # type: ignore[arg-type]
    assert gc.get_threshold() == heap.ONE_SHOT
    hook.on_post_build(None)  # type: ignore[arg-type]
    assert gc.get_threshold() == (700, 10, 10)
    hook.on_pre_build(None)  # type: ignore[arg-type]
    hook.on_build_error(RuntimeError("a page failed"))
    assert gc.get_threshold() == (700, 10, 10)


LEAVING = """
import atexit, os, threading
from generator import heap
atexit.register(lambda: print("exit handler ran", flush=True))
if os.environ.get("THREAD"):
    done = threading.Event()
    threading.Thread(target=done.wait, args=(5,)).start()
print("built", end="")  # still in the buffer: leave() must flush it
heap.leave()
print(" and then went on")
if os.environ.get("THREAD"):
    done.set()
"""
LEFT = "builtexit handler ran\n"
WENT_ON = "built and then went on\nexit handler ran\n"


@pytest.mark.parametrize(
    ("command", "env", "out"),
    [
        (["bin/mkdocs"], {}, LEFT),  # the console script
        (["-m", "mkdocs"], {}, LEFT),  # python -m mkdocs
        (["run.py"], {}, WENT_ON),  # a program that runs mkdocs and goes on after it (a test runner…)
        (["-m", "cProfile", "-o", "out.prof", "bin/mkdocs"], {}, WENT_ON),  # its profile is written after it
        (["bin/mkdocs"], {heap.FULL_EXIT: "1"}, WENT_ON),
        (["bin/mkdocs"], {"THREAD": "1"}, WENT_ON),  # a thread still at work: a normal end waits for it
    ],
)
def test_leave_ends_only_the_mkdocs_program_itself_with_its_output_and_exit_handlers(tmp_path: Path, command: list[str], env: dict[str, str], out: str) -> None:
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "mkdocs").write_text(LEAVING, encoding="utf-8")
    (tmp_path / "mkdocs").mkdir()  # shadows the real package in this process only
    (tmp_path / "mkdocs" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "mkdocs" / "__main__.py").write_text(LEAVING, encoding="utf-8")
    (tmp_path / "run.py").write_text('import runpy\nrunpy.run_path("bin/mkdocs", run_name="__main__")\n', encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    environment = {k: v for k, v in os.environ.items() if k not in (heap.FULL_EXIT, "THREAD")} | env | {"PYTHONPATH": f"{tmp_path}{os.pathsep}{root}"}
    done = subprocess.run([sys.executable, *command], cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, out, "")
    if "cProfile" in command:
        assert (tmp_path / "out.prof").stat().st_size > 0
