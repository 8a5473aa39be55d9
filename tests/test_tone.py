from __future__ import annotations

import pytest

import newsdiff
from _contexts import one_sentence_group, sentences
from newsdiff.detect import Context, Detector
from newsdiff.detect.tone import LoadedLanguageDetector
from newsdiff.models import (
    AlignmentGroup,
    ChangeKind,
    Quotation,
    QuoteLedgerEntry,
    QuoteStatus,
    Relation,
    Span,
)


def found(context: Context) -> list[tuple[str, tuple[str, ...]]]:
    changes = list(LoadedLanguageDetector().detect(context))
    for change in changes:
        assert change.kind is ChangeKind.LOADED_LANGUAGE
        assert change.detector == "loaded_language"
    return [(change.severity.value, tuple(s.text for s in change.rewrite)) for change in changes]


# (original, rewrite, expected): each positive sits beside a near-miss negative.
CASES = [
    (
        "The mayor called for help.",
        "The mayor urgently called for help.",
        [("low", ("urgently",))],
    ),
    ("The mayor urgently called for help.", "The mayor urgently called for help again.", []),
    (
        "Storms are causing damage across the coast.",
        "Storms are wreaking havoc across the coast.",
        [("medium", ("wreaking havoc",))],
    ),
    ("Storms wreaked havoc across the coast.", "Storms are wreaking havoc across the coast.", []),
    (
        "The senator criticised the bill.",
        "The senator slammed the bill.",
        [("medium", ("slammed",))],
    ),
    ("The senator slams the bill.", "The senator slammed the bill.", []),
    (
        "The senator said the bill failed.",
        "The senator admitted the bill failed, clearly.",
        [("medium", ("admitted",)), ("low", ("clearly",))],
    ),
    ("The senator said the bill failed.", 'The senator said: "The bill failed, clearly."', []),
    ("The flood damaged homes.", '"A devastating flood," the chief said of it.', []),
    (
        "The flood damaged homes.",
        "The devastating flood damaged homes.",
        [("medium", ("devastating",))],
    ),
]


@pytest.mark.parametrize(("before", "after", "expected"), CASES)
def test_loaded_language(
    before: str, after: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert found(one_sentence_group(before, after)) == expected


def test_added_sentence_is_checked_against_the_whole_original() -> None:
    original = sentences("Crowds gathered.", "The scene was chaotic.")
    rewrite = sentences("Crowds gathered.", "Chaos and mayhem followed.")
    groups = (
        AlignmentGroup(
            relation=Relation.IDENTICAL,
            original=(original.sentences[0].span,),
            rewrite=(rewrite.sentences[0].span,),
            original_sentences=(0,),
            rewrite_sentences=(0,),
        ),
        AlignmentGroup(
            relation=Relation.REMOVED,
            original=(original.sentences[1].span,),
            original_sentences=(1,),
        ),
        AlignmentGroup(
            relation=Relation.ADDED, rewrite=(rewrite.sentences[1].span,), rewrite_sentences=(1,)
        ),
    )
    changes = list(
        LoadedLanguageDetector().detect(
            Context(original=original, rewrite=rewrite, alignment=groups)
        )
    )
    # "Chaos" shares its family with the original's "chaotic"; "mayhem" is new.
    assert [(c.group, tuple(s.text for s in c.rewrite)) for c in changes] == [(2, ("mayhem",))]
    assert changes[0].explanation.startswith("An added sentence uses emotive wording")


@pytest.mark.parametrize("relation", [Relation.IDENTICAL, Relation.TYPOGRAPHIC])
def test_quiet_groups_are_skipped(relation: Relation) -> None:
    assert found(one_sentence_group("It rained.", "It rained, brutally.", relation)) == []


def test_is_a_detector() -> None:
    assert isinstance(LoadedLanguageDetector(), Detector)


def test_end_to_end() -> None:
    original = "The council approved the budget.\nRoad spending rises by a tenth."
    rewrite = "The council urgently approved the budget.\nRoad spending rises by a tenth."
    report = newsdiff.compare(original, rewrite, detectors=[LoadedLanguageDetector()])
    assert [(c.kind, c.severity.value, c.rewrite[0].text) for c in report.changes] == [
        (ChangeKind.LOADED_LANGUAGE, "low", "urgently")
    ]
    assert newsdiff.compare(original, original, detectors=[LoadedLanguageDetector()]).changes == ()


def test_ledger_quotation_is_left_out() -> None:
    # No quotation marks: only the ledger knows these words were quoted.
    context = one_sentence_group("The mayor spoke.", "The mayor spoke of a catastrophe.")
    quoted = Span.of(context.rewrite.text, 21, 32)
    entry = QuoteLedgerEntry(
        status=QuoteStatus.FABRICATED, rewrite=Quotation(span=quoted, content=quoted)
    )
    with_ledger = Context(
        original=context.original,
        rewrite=context.rewrite,
        alignment=context.alignment,
        quotes=(entry,),
    )
    assert found(context) == [("medium", ("catastrophe",))]
    assert found(with_ledger) == []
