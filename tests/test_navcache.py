"""The parts of the theme rendered once per set of relative links (generator/site/navcache.py) are Material's own:
the navigation, the tabs, the header but for the title, and the blocks overrides/main.html wraps."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

from tests.conftest import SITE_ENV, copy_project, mkdocs_build

PARTIALS = ("overrides/partials/nav.html", "overrides/partials/tabs.html", "overrides/partials/header.html")
MAIN = "overrides/main.html"
_CALL = re.compile(r'\{% call dossier_same_links\("[a-z-]+", page, base_url\) %\}\n|\{% endcall %\}\n')
_WRAPPED = re.compile(r'\{% block ([a-z_]+) %\}\{% call dossier_same_links\("\1", page, base_url\) %\}\{\{ super\(\) \}\}\{% endcall %\}\{% endblock %\}')


def _files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_the_site_is_byte_identical_with_materials_own_partials(site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    for partial in (*PARTIALS, MAIN):
        text = (project / partial).read_text(encoding="utf-8")
        assert "dossier_same_links" in text, "the override calls the cache"
        (project / partial).unlink()  # Material's own is used instead
    plain = tmp_path / "plain"
    result = mkdocs_build(project, plain, env={**SITE_ENV, "DOSSIER_THEME_EVERY_PAGE": "1"})  # no stamp either (generator/site/stamp.py)
    assert result.returncode == 0, result.stderr
    assert _files(plain) == _files(site)
    assert [p for p in _files(site) if not filecmp.cmp(plain / p, site / p, shallow=False)] == []


def test_the_overrides_are_materials_partials_inside_the_call() -> None:
    """Each override is the theme's file, unchanged, but for the calls around its parts (re-copy when upgrading)."""
    import material

    theme = Path(material.__file__).parent / "templates"
    root = Path(__file__).resolve().parent.parent
    for partial in PARTIALS:
        ours = (root / partial).read_text(encoding="utf-8").split("-#}\n", 1)[1]
        assert ours.startswith("{% call dossier_same_links") and ours.endswith("{% endcall %}\n"), partial
        original = (theme / partial.removeprefix("overrides/")).read_text(encoding="utf-8")
        assert _CALL.sub("", ours) == original.split("-#}\n", 1)[1], partial


def test_main_html_only_wraps_blocks_of_base_html_in_the_cache() -> None:
    """overrides/main.html extends base.html as Material's main.html does, and each block it names renders
    the theme's own block (super()) inside the cache, under the block's own name."""
    import material

    theme = Path(material.__file__).parent / "templates"
    root = Path(__file__).resolve().parent.parent
    original = (theme / "main.html").read_text(encoding="utf-8").split("-#}\n", 1)[1]
    assert original == '{% extends "base.html" %}\n'
    lines = (root / MAIN).read_text(encoding="utf-8").split("-#}\n", 1)[1].splitlines()
    assert lines[0] == '{% extends "base.html" %}'
    blocks = [m.group(1) for line in lines[1:] if (m := _WRAPPED.fullmatch(line))]
    assert len(blocks) == len(lines) - 1, "every other line wraps one block"
    base = (theme / "base.html").read_text(encoding="utf-8")
    assert all(f"{{% block {name} %}}" in base for name in blocks)
    assert {"header", "site_nav", "container", "content", "htmltitle", "site_meta"}.isdisjoint(blocks), "blocks that read the page itself"


def test_the_cache_renders_again_for_a_new_hide_setting_or_folder_depth_never_for_a_new_page_alone() -> None:
    """SameLinks' key: the relative links (so the folder's depth), the page's section and page.meta's `hide`, which
    the cached footer reads; two pages that differ in nothing else share one rendering."""
    from types import SimpleNamespace

    from generator.site.navcache import SameLinks

    home = SimpleNamespace(url="", file=SimpleNamespace(src_uri="index.md"))
    people = SimpleNamespace(url="people/", file=SimpleNamespace(src_uri="people/index.md"), title="p")
    nav = SimpleNamespace(items=[people], homepage=home, pages=[home, people])
    config = SimpleNamespace(extra={}, theme={})
    cache = SameLinks(nav, config)  # type: ignore[arg-type]

    def page(url: str, **meta: object) -> SimpleNamespace:
        return SimpleNamespace(url=url, file=SimpleNamespace(src_uri=url.rstrip("/") + ".md"), meta=meta)

    renders: list[str] = []

    def render(url: str, **meta: object) -> str:
        return cache("footer", page(url, **meta), "../..", lambda: renders.append(url) or url)  # type: ignore[arg-type, func-returns-value]

    assert render("people/a/") == "people/a/"
    assert render("people/b/") == "people/a/", "same folder depth, same links: rendered once"
    assert render("people/c/", hide=["footer"]) == "people/c/", "another hide setting: rendered again"
    assert render("people/d/", hide=["footer"]) == "people/c/"
    assert render("orgs/x/") == "orgs/x/", "another place relative to people/: rendered again"
    assert cache("footer", people, "..", lambda: "in the navigation") == "in the navigation"  # type: ignore[arg-type]
    assert cache("footer", people, "..", lambda: "always rendered") == "always rendered"  # type: ignore[arg-type]
    assert renders == ["people/a/", "people/c/", "orgs/x/"]


def test_a_page_s_section_is_the_index_page_of_its_top_folder_in_the_navigation() -> None:
    """The tab a page outside the navigation lights: by its source path, so the same for either URL style."""
    from types import SimpleNamespace

    from generator.site.navcache import SameLinks

    def page(src: str, url: str) -> SimpleNamespace:
        return SimpleNamespace(url=url, file=SimpleNamespace(src_uri=src), title=src)

    home, about, people, articles = page("index.md", ""), page("about.md", "about/"), page("people/index.md", "people/"), page("articles/index.md", "articles/")
    deep = page("a/b/index.md", "a/b/")  # not a top folder's index: no section
    nav = SimpleNamespace(items=[home, about, people, articles, deep], homepage=home, pages=[home, about, people, articles, deep])
    links = SameLinks(nav, SimpleNamespace(extra={}, theme={}))  # type: ignore[arg-type]
    of = {
        src: (s.file.src_uri if (s := links.section_of(page(src, url))) else None)
        for src, url in [  # type: ignore[arg-type]
            ("articles/x.md", "articles/x/"),
            ("articles/x/notes.md", "articles/x/notes.html"),
            ("people/sam/mentions-2.md", "people/sam/mentions-2.html"),
            ("people/index.md", "people/"),
            ("orgs/openai.md", "orgs/openai/"),
            ("a/b/c.md", "a/b/c/"),
            ("loose.md", "loose/"),
        ]
    }
    assert of == {
        "articles/x.md": "articles/index.md",
        "articles/x/notes.md": "articles/index.md",
        "people/sam/mentions-2.md": "people/index.md",
        "people/index.md": None,  # in the navigation: MkDocs lights it itself
        "orgs/openai.md": None,  # no orgs/index.md in this navigation
        "a/b/c.md": None,
        "loose.md": None,
    }


def test_links_of_is_mkdocs_own_relative_url_for_every_folder_shape() -> None:
    """links_of shares one computation between folders that differ only in names no target holds; for every page
    it must still give what MkDocs' normalize_url gives that page (depth, shared names, files, `..`, the root)."""
    from itertools import product
    from types import SimpleNamespace

    from mkdocs.utils import normalize_url

    from generator.site.navcache import SameLinks

    def item(url: str) -> SimpleNamespace:
        return SimpleNamespace(url=url, file=SimpleNamespace(src_uri=url.rstrip("/") + "/index.md"), title=url)

    targets = ["people/", "people/a/", "a/b/", "timeline/", "x.html", "https://example.org/y/", "#top"]
    nav = SimpleNamespace(items=[item(t) for t in targets], homepage=item(""), pages=[])
    cache = SameLinks(nav, SimpleNamespace(extra={}, theme={"logo": "assets\\logo.svg"}))  # type: ignore[arg-type]
    names = ["people", "a", "b", "q", "timeline", "assets", "z.html", ".", ".."]
    urls = [""] + ["/".join(p) + ("" if p[-1].endswith(".html") else "/") for n in (1, 2, 3) for p in product(names, repeat=n)]
    for url, base in product(urls, ["", "../.."]):
        page = SimpleNamespace(url=url)
        expected = tuple(normalize_url(t, page=page, base=base) for t in cache.targets)  # type: ignore[arg-type]
        assert cache.links_of(page, base) == expected, url  # type: ignore[arg-type]
    assert len(cache.links) < 2 * len(urls), "folders that differ only in names no target holds share their links"
    shared = len(cache.links)
    cache.links_of(SimpleNamespace(url="people/someone-new/"), "")  # type: ignore[arg-type]
    assert len(cache.links) == shared, "people/someone-new/ has the links of people/q/"
