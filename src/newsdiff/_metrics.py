"""Whole-document measures: reuse, coverage and readability.

Readability uses newsdiff's own sentence segmentation and word tokens, and textstat
only for syllable counts: textstat's own sentence count splits at every "U.S.".
Formulas are Flesch reading ease and Flesch-Kincaid grade (Kincaid et al., 1975).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import textstat

from newsdiff.models import Readability, ReadabilityComparison

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newsdiff._tokens import Token

__all__ = ["compare_readability", "readability", "share"]


def share(part: int, whole: int) -> float:
    """``part / whole`` rounded to 4 places, 0.0 for an empty whole.

    >>> share(1, 3)
    0.3333
    """
    return round(part / whole, 4) if whole else 0.0


def readability(sentences: Sequence[Sequence[Token]], text: str) -> Readability:
    """Readability of a document given the tokens of each of its sentences.

    Scores of texts under three sentences are computed all the same but are unstable,
    as with any Flesch formula.
    """
    words = [t.key for tokens in sentences for t in tokens if _is_lexical(t)]
    syllables = sum(_syllables(word) for word in words)
    sentence_count = sum(1 for tokens in sentences if any(_is_lexical(t) for t in tokens))
    if not words or not sentence_count:
        return Readability(
            sentences=sentence_count,
            words=0,
            syllables=0,
            words_per_sentence=0.0,
            flesch_reading_ease=0.0,
            flesch_kincaid_grade=0.0,
        )
    per_sentence = len(words) / sentence_count
    per_word = syllables / len(words)
    return Readability(
        sentences=sentence_count,
        words=len(words),
        syllables=syllables,
        words_per_sentence=round(per_sentence, 2),
        flesch_reading_ease=round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 2),
        flesch_kincaid_grade=round(0.39 * per_sentence + 11.8 * per_word - 15.59, 2),
    )


_SYLLABLES: dict[str, int] = {}


def _syllables(word: str) -> int:
    count = _SYLLABLES.get(word)
    if count is None:
        count = max(1, int(textstat.syllable_count(word)))
        if len(_SYLLABLES) < 100_000:
            _SYLLABLES[word] = count
    return count


def _is_lexical(token: Token) -> bool:
    return token.is_word and any(char.isalpha() for char in token.key)


def compare_readability(original: Readability, rewrite: Readability) -> ReadabilityComparison:
    """Put two readability scores side by side with the rewrite-minus-original deltas."""
    return ReadabilityComparison(
        original=original,
        rewrite=rewrite,
        words_per_sentence_delta=round(rewrite.words_per_sentence - original.words_per_sentence, 2),
        flesch_reading_ease_delta=round(
            rewrite.flesch_reading_ease - original.flesch_reading_ease, 2
        ),
        flesch_kincaid_grade_delta=round(
            rewrite.flesch_kincaid_grade - original.flesch_kincaid_grade, 2
        ),
    )
