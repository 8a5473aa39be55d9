"""newsdiff counts syllables exactly as textstat does, from the same dictionary and hyphenator."""

from __future__ import annotations

import pathlib

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff._metrics import _is_lexical, _syllables
from newsdiff._tokens import tokenize

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"


def _textstat(key: str) -> int:
    return max(1, int(textstat.syllable_count(key))) if _is_lexical(key) else 0


@pytest.mark.parametrize(
    "key",
    [
        "hello",
        "cartels",
        "sheinbaum",  # not in the dictionary: hyphenation decides
        "can't",
        "don't",
        "officials'",
        "'til",
        "well-known",
        "us",
        "US",
        "2nd",
        "covid_19",
        "a",
        "hmm",
        "1999",  # no letter: not a word of the formulas
    ],
)
def test_tricky_words_count_as_textstat_counts_them(key: str) -> None:
    assert _syllables(key) == _textstat(key)


def test_every_word_of_the_seeds_counts_as_textstat_counts_it() -> None:
    keys = {
        token.key
        for path in SEEDS.glob("*.txt")
        for token in tokenize(path.read_text(encoding="utf-8"))
        if token.is_word
    }
    assert len(keys) > 500
    assert {key: _syllables(key) for key in keys} == {key: _textstat(key) for key in keys}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'-", min_size=1, max_size=14))
def test_any_lower_case_word_counts_as_textstat_counts_it(key: str) -> None:
    assert _syllables(key) == _textstat(key)
