"""Word and punctuation tokens of raw text, each with a folded key for comparison.

Tokens are found on the caller's raw text, so their offsets need no mapping; only
the keys are folded (see :func:`newsdiff._text.fold`), which makes every comparison
built on them blind to typography.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsdiff._text import fold

__all__ = ["Token", "encode", "tokenize"]

# Word characters plus combining marks and invisible characters, so that "Nicola\u0301s"
# or a zero-width space inside a word does not split it.
_WORD_CHARS = (
    r"\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    r"\u00ad\u200b-\u200d\u2060\ufeff"
)
_TOKEN = re.compile(rf"[{_WORD_CHARS}]+(?:['\u2019][{_WORD_CHARS}]+)*|[^\s{_WORD_CHARS}]")

_KEYS: dict[str, str] = {}


class Token(NamedTuple):
    """One token: raw offsets, folded key, and whether it is a word (not punctuation)."""

    start: int
    end: int
    key: str
    is_word: bool


def _key(raw: str) -> str:
    key = _KEYS.get(raw)
    if key is None:
        key = fold(raw)
        if len(_KEYS) < 200_000:
            _KEYS[raw] = key
    return key


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``; invisible ones dropped.

    >>> [t.key for t in tokenize("Nicol\u00e1s can\u2019t \u201cgo\u201d.")]
    ['nicolas', "can't", '"', 'go', '"', '.']
    """
    stop = len(text) if end is None else end
    tokens = []
    for match in _TOKEN.finditer(text, start, stop):
        key = _key(match.group())
        if key:
            tokens.append(Token(match.start(), match.end(), key, key[0].isalnum() or key[0] == "_"))
    return tokens


def encode(keys: list[str], vocabulary: dict[str, str]) -> str:
    """Encode each key as one character, so string algorithms work on whole words.

    The same ``vocabulary`` must be used for every sequence that is compared.
    """
    chars = []
    for key in keys:
        char = vocabulary.get(key)
        if char is None:
            # Astral code points: far from surrogates and able to name a million words.
            char = chr(0x10000 + len(vocabulary))
            vocabulary[key] = char
        chars.append(char)
    return "".join(chars)
