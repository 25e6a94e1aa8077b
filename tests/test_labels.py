"""Arabic counts: the noun's form follows the number (CLDR plural categories)."""

from __future__ import annotations

import pytest

from generator.render import labels

N, count = labels.N, labels.count

EXPECTED = {
    N.ARTICLE: ["لا مقالات", "مقال واحد", "مقالان", "3\u00a0مقالات", "10\u00a0مقالات", "11\u00a0مقالًا", "99\u00a0مقالًا", "100\u00a0مقال", "101\u00a0مقال"],
    N.PERSON: ["لا أشخاص", "شخص واحد", "شخصان", "3\u00a0أشخاص", "10\u00a0أشخاص", "11\u00a0شخصًا", "99\u00a0شخصًا", "100\u00a0شخص", "101\u00a0شخص"],
    N.EVENT: ["لا أحداث", "حدث واحد", "حدثان", "3\u00a0أحداث", "10\u00a0أحداث", "11\u00a0حدثًا", "99\u00a0حدثًا", "100\u00a0حدث", "101\u00a0حدث"],
    N.NOTE: [
        "لا ملاحظات",
        "ملاحظة واحدة",
        "ملاحظتان",
        "3\u00a0ملاحظات",
        "10\u00a0ملاحظات",
        "11\u00a0ملاحظةً",
        "99\u00a0ملاحظةً",
        "100\u00a0ملاحظة",
        "101\u00a0ملاحظة",
    ],
}


@pytest.mark.parametrize("noun", list(EXPECTED))
def test_count_phrase_follows_arabic_plural_rules(noun: object) -> None:
    numbers = [0, 1, 2, 3, 10, 11, 99, 100, 101]
    assert [count(n, noun) for n in numbers] == EXPECTED[noun]  # type: ignore[index]


def test_categories_come_from_the_rules_not_from_ranges() -> None:
    # 103 ends in 3 (few), 111 in 11 (many), 1000 is other: a "3\u00a0<= n <= 10" check gets all three wrong.
    assert [count(n, N.ARTICLE) for n in (103, 111, 1000)] == ["103\u00a0مقالات", "111\u00a0مقالًا", "1000\u00a0مقال"]


def test_every_noun_has_every_form() -> None:
    for noun in N:
        phrases = {count(n, noun) for n in (0, 1, 2, 3, 11, 100)}
        assert len(phrases) == 6, noun


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError):
        count(-1, N.ARTICLE)
