"""Search in a real browser: the built dossier, served over http and opened from file://,
queried through Material's UI.

Every row of tests/cases/search.yml must find its page among the top results, online and in the
offline edition, highlight whole words only, and show its results right to left; the page a result
opens highlights whole words too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from benchmarks.searchsite import SearchCase, load_cases, search, serve
from tests.conftest import mkdocs_build

TOP = 3
ROOT = Path(__file__).resolve().parent.parent
CASES = load_cases()
KINDS = {"plain", "proclitic", "article", "hamza", "ta-marbuta", "alef-maqsura", "tatweel", "diacritics", "digits", "punctuation", "partial", "latin"}


@pytest.fixture(scope="module")
def searching(site: Path, browser) -> Iterator[tuple[Page, str]]:
    """The session's built site, served on 127.0.0.1, and a page of the session's Chromium."""
    with serve(site) as base:
        page = browser.new_page()
        yield page, base
        page.close()


def test_the_table_covers_every_case() -> None:
    assert len(CASES) >= 40
    assert {c.case for c in CASES} == KINDS
    assert sum(1 for c in CASES if c.mark) >= 5


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory, browser) -> Iterator[tuple[Page, str]]:
    """The offline edition, opened from file:// (its search runs under the iframe-worker shim)."""
    out = tmp_path_factory.mktemp("offline")
    result = mkdocs_build(ROOT, out, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    page = browser.new_page()
    yield page, out.as_uri() + "/"
    page.close()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.case}:{c.query}" for c in CASES])
def test_query_finds_its_page(searching: tuple[Page, str], case: SearchCase) -> None:
    finds(*searching, case, case.page)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.case}:{c.query}" for c in CASES])
def test_query_finds_its_page_offline(offline: tuple[Page, str], case: SearchCase) -> None:
    finds(*offline, case, case.page.removesuffix("/") + ".html")


def finds(page: Page, base: str, case: SearchCase, expected: str) -> None:
    hits = search(page, base, case.query)
    pages = [h.page for h in hits]
    assert expected in pages[:TOP], f"{case.query!r} ({case.case}): {expected} not in top {TOP} of {pages}"
    hit = hits[pages.index(expected)]
    assert hit.marks, f"{case.query!r}: nothing highlighted"
    assert not hit.cut, f"{case.query!r}: highlight cuts words {hit.cut}"
    if case.mark:
        assert case.mark in hit.marks, f"{case.query!r}: {case.mark!r} not highlighted whole, marks are {hit.marks}"
    assert {h.direction for h in hits} == {"rtl"}


OPENED = [("ألتمان", "articles/altman-firing-revolt-return-2023/"), ("التمان", "people/sam-altman/"), ("للفرصة", "articles/murati-departs-openai-2024/")]


@pytest.mark.parametrize(("query", "target"), OPENED)
def test_the_page_a_result_opens_highlights_whole_words(searching: tuple[Page, str], query: str, target: str) -> None:
    """Material highlights the result's terms (?h=) on the page it opens: whole words as written there."""
    page, base = searching
    search(page, base, query)
    link = page.locator(f'.md-search-result__item > a[href^="{base}{target}"]').first
    href = link.get_attribute("href")
    assert href and "h=" in href
    page.goto(href)
    marks = page.locator(".md-content mark[data-md-highlight]")
    marks.first.wait_for(state="attached", timeout=10_000)
    cut = page.eval_on_selector_all(
        ".md-content mark[data-md-highlight]",
        """ms => ms.filter(m => /[\\p{L}\\p{N}\\p{M}]/u.test((m.previousSibling?.textContent ?? '').slice(-1))
                        || /[\\p{L}\\p{N}\\p{M}]/u.test((m.nextSibling?.textContent ?? '').slice(0, 1))).map(m => m.parentElement.textContent.slice(0, 80))""",
    )
    assert marks.count() > 0
    assert cut == [], f"{query}: marks cut words in {cut}"


def test_a_note_is_found_where_it_is_anchored_on_its_article_s_notes_page(searching: tuple[Page, str]) -> None:
    """A word only an editorial note uses finds the article's notes page (not the article page), the note quoted."""
    page, base = searching
    hits = search(page, base, "كيميائي")  # the note on «شحن الأكسجين»: o1 is a model, not the element
    assert [h.page for h in hits] == ["articles/murati-departs-openai-2024/notes/"] and hits[0].marks == ("كيميائيًا",)  # the whole word, as the note writes it


@pytest.mark.parametrize("query", ["التمان", "موراتي"])
def test_text_that_arrives_without_a_key_searches_too(searching: tuple[Page, str], query: str) -> None:
    """A word pasted from a menu, dictated or picked from a phone keyboard's suggestions comes with no key event, and
    Material searches on keyup only. Playwright's fill() sets the text the same way: one `input` event, no key."""
    page, base = searching
    page.goto(base)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill(query)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    assert page.locator(".md-search-result__article h1").count() > 0


def test_results_screenshot_reads_right_to_left(searching: tuple[Page, str], tmp_path: Path) -> None:
    page, base = searching
    search(page, base, "والذكاء")
    title = page.locator(".md-search-result__item h1").first
    assert title.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # The title starts at the right edge of its result, as Arabic text does.
    box, item = title.bounding_box(), page.locator(".md-search-result__item").first.bounding_box()
    assert box is not None and item is not None
    assert item["x"] + item["width"] - (box["x"] + box["width"]) < 80
    page.screenshot(path=str(tmp_path / "search.png"))


def entity_spellings() -> list[tuple[str, str, str]]:
    """(page, spelling, kind) for every full spelling the knowledge base knows of every entity."""
    rows = []
    for e in knowledge_base().entities:
        page = e.page.removesuffix(".md") + "/"
        rows.append((page, e.name, "name"))
        rows += [(page, alias, "alias") for alias in e.aliases]
        if e.latin and e.latin != e.name:
            rows.append((page, e.latin, "latin"))
    return rows


def knowledge_base():
    from generator.build import generate  # noqa: PLC0415

    return generate(ROOT).index.kb


def test_every_persons_full_arabic_name_finds_their_page_first(searching: tuple[Page, str]) -> None:
    page, base = searching
    wrong = {}
    people = [e for e in knowledge_base().entities if e.is_person]
    for person in people:
        pages = [h.page for h in search(page, base, person.name)]
        expected = person.page.removesuffix(".md") + "/"
        if not pages or pages[0] != expected:
            wrong[person.name] = pages[:3]
    assert len(people) > 30
    assert wrong == {}, f"a full name did not find its person first: {wrong}"


def test_every_spelling_lands_on_the_same_entity(searching: tuple[Page, str]) -> None:
    """سوتسكفير, سوتسكيفر and Sutskever all find Ilya Sutskever's page, for every entity."""
    page, base = searching
    wrong = {}
    rows = entity_spellings()
    for expected, spelling, kind in rows:
        pages = [h.page for h in search(page, base, spelling)]
        if expected not in pages[:TOP]:
            wrong[f"{kind}:{spelling}"] = (expected, pages[:TOP])
    assert len(rows) > 100
    assert wrong == {}, f"spellings that miss their entity in the top {TOP}: {wrong}"
