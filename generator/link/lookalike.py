"""New spellings of known people: a known surname after a first name that differs only as a transliteration.

«غريغ بروكمان» is «جريج بروكمان»: Arabic writers render G as ج، غ، ق or ك, drop
or add long vowels (إيليا/إليا), end a name in ا، ه or ة. Compared as a
consonant skeleton, such first names are equal. Where the surname belongs to
one person only, the new spelling is linked (as if it were an alias) and the
editor's report asks to confirm it; where two people share the surname, it is
only proposed.

The linking side is `with_lookalikes`: the entities with each linked spelling
added as an alias, for the linker to run again with (generator/build.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from ..arabic import fold_word, strip_proclitics
from ..kb.schema import Entity
from ..model import Article
from ..spans import Spans
from .names import Links, Mention

_SAME_SOUND = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج", "ط": "ت", "ص": "س", "ث": "س", "ذ": "ز", "ظ": "ز", "ض": "د", "ة": "ه", "ح": "ه", "پ": "ب", "ڤ": "ف"})
_VOWELS = re.compile("[اويىءئؤ]")
_WORD = re.compile(r"[\u0621-\u064a][\u0621-\u065f\u0670]*")
_TOKEN = re.compile(r"\S+")
_OPENING = '«“"('
"""Punctuation that may open a first name: cut before it is compared."""
_CLOSING = '،,.:؛!?؟»”")'
"""Punctuation that may close a surname: cut before it is looked up."""


@lru_cache(maxsize=1 << 16)  # the same first names, over and over
def skeleton(word: str) -> str:
    """The consonants of a folded name, with letters that transliterate the same sound made equal."""
    w = fold_word(word).translate(_SAME_SOUND)
    w = w[:-1] if len(w) > 2 and w.endswith("ه") else w  # a final ه/ة is a vowel: ميرا، ميره
    w = _VOWELS.sub("", w)
    return re.sub(r"(.)\1+", r"\1", w)


@dataclass(frozen=True)
class LookAlike:
    """A first name + known surname, not a known spelling of anyone."""

    article: str
    block: int
    line: int
    start: int
    end: int
    written: str
    """The two words as the article writes them, proclitic cut."""
    entity: str
    """The person it is taken for (the first, by id, when several fit)."""
    candidates: tuple[str, ...]
    linked: bool
    """The surname belongs to one person only: linked, to be confirmed."""


def _first_and_last(e: Entity) -> list[tuple[str, str]]:
    out = []
    for name in e.full_names:
        words = fold_word(name).split()
        if len(words) >= 2 and all(_WORD.fullmatch(w) for w in words):
            out.append((words[0], words[-1]))
    return out


class LookAlikeFinder:
    """Built once per knowledge base; then `find(article, mentions)`, article by article."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        entities = tuple(entities)
        people = [e for e in sorted(entities, key=lambda e: e.id) if e.is_person]
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.firsts: dict[str, set[str]] = defaultdict(set)
        self.known_names = {fold_word(n) for e in entities for n in (*e.full_names, *e.short)}
        for p in people:
            for first, last in _first_and_last(p):
                self.by_surname[last].add(p.id)
                self.firsts[p.id].add(skeleton(first))
        self._surnames: dict[str, tuple[str, frozenset[str]] | None] = {}
        self._known: set[str] = set()
        """The tokens _surnames found a surname in."""

    def _surname(self, raw: str) -> tuple[str, frozenset[str]] | None:
        """The known surname a token writes (proclitic and punctuation cut) and its owners, if any."""
        try:
            return self._surnames[raw]
        except KeyError:
            pass
        bare = fold_word(raw.rstrip(_CLOSING))
        last = bare if bare in self.by_surname else strip_proclitics(bare)
        owners = self.by_surname.get(last)
        found = self._surnames[raw] = (last, frozenset(owners)) if owners else None
        if found is not None:
            self._known.add(raw)
        return found

    def find(self, article: Article, mentions: Iterable[Mention]) -> tuple[LookAlike, ...]:
        """Every unknown «first name + known surname» in one article whose first name sounds like the person's.

        Tokens are cut and measured by loops in C (split, set difference, sums); Python looks only at a token
        some surname is written as (one in twenty-six at 2,000 articles), and at each new token once."""
        firsts, known_names, known = self.firsts, self.known_names, self._known
        covered: dict[int | None, list[tuple[int, int]]] = {}
        for m in mentions:
            if not m.short:
                covered.setdefault(m.block, []).append((m.start, m.end))
        found: list[LookAlike] = []
        for block in article.numbered:
            tokens = block.text.split()
            for raw in set(tokens).difference(self._surnames):
                self._surname(raw)
            if known.isdisjoint(tokens):
                continue
            lengths = list(accumulate(map(len, tokens), initial=0))  # where each starts, less one per token before it
            spaced = lengths[-1] + len(tokens) - 1 != len(block.text)  # not one white space between each: ask the regex
            starts = [m.start() for m in _TOKEN.finditer(block.text)] if spaced else []
            spans: Spans | None = None  # made at the first candidate that needs it
            for j in [j for j in range(1, len(tokens)) if tokens[j] in known]:
                a, b = tokens[j - 1], tokens[j]
                surname = self._surnames[b]
                assert surname is not None
                last, owners = surname
                first_raw = a.lstrip(_OPENING)
                if not _WORD.fullmatch(first_raw) or a.endswith(("،", ",", ".", ":")):
                    continue
                last_raw = b.rstrip(_CLOSING)
                folded_first = fold_word(first_raw)
                cut = folded_first[1:] if folded_first[:1] in ("و", "ف") and len(folded_first) > 3 else folded_first
                start = (starts[j - 1] if spaced else lengths[j - 1] + j - 1) + (len(a) - len(first_raw)) + (len(folded_first) - len(cut))
                if f"{cut} {last}" in known_names or cut in known_names:
                    continue
                spans = spans or Spans(covered.get(block.number, ()))
                if start in spans:
                    continue
                sound = skeleton(cut)
                fits = sorted(p for p in owners if sound in firsts[p]) if len(sound) >= 2 else []
                if not fits:
                    continue
                end = (starts[j] if spaced else lengths[j] + j) + len(last_raw)
                found.append(LookAlike(article.id, block.number or 0, block.line, start, end, block.text[start:end], fits[0], tuple(fits), len(owners) == 1))
        return tuple(found)


def find_lookalikes(articles: Iterable[Article], entities: Iterable[Entity], links: Links) -> tuple[LookAlike, ...]:
    """Every unknown «first name + known surname» whose first name sounds like the person's."""
    finder = LookAlikeFinder(entities)
    return tuple(la for article in articles for la in finder.find(article, links.of_article(article.id)))


def with_lookalikes(entities: Iterable[Entity], found: Iterable[LookAlike]) -> tuple[Entity, ...]:
    """The entities, each linked look-alike spelling added to its person's aliases (for the linker only)."""
    extra: dict[str, list[str]] = defaultdict(list)
    for la in found:
        if la.linked and la.written not in extra[la.entity]:
            extra[la.entity].append(la.written)
    return tuple(replace(e, aliases=(*e.aliases, *extra[e.id])) if e.id in extra else e for e in entities)
