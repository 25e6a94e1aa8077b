"""MkDocs hook: `mkdocs build` and `mkdocs serve` regenerate the dossier from seeds/.

A thin adapter over generator.build: the pages are added as virtual files, so
nothing is written into docs/ and a rebuild never triggers another one. seeds/
and generator/ are in mkdocs.yml's `watch` list, so editing a seed reloads
`mkdocs serve`. While the seeds are broken, `mkdocs serve` keeps answering with
the list of problems instead of failing the build (which would leave every
request hanging); `mkdocs build` fails with the same list.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

if TYPE_CHECKING:  # serve only: `mkdocs build` does not load the live-reload server and watchdog
    from mkdocs.livereload import LiveReloadServer

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator import background, heap  # noqa: E402
from generator.background import Background  # noqa: E402
from generator.build import generate  # noqa: E402
from generator.editor import summary  # noqa: E402
from generator.errors import InputError  # noqa: E402
from generator.export import Later  # noqa: E402
from generator.index import DossierIndex  # noqa: E402
from generator.site import fragments, navcache, parallel, stamp, state  # noqa: E402
from generator.site.direct import Converter, GeneratedPage  # noqa: E402
from generator.site.problems import nav_paths, problems_page  # noqa: E402
from generator.site.searchsite import add as add_search  # noqa: E402
from generator.site.searchsite import install as install_search  # noqa: E402
from generator.write import overlap, write_tree  # noqa: E402

log = logging.getLogger("mkdocs.plugins.dossier")
SERVE_PAGES = "build/serve-pages"
SERVE_FILES = "build/serve-files"
TEMPLATES = "build/templates"


def on_startup(command: str, dirty: bool) -> None:
    state.command = command


def on_pre_build(config: MkDocsConfig) -> None:
    heap.pause(one_shot=state.command != "serve" and not state.serving)  # see generator/heap.py


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Refuse a site_dir that MkDocs would empty on top of the project's own files, before it does."""
    root = Path(config.config_file_path).resolve().parent
    site = Path(config.site_dir)
    if (part := overlap(site, root)) is not None:
        raise PluginError(
            f"refusing to build into {site.resolve()}: it is, holds or lies inside {part}, and MkDocs empties the site folder first "
            "(fix: choose another --site-dir, e.g. site/)"
        )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).resolve().parent
    recovering, state.problems = state.problems is not None, None
    serving = state.command == "serve"
    search = install_search(files, config)
    export: list[_Later] = []  # the JSON export's files

    def ready(index: DossierIndex, pages: Mapping[str, str], other: Mapping[str, str]) -> None:
        """build: the export made and written, and the search index made, on the second core from the moment this
        process has rendered its pages (generate), while the entity pages it waits for are sent over."""
        export.extend(_Later.of(other, path, config) for path in other)
        state.export = Background(lambda: _write_all(export))
        state.search = Background(lambda: search(index, pages))

    try:
        dossier = generate(
            root, directory_urls=config.use_directory_urls, memo=state.memo if serving else None, parallel=not serving, report=serving, ready=ready
        )
    except InputError as exc:
        if not serving:
            raise PluginError(str(exc)) from None
        log.error(str(exc))
        state.problems = exc
        for path in nav_paths(config.nav):
            if (old := files.get_file_from_path(path)) is not None:
                files.remove(old)
            files.append(File.generated(config, path, content=problems_page(exc)))
        add_search(search(None, {}), files, config)
        return files
    if recovering:
        _forget_problem_pages(files, config)
    for note in dossier.report.notes:  # one summary line below; every note with `mkdocs serve -v` or `make check`
        log.debug(str(note))
    state.fragments, state.generated = {}, set(dossier.pages)
    for path in dossier.pages:
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would be overwritten by a generated page; remove or rename it")
    if serving:
        skeletons = {}
        for path, content in dossier.pages.items():
            last = state.split.get(path)
            if last is not None and last[0] == content:
                skeletons[path], state.fragments[path] = last[1], last[2]
            else:
                skeletons[path], state.fragments[path] = fragments.split(content, stamp=True)
                state.split[path] = (content, skeletons[path], state.fragments[path])
        state.split = {path: state.split[path] for path in dossier.pages if path in state.split}
        # Pages on disk, rewritten only when they change: `mkdocs serve --dirty` (make serve) then
        # rebuilds only the pages an edit touched, not the dossier.
        cache = root / SERVE_PAGES
        _write(SERVE_PAGES, skeletons, root)
        for path in skeletons:
            files.append(File.generated(config, path, abs_src_path=str(cache / path)))
    else:  # split as each page is read (on_page_markdown): the second process splits its own pages
        for path, content in dossier.pages.items():
            files.append(File.generated(config, path, content=content))
    # The JSON export: not pages. build: made and written, and the search index made, on the second core since
    # `ready` (generate tells it in every parallel run without the report: every build), added at on_env.
    if serving:
        export.extend(_Later.of(dossier.files, path, config) for path in dossier.files)
    elif state.export is None or state.search is None:
        raise PluginError("generator/site/hook.py: generate() did not tell `ready` in a build")
    for f in export:
        f.elsewhere = not serving
        files.append(f)
    # The editor's report: computed by mkdocs serve (the editor's loop) and make check, not by a build to deploy.
    told = f"editor's report: {summary(dossier.report)}" if serving else "the editor's report: make check"
    log.info("dossier: %d articles, %d generated pages; %s", len(dossier.index.articles), len(dossier.pages), told)
    if serving:
        add_search(search(dossier.index, dossier.pages), files, config)
        _on_disk(files, config, root)
    return files


def _write(folder: str, contents: dict[str, str], root: Path) -> None:
    """serve: make `root/folder` hold exactly `contents`. The first rebuild compares with the disk
    (write_tree); later ones with what this process wrote last, so unchanged files are not even read."""
    last = state.written.get(folder)
    if last is None:
        write_tree(contents, root / folder, root)
    else:
        for rel, text in contents.items():
            if last.get(rel) != text:
                path = root / folder / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text.encode("utf-8"))
        for rel in last.keys() - contents.keys():
            (root / folder / rel).unlink(missing_ok=True)
    state.written[folder] = contents


def _on_disk(files: Files, config: MkDocsConfig, root: Path) -> None:
    """serve: the other generated files (search index, export) on disk too, rewritten only when they change:
    `--dirty` copies a file from memory at every rebuild, from disk only when it is newer."""
    virtual = [f for f in files if f.abs_src_path is None and not f.is_documentation_page()]
    cache = root / SERVE_FILES
    _write(SERVE_FILES, {f.src_uri: f.content_string for f in virtual}, root)
    for f in virtual:
        files.remove(f)
        files.append(File.generated(config, f.src_uri, abs_src_path=str(cache / f.src_uri)))


class _Later(File):
    """A generated file whose content is read from its `source` only when it is written (or read): `mkdocs build`
    has the export made and written by another process (state.export) while this one makes the pages ready."""

    source: Mapping[str, str]
    replaced: str | bytes | None = None
    elsewhere = False
    """Written by another process: MkDocs' copy does nothing."""

    @classmethod
    def of(cls, source: Mapping[str, str], path: str, config: MkDocsConfig) -> _Later:
        f = cls(path, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        f.generated_by, f.source = config.plugins._current_plugin or "<unknown>", source
        return f

    @property
    def _content(self) -> str | bytes:  # what File's content_string, content_bytes and copy_file read
        return self.source[self.src_uri] if self.replaced is None else self.replaced

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:  # a plugin setting content_string
        if self.elsewhere:
            raise PluginError(f"{self.src_uri} is written by another process since on_files: set its content before the dossier's hook runs")
        self.replaced = value

    def copy_file(self, dirty: bool = False) -> None:
        if not self.elsewhere:
            super().copy_file(dirty)

    def write(self) -> None:
        """Written where MkDocs would copy it, without its log line (from another process): piece by piece, never
        held whole, unless a plugin replaced the content (export.Later.write)."""
        if isinstance(self.source, Later) and self.replaced is None:
            self.source.write(self.src_uri, Path(self.abs_dest_path))
        else:
            write_file(self.content_bytes, self.abs_dest_path)


def _write_all(export: list[_Later]) -> None:
    """The export written where MkDocs would copy it (from another process)."""
    for f in export:
        f.write()


class _Compiled(BytecodeCache):
    """Jinja's compiled templates kept in memory across `mkdocs serve` rebuilds (MkDocs makes a new
    environment for each, and compiling Material's templates again took a third of a rebuild)."""

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := state.templates.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        state.templates[bucket.key] = bucket.bytecode_to_string()


class _OnDisk(FileSystemBytecodeCache):
    """`mkdocs build`: compiled templates kept in the project's build/templates/, so a build after the first
    does not compile Material's templates again (in each process: a tenth of a build at 500 articles). Jinja
    checks each file against the template's source and the Python version; what else the compiled code
    depends on (Jinja's version, the environment's settings, extensions, filters and tests) names the
    folder. A cache that cannot be read or written is no error: the template is compiled."""

    @classmethod
    def at(cls, folder: Path, env: Environment) -> _OnDisk | None:
        folder = folder / _compiled_by(env)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return cls(str(folder))

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged file (any error unpickling it): compile the template instead
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _compiled_by(env: Environment) -> str:
    """A name for what Jinja's compiled code depends on beyond the template's source and Python's version."""

    def name(f: object) -> str:  # not repr(): a function's holds an address that changes from process to process
        return f"{getattr(f, '__module__', '')}.{getattr(f, '__qualname__', type(f).__qualname__)}" if callable(f) else repr(f)

    def named(functions: Mapping[str, object]) -> list[tuple[str, str, str]]:
        return [(n, name(f), str(getattr(f, "jinja_pass_arg", ""))) for n, f in sorted(functions.items())]

    settings = (
        jinja2.__version__,
        *(getattr(env, k) for k in ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string")),
        *(getattr(env, k) for k in ("comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix")),
        *(getattr(env, k) for k in ("trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async")),
        *(name(getattr(env, k, None)) for k in ("autoescape", "finalize", "undefined", "newstyle_gettext")),
        sorted((k, repr(v)) for k, v in env.policies.items() if not callable(v)),
        sorted(env.extensions),
        named(env.filters),
        named(env.tests),
    )
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()[:16]


POLL_S = 0.2
"""How often `mkdocs serve` looks at seeds/ and generator/ for edits (MkDocs looks every 0.5 s)."""


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """An edited seed noticed within POLL_S, not half a second: a third of the reload at 500 articles.

    MkDocs has already watched docs/ and mkdocs.yml with its own observer (polling, which works on
    every file system); that one is started here and keeps them. The `watch:` folders, watched right
    after this event, go to a second polling observer that looks more often, which MkDocs starts."""
    state.serving = True  # `mkdocs serve --clean` builds as `mkdocs build` does, but again and again, among threads:
    background.forbid()  # so no forked child (it could inherit a lock another thread holds), and no early end
    state.observer = server.observer
    state.observer.start()
    from watchdog.observers.polling import PollingObserver

    server.observer = PollingObserver(timeout=POLL_S)
    return server


@event_priority(-100)  # after every other plugin's
def on_shutdown() -> None:
    if state.observer is not None:
        state.observer.stop()
        state.observer = None
    if state.command == "build" and not state.serving and sys.exc_info()[1] is None:  # built: MkDocs calls this in a `finally`
        heap.leave()


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """The generated pages outside the navigation are converted directly where they can be
    (generator/site/direct.py); build: a second process will convert and build a share of them
    (generator/site/parallel.py)."""
    state.nav, state.theirs = nav, []
    in_nav = {page.file.src_uri for page in nav.pages}
    converter = Converter(config)
    generated = [f for f in files.documentation_pages() if f.src_uri in state.generated and f.src_uri not in in_nav]
    for f in generated:
        GeneratedPage(None, f, config).converter = converter  # becomes f.page
    if state.command != "serve" and state.problems is None:
        state.theirs = parallel.plan(generated)
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Keep compiled templates (serve: in memory; build: on disk). build: add the search index;
    every page but the second process's is converted, so start it (generator/site/parallel.py)."""
    if state.nav is not None:
        env.globals[navcache.GLOBAL] = state.same_links = navcache.SameLinks(state.nav, config)
        stamp.install(env)
    if state.command == "serve":
        env.bytecode_cache = _Compiled()
        return env
    env.bytecode_cache = _OnDisk.at(Path(config.config_file_path).resolve().parent / TEMPLATES, env)
    search, state.search = state.search, None
    if search is not None and state.nav is not None:
        state.child = parallel.start(state.theirs, files, config, state.nav, env, search)
    if search is not None and state.child is None:  # no second process: the index is added here
        add_search(search.result(), files, config)
    return env


@event_priority(100)  # before anything else reads the built site
def on_post_build(config: MkDocsConfig) -> None:
    if state.problems is not None:
        _problems_everywhere(config)
    child, state.child = state.child, None
    export, state.export = state.export, None
    heap.resume()
    try:
        if export is not None:
            export.result()
    finally:
        if child is not None:
            parallel.finish(child)


def on_build_error(error: Exception) -> None:
    heap.resume()
    export, state.export = state.export, None
    if export is not None:
        export.stop()
    search, state.search = state.search, None
    if search is not None:
        search.stop()
    child, state.child = state.child, None
    if child is not None:
        parallel.stop(child)
    _unlight()


def _unlight() -> None:
    if state.lit is not None:
        state.lit.active = False
        state.lit = None


def _forget_problem_pages(files: Files, config: MkDocsConfig) -> None:
    """After broken seeds are fixed: remove the built problem pages (in serve's own site folder), so that
    `mkdocs serve --dirty` builds those pages again even though their sources did not change."""
    for path in [*nav_paths(config.nav), *sorted(state.problem_copies)]:
        _built(path, config).unlink(missing_ok=True)
    state.problem_copies, state.problems_html = set(), ""


def _built(path: str, config: MkDocsConfig) -> Path:
    """Where a page under docs/ is built in the site folder."""
    return Path(config.site_dir) / File(path, None, config.site_dir, config.use_directory_urls).dest_uri


PROBLEMS_BASE = '<head>\n<base href="{}">'


def _problems_everywhere(config: MkDocsConfig) -> None:
    """serve, seeds broken: every page the last good rebuild generated shows the problems too, not a 404 (`mkdocs
    serve`) or its old text without a word (`--dirty`): the editor is looking at the article being edited, and the
    reload that follows the fix brings it back. Each is the home page's problem page as built, with a <base> to the
    site's root for its relative links (an in-page link, such as the skip link, so leads to the home page's problem
    list: the same list): a file per page, not a page rendered again per page, and under --dirty written again
    only when the list changed."""
    home = _built("index.md", config)
    shown = set(nav_paths(config.nav))
    if not home.is_file():
        return
    html = home.read_text(encoding="utf-8")
    if "<head>" not in html:
        return
    same = html == state.problems_html  # --dirty keeps the site folder: a copy already there is not written again
    state.problems_html = html
    for path in sorted(state.generated - shown):
        built = _built(path, config)
        if same and path in state.problem_copies and built.is_file():
            continue
        depth = built.relative_to(config.site_dir).as_posix().count("/")
        built.parent.mkdir(parents=True, exist_ok=True)
        built.write_text(html.replace("<head>", PROBLEMS_BASE.format("../" * depth or "./"), 1), encoding="utf-8")
        state.problem_copies.add(path)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """build: a generated page's raw HTML blocks set aside (generator/site/fragments.py; serve split them
    in on_files). While the seeds are broken (serve only), every page says so at its top."""
    if state.command != "serve" and page.file.src_uri in state.generated:
        markdown, state.fragments[page.file.src_uri] = fragments.split(markdown)
        return markdown
    if state.problems is None or page.file.generated_by:
        return markdown
    count = len(state.problems.problems)
    return (
        f'!!! failure "The seeds have {count} problem(s): the dossier is not rebuilt until they are fixed"\n    See the home page for the list.\n\n{markdown}'
    )


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """A page outside the navigation shows its section's tab (and its entry in the side navigation) as the reader's
    place: an article lights «المقالات», as its index does. Unlit in on_post_page, once the page is rendered."""
    _unlight()  # a page that failed before on_post_page (serve goes on) must not leave its section lit
    section = state.same_links.section_of(page) if state.same_links is not None else None
    if section is not None:
        section.active = True
        state.lit = section
    return context


@event_priority(-100)  # after theme_hook.py's fixes, which so read the theme's markup and not the dossier's
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put back the raw HTML blocks that skipped Markdown and the theme (see generator/site/fragments.py);
    unlight the section on_page_context lit."""
    _unlight()
    blocks = state.fragments.get(page.file.src_uri)
    return fragments.restore(output, blocks) if blocks else output
