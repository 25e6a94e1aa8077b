"""Linker speed: time per MB of article text as the text grows ×N, and as the KB grows.

    python benchmarks/link_bench.py            # N = 1 … 64
    python benchmarks/link_bench.py 1 8 128

Linear growth shows as a flat "ms/MB" column. The second table keeps the text
fixed and adds thousands of invented names: the cost should barely move,
since all names are one trie-shaped regular expression.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.errors import Report  # noqa: E402
from generator.kb.load import load_kb  # noqa: E402
from generator.kb.schema import Entity  # noqa: E402
from generator.link.names import Linker, link_all  # noqa: E402
from generator.model import Article  # noqa: E402
from generator.read import read_articles  # noqa: E402


def scaled(articles: list[Article], n: int) -> list[Article]:
    """Each article n times, as n distinct articles (so short forms restart in each)."""
    return [replace(a, meta=replace(a.meta, id=f"{a.id}-{i}")) for i in range(n) for a in articles]


def size_mb(articles: list[Article]) -> float:
    return sum(len(b.text.encode("utf-8")) for a in articles for b in a.numbered) / 1e6


def run(articles: list[Article], entities: list[Entity]) -> tuple[float, int]:
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        links = link_all(articles, entities)
        best = min(best, time.perf_counter() - t)
    return best, len(links.mentions)


def invented(count: int) -> list[Entity]:
    """Arabic-looking names that never occur in the articles."""
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
    out = []
    for i in range(count):
        a, b, c = letters[i % 26], letters[(i // 26) % 26], letters[(i // 676) % 26]
        out.append(Entity(f"x-{i}", f"{a}{b}{c}وني {c}{a}ستر", "", "person", "bench", 0, (), (f"{b}{a}{c}ستر",)))
    return out


def main(ns: list[int]) -> None:
    report = Report()
    articles = read_articles(ROOT, report)
    kb = load_kb(ROOT, articles, report)
    entities = list(kb.entities)
    print(f"{len(articles)} articles, {len(entities)} entities, {size_mb(articles) * 1000:.1f} KB of paragraphs\n")
    print(f"{'×N':>5} {'MB':>8} {'mentions':>9} {'seconds':>9} {'ms/MB':>8}")
    for n in ns:
        arts = scaled(articles, n)
        secs, count = run(arts, entities)
        mb = size_mb(arts)
        print(f"{n:>5} {mb:>8.3f} {count:>9} {secs:>9.4f} {secs * 1000 / mb:>8.0f}")
    arts = scaled(articles, 8)
    mb = size_mb(arts)
    print(f"\nsame text (×8, {mb:.3f} MB), more names:")
    print(f"{'names':>7} {'build s':>8} {'link s':>8} {'ms/MB':>8}")
    for extra in (0, 1000, 10000):
        ents = entities + invented(extra)
        t = time.perf_counter()
        linker = Linker(ents)
        built = time.perf_counter() - t
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            for a in arts:
                linker.link(a)
            best = min(best, time.perf_counter() - t)
        print(f"{len(ents):>7} {built:>8.3f} {best:>8.4f} {best * 1000 / mb:>8.0f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1, 2, 4, 8, 16, 32, 64])
