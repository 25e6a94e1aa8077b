"""The benchmark's synthetic corpus: varied, deterministic, valid, and every invented name in the text."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.corpus import ARTICLES, corpus_project, make_corpus
from generator.build import generate
from tests.conftest import ROOT


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def test_corpus_is_deterministic_and_varied() -> None:
    a, b = make_corpus(ROOT, 20), make_corpus(ROOT, 20)
    assert a == b
    seeds = {p.read_text(encoding="utf-8") for p in (ROOT / ARTICLES).glob("*.txt")}
    texts = list(a.texts.values())
    assert len(texts) == 15 and len(set(texts) | seeds) == 20, "no two articles alike"
    bodies = [set(t.splitlines()[1:]) for t in texts]
    shared = [len(x & y) / len(x) for i, x in enumerate(bodies) for y in bodies[i + 1 :]]
    assert max(shared) < 0.5, "articles are recombined, not copied"


DIGEST = """
import hashlib, json
from benchmarks.corpus import make_corpus
from benchmarks.project import ROOT
c = make_corpus(ROOT, 40)
print(hashlib.sha256(json.dumps([c.texts, c.articles, c.people, c.orgs, c.events, c.annotations], ensure_ascii=False).encode()).hexdigest())
"""


def test_corpus_is_the_same_in_every_process() -> None:
    digests = {
        subprocess.run([sys.executable, "-c", DIGEST], cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_every_invented_spelling_occurs_in_the_texts() -> None:
    corpus = make_corpus(ROOT, 30)
    text = "\n".join(corpus.texts.values())
    assert len(corpus.people) >= 100
    for person in corpus.people:
        for spelling in [person["name"], *person["aliases"], *person["short"]]:  # type: ignore[misc]
            assert spelling in text, f"{person['id']}: «{spelling}» never written"
    for org in corpus.orgs:
        assert org["name"] in text or org["latin"] in text, org["id"]


def test_corpus_builds_without_errors_and_leaves_the_seeds_alone(tmp_path: Path) -> None:
    before = _digest(ROOT / "seeds")
    project, corpus = corpus_project(tmp_path / "p", 12)
    assert _digest(ROOT / "seeds") == before
    index = generate(project).index  # raises InputError on any quote not found, unknown id, name clash
    assert len(index.articles) == 12
    assert len(corpus.events) >= 1 and len(corpus.annotations) >= 1
    for record in corpus.people + corpus.orgs:
        assert index.mentions_of(str(record["id"])), f"{record['id']} is never linked"
    linked = {index.block_text(m.article, m.block)[m.name_start : m.end] for p in corpus.people for m in index.mentions_of(str(p["id"]))}
    assert any(s.isascii() for s in linked) and len(linked) > 3 * len(corpus.people), "Arabic, variant and Latin spellings are all linked"
