"""The JSON export's bytes: each file is the canonical compact encoding of its records, however it is put together."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator import export
from generator.build import generate
from generator.export import WHOLE, _mention, _mention_json, entity_path, export_later
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def dossier():
    return generate(ROOT)


def _canonical(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def test_every_exported_file_is_its_records_encoded_at_once(dossier) -> None:
    files = export_later(dossier.index)
    index = dossier.index
    whole = files[WHOLE]
    assert whole == _canonical(json.loads(whole))
    assert json.loads(whole)["mentions"] == [_mention(index, m) for m in index.mentions]
    for e in index.entities:
        one = files[entity_path(e)]
        assert one == _canonical(json.loads(one)), e.id
        assert json.loads(one)["mentions"] == [_mention(index, m) for m in index.mentions_of(e.id)]


@pytest.mark.parametrize("chunk", [1, 3, 2048])
def test_a_file_written_piece_by_piece_is_the_file(dossier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """Later.write streams the pieces (mention arrays cut every CHUNK records): the same bytes as the whole string,
    with or without a character beyond the Basic Multilingual Plane, and nothing kept."""
    monkeypatch.setattr(export, "CHUNK", chunk)
    index = dossier.index
    emoji = replace(index, articles=(replace(index.articles[0], title=index.articles[0].title + " 📁"), *index.articles[1:]))
    for idx in (index, emoji):
        files, written = export_later(idx), export_later(idx)
        for path in [WHOLE, *(entity_path(e) for e in idx.entities[:5])]:
            written.write(path, tmp_path / path)
            assert (tmp_path / path).read_bytes() == files[path].encode("utf-8"), path
            assert files[path] == _canonical(json.loads(files[path])), path
            assert not written._made
    assert "📁" in (tmp_path / WHOLE).read_text(encoding="utf-8")


class _Text:
    """An index whose paragraphs all read `text`."""

    def __init__(self, text: str) -> None:
        self.text = text

    def block_text(self, article: str, number: int) -> str:
        return self.text


@pytest.mark.parametrize("text", ['«ألتمان» "قال" \\ <b>{{x}}</b>', "\u202eمعكوس\u202c\n\t\x00", "Sam Altman"])
def test_a_mention_written_out_is_its_record_encoded(dossier, text: str) -> None:
    m = dossier.index.mentions[0]._replace(start=0, end=len(text))
    for short in (False, True):
        one = m._replace(short=short)
        assert _mention_json(_Text(text), one) == _canonical(_mention(_Text(text), one)).rstrip("\n")  # type: ignore[arg-type]
