"""Report people, organisations, places, nationalities and titles that a rewrite swapped.

A swap needs evidence on both sides: an entity of the original that the rewrite no
longer names, and a different entity of the same family that the rewrite names
instead, in the same aligned group ("Mexican officials" became "U.S. officials"). A
title that gains or loses a modifier ("President" became "former President") is a
swap too. Spelling, case, accents, aliases ("U.S." and "United States"), order and
repetition never count, and an entity simply dropped is left to the removed-content
detector.

The names come from the shipped ``countries``, ``demonyms``, ``places`` and
``organisations`` lexicons; ``EntityDetector(organisations=..., places=...)`` reads
others instead.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING

import attrs

from newsdiff._text import fold
from newsdiff.detect._entities import (
    _FAMILY,
    Entity,
    EntityKind,
    entity_gazetteers,
    find_entities,
    same_entity,
)
from newsdiff.lexicons import repr_by_name
from newsdiff.models import Change, ChangeKind, Relation, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from newsdiff.detect import Context
    from newsdiff.detect._annotations import Annotations
    from newsdiff.detect._entities import _Rules
    from newsdiff.lexicons import Lexicon
    from newsdiff.models import Span

__all__ = ["EntityDetector"]

_SKIPPED = frozenset({Relation.IDENTICAL, Relation.TYPOGRAPHIC, Relation.ADDED, Relation.REMOVED})
_COMPARED = frozenset(
    {
        EntityKind.PERSON,
        EntityKind.ORGANISATION,
        EntityKind.PLACE,
        EntityKind.NATIONALITY,
        EntityKind.TITLE,
        EntityKind.OTHER,
    }
)
_WHAT = {
    EntityKind.PERSON: "a different person",
    EntityKind.ORGANISATION: "a different organisation",
    EntityKind.PLACE: "a different place or country",
    EntityKind.NATIONALITY: "a different place or country",
    EntityKind.OTHER: "a different name",
}
# Families whose anchor is the noun after the entity ("U.S. officials", "Ruiz era").
_HEADED = frozenset({EntityKind.PLACE, EntityKind.OTHER})
_HEADED_KINDS = frozenset({EntityKind.PLACE, EntityKind.NATIONALITY, EntityKind.OTHER})
# The families whose lost and gained entities are paired (other names never are).
_PAIRED = frozenset(
    {EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE, EntityKind.TITLE}
)
# Groups that keep most of their words, where a lone lost and gained entity is a swap.
_CLOSE = frozenset({Relation.EDITED, Relation.MOVED})
_NEXT_WORD = re.compile(r"[ \t]+[^\W\d_]+")


def _own_gazetteers(detector: EntityDetector) -> _Rules | None:
    """Index a detector's own name lists once; ``None`` leaves it on the shared notes."""
    lists = (detector.countries, detector.demonyms, detector.places, detector.organisations)
    if all(lexicon is None for lexicon in lists):
        return None
    return entity_gazetteers(
        countries=detector.countries,
        demonyms=detector.demonyms,
        places=detector.places,
        organisations=detector.organisations,
    )


def _entities(notes: Annotations, gazetteers: _Rules | None) -> tuple[Entity, ...]:
    """A document's entities: the shared ones, or those of a detector's own lists.

    The shared notes hold what the shipped lists find, so a detector's own results are
    kept beside them under a key holding ``gazetteers`` itself (compared by identity),
    found once per document.
    """
    if gazetteers is None:
        return notes.entities
    text = notes.document.text
    return notes.remember(
        ("entities", gazetteers), lambda: find_entities(text, gazetteers=gazetteers)
    )


@attrs.frozen(kw_only=True)
class EntityDetector:
    """Find ``changed_entity``: one named entity replaced by another of its family.

    ``countries``, ``demonyms``, ``places`` and ``organisations`` replace the shipped
    lexicons of those names; extend those with
    :meth:`~newsdiff.lexicons.Lexicon.extended` to teach the detector an alias (a
    house acronym for an organisation, a local place). A detector given any of them
    finds entities with its own lists; the shared notes keep the shipped ones.

    >>> EntityDetector().name
    'entities'
    """

    name: str = "entities"
    countries: Lexicon | None = attrs.field(default=None, hash=False, repr=repr_by_name)
    demonyms: Lexicon | None = attrs.field(default=None, hash=False, repr=repr_by_name)
    places: Lexicon | None = attrs.field(default=None, hash=False, repr=repr_by_name)
    organisations: Lexicon | None = attrs.field(default=None, hash=False, repr=repr_by_name)
    _gazetteers: _Rules | None = attrs.field(
        init=False,
        default=attrs.Factory(_own_gazetteers, takes_self=True),
        eq=False,
        repr=False,
    )

    def detect(self, context: Context) -> Iterator[Change]:
        """Yield one change per swapped entity in each aligned group."""
        before_all = _Index(_entities(context.original_notes, self._gazetteers))
        after_all = _Index(_entities(context.rewrite_notes, self._gazetteers))
        for index, group in enumerate(context.alignment):
            if group.relation in _SKIPPED or not group.original or not group.rewrite:
                continue
            before = before_all.within(group.original)
            after = after_all.within(group.rewrite)
            if not before or not after:
                continue
            before_words = _Words(context.original.text, group.original)
            after_words = _Words(context.rewrite.text, group.rewrite)
            texts = (context.original.text, context.rewrite.text)
            close = group.relation in _CLOSE
            for old, new in _swaps(before, after, before_words, after_words, texts, close=close):
                yield Change(
                    kind=ChangeKind.CHANGED_ENTITY,
                    severity=Severity.HIGH,
                    explanation=_explain(old, new, context.original.text, context.rewrite.text),
                    original=(old.span,),
                    rewrite=(new.span,),
                    group=index,
                    detector=self.name,
                )


class _Index:
    """Entities of one document, found once, looked up by the spans of a group."""

    __slots__ = ("entities", "starts")

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.entities = tuple(e for e in entities if e.kind in _COMPARED)
        self.starts = [entity.span.start for entity in self.entities]

    def within(self, spans: Sequence[Span]) -> list[Entity]:
        found: list[Entity] = []
        starts = self.starts
        for span in spans:
            first = bisect.bisect_left(starts, span.start)
            last = bisect.bisect_left(starts, span.end, first)
            end = span.end
            found.extend(e for e in self.entities[first:last] if e.span.end <= end)
        return found


class _Words:
    """The folded words of a group side, counted only when a rule first asks for them."""

    __slots__ = ("_counts", "_spans", "_text")

    def __init__(self, text: str, spans: Sequence[Span]) -> None:
        self._text = text
        self._spans = spans
        self._counts: Counter[str] | None = None

    @property
    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = _folded_words(self._text, self._spans)
        return self._counts


def _folded_words(text: str, spans: Sequence[Span]) -> Counter[str]:
    """Count the folded words of a group side, as the finder folds an anchor."""
    counts: Counter[str] = Counter()
    for span in spans:
        words = _WORD.findall(fold(text[span.start : span.end]).lower())
        counts.update(map(_SINGULARS.__getitem__, words))
    return counts


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class _SingularCache(dict[str, str]):
    """Each word's :func:`_singular`, found on first sight and then read in C by ``map``."""

    def __missing__(self, word: str) -> str:
        singular = _singular(word)
        if len(self) < _CACHE_LIMIT:
            self[word] = singular
        return singular


_WORD = re.compile(r"[^\W_]+")
_CACHE_LIMIT = 65_536
_SINGULARS = _SingularCache()


def _bare_head(entity: Entity, entities: Sequence[Entity], words: _Words) -> bool:
    """Whether the side uses the entity's head noun without a qualifier of its family too.

    In "Washington wants forces to join, led by Mexican forces", the bare "forces"
    may be the ones a rewrite calls "U.S. forces": the nationality then did not move.
    """
    anchor = entity.anchor
    if anchor is None:
        return False
    family = _FAMILY[entity.kind]
    qualified = sum(
        1 for other in entities if other.anchor == anchor and _FAMILY[other.kind] is family
    )
    return words.counts[anchor] > qualified


def _mentioned(entity: Entity, side: _Words) -> bool:
    """Whether the other side names the entity in words the finder did not pick up."""
    if entity.kind is EntityKind.TITLE:
        return False  # "President" is inside "former President": the modifier matters
    words = side.counts
    parts = [part for part in re.findall(r"[^\W_]+", entity.key) if len(part) > 2]
    parts = [_singular(part) for part in parts]
    if entity.kind is EntityKind.PERSON:
        return bool(parts) and parts[-1] in words  # the surname, or the one name given
    surface = [_singular(part) for part in re.findall(r"[^\W_]+", fold(entity.span.text).lower())]
    return (bool(parts) and all(part in words for part in parts)) or (
        bool(surface) and all(part in words for part in surface)
    )


def _absent(entity: Entity, side: _Words, others: Sequence[Entity]) -> bool:
    """Whether the other side lacks ``entity``, though it may share some of its words.

    It does when it does not name the entity, or when the surname it shares belongs to
    another person there ("Bill Clinton" for "Hillary Clinton").
    """
    if not _mentioned(entity, side):
        return True
    surname = _surname(entity)
    return surname is not None and any(_surname(other) == surname for other in others)


def _surname(entity: Entity) -> str | None:
    """The last name of a person named with a given name too, else ``None``."""
    if entity.kind is not EntityKind.PERSON:
        return None
    words = entity.key.split()
    return words[-1] if len(words) > 1 else None


def _swaps(
    before: Sequence[Entity],
    after: Sequence[Entity],
    before_words: _Words,
    after_words: _Words,
    texts: tuple[str, str],
    *,
    close: bool,
) -> list[tuple[Entity, Entity]]:
    """Pair entities of the original with the different ones that replaced them.

    ``close`` says the group keeps most of its words (edited or moved), where one
    entity lost and one gained of a family can only be a swap; elsewhere a pair
    also needs a neighbouring word in common, so that a paraphrase that drops one
    name and brings in another for other reasons is not read as a swap.
    """
    # Each entity of the original named again with its anchor: nothing was swapped (no
    # entity is lost, and each anchored one keeps its twin), the common case.
    twins = {(_FAMILY[e.kind], e.key, e.anchor) for e in after}
    if all((_FAMILY[e.kind], e.key, e.anchor) in twins for e in before):
        return []
    pairs: list[tuple[Entity, Entity]] = []
    used_before: set[int] = set()
    used_after: set[int] = set()
    # First, the same anchor with a different entity: "Mexican officials" and "U.S.
    # officials", "Senator Ruiz" and "Senator Diaz", "President Ruiz" and "former
    # President Ruiz". This holds even when the old entity appears elsewhere.
    for i, old in enumerate(before):
        if old.anchor is None:
            continue
        candidates = [
            j
            for j, new in enumerate(after)
            if j not in used_after
            and new.anchor == old.anchor
            and _FAMILY[new.kind] is _FAMILY[old.kind]
        ]
        if not candidates or any(same_entity(old, after[j]) for j in candidates):
            continue
        if _FAMILY[old.kind] in _HEADED and (
            _bare_head(old, before, before_words) or _bare_head(old, after, after_words)
        ):
            continue
        for j in candidates:
            new = after[j]
            if any(same_entity(new, other) and other.anchor == old.anchor for other in before):
                continue
            pairs.append((old, new))
            used_before.add(i)
            used_after.add(j)
            break
    # Then entities gone from one side and new on the other, within one family. One of
    # the same family and key on the other side is the same entity: no need to ask.
    before_keys = {(_FAMILY[e.kind], e.key) for e in before}
    after_keys = {(_FAMILY[e.kind], e.key) for e in after}
    lost = [
        old
        for i, old in enumerate(before)
        if i not in used_before
        and (_FAMILY[old.kind], old.key) not in after_keys
        and not any(same_entity(old, new) for new in after)
    ]
    gained = [
        new
        for j, new in enumerate(after)
        if j not in used_after
        and (_FAMILY[new.kind], new.key) not in before_keys
        and not any(same_entity(new, old) for old in before)
    ]
    # Only a family that both sides lose and gain can pair: the words are read for those.
    families = _PAIRED & {_FAMILY[e.kind] for e in lost} & {_FAMILY[e.kind] for e in gained}
    if not families:
        return sorted(pairs, key=lambda pair: (pair[0].span.start, pair[1].span.start))
    lost, gained = (
        [e for e in lost if _FAMILY[e.kind] in families and _absent(e, after_words, gained)],
        [e for e in gained if _FAMILY[e.kind] in families and _absent(e, before_words, lost)],
    )
    for family in (EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE, EntityKind.TITLE):
        if family not in families:
            continue
        olds = _unique([e for e in lost if _FAMILY[e.kind] is family])
        news = _unique([e for e in gained if _FAMILY[e.kind] is family])
        pairs.extend(_pair(olds, news, texts, close=close))
    return sorted(pairs, key=lambda pair: (pair[0].span.start, pair[1].span.start))


def _pair(
    olds: list[Entity], news: list[Entity], texts: tuple[str, str], *, close: bool
) -> list[tuple[Entity, Entity]]:
    """Pair lost with gained entities: shared neighbours first, then a lone pair if close."""
    pairs: list[tuple[Entity, Entity]] = []
    free = list(news)
    unpaired: list[Entity] = []
    for old in olds:
        around = _neighbours(texts[0], old.span)
        match = next((new for new in free if _neighbours(texts[1], new.span) & around), None)
        if match is None:
            unpaired.append(old)
        else:
            pairs.append((old, match))
            free.remove(match)
    if close and len(unpaired) == 1 and len(free) == 1:
        pairs.append((unpaired[0], free[0]))
    return pairs


_WEAK = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "by",
        "for",
        "with",
        "from",
        "as",
        "that",
        "its",
        "his",
        "her",
        "their",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
    }
)
_CLAUSE_WORDS = re.compile(r"[^\W\d_]+|[^\w\s]")
_WINDOW = 60


def _neighbours(text: str, span: Span) -> frozenset[str]:
    """The nearest content word on each side of ``span`` within its clause, folded."""
    words: set[str] = set()
    before = _CLAUSE_WORDS.findall(fold(text[max(0, span.start - _WINDOW) : span.start]).lower())
    after = _CLAUSE_WORDS.findall(fold(text[span.end : span.end + _WINDOW]).lower())
    for sequence in (reversed(before), after):
        for word in sequence:
            if not word[0].isalpha():
                break  # punctuation ends the clause
            if word not in _WEAK:
                words.add(_singular(word))
                break
    return frozenset(words)


def _unique(entities: list[Entity]) -> list[Entity]:
    """Keep the first mention of each entity: repeats are one swap, not several."""
    kept: list[Entity] = []
    for entity in entities:
        if not any(same_entity(entity, other) for other in kept):
            kept.append(entity)
    return kept


def _phrase(text: str, entity: Entity) -> str:
    """The entity's words, with the noun it qualifies when it has one: "U.S. officials"."""
    if entity.anchor and entity.kind in _HEADED_KINDS:
        following = _NEXT_WORD.match(text, entity.span.end)
        if following is not None:
            return text[entity.span.start : following.end()]
    return entity.span.text


def _explain(old: Entity, new: Entity, before_text: str, after_text: str) -> str:
    if old.kind is EntityKind.TITLE:
        return f'The title "{old.span.text}" became "{new.span.text}".'
    what = _WHAT[old.kind]
    return f'"{_phrase(before_text, old)}" became "{_phrase(after_text, new)}": {what}.'
