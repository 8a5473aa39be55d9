"""Report claims that lose their source, or change it, between two versions.

For every aligned group the detector reads the attributions of the original's and the
rewrite's sentences (every sentence of the group, so a source moved to a neighbouring
sentence still counts) outside direct quotations. A named or described source of the
original ("the ministry said", "according to the outlet", "the NYT noted") that the
rewrite drops, or replaces with vague sourcing ("reportedly", "sources say"), is a
``dropped_attribution``; one that the rewrite gives to another named source is a
``changed_attribution``. Verbs of wanting, planning or stance ("X wants") attribute an
attitude rather than a claim and are left out.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

from newsdiff.detect._attribution import (
    Attribution,
    find_attributions,
    is_claim_cue,
    is_named,
    same_source,
)
from newsdiff.detect._quotes import is_scare_quote, quote_words
from newsdiff.detect.quotes import build_quote_ledger
from newsdiff.models import Change, ChangeKind, QuoteStatus, Relation, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from newsdiff.detect import Context
    from newsdiff.detect._annotations import Annotations
    from newsdiff.models import AlignmentGroup, Quotation, Span

__all__ = ["Attribution", "AttributionDetector", "find_attributions"]

# Words that do not identify a source: "the", "of", pronouns.
_FILLER = frozenset(
    ("the", "a", "an", "of", "for", "in", "at", "on", "and", "he", "she", "they", "it", "we", "i")
)
# Groups whose two sides cannot differ in sourcing, or lack one side.
_SKIPPED = frozenset({Relation.IDENTICAL, Relation.TYPOGRAPHIC, Relation.ADDED, Relation.REMOVED})


@attrs.frozen
class _Quoted:
    """The quoted stretches of one text, sorted, to pick those inside one sentence fast."""

    spans: tuple[Span, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, quotations: Sequence[Quotation]) -> _Quoted:
        spans = tuple(
            sorted(
                (q.content for q in quotations if not is_scare_quote(q)),
                key=lambda span: (span.end, span.start),
            )
        )
        return cls(spans, tuple(span.end for span in spans))

    def overlapping(self, span: Span) -> tuple[Span, ...]:
        first = bisect.bisect_right(self.ends, span.start)
        found: list[Span] = []
        for quoted in self.spans[first:]:
            if quoted.start >= span.end:
                break  # quotations never overlap, so the rest lie further on
            found.append(quoted)
        return tuple(found)


def _attributions(
    notes: Annotations, spans: Sequence[Span], quoted: _Quoted
) -> tuple[Attribution, ...]:
    return tuple(
        attribution
        for span in spans
        for attribution in notes.attributions(
            span.start, span.end, outside=quoted.overlapping(span)
        )
    )


def _sourced(attributions: Sequence[Attribution]) -> list[Attribution]:
    """Keep the attributions that give a claim a source: a claim cue with its subject."""
    return [a for a in attributions if a.source is not None and is_claim_cue(a)]


def _keeps(original: Attribution, rewrite: Sequence[Attribution]) -> bool:
    """Tell whether the rewrite still gives the original's source, in any wording."""
    assert original.source is not None  # noqa: S101 - _sourced() keeps only sourced ones
    for candidate in rewrite:
        assert candidate.source is not None  # noqa: S101 - as above
        if same_source(original.source.text, candidate.source.text) is not False:
            return True
    return False


def _content_words(text: str) -> frozenset[str]:
    """Folded words of a text, possessives cut ("Mexico's" is "mexico"), filler left out."""
    words = (word.removesuffix("'s") for word in quote_words(text))
    return frozenset(word for word in words if word not in _FILLER)


def _mentioned(original: Attribution, rewrite_words: frozenset[str]) -> bool:
    """Tell whether the rewrite still names the source, if not as the subject of a cue.

    "The NYT noted that ..." and "The NYT's report says ..." keep the same source.
    """
    assert original.source is not None  # noqa: S101 - _sourced() keeps only sourced ones
    words = _content_words(original.source.text)
    return bool(words) and words <= rewrite_words


def _neighbours(context: Context, group: AlignmentGroup) -> tuple[Span, ...]:
    """The rewrite sentences just before and after a group's own."""
    if not group.rewrite_sentences:
        return ()
    sentences = context.rewrite.sentences
    wanted = (min(group.rewrite_sentences) - 1, max(group.rewrite_sentences) + 1)
    return tuple(sentences[i].span for i in wanted if 0 <= i < len(sentences))


def _named_again(original: Attribution, nearby: Sequence[Attribution]) -> bool:
    """Tell whether a neighbouring sentence gives the very same source (it moved there)."""
    assert original.source is not None  # noqa: S101 - _sourced() keeps only sourced ones
    return any(
        candidate.source is not None
        and same_source(original.source.text, candidate.source.text) is True
        for candidate in nearby
    )


@attrs.frozen(kw_only=True)
class AttributionDetector:
    """Find ``dropped_attribution`` and ``changed_attribution`` in aligned sentences.

    >>> AttributionDetector().name
    'attribution'
    """

    name: str = "attribution"

    def detect(self, context: Context) -> Iterator[Change]:
        """Yield at most one attribution change per aligned group."""
        original_quoted = _Quoted.of(context.original_notes.quotations)
        rewrite_quoted = _Quoted.of(context.rewrite_notes.quotations)
        ledger = context.quotes or build_quote_ledger(
            context.original,
            context.rewrite,
            original_notes=context.original_notes,
            rewrite_notes=context.rewrite_notes,
        )
        speaker_changed = {
            entry.rewrite.span.start
            for entry in ledger
            if entry.status is QuoteStatus.SPEAKER_CHANGED and entry.rewrite is not None
        }
        for index, group in enumerate(context.alignment):
            if group.relation in _SKIPPED or not group.original or not group.rewrite:
                continue
            before = _sourced(
                _attributions(context.original_notes, group.original, original_quoted)
            )
            if not before:
                continue
            found = _attributions(context.rewrite_notes, group.rewrite, rewrite_quoted)
            after = _sourced(found)
            rewrite_words = _content_words(
                " ".join(context.rewrite.text[s.start : s.end] for s in group.rewrite)
            )
            lost = [a for a in before if not _keeps(a, after) and not _mentioned(a, rewrite_words)]
            if lost:
                nearby = _sourced(
                    _attributions(
                        context.rewrite_notes, _neighbours(context, group), rewrite_quoted
                    )
                )
                lost = [a for a in lost if not _named_again(a, nearby)]
            if not lost:
                continue
            if not after:
                yield self._dropped(index, lost[0], [a for a in found if a.vague])
                continue
            if any(
                span.start <= start < span.end
                for span in group.rewrite
                for start in speaker_changed
            ):
                continue  # the quote detector reports the new speaker
            changed = self._changed(index, lost, after)
            if changed is not None:
                yield changed

    def _dropped(self, index: int, lost: Attribution, vague: Sequence[Attribution]) -> Change:
        assert lost.source is not None  # noqa: S101 - _sourced() keeps only sourced ones
        said = f'"{lost.source.text}" ("{lost.cue.text}")'
        if vague:
            cues = ", ".join(f'"{a.cue.text}"' for a in vague)
            explanation = (
                f"The original attributes this claim to {said}; the rewrite gives only "
                f"vague sourcing ({cues})."
            )
        else:
            explanation = (
                f"The original attributes this claim to {said}; the rewrite gives no source."
            )
        return Change(
            kind=ChangeKind.DROPPED_ATTRIBUTION,
            severity=Severity.HIGH,
            explanation=explanation,
            original=(lost.source, lost.cue)
            if lost.source.start < lost.cue.start
            else (
                lost.cue,
                lost.source,
            ),
            rewrite=tuple(a.cue for a in vague),
            group=index,
            detector=self.name,
        )

    def _changed(
        self, index: int, lost: Sequence[Attribution], after: Sequence[Attribution]
    ) -> Change | None:
        for old in lost:
            assert old.source is not None  # noqa: S101 - _sourced() keeps only sourced ones
            if not is_named(old.source.text):
                continue
            for new in after:
                assert new.source is not None  # noqa: S101 - as above
                if (
                    is_named(new.source.text)
                    and same_source(old.source.text, new.source.text) is False
                ):
                    return Change(
                        kind=ChangeKind.CHANGED_ATTRIBUTION,
                        severity=Severity.HIGH,
                        explanation=(
                            f'The claim is attributed to "{new.source.text}" in the rewrite '
                            f'but to "{old.source.text}" in the original.'
                        ),
                        original=(old.source,),
                        rewrite=(new.source,),
                        group=index,
                        detector=self.name,
                    )
        return None
