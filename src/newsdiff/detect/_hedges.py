"""Find hedges, conjecture, predictions and rhetorical questions in a stretch of text.

The cues come from the ``hedges`` lexicon (one list per category; see its ``[meta]``
for provenance). Matching is one left-to-right pass over the words: at each word the
longest listed phrase that starts there wins, so "could not" (listed as a look-alike)
shields "could", and "is expected to" is one cue, not two. A few words need context
that a list cannot hold, and carry small rules here:

- "may" before a number, or "May" with a capital inside a sentence, is the month or a
  name ("May 5", "Theresa May"), not the modal, unless the words around it are in
  title case ("Prices May Rise") and no month word ("in", "early") comes before it;
- "might" after a determiner or before "of" is the noun ("the might of the navy");
- "would" before a narrative word ("would later become") tells past events, not a guess;
  "would" shortly after a verb of saying or deciding ("said it would") reports someone
  else's intent, which is attribution rather than the writer's conjecture.

A question mark that ends a sentence outside quotation marks is a rhetorical question
in the writer's own voice. :func:`find_quote_spans` finds quotation marks, so callers
can leave out what a source said (``exclude=``) and charge the writer only with their
own speculation.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

import attrs

from newsdiff.lexicons import Lexicon, load_lexicon
from newsdiff.models import Span

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from newsdiff.models import Quotation

__all__ = [
    "Hedge",
    "HedgeMatcher",
    "PhraseIndex",
    "PhraseMatch",
    "find_hedges",
    "find_quote_spans",
    "hedges_among",
    "inside",
    "local_quote_spans",
    "writer_quote_spans",
]

#: Category of a question asked in the writer's own voice.
RHETORICAL_QUESTION = "rhetorical_question"

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# Characters allowed between the words of one phrase: a phrase never runs over punctuation.
_PHRASE_GAP = frozenset(" \t\u00a0-\u2010\u2011")
_SENTENCE_START_BEFORE = frozenset(".!?\n\r\"'\u201c\u201d\u2018\u2019([:;\u2014\u2013")
_QUESTION_BOUNDARY = frozenset(".!?\n\r\u2028\u2029")
_QUESTION_AFTER = frozenset(" \t\n\r\"')]\u201d\u2019\u00bb")
# The only characters the quotation and question scans act on; the regular
# expressions jump from one to the next instead of a Python loop over every character.
_QUOTE_SCAN = re.compile("[\n\r\u2028\u2029\u201c\u201e\u00ab\u201d\u00bb\"'\u2018\u2019]")
_QUESTION_SCAN = re.compile("[.!?\n\r\u2028\u2029]")
_QUESTION_LEAD = " \t\"'\u201c\u2018\u00ab(-\u2014\u2013"
# Short titles whose full stop does not end a sentence ("Mr. Smith, will you run?").
_CIVIL_TITLES = ("mr", "mrs", "ms", "dr", "prof", "rev", "hon", "jr", "sr", "st", "no", "vs")
_RANK_TITLES = ("gen", "sen", "rep", "gov", "pres", "lt", "col", "sgt", "capt")
_TITLES = frozenset((*_CIVIL_TITLES, *_RANK_TITLES))
_NOT_HEDGE = "not_hedge"
# How many words back a verb of saying makes "would" reported intent ("said that it would").
_REPORT_REACH = 4


@attrs.frozen(kw_only=True)
class Hedge:
    """One cue of speculation: where it is, its category and the listed phrase it matched.

    ``cue`` is the lexicon phrase in lower case ("appears to"), or ``"?"`` for a
    rhetorical question, so two versions can be compared without caring about case or
    typography.
    """

    span: Span
    category: str
    cue: str


class _Token(NamedTuple):
    # A named tuple, not an attrs class: a scan makes one per word, and tuples are
    # several times cheaper to build.
    start: int
    end: int
    raw: str
    word: str


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [
        _Token(match.start(), match.end(), match.group(), _normal(match.group()))
        for match in _WORD.finditer(text, start, end)
    ]


def _normal(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(_normal(match.group()) for match in _WORD.finditer(phrase))


@attrs.frozen
class PhraseMatch:
    """One listed phrase found in a text: its offsets, list name and family key."""

    start: int
    end: int
    category: str
    key: str


_Rule = Callable[[str, list[_Token], int, int], bool]


class PhraseIndex:
    """Phrase lists indexed by first word, for one longest-match pass over a text.

    An entry may name a family of forms separated by ``|`` ("slams|slammed|slamming");
    every form then reports the first form as its ``key``. Entries of the ``blocker``
    list are matched like the others and then dropped, so a listed look-alike ("could
    not") shields the shorter cue inside it.
    """

    def __init__(self, lists: Mapping[str, Iterable[str]], *, blocker: str = _NOT_HEDGE) -> None:
        """Index the phrases of every list in ``lists``; the first list naming a phrase wins."""
        phrases: dict[tuple[str, ...], tuple[str, str]] = {}
        for category, terms in lists.items():
            for term in terms:
                forms = [form for form in (part.strip() for part in term.split("|")) if form]
                if not forms:
                    continue
                key = " ".join(_phrase_words(forms[0]))
                for form in forms:
                    words = _phrase_words(form)
                    if words and (words not in phrases or category == blocker):
                        phrases[words] = (category, key)
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for words, (category, key) in phrases.items():
            index.setdefault(words[0], []).append((words, category, key))
        self._index = {
            first: tuple(sorted(entries, key=lambda entry: (-len(entry[0]), entry[0])))
            for first, entries in index.items()
        }
        # Longer phrases also by their first two words, in the same order, so a common
        # first word ("it", "some") does not make the scan try every phrase it starts.
        pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], str, str]]] = {}
        singles: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]] = {}
        for first, entries in self._index.items():
            for entry in entries:
                if len(entry[0]) > 1:
                    pairs.setdefault((first, entry[0][1]), []).append(entry)
                else:
                    singles[first] = (entry,)
        self._pairs = {pair: tuple(entries) for pair, entries in pairs.items()}
        self._singles = singles
        self._blocker = blocker

    def scan(
        self,
        text: str,
        start: int,
        end: int,
        rule: _Rule | None = None,
        tokens: list[_Token] | None = None,
    ) -> list[PhraseMatch]:
        """Return the listed phrases of ``text[start:end]`` in text order.

        ``rule(text, tokens, position, width)`` may veto a match of a cue list; the scan
        then tries shorter phrases at the same word. ``tokens`` are the words of
        ``text[start:end]`` when the caller has them already.
        """
        if tokens is None:
            tokens = _tokens(text, start, end)
        index = self._index
        found: list[PhraseMatch] = []
        position = 0
        while position < len(tokens):
            if tokens[position].word not in index:
                position += 1  # most words start no phrase: skip the call
                continue
            width, category, key = self._match(text, tokens, position, rule)
            if width and category != self._blocker:
                first, last = tokens[position], tokens[position + width - 1]
                found.append(PhraseMatch(first.start, last.end, category, key))
            position += max(width, 1)
        return found

    def _match(
        self, text: str, tokens: list[_Token], position: int, rule: _Rule | None
    ) -> tuple[int, str, str]:
        first = tokens[position].word
        longer = (
            self._pairs.get((first, tokens[position + 1].word), ())
            if position + 1 < len(tokens)
            else ()
        )
        for words, category, key in (*longer, *self._singles.get(first, ())):
            width = len(words)
            if width > 1:
                # The first word matches: the index is keyed by it. Check the rest.
                window = tokens[position : position + width]
                if len(window) < width or any(
                    token.word != word for token, word in zip(window, words, strict=True)
                ):
                    continue
                if any(
                    not set(text[left.end : right.start]) <= _PHRASE_GAP
                    for left, right in itertools.pairwise(window)
                ):
                    continue
            if (
                category != self._blocker
                and rule is not None
                and not rule(text, tokens, position, width)
            ):
                continue
            return width, category, key
        return 0, "", ""


class HedgeMatcher:
    """The cue lists of one hedge lexicon, indexed for a linear scan.

    Build one from your own :class:`~newsdiff.lexicons.Lexicon` (same list names as the
    shipped ``hedges`` lexicon) to change what counts as a hedge.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        """Index every list of ``lexicon`` except the ``rule_`` lists read by the rules."""
        self._phrases = PhraseIndex(
            {name: terms for name, terms in lexicon.terms.items() if not name.startswith("rule_")}
        )
        self._might_noun = frozenset(_normal(word) for word in lexicon.get("rule_might_noun"))
        self._month_before = frozenset(_normal(word) for word in lexicon.get("rule_month_before"))
        self._reported_would = frozenset(
            _normal(word) for word in lexicon.get("rule_reported_would")
        )
        self._narrative_would = frozenset(
            _normal(word) for word in lexicon.get("rule_narrative_would")
        )

    def scan(
        self, text: str, start: int, end: int, tokens: list[_Token] | None = None
    ) -> list[Hedge]:
        """Return the word cues of ``text[start:end]`` in text order (no questions)."""
        return [
            Hedge(
                span=Span.of(text, match.start, match.end), category=match.category, cue=match.key
            )
            for match in self._phrases.scan(text, start, end, self._allowed, tokens)
        ]

    def _allowed(self, text: str, tokens: list[_Token], position: int, width: int) -> bool:
        token = tokens[position]
        before = tokens[position - 1].word if position else ""
        after = tokens[position + 1] if position + 1 < len(tokens) else None
        if token.word == "may":
            if after is not None and after.word[:1].isdigit():
                return False
            if not token.raw[:1].isupper() or _sentence_initial(text, token.start):
                return True
            return before not in self._month_before and _title_case(tokens, position)
        if token.word == "might" and width == 1:
            return before not in self._might_noun and (after is None or after.word != "of")
        if token.word == "would" and width == 1:
            if after is not None and after.word in self._narrative_would:
                return False
            return not any(
                earlier.word in self._reported_would
                for earlier in tokens[max(position - _REPORT_REACH, 0) : position]
            )
        return True


def _title_case(tokens: list[_Token], position: int) -> bool:
    """Say whether the longer words near ``position`` all start with a capital (a headline)."""
    near = [
        token.raw
        for token in tokens[max(position - 4, 0) : position + 5]
        if len(token.raw) > 3 and token.raw.isalpha()
    ]
    return len(near) >= 2 and all(word[:1].isupper() for word in near)


def _sentence_initial(text: str, offset: int) -> bool:
    index = offset - 1
    while index >= 0 and text[index] in " \t\u00a0":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_START_BEFORE


@functools.cache
def _default_matcher() -> HedgeMatcher:
    return HedgeMatcher(load_lexicon("hedges"))


def find_quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the ``(start, end)`` offsets of the quotations in ``text``, marks included.

    Straight and curly double quotes are followed; a double quotation still open at a
    line break ends there, because news style re-opens a quotation that runs on into
    the next paragraph. Single quotes (straight or curly) count only when an opening
    mark before a word meets a closing mark after one in the same paragraph, so
    apostrophes never open a quotation. One pass, linear in the text.

    >>> find_quote_spans('He said "it may rain" and left.')
    ((8, 21),)
    >>> find_quote_spans("It\u2019s the boys\u2019 car, a \u2018gift\u2019.")
    ((22, 28),)
    """
    spans: list[tuple[int, int]] = []
    double_open: int | None = None
    single_open: int | None = None
    for mark in _QUOTE_SCAN.finditer(text):
        index, char = mark.start(), mark.group()
        if char in "\n\r\u2028\u2029":
            if double_open is not None:
                spans.append((double_open, index))
            double_open = single_open = None
        elif char in "\u201c\u201e\u00ab" and double_open is None:
            double_open, single_open = index, None
        elif char in '\u201d\u00bb\u201c\u201e"' and double_open is not None:
            if char in '\u201d\u00bb"':
                spans.append((double_open, index + 1))
                double_open = single_open = None
        elif char == '"':
            double_open, single_open = index, None
        elif char in "'\u2018\u2019" and double_open is None:
            word_before = index > 0 and text[index - 1].isalnum()
            word_after = index + 1 < len(text) and text[index + 1].isalnum()
            if single_open is None and char != "\u2019" and not word_before and word_after:
                single_open = index
            elif single_open is not None and not word_after and index > single_open + 1:
                spans.append((single_open, index + 1))
                single_open = None
    if double_open is not None:
        spans.append((double_open, len(text)))
    return tuple(spans)


def writer_quote_spans(
    text: str,
    quotations: Iterable[Quotation] = (),
    marks: tuple[tuple[int, int], ...] | None = None,
) -> tuple[tuple[int, int], ...]:
    """Return the quoted stretches of ``text``: the marks found in it plus known quotations.

    ``quotations`` are those a quote extractor found in ``text`` (the quote ledger); the
    result is sorted with overlapping stretches joined, as :func:`inside` needs.
    ``marks`` is :func:`find_quote_spans` of ``text`` when the caller already has it.

    >>> writer_quote_spans('A "b c" d.')
    ((2, 7),)
    """
    if marks is None:
        marks = find_quote_spans(text)
    found = sorted((*marks, *((q.span.start, q.span.end) for q in quotations)))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def inside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Say whether ``[start, end)`` lies within one of ``spans`` (sorted, not overlapping).

    >>> inside(((8, 20),), 10, 13)
    True
    >>> inside(((8, 20),), 2, 5)
    False
    """
    low, high = 0, len(spans)
    while low < high:
        middle = (low + high) // 2
        if spans[middle][1] <= start:
            low = middle + 1
        else:
            high = middle
    return low < len(spans) and spans[low][0] <= start and end <= spans[low][1]


def _ends_sentence(text: str, index: int, start: int, end: int) -> bool:
    """Say whether the full stop at ``index`` ends a sentence (not "U.S." or "Mr.")."""
    after = index + 1
    while after < end and text[after] in " \t\u00a0":
        after += 1
    if (
        after == index + 1
        or after >= end
        or not (text[after].isupper() or text[after] in "\"\u201c\u2018'")
    ):
        return False
    word = index
    while word > start and text[word - 1].isalpha():
        word -= 1
    before = text[word:index]
    abbreviation = len(before) <= 1 or (word > start and text[word - 1] == ".")
    return not abbreviation and before.lower() not in _TITLES


def _questions(
    text: str, start: int, end: int, quotes: tuple[tuple[tuple[int, int], ...], ...]
) -> list[Hedge]:
    found: list[Hedge] = []
    boundary = start
    for mark in _QUESTION_SCAN.finditer(text, start, end):
        index, char = mark.start(), mark.group()
        if char in _QUESTION_BOUNDARY and char != "?":
            if char != "." or _ends_sentence(text, index, start, end):
                boundary = index + 1
            continue
        if char != "?":
            continue
        follows = text[index + 1] if index + 1 < len(text) else " "
        if follows in _QUESTION_AFTER and not any(
            inside(spans, index, index + 1) for spans in quotes
        ):
            first = boundary
            while first < index and text[first] in _QUESTION_LEAD:
                first += 1
            if first < index:
                found.append(
                    Hedge(
                        span=Span.of(text, first, index + 1), category=RHETORICAL_QUESTION, cue="?"
                    )
                )
        boundary = index + 1
    return found


def find_hedges(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    exclude: Iterable[tuple[int, int]] = (),
    matcher: HedgeMatcher | None = None,
) -> tuple[Hedge, ...]:
    """Find the speculation cues of ``text[start:end]``, in text order.

    Args:
        text: The whole text; every span returned indexes it.
        start: Where to start looking.
        end: Where to stop looking (the end of ``text`` when ``None``).
        exclude: ``(start, end)`` stretches to leave out, typically the quotations from
            :func:`find_quote_spans` of the whole text, so that only the writer's own
            voice counts. A question inside quotation marks (excluded, or found in
            ``text[start:end]`` itself) is never a rhetorical question.
        matcher: The cue lists to use; the shipped ``hedges`` lexicon when ``None``.

    Returns:
        The cues, ordered by position and then by length.

    >>> [(hedge.span.text, hedge.category) for hedge in find_hedges("Prices may rise.")]
    [('may', 'modal')]
    >>> find_hedges("Talks began on May 5 and could not resume.")
    ()
    """
    stop = len(text) if end is None else min(end, len(text))
    cues = (matcher or _default_matcher()).scan(text, start, stop)
    return hedges_among(text, start, stop, cues, tuple(sorted(exclude)))


def hedges_among(
    text: str,
    start: int,
    stop: int,
    cues: Iterable[Hedge],
    skip: tuple[tuple[int, int], ...],
    local: tuple[tuple[int, int], ...] | None = None,
) -> tuple[Hedge, ...]:
    """Finish :func:`find_hedges` from the word ``cues`` a matcher found in ``text[start:stop]``.

    ``skip`` is the sorted ``exclude``; ``local`` the quotation marks of
    ``text[start:stop]`` as offsets into ``text``, found here when ``None``. Callers
    that keep a matcher's cues (or the local marks) per sentence pass them in, so
    asking again with other exclusions costs no new scan.
    """
    found = [hedge for hedge in cues if not inside(skip, hedge.span.start, hedge.span.end)]
    # A question is rhetorical only in the writer's voice, so quotation marks found in the
    # searched stretch itself rule a question out even when the caller excludes nothing.
    if local is None:
        local = local_quote_spans(text, start, stop)
    found.extend(_questions(text, start, stop, (skip, local)))
    found.sort(key=lambda hedge: (hedge.span.start, hedge.span.end, hedge.category))
    return tuple(found)


def local_quote_spans(text: str, start: int, stop: int) -> tuple[tuple[int, int], ...]:
    """The quotation marks of ``text[start:stop]`` alone, as offsets into ``text``."""
    return tuple((a + start, b + start) for a, b in find_quote_spans(text[start:stop]))
