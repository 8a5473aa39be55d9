"""Structural changes read straight off the alignment: added, removed, moved, reworded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdiff.models import AlignmentGroup, Change, ChangeKind, EditOp, Relation, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsdiff.detect import Context

__all__ = ["StructureDetector"]

_REWORDED = frozenset({Relation.EDITED, Relation.PARAPHRASED, Relation.MERGED, Relation.SPLIT})
_SHOWN_EDITS = 3


def _clip(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


class StructureDetector:
    """Report sentences added, removed, moved or reworded, as the alignment found them."""

    name = "structure"

    def detect(self, context: Context) -> Iterator[Change]:
        """Yield one change per added, removed, moved or reworded group."""
        for index, group in enumerate(context.alignment):
            yield from self._group_changes(index, group, context)

    def _group_changes(
        self, index: int, group: AlignmentGroup, context: Context
    ) -> Iterator[Change]:
        if group.relation is Relation.ADDED:
            headline = any(context.rewrite.sentences[i].headline for i in group.rewrite_sentences)
            what = "A headline" if headline else "A sentence"
            yield Change(
                kind=ChangeKind.ADDED_CONTENT,
                severity=Severity.LOW if headline else Severity.MEDIUM,
                explanation=f"{what} with no counterpart in the original was added: "
                f"\u201c{_clip(group.rewrite[0].text)}\u201d.",
                rewrite=group.rewrite,
                group=index,
                detector=self.name,
            )
        elif group.relation is Relation.REMOVED:
            yield Change(
                kind=ChangeKind.REMOVED_CONTENT,
                severity=Severity.MEDIUM,
                explanation=f"A sentence of the original was cut: "
                f"\u201c{_clip(group.original[0].text)}\u201d.",
                original=group.original,
                group=index,
                detector=self.name,
            )
        elif group.relation is Relation.MOVED and group.move is not None:
            yield Change(
                kind=ChangeKind.MOVED,
                severity=Severity.LOW,
                explanation=f"This passage was moved {group.move.value} in the story.",
                original=group.original,
                rewrite=group.rewrite,
                group=index,
                detector=self.name,
            )
        if group.edits and (group.relation in _REWORDED or group.relation is Relation.MOVED):
            yield Change(
                kind=ChangeKind.REWORDED,
                severity=Severity.LOW,
                explanation=_describe_edits(group),
                original=tuple(e.original for e in group.edits if e.original is not None),
                rewrite=tuple(e.rewrite for e in group.edits if e.rewrite is not None),
                group=index,
                detector=self.name,
            )


def _describe_edits(group: AlignmentGroup) -> str:
    shown = []
    for edit in group.edits[:_SHOWN_EDITS]:
        if edit.op is EditOp.REPLACE and edit.original and edit.rewrite:
            old, new = _clip(edit.original.text, 30), _clip(edit.rewrite.text, 30)
            shown.append(f"\u201c{old}\u201d \u2192 \u201c{new}\u201d")
        elif edit.op is EditOp.DELETE and edit.original:
            shown.append(f"cut \u201c{_clip(edit.original.text, 30)}\u201d")
        elif edit.rewrite:
            shown.append(f"added \u201c{_clip(edit.rewrite.text, 30)}\u201d")
    more = len(group.edits) - len(shown)
    tail = f" and {more} more edit{'s' if more > 1 else ''}" if more > 0 else ""
    how = {
        Relation.MERGED: "Sentences were merged and reworded",
        Relation.SPLIT: "A sentence was split and reworded",
        Relation.PARAPHRASED: "The sentence was paraphrased",
    }.get(group.relation, "The wording changed")
    return f"{how}: {'; '.join(shown)}{tail}."
