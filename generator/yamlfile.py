"""YAML that remembers line numbers, so every error can say `file:line`.

Mappings come back as `Located` (a dict that knows its line and each key's
line); a key written twice in one mapping is an error naming both lines, never
a silent replacement. Dates stay strings, so "2023-11" keeps its precision.
Typed accessors (`Fields`) turn values into text, lists of text and ids, and
report a value of the wrong type instead of printing it as Python would.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import Report

Value = object
"""A parsed YAML value: str, int, float, bool, None, list, or Located."""


EMPTY = "the file is empty: every record it held would be lost"
"""What a curated file that parses to nothing is: a cause (the records it held would vanish from the site)."""


class Located(dict[str, Value]):
    """A YAML mapping that knows the line it starts on, and each key's line."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    duplicates: list[tuple[str, int, int]]
    """(key, first line, second line) of every key written twice in one mapping."""


class _FastLoader(getattr(yaml, "CSafeLoader", _Loader)):  # type: ignore[misc]
    """libyaml, when PyYAML was built with it: ten times faster. A file it refuses is parsed again by
    `_Loader`, whose messages are the ones the error tests and the editor know."""

    duplicates: list[tuple[str, int, int]]


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node, deep=True))
        line = key_node.start_mark.line + 1
        if key in mapping:
            loader.duplicates.append((key, mapping.key_lines[key], line))
            continue  # the first one stands; the error says so
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _parse(loader_class: type[_Loader], text: str) -> tuple[Value, list[tuple[str, int, int]]]:
    loader = loader_class(text)
    loader.duplicates = []
    try:
        data: Value = loader.get_single_data()
    finally:
        loader.dispose()
    return data, loader.duplicates


Parsed = tuple[str, Value, list[tuple[str, int, int]]]
"""A file's text, what it parsed to, and its keys written twice (key, first line, second line)."""
_last: dict[str, Parsed] = {}
"""Per file label, its last text and what it parsed to: `mkdocs serve` rereads every YAML file at each
edit, and parses again only those whose text changed. Parsed values are only ever read, never changed."""


def parse_all(root: Path, labels: Iterable[str]) -> dict[str, Parsed]:
    """What `load` would parse from each file under `root` (work for the second core while the seeds are read);
    a file that cannot be read or parsed is left out, for `load` to report."""
    done = {}
    for label in labels:
        try:
            text = (root / label).read_text(encoding="utf-8-sig")
            done[label] = (text, *_parse(_FastLoader, text))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
    return done


def remember(parsed: dict[str, Parsed]) -> None:
    """Files parse_all parsed: `load` takes them from there while their text is the same."""
    _last.update(parsed)


def load(path: Path, label: str, report: Report) -> Value:
    """Parse one YAML file; when it cannot be read, report the cause (line, column) and return None."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        report.cause(label, None, f"not UTF-8 ({exc.reason} at byte {exc.start})", "save the file as UTF-8")
        return None
    except OSError as exc:  # a folder where the file should be, no permission, …
        report.cause(label, None, f"cannot be read: {exc.strerror or exc}", f"make {label} a readable YAML file")
        return None
    try:
        last = _last.get(label)
        if last is not None and last[0] == text:
            data, duplicates = last[1], last[2]
        else:
            data, duplicates = _parse(_FastLoader, text)
            _last[label] = (text, data, duplicates)
    except yaml.MarkedYAMLError:
        try:
            data, duplicates = _parse(_Loader, text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            what = " ".join(filter(None, [exc.context, exc.problem]))
            line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
            lines = text.splitlines()
            at = lines[line - 1] if line and line <= len(lines) else ""
            report.cause(label, line, f"invalid YAML: {what}", _syntax_fix(what, at), column)
            return None
    for key, first, second in duplicates:
        report.error(
            label, second, f"key '{key}' written twice in one entry (first at line {first}); the second would replace the first", "merge the two into one"
        )
    if "\\u" in text or "\\U" in text:  # only an escape in double quotes makes one: no search of the values without
        for line in sorted(set(_surrogates(data, 1))):
            report.error(
                label,
                line,
                "an escape from \\ud800 to \\udfff is half of a UTF-16 pair, not a character: no page or file can hold it",
                'write the character itself, or escape it whole: "\\U0001F600" for 😀',
            )
    return data


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogates(value: Value, line: int, seen: set[int] | None = None) -> Iterator[int]:
    """The line of each key whose value (or the key itself) holds a surrogate code point; `line` (1 at the top
    level) for a value outside any mapping, and a list's items take the line of the list's key. A list or mapping
    is read once however many aliases name it: nine nested aliases of ten make a billion values, not a billion reads."""
    seen = set() if seen is None else seen
    if isinstance(value, str):
        if _SURROGATE.search(value):
            yield line
    elif isinstance(value, (list, Located)):
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, list):
            for v in value:
                yield from _surrogates(v, line, seen)
        else:
            for key, v in value.items():
                yield from _surrogates(key, value.line_of(key), seen)
                yield from _surrogates(v, value.line_of(key), seen)


def _syntax_fix(problem: str, line: str) -> str:
    """The fix for PyYAML's message about `line`, in the editor's terms where the cause is a common one."""
    if "single document" in problem:
        return "keep one document: remove the '---' line and what follows it, or merge it into the records above"
    if "'\\t'" in problem or "\t" in line[: len(line) - len(line.lstrip())]:
        return "replace the tab with spaces: YAML indents with spaces only"
    value = line.split(": ", 1)[-1].strip()
    for quote, other in (('"', "'"), ("'", '"')):
        if value.startswith(quote) and value.replace("\\" + quote if quote == '"' else quote * 2, "").count(quote) > 2:  # not an escaped one
            return f"the value in {quote}…{quote} holds a {quote} of its own: put the value in {other}…{other} instead, or use «» inside it"
    if "mapping values are not allowed" in problem:
        return "check the indentation on that line (a key lines up with the other keys of its record), and quote a value that holds ': '"
    return "check the indentation and quoting on that line"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice `word` was likely meant to be: first one that differs only in case, '_' for '-' or spaces (an id
    written 'OpenAI' where the record says 'openai', or the other way round), else the closest spelling."""
    options = sorted(choices)
    loose = {re.sub(r"[\s_-]+", "-", c.strip().lower()): c for c in options}
    if (same := loose.get(re.sub(r"[\s_-]+", "-", word.strip().lower()))) is not None and same != word:
        return same
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """«did you mean 'x'?» for the closest choice, or ''."""
    return f"did you mean '{meant}'?" if (meant := closest(word, choices)) is not None else ""


def unknown_fields(item: Located, known: Iterable[str], file: str, report: Report, what: str = "", noun: str = "field") -> set[str]:
    """Each key of `item` that is not `known` is an error at its line, with the closest known one: a misspelt key
    is never a field quietly ignored (`wehre:` made a tail rule apply anywhere). Returns the known keys so
    suggested: a required one is not missing too, it is misspelt."""
    known = set(known)
    meant: set[str] = set()
    for key in item:
        if key not in known:
            guess = closest(key, known)
            hint = f"did you mean '{guess}'?" if guess else f"known {noun}s: {', '.join(sorted(known))}"
            report.error(file, item.line_of(key), f"unknown {noun} '{key}'" + (f" in {what}" if what else ""), hint)
            if guess:
                meant.add(guess)
    return meant


def type_name(value: Value) -> str:
    """How a YAML value's type reads in a message."""
    if isinstance(value, Located):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (bytes, bytearray)):
        return "binary data (!!binary)"
    if isinstance(value, (set, frozenset)):
        return "a set (!!set)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a timestamp (!!timestamp)"
    return f"a tagged value ({type(value).__name__})"


@dataclass
class Fields:
    """Typed reads of one YAML mapping; a wrong type is reported with file:line, never printed as Python."""

    item: Located
    file: str
    report: Report

    def text(self, key: str, default: str = "") -> str:
        value = self.item.get(key)
        if value is None or value == "":
            return default
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        self.report.error(self.file, self.item.line_of(key), f"'{key}' must be text, not {type_name(value)}", f'write {key}: "…" as one line of text')
        return default

    def strict_text(self, key: str, what: str) -> str | None:
        """Text only (a number is refused too): for quotes, which must be copied characters."""
        value = self.item.get(key)
        if isinstance(value, str):
            return value
        self.report.error(
            self.file, self.item.line_of(key), f"'{key}' of {what} must be text copied from the article, not {type_name(value)}", f'write {key}: "…" in quotes'
        )
        return None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.item.get(key)
        if value is None:
            return ()
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
            return tuple(str(v) for v in value)
        self.report.error(self.file, self.item.line_of(key), f"'{key}' must be a list of names", f"write {key}: [name, other]")
        return ()
