"""Arabic counts: the noun's form follows the number (CLDR plural categories)."""

from __future__ import annotations

import pytest

from generator.render import labels

N, count = labels.N, labels.count

EXPECTED = {
    N.ARTICLE: ["لا مقالات", "مقال واحد", "مقالان", "3 مقالات", "10 مقالات", "11 مقالًا", "99 مقالًا", "100 مقال", "101 مقال"],
    N.PERSON: ["لا أشخاص", "شخص واحد", "شخصان", "3 أشخاص", "10 أشخاص", "11 شخصًا", "99 شخصًا", "100 شخص", "101 شخص"],
    N.EVENT: ["لا أحداث", "حدث واحد", "حدثان", "3 أحداث", "10 أحداث", "11 حدثًا", "99 حدثًا", "100 حدث", "101 حدث"],
    N.NOTE: ["لا ملاحظات", "ملاحظة واحدة", "ملاحظتان", "3 ملاحظات", "10 ملاحظات", "11 ملاحظةً", "99 ملاحظةً", "100 ملاحظة", "101 ملاحظة"],
}


@pytest.mark.parametrize("noun", list(EXPECTED))
def test_count_phrase_follows_arabic_plural_rules(noun: object) -> None:
    numbers = [0, 1, 2, 3, 10, 11, 99, 100, 101]
    assert [count(n, noun) for n in numbers] == EXPECTED[noun]  # type: ignore[index]


def test_categories_come_from_the_rules_not_from_ranges() -> None:
    # 103 ends in 3 (few), 111 in 11 (many), 1000 is other: a "3 <= n <= 10" check gets all three wrong.
    assert [count(n, N.ARTICLE) for n in (103, 111, 1000)] == ["103 مقالات", "111 مقالًا", "1000 مقال"]


def test_every_noun_has_every_form() -> None:
    for noun in N:
        phrases = {count(n, noun) for n in (0, 1, 2, 3, 11, 100)}
        assert len(phrases) == 6, noun


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError):
        count(-1, N.ARTICLE)
