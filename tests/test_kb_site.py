"""The knowledge base in real builds: a copy of the project, plus an article the KB has never
seen, generated and built with `mkdocs build --strict` in a temporary folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import generate
from generator.render.html import text
from generator.site.searchdocs import documents as search_documents
from tests.conftest import copy_project

ROOT = Path(__file__).resolve().parent.parent
NEW = "900_new_article.txt"
NEW_TEXT = """مقال لم يره الملف من قبل عن OpenAI

قال سام ألتمان إن الشركة ماضية في خططها، وإن لألتمان رأيًا في التوقيت.
كتب الرئيس التنفيذي لشركة Contoso جون دو أن التعاون مع OpenAI سيستمر، وأكد ألتمان ذلك.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project copied to a tmp folder with one new article, and its site built strictly."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    (root / "seeds" / "articles" / NEW).write_text(NEW_TEXT, encoding="utf-8")
    site = root / "site"
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-d", str(site)], cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return root, site


def test_new_article_builds_links_known_people_and_reports_unknown_names(built: tuple[Path, Path]) -> None:
    root, site = built
    dossier = generate(root)
    new_id = next(a.id for a in dossier.index.articles if a.path.endswith(NEW))
    mentions = [(m.entity, m.block) for m in dossier.index.mentions if m.article == new_id]
    assert mentions == [("sam-altman", 1), ("sam-altman", 1), ("openai", 2), ("sam-altman", 2)]
    page = dossier.pages[f"articles/{new_id}.md"]
    assert '<a href="../../people/sam-altman/" title="سام ألتمان (Sam Altman)">سام ألتمان</a>' in page
    assert ">لألتمان</a>" not in page  # only the first mention of a person in a paragraph is linked
    notes = [str(n) for n in dossier.report.notes]
    assert any(f"seeds/articles/{NEW}:4: not in the knowledge base: «Contoso» (Latin name" in n for n in notes)
    assert any(f"seeds/articles/{NEW}:4: not in the knowledge base: «جون دو» (after a title" in n for n in notes)
    html = (site / "articles" / new_id / "index.html").read_text(encoding="utf-8")
    assert 'href="../../people/sam-altman/"' in html
    # The new article's mentions show on the person's page, with a link to the paragraph.
    altman = (site / "people" / "sam-altman" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../articles/{new_id}/#p-2"' in altman


def test_export_is_in_the_site_and_every_source_is_a_found_quote(built: tuple[Path, Path]) -> None:
    root, site = built
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    texts = {(a["id"], b["number"]): b["text"] for a in data["articles"] for b in a["blocks"]}
    titles = {a["id"]: a["title"] for a in data["articles"]}
    sources = [r["source"] for r in data["roles"]] + [s for e in data["events"] for s in e["sources"]]
    sources += [c["source"] for e in data["entities"] for c in e["claims"]] + [a["anchor"] for a in data["annotations"]]
    assert len(data["roles"]) > 50 and len(data["events"]) > 20
    for s in sources:
        text = titles[s["article"]] if s["block"] == 0 else texts[(s["article"], s["block"])]
        assert text[s["start"] : s["end"]] == s["quote"], s
    for m in data["mentions"]:
        assert texts[(m["article"], m["block"])][m["start"] : m["end"]] == m["text"]
    assert {e["id"] for e in data["entities"]} >= {m["entity"] for m in data["mentions"]}


def test_every_role_and_event_shown_cites_its_quote_and_paragraph(built: tuple[Path, Path]) -> None:
    root, _ = built
    dossier = generate(root)
    for e in dossier.index.entities:
        page = dossier.pages[e.page]
        roles = re.findall(r"<li>.*</li>", page.split('<ul class="dossier-roles">', 1)[1].split("</ul>", 1)[0]) if e.roles else []
        assert len(roles) == len(e.roles)
        for line, role in zip(roles, e.roles, strict=True):
            assert re.search(rf'<a href="\.\./\.\./articles/{role.source.article}/#p-{role.source.block}">[^<]*(<bdi>[^<]*</bdi>[^<]*)*</a></li>$', line), line
    for ev in dossier.index.kb.events:
        page = dossier.pages[ev.page]
        happened = re.findall(r"<li>.*</li>", page.split("## ما حدث، بنص المصادر\n\n", 1)[1].split("</ul>", 1)[0])
        assert len(happened) == len(ev.sources) > 0
        for line, s in zip(happened, ev.sources, strict=True):
            anchor = f"#p-{s.block}" if s.block else ""  # block 0: the quote is the article's title
            assert f'href="../../articles/{s.article}/{anchor}"' in line and f"«{text(s.quote)}»" in line, line


def test_entity_pages_are_searched_by_every_spelling(built: tuple[Path, Path]) -> None:
    root, site = built
    dossier = generate(root)
    page = dossier.pages["people/ilya-sutskever.md"]
    also = next(line for line in page.splitlines() if line.startswith('<p class="dossier-also"><strong>يُكتب أيضًا:</strong>'))
    for spelling in ("إيليا سوتسكفير", "سوتسكيفر"):
        assert spelling in also
    # Only the other spellings: not the name itself, not the Latin one (shown on its own line).
    assert "إيليا سوتسكيفر،" not in also and not also.endswith("إيليا سوتسكيفر</p>") and "Ilya" not in also
    # The search index is the generator's (search/), not Material's: every spelling is a name of the page.
    docs = {d.page: d for d in search_documents(dossier.index, dossier.pages)}
    assert {"إيليا سوتسكيفر", "إيليا سوتسكفير", "سوتسكيفر", "Ilya Sutskever"} <= set(docs["people/ilya-sutskever.md"].names)
    assert not any(d.names for page, d in docs.items() if page.startswith("articles/"))
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    assert (site / "search" / "manifest.js").is_file()


def test_search_documents_need_no_entity_page() -> None:
    """`mkdocs build` starts the search index before the entity pages, rendered on the second core, are back
    (generate's `ready`): the documents are the same without them."""
    from generator.build import ENTITY_PAGES
    from generator.render import render_all
    from generator.render.html import Urls

    dossier = generate(ROOT)
    theirs = render_all(dossier.index, Urls(True), ENTITY_PAGES)
    assert len(theirs) > 20 and theirs.keys() <= dossier.pages.keys()
    without = {path: page for path, page in dossier.pages.items() if path not in theirs}
    assert search_documents(dossier.index, without) == search_documents(dossier.index, dossier.pages)


def test_annotations_are_marked_editorial_and_anchored_on_their_article_s_notes_page(built: tuple[Path, Path]) -> None:
    root, site = built
    dossier = generate(root)
    for a in dossier.index.annotations:
        article = site / "articles" / a.anchor.article
        notes = (article / "notes" / "index.html").read_text(encoding="utf-8")
        assert f'<div class="admonition note dossier-annotation" id="ann-{a.id}">' in notes
        if a.anchor.block:
            # The marker in the text; it holds the note's old anchor (#ann-… on the article, before notes had their page).
            marker = f'<a href="notes/#ann-{a.id}" class="dossier-annref" title="'
            text = (article / "index.html").read_text(encoding="utf-8")
            assert text.count(marker) == 1 and text.count(f' id="ann-{a.id}"') == 1
            assert re.search(f'{re.escape(marker)}[^"]*" id="ann-{re.escape(a.id)}">', text)
    html = (site / "articles" / "altman-firing-revolt-return-2023" / "notes" / "index.html").read_text(encoding="utf-8")
    assert html.count("ملاحظة تحريرية") >= html.count('class="admonition note dossier-annotation"') > 0
    # Search finds each note once, on the notes page where it is anchored, not on the article page.
    docs = {d.page: d for d in search_documents(dossier.index, dossier.pages)}
    anchors = [u.anchor for page, d in docs.items() for u in d.units if u.anchor.startswith("ann-")]
    assert sorted(anchors) == sorted(f"ann-{a.id}" for a in dossier.index.annotations)
    assert [u.anchor for u in docs["articles/altman-firing-revolt-return-2023/notes.md"].units][1] == "ann-date-altman-stage-remarks"


def test_nav_reaches_every_entity_page_through_an_index(built: tuple[Path, Path]) -> None:
    root, _ = built
    dossier = generate(root)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for index in ("people/index.md", "orgs/index.md", "events/index.md", "export.md"):
        assert index in config
    for e in dossier.index.entities:
        folder, name = e.page.split("/")
        assert f'<a href="{e.id}/">' in dossier.pages[f"{folder}/index.md"]
    for ev in dossier.index.kb.events:
        assert f'<a href="{ev.id}/">' in dossier.pages["events/index.md"]


def test_generation_is_deterministic(built: tuple[Path, Path]) -> None:
    root, _ = built
    first, second = generate(root), generate(root)
    assert first.pages == second.pages and first.files == second.files
