from __future__ import annotations

import doctest

import pytest

from _lexicons import make_lexicon
from newsdiff.detect import _loaded
from newsdiff.detect._hedges import find_quote_spans
from newsdiff.detect._loaded import LoadedMatcher, find_loaded_terms
from newsdiff.lexicons import load_lexicon


def terms(text: str, *, quotes: bool = False) -> list[tuple[str, str, str]]:
    exclude = find_quote_spans(text) if quotes else ()
    found = find_loaded_terms(text, exclude=exclude)
    for term in found:
        assert text[term.span.start : term.span.end] == term.span.text
    return [(term.span.text, term.category, term.key) for term in found]


# (text, expected terms): each positive sits beside a near-miss negative.
CASES = [
    ("The council urgently asked for help.", [("urgently", "intensifier", "urgently")]),
    ("The council asked for help on Tuesday.", []),
    (
        "Floods are wreaking havoc across the valley.",
        [("wreaking havoc", "emotive", "wreaking havoc")],
    ),
    ("Floods wreaked havoc.", [("wreaked havoc", "emotive", "wreaking havoc")]),
    ("Floods are spreading across the valley.", []),
    ("The senator slammed the bill.", [("slammed", "loaded_verb", "slammed")]),
    ("The senator slams the bill.", [("slams", "loaded_verb", "slammed")]),
    ("She won a grand slam in Paris.", []),
    ("The mayor admitted the budget was late.", [("admitted", "loaded_verb", "admitted")]),
    ("The mayor said the budget was late.", []),
    ("The insurance claims rose.", []),
    ("He claimed the vote was rigged.", [("claimed", "loaded_verb", "claimed")]),
    ("The result was clearly a surprise.", [("clearly", "booster", "clearly")]),
    ("The result was a surprise.", []),
    ("The regime change took a decade.", []),
    ("The regime jailed critics.", [("regime", "emotive", "regime")]),
    # Plain judgment is emotive; the same word inside a name or a genre is not.
    ("The bill is terrible.", [("terrible", "emotive", "terrible")]),
    ("The delay was shamefully long.", [("shamefully", "emotive", "shameful")]),
    ("A play about Ivan the Terrible opened.", []),
    ("It belongs to the theatre of the absurd.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_terms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"It is a disaster," the mayor said.', []),
        ("The mayor said it was a disaster.", [("disaster", "emotive", "disastrous")]),
        ("\u201cThey slammed us,\u201d he said, \u201cbrutally.\u201d", []),
        (
            "They slammed us, he said, brutally.",
            [
                ("slammed", "loaded_verb", "slammed"),
                ("brutally", "emotive", "brutal"),
            ],
        ),
    ],
)
def test_quotations_are_left_out(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert terms(text, quotes=True) == expected


def test_bounds_and_custom_lexicon() -> None:
    house = make_lexicon("house", banned=("epic|epically",), not_loaded=("epic poem",))
    matcher = LoadedMatcher(house)
    text = "An epic poem. An epically long day."
    found = find_loaded_terms(text, matcher=matcher)
    assert [(t.span.text, t.category, t.key) for t in found] == [("epically", "banned", "epic")]
    assert find_loaded_terms(text, 0, 13, matcher=matcher) == ()


def test_shipped_lexicon_has_provenance() -> None:
    lexicon = load_lexicon("loaded_language")
    assert "Recasens" in lexicon.source
    assert lexicon.license.startswith("MIT")
    assert set(lexicon.terms) >= {"intensifier", "emotive", "loaded_verb", "not_loaded"}


def test_doctests() -> None:
    result = doctest.testmod(_loaded)
    assert result.attempted > 0
    assert result.failed == 0
