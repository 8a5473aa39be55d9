"""The quote ledger, and the detector of altered, fabricated and removed quotations.

:func:`build_quote_ledger` pairs the direct quotations of two versions on their
folded words, so typography, case and hyphenation never separate two quotations, a
quotation cut short keeps its counterpart, and one split in two (or two joined) still
matches. Each entry says what became of the quotation: ``verbatim``, ``altered``,
``fabricated``, ``removed`` or ``speaker_changed``.

:class:`QuoteDetector` turns the ledger into changes: ``altered_quote`` (low severity
for a grammar or spelling fix, high for words that change the meaning),
``fabricated_quote``, ``removed_quote`` and ``changed_attribution``.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
from typing import TYPE_CHECKING

import attrs
from rapidfuzz.distance import Indel, Levenshtein

from newsdiff.detect._annotations import Annotations, annotate
from newsdiff.detect._attribution import same_source
from newsdiff.detect._quotes import GroupIndex, folded_in_place, is_scare_quote, quote_words
from newsdiff.models import (
    Change,
    ChangeKind,
    Quotation,
    QuoteLedgerEntry,
    QuoteStatus,
    Severity,
    Span,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from collections.abc import Set as AbstractSet

    from newsdiff.detect import Context
    from newsdiff.models import Document

__all__ = [
    "INDIRECT_SPEECH_NOTE",
    "JOINED_NOTE",
    "PARAPHRASE_NOTE",
    "SHORTENED_NOTE",
    "QuoteDetector",
    "build_quote_ledger",
]


def _words(text: str) -> tuple[str, ...]:
    """Split a space-separated word list written inline."""
    return tuple(text.split())


_QUOTES_KEY = "quotes.compared"
_REAL_KEY = "quotes.real"
_SENTENCES_KEY = "quotes.unquoted_sentences"

#: Note on a fabricated quotation whose words the original has outside quotation marks.
INDIRECT_SPEECH_NOTE = "indirect speech turned into a direct quote"
#: Note on a removed quotation whose words the rewrite keeps outside quotation marks.
PARAPHRASE_NOTE = "quotation turned into indirect speech"
#: Note on a quotation the rewrite cuts short without changing its words.
SHORTENED_NOTE = "quotation shortened"
#: Note on an original quotation that the rewrite joins with another one.
JOINED_NOTE = "joined with another quotation"

# Share of a quotation's words that must come from the other version's quotations for
# the two to be the same quotation.
_SUPPORT = 0.5
# Share of a quotation's words found in one sentence outside quotation marks for it
# to count as (formerly or newly) indirect speech.
_INDIRECT = 0.6
# A fix of at most this share of a quotation's words can be a grammar fix.
_SMALL_FIX = 0.2
_MAX_FIX_WORDS = 2
_SPELLING_DISTANCE = 2
_SPELLING_MIN_LENGTH = 4

# Words whose change alone does not change what a quotation says (articles,
# prepositions, auxiliaries); negations are deliberately absent.
_FUNCTION_WORDS = frozenset(
    _words(
        "a an the de of to in on at by for from with as is are was were be been being am has "
        "have had do does did and or but that this these those it its their there which who "
        "whom what will would can could shall should may might must so than then into onto "
        "upon about"
    )
)
_CONTRACTIONS = {
    "cannot": "can not",
    "can't": "can not",
    "won't": "will not",
    "shan't": "shall not",
}
_ENDINGS = {"re": "are", "ve": "have", "ll": "will", "m": "am", "d": "would"}
_PRONOUNS = frozenset(_words("he she they him her them it we i you"))
_NEGATIONS = frozenset(
    ["not", "no", "never", "nor", "none", "nothing", "nobody", "without", "cannot", "can't", "n't"]
)


@attrs.frozen
class _Quote:
    quotation: Quotation
    words: tuple[str, ...]


@attrs.frozen
class _Match:
    """The original quotations one rewrite quotation draws on, and how it differs."""

    originals: tuple[int, ...]
    primary: int
    edits: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    trimmed: bool


def _quotes(notes: Annotations) -> list[_Quote]:
    """The quotations of a document that the ledger compares, with their folded words."""
    return notes.remember(_QUOTES_KEY, lambda: _compared_quotes(_real_quotations(notes)))


def _real_quotations(notes: Annotations) -> tuple[Quotation, ...]:
    """The quotations of a document without scare quotes and titles, sorted out once."""
    return notes.remember(
        _REAL_KEY, lambda: tuple(q for q in notes.quotations if not is_scare_quote(q))
    )


def _compared_quotes(quotations: Sequence[Quotation]) -> list[_Quote]:
    found: list[_Quote] = []
    for quotation in quotations:
        words = quote_words(quotation.content.text)
        if words:
            found.append(_Quote(quotation, words))
    return found


def _unquoted(notes: Annotations) -> _Sentences:
    """The sentences of a document outside its quotations, indexed by word; built once."""
    return notes.remember(_SENTENCES_KEY, lambda: _Sentences(notes.document, _quotes(notes)))


def _common(first: Sequence[str], second: Sequence[str]) -> int:
    """Length of the longest common subsequence of two word lists."""
    return (len(first) + len(second) - Indel.distance(first, second)) // 2


def _edits(
    original: Sequence[str], rewrite: Sequence[str]
) -> tuple[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], bool]:
    """Word edits from ``original`` to ``rewrite``, original words cut at either end left out."""
    blocks = list(Levenshtein.opcodes(list(original), list(rewrite)))
    trimmed = False
    while blocks and blocks[0].tag == "delete":
        blocks.pop(0)
        trimmed = True
    while blocks and blocks[-1].tag == "delete":
        blocks.pop()
        trimmed = True
    # Edits side by side are one edit: "we will" became "we'll", not "we" became "we'll"
    # and "will" dropped.
    spans: list[list[int]] = []
    for block in blocks:
        if block.tag == "equal":
            continue
        if spans and spans[-1][1] == block.src_start and spans[-1][3] == block.dest_start:
            spans[-1][1], spans[-1][3] = block.src_end, block.dest_end
        else:
            spans.append([block.src_start, block.src_end, block.dest_start, block.dest_end])
    edits = tuple((tuple(original[a:b]), tuple(rewrite[c:d])) for a, b, c, d in spans)
    return edits, trimmed


def _postings(quotes: Sequence[_Quote]) -> dict[str, list[int]]:
    """Map each content word to the quotations that hold it, to find candidates fast."""
    found: dict[str, list[int]] = {}
    for index, quote in enumerate(quotes):
        for word in dict.fromkeys(quote.words):
            if word not in _FUNCTION_WORDS:
                found.setdefault(word, []).append(index)
    return found


def _candidates(rewrite: _Quote, postings: dict[str, list[int]], count: int) -> list[int]:
    """Original quotations sharing a content word with ``rewrite`` (all when it has none)."""
    words = [word for word in dict.fromkeys(rewrite.words) if word not in _FUNCTION_WORDS]
    if not words:
        return list(range(count))
    return sorted({index for word in words for index in postings.get(word, ())})


def _match(
    rewrite: _Quote,
    originals: Sequence[_Quote],
    used: AbstractSet[int] = frozenset(),
    among: Sequence[int] | None = None,
    known: dict[tuple[tuple[str, ...], tuple[str, ...]], int] | None = None,
) -> _Match | None:
    """Find the original quotations a rewrite quotation comes from, if any.

    The best-matching original comes first; others join it only when they add words of
    the rewrite quotation that it lacks (a quotation split by its cue and joined again),
    never when they merely repeat it. Of equally good originals, one not ``used`` yet
    is taken, so a quotation the story repeats pairs with each of its occurrences.
    ``known`` keeps word-sequence comparisons across calls: a story that repeats a
    quotation asks the same ones again and again.
    """
    known = {} if known is None else known
    candidates: list[tuple[int, int]] = []
    for index in range(len(originals)) if among is None else among:
        original = originals[index]
        common = _common_once(original.words, rewrite.words, known)
        if _too_few(common, original.words, rewrite.words):
            # A short quotation may differ only in a contraction: "We will win", "We'll win".
            if not (_contracted(original.words) or _contracted(rewrite.words)):
                continue
            common = _common_expanded(original.words, rewrite.words)
            if _too_few(common, original.words, rewrite.words):
                continue
        if common >= _SUPPORT * min(len(original.words), len(rewrite.words)):
            candidates.append((common, index))
    if not candidates:
        return None
    candidates.sort(key=lambda item: (-item[0], item[1] in used, item[1]))
    best = candidates[0][1]
    drawn = [best]
    covered = candidates[0][0]
    for _, index in candidates[1:]:
        if covered + 2 > len(rewrite.words):
            break  # no original can add two words the drawn ones do not already give
        trial = sorted((*drawn, index))
        gained = _common_once(_material(originals, trial), rewrite.words, known)
        if gained >= covered + 2:
            drawn, covered = trial, gained
    drawn.sort()
    material = _material(originals, drawn)
    if covered < _SUPPORT * len(rewrite.words):
        return None
    edits, trimmed = _edits(material, rewrite.words)
    return _Match(originals=tuple(drawn), primary=best, edits=edits, trimmed=trimmed)


def _common_once(
    first: tuple[str, ...],
    second: tuple[str, ...],
    known: dict[tuple[tuple[str, ...], tuple[str, ...]], int],
) -> int:
    """:func:`_common`, remembered in ``known`` for word sequences compared before."""
    try:
        return known[first, second]
    except KeyError:
        found = known[first, second] = _common(first, second)
        return found


def _too_few(common: int, first: Sequence[str], second: Sequence[str]) -> bool:
    """Tell whether two quotations share too few words to be one: two, or all of one."""
    return common < 2 and common < min(len(first), len(second))


@functools.lru_cache(maxsize=4096)
def _contracted(words: tuple[str, ...]) -> bool:
    """Tell whether a quotation's words hold a contraction ("we'll", "cannot")."""
    return any(word.endswith(_CONTRACTED_ENDINGS) or word in _CONTRACTIONS for word in words)


_CONTRACTED_ENDINGS = ("n't", "'re", "'ve", "'ll", "'m", "'d")


@functools.lru_cache(maxsize=4096)
def _common_expanded(first: tuple[str, ...], second: tuple[str, ...]) -> int:
    """:func:`_common` of the words with contractions spelled out, at most the shorter length.

    Counted in the words as written, so it compares with the quotations' own lengths.
    """
    shared = _common(_expand(first), _expand(second))
    return min(shared, len(first), len(second))


def _material(originals: Sequence[_Quote], indices: Sequence[int]) -> tuple[str, ...]:
    return tuple(word for index in indices for word in originals[index].words)


# Up to this many sentences, a quotation's words are looked up in every sentence: cheaper
# than indexing every word of a short story for the few quotations that need it.
_DIRECT_SENTENCES = 48


class _Sentences:
    """The sentences of a document (or its lines) as words outside quotation marks.

    Each sentence's words are folded when first asked for, and a word index is built
    only for a long document: most documents answer one or two queries, and a sentence
    whose text lacks enough of the words asked for is never folded. A plain slotted
    class, built once per document.
    """

    __slots__ = (
        "_lowered",
        "_postings",
        "_present",
        "_quoted",
        "_reach",
        "_screened",
        "_starts",
        "_text",
        "_words",
        "spans",
    )

    def __init__(self, document: Document, quotes: Sequence[_Quote]) -> None:
        text = document.text
        spans = [sentence.span for sentence in document.sentences]
        self.spans = tuple(spans) if spans else (Span.of(text, 0, len(text)),)
        self._text = text
        self._quoted = sorted((q.quotation.span.start, q.quotation.span.end) for q in quotes)
        self._starts = [start for start, _ in self._quoted]
        # Quotations before the first one whose end (or an earlier one's) passes a
        # sentence's start cannot touch the sentence: bisect past them.
        self._reach = list(itertools.accumulate((end for _, end in self._quoted), max))
        self._words: list[tuple[str, ...] | None] = [None] * len(self.spans)
        self._lowered: str | None = None
        self._screened = False
        self._present: tuple[frozenset[str], ...] | None = None
        self._postings: dict[str, list[int]] | None = None

    def words(self, number: int) -> tuple[str, ...]:
        """The folded words of sentence ``number``, quoted words left out."""
        found = self._words[number]
        if found is None:
            found = self._words[number] = quote_words(" ".join(self._pieces(self.spans[number])))
        return found

    def _pieces(self, span: Span) -> list[str]:
        text = self._text
        pieces: list[str] = []
        position = span.start
        first = bisect.bisect_right(self._reach, span.start)
        last = bisect.bisect_left(self._starts, span.end)
        for start, end in self._quoted[first:last]:
            if end <= position or start >= span.end:
                continue
            pieces.append(text[position : max(position, start)])
            position = max(position, end)
        pieces.append(text[position : span.end])
        return pieces

    @property
    def present(self) -> tuple[frozenset[str], ...]:
        """The set of words of each sentence."""
        if self._present is None:
            self._present = tuple(frozenset(self.words(n)) for n in range(len(self.spans)))
        return self._present

    @property
    def postings(self) -> dict[str, list[int]]:
        """Map each word to the sentences that hold it, in order."""
        if self._postings is None:
            postings: dict[str, list[int]] = {}
            for number, words in enumerate(self.present):
                for word in words:
                    postings.setdefault(word, []).append(number)
            self._postings = postings
        return self._postings

    def _screen(self) -> str | None:
        """The text folded in place (see ``folded_in_place``), worked out once."""
        if not self._screened:
            self._lowered = folded_in_place(self._text)
            self._screened = True
        return self._lowered

    def candidates(self, words: Sequence[str], needed: float) -> list[int]:
        """Sentences that hold at least ``needed`` of ``words`` (counted with repeats).

        A sentence that has none of the rarest words can hold only the others; taking
        rare words until the rest weigh less than ``needed`` gives every sentence that
        can qualify, without walking the long lists of common words. A short story is
        read sentence by sentence, and a sentence whose folded text lacks words that
        weigh more than ``needed`` allows is passed over unfolded: the answer is the same.
        """
        if not words:
            return []
        weight = collections.Counter(words)
        count = weight.__getitem__
        if len(self.spans) <= _DIRECT_SENTENCES:
            lowered = self._screen()
            pool: Iterable[int] = range(len(self.spans))
            if lowered is not None:
                # Heaviest words first: a sentence without them is ruled out soonest.
                ordered = sorted(weight.items(), key=lambda item: -item[1])
                pool = [
                    number
                    for number, span in enumerate(self.spans)
                    if _may_hold(lowered, span.start, span.end, ordered, needed)
                ]
            return [
                number
                for number in pool
                if sum(map(count, weight.keys() & self.words(number))) >= needed
            ]
        present = self.present
        postings = self.postings
        rest = len(words)
        ordered_words = sorted(weight, key=lambda word: (len(postings.get(word, ())), word))
        taken: set[int] = set()
        for word in ordered_words:
            if rest < needed:
                break
            taken.update(postings.get(word, ()))
            rest -= weight[word]
        return [
            number
            for number in sorted(taken)
            if sum(map(count, present[number].intersection(weight))) >= needed
        ]


def _may_hold(
    lowered: str, start: int, end: int, ordered: Sequence[tuple[str, int]], needed: float
) -> bool:
    """Tell whether ``lowered[start:end]`` may hold ``needed`` of the ``ordered`` words.

    ``ordered`` pairs each word with its count. Every word of the stretch is a
    substring of it: the words that are not cannot count.
    """
    held = sum(weight for _, weight in ordered)
    for word, weight in ordered:
        if lowered.find(word, start, end) < 0:
            held -= weight
            if held < needed:
                return False
    return True


def _said_outside_quotes(words: Sequence[str], sentences: _Sentences) -> Span | None:
    """Return the sentence that holds most of ``words`` outside quotation marks, if any."""
    best: Span | None = None
    best_common = 0
    needed = _INDIRECT * len(words)
    if not words:
        return None  # nothing to find: no sentence can hold more than none of it
    for number in sentences.candidates(words, needed):
        sentence_words = sentences.words(number)
        if len(sentence_words) < needed:
            continue
        common = _common(words, sentence_words)
        if common >= _INDIRECT * len(words) and common > best_common:
            best, best_common = sentences.spans[number], common
    return best


def _resolved(quotation: Quotation) -> bool:
    """Tell whether the speaker was named next to the quotation, not guessed from a pronoun."""
    return quotation.speaker is not None and not (
        quotation.speaker_span is not None and quotation.speaker_span.text.lower() in _PRONOUNS
    )


def _speaker_changed(original: Quotation, rewrite: Quotation) -> bool:
    if not _resolved(original) or not _resolved(rewrite):
        return False  # a pronoun resolved to the last name before it is only a guess
    assert original.speaker is not None  # noqa: S101 - _resolved() checked it
    assert rewrite.speaker is not None  # noqa: S101 - _resolved() checked it
    return same_source(original.speaker, rewrite.speaker) is False


def build_quote_ledger(
    original: Document,
    rewrite: Document,
    *,
    original_notes: Annotations | None = None,
    rewrite_notes: Annotations | None = None,
) -> tuple[QuoteLedgerEntry, ...]:
    """Pair the direct quotations of two versions and say what became of each.

    Scare quotes and quoted titles are left out. Entries come in rewrite order, then
    the removed quotations in original order.

    Args:
        original: The original document.
        rewrite: The rewrite.
        original_notes: Shared finder results of ``original``, to reuse its quotations.
        rewrite_notes: Shared finder results of ``rewrite``.

    Returns:
        One entry per rewrite quotation, one per original quotation joined into another
        one, and one per original quotation the rewrite does not use.
    """
    original_notes = original_notes or annotate(original)
    rewrite_notes = rewrite_notes or annotate(rewrite)
    before = _quotes(original_notes)
    after = _quotes(rewrite_notes)
    used: set[int] = set()
    entries: list[QuoteLedgerEntry] = []
    postings = _postings(before)
    known: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    for quote in after:
        match = _match(quote, before, used, _candidates(quote, postings, len(before)), known)
        if match is None:
            indirect = _said_outside_quotes(quote.words, _unquoted(original_notes))
            entries.append(
                QuoteLedgerEntry(
                    status=QuoteStatus.FABRICATED,
                    rewrite=quote.quotation,
                    note=INDIRECT_SPEECH_NOTE if indirect is not None else "",
                )
            )
            continue
        used.update(match.originals)
        primary = before[match.primary]
        status = QuoteStatus.ALTERED if match.edits else QuoteStatus.VERBATIM
        if _speaker_changed(primary.quotation, quote.quotation):
            status = QuoteStatus.SPEAKER_CHANGED
        note = SHORTENED_NOTE if match.trimmed and not match.edits else ""
        similarity = round(Indel.normalized_similarity(primary.words, quote.words), 4)
        entries.append(
            QuoteLedgerEntry(
                status=status,
                original=primary.quotation,
                rewrite=quote.quotation,
                similarity=similarity,
                note=note,
            )
        )
        entries.extend(
            QuoteLedgerEntry(
                status=status,
                original=before[index].quotation,
                rewrite=quote.quotation,
                similarity=round(Indel.normalized_similarity(before[index].words, quote.words), 4),
                note=JOINED_NOTE,
            )
            for index in match.originals
            if index != match.primary
        )
    for index, quote in enumerate(before):
        if index in used:
            continue
        paraphrased = _said_outside_quotes(quote.words, _unquoted(rewrite_notes))
        entries.append(
            QuoteLedgerEntry(
                status=QuoteStatus.REMOVED,
                original=quote.quotation,
                note=PARAPHRASE_NOTE if paraphrased is not None else "",
            )
        )
    return tuple(entries)


def _is_small_fix(removed: Sequence[str], added: Sequence[str]) -> bool:
    """Tell whether one word edit is a grammar or spelling fix rather than new meaning."""
    if _expand(removed) == _expand(added):
        return True  # "cannot" and "can't", "do not" and "don't"
    if len(removed) > _MAX_FIX_WORDS or len(added) > _MAX_FIX_WORDS:
        return False
    if any(word in _NEGATIONS for word in (*removed, *added)):
        return False
    if all(word in _FUNCTION_WORDS for word in (*removed, *added)):
        return True
    if len(removed) == len(added):
        return all(_spelling_variant(old, new) for old, new in zip(removed, added, strict=True))
    return False


def _expand(words: Sequence[str]) -> tuple[str, ...]:
    """Spell contractions out: "can't" and "cannot" as "can not", "won't" as "will not"."""
    expanded: list[str] = []
    for raw in words:
        word = _CONTRACTIONS.get(raw, raw)
        if word.endswith("n't"):
            expanded.extend((word[:-3], "not"))
        elif word.endswith(("'re", "'ve", "'ll", "'m", "'d")):
            stem, _, ending = word.partition("'")
            expanded.extend((stem, _ENDINGS[ending]))
        else:
            expanded.extend(word.split())
    return tuple(expanded)


def _spelling_variant(old: str, new: str) -> bool:
    if old in _FUNCTION_WORDS and new in _FUNCTION_WORDS:
        return True
    if min(len(old), len(new)) < _SPELLING_MIN_LENGTH or old[0] != new[0]:
        return False
    return Levenshtein.distance(old, new) <= _SPELLING_DISTANCE


def _stem(word: str) -> str:
    """Cut common English inflections so "continue" and "continuing" compare equal."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= _SPELLING_MIN_LENGTH:
            return word[: -len(suffix)]
    return word


def _same_content(edits: Sequence[tuple[tuple[str, ...], tuple[str, ...]]]) -> bool:
    """Tell whether the edits only inflect, reorder or add function words."""
    removed = sorted(
        _stem(word) for old, _ in edits for word in _expand(old) if word not in _FUNCTION_WORDS
    )
    added = sorted(
        _stem(word) for _, new in edits for word in _expand(new) if word not in _FUNCTION_WORDS
    )
    return removed == added and not any(
        word in _NEGATIONS for old, new in edits for word in (*old, *new)
    )


def _severity(edits: Sequence[tuple[tuple[str, ...], tuple[str, ...]]], words: int) -> Severity:
    if _same_content(edits):
        return Severity.LOW
    changed = sum(max(len(removed), len(added)) for removed, added in edits)
    if changed <= max(1, _SMALL_FIX * words) and all(
        _is_small_fix(removed, added) for removed, added in edits
    ):
        return Severity.LOW
    return Severity.HIGH


def _describe(edits: Sequence[tuple[tuple[str, ...], tuple[str, ...]]]) -> str:
    parts: list[str] = []
    for removed, added in edits[:3]:
        if removed and added:
            parts.append(f'"{" ".join(removed)}" became "{" ".join(added)}"')
        elif added:
            parts.append(f'"{" ".join(added)}" added')
        else:
            parts.append(f'"{" ".join(removed)}" dropped')
    more = f" and {len(edits) - 3} more" if len(edits) > 3 else ""
    return "; ".join(parts) + more


def _words_of(quotation: Quotation, known: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The folded words of a quotation: the ledger's when it compared the same words."""
    text = quotation.content.text
    return known[text] if text in known else quote_words(text)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split()).rstrip(",;: ")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


@attrs.frozen(kw_only=True)
class QuoteDetector:
    """Find altered, fabricated and removed quotations, and quotations with a new speaker.

    >>> QuoteDetector().name
    'quotes'
    """

    name: str = "quotes"

    def detect(self, context: Context) -> Iterator[Change]:
        """Yield the quotation changes of the comparison, from its ledger.

        When the context carries no ledger, one is built from the two documents.
        """
        ledger = context.quotes or build_quote_ledger(
            context.original,
            context.rewrite,
            original_notes=context.original_notes,
            rewrite_notes=context.rewrite_notes,
        )
        joined: dict[int, list[Quotation]] = {}
        for entry in ledger:
            if entry.note == JOINED_NOTE and entry.original and entry.rewrite:
                joined.setdefault(entry.rewrite.span.start, []).append(entry.original)
        in_rewrite = GroupIndex.of(context.alignment, rewrite=True)
        in_original = GroupIndex.of(context.alignment, rewrite=False)
        # The ledger folded every quotation it compared already: look the words up.
        known = {
            quote.quotation.content.text: quote.words
            for notes in (context.original_notes, context.rewrite_notes)
            for quote in _quotes(notes)
        }
        for entry in ledger:
            if entry.note == JOINED_NOTE:
                continue
            if entry.status is QuoteStatus.FABRICATED and entry.rewrite is not None:
                group = in_rewrite.at(entry.rewrite.content.start)
                yield self._fabricated(context, entry, entry.rewrite, group, known)
            elif entry.status is QuoteStatus.REMOVED and entry.original is not None:
                group = in_original.at(entry.original.content.start)
                yield self._removed(entry, entry.original, group)
            elif entry.original is not None and entry.rewrite is not None:
                group = in_rewrite.at(entry.rewrite.content.start)
                originals = (entry.original, *joined.get(entry.rewrite.span.start, ()))
                altered = self._altered(originals, entry.rewrite, group, known)
                if altered is not None:
                    yield altered
                if entry.status is QuoteStatus.SPEAKER_CHANGED:
                    yield self._speaker(entry.original, entry.rewrite, group)

    def _altered(
        self,
        originals: Sequence[Quotation],
        rewrite: Quotation,
        group: int | None,
        known: dict[str, tuple[str, ...]],
    ) -> Change | None:
        ordered = sorted(originals, key=lambda quotation: quotation.span.start)
        material = tuple(word for q in ordered for word in _words_of(q, known))
        words = _words_of(rewrite, known)
        edits, _ = _edits(material, words)
        if not edits:
            return None
        severity = _severity(edits, len(words))
        what = "a small wording fix" if severity is Severity.LOW else "changed words"
        return Change(
            kind=ChangeKind.ALTERED_QUOTE,
            severity=severity,
            explanation=f"The quotation was altered ({what}): {_describe(edits)}.",
            original=tuple(q.span for q in ordered),
            rewrite=(rewrite.span,),
            group=group,
            detector=self.name,
        )

    def _fabricated(
        self,
        context: Context,
        entry: QuoteLedgerEntry,
        rewrite: Quotation,
        group: int | None,
        known: dict[str, tuple[str, ...]],
    ) -> Change:
        quoted = _short(rewrite.content.text)
        if entry.note == INDIRECT_SPEECH_NOTE:
            explanation = (
                f'The rewrite quotes "{quoted}" directly, but the original gives these words '
                f"only as indirect speech ({INDIRECT_SPEECH_NOTE})."
            )
            original = self._indirect_source(context, rewrite, known)
        else:
            explanation = f'The rewrite quotes "{quoted}", a quotation the original does not have.'
            original = ()
        return Change(
            kind=ChangeKind.FABRICATED_QUOTE,
            severity=Severity.HIGH,
            explanation=explanation,
            original=original,
            rewrite=(rewrite.span,),
            group=group,
            detector=self.name,
        )

    def _indirect_source(
        self, context: Context, rewrite: Quotation, known: dict[str, tuple[str, ...]]
    ) -> tuple[Span, ...]:
        sentences = _unquoted(context.original_notes)
        found = _said_outside_quotes(_words_of(rewrite, known), sentences)
        return () if found is None else (found,)

    def _removed(self, entry: QuoteLedgerEntry, original: Quotation, group: int | None) -> Change:
        quoted = _short(original.content.text)
        if entry.note == PARAPHRASE_NOTE:
            explanation = (
                f'The quotation "{quoted}" is no longer quoted; the rewrite gives it as '
                "indirect speech."
            )
            severity = Severity.MEDIUM
        else:
            explanation = f'The rewrite drops the quotation "{quoted}".'
            severity = Severity.HIGH
        return Change(
            kind=ChangeKind.REMOVED_QUOTE,
            severity=severity,
            explanation=explanation,
            original=(original.span,),
            group=group,
            detector=self.name,
        )

    def _speaker(self, original: Quotation, rewrite: Quotation, group: int | None) -> Change:
        spans_before = (original.speaker_span,) if original.speaker_span else (original.span,)
        spans_after = (rewrite.speaker_span,) if rewrite.speaker_span else (rewrite.span,)
        return Change(
            kind=ChangeKind.CHANGED_ATTRIBUTION,
            severity=Severity.HIGH,
            explanation=(
                f'The quotation "{_short(rewrite.content.text, 60)}" is attributed to '
                f'"{rewrite.speaker}" in the rewrite but to "{original.speaker}" in the original.'
            ),
            original=spans_before,
            rewrite=spans_after,
            group=group,
            detector=self.name,
        )
