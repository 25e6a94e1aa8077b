"""The linker on real sentences of the seeds: proclitics, spellings, boundaries, short forms.

Unit tests use a small inline knowledge base; the last tests run the real
KB over the real articles, with counts worked out by hand from the text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.errors import Report
from generator.kb.load import load_kb
from generator.kb.schema import Entity, EntityKind
from generator.link.names import Linker, link_all
from generator.model import Article, ArticleMeta, Block, Kind
from generator.read import read_articles

ROOT = Path(__file__).resolve().parent.parent


def person(id: str, name: str, aliases: tuple[str, ...] = (), short: tuple[str, ...] = (), kind: str = "person") -> Entity:
    return Entity(id, name, "", EntityKind(kind), "seeds/people.yml", 1, aliases, short)


ALTMAN = person("sam-altman", "سام ألتمان", short=("ألتمان", "سام"))
OPENAI = person("openai", "OpenAI", aliases=("أوبيناي",), kind="company")
SHEAR = person("emmett-shear", "إيميت شير", aliases=("Emmett Shear",), short=("شير",))
SUTSKEVER = person("ilya-sutskever", "إيليا سوتسكيفر", aliases=("إيليا سوتسكفير",), short=("سوتسكيفر",))
META = person("meta", "ميتا", aliases=("Meta",), kind="company")
AGI = person("agi", "الذكاء الاصطناعي العام", aliases=("AGI",), kind="concept")
KB = [ALTMAN, OPENAI, SHEAR, SUTSKEVER, META, AGI]


def article(*paragraphs: str) -> Article:
    blocks = tuple(Block(Kind.PARAGRAPH, t, i + 3, i + 1) for i, t in enumerate(paragraphs))
    return Article(ArticleMeta("t.txt", "t"), "seeds/articles/t.txt", "عنوان", 1, blocks, ())


def found(paragraphs: tuple[str, ...] | str, entities: list[Entity] = KB) -> list[tuple[str, str]]:
    """(entity, linked text) for every mention, in reading order."""
    paragraphs = (paragraphs,) if isinstance(paragraphs, str) else paragraphs
    art = article(*paragraphs)
    mentions, _ = Linker(entities).link(art)
    texts = {b.number: b.text for b in art.blocks}
    return [(m.entity, texts[m.block][m.start : m.end]) for m in mentions]


def test_attached_proclitics_are_part_of_the_linked_word() -> None:
    # 001, paragraph 7 and 004: real sentences.
    text = (
        "سام ألتمان. مما يشير إلى أنها كانت تتداول منذ وقت قريب من الفصل الغير متوقع لألتمان. "
        "أثار مخاوف بشأن أسلوبه القيادي مع مجلس الإدارة وألتمان بشكل مباشر. أطاح مجلس إدارة الشركة بألتمان فجأة"
    )
    assert found(text) == [("sam-altman", "سام ألتمان"), ("sam-altman", "لألتمان"), ("sam-altman", "وألتمان"), ("sam-altman", "بألتمان")]


def test_la_with_tatweel_before_latin_with_and_without_space() -> None:
    # 001: «كرئيسة تنفيذية مؤقتة لـ OpenAI»; the same without the space, as writers also type it.
    assert found("التي تم تعيينها كرئيسة تنفيذية مؤقتة لـ OpenAI بعد فصل") == [("openai", "OpenAI")]
    assert found("التي تم تعيينها كرئيسة تنفيذية مؤقتة لـOpenAI بعد فصل") == [("openai", "لـOpenAI")]
    assert found("وMeta فـOpenAI وبـOpenAI") == [("meta", "وMeta"), ("openai", "فـOpenAI"), ("openai", "وبـOpenAI")]


def test_hamza_alef_variants_diacritics_and_tatweel() -> None:
    # The seeds write both إيليا سوتسكيفر and إيليا سوتسكفير; a reader may drop the hamza or add harakat.
    assert found("رئيس العلماء في OpenAI، إيليا سوتسكفير، الذي") == [("openai", "OpenAI"), ("ilya-sutskever", "إيليا سوتسكفير")]
    assert found("ايليا سوتسكيفر وسَامْ ألتمانُ وميتـا") == [("ilya-sutskever", "ايليا سوتسكيفر"), ("sam-altman", "وسَامْ ألتمانُ"), ("meta", "وميتـا")]


def test_latin_names_in_any_case_and_glued_to_the_arabic_comma() -> None:
    # 003: «وتم تعيين Emmett Shear، الرئيس التنفيذي السابق»
    assert found("وتم تعيين Emmett Shear، الرئيس التنفيذي السابق") == [("emmett-shear", "Emmett Shear")]
    assert found("openai و OPENAI وOpenAI،") == [("openai", "openai"), ("openai", "OPENAI"), ("openai", "وOpenAI")]


def test_never_inside_another_word() -> None:
    # 001: «مما يشير إلى أنها» must not link شير, even after إيميت شير appeared; nor ميتا inside a word.
    text = "تم تعيين إيميت شير، الرئيس التنفيذي. مما يشير إلى أنها. ويشير التقرير. وسيخلف شير ميرا"
    assert found(text) == [("emmett-shear", "إيميت شير"), ("emmett-shear", "شير")]
    assert found("الميتافيرس وميتاداتا وOpenAIs وAGIs") == []


def test_short_form_only_after_the_full_name() -> None:
    # 001, paragraphs 14 and 15 in the other order: «وسيخلف شير» before «إيميت شير» is not linked.
    before = ("وسيخلف شير ميرا موراتي.", "تم تعيين إيميت شير، الرئيس التنفيذي السابق لـ Twitch.", "وسيخلف شير ميرا موراتي.")
    assert found(before) == [("emmett-shear", "إيميت شير"), ("emmett-shear", "شير")]
    # The short form is linked in a later paragraph, to the right paragraph.
    mentions, _ = Linker(KB).link(article(*before))
    assert [(m.block, m.short) for m in mentions] == [(2, False), (3, True)]


def test_ambiguous_short_form_is_skipped_and_reported() -> None:
    altman2 = person("jack-altman", "جاك ألتمان", short=("ألتمان",))
    art = article("سام ألتمان وجاك ألتمان أخوان.", "وقال ألتمان إن")
    mentions, ambiguous = Linker([ALTMAN, altman2]).link(art)
    assert [m.entity for m in mentions] == ["sam-altman", "jack-altman"]
    assert [(a.block, a.text, a.candidates) for a in ambiguous] == [(2, "ألتمان", ("jack-altman", "sam-altman"))]


def test_article_names_with_lam() -> None:
    # ل + الذكاء → للذكاء: the alef of the article falls.
    assert found("بالنسبة للذكاء الاصطناعي العام وبالذكاء الاصطناعي العام") == [("agi", "للذكاء الاصطناعي العام"), ("agi", "وبالذكاء الاصطناعي العام")]
    assert found("لذكاء الاصطناعي العام") == []


def test_the_regex_is_one_trie_not_one_branch_per_name() -> None:
    linker = Linker(KB)
    pattern = linker.regex.pattern  # type: ignore[union-attr]
    # سام ألتمان and سام share their first letters: they appear once, factored.
    assert pattern.count("س") < sum(n.count("س") for n in linker.names)


# --- the real knowledge base over the real articles -------------------------


@pytest.fixture(scope="module")
def real() -> tuple[list[Article], list[Entity], object]:
    report = Report()
    articles = read_articles(ROOT, report)
    kb = load_kb(ROOT, articles, report)
    assert report.errors == []
    return articles, list(kb.entities), link_all(articles, kb.entities)


def test_real_counts_worked_out_by_hand(real) -> None:  # type: ignore[no-untyped-def]
    articles, _, links = real
    by = lambda entity, art: [m for m in links.mentions if m.entity == entity and m.article == art]  # noqa: E731
    # 001 names إيميت شير once in full (paragraph 14), then «وسيخلف شير» (15); «مما يشير» (8) and
    # «وتشير التقارير» (17) are verbs, not him.
    shear = by("emmett-shear", "openai-staff-threaten-microsoft-2023")
    assert [(m.block, m.short) for m in shear] == [(14, False), (15, True)]
    # 003: «Emmett Shear» (11), «أعلن عنه شير» and «ونفى شير» (both in 17); «يشير AGI» (19) is a verb.
    shear = by("emmett-shear", "altman-firing-revolt-return-2023")
    assert [(m.block, m.short) for m in shear] == [(11, False), (17, True), (17, True)]
    # 000 mentions nobody called شير: «ويشير المطلع» (8) is a verb.
    assert by("emmett-shear", "openai-research-exodus-2025") == []
    # 004 writes ميرا موراتي once in full (paragraph 1); every later موراتي and ميرا is hers.
    murati = by("mira-murati", "murati-departs-openai-2024")
    assert murati[0].short is False and murati[0].block == 1 and all(m.short for m in murati[1:])


def test_no_link_is_part_of_a_longer_word(real) -> None:  # type: ignore[no-untyped-def]
    articles, _, links = real
    texts = {(a.id, b.number): b.text for a in articles for b in a.blocks}
    assert len(links.mentions) > 250
    for m in links.mentions:
        text = texts[(m.article, m.block)]
        before = text[m.start - 1] if m.start else " "
        after = text[m.end] if m.end < len(text) else " "
        assert not before.isalnum() and not after.isalnum(), (m, text[max(0, m.start - 10) : m.end + 10])


def test_every_person_named_in_full_has_a_page_and_is_found(real) -> None:  # type: ignore[no-untyped-def]
    articles, entities, links = real
    body = "\n".join(b.text for a in articles for b in a.numbered)
    mentioned = {m.entity for m in links.mentions}
    for e in entities:
        if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", body) for n in e.full_names):
            assert e.id in mentioned, e.id


def test_segments_keep_links_and_markers_apart_and_escaped() -> None:
    from generator.render.markdown import Span, segments

    # 003, paragraph 6: a note on «ميرا موراتي، الرئيس التنفيذي للتكنولوجيا في الشركة» starts where a link does.
    text = "قامت شركة OpenAI بتعيين ميرا موراتي، الرئيس التنفيذي للتكنولوجيا في الشركة، في منصب"
    mira = text.index("ميرا")
    note_end = text.index("، في")
    spans = [
        Span(mira, mira + len("ميرا موراتي"), "../people/mira-murati.md", "ميرا موراتي"),
        Span(mira, note_end, after="[1](#ann-x)"),
        Span(text.index("OpenAI"), text.index("OpenAI") + 6, "../orgs/openai.md"),
        Span(text.index("OpenAI") + 2, text.index("OpenAI") + 6, after="[2](#ann-y)"),
    ]
    assert segments(text, spans) == (
        'قامت شركة <a href="../orgs/openai.md"><bdi>OpenAI</bdi></a>[2](#ann-y) بتعيين '
        '<a href="../people/mira-murati.md" title="ميرا موراتي">ميرا موراتي</a>، الرئيس التنفيذي للتكنولوجيا في الشركة'
        "[1](#ann-x)، في منصب"
    )
    # Markup in the text stays text: HTML is escaped (the page puts it in a raw HTML block, which Markdown leaves alone).
    assert segments("قال <b>x</b> & [y](z)", []) == "قال &lt;<bdi>b</bdi>&gt;<bdi>x</bdi>&lt;/<bdi>b</bdi>&gt; &amp; [<bdi>y</bdi>](<bdi>z</bdi>)"


def test_a_one_letter_latin_name_is_linked_only_as_written() -> None:
    """X (the platform) is linked where the text writes X, never the letter x inside running text."""
    x = Entity("x-platform", "X", "X", EntityKind.PLATFORM, "seeds/organisations.yml", 1)
    article = Article(ArticleMeta("t.txt", "t"), "seeds/articles/t.txt", "t", 1, (Block(Kind.PARAGRAPH, "نشر على X أن محور x في المعادلة", 2, 1),), ())
    mentions, _ = Linker([x]).link(article)
    assert [(m.start, m.end) for m in mentions] == [(8, 9)]
