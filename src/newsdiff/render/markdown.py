"""Markdown for issue trackers and notes: a summary table, then changes by severity.

Article text is escaped with backslashes (CommonMark lets any ASCII punctuation be
escaped), so a quoted ``<script>``, ``|`` or ``*`` shows as written instead of
becoming markup, a table cell or emphasis.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsdiff.models import Severity
from newsdiff.render._family import family_view
from newsdiff.render._view import (
    SEVERITY_MARKS,
    ChangeView,
    PairView,
    Piece,
    pair_view,
    percent,
)

if TYPE_CHECKING:
    from newsdiff.models import Report
    from newsdiff.render._family import Node
    from newsdiff.variants import VariantComparison

__all__ = ["escape_markdown", "render_markdown", "render_variants_markdown"]

_SPECIAL = frozenset("\\`*_[]<>#|~&")
_SPACE = re.compile(r"\s+")
_ORDER = (Severity.HIGH, Severity.MEDIUM, Severity.LOW)


def escape_markdown(text: str) -> str:
    r"""Flatten ``text`` to one line and escape what Markdown would read as markup.

    >>> print(escape_markdown("a <b>|*c*"))
    a \<b\>\|\*c\*
    """
    flat = _SPACE.sub(" ", text)
    return "".join(f"\\{char}" if char in _SPECIAL else char for char in flat)


def _evidence(label: str, pieces: tuple[Piece, ...]) -> str:
    if not pieces:
        return f"> **{label}:** _nothing_"
    body = "".join(
        f"**{escape_markdown(piece.text)}**" if piece.mark == "hit" else escape_markdown(piece.text)
        for piece in pieces
        if piece.text.strip() or not piece.mark
    )
    return f"> **{label}:** “{body.strip()}”"


def _change(change: ChangeView) -> list[str]:
    return [
        f"- **#{change.number} {change.kind_label}**: {escape_markdown(change.explanation)}",
        "",
        "  " + _evidence("Original", change.original_context),
        "  >",
        "  " + _evidence("Rewrite", change.rewrite_context),
        "",
    ]


def _pair(view: PairView, level: int) -> list[str]:
    hashes = "#" * level
    totals = ", ".join(
        f"{total} {severity.value}"
        for severity, total in zip(_ORDER, view.severity_totals, strict=True)
    )
    lines = [
        f"{hashes} {escape_markdown(view.original_name)} → {escape_markdown(view.rewrite_name)}",
        "",
        "| Measure | Original | Rewrite | Change |",
        "|---|--:|--:|--:|",
        f"| Reuse (rewrite words from the original) | | {percent(view.reuse)} | |",
        f"| Coverage (original words kept) | {percent(view.coverage)} | | |",
        f"| Changes | | {len(view.changes)} | {totals} |",
    ]
    lines += [f"| {label} | {left} | {right} | {delta} |" for label, left, right, delta in
              view.readability]  # fmt: skip
    lines += [f"| {label} per 1,000 words | {left} | {right} | {delta} |"
              for label, left, right, delta in view.tone]  # fmt: skip
    if view.counts:
        lines += ["", "| Kind | High | Medium | Low |", "|---|--:|--:|--:|"]
        lines += [f"| {label} | " + " | ".join(map(str, numbers)) + " |"
                  for label, numbers in view.counts]  # fmt: skip
    if view.quotes:
        lines += ["", "| Quotation | Original | Rewrite | Note |", "|---|---|---|---|"]
        lines += [
            f"| {status_label} | {escape_markdown(left)} | {escape_markdown(right)} | "
            f"{escape_markdown(note)} |"
            for _, status_label, left, right, note in view.quotes
        ]
    if not view.changes:
        return [*lines, "", "No changes in meaning found."]
    for severity in _ORDER:
        changes = [c for c in view.changes if c.severity == severity.value]
        if not changes:
            continue
        title = f"{SEVERITY_MARKS[severity]} {severity.value.capitalize()} ({len(changes)})"
        lines += ["", f"{hashes}# {title}", ""]
        for change in changes:
            lines += _change(change)
        if lines[-1] == "":
            lines.pop()
    return lines


def render_markdown(report: Report) -> str:
    """Render ``report`` as Markdown: a summary table, then changes by severity.

    >>> from newsdiff import compare
    >>> print(render_markdown(compare("Talks failed.", "Talks failed.")).splitlines()[0])
    # original → rewrite
    """
    return "\n".join(_pair(pair_view(report), 1)) + "\n"


def _tree(nodes: tuple[Node, ...], depth: int = 0) -> list[str]:
    lines = []
    for node in nodes:
        lines.append(
            f"{'  ' * depth}- **{escape_markdown(node.name)}**: {escape_markdown(node.reason)}"
        )
        lines += _tree(node.children, depth + 1)
    return lines


def render_variants_markdown(comparison: VariantComparison) -> str:
    """Render a variant comparison: lineage, matrices, unique content, then each pair."""
    family = family_view(comparison)
    names = [escape_markdown(name) for name in family.names]
    lines = [
        f"# {escape_markdown(family.title)}",
        "",
        "## Lineage",
        "",
        *_tree(family.tree),
    ]
    for matrix in family.matrices:
        lines += ["", f"**{matrix.caption}**", ""]
        lines += ["| " + escape_markdown(matrix.corner) + " | " + " | ".join(names) + " |"]
        lines += ["|---|" + "--:|" * len(names)]
        lines += [
            f"| {name} | " + " | ".join(row) + " |"
            for name, row in zip(names, matrix.rows, strict=True)
        ]
    lines += ["", "## Found in one version only", ""]
    lines += [
        f"- {escape_markdown(version)} · {kind}: "
        + (escape_markdown(text) if kind == "quote" else f"“{escape_markdown(text)}”")
        for version, kind, text, _ in family.unique
    ] or ["Nothing: every quotation and sentence appears in more than one version."]
    for entry in family.variants:
        lines += ["", *_pair(entry.view, 2)]
    return "\n".join(lines) + "\n"
