from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from _contexts import one_group
from newsdiff.detect import Context, Detector
from newsdiff.detect.entities import EntityDetector
from newsdiff.models import AlignmentGroup, ChangeKind, Document, Relation, Severity, Span


def swapped(before: str, after: str) -> list[tuple[str, str]]:
    changes = list(EntityDetector().detect(one_group(before, after)))
    for change in changes:
        assert change.kind is ChangeKind.CHANGED_ENTITY
        assert change.severity is Severity.HIGH
        assert change.group == 0
        assert change.detector == "entities"
    return [(c.original[0].text, c.rewrite[0].text) for c in changes]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # Nationalities and places.
        ("Peruvian officials denied it.", "Peruvian authorities denied it.", []),
        ("Peruvian officials denied it.", "U.S. officials denied it.", [("Peruvian", "U.S.")]),
        ("American officials denied it.", "U.S. officials denied it.", []),
        ("The summit moved to the United States.", "The summit moved to the U.S.", []),
        ("The summit moved to the United States.", "The summit moved to America.", []),
        (
            "The summit moved to the United States.",
            "The summit moved to Canada.",
            [("United States", "Canada")],
        ),
        (
            "Chilean officials, a paper said, face pressure, and some in the U.S. want a deal.",
            "U.S. officials face pressure to strike a deal with Chilean authorities.",
            [("Chilean", "U.S.")],
        ),
        (
            "Washington wants forces to join raids led by Chilean forces.",
            "The push is for U.S. forces to join raids supporting Chilean units.",
            [],
        ),
        # Titles and their modifiers.
        (
            "President Lena Okafor spoke.",
            "Former President Lena Okafor spoke.",
            [("President", "Former President")],
        ),
        ("President Lena Okafor spoke.", "President Okafor spoke.", []),
        (
            "The president spoke.",
            "The former president spoke.",
            [("president", "former president")],
        ),
        ("The president spoke.", "The president, smiling, spoke.", []),
        (
            "Vice President Okafor spoke.",
            "President Okafor spoke.",
            [("Vice President", "President")],
        ),
        ("Secretary of State Okafor spoke.", "Secretary Okafor spoke.", []),
        ("then-President Okafor spoke.", "former President Okafor spoke.", []),
        ("Acting Mayor Okafor spoke.", "Mayor Okafor spoke.", [("Acting Mayor", "Mayor")]),
        # People.
        ("Senator Ruiz voted no.", "Senator Diaz voted no.", [("Ruiz", "Diaz")]),
        ("Governor Ana Ruiz voted no.", "Governor Ana Diaz voted no.", [("Ana Ruiz", "Ana Diaz")]),
        ("Governor Ana Ruiz voted no.", "Governor Ruiz voted no.", []),
        (
            "Chile's President, Tomas Ruiz, voted no.",
            "Former President Tomas Ruiz voted no.",
            [("President", "Former President")],
        ),
        ("Chile's President, Tomas Ruiz, voted no.", "President Tomas Ruiz voted no.", []),
        ("Senator Ruiz voted no.", "Sen. Ruiz voted no.", []),
        ("Tomas Ruiz voted no.", "Ruiz voted no.", []),
        ("Nicolás Ortega was arrested.", "Nicolas Ortega was arrested.", []),
        ("Ruiz met Ortega in Lima.", "Ortega met Ruiz in Lima.", []),
        ("Ruiz said the plan failed.", "The plan failed, Ruiz said, and Ruiz left.", []),
        ("Ruiz said the plan failed.", "Diaz said the plan failed.", [("Ruiz", "Diaz")]),
        # Organisations.
        ("The NYT reported the deal.", "The New York Times reported the deal.", []),
        (
            "The NYT reported the deal.",
            "The Washington Post reported the deal.",
            [("NYT", "The Washington Post")],
        ),
        ("The CIA flew drones.", "The Central Intelligence Agency flew drones.", []),
        ("The CIA flew drones.", "The FBI flew drones.", [("CIA", "FBI")]),
        # A paraphrase that drops an entity is not a swap.
        ("Okafor, who leads the Harbour Party, said no.", "Okafor said no.", []),
        ("Peruvian and Chilean officials met.", "Chilean officials met.", []),
        # People: another given name with the same surname is another person.
        (
            "Hillary Clinton called the deal fair.",
            "Bill Clinton called the deal fair.",
            [("Hillary Clinton", "Bill Clinton")],
        ),
        ("William Clinton called the deal fair.", "Bill Clinton called the deal fair.", []),
        ("Hillary Clinton called the deal fair.", "Clinton called the deal fair.", []),
        ("Hillary Clinton met Bill Clinton.", "Bill Clinton met Hillary Clinton.", []),
        # Different families never pair.
        ("Ruiz praised Peru.", "Ruiz praised the FBI.", []),
    ],
)
def test_changed_entity(before: str, after: str, expected: list[tuple[str, str]]) -> None:
    assert swapped(before, after) == expected


def test_explanations_quote_the_words() -> None:
    (change,) = EntityDetector().detect(
        one_group("Peruvian officials denied it.", "U.S. officials denied it.")
    )
    assert change.explanation == (
        '"Peruvian officials" became "U.S. officials": a different place or country.'
    )
    (title,) = EntityDetector().detect(
        one_group("President Okafor spoke.", "former President Okafor spoke.")
    )
    assert title.explanation == 'The title "President" became "former President".'


def test_spans_point_into_each_document() -> None:
    before = "Intro line. Senator Ruiz voted no."
    after = "Intro. Senator Diaz voted no."
    group = AlignmentGroup(
        relation=Relation.EDITED,
        original=(Span.of(before, 12, len(before)),),
        rewrite=(Span.of(after, 7, len(after)),),
    )
    context = Context(
        original=Document(text=before), rewrite=Document(text=after), alignment=(group,)
    )
    (change,) = EntityDetector().detect(context)
    assert (change.original[0].start, change.original[0].end) == (20, 24)
    assert (change.rewrite[0].start, change.rewrite[0].end) == (15, 19)


def test_entities_outside_the_group_do_not_count() -> None:
    before = "Senator Ruiz voted no. Talks went on."
    after = "Senator Diaz voted no. Talks went on."
    first = before.index("Talks")
    second = after.index("Talks")
    group = AlignmentGroup(
        relation=Relation.EDITED,
        original=(Span.of(before, first, len(before)),),
        rewrite=(Span.of(after, second, len(after)),),
    )
    context = Context(
        original=Document(text=before), rewrite=Document(text=after), alignment=(group,)
    )
    assert list(EntityDetector().detect(context)) == []


@pytest.mark.parametrize(
    "relation", [Relation.IDENTICAL, Relation.TYPOGRAPHIC, Relation.ADDED, Relation.REMOVED]
)
def test_quiet_and_one_sided_groups_are_skipped(relation: Relation) -> None:
    context = one_group("Senator Ruiz voted no.", "Senator Diaz voted no.", relation)
    assert list(EntityDetector().detect(context)) == []


def test_is_a_detector() -> None:
    assert isinstance(EntityDetector(), Detector)
    assert EntityDetector().name == "entities"


ARTICLE = (
    "Peruvian officials met Chilean envoys in Lima on Monday, the ministry said.\n\n"
    "President Lena Okafor told the Harbour Party that talks with the United States "
    "would resume.\n\n"
    "The NYT reported that the CIA had offered help."
)


def test_compare_against_itself_and_a_typographic_copy_finds_nothing() -> None:
    assert newsdiff.compare(ARTICLE, ARTICLE, detectors=[EntityDetector()]).changes == ()
    restyled = ARTICLE.replace("United States", "U.S.").replace("NYT", "New York Times")
    report = newsdiff.compare(ARTICLE, restyled, detectors=[EntityDetector()])
    assert [c for c in report.changes if c.kind is ChangeKind.CHANGED_ENTITY] == []


def test_compare_reports_a_swapped_nationality() -> None:
    rewrite = ARTICLE.replace("Peruvian officials", "Bolivian officials")
    report = newsdiff.compare(ARTICLE, rewrite, detectors=[EntityDetector()])
    found = [c for c in report.changes if c.kind is ChangeKind.CHANGED_ENTITY]
    assert [(c.original[0].text, c.rewrite[0].text) for c in found] == [("Peruvian", "Bolivian")]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # A paraphrase that drops one organisation and names another elsewhere: no swap.
        (
            "A report by the NYT said troops would join the raids.",
            "As the paper reports, CIA agents would join the raids.",
            [],
        ),
        # The same slot in the sentence: a swap even when paraphrased.
        (
            "Officials said the NYT reported the raids first.",
            "The raids, which the Washington Post reported first, drew anger.",
            [("NYT", "Washington Post")],
        ),
        # An unknown name that qualifies the same noun.
        ("The Okafor government fell.", "The Ruiz government fell.", [("Okafor", "Ruiz")]),
        (
            "The Okafor government fell, and the government's allies left.",
            "The Ruiz government fell.",
            [],
        ),
        ("The Okafor government fell.", "Okafor's government fell, as did the Ruiz plan.", []),
        # A nationality before a title is anchored by the title, even when the
        # country is named elsewhere in the group.
        (
            "Peru's envoy met Chilean President Tomas Ruiz.",
            "Peru's envoy met Peruvian President Tomas Ruiz.",
            [("Chilean", "Peruvian")],
        ),
        # A generic title against a specific one is not a contradiction.
        (
            "The ousted leader Tomas Ruiz fled.",
            "Former army chief and President Tomas Ruiz fled.",
            [],
        ),
        # The noun a nationality qualifies anchors the swap in any group.
        (
            "Peruvian officials denied it on Monday.",
            "U.S. officials, asked later, denied it.",
            [("Peruvian", "U.S.")],
        ),
    ],
)
def test_paraphrased_groups_need_a_shared_slot(
    before: str, after: str, expected: list[tuple[str, str]]
) -> None:
    changes = EntityDetector().detect(one_group(before, after, Relation.PARAPHRASED))
    assert [(c.original[0].text, c.rewrite[0].text) for c in changes] == expected


_TYPOGRAPHY = str.maketrans({"'": "\u2019", '"': "\u201c", "-": "\u2013", " ": "  "})


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_a_text_against_itself_gives_nothing(text: str) -> None:
    assert list(EntityDetector().detect(one_group(text, text))) == []


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "U.S.",
                "United States",
                "Mexican",
                "officials",
                "former",
                "President",
                "Ana",
                "Ruiz",
                "Sen.",
                "then-Governor",
                "Chile's",
                "the",
                "NYT",
                "said",
                ",",
                ".",
                '"',
                "Nicolás",
                "de la",
                "Cruz",
                "Bank of Peru",
                "met",
                "in",
                "Lima",
                "-",
            ]
        ),
        max_size=40,
    ).map(" ".join)
)
def test_typography_alone_gives_nothing(text: str) -> None:
    restyled = text.translate(_TYPOGRAPHY)
    assert list(EntityDetector().detect(one_group(text, restyled))) == []
