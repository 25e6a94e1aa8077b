"""Shared fixtures: the project root, throw-away project copies, one real build per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.browser import CHROMIUM_ARGS
from benchmarks.project import PROJECT_PARTS, copy_project  # shared with the benchmarks, which never import tests/

ROOT = Path(__file__).resolve().parent.parent
__all__ = ["CHROMIUM_ARGS", "PROJECT_PARTS", "ROOT", "copy_project", "mkdocs_build"]


def mkdocs_build(project: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict`, as the maintainer runs it."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out), *extra],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=project,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dossier as published, built once from the real seeds."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; a missing browser is a failure, not a skip."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS)
        yield b
        b.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that drives Chromium is a `browser` test, and a test of a real build is `slow`, by the fixtures it uses:
    `pytest -m "not browser and not slow"` is the quick loop."""
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        names = set(item.fixturenames)
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
        if names & {"browser", "site", "built"}:
            item.add_marker(pytest.mark.slow)
