"""What the editor says about the seeds: seeds/articles.yml (ids, outlets, dates, overrides)
and seeds/boilerplate.yml (the rules that tell article text from site furniture).

Every entry is used or reported: an unknown file, a second entry for one file,
an id that is not ASCII kebab-case or that would replace a generated page, an
impossible date, a value of the wrong type.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import Report
from .model import ArticleMeta, PubDate
from .yamlfile import Fields, Located, load, type_name, unknown_fields

ARTICLES_DIR = "seeds/articles"
META_FILE = "seeds/articles.yml"
RULES_FILE = "seeds/boilerplate.yml"

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def as_id(text: str) -> str:
    """`text` made an id: lowercase ASCII letters and digits, any other run a hyphen ('Sam_Altman' → 'sam-altman')."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def id_fix(id: str, example: str, taken: Container[str] = ()) -> str:
    """The fix for an id ID_RE refuses: the id it was likely meant to be, if it is ASCII and no other record's."""
    meant = as_id(id) if id.isascii() else ""
    if meant and meant not in taken:
        return f"write it '{meant}' (lowercase letters, digits and hyphens)"
    return f"use letters, digits and hyphens, e.g. {example}" + (f" ('{meant}' is another record's id)" if meant else "")


def written_wrong(id: str, declared: Iterable[str]) -> bool:
    """Whether `id` is what one of the `declared` ids that ID_RE refuses was meant to be ('openai' for 'OpenAI'):
    that id's own error, whose fix names `id`, is the cause of every reference to `id`."""
    return any(as_id(d) == id for d in declared if not ID_RE.fullmatch(d) and d.isascii())


RESERVED_IDS = frozenset({"index"})
"""Page names the generator writes itself: articles/index.md is the articles' index."""
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


_DATE_SHAPE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits: dates are compared as text


def date_problem(value: str) -> str:
    """What is wrong with a date as the editor wrote it ('' if nothing): its shape (YYYY, YYYY-MM or YYYY-MM-DD), or a
    month or day that does not exist (no 30 February)."""
    m = _DATE_SHAPE.fullmatch(value)
    if m is None:
        return "is not written YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(g) if g else 0 for g in m.groups())
    if not year:
        return "has no year 0"
    if m.group(2) and not 1 <= month <= 12:
        return f"has no month {month} (months are 01 to 12)"
    if m.group(3):
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            return f"has no day {day}: {calendar.month_name[month]} {year} has {last} days"
    return ""


def _line(item: object) -> int | None:
    return item.line if isinstance(item, Located) else None


RULES_KEYS = {"lines", "title_suffixes", "sentences", "metadata", "faq_headings", "repeated_title"}
RULE_KEYS = {"id", "text", "match", "where", "reason"}
METADATA_KEYS = {"field", "match"}
METADATA_FIELDS = ("byline", "reading_time")


def load_rules(root: Path, report: Report) -> Rules:
    data = load(root / RULES_FILE, RULES_FILE, report) if (root / RULES_FILE).exists() else Located()
    if not isinstance(data, Located):
        if data is not None:
            report.cause(RULES_FILE, None, f"expected a mapping of rule lists, not {type_name(data)}", "see the comment at the top of the file")
        return Rules()
    unknown_fields(data, RULES_KEYS, RULES_FILE, report, "the file", noun="key")

    def items(key: str) -> list[object]:
        raw = data.get(key)
        if raw is None:
            return []
        if not isinstance(raw, list):
            report.error(RULES_FILE, data.line_of(key), f"'{key}' must be a list, not {type_name(raw)}", "start each entry with '- '")
            return []
        return raw

    def compile_rules(key: str, wheres: set[str]) -> tuple[LineRule, ...]:
        out = []
        for item in items(key):
            line = _line(item) or data.line_of(key)
            if not isinstance(item, Located) or not item.get("id") or not (item.get("text") or item.get("match")):
                report.error(RULES_FILE, line, f"a rule under '{key}' needs an id and a text or match", "see the comment at the top of the file")
                continue
            unknown_fields(item, RULE_KEYS, RULES_FILE, report, f"a rule under '{key}'", noun="key")
            f = Fields(item, RULES_FILE, report)
            where = f.text("where", "anywhere")
            if where not in wheres:
                report.error(RULES_FILE, item.line_of("where"), f"where: {where!r} is not one of {sorted(wheres)}", "fix the value")
                continue
            try:
                pattern = re.compile(f.text("match")) if item.get("match") else re.compile(re.escape(f.text("text").strip()))
            except re.error as exc:
                report.error(RULES_FILE, item.line_of("match"), f"bad regular expression: {exc}", "fix the pattern")
                continue
            out.append(LineRule(f.text("id"), where, f.text("reason"), pattern))
        return tuple(out)

    metadata = []
    for item in items("metadata"):
        if not isinstance(item, Located):
            report.error(
                RULES_FILE, data.line_of("metadata"), f"a metadata rule must be a mapping, not {type_name(item)}", "write '- field: byline' and its match"
            )
            continue
        unknown_fields(item, METADATA_KEYS, RULES_FILE, report, "a metadata rule", noun="key")
        f = Fields(item, RULES_FILE, report)
        field, match = f.text("field"), f.text("match")
        if field not in METADATA_FIELDS:
            report.error(RULES_FILE, item.line_of("field"), f"metadata field '{field}' is not one of {', '.join(METADATA_FIELDS)}", "fix the field's name")
            continue
        try:
            pattern = re.compile(match)
        except re.error as exc:
            report.error(RULES_FILE, item.line_of("match"), f"bad regular expression: {exc}", "fix the pattern")
            continue
        if not match or pattern.groups != 1:
            report.error(
                RULES_FILE,
                item.line_of("match"),
                f"the match of '{field}' has {pattern.groups} groups, not one",
                "put the value in one (…) group, e.g. '^بقلم\\s+(.+)$'",
            )
            continue
        metadata.append((field, pattern))
    headings = items("faq_headings")
    faq = [h for h in headings if isinstance(h, str)]
    if len(faq) < len(headings):
        report.error(RULES_FILE, data.line_of("faq_headings"), "every entry of 'faq_headings' must be a heading's text", "write each heading as text")
    repeated = data.get("repeated_title", True)
    if not isinstance(repeated, bool):
        report.error(
            RULES_FILE, data.line_of("repeated_title"), f"repeated_title must be true or false, not {type_name(repeated)}", "write true or false, unquoted"
        )
        repeated = True
    return Rules(
        lines=compile_rules("lines", {"head", "tail", "anywhere"}),
        sentences=compile_rules("sentences", {"anywhere"}),
        title_suffixes=compile_rules("title_suffixes", {"anywhere"}),
        metadata=tuple(metadata),
        faq_headings=frozenset(faq),
        repeated_title=repeated,
    )


def slug_of_file(name: str) -> str:
    """The id of an article without an entry: its file name in ASCII kebab-case (999_new.txt → 999-new).

    A name with other letters gives no id ('' is then reported): the editor names it in articles.yml.
    """
    stem = Path(name).stem
    return as_id(stem) if stem.isascii() else ""


def _check_id(art_id: str, report: Report, line: int, file: str, given: bool, taken: Container[str] = ()) -> None:
    if not ID_RE.fullmatch(art_id):
        if not given and not art_id:
            report.error(
                f"{ARTICLES_DIR}/{file}",
                None,
                "the file name is not ASCII, so it gives the article no id (its URL)",
                f"add an entry to {META_FILE}: '- file: {file}' with 'id: some-ascii-id', or rename the file in ASCII",
            )
        elif given:
            report.error(META_FILE, line, f"id '{art_id}' is not lowercase ASCII kebab-case", id_fix(art_id, "altman-returns-2023", taken))
        else:
            report.error(
                f"{ARTICLES_DIR}/{file}",
                None,
                f"the file name gives the id '{art_id}', which is not lowercase ASCII kebab-case",
                f"add an entry to {META_FILE}: '- file: {file}' with 'id: some-ascii-id', or rename the file",
            )
    elif art_id in RESERVED_IDS:
        where, line_ = (META_FILE, line) if given else (f"{ARTICLES_DIR}/{file}", None)
        report.error(where, line_, f"article id '{art_id}' would replace the generated articles index", "choose another id")


def _date(entry: Located, f: Fields, report: Report) -> PubDate | None:
    if entry.get("date") is None:
        return None
    value, basis = f.text("date"), f.text("date_basis")
    if problem := date_problem(value):
        report.error(META_FILE, entry.line_of("date"), f"date '{value}' {problem}", 'write a real date, e.g. "2023-11-17", "2023-11" or "2023"')
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
        return PubDate(value, basis, f.text("date_note"))
    return None


def _overrides(entry: Located, report: Report) -> dict[int, str]:
    raw = entry.get("blocks")
    if raw is None:
        return {}
    if not isinstance(raw, Located):
        report.error(META_FILE, entry.line_of("blocks"), f"blocks must be a mapping 'line number: kind', not {type_name(raw)}", "write blocks: {6: quote}")
        return {}
    out: dict[int, str] = {}
    for key, kind in raw.items():
        if not key.isdecimal() or not isinstance(kind, str) or kind not in OVERRIDE_KINDS:
            report.error(
                META_FILE,
                raw.line_of(key),
                f"blocks: {key}: {kind if isinstance(kind, str) else type_name(kind)} is not 'line number: kind'",
                f"kind is one of {', '.join(sorted(OVERRIDE_KINDS))}",
            )
            continue
        out[int(key)] = str(kind)
    return out


def load_meta(root: Path, files: list[str], report: Report, unread: dict[str, str] | None = None) -> dict[str, ArticleMeta]:
    """seeds/articles.yml, validated, keyed by file name; files without an entry get defaults.

    `unread` gets the ids no single readable article answers to: an entry whose file is missing (renamed,
    deleted), an id two articles are given. Each is a cause; quotes into the id are not checked (one line), so
    the one mistake is not two hundred "unknown article" errors."""
    unread = {} if unread is None else unread
    data = load(root / META_FILE, META_FILE, report) if (root / META_FILE).exists() else []
    named = {x for e in data if isinstance(e, Located) and isinstance(x := e.get("file"), str)} if isinstance(data, list) else set()
    orphans = sorted(set(files) - named)  # files without an entry: where a missing entry's file has probably gone
    gone = named - set(files)  # one entry without its file and one file without an entry: a rename, whatever the names
    metas: dict[str, ArticleMeta] = {}
    seen_ids: dict[str, int | str] = {}
    """Article id → the line of the entry that gives it, or the file whose name gives it."""
    if data is not None and not isinstance(data, list):
        report.cause(META_FILE, None, "expected a list of articles", "start each entry with '- file: ...'")
        data = []
    for entry in data or []:
        if not isinstance(entry, Located):
            report.error(META_FILE, None, f"each entry must be a mapping, not {type_name(entry)}", "write '- file: NAME' and its fields")
            continue
        f, line = Fields(entry, META_FILE, report), entry.line
        unknown_fields(entry, META_KEYS, META_FILE, report)
        file = f.text("file")
        if not file:
            report.error(META_FILE, line, "missing required field 'file'", "name the text file in seeds/articles/")
            continue
        if file in metas:
            report.error(META_FILE, line, f"a second entry for '{file}' (first at line {metas[file].line}); it is ignored", "merge the two entries into one")
            continue
        art_id = f.text("id") or slug_of_file(file)
        if file not in files:
            if files:  # else "no articles found" is the one cause
                close = orphans if len(orphans) == len(gone) == 1 else difflib.get_close_matches(file, orphans, n=1)  # only a file without an entry
                fix = f"did you mean '{close[0]}'? (that file has no entry)" if close else "add the file or remove this entry"
                report.cause(META_FILE, line, f"no seed file '{file}' in {ARTICLES_DIR}/ for the article '{art_id}'", fix, whole=False)
            unread.setdefault(art_id, f"{ARTICLES_DIR}/{file}")
            continue
        _check_id(art_id, report, entry.line_of("id"), file, bool(entry.get("id")), seen_ids)
        if art_id in seen_ids:
            report.cause(
                META_FILE,
                entry.line_of("id"),
                f"duplicate article id '{art_id}' (first at line {seen_ids[art_id]})",
                "give each article its own id",
                whole=False,
            )
            unread[art_id] = f"{ARTICLES_DIR}/{file}"
        seen_ids[art_id] = entry.line_of("id")
        metas[file] = ArticleMeta(
            file=file,
            id=art_id,
            outlet=f.text("outlet"),
            outlet_basis=f.text("outlet_basis"),
            date=_date(entry, f, report),
            overrides=_overrides(entry, report),
            line=line,
            blocks_line=entry.line_of("blocks"),
        )
    for file in files:
        if file not in metas:
            art_id = slug_of_file(file)
            metas[file] = ArticleMeta(file=file, id=art_id)
            _check_id(art_id, report, 0, file, False)
            taken = seen_ids.get(art_id)
            if taken is not None and art_id not in RESERVED_IDS:  # a reserved id is said above
                where = f"{META_FILE}:{taken}" if isinstance(taken, int) else f"the file name {ARTICLES_DIR}/{taken}"
                report.cause(
                    f"{ARTICLES_DIR}/{file}",
                    None,
                    f"the file name gives the id '{art_id}', which {where} gives another article",
                    f"add an entry for '{file}' to {META_FILE} with its own id, or rename the file",
                    whole=False,
                )
                unread[art_id] = f"{ARTICLES_DIR}/{file}"
            elif art_id:
                seen_ids[art_id] = file
    return metas
