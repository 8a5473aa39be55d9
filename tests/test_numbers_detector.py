from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from _contexts import one_group
from newsdiff.detect import Context, Detector
from newsdiff.detect.numbers import NumberDetector
from newsdiff.models import (
    AlignmentGroup,
    ChangeKind,
    Document,
    Relation,
    Severity,
    Span,
)


def changed(before: str, after: str) -> list[tuple[str, str]]:
    changes = list(NumberDetector().detect(one_group(before, after)))
    for change in changes:
        assert change.kind is ChangeKind.CHANGED_NUMBER
        assert change.severity is Severity.HIGH
        assert change.group == 0
        assert change.detector == "numbers"
    return [(c.original[0].text, c.rewrite[0].text) for c in changes]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # Format only: never a change.
        ("Rescuers found 3 people alive.", "Rescuers found three people alive.", []),
        ("The fund helped 1,200 farmers.", "The fund helped 1200 farmers.", []),
        ("The fund helped 1,200 farmers.", "The fund helped 1.2 thousand farmers.", []),
        ("The dam opened on January 3.", "The dam opened on Jan. 3.", []),
        ("The dam opened on January 3.", "The dam opened on 3 January.", []),
        ("The dam opened on January 3.", "The dam opened on January 3rd, 2026.", []),
        ("The grant was $5 million.", "The grant was 5 million dollars.", []),
        ("Turnout hit 20%.", "Turnout hit twenty per cent.", []),
        ("Polls close at 8 p.m.", "Polls close at 8pm.", []),
        # A real change, beside each near miss above.
        ("Rescuers found 3 people alive.", "Rescuers found four people alive.", [("3", "four")]),
        ("The fund helped 1,200 farmers.", "The fund helped 1,300 farmers.", [("1,200", "1,300")]),
        ("The dam opened on January 3.", "The dam opened on Jan. 4.", [("January 3", "Jan. 4")]),
        (
            "The grant was $5 million.",
            "The grant was $50 million.",
            [("$5 million", "$50 million")],
        ),
        ("Turnout hit 20%.", "Turnout hit 25 percent.", [("20%", "25 percent")]),
        ("Polls close at 8 p.m.", "Polls close at 9 p.m.", [("8 p.m.", "9 p.m.")]),
        ("The law passed in 2019.", "The law passed in 2021.", [("2019", "2021")]),
        ("She finished second.", "She finished third.", [("second", "third")]),
        ("Talks resume on Monday.", "Talks resume on Friday.", [("Monday", "Friday")]),
        # A figure dropped along with its clause is removed content, not a change.
        ("Police said 3 people died and 12 were hurt.", "Police said 12 were hurt.", []),
        (
            "The storm killed 3 people in 2019.",
            "The storm killed people in 2021.",
            [("2019", "2021")],
        ),
        # Kinds are not mixed: a percentage is no replacement for a count.
        ("Turnout hit 20% and 3 towns voted.", "Turnout hit 20% and 30% of towns voted.", []),
        # Repetition and order do not count.
        ("Of 12 miners, 12 were saved.", "All 12 miners were saved.", []),
        ("Between 3 and 5 boats sank.", "Between five and three boats sank.", []),
        # Several figures: the neighbouring word pairs them.
        (
            "Officials said 3 died and 12 were hurt.",
            "Officials said 12 were hurt and 4 died.",
            [("3", "4")],
        ),
        (
            "Some 12 soldiers and 40 civilians fled.",
            "Some 40 civilians and 14 soldiers fled.",
            [("12", "14")],
        ),
    ],
)
def test_changed_number(before: str, after: str, expected: list[tuple[str, str]]) -> None:
    assert changed(before, after) == expected


def test_spans_point_into_each_document() -> None:
    before = "Intro line. The bridge cost $5 million."
    after = "Intro. The bridge cost $6 million."
    original = Span.of(before, 12, len(before))
    rewrite = Span.of(after, 7, len(after))
    group = AlignmentGroup(relation=Relation.EDITED, original=(original,), rewrite=(rewrite,))
    context = Context(
        original=Document(text=before), rewrite=Document(text=after), alignment=(group,)
    )
    (change,) = NumberDetector().detect(context)
    assert (change.original[0].start, change.original[0].end) == (28, 38)
    assert (change.rewrite[0].start, change.rewrite[0].end) == (23, 33)
    assert change.explanation == 'The amount "$5 million" became "$6 million".'


@pytest.mark.parametrize("relation", [Relation.IDENTICAL, Relation.TYPOGRAPHIC])
def test_quiet_groups_are_skipped(relation: Relation) -> None:
    context = one_group("It cost $5.", "It cost $6.", relation)
    assert list(NumberDetector().detect(context)) == []


def test_one_sided_groups_are_skipped() -> None:
    text = "It cost $5."
    groups = (
        AlignmentGroup(relation=Relation.REMOVED, original=(Span.of(text, 0, len(text)),)),
        AlignmentGroup(relation=Relation.ADDED, rewrite=(Span.of(text, 0, len(text)),)),
    )
    context = Context(original=Document(text=text), rewrite=Document(text=text), alignment=groups)
    assert list(NumberDetector().detect(context)) == []


def test_is_a_detector() -> None:
    assert isinstance(NumberDetector(), Detector)
    assert NumberDetector().name == "numbers"


ARTICLE = (
    "Flooding forced 1,200 families from their homes on March 4, officials said.\n\n"
    "The regional government set aside $15 million for repairs.\n\n"
    "About 20 percent of the harvest was lost, the agriculture ministry said."
)


def test_compare_against_itself_and_a_typographic_copy_finds_nothing() -> None:
    assert newsdiff.compare(ARTICLE, ARTICLE, detectors=[NumberDetector()]).changes == ()
    restyled = (
        ARTICLE.replace("1,200", "1200").replace("March 4", "4 March").replace("20 percent", "20%")
    )
    report = newsdiff.compare(ARTICLE, restyled, detectors=[NumberDetector()])
    assert [c for c in report.changes if c.kind is ChangeKind.CHANGED_NUMBER] == []


def test_compare_reports_a_changed_amount() -> None:
    rewrite = ARTICLE.replace("$15 million", "$50 million")
    report = newsdiff.compare(ARTICLE, rewrite, detectors=[NumberDetector()])
    numbers = [c for c in report.changes if c.kind is ChangeKind.CHANGED_NUMBER]
    assert [(c.original[0].text, c.rewrite[0].text) for c in numbers] == [
        ("$15 million", "$50 million")
    ]


def test_seeds_share_their_dates(seed_texts: dict[str, str]) -> None:
    for name in ("001", "002", "003", "004"):
        report = newsdiff.compare(seed_texts["000"], seed_texts[name], detectors=[NumberDetector()])
        assert [c for c in report.changes if c.kind is ChangeKind.CHANGED_NUMBER] == []


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # One figure gone and one new of the same kind: a change in any group.
        ("The storm killed 3 people.", "At least 5 died when the storm hit.", [("3", "5")]),
        # Several leftovers with nothing in common are not paired in a paraphrase.
        (
            "Officials counted 3 boats and 7 trucks.",
            "In all, 12 vehicles and 40 crates were seized.",
            [],
        ),
        # ... but a shared neighbour still pairs them.
        (
            "Officials counted 3 boats and 7 trucks.",
            "Some 4 boats and 9 crates were seized.",
            [("3", "4")],
        ),
    ],
)
def test_paraphrased_groups_pair_with_care(
    before: str, after: str, expected: list[tuple[str, str]]
) -> None:
    changes = NumberDetector().detect(one_group(before, after, Relation.PARAPHRASED))
    assert [(c.original[0].text, c.rewrite[0].text) for c in changes] == expected


def test_close_groups_pair_leftovers_in_order() -> None:
    assert changed(
        "Officials counted 3 boats and 7 trucks.", "Officials counted 4 rafts and 8 vans."
    ) == [("3", "4"), ("7", "8")]


_TYPOGRAPHY = str.maketrans({"'": "\u2019", '"': "\u201c", "-": "\u2013", " ": "  "})


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_a_text_against_itself_gives_nothing(text: str) -> None:
    assert list(NumberDetector().detect(one_group(text, text))) == []


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "3",
                "three",
                "1,200",
                "$5 million",
                "20%",
                "January 3",
                "Jan. 3",
                "'s",
                '"',
                "killed",
                "people",
                "in",
                "2024",
                "-",
                "F-16",
                "mid-2024",
                "one of",
                "the",
                "at",
                "8 p.m.",
                "half of",
                "twenty-one",
                "first",
                "Monday",
                ",",
                ".",
            ]
        ),
        max_size=40,
    ).map(" ".join)
)
def test_typography_alone_gives_nothing(text: str) -> None:
    restyled = text.translate(_TYPOGRAPHY)
    assert list(NumberDetector().detect(one_group(text, restyled))) == []
