"""The shared Arabic case table (tests/cases/arabic.yml) against generator/arabic.py.

tests/test_search_js.py runs the same table against the search's JavaScript.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import arabic

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "arabic.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("text", "expected"), CASES["fold"])
def test_fold(text: str, expected: str) -> None:
    assert arabic.fold(text) == expected


@pytest.mark.parametrize(("word", "expected"), CASES["key"])
def test_key(word: str, expected: str) -> None:
    assert arabic.key(word) == expected


@pytest.mark.parametrize(("text", "_"), CASES["fold"])
def test_fold_with_map_points_back_to_the_original(text: str, _: str) -> None:
    folded, where = arabic.fold_with_map(text)
    assert folded == arabic.fold(text)
    assert len(where) == len(folded)
    assert list(where) == sorted(where)
    for ch, i in zip(folded, where, strict=True):
        assert ch == " " and text[i].isspace() or arabic.fold_char(text[i]) == ch


def test_the_search_worker_gets_every_character_that_folding_changes() -> None:
    """Its table is made from the Unicode blocks that may hold one (generator/site/search.py): none is missed."""
    from generator.site.search import _changed_chars

    every = {}
    for code in range(0x110000):
        c = chr(code)
        if not 0xD800 <= code < 0xE000 and not arabic.REMOVE_RE.match(c) and (to := arabic.fold_char(c)) != c:
            every[c] = to
    assert _changed_chars() == every
    assert {"أ": "ا", "ة": "ه", "A": "a", "Σ": "σ", "٣": "3"}.items() <= every.items()
