"""The search's JavaScript (generator/arabic.js, as the hook serves it) against arabic.py.

Runs in headless Chromium: the shared case table, then every word of every seed
article through both implementations, which must agree character for character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from generator import arabic
from generator.site.search import worker_script

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "arabic.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def js(browser) -> Iterator[Page]:
    """A blank page with the Arabic folding script loaded (it defines self.dossierArabic)."""
    page = browser.new_page()
    page.add_script_tag(content=worker_script())
    yield page
    page.close()


def run(page: Page, fn: str, inputs: list[str]) -> list[str]:
    return page.evaluate(f"xs => xs.map(x => self.dossierArabic.{fn}(x))", inputs)


@pytest.mark.parametrize("section", ["fold", "key"])
def test_case_table(js: Page, section: str) -> None:
    inputs = [text for text, _ in CASES[section]]
    expected = [out for _, out in CASES[section]]
    assert run(js, section, inputs) == expected


def seed_words() -> list[str]:
    words: set[str] = set()
    for path in sorted((ROOT / "seeds" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words.update(re.split(r"\s+", text))
        words.update(re.split(r"[\s\-،؛؟!?.,:«»“”\"()\[\]{}]+", text))
    return sorted(w for w in words if w)


def test_every_seed_word_folds_the_same_in_both(js: Page) -> None:
    words = seed_words()
    assert len(words) > 1000
    assert run(js, "fold", words) == [arabic.fold(w) for w in words]
    assert run(js, "key", words) == [arabic.key(w) for w in words]


def test_every_character_folds_the_same_in_both(js: Page) -> None:
    """Each code point of the BMP alone, and one whole text of them: the tables cannot drift."""
    chars = [chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c < 0xE000]
    assert run(js, "fold", chars) == [arabic.fold(c) for c in chars]
    text = "".join(chars)
    assert run(js, "fold", [text]) == [arabic.fold(text)]
