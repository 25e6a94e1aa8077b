"""The command line, through its real entry point, and the README that documents it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, copy_project


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    )


def test_check_reports_dropped_lines_and_succeeds() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    # Grouped by file, then by kind; the summary line last but one.
    assert "seeds/articles/000_dc27bdc87947ed81.txt\n  dropped text:\n    line 23: dropped as boilerplate [comments-count]: «التعليقات 0»" in result.stdout
    assert result.stdout.count("dropped as boilerplate") == 13  # the site's suffix of a title is the 13th
    assert "line 1: dropped as boilerplate [site-suffix]: «| OpenAI»" in result.stdout
    assert "\n0 errors, 0 notes (13 dropped texts, 3 silenced names" in result.stdout
    assert "ok: 5 articles" in result.stdout


def test_build_prints_one_summary_line_not_every_note(tmp_path: Path) -> None:
    result = run("build", "--out", str(tmp_path / "md"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and "0 errors, 0 notes" in result.stdout


def test_every_sub_command_has_help() -> None:
    top = run("--help")
    assert top.returncode == 0 and "build" in top.stdout and "check" in top.stdout and "the editor's report" in top.stdout
    for command, words in (("build", "--out"), ("check", "0 errors, 0 notes")):
        sub = run(command, "--help")
        assert sub.returncode == 0 and words in sub.stdout and "--root" in sub.stdout, sub.stdout


def test_make_help_lists_every_target_with_its_description() -> None:
    result = subprocess.run(["make", "-s", "help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    described = [line.split(":")[0] for line in makefile.splitlines() if "## " in line and not line.startswith(("#", "\t"))]
    assert len(described) >= 10
    for target in described:
        assert f"make {target} " in result.stdout, target
    assert "set up and serve the dossier" in result.stdout


def test_build_writes_the_markdown_tree(tmp_path: Path) -> None:
    result = run("build", "--out", str(tmp_path / "md"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "md/articles/murati-departs-openai-2024.md").read_text(encoding="utf-8").count(' id="p-') == 25


def test_errors_exit_non_zero_with_every_problem(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds/articles/900.txt").write_bytes("نص".encode("cp1256"))
    (project / "seeds/articles/901.txt").write_bytes(b"")
    result = run("check", "--root", str(project))
    assert result.returncode == 1
    assert result.stderr.startswith("2 problems in the seeds:")
    assert "Traceback" not in result.stderr


def test_readme_documents_every_make_target_it_promises() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "test", "build", "offline", "check", "markdown", "golden"):
        assert f"make {target}" in readme and f"\n{target}:" in makefile
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
