from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from _contexts import one_sentence_group, sentences
from newsdiff._text import fold
from newsdiff.detect import Context
from newsdiff.detect._annotations import annotate
from newsdiff.detect._attribution import find_attributions
from newsdiff.detect._quotes import (
    _COMPARED_WORD,
    extract_quotations,
    folded_in_place,
    group_at,
    is_partial_quote,
    is_scare_quote,
    quote_words,
)
from newsdiff.detect.quotes import (
    INDIRECT_SPEECH_NOTE,
    JOINED_NOTE,
    PARAPHRASE_NOTE,
    SHORTENED_NOTE,
    QuoteDetector,
    build_quote_ledger,
)
from newsdiff.models import (
    AlignmentGroup,
    ChangeKind,
    QuoteStatus,
    Relation,
    Severity,
    Span,
)

# --- extraction -------------------------------------------------------------------------

EXTRACTION = [
    # (text, [(content, speaker)])
    pytest.param(
        '"We will not wait," said Tom Hale.',
        [("We will not wait,", "Tom Hale")],
        id="straight-said-after",
    ),
    pytest.param(
        "The harbour master added: \u201cPrices will rise next year.\u201d",
        [("Prices will rise next year.", "The harbour master")],
        id="curly-cue-before-colon",
    ),
    pytest.param(
        "Ana Ruiz added, \u201cThe pier will open in May.\u201d",
        [("The pier will open in May.", "Ana Ruiz")],
        id="x-added-comma",
    ),
    pytest.param(
        "\u201cThey told us \u2018stay home\u2019 all week,\u201d Ana Ruiz said.",
        [("They told us \u2018stay home\u2019 all week,", "Ana Ruiz")],
        id="nested-single",
    ),
    pytest.param(
        'Ana Ruiz said: "They told us \u201cstay home\u201d all week and we did."',
        [("They told us \u201cstay home\u201d all week and we did.", "Ana Ruiz")],
        id="curly-inside-straight",
    ),
    pytest.param(
        '\u201cThey told us "stay home" all week,\u201d Ana Ruiz said.',
        [('They told us "stay home" all week,', "Ana Ruiz")],
        id="straight-inside-curly",
    ),
    pytest.param(
        "Glenmoor's mayor can't recall the '90s or the players' union.",
        [],
        id="apostrophes-are-not-marks",
    ),
    pytest.param(
        "\u201cRain came early. Then the river rose,\u201d the ranger said.",
        [("Rain came early. Then the river rose,", "the ranger")],
        id="spans-sentences",
    ),
    pytest.param(
        "\u201cThe first part ends here\n\n\u201cand the second one closes,\u201d said Tom Hale.",
        [("The first part ends here", "Tom Hale"), ("and the second one closes,", "Tom Hale")],
        id="multi-paragraph",
    ),
    pytest.param(
        "\u201cThis mark is never closed\n\nThe next paragraph is plain narration.",
        [],
        id="unclosed-not-reopened",
    ),
    pytest.param(
        "Ana Ruiz spoke first. \u201cWe will rebuild the pier,\u201d she said.",
        [("We will rebuild the pier,", "Ana Ruiz")],
        id="pronoun-resolved",
    ),
    pytest.param(
        "According to the agency, \u201cnobody was hurt in the blast.\u201d",
        [("nobody was hurt in the blast.", "the agency")],
        id="according-to",
    ),
    pytest.param(
        "\u201cWe will rebuild,\u201d Ana Ruiz said, \u201cand we will do it fast.\u201d",
        [("We will rebuild,", "Ana Ruiz"), ("and we will do it fast.", "Ana Ruiz")],
        id="interrupted-by-cue",
    ),
    pytest.param(
        "''We will rebuild the pier,'' Ana Ruiz said.",
        [("We will rebuild the pier,", "Ana Ruiz")],
        id="doubled-apostrophes",
    ),
    pytest.param(
        "\u201cThe pier is closed for good.\u201d Ana Ruiz said nothing else.",
        [("The pier is closed for good.", None)],
        id="no-cue-after-a-full-stop",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXTRACTION)
def test_extract_quotations(text: str, expected: list[tuple[str, str | None]]) -> None:
    found = extract_quotations(text)
    assert [(q.content.text, q.speaker) for q in found] == expected
    for quotation in found:
        assert text[quotation.span.start : quotation.span.end] == quotation.span.text
        assert quotation.span.start < quotation.content.start <= quotation.content.end
        assert quotation.content.end <= quotation.span.end


def test_quotation_spans_marks_cue_and_speaker() -> None:
    text = 'Rain fell. "We will not wait," said Tom Hale.'
    (quotation,) = extract_quotations(text)
    assert quotation.span == Span.of(text, 11, 30)
    assert quotation.content == Span.of(text, 12, 29)
    assert quotation.cue == Span.of(text, 31, 35)
    assert quotation.speaker_span == Span.of(text, 36, 44)


def test_pronoun_keeps_its_own_span() -> None:
    text = "Ana Ruiz spoke first. \u201cWe will rebuild the pier,\u201d she said."
    (quotation,) = extract_quotations(text)
    assert quotation.speaker == "Ana Ruiz"
    assert quotation.speaker_span is not None
    assert quotation.speaker_span.text == "she"


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ('The so-called "reform" stalled in the council.', True),
        ("She appeared on \u201cMeet the Press\u201d on Sunday.", True),
        ('"Meet me at the press room," she said.', False),
        ('"We are ready for the storm," he said.', False),
        # Two words are a quotation when somebody says them, closing on their punctuation.
        ('"We\u2019re ready," Ana Ruiz said.', False),
        ('"No comment," the spokesman said.', False),
        ('Ana Ruiz called it "a disaster" on Monday.', True),
        ('"Reform" stalled, the mayor said.', True),
    ],
)
def test_scare_quotes_and_titles_are_flagged(text: str, scare: bool) -> None:
    (quotation,) = extract_quotations(text)
    assert is_scare_quote(quotation) is scare


@pytest.mark.parametrize(
    ("text", "partial"),
    [
        ('The mayor vowed to "fight on until the very end" of the year.', True),
        ('The mayor said: "We will fight on until the very end."', False),
        ('"We will fight on until the very end," the mayor said.', False),
        ('The mayor said "we will fight on until the very end."', False),
        ('The mayor said that "we will fight on until the very end."', True),
    ],
)
def test_partial_quotes(text: str, partial: bool) -> None:
    (quotation,) = extract_quotations(text)
    assert is_partial_quote(text, quotation) is partial


def test_title_abbreviation_does_not_end_the_sentence() -> None:
    text = '"By rebuilding the pier," Mr. Ruiz said, "we save the harbour."'
    found = extract_quotations(text)
    assert [(q.speaker, q.cue.text if q.cue else None) for q in found] == [
        ("Mr. Ruiz", "said"),
        ("Mr. Ruiz", "said"),
    ]


def test_quote_words_ignore_typography() -> None:
    assert quote_words("Can\u2019t \u2014 WELL-known!") == quote_words("can't - well known")


def _folded_words(text: str) -> tuple[str, ...]:
    """quote_words() by definition: fold() in full, lower-case, then the words."""
    return tuple(_COMPARED_WORD.findall(fold(text).lower()))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The US and NATO said no.", ("the", "us", "and", "nato", "said", "no")),
        ("Can\u2019t \u2014 won\u2019t", ("can't", "won't")),
        ("rock `n` roll", ("rock", "n", "roll")),
        # ASCII that folding joins (a backtick, a dropped control character), beside
        # ASCII it leaves apart (spaces, a tab, a line break).
        ("Don`t STOP a\x01b\x7fc", ("don't", "stop", "abc")),
        ("Don t STOP a\tb\nc", ("don", "t", "stop", "a", "b", "c")),
        ("pier\u00adside talks", ("pierside", "talks")),
        # Characters that fold into letters: an all-capital word keeps them as written,
        # a lower-case one loses its accents.
        ("\u00c9T\u00c9 in \u00e9t\u00e9", ("\u00e9t\u00e9", "in", "ete")),
        ("AB\u2122 and ab\u2122", ("ab", "and", "abtm")),
    ],
)
def test_quote_words_fold_as_fold_does(text: str, words: tuple[str, ...]) -> None:
    assert quote_words(text) == words
    assert quote_words(text) == _folded_words(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.sampled_from(
            list("aZ9_ '`.-\t\n\x01")
            + list("\u2019\u201c\u2014\u00a0\u00ad\u200b\u2026\u00c9\u00e9\u2122\u03a3\u00bd")
        ),
        max_size=40,
    )
)
def test_quote_words_always_equal_the_full_fold(text: str) -> None:
    assert quote_words(text) == _folded_words(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=40))
def test_quote_words_of_ascii_equal_the_full_fold(text: str) -> None:
    assert quote_words(text) == _folded_words(text)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Don\u2019t STOP, she said.", "don't stop, she said."),
        ("Don`t\tSTOP", "don't stop"),
        ("Don't\tSTOP", "don't\tstop"),
        # A character folding drops (a control character) or turns into letters (an
        # accented one) would move or change the words: no answer.
        ("Don`t a\x01b", None),
        ("\u00c9t\u00e9 talks", None),
    ],
)
def test_folded_in_place(text: str, folded: str | None) -> None:
    assert folded_in_place(text) == folded


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.sampled_from(list("aZ9_ '`.-\t\n") + list("\u2019\u201c\u2014\u00a0\u2026\u00c9")),
        max_size=40,
    ),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_words_of_a_stretch_lie_in_its_fold_in_place(text: str, start: int, end: int) -> None:
    folded = folded_in_place(text)
    if folded is not None:
        assert len(folded) == len(text)
        stretch = folded[start:end]
        assert all(word in stretch for word in quote_words(text[start:end]))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Ana Ruiz spoke.\n\nThe council met on Monday.\n\n"
            "\u201cWe will rebuild the pier,\u201d she said.",
            "Ana Ruiz",
            id="name-two-paragraphs-back",
        ),
        pytest.param(
            "Officials spoke.\n\nThe council met.\n\n"
            "\u201cWe will rebuild the pier,\u201d she said.",
            None,
            id="one-capitalised-word-names-nobody",
        ),
        pytest.param(
            "Ana Ruiz spoke. Tom Hale agreed.\n\u201cWe will rebuild the pier,\u201d he said.",
            "Tom Hale",
            id="last-name-before-the-pronoun",
        ),
        pytest.param(
            "Claudia Ruiz spoke. She met Donald Hale.\n"
            "\u201cWe will rebuild the pier,\u201d she said.",
            "Claudia Ruiz",
            id="she-passes-over-a-man",
        ),
        pytest.param(
            "Claudia Ruiz spoke. She met Donald Hale.\n"
            "\u201cWe will rebuild the pier,\u201d he said.",
            "Donald Hale",
            id="near-miss-he-takes-the-man",
        ),
        pytest.param(
            "Ana Ruiz spoke. She met Sam Hale.\n\u201cWe will rebuild the pier,\u201d she said.",
            "Sam Hale",
            id="a-name-of-either-gender-is-still-the-last",
        ),
        pytest.param(
            "Lena Okafor spoke.\n\n" + "The council met again. " * 150 + "\n\n"
            "Tom Hale spoke.\n\u201cWe will rebuild the pier,\u201d she said.",
            "Tom Hale",
            id="no-woman-named-near-keeps-the-last-name",
        ),
        pytest.param(
            "Mexican President Ana Ruiz spoke.\n\u201cWe will rebuild the pier,\u201d she said.",
            "Ana Ruiz",
            id="words-up-to-a-title-are-not-the-name",
        ),
    ],
)
def test_pronoun_takes_the_last_name_before_it(text: str, speaker: str | None) -> None:
    (quotation,) = extract_quotations(text)
    assert quotation.speaker == speaker


def test_extraction_is_linear_enough() -> None:
    text = ('"We will rebuild the pier," Ana Ruiz said. ' * 2000) + '"' * 3000
    assert len(extract_quotations(text)) == 2000


# --- ledger and detector ----------------------------------------------------------------


def context(before: str, after: str) -> Context:
    """One edited group of one sentence a side, with the quote ledger built."""
    return one_sentence_group(before, after, ledger=True)


def changes(before: str, after: str) -> list[tuple[ChangeKind, Severity]]:
    return [(c.kind, c.severity) for c in QuoteDetector().detect(context(before, after))]


SAID = 'Ana Ruiz said "{}" on Monday.'

DETECTOR = [
    # (before, after, expected kinds and severities)
    pytest.param(
        SAID.format("we must rebuild the pier, hence de repairs"),
        SAID.format("we must rebuild the pier, hence the repairs"),
        [(ChangeKind.ALTERED_QUOTE, Severity.LOW)],
        id="grammar-fix-is-low",
    ),
    pytest.param(
        SAID.format("we must rebuild the pier, hence the repairs"),
        SAID.format("we must demolish the pier, hence the repairs"),
        [(ChangeKind.ALTERED_QUOTE, Severity.HIGH)],
        id="meaning-change-is-high",
    ),
    pytest.param(
        SAID.format("we will rebuild the pier this year"),
        SAID.format("we will not rebuild the pier this year"),
        [(ChangeKind.ALTERED_QUOTE, Severity.HIGH)],
        id="negation-is-high",
    ),
    pytest.param(
        SAID.format("we cannot rebuild the pier this year"),
        SAID.format("we can't rebuild the pier this year"),
        [(ChangeKind.ALTERED_QUOTE, Severity.LOW)],
        id="contraction-is-low",
    ),
    pytest.param(
        '"We will win," Ana Ruiz said.',
        '"We\'ll win," Ana Ruiz said.',
        [(ChangeKind.ALTERED_QUOTE, Severity.LOW)],
        id="contraction-in-a-short-quote-is-low",
    ),
    pytest.param(
        '"We are not ready," Ana Ruiz said.',
        '"We\'re ready," Ana Ruiz said.',
        [(ChangeKind.ALTERED_QUOTE, Severity.HIGH)],
        id="near-contraction-drops-a-negation",
    ),
    pytest.param(
        SAID.format("we must rebuild the pier - it's well-known"),
        "Ana Ruiz said \u201cWe must rebuild the pier \u2014 it\u2019s well known\u201d on Monday.",
        [],
        id="typography-only",
    ),
    pytest.param(
        SAID.format("we must rebuild the pier before the storms"),
        SAID.format("we must rebuild the pier before the storms"),
        [],
        id="identical",
    ),
    pytest.param(
        SAID.format("we must rebuild the pier before the winter storms arrive"),
        SAID.format("we must rebuild the pier"),
        [],
        id="shortened-is-verbatim",
    ),
]


@pytest.mark.parametrize(("before", "after", "expected"), DETECTOR)
def test_quote_detector(
    before: str, after: str, expected: list[tuple[ChangeKind, Severity]]
) -> None:
    assert changes(before, after) == expected


def test_altered_quote_carries_both_quotes_and_the_group() -> None:
    before = SAID.format("we must rebuild the pier, hence de repairs")
    after = SAID.format("we must rebuild the pier, hence the repairs")
    (change,) = QuoteDetector().detect(context(before, after))
    assert [span.text for span in change.original] == [
        '"we must rebuild the pier, hence de repairs"'
    ]
    assert [span.text for span in change.rewrite] == [
        '"we must rebuild the pier, hence the repairs"'
    ]
    assert change.group == 0
    assert '"de" became "the"' in change.explanation
    assert change.detector == "quotes"


def test_fabricated_quote_from_indirect_speech_says_so() -> None:
    before = "Ana Ruiz also said that the harbour cannot be saved by walls alone."
    after = "\u201cThe harbour cannot be saved by walls alone,\u201d Ana Ruiz said."
    ctx = context(before, after)
    (entry,) = ctx.quotes
    assert entry.status is QuoteStatus.FABRICATED
    assert entry.note == INDIRECT_SPEECH_NOTE
    (change,) = QuoteDetector().detect(ctx)
    assert change.kind is ChangeKind.FABRICATED_QUOTE
    assert change.severity is Severity.HIGH
    assert INDIRECT_SPEECH_NOTE in change.explanation
    assert [span.text for span in change.original] == [before]


def test_fabricated_quote_without_source_words_has_no_note() -> None:
    before = "Ana Ruiz spoke about the budget for the coming year."
    after = "\u201cThe harbour cannot be saved by walls alone,\u201d Ana Ruiz said."
    ctx = context(before, after)
    (entry,) = ctx.quotes
    assert entry.status is QuoteStatus.FABRICATED
    assert entry.note == ""
    (change,) = QuoteDetector().detect(ctx)
    assert change.kind is ChangeKind.FABRICATED_QUOTE
    assert INDIRECT_SPEECH_NOTE not in change.explanation


def test_removed_quote_and_paraphrase() -> None:
    quoted = '"The harbour cannot be saved by walls alone," Ana Ruiz said.'
    dropped = changes(quoted, "Ana Ruiz spoke about the budget for the coming year.")
    assert dropped == [(ChangeKind.REMOVED_QUOTE, Severity.HIGH)]
    paraphrased = "Ana Ruiz said the harbour cannot be saved by walls alone."
    ctx = context(quoted, paraphrased)
    (entry,) = ctx.quotes
    assert entry.status is QuoteStatus.REMOVED
    assert entry.note == PARAPHRASE_NOTE
    assert changes(quoted, paraphrased) == [(ChangeKind.REMOVED_QUOTE, Severity.MEDIUM)]


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ('"The harbour cannot be saved by walls alone," Tom Hale said.', True),
        ('"The harbour cannot be saved by walls alone," Ruiz said.', False),
        ('"The harbour cannot be saved by walls alone," she said.', False),
    ],
)
def test_changed_speaker(after: str, expected: bool) -> None:
    before = '"The harbour cannot be saved by walls alone," Ana Ruiz said.'
    kinds = changes(before, after)
    assert ((ChangeKind.CHANGED_ATTRIBUTION, Severity.HIGH) in kinds) is expected
    if expected:
        (change,) = QuoteDetector().detect(context(before, after))
        assert [span.text for span in change.original] == ["Ana Ruiz"]
        assert [span.text for span in change.rewrite] == ["Tom Hale"]


def test_quotation_split_by_its_cue_and_joined_again_is_not_a_change() -> None:
    before = '"We will rebuild," Ana Ruiz said, "and we will do it fast."'
    after = '"We will rebuild and we will do it fast," Ana Ruiz said.'
    ctx = context(before, after)
    assert [e.note for e in ctx.quotes] == ["", JOINED_NOTE]
    assert list(QuoteDetector().detect(ctx)) == []


def test_a_repeated_quotation_pairs_with_each_occurrence() -> None:
    said = '"We will rebuild the pier," Ana Ruiz said.'
    other = "Rain fell on the harbour all night."
    ctx = context(f"{said} {other} {said}", f"{other} {said} {said}")
    assert [e.status for e in ctx.quotes] == [QuoteStatus.VERBATIM, QuoteStatus.VERBATIM]
    assert list(QuoteDetector().detect(ctx)) == []


def test_a_repeated_phrase_is_not_joined_into_a_quotation() -> None:
    before = '"Tell that to the janitor," he said. "Tell that to the nurse," she said.'
    after = '"Tell that to the janitor," he said. "Tell that to the nurses," she said.'
    assert changes(before, after) == [(ChangeKind.ALTERED_QUOTE, Severity.LOW)]


def test_shortened_quote_is_noted() -> None:
    ctx = context(
        SAID.format("we must rebuild the pier before the winter storms arrive"),
        SAID.format("we must rebuild the pier"),
    )
    (entry,) = ctx.quotes
    assert (entry.status, entry.note) == (QuoteStatus.VERBATIM, SHORTENED_NOTE)


def test_group_at_finds_the_group_of_an_offset() -> None:
    text = "One sentence. Two sentence."
    groups = (
        AlignmentGroup(relation=Relation.EDITED, rewrite=(Span.of(text, 0, 13),)),
        AlignmentGroup(relation=Relation.ADDED, rewrite=(Span.of(text, 14, 27),)),
    )
    assert group_at(groups, 3, rewrite=True) == 0
    assert group_at(groups, 20, rewrite=True) == 1
    assert group_at(groups, 20, rewrite=False) is None


# --- end to end -------------------------------------------------------------------------

ARTICLE = (
    "Ana Ruiz, the harbour master, spoke on Monday.\n\n"
    '"We need to rebuild the pier because the storms are wrecking it, hence de repairs," '
    "she said.\n\n"
    "She also said that the harbour cannot be saved by walls alone.\n"
)


def test_compare_reports_quote_changes_end_to_end() -> None:
    rewrite = (
        "Ana Ruiz, the harbour master, spoke on Monday.\n\n"
        "\u201cWe need to rebuild the pier because the storms are wrecking it, hence the "
        "repairs,\u201d she said.\n\n"
        "\u201cThe harbour cannot be saved by walls alone,\u201d she added.\n"
    )
    report = newsdiff.compare(ARTICLE, rewrite, detectors=[QuoteDetector()])
    found = {(c.kind, c.severity) for c in report.changes}
    assert (ChangeKind.ALTERED_QUOTE, Severity.LOW) in found
    assert (ChangeKind.FABRICATED_QUOTE, Severity.HIGH) in found
    for change in report.changes:
        assert change.group is not None
        assert change.rewrite[0].start in range(
            report.alignment[change.group].rewrite[0].start,
            report.alignment[change.group].rewrite[-1].end,
        )


@pytest.mark.parametrize(
    "rewrite",
    [
        ARTICLE,
        ARTICLE.replace('"', "\u201c", 1).replace(',"', ",\u201d").replace("'", "\u2019"),
    ],
    ids=["identical", "typography"],
)
def test_compare_finds_nothing_without_a_change(rewrite: str) -> None:
    report = newsdiff.compare(ARTICLE, rewrite, detectors=[QuoteDetector()])
    assert report.changes == ()


# --- properties -------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Ana",
        "Ruiz",
        "said",
        "she",
        "we",
        "will",
        "rebuild",
        "the",
        "pier",
        "according to",
        "reportedly",
        ",",
        ".",
        ":",
        '"',
        "'",
        "''",
        "\u201c",
        "\u201d",
        "\u2018",
        "\u2019",
        "\n",
        "\n\n",
        "Mr.",
        "\u2014",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=60).map(" ".join))
def test_extraction_spans_always_index_the_text(text: str) -> None:
    for quotation in extract_quotations(text):
        assert quotation.span.text == text[quotation.span.start : quotation.span.end]
        assert quotation.span.start <= quotation.content.start <= quotation.content.end
        assert quotation.content.end <= quotation.span.end
        for span in (quotation.cue, quotation.speaker_span):
            assert span is None or span.text == text[span.start : span.end]
    for attribution in find_attributions(text):
        assert attribution.cue.text == text[attribution.cue.start : attribution.cue.end]


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=60).map(" ".join))
def test_a_text_against_itself_has_only_verbatim_quotes(text: str) -> None:
    ledger = build_quote_ledger(sentences(text), sentences(text))
    assert all(entry.status is QuoteStatus.VERBATIM for entry in ledger)


def test_a_context_built_by_hand_annotates_its_own_documents() -> None:
    original = sentences('Ana Ruiz said: "We will build the bridge next year."')
    rewrite = sentences('"We will build a bridge," Ana Ruiz said.')
    context = Context(original=original, rewrite=rewrite, alignment=())
    assert context.original_notes.document is original
    assert [q.content.text for q in context.original_notes.quotations] == [
        "We will build the bridge next year."
    ]
    assert [q.content.text for q in context.rewrite_notes.quotations] == ["We will build a bridge,"]


@pytest.mark.parametrize(
    ("field", "notes_of"),
    [("original_notes", "rewrite"), ("rewrite_notes", "original"), ("original_notes", "copy")],
)
def test_a_context_refuses_notes_taken_on_another_document(field: str, notes_of: str) -> None:
    original = sentences('Ana Ruiz said: "We will build the bridge next year."')
    rewrite = sentences('"We will build a bridge," Ana Ruiz said.')
    texts = {"original": original, "rewrite": rewrite, "copy": sentences(original.text)}
    notes = annotate(texts[notes_of])
    if notes_of == "copy":  # an equal document is the same text: its notes are fine
        Context(original=original, rewrite=rewrite, alignment=(), **{field: notes})
        return
    with pytest.raises(newsdiff.InputError, match=field):
        Context(original=original, rewrite=rewrite, alignment=(), **{field: notes})


def test_edits_side_by_side_are_described_as_one() -> None:
    report = newsdiff.compare(
        '"We will win this race," Ana Ruiz said.', '"We\'ll win this race," Ana Ruiz said.'
    )
    (change,) = report.changes
    assert change.kind is ChangeKind.ALTERED_QUOTE
    assert change.explanation.endswith('"we will" became "we\'ll".')
