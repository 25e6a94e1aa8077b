"""The quality gates, on every change: axe-core on every page kind in both palettes, the W3C Nu
HTML checker over every page, links and fragments in the online and the offline build, builds
byte-identical across hash seeds and folders, and an offline edition without unused files.

They run on the session's builds (conftest: `site`, `offline_site`); the instruments are in
tests/quality.py, which also prints the README's table (`python -m tests.quality SITE OFFLINE`).
"""

from __future__ import annotations

import filecmp
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from benchmarks.searchsite import serve
from tests import quality
from tests.conftest import ROOT, build, copy_project


@pytest.fixture(scope="module")
def axe_results(site: Path, browser) -> list[quality.AxeResult]:
    with serve(site) as base:
        return quality.audit(browser, base, quality.page_kinds(site))


def test_every_page_kind_is_audited(site: Path) -> None:
    kinds = quality.page_kinds(site)
    for kind in ("home", "articles/index", "articles/page", "people/page", "orgs/page", "events/page", "events/index", "export", "search"):
        assert kind in kinds, f"{kind} is not audited: {sorted(kinds)}"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("palette", quality.PALETTES)
def test_axe_finds_nothing_serious_or_critical(axe_results: list[quality.AxeResult], palette: str) -> None:
    results = [r for r in axe_results if r.palette == palette]
    assert len(results) == len(axe_results) // 2 > 8
    bad = {r.kind: {f"{rule}/{impact}": n for (rule, impact), n in r.nodes.items() if impact in quality.BAD} for r in results if r.bad()}
    examples = {rule: text for r in results for rule, text in r.examples.items()}
    assert bad == {}, f"{bad}\n" + "\n".join(f"{rule}: {text}" for rule, text in examples.items())


@pytest.mark.browser
def test_axe_audit_can_fail(site: Path, browser, tmp_path: Path) -> None:
    """The gate sees a real problem: grey-on-white text and an unnamed dialog, in a page of the site."""
    bad = tmp_path / "bad"
    (bad / "export").mkdir(parents=True)
    page = (site / "export" / "index.html").read_text(encoding="utf-8")
    page = page.replace("</article>", '<p style="color:#bbb">نص باهت</p></article>').replace('role="dialog" aria-label="بحث"', 'role="dialog"')
    (bad / "export" / "index.html").write_text(page, encoding="utf-8")
    (bad / "assets").symlink_to(site / "assets")
    context = browser.new_context(color_scheme="light")
    with serve(bad) as base:
        tab = context.new_page()
        quality.open_page(tab, base, "export", "export/")
        result = quality.axe(tab, "export", "light")
    context.close()
    assert result.nodes[("color-contrast", "serious")] >= 1
    assert result.nodes[("aria-dialog-name", "serious")] == 1


BAD_PAGE = '<!doctype html><html lang="ar" dir="rtl"><title>x</title><input type="checkbox" autocomplete="off"><label for="no">x</label>'


@pytest.fixture(scope="module")
def nu_messages(site: Path, offline_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    """One run of the checker (one Java start) over both builds and a page with two known errors."""
    bad = tmp_path_factory.mktemp("nu-bad")
    (bad / "bad.html").write_text(BAD_PAGE, encoding="utf-8")
    folders = {"online": site, "offline": offline_site, "bad": bad}
    by_folder: dict[str, list[dict[str, object]]] = {name: [] for name in folders}
    for message in quality.vnu(*folders.values()):
        page = Path(unquote(urlsplit(str(message.get("url", ""))).path)).resolve()
        name = next((name for name, folder in folders.items() if folder.resolve() in page.parents), None)
        assert name, f"a message about no page of the builds: {message}"
        by_folder[name].append(message)
    return by_folder


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["online", "offline"])
def test_nu_html_checker_finds_no_error_or_warning(nu_messages: dict[str, list[dict[str, object]]], edition: str) -> None:
    summary = quality.vnu_summary(nu_messages[edition])
    assert summary == {}, "\n".join(f"{n}× {level}: {text}" for (level, text), n in summary.most_common())


@pytest.mark.slow
def test_nu_html_checker_can_fail(nu_messages: dict[str, list[dict[str, object]]]) -> None:
    summary = quality.vnu_summary(nu_messages["bad"])
    assert sum(n for (level, _), n in summary.items() if level == "error") == 2


@pytest.mark.parametrize("edition", ["online", "offline"])
def test_no_broken_link_or_fragment(site: Path, offline_site: Path, edition: str) -> None:
    built = site if edition == "online" else offline_site
    report = quality.check_links(built)
    assert report.pages > 100 and report.references > 5_000 and report.with_fragment > 2_000
    assert report.broken == []


def test_link_checker_can_fail(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    links = '<a href="../b/">x</a> <a href="#here">y</a> <a href="#gone">z</a> <a href="https://example.org/">w</a>'
    (tmp_path / "a" / "index.html").write_text(f'<p id="here">{links}</p>', "utf-8")
    (tmp_path / "index.html").write_text('<a href="a/#here">ok</a> <a href="a/index.html#nope">bad</a>', "utf-8")
    report = quality.check_links(tmp_path)
    assert report.references == 5 and report.with_fragment == 4
    assert sorted(report.broken) == ["a/index.html: #gone", "a/index.html: ../b/", "index.html: a/index.html#nope"]


def identical(one: Path, two: Path) -> list[str]:
    """Files missing from either build, or different in content."""
    a = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    b = {p.relative_to(two).as_posix() for p in two.rglob("*") if p.is_file()}
    return sorted(a ^ b) + sorted(p for p in a & b if not filecmp.cmp(one / p, two / p, shallow=False))


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["online", "offline"])
def test_builds_are_byte_identical_across_seeds_and_folders(site: Path, offline_site: Path, tmp_path: Path, edition: str) -> None:
    """Another process (hash seed 2, not 1) building a copy of the project in another folder."""
    project = copy_project(tmp_path / "elsewhere" / "another name")
    (project / "vendor").symlink_to(ROOT / "vendor")
    again = build(tmp_path / "out", offline=edition == "offline", root=project, env={"PYTHONHASHSEED": "2"})
    assert identical(site if edition == "online" else offline_site, again) == []


def test_offline_edition_ships_only_what_its_pages_load(offline_site: Path, site: Path) -> None:
    files = {p.relative_to(offline_site).as_posix() for p in offline_site.rglob("*") if p.is_file()}
    assert not [f for f in files if f.endswith(".map")]
    lunr = "assets/javascripts/lunr/min/lunr"
    assert sorted(f for f in files if "/lunr/" in f) == [f"{lunr}.ar.min.js", f"{lunr}.stemmer.support.min.js"]
    assert "search/search_index.js" in files and "search/search_index.json" not in files
    for asset in ("assets/javascripts", "assets/stylesheets"):
        for path in (offline_site / asset).rglob("*.*"):
            assert b"sourceMappingURL" not in path.read_bytes(), path
    assert (site / "search" / "search_index.json").is_file()  # what the online search worker fetches


def test_theme_fixes_refuse_a_theme_whose_markup_changed() -> None:
    """site/theme_hook.py edits Material's base.html output: another theme version fails the build, not the HTML."""
    from mkdocs.exceptions import PluginError

    from generator.site.theme_hook import fix_markup

    page = '<html lang="ar" class="no-js"><body dir="rtl"><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    with pytest.raises(PluginError, match="base.html changed"):
        fix_markup(page + "</body></html>")
    search = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
    fixed = fix_markup(page + search + "</body></html>")
    assert fixed.startswith('<html lang="ar" dir="rtl" class="no-js">') and "autocomplete" not in fixed.replace('<form id="__md_toggles" autocomplete', "")


def test_the_theme_s_indentation_is_dropped_where_whitespace_does_not_show() -> None:
    """Each run of whitespace that holds a line break becomes that line break (it renders as the same one space);
    what keeps its whitespace (<pre>, <textarea>, scripts) is left as written."""
    from generator.site.theme_hook import drop_indentation

    kept = '<pre><code>a\n    b\n\n  c</code></pre>\n<textarea name="t">\n  x</textarea>\n<script>var s = `\n  y`;</script>'
    page = f'<nav>\n    <a href="#">\n      الرئيسية\n    </a>  \n\n  </nav>\n  {kept}\n    <p>نص <b>عريض</b>\n  بعده</p>'
    assert drop_indentation(page) == f'<nav>\n<a href="#">\nالرئيسية\n</a>\n</nav>\n{kept}\n<p>نص <b>عريض</b>\nبعده</p>'


def test_blank_lines_left_by_the_templates_tags_go_where_whitespace_does_not_show() -> None:
    """The theme's templates lose their indentation as they are loaded; a line that held only a tag leaves a
    blank line, which each page loses, except where whitespace is kept (even an element never closed)."""
    from generator.site.theme_hook import drop_blank_lines

    pre, textarea, script = "<pre><code>a\n\n\nb</code></pre>", '<textarea name="t">\n\nx</textarea>', "<script>var s = `\n\ny`;</script>"
    page = f"<head>\n\n\n<meta>\n\n</head>\n{pre}\n\n{textarea}{script}\n\n\n<p>نص\n\nبعده</p>\n\n<pre>\n\nلم يُغلق"
    assert drop_blank_lines(page) == f"<head>\n<meta>\n</head>\n{pre}\n{textarea}{script}\n<p>نص\nبعده</p>\n<pre>\n\nلم يُغلق"


def test_a_template_loses_its_indentation_but_not_what_keeps_whitespace() -> None:
    """The templates' text loses its indentation once, as it is loaded; tags, expressions and what keeps its
    whitespace stay as written, even an element the template opens and another one closes."""
    from generator.site.theme_hook import drop_template_indentation

    kept = "<script>\n  var s = `\n    y`;\n</script>"
    source = f'<nav>\n    {{% if a %}}\n      <a href="{{{{ url }}}}"  >\n  {{{{ x }}}}\n</a>{{% endif %}}  \n  {kept}\n  <pre>\n  a</pre>\n'
    assert (
        drop_template_indentation(source) == f'<nav>\n{{% if a %}}\n<a href="{{{{ url }}}}"  >\n{{{{ x }}}}\n</a>{{% endif %}}\n{kept}\n<pre>\n  a</pre>'
    )  # Jinja drops the last line break
    unclosed = "<div>\n  <pre>\n  a {% if x %}<script>s</script>{% endif %}\n  b"
    assert drop_template_indentation(unclosed) == "<div>\n" + unclosed.split("\n", 1)[1].lstrip(" ")


def test_every_built_page_is_as_the_whole_pass_over_it_would_leave_it(site: Path) -> None:
    """The templates lose their indentation once, as they load, and each page only its blank lines: for
    Material's templates that must leave every page as going over the whole page did (a theme whose tag
    splits a run of whitespace, or a value with indentation of its own, would fail here)."""
    from generator.site.theme_hook import drop_indentation

    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    assert [p.relative_to(site).as_posix() for p in pages if drop_indentation(text := p.read_text(encoding="utf-8")) != text] == []


def test_built_pages_carry_no_indentation(site: Path) -> None:
    html = (site / "articles" / "altman-firing-revolt-return-2023" / "index.html").read_text(encoding="utf-8")
    assert "\n " not in html and "\n\t" not in html and '<div class="md-sidebar__inner">\n<nav' in html
    assert "\n\n" not in html
