"""Index pages in Arabic dictionary order: the people, the organisations, the events, the articles.

One sort key (arabic.sort_key: the article «ال» ignored, hamza seats as alef,
ة as ت, ى as ي) and letter headings to jump by (arabic.letter); each entry
with what a reader picks by: a person's main role, counts of mentions and
articles, an event's date at its precision, an article's date and notes.
Reading in time order is the timeline's and the front page's job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..arabic import letter, sort_key
from ..index import DossierIndex
from ..kb.schema import DateBasis, Entity, EntityKind, Event
from ..model import Article
from ..text import html_text, inline
from . import labels as L
from . import viewlabels as V
from .article import article_path, date_label
from .front import main_role
from .html import DASH, SEP, Here, a, p, text, ul
from .markdown import date_text, front_matter
from .pages import Pages

PER_PAGE = 200
"""Entries on one index page: the list goes on over numbered pages (…/page/2/), so no page grows with the
dossier (at 2,000 articles the articles' index was half a megabyte)."""

Row = Callable[[Here], str]
"""One entry's list item, as HTML linked from the page it stands on."""


@dataclass(frozen=True)
class Listing:
    """An index: its title, its introduction (HTML, linked from the first page) and its entries by name."""

    path: str
    title: str
    intro: Callable[[Here], str]
    entries: list[tuple[str, Row]]


def page_paths(path: str, count: int) -> list[str]:
    """Where the pages of an index of `count` entries stand: the index itself, then …/page/2.md, …"""
    folder = path.removesuffix("index.md")
    return [path, *(f"{folder}page/{n}.md" for n in range(2, 2 + max(0, count - 1) // PER_PAGE))]


def add_listing(pages: Pages, listing: Listing) -> None:
    """The index in Arabic order over as many pages as it needs: on each, the letter bar (every letter
    linked to the page it starts on), the pages, then one list under each letter heading."""
    ordered = sorted(listing.entries, key=lambda e: sort_key(e[0]))
    paths = page_paths(listing.path, len(ordered))
    chunks = [ordered[i * PER_PAGE : (i + 1) * PER_PAGE] for i in range(len(paths))]
    starts: dict[str, str] = {}
    for path, chunk in zip(paths, chunks, strict=True):
        for name, _ in chunk:
            starts.setdefault(letter(name), path)
    for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), start=1):
        here = pages.here(path)
        title = listing.title if n == 1 else f"{listing.title} ({n})"
        extra = "" if n == 1 else "search:\n  exclude: true\n"
        out = [front_matter(title, extra), f"# {inline(title)}\n", listing.intro(here)]
        if len(starts) > 1:
            bar = SEP.join(a(here.to(at, V.letter_anchor(x)), text(x)) for x, at in starts.items())
            out.append(p(f"{V.LETTERS}: {bar}", "dossier-letters"))
        pager = ""
        if len(paths) > 1:
            links = [str(k) if k == n else a(here.to(other), str(k)) for k, other in enumerate(paths, start=1)]
            pager = p(f"{V.INDEX_PAGES}: " + SEP.join(links), "dossier-more")
            out.append(pager)
        current: str | None = None
        items: list[str] = []
        for name, row in chunk:
            head = letter(name)
            if head != current:
                if items:
                    out.append(ul(items))
                current, items = head, []
                out.append(f"## {html_text(head) if head != '#' else V.OTHER_LETTER} {{: #{V.letter_anchor(head)} }}\n")
            items.append(row(here))
        if items:
            out.append(ul(items))
        if pager:
            out.append(pager)
        pages.add(path, "\n".join(out))


def _counts(index: DossierIndex, e: Entity) -> str:
    """Its mentions and the articles they are in; nothing when no article names it (the editor's report says so)."""
    found = index.mentions_of(e.id)
    if not found:
        return ""
    articles = len({m.article for m in found})
    return f'<span class="dossier-count">{V.count(len(found), V.MENTION)}{SEP}{V.count(articles, V.ARTICLE)}</span>'


def _latin(e: Entity) -> str:
    return f" (<bdi>{html_text(aside)}</bdi>)" if (aside := L.latin_aside(e.name, e.latin)) else ""


def people_index(index: DossierIndex) -> Listing:
    people = index.of_kind(EntityKind.PERSON)

    def row(e: Entity) -> Row:
        role = main_role(index, e)
        role_text = f'{DASH}<span class="dossier-entry-role">{role}</span>' if role else ""
        return lambda here: f"{a(here.to(e.page), text(e.name))}{_latin(e)}{role_text} {_counts(index, e)}"

    intro = p(f"{V.count(len(people), V.PERSON)} تذكرهم المقالات.")
    return Listing("people/index.md", V.PEOPLE, lambda here: intro, [(e.name, row(e)) for e in people])


def orgs_index(index: DossierIndex) -> Listing:
    orgs = [e for e in index.entities if not e.is_person]

    def row(e: Entity) -> Row:
        kind = f'{DASH}<span class="dossier-entry-role">{L.KIND_SINGULAR[e.kind]}</span>'
        return lambda here: f"{a(here.to(e.page), text(e.name))}{_latin(e)}{kind} {_counts(index, e)}"

    intro = p(f"{V.count(len(orgs), V.ORGANISATION)}: شركات ومجالس وفرق ومنتجات ووسائل إعلام ومفاهيم تذكرها المقالات.")
    return Listing("orgs/index.md", V.ORGS, lambda here: intro, [(e.name, row(e)) for e in orgs])


def events_index(index: DossierIndex) -> Listing:
    events = index.timeline
    resolved = sum(1 for ev in events if ev.date_basis is DateBasis.RESOLVED)

    def intro(here: Here) -> str:
        timeline = a(here.to("timeline/index.md"), V.TIMELINE)
        return p(L.events_intro(len(events), resolved).replace("بالترتيب الزمني", f"بترتيب عناوينها؛ وبترتيبها الزمني في {timeline}", 1))

    # The intro says how many dates the editor worked out; a chip marks only the fewer kind of line.
    mark_stated = 2 * resolved > len(events)
    if mark_stated:
        chip = f' <span class="dossier-chip" title="{L.STATED_CHIP_TIP}">{L.STATED_CHIP}</span>'
    else:
        chip = f' <span class="dossier-chip" title="{L.RESOLVED_CHIP_TIP}">{L.RESOLVED_CHIP}</span>'

    def row(ev: Event) -> Row:
        marked = (ev.date_basis is DateBasis.RESOLVED) != mark_stated
        sources = f'<span class="dossier-count">{V.count(len(ev.sources), V.SOURCE)}</span>'
        return lambda here: f"{a(here.to(ev.page), text(ev.title))}{DASH}{date_text(ev.date) or V.UNDATED}{chip if marked else ''} {sources}"

    return Listing("events/index.md", V.EVENTS, intro, [(ev.title, row(ev)) for ev in events])


def articles_index(index: DossierIndex) -> Listing:
    def intro(here: Here) -> str:
        home = a(here.to("index.md"), V.HOME)
        return p(f"{V.count(len(index.articles), V.ARTICLE)} في الملف، بترتيب عناوينها؛ والأحدث أولًا في {home}.")

    def row(article: Article) -> Row:
        outlet = f"{SEP}{text(article.meta.outlet)}" if article.meta.outlet else ""
        notes = V.count(len(index.notes_in(article.id)), V.NOTE)
        counts = f'<span class="dossier-count">{V.count(len(article.numbered), V.PARAGRAPH)}{SEP}{notes}</span>'
        return lambda here: f"{a(here.to(article_path(article)), text(article.title))}{DASH}{date_label(article)}{outlet} {counts}"

    return Listing("articles/index.md", V.ARTICLES, intro, [(article.title, row(article)) for article in index.articles])


def render(index: DossierIndex, pages: Pages) -> None:
    for listing in (articles_index, people_index, orgs_index, events_index):
        add_listing(pages, listing(index))
