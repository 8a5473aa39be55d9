"""Loaded language a rewrite brings in: intensifiers, boosters, emotive words, loaded verbs.

A term counts only when the writer uses it (never inside a quotation) and the original
does not: for an aligned group the original's sentences are searched, for an added
sentence the whole original, by family ("slams" covers "slammed"). Intensifiers and
boosters are of low severity; emotive words and loaded verbs of saying medium.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdiff.detect._hedges import inside, writer_quote_spans
from newsdiff.detect._loaded import LoadedMatcher, LoadedTerm
from newsdiff.models import AlignmentGroup, Change, ChangeKind, Relation, Severity, Span

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from newsdiff.detect import Context
    from newsdiff.detect._annotations import Annotations
    from newsdiff.lexicons import Lexicon

__all__ = ["LoadedLanguageDetector"]

_SKIPPED = frozenset({Relation.IDENTICAL, Relation.TYPOGRAPHIC, Relation.REMOVED})
_LOW = frozenset({"intensifier", "booster"})
_NOUNS = {
    "intensifier": "intensifying",
    "booster": "emphatic",
    "emotive": "emotive",
    "loaded_verb": "loaded",
}
_SHOWN = 3


class LoadedLanguageDetector:
    """Report intensifiers and emotive wording the rewrite uses and the original does not."""

    name = "loaded_language"

    def __init__(
        self, matcher: LoadedMatcher | None = None, *, lexicon: Lexicon | None = None
    ) -> None:
        """Use the term lists of ``lexicon`` (or of a ready ``matcher``), else the shipped ones.

        ``lexicon`` takes the list names of the shipped ``loaded_language`` lexicon; extend
        that one with :meth:`~newsdiff.lexicons.Lexicon.extended` to add terms.

        Raises:
            ValueError: both ``matcher`` and ``lexicon`` were given.
        """
        if matcher is not None and lexicon is not None:
            msg = "give LoadedLanguageDetector a lexicon or a matcher, not both"
            raise ValueError(msg)
        self._matcher = LoadedMatcher(lexicon) if lexicon is not None else matcher

    def detect(self, context: Context) -> Iterator[Change]:
        """Yield up to two changes per group: one of medium and one of low severity."""
        rewrite_quotes = writer_quote_spans(
            context.rewrite.text,
            (entry.rewrite for entry in context.quotes if entry.rewrite is not None),
            context.rewrite_notes.quote_spans,
        )
        whole_original: frozenset[str] | None = None
        for index, group in enumerate(context.alignment):
            if group.relation in _SKIPPED:
                continue
            terms = self._terms(context.rewrite_notes, group.rewrite, rewrite_quotes)
            if not terms:
                continue
            if group.original:
                known = frozenset(
                    term.key for term in self._terms(context.original_notes, group.original, ())
                )
            else:
                if whole_original is None:
                    whole = len(context.original.text)
                    whole_original = frozenset(
                        term.key for term in self._scan(context.original_notes, 0, whole)
                    )
                known = whole_original
            new = [term for term in terms if term.key not in known]
            medium = [term for term in new if term.category not in _LOW]
            low = [term for term in new if term.category in _LOW]
            if medium:
                yield self._change(index, group, medium, Severity.MEDIUM)
            if low:
                yield self._change(index, group, low, Severity.LOW)

    def _terms(
        self, notes: Annotations, spans: tuple[Span, ...], quotes: tuple[tuple[int, int], ...]
    ) -> list[LoadedTerm]:
        return [
            term
            for span in spans
            for term in self._scan(notes, span.start, min(span.end, len(notes.document.text)))
            if not inside(quotes, term.span.start, term.span.end)
        ]

    def _scan(self, notes: Annotations, start: int, stop: int) -> Sequence[LoadedTerm]:
        """The terms of ``text[start:stop]``, quotations included, shared when possible."""
        if self._matcher is None:
            return notes.loaded_terms(start, stop)
        return self._matcher.scan(notes.document.text, start, stop)

    def _change(
        self, index: int, group: AlignmentGroup, terms: list[LoadedTerm], severity: Severity
    ) -> Change:
        kinds = sorted({_NOUNS.get(term.category, term.category) for term in terms})
        shown = ", ".join(f"\u201c{term.span.text}\u201d" for term in terms[:_SHOWN])
        more = len(terms) - _SHOWN
        listing = f"{shown} and {more} more" if more > 0 else shown
        where = "An added sentence uses" if not group.original else "The rewrite adds"
        return Change(
            kind=ChangeKind.LOADED_LANGUAGE,
            severity=severity,
            explanation=f"{where} {' and '.join(kinds)} wording the original does not use: "
            f"{listing}.",
            original=group.original,
            rewrite=tuple(term.span for term in terms),
            group=index,
            detector=self.name,
        )
