"""Index pages in Arabic dictionary order: the people, the organisations, the events, the articles.

One sort key (arabic.sort_key: the article «ال» ignored, hamza seats as alef,
ة as ت, ى as ي) and letter headings to jump by (arabic.letter); each entry
with what a reader picks by: a person's main role, counts of mentions and
articles, an event's date at its precision, an article's date and notes.
Reading in time order is the timeline's and the front page's job.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..arabic import letter, sort_key
from ..index import DossierIndex
from ..kb.schema import DateBasis, Entity, EntityKind
from ..text import html_text
from . import labels as L
from . import viewlabels as V
from .article import article_path, date_label
from .front import main_role
from .html import Here, a, p, text, ul
from .markdown import date_text, front_matter
from .pages import Pages


def lettered(entries: Iterable[tuple[str, str]]) -> list[str]:
    """(name, list item HTML) pairs as a letter bar, then one list under each letter heading, in Arabic order."""
    ordered = sorted(entries, key=lambda e: sort_key(e[0]))
    letters = list(dict.fromkeys(letter(name) for name, _ in ordered))
    out = []
    if len(letters) > 1:
        out.append(p(f"{V.LETTERS}: " + " · ".join(a(f"#{V.letter_anchor(x)}", text(x)) for x in letters), "dossier-letters"))
    current: str | None = None
    items: list[str] = []
    for name, item in ordered:
        head = letter(name)
        if head != current:
            if items:
                out.append(ul(items))
            current, items = head, []
            out.append(f"## {html_text(head) if head != '#' else V.OTHER_LETTER} {{: #{V.letter_anchor(head)} }}\n")
        items.append(item)
    if items:
        out.append(ul(items))
    return out


def _counts(index: DossierIndex, e: Entity) -> str:
    """Its mentions and the articles they are in; nothing when no article names it (the editor's report says so)."""
    found = index.mentions_of(e.id)
    if not found:
        return ""
    articles = len({m.article for m in found})
    return f'<span class="dossier-count">{V.count(len(found), V.MENTION)} · {V.count(articles, V.ARTICLE)}</span>'


def _latin(e: Entity) -> str:
    return f" (<bdi>{html_text(e.latin)}</bdi>)" if e.latin and e.latin != e.name else ""


def people_index(index: DossierIndex, here: Here) -> str:
    people = index.of_kind(EntityKind.PERSON)
    out = [front_matter(V.PEOPLE), f"# {V.PEOPLE}\n", p(f"{V.count(len(people), V.PERSON)} تذكرهم المقالات.")]
    rows = []
    for e in people:
        role = main_role(index, e)
        role_text = f' — <span class="dossier-entry-role">{role}</span>' if role else ""
        rows.append((e.name, f"{a(here.to(e.page), text(e.name))}{_latin(e)}{role_text} {_counts(index, e)}"))
    return "\n".join(out + lettered(rows))


def orgs_index(index: DossierIndex, here: Here) -> str:
    orgs = [e for e in index.entities if not e.is_person]
    intro = f"{V.count(len(orgs), V.ORGANISATION)}: شركات ومجالس وفرق ومنتجات ووسائل إعلام ومفاهيم تذكرها المقالات."
    out = [front_matter(V.ORGS), f"# {V.ORGS}\n", p(intro)]
    rows = []
    for e in orgs:
        kind = f' — <span class="dossier-entry-role">{L.KIND_SINGULAR[e.kind]}</span>'
        rows.append((e.name, f"{a(here.to(e.page), text(e.name))}{_latin(e)}{kind} {_counts(index, e)}"))
    return "\n".join(out + lettered(rows))


def events_index(index: DossierIndex, here: Here) -> str:
    events = index.timeline
    resolved = sum(1 for ev in events if ev.date_basis is DateBasis.RESOLVED)
    timeline = a(here.to("timeline/index.md"), V.TIMELINE)
    intro = L.events_intro(len(events), resolved).replace("بالترتيب الزمني", f"بترتيب عناوينها؛ وبترتيبها الزمني في {timeline}", 1)
    out = [front_matter(V.EVENTS), f"# {V.EVENTS}\n", p(intro)]
    # The intro says how many dates the editor worked out; a chip marks only the fewer kind of line.
    mark_stated = 2 * resolved > len(events)
    if mark_stated:
        chip = f' <span class="dossier-chip" title="{L.STATED_CHIP_TIP}">{L.STATED_CHIP}</span>'
    else:
        chip = f' <span class="dossier-chip" title="{L.RESOLVED_CHIP_TIP}">{L.RESOLVED_CHIP}</span>'
    rows = []
    for ev in events:
        marked = (ev.date_basis is DateBasis.RESOLVED) != mark_stated
        sources = f'<span class="dossier-count">{V.count(len(ev.sources), V.SOURCE)}</span>'
        rows.append((ev.title, f"{a(here.to(ev.page), text(ev.title))} — {date_text(ev.date) or V.UNDATED}{chip if marked else ''} {sources}"))
    return "\n".join(out + lettered(rows))


def articles_index(index: DossierIndex, here: Here) -> str:
    home = a(here.to("index.md"), V.HOME)
    out = [front_matter(V.ARTICLES), f"# {V.ARTICLES}\n", p(f"{V.count(len(index.articles), V.ARTICLE)} في الملف، بترتيب عناوينها؛ والأحدث أولًا في {home}.")]
    rows = []
    for article in index.articles:
        outlet = f" · {text(article.meta.outlet)}" if article.meta.outlet else ""
        notes = V.count(len(index.notes_in(article.id)), V.NOTE)
        counts = f'<span class="dossier-count">{V.count(len(article.numbered), V.PARAGRAPH)} · {notes}</span>'
        rows.append((article.title, f"{a(here.to(article_path(article)), text(article.title))} — {date_label(article)}{outlet} {counts}"))
    return "\n".join(out + lettered(rows))


def render(index: DossierIndex, pages: Pages) -> None:
    for path, page in (
        ("articles/index.md", articles_index),
        ("people/index.md", people_index),
        ("orgs/index.md", orgs_index),
        ("events/index.md", events_index),
    ):
        pages.add(path, page(index, pages.here(path)))
