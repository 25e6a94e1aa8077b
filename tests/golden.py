"""Golden files of the reader: `python -m tests.golden` (or `make golden`) rewrites them.

Review the diff before committing: a changed golden file means readers see a
changed article.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.errors import Report
from generator.read import read_articles

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def structure(root: Path = ROOT) -> dict[str, str]:
    """Each article's parsed structure as JSON text, keyed by golden file name."""
    report = Report()
    out = {}
    for article in read_articles(root, report):
        data = {
            "file": article.path,
            "id": article.id,
            "title": article.title,
            "title_line": article.title_line,
            "byline": article.byline,
            "reading_minutes": article.reading_minutes,
            "reading_stated": article.reading_stated,
            "blocks": [{"line": b.line, "kind": b.kind.value, "number": b.number, "section": b.section, "text": b.text} for b in article.blocks],
            "dropped": [{"line": d.line, "rule": d.rule, "text": d.text} for d in article.dropped],
        }
        out[Path(article.path).stem + ".json"] = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    report.raise_if_errors()
    return out


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, text in structure().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"wrote tests/golden/{name}")


if __name__ == "__main__":
    main()
