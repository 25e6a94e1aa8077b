"""The Arabic folding of the search worker: arabic.js, with arabic.py's tables written into it.

The JavaScript (arabic.js) holds only the algorithm; every table it uses is
written here from generator/arabic.py, so the linker and the search share one
definition. The output is deterministic: same arabic.py → same bytes.
"""

from __future__ import annotations

import json
import sys
from array import array
from functools import cache
from pathlib import Path

from .. import arabic

SOURCE = Path(__file__).with_name("arabic.js")
PLACEHOLDER = "/*DATA*/ null"


@cache
def _changed_chars() -> dict[str, str]:
    """Every character arabic.fold_char changes (not removes), with what it becomes.

    Taken from fold_char itself, lowercasing included, so the JavaScript never
    relies on its own toLowerCase, whose Unicode version differs between browsers.
    """
    out = {}
    for code in _maybe_changed():
        c = chr(code)
        if code not in arabic._FOLD and c.lower() == c:
            continue
        if 0xD800 <= code < 0xE000 or arabic.REMOVE_RE.match(c):
            continue
        to = arabic.fold_char(c)
        if to != c:
            out[c] = to
    return out


def _maybe_changed(block: int = 256) -> list[int]:
    """Every code point but those of the blocks that lowercase to themselves and that _FOLD leaves alone: a
    block's test runs in C, and Unicode's cased letters sit in a few blocks (0.09 s → 0.03 s a build)."""
    folded = {code // block for code in arabic._FOLD}
    codes = array("I", range(0x110000))  # 4-byte items where any of Python's platforms runs; as UTF-32, chr() of each in C
    every = codes.tobytes().decode(f"utf-32-{sys.byteorder[0]}e", "surrogatepass") if codes.itemsize == 4 else "".join(map(chr, codes))
    out: list[int] = []
    for start in range(0, 0x110000, block):
        text = every[start : start + block]
        if text.lower() != text or start // block in folded:
            out += range(start, start + block)
    return out


def tables() -> dict[str, object]:
    """arabic.py's tables in the form arabic.js reads them."""
    return {
        "remove": arabic.REMOVE_RE.pattern,
        "spaces": arabic.SPACES,
        "fold": _changed_chars(),
        "proclitic": arabic.PROCLITIC_RE.pattern,
        "latin_stem": arabic.LATIN_STEM_RE.pattern,
        "min_stem": arabic.MIN_STEM,
    }


def worker_script() -> str:
    source = SOURCE.read_text(encoding="utf-8")
    if source.count(PLACEHOLDER) != 1:
        raise RuntimeError(f"{SOURCE}: expected one {PLACEHOLDER!r} to replace with the tables")
    data = json.dumps(tables(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return source.replace(PLACEHOLDER, data)
