"""Whole-document measures: reuse, coverage and readability.

Readability uses newsdiff's own sentence segmentation and word tokens, and textstat
only for syllable counts: textstat's own sentence count splits at every "U.S.".
Formulas are Flesch reading ease and Flesch-Kincaid grade (Kincaid et al., 1975).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import textstat

from newsdiff._tokens import is_word_key
from newsdiff.models import Readability, ReadabilityComparison

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["compare_readability", "readability", "share", "syllable_table"]


def share(part: int, whole: int) -> float:
    """``part / whole`` rounded to 4 places, 0.0 for an empty whole.

    >>> share(1, 3)
    0.3333
    """
    return round(part / whole, 4) if whole else 0.0


def syllable_table(key_of: Mapping[str, str]) -> dict[str, int]:
    """Syllables of each encoded word that has a letter in it; codes of the rest left out.

    ``key_of`` maps each code character to the folded word it stands for.
    """
    table = {}
    for code, key in key_of.items():
        count = _SYLLABLES.get(key)
        if count is None:
            count = _syllables(key)
        if count:
            table[code] = count
    return table


def readability(sentences: Sequence[str], syllables_of: Mapping[str, int]) -> Readability:
    """Readability of a document given its sentences encoded one character per word token.

    ``syllables_of`` is the :func:`syllable_table` of the codes; tokens without an
    entry there (numbers, punctuation) are not words of the formulas. Scores of texts
    under three sentences are computed all the same but are unstable, as with any
    Flesch formula.
    """
    words = syllables = sentence_count = 0
    for codes in sentences:
        lexical = "".join(filter(syllables_of.__contains__, codes))
        if lexical:
            sentence_count += 1
            words += len(lexical)
            syllables += sum(map(syllables_of.__getitem__, lexical))
    if not words:
        return Readability(
            sentences=sentence_count,
            words=0,
            syllables=0,
            words_per_sentence=0.0,
            flesch_reading_ease=0.0,
            flesch_kincaid_grade=0.0,
        )
    per_sentence = words / sentence_count
    per_word = syllables / words
    return Readability(
        sentences=sentence_count,
        words=words,
        syllables=syllables,
        words_per_sentence=round(per_sentence, 2),
        flesch_reading_ease=round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 2),
        flesch_kincaid_grade=round(0.39 * per_sentence + 11.8 * per_word - 15.59, 2),
    )


_SYLLABLES: dict[str, int] = {}


def _syllables(key: str) -> int:
    """Syllables of a word with a letter in it (textstat's count, at least 1), else 0."""
    count = max(1, int(textstat.syllable_count(key))) if _is_lexical(key) else 0
    if len(_SYLLABLES) < 100_000:
        _SYLLABLES[key] = count
    return count


def _is_lexical(key: str) -> bool:
    """A word token with a letter in it (not a bare number or punctuation)."""
    return is_word_key(key) and any(char.isalpha() for char in key)


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
