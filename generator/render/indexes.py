"""Index pages in Arabic dictionary order: the people, the organisations, the events, the articles.

One sort key (arabic.sort_key: the article «ال» ignored, hamza seats as alef,
ة as ت, ى as ي) and letter headings to jump by (arabic.letter); each entry
with what a reader picks by: a person's main role, counts of mentions and
articles, an event's date at its precision, an article's date and notes.
Chronological reading is the timeline's and the front page's job.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..arabic import letter, sort_key
from ..index import DossierIndex
from ..kb.schema import DateBasis, Entity, EntityKind
from ..text import inline, literal
from . import labels as L
from . import viewlabels as V
from .article import date_label
from .front import main_role
from .markdown import date_text, front_matter
from .pages import Pages


def lettered(entries: Iterable[tuple[str, str]]) -> list[str]:
    """(name, Markdown line) pairs as a letter bar and a list under each letter heading, in Arabic order."""
    ordered = sorted(entries, key=lambda e: sort_key(e[0]))
    letters = list(dict.fromkeys(letter(name) for name, _ in ordered))
    out = []
    if len(letters) > 1:
        out.append(f"{V.LETTERS}: " + " · ".join(f"[{literal(x)}](#{V.letter_anchor(x)})" for x in letters) + "\n{: .dossier-letters }\n")
    current = None
    for name, line in ordered:
        head = letter(name)
        if head != current:
            if current is not None:
                out.append("")
            current = head
            out.append(f"## {literal(head) if head != '#' else V.OTHER_LETTER} {{: #{V.letter_anchor(head)} }}\n")
        out.append(line)
    return out


def _counts(index: DossierIndex, e: Entity) -> str:
    found = index.mentions_of(e.id)
    articles = len({m.article for m in found})
    return f'<span class="dossier-count">{V.count(len(found), V.MENTION)} · {V.count(articles, V.ARTICLE)}</span>'


def _latin(e: Entity) -> str:
    return f" (<bdi>{literal(e.latin)}</bdi>)" if e.latin and e.latin != e.name else ""


def people_index(index: DossierIndex) -> str:
    people = index.of_kind(EntityKind.PERSON)
    out = [front_matter(V.PEOPLE), f"# {V.PEOPLE}\n", f"{V.count(len(people), V.PERSON)} تذكرهم المقالات.\n"]
    lines = []
    for e in people:
        role = main_role(index, e)
        role_text = f' — <span class="dossier-entry-role">{role}</span>' if role else ""
        lines.append((e.name, f"- [{inline(e.name)}]({e.id}.md){_latin(e)}{role_text} {_counts(index, e)}"))
    out += lettered(lines)
    return "\n".join(out) + "\n"


def orgs_index(index: DossierIndex) -> str:
    orgs = [e for e in index.entities if not e.is_person]
    out = [front_matter(V.ORGS), f"# {V.ORGS}\n", f"{V.count(len(orgs), V.ORGANISATION)}: شركات ومجالس وفرق ومنتجات ووسائل إعلام ومفاهيم تذكرها المقالات.\n"]
    lines = []
    for e in orgs:
        kind = f' — <span class="dossier-entry-role">{L.KIND_SINGULAR[e.kind]}</span>'
        lines.append((e.name, f"- [{inline(e.name)}]({e.id}.md){_latin(e)}{kind} {_counts(index, e)}"))
    out += lettered(lines)
    return "\n".join(out) + "\n"


def events_index(index: DossierIndex) -> str:
    events = index.timeline
    out = [front_matter(V.EVENTS), f"# {V.EVENTS}\n", f"{V.count(len(events), V.EVENT)}، بترتيب عناوينها. {V.CHRONOLOGICAL}\n"]
    chip = f' <span class="dossier-chip" title="{L.RESOLVED_CHIP_TIP}">{L.RESOLVED_CHIP}</span>'
    lines = []
    for ev in events:
        mark = chip if ev.date_basis is DateBasis.RESOLVED else ""
        sources = f'<span class="dossier-count">{V.count(len(ev.sources), V.SOURCE)}</span>'
        lines.append((ev.title, f"- [{inline(ev.title)}]({ev.id}.md) — {date_text(ev.date) or V.UNDATED}{mark} {sources}"))
    out += lettered(lines)
    return "\n".join(out) + "\n"


def articles_index(index: DossierIndex) -> str:
    out = [
        front_matter(V.ARTICLES),
        f"# {V.ARTICLES}\n",
        f"{V.count(len(index.articles), V.ARTICLE)}، بترتيب عناوينها؛ والأحدث أولًا في [الصفحة الرئيسية](../index.md).\n",
    ]
    lines = []
    for a in index.articles:
        outlet = f" · {inline(a.meta.outlet)}" if a.meta.outlet else ""
        counts = f'<span class="dossier-count">{V.count(len(a.numbered), V.PARAGRAPH)} · {V.count(len(index.notes_in(a.id)), V.NOTE)}</span>'
        lines.append((a.title, f"- [{inline(a.title)}]({a.id}.md) — {date_label(a)}{outlet} {counts}"))
    out += lettered(lines)
    return "\n".join(out) + "\n"


def render(index: DossierIndex, pages: Pages) -> None:
    pages.add("articles/index.md", articles_index(index))
    pages.add("people/index.md", people_index(index))
    pages.add("orgs/index.md", orgs_index(index))
    pages.add("events/index.md", events_index(index))
