"""The entity finder's fast tokeniser against the plain reading of its token pattern."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.detect._entities import (
    _ASCII_TOKEN_SPLIT,
    _COMMON_MARKS,
    _TOKEN,
    _TOKEN_SPLIT,
    _pieces,
    _plain,
    _rules,
    _tokenise,
    entity_gazetteers,
    find_entities,
)
from newsdiff.lexicons import load_lexicon


def _plain_tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """One match at a time, as the finder read its tokens before it was made fast."""
    tokens: list[tuple[str, int, int]] = []
    for match in _TOKEN.finditer(text, start, end):
        tokens.extend(_pieces(match.group(), match.start(), _rules()))
    return tokens


def _fast_tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    tokens = _tokenise(text, start, end, _rules())
    assert len(tokens.norms) == len(tokens.words)
    return list(zip(tokens.words, tokens.starts, tokens.ends, strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "U.S.-Mexico talks",  # an acronym, then a hyphen and a known name
        "AU.S. and U.S and U.S.A.",  # acronyms only at a word's start
        "then-President Ana Ruiz\u2019s aide",  # modifier split, curly possessive
        "Afghan-born writer, well-known",  # a known part splits, others stay whole
        "rock \u2014 and\u2013roll, O\u2019Neil's `quote`",  # dashes and apostrophes
        "Nicolás Ortega, São Paulo, Zürich",  # letters outside ASCII inside words
        "x\u00b2 and \u216b and \u01c5 and \u0663\u0664 and 12\u0663",  # odd word characters
        "snake_case__name and a\u0301 combining mark",  # "_" is a gap; marks stand alone
        "\x1cfile\x1dsep\u00a0nbsp\u2009thin",  # white space that is not a space
        "",
        "   \n\t  ",
    ],
)
def test_fast_tokens_are_the_plain_tokens(text: str) -> None:
    assert _fast_tokens(text, 0, len(text)) == _plain_tokens(text, 0, len(text))


def test_fast_patterns_cut_every_character_as_the_definition_does() -> None:
    # Every character of the Basic Multilingual Plane and a sample beyond, inside a word,
    # after a word, in a possessive, after an acronym and between digits.
    characters = [*range(0x10000), *range(0x10000, 0x110000, 97)]
    text = " ".join(f"a{c}b{c}\u2019s A.B{c}1{c}2" for c in map(chr, characters))
    assert _TOKEN_SPLIT.split(text)[1::2] == _TOKEN.findall(text)
    ascii_text = " ".join(f"a{c}b{c}'s A.B{c}1{c}2" for c in map(chr, range(128)))
    assert _ASCII_TOKEN_SPLIT.split(ascii_text)[1::2] == _TOKEN.findall(ascii_text)
    # ASCII with the common marks beside every character, as the plain pattern reads it.
    plain = [*map(chr, range(128)), *_COMMON_MARKS]
    marked = " ".join(f"a{c}b{c}\u2019s A.B{c}1{c}2 {c}{d}x{d}" for c in plain for d in plain[::5])
    assert _plain(marked)
    assert _ASCII_TOKEN_SPLIT.split(marked) == _TOKEN_SPLIT.split(marked)
    assert _ASCII_TOKEN_SPLIT.split(marked)[1::2] == _TOKEN.findall(marked)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Ana Ruiz said so.", True),
        ("\u201cAna Ruiz\u2019s aide\u201d \u2014 so\u2026", True),  # marks only
        ("Nicol\u00e1s said so.", False),  # a letter outside ASCII
        ("x\u00b2 and \u0663", False),  # word characters that are no letters
        ("ma\u02bca", False),  # a modifier letter that joins words
    ],
)
def test_plain_text_is_ascii_but_for_common_marks(text: str, *, plain: bool) -> None:
    assert _plain(text) is plain


_SOUP = st.text(
    alphabet=st.sampled_from(
        [*"aAzZUS.'-`_ \n,0189", "\u2019", "\u2014", "\u201c", "é", "É", "\u0663", "²"]
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_SOUP, st.integers(0, 60), st.integers(0, 60))
def test_fast_tokens_of_a_range_are_the_plain_tokens(text: str, start: int, end: int) -> None:
    end = min(end, len(text))
    start = min(start, end)
    assert _fast_tokens(text, start, end) == _plain_tokens(text, start, end)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_fast_tokens_of_any_text_are_the_plain_tokens(text: str) -> None:
    assert _fast_tokens(text, 0, len(text)) == _plain_tokens(text, 0, len(text))


def test_word_lists_pickle_without_the_words_they_have_seen() -> None:
    organisations = load_lexicon("organisations").extended(ferrovia=["Ferrovia"])
    gazetteers = entity_gazetteers(organisations=organisations)
    text = "Ferrovia met Chilean officials."
    found = find_entities(text, gazetteers=gazetteers)
    copy = pickle.loads(pickle.dumps(gazetteers))  # noqa: S301 - our own object
    assert not copy.classes
    assert find_entities(text, gazetteers=copy) == found
    assert [entity.key for entity in found] == ["ferrovia", "chile"]
