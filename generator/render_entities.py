"""Render stage for the knowledge base: entity and event pages, their indexes, and what
the KB adds to article pages (links, annotation markers, the article's entities).

Every fact shown cites the quote it rests on, linked to its paragraph; every
editorial note is marked as editorial. Orders are sorted, so pages are
byte-identical from run to run.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .arabic import fold
from .kbmodel import Annotation, Entity, Event, KnowledgeBase, Source
from .link import Links, Mention
from .model import Article
from .render import Extras, Span, front_matter
from .text import arabic_date, inline, literal

KIND_LABELS = {
    "person": "الأشخاص",
    "company": "الشركات",
    "board": "مجالس الإدارة",
    "team": "الفرق والأقسام",
    "outlet": "وسائل الإعلام",
    "product": "المنتجات والنماذج",
    "platform": "المنصات",
    "concept": "المفاهيم",
    "institution": "المؤسسات",
    "government": "الجهات الحكومية",
}
KIND_ORDER = list(KIND_LABELS)
KIND_SINGULAR = {
    "person": "شخص",
    "company": "شركة",
    "board": "مجلس إدارة",
    "team": "فريق أو قسم",
    "outlet": "وسيلة إعلام",
    "product": "منتج أو نموذج",
    "platform": "منصة",
    "concept": "مفهوم",
    "institution": "مؤسسة",
    "government": "جهة حكومية",
}
ANNOTATION_LABELS = {"correction": "تصحيح", "context": "سياق", "contradiction": "تعارض بين المصادر", "resolved-date": "تاريخ استنتجه المحرر"}
PRECISION = {4: "السنة", 7: "الشهر", 10: "اليوم"}
BOOST = "search:\n  boost: 2\n"


def search_meta(ctx: Context, e: Entity) -> str:
    """A boost, and every spelling as a search tag.

    Material weighs tags above titles, so the entity's page comes first for any of its
    names, above pages that merely mention it. A word that is itself another entity's name
    is left out (OpenAI's board is tagged «مجلس إدارة», not «OpenAI»), and a word is tagged
    once, so that the query OpenAI finds OpenAI first and not every team named after it.
    """
    seen: set[str] = set()
    tags = []
    for name in also_written(e):
        words = []
        for word in name.split():
            key = fold(word)
            if key in seen or ctx.owner.get(key, e.id) != e.id:
                continue
            seen.add(key)
            words.append(word)
        if words:
            tags.append(" ".join(words))
    lines = "".join(f"  - {json.dumps(t, ensure_ascii=False)}\n" for t in tags)
    return f"{BOOST}tags:\n{lines}"


SENTENCE_END = re.compile(r"[.!?؟…]+(?=\s|$)")
CONTEXT_CHARS = 160


@dataclass
class Context:
    """Indexes over the linked dossier that several pages need, computed once."""

    articles: dict[str, Article]
    kb: KnowledgeBase
    links: Links
    entities: dict[str, Entity] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    mentions: dict[str, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    together: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    about: dict[str, list[Annotation]] = field(default_factory=lambda: defaultdict(list))
    events_of: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    timeline: list[Event] = field(default_factory=list)
    """Every event by date, sorted once."""
    events_in: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    """Per article id: the events it is a source of, by date."""
    owner: dict[str, str] = field(default_factory=dict)
    """Folded one-word full names (OpenAI, ميتا), to the entity they name."""

    def __post_init__(self) -> None:
        self.entities = {e.id: e for e in self.kb.entities}
        self.timeline = sorted(self.kb.events, key=lambda e: (e.date, e.id))
        for ev in self.timeline:
            for article in dict.fromkeys(s.article for s in ev.sources):
                self.events_in[article].append(ev)
        for e in sorted(self.kb.entities, key=lambda e: e.id):
            for name in [e.name, *e.aliases, e.latin]:
                if name and " " not in name.strip():
                    self.owner.setdefault(fold(name), e.id)
        self.events = {e.id: e for e in self.kb.events}
        paragraphs: dict[tuple[str, int], set[str]] = defaultdict(set)
        for m in self.links.mentions:
            self.mentions[m.entity].append(m)
            paragraphs[(m.article, m.block)].add(m.entity)
        for ids in paragraphs.values():
            for a in ids:
                for b in ids - {a}:
                    self.together[a][b] += 1
        for a in self.kb.annotations:
            for id in a.about:
                self.about[id].append(a)
        for ev in self.chronological():
            for id in dict.fromkeys(p.entity for p in ev.participants):
                self.events_of[id].append(ev)

    def chronological(self) -> list[Event]:
        return self.timeline

    def block_text(self, article: str, number: int) -> str:
        return next(b.text for b in self.articles[article].blocks if b.number == number)


# --- small pieces ---------------------------------------------------------


def date_text(value: str) -> str:
    return literal(arabic_date(value)) if value else ""


def link_to(e: Entity | Event, up: str = "../") -> str:
    name = e.name if isinstance(e, Entity) else e.title
    return f"[{inline(name)}]({up}{e.page})"


def where(ctx: Context, article: str, block: int | None, up: str = "../") -> str:
    """A link to one paragraph of one article, named by the article's title."""
    title = ctx.articles[article].title
    if not block:
        return f"[عنوان المقال «{inline(title)}»]({up}articles/{article}.md)"
    return f"[الفقرة {block}، «{inline(title)}»]({up}articles/{article}.md#p-{block})"


# Article text quoted on other pages is left out of the search index: a search for words of an
# article then finds the article, not every page that cites it; entity and event pages are
# found by their own names, titles and notes.
NOT_SEARCHED = '<span class="dossier-quote" data-search-exclude>'


def cite(ctx: Context, source: Source, up: str = "../") -> str:
    """The quote itself, and where it is: the evidence for the fact it follows."""
    return f"{NOT_SEARCHED}«{inline(source.quote)}»</span> — {where(ctx, source.article, source.block, up)}"


def around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence holding text[start:end], cut to a readable length: (before, mention, after)."""
    s = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        s = m.end()
    m = SENTENCE_END.search(text, end)
    e = m.end() if m else len(text)
    before, after = text[s:start].lstrip(), text[end:e]
    if len(before) > CONTEXT_CHARS:
        before = "… " + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + " …"
    return before, text[start:end], after


def annotation_box(ctx: Context, a: Annotation, up: str = "../", anchor: bool = False, number: int = 0, searched: bool = False) -> str:
    """An editorial note, always visibly marked as editorial, with what it rests on.

    Search indexes each note once, on the page of the article it is anchored in.
    """
    ident = f' id="ann-{a.id}"' if anchor else ""
    ident += "" if searched else " data-search-exclude"
    label = f"ملاحظة تحريرية{f' {number}' if number else ''} — {ANNOTATION_LABELS.get(a.kind, a.kind)}"
    lines = [
        f'<div class="admonition note dossier-annotation"{ident} markdown>',
        f'<p class="admonition-title">{label}</p>',
        "",
        inline(a.note),
        "",
        f"**على النص:** {cite(ctx, a.anchor, up)}",
        "",
    ]
    if a.basis:
        lines.append("**الأساس:**\n")
        lines += [f"- {cite(ctx, b, up)}" for b in a.basis]
        lines.append("")
    about = [ctx.entities.get(i) or ctx.events.get(i) for i in a.about]
    if about:
        lines.append("**تتعلق بـ:** " + "، ".join(link_to(x, up) for x in about if x) + "\n")
    lines.append("</div>\n")
    return "\n".join(lines)


# --- entity pages ---------------------------------------------------------


def also_written(e: Entity) -> list[str]:
    """Every spelling the articles use for the entity: what search must find the page by."""
    names = [e.name, *e.aliases, *e.short]
    if e.latin:
        names.append(e.latin)
    return list(dict.fromkeys(names))


def render_entity(ctx: Context, e: Entity) -> str:
    out = [front_matter(e.name, search_meta(ctx, e)), f"# {inline(e.name)}\n"]
    facts = []
    if e.latin:
        facts.append(f"**بالحروف اللاتينية:** <bdi>{literal(e.latin)}</bdi>")
    facts.append(f"**النوع:** {KIND_SINGULAR.get(e.kind, e.kind)}")
    if e.parent and e.parent in ctx.entities:
        facts.append(f"**تتبع:** {link_to(ctx.entities[e.parent])}")
    out.append(" · ".join(facts) + "\n{: .dossier-meta }\n")
    out.append("**يُكتب أيضًا:** " + "، ".join(inline(n) for n in also_written(e)) + "\n{: .dossier-also }\n")
    if e.roles:
        out.append("## الأدوار\n")
        for r in e.roles:
            span = "–".join(filter(None, [date_text(r.start), date_text(r.end)]))
            org = ctx.entities.get(r.org)
            out.append(f"- **{inline(r.title)}** في {link_to(org) if org else inline(r.org)}{f' ({span})' if span else ''}: {cite(ctx, r.source)}")
        out.append("")
    members = [(p, r) for p in ctx.kb.entities for r in p.roles if r.org == e.id]
    if members:
        out.append("## الأشخاص فيها\n")
        out += [f"- {link_to(p)}: **{inline(r.title)}** — {cite(ctx, r.source)}" for p, r in members]
        out.append("")
    children = [c for c in ctx.kb.entities if c.parent == e.id]
    if children:
        out.append("## يتبعها\n")
        out += [f"- {link_to(c)} ({KIND_SINGULAR.get(c.kind, c.kind)})" for c in children]
        out.append("")
    claims = [c for c in e.claims if c.source is not None]
    if claims:
        out.append("## ما تقوله المصادر\n")
        out += [f"- {inline(c.text)}: {cite(ctx, c.source)}" for c in claims if c.source]
        out.append("")
    if ctx.events_of.get(e.id):
        out.append("## الأحداث\n")
        for ev in ctx.events_of[e.id]:
            parts = [p.part for p in ev.participants if p.entity == e.id and p.part]
            out.append(f"- {date_text(ev.date)}: {link_to(ev)}" + (f" ({inline('، '.join(parts))})" if parts else ""))
        out.append("")
    if e.said:
        out.append("## من أقواله المنقولة\n" if e.is_person else "## أقوال منقولة\n")
        out += [f"- {cite(ctx, s)}" for s in e.said]
        out.append("")
    together = ctx.together.get(e.id)
    if together:
        out.append("## يُذكر معه كثيرًا\n")
        out.append("في الفقرة نفسها، مع عدد الفقرات:\n")
        top = sorted(together.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        out += [f"- {link_to(ctx.entities[i])}: {n}" for i, n in top]
        out.append("")
    for a in ctx.about.get(e.id, []):
        out.append(annotation_box(ctx, a))
    out.append(_mentions(ctx, e))
    return "\n".join(out)


def _mentions(ctx: Context, e: Entity) -> str:
    found = ctx.mentions.get(e.id, [])
    out = [f"## الإشارات في المقالات ({len(found)})\n"]
    if not found:
        out.append("لا تذكره المقالات بأي من أسمائه.\n")
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        by_article[m.article].append(m)
    for article_id in sorted(by_article):
        article = ctx.articles[article_id]
        # A paragraph, not a heading: a heading would make a search section titled like the article.
        out.append(f"[{inline(article.title)}](../articles/{article_id}.md)\n{{: .dossier-mentions-of }}\n")
        for m in by_article[article_id]:
            before, name, after = around(ctx.block_text(m.article, m.block), m.start, m.end)
            out.append(
                f"- {NOT_SEARCHED}{inline(before)}<mark>{inline(name)}</mark>{inline(after)}</span> "
                f"([الفقرة {m.block}](../articles/{article_id}.md#{m.anchor}))"
            )
        out.append("")
    return "\n".join(out)


# --- event pages ----------------------------------------------------------


def render_event(ctx: Context, ev: Event, before: Event | None, after: Event | None) -> str:
    out = [front_matter(ev.title, BOOST), f"# {inline(ev.title)}\n"]
    label = f"**التاريخ:** {date_text(ev.date)} (الدقة: {PRECISION.get(len(ev.date), '')})"
    resolution = next((a for a in ctx.kb.annotations if a.id == ev.resolution), None)
    if ev.date_basis == "resolved":
        note = literal(resolution.note) if resolution else ""
        label += f' [استنتجه المحرر](#ann-{ev.resolution} "{note}"){{: .dossier-resolved }}' if resolution else " (استنتجه المحرر)"
    out.append(label + "\n{: .dossier-meta }\n")
    out.append("## ما حدث، بنص المصادر\n")
    out += [f"- {cite(ctx, s)}" for s in ev.sources]
    out.append("")
    if ev.participants:
        out.append("## المشاركون\n")
        for p in ev.participants:
            e = ctx.entities.get(p.entity)
            out.append(f"- {link_to(e) if e else inline(p.entity)}" + (f": {inline(p.part)}" if p.part else ""))
        out.append("")
    if before or after:
        out.append("## قبله وبعده\n")
        if before:
            out.append(f"- قبله: {date_text(before.date)}، {link_to(before)}")
        if after:
            out.append(f"- بعده: {date_text(after.date)}، {link_to(after)}")
        out.append("")
    notes = [a for a in ctx.kb.annotations if a.id == ev.resolution or ev.id in a.about]
    for a in notes:
        out.append(annotation_box(ctx, a, anchor=a.id == ev.resolution))
    out.append("[كل الأحداث](index.md)\n")
    return "\n".join(out)


# --- indexes --------------------------------------------------------------


def _count(ctx: Context, e: Entity) -> str:
    n = len(ctx.mentions.get(e.id, []))
    return f"الإشارات: {n}" if n else "لا إشارات"


def render_people_index(ctx: Context) -> str:
    people = sorted((e for e in ctx.kb.entities if e.is_person), key=lambda e: (fold(e.name), e.id))
    out = [front_matter("الأشخاص"), "# الأشخاص\n", f"{len(people)} شخصًا تذكرهم المقالات.\n"]
    for e in people:
        latin = f" (<bdi>{literal(e.latin)}</bdi>)" if e.latin else ""
        out.append(f"- [{inline(e.name)}]({e.id}.md){latin} — {_count(ctx, e)}")
    return "\n".join(out) + "\n"


def render_orgs_index(ctx: Context) -> str:
    orgs = [e for e in ctx.kb.entities if not e.is_person]
    out = [front_matter("الجهات والمنتجات"), "# الجهات والمنتجات\n", f"{len(orgs)} جهة ومنتجًا ومفهومًا تذكرها المقالات، بحسب النوع.\n"]
    for kind in KIND_ORDER[1:]:
        group = sorted((e for e in orgs if e.kind == kind), key=lambda e: (fold(e.name), e.id))
        if not group:
            continue
        out.append(f"\n## {KIND_LABELS[kind]}\n")
        for e in group:
            latin = f" (<bdi>{literal(e.latin)}</bdi>)" if e.latin and e.latin != e.name else ""
            out.append(f"- [{inline(e.name)}]({e.id}.md){latin} — {_count(ctx, e)}")
    return "\n".join(out) + "\n"


def render_events_index(ctx: Context) -> str:
    events = ctx.chronological()
    out = [front_matter("الأحداث"), "# الأحداث\n", f"{len(events)} حدثًا، بالترتيب الزمني.\n"]
    year = None
    for ev in events:
        if ev.date[:4] != year:
            year = ev.date[:4]
            out.append(f"\n## {year}\n")
        mark = ' <span class="dossier-chip" title="تاريخ استنتجه المحرر، لا النص؛ انظر صفحة الحدث">استنتاج المحرر</span>' if ev.date_basis == "resolved" else ""
        out.append(f"- {date_text(ev.date)}{mark}: [{inline(ev.title)}]({ev.id}.md)")
    return "\n".join(out) + "\n"


# --- what the KB adds to article pages ------------------------------------


def article_spans(ctx: Context, article: Article) -> Extras:
    """Links on the first mention of each entity in each paragraph, and annotation markers."""
    spans: Extras = defaultdict(list)
    first: set[tuple[int, str]] = set()
    for m in ctx.links.of_article(article.id):
        if (m.block, m.entity) in first:
            continue
        first.add((m.block, m.entity))
        e = ctx.entities[m.entity]
        title = f"{e.name} ({e.latin})" if e.latin and e.latin != e.name else e.name
        spans[m.block].append(Span(m.start, m.end, f"../{e.page}", title))
    for n, a in enumerate(_annotations_of(ctx, article), start=1):
        src = a.anchor
        marker = f'[{n}](#ann-{a.id} "{literal("ملاحظة تحريرية: " + a.note)}"){{: .dossier-annref data-search-exclude="" }}'
        spans[src.block or 0].append(Span(src.start, src.end, after=marker))
    return dict(spans)


def _annotations_of(ctx: Context, article: Article) -> list[Annotation]:
    found = [a for a in ctx.kb.annotations if a.anchor.article == article.id]
    return sorted(found, key=lambda a: (a.anchor.block or 0, a.anchor.start, a.id))


def article_tail(ctx: Context, article: Article) -> str:
    """After the article's body: its editorial notes, then who and what it names."""
    out = []
    notes = _annotations_of(ctx, article)
    if notes:
        out.append(f"## ملاحظات تحريرية ({len(notes)})\n")
        out.append("ليست من نص المقال: أضافها محرر الملف، وكل منها مرقم كما في الإشارة داخل النص.\n")
        for n, a in enumerate(notes, start=1):
            out.append(annotation_box(ctx, a, anchor=True, number=n, searched=True))
    named = sorted({m.entity for m in ctx.links.of_article(article.id)})
    events = ctx.events_in.get(article.id, [])
    if named or events:
        out.append("## في هذا المقال\n")
        for kind in KIND_ORDER:
            group = sorted((ctx.entities[i] for i in named if ctx.entities[i].kind == kind), key=lambda e: (fold(e.name), e.id))
            if group:
                out.append(f"**{KIND_LABELS[kind]}:** " + "، ".join(link_to(e) for e in group) + "\n")
        if events:
            out.append("**الأحداث:** " + "، ".join(f"{link_to(ev)} ({date_text(ev.date)})" for ev in events) + "\n")
    return "\n".join(out)


def render_kb_pages(ctx: Context) -> dict[str, str]:
    pages = {"people/index.md": render_people_index(ctx), "orgs/index.md": render_orgs_index(ctx), "events/index.md": render_events_index(ctx)}
    for e in ctx.kb.entities:
        pages[e.page] = render_entity(ctx, e)
    events = ctx.chronological()
    for i, ev in enumerate(events):
        pages[ev.page] = render_event(ctx, ev, events[i - 1] if i else None, events[i + 1] if i + 1 < len(events) else None)
    return pages
