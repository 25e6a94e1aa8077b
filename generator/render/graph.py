"""The relationship graph (/graph/) and each person's small graph: who is connected to whom.

Two people or organisations are related when a role ties a person to an
organisation, when both take part in one event, or when one paragraph names
both. Every relation keeps its evidence (the role's quote, the events, the
paragraphs), which the hover text and the text alternative show. The SVG is
drawn here, at build time, with the names as real <text> (the browser shapes
the Arabic) and colours from Material's palette variables (light and dark);
render/layout.py places the boxes so that no two names overlap.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..arabic import REMOVE_RE, sort_key
from ..index import DossierIndex
from ..kb.schema import Entity, EntityKind, Role
from ..text import html_text
from . import labels as L
from . import viewlabels as V
from .html import DASH, Here, a, attr, p, text, ul
from .layout import TRUNK, Box, Layout, layout, tree
from .markdown import front_matter
from .pages import Pages

PATH = "graph/index.md"
NODE_KINDS = frozenset({EntityKind.PERSON, EntityKind.COMPANY, EntityKind.BOARD, EntityKind.TEAM, EntityKind.INSTITUTION, EntityKind.GOVERNMENT})
"""Who can be a node: people and organisations (not products, outlets, platforms or concepts)."""
MAX_NODES = 80
"""The page graph shows at most this many, the most connected: the drawing stays readable and its cost bounded."""
MAX_RELATIONS = 200
"""…and at most this many relations among them, the strongest (each name keeps its own strongest): the page
does not grow with the dossier (a dense dossier has thousands of relations among 80 names)."""
NEIGHBOURS = 10
"""A person's small graph: the person and this many closest."""
FONT = 14.0
BOX_HEIGHT = 28.0
EVIDENCE_SHOWN = 3


@dataclass(frozen=True)
class Relation:
    """Two entities and everything that ties them, each piece with its evidence."""

    a: str
    b: str
    """a < b: one relation per pair."""
    roles: tuple[tuple[str, Role], ...] = ()
    """(person id, role): a role of one in the other."""
    events: tuple[str, ...] = ()
    """Ids of the events both take part in, by date."""
    paragraphs: tuple[tuple[str, int], ...] = ()
    """(article id, paragraph number) of each paragraph that names both."""

    @property
    def weight(self) -> int:
        return 3 * len(self.roles) + 2 * len(self.events) + len(self.paragraphs)

    @property
    def kind(self) -> str:
        """The strongest tie, which decides how the line is drawn."""
        return "role" if self.roles else "event" if self.events else "paragraph"

    def other(self, id: str) -> str:
        return self.b if id == self.a else self.a


_last: tuple[DossierIndex, tuple[Relation, ...]] | None = None
"""The last index's relations: the graph page and every person's page ask for them in one render."""


def relations(index: DossierIndex) -> tuple[Relation, ...]:
    """Every related pair of people and organisations, in id order."""
    global _last
    if _last is None or _last[0] is not index:
        _last = (index, _relations(index))
    return _last[1]


def _relations(index: DossierIndex) -> tuple[Relation, ...]:
    nodes = {e.id for e in index.entities if e.kind in NODE_KINDS}
    roles: dict[tuple[str, str], list[tuple[str, Role]]] = defaultdict(list)
    events: dict[tuple[str, str], list[str]] = defaultdict(list)
    paragraphs: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for e in index.entities:
        for r in e.roles:
            if e.id in nodes and r.org in nodes and r.org != e.id:
                roles[_pair(e.id, r.org)].append((e.id, r))
    for ev in index.timeline:
        ids = sorted({p.entity for p in ev.participants} & nodes)
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                events[(x, y)].append(ev.id)
    named: dict[tuple[str, int], set[str]] = defaultdict(set)
    for m in index.mentions:
        if m.entity in nodes:
            named[(m.article, m.block)].add(m.entity)
    for where, group in named.items():
        ids = sorted(group)
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                paragraphs[(x, y)].append(where)
    pairs = sorted(set(roles) | set(events) | set(paragraphs))
    return tuple(Relation(x, y, tuple(roles[(x, y)]), tuple(events[(x, y)]), tuple(sorted(paragraphs[(x, y)]))) for x, y in pairs)


def by_node(rels: Iterable[Relation]) -> dict[str, tuple[Relation, ...]]:
    """Each node's own relations, so a person's page need not scan every pair in the dossier."""
    out: dict[str, list[Relation]] = defaultdict(list)
    for r in rels:
        out[r.a].append(r)
        out[r.b].append(r)
    return {k: tuple(v) for k, v in out.items()}


def _pair(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


def page_graph(index: DossierIndex, rels: tuple[Relation, ...]) -> tuple[list[str], list[Relation]]:
    """The nodes and relations of the page graph: the MAX_NODES most connected, and the relations among them."""
    strength: dict[str, int] = defaultdict(int)
    for r in rels:
        strength[r.a] += r.weight
        strength[r.b] += r.weight
    chosen = sorted(strength, key=lambda i: (-strength[i], i))[:MAX_NODES]
    keep = set(chosen)
    among = [r for r in rels if r.a in keep and r.b in keep]
    return sorted(chosen), strongest(among, MAX_RELATIONS)


def strongest(rels: list[Relation], most: int) -> list[Relation]:
    """At most `most` relations, in their given order: each node's strongest first, then the strongest overall."""
    if len(rels) <= most:
        return rels
    ranked = sorted(rels, key=lambda r: (-r.weight, r.a, r.b))
    picked: set[tuple[str, str]] = set()
    seen: set[str] = set()
    for r in ranked:  # no name is left without a line
        if (r.a not in seen or r.b not in seen) and len(picked) < most:
            picked.add((r.a, r.b))
            seen.update((r.a, r.b))
    for r in ranked:
        if len(picked) >= most:
            break
        picked.add((r.a, r.b))
    return [r for r in rels if (r.a, r.b) in picked]


def ego_graph(rels: Iterable[Relation], centre: str) -> tuple[list[str], list[Relation]]:
    """A person's small graph: the person, the NEIGHBOURS closest (closest first), and the person's relations to them.

    Drawn as a star (layout.star): relations between the neighbours would run behind other names.
    """
    rels = list(rels)
    mine = sorted((r for r in rels if centre in (r.a, r.b)), key=lambda r: (-r.weight, r.other(centre)))[:NEIGHBOURS]
    return [centre, *(r.other(centre) for r in mine)], mine


# --- drawing ------------------------------------------------------------------------------


def label_width(name: str) -> float:
    """The box width a name needs, generously: the reader's font is not known at build time."""
    letters = len(REMOVE_RE.sub("", name))
    return round(letters * FONT * 0.62 + 20, 1)


def explain(index: DossierIndex, r: Relation) -> str:
    """One line that says what ties the two: the hover text of the line between them."""
    first, second = index.entity(r.a), index.entity(r.b)
    parts = []
    for _, role in r.roles:
        parts.append(f"{V.ROLE} {role.title}")  # «دور الرئيس التنفيذي»: no second colon after the pair's
    if r.events:
        parts.append(f"{V.SHARED_EVENTS} ({V.count(len(r.events), V.EVENT)})")
    if r.paragraphs:
        parts.append(f"{V.TOGETHER_IN} ({V.count(len(r.paragraphs), V.PARAGRAPH)})")
    return f"{first.name if first else r.a}{DASH}{second.name if second else r.b}: " + "؛ ".join(parts)


@lru_cache(maxsize=4)
def _laid_out(boxes: tuple[Box, ...], edges: tuple[tuple[str, str, float], ...]) -> Layout:
    """`layout` remembered: under `mkdocs serve`, an edit that changes no relation does not lay the graph out again."""
    return layout(boxes, edges)


def svg(index: DossierIndex, ids: list[str], rels: list[Relation], here: Here, label: str, centre: str = "") -> str:
    """The drawing, as one raw HTML block (no blank line inside, so Markdown leaves it alone).

    With a `centre`, `ids` after it are its neighbours, closest first, drawn as a tree
    (layout.tree): each relation is the branch from the trunk to the neighbour.
    """
    entities = {i: index.entity(i) for i in ids}
    boxes = {i: Box(i, label_width(e.name), BOX_HEIGHT) for i, e in entities.items() if e is not None}
    if centre:
        placed: Layout = tree(boxes[centre], [boxes[i] for i in ids if i != centre])
    else:
        placed = _laid_out(tuple(boxes.values()), tuple((r.a, r.b, float(r.weight)) for r in rels))
    at = {p.id: p for p in placed.nodes}
    w, h = placed.width, placed.height
    out = [
        f'<div class="dossier-graph" data-search-exclude style="--dossier-graph-width: {w:.0f}px">',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.1f} {h:.1f}" width="{w:.0f}" height="{h:.0f}" role="group" aria-label="{attr(label)}">',
        '<g class="dossier-graph-edges">',
    ]
    trunk = 0.0
    if centre:
        root, last = at[centre], max(at.values(), key=lambda p: p.y)
        trunk = round(root.x + root.width / 2 - TRUNK, 1)
        out.append(f'<line class="dossier-rel-trunk" x1="{trunk}" y1="{root.y + root.height / 2}" x2="{trunk}" y2="{last.y}"/>')
    for r in sorted(rels, key=lambda r: (r.weight, r.a, r.b)):
        p, q = at[r.a], at[r.b]
        width = min(1 + r.weight / 6, 4)
        line = f'x1="{p.x}" y1="{p.y}" x2="{q.x}" y2="{q.y}"'
        if centre:
            leaf = at[r.other(centre)]
            line = f'x1="{trunk}" y1="{leaf.y}" x2="{round(leaf.x + leaf.width / 2, 1)}" y2="{leaf.y}"'
        out.append(
            f'<g class="dossier-rel dossier-rel-{r.kind}" data-a="{r.a}" data-b="{r.b}"><title>{html_text(explain(index, r))}</title>'
            f'<line class="dossier-rel-line" {line} stroke-width="{width:.1f}"/><line class="dossier-rel-hit" {line}/></g>'
        )
    out.append("</g>")
    out.append('<g class="dossier-graph-nodes">')
    for i in sorted(ids, key=lambda i: (at[i].y, at[i].x)):
        e = entities[i]
        if e is None:
            continue
        p = at[i]
        kind = "person" if e.is_person else "org"
        out.append(
            f'<a href="{here.to(e.page)}" class="dossier-node dossier-node-{kind}" data-id="{e.id}"><title>{html_text(e.name)}</title>'
            f'<rect x="{p.x - p.width / 2:.1f}" y="{p.y - p.height / 2:.1f}" width="{p.width}" height="{p.height}" rx="{6 if e.is_person else 2}"/>'
            f'<text x="{p.x}" y="{p.y}">{html_text(e.name)}</text></a>'
        )
    out += ["</g>", "</svg>", "</div>\n"]
    return "\n".join(out)


def legend() -> str:
    items = [
        ("dossier-key-person", V.LEGEND_PERSON),
        ("dossier-key-org", V.LEGEND_ORG),
        ("dossier-key-role", V.LEGEND_ROLE),
        ("dossier-key-event", V.LEGEND_EVENT),
        ("dossier-key-paragraph", V.LEGEND_PARAGRAPH),
    ]
    spans = "".join(f'<li><span class="dossier-key {cls}" aria-hidden="true"></span>{words}</li>' for cls, words in items)
    return f'<ul class="dossier-graph-legend" aria-label="{V.LEGEND}">{spans}</ul>\n'


def _evidence(index: DossierIndex, r: Relation, here: Here) -> str:
    parts = []
    for _, role in r.roles:
        s = role.source
        parts.append(f"{V.ROLE} {a(here.to(f'articles/{s.article}.md', s.anchor), text(role.title), s.quote)}")
    if r.events:
        links = [a(here.to(ev.page), text(ev.title)) for id in r.events[:EVIDENCE_SHOWN] if (ev := index.event(id))]
        more = f" {V.AND_MORE.format(n=len(r.events) - EVIDENCE_SHOWN)}" if len(r.events) > EVIDENCE_SHOWN else ""
        parts.append(f"{V.SHARED_EVENTS} ({V.count(len(r.events), V.EVENT)}): " + "، ".join(links) + more)
    if r.paragraphs:
        by_article: dict[str, list[int]] = {}  # each article named once, its paragraphs after it (a tooltip is no help on a phone)
        for article, block in r.paragraphs[:EVIDENCE_SHOWN]:
            by_article.setdefault(article, []).append(block)
        groups = []
        for article, blocks in by_article.items():
            page = f"articles/{article}.md"
            title = a(here.to(page), f"«{text(index.article(article).title)}»")
            shown = [a(here.to(page, f"p-{block}"), L.paragraph(block)) for block in blocks if block]
            groups.append(f"{title} ({'، '.join(shown)})" if shown else title)
        more = f" {V.AND_MORE.format(n=len(r.paragraphs) - EVIDENCE_SHOWN)}" if len(r.paragraphs) > EVIDENCE_SHOWN else ""
        parts.append(f"{V.TOGETHER_IN} ({V.count(len(r.paragraphs), V.PARAGRAPH)}): " + "، ".join(groups) + more)
    return "؛ ".join(parts)


def as_text(index: DossierIndex, rels: list[Relation], here: Here, centre: str = "") -> str:
    """The same relations as a list, for screen readers and for anyone who prefers reading.

    On the page graph each relation is listed once, under the name that comes first in
    Arabic order; on a person's page, every relation is the person's.
    """
    by_node: dict[str, list[Relation]] = defaultdict(list)
    for r in rels:
        first = centre or min((r.a, r.b), key=lambda i: sort_key(_name(index, i)))
        by_node[first].append(r)
    groups = []
    for node in sorted(by_node, key=lambda i: sort_key(_name(index, i))):
        e = index.entity(node)
        if e is None:
            continue
        items = []
        for r in sorted(by_node[node], key=lambda r: sort_key(_name(index, r.other(node)))):
            o = index.entity(r.other(node))
            if o is not None:
                items.append(f"{a(here.to(o.page), text(o.name))}: {_evidence(index, r, here)}")
        groups.append(ul(items) if centre else f"{a(here.to(e.page), text(e.name))}\n{ul(items)}")
    body = "".join(groups) if centre else ul(groups)
    summary = f"<summary>{V.RELATIONS_AS_TEXT} ({V.count(len(rels), V.RELATION)})</summary>"
    return f'<details class="dossier-graph-text" data-search-exclude>\n{summary}\n{body}</details>\n'


def _name(index: DossierIndex, id: str) -> str:
    e = index.entity(id)
    return e.name if e else id


def page(index: DossierIndex, here: Here) -> str:
    rels = relations(index)
    ids, shown = page_graph(index, rels)
    total = len({x for r in rels for x in (r.a, r.b)})
    keep = set(ids)
    among = sum(1 for r in rels if r.a in keep and r.b in keep)
    out = [front_matter(V.GRAPH, "hide:\n  - navigation\n  - toc\nsearch:\n  exclude: true\n"), f"# {V.GRAPH}\n", f"{V.GRAPH_INTRO}\n"]
    if len(shown) < among:
        out.append(V.GRAPH_CAP_EDGES.format(shown=len(ids), total=total, edges=len(shown), all_edges=among) + "\n")
    elif len(ids) < total:
        out.append(V.GRAPH_CAP.format(shown=len(ids), total=total) + "\n")
    out.append(legend())
    out.append(f"{V.NARROW_SCREEN}\n{{: .dossier-graph-narrow }}\n")
    out.append(svg(index, ids, shown, here, V.GRAPH_LABEL))
    out.append(as_text(index, shown, here))
    return "\n".join(out)


def person_section(index: DossierIndex, e: Entity, rels: tuple[Relation, ...], here: Here) -> str:
    """The small graph on a person's page; empty when the person is related to no one."""
    ids, mine = ego_graph(rels, e.id)
    if not mine:
        return ""
    out = [f"## {V.ITS_NETWORK}\n", p(V.ITS_NETWORK_INTRO.format(graph=a(here.to(PATH), V.GRAPH))), legend()]
    out.append(svg(index, ids, mine, here, f"{V.GRAPH_LABEL}: {e.name}", centre=e.id))
    out.append(as_text(index, mine, here, centre=e.id))
    return "\n".join(out)


def render(index: DossierIndex, pages: Pages) -> None:
    pages.add(PATH, page(index, pages.here(PATH)))
