"""What the editor says about the seeds: seeds/articles.yml (ids, outlets, dates, overrides)
and seeds/boilerplate.yml (the rules that tell article text from site furniture).

Every entry is used or reported: an unknown file, a second entry for one file,
an id that is not ASCII kebab-case or that would replace a generated page, an
impossible date, a value of the wrong type.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Report
from .model import ArticleMeta, PubDate
from .yamlfile import Fields, Located, load, type_name

ARTICLES_DIR = "seeds/articles"
META_FILE = "seeds/articles.yml"
RULES_FILE = "seeds/boilerplate.yml"

DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
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


def valid_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a day that exists (no 30 February)."""
    if not DATE_RE.fullmatch(value):
        return False
    if len(value) == 10:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
    return True


def _line(item: object) -> int | None:
    return item.line if isinstance(item, Located) else None


def load_rules(root: Path, report: Report) -> Rules:
    data = load(root / RULES_FILE, RULES_FILE, report) if (root / RULES_FILE).exists() else Located()
    if not isinstance(data, Located):
        if data is not None:
            report.cause(RULES_FILE, None, f"expected a mapping of rule lists, not {type_name(data)}", "see the comment at the top of the file")
        return Rules()

    def compile_rules(key: str, wheres: set[str]) -> tuple[LineRule, ...]:
        out = []
        raw = data.get(key)
        for item in raw if isinstance(raw, list) else []:
            line = _line(item)
            if not isinstance(item, Located) or not item.get("id") or not (item.get("text") or item.get("match")):
                report.error(RULES_FILE, line, f"a rule under '{key}' needs an id and a text or match", "see the comment at the top of the file")
                continue
            f = Fields(item, RULES_FILE, report)
            where = f.text("where", "anywhere")
            if where not in wheres:
                report.error(RULES_FILE, line, f"where: {where!r} is not one of {sorted(wheres)}", "fix the value")
                continue
            try:
                pattern = re.compile(f.text("match")) if item.get("match") else re.compile(re.escape(f.text("text").strip()))
            except re.error as exc:
                report.error(RULES_FILE, line, f"bad regular expression: {exc}", "fix the pattern")
                continue
            out.append(LineRule(f.text("id"), where, f.text("reason"), pattern))
        return tuple(out)

    metadata = []
    raw_meta = data.get("metadata")
    for item in raw_meta if isinstance(raw_meta, list) else []:
        try:
            if not isinstance(item, Located):
                raise TypeError("not a mapping")
            metadata.append((str(item["field"]), re.compile(str(item["match"]))))
        except (KeyError, TypeError, re.error) as exc:
            report.error(RULES_FILE, _line(item), f"bad metadata rule: {exc}", "give field and match")
    faq = data.get("faq_headings")
    return Rules(
        lines=compile_rules("lines", {"head", "tail", "anywhere"}),
        sentences=compile_rules("sentences", {"anywhere"}),
        title_suffixes=compile_rules("title_suffixes", {"anywhere"}),
        metadata=tuple(metadata),
        faq_headings=frozenset(str(h) for h in faq) if isinstance(faq, list) else frozenset(),
        repeated_title=bool(data.get("repeated_title", True)),
    )


def slug_of_file(name: str) -> str:
    """The id of an article without an entry: its file name in ASCII kebab-case (999_new.txt → 999-new).

    A name with other letters gives no id ('' is then reported): the editor names it in articles.yml.
    """
    stem = Path(name).stem
    if not stem.isascii():
        return ""
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")


def _check_id(art_id: str, report: Report, line: int, file: str, given: bool) -> None:
    if not ID_RE.fullmatch(art_id):
        if not given and not art_id:
            report.error(
                f"{ARTICLES_DIR}/{file}",
                None,
                "the file name is not ASCII, so it gives the article no id (its URL)",
                f"add an entry to {META_FILE}: '- file: {file}' with 'id: some-ascii-id', or rename the file in ASCII",
            )
        elif given:
            report.error(META_FILE, line, f"id '{art_id}' is not lowercase ASCII kebab-case", "use letters, digits and hyphens, e.g. altman-returns-2023")
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
    if not valid_date(value):
        report.error(META_FILE, entry.line_of("date"), f"date '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", 'write a real date, e.g. "2023-11-17"')
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
        if not key.isdigit() or kind not in OVERRIDE_KINDS:
            report.error(
                META_FILE, raw.line_of(key), f"blocks: {key}: {kind} is not 'line number: kind'", f"kind is one of {', '.join(sorted(OVERRIDE_KINDS))}"
            )
            continue
        out[int(key)] = str(kind)
    return out


def load_meta(root: Path, files: list[str], report: Report) -> dict[str, ArticleMeta]:
    """seeds/articles.yml, validated, keyed by file name; files without an entry get defaults."""
    data = load(root / META_FILE, META_FILE, report) if (root / META_FILE).exists() else []
    metas: dict[str, ArticleMeta] = {}
    seen_ids: dict[str, int] = {}
    if data is not None and not isinstance(data, list):
        report.cause(META_FILE, None, "expected a list of articles", "start each entry with '- file: ...'")
        data = []
    for entry in data or []:
        if not isinstance(entry, Located):
            report.error(META_FILE, None, f"each entry must be a mapping, not {type_name(entry)}", "write '- file: NAME' and its fields")
            continue
        f, line = Fields(entry, META_FILE, report), entry.line
        for key in entry:
            if key not in META_KEYS:
                close = difflib.get_close_matches(key, META_KEYS, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(sorted(META_KEYS))}"
                report.error(META_FILE, entry.line_of(key), f"unknown field '{key}'", hint)
        file = f.text("file")
        if not file:
            report.error(META_FILE, line, "missing required field 'file'", "name the text file in seeds/articles/")
            continue
        if file in metas:
            report.error(META_FILE, line, f"a second entry for '{file}' (first at line {metas[file].line}); it is ignored", "merge the two entries into one")
            continue
        if file not in files:
            close = difflib.get_close_matches(file, files, n=1)
            report.error(
                META_FILE, line, f"no seed file '{file}' in {ARTICLES_DIR}/", f"did you mean '{close[0]}'?" if close else "add the file or remove this entry"
            )
            continue
        art_id = f.text("id") or slug_of_file(file)
        _check_id(art_id, report, entry.line_of("id"), file, bool(entry.get("id")))
        if art_id in seen_ids:
            report.error(META_FILE, entry.line_of("id"), f"duplicate article id '{art_id}' (first at line {seen_ids[art_id]})", "give each article its own id")
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
            metas[file] = ArticleMeta(file=file, id=slug_of_file(file))
            _check_id(metas[file].id, report, 0, file, False)
    return metas
