"""The code style the project holds itself to (pyproject.toml's [tool.ruff])."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PATHS = ["generator", "tests", "benchmarks"]


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ruff", *args, *PATHS], capture_output=True, text=True, cwd=ROOT)


def test_ruff_check_is_clean() -> None:
    result = ruff("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted() -> None:
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    """Types checked: pyproject's [tool.mypy] is strict over generator/ and must report nothing."""
    result = subprocess.run([sys.executable, "-m", "mypy"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
