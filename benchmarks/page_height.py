"""How much of an article page is the article: `python -m benchmarks.page_height SITE [OUT]`.

Opens the Altman-firing article at 1280 px (and 390 px) in Chromium with every collapsible
section closed, and prints the page height, the height of the article itself (from its title
to its last paragraph) and their ratio; full-page screenshots go to OUT (default /tmp).
The target of issue 13: the article is at least two thirds of the page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.browser import CHROMIUM_ARGS
from benchmarks.searchsite import serve

PAGE = "articles/altman-firing-revolt-return-2023/"
MEASURE = """() => {
  const top = document.querySelector('.md-content h1').getBoundingClientRect().top + scrollY;
  const paras = [...document.querySelectorAll('.md-content .dossier-p')];
  const bottom = paras[paras.length - 1].getBoundingClientRect().bottom + scrollY;
  const boxes = [...document.querySelectorAll('.md-content .dossier-annotation')].filter(b => b.checkVisibility());
  return {page: document.documentElement.scrollHeight, article: bottom - top, notesShown: boxes.length,
          notesHeight: boxes.reduce((s, b) => s + b.getBoundingClientRect().height, 0)};
}"""


def measure(site: Path, out: Path, tag: str) -> list[dict[str, float]]:
    results = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for width, height in ((1280, 900), (390, 844)):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base + PAGE)
            m = page.evaluate(MEASURE)
            shot = out / f"altman-article-{tag}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            m.update(width=width, ratio=m["article"] / m["page"], shot=str(shot))
            results.append(m)
            page.close()
        browser.close()
    return results


def main() -> int:
    site = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp")
    tag = sys.argv[3] if len(sys.argv) > 3 else "now"
    for m in measure(site, out, tag):
        print(
            f"{m['width']} px: page {m['page']:.0f} px, article {m['article']:.0f} px, ratio {m['ratio']:.0%};"
            f" {m['notesShown']} note boxes shown ({m['notesHeight']:.0f} px); {m['shot']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
