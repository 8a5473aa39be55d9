"""Find loaded language: intensifiers, boosters, emotive words and loaded verbs of saying.

The terms come from the ``loaded_language`` lexicon (see its ``[meta]`` for provenance).
Each entry may be a family of forms ("slams|slammed"); a match reports the family's
first form as its ``key``, so two versions can be compared by family rather than by
inflection. Matching is the same longest-match word scan the hedge finder uses.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

from newsdiff.detect._hedges import PhraseIndex, PhraseSearch, inside
from newsdiff.detect._hedges import _default_matcher as _default_hedge_matcher
from newsdiff.lexicons import Lexicon, load_lexicon
from newsdiff.models import Span

if TYPE_CHECKING:
    from collections.abc import Iterable

    from newsdiff.detect._hedges import Candidates

__all__ = ["LoadedMatcher", "LoadedTerm", "find_loaded_terms"]

_NOT_LOADED = "not_loaded"


@attrs.frozen(kw_only=True)
class LoadedTerm:
    """One loaded word or phrase: where it is, its category and its family key.

    ``category`` is the lexicon list that named it (``intensifier``, ``booster``,
    ``emotive``, ``loaded_verb``); ``key`` is the first form of its family, lower case.
    """

    span: Span
    category: str
    key: str


class LoadedMatcher:
    """The term lists of one loaded-language lexicon, indexed for a linear scan.

    Build one from your own :class:`~newsdiff.lexicons.Lexicon` to change what counts
    as loaded; a list named ``not_loaded`` holds look-alikes that shield listed words.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        """Index every list of ``lexicon``."""
        self._phrases = PhraseIndex(lexicon.terms, blocker=_NOT_LOADED)

    @property
    def index(self) -> PhraseIndex:
        """The term lists, indexed (for a :class:`PhraseSearch` shared with other lists)."""
        return self._phrases

    def candidates(self, text: str) -> Candidates | None:
        """Find every term ``text`` holds, for :meth:`scan` to share among its stretches."""
        return self._phrases.candidates(text)

    def scan(
        self, text: str, start: int, end: int, *, candidates: Candidates | None = None
    ) -> list[LoadedTerm]:
        """Return the loaded terms of ``text[start:end]`` in text order.

        ``candidates`` are :meth:`candidates` of the whole ``text``, when the caller keeps
        them.
        """
        return [
            LoadedTerm(
                span=Span.of(text, match.start, match.end), category=match.category, key=match.key
            )
            for match in self._phrases.scan(text, start, end, candidates=candidates)
        ]


@functools.cache
def _default_matcher() -> LoadedMatcher:
    return LoadedMatcher(load_lexicon("loaded_language"))


@functools.cache
def _default_search() -> PhraseSearch:
    """One search for the shipped hedge cues and loaded terms: texts are read once for both."""
    return PhraseSearch((_default_hedge_matcher().index, _default_matcher().index))


def find_loaded_terms(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    exclude: Iterable[tuple[int, int]] = (),
    matcher: LoadedMatcher | None = None,
) -> tuple[LoadedTerm, ...]:
    """Find the loaded terms of ``text[start:end]``, in text order.

    Args:
        text: The whole text; every span returned indexes it.
        start: Where to start looking.
        end: Where to stop looking (the end of ``text`` when ``None``).
        exclude: ``(start, end)`` stretches to leave out, typically quotations.
        matcher: The term lists to use; the shipped ``loaded_language`` lexicon when ``None``.

    Returns:
        The terms, ordered by position.

    >>> text = "Critics slammed the plan, urgently."
    >>> [(term.span.text, term.category) for term in find_loaded_terms(text)]
    [('slammed', 'loaded_verb'), ('urgently', 'intensifier')]
    >>> find_loaded_terms('She said "it is a disaster" to reporters.', exclude=((9, 27),))
    ()
    """
    stop = len(text) if end is None else min(end, len(text))
    skip = tuple(sorted(exclude))
    return tuple(
        term
        for term in (matcher or _default_matcher()).scan(text, start, stop)
        if not inside(skip, term.span.start, term.span.end)
    )
