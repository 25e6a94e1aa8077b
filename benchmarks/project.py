"""Throw-away copies of the project, so a benchmark never writes into the repository's seeds/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "generator", "seeds", "overrides")


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads (mkdocs.yml, docs/, generator/, seeds/, overrides/)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def child_env(**extra: str) -> dict[str, str]:
    """The environment of every measured command: quiet MkDocs, no bytecode written into the copies."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **extra}
