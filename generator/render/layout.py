"""Graph layout for the relationship graph: labelled boxes placed so that no two ever overlap.

A force-directed placement (Fruchterman–Reingold) from a fixed start, then each
box, the most connected first, where the forces put it if that is free, else at
the nearest free spot beside a box already placed. Pure geometry: it
knows nothing of entities, pages or SVG. Only +, -, *, / and sqrt are used
(IEEE-exact everywhere), never trigonometry or logarithms, whose last bits vary
between C libraries: the same graph gives the same coordinates on any machine.
Chosen over Graphviz after measuring both on our labels (see
benchmarks/graph_layout.py): both leave no label overlapping, but this needs
no system package and its output does not change with the Graphviz version.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

GAP = 8.0
"""Minimum free space between two boxes, in SVG units."""
MARGIN = 0.5
"""How much further out than touching a moved box is put (see _place)."""
ITERATIONS = 160
SPREAD = 1.8
"""Free area per unit of box area: higher spreads the graph (fewer edges under labels), lower packs it."""


@dataclass(frozen=True)
class Box:
    """A node to place: its id and the size of its label box."""

    id: str
    width: float
    height: float


@dataclass(frozen=True)
class Placed:
    """A placed node: the centre of its box, in a frame whose top-left corner is (0, 0)."""

    id: str
    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other: Placed, gap: float = 0.0) -> bool:
        return abs(self.x - other.x) < (self.width + other.width) / 2 + gap and abs(self.y - other.y) < (self.height + other.height) / 2 + gap


@dataclass(frozen=True)
class Layout:
    nodes: tuple[Placed, ...]
    width: float
    height: float


def layout(boxes: Sequence[Box], edges: Sequence[tuple[str, str, float]], iterations: int = ITERATIONS) -> Layout:
    """Place `boxes` so that linked ones are near each other and none overlap.

    `edges` are (id, id, weight); a heavier edge pulls harder. The most
    connected nodes start in the middle, so they end up there.
    """
    n = len(boxes)
    if n == 0:
        return Layout((), 0.0, 0.0)
    index = {b.id: i for i, b in enumerate(boxes)}
    links: list[tuple[int, int, float]] = []
    degree = [0.0] * n
    for a, b, w in edges:
        i, j = index[a], index[b]
        if i != j:
            links.append((i, j, 1.0 + min(w, 6.0) / 2))
            degree[i] += w
            degree[j] += w
    k = math.sqrt(sum((b.width + GAP) * (b.height + GAP) for b in boxes) * SPREAD / n)
    order = sorted(range(n), key=lambda i: (-degree[i], boxes[i].id))
    x, y = _start(order, k)
    _forces(x, y, links, k, iterations)
    _place(boxes, x, y, order)
    left = min(x[i] - boxes[i].width / 2 for i in range(n)) - GAP
    top = min(y[i] - boxes[i].height / 2 for i in range(n)) - GAP
    placed = tuple(Placed(b.id, round(x[i] - left, 1), round(y[i] - top, 1), b.width, b.height) for i, b in enumerate(boxes))
    width = max(p.x + p.width / 2 for p in placed) + GAP
    height = max(p.y + p.height / 2 for p in placed) + GAP
    return Layout(placed, round(width, 1), round(height, 1))


def _start(order: list[int], k: float) -> tuple[list[float], list[float]]:
    """A square spiral from the centre outwards, in `order`: integer steps, no trigonometry."""
    x = [0.0] * len(order)
    y = [0.0] * len(order)
    cx = cy = 0
    dx, dy, run, step, turns = 1, 0, 1, 0, 0
    for i in order:
        x[i], y[i] = cx * k, cy * k * 0.5
        cx, cy = cx + dx, cy + dy
        step += 1
        if step == run:
            step, turns = 0, turns + 1
            dx, dy = -dy, dx
            if turns % 2 == 0:
                run += 1
    return x, y


def _forces(x: list[float], y: list[float], links: list[tuple[int, int, float]], k: float, iterations: int) -> None:
    n = len(x)
    kk = k * k
    t = k * 2.0
    for _ in range(iterations):
        fx = [0.0] * n
        fy = [0.0] * n
        for i in range(n):
            # The same sums in the same order as fx[i] += ex * f for each j, kept in locals: the n² loop is
            # most of a build's graph page.
            xi, yi, sx, sy = x[i], y[i], fx[i], fy[i]
            for j in range(i + 1, n):
                ex, ey = xi - x[j], yi - y[j]
                f = kk / (ex * ex + ey * ey + 0.01)
                gx, gy = ex * f, ey * f
                sx += gx
                sy += gy
                fx[j] -= gx
                fy[j] -= gy
            fx[i], fy[i] = sx, sy
        for i, j, w in links:
            ex, ey = x[i] - x[j], y[i] - y[j]
            f = math.sqrt(ex * ex + ey * ey) / k * w
            fx[i] -= ex * f
            fy[i] -= ey * f
            fx[j] += ex * f
            fy[j] += ey * f
        for i in range(n):
            # A weak pull to the centre keeps loosely connected parts from drifting away.
            gx, gy = fx[i] - x[i] * 0.03, fy[i] - y[i] * 0.03
            d = math.sqrt(gx * gx + gy * gy)
            if d > t:
                gx, gy = gx * t / d, gy * t / d
            x[i] += gx
            y[i] += gy
        t = max(t * 0.97, k * 0.02)


def _place(boxes: Sequence[Box], x: list[float], y: list[float], order: list[int]) -> None:
    """Move the boxes, in `order`, so that no two come closer than GAP: each stays where the forces put it
    if no box placed before it is there, else goes to the nearest spot that is free, among those right beside
    a placed box (left or right of it at its own height, above or below it at its own x).

    Each spot is MARGIN further out than touching, so that rounding the coordinates (to 0.1) and floating
    point (y + d - y need not be d) never bring two boxes under GAP; and one spot is free in any case, below
    every box placed (after the nearer spots, tried first). The boxes placed first (the most connected, in
    the middle) do not move, so the forces' picture stays; pushing pairs apart until none overlapped (as
    before) took hundreds of passes over every pair and stretched the graph to twice its height."""
    placed: list[int] = []

    def free(i: int, cx: float, cy: float) -> bool:
        w, h = boxes[i].width, boxes[i].height
        for j in placed:
            if abs(cx - x[j]) < (w + boxes[j].width) / 2 + GAP and abs(cy - y[j]) < (h + boxes[j].height) / 2 + GAP:
                return False
        return True

    for i in order:
        px, py = x[i], y[i]
        if not free(i, px, py):
            w, h = boxes[i].width, boxes[i].height
            spots = []
            for j in placed:
                dx, dy = (w + boxes[j].width) / 2 + GAP + MARGIN, (h + boxes[j].height) / 2 + GAP + MARGIN
                for cx, cy in ((x[j] - dx, py), (x[j] + dx, py), (px, y[j] - dy), (px, y[j] + dy)):
                    spots.append(((cx - px) * (cx - px) + (cy - py) * (cy - py), cx, cy))
            spots.sort()
            spot = next(((cx, cy) for _, cx, cy in spots if free(i, cx, cy)), None)
            x[i], y[i] = spot or (px, max(y[j] + boxes[j].height / 2 for j in placed) + GAP + MARGIN + h / 2)
        placed.append(i)


TRUNK = 22.0
"""In a tree: how far in from the right edge of the root the trunk runs, and how far its branches reach."""


def tree(root: Box, children: Sequence[Box]) -> Layout:
    """One node and its neighbours as a right-to-left tree: the root at the top right, a trunk down
    from it, and each neighbour on its own row to the left of the trunk, closest first.

    As narrow as its widest name plus the trunk, so it reads on a phone without scaling; no
    line ever runs behind a name. The trunk is at x = root.x + root.width / 2 - TRUNK.
    """
    row = max([root.height, *(b.height for b in children)]) + GAP * 1.25
    reach = max((b.width for b in children), default=0.0) + 2 * TRUNK
    width = max(root.width, reach) + 2 * GAP
    right = width - GAP
    nodes = [Placed(root.id, round(right - root.width / 2, 1), round(GAP + root.height / 2, 1), root.width, root.height)]
    trunk = right - TRUNK
    for i, b in enumerate(children, start=1):
        nodes.append(Placed(b.id, round(trunk - TRUNK - b.width / 2, 1), round(GAP + root.height / 2 + i * row, 1), b.width, b.height))
    height = GAP + root.height / 2 + len(children) * row + row / 2 + GAP
    return Layout(tuple(nodes), round(width, 1), round(height, 1))
