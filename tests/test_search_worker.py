"""The search worker over a small hand-made index, in Chromium, speaking Material's protocol.

No MkDocs here: generator/site/searchindex.py writes the index for a few documents, the worker
(generator/site/searchsite.worker_script) is started as Material starts it, and the test posts
SETUP and QUERY messages and reads the RESULT, as Material's page script does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from generator.site.searchindex import Document, Unit, build_index, shard_of
from generator.site.searchsite import worker_script
from tests.searchload import logged_server

WORKER = "assets/javascripts/workers/search.test.min.js"
EVIL = '<img src=x onerror="document.title=1"> ‮'


def article(page: str, title: str, *paragraphs: str) -> Document:
    units = [Unit("", title, ())] + [Unit(f"p-{n}", f"الفقرة {n}", (text,)) for n, text in enumerate(paragraphs, start=1)]
    return Document(page, title, tuple(units))


def entity(page: str, name: str, *spellings: str) -> Document:
    return Document(page, name, (Unit("", name, ("يُكتب أيضًا: " + "، ".join((name, *spellings)),)),), (name, *spellings), rank=1)


DOCS = [
    entity("people/sam-altman.md", "سام ألتمان", "ألتمان", "Sam Altman"),
    entity("people/greg-brockman.md", "جريج بروكمان", "بروكمان", "Greg Brockman"),
    entity("orgs/twitch.md", "تويتش", "Twitch"),
    entity("people/joe-biden.md", "جو بايدن", "بايدن", "Joe Biden"),
    entity("orgs/openai.md", "OpenAI", "أوبن إيه آي"),
    entity("orgs/openai-board.md", "مجلس إدارة OpenAI"),
    article("articles/a.md", "إقالة ألتمان", "قال وألتمان إن الشركة… ثم عاد لألتمان منصبه.", "ألتمان وبروكمان غادرا."),
    article("articles/b.md", "أجهزة الألعاب", "جهاز Switch من نينتندو، لا علاقة له بأوبن إيه آي.", "الشركة تبيع switch."),
    article("articles/evil.md", EVIL, f"نص فيه {EVIL} ووسم <script>alert(1)</script> وألتمان", "&amp; ليست كيانًا"),
]


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory, browser) -> Iterator[tuple[Page, list[str], dict[str, str]]]:
    site = tmp_path_factory.mktemp("search")
    files = {**build_index(DOCS, lambda p: p.removesuffix(".md") + "/"), WORKER: worker_script(WORKER)}
    for path, text in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    (site / "index.html").write_text("<!doctype html><meta charset=utf-8><title>t</title>", encoding="utf-8")
    with logged_server(site) as (base, served):
        page = browser.new_page()
        page.goto(base + "index.html")
        start(page)
        yield page, served, files
        page.close()


def start(page: Page) -> None:
    """A new worker, set up as Material's page sets it up."""
    page.evaluate(
        """w => new Promise(ready => {
             window.w = new Worker(w);
             w = window.w;
             w.onmessage = e => { if (e.data.type === 1) ready(); else window.result(e.data); };
             w.postMessage({type: 0, data: {config: {}, docs: [], options: {suggest: false}}});
           })""",
        WORKER,
    )


def query(page: Page, text: str) -> list[list[dict]]:
    return page.evaluate("q => new Promise(done => { window.result = m => done(m.data.items); window.w.postMessage({type: 2, data: q}); })", text)


def pages(items: list[list[dict]]) -> list[str]:
    return [group[0]["location"] for group in items]


@pytest.mark.parametrize("q", ["ألتمان", "لألتمان", "سام ألتمان", "sam altman", "Sam", "التمان", "سَام"])
def test_an_entity_comes_first_for_any_of_its_spellings(worker, q: str) -> None:
    assert pages(query(worker[0], q))[0] == "people/sam-altman/"


def test_a_one_word_name_beats_a_longer_name_holding_it(worker) -> None:
    assert pages(query(worker[0], "OpenAI"))[:2] == ["orgs/openai/", "orgs/openai-board/"]
    assert pages(query(worker[0], "مجلس إدارة OpenAI"))[0] == "orgs/openai-board/"


def test_articles_follow_the_entity_by_how_much_they_concern_the_query(worker) -> None:
    assert pages(query(worker[0], "ألتمان")) == ["people/sam-altman/", "articles/a/", "articles/evil/"]


@pytest.mark.parametrize(
    ("typo", "page"),
    [
        ("بروكمن", "people/greg-brockman/"),
        ("بروكمامن", "people/greg-brockman/"),
        ("بركمان", "people/greg-brockman/"),
        ("وبروكمن", "people/greg-brockman/"),
        ("بيدن", "people/joe-biden/"),
        ("بايدين", "people/joe-biden/"),
        ("Brokman", "people/greg-brockman/"),
    ],
)
def test_a_name_with_one_letter_dropped_added_or_changed_finds_the_person(worker, typo: str, page: str) -> None:
    found = pages(query(worker[0], typo))
    assert found[0] == page
    if page == "people/greg-brockman/" and typo[0] != "B":
        assert "articles/a/" in found  # the article that names him, found by the corrected name too


def test_a_typo_match_never_ranks_above_an_exact_one(worker) -> None:
    # switch is a word of articles/b; it is also one letter from the name Twitch.
    found = pages(query(worker[0], "switch"))
    assert found[0] == "articles/b/"
    assert found.index("articles/b/") < (found.index("orgs/twitch/") if "orgs/twitch/" in found else len(found))


def test_marks_wrap_whole_words_and_never_nest(worker) -> None:
    items = query(worker[0], "ألتمان")
    article = next(g for g in items if g[0]["location"] == "articles/a/")
    html = " ".join(i["title"] + i["text"] for i in article)
    assert re.findall(r"<mark>([^<]*)</mark>", html) == ["ألتمان", "وألتمان", "لألتمان", "ألتمان"]
    for q in ["أ", "ا", "ال", "ألتمان ألتمان", "ألت ألتمان", "وألتمان ألتمان"]:
        for group in query(worker[0], q):
            for item in group:
                for field in ("title", "text"):
                    assert "<mark><mark>" not in item[field] and not re.search(r"<mark>[^<]*<mark>", item[field]), (q, item[field])


def test_the_highlight_terms_are_whole_words_as_written(worker) -> None:
    """?h= of a result: the words as the page writes them, longest first, never a folded stem."""
    items = query(worker[0], "التمان")
    terms = next(g for g in items if g[0]["location"] == "articles/a/")[0]["terms"]
    words = list(terms)
    assert words[:3] == ["فبألتمان", "فكألتمان", "فلألتمان"]  # the longest first
    assert {"لألتمان", "وألتمان", "ألتمان", "بألتمان"} <= set(words)
    assert "تمان" not in words and "التمان" not in words
    assert all(terms.values())


def test_page_text_is_never_markup(worker) -> None:
    """Titles and excerpts are HTML for Material: every character of the page's text is escaped."""
    items = query(worker[0], "وسم")
    group = next(g for g in items if g[0]["location"] == "articles/evil/")
    for item in group:
        for field in ("title", "text"):
            tags = re.findall(r"</?([a-z]+)", item[field])
            assert set(tags) <= {"mark", "p"}, item[field]
    html = group[0]["title"] + "".join(i["text"] for i in group)
    assert "&lt;img src=x onerror=&quot;document.title=1&quot;&gt;" in html
    assert "&lt;script&gt;" in html
    assert "&amp;amp;" in query(worker[0], "كيانًا")[0][0]["text"]


def test_a_query_loads_the_manifest_one_shard_and_the_pages_it_shows(worker) -> None:
    page, served, files = worker
    del served[:]
    start(page)
    assert served == [f"/{WORKER}", "/search/manifest.js"]
    del served[:]
    query(page, "إقالة")
    manifest = json.loads(files["search/manifest.js"].split("(", 1)[1].rsplit(")", 1)[0])
    assert served == [f"/search/s/{shard_of('اقاله', manifest['modulo'])}.js", "/search/d/0.js"]  # d/0: articles/a.md, the first by rank and page
