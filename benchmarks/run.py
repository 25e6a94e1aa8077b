"""The benchmark suite: our build against plain Material over synthetic corpora of N articles.

    python -m benchmarks.run                          # 50, 500 and 2,000 articles, 3 runs each
    python -m benchmarks.run --sizes 50 --runs 1      # a quick check
    make bench                                        # the full suite, README updated

For each N: a project copy with an N-article corpus (benchmarks/corpus.py) and a
plain Material project with the same texts (benchmarks/plain.py); then, per run,
`python -m generator build --out DIR`, our `mkdocs build` and plain Material's
`mkdocs build`, each in a fresh output folder (in RAM where the system has one:
sites_folder; the two builds are also made once on the disk), timed with its peak memory. Once,
plain Material builds the pages the last run's generator wrote (the second yardstick). Then,
on the last run's site: page sizes, search bytes per article, and the bytes a
reader downloads to load the home page and search once (headless Chromium).
At --serve-at articles (500 by default, when it is one of the sizes):
`mkdocs serve`'s edit-to-reload time; at --profile-at, one more build under cProfile,
summed by stage (benchmarks/profile.py). Results go to benchmarks/results/scale.{json,md,svg}.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import yaml

from . import report
from .browser import chromium, search_download, serve_reload
from .corpus import ARTICLES, corpus_project
from .measure import Series, site_sizes, timed
from .plain import plain_project, same_pages_project
from .profile import profile_build
from .project import ROOT

RESULTS = ROOT / "benchmarks" / "results"
SEARCH_CASES = ROOT / "tests" / "cases" / "search.yml"  # read as data: the query a reader types
DEFAULT_QUERY = "استقالات"


def default_query() -> str:
    """The first plain case of tests/cases/search.yml (a word of a seed, so it has hits at any N)."""
    try:
        cases = yaml.safe_load(SEARCH_CASES.read_text(encoding="utf-8")) or []
        return next(str(c["query"]) for c in cases if c.get("case") == "plain")
    except (OSError, StopIteration, KeyError, TypeError):
        return DEFAULT_QUERY


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


RAM = Path("/dev/shm")
RAM_NEEDED = 4 << 30
"""Free bytes the RAM folder must have for the built sites (about 2 GB of sites at 50, 500 and 2,000 articles)."""


def sites_folder(work: Path) -> Path:
    """Where the timed builds write: a folder in RAM where the system has one with room (Linux's /dev/shm), else
    `work`. The ratio is to measure the builds, not a disk's writes: on this machine's disk (a virtual ext4)
    creating a file costs 0.3 ms and the same 2,000-article build took 5.6 to 10.8 s depending on what was
    written or deleted before it, against 5.2 to 5.3 s in RAM. Each size's builds are also made once on the disk
    (`on_disk`), so what a disk adds is reported too."""
    try:
        if RAM.is_dir() and shutil.disk_usage(RAM).free >= RAM_NEEDED:
            return Path(tempfile.mkdtemp(prefix="dossier-bench-sites-", dir=RAM))
    except OSError:
        pass
    return work


def measure_size(n: int, runs: int, work: Path, sites: Path, browser: Any, query: str) -> tuple[dict[str, Any], Path]:
    log(f"{n} articles: writing the corpus")
    project, corpus = corpus_project(work / f"project-{n}", n)
    plain = plain_project(work / f"plain-{n}", project / ARTICLES)
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    py = sys.executable
    gen, ours, base = [], [], []
    build = [py, "-m", "mkdocs", "build", "-q", "-f"]
    for r in range(runs):
        out = sites / f"out-{n}-{r}"  # fresh folders: the CLI refuses folders it did not create
        gen.append(timed([py, "-m", "generator", "build", "--out", str(out / "markdown")], project, logs / f"generator-{n}-{r}.log"))
        ours.append(timed([*build, str(project / "mkdocs.yml"), "-d", str(out / "site")], project, logs / f"build-{n}-{r}.log"))
        base.append(timed([*build, str(plain / "mkdocs.yml"), "-d", str(out / "plain")], plain, logs / f"plain-{n}-{r}.log"))
        log(f"{n} articles, run {r + 1}/{runs}: generator {gen[-1].seconds:.2f} s, build {ours[-1].seconds:.2f} s, plain {base[-1].seconds:.2f} s")
        site = out / "site"  # every run's folders stay until the whole benchmark is done (see main)
    # Once: Material building the pages our build makes (the last run's generator output), without our renderer.
    same_project = same_pages_project(work / f"same-{n}", site.parent / "markdown")
    same = timed([*build, str(same_project / "mkdocs.yml"), "-d", str(site.parent / "same")], same_project, logs / f"same-{n}.log")
    log(f"{n} articles: plain Material on our pages {same.seconds:.2f} s")
    sizes = site_sizes(site)
    rerun = _rerun(py, project, site.parent / "markdown", logs / f"generator-{n}-again.log")
    download = _attempt(f"{n} articles: search in Chromium", lambda: search_download(browser, site, query)) if browser is not None else None
    if download and "error" not in download:
        log(f"{n} articles: one search for «{query}» downloads {download['total_bytes'] / 1024:,.0f} KB")
    ratios = [o.seconds / b.seconds for o, b in zip(ours, base, strict=True)]
    on_disk = None
    if sites != work:  # the same two builds once more, written to the disk
        disk = work / f"out-{n}-disk"
        mine = timed([*build, str(project / "mkdocs.yml"), "-d", str(disk / "site")], project, logs / f"build-{n}-disk.log")
        theirs = timed([*build, str(plain / "mkdocs.yml"), "-d", str(disk / "plain")], plain, logs / f"plain-{n}-disk.log")
        on_disk = {"build_s": round(mine.seconds, 3), "plain_s": round(theirs.seconds, 3), "ratio": round(mine.seconds / theirs.seconds, 3)}
        log(f"{n} articles, on the disk: build {mine.seconds:.2f} s, plain {theirs.seconds:.2f} s")
    result = {
        "articles": n,
        "corpus": {
            "people": len(corpus.people),
            "orgs": len(corpus.orgs),
            "events": len(corpus.events),
            "annotations": len(corpus.annotations),
            "text_bytes": sum(p.stat().st_size for p in (project / ARTICLES).glob("*.txt")),
        },
        "generator": Series(tuple(gen)).as_dict(),
        "build": Series(tuple(ours)).as_dict(),
        "plain": Series(tuple(base)).as_dict(),
        "ratio": round(statistics.median(ratios), 3),
        "same_pages": {
            "seconds": round(same.seconds, 3),
            "max_rss_mb": round(same.max_rss_mb, 1),
            "ratio": round(Series(tuple(ours)).median_s / same.seconds, 3),
        },
        "on_disk": on_disk,
        "sizes": sizes.as_dict(),
        "search_kb_per_article": round(sizes.search_bytes / 1024 / n, 2),
        "search_download": download,
        "generator_again": rerun,
        "build_warnings": sum(1 for ln in (logs / f"build-{n}-{runs - 1}.log").read_text(errors="replace").splitlines() if "WARNING" in ln),
    }
    return result, project


def _rerun(py: str, project: Path, out: Path, log: Path) -> dict[str, Any]:
    """The CLI once more into the folder it just wrote, nothing changed: how many pages it rewrites."""

    def state() -> dict[Path, tuple[int, int]]:  # pages only: not the CLI's own hidden marker file
        return {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")}

    before = state()
    time.sleep(0.05)  # so a rewrite shows in the modification time
    again = timed([py, "-m", "generator", "build", "--out", str(out)], project, log)
    after = state()
    rewritten = sorted(p.relative_to(out).as_posix() for p, s in after.items() if before.get(p) != s)
    return {"seconds": round(again.seconds, 3), "files": len(after), "rewritten": len(rewritten), "first_rewritten": rewritten[:5]}


def _attempt(what: str, measure: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A browser measurement that fails is reported in the results, not fatal to the suite."""
    try:
        return measure()
    except Exception as exc:  # Playwright timeouts, a changed search UI, a serve that does not start
        log(f"{what} failed: {exc}")
        return {"error": f"{type(exc).__name__}: {str(exc)[:500]}"}


def measure_serve(project: Path, n: int, browser: Any, work: Path, flags: tuple[str, ...]) -> dict[str, Any]:
    """Edit the first synthetic article (its last paragraph) while `mkdocs serve` shows its page."""
    seed = project / ARTICLES / "0005_bench.txt"
    log(f"{n} articles: mkdocs serve, edit {seed.name}, wait for the reload")
    page = "articles/bench-article-0005/"
    result = _attempt(f"{n} articles: mkdocs serve", lambda: serve_reload(browser, project, seed, page, work / "logs" / f"serve-{n}.log", flags))
    if "error" not in result:
        log(f"{n} articles: reload {result['reload_s']} s after the edit")
    return {"articles": n, **result}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50,500,2000", help="comma-separated numbers of articles (default: 50,500,2000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per size; medians are reported (default: 3)")
    parser.add_argument("--serve-at", type=int, default=500, help="size at which to time mkdocs serve's reload, 0 for none (default: 500)")
    parser.add_argument("--serve-flags", default="--dirty", help="flags of the timed mkdocs serve (default: --dirty, as make serve)")
    parser.add_argument("--profile-at", type=int, default=0, help="size at which to profile one extra build by stage, 0 for none (default: 0)")
    parser.add_argument("--query", default=None, help="the search typed in the browser (default: first plain case of tests/cases/search.yml)")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser measurements (search download, serve reload)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results folder (default: benchmarks/results)")
    parser.add_argument("--readme", action="store_true", help="also replace the README's benchmark block with the table and plot")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and logs (their path is printed)")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    query = args.query or default_query()
    start = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    sites = sites_folder(work)
    log(f"work folder {work}, sites in {sites}; sizes {sizes}, {args.runs} run(s) each")
    try:
        with chromium() if not args.no_browser else nullcontext() as browser:
            data: dict[str, Any] = {
                "machine": report.machine(browser.version if browser is not None else "not used"),
                "settings": {
                    "sizes": sizes,
                    "runs": args.runs,
                    "query": query,
                    "serve_at": args.serve_at,
                    "serve_flags": args.serve_flags,
                    "sites_in": "RAM" if sites != work else "disk",
                },
                "results": [],
            }
            for n in sizes:
                result, project = measure_size(n, args.runs, work, sites, browser, query)
                data["results"].append(result)
                if n == args.serve_at and browser is not None:
                    data["serve"] = measure_serve(project, n, browser, work, tuple(args.serve_flags.split()))
                if n == args.profile_at:
                    log(f"{n} articles: one more build under cProfile")
                    data["profile"] = {"articles": n, **profile_build(project, work / f"profile-{n}", work / "logs")}
    finally:
        # Nothing is deleted before the end: on this machine's disk (ext4, mounted with `discard`), the writes
        # that follow a large deletion are slow for seconds. A 2,000-article build right after the last one's
        # site was deleted took 10.8 s, then 7.0, 6.0 and 5.6 s with nothing deleted in between. So no timed
        # command pays for another's clean-up (about 2 GB in all stay until then).
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
            if sites != work:
                shutil.rmtree(sites, ignore_errors=True)
    if len(sizes) >= 2:
        a, b = data["results"][-2], data["results"][-1]
        span = b["articles"] - a["articles"]
        data["slope_ms_per_article"] = {
            "from": a["articles"],
            "to": b["articles"],
            "generator": round(1000 * (b["generator"]["median_s"] - a["generator"]["median_s"]) / span, 2),
            "build": round(1000 * (b["build"]["median_s"] - a["build"]["median_s"]) / span, 2),
        }
    data["wall_s"] = round(time.perf_counter() - start, 1)
    files = report.write(data, args.out)
    if args.readme and not report.update_readme(data, ROOT / "README.md", args.out):
        print(f"README.md has no {report.README_START} … {report.README_END} block; not updated", file=sys.stderr)
    print(report.markdown(data))
    log("wrote " + ", ".join(str(f) for f in files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
