"""Tone of one version: hedges, attributions, quotations and loaded terms per 1,000 words.

The counts come from the same finders the detectors use, so the tone panel and the
changes never disagree about what counts as a hedge or a loaded term.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from newsdiff.detect._annotations import annotate
from newsdiff.detect._hedges import hedges_among, inside
from newsdiff.models import Document, Tone, ToneComparison

if TYPE_CHECKING:
    from newsdiff.detect._annotations import Annotations
    from newsdiff.models import Quotation, Span

__all__ = ["compare_tone", "measure_tone"]


def _rate(count: int, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0


def measure_tone(
    document: Document,
    words: int,
    quotations: tuple[Quotation, ...] | None = None,
    *,
    notes: Annotations | None = None,
) -> Tone:
    """Count the tone markers of ``document``'s sentences, per 1,000 of its ``words``.

    ``notes`` shares the finders' results with the detectors of the same comparison.
    """
    text = document.text
    notes = notes or annotate(document)
    found = notes.quotations if quotations is None else quotations
    quoted = tuple(sorted((quote.span.start, quote.span.end) for quote in found))
    quoted_spans = tuple(quote.span for quote in found)
    # One scan of the whole text per finder; boilerplate is then left out by position.
    starts = [sentence.span.start for sentence in document.sentences]
    ends = [sentence.span.end for sentence in document.sentences]

    def in_sentences(span: Span) -> bool:
        slot = bisect.bisect_right(starts, span.start) - 1
        return slot >= 0 and span.end <= ends[slot]

    whole = len(text)
    cues = notes.hedge_cues(0, whole)
    # The quotation marks only rule out questions: without a question mark they are not read.
    local = notes.quote_spans if "?" in text else ()
    hedges = sum(
        in_sentences(h.span) for h in hedges_among(text, 0, whole, cues, quoted, local=local)
    )
    loaded = sum(
        in_sentences(t.span)
        for t in notes.loaded_terms(0, whole)
        if not inside(quoted, t.span.start, t.span.end)
    )
    attributions = sum(
        in_sentences(a.cue) for a in notes.attributions(0, whole, outside=quoted_spans)
    )
    return Tone(
        words=words,
        hedges=_rate(hedges, words),
        attributions=_rate(attributions, words),
        quotations=_rate(len(found), words),
        loaded_terms=_rate(loaded, words),
    )


def compare_tone(original: Tone, rewrite: Tone) -> ToneComparison:
    """Put two tones side by side with the rewrite-minus-original deltas."""
    return ToneComparison(
        original=original,
        rewrite=rewrite,
        hedges_delta=round(rewrite.hedges - original.hedges, 2),
        attributions_delta=round(rewrite.attributions - original.attributions, 2),
        quotations_delta=round(rewrite.quotations - original.quotations, 2),
        loaded_terms_delta=round(rewrite.loaded_terms - original.loaded_terms, 2),
    )
