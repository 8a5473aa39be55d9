"""The one-search phrase finder gives what a word-by-word reading of the stretch gives.

Cue and term phrases are found by one regular-expression search of the lower-cased text
(shared by the hedge and loaded-term lists), and sentences take their share of the
whole text's results. These tests pin the edges of that: stretches that cut a word,
phrases cut by a stretch's end, letters whose lower case is longer, Unicode hyphens
and apostrophes, and lists that cannot be searched so.
"""

from __future__ import annotations

import pytest

from _lexicons import make_lexicon
from newsdiff._segment import segment
from newsdiff.detect._annotations import annotate
from newsdiff.detect._hedges import HedgeMatcher, PhraseIndex, PhraseSearch, find_hedges
from newsdiff.detect._loaded import find_loaded_terms


def _cues(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, str]]:
    return [(hedge.span.text, hedge.cue) for hedge in find_hedges(text, start, end)]


# (text, start, end, expected (span text, cue)); each positive beside its near miss.
STRETCHES = [
    # A stretch that cuts a word reads the piece as a word, as a scan of the slice does.
    ("Dismay grew.", 3, 6, [("may", "may")]),
    ("Dismay grew.", 0, 6, []),
    # A phrase cut by the stretch's end leaves the shorter cue inside it.
    ("Prices may well rise.", 0, 10, [("may", "may")]),
    ("Prices may well rise.", 0, 21, [("may well", "may well")]),
    # The month rule reads the words before "May", but only inside the stretch.
    ("Talks began in May. May prices fall?", 20, 35, [("May", "may")]),
    ("Talks began in May Prices Fall", 12, 30, []),
]


@pytest.mark.parametrize(("text", "start", "end", "expected"), STRETCHES)
def test_stretches_read_as_their_slice(
    text: str, start: int, end: int, expected: list[tuple[str, str]]
) -> None:
    assert _cues(text, start, end) == expected
    # Shared notes answer each stretch alike, asked before or after the whole text.
    notes = annotate(segment(text))
    first = [(hedge.span.text, hedge.cue) for hedge in notes.hedge_cues(start, end)]
    notes.hedge_cues(0, len(text))
    assert first == expected
    again = annotate(segment(text))
    again.hedge_cues(0, len(text))
    assert [(hedge.span.text, hedge.cue) for hedge in again.hedge_cues(start, end)] == expected


# (text, expected (span text, cue)).
TYPOGRAPHY = [
    # A letter whose lower case is two characters: offsets still index the input.
    ("\u0130t may rain.", [("may", "may")]),
    ("\u0130t is May 5.", []),
    # Unicode hyphens join the words of a phrase; a slash does not.
    ("It may\u2010well rain.", [("may\u2010well", "may well")]),
    ("It may/well rain.", [("may", "may")]),
    # A curly apostrophe reads as a straight one.
    ("It\u2019s possible that it rains.", [("It\u2019s possible", "it's possible")]),
    ("Its possible rain.", []),
]


@pytest.mark.parametrize(("text", "expected"), TYPOGRAPHY)
def test_typography(text: str, expected: list[tuple[str, str]]) -> None:
    assert _cues(text) == expected


def test_one_search_serves_both_lists() -> None:
    # "no doubt" shields nothing as a hedge look-alike but is a loaded booster.
    text = "There is no doubt it may rain. It rained."
    notes = annotate(segment(text))
    sentence = segment(text).sentences[0].span
    assert [h.span.text for h in notes.hedge_cues(sentence.start, sentence.end)] == ["may"]
    assert [(t.span.text, t.key) for t in notes.loaded_terms(sentence.start, sentence.end)] == [
        ("no doubt", "without doubt")
    ]
    assert [t.span.text for t in find_loaded_terms(text)] == ["no doubt"]
    assert notes.hedge_cues(31, len(text)) == ()


def test_search_finds_each_lists_longest_phrase() -> None:
    short = PhraseIndex({"a": ("may",)})
    long = PhraseIndex({"b": ("may well",)})
    found = PhraseSearch((short, long)).candidates("It may well rain; it may not.")
    assert found[0] is not None
    assert found[1] is not None
    assert [(start, end) for start, _, end, *_ in found[0].found] == [(3, 6), (21, 24)]
    assert [(start, end) for start, _, end, *_ in found[1].found] == [(3, 11)]


def test_lists_that_are_not_ascii_are_read_word_by_word() -> None:
    mine = make_lexicon("mine", modal=("peut-\u00eatre",))
    matcher = HedgeMatcher(mine)
    assert matcher.candidates("Il viendra peut-\u00eatre.") is None
    found = find_hedges("Il viendra peut-\u00eatre. Peut/\u00eatre pas.", matcher=matcher)
    assert [(h.span.text, h.cue) for h in found] == [("peut-\u00eatre", "peut \u00eatre")]
