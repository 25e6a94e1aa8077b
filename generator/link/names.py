"""Link stage: every mention of every entity in every article paragraph.

All names of all entities are folded (generator.arabic) and compiled once
into ONE regular expression shaped like a trie, with an optional attached
proclitic cluster in front and letter boundaries on both sides. Each paragraph
is folded once and scanned once, so the cost grows with the text, not with
text × names. Matches are mapped back to the original characters, so a link
wraps exactly the letters the article wrote (with its attached و/ف/ب/ك/ل).

Short forms (a surname alone) count only after a full name of the same
entity appeared earlier in the same article; a short form that fits two such
entities is not guessed at but reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from ..arabic import LINK_PROCLITICS, fold, fold_char, fold_with_map
from ..kb.schema import Entity
from ..model import Article


class Mention(NamedTuple):
    """A tuple, not a dataclass: there are tens of thousands (one per linked name), made in the linker's loop and
    sent between processes, and a tuple is made and pickled several times quicker."""

    entity: str
    article: str
    block: int
    """Paragraph number (the anchor is p-<block>)."""
    start: int
    end: int
    """The linked span in the paragraph's text: the word as written, attached proclitics included."""
    name_start: int
    """Where the name itself starts (after an attached proclitic)."""
    short: bool

    @property
    def anchor(self) -> str:
        return f"p-{self.block}"


@dataclass(frozen=True)
class Ambiguity:
    """A short form that fits more than one entity of the article: left unlinked."""

    article: str
    block: int
    line: int
    text: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class _Name:
    entity: str
    short: bool
    needs_lam: bool
    """The «لل» spelling of a name that starts with «ال» (للذكاء): only after a proclitic ending in ل."""
    exact: str = ""
    """A short capitalised Latin name (X, AI): linked only where written with this very case."""


CASED = re.compile(r"[A-Z0-9]{1,3}")
"""Latin names whose case carries meaning: the platform X is not the letter x."""


def _exact(name: str) -> str:
    return name if CASED.fullmatch(name) else ""


Trie = dict[str, "Trie"]


def _trie_regex(words: Iterable[str]) -> str:
    """An alternation of `words` factored into a trie: longest first, one pass per position."""
    trie: Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: Trie) -> str:
        alts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return walk(trie)


class Linker:
    """Built once from the entities; then `link(article)` finds that article's mentions."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.names: dict[str, list[_Name]] = {}
        for e in sorted(entities, key=lambda e: e.id):
            for n in e.full_names:
                self._add(fold(n), _Name(e.id, False, False, _exact(n)))
            for n in e.short:
                self._add(fold(n), _Name(e.id, True, False, _exact(n)))
        for folded, owners in list(self.names.items()):
            if folded.startswith("ال") and len(folded) > 3:
                for o in owners:
                    self._add(folded[1:], _Name(o.entity, o.short, True, o.exact))
        self.plain = {folded: owners[0].entity for folded, owners in self.names.items() if not (owners[0].short or owners[0].needs_lam or owners[0].exact)}
        """The names whose first owner takes every match (a full name, no condition): most of them, decided at once."""
        body = _trie_regex(self.names)
        self.regex = re.compile(rf"(?<![^\W_])(?P<pre>{LINK_PROCLITICS})?(?P<name>{body})(?![^\W_])") if self.names else None

    def _add(self, folded: str, name: _Name) -> None:
        owners = self.names.setdefault(folded, [])
        if name not in owners:
            owners.append(name)

    def link(self, article: Article) -> tuple[list[Mention], list[Ambiguity]]:
        mentions: list[Mention] = []
        ambiguous: list[Ambiguity] = []
        seen: set[str] = set()
        if self.regex is None:
            return mentions, ambiguous
        plain = self.plain
        for block in article.numbered:
            folded, where = fold_with_map(block.text)
            text, number = block.text, block.number or 0
            for m in self.regex.finditer(folded):
                start, name_start = where[m.start()], where[m.start("name")]
                end = where[m.end() - 1] + 1
                entity = plain.get(name := m.group("name"))
                owners: list[_Name] = []
                if entity is None:
                    pre, written = m.group("pre") or "", text[name_start:end]
                    owners = [o for o in self.names[name] if (not o.needs_lam or pre.endswith("ل")) and (not o.exact or o.exact == written)]
                    if not owners:
                        continue
                while end < len(text) and not fold_char(text[end]) and not text[end].isspace():
                    end += 1  # a diacritic on the last letter belongs to the word
                short = False
                if entity is None:
                    full = [o for o in owners if not o.short]
                    if full:
                        entity = full[0].entity
                    else:
                        fits = sorted({o.entity for o in owners if o.entity in seen})
                        if len(fits) > 1:
                            ambiguous.append(Ambiguity(article.id, number, block.line, text[start:end], tuple(fits)))
                        if len(fits) != 1:
                            continue
                        entity, short = fits[0], True
                seen.add(entity)
                mentions.append(Mention(entity, article.id, number, start, end, name_start, short))
        return mentions, ambiguous


@dataclass(frozen=True)
class Links:
    """The link stage's result for the whole dossier, in article and reading order."""

    mentions: tuple[Mention, ...]
    ambiguous: tuple[Ambiguity, ...]
    by_article: dict[str, tuple[Mention, ...]] = field(default_factory=dict, compare=False)
    """The same mentions, per article: built once, so asking costs nothing per article."""

    def __post_init__(self) -> None:
        if not self.by_article and self.mentions:
            grouped: dict[str, list[Mention]] = {}
            for m in self.mentions:
                grouped.setdefault(m.article, []).append(m)
            object.__setattr__(self, "by_article", {k: tuple(v) for k, v in grouped.items()})

    def of_article(self, article_id: str) -> tuple[Mention, ...]:
        return self.by_article.get(article_id, ())


def link_all(articles: Iterable[Article], entities: Iterable[Entity]) -> Links:
    linker = Linker(entities)
    mentions: list[Mention] = []
    ambiguous: list[Ambiguity] = []
    for article in articles:
        found, unsure = linker.link(article)
        mentions += found
        ambiguous += unsure
    return Links(tuple(mentions), tuple(ambiguous))
