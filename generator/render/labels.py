"""Every Arabic word the pages show that is not taken from the seeds, in one place.

Kinds and their names come from the enums in kb/schema.py, so a new kind that
has no label here fails loudly (KeyError) instead of showing its code name.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from babel.core import Locale

from ..kb.schema import AnnotationKind, EntityKind

KIND_PLURAL: dict[EntityKind, str] = {
    EntityKind.PERSON: "الأشخاص",
    EntityKind.COMPANY: "الشركات",
    EntityKind.BOARD: "مجالس الإدارة",
    EntityKind.TEAM: "الفرق والأقسام",
    EntityKind.OUTLET: "وسائل الإعلام",
    EntityKind.PRODUCT: "المنتجات والنماذج",
    EntityKind.PLATFORM: "المنصات",
    EntityKind.CONCEPT: "المفاهيم",
    EntityKind.INSTITUTION: "المؤسسات",
    EntityKind.GOVERNMENT: "الجهات الحكومية",
}
KIND_SINGULAR: dict[EntityKind, str] = {
    EntityKind.PERSON: "شخص",
    EntityKind.COMPANY: "شركة",
    EntityKind.BOARD: "مجلس إدارة",
    EntityKind.TEAM: "فريق أو قسم",
    EntityKind.OUTLET: "وسيلة إعلام",
    EntityKind.PRODUCT: "منتج أو نموذج",
    EntityKind.PLATFORM: "منصة",
    EntityKind.CONCEPT: "مفهوم",
    EntityKind.INSTITUTION: "مؤسسة",
    EntityKind.GOVERNMENT: "جهة حكومية",
}
ANNOTATION_KIND: dict[AnnotationKind, str] = {
    AnnotationKind.CORRECTION: "تصحيح",
    AnnotationKind.CONTEXT: "سياق",
    AnnotationKind.CONTRADICTION: "تعارض بين المصادر",
    AnnotationKind.RESOLVED_DATE: "تاريخ استنتجه المحرر",
}

# Sections and fixed phrases.
UNDATED = "بلا تاريخ"
RESOLVED_BY_EDITOR = "استنتجه\u00a0المحرر"  # one unbroken phrase in its parentheses
EDITORIAL_NOTE = "ملاحظة تحريرية"
LOST_QUESTION = "سؤال مفقود من المصدر"
LOST_QUESTION_TIP = "نص السؤال غير موجود في المصدر"
SOURCE = "المصدر"
SOURCE_UNSTATED = "غير مذكور في النص"
DATE = "التاريخ"
AUTHOR = "الكاتب"
READING_TIME = "وقت القراءة"
ESTIMATE = "تقدير"
PARAGRAPH = "الفقرة"


def latin_aside(name: str, latin: str) -> str:
    """What goes in parentheses after a name: its Latin spelling, '' when that is the name itself, and the
    rest alone when the spelling repeats the name («X (formerly Twitter)» after «X»: «X (formerly Twitter)»,
    not «X (X (formerly Twitter))»)."""
    if not latin or latin == name:
        return ""
    if latin.startswith(f"{name} (") and latin.endswith(")"):
        return latin[len(name) + 2 : -1]
    return latin


def paragraph(number: int) -> str:
    """«الفقرة 4» with a no-break space: a link never ends one line with the word and starts the next with its number."""
    return f"{PARAGRAPH}\u00a0{number}"


NEWER = "الأحدث"
OLDER = "الأقدم"
PREVIOUS_LISTED = "السابق في القائمة"
NEXT_LISTED = "التالي في القائمة"
"""Where one of the two articles has no date: the list puts the undated last, but neither is newer."""
ALL_ARTICLES = "كل المقالات"
DROPPED = "نصوص أُسقطت من المصدر بوصفها حشوًا"
LINE = "السطر"
ARTICLE_TITLE = "عنوان المقال"
ON_TEXT = "على النص"
BASIS = "الأساس"
CONCERNS = "تتعلق بـ"
NOTES_HEADING = "ملاحظات تحريرية"
IN_THIS_ARTICLE = "في هذا المقال"
EVENTS = "الأحداث"
IN_LATIN = "بالحروف اللاتينية"
BELONGS_TO = "تتبع"
# The labels person and organisation pages share name their subject with no pronoun: the seeds do not say whether
# a person is a man or a woman («شبكته» and «من أقواله» read wrong on Mira Murati's page). Labels for organisations
# alone take the feminine of «جهة», the word the dossier calls them by («الأشخاص فيها», «يتبعها»).
ENTITY_DATA = "البيانات بصيغة <bdi>JSON</bdi>"
ALSO_WRITTEN = "يُكتب أيضًا"
IN_IT = "في"
PEOPLE_IN_ORG = "الأشخاص فيها"
UNDER_IT = "يتبعها"
SOURCES_SAY = "ما تقوله المصادر"
SAID = "أقوال منقولة"
MENTIONED_WITH = "أسماء ترد مع هذا الاسم"
MENTIONED_WITH_INTRO = "أكثر الأسماء ورودًا مع هذا الاسم في فقرة واحدة، وعدد الفقرات التي تجمعهما:"
MENTIONS = "الإشارات في المقالات"
MORE_MENTIONS = "بقية الإشارات، في صفحات"
NOT_MENTIONED = "لا يرد هذا الاسم في المقالات، ولا أيٌّ من صيغه."
WHAT_HAPPENED = "ما حدث، بنص المصادر"
PARTICIPANTS = "المشاركون"
BEFORE_AFTER = "قبله وبعده"
BEFORE = "قبله"
AFTER = "بعده"
RESOLVED_CHIP = "استنتاج المحرر"
RESOLVED_CHIP_TIP = "تاريخ استنتجه المحرر، لا النص؛ انظر صفحة الحدث"
STATED_CHIP = "بنص المصدر"
STATED_CHIP_TIP = "تاريخ ينص عليه المصدر نفسه"

# Article pages: the text first; notes, cast and events after it.
ON_THIS_ARTICLE = "على هذا المقال، من محرر الملف لا من نصه"
NOTES_IN_FULL = "النص الكامل لكل ملاحظة وما تستند إليه"
# An article's notes page (articles/<id>/notes/): every note in full.
NOTES_PAGE_TITLE = "ملاحظات المحرر على"
NOTES_PAGE_INTRO = "ليست من نص المقال: أضافها محرر الملف. رقم كل ملاحظة هو رقم إشارتها في نص المقال، و«على النص» يعود بك إلى موضعها فيه."
BACK_TO_ARTICLE = "العودة إلى المقال"
DATE_NOTE_SUMMARY = "كيف أرّخ محرر الملف هذا المقال"
ARTICLE_EVENTS = "أحداث يرويها المقال"

# Person, organisation and event pages: sections in a fixed order, each in the table of contents.
WHO = "التعريف والأدوار"
TIMELINE = "الخط الزمني"
ENTITY_NOTES = "ملاحظات تحريرية"

# Index pages: titles, and their one-line introductions (count phrases).
ARTICLES = "المقالات"
PEOPLE = "الأشخاص"
ORGS = "الجهات والمنتجات"


def articles_intro(n: int) -> str:
    return f"{count(n, N.ARTICLE)} في الملف، الأحدث أولًا."


def people_intro(n: int) -> str:
    return f"{count(n, N.PERSON)} تذكرهم المقالات."


def orgs_intro(n: int) -> str:
    return f"{count(n, N.ENTRY)} للجهات والمنتجات والمفاهيم التي تذكرها المقالات، بحسب النوع."


def events_intro(n: int, resolved: int) -> str:
    """How many events, and whose dates the editor worked out: said once here, a chip only on the fewer lines."""
    text = f"{count(n, N.EVENT)}، بالترتيب الزمني."
    if not resolved:
        return text
    if resolved == n:
        return f"{text} تواريخها كلها استنتجها المحرر من النصوص؛ صفحة كل حدث تبيّن كيف."
    verb = {1: "استنتجه", 2: "استنتجهما"}.get(resolved, "استنتجها")
    how = f"{count(resolved, N.DATE)} منها {verb} المحرر من النصوص، وصفحة كل حدث تبيّن كيف"
    if 2 * resolved > n:
        return f"{text} {how}؛ والموسوم «{STATED_CHIP}» نصّ المصدر على تاريخه."
    return f"{text} {how}؛ وهي الموسومة «{RESOLVED_CHIP}»."


def minutes(n: int) -> str:
    """Reading time: «دقيقة واحدة»، «دقيقتان»، «3 دقائق»، «11 دقيقةً»."""
    return count(n, N.MINUTE)


# --- counts: «number + noun» by the Arabic plural rules -----------------------------------
#
# Arabic chooses the noun's form by the number: لا مقالات، مقال واحد، مقالان، 3 مقالات
# (3–10: plural), 11 مقالًا (11–99: accusative singular), 100 مقال (100, 101, …: genitive
# singular). The categories come from CLDR (Babel), so 103 is «few» and 111 «many» as the
# rules say, not as a range check would guess.

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

    @property
    def two_oblique(self) -> str:
        """The dual after a preposition (genitive): «في مقالين», «في فقرتين», «ملاحظتين تحريريتين». Each word's
        -ان ending is -ين; the other forms do not change with the case (after 11–99 the noun stays accusative)."""
        return " ".join(w[:-2] + "ين" if w.endswith("ان") else w for w in self.two.split())


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
    DATE = "date"
    EDITORIAL_NOTE = "editorial-note"
    RELATION = "relation"
    TERM = "term"


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
    N.DATE: Noun("تاريخ", "تاريخان", "تواريخ", "تاريخًا"),
    N.EDITORIAL_NOTE: Noun("ملاحظة تحريرية", "ملاحظتان تحريريتان", "ملاحظات تحريرية", "ملاحظةً تحريريةً", feminine=True),
    N.RELATION: Noun("علاقة", "علاقتان", "علاقات", "علاقةً", feminine=True),
    N.TERM: Noun("مصطلح", "مصطلحان", "مصطلحات", "مصطلحًا"),
}


@lru_cache(maxsize=4096)
def category(n: int) -> str:
    """CLDR plural category of `n` in Arabic: zero, one, two, few, many or other (remembered: counts repeat)."""
    return str(_ARABIC.plural_form(n))


def count(n: int, noun: N, after_preposition: bool = False) -> str:
    """«number + noun», grammatical for every n ≥ 0: لا مقالات، مقال واحد، مقالان، 3 مقالات، 11 مقالًا، 100 مقال.
    `after_preposition`: the count follows «في», «من», …, which put the dual in the genitive («في مقالين»); never
    for none («في لا مقالات» is no Arabic: say it otherwise)."""
    if n < 0 or (n == 0 and after_preposition):
        raise ValueError(f"no count of {n} can follow a preposition" if n == 0 else f"a count cannot be negative: {n}")
    forms = NOUNS[noun]
    match category(n):
        case "zero":
            return f"لا {forms.plural}"
        case "one":
            return f"{forms.one} {'واحدة' if forms.feminine else 'واحد'}"
        case "two":
            return forms.two_oblique if after_preposition else forms.two
        case "few":
            return f"{n}\u00a0{forms.plural}"  # a no-break space: a line never parts a number from its noun
        case "many":
            return f"{n}\u00a0{forms.many}"
        case _:
            return f"{n}\u00a0{forms.one}"
