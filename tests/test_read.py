"""The reader on the real seeds (golden files) and on everything an editor may get wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import generate
from generator.errors import InputError, Report
from generator.model import Kind
from generator.read import read_articles
from tests.conftest import ROOT, copy_project
from tests.golden import GOLDEN, structure


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.glob("*.json")))
def test_structure_matches_golden(name: str) -> None:
    assert structure()[name] == (GOLDEN / name).read_text(encoding="utf-8"), "run `make golden` and review the diff"


def test_every_seed_has_a_golden_file() -> None:
    assert sorted(structure()) == sorted(p.name for p in GOLDEN.glob("*.json"))


def articles(root: Path = ROOT):
    report = Report()
    return {a.meta.file[:3]: a for a in read_articles(root, report)}, report


def test_the_structures_the_seeds_really_have() -> None:
    arts, _ = articles()
    faq = [b for b in arts["000"].numbered if b.section == "الأسئلة الشائعة"]
    assert [b.kind for b in faq] == [Kind.ANSWER] * 4, "the FAQ's questions were lost: four answers remain"
    assert [b.kind for b in arts["000"].blocks if b.kind is Kind.ITEM] == [Kind.ITEM] * 3
    assert arts["001"].byline == "فريق التحرير" and arts["001"].reading_minutes == 3 and arts["001"].reading_stated
    assert arts["002"].title.startswith("ميتا تغري"), "the breadcrumb line is not the title"
    assert arts["003"].blocks[1].kind is Kind.QUOTE
    assert arts["004"].blocks[4].kind is Kind.QUOTE, "Murati's memo is a quotation (seeds/articles.yml override)"
    headings = [b.text for b in arts["002"].blocks if b.kind is Kind.HEADING]
    assert "تحسين نظام المكافآت لوقف تسرب الكفاءات" in headings and len(headings) == 7


def test_every_line_is_accounted_for() -> None:
    """Title, body, header or declared boilerplate: no line of a seed vanishes."""
    arts, _ = articles()
    for art in arts.values():
        text = (ROOT / art.path).read_text(encoding="utf-8")
        placed = {art.title_line} | {b.line for b in art.blocks} | {d.line for d in art.dropped}
        header = {n for n, t in enumerate(text.split("\n"), 1) if t.strip() in (art.byline, f"وقت القراءة {art.reading_minutes} دقيقة")}
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                assert n in placed | header, f"{art.path}:{n} is neither shown nor declared dropped: {line!r}"


def test_paragraph_anchors_survive_an_edit_elsewhere(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    seed = project / "seeds/articles/003_ac6010717a169fa7.txt"
    before = {b.text: b.anchor for b in articles(project)[0]["003"].numbered}
    lines = seed.read_text(encoding="utf-8").split("\n")
    lines[4] = lines[4].replace("تعليقاً محيراً", "تعليقاً محيراً جداً")  # paragraph 3 changes
    seed.write_text("\n".join(lines), encoding="utf-8")
    after = {b.text: b.anchor for b in articles(project)[0]["003"].numbered}
    unchanged = set(before) & set(after)
    assert len(unchanged) == len(before) - 1
    assert all(before[t] == after[t] for t in unchanged)


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    seed = project / "seeds/articles/001_ade957fd3a304f06.txt"
    seed.write_bytes(b"\xef\xbb\xbf" + seed.read_bytes().replace(b"\n", b"\r\n"))
    plain, _ = articles()
    bom, report = articles(project)
    assert not report.errors
    assert [(b.kind, b.text) for b in bom["001"].blocks] == [(b.kind, b.text) for b in plain["001"].blocks]
    assert bom["001"].title == plain["001"].title


def test_bad_inputs_are_all_reported_at_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    arts = project / "seeds/articles"
    (arts / "900_cp1256.txt").write_bytes("عنوان\nنص المقال.".encode("cp1256"))
    (arts / "901_empty.txt").write_bytes(b"")
    (arts / "902_blank.txt").write_bytes(b"  \n\r\n")
    (arts / "903_utf16.txt").write_bytes("عنوان\nنص.".encode("utf-16"))
    meta = project / "seeds/articles.yml"
    meta.write_text(
        meta.read_text(encoding="utf-8")
        + '\n- file: 901_empty.txt\n  id: Bad_Id\n  datee: "2024"\n'
        + "\n- file: missing.txt\n  id: x\n"
        + '\n- file: 902_blank.txt\n  id: blank\n  date: "2024-13"\n  date_basis: stated\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        generate(project)
    text = str(caught.value)
    assert "seeds/articles/900_cp1256.txt:1: not UTF-8" in text and "iconv -f WINDOWS-1256" in text
    assert "seeds/articles/901_empty.txt: the article is empty" in text
    assert "seeds/articles/902_blank.txt: the article is empty" in text
    assert "unknown field 'datee' (fix: did you mean 'date'?)" in text
    assert "id 'Bad_Id' is not lowercase ASCII kebab-case" in text
    assert "no seed file 'missing.txt'" in text
    assert "date '2024-13' has no month 13 (months are 01 to 12)" in text
    assert "seeds/articles/903_utf16.txt:1: saved as UTF-16, not UTF-8" in text
    assert text.startswith("8 problems in the seeds:")


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds/articles.yml").write_text("- file: a.txt\n  id: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        generate(project)
    assert "seeds/articles.yml:3:1: invalid YAML" in str(caught.value)


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ("\tlatin: Sam Altman", "replace the tab with spaces: YAML indents with spaces only"),
        ('  latin: "Sam "the CEO" Altman"', 'the value in "…" holds a " of its own: put the value in \'…\' instead, or use «» inside it'),
        ("   latin: Sam Altman", "check the indentation on that line (a key lines up with the other keys of its record), and quote a value that holds ': '"),
    ],
    ids=["tab", "quotes", "indentation"],
)
def test_a_yaml_syntax_error_gets_the_fix_for_its_cause(tmp_path: Path, line: str, fix: str) -> None:
    """PyYAML says «found character '\\t' that cannot start any token» or «expected <block end>, but found '<scalar>'»:
    the fix says what the editor wrote wrong."""
    project = copy_project(tmp_path)
    people = project / "seeds/people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("\n  latin: Sam Altman\n", f"\n{line}\n", 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        generate(project)
    first = str(caught.value).splitlines()[1]
    assert "seeds/people.yml:19:" in first and first.endswith(f"(fix: {fix})"), first


def test_a_new_article_without_metadata_still_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds/articles/777_new.txt").write_text("خبر جديد\nقال سام ألتمان شيئًا جديدًا اليوم.\n", encoding="utf-8")
    dossier = generate(project)
    assert "articles/777-new.md" in dossier.pages
    assert "بلا تاريخ" in dossier.pages["articles/index.md"]
