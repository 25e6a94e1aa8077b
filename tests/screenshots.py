"""The README's screenshots: `python -m tests.screenshots` rebuilds the site and retakes them.

Look at them before committing: they are what a reader sees.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

from benchmarks.searchsite import serve
from tests.conftest import CHROMIUM_ARGS, ROOT, mkdocs_build

OUT = ROOT / ".github" / "screenshots"
SHOTS = [
    # file name, page, element to scroll to the top
    ("article.png", "articles/altman-firing-revolt-return-2023/", "#p-11"),
    ("article-latin.png", "articles/meta-poaches-openai-researchers/", "#p-10"),
    ("person.png", "people/ilya-sutskever/", None),
]

# The ways into the story, each in the light and the dark palette and on a 390 px phone.
VIEWS = [("front", ""), ("timeline", "timeline/"), ("graph", "graph/"), ("person", "people/sam-altman/")]
VARIANTS = [("light", 1280), ("dark", 1280), ("light", 390)]  # 1280: wide enough for the tabs
# Where to look on a page: the person's own graph, the graph itself, the first events.
FOCUS = {"graph": ".dossier-graph", "person": ".dossier-graph", "timeline": "#y-2023"}


def views(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    for scheme, width in VARIANTS:
        context = browser.new_context(viewport={"width": width, "height": 860}, color_scheme=scheme, device_scale_factor=1)
        page = context.new_page()
        for name, path in VIEWS:
            page.goto(base + path)
            if name in FOCUS:
                page.evaluate(f"document.querySelector('{FOCUS[name]}').scrollIntoView(); window.scrollBy(0, -110)")
            page.wait_for_timeout(300)
            file = OUT / f"{name}-{scheme}-{width}.png"
            page.screenshot(path=str(file))
            print(f"wrote {file.relative_to(ROOT)}")
        context.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = mkdocs_build(ROOT, site)
        assert result.returncode == 0, result.stderr
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 760})
            for name, path, anchor in SHOTS:
                page.goto(base + path)
                if anchor:
                    page.evaluate(f"document.querySelector('{anchor}').scrollIntoView(); window.scrollBy(0, -90)")
                page.wait_for_timeout(300)
                page.screenshot(path=str(OUT / name))
                print(f"wrote {(OUT / name).relative_to(ROOT)}")
            page.goto(f"{base}index.html?q={quote('سوتسكفير')}")
            page.wait_for_selector(".md-search-result__item")
            page.wait_for_timeout(300)
            page.screenshot(path=str(OUT / "search.png"), clip={"x": 0, "y": 0, "width": 1200, "height": 420})
            print(f"wrote {(OUT / 'search.png').relative_to(ROOT)}")
            views(browser, base)
            browser.close()


if __name__ == "__main__":
    main()
