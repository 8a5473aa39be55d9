from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from _contexts import sentences
from newsdiff.detect import Context
from newsdiff.detect._attribution import _TOKEN, _tokens, is_claim_cue, same_source
from newsdiff.detect.attribution import Attribution, AttributionDetector, find_attributions
from newsdiff.models import (
    AlignmentGroup,
    ChangeKind,
    Relation,
    Severity,
    Span,
)

Found = list[tuple[str, str | None, bool]]


def found(text: str) -> Found:
    return [
        (a.cue.text, a.source.text if a.source else None, a.vague) for a in find_attributions(text)
    ]


FINDINGS = [
    # (sentence, [(cue, source, vague)]) with a near miss after each positive
    pytest.param("Rates will rise, the bank said.", [("said", "the bank", False)], id="x-said"),
    pytest.param("The bank statement was long.", [], id="near-statement-noun"),
    pytest.param(
        "Rates will rise, said Ana Ruiz, an economist.",
        [("said", "Ana Ruiz", False)],
        id="said-x",
    ),
    pytest.param(
        "According to the Daily Ledger, rates will rise.",
        [("According to", "the Daily Ledger", False)],
        id="according-to",
    ),
    pytest.param("The rates rose according to plan.", [], id="near-according-to-plan"),
    pytest.param(
        "Farmers, the outlet added, are under pressure.",
        [("added", "the outlet", False)],
        id="parenthetical",
    ),
    pytest.param("Farmers added a new barn this year.", [], id="near-added-object"),
    pytest.param("The NYT noted that rates rose.", [("noted", "The NYT", False)], id="noted"),
    pytest.param("The note was on the table.", [], id="near-note-noun"),
    pytest.param(
        "Citing officials, the paper said rates rose.",
        [("Citing", "officials", False), ("said", "the paper", False)],
        id="citing",
    ),
    pytest.param(
        "Ana Ruiz told Reuters that rates rose.", [("told", "Ana Ruiz", False)], id="told"
    ),
    pytest.param(
        "The ministry said in a statement that rates rose.",
        [("said", "The ministry", False)],
        id="in-a-statement-joins-said",
    ),
    pytest.param("Rates reportedly rose.", [("reportedly", None, True)], id="reportedly"),
    pytest.param("Rates rose sharply.", [], id="near-adverb"),
    pytest.param("Rates allegedly rose.", [("allegedly", None, True)], id="allegedly"),
    pytest.param("Sources say rates rose.", [("say", "Sources", True)], id="sources-say"),
    pytest.param(
        "Sources at the Daily Ledger say rates rose.",
        [("say", "Sources at the Daily Ledger", False)],
        id="near-named-sources",
    ),
    pytest.param(
        "It is understood that rates rose.",
        [("It is understood", None, True)],
        id="it-is-understood",
    ),
    pytest.param("It is said that rates rose.", [("It is said", None, True)], id="it-is-said"),
    pytest.param(
        "Observers note that rates rose.", [("note", "Observers", True)], id="observers-note"
    ),
    pytest.param("State law changed in May.", [], id="near-state-noun"),
    pytest.param("He has big plans for the harbour.", [], id="near-plans-noun"),
    pytest.param("She plans to rebuild the harbour.", [("plans", "She", False)], id="plans-verb"),
    pytest.param("I think the harbour is safe.", [], id="near-first-person-belief"),
    pytest.param("The survey found that rates rose.", [("found", "The survey", False)], id="found"),
    pytest.param(
        "It was reported by the Daily Ledger.",
        [("reported", "the Daily Ledger", False)],
        id="passive-by",
    ),
    pytest.param("The council wants to support the harbour.", [("wants", "The council", False)]),
    pytest.param(
        "Ana Ruiz said she expects a storm.",
        [("said", "Ana Ruiz", False)],
        id="belief-inside-reported-speech",
    ),
    pytest.param(
        "The pier, said the harbour master, was late.",
        [("said", "the harbour master", False)],
        id="inverted-parenthetical",
    ),
    pytest.param(
        "Since Monday, said the plan was late.",
        [("said", None, False)],
        id="near-inverted-clause-is-no-speaker",
    ),
    pytest.param(
        "The pier opened, said Ana Ruiz, who added that it was late.",
        [("said", "Ana Ruiz", False), ("added", "Ana Ruiz", False)],
        id="relative-who",
    ),
    pytest.param(
        "Ana Ruiz is saying the pier was late.",
        [("saying", "Ana Ruiz", False)],
        id="progressive",
    ),
    pytest.param(
        "That is what Ana Ruiz said on Monday.",
        [("said", "Ana Ruiz", False)],
        id="cleft",
    ),
    # Set phrases on a verb of saying report nobody; the same words in a clause still do.
    pytest.param("Having said that, the pier was late.", [], id="aside-having-said-that"),
    pytest.param(
        "Having said that the pier was late, Ana Ruiz left.",
        [("said", None, False)],
        id="near-having-said-that-clause",
    ),
    pytest.param("All told, 40 people were hurt.", [], id="aside-all-told"),
    pytest.param("The pier was late, all told.", [], id="aside-all-told-at-end"),
    pytest.param(
        "They all told reporters the pier was late.",
        [("told", "They all", False)],
        id="near-all-told-clause",
    ),
    pytest.param(
        "The signs that said the pier was closed came down.",
        [("said", None, False)],
        id="near-that-said-relative",
    ),
    pytest.param("Truth be told, the pier was late.", [], id="aside-truth-be-told"),
    pytest.param("It goes without saying that the pier was late.", [], id="idiom-goes-without"),
    # A thing found or shown somewhere is not a finding.
    pytest.param("The gun was found in his car.", [], id="found-in-a-place"),
    pytest.param(
        "A gun was found nearby, police said.", [("said", "police", False)], id="found-nearby"
    ),
    pytest.param("The clip was shown on television.", [], id="shown-on-television"),
    pytest.param(
        "The drug was found to be unsafe.",
        [("found", None, False)],
        id="near-found-to-be",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FINDINGS)
def test_find_attributions(text: str, expected: Found) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words that only open longer phrases ("it is understood", "in a statement"),
        # each beside a near miss that goes on otherwise.
        ("It is understood that rates will rise.", [("It is understood", None, True)]),
        ("It is clear that rates will rise.", []),
        ("Rates will rise, the bank said in a statement.", [("said", "the bank", False)]),
        ("In the statement, rates will rise.", []),
        ("Rates will rise, according to the bank.", [("according to", "the bank", False)]),
        ("Rates will rise according to plan.", []),
    ],
)
def test_phrase_openers(text: str, expected: Found) -> None:
    assert found(text) == expected


def _assert_tokens_match_the_pattern(text: str, start: int, end: int) -> None:
    tokens = _tokens(text, start, end)
    expected = [
        (match.start(), match.end(), match.group(), match.group().lower())
        for match in _TOKEN.finditer(text, start, end)
    ]
    assert (
        list(zip(tokens.starts, tokens.ends, tokens.texts, tokens.lowers, strict=True)) == expected
    )


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from(list("aZ9_ '\u2019.&-,:\t\n\u00a0\u2003\u2014")), max_size=40),
    st.integers(-3, 45),
    st.integers(-3, 45),
)
def test_tokens_are_those_of_the_token_pattern(text: str, start: int, end: int) -> None:
    _assert_tokens_match_the_pattern(text, start, end)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(st.sampled_from(list("aZ9_ '.&-,:\t\n\"!")), max_size=40),
        st.text(st.characters(max_codepoint=127), max_size=40),
    ),
    st.integers(-3, 45),
    st.integers(-3, 45),
)
def test_tokens_of_ascii_text_are_those_of_the_token_pattern(
    text: str, start: int, end: int
) -> None:
    """ASCII text takes a pattern of its own: the same tokens."""
    _assert_tokens_match_the_pattern(text, start, end)


def test_offsets_point_into_the_text_and_range() -> None:
    text = "Rain fell. Rates will rise, the bank said. Rates fell, Ana Ruiz said."
    (attribution,) = find_attributions(text, 11, 42)
    assert attribution.cue == Span.of(text, 37, 41)
    assert attribution.source == Span.of(text, 28, 36)


def test_outside_leaves_quoted_cues_out() -> None:
    text = 'Ana Ruiz said: "The council said no." Nothing else.'
    inside = Span.of(text, 16, 36)
    assert [a.cue.text for a in find_attributions(text)] == ["said", "said"]
    assert [a.cue.text for a in find_attributions(text, outside=(inside,))] == ["said"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PRESTON: We will rebuild the harbour.", [(":", "PRESTON", False)]),
        ("Correction: An earlier version misspelled a name.", []),
        (
            "\u201cWe will rebuild the harbour.\u201d \u2015 Ana Ruiz\n",
            [("\u2015", "Ana Ruiz", False)],
        ),
        ("The harbour \u2014 Ana Ruiz said so \u2014 will reopen.", [("said", "Ana Ruiz", False)]),
    ],
)
def test_transcript_and_sign_off(text: str, expected: Found) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Minister Ana Ruiz", "Ruiz", True),
        ("Ana Ruiz", "Tom Hale", False),
        ("the NYT", "The New York Times", True),
        ("the newspaper", "the newspaper's editors", True),
        ("he", "Ana Ruiz", None),
        ("officials", "Ana Ruiz", None),
        # A nationality names its country: "Mexican" is "Mexico's", "American" is "U.S.".
        ("The Mexican government", "Mexico's government", True),
        ("American officials", "U.S. officials", True),
        ("Mexican officials", "Canadian officials", False),
    ],
)
def test_same_source(first: str, second: str, expected: bool | None) -> None:
    assert same_source(first, second) is expected


def test_attitude_verbs_are_not_claim_cues() -> None:
    said, wants = find_attributions("The council said no, and the mayor wants a new pier.")
    assert is_claim_cue(said)
    assert not is_claim_cue(wants)
    assert isinstance(said, Attribution)


# --- detector ---------------------------------------------------------------------------


def context(
    before: tuple[str, ...], after: tuple[str, ...], relation: Relation = Relation.EDITED
) -> Context:
    original, rewrite = sentences(*before), sentences(*after)
    group = AlignmentGroup(
        relation=relation,
        original=tuple(s.span for s in original.sentences),
        rewrite=tuple(s.span for s in rewrite.sentences),
        original_sentences=tuple(range(len(before))),
        rewrite_sentences=tuple(range(len(after))),
    )
    return Context(original=original, rewrite=rewrite, alignment=(group,))


def kinds(
    before: tuple[str, ...], after: tuple[str, ...], relation: Relation = Relation.EDITED
) -> list[ChangeKind]:
    return [c.kind for c in AttributionDetector().detect(context(before, after, relation))]


FARMERS = "Local farmers, the newspaper added, are facing losses this year."

DETECTOR = [
    pytest.param(
        (FARMERS,),
        ("Local farmers are reportedly facing losses this year.",),
        [ChangeKind.DROPPED_ATTRIBUTION],
        id="vaguer-source",
    ),
    pytest.param(
        (FARMERS,),
        ("Local farmers are facing losses this year, the newspaper added.",),
        [],
        id="near-source-moved-in-sentence",
    ),
    pytest.param(
        (FARMERS,),
        ("Local farmers are facing heavy losses this year.",),
        [ChangeKind.DROPPED_ATTRIBUTION],
        id="no-source",
    ),
    pytest.param(
        (FARMERS,),
        ("Local farmers face losses this year.", "The newspaper added that detail."),
        [],
        id="near-source-in-neighbour-sentence-of-group",
    ),
    pytest.param(
        ("Rates will rise, according to the Daily Ledger.",),
        ("Rates will rise, according to the Morning Star.",),
        [ChangeKind.CHANGED_ATTRIBUTION],
        id="other-named-source",
    ),
    pytest.param(
        ("Rates will rise, according to the Daily Ledger.",),
        ("Rates will rise, according to the Ledger.",),
        [],
        id="near-same-named-source",
    ),
    pytest.param(
        ("Rates will rise, the newspaper said.",),
        ("Rates will rise, the paper said.",),
        [],
        id="unnamed-source-reworded",
    ),
    pytest.param(
        ("Some farmers want higher prices this year.",),
        ("Farmers want higher prices this year.",),
        [],
        id="attitude-verb-not-a-claim",
    ),
    pytest.param((FARMERS,), (FARMERS,), [], id="identical"),
    pytest.param(
        ("Rates will rise, the bank's chief said.",),
        ("Rates will rise, the bank\u2019s chief said.",),
        [],
        id="typographic",
    ),
    pytest.param(
        ("Having said that, the pier reopened late.",),
        ("Even so, the pier reopened late.",),
        [],
        id="aside-reworded-is-no-dropped-source",
    ),
    pytest.param(
        ("Having said that the pier reopened late, officials said nothing more.",),
        ("The pier reopened late.",),
        [ChangeKind.DROPPED_ATTRIBUTION],
        id="near-clause-with-source-dropped",
    ),
]


@pytest.mark.parametrize(("before", "after", "expected"), DETECTOR)
def test_attribution_detector(
    before: tuple[str, ...], after: tuple[str, ...], expected: list[ChangeKind]
) -> None:
    assert kinds(before, after) == expected


def test_a_quotation_given_to_someone_else_is_left_to_the_quote_detector() -> None:
    before = ('"The harbour will reopen in May," Ana Ruiz said.',)
    assert kinds(before, ('"The harbour will reopen in May," Tom Hale said.',)) == []
    assert kinds(before, ('"The harbour will reopen in May."',)) == [ChangeKind.DROPPED_ATTRIBUTION]


def test_dropped_attribution_evidence() -> None:
    ctx = context((FARMERS,), ("Local farmers are reportedly facing losses this year.",))
    (change,) = AttributionDetector().detect(ctx)
    assert change.severity is Severity.HIGH
    assert [s.text for s in change.original] == ["the newspaper", "added"]
    assert [s.text for s in change.rewrite] == ["reportedly"]
    assert change.group == 0
    assert '"reportedly"' in change.explanation
    assert change.detector == "attribution"


def test_added_and_removed_groups_are_left_to_the_content_detector() -> None:
    assert kinds((FARMERS,), ("Rain fell.",), Relation.PARAPHRASED) == [
        ChangeKind.DROPPED_ATTRIBUTION
    ]
    assert kinds((FARMERS,), ("Rain fell.",), Relation.REMOVED) == []


def test_compare_end_to_end() -> None:
    original = (
        "The harbour reopened on Monday.\n\n"
        "Local farmers, the newspaper added, are facing losses this year.\n"
    )
    rewrite = (
        "The harbour reopened on Monday.\n\nLocal farmers are reportedly facing losses this year.\n"
    )
    report = newsdiff.compare(original, rewrite, detectors=[AttributionDetector()])
    assert [c.kind for c in report.changes] == [ChangeKind.DROPPED_ATTRIBUTION]
    assert newsdiff.compare(original, original, detectors=[AttributionDetector()]).changes == ()
    moved = (
        "The harbour reopened on Monday.\n\n"
        "Local farmers face losses this year. The newspaper added that detail.\n"
    )
    report = newsdiff.compare(original, moved, detectors=[AttributionDetector()])
    assert report.changes == ()


@pytest.mark.parametrize(
    ("original", "rewrite", "expected"),
    [
        pytest.param(
            "Mexican President Claudia Sheinbaum spoke. The Mexican president said talks work.",
            "Mexican President Claudia Sheinbaum spoke. Sheinbaum said talks work.",
            [],
            id="title-then-name-introduces",
        ),
        pytest.param(
            "Claudia Sheinbaum, the Mexican president, spoke. Sheinbaum said talks work.",
            "Claudia Sheinbaum, the Mexican president, spoke. "
            "The Mexican president said talks work.",
            [],
            id="apposition-introduces",
        ),
        pytest.param(
            "The Mexican president said talks work.",
            "Claudia Sheinbaum said talks work.",
            [ChangeKind.CHANGED_ATTRIBUTION],
            id="near-nothing-links-them",
        ),
        pytest.param(
            "Ana Ruiz met Tom Hale. Ruiz said talks work.",
            "Ana Ruiz met Tom Hale. Hale said talks work.",
            [ChangeKind.CHANGED_ATTRIBUTION],
            id="near-two-names-side-by-side",
        ),
    ],
)
def test_a_story_that_introduces_a_source_by_title_links_the_two(
    original: str, rewrite: str, expected: list[ChangeKind]
) -> None:
    report = newsdiff.compare(original, rewrite)
    assert [c.kind for c in report.changes if c.detector == "attribution"] == expected
