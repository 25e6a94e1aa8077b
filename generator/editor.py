"""The editor's report: what the knowledge base may be missing, told, never fatal.

- names in the articles that look like people or organisations but are not in
  the KB: Latin capitalised runs nobody claims, and Arabic words right after a
  cue («قال»، «كتب»، «الرئيس التنفيذي لشركة X»، «المؤسس المشارك» …);
- entities no article mentions; claims without a source; short forms skipped
  because they fit two entities of the same article.
Simple heuristics on purpose: they point the editor at a paragraph, the
editor decides.
"""

from __future__ import annotations

import re

from .arabic import fold, key
from .errors import Report
from .index import DossierIndex
from .model import Article
from .text import LATIN_RUN

# Titles after which a name follows, possibly after "of <organisation>": الرئيس التنفيذي لشركة Contoso جون دو.
TITLE_CUE = re.compile(
    r"(?:الرئيس التنفيذي|الرئيسة التنفيذية|المدير التنفيذي|المديرة التنفيذية|المؤسس المشارك|المؤسسة المشاركة|مؤسس|مؤسسة"
    r"|كبير العلماء|الباحث|الباحثة|المتحدث باسم|المتحدثة باسم)"
    r"(?: السابق| السابقة)?(?:\s+(?:لشركة|لـ|في|بشركة)\s*(?P<org>[A-Za-z][\w.-]*(?: [A-Z][\w.-]*)*|[^\s،,]+))?\s+(?P<name>\S+(?: \S+)?)"
)
SAY_CUE = re.compile(r"(?<!\w)(?:قال|قالت|كتب|كتبت|صرح|صرحت|أعلن|أعلنت|أضاف|أضافت|أكد|أكدت)\s+(?P<name>\S+(?: \S+)?)")
STOP = {
    fold(w)
    for w in (
        "أن إن أنه إنه أنها إنها إنهم أنهم في على من إلى عن مع بعد قبل عندما حين كما لكن لقد قد هو هي هم هذا هذه ذلك تلك"
        " أحد إحدى بعض كل لم لن ما لا يوم أيضا أيضًا سابقا سابقًا الآن حتى وقد فقد ثم أو أي التي الذي الذين بأن بأنه بأنها"
        " لشركة لـ شركة السابق السابقة المشارك المشاركة فقط"
    ).split()
}
TRAILING = "،,.:؛!?؟»«“”\"'()"


def _name_like(words: str, common: set[str]) -> str:
    """The leading words of `words` that could be a name.

    Not a name: a word with the article «ال», a function word, a word with a
    pronoun suffix, or a word the articles also use with «ال» (لقيادة, as
    القيادة occurs: a common noun). A punctuation mark ends the name.
    """
    out = []
    for w in words.split(" "):
        bare = w.strip(TRAILING)
        folded = fold(bare)
        if (
            not bare
            or bare.startswith(("ال", "ٱل"))
            or folded in STOP
            or not re.match(r"[\u0621-\u064a]", bare)
            or folded.endswith(("ها", "هم", "نا"))
            or "ال" + key(bare) in common
        ):
            break
        out.append(bare)
        if bare != w:
            break
    return " ".join(out)


def editor_report(index: DossierIndex, report: Report) -> None:
    """Add the editor's notes to `report` (stable order: by article file, then line)."""
    articles, kb = index.articles, index.kb
    common = {fold(w.strip(TRAILING)) for a in articles for b in a.blocks for w in b.text.split()}
    known = {fold(n) for e in kb.entities for n in (*e.full_names, *e.short, e.latin) if n}
    covered: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for mention in index.mentions:
        covered.setdefault((mention.article, mention.block), []).append((mention.start, mention.end))

    def unknown(article: Article, block_no: int, start: int, end: int, text: str) -> bool:
        spans = covered.get((article.id, block_no), [])
        return not any(s < end and start < e for s, e in spans) and fold(text) not in known

    for article in articles:
        seen: set[str] = set()
        for block in article.numbered:
            n = block.number or 0
            found: list[tuple[str, str]] = []
            for m in LATIN_RUN.finditer(block.text):
                words = m.group(0)
                if words[0].isupper() and len(words) > 1 and unknown(article, n, m.start(), m.end(), words):
                    found.append((words, "Latin name"))
            for cue in (TITLE_CUE, SAY_CUE):
                for m in cue.finditer(block.text):
                    org = m.groupdict().get("org")
                    if org and not LATIN_RUN.fullmatch(org) and unknown(article, n, m.start("org"), m.end("org"), org):
                        if bare := _name_like(org, common):
                            found.append((bare, "after a title, as its organisation"))
                    name = _name_like(m.group("name"), common)
                    if cue is TITLE_CUE and name.startswith("ل"):
                        name = ""  # «الرئيس التنفيذي لقيادة …»: what follows a title with ل is a purpose, not a name
                    if name and unknown(article, n, m.start("name"), m.start("name") + len(name), name):
                        found.append((name, f"after «{m.group(0).split()[0]}»"))
            for name, why in found:
                if fold(name) not in seen:
                    seen.add(fold(name))
                    report.note(
                        article.path,
                        block.line,
                        f"not in the knowledge base: «{name}» ({why}, paragraph {n})",
                        "add it to seeds/people.yml or organisations.yml if it is a person or an organisation",
                    )
    mentioned = {m.entity for m in index.mentions}
    for e in kb.entities:
        if e.id not in mentioned:
            report.note(
                e.file,
                e.line,
                f"'{e.id}' («{e.name}») is never mentioned in the articles",
                "add the spelling the articles use to its aliases, or remove the entity",
            )
        for c in e.claims:
            if c.source is None:
                report.note(e.file, c.line, f"a claim of '{e.id}' has no source and is not shown: «{c.text}»", "add source: {article: ..., quote: ...}")
    for a in index.ambiguous:
        path = index.article(a.article).path
        report.note(
            path,
            a.line,
            f"short form «{a.text}» fits {', '.join(a.candidates)}; not linked (paragraph {a.block})",
            "write the full name in the article's KB entry, or drop the short form from one entity",
        )
