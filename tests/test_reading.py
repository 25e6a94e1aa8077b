"""Reading first (issue 13): article pages that read like articles, entity pages in a fixed order,
grammatical counts everywhere, no internal labels, and a page that prints as a dossier sheet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import generate
from generator.render.labels import NOUNS, N, count
from tests.conftest import ROOT

ALTMAN = "altman-firing-revolt-return-2023"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return generate(ROOT).pages


# --- counts and labels, on every generated page ----------------------------------------

# Any number followed by a form of a counted noun: the form must be the one `count` gives.
COUNTED = re.compile(
    r"(?<![\d.])(\d+) (" + "|".join(sorted({f for n in NOUNS.values() for f in (n.one, n.plural, n.many)}, key=len, reverse=True)) + r")(?!\w)"
)
BY_FORM = {f: noun for noun, n in NOUNS.items() for f in (n.one, n.plural, n.many)}


def test_every_count_on_every_page_is_grammatical(pages: dict[str, str]) -> None:
    seen = 0
    for path, text in pages.items():
        for m in COUNTED.finditer(text):
            number, form = int(m.group(1)), m.group(2)
            assert count(number, BY_FORM[form]) == m.group(0), f"{path}: «{m.group(0)}» should read «{count(number, BY_FORM[form])}»"
            seen += 1
    assert seen > 50  # the indexes, the note sections, the mention counts, the reading times


def test_no_page_shows_the_old_hard_coded_phrases_or_internal_labels(pages: dict[str, str]) -> None:
    old = ["مقالًا في الملف", "شخصًا تذكرهم", "جهة ومنتجًا ومفهومًا", "حدثًا، بالترتيب", "لا إشارات", "الإشارات: ", "(الدقة:", "مع عدد الفقرات"]
    old += ["**النوع:**", "<strong>النوع:</strong>"]
    for path, text in pages.items():
        for phrase in old:
            if phrase in ("حدثًا، بالترتيب", "مقالًا في الملف", "شخصًا تذكرهم") and re.search(rf"\b(1[1-9]|[2-9]\d) {phrase}", text):
                continue  # 11–99 is where the old phrase happened to be right
            assert phrase not in text, f"{path} shows «{phrase}»"


def test_the_indexes_count_grammatically(pages: dict[str, str]) -> None:
    assert f"{count(5, N.ARTICLE)} في الملف" in pages["articles/index.md"] and "5 مقالات في الملف" in pages["articles/index.md"]
    events = pages["events/index.md"]
    # The intro says it once; a chip marks only the fewer lines (the two dates a source states).
    # The index is in Arabic order of titles; the timeline is the chronological view.
    assert "36 حدثًا، بترتيب عناوينها" in events and "34 تاريخًا منها استنتجها المحرر" in events
    assert events.count('class="dossier-chip"') == 2
    assert " :" not in events and " <span" not in events.split("\n", 8)[-1].split(":")[0]
    orgs = pages["orgs/index.md"]
    assert "إشار" in orgs and "لا إشارات" not in orgs


def test_also_written_lists_only_other_spellings(pages: dict[str, str]) -> None:
    altman = pages["people/sam-altman.md"]
    line = next(x for x in altman.splitlines() if x.startswith('<p class="dossier-also"><strong>يُكتب أيضًا:</strong>'))
    assert "سام ألتمان" not in line and "ألتمان" in line


# --- article pages ---------------------------------------------------------------------


def test_notes_are_gathered_after_the_text_in_one_collapsed_section(pages: dict[str, str]) -> None:
    page = pages[f"articles/{ALTMAN}.md"]
    body, notes = page.split('<details class="dossier-notes">', 1)
    assert "dossier-annotation" not in body  # the text is uninterrupted but for the markers
    assert body.count('class="dossier-annref"') == 34 == notes.count('class="admonition note dossier-annotation"')
    assert "<summary>ملاحظات المحرر على هذا المقال (34 ملاحظةً)</summary>" in notes
    # Every note keeps its number, kind, quote and basis, and is indexed by search on this page.
    assert "ملاحظة تحريرية 1 — " in notes and "<strong>على النص:</strong>" in notes and "<strong>الأساس:</strong>" in notes
    assert '<div class="admonition note dossier-annotation" id="ann-switch-is-twitch">' in notes
    assert "\n\n" not in notes.split("</details>", 1)[0]  # one raw HTML block: Markdown never splits it


def test_a_citation_of_a_paragraph_on_the_same_page_names_only_the_paragraph(pages: dict[str, str]) -> None:
    notes = pages[f"articles/{ALTMAN}.md"].split('<details class="dossier-notes">', 1)[1]
    assert '<a href="#p-11">الفقرة 11</a>' in notes
    assert "«الإقالة والتمرد والعودة" not in notes  # never the page's own title again
    assert ">الفقرة 3، «موظفو <bdi>OpenAI</bdi> يهددون" in notes  # another article's paragraph keeps its title


def test_a_name_s_full_form_shows_on_hover_where_the_reader_first_meets_it(pages: dict[str, str]) -> None:
    page = pages[f"articles/{ALTMAN}.md"]
    altman = re.findall(r'<a href="../../people/sam-altman/"( title="[^"]*")?>([^<]+)</a>', page)
    assert altman[0] == (' title="سام ألتمان (Sam Altman)"', "سام ألتمان") and len(altman) > 10
    assert all(title == "" for title, _ in altman[1:])  # once per article, not on every paragraph's link
    assert '<a href="../../orgs/openai/"><bdi>OpenAI</bdi></a>' in page  # the name as written says it all


def test_the_article_events_are_a_short_dated_list(pages: dict[str, str]) -> None:
    page = pages[f"articles/{ALTMAN}.md"]
    events = page.split('<ul class="dossier-events">', 1)[1].split("</ul>", 1)[0]
    lines = [x for x in events.splitlines() if x.startswith("<li>")]
    assert len(lines) >= 20 and all(re.match(r"<li>((\d+ )?\S+ )?\d{4}: <a ", x) for x in lines), lines[:3]


def test_person_pages_have_their_sections_in_a_fixed_order(pages: dict[str, str]) -> None:
    order = ["## التعريف والأدوار", "## ما تقوله المصادر", "## الخط الزمني", "## ملاحظات تحريرية", "## الإشارات في المقالات"]
    page = pages["people/sam-altman.md"]
    positions = [page.index(h) for h in order]
    assert positions == sorted(positions)
    assert "ملاحظة تحريرية 1 — " in page.split("## ملاحظات تحريرية", 1)[1]
    assert "dossier-annotation" not in page.split("## ملاحظات تحريرية", 1)[0]


# --- in the built site ---------------------------------------------------------------


def test_every_section_of_an_entity_page_is_in_the_table_of_contents(site: Path) -> None:
    html = (site / "people" / "sam-altman" / "index.html").read_text(encoding="utf-8")
    toc = html.split('class="md-nav md-nav--secondary"', 1)[1].split('<div class="md-content"', 1)[0]
    for heading in ("التعريف والأدوار", "ما تقوله المصادر", "الخط الزمني", "ملاحظات تحريرية", "الإشارات في المقالات"):
        assert heading in toc, heading


def test_the_export_page_isolates_its_latin_fragments(site: Path) -> None:
    html = (site / "export" / "index.html").read_text(encoding="utf-8")
    assert "المقال (\u2068<code>articles[]</code>\u2069)" in html
    assert "المقال (\u2068articles[]\u2069)" in html  # the table of contents too


LAYOUT = """() => {
  const top = document.querySelector('.md-content h1').getBoundingClientRect().top + scrollY;
  const paras = [...document.querySelectorAll('.md-content .dossier-p')];
  const bottom = paras[paras.length - 1].getBoundingClientRect().bottom + scrollY;
  return {page: document.documentElement.scrollHeight, article: bottom - top,
          notesShown: [...document.querySelectorAll('.dossier-annotation')].filter(b => b.checkVisibility()).length};
}"""


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def test_the_article_is_most_of_its_page(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "articles" / ALTMAN / "index.html").as_uri())
    m = page.evaluate(LAYOUT)
    assert m["notesShown"] == 0
    assert m["article"] / m["page"] >= 2 / 3, m


def test_a_note_marker_opens_its_note(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "articles" / ALTMAN / "index.html").as_uri())
    note = page.locator("#ann-switch-is-twitch")
    assert not note.is_visible()
    page.locator('a.dossier-annref[href="#ann-switch-is-twitch"]').click()
    note.wait_for(state="visible")
    box = note.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled to it
    assert "Twitch" in note.inner_text()


@pytest.mark.parametrize("path", [f"articles/{ALTMAN}", "people/sam-altman", "events/altman-fired"])
def test_a_page_prints_as_a_clean_dossier_sheet(page, site: Path, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / path / "index.html").as_uri())
    page.emulate_media(media="print")
    for furniture in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        assert not page.locator(furniture).first.is_visible(), furniture
    # Notes print as numbered endnotes: every one visible (the collapsed section prints open).
    notes = page.locator(".dossier-annotation")
    assert notes.count() > 0
    assert all(notes.nth(i).is_visible() for i in range(notes.count()))
    assert page.locator(".dossier-annotation .admonition-title").first.inner_text().startswith("ملاحظة تحريرية 1")
    # Each citation names its paragraph.
    cites = page.locator(".dossier-annotation a[href*='#p-']")
    assert cites.count() > 0 and all("الفقرة" in cites.nth(i).inner_text() for i in range(min(cites.count(), 20)))
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"
