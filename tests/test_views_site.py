"""The ways into the story as published: links that resolve, figures that match the export, and in
Chromium the graph's names not overlapping (light and dark, 390 px), the timeline filter, the tooltip."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from benchmarks.searchsite import serve
from generator.build import generate
from tests.conftest import ROOT

PAGES = ["", "timeline/", "graph/", "people/sam-altman/", "glossary/", "people/", "orgs/", "events/", "articles/"]


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def _exists(site: Path, page: str, href: str) -> bool:
    path = urlparse(urljoin(f"http://x/{page}", href)).path.lstrip("/")
    return (site / path).is_file() or (site / path / "index.html").is_file()


def test_every_graph_node_links_to_a_page_of_the_site(site: Path) -> None:
    for page in ("graph/", "people/sam-altman/"):
        html = _html(site, page)
        start = html.index('class="dossier-graph"')
        svg = html[start : html.index("</svg>", start)]
        hrefs = re.findall(r'<a href="([^"]+)" class="dossier-node', svg)
        assert hrefs, page
        for href in hrefs:
            assert not href.endswith(".md") and _exists(site, page, href), f"{page}: {href}"


def test_graph_links_follow_the_url_style() -> None:
    """Offline (no directory URLs) the graph's links are people/x.html, as every other link."""
    online, offline = (generate(ROOT, directory_urls=d).pages["graph/index.md"] for d in (True, False))
    assert 'href="../people/sam-altman/"' in online and 'href="../people/sam-altman.html"' in offline


def test_front_page_figures_equal_the_published_export(site: Path) -> None:
    doc = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    shown = {k: int(n) for k, n in re.findall(r'data-figure="(\w+)" data-n="(\d+)"', _html(site, ""))}
    assert shown == {
        "articles": len(doc["articles"]),
        "people": sum(e["type"] == "person" for e in doc["entities"]),
        "organisations": sum(e["type"] == "organisation" for e in doc["entities"]),
        "events": len(doc["events"]),
        "annotations": len(doc["annotations"]),
    }


def test_navigation_makes_the_views_the_top_level(site: Path) -> None:
    html = _html(site, "")
    tabs = re.findall(r'<a href="[^"]*" class="md-tabs__link[^"]*">\s*([^<]+?)\s*</a>', html)
    assert tabs == ["الرئيسية", "الخط الزمني", "الأشخاص", "الجهات", "الأحداث", "الشبكة", "المسرد", "المقالات"]


def test_entity_pages_lead_back_to_their_index(site: Path) -> None:
    assert re.search(r'العودة إلى <a href="\.\./">الأشخاص</a>', _html(site, "people/sam-altman/"))
    assert re.search(r'العودة إلى <a href="\.\./">الجهات</a>', _html(site, "orgs/openai/"))


# --- in the browser ------------------------------------------------------------------------

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('.dossier-graph text')].map(t => t.getBoundingClientRect());
  let pairs = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) pairs++;
  }
  let spill = 0;
  for (const t of document.querySelectorAll('.dossier-graph text')) {
    const r = t.getBoundingClientRect(), box = t.parentNode.querySelector('rect').getBoundingClientRect();
    if (r.left < box.left || r.right > box.right) spill++;
  }
  const t = document.querySelector('.dossier-graph text'), rect = document.querySelector('.dossier-graph rect');
  return {labels: boxes.length, pairs, spill, direction: getComputedStyle(t).direction,
          text: getComputedStyle(t).fill, box: getComputedStyle(rect).fill,
          overflow: document.documentElement.scrollWidth - window.innerWidth};
}"""


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390)])
@pytest.mark.parametrize("path", ["graph/", "people/sam-altman/"])
def test_graph_names_do_not_overlap_and_read_in_both_palettes(site: Path, browser, scheme: str, width: int, path: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    with serve(site) as base:
        page.goto(base + path)
        found = page.evaluate(OVERLAPS)
    context.close()
    assert found["labels"] > 5
    assert found["pairs"] == 0 and found["spill"] == 0, found
    assert found["direction"] == "rtl"
    assert found["text"] != found["box"], "names must not take the colour of their boxes"
    assert found["overflow"] <= 0, "the graph scrolls inside its frame; the page itself does not"


FIGURE_LINES = """() => [...document.querySelectorAll('.dossier-figure-n')].map(el => {
  const range = document.createRange();
  range.selectNodeContents(el);
  return [el.textContent, new Set([...range.getClientRects()].map(r => Math.round(r.top))).size];
})"""


@pytest.mark.parametrize("width", [1280, 768, 390])
def test_each_front_page_figure_reads_on_one_line(site: Path, browser, width: int) -> None:
    """«62 ملاحظةً تحريريةً» broke after its first word at 1280 px: a figure's card is as wide as its words."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    with serve(site) as base:
        page.goto(base)
        found = page.evaluate(FIGURE_LINES)
    page.close()
    assert len(found) == 6 and all(lines == 1 for _, lines in found), found


def test_timeline_filter_shows_one_persons_events(site: Path, browser) -> None:
    page = browser.new_page()
    with serve(site) as base:
        page.goto(base + "timeline/")
        total = page.locator(".dossier-tl-event").count()
        page.select_option("#dossier-tl-who", "greg-brockman")
        visible = page.locator(".dossier-tl-event:visible")
        ids = visible.evaluate_all("els => els.map(e => e.dataset.entities)")
        assert 0 < len(ids) < total and all("greg-brockman" in x.split() for x in ids)
        assert page.locator("#y-2015").is_hidden(), "a year with none of his events is hidden"
        assert "/" in page.locator("output").inner_text()
        page.select_option("#dossier-tl-who", "")
        assert page.locator(".dossier-tl-event:visible").count() == total
    page.close()


def test_timeline_reads_without_javascript(site: Path, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    with serve(site) as base:
        page.goto(base + "timeline/")
        assert page.locator(".dossier-tl-filter").is_hidden(), "no dead control without JavaScript"
        assert page.locator(".dossier-tl-event:visible").count() == page.locator(".dossier-tl-event").count() > 30
        page.click(".dossier-tl-years a[href='#y-2024']")
        assert page.evaluate("location.hash") == "#y-2024"
    context.close()


def test_glossary_term_shows_its_definition_on_hover(site: Path, browser) -> None:
    page = browser.new_page()
    with serve(site) as base:
        page.goto(base + "articles/openai-research-exodus-2025/")
        term = page.locator("a[href*='glossary/#compute-credits']").first
        term.scroll_into_view_if_needed()
        box = term.bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + 2, box["y"] + 2)
        page.mouse.move(box["x"] + 4, box["y"] + 4)
        tip = page.locator(".md-tooltip2--active")
        tip.wait_for(state="visible", timeout=5_000)
        assert tip.inner_text().startswith("المسرد\u00a0— أرصدة الحوسبة")
    page.close()


def test_views_that_repeat_other_pages_stay_out_of_search(site: Path) -> None:
    """The timeline and the graph repeat event titles and names: search finds the pages themselves."""
    # The dossier's search index (generator/site/searchindex.py): one file per page, search/d/N.js.
    files = (site / "search" / "d").glob("*.js")
    locations = {json.loads(f.read_text(encoding="utf-8").split(",", 1)[1].rsplit(");", 1)[0])["l"] for f in files}
    assert "timeline/" not in locations and "graph/" not in locations
    assert "glossary/" in locations and "" in locations
