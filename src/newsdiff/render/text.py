"""Terminal text: a one-line summary, then the changes grouped by severity with evidence.

Colour is opt-in (``color=True``): the command line turns it on for a terminal and off
when output is piped or ``NO_COLOR`` is set. Severity always reads as a word and a
shape as well, and evidence lines start with ``-`` or ``+``, so nothing depends on
colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from newsdiff.models import Severity
from newsdiff.render._family import family_view
from newsdiff.render._view import SEVERITY_MARKS, ChangeView, PairView, pair_view

if TYPE_CHECKING:
    from collections.abc import Mapping

    from newsdiff.models import Report
    from newsdiff.render._family import Node
    from newsdiff.variants import VariantComparison

__all__ = ["render_text", "render_variants_text", "use_color"]

_SEVERITY_COLOURS = {"high": "\x1b[1;31m", "medium": "\x1b[1;33m", "low": "\x1b[1;36m"}
_RED, _GREEN, _DIM, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"
_ORDER = (Severity.HIGH, Severity.MEDIUM, Severity.LOW)


def use_color(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Whether to colour output for ``stream``: only a terminal, and never under ``NO_COLOR``.

    Follows https://no-color.org: a ``NO_COLOR`` variable that is set and not empty turns
    colour off whatever the stream.

    >>> import io
    >>> use_color(io.StringIO(), {})
    False
    """
    if environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class _Style:
    """ANSI sequences when colour is on, empty strings when it is off."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.color and text else text


def _clip(text: str, limit: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def _summary(view: PairView, style: _Style) -> str:
    count = len(view.changes)
    line = (
        f"{style(_BOLD, f'{view.original_name} -> {view.rewrite_name}')}: "
        f"reuse {view.reuse:.1%}, coverage {view.coverage:.1%}, "
        f"{count} change{'' if count == 1 else 's'}"
    )
    if count:
        line += (
            " ("
            + ", ".join(
                f"{total} {severity.value}"
                for severity, total in zip(_ORDER, view.severity_totals, strict=True)
            )
            + ")"
        )
    return line


def _change_lines(change: ChangeView, style: _Style) -> list[str]:
    head = f"  {change.severity_mark} {style(_BOLD, change.kind_label)}: {change.explanation}"
    lines = [head]
    lines += [f"      {style(_RED, '- ' + _clip(text))}" for text in change.original]
    lines += [f"      {style(_GREEN, '+ ' + _clip(text))}" for text in change.rewrite]
    return lines


def _pair_text(view: PairView, style: _Style) -> list[str]:
    lines = [_summary(view, style)]
    for severity in _ORDER:
        changes = [c for c in view.changes if c.severity == severity.value]
        if not changes:
            continue
        mark = SEVERITY_MARKS[severity]
        lines += ["", style(_SEVERITY_COLOURS[severity.value], f"{mark} {severity.value.upper()}")]
        for change in changes:
            lines += _change_lines(change, style)
    return lines


def render_text(report: Report, *, color: bool = False) -> str:
    """Render ``report`` as terminal text; ``color`` adds ANSI colours.

    >>> from newsdiff import compare
    >>> print(render_text(compare("Talks failed.", "Talks failed.")))
    original -> rewrite: reuse 100.0%, coverage 100.0%, 0 changes
    """
    return "\n".join(_pair_text(pair_view(report), _Style(color)))


def _tree_lines(nodes: tuple[Node, ...], style: _Style, depth: int = 0) -> list[str]:
    lines = []
    for number, node in enumerate(nodes, start=1):
        branch = "\u2514\u2500 " if number == len(nodes) else "\u251c\u2500 "
        indent = "  " * depth + (branch if depth else "")
        lines.append(f"  {indent}{style(_BOLD, node.name)}  {style(_DIM, node.reason)}")
        lines += _tree_lines(node.children, style, depth + 1)
    return lines


def _matrix_lines(names: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[str]:
    width = max(6, *(len(name) for name in names))
    lines = ["  " + " " * width + "".join(f"{name:>{width + 2}}" for name in names)]
    lines += [
        "  " + f"{name:<{width}}" + "".join(f"{cell:>{width + 2}}" for cell in row)
        for name, row in zip(names, rows, strict=True)
    ]
    return lines


def render_variants_text(
    comparison: VariantComparison, *, color: bool = False, details: bool = True
) -> str:
    r"""Render a variant comparison: lineage, matrices, unique content, then each pair.

    Args:
        comparison: What :func:`newsdiff.variants.compare_variants` returned.
        color: Add ANSI colours.
        details: Follow the overview with each pairwise report; ``False`` keeps only the
            overview and one summary line per variant.

    Returns:
        The text, lines joined with ``\\n`` and no final newline.
    """
    style = _Style(color)
    family = family_view(comparison)
    lines = [style(_BOLD, family.title), ""]
    lines += ["Lineage:", *_tree_lines(family.tree, style), ""]
    for matrix in family.matrices:
        lines += [f"{matrix.caption}:", *_matrix_lines(family.names, matrix.rows), ""]
    lines.append("Found in one version only:")
    lines += [
        f"  {version} {kind}: {_clip(text, 100)}" for version, kind, text, _ in family.unique
    ] or ["  nothing"]
    if details:
        for entry in family.variants:
            lines += ["", style(_DIM, "\u2500" * 60), *_pair_text(entry.view, style)]
    else:
        lines += ["", *(_summary(entry.view, style) for entry in family.variants)]
    return "\n".join(lines)
