"""`mkdocs serve` redoes only what an edit touches, and the result is the full run's, byte for byte;
so is a build's that computes the editor's report beside the pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import Dossier, generate
from generator.editor import DROPPED, SILENCED
from generator.incremental import Memo
from tests.conftest import copy_project

ALTMAN = "seeds/articles/003_ac6010717a169fa7.txt"  # the article with the most notes
MURATI = "seeds/articles/004_746f9e8682ba0950.txt"


def same(a: Dossier, b: Dossier) -> None:
    assert a.pages.keys() == b.pages.keys()
    differ = [path for path in a.pages if a.pages[path] != b.pages[path]]
    assert not differ, f"pages differ from a full run: {differ[:5]}"
    assert a.files == b.files
    assert [str(p) for p in a.report.notes] == [str(p) for p in b.report.notes]
    assert [str(p) for p in a.report.told] == [str(p) for p in b.report.told] != [], "dropped lines are told from a remembered parse too"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


def test_an_edit_inside_a_paragraph_renders_that_article_and_what_it_names_only(project: Path) -> None:
    memo = Memo()
    first = generate(project, memo=memo)
    assert memo.rendered_pages == len(first.pages)
    edit(project / ALTMAN, "على حدود الاكتشاف.", "على حدود الاكتشاف، كما قال ساتيا ناديلا.")
    again = generate(project, memo=memo)
    same(again, generate(project))
    assert again.pages != first.pages
    assert 0 < memo.rendered_pages < len(again.pages) / 2, f"rendered {memo.rendered_pages} of {len(again.pages)} pages"
    assert any("كما قال" in md for path, md in again.pages.items() if path.startswith("people/satya-nadella")), "the new mention, in its sentence"


def test_a_mention_added_then_removed_comes_and_goes_on_the_entity_page(project: Path) -> None:
    memo = Memo()
    generate(project, memo=memo)
    seed = project / MURATI
    original = seed.read_text(encoding="utf-8")
    seed.write_text(original + "\nوقال جنسن هوانغ إن الشركة تعمل مع مايكروسوفت.\n", encoding="utf-8")
    added = generate(project, memo=memo)
    same(added, generate(project))
    seed.write_text(original, encoding="utf-8")
    removed = generate(project, memo=memo)
    same(removed, generate(project))
    assert memo.rendered_pages < len(removed.pages) / 2


def test_an_edit_that_moves_citations_renders_everything_the_same_way(project: Path) -> None:
    memo = Memo()
    generate(project, memo=memo)
    seed = project / ALTMAN
    lines = seed.read_text(encoding="utf-8").split("\n")
    seed.write_text("\n".join([lines[0], "فقرة جديدة يضيفها الاختبار في أول المقال.", *lines[1:]]), encoding="utf-8")
    again = generate(project, memo=memo)
    same(again, generate(project))
    assert memo.rendered_pages == len(again.pages), "the paragraphs after it were renumbered: every citation may move"


def test_a_knowledge_base_edit_and_the_url_style_render_everything(project: Path) -> None:
    memo = Memo()
    generate(project, memo=memo)
    people = project / "seeds/people.yml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    same(generate(project, memo=memo), generate(project))
    files = generate(project, directory_urls=False, memo=memo)
    same(files, generate(project, directory_urls=False))
    assert memo.rendered_pages == len(files.pages)


def test_nothing_changed_renders_only_the_pages_about_the_whole_dossier(project: Path) -> None:
    memo = Memo()
    first = generate(project, memo=memo)
    again = generate(project, memo=memo)
    same(again, first)
    assert memo.rendered_pages < 15, memo.rendered_pages


def test_the_work_done_on_the_second_core_is_the_same(project: Path) -> None:
    """Links and look-alikes (half the articles), the editor's report and the export: as in one process."""
    (project / MURATI).write_text((project / MURATI).read_text(encoding="utf-8") + "\nوقال جون دوفريني إن الأمر انتهى.\n", encoding="utf-8")
    alone, beside = generate(project), generate(project, parallel=True)
    assert any("جون دوفريني" in p.message for p in alone.report.notes), "the test needs a note to compare"
    assert [str(p) for p in beside.report.notes] == [str(p) for p in alone.report.notes]
    assert [str(p) for p in beside.report.told] == [str(p) for p in alone.report.told]
    assert beside.pages == alone.pages and beside.files == alone.files
    assert list(beside.pages) == list(alone.pages) and list(beside.files) == list(alone.files), "in the same order"
    assert beside.index.mentions == alone.index.mentions and len(alone.index.mentions) > 100
    assert beside.index.ambiguous == alone.index.ambiguous


def test_a_build_without_the_report_has_the_same_pages_and_files(project: Path) -> None:
    """`mkdocs build` leaves the editor's report out (and renders the entity pages on the second core instead):
    every page and file as with the report, in the same order; no notes; the rules' record (dropped text) kept."""
    (project / MURATI).write_text((project / MURATI).read_text(encoding="utf-8") + "\nوقال جون دوفريني إن الأمر انتهى.\n", encoding="utf-8")
    whole, built = generate(project), generate(project, parallel=True, report=False)
    assert any("جون دوفريني" in p.message for p in whole.report.notes), "the test needs a note that is left out"
    assert list(built.pages.items()) == list(whole.pages.items())
    assert list(built.files.items()) == list(whole.files.items())
    assert built.report.notes == [] and generate(project, report=False).report.notes == []
    kinds = {t.kind for t in whole.report.told}
    assert {DROPPED, SILENCED} <= kinds, "the test needs both kinds of what a rule did"
    assert built.report.told == [t for t in whole.report.told if t.kind == DROPPED], "dropped text still told; silenced names are the report's"


def test_the_export_of_a_build_is_made_file_by_file_when_read() -> None:
    """`mkdocs build` names the export's files at once and makes each where it is written (export.Later)."""
    from generator.export import Later

    made: list[str] = []
    later = Later({"dossier.json": lambda: made.append("whole") or "{}", "export/x.json": lambda: made.append("x") or "[]"})
    assert list(later) == ["dossier.json", "export/x.json"] and len(later) == 2 and made == []
    assert later["export/x.json"] == "[]" and later["export/x.json"] == "[]" and made == ["x"], "made once, when read"
    assert dict(later) == {"dossier.json": "{}", "export/x.json": "[]"} and made == ["x", "whole"]


def test_unchanged_seeds_are_not_parsed_again(project: Path) -> None:
    memo = Memo()
    first = generate(project, memo=memo)
    (project / MURATI).write_text((project / MURATI).read_text(encoding="utf-8") + "\nوقال متحدث إن الأمر انتهى.\n", encoding="utf-8")
    again = generate(project, memo=memo)
    parsed = [a.id for a in again.index.articles if not any(a is b for b in first.index.articles)]
    assert parsed == [a.id for a in again.index.articles if "وقال متحدث إن الأمر انتهى" in a.text], "only the edited seed is parsed again"
    same(again, generate(project))


def test_a_page_written_by_both_processes_is_a_collision_named_as_in_one_process() -> None:
    from generator.build import _merged
    from generator.render.pages import PageCollision

    with pytest.raises(PageCollision, match=r"docs/people/x\.md \(from the entity renderer and another one\)"):
        _merged({"people/x.md": "a", "z.md": "c"}, {"people/x.md": "b"}, ("entity",))
    assert list(_merged({"z.md": "c"}, {"a.md": "b"}, ("entity",))) == ["a.md", "z.md"]
