"""The quality gates' instruments: which pages to audit, axe-core in Chromium, the W3C Nu HTML
checker, and a link-and-fragment checker. tests/test_quality.py asserts on them;
`python -m tests.quality SITE [OFFLINE_SITE]` prints the numbers the README's table shows.

The pages are discovered from the built site, not listed by hand: the home page, every root page
(export/, …), for every section (articles/, people/, …) its index and its first page, and one page
of each kind nested under those (people/<id>/mentions-2/), so a new view or page kind is audited as
soon as it is built.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "vendor" / "axe-core" / "axe.js"
VNU = ROOT / "vendor" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PALETTES = ("light", "dark")
# Material's data-md-color-scheme for each palette of mkdocs.yml.
SCHEMES = {"light": "default", "dark": "slate"}
# axe-core takes Arabic words for icon-font ligatures (joined letters draw narrower than the letters
# alone, its test for an icon font) and then leaves them out of color-contrast: on this site every
# Arabic text node. The site uses no icon font (Material's icons are inline SVG), so the heuristic is
# turned off in the copy injected into the page; the edit must apply exactly once.
AXE_LIGATURES = ("function _isIconLigature(textVNode) {", "function _isIconLigature(textVNode) {\n      return false;")
SEARCH_KIND = "search"
SEARCH_QUERY = "ألتمان"
NOT_PAGES = {"assets", "search"}
BAD = ("serious", "critical")


def page_kinds(site: Path) -> dict[str, str]:
    """Page kind → path of one page of that kind in an online build (directory URLs)."""
    kinds = {"home": ""}
    for entry in sorted(site.iterdir()):
        if not entry.is_dir() or entry.name in NOT_PAGES or not (entry / "index.html").is_file():
            continue
        children = sorted(p.name for p in entry.iterdir() if (p / "index.html").is_file())
        if children:
            kinds[f"{entry.name}/index"] = f"{entry.name}/"
            kinds[f"{entry.name}/page"] = f"{entry.name}/{children[0]}/"
        else:
            kinds[entry.name] = f"{entry.name}/"
        # Pages under a page (people/<id>/mentions-2/): one of each shape, numbers set aside.
        for child in children:
            for sub in sorted(p.name for p in (entry / child).iterdir() if (p / "index.html").is_file()):
                kinds.setdefault(f"{entry.name}/page/{re.sub(r'[0-9]+', 'N', sub)}", f"{entry.name}/{child}/{sub}/")
    kinds[SEARCH_KIND] = f"?q={SEARCH_QUERY}"
    return kinds


# --- axe-core ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AxeResult:
    kind: str
    palette: str
    nodes: Counter[tuple[str, str]]
    """(rule id, impact) → number of failing nodes."""
    examples: dict[str, str]
    """rule id → the first failing node's target and message, to say what to fix."""

    def bad(self) -> int:
        return sum(n for (_, impact), n in self.nodes.items() if impact in BAD)


def open_page(page, base: str, kind: str, path: str) -> None:
    """Open a page and wait until it is what a reader sees (the search results, for the search view)."""
    page.goto(base + path, wait_until="load")
    if kind == SEARCH_KIND:
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(250)  # Material's palette transition


@functools.cache
def axe_source() -> str:
    """axe-core as `make gates` put it in vendor/, with the icon-ligature heuristic off (see AXE_LIGATURES)."""
    assert AXE.is_file(), f"{AXE.relative_to(ROOT)} is missing (fix: make gates)"
    source = AXE.read_text(encoding="utf-8")
    assert source.count(AXE_LIGATURES[0]) == 1, "axe-core changed: update AXE_LIGATURES in tests/quality.py"
    return source.replace(*AXE_LIGATURES)


def axe(page, kind: str, palette: str) -> AxeResult:
    """axe-core's default rules over the open page."""
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    assert scheme == SCHEMES[palette], f"{kind}: palette {palette} not applied (body has {scheme})"
    page.add_script_tag(content=axe_source())
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    nodes: Counter[tuple[str, str]] = Counter()
    examples: dict[str, str] = {}
    for v in violations:
        for node in v["nodes"]:
            nodes[(v["id"], node.get("impact") or v.get("impact") or "none")] += 1
        first = v["nodes"][0]
        examples[v["id"]] = f"{first['target']}: {first.get('failureSummary', '')}".replace("\n", " ")[:400]
    return AxeResult(kind, palette, nodes, examples)


def audit(browser, base: str, kinds: dict[str, str]) -> list[AxeResult]:
    """axe-core over every page kind, in each palette (chosen as a reader's system would: prefers-color-scheme)."""
    results = []
    for palette in PALETTES:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar", color_scheme=palette)
        try:
            for kind, path in kinds.items():
                page = context.new_page()
                open_page(page, base, kind, path)
                results.append(axe(page, kind, palette))
                page.close()
        finally:
            context.close()
    return results


# --- the Nu HTML checker -------------------------------------------------------------------------


def vnu(*sites: Path) -> list[dict[str, object]]:
    """Every message (errors and warnings) of the W3C Nu HTML checker over every page of the sites."""
    java = shutil.which("java")
    assert java, "java is missing (fix: make test installs Debian's default-jre-headless)"
    assert VNU.is_file(), f"{VNU.relative_to(ROOT)} is missing (fix: make gates)"
    run = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--skip-non-html", *map(str, sites)], capture_output=True, text=True)
    report = json.loads(run.stderr)  # the checker writes its report to stderr
    return [m for m in report["messages"] if m["type"] in ("error", "info", "non-document-error")]


def vnu_summary(messages: list[dict[str, object]]) -> Counter[tuple[str, str]]:
    kinds: Counter[tuple[str, str]] = Counter()
    for m in messages:
        level = "warning" if m.get("subType") == "warning" else str(m["type"])
        if m["type"] == "info" and m.get("subType") != "warning":
            continue
        kinds[(level, str(m["message"])[:100])] += 1
    return kinds


# --- links and fragments -------------------------------------------------------------------------

LINKING = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key] or "")
        wanted = LINKING.get(tag)
        if wanted and values.get(wanted) is not None and "canonical" not in (values.get("rel") or ""):
            self.refs.append(values[wanted] or "")


@dataclass(frozen=True)
class LinkReport:
    pages: int
    references: int
    with_fragment: int
    broken: list[str]


def check_links(site: Path) -> LinkReport:
    """Every internal href/src of every page resolves to a file, and every #fragment to an id in it."""
    parsed: dict[Path, _Page] = {}

    def parse(path: Path) -> _Page:
        if path not in parsed:
            p = _Page()
            p.feed(path.read_text(encoding="utf-8"))
            parsed[path] = p
        return parsed[path]

    pages = sorted(site.rglob("*.html"))
    references = fragments = 0
    broken: list[str] = []
    for page in pages:
        for ref in parse(page).refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:
                continue  # another site
            references += 1
            base = site if parts.path.startswith("/") else page.parent  # 404.html links from the site's root
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site)}: {ref}"
            if not target.is_file() or site.resolve() not in target.resolve().parents:
                broken.append(where)
                continue
            if parts.fragment:
                fragments += 1
                if target.suffix == ".html" and unquote(parts.fragment) not in parse(target).ids:
                    broken.append(where)
    return LinkReport(len(pages), references, fragments, broken)


# --- the README's table --------------------------------------------------------------------------


def _main(argv: list[str]) -> int:
    from benchmarks.browser import CHROMIUM
    from benchmarks.searchsite import serve
    from tests.conftest import CHROMIUM_ARGS

    site = Path(argv[0])
    kinds = page_kinds(site)
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = audit(browser, base, kinds)
        browser.close()
    for r in results:
        rules = ", ".join(f"{rule}/{impact} {n}" for (rule, impact), n in sorted(r.nodes.items())) or "none"
        print(f"axe {r.kind:16} {r.palette:5}  {rules}")
    total: Counter[tuple[str, str]] = Counter()
    for r in results:
        total.update(r.nodes)
    print("axe total:", dict(total))
    for rule, example in sorted({k: v for r in results for k, v in r.examples.items()}.items()):
        print(f"  {rule}: {example}")
    sites = [Path(a) for a in argv]
    print("nu:", dict(vnu_summary(vnu(*sites))))
    for s in sites:
        links = check_links(s)
        print(f"links {s}: pages {links.pages}, references {links.references}, with fragment {links.with_fragment}, broken {len(links.broken)}")
        for b in links.broken[:10]:
            print("  broken:", b)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
