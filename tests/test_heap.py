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
