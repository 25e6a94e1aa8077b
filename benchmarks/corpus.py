"""Synthetic corpora for the benchmark: N varied articles and a knowledge base grown to match.

The five real seeds stay verbatim as five of the N articles, with their YAML
untouched, so every real quote is still found. The other N-5 articles are
recombined from the seeds' sentences (two to four sentences from anywhere make
a paragraph), with numbers varied and real people's names swapped for invented
people. Hundreds of invented people (an Arabic name, a variant spelling, a Latin
spelling, a surname as short form) and dozens of invented organisations are
appended to the YAML with roles, claims, events and notes whose quotes are
sentences the generator wrote into the texts, so the build checks and links
them like real ones. Deterministic: the same N and seed give the same corpus.

    python -m benchmarks.corpus 50 /tmp/corpus50    # a project copy with 50 articles
"""

from __future__ import annotations

import compileall
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .project import copy_project

ARTICLES = "seeds/articles"
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
PUNCT_END = tuple(".!?؟:؛،…\"'»”“)")

# (Arabic, Latin, another spelling the press uses)
FIRST_NAMES = (
    ("أحمد", "Ahmad", "احمد"),
    ("إبراهيم", "Ibrahim", "ابراهيم"),
    ("أسامة", "Osama", "اسامه"),
    ("إيمان", "Iman", "ايمان"),
    ("أمل", "Amal", "امل"),
    ("خالد", "Khaled", "خالد"),
    ("سلمى", "Salma", "سلمي"),
    ("يوسف", "Youssef", "يوسُف"),
    ("مريم", "Maryam", "مريم"),
    ("عمر", "Omar", "عُمر"),
    ("ليلى", "Layla", "ليلي"),
    ("طارق", "Tarek", "طارق"),
    ("هدى", "Huda", "هدي"),
    ("كريم", "Karim", "كريم"),
    ("رانية", "Rania", "رانيه"),
    ("زياد", "Ziad", "زياد"),
    ("نور", "Nour", "نور"),
    ("فاطمة", "Fatima", "فاطمه"),
    ("مصطفى", "Mostafa", "مصطفي"),
    ("دينا", "Dina", "دينا"),
)
# Syllables of invented surnames: distinct after Arabic folding, with a Latin reading each.
SYLLABLES = (
    ("كر", "kar"),
    ("مه", "mah"),
    ("سل", "sal"),
    ("طو", "tu"),
    ("فر", "far"),
    ("نا", "na"),
    ("بد", "bad"),
    ("رو", "ru"),
    ("زي", "zi"),
    ("حم", "ham"),
    ("شا", "sha"),
    ("قا", "qa"),
    ("لو", "lu"),
    ("جد", "jad"),
    ("دو", "du"),
    ("عب", "ab"),
)
ROLE_TITLES = (
    "الرئيس التنفيذي",
    "كبير الباحثين",
    "نائب رئيس قسم الأبحاث",
    "المدير المالي",
    "رئيس فريق السلامة",
    "مدير الهندسة",
    "مستشار مجلس الإدارة",
    "مسؤول السياسات",
)
CLAUSES = (
    "الشركة ستضاعف استثماراتها في الحوسبة خلال {n} أشهر",
    "فريق البحث سيعلن نتائج جديدة قبل نهاية العام",
    "عدد الموظفين ارتفع إلى {n} موظفاً",
    "المفاوضات مع المستثمرين بلغت {n} مليون دولار",
    "النماذج الجديدة تحتاج إلى {n} ألف شريحة",
    "الإدارة تراجع سياسة السلامة بعد {n} شكوى",
    "المنافسة على الباحثين لم تكن أشد مما هي عليه الآن",
    "المختبر سيفتح مكتباً جديداً يضم {n} مهندساً",
    "التمويل الجديد يكفي لتشغيل المشروع {n} سنوات",
    "القرار اتُّخذ بعد نقاش دام {n} ساعة",
)
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    """A variant Arabic spelling and the Latin spelling: both occur in the texts."""
    short: str
    latin: str


@dataclass(frozen=True)
class Org:
    id: str
    name: str
    latin: str
    synthetic: bool


@dataclass(frozen=True)
class Pools:
    """What the five seeds offer to recombine."""

    headings: tuple[str, ...]
    sentences: tuple[str, ...]
    items: tuple[str, ...]


@dataclass
class Corpus:
    """The synthetic part of a corpus: texts by file name, and the records appended to the YAML."""

    texts: dict[str, str] = field(default_factory=dict)
    articles: list[dict[str, object]] = field(default_factory=list)
    people: list[dict[str, object]] = field(default_factory=list)
    orgs: list[dict[str, object]] = field(default_factory=list)
    events: list[dict[str, object]] = field(default_factory=list)
    annotations: list[dict[str, object]] = field(default_factory=list)


def _dropped(root: Path) -> list[re.Pattern[str]]:
    """The boilerplate rules' patterns, so furniture lines are not recombined into articles."""
    data = yaml.safe_load((root / "seeds/boilerplate.yml").read_text(encoding="utf-8")) or {}
    out = [re.compile(r["match"]) if r.get("match") else re.compile(re.escape(str(r["text"]).strip())) for r in data.get("lines") or []]
    out += [re.compile(r["match"]) for r in data.get("metadata") or []]
    out += [re.compile(re.escape(h)) for h in data.get("faq_headings") or []]
    return out


def seed_pools(root: Path) -> Pools:
    rules = _dropped(root)
    headings: list[str] = []
    sentences: list[str] = []
    items: list[str] = []
    for path in sorted((root / ARTICLES).glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8-sig").splitlines()]
        lines = [ln for ln in lines if ln and not any(r.fullmatch(ln) for r in rules)]
        for line in lines[1:]:  # the first kept line is the title
            if line.startswith("- "):
                items.append(line)
            elif len(line) >= 140:
                sentences += [s for s in SENTENCE_END.split(line) if len(s) >= 40]
            elif 15 <= len(line) <= 70 and len(line.split()) <= 10 and not line.endswith(PUNCT_END):
                headings.append(line)
    return Pools(tuple(dict.fromkeys(headings)), tuple(dict.fromkeys(sentences)), tuple(dict.fromkeys(items)))


def _surname(i: int, ending: str = "ي") -> tuple[str, str]:
    """The i-th invented surname (three syllables), in Arabic and Latin; distinct for i < 16**3."""
    parts = [SYLLABLES[(i // 16**k) % 16] for k in range(3)]
    return "".join(p[0] for p in parts) + ending, "".join(p[1] for p in parts).capitalize() + ("i" if ending == "ي" else "a")


def invent_people(count: int) -> list[Person]:
    out = []
    for i in range(count):
        first, first_latin, first_variant = FIRST_NAMES[i % len(FIRST_NAMES)]
        stem, stem_latin = _surname(i * 7 + 3)
        surname = "ال" + stem
        name = f"{first} {surname}"
        variant = f"{first_variant} {surname}" if first_variant != first else f"{first} {stem}"
        latin = f"{first_latin} Al-{stem_latin}"
        out.append(Person(f"bench-person-{i:04d}", name, (variant, latin), surname, latin))
    return out


def invent_orgs(count: int) -> list[Org]:
    out = []
    for i in range(count):
        stem, stem_latin = _surname(i * 11 + 2000, ending="ا")
        out.append(Org(f"bench-org-{i:03d}", f"مختبرات {stem}", f"{stem_latin} Labs", True))
    return out


def _real(root: Path) -> tuple[dict[str, tuple[str, str]], list[Org]]:
    """Real people's spellings (spelling -> (id, full|alias|short)) and the real companies."""
    spellings: dict[str, tuple[str, str]] = {}
    for p in yaml.safe_load((root / "seeds/people.yml").read_text(encoding="utf-8")) or []:
        for kind, names in (("full", [p["name"]]), ("alias", p.get("aliases") or []), ("short", p.get("short") or [])):
            for n in names:
                spellings.setdefault(str(n), (str(p["id"]), kind))
    orgs = [
        Org(str(o["id"]), str(o["name"]), str(o.get("latin") or o["name"]), False)
        for o in yaml.safe_load((root / "seeds/organisations.yml").read_text(encoding="utf-8")) or []
        if o.get("kind") == "company"
    ]
    return spellings, orgs


class _Writer:
    """Writes one synthetic article after another, keeping every invented name in use."""

    def __init__(self, root: Path, n: int, seed: int) -> None:
        self.rng = random.Random(f"{seed}:{n}")
        self.pools = seed_pools(root)
        self.spellings, self.real_orgs = _real(root)
        names = sorted(self.spellings, key=len, reverse=True)
        self.name_re = re.compile(r"(?<!\w)((?:[وفبكل]{1,2})?)(" + "|".join(map(re.escape, names)) + r")(?!\w)")
        self.people = invent_people(max(100, n // 2))
        self.orgs = invent_orgs(max(20, n // 20))
        self.corpus = Corpus()
        self.count = n - 5

    # --- variation ----------------------------------------------------------

    def number(self, m: re.Match[str]) -> str:
        digits = m.group(0)
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(self.rng.randint(2015, 2026))
        if len(digits) == 1:
            return str(self.rng.randint(2, 9))
        return str(self.rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    def vary(self, text: str, swap: dict[str, Person]) -> str:
        """New numbers, and the swapped real people written as invented ones (same kind of spelling)."""

        def name(m: re.Match[str]) -> str:
            real, kind = self.spellings[m.group(2)]
            p = swap.get(real)
            if p is None:
                return m.group(0)
            spelling = p.name if kind == "full" else p.short if kind == "short" else self.rng.choice(p.aliases)
            return m.group(1) + spelling

        return re.sub(r"\d+", self.number, self.name_re.sub(name, text))

    def clause(self) -> str:
        return self.rng.choice(CLAUSES).format(n=self.rng.randint(3, 900))

    # --- one article ----------------------------------------------------------

    def article(self, k: int) -> None:
        rng = self.rng
        id, file = f"bench-article-{k:04d}", f"{k:04d}_bench.txt"
        year = rng.randint(2015, 2026)
        swap = {real: rng.choice(self.people) for real in sorted({v[0] for v in self.spellings.values()}) if rng.random() < 0.5}
        introduced = self.people[k - 5 :: self.count]
        special: list[str] = []
        for p in introduced:
            special += self.introduce(p, id, k, year)
        a, b = rng.sample(self.people, 2)
        special.append(f"وفي السياق نفسه، التقى {a.name} مع {rng.choice(b.aliases)} لبحث {self.clause()}.")
        body = self.body(swap)
        for line in special:  # in order, at random places
            body.insert(rng.randint(len(body) // 3, len(body)), line)
        body = [ln for i, ln in enumerate(body) if not (ln in self.pools.headings and (i + 1 == len(body) or body[i + 1] in self.pools.headings))]
        title = f"{self.vary(rng.choice(self.pools.headings), swap)} (تفاصيل {year})"
        self.corpus.texts[file] = "\n".join([title, *body]) + "\n"
        self.corpus.articles.append({"file": file, "id": id, "date": str(year), "date_basis": "stated"})

    def body(self, swap: dict[str, Person]) -> list[str]:
        rng, pools = self.rng, self.pools
        lines: list[str] = []
        target = rng.randint(3000, 8000)  # bytes; the five seeds are 4.8 to 10 KB
        size = 0
        while size < target:
            r = rng.random()
            if r < 0.15 and lines and lines[-1] not in pools.headings:
                line = rng.choice(pools.headings)
                lines.append(line)
            elif r < 0.2:
                lines += [self.vary(item, swap) for item in rng.sample(pools.items, 3)]
            else:
                lines.append(self.vary(" ".join(rng.sample(pools.sentences, rng.randint(2, 4))), swap))
            size += len(lines[-1].encode("utf-8"))
        return lines

    def introduce(self, p: Person, article: str, k: int, year: int) -> list[str]:
        """Sentences that name `p` in all its spellings, and the records that quote them."""
        rng = self.rng
        org = self.orgs[int(p.id[-4:]) % len(self.orgs)] if rng.random() < 0.7 or not self.real_orgs else rng.choice(self.real_orgs)
        title = rng.choice(ROLE_TITLES)
        role_quote = f"{p.name}، {title} في {org.name}"
        claim_clause = self.clause()
        claim_quote = f"وأضاف {p.aliases[0]} أن {claim_clause}"
        lines = [
            f"وقال {role_quote}، إن {self.clause()}.",
            f"{claim_quote}، فيما أكد {p.short} أن {self.clause()}، ونقلت مصادر عن {p.latin} قوله إن {self.clause()}.",
        ]
        self.corpus.people.append(
            {
                "id": p.id,
                "name": p.name,
                "latin": p.latin,
                "aliases": list(p.aliases),
                "short": [p.short],
                "roles": [{"org": org.id, "title": title, "source": {"article": article, "quote": role_quote}}],
                "claims": [{"text": f"قال إن {claim_clause}", "source": {"article": article, "quote": claim_quote}}],
            }
        )
        if org.synthetic and not any(o["id"] == org.id for o in self.corpus.orgs):
            self.corpus.orgs.append({"id": org.id, "name": org.name, "latin": org.latin, "kind": "company", "aliases": [org.latin]})
        if k % 10 == 5 and org.synthetic:
            month = rng.randint(1, 12)
            event_quote = f"أعلنت {org.name} في {MONTHS[month - 1]} {year} انضمام {p.name} إليها"
            lines.append(f"و{event_quote}.")
            self.corpus.events.append(
                {
                    "id": f"bench-event-{k:04d}-{p.id[-4:]}",
                    "title": f"{p.name} ينضم إلى {org.name}",
                    "date": f"{year}-{month:02d}",
                    "date_basis": "stated",
                    "participants": [{"entity": p.id, "part": "المنضم"}, {"entity": org.id, "part": "الجهة"}],
                    "sources": [{"article": article, "quote": event_quote}],
                }
            )
        if k % 5 == 0:
            self.corpus.annotations.append(
                {
                    "id": f"bench-note-{k:04d}-{p.id[-4:]}",
                    "article": article,
                    "quote": role_quote,
                    "kind": "context",
                    "note": f"ملاحظة سياقية من بيانات القياس الاصطناعية: يرد اسم {p.name} في هذا المقال بثلاث صيغ.",
                    "basis": [{"article": article, "quote": claim_quote}],
                    "about": [p.id],
                }
            )
        return lines


def make_corpus(root: Path, n: int, seed: int = 1) -> Corpus:
    """The N-5 synthetic articles and their records (the five real seeds are kept as they are)."""
    if n < 6:
        raise ValueError("a benchmark corpus needs at least 6 articles (the 5 seeds and one synthetic)")
    w = _Writer(root, n, seed)
    for k in range(5, n):
        w.article(k)
    return w.corpus


def _append(path: Path, records: list[dict[str, object]]) -> None:
    if records:
        text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=10**6)
        with path.open("a", encoding="utf-8") as f:
            f.write("\n# --- synthetic benchmark records (benchmarks/corpus.py) ---\n" + text)


def write_corpus(project: Path, corpus: Corpus) -> None:
    """Add the synthetic articles and records to the copy's seeds/ (never the repository's)."""
    for name, text in corpus.texts.items():
        (project / ARTICLES / name).write_text(text, encoding="utf-8")
    for file, records in (
        ("articles.yml", corpus.articles),
        ("people.yml", corpus.people),
        ("organisations.yml", corpus.orgs),
        ("events.yml", corpus.events),
        ("annotations.yml", corpus.annotations),
    ):
        _append(project / "seeds" / file, records)


def corpus_project(dest: Path, n: int, seed: int = 1) -> tuple[Path, Corpus]:
    """A project copy at `dest` whose seeds/ hold an N-article corpus; its generator/ compiled to bytecode,
    as Python leaves it after a first run and as pip leaves the packages plain Material runs on (a machine
    that sets PYTHONDONTWRITEBYTECODE, as this one does, would otherwise compile it again at every build)."""
    project = copy_project(dest)
    compileall.compile_dir(project / "generator", quiet=1)
    corpus = make_corpus(project, n, seed)
    write_corpus(project, corpus)
    return project, corpus


if __name__ == "__main__":
    project, corpus = corpus_project(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"{project}: {len(corpus.texts) + 5} articles, {len(corpus.people)} invented people, {len(corpus.orgs)} organisations")
