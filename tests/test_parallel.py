"""`mkdocs build` on two processes (generator/site/parallel.py): the same site, the same warnings, the same failures."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, SITE_ENV, copy_project, mkdocs_build


def _files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_two_processes_build_what_one_builds(tmp_path: Path) -> None:
    env = {**SITE_ENV, "SITE_URL": "https://example.org/dossier/"}  # a site URL, so the sitemap lists the pages
    one, two = tmp_path / "one", tmp_path / "two"
    for out, alone in ((one, "1"), (two, "")):
        result = mkdocs_build(ROOT, out, env={**env, "DOSSIER_ONE_PROCESS": alone})
        assert result.returncode == 0, result.stderr
    assert _files(one) == _files(two)
    assert [p for p in _files(two) if not filecmp.cmp(one / p, two / p, shallow=False)] == []
    sitemap = (two / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") == len([p for p in _files(two) if p.endswith("index.html")]) > 100


@pytest.mark.slow  # two real builds
def test_a_second_build_loads_the_compiled_templates_and_builds_the_same_site(tmp_path: Path) -> None:
    """Both processes of `mkdocs build` keep Material's compiled templates in build/templates/ and load them next time."""
    project = copy_project(tmp_path / "p")
    first, again = tmp_path / "first", tmp_path / "again"
    result = mkdocs_build(project, first, env=SITE_ENV)
    assert result.returncode == 0, result.stderr
    cached = {p: p.stat().st_mtime_ns for p in (project / "build" / "templates").rglob("*.cache")}
    assert len(cached) > 10  # main.html, base.html, 404.html, the partials
    result = mkdocs_build(project, again, env=SITE_ENV)
    assert result.returncode == 0, result.stderr
    assert {p: p.stat().st_mtime_ns for p in (project / "build" / "templates").rglob("*.cache")} == cached  # read, none written again
    assert _files(first) == _files(again)
    assert [p for p in _files(again) if not filecmp.cmp(first / p, again / p, shallow=False)] == []


def test_compiled_templates_are_kept_apart_for_each_way_of_compiling_them(tmp_path: Path) -> None:
    """What Jinja bakes into compiled code beyond the source (settings, filters) names the cache's folder,
    and a damaged cache file is compiled again, not an error."""
    import jinja2
    from jinja2.bccache import Bucket

    from generator.site.hook import _compiled_by, _OnDisk

    def env(**settings: object) -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ v }}|{{ 'x' | f }}"}), **settings)  # type: ignore[arg-type]

    plain, escaping, other_filter = env(), env(autoescape=True), env()
    plain.filters["f"] = escaping.filters["f"] = lambda v: v + "-plain"
    other_filter.filters["f"] = jinja2.pass_context(lambda context, v: v + "-context")
    names = {_compiled_by(e) for e in (plain, escaping, other_filter)}
    assert len(names) == 3
    second = env()
    second.filters["f"] = plain.filters["f"]
    assert _compiled_by(second) == _compiled_by(plain)
    cache = _OnDisk.at(tmp_path, plain)
    assert cache is not None
    plain.bytecode_cache = cache
    assert plain.get_template("t.html").render(v="<b>") == "<b>|x-plain"
    (stored,) = list((tmp_path / _compiled_by(plain)).iterdir())
    stored.write_bytes(stored.read_bytes()[:30] + b"\x00damaged" * 20)
    bucket = Bucket(plain, cache.get_cache_key("t.html", None), cache.get_source_checksum("{{ v }}|{{ 'x' | f }}"))
    cache.load_bytecode(bucket)
    assert bucket.code is None


HOOK = """
import sys
sys.path.insert(0, {root!r})
from generator.background import Background
from generator.site import parallel
from generator.site.direct import GeneratedPage

plan = {{}}

def on_nav(nav, config, files):
    in_nav = {{p.file.src_uri for p in nav.pages}}
    generated = [f for f in files.documentation_pages() if f.src_uri not in in_nav]
    for f in generated:
        GeneratedPage(None, f, config)
    plan["nav"] = nav
    plan["theirs"] = parallel.plan(generated)
    return nav

def on_env(env, config, files):
    plan["child"] = parallel.start(plan["theirs"], files, config, plan["nav"], env, Background(dict))
    return env

def on_post_build(config):
    assert plan["child"] is not None, "the child took no page"
    parallel.finish(plan["child"])
"""


def _project(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A small MkDocs project whose every page is 'generated', so the child takes a share of them."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "hook.py").write_text(HOOK.format(root=str(ROOT)), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent("""\
            site_name: t
            theme: mkdocs
            nav: [index.md]
            hooks: [hook.py]
            validation: {nav: {omitted_files: ignore}, links: {not_found: warn}}
            """),
        encoding="utf-8",
    )
    return tmp_path


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` without -q: MkDocs counts no warning it does not log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOSSIER_ONE_PROCESS": ""}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project)


def test_a_warning_in_the_second_process_fails_a_strict_build(tmp_path: Path) -> None:
    pages = {f"p{n:02}.md": f"# Page {n}\n\n[gone](missing-{n}.md)\n" for n in range(20)}
    project = _project(tmp_path, pages)
    result = _build(project)
    assert result.returncode != 0
    assert "Aborted with 20 warnings in strict mode" in result.stdout
    for n in range(20):  # each logged once, whichever process converted the page
        assert result.stderr.count(f"'missing-{n}.md'") == 1, result.stderr


def test_a_page_failing_in_the_second_process_fails_the_build_and_names_it(tmp_path: Path) -> None:
    pages = {f"p{n:02}.md": f"# Page {n}\n" for n in range(20)}
    pages.update({f"p{n:02}.md": f"---\ntemplate: nowhere-{n}.html\n---\n\n# Page {n}\n" for n in (3, 4)})
    project = _project(tmp_path, pages)
    result = _build(project)
    assert result.returncode != 0
    assert re.search(r"Error building page 'p0[34]\.md'", result.stderr), result.stderr
    assert "nowhere-" in result.stderr
