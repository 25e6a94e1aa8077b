"""Arabic dictionary order (arabic.sort_key, arabic.letter) against tests/cases/sort.yml."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from generator import arabic

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "sort.yml").read_text(encoding="utf-8"))


def test_table_sorts_back_into_dictionary_order() -> None:
    expected = CASES["order"]
    for seed in range(5):
        shuffled = expected[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(shuffled, key=arabic.sort_key) == expected


def test_names_beginning_with_alef_forms_and_the_article() -> None:
    names = ["الذكاء", "إيليا", "آدم", "ألتمان", "ابراهيم", "باريت"]
    assert sorted(names, key=arabic.sort_key) == ["ابراهيم", "آدم", "ألتمان", "إيليا", "باريت", "الذكاء"]


def test_ties_are_broken_by_the_exact_spelling() -> None:
    a, b = arabic.sort_key("سام"), arabic.sort_key("سَام")
    assert a[:2] == b[:2] and a != b


@pytest.mark.parametrize(("name", "expected"), CASES["letter"])
def test_letter(name: str, expected: str) -> None:
    assert arabic.letter(name) == expected


def test_letters_follow_the_key() -> None:
    """Grouping by letter after sorting never splits a letter into two runs."""
    names = sorted(CASES["order"], key=arabic.sort_key)
    letters = [arabic.letter(n) for n in names]
    runs = [x for i, x in enumerate(letters) if i == 0 or letters[i - 1] != x]
    assert len(runs) == len(set(runs))
