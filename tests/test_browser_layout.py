"""What a reader sees in Chromium: right-to-left layout, Latin names and their punctuation in place."""

from __future__ import annotations

from pathlib import Path

import pytest

# In reading order the mark follows the Latin word, so in a right-to-left line it must sit
# to the word's LEFT; and an Arabic word before the Latin one sits to its RIGHT.
RECTS = """([needle, word, mark]) => {
  // Editorial-note markers are not article text: leave them out of the sentence.
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT,
    {acceptNode: n => n.parentElement.closest('a.dossier-annref') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const text = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) text.push(n);
  const whole = text.map(n => n.data).join('');
  const at = whole.indexOf(needle);
  if (at < 0) return null;
  const rect = (offset, length) => {
    let pos = 0; const range = document.createRange(); let started = false;
    for (const n of text) {
      const end = pos + n.data.length;
      if (!started && offset < end) { range.setStart(n, offset - pos); started = true; }
      if (started && offset + length <= end) { range.setEnd(n, offset + length - pos); break; }
      pos = end;
    }
    const r = range.getClientRects()[0];
    return {left: r.left, right: r.right, top: r.top};
  };
  const w = at + needle.indexOf(word), m = at + needle.indexOf(mark, needle.indexOf(word) + word.length);
  return {word: rect(w, word.length), mark: rect(m, mark.length)};
}"""

CASES = [
    # article id, a phrase from the seed, the Latin word, the mark that follows it
    ("altman-firing-revolt-return-2023", "تم تعيين Emmett Shear، الرئيس", "Emmett Shear", "،"),
    ("altman-firing-revolt-return-2023", "عبر Google Meet في اليوم", "Google Meet", "في"),
    ("meta-poaches-openai-researchers", "مثل GPT-4.1 وo3 وo1. كما", "GPT-4.1", "وo3"),
    ("meta-poaches-openai-researchers", "وo3 وo1. كما", "o1", "."),
    ("openai-research-exodus-2025", "تواجه شركة OpenAI، الرائدة", "OpenAI", "،"),
    ("openai-research-exodus-2025", "الكبيرة (LLMs) التي", "LLMs", ")"),
]
# Inside a Latin name, characters keep left-to-right order: '@' stays left of the handle and
# '*' right of 'Q' (without isolation the bidi algorithm moves both to the wrong side).
INSIDE = [
    ("altman-firing-revolt-return-2023", "مع @adamdangelo”", "@", "adamdangelo"),
    ("altman-firing-revolt-return-2023", "نموذج “Q*” –", "Q", "*"),
]


@pytest.fixture(scope="module")
def page(browser, site: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def open_article(page, site: Path, article: str) -> None:
    page.goto((site / "articles" / article / "index.html").as_uri())


@pytest.mark.parametrize(("article", "needle", "word", "mark"), CASES)
def test_latin_names_and_their_punctuation_sit_in_place(page, site: Path, article, needle, word, mark) -> None:
    open_article(page, site, article)
    rects = page.evaluate(RECTS, [needle, word, mark])
    assert rects is not None, f"«{needle}» not found on the page"
    w, m = rects["word"], rects["mark"]
    if abs(w["top"] - m["top"]) < 5:  # same line: the follower is to the left
        assert m["right"] <= w["left"] + 1, f"{mark!r} should be left of {word!r}: {rects}"


@pytest.mark.parametrize(("article", "needle", "first", "second"), INSIDE)
def test_latin_names_keep_their_own_order(page, site: Path, article, needle, first, second) -> None:
    open_article(page, site, article)
    rects = page.evaluate(RECTS, [needle, first, second])
    assert rects is not None, f"«{needle}» not found on the page"
    assert rects["word"]["right"] <= rects["mark"]["left"] + 1, f"{first!r} should be left of {second!r}: {rects}"


def test_the_page_reads_right_to_left(page, site: Path) -> None:
    open_article(page, site, "altman-firing-revolt-return-2023")
    direction = page.evaluate("getComputedStyle(document.querySelector('article')).direction")
    assert direction == "rtl"
    first = page.locator("#p-1")
    number = page.locator("#p-1 a.dossier-num")
    box, num = first.bounding_box(), number.bounding_box()
    assert num["x"] + num["width"] > box["x"] + box["width"] - 40, "the paragraph number starts at the right edge"
    sidebar = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator("article").bounding_box()
    assert sidebar["x"] > content["x"], "the navigation sits on the right in RTL"


def test_a_link_to_a_note_made_when_notes_were_on_the_article_lands_on_its_marker(page, site: Path) -> None:
    """articles/x/#ann-… (the notes had that anchor before they moved to their own page): the marker in the text, below the header."""
    page.goto((site / "articles" / "altman-firing-revolt-return-2023" / "index.html").as_uri() + "#ann-date-altman-fired")
    page.wait_for_function("scrollY > 0")
    marker = page.locator("a.dossier-annref:target")
    assert marker.count() == 1 and marker.get_attribute("href") == "notes/#ann-date-altman-fired"
    box, header = marker.bounding_box(), page.locator("header.md-header").bounding_box()
    assert box is not None and header is not None
    assert header["y"] + header["height"] <= box["y"] < 300, "in view, not under the sticky header"
    assert page.evaluate("getComputedStyle(document.querySelector('a.dossier-annref:target')).outlineStyle") == "solid"


def test_screenshot_of_an_article(page, site: Path, tmp_path: Path) -> None:
    open_article(page, site, "altman-firing-revolt-return-2023")
    page.locator("#p-11").scroll_into_view_if_needed()
    shot = tmp_path / "article.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000


# Every text character's line (its box's top), in reading order: a closing mark that starts a line, and a
# heading whose permalink (¶, hidden until hovered) sits alone on a line below its text, which reads as a
# blank line under the heading.
LINE_STARTS = """() => {
  const closing = '.،,:؛)»”!؟·—';
  const out = [];
  for (const el of document.querySelectorAll('.md-content :is(p, li, h1, h2, h3)')) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('.headerlink')) continue;
      for (let i = 0; i < n.data.length; i++) {
        if (/\\s/.test(n.data[i])) continue;
        const range = document.createRange();
        range.setStart(n, i); range.setEnd(n, i + 1);
        const box = range.getBoundingClientRect();
        if (!box.width) continue;
        if (last !== null && box.top > last + 5 && closing.includes(n.data[i])) out.push('line starts with ' + n.data.slice(Math.max(0, i - 12), i + 4));
        last = box.top;
      }
    }
    const link = el.querySelector(':scope > .headerlink');
    if (link && last !== null && link.getBoundingClientRect().top > last + 5) out.push('¶ alone under ' + el.textContent.slice(0, 40));
  }
  return out;
}"""
WIDE_AND_NARROW = [1280, 390]
PAGES = [
    "articles/altman-firing-revolt-return-2023",
    "articles/meta-poaches-openai-researchers",
    "articles/murati-departs-openai-2024",
    "articles/openai-research-exodus-2025",
    "articles/openai-staff-threaten-microsoft-2023",
    "people/sam-altman",
    "orgs/openai",
    "events/q-star-reports",
    "",
    "timeline",
    "glossary",
    "people",
    "orgs",
    "articles",
]


@pytest.mark.parametrize("width", WIDE_AND_NARROW)
def test_no_line_starts_with_a_closing_mark_and_no_heading_ends_in_an_empty_line(browser, site: Path, width: int) -> None:
    """A note marker is one unbreakable run with its word and the punctuation after it; a heading's ¶ stays on its last line."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        found = []
        for path in PAGES:
            page.goto((site / path / "index.html").as_uri())
            found += [f"{path or 'front'}: {problem}" for problem in page.evaluate(LINE_STARTS)]
        assert found == []
    finally:
        page.close()
