from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.detect._entities import EntityKind, find_entities, same_entity
from newsdiff.lexicons import load_lexicon

PER = EntityKind.PERSON
ORG = EntityKind.ORGANISATION
PLACE = EntityKind.PLACE
NAT = EntityKind.NATIONALITY
TITLE = EntityKind.TITLE
OTHER = EntityKind.OTHER


def found(text: str) -> list[tuple[str, str, str]]:
    return [(e.span.text, e.kind.value, e.key) for e in find_entities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peruvian officials met in Lima.", [("Peruvian", NAT, "peru"), ("Lima", PLACE, "lima")]),
        ("The talks moved to the U.S. on Friday.", [("U.S.", PLACE, "united states")]),
        ("The talks moved to the US on Friday.", [("US", PLACE, "united states")]),
        ("Let us talk, she said.", []),
        ("The United States objected.", [("United States", PLACE, "united states")]),
        ("They flew to America.", [("America", PLACE, "united states")]),
        ("Aid reached Latin America.", [("Latin America", PLACE, "latin america")]),
        (
            "Canadian troops left Kandahar.",
            [("Canadian", NAT, "canada"), ("Kandahar", OTHER, "kandahar")],
        ),
        ("The NYT reported it first.", [("NYT", ORG, "new york times")]),
        ("The New York Times reported it.", [("The New York Times", ORG, "new york times")]),
        (
            "A report in The New York Times said so.",
            [("The New York Times", ORG, "new york times")],
        ),
        ("They visited New York last week.", [("New York", PLACE, "new york")]),
        ("The CIA flew drones.", [("CIA", ORG, "central intelligence agency")]),
        ("The Bank of Chile cut rates.", [("Bank of Chile", ORG, "bank of chile")]),
        ("Workers at General Motors struck.", [("General Motors", ORG, "general motors")]),
        ("The Harbour Authority agreed.", [("Harbour Authority", ORG, "harbour authority")]),
        ("Nicolás Ortega spoke.", [("Nicolás Ortega", PER, "nicolas ortega")]),
        (
            "The mayor thanked Ana María de la Cruz.",
            [("mayor", TITLE, "mayor"), ("Ana María de la Cruz", PER, "ana maria de la cruz")],
        ),
        (
            "President Lena Okafor spoke.",
            [("President", TITLE, "president"), ("Lena Okafor", PER, "lena okafor")],
        ),
        (
            "Former President Lena Okafor spoke.",
            [("Former President", TITLE, "former president"), ("Lena Okafor", PER, "lena okafor")],
        ),
        (
            "It was then-President Okafor.",
            [("then-President", TITLE, "former president"), ("Okafor", PER, "okafor")],
        ),
        ("The acting mayor resigned.", [("acting mayor", TITLE, "acting mayor")]),
        ("Sen. Ruiz objected.", [("Sen.", TITLE, "senator"), ("Ruiz", PER, "ruiz")]),
        ("Gen. Ruiz objected.", [("Gen.", TITLE, "general"), ("Ruiz", PER, "ruiz")]),
        ("The Secretary of State flew in.", [("Secretary of State", TITLE, "secretary of state")]),
        ("Mr. Ruiz declined.", [("Ruiz", PER, "ruiz")]),
        ("Ruiz said the plan failed.", [("Ruiz", PER, "ruiz")]),
        (
            "Lena Okafor won. Later, Okafor thanked voters.",
            [("Lena Okafor", PER, "lena okafor"), ("Okafor", PER, "okafor")],
        ),
        ("Venezuela's envoy left.", [("Venezuela", PLACE, "venezuela")]),
        (
            "Venezuela's envoy Ana Ruiz left.",
            [
                ("Venezuela", PLACE, "venezuela"),
                ("envoy", TITLE, "envoy"),
                ("Ana Ruiz", PER, "ana ruiz"),
            ],
        ),
        ("They honoured John F. Kennedy.", [("John F. Kennedy", PER, "john f kennedy")]),
        (
            "Students at the University of Ghana marched.",
            [("University of Ghana", ORG, "university of ghana")],
        ),
        ("Okafor said talks would resume.", [("Okafor", PER, "okafor")]),
        ("The UNESCO board met.", [("UNESCO", OTHER, "unesco")]),
        ("The UNHCR board met.", [("UNHCR", ORG, "unhcr")]),
        (
            "Jordan Peterson spoke in Amman.",
            [("Jordan Peterson", PER, "jordan peterson"), ("Amman", OTHER, "amman")],
        ),
        ("Officials in Jordan spoke.", [("Jordan", PLACE, "jordan")]),
        ("The US-Peru border closed.", [("US", PLACE, "united states"), ("Peru", PLACE, "peru")]),
        (
            "An Afghan-born reporter met Jean-Claude Weber.",
            [("Afghan", NAT, "afghanistan"), ("Jean-Claude Weber", PER, "jean-claude weber")],
        ),
        (
            "A US-led force and a Peru-based firm.",
            [("US", PLACE, "united states"), ("Peru", PLACE, "peru")],
        ),
        (
            "Delegates at the General Assembly voted.",
            [("General Assembly", ORG, "general assembly")],
        ),
        (
            "They met in Albany, N.Y., on Monday.",
            [("Albany", OTHER, "albany"), ("N.Y.", PLACE, "new york")],
        ),
        (
            "Republican senators met Democratic donors.",
            [("Republican", ORG, "republican party"), ("Democratic", ORG, "democratic party")],
        ),
        (
            "The Commission on Budget Reform met.",
            [("Commission on Budget Reform", ORG, "commission on budget reform")],
        ),
        ("Floods hit Nassau County.", [("Nassau County", PLACE, "nassau county")]),
        (
            "They quoted Martin Luther King often.",
            [("Martin Luther King", PER, "martin luther king")],
        ),
        (
            "The EB-5 visa and Rep. Ruiz (D-N.Y.) drew fire.",
            [("Rep.", TITLE, "representative"), ("Ruiz", PER, "ruiz")],
        ),
        (
            "They met at 8 PM with PM Ana Ruiz.",
            [("PM", TITLE, "prime minister"), ("Ana Ruiz", PER, "ana ruiz")],
        ),
        ("He said I was right, and In time they agreed.", []),
        ("He was elected president in May.", [("president", TITLE, "president")]),
        ("Muslim leaders met the Islamic Council.", [("Council", ORG, "council")]),
        (
            "Votes for Ana Ruiz\nOkafor said more.",
            [("Ana Ruiz", PER, "ana ruiz"), ("Okafor", PER, "okafor")],
        ),
        # Headlines: every word has a capital, so only the word lists count there.
        (
            "Peruvian Farmers Demand Answers From Ruiz Government\nPeruvian farmers met.",
            [("Peruvian", NAT, "peru"), ("Peruvian", NAT, "peru")],
        ),
        ("PERU FLOODS LEAVE THOUSANDS HOMELESS\nRescuers came.", [("PERU", PLACE, "peru")]),
        # Near misses: sentence openers, headings, months, common lower-case nouns.
        ("Speaker after speaker praised the plan.", []),
        ("However, talks failed.", []),
        ("Elsewhere in the region, talks failed.", []),
        ("UPDATE: talks failed.", []),
        ("Talks failed in January.", []),
        ("The general mood was calm.", []),
        ("A senior leader spoke.", []),
        ("Speaking to reporters, she left.", []),
    ],
)
def test_find_entities(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_anchors() -> None:
    entities = find_entities("Chilean officials thanked Senator Ruiz.")
    assert [(e.span.text, e.anchor) for e in entities] == [
        ("Chilean", "official"),
        ("Senator", "ruiz"),
        ("Ruiz", "senator"),
    ]


def test_spans_index_the_whole_text_when_reading_a_range() -> None:
    text = "Peru voted. Chilean officials met. Bolivia voted."
    start = text.index("Chilean")
    (entity,) = find_entities(text, start, text.index("Bolivia"))
    assert (entity.span.start, entity.span.end) == (start, start + 7)


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("They met in the U.S. today.", "They met in the United States today.", True),
        ("They met in the U.S. today.", "They met in America today.", True),
        ("They met American officials.", "They met U.S. officials.", True),
        ("They met Mexican officials.", "They met U.S. officials.", False),
        ("The NYT said so.", "The New York Times said so.", True),
        ("The FBI said so.", "The Federal Bureau of Investigation said so.", True),
        ("The Harbour Authority said so.", "The HA said so.", True),
        ("The NYT said so.", "The WSJ said so.", False),
        ("We met Lena Okafor today.", "We met Ms. Okafor today.", True),
        ("We met Lena Okafor today.", "We met Tomas Ruiz today.", False),
        ("We met Nicolás Ortega today.", "We met Nicolas Ortega today.", True),
        # One surname, given names of one person or of two.
        ("We met Lena Okafor today.", "We met Dana Okafor today.", False),
        ("We met William Okafor today.", "We met Bill Okafor today.", True),
        ("We met Alexander Okafor today.", "We met Alex Okafor today.", True),
        ("We met Lena Okafor today.", "We met L. Okafor today.", True),
        ("We met Lena Okafor today.", "We met D. Okafor today.", False),
        ("We met Lena Maria Okafor today.", "We met Lena Okafor today.", True),
        ("We met Mohammed Okafor today.", "We met Muhammad Okafor today.", True),
        ("We met Maria Okafor today.", "We met Mario Okafor today.", False),
        ("We met Paul Okafor today.", "We met Paula Okafor today.", False),
        ("We met Ana Ruiz Diaz today.", "We met Ruiz Diaz today.", True),
        ("The Secretary of State left.", "The Secretary left.", True),
        ("The President left.", "The Vice President left.", False),
        ("The President left.", "The former President left.", False),
    ],
)
def test_same_entity(left: str, right: str, same: bool) -> None:
    (a,) = find_entities(left)
    (b,) = find_entities(right)
    assert same_entity(a, b) is same
    assert same_entity(b, a) is same


@pytest.mark.parametrize(
    "name", ["countries", "demonyms", "places", "organisations", "entity_rules"]
)
def test_lexicons_carry_provenance(name: str) -> None:
    lexicon = load_lexicon(name)
    assert lexicon.source
    assert lexicon.license
    assert lexicon.terms


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=-5, max_value=250), st.integers(0, 250))
def test_never_crashes_and_spans_slice_the_input(text: str, start: int, end: int) -> None:
    for entity in find_entities(text, start, end):
        assert text[entity.span.start : entity.span.end] == entity.span.text
        assert max(0, start) <= entity.span.start <= entity.span.end <= end
        assert entity.span.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "U.S.",
                "US",
                "former",
                "then-",
                "President",
                "Sen.",
                ".",
                "Ana",
                "de",
                "la",
                "Cruz",
                "The",
                "of",
                "Bank",
                "Mexican",
                "officials",
                "'s",
                "\u2019s",
                ",",
                "\n",
                "\u201c",
                "NYT",
                "Nicolás",
                "-",
            ]
        ),
        max_size=30,
    ).map(" ".join)
)
def test_name_like_soup_slices_the_input(text: str) -> None:
    for entity in find_entities(text):
        assert text[entity.span.start : entity.span.end] == entity.span.text


def test_doctests() -> None:
    import doctest

    from newsdiff.detect import _entities, entities

    for module in (_entities, entities):
        result = doctest.testmod(module)
        assert result.failed == 0
        assert result.attempted > 0
