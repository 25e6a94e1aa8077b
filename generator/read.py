"""Read stage: seed files and their metadata into typed `Article`s.

The reader guesses the structure of plain text (title, headings, lists,
quotations, question/answer sections) and drops site furniture by the rules in
seeds/boilerplate.yml. Every non-blank line of a seed ends up somewhere: the
title, a body block, the page header, or the list of dropped lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Report
from .model import Article, ArticleMeta, Block, Dropped, Kind
from .seedmeta import ARTICLES_DIR, META_FILE, RULES_FILE, Rules, load_meta, load_rules

# A heading is a short line that does not end a sentence.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 90
SENTENCE_END = tuple(".!?؟:؛،…\"'»”“)")
OPENING_QUOTES = tuple('“"«„')
LIST_MARK = re.compile(r"^(?:[-•*▪◦]|\d{1,3}[.)])\s+")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?؟…])\s+")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Files that are not text, by their first bytes: named, so the editor is not told to re-encode an image.
MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (or a Word/OpenDocument file)",
    b"\xd0\xcf\x11\xe0": "an old Word/Excel document",
    b"RIFF": "a RIFF file (WebP image, WAV sound…)",
    b"\x1f\x8b": "a gzip archive",
}

# --- decoding -------------------------------------------------------------


def decode(data: bytes, label: str, report: Report) -> str | None:
    """UTF-8 with or without BOM, any line ends; anything else is refused with a fix."""
    kind = next((what for magic, what in MAGIC.items() if data.startswith(magic)), None)
    if kind is not None:
        report.cause(
            label,
            None,
            f"this is a binary file ({kind}), not text",
            "put the article's text in the file as plain UTF-8, or move the file out of seeds/articles/",
        )
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.cause(label, 1, "saved as UTF-16, not UTF-8", f"convert it, e.g. `iconv -f UTF-16 -t UTF-8 {label} -o {label}.utf8` and replace the file")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.cause(
            label,
            line,
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded"
            " (Arabic text saved as Windows-1256 or ISO-8859-6 looks like this)",
            f"convert it, e.g. `iconv -f WINDOWS-1256 -t UTF-8 {label} -o {label}.utf8` and replace the file",
        )
        return None
    if "\x00" in text:
        report.cause(label, text[: text.index("\x00")].count("\n") + 1, "contains a NUL byte: this is not a text file", "save the article as plain UTF-8 text")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        report.cause(label, None, "the article is empty", "paste the article's text into the file, or delete the file")
        return None
    return text


# --- structure ------------------------------------------------------------


def _is_heading(text: str) -> bool:
    return len(text) <= HEADING_MAX_CHARS and len(text.split()) <= HEADING_MAX_WORDS and not text.endswith(SENTENCE_END) and not text.startswith(OPENING_QUOTES)


def parse(text: str, meta: ArticleMeta, rules: Rules, label: str, report: Report) -> Article | None:
    """Turn a decoded seed into an Article; report what was dropped and why."""
    lines = [(n, raw.strip()) for n, raw in enumerate(text.split("\n"), start=1)]
    _check_overrides(meta, lines, len(lines) - text.endswith("\n"), label, report)  # a final line break starts no line
    lines = [(n, t) for n, t in lines if t]
    kept = {n for n, kind in meta.overrides.items() if kind != "boilerplate"}
    """Lines the editor says are text: no site-furniture rule drops them."""
    dropped: list[Dropped] = []
    for n, t in lines:
        if BIDI_CONTROLS.search(t):
            report.note(label, n, "contains bidi control characters; they are shown as visible codes, not applied")

    def drop(n: int, t: str, rule: str, reason: str) -> None:
        dropped.append(Dropped(n, t, rule, reason))

    # Site furniture before the title and after the last paragraph.
    start, end = 0, len(lines)
    while start < end and lines[start][0] not in kept and (rule := rules.line_rule(lines[start][1], "head")):
        drop(*lines[start], rule.id, rule.reason)
        start += 1
    while end > start and lines[end - 1][0] not in kept and (rule := rules.line_rule(lines[end - 1][1], "tail")):
        drop(*lines[end - 1], rule.id, rule.reason)
        end -= 1
    body = lines[start:end]
    if not body:
        report.error(label, None, "nothing is left once boilerplate is dropped", "check seeds/boilerplate.yml")
        return None
    (title_line, scraped_title), body = body[0], body[1:]
    if title_line in meta.overrides:
        report.error(META_FILE, meta.blocks_line, f"blocks: {title_line} is the title of {label}, which no override changes", "give a line of the body")
    title = _trim_title(title_line, scraped_title, rules, drop)

    byline, minutes_stated, in_header = "", 0, True
    kinds: list[tuple[int, str, str]] = []
    for n, t in body:
        forced = meta.overrides.get(n)
        if forced == "boilerplate":
            drop(n, t, "override", "أسقطه المحرر في seeds/articles.yml")
            continue
        if forced is None and (rule := rules.line_rule(t, "anywhere")) is not None:
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
                elif field_value[1].isdecimal():  # Arabic-Indic digits too; not ² (a digit int() refuses)
                    minutes_stated = int(field_value[1])
                else:
                    report.error(
                        label,
                        n,
                        f"the reading_time rule took «{field_value[1]}» from this line, which is not a number of minutes",
                        f"fix its match in {RULES_FILE}",
                    )
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
        if (m := pattern.fullmatch(text)) and m.group(1) is not None:  # an optional group that took nothing: not this rule's line
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


def _trim_title(line: int, title: str, rules: Rules, drop: Callable[[int, str, str, str], None]) -> str:
    """Drop the site's name glued to the end of the title («… | OpenAI»), by a declared rule."""
    for rule in rules.title_suffixes:
        m = rule.pattern.search(title)
        if m and m.end() == len(title) and m.start() > 0 and title[: m.start()].strip():
            drop(line, m.group(0).strip(), rule.id, rule.reason)
            return title[: m.start()].rstrip()
    return title


def _trim_sentences(blocks: list[Block], rules: Rules, drop: Callable[[int, str, str, str], None]) -> list[Block]:
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


def _check_overrides(meta: ArticleMeta, lines: list[tuple[int, str]], line_count: int, label: str, report: Report) -> None:
    """Every override names a line with text (counted as `parse` counts them: U+2028 is no line break)."""
    for line in sorted(meta.overrides):
        if line == 0:
            report.error(META_FILE, meta.blocks_line, "blocks: 0 is no line: lines count from 1, as an editor shows them", "give a line number of the file")
        elif line > line_count:
            report.error(META_FILE, meta.blocks_line, f"blocks: {line} points past the end of {label} ({line_count} lines)", "give a line number of the file")
        elif not lines[line - 1][1]:
            report.error(META_FILE, meta.blocks_line, f"blocks: {line} is a blank line of {label}: the override changes nothing", "give the line of the text")


@dataclass
class Parsed:
    """What `mkdocs serve` parsed last, per seed: a seed whose text, metadata and rules are unchanged is not
    parsed again, and the same Article comes back (with what it has computed and cached)."""

    rules: Rules | None = None
    seeds: dict[str, tuple[str, ArticleMeta, Article | None, Report]] = field(default_factory=dict)

    def parse(self, text: str, meta: ArticleMeta, rules: Rules, label: str, report: Report) -> Article | None:
        if rules != self.rules:
            self.rules, self.seeds = rules, {}
        last = self.seeds.get(label)
        if last is None or last[0] != text or last[1] != meta:
            told = Report()
            last = self.seeds[label] = (text, meta, parse(text, meta, rules, label, told), told)
        report.extend(last[3])
        return last[2]


def read_seeds(root: Path, report: Report, parsed: Parsed | None = None) -> tuple[list[Article], dict[str, str]]:
    """Every seed in seeds/articles/, in file-name order (the order is part of determinism),
    and the id → file of those that could not be read (their quotes are not checked).
    `parsed`: what the last run of this process parsed (`mkdocs serve`)."""
    folder = root / ARTICLES_DIR
    paths = sorted(p for p in folder.glob("*.txt") if p.is_file()) if folder.is_dir() else []
    if not paths:
        report.cause(ARTICLES_DIR, None, "no articles found", f"put UTF-8 .txt files in {ARTICLES_DIR}/", whole=False)
    for other in sorted(folder.iterdir()) if folder.is_dir() else []:
        name = f"{ARTICLES_DIR}/{other.name}"
        if other.is_dir() and not other.name.startswith("."):
            nested = sorted(p.relative_to(folder).as_posix() for p in other.rglob("*.txt"))
            if nested:
                report.error(name, None, f"articles in a sub-folder are not read: {', '.join(nested)}", f"move them into {ARTICLES_DIR}/ itself")
            else:
                report.note(name, None, "ignored: a folder inside seeds/articles/", "articles are the .txt files directly in seeds/articles/")
        elif other.is_file() and other.suffix != ".txt" and not other.name.startswith("."):
            report.note(name, None, "ignored: only .txt files are articles", "rename it to .txt if it is an article")
    rules = load_rules(root, report)
    unread: dict[str, str] = {}
    metas = load_meta(root, [p.name for p in paths], report, unread)
    articles = []
    for path in paths:
        label = f"{ARTICLES_DIR}/{path.name}"
        meta = metas[path.name]
        if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
            # Published as an article, a link to /etc/passwd or to the project's licence would be read and put on the site.
            report.cause(label, None, f"a link to {path.resolve()}, outside {ARTICLES_DIR}/: not read", "copy the article into seeds/articles/ itself")
            unread[meta.id] = label
            continue
        text = decode(path.read_bytes(), label, report)
        if text is None:
            unread[meta.id] = label
            continue
        since = len(report.errors)
        article = parsed.parse(text, meta, rules, label, report) if parsed else parse(text, meta, rules, label, report)
        if article is not None:
            articles.append(article)
        else:  # its problem is the cause; quotes into it are not checked, never "unknown article"
            report.causes_since(label, since)
            unread[meta.id] = label
    return articles, unread


def read_articles(root: Path, report: Report) -> list[Article]:
    """The readable articles only (see read_seeds)."""
    return read_seeds(root, report)[0]
