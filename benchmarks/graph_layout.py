"""The graph-layout decision, measured: our layout (generator/render/layout.py) against Graphviz.

    python -m benchmarks.graph_layout

Lays out the page graph of the real seeds (people and organisations, Arabic
names as labels) with our layout and, when Debian's graphviz is installed
(`apt-get install graphviz`; optional, only for this comparison), with dot,
neato and sfdp; opens every SVG in Chromium and counts label boxes that
overlap, and checks that a second run gives the same bytes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.browser import CHROMIUM_ARGS
from generator.build import generate
from generator.render import graph
from generator.render.html import Here, Urls
from generator.text import html_text

ROOT = Path(__file__).resolve().parent.parent
HERE = Here(graph.PATH, Urls())

COUNT = """() => {
  const boxes = [...document.querySelectorAll('text')].map(t => t.getBoundingClientRect());
  let pairs = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) pairs++;
  }
  const svg = document.querySelector('svg').getBoundingClientRect();
  return [boxes.length, pairs, Math.round(svg.width), Math.round(svg.height)];
}"""


def _dot(names: dict[str, str], rels: list[graph.Relation], engine: str) -> str:
    lines = ["graph G {", ' node [shape=box, style=rounded, fontsize=14, fontname="DejaVu Sans"];']
    lines.append(" rankdir=LR;" if engine == "dot" else " overlap=prism; splines=false;")
    lines += [f' "{i}" [label="{n}", URL="{i}"];' for i, n in names.items()]
    lines += [f' "{r.a}" -- "{r.b}";' for r in rels]
    return "\n".join(lines + ["}"])


def main() -> None:
    index = generate(ROOT).index
    ids, rels = graph.page_graph(index, graph.relations(index))
    names = {i: e.name for i in ids if (e := index.entity(i))}
    print(f"page graph: {len(ids)} nodes, {len(rels)} relations")
    svgs: dict[str, tuple[str, float, bool]] = {}
    for _ in range(2):  # the first run warms the caches
        start = time.perf_counter()
        ours = graph.svg(index, ids, rels, HERE, "graph")
        elapsed = time.perf_counter() - start
    same = ours == graph.svg(index, ids, rels, HERE, "graph")
    svgs["python (ours)"] = (ours[ours.index("<svg") : ours.index("</svg>") + 6], elapsed, same)
    for engine in ("dot", "neato", "sfdp"):
        if shutil.which(engine) is None:
            print(f"{engine}: not installed (apt-get install graphviz to compare)")
            continue
        src = _dot({i: html_text(n) for i, n in names.items()}, rels, engine)
        start = time.perf_counter()
        out = subprocess.run([engine, "-Tsvg"], input=src, capture_output=True, text=True, check=True).stdout
        elapsed = time.perf_counter() - start
        again = subprocess.run([engine, "-Tsvg"], input=src, capture_output=True, text=True, check=True).stdout
        svgs[engine] = (out, elapsed, out == again)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1200})
        print(f"{'layout':15} {'time':>8} {'labels':>7} {'overlapping':>12} {'deterministic':>14} {'size (px)':>12}")
        for name, (svg, elapsed, same) in svgs.items():
            path = Path(tmp) / "g.html"
            style = "<style>text{font:14px 'DejaVu Sans';text-anchor:middle;dominant-baseline:central;direction:rtl}rect{fill:#fff;stroke:#333}</style>"
            path.write_text(f"<!doctype html><meta charset=utf-8>{style}{svg}", encoding="utf-8")
            page.goto(path.as_uri())
            labels, pairs, w, h = page.evaluate(COUNT)
            print(f"{name:15} {elapsed * 1000:7.0f}ms {labels:7} {pairs:12} {'yes' if same else 'NO':>14} {w:>5} x {h:<5}")
        browser.close()


if __name__ == "__main__":
    main()
