"""Where a whole `mkdocs build` spends its time: one run under cProfile, summed by stage.

The stages are the entry points MkDocs calls, so the split survives changes
inside them: our hook's `on_files` (the generator), our other hook events (a
search writer, the offline shim), Python-Markdown's `convert`, Material's search
plugin, Jinja's `Template.render`; the rest is MkDocs itself
(navigation, URLs, writing files). Also the functions that cost most on their own.
The build is profiled in one process (DOSSIER_ONE_PROCESS=1): cProfile does not follow forks.
"""

from __future__ import annotations

import pstats
import sys
from pathlib import Path
from typing import Any

from .measure import timed

# stage -> (end of the file's path, function names)
STAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "generator (hook on_files)": ("/hook.py", ("on_files",)),
    "Python-Markdown convert": ("markdown/core.py", ("convert",)),
    "Material search plugin": ("material/plugins/search/plugin.py", ("on_page_context", "on_post_build", "on_page_content")),
    "Jinja templates": ("jinja2/environment.py", ("render",)),
}
TOTAL = ("mkdocs/commands/build.py", "build")


def profile_build(project: Path, out: Path, work: Path) -> dict[str, Any]:
    """Profile one `mkdocs build` of `project` into `out`; seconds and share per stage, top functions."""
    prof = work / "build.prof"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    timed(cmd, project, work / "profile.log", env={"DOSSIER_ONE_PROCESS": "1"})  # cProfile sees one process only
    stats: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = pstats.Stats(str(prof)).stats  # type: ignore[attr-defined]
    total = max((ct for (file, _, name), (_, _, _, ct, _) in stats.items() if file.endswith(TOTAL[0]) and name == TOTAL[1]), default=0.0)
    stages: dict[str, float] = {}
    for stage, (suffix, names) in STAGES.items():
        stages[stage] = sum(ct for (file, _, name), (_, _, _, ct, _) in stats.items() if file.replace("\\", "/").endswith(suffix) and name in names)
    stages["our other hook events"] = sum(
        ct
        for (file, _, name), (_, _, _, ct, _) in stats.items()
        if "/generator/" in file.replace("\\", "/") and name.startswith("on_") and not (file.endswith("/hook.py") and name == "on_files")
    )
    stages["MkDocs and the rest"] = max(0.0, total - sum(stages.values()))
    top = sorted(stats.items(), key=lambda kv: -kv[1][2])[:12]
    return {
        "total_s": round(total, 2),
        "stages": {k: {"s": round(v, 2), "share": round(v / total, 3) if total else 0.0} for k, v in stages.items()},
        "top_self_time": [
            {"function": f"{Path(file).name}:{line} {name}", "self_s": round(tt, 2), "calls": nc} for (file, line, name), (_, nc, tt, _, _) in top
        ],
    }


def markdown(result: dict[str, Any], n: int) -> str:
    parts = ", ".join(f"{k} {v['share']:.0%}" for k, v in result["stages"].items())
    top = "; ".join(f"`{t['function']}` {t['self_s']:.1f} s" for t in result["top_self_time"][:5])
    return f"Profile of one `mkdocs build` at {n:,} articles under cProfile ({result['total_s']:.0f} s profiled): {parts}. Most self time: {top}."
