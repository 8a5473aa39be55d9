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

from newsdiff.detect._hedges import PhraseIndex, inside
from newsdiff.lexicons import Lexicon, load_lexicon
from newsdiff.models import Span

if TYPE_CHECKING:
    from collections.abc import Iterable

    from newsdiff.detect._hedges import _Token

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

    def scan(
        self, text: str, start: int, end: int, tokens: list[_Token] | None = None
    ) -> list[LoadedTerm]:
        """Return the loaded terms of ``text[start:end]`` in text order.

        ``tokens`` are the words of ``text[start:end]`` when the caller has them already.
        """
        return [
            LoadedTerm(
                span=Span.of(text, match.start, match.end), category=match.category, key=match.key
            )
            for match in self._phrases.scan(text, start, end, tokens=tokens)
        ]


@functools.cache
def _default_matcher() -> LoadedMatcher:
    return LoadedMatcher(load_lexicon("loaded_language"))


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
