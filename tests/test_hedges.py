from __future__ import annotations

import doctest

import pytest

from _lexicons import make_lexicon
from newsdiff.detect import _hedges
from newsdiff.detect._hedges import HedgeMatcher, find_hedges, find_quote_spans, inside
from newsdiff.lexicons import load_lexicon


def cues(text: str, *, quotes: bool = False) -> list[tuple[str, str]]:
    exclude = find_quote_spans(text) if quotes else ()
    found = find_hedges(text, exclude=exclude)
    for hedge in found:
        assert text[hedge.span.start : hedge.span.end] == hedge.span.text
    return [(hedge.span.text, hedge.category) for hedge in found]


# (text, expected cues): each positive sits beside a near-miss negative.
CASES = [
    ("The bridge may close next week.", [("may", "modal")]),
    ("The bridge closed on May 5 after a storm.", []),
    ("The bridge closed on may 5 after a storm.", []),
    ("Premier Theresa May opened the bridge.", []),
    ("Fed May Raise Rates Again", [("May", "modal")]),
    ("Prices Rose Sharply In May", []),
    ("May the best team win, the mayor said.", [("May", "modal")]),
    ("Prices might fall in the spring.", [("might", "modal")]),
    ("The navy showed the might of the fleet.", []),
    ("Rescuers could reach the village by noon.", [("could", "modal")]),
    ("Rescuers could not reach the village by noon.", []),
    ("Rescuers couldn\u2019t reach the village by noon.", []),
    ("The vote is possibly delayed.", [("possibly", "epistemic_adverb")]),
    ("The vote is likely to pass.", [("is likely to", "prediction")]),
    ("The ministry appears to have ignored the warning.", [("appears to", "epistemic_verb")]),
    ("The minister appears in court on Monday.", []),
    ("The plan seems rushed.", [("seems", "epistemic_verb")]),
    ("The data suggests a link between the two.", [("suggests", "epistemic_verb")]),
    ("The mayor suggested a new route.", []),
    ("The factory is expected to reopen in June.", [("is expected to", "prediction")]),
    ("The factory reopened in June as planned.", []),
    ("The ban would hurt small farms.", [("would", "prediction")]),
    ("She would later become the first woman to lead the party.", []),
    ("The ministry said the ban would hurt small farms.", []),
    (
        "It remains to be seen whether the truce holds.",
        [
            ("It remains to be seen", "epistemic_verb"),
            ("whether", "conditional"),
        ],
    ),
    (
        "What if the dam breaks?",
        [("What if", "conditional"), ("What if the dam breaks?", "rhetorical_question")],
    ),
    ("Some say the deal favours the rich.", [("Some say", "weasel")]),
    ("Some farmers sold the land.", []),
    ("If the talks fail, fuel prices rise.", [("If", "conditional")]),
    ("He walked as if nothing had happened.", []),
    ("There is no doubt the rules changed.", []),
    ("There is no evidence the rules changed.", [("no evidence", "uncertainty")]),
    ("The suspect was reportedly seen in Lyon.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cues(text: str, expected: list[tuple[str, str]]) -> None:
    assert cues(text) == expected


QUOTE_CASES = [
    ('"We might leave," the coach said.', []),
    ("\u201cWe might leave,\u201d the coach said, and they might.", [("might", "modal")]),
    ('She asked: "Who pays for this?"', []),
    (
        "\u201cWho pays?\u201d she asked. Who pays indeed?",
        [("Who pays indeed?", "rhetorical_question")],
    ),
    ("Who pays for the new stadium?", [("Who pays for the new stadium?", "rhetorical_question")]),
    ("Who paid for the new stadium is a matter of record.", []),
    ("See page.php?id=4 for details.", []),
    ("Will the U.S. act?", [("Will the U.S. act?", "rhetorical_question")]),
    ("Mr. Lee, will you run?", [("Mr. Lee, will you run?", "rhetorical_question")]),
    ("Talks ended. Will they resume?", [("Will they resume?", "rhetorical_question")]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_CASES)
def test_quotations_are_left_out(text: str, expected: list[tuple[str, str]]) -> None:
    assert cues(text, quotes=True) == expected


def test_questions_inside_quotes_never_count() -> None:
    assert cues('She asked: "Who pays?"') == []
    assert cues("She asked: \u2018Who pays?\u2019") == []
    assert cues('She asked "why" and who pays?') == [
        ('She asked "why" and who pays?', "rhetorical_question")
    ]


def test_start_and_end_bound_the_search() -> None:
    text = "It may rain. It could snow."
    found = find_hedges(text, 13, len(text))
    assert [(h.span.start, h.span.end, h.cue) for h in found] == [(16, 21, "could")]
    assert find_hedges(text, 0, 12)[0].span.text == "may"


def test_a_phrase_never_runs_over_punctuation() -> None:
    assert cues("Officials said it was not. Clear skies followed.") == []
    assert cues("It was not clear who won.") == [("not clear", "uncertainty")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "it may rain" and left.', ((8, 21),)),
        ("\u201cWe won.\n\u201cWe will win again,\u201d she said.", ((0, 8), (9, 29))),
        ("The players\u2019 union called it a \u2018sham\u2019 deal.", ((31, 37),)),
        ("Don't stop the players' bus.", ()),
    ],
)
def test_quote_spans(text: str, expected: tuple[tuple[int, int], ...]) -> None:
    assert find_quote_spans(text) == expected


def test_inside() -> None:
    spans = ((2, 5), (10, 20))
    assert inside(spans, 10, 20)
    assert inside(spans, 3, 4)
    assert not inside(spans, 4, 11)
    assert not inside(spans, 6, 9)
    assert not inside((), 0, 1)


def test_custom_lexicon() -> None:
    mine = make_lexicon("mine", guess=("reckon", "i reckon"), not_hedge=("reckon with",))
    matcher = HedgeMatcher(mine)
    found = find_hedges("We reckon so. We must reckon with it.", matcher=matcher)
    assert [(h.span.text, h.category) for h in found] == [("reckon", "guess")]


def test_shipped_lexicon_has_provenance() -> None:
    lexicon = load_lexicon("hedges")
    assert "Hyland" in lexicon.source
    assert "Szarvas" in lexicon.source
    assert lexicon.license.startswith("MIT")
    assert "may" in lexicon["modal"]


def test_output_is_deterministic() -> None:
    text = "If prices rise, some say the plan may fail. Will it?"
    assert find_hedges(text) == find_hedges(text)
    assert [h.span.start for h in find_hedges(text)] == sorted(
        h.span.start for h in find_hedges(text)
    )


def test_long_text_scans_fast() -> None:
    text = "Officials met again " * 20_000 + "?" * 5_000
    assert find_hedges(text) == ()


def test_doctests() -> None:
    result = doctest.testmod(_hedges)
    assert result.attempted > 0
    assert result.failed == 0
