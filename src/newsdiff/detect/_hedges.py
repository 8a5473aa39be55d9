"""Find hedges, conjecture, predictions and rhetorical questions in a stretch of text.

The cues come from the ``hedges`` lexicon (one list per category; see its ``[meta]``
for provenance). Matching is one left-to-right pass over the words: at each word the
longest listed phrase that starts there wins, so "could not" (listed as a look-alike)
shields "could", and "is expected to" is one cue, not two. The words that start a
listed phrase are found by one regular-expression search of the lower-cased text, and
only there is any work done word by word. A few words need context that a list cannot
hold, and carry small rules here:

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

import bisect
import functools
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from newsdiff.lexicons import Lexicon, load_lexicon
from newsdiff.models import Span

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping, Sequence

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
# The phrase search reads words as _WORD does, in lower-case text: a word starts after a
# character that is neither a letter or digit nor an apostrophe joined to one (the search
# tests only ASCII, and the code the rest), and ends before such a character.
_PATTERN_LEAD = "[^a-z0-9]"
_PATTERN_WORD_END = "(?!['\u2019]?[^\\W_])"
# The gap of _PHRASE_GAP, with the two Unicode hyphens read as "-" (the search text is
# changed so): a class of Latin-1 characters compiles to a small table.
_PATTERN_GAP = "[ \\t\u00a0\\-]++"
_UNICODE_HYPHENS = ("\u2010", "\u2011")
_PATTERN_APOSTROPHE = "['\u2019]"
# A word runs across the offset where this matches.
_JOINED = re.compile(r"(?<=[^\W_])(?:[^\W_]|['\u2019][^\W_])|(?<=[^\W_]['\u2019])[^\W_]")
# A character no word holds: words found after one are whole.
_OUTSIDE_WORDS = re.compile(r"[^\w'\u2019]|_")
_SENTENCE_START_BEFORE = frozenset(".!?\n\r\"'\u201c\u201d\u2018\u2019([:;\u2014\u2013")
# What ends a sentence before a question, besides a full stop (which may be "Mr.").
_HARD_STOPS = ("!", "\n", "\r", "\u2028", "\u2029")
_QUESTION_AFTER = frozenset(" \t\n\r\"')]\u201d\u2019\u00bb")
# The marks the quotation scan acts on, one expression per state, so that the search in C
# jumps from one to the next. With no quotation open: an opening double mark, or a
# single one before a word and not after one. In a double quotation: its closing mark or
# a line break. In a single quotation: a line break, an opening double mark, or a single
# mark not before a word.
_QUOTE_START = re.compile(
    "[\u201c\u201e\u00ab\"'\u2018](?<![^\\W_]['\u2018])(?!(?<=['\u2018])(?![^\\W_]))"
)
_DOUBLE_QUOTE_END = re.compile('[\n\r\u2028\u2029\u201d\u00bb"]')
_SINGLE_QUOTE_END = re.compile(
    "[\n\r\u2028\u2029\u201c\u201e\u00ab\"'\u2018\u2019](?!(?<=['\u2018\u2019])[^\\W_])"
)
_LINE_BREAKS = "\n\r\u2028\u2029"
_SINGLE_QUOTES = "'\u2018\u2019"
_QUESTION_LEAD = " \t\"'\u201c\u2018\u00ab(-\u2014\u2013"
# Short titles whose full stop does not end a sentence ("Mr. Smith, will you run?").
_CIVIL_TITLES = ("mr", "mrs", "ms", "dr", "prof", "rev", "hon", "jr", "sr", "st", "no", "vs")
_RANK_TITLES = ("gen", "sen", "rep", "gov", "pres", "lt", "col", "sgt", "capt")
_TITLES = frozenset((*_CIVIL_TITLES, *_RANK_TITLES))
_NOT_HEDGE = "not_hedge"
# How many words back a verb of saying makes "would" reported intent ("said that it would").
_REPORT_REACH = 4
# How many words on either side of a cue the hedge rules read, and the cues they read about.
_RULE_REACH = 4
_RULED = frozenset({"may", "might", "would"})


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
    # A named tuple, not an attrs class: tuples are several times cheaper to build.
    start: int
    end: int
    raw: str
    word: str


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [
        _Token(match.start(), match.end(), match.group(), _normal(match.group()))
        for match in _WORD.finditer(text, start, end)
    ]


def _tokens_before(text: str, start: int, stop: int, count: int) -> list[_Token]:
    """The last ``count`` words of ``text[start:stop]``, split as a scan of it splits them.

    Only a short stretch before ``stop`` is split: it starts after a character no word
    holds, so the words found there are those of the whole stretch.
    """
    reach = 64
    while True:
        low = stop - reach
        if low <= start:
            return _tokens(text, start, stop)[-count:]
        sync = _OUTSIDE_WORDS.search(text, low, stop)
        if sync is not None:
            tokens = _tokens(text, sync.end(), stop)
            if len(tokens) >= count:
                return tokens[-count:]
        reach *= 4


def _normal(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(_normal(match.group()) for match in _WORD.finditer(phrase))


def _cuts_word(text: str, offset: int) -> bool:
    """Say whether a word of ``text`` runs across ``offset`` (so a slice there splits it)."""
    if not 0 < offset < len(text):
        return False
    before = text[offset - 1]
    # Most offsets follow a space or a full stop: no word can run across them.
    if not before.isalnum() and before not in "'\u2019":
        return False
    return _JOINED.match(text, offset) is not None


def _alternation(phrases: Iterable[str]) -> str:
    """One regular expression for ``phrases``, as a trie of characters over lower-case text.

    A trie offers one branch per next character at every choice point, so each word
    is read once however many phrases start alike; the longest phrase is tried first
    (a phrase goes on only across a gap, so the end of a shorter one is tried last).
    """
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for atom in (*phrase, ""):  # "" ends a phrase
            node = node.setdefault(atom, {})

    def emit(node: dict[str, Any]) -> str:
        branches = []
        # The end of a phrase comes last: a longer phrase is preferred.
        for atom in sorted(node, key=lambda atom: (atom == "", atom)):
            if atom == "":
                branches.append(_PATTERN_WORD_END)
            else:
                head = {" ": _PATTERN_GAP, "'": _PATTERN_APOSTROPHE}.get(atom, re.escape(atom))
                branches.append(head + emit(node[atom]))
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return emit(root)


@attrs.frozen
class PhraseMatch:
    """One listed phrase found in a text: its offsets, list name and family key."""

    start: int
    end: int
    category: str
    key: str


_Rule = Callable[[str, list[_Token], int, int], bool]
# A phrase a text holds: start, end of its first word, end, list, key and first word.
_Found = tuple[int, int, int, str, str, str]
# An index's longest phrase at a word: its width in words, list, key and first word.
_Entry = tuple[int, str, str, str]


class Candidates(NamedTuple):
    """Every place a text holds a listed phrase, whatever comes before it, in text order.

    Built once per text by :meth:`PhraseIndex.candidates`, so that many stretches of
    the text can be scanned without searching it again.
    """

    starts: list[int]
    found: list[_Found]
    #: The furthest end of the longest phrases found up to each one.
    reach: list[int]

    def none_in(self, text: str, start: int, end: int) -> bool:
        """Say whether ``text[start:end]`` surely holds no phrase (``text`` is the whole text).

        True when no phrase starts in the stretch and no word is cut at its ends (a cut
        word's piece could be a listed word): the common case, answered without a scan.
        """
        return (
            bisect.bisect_left(self.starts, start) == bisect.bisect_left(self.starts, end)
            and not _cuts_word(text, start)
            and not _cuts_word(text, end)
        )

    def settled(
        self, text: str, start: int, end: int, ruled: Collection[str] = frozenset()
    ) -> bool:
        """Say whether a scan of ``text[start:end]`` finds what the whole text's scan does there.

        True when no word is cut at the stretch's ends, no phrase runs into it from
        before, and every phrase starting in it ends in it and starts with none of the
        ``ruled`` words (whose rules read the words around them): the stretch's matches
        are then the whole text's matches that start in it.
        """
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return (
            (low == 0 or self.reach[low - 1] <= start)
            and not _cuts_word(text, start)
            and not _cuts_word(text, end)
            and all(
                last <= end and word not in ruled for _, _, last, _, _, word in self.found[low:high]
            )
        )


class PhraseIndex:
    """Phrase lists indexed by first word, for one longest-match pass over a text.

    An entry may name a family of forms separated by ``|`` ("slams|slammed|slamming");
    every form then reports the first form as its ``key``. Entries of the ``blocker``
    list are matched like the others and then dropped, so a listed look-alike ("could
    not") shields the shorter cue inside it.

    The phrases are found with one regular expression over the lower-cased text, so a
    scan's work in Python grows with the phrases found, not with the words read.
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
        self._phrases = phrases
        self._widest = max((len(words) for words in phrases), default=1)
        self._search: PhraseSearch | None = None

    @property
    def phrases(self) -> Mapping[tuple[str, ...], tuple[str, str]]:
        """Each listed phrase (its lower-case words) with its list name and family key."""
        return self._phrases

    def candidates(self, text: str) -> Candidates | None:
        """Find every place ``text`` holds a listed phrase, for :meth:`scan` to share.

        Returns ``None`` when the text (or the lists) cannot be searched this way; a
        scan then reads the words one by one.
        """
        if self._search is None:
            self._search = PhraseSearch((self,))
        return self._search.candidates(text)[0]

    def scan(
        self,
        text: str,
        start: int,
        end: int,
        rule: _Rule | None = None,
        *,
        rule_words: Collection[str] | None = None,
        candidates: Candidates | None = None,
    ) -> list[PhraseMatch]:
        """Return the listed phrases of ``text[start:end]`` in text order.

        ``rule(text, tokens, position, width)`` may veto a match of a cue list; the scan
        then tries shorter phrases at the same word. The rule sees up to four words on
        either side of ``tokens[position]``, and is asked only about phrases whose first
        word is in ``rule_words`` (about all phrases when ``None``). ``candidates`` are
        those of the whole ``text``, when the caller keeps them.
        """
        # Offsets past either end count as the end, as in a search of the text.
        start, end = max(start, 0), max(min(end, len(text)), 0)
        if candidates is not None and not _cuts_word(text, start) and not _cuts_word(text, end):
            # The whole text's phrases are the stretch's, once no word is cut at its ends;
            # a phrase running past the end is looked at again below.
            found: list[_Found] | None = candidates.found[
                bisect.bisect_left(candidates.starts, start) : bisect.bisect_left(
                    candidates.starts, end
                )
            ]
        else:
            if self._search is None:
                self._search = PhraseSearch((self,))
            searched = self._search.candidates(text, start, end)[0]
            found = None if searched is None else searched.found
        if found is None:
            return self._scan_tokens(text, _tokens(text, start, end), rule)
        matches: list[PhraseMatch] = []
        position = start
        for first, first_end, longest_end, longest_category, longest_key, word in found:
            if first < position:
                continue  # inside the phrase matched before
            if longest_end > end or (
                rule is not None and (rule_words is None or word in rule_words)
            ):
                width, category, key, last = self._match_at(text, start, end, first, rule)
                if not width:
                    position = first_end
                    continue
            else:
                category, key, last = longest_category, longest_key, longest_end
            if category != self._blocker:
                matches.append(PhraseMatch(first, last, category, key))
            position = last
        return matches

    def _match_at(
        self, text: str, start: int, end: int, offset: int, rule: _Rule | None
    ) -> tuple[int, str, str, int]:
        """Match at the word at ``offset`` as a word-by-word scan of ``text[start:end]`` does."""
        before = _tokens_before(text, start, offset, _RULE_REACH) if rule is not None else []
        after = [
            _Token(match.start(), match.end(), match.group(), _normal(match.group()))
            for match in itertools.islice(
                _WORD.finditer(text, offset, end), max(self._widest, _RULE_REACH + 1)
            )
        ]
        tokens = before + after
        width, category, key = self._match(text, tokens, len(before), rule)
        last = tokens[len(before) + width - 1].end if width else offset
        return width, category, key, last

    def _scan_tokens(
        self, text: str, tokens: list[_Token], rule: _Rule | None
    ) -> list[PhraseMatch]:
        """Scan word by word: for text whose lower case cannot be searched."""
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


class PhraseSearch:
    """One search of a text for the phrases of several indexes at once.

    The search reads every word start of the text, which costs more than the Python
    work on the few phrases it finds, so indexes used on the same texts share it.
    """

    def __init__(self, indexes: Sequence[PhraseIndex]) -> None:
        """Prepare to search for the phrases of every index in ``indexes``."""
        self._count = len(indexes)
        union = sorted({words for index in indexes for words in index.phrases})
        # Only lower-case ASCII phrases are searched with the regular expression: any
        # other letter may compare differently in lower() and in the search.
        self._searchable = all(word.isascii() for words in union for word in words)
        # The phrases a text holds at one word all start the longest of them, so each
        # index's phrase there is its longest listed start of that one.
        self._found: dict[str, tuple[int, int, tuple[_Entry | None, ...]]] = {}
        for words in union:
            entries: list[_Entry | None] = []
            for index in indexes:
                width = next(
                    (width for width in range(len(words), 0, -1) if words[:width] in index.phrases),
                    0,
                )
                if width:
                    category, key = index.phrases[words[:width]]
                    entries.append((width, category, key, words[0]))
                else:
                    entries.append(None)
            self._found[" ".join(words)] = (len(words), len(words[0]), tuple(entries))
        self._pattern: re.Pattern[str] | None = None

    def candidates(
        self, text: str, start: int = 0, end: int | None = None
    ) -> tuple[Candidates | None, ...]:
        """Find, for each index, the phrases ``text[start:end]`` holds at each word.

        An index's entry is ``None`` when the stretch cannot be searched this way (a
        letter whose lower case is longer, or phrases that are not ASCII).
        """
        if not self._searchable:
            return (None,) * self._count
        if self._pattern is None:
            # The character before a word (a space stands in at the start) leads each
            # match, so the search tries only there, not inside words.
            self._pattern = re.compile(_PATTERN_LEAD + _alternation(self._found))
        stretch = text[start:] if end is None else text[start:end]
        # One leading space: offsets in ``lower`` are one more than in the stretch.
        lower = " " + stretch.lower()
        if len(lower) != len(stretch) + 1:
            return (None,) * self._count  # a letter whose lower case is longer
        for hyphen in _UNICODE_HYPHENS:
            if hyphen in lower:
                lower = lower.replace(hyphen, "-")
        shift = start - 1
        results = tuple(Candidates([], [], []) for _ in range(self._count))
        search = self._pattern.search
        table = self._found
        match = search(lower)
        while match is not None:
            first, last = match.start() + 1, match.end()
            width, first_width, entries = (
                table.get(lower[first:last]) or table[" ".join(_phrase_words(lower[first:last]))]
            )
            lead = lower[first - 1]
            # The search's cheap test of the character before a word let in a letter
            # or an apostrophe joined to one ("l'may"): no word starts there.
            if lead == " " or not (
                lead.isalnum() or (lead in "'\u2019" and lower[first - 2].isalnum())
            ):
                ends: list[int] | None = None
                for result, entry in zip(results, entries, strict=True):
                    if entry is None:
                        continue
                    own_width, category, key, word = entry
                    if own_width == width:
                        stop = last
                    else:
                        if ends is None:
                            ends = [hit.end() for hit in _WORD.finditer(lower, first, last)]
                        stop = ends[own_width - 1]
                    at = first + shift
                    result.starts.append(at)
                    result.found.append((at, at + first_width, stop + shift, category, key, word))
                    result.reach.append(max(stop + shift, result.reach[-1] if result.reach else 0))
            # Search on from the end of the first word: a phrase may start inside this one.
            match = search(lower, first + first_width)
        return results


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

    @property
    def index(self) -> PhraseIndex:
        """The cue lists, indexed (for a :class:`PhraseSearch` shared with other lists)."""
        return self._phrases

    @property
    def ruled(self) -> frozenset[str]:
        """The cue words whose rules read the words around them ("may", "might", "would")."""
        return _RULED

    def candidates(self, text: str) -> Candidates | None:
        """Find every cue ``text`` holds, for :meth:`scan` to share among its stretches."""
        return self._phrases.candidates(text)

    def scan(
        self, text: str, start: int, end: int, *, candidates: Candidates | None = None
    ) -> list[Hedge]:
        """Return the word cues of ``text[start:end]`` in text order (no questions).

        ``candidates`` are :meth:`candidates` of the whole ``text``, when the caller keeps
        them.
        """
        return [
            Hedge(
                span=Span.of(text, match.start, match.end), category=match.category, cue=match.key
            )
            for match in self._phrases.scan(
                text, start, end, self._allowed, rule_words=_RULED, candidates=candidates
            )
        ]

    def _allowed(self, text: str, tokens: list[_Token], position: int, width: int) -> bool:
        # Asked only about the words of _RULED.
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
    double_open = single_open = -1  # where the open quotation starts; -1 when none is
    position = 0
    # Each state searches only for the marks that can change it, so line breaks and
    # apostrophes inside words cost nothing while no quotation is open.
    while True:
        if double_open >= 0:
            mark = _DOUBLE_QUOTE_END.search(text, position)
            if mark is None:
                spans.append((double_open, len(text)))
                break
            index = mark.start()
            spans.append((double_open, index if text[index] in _LINE_BREAKS else index + 1))
            double_open = -1
        elif single_open >= 0:
            mark = _SINGLE_QUOTE_END.search(text, position)
            if mark is None:
                break
            index = mark.start()
            char = text[index]
            if char in _LINE_BREAKS:
                single_open = -1
            elif char not in _SINGLE_QUOTES:
                double_open, single_open = index, -1
            elif index > single_open + 1:
                spans.append((single_open, index + 1))
                single_open = -1
        else:
            mark = _QUOTE_START.search(text, position)
            if mark is None:
                break
            index = mark.start()
            if text[index] in _SINGLE_QUOTES:
                single_open = index
            else:
                double_open = index
        position = index + 1
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
    # A question runs from the last sentence end before its mark; a stretch with no
    # question mark costs one search.
    floor = start
    index = text.find("?", start, end)
    while index >= 0:
        follows = text[index + 1] if index + 1 < len(text) else " "
        if follows in _QUESTION_AFTER and not any(
            inside(spans, index, index + 1) for spans in quotes
        ):
            first = _sentence_start(text, floor, index, start, end)
            while first < index and text[first] in _QUESTION_LEAD:
                first += 1
            if first < index:
                found.append(
                    Hedge(
                        span=Span.of(text, first, index + 1), category=RHETORICAL_QUESTION, cue="?"
                    )
                )
        floor = index + 1
        index = text.find("?", floor, end)
    return found


def _sentence_start(text: str, floor: int, index: int, start: int, end: int) -> int:
    """Return where the sentence holding ``index`` starts, not before ``floor``.

    That is just after the last sentence end before ``index``: a line break, "!", or a
    full stop that ends a sentence (``start`` and ``end`` bound the look at its words).
    """
    floor = max(floor, *(text.rfind(mark, floor, index) + 1 for mark in _HARD_STOPS))
    stop = index
    while (dot := text.rfind(".", floor, stop)) >= 0:
        if _ends_sentence(text, dot, start, end):
            return dot + 1
        stop = dot
    return floor


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
    if text.find("?", start, stop) >= 0:
        # A question is rhetorical only in the writer's voice, so quotation marks found in
        # the searched stretch itself rule a question out even when the caller excludes
        # nothing. Without a question mark there is nothing to look for.
        if local is None:
            local = local_quote_spans(text, start, stop)
        found.extend(_questions(text, start, stop, (skip, local)))
    found.sort(key=lambda hedge: (hedge.span.start, hedge.span.end, hedge.category))
    return tuple(found)


def local_quote_spans(text: str, start: int, stop: int) -> tuple[tuple[int, int], ...]:
    """The quotation marks of ``text[start:stop]`` alone, as offsets into ``text``."""
    return tuple((a + start, b + start) for a, b in find_quote_spans(text[start:stop]))
