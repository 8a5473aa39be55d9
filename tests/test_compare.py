from __future__ import annotations

import pytest

import newsdiff
from newsdiff import ChangeKind, InputError, MoveDirection, Relation, Severity


def groups(report: newsdiff.Report) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(g.relation.value, g.original_sentences, g.rewrite_sentences) for g in report.alignment]


def assert_every_sentence_once(report: newsdiff.Report) -> None:
    originals = sorted(i for g in report.alignment for i in g.original_sentences)
    rewrites = sorted(j for g in report.alignment for j in g.rewrite_sentences)
    assert originals == list(range(len(report.original.sentences)))
    assert rewrites == list(range(len(report.rewrite.sentences)))


def test_identical_text_gives_no_change(seed_texts: dict[str, str]) -> None:
    report = newsdiff.compare(seed_texts["000"], seed_texts["000"])
    assert report.changes == ()
    assert {g.relation for g in report.alignment} == {Relation.IDENTICAL}
    assert report.metrics.reuse == report.metrics.coverage == 1.0


def test_typography_only_edit_gives_no_change(seed_texts: dict[str, str]) -> None:
    original = seed_texts["000"]
    curly = original.replace(' "', " \u201c").replace('"', "\u201d").replace("'", "\u2019")
    variant = curly.replace(". ", ".   ").replace("\n\n", "\n\n\n").replace(" the ", " the\u00a0")
    assert variant != original
    report = newsdiff.compare(original, variant)
    assert report.changes == ()
    assert Relation.TYPOGRAPHIC in {g.relation for g in report.alignment}


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_every_sentence_sits_in_exactly_one_group(seed_texts: dict[str, str], prefix: str) -> None:
    assert_every_sentence_once(newsdiff.compare(seed_texts["000"], seed_texts[prefix]))


def test_paragraphs_reused_verbatim_align_as_identical(seed_texts: dict[str, str]) -> None:
    report = newsdiff.compare(seed_texts["000"], seed_texts["003"])
    reused = "Right now, the CIA is carrying secret drone flights over Mexico"
    (group,) = [g for g in report.alignment if g.rewrite and g.rewrite[0].text.startswith(reused)]
    assert group.relation is Relation.IDENTICAL
    index = report.alignment.index(group)
    assert [c for c in report.changes if c.group == index] == []
    identical = [g for g in report.alignment if g.relation is Relation.IDENTICAL]
    assert len(identical) >= 10


def test_other_outlet_reuses_far_less_than_rewrites(seed_texts: dict[str, str]) -> None:
    reuse = {
        prefix: newsdiff.compare(seed_texts["000"], seed_texts[prefix]).metrics.reuse
        for prefix in ("001", "002", "003", "004")
    }
    assert reuse["004"] < 0.05
    assert reuse["001"] > 3 * reuse["004"] + 0.1
    assert reuse["002"] > 3 * reuse["004"] + 0.1
    assert reuse["003"] > reuse["001"]


def test_heavy_paraphrase_keeps_most_sentences_aligned(seed_texts: dict[str, str]) -> None:
    report = newsdiff.compare(seed_texts["000"], seed_texts["001"])
    matched = sum(len(g.original_sentences) for g in report.alignment if g.rewrite_sentences)
    assert matched >= 0.75 * len(report.original.sentences)


def test_removed_and_added_sentences() -> None:
    report = newsdiff.compare(
        "Officials met on Monday. Talks failed. Both sides left.",
        "Officials met on Monday. Both sides left. A new round is planned.",
    )
    assert groups(report) == [
        ("identical", (0,), (0,)),
        ("removed", (1,), ()),
        ("identical", (2,), (1,)),
        ("added", (), (2,)),
    ]
    assert [(c.kind, c.severity) for c in report.changes] == [
        (ChangeKind.REMOVED_CONTENT, Severity.MEDIUM),
        (ChangeKind.ADDED_CONTENT, Severity.MEDIUM),
    ]
    assert report.changes[0].original[0].text == "Talks failed."
    assert report.changes[1].rewrite[0].text == "A new round is planned."


def test_moved_sentence_has_a_direction() -> None:
    original = (
        "The mayor opened the new bridge on Tuesday. Traffic engineers expect shorter commutes. "
        "Residents had waited ten years for the crossing. The project cost four million dollars."
    )
    rewrite = (
        "Residents had waited ten years for the crossing. "
        "The mayor opened the new bridge on Tuesday. Traffic engineers expect shorter commutes. "
        "The project cost four million dollars."
    )
    report = newsdiff.compare(original, rewrite)
    moved = [g for g in report.alignment if g.relation is Relation.MOVED]
    assert [(g.original[0].text, g.move) for g in moved] == [
        ("Residents had waited ten years for the crossing.", MoveDirection.EARLIER)
    ]
    assert [c.kind for c in report.changes] == [ChangeKind.MOVED]


def test_merged_sentences() -> None:
    original = (
        "The council approved the stadium budget. The vote was held on Thursday evening. "
        "Critics said the plan ignores the housing shortage."
    )
    rewrite = (
        "The council approved the stadium budget in a vote held on Thursday evening. "
        "Critics said the plan ignores the housing shortage."
    )
    report = newsdiff.compare(original, rewrite)
    assert groups(report)[0] == ("merged", (0, 1), (0,))
    assert groups(report)[1] == ("identical", (2,), (1,))


@pytest.mark.parametrize(
    ("original", "rewrite", "expected"),
    [
        pytest.param(
            '"We will win," Smith said. "It will take time."',
            '"We will win. It will take time," Smith said.',
            [("merged", (0, 1), (0,))],
            id="short-quotation-piece-joins-its-neighbour",
        ),
        pytest.param(
            "The mayor, who took office in 2020, resigned.",
            "The mayor resigned. She took office in 2020.",
            [("split", (0,), (0, 1))],
            id="short-sentence-split-off-a-clause",
        ),
        pytest.param(
            "Human Rights. The council ignored human rights for years.",
            "The council ignored human rights for years.",
            [("removed", (0,), ()), ("identical", (1,), (0,))],
            id="near-heading-its-section-already-explains",
        ),
        pytest.param(
            "The mayor resigned on Monday. She left.",
            "The mayor resigned on Monday and left.",
            [("edited", (0,), (0,)), ("removed", (1,), ())],
            id="near-one-word-is-too-little-to-merge",
        ),
    ],
)
def test_short_sentences_merge_only_when_their_words_run_on(
    original: str, rewrite: str, expected: list[tuple[str, tuple[int, ...], tuple[int, ...]]]
) -> None:
    assert groups(newsdiff.compare(original, rewrite)) == expected


def test_split_sentence() -> None:
    original = (
        "The council approved the stadium budget in a vote held on Thursday evening. "
        "Critics objected."
    )
    rewrite = (
        "The council approved the stadium budget. The vote was held on Thursday evening. "
        "Critics objected."
    )
    report = newsdiff.compare(original, rewrite)
    assert groups(report)[0] == ("split", (0,), (0, 1))


def test_word_edits_are_whole_words_and_slice_the_inputs() -> None:
    original, rewrite = (
        "Officials tested the plan on Monday.",
        "Officials texted the plan on Friday.",
    )
    report = newsdiff.compare(original, rewrite)
    (group,) = report.alignment
    assert group.relation is Relation.EDITED
    assert [(e.original.text, e.rewrite.text) for e in group.edits if e.original and e.rewrite] == [
        ("tested", "texted"),
        ("Monday", "Friday"),
    ]
    for edit in group.edits:
        if edit.original:
            assert original[edit.original.start : edit.original.end] == edit.original.text
        if edit.rewrite:
            assert rewrite[edit.rewrite.start : edit.rewrite.end] == edit.rewrite.text


def test_reworded_is_reported_with_its_edits() -> None:
    report = newsdiff.compare(
        "The minister resigned after the vote.", "The minister quit after the vote."
    )
    (change,) = report.changes
    assert change.kind is ChangeKind.REWORDED
    assert change.severity is Severity.LOW
    assert [s.text for s in change.original] == ["resigned"]
    assert [s.text for s in change.rewrite] == ["quit"]


@pytest.mark.parametrize(
    ("original", "rewrite", "relation", "kinds"),
    [
        # A closing full stop added or dropped is punctuation, not meaning.
        ("Officials met. Talks failed", "Officials met. Talks failed.", "typographic", []),
        ("Officials met. Talks failed.", "Officials met. Talks failed", "typographic", []),
        # Near misses: a question or an exclamation changes how the claim reads.
        (
            "Officials met. Talks failed.",
            "Officials met. Talks failed?",
            "edited",
            ["added_speculation"],
        ),
        ("Officials met. Talks failed.", "Officials met. Talks failed!", "edited", ["reworded"]),
        # Other punctuation is not covered: a comma can change how a sentence reads.
        ("Officials met. Talks failed.", "Officials met. Talks, failed.", "edited", ["reworded"]),
    ],
)
def test_only_a_closing_full_stop_is_typography(
    original: str, rewrite: str, relation: str, kinds: list[str]
) -> None:
    report = newsdiff.compare(original, rewrite)
    assert report.alignment[-1].relation.value == relation
    assert [c.kind.value for c in report.changes] == kinds


@pytest.mark.parametrize(
    ("original", "rewrite", "relations", "kinds"),
    [
        pytest.param(
            "Mayor Quits After Vote\n\nThe mayor quit on Monday.",
            "MAYOR QUITS AFTER VOTE\n\nThe mayor quit on Monday.",
            ["typographic", "identical"],
            [],
            id="shouted-headline",
        ),
        pytest.param(
            "FBI chief quits after vote. Talks went on.",
            "FBI CHIEF QUITS AFTER VOTE. Talks went on.",
            ["typographic", "identical"],
            [],
            id="shouted-with-an-acronym",
        ),
        pytest.param(
            "The mayor met Ana Ruiz. They talked.",
            "THE MAYOR MET ANA RUIZ. THEY TALKED.",
            ["typographic", "typographic"],
            [],
            id="shouted-two-word-sentence",
        ),
        pytest.param(
            "MAYOR QUITS AFTER VOTE\n\nThe mayor quit.",
            "MAYOR STAYS AFTER VOTE\n\nThe mayor quit.",
            ["edited", "identical"],
            ["reworded"],
            id="near-shouted-word-changed",
        ),
        pytest.param(
            "The US mayor met us.",
            "The US mayor met US.",
            ["edited"],
            ["reworded"],
            id="near-acronym-in-ordinary-text",
        ),
    ],
)
def test_capitals_of_a_shouted_sentence_are_typography(
    original: str, rewrite: str, relations: list[str], kinds: list[str]
) -> None:
    report = newsdiff.compare(original, rewrite)
    assert [g.relation.value for g in report.alignment] == relations
    assert [c.kind.value for c in report.changes] == kinds


@pytest.mark.parametrize("invisible", ["\x07", "\x1b", "\x9f", "\u200e", "\u202e", "\u2066"])
def test_invisible_characters_inside_a_word_change_nothing(invisible: str) -> None:
    original = "Officials met on Monday. Talks failed."
    rewrite = f"Offi{invisible}cials met on Mon{invisible}day. Talks failed."
    report = newsdiff.compare(original, rewrite)
    assert [g.relation.value for g in report.alignment] == ["typographic", "identical"]
    assert report.changes == ()


def test_a_visible_character_inside_a_word_is_a_change() -> None:
    report = newsdiff.compare("Officials met on Monday.", "Offi-cials met on Monday.")
    assert [c.kind.value for c in report.changes] == ["reworded"]


def test_boilerplate_is_never_a_change() -> None:
    report = newsdiff.compare(
        "Officials met on Monday. Talks failed.",
        "UPDATE: Officials met on Monday. Talks failed.\n\n"
        "\u00a9 2026 Paper. All rights reserved.\n\n\n",
    )
    assert report.changes == ()


def test_bytes_input_is_decoded() -> None:
    text = "Caf\u00e9 owners met on Monday."
    report = newsdiff.compare(text.encode("utf-16"), text)
    assert report.changes == ()
    assert report.original.text == text


@pytest.mark.parametrize(("original", "rewrite"), [("", "Text."), ("Text.", "   ")])
def test_empty_input_is_an_input_error_naming_the_side(original: str, rewrite: str) -> None:
    side = "original" if not original.strip() else "rewrite"
    with pytest.raises(InputError, match=f"^{side}: "):
        newsdiff.compare(original, rewrite)


def test_filter_by_kind_and_severity(seed_texts: dict[str, str]) -> None:
    report = newsdiff.compare(seed_texts["000"], seed_texts["002"])
    high = report.filter(min_severity="medium")
    assert high.changes
    assert all(c.severity.rank >= Severity.MEDIUM.rank for c in high.changes)
    only = report.filter(kinds=["added_content"])
    assert {c.kind for c in only.changes} == {ChangeKind.ADDED_CONTENT}
    with pytest.raises(ValueError, match="not_a_kind"):
        report.filter(kinds=["not_a_kind"])


def test_readability_is_measured_for_both_versions(seed_texts: dict[str, str]) -> None:
    readability = newsdiff.compare(seed_texts["000"], seed_texts["001"]).metrics.readability
    assert readability.original.sentences == 18
    assert 10 < readability.original.words_per_sentence < 40
    assert readability.words_per_sentence_delta == pytest.approx(
        readability.rewrite.words_per_sentence - readability.original.words_per_sentence, abs=0.01
    )


def test_tone_counts_markers_per_thousand_words() -> None:
    original = "Officials said the plan failed. The council met on Monday."
    rewrite = (
        "The plan may have failed, critics claimed. The council reportedly met in a shocking "
        "session on Monday. Could it be revived?"
    )
    tone = newsdiff.compare(original, rewrite).metrics.tone
    assert tone.original.words == 10
    assert tone.original.hedges == 0.0
    assert tone.original.attributions == 100.0  # one "said" in ten words
    assert tone.rewrite.hedges > 0
    assert tone.hedges_delta == tone.rewrite.hedges
    assert tone.rewrite.loaded_terms > 0


def test_tone_ignores_markers_inside_quotations() -> None:
    text = 'The minister said: "We might lose, and it would be a disaster." Then she left.'
    tone = newsdiff.compare(text, text).metrics.tone
    assert tone.original.hedges == 0.0
    assert tone.original.loaded_terms == 0.0
    assert tone.original.quotations > 0
