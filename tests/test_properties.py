"""Property tests (Hypothesis): whatever text the seeds hold, the reader, the Arabic folding, the
linker and the escaping never crash, never turn it into live markup, and never lose it.

Inputs mix arbitrary Unicode with Arabic-heavy text (letters, diacritics, tatweel, hamza forms,
Arabic-Indic digits), Markdown/HTML/Jinja syntax, bidi controls and very long lines. Example counts
are kept modest (EXAMPLES) so the suite stays fast. The linker (generator/link/names.py) is tested
too: its links wrap a name as written, never overlap, and find a full name however it is spelt.
"""

from __future__ import annotations

import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import markdown
import pymdownx.slugs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import arabic, read, seedmeta, text
from generator.errors import Report
from generator.kb.schema import Entity, EntityKind
from generator.link.lookalike import LookAlikeFinder
from generator.link.names import Linker
from generator.model import Article, ArticleMeta, Block, Kind
from generator.render import html as render_html
from generator.render.markdown import shorten
from generator.site import fragments
from generator.spans import Spans
from tests.conftest import ROOT

EXAMPLES = 150
settings.register_profile("dossier", max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("dossier")

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيٱیکې"
ARABIC_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"  # harakat, shadda, sukun, dagger alef, tatweel
ARABIC_OTHER = "٠١٢٣٤٥٦٧٨٩۰۱۲۳،؛؟«»…"
MARKUP = [
    "<script>alert(1)</script>",
    "<b>غامق</b>",
    '<a href="x" title="y">',
    "&amp;",
    "&#60;",
    "<!--",
    "-->",
    "**نجمة**",
    "_خط_",
    "`شيفرة`",
    "[رابط](https://example.org)",
    "![صورة](x.png)",
    "[^1]",
    "{: .cls #id }",
    "{{ page.title }}",
    "{% raw %}",
    "{# c #}",
    "${x}",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "| a | b |",
    "!!! note",
    "\\",
    "\x02wzxhzdk:0\x03",  # Python-Markdown's own placeholder for stashed HTML
    "\n",  # YAML block scalars keep line breaks
    "\n\n",
    "    ",
    "\t",
    "GPT-4.1",
    "OpenAI's",
    "Q*",
    "@sama",
    "e.g.",
]
arabic_text = st.text(alphabet=ARABIC_LETTERS + ARABIC_MARKS + ARABIC_OTHER + " ", min_size=1, max_size=60)
pieces = st.one_of(arabic_text, st.sampled_from(MARKUP), st.sampled_from(list(BIDI)), st.text(max_size=20))
long_line = st.builds(lambda word, n: (word + " ") * n, arabic_text, st.integers(min_value=200, max_value=1500))
mixed = st.one_of(st.lists(pieces, max_size=12).map("".join), long_line, st.text())
# One line of text, as an article block or a YAML value is (the reader splits and trims lines).
one_line = mixed.map(lambda s: re.sub(r"[\r\n]+", " ", s))


# --- text: escaping -------------------------------------------------------------------------------

MD = markdown.Markdown(
    extensions=["attr_list", "md_in_html", "admonition", "tables", "toc"],
    extension_configs={"toc": {"permalink": True, "slugify": pymdownx.slugs.slugify(case="lower")}},
)
# Shown as codes: bidi controls, and every C0 and C1 control but HTML's white space (tab, LF, FF, CR).
INVISIBLE = BIDI + "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n\x0c\r")
VISIBLE = str.maketrans({c: f"⟦U+{ord(c):04X}⟧" for c in INVISIBLE})
# Text compared as a reader sees it: whitespace runs are one space, none at either end, and C0
# controls, which nobody sees, are left out on both sides (Markdown drops STX and ETX, its placeholders).
ASCII_SPACE = re.compile(r"\s+")
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def visible(value: str) -> str:
    """The text a reader must see for `value`: bidi controls as codes, whitespace as HTML shows it."""
    return ASCII_SPACE.sub(" ", CONTROLS.sub("", value.translate(VISIBLE))).strip()


class Elements(HTMLParser):
    """The elements of an HTML fragment, their attributes, and its text (permalink signs left out)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self._in_permalink = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.append(dict(attrs))
        self._in_permalink = dict(attrs).get("class") == "headerlink"

    def handle_endtag(self, tag: str) -> None:
        self._in_permalink = False

    def handle_data(self, data: str) -> None:
        if not self._in_permalink:
            self.text.append(data)

    def visible_text(self) -> str:
        return ASCII_SPACE.sub(" ", CONTROLS.sub("", "".join(self.text))).strip()


def render(source: str) -> Elements:
    """A generated page as the site hook converts it: raw HTML blocks set aside, Markdown, blocks put back."""
    skeleton, blocks = fragments.split(source)
    MD.reset()
    return Elements(fragments.restore(MD.convert(skeleton), blocks))


# Every Markdown context the renderer puts article text or a YAML value in: the template, the
# elements the value may produce there (besides <bdi> around Latin runs), and the visible text
# around it.
CONTEXTS = {
    "paragraph": ("{}", {"p"}, "", ""),
    "heading": ("# {}", {"h1", "a"}, "", ""),
    "item": ("- {}", {"ul", "li"}, "", ""),
    "link": ("[{}](page.md)", {"p", "a"}, "", ""),
    "strong": ("- **{}** في", {"ul", "li", "strong"}, "", "في"),
    "admonition": ('!!! note "ملاحظة"\n    {}', {"div", "p"}, "ملاحظة", ""),
    "table": ("| أ |\n|---|\n| {} |", {"table", "thead", "tbody", "tr", "th", "td"}, "أ", ""),
}
# Values as the renderer gets them: not empty (the schema refuses empty names and titles), with any
# line breaks a YAML block scalar gives, and trimmed: the escaping cannot make `**name **` bold or keep
# four leading spaces from being code, so values are trimmed when read (article lines are).
value_line = mixed.map(str.strip).filter(lambda s: visible(s) != "")


@given(value=value_line, context=st.sampled_from(sorted(CONTEXTS)))
def test_inline_is_text_in_every_markdown_context(value: str, context: str) -> None:
    template, allowed, before, after = CONTEXTS[context]
    page = render(template.format(text.inline(value)))
    assert set(page.tags) <= allowed | {"bdi"}, f"live markup: {page.tags}"
    assert page.visible_text() == " ".join(filter(None, [before, visible(value), after]))


@given(value=value_line)
def test_literal_is_text_and_isolates_nothing(value: str) -> None:
    page = render(text.literal(value))
    assert set(page.tags) <= {"p"}
    assert page.visible_text() == visible(value)


@given(value=mixed)
def test_attr_is_one_attribute_value(value: str) -> None:
    page = Elements(f'<span class="x" title="{text.attr(value)}">نص</span>')
    assert page.tags == ["span"]
    assert page.attrs[0]["title"] == value.translate(VISIBLE)
    assert page.visible_text() == "نص"


@given(value=mixed)
def test_html_text_is_text_in_raw_html(value: str) -> None:
    page = render(f'<ul>\n<li><span class="dossier-dropped-text">{text.html_text(value)}</span></li>\n</ul>')
    assert page.tags == ["ul", "li", "span"]
    assert page.visible_text() == visible(value)


# Raw HTML blocks, as render/ writes article bodies, lists and notes (render/html.py): the hook keeps
# them out of Markdown (site/fragments.py), so the escaping alone keeps values text.
RAW_BLOCKS = {
    "paragraph": '<p class="dossier-p" id="p-1"><a class="dossier-num" href="#p-1">1</a> {}</p>',
    "list": "<ul>\n<li>{}</li>\n</ul>",
    "note": '<div class="admonition note">\n<p class="admonition-title">ملاحظة</p>\n<p>{}</p>\n</div>',
}


@given(value=mixed, block=st.sampled_from(sorted(RAW_BLOCKS)))
def test_render_html_text_is_text_in_raw_html_blocks(value: str, block: str) -> None:
    assert not RAW_CONTROL.search(render_html.text(value)), "a control character reaches the page as itself"
    page = render(RAW_BLOCKS[block].format(render_html.text(value)))
    expected = {"paragraph": ["p", "a"], "list": ["ul", "li"], "note": ["div", "p", "p"]}[block]
    assert [t for t in page.tags if t != "bdi"] == expected, f"live markup: {page.tags}"
    before = {"paragraph": "1", "list": "", "note": "ملاحظة"}[block]
    assert page.visible_text() == " ".join(filter(None, [before, visible(value)]))


@given(value=mixed, label=mixed)
def test_render_html_link_keeps_title_and_label_as_text(value: str, label: str) -> None:
    page = render(f"<p>{render_html.a('../people/x/#p-2', render_html.text(label), title=value)}</p>")
    assert [t for t in page.tags if t != "bdi"] == ["p", "a"]
    # Markdown turns tabs into spaces and drops STX/ETX, in raw HTML too: compared as a reader sees them.
    title = page.attrs[1].get("title")
    shown = ASCII_SPACE.sub(" ", CONTROLS.sub("", title)) if title is not None else None
    assert shown == (ASCII_SPACE.sub(" ", CONTROLS.sub("", value.translate(VISIBLE))) if value else None)
    assert page.attrs[1]["href"] == "../people/x/#p-2"
    assert page.visible_text() == visible(label)


@given(value=mixed)
def test_escaped_text_keeps_no_bidi_control(value: str) -> None:
    for escaped in (text.inline(value), text.literal(value), text.attr(value), text.html_text(value), render_html.text(value), render_html.attr(value)):
        assert not set(escaped) & set(BIDI)


# --- arabic: folding ------------------------------------------------------------------------------


@given(value=mixed)
def test_fold_is_idempotent_and_removes_every_variant(value: str) -> None:
    folded = arabic.fold(value)
    assert arabic.fold(folded) == folded
    assert not set(folded) & set("أإآٱىةؤئ\u0640" + BIDI + ARABIC_MARKS)
    assert not re.search(r"\s\s", folded) and not re.search(r"[^\S ]", folded)


@given(value=mixed)
def test_fold_with_map_points_back_to_the_letters_written(value: str) -> None:
    folded, where = arabic.fold_with_map(value)
    assert folded == arabic.fold(value)
    assert len(where) == len(folded)
    assert list(where) == sorted(where)
    for ch, i in zip(folded, where, strict=True):
        assert ch == " " and value[i].isspace() or ch in arabic.fold_char(value[i])


@given(word=st.one_of(arabic_text, st.text(max_size=30)))
def test_key_is_the_folded_word_or_its_end(word: str) -> None:
    folded = arabic.fold(word)
    key = arabic.key(word)
    assert folded.endswith(key)
    assert key == folded or len(key) >= arabic.MIN_STEM or re.match(r"[a-z0-9]", key)
    assert arabic.key(folded) == key


# --- read: the reader -----------------------------------------------------------------------------

RULES = seedmeta.load_rules(ROOT, Report())
META = ArticleMeta(file="x.txt", id="x")
line_piece = st.one_of(mixed, st.sampled_from(["تعليقات", "دليل التقنية", "التعليقات 3", "شارك هذا المقال", "• بند", "«اقتباس»", "سؤال؟"]))
article_lines = st.lists(line_piece.map(lambda s: s.replace("\n", " ").replace("\r", " ")), min_size=1, max_size=25)


def nonspace(value: str) -> str:
    return re.sub(r"\s+", "", value)


def accounted(lines: list[str], article) -> None:  # type: ignore[no-untyped-def]
    """Every non-blank line is the title, a block, a header fact, or dropped with a reason."""
    by_line: dict[int, list[str]] = {}
    for block in article.blocks:
        by_line.setdefault(block.line, []).append(block.text)
    for d in article.dropped:
        by_line.setdefault(d.line, []).append(d.text)
    for n, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        if n == article.title_line:  # the title, and the site's name after it when a rule dropped it
            assert nonspace(article.title) + "".join(nonspace(t) for t in by_line.get(n, [])) == nonspace(line)
            continue
        if n not in by_line:
            assert read._metadata(line, RULES) is not None, f"line {n} lost: {line!r}"
            continue
        kept = "".join(nonspace(t) for t in by_line[n])
        whole = nonspace(line)
        assert kept == whole or kept == nonspace(read.LIST_MARK.sub("", line, count=1)), f"line {n}: {line!r} became {by_line[n]!r}"


@given(lines=article_lines)
def test_parse_never_crashes_and_loses_no_line(lines: list[str]) -> None:
    report = Report()
    article = read.parse("\n".join(lines), META, RULES, "x.txt", report)
    if article is None:
        assert report.errors, "no article and no error"
        return
    accounted(lines, article)
    assert [b.number for b in article.numbered] == list(range(1, len(article.numbered) + 1))
    for block in article.blocks:
        assert block.kind in Kind and block.text == block.text.strip() and block.text


@settings(max_examples=EXAMPLES // 5)
@given(
    texts=st.lists(st.lists(line_piece, min_size=1, max_size=12).map("\n".join), min_size=1, max_size=3),
    bom=st.booleans(),
    crlf=st.booleans(),
)
def test_read_articles_never_crashes_and_every_problem_names_a_file(texts: list[str], bom: bool, crlf: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / seedmeta.ARTICLES_DIR
        folder.mkdir(parents=True)
        for i, body in enumerate(texts):
            data = body.replace("\n", "\r\n") if crlf else body
            (folder / f"{i:03}_x.txt").write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8"))
        report = Report()
        articles = read.read_articles(root, report)
    read_ok = {a.path for a in articles}
    refused = {p.path for p in report.errors}
    for i in range(len(texts)):
        label = f"{seedmeta.ARTICLES_DIR}/{i:03}_x.txt"
        assert (label in read_ok) != (label in refused), f"{label}: read {label in read_ok}, refused {label in refused}"
    for problem in report.errors + report.notes:
        assert problem.path.startswith(seedmeta.ARTICLES_DIR) or problem.path in (seedmeta.META_FILE, seedmeta.RULES_FILE)
        assert problem.message
    for article in articles:
        assert "\r" not in article.title and all("\r" not in b.text for b in article.blocks)


# --- link: the linker (generator/link/names.py) ---------------------------------------------------

arabic_word = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=3, max_size=8)
latin_word = st.from_regex(r"[A-Z][a-z]{3,7}", fullmatch=True)
entity_name = st.lists(st.one_of(arabic_word, arabic_word.map("ال".__add__), latin_word), min_size=1, max_size=3).map(" ".join)
# A word with attached proclitics, as articles write names: وألتمان، بالذكاء، لـOpenAI.
PROCLITICS = ["", "و", "ف", "ب", "ل", "ول", "وب", "فل", "لـ"]
with_proclitic = st.tuples(st.sampled_from(PROCLITICS), entity_name).map("".join)
# How an article may write a name: diacritics or tatweel after a letter, another alef or ya form.
VARIANTS = {"ا": "اأإآ", "ي": "يى", "ه": "هة"}


@st.composite
def written_as(draw: st.DrawFn, name: str) -> str:
    out = []
    for c in name:
        out.append(draw(st.sampled_from(VARIANTS[c])) if c in VARIANTS and draw(st.booleans()) else c)
        if "\u0621" <= c <= "\u064a" and draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from(ARABIC_MARKS)))
    return "".join(out)


def entity(i: int, names: list[str]) -> Entity:
    return Entity(id=f"e{i}", name=names[0], latin="", kind=EntityKind.PERSON, file="people.yml", line=i + 1, aliases=tuple(names[1:]))


def article_of(paragraphs: list[str]) -> Article:
    blocks = tuple(Block(Kind.PARAGRAPH, p, n, n) for n, p in enumerate(paragraphs, start=1))
    return Article(meta=ArticleMeta(file="x.txt", id="x"), path="x.txt", title="x", title_line=0, blocks=blocks, dropped=())


@st.composite
def dossier(draw: st.DrawFn) -> tuple[list[list[str]], list[str]]:
    """Entities' names, and paragraphs that mention them (with proclitics, however spelt) among other text."""
    names = draw(st.lists(st.lists(entity_name, min_size=1, max_size=3), min_size=1, max_size=4))
    every = [n for ns in names for n in ns]
    mention = st.tuples(st.sampled_from(PROCLITICS), st.sampled_from(every).flatmap(written_as)).map("".join)
    paragraphs = draw(st.lists(st.lists(st.one_of(mention, arabic_word, with_proclitic, pieces), max_size=15).map(" ".join), min_size=1, max_size=4))
    return names, paragraphs


@given(case=dossier())
def test_linker_spans_are_names_as_written_and_never_overlap(case: tuple[list[list[str]], list[str]]) -> None:
    names, paragraphs = case
    entities = [entity(i, n) for i, n in enumerate(names)]
    # A name's folded spellings; one that starts with «ال» is also linked as «ل…» after a «ل» (للذكاء).
    folded_names = {e.id: {f for n in e.full_names for f in (arabic.fold(n), arabic.fold(n)[1:] if arabic.fold(n).startswith("ال") else "")} for e in entities}
    mentions, _ = Linker(entities).link(article_of(paragraphs))
    for block in range(1, len(paragraphs) + 1):
        spans = sorted((m.start, m.end) for m in mentions if m.block == block)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False)), f"overlapping links: {spans}"
    for m in mentions:
        text_ = paragraphs[m.block - 1]
        assert 0 <= m.start <= m.name_start < m.end <= len(text_)
        assert arabic.fold(text_[m.name_start : m.end]) in folded_names[m.entity] - {""}
        assert m.start == m.name_start or re.fullmatch(arabic.LINK_PROCLITICS, arabic.fold(text_[m.start : m.name_start]))


@given(data=st.data(), name=entity_name, before=st.one_of(mixed, arabic_text), after=st.one_of(mixed, arabic_text))
def test_linker_finds_a_full_name_however_it_is_written(data: st.DataObject, name: str, before: str, after: str) -> None:
    """A full name between spaces is linked, with diacritics, tatweel and other alef/ya/ta forms."""
    written = data.draw(written_as(name))
    start = len(before) + 1
    paragraph = f"{before} {written} {after}"
    mentions, _ = Linker([entity(0, [name])]).link(article_of([paragraph]))
    # Linked exactly, or inside a link that starts earlier (`before` may end with the same name: the first wins).
    exact = any(m.name_start == start and m.end == start + len(written) for m in mentions)
    assert exact or any(m.start < start < m.end for m in mentions), f"{written!r} not linked in {paragraph!r}: {mentions}"


WHITE = [c for c in map(chr, range(0x3001)) if c.isspace()]
gap = st.text(alphabet=WHITE, min_size=1, max_size=3)
lookalike_people = [
    Entity("greg-brockman", "جريج بروكمان", "", EntityKind.PERSON, "seeds/people.yml", 1),
    Entity("ilya-sutskever", "إيليا سوتسكيفر", "", EntityKind.PERSON, "seeds/people.yml", 2),
]


@given(
    words=st.lists(st.one_of(arabic_word, st.sampled_from(["غريغ", "بروكمان،", "وإليا", "سوتسكيفر", "«غريغ"])), max_size=12),
    gaps=st.lists(gap, min_size=14, max_size=14),
    ends=st.tuples(st.text(alphabet=WHITE, max_size=2), st.text(alphabet=WHITE, max_size=2)),
)
def test_a_look_alike_is_found_and_placed_whatever_the_white_space(words: list[str], gaps: list[str], ends: tuple[str, str]) -> None:
    """The finder cuts tokens with str.split and sums their lengths where one white space separates each:
    its spans are those of the regex \\S+ over any white space (several, none but spaces, at either end)."""
    tokens = ["غريغ", "بروكمان", *words]
    paragraph = ends[0] + "".join(t + g for t, g in zip(tokens, gaps, strict=False))[: -len(gaps[len(tokens) - 1])] + ends[1]
    found = LookAlikeFinder(lookalike_people).find(article_of([paragraph]), ())
    spans = [m.span() for m in re.finditer(r"\S+", paragraph)]
    assert found and found[0].written == paragraph[spans[0][0] : spans[1][0] + len("بروكمان")]
    for la in found:
        assert la.written == paragraph[la.start : la.end]
        assert any(s < la.end <= e and not paragraph[la.end : e].strip("،,.") for s, e in spans)  # a token's end, its comma cut
        assert la.entity == ("greg-brockman" if "بروكمان" in la.written else "ilya-sutskever")


span = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1]))


@given(spans=st.lists(span, max_size=12), query=span)
def test_spans_answer_as_a_scan_of_every_span_does(spans: list[tuple[int, int]], query: tuple[int, int]) -> None:
    """The editor's report and the look-alike finder ask Spans instead of scanning every linked name (a
    paragraph of a megabyte has thousands): overlapping, touching, nested and empty spans, in any order."""
    found = Spans(spans)
    start, end = query
    assert found.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    assert (start in found) == any(s <= start < e for s, e in spans)


@given(value=mixed, limit=st.integers(1, 200))
def test_shorten_gives_the_beginning_of_the_text_cut_at_a_word(value: str, limit: int) -> None:
    """A marker's tooltip: the note whole when it is short, else its beginning, cut between words, then «…»."""
    flat = " ".join(value.split())
    out = shorten(value, limit)
    if len(flat) <= limit:
        assert out == flat
        return
    tail = "…»" if out.endswith("…»") and out[:-2].count("«") > out[:-2].count("»") else "…"
    body = out.removesuffix(tail)
    assert out.endswith(tail) and flat.startswith(body) and len(body) <= limit
    if " " in flat[: limit + 1]:
        assert flat[len(body)] in " ،؛,.:«(“"  # the cut falls between words (a mark the cut left dangling dropped)


# Whitespace of every kind the theme or a value may hold, among a few other characters.
indented = st.text(alphabet=st.sampled_from(" \t\n\r\f\v\xa0\x85\u2003\u3000ab<>ع"), max_size=60)


@given(value=indented)
def test_collapse_is_the_indentation_regex(value: str) -> None:
    """theme_hook.collapse (line by line, for speed) does exactly what its regex says."""
    from generator.site import theme_hook

    assert theme_hook.collapse(value) == theme_hook.INDENT.sub("\n", value)


# Characters YAML refuses, or takes for line breaks, or that JSON escapes, among ordinary ones.
_title_chars = st.text(alphabet=st.sampled_from('"\\/\b\f\n\r\t\x00\x1f\x7f\x85\x9f\xa0\u2028\u2029\ufeff\ufffe\uffff\U0001f600ab عم<>&:#-'), max_size=30)


@given(title=st.one_of(mixed, _title_chars))
def test_a_pages_front_matter_is_read_as_mkdocs_reads_it(title: str) -> None:
    """A generated page's title alone in its front matter is read as JSON (generator/site/direct.py): the same
    title and Markdown as MkDocs' YAML reading gives, or, where JSON would read otherwise, YAML's own."""
    from mkdocs.utils import meta

    from generator.render.markdown import front_matter as written
    from generator.site.direct import front_matter

    source = written(title) + "# عنوان\n\nنص.\n"
    assert front_matter(source) == meta.get_data(source)


@given(source=st.from_regex(r"\A---\ntitle: \"(?:[^\"\\\\]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4}){0,12}\"\n---\n\Z"))
def test_any_title_line_json_reads_is_read_as_mkdocs_reads_it(source: str) -> None:
    """Not only what render/markdown.py writes: any escape, any character, as another plugin might hand over."""
    from mkdocs.utils import meta

    from generator.site.direct import front_matter

    assert front_matter(source + "نص\n") == meta.get_data(source + "نص\n")


def test_an_ordinary_title_is_read_without_yaml() -> None:
    from generator.render.markdown import front_matter as written
    from generator.site.direct import _TITLE_ONLY

    for title in ["الإقالة والتمرد والعودة: كيف تكشفت الأزمة في OpenAI", 'قال: "لا" \\ / <b>', "\t\u00a0😀"]:
        assert _TITLE_ONLY.match(written(title)) is not None, title
    assert _TITLE_ONLY.match(written("سطر\u2028سطر")) is None  # YAML takes U+2028 for a line break: YAML reads it


# A template: text with indentation, expressions, tags that emit nothing, if/for blocks, elements that keep their whitespace.
_template_text = st.text(alphabet=st.sampled_from(' \t\n\xa0ab<>="ع'), max_size=12)
_template_plain = st.one_of(_template_text, st.sampled_from(["{{ word }}", "{{ blank }}", "{% set n = 1 %}", "{# note #}", "{%- if yes %}x{% endif -%}"]))
_template_leaf = st.one_of(
    _template_plain,
    st.just("{{- word -}}"),
    st.builds(lambda tag, body: f"<{tag}>{body}</{tag}>", st.sampled_from(["pre", "textarea", "script"]), _template_text),
)
templates = st.recursive(
    st.lists(_template_leaf, max_size=6).map("".join),
    lambda inner: st.one_of(
        st.builds(lambda a, b, c: f"{a}{{% if yes %}}{b}{{% else %}}{c}{{% endif %}}", inner, inner, inner),
        st.builds(lambda a, b: f"{a}{{% if no %}}{b}{{% endif %}}", inner, inner),
        st.builds(lambda a, b: f"{a}{{% for i in [1, 2] %}}{b}{{% endfor %}}", inner, inner),
        # (an element that keeps its whitespace holds none of its kind, as valid HTML has it)
        st.builds(lambda a, b: f"{a}\n  <pre>{{% if yes %}}\n  {b}{{% endif %}}</pre>\n", inner, st.lists(_template_plain, max_size=4).map("".join)),
        st.lists(inner, max_size=3).map("".join),
    ),
    max_leaves=12,
)


@given(source=templates)
def test_a_template_without_its_indentation_renders_the_same_page(source: str) -> None:
    """theme_hook.drop_template_indentation (done once to each template) leaves a page that, its own indentation
    dropped, is the page the template made before; what keeps its whitespace comes out as it was."""
    import jinja2

    from generator.site import theme_hook

    env = jinja2.Environment()
    values = {"word": "كلمة", "blank": "", "yes": True, "no": False}
    before = env.from_string(source).render(values)
    after = env.from_string(theme_hook.drop_template_indentation(source)).render(values)
    assert theme_hook.drop_indentation(after) == theme_hook.drop_indentation(before)
    assert theme_hook.drop_indentation(theme_hook.drop_blank_lines(after)) == theme_hook.drop_indentation(before)


sentences = st.text(alphabet=st.sampled_from(" \n\t.!?؟…،abعم"), max_size=50)


def _sentence(value: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around value[start:end] as a regex search from the mention finds it."""
    from generator.render.markdown import SENTENCE_END

    s = 0
    for m in SENTENCE_END.finditer(value, 0, start):
        s = m.end()
    found = SENTENCE_END.search(value, end)
    return s, found.end() if found else len(value)


@given(value=sentences, data=st.data())
def test_a_mention_s_excerpt_is_the_sentence_the_regex_finds(value: str, data: st.DataObject) -> None:
    """render.markdown.excerpt (sentence ends found once per paragraph) cuts where a regex search from the mention would."""
    from generator.render.markdown import excerpt

    start = data.draw(st.integers(0, len(value)))
    end = data.draw(st.integers(start, len(value)))
    s, e = _sentence(value, start, end)
    assert excerpt(value, [(start, end)]) == [(value[s:start].lstrip(), False), (value[start:end], True), (value[end:e], False)]


@given(value=sentences, data=st.data())
def test_two_mentions_in_one_sentence_or_the_next_are_one_run_of_text(value: str, data: st.DataObject) -> None:
    """A paragraph that names an entity twice is listed once (its entity page listed it twice, nearly the same text);
    «…» stands only where sentences were left out between the two."""
    from generator.render.markdown import GAP, excerpt

    a, b, c, d = sorted(data.draw(st.integers(0, len(value))) for _ in range(4))
    (s1, e1), (s2, e2) = _sentence(value, a, b), _sentence(value, c, d)
    both = excerpt(value, [(a, b), (c, d)])
    if s2 <= e1:
        assert both == [(value[s1:a].lstrip(), False), (value[a:b], True), (value[b:c], False), (value[c:d], True), (value[d : max(e1, e2)], False)]
    else:
        assert both == [
            (value[s1:a].lstrip(), False),
            (value[a:b], True),
            (value[b:e1], False),
            (GAP + value[s2:c].lstrip(), False),
            (value[c:d], True),
            (value[d:e2], False),
        ]


def test_a_long_excerpt_is_cut_once_at_each_place_text_is_left_out() -> None:
    from generator.render.markdown import CONTEXT_CHARS, GAP, excerpt

    words = " ".join(f"w{i}" for i in range(CONTEXT_CHARS))  # far longer than CONTEXT_CHARS, no sentence end
    value = f"{words} NAME {words} NAME {words}. Short. Next NAME here."
    first = value.index("NAME")
    second = value.index("NAME", first + 1)
    third = value.index("NAME", second + 1)
    pieces = excerpt(value, [(first, first + 4), (second, second + 4), (third, third + 4)])
    shown = "".join(t for t, _ in pieces)
    assert [t for t, marked in pieces if marked] == ["NAME"] * 3
    # Cut before the first, between the first two, and after the second, which also stands for the left-out «Short.».
    assert shown.startswith("… ") and shown.count("…") == 3 and GAP.strip() + " Next NAME here." in shown, shown
    assert "Short" not in shown and len(shown) < 5 * CONTEXT_CHARS, shown
    alone = "".join(t for t, _ in excerpt("One NAME. Short. Next NAME.", [(4, 8), (22, 26)]))
    assert alone == "One NAME." + GAP + "Next NAME.", alone  # nothing cut: one «…» for the sentence left out


_segment = st.sampled_from(["people", "articles", "x", "index", "a-b"])
_page = st.lists(_segment, min_size=1, max_size=4).map(lambda parts: "/".join(parts) + ".md")


@given(here=_page, there=_page, directory=st.booleans(), anchor=st.sampled_from(["", "p-3"]))
def test_a_relative_link_leads_to_its_page_from_where_it_is_written(here: str, there: str, directory: bool, anchor: str) -> None:
    """Here.to, followed from the page's own URL as a browser follows it, in both URL styles, and as short as can be."""
    urls = render_html.Urls(directory)
    if urls.url(here) == urls.url(there) and here != there:  # x.md and x/index.md: one URL, no link between them
        return
    href = render_html.Here(here, urls).to(there, anchor)
    site = "http://site/d/"
    assert urljoin(site + urls.url(here), href) == site + urls.url(there) + (f"#{anchor}" if anchor else "")
    assert not href.startswith("/") and "//" not in href
    if here != there:  # and by the shortest way: Here.to's quick path (no folder in common) is the general one's
        assert href.split("#")[0] == render_html._relative(urls.url(here), urls.url(there))
