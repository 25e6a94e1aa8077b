"""Work on the second core (generator/background.py): the same result as here, whatever happens to the process."""

from __future__ import annotations

import os
import time

import pytest

from generator.background import Background


def test_the_result_comes_from_the_child_and_equals_the_work_done_here() -> None:
    work = Background(lambda: (os.getpid(), [1, 2, 3]))
    pid, value = work.result()
    assert value == [1, 2, 3] and pid != os.getpid(), "made in another process"


def test_a_fork_that_fails_leaves_the_work_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    work = Background(lambda: os.getpid())
    assert work.result() == os.getpid()


def test_a_child_that_fails_is_done_again_here_where_its_error_is_raised() -> None:
    def fail() -> int:
        raise ValueError("broken in both processes")

    with pytest.raises(ValueError, match="broken in both"):
        Background(fail).result()


def test_stop_ends_a_worker_at_once_and_reaps_it() -> None:
    work = Background(lambda: time.sleep(60))
    started = time.monotonic()
    pid = work._pid
    work.stop()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no such child any more
    work.stop()  # a second stop is harmless
