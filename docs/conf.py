"""Sphinx configuration for the newsdiff documentation (MyST Markdown, furo theme).

Two small local pieces live here rather than in a package: the ``lexicon-table``
directive, which builds the lexicon reference from the shipped TOML files so it can
never go stale, and the resolution of references to public aliases and, when the build
is offline, to other projects' docs (see ``_resolve_alias``).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import logging
import sys
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from newsdiff.lexicons import available_lexicons, load_lexicon

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

project = "newsdiff"
author = "newsdiff developers"
copyright = "2026, newsdiff developers"
release = importlib.metadata.version("newsdiff")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx_copybutton",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
nitpicky = True
# Private modules (``newsdiff._x`` or ``newsdiff.pkg._x``) are not documented on purpose;
# a public signature that names one of their types shows it as plain text.
nitpick_ignore_regex = [("py:class", r"newsdiff\.(\w+\.)*_\w+\.\w+")]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "attrs": ("https://www.attrs.org/en/stable", None),
    "pandas": ("https://pandas.pydata.org/docs", None),
}
# CI builds without a network. A short timeout keeps the failed fetch quick, and
# _offline_intersphinx below turns it, and the links it would have made, into plain text.
intersphinx_timeout = 5
intersphinx_disabled_reftypes = ["std:doc"]

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True

html_theme = "furo"
html_title = f"newsdiff {release}"
html_static_path: list[str] = []


# --- Reference resolution -------------------------------------------------------------
# Docstrings name objects as users import them ("newsdiff.Report", or a bare name the
# module imported); the reference pages document each object where it is defined
# ("newsdiff.models.Report"). _resolve_alias follows the import to the defining module.
#
# CI builds offline. Sphinx logs an unfetchable inventory as a warning with no type, so -W
# would fail and ``suppress_warnings`` cannot name it: _OfflineFilter lowers exactly that
# message to an info line, and references into a project whose inventory did not load
# (the standard library, attrs, pandas) render as plain text instead of nitpicking.
_FETCH_FAILED = "failed to reach any of the inventories"
_PROJECT_ROOTS = {
    "python": frozenset(sys.stdlib_module_names),
    "attrs": frozenset({"attrs", "attr"}),
    "pandas": frozenset({"pandas"}),
}


class _OfflineFilter(logging.Filter):
    """Lower intersphinx's "failed to reach" warning to an info record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and str(record.msg).startswith(_FETCH_FAILED):
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.nonl = False  # info lines are not terminated otherwise
            record.msg = "intersphinx offline, links to external docs become plain text: " + str(
                record.msg
            )
        return True


def _lookup(target: str, module: str | None) -> object:
    """The object a dotted name means in ``module``, or as an absolute path; else None."""
    for path in ([f"{module}.{target}"] if module else []) + [target]:
        parts = path.split(".")
        for split in range(len(parts), 0, -1):
            try:
                found: object = importlib.import_module(".".join(parts[:split]))
            except ImportError:
                continue
            try:
                for attribute in parts[split:]:
                    found = getattr(found, attribute)
            except AttributeError:
                break
            return found
    return None


def _imported_in_package(target: str, package: str) -> object:
    """What a bare name means in the modules of ``package``, if they all agree.

    Annotations that name a type imported only for type checking stay strings, so an
    object documented under its package (``newsdiff.render.open_html``) may refer to a
    name (``Path``) that only its private defining module imports.
    """
    meanings = {
        id(value): value
        for name, loaded in sorted(sys.modules.items())
        if name == package or name.startswith(package + ".")
        if (value := getattr(loaded, target, None)) is not None
    }
    return next(iter(meanings.values())) if len(meanings) == 1 else None


def _canonical_names(target: str, module: str | None) -> list[str]:
    """Where the object ``target`` names is defined, then its public aliases up the package."""
    found = _lookup(target, module)
    if found is None and module and "." not in target:
        found = _imported_in_package(target, module)
    if found is None and "." not in target:
        # The current module of a page is not always the documented object's package.
        found = _imported_in_package(target, "newsdiff")
    name = getattr(found, "__qualname__", None)
    home = getattr(found, "__module__", None)
    if found is None or not isinstance(name, str) or not isinstance(home, str):
        return []
    names = [f"{home}.{name}"]
    parts = home.split(".")
    for depth in range(len(parts) - 1, 0, -1):
        package = ".".join(parts[:depth])
        if getattr(sys.modules.get(package), name, None) is found:
            names.append(f"{package}.{name}")
    return names


def _resolve_alias(
    app: Sphinx, env: BuildEnvironment, node: nodes.Element, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve a public alias or an imported name to where the object is documented."""
    if node.get("refdomain") != "py":
        return None
    target = str(node.get("reftarget", ""))
    domain = env.get_domain("py")
    loaded = getattr(env, "intersphinx_named_inventory", {})
    for name in [*_canonical_names(target, node.get("py:module")), target]:
        if name != target:
            for role in (str(node["reftype"]), "obj"):
                resolved = domain.resolve_xref(
                    env, node["refdoc"], app.builder, role, name, node, contnode
                )
                if resolved is not None:
                    return resolved
        root = name.split(".", 1)[0]
        if root == "newsdiff" and any(part.startswith("_") for part in name.split(".")[1:-1]):
            return contnode  # private modules are not documented, as nitpick_ignore_regex says
        for project_name, roots in _PROJECT_ROOTS.items():
            if root in roots and project_name not in loaded:
                return contnode
    return None


# --- Lexicon reference ----------------------------------------------------------------
def _table(headers: tuple[str, ...], rows: list[tuple[nodes.Node, ...]]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in headers)
    head = nodes.thead()
    group += head
    head += nodes.row("", *(nodes.entry("", nodes.paragraph(text=h)) for h in headers))
    body = nodes.tbody()
    group += body
    for cells in rows:
        body += nodes.row("", *(nodes.entry("", cell) for cell in cells))
    return table


_MAX_LISTS_SHOWN = 12


def _lists_summary(terms: Mapping[str, tuple[str, ...]]) -> str:
    """Name each list with its size, or just count them when there are many (gazetteers)."""
    if len(terms) > _MAX_LISTS_SHOWN:
        return f"{len(terms)} lists, {sum(len(words) for words in terms.values())} terms"
    return ", ".join(f"{key} ({len(words)})" for key, words in terms.items())


class LexiconTable(SphinxDirective):
    """Describe every shipped lexicon from its ``[meta]`` table: a summary, then details."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        """Load each lexicon through the public loader and lay its provenance out."""
        lexicons = [load_lexicon(name) for name in available_lexicons()]
        summary = _table(
            ("File", "Lists (terms)", "Licence"),
            [
                (
                    nodes.paragraph("", "", nodes.literal(text=f"{name}.toml")),
                    nodes.paragraph(text=_lists_summary(lex.terms)),
                    nodes.paragraph(text=lex.license),
                )
                for name, lex in zip(available_lexicons(), lexicons, strict=True)
            ],
        )
        result: list[nodes.Node] = [summary]
        for name, lex in zip(available_lexicons(), lexicons, strict=True):
            # An explicit target, so pages can link here with {ref}`lexicon-<name>`.
            label = f"lexicon-{name}"
            section = nodes.section(ids=[nodes.make_id(label)], names=[label])
            section += nodes.title(text=f"{name}.toml")
            self.state.document.note_explicit_target(section)
            fields = nodes.field_list()
            for label, value in (
                ("Name", lex.name),
                ("Description", lex.description),
                ("Source", lex.source),
                ("Licence", lex.license),
                ("What we changed", lex.changes),
                ("Terms", f"{sum(len(w) for w in lex.terms.values())} in {len(lex.terms)} lists"),
            ):
                fields += nodes.field(
                    "",
                    nodes.field_name(text=label),
                    nodes.field_body("", nodes.paragraph(text=" ".join(value.split()))),
                )
            section += fields
            result.append(section)
        return result


def _drop_type_docstring(
    _app: Sphinx, what: str, _name: str, obj: object, _options: object, lines: list[str]
) -> None:
    """Drop the docstring of a constant's type (``int``, ``tuple``) that autodoc falls back to.

    A constant re-exported from a private module loses its ``#:`` comment, and autodoc
    then shows the type's own docstring ("Built-in immutable sequence"); the page says
    what the constant means in the directive's content instead.
    """
    own = inspect.getdoc(type(obj))
    if what in {"data", "attribute"} and own and "\n".join(lines).strip() == own.strip():
        lines.clear()


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the local directive and the offline intersphinx handling."""
    logging.getLogger("sphinx.sphinx.ext.intersphinx").addFilter(_OfflineFilter())
    app.connect("missing-reference", _resolve_alias, priority=900)
    app.connect("autodoc-process-docstring", _drop_type_docstring)
    app.add_directive("lexicon-table", LexiconTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
