"""Detectors: each looks at an aligned comparison and reports changes of one family.

A detector is any object with a ``name`` and a ``detect(context)`` method returning
:class:`~newsdiff.models.Change` objects; pass your own to :func:`newsdiff.compare`
with ``detectors=[*default_detectors(), MyDetector()]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from newsdiff.detect._annotations import Annotations, annotate
from newsdiff.exceptions import InputError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from newsdiff.models import AlignmentGroup, Change, Document, QuoteLedgerEntry

__all__ = ["Context", "Detector"]


@attrs.frozen(kw_only=True)
class Context:
    """What every detector sees: both documents, their alignment and the quote ledger.

    ``alignment[i]`` is the group a change refers to as ``group=i``. ``original_notes``
    and ``rewrite_notes`` share the finders' results on each document among detectors
    (an ``Annotations`` each, from ``newsdiff.detect._annotations``); left out, they are
    started from the documents.
    """

    original: Document
    rewrite: Document
    alignment: tuple[AlignmentGroup, ...]
    quotes: tuple[QuoteLedgerEntry, ...] = ()
    original_notes: Annotations = attrs.field(
        default=attrs.Factory(lambda self: annotate(self.original), takes_self=True),
        eq=False,
        repr=False,
    )
    rewrite_notes: Annotations = attrs.field(
        default=attrs.Factory(lambda self: annotate(self.rewrite), takes_self=True),
        eq=False,
        repr=False,
    )

    @original_notes.validator
    def _check_original_notes(
        self, attribute: attrs.Attribute[Annotations], notes: Annotations
    ) -> None:
        _check_notes(attribute.name, notes, self.original)

    @rewrite_notes.validator
    def _check_rewrite_notes(
        self, attribute: attrs.Attribute[Annotations], notes: Annotations
    ) -> None:
        _check_notes(attribute.name, notes, self.rewrite)


def _check_notes(name: str, notes: Annotations, document: Document) -> None:
    """Refuse notes taken on another document: detectors would report on the wrong text."""
    if notes.document is not document and notes.document != document:
        msg = f"{name} annotate another document; build them with annotate() of that document"
        raise InputError(msg)


@runtime_checkable
class Detector(Protocol):
    """Something that finds changes of one family in a comparison."""

    @property
    def name(self) -> str:
        """A short identifier, written into each change's ``detector`` field."""
        ...

    def detect(self, context: Context) -> Iterable[Change]:
        """Yield the changes found in ``context``; spans index the documents' texts."""
        ...
