"""A small invented report built by hand, so renderer goldens never move with detectors."""

from __future__ import annotations

import os
from pathlib import Path

from newsdiff.models import (
    AlignmentGroup,
    Change,
    ChangeKind,
    Document,
    EditOp,
    Metrics,
    Quotation,
    QuoteLedgerEntry,
    QuoteStatus,
    Readability,
    ReadabilityComparison,
    Relation,
    Report,
    Sentence,
    Severity,
    Span,
    Tone,
    ToneComparison,
    WordEdit,
)

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, rendered: str) -> None:
    """Compare with tests/golden/NAME; NEWSDIFF_REGEN_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("NEWSDIFF_REGEN_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)>'


def _document(text: str, name: str, sentences: list[str]) -> Document:
    spans = []
    for sentence in sentences:
        start = text.index(sentence)
        spans.append(Sentence(span=Span.of(text, start, start + len(sentence)), paragraph=0))
    return Document(
        text=text,
        name=name,
        paragraphs=(Span.of(text, 0, len(text)),),
        sentences=tuple(spans),
    )


def _at(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span.of(text, start, start + len(part))


def sample_report(extra: str = "") -> Report:
    """An original and a rewrite with a changed number, added speculation and a cut.

    ``extra`` is appended to both versions as a last, identical sentence (for escaping
    tests); it must end a sentence.
    """
    o1 = "Officials said 12 people were hurt in the fire on Monday."
    o2 = "Firefighters arrived within minutes."
    o3 = '"We did everything we could," the fire chief said.'
    r1 = "Officials said 15 people were hurt in the fire on Monday."
    r2 = "Police suspect the blaze was set on purpose."
    r3 = '"We did all we could," the fire chief said.'
    tail = [extra] if extra else []
    original_text = " ".join([o1, o2, o3, *tail])
    rewrite_text = " ".join([r1, r2, r3, *tail])
    original = _document(original_text, "before.txt", [o1, o2, o3, *tail])
    rewrite = _document(rewrite_text, "after.txt", [r1, r2, r3, *tail])
    os_, rs = original.sentences, rewrite.sentences
    groups = [
        AlignmentGroup(
            relation=Relation.EDITED,
            original=(os_[0].span,),
            rewrite=(rs[0].span,),
            original_sentences=(0,),
            rewrite_sentences=(0,),
            similarity=0.9,
            edits=(
                WordEdit(
                    op=EditOp.REPLACE,
                    original=_at(original_text, "12"),
                    rewrite=_at(rewrite_text, "15"),
                ),
            ),
        ),
        AlignmentGroup(relation=Relation.REMOVED, original=(os_[1].span,), original_sentences=(1,)),
        AlignmentGroup(relation=Relation.ADDED, rewrite=(rs[1].span,), rewrite_sentences=(1,)),
        AlignmentGroup(
            relation=Relation.EDITED,
            original=(os_[2].span,),
            rewrite=(rs[2].span,),
            original_sentences=(2,),
            rewrite_sentences=(2,),
            similarity=0.8,
            edits=(
                WordEdit(
                    op=EditOp.REPLACE,
                    original=_at(original_text, "everything"),
                    rewrite=_at(rewrite_text, "all"),
                ),
            ),
        ),
    ]
    if extra:
        groups.append(
            AlignmentGroup(
                relation=Relation.IDENTICAL,
                original=(os_[3].span,),
                rewrite=(rs[3].span,),
                original_sentences=(3,),
                rewrite_sentences=(3,),
                similarity=1.0,
            )
        )
    changes = (
        Change(
            kind=ChangeKind.CHANGED_NUMBER,
            severity=Severity.HIGH,
            explanation="The number of people hurt changed from “12” to “15”.",
            original=(_at(original_text, "12"),),
            rewrite=(_at(rewrite_text, "15"),),
            group=0,
            detector="numbers",
        ),
        Change(
            kind=ChangeKind.REMOVED_CONTENT,
            severity=Severity.MEDIUM,
            explanation="A sentence was cut: “Firefighters arrived within minutes.”",
            original=(os_[1].span,),
            group=1,
            detector="structure",
        ),
        Change(
            kind=ChangeKind.ADDED_SPECULATION,
            severity=Severity.MEDIUM,
            explanation="The rewrite adds speculation the original does not have: “suspect”.",
            rewrite=(_at(rewrite_text, "suspect"),),
            group=2,
            detector="speculation",
        ),
        Change(
            kind=ChangeKind.ALTERED_QUOTE,
            severity=Severity.HIGH,
            explanation="The fire chief's quotation changed: “everything” became “all”.",
            original=(_at(original_text, "everything"),),
            rewrite=(_at(rewrite_text, "all"),),
            group=3,
            detector="quotes",
        ),
        Change(
            kind=ChangeKind.LOADED_LANGUAGE,
            severity=Severity.LOW,
            explanation="The rewrite calls the fire a “blaze”.",
            rewrite=(_at(rewrite_text, "blaze"),),
            detector="loaded",
        ),
    )
    quote_o = _at(original_text, '"We did everything we could,"')
    quote_r = _at(rewrite_text, '"We did all we could,"')
    quotes = (
        QuoteLedgerEntry(
            status=QuoteStatus.ALTERED,
            original=Quotation(
                span=quote_o,
                content=Span.of(original_text, quote_o.start + 1, quote_o.end - 2),
                speaker="the fire chief",
            ),
            rewrite=Quotation(
                span=quote_r,
                content=Span.of(rewrite_text, quote_r.start + 1, quote_r.end - 2),
                speaker="the fire chief",
            ),
            similarity=0.75,
            note="one word replaced",
        ),
    )
    readability = ReadabilityComparison(
        original=Readability(
            sentences=3,
            words=27,
            syllables=38,
            words_per_sentence=9.0,
            flesch_reading_ease=78.2,
            flesch_kincaid_grade=4.9,
        ),
        rewrite=Readability(
            sentences=3,
            words=26,
            syllables=36,
            words_per_sentence=8.67,
            flesch_reading_ease=80.1,
            flesch_kincaid_grade=4.5,
        ),
        words_per_sentence_delta=-0.33,
        flesch_reading_ease_delta=1.9,
        flesch_kincaid_grade_delta=-0.4,
    )
    tone = ToneComparison(
        original=Tone(words=27, hedges=0.0, attributions=74.07, quotations=37.04, loaded_terms=0.0),
        rewrite=Tone(
            words=26, hedges=38.46, attributions=76.92, quotations=38.46, loaded_terms=38.46
        ),
        hedges_delta=38.46,
        attributions_delta=2.85,
        quotations_delta=1.42,
        loaded_terms_delta=38.46,
    )
    return Report(
        original=original,
        rewrite=rewrite,
        alignment=tuple(groups),
        changes=changes,
        metrics=Metrics(reuse=0.6154, coverage=0.5926, readability=readability, tone=tone),
        quotes=quotes,
    )
