"""The navigation and tabs rendered once per set of relative links (generator/site/navcache.py) are Material's own."""

from __future__ import annotations

import filecmp
from pathlib import Path

from tests.conftest import SITE_ENV, copy_project, mkdocs_build

PARTIALS = ("overrides/partials/nav.html", "overrides/partials/tabs.html")


def _files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_the_site_is_byte_identical_with_materials_own_partials(site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    for partial in PARTIALS:
        text = (project / partial).read_text(encoding="utf-8")
        assert "dossier_same_links" in text, "the override calls the cache"
        (project / partial).unlink()  # Material's partial is used instead
    plain = tmp_path / "plain"
    result = mkdocs_build(project, plain, env=SITE_ENV)
    assert result.returncode == 0, result.stderr
    assert _files(plain) == _files(site)
    assert [p for p in _files(site) if not filecmp.cmp(plain / p, site / p, shallow=False)] == []


def test_the_overrides_are_materials_partials_inside_the_call() -> None:
    """Each override is the theme's file, unchanged, between the call and its end (re-copy when upgrading)."""
    import material

    theme = Path(material.__file__).parent / "templates"
    root = Path(__file__).resolve().parent.parent
    for partial in PARTIALS:
        ours = (root / partial).read_text(encoding="utf-8")
        body = ours[ours.index("{% call dossier_same_links") :]
        body = body[body.index("%}\n") + 3 : body.rindex("{% endcall %}")]
        original = (theme / partial.removeprefix("overrides/")).read_text(encoding="utf-8")
        assert body == original.split("-#}\n", 1)[1], partial
