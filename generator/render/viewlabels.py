"""The Arabic words of the ways into the story: front page, timeline, graph, glossary, indexes.

Counts go through labels.count (Arabic's plural rules, CLDR categories via Babel),
re-exported here with the nouns the views count.
"""

from __future__ import annotations

from .labels import N, count

__all__ = ["count"]

# The nouns the views count (labels.NOUNS holds their forms).
ARTICLE = N.ARTICLE
PERSON = N.PERSON
ORGANISATION = N.ORGANISATION
EVENT = N.EVENT
NOTE = N.EDITORIAL_NOTE
MENTION = N.MENTION
PARAGRAPH = N.PARAGRAPH
RELATION = N.RELATION
TERM = N.TERM
SOURCE = N.SOURCE
ENTRY = N.ENTRY


# --- navigation and page titles ------------------------------------------------------------
HOME = "الرئيسية"
TIMELINE = "الخط الزمني"
PEOPLE = "الأشخاص"
ORGS = "الجهات"
EVENTS = "الأحداث"
GRAPH = "الشبكة"
GLOSSARY = "المسرد"
ARTICLES = "المقالات"
BACK_TO = "العودة إلى"

# --- front page ---------------------------------------------------------------------------
IN_FIGURES = "الملف بالأرقام"
SPAN = "المدة التي تغطيها الأحداث"
SPAN_FROM_TO = "من {start} إلى {end}"
ARCS = "خيوط القصة"
EDITORIAL_SUMMARY = "ملخص تحريري"
SUMMARY_BASIS = "ما يستند إليه الملخص"
ON_THE_TIMELINE = "على الخط الزمني"
CENTRAL_PEOPLE = "الأشخاص الأبرز"
CENTRAL_PEOPLE_INTRO = "الأكثر ذكرًا في المقالات، مع أول دور تذكره لهم."
NEWEST_ARTICLES = "المقالات، الأحدث أولًا"
HOW_TO_READ = "كيف تقرأ الملف"
ALL_PEOPLE = "كل الأشخاص"

# --- timeline -----------------------------------------------------------------------------
JUMP_TO_YEAR = "انتقل إلى سنة"
FILTER = "اعرض أحداث"
FILTER_ALL = "الجميع"
FILTER_SHOWING = "المعروض"
YEAR_ONLY = "في {year}، دون شهر محدد"
MONTH_ONLY = "اليوم غير محدد"
EDITOR_DATE = "تاريخ استنتجه المحرر"
EDITOR_DATE_TIP = "لا يذكر النص هذا التاريخ بتمامه: استنتجه المحرر، والملاحظة تشرح كيف"
PARTICIPANTS = "المشاركون"
SOURCES = "المصادر"
ARC_STARTS = "يبدأ هنا خيط"
UNDATED = "بلا تاريخ"
TIMELINE_OF = "أحداثه على الخط الزمني"
TIMELINE_INTRO = "كل الأحداث التي ترويها المقالات بترتيبها الزمني، بالدقة التي تسمح بها المصادر: يوم، أو شهر، أو سنة."
TIMELINE_ORDER = "في كل شهر تأتي الأحداث المعروف يومها أولًا، ثم ما لا يُعرف منه إلا الشهر؛ وفي كل سنة تأتي شهورها، ثم ما لا يُعرف منه إلا السنة."

# --- graph --------------------------------------------------------------------------------
GRAPH_INTRO = (
    "من يرتبط بمن في المقالات: الأشخاص والجهات، وبينهم خط إذا جمعهما دور في جهة، أو حدث واحد، "
    "أو ذُكرا في الفقرة نفسها. كل اسم رابط إلى صفحته، ومرور المؤشر على خط يشرح العلاقة."
)
GRAPH_CAP = "تعرض الشبكة أكثر الأسماء ارتباطًا ({shown} من {total})؛ والقائمة تحتها تسرد كل العلاقات."
GRAPH_CAP_EDGES = (
    "تعرض الشبكة أكثر الأسماء ارتباطًا ({shown} من {total}) وأقوى العلاقات بينها ({edges} من {all_edges})، "
    "والقائمة تحتها تسرد هذه العلاقات نصًّا؛ ولكل اسم شبكته القريبة في صفحته."
)
NARROW_SCREEN = "على شاشة صغيرة تظهر الشبكة كاملة مصغّرة: كبّرها بإصبعين، أو اقرأ العلاقات نصًّا تحتها."
LEGEND = "مفتاح الشبكة"
LEGEND_PERSON = "شخص"
LEGEND_ORG = "جهة"
LEGEND_ROLE = "دور في جهة"
LEGEND_EVENT = "حدث مشترك"
LEGEND_PARAGRAPH = "ذُكرا في الفقرة نفسها فقط"
RELATIONS_AS_TEXT = "العلاقات نصًّا"
ROLE = "دور"
SHARED_EVENTS = "الأحداث المشتركة"
TOGETHER_IN = "الفقرات التي تذكرهما معًا"
AND_MORE = "وغيرها ({n})"
ITS_NETWORK = "الشبكة القريبة"
ITS_NETWORK_INTRO = "أقرب الأسماء إلى هذا الاسم في المقالات، وكل العلاقات في {graph}."
GRAPH_LABEL = "شبكة العلاقات بين الأشخاص والجهات"

# --- glossary -----------------------------------------------------------------------------
GLOSSARY_INTRO = (
    "المصطلحات التي يحتاجها القارئ لفهم المقالات. ما تعرّفه المقالات نفسها منقول بنصه مع مصدره، "
    "وما سوى ذلك تعريف من المحرر، موسوم بذلك، ومعه المواضع التي يشرحها."
)
ARTICLES_DEFINITION = "تعريف المقالات"
EDITORIAL_DEFINITION = "تعريف تحريري"
WHERE_USED = "يرد في"
SEE_PAGE = "صفحته في الملف"
TOOLTIP_PREFIX = "المسرد"

# --- indexes ------------------------------------------------------------------------------
LETTERS = "الحروف"
INDEX_PAGES = "صفحات القائمة"
OTHER_LETTER = "أرقام ورموز"
IN_ARTICLES = "في"
NO_ROLE = ""
CHRONOLOGICAL = "وبالترتيب الزمني في [الخط الزمني](../timeline/index.md)."


def letter_anchor(head: str) -> str:
    """A readable anchor for a letter heading: حرف-ب, حرف-Q; digits and symbols: حرف-رموز."""
    return f"حرف-{head}" if head != "#" else "حرف-رموز"
