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

import mmap
import os
import pickle
import signal
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


_forbidden = False


def forbid() -> None:
    """No forked child from now on in this process (it has threads: `mkdocs serve`)."""
    global _forbidden
    _forbidden = True


def may_fork() -> bool:
    """Whether work may go to a forked child: fork exists, DOSSIER_ONE_PROCESS is not set, and `forbid` was not called."""
    return hasattr(os, "fork") and not os.environ.get("DOSSIER_ONE_PROCESS") and not _forbidden


class Channel:
    """How a forked child's result comes back. Where the system has memory files (Linux's memfd), the child writes
    its pickle into one at its own pace and sends only its length through the pipe: a reader that comes late
    maps it at once instead of passing tens of megabytes through the pipe 64 KB at a time, each piece waiting
    for the child to write the next (a tenth of a second on the build's path at 2,000 articles). Elsewhere the
    pickle itself goes through the pipe. The pipe's end (EOF) says the child is done either way."""

    def __init__(self, read: int, store: int = -1) -> None:
        self.read = read
        self.store = store

    def receive(self) -> bytes | mmap.mmap:
        """Everything the child sent (nothing if it died first): from a memory file, mapped, not copied."""
        with os.fdopen(self.read, "rb") as got:
            data = got.read()
        self.read = -1
        if self.store < 0:
            return data
        try:
            size = int.from_bytes(data, "little") if len(data) == _LENGTH else 0
            return mmap.mmap(self.store, size, prot=mmap.PROT_READ) if 0 < size <= os.fstat(self.store).st_size else b""
        except (OSError, ValueError):  # cannot be mapped: as if the child had sent nothing (the work is done here)
            return b""
        finally:
            self.close()

    def close(self) -> None:
        """Nothing more will be read here (the result is not wanted, or another process reads it)."""
        for fd in (self.read, self.store):
            if fd >= 0:
                os.close(fd)
        self.read = self.store = -1


_LENGTH = 8


def _memory_file() -> int:
    try:
        return os.memfd_create("dossier-result")
    except (AttributeError, OSError):  # not Linux, or no memory file to be had: the pipe carries the result
        return -1


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def fork_call(fn: Callable[[], object]) -> tuple[int, Channel]:
    """`fn()` in a forked child that sends its result pickled and leaves without the parent's exit
    handlers: (the child's pid, the channel to `receive` from)."""
    read, write = os.pipe()
    store = _memory_file()
    try:
        pid = os.fork()
    except OSError:
        for fd in (read, write, store):
            if fd >= 0:
                os.close(fd)
        raise
    if pid == 0:
        code = 1
        try:
            os.close(read)
            payload = pickle.dumps(fn(), protocol=pickle.HIGHEST_PROTOCOL)
            if store >= 0:
                _write_all(store, payload)
                payload = len(payload).to_bytes(_LENGTH, "little")
            _write_all(write, payload)
            os.close(write)  # the end of the result, before this process's exit is done
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, Channel(read, store)


def unpickled(data: bytes | mmap.mmap) -> list[Any]:
    """[what a child sent], or [] if it sent nothing or was cut short (it died while writing). Read before
    waiting for the child: its exit, unmapping a large memory, takes tens of milliseconds."""
    try:
        return [pickle.loads(data)] if data else []
    except Exception:
        return []


class Background(Generic[T]):
    """`fn()` started now; `result()` waits for it."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        self._pid = 0
        self._channel: Channel | None = None
        if may_fork():
            try:
                self._pid, self._channel = fork_call(fn)
            except OSError:  # no process to be had (EAGAIN, ENOMEM): the work is done here, in result()
                self._pid, self._channel = 0, None

    def result(self) -> T:
        if not self._pid or self._channel is None:
            return self._fn()
        loaded: list[T] = unpickled(self._channel.receive())  # while the child's exit unmaps its memory
        _, status = os.waitpid(self._pid, 0)
        if status != 0 or not loaded:
            return self._fn()  # the child failed: do it here, and let any exception be raised here
        return loaded[0]

    def hand_over(self) -> None:
        """In this process: another (forked after this one started) will `take` the result; only `reap` is left here."""
        if self._channel is not None:
            self._channel.close()

    def take(self) -> T:
        """The result, in a process forked from the one that started the work (it cannot wait for the worker,
        so a missing or cut result is computed here instead)."""
        if not self._pid or self._channel is None:
            return self._fn()
        loaded: list[T] = unpickled(self._channel.receive())
        return loaded[0] if loaded else self._fn()

    def reap(self) -> None:
        """After `hand_over`: wait for the worker, which ends once its result is written (into the memory file;
        through the pipe, once it is read)."""
        if self._pid:
            os.waitpid(self._pid, 0)
            self._pid = 0

    def stop(self) -> None:
        """The result is not wanted (the build failed): end the worker now and wait for it."""
        if self._pid:
            kill(self._pid)
            self._pid = 0
        if self._channel is not None:
            self._channel.close()


def kill(pid: int) -> None:
    """End a forked child whose result is not wanted, and wait for it (it may have ended already)."""
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
