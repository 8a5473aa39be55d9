"""A variant comparison taken apart for display: matrices, lineage tree, unique content."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from newsdiff.render._view import PairView, pair_view

if TYPE_CHECKING:
    from newsdiff.variants import VariantComparison

__all__ = ["FamilyView", "Matrix", "Node", "VariantEntry", "family_view"]


@attrs.frozen
class Node:
    """A version in the lineage tree, with the versions derived from it."""

    name: str
    anchor: str
    reason: str
    children: tuple[Node, ...]


@attrs.frozen
class Matrix:
    """A matrix of percentages with its caption; ``rows[i][j]`` is already formatted."""

    caption: str
    corner: str
    rows: tuple[tuple[str, ...], ...]


@attrs.frozen
class VariantEntry:
    """One variant: its name, the anchor of its pairwise view, and the view."""

    name: str
    anchor: str
    view: PairView


@attrs.frozen
class FamilyView:
    """Everything a renderer shows for a variant comparison."""

    original: str
    names: tuple[str, ...]
    variants: tuple[VariantEntry, ...]
    tree: tuple[Node, ...]
    matrices: tuple[Matrix, ...]
    unique: tuple[tuple[str, str, str, str], ...]

    @property
    def title(self) -> str:
        """``original and 3 variants`` (or ``1 variant``)."""
        count = len(self.variants)
        return f"{self.original} and {count} variant{'' if count == 1 else 's'}"


def _cell(value: float, diagonal: bool) -> str:
    return "\u2014" if diagonal else f"{value:.0%}"


def family_view(comparison: VariantComparison) -> FamilyView:
    """Take ``comparison`` apart into what a renderer shows.

    Anchors are ``v1``, ``v2``… in variant order rather than names, so any name is safe
    in an id and in a URL fragment.
    """
    anchors = {
        str(report.rewrite.name): f"v{number}"
        for number, report in enumerate(comparison.comparisons, 1)
    }
    children: dict[str | None, list[str]] = {}
    reasons = {}
    for link in comparison.lineage:
        children.setdefault(link.parent, []).append(link.name)
        reasons[link.name] = link.reason

    def node(name: str, seen: frozenset[str]) -> Node:
        below = tuple(
            node(child, seen | {name}) for child in children.get(name, ()) if child not in seen
        )
        return Node(name=name, anchor=anchors.get(name, ""), reason=reasons[name], children=below)

    names = comparison.names
    size = len(names)
    return FamilyView(
        original=comparison.original,
        names=names,
        variants=tuple(
            VariantEntry(
                name=str(report.rewrite.name),
                anchor=anchors[str(report.rewrite.name)],
                view=pair_view(report),
            )
            for report in comparison.comparisons
        ),
        tree=tuple(node(name, frozenset()) for name in children.get(None, ())),
        matrices=(
            Matrix(
                caption="Reuse: share of the column version's words taken from the row version",
                corner="from \u2193 / in \u2192",
                rows=tuple(
                    tuple(_cell(comparison.reuse[i][j], i == j) for j in range(size))
                    for i in range(size)
                ),
            ),
            Matrix(
                caption="Similarity: share of both versions' words in aligned sentences",
                corner="",
                rows=tuple(
                    tuple(_cell(comparison.similarity[i][j], i == j) for j in range(size))
                    for i in range(size)
                ),
            ),
        ),
        unique=tuple(
            (item.version, item.kind, item.span.text, anchors.get(item.version, "overview"))
            for item in comparison.unique
        ),
    )
