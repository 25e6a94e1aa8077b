"""Recall of the dossier's search against Material's default search, over tests/cases/search.yml.

Builds the site twice into a temporary folder: as configured (Arabic worker
script, Arabic separator) and with Material's plain `- search` (no override,
default separator). Each query is run in headless Chromium the way a reader
does (`index.html?q=…`); a query counts as found when its page is in the top 3.
Prints both recalls, per case kind, and every regression (found by default,
missed by ours); exits 1 if there is one.

    .venv/bin/python benchmarks/search_recall.py
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.browser import chromium  # noqa: E402
from benchmarks.searchsite import SearchCase, build, default_search_config, load_cases, search, serve  # noqa: E402

TOP = 3


def recall(site: Path, cases: list[SearchCase]) -> dict[str, bool]:
    found = {}
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        for case in cases:
            pages = [h.page for h in search(page, base, case.query)][:TOP]
            found[case.query] = case.page in pages
    return found


def main() -> int:
    cases = load_cases()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build(folder / "ours")
        (folder / "plain").mkdir()
        build(folder / "default", default_search_config(folder / "plain"), strict=False)
        ours = recall(folder / "ours", cases)
        default = recall(folder / "default", cases)
    by_kind: dict[str, list[SearchCase]] = defaultdict(list)
    for case in cases:
        by_kind[case.case].append(case)
    n = len(cases)
    print(f"search recall, top {TOP}, {n} queries from tests/cases/search.yml")
    print(f"  default Material search: {sum(default.values())}/{n} = {sum(default.values()) / n:.0%}")
    print(f"  dossier search:          {sum(ours.values())}/{n} = {sum(ours.values()) / n:.0%}")
    print(f"  {'case':<14}{'default':>9}{'ours':>7}")
    for kind, group in sorted(by_kind.items()):
        d = sum(default[c.query] for c in group)
        o = sum(ours[c.query] for c in group)
        print(f"  {kind:<14}{d:>5}/{len(group):<3}{o:>4}/{len(group)}")
    regressions = [c.query for c in cases if default[c.query] and not ours[c.query]]
    print(f"  regressions (found by default, missed by ours): {len(regressions)} {regressions}")
    return 1 if regressions else 0


if __name__ == "__main__":
    raise SystemExit(main())
