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


def test_a_large_result_comes_back_whole_through_a_memory_file_and_the_files_are_closed() -> None:
    """Tens of megabytes (2,000 articles' entity pages) come back through a memory file, mapped; where there is
    none (not Linux), through the pipe; either way whole, and nothing stays open here."""
    pages = {f"people/p{i}.md": "نص عربي <b>وسم</b> " * 400 + str(i) for i in range(3000)}
    before = set(os.listdir("/proc/self/fd"))
    work = Background(lambda: (os.getpid(), pages))
    assert work._channel is not None and work._channel.store >= 0, "Linux: a memory file carries the result"
    pid, value = work.result()
    assert pid != os.getpid() and value == pages
    assert set(os.listdir("/proc/self/fd")) == before


def test_without_memory_files_the_pipe_carries_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_memfd(name: str, flags: int = 0) -> int:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(os, "memfd_create", no_memfd)
    pages = {str(i): "نص " * 1000 for i in range(500)}
    work = Background(lambda: (os.getpid(), pages))
    assert work._channel is not None and work._channel.store < 0
    pid, value = work.result()
    assert pid != os.getpid() and value == pages


def test_a_result_cut_short_counts_as_none_and_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    from generator import background

    whole = pickle.dumps({"pages": ["ص" * 1000] * 10})
    assert background.unpickled(whole) == [{"pages": ["ص" * 1000] * 10}]
    assert background.unpickled(whole[: len(whole) // 2]) == [] and background.unpickled(b"") == []
    real = background.Channel.receive
    monkeypatch.setattr(background.Channel, "receive", lambda self: real(self)[:-5])  # the child died while writing
    assert Background(lambda: (os.getpid(), "done")).result() == (os.getpid(), "done")
