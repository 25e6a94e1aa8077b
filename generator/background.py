"""Work that nothing waits for until the end, done on the second core.

A forked child (it inherits everything, nothing is copied in) parses the
knowledge base's YAML while the seeds are read; another links half of the
articles; later another, while this process renders pages, renders others
(`mkdocs build`: the entity pages) or computes the editor's report and the
export (`make check`, the CLI); `mkdocs build` also has the export made and
written by one (site/hook.py). A child sends its result back pickled. Where
fork does not exist or fails, or the child fails, the work is simply done
here, so the result never depends on the machine. DOSSIER_ONE_PROCESS=1 in the
environment does all the work in one process (to profile or debug it).
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def may_fork() -> bool:
    """Whether work may go to a forked child: fork exists and DOSSIER_ONE_PROCESS is not set."""
    return hasattr(os, "fork") and not os.environ.get("DOSSIER_ONE_PROCESS")


def fork_call(fn: Callable[[], object]) -> tuple[int, int]:
    """`fn()` in a forked child that sends its result pickled and leaves without the parent's exit
    handlers: (the child's pid, the pipe's end to `receive` from)."""
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        raise
    if pid == 0:
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                out.write(pickle.dumps(fn(), protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def receive(read: int) -> bytes:
    """Everything a `fork_call` child sent (nothing if it died first)."""
    with os.fdopen(read, "rb") as got:
        return got.read()


class Background(Generic[T]):
    """`fn()` started now; `result()` waits for it."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        self._pid = 0
        self._read = -1
        if may_fork():
            try:
                self._pid, self._read = fork_call(fn)
            except OSError:  # no process to be had (EAGAIN, ENOMEM): the work is done here, in result()
                self._pid, self._read = 0, -1

    def result(self) -> T:
        if not self._pid:
            return self._fn()
        data = receive(self._read)
        _, status = os.waitpid(self._pid, 0)
        if status != 0 or not data:
            return self._fn()  # the child failed: do it here, and let any exception be raised here
        value: T = pickle.loads(data)
        return value

    def hand_over(self) -> None:
        """In this process: another (forked after this one started) will `take` the result; only `reap` is left here."""
        if self._pid:
            os.close(self._read)
            self._read = -1

    def take(self) -> T:
        """The result, in a process forked from the one that started the work (it cannot wait for the worker,
        so a missing or cut result is computed here instead)."""
        if not self._pid:
            return self._fn()
        data = receive(self._read)
        try:
            value: T = pickle.loads(data)
        except Exception:
            return self._fn()
        return value

    def reap(self) -> None:
        """After `hand_over`: wait for the worker, which has ended or ends once its result is read."""
        if self._pid:
            os.waitpid(self._pid, 0)
            self._pid = 0

    def stop(self) -> None:
        """The result is not wanted (the build failed): end the worker now and wait for it."""
        if self._pid:
            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._pid = 0
        if self._read >= 0:
            os.close(self._read)
            self._read = -1
