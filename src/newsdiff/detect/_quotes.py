"""Extract direct quotations from raw text and link each to its speaker.

The scanner walks the text once, line by line (a line is a paragraph for quoting
purposes), with a small state machine over quotation marks:

- curly double and single marks, low and angle marks, straight ones (" and ') whose role
  is read from the characters around them, and doubled apostrophes ('') as one mark;
- a quotation in the other style inside a double quotation (“…” inside "…", or the
  reverse) and single quotes inside one are part of its content; single quotes at the
  top level count as quotations only when they open and close a phrase, so apostrophes
  ("can't", "Mexico's", "the '90s") are never taken for marks;
- a paragraph that ends inside a quotation and is followed by a paragraph that re-opens
  one (the multi-paragraph convention) yields one piece per paragraph, all pieces
  sharing the speaker named next to any of them; an unclosed quotation that is not
  continued is dropped rather than guessed.

Speakers come from attribution cues next to the quotation ("X said", "said X",
"X added, “…”", "according to X"); pronouns are resolved to the last named person
before the quotation. :func:`is_scare_quote` flags quoted terms and titles, and
:func:`is_partial_quote` quotations woven into the writer's sentence. Everything runs in
time linear in the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

import attrs

from newsdiff._text import _folded, fold
from newsdiff.detect._attribution import Attribution, _tokens, attributions_among
from newsdiff.lexicons import load_lexicon
from newsdiff.models import Quotation, Span

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from newsdiff.detect._attribution import _Tokens
    from newsdiff.models import AlignmentGroup

    _TokensOf = Callable[[int, int], _Tokens]

__all__ = [
    "GroupIndex",
    "extract_quotations",
    "folded_in_place",
    "group_at",
    "is_partial_quote",
    "is_scare_quote",
    "quote_words",
]


def _words(text: str) -> tuple[str, ...]:
    """Split a space-separated word list written inline."""
    return tuple(text.split())


_DOUBLE_OPENERS = "\u201c\u201e\u00ab\u201f"
_DOUBLE_CLOSERS = "\u201d\u00bb"
_SINGLE_OPENERS = "\u2018\u201b"
_SINGLE_CLOSERS = "\u2019"
_STRAIGHT_DOUBLE = '"'
_STRAIGHT_SINGLE = "'"
_DOUBLE_MARKS = _DOUBLE_OPENERS + _DOUBLE_CLOSERS + _STRAIGHT_DOUBLE
_SINGLE_MARKS = _SINGLE_OPENERS + _STRAIGHT_SINGLE + _SINGLE_CLOSERS
_REOPENERS = _DOUBLE_OPENERS + _STRAIGHT_DOUBLE  # what opens a continued paragraph
# An opening mark: a curly or low one, or a straight one before a letter or digit.
_OPENER = re.compile(f"[{_DOUBLE_OPENERS}]|{_STRAIGHT_DOUBLE}(?=[^\\W_])")
# Every character the line scanner acts on: it jumps from one to the next.
_MARKS = re.compile("[" + re.escape(_DOUBLE_MARKS + _SINGLE_MARKS) + "]")
# Elisions that start with an apostrophe: "'em", "'til", "rock 'n' roll".
_ELISIONS = frozenset(("em", "til", "tis", "twas", "cause", "n", "bout", "round"))
# A letter or digit: the class of str.isalnum(), one character.
_ALNUM = re.compile(r"[^\W_]")
_ELIDED_YEAR = re.compile(r"\d\d(?:s\b|\b)")
_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
_COMPARED_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# _COMPARED_WORD on lower-case ASCII, where its class is [a-z0-9]: a plain range is
# cheaper to test than a Unicode category, and nothing after a run can take it back.
_ASCII_COMPARED_WORD = re.compile(r"[a-z0-9]++(?:'[a-z0-9]++)*+")
# A full stop that ends a sentence: not the one of "Mr." or of an initial ("J."). The
# mark comes first and the look-behinds after it: a pattern that opens with look-behinds
# tries them all at every character of the text.
_NOT_BEFORE_END = ("Mr", "Ms", "Dr", "St", "Jr", "Sr", "Mrs", "Sen", "Rep", "Gov", "Gen", "Rev")
_SENTENCE_END = re.compile(
    r"[.!?]"
    + "".join(rf"(?<!\b{word}[.!?])" for word in (*_NOT_BEFORE_END, "[A-Z]"))
    + r"(?=[\s\u201d\u2019\"']*(?:\s|$))"
)
# Capitalised word runs: candidate names of people, for resolving pronouns.
_NAME_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "St", "Jr", "Sr")
_NAME_WORD = rf"(?:(?:{'|'.join(_NAME_TITLES)})\.|[A-Z]\.|[A-Z][\w\u2019'\-]+)"
# The first word is _NAME_WORD with its capital matched first, so that the engine jumps
# from capital to capital instead of trying every character; look-behinds then check
# the word boundary before it and which title it starts.
_FIRST_NAME_WORD = (
    r"[A-Z](?<=\b[A-Z])(?:(?:"
    + "|".join(f"(?<={title[0]}){title[1:]}" for title in _NAME_TITLES)
    + r")\.|\.|[\w\u2019'\-]+)"
)
_NAME = re.compile(
    rf"{_FIRST_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|de|del|da|van|von|bin|al|la|le)\b)*"
)
_TITLES = frozenset(
    _words(
        "Mr. Mrs. Ms. Dr. Sen. Rep. Gov. Gen. Lt. Col. President Minister Senator Governor "
        "General Judge Mayor Chancellor Prime Secretary"
    )
)
_NAME_STOPS = frozenset(
    _words(
        "The A An In On At But And Or So If As For To Of By With From After Before When While "
        "Since He She They It We I You His Her Their Its Our This That These Those Mr. Mrs. "
        "Ms. Dr. Mr Mrs Ms Dr Then However Meanwhile Still Yet Now"
    )
)
_NOT_PEOPLE = frozenset(
    _words(
        "ministry department party times house court university bank inc corp association "
        "agency government council committee office post news journal union commission senate "
        "congress army police reuters press network company group institute foundation "
        "administration street city state states republic kingdom nations center centre "
        "school hospital airport january february march april may june july august september "
        "october november december monday tuesday wednesday thursday friday saturday sunday"
    )
)
_RESOLVED_PRONOUNS = frozenset(("he", "she", "they", "him", "her", "them"))
_UNRESOLVED_PRONOUNS = frozenset(("it", "we", "i", "you"))
_WINDOW = 240  # characters looked at around a quotation for its cue
_MAX_GAP = 60  # characters allowed between a cue before a quotation and its opening mark
_SCARE_WORDS = 2
_CLOSING_MARKS = " \t\u201d\u2019\"')"
_TITLE_WORDS = 8
_TITLE_LOWER = frozenset(_words("a an the of in on at to for and or but with by from as is"))


@attrs.frozen
class _Piece:
    open_at: int  # where the opening mark starts
    content_start: int
    content_end: int  # where the closing mark starts, or the end of the paragraph's text
    close_at: int  # just past the closing mark
    closed: bool
    continued: bool  # re-opens a quotation left open by the previous paragraph


def quote_words(text: str) -> tuple[str, ...]:
    r"""Fold a stretch of text to the words used to compare quotations.

    Typography, case, accents and hyphenation never tell two quotations apart.

    >>> quote_words("Can\u2019t, well-known \u2014 WON'T!")
    ("can't", 'well', 'known', "won't")
    """
    if text.isascii():
        if _JOINING.search(text) is None:
            # No character that folding drops or turns into an apostrophe: it changes
            # no word once the words are lower-cased.
            return tuple(_ASCII_COMPARED_WORD.findall(text.lower()))
        return tuple(_ASCII_COMPARED_WORD.findall(text.translate(_PLAIN_FOLD).lower()))
    if _plain(text):
        # Folding then maps each character on its own: what else it does (spacing, the
        # capitals of acronyms) changes no word once the words are lower-cased.
        return tuple(_COMPARED_WORD.findall(text.translate(_PLAIN_FOLD).lower()))
    return tuple(_COMPARED_WORD.findall(fold(text).lower()))


# How fold() maps each character whose fold holds no word character (all of ASCII,
# curly quotes, dashes, spaces): a control character to nothing, a backtick to an
# apostrophe, a capital to its small letter. Other characters fold into letters, and an
# acronym fold() restores keeps them as written, so they take the full fold.
_PLAIN_FOLD: dict[int, str] = {code: _folded(chr(code)) for code in range(128)}
_PLAIN = set(map(chr, range(128)))  # the characters of _PLAIN_FOLD
# The ASCII characters whose fold can join two words: those it drops and the backtick
# (an apostrophe). The others fold to themselves, their small letter, or a space for
# a space: none of that moves a word boundary.
_JOINING = re.compile(
    "["
    + re.escape(
        "".join(
            char
            for char, folded in ((chr(code), _PLAIN_FOLD[code]) for code in range(128))
            if folded not in (char, char.lower()) and not (folded == " " and char.isspace())
        )
    )
    + "]"
)
_NOT_PLAIN: set[str] = set()
_MAX_PLAIN = 65_536


def _plain(text: str) -> bool:
    """Tell whether every character of ``text`` folds on its own into no word character."""
    for char in set(text).difference(_PLAIN):
        if char in _NOT_PLAIN:
            return False
        folded = _folded(char)
        if any(part.isalnum() or part == "_" for part in folded) or (
            " " in folded and folded != " "
        ):
            if len(_NOT_PLAIN) < _MAX_PLAIN:
                _NOT_PLAIN.add(char)
            return False
        if len(_PLAIN) >= _MAX_PLAIN:
            return False  # a table that large is no cache: fold the text instead
        _PLAIN_FOLD[ord(char)] = folded
        _PLAIN.add(char)
    return True


def folded_in_place(text: str) -> str | None:
    """Lower-case and fold ``text`` with every character kept at its offset, if possible.

    Every word :func:`quote_words` finds in a stretch of ``text`` (or in stretches of it
    joined by spaces) is then a substring of the same stretch of the result, so a
    stretch that lacks a word as a substring cannot hold it. ``None`` when a character
    folds into no character or several, or takes the full fold.
    """
    if text.isascii() and _JOINING.search(text) is None:
        # As in quote_words: folding changes no word of such text once lower-cased.
        return text.lower()
    if not text.isascii() and not _plain(text):
        return None
    if any(len(_PLAIN_FOLD[ord(char)]) != 1 for char in set(text)):
        return None
    lowered = text.translate(_PLAIN_FOLD).lower()
    # Each character now folds into one; one that lower-cases into several shows here.
    return lowered if len(lowered) == len(text) else None


# How a short quotation of somebody's words ends inside its marks: "No way," she said.
_SPOKEN_ENDS = frozenset(",.!?")


def is_scare_quote(quotation: Quotation) -> bool:
    """Tell whether quotation marks set off a term or a title rather than somebody's words.

    Scare quotes ("the so-called 'reform'") hold two words or fewer, or three with no
    reporting cue beside them ("the 'war on drugs'"); titles of shows, books and
    headings ("Meet the Press") are short, capitalise every main word and have no
    reporting cue. The ledger and the evaluation leave both out.
    """
    words = _WORD.findall(quotation.content.text)
    if len(words) <= _SCARE_WORDS:
        # Unless somebody says it, closing on their own punctuation: "No way," she said.
        return not (
            quotation.cue is not None
            and quotation.speaker is not None
            and quotation.content.text.rstrip()[-1:] in _SPOKEN_ENDS
        )
    if quotation.cue is not None:
        return False
    if len(words) <= _SCARE_WORDS + 1:
        return True
    if len(words) > _TITLE_WORDS:
        return False
    return all(word[0].isupper() or word.lower() in _TITLE_LOWER for word in words)


def is_partial_quote(text: str, quotation: Quotation) -> bool:
    """Tell whether a quotation is woven into the writer's sentence rather than set apart.

    A direct quotation opens its sentence or paragraph, or follows its cue and a colon
    or comma ('she said: “…”', 'according to X, “…”'). A partial quotation continues
    running text ('vowed to “fight on”', 'said that “…”'); its words are still quoted,
    but the claim around it is the writer's paraphrase.

    >>> text = 'Ana Ruiz vowed to "fight on until the end." She said: "We are ready now."'
    >>> [is_partial_quote(text, q) for q in extract_quotations(text)]
    [True, False]
    """
    start = quotation.span.start
    before = text[max(0, start - _WINDOW) : start]
    cut = max(before.rfind("\n"), _last_sentence_end(before))
    lead = before[cut + 1 :].rstrip()
    if not lead.lstrip(_CLOSING_MARKS):
        return False  # the quotation opens the sentence, maybe after a quoted title
    if lead[-1] in ",:\u2014\u2015":
        return False
    lead_end = start - len(before) + cut + 1 + len(lead)
    return not (quotation.cue is not None and quotation.cue.end == lead_end)


def _last_sentence_end(text: str) -> int:
    found = -1
    for match in _SENTENCE_END.finditer(text):
        found = match.start()
    return found


@attrs.frozen
class GroupIndex:
    """Find, by bisection, the alignment group whose sentence holds an offset of one side."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    groups: tuple[int, ...]

    @classmethod
    def of(cls, alignment: Sequence[AlignmentGroup], *, rewrite: bool) -> GroupIndex:
        """Index the sentences of the rewrite (``rewrite=True``) or of the original."""
        spans = sorted(
            (span.start, span.end, index)
            for index, group in enumerate(alignment)
            for span in (group.rewrite if rewrite else group.original)
        )
        return cls(
            tuple(span[0] for span in spans),
            tuple(span[1] for span in spans),
            tuple(span[2] for span in spans),
        )

    def at(self, offset: int) -> int | None:
        """Return the group of the sentence holding ``offset`` (or ending at it), if any."""
        position = bisect.bisect_right(self.starts, offset) - 1
        if position < 0:
            return None
        if offset < self.ends[position] or offset == self.ends[position]:
            return self.groups[position]
        return None


def group_at(alignment: Sequence[AlignmentGroup], offset: int, *, rewrite: bool) -> int | None:
    """Return the index of the alignment group whose sentence holds ``offset``.

    For many look-ups on one comparison, build a :class:`GroupIndex` once instead.

    Args:
        alignment: The groups of a comparison.
        offset: A character offset into the rewrite (``rewrite=True``) or the original.
        rewrite: Which side ``offset`` indexes.

    Returns:
        The group index, or ``None`` when no sentence of that side covers the offset.
    """
    return GroupIndex.of(alignment, rewrite=rewrite).at(offset)


def _opens_single(line: str, index: int) -> bool:
    before = line[index - 1] if index else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    if before.isalnum() or not after.isalnum():
        return False
    rest = line[index + 1 : index + 6]
    if _ELIDED_YEAR.match(rest):
        return False
    word = _WORD.match(rest)
    return not (word and word.group().lower() in _ELISIONS)


def _closes_single(line: str, index: int) -> bool:
    before = line[index - 1] if index else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    return not before.isspace() and not after.isalnum()


def _double_role(line: str, index: int, opener: str, nested: int) -> str:
    """Say what a double mark does: "open", "close", "nest", "unnest" or "skip".

    ``opener`` is the mark that opened the current quotation ("" outside one) and
    ``nested`` how many quotations of the other style (straight inside curly, or curly
    inside straight) are open within it.
    """
    char = line[index]
    inside = bool(opener)
    after = line[index + 1] if index + 1 < len(line) else " "
    before = line[index - 1] if index else " "
    if before == "\u0000":
        before = line[index - 2] if index > 1 else " "
    straight_outer = opener == _STRAIGHT_DOUBLE
    if char in _DOUBLE_OPENERS:
        if inside and opener == "\u201e" and char == "\u201c":
            return "close"  # German style: „…“
        if inside and not before.isspace() and not after.isalnum():
            if straight_outer and nested:
                return "unnest"
            return "close"  # an opening mark typed where the closing one belongs
        if straight_outer:
            return "nest"  # “…” inside "…"
        return "open"
    if char in _DOUBLE_CLOSERS:
        if straight_outer and nested:
            return "unnest"
        return "close" if inside else "skip"
    if inside and not straight_outer:
        return _straight_in_curly(before, after, nested)
    if inside:
        return "close"
    if after.isspace() and not before.isspace():
        return "skip"  # a stray closing mark
    return "open"


def _straight_in_curly(before: str, after: str, nested: int) -> str:
    """Read a straight mark inside a curly quotation: nested quotation, or a closing mark."""
    if nested and not before.isspace():
        return "unnest"
    if after.isalnum() and (before.isspace() or before in "([\u2014-"):
        return "nest"
    return "close"  # a closing mark typed in the wrong style


def _scan_line(line: str, base: int, continued: bool) -> tuple[list[_Piece], bool]:
    """Find the quoted pieces of one paragraph; say whether it ends inside a quotation."""
    if "''" in line:
        # Some newsrooms type a double mark as two apostrophes; read each pair as one
        # straight double mark placed on its second character, so offsets stay put.
        line = line.replace("''", '\u0000"')
    pieces: list[_Piece] = []
    open_at = -1
    opener = ""
    single_at = -1
    first_continues = continued
    nested = 0
    for hit in _MARKS.finditer(line):
        index, char = hit.start(), hit.group()
        if char in _DOUBLE_MARKS:
            role = _double_role(line, index, opener if open_at >= 0 else "", nested)
            if role == "nest":
                nested += 1
            elif role == "unnest":
                nested -= 1
            elif role == "open":
                open_at, opener, single_at, nested = index, char, -1, 0
            elif role == "close" and open_at >= 0:
                start = open_at - 1 if open_at and line[open_at - 1] == "\u0000" else open_at
                mark = index - 1 if line[index - 1] == "\u0000" else index
                pieces.append(
                    _Piece(
                        base + start,
                        base + open_at + 1,
                        base + mark,
                        base + index + 1,
                        closed=True,
                        continued=first_continues,
                    )
                )
                first_continues = False
                open_at = -1
        elif open_at < 0 and char in _SINGLE_MARKS:
            if single_at < 0:
                if char != "\u2019" and _opens_single(line, index):
                    single_at = index
            elif char != "\u2018" and _closes_single(line, index):
                pieces.append(
                    _Piece(
                        base + single_at,
                        base + single_at + 1,
                        base + index,
                        base + index + 1,
                        closed=True,
                        continued=False,
                    )
                )
                single_at = -1
    if open_at >= 0:
        start = open_at - 1 if open_at and line[open_at - 1] == "\u0000" else open_at
        end = base + len(line.rstrip())
        pieces.append(
            _Piece(
                base + start, base + open_at + 1, end, end, closed=False, continued=first_continues
            )
        )
        return pieces, True
    return pieces, False


def _lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text`` that hold anything, each with its offset (CR and LF end one)."""
    found: list[tuple[int, str]] = []
    position = 0
    for part in text.replace("\r", "\n").split("\n"):
        if part:
            found.append((position, part))
        position += len(part) + 1
    return found


def _scan(text: str) -> list[_Piece]:
    lines = _lines(text)
    pieces: list[_Piece] = []
    carried = False
    for number, (base, line) in enumerate(lines):
        if _MARKS.search(line) is None:
            carried = False  # no mark: nothing quoted, nothing left open
            continue
        found, left_open = _scan_line(line, base, carried)
        if left_open:
            following = lines[number + 1][1].lstrip() if number + 1 < len(lines) else ""
            if following[:1] and following[0] in _REOPENERS:
                carried = True
            else:
                found.pop()  # an unclosed quotation nobody re-opens: a stray mark
                carried = False
        else:
            carried = False
        pieces.extend(found)
    # Marks with no words between them ('""') quote nothing.
    return [
        piece
        for piece in pieces
        if _ALNUM.search(text, piece.content_start, piece.content_end) is not None
    ]


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _cue_after(
    text: str, piece_end: int, limit: int, content: str, tokens_of: _TokensOf
) -> Attribution | None:
    """Find the cue right after a quotation: '," she said' or '," said the minister'."""
    if content.rstrip().endswith("."):
        return None  # the sentence ended inside the quotation
    stop = min(limit, piece_end + _WINDOW)
    end_match = _SENTENCE_END.search(text, piece_end, stop)
    if end_match:
        stop = end_match.start()
    attributions = attributions_among(text, tokens_of(piece_end, stop))
    if not attributions or attributions[0].vague:
        return None
    first = attributions[0]
    starts = first.cue.start if first.source is None else min(first.cue.start, first.source.start)
    gap = text[piece_end:starts]
    if any(char.isalnum() for char in gap):
        return None
    return first


def _cue_before(
    text: str, piece_start: int, floor: int, tokens_of: _TokensOf
) -> Attribution | None:
    """Find the cue just before a quotation: 'X said: “…”' or 'according to X, “…”'."""
    start = max(floor, piece_start - _WINDOW)
    last_end = start
    for match in _SENTENCE_END.finditer(text, start, piece_start):
        last_end = match.end()
    attributions = [
        a for a in attributions_among(text, tokens_of(last_end, piece_start)) if not a.vague
    ]
    if not attributions:
        return None
    last = attributions[-1]
    ends = last.cue.end if last.source is None else max(last.cue.end, last.source.end)
    if piece_start - ends > _MAX_GAP:
        return None
    return last


class _Names:
    """Capitalised names of people in the text, for pronoun resolution.

    A run of capitalised words never crosses a line break, so each line is read alone,
    from the pronoun's line backwards, and only when a pronoun needs it: most quotations
    name their speaker outright.
    """

    __slots__ = ("_before", "_in_line", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        # Line start -> the people named in the line, as (offset, name) in text order.
        self._in_line: dict[int, list[tuple[int, str]]] = {}
        # Line start -> the last person named in the lines before it.
        self._before: dict[int, str | None] = {}

    def _line(self, start: int) -> list[tuple[int, str]]:
        try:
            return self._in_line[start]
        except KeyError:
            pass
        end = self._text.find("\n", start)
        found: list[tuple[int, str]] = []
        for match in _NAME.finditer(self._text, start, len(self._text) if end < 0 else end):
            run = match.group()
            # One word names no person (see _person): skip it without splitting.
            name = _person(run.split()) if " " in run or "\t" in run else None
            if name is not None:
                found.append((match.start(), name))
        self._in_line[start] = found
        return found

    def last_before(self, offset: int, pronoun: str = "") -> str | None:
        """The person ``pronoun`` most likely stands for: the last named before ``offset``.

        When that name is known to be of the other gender than "she"/"her" or "he"/"him"
        (its given name is in the ``gendered_given_names`` lexicon), the last name before
        it known to be of the pronoun's gender is taken instead, if one is named in the
        :data:`_GENDER_WINDOW` characters before the pronoun.
        """
        start = self._text.rfind("\n", 0, offset) + 1
        nearest = next(
            (name for position, name in reversed(self._line(start)) if position < offset),
            None,
        )
        if nearest is None:
            nearest = self._named_before(start)
        wanted = _PRONOUN_GENDER.get(pronoun.lower())
        if nearest is None or wanted is None or _gender(nearest) in {None, wanted}:
            return nearest
        return self._gendered_before(offset, wanted) or nearest

    def _gendered_before(self, offset: int, wanted: str) -> str | None:
        """The last person of gender ``wanted`` named in the window before ``offset``."""
        floor = max(0, offset - _GENDER_WINDOW)
        line = self._text.rfind("\n", 0, offset) + 1
        while True:
            for position, name in reversed(self._line(line)):
                if position < floor:
                    return None
                if position < offset and _gender(name) == wanted:
                    return name
            if line == 0 or line <= floor:
                return None
            line = self._text.rfind("\n", 0, line - 1) + 1

    def _named_before(self, line: int) -> str | None:
        """The last person named in the lines before the line starting at ``line``."""
        walked: list[int] = []
        found: str | None = None
        while line > 0 and line not in self._before:
            walked.append(line)
            line = self._text.rfind("\n", 0, line - 1) + 1
            named = self._line(line)
            if named:
                found = named[-1][1]
                break
        else:
            found = self._before.get(line)
        for start in walked:
            self._before[start] = found
        return found


# The gender of a pronoun's referent; and how far back a referent of the right gender is
# looked for when the last person named is of the other one.
_PRONOUN_GENDER = {"she": "female", "her": "female", "he": "male", "him": "male"}
_GENDER_WINDOW = 3000


def _gender(name: str) -> str | None:
    """The gender of a name's given name if the lexicon lists it ("female", "male"), else None."""
    return _given_name_genders().get(fold(name.split(maxsplit=1)[0]))


@functools.cache
def _given_name_genders() -> dict[str, str]:
    """Folded given name -> "female" or "male", for the names the lexicon lists."""
    lexicon = load_lexicon("gendered_given_names")
    return {fold(name): gender for gender, names in lexicon.terms.items() for name in names}


def _person(words: list[str]) -> str | None:
    """Pick a person's name out of a run of capitalised words, if it holds one.

    The run is cut at function words and pronouns ("In", "She"); the last piece, less
    the words up to its last title, names a person when it has two words or follows a
    title ("Mr. Ruiz"), and names no organisation, place or date.
    """
    pieces: list[list[str]] = [[]]
    for word in words:
        if word in _NAME_STOPS or word.lower() in _RESOLVED_PRONOUNS:
            pieces.append([])
        else:
            pieces[-1].append(word)
    piece = next((p for p in reversed(pieces) if p), [])
    # Words up to the last title describe the person: "Mexican President Claudia Sheinbaum".
    last_title = max((k for k, word in enumerate(piece) if word in _TITLES), default=-1)
    titled = last_title >= 0
    piece = piece[last_title + 1 :]
    if not piece or (len(piece) < 2 and not titled):
        return None
    if any(word.lower().strip(".") in _NOT_PEOPLE for word in piece):
        return None
    if not any(char.islower() for char in "".join(piece)):
        return None  # acronyms: "NATO", "U.S."
    return " ".join(piece)


def _speaker(attribution: Attribution, names: _Names) -> str | None:
    if attribution.source is None:
        return None
    source = attribution.source.text
    lower = source.lower()
    if lower in _RESOLVED_PRONOUNS:
        return names.last_before(attribution.source.start, lower)
    if lower in _UNRESOLVED_PRONOUNS:
        return None
    return source


def extract_quotations(text: str) -> tuple[Quotation, ...]:
    """Extract the direct quotations of ``text``, each with its speaker when one is found.

    ``span`` covers the quotation with its marks, ``content`` the words inside them.
    ``speaker`` is the name as written, or for a pronoun the last named person before
    it; ``speaker_span`` is where the speaker is mentioned next to the cue (the pronoun
    itself for a resolved pronoun); ``cue`` is the reporting verb or phrase.

    Args:
        text: The raw text; offsets in the result index it.

    Returns:
        The quotations in text order.

    >>> [(q.content.text, q.speaker) for q in extract_quotations(
    ...     "Ana Ruiz spoke. \u201cWe will not wait,\u201d she said.")]
    [('We will not wait,', 'Ana Ruiz')]
    """
    return quotations_with(text, lambda start, end: _tokens(text, start, end))


def quotations_with(text: str, tokens_of: _TokensOf) -> tuple[Quotation, ...]:
    """Do what :func:`extract_quotations` does, reading cues from ``tokens_of(start, end)``.

    ``tokens_of`` must return what the attribution finder's own split of
    ``text[start:end]`` would; a caller that split the whole text once hands out slices.
    """
    names = _Names(text)
    quotations: list[Quotation] = []
    previous: Quotation | None = None
    previous_line = -1
    floor = 0
    pieces = _scan(text)
    for piece in pieces:
        span = Span.of(text, piece.open_at, piece.close_at)
        content = Span.of(text, piece.content_start, piece.content_end)
        line_start, line_end = _line_bounds(text, piece.open_at, piece.close_at)
        cue = _cue_before(text, piece.open_at, max(floor, line_start), tokens_of)
        if cue is None and piece.closed:
            next_open = _next_opener(text, span.end, line_end)
            cue = _cue_after(text, span.end, next_open, content.text, tokens_of)
        if cue is not None:
            quotation = Quotation(
                span=span,
                content=content,
                speaker=_speaker(cue, names),
                speaker_span=cue.source,
                cue=cue.cue,
            )
        elif previous is not None and (piece.continued or previous_line == line_start):
            # A later piece of the same paragraph, or a paragraph that re-opens the
            # quotation, belongs to the speaker of the piece before it.
            quotation = Quotation(
                span=span,
                content=content,
                speaker=previous.speaker,
                speaker_span=previous.speaker_span,
                cue=previous.cue,
            )
        else:
            quotation = Quotation(span=span, content=content)
        quotations.append(quotation)
        if not is_scare_quote(quotation):
            previous = quotation
            previous_line = line_start if piece.closed else -1
        floor = span.end
    return tuple(_share_speakers(quotations, pieces))


def _share_speakers(quotations: list[Quotation], pieces: Sequence[_Piece]) -> list[Quotation]:
    """Give every piece of a multi-paragraph quotation the speaker its last piece names."""
    index = len(quotations) - 1
    while index > 0:
        if pieces[index].continued and quotations[index].speaker_span is not None:
            donor = quotations[index]
            back = index
            while back > 0 and pieces[back].continued:
                back -= 1
                if quotations[back].cue is None:
                    quotations[back] = attrs.evolve(
                        quotations[back],
                        speaker=donor.speaker,
                        speaker_span=donor.speaker_span,
                        cue=donor.cue,
                    )
            index = back
        index -= 1
    return quotations


def _next_opener(text: str, start: int, limit: int) -> int:
    """Where the next quotation opens within ``_WINDOW`` characters of ``start`` (else ``limit``).

    A straight mark opens one only before a letter or digit, which may lie one character
    past the window but not past ``limit``.
    """
    stop = min(limit, start + _WINDOW)
    found = _OPENER.search(text, start, min(limit, stop + 1))
    return found.start() if found is not None and found.start() < stop else limit
