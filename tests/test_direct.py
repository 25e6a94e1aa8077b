"""Generated pages converted without Python-Markdown (generator/site/direct.py) come out as Markdown makes them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from benchmarks.corpus import corpus_project
from generator.build import generate
from generator.site import fragments
from generator.site.direct import Converter
from tests.conftest import ROOT


def _pages(root: Path) -> tuple[dict[str, str], object]:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "unused-site"))
    dossier = generate(root)
    return {path: fragments.split(text)[0] for path, text in dossier.pages.items()}, config


def _file(path: str, content: str, config: Any) -> File:
    file = File(path, None, config.site_dir, config.use_directory_urls)
    file.content_string = content
    return file


def _both(path: str, skeleton: str, config: object, files: Files, converter: Converter) -> tuple[Page, object]:
    """The page as MkDocs converts it (Python-Markdown), and the converter's result."""
    file = _file(path, skeleton, config)
    page = Page(None, file, config)  # type: ignore[arg-type]
    page.read_source(config)  # type: ignore[arg-type]
    assert page.markdown is not None
    done = converter.convert(page.markdown)
    page.render(config, files)  # type: ignore[arg-type]
    return page, done


@pytest.mark.parametrize("corpus", [0, 50], ids=["seeds", "corpus-50"])
def test_direct_conversion_is_what_markdown_makes(corpus: int, tmp_path: Path) -> None:
    root = ROOT if not corpus else corpus_project(tmp_path / "p", corpus)[0]
    pages, config = _pages(root)
    converter = Converter(config)  # type: ignore[arg-type]
    assert converter.enabled, "the site's Markdown settings are ones the converter knows"
    files = Files([_file(path, text, config) for path, text in pages.items()])
    direct = 0
    for path, skeleton in sorted(pages.items()):
        page, done = _both(path, skeleton, config, files, converter)
        if done is None:
            continue
        direct += 1
        assert done.content == page.content, path
        assert _shape(get_toc(done.toc)) == _shape(page.toc), path
        assert done.title == page._title_from_render, path
        assert done.anchors == page.present_anchor_ids, path
    per_item = [p for p in pages if p.startswith(("articles/", "people/", "orgs/", "events/")) and not p.endswith("index.md")]
    assert direct >= len(per_item) > 100 if corpus else direct >= len(per_item) > 50


def _shape(toc: Iterable[AnchorLink]) -> list[tuple[str, str, int, list[Any]]]:
    return [(a.title, a.id, a.level, _shape(a.children)) for a in toc]


def test_anything_else_goes_to_markdown() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir="/unused")
    converter = Converter(config)
    assert converter.convert("# عنوان\n\ndossier-fragment-0") is not None
    for markdown in ("# عنوان *مائل*", "نص عادي", "# عنوان {: #x }", "- قائمة", "# a\\b", "# [رابط](x.md)", "#  عنوان", "# <b>x</b>", "# a & b"):
        assert converter.convert(markdown) is None, markdown
