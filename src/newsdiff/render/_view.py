"""A report taken apart for display: rows of aligned text cut into marked pieces.

Every renderer reads the same view, so the HTML page, the Markdown and the terminal
agree on labels, order and numbering. The view holds plain strings only; escaping is
the job of each renderer (Jinja2's autoescape for HTML, backslashes for Markdown).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import attrs

from newsdiff.models import ChangeKind, Relation, Severity

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newsdiff.models import AlignmentGroup, Change, Document, Report, Span

__all__ = [
    "SEVERITY_MARKS",
    "ChangeView",
    "PairView",
    "Piece",
    "Row",
    "kind_label",
    "pair_view",
    "percent",
    "severity_label",
]

#: A shape per severity, so severity reads without colour.
SEVERITY_MARKS = {Severity.HIGH: "\u25b2", Severity.MEDIUM: "\u25c6", Severity.LOW: "\u25cf"}

_RELATION_LABELS = {
    Relation.IDENTICAL: "Identical",
    Relation.TYPOGRAPHIC: "Typography only",
    Relation.EDITED: "Edited",
    Relation.PARAPHRASED: "Paraphrased",
    Relation.MERGED: "Merged",
    Relation.SPLIT: "Split",
    Relation.MOVED: "Moved",
    Relation.ADDED: "+ Added",
    Relation.REMOVED: "\u2212 Removed",
}


def kind_label(kind: ChangeKind) -> str:
    """A change kind as words: ``changed_number`` becomes ``Changed number``.

    >>> kind_label(ChangeKind.CHANGED_NUMBER)
    'Changed number'
    """
    return kind.value.replace("_", " ").capitalize()


def severity_label(severity: Severity) -> str:
    """A severity as a capitalised word: ``High``, ``Medium`` or ``Low``."""
    return severity.value.capitalize()


@attrs.frozen
class Piece:
    """A stretch of sentence text: ``ins``, ``del``, ``hit`` (evidence) or unmarked (``""``)."""

    text: str
    mark: str = ""


@attrs.frozen
class ChangeView:
    """One change with its number (from 1, in report order) and display labels."""

    number: int
    kind: str
    kind_label: str
    severity: str
    severity_label: str
    severity_mark: str
    rank: int
    explanation: str
    original: tuple[str, ...]
    rewrite: tuple[str, ...]
    group: int | None
    original_context: tuple[Piece, ...] = ()
    rewrite_context: tuple[Piece, ...] = ()


@attrs.frozen
class Row:
    """One alignment group: both sides cut into pieces, its relation and its changes."""

    group: int
    relation: str
    relation_label: str
    original: tuple[Piece, ...]
    rewrite: tuple[Piece, ...]
    note: str
    changes: tuple[ChangeView, ...]


@attrs.frozen
class PairView:
    """Everything a renderer shows for one report."""

    original_name: str
    rewrite_name: str
    reuse: float
    coverage: float
    rows: tuple[Row, ...]
    changes: tuple[ChangeView, ...]
    loose: tuple[ChangeView, ...]
    kinds: tuple[tuple[str, str], ...]
    counts: tuple[tuple[str, tuple[int, ...]], ...]
    severity_totals: tuple[int, ...]
    severities: tuple[tuple[str, str, str, int], ...]
    readability: tuple[tuple[str, str, str, str], ...]
    tone: tuple[tuple[str, str, str, str], ...]
    quotes: tuple[tuple[str, str, str, str, str], ...]


def _context(
    document: Document, evidence: Sequence[Span], fallback: Sequence[Span]
) -> tuple[Piece, ...]:
    """The sentences that hold ``evidence``, with the evidence marked ``hit``.

    With no evidence on this side, the sentences ``fallback`` (the change's group on this
    side) stand in unmarked, so a reader still sees what this version says there.
    """
    if evidence:
        spans = [
            sentence.span
            for sentence in document.sentences
            if any(e.start < sentence.span.end and sentence.span.start < e.end for e in evidence)
        ]
        if not spans:
            return tuple(Piece(span.text, "hit") for span in evidence)
    else:
        spans = list(fallback)
    return _pieces(document.text, spans, evidence, "hit", whole=False)


def _change_view(number: int, change: Change, report: Report | None = None) -> ChangeView:
    group = (
        report.alignment[change.group]
        if report is not None
        and change.group is not None
        and 0 <= change.group < len(report.alignment)
        else None
    )
    contexts: tuple[tuple[Piece, ...], tuple[Piece, ...]] = ((), ())
    if report is not None:
        contexts = (
            _context(report.original, change.original, group.original if group else ()),
            _context(report.rewrite, change.rewrite, group.rewrite if group else ()),
        )
    return ChangeView(
        number=number,
        kind=change.kind.value,
        kind_label=kind_label(change.kind),
        severity=change.severity.value,
        severity_label=severity_label(change.severity),
        severity_mark=SEVERITY_MARKS[change.severity],
        rank=change.severity.rank,
        explanation=change.explanation,
        original=tuple(span.text for span in change.original),
        rewrite=tuple(span.text for span in change.rewrite),
        group=change.group,
        original_context=contexts[0],
        rewrite_context=contexts[1],
    )


def _pieces(
    text: str, spans: Sequence[Span], edits: Sequence[Span], mark: str, *, whole: bool
) -> tuple[Piece, ...]:
    """Cut the sentences ``spans`` of ``text`` at the edited stretches ``edits``.

    Edited stretches are marked ``mark`` (``ins`` on the rewrite side, ``del`` on the
    original side); ``whole`` marks every sentence, for added or removed ones.
    """
    pieces: list[Piece] = []
    cuts = sorted((span.start, span.end) for span in edits)
    for number, span in enumerate(spans):
        if number:
            pieces.append(Piece(" "))
        if whole:
            pieces.append(Piece(span.text, mark))
            continue
        position = span.start
        for cut_start, cut_end in cuts:
            start, end = max(cut_start, span.start), min(cut_end, span.end)
            if start >= end or start < position:
                continue
            if start > position:
                pieces.append(Piece(text[position:start]))
            pieces.append(Piece(text[start:end], mark))
            position = end
        if position < span.end:
            pieces.append(Piece(text[position : span.end]))
    return tuple(pieces)


def _note(group: AlignmentGroup) -> str:
    """Say where a moved sentence went, in 1-based sentence numbers both sides."""
    if group.move is None or not group.original_sentences or not group.rewrite_sentences:
        return ""
    was = ", ".join(str(i + 1) for i in group.original_sentences)
    now = ", ".join(str(j + 1) for j in group.rewrite_sentences)
    return (
        f"Moved {group.move.value}: sentence {was} of the original is sentence {now} "
        "of the rewrite."
    )


def _row(report: Report, index: int, changes: tuple[ChangeView, ...]) -> Row:
    group = report.alignment[index]
    return Row(
        group=index,
        relation=group.relation.value,
        relation_label=_RELATION_LABELS[group.relation],
        original=_pieces(
            report.original.text,
            group.original,
            [e.original for e in group.edits if e.original is not None],
            "del",
            whole=group.relation is Relation.REMOVED,
        ),
        rewrite=_pieces(
            report.rewrite.text,
            group.rewrite,
            [e.rewrite for e in group.edits if e.rewrite is not None],
            "ins",
            whole=group.relation is Relation.ADDED,
        ),
        note=_note(group),
        changes=changes,
    )


def _percent(value: float) -> str:
    return f"{value:.1%}"


def _signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "\u2212")


def _signed_int(value: int) -> str:
    return f"{value:+d}".replace("-", "\u2212")


def _readability(report: Report) -> tuple[tuple[str, str, str, str], ...]:
    scores = report.metrics.readability
    left, right = scores.original, scores.rewrite
    return (
        ("Words", str(left.words), str(right.words), _signed_int(right.words - left.words)),
        ("Sentences", str(left.sentences), str(right.sentences),
         _signed_int(right.sentences - left.sentences)),
        ("Words per sentence", f"{left.words_per_sentence:.1f}",
         f"{right.words_per_sentence:.1f}", _signed(scores.words_per_sentence_delta)),
        ("Flesch reading ease", f"{left.flesch_reading_ease:.1f}",
         f"{right.flesch_reading_ease:.1f}", _signed(scores.flesch_reading_ease_delta)),
        ("Flesch-Kincaid grade", f"{left.flesch_kincaid_grade:.1f}",
         f"{right.flesch_kincaid_grade:.1f}", _signed(scores.flesch_kincaid_grade_delta)),
    )  # fmt: skip


def _tone(report: Report) -> tuple[tuple[str, str, str, str], ...]:
    """Rows of the tone panel: rates per 1,000 words in each version and the delta."""
    tone = report.metrics.tone
    left, right = tone.original, tone.rewrite
    return (
        ("Hedges", f"{left.hedges:.1f}", f"{right.hedges:.1f}", _signed(tone.hedges_delta)),
        ("Attributions", f"{left.attributions:.1f}", f"{right.attributions:.1f}",
         _signed(tone.attributions_delta)),
        ("Quotations", f"{left.quotations:.1f}", f"{right.quotations:.1f}",
         _signed(tone.quotations_delta)),
        ("Loaded terms", f"{left.loaded_terms:.1f}", f"{right.loaded_terms:.1f}",
         _signed(tone.loaded_terms_delta)),
    )  # fmt: skip


def _quotes(report: Report) -> tuple[tuple[str, str, str, str, str], ...]:
    return tuple(
        (
            entry.status.value,
            entry.status.value.replace("_", " ").capitalize(),
            entry.original.span.text if entry.original else "",
            entry.rewrite.span.text if entry.rewrite else "",
            entry.note,
        )
        for entry in report.quotes
    )


def pair_view(report: Report) -> PairView:
    """Take ``report`` apart into what a renderer shows."""
    changes = tuple(_change_view(n, c, report) for n, c in enumerate(report.changes, start=1))
    by_group: dict[int, list[ChangeView]] = {}
    for change in changes:
        if change.group is not None and 0 <= change.group < len(report.alignment):
            by_group.setdefault(change.group, []).append(change)
    rows = tuple(
        _row(report, index, tuple(by_group.get(index, ())))
        for index in range(len(report.alignment))
    )
    placed = {c.number for row in rows for c in row.changes}
    counts = Counter((c.kind, c.severity) for c in changes)
    order = (Severity.HIGH, Severity.MEDIUM, Severity.LOW)
    present = [kind for kind in ChangeKind if any(c.kind == kind.value for c in changes)]
    return PairView(
        original_name=report.original.name or "original",
        rewrite_name=report.rewrite.name or "rewrite",
        reuse=report.metrics.reuse,
        coverage=report.metrics.coverage,
        rows=rows,
        changes=changes,
        loose=tuple(c for c in changes if c.number not in placed),
        kinds=tuple((kind.value, kind_label(kind)) for kind in present),
        counts=tuple(
            (kind_label(kind), tuple(counts[kind.value, s.value] for s in order))
            for kind in present
        ),
        severity_totals=tuple(sum(1 for c in changes if c.severity == s.value) for s in order),
        severities=tuple((s.value, severity_label(s), SEVERITY_MARKS[s], s.rank) for s in order),
        readability=_readability(report),
        tone=_tone(report),
        quotes=_quotes(report),
    )


def percent(value: float) -> str:
    """A share in 0-1 as a percentage with one decimal: ``0.5`` becomes ``50.0%``."""
    return _percent(value)
