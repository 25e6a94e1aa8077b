"""The shared Arabic case table (tests/cases/arabic.yml) against generator/arabic.py.

tests/test_search_js.py runs the same table against the search's JavaScript.
"""

from __future__ import annotations

import re
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


def _linked(c: str) -> str:
    """One character as the linker folds it: fold_char, with any white space a space."""
    return " " if arabic.fold_char(c).isspace() else arabic.fold_char(c)


def test_the_linkers_quick_fold_is_the_tables_over_every_code_point() -> None:
    """fold_with_map folds with str.lower and a replace per character the table changes (not the table itself)
    unless the text holds Σ or İ: every code point, in one text, comes out as fold_char makes it alone."""
    every = "".join(map(chr, range(0x110000)))
    for text in (every, every.replace("\u03a3", "").replace("\u0130", ""), "ΟΔΟΣ أُسامة", "أُسامة  بن\u00a0زيد"):
        folded, where = arabic.fold_with_map(text)
        assert folded == re.sub(" {2,}", " ", "".join(map(_linked, text)))
        assert len(where) == len(folded) and all(folded[i] in _linked(text[where[i]]) for i in range(0, len(folded), 997))
    assert isinstance(arabic.fold_with_map("قالت الشركة إن الرئيس أعلن")[1], range)  # nothing removed, single spaces: no map
    assert not isinstance(arabic.fold_with_map("قالَت الشركة")[1], range)
    assert not isinstance(arabic.fold_with_map("قالت\u00a0الشركة")[1], range)
    assert not isinstance(arabic.fold_with_map("قالت  الشركة")[1], range)
