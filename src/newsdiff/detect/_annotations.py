"""What the finders say about one document, worked out once and shared by every detector.

Detectors and the tone metrics ask the same questions of the same text: its quotations,
the hedges, loaded terms, attributions and quantities of each sentence, its entities.
``Annotations`` answers each question the first time it is asked and remembers the
answer, so a comparison scans every sentence once per finder instead of once per
detector, group and side. Answers are exactly what the finder returns when called
directly; only the work is shared.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import attrs

from newsdiff.detect._attribution import Attribution, attributions_among
from newsdiff.detect._attribution import _tokens as _attribution_tokens
from newsdiff.detect._entities import Entity, find_entities
from newsdiff.detect._hedges import (
    Hedge,
    _default_matcher,
    find_quote_spans,
    local_quote_spans,
)
from newsdiff.detect._loaded import LoadedTerm, _default_search
from newsdiff.detect._loaded import _default_matcher as _default_loaded_matcher
from newsdiff.detect._numbers import Quantity, find_quantities
from newsdiff.detect._quotes import quotations_with

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from newsdiff.detect._attribution import _Tokens as _AttributionTokens
    from newsdiff.detect._hedges import Candidates
    from newsdiff.models import Document, Quotation, Span

__all__ = ["Annotations", "annotate"]

# Marks a question not asked yet (an answer may itself be None).
_MISSING = object()

_T = TypeVar("_T")


class _Spanned(Protocol):
    @property
    def span(self) -> Span: ...


_P = TypeVar("_P", bound=_Spanned)


class _Scan(Protocol[_P]):
    def __call__(
        self, text: str, start: int, end: int, *, candidates: Candidates | None = None
    ) -> list[_P]: ...


@attrs.frozen(kw_only=True)
class Annotations:
    """The finders' results for one document, each computed on first use and then kept.

    Build one with ``annotate``. Results with a ``start`` and ``end`` are those of
    the finder called on ``document.text[start:end]`` (sentence spans, typically), with
    the shipped lexicons.
    """

    document: Document
    _memo: dict[object, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def remember(self, key: object, compute: Callable[[], _T]) -> _T:
        """Return what ``compute()`` returned the first time ``key`` was asked for.

        Detectors keep their own per-document data here (under a key naming the
        detector), so it is built once per comparison.
        """
        value = self._memo.get(key, _MISSING)
        if value is _MISSING:
            value = self._memo[key] = compute()
        return cast("_T", value)

    @property
    def quotations(self) -> tuple[Quotation, ...]:
        """The direct quotations of the document (``extract_quotations``)."""
        return self.remember(
            "quotations", lambda: quotations_with(self.document.text, self._attribution_tokens)
        )

    @property
    def quote_spans(self) -> tuple[tuple[int, int], ...]:
        """The quotation marks' stretches of the document (``find_quote_spans``)."""
        return self.remember("quote_spans", lambda: find_quote_spans(self.document.text))

    @property
    def entities(self) -> tuple[Entity, ...]:
        """The named entities of the whole document (``find_entities``)."""
        return self.remember("entities", lambda: find_entities(self.document.text))

    def _attribution_tokens(self, start: int, end: int) -> _AttributionTokens:
        """The tokens the attribution finder reads in ``text[start:end]``.

        A stretch takes its cut of the whole text's tokens, unless a token runs across
        one of its ends; then it is split anew, as the finder would.
        """
        text = self.document.text
        every: _AttributionTokens = self.remember(
            "attribution_tokens", lambda: _attribution_tokens(text, 0, len(text))
        )
        if start == 0 and end == len(text):
            return every
        first = bisect.bisect_left(every.starts, start)
        last = bisect.bisect_left(every.starts, end)
        straddles = (first > 0 and every.ends[first - 1] > start) or (
            last > 0 and every.ends[last - 1] > end
        )
        return _attribution_tokens(text, start, end) if straddles else every.cut(first, last)

    def hedge_cues(self, start: int, end: int) -> tuple[Hedge, ...]:
        """The word cues of speculation in ``text[start:end]`` (no questions, no exclusions)."""
        known: dict[tuple[int, int], tuple[Hedge, ...]] = self.remember("hedge_cues", dict)
        cues = known.get((start, end))
        if cues is None:
            matcher = _default_matcher()
            cues = known[start, end] = self._phrases_in(
                known, start, end, 0, matcher.scan, matcher.ruled
            )
        return cues

    def _phrases_in(
        self,
        known: dict[tuple[int, int], tuple[_P, ...]],
        start: int,
        end: int,
        which: int,
        scan: _Scan[_P],
        ruled: frozenset[str],
    ) -> tuple[_P, ...]:
        """Find the phrases of ``text[start:end]`` as ``scan`` does, sharing the work.

        ``which`` picks the search results (0: hedge cues, 1: loaded terms); ``known``
        holds the answers so far, the whole text's among them once asked for.
        """
        text = self.document.text
        found = self._phrases[which]
        if found is None or not 0 <= start <= end <= len(text) or (start, end) == (0, len(text)):
            return tuple(scan(text, start, end, candidates=found))
        if found.none_in(text, start, end):
            return ()  # most sentences
        if not found.settled(text, start, end, ruled):
            return tuple(scan(text, start, end, candidates=found))
        # The whole text's matches that start here are the answer.
        whole = known.get((0, len(text)))
        if whole is None:
            whole = known[0, len(text)] = tuple(scan(text, 0, len(text), candidates=found))
        starts: list[int] = self.remember(
            ("phrase_starts", which), lambda: [match.span.start for match in whole]
        )
        return whole[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    @property
    def _phrases(self) -> tuple[Candidates | None, ...]:
        """Where the text holds hedge cues and loaded terms: one search for both."""
        # Asked once per sentence by two finders: the memo is read without a closure.
        found = self._memo.get("phrase_candidates", _MISSING)
        if found is _MISSING:
            found = self._memo["phrase_candidates"] = _default_search().candidates(
                self.document.text
            )
        return cast("tuple[Candidates | None, ...]", found)

    def local_quote_spans(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """The quotation marks of ``text[start:end]`` read alone (``local_quote_spans``)."""
        return self.remember(
            ("local_quotes", start, end),
            lambda: local_quote_spans(self.document.text, start, end),
        )

    def loaded_terms(self, start: int, end: int) -> tuple[LoadedTerm, ...]:
        """The loaded terms of ``text[start:end]``, quotations not left out."""
        known: dict[tuple[int, int], tuple[LoadedTerm, ...]] = self.remember("loaded_terms", dict)
        terms = known.get((start, end))
        if terms is None:
            terms = known[start, end] = self._phrases_in(
                known, start, end, 1, _default_loaded_matcher().scan, frozenset()
            )
        return terms

    def attributions(
        self, start: int, end: int, outside: Sequence[Span] = ()
    ) -> tuple[Attribution, ...]:
        """The attributions of ``text[start:end]``, as ``find_attributions`` gives them."""
        key = ("attributions", start, end, tuple((span.start, span.end) for span in outside))
        return self.remember(
            key,
            lambda: attributions_among(
                self.document.text, self._attribution_tokens(start, end), outside
            ),
        )

    def quantities(self, start: int, end: int) -> tuple[Quantity, ...]:
        """The quantities of ``text[start:end]`` (``find_quantities``)."""
        # Asked for every sentence of a group: the memo is read without a closure.
        key = ("quantities", start, end)
        found = self._memo.get(key, _MISSING)
        if found is _MISSING:
            found = self._memo[key] = find_quantities(self.document.text, start, end)
        return cast("tuple[Quantity, ...]", found)


def annotate(document: Document) -> Annotations:
    """Start the shared finder results of ``document``; each is computed when first asked."""
    return Annotations(document=document)
