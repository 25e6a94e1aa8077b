"""Read stage: seed files and their metadata into typed `Article`s.

The reader guesses the structure of plain text (title, headings, lists,
quotations, question/answer sections) and drops site furniture by the rules in
seeds/boilerplate.yml. Every non-blank line of a seed ends up somewhere: the
title, a body block, the page header, or the list of dropped lines.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Report
from .model import Article, ArticleMeta, Block, Dropped, Kind, PubDate
from .yamlfile import Located, load

ARTICLES_DIR = "seeds/articles"
META_FILE = "seeds/articles.yml"
RULES_FILE = "seeds/boilerplate.yml"

DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# A heading is a short line that does not end a sentence.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 90
SENTENCE_END = tuple(".!?؟:؛،…\"'»”“)")
OPENING_QUOTES = tuple('“"«„')
LIST_MARK = re.compile(r"^(?:[-•*▪◦]|\d{1,3}[.)])\s+")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?؟…])\s+")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
OVERRIDE_KINDS = {"heading", "paragraph", "quote", "item", "question", "answer", "byline", "boilerplate"}
META_KEYS = {"file", "id", "outlet", "outlet_basis", "date", "date_basis", "date_note", "blocks"}


@dataclass(frozen=True)
class LineRule:
    id: str
    where: str
    reason: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Rules:
    """seeds/boilerplate.yml, compiled."""

    lines: tuple[LineRule, ...] = ()
    sentences: tuple[LineRule, ...] = ()
    title_suffixes: tuple[LineRule, ...] = ()
    metadata: tuple[tuple[str, re.Pattern[str]], ...] = ()
    faq_headings: frozenset[str] = frozenset()
    repeated_title: bool = True

    def line_rule(self, text: str, where: str) -> LineRule | None:
        for rule in self.lines:
            if rule.where in (where, "anywhere") and rule.pattern.fullmatch(text):
                return rule
        return None


# --- decoding -------------------------------------------------------------


def decode(data: bytes, label: str, report: Report) -> str | None:
    """UTF-8 with or without BOM, any line ends; anything else is refused with a fix."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.error(label, 1, "saved as UTF-16, not UTF-8", f"convert it, e.g. `iconv -f UTF-16 -t UTF-8 {label} -o {label}.utf8` and replace the file")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.error(
            label,
            line,
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded"
            " (Arabic text saved as Windows-1256 or ISO-8859-6 looks like this)",
            f"convert it, e.g. `iconv -f WINDOWS-1256 -t UTF-8 {label} -o {label}.utf8` and replace the file",
        )
        return None
    if "\x00" in text:
        report.error(label, text[: text.index("\x00")].count("\n") + 1, "contains a NUL byte: this is not a text file", "save the article as plain UTF-8 text")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        report.error(label, None, "the article is empty", "paste the article's text into the file, or delete the file")
        return None
    return text


# --- rules and metadata ---------------------------------------------------


def load_rules(root: Path, report: Report) -> Rules:
    data = load(root / RULES_FILE, RULES_FILE, report) if (root / RULES_FILE).exists() else {}
    if not isinstance(data, dict):
        return Rules()

    def compile_rules(key: str, wheres: set[str]) -> tuple[LineRule, ...]:
        out = []
        for item in data.get(key) or []:
            line = getattr(item, "line", None)
            if not isinstance(item, dict) or not item.get("id") or not (item.get("text") or item.get("match")):
                report.error(RULES_FILE, line, f"a rule under '{key}' needs an id and a text or match", "see the comment at the top of the file")
                continue
            where = item.get("where", "anywhere")
            if where not in wheres:
                report.error(RULES_FILE, line, f"where: {where!r} is not one of {sorted(wheres)}", "fix the value")
                continue
            try:
                pattern = re.compile(item["match"]) if item.get("match") else re.compile(re.escape(item["text"].strip()))
            except re.error as exc:
                report.error(RULES_FILE, line, f"bad regular expression: {exc}", "fix the pattern")
                continue
            out.append(LineRule(str(item["id"]), where, str(item.get("reason", "")), pattern))
        return tuple(out)

    metadata = []
    for item in data.get("metadata") or []:
        try:
            metadata.append((str(item["field"]), re.compile(item["match"])))
        except (KeyError, TypeError, re.error) as exc:
            report.error(RULES_FILE, getattr(item, "line", None), f"bad metadata rule: {exc}", "give field and match")
    return Rules(
        lines=compile_rules("lines", {"head", "tail", "anywhere"}),
        sentences=compile_rules("sentences", {"anywhere"}),
        title_suffixes=compile_rules("title_suffixes", {"anywhere"}),
        metadata=tuple(metadata),
        faq_headings=frozenset(str(h) for h in data.get("faq_headings") or []),
        repeated_title=bool(data.get("repeated_title", True)),
    )


def slug_of_file(name: str) -> str:
    return re.sub(r"[^\w]+", "-", Path(name).stem.lower()).strip("-") or "article"


def load_meta(root: Path, files: list[str], report: Report) -> dict[str, ArticleMeta]:
    """seeds/articles.yml, validated, keyed by file name; files without an entry get defaults."""
    data = load(root / META_FILE, META_FILE, report) if (root / META_FILE).exists() else []
    metas: dict[str, ArticleMeta] = {}
    seen_ids: dict[str, int] = {}
    if data is not None and not isinstance(data, list):
        report.error(META_FILE, None, "expected a list of articles", "start each entry with '- file: ...'")
        data = []
    for entry in data or []:
        if not isinstance(entry, Located):
            report.error(META_FILE, None, "each entry must be a mapping", "write '- file: NAME' and its fields")
            continue
        line = entry.line
        for key in entry:
            if key not in META_KEYS:
                close = difflib.get_close_matches(str(key), META_KEYS, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(sorted(META_KEYS))}"
                report.error(META_FILE, entry.line_of(key), f"unknown field '{key}'", hint)
        file = str(entry.get("file", ""))
        if not file:
            report.error(META_FILE, line, "missing required field 'file'", "name the text file in seeds/articles/")
            continue
        if file not in files:
            close = difflib.get_close_matches(file, files, n=1)
            report.error(
                META_FILE, line, f"no seed file '{file}' in {ARTICLES_DIR}/", f"did you mean '{close[0]}'?" if close else "add the file or remove this entry"
            )
            continue
        art_id = str(entry.get("id") or slug_of_file(file))
        if not ID_RE.fullmatch(art_id):
            report.error(
                META_FILE, entry.line_of("id"), f"id '{art_id}' is not lowercase ASCII kebab-case", "use letters, digits and hyphens, e.g. altman-returns-2023"
            )
        if art_id in seen_ids:
            report.error(META_FILE, entry.line_of("id"), f"duplicate article id '{art_id}' (first at line {seen_ids[art_id]})", "give each article its own id")
        seen_ids[art_id] = entry.line_of("id")
        date = None
        if entry.get("date") is not None:
            value, basis = str(entry["date"]), str(entry.get("date_basis", ""))
            if not DATE_RE.fullmatch(value):
                report.error(
                    META_FILE,
                    entry.line_of("date"),
                    f"date '{value}' is not YYYY, YYYY-MM or YYYY-MM-DD",
                    'write e.g. "2023-11-17", "2023-11" or "2023", in quotes',
                )
            elif basis not in ("stated", "resolved"):
                report.error(
                    META_FILE,
                    entry.line_of("date"),
                    f"date_basis must be 'stated' or 'resolved', not '{basis}'",
                    "say whether the text states the date or the editor resolved it",
                )
            elif basis == "resolved" and not entry.get("date_note"):
                report.error(META_FILE, entry.line_of("date"), "a resolved date needs a date_note", "say which passages the date was worked out from")
            else:
                date = PubDate(value, basis, str(entry.get("date_note") or ""))
        overrides: dict[int, str] = {}
        for key, kind in (entry.get("blocks") or {}).items():
            if not isinstance(key, int) or kind not in OVERRIDE_KINDS:
                report.error(
                    META_FILE,
                    entry.line_of("blocks"),
                    f"blocks: {key}: {kind} is not 'line number: kind'",
                    f"kind is one of {', '.join(sorted(OVERRIDE_KINDS))}",
                )
                continue
            overrides[key] = str(kind)
        metas[file] = ArticleMeta(
            file=file, id=art_id, outlet=str(entry.get("outlet") or ""), outlet_basis=str(entry.get("outlet_basis") or ""), date=date, overrides=overrides
        )
    for file in files:
        if file not in metas:
            metas[file] = ArticleMeta(file=file, id=slug_of_file(file))
    return metas


# --- structure ------------------------------------------------------------


def _is_heading(text: str) -> bool:
    return len(text) <= HEADING_MAX_CHARS and len(text.split()) <= HEADING_MAX_WORDS and not text.endswith(SENTENCE_END) and not text.startswith(OPENING_QUOTES)


def parse(text: str, meta: ArticleMeta, rules: Rules, label: str, report: Report) -> Article | None:
    """Turn a decoded seed into an Article; report what was dropped and why."""
    lines = [(n, raw.strip()) for n, raw in enumerate(text.split("\n"), start=1)]
    lines = [(n, t) for n, t in lines if t]
    dropped: list[Dropped] = []
    for n, t in lines:
        if BIDI_CONTROLS.search(t):
            report.note(label, n, "contains bidi control characters; they are shown as visible codes, not applied")

    def drop(n: int, t: str, rule: str, reason: str) -> None:
        dropped.append(Dropped(n, t, rule, reason))

    # Site furniture before the title and after the last paragraph.
    start, end = 0, len(lines)
    while start < end and (rule := rules.line_rule(lines[start][1], "head")):
        drop(*lines[start], rule.id, rule.reason)
        start += 1
    while end > start and (rule := rules.line_rule(lines[end - 1][1], "tail")):
        drop(*lines[end - 1], rule.id, rule.reason)
        end -= 1
    body = lines[start:end]
    if not body:
        report.error(label, None, "nothing is left once boilerplate is dropped", "check seeds/boilerplate.yml")
        return None
    (title_line, scraped_title), body = body[0], body[1:]
    title = _trim_title(title_line, scraped_title, rules, drop)

    byline, minutes_stated, in_header = "", 0, True
    kinds: list[tuple[int, str, str]] = []
    for n, t in body:
        forced = meta.overrides.get(n)
        if forced == "boilerplate":
            drop(n, t, "override", "أسقطه المحرر في seeds/articles.yml")
            continue
        if (rule := rules.line_rule(t, "anywhere")) is not None:
            drop(n, t, rule.id, rule.reason)
            continue
        if rules.repeated_title and t in (title, scraped_title) and forced is None:
            drop(n, t, "repeated-title", "تكرار لعنوان المقال (تعليق صورة أو تكرار في التخطيط)")
            continue
        if in_header:
            field_value = _metadata(t, rules) if forced in (None, "byline") else None
            if forced == "byline":
                field_value = ("byline", t)
            if field_value:
                if field_value[0] == "byline":
                    byline = field_value[1]
                else:
                    minutes_stated = int(field_value[1])
                continue
        kind = forced or _guess_kind(t)
        if kind != "heading":
            in_header = False
        kinds.append((n, t, kind))

    blocks = _number(_faq(kinds, rules))
    blocks = _trim_sentences(blocks, rules, drop)
    if not any(b.number is not None for b in blocks):
        report.error(label, None, "the article has a title but no body text", "check the file and seeds/boilerplate.yml")
        return None
    for d in sorted(dropped, key=lambda d: d.line):
        fix = f"if this is article text, change the rule '{d.rule}' in {RULES_FILE}"
        report.tell(label, d.line, f"dropped as boilerplate [{d.rule}]: «{d.text}»", fix, "dropped text")
    words = sum(len(b.text.split()) for b in blocks) + len(title.split())
    minutes = minutes_stated or max(1, round(words / 180))
    return Article(
        meta=meta,
        path=label,
        title=title,
        title_line=title_line,
        blocks=tuple(blocks),
        dropped=tuple(sorted(dropped, key=lambda d: d.line)),
        byline=byline,
        reading_minutes=minutes,
        reading_stated=bool(minutes_stated),
    )


def _metadata(text: str, rules: Rules) -> tuple[str, str] | None:
    for field_name, pattern in rules.metadata:
        if m := pattern.fullmatch(text):
            return field_name, m.group(1)
    return None


def _guess_kind(text: str) -> str:
    if LIST_MARK.match(text):
        return "item"
    if text.startswith(OPENING_QUOTES):
        return "quote"
    if _is_heading(text):
        return "heading"
    return "paragraph"


def _faq(kinds: list[tuple[int, str, str]], rules: Rules) -> list[tuple[int, str, str, str]]:
    """Inside a question/answer section, questions end in a question mark; the rest are answers."""
    out, section, in_faq = [], "", False
    for n, t, kind in kinds:
        if kind == "heading":
            section, in_faq = t, t in rules.faq_headings
        elif in_faq and kind in ("paragraph", "quote"):
            kind = "question" if t.endswith(("؟", "?")) else "answer"
        if kind == "item":
            t = LIST_MARK.sub("", t, count=1)
        out.append((n, t, kind, section))
    return out


def _number(items: list[tuple[int, str, str, str]]) -> list[Block]:
    blocks, number = [], 0
    for n, t, kind, section in items:
        k = Kind(kind)
        if k is Kind.HEADING:
            blocks.append(Block(k, t, n, None, section))
        else:
            number += 1
            blocks.append(Block(k, t, n, number, section))
    return blocks


def _trim_title(line: int, title: str, rules: Rules, drop) -> str:  # type: ignore[no-untyped-def]
    """Drop the site's name glued to the end of the title («… | OpenAI»), by a declared rule."""
    for rule in rules.title_suffixes:
        m = rule.pattern.search(title)
        if m and m.end() == len(title) and m.start() > 0 and title[: m.start()].strip():
            drop(line, m.group(0).strip(), rule.id, rule.reason)
            return title[: m.start()].rstrip()
    return title


def _trim_sentences(blocks: list[Block], rules: Rules, drop) -> list[Block]:  # type: ignore[no-untyped-def]
    """Drop promotional sentences glued to the end of the last paragraph."""
    if not rules.sentences or not blocks:
        return blocks
    last = blocks[-1]
    text = last.text
    while cuts := list(SENTENCE_SPLIT.finditer(text)):
        tail = text[cuts[-1].end() :]
        rule = next((r for r in rules.sentences if r.pattern.fullmatch(tail)), None)
        if rule is None:
            break
        drop(last.line, tail, rule.id, rule.reason)
        text = text[: cuts[-1].start()]
    if text == last.text:
        return blocks
    return [*blocks[:-1], Block(last.kind, text, last.line, last.number, last.section)]


# --- the stage ------------------------------------------------------------


def read_articles(root: Path, report: Report) -> list[Article]:
    """Every seed in seeds/articles/, in file-name order (the order is part of determinism)."""
    folder = root / ARTICLES_DIR
    paths = sorted(p for p in folder.glob("*.txt") if p.is_file()) if folder.is_dir() else []
    if not paths:
        report.error(ARTICLES_DIR, None, "no articles found", f"put UTF-8 .txt files in {ARTICLES_DIR}/")
    for other in sorted(folder.iterdir()) if folder.is_dir() else []:
        if other.is_file() and other.suffix != ".txt" and not other.name.startswith("."):
            report.note(f"{ARTICLES_DIR}/{other.name}", None, "ignored: only .txt files are articles", "rename it to .txt if it is an article")
    rules = load_rules(root, report)
    metas = load_meta(root, [p.name for p in paths], report)
    articles = []
    for path in paths:
        label = f"{ARTICLES_DIR}/{path.name}"
        text = decode(path.read_bytes(), label, report)
        if text is None:
            continue
        article = parse(text, metas[path.name], rules, label, report)
        if article is not None:
            articles.append(article)
    return articles
