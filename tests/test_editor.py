"""The editor's report: it reaches zero on the seeds, finds new people, and links new spellings of known ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.editor_recall import measure
from generator.build import generate
from generator.editor import LOOKALIKE, UNKNOWN, grouped, summary
from generator.link.lookalike import skeleton
from tests.conftest import ROOT, copy_project

NEW = "900_new.txt"
# A never-seen article, as an editor would add one: a new spelling of a known person's first name
# (غريغ for جريج), a person after a title and an organisation, founders in a bulleted list, Latin
# names, and ordinary words after a conjunction or a preposition that are nobody.
NEW_ARTICLE = """شركة ناشئة جديدة تجمع باحثين سابقين من OpenAI
فريق التحرير

أعلن غريغ بروكمان، رئيس OpenAI، أن الشركة ستدعم مشروعًا بحثيًا جديدًا تقوده مجموعة من الباحثين السابقين.

وقال الرئيس التنفيذي لشركة Contoso جون دو إن المشروع سيبدأ العام المقبل، وبعد ذلك سيتوسع في البداية إلى أوروبا.

وضمت قائمة المؤسسين:
- ليلى حداد: باحثة في تعلم الآلة.
- كريم منصور: مهندس برمجيات.

وبحسب ما نقلته وكالة رويترز، فإن التمويل جاء من صندوق Horizon Ventures.

وأضاف بروكمان أن الفريق سيعمل من سان فرانسيسكو في البداية.
"""


def test_the_report_reaches_zero_notes_on_the_seeds() -> None:
    report = generate(ROOT).report
    assert [str(n) for n in report.notes] == []
    assert summary(report).startswith("0 errors, 0 notes (")
    # What the rules did is still listed: every dropped text and every silenced name, with its reason.
    text = grouped(report)
    assert "«Switch» is not reported: a mistake of the article for Twitch" in text
    assert "dropped as boilerplate [site-suffix]: «| OpenAI»" in text


def test_without_the_curated_list_the_names_come_back(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "seeds/not-entities.yml").unlink()
    notes = [n.message for n in generate(project).report.notes]
    assert any("«Switch» (Latin name, paragraph 11)" in n for n in notes)
    assert any("«TPU» (Latin name, paragraph 17)" in n for n in notes)
    assert any("'us-treasury'" in n and "never mentioned" in n for n in notes)
    assert len(notes) == 3


def test_a_curated_entry_needs_a_reason_and_an_existing_note(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "seeds/not-entities.yml").write_text("- name: Switch\n- name: TPU\n  reason: a chip\n  note: no-such-note\n", encoding="utf-8")
    from generator.errors import InputError

    with pytest.raises(InputError) as err:
        generate(project)
    assert "seeds/not-entities.yml:1: an entry needs a name and a reason" in str(err.value)
    assert "seeds/not-entities.yml:4: no annotation 'no-such-note'" in str(err.value)


@pytest.fixture(scope="module")
def new_article(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    project = copy_project(tmp_path_factory.mktemp("new") / "p")
    (project / "seeds/articles" / NEW).write_text(NEW_ARTICLE, encoding="utf-8")
    return generate(project)


def test_a_new_transliteration_of_a_known_first_name_is_linked_and_reported(new_article) -> None:  # type: ignore[no-untyped-def]
    new_id = next(a.id for a in new_article.index.articles if a.path.endswith(NEW))
    linked = [(m.entity, m.block, m.short) for m in new_article.index.mentions if m.article == new_id and m.entity == "greg-brockman"]
    # The new spelling is linked, and so is the surname alone later on (a short form after a full name).
    assert linked == [("greg-brockman", 1, False), ("greg-brockman", 7, True)]
    assert '<a href="../../people/greg-brockman/" title="جريج بروكمان (Greg Brockman)">غريغ بروكمان</a>' in new_article.pages[f"articles/{new_id}.md"]
    notes = [n for n in new_article.report.notes if n.kind == LOOKALIKE]
    expected = "«غريغ بروكمان» taken as «جريج بروكمان» ('greg-brockman') and linked: a new spelling of the first name"
    assert [n.message.split(" (paragraph")[0] for n in notes] == [expected]
    assert "add «غريغ بروكمان» to the aliases of 'greg-brockman' in seeds/people.yml" in notes[0].fix


def test_every_new_name_is_listed_and_nothing_else(new_article) -> None:  # type: ignore[no-untyped-def]
    unknown = [n.message.split("»")[0].split("«")[1] for n in new_article.report.notes if n.kind == UNKNOWN]
    assert unknown == ["Contoso", "جون دو", "ليلى حداد", "كريم منصور", "Horizon Ventures"]


def test_the_report_is_grouped_by_article_then_kind(new_article) -> None:  # type: ignore[no-untyped-def]
    text = grouped(new_article.report)
    block = text.split(f"seeds/articles/{NEW}\n", 1)[1]
    assert block.index(f"  {LOOKALIKE}:") < block.index(f"  {UNKNOWN}:")
    assert summary(new_article.report).startswith("0 errors, 6 notes")


def test_transliterations_share_a_skeleton() -> None:
    assert skeleton("غريغ") == skeleton("جريج") == skeleton("جريغ")
    assert skeleton("إليا") == skeleton("إيليا")
    assert skeleton("ميرة") == skeleton("ميرا")
    assert skeleton("جريج") != skeleton("جون")


def test_recall_and_false_alarms_on_the_seeds_with_people_removed() -> None:
    # benchmarks/editor_recall.py: known people (then organisations) removed from the KB, the report
    # must still list them; the numbers at the time of writing are 37/38 and 6 (4 after the curated list).
    hit, total, _, false, _, silenced = measure(people=True)
    assert hit / total >= 0.9 and len(false) - silenced <= 4
    hit, total, _, false, _, silenced = measure(people=False)
    assert hit / total >= 0.8 and len(false) - silenced == 0


def test_a_look_alike_is_only_proposed_when_two_people_share_the_surname(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "seeds/articles" / NEW).write_text(NEW_ARTICLE, encoding="utf-8")
    with (project / "seeds/people.yml").open("a", encoding="utf-8") as f:
        f.write("\n- id: mario-brockman\n  name: ماريو بروكمان\n")
    dossier = generate(project)
    new_id = next(a.id for a in dossier.index.articles if a.path.endswith(NEW))
    assert not [m for m in dossier.index.mentions if m.article == new_id and m.entity == "greg-brockman"]
    notes = [n.message for n in dossier.report.notes if n.kind == LOOKALIKE]
    assert notes == ["«غريغ بروكمان» looks like a known person (greg-brockman), not linked: the surname is not unique (paragraph 1)"]


def test_a_family_name_with_al_before_an_apposition_is_reported(tmp_path: Path) -> None:
    """«سلمى الحداد، المتحدثة باسم OpenAI» was never reported: a word with «ال» could not be part of a name. It may
    be the last word before an apposition, unless the articles also write its stem alone (a common noun)."""
    project = copy_project(tmp_path)
    (project / "seeds/articles" / NEW).write_text(
        "تعليقات من داخل OpenAI\n"
        "وقالت سلمى الحداد، المتحدثة باسم OpenAI، إن الشركة ستواصل عملها.\n"
        "وأضافت نورة العتيبي، الباحثة في OpenAI، أن الفريق يعمل كالمعتاد.\n"
        "وقالت شركة أخرى إن الأمر لا يعنيها، وتسعى الشركة، المتحدثة باسم نفسها، إلى الهدوء.\n",
        encoding="utf-8",
    )
    unknown = [n.message.split("»")[0].split("«")[1] for n in generate(project).report.notes if n.kind == UNKNOWN and NEW in n.path]
    assert "سلمى الحداد" in unknown and "نورة العتيبي" in unknown, unknown
    assert not [name for name in unknown if "الشركة" in name], unknown
