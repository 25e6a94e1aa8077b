"""The built site: Arabic, right to left, one page per article, every sentence visible, no live markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_project, mkdocs_build
from tests.htmltext import article_body

SEEDS = sorted((ROOT / "seeds/articles").glob("*.txt"))


def article_page(site: Path, seed: Path) -> Path:
    meta = {m["file"]: m["id"] for m in yaml.safe_load((ROOT / "seeds/articles.yml").read_text(encoding="utf-8"))}
    return site / "articles" / meta[seed.name] / "index.html"


def declared_boilerplate() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    """Read straight from seeds/boilerplate.yml: the lines and trailing sentences it declares."""
    rules = yaml.safe_load((ROOT / "seeds/boilerplate.yml").read_text(encoding="utf-8"))
    lines = [re.compile(r["match"]) if "match" in r else re.compile(re.escape(r["text"])) for r in rules["lines"]]
    lines += [re.compile(r["match"]) for r in rules["metadata"]]
    return lines, [re.compile(r["match"]) for r in rules["sentences"]]


def test_html_is_arabic_and_right_to_left(site: Path) -> None:
    for page in [site / "index.html", *(article_page(site, s) for s in SEEDS)]:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="ar"' in html, page
        assert re.search(r'<body dir="rtl"', html), page


def test_the_not_found_page_is_arabic_and_leads_home(site: Path) -> None:
    """Material's 404.html said «404 - Not found» in English (mirrored: «Not found - 404»), with no way back."""
    html = (site / "404.html").read_text(encoding="utf-8")
    content = html[html.index('<article class="md-content__inner') : html.index("</article>")]
    assert "<h1>الصفحة غير موجودة</h1>" in content and "Not found" not in html
    assert re.search(r'<a href="/\.?">الصفحة الرئيسية للملف</a>', content), content  # as Material links its logo there


def test_one_page_per_article(site: Path) -> None:
    pages = sorted(p.parent.name for p in (site / "articles").glob("*/index.html"))
    assert len(pages) == len(SEEDS) == 5
    assert all(article_page(site, s).exists() for s in SEEDS)


def test_every_sentence_of_every_seed_is_visible(site: Path) -> None:
    lines_rules, sentence_rules = declared_boilerplate()
    title_rules = [re.compile(r["match"]) for r in yaml.safe_load((ROOT / "seeds/boilerplate.yml").read_text(encoding="utf-8"))["title_suffixes"]]
    checked = 0
    for seed in SEEDS:
        visible, _ = article_body(article_page(site, seed).read_text(encoding="utf-8"))
        visible = visible.split("نصوص أُسقطت من المصدر")[0]  # the list of dropped lines does not count
        title = True
        for line in seed.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or any(r.fullmatch(line) for r in lines_rules):
                continue
            if title:  # the site's name after the title («… | OpenAI») is declared boilerplate too
                line = next((line[: m.start()].rstrip() for r in title_rules if (m := r.search(line)) and m.end() == len(line)), line)
                title = False
            line = re.sub(r"^- ", "", line)  # a list item's bullet is structure, not text
            for sentence in re.split(r"(?<=[.!؟?])\s+", line):
                if any(r.fullmatch(sentence) for r in sentence_rules):
                    continue
                assert re.sub(r"\s+", " ", sentence) in visible, f"{seed.name}: missing «{sentence}»"
                checked += 1
    assert checked > 170


def test_dropped_lines_are_listed_on_the_page(site: Path) -> None:
    visible, _ = article_body(article_page(site, SEEDS[0]).read_text(encoding="utf-8"))
    assert "نصوص أُسقطت من المصدر بوصفها حشوًا (3 نصوص)" in visible and "سجل دخولك لإضافة تعليق" in visible


def test_paragraphs_have_stable_numbered_anchors(site: Path) -> None:
    html = article_page(site, SEEDS[3]).read_text(encoding="utf-8")
    ids = re.findall(r'id="(p-\d+)"', html)
    assert ids == [f"p-{n}" for n in range(1, len(ids) + 1)] and len(ids) == 23
    assert re.search(r'<a href="#p-4" class="dossier-num" title="الفقرة 4">4</a>', html)


def test_arabic_headings_get_readable_anchors(site: Path) -> None:
    html = article_page(site, SEEDS[0]).read_text(encoding="utf-8")
    assert 'id="ضريبة-التقييم-الملياري"' in html


EVIL = (
    "عنوان فيه <script>alert('t')</script> و **نجمتان** و\x1b[31m لون\n"
    "نص <img src=x onerror=alert(1)> ثم [رابط](javascript:alert(2)) و **غامق** و # ليس عنوانًا.\n"
    "# سطر يبدأ بعلامة عنوان\n"
    "| جدول | ليس جدولًا |\n"
    "قالب {{ config.site_name }} و {% raw %} و ${x} و &amp; و <b>عريض</b>.\n"
    "اتجاه \u202eمعكوس\u202c هنا و <!-- تعليق --> و `شيفرة` و > اقتباس.\n"
    '- عنصر <iframe src="https://example.com"></iframe> في قائمة.\n'
)


def test_article_text_is_data_not_markup(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "seeds/articles/999_evil.txt").write_text(EVIL, encoding="utf-8")
    out = tmp_path / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    html = (out / "articles/999-evil/index.html").read_text(encoding="utf-8")
    visible, names = article_body(html)
    assert names and set(names) <= {"a", "bdi", "span"}, f"markup came alive from article text: {names}"
    assert html.count("<h1") == 1 and "<blockquote" not in html and "<table" not in html
    assert "javascript:" not in html.replace("javascript&#58;", "")
    assert "<script>alert" not in html and "<img src=x" not in html
    for text in [
        "<script>alert('t')</script>",
        "**نجمتان**",
        "<img src=x onerror=alert(1)>",
        "[رابط](javascript:alert(2))",
        "# سطر يبدأ بعلامة عنوان",
        "| جدول | ليس جدولًا |",
        "{{ config.site_name }}",
        "{% raw %}",
        "&amp;",
        "<b>عريض</b>",
        "<!-- تعليق -->",
        "`شيفرة`",
        "> اقتباس.",
        '<iframe src="https://example.com"></iframe>',
    ]:
        assert text in visible, f"not shown as text: {text}"
    assert "\u202e" not in html and "⟦U+202E⟧" in visible
    assert "\x1b" not in html and "⟦U+001B⟧[31m لون" in visible, "a terminal escape in the title shows as a code, in the page and its <title>"
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<script" not in title


ACTIVE_TAB = re.compile(r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="([^"]*)" class="md-tabs__link">\s*([^<]*?)\s*</a>')


@pytest.mark.parametrize(
    ("page", "tab", "index"),
    [
        ("articles/altman-firing-revolt-return-2023", "المقالات", "../"),
        ("articles/altman-firing-revolt-return-2023/notes", "المقالات", "../../"),
        ("people/sam-altman", "الأشخاص", "../"),
        ("orgs/openai", "الجهات", "../"),
        ("events/q-star-reports", "الأحداث", "../"),
        ("people", "الأشخاص", "./"),
        ("timeline", "الخط الزمني", "./"),
    ],
)
def test_a_page_shows_the_tab_of_its_section_as_the_reader_s_place(site: Path, page: str, tab: str, index: str) -> None:
    """Pages outside the navigation (an article, its notes, a person) light their section's tab, as its index does."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    assert ACTIVE_TAB.findall(html) == [(index, tab)]
    assert html.count("md-nav__item--active") == 1, "the side navigation marks the section too, and nothing else"


def test_no_separator_dot_or_dash_can_start_a_line(site: Path) -> None:
    """« · » between a line's items and « — » after a title, a role or a quote follow a no-break space on every page
    and in the search index's titles (a line that wraps before one starts with it). The seeds write neither."""
    breakable = re.compile(r".{0,30} [·—] .{0,10}")
    ours = [f for f in sorted(site.rglob("*")) if f.suffix == ".html" or (f.suffix == ".js" and f.relative_to(site).parts[0] == "search")]
    found = [f"{f.relative_to(site)}: {m.group(0)}" for f in ours for m in breakable.finditer(f.read_text(encoding="utf-8"))]
    assert found == []
