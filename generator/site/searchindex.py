"""Search index stage: documents → a sharded index the search worker loads piece by piece.

A reader's query must not download the whole dossier. The index is split into
files that are classic scripts (each calls one registration function of the
worker), so they load from a server and from file:// alike:

- ``search/manifest.js``: the separator, the edge characters to trim, the number
  of documents and of term shards, where each rank of documents ends (documents are
  numbered by rank, then page). A few hundred bytes, whatever the dossier's size.
- ``search/s/<n>.js``: term shards. A term (an Arabic-folded word without its
  proclitics, generator.arabic.key) lives in the shard its first two letters hash
  to, so a query term of two letters or more, and every term it is a prefix of,
  is found in ONE shard. Per term: the documents holding it, with a weight.
- ``search/d/<n>.js``: one file per document: its location, title and text units
  (paragraphs with their anchors). The worker loads them only for the results it
  shows, to rank paragraphs, cut excerpts and mark whole words.
- ``search/names.js``: every word of every entity's spellings (folded), for typo matching.

Nothing here knows MkDocs; the site maps each document's page to its URL.
Deterministic: the same documents give the same bytes.
"""

from __future__ import annotations

import json
import math
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .. import arabic

# Words are split on white space, dashes, Arabic and Latin punctuation, quotes, brackets and
# slashes; a dot splits unless a digit follows (GPT-4.1 → gpt, 4.1). The same pattern runs in
# the worker (JavaScript, flag u), so both sides cut the same words.
SEPARATOR = "[" + arabic.SPACES + '\\-–—،؛؟!?,:«»“”"()\\[\\]{}/|…]+|\\.(?!\\d)'
SEPARATOR_RE = re.compile(SEPARATOR)
# Characters cut from both ends of a folded word («Q*» → q, 'OpenAI' → openai).
TRIM = "".join(sorted(set(string.punctuation + "«»“”‘’„‟‹›…·•′″٪٫٬")))
# Weights of one term in one document, packed in one integer (see `weight`).
NAME, TITLE = 1000, 100
SHARD_BYTES = 24_000
"""About how large a term shard grows; the number of shards follows from the index's size."""
PREFIX = 2
"""Letters of a term that choose its shard: a query term this long finds all its completions."""
MIN_NAME = 4
"""Shortest name word kept for typo matching (a five-letter name with one letter dropped)."""


@dataclass(frozen=True)
class Unit:
    """A piece of a page a result can point to: the page itself (anchor '') or one paragraph."""

    anchor: str
    title: str
    """Shown as the result's heading for a paragraph; the page title for the page itself."""
    blocks: tuple[str, ...]
    """Plain text, never markup; the worker escapes it."""


@dataclass(frozen=True)
class Document:
    """One page as search sees it."""

    page: str
    """Path under docs/ (articles/x.md); the site turns it into a URL."""
    title: str
    units: tuple[Unit, ...]
    """units[0] is the page itself (anchor ''); its title is the page title."""
    names: tuple[str, ...] = ()
    """Spellings this page is the home of: an entity's names. Their words rank the page first."""
    rank: int = 0
    """Among pages that match a query equally well, a lower rank comes first (articles before
    the pages about them, index pages last)."""


def words(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every word of `text`, cut by SEPARATOR."""
    pos = 0
    for m in SEPARATOR_RE.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


@lru_cache(maxsize=1 << 18)  # a dossier repeats its words: fold each once
def term(word: str) -> str:
    """What a word is indexed and searched as: folded, edge punctuation cut, proclitics cut."""
    return arabic.strip_proclitics(arabic.fold(word).strip(TRIM))


def folded_words(text: str) -> Iterator[str]:
    """The words of `text` folded and trimmed, proclitics kept (the names typos are matched against)."""
    for start, end in words(text):
        w = arabic.fold(text[start:end]).strip(TRIM)
        if w:
            yield w


def terms(text: str) -> Iterator[str]:
    """The indexed terms of `text` in order (the words `words` cuts, split by the regex engine: faster)."""
    for word in SEPARATOR_RE.split(text):
        if word and (t := term(word)):
            yield t


def shard_of(t: str, shards: int) -> int:
    """FNV-1a over the code points of the term's first PREFIX letters (the worker computes the same)."""
    h = 0x811C9DC5
    for c in t[:PREFIX]:
        h = ((h ^ ord(c)) * 0x01000193) & 0xFFFFFFFF
    return h % shards


@lru_cache(maxsize=1 << 14)  # mkdocs serve: a page an edit did not change is not weighed again
def weight(doc: Document) -> dict[str, int]:
    """Per term of the document: NAME × the length in words (1-9) of the shortest of the page's
    names holding the term (0: none) + TITLE × title occurrences (at most 9) + text occurrences
    (at most 99). A query as long as that name, made of its words, is the whole name."""
    name: dict[str, int] = {}
    for spelling in doc.names:
        ts = list(terms(spelling))
        for t in ts:
            name[t] = min(name.get(t, 9), len(ts), 9)
    title = Counter(terms(doc.title))
    # As terms(), with the loop in C, over every block at once (a space separates words as a block's end does):
    # most of the index's time at thousands of pages.
    text = Counter(map(term, SEPARATOR_RE.split(" ".join([block for unit in doc.units for block in unit.blocks]))))
    text.pop("", None)
    weights = {t: n if n < 99 else 99 for t, n in text.items()}  # most terms are the text's alone: no lookups for them
    for t, n in title.items():
        weights[t] = weights.get(t, 0) + TITLE * min(n, 9)
    for t, n in name.items():
        weights[t] = weights.get(t, 0) + NAME * n
    return weights  # in no particular order: build_index sorts the terms once for the whole index


@lru_cache(maxsize=1 << 14)  # mkdocs serve: as weight()
def _names(doc: Document) -> frozenset[str]:
    return frozenset(w for spelling in doc.names for w in folded_words(spelling) if len(w) >= MIN_NAME)


@lru_cache(maxsize=1 << 14)  # mkdocs serve: as weight()
def _doc_file(n: int, doc: Document, location: str) -> str:
    units = [[u.anchor, u.title, list(u.blocks)] for u in doc.units]
    return _script("doc", n, {"l": location, "t": doc.title, "u": units})


def _script(call: str, *args: object) -> str:
    """A classic script calling dossierSearch.<call>(...); a BOM makes every browser read it as UTF-8."""
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":"), sort_keys=True) for a in args)
    return f"\ufeffdossierSearch.{call}({body});\n"


def build_index(documents: Iterable[Document], url: Callable[[str], str]) -> dict[str, str]:
    """Every file of the index, by path in the built site. `url` maps a document's page to its URL."""
    docs = sorted(documents, key=lambda d: (d.rank, d.page))
    encoded: dict[str, list[int]] = {}
    """Per term: [doc delta, weight, doc delta, weight, …], documents in order, each as the gap from the last."""
    last: dict[str, int] = {}
    files: dict[str, str] = {}
    names: set[str] = set()
    for n, doc in enumerate(docs):
        for t, w in weight(doc).items():
            if (flat := encoded.get(t)) is None:
                encoded[t] = [n, w]
            else:
                flat += (n - last[t], w)
            last[t] = n
        names.update(_names(doc))
        files[f"search/d/{n}.js"] = _doc_file(n, doc, url(doc.page))
    total = sum(len(t) * 2 + len(p) * 4 for t, p in encoded.items())
    shards = max(1, math.ceil(total / SHARD_BYTES))
    grouped: dict[int, dict[str, list[int]]] = {}
    for t in sorted(encoded):
        grouped.setdefault(shard_of(t, shards), {})[t] = encoded[t]
    for n, group in sorted(grouped.items()):
        files[f"search/s/{n}.js"] = _script("shard", n, group)
    files["search/names.js"] = _script("names", sorted(names))
    ranks = [sum(1 for d in docs if d.rank <= r) for r in range(max((d.rank for d in docs), default=0))]
    manifest = {"docs": len(docs), "ranks": ranks, "shards": sorted(grouped), "modulo": shards, "separator": SEPARATOR, "trim": TRIM, "prefix": PREFIX}
    files["search/manifest.js"] = _script("manifest", manifest)
    return dict(sorted(files.items()))
