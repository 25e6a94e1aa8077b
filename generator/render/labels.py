"""Arabic counts: «number + noun» with the plural rules of the language.

Arabic chooses the noun's form by the number: لا مقالات، مقال واحد، مقالان،
3 مقالات (3–10: plural), 11 مقالًا (11–99: accusative singular), 100 مقال
(100, 101, …: genitive singular). The categories come from CLDR (Babel), so
103 is «few» and 111 «many» as the rules say, not as a range check would guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from babel.core import Locale

_ARABIC = Locale("ar")


@dataclass(frozen=True)
class Noun:
    """The forms of one counted noun."""

    one: str
    """Singular, also the form after 100, 101, … (genitive): مقال."""
    two: str
    """Dual: مقالان."""
    plural: str
    """After 3–10, and for «none»: مقالات."""
    many: str
    """After 11–99 (accusative singular): مقالًا."""
    feminine: bool = False
    """The word for «one» agrees: ملاحظة واحدة."""


class N(StrEnum):
    """The nouns the dossier counts."""

    ARTICLE = "article"
    PERSON = "person"
    EVENT = "event"
    NOTE = "note"
    MENTION = "mention"
    ORGANISATION = "organisation"
    ENTRY = "entry"
    PARAGRAPH = "paragraph"
    MINUTE = "minute"
    TEXT = "text"
    SOURCE = "source"
    NAME = "name"
    ENTITY = "entity"


NOUNS: dict[N, Noun] = {
    N.ARTICLE: Noun("مقال", "مقالان", "مقالات", "مقالًا"),
    N.PERSON: Noun("شخص", "شخصان", "أشخاص", "شخصًا"),
    N.EVENT: Noun("حدث", "حدثان", "أحداث", "حدثًا"),
    N.NOTE: Noun("ملاحظة", "ملاحظتان", "ملاحظات", "ملاحظةً", feminine=True),
    N.MENTION: Noun("إشارة", "إشارتان", "إشارات", "إشارةً", feminine=True),
    N.ORGANISATION: Noun("جهة", "جهتان", "جهات", "جهةً", feminine=True),
    N.ENTRY: Noun("مدخل", "مدخلان", "مداخل", "مدخلًا"),
    N.PARAGRAPH: Noun("فقرة", "فقرتان", "فقرات", "فقرةً", feminine=True),
    N.MINUTE: Noun("دقيقة", "دقيقتان", "دقائق", "دقيقةً", feminine=True),
    N.TEXT: Noun("نص", "نصان", "نصوص", "نصًّا"),
    N.SOURCE: Noun("مصدر", "مصدران", "مصادر", "مصدرًا"),
    N.NAME: Noun("اسم", "اسمان", "أسماء", "اسمًا"),
    N.ENTITY: Noun("كيان", "كيانان", "كيانات", "كيانًا"),
}


def category(n: int) -> str:
    """CLDR plural category of `n` in Arabic: zero, one, two, few, many or other."""
    return str(_ARABIC.plural_form(n))


def count(n: int, noun: N) -> str:
    """«number + noun», grammatical for every n ≥ 0: لا مقالات، مقال واحد، مقالان، 3 مقالات، 11 مقالًا، 100 مقال."""
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    forms = NOUNS[noun]
    match category(n):
        case "zero":
            return f"لا {forms.plural}"
        case "one":
            return f"{forms.one} {'واحدة' if forms.feminine else 'واحد'}"
        case "two":
            return forms.two
        case "few":
            return f"{n} {forms.plural}"
        case "many":
            return f"{n} {forms.many}"
        case _:
            return f"{n} {forms.one}"
