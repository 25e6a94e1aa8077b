"""Every Arabic word the pages show that is not taken from the seeds, in one place.

Kinds and their names come from the enums in kb/schema.py, so a new kind that
has no label here fails loudly (KeyError) instead of showing its code name.
"""

from __future__ import annotations

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
PRECISION = {4: "السنة", 7: "الشهر", 10: "اليوم"}

# Sections and fixed phrases.
UNDATED = "بلا تاريخ"
RESOLVED_BY_EDITOR = "استنتجه المحرر"
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
NEWER = "الأحدث"
OLDER = "الأقدم"
ALL_ARTICLES = "كل المقالات"
ALL_EVENTS = "كل الأحداث"
DROPPED = "نصوص أُسقطت من المصدر بوصفها حشوًا"
LINE = "السطر"
ARTICLE_TITLE = "عنوان المقال"
ON_TEXT = "على النص"
BASIS = "الأساس"
CONCERNS = "تتعلق بـ"
NOTES_HEADING = "ملاحظات تحريرية"
NOTES_INTRO = "ليست من نص المقال: أضافها محرر الملف، وكل منها مرقم كما في الإشارة داخل النص."
IN_THIS_ARTICLE = "في هذا المقال"
EVENTS = "الأحداث"
IN_LATIN = "بالحروف اللاتينية"
KIND = "النوع"
BELONGS_TO = "تتبع"
ALSO_WRITTEN = "يُكتب أيضًا"
ROLES = "الأدوار"
IN_IT = "في"
PEOPLE_IN_ORG = "الأشخاص فيها"
UNDER_IT = "يتبعها"
SOURCES_SAY = "ما تقوله المصادر"
SAID_BY_PERSON = "من أقواله المنقولة"
SAID_BY_ORG = "أقوال منقولة"
MENTIONED_WITH = "يُذكر معه كثيرًا"
MENTIONED_WITH_INTRO = "في الفقرة نفسها، مع عدد الفقرات:"
MENTIONS = "الإشارات في المقالات"
NOT_MENTIONED = "لا تذكره المقالات بأي من أسمائه."
WHAT_HAPPENED = "ما حدث، بنص المصادر"
PARTICIPANTS = "المشاركون"
BEFORE_AFTER = "قبله وبعده"
BEFORE = "قبله"
AFTER = "بعده"
PRECISION_LABEL = "الدقة"
MENTIONS_COUNT = "الإشارات"
NO_MENTIONS = "لا إشارات"
RESOLVED_CHIP = "استنتاج المحرر"
RESOLVED_CHIP_TIP = "تاريخ استنتجه المحرر، لا النص؛ انظر صفحة الحدث"
NOTE_MARKER_PREFIX = "ملاحظة تحريرية: "

# Index pages: titles, and their one-line introductions (count phrases).
ARTICLES = "المقالات"
PEOPLE = "الأشخاص"
ORGS = "الجهات والمنتجات"


def articles_intro(n: int) -> str:
    return f"{n} مقالًا في الملف، الأحدث أولًا."


def people_intro(n: int) -> str:
    return f"{n} شخصًا تذكرهم المقالات."


def orgs_intro(n: int) -> str:
    return f"{n} جهة ومنتجًا ومفهومًا تذكرها المقالات، بحسب النوع."


def events_intro(n: int) -> str:
    return f"{n} حدثًا، بالترتيب الزمني."


def minutes(n: int) -> str:
    """Arabic counted noun for minutes."""
    if n == 1:
        return "دقيقة واحدة"
    if n == 2:
        return "دقيقتان"
    if 3 <= n <= 10:
        return f"{n} دقائق"
    return f"{n} دقيقة"
