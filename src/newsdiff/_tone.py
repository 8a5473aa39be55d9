"""Tone of one version: hedges, attributions, quotations and loaded terms per 1,000 words.

The counts come from the same finders the detectors use, so the tone panel and the
changes never disagree about what counts as a hedge or a loaded term.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from newsdiff.detect._attribution import find_attributions
from newsdiff.detect._hedges import find_hedges
from newsdiff.detect._loaded import find_loaded_terms
from newsdiff.detect._quotes import extract_quotations
from newsdiff.models import Document, Tone, ToneComparison

if TYPE_CHECKING:
    from newsdiff.models import Quotation, Span

__all__ = ["compare_tone", "measure_tone"]


def _rate(count: int, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0


def measure_tone(
    document: Document, words: int, quotations: tuple[Quotation, ...] | None = None
) -> Tone:
    """Count the tone markers of ``document``'s sentences, per 1,000 of its ``words``."""
    text = document.text
    found = extract_quotations(text) if quotations is None else quotations
    quoted = tuple((quote.span.start, quote.span.end) for quote in found)
    quoted_spans = tuple(quote.span for quote in found)
    # One scan of the whole text per finder; boilerplate is then left out by position.
    starts = [sentence.span.start for sentence in document.sentences]
    ends = [sentence.span.end for sentence in document.sentences]

    def in_sentences(span: Span) -> bool:
        slot = bisect.bisect_right(starts, span.start) - 1
        return slot >= 0 and span.end <= ends[slot]

    hedges = sum(in_sentences(h.span) for h in find_hedges(text, exclude=quoted))
    loaded = sum(in_sentences(t.span) for t in find_loaded_terms(text, exclude=quoted))
    attributions = sum(in_sentences(a.cue) for a in find_attributions(text, outside=quoted_spans))
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
