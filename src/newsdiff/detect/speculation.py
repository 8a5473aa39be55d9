"""Speculation a rewrite adds or removes: hedges, predictions, conjecture, questions.

For every aligned group the detector finds the speculation cues of both sides (see
:func:`~newsdiff.detect._hedges.find_hedges`) and compares them on their folded cue
words, so a hedge that is kept, moved within the group or swapped for another hedge
("may" for "might") is not reported. Only the writer's own voice counts: a cue inside
a quotation is what a source said, so it is never reported as added or removed, but
it does cover the same cue on the other side (a quoted "may" paraphrased as "may").
Vague sourcing ("reportedly", "sources say") counts as a hedge, unless the other side of
the group names a source: that swap is the attribution detector's ``dropped_attribution``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from newsdiff._text import fold
from newsdiff.detect._attribution import _lexicons as _attribution_lexicons
from newsdiff.detect._hedges import (
    RHETORICAL_QUESTION,
    Hedge,
    HedgeMatcher,
    hedges_among,
    inside,
    writer_quote_spans,
)
from newsdiff.detect.attribution import _writer_attributions
from newsdiff.models import AlignmentGroup, Change, ChangeKind, Relation, Severity, Span

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from newsdiff.detect import Context
    from newsdiff.detect._annotations import Annotations
    from newsdiff.lexicons import Lexicon

__all__ = ["SpeculationDetector"]

_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_SKIPPED = frozenset({Relation.IDENTICAL, Relation.TYPOGRAPHIC, Relation.REMOVED})
# Tense shifts of reported speech: "will" in one version and "would" in the other say the
# same thing ("said it will" / "said it would"), so they cancel out.
_BACKSHIFT = {"would": ("will", "'ll"), "wouldn't": ("won't",)}
_NOUNS = {
    RHETORICAL_QUESTION: ("a rhetorical question", "rhetorical questions"),
    "prediction": ("a prediction", "predictions"),
    "conditional": ("a condition", "conditions"),
    "weasel": ("vague attribution", "vague attribution"),
    "vague_sourcing": ("vague sourcing", "vague sourcing"),
}
#: Category of a hedge that is vague sourcing found by the attribution finder.
VAGUE_SOURCING = "vague_sourcing"
_SHOWN = 3


def _clip(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def _side_quotes(
    context: Context,
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    original = [entry.original for entry in context.quotes if entry.original is not None]
    rewrite = [entry.rewrite for entry in context.quotes if entry.rewrite is not None]
    return (
        writer_quote_spans(context.original.text, original, context.original_notes.quote_spans),
        writer_quote_spans(context.rewrite.text, rewrite, context.rewrite_notes.quote_spans),
    )


class SpeculationDetector:
    """Report speculation the rewrite adds to, or removes from, the original's claims.

    ``added_speculation``: hedges, predictions, conjecture or rhetorical questions in the
    rewrite's own voice that the aligned original does not have (or in an added
    sentence). ``removed_speculation``: hedging of the original that the rewrite drops,
    so a claim reads as more certain. Both are of medium severity.
    """

    name = "speculation"

    def __init__(
        self, matcher: HedgeMatcher | None = None, *, lexicon: Lexicon | None = None
    ) -> None:
        """Use the cue lists of ``lexicon`` (or of a ready ``matcher``), else the shipped ones.

        ``lexicon`` takes the list names of the shipped ``hedges`` lexicon; extend that one
        with :meth:`~newsdiff.lexicons.Lexicon.extended` to add cues.

        Raises:
            ValueError: both ``matcher`` and ``lexicon`` were given.
        """
        if matcher is not None and lexicon is not None:
            msg = "give SpeculationDetector a lexicon or a matcher, not both"
            raise ValueError(msg)
        self._matcher = HedgeMatcher(lexicon) if lexicon is not None else matcher

    def detect(self, context: Context) -> Iterator[Change]:
        """Yield at most one added and one removed change per aligned group."""
        original_quotes, rewrite_quotes = _side_quotes(context)
        original_notes, rewrite_notes = context.original_notes, context.rewrite_notes
        for index, group in enumerate(context.alignment):
            if group.relation in _SKIPPED:
                continue
            original = self._hedges(original_notes, group.original, original_quotes)
            rewrite = self._hedges(rewrite_notes, group.rewrite, rewrite_quotes)
            if not original and not rewrite:
                continue  # most groups: nothing on either side to compare
            added = _unmatched(rewrite, original, group.original)
            if added and _names_a_source(original_notes, group.original):
                # A named source swapped for vague sourcing is the attribution detector's.
                added = [hedge for hedge in added if hedge.category != VAGUE_SOURCING]
            if added:
                yield self._added(index, group, added)
            if group.relation is not Relation.ADDED:
                removed = _unmatched(original, rewrite, group.rewrite)
                if removed and _names_a_source(rewrite_notes, group.rewrite):
                    removed = [hedge for hedge in removed if hedge.category != VAGUE_SOURCING]
                if removed:
                    yield self._removed(index, group, removed)

    def _hedges(
        self, notes: Annotations, spans: tuple[Span, ...], quotes: tuple[tuple[int, int], ...]
    ) -> list[tuple[Hedge, bool]]:
        """Return the hedges of ``spans``, each with whether a quotation holds it."""
        text = notes.document.text
        length = len(text)
        found: list[tuple[Hedge, bool]] = []
        for span in spans:
            start, stop = span.start, min(span.end, length)
            if self._matcher is None:
                cues: Sequence[Hedge] = notes.hedge_cues(start, stop)
            else:
                cues = self._matcher.scan(text, start, stop)
            if text.find("?", start, stop) < 0:
                # No question: the cues are all, and the sentence's own marks do not matter.
                if cues:
                    found.extend((hedge, _in_quotes(hedge, quotes)) for hedge in cues)
                continue
            local = notes.local_quote_spans(start, stop)
            found.extend(
                (hedge, _in_quotes(hedge, quotes))
                for hedge in hedges_among(text, start, stop, cues, (), local)
            )
        return found + [
            (hedge, _in_quotes(hedge, quotes)) for hedge in _vague_sourcing(notes, spans, found)
        ]

    def _added(self, index: int, group: AlignmentGroup, added: list[Hedge]) -> Change:
        where = "An added sentence brings" if not group.original else "The rewrite adds"
        return Change(
            kind=ChangeKind.ADDED_SPECULATION,
            severity=Severity.MEDIUM,
            explanation=f"{where} {_describe(added)} that the original does not have: "
            f"{_quoted(added)}.",
            original=group.original,
            rewrite=tuple(hedge.span for hedge in added),
            group=index,
            detector=self.name,
        )

    def _removed(self, index: int, group: AlignmentGroup, removed: list[Hedge]) -> Change:
        return Change(
            kind=ChangeKind.REMOVED_SPECULATION,
            severity=Severity.MEDIUM,
            explanation=f"The rewrite drops hedging the original has ({_quoted(removed)}), "
            "so the claim reads as more certain.",
            original=tuple(hedge.span for hedge in removed),
            rewrite=group.rewrite,
            group=index,
            detector=self.name,
        )


def _vague_sourcing(
    notes: Annotations, spans: Sequence[Span], hedges: Sequence[tuple[Hedge, bool]]
) -> list[Hedge]:
    """The vague sourcing of ``spans`` ("reportedly", "sources said") as hedges.

    Resting a claim on nobody in particular distances the report from it, as a hedge
    does. A cue that overlaps a listed hedge ("allegedly", "is believed to") is not
    counted twice.
    """
    cues, starts = _document_vague_sourcing(notes)
    if not cues:
        return []
    taken = [(hedge.span.start, hedge.span.end) for hedge, _quoted in hedges]
    found: list[Hedge] = []
    for span in spans:
        first = bisect.bisect_left(starts, span.start)
        # A cue overlapping a hedge is that hedge: "is believed to" holds "believed".
        found.extend(
            hedge
            for hedge in cues[first : bisect.bisect_left(starts, span.end)]
            if hedge.span.end <= span.end
            and not any(start < hedge.span.end and hedge.span.start < end for start, end in taken)
        )
    return found


def _document_vague_sourcing(notes: Annotations) -> tuple[tuple[Hedge, ...], list[int]]:
    """The vague sourcing of a whole document outside quotations, and where each starts.

    Read from the whole-text attribution scan the tone metrics make too (same question,
    so it is answered once).
    """

    def scan() -> tuple[tuple[Hedge, ...], list[int]]:
        text = notes.document.text
        outside = tuple(quotation.span for quotation in notes.quotations)
        cues: list[Hedge] = []
        for attribution in notes.attributions(0, len(text), outside=outside):
            source = attribution.source
            if not attribution.vague or (source is not None and not _headed_by_nobody(source.text)):
                continue  # "some farmers say": a group, however loosely named
            cue = attribution.cue
            shown = cue if source is None else _joined(text, source, cue)
            cues.append(Hedge(span=shown, category=VAGUE_SOURCING, cue=shown.text.lower()))
        cues.sort(key=lambda hedge: (hedge.span.start, hedge.span.end))
        return tuple(cues), [hedge.span.start for hedge in cues]

    return notes.remember(_VAGUE_KEY, scan)


_VAGUE_KEY = "speculation.vague_sourcing"


def _headed_by_nobody(source: str) -> bool:
    """Tell whether a source's last word names nobody ("sources", "some experts", "many")."""
    words = _WORDS.findall(source.lower())
    return bool(words) and words[-1] in _attribution_lexicons().vague_heads


def _joined(text: str, first: Span, second: Span) -> Span:
    return Span.of(text, min(first.start, second.start), max(first.end, second.end))


def _names_a_source(notes: Annotations, spans: Sequence[Span]) -> bool:
    """Tell whether ``spans`` attribute a claim to somebody named (not vaguely)."""
    return any(
        attribution.source is not None and not attribution.vague
        for span in spans
        for attribution in _writer_attributions(notes, span)
    )


def _in_quotes(hedge: Hedge, quotes: tuple[tuple[int, int], ...]) -> bool:
    """Say whether a quotation holds ``hedge``: for a question, whether it holds the mark."""
    start = hedge.span.end - 1 if hedge.category == RHETORICAL_QUESTION else hedge.span.start
    return inside(quotes, start, hedge.span.end)


def _key(hedge: Hedge) -> str:
    return _folded_cue(hedge.cue)


@functools.lru_cache(maxsize=4096)
def _folded_cue(cue: str) -> str:
    """Fold a cue once: cues are lexicon phrases (or "?"), so few distinct ones recur."""
    return fold(cue)


def _unmatched(
    mine: list[tuple[Hedge, bool]], theirs: list[tuple[Hedge, bool]], their_spans: tuple[Span, ...]
) -> list[Hedge]:
    """Return the hedges of ``mine`` outside quotations with no counterpart in ``theirs``.

    Identical cue words match first, quoted ones before the writer's own, so that a
    quotation kept on both sides covers only itself; then any word cue left on one side
    matches any word cue left on the other (one hedge swapped for another keeps the
    hedging); a question only matches a question. A "would" with a "will" on the other
    side is a tense shift of reported speech, not a new guess.
    """
    if not mine:
        return []
    available = Counter(_key(hedge) for hedge, _quoted in theirs)
    left: list[tuple[Hedge, bool]] = []
    for hedge, quoted in sorted(mine, key=lambda item: not item[1]):
        if available[_key(hedge)] > 0:
            available[_key(hedge)] -= 1
        else:
            left.append((hedge, quoted))
    spare_words = sum(count for key, count in available.items() if key != "?")
    their_words: Counter[str] | None = None  # counted only when a hedge needs it
    unmatched: list[Hedge] = []
    # The writer's own cues take the spare counterparts first: a swapped hedge stays quiet.
    for hedge, quoted in sorted(left, key=lambda item: item[1]):
        # Questions all share one key, so a question left here has no counterpart.
        if hedge.category != RHETORICAL_QUESTION:
            if spare_words > 0:
                spare_words -= 1
                continue
            if _key(hedge) in _BACKSHIFT:
                if their_words is None:
                    their_words = Counter(
                        word for span in their_spans for word in _WORDS.findall(fold(span.text))
                    )
                if _backshifted(_key(hedge), their_words):
                    continue
        if not quoted:
            unmatched.append(hedge)
    unmatched.sort(key=lambda hedge: (hedge.span.start, hedge.span.end))
    return unmatched


def _backshifted(key: str, their_words: Counter[str]) -> bool:
    for form in _BACKSHIFT.get(key, ()):
        if form.startswith("'"):
            if any(word.endswith(form) and their_words[word] > 0 for word in their_words):
                return True
        elif their_words[form] > 0:
            their_words[form] -= 1
            return True
    return False


def _describe(hedges: list[Hedge]) -> str:
    categories = {hedge.category for hedge in hedges}
    plural = len(hedges) > 1
    if len(categories) == 1:
        category = next(iter(categories))
        if category in _NOUNS:
            return _NOUNS[category][plural]
        if category == "modal":
            return "hedging" if plural else "a hedge"
    return "speculation"


def _quoted(hedges: list[Hedge]) -> str:
    shown = ", ".join(f"\u201c{_clip(hedge.span.text)}\u201d" for hedge in hedges[:_SHOWN])
    more = len(hedges) - _SHOWN
    return f"{shown} and {more} more" if more > 0 else shown
