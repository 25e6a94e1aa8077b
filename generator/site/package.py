"""Pack a built site into a zip a reader can unpack anywhere, plus its SHA-256.

The zip is reproducible: entries sorted, fixed permissions, and every date
taken from SOURCE_DATE_EPOCH (the last commit, via the Makefile) instead of
the files' mtimes, so the same sources give the same bytes and checksum.
Usage: python -m generator.package SITE_DIR OUT.zip
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
import zipfile
from pathlib import Path

ZIP_EPOCH = 315532800  # 1980-01-01, the earliest date a zip entry can hold


def zip_date(environ: dict[str, str] | os._Environ[str] = os.environ) -> tuple[int, int, int, int, int, int]:
    """The date every entry gets: SOURCE_DATE_EPOCH (UTC), or 1980-01-01 when unset."""
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    epoch = max(int(raw), ZIP_EPOCH) if raw else ZIP_EPOCH
    return time.gmtime(epoch)[:6]


def pack(site: Path, out: Path, top: str | None = None) -> str:
    """Zip every file of `site` under the folder `top` (default: the zip's stem); return the SHA-256."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site}/index.html not found: build the site first (fix: make offline)")
    top = top or out.stem
    date = zip_date()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        # Sorted as the names in the zip read (export.html before export/…), not as path parts.
        for path in sorted((p for p in site.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site).as_posix()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(site).as_posix()}", date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # unix, whatever machine packs it
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(out)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    out.with_name(out.name + ".sha256").write_text(f"{digest}  {out.name}\n", encoding="utf-8")
    return digest


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    site, out = Path(argv[0]), Path(argv[1])
    digest = pack(site, out)
    print(f"{out} ({out.stat().st_size} bytes) sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
