"""Names in article text that look like people or organisations: candidates for the editor.

Arabic writes no capitals, so a name is recognised by where it stands and by
what it is not:

- where: right after a title («الرئيس التنفيذي لشركة X جون دو»، «كبير مسؤولي
  الأبحاث بوب ماكجرو»), after a verb of saying, after an honorific, before an
  apposition («جون دو، الرئيس التنفيذي …»، «جون دو، الذي …»), at the head of a
  list item («جون دو: المؤسس»), in a list of names («بينهم أ ب، وج د، وهـ و»),
  after «شركة»/«صحيفة»/«منصة» … for organisations; and Latin capitalised runs;
- what it is not: a word with «ال», a function word, a word with a pronoun
  suffix, or a word the articles also use with «ال» (لقيادة, as القيادة occurs:
  a common noun).

Simple heuristics on purpose: they point the editor at a paragraph, the editor
decides. benchmarks/editor_recall.py measures them on the seeds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .arabic import fold_word
from .model import Article, Block, Kind
from .text import LATIN_RUN

_ARABIC_WORD = re.compile(r"[\u0621-\u064a][\u0621-\u065f\u0670]*")
TRAILING = "،,.:؛!?؟»«“”\"'()[]–—-"
STOP = {
    fold_word(w)
    for w in (
        "أن إن أنه إنه أنها إنها إنهم أنهم في على من إلى عن مع بعد قبل عندما حين كما لكن لقد قد هو هي هم هذا هذه ذلك تلك"
        " أحد إحدى بعض كل لم لن ما لا يوم أيضا أيضًا سابقا سابقًا الآن حتى وقد فقد ثم أو أي التي الذي الذين بأن بأنه بأنها"
        " لشركة لـ شركة السابق السابقة المشارك المشاركة فقط عبر خلال بين بينهم منذ نحو حول ضد دون غير عدة عدد مثل لدى لصالح"
        " يوم أمس اليوم غدا بسبب وفق وفقا بحسب حسب رغم إذ إذا لو كان كانت يكون تكون ليس ليست وهو وهي وهم وكان وكانت"
        " أعلن أعلنت قال قالت كتب كتبت أكد أكدت أضاف أضافت صرح صرحت ذكر ذكرت أشار أشارت أوضح أوضحت عبر رفض رفضت"
        " جديد جديدة سابق سابقة أول أولى آخر أخرى آخرون كبير كبيرة نائب نائبة رئيس رئيسة مدير مديرة عضو كبار"
        " شهر عام سنة أسبوع ساعة ساعات دقيقة يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"
        " السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة"
        " لكنه لكنها عنه عنها منه منها له لها به بها فيه فيها إليه إليها عليه عليها حيث حوالي عادة لقب قسم أيضا"
        " اثنان اثنين اثنتان اثنتين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة آخران آخرين آخرون"
        " يوجد توجد تم يتم كما وكما هناك هنا لذلك ولذلك بينما أما إلا معه معها معهم معكم معنا"
        " بث ألعاب مسؤولي مسؤول مسؤولة قسم أقسام إدارة شؤون علماء باحثي موظفي فريق مجلس"
    ).split()
}
# Words that open an apposition after a person's name: «جون دو، الرئيس التنفيذي …»، «جون دو، الذي …».
APPOSITION = {
    fold_word(w)
    for w in (
        "الرئيس الرئيسة رئيس رئيسة المدير المديرة مدير مديرة مديرة كبير كبيرة نائب نائبة المؤسس المؤسسة مؤسس مؤسسة"
        " الباحث الباحثة باحث باحثة الخبير الخبيرة خبير خبيرة مسؤول مسؤولة المسؤول المسؤولة رائد رائدة عضو عضوة"
        " القائد القائدة قائد قائدة مطور مطورة المطور الأستاذ أستاذ أستاذة المتحدث المتحدثة الذي التي الذين"
        " الشريك الشريكة شريك زميل زميلة المستثمر مستثمر الصحفي الصحفية الكاتب الكاتبة"
    ).split()
}
# Titles and honorifics a name follows, possibly after a few words that complete the title
# («كبير مسؤولي الأبحاث بوب ماكجرو»، «الرئيس التنفيذي لشركة OpenAI سام ألتمان»).
TITLE_CUE = re.compile(
    r"(?<![\w])(?:[وف]?(?:ال)?(?:رئيس|رئيسة|مدير|مديرة|مؤسس|مؤسسة|كبير|كبيرة|نائب|نائبة|باحث|باحثة|خبير|خبيرة|مسؤول|مسؤولة|متحدث|متحدثة|قائد|قائدة"
    r"|سيد|سيدة|دكتور|دكتورة|بروفيسور|أستاذ|أستاذة|مطور|مطورة|زميل|زميلة|مستثمر|مستثمرة|ملياردير|صحفي|صحفية|عضو|عضوة)|د\.)(?![\w])"
)
# Verbs of saying or acting with the subject right after: «قال جون دو»، «وأعلن جون دو».
SAY_CUE = re.compile(
    r"(?<![\w])[وف]?(?:قال|قالت|كتب|كتبت|صرح|صرّح|صرحت|صرّحت|أعلن|أعلنت|أضاف|أضافت|أكد|أكّد|أكدت|أكّدت|عبّر|عبر|عبرت|عبّرت|رفض|رفضت"
    r"|أوضح|أوضحت|أشار|أشارت|غادر|غادرت|انضم|انضمت|استقال|استقالت|ذكر|ذكرت)(?![\w])"
)
# Organisations after the word that says what they are: «شركة أنثروبيك»، «صحيفة نيويورك تايمز».
ORG_CUE = re.compile(
    r"(?<![\w])[وفبلك]?(?:شركة|شركات|مجموعة|منصة|موقع|صحيفة|مجلة|وكالة|جامعة|مختبر|مختبرات|مؤسسة|منظمة|صندوق|بنك|هيئة|وزارة|معهد|مركز)(?![\w])"
)
# Words that join the next name in a list: «بينهم أ ب، وج د، وهـ و»; «أن»: «أعلن أن جون دو سيتولى».
LIST_CUE = re.compile(r"(?<![\w])(?:بينهم|بينهن|منهم|ومنهم|مثل|أمثال|وهم|هم|أن|بأن|إن)(?![\w])")
TANWEEN = re.compile("[\u064b-\u064d]|اً$")
"""An adverb or indefinite accusative (حالياً، مؤخرًا، ثالثًا): never part of a name."""
TITLE_FILLER = 3
"""Words after a title that may still belong to it («التنفيذي لشركة OpenAI») before the name."""


@dataclass(frozen=True)
class Candidate:
    """A stretch of a paragraph that may name someone the knowledge base lacks."""

    text: str
    block: int
    line: int
    start: int
    end: int
    why: str


class _Word(NamedTuple):
    text: str
    """As written, punctuation around it cut."""
    start: int
    end: int
    stop_after: bool
    """Punctuation follows the word: a name does not run on past it."""
    comma_after: bool
    linked: bool = False
    """The linker found a known entity here: not part of an unknown name."""


_TOKEN = re.compile(r"\S+")


@lru_cache(maxsize=1 << 16)
def _cut(raw: str) -> tuple[str, int, bool, bool]:
    """A token without the punctuation around it: (bare, characters cut before, stop after, comma after).
    Remembered: an article's words are mostly words other articles wrote."""
    bare = raw.strip(TRAILING)
    lead = len(raw) - len(raw.lstrip(TRAILING))
    tail = raw[lead + len(bare) :]
    return bare, lead, bool(tail), tail.startswith(("،", ","))


def _words(text: str, spans: Iterable[tuple[int, int]] = ()) -> list[_Word]:
    spans = sorted(spans)
    k = 0  # words come in order: spans that end before this word never matter again
    out = []
    for m in _TOKEN.finditer(text):
        bare, lead, stop_after, comma_after = _cut(m.group(0))
        if not bare:
            continue
        start = m.start() + lead
        end = start + len(bare)
        linked = False
        if spans:
            while k < len(spans) and spans[k][1] <= start:
                k += 1
            linked = k < len(spans) and spans[k][0] < end
        out.append(_new(_Word, (bare, start, end, stop_after, comma_after, linked)))
    return out


_new = tuple.__new__
"""A _Word made without NamedTuple's Python-level constructor: a million words per 2,000 articles."""


class NameFinder:
    """Built once per dossier (it needs every article's vocabulary); then `find(article)`."""

    def __init__(self, articles: Iterable[Article]) -> None:
        # Every stem the articles write with «ال»: such a word without «ال» is a common noun.
        tokens: set[str] = set()
        for a in articles:
            for b in a.blocks:
                tokens.update(b.text.split())
        words = {w.strip(TRAILING) for w in tokens}
        self.common = {fold_word(w)[2:] for w in words if w.startswith("ال")}
        self.common |= {fold_word(w)[3:] for w in words if w.startswith(("وال", "بال", "فال", "كال"))}
        self.common |= {fold_word(w)[2:] for w in words if w.startswith("لل")}
        # Every word the articles write without «ال»: «الشركة» is no family name, as «شركة» occurs.
        self.bare = {fold_word(w) for w in words if not w.startswith("ال")}
        self._seen: dict[tuple[str, bool], bool] = {}

    def name_like(self, word: str, waw: bool = False) -> bool:
        """Could this word be part of a personal or company name? (`waw`: it may carry «و», "and")"""
        try:
            return self._seen[word, waw]
        except KeyError:
            verdict = self._seen[word, waw] = self._name_like(word, waw)
            return verdict

    def _name_like(self, word: str, waw: bool) -> bool:
        bare = word[1:] if waw and word.startswith("و") and len(word) > 3 and not _known_waw(word) else word
        folded = fold_word(bare)
        if not _ARABIC_WORD.fullmatch(bare) or len(folded) < 2 or bare.startswith(("ال", "ٱل", "لل")) or TANWEEN.search(bare):
            return False
        if word.startswith(("وال", "لل")) or folded in STOP or fold_word(word) in STOP:
            return False
        if word.startswith(("فال", "بال", "كال")) and len(folded) > 5 and folded[3:] in self.common:
            return False  # بالشركة; but فالون is a name
        # A pronoun suffix (أشاركه، عملها) or an indefinite plural (مناقشات) is not a name.
        if len(folded) > 4 and (folded.endswith(("ها", "هم", "هن", "نا", "كم", "ات")) or bare.endswith("ه")):
            return False
        # A word the articles also write with «ال» is a common noun (لقيادة: القيادة); so is its stem after a preposition.
        return folded not in self.common and not (folded[:1] in "وفبل" and folded[1:] in self.common)

    def _family_name(self, word: _Word) -> bool:
        """«الحداد»، «العتيبي»: a word with «ال» that is no title, function word or word of the apposition itself, and
        whose stem the articles never write alone (a common noun: «الشركة», as «شركة» occurs)."""
        bare = word.text.strip(TRAILING)
        folded = fold_word(bare)
        return (
            not word.linked
            and bare.startswith("ال")
            and _ARABIC_WORD.fullmatch(bare) is not None
            and len(folded) > 4
            and folded not in APPOSITION
            and folded not in STOP
            and folded[2:] not in STOP
            and folded[2:] not in self.bare
            and not TANWEEN.search(bare)
        )

    def _run(self, words: list[_Word], i: int, most: int = 3, waw: bool = False) -> int:
        """How many name-like words start at words[i] (stopping after punctuation); `waw`: the first may carry «و»."""
        n = 0
        while i + n < len(words) and n < most and not words[i + n].linked and self.name_like(words[i + n].text, waw and n == 0):
            if n and words[i + n].text.startswith("و") and not _known_waw(words[i + n].text):
                break  # «و» starts the next name of a list
            n += 1
            if words[i + n - 1].stop_after:
                break
        return n

    def find(self, article: Article, linked: dict[int, list[tuple[int, int]]] | None = None) -> list[Candidate]:
        """Candidates in reading order; `linked`: per paragraph, the spans the linker already claimed."""
        found: list[Candidate] = []
        for block in article.numbered:
            found += self._latin(block)
            found += self._arabic(block, (linked or {}).get(block.number or 0, []))
        return found

    def _latin(self, block: Block) -> list[Candidate]:
        out = []
        for m in LATIN_RUN.finditer(block.text):
            words = m.group(0)
            if words[0].isupper() and len(words) > 1:
                out.append(Candidate(words, block.number or 0, block.line, m.start(), m.end(), "Latin name"))
        return out

    def _arabic(self, block: Block, linked: list[tuple[int, int]]) -> list[Candidate]:
        text = block.text
        words = _words(text, linked)
        starts = [w.start for w in words]
        out: list[Candidate] = []
        number = block.number or 0

        def add(i: int, n: int, why: str) -> None:
            start = words[i].start
            if self.name_like(words[i].text, waw=True) and not self.name_like(words[i].text):
                start += 1  # «وجون دو»: the «و» is "and"
            out.append(Candidate(text[start : words[i + n - 1].end], number, block.line, start, words[i + n - 1].end, why))

        def take(i: int, n: int, why: str) -> None:
            add(i, n, why)
            # A list of names goes on: «…، وج د، وهـ و» or «أ ب وج د وهـ و».
            j = i + n
            while j < len(words) and (words[j - 1].comma_after or not words[j - 1].stop_after) and words[j].text.startswith("و"):
                m = self._run(words, j, waw=True)
                if m < 2:
                    break
                add(j, m, "in a list of names")
                j += m

        # At the head of a list item: «جون دو: المؤسس»، «جون دو – باحث».
        if block.kind is Kind.ITEM and words:
            n = self._run(words, 0)
            if n and (words[n - 1].stop_after or n == len(words)):
                take(0, n, "at the head of a list item")
        for cue, why, skip in ((TITLE_CUE, "after a title", TITLE_FILLER), (SAY_CUE, "after a verb", 1), (LIST_CUE, "in a list of names", 0)):
            for m in cue.finditer(text):
                i = bisect_left(starts, m.end())
                if i == 0 or i >= len(words) or words[i - 1].stop_after:
                    continue
                commas, j = 0, i
                while j < len(words) and j - i <= skip:
                    if j > i and words[j - 1].stop_after:
                        # A title may end in its organisation and a comma: «… لشركة مايكروسوفت، ساتيا ناديلا،».
                        if not words[j - 1].comma_after or commas:
                            break
                        commas += 1
                    n = self._run(words, j, waw=commas > 0)
                    if n >= 2 or (n == 1 and cue is SAY_CUE and j + 1 < len(words) and fold_word(words[j + 1].text) in ("ان", "بان")):
                        take(j, n, why)
                        break
                    if n or commas or (cue is SAY_CUE and fold_word(words[j].text) not in ("ان", "بان")):
                        break  # a word that is neither title nor name: what follows is something else
                    if ORG_CUE.fullmatch(words[j].text):
                        # «… لشركة Contoso جون دو»، «… لشركة مايكروسوفت، ساتيا ناديلا»: skip the organisation's
                        # name, Latin, or Arabic and ending in a comma.
                        latin = 0
                        while j + 1 + latin < len(words) and LATIN_RUN.fullmatch(words[j + 1 + latin].text) and not words[j + latin].stop_after:
                            latin += 1
                        org = latin or self._run(words, j + 1, most=2)
                        if not org or not (latin or words[j + org].comma_after):
                            break
                        j += org
                    j += 1
        for m in ORG_CUE.finditer(text):
            i = bisect_left(starts, m.end())
            if 0 < i < len(words) and not words[i - 1].stop_after:
                n = self._run(words, i, most=2)
                if n and not (fold_word(words[i].text).endswith("ي") or words[i].text.endswith(("ة", "ية"))):
                    take(i, n, "after a word naming an organisation")
        # Coordinated pairs: «جاكوب باتشوكي وألكسندر مادري وسزيمون سيدور».
        may_start = [not w.linked and self.name_like(w.text, waw=True) for w in words]
        i = 0
        while i < len(words) - 2:
            if not may_start[i]:  # most words: no name starts here (what _run would say, asked once per word)
                i += 1
                continue
            n = self._run(words, i, most=2, waw=True)
            pair = n == 2 and not words[i + 1].text.startswith("و") and not words[i + 1].stop_after
            if pair and words[i + 2].text.startswith("و") and self._run(words, i + 2, most=2, waw=True) == 2 and not words[i + 3].text.startswith("و"):
                take(i, 2, "in a list of names")
                i += 4
            else:
                i += 1
        # Before an apposition («جون دو، الرئيس التنفيذي …»), or between two commas («…، جون دو، إن …»). Before an
        # apposition the last name may carry «ال» («سلمى الحداد، المتحدثة باسم …»): Arab family names often do.
        for i, w in enumerate(words[:-1]):
            if not w.comma_after or i < 1:
                continue
            apposition = fold_word(words[i + 1].text) in APPOSITION
            n = 1 if apposition and self._family_name(w) and not words[i - 1].stop_after else 0
            while n < 3 and i - n >= 0 and self.name_like(words[i - n].text, waw=True) and (n == 0 or not words[i - n].stop_after):
                n += 1
            if n < 2:
                continue
            if apposition:
                take(i - n + 1, n, "before an apposition")
            elif i - n >= 0 and words[i - n].comma_after and n == 2:
                take(i - n + 1, n, "between commas")
        return out


def _known_waw(word: str) -> bool:
    """Names that begin with و themselves (وليام، وانغ): the و is not «and»."""
    return fold_word(word).startswith(("وليام", "ويليام", "وانغ", "والتر", "ويل", "وارن", "وين"))
