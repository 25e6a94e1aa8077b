"""How the build grows with the number of articles: `python benchmarks/scale.py 100 500 2000`.

Copies the project to a temporary folder, multiplies the five seeds to N
articles, and reports the generator's time, the full `mkdocs build` time, and
the size of an article page (Material renders the whole navigation into every
page, so a page must not grow with N).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import generate  # noqa: E402
from tests.conftest import copy_project  # noqa: E402


def measure(n: int, work: Path) -> dict[str, float]:
    project = copy_project(work / f"p{n}")
    seeds = sorted((ROOT / "seeds/articles").glob("*.txt"))
    for i in range(n - len(seeds)):
        src = seeds[i % len(seeds)]
        shutil.copy(src, project / "seeds/articles" / f"x{i:05d}_{src.name}")
    start = time.perf_counter()
    dossier = generate(project)
    gen = time.perf_counter() - start
    out = work / f"site{n}"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        cwd=project,
    )
    build = time.perf_counter() - start
    page = out / "articles/murati-departs-openai-2024/index.html"
    return {"articles": len(dossier.articles), "pages": len(dossier.pages), "generate_s": gen, "build_s": build, "page_kb": page.stat().st_size / 1024}


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'articles':>8} {'pages':>6} {'generate s':>10} {'build s':>8} {'ms/article':>10} {'page KB':>8}")
        for n in sizes:
            r = measure(n, Path(tmp))
            print(
                f"{r['articles']:>8} {r['pages']:>6} {r['generate_s']:>10.2f} {r['build_s']:>8.1f}"
                f" {1000 * r['build_s'] / r['articles']:>10.1f} {r['page_kb']:>8.1f}"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 500, 2000])
