"""Loading article text, and folding it for comparison with an offset map back.

Two jobs live here because both are about characters: turning bytes or files into
``str`` (refusing what is not an article), and folding text for comparison only
(quotes, dashes, spacing, accents, case) while remembering where each folded
character came from, so that spans found on folded text land on the caller's text.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import attrs
import charset_normalizer

from newsdiff.exceptions import InputError

__all__ = [
    "DEFAULT_MAX_CHARS",
    "FoldedText",
    "check_text",
    "decode",
    "fold",
    "fold_with_offsets",
    "load_text",
]

#: Largest input accepted by default, in characters (bytes for undecoded input). Two
#: million characters is some three hundred long feature articles; a comparison of that
#: size takes about ten seconds and half a gigabyte, so a larger input is far more
#: likely a mistake (a whole archive, a binary dump) than an article.
DEFAULT_MAX_CHARS = 2_000_000

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\uff02"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Characters that carry no visible text: dropped when folding.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"

_HTML_DOCUMENT = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<\?xml)", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(?:html|head|body|div|p|span|br|meta|link|table)\b[^>]*>", re.I)


def _fold_char(char: str) -> str:
    """Fold one character: typographic variants to ASCII, accents dropped, spaces to ' '."""
    if char in _SINGLE_QUOTES:
        return "'"
    if char in _DOUBLE_QUOTES:
        return '"'
    if char in _DASHES:
        return "-"
    if char in _INVISIBLE:
        return ""
    if char.isspace():
        return " "
    category = unicodedata.category(char)
    if category in {"Cc", "Cf", "Cs", "Co", "Cn"}:
        return ""
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(part for part in decomposed if not unicodedata.combining(part))
    if not kept:
        # A lone combining mark: keep it rather than lose a character of content.
        return char if not unicodedata.combining(char) else ""
    if any(part in _SINGLE_QUOTES or part in _DOUBLE_QUOTES for part in kept):
        kept = kept.translate(_QUOTE_TABLE)
    return kept.lower() if len(kept.lower()) == len(kept) else kept


_QUOTE_TABLE = str.maketrans(
    {**dict.fromkeys(_SINGLE_QUOTES, "'"), **dict.fromkeys(_DOUBLE_QUOTES, '"')}
)
_FOLD_CACHE: dict[str, str] = {}


def _folded(char: str) -> str:
    folded = _FOLD_CACHE.get(char)
    if folded is None:
        folded = _fold_char(char)
        if len(_FOLD_CACHE) < 65_536:
            _FOLD_CACHE[char] = folded
    return folded


@attrs.frozen
class FoldedText:
    """Folded text and, for each folded character, the raw offsets it came from.

    ``starts[i]:ends[i]`` is the stretch of the raw text that folded character ``i``
    stands for (one character, or a whole run of white space).
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    raw_length: int

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span ``[start, end)`` to the raw span that covers it.

        >>> folded = fold_with_offsets("A  \u201cQuote\u201d")
        >>> folded.text
        'a "quote"'
        >>> folded.to_raw(2, 9)
        (3, 10)
        """
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else self.raw_length
            return position, position
        return self.starts[start], self.ends[end - 1]


def fold_with_offsets(raw: str) -> FoldedText:
    """Fold ``raw`` for comparison and keep the offset map back to it.

    Quotes, apostrophes and dashes become ASCII, accents and invisible characters go,
    runs of white space become one space, and letters are lower-cased except in
    words written in capitals (acronyms such as "US" keep their meaning).
    """
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    previous_space = True  # drop leading white space
    for index, char in enumerate(raw):
        folded = _folded(char)
        if not folded:
            continue
        if folded == " ":
            if previous_space:
                if ends:
                    ends[-1] = index + 1 if pieces[-1] == " " else ends[-1]
                continue
            previous_space = True
        else:
            previous_space = False
        for part in folded:
            pieces.append(part)
            starts.append(index)
            ends.append(index + 1)
    if pieces and pieces[-1] == " ":
        pieces.pop()
        starts.pop()
        ends.pop()
    text = _keep_acronyms("".join(pieces), raw, starts)
    return FoldedText(text=text, starts=tuple(starts), ends=tuple(ends), raw_length=len(raw))


_WORD = re.compile(r"\w+")


def _keep_acronyms(folded: str, raw: str, starts: list[int]) -> str:
    """Restore the capitals of all-capital words of two letters or more."""
    if not any(char.isupper() for char in raw):
        return folded
    chars = list(folded)
    for match in _WORD.finditer(folded):
        if match.end() - match.start() < 2:
            continue
        original = "".join(raw[starts[i]] for i in range(match.start(), match.end()))
        if original.isupper() and len(original) == match.end() - match.start():
            chars[match.start() : match.end()] = original
    return "".join(chars)


def fold(raw: str) -> str:
    """Fold ``raw`` for comparison; see :func:`fold_with_offsets`.

    Gives exactly ``fold_with_offsets(raw).text``, but without building the offset
    map: detectors fold every sentence and quotation, and this runs several times faster.

    >>> fold("Nicol\u00e1s  said \u201cno\u201d \u2014 twice") == fold('nicolas said "no" - twice')
    True
    """
    try:
        folded = _collapse(raw.translate(_FOLD_TABLE))
        cased = _collapse(raw.translate(_CASED_TABLE))
    except _NeedsOffsetsError:
        return fold_with_offsets(raw).text
    # An acronym needs two adjacent word characters, one a capital: without such a pair
    # (checked exactly on ASCII text) there is nothing to restore.
    if cased.isascii() and not _ACRONYM_HINT.search(cased):
        return folded
    pieces: list[str] = []
    position = 0
    for match in _WORD.finditer(folded):
        start, end = match.span()
        if end - start >= 2 and cased[start:end].isupper():
            pieces.append(folded[position:start])
            pieces.append(cased[start:end])
            position = end
    if not pieces:
        return folded
    pieces.append(folded[position:])
    return "".join(pieces)


class _NeedsOffsetsError(Exception):
    """A character folds to several characters one of which is a space: take the slow path."""


class _FoldTable(dict[int, str]):
    """``str.translate`` table of each character's fold, filled on first sight."""

    def __missing__(self, code: int) -> str:
        folded = _folded(chr(code))
        if " " in folded and folded != " ":
            raise _NeedsOffsetsError
        if len(self) < 65_536:
            self[code] = folded
        return folded


class _CasedTable(dict[int, str]):
    """Characters as the folded text's acronym check sees them, one per folded character.

    A word character of the fold stands for its raw character (so "US" can be restored);
    anything else for its fold, which never belongs to a word.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _folded(char)
        if " " in folded and folded != " ":
            raise _NeedsOffsetsError
        cased = folded if len(folded) == 1 and not _WORD.match(folded) else char * len(folded)
        if len(self) < 65_536:
            self[code] = cased
        return cased


_FOLD_TABLE = _FoldTable()
_CASED_TABLE = _CasedTable()
_SPACES = re.compile(" {2,}")
# Two adjacent word characters, one a capital: "[A-Z][A-Z0-9_]|[0-9_][A-Z]", written with
# one leading class so the engine skips the other characters fast (about 5x faster).
_ACRONYM_HINT = re.compile(r"[A-Z0-9_](?:(?<=[A-Z])[A-Z0-9_]|(?<=[0-9_])[A-Z])")


def _collapse(text: str) -> str:
    """Runs of spaces to one, none at either end, as :func:`fold_with_offsets` does."""
    return _SPACES.sub(" ", text).strip(" ")


def check_text(text: object, *, name: str = "text", max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Return ``text`` unchanged if it is a usable article, else raise :class:`InputError`.

    Raises:
        InputError: the text is not a ``str``, is empty or blank, too long, holds NUL
            characters, or is a whole HTML document.
    """
    if not isinstance(text, str):
        msg = f"{name}: expected str, got {type(text).__name__}; decode bytes with load_text()"
        raise InputError(msg)
    if len(text) > max_chars:
        msg = (
            f"{name}: {len(text):,} characters is over the limit of {max_chars:,}; raise max_chars"
        )
        raise InputError(msg)
    if not any(_folded(char).strip() for char in text):
        msg = f"{name}: the text is empty or holds only white space"
        raise InputError(msg)
    if "\x00" in text:
        msg = f"{name}: the text holds NUL characters and looks binary, not an article"
        raise InputError(msg)
    if _HTML_DOCUMENT.match(text) or len(_HTML_TAG.findall(text[:20_000])) >= 5:
        msg = (
            f"{name}: this looks like an HTML page; extract the article text first "
            "(newsdiff compares plain text so that offsets point into what you passed)"
        )
        raise InputError(msg)
    return text


def decode(data: bytes, *, name: str = "input", max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, else detected.

    Raises:
        InputError: the bytes are empty, binary, too large or in no encoding found.
    """
    if len(data) > max_chars * 4:
        msg = f"{name}: {len(data):,} bytes is over the limit; raise max_chars"
        raise InputError(msg)
    if data.startswith(b"\xef\xbb\xbf"):
        return check_text(_strict(data, "utf-8-sig", name), name=name, max_chars=max_chars)
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return check_text(_strict(data, "utf-32", name), name=name, max_chars=max_chars)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return check_text(_strict(data, "utf-16", name), name=name, max_chars=max_chars)
    if not data.strip():
        msg = f"{name}: the input is empty or holds only white space"
        raise InputError(msg)
    if b"\x00" in data:
        msg = f"{name}: the input holds NUL bytes and looks binary, not an article"
        raise InputError(msg)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None or best.encoding is None:
            msg = f"{name}: could not find the text encoding; save the file as UTF-8"
            raise InputError(msg) from None
        text = str(best)
    return check_text(text, name=name, max_chars=max_chars)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        msg = f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding}"
        raise InputError(msg) from err


def load_text(source: str | bytes | os.PathLike[str], *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Load an article: a ``str`` is the text itself, ``bytes`` are decoded, a path is read.

    Line ends are kept as they are (CRLF, CR or LF), so offsets in a report index the
    decoded text exactly.

    Raises:
        InputError: the file is missing or unreadable, or its content is not usable text.
    """
    if isinstance(source, str):
        return check_text(source, max_chars=max_chars)
    if isinstance(source, bytes | bytearray):
        return decode(bytes(source), max_chars=max_chars)
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > max_chars * 4:
            msg = f"{path}: {size:,} bytes is over the limit; raise max_chars"
            raise InputError(msg)
        data = path.read_bytes()
    except InputError:
        raise
    except OSError as err:
        msg = f"{path}: cannot read the file ({err.strerror or err})"
        raise InputError(msg) from err
    return decode(data, name=str(path), max_chars=max_chars)
