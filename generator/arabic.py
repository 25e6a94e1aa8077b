"""Arabic normalisation: one definition for the linker and (mirrored in JS) the search.

Folding makes the spellings a reader or writer may use meet: hamza and alef
forms, ta marbuta, alef maqsura, tatweel, diacritics, invisible marks,
Arabic-Indic digits, Latin case. The table in tests/cases/arabic.yml is run
against this module and against the search's JavaScript, so the two cannot drift.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

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


def fold(text: str) -> str:
    """Fold every variant to one form; whitespace runs become one space."""
    return SPACE_RE.sub(" ", "".join(map(fold_char, text)))


# Where folding changes a text's length: a removed mark, a whitespace run or any whitespace but a
# plain space, and İ (whose lowercase is two characters). Without any of them the map is the identity.
_RESHAPES = re.compile(f"[{_REMOVE}]|[{SPACES}]{{2,}}|[^\\S ]|\u0130")


def fold_with_map(text: str) -> tuple[str, Sequence[int]]:
    """`fold` that also returns, for each folded character, its index in `text`.

    The linker searches the folded text and maps each match back to the
    original, so links wrap exactly the letters the article wrote.
    """
    if not _RESHAPES.search(text):
        return "".join(map(fold_char, text)), range(len(text))
    out: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        f = fold_char(c)
        if not f:
            continue
        if f.isspace():
            if out and out[-1] == " ":
                continue
            f = " "
        for ch in f:
            out.append(ch)
            where.append(i)
    return "".join(out), where


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
