"""Bad input never loses, buries or lets markup through: each case with its exact message, the real cause first."""

from __future__ import annotations

import html.parser
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import generate
from generator.errors import InputError
from generator.render.html import text
from tests.conftest import ROOT, copy_project, mkdocs_build

PEOPLE = "seeds/people.yml"


def problems(root: Path, **how: bool) -> list[str]:
    with pytest.raises(InputError) as caught:
        generate(root, **how)
    return [str(p) for p in caught.value.problems]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# --- YAML values are text, everywhere ------------------------------------------------------


class Attributes(html.parser.HTMLParser):
    """Every attribute name of every element of a page: where injected handlers would show."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.update(name for name, _ in attrs)
        self.values += [value for _, value in attrs if value]


@pytest.mark.slow
def test_script_in_an_alias_and_in_a_date_note_stays_text(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    edit(project / PEOPLE, "  latin: Sam Altman\n", '  latin: Sam Altman\n  aliases: ["اسم<img src=x onerror=alert(1)>"]\n')
    edit(project / "seeds/articles.yml", "فالمقال من نوفمبر 2023.", """فالمقال من نوفمبر 2023. [هنا](http://x "t" onmouseover=alert(1)) <b onclick=alert(2)>""")
    dossier = generate(project)
    page = dossier.pages["people/sam-altman.md"]
    assert "<img" not in page and text("اسم<img src=x onerror=alert(1)>") in page
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for path in ("articles/openai-staff-threaten-microsoft-2023/index.html", "articles/index.html", "people/sam-altman/index.html"):
        parser = Attributes()
        parser.feed((tmp_path / "site" / path).read_text(encoding="utf-8"))
        assert not {"onmouseover", "onclick", "onerror"} & parser.names, path
    # Material's index is configuration only; the dossier's keeps the alias as text, which the
    # search worker escapes in every result (tests/test_search_worker.py::test_page_text_is_never_markup).
    assert json.loads((tmp_path / "site/search/search_index.json").read_text(encoding="utf-8"))["docs"] == []
    docs = [p.read_text(encoding="utf-8") for p in (tmp_path / "site/search/d").glob("*.js")]
    sam = next(d for d in docs if '"l":"people/sam-altman/"' in d)
    assert "اسم<img src=x onerror=alert(1)>" in sam
    parser = Attributes()
    parser.feed((tmp_path / "site/articles/openai-staff-threaten-microsoft-2023/index.html").read_text(encoding="utf-8"))
    tooltip = """فالمقال من نوفمبر 2023. [هنا](http://x "t" onmouseover=alert(1)) <b onclick=alert(2)>"""
    assert any(v.endswith(tooltip) for v in parser.values), "the note is there, as the tooltip's text"


def test_a_list_where_text_belongs_and_an_impossible_date(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project / PEOPLE, "  name: سام ألتمان\n", "  name: [سام, ألتمان]\n")
    edit(project / "seeds/events.yml", 'date: "2015"', 'date: "2023-02-30"')
    assert problems(project) == [
        'seeds/events.yml:18: date \'2023-02-30\' has no day 30: February 2023 has 28 days (fix: write a real date, e.g. "2023-11-17", "2023-11" or "2023")',
        "seeds/people.yml:18: 'name' must be text, not a list (fix: write name: \"…\" as one line of text)",
    ]


def test_ids_that_would_replace_a_generated_page_or_are_not_ascii(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    arts = project / "seeds/articles"
    (arts / "index.txt").write_text("عنوان\nنص المقال هنا.\n", encoding="utf-8")
    (arts / "مقال جديد (نسخة).txt").write_text("عنوان\nنص المقال هنا.\n", encoding="utf-8")
    edit(project / "seeds/articles.yml", "  id: openai-research-exodus-2025\n", "  id: index\n")
    found = [p for p in problems(project) if "index" in p or "ASCII" in p]
    assert found == [
        "seeds/articles.yml:15: article id 'index' would replace the generated articles index (fix: choose another id)",
        "seeds/articles/index.txt: article id 'index' would replace the generated articles index (fix: choose another id)",
        "seeds/articles/مقال جديد (نسخة).txt: the file name is not ASCII, so it gives the article no id (its URL) "
        "(fix: add an entry to seeds/articles.yml: '- file: مقال جديد (نسخة).txt' with 'id: some-ascii-id', or rename the file in ASCII)",
    ]


# --- the real cause first, and no cascade ----------------------------------------------------


def test_a_file_that_does_not_parse_is_the_first_problem_and_causes_no_false_errors(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project / PEOPLE, "\n  latin: Sam Altman\n", "\n   latin: Sam Altman\n")  # one wrong indentation
    edit(project / "seeds/events.yml", 'date: "2015"', 'date: "2015-13"')  # an unrelated real error elsewhere
    found = problems(project)
    assert found[0] == (
        "seeds/people.yml:19:9: invalid YAML: mapping values are not allowed here "
        "(fix: check the indentation on that line (a key lines up with the other keys of its record), and quote a value that holds ': ')"
    )
    assert found[1:] == [
        "seeds/people.yml: references into seeds/people.yml not checked: the file cannot be read",
        'seeds/events.yml:18: date \'2015-13\' has no month 13 (months are 01 to 12) (fix: write a real date, e.g. "2023-11-17", "2023-11" or "2023")',
    ]
    assert problems(project, parallel=True, report=False) == found, "as mkdocs build finds them (the YAML parsed ahead)"


def test_a_key_written_twice_is_an_error_naming_both_lines(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project / PEOPLE, "  said:\n", "  claims: []\n  said:\n")  # a second `claims:` under sam-altman
    assert problems(project) == [
        "seeds/people.yml:55: key 'claims' written twice in one entry (first at line 34); the second would replace the first (fix: merge the two into one)"
    ]


def test_an_escaped_surrogate_is_an_error_with_its_line_not_a_crash_when_pages_are_written(tmp_path: Path) -> None:
    """YAML's "\\ud83d\\ude00" is two lone surrogates, not 😀: UTF-8 cannot hold them, so the build failed writing a page."""
    project = copy_project(tmp_path)
    edit(project / PEOPLE, "  name: سام ألتمان\n", '  name: "سام ألتمان \\ud83d\\ude00"\n')
    edit(project / PEOPLE, "short: [ألتمان, سام]", "short: [ألتمان, 'سام \\ud800']")  # single quotes: a backslash, not an escape
    problem = "an escape from \\ud800 to \\udfff is half of a UTF-16 pair, not a character: no page or file can hold it"
    fix = 'write the character itself, or escape it whole: "\\U0001F600" for 😀'
    assert problems(project) == [f"seeds/people.yml:18: {problem} (fix: {fix})"]
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 1 and "seeds/people.yml:18: an escape from" in built.stderr and "Traceback" not in built.stderr


def test_aliases_nested_a_billion_deep_are_read_once_each(tmp_path: Path) -> None:
    """YAML aliases can name one list from many places (nine levels of ten make 10⁹ values): the surrogate check,
    which walks the values when a file holds an escape, reads each list once and answers at once."""
    from generator.errors import Report
    from generator.yamlfile import load

    levels = "\n".join(f"  x{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10))
    bomb = f'- id: bomb\n  name: "قنبلة \\u0041"\n  x0: &a0 ["lol"]\n{levels}\n  claims: *a9\n'
    (tmp_path / "people.yml").write_text(bomb, encoding="utf-8")
    report = Report()
    data = load(tmp_path / "people.yml", "seeds/people.yml", report)
    assert isinstance(data, list) and data[0]["name"] == "قنبلة A" and report.errors == []


def test_a_second_entry_for_one_file_is_named_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    append(project / "seeds/articles.yml", "\n- file: 000_dc27bdc87947ed81.txt\n  id: another-id\n")
    assert problems(project) == [
        "seeds/articles.yml:54: a second entry for '000_dc27bdc87947ed81.txt' (first at line 14); it is ignored (fix: merge the two entries into one)"
    ]


# --- nothing is lost silently ------------------------------------------------------------------


def test_an_empty_kb_file_a_nested_article_and_an_override_past_the_end_are_reported(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds/events.yml").write_text("# emptied by accident\n", encoding="utf-8")
    (project / "seeds/annotations.yml").unlink()  # an absent file is allowed: no notes
    (project / "seeds/articles/2024").mkdir()
    (project / "seeds/articles/2024/010_new.txt").write_text("عنوان\nنص.\n", encoding="utf-8")
    edit(project / "seeds/articles.yml", "  blocks:\n", "  blocks:\n    400: quote\n")
    found = problems(project)
    assert (
        "seeds/articles.yml:51: blocks: 400 points past the end of seeds/articles/004_746f9e8682ba0950.txt (27 lines) (fix: give a line number of the file)"
        in found
    )
    assert "seeds/articles/2024: articles in a sub-folder are not read: 2024/010_new.txt (fix: move them into seeds/articles/ itself)" in found
    assert (
        "seeds/events.yml: the file is empty: every record it held would be lost (fix: restore its records (git checkout seeds/events.yml), or delete the file)"
        in found
    )


def test_a_binary_file_is_called_binary(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds/articles/050_photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert problems(project) == [
        "seeds/articles/050_photo.txt: this is a binary file (a PNG image), not text "
        "(fix: put the article's text in the file as plain UTF-8, or move the file out of seeds/articles/)"
    ]


def test_a_quote_that_is_a_number_and_a_shared_alias_quote_the_yaml(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project / "seeds/events.yml", 'quote: "تأسست OpenAI في عام 2015 بهدف تطوير"', "quote: 42")
    edit(project / PEOPLE, "  latin: Sam Altman\n", "  latin: Sam Altman\n  aliases: [جريـج بروكمان]\n")  # with a tatweel
    assert problems(project) == [
        "seeds/events.yml:23: 'quote' of event 'openai-founded' must be text copied from the article, not a number (fix: write quote: \"…\" in quotes)",
        "seeds/people.yml:67: the name «جريج بروكمان» of 'greg-brockman' is also a name of 'sam-altman' (seeds/people.yml:20, written «جريـج بروكمان» there) "
        "(fix: keep the name on one entity, or make it a short form of both)",
    ]


# --- never delete what we did not write ---------------------------------------------------------


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    )


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


@pytest.mark.parametrize("out", ["seeds", "docs", "generator", ".", "seeds/articles", "..", "foreign"])
def test_the_cli_refuses_every_folder_it_did_not_write(tmp_path: Path, out: str) -> None:
    project = copy_project(tmp_path / "p")
    (tmp_path / "p/foreign").mkdir()
    (tmp_path / "p/foreign/notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(tmp_path)
    result = cli("build", "--out", out, cwd=project)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith("error: refusing to write into ")
    assert snapshot(tmp_path) == before


def test_the_cli_rewrites_its_own_folder_and_only_changed_files(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    first = cli("build", "--out", "out", cwd=project)
    assert first.returncode == 0, first.stderr
    assert (project / "out/.dossier-output").is_file()
    (project / "out/stale.md").write_text("old", encoding="utf-8")
    second = cli("build", "--out", "out", cwd=project)
    assert second.returncode == 0, second.stderr
    assert "(1 files changed)" in second.stdout, "only the stale file went; unchanged pages were not rewritten"
    assert not (project / "out/stale.md").exists()


@pytest.mark.slow
@pytest.mark.parametrize("site_dir", ["seeds", "generator", "docs", ".", "seeds/articles"])
def test_mkdocs_refuses_a_site_dir_over_the_project_before_deleting_anything(tmp_path: Path, site_dir: str) -> None:
    project = copy_project(tmp_path / "p")
    before = snapshot(project)
    result = mkdocs_build(project, project / site_dir)
    assert result.returncode != 0
    # ours, or MkDocs' own refusal of a site_dir holding docs_dir: either way, before anything is deleted
    assert "refusing to build into" in result.stderr or "'docs_dir' should not be within the 'site_dir'" in result.stderr
    assert snapshot(project) == before


# --- determinism across processes --------------------------------------------------------------


def test_the_same_seeds_give_the_same_markdown_in_processes_with_other_hash_seeds(tmp_path: Path) -> None:
    outs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"md{seed}"
        result = subprocess.run(
            [sys.executable, "-m", "generator", "build", "--out", str(out)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": seed},
        )
        assert result.returncode == 0, result.stderr
        outs.append(snapshot(out))
    assert outs[0] == outs[1] and len(outs[0]) > 100


def test_the_export_is_the_same_in_another_process() -> None:
    code = "from pathlib import Path; from generator.build import generate; import sys; sys.stdout.write(generate(Path('.')).files['dossier.json'])"
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}).stdout
        for seed in ("7", "8")
    ]
    assert runs[0] == runs[1] and runs[0].startswith("{")


# --- mkdocs serve keeps answering while the seeds are broken ----------------------------------


def fetch(url: str, timeout: float = 5.0) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
        return str(response.read().decode("utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("flags", [("--dirty",), ()], ids=["dirty", "clean"])
def test_serve_shows_the_problems_and_reloads_once_the_seeds_are_fixed(tmp_path: Path, flags: tuple[str, ...]) -> None:
    """As `make serve` runs it (--dirty: the site folder is kept) and as `mkdocs serve` does (built afresh each time)."""
    import os
    import socket
    import time

    project = copy_project(tmp_path)
    people = project / PEOPLE
    good = people.read_text(encoding="utf-8")
    people.write_text(good.replace("\n  latin: Sam Altman\n", "\n   latin: Sam Altman\n"), encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *flags, "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/"

        def wait_for(text: str, path: str = "") -> str:
            deadline = time.monotonic() + 60
            page = ""
            while time.monotonic() < deadline:
                try:
                    page = fetch(url + path)
                    if text in page:
                        return page
                except OSError:
                    pass
                time.sleep(0.5)
            raise AssertionError(f"{text!r} never appeared at {url}{path}; last page: {page[:500]}")

        broken = wait_for("The seeds have problems")
        assert "seeds/people.yml:19" in broken and "invalid YAML" in broken
        wait_for("The seeds have problems", "people/")  # a generated page's URL answers too, with the list
        people.write_text(good, encoding="utf-8")
        wait_for("سام ألتمان", "people/sam-altman/")
        assert "The seeds have problems" not in fetch(url)
        # As make serve runs it (--dirty): an edited paragraph shows on its page.
        seed = project / "seeds/articles/003_ac6010717a169fa7.txt"
        seed.write_text(seed.read_text(encoding="utf-8").replace("تعليقاً محيراً", "تعليقاً محيراً جدا جدا"), encoding="utf-8")
        wait_for("تعليقاً محيراً جدا جدا", "articles/altman-firing-revolt-return-2023/")
        # Broken again while the editor looks at that article: it shows the problems (not a 404, not its old text
        # without a word), styled from the site's root, with the reload script; fixed, the article is back.
        people.write_text(good.replace("\n  latin: Sam Altman\n", "\n   latin: Sam Altman\n"), encoding="utf-8")
        shown = wait_for("The seeds have problems", "articles/altman-firing-revolt-return-2023/")
        assert '<base href="../../">' in shown and "livereload" in shown and "seeds/people.yml:19" in shown
        # Still broken, and broken elsewhere too: the article shows the new list.
        events = project / "seeds/events.yml"
        events_good = events.read_text(encoding="utf-8")
        events.write_text(events_good + "\n- id: [\n", encoding="utf-8")
        shown = wait_for("seeds/events.yml", "articles/altman-firing-revolt-return-2023/")
        assert "seeds/people.yml:19" in shown
        events.write_text(events_good, encoding="utf-8")
        people.write_text(good, encoding="utf-8")
        assert "The seeds have problems" not in wait_for("تعليقاً محيراً جدا جدا", "articles/altman-firing-revolt-return-2023/")
        # A hand-written page is still watched (by MkDocs' own observer, which the hook starts: hook.on_serve).
        about = project / "docs/about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nسطر أضيف للاختبار.\n", encoding="utf-8")
        wait_for("سطر أضيف للاختبار", "about/")
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_page_written_for_serve_changes_when_only_its_text_does() -> None:
    """`mkdocs serve --dirty` rebuilds a page when its file changes: the file must change with any paragraph."""
    from generator.site.fragments import restore, split

    page = '---\ntitle: "t"\n---\n\n# t\n\n<p id="p-1">أ</p>\n\n## h\n\n<ul>\n<li>ب</li>\n</ul>\n'
    edited = page.replace("أ", "أأ")
    skeleton, blocks = split(page, stamp=True)
    assert "<p" not in skeleton and "## h" in skeleton
    assert split(edited, stamp=True)[0] != skeleton, "an edited paragraph changes the stamped skeleton"
    assert split(edited)[0] == split(page)[0], "unstamped (mkdocs build), the skeleton holds headings only"
    converted = skeleton.replace("dossier-fragment-0", "<p>dossier-fragment-0</p>").replace("dossier-fragment-1", "<p>dossier-fragment-1</p>")
    assert '<p id="p-1">أ</p>' in restore(converted, blocks) and "<li>ب</li>" in restore(converted, blocks)


def test_a_block_with_markdown_inside_still_goes_through_markdown() -> None:
    from generator.site.fragments import split

    page = '# t\n\n<div class="x" markdown>\n[a](b.md){: .c }\n\nmore\n</div>\n\n<p>raw</p>\n'
    assert split(page) == (page, []), "md_in_html blocks need Markdown: such a page is passed whole"


def test_a_broken_events_file_does_not_make_every_arc_event_unknown(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    edit(project / "seeds/events.yml", "\n- id:", "\n  bad: : :\n- id:")
    found = problems(project)
    assert found[0].startswith("seeds/events.yml:") and "invalid YAML" in found[0]
    assert not [p for p in found if "unknown event" in p], found


def test_a_control_character_quoted_in_a_message_is_shown_as_a_code_not_sent_to_the_terminal() -> None:
    """A message quotes the seeds (the closest passage to a quote not found): an ESC there would clear the screen."""
    from generator.errors import Problem

    shown = str(Problem("seeds/annotations.yml", 4, "quote not found; closest: «نص\x1b[2J»", "copy the quote\x07 exactly"))
    assert shown == "seeds/annotations.yml:4: quote not found; closest: «نص⟦U+001B⟧[2J» (fix: copy the quote⟦U+0007⟧ exactly)"


def test_an_article_that_links_outside_the_articles_folder_is_not_read_or_published(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    outside = tmp_path / "secret.txt"
    outside.write_text("عنوان سري\nنص لا يخص الملف.\n", encoding="utf-8")
    (project / "seeds/articles/999_link.txt").symlink_to(outside)
    (project / "README.md").write_text("# readme\nproject text\n", encoding="utf-8")
    (project / "seeds/articles/997_readme.txt").symlink_to(project / "README.md")  # the project's own, not an article
    inside = project / "seeds/articles/000_dc27bdc87947ed81.txt"
    (project / "seeds/articles/998_same.txt").symlink_to(inside)  # a link to an article is an article like any
    found = problems(project)
    fix = "copy the article into seeds/articles/ itself"
    assert found[:2] == [
        f"seeds/articles/997_readme.txt: a link to {(project / 'README.md').resolve()}, outside seeds/articles/: not read (fix: {fix})",
        f"seeds/articles/999_link.txt: a link to {outside.resolve()}, outside seeds/articles/: not read (fix: {fix})",
    ]
    assert not any("999" in p or "997" in p for p in found[2:]), "the unread articles cause no further errors"


def test_a_quote_that_occurs_twice_is_an_error_and_causes_no_other(tmp_path: Path) -> None:
    """A citation points at one passage: «مجلس الإدارة» alone occurs in many paragraphs, so the note would sit on the first."""
    project = copy_project(tmp_path)
    old = 'quote: "لاري سمرز، الرئيس التنفيذي السابق لشركة البرمجيات Salesforce."'
    edit(project / "seeds/annotations.yml", old, 'quote: "مجلس الإدارة"')
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("seeds/annotations.yml:32: quote of annotation 'summers-salesforce-garble' occurs more than once in")
    assert found[0].endswith("it would cite the first (fix: quote a longer passage, one that occurs once)")


@pytest.mark.parametrize(("content", "problem"), [("عنوان وحده\n", "the article has a title but no body text"), ("نص\x00", "NUL")])
def test_an_article_that_cannot_be_read_is_one_problem_not_a_cascade(tmp_path: Path, content: str, problem: str) -> None:
    """Quotes into it and the glossary's spellings are not checked (one line says so): they are not 'unknown article'
    or 'occurs in no article' errors, dozens of them, around the real one."""
    project = copy_project(tmp_path)
    (project / "seeds/articles/000_dc27bdc87947ed81.txt").write_text(content, encoding="utf-8")
    found = problems(project)
    assert problem in found[0] and found[0].startswith("seeds/articles/000_dc27bdc87947ed81.txt")
    assert not any("unknown article" in p or "occurs in no article" in p for p in found), found
    assert len(found) <= 3, found


@pytest.mark.parametrize("file", ["people.yml", "events.yml", "annotations.yml", "glossary.yml", "arcs.yml"])
def test_an_emptied_file_is_the_one_cause_not_the_last_of_a_hundred(tmp_path: Path, file: str) -> None:
    """An editor's file saved empty loses every record: said first, and what refers into it is not checked (one line)."""
    project = copy_project(tmp_path)
    (project / "seeds" / file).write_text("", encoding="utf-8")
    found = problems(project)
    fix = f"restore its records (git checkout seeds/{file}), or delete the file"
    assert found[0] == f"seeds/{file}: the file is empty: every record it held would be lost (fix: {fix})"
    assert found[1:] in ([], [f"seeds/{file}: references into seeds/{file} not checked: the file cannot be read"]), found


def test_an_unread_article_quoted_by_notes_and_not_entities_causes_no_false_error(tmp_path: Path) -> None:
    """altman-firing-revolt-return-2023 holds the notes not-entities.yml names, and the articles it lists: with the
    article unreadable, neither is 'no article' nor 'no annotation'; one line says what was not checked."""
    project = copy_project(tmp_path)
    (project / "seeds/articles/003_ac6010717a169fa7.txt").write_text("عنوان وحده\n", encoding="utf-8")
    found = problems(project)
    assert found[0].startswith("seeds/articles/003_ac6010717a169fa7.txt: the article has a title but no body text")
    assert not [p for p in found if "no article" in p or "no annotation" in p or "unknown article" in p], found
    assert any("not checked" in p for p in found)


def test_a_note_whose_quote_fails_is_one_problem_though_not_entities_names_it(tmp_path: Path) -> None:
    """not-entities.yml names the note switch-is-twitch: with its quote mistyped, the quote is the problem, and the
    note is still declared, so the reference to it is not a second, false 'no annotation' error."""
    project = copy_project(tmp_path)
    edit(project / "seeds/annotations.yml", 'quote: "منصة بث ألعاب الفيديو Switch"', 'quote: "منصة بث ألعاب الفيديو Switchx"')
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("seeds/annotations.yml:20: quote of annotation 'switch-is-twitch' not found in"), found


def test_a_message_for_the_editor_shows_control_characters_as_codes() -> None:
    """make check prints its own lines (editor.py): article text quoted there must not drive the terminal either."""
    from generator.editor import _line
    from generator.errors import Problem

    assert _line(Problem("seeds/articles/a.txt", 3, "dropped as boilerplate «x\x1b[2J»")) == "line 3: dropped as boilerplate «x⟦U+001B⟧[2J»"


def test_an_emptied_not_entities_file_is_a_cause_too(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds/not-entities.yml").write_text("", encoding="utf-8")
    fix = "restore its entries (git checkout seeds/not-entities.yml), or delete the file"
    assert problems(project) == [f"seeds/not-entities.yml: the file is empty: every record it held would be lost (fix: {fix})"]


# --- probe 2: no traceback, no cascade, nothing dropped without a word ---------------------------------


@pytest.mark.parametrize(("new", "shown"), [("6: [quote]", "6: a list"), ("²: quote", "²: quote")])
def test_a_blocks_override_that_is_not_line_number_and_kind_is_one_problem(tmp_path: Path, new: str, shown: str) -> None:
    """A list as the kind and a superscript digit as the line crashed the reader (unhashable list; int('²'))."""
    project = copy_project(tmp_path)
    edit(project / "seeds/articles.yml", "    6: quote\n", f"    {new}\n")
    kinds = "answer, boilerplate, byline, heading, item, paragraph, question, quote"
    assert problems(project) == [f"seeds/articles.yml:52: blocks: {shown} is not 'line number: kind' (fix: kind is one of {kinds})"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "'^(فريق التحرير|بقلم\\s+.+|كتبه?\\s*:?\\s+.+)$'",
            "'^فريق التحرير$'",
            "seeds/boilerplate.yml:73: the match of 'byline' has 0 groups, not one (fix: put the value in one (…) group, e.g. '^بقلم\\s+(.+)$')",
        ),
        (
            "  - field: byline\n",
            "  - field: author\n",
            "seeds/boilerplate.yml:72: metadata field 'author' is not one of byline, reading_time (fix: fix the field's name)",
        ),
        ("    where: tail\n", "    wehre: tail\n", "seeds/boilerplate.yml:30: unknown key 'wehre' in a rule under 'lines' (fix: did you mean 'where'?)"),
        (
            "repeated_title: true",
            'repeated_title: "no"',
            "seeds/boilerplate.yml:82: repeated_title must be true or false, not text (fix: write true or false, unquoted)",
        ),
        ("\nfaq_headings:\n", "\nfaq_heading:\n", "seeds/boilerplate.yml:77: unknown key 'faq_heading' in the file (fix: did you mean 'faq_headings'?)"),
    ],
)
def test_a_boilerplate_rule_that_cannot_work_is_an_error_not_a_crash_or_a_silent_change(tmp_path: Path, old: str, new: str, expected: str) -> None:
    """A byline rule without its group crashed (no such group), another field name crashed as a reading time, and
    a misspelt key quietly turned a tail rule into one that applies anywhere, or turned FAQ detection off."""
    project = copy_project(tmp_path)
    edit(project / "seeds/boilerplate.yml", old, new)
    assert problems(project) == [expected]


def test_a_reading_time_rule_that_takes_no_number_is_told_at_the_article_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project / "seeds/boilerplate.yml", "  - field: byline\n", "  - field: reading_time\n")
    found = problems(project)
    assert found[0].startswith("seeds/articles/") and "the reading_time rule took «فريق التحرير» from this line" in found[0], found


def test_a_new_article_whose_file_name_is_another_articles_id_is_one_cause(tmp_path: Path) -> None:
    """It crashed the renderer (two pages at one path)."""
    project = copy_project(tmp_path)
    arts = project / "seeds/articles"
    (arts / "meta-poaches-openai-researchers.txt").write_bytes((arts / "002_f385e2a2eee6a5fe.txt").read_bytes())
    assert problems(project) == [
        "seeds/articles/meta-poaches-openai-researchers.txt: the file name gives the id 'meta-poaches-openai-researchers', which seeds/articles.yml:30 "
        "gives another article (fix: add an entry for 'meta-poaches-openai-researchers.txt' to seeds/articles.yml with its own id, or rename the file)",
        "seeds/articles/meta-poaches-openai-researchers.txt: quotes from seeds/articles/meta-poaches-openai-researchers.txt not checked: "
        "see the problem with this article above",
    ]


def test_a_folder_where_a_yaml_file_belongs_is_one_cause(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / PEOPLE).unlink()
    (project / PEOPLE).mkdir()
    assert problems(project) == [
        "seeds/people.yml: cannot be read: Is a directory (fix: make seeds/people.yml a readable YAML file)",
        "seeds/people.yml: references into seeds/people.yml not checked: the file cannot be read",
    ]


def test_a_renamed_article_is_one_cause_that_names_the_new_file(tmp_path: Path) -> None:
    """Renaming 003 gave 200 problems, 198 of them 'unknown article', the cause near the end."""
    project = copy_project(tmp_path)
    arts = project / "seeds/articles"
    (arts / "003_ac6010717a169fa7.txt").rename(arts / "003_renamed.txt")
    assert problems(project) == [
        "seeds/articles.yml:34: no seed file '003_ac6010717a169fa7.txt' in seeds/articles/ for the article 'altman-firing-revolt-return-2023' "
        "(fix: did you mean '003_renamed.txt'? (that file has no entry))",
        "seeds/articles/003_ac6010717a169fa7.txt: quotes from seeds/articles/003_ac6010717a169fa7.txt not checked: see the problem with this article above",
    ]


def test_a_deleted_kb_file_is_the_one_cause_of_the_references_into_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / PEOPLE).unlink()
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("seeds/people.yml: no such file, yet ") and "references may point into it" in found[0], found


def test_a_deleted_articles_yml_is_said_in_each_unknown_article_line_once_per_id(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds/articles.yml").unlink()
    found = problems(project)
    assert len(found) == 5 and all("seeds/articles.yml does not exist, so each article's id is its file name" in p for p in found), found
    assert "unknown article 'altman-firing-revolt-return-2023'" in found[0] and " and 193 more)" in found[0]


def test_a_record_missing_a_required_field_is_one_problem_not_a_cascade_of_unknown_ids(tmp_path: Path) -> None:
    """Its id is still declared: the 25 references to sam-altman are not 'unknown participant' errors before the cause."""
    project = copy_project(tmp_path)
    edit(project / PEOPLE, "  name: سام ألتمان\n", "")
    assert problems(project) == ["seeds/people.yml:17: missing required field 'name' in the record 'sam-altman' (fix: add 'name: ...')"]


def test_an_id_written_wrong_is_one_problem_whose_fix_names_the_id_the_references_use(tmp_path: Path) -> None:
    """An organisation's id written 'OpenAI' made each of 81 references an error, each suggesting 'openai-board'; then one
    per id referred to, suggesting 'OpenAI' itself, which its own error refuses. The 81 references follow from the one cause."""
    project = copy_project(tmp_path)
    edit(project / "seeds/organisations.yml", "- id: openai\n", "- id: OpenAI\n")
    found = problems(project)
    assert found[0].endswith("id 'OpenAI' is not lowercase ASCII kebab-case (fix: write it 'openai' (lowercase letters, digits and hyphens))"), found
    assert not any("did you mean 'OpenAI'" in p or "unknown participant of 'openai-founded'" in p for p in found), found


def test_an_article_id_written_wrong_is_one_problem_not_one_per_source_that_uses_it(tmp_path: Path) -> None:
    """Every `article: altman-firing-revolt-return-2023` in a source was «unknown article … did you mean
    'Altman_Firing_Revolt_Return_2023'?», the id its own error refuses."""
    project = copy_project(tmp_path)
    edit(project / "seeds/articles.yml", "  id: altman-firing-revolt-return-2023\n", "  id: Altman_Firing_Revolt_Return_2023\n")
    found = problems(project)
    fix = "write it 'altman-firing-revolt-return-2023' (lowercase letters, digits and hyphens)"
    assert found[0].endswith(f"id 'Altman_Firing_Revolt_Return_2023' is not lowercase ASCII kebab-case (fix: {fix})"), found
    assert not any("unknown article" in p for p in found), found


@pytest.mark.parametrize(
    ("written", "taken", "fix"),
    [
        ("OpenAI", (), "write it 'openai' (lowercase letters, digits and hyphens)"),
        ("Sam_Altman", ("sam-altman",), "use letters, digits and hyphens, e.g. x-y ('sam-altman' is another record's id)"),
        ("sam-ألتمان", (), "use letters, digits and hyphens, e.g. x-y"),
    ],
)
def test_the_fix_for_an_id_written_wrong_names_the_id_only_when_it_is_free_and_whole(written: str, taken: tuple[str, ...], fix: str) -> None:
    """'sam-ألتمان' is not 'sam', and an id another record has is no fix."""
    from generator.seedmeta import id_fix

    assert id_fix(written, "x-y", taken) == fix


def test_a_record_renamed_onto_another_s_id_is_listed_before_the_references_it_leaves_unknown(tmp_path: Path) -> None:
    """mira-murati renamed mark-chen: «unknown … 'mira-murati' (fix: add it to seeds/people.yml)» came first (annotations.yml,
    events.yml sort before people.yml), and following that fix would not help."""
    project = copy_project(tmp_path)
    edit(project / "seeds/people.yml", "- id: mira-murati\n", "- id: mark-chen\n")
    found = problems(project)
    assert "duplicate id 'mark-chen'" in found[0] and len(found) > 1, found
    assert all("'mira-murati'" in p for p in found[1:]), found


def test_an_unknown_entity_in_a_note_s_about_is_told_at_the_about_line(tmp_path: Path) -> None:
    """It was told at the note's `- id:` line, eight lines above what was wrong."""
    project = copy_project(tmp_path)
    edit(project / "seeds/annotations.yml", "  about: [emmett-shear, twitch]\n", "  about: [emmett-shear, twitchh]\n")
    (found,) = problems(project)
    assert found.startswith("seeds/annotations.yml:28: unknown entity in 'about' of ") and "did you mean 'twitch'?" in found, found


def test_two_articles_given_one_id_is_a_cause_and_its_quotes_stand_down(tmp_path: Path) -> None:
    """003's quotes were looked up in 004 (362 problems, the real one 176th)."""
    project = copy_project(tmp_path)
    edit(project / "seeds/articles.yml", "  id: murati-departs-openai-2024\n", "  id: altman-firing-revolt-return-2023\n")
    found = problems(project)
    assert found[0] == "seeds/articles.yml:45: duplicate article id 'altman-firing-revolt-return-2023' (first at line 35) (fix: give each article its own id)"
    assert found[1].endswith("not checked: see the problem with this article above")
    assert len(found) == 3 and "unknown article 'murati-departs-openai-2024'" in found[2], found


def test_a_list_written_as_one_mapping_is_an_error_not_an_empty_list(tmp_path: Path) -> None:
    """The dash forgotten: the event's only source, and its participant, were dropped and the build passed."""
    project = copy_project(tmp_path)
    events = project / "seeds/events.yml"
    edit(events, "  participants:\n    - {entity: openai, part: الشركة المؤسَّسة}\n", "  participants:\n    {entity: openai, part: الشركة المؤسَّسة}\n")
    edit(
        events,
        '  sources:\n    - {article: altman-firing-revolt-return-2023, quote: "تأسست OpenAI في عام 2015 بهدف تطوير"}',
        '  sources:\n    {article: altman-firing-revolt-return-2023, quote: "تأسست OpenAI في عام 2015 بهدف تطوير"}',
    )
    fix = "(fix: start each entry on its own line with '- ')"
    assert problems(project) == [
        f"seeds/events.yml:20: 'participants' of 'openai-founded' must be a list, not a mapping {fix}",
        f"seeds/events.yml:22: the sources of event 'openai-founded' must be a list, not a mapping {fix}",
    ]


def test_not_entities_values_of_the_wrong_type_are_errors_not_python(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    append(
        project / "seeds/not-entities.yml",
        "\n- name: {first: Foo}\n  reason: [a, b]\n\n- name: Bar\n  reason: no\n\n- name: Baz\n  reason: a reason\n  articles: 42\n",
    )
    found = problems(project)
    assert not any("{'" in p or "['" in p for p in found), found
    assert any("'name' must be text, not a mapping" in p for p in found) and any("'reason' must be text, not true/false" in p for p in found)
    assert any("'articles' must be a list of names" in p for p in found)


def test_a_tagged_yaml_value_is_named_by_its_tag_and_a_second_document_gets_its_own_fix(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project / "seeds/events.yml", "  title: تأسيس OpenAI\n", "  title: !!set {a, b}\n")
    append(project / "seeds/glossary.yml", "---\n- id: x\n")
    found = problems(project)
    assert any("invalid YAML: expected a single document" in p and "remove the '---' line" in p for p in found), found
    assert "seeds/events.yml:17: 'title' must be text, not a set (!!set) (fix: write title: \"…\" as one line of text)" in found


def test_a_role_that_ends_before_it_starts_and_a_blocks_line_zero(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project / PEOPLE, "      title: الرئيس التنفيذي\n", '      title: الرئيس التنفيذي\n      start: "2023-11-17"\n      end: "2019"\n')
    edit(project / "seeds/articles.yml", "    6: quote\n", "    0: quote\n")
    assert problems(project) == [
        "seeds/articles.yml:51: blocks: 0 is no line: lines count from 1, as an editor shows them (fix: give a line number of the file)",
        "seeds/people.yml:25: a role of 'sam-altman' ends (2019) before it starts (2023-11-17) (fix: swap or correct the dates)",
    ]


def test_arcs_and_the_glossary_refer_as_everything_else_does(tmp_path: Path) -> None:
    """An event that is declared but broken, and a deleted organisations.yml, are no second error in arcs.yml and
    glossary.yml (they compared against the records built, and said "unknown" once per reference)."""
    project = copy_project(tmp_path)
    edit(project / "seeds/events.yml", "  title: تأسيس OpenAI\n", "")
    assert problems(project) == ["seeds/events.yml:16: missing required field 'title' in the record 'openai-founded' (fix: add 'title: ...')"]
    (project / "seeds/events.yml").write_text((ROOT / "seeds/events.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "seeds/organisations.yml").unlink()
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("seeds/organisations.yml: no such file, yet "), found


def test_two_files_without_entries_that_give_one_id_are_a_cause(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    arts = project / "seeds/articles"
    for name in ("950_a_b.txt", "950-a-b.txt"):
        (arts / name).write_text("عنوان\nنص المقال هنا، وهو نص يكفي ليكون فقرة.\n", encoding="utf-8")
    found = problems(project)
    assert found[0] == (
        "seeds/articles/950_a_b.txt: the file name gives the id '950-a-b', which the file name seeds/articles/950-a-b.txt gives another article "
        "(fix: add an entry for '950_a_b.txt' to seeds/articles.yml with its own id, or rename the file)"
    ), found


def test_an_optional_metadata_group_that_takes_nothing_and_an_arabic_indic_date(tmp_path: Path) -> None:
    """The group took None and the reader crashed on it; «٢٠٢٣» passed as a date and sorted after every ASCII year."""
    project = copy_project(tmp_path)
    edit(project / "seeds/boilerplate.yml", "    match: '^(فريق التحرير|بقلم\\s+.+|كتبه?\\s*:?\\s+.+)$'", "    match: '^(بقلم )?فريق التحرير$'")
    edit(project / "seeds/events.yml", 'date: "2015"', 'date: "٢٠١٥"')
    found = problems(project)
    assert any("date '٢٠١٥' is not written YYYY, YYYY-MM or YYYY-MM-DD" in p for p in found) and not any("Traceback" in p for p in found), found


def test_a_blocks_override_that_could_not_apply_is_an_error_and_one_on_a_dropped_line_keeps_it(tmp_path: Path) -> None:
    """On the title line or a blank line it changed nothing without a word; on a line a tail rule drops it lost to the
    rule, though the editor had said the line is text."""
    project = copy_project(tmp_path)
    edit(project / "seeds/articles.yml", "  id: openai-research-exodus-2025\n", "  id: openai-research-exodus-2025\n  blocks: {1: paragraph, 23: paragraph}\n")
    edit(project / "seeds/articles.yml", "  id: openai-staff-threaten-microsoft-2023\n", "  id: openai-staff-threaten-microsoft-2023\n  blocks: {2: quote}\n")
    assert problems(project) == [
        "seeds/articles.yml:16: blocks: 1 is the title of seeds/articles/000_dc27bdc87947ed81.txt, which no override changes (fix: give a line of the body)",
        "seeds/articles.yml:23: blocks: 2 is a blank line of seeds/articles/001_ade957fd3a304f06.txt: the override changes nothing "
        "(fix: give the line of the text)",
    ]
    edit(project / "seeds/articles.yml", "  blocks: {1: paragraph, 23: paragraph}\n", "  blocks: {23: paragraph}\n")
    edit(project / "seeds/articles.yml", "  blocks: {2: quote}\n", "")
    article = next(a for a in generate(project).index.articles if a.id == "openai-research-exodus-2025")
    assert any(b.line == 23 for b in article.blocks) and not any(d.line == 23 for d in article.dropped)
