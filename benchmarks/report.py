"""The benchmark's results as JSON, Markdown and an SVG plot, with the machine they ran on."""

from __future__ import annotations

import datetime
import json
import os
import platform
import re
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from .profile import markdown as profile_markdown
from .project import ROOT
from .svgchart import line_chart

PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "PyYAML", "Jinja2", "playwright")
README_START, README_END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
# The targets (issue 9), checked in the Markdown report.
TARGET_RATIO, TARGET_BUILD_2000_S, TARGET_ARTICLE_KB, TARGET_ENTITY_KB, TARGET_RELOAD_S = 1.0, 20.0, 60, 150, 2.0


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float:
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        return round(kb / 1024 / 1024, 1)
    except (OSError, AttributeError):
        return 0.0


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return out + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine(chromium: str) -> dict[str, Any]:
    versions = {}
    for p in PACKAGES:
        try:
            versions[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            versions[p] = "absent"
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": _ram_gb(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": versions,
        "chromium": chromium,
        "commit": _commit(),
    }


def _kb(b: float) -> str:
    return f"{b / 1024:,.0f}" if b >= 10 * 1024 else f"{b / 1024:,.1f}"


def _on_disk(articles: int, d: dict[str, float]) -> str:
    return f"{articles:,} articles, {d['build_s']:.2f} s against {d['plain_s']:.2f} s ({d['ratio']:.2f}×)"


def _check(ok: bool) -> str:
    return "✅" if ok else "❌"


def markdown(data: dict[str, Any], plot: str = "scale.svg") -> str:
    m, rows = data["machine"], data["results"]
    columns = (
        "articles | pages | generator s | `mkdocs build` s | plain Material s | ratio ours/plain | plain Material on our pages s"
        " | build ms/article | peak MB build"
        " | largest article page KB | largest notes page KB | largest entity page KB | median page KB | search KB/article | one search downloads KB"
    )
    out = [f"| {columns} |", "|" + "---:|" * (columns.count("|") + 1)]
    for r in rows:
        s, d = r["sizes"], r["search_download"]
        out.append(
            f"| {r['articles']:,} | {s['pages']:,} | {r['generator']['median_s']:.2f} | {r['build']['median_s']:.2f} | {r['plain']['median_s']:.2f}"
            f" | **{r['ratio']:.2f}×** | {_same_pages(r)} | {1000 * r['build']['median_s'] / r['articles']:.0f} | {r['build']['max_rss_mb']:.0f}"
            f" | {_kb(s['largest_article']['bytes'])} | {_notes_kb(s)} | {_kb(s['largest_entity']['bytes'])} | {_kb(s['median_page_bytes'])}"
            f" | {r['search_kb_per_article']:.1f} | {_kb(d['total_bytes']) if d and 'error' not in d else '–'} |"
        )
    text = "\n".join(out) + "\n"
    text += f"\nMedians of {data['settings']['runs']} run(s); ratio = median of the per-run ratios of our `mkdocs build` to plain Material on the same texts.\n"
    if any(r.get("same_pages") for r in rows):
        text += (
            "Plain Material on our pages (timed once): the same Material building the pages our build makes (the generator's Markdown,"
            " entity pages and indexes included, with the Markdown extensions they are written for) without our renderer, and our build's"
            " time as a share of it.\n"
        )
    if data["settings"].get("sites_in") == "RAM":
        disk = [_on_disk(r["articles"], r["on_disk"]) for r in rows if r.get("on_disk")]
        text += (
            "The timed builds write their sites to RAM (/dev/shm), so that the ratio measures the builds and not a disk"
            " (see benchmarks/run.py, sites_folder). Written to this machine's disk, once each: " + "; ".join(disk) + ".\n"
        )
    for r in rows:
        s, d = r["sizes"], r["search_download"]
        text += (
            f"\n- **{r['articles']:,} articles** ({r['corpus']['people']} invented people, {r['corpus']['orgs']} organisations):"
            f" largest page `{s['largest_page']['path']}` {_kb(s['largest_page']['bytes'])} KB;"
            f" largest article `{s['largest_article']['path']}`{_notes_path(s)}, largest entity `{s['largest_entity']['path']}`;"
            f" search index {_kb(s['search_bytes'])} KB; export {_kb(s['export_bytes'])} KB{_entity_export(s)};"
            f" site {s['site_bytes'] / 2**20:,.1f} MB;"
            f" generator peak {r['generator']['max_rss_mb']:.0f} MB;"
            f" run again with nothing changed, it rewrote {r['generator_again']['rewritten']:,} of {r['generator_again']['files']:,} pages"
            f" in {r['generator_again']['seconds']:.2f} s."
        )
        if d and "error" in d:
            text += f" The search in Chromium failed: {d['error']}"
        elif d:
            text += (
                f" One search for «{d['query']}»: {d['requests']} responses, {_kb(d['total_bytes'])} KB"
                f" ({_kb(d['home_bytes'])} KB to load the home page, {_kb(d['after_typing_bytes'])} KB after typing);"
                f" largest `{d['largest'][0]['path']}` {_kb(d['largest'][0]['bytes'])} KB."
            )
    serve = data.get("serve")
    if serve and "error" in serve:
        text += f"\n\n`mkdocs serve` at {serve['articles']:,} articles failed: {serve['error']}"
    elif serve:
        text += (
            f"\n\n`{serve.get('command', 'mkdocs serve').strip()}` at {serve['articles']:,} articles: an appended word shows in the open page"
            f" **{serve['reload_s']:.1f} s** after the edit (rebuild {serve['rebuild_s']} s; first build {serve['first_build_s']:.0f} s)."
        )
    if data.get("profile"):
        text += "\n\n" + profile_markdown(data["profile"], data["profile"]["articles"])
    slope = data.get("slope_ms_per_article")
    if slope:
        text += (
            f"\n\nSlope from {slope['from']:,} to {slope['to']:,} articles:"
            f" generator {slope['generator']:.1f} ms/article, whole build {slope['build']:.1f} ms/article."
        )
    text += "\n\n" + _targets(data) + "\n"
    text += (
        f"\nMachine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, load {m['load_average_at_start']} at start; {m['os']};"
        f" Python {m['python']}; " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()) + f"; Chromium {m['chromium']};"
        f" commit {m['commit']}; {m['date']}; the whole suite took {data['wall_s'] / 60:.1f} min.\n"
    )
    return text


def _same_pages(result: dict[str, Any]) -> str:
    """Plain Material on our pages, and our build's time as a share of it ('–' in results from before it was measured)."""
    same = result.get("same_pages")
    return f"{same['seconds']:.2f} (ours {same['ratio']:.2f}×)" if same else "–"


def _entity_export(sizes: dict[str, Any]) -> str:
    page = sizes.get("largest_entity_export") or {}
    return f" (largest per entity `{page['path']}` {_kb(page['bytes'])} KB)" if page.get("path") else ""


def _notes_kb(sizes: dict[str, Any]) -> str:
    """The largest notes page (articles/<id>/notes/), kept apart from the article pages; '–' in results from before they existed."""
    page = sizes.get("largest_notes") or {}
    return _kb(page["bytes"]) if page.get("path") else "–"


def _notes_path(sizes: dict[str, Any]) -> str:
    page = sizes.get("largest_notes") or {}
    return f", largest notes page `{page['path']}`" if page.get("path") else ""


def _targets(data: dict[str, Any]) -> str:
    rows = ["| target (issue 9) | measured | met |", "|---|---|---|"]
    for r in data["results"]:
        if r["articles"] >= 500:
            rows.append(f"| ratio ≤ {TARGET_RATIO} at {r['articles']:,} | {r['ratio']:.2f} | {_check(r['ratio'] <= TARGET_RATIO)} |")
        if r["articles"] >= 2000:
            t = r["build"]["median_s"]
            rows.append(f"| build ≤ {TARGET_BUILD_2000_S:.0f} s at {r['articles']:,} | {t:.1f} s | {_check(t <= TARGET_BUILD_2000_S)} |")
    big_article = max(data["results"], key=lambda r: r["sizes"]["largest_article"]["bytes"])
    kb = big_article["sizes"]["largest_article"]["bytes"] / 1024
    rows.append(f"| every article page ≤ {TARGET_ARTICLE_KB} KB | {kb:.0f} KB at {big_article['articles']:,} | {_check(kb <= TARGET_ARTICLE_KB)} |")
    last = data["results"][-1]
    kb = last["sizes"]["largest_entity"]["bytes"] / 1024
    rows.append(f"| entity page ≤ {TARGET_ENTITY_KB} KB (at 2,000) | {kb:,.0f} KB at {last['articles']:,} | {_check(kb <= TARGET_ENTITY_KB)} |")
    again = last["generator_again"]
    measured = f"{again['rewritten']:,} of {again['files']:,} pages rewritten on a rerun"
    rows.append(f"| the generator writes only files whose content changed | {measured} | {_check(again['rewritten'] == 0)} |")
    if data.get("serve") and "error" in data["serve"]:
        rows.append(f"| `mkdocs serve` reload ≤ {TARGET_RELOAD_S:.0f} s at 500 | failed at {data['serve']['articles']:,}: {data['serve']['error'][:80]} | ❌ |")
    elif data.get("serve"):
        s = data["serve"]
        ok = _check(s["reload_s"] <= TARGET_RELOAD_S)
        rows.append(f"| `mkdocs serve` reload ≤ {TARGET_RELOAD_S:.0f} s at 500 | {s['reload_s']:.1f} s at {s['articles']:,} | {ok} |")
    return "\n".join(rows)


def plot(data: dict[str, Any]) -> str:
    rows = data["results"]
    xs = [r["articles"] for r in rows]
    return line_chart(
        "Build time against the number of articles",
        "articles",
        "seconds (median)",
        xs,
        {
            "mkdocs build (ours)": [r["build"]["median_s"] for r in rows],
            "plain Material": [r["plain"]["median_s"] for r in rows],
            "generator alone": [r["generator"]["median_s"] for r in rows],
        },
    )


def write(data: dict[str, Any], out: Path, stem: str = "scale") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files = [out / f"{stem}.json", out / f"{stem}.md", out / f"{stem}.svg"]
    files[0].write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    files[1].write_text(f"# Benchmark: the dossier against plain Material\n\n![Build time against articles]({stem}.svg)\n\n" + markdown(data), encoding="utf-8")
    files[2].write_text(plot(data), encoding="utf-8")
    return files


def update_readme(data: dict[str, Any], readme: Path, results: Path) -> bool:
    """Replace the README's block between the benchmark markers with the plot and the table."""
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return False
    rel = results.resolve().relative_to(ROOT).as_posix() if results.resolve().is_relative_to(ROOT) else results.as_posix()
    block = f"{README_START}\n![Build time against the number of articles]({rel}/scale.svg)\n\n{markdown(data)}{README_END}"
    head, rest = text.split(README_START, 1)
    readme.write_text(head + block + rest.split(README_END, 1)[1], encoding="utf-8")
    return True
