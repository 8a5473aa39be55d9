"""Report numbers, amounts, percentages and dates that a rewrite changed.

A figure counts as changed only when an aligned group loses a quantity *and* gains
a different one of the same kind, so that a figure dropped along with its clause is
left to the removed-content detector, and a figure restyled ("3" and "three",
"January 3" and "Jan. 3", "$5 million" and "5 million dollars") never counts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from newsdiff._text import fold
from newsdiff.detect._numbers import Quantity, QuantityKind, quantities_match
from newsdiff.models import Change, ChangeKind, Relation, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from newsdiff.detect import Context
    from newsdiff.detect._annotations import Annotations
    from newsdiff.models import Span

__all__ = ["NumberDetector"]

# Groups whose two sides cannot both hold a figure, or hold the same one.
_SKIPPED = frozenset({Relation.IDENTICAL, Relation.TYPOGRAPHIC, Relation.ADDED, Relation.REMOVED})

# Groups that keep most of their words, where leftover figures pair up in order.
_CLOSE = frozenset({Relation.EDITED, Relation.MOVED})
_NOUNS = {
    QuantityKind.NUMBER: "figure",
    QuantityKind.PERCENT: "percentage",
    QuantityKind.MONEY: "amount",
    QuantityKind.DATE: "date",
    QuantityKind.YEAR: "year",
    QuantityKind.ORDINAL: "ordinal",
    QuantityKind.TIME: "time",
    QuantityKind.WEEKDAY: "day",
}


@attrs.frozen(kw_only=True)
class NumberDetector:
    """Find ``changed_number``: a figure of the original replaced by another in the rewrite.

    >>> NumberDetector().name
    'numbers'
    """

    name: str = "numbers"

    def detect(self, context: Context) -> Iterator[Change]:
        """Yield one change per pair of differing quantities in each aligned group."""
        for index, group in enumerate(context.alignment):
            if group.relation in _SKIPPED or not group.original or not group.rewrite:
                continue
            before = _quantities(context.original_notes, group.original)
            if not before:
                continue  # most sentences hold no figure: nothing can have changed
            after = _quantities(context.rewrite_notes, group.rewrite)
            if not after:
                continue
            pairs = _changed_pairs(
                before,
                after,
                context.original.text,
                context.rewrite.text,
                close=group.relation in _CLOSE,
            )
            for old, new in pairs:
                yield Change(
                    kind=ChangeKind.CHANGED_NUMBER,
                    severity=Severity.HIGH,
                    explanation=(
                        f'The {_NOUNS[old.kind]} "{old.span.text}" became "{new.span.text}".'
                    ),
                    original=(old.span,),
                    rewrite=(new.span,),
                    group=index,
                    detector=self.name,
                )


def _quantities(notes: Annotations, spans: Sequence[Span]) -> tuple[Quantity, ...]:
    if len(spans) == 1:  # most groups hold one sentence a side: take its tuple as it is
        return notes.quantities(spans[0].start, spans[0].end)
    return tuple(q for span in spans for q in notes.quantities(span.start, span.end))


def _changed_pairs(
    before: Sequence[Quantity],
    after: Sequence[Quantity],
    before_text: str,
    after_text: str,
    *,
    close: bool,
) -> list[tuple[Quantity, Quantity]]:
    """Pair the quantities of ``before`` that ``after`` replaced with a different value.

    Equal quantities are matched one to one first; a leftover whose value still occurs
    on the other side is a repetition, not a change. The rest are paired within each
    kind, those sharing a neighbouring word first ("3 people" with "4 people"), then
    the only leftover of each side, then - only where the group keeps most of its words
    (``close``) - the rest in text order. Quantities with no partner are not reported.
    """
    used: set[int] = set()
    lost: list[Quantity] = []
    for old in before:
        partner = next(
            (
                position
                for position, new in enumerate(after)
                if position not in used and quantities_match(old, new)
            ),
            None,
        )
        if partner is None:
            lost.append(old)
        else:
            used.add(partner)
    gained = [new for position, new in enumerate(after) if position not in used]
    lost = [old for old in lost if not any(quantities_match(old, new) for new in after)]
    gained = [new for new in gained if not any(quantities_match(old, new) for old in before)]
    pairs: list[tuple[Quantity, Quantity]] = []
    for kind in QuantityKind:
        olds = [q for q in lost if q.kind is kind]
        news = [q for q in gained if q.kind is kind]
        if olds and news:
            pairs.extend(_pair(olds, news, before_text, after_text, close=close))
    return sorted(pairs, key=lambda pair: (pair[0].span.start, pair[1].span.start))


def _pair(
    olds: list[Quantity],
    news: list[Quantity],
    before_text: str,
    after_text: str,
    *,
    close: bool,
) -> list[tuple[Quantity, Quantity]]:
    """Pair same-kind leftovers: shared neighbouring word first, then by position."""
    pairs: list[tuple[Quantity, Quantity]] = []
    free_new = list(news)
    unpaired: list[Quantity] = []
    for old in olds:
        context = _neighbours(before_text, old.span)
        match = next((new for new in free_new if _neighbours(after_text, new.span) & context), None)
        if match is None:
            unpaired.append(old)
        else:
            pairs.append((old, match))
            free_new.remove(match)
    if close or (len(olds) == 1 and len(news) == 1):
        pairs.extend(zip(unpaired, free_new, strict=False))
    return pairs


_WORD = re.compile(r"[^\W\d_]+")
_WINDOW = 40
# Words too common to show that two figures stand in the same place.
_WEAK = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "by", "for"})


def _neighbours(text: str, span: Span) -> frozenset[str]:
    """The folded words just before and just after ``span``, common words left out."""
    before = _WORD.findall(fold(text[max(0, span.start - _WINDOW) : span.start]))
    after = _WORD.findall(fold(text[span.end : span.end + _WINDOW]))
    words = {*(before[-1:]), *(after[:1])}
    return frozenset(words - _WEAK)
