"""Every kind of knowledge-base error, reported all at once, with file:line and a fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import generate
from generator.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
A3 = "altman-firing-revolt-return-2023"


def project(tmp_path: Path, people: str = "", orgs: str = "", events: str = "", annotations: str = "") -> Path:
    """The real articles with a small KB written by the test."""
    (tmp_path / "seeds").mkdir()
    shutil.copytree(ROOT / "seeds" / "articles", tmp_path / "seeds" / "articles")
    for name in ("articles.yml", "boilerplate.yml"):
        shutil.copy(ROOT / "seeds" / name, tmp_path / "seeds" / name)
    for name, text in (("people", people), ("organisations", orgs), ("events", events), ("annotations", annotations)):
        if text:  # an absent file holds no records; an empty one is an error (a lost file)
            (tmp_path / "seeds" / f"{name}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def problems(root: Path) -> list[str]:
    with pytest.raises(InputError) as exc:
        generate(root)
    return [str(p) for p in exc.value.problems]


ORG = """\
- id: openai
  name: OpenAI
  kind: company
"""


def test_a_valid_small_kb_builds(tmp_path: Path) -> None:
    people = f"""\
- id: sam-altman
  name: سام ألتمان
  short: [ألتمان]
  roles:
    - org: openai
      title: الرئيس التنفيذي
      source: {{article: {A3}, quote: "سام ألتمان، الرئيس التنفيذي لشركة OpenAI"}}
"""
    dossier = generate(project(tmp_path, people, ORG))
    role = dossier.index.entity("sam-altman").roles[0]
    assert (role.source.block, role.source.anchor, role.source.start) == (1, "p-1", 12)


def test_unknown_ids_say_did_you_mean(tmp_path: Path) -> None:
    people = f"""\
- id: sam-altman
  name: سام ألتمان
  roles:
    - org: opnai
      title: الرئيس التنفيذي
      source: {{article: {A3}, quote: "سام ألتمان، الرئيس التنفيذي لشركة OpenAI"}}
"""
    events = """\
- id: fired
  title: إقالة
  date: "2023-11-17"
  date_basis: stated
  participants:
    - {entity: sam-altmann, part: المقال}
  sources:
    - {article: altman-firing-revolt-return, quote: "أعلن مجلس إدارة OpenAI"}
"""
    assert problems(project(tmp_path, people, ORG, events)) == [
        "seeds/events.yml:6: unknown participant of 'fired': 'sam-altmann' (fix: did you mean 'sam-altman'?)",
        f"seeds/events.yml:8: unknown article 'altman-firing-revolt-return' in the source of event 'fired' (fix: did you mean '{A3}'?)",
        "seeds/people.yml:4: unknown organisation in a role of 'sam-altman': 'opnai' (fix: did you mean 'openai'?)",
    ]


def test_a_short_form_that_is_another_full_name_is_told_at_its_line(tmp_path: Path) -> None:
    """At the `short:` line that holds it, and the other entity's at its `name:` line: a record can be long."""
    people = """\
- id: sam-altman
  latin: Sam Altman
  name: سام ألتمان
- id: jack-altman
  name: جاك ألتمان
  latin: Jack Altman
  short: [ألتمان, سام ألتمان]
"""
    assert problems(project(tmp_path, people, "")) == [
        "seeds/people.yml:7: the short form «سام ألتمان» of 'jack-altman' is a full name of 'sam-altman' (seeds/people.yml:3) "
        "(fix: remove the short form, or the other entity's name)",
    ]


def test_duplicate_ids_alias_claimed_twice_and_slug_collision(tmp_path: Path) -> None:
    people = """\
- id: sam-altman
  name: سام ألتمان
- id: altman
  name: ألتمان
  aliases: [سام ألتمان]
- id: Sam_Altman
  name: سام
"""
    orgs = """\
- id: sam-altman
  name: OpenAI
  kind: company
- id: index
  name: Index
  kind: company
"""
    assert problems(project(tmp_path, people, orgs)) == [
        "seeds/organisations.yml:1: duplicate id 'sam-altman' (first at seeds/people.yml:1) (fix: ids are one namespace across the four files; rename one)",
        "seeds/organisations.yml:4: id 'index' gives the same page path as 'the index page' (fix: rename one of the two)",
        "seeds/people.yml:5: the name «سام ألتمان» of 'altman' is also a name of 'sam-altman' (seeds/people.yml:2) "
        "(fix: keep the name on one entity, or make it a short form of both)",
        "seeds/people.yml:6: id 'Sam_Altman' gives the same page path as 'sam-altman' (fix: rename one of the two)",
        "seeds/people.yml:6: id 'Sam_Altman' is not lowercase ASCII kebab-case "
        "(fix: use letters, digits and hyphens, e.g. sam-altman ('sam-altman' is another record's id))",
    ]


def test_missing_and_unknown_fields(tmp_path: Path) -> None:
    people = """\
- id: sam-altman
  latin: Sam Altman
  nmae: سام ألتمان
- id: mira-murati
  latin: Mira Murati
"""
    orgs = """\
- id: openai
  name: OpenAI
  kind: compnay
"""
    # A misspelt required field is one error, at its line, with the fix; a field that is not there is "missing".
    assert problems(project(tmp_path, people, orgs)) == [
        "seeds/organisations.yml:3: kind 'compnay' of 'openai' is not one of company, board, team, outlet, product, "
        "platform, concept, institution, government (fix: did you mean 'company'?)",
        "seeds/people.yml:3: unknown field 'nmae' in the record 'sam-altman' (fix: did you mean 'name'?)",
        "seeds/people.yml:4: missing required field 'name' in the record 'mira-murati' (fix: add 'name: ...')",
    ]


def test_dates_and_resolved_dates(tmp_path: Path) -> None:
    events = f"""\
- id: fired
  title: إقالة
  date: "17-11-2023"
  date_basis: stated
  sources:
    - {{article: {A3}, quote: "أعلن مجلس إدارة OpenAI"}}
- id: stage
  title: على المنصة
  date: "2023-11-16"
  date_basis: resolved
  sources:
    - {{article: {A3}, quote: "المنصة في سان فرانسيسكو"}}
"""
    assert problems(project(tmp_path, "", ORG, events)) == [
        'seeds/events.yml:3: date \'17-11-2023\' is not written YYYY, YYYY-MM or YYYY-MM-DD (fix: write a real date, e.g. "2023-11-17", "2023-11" or "2023")',
        "seeds/events.yml:10: event 'stage' has a resolved date but no resolution "
        "(fix: name the resolved-date annotation that explains it: resolution: <annotation id>)",
    ]


def test_quote_not_found_names_the_closest_passage(tmp_path: Path) -> None:
    # The editor typed الشركه and dropped a hamza; the article has «الرئيس التنفيذي لشركة OpenAI».
    people = f"""\
- id: sam-altman
  name: سام ألتمان
  claims:
    - text: رئيس تنفيذي
      source: {{article: {A3}, quote: "سام التمان، الرئيس التنفيذي لشركة OpenAI"}}
"""
    assert problems(project(tmp_path, people, ORG)) == [
        "seeds/people.yml:5: quote of a claim of 'sam-altman' not found in seeds/articles/003_ac6010717a169fa7.txt; "
        "closest at seeds/articles/003_ac6010717a169fa7.txt:3: «سام ألتمان، الرئيس التنفيذي لشركة OpenAI،» "
        "(fix: the same text up to hamza, alef, diacritics or spacing: copy the exact characters: the quote has «التمان،» where the article has «ألتمان،» "
        "(U+0627 ARABIC LETTER ALEF / U+0623 ARABIC LETTER ALEF WITH HAMZA ABOVE))",
    ]


@pytest.mark.parametrize(
    ("quote", "fix"),
    [
        # A Latin comma looks like «،» in a message: the two are named.
        ("سام ألتمان, الرئيس التنفيذي", "the quote has «ألتمان,» where the article has «ألتمان،» (U+002C COMMA / U+060C ARABIC COMMA)"),
        (
            "سام ألتمان،\u00a0الرئيس التنفيذي",
            "the quote has «ألتمان،\u00a0الرئيس» where the article has «ألتمان، الرئيس» (U+00A0 NO-BREAK SPACE / U+0020 SPACE)",
        ),
        (
            "سام ألتمان، الرءيس التنفيذي",
            "the quote has «الرءيس» where the article has «الرئيس» (U+0621 ARABIC LETTER HAMZA / U+0626 ARABIC LETTER YEH WITH HAMZA ABOVE)",
        ),
    ],
    ids=["comma", "no-break space", "hamza seat"],
)
def test_quote_not_found_says_where_it_parts_from_the_closest_passage(tmp_path: Path, quote: str, fix: str) -> None:
    """The closest passage alone left the editor to spot one letter in forty, or a character that looks the same."""
    people = f"""\
- id: sam-altman
  name: سام ألتمان
  claims:
    - text: رئيس تنفيذي
      source: {{article: {A3}, quote: "{quote}"}}
"""
    (found,) = problems(project(tmp_path, people, ORG))
    assert found.endswith(f"{fix})"), found


def test_a_quote_from_another_article_names_that_article(tmp_path: Path) -> None:
    """The quote is word for word in another article: the likelier mistake is the id, not the text."""
    people = """\
- id: sam-altman
  name: سام ألتمان
  claims:
    - text: رئيس تنفيذي
      source: {article: murati-departs-openai-2024, quote: "سام ألتمان، الرئيس التنفيذي لشركة OpenAI"}
"""
    assert problems(project(tmp_path, people, ORG)) == [
        "seeds/people.yml:5: quote of a claim of 'sam-altman' not found in seeds/articles/004_746f9e8682ba0950.txt "
        f"(fix: {A3} has it word for word: did you mean article: {A3}?)"
    ]


def test_quote_spanning_two_paragraphs_or_in_boilerplate(tmp_path: Path) -> None:
    # Lines 3 and 4 of 003 are paragraphs 1 and 2; the breadcrumb of 000 is dropped boilerplate.
    annotations = f"""\
- id: span
  article: {A3}
  quote: "في عالم الذكاء الاصطناعي. “أربع مرات الآن"
  kind: context
  note: عبر فقرتين
- id: crumb
  article: meta-poaches-openai-researchers
  quote: "اكتشاف المزيد من"
  kind: context
  note: في الحشو
"""
    out = problems(project(tmp_path, "", ORG, "", annotations))
    assert out[0] == (
        "seeds/annotations.yml:3: quote of annotation 'span' spans two paragraphs of "
        "seeds/articles/003_ac6010717a169fa7.txt (fix: quote one paragraph only; cite the other one as a second source)"
    )
    assert out[1].startswith("seeds/annotations.yml:8: quote of annotation 'crumb' ")
    assert len(out) == 2


def test_every_problem_of_every_file_in_one_run(tmp_path: Path) -> None:
    people = "- id: a\n  name: أ\n  roles: [{org: nope, title: t, source: {article: x, quote: q}}]\n"
    events = '- id: e\n  title: t\n  date: "2023-13"\n  date_basis: maybe\n  sources: [{article: y, quote: q}]\n'
    out = problems(project(tmp_path, people, ORG, events))
    assert [p.split(" ")[0] for p in out] == ["seeds/events.yml:3:", "seeds/events.yml:4:", "seeds/events.yml:5:", "seeds/people.yml:3:", "seeds/people.yml:3:"]
    assert "unknown organisation in a role of 'a': 'nope'" in out[3] + out[4]
    assert "unknown article 'x' in the source of a role of 'a'" in out[3] + out[4]
