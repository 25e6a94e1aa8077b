"""Arabic normalisation: one definition for the linker and (mirrored in JS) the search.

Folding makes the spellings a reader or writer may use meet: hamza and alef
forms, ta marbuta, alef maqsura, tatweel, diacritics, invisible marks,
Arabic-Indic digits, Latin case. The table in tests/cases/arabic.yml is run
against this module and against the search's JavaScript, so the two cannot drift.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import overload

# Removed: diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks), tatweel,
# zero-width and bidi marks.
_REMOVE = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff"
REMOVE_RE = re.compile(f"[{_REMOVE}]")
_FOLD = str.maketrans(
    {
        "آ": "ا",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ة": "ه",
        "ؤ": "ء",
        "ئ": "ء",
        "ک": "ك",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
# Proclitics, longest first: conjunction (و ف), then preposition (ب ك ل) and/or the article.
# لال is ل before a word folded to begin with ال (لألتمان, لالتزام): cut like بال, so it meets
# ألتمان and بألتمان, whose ال is cut too.
PROCLITIC_RE = re.compile(r"^(?:[وف]?(?:بال|كال|لال|لل|ال|[بكل])|[وف])")
MIN_STEM = 3
# A Latin word or a number glued to a proclitic (وo1, لـOpenAI, ب2023) is cut whatever its length.
LATIN_STEM_RE = re.compile(r"[a-z0-9]")
# Every character `fold` turns into a space run (Python's str.isspace), spelled out for the JS.
SPACES = "".join(chr(i) for i in range(0x3001) if chr(i).isspace())
SPACE_RE = re.compile(f"[{SPACES}]+")


@cache  # a text has few distinct characters: fold each once
def fold_char(c: str) -> str:
    """The folded form of one character ('' when it is removed)."""
    if REMOVE_RE.match(c):
        return ""
    return c.translate(_FOLD).lower()


class _Table(dict[int, str]):
    """A str.translate table that folds each character the first time it meets it (translate is
    a loop in C: five times quicker than folding character by character in Python)."""

    def __init__(self, fold_one: Callable[[str], str]) -> None:
        super().__init__()
        self.fold_one = fold_one

    def __missing__(self, code: int) -> str:
        folded = self[code] = self.fold_one(chr(code))
        return folded


def fold(text: str) -> str:
    """Fold every variant to one form; whitespace runs become one space."""
    return SPACE_RE.sub(" ", text.translate(_FOLD_TABLE))


fold_word = lru_cache(maxsize=1 << 18)(fold)
"""`fold` remembered: for single words and names, which the name finders fold over and over."""


# Where folding changes a text's length: a removed mark, a whitespace run or any whitespace but a
# plain space, and İ (whose lowercase is two characters). Without any of them the map is the identity.
_RESHAPES = re.compile(f"[{_REMOVE}]|[{SPACES}]{{2,}}|[^\\S ]|\u0130")


def fold_with_map(text: str) -> tuple[str, Sequence[int]]:
    """`fold` that also returns, for each folded character, its index in `text`.

    The linker searches the folded text and maps each match back to the
    original, so links wrap exactly the letters the article wrote.
    """
    if _LOWERED_IN_CONTEXT.search(text):
        out, reshaped = text.translate(_LINK_TABLE), _RESHAPES.search(text) is not None
    else:  # the same, quicker: str.lower, then a replace for each other character the table changes that occurs
        out = text.lower()
        changed = set(_CHANGED_AFTER_LOWER.findall(out))
        for c in changed:
            out = out.replace(c, _LINK_TABLE[ord(c)])
        reshaped = "  " in text or any(_LINK_TABLE[ord(c)] in ("", " ") for c in changed)
    if not reshaped:
        return out, range(len(text))
    # Index in `out` -> in `text`: the shift changes only at a removed mark or an İ (rare), so keep those points.
    marks, shifts = [0], [0]
    shift = 0
    for m in _UNEVEN.finditer(text):
        i = m.start()
        if text[i] == "\u0130":  # two characters in `out` for one in `text`: the second points back to it too
            marks.append(i - shift + 1)
            shift -= 1
        else:  # removed
            shift += 1
            marks.append(i - shift + 1)
        shifts.append(shift)
    # Index in the result -> in `out`: a run of spaces (after marks between them went) is its first one.
    runs, skipped = [0], [0]
    for m in _SPACE_RUN.finditer(out):
        runs.append(m.start() + 1 - skipped[-1])
        skipped.append(skipped[-1] + m.end() - m.start() - 1)
    folded = _SPACE_RUN.sub(" ", out)
    return folded, _Where(len(folded), marks, shifts, runs, skipped)


class _Where(Sequence[int]):
    """fold_with_map's index map, kept as the few points where it shifts (a list per character cost a
    third of the linker)."""

    def __init__(self, length: int, marks: list[int], shifts: list[int], runs: list[int], skipped: list[int]) -> None:
        self.length, self.marks, self.shifts, self.runs, self.skipped = length, marks, shifts, runs, skipped

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[int]: ...
    def __getitem__(self, i: int | slice) -> int | Sequence[int]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.length))]
        if i < 0:
            i += self.length
        if not 0 <= i < self.length:
            raise IndexError(i)
        p = i + self.skipped[bisect_right(self.runs, i) - 1]
        return p + self.shifts[bisect_right(self.marks, p) - 1]


_UNEVEN = re.compile(f"[{_REMOVE}]|\u0130")
"""The characters whose folded form is not one character: removed, or İ (two)."""
_SPACE_RUN = re.compile(" {2,}")


def _fold_link_char(c: str) -> str:
    """`fold_char`, with every whitespace character a plain space (_LINK_TABLE remembers it per character)."""
    f = fold_char(c)
    return " " if f.isspace() else f


_FOLD_TABLE = _Table(fold_char)
_LINK_TABLE = _Table(_fold_link_char)
_LOWERED_IN_CONTEXT = re.compile("[\u03a3\u0130]")
"""Where str.lower of a text is not that of each character: a final Σ (ς), İ (two characters)."""
_CHANGED_AFTER_LOWER = re.compile("[" + "".join(map(chr, _FOLD)) + _REMOVE + SPACES.replace(" ", "") + "]")
"""What _LINK_TABLE changes that str.lower leaves: the letters and digits _FOLD maps, the removed marks,
white space but a space (tests/test_arabic.py holds this to the table over every code point)."""


def strip_proclitics(word: str) -> str:
    """A folded word without its attached proclitics, if at least MIN_STEM letters remain.

    Takes a folded word: والذكاء → ذكاء, للشركه → شركه, وo1 → o1; ولد stays ولد. Names that
    begin like the article are cut too (التمان → تمان): search does it on both
    sides, so they still meet.
    """
    m = PROCLITIC_RE.match(word)
    if not m:
        return word
    stem = word[m.end() :]
    if len(stem) >= MIN_STEM or LATIN_STEM_RE.match(stem):
        return stem
    if word[0] in "وف" and len(word) - 1 >= MIN_STEM:
        return word[1:]
    return word


def key(word: str) -> str:
    """What search indexes besides the folded word itself: the folded stem."""
    return strip_proclitics(fold(word))


# Attached proclitics the linker allows before a name (on folded text): a conjunction
# and/or a preposition, as in وألتمان، فـ، بألتمان، لـOpenAI، ولميتا. The article «ال»
# is not among them: names carry it themselves (للذكاء is handled by the linker).
LINK_PROCLITICS = "[وف]?[بكل]|[وف]"


# --- Arabic dictionary order ----------------------------------------------------------------
# Indexes sort as an Arabic dictionary does: the article «ال» is not a letter of the word,
# hamza seats count as alef, ة as ت, ى as ي; diacritics and tatweel are not letters at all.
# After that folding the Arabic letters' code points are already in alphabetical (hijā'ī)
# order (… ن ه و ي), so the key is the folded text itself. Arabic names come first, then Latin
# names (by their Latin letter, case ignored), then anything else (digits, symbols).
_SORT_FOLD = str.maketrans(
    {
        **dict.fromkeys("أإآءؤئٱٲٳ", "ا"),
        "ة": "ت",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ک": "ك",
        "گ": "ك",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        "ڤ": "ف",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
_ARTICLE = "ال"
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
"""The alphabet after sort folding, in dictionary order (its code points are in this order too)."""
_HEADING = {"ا": "أ"}
"""Letter headings as a reader expects them: the alef section is headed «أ»."""
ARABIC, LATIN, OTHER = 0, 1, 2


def _sort_word(word: str) -> str:
    """One word as the dictionary files it: without diacritics and tatweel, without the article.

    The article is only a bare «ال» followed by at least two letters (الذكاء → ذكاء); «أل» is
    the first letters of a name (ألتمان, ألكسندر) and stays. «لل» is not cut: it is a
    preposition plus the article, which an index entry never begins with.
    """
    word = REMOVE_RE.sub("", word)
    if word.startswith(_ARTICLE) and len(word) >= len(_ARTICLE) + 2:
        word = word[len(_ARTICLE) :]
    return word.translate(_SORT_FOLD).casefold()


def _script(first: str) -> int:
    if first in ARABIC_LETTERS:
        return ARABIC
    if "a" <= first <= "z":
        return LATIN
    return OTHER


def sort_key(name: str) -> tuple[int, tuple[str, ...], str]:
    """The key that puts names in Arabic dictionary order; the exact spelling breaks ties.

    Compared word by word, so «جان لايكي» comes before «جانب». Deterministic for any input:
    two different spellings never compare equal.
    """
    words = tuple(w for w in (_sort_word(w) for w in SPACE_RE.split(name.strip())) if w)
    first = words[0][0] if words else ""
    return (_script(first), words, name)


def letter(name: str) -> str:
    """The heading a name is filed under: an Arabic letter (أ for every alef), a capital Latin
    letter, or «#» for names that begin with a digit or a symbol."""
    script, words, _ = sort_key(name)
    first = words[0][0] if words else ""
    if script == ARABIC:
        return _HEADING.get(first, first)
    if script == LATIN:
        return first.upper()
    return "#"
