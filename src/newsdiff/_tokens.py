"""Word and punctuation tokens of raw text, each with a folded key for comparison.

Tokens are found on the caller's raw text, so their offsets need no mapping; only
the keys are folded (see :func:`newsdiff._text.fold`), which makes every comparison
built on them blind to typography.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from typing import TYPE_CHECKING, NamedTuple

from newsdiff._text import fold

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "Token",
    "code_points",
    "is_word_key",
    "sentence_tokens",
    "shouted",
    "token_is_word",
    "token_key",
    "tokenize",
]

# Word characters plus combining marks, invisible characters and controls that are not
# white space, so that "Nicola\u0301s", or a zero-width space, a bidirectional mark or a
# stray control character inside a word, does not split it (all fold to nothing).
_WORD_CHARS = (
    r"\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    r"\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    r"\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
)
_TOKEN = re.compile(rf"[{_WORD_CHARS}]+(?:['\u2019][{_WORD_CHARS}]+)*|[^\s{_WORD_CHARS}]")


class Token(NamedTuple):
    """One token: raw offsets, folded key, and whether it is a word (not punctuation)."""

    start: int
    end: int
    key: str
    is_word: bool


def is_word_key(key: str) -> bool:
    """Whether a non-empty folded key is a word's (it opens with a word character)."""
    return key[0].isalnum() or key[0] == "_"


class _Keys(dict[str, tuple[str, bool]]):
    """Raw token -> (folded key, is a word), filled on first sight and bounded in size."""

    __slots__ = ()
    limit = 200_000

    def __missing__(self, raw: str) -> tuple[str, bool]:
        key = fold(raw)
        entry = (key, bool(key) and is_word_key(key))
        if len(self) < self.limit:
            self[raw] = entry
        return entry


_KEYS = _Keys()
_INVISIBLE = ("", False)
_new_token = functools.partial(tuple.__new__, Token)
_span_of = re.Match.span
_text_of = re.Match.group


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``; invisible ones dropped.

    >>> [t.key for t in tokenize("Nicol\u00e1s can\u2019t \u201cgo\u201d.")]
    ['nicolas', "can't", '"', 'go', '"', '.']
    """
    matches = list(_TOKEN.finditer(text, start, len(text) if end is None else end))
    # Every comparison runs this on every sentence: each step is one ``map`` in C (no
    # Python code per token), and ``tuple.__new__`` builds each named tuple directly.
    entries = list(map(_KEYS.__getitem__, map(_text_of, matches)))
    tokens = list(map(_new_token, map(tuple.__add__, map(_span_of, matches), entries)))
    if _INVISIBLE in entries:
        return [token for token in tokens if token.key]
    return tokens


#: A token's folded key, and whether it is a word, as C-level getters for ``map``.
token_key = operator.itemgetter(2)
token_is_word = operator.itemgetter(3)


# A sentence written in capitals ("MAYOR QUITS AFTER VOTE") is shouted, not a run of
# acronyms: at least this many words, and more than half of its words, in capitals.
# ("THEY LEFT." is shouted; "US aid rose" is not.)
_SHOUTED_WORDS = 2


def sentence_tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of one sentence, as :func:`tokenize`, with shouting folded away.

    Keys keep the capitals of acronyms ("US" is not "us"), but in a sentence written in
    capitals every key is lower-cased, so an all-caps headline compares equal to the
    same words in ordinary case.

    >>> [t.key for t in sentence_tokens("US MAYOR QUITS", 0, 14)]
    ['us', 'mayor', 'quits']
    >>> [t.key for t in sentence_tokens("The US mayor quits", 0, 18)]
    ['the', 'US', 'mayor', 'quits']
    """
    tokens = tokenize(text, start, end)
    if not shouted(tokens):
        return tokens
    return [token._replace(key=token.key.lower()) for token in tokens]


def shouted(tokens: Sequence[Token]) -> bool:
    """Tell whether tokens (from :func:`tokenize`) are written in capitals, not acronyms."""
    capitals = sum(map(str.isupper, map(token_key, tokens)))
    return capitals >= _SHOUTED_WORDS and 2 * capitals > sum(map(token_is_word, tokens))


def code_points(keys: Iterable[str]) -> dict[str, str]:
    """One character per distinct key, for whole-word string algorithms.

    The n-th distinct key, in order of first sight, gets code point ``0x10000 + n``
    (astral, far from surrogates, room for a million words), so codes depend only on
    the keys given; the mapping is built in C. Every sequence compared must be encoded
    with the same mapping.

    >>> code_points(["a", "b", "a"]) == {"a": "\U00010000", "b": "\U00010001"}
    True
    """
    return dict(zip(dict.fromkeys(keys), map(chr, itertools.count(0x10000)), strict=False))
