"""The value types a comparison returns: spans, documents, alignment, changes, metrics.

Everything here is a frozen, slotted attrs class holding tuples, so a report can be
hashed, shared between threads and compared with ``==``. The types carry data only;
the algorithms that build them live in the pipeline modules, and the one serialiser
that turns them into JSON lives in :mod:`newsdiff._serialize`.

Every :class:`Span` is a pair of character offsets into the exact text the caller
passed in, so ``document.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "SCHEMA_VERSION",
    "AlignmentGroup",
    "Boilerplate",
    "BoilerplateKind",
    "Change",
    "ChangeKind",
    "Document",
    "EditOp",
    "Metrics",
    "MoveDirection",
    "Quotation",
    "QuoteLedgerEntry",
    "QuoteStatus",
    "Readability",
    "ReadabilityComparison",
    "Relation",
    "Report",
    "Sentence",
    "Severity",
    "Span",
    "Tone",
    "ToneComparison",
    "WordEdit",
]

#: Version of the JSON report layout. The major part changes when a field is removed
#: or changes meaning; the minor part when a field is added.
SCHEMA_VERSION = "1.1"


class Relation(enum.StrEnum):
    """How a group of original sentences relates to a group of rewrite sentences."""

    IDENTICAL = "identical"
    """The same characters."""
    TYPOGRAPHIC = "typographic"
    """Only quotes, dashes, spacing, accents or case differ."""
    EDITED = "edited"
    """Mostly the same words with a few changed."""
    PARAPHRASED = "paraphrased"
    """The same content in substantially different words."""
    MERGED = "merged"
    """Several original sentences became one."""
    SPLIT = "split"
    """One original sentence became several."""
    MOVED = "moved"
    """The sentence stands at another place in the story (see ``move``)."""
    ADDED = "added"
    """A rewrite sentence with no counterpart in the original."""
    REMOVED = "removed"
    """An original sentence with no counterpart in the rewrite."""


class MoveDirection(enum.StrEnum):
    """Where a moved sentence went, relative to the order of the original."""

    EARLIER = "earlier"
    LATER = "later"


class EditOp(enum.StrEnum):
    """One word-level edit inside an aligned group."""

    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


class ChangeKind(enum.StrEnum):
    """What a change may do to the story; the JSON strings are part of the contract."""

    ADDED_CONTENT = "added_content"
    REMOVED_CONTENT = "removed_content"
    MOVED = "moved"
    REWORDED = "reworded"
    ALTERED_QUOTE = "altered_quote"
    FABRICATED_QUOTE = "fabricated_quote"
    REMOVED_QUOTE = "removed_quote"
    CHANGED_ATTRIBUTION = "changed_attribution"
    DROPPED_ATTRIBUTION = "dropped_attribution"
    ADDED_SPECULATION = "added_speculation"
    REMOVED_SPECULATION = "removed_speculation"
    CHANGED_NUMBER = "changed_number"
    CHANGED_ENTITY = "changed_entity"
    LOADED_LANGUAGE = "loaded_language"


class Severity(enum.StrEnum):
    """How much a change may matter to a reader; compare with ``rank``."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        """Order of the severity: 0 for low, 1 for medium, 2 for high.

        >>> Severity.HIGH.rank > Severity.LOW.rank
        True
        """
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.LOW: 0, Severity.MEDIUM: 1, Severity.HIGH: 2}


class BoilerplateKind(enum.StrEnum):
    """Text that frames an article but is not its content."""

    DATELINE = "dateline"
    UPDATE_MARKER = "update_marker"
    COPYRIGHT = "copyright"


class QuoteStatus(enum.StrEnum):
    """What became of a direct quotation between the two versions."""

    VERBATIM = "verbatim"
    ALTERED = "altered"
    FABRICATED = "fabricated"
    REMOVED = "removed"
    SPEAKER_CHANGED = "speaker_changed"


_new_object = object.__new__
_set_field = object.__setattr__


def _check_span(instance: Span, _attribute: attrs.Attribute[Any], _value: object) -> None:
    if instance.start < 0 or instance.end < instance.start:
        msg = f"a span needs 0 <= start <= end, got start={instance.start} end={instance.end}"
        raise ValueError(msg)
    if len(instance.text) != instance.end - instance.start:
        msg = (
            f"span text has {len(instance.text)} characters but the offsets "
            f"{instance.start}:{instance.end} cover {instance.end - instance.start}"
        )
        raise ValueError(msg)


@attrs.frozen(kw_only=True, order=True)
class Span:
    """A stretch of one input text: ``text == source[start:end]``.

    >>> source = "Officials said so."
    >>> span = Span.of(source, 0, 9)
    >>> span.text
    'Officials'
    """

    start: int
    end: int
    text: str = attrs.field(validator=_check_span)

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Make the span of ``source[start:end]``."""
        if 0 <= start <= end <= len(source):
            # Valid by construction: skip the validator. Detectors make hundreds of
            # spans per comparison, and this path is about a third cheaper.
            span = _new_object(cls)
            _set_field(span, "start", start)
            _set_field(span, "end", end)
            _set_field(span, "text", source[start:end])
            return span
        return cls(start=start, end=end, text=source[start:end])

    def __len__(self) -> int:
        return self.end - self.start


@attrs.frozen(kw_only=True)
class Sentence:
    """One sentence of a document, with the index of the paragraph that holds it."""

    span: Span
    paragraph: int
    headline: bool = False


@attrs.frozen(kw_only=True)
class Boilerplate:
    """A piece of framing text that is never reported as a content change."""

    kind: BoilerplateKind
    span: Span


@attrs.frozen(kw_only=True)
class Document:
    """One decoded article and its structure: paragraphs, headline, sentences."""

    text: str
    name: str | None = None
    headline: Span | None = None
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()


@attrs.frozen(kw_only=True)
class WordEdit:
    """A word-level insertion, deletion or replacement inside an aligned group."""

    op: EditOp
    original: Span | None = None
    rewrite: Span | None = None


@attrs.frozen(kw_only=True)
class AlignmentGroup:
    """Original sentences matched with rewrite sentences, and how they relate.

    Every sentence of both documents sits in exactly one group. ``original`` and
    ``rewrite`` hold the sentence spans; ``*_sentences`` their indices in
    :attr:`Document.sentences`. ``similarity`` is in 0-1 on folded words.
    """

    relation: Relation
    original: tuple[Span, ...] = ()
    rewrite: tuple[Span, ...] = ()
    original_sentences: tuple[int, ...] = ()
    rewrite_sentences: tuple[int, ...] = ()
    similarity: float = 0.0
    move: MoveDirection | None = None
    edits: tuple[WordEdit, ...] = ()


@attrs.frozen(kw_only=True)
class Change:
    """One change in meaning, with the spans of both versions that prove it.

    ``group`` is the index of the alignment group the change sits in, when it sits
    in one; ``detector`` names the detector that found it.
    """

    kind: ChangeKind
    severity: Severity
    explanation: str
    original: tuple[Span, ...] = ()
    rewrite: tuple[Span, ...] = ()
    group: int | None = None
    detector: str = ""


@attrs.frozen(kw_only=True)
class Quotation:
    """A direct quotation: the quoted words, its marks, and who said it when known."""

    span: Span
    content: Span
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: Span | None = None


@attrs.frozen(kw_only=True)
class QuoteLedgerEntry:
    """A quotation of either version with its counterpart, if any, and what became of it."""

    status: QuoteStatus
    original: Quotation | None = None
    rewrite: Quotation | None = None
    similarity: float = 0.0
    note: str = ""


@attrs.frozen(kw_only=True)
class Readability:
    """Readability of one version, computed on newsdiff's own sentence segmentation."""

    sentences: int
    words: int
    syllables: int
    words_per_sentence: float
    flesch_reading_ease: float
    flesch_kincaid_grade: float


@attrs.frozen(kw_only=True)
class ReadabilityComparison:
    """Readability of both versions and the rewrite minus the original."""

    original: Readability
    rewrite: Readability
    words_per_sentence_delta: float
    flesch_reading_ease_delta: float
    flesch_kincaid_grade_delta: float


@attrs.frozen(kw_only=True)
class Tone:
    """How much of a version hedges, attributes, quotes and uses loaded terms.

    Each rate is per 1,000 words of the version's sentences; quotations' own words
    do not count as the writer's hedges or loaded terms.
    """

    words: int
    hedges: float
    attributions: float
    quotations: float
    loaded_terms: float


@attrs.frozen(kw_only=True)
class ToneComparison:
    """Tone of both versions and the rewrite minus the original, rate by rate."""

    original: Tone
    rewrite: Tone
    hedges_delta: float
    attributions_delta: float
    quotations_delta: float
    loaded_terms_delta: float


@attrs.frozen(kw_only=True)
class Metrics:
    """Whole-document measures of a comparison.

    ``reuse`` is the share of the rewrite's words that come from the original;
    ``coverage`` the share of the original's words the rewrite keeps. Both are in 0-1.
    """

    reuse: float
    coverage: float
    readability: ReadabilityComparison
    tone: ToneComparison


@attrs.frozen(kw_only=True)
class Report:
    """Everything newsdiff found when comparing an original with one rewrite."""

    original: Document
    rewrite: Document
    alignment: tuple[AlignmentGroup, ...]
    changes: tuple[Change, ...]
    metrics: Metrics
    quotes: tuple[QuoteLedgerEntry, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def filter(
        self,
        *,
        kinds: Iterable[ChangeKind | str] | None = None,
        min_severity: Severity | str = Severity.LOW,
    ) -> Report:
        """Return a copy whose changes are only those of ``kinds`` at ``min_severity`` or above.

        Raises:
            ValueError: a kind or severity that newsdiff does not know.
        """
        wanted = None if kinds is None else {ChangeKind(kind) for kind in kinds}
        floor = Severity(min_severity).rank
        kept = tuple(
            change
            for change in self.changes
            if (wanted is None or change.kind in wanted) and change.severity.rank >= floor
        )
        return attrs.evolve(self, changes=kept)

    def to_json(self, *, indent: int | None = 2) -> str:
        """Serialise the report to JSON; the same report always gives the same bytes."""
        from newsdiff._serialize import report_to_json  # noqa: PLC0415 - serialiser imports models

        return report_to_json(self, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Rebuild a report from :meth:`to_json` output.

        Raises:
            SchemaError: the JSON is not a report of a schema this version reads.
        """
        from newsdiff._serialize import report_from_json  # noqa: PLC0415 - serialiser imports models

        return report_from_json(text)
