from __future__ import annotations

import pytest

import newsdiff
from _contexts import one_sentence_group
from newsdiff.detect import Context, Detector
from newsdiff.detect.speculation import SpeculationDetector
from newsdiff.models import (
    ChangeKind,
    Quotation,
    QuoteLedgerEntry,
    QuoteStatus,
    Relation,
    Severity,
    Span,
)


def found(
    before: str, after: str, relation: Relation = Relation.EDITED
) -> list[tuple[str, tuple[str, ...]]]:
    changes = list(SpeculationDetector().detect(one_sentence_group(before, after, relation)))
    for change in changes:
        assert change.severity is Severity.MEDIUM
        assert change.detector == "speculation"
    return [
        (
            change.kind.value,
            tuple(
                span.text
                for span in (
                    change.rewrite
                    if change.kind is ChangeKind.ADDED_SPECULATION
                    else change.original
                )
            ),
        )
        for change in changes
    ]


ADDED = "added_speculation"
REMOVED = "removed_speculation"

# (original, rewrite, expected): each positive sits beside a near-miss negative.
CASES = [
    # A rhetorical question added in the writer's voice; the same question inside a quote.
    (
        "The league will vote on the new rules in March.",
        "The league will vote on the new rules in March. Will the clubs accept them?",
        [(ADDED, ("Will the clubs accept them?",))],
    ),
    (
        "The league will vote on the new rules in March.",
        "The league will vote on the new rules in March, \u201cwill the clubs accept them?\u201d",
        [],
    ),
    # A modal added; "could not" and "May 5" are not hedges; a "might" inside a quote is not.
    ("The strike ends the season.", "The strike could end the season.", [(ADDED, ("could",))]),
    ("The strike ended the season.", "The strike could not end the season.", []),
    ("The strike ended on May 5.", "The strike ended on may 5.", []),
    (
        "The coach said the strike ends the season.",
        'The coach said: "The strike might end the season."',
        [],
    ),
    # Hedging dropped; the same hedge kept (even moved) is not reported.
    (
        "The fire was probably set on purpose.",
        "The fire was set on purpose.",
        [(REMOVED, ("probably",))],
    ),
    ("The fire was probably set on purpose.", "Probably, the fire was set on purpose.", []),
    # One hedge swapped for another keeps the hedging.
    ("Rates may rise next year.", "Rates might rise next year.", []),
    ("Rates may rise next year.", "Rates will rise next year.", [(REMOVED, ("may",))]),
    # Predictions; a tense shift of reported speech is not a new guess.
    (
        "The plant opens in June.",
        "The plant is expected to open in June.",
        [(ADDED, ("is expected to",))],
    ),
    ("He said the plant will open in June.", "He said the plant would open in June.", []),
    ("The plant opened in June.", "The plant would open in June.", [(ADDED, ("would",))]),
    ("The plant opened in June.", "The plant would later open in June.", []),
    ("The storm will, at first, hit Cuba.", "The storm would, at first, hit Cuba.", []),
    ("The deal'll pass.", "The deal would pass.", []),
    ("The deal passes.", "The deal would pass.", [(ADDED, ("would",))]),
    # A question reworded is still the same question; a question added beside one is new.
    ("Why did the talks fail?", "Why did the talks collapse?", []),
    (
        "Why did the talks fail?",
        "Why did the talks fail? Who is to blame?",
        [(ADDED, ("Who is to blame?",))],
    ),
    # A new quotation carrying a hedge is not the writer's; the writer's own hedge is.
    (
        "The dam holds.",
        '"It may break," an engineer said, and the dam could fail.',
        [(ADDED, ("could",))],
    ),
    # Weasel phrasing and fixed phrases of uncertainty.
    ("The tax hurts the poor.", "Some say the tax hurts the poor.", [(ADDED, ("Some say",))]),
    ("The tax hurts the poor.", "Some farmers say the tax hurts the poor.", []),
    (
        "The truce holds.",
        "It remains to be seen whether the truce holds.",
        [(ADDED, ("It remains to be seen", "whether"))],
    ),
    # Vague sourcing rests a claim on nobody in particular: it counts as a hedge, unless a
    # named source stands on the other side (the attribution detector's case).
    ("The minister resigned.", "The minister reportedly resigned.", [(ADDED, ("reportedly",))]),
    ("The minister resigned.", "Sources say the minister resigned.", [(ADDED, ("Sources say",))]),
    ("The minister reportedly resigned.", "The minister resigned.", [(REMOVED, ("reportedly",))]),
    ("The minister reportedly resigned.", "The minister reportedly quit.", []),
    ("The minister resigned, the BBC said.", "The minister resigned, sources said.", []),
    ("The minister reportedly resigned.", "The minister resigned, the BBC said.", []),
    ("The minister resigned.", "The minister allegedly resigned.", [(ADDED, ("allegedly",))]),
]


@pytest.mark.parametrize(("before", "after", "expected"), CASES)
def test_speculation(before: str, after: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert found(before, after) == expected


def test_added_sentence_with_a_question() -> None:
    assert found("Talks ended.", "Is this the end of the road?", Relation.ADDED) == [
        (ADDED, ("Is this the end of the road?",))
    ]


def test_added_sentence_without_speculation() -> None:
    assert found("Talks ended.", "The road was closed.", Relation.ADDED) == []


def test_quoted_hedge_in_the_original_covers_a_paraphrase() -> None:
    before = 'The mayor said: "Taxes may rise."'
    after = "The mayor said taxes may rise."
    assert found(before, after) == []


def test_quote_from_the_ledger_is_left_out() -> None:
    # No quotation marks at all: only the ledger knows the words were quoted.
    before = "The mayor spoke. Taxes rise."
    after = "The mayor spoke. Taxes might rise."
    base = one_sentence_group(before, after)
    quoted = Span.of(after, 17, len(after))
    entry = QuoteLedgerEntry(
        status=QuoteStatus.FABRICATED, rewrite=Quotation(span=quoted, content=quoted)
    )
    with_ledger = Context(
        original=base.original, rewrite=base.rewrite, alignment=base.alignment, quotes=(entry,)
    )
    assert [c.kind for c in SpeculationDetector().detect(base)] == [ChangeKind.ADDED_SPECULATION]
    assert list(SpeculationDetector().detect(with_ledger)) == []


@pytest.mark.parametrize(
    ("before", "after", "words"),
    [
        ("Rates rise.", "Rates may rise.", "adds a hedge"),
        ("Rates rise.", "Rates may, or might, rise.", "adds hedging"),
        ("Rates rise.", "Rates would rise.", "adds a prediction"),
        ("Rates rise.", "If oil is cheap, rates rise.", "adds a condition"),
        ("Rates rise.", "Some say rates rise.", "adds vague attribution"),
        ("Rates rise.", "Rates reportedly rise.", "adds vague sourcing"),
        ("Rates rise.", "Rates probably rise.", "adds speculation"),
    ],
)
def test_explanation_names_the_kind_of_speculation(before: str, after: str, words: str) -> None:
    (change,) = SpeculationDetector().detect(one_sentence_group(before, after))
    assert words in change.explanation


def test_ledger_and_marks_together() -> None:
    after = 'The mayor said "taxes might rise" today.'
    base = one_sentence_group("The mayor spoke today.", after)
    quoted = Span.of(after, 14, 33)
    entry = QuoteLedgerEntry(
        status=QuoteStatus.FABRICATED, rewrite=Quotation(span=quoted, content=quoted)
    )
    with_ledger = Context(
        original=base.original, rewrite=base.rewrite, alignment=base.alignment, quotes=(entry,)
    )
    assert list(SpeculationDetector().detect(with_ledger)) == []


def test_change_carries_evidence_and_a_plain_explanation() -> None:
    (change,) = SpeculationDetector().detect(
        one_sentence_group("The strike ends the season.", "The strike could end the season.")
    )
    assert change.group == 0
    assert change.original[0].text == "The strike ends the season."
    assert [(s.start, s.end) for s in change.rewrite] == [(11, 16)]
    assert "\u201ccould\u201d" in change.explanation


@pytest.mark.parametrize("relation", [Relation.IDENTICAL, Relation.TYPOGRAPHIC])
def test_quiet_groups_are_skipped(relation: Relation) -> None:
    assert found("It ended.", "Could it end?", relation) == []


def test_is_a_detector() -> None:
    assert isinstance(SpeculationDetector(), Detector)
    assert SpeculationDetector().name == "speculation"


def test_end_to_end_added_question() -> None:
    original = "The council approved the budget on Monday.\nSpending on roads rises by a tenth."
    rewrite = (
        "The council approved the budget on Monday.\nSpending on roads rises by a tenth. "
        "Will drivers notice the difference?"
    )
    report = newsdiff.compare(original, rewrite, detectors=[SpeculationDetector()])
    assert [(c.kind, c.rewrite[0].text) for c in report.changes] == [
        (ChangeKind.ADDED_SPECULATION, "Will drivers notice the difference?")
    ]


def test_end_to_end_text_against_itself_and_a_typographic_copy() -> None:
    text = 'Officials may act soon. "Could it fail?" she asked. It might.\nWhat if it does?'
    curly = text.replace('"Could', "\u201cCould").replace('?" she', "?\u201d she")
    for other in (text, curly):
        assert newsdiff.compare(text, other, detectors=[SpeculationDetector()]).changes == ()


def test_seed_rewrite_with_an_added_question(seed_texts: dict[str, str]) -> None:
    report = newsdiff.compare(
        seed_texts["000"], seed_texts["002"], detectors=[SpeculationDetector()]
    )
    questions = [
        change
        for change in report.changes
        if change.kind is ChangeKind.ADDED_SPECULATION and change.rewrite[-1].text.endswith("?")
    ]
    assert len(questions) == 1
    assert (
        newsdiff.compare(
            seed_texts["000"], seed_texts["000"], detectors=[SpeculationDetector()]
        ).changes
        == ()
    )
