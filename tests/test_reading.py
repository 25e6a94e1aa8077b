"""Reading first (issue 13): article pages that read like articles, entity pages in a fixed order,
grammatical counts everywhere, no internal labels, and a page that prints as a dossier sheet."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks.searchsite import serve
from generator.build import generate
from generator.render import labels as L
from generator.render.labels import NOUNS, N, count
from tests.conftest import ROOT, copy_project

ALTMAN = "altman-firing-revolt-return-2023"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return generate(ROOT).pages


# --- counts and labels, on every generated page ----------------------------------------

# Any number followed by a form of a counted noun: the form must be the one `count` gives.
COUNTED = re.compile(
    r"(?<![\d.])(\d+)[ \u00a0](" + "|".join(sorted({f for n in NOUNS.values() for f in (n.one, n.plural, n.many)}, key=len, reverse=True)) + r")(?!\w)"
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
            if phrase in ("حدثًا، بالترتيب", "مقالًا في الملف", "شخصًا تذكرهم") and re.search(rf"\b(1[1-9]|[2-9]\d)\u00a0{phrase}", text):
                continue  # 11–99 is where the old phrase happened to be right
            assert phrase not in text, f"{path} shows «{phrase}»"


def test_the_indexes_count_grammatically(pages: dict[str, str]) -> None:
    assert f"{count(5, N.ARTICLE)} في الملف" in pages["articles/index.md"] and "5\u00a0مقالات في الملف" in pages["articles/index.md"]
    events = pages["events/index.md"]
    # The intro says it once; a chip marks only the fewer lines (the two dates a source states).
    # The index is in Arabic order of titles; the timeline is the chronological view.
    assert "36\u00a0حدثًا، بترتيب عناوينها" in events and "34\u00a0تاريخًا منها استنتجها المحرر" in events
    assert events.count('class="dossier-chip"') == 2
    assert " :" not in events and " <span" not in events.split("\n", 8)[-1].split(":")[0]
    orgs = pages["orgs/index.md"]
    assert "إشار" in orgs and "لا إشارات" not in orgs


def test_also_written_lists_only_other_spellings(pages: dict[str, str]) -> None:
    altman = pages["people/sam-altman.md"]
    line = next(x for x in altman.splitlines() if x.startswith('<p class="dossier-also"><strong>يُكتب أيضًا:</strong>'))
    assert "سام ألتمان" not in line and "ألتمان" in line


# --- article pages ---------------------------------------------------------------------


NOTES = f"articles/{ALTMAN}/notes.md"
MARKER = re.compile(r'<a href="notes/#ann-([a-z0-9-]+)" class="dossier-annref" title="([^"]+)" id="ann-\1">(\d+)</a>')
"""A note's marker: it leads to the note on the notes page and holds the note's old anchor (#ann-… on the article)."""


def test_each_marker_links_its_note_in_full_on_the_notes_page_and_shows_its_beginning(pages: dict[str, str]) -> None:
    page, notes = pages[f"articles/{ALTMAN}.md"], pages[NOTES]
    markers = MARKER.findall(page)
    assert [int(n) for _, _, n in markers] == list(range(1, 35))  # numbered in reading order, like the notes
    boxes = re.findall(r'<div class="admonition note dossier-annotation" id="ann-([a-z0-9-]+)">\n<p class="admonition-title">ملاحظة تحريرية (\d+)\xa0— ', notes)
    assert [(i, n) for i, _, n in markers] == boxes  # the marker numbered n leads to the note numbered n
    tips = dict((i, t) for i, t, _ in markers)
    assert tips["date-nadella-media-interviews"] == "تاريخ استنتجه المحرر: «يوم الاثنين» بعد الجمعة 17 نوفمبر 2023 هو 20 نوفمبر 2023."  # short: whole
    long = tips["date-altman-stage-remarks"]  # a long note: its kind and its beginning, cut at a word
    assert long.startswith("تاريخ استنتجه المحرر: يقول المقال إن فصل ألتمان وقع «في اليوم التالي»") and long.endswith("…")
    assert len(long) <= len("تاريخ استنتجه المحرر: ") + 81


def test_the_article_page_keeps_the_notes_in_brief_and_their_basis_on_the_notes_page(pages: dict[str, str]) -> None:
    page, notes = pages[f"articles/{ALTMAN}.md"], pages[NOTES]
    # The article page: no note in full, no basis, no quote; the notes after the text in brief, numbered by kind.
    for full in ("dossier-annotation", "<strong>الأساس:</strong>", "<strong>على النص:</strong>", "<strong>تتعلق بـ:</strong>", "<details"):
        assert full not in page.split("## في هذا المقال", 1)[0].split("</details>", 1)[-1], full
    brief = page.split(f"## {L.NOTES_HEADING}\n", 1)[1].split("\n## ", 1)[0]
    assert brief.startswith('\n<p class="dossier-notes-intro">34\u00a0ملاحظةً تحريريةً على هذا المقال، من محرر الملف لا من نصه. ')
    assert f'<a href="notes/">{L.NOTES_IN_FULL}</a>' in brief
    assert '<li><strong>تعارض بين المصادر:</strong> <a href="notes/#ann-staff-count-700-vs-770">23</a></li>' in brief
    assert len(re.findall(r'<a href="notes/#ann-[a-z0-9-]+">\d+</a>', brief)) == 34
    # The notes page: every note in full, with the words it is on linked back to their paragraph, its basis,
    # what it concerns, and a way back to the article at the top and the bottom.
    assert notes.count('class="admonition note dossier-annotation"') == 34 == notes.count("<strong>على النص:</strong>")
    twitch = notes.split('id="ann-switch-is-twitch">', 1)[1].split("</div>", 1)[0]
    assert "<strong>على النص:</strong>" in twitch and '<a href="../#p-' in twitch
    assert "<strong>الأساس:</strong>" in notes and '<a href="../../../people/sam-altman/">سام ألتمان</a>' in notes
    back = '<p class="dossier-back">العودة إلى المقال: <a href="../">الإقالة والتمرد والعودة: كيف تكشفت الأزمة في <bdi>OpenAI</bdi> بشأن سام ألتمان</a></p>'
    assert notes.count(back) == 2
    assert '"search:\n  exclude' not in notes  # notes are searched here, where they are anchored


def test_an_article_without_notes_has_no_notes_section_and_no_notes_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "seeds/annotations.yml").unlink()
    events = project / "seeds/events.yml"  # resolved dates name their notes: without notes, none is resolved
    stated = re.sub(r"\n *resolution: .*", "", events.read_text(encoding="utf-8")).replace("date_basis: resolved", "date_basis: stated")
    events.write_text(stated, encoding="utf-8")
    curated = project / "seeds/not-entities.yml"  # and names set aside by a note no longer point to it
    curated.write_text(re.sub(r"\n *note: .*", "", curated.read_text(encoding="utf-8")), encoding="utf-8")
    pages = generate(project).pages
    assert not [p for p in pages if p.endswith("/notes.md")]
    assert L.NOTES_HEADING not in pages[f"articles/{ALTMAN}.md"] and "dossier-annref" not in pages[f"articles/{ALTMAN}.md"]


def test_a_citation_of_a_paragraph_of_the_same_article_names_only_the_paragraph(pages: dict[str, str]) -> None:
    notes = pages[NOTES]  # the notes page is about one article, as the article page is
    assert '<a href="../#p-11">الفقرة\u00a011</a>' in notes  # a no-break space: the number never starts a line of its own
    assert "«الإقالة والتمرد والعودة" not in notes.split("\n# ", 1)[1].split("\n", 1)[1]  # named in the title, then never again
    assert ">الفقرة\u00a03، «موظفو <bdi>OpenAI</bdi> يهددون" in notes  # another article's paragraph keeps its title


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


def test_an_articles_events_are_in_the_timeline_s_order(pages: dict[str, str]) -> None:
    """A month-only event comes after that month's dated days, as on the timeline: «نوفمبر 2023: بروكمان يختار
    الاستقالة» stood before «16 نوفمبر 2023 …»."""
    index = generate(ROOT).index
    events = index.events_in(ALTMAN)
    assert len(events) > 10
    november = [ev.date for ev in events if ev.date.startswith("2023-11")]
    assert "2023-11" in november and november.index("2023-11") > november.index("2023-11-17")


def test_a_latin_spelling_that_repeats_the_name_is_not_doubled() -> None:
    assert L.latin_aside("X", "X (formerly Twitter)") == "formerly Twitter"
    assert L.latin_aside("سام ألتمان", "Sam Altman") == "Sam Altman"
    assert L.latin_aside("OpenAI", "OpenAI") == ""
    assert L.latin_aside("الذكاء الاصطناعي العام", "Artificial general intelligence (AGI)") == "Artificial general intelligence (AGI)"


def test_newer_and_older_are_said_only_between_dated_articles(pages: dict[str, str]) -> None:
    """The undated come last in the list; that does not make the Meta article «older» than a dated one."""
    index = generate(ROOT).index
    dated = [a for a in index.newest_first if a.meta.date]
    undated = [a for a in index.newest_first if not a.meta.date]
    assert dated and undated
    last_dated, first_undated = pages[f"articles/{dated[-1].id}.md"], pages[f"articles/{undated[0].id}.md"]
    assert f"{L.NEXT_LISTED}: " in last_dated and f"{L.OLDER}: " not in last_dated
    assert f"{L.PREVIOUS_LISTED}: " in first_undated and f"{L.NEWER}: " not in first_undated
    assert f"{L.NEWER}: " in pages[f"articles/{dated[1].id}.md"] and f"{L.OLDER}: " in pages[f"articles/{dated[1].id}.md"]


def test_no_english_and_no_misspelling_in_the_interface_around_the_articles(site: Path) -> None:
    """Python-Markdown's ¶ says «Permanent link» and Material's Arabic search strings say «إبحث» and «نتائج
    البحث 10 مستندات»: the dossier gives its own."""
    page = (site / "articles" / ALTMAN / "index.html").read_text(encoding="utf-8")
    assert "Permanent link" not in page and 'title="رابط دائم إلى هذا القسم"' in page
    assert "إبحث" not in page
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)
    assert config is not None
    translations = json.loads(config.group(1))["translations"]
    assert translations["search.result.other"] == "عدد النتائج: #" and translations["search.result.more.other"] == "مواضع أخرى في هذه الصفحة: #"


def test_person_pages_have_their_sections_in_a_fixed_order(pages: dict[str, str]) -> None:
    order = ["## التعريف والأدوار", "## ما تقوله المصادر", "## الخط الزمني", "## ملاحظات تحريرية", "## الإشارات في المقالات"]
    page = pages["people/sam-altman.md"]
    positions = [page.index(h) for h in order]
    assert positions == sorted(positions)
    assert "ملاحظة تحريرية 1\u00a0— " in page.split("## ملاحظات تحريرية", 1)[1]
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
  return {page: document.documentElement.scrollHeight, article: bottom - top};
}"""


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def test_the_article_is_most_of_its_page(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "articles" / ALTMAN / "index.html").as_uri())
    m = page.evaluate(LAYOUT)
    assert m["article"] / m["page"] >= 2 / 3, m


def test_a_note_marker_shows_the_note_s_beginning_and_leads_to_the_note_in_full(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    with serve(site) as base:  # over http: from file:// the online edition's search worker fails, and Material's tooltips with it
        note_in_full(page, base + f"articles/{ALTMAN}/")


def note_in_full(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    marker = page.locator('a.dossier-annref[href="notes/#ann-switch-is-twitch"]')
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 2, box["y"] + 2)  # moved onto it, as a reader's pointer is
    page.mouse.move(box["x"] + 4, box["y"] + 4)
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(state="visible", timeout=5_000)
    assert tip.inner_text().startswith("تصحيح: يصف هذا المقال إيميت شير")
    # Beside its marker and on the screen, right to left as it is (Material's placement assumes left to right).
    shown, at = tip.locator(".md-tooltip2__inner").bounding_box(), marker.bounding_box()
    assert shown is not None and at is not None
    assert 0 <= shown["x"] and shown["x"] + shown["width"] <= 1280 and shown["x"] <= at["x"] + at["width"] / 2 <= shown["x"] + shown["width"]
    marker.click()
    page.wait_for_url("**/notes/#ann-switch-is-twitch")
    note = page.locator("#ann-switch-is-twitch")
    box = note.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled to it
    assert note.evaluate("e => e.matches(':target')")
    assert "Twitch" in note.inner_text() and "الأساس" in note.inner_text()
    page.locator("#ann-switch-is-twitch a[href^='../#p-']").first.click()  # «على النص»: back to its paragraph
    page.wait_for_url(f"**/{ALTMAN}/#p-*")
    assert "Switch" in page.locator(".dossier-p:target").inner_text()


@pytest.mark.parametrize("path", [f"articles/{ALTMAN}", f"articles/{ALTMAN}/notes", "people/sam-altman", "events/altman-fired"])
def test_a_page_prints_as_a_clean_dossier_sheet(page, site: Path, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / path / "index.html").as_uri())
    page.emulate_media(media="print")
    for furniture in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        assert not page.locator(furniture).first.is_visible(), furniture
    if path == f"articles/{ALTMAN}":
        # The article: its text, the markers as their numbers; the notes themselves print from the notes page.
        markers = page.locator("a.dossier-annref")
        assert markers.count() == 34 and markers.first.inner_text() == "1"
        assert markers.first.evaluate("e => getComputedStyle(e, '::before').content") == '""'  # «ملاحظة» on screen only
        assert page.locator(".dossier-notes-kinds").is_visible() and page.locator(".dossier-num").first.is_visible()
    else:
        # Notes print as numbered endnotes, every one visible.
        notes = page.locator(".dossier-annotation")
        assert notes.count() > 0
        assert all(notes.nth(i).is_visible() for i in range(notes.count()))
        assert page.locator(".dossier-annotation .admonition-title").first.inner_text().startswith("ملاحظة تحريرية 1")
        # Each citation names its paragraph.
        cites = page.locator(".dossier-annotation a[href*='#p-']")
        assert cites.count() > 0 and all("الفقرة" in cites.nth(i).inner_text() for i in range(min(cites.count(), 20)))
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"


def test_a_latin_glossary_term_reads_left_to_right_in_the_table_of_contents(site: Path) -> None:
    """«Q*» alone in a right-to-left list read «*Q»: the TOC shows headings as plain text, without their <bdi>."""
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    toc = html.split('class="md-nav md-nav--secondary"', 1)[1].split('<div class="md-content"', 1)[0]
    assert "\u2068Q&#42;\u2069" in toc
