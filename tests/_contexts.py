"""Hand-built detector contexts, for testing one detector without the whole pipeline."""

from __future__ import annotations

from newsdiff.detect import Context
from newsdiff.models import AlignmentGroup, Document, Relation, Span


def one_group(before: str, after: str, relation: Relation = Relation.EDITED) -> Context:
    """A context whose only group pairs the whole of ``before`` with the whole of ``after``."""
    group = AlignmentGroup(
        relation=relation,
        original=(Span.of(before, 0, len(before)),),
        rewrite=(Span.of(after, 0, len(after)),),
    )
    return Context(original=Document(text=before), rewrite=Document(text=after), alignment=(group,))
